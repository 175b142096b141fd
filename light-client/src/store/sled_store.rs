//! The optional [`LightStore`] backend: sled 0.34 (feature `sled`).
//!
//! sled 0.34 calls itself beta; redb is the default (ARCHITECTURE.md,
//! decision 5). Keys are heights in big-endian so that sled's byte order is
//! height order.

use std::path::Path;

use jifen_protocol::Encode;

use super::{LightStore, StoreError, decode_stored};
use crate::light_block::LightBlock;
use crate::trust::TrustedState;

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

/// A [`LightStore`] in a sled database directory.
#[derive(Debug)]
pub struct SledStore {
    db: sled::Db,
}

impl SledStore {
    /// Opens (or creates) the database directory at `path`.
    ///
    /// # Errors
    /// [`StoreError::Backend`].
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Ok(Self {
            db: sled::open(path).map_err(backend)?,
        })
    }
}

impl LightStore for SledStore {
    fn save(&mut self, trusted: &TrustedState) -> Result<(), StoreError> {
        let block = trusted.light_block();
        self.db
            .insert(block.height().to_be_bytes(), block.encode())
            .map_err(backend)?;
        self.db.flush().map_err(backend)?;
        Ok(())
    }

    fn get(&self, height: u64) -> Result<Option<LightBlock>, StoreError> {
        match self.db.get(height.to_be_bytes()).map_err(backend)? {
            Some(value) => decode_stored(height, &value).map(Some),
            None => Ok(None),
        }
    }

    fn latest(&self) -> Result<Option<LightBlock>, StoreError> {
        match self.db.last().map_err(backend)? {
            Some((key, value)) => decode_stored(key_height(&key)?, &value).map(Some),
            None => Ok(None),
        }
    }

    fn remove(&mut self, height: u64) -> Result<bool, StoreError> {
        let removed = self.db.remove(height.to_be_bytes()).map_err(backend)?;
        self.db.flush().map_err(backend)?;
        Ok(removed.is_some())
    }

    fn heights(&self) -> Result<Vec<u64>, StoreError> {
        self.db
            .iter()
            .keys()
            .map(|key| key.map_err(backend).and_then(|key| key_height(&key)))
            .collect()
    }
}
