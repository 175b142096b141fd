//! Figures for the light-client issue, printed as a table (a plain bench
//! binary: `cargo bench -p jifen-light-client --bench verification`).
//!
//! 1. Sequential verification throughput against the raw signature bound:
//!    the same commit signatures checked with `PublicKey::verify_prehash`
//!    alone, then through `verify` (hashing, set hashes, tally, predicates).
//!    Goal: ratio >= 0.85.
//! 2. Skipping sync over 100,000 blocks with a validator-set change every
//!    1,000, in memory. Goal: < 1 s and < 300 headers.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout,
    missing_docs
)]

mod shared;

use shared::raw_signatures;
use std::num::NonZeroU64;
use std::time::{Duration, Instant};

use jifen_light_client::{
    FixedClock, LightBlock, MemoryStore, Options, Schedule, TrustedState, Verdict, sync_to, verify,
};
use jifen_light_client_verifier::test_chain::{Chain, rotating_set};

fn per_second(count: usize, elapsed: Duration) -> f64 {
    count as f64 / elapsed.as_secs_f64()
}

fn sequential(first: &LightBlock, blocks: &[LightBlock], options: &Options, now: u64) -> usize {
    let checkpoint = jifen_light_client::Checkpoint {
        height: first.height(),
        hash: first.hash(),
    };
    let mut trusted = TrustedState::bootstrap(first.clone(), &checkpoint, options, now).unwrap();
    let mut checked = 0;
    for block in blocks {
        match verify(&trusted, block, options, now) {
            Verdict::Success(verified) => trusted.apply(verified),
            other => panic!("block {} did not verify: {other:?}", block.height()),
        }
        checked += block.commit.signatures.len();
    }
    checked
}

fn main() {
    let options = Options::default();
    println!("| figure | value |");
    println!("|---|---|");

    // 1. Sequential throughput vs raw signatures: 21 validators, 300 blocks.
    let chain = Chain::new(301, 50, |epoch| {
        let first = u32::try_from(epoch).unwrap() * 3 + 1;
        (first..first + 21).map(|n| (n, 10)).collect()
    });
    let now = chain.time_after(301);
    let first = chain.block(1);
    let blocks: Vec<LightBlock> = (2..=301).map(|h| chain.block(h)).collect();
    let mut best_raw = Duration::MAX;
    let mut best_seq = Duration::MAX;
    let mut signatures = 0;
    for _ in 0..5 {
        let start = Instant::now();
        signatures = raw_signatures(&blocks);
        best_raw = best_raw.min(start.elapsed());
        let start = Instant::now();
        let counted = sequential(&first, &blocks, &options, now);
        best_seq = best_seq.min(start.elapsed());
        assert_eq!(counted, signatures);
    }
    let raw = per_second(signatures, best_raw);
    let seq = per_second(signatures, best_seq);
    println!("| raw signature checks / s (21 validators, 300 blocks) | {raw:.0} |");
    println!("| sequential verify, signatures / s | {seq:.0} |");
    println!(
        "| sequential headers / s | {:.0} |",
        per_second(blocks.len(), best_seq)
    );
    println!(
        "| ratio sequential / raw (goal >= 0.85) | {:.3} |",
        seq / raw
    );

    // 2. Skipping sync over 100,000 blocks, a set change every 1,000.
    let chain = Chain::new(100_000, 1_000, rotating_set);
    let clock = FixedClock(chain.time_after(100_000));
    let mut best = Duration::MAX;
    let mut headers = 0;
    for _ in 0..3 {
        let mut trusted =
            TrustedState::bootstrap(chain.block(1), &chain.checkpoint(1), &options, clock.0)
                .unwrap();
        // Pre-sign the blocks the sync will ask for, so signing is not timed.
        let wanted: Vec<LightBlock> = (1..=100).map(|k| chain.block(k * 1_000)).collect();
        let mut source = jifen_light_client::MemorySource::new(wanted);
        let mut store = MemoryStore::new();
        let start = Instant::now();
        let report = sync_to(
            &mut trusted,
            100_000,
            Schedule::Skipping {
                epoch_length: NonZeroU64::new(1_000).unwrap(),
            },
            &mut source,
            &mut store,
            &options,
            &clock,
        )
        .unwrap();
        best = best.min(start.elapsed());
        headers = report.headers_fetched;
    }
    println!("| skipping sync 100,000 blocks, epochs of 1,000: time (goal < 1 s) | {best:?} |");
    println!("| skipping sync 100,000 blocks: headers fetched (goal < 300) | {headers} |");
}
