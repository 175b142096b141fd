//! Which heights to fetch and verify on the way to a target. Pure.
//!
//! Trust first, not the calendar (`docs/adr/0016-skipping-by-trust.md`):
//! the [`Scheduler`] always tries the target (or the top of a short stack of
//! heights that lacked trust) from the trusted height. Only a
//! [`crate::Verdict::NotEnoughTrust`] makes it look closer, at a *pivot*
//! strictly between the trusted height and the height that lacked trust:
//! with [`Schedule::Skipping`] the epoch end nearest below the midpoint
//! (epoch ends are the only blocks that announce a new set, so no other
//! block can help), else the midpoint. The height that lacked trust stays
//! on the stack and is retried once the pivot verified, so the driver's
//! cache fetches no height twice.
//!
//! Nothing is planned up front, so memory does not depend on how far the
//! target is: a node that claims a tip of 10^12 with epochs of one block
//! costs a few words. Each push at least halves the interval (or narrows
//! it to one epoch, after which only midpoints follow), so the stack never
//! holds more than about 128 heights.

use std::num::NonZeroU64;

use jifen_protocol::message::{Arg, Coded};

/// How to reach a target height.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schedule {
    /// Try the target at once; on "not enough trust", the midpoint.
    Bisection,
    /// As [`Schedule::Bisection`], for a chain whose validator set changes
    /// only after heights that are multiples of `epoch_length` (the block
    /// at `k * epoch_length` announces the set that signs from the next
    /// one): pivots are epoch ends. The length is a peer's claim: a wrong
    /// one costs fetches (the midpoint takes over), never safety.
    Skipping {
        /// Blocks per epoch.
        epoch_length: NonZeroU64,
    },
    /// Every height in turn (benchmarks of verification itself).
    Sequential,
}

impl Schedule {
    /// The height this schedule tries first above `trusted_height` on the
    /// way to `target_height` (`None` once the target is reached): the
    /// target, or the next height for [`Schedule::Sequential`].
    #[must_use]
    pub fn next_after(self, trusted_height: u64, target_height: u64) -> Option<u64> {
        if target_height <= trusted_height {
            return None;
        }
        match self {
            Self::Bisection | Self::Skipping { .. } => Some(target_height),
            Self::Sequential => Some(trusted_height + 1),
        }
    }

    /// Where to look after `untrusted_height` lacked trust from
    /// `trusted_height`: a height strictly between them, if there is one.
    #[must_use]
    pub fn pivot(self, trusted_height: u64, untrusted_height: u64) -> Option<u64> {
        match self {
            Self::Skipping { epoch_length } => {
                epoch_end_pivot(trusted_height, untrusted_height, epoch_length)
                    .or_else(|| midpoint(trusted_height, untrusted_height))
            }
            Self::Bisection | Self::Sequential => midpoint(trusted_height, untrusted_height),
        }
    }
}

/// The epoch end strictly between `trusted_height` and `untrusted_height`
/// nearest at or below their midpoint, else the first epoch end above
/// `trusted_height` if it is below `untrusted_height`, else `None` (no
/// epoch end strictly between).
#[must_use]
pub fn epoch_end_pivot(
    trusted_height: u64,
    untrusted_height: u64,
    epoch_length: NonZeroU64,
) -> Option<u64> {
    let length = epoch_length.get();
    let mid = midpoint(trusted_height, untrusted_height)?;
    let below_mid = mid / length * length;
    if below_mid > trusted_height {
        return Some(below_mid);
    }
    let first = (trusted_height / length)
        .checked_add(1)?
        .checked_mul(length)?;
    (first < untrusted_height).then_some(first)
}

/// The height halfway between a trusted and an untrusted height, if one
/// lies strictly between them.
#[must_use]
pub fn midpoint(trusted_height: u64, untrusted_height: u64) -> Option<u64> {
    if untrusted_height <= trusted_height.saturating_add(1) {
        return None;
    }
    let mid = trusted_height + (untrusted_height - trusted_height) / 2;
    (mid > trusted_height && mid < untrusted_height).then_some(mid)
}

/// What happened to the height the scheduler proposed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// It verified; trust moved there.
    Verified,
    /// Not enough of the trusted set signed it.
    NotEnoughTrust,
}

