//! Syncing: establishing the root of trust, verifying towards the primary's
//! tip, cross-checking witnesses, failing over, writing evidence.

use std::num::NonZeroU64;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::source::{CancelledMarker, ClockRef, PeerSource, Staging, Tracker};
use super::{
    ClientError, CrossCheckReport, LightClient, Misbehaviour, PeerState, RootKind, Slot,
    SyncSummary, TrustRoot, TrustRootStatus, expired,
};
use crate::cross_check::{CrossCheck, cross_check};
use crate::evidence::Evidence;
use crate::light_block::LightBlock;
use crate::peer::PeerError;
use crate::progress::{Phase, ProgressEvent, SyncProgress};
use crate::scheduler::Schedule;
use crate::store::LightStore;
use crate::sync::{SyncError, sync_to_with_progress};
use crate::trust::{Checkpoint, TrustedState};
use crate::verifier::VerificationError;

/// [`crate::verifier::check_self_consistent`] without its tally.
fn check_self_consistent(
    block: &LightBlock,
    chain_id: &jifen_protocol::ChainId,
) -> Result<(), VerificationError> {
    crate::verifier::check_self_consistent(block, chain_id).map(|_| ())
}

/// What the witnesses said about a new tip.
enum WitnessVerdict {
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
    /// Brings the client to the primary's latest height, cross-checked with
    /// every witness (see the module docs).
    ///
    /// # Errors
    /// [`ClientError::TrustExpired`], [`ClientError::NoPeer`] (every peer
    /// demoted or unreachable; their states say why),
    /// [`ClientError::ForkDetected`], [`ClientError::Cancelled`],
    /// [`ClientError::Store`], [`ClientError::EvidenceWrite`].
    pub fn sync(
        &mut self,
        on_event: &mut dyn FnMut(&ProgressEvent),
        cancel: &AtomicBool,
    ) -> Result<SyncSummary, ClientError> {
        self.sync_inner(None, on_event, cancel)
    }

    /// Establishes the root of trust if there is none yet.
    fn ensure_trusted(
        &mut self,
        events: &mut dyn FnMut(&ProgressEvent),
        cancel: &AtomicBool,
    ) -> Result<(), ClientError> {
        if self.trusted.is_some() {
            return Ok(());
        }
        events(&ProgressEvent::Phase {
            phase: Phase::Bootstrapping,
            trusted_height: 0,
            target_height: 0,
        });
        let (height, checkpoint) = match self.config.trust_root {
            TrustRoot::Checkpoint(checkpoint) => (checkpoint.height, Some(checkpoint)),
            TrustRoot::Genesis => (1, None),
        };
        loop {
            if cancel.load(Ordering::Relaxed) {
                return Err(ClientError::Cancelled);
            }
            let primary = self.primary(events).ok_or_else(|| self.no_peer())?;
            let untrusted = match self.peer(primary).light_block(height) {
                Ok(block) => block,
                Err(error) => {
                    self.peer_failed(primary, &error, None, events);
                    continue;
                }
            };
            if untrusted.header.chain_id != self.config.chain_id {
                let reason = Misbehaviour::WrongChain {
                    expected: self.config.chain_id.clone(),
                    got: untrusted.header.chain_id.clone(),
                };
                self.demote(primary, reason.code(), reason.to_string(), events);
                continue;
            }
            let root = checkpoint.unwrap_or(Checkpoint {
                height,
                hash: untrusted.hash(),
            });
            let state = match TrustedState::bootstrap(
                untrusted,
                &root,
                &self.config.options,
                self.now_ms(),
            ) {
                Ok(state) => state,
                Err(error @ VerificationError::TrustExpired { .. }) => {
                    return Err(expired(height, error));
                }
                Err(error) => {
                    self.demote(primary, error.code(), error.to_string(), events);
                    continue;
                }
            };
            let kind = if checkpoint.is_some() {
                RootKind::Checkpoint
            } else {
                let agreed = self.cross_check_genesis(primary, &state, events)?;
                RootKind::GenesisFirstUse {
                    witnesses_agreed: Some(agreed),
                }
            };
            self.store.save(&state)?;
            self.trusted = Some(state);
            self.root = Some(TrustRootStatus {
                checkpoint: root,
                kind,
            });
            return Ok(());
        }
    }

