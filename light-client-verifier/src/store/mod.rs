//! Storage of verified light blocks: the [`LightStore`] trait, the
//! in-memory backend, and reading a store back without trusting it.
//!
//! [`LightStore`] is the one trait every backend implements: [`MemoryStore`]
//! here (tests, benchmarks, targets without files), and in the IO crate
//! (`jifen-light-client`) `RedbStore` (the default) and `SledStore`
//! (optional). Stores accept only a [`TrustedState`], so only verified data
//! is written. Values are [`LightBlock`] canonical encodings keyed by height
//! ([`decode_stored`] reads one back). Every backend passes the same
//! conformance suite (`crate::conformance`, cargo feature `test-support`).
//!
//! What is read back is not trusted: [`load_trusted`] re-verifies the stored
//! chain from the user's checkpoint before it becomes a [`TrustedState`]
//! again, so a tampered store is reported, not trusted.

mod memory_store;

pub use memory_store::MemoryStore;

use jifen_protocol::message::{Arg, Coded};
use jifen_protocol::{ChainId, Decode, DecodeError};

use crate::light_block::LightBlock;
use crate::trust::{Checkpoint, Options, TrustedState};
use crate::verifier::{self, PowerTally, Verdict, VerificationError};

/// Storage of verified light blocks, keyed by height.
pub trait LightStore {
    /// Writes the trusted block (replacing one at the same height), durably.
    ///
    /// # Errors
    /// [`StoreError::Backend`].
    fn save(&mut self, trusted: &TrustedState) -> Result<(), StoreError>;

    /// The block stored at `height`, as stored: decoded but not re-verified.
    ///
    /// # Errors
    /// [`StoreError::Backend`], [`StoreError::Corrupt`],
    /// [`StoreError::WrongHeight`].
    fn get(&self, height: u64) -> Result<Option<LightBlock>, StoreError>;

    /// The highest stored block, as stored.
    ///
    /// # Errors
    /// As [`LightStore::get`].
    fn latest(&self) -> Result<Option<LightBlock>, StoreError>;

    /// Removes the block at `height`; `true` if there was one.
    ///
    /// # Errors
    /// [`StoreError::Backend`].
    fn remove(&mut self, height: u64) -> Result<bool, StoreError>;

    /// Every stored height, ascending.
    ///
    /// # Errors
    /// [`StoreError::Backend`].
    fn heights(&self) -> Result<Vec<u64>, StoreError>;
}

/// Decodes a stored value and checks it is for the height it is stored
/// under (for backends: what [`LightStore::get`] returns).
///
/// # Errors
/// [`StoreError::Corrupt`], [`StoreError::WrongHeight`].
pub fn decode_stored(key: u64, bytes: &[u8]) -> Result<LightBlock, StoreError> {
    let block = LightBlock::decode(bytes).map_err(|source| StoreError::Corrupt {
        height: key,
        source,
    })?;
    if block.height() != key {
        return Err(StoreError::WrongHeight {
            key,
            got: block.height(),
        });
    }
    Ok(block)
}

/// Reads the stored chain back into a [`TrustedState`], trusting nothing the
/// store says: the lowest stored block must be the user's `checkpoint` and
/// consistent in itself with a quorum, and every higher block must verify
/// from the one below it ([`verifier::verify_link`]). Returns the state
/// at the highest block, or `None` for an empty store.
///
/// The trusting period is not applied here (old blocks verified when they
/// were new); the caller's next [`verifier::verify`] checks that the
/// returned state has not expired. Cost: one commit check per stored block.
///
/// # Errors
/// [`StoreError::CheckpointMismatch`], [`StoreError::Tampered`],
/// [`StoreError::BrokenChain`], and read errors.
pub fn load_trusted(
    store: &impl LightStore,
    checkpoint: &Checkpoint,
    options: &Options,
) -> Result<Option<TrustedState>, StoreError> {
    let heights = store.heights()?;
    let Some((&lowest, rest)) = heights.split_first() else {
        return Ok(None);
    };
    let root = store
        .get(lowest)?
        .ok_or(StoreError::Missing { height: lowest })?;
    let got = Checkpoint {
        height: root.height(),
        hash: root.hash(),
    };
    if &got != checkpoint {
        return Err(StoreError::CheckpointMismatch {
            expected: *checkpoint,
            got,
        });
    }
    let chain_id = root.header.chain_id.clone();
    let mut state =
        TrustedState::reloaded(root, &chain_id).map_err(|source| StoreError::Tampered {
            height: lowest,
            source,
        })?;
    for &height in rest {
        let block = store.get(height)?.ok_or(StoreError::Missing { height })?;
        match verifier::verify_link(&state, &block, options) {
            Verdict::Success(verified) => state.apply(verified),
            Verdict::NotEnoughTrust { tally, .. } => {
                return Err(StoreError::BrokenChain { height, tally });
            }
            Verdict::Invalid(source) => return Err(StoreError::Tampered { height, source }),
        }
    }
    Ok(Some(state))
}

