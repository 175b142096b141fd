//! Audit bundles (`crate::bundle`): the root of trust, the stored verified
//! blocks up to the header a value is proven at, and the final proof,
//! re-checkable offline with [`crate::verify_bundle`].
//!
//! - [`LightClient::account_bundle`]: an account's state proof at the
//!   trusted header (`state-value`).
//! - [`LightClient::tx_bundle`]: a transaction's inclusion and result
//!   (`tx-inclusion`), the receipt of a payment or a swap. The path ends at
//!   the nearest stored block at or above the transaction's block; when
//!   that is not the block itself (a block between two stored ones, proven
//!   by hash links), the final proof carries the headers from just below
//!   it down to the block, fetched again from a peer and each checked to
//!   be the parent of the one above.

use std::sync::atomic::AtomicBool;

use jifen_protocol::{Address, Encode, Hash32, account_key};

use super::below::MAX_WALK_DOWN;
use super::{ClientError, LightClient};
use crate::bundle::{
    AuditBundle, FinalProof, STATE_VALUE_PROOF, TX_INCLUSION_PROOF, TxInclusionProof,
};
use crate::light_block::LightBlock;
use crate::proof::StateAnswer;
use crate::store::{LightStore, StoreError, load_checked};
use jifen_protocol::Header;

impl<S: LightStore> LightClient<S> {
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
        let (root, path) = self.stored_path(header.height)?;
        Ok(AuditBundle::new(
            root,
            path,
            Some(FinalProof {
                kind: STATE_VALUE_PROOF.to_owned(),
                bytes: answer.encode(),
            }),
        ))
    }

    /// An audit bundle of the trusted header (the root of trust and every
    /// stored verified block up to it, no final proof) with a peer's proven
    /// state answer for each of `keys` at that header, in order, and the
    /// values they prove. A provenance lookup's bundle is made of these:
    /// anyone re-checks the path with [`crate::verify_bundle`] and each
    /// answer with [`crate::proof::verify_state`] against its last header.
    ///
    /// # Errors
    /// As [`LightClient::account_bundle`].
    pub fn states_bundle(
        &mut self,
        keys: &[Hash32],
    ) -> Result<(AuditBundle, Vec<StateAnswer>), ClientError> {
        self.trust_first()?;
        let (header, answers) = self.reader().state_answers(keys)?;
        let (root, path) = self.stored_path(header.height)?;
        Ok((AuditBundle::new(root, path, None), answers))
    }

    /// An audit bundle proving that transaction `id` is in a block with its
    /// result code: the root of trust, every stored verified block up to
    /// the nearest one at or above the transaction's block, and a
    /// [`TX_INCLUSION_PROOF`] final proof (the id, the headers linking that
    /// stored block down to the transaction's block by parent hash, the
    /// transaction's proof answer). The inclusion is proven first as
    /// [`LightClient::tx_inclusion`] proves it (syncing forward or proving
    /// a header below the trusted one, demoting liars); the bundle is what
    /// [`crate::verify_bundle`] re-checks offline, reporting the
    /// transaction, its block, position and result code
    /// ([`crate::VerifiedBundle::inclusion`]).
    ///
    /// # Errors
    /// [`ClientError::TxNotProven`] when no peer proves the transaction in
    /// a block the client can verify yet (not committed, or not yet
    /// verifiable: ask again after the next block);
    /// [`ClientError::NoPeer`] when no usable peer is left;
    /// [`ClientError::Store`]; the errors of [`LightClient::sync`].
    pub fn tx_bundle(&mut self, id: &Hash32) -> Result<AuditBundle, ClientError> {
        self.trust_first()?;
        let cancel = AtomicBool::new(false);
        let not_proven = ClientError::TxNotProven { id: *id };
        let Some((header, answer, _)) = self.proven_tx_answer(id, &cancel)? else {
            return Err(not_proven);
        };
        let anchor_height = self
            .store
            .links()?
            .into_iter()
            .map(|link| link.height)
            .find(|&stored| stored >= header.height)
            .ok_or(StoreError::Missing {
                height: header.height,
            })?;
        if anchor_height.saturating_sub(header.height) > MAX_WALK_DOWN {
            // Too far for hash links (the bundle format bounds them): the
            // path goes forward instead, from the nearest stored block below
            // to the transaction's block, each block verifying from the one
            // before, as the stored path does.
            if let Some((root, path)) = self.forward_path(&header, &cancel)? {
                let final_proof = TxInclusionProof {
                    id: *id,
                    links: Vec::new(),
                    answer,
                };
                return Ok(AuditBundle::new(
                    root,
                    path,
                    Some(FinalProof {
                        kind: TX_INCLUSION_PROOF.to_owned(),
                        bytes: final_proof.encode(),
                    }),
                ));
            }
            if self.peers().usable_count() == 0 {
                return Err(self.no_peer());
            }
            return Err(not_proven);
        }
        let links = if anchor_height == header.height {
            Vec::new()
        } else {
            let anchor = load_checked(&self.store, anchor_height, &self.config().chain_id)?
                .light_block()
                .header
                .clone();
            match self.links_below(&anchor, header.height, &cancel)? {
                Some(links) => links,
                None if self.peers().usable_count() == 0 => return Err(self.no_peer()),
                None => return Err(not_proven),
            }
        };
        // Both walks link down from verified stored blocks by hash, so
        // they end at the same header (short of a SHA-256 collision).
        debug_assert_eq!(
            links.last().map(|link| link.hash()),
            (anchor_height != header.height).then(|| header.hash())
        );
        let (root, path) = self.stored_path(anchor_height)?;
        let final_proof = TxInclusionProof {
            id: *id,
            links,
            answer,
        };
        Ok(AuditBundle::new(
            root,
            path,
            Some(FinalProof {
                kind: TX_INCLUSION_PROOF.to_owned(),
                bytes: final_proof.encode(),
            }),
        ))
    }

    /// The root of trust, the stored members up to the nearest one below
    /// `header`, then the blocks a peer's chain verifies forward from it to
    /// `header` (which must be the block the peer ends at). `None` when no
    /// peer served such a path (each failure marked as in a sync).
    fn forward_path(
        &mut self,
        header: &Header,
        cancel: &AtomicBool,
    ) -> Result<Option<(LightBlock, Vec<LightBlock>)>, ClientError> {
        let Some(from) = self.stored_start(header.height, false)? else {
            return Ok(None);
        };
        let hash = header.hash();
        let found = self.forward_with_peers(&from, header.height, cancel, |path| {
            path.last().map(|state| state.light_block().hash()) == Some(hash)
        })?;
        let Some((_, forward)) = found else {
            return Ok(None);
        };
        let (root, mut path) = self.stored_path(from.height())?;
        path.extend(forward.into_iter().map(|state| state.light_block().clone()));
        Ok(Some((root, path)))
    }

    /// The root of trust and every stored member above it up to `height`,
    /// ascending, each checked on use against its chain link and in itself
    /// ([`crate::load_checked`]), so a changed block never leaves in a
    /// bundle.
    fn stored_path(&self, height: u64) -> Result<(LightBlock, Vec<LightBlock>), ClientError> {
        let chain_id = self.config().chain_id.clone();
        let mut blocks = Vec::new();
        for link in self.store.links()? {
            if link.height > height {
                break;
            }
            let state = load_checked(&self.store, link.height, &chain_id)?;
            blocks.push(state.light_block().clone());
        }
        let mut blocks = blocks.into_iter();
        let root = blocks.next().ok_or(ClientError::NoTrustedState)?;
        Ok((root, blocks.collect()))
    }
}
