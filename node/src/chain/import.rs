//! Importing a block from an untrusted source (a full node following the
//! validators): every check the producer's block satisfies by
//! construction, then the same store.
//!
//! The checks, in order (the cheap ones first, re-execution last):
//!
//! | check | code |
//! |---|---|
//! | the header's own rules (version, height, parent links present) | `import-bad-header` |
//! | the header's chain id is this chain's | `import-wrong-chain` |
//! | height = tip + 1 | `import-wrong-height` |
//! | `previous_block_hash` = the tip's hash, `last_commit_hash` = the tip's commit hash | `import-bad-link` |
//! | ([`Chain::import_block_after`]) the other commit of the tip the block names is valid | `import-bad-parent-commit` |
//! | time not before the parent's + 1 ms, nor the genesis | `import-bad-time` |
//! | `validators_hash` = the chain's next set | `import-bad-validators` |
//! | `proposer` = [`consensus::proposer`] of that set | `import-bad-proposer` |
//! | the commit is for this header and its signatures verify against the set | `import-bad-commit` |
//! | the signers hold more than 2/3 of the power | `import-no-quorum` |
//! | at most [`MAX_BLOCK_TXS`] transactions, [`MAX_BLOCK_TX_BYTES`] bytes of them | `import-too-large` |
//! | `tx_root` of the transactions | `import-bad-tx-root` |
//! | each transaction's signature and chain id, and its inclusion (nonce, fee, balance) with the producer's context, in order | `import-tx-rejected` |
//! | `results_root` of the re-executed results | `import-bad-results-root` |
//! | `state_root` of the state after them | `import-bad-state-root` |
//! | `anchors_root` of the accepted subchain reports | `import-bad-anchors-root` |
//! | `next_validators_hash` (the election at an epoch end) | `import-bad-next-validators` |
//!
//! A failed import stores nothing and changes nothing in memory.

use jifen_protocol::{Commit, CommitError, Encode, Hash32, Header, Transaction, tx_root};

use super::block::{ExecuteError, Inclusion};
use super::{Chain, ChainError, MAX_BLOCK_TX_BYTES, MAX_BLOCK_TXS};
use crate::consensus;
use crate::execution::{self, TxError};

/// A block as a source hands it over: header, commit, transactions in
/// block order (untrusted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FullBlock {
    /// The header.
    pub header: Header,
    /// The commit that finalized it.
    pub commit: Commit,
    /// The transactions, in block order.
    pub txs: Vec<Transaction>,
}

impl From<jifen_rpc_types::BlockResult> for FullBlock {
    fn from(block: jifen_rpc_types::BlockResult) -> Self {
        Self {
            header: block.header,
            commit: block.commit,
            txs: block.txs,
        }
    }
}

impl From<FullBlock> for jifen_rpc_types::BlockResult {
    fn from(block: FullBlock) -> Self {
        Self {
            header: block.header,
            commit: block.commit,
            txs: block.txs,
        }
    }
}

/// A link of the header to its parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Link {
    /// `previous_block_hash`: the tip's hash.
    PreviousBlock,
    /// `last_commit_hash`: the hash of the tip's commit.
    LastCommit,
}

impl Link {
    /// The header field's name.
    #[must_use]
    pub const fn field(self) -> &'static str {
        match self {
            Self::PreviousBlock => "previous_block_hash",
            Self::LastCommit => "last_commit_hash",
        }
    }
}

/// A header field that differs from what re-execution gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Root {
    /// `tx_root`.
    Tx,
    /// `results_root`.
    Results,
    /// `state_root`.
    State,
    /// `anchors_root`.
    Anchors,
    /// `next_validators_hash`.
    NextValidators,
}

impl Root {
    /// The header field's name.
    #[must_use]
    pub const fn field(self) -> &'static str {
        match self {
            Self::Tx => "tx_root",
            Self::Results => "results_root",
            Self::State => "state_root",
            Self::Anchors => "anchors_root",
            Self::NextValidators => "next_validators_hash",
        }
    }
}

