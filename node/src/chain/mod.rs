//! The chain: genesis, the current and historic state, the mempool, block
//! production, and the read queries the RPC layer serves.
//!
//! | module | holds |
//! |---|---|
//! | this one | [`Chain`]: opening, block production, reads |
//! | `block` | the one execution body of a block, shared by production and import |
//! | `import` | checking and storing a block from elsewhere ([`Chain::import_block`]) |
//! | `mempool` | admission of transactions ([`Chain::submit_tx`]) |
//! | `verify` | re-checking the whole store ([`Chain::verify_store`]) |
//! | `subchain` | the anchored subchain reports and headers, and the subchains whose blocks this node keeps |

mod block;
mod import;
mod mempool;
mod subchain;
mod verify;

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use jifen_protocol::{
    Address, ChainId, Commit, Hash32, Header, InclusionProof, StateMap, StateProof, StateTree,
    Transaction, ValidatorSet, history::HistoryEntry, merkle, tx_result,
};

use crate::consensus::{self, ConsensusError};
use crate::execution;
use crate::genesis::{ChainParams, GenesisError};
use crate::keys::NodeKey;
use crate::store::{StateChange, Store, StoreError, TxLocation};
use block::{ExecuteError, Inclusion};
pub use import::{FullBlock, ImportError, Link, Root};
pub use subchain::{AnchorProof, KeptSubchain, SubchainStates};

/// Most transactions waiting in the mempool.
pub const MEMPOOL_CAPACITY: usize = 20_000;
/// Most transactions in one block (a block rule: an imported block with
/// more is invalid).
pub const MAX_BLOCK_TXS: usize = jifen_rpc_types::MAX_BLOCK_TXS;
/// Most bytes of canonical transactions in one block (a block rule, so
/// that a `jifen_block` answer fits the RPC budget).
pub const MAX_BLOCK_TX_BYTES: usize = jifen_rpc_types::MAX_BLOCK_TX_BYTES;

/// Why the chain failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ChainError {
    /// Storage failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The genesis is unusable.
    #[error(transparent)]
    Genesis(#[from] GenesisError),
    /// Signing failed.
    #[error(transparent)]
    Consensus(#[from] ConsensusError),
    /// The database was never initialized and no parameters were given.
    #[error("the data directory holds no chain and no genesis parameters were given")]
    NotInitialized,
    /// Stored data contradicts itself.
    #[error("inconsistent store: {0}")]
    Inconsistent(String),
}

/// A transaction's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TxStatus {
    /// Waiting in the mempool.
    Pending,
    /// In a block.
    Committed(TxLocation),
    /// Not known to this node.
    Unknown,
}

/// A transaction with its inclusion proof.
#[derive(Debug, Clone)]
pub struct TxInclusion {
    /// The transaction.
    pub tx: Transaction,
    /// Where it is.
    pub location: TxLocation,
    /// Proof of its id under the header's `tx_root`.
    pub proof: InclusionProof,
    /// Proof of its result leaf under the header's `results_root`.
    pub result_proof: InclusionProof,
}

type History = BTreeMap<Hash32, Vec<(u64, Option<Vec<u8>>)>>;

/// The chain held by one node.
#[derive(Debug)]
pub struct Chain {
    params: ChainParams,
    chain_id: ChainId,
    store: Store,
    keys: BTreeMap<Address, NodeKey>,
    state: StateMap,
    history: History,
    tip: Option<Header>,
    next_set: ValidatorSet,
    sets: BTreeMap<Hash32, ValidatorSet>,
    mempool: Vec<Transaction>,
    mempool_ids: HashSet<Hash32>,
    sync_every: u64,
    tree: StateTree,
    kept: BTreeMap<jifen_protocol::subchain::SubchainId, KeptSubchain>,
    provenance: Option<(
        jifen_protocol::subchain::SubchainId,
        std::sync::Arc<crate::provenance::TraceLedger>,
    )>,
}

fn diff(old: &StateMap, new: &StateMap) -> Vec<StateChange> {
    let mut changes = Vec::new();
    for (key, value) in new.iter() {
        if old.get(key) != Some(value) {
            changes.push((*key, Some(value.to_vec())));
        }
    }
    for (key, _) in old.iter() {
        if new.get(key).is_none() {
            changes.push((*key, None));
        }
    }
    changes.sort_by_key(|change| change.0);
    changes
}

