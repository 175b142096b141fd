//! Which heights to fetch and verify on the way to a target. Pure.
//!
//! The [`Scheduler`] keeps a stack of heights still to verify. It starts
//! from a plan ([`Schedule::Bisection`]: the target alone;
//! [`Schedule::Epochs`]: every epoch's last block, then the target) and
//! pushes a midpoint only when a verdict is
//! [`crate::Verdict::NotEnoughTrust`].
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

/// The heights a schedule visits after `trusted_height`, ascending, ending
/// with `target_height`. Empty when `target_height <= trusted_height`.
#[must_use]
pub fn plan(schedule: Schedule, trusted_height: u64, target_height: u64) -> Vec<u64> {
    if target_height <= trusted_height {
        return Vec::new();
    }
    let mut heights = Vec::new();
    if let Schedule::Epochs { length } = schedule {
        let length = length.get();
        // First epoch end strictly above the trusted height.
        let mut end = (trusted_height / length)
            .saturating_add(1)
            .saturating_mul(length);
        while end < target_height {
            heights.push(end);
            end = match end.checked_add(length) {
                Some(next) => next,
                None => break,
            };
        }
    }
    heights.push(target_height);
    heights
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

/// A bisecting scheduler over a plan: a stack of heights still to verify,
/// the next one on top.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scheduler {
    pending: Vec<u64>,
}

impl Scheduler {
    /// A scheduler that reaches `target_height` from `trusted_height`.
    #[must_use]
    pub fn new(schedule: Schedule, trusted_height: u64, target_height: u64) -> Self {
        let mut pending = plan(schedule, trusted_height, target_height);
        pending.reverse();
        Self { pending }
    }

    /// The next height to fetch and verify, or `None` when the target is
    /// reached.
    #[must_use]
    pub fn next_height(&self) -> Option<u64> {
        self.pending.last().copied()
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
                self.pending.pop();
            }
            Outcome::NotEnoughTrust => {
                let mid = midpoint(trusted_height, tried).ok_or(ScheduleError::CannotBisect {
                    trusted_height,
                    untrusted_height: tried,
                })?;
                self.pending.push(mid);
            }
        }
        Ok(())
    }

    /// Heights still to verify, next first.
    #[must_use]
    pub fn pending(&self) -> Vec<u64> {
        self.pending.iter().rev().copied().collect()
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
            assert_eq!(plan(*schedule, *trusted, *target), *expected, "{name}");
        }
    }

    #[test]
    fn plan_for_100k_blocks_with_epochs_of_1000_has_100_heights() {
        let heights = plan(epochs(1_000), 1, 100_000);
        assert_eq!(heights.len(), 100);
        assert_eq!(heights.last(), Some(&100_000));
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
        assert_eq!(scheduler.pending(), vec![50, 100]);
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

    #[test]
    fn scheduler_refuses_to_bisect_an_adjacent_step() {
        let mut scheduler = Scheduler::new(Schedule::Bisection, 7, 8);
        let error = scheduler.record(7, Outcome::NotEnoughTrust).unwrap_err();
        assert_eq!(error.code(), "lc-cannot-bisect");
    }
}
