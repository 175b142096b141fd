//! Storage of verified light blocks (store format 2): the [`LightStore`]
//! trait, its records ([`StoreHead`], [`ChainLink`], [`Pin`]), the one
//! atomic write ([`StoreChange`]), what is kept ([`RetainPolicy`],
//! [`plan_commit`]), and reading a store back without trusting it
//! ([`open_trusted`], [`verify_store`], [`load_checked`]).
//!
//! Stored blocks form one chain, root = c_0 < ... < c_m = latest, each
//! member verifying from the one below it ([`crate::verifier::verify_link`]);
//! every member has a [`ChainLink`] (its hash and the member below it)
//! written with the block, and the [`StoreHead`] names the root, the latest
//! and the member below the latest. A member is pruned only when the
//! members on both sides of it still link, so the chain from the root
//! stays whole (`docs/adr/0017-bounded-light-store-and-resume.md`).
//!
//! [`LightStore`] is the one trait every backend implements: [`MemoryStore`]
//! here (tests, benchmarks, targets without files), and in the IO crate
//! (`jifen-light-client`) `RedbStore` (the default) and `SledStore`
//! (optional). Only this crate builds a [`StoreChange`], and only from
//! [`TrustedState`]s, so only verified data is written. Every backend passes
//! the same conformance suite (`crate::conformance`, feature
//! `test-support`).
//!
//! What is read back is not trusted: [`open_trusted`] checks, in time
//! independent of the history, the head, the root, the latest block and
//! the link into it; [`load_checked`] checks a member on use; and
//! [`verify_store`] re-verifies everything stored.

mod change;
mod memory_store;
mod open;
mod records;
mod retain;

pub use change::StoreChange;
pub use memory_store::MemoryStore;
#[cfg(feature = "test-support")]
pub use memory_store::RawTables;
pub use open::{StoreAudit, load_checked, load_trusted, open_trusted, verify_store};
pub use records::{ChainLink, Pin, PinKind, STORE_FORMAT, StoreHead};
pub use retain::{RetainPolicy, plan_commit};

use jifen_protocol::message::{Arg, Coded};
use jifen_protocol::{ChainId, Decode, DecodeError};

use crate::light_block::LightBlock;
use crate::trust::{Checkpoint, TrustedState};
use crate::verifier::{PowerTally, VerificationError};

/// Storage of verified light blocks and their chain records.
///
/// Writes go through [`LightStore::apply`] only: one [`StoreChange`]
/// (blocks, links, removals, pins, head) is applied atomically and durably,
/// so a crash leaves the store as it was before or after, never between.
pub trait LightStore {
    /// Applies `change` atomically and durably: all of it or nothing.
    ///
    /// # Errors
    /// [`StoreError::Backend`].
    fn apply(&mut self, change: &StoreChange) -> Result<(), StoreError>;

    /// The block stored at `height`, as stored: decoded but not re-verified.
    ///
    /// # Errors
    /// [`StoreError::Backend`], [`StoreError::Corrupt`],
    /// [`StoreError::WrongHeight`].
    fn get(&self, height: u64) -> Result<Option<LightBlock>, StoreError>;

    /// The head record (`None` for an empty store or one of format 1).
    ///
    /// # Errors
    /// [`StoreError::Backend`], [`StoreError::Corrupt`].
    fn head(&self) -> Result<Option<StoreHead>, StoreError>;

    /// The chain link of the member at `height`.
    ///
    /// # Errors
    /// [`StoreError::Backend`], [`StoreError::Corrupt`].
    fn link(&self, height: u64) -> Result<Option<ChainLink>, StoreError>;

    /// Every chain link, ascending (bounded by what the store keeps).
    ///
    /// # Errors
    /// [`StoreError::Backend`], [`StoreError::Corrupt`].
    fn links(&self) -> Result<Vec<ChainLink>, StoreError>;

    /// Every pin, by id.
    ///
    /// # Errors
    /// [`StoreError::Backend`], [`StoreError::Corrupt`].
    fn pins(&self) -> Result<Vec<Pin>, StoreError>;