    /// Asks every witness for block 1 and compares it with the primary's.
    fn cross_check_genesis(
        &mut self,
        primary: usize,
        state: &TrustedState,
        events: &mut dyn FnMut(&ProgressEvent),
    ) -> Result<usize, ClientError> {
        let genesis = state.light_block().clone();
        let mut agreed = 0;
        for index in 0..self.peers.len() {
            if index == primary || !self.peers.get(index).is_some_and(Slot::usable) {
                continue;
            }
            let block = match self.peer(index).light_block(1) {
                Ok(block) => block,
                Err(error) => {
                    self.peer_failed(index, &error, None, events);
                    continue;
                }
            };
            let now_ms = self.now_ms();
            match cross_check(
                state,
                &genesis,
                1,
                Some(&block),
                &self.config.options,
                now_ms,
            ) {
                Ok(CrossCheck::Agrees) => {
                    match check_self_consistent(&block, &self.config.chain_id) {
                        Ok(()) => agreed += 1,
                        Err(error) => self.demote(index, error.code(), error.to_string(), events),
                    }
                }
                Ok(CrossCheck::Conflict(evidence)) => return Err(self.fork(*evidence, events)),
                Ok(CrossCheck::WitnessInvalid(error)) => {
                    self.demote(index, error.code(), error.to_string(), events);
                }
                Ok(other) => {
                    self.demote(
                        index,
                        "lc-source-wrong-height",
                        format!("{other:?}"),
                        events,
                    );
                }
                Err(error) => self.demote(index, error.code(), error.to_string(), events),
            }
        }
        Ok(agreed)
    }

    /// Writes the evidence (if there is a directory) and builds the error.
    fn fork(&mut self, evidence: Evidence, events: &mut dyn FnMut(&ProgressEvent)) -> ClientError {
        let height = evidence.first.height();
        let path = match self.write_evidence(&evidence) {
            Ok(path) => path,
            Err(error) => return error,
        };
        if let Some(path) = &path {
            self.evidence.push(path.clone());
            events(&ProgressEvent::EvidenceWritten { path: path.clone() });
        }
        ClientError::ForkDetected {
            height,
            evidence: Box::new(evidence),
            path,
        }
    }

    fn write_evidence(&self, evidence: &Evidence) -> Result<Option<PathBuf>, ClientError> {
        let Some(dir) = &self.config.evidence_dir else {
            return Ok(None);
        };
        let hash = evidence.second.hash().to_string();
        let name = format!(
            "evidence-{}-{}.json",
            evidence.first.height(),
            hash.get(..16).unwrap_or(&hash)
        );
        let path = dir.join(name);
        let failed = |error: std::io::Error| ClientError::EvidenceWrite {
            path: path.clone(),
            message: error.to_string(),
        };
        std::fs::create_dir_all(dir).map_err(failed)?;
        let temporary = path.with_extension("json.tmp");
        std::fs::write(&temporary, evidence.to_json()).map_err(failed)?;
        std::fs::rename(&temporary, &path).map_err(failed)?;
        Ok(Some(path))
    }

