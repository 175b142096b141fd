//! Points and POINT as the wallet sees them (issue 12,
//! `docs/adr/0013-points-swaps-and-history.md`): every merchant, rate and
//! balance read here is a state record proven against the verified header.
//!
//! | module | holds |
//! |---|---|
//! | [`asset`] | [`AssetInfo`]: symbol, name and decimals of POINT or a merchant's points; amounts as text and back |
//! | [`reads`] | proven reads of the points records: merchants, rate versions, the alliance, the supply, points balances |
//! | [`list`] | use case: **every asset held, each balance proven** ([`list::holdings`]) |
//! | [`merchants`] | use case: **a merchant and its rate history, proven** ([`merchants::merchants`], [`merchants::merchant`]) |
//! | [`error`] | [`PointsFlowError`]: the chain's points rules with amounts in the asset's unit, and the wallet's own checks |
//!
//! Swaps, payments, withdrawals and history are their own use cases
//! ([`crate::swap`], [`crate::pay`], [`crate::withdraw`], history).

pub mod asset;
pub mod error;
pub mod list;
pub mod merchants;
pub mod reads;

pub use asset::AssetInfo;
pub use error::PointsFlowError;
