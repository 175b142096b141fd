//! Use case: **swap points and POINT, both ways, at a proven quote**.
//!
//! 1. [`quote()`]: prove the merchant's record and its current rate version,
//!    the sender's balances and the alliance's fees; check the swap with the
//!    chain's own rules ([`jifen_protocol::points::check_swap`], as the block
//!    after the proven one will) and quote it with the chain's own function
//!    ([`jifen_protocol::points::quote()`]), so the quote cannot disagree with
//!    execution. The [`SwapReview`] shows every number (pay, receive,
//!    minimum received, rate and side, cost against the mid, exchange,
//!    network and withdrawal fees, fee mode, round-trip cost, the rate's
//!    source, limits, deadline, quote validity) and that a swap is final.
//! 2. Sign with [`crate::action::PreparedAction::sign`] (or make a sign
//!    request for the cold device): refused with less than
//!    [`crate::action::MIN_CONFIRM_MS`] of validity left.
//! 3. [`prove_swap`]: broadcast, prove the inclusion and result, re-derive
//!    what the chain paid from the proven rate version the swap named, and
//!    prove both balances afterwards: the [`SwapReceipt`] (quoted against
//!    actual).
//!
//! The swap transaction names the rate version, a minimum out (never zero)
//! and a deadline height: the chain refuses it (`swap-rate-stale`,
//! `swap-below-min-out`, `swap-deadline-passed`) rather than run it at
//! other terms.

pub mod quote;
mod receipt;

pub use quote::{
    DEFAULT_SLIPPAGE_BPS, DirectionView, MAX_SLIPPAGE_BPS, QUOTE_VALIDITY_MS, RoundTripView,
    SWAP_DEADLINE_BLOCKS, SwapRequest, SwapReview, quote,
};
pub use receipt::{SwapReceipt, prove_swap};
