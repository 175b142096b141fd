//! Which heights to fetch and verify on the way to a target. Pure.
//!
//! The [`Scheduler`] plans lazily: it holds the target, the trusted height
//! and a short stack of heights that lacked trust, and computes the next
//! planned height from the trusted one when asked
//! ([`Schedule::Bisection`]: the target; [`Schedule::Epochs`]: the next
//! epoch's last block, then the target). Nothing is built up front, so its
//! memory does not depend on how far the target is: a node that claims a
//! tip of 10^12 with epochs of one block costs a few words, not a plan of
//! 10^12 heights. The stack only grows on
//! [`crate::Verdict::NotEnoughTrust`], by a midpoint strictly between the
//! trusted height and the last height tried, so it never holds more than 64
//! heights (one per halving of a `u64` range).
//!
//! Why epoch ends: the last block of an epoch announces, in its
//! `next_validators_hash`, the set that signs every block of the next epoch.
//! From it, the next epoch's last block verifies by skipping with all of the
//! trusted next set's power behind it, however much the set changed. So a
//! chain of `n` blocks with epochs of `L` needs about `n / L + 1` headers and
//! no bisection, if the validators keep to the epochs.

use std::num::NonZeroU64;

use jifen_protocol::message::{Arg, Coded};

/// A plan for reaching a target height.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schedule {
    /// Try the target at once; bisect on "not enough trust".
    Bisection,
    /// The validator set changes only after heights that are multiples of
    /// `length` (the block at `k * length` is the last one of epoch `k` and
    /// announces the set that signs from `k * length + 1`). Visit every
    /// epoch end on the way, then the target; bisect on "not enough trust".
    Epochs {
        /// Blocks per epoch.
        length: NonZeroU64,
    },
}

impl Schedule {
    /// The first height this schedule visits above `trusted_height` on the
    /// way to `target_height` (`None` once the target is reached).
    #[must_use]
    pub fn next_after(self, trusted_height: u64, target_height: u64) -> Option<u64> {
        if target_height <= trusted_height {
            return None;
        }
        match self {
            Self::Bisection => Some(target_height),
            Self::Epochs { length } => {
                let length = length.get();
                // First epoch end strictly above the trusted height.
                let end = (trusted_height / length)
                    .checked_add(1)
                    .and_then(|epoch| epoch.checked_mul(length))
                    .unwrap_or(u64::MAX);
                Some(end.min(target_height))
            }
        }
    }

    /// How many heights the schedule visits after `trusted_height` up to
    /// and including `target_height`, without listing them.
    #[must_use]
    pub fn count(self, trusted_height: u64, target_height: u64) -> u64 {
        if target_height <= trusted_height {
            return 0;
        }
        match self {
            Self::Bisection => 1,
            Self::Epochs { length } => {
                let length = length.get();
                // Epoch ends in (trusted, target), plus the target.
                let below_target = (target_height - 1) / length;
                let up_to_trusted = trusted_height / length;
                below_target.saturating_sub(up_to_trusted).saturating_add(1)
            }
        }
    }
}

/// The heights a schedule visits after `trusted_height`, ascending, ending
/// with `target_height`; empty when `target_height <= trusted_height`. An
/// iterator computed as it goes (a plan can be longer than memory).
#[must_use]
pub fn plan(schedule: Schedule, trusted_height: u64, target_height: u64) -> Plan {
    Plan {
        schedule,
        current: trusted_height,
        target: target_height,
    }
}

/// The iterator of [`plan`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    schedule: Schedule,
    current: u64,
    target: u64,
}

impl Iterator for Plan {
    type Item = u64;

