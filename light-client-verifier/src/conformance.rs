//! The conformance suite every [`LightStore`] backend passes (cargo feature
//! `test-support`), as bdk_wallet's `persist_test_utils`: one set of checks,
//! run by this crate on [`crate::MemoryStore`] and by the IO crate on its
//! redb and sled stores.
//!
//! ```
//! use jifen_light_client_verifier::{MemoryStore, conformance};
//!
//! // A memory store lives as long as the value: "reopening" keeps it.
//! conformance::run(MemoryStore::new, |store| store);
//! ```
//!
//! A failed check panics, like a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::num::NonZeroU64;

use jifen_protocol::Hash32;

use crate::scheduler::Schedule;
use crate::store::{LightStore, load_trusted};
use crate::sync::sync_to;
use crate::test_chain::{Chain, ChainSource, replaced_set};
use crate::trust::{Checkpoint, FixedClock, Options, TrustedState};

/// Syncs `chain` into `store` at epoch ends 10, 20, ..., 60 from block 1
/// (the chain needs at least 61 blocks in epochs of 10).
///
/// # Panics
/// When a step fails.
pub fn fill(chain: &Chain, store: &mut impl LightStore) -> TrustedState {
    let now = chain.time_after(60);
    let mut trusted = TrustedState::bootstrap(
        chain.block(1),
        &chain.checkpoint(1),
        &Options::default(),
        now,
    )
    .expect("block 1 is the checkpoint");
    store.save(&trusted).expect("saving the root");
    sync_to(
        &mut trusted,
        60,
        Schedule::Skipping {
            epoch_length: NonZeroU64::new(10).expect("a non-zero epoch length"),
        },
        &mut ChainSource::new(chain),
        store,
        &Options::default(),
        &FixedClock(now),
    )
    .expect("the test chain syncs");
    trusted
}

/// Runs the suite. `open` opens a new empty store; `reopen` closes a store
/// and opens it again from where it keeps its data.
///
/// # Panics
/// When the store does not behave as [`LightStore`] requires.
pub fn run<S: LightStore>(open: impl FnOnce() -> S, reopen: impl Fn(S) -> S) {
    // The whole set is replaced each epoch, so only epoch ends link epochs.
    let chain = Chain::new(61, 10, replaced_set);
    let checkpoint = chain.checkpoint(1);
    let options = Options::default();

    let store = open();
    assert_eq!(
        store.heights().unwrap(),
        Vec::<u64>::new(),
        "empty store lists nothing"
    );
    assert_eq!(store.latest().unwrap(), None, "empty store has no latest");
    assert_eq!(store.get(1).unwrap(), None, "empty store has no block");
    assert_eq!(load_trusted(&store, &checkpoint, &options).unwrap(), None);

    let mut store = store;
    let trusted = fill(&chain, &mut store);
    assert_eq!(store.heights().unwrap(), vec![1, 10, 20, 30, 40, 50, 60]);
    assert_eq!(
        store.get(30).unwrap(),
        Some(chain.block(30)),
        "get returns what was saved"
    );
    assert_eq!(store.get(31).unwrap(), None, "unsaved height");
    assert_eq!(store.latest().unwrap(), Some(chain.block(60)));

    // Saving the same height again replaces it (idempotent for one block).
    store.save(&trusted).unwrap();
    assert_eq!(store.heights().unwrap().len(), 7);

    // Reopening keeps everything, and the chain re-verifies from the checkpoint.
    let mut store = reopen(store);
    let reloaded = load_trusted(&store, &checkpoint, &options)
        .unwrap()
        .unwrap();
    assert_eq!(reloaded, trusted);

    // Another checkpoint than the one the store grew from.
    let other = Checkpoint {
        height: 1,
        hash: Hash32([1; 32]),
    };
    assert_eq!(
        load_trusted(&store, &other, &options).unwrap_err().code(),
        "lc-store-checkpoint-mismatch"
    );

    // Removing the latest moves it down; removing twice reports nothing.
    assert!(store.remove(60).unwrap());
    assert!(!store.remove(60).unwrap());
    assert_eq!(store.latest().unwrap().unwrap().height(), 50);
    assert_eq!(
        load_trusted(&store, &checkpoint, &options)
            .unwrap()
            .unwrap()
            .height(),
        50
    );

    // Removing a link of the chain: what is left does not follow.
    assert!(store.remove(20).unwrap());
    let error = load_trusted(&store, &checkpoint, &options).unwrap_err();
    assert_eq!(error.code(), "lc-store-broken-chain", "{error}");
}
