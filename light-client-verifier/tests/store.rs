//! The memory backend under the store conformance suite; reading one
//! stored block back (`load_stored`, `load_checked`); migration of a store
//! of format 1; and a counting store showing that `open_trusted` reads the
//! same few records whatever the history.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::cell::Cell;

use jifen_light_client_verifier::conformance::{self, fill, start, syncs};
use jifen_light_client_verifier::store::ChainLink;
use jifen_light_client_verifier::test_chain::{
    Chain, SetSpec, replaced_set, rotating_set, static_set,
};
use jifen_light_client_verifier::{
    LightBlock, LightStore, MemoryStore, Options, Pin, RetainPolicy, StoreChange, StoreError,
    StoreHead, load_checked, load_stored, open_trusted, verifier, verify_store,
};
use jifen_protocol::{ChainId, Encode, Hash32};

#[test]
fn memory_conformance() {
    // A memory store lives as long as the value: "reopening" keeps it.
    conformance::run(MemoryStore::new, |store| store);
}

#[test]
fn one_stored_block_is_rechecked_before_it_is_trusted_again() {
    let chain = Chain::new(61, 10, replaced_set);
    let mut store = MemoryStore::new();
    fill(&chain, &mut store);
    for state in [
        load_stored(&store, 30, &chain.chain_id).unwrap(),
        load_checked(&store, 30, &chain.chain_id).unwrap(),
    ] {
        assert_eq!(state.light_block(), &chain.block(30));
        verifier::check_self_consistent(state.light_block(), &chain.chain_id).unwrap();
    }
    for error in [
        load_stored(&store, 31, &chain.chain_id).unwrap_err(),
        load_checked(&store, 31, &chain.chain_id).unwrap_err(),
    ] {
        assert_eq!(error.code(), "lc-store-missing");
    }
    let other = ChainId::new("other-chain").unwrap();
    assert_eq!(
        load_checked(&store, 30, &other).unwrap_err().code(),
        "lc-store-tampered"
    );
    // A changed block, re-signed by its own validators: consistent in
    // itself, so only its link (the hash written when it was verified)
    // tells.
    let mut changed = chain.block(30);
    changed.header.state_root = Hash32([0xaa; 32]);
    chain.resign(&mut changed);
    store.raw_mut().0.insert(30, changed.encode());
    assert!(load_stored(&store, 30, &chain.chain_id).is_ok());
    let error = load_checked(&store, 30, &chain.chain_id).unwrap_err();
    assert_eq!(error.code(), "lc-store-tampered", "{error}");
}

/// A store of format 1 (blocks only, as before issue 16) is checked in full
/// once and migrated: links, head, pruning; later opens are constant time.
#[test]
fn a_format_1_store_is_migrated_on_first_open() {
    let chain = Chain::new(101, 10, static_set);
    let options = Options::default();
    let checkpoint = chain.checkpoint(1);
    let mut store = MemoryStore::new();
    for height in 1..=100 {
        store
            .raw_mut()
            .0
            .insert(height, chain.block(height).encode());
    }
    assert_eq!(store.head().unwrap(), None);
    let trusted = open_trusted(&mut store, &checkpoint, &options)
        .unwrap()
        .unwrap();
    assert_eq!(trusted.light_block(), &chain.block(100));
    let mut expected = vec![1];
    expected.extend(69..=100);
    assert_eq!(store.heights().unwrap(), expected, "root + tail of 32");
    let head = store.head().unwrap().unwrap();
    assert_eq!(head.latest, chain.checkpoint(100));
    let audit = verify_store(&store, &checkpoint, &options)
        .unwrap()
        .unwrap();
    assert_eq!(audit.members, 33);

    // A format-1 store from another root is refused as before.
    let mut other = MemoryStore::new();
    other.raw_mut().0.insert(5, chain.block(5).encode());
    assert_eq!(
        open_trusted(&mut other, &checkpoint, &options)
            .unwrap_err()
            .code(),
        "lc-store-checkpoint-mismatch"
    );

    // A head of a newer format is refused, not rewritten.
    let mut bytes = head.to_bytes();
    bytes[..4].copy_from_slice(&3u32.to_be_bytes());
    *store.raw_mut().2 = Some(bytes);
    let error = open_trusted(&mut store, &checkpoint, &options).unwrap_err();
    assert_eq!(error.code(), "lc-store-format");
    assert!(matches!(error, StoreError::Format { found: 3, .. }));
}

