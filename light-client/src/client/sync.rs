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
    ClientError, CrossCheckReport, LightClient, Misbehaviour, PeerState, RootKind, SyncSummary,
    TrustRoot, TrustRootStatus, expired,
};
use crate::evidence::Evidence;
use crate::peer::PeerError;
use crate::progress::{Phase, ProgressEvent, SyncProgress};
use crate::scheduler::Schedule;
use crate::store::LightStore;
use crate::sync::{Advance, SyncError, SyncRun};
use crate::trust::{Checkpoint, TrustedState};
use crate::verifier::VerificationError;
use jifen_protocol::Encode;

/// Most verified blocks staged in memory before a cross-check stores them.
pub(super) const MAX_STAGED: u64 = 1_024;
/// Fewest verified blocks staged per segment, however large the blocks.
const MIN_STAGED: u64 = 16;
/// Bytes of staged blocks aimed at per segment (64 MiB): about 1,000
/// blocks of 21 validators, 33 blocks of 10,000.
pub(super) const STAGING_BYTES: u64 = 64 << 20;

/// The schedule for a peer's claimed epoch length: skipping by trust with
/// pivots at its epoch ends, or plain bisection without one. The claim is
/// untrusted: it only decides which heights are fetched (a wrong one costs
/// fetches, never safety; `docs/adr/0016-skipping-by-trust.md`).
pub(super) fn schedule_for(epoch_length: Option<u64>) -> Schedule {
    epoch_length
        .and_then(NonZeroU64::new)
        .map_or(Schedule::Bisection, |epoch_length| Schedule::Skipping {
            epoch_length,
        })
}