/// Why a block was not imported. Nothing was stored.
///
/// Codes: `import-bad-header`, `import-wrong-chain`, `import-wrong-height`,
/// `import-bad-link`, `import-bad-parent-commit`, `import-bad-time`, `import-bad-validators`,
/// `import-bad-proposer`, `import-bad-commit`, `import-no-quorum`,
/// `import-too-large`, `import-bad-tx-root`, `import-tx-rejected`,
/// `import-bad-results-root`, `import-bad-state-root`,
/// `import-bad-anchors-root`, `import-bad-next-validators`,
/// `import-header-mismatch`, `import-chain`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The header breaks its own rules.
    #[error("bad header: {0}")]
    BadHeader(jifen_protocol::header::HeaderError),
    /// The header is of another chain.
    #[error("the block is of chain {got}, not {expected}")]
    WrongChain {
        /// This chain.
        expected: String,
        /// The header's.
        got: String,
    },
    /// The block is not the next one.
    #[error("the block is at height {got}, the next is {expected}")]
    WrongHeight {
        /// Tip + 1.
        expected: u64,
        /// The header's.
        got: u64,
    },
    /// `previous_block_hash` or `last_commit_hash` does not name the tip.
    #[error("the block's {} does not name the tip", .0.field())]
    BadLink(Link),
    /// The commit given to replace the tip's is not a valid commit of it
    /// named by the block ([`Chain::import_block_after`]).
    #[error("bad replacement of the tip's commit: {0}")]
    BadParentCommit(String),
    /// The time is before the parent's + 1 ms or the genesis.
    #[error("the block time {got} is before {earliest}")]
    BadTime {
        /// The earliest allowed.
        earliest: u64,
        /// The header's.
        got: u64,
    },
    /// `validators_hash` is not the chain's next set.
    #[error("the block names validator set {got}, the next set is {expected}")]
    BadValidators {
        /// The next set's hash.
        expected: Hash32,
        /// The header's.
        got: Hash32,
    },
    /// The proposer is not the set's proposer for the height.
    #[error("the proposer is not the one of height {height}")]
    BadProposer {
        /// The height.
        height: u64,
    },
    /// The commit is not for this header, or a signature does not verify.
    #[error("bad commit: {0}")]
    BadCommit(CommitError),
    /// The signers hold 2/3 of the power or less.
    #[error("the commit has no quorum")]
    NoQuorum,
    /// More than the block's limits of transactions.
    #[error(
        "the block holds {count} transactions of {bytes} bytes (at most {MAX_BLOCK_TXS}, {MAX_BLOCK_TX_BYTES} bytes)"
    )]
    TooLarge {
        /// Transactions.
        count: usize,
        /// Their bytes.
        bytes: usize,
    },
    /// A root or hash differs from what the transactions give.
    #[error("the header's {} is {header}, re-execution gives {computed}", what.field())]
    BadRoot {
        /// Which one.
        what: Root,
        /// The header's.
        header: Hash32,
        /// Re-executed.
        computed: Hash32,
    },
    /// Transaction `index` could not have been included: the producer
    /// would have dropped it.
    #[error("transaction {index} cannot be included: {error}")]
    TxRejected {
        /// Its index in the block.
        index: usize,
        /// Why.
        error: TxError,
    },
    /// Every checked field agrees, yet the header differs from the one
    /// re-execution builds (a field no check covers).
    #[error("the header differs from the re-executed one")]
    HeaderMismatch,
    /// This node failed (storage).
    #[error(transparent)]
    Chain(#[from] ChainError),
}

impl ImportError {
    /// The stable error code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::BadHeader(_) => "import-bad-header",
            Self::WrongChain { .. } => "import-wrong-chain",
            Self::WrongHeight { .. } => "import-wrong-height",
            Self::BadLink(_) => "import-bad-link",
            Self::BadParentCommit(_) => "import-bad-parent-commit",
            Self::BadTime { .. } => "import-bad-time",
            Self::BadValidators { .. } => "import-bad-validators",
            Self::BadProposer { .. } => "import-bad-proposer",
            Self::BadCommit(_) => "import-bad-commit",
            Self::NoQuorum => "import-no-quorum",
            Self::TooLarge { .. } => "import-too-large",
            Self::BadRoot { what, .. } => match what {
                Root::Tx => "import-bad-tx-root",
                Root::Results => "import-bad-results-root",
                Root::State => "import-bad-state-root",
                Root::Anchors => "import-bad-anchors-root",
                Root::NextValidators => "import-bad-next-validators",
            },
            Self::TxRejected { .. } => "import-tx-rejected",
            Self::HeaderMismatch => "import-header-mismatch",
            Self::Chain(_) => "import-chain",
        }
    }

    /// Whether the block (and so its source) is at fault, not this node.
    #[must_use]
    pub const fn blames_block(&self) -> bool {
        !matches!(self, Self::Chain(_))
    }
}

fn check_root(what: Root, header: Hash32, computed: Hash32) -> Result<(), ImportError> {
    if header == computed {
        Ok(())
    } else {
        Err(ImportError::BadRoot {
            what,
            header,
            computed,
        })
    }
}

impl Chain {
    /// Checks `block` fully (see the module's table) and, only if it passes,
    /// stores it exactly as its producer did; the block's transactions
    /// leave the mempool, and so do those the block made stale (nonce
    /// used).
    ///
    /// # Errors
    /// [`ImportError`]; the chain is unchanged.
    pub fn import_block(&mut self, block: &FullBlock) -> Result<Header, ImportError> {
        self.import_checked(block, None)
    }

