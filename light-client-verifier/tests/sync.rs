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

use jifen_light_client_verifier::optimum::{ChainShape, min_light_blocks};
use jifen_light_client_verifier::test_chain::{
    Chain, ChainSource, replaced_set, rotating_set, static_set,
};
use jifen_light_client_verifier::{
    FixedClock, LightStore, MemorySource, MemoryStore, Options, ProgressEvent, Schedule,
    SyncReport, TrustedState, sync_to, sync_to_with_progress,
};

fn skipping(length: u64) -> Schedule {
    Schedule::Skipping {
        epoch_length: NonZeroU64::new(length).unwrap(),
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

/// More than 2/3 of the set changes every epoch: the only path is every
/// epoch end, and skipping by trust visits exactly those and the target,
/// each fetched once, with the hopeless tries settled from the sets alone.
#[test]
fn a_set_replaced_every_epoch_visits_every_epoch_end_and_nothing_else() {
    let chain = Chain::new(200, 20, replaced_set);
    let Synced {
        trusted,
        report,
        stored_heights,
        served,
    } = sync_chain(&chain, 200, skipping(20));
    assert_eq!(trusted.height(), 200);
    assert_eq!(report.headers_fetched, 10);
    assert_eq!(served, 10);
    assert!(report.bisections > 0);
    assert!(report.pre_checked > 0, "{report:?}");
    assert_eq!(
        report.verified_heights,
        vec![20, 40, 60, 80, 100, 120, 140, 160, 180, 200]
    );
    assert_eq!(stored_heights, report.verified_heights);
}

/// A stable set: the target verifies from the root at once, however far.
#[test]
fn a_stable_set_needs_one_header() {
    let chain = Chain::new(200_000, 100, static_set);
    let Synced { report, served, .. } = sync_chain(&chain, 200_000, skipping(100));
    assert_eq!((report.headers_fetched, served), (1, 1));
    assert_eq!(report.verified_heights, vec![200_000]);
    assert_eq!(report.bisections, 0);
}

/// A node that lies about the epoch length only costs fetches: every
/// wrong hint still reaches the target, each height fetched once.
#[test]
fn a_lying_epoch_hint_still_reaches_the_target() {
    let chain = Chain::new(300, 10, replaced_set);
    let honest = sync_chain(&chain, 300, skipping(10));
    assert_eq!(honest.report.headers_fetched, 30);
    for hint in [1, 3, 7, 11, 100, 1_000, u64::MAX] {
        let Synced {
            trusted,
            report,
            served,
            ..
        } = sync_chain(&chain, 300, skipping(hint));
        assert_eq!(trusted.height(), 300, "hint {hint}");
        assert_eq!(report.headers_fetched, served, "hint {hint}");
        let unique: std::collections::BTreeSet<u64> =
            report.verified_heights.iter().copied().collect();
        assert_eq!(
            unique.len() as u64,
            served,
            "hint {hint}: each fetched once and verified"
        );
        for end in (10..300).step_by(10) {
            assert!(report.verified_heights.contains(&end), "hint {hint}");
        }
    }
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

/// Sets rotating one member of four per epoch: from an epoch end, trust
/// reaches three epochs on. The optimum is about a third of the epoch
/// ends; skipping by trust stays within twice it plus one (the calendar
/// took all 100).
#[test]
fn rotating_sets_over_100_000_blocks_stay_within_twice_the_optimum() {
    let chain = Chain::new(100_000, 1_000, rotating_set);
    let now = chain.time_after(100_000);
    let optimum = min_light_blocks(
        &ChainShape::from_test_chain(&chain),
        1,
        100_000,
        &Options::default(),
        now,
    )
    .unwrap()
    .light_blocks;
    let Synced {
        trusted, report, ..
    } = sync_chain(&chain, 100_000, skipping(1_000));
    assert_eq!(trusted.height(), 100_000);
    let fetched = report.headers_fetched;
    assert!(
        optimum <= fetched && fetched <= 2 * optimum + 1,
        "{optimum} {fetched}"
    );
    assert!(fetched <= 100, "{fetched}");
    for height in &report.verified_heights {
        assert!(
            height % 1_000 == 0,
            "{height} is an epoch end or the target"
        );
    }
}

/// Over drifting and recurring sets, skipping by trust is between the
/// optimum and the epoch ends plus one.
#[test]
fn fetched_is_between_the_optimum_and_the_epoch_ends() {
    for (spec, epoch, length) in [
        (rotating_set as fn(u64) -> Vec<(u32, u64)>, 10, 400),
        (rotating_set, 7, 333),
        (replaced_set, 9, 200),
        (static_set, 10, 400),
    ] {
        let chain = Chain::new(length, epoch, spec);
        let now = chain.time_after(length);
        let shape = ChainShape::from_test_chain(&chain);
        for from in [1, epoch, epoch + 3, length / 2] {
            let optimum = min_light_blocks(&shape, from, length, &Options::default(), now)
                .unwrap()
                .light_blocks;
            let mut trusted = bootstrap(&chain, from, now);
            let report = sync_to(
                &mut trusted,
                length,
                skipping(epoch),
                &mut ChainSource::new(&chain),
                &mut MemoryStore::new(),
                &Options::default(),
                &FixedClock(now),
            )
            .unwrap();
            let ends = (length - 1) / epoch - from / epoch;
            let fetched = report.headers_fetched;
            assert!(
                optimum <= fetched && fetched <= ends + 1,
                "{from}: {optimum} {fetched} {ends}"
            );
        }
    }
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
        Schedule::Sequential,
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
        Schedule::Sequential,
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
        Schedule::Sequential,
        &mut source,
        &mut store,
        &Options::default(),
        &clock,
    )
    .unwrap_err();
    assert_eq!(error.code(), "lc-invalid-commit");
    assert_eq!(trusted.height(), 29);
    assert_eq!(store.last_height().unwrap(), Some(29));
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
