//! The adapters between the client and the sync driver: a peer as a
//! source, the staging store, the clock reference and the progress tracker.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use crate::light_block::LightBlock;
use crate::peer::{Peer, PeerError};
use crate::progress::{Phase, ProgressEvent, SyncProgress};
use crate::store::{ChainLink, LightStore, MemoryStore, Pin, StoreChange, StoreError, StoreHead};
use crate::sync::{LightBlockSource, SourceError};
use crate::trust::{Clock, TrustedState};

/// Light blocks asked in one range call when verifying sequentially.
const BATCH: u64 = 100;

pub(super) struct ClockRef<'a>(pub(super) &'a dyn Clock);

impl Clock for ClockRef<'_> {
    fn now_ms(&self) -> u64 {
        self.0.now_ms()
    }
}

/// The cancellation flag was set.
#[derive(Debug, thiserror::Error)]
#[error("cancelled")]
pub(super) struct CancelledMarker;

/// A peer as the sync driver's source: checks cancellation before every
/// fetch and asks ranges of up to [`BATCH`] blocks when the driver walks
/// height by height.
pub(super) struct PeerSource<'a> {
    peer: &'a dyn Peer,
    cancel: &'a AtomicBool,
    target: u64,
    prefetched: BTreeMap<u64, LightBlock>,
    last_asked: Option<u64>,
    pub(super) fetched: u64,
}

impl<'a> PeerSource<'a> {
    pub(super) fn new(peer: &'a dyn Peer, cancel: &'a AtomicBool, target: u64) -> Self {
        Self {
            peer,
            cancel,
            target,
            prefetched: BTreeMap::new(),
            last_asked: None,
            fetched: 0,
        }
    }
}

impl LightBlockSource for PeerSource<'_> {
    fn untrusted_light_block(&mut self, height: u64) -> Result<LightBlock, SourceError> {
        if self.cancel.load(Ordering::Relaxed) {
            return Err(Box::new(CancelledMarker));
        }
        let sequential = self
            .last_asked
            .is_some_and(|last| last.checked_add(1) == Some(height));
        self.last_asked = Some(height);
        if let Some(block) = self.prefetched.remove(&height) {
            return Ok(block);
        }
        if sequential && height < self.target {
            let to = self.target.min(height.saturating_add(BATCH - 1));
            let blocks = self.peer.light_blocks(height, to)?;
            self.fetched = self
                .fetched
                .saturating_add(u64::try_from(blocks.len()).unwrap_or(u64::MAX));
            let mut blocks = blocks.into_iter();
            let first = blocks.next().ok_or(PeerError::Inconsistent {
                field: "light_blocks length",
                expected: (to - height + 1).to_string(),
                got: "0".to_owned(),
            })?;
            self.prefetched
                .extend(blocks.map(|block| (block.height(), block)));
            return Ok(first);
        }
        let block = self.peer.light_block(height)?;
        self.fetched = self.fetched.saturating_add(1);
        Ok(block)
    }

    fn untrusted_latest(&mut self) -> Result<LightBlock, SourceError> {
        self.fetched = self.fetched.saturating_add(1);
        Ok(self.peer.latest_light_block()?)
    }
}

/// Verified blocks of a sync not yet cross-checked: a [`LightStore`] in
/// memory that the client commits to the real store once the witnesses
/// agree. The sync driver appends to it with [`LightStore::save`]; the
/// records are a [`MemoryStore`]'s, the states kept beside them.
#[derive(Default)]
pub(super) struct Staging {
    pub(super) states: Vec<TrustedState>,
    records: MemoryStore,
}

impl LightStore for Staging {
    fn save(&mut self, trusted: &TrustedState) -> Result<(), StoreError> {
        let head = self.records.head()?;
        self.records.apply(&StoreChange::append(
            head.as_ref(),
            std::slice::from_ref(trusted),
        ))?;
        if self
            .states
            .last()
            .is_none_or(|last| last.height() < trusted.height())
        {
            self.states.push(trusted.clone());
        }
        Ok(())
    }

    fn apply(&mut self, change: &StoreChange) -> Result<(), StoreError> {
        self.records.apply(change)?;
        let kept = self.records.heights()?;
        self.states
            .retain(|state| kept.binary_search(&state.height()).is_ok());
        Ok(())
    }

    fn get(&self, height: u64) -> Result<Option<LightBlock>, StoreError> {
        self.records.get(height)
    }

    fn head(&self) -> Result<Option<StoreHead>, StoreError> {
        self.records.head()
    }

    fn link(&self, height: u64) -> Result<Option<ChainLink>, StoreError> {
        self.records.link(height)
    }

    fn links(&self) -> Result<Vec<ChainLink>, StoreError> {
        self.records.links()
    }

    fn pins(&self) -> Result<Vec<Pin>, StoreError> {
        self.records.pins()
    }

    fn heights(&self) -> Result<Vec<u64>, StoreError> {
        self.records.heights()
    }

    fn last_height(&self) -> Result<Option<u64>, StoreError> {
        self.records.last_height()
    }
}

/// Turns the driver's events into [`SyncProgress`] with an ETA.
pub(super) struct Tracker {
    started: Instant,
    verified: u64,
    progress: SyncProgress,
}

impl Tracker {
    pub(super) fn new(current_height: u64, target_height: u64, peers: usize) -> Self {
        Self {
            started: Instant::now(),
            verified: 0,
            progress: SyncProgress {
                phase: Phase::Syncing,
                current_height,
                target_height,
                headers_fetched: 0,
                peers,
                eta: None,
            },
        }
    }

    pub(super) fn on(&mut self, event: &ProgressEvent) -> ProgressEvent {
        match event {
            ProgressEvent::Phase {
                phase,
                trusted_height,
                target_height,
            } => {
                self.progress.phase = *phase;
                self.progress.current_height = *trusted_height;
                self.progress.target_height = *target_height;
            }
            ProgressEvent::Verified {
                height,
                target_height,
                headers_fetched,
                pending,
            } => {
                self.verified = self.verified.saturating_add(1);
                self.progress.current_height = *height;
                self.progress.target_height = *target_height;
                self.progress.headers_fetched = *headers_fetched;
                let per_header = self
                    .started
                    .elapsed()
                    .checked_div(u32::try_from(self.verified).unwrap_or(u32::MAX))
                    .unwrap_or_default();
                self.progress.eta =
                    Some(per_header.saturating_mul(u32::try_from(*pending).unwrap_or(u32::MAX)));
            }
            _ => {}
        }
        ProgressEvent::Progress(self.progress.clone())
    }
}
