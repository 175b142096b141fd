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
use crate::store::{
    LightStore, Pin, PinKind, RetainPolicy, StoreChange, open_trusted, plan_commit, verify_store,
};
use crate::sync::sync_to;
use crate::test_chain::{Chain, ChainSource, replaced_set, static_set};
use crate::trust::{Checkpoint, FixedClock, Options, TrustedState};
use crate::verifier::{self, Verdict};

/// Syncs `chain` into `store` at epoch ends 10, 20, ..., 60 from block 1
/// (the chain needs at least 61 blocks in epochs of 10), each step appended
/// with [`LightStore::save`] (no pruning).
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

/// `trusted` moved to `chain`'s block at `height` (which must verify from
/// it).
///
/// # Panics
/// When it does not.
pub fn step(chain: &Chain, trusted: &TrustedState, height: u64) -> TrustedState {
    let mut next = trusted.clone();
    match verifier::verify_link(trusted, &chain.block(height), &Options::default()) {
        Verdict::Success(verified) => next.apply(verified),
        other => panic!("block {height} does not verify: {other:?}"),
    }
    next
}

/// Starts `store` at block 1 of `chain` (one commit) and returns its state.
///
/// # Panics
/// When the store fails.
pub fn start(chain: &Chain, store: &mut impl LightStore) -> TrustedState {
    let root = TrustedState::bootstrap(
        chain.block(1),
        &chain.checkpoint(1),
        &Options::default(),
        chain.time_after(1),
    )
    .expect("block 1 is the checkpoint");
    commit(store, std::slice::from_ref(&root), &RetainPolicy::default());
    root
}

/// Commits `path` to `store` as a client does: [`plan_commit`] and one
/// [`LightStore::apply`].
///
/// # Panics
/// When the store fails.
pub fn commit(store: &mut impl LightStore, path: &[TrustedState], policy: &RetainPolicy) {
    let change = plan_commit(store, path, policy, &Options::default()).expect("a plan");
    store.apply(&change).expect("the commit");
}

/// One-block syncs from `trusted` up to `to`, `per_commit` blocks per
/// commit, each commit planned with pruning; returns the last state.
///
/// # Panics
/// When a block does not verify or the store fails.
pub fn syncs(
    chain: &Chain,
    store: &mut impl LightStore,
    trusted: TrustedState,
    to: u64,
    per_commit: u64,
    policy: &RetainPolicy,
) -> TrustedState {
    let mut trusted = trusted;
    while trusted.height() < to {
        let last = trusted.height().saturating_add(per_commit).min(to);
        let mut path = Vec::new();
        for height in trusted.height() + 1..=last {
            let next = step(chain, path.last().unwrap_or(&trusted), height);
            path.push(next);
        }
        commit(store, &path, policy);
        trusted = path.pop().expect("a non-empty path");
    }
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

    let mut store = open();
    assert_eq!(store.heights().unwrap(), Vec::<u64>::new(), "empty heights");
    assert_eq!(store.head().unwrap(), None, "empty store has no head");
    assert_eq!(store.last_height().unwrap(), None);
    assert_eq!(store.get(1).unwrap(), None, "empty store has no block");
    assert_eq!(store.links().unwrap(), Vec::new());
    assert_eq!(store.pins().unwrap(), Vec::new());
    assert_eq!(
        open_trusted(&mut store, &checkpoint, &options).unwrap(),
        None
    );
    assert_eq!(verify_store(&store, &checkpoint, &options).unwrap(), None);

    let trusted = fill(&chain, &mut store);
    let members = vec![1, 10, 20, 30, 40, 50, 60];
    assert_eq!(store.heights().unwrap(), members);
    assert_eq!(store.get(30).unwrap(), Some(chain.block(30)), "get");
    assert_eq!(store.get(31).unwrap(), None, "unsaved height");
    assert_eq!(store.last_height().unwrap(), Some(60));
    let head = store.head().unwrap().unwrap();
    assert_eq!(
        (head.format, head.root, head.latest, head.below_latest),
        (
            2,
            checkpoint,
            chain.checkpoint(60),
            Some(chain.checkpoint(50))
        )
    );
    let links = store.links().unwrap();
    assert_eq!(
        links.iter().map(|link| link.height).collect::<Vec<_>>(),
        members
    );
    for (index, link) in links.iter().enumerate() {
        assert_eq!(link.hash, chain.block(link.height).hash());
        let below = index
            .checked_sub(1)
            .and_then(|below| members.get(below).copied());
        assert_eq!(link.below, below, "link of {}", link.height);
        assert_eq!(store.link(link.height).unwrap(), Some(*link));
    }

    // Saving the same height again changes nothing.
    store.save(&trusted).unwrap();
    assert_eq!(store.heights().unwrap().len(), 7);
    assert_eq!(store.head().unwrap(), Some(head));

    // A pin, then reopening keeps all four tables; open re-verifies.
    let pin = Pin {
        id: "evidence-30.json".to_owned(),
        kind: PinKind::Evidence,
        heights: vec![30],
    };
    store.apply(&StoreChange::pin(pin.clone())).unwrap();
    let mut store = reopen(store);
    assert_eq!(store.head().unwrap(), Some(head));
    assert_eq!(store.links().unwrap(), links);
    assert_eq!(store.pins().unwrap(), vec![pin.clone()]);
    assert_eq!(
        open_trusted(&mut store, &checkpoint, &options)
            .unwrap()
            .unwrap(),
        trusted
    );
    let audit = verify_store(&store, &checkpoint, &options)
        .unwrap()
        .unwrap();
    assert_eq!((audit.members, audit.commits_checked), (7, 7));
    assert_eq!(audit.pins, vec![pin]);

    // Another checkpoint than the one the store grew from.
    let other = Checkpoint {
        height: 1,
        hash: Hash32([1; 32]),
    };
    for error in [
        open_trusted(&mut store, &other, &options).unwrap_err(),
        verify_store(&store, &other, &options).unwrap_err(),
    ] {
        assert_eq!(error.code(), "lc-store-checkpoint-mismatch");
    }

    // Nothing can be pruned here (every set replaced): a plan with an
    // empty path marks every member outside the tail a pivot.
    let tiny = RetainPolicy {
        tail_blocks: 2,
        tail_bytes: 1 << 20,
    };
    commit(&mut store, &[], &tiny);
    assert_eq!(store.heights().unwrap(), members, "nothing dropped");
    let pivots: Vec<u64> = store
        .links()
        .unwrap()
        .iter()
        .filter(|link| link.pivot)
        .map(|link| link.height)
        .collect();
    assert_eq!(pivots, vec![10, 20, 40], "30 is pinned");

    // Unpinning releases the pin; clear empties everything.
    store
        .apply(&StoreChange::unpin("evidence-30.json"))
        .unwrap();
    assert_eq!(store.pins().unwrap(), Vec::new());
    store.apply(&StoreChange::clear()).unwrap();
    let mut store = reopen(store);
    assert_eq!(store.heights().unwrap(), Vec::<u64>::new());
    assert_eq!(store.links().unwrap(), Vec::new());
    assert_eq!(store.head().unwrap(), None);
    assert_eq!(
        open_trusted(&mut store, &checkpoint, &options).unwrap(),
        None
    );

    pruning(&mut store, &tiny);
    let store = reopen(store);
    let audit = verify_store(
        &store,
        &Chain::new(2, 10, static_set).checkpoint(1),
        &options,
    )
    .unwrap()
    .unwrap();
    assert_eq!(audit.members, 1 + 32, "root + tail after reopening");
}