    /// Every height with a stored block, ascending.
    ///
    /// # Errors
    /// [`StoreError::Backend`].
    fn heights(&self) -> Result<Vec<u64>, StoreError>;

    /// The highest height with a stored block.
    ///
    /// # Errors
    /// [`StoreError::Backend`].
    fn last_height(&self) -> Result<Option<u64>, StoreError>;

    /// Appends one trusted state above the head (no pruning): what the sync
    /// driver does after each verified step. Clients commit a whole path
    /// with pruning through [`plan_commit`] and one [`LightStore::apply`].
    ///
    /// # Errors
    /// As [`LightStore::apply`] and [`LightStore::head`].
    fn save(&mut self, trusted: &TrustedState) -> Result<(), StoreError> {
        let head = self.head()?;
        self.apply(&StoreChange::append(
            head.as_ref(),
            std::slice::from_ref(trusted),
        ))
    }
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

/// One stored block as a [`TrustedState`] to verify from, checked again in
/// itself (hashes, commit quorum, `chain_id`), without its chain link: for
/// a block whose link the caller checked (or the legacy full check).
/// Prefer [`load_checked`], which also checks the block's link.
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
/// Codes: `lc-store-backend`, `lc-store-locked`, `lc-store-unreadable`, `lc-store-corrupt`, `lc-store-wrong-height`,
/// `lc-store-missing`, `lc-store-checkpoint-mismatch`, `lc-store-tampered`,
/// `lc-store-broken-chain`, `lc-store-format`, `lc-store-unknown-pin`.
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
    /// Another process has the store open (a second jifen syncing the same
    /// network): the backend's lock refused this one, nothing was read or
    /// written.
    #[error("the {backend} store is open in another process")]
    Locked {
        /// `redb` or `sled`.
        backend: &'static str,
    },
    /// The store's file is not a database the backend can read (a foreign
    /// or damaged file, or one left half-created by an older version
    /// killed while creating it): refused, nothing in it is used.
    #[error("the {backend} store's file cannot be read: {message}")]
    Unreadable {
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
    /// A block the store's records name is not there (removed from the
    /// file, or changed while reading).
    #[error("stored block at height {height} is missing")]
    Missing {
        /// The height.
        height: u64,
    },
    /// The store's root is not the user's checkpoint.
    #[error(
        "the store's root is {} at height {}, checkpoint names {} at height {}",
        got.hash,
        got.height,
        expected.hash,
        expected.height
    )]
    CheckpointMismatch {
        /// The user's checkpoint.
        expected: Checkpoint,
        /// The store's root.
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
    /// The store was written by a newer build (a format this one does not
    /// know): it is left as it is.
    #[error("store format {found} is newer than this build's {supported}")]
    Format {
        /// The format the store's head names.
        found: u32,
        /// The newest format this build reads.
        supported: u32,
    },
    /// No pin has this id.
    #[error("no pin named {id} in the light store")]
    UnknownPin {
        /// The id asked for.
        id: String,
    },
}

impl StoreError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Backend { .. } => "lc-store-backend",
            Self::Locked { .. } => "lc-store-locked",
            Self::Unreadable { .. } => "lc-store-unreadable",
            Self::Corrupt { .. } => "lc-store-corrupt",
            Self::WrongHeight { .. } => "lc-store-wrong-height",
            Self::Missing { .. } => "lc-store-missing",
            Self::CheckpointMismatch { .. } => "lc-store-checkpoint-mismatch",
            Self::Tampered { .. } => "lc-store-tampered",
            Self::BrokenChain { .. } => "lc-store-broken-chain",
            Self::Format { .. } => "lc-store-format",
            Self::UnknownPin { .. } => "lc-store-unknown-pin",
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
            Self::Locked { backend } => vec![("backend", (*backend).into())],
            Self::Unreadable { backend, message } => {
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
            Self::Format { found, supported } => vec![
                ("found", u64::from(*found).into()),
                ("supported", u64::from(*supported).into()),
            ],
            Self::UnknownPin { id } => vec![("id", id.into())],
        };
        crate::with_detail(args, self)
    }
}
