//! Proven reads: every answer is checked against a verified header
//! ([`crate::proof`]); a peer whose answer does not prove is demoted and the
//! next one asked. Reads at the trusted header are [`LightReader`](crate::LightReader)'s (one
//! implementation for the client and its readers); reads at other heights
//! (transaction inclusion, which may sync forward or verify below) and audit
//! bundles are the client's.

use std::sync::atomic::AtomicBool;

use jifen_protocol::{Account, Address, Encode, Hash32, Header, Transaction, account_key};

use super::{ClientError, LightClient, expired};
use crate::bundle::{AuditBundle, FinalProof, STATE_VALUE_PROOF};
use crate::progress::ProgressEvent;
use crate::proof::{self, Proven, TxInclusion};
use crate::store::{LightStore, StoreError, load_stored};
use crate::sync::SyncError;
use crate::trust::TrustedState;
use crate::verifier::VerificationError;

impl<S: LightStore> LightClient<S> {
    /// Syncs first if nothing is trusted yet (the client, unlike a reader,
    /// may establish the root of trust to answer).
    fn trust_first(&mut self) -> Result<(), ClientError> {
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
    /// (syncing forward to that height if it is above the trusted one).
    /// `Ok(None)`: no peer has it committed (yet).
    ///
    /// # Errors
    /// [`ClientError::NoPeer`] when only invalid proofs came (the liars are
    /// demoted), the errors of [`LightClient::sync`].
    pub fn tx_inclusion(
        &mut self,
        id: &Hash32,
    ) -> Result<Option<Proven<TxInclusion>>, ClientError> {
        self.trust_first()?;
        let mut events = |_: &ProgressEvent| {};
        let cancel = AtomicBool::new(false);
        let mut answered = false;
        for index in self.peers().read_order() {
            let answer = match self.peer(index).tx_proof(id) {
                Ok(Some(answer)) => answer,
                Ok(None) => continue,
                Err(error) => {
                    self.peers().peer_failed(index, &error, None, &mut events);
                    continue;
                }
            };
            answered = true;
            let header = match self.verified_header_at(answer.height, &cancel) {
                Ok(header) => header,
                Err(ClientError::NoPeer { .. }) => continue,
                Err(error) => return Err(error),
            };
            match proof::verify_tx_inclusion(&header, id, &answer) {
                Ok(inclusion) => {
                    return Ok(Some(Proven {
                        value: inclusion,
                        height: header.height,
                        header_hash: header.hash(),
                    }));
                }
                Err(error) => {
                    self.peers()
                        .demote(index, error.code(), error.to_string(), &mut events)
                }
            }
        }
        if answered {
            Err(self.no_peer())
        } else {
            Ok(None)
        }
    }

    /// The verified header at `height`: the trusted one, a stored one, one
    /// verified earlier for a proof, or, above the trusted height, after a
    /// sync to it; below it, verified forward from the nearest stored block
    /// under it.
    fn verified_header_at(
        &mut self,
        height: u64,
        cancel: &AtomicBool,
    ) -> Result<Header, ClientError> {
        let trusted_height = self.trusted.as_ref().map_or(0, TrustedState::height);
        if height > trusted_height {
            self.sync_inner(Some(height), &mut |_| {}, cancel)?;
        }
        if let Some(state) = &self.trusted
            && state.height() == height
        {
            return Ok(state.light_block().header.clone());
        }
        if let Some(block) = self.store.get(height)? {
            return Ok(block.header);
        }
        if let Some(block) = self.verified_below.get(&height) {
            return Ok(block.header.clone());
        }
        let below = self
            .store
            .heights()?
            .into_iter()
            .rev()
            .find(|&stored| stored < height)
            .ok_or(StoreError::Missing { height })?;
        let base = load_stored(&self.store, below, &self.config().chain_id)?;
        let mut events = |_: &ProgressEvent| {};
        for index in self.peers().read_order() {
            match self.verify_from(index, &base, height, cancel) {
                Ok(block) => {
                    let header = block.header.clone();
                    self.verified_below.insert(height, block);
                    return Ok(header);
                }
                Err(SyncError::Invalid {
                    height: failed,
                    source: source @ VerificationError::TrustExpired { .. },
                }) => return Err(expired(failed, source)),
                Err(error) => {
                    let claimed = self
                        .peer(index)
                        .status()
                        .map_or(height, |s| s.latest_height);
                    self.sync_failed(index, error, claimed, &mut events)?;
                }
            }
        }
        Err(self.no_peer())
    }

    /// An audit bundle for `address`'s account: the root of trust, every
    /// stored verified block up to the trusted one, and the account's state
    /// proof at the trusted header as the final proof (kind
    /// [`STATE_VALUE_PROOF`]). [`crate::verify_bundle`] re-checks all of it
    /// offline.
    ///
    /// # Errors
    /// As [`LightClient::account`], and [`ClientError::Store`].
    pub fn account_bundle(&mut self, address: &Address) -> Result<AuditBundle, ClientError> {
        self.trust_first()?;
        let (header, answer, _) = self.reader().account_answer(address)?;
        debug_assert_eq!(answer.key, account_key(address));
        let mut blocks = Vec::new();
        for height in self.store.heights()? {
            if height > header.height {
                break;
            }
            blocks.push(
                self.store
                    .get(height)?
                    .ok_or(StoreError::Missing { height })?,
            );
        }
        let mut blocks = blocks.into_iter();
        let root = blocks.next().ok_or(ClientError::NoTrustedState)?;
        Ok(AuditBundle::new(
            root,
            blocks.collect(),
            Some(FinalProof {
                kind: STATE_VALUE_PROOF.to_owned(),
                bytes: answer.encode(),
            }),
        ))
    }
}
