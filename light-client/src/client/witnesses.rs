//! Cross-checking with witnesses: block 1 when trust is first taken from
//! the primary, each new tip before it is stored, and whether a witness
//! proves the primary stale.

use std::sync::atomic::{AtomicBool, Ordering};

use super::source::{ClockRef, PeerSource, Staging};
use super::sync::schedule_for;
use super::{ClientError, LightClient, Misbehaviour, PeerState};
use crate::cross_check::{CrossCheck, cross_check};
use crate::evidence::Evidence;
use crate::light_block::LightBlock;
use crate::progress::ProgressEvent;
use crate::scheduler::Schedule;
use crate::store::LightStore;
use crate::sync::{SyncError, sync_to_with_progress};
use crate::trust::TrustedState;
use crate::verifier::VerificationError;
use jifen_protocol::Header;

/// [`crate::verifier::check_self_consistent`] without its tally.
fn check_self_consistent(
    block: &LightBlock,
    chain_id: &jifen_protocol::ChainId,
) -> Result<(), VerificationError> {
    crate::verifier::check_self_consistent(block, chain_id).map(|_| ())
}

/// What the witnesses said about a new tip.
pub(super) enum WitnessVerdict {
    Accepted {
        agreed: usize,
        lagging: usize,
    },
    PrimaryStale {
        witness: usize,
        reason: Misbehaviour,
    },
}

impl<S: LightStore> LightClient<S> {
    /// Asks every witness for block 1 and compares it with the primary's.
    pub(super) fn cross_check_genesis(
        &mut self,
        primary: usize,
        state: &TrustedState,
        events: &mut dyn FnMut(&ProgressEvent),
    ) -> Result<usize, ClientError> {
        let genesis = state.light_block().clone();
        let mut agreed = 0;
        for index in 0..self.peers().len() {
            if index == primary || !self.peers().is_usable(index) {
                continue;
            }
            let block = match self.peer(index).light_block(1) {
                Ok(block) => block,
                Err(error) => {
                    self.peers().peer_failed(index, &error, None, events);
                    continue;
                }
            };
            let now_ms = self.now_ms();
            match cross_check(
                state,
                &genesis,
                1,
                Some(&block),
                &self.config().options,
                now_ms,
            ) {
                Ok(CrossCheck::Agrees) => {
                    match check_self_consistent(&block, &self.config().chain_id) {
                        Ok(()) => agreed += 1,
                        Err(error) => {
                            self.peers()
                                .demote(index, error.code(), error.to_string(), events)
                        }
                    }
                }
                Ok(CrossCheck::Conflict(evidence)) => return Err(self.fork(*evidence, events)),
                Ok(CrossCheck::WitnessInvalid(error)) => {
                    self.peers()
                        .demote(index, error.code(), error.to_string(), events);
                }
                Ok(other) => {
                    self.peers().demote(
                        index,
                        "lc-source-wrong-height",
                        format!("{other:?}"),
                        events,
                    );
                }
                Err(error) => self
                    .peers()
                    .demote(index, error.code(), error.to_string(), events),
            }
        }
        Ok(agreed)
    }

    /// Cross-checks the new tip `staged` (verified from `common`) with every
    /// usable witness; at the end of a sync (`last_segment`) also whether a
    /// witness proves the primary stale.
    pub(super) fn cross_check_witnesses(
        &mut self,
        primary: usize,
        common: &TrustedState,
        staged: &TrustedState,
        last_segment: bool,
        events: &mut dyn FnMut(&ProgressEvent),
        cancel: &AtomicBool,
    ) -> Result<WitnessVerdict, ClientError> {
        let tip = staged.light_block();
        let mut agreed = 0;
        let mut lagging = 0;
        for index in 0..self.peers().len() {
            if index == primary || !self.peers().is_usable(index) {
                continue;
            }
            if cancel.load(Ordering::Relaxed) {
                return Err(ClientError::Cancelled);
            }
            let Some(status) = self.checked_status(index, events) else {
                continue;
            };
            if status.latest_height < tip.height() {
                self.peers().set_state(
                    index,
                    PeerState::Lagging {
                        height: status.latest_height,
                    },
                );
                lagging += 1;
                continue;
            }
            let block = match self.peer(index).light_block(tip.height()) {
                Ok(block) => block,
                Err(error) => {
                    self.peers()
                        .peer_failed(index, &error, Some(status.latest_height), events);
                    continue;
                }
            };
            let now_ms = self.now_ms();
            let verdict = cross_check(
                common,
                tip,
                status.latest_height,
                Some(&block),
                &self.config().options,
                now_ms,
            );
            let witness_block = match verdict {
                Ok(CrossCheck::Agrees) => {
                    match check_self_consistent(&block, &self.config().chain_id) {
                        // Same header, but the commit or sets sent with it must
                        // be right too.
                        Ok(()) => block,
                        Err(error) => {
                            self.peers()
                                .demote(index, error.code(), error.to_string(), events);
                            continue;
                        }
                    }
                }
                Ok(CrossCheck::Conflict(evidence)) => return Err(self.fork(*evidence, events)),
                Ok(CrossCheck::Unresolved(_)) => {
                    // Bisect on the witness's own chain before judging.
                    let schedule = schedule_for(status.epoch_length);
                    match self.verify_from(index, common, tip.height(), schedule, cancel) {
                        Ok(block) if block.hash() == tip.hash() => block,
                        Ok(block) => {
                            return match Evidence::from_conflict(tip.clone(), block) {
                                Ok(evidence) => Err(self.fork(evidence, events)),
                                Err(error) => {
                                    self.peers().demote(
                                        index,
                                        error.code(),
                                        error.to_string(),
                                        events,
                                    );
                                    continue;
                                }
                            };
                        }
                        Err(error) => {
                            self.sync_failed(index, error, status.latest_height, events)?;
                            continue;
                        }
                    }
                }
                Ok(CrossCheck::Lagging { witness_height, .. }) => {
                    self.peers().set_state(
                        index,
                        PeerState::Lagging {
                            height: witness_height,
                        },
                    );
                    lagging += 1;
                    continue;
                }
                Ok(CrossCheck::WitnessInvalid(error)) => {
                    self.peers()
                        .demote(index, error.code(), error.to_string(), events);
                    continue;
                }
                Ok(other) => {
                    self.peers().demote(
                        index,
                        "lc-source-wrong-height",
                        format!("{other:?}"),
                        events,
                    );
                    continue;
                }
                Err(error) => {
                    self.peers()
                        .demote(index, error.code(), error.to_string(), events);
                    continue;
                }
            };
            debug_assert_eq!(witness_block.hash(), tip.hash());
            self.peers().set_state(index, PeerState::Active);
            agreed += 1;
            if last_segment
                && status.latest_height > tip.height()
                && let Some(reason) = self.stale_primary(
                    index,
                    staged,
                    schedule_for(status.epoch_length),
                    events,
                    cancel,
                )?
            {
                return Ok(WitnessVerdict::PrimaryStale {
                    witness: index,
                    reason,
                });
            }
        }
        Ok(WitnessVerdict::Accepted { agreed, lagging })
    }

