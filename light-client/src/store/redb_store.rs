//! The default [`LightStore`] backend: redb (ACID, crash-safe). Four
//! tables: `light_blocks` (height -> block, unchanged since format 1),
//! `chain_links` (height -> 42-byte link), `pins` (id -> pin) and
//! `store_head` ("head" -> head). [`LightStore::apply`] is one write
//! transaction: a crash leaves the store as before or after.

use std::path::Path;

use jifen_protocol::Encode;
use redb::{Database, ReadableDatabase, ReadableTable, TableDefinition, WriteTransaction};

use super::{ChainLink, LightStore, Pin, StoreChange, StoreError, StoreHead, decode_stored};
use crate::light_block::LightBlock;

/// Height -> canonical [`LightBlock`] encoding.
const BLOCKS: TableDefinition<'static, u64, &[u8]> = TableDefinition::new("light_blocks");
/// Height -> [`ChainLink::to_bytes`].
const LINKS: TableDefinition<'static, u64, &[u8]> = TableDefinition::new("chain_links");
/// Pin id -> [`Pin::to_bytes`].
const PINS: TableDefinition<'static, &str, &[u8]> = TableDefinition::new("pins");
/// `HEAD_KEY` -> [`StoreHead::to_bytes`].
const HEAD: TableDefinition<'static, &str, &[u8]> = TableDefinition::new("store_head");
const HEAD_KEY: &str = "head";

fn backend(error: impl std::fmt::Display) -> StoreError {
    StoreError::Backend {
        backend: "redb",
        message: error.to_string(),
    }
}

/// A [`LightStore`] in one redb file (cargo feature `redb`, on by default).
pub struct RedbStore {
    db: Database,
}

impl std::fmt::Debug for RedbStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedbStore").finish_non_exhaustive()
    }
}

impl RedbStore {
    /// Opens the store at `path`, creating the file if needed. Read it back
    /// with [`super::open_trusted`], never by trusting it.
    ///
    /// # Errors
    /// [`StoreError::Backend`] (IO, or the file is locked by another process).
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let db = Database::create(path).map_err(backend)?;
        // Create the tables so that readers never see one missing.
        let txn = db.begin_write().map_err(backend)?;
        txn.open_table(BLOCKS).map_err(backend)?;
        txn.open_table(LINKS).map_err(backend)?;
        txn.open_table(PINS).map_err(backend)?;
        txn.open_table(HEAD).map_err(backend)?;
        txn.commit().map_err(backend)?;
        Ok(Self { db })
    }

    fn write(txn: &WriteTransaction, change: &StoreChange) -> Result<(), redb::Error> {
        let mut blocks = txn.open_table(BLOCKS)?;
        let mut links = txn.open_table(LINKS)?;
        let mut pins = txn.open_table(PINS)?;
        let mut head = txn.open_table(HEAD)?;
        if change.clears() {
            blocks.retain(|_, _| false)?;
            links.retain(|_, _| false)?;
            pins.retain(|_, _| false)?;
            head.retain(|_, _| false)?;
        }
        for (block, link) in change.puts() {
            blocks.insert(link.height, block.encode().as_slice())?;
            links.insert(link.height, link.to_bytes().as_slice())?;
        }
        for link in change.relinks() {
            links.insert(link.height, link.to_bytes().as_slice())?;
        }
        for &height in change.removes() {
            blocks.remove(height)?;
            links.remove(height)?;
        }
        for pin in change.pins() {
            pins.insert(pin.id.as_str(), pin.to_bytes().as_slice())?;
        }
        for id in change.unpins() {
            pins.remove(id.as_str())?;
        }
        if let Some(new_head) = change.head() {
            head.insert(HEAD_KEY, new_head.to_bytes().as_slice())?;
        }
        Ok(())
    }
}

impl LightStore for RedbStore {
    fn apply(&mut self, change: &StoreChange) -> Result<(), StoreError> {
        if change.is_empty() {
            return Ok(());
        }
        let txn = self.db.begin_write().map_err(backend)?;
        Self::write(&txn, change).map_err(backend)?;
        txn.commit().map_err(backend)
    }

    fn get(&self, height: u64) -> Result<Option<LightBlock>, StoreError> {
        let txn = self.db.begin_read().map_err(backend)?;
        let table = txn.open_table(BLOCKS).map_err(backend)?;
        match table.get(height).map_err(backend)? {
            Some(value) => decode_stored(height, value.value()).map(Some),
            None => Ok(None),
        }
    }

    fn head(&self) -> Result<Option<StoreHead>, StoreError> {
        let txn = self.db.begin_read().map_err(backend)?;
        let table = txn.open_table(HEAD).map_err(backend)?;
        match table.get(HEAD_KEY).map_err(backend)? {
            Some(value) => StoreHead::from_bytes(value.value()).map(Some),
            None => Ok(None),
        }
    }

    fn link(&self, height: u64) -> Result<Option<ChainLink>, StoreError> {
        let txn = self.db.begin_read().map_err(backend)?;
        let table = txn.open_table(LINKS).map_err(backend)?;
        match table.get(height).map_err(backend)? {
            Some(value) => ChainLink::from_bytes(height, value.value()).map(Some),
            None => Ok(None),
        }
    }

    fn links(&self) -> Result<Vec<ChainLink>, StoreError> {
        let txn = self.db.begin_read().map_err(backend)?;
        let table = txn.open_table(LINKS).map_err(backend)?;
        let mut links = Vec::new();
        for entry in table.iter().map_err(backend)? {
            let (key, value) = entry.map_err(backend)?;
            links.push(ChainLink::from_bytes(key.value(), value.value())?);
        }
        Ok(links)
    }

    fn pins(&self) -> Result<Vec<Pin>, StoreError> {
        let txn = self.db.begin_read().map_err(backend)?;
        let table = txn.open_table(PINS).map_err(backend)?;
        let mut pins = Vec::new();
        for entry in table.iter().map_err(backend)? {
            let (key, value) = entry.map_err(backend)?;
            pins.push(Pin::from_bytes(key.value(), value.value())?);
        }
        Ok(pins)
    }

    fn heights(&self) -> Result<Vec<u64>, StoreError> {
        let txn = self.db.begin_read().map_err(backend)?;
        let table = txn.open_table(BLOCKS).map_err(backend)?;
        let mut heights = Vec::new();
        for entry in table.iter().map_err(backend)? {
            let (key, _) = entry.map_err(backend)?;
            heights.push(key.value());
        }
        Ok(heights)
    }

    fn last_height(&self) -> Result<Option<u64>, StoreError> {
        let txn = self.db.begin_read().map_err(backend)?;
        let table = txn.open_table(BLOCKS).map_err(backend)?;
        Ok(table.last().map_err(backend)?.map(|(key, _)| key.value()))
    }
}