    /// The sync loop; `at_least`: sync to exactly that height when the
    /// primary has it (for proofs), else to the primary's latest.
    pub(super) fn sync_inner(
        &mut self,
        at_least: Option<u64>,
        events: &mut dyn FnMut(&ProgressEvent),
        cancel: &AtomicBool,
    ) -> Result<SyncSummary, ClientError> {
        let started = Instant::now();
        for slot in &mut self.peers {
            if matches!(slot.state, PeerState::Unreachable { .. }) {
                slot.state = PeerState::Active;
            }
        }
        self.ensure_trusted(events, cancel)?;
        let from_height = self.trusted.as_ref().map_or(0, TrustedState::height);
        let mut headers_fetched = 0u64;
        let mut bisections = 0u64;
        // Every round demotes, sidelines or promotes a peer, or returns.
        let rounds = self.peers.len().saturating_mul(3).saturating_add(3);
        for _ in 0..rounds {
            if cancel.load(Ordering::Relaxed) {
                return Err(ClientError::Cancelled);
            }
            let trusted = self.trusted.clone().ok_or(ClientError::NoTrustedState)?;
            self.check_not_expired(&trusted)?;
            let primary = self.primary(events).ok_or_else(|| self.no_peer())?;
            let Some(status) = self.checked_status(primary, events) else {
                continue;
            };
            let target = match at_least {
                Some(height) if status.latest_height < height => {
                    self.lagging(primary, status.latest_height);
                    continue;
                }
                Some(height) => height.max(trusted.height()),
                None => status.latest_height.max(trusted.height()),
            };
            let schedule = status
                .epoch_length
                .and_then(NonZeroU64::new)
                .map_or(Schedule::Bisection, |length| Schedule::Epochs { length });
            let mut staged = trusted.clone();
            let mut staging = Staging::default();
            let peers = self.usable_count();
            let (result, fetched) = {
                let mut source = PeerSource::new(self.peer(primary), cancel, target);
                let clock = ClockRef(self.clock.as_ref());
                let mut tracker = Tracker::new(trusted.height(), target, peers);
                let result = sync_to_with_progress(
                    &mut staged,
                    target,
                    schedule,
                    &mut source,
                    &mut staging,
                    &self.config.options,
                    &clock,
                    &mut |event| {
                        events(event);
                        events(&tracker.on(event));
                    },
                );
                (result, source.fetched)
            };
            headers_fetched = headers_fetched.saturating_add(fetched);
            let report = match result {
                Ok(report) => report,
                Err(error) => {
                    if cancel.load(Ordering::Relaxed) {
                        return Err(ClientError::Cancelled);
                    }
                    self.sync_failed(primary, error, status.latest_height, events)?;
                    continue;
                }
            };
            bisections = bisections.saturating_add(report.bisections);
            events(&ProgressEvent::Phase {
                phase: Phase::CrossChecking,
                trusted_height: staged.height(),
                target_height: target,
            });
            match self.cross_check_witnesses(primary, &trusted, &staged, events, cancel)? {
                WitnessVerdict::Accepted { agreed, lagging } => {
                    for state in &staging.states {
                        self.store.save(state)?;
                    }
                    let tip = staged.light_block();
                    let summary = SyncSummary {
                        from_height,
                        height: tip.height(),
                        hash: tip.hash(),
                        headers_fetched,
                        bisections,
                        primary: self.peer(primary).id().to_owned(),
                        witnesses_agreed: agreed,
                        elapsed: started.elapsed(),
                    };
                    self.last_cross_check = Some(CrossCheckReport {
                        height: tip.height(),
                        hash: tip.hash(),
                        agreed,
                        lagging,
                        at_ms: self.now_ms(),
                    });
                    events(&ProgressEvent::Phase {
                        phase: Phase::Done,
                        trusted_height: tip.height(),
                        target_height: target,
                    });
                    events(&ProgressEvent::Progress(SyncProgress {
                        phase: Phase::Done,
                        current_height: tip.height(),
                        target_height: target,
                        headers_fetched,
                        peers: self.usable_count(),
                        eta: Some(Duration::ZERO),
                    }));
                    self.trusted = Some(staged);
                    return Ok(summary);
                }
                WitnessVerdict::PrimaryStale { witness, reason } => {
                    self.demote(primary, reason.code(), reason.to_string(), events);
                    self.promote(witness, events);
                }
            }
        }
        Err(self.no_peer())
    }

    /// Acts on a failed sync from the primary: the peer's fault demotes it
    /// (or sidelines it), the client's own problems are returned.
    pub(super) fn sync_failed(
        &mut self,
        primary: usize,
        error: SyncError,
        claimed_tip: u64,
        events: &mut dyn FnMut(&ProgressEvent),
    ) -> Result<(), ClientError> {
        match error {
            SyncError::Source { height, source } => match source.downcast::<PeerError>() {
                Ok(peer_error) => {
                    self.peer_failed(primary, &peer_error, Some(claimed_tip), events);
                }
                Err(other) if other.is::<CancelledMarker>() => return Err(ClientError::Cancelled),
                Err(other) => self.demote(
                    primary,
                    "lc-source-failed",
                    format!("height {height}: {other}"),
                    events,
                ),
            },
            SyncError::Invalid { height, source } => match source {
                VerificationError::TrustExpired { .. } => {
                    return Err(expired(height, source));
                }
                source => self.demote(
                    primary,
                    source.code(),
                    format!("height {height}: {source}"),
                    events,
                ),
            },
            SyncError::Options(inner) => return Err(inner.into()),
            SyncError::Store(inner) => return Err(inner.into()),
            other => self.demote(primary, other.code(), other.to_string(), events),
        }
        Ok(())
    }