impl Chain {
    /// Opens the chain in `dir` (file `chain.redb`), initializing it from
    /// `params` if the directory holds none. Checks that the replayed state
    /// matches the tip header's `state_root`.
    ///
    /// # Errors
    /// [`ChainError`].
    pub fn open(dir: &Path, params: Option<ChainParams>) -> Result<Self, ChainError> {
        std::fs::create_dir_all(dir)
            .map_err(|e| StoreError::Database(format!("cannot create {}: {e}", dir.display())))?;
        let store = Store::open(&dir.join("chain.redb"))?;
        let params = match store.params()? {
            Some(stored) => stored,
            None => {
                let params = params.ok_or(ChainError::NotInitialized)?;
                let genesis = params.genesis_state()?;
                let set = execution::elect(&genesis, params.max_validators, params.rotate, 0)
                    .ok_or_else(|| {
                        ChainError::Inconsistent("genesis has no validator candidates".into())
                    })?;
                let changes = diff(&StateMap::new(), &genesis);
                store.init(&params, &changes, &set)?;
                params
            }
        };
        let chain_id = params.chain_id()?;
        let keys = params
            .held_keys()?
            .into_iter()
            .map(|k| (k.address(), k))
            .collect();
        let mut state = StateMap::new();
        let mut history = History::new();
        let tip_height = store.tip()?;
        for (height, changes) in store.all_state_changes()? {
            if height > tip_height {
                // Cannot happen with atomic block writes; ignore defensively.
                continue;
            }
            for (key, value) in changes {
                state.set(key, value.clone());
                history.entry(key).or_default().push((height, value));
            }
        }
        let tip = if tip_height == 0 {
            None
        } else {
            let header = store
                .header(tip_height)?
                .ok_or_else(|| ChainError::Inconsistent("tip header missing".into()))?;
            let root = state.root();
            if root != header.state_root {
                return Err(ChainError::Inconsistent(format!(
                    "state root {root} differs from header {} state root {}",
                    header.height, header.state_root
                )));
            }
            Some(header)
        };
        let next_set = match &tip {
            None => {
                let genesis = params.genesis_state()?;
                execution::elect(&genesis, params.max_validators, params.rotate, 0)
                    .ok_or_else(|| ChainError::Inconsistent("no genesis validators".into()))?
            }
            Some(header) => store
                .validator_set(&header.next_validators_hash)?
                .ok_or_else(|| ChainError::Inconsistent("next validator set missing".into()))?,
        };
        let mut sets = BTreeMap::new();
        sets.insert(next_set.hash(), next_set.clone());
        let tree = StateTree::build(&state);
        Ok(Self {
            params,
            chain_id,
            store,
            keys,
            state,
            history,
            tip,
            next_set,
            sets,
            mempool: Vec::new(),
            mempool_ids: HashSet::new(),
            sync_every: 1,
            tree,
            kept: BTreeMap::new(),
            provenance: None,
        })
    }

    /// Makes only every `n`-th block commit wait for the disk (1: every
    /// block, the default). Commits stay atomic; a crash may lose the blocks
    /// since the last durable one. For fixture generation only.
    pub const fn set_sync_every(&mut self, n: u64) {
        self.sync_every = n;
    }

    /// The parameters.
    #[must_use]
    pub const fn params(&self) -> &ChainParams {
        &self.params
    }

    /// The chain id.
    #[must_use]
    pub const fn chain_id(&self) -> &ChainId {
        &self.chain_id
    }

    /// The latest header, if any block was produced.
    #[must_use]
    pub const fn tip(&self) -> Option<&Header> {
        self.tip.as_ref()
    }

    /// The latest height (0 before the first block).
    #[must_use]
    pub fn height(&self) -> u64 {
        self.tip.as_ref().map_or(0, |h| h.height)
    }

    /// The set that signs the next block.
    #[must_use]
    pub const fn next_validator_set(&self) -> &ValidatorSet {
        &self.next_set
    }

    /// Number of pending transactions.
    #[must_use]
    pub fn mempool_len(&self) -> usize {
        self.mempool.len()
    }

    /// The state after the tip.
    #[must_use]
    pub const fn state(&self) -> &StateMap {
        &self.state
    }

    /// The earliest time the next block can have from now: the clock, but
    /// never before the tip's time + 1 or the genesis time (what the
    /// mempool's dry run takes for the block's time).
    #[must_use]
    pub fn next_block_time_ms(&self) -> u64 {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
        now.max(self.tip.as_ref().map_or(0, |h| h.time_ms + 1))
            .max(self.params.genesis_time_ms)
    }

    /// Produces, signs and stores the next block at time `now_ms` (not
    /// before the tip's time + 1 nor the genesis time): the mempool's
    /// transactions in order, up to the block's limits, skipping (and
    /// dropping) those that cannot be included.
    ///
    /// # Errors
    /// [`ChainError`]; on error nothing was stored and the chain is unchanged.
    pub fn produce_block(&mut self, now_ms: u64) -> Result<Header, ChainError> {
        let time_ms = now_ms
            .max(self.tip.as_ref().map_or(0, |h| h.time_ms + 1))
            .max(self.params.genesis_time_ms);
        let last_commit_hash = self.tip_commit_hash()?;
        let block =
            match self.execute_block(last_commit_hash, time_ms, &self.mempool, Inclusion::Drop) {
                Ok(block) => block,
                Err(ExecuteError::Chain(error)) => return Err(error),
                Err(ExecuteError::Rejected { .. } | ExecuteError::TooLarge) => {
                    return Err(ChainError::Inconsistent(
                        "the producer refused its own transaction".into(),
                    ));
                }
            };
        let commit =
            consensus::sign_commit(&self.chain_id, &block.header, &self.next_set, &self.keys)?;
        self.store_block(block, commit, None)
    }

