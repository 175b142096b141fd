//! Re-checking the whole store against itself.

use std::collections::BTreeMap;

use jifen_protocol::subchain::anchors_root;
use jifen_protocol::{Header, StateMap, TxPayload};

use super::{Chain, ChainError};
use crate::store::StateChange;

impl Chain {
    /// Re-checks the whole store: every header's state root against the
    /// replayed state, its `anchors_root` against the stored anchor leaves
    /// (which must name the block's accepted subchain reports, in order),
    /// every commit against its header and validator set, and the header
    /// chain links. Returns the number of blocks checked.
    ///
    /// # Errors
    /// [`ChainError::Inconsistent`] naming the first problem.
    pub fn verify_store(&self) -> Result<u64, ChainError> {
        self.verify_store_from(1)
    }

    /// [`Chain::verify_store`], but tallying commit signatures only from
    /// height `commits_from` (state roots and links are still checked for
    /// every block). For repeated checks of a growing store.
    ///
    /// # Errors
    /// [`ChainError::Inconsistent`] naming the first problem.
    pub fn verify_store_from(&self, commits_from: u64) -> Result<u64, ChainError> {
        let tip = self.height();
        let mut map = StateMap::new();
        let changes = self.store.all_state_changes()?;
        let mut by_height: BTreeMap<u64, Vec<StateChange>> = changes.into_iter().collect();
        if let Some(genesis) = by_height.remove(&0) {
            for (key, value) in genesis {
                map.set(key, value);
            }
        }
        let mut previous: Option<Header> = None;
        for height in 1..=tip {
            for (key, value) in by_height.remove(&height).unwrap_or_default() {
                map.set(key, value);
            }
            let header = self
                .store
                .header(height)?
                .ok_or_else(|| ChainError::Inconsistent(format!("header {height} missing")))?;
            if header.state_root != map.root() {
                return Err(ChainError::Inconsistent(format!(
                    "header {height} state root differs from the stored state"
                )));
            }
            self.check_anchors(&header)?;
            if header.previous_block_hash != previous.as_ref().map(Header::hash) {
                return Err(ChainError::Inconsistent(format!(
                    "header {height} does not link to its parent"
                )));
            }
            let commit = self
                .store
                .commit(height)?
                .ok_or_else(|| ChainError::Inconsistent(format!("commit {height} missing")))?;
            if height < commits_from {
                previous = Some(header);
                continue;
            }
            let set = self
                .validator_set(&header.validators_hash)?
                .ok_or_else(|| ChainError::Inconsistent(format!("set of {height} missing")))?;
            commit
                .check_for(&header)
                .map_err(|e| ChainError::Inconsistent(format!("commit {height}: {e}")))?;
            let tally = commit
                .tally(&self.chain_id, &set)
                .map_err(|e| ChainError::Inconsistent(format!("commit {height}: {e}")))?;
            if !tally.has_quorum() {
                return Err(ChainError::Inconsistent(format!(
                    "commit {height}: no quorum"
                )));
            }
            previous = Some(header);
        }
        if !by_height.is_empty() {
            return Err(ChainError::Inconsistent(
                "state changes above the tip".into(),
            ));
        }
        Ok(tip)
    }

    /// The stored anchor leaves of `header`'s block give its `anchors_root`
    /// and are its successful subchain reports, in block order.
    fn check_anchors(&self, header: &Header) -> Result<(), ChainError> {
        let height = header.height;
        let leaves = self.store.anchors(height)?;
        if anchors_root(&leaves) != header.anchors_root {
            return Err(ChainError::Inconsistent(format!(
                "header {height} anchors root differs from its stored anchor leaves"
            )));
        }
        let txs = self.store.block_txs(height)?.unwrap_or_default();
        let results = self.store.results(height)?.unwrap_or_default();
        let reported: Vec<_> = txs
            .iter()
            .zip(&results)
            .filter_map(|(tx, code)| match &tx.unsigned.payload {
                TxPayload::SubchainReport(report) if *code == 0 => Some((
                    report.header.subchain,
                    report.header.height,
                    report.header.hash(),
                )),
                _ => None,
            })
            .collect();
        let anchored: Vec<_> = leaves
            .iter()
            .map(|leaf| (leaf.subchain, leaf.height, leaf.header_hash))
            .collect();
        if reported != anchored {
            return Err(ChainError::Inconsistent(format!(
                "block {height} anchor leaves are not its accepted subchain reports"
            )));
        }
        Ok(())
    }
}
