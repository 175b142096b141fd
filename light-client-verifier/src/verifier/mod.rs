//! The verifier: named predicates and [`verify`], which combines them into a
//! [`Verdict`]. Pure: no IO, no clock (time is `now_ms`), no async.
//!
//! Two ways to move trust from a trusted block at height `t` to an untrusted
//! block at height `u > t` (see `docs/adr/0004-light-client-core.md`):
//!
//! - **sequential** (`u = t + 1`): the untrusted header's `validators_hash`
//!   is the trusted header's `next_validators_hash`, its
//!   `previous_block_hash` is the trusted header's hash, and its commit holds
//!   more than 2/3 of its validators' power;
//! - **skipping** (`u > t + 1`): the commit holds more than 2/3 of the
//!   untrusted set's power, and its signers who are also in the trusted
//!   block's *next* validator set hold more than the trust threshold of that
//!   set's power. If they do not, the verdict is
//!   [`Verdict::NotEnoughTrust`]: not wrong, just not provable from here, so
//!   the scheduler bisects.
//!
//! Thresholds are integer-only (`signed * d > total * n` in `u128`, see
//! `docs/protocol.md#consensus-rules`).

use jifen_protocol::{ChainId, Header, Tally, TrustThreshold, ValidatorSet};

mod error;

pub use error::VerificationError;

use crate::light_block::LightBlock;
use crate::trust::{Options, TrustedState};

/// Voting power that signed, out of a set's total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PowerTally {
    /// Power of the validators that signed (and count).
    pub signed_power: u64,
    /// Total power of the set.
    pub total_power: u64,
}

impl PowerTally {
    /// Strictly more than `threshold` of the total: `signed * d > total * n`.
    #[must_use]
    pub fn exceeds(&self, threshold: TrustThreshold) -> bool {
        Tally {
            signed_power: self.signed_power,
            total_power: self.total_power,
            signers: Vec::new(),
        }
        .exceeds(threshold)
    }
}

impl From<&Tally> for PowerTally {
    fn from(tally: &Tally) -> Self {
        Self {
            signed_power: tally.signed_power,
            total_power: tally.total_power,
        }
    }
}

/// A block the verifier accepted; only [`verify`] makes one. Hand it to
/// [`TrustedState::apply`] to move trust to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    // Boxed: keeps `Verdict` small whatever the verdict.
    light_block: Box<LightBlock>,
}

impl Verified {
    /// The accepted block.
    #[must_use]
    pub fn light_block(&self) -> &LightBlock {
        &self.light_block
    }

    /// The accepted block, by value.
    #[must_use]
    pub fn into_light_block(self) -> LightBlock {
        *self.light_block
    }
}

/// The outcome of [`verify`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The untrusted block is proven from the trusted state.
    Success(Verified),
    /// Nothing wrong was found, but too few of the trusted validators signed
    /// to skip this far; verify a block in between first.
    NotEnoughTrust {
        /// Power of the trusted next set that signed the untrusted commit.
        tally: PowerTally,
        /// The threshold it had to exceed.
        threshold: TrustThreshold,
    },
    /// The untrusted block (or the trusted state's age) breaks a rule.
    Invalid(VerificationError),
}

/// Checks that `untrusted` moves trust on from `trusted` at `now_ms`.
///
/// The checks, in order: the untrusted block is consistent in itself and for
/// the trusted chain ([`LightBlock::validate_basic`]); the trusted state has
/// not expired ([`is_within_trust_period`]); the header is not from the
/// future ([`is_header_from_past`]); height and time increase
/// ([`is_monotonic_height`], [`is_monotonic_time`]); for an adjacent header,
/// the validator-set hash chain and parent link ([`valid_next_validator_set`],
/// [`is_linked_to_parent`]); the commit's signatures and quorum
/// ([`has_quorum`]); for a non-adjacent header, the overlap with the trusted
/// next set ([`trusted_signers_power`]).
#[must_use]
pub fn verify(
    trusted: &TrustedState,
    untrusted: &LightBlock,
    options: &Options,
    now_ms: u64,
) -> Verdict {
    match check(trusted, untrusted, options, now_ms) {
        Ok(None) => Verdict::Success(Verified {
            light_block: Box::new(untrusted.clone()),
        }),
        Ok(Some(tally)) => Verdict::NotEnoughTrust {
            tally,
            threshold: options.trust_threshold,
        },
        Err(error) => Verdict::Invalid(error),
    }
}

