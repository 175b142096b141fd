//! Proven reads: every answer is checked against a verified header
//! ([`crate::proof`]); a peer whose answer does not prove is demoted and the
//! next one asked. Reads at the trusted header are [`LightReader`](crate::LightReader)'s (one
//! implementation for the client and its readers); reads at other heights
//! (transaction inclusion, which may sync forward or verify below) and audit
//! bundles (`bundles.rs`) are the client's.

use std::sync::atomic::AtomicBool;

use jifen_protocol::{Account, Address, Hash32, Header, Transaction};

use super::{ClientError, LightClient, Misbehaviour};
use crate::progress::ProgressEvent;
use crate::proof::{self, Proven, TxInclusion, UntrustedTxProof};
use crate::store::{LightStore, load_checked};
use crate::trust::TrustedState;

impl<S: LightStore> LightClient<S> {
    /// Syncs first if nothing is trusted yet (the client, unlike a reader,
    /// may establish the root of trust to answer).
    pub(super) fn trust_first(&mut self) -> Result<(), ClientError> {
        if self.trusted.is_none() {
            self.sync(&mut |_| {}, &AtomicBool::new(false))?;
        }
        Ok(())
    }

    /// `address`'s balance and nonce, proven at the trusted header (an
    /// account that never received anything is proven absent: zero). The
    /// same read as [`LightReader::account`](crate::LightReader::account), after a first sync if nothing
    /// is trusted yet.
    ///
    /// # Errors
    /// [`ClientError::NoPeer`] when no peer gives a valid proof (each
    /// liar is demoted with its `lc-proof-*` code), and the errors of
    /// [`LightClient::sync`] when nothing was trusted yet.
    pub fn account(&mut self, address: &Address) -> Result<Proven<Account>, ClientError> {
        self.trust_first()?;
        self.reader().account(address)
    }

    /// The value under a state key, proven at the trusted header (`None`:
    /// proven absent); [`LightReader::state`](crate::LightReader::state) after a first sync if nothing
    /// is trusted yet.
    ///
    /// # Errors
    /// As [`LightClient::account`].
    pub fn state(&mut self, key: &Hash32) -> Result<Proven<Option<Vec<u8>>>, ClientError> {
        self.trust_first()?;
        self.reader().state(key)
    }

    /// Hands a signed transaction to the primary (or the next peer if it
    /// fails): [`LightReader::submit`](crate::LightReader::submit). Inclusion is proven later with
    /// [`LightClient::tx_inclusion`].
    ///
    /// # Errors
    /// [`ClientError::TxRejected`] with the node's reason, or
    /// [`ClientError::NoPeer`].
    pub fn submit(&self, tx: &Transaction) -> Result<Hash32, ClientError> {
        self.reader().submit(tx)
    }

    /// Whether transaction `id` is in a block, proven: its inclusion and
    /// result proofs are checked against the verified header at its height
    /// (syncing forward when it is above the trusted height, proving the
    /// header by hash links from a stored block above when it is below).
    /// `Ok(None)`: no peer has it committed, or not yet in a block the
    /// client could verify (ask again later).
    ///
    /// A peer is demoted when its answer does not prove, when it places the
    /// transaction below the root of trust (`lc-client-proof-below-root`:
    /// nothing there is proven, and the wallet asks only for transactions
    /// sent after its root was set) or above its own tip
    /// (`lc-client-proof-above-tip`). A height above every other peer's tip
    /// marks none of them lagging.
    ///
    /// # Errors
    /// [`ClientError::NoPeer`] when no usable peer is left (the liars are
    /// demoted), the errors of [`LightClient::sync`].
    pub fn tx_inclusion(
        &mut self,
        id: &Hash32,
    ) -> Result<Option<Proven<TxInclusion>>, ClientError> {
        self.trust_first()?;
        Ok(self
            .proven_tx_answer(id, &AtomicBool::new(false))?
            .map(|(header, _, inclusion)| Proven {
                value: inclusion,
                height: header.height,
                header_hash: header.hash(),
            }))
    }

    /// [`LightClient::tx_inclusion`]'s work, after the first sync: the
    /// verified header of the transaction's block, the answer that proved
    /// it there (for an audit bundle) and what it proves.
    pub(super) fn proven_tx_answer(
        &mut self,
        id: &Hash32,
        cancel: &AtomicBool,
    ) -> Result<Option<(Header, UntrustedTxProof, TxInclusion)>, ClientError> {
        let mut events = |_: &ProgressEvent| {};
        for index in self.peers().read_order() {
            if !self.peers().is_usable(index) {
                continue;
            }
            let answer = match self.peer(index).tx_proof(id) {
                Ok(Some(answer)) => answer,
                Ok(None) => continue,
                Err(error) => {
                    self.peers().peer_failed(index, &error, None, &mut events);
                    continue;
                }
            };
            let root = self.shared.root_height().unwrap_or(1);
            if answer.height < root.max(1) {
                let reason = Misbehaviour::ProofBelowRoot {
                    height: answer.height,
                    root,
                };
                self.peers()
                    .demote(index, reason.code(), reason.to_string(), &mut events);
                continue;
            }
            let Some(header) = self.header_for_proof(index, answer.height, cancel)? else {
                continue;
            };
            match proof::verify_tx_inclusion(&header, id, &answer) {
                Ok(inclusion) => return Ok(Some((header, answer, inclusion))),
                Err(error) => {
                    self.peers()
                        .demote(index, error.code(), error.to_string(), &mut events)
                }
            }
        }
        if self.peers().usable_count() == 0 {
            Err(self.no_peer())
        } else {
            Ok(None)
        }
    }

    /// The verified header at `height` for a proof peer `claimant` sent:
    /// the trusted one, a stored one, or, above the trusted height, after a
    /// sync to it; below it, proven by hash links ([`Self::proven_below`]).
    /// `None` when no header can be had now (no peer verified up to it, or
    /// none served the way down); a claimant whose own tip is below
    /// `height` is demoted.
    fn header_for_proof(
        &mut self,
        claimant: usize,
        height: u64,
        cancel: &AtomicBool,
    ) -> Result<Option<Header>, ClientError> {
        let trusted_height = self.trusted.as_ref().map_or(0, TrustedState::height);
        if height > trusted_height {
            match self.sync_inner(Some(height), &mut |_| {}, cancel) {
                Ok(_) | Err(ClientError::NoPeer { .. }) => {}
                Err(error) => return Err(error),
            }
            let now_trusted = self.trusted.as_ref().map_or(0, TrustedState::height);
            if height > now_trusted {
                let mut events = |_: &ProgressEvent| {};
                if let Ok(status) = self.peer(claimant).status()
                    && status.latest_height < height
                {
                    let reason = Misbehaviour::ProofAboveTip {
                        height,
                        tip: status.latest_height,
                    };
                    self.peers()
                        .demote(claimant, reason.code(), reason.to_string(), &mut events);
                }
                return Ok(None);
            }
        }
        if let Some(state) = &self.trusted
            && state.height() == height
        {
            return Ok(Some(state.light_block().header.clone()));
        }
        // A stored member is checked on use (open read only the latest):
        // its link's hash and its own commit.
        if self.store.link(height)?.is_some() {
            let chain_id = self.config().chain_id.clone();
            let state = load_checked(&self.store, height, &chain_id)?;
            return Ok(Some(state.light_block().header.clone()));
        }
        self.proven_below(height, cancel)
    }
}
