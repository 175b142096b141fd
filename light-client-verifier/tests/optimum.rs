//! The offline optimum against a brute force: the real `verify` on every
//! pair of heights of small test chains, then a BFS. Static, rotating and
//! replaced sets, partial signers (some below quorum), expired trust, and
//! seeded random set patterns with recurrence.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, VecDeque};
use std::num::NonZeroU64;
use std::time::Duration;

use jifen_light_client_verifier::optimum::{ChainShape, min_light_blocks};
use jifen_light_client_verifier::test_chain::{Chain, replaced_set, rotating_set, static_set};
use jifen_light_client_verifier::{
    Checkpoint, FixedClock, LightBlock, MemorySource, MemoryStore, Options, Schedule, TrustedState,
    Verdict, sync_to, verify,
};

/// A small deterministic generator (tests need no `rand`).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound
    }
}

/// The fewest verified blocks from `from` to `to` by brute force: `verify`
/// on every pair.
fn brute_force(
    blocks: &BTreeMap<u64, LightBlock>,
    from: u64,
    to: u64,
    options: &Options,
    now: u64,
) -> Option<u64> {
    let states: BTreeMap<u64, TrustedState> = blocks
        .iter()
        .filter_map(|(&height, block)| {
            let checkpoint = Checkpoint {
                height,
                hash: block.hash(),
            };
            TrustedState::bootstrap(block.clone(), &checkpoint, options, now)
                .ok()
                .map(|state| (height, state))
        })
        .collect();
    let mut distance = BTreeMap::from([(from, 0u64)]);
    let mut queue = VecDeque::from([from]);
    while let Some(at) = queue.pop_front() {
        let Some(state) = states.get(&at).filter(|_| at < to) else {
            continue;
        };
        for (&height, block) in blocks.range(at + 1..=to) {
            if distance.contains_key(&height) {
                continue;
            }
            if let Verdict::Success(_) = verify(state, block, options, now) {
                distance.insert(height, distance[&at] + 1);
                queue.push_back(height);
            }
        }
    }
    distance.get(&to).copied()
}

fn shape_of(blocks: &BTreeMap<u64, LightBlock>) -> ChainShape {
    let mut shape = ChainShape::new();
    for block in blocks.values() {
        shape.push_light_block(block).unwrap();
    }
    shape
}

/// The optimum equals the brute force for `(from, to)`, and its path
/// verifies step by step with the real verifier.
fn check(
    name: &str,
    blocks: &BTreeMap<u64, LightBlock>,
    from: u64,
    to: u64,
    options: &Options,
    now: u64,
) -> Option<u64> {
    let shape = shape_of(blocks);
    let expected = brute_force(blocks, from, to, options, now);
    let got = min_light_blocks(&shape, from, to, options, now);
    assert_eq!(
        got.as_ref().map(|path| path.light_blocks),
        expected,
        "{name}: {from} -> {to}"
    );
    if let Some(path) = got {
        assert_eq!(path.heights.len() as u64, path.light_blocks, "{name}");
        if from < to {
            assert_eq!(path.heights.last(), Some(&to), "{name}");
        }
        let mut trusted = TrustedState::bootstrap(
            blocks[&from].clone(),
            &Checkpoint {
                height: from,
                hash: blocks[&from].hash(),
            },
            options,
            now,
        )
        .unwrap();
        for height in path.heights {
            match verify(&trusted, &blocks[&height], options, now) {
                Verdict::Success(verified) => trusted.apply(verified),
                other => panic!("{name}: path step {height}: {other:?}"),
            }
        }
    }
    expected
}

fn honest(chain: &Chain) -> BTreeMap<u64, LightBlock> {
    (1..=chain.len()).map(|h| (h, chain.block(h))).collect()
}

#[test]
fn equals_brute_force_on_the_fixture_sets() {
    let options = Options::default();
    for (name, spec, epoch) in [
        ("static", static_set as fn(u64) -> Vec<(u32, u64)>, 5),
        ("rotating", rotating_set, 4),
        ("replaced", replaced_set, 5),
        ("replaced every block", replaced_set, 1),
    ] {
        let chain = Chain::new(40, epoch, spec);
        let blocks = honest(&chain);
        let now = chain.time_after(40);
        for (from, to) in [(1, 40), (1, 2), (3, 37), (10, 11), (20, 40), (5, 5)] {
            check(name, &blocks, from, to, &options, now);
        }
    }
    // The shape of a test chain built directly is the same as from its blocks.
    let chain = Chain::new(40, 4, rotating_set);
    let direct = ChainShape::from_test_chain(&chain);
    let now = chain.time_after(40);
    assert_eq!(
        min_light_blocks(&direct, 1, 40, &options, now),
        min_light_blocks(&shape_of(&honest(&chain)), 1, 40, &options, now)
    );
}