    /// Whether `ahead` is far enough past `behind` for the one behind to be
    /// stale (see [`super::ClientConfig::stale_after`]): at least two
    /// blocks (one is a node that has not heard of the newest block yet),
    /// and at least `stale_after_blocks` blocks or more than `stale_after`
    /// newer.
    fn far_behind(&self, behind: &Header, ahead: &Header) -> Option<u64> {
        let blocks = ahead.height.checked_sub(behind.height)?;
        let lag_ms = ahead.time_ms.saturating_sub(behind.time_ms);
        let stale_after_ms =
            u64::try_from(self.config().stale_after.as_millis()).unwrap_or(u64::MAX);
        let stale =
            blocks >= 2 && (blocks >= self.config().stale_after_blocks || lag_ms > stale_after_ms);
        stale.then_some(lag_ms)
    }

    /// Whether witness `index` proves a header far newer than the
    /// primary's tip `staged` and than the tip the primary claims now.
    fn stale_primary(
        &mut self,
        index: usize,
        staged: &TrustedState,
        schedule: Schedule,
        events: &mut dyn FnMut(&ProgressEvent),
        cancel: &AtomicBool,
    ) -> Result<Option<Misbehaviour>, ClientError> {
        let tip = &staged.light_block().header;
        let latest = match self.peer(index).latest_light_block() {
            Ok(block) => block,
            Err(error) => {
                self.peers().peer_failed(index, &error, None, events);
                return Ok(None);
            }
        };
        if self.far_behind(tip, &latest.header).is_none() {
            return Ok(None);
        }
        match self.verify_from(index, staged, latest.height(), schedule, cancel) {
            Ok(proven) => {
                // The chain moved on while syncing: judge the primary by the
                // tip it claims now, not by the one the sync started from.
                let Some(primary) = self.peers().primary(events) else {
                    return Ok(None);
                };
                let Some(status) = self.checked_status(primary, events) else {
                    return Ok(None);
                };
                let claimed = match self.peer(primary).light_block(status.latest_height) {
                    Ok(block) => block.header,
                    Err(error) => {
                        self.peers().peer_failed(
                            primary,
                            &error,
                            Some(status.latest_height),
                            events,
                        );
                        return Ok(None);
                    }
                };
                Ok(self.far_behind(&claimed, &proven.header).map(|lag_ms| {
                    Misbehaviour::PrimaryStale {
                        primary_height: claimed.height,
                        witness_height: proven.height(),
                        lag_ms,
                    }
                }))
            }
            Err(error) => {
                self.sync_failed(index, error, latest.height(), events)?;
                Ok(None)
            }
        }
    }

    /// Verifies peer `index`'s block at `height` from `from` (skipping by
    /// trust on its chain with `schedule`, from that peer's own epoch
    /// length), without storing anything.
    pub(super) fn verify_from(
        &self,
        index: usize,
        from: &TrustedState,
        height: u64,
        schedule: Schedule,
        cancel: &AtomicBool,
    ) -> Result<LightBlock, SyncError> {
        let path = self.verify_path_from(index, from, height, schedule, cancel)?;
        Ok(path.last().map_or_else(
            || from.light_block().clone(),
            |state| state.light_block().clone(),
        ))
    }

    /// [`Self::verify_from`], returning every block verified on the way
    /// (ascending, `from` excluded, the block at `height` last): a path
    /// each of whose blocks verifies from the one before.
    pub(super) fn verify_path_from(
        &self,
        index: usize,
        from: &TrustedState,
        height: u64,
        schedule: Schedule,
        cancel: &AtomicBool,
    ) -> Result<Vec<TrustedState>, SyncError> {
        let mut scratch = from.clone();
        let peer = self.peer(index);
        let mut source = PeerSource::new(peer.as_ref(), cancel, height);
        let mut staging = Staging::default();
        sync_to_with_progress(
            &mut scratch,
            height,
            schedule,
            &mut source,
            &mut staging,
            &self.config().options,
            &ClockRef(self.clock()),
            &mut |_| {},
        )?;
        Ok(staging.states)
    }
}
