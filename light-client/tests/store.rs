//! One conformance suite for every `LightStore` backend, and the tamper
//! checks of `load_trusted`.
//!
//! redb always runs; sled runs with `cargo test -p jifen-light-client
//! --features sled`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::num::NonZeroU64;
use std::path::Path;

use common::{Chain, ChainSource, replaced_set, rotating_set};
use jifen_light_client::{
    Checkpoint, FixedClock, LightStore, Options, RedbStore, Schedule, StoreError, TrustedState,
    load_trusted, sync_to,
};
use jifen_protocol::{Encode, Hash32};

/// A chain synced into `store` at epoch ends 10, 20, ..., 60 from block 1.
fn fill(chain: &Chain, store: &mut impl LightStore) -> TrustedState {
    let now = chain.time_after(60);
    let mut trusted = TrustedState::bootstrap(
        chain.block(1),
        &chain.checkpoint(1),
        &Options::default(),
        now,
    )
    .unwrap();
    store.save(&trusted).unwrap();
    sync_to(
        &mut trusted,
        60,
        Schedule::Epochs {
            length: NonZeroU64::new(10).unwrap(),
        },
        &mut ChainSource::new(chain),
        store,
        &Options::default(),
        &FixedClock(now),
    )
    .unwrap();
    trusted
}

/// The suite every backend passes. `open` opens a new empty store;
/// `reopen` closes a store and opens it again from where it keeps its data.
fn conformance<S: LightStore>(open: impl FnOnce() -> S, reopen: impl Fn(S) -> S) {
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

#[test]
fn redb_conformance() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("light.redb");
    let open = || RedbStore::open(&path).unwrap();
    conformance(open, |store| {
        drop(store);
        open()
    });
}

#[test]
fn memory_conformance() {
    // A memory store lives as long as the value: "reopening" keeps it.
    conformance(jifen_light_client::MemoryStore::new, |store| store);
}

#[cfg(feature = "sled")]
#[test]
fn sled_conformance() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("light.sled");
    let open = || jifen_light_client::SledStore::open(&path).unwrap();
    conformance(open, |store| {
        drop(store);
        open()
    });
}

/// Writes raw bytes under `height` in the redb file, as an attacker with
/// access to the disk could.
fn write_raw(path: &Path, height: u64, bytes: &[u8]) {
    let table: redb::TableDefinition<'static, u64, &[u8]> =
        redb::TableDefinition::new("light_blocks");
    let db = redb::Database::create(path).unwrap();
    let txn = db.begin_write().unwrap();
    txn.open_table(table)
        .unwrap()
        .insert(height, bytes)
        .unwrap();
    txn.commit().unwrap();
}

#[test]
fn tampered_redb_store_is_reported_not_trusted() {
    let chain = Chain::new(61, 10, rotating_set);
    let checkpoint = chain.checkpoint(1);
    let options = Options::default();
    let other = Chain::new(61, 10, |e| rotating_set(e + 50));

    let forged_signature = {
        let mut block = chain.block(40);
        block.commit.signatures[1].signature = block.commit.signatures[0].signature;
        block.encode()
    };
    let changed_root = {
        let mut block = chain.block(40);
        block.header.state_root = Hash32([0xaa; 32]);
        block.encode()
    };
    let resigned_root = {
        let mut block = chain.block(40);
        block.header.state_root = Hash32([0xaa; 32]);
        chain.resign(&mut block);
        block.encode()
    };
    let cases: [(&str, u64, Vec<u8>, &str); 6] = [
        (
            "bytes that do not decode",
            40,
            vec![1, 2, 3],
            "lc-store-corrupt",
        ),
        (
            "a block under another height",
            40,
            chain.block(41).encode(),
            "lc-store-wrong-height",
        ),
        (
            "a forged signature",
            40,
            forged_signature,
            "lc-store-tampered",
        ),
        (
            "a changed state root",
            40,
            changed_root,
            "lc-store-tampered",
        ),
        // Re-signed by the block's own validators: a fork that a byzantine
        // majority signed verifies like any block; catching it is the
        // witnesses' job (cross-checking), not the store's.
        ("a re-signed block (a fork)", 40, resigned_root, "ok"),
        (
            "a block by strangers",
            40,
            other.block(40).encode(),
            "lc-store-broken-chain",
        ),
    ];
    for (name, height, bytes, expected) in cases {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("light.redb");
        let mut store = RedbStore::open(&path).unwrap();
        fill(&chain, &mut store);
        drop(store);
        write_raw(&path, height, &bytes);
        let store = RedbStore::open(&path).unwrap();
        let got = load_trusted(&store, &checkpoint, &options)
            .map(|_| "ok")
            .unwrap_or_else(|error: StoreError| error.code());
        assert_eq!(got, expected, "{name}");
    }
}