#[test]
fn known_optima() {
    let options = Options::default();
    let stable = Chain::new(200, 10, static_set);
    let now = stable.time_after(200);
    let shape = ChainShape::from_test_chain(&stable);
    let path = min_light_blocks(&shape, 1, 200, &options, now).unwrap();
    assert_eq!((path.light_blocks, path.heights), (1, vec![200]));
    // Every set replaced each epoch: every epoch end, then the target.
    let replaced = Chain::new(55, 10, replaced_set);
    let now = replaced.time_after(55);
    let shape = ChainShape::from_test_chain(&replaced);
    let path = min_light_blocks(&shape, 1, 55, &options, now).unwrap();
    assert_eq!(path.heights, vec![10, 20, 30, 40, 50, 55]);
    assert_eq!(
        min_light_blocks(&shape, 7, 7, &options, now)
            .unwrap()
            .light_blocks,
        0
    );
    assert_eq!(min_light_blocks(&shape, 8, 7, &options, now), None);
    assert_eq!(min_light_blocks(&shape, 1, 56, &options, now), None);
}

#[test]
fn partial_signers_and_expired_trust() {
    let chain = Chain::new(48, 4, rotating_set);
    let mut random = Lcg(7);
    // Each block signed by a random subset of its four validators: three
    // or four have a quorum, fewer do not (such a block verifies from
    // nowhere).
    let blocks: BTreeMap<u64, LightBlock> = (1..=48)
        .map(|height| {
            let mut indices: Vec<usize> = (0..4).filter(|_| random.below(5) != 0).collect();
            // The trusted starting blocks below have a quorum.
            if [1, 2, 9, 17, 48].contains(&height) || indices.is_empty() {
                indices = vec![0, 1, 2, 3];
            }
            (height, chain.block_signed_by(height, &indices))
        })
        .collect();
    let now = chain.time_after(48);
    let options = Options::default();
    for (from, to) in [(1, 48), (2, 47), (9, 48), (17, 33)] {
        check("partial", &blocks, from, to, &options, now);
    }
    // Trust lasts 20 s (20 blocks): heights up to 28 are expired at `now`.
    let short = Options {
        trusting_period: Duration::from_secs(20),
        ..Options::default()
    };
    let all = honest(&chain);
    assert_eq!(check("expired", &all, 1, 48, &short, now), None);
    assert!(check("fresh", &all, 30, 48, &short, now).is_some());
}

#[test]
fn equals_brute_force_on_random_set_patterns() {
    let options = Options::default();
    for seed in 0..60u64 {
        let mut random = Lcg(seed);
        let length = 12 + random.below(24);
        let epoch = 1 + random.below(5);
        let epochs = length / epoch + 2;
        // Keys from a pool of 7 (so sets recur), 1-5 members, powers 1-9.
        let specs: Vec<Vec<(u32, u64)>> = (0..epochs)
            .map(|_| {
                let size = 1 + random.below(5);
                let mut members: Vec<u32> = Vec::new();
                while (members.len() as u64) < size {
                    let key = 1 + u32::try_from(random.below(7)).unwrap();
                    if !members.contains(&key) {
                        members.push(key);
                    }
                }
                members
                    .into_iter()
                    .map(|key| (key, 1 + random.below(9)))
                    .collect()
            })
            .collect();
        let chain = Chain::from_sets(length, epoch, specs);
        let from = 1 + random.below(length / 2);
        let blocks: BTreeMap<u64, LightBlock> = (1..=length)
            .map(|height| {
                let size = chain.set_at(height).len();
                let mut indices: Vec<usize> = (0..size).filter(|_| random.below(4) != 0).collect();
                if height == 1 || height == from || indices.is_empty() {
                    indices = (0..size).collect();
                }
                (height, chain.block_signed_by(height, &indices))
            })
            .collect();
        let now = chain.time_after(length);
        check(&format!("seed {seed}"), &blocks, 1, length, &options, now);
        check(
            &format!("seed {seed}"),
            &blocks,
            from,
            length,
            &options,
            now,
        );

        // Skipping by trust on the same sets, every block fully signed: at
        // least the optimum, at most the epoch ends in between plus one.
        let full = honest(&chain);
        let optimum = check(
            &format!("seed {seed} full"),
            &full,
            from,
            length,
            &options,
            now,
        )
        .unwrap();
        let mut trusted =
            TrustedState::bootstrap(full[&from].clone(), &chain.checkpoint(from), &options, now)
                .unwrap();
        let report = sync_to(
            &mut trusted,
            length,
            Schedule::Skipping {
                epoch_length: NonZeroU64::new(epoch).unwrap(),
            },
            &mut MemorySource::new(full.into_values()),
            &mut MemoryStore::new(),
            &options,
            &FixedClock(now),
        )
        .unwrap();
        let ends = (length - 1) / epoch - from / epoch;
        let fetched = report.headers_fetched;
        assert!(
            optimum <= fetched && fetched <= ends + 1,
            "seed {seed}: {optimum} <= {fetched} <= {ends} + 1"
        );
    }
}
