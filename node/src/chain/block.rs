//! The one execution body of a block, shared by the producer
//! ([`Chain::produce_block`]) and the importer ([`Chain::import_block`]):
//! executing the transactions on a copy of the state with the block's
//! context, the election at an epoch end, the header the block must have,
//! and storing it.

use std::collections::HashSet;

use jifen_protocol::{
    Address, Commit, Encode, Hash32, Header, StateMap, StateTree, Transaction, TxPayload,
    ValidatorSet, header::HEADER_VERSION, subchain::anchors_root, tx_result, tx_root,
};

use super::{Chain, ChainError, MAX_BLOCK_TX_BYTES, MAX_BLOCK_TXS, diff};
use crate::consensus;
use crate::execution::{self, BlockContext, TxError};
use crate::store::{BlockAnchor, BlockRecord};

/// What to do with a transaction that cannot be included (its nonce, fee
/// or balance is wrong for the state it meets, or, on import, its
/// signature or chain id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Inclusion {
    /// The producer: skip it (and drop it from the mempool), and stop
    /// at the block's limits.
    Drop,
    /// The importer: the block is invalid, and so is a block over the
    /// limits.
    Strict,
}

/// Why a block could not be executed.
#[derive(Debug)]
pub(super) enum ExecuteError {
    /// The chain failed (storage, an empty set).
    Chain(ChainError),
    /// Transaction `index` cannot be included ([`Inclusion::Strict`]).
    Rejected {
        /// Its index in the block.
        index: usize,
        /// Why.
        error: TxError,
    },
    /// The block holds more than [`MAX_BLOCK_TXS`] transactions or
    /// [`MAX_BLOCK_TX_BYTES`] bytes of them ([`Inclusion::Strict`]).
    TooLarge,
}

impl From<ChainError> for ExecuteError {
    fn from(error: ChainError) -> Self {
        Self::Chain(error)
    }
}

/// A block executed on top of the tip, not stored yet.
#[derive(Debug)]
pub(super) struct ExecutedBlock {
    /// The header the block must have (its commit is not part of it).
    pub header: Header,
    /// The state after the block.
    pub state: StateMap,
    /// Its tree.
    pub tree: StateTree,
    /// The set that signs the block after it.
    pub next: ValidatorSet,
    /// The included transactions, in block order.
    pub txs: Vec<Transaction>,
    /// Their result codes.
    pub results: Vec<u16>,
    /// The ids of the transactions skipped ([`Inclusion::Drop`]).
    pub dropped: Vec<Hash32>,
    /// History entries the block appends.
    pub history: Vec<(Address, u64, Hash32)>,
    /// The accepted subchain reports, in block order.
    pub anchors: Vec<BlockAnchor>,
}

impl Chain {
    /// The hash of the tip's stored commit (none before block 1).
    pub(super) fn tip_commit_hash(&self) -> Result<Option<Hash32>, ChainError> {
        self.tip
            .as_ref()
            .map(|tip| {
                self.store
                    .commit(tip.height)?
                    .map(|commit| commit.hash())
                    .ok_or_else(|| ChainError::Inconsistent("tip commit missing".into()))
            })
            .transpose()
    }

