//! [`BundleError`]: why an audit bundle is refused, one code per rule.

use jifen_protocol::message::{Arg, Coded};
use jifen_protocol::{DecodeError, Hash32};

use super::BUNDLE_FORMAT;
use crate::proof::ProofError;
use crate::verifier::{PowerTally, VerificationError};

/// Why a bundle is refused.
///
/// Codes: `lc-bundle-root`, `lc-bundle-invalid`,
/// `lc-bundle-not-enough-trust`, `lc-bundle-json`,
/// `lc-bundle-unknown-format`, `lc-bundle-hex`, `lc-bundle-decode`,
/// `lc-bundle-unknown-proof-kind`, `lc-bundle-proof-decode`,
/// `lc-bundle-proof-invalid`; for `tx-inclusion` final proofs
/// `lc-bundle-link-broken`, `lc-bundle-tx-wrong-height`,
/// `lc-bundle-tx-not-in-block`, `lc-bundle-tx-result-not-in-block`,
/// `lc-bundle-tx-id-mismatch`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BundleError {
    /// The root is not the checkpoint's block, or not committed.
    #[error("bundle root is not trusted: {source}")]
    Root {
        /// Why.
        source: VerificationError,
    },
    /// A block of the path does not verify.
    #[error("bundle block at height {height} is invalid: {source}")]
    Invalid {
        /// Its height.
        height: u64,
        /// Why.
        source: VerificationError,
    },
    /// A block of the path does not follow from the one before it.
    #[error(
        "bundle block at height {height} has {} of {} trusted power, not enough",
        tally.signed_power,
        tally.total_power
    )]
    NotEnoughTrust {
        /// Its height.
        height: u64,
        /// Trusted power that signed.
        tally: PowerTally,
    },
    /// The file is not the expected JSON object.
    #[error("bundle file is not valid: {message}")]
    Json {
        /// The parser's message.
        message: String,
    },
    /// Another format or version.
    #[error("bundle format {got:?} is not {BUNDLE_FORMAT}")]
    UnknownFormat {
        /// The `format` field.
        got: String,
    },
    /// A field is not hex (0 = root, 1.. = path, then the proof).
    #[error("bundle item {position} is not hex")]
    Hex {
        /// Position in the bundle.
        position: usize,
    },
    /// A block does not decode (0 = root, 1.. = path).
    #[error("bundle block {position} does not decode: {source}")]
    Decode {
        /// Position in the bundle.
        position: usize,
        /// Why.
        source: DecodeError,
    },
    /// The final proof is of a kind this version does not check.
    #[error("bundle final proof kind {kind:?} is unknown")]
    UnknownProofKind {
        /// The kind.
        kind: String,
    },
    /// The final proof does not decode.
    #[error("bundle final proof does not decode: {0}")]
    ProofDecode(#[source] DecodeError),
    /// The final proof does not prove its value under the last header.
    #[error("bundle final proof is invalid: {0}")]
    Proof(#[source] ProofError),
    /// A header of a `tx-inclusion` final proof is not the parent of the
    /// header above it (a header was altered, left out or added).
    #[error("bundle header at height {height} is not the parent of the one above: {source}")]
    LinkBroken {
        /// The height the header should be the parent at.
        height: u64,
        /// Why.
        source: VerificationError,
    },
    /// The transaction's proof is for another block than the one the
    /// headers lead to.
    #[error("bundle transaction proof is for height {got}, the headers lead to {expected}")]
    TxWrongHeight {
        /// The height of the block the headers lead to.
        expected: u64,
        /// The proof's height.
        got: u64,
    },
    /// The transaction is not proven in the block (it was altered, or its
    /// position or inclusion proof was).
    #[error("bundle transaction is not proven in block {height}: {source}")]
    TxNotInBlock {
        /// The block's height.
        height: u64,
        /// Why.
        source: ProofError,
    },
    /// The result code is not the one the block recorded for the
    /// transaction.
    #[error("bundle result code {result_code} is not proven in block {height}: {source}")]
    TxResultNotInBlock {
        /// The block's height.
        height: u64,
        /// The result code the bundle claims.
        result_code: u16,
        /// Why.
        source: ProofError,
    },
    /// The bundle names another transaction than the one it proves.
    #[error("bundle names transaction {expected} but proves {got}")]
    TxIdMismatch {
        /// The id the bundle names.
        expected: Hash32,
        /// The id of the transaction it proves.
        got: Hash32,
    },
}

impl BundleError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Root { .. } => "lc-bundle-root",
            Self::Invalid { .. } => "lc-bundle-invalid",
            Self::NotEnoughTrust { .. } => "lc-bundle-not-enough-trust",
            Self::Json { .. } => "lc-bundle-json",
            Self::UnknownFormat { .. } => "lc-bundle-unknown-format",
            Self::Hex { .. } => "lc-bundle-hex",
            Self::Decode { .. } => "lc-bundle-decode",
            Self::UnknownProofKind { .. } => "lc-bundle-unknown-proof-kind",
            Self::ProofDecode(_) => "lc-bundle-proof-decode",
            Self::Proof(_) => "lc-bundle-proof-invalid",
            Self::LinkBroken { .. } => "lc-bundle-link-broken",
            Self::TxWrongHeight { .. } => "lc-bundle-tx-wrong-height",
            Self::TxNotInBlock { .. } => "lc-bundle-tx-not-in-block",
            Self::TxResultNotInBlock { .. } => "lc-bundle-tx-result-not-in-block",
            Self::TxIdMismatch { .. } => "lc-bundle-tx-id-mismatch",
        }
    }
}

impl Coded for BundleError {
    fn code(&self) -> &'static str {
        BundleError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        let args = match self {
            Self::Root { source } => source.args(),
            Self::Invalid { height, source } => {
                let mut args = source.args();
                args.push(("height", (*height).into()));
                args
            }
            Self::NotEnoughTrust { height, tally } => vec![
                ("height", (*height).into()),
                ("signed", tally.signed_power.into()),
                ("total", tally.total_power.into()),
            ],
            Self::Json { message } => vec![("reason", message.into())],
            Self::UnknownFormat { got } => vec![("format", got.into())],
            Self::Hex { position } => vec![("position", (*position).into())],
            Self::Decode { position, source } => vec![
                ("position", (*position).into()),
                ("reason", source.to_string().into()),
            ],
            Self::UnknownProofKind { kind } => vec![("kind", kind.into())],
            Self::ProofDecode(source) => vec![("reason", source.to_string().into())],
            Self::Proof(source) => source.args(),
            Self::LinkBroken { height, source } => {
                let mut args = source.args();
                args.retain(|(name, _)| *name != "height");
                args.push(("height", (*height).into()));
                args
            }
            Self::TxWrongHeight { expected, got } => {
                vec![("expected", (*expected).into()), ("got", (*got).into())]
            }
            Self::TxNotInBlock { height, source } => {
                let mut args = source.args();
                args.push(("height", (*height).into()));
                args
            }
            Self::TxResultNotInBlock {
                height,
                result_code,
                source,
            } => {
                let mut args = source.args();
                args.push(("height", (*height).into()));
                args.push(("code", (*result_code).into()));
                args
            }
            Self::TxIdMismatch { expected, got } => vec![
                ("expected", expected.to_string().into()),
                ("got", got.to_string().into()),
            ],
        };
        crate::with_detail(args, self)
    }
}
