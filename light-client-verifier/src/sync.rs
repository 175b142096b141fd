//! The synchronous driver: fetch untrusted blocks from a source, verify,
//! apply, persist, until the target height is trusted.
//!
//! The driver owns no IO of its own: blocks come through
//! [`LightBlockSource`] (an RPC or P2P peer in the IO layer, a
//! [`MemorySource`] in tests), time through [`Clock`], persistence through
//! [`LightStore`].

use std::collections::BTreeMap;

use jifen_protocol::message::{Arg, Coded};

use crate::light_block::LightBlock;
use crate::progress::{Phase, ProgressEvent};
use crate::scheduler::{Outcome, Schedule, ScheduleError, Scheduler};
use crate::store::{LightStore, StoreError};
use crate::trust::{Clock, Options, OptionsError, TrustedState};
use crate::verifier::{self, Verdict, VerificationError};

/// A boxed error from a [`LightBlockSource`].
pub type SourceError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Where untrusted light blocks come from. Everything it returns is
/// untrusted until verified.
pub trait LightBlockSource {
    /// The untrusted light block at `height`.
    ///
    /// # Errors
    /// Whatever the source fails with (network, missing height, ...).
    fn untrusted_light_block(&mut self, height: u64) -> Result<LightBlock, SourceError>;

    /// The source's untrusted latest light block.
    ///
    /// # Errors
    /// As [`LightBlockSource::untrusted_light_block`].
    fn untrusted_latest(&mut self) -> Result<LightBlock, SourceError>;
}

/// A source backed by blocks in memory (fixtures, tests, an audit bundle).
/// It counts the blocks it served.
#[derive(Debug, Clone, Default)]
pub struct MemorySource {
    blocks: BTreeMap<u64, LightBlock>,
    served: u64,
}

impl MemorySource {
    /// A source serving `blocks` (keyed by their own heights).
    #[must_use]
    pub fn new(blocks: impl IntoIterator<Item = LightBlock>) -> Self {
        Self {
            blocks: blocks
                .into_iter()
                .map(|block| (block.height(), block))
                .collect(),
            served: 0,
        }
    }

    /// Adds or replaces the block at its height (e.g. a forged one).
    pub fn insert(&mut self, block: LightBlock) {
        self.blocks.insert(block.height(), block);
    }

    /// How many blocks were served so far.
    #[must_use]
    pub fn served(&self) -> u64 {
        self.served
    }
}

/// The height a [`MemorySource`] does not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("no light block at height {0}")]
pub struct MissingBlock(pub u64);

impl LightBlockSource for MemorySource {
    fn untrusted_light_block(&mut self, height: u64) -> Result<LightBlock, SourceError> {
        let block = self.blocks.get(&height).ok_or(MissingBlock(height))?;
        self.served = self.served.saturating_add(1);
        Ok(block.clone())
    }

    fn untrusted_latest(&mut self) -> Result<LightBlock, SourceError> {
        let block = self.blocks.values().next_back().ok_or(MissingBlock(0))?;
        self.served = self.served.saturating_add(1);
        Ok(block.clone())
    }
}

/// What a sync did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SyncReport {
    /// Blocks fetched from the source (each height at most once).
    pub headers_fetched: u64,
    /// Heights verified and stored, in order.
    pub verified_heights: Vec<u64>,
    /// How many times the scheduler bisected.
    pub bisections: u64,
    /// "Not enough trust" verdicts settled from the validator sets alone
    /// ([`verifier::can_reach`]), without checking the commit's signatures.
    pub pre_checked: u64,
}

/// Where [`SyncRun::advance`] stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Advance {
    /// The target is trusted.
    Reached,
    /// `max_verified` blocks verified; call again to go on.
    Paused,
}

/// One sync towards a target, resumable in segments (the client
/// cross-checks and stores each segment before the next): the scheduler
/// and the cache of fetched blocks that lacked trust live across
/// [`SyncRun::advance`] calls, so no height is fetched twice.
#[derive(Debug, Clone)]
pub struct SyncRun {
    scheduler: Scheduler,
    schedule: Schedule,
    target: u64,
    /// Fetched blocks above the trusted height, waiting for a retry.
    cache: BTreeMap<u64, LightBlock>,
    report: SyncReport,
    started: bool,
}

impl SyncRun {
    /// A run from `trusted_height` to `target_height` with `schedule`.
    #[must_use]
    pub fn new(trusted_height: u64, target_height: u64, schedule: Schedule) -> Self {
        Self {
            scheduler: Scheduler::new(schedule, trusted_height, target_height),
            schedule,
            target: target_height,
            cache: BTreeMap::new(),
            report: SyncReport::default(),
            started: false,
        }
    }

    /// The target height.
    #[must_use]
    pub fn target(&self) -> u64 {
        self.target
    }

