//! Headers below the trusted height, for proofs of older transactions.
//!
//! A header below the trusted one is proven by hash links, not by
//! signatures: from the nearest stored (verified) block above it, each
//! header names its parent's hash, so the walk down is the trusted chain
//! itself (backwards verification, as tendermint-rs's light client does).
//! A fork below the trusted height cannot pass, however many former
//! validators signed it; a peer that serves one is demoted
//! (`lc-not-parent`). The proven header is then cross-checked with every
//! other usable peer: one that serves another block at that height is
//! demoted the same way.
//!
//! Skipping by trust stores blocks that may be 10^6 heights apart
//! (`docs/adr/0016-skipping-by-trust.md`), so the walk is bounded: when the
//! nearest stored block above is more than [`MAX_WALK_DOWN`] heights up,
//! the header is verified *forward* instead, by skipping from the nearest
//! stored block below (if it is still within the trusting period), as the
//! tip itself is (CometBFT's rule for old heights); every other usable peer
//! must then serve the same block. Only when that block expired does the
//! long walk remain. The walk fetches 100 blocks at a time and keeps only
//! the last header, so its memory does not grow with the gap. An audit
//! bundle of a transaction keeps every header of the walk instead
//! ([`LightClient::links_below`]), since they are its proof.

use std::sync::atomic::{AtomicBool, Ordering};

use jifen_protocol::Header;

use super::sync::schedule_for;
use super::{ClientError, LightClient};
use crate::peer::PeerError;
use crate::progress::ProgressEvent;
use crate::store::{LightStore, StoreError, load_checked};
use crate::trust::{Checkpoint, TrustedState};
use crate::verifier::{self, VerificationError};

/// Headers proven below the trusted height kept for later proofs (the
/// highest ones).
pub(super) const CACHED_BELOW: usize = 1_024;

/// The longest walk of hash links down from a stored block before a header
/// below the trusted height is verified forward instead.
pub(super) const MAX_WALK_DOWN: u64 = 10_000;

/// Blocks asked per call on the way down.
const WALK_BATCH: u64 = 100;

/// Why one peer's walk down failed.
enum WalkError {
    /// The peer did not serve the blocks.
    Peer(PeerError),
    /// It served a block that is not on the trusted chain.
    NotOnChain(VerificationError),
}

impl<S: LightStore> LightClient<S> {
    /// The header at `height`, below the trusted height and above the
    /// root: proven by hash links from the nearest stored block above it,
    /// then cross-checked with the other peers. `None` when no peer could
    /// serve the walk (each was marked for it).
    ///
    /// # Errors
    /// [`ClientError::Cancelled`], store errors.
    pub(super) fn proven_below(
        &mut self,
        height: u64,
        cancel: &AtomicBool,
    ) -> Result<Option<Header>, ClientError> {
        if let Some(header) = self.verified_below.get(&height) {
            return Ok(Some(header.clone()));
        }
        let anchor = self.stored_above(height)?;
        let mut events = |_: &ProgressEvent| {};
        let forward = if anchor.height.saturating_sub(height) > MAX_WALK_DOWN {
            self.forward_to(height, cancel)?
        } else {
            None
        };
        let found = match forward {
            Some(found) => Some(found),
            None => self.walk_with_peers(&anchor, height, &mut |_| {}, cancel)?,
        };
        let Some((walker, header)) = found else {
            return Ok(None);
        };
        self.cross_check_below(walker, &header, &mut events);
        self.verified_below.insert(height, header.clone());
        while self.verified_below.len() > CACHED_BELOW {
            self.verified_below.pop_first();
        }
        Ok(Some(header))
    }

