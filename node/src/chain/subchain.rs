//! The subchain reads: records in the state, the anchored reports and
//! headers the store indexes, anchor proofs, and the subchains whose blocks
//! and states this node keeps (it produced them: the devnet's producers).

use std::fmt;
use std::sync::Arc;

use jifen_protocol::subchain::keys::{subchain_key, subchain_registry_key};
use jifen_protocol::subchain::{
    AnchorLeaf, Entry, SubchainHeader, SubchainId, SubchainRecord, SubchainRegistry,
};
use jifen_protocol::{Address, Decode, InclusionProof, StateMap};

use super::{Chain, ChainError};
use crate::provenance::TraceLedger;
use crate::store::StoredReport;

/// The state of a subchain after each of its heights, for a node that keeps
/// the subchain's blocks.
pub trait SubchainStates: Send + Sync {
    /// The state after height `height` (the one its header's `state_root`
    /// commits to).
    fn state_at(&self, height: u64) -> StateMap;
}

/// A subchain whose states this node can prove.
#[derive(Clone)]
pub struct KeptSubchain(pub Arc<dyn SubchainStates>);

impl fmt::Debug for KeptSubchain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("KeptSubchain")
    }
}

/// An anchor leaf with its inclusion proof under a block's `anchors_root`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorProof {
    /// The leaf.
    pub leaf: AnchorLeaf,
    /// How many leaves the block anchors.
    pub leaf_count: u64,
    /// Its RFC 6962 inclusion proof.
    pub proof: InclusionProof,
}

fn corrupt(what: &str, error: impl fmt::Display) -> ChainError {
    ChainError::Inconsistent(format!("{what}: {error}"))
}

impl Chain {
    /// Declares that this node keeps subchain `id`'s blocks and can give
    /// its state at any height.
    pub fn keep_subchain(&mut self, id: SubchainId, states: KeptSubchain) {
        self.kept.insert(id, states);
    }

    /// Declares that this node produces the provenance subchain `id`, whose
    /// records `ledger` holds (it keeps its states too).
    pub fn keep_provenance(&mut self, id: SubchainId, ledger: Arc<TraceLedger>) {
        self.kept.insert(id, KeptSubchain(ledger.clone()));
        self.provenance = Some((id, ledger));
    }

    /// The provenance subchain this node produces, with its ledger.
    #[must_use]
    pub fn provenance(&self) -> Option<(SubchainId, &TraceLedger)> {
        self.provenance
            .as_ref()
            .map(|(id, ledger)| (*id, ledger.as_ref()))
    }

    /// Keeps the entries this node wrote into block `height` of subchain
    /// `id` beyond its closed-form workload.
    ///
    /// # Errors
    /// [`ChainError::Store`].
    pub fn put_subchain_entries(
        &self,
        id: SubchainId,
        height: u64,
        entries: &[Entry],
    ) -> Result<(), ChainError> {
        Ok(self.store.put_subchain_entries(id, height, entries)?)
    }

    /// The entries kept for subchain `id`, by height.
    ///
    /// # Errors
    /// [`ChainError::Store`].
    pub fn subchain_entries(&self, id: SubchainId) -> Result<Vec<(u64, Vec<Entry>)>, ChainError> {
        Ok(self.store.subchain_entries(id)?)
    }

    /// The state of kept subchain `id` after `height`; `None` when the node
    /// does not keep that subchain.
    #[must_use]
    pub fn kept_subchain_state(&self, id: SubchainId, height: u64) -> Option<StateMap> {
        self.kept.get(&id).map(|kept| kept.0.state_at(height))
    }

    /// The record of subchain `id` at the tip.
    ///
    /// # Errors
    /// [`ChainError::Inconsistent`] when the record does not decode.
    pub fn subchain_record(&self, id: SubchainId) -> Result<Option<SubchainRecord>, ChainError> {
        self.state
            .get(&subchain_key(id))
            .map(|bytes| SubchainRecord::decode(bytes).map_err(|e| corrupt("subchain record", e)))
            .transpose()
    }

    /// Every registered subchain with its record, by id.
    ///
    /// # Errors
    /// [`ChainError::Inconsistent`] when a record is missing or corrupt.
    pub fn subchain_records(&self) -> Result<Vec<(SubchainId, SubchainRecord)>, ChainError> {
        let count = self
            .state
            .get(&subchain_registry_key())
            .map(SubchainRegistry::decode)
            .transpose()
            .map_err(|e| corrupt("subchain registry", e))?
            .unwrap_or_default()
            .count;
        (1..=count)
            .filter_map(SubchainId::new)
            .map(|id| {
                self.subchain_record(id)?
                    .map(|record| (id, record))
                    .ok_or_else(|| ChainError::Inconsistent(format!("subchain {id} missing")))
            })
            .collect()
    }

    /// Up to `limit` anchored reports of `id` from report index `from`.
    ///
    /// # Errors
    /// [`ChainError::Store`].
    pub fn subchain_reports(
        &self,
        id: SubchainId,
        from: u64,
        limit: usize,
    ) -> Result<Vec<StoredReport>, ChainError> {
        Ok(self.store.subchain_reports(id, from, limit)?)
    }

    /// The headers the main chain holds for `id` at heights `from ..= to`,
    /// each with the main height that anchored it.
    ///
    /// # Errors
    /// [`ChainError::Store`].
    pub fn subchain_headers(
        &self,
        id: SubchainId,
        from: u64,
        to: u64,
    ) -> Result<Vec<(u64, SubchainHeader)>, ChainError> {
        Ok(self.store.subchain_headers(id, from, to)?)
    }

    /// The anchor leaves of block `height` (empty when it anchored none).
    ///
    /// # Errors
    /// [`ChainError::Store`].
    pub fn anchors(&self, height: u64) -> Result<Vec<AnchorLeaf>, ChainError> {
        Ok(self.store.anchors(height)?)
    }

    /// Leaf `index` of block `height`'s anchors with its proof, `None` when
    /// there is no such leaf.
    ///
    /// # Errors
    /// [`ChainError`].
    pub fn anchor_proof(&self, height: u64, index: u64) -> Result<Option<AnchorProof>, ChainError> {
        let leaves = self.anchors(height)?;
        let Some(position) = usize::try_from(index).ok().filter(|i| *i < leaves.len()) else {
            return Ok(None);
        };
        let hashes: Vec<_> = leaves.iter().map(AnchorLeaf::leaf_hash).collect();
        let proof = InclusionProof::generate(&hashes, position)
            .map_err(|e| ChainError::Inconsistent(e.to_string()))?;
        Ok(leaves.get(position).map(|leaf| AnchorProof {
            leaf: *leaf,
            leaf_count: leaves.len() as u64,
            proof,
        }))
    }

    /// The transactions of block `height` (empty above the tip).
    ///
    /// # Errors
    /// [`ChainError::Store`].
    pub fn block_txs(&self, height: u64) -> Result<Vec<jifen_protocol::Transaction>, ChainError> {
        Ok(self.store.block_txs(height)?.unwrap_or_default())
    }

    /// The result codes of block `height` (0: success; empty above the tip).
    ///
    /// # Errors
    /// [`ChainError::Store`].
    pub fn block_results(&self, height: u64) -> Result<Vec<u16>, ChainError> {
        Ok(self.store.results(height)?.unwrap_or_default())
    }

    /// How many of `sender`'s transactions wait in the mempool.
    #[must_use]
    pub fn pending_from(&self, sender: &Address) -> usize {
        self.mempool
            .iter()
            .filter(|tx| tx.unsigned.sender == *sender)
            .count()
    }
}
