//! The client's writes to its store and the explicit check of it: a
//! cross-checked path committed with pruning in one write
//! ([`LightClient::commit_path`]), pins for evidence and exported bundles,
//! and [`LightClient::verify_store`] (ADR 0017).

use std::path::Path;

use jifen_protocol::Hash32;

use super::{ClientError, LightClient, TrustRoot};
use crate::bundle::AuditBundle;
use crate::evidence::Evidence;
use crate::store::{
    LightStore, Pin, PinKind, StoreAudit, StoreChange, StoreError, plan_commit, verify_store,
};
use crate::trust::{Checkpoint, TrustedState};

/// Most bundle pins kept; pinning one more releases the oldest (an
/// exported bundle file is self-contained: the pin only keeps its blocks
/// provable from this store).
pub const MAX_BUNDLE_PINS: usize = 64;

impl<S: LightStore> LightClient<S> {
    /// Stores `states` (ascending, verified from the trusted state and
    /// cross-checked) with the pruning of [`super::ClientConfig::retain`]:
    /// [`crate::plan_commit`] and one atomic [`LightStore::apply`].
    ///
    /// # Errors
    /// [`ClientError::Store`].
    pub fn commit_path(&mut self, states: &[TrustedState]) -> Result<(), ClientError> {
        let config = self.config();
        let change = plan_commit(&self.store, states, &config.retain, &config.options)?;
        self.store.apply(&change)?;
        Ok(())
    }

    /// Pins the root and path of an exported `bundle` under `id` (its file
    /// name), so pruning keeps them; past [`MAX_BUNDLE_PINS`] the bundle
    /// pin with the oldest blocks is released in the same write. Blocks of
    /// the bundle that are not members (verified forward past pruned ones
    /// for an old receipt) are in the bundle only.
    ///
    /// # Errors
    /// Store errors.
    pub fn pin_bundle(&mut self, id: &str, bundle: &AuditBundle) -> Result<(), ClientError> {
        let mut heights: Vec<u64> = std::iter::once(&bundle.root)
            .chain(&bundle.path)
            .map(crate::LightBlock::height)
            .collect();
        heights.sort_unstable();
        heights.dedup();
        // A receipt of an old transaction carries blocks verified forward
        // past the pruned ones (`tx_bundle`): they are not stored, and the
        // bundle holds them itself; the stored ones below them are pinned.
        let mut kept = Vec::with_capacity(heights.len());
        for height in heights {
            if self.store.link(height)?.is_some() {
                kept.push(height);
            }
        }
        let heights = kept;
        let mut bundles: Vec<Pin> = self
            .store
            .pins()?
            .into_iter()
            .filter(|pin| pin.kind == PinKind::Bundle && pin.id != id)
            .collect();
        bundles.sort_by_key(|pin| pin.heights.last().copied().unwrap_or(0));
        let mut change = StoreChange::pin(Pin {
            id: id.to_owned(),
            kind: PinKind::Bundle,
            heights,
        });
        let excess = (bundles.len() + 1).saturating_sub(MAX_BUNDLE_PINS);
        for old in bundles.iter().take(excess) {
            change = change.and_unpin(&old.id);
        }
        self.store.apply(&change)?;
        Ok(())
    }

    /// Releases the pin `id` (evidence or bundle): its members are pruned
    /// at the next commit if nothing else needs them. Returns the pin.
    ///
    /// # Errors
    /// [`StoreError::UnknownPin`] (`lc-store-unknown-pin`), store errors.
    pub fn unpin(&mut self, id: &str) -> Result<Pin, ClientError> {
        let pin = self
            .store
            .pins()?
            .into_iter()
            .find(|pin| pin.id == id)
            .ok_or_else(|| StoreError::UnknownPin { id: id.to_owned() })?;
        self.store.apply(&StoreChange::unpin(id))?;
        Ok(pin)
    }

    /// Every pin.
    ///
    /// # Errors
    /// [`ClientError::Store`].
    pub fn pins(&self) -> Result<Vec<Pin>, ClientError> {
        Ok(self.store.pins()?)
    }

    /// Pins the trusted member at or below the fork's height (its
    /// validator set checks the evidence offline) under the evidence
    /// file's name. Released only by [`LightClient::unpin`].
    pub(super) fn pin_evidence(
        &mut self,
        evidence: &Evidence,
        path: Option<&Path>,
    ) -> Result<(), ClientError> {
        let height = evidence.first.height();
        let Some(member) = self
            .store
            .links()?
            .into_iter()
            .rev()
            .find(|link| link.height <= height)
        else {
            return Ok(());
        };
        let hash = evidence.second.hash().to_string();
        let id = path
            .and_then(Path::file_name)
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_else(|| {
                format!("evidence-{height}-{}.json", hash.get(..16).unwrap_or(&hash))
            });
        self.store.apply(&StoreChange::pin(Pin {
            id,
            kind: PinKind::Evidence,
            heights: vec![member.height],
        }))?;
        Ok(())
    }

    /// Re-verifies everything stored from the root of trust (one commit
    /// check per member; see [`crate::verify_store`]). `None` for an empty
    /// store. With [`TrustRoot::Genesis`] the root is the store's own
    /// block 1 (as on open).
    ///
    /// # Errors
    /// [`ClientError::Store`]: `lc-store-tampered`, `lc-store-broken-chain`,
    /// `lc-store-missing`, `lc-store-checkpoint-mismatch`, ...
    pub fn verify_store(&self) -> Result<Option<StoreAudit>, ClientError> {
        let checkpoint = match self.config().trust_root {
            TrustRoot::Checkpoint(checkpoint) => checkpoint,
            TrustRoot::Genesis => match self.store.head()? {
                Some(head) if head.root.height == 1 => head.root,
                Some(head) => {
                    return Err(StoreError::CheckpointMismatch {
                        expected: Checkpoint::genesis(Hash32::ZERO),
                        got: head.root,
                    }
                    .into());
                }
                None => match self.store.heights()?.first() {
                    Some(&lowest) => {
                        let block = self
                            .store
                            .get(lowest)?
                            .ok_or(StoreError::Missing { height: lowest })?;
                        Checkpoint {
                            height: lowest,
                            hash: block.hash(),
                        }
                    }
                    None => return Ok(None),
                },
            },
        };
        Ok(verify_store(
            &self.store,
            &checkpoint,
            &self.config().options,
        )?)
    }
}
