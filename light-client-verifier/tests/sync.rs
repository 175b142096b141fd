//! The synchronous driver over fixture chains: schedules, header counts,
//! bisection, and what stops a sync.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::num::NonZeroU64;
use std::time::Duration;

use jifen_light_client_verifier::test_chain::{
    Chain, ChainSource, replaced_set, rotating_set, static_set,
};
use jifen_light_client_verifier::{
    FixedClock, LightStore, MemorySource, MemoryStore, Options, ProgressEvent, Schedule,
    SyncReport, TrustedState, sync_to, sync_to_with_progress,
};

fn epochs(length: u64) -> Schedule {
    Schedule::Epochs {
        length: NonZeroU64::new(length).unwrap(),
    }
}

fn bootstrap(chain: &Chain, height: u64, now: u64) -> TrustedState {
    TrustedState::bootstrap(
        chain.block(height),
        &chain.checkpoint(height),
        &Options::default(),
        now,
    )
    .unwrap()
}

/// What a successful sync of a whole fixture chain left behind.
struct Synced {
    trusted: TrustedState,
    report: SyncReport,
    stored_heights: Vec<u64>,
    served: u64,
}

/// Bootstraps at height 1, syncs to `target` with `schedule` into a fresh memory
/// store, and expects success.
fn sync_chain(chain: &Chain, target: u64, schedule: Schedule) -> Synced {
    let clock = FixedClock(chain.time_after(target));
    let mut trusted = bootstrap(chain, 1, clock.0);
    let mut store = MemoryStore::new();
    let mut source = ChainSource::new(chain);
    let report = sync_to(
        &mut trusted,
        target,
        schedule,
        &mut source,
        &mut store,
        &Options::default(),
        &clock,
    )
    .unwrap();
    let stored_heights = store.heights().unwrap();
    Synced {
        trusted,
        report,
        stored_heights,
        served: source.served,
    }
}

#[test]
fn epoch_schedule_reaches_the_target_with_one_header_per_epoch() {
    let chain = Chain::new(200, 20, replaced_set);
    let Synced {
        trusted,
        report,
        stored_heights,
        ..
    } = sync_chain(&chain, 200, epochs(20));
    assert_eq!(trusted.height(), 200);
    assert_eq!(report.headers_fetched, 10);
    assert_eq!(report.bisections, 0);
    assert_eq!(
        report.verified_heights,
        vec![20, 40, 60, 80, 100, 120, 140, 160, 180, 200]
    );
    assert_eq!(stored_heights, report.verified_heights);
}

#[test]
fn bisection_finds_a_path_when_sets_rotate() {
    let chain = Chain::new(100, 10, rotating_set);
    let Synced {
        trusted,
        report,
        served,
        ..
    } = sync_chain(&chain, 100, Schedule::Bisection);
    assert_eq!(trusted.height(), 100);
    assert!(report.bisections > 0, "{report:?}");
    assert!(report.headers_fetched < 20, "{report:?}");
    assert_eq!(report.headers_fetched, served);
}

#[test]
fn bisection_of_a_fully_replaced_set_falls_back_to_epoch_ends() {
    // Every epoch replaces the whole set: only the epoch end announces the
    // next set, so bisection must walk down to the epoch ends.
    let chain = Chain::new(60, 10, replaced_set);
    let Synced {
        trusted, report, ..
    } = sync_chain(&chain, 60, Schedule::Bisection);
    assert_eq!(trusted.height(), 60);
    for end in [10, 20, 30, 40, 50] {
        assert!(report.verified_heights.contains(&end), "{report:?}");
    }
}

#[test]
fn skipping_sync_over_100_000_blocks_with_epochs_of_1_000_uses_100_headers() {
    let chain = Chain::new(100_000, 1_000, rotating_set);
    let Synced {
        trusted, report, ..
    } = sync_chain(&chain, 100_000, epochs(1_000));
    assert_eq!(trusted.height(), 100_000);
    assert_eq!(report.headers_fetched, 100);
    assert!(report.headers_fetched < 300);
}

#[test]
fn sequential_schedule_verifies_every_block() {
    let chain = Chain::new(30, 7, replaced_set);
    let clock = FixedClock(chain.time_after(30));
    let mut trusted = bootstrap(&chain, 1, clock.0);
    let mut store = MemoryStore::new();
    let mut source = MemorySource::new((1..=30).map(|h| chain.block(h)));
    let report = sync_to(
        &mut trusted,
        30,
        epochs(1),
        &mut source,
        &mut store,
        &Options::default(),
        &clock,
    )
    .unwrap();
    assert_eq!(report.verified_heights, (2..=30).collect::<Vec<_>>());
    assert_eq!(source.served(), 29);
}

/// A target of 10^12 with epochs of one block (what a lying node claimed
/// in the audit of issue 11) is walked lazily: the driver verifies the real
/// chain block by block and stops at the first height the source lacks,
/// with everything below it verified; nothing was planned up front.
#[test]
fn a_target_far_above_the_chain_stops_at_the_first_missing_block() {
    let chain = Chain::new(30, 7, replaced_set);
    let clock = FixedClock(chain.time_after(30));
    let mut trusted = bootstrap(&chain, 1, clock.0);
    let mut store = MemoryStore::new();
    let mut source = MemorySource::new((1..=30).map(|h| chain.block(h)));
    let mut pending = Vec::new();
    let error = sync_to_with_progress(
        &mut trusted,
        1_000_000_000_000,
        epochs(1),
        &mut source,
        &mut store,
        &Options::default(),
        &clock,
        &mut |event| {
            if let ProgressEvent::Verified { pending: left, .. } = event {
                pending.push(*left);
            }
        },
    )
    .unwrap_err();
    assert_eq!(error.code(), "lc-source-failed");
    assert_eq!(trusted.height(), 30);
    assert_eq!(source.served(), 29);
    // The heights still planned are counted, not listed.
    assert_eq!(pending.first(), Some(&999_999_999_998));
    assert_eq!(pending.last(), Some(&999_999_999_970));
}

