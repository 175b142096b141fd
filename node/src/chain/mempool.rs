//! Admission to the mempool: the envelope's checks, the sender's pending
//! transactions, and a dry run of the payload with the block's rules.

use jifen_protocol::{Decode, Hash32, Transaction};

use super::{Chain, MEMPOOL_CAPACITY};
use crate::consensus;
use crate::execution::{self, BlockContext, TxError, account, payload_spend};

impl Chain {
    /// Checks and queues a transaction given as its canonical bytes.
    ///
    /// # Errors
    /// A [`TxError`] saying why it was rejected.
    pub fn submit(&mut self, bytes: &[u8]) -> Result<Hash32, TxError> {
        let tx = Transaction::decode(bytes).map_err(|e| TxError::Malformed(e.to_string()))?;
        self.submit_tx(tx)
    }

    /// Checks and queues a decoded transaction.
    ///
    /// # Errors
    /// A [`TxError`] saying why it was rejected.
    pub fn submit_tx(&mut self, tx: Transaction) -> Result<Hash32, TxError> {
        execution::check_stateless(&tx, &self.chain_id)?;
        let id = tx.id();
        if self.mempool_ids.contains(&id) {
            return Err(TxError::AlreadyKnown);
        }
        if self.mempool.len() >= MEMPOOL_CAPACITY {
            return Err(TxError::MempoolFull);
        }
        let sender = tx.unsigned.sender;
        let account = account(&self.state, &sender)?;
        let (pending, pending_spend) = self
            .mempool
            .iter()
            .filter(|p| p.unsigned.sender == sender)
            .fold((0u64, 0u128), |(n, spend), p| {
                (
                    n + 1,
                    spend
                        .saturating_add(p.unsigned.fee)
                        .saturating_add(payload_spend(&p.unsigned.payload)),
                )
            });
        let expected = account.nonce.saturating_add(pending);
        let nonce = tx.unsigned.nonce;
        if nonce < expected {
            return Err(TxError::NonceTooLow {
                expected,
                got: nonce,
            });
        }
        if nonce > expected {
            return Err(TxError::NonceGap {
                expected,
                got: nonce,
            });
        }
        if tx.unsigned.fee < self.params.min_fee {
            return Err(TxError::FeeTooLow {
                minimum: self.params.min_fee,
                got: tx.unsigned.fee,
            });
        }
        let available = account.balance.saturating_sub(pending_spend);
        let needed = tx
            .unsigned
            .fee
            .saturating_add(payload_spend(&tx.unsigned.payload));
        if available < needed {
            return Err(TxError::InsufficientBalance { needed, available });
        }
        if pending == 0 {
            // The payload's rules against the state the next block starts
            // from (a sender with pending transactions may change that
            // state first, so its later transactions are checked in the block).
            let set = self.next_set.clone();
            let height = self.height() + 1;
            let ctx = BlockContext {
                height,
                proposer: consensus::proposer(&set, height).unwrap_or(sender),
                min_fee: self.params.min_fee,
                validators: &set,
                chain_id: &self.chain_id,
                time_ms: self.next_block_time_ms(),
            };
            execution::dry_run(&self.state, &tx, &ctx)?;
        }
        self.mempool_ids.insert(id);
        self.mempool.push(tx);
        Ok(id)
    }
}