/// A store that counts what is read from it.
struct Counting {
    inner: MemoryStore,
    gets: Cell<usize>,
    scans: Cell<usize>,
}

impl LightStore for Counting {
    fn apply(&mut self, change: &StoreChange) -> Result<(), StoreError> {
        self.inner.apply(change)
    }
    fn get(&self, height: u64) -> Result<Option<LightBlock>, StoreError> {
        self.gets.set(self.gets.get() + 1);
        self.inner.get(height)
    }
    fn head(&self) -> Result<Option<StoreHead>, StoreError> {
        self.inner.head()
    }
    fn link(&self, height: u64) -> Result<Option<ChainLink>, StoreError> {
        self.inner.link(height)
    }
    fn links(&self) -> Result<Vec<ChainLink>, StoreError> {
        self.scans.set(self.scans.get() + 1);
        self.inner.links()
    }
    fn pins(&self) -> Result<Vec<Pin>, StoreError> {
        self.scans.set(self.scans.get() + 1);
        self.inner.pins()
    }
    fn heights(&self) -> Result<Vec<u64>, StoreError> {
        self.scans.set(self.scans.get() + 1);
        self.inner.heights()
    }
    fn last_height(&self) -> Result<Option<u64>, StoreError> {
        self.inner.last_height()
    }
}

/// Open reads at most 4 blocks and scans nothing, for a chain of 10
/// members and one of 10,000 (every member kept: a tail as long as the
/// chain).
#[test]
fn open_reads_a_constant_number_of_blocks() {
    let options = Options::default();
    for members in [10u64, 10_000] {
        let chain = Chain::new(members + 1, 100, static_set);
        let keep_all = RetainPolicy {
            tail_blocks: usize::MAX,
            tail_bytes: u64::MAX,
        };
        let mut store = Counting {
            inner: MemoryStore::new(),
            gets: Cell::new(0),
            scans: Cell::new(0),
        };
        let root = start(&chain, &mut store.inner);
        let trusted = syncs(&chain, &mut store.inner, root, members, 1_000, &keep_all);
        assert_eq!(store.inner.heights().unwrap().len() as u64, members);
        let opened = open_trusted(&mut store, &chain.checkpoint(1), &options)
            .unwrap()
            .unwrap();
        assert_eq!(opened, trusted);
        assert!(
            store.gets.get() <= 4,
            "{members}: {} gets",
            store.gets.get()
        );
        assert_eq!(store.scans.get(), 0, "{members}: no scan");
    }
}

/// Every plan leaves a store that `verify_store` accepts: random set
/// patterns (stable, rotating, replaced; random epoch lengths), random
/// tails and random syncs, checked after every commit.
#[test]
fn verify_store_accepts_every_plan() {
    let specs: [SetSpec; 3] = [static_set, rotating_set, replaced_set];
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = |modulo: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % modulo
    };
    let options = Options::default();
    for _ in 0..20 {
        let spec = specs[next(3) as usize];
        let chain = Chain::new(121, 1 + next(12), spec);
        let policy = RetainPolicy {
            tail_blocks: 2 + next(6) as usize,
            tail_bytes: 1 << 20,
        };
        let mut store = MemoryStore::new();
        let mut trusted = start(&chain, &mut store);
        while trusted.height() < 120 {
            let to = (trusted.height() + 1 + next(9)).min(120);
            let per_commit = 1 + next(3);
            trusted = syncs(&chain, &mut store, trusted, to, per_commit, &policy);
            let audit = verify_store(&store, &chain.checkpoint(1), &options)
                .unwrap()
                .unwrap();
            assert_eq!(audit.latest, trusted.checkpoint());
            let kept = audit.members - audit.pivots;
            assert!(kept <= 1 + policy.tail_blocks, "{audit:?}");
        }
    }
}
