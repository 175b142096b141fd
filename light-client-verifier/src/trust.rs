//! The root of trust: options, the clock, checkpoints and the trusted state.

use std::time::Duration;

use jifen_protocol::message::{Arg, Coded};
use jifen_protocol::{ChainId, Hash32, Tally, TrustThreshold};

use crate::light_block::LightBlock;
use crate::verifier::{self, VerificationError, Verified};

/// How much the client trusts, and for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Part of the trusted set's power that must sign a header the client
    /// skips to (strictly more than this fraction). At least 1/3.
    pub trust_threshold: TrustThreshold,
    /// How long a verified header may serve as a root of trust; must be
    /// shorter than the unbonding period.
    pub trusting_period: Duration,
    /// How far a header's time may be ahead of the local clock.
    pub clock_drift: Duration,
}

impl Default for Options {
    /// Trust threshold 1/3, trusting period 14 days, clock drift 5 s.
    fn default() -> Self {
        Self {
            trust_threshold: TrustThreshold::ONE_THIRD,
            trusting_period: Duration::from_secs(14 * 24 * 60 * 60),
            clock_drift: Duration::from_secs(5),
        }
    }
}

impl Options {
    /// Checks the options make sense: a trust threshold of at least 1/3 and
    /// a non-zero trusting period.
    ///
    /// # Errors
    /// [`OptionsError`].
    pub fn validate(&self) -> Result<(), OptionsError> {
        // `1/3 exceeds t` holds exactly when t < 1/3 (integer comparison).
        let one_third = Tally {
            signed_power: 1,
            total_power: 3,
            signers: Vec::new(),
        };
        if one_third.exceeds(self.trust_threshold) {
            return Err(OptionsError::TrustThresholdTooLow);
        }
        if self.trusting_period.is_zero() {
            return Err(OptionsError::ZeroTrustingPeriod);
        }
        Ok(())
    }

    /// The trusting period in milliseconds (saturating).
    #[must_use]
    pub fn trusting_period_ms(&self) -> u64 {
        duration_ms(self.trusting_period)
    }

    /// The clock drift in milliseconds (saturating).
    #[must_use]
    pub fn clock_drift_ms(&self) -> u64 {
        duration_ms(self.clock_drift)
    }
}

fn duration_ms(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

/// Why options are refused.
///
/// Codes: `lc-trust-threshold-too-low`, `lc-zero-trusting-period`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OptionsError {
    /// Below 1/3 a third of the power could be all faulty.
    #[error("trust threshold is below 1/3")]
    TrustThresholdTooLow,
    /// Nothing could ever be trusted.
    #[error("trusting period is zero")]
    ZeroTrustingPeriod,
}

impl OptionsError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::TrustThresholdTooLow => "lc-trust-threshold-too-low",
            Self::ZeroTrustingPeriod => "lc-zero-trusting-period",
        }
    }
}

impl Coded for OptionsError {
    fn code(&self) -> &'static str {
        OptionsError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            Self::TrustThresholdTooLow | Self::ZeroTrustingPeriod => vec![crate::detail(self)],
        }
    }
}

/// The source of "now". The core never reads the system clock itself; it is
/// handed `now_ms` (unix milliseconds, like `Header::time_ms`). The IO
/// crate (`jifen-light-client`) has the operating system's clock.
pub trait Clock {
    /// Current time, unix milliseconds.
    fn now_ms(&self) -> u64;
}

/// A clock stuck at one instant, for tests and offline re-checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixedClock(pub u64);

impl Clock for FixedClock {
    fn now_ms(&self) -> u64 {
        self.0
    }
}

/// A header the user trusts by its hash: genesis, or a recent block hash
/// taken from a source the user believes (another device, an explorer, a
/// friend).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checkpoint {
    /// Height of the header.
    pub height: u64,
    /// Its [`jifen_protocol::Header::hash`].
    pub hash: Hash32,
}

impl Checkpoint {
    /// The genesis block (height 1) with hash `hash`.
    #[must_use]
    pub const fn genesis(hash: Hash32) -> Self {
        Self { height: 1, hash }
    }
}

impl std::fmt::Display for Checkpoint {
    /// `<height>:<hash hex>`, the form users paste.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.height, self.hash)
    }
}

impl std::str::FromStr for Checkpoint {
    type Err = CheckpointParseError;

