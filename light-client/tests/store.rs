//! The file backends under the one conformance suite of the core
//! (`jifen_light_client_verifier::conformance`); the tamper table of ADR
//! 0017 on redb and sled (what `open_trusted` catches in constant time,
//! what only `verify_store` and checks on use catch); and the migration of
//! stores of format 1 (blocks only) written raw.
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

use jifen_light_client::{
    LightStore, Options, RedbStore, SledStore, StoreError, StoreHead, load_checked, open_trusted,
    verify_store,
};
use jifen_light_client_verifier::conformance::{self, fill};
use jifen_light_client_verifier::store::ChainLink;
use jifen_light_client_verifier::test_chain::{Chain, replaced_set, static_set};
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

/// Raw writes to a closed store's file, as an attacker or a damaged disk.
trait Backend {
    type Store: LightStore;
    fn open(path: &Path) -> Self::Store;
    fn write_block(path: &Path, height: u64, bytes: Option<&[u8]>);
    fn write_link(path: &Path, link: &ChainLink);
    fn write_head(path: &Path, head: &StoreHead);
}

struct Redb;

impl Redb {
    fn table(name: &str) -> redb::TableDefinition<'_, u64, &'static [u8]> {
        redb::TableDefinition::new(name)
    }
}

impl Backend for Redb {
    type Store = RedbStore;
    fn open(path: &Path) -> RedbStore {
        RedbStore::open(path).unwrap()
    }
    fn write_block(path: &Path, height: u64, bytes: Option<&[u8]>) {
        let db = redb::Database::create(path).unwrap();
        let txn = db.begin_write().unwrap();
        {
            let mut table = txn.open_table(Self::table("light_blocks")).unwrap();
            match bytes {
                Some(bytes) => drop(table.insert(height, bytes).unwrap()),
                None => drop(table.remove(height).unwrap()),
            }
        }
        txn.commit().unwrap();
    }
    fn write_link(path: &Path, link: &ChainLink) {
        let db = redb::Database::create(path).unwrap();
        let txn = db.begin_write().unwrap();
        txn.open_table(Self::table("chain_links"))
            .unwrap()
            .insert(link.height, link.to_bytes().as_slice())
            .unwrap();
        txn.commit().unwrap();
    }
    fn write_head(path: &Path, head: &StoreHead) {
        let table: redb::TableDefinition<'static, &str, &[u8]> =
            redb::TableDefinition::new("store_head");
        let db = redb::Database::create(path).unwrap();
        let txn = db.begin_write().unwrap();
        txn.open_table(table)
            .unwrap()
            .insert("head", head.to_bytes().as_slice())
            .unwrap();
        txn.commit().unwrap();
    }
}

struct Sled;

/// sled releases its file lock when its last handle and background flusher
/// are gone, which on a loaded machine can be a moment after the previous
/// handle was dropped: retry a busy lock for a bounded time.
fn sled_retry<T>(mut open: impl FnMut() -> Result<T, String>) -> T {
    let mut last = String::new();
    for _ in 0..250 {
        match open() {
            Ok(value) => return value,
            Err(error) if error.contains("WouldBlock") => {
                last = error;
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(error) => panic!("{error}"),
        }
    }
    panic!("sled stayed locked for 5 s: {last}");
}

impl Backend for Sled {
    type Store = SledStore;
    fn open(path: &Path) -> SledStore {
        sled_retry(|| SledStore::open(path).map_err(|e| e.to_string()))
    }
    fn write_block(path: &Path, height: u64, bytes: Option<&[u8]>) {
        let db = sled_retry(|| sled::open(path).map_err(|e| e.to_string()));
        match bytes {
            Some(bytes) => drop(db.insert(height.to_be_bytes(), bytes).unwrap()),
            None => drop(db.remove(height.to_be_bytes()).unwrap()),
        }
        db.flush().unwrap();
    }
    fn write_link(path: &Path, link: &ChainLink) {
        let db = sled::open(path).unwrap();
        let tree = db.open_tree("chain_links").unwrap();
        tree.insert(link.height.to_be_bytes(), link.to_bytes())
            .unwrap();
        db.flush().unwrap();
    }
    fn write_head(path: &Path, head: &StoreHead) {
        let db = sled::open(path).unwrap();
        let tree = db.open_tree("store_head").unwrap();
        tree.insert(b"head", head.to_bytes()).unwrap();
        db.flush().unwrap();
    }
}

fn code(result: Result<impl Sized, StoreError>) -> &'static str {
    result.map(|_| "ok").unwrap_or_else(|error| error.code())
}

/// One row: a raw change, then what open and verify-store report.
type Tamper<'a> = (&'a str, Box<dyn Fn(&Path) + 'a>, &'a str, &'a str);