/// The trust-first scheduler (see the module docs): the next height is the
/// top of a short stack of pivots, or else the schedule's next height (the
/// target) above the trusted one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scheduler {
    schedule: Schedule,
    target: u64,
    trusted: u64,
    /// Pivots to verify before the heights that lacked trust; the
    /// next one on top. Strictly decreasing from bottom to top, all above
    /// `trusted`.
    retry: Vec<u64>,
}

impl Scheduler {
    /// A scheduler that reaches `target_height` from `trusted_height`.
    #[must_use]
    pub fn new(schedule: Schedule, trusted_height: u64, target_height: u64) -> Self {
        Self {
            schedule,
            target: target_height,
            trusted: trusted_height,
            retry: Vec::new(),
        }
    }

    /// The next height to fetch and verify, or `None` when the target is
    /// reached.
    #[must_use]
    pub fn next_height(&self) -> Option<u64> {
        self.retry
            .last()
            .copied()
            .or_else(|| self.schedule.next_after(self.trusted, self.target))
    }

    /// Records the outcome for [`Scheduler::next_height`], given the trusted
    /// height before that attempt.
    ///
    /// # Errors
    /// [`ScheduleError::CannotBisect`] when "not enough trust" comes for a
    /// height right above the trusted one (a sequential step never lacks
    /// trust, so the verifier and the scheduler disagree), or
    /// [`ScheduleError::NothingPending`].
    pub fn record(&mut self, trusted_height: u64, outcome: Outcome) -> Result<(), ScheduleError> {
        let Some(tried) = self.next_height() else {
            return Err(ScheduleError::NothingPending);
        };
        match outcome {
            Outcome::Verified => {
                if self.retry.last() == Some(&tried) {
                    self.retry.pop();
                }
                self.trusted = tried;
            }
            Outcome::NotEnoughTrust => {
                let pivot = self.schedule.pivot(trusted_height, tried).ok_or(
                    ScheduleError::CannotBisect {
                        trusted_height,
                        untrusted_height: tried,
                    },
                )?;
                // `tried` stays: either it is on the stack already, or it
                // is the target (or the sequential step), which the
                // schedule gives again once the stack is empty.
                self.retry.push(pivot);
            }
        }
        Ok(())
    }

    /// A lower bound on the heights still to verify: those waiting on the
    /// stack plus the target (more may come if they lack trust).
    #[must_use]
    pub fn remaining(&self) -> u64 {
        let retries = u64::try_from(self.retry.len()).unwrap_or(u64::MAX);
        let planned = match self.schedule.next_after(self.trusted, self.target) {
            None => 0,
            Some(_) if self.schedule == Schedule::Sequential => self.target - self.trusted,
            Some(_) => 1,
        };
        // Pivots are strictly below the target: it is never on the stack.
        retries.saturating_add(planned)
    }

    /// The trusted height the scheduler works from.
    #[must_use]
    pub fn trusted_height(&self) -> u64 {
        self.trusted
    }

    /// The heights waiting for a retry, the next one last.
    #[must_use]
    pub fn pending(&self) -> &[u64] {
        &self.retry
    }
}

/// Why the scheduler cannot go on.
///
/// Codes: `lc-cannot-bisect`, `lc-nothing-pending`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ScheduleError {
    /// No height lies between the trusted and the untrusted one.
    #[error("cannot bisect between trusted height {trusted_height} and {untrusted_height}")]
    CannotBisect {
        /// Trusted height.
        trusted_height: u64,
        /// Height that lacked trust.
        untrusted_height: u64,
    },
    /// An outcome was recorded with no height pending.
    #[error("no height is pending")]
    NothingPending,
}

impl ScheduleError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::CannotBisect { .. } => "lc-cannot-bisect",
            Self::NothingPending => "lc-nothing-pending",
        }
    }
}