    /// Parses `<height>:<64 hex digits>` (height at least 1).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (height, hash) = text
            .trim()
            .split_once(':')
            .ok_or(CheckpointParseError::MissingSeparator)?;
        let height: u64 = height
            .parse()
            .ok()
            .filter(|height| *height >= 1)
            .ok_or(CheckpointParseError::BadHeight)?;
        let hash: Hash32 = hash.parse().map_err(|_| CheckpointParseError::BadHash)?;
        Ok(Self { height, hash })
    }
}

/// Why a checkpoint text does not parse.
///
/// Codes: `lc-checkpoint-missing-separator`, `lc-checkpoint-bad-height`,
/// `lc-checkpoint-bad-hash`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CheckpointParseError {
    /// No `:` between height and hash.
    #[error("checkpoint is not of the form <height>:<hash>")]
    MissingSeparator,
    /// The height is not a number of at least 1.
    #[error("checkpoint height is not a number of at least 1")]
    BadHeight,
    /// The hash is not 64 hex digits.
    #[error("checkpoint hash is not 64 hex digits")]
    BadHash,
}

impl CheckpointParseError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::MissingSeparator => "lc-checkpoint-missing-separator",
            Self::BadHeight => "lc-checkpoint-bad-height",
            Self::BadHash => "lc-checkpoint-bad-hash",
        }
    }
}

impl Coded for CheckpointParseError {
    fn code(&self) -> &'static str {
        CheckpointParseError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            Self::MissingSeparator | Self::BadHeight | Self::BadHash => vec![crate::detail(self)],
        }
    }
}

/// A verified light block the client trusts, and the chain it follows.
///
/// There are exactly two ways to get one: [`TrustedState::bootstrap`] from a
/// user-supplied [`Checkpoint`], and [`TrustedState::apply`] of a block the
/// verifier accepted. Stores persist only `TrustedState`s, so only verified
/// data is ever written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustedState {
    light_block: LightBlock,
}

impl TrustedState {
    /// Trusts `untrusted` because it is the block the user's checkpoint
    /// names: its hash and height match, it is consistent in itself, its
    /// commit carries more than 2/3 of its validators' power, and it is
    /// within the trusting period at `now_ms`.
    ///
    /// # Errors
    /// [`VerificationError::CheckpointMismatch`], the
    /// [`VerificationError::Malformed`] rules, [`VerificationError::InvalidCommit`],
    /// [`VerificationError::InsufficientQuorum`], [`VerificationError::TrustExpired`].
    pub fn bootstrap(
        untrusted: LightBlock,
        checkpoint: &Checkpoint,
        options: &Options,
        now_ms: u64,
    ) -> Result<Self, VerificationError> {
        let got = Checkpoint {
            height: untrusted.height(),
            hash: untrusted.hash(),
        };
        if &got != checkpoint {
            return Err(VerificationError::CheckpointMismatch {
                expected: *checkpoint,
                got,
            });
        }
        verifier::check_self_consistent(&untrusted, &untrusted.header.chain_id)?;
        verifier::is_within_trust_period(
            untrusted.header.time_ms,
            options.trusting_period_ms(),
            now_ms,
        )?;
        Ok(Self {
            light_block: untrusted,
        })
    }

    /// Re-trusts a block read back from a store after checking it again in
    /// itself (hashes and commit quorum), without the trusting period. The
    /// store layer decides what else to check (see [`crate::store`] and
    /// [`crate::store::load_stored`]).
    pub(crate) fn reloaded(
        light_block: LightBlock,
        chain_id: &ChainId,
    ) -> Result<Self, VerificationError> {
        verifier::check_self_consistent(&light_block, chain_id)?;
        Ok(Self { light_block })
    }

    /// Moves trust to a block the verifier accepted (the "apply" half of
    /// verify-then-apply).
    pub fn apply(&mut self, verified: Verified) {
        self.light_block = verified.into_light_block();
    }

    /// The trusted light block.
    #[must_use]
    pub fn light_block(&self) -> &LightBlock {
        &self.light_block
    }

    /// Height of the trusted header.
    #[must_use]
    pub fn height(&self) -> u64 {
        self.light_block.height()
    }

    /// The chain the trusted header belongs to.
    #[must_use]
    pub fn chain_id(&self) -> &ChainId {
        &self.light_block.header.chain_id
    }

    /// The trusted header as a checkpoint.
    #[must_use]
    pub fn checkpoint(&self) -> Checkpoint {
        Checkpoint {
            height: self.height(),
            hash: self.light_block.hash(),
        }
    }
}