    /// The headers from just below the stored block `anchor` down to
    /// `height`, descending, each the parent of the one before (the first
    /// one the parent of `anchor`): the links of a `tx-inclusion` audit
    /// bundle. `None` when no peer could serve the walk (each was marked
    /// for it); a peer that serves a header off the chain is demoted.
    ///
    /// # Errors
    /// [`ClientError::Cancelled`].
    pub(super) fn links_below(
        &mut self,
        anchor: &Header,
        height: u64,
        cancel: &AtomicBool,
    ) -> Result<Option<Vec<Header>>, ClientError> {
        let mut links = Vec::new();
        let walked = self.walk_with_peers(
            anchor,
            height,
            &mut |header| match header {
                Some(header) => links.push(header.clone()),
                None => links.clear(),
            },
            cancel,
        )?;
        Ok(walked.map(|_| links))
    }

    /// The header at `height` verified forward, by skipping from the
    /// nearest stored block at or below it, with each usable peer in turn
    /// (its own epoch length as the schedule): that peer and the header.
    /// `None` when there is no such block, it expired, or no peer served
    /// the way (each was marked for it).
    ///
    /// # Errors
    /// [`ClientError::Cancelled`], store errors, and what a failed sync
    /// returns for the client itself ([`LightClient::sync_failed`]).
    fn forward_to(
        &mut self,
        height: u64,
        cancel: &AtomicBool,
    ) -> Result<Option<(usize, Header)>, ClientError> {
        let Some(from) = self.stored_start(height, true)? else {
            return Ok(None);
        };
        if from.height() == height {
            // Stored there: no peer walked, every peer is asked to agree.
            return Ok(Some((usize::MAX, from.light_block().header.clone())));
        }
        let found = self.forward_with_peers(&from, height, cancel, |_| true)?;
        Ok(found.and_then(|(index, path)| {
            path.last()
                .map(|state| (index, state.light_block().header.clone()))
        }))
    }

    /// The nearest stored block below `height` (or at it, when
    /// `inclusive`), checked on use, as a state to verify forward from;
    /// `None` when there is none or it expired (only hash links remain).
    ///
    /// # Errors
    /// Store errors (a changed member is `lc-store-tampered`).
    pub(super) fn stored_start(
        &self,
        height: u64,
        inclusive: bool,
    ) -> Result<Option<TrustedState>, ClientError> {
        let Some(below) = self
            .store
            .heights()?
            .into_iter()
            .rev()
            .find(|&stored| stored < height || (inclusive && stored == height))
        else {
            return Ok(None);
        };
        let block = load_checked(&self.store, below, &self.config().chain_id)?
            .light_block()
            .clone();
        let checkpoint = Checkpoint {
            height: below,
            hash: block.hash(),
        };
        Ok(TrustedState::bootstrap(block, &checkpoint, &self.config().options, self.now_ms()).ok())
    }

    /// Verifies forward from `from` to `height` with each usable peer in
    /// turn (its own epoch length as the schedule) until a path is
    /// `accept`ed: that peer and the path (ascending, `from` excluded, the
    /// block at `height` last). `None` when no peer served one (each
    /// failure marked as in a sync).
    ///
    /// # Errors
    /// [`ClientError::Cancelled`], and what a failed sync returns for the
    /// client itself ([`LightClient::sync_failed`]).
    pub(super) fn forward_with_peers(
        &mut self,
        from: &TrustedState,
        height: u64,
        cancel: &AtomicBool,
        accept: impl Fn(&[TrustedState]) -> bool,
    ) -> Result<Option<(usize, Vec<TrustedState>)>, ClientError> {
        let mut events = |_: &ProgressEvent| {};
        for index in self.peers().read_order() {
            if cancel.load(Ordering::Relaxed) {
                return Err(ClientError::Cancelled);
            }
            let Some(status) = self.checked_status(index, &mut events) else {
                continue;
            };
            let schedule = schedule_for(status.epoch_length);
            match self.verify_path_from(index, from, height, schedule, cancel) {
                Ok(path) if accept(&path) => return Ok(Some((index, path))),
                // Verified, yet another block than the one asked for: a
                // fork, not this peer's to settle here.
                Ok(_) => {}
                Err(error) => self.sync_failed(index, error, status.latest_height, &mut events)?,
            }
        }
        Ok(None)
    }