    /// What the run did so far.
    #[must_use]
    pub fn report(&self) -> &SyncReport {
        &self.report
    }

    /// Brings `trusted` towards the target: asks the scheduler's heights
    /// from `source` (or the cache), verifies each against the current
    /// trusted state at `clock.now_ms()`, applies and saves what verifies,
    /// pivots on "not enough trust". Returns after `max_verified` blocks
    /// verified ([`Advance::Paused`]) or at the target ([`Advance::Reached`]).
    ///
    /// `trusted` should be the state the previous call left; another one
    /// (e.g. a rolled-back segment) restarts the scheduler from it, keeping
    /// the cached blocks above it.
    ///
    /// # Errors
    /// As [`sync_to`]. On error, `trusted` and `store` hold the last block
    /// that verified.
    #[allow(clippy::too_many_arguments)] // The driver's inputs; a struct would only rename them.
    pub fn advance(
        &mut self,
        trusted: &mut TrustedState,
        source: &mut impl LightBlockSource,
        store: &mut impl LightStore,
        options: &Options,
        clock: &impl Clock,
        max_verified: u64,
        progress: &mut impl FnMut(&ProgressEvent),
    ) -> Result<Advance, SyncError> {
        options.validate()?;
        let target_height = self.target;
        if target_height < trusted.height() {
            return Err(SyncError::TargetBelowTrusted {
                trusted: trusted.height(),
                target: target_height,
            });
        }
        if self.scheduler.trusted_height() != trusted.height() {
            self.scheduler = Scheduler::new(self.schedule, trusted.height(), target_height);
            self.cache = self.cache.split_off(&trusted.height().saturating_add(1));
        }
        if !self.started {
            self.started = true;
            progress(&ProgressEvent::Phase {
                phase: Phase::Syncing,
                trusted_height: trusted.height(),
                target_height,
            });
        }
        let mut verified_now = 0u64;
        while let Some(height) = self.scheduler.next_height() {
            if verified_now >= max_verified {
                return Ok(Advance::Paused);
            }
            let untrusted = match self.cache.get(&height) {
                Some(block) => block,
                None => {
                    let block = source
                        .untrusted_light_block(height)
                        .map_err(|source| SyncError::Source { height, source })?;
                    self.report.headers_fetched = self.report.headers_fetched.saturating_add(1);
                    if block.height() != height {
                        return Err(SyncError::WrongHeight {
                            expected: height,
                            got: block.height(),
                        });
                    }
                    self.cache.entry(height).or_insert(block)
                }
            };
            let trusted_height = trusted.height();
            let now_ms = clock.now_ms();
            let verdict = if pre_check_lacks_trust(trusted, untrusted, options, now_ms) {
                self.report.pre_checked = self.report.pre_checked.saturating_add(1);
                None
            } else {
                Some(verifier::verify(trusted, untrusted, options, now_ms))
            };
            match verdict {
                Some(Verdict::Success(verified)) => {
                    trusted.apply(verified);
                    store.save(trusted)?;
                    verified_now += 1;
                    self.report.verified_heights.push(height);
                    self.scheduler.record(trusted_height, Outcome::Verified)?;
                    // Blocks at or below the new trusted height are of no more use.
                    self.cache = self.cache.split_off(&height.saturating_add(1));
                    progress(&ProgressEvent::Verified {
                        height,
                        target_height,
                        headers_fetched: self.report.headers_fetched,
                        pending: usize::try_from(self.scheduler.remaining()).unwrap_or(usize::MAX),
                    });
                }
                None | Some(Verdict::NotEnoughTrust { .. }) => {
                    self.scheduler
                        .record(trusted_height, Outcome::NotEnoughTrust)?;
                    self.report.bisections = self.report.bisections.saturating_add(1);
                    progress(&ProgressEvent::Bisected {
                        trusted_height,
                        untrusted_height: height,
                        next_height: self.scheduler.next_height().unwrap_or(height),
                    });
                }
                Some(Verdict::Invalid(source)) => {
                    return Err(SyncError::Invalid { height, source });
                }
            }
        }
        progress(&ProgressEvent::Phase {
            phase: Phase::Done,
            trusted_height: trusted.height(),
            target_height,
        });
        Ok(Advance::Reached)
    }
}

