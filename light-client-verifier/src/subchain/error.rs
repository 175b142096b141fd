//! [`AuditError`]: why a subchain audit stops.

use jifen_protocol::message::{Arg, Coded};
use jifen_protocol::subchain::{SubchainError, SubchainId};
use jifen_protocol::{ChainId, Hash32};

/// Why an anchored report, or the audit as a whole, is refused.
///
/// Codes: the refused report's own [`SubchainError`] code for
/// [`AuditError::Report`] (`subchain-bad-commit`,
/// `subchain-insufficient-work`, `subchain-broken-parent`,
/// `subchain-skipped-height`, `subchain-loses-fork-choice`, ...), and
/// `subchain-missing-anchor`, `subchain-wrong-main-chain`,
/// `subchain-wrong-main-height`, `subchain-anchor-out-of-order`,
/// `subchain-anchor-proof-invalid`, `subchain-outcome-mismatch`,
/// `subchain-record-mismatch`, `subchain-tip-mismatch`,
/// `subchain-status-mismatch`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AuditError {
    /// The node skipped a report (`index` is not the next one), or hid one
    /// (the proven record counts more reports than were audited).
    #[error("subchain {subchain}: an anchored report is missing (expected {expected}, got {got})")]
    MissingAnchor {
        /// The subchain.
        subchain: SubchainId,
        /// The report index the audit needed next, or the record's count.
        expected: u64,
        /// The index given, or the reports audited.
        got: u64,
    },
    /// The main-chain header is from another chain.
    #[error("the main-chain header is from chain {got}, expected {expected}")]
    WrongMainChain {
        /// The audited main chain.
        expected: ChainId,
        /// The header's.
        got: ChainId,
    },
    /// The item's main height is not the header's.
    #[error("report {index} claims main height {got}, the header given is at {expected}")]
    WrongMainHeight {
        /// The report index.
        index: u64,
        /// The header's height.
        expected: u64,
        /// The item's.
        got: u64,
    },
    /// Reports are not in anchoring order (main height, then leaf index).
    #[error(
        "report {index} at main height {main_height} leaf {leaf_index} comes after main height {previous_height} leaf {previous_leaf}"
    )]
    AnchorOutOfOrder {
        /// The report index.
        index: u64,
        /// Its main height.
        main_height: u64,
        /// Its leaf index.
        leaf_index: u64,
        /// The previous report's main height.
        previous_height: u64,
        /// The previous report's leaf index.
        previous_leaf: u64,
    },
    /// The anchor leaf is not proven under the header's `anchors_root`.
    #[error("report {index}: its anchor is not proven in main block {main_height}: {detail}")]
    AnchorProofInvalid {
        /// The report index.
        index: u64,
        /// The main height.
        main_height: u64,
        /// Why.
        detail: String,
    },
    /// The subchain's rules refuse a report the main chain anchored.
    #[error(
        "report {index} anchored at main height {main_height} breaks the subchain's rules: {source}"
    )]
    Report {
        /// The report index.
        index: u64,
        /// The main height.
        main_height: u64,
        /// The rule.
        source: SubchainError,
    },
    /// The rules give another outcome than the anchored one.
    #[error(
        "report {index} at main height {main_height} is anchored as {anchored}, the rules say {derived}"
    )]
    OutcomeMismatch {
        /// The report index.
        index: u64,
        /// The main height.
        main_height: u64,
        /// As anchored.
        anchored: &'static str,
        /// As the auditor's rules say.
        derived: &'static str,
    },
    /// The proven record is for another subchain or consensus.
    #[error("the proven record of subchain {subchain} does not match the audited one: {detail}")]
    RecordMismatch {
        /// The subchain.
        subchain: SubchainId,
        /// What differs.
        detail: String,
    },
    /// The audited tip is not the proven record's.
    #[error(
        "subchain {subchain}: the audit ends at {got} (height {got_height}), the record's tip is {expected} (height {expected_height})"
    )]
    TipMismatch {
        /// The subchain.
        subchain: SubchainId,
        /// The record's tip id.
        expected: Hash32,
        /// The record's tip height.
        expected_height: u64,
        /// The audited tip id.
        got: Hash32,
        /// The audited tip height.
        got_height: u64,
    },
    /// The record's status disagrees with what the audit saw.
    #[error("subchain {subchain} is {expected} in its record, the audit says {got}")]
    StatusMismatch {
        /// The subchain.
        subchain: SubchainId,
        /// The record's status.
        expected: String,
        /// The audit's.
        got: String,
    },
}

