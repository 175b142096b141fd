//! A [`LightStore`] in memory: for tests, benchmarks and targets without a
//! file system. It keeps the canonical encodings, like the file backends, so
//! it behaves the same under the conformance suite.

use std::collections::BTreeMap;

use jifen_protocol::Encode;

use super::{LightStore, StoreError, decode_stored};
use crate::light_block::LightBlock;
use crate::trust::TrustedState;

/// Verified light blocks in a map, lost when dropped.
#[derive(Debug, Clone, Default)]
pub struct MemoryStore {
    blocks: BTreeMap<u64, Vec<u8>>,
}

impl MemoryStore {
    /// An empty store.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }
}

impl LightStore for MemoryStore {
    fn save(&mut self, trusted: &TrustedState) -> Result<(), StoreError> {
        let block = trusted.light_block();
        self.blocks.insert(block.height(), block.encode());
        Ok(())
    }

    fn get(&self, height: u64) -> Result<Option<LightBlock>, StoreError> {
        self.blocks
            .get(&height)
            .map(|bytes| decode_stored(height, bytes))
            .transpose()
    }

    fn latest(&self) -> Result<Option<LightBlock>, StoreError> {
        self.blocks
            .last_key_value()
            .map(|(height, bytes)| decode_stored(*height, bytes))
            .transpose()
    }

    fn remove(&mut self, height: u64) -> Result<bool, StoreError> {
        Ok(self.blocks.remove(&height).is_some())
    }

    fn heights(&self) -> Result<Vec<u64>, StoreError> {
        Ok(self.blocks.keys().copied().collect())
    }
}
