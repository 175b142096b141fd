//! The file backends under the one conformance suite of the core
//! (`jifen_light_client_verifier::conformance`), and the tamper checks of
//! `load_trusted` on a redb file.
//!
//! Both backends run in every `cargo test` (the crate's dev-dependency on
//! itself turns the `sled` feature on for its tests).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use jifen_light_client::{Options, RedbStore, SledStore, StoreError, load_trusted};
use jifen_light_client_verifier::conformance::{self, fill};
use jifen_light_client_verifier::test_chain::{Chain, rotating_set};
use jifen_protocol::{Encode, Hash32};

#[test]
fn redb_conformance() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("light.redb");
    let open = || RedbStore::open(&path).unwrap();
    conformance::run(open, |store| {
        drop(store);
        open()
    });
}

#[test]
fn sled_conformance() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("light.sled");
    let open = || SledStore::open(&path).unwrap();
    conformance::run(open, |store| {
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