impl AuditError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::MissingAnchor { .. } => "subchain-missing-anchor",
            Self::WrongMainChain { .. } => "subchain-wrong-main-chain",
            Self::WrongMainHeight { .. } => "subchain-wrong-main-height",
            Self::AnchorOutOfOrder { .. } => "subchain-anchor-out-of-order",
            Self::AnchorProofInvalid { .. } => "subchain-anchor-proof-invalid",
            Self::Report { source, .. } => source.code(),
            Self::OutcomeMismatch { .. } => "subchain-outcome-mismatch",
            Self::RecordMismatch { .. } => "subchain-record-mismatch",
            Self::TipMismatch { .. } => "subchain-tip-mismatch",
            Self::StatusMismatch { .. } => "subchain-status-mismatch",
        }
    }

    /// The subchain rule a refused report breaks, if that is the reason.
    #[must_use]
    pub fn rule(&self) -> Option<&SubchainError> {
        match self {
            Self::Report { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl Coded for AuditError {
    fn code(&self) -> &'static str {
        AuditError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        let args = match self {
            Self::MissingAnchor {
                subchain,
                expected,
                got,
            } => vec![
                ("subchain", subchain.get().into()),
                ("expected", (*expected).into()),
                ("got", (*got).into()),
            ],
            Self::WrongMainChain { expected, got } => vec![
                ("expected", expected.to_string().into()),
                ("got", got.to_string().into()),
            ],
            Self::WrongMainHeight {
                index,
                expected,
                got,
            } => vec![
                ("index", (*index).into()),
                ("expected", (*expected).into()),
                ("got", (*got).into()),
            ],
            Self::AnchorOutOfOrder {
                index,
                main_height,
                leaf_index,
                previous_height,
                previous_leaf,
            } => vec![
                ("index", (*index).into()),
                ("main_height", (*main_height).into()),
                ("leaf_index", (*leaf_index).into()),
                ("previous_height", (*previous_height).into()),
                ("previous_leaf", (*previous_leaf).into()),
            ],
            Self::AnchorProofInvalid {
                index,
                main_height,
                detail,
            } => vec![
                ("index", (*index).into()),
                ("main_height", (*main_height).into()),
                ("reason", detail.clone().into()),
            ],
            Self::Report {
                index,
                main_height,
                source,
            } => {
                let mut args = Coded::args(source);
                args.push(("index", (*index).into()));
                args.push(("main_height", (*main_height).into()));
                args
            }
            Self::OutcomeMismatch {
                index,
                main_height,
                anchored,
                derived,
            } => vec![
                ("index", (*index).into()),
                ("main_height", (*main_height).into()),
                ("anchored", (*anchored).into()),
                ("derived", (*derived).into()),
            ],
            Self::RecordMismatch { subchain, detail } => vec![
                ("subchain", subchain.get().into()),
                ("reason", detail.clone().into()),
            ],
            Self::TipMismatch {
                subchain,
                expected,
                expected_height,
                got,
                got_height,
            } => vec![
                ("subchain", subchain.get().into()),
                ("expected", expected.to_string().into()),
                ("expected_height", (*expected_height).into()),
                ("got", got.to_string().into()),
                ("got_height", (*got_height).into()),
            ],
            Self::StatusMismatch {
                subchain,
                expected,
                got,
            } => vec![
                ("subchain", subchain.get().into()),
                ("expected", expected.clone().into()),
                ("got", got.clone().into()),
            ],
        };
        crate::with_detail(args, self)
    }
}
