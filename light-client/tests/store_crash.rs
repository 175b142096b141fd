//! Crash-kill cycles of the light store (`RedbStore`, the wallet's
//! `light.redb`): a child process verifies blocks of a fixture chain and
//! commits them as a syncing client does (`plan_commit` with pruning, one
//! `apply` per commit), printing `committed <height>` after each commit
//! returned; it is SIGKILLed at a random moment. Afterwards the store
//! opens, `open_trusted` (the check every open runs) and `verify_store`
//! (everything) pass, and the trusted height is at least the last one the
//! child acknowledged. Every tenth round, and when the chain's end is
//! near, the store is deleted so that kills also land while a new store
//! file is being created.
//!
//! And two processes on one store: the second is refused with
//! `lc-store-locked` (redb's lock on the file) while the first holds it.
//!
//! Rounds: `JIFEN_CRASH_ROUNDS` (default 60; the long run in
//! `docs/benchmarks.md#crash-kill-cycles` uses 1,000); `JIFEN_CRASH_SEED`
//! repeats a run.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout
)]
#![cfg(unix)]

use std::time::Duration;

use jifen_light_client::{
    LightStore, Options, RedbStore, RetainPolicy, open_trusted, verify_store,
};
use jifen_light_client_verifier::conformance::{commit, start, step};
use jifen_light_client_verifier::test_chain::{Chain, static_set};
use jifen_testenv::DEADLINE;
use jifen_testenv::crash::{Cycle, child_path, last_ack};

const ROUNDS: u32 = 60;
const MAX_DELAY_MS: u64 = 60;
/// Kill delays of a round that creates the store: short, so that kills
/// land while the file is being created.
const MAX_DELAY_FRESH_MS: u64 = 4;
/// Blocks of the fixture chain; the store starts again near its end.
const LENGTH: u64 = 400;
/// The child's line once it runs (before it opens the store).
const READY: &str = "store-child-ready";
/// `committed <height>` after each commit returned.
const ACK: &str = "committed";
/// A small tail so that commits prune (removals and relinks, as in a long sync).
const POLICY: RetainPolicy = RetainPolicy {
    tail_blocks: 8,
    tail_bytes: 8 << 20,
};
/// Every this many rounds, the store is deleted first.
const FRESH_EVERY: u32 = 10;

fn chain() -> Chain {
    Chain::new(LENGTH, 100, static_set)
}

#[test]
fn sigkill_during_light_store_commits_never_loses_a_verified_height() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("light.redb");
    let checkpoint = chain().checkpoint(1);
    let options = Options::default();
    let mut cycle = Cycle::new("light-store crash-kill", ROUNDS);
    let (mut fresh, mut fresh_empty, mut at_ack, mut ahead) = (0u32, 0u32, 0u32, 0u32);
    let mut highest = 0u64;
    let mut acked_total = 0u64;
    let mut mid_create = 0u32;

    for round in 0..cycle.rounds {
        if round % FRESH_EVERY == 0 {
            let _ = std::fs::remove_file(&path);
        }
        // A new store: the child creates the file (kills may land mid-creation).
        let fresh_round = !path.exists();
        if fresh_round {
            fresh += 1;
        }
        let max_delay = if fresh_round {
            MAX_DELAY_FRESH_MS
        } else {
            MAX_DELAY_MS
        };
        let mut command = Cycle::child_command("child_commits", &path);
        let killed = cycle.kill_at_random(round, &mut command, READY, max_delay);
        let acked = last_ack(&killed.stdout, ACK);
        if !jifen_files::leftover_temps(&path).unwrap().is_empty() {
            mid_create += 1; // killed while creating the store under its temporary name
        }

        let mut store = RedbStore::open(&path)
            .unwrap_or_else(|e| panic!("round {round}: the store does not open: {e}"));
        let trusted = open_trusted(&mut store, &checkpoint, &options)
            .unwrap_or_else(|e| panic!("round {round}: open_trusted refuses the store: {e}"));
        let audit = verify_store(&store, &checkpoint, &options)
            .unwrap_or_else(|e| panic!("round {round}: verify_store refuses the store: {e}"));
        let height = trusted.as_ref().map_or(0, |state| state.height());
        assert_eq!(
            audit.map(|a| a.latest.height),
            trusted.as_ref().map(|state| state.height()),
            "round {round}: the two checks disagree"
        );
        match acked {
            Some(acked) => {
                assert!(
                    height >= acked,
                    "round {round}: the child acknowledged height {acked}, the store trusts {height}"
                );
                acked_total += 1;
                if height == acked {
                    at_ack += 1;
                } else {
                    ahead += 1;
                }
            }
            None if fresh_round && height == 0 => fresh_empty += 1,
            None => {}
        }
        highest = highest.max(height);
        // Room for the next round's commits, else start again.
        if height + 100 > LENGTH {
            drop(store);
            std::fs::remove_file(&path).unwrap();
        }
    }
    println!(
        "light-store crash-kill: seed {}, {} rounds, {} kills in {:.1?}: every store opened \
         and verified; {acked_total} rounds had an acknowledged commit: {at_ack} at it, \
         {ahead} ahead of it (committed, not yet acknowledged); {fresh} rounds created the \
         store, {fresh_empty} of them killed before the first commit, {mid_create} while the new \
         file was being initialized (a temporary file left); highest height {highest}",
        cycle.seed,
        cycle.rounds,
        cycle.kills,
        cycle.elapsed()
    );
}