/// Whether `untrusted` surely lacks trust from `trusted`, judged from the
/// validator sets alone: a skipping step (not adjacent) from an unexpired
/// state, the block consistent in itself, and even its whole set holds no
/// more than the threshold of the trusted next set. Anything else goes to
/// [`verifier::verify`]. A block settled here stays cached and is verified
/// in full when retried from a pivot.
fn pre_check_lacks_trust(
    trusted: &TrustedState,
    untrusted: &LightBlock,
    options: &Options,
    now_ms: u64,
) -> bool {
    let trusted_block = trusted.light_block();
    let trusted_header = &trusted_block.header;
    untrusted.height() > trusted_header.height.saturating_add(1)
        && verifier::is_within_trust_period(
            trusted_header.time_ms,
            options.trusting_period_ms(),
            now_ms,
        )
        .is_ok()
        && untrusted.validate_basic(trusted.chain_id()).is_ok()
        && !verifier::can_reach(
            &trusted_block.next_validators,
            &untrusted.validators,
            options.trust_threshold,
        )
}

/// Brings `trusted` up to `target_height`: one [`SyncRun`] to the end.
/// Each height is fetched at most once.
///
/// On error, `trusted` and `store` hold the last block that verified.
///
/// # Errors
/// [`SyncError`]: the source failed or sent a block of another height, a
/// block is invalid (including [`VerificationError::TrustExpired`]: ask the
/// user for a new checkpoint), the options are refused, the target is below
/// the trusted height, or the store failed.
pub fn sync_to(
    trusted: &mut TrustedState,
    target_height: u64,
    schedule: Schedule,
    source: &mut impl LightBlockSource,
    store: &mut impl LightStore,
    options: &Options,
    clock: &impl Clock,
) -> Result<SyncReport, SyncError> {
    sync_to_with_progress(
        trusted,
        target_height,
        schedule,
        source,
        store,
        options,
        clock,
        &mut |_| {},
    )
}

/// [`sync_to`], reporting each step to `progress`.
///
/// # Errors
/// As [`sync_to`].
#[allow(clippy::too_many_arguments)] // The driver's inputs; a struct would only rename them.
pub fn sync_to_with_progress(
    trusted: &mut TrustedState,
    target_height: u64,
    schedule: Schedule,
    source: &mut impl LightBlockSource,
    store: &mut impl LightStore,
    options: &Options,
    clock: &impl Clock,
    progress: &mut impl FnMut(&ProgressEvent),
) -> Result<SyncReport, SyncError> {
    let mut run = SyncRun::new(trusted.height(), target_height, schedule);
    run.advance(trusted, source, store, options, clock, u64::MAX, progress)?;
    Ok(run.report)
}

/// Why a sync stopped.
///
/// Codes: `lc-source-failed`, `lc-source-wrong-height`,
/// `lc-target-below-trusted`, the [`VerificationError`] code for `Invalid`,
/// the [`OptionsError`] code for `Options`,
/// the [`StoreError`] code for `Store`, the [`ScheduleError`] code for
/// `Schedule`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SyncError {
    /// The source could not give the block.
    #[error("source failed at height {height}: {source}")]
    Source {
        /// The height asked for.
        height: u64,
        /// The source's error.
        source: SourceError,
    },
    /// The source answered with a block of another height.
    #[error("source sent height {got} for height {expected}")]
    WrongHeight {
        /// The height asked for.
        expected: u64,
        /// The block's height.
        got: u64,
    },
    /// A block failed verification.
    #[error("block at height {height} is invalid: {source}")]
    Invalid {
        /// Its height.
        height: u64,
        /// Why.
        source: VerificationError,
    },
    /// The target is below the trusted height (backwards sync is not done).
    #[error("target height {target} is below the trusted height {trusted}")]
    TargetBelowTrusted {
        /// Trusted height.
        trusted: u64,
        /// Target height.
        target: u64,
    },
    /// The options are refused ([`Options::validate`]).
    #[error(transparent)]
    Options(#[from] OptionsError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The scheduler could not go on.
    #[error(transparent)]
    Schedule(#[from] ScheduleError),
}

impl SyncError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Source { .. } => "lc-source-failed",
            Self::WrongHeight { .. } => "lc-source-wrong-height",
            Self::Invalid { source, .. } => source.code(),
            Self::TargetBelowTrusted { .. } => "lc-target-below-trusted",
            Self::Options(inner) => inner.code(),
            Self::Store(inner) => inner.code(),
            Self::Schedule(inner) => inner.code(),
        }
    }
}

impl Coded for SyncError {
    fn code(&self) -> &'static str {
        SyncError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        let args = match self {
            Self::Source { height, .. } => vec![("height", (*height).into())],
            Self::WrongHeight { expected, got } => {
                vec![("expected", (*expected).into()), ("got", (*got).into())]
            }
            Self::Invalid { height, source } => {
                let mut args = source.args();
                args.push(("height", (*height).into()));
                args
            }
            Self::TargetBelowTrusted { trusted, target } => {
                vec![("trusted", (*trusted).into()), ("target", (*target).into())]
            }
            Self::Options(inner) => return inner.args(),
            Self::Store(inner) => return inner.args(),
            Self::Schedule(inner) => return inner.args(),
        };
        crate::with_detail(args, self)
    }
}