    /// Cross-checks the new tip `staged` (verified from `common`) with every
    /// usable witness.
    fn cross_check_witnesses(
        &mut self,
        primary: usize,
        common: &TrustedState,
        staged: &TrustedState,
        events: &mut dyn FnMut(&ProgressEvent),
        cancel: &AtomicBool,
    ) -> Result<WitnessVerdict, ClientError> {
        let tip = staged.light_block();
        let mut agreed = 0;
        let mut lagging = 0;
        for index in 0..self.peers.len() {
            if index == primary || !self.peers.get(index).is_some_and(Slot::usable) {
                continue;
            }
            if cancel.load(Ordering::Relaxed) {
                return Err(ClientError::Cancelled);
            }
            let Some(status) = self.checked_status(index, events) else {
                continue;
            };
            if status.latest_height < tip.height() {
                self.set_state(
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
                    self.peer_failed(index, &error, Some(status.latest_height), events);
                    continue;
                }
            };
            let now_ms = self.now_ms();
            let verdict = cross_check(
                common,
                tip,
                status.latest_height,
                Some(&block),
                &self.config.options,
                now_ms,
            );
            let witness_block = match verdict {
                Ok(CrossCheck::Agrees) => {
                    match check_self_consistent(&block, &self.config.chain_id) {
                        // Same header, but the commit or sets sent with it must
                        // be right too.
                        Ok(()) => block,
                        Err(error) => {
                            self.demote(index, error.code(), error.to_string(), events);
                            continue;
                        }
                    }
                }
                Ok(CrossCheck::Conflict(evidence)) => return Err(self.fork(*evidence, events)),
                Ok(CrossCheck::Unresolved(_)) => {
                    // Bisect on the witness's own chain before judging.
                    match self.verify_from(index, common, tip.height(), cancel) {
                        Ok(block) if block.hash() == tip.hash() => block,
                        Ok(block) => {
                            return match Evidence::from_conflict(tip.clone(), block) {
                                Ok(evidence) => Err(self.fork(evidence, events)),
                                Err(error) => {
                                    self.demote(index, error.code(), error.to_string(), events);
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
                    self.set_state(
                        index,
                        PeerState::Lagging {
                            height: witness_height,
                        },
                    );
                    lagging += 1;
                    continue;
                }
                Ok(CrossCheck::WitnessInvalid(error)) => {
                    self.demote(index, error.code(), error.to_string(), events);
                    continue;
                }
                Ok(other) => {
                    self.demote(
                        index,
                        "lc-source-wrong-height",
                        format!("{other:?}"),
                        events,
                    );
                    continue;
                }
                Err(error) => {
                    self.demote(index, error.code(), error.to_string(), events);
                    continue;
                }
            };
            debug_assert_eq!(witness_block.hash(), tip.hash());
            self.set_state(index, PeerState::Active);
            agreed += 1;
            if status.latest_height > tip.height()
                && let Some(reason) = self.stale_primary(index, staged, events, cancel)?
            {
                return Ok(WitnessVerdict::PrimaryStale {
                    witness: index,
                    reason,
                });
            }
        }
        Ok(WitnessVerdict::Accepted { agreed, lagging })
    }

    /// Whether witness `index` proves a header much newer than the
    /// primary's tip `staged`.
    fn stale_primary(
        &mut self,
        index: usize,
        staged: &TrustedState,
        events: &mut dyn FnMut(&ProgressEvent),
        cancel: &AtomicBool,
    ) -> Result<Option<Misbehaviour>, ClientError> {
        let tip = &staged.light_block().header;
        let stale_after_ms = u64::try_from(self.config.stale_after.as_millis()).unwrap_or(u64::MAX);
        let latest = match self.peer(index).latest_light_block() {
            Ok(block) => block,
            Err(error) => {
                self.peer_failed(index, &error, None, events);
                return Ok(None);
            }
        };
        if latest.header.time_ms <= tip.time_ms.saturating_add(stale_after_ms)
            || latest.height() <= tip.height
        {
            return Ok(None);
        }
        match self.verify_from(index, staged, latest.height(), cancel) {
            Ok(proven) => {
                // The chain moved on while syncing: judge the primary by the
                // tip it claims now, not by the one the sync started from.
                let Some(primary) = self.primary(events) else {
                    return Ok(None);
                };
                let claimed = match self
                    .peer(primary)
                    .status()
                    .and_then(|status| self.peer(primary).light_block(status.latest_height))
                {
                    Ok(block) => block.header,
                    Err(error) => {
                        self.peer_failed(primary, &error, None, events);
                        return Ok(None);
                    }
                };
                let lag_ms = proven.header.time_ms.saturating_sub(claimed.time_ms);
                let stale = claimed.height < proven.height() && lag_ms > stale_after_ms;
                Ok(stale.then_some(Misbehaviour::PrimaryStale {
                    primary_height: claimed.height,
                    witness_height: proven.height(),
                    lag_ms,
                }))
            }
            Err(error) => {
                self.sync_failed(index, error, latest.height(), events)?;
                Ok(None)
            }
        }
    }

    /// Verifies peer `index`'s block at `height` from `from` (bisecting on
    /// its chain), without storing anything.
    pub(super) fn verify_from(
        &self,
        index: usize,
        from: &TrustedState,
        height: u64,
        cancel: &AtomicBool,
    ) -> Result<LightBlock, SyncError> {
        let mut scratch = from.clone();
        let mut source = PeerSource::new(self.peer(index), cancel, height);
        sync_to_with_progress(
            &mut scratch,
            height,
            Schedule::Bisection,
            &mut source,
            &mut Staging::default(),
            &self.config.options,
            &ClockRef(self.clock.as_ref()),
            &mut |_| {},
        )?;
        Ok(scratch.light_block().clone())
    }
}
