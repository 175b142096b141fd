//! Why a block does not verify: [`VerificationError`], its codes and its
//! message arguments.

use jifen_protocol::CommitError;
use jifen_protocol::Hash32;
use jifen_protocol::message::{Arg, Coded};

use super::PowerTally;
use crate::light_block::LightBlockError;
use crate::trust::Checkpoint;

/// Why a block does not verify (or the trusted state cannot be used).
///
/// Codes: those of [`LightBlockError`] (for `Malformed`),
/// `lc-invalid-commit`, `lc-insufficient-quorum`, `lc-trust-expired`,
/// `lc-header-from-future`, `lc-non-increasing-height`,
/// `lc-non-increasing-time`, `lc-sequential-validators-mismatch`,
/// `lc-parent-hash-mismatch`, `lc-not-parent`, `lc-checkpoint-mismatch`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerificationError {
    /// The block is inconsistent in itself.
    #[error(transparent)]
    Malformed(LightBlockError),
    /// A commit signature is out of order, out of range or forged.
    #[error("commit at height {height} is invalid: {source}")]
    InvalidCommit {
        /// Height of the commit.
        height: u64,
        /// What is wrong with it.
        source: CommitError,
    },
    /// The signers hold 2/3 or less of the block's own validator set.
    #[error(
        "commit at height {height} has {} of {} voting power, more than 2/3 needed",
        tally.signed_power,
        tally.total_power
    )]
    InsufficientQuorum {
        /// Height of the commit.
        height: u64,
        /// The power that signed.
        tally: PowerTally,
    },
    /// The trusted header is older than the trusting period; a new
    /// checkpoint from the user is needed.
    #[error("trusted header of time {trusted_time_ms} expired at {expired_at_ms}, now is {now_ms}")]
    TrustExpired {
        /// The trusted header's time, unix ms.
        trusted_time_ms: u64,
        /// When it stopped being usable, unix ms.
        expired_at_ms: u64,
        /// The time of the check, unix ms.
        now_ms: u64,
    },
    /// The header's time is beyond now plus the allowed drift.
    #[error("header time {header_time_ms} is not before {limit_ms} (now plus clock drift)")]
    HeaderFromFuture {
        /// The header's time, unix ms.
        header_time_ms: u64,
        /// Now plus the clock drift, unix ms.
        limit_ms: u64,
    },
    /// The untrusted height is not above the trusted one.
    #[error("header height {got} is not above the trusted height {trusted}")]
    NonIncreasingHeight {
        /// Trusted height.
        trusted: u64,
        /// Untrusted height.
        got: u64,
    },
    /// The untrusted time is not after the trusted one.
    #[error("header time {got_ms} is not after the trusted time {trusted_ms}")]
    NonIncreasingTime {
        /// Trusted header time, unix ms.
        trusted_ms: u64,
        /// Untrusted header time, unix ms.
        got_ms: u64,
    },
    /// The next header is signed by a set the trusted header did not announce.
    #[error("header is signed by validator set {got}, the trusted header announced {expected}")]
    SequentialValidatorsMismatch {
        /// The trusted header's `next_validators_hash`.
        expected: Hash32,
        /// The untrusted header's `validators_hash`.
        got: Hash32,
    },
    /// The next header does not point at the trusted header.
    #[error("header's previous block is {got:?}, expected {expected}")]
    ParentHashMismatch {
        /// The trusted header's hash.
        expected: Hash32,
        /// The untrusted header's `previous_block_hash`.
        got: Option<Hash32>,
    },
    /// A header below a trusted one is not the block the trusted chain
    /// names as the parent at its height (a fork below the trusted height,
    /// or a header of another height).
    #[error(
        "header {got} at height {height} is not the parent {expected:?} the trusted header above it names"
    )]
    NotParent {
        /// The untrusted header's height.
        height: u64,
        /// The trusted child's `previous_block_hash`.
        expected: Option<Hash32>,
        /// The untrusted header's hash.
        got: Hash32,
    },
    /// The block is not the one the user's checkpoint names.
    #[error(
        "block is {} at height {}, checkpoint names {} at height {}",
        got.hash,
        got.height,
        expected.hash,
        expected.height
    )]
    CheckpointMismatch {
        /// The user's checkpoint.
        expected: Checkpoint,
        /// The block's height and hash.
        got: Checkpoint,
    },
}

impl VerificationError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Malformed(inner) => inner.code(),
            Self::InvalidCommit { .. } => "lc-invalid-commit",
            Self::InsufficientQuorum { .. } => "lc-insufficient-quorum",
            Self::TrustExpired { .. } => "lc-trust-expired",
            Self::HeaderFromFuture { .. } => "lc-header-from-future",
            Self::NonIncreasingHeight { .. } => "lc-non-increasing-height",
            Self::NonIncreasingTime { .. } => "lc-non-increasing-time",
            Self::SequentialValidatorsMismatch { .. } => "lc-sequential-validators-mismatch",
            Self::ParentHashMismatch { .. } => "lc-parent-hash-mismatch",
            Self::NotParent { .. } => "lc-not-parent",
            Self::CheckpointMismatch { .. } => "lc-checkpoint-mismatch",
        }
    }
}

impl Coded for VerificationError {
    fn code(&self) -> &'static str {
        VerificationError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        let args = match self {
            Self::Malformed(inner) => return inner.args(),
            Self::InvalidCommit { height, source } => {
                let mut args = source.args();
                args.push(("height", (*height).into()));
                args
            }
            Self::InsufficientQuorum { height, tally } => vec![
                ("height", (*height).into()),
                ("signed", tally.signed_power.into()),
                ("total", tally.total_power.into()),
            ],
            Self::TrustExpired {
                trusted_time_ms,
                expired_at_ms,
                now_ms,
            } => vec![
                ("trusted_time_ms", (*trusted_time_ms).into()),
                ("expired_at_ms", (*expired_at_ms).into()),
                ("now_ms", (*now_ms).into()),
            ],
            Self::HeaderFromFuture {
                header_time_ms,
                limit_ms,
            } => vec![
                ("header_time_ms", (*header_time_ms).into()),
                ("limit_ms", (*limit_ms).into()),
            ],
            Self::NonIncreasingHeight { trusted, got } => {
                vec![("trusted", (*trusted).into()), ("got", (*got).into())]
            }
            Self::NonIncreasingTime { trusted_ms, got_ms } => {
                vec![("trusted", (*trusted_ms).into()), ("got", (*got_ms).into())]
            }
            Self::SequentialValidatorsMismatch { expected, got } => vec![
                ("expected", expected.to_string().into()),
                ("got", got.to_string().into()),
            ],
            Self::ParentHashMismatch { expected, got } => vec![
                ("expected", expected.to_string().into()),
                (
                    "got",
                    got.map_or_else(|| "none".to_owned(), |hash| hash.to_string())
                        .into(),
                ),
            ],
            Self::NotParent {
                height,
                expected,
                got,
            } => vec![
                ("height", (*height).into()),
                (
                    "expected",
                    expected
                        .map_or_else(|| "none".to_owned(), |hash| hash.to_string())
                        .into(),
                ),
                ("got", got.to_string().into()),
            ],
            Self::CheckpointMismatch { expected, got } => vec![
                ("expected", expected.to_string().into()),
                ("got", got.to_string().into()),
            ],
        };
        crate::with_detail(args, self)
    }
}
