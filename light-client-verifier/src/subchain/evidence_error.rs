//! [`SubchainEvidenceError`]: why a subchain evidence file is refused.

use jifen_protocol::DecodeError;
use jifen_protocol::message::{Arg, Coded};

use super::evidence::SUBCHAIN_EVIDENCE_FORMAT;
use crate::evidence::Side;
use crate::verifier::VerificationError;

/// Why subchain evidence is refused. `first` is the winner of a lost fork
/// choice, `second` the loser.
///
/// Codes: `subchain-evidence-json`, `subchain-evidence-unknown-format`,
/// `subchain-evidence-hex`, `subchain-evidence-decode`,
/// `subchain-evidence-wrong-main-chain`, `subchain-evidence-main-block-invalid`,
/// `subchain-evidence-main-height-mismatch`,
/// `subchain-evidence-anchor-proof-invalid`, `subchain-evidence-wrong-subchain`,
/// `subchain-evidence-wrong-kind`, `subchain-evidence-height-mismatch`,
/// `subchain-evidence-no-conflict`, `subchain-evidence-set-mismatch`,
/// `subchain-evidence-commit-invalid`, `subchain-evidence-not-siblings`,
/// `subchain-evidence-bits-mismatch`, `subchain-evidence-insufficient-work`,
/// `subchain-evidence-winner-not-first`, `subchain-evidence-loser-not-replaces`,
/// `subchain-evidence-loser-wins`, `subchain-evidence-wrong-report`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SubchainEvidenceError {
    /// The file is not the expected JSON object.
    #[error("subchain evidence file is not valid: {message}")]
    Json {
        /// The parser's message.
        message: String,
    },
    /// Another format, version or kind.
    #[error("subchain evidence format {got:?} is not {SUBCHAIN_EVIDENCE_FORMAT}")]
    UnknownFormat {
        /// The `format` (or `kind`) field.
        got: String,
    },
    /// A field is not hex.
    #[error("subchain evidence field {field} is not hex")]
    Hex {
        /// The field.
        field: &'static str,
    },
    /// A field does not decode.
    #[error("subchain evidence field {field} does not decode: {source}")]
    Decode {
        /// The field.
        field: &'static str,
        /// Why.
        source: DecodeError,
    },
    /// A main block is from another chain than the evidence names.
    #[error("the {side} main block is from another chain than the evidence's")]
    WrongMainChain {
        /// Which side.
        side: Side,
    },
    /// A main block is inconsistent or not committed by > 2/3 of its set.
    #[error("the {side} main block is invalid: {source}")]
    MainBlockInvalid {
        /// Which side.
        side: Side,
        /// Why.
        source: VerificationError,
    },
    /// A report's main height is not its block's height.
    #[error("the {side} report is anchored at main height {expected}, its block is at {got}")]
    MainHeightMismatch {
        /// Which side.
        side: Side,
        /// The report's main height.
        expected: u64,
        /// The block's height.
        got: u64,
    },
    /// An anchor leaf is not proven under its block's `anchors_root`.
    #[error("the {side} anchor is not proven in its main block: {detail}")]
    AnchorProofInvalid {
        /// Which side.
        side: Side,
        /// Why.
        detail: String,
    },
    /// A header is for another subchain than the evidence names.
    #[error("the {side} header is for another subchain")]
    WrongSubchain {
        /// Which side.
        side: Side,
    },
    /// A header is not of the kind the evidence needs.
    #[error("the {side} header is not a {expected} header")]
    WrongKind {
        /// Which side.
        side: Side,
        /// The kind needed.
        expected: &'static str,
    },
    /// The headers are at different heights.
    #[error("the evidence headers are at heights {first} and {second}")]
    HeightMismatch {
        /// First header's height.
        first: u64,
        /// Second header's height.
        second: u64,
    },
    /// Both sides are the same header.
    #[error("both evidence headers are {header_hash}")]
    NoConflict {
        /// The common id.
        header_hash: jifen_protocol::Hash32,
    },
    /// The two headers are not signed by the same committee.
    #[error("the two headers are not signed by the same committee")]
    SetMismatch,
    /// A commit is not a valid quorum commit of its header.
    #[error("the {side} commit is invalid: {detail}")]
    CommitInvalid {
        /// Which side.
        side: Side,
        /// Why.
        detail: String,
    },
    /// A header's parent is not the evidence's parent.
    #[error("the {side} header is not a child of the evidence's parent")]
    NotSiblings {
        /// Which side.
        side: Side,
    },
    /// The siblings are mined at different bits.
    #[error("the siblings are mined at {first} and {second} bits")]
    BitsMismatch {
        /// The winner's bits.
        first: u8,
        /// The loser's bits.
        second: u8,
    },
    /// A sibling's id does not meet its bits.
    #[error("the {side} header does not meet its work")]
    InsufficientWork {
        /// Which side.
        side: Side,
    },
    /// The winner was not anchored before the loser.
    #[error("the winner was not anchored before the loser")]
    WinnerNotFirst,
    /// The loser was not anchored as `replaces` (or the winner as equivocation).
    #[error("the loser is anchored as {got}, not replaces")]
    LoserNotReplaces {
        /// The loser's (or the winner's) anchored outcome.
        got: &'static str,
    },
    /// The claimed loser wins the XOR fork choice: no rule was broken.
    #[error("the claimed loser is XOR-closer to the parent: no rule was broken")]
    LoserWins,
    /// The earlier report given is not the one the alert names.
    #[error("the report given is not anchored report {index} with header {header_hash}")]
    WrongReport {
        /// The index the alert names.
        index: u64,
        /// The header id the alert names.
        header_hash: jifen_protocol::Hash32,
    },
}

