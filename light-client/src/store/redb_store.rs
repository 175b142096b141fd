//! The default [`LightStore`] backend: redb (ACID, crash-safe).

use std::path::Path;

use jifen_protocol::Encode;
use redb::{Database, ReadableDatabase, ReadableTable, TableDefinition};

use super::{LightStore, StoreError, decode_stored};
use crate::light_block::LightBlock;
use crate::trust::TrustedState;

/// Height -> canonical [`LightBlock`] encoding.
const BLOCKS: TableDefinition<'static, u64, &[u8]> = TableDefinition::new("light_blocks");

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
    /// with [`super::load_trusted`], never by trusting it.
    ///
    /// # Errors
    /// [`StoreError::Backend`] (IO, or the file is locked by another process).
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let db = Database::create(path).map_err(backend)?;
        // Create the table so that readers never see it missing.
        let txn = db.begin_write().map_err(backend)?;
        txn.open_table(BLOCKS).map_err(backend)?;
        txn.commit().map_err(backend)?;
        Ok(Self { db })
    }
}

impl LightStore for RedbStore {
    fn save(&mut self, trusted: &TrustedState) -> Result<(), StoreError> {
        let block = trusted.light_block();
        let bytes = block.encode();
        let txn = self.db.begin_write().map_err(backend)?;
        {
            let mut table = txn.open_table(BLOCKS).map_err(backend)?;
            table
                .insert(block.height(), bytes.as_slice())
                .map_err(backend)?;
        }
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

    fn latest(&self) -> Result<Option<LightBlock>, StoreError> {
        let txn = self.db.begin_read().map_err(backend)?;
        let table = txn.open_table(BLOCKS).map_err(backend)?;
        match table.last().map_err(backend)? {
            Some((key, value)) => decode_stored(key.value(), value.value()).map(Some),
            None => Ok(None),
        }
    }

    fn remove(&mut self, height: u64) -> Result<bool, StoreError> {
        let txn = self.db.begin_write().map_err(backend)?;
        let removed = {
            let mut table = txn.open_table(BLOCKS).map_err(backend)?;
            table.remove(height).map_err(backend)?.is_some()
        };
        txn.commit().map_err(backend)?;
        Ok(removed)
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
}
