//! Use cases: **subchains** (`docs/adr/0019-subchains-and-their-audit.md`).
//! A subchain's data is trusted only through its audit: every header it
//! reported valid under its own consensus and anchored in a verified
//! main-chain block.
//!
//! | intent | use case | view |
//! |---|---|---|
//! | list subchains with their audit status | [`list::list`] | [`views::SubchainListView`] |
//! | follow / unfollow (audited with every sync) | [`book::follow`], [`book::unfollow`] | [`views::SubchainView`] |
//! | audit one, with progress and cancel | [`audit::audit`] | [`views::SubchainAuditView`] |
//! | audit the followed ones after a sync | [`audit::audit_followed`] | [`views::SubchainAuditView`] |
//! | show a proven subchain state value | [`value::value`] | [`views::SubchainValueView`] |
//! | verify subchain evidence offline | [`evidence::verify`] | [`views::SubchainEvidenceView`] |
//!
//! [`book`] keeps, per network, the followed subchains and each audit's
//! checkpoint and last result, so an audit resumes where it stopped and
//! the list shows audit status without asking a node.

pub mod audit;
pub mod book;
pub mod error;
pub mod evidence;
pub mod list;
pub mod value;
pub mod views;

pub use error::SubchainFlowError;