impl SubchainEvidenceError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Json { .. } => "subchain-evidence-json",
            Self::UnknownFormat { .. } => "subchain-evidence-unknown-format",
            Self::Hex { .. } => "subchain-evidence-hex",
            Self::Decode { .. } => "subchain-evidence-decode",
            Self::WrongMainChain { .. } => "subchain-evidence-wrong-main-chain",
            Self::MainBlockInvalid { .. } => "subchain-evidence-main-block-invalid",
            Self::MainHeightMismatch { .. } => "subchain-evidence-main-height-mismatch",
            Self::AnchorProofInvalid { .. } => "subchain-evidence-anchor-proof-invalid",
            Self::WrongSubchain { .. } => "subchain-evidence-wrong-subchain",
            Self::WrongKind { .. } => "subchain-evidence-wrong-kind",
            Self::HeightMismatch { .. } => "subchain-evidence-height-mismatch",
            Self::NoConflict { .. } => "subchain-evidence-no-conflict",
            Self::SetMismatch => "subchain-evidence-set-mismatch",
            Self::CommitInvalid { .. } => "subchain-evidence-commit-invalid",
            Self::NotSiblings { .. } => "subchain-evidence-not-siblings",
            Self::BitsMismatch { .. } => "subchain-evidence-bits-mismatch",
            Self::InsufficientWork { .. } => "subchain-evidence-insufficient-work",
            Self::WinnerNotFirst => "subchain-evidence-winner-not-first",
            Self::LoserNotReplaces { .. } => "subchain-evidence-loser-not-replaces",
            Self::LoserWins => "subchain-evidence-loser-wins",
            Self::WrongReport { .. } => "subchain-evidence-wrong-report",
        }
    }
}

impl Coded for SubchainEvidenceError {
    fn code(&self) -> &'static str {
        SubchainEvidenceError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        let side = |side: &Side| ("side", Arg::from(side.to_string()));
        let args = match self {
            Self::Json { message } => vec![("reason", message.into())],
            Self::UnknownFormat { got } => vec![("format", got.into())],
            Self::Hex { field } => vec![("field", (*field).into())],
            Self::Decode { field, source } => vec![
                ("field", (*field).into()),
                ("reason", source.to_string().into()),
            ],
            Self::WrongMainChain { side: s }
            | Self::WrongSubchain { side: s }
            | Self::NotSiblings { side: s }
            | Self::InsufficientWork { side: s } => vec![side(s)],
            Self::MainBlockInvalid { side: s, source } => {
                let mut args = source.args();
                args.push(side(s));
                args
            }
            Self::MainHeightMismatch {
                side: s,
                expected,
                got,
            } => vec![
                side(s),
                ("expected", (*expected).into()),
                ("got", (*got).into()),
            ],
            Self::AnchorProofInvalid { side: s, detail }
            | Self::CommitInvalid { side: s, detail } => {
                vec![side(s), ("reason", detail.clone().into())]
            }
            Self::WrongKind { side: s, expected } => {
                vec![side(s), ("expected", (*expected).into())]
            }
            Self::HeightMismatch { first, second } => {
                vec![("first", (*first).into()), ("second", (*second).into())]
            }
            Self::NoConflict { header_hash } => vec![("hash", header_hash.to_string().into())],
            Self::SetMismatch | Self::WinnerNotFirst | Self::LoserWins => Vec::new(),
            Self::BitsMismatch { first, second } => {
                vec![("first", (*first).into()), ("second", (*second).into())]
            }
            Self::LoserNotReplaces { got } => vec![("got", (*got).into())],
            Self::WrongReport { index, header_hash } => vec![
                ("index", (*index).into()),
                ("hash", header_hash.to_string().into()),
            ],
        };
        crate::with_detail(args, self)
    }
}