/// `Ok(None)`: verified; `Ok(Some(tally))`: not enough trust.
fn check(
    trusted: &TrustedState,
    untrusted: &LightBlock,
    options: &Options,
    now_ms: u64,
) -> Result<Option<PowerTally>, VerificationError> {
    let trusted_block = trusted.light_block();
    let trusted_header = &trusted_block.header;
    untrusted
        .validate_basic(trusted.chain_id())
        .map_err(VerificationError::Malformed)?;
    is_within_trust_period(trusted_header.time_ms, options.trusting_period_ms(), now_ms)?;
    is_header_from_past(untrusted.header.time_ms, options.clock_drift_ms(), now_ms)?;
    is_monotonic_height(trusted_header.height, untrusted.header.height)?;
    is_monotonic_time(trusted_header.time_ms, untrusted.header.time_ms)?;
    let adjacent = untrusted.header.height == trusted_header.height.saturating_add(1);
    if adjacent {
        valid_next_validator_set(trusted_header, &untrusted.header)?;
        is_linked_to_parent(trusted_header, &untrusted.header)?;
    }
    let tally = has_quorum(untrusted)?;
    if adjacent {
        return Ok(None);
    }
    let overlap = trusted_signers_power(untrusted, &tally, &trusted_block.next_validators);
    if overlap.exceeds(options.trust_threshold) {
        Ok(None)
    } else {
        Ok(Some(overlap))
    }
}

/// Re-checks, after the fact, a link that was verified when it was new (a
/// stored chain, an audit bundle): [`verify`] at the untrusted block's own
/// time, with the trusting period widened by the clock drift the original
/// check allowed. Everything else (signatures, hashes, overlap) is checked
/// as at first.
#[must_use]
pub fn verify_link(trusted: &TrustedState, untrusted: &LightBlock, options: &Options) -> Verdict {
    let recheck = Options {
        trusting_period: options
            .trusting_period
            .saturating_add(options.clock_drift)
            .saturating_add(std::time::Duration::from_millis(1)),
        ..*options
    };
    let now_ms = untrusted.header.time_ms.saturating_add(1);
    verify(trusted, untrusted, &recheck, now_ms)
}

/// The trusted header (time `trusted_time_ms`) may still be used at
/// `now_ms`: `now < trusted_time + trusting_period`.
///
/// # Errors
/// [`VerificationError::TrustExpired`]: the user must supply a new
/// checkpoint.
pub fn is_within_trust_period(
    trusted_time_ms: u64,
    trusting_period_ms: u64,
    now_ms: u64,
) -> Result<(), VerificationError> {
    let expires_at_ms = trusted_time_ms.saturating_add(trusting_period_ms);
    if now_ms < expires_at_ms {
        Ok(())
    } else {
        Err(VerificationError::TrustExpired {
            trusted_time_ms,
            expired_at_ms: expires_at_ms,
            now_ms,
        })
    }
}

/// The untrusted header is not from the future:
/// `untrusted_time < now + clock_drift`.
///
/// # Errors
/// [`VerificationError::HeaderFromFuture`].
pub fn is_header_from_past(
    untrusted_time_ms: u64,
    clock_drift_ms: u64,
    now_ms: u64,
) -> Result<(), VerificationError> {
    let limit_ms = now_ms.saturating_add(clock_drift_ms);
    if untrusted_time_ms < limit_ms {
        Ok(())
    } else {
        Err(VerificationError::HeaderFromFuture {
            header_time_ms: untrusted_time_ms,
            limit_ms,
        })
    }
}

