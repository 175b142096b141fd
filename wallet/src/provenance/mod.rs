//! Use cases: **product provenance** (`docs/adr/0020-provenance.md`,
//! `docs/traceability.md`). A tag's item is looked up on the chain and every
//! record checked: its event hash, its signature, its link, its signer's
//! registration, its inclusion in an audited subchain header, the main
//! chain's anchor over it, and the item's sales.
//!
//! | intent | use case | view |
//! |---|---|---|
//! | read a product tag | [`tag::parse`] | [`views::TagView`] |
//! | hash EPCIS events (CBV 2.0) | [`tag::event_hashes`] | [`views::EventHashView`] |
//! | trace a product: timeline and verdict | [`trace::trace`] | [`views::TraceView`] |
//! | export the lookup's bundle | [`bundle::save`] | |
//! | receive goods (append a signed record) | [`receiving::prepare`], [`receiving::PreparedRecord::sign`], [`receiving::submit_and_prove`] | [`receiving::RecordReview`], [`views::RecordedView`] |
//! | record a sale (main chain) | [`sale::review`], then the kept-action flow | [`sale::SaleReview`] |

pub mod bundle;
pub mod error;
pub mod receiving;
pub mod sale;
pub mod tag;
pub mod timeline;
pub mod trace;
pub mod views;

pub use error::ProvenanceFlowError;