fn tamper_table<B: Backend>() {
    // Members 1, 10, ..., 60: root 1, middle 30, below-latest 50, latest 60.
    let chain = Chain::new(61, 10, replaced_set);
    let checkpoint = chain.checkpoint(1);
    let options = Options::default();
    let strangers = Chain::new(61, 10, |e| replaced_set(e + 50));
    let head_with_latest = |latest: Hash32| StoreHead {
        format: 2,
        root: checkpoint,
        latest: jifen_light_client::Checkpoint {
            height: 60,
            hash: latest,
        },
        below_latest: Some(chain.checkpoint(50)),
    };
    // Rewrites block `height` and its link (and the head for the latest)
    // to match: a consistent edit of the records.
    let rewrite = |path: &Path, block: &jifen_light_client::LightBlock, below: u64| {
        let height = block.height();
        B::write_block(path, height, Some(&block.encode()));
        B::write_link(
            path,
            &ChainLink {
                height,
                hash: block.hash(),
                below: Some(below),
                pivot: false,
            },
        );
        if height == 60 {
            B::write_head(path, &head_with_latest(block.hash()));
        }
    };
    let changed = |height: u64, resign: bool| {
        let mut block = chain.block(height);
        block.header.state_root = Hash32([0xaa; 32]);
        if resign {
            chain.resign(&mut block);
        }
        block
    };
    let forged = {
        let mut block = chain.block(60);
        block.commit.signatures[1].signature = block.commit.signatures[0].signature;
        block.encode()
    };
    let cases: Vec<Tamper<'_>> = vec![
        (
            "latest: bytes that do not decode",
            Box::new(|path| B::write_block(path, 60, Some(&[1, 2, 3]))),
            "lc-store-corrupt",
            "lc-store-corrupt",
        ),
        (
            "latest: a changed field",
            Box::new(|path| B::write_block(path, 60, Some(&changed(60, false).encode()))),
            "lc-store-tampered",
            "lc-store-tampered",
        ),
        (
            "latest: a forged signature",
            Box::new(|path| B::write_block(path, 60, Some(&forged))),
            "lc-store-tampered",
            "lc-store-tampered",
        ),
        (
            "latest: strangers' block, link and head rewritten",
            Box::new(|path| rewrite(path, &strangers.block(60), 50)),
            "lc-store-broken-chain",
            "lc-store-broken-chain",
        ),
        (
            "below-latest changed",
            Box::new(|path| B::write_block(path, 50, Some(&changed(50, true).encode()))),
            "lc-store-tampered",
            "lc-store-tampered",
        ),
        (
            "root changed",
            Box::new(|path| B::write_block(path, 1, Some(&changed(1, true).encode()))),
            "lc-store-tampered",
            "lc-store-tampered",
        ),
        (
            "head names a missing block",
            Box::new(|path| B::write_block(path, 60, None)),
            "lc-store-missing",
            "lc-store-missing",
        ),
        (
            "a block above the head",
            Box::new(|path| B::write_block(path, 61, Some(&chain.block(61).encode()))),
            "lc-store-tampered",
            "lc-store-tampered",
        ),
        (
            "middle: changed and re-signed",
            Box::new(|path| B::write_block(path, 30, Some(&changed(30, true).encode()))),
            "ok",
            "lc-store-tampered",
        ),
        (
            "middle: removed",
            Box::new(|path| B::write_block(path, 30, None)),
            "ok",
            "lc-store-missing",
        ),
        (
            "middle: strangers' block, link rewritten",
            Box::new(|path| rewrite(path, &strangers.block(30), 20)),
            "ok",
            "lc-store-broken-chain",
        ),
        // Re-signed by the block's own validators with its records: a fork
        // a byzantine majority signed verifies like any block; catching it
        // is the witnesses' job (cross-checking), not the store's.
        (
            "latest: re-signed by its validators, records rewritten",
            Box::new(|path| rewrite(path, &changed(60, true), 50)),
            "ok",
            "ok",
        ),
    ];
    for (name, tamper, on_open, on_verify) in cases {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("light.store");
        let mut store = B::open(&path);
        fill(&chain, &mut store);
        drop(store);
        tamper(&path);
        let mut store = B::open(&path);
        assert_eq!(
            code(verify_store(&store, &checkpoint, &options)),
            on_verify,
            "verify-store: {name}"
        );
        assert_eq!(
            code(open_trusted(&mut store, &checkpoint, &options)),
            on_open,
            "open: {name}"
        );
        if name.starts_with("middle: changed") {
            // Not read on open, caught on use.
            assert_eq!(
                code(load_checked(&store, 30, &chain.chain_id)),
                "lc-store-tampered"
            );
        }
    }
}

#[test]
fn redb_tamper_table() {
    tamper_table::<Redb>();
}

#[test]
fn sled_tamper_table() {
    tamper_table::<Sled>();
}

/// A store written before issue 16 (blocks only) is checked in full on its
/// first open and migrated in one write; reopened, it opens from its head.
fn migration<B: Backend>() {
    let chain = Chain::new(101, 100, static_set);
    let checkpoint = chain.checkpoint(1);
    let options = Options::default();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("light.store");
    for height in 1..=100 {
        B::write_block(&path, height, Some(&chain.block(height).encode()));
    }
    let mut store = B::open(&path);
    assert_eq!(store.head().unwrap(), None, "format 1");
    let trusted = open_trusted(&mut store, &checkpoint, &options)
        .unwrap()
        .unwrap();
    assert_eq!(trusted.height(), 100);
    drop(store);
    let mut store = B::open(&path);
    let head = store.head().unwrap().unwrap();
    assert_eq!((head.format, head.latest), (2, chain.checkpoint(100)));
    let mut expected = vec![1];
    expected.extend(69..=100);
    assert_eq!(store.heights().unwrap(), expected);
    assert_eq!(
        open_trusted(&mut store, &checkpoint, &options)
            .unwrap()
            .unwrap(),
        trusted
    );
    assert_eq!(
        verify_store(&store, &checkpoint, &options)
            .unwrap()
            .unwrap()
            .members,
        33
    );
}

#[test]
fn redb_format_1_is_migrated() {
    migration::<Redb>();
}

#[test]
fn sled_format_1_is_migrated() {
    migration::<Sled>();
}
