//! Cold signing over QR codes: the offline signer and the online wallet it is
//! paired with (see `docs/cold-signing.md`; the QR/UR transport is `jifen-qr`).
//!
//! The use cases are [`device`] (the cold signer: export the pairing, review
//! a request, sign) and [`requests`] (the paired online wallet: import the
//! pairing, make a request, accept the signature, broadcast, pending
//! requests, discard); their views are in [`views`]. The walk of one
//! transaction through the mechanisms below them:
//!
//! 1. Pairing. The cold device exports its account with
//!    [`signer::pair_export`] (an [`jifen_qr::AccountExport`] naming the chain it
//!    signs for); the online wallet imports it with [`online::pair_import`] as a
//!    watch-only wallet (no keystore: unlocking it is refused).
//! 2. Request. The online wallet builds the unsigned transaction, wraps it in a
//!    [`jifen_qr::SignRequest`] with a random id and keeps it in the
//!    [`pending::PendingStore`] ([`online::start_request`]), then shows it as
//!    animated QR frames ([`transport`]).
//! 3. Review. The cold device decodes the frames, checks the request against
//!    itself ([`signer::review_request`]: the chain it was paired for, the
//!    signer address derived from the path) and builds a [`review::Review`]:
//!    every line a person must see, as message ids and values the front end
//!    translates, and the request's [`fingerprint::RequestFingerprint`], which
//!    both devices show.
//! 4. Signing. Only a [`review::Confirmation`] obtained from that review (the
//!    person said yes, or a script typed the fingerprint) lets
//!    [`signer::sign_after_review`] sign; the answer goes back as a QR code.
//! 5. Acceptance. [`online::accept_signature`] takes the answer only if it
//!    names a pending request and verifies against the paired key for that
//!    exact transaction; the signed transaction is then broadcast and its
//!    inclusion proven through the light client. A request that will never
//!    be signed is discarded ([`pending::PendingStore::discard`]); one whose
//!    nonce another transaction took says so ([`PendingRequest::superseded`]).

pub mod context;
pub mod device;
pub mod error;
pub mod fingerprint;
pub mod online;
pub mod pending;
pub mod requests;
pub mod review;
mod review_lines;
pub mod signer;
pub mod transport;
pub mod views;

pub use error::ColdError;
pub use fingerprint::RequestFingerprint;
pub use online::{accept_signature, build_request, pair_import, start_request};
pub use pending::{PendingRequest, PendingStore, parse_request_id};
pub use review::{Asset, AssetAmount, Confirmation, Review, ReviewLine, ReviewValue};
pub use signer::{ColdPairing, pair_export, review_request, sign_after_review};
