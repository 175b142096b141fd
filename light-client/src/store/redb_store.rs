//! The default [`LightStore`] backend: redb (ACID, crash-safe). Four
//! tables: `light_blocks` (height -> block, unchanged since format 1),
//! `chain_links` (height -> 42-byte link), `pins` (id -> pin) and
//! `store_head` ("head" -> head). [`LightStore::apply`] is one write
//! transaction: a crash leaves the store as before or after.
//!
//! A new store file is created whole: initialized under a temporary name
//! and renamed into place (under `<file>.lock`), because redb initializes
//! a file in place and a process killed meanwhile left a file no later
//! open could read ("not a redb database"), found by the crash-kill cycles
//! of `tests/store_crash.rs`.

use std::path::Path;
use std::time::Duration;

use jifen_files::{FileError, Lock, TempFile, lock_path, remove_leftover_temps};

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

/// How long an open waits for another process creating the same store.
const CREATE_LOCK_WAIT: Duration = Duration::from_secs(5);

fn file_error(error: FileError) -> StoreError {
    match error {
        FileError::Locked { .. } => StoreError::Locked { backend: "redb" },
        other => backend(other),
    }
}

/// Whether `path` holds no store yet: missing, or an empty file (the
/// wallet creates the file empty with mode 0600 before the first open).
fn needs_creation(path: &Path) -> Result<bool, StoreError> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) => Ok(meta.is_file() && meta.len() == 0),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(true),
        Err(e) => Err(backend(e)),
    }
}

/// Whether redb's error says the file is not a database it can read
/// (rather than that reading failed).
fn unreadable(error: &redb::StorageError) -> bool {
    match error {
        redb::StorageError::Corrupted(_) => true,
        redb::StorageError::Io(io) => io.kind() == std::io::ErrorKind::InvalidData,
        _ => false,
    }
}

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
    /// [`StoreError::Locked`] when another process has the file open
    /// (redb's own lock on the file: one process at a time);
    /// [`StoreError::Unreadable`] for a file that is not a redb database
    /// (damaged, foreign, or half-created by an older version);
    /// [`StoreError::Backend`] (IO, a file redb cannot read).
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Self::create_whole(path)?;
        let db = Database::create(path).map_err(|e| match e {
            redb::DatabaseError::DatabaseAlreadyOpen => StoreError::Locked { backend: "redb" },
            redb::DatabaseError::Storage(
                storage @ (redb::StorageError::Corrupted(_) | redb::StorageError::Io(_)),
            ) if unreadable(&storage) => StoreError::Unreadable {
                backend: "redb",
                message: storage.to_string(),
            },
            other => backend(other),
        })?;
        Self::create_tables(&db)?;
        Ok(Self { db })
    }

    /// Creates the tables so that readers never see one missing.
    fn create_tables(db: &Database) -> Result<(), StoreError> {
        let txn = db.begin_write().map_err(backend)?;
        txn.open_table(BLOCKS).map_err(backend)?;
        txn.open_table(LINKS).map_err(backend)?;
        txn.open_table(PINS).map_err(backend)?;
        txn.open_table(HEAD).map_err(backend)?;
        txn.commit().map_err(backend)
    }

    /// If `path` holds no store yet, creates an empty one (mode 0600)
    /// under a temporary name and renames it into place, under
    /// `<path>.lock` so that two processes creating it at once do not
    /// replace each other's; a killed creation leaves only a temporary
    /// file, removed by the next one.
    fn create_whole(path: &Path) -> Result<(), StoreError> {
        if !needs_creation(path)? {
            return Ok(());
        }
        let _lock = Lock::acquire_within(lock_path(path), CREATE_LOCK_WAIT).map_err(file_error)?;
        if !needs_creation(path)? {
            return Ok(());
        }
        remove_leftover_temps(path).map_err(file_error)?;
        let temp = TempFile::beside(path).map_err(file_error)?;
        {
            let db = Database::create(temp.path()).map_err(backend)?;
            Self::create_tables(&db)?;
        }
        temp.persist().map_err(file_error)
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