/// One stored block as a [`TrustedState`] to verify from, checked again in
/// itself (hashes, commit quorum, `chain_id`): for proofs below the trusted
/// height, which verify forward from the nearest stored block. Stores hold
/// only blocks that verified when they were saved; [`load_trusted`] checked
/// the whole chain when the store was opened.
///
/// # Errors
/// [`StoreError::Missing`] when nothing is stored at `height`,
/// [`StoreError::Tampered`] when the block does not check, and read errors.
pub fn load_stored(
    store: &impl LightStore,
    height: u64,
    chain_id: &ChainId,
) -> Result<TrustedState, StoreError> {
    let block = store.get(height)?.ok_or(StoreError::Missing { height })?;
    TrustedState::reloaded(block, chain_id)
        .map_err(|source| StoreError::Tampered { height, source })
}

/// Why a store cannot be used.
///
/// Codes: `lc-store-backend`, `lc-store-corrupt`, `lc-store-wrong-height`,
/// `lc-store-missing`, `lc-store-checkpoint-mismatch`, `lc-store-tampered`,
/// `lc-store-broken-chain`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database failed (IO, lock, corruption it detected itself).
    #[error("{backend} store failed: {message}")]
    Backend {
        /// `redb` or `sled`.
        backend: &'static str,
        /// The backend's own message.
        message: String,
    },
    /// A stored value does not decode as a light block.
    #[error("stored block at height {height} does not decode: {source}")]
    Corrupt {
        /// Its key.
        height: u64,
        /// The decoding error.
        source: DecodeError,
    },
    /// A stored block is under another height's key.
    #[error("block stored under height {key} has height {got}")]
    WrongHeight {
        /// The key.
        key: u64,
        /// The block's height.
        got: u64,
    },
    /// A listed height has no block (changed while reading).
    #[error("stored block at height {height} disappeared while reading")]
    Missing {
        /// The height.
        height: u64,
    },
    /// The lowest stored block is not the user's checkpoint.
    #[error(
        "lowest stored block is {} at height {}, checkpoint names {} at height {}",
        got.hash,
        got.height,
        expected.hash,
        expected.height
    )]
    CheckpointMismatch {
        /// The user's checkpoint.
        expected: Checkpoint,
        /// The lowest stored block.
        got: Checkpoint,
    },
    /// A stored block fails verification: the store was changed.
    #[error("stored block at height {height} fails verification: {source}")]
    Tampered {
        /// Its height.
        height: u64,
        /// What failed.
        source: VerificationError,
    },
    /// A stored block does not follow from the one below it (for example
    /// after the blocks that linked them were removed).
    #[error(
        "stored block at height {height} does not follow from the block below it ({} of {} trusted power signed)",
        tally.signed_power,
        tally.total_power
    )]
    BrokenChain {
        /// Its height.
        height: u64,
        /// Trusted power that signed it.
        tally: PowerTally,
    },
}

impl StoreError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Backend { .. } => "lc-store-backend",
            Self::Corrupt { .. } => "lc-store-corrupt",
            Self::WrongHeight { .. } => "lc-store-wrong-height",
            Self::Missing { .. } => "lc-store-missing",
            Self::CheckpointMismatch { .. } => "lc-store-checkpoint-mismatch",
            Self::Tampered { .. } => "lc-store-tampered",
            Self::BrokenChain { .. } => "lc-store-broken-chain",
        }
    }
}

impl Coded for StoreError {
    fn code(&self) -> &'static str {
        StoreError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        let args = match self {
            Self::Backend { backend, message } => {
                vec![("backend", (*backend).into()), ("reason", message.into())]
            }
            Self::Corrupt { height, source } => vec![
                ("height", (*height).into()),
                ("reason", source.to_string().into()),
            ],
            Self::WrongHeight { key, got } => {
                vec![("height", (*key).into()), ("got", (*got).into())]
            }
            Self::Missing { height } => vec![("height", (*height).into())],
            Self::CheckpointMismatch { expected, got } => vec![
                ("expected", expected.to_string().into()),
                ("got", got.to_string().into()),
            ],
            Self::Tampered { height, source } => vec![
                ("height", (*height).into()),
                ("reason", source.code().into()),
            ],
            Self::BrokenChain { height, tally } => vec![
                ("height", (*height).into()),
                ("signed", tally.signed_power.into()),
                ("total", tally.total_power.into()),
            ],
        };
        crate::with_detail(args, self)
    }
}