    fn next(&mut self) -> Option<u64> {
        let next = self.schedule.next_after(self.current, self.target)?;
        self.current = next;
        Some(next)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let count = self.schedule.count(self.current, self.target);
        match usize::try_from(count) {
            Ok(count) => (count, Some(count)),
            Err(_) => (usize::MAX, None),
        }
    }
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

/// A bisecting scheduler over a lazily computed plan (see the module docs):
/// the next height is the top of a short stack of heights that lacked
/// trust, or else the schedule's next height above the trusted one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scheduler {
    schedule: Schedule,
    target: u64,
    trusted: u64,
    /// Heights that lacked trust, to retry once a midpoint verified; the
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
                let mid = midpoint(trusted_height, tried).ok_or(ScheduleError::CannotBisect {
                    trusted_height,
                    untrusted_height: tried,
                })?;
                // `tried` stays: either it is on the stack already, or it
                // is the planned height, which the schedule gives again
                // from the midpoint (no epoch end lies between the trusted
                // height and the planned one).
                self.retry.push(mid);
            }
        }
        Ok(())
    }

    /// How many heights are still planned (the schedule's heights above the
    /// trusted one plus the heights waiting for a retry); bisection may add
    /// more.
    #[must_use]
    pub fn remaining(&self) -> u64 {
        let retries = u64::try_from(self.retry.len()).unwrap_or(u64::MAX);
        self.schedule
            .count(self.trusted, self.target)
            .saturating_add(retries)
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

    fn epochs(length: u64) -> Schedule {
        Schedule::Epochs {
            length: NonZeroU64::new(length).unwrap(),
        }
    }

    #[test]
    fn plan_cases() {
        let cases: &[(&str, Schedule, u64, u64, &[u64])] = &[
            (
                "bisection is the target alone",
                Schedule::Bisection,
                1,
                100,
                &[100],
            ),
            (
                "target at or below trusted is empty",
                Schedule::Bisection,
                5,
                5,
                &[],
            ),
            (
                "epochs visit every end",
                epochs(10),
                1,
                35,
                &[10, 20, 30, 35],
            ),
            (
                "trusted on an epoch end skips it",
                epochs(10),
                10,
                30,
                &[20, 30],
            ),
            (
                "target on an epoch end appears once",
                epochs(10),
                3,
                20,
                &[10, 20],
            ),
            ("inside one epoch is the target", epochs(10), 11, 19, &[19]),
            (
                "epoch length one is sequential",
                epochs(1),
                1,
                4,
                &[2, 3, 4],
            ),
        ];
        for (name, schedule, trusted, target, expected) in cases {
            let heights: Vec<u64> = plan(*schedule, *trusted, *target).collect();
            assert_eq!(heights, *expected, "{name}");
            let count = schedule.count(*trusted, *target);
            assert_eq!(count, u64::try_from(expected.len()).unwrap(), "{name}");
        }
    }

    #[test]
    fn plan_for_100k_blocks_with_epochs_of_1000_has_100_heights() {
        let heights: Vec<u64> = plan(epochs(1_000), 1, 100_000).collect();
        assert_eq!(heights.len(), 100);
        assert_eq!(heights.last(), Some(&100_000));
        assert_eq!(plan(epochs(1_000), 1, 100_000).count(), 100);
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
        assert_eq!(
            scheduler.record(100, Outcome::Verified),
            Err(ScheduleError::NothingPending)
        );
    }

    /// Exhaustive small model: a block verifies from a trusted one iff it is
    /// at most `reach` heights above it. Every (trusted, target, reach)
    /// reaches the target, only ever tries heights strictly above the
    /// trusted one, and verifies at most `(target - trusted) / reach`
    /// rounded up, times two, heights.
    #[test]
    fn scheduler_always_reaches_the_target_in_a_reach_model() {
        for trusted in 1..20u64 {
            for target in trusted + 1..70 {
                for reach in 1..=(target - trusted) {
                    for schedule in [Schedule::Bisection, epochs(7)] {
                        let mut scheduler = Scheduler::new(schedule, trusted, target);
                        let mut current = trusted;
                        let mut verified = 0u64;
                        let mut steps = 0;
                        while let Some(height) = scheduler.next_height() {
                            assert!(height > current && height <= target);
                            steps += 1;
                            assert!(steps < 10_000, "no progress");
                            if height - current <= reach {
                                scheduler.record(current, Outcome::Verified).unwrap();
                                current = height;
                                verified += 1;
                            } else {
                                scheduler.record(current, Outcome::NotEnoughTrust).unwrap();
                            }
                        }
                        assert_eq!(current, target);
                        if schedule == Schedule::Bisection {
                            let bound = 2 * (target - trusted).div_ceil(reach);
                            assert!(verified <= bound, "{trusted} {target} {reach}: {verified}");
                        }
                    }
                }
            }
        }
    }

    /// A target of 10^12 with epochs of one block (what a lying node can
    /// claim) plans nothing up front: the scheduler stays a few words and
    /// still walks the plan.
    #[test]
    fn a_huge_target_costs_no_plan() {
        let mut scheduler = Scheduler::new(epochs(1), 1, 1_000_000_000_000);
        assert_eq!(scheduler.remaining(), 999_999_999_999);
        assert_eq!(scheduler.next_height(), Some(2));
        scheduler.record(1, Outcome::Verified).unwrap();
        assert_eq!(scheduler.next_height(), Some(3));
        assert_eq!(scheduler.remaining(), 999_999_999_998);
        // Bisecting all the way down a u64 range keeps at most 64 heights.
        let mut far = Scheduler::new(Schedule::Bisection, 0, u64::MAX);
        let mut pushes = 0;
        while far.record(0, Outcome::NotEnoughTrust).is_ok() {
            pushes += 1;
        }
        assert_eq!(far.next_height(), Some(1));
        assert!(pushes <= 64 && far.retry.len() <= 64, "{pushes}");
        assert_eq!(
            plan(epochs(1), 1, u64::MAX).size_hint(),
            (usize::MAX - 1, Some(usize::MAX - 1))
        );
        assert_eq!(plan(epochs(u64::MAX), u64::MAX - 1, u64::MAX).count(), 1);
    }

    #[test]
    fn scheduler_refuses_to_bisect_an_adjacent_step() {
        let mut scheduler = Scheduler::new(Schedule::Bisection, 7, 8);
        let error = scheduler.record(7, Outcome::NotEnoughTrust).unwrap_err();
        assert_eq!(error.code(), "lc-cannot-bisect");
    }
}
