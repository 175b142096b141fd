//! The fuzz targets of every decoder of outside data (issue 17,
//! `docs/fuzzing.md`).
//!
//! Each target is a plain function of the input bytes: it hands them to
//! every decoder of its group and, where a decode succeeds, checks the
//! decoder's promises: the value encodes back to the same bytes (for the
//! canonical binary encodings: exactly one byte string decodes to each
//! value), re-decodes to the same value, and its derived checks run without
//! panicking. A decoder that panics, or a promise that does not hold,
//! panics here: that is a finding. Decoders must refuse bad input with their
//! error, never panic.
//!
//! | target | decoders |
//! |---|---|
//! | [`protocol()`] | every `jifen_protocol::Decode` type (headers, commits, validator sets, transactions and every payload kind, every proof kind, accounts, points, provenance, subchain records), the verifier's light blocks, untrusted states and proofs, anchored reports, subchain audit checkpoints, `JLB1` light-block ranges, keys, hashes, addresses |
//! | [`rpc()`] | JSON-RPC envelopes (responses, requests, error objects) and every typed params and result object of `jifen_rpc_types` |
//! | [`p2p()`] | the request-response codec (request and answer frames) and peer addresses |
//! | [`qr()`] | UR parts, the multipart decoder fed a sequence of parts, the CBOR payloads of cold signing, derivation paths |
//! | [`uri()`] | payment-request URIs and decimal amounts, GS1 Digital Link URIs and product tags, EPCIS JSON events and their hash |
//! | [`files()`] | keystore files, light-store records, the wallet's records, chain settings, pending cold requests, audit and provenance bundles, fork and subchain evidence |
//!
//! `cargo fuzz` calls these from `fuzz/`; `tests/regressions.rs` replays the
//! kept corpus and every crash input on each `cargo test`.

// A fuzz target panics on purpose when a decoder breaks a promise.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod check;
mod files;
mod p2p;
mod protocol;
mod qr;
mod rpc;
mod uri;

pub use files::files;
pub use p2p::p2p;
pub use protocol::protocol;
pub use qr::qr;
pub use rpc::rpc;
pub use uri::uri;

/// A fuzz target: the input bytes, a panic on a finding.
pub type Target = fn(&[u8]);

/// Every target by name, for the regression test and the seed writer.
pub const TARGETS: [(&str, Target); 6] = [
    ("protocol", protocol),
    ("rpc", rpc),
    ("p2p", p2p),
    ("qr", qr),
    ("uri", uri),
    ("files", files),
];

/// The input as text: exactly (when UTF-8) and lossily (always), the two
/// ways a text decoder may be handed outside bytes.
fn texts(data: &[u8]) -> Vec<String> {
    let mut out = Vec::with_capacity(2);
    if let Ok(text) = std::str::from_utf8(data) {
        out.push(text.to_owned());
    } else {
        out.push(String::from_utf8_lossy(data).into_owned());
    }
    out
}
