//! The memory backend under the store conformance suite, and reading one
//! stored block back with `load_stored`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;

use jifen_light_client_verifier::conformance::{self, fill};
use jifen_light_client_verifier::test_chain::{Chain, replaced_set};
use jifen_light_client_verifier::{
    LightBlock, LightStore, MemoryStore, StoreError, TrustedState, load_stored, verifier,
};
use jifen_protocol::{ChainId, Hash32};

#[test]
fn memory_conformance() {
    // A memory store lives as long as the value: "reopening" keeps it.
    conformance::run(MemoryStore::new, |store| store);
}

/// `MemoryStore` with one stored block replaced, as a damaged disk would
/// hold it (stores only accept `TrustedState`s, so the test keeps its own
/// map).
#[derive(Default)]
struct RawStore(BTreeMap<u64, LightBlock>);

impl LightStore for RawStore {
    fn save(&mut self, trusted: &TrustedState) -> Result<(), StoreError> {
        self.0
            .insert(trusted.height(), trusted.light_block().clone());
        Ok(())
    }

    fn get(&self, height: u64) -> Result<Option<LightBlock>, StoreError> {
        Ok(self.0.get(&height).cloned())
    }

    fn latest(&self) -> Result<Option<LightBlock>, StoreError> {
        Ok(self.0.values().next_back().cloned())
    }

    fn remove(&mut self, height: u64) -> Result<bool, StoreError> {
        Ok(self.0.remove(&height).is_some())
    }

    fn heights(&self) -> Result<Vec<u64>, StoreError> {
        Ok(self.0.keys().copied().collect())
    }
}

#[test]
fn one_stored_block_is_rechecked_before_it_is_trusted_again() {
    let chain = Chain::new(61, 10, replaced_set);
    let mut store = RawStore::default();
    fill(&chain, &mut store);
    let state = load_stored(&store, 30, &chain.chain_id).unwrap();
    assert_eq!(state.light_block(), &chain.block(30));
    verifier::check_self_consistent(state.light_block(), &chain.chain_id).unwrap();

    assert_eq!(
        load_stored(&store, 31, &chain.chain_id).unwrap_err().code(),
        "lc-store-missing"
    );
    let other = ChainId::new("other-chain").unwrap();
    assert_eq!(
        load_stored(&store, 30, &other).unwrap_err().code(),
        "lc-store-tampered"
    );
    let mut changed = chain.block(30);
    changed.header.state_root = Hash32([0xaa; 32]);
    store.0.insert(30, changed);
    assert_eq!(
        load_stored(&store, 30, &chain.chain_id).unwrap_err().code(),
        "lc-store-tampered"
    );
}