/// Pruning on a stable chain: a plan with removals relinks and
/// verify-store accepts it; a pinned member survives 100 commits and goes
/// after unpin; after 1,000 one-block syncs the store is root + tail.
fn pruning<S: LightStore>(store: &mut S, tiny: &RetainPolicy) {
    let chain = Chain::new(1_101, 100, static_set);
    let checkpoint = chain.checkpoint(1);
    let options = Options::default();
    let root = start(&chain, store);

    // One path of 10 with a tail of 2: 2..=8 are dropped, 9 links to 1.
    let trusted = syncs(&chain, store, root, 10, 10, tiny);
    assert_eq!(store.heights().unwrap(), vec![1, 9, 10]);
    assert_eq!(store.link(9).unwrap().unwrap().below, Some(1), "relinked");
    assert_eq!(store.link(10).unwrap().unwrap().below, Some(9));
    let audit = verify_store(store, &checkpoint, &options).unwrap().unwrap();
    assert_eq!((audit.members, audit.pivots), (3, 0));

    // A pinned member survives 100 commits, and goes after unpin.
    let pin = Pin {
        id: "bundle-a".to_owned(),
        kind: PinKind::Bundle,
        heights: vec![9],
    };
    store.apply(&StoreChange::pin(pin)).unwrap();
    let trusted = syncs(&chain, store, trusted, 110, 1, &RetainPolicy::default());
    assert!(store.link(9).unwrap().is_some(), "pinned member kept");
    assert!(!store.link(9).unwrap().unwrap().pivot, "pinned is no pivot");
    verify_store(store, &checkpoint, &options).unwrap().unwrap();
    store.apply(&StoreChange::unpin("bundle-a")).unwrap();
    let trusted = syncs(&chain, store, trusted, 111, 1, &RetainPolicy::default());
    assert_eq!(store.link(9).unwrap(), None, "unpinned member dropped");

    // 1,000 one-block syncs in all: root + the tail of 32, whatever the
    // number of syncs.
    let trusted = syncs(&chain, store, trusted, 1_001, 1, &RetainPolicy::default());
    let mut expected = vec![1];
    expected.extend(970..=1_001);
    assert_eq!(store.heights().unwrap(), expected);
    assert_eq!(
        open_trusted(store, &checkpoint, &options).unwrap().unwrap(),
        trusted
    );
}