/// The fewest milliseconds between two blocks that the consensus rules
/// guarantee: header time strictly increases from block to block
/// (`docs/protocol.md#consensus-rules`), so no chain makes more than one
/// block per millisecond. A faster guess about a network (a 1 s devnet, a
/// 20 ms test chain, blocks made back to back in a test) would be wrong for
/// some honest chain; this bound never is (see
/// `docs/adr/0011-hostile-nodes.md`).
pub const MIN_BLOCK_INTERVAL_MS: u64 = 1;

/// The highest tip a chain can honestly have at `now_ms`, given a trusted
/// header at `trusted_height` of time `trusted_time_ms`: one block per
/// [`MIN_BLOCK_INTERVAL_MS`] since then, up to now plus the clock drift
/// (a header may be that far ahead of the local clock). A node claiming a
/// higher tip claims blocks that cannot exist.
#[must_use]
pub fn max_plausible_height(
    trusted_height: u64,
    trusted_time_ms: u64,
    clock_drift_ms: u64,
    now_ms: u64,
) -> u64 {
    let elapsed_ms = now_ms
        .saturating_add(clock_drift_ms)
        .saturating_sub(trusted_time_ms);
    trusted_height.saturating_add(elapsed_ms / MIN_BLOCK_INTERVAL_MS)
}

/// Backwards step (`docs/adr/0011-hostile-nodes.md`): `parent` is the
/// block the trusted `child` names as its previous one, so it is on the
/// trusted chain whatever signed it. Header hashes are collision resistant:
/// a chain of such links from a trusted header down to an older height
/// proves the older header without any signature, and a fork below the
/// trusted height (even one signed by a former validator set) cannot pass.
///
/// # Errors
/// [`VerificationError::NotParent`] when `parent` is not one height below
/// `child` or its hash is not `child.previous_block_hash`.
pub fn is_parent_of(child: &Header, parent: &Header) -> Result<(), VerificationError> {
    let got = parent.hash();
    let linked = child.height.checked_sub(1) == Some(parent.height)
        && child.previous_block_hash == Some(got);
    if linked {
        Ok(())
    } else {
        Err(VerificationError::NotParent {
            height: parent.height,
            expected: child.previous_block_hash,
            got,
        })
    }
}

/// The untrusted height is above the trusted one.
///
/// # Errors
/// [`VerificationError::NonIncreasingHeight`].
pub fn is_monotonic_height(
    trusted_height: u64,
    untrusted_height: u64,
) -> Result<(), VerificationError> {
    if untrusted_height > trusted_height {
        Ok(())
    } else {
        Err(VerificationError::NonIncreasingHeight {
            trusted: trusted_height,
            got: untrusted_height,
        })
    }
}

/// The untrusted header's time is strictly after the trusted one's.
///
/// # Errors
/// [`VerificationError::NonIncreasingTime`].
pub fn is_monotonic_time(
    trusted_time_ms: u64,
    untrusted_time_ms: u64,
) -> Result<(), VerificationError> {
    if untrusted_time_ms > trusted_time_ms {
        Ok(())
    } else {
        Err(VerificationError::NonIncreasingTime {
            trusted_ms: trusted_time_ms,
            got_ms: untrusted_time_ms,
        })
    }
}

/// Sequential step: the untrusted (next) header is signed by the set the
/// trusted header announced.
///
/// # Errors
/// [`VerificationError::SequentialValidatorsMismatch`].
pub fn valid_next_validator_set(
    trusted: &Header,
    untrusted: &Header,
) -> Result<(), VerificationError> {
    if untrusted.validators_hash == trusted.next_validators_hash {
        Ok(())
    } else {
        Err(VerificationError::SequentialValidatorsMismatch {
            expected: trusted.next_validators_hash,
            got: untrusted.validators_hash,
        })
    }
}