#[test]
fn sync_stops_at_an_invalid_block_and_keeps_what_verified() {
    let chain = Chain::new(40, 10, static_set);
    let clock = FixedClock(chain.time_after(40));
    let mut trusted = bootstrap(&chain, 1, clock.0);
    let mut store = MemoryStore::new();
    let mut source = ChainSource::new(&chain);
    let mut forged = chain.block(30);
    forged.commit.signatures[1].signature = forged.commit.signatures[0].signature;
    source.overrides.insert(30, forged);
    let error = sync_to(
        &mut trusted,
        40,
        epochs(10),
        &mut source,
        &mut store,
        &Options::default(),
        &clock,
    )
    .unwrap_err();
    assert_eq!(error.code(), "lc-invalid-commit");
    assert_eq!(trusted.height(), 20);
    assert_eq!(store.last_height().unwrap(), Some(20));
}

#[test]
fn sync_cases_that_stop_early() {
    let chain = Chain::new(20, 10, static_set);
    let now = chain.time_after(20);
    let mut store = MemoryStore::new();

    // A source that answers with another height.
    let mut trusted = bootstrap(&chain, 1, now);
    let mut source = MemorySource::new([chain.block(5)]);
    let mut liar = WrongHeightSource(chain.block(5));
    let error = sync_to(
        &mut trusted,
        10,
        Schedule::Bisection,
        &mut liar,
        &mut store,
        &Options::default(),
        &FixedClock(now),
    )
    .unwrap_err();
    assert_eq!(error.code(), "lc-source-wrong-height");

    // A source without the block.
    let error = sync_to(
        &mut trusted,
        10,
        Schedule::Bisection,
        &mut source,
        &mut store,
        &Options::default(),
        &FixedClock(now),
    )
    .unwrap_err();
    assert_eq!(error.code(), "lc-source-failed");

    // Options below the safe trust threshold.
    let reckless = Options {
        trust_threshold: jifen_protocol::TrustThreshold::new(1, 10).unwrap(),
        ..Options::default()
    };
    let error = sync_to(
        &mut trusted,
        10,
        Schedule::Bisection,
        &mut source,
        &mut store,
        &reckless,
        &FixedClock(now),
    )
    .unwrap_err();
    assert_eq!(error.code(), "lc-trust-threshold-too-low");

    // A target below the trusted height.
    let mut trusted = bootstrap(&chain, 10, now);
    let error = sync_to(
        &mut trusted,
        5,
        Schedule::Bisection,
        &mut source,
        &mut store,
        &Options::default(),
        &FixedClock(now),
    )
    .unwrap_err();
    assert_eq!(error.code(), "lc-target-below-trusted");

    // Trust that expired before the sync: the user must give a new checkpoint.
    let short = Options {
        trusting_period: Duration::from_secs(5),
        ..Options::default()
    };
    let mut trusted = bootstrap(&chain, 1, chain.time_after(1));
    let mut source = ChainSource::new(&chain);
    let error = sync_to(
        &mut trusted,
        20,
        Schedule::Bisection,
        &mut source,
        &mut store,
        &short,
        &FixedClock(now),
    )
    .unwrap_err();
    assert_eq!(error.code(), "lc-trust-expired");
    assert_eq!(trusted.height(), 1);
}

#[test]
fn progress_events_follow_the_sync() {
    use jifen_light_client_verifier::{Phase, ProgressEvent, sync_to_with_progress};
    let chain = Chain::new(60, 10, replaced_set);
    let clock = FixedClock(chain.time_after(60));
    let mut trusted = bootstrap(&chain, 1, clock.0);
    let mut store = MemoryStore::new();
    let mut events = Vec::new();
    sync_to_with_progress(
        &mut trusted,
        30,
        Schedule::Bisection,
        &mut ChainSource::new(&chain),
        &mut store,
        &Options::default(),
        &clock,
        &mut |event: &ProgressEvent| events.push(event.clone()),
    )
    .unwrap();
    assert!(matches!(
        events.first(),
        Some(ProgressEvent::Phase {
            phase: Phase::Syncing,
            trusted_height: 1,
            target_height: 30
        })
    ));
    assert!(matches!(
        events.last(),
        Some(ProgressEvent::Phase {
            phase: Phase::Done,
            trusted_height: 30,
            ..
        })
    ));
    assert!(events.contains(&ProgressEvent::Bisected {
        trusted_height: 1,
        untrusted_height: 30,
        next_height: 15
    }));
    let verified: Vec<u64> = events
        .iter()
        .filter_map(|event| match event {
            ProgressEvent::Verified { height, .. } => Some(*height),
            _ => None,
        })
        .collect();
    assert_eq!(verified.last(), Some(&30));
}

/// Answers every height with the same block.
struct WrongHeightSource(jifen_light_client_verifier::LightBlock);

impl jifen_light_client_verifier::LightBlockSource for WrongHeightSource {
    fn untrusted_light_block(
        &mut self,
        _height: u64,
    ) -> Result<
        jifen_light_client_verifier::LightBlock,
        jifen_light_client_verifier::sync::SourceError,
    > {
        Ok(self.0.clone())
    }

    fn untrusted_latest(
        &mut self,
    ) -> Result<
        jifen_light_client_verifier::LightBlock,
        jifen_light_client_verifier::sync::SourceError,
    > {
        Ok(self.0.clone())
    }
}
