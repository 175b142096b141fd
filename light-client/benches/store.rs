//! Figures for the bounded light store and constant-time resume (issue 16,
//! ADR 0017), printed as `figure:` lines (a plain bench binary:
//! `cargo bench --profile test -p jifen-light-client --bench store`).
//!
//! One redb store grows on the verifier's test chain (a stable set of 4
//! validators, blocks 1 s apart) as a wallet's does: one-block syncs, each
//! committed with `plan_commit` and one `apply` (one write transaction,
//! durable), up to 10,000 syncs; then syncs of 100 blocks up to 100,000
//! blocks ever stored (one-block syncs that far are 100,000 fsyncs; the
//! store they leave is the same: root + tail). At 10, 1,000 and 100,000
//! blocks ever stored it measures resume: opening the file and
//! `open_trusted` (median of 21), and after 10, 100, 1,000 and 10,000
//! syncs the blocks kept and the file size.
//!
//! Goals: resume flat (each within 2x of the smallest) and under 100 ms;
//! the store bounded whatever the number of syncs.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout,
    missing_docs
)]

use std::path::Path;
use std::time::{Duration, Instant};

use jifen_light_client::{LightStore, Options, RedbStore, RetainPolicy, open_trusted};
use jifen_light_client_verifier::conformance::{start, syncs};
use jifen_light_client_verifier::test_chain::{Chain, static_set};

const RUNS: usize = 21;

/// Median time to open the file and the trusted state from it.
fn resume(path: &Path, chain: &Chain) -> Duration {
    let checkpoint = chain.checkpoint(1);
    let options = Options::default();
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            let mut store = RedbStore::open(path).unwrap();
            let state = open_trusted(&mut store, &checkpoint, &options)
                .unwrap()
                .unwrap();
            let elapsed = started.elapsed();
            assert!(state.height() > 0);
            elapsed
        })
        .collect();
    times.sort_unstable();
    times[RUNS / 2]
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1_000.0
}

fn main() {
    let ever = [10u64, 1_000, 100_000];
    let sizes = [10u64, 100, 1_000, 10_000];
    let chain = Chain::new(100_001, 100, static_set);
    let policy = RetainPolicy::default();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("light.redb");

    let mut store = RedbStore::open(&path).unwrap();
    let mut trusted = start(&chain, &mut store);
    let mut resumes = Vec::new();
    let started = Instant::now();
    let mut height = 1;
    for to in ever
        .iter()
        .chain(&sizes)
        .copied()
        .collect::<std::collections::BTreeSet<_>>()
    {
        // One-block syncs up to 10,000 blocks, then syncs of 100.
        let (per_commit, syncs_made) = if to <= 10_000 {
            (1, to - 1)
        } else {
            (100, 9_999 + (to - 10_000) / 100)
        };
        trusted = syncs(&chain, &mut store, trusted, to, per_commit, &policy);
        height = to;
        if sizes.contains(&to) {
            let kept = store.heights().unwrap().len();
            drop(store);
            let bytes = std::fs::metadata(&path).unwrap().len();
            println!(
                "figure: store after {syncs_made} syncs ({to} blocks ever stored): {kept} blocks kept, file {:.1} KiB",
                bytes as f64 / 1_024.0
            );
            store = RedbStore::open(&path).unwrap();
        }
        if ever.contains(&to) {
            drop(store);
            let median = resume(&path, &chain);
            println!(
                "figure: resume with {to} verified blocks ever stored: median {:.2} ms of {RUNS}",
                ms(median)
            );
            resumes.push((to, median));
            store = RedbStore::open(&path).unwrap();
        }
    }
    assert_eq!(height, 100_000);
    let smallest = resumes.iter().map(|(_, time)| *time).min().unwrap();
    for (to, time) in &resumes {
        println!(
            "figure: resume ratio to the smallest, {to} blocks ever stored: {:.2}",
            time.as_secs_f64() / smallest.as_secs_f64()
        );
    }
    let kept = store.heights().unwrap().len();
    drop(store);
    println!(
        "figure: store after 100,000 blocks ever stored: {kept} blocks kept, file {:.1} KiB; history built in {:.0} s",
        std::fs::metadata(&path).unwrap().len() as f64 / 1_024.0,
        started.elapsed().as_secs_f64()
    );
}
