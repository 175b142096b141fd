//! Persistent storage of verified light blocks: the core's [`LightStore`]
//! trait (store format 2: blocks, chain links, pins, head, written by one
//! atomic [`StoreChange`]), [`MemoryStore`], [`plan_commit`],
//! [`open_trusted`], [`load_checked`] and [`verify_store`]
//! (`jifen_light_client_verifier::store`), and the file backends:
//! `RedbStore` (the default, cargo feature `redb`) and `SledStore` (cargo
//! feature `sled`). Both pass the core's conformance suite
//! (`jifen_light_client_verifier::conformance`, see `tests/store.rs`).
//!
//! What is read back is not trusted: [`open_trusted`] checks the head, the
//! root, the latest block and the link into it (constant time) before the
//! latest becomes a trusted state again, [`load_checked`] checks a member
//! on use, and [`verify_store`] re-verifies everything (ADR 0017).

#[cfg(feature = "redb")]
mod redb_store;
#[cfg(feature = "sled")]
mod sled_store;

pub use jifen_light_client_verifier::store::*;
#[cfg(feature = "redb")]
pub use redb_store::RedbStore;
#[cfg(feature = "sled")]
pub use sled_store::SledStore;