    /// The nearest stored (verified) block above `height`.
    pub(super) fn stored_above(&self, height: u64) -> Result<Header, ClientError> {
        let above = self
            .store
            .heights()?
            .into_iter()
            .find(|&stored| stored > height)
            .ok_or(StoreError::Missing { height })?;
        Ok(self
            .store
            .get(above)?
            .ok_or(StoreError::Missing { height: above })?
            .header)
    }

    /// Walks down from `anchor` to `height` with each usable peer in turn
    /// until one serves the way: that peer and the header at `height`.
    /// Every header of the walk goes to `keep` as it is linked (`None`
    /// before each peer's walk: what an earlier peer linked may be
    /// dropped, though it is on the chain all the same).
    pub(super) fn walk_with_peers(
        &self,
        anchor: &Header,
        height: u64,
        keep: &mut dyn FnMut(Option<&Header>),
        cancel: &AtomicBool,
    ) -> Result<Option<(usize, Header)>, ClientError> {
        let mut events = |_: &ProgressEvent| {};
        for index in self.peers().read_order() {
            if cancel.load(Ordering::Relaxed) {
                return Err(ClientError::Cancelled);
            }
            keep(None);
            match self.walk_down(
                index,
                anchor,
                height,
                &mut |header| keep(Some(header)),
                cancel,
            ) {
                Ok(header) => return Ok(Some((index, header))),
                Err(WalkError::Peer(error)) => {
                    self.peers().peer_failed(index, &error, None, &mut events);
                }
                Err(WalkError::NotOnChain(error)) => {
                    self.peers()
                        .demote(index, error.code(), error.to_string(), &mut events);
                }
            }
        }
        Ok(None)
    }

    /// Peer `index`'s blocks from below `anchor` down to `height`, each the
    /// parent of the one above; the header at `height`. Every header
    /// linked goes to `keep`.
    fn walk_down(
        &self,
        index: usize,
        anchor: &Header,
        height: u64,
        keep: &mut dyn FnMut(&Header),
        cancel: &AtomicBool,
    ) -> Result<Header, WalkError> {
        let peer = self.peer(index);
        let mut child = anchor.clone();
        while child.height > height {
            if cancel.load(Ordering::Relaxed) {
                break;
            }
            let to = child.height - 1;
            let from = to.saturating_sub(WALK_BATCH - 1).max(height).max(1);
            let blocks = peer.light_blocks(from, to).map_err(WalkError::Peer)?;
            for block in blocks.into_iter().rev() {
                verifier::is_parent_of(&child, &block.header).map_err(WalkError::NotOnChain)?;
                child = block.header;
                keep(&child);
            }
            if child.height > to {
                // Fewer blocks than asked: nothing linked below `child`.
                return Err(WalkError::Peer(PeerError::Inconsistent {
                    field: "light_blocks length",
                    expected: (to - from + 1).to_string(),
                    got: "0".to_owned(),
                }));
            }
        }
        if child.height == height {
            Ok(child)
        } else {
            Err(WalkError::Peer(PeerError::HeightUnavailable { height }))
        }
    }

    /// Every usable peer but `walker` must serve the proven block at its
    /// height; one that serves another is on a fork below the trusted
    /// height and is demoted (one that lacks it is lagging or unreachable).
    fn cross_check_below(
        &self,
        walker: usize,
        proven: &Header,
        events: &mut dyn FnMut(&ProgressEvent),
    ) {
        let hash = proven.hash();
        for index in self.peers().read_order() {
            if index == walker {
                continue;
            }
            match self.peer(index).light_block(proven.height) {
                Ok(block) if block.hash() == hash => {}
                Ok(block) => {
                    let error = VerificationError::NotParent {
                        height: proven.height,
                        expected: Some(hash),
                        got: block.hash(),
                    };
                    self.peers()
                        .demote(index, error.code(), error.to_string(), events);
                }
                Err(error) => self.peers().peer_failed(index, &error, None, events),
            }
        }
    }
}