    /// The transactions waiting in the mempool, in order (what a full node
    /// relays to a validator).
    #[must_use]
    pub fn mempool_txs(&self) -> Vec<Transaction> {
        self.mempool.clone()
    }

    /// The header at `height`.
    ///
    /// # Errors
    /// [`ChainError::Store`].
    pub fn header(&self, height: u64) -> Result<Option<Header>, ChainError> {
        Ok(self.store.header(height)?)
    }

    /// The commit at `height`.
    ///
    /// # Errors
    /// [`ChainError::Store`].
    pub fn commit(&self, height: u64) -> Result<Option<Commit>, ChainError> {
        Ok(self.store.commit(height)?)
    }

    /// The validator set with `hash`.
    ///
    /// # Errors
    /// [`ChainError::Store`].
    pub fn validator_set(&self, hash: &Hash32) -> Result<Option<ValidatorSet>, ChainError> {
        if let Some(set) = self.sets.get(hash) {
            return Ok(Some(set.clone()));
        }
        Ok(self.store.validator_set(hash)?)
    }

    /// The state map after block `height` (0: genesis), if `height` is not
    /// above the tip. Every height is retained.
    #[must_use]
    pub fn state_at(&self, height: u64) -> Option<StateMap> {
        if height > self.height() {
            return None;
        }
        if height == self.height() {
            return Some(self.state.clone());
        }
        let mut map = StateMap::new();
        for (key, versions) in &self.history {
            let at = versions.iter().rev().find(|(h, _)| *h <= height);
            if let Some((_, Some(value))) = at {
                map.set(*key, Some(value.clone()));
            }
        }
        Some(map)
    }

    /// The value at `key` after block `height` with its proof.
    #[must_use]
    pub fn prove(&self, key: &Hash32, height: u64) -> Option<(Option<Vec<u8>>, StateProof)> {
        if height == self.height() {
            let value = self.state.get(key).map(<[u8]>::to_vec);
            return Some((value, self.tree.prove(key)));
        }
        self.state_at(height).map(|map| map.prove(key))
    }

    /// Up to `limit` entries of `address`'s history from index `from`, and
    /// the number of entries the node holds for it (the proven account
    /// record says how many there should be).
    ///
    /// # Errors
    /// [`ChainError::Store`].
    pub fn account_history(
        &self,
        address: &Address,
        from: u64,
        limit: usize,
    ) -> Result<(u64, Vec<HistoryEntry>), ChainError> {
        Ok(self.store.history(address, from, limit)?)
    }

    /// The status of transaction `id`.
    ///
    /// # Errors
    /// [`ChainError::Store`].
    pub fn tx_status(&self, id: &Hash32) -> Result<TxStatus, ChainError> {
        if self.mempool_ids.contains(id) {
            return Ok(TxStatus::Pending);
        }
        Ok(self
            .store
            .tx_location(id)?
            .map_or(TxStatus::Unknown, TxStatus::Committed))
    }

    /// A committed transaction with its inclusion proofs.
    ///
    /// # Errors
    /// [`ChainError`].
    pub fn tx_inclusion(&self, id: &Hash32) -> Result<Option<TxInclusion>, ChainError> {
        let Some(location) = self.store.tx_location(id)? else {
            return Ok(None);
        };
        let txs = self
            .store
            .block_txs(location.height)?
            .ok_or_else(|| ChainError::Inconsistent("block transactions missing".into()))?;
        let results = self
            .store
            .results(location.height)?
            .ok_or_else(|| ChainError::Inconsistent("block results missing".into()))?;
        let index = usize::try_from(location.index).unwrap_or(usize::MAX);
        let tx = txs
            .get(index)
            .cloned()
            .ok_or_else(|| ChainError::Inconsistent("tx index out of range".into()))?;
        let ids: Vec<Hash32> = txs.iter().map(Transaction::id).collect();
        let id_leaves: Vec<Hash32> = ids
            .iter()
            .map(|id| merkle::leaf_hash(id.as_bytes()))
            .collect();
        let result_leaves: Vec<Hash32> = ids
            .iter()
            .zip(&results)
            .map(|(id, code)| tx_result::result_leaf_hash(id, *code))
            .collect();
        let proof = InclusionProof::generate(&id_leaves, index)
            .map_err(|e| ChainError::Inconsistent(e.to_string()))?;
        let result_proof = InclusionProof::generate(&result_leaves, index)
            .map_err(|e| ChainError::Inconsistent(e.to_string()))?;
        Ok(Some(TxInclusion {
            tx,
            location,
            proof,
            result_proof,
        }))
    }

    /// Signs a commit for `header` with the held keys of the set its
    /// `validators_hash` names: a conflicting block signed by the same
    /// validators (the `double-sign` fault, and evidence tests).
    ///
    /// # Errors
    /// [`ChainError`] when the set is unknown or the keys are too few.
    pub fn sign_conflicting(&self, header: &Header) -> Result<Commit, ChainError> {
        let set = self
            .validator_set(&header.validators_hash)?
            .ok_or_else(|| ChainError::Inconsistent("validator set missing".into()))?;
        Ok(consensus::sign_commit(
            &self.chain_id,
            header,
            &set,
            &self.keys,
        )?)
    }
}