/// Verified blocks per segment: about [`STAGING_BYTES`] of blocks like the
/// trusted one, between [`MIN_STAGED`] and [`MAX_STAGED`].
fn segment_blocks(trusted: &TrustedState) -> u64 {
    let block_bytes = u64::try_from(trusted.light_block().encode().len())
        .unwrap_or(u64::MAX)
        .max(1);
    (STAGING_BYTES / block_bytes).clamp(MIN_STAGED, MAX_STAGED)
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

    /// Establishes the root of trust if there is none yet: asks each usable
    /// peer (primary first) for its status, and only a peer whose tip
    /// reaches the root's height (and that still serves it) for the root
    /// block. A peer that claims the height and withholds the block is
    /// demoted; one below it is lagging (skipped for the root, not
    /// blamed). While no peer has the root yet, it asks again with backoff
    /// ([`super::ClientConfig::root_retry`]), then gives up with
    /// [`ClientError::RootUnavailable`]; when every peer is unreachable or
    /// demoted it returns [`ClientError::NoPeer`] at once.
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
        let retry = self.config().root_retry;
        let attempts = retry.attempts.max(1);
        let mut highest_tip: Option<u64> = None;
        for attempt in 0..attempts {
            if attempt > 0 {
                self.pause(retry.delay(attempt), cancel)?;
                self.peers().retry_unreachable();
            }
            let mut behind = false;
            for index in self.peers().read_order() {
                if cancel.load(Ordering::Relaxed) {
                    return Err(ClientError::Cancelled);
                }
                let Some(status) = self.checked_status(index, events) else {
                    continue;
                };
                highest_tip = highest_tip.max(Some(status.latest_height));
                if status.latest_height < height || status.earliest_height > height {
                    // Not there yet (or pruned): not a fault, not a source.
                    self.peers().set_state(
                        index,
                        PeerState::Lagging {
                            height: status.latest_height,
                        },
                    );
                    behind = true;
                    continue;
                }
                if self.try_root(index, height, checkpoint, status.latest_height, events)? {
                    return Ok(());
                }
            }
            if !behind {
                // Nobody is merely behind: every peer failed or lied.
                return Err(self.no_peer());
            }
        }
        Err(ClientError::RootUnavailable {
            height,
            highest_tip,
            attempts,
        })
    }

    /// Takes the root block at `height` from peer `index` (which claims a
    /// tip of `claimed_tip`): `true` when it is trusted and stored now,
    /// `false` when the peer failed or lied (and was marked so).
    fn try_root(
        &mut self,
        index: usize,
        height: u64,
        checkpoint: Option<Checkpoint>,
        claimed_tip: u64,
        events: &mut dyn FnMut(&ProgressEvent),
    ) -> Result<bool, ClientError> {
        let untrusted = match self.peer(index).light_block(height) {
            Ok(block) => block,
            Err(error) => {
                self.peers()
                    .peer_failed(index, &error, Some(claimed_tip), events);
                return Ok(false);
            }
        };
        if untrusted.header.chain_id != self.config().chain_id {
            let reason = Misbehaviour::WrongChain {
                expected: self.config().chain_id.clone(),
                got: untrusted.header.chain_id.clone(),
            };
            self.peers()
                .demote(index, reason.code(), reason.to_string(), events);
            return Ok(false);
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
                    .demote(index, error.code(), error.to_string(), events);
                return Ok(false);
            }
        };
        if !self.peers().is_primary(index) {
            self.peers().promote(index, events);
        }
        let kind = if checkpoint.is_some() {
            RootKind::Checkpoint
        } else {
            let agreed = self.cross_check_genesis(index, &state, events)?;
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
        Ok(true)
    }

    /// Waits `delay`, returning early with [`ClientError::Cancelled`] when
    /// `cancel` is set (checked every 50 ms).
    fn pause(&self, delay: Duration, cancel: &AtomicBool) -> Result<(), ClientError> {
        let until = Instant::now() + delay;
        loop {
            if cancel.load(Ordering::Relaxed) {
                return Err(ClientError::Cancelled);
            }
            let now = Instant::now();
            if now >= until {
                return Ok(());
            }
            std::thread::sleep((until - now).min(Duration::from_millis(50)));
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
        if let Err(error) = self.pin_evidence(&evidence, path.as_deref()) {
            return error;
        }
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
        let failed = |error: jifen_files::FileError| ClientError::EvidenceWrite {
            path: path.clone(),
            message: error.to_string(),
        };
        // Private (0700 / 0600), atomic and durable, like every file Jifen
        // keeps (ADR 0010).
        jifen_files::create_private_dir_all(dir).map_err(failed)?;
        jifen_files::write_atomic(&path, evidence.to_json().as_bytes()).map_err(failed)?;
        Ok(Some(path))
    }

    /// The sync loop; `at_least`: sync to exactly that height when the
    /// primary has it (for proofs), else to the primary's latest. A primary
    /// below `at_least` is not marked lagging for it: the height is only a
    /// peer's claim (see `tx_inclusion`).
    ///
    /// The way to the target is found by trust, not the calendar (one
    /// [`SyncRun`] per round, [`schedule_for`] the primary's epoch length)
    /// and verified in segments: each segment stages at most [`MAX_STAGED`]
    /// verified blocks (fewer for large validator sets, [`STAGING_BYTES`]),
    /// is cross-checked with the witnesses at its last block, then stored
    /// and trusted. Memory stays bounded however
    /// far the target is, and a fork found later leaves the client at the
    /// last cross-checked segment.
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
        'rounds: for _ in 0..rounds {
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
                Some(height) if status.latest_height >= height => height.max(trusted.height()),
                _ => status.latest_height.max(trusted.height()),
            };
            let schedule = schedule_for(status.epoch_length);
            // One run per round: its scheduler and cache of blocks that
            // lacked trust carry over from segment to segment.
            let mut run = SyncRun::new(trusted.height(), target, schedule);
            loop {
                let trusted = self.trusted.clone().ok_or(ClientError::NoTrustedState)?;
                let max_verified = segment_blocks(&trusted);
                let mut staged = trusted.clone();
                let mut staging = Staging::default();
                let peers = self.peers().usable_count();
                let fetched_before = run.report().headers_fetched;
                let bisected_before = run.report().bisections;
                let result = {
                    let peer = self.peer(primary);
                    let mut source = PeerSource::new(peer.as_ref(), cancel, target);
                    let clock = ClockRef(self.clock());
                    let mut tracker = Tracker::new(trusted.height(), target, peers);
                    run.advance(
                        &mut staged,
                        &mut source,
                        &mut staging,
                        &self.config().options,
                        &clock,
                        max_verified,
                        &mut |event| {
                            events(event);
                            events(&tracker.on(event));
                        },
                    )
                };
                headers_fetched =
                    headers_fetched.saturating_add(run.report().headers_fetched - fetched_before);
                let last_segment = match result {
                    // Cancelled while verifying: nothing of the segment is
                    // kept (only what was cross-checked is).
                    Ok(_) if cancel.load(Ordering::Relaxed) => return Err(ClientError::Cancelled),
                    Ok(advance) => advance == Advance::Reached,
                    Err(error) => {
                        if cancel.load(Ordering::Relaxed) {
                            return Err(ClientError::Cancelled);
                        }
                        self.sync_failed(primary, error, status.latest_height, events)?;
                        continue 'rounds;
                    }
                };
                bisections = bisections.saturating_add(run.report().bisections - bisected_before);
                events(&ProgressEvent::Phase {
                    phase: Phase::CrossChecking,
                    trusted_height: staged.height(),
                    target_height: target,
                });
                let verdict = self.cross_check_witnesses(
                    primary,
                    &trusted,
                    &staged,
                    last_segment,
                    events,
                    cancel,
                )?;
                let (agreed, lagging) = match verdict {
                    WitnessVerdict::Accepted { agreed, lagging } => (agreed, lagging),
                    WitnessVerdict::PrimaryStale { witness, reason } => {
                        self.peers()
                            .demote(primary, reason.code(), reason.to_string(), events);
                        self.peers().promote(witness, events);
                        continue 'rounds;
                    }
                };
                self.commit_path(&staging.states)?;
                let tip = staged.light_block();
                let report = CrossCheckReport {
                    height: tip.height(),
                    hash: tip.hash(),
                    agreed,
                    lagging,
                    at_ms: self.now_ms(),
                };
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
                let done_height = tip.height();
                // Stored above: readers may see it now.
                self.set_trusted(staged);
                self.shared.set_cross_check(report);
                if !last_segment {
                    continue;
                }
                self.peers().set_state(primary, PeerState::Active);
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