/// The child: open (or create) the store, trust what it holds, and commit
/// the next blocks of the chain, one to three per commit, until killed.
#[test]
#[ignore = "run by sigkill_during_light_store_commits_never_loses_a_verified_height as a child"]
fn child_commits() {
    let Some(path) = child_path() else {
        println!("child_commits only runs as the crash test's child");
        return;
    };
    let chain = chain();
    println!("{READY}");
    let mut store = RedbStore::open(&path).unwrap();
    let options = Options::default();
    let mut trusted = match open_trusted(&mut store, &chain.checkpoint(1), &options).unwrap() {
        Some(trusted) => trusted,
        None => {
            let root = start(&chain, &mut store);
            println!("{ACK} 1");
            root
        }
    };
    let mut per_commit = 1;
    while trusted.height() < LENGTH {
        let last = (trusted.height() + per_commit).min(LENGTH);
        let mut path = Vec::new();
        for height in trusted.height() + 1..=last {
            path.push(step(&chain, path.last().unwrap_or(&trusted), height));
        }
        commit(&mut store, &path, &POLICY);
        trusted = path.pop().unwrap();
        println!("{ACK} {}", trusted.height());
        per_commit = per_commit % 3 + 1;
    }
    // The end of the chain: wait for the kill (the parent asserts it came).
    std::thread::sleep(DEADLINE);
}

/// Two processes syncing one network: the second cannot open the store
/// while the first has it, with its own error (`lc-store-locked`), and can
/// once the first is gone (killed: redb's lock dies with the process).
#[test]
fn a_second_process_on_the_light_store_is_refused_with_lc_store_locked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("light.redb");
    let mut holder = jifen_testenv::process::Spawned::spawn(&mut Cycle::child_command(
        "child_holds_the_store",
        &path,
    ))
    .unwrap();
    holder.wait_for_line(HOLDING, DEADLINE).unwrap();
    let refused = RedbStore::open(&path).unwrap_err();
    assert_eq!(refused.code(), "lc-store-locked", "{refused}");
    holder.kill().unwrap();
    let mut store = RedbStore::open(&path).unwrap();
    let checkpoint = chain().checkpoint(1);
    let trusted = open_trusted(&mut store, &checkpoint, &Options::default()).unwrap();
    assert_eq!(trusted.map(|t| t.height()), Some(1));
}

const HOLDING: &str = "holding-the-store";

/// The child of the lock test: holds the store with its root committed.
#[test]
#[ignore = "run by a_second_process_on_the_light_store_is_refused_with_lc_store_locked"]
fn child_holds_the_store() {
    let Some(path) = child_path() else {
        return;
    };
    let mut store = RedbStore::open(&path).unwrap();
    start(&chain(), &mut store);
    assert!(store.head().unwrap().is_some());
    println!("{HOLDING}");
    std::thread::sleep(DEADLINE + Duration::from_secs(1));
}

/// What a creation killed under the old code and under the new one leaves:
/// a new store is initialized under a temporary name and renamed into
/// place, so a kill leaves the name free (or the wallet's empty 0600
/// placeholder) plus a temporary file, and the next open creates the store
/// and removes the leftover.
#[test]
fn a_killed_store_creation_leaves_nothing_an_open_cannot_use() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("light.redb");
    let leftover = dir.path().join(".light.redb.4242.0.tmp");
    std::fs::write(&leftover, b"half a redb header").unwrap();
    // The wallet's placeholder: created empty before the first open.
    std::fs::write(&path, b"").unwrap();
    let mut store = RedbStore::open(&path).unwrap();
    assert!(!leftover.exists(), "the killed creation's file is removed");
    let checkpoint = chain().checkpoint(1);
    assert!(
        open_trusted(&mut store, &checkpoint, &Options::default())
            .unwrap()
            .is_none()
    );
    start(&chain(), &mut store);
    drop(store);
    assert!(std::fs::metadata(&path).unwrap().len() > 0);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let mut store = RedbStore::open(&path).unwrap();
    let trusted = open_trusted(&mut store, &checkpoint, &Options::default()).unwrap();
    assert_eq!(trusted.map(|t| t.height()), Some(1));
}

/// A file that is not a redb database (what a creation killed under the
/// old code left: part of a header; or any foreign file) is refused with
/// its own error, `lc-store-unreadable`, not the generic backend failure,
/// and is left as it is.
#[test]
fn a_file_that_is_not_a_store_is_refused_with_lc_store_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("light.redb");
    for content in [&b"redb"[..], &[0u8; 4096][..], b"not a database at all"] {
        std::fs::write(&path, content).unwrap();
        let refused = RedbStore::open(&path).unwrap_err();
        assert_eq!(refused.code(), "lc-store-unreadable", "{refused}");
        assert_eq!(std::fs::read(&path).unwrap(), content);
    }
}
