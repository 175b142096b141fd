//! A [`LightStore`] in memory: for tests, benchmarks and targets without a
//! file system. It keeps the canonical encodings and record bytes, like the
//! file backends, so it behaves the same under the conformance suite.

use std::collections::BTreeMap;

use jifen_protocol::Encode;

use super::{ChainLink, LightStore, Pin, StoreChange, StoreError, StoreHead, decode_stored};
use crate::light_block::LightBlock;

/// The raw tables of a [`MemoryStore`]: blocks, links, head (tests).
#[cfg(feature = "test-support")]
pub type RawTables<'a> = (
    &'a mut BTreeMap<u64, Vec<u8>>,
    &'a mut BTreeMap<u64, Vec<u8>>,
    &'a mut Option<Vec<u8>>,
);

/// Verified light blocks and their records in maps, lost when dropped.
#[derive(Debug, Clone, Default)]
pub struct MemoryStore {
    blocks: BTreeMap<u64, Vec<u8>>,
    links: BTreeMap<u64, Vec<u8>>,
    pins: BTreeMap<String, Vec<u8>>,
    head: Option<Vec<u8>>,
}

impl MemoryStore {
    /// An empty store.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The raw tables, for tests that play a damaged disk or an attacker
    /// (cargo feature `test-support`): blocks, links, head.
    #[cfg(feature = "test-support")]
    pub fn raw_mut(&mut self) -> RawTables<'_> {
        (&mut self.blocks, &mut self.links, &mut self.head)
    }
}

impl LightStore for MemoryStore {
    fn apply(&mut self, change: &StoreChange) -> Result<(), StoreError> {
        // Nothing below can fail, so changing in place is all or nothing.
        if change.clears() {
            *self = Self::default();
        }
        let next = self;
        for (block, link) in change.puts() {
            next.blocks.insert(link.height, block.encode());
            next.links.insert(link.height, link.to_bytes());
        }
        for link in change.relinks() {
            next.links.insert(link.height, link.to_bytes());
        }
        for height in change.removes() {
            next.blocks.remove(height);
            next.links.remove(height);
        }
        for pin in change.pins() {
            next.pins.insert(pin.id.clone(), pin.to_bytes());
        }
        for id in change.unpins() {
            next.pins.remove(id);
        }
        if let Some(head) = change.head() {
            next.head = Some(head.to_bytes());
        }
        Ok(())
    }

    fn get(&self, height: u64) -> Result<Option<LightBlock>, StoreError> {
        self.blocks
            .get(&height)
            .map(|bytes| decode_stored(height, bytes))
            .transpose()
    }

    fn head(&self) -> Result<Option<StoreHead>, StoreError> {
        self.head.as_deref().map(StoreHead::from_bytes).transpose()
    }

    fn link(&self, height: u64) -> Result<Option<ChainLink>, StoreError> {
        self.links
            .get(&height)
            .map(|bytes| ChainLink::from_bytes(height, bytes))
            .transpose()
    }

    fn links(&self) -> Result<Vec<ChainLink>, StoreError> {
        self.links
            .iter()
            .map(|(height, bytes)| ChainLink::from_bytes(*height, bytes))
            .collect()
    }

    fn pins(&self) -> Result<Vec<Pin>, StoreError> {
        self.pins
            .iter()
            .map(|(id, bytes)| Pin::from_bytes(id, bytes))
            .collect()
    }

    fn heights(&self) -> Result<Vec<u64>, StoreError> {
        Ok(self.blocks.keys().copied().collect())
    }

    fn last_height(&self) -> Result<Option<u64>, StoreError> {
        Ok(self.blocks.last_key_value().map(|(height, _)| *height))
    }
}