    /// Executes `candidates` as the next block at `time_ms` with the
    /// producer's context (height tip + 1, the next set, its proposer) and
    /// builds the header the block has (`last_commit_hash`: the hash of the
    /// tip's commit, [`Chain::tip_commit_hash`]).
    pub(super) fn execute_block<'a>(
        &self,
        last_commit_hash: Option<Hash32>,
        time_ms: u64,
        candidates: impl IntoIterator<Item = &'a Transaction>,
        inclusion: Inclusion,
    ) -> Result<ExecutedBlock, ExecuteError> {
        let height = self.height() + 1;
        let set = &self.next_set;
        let proposer = consensus::proposer(set, height)
            .ok_or_else(|| ChainError::Inconsistent("empty validator set".into()))?;
        let ctx = BlockContext {
            height,
            proposer,
            min_fee: self.params.min_fee,
            validators: set,
            chain_id: &self.chain_id,
            time_ms,
        };
        let mut state = self.state.clone();
        let mut txs = Vec::new();
        let mut results = Vec::new();
        let mut dropped = Vec::new();
        let mut history = Vec::new();
        let mut anchors = Vec::new();
        let mut bytes = 0usize;
        for (index, tx) in candidates.into_iter().enumerate() {
            let size = tx.encode().len();
            if txs.len() >= MAX_BLOCK_TXS || bytes.saturating_add(size) > MAX_BLOCK_TX_BYTES {
                match inclusion {
                    Inclusion::Drop => break,
                    Inclusion::Strict => return Err(ExecuteError::TooLarge),
                }
            }
            let executed = match inclusion {
                // The mempool checked signatures and chain ids on admission.
                Inclusion::Drop => execution::execute(&mut state, tx, &ctx),
                Inclusion::Strict => execution::check_stateless(tx, &self.chain_id)
                    .and_then(|()| execution::execute(&mut state, tx, &ctx)),
            };
            let executed = match executed {
                Ok(executed) => executed,
                Err(error) => match inclusion {
                    Inclusion::Drop => {
                        dropped.push(tx.id());
                        continue;
                    }
                    Inclusion::Strict => return Err(ExecuteError::Rejected { index, error }),
                },
            };
            bytes = bytes.saturating_add(size);
            results.push(executed.result.err().map_or(0, |e| e.number()));
            let id = tx.id();
            history.extend(
                executed
                    .history
                    .into_iter()
                    .map(|(address, position)| (address, position, id)),
            );
            if let (Some(anchored), TxPayload::SubchainReport(report)) =
                (executed.anchor, &tx.unsigned.payload)
            {
                anchors.push(BlockAnchor {
                    leaf: anchored.leaf,
                    index: anchored.index,
                    report: report.clone(),
                });
            }
            txs.push(tx.clone());
        }
        let next = if height.is_multiple_of(self.params.epoch_length) {
            execution::elect(
                &state,
                self.params.max_validators,
                self.params.rotate,
                height / self.params.epoch_length,
            )
            .unwrap_or_else(|| set.clone())
        } else {
            set.clone()
        };
        let tree = StateTree::build(&state);
        let tx_results: Vec<(Hash32, u16)> = txs
            .iter()
            .zip(&results)
            .map(|(tx, code)| (tx.id(), *code))
            .collect();
        let previous = self.tip.as_ref();
        let header = Header {
            version: HEADER_VERSION,
            chain_id: self.chain_id.clone(),
            height,
            time_ms,
            previous_block_hash: previous.map(Header::hash),
            last_commit_hash,
            tx_root: tx_root(&txs),
            results_root: tx_result::results_root(&tx_results),
            state_root: tree.root(),
            anchors_root: anchors_root(&anchors.iter().map(|a| a.leaf).collect::<Vec<_>>()),
            validators_hash: set.hash(),
            next_validators_hash: next.hash(),
            proposer,
        };
        Ok(ExecutedBlock {
            header,
            state,
            tree,
            next,
            txs,
            results,
            dropped,
            history,
            anchors,
        })
    }

    /// Stores `block` with `commit` in one write, then updates memory:
    /// state, tree, sets, tip, and the mempool (the block's transactions
    /// and the dropped ones leave it).
    pub(super) fn store_block(
        &mut self,
        block: ExecutedBlock,
        commit: Commit,
        parent_commit: Option<Commit>,
    ) -> Result<Header, ChainError> {
        let ExecutedBlock {
            header,
            state,
            tree,
            next,
            txs,
            results,
            dropped,
            history,
            anchors,
        } = block;
        let height = header.height;
        let changes = diff(&self.state, &state);
        let new_validator_sets = if self.sets.contains_key(&next.hash()) {
            Vec::new()
        } else {
            vec![next.clone()]
        };
        let record = BlockRecord {
            header: header.clone(),
            commit,
            txs,
            results,
            changes,
            new_validator_sets,
            history,
            anchors,
            parent_commit,
        };
        let durable = self.sync_every <= 1 || height.is_multiple_of(self.sync_every);
        self.store.commit_block(&record, durable)?;
        // Stored: now update memory.
        for (key, value) in record.changes {
            self.history.entry(key).or_default().push((height, value));
        }
        self.state = state;
        self.tree = tree;
        self.sets.insert(next.hash(), next.clone());
        self.next_set = next;
        let gone: HashSet<Hash32> = record
            .txs
            .iter()
            .map(Transaction::id)
            .chain(dropped)
            .collect();
        self.mempool.retain(|tx| !gone.contains(&tx.id()));
        self.mempool_ids.retain(|id| !gone.contains(id));
        self.tip = Some(header.clone());
        Ok(header)
    }
}