/// Sequential step: the untrusted header's parent is the trusted header.
///
/// # Errors
/// [`VerificationError::ParentHashMismatch`].
pub fn is_linked_to_parent(trusted: &Header, untrusted: &Header) -> Result<(), VerificationError> {
    let expected = trusted.hash();
    if untrusted.previous_block_hash == Some(expected) {
        Ok(())
    } else {
        Err(VerificationError::ParentHashMismatch {
            expected,
            got: untrusted.previous_block_hash,
        })
    }
}

/// Every signature of the untrusted commit verifies against the untrusted
/// block's own validator set, and the signers hold more than 2/3 of its
/// power. Returns the tally (its `signers` are indices into that set).
///
/// # Errors
/// [`VerificationError::InvalidCommit`] (one bad signature rejects the
/// commit), [`VerificationError::InsufficientQuorum`].
pub fn has_quorum(untrusted: &LightBlock) -> Result<Tally, VerificationError> {
    let height = untrusted.height();
    let tally = untrusted
        .commit
        .tally(&untrusted.header.chain_id, &untrusted.validators)
        .map_err(|source| VerificationError::InvalidCommit { height, source })?;
    if tally.has_quorum() {
        Ok(tally)
    } else {
        Err(VerificationError::InsufficientQuorum {
            height,
            tally: PowerTally::from(&tally),
        })
    }
}

/// Skipping step: the power, in the trusted next set, of the untrusted
/// commit's signers (from `tally`, whose signatures [`has_quorum`] already
/// verified). Signers are matched by address and key; a signer absent from
/// the trusted set counts nothing.
#[must_use]
pub fn trusted_signers_power(
    untrusted: &LightBlock,
    tally: &Tally,
    trusted_next_validators: &ValidatorSet,
) -> PowerTally {
    let mut signed_power: u64 = 0;
    for index in &tally.signers {
        let Some(signer) = untrusted.validators.get(usize::from(*index)) else {
            continue;
        };
        if let Some((_, trusted)) = trusted_next_validators.find(&signer.address)
            && trusted.public_key == signer.public_key
        {
            // Cannot overflow: a set's total power is at most 2^60.
            signed_power = signed_power.saturating_add(trusted.voting_power);
        }
    }
    PowerTally {
        signed_power,
        total_power: trusted_next_validators.total_power(),
    }
}

/// Whether a block signed by `untrusted` could ever verify by skipping
/// from a state whose next set is `trusted_next`: the power, in
/// `trusted_next`, of the members of `untrusted`'s *whole* set (same address
/// and key) exceeds `threshold`. `false` settles "not enough trust" without
/// checking a signature (the signers are a subset of the set).
#[must_use]
pub fn can_reach(
    trusted_next: &ValidatorSet,
    untrusted: &ValidatorSet,
    threshold: TrustThreshold,
) -> bool {
    let mut power: u64 = 0;
    for validator in untrusted.validators() {
        if let Some((_, trusted)) = trusted_next.find(&validator.address)
            && trusted.public_key == validator.public_key
        {
            power = power.saturating_add(trusted.voting_power);
        }
    }
    PowerTally {
        signed_power: power,
        total_power: trusted_next.total_power(),
    }
    .exceeds(threshold)
}

/// A block is consistent in itself ([`LightBlock::validate_basic`] for
/// `chain_id`) and its commit holds a quorum of its own validators: what a
/// checkpoint block and a block read back from a store must satisfy.
///
/// # Errors
/// [`VerificationError::Malformed`], [`VerificationError::InvalidCommit`],
/// [`VerificationError::InsufficientQuorum`].
pub fn check_self_consistent(
    block: &LightBlock,
    chain_id: &ChainId,
) -> Result<Tally, VerificationError> {
    block
        .validate_basic(chain_id)
        .map_err(VerificationError::Malformed)?;
    has_quorum(block)
}