impl Coded for ScheduleError {
    fn code(&self) -> &'static str {
        ScheduleError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        let args = match self {
            Self::CannotBisect {
                trusted_height,
                untrusted_height,
            } => vec![
                ("trusted", (*trusted_height).into()),
                ("untrusted", (*untrusted_height).into()),
            ],
            Self::NothingPending => Vec::new(),
        };
        crate::with_detail(args, self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skipping(length: u64) -> Schedule {
        Schedule::Skipping {
            epoch_length: NonZeroU64::new(length).unwrap(),
        }
    }

    #[test]
    fn next_after_is_the_target_first() {
        assert_eq!(Schedule::Bisection.next_after(1, 100), Some(100));
        assert_eq!(skipping(10).next_after(1, 100), Some(100));
        assert_eq!(Schedule::Sequential.next_after(1, 100), Some(2));
        for schedule in [Schedule::Bisection, skipping(10), Schedule::Sequential] {
            assert_eq!(schedule.next_after(5, 5), None);
            assert_eq!(schedule.next_after(6, 5), None);
        }
    }

    #[test]
    fn epoch_end_pivot_cases() {
        let length = NonZeroU64::new(10).unwrap();
        let cases = [
            ("nearest end below the midpoint", 1, 100, Some(50)),
            ("rounds the midpoint down to an end", 1, 77, Some(30)),
            (
                "first end above trusted when the midpoint's is not above",
                12,
                30,
                Some(20),
            ),
            ("trusted on an end", 10, 40, Some(20)),
            ("no end strictly between", 11, 20, None),
            (
                "no end strictly between, untrusted on the next",
                10,
                20,
                None,
            ),
            ("adjacent", 9, 10, None),
            ("one end between", 9, 11, Some(10)),
            (
                "no overflow at the top",
                u64::MAX - 25,
                u64::MAX,
                Some(u64::MAX / 10 * 10 - 10),
            ),
        ];
        for (name, trusted, untrusted, expected) in cases {
            let got = epoch_end_pivot(trusted, untrusted, length);
            assert_eq!(got, expected, "{name}");
            if let Some(pivot) = got {
                assert!(
                    pivot > trusted && pivot < untrusted && pivot % 10 == 0,
                    "{name}"
                );
            }
        }
        // Without an end between, the schedule falls back to the midpoint.
        assert_eq!(skipping(10).pivot(11, 20), Some(15));
        assert_eq!(skipping(10).pivot(11, 12), None);
        assert_eq!(Schedule::Bisection.pivot(1, 100), Some(50));
    }

    #[test]
    fn midpoint_cases() {
        let cases = [
            ("adjacent has none", 4, 5, None),
            ("equal has none", 5, 5, None),
            ("below has none", 6, 5, None),
            ("one between", 4, 6, Some(5)),
            ("rounds down", 1, 100, Some(50)),
            (
                "no overflow at the top",
                u64::MAX - 4,
                u64::MAX,
                Some(u64::MAX - 2),
            ),
        ];
        for (name, trusted, untrusted, expected) in cases {
            assert_eq!(midpoint(trusted, untrusted), expected, "{name}");
        }
    }

    #[test]
    fn scheduler_bisects_then_retries_the_target() {
        let mut scheduler = Scheduler::new(Schedule::Bisection, 1, 100);
        assert_eq!(scheduler.next_height(), Some(100));
        scheduler.record(1, Outcome::NotEnoughTrust).unwrap();
        assert_eq!(scheduler.next_height(), Some(50));
        scheduler.record(1, Outcome::NotEnoughTrust).unwrap();
        assert_eq!(scheduler.next_height(), Some(25));
        scheduler.record(1, Outcome::Verified).unwrap();
        assert_eq!(scheduler.next_height(), Some(50));
        assert_eq!(scheduler.remaining(), 2);
        scheduler.record(25, Outcome::Verified).unwrap();
        scheduler.record(50, Outcome::Verified).unwrap();
        assert_eq!(scheduler.next_height(), None);
        assert_eq!(scheduler.remaining(), 0);
        assert_eq!(
            scheduler.record(100, Outcome::Verified),
            Err(ScheduleError::NothingPending)
        );
    }

    #[test]
    fn skipping_pivots_are_epoch_ends() {
        let mut scheduler = Scheduler::new(skipping(10), 1, 95);
        assert_eq!(scheduler.next_height(), Some(95));
        scheduler.record(1, Outcome::NotEnoughTrust).unwrap();
        assert_eq!(scheduler.next_height(), Some(40));
        scheduler.record(1, Outcome::NotEnoughTrust).unwrap();
        assert_eq!(scheduler.next_height(), Some(20));
        scheduler.record(1, Outcome::NotEnoughTrust).unwrap();
        assert_eq!(scheduler.next_height(), Some(10));
        scheduler.record(1, Outcome::Verified).unwrap();
        // Back up the stack: 20, 40, then the target.
        assert_eq!(scheduler.pending(), &[40, 20]);
        assert_eq!(scheduler.next_height(), Some(20));
    }

    #[test]
    fn sequential_visits_every_height() {
        let mut scheduler = Scheduler::new(Schedule::Sequential, 3, 7);
        let mut seen = Vec::new();
        let mut trusted = 3;
        while let Some(height) = scheduler.next_height() {
            assert_eq!(scheduler.remaining(), 7 - trusted);
            scheduler.record(trusted, Outcome::Verified).unwrap();
            trusted = height;
            seen.push(height);
        }
        assert_eq!(seen, [4, 5, 6, 7]);
    }

    /// Exhaustive small model: a block verifies from a trusted one iff it is
    /// at most `reach` heights above it. Every (trusted, target, reach)
    /// reaches the target, only ever tries heights strictly above the
    /// trusted one, never tries a height twice after it verified, and
    /// bisection verifies at most `(target - trusted) / reach` rounded up,
    /// times two, heights.
    #[test]
    fn scheduler_always_reaches_the_target_in_a_reach_model() {
        for trusted in 1..20u64 {
            for target in trusted + 1..70 {
                for reach in 1..=(target - trusted) {
                    for schedule in [Schedule::Bisection, skipping(7), skipping(1), skipping(100)] {
                        let mut scheduler = Scheduler::new(schedule, trusted, target);
                        let mut current = trusted;
                        let mut verified = 0u64;
                        let mut tried = std::collections::BTreeSet::new();
                        let mut steps = 0;
                        while let Some(height) = scheduler.next_height() {
                            assert!(height > current && height <= target);
                            tried.insert(height);
                            steps += 1;
                            assert!(steps < 10_000, "no progress");
                            assert!(scheduler.pending().len() <= 130);
                            if height - current <= reach {
                                scheduler.record(current, Outcome::Verified).unwrap();
                                current = height;
                                verified += 1;
                            } else {
                                scheduler.record(current, Outcome::NotEnoughTrust).unwrap();
                            }
                        }
                        assert_eq!(current, target);
                        // Every height tried was verified in the end: a
                        // cache of tried blocks fetches each once.
                        assert_eq!(tried.len() as u64, verified, "{schedule:?}");
                        if schedule == Schedule::Bisection {
                            let bound = 2 * (target - trusted).div_ceil(reach);
                            assert!(verified <= bound, "{trusted} {target} {reach}: {verified}");
                        }
                    }
                }
            }
        }
    }

    /// A target of 10^12 (what a lying node can claim) plans nothing up
    /// front, and bisecting a whole `u64` range keeps a short stack.
    #[test]
    fn a_huge_target_costs_no_plan() {
        for schedule in [
            Schedule::Bisection,
            skipping(1),
            skipping(1_000),
            skipping(u64::MAX),
        ] {
            let mut far = Scheduler::new(schedule, 0, u64::MAX);
            let mut pushes = 0;
            while far.record(0, Outcome::NotEnoughTrust).is_ok() {
                pushes += 1;
            }
            assert_eq!(far.next_height(), Some(1), "{schedule:?}");
            assert!(
                pushes <= 65 && far.pending().len() <= 65,
                "{schedule:?}: {pushes}"
            );
        }
        let scheduler = Scheduler::new(skipping(1), 1, 1_000_000_000_000);
        assert_eq!(scheduler.remaining(), 1);
        assert_eq!(scheduler.next_height(), Some(1_000_000_000_000));
    }

    #[test]
    fn scheduler_refuses_to_bisect_an_adjacent_step() {
        let mut scheduler = Scheduler::new(Schedule::Bisection, 7, 8);
        let error = scheduler.record(7, Outcome::NotEnoughTrust).unwrap_err();
        assert_eq!(error.code(), "lc-cannot-bisect");
    }
}
