//! The optional [`LightStore`] backend: sled 0.34 (feature `sled`).
//!
//! sled 0.34 calls itself beta; redb is the default (ARCHITECTURE.md,
//! decision 5). Keys are heights in big-endian so that sled's byte order is
//! height order. The default tree holds the blocks (keys unchanged since
//! format 1); trees `chain_links`, `pins` and `store_head` the records.
//! [`LightStore::apply`] is one sled multi-tree transaction, then a flush.

use std::path::Path;

use jifen_protocol::Encode;
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError};

use super::{ChainLink, LightStore, Pin, StoreChange, StoreError, StoreHead, decode_stored};
use crate::light_block::LightBlock;

const HEAD_KEY: &[u8] = b"head";

fn backend(error: impl std::fmt::Display) -> StoreError {
    StoreError::Backend {
        backend: "sled",
        message: error.to_string(),
    }
}

fn key_height(key: &[u8]) -> Result<u64, StoreError> {
    let bytes: [u8; 8] = key.try_into().map_err(|_| StoreError::Backend {
        backend: "sled",
        message: format!("stored key has {} bytes, expected 8", key.len()),
    })?;
    Ok(u64::from_be_bytes(bytes))
}

fn keys(tree: &sled::Tree) -> Result<Vec<Vec<u8>>, StoreError> {
    tree.iter()
        .keys()
        .map(|key| key.map(|key| key.to_vec()).map_err(backend))
        .collect()
}

/// A [`LightStore`] in a sled database directory.
#[derive(Debug)]
pub struct SledStore {
    db: sled::Db,
    links: sled::Tree,
    pins: sled::Tree,
    head: sled::Tree,
}

impl SledStore {
    /// Opens (or creates) the database directory at `path`.
    ///
    /// # Errors
    /// [`StoreError::Backend`].
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let db = sled::open(path).map_err(backend)?;
        Ok(Self {
            links: db.open_tree("chain_links").map_err(backend)?,
            pins: db.open_tree("pins").map_err(backend)?,
            head: db.open_tree("store_head").map_err(backend)?,
            db,
        })
    }
}

impl LightStore for SledStore {
    fn apply(&mut self, change: &StoreChange) -> Result<(), StoreError> {
        if change.is_empty() {
            return Ok(());
        }
        // A transaction cannot iterate: the keys a clear removes are read
        // first (the store has one writer, the client).
        let cleared = if change.clears() {
            [
                keys(&self.db)?,
                keys(&self.links)?,
                keys(&self.pins)?,
                keys(&self.head)?,
            ]
        } else {
            Default::default()
        };
        let result: Result<(), TransactionError<()>> =
            (&*self.db, &self.links, &self.pins, &self.head).transaction(
                |(blocks, links, pins, head)| {
                    for (tree, keys) in [blocks, links, pins, head].into_iter().zip(&cleared) {
                        for key in keys {
                            tree.remove(key.as_slice())?;
                        }
                    }
                    for (block, link) in change.puts() {
                        let key = link.height.to_be_bytes().to_vec();
                        blocks.insert(key.clone(), block.encode())?;
                        links.insert(key, link.to_bytes())?;
                    }
                    for link in change.relinks() {
                        links.insert(link.height.to_be_bytes().to_vec(), link.to_bytes())?;
                    }
                    for height in change.removes() {
                        let key = height.to_be_bytes().to_vec();
                        blocks.remove(key.clone())?;
                        links.remove(key)?;
                    }
                    for pin in change.pins() {
                        pins.insert(pin.id.as_bytes().to_vec(), pin.to_bytes())?;
                    }
                    for id in change.unpins() {
                        pins.remove(id.as_bytes().to_vec())?;
                    }
                    if let Some(new_head) = change.head() {
                        head.insert(HEAD_KEY.to_vec(), new_head.to_bytes())?;
                    }
                    Ok::<(), ConflictableTransactionError<()>>(())
                },
            );
        result.map_err(|error| match error {
            TransactionError::Abort(()) => backend("transaction aborted"),
            TransactionError::Storage(error) => backend(error),
        })?;
        self.db.flush().map_err(backend)?;
        Ok(())
    }

    fn get(&self, height: u64) -> Result<Option<LightBlock>, StoreError> {
        match self.db.get(height.to_be_bytes()).map_err(backend)? {
            Some(value) => decode_stored(height, &value).map(Some),
            None => Ok(None),
        }
    }

    fn head(&self) -> Result<Option<StoreHead>, StoreError> {
        match self.head.get(HEAD_KEY).map_err(backend)? {
            Some(value) => StoreHead::from_bytes(&value).map(Some),
            None => Ok(None),
        }
    }

    fn link(&self, height: u64) -> Result<Option<ChainLink>, StoreError> {
        match self.links.get(height.to_be_bytes()).map_err(backend)? {
            Some(value) => ChainLink::from_bytes(height, &value).map(Some),
            None => Ok(None),
        }
    }

    fn links(&self) -> Result<Vec<ChainLink>, StoreError> {
        self.links
            .iter()
            .map(|entry| {
                let (key, value) = entry.map_err(backend)?;
                ChainLink::from_bytes(key_height(&key)?, &value)
            })
            .collect()
    }

    fn pins(&self) -> Result<Vec<Pin>, StoreError> {
        self.pins
            .iter()
            .map(|entry| {
                let (key, value) = entry.map_err(backend)?;
                let id = std::str::from_utf8(&key).map_err(backend)?;
                Pin::from_bytes(id, &value)
            })
            .collect()
    }

    fn heights(&self) -> Result<Vec<u64>, StoreError> {
        self.db
            .iter()
            .keys()
            .map(|key| key.map_err(backend).and_then(|key| key_height(&key)))
            .collect()
    }

    fn last_height(&self) -> Result<Option<u64>, StoreError> {
        match self.db.last().map_err(backend)? {
            Some((key, _)) => key_height(&key).map(Some),
            None => Ok(None),
        }
    }
}