    /// [`Chain::import_block`] for a block whose `last_commit_hash` names
    /// `parent_commit`, another valid commit of the tip than the one stored
    /// (a source first gave this node a different quorum of signatures):
    /// `parent_commit` must be for the tip, verify against the tip's set
    /// with a quorum and have that hash; it then replaces the stored one in
    /// the same write as the block.
    ///
    /// # Errors
    /// [`ImportError::BadParentCommit`], or as [`Chain::import_block`].
    pub fn import_block_after(
        &mut self,
        parent_commit: &Commit,
        block: &FullBlock,
    ) -> Result<Header, ImportError> {
        let tip = self.tip.as_ref().ok_or(ImportError::BadParentCommit(
            "no block to replace the commit of".into(),
        ))?;
        parent_commit
            .check_for(tip)
            .map_err(|e| ImportError::BadParentCommit(e.to_string()))?;
        let set = self
            .validator_set(&tip.validators_hash)?
            .ok_or_else(|| ChainError::Inconsistent("tip validator set missing".into()))?;
        let tally = parent_commit
            .tally(&self.chain_id, &set)
            .map_err(|e| ImportError::BadParentCommit(e.to_string()))?;
        if !tally.has_quorum() {
            return Err(ImportError::BadParentCommit("no quorum".into()));
        }
        if block.header.last_commit_hash != Some(parent_commit.hash()) {
            return Err(ImportError::BadParentCommit(
                "the block does not name it".into(),
            ));
        }
        self.import_checked(block, Some(parent_commit))
    }

    fn import_checked(
        &mut self,
        block: &FullBlock,
        parent_commit: Option<&Commit>,
    ) -> Result<Header, ImportError> {
        let FullBlock {
            header,
            commit,
            txs,
        } = block;
        header.validate_basic().map_err(ImportError::BadHeader)?;
        if header.chain_id != self.chain_id {
            return Err(ImportError::WrongChain {
                expected: self.chain_id.as_str().to_owned(),
                got: header.chain_id.as_str().to_owned(),
            });
        }
        let height = self.height() + 1;
        if header.height != height {
            return Err(ImportError::WrongHeight {
                expected: height,
                got: header.height,
            });
        }
        let parent = self.tip.as_ref();
        if header.previous_block_hash != parent.map(Header::hash) {
            return Err(ImportError::BadLink(Link::PreviousBlock));
        }
        let last_commit_hash = match parent_commit {
            Some(replacement) => Some(replacement.hash()),
            None => self.tip_commit_hash()?,
        };
        if header.last_commit_hash != last_commit_hash {
            return Err(ImportError::BadLink(Link::LastCommit));
        }
        let earliest = parent
            .map_or(0, |p| p.time_ms.saturating_add(1))
            .max(self.params.genesis_time_ms);
        if header.time_ms < earliest {
            return Err(ImportError::BadTime {
                earliest,
                got: header.time_ms,
            });
        }
        let set = &self.next_set;
        if header.validators_hash != set.hash() {
            return Err(ImportError::BadValidators {
                expected: set.hash(),
                got: header.validators_hash,
            });
        }
        if consensus::proposer(set, height) != Some(header.proposer) {
            return Err(ImportError::BadProposer { height });
        }
        commit.check_for(header).map_err(ImportError::BadCommit)?;
        let tally = commit
            .tally(&self.chain_id, set)
            .map_err(ImportError::BadCommit)?;
        if !tally.has_quorum() {
            return Err(ImportError::NoQuorum);
        }
        let bytes = txs
            .iter()
            .fold(0usize, |sum, tx| sum.saturating_add(tx.encode().len()));
        if txs.len() > MAX_BLOCK_TXS || bytes > MAX_BLOCK_TX_BYTES {
            return Err(ImportError::TooLarge {
                count: txs.len(),
                bytes,
            });
        }
        check_root(Root::Tx, header.tx_root, tx_root(txs))?;
        let executed =
            match self.execute_block(last_commit_hash, header.time_ms, txs, Inclusion::Strict) {
                Ok(executed) => executed,
                Err(ExecuteError::Chain(error)) => return Err(error.into()),
                Err(ExecuteError::Rejected { index, error }) => {
                    return Err(ImportError::TxRejected { index, error });
                }
                Err(ExecuteError::TooLarge) => {
                    return Err(ImportError::TooLarge {
                        count: txs.len(),
                        bytes,
                    });
                }
            };
        let computed = &executed.header;
        check_root(Root::Results, header.results_root, computed.results_root)?;
        check_root(Root::State, header.state_root, computed.state_root)?;
        check_root(Root::Anchors, header.anchors_root, computed.anchors_root)?;
        check_root(
            Root::NextValidators,
            header.next_validators_hash,
            computed.next_validators_hash,
        )?;
        if computed.hash() != header.hash() {
            return Err(ImportError::HeaderMismatch);
        }
        let stored = self.store_block(executed, commit.clone(), parent_commit.cloned())?;
        self.drop_stale();
        Ok(stored)
    }

    /// Drops the mempool's transactions whose nonce the state has used (a
    /// full node's mempool after a block it did not produce).
    fn drop_stale(&mut self) {
        let state = &self.state;
        let stale: std::collections::HashSet<Hash32> = self
            .mempool
            .iter()
            .filter(|tx| {
                execution::account(state, &tx.unsigned.sender)
                    .is_ok_and(|account| tx.unsigned.nonce < account.nonce)
            })
            .map(Transaction::id)
            .collect();
        if stale.is_empty() {
            return;
        }
        self.mempool.retain(|tx| !stale.contains(&tx.id()));
        self.mempool_ids.retain(|id| !stale.contains(id));
    }
}
