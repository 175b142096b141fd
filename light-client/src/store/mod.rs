//! Persistent storage of verified light blocks: the core's [`LightStore`]
//! trait, [`MemoryStore`], [`load_trusted`] and [`load_stored`]
//! (`jifen_light_client_verifier::store`), and the file backends:
//! `RedbStore` (the default, cargo feature `redb`) and `SledStore` (cargo
//! feature `sled`). Both pass the core's conformance suite
//! (`jifen_light_client_verifier::conformance`, see `tests/store.rs`).
//!
//! What is read back is not trusted: [`load_trusted`] re-verifies the stored
//! chain from the user's checkpoint before it becomes a trusted state again,
//! so a tampered store is reported, not trusted.

#[cfg(feature = "redb")]
mod redb_store;
#[cfg(feature = "sled")]
mod sled_store;

pub use jifen_light_client_verifier::store::*;
#[cfg(feature = "redb")]
pub use redb_store::RedbStore;
#[cfg(feature = "sled")]
pub use sled_store::SledStore;
