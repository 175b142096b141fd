//! Syncing: establishing the root of trust, verifying towards the primary's
//! tip, failing over, writing evidence (the witnesses' part is in
//! `witnesses.rs`).

use std::num::NonZeroU64;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::source::{CancelledMarker, ClockRef, PeerSource, Staging, Tracker};
use super::witnesses::WitnessVerdict;
use super::{
    ClientError, CrossCheckReport, LightClient, Misbehaviour, RootKind, SyncSummary, TrustRoot,
    TrustRootStatus, expired,
};
use crate::evidence::Evidence;
use crate::peer::PeerError;
use crate::progress::{Phase, ProgressEvent, SyncProgress};
use crate::scheduler::Schedule;
use crate::store::LightStore;
use crate::sync::{SyncError, sync_to_with_progress};
use crate::trust::{Checkpoint, TrustedState};
use crate::verifier::VerificationError;

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
        let (height, checkpoint) = match self.config().trust_root {
            TrustRoot::Checkpoint(checkpoint) => (checkpoint.height, Some(checkpoint)),
            TrustRoot::Genesis => (1, None),
        };
        loop {
            if cancel.load(Ordering::Relaxed) {
                return Err(ClientError::Cancelled);
            }
            let primary = self.peers().primary(events).ok_or_else(|| self.no_peer())?;
            let untrusted = match self.peer(primary).light_block(height) {
                Ok(block) => block,
                Err(error) => {
                    self.peers().peer_failed(primary, &error, None, events);
                    continue;
                }
            };
            if untrusted.header.chain_id != self.config().chain_id {
                let reason = Misbehaviour::WrongChain {
                    expected: self.config().chain_id.clone(),
                    got: untrusted.header.chain_id.clone(),
                };
                self.peers()
                    .demote(primary, reason.code(), reason.to_string(), events);
                continue;
            }
            let root = checkpoint.unwrap_or(Checkpoint {
                height,
                hash: untrusted.hash(),
            });
            let state = match TrustedState::bootstrap(
                untrusted,
                &root,
                &self.config().options,
                self.now_ms(),
            ) {
                Ok(state) => state,
                Err(error @ VerificationError::TrustExpired { .. }) => {
                    return Err(expired(height, error));
                }
                Err(error) => {
                    self.peers()
                        .demote(primary, error.code(), error.to_string(), events);
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
            self.shared.set_root(Some(TrustRootStatus {
                checkpoint: root,
                kind,
            }));
            self.set_trusted(state);
            return Ok(());
        }
    }

    /// Writes the evidence (if there is a directory) and builds the error.
    pub(super) fn fork(
        &mut self,
        evidence: Evidence,
        events: &mut dyn FnMut(&ProgressEvent),
    ) -> ClientError {
        let height = evidence.first.height();
        let path = match self.write_evidence(&evidence) {
            Ok(path) => path,
            Err(error) => return error,
        };
        if let Some(path) = &path {
            self.shared.add_evidence(path.clone());
            events(&ProgressEvent::EvidenceWritten { path: path.clone() });
        }
        ClientError::ForkDetected {
            height,
            evidence: Box::new(evidence),
            path,
        }
    }

    fn write_evidence(&self, evidence: &Evidence) -> Result<Option<PathBuf>, ClientError> {
        let Some(dir) = &self.config().evidence_dir else {
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
        self.peers().retry_unreachable();
        self.ensure_trusted(events, cancel)?;
        let from_height = self.trusted.as_ref().map_or(0, TrustedState::height);
        let mut headers_fetched = 0u64;
        let mut bisections = 0u64;
        // Every round demotes, sidelines or promotes a peer, or returns.
        let rounds = self.peers().len().saturating_mul(3).saturating_add(3);
        for _ in 0..rounds {
            if cancel.load(Ordering::Relaxed) {
                return Err(ClientError::Cancelled);
            }
            let trusted = self.trusted.clone().ok_or(ClientError::NoTrustedState)?;
            self.check_not_expired(&trusted)?;
            let primary = self.peers().primary(events).ok_or_else(|| self.no_peer())?;
            let Some(status) = self.checked_status(primary, events) else {
                continue;
            };
            let target = match at_least {
                Some(height) if status.latest_height < height => {
                    self.peers().lagging(primary, status.latest_height);
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
            let peers = self.peers().usable_count();
            let (result, fetched) = {
                let peer = self.peer(primary);
                let mut source = PeerSource::new(peer.as_ref(), cancel, target);
                let clock = ClockRef(self.clock.as_ref());
                let mut tracker = Tracker::new(trusted.height(), target, peers);
                let result = sync_to_with_progress(
                    &mut staged,
                    target,
                    schedule,
                    &mut source,
                    &mut staging,
                    &self.config().options,
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
                    let report = CrossCheckReport {
                        height: tip.height(),
                        hash: tip.hash(),
                        agreed,
                        lagging,
                        at_ms: self.now_ms(),
                    };
                    let done_height = tip.height();
                    // Stored above: readers may see it now.
                    self.set_trusted(staged);
                    self.shared.set_cross_check(report);
                    events(&ProgressEvent::Phase {
                        phase: Phase::Done,
                        trusted_height: done_height,
                        target_height: target,
                    });
                    events(&ProgressEvent::Progress(SyncProgress {
                        phase: Phase::Done,
                        current_height: done_height,
                        target_height: target,
                        headers_fetched,
                        peers: self.peers().usable_count(),
                        eta: Some(Duration::ZERO),
                    }));
                    return Ok(summary);
                }
                WitnessVerdict::PrimaryStale { witness, reason } => {
                    self.peers()
                        .demote(primary, reason.code(), reason.to_string(), events);
                    self.peers().promote(witness, events);
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
                    self.peers()
                        .peer_failed(primary, &peer_error, Some(claimed_tip), events);
                }
                Err(other) if other.is::<CancelledMarker>() => return Err(ClientError::Cancelled),
                Err(other) => self.peers().demote(
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
                source => self.peers().demote(
                    primary,
                    source.code(),
                    format!("height {height}: {source}"),
                    events,
                ),
            },
            SyncError::Options(inner) => return Err(inner.into()),
            SyncError::Store(inner) => return Err(inner.into()),
            other => self
                .peers()
                .demote(primary, other.code(), other.to_string(), events),
        }
        Ok(())
    }
}
