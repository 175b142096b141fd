//! pow-xor: work, retarget, the XOR fork choice and every refusal.

use super::*;
use crate::encoding::Encode;
use crate::sha256;

pub(crate) const POW: PowParams = PowParams {
    initial_bits: 4,
    min_bits: 3,
    retarget_interval: 4,
    target_spacing_ms: 1_000,
};

fn template(height: u64, parent: Hash32, time_ms: u64, bits: u8, salt: u8) -> SubchainHeader {
    SubchainHeader {
        subchain: sid(2),
        height,
        time_ms,
        parent,
        tx_root: h(salt),
        state_root: h(height as u8),
        seal: Seal::Pow { bits, nonce: 0 },
    }
}

/// The first nonce from 0 whose id meets (or, `meets == false`, fails) the
/// header's bits.
pub(crate) fn mine(mut header: SubchainHeader, meets: bool) -> SubchainHeader {
    let Seal::Pow { bits, .. } = header.seal else {
        panic!("a pow header")
    };
    for nonce in 0.. {
        header.seal = Seal::Pow { bits, nonce };
        if meets_work(&header.hash(), bits) == meets {
            return header;
        }
    }
    unreachable!()
}

fn report(header: SubchainHeader) -> SubchainReport {
    SubchainReport {
        header,
        seal: ReportSeal::Pow,
    }
}

fn sim() -> Sim {
    Sim::new(sid(2), ConsensusParams::PowXor(POW))
}

/// Extends `sim` by one mined block at `time_ms` with the bits the rule
/// gives (read from a refusal when it differs from the tip's).
fn extend(sim: &mut Sim, time_ms: u64) -> SubchainHeader {
    let TipState::Pow { bits, .. } = sim.tip.state else {
        panic!()
    };
    let height = sim.tip.height + 1;
    let mut header = mine(template(height, sim.tip.hash, time_ms, bits, 0), true);
    if let Err(SubchainError::WrongBits { expected, .. }) = sim.check(&report(header.clone())) {
        header = mine(template(height, sim.tip.hash, time_ms, expected, 0), true);
    }
    assert_eq!(sim.apply(&report(header.clone())), Ok(Outcome::Extends));
    header
}

fn bits_of(sim: &Sim) -> u8 {
    match sim.tip.state {
        TipState::Pow { bits, .. } => bits,
        TipState::Bft { .. } => panic!(),
    }
}

/// Two mined siblings of `sim`'s next height: (winner, loser).
fn siblings(sim: &Sim, time_ms: u64) -> (SubchainHeader, SubchainHeader) {
    let bits = bits_of(sim);
    let height = sim.tip.height + 1;
    let a = mine(template(height, sim.tip.hash, time_ms, bits, 0xA0), true);
    let b = mine(template(height, sim.tip.hash, time_ms, bits, 0xB0), true);
    if xor_wins(&a.hash(), &b.hash(), &sim.tip.hash) {
        (a, b)
    } else {
        (b, a)
    }
}

#[test]
fn work_is_checked_against_the_expected_bits() {
    let mut sim = sim();
    let weak = mine(template(1, Hash32::ZERO, 1_000, 4, 0), false);
    assert_eq!(
        sim.check(&report(weak.clone())).unwrap_err(),
        SubchainError::InsufficientWork {
            height: 1,
            bits: 4,
            got: leading_zero_bits(&weak.hash())
        }
    );
    let easy = mine(template(1, Hash32::ZERO, 1_000, 3, 0), true);
    assert_eq!(
        sim.check(&report(easy)).unwrap_err(),
        SubchainError::WrongBits {
            height: 1,
            expected: 4,
            got: 3
        }
    );
    let header = extend(&mut sim, 1_000);
    assert!(leading_zero_bits(&header.hash()) >= 4);
    assert_eq!(sim.tip.hash, header.hash());
    assert_eq!(
        sim.tip.state,
        TipState::Pow {
            bits: 4,
            window_start_ms: 1_000
        }
    );
}

#[test]
fn retarget_up_down_unchanged_and_the_floor() {
    // Fast window: span 3 ms, target 3,000 ms: one bit more at height 5.
    let mut fast = sim();
    for i in 1..=4 {
        extend(&mut fast, i);
    }
    assert_eq!(bits_of(&fast), 4);
    extend(&mut fast, 5);
    assert_eq!(bits_of(&fast), 5);
    assert_eq!(
        fast.tip.state,
        TipState::Pow {
            bits: 5,
            window_start_ms: 5
        }
    );
    // A header keeping the old bits at a retarget height is refused.
    let mut steady = sim();
    for i in 1..=4 {
        extend(&mut steady, i * 1_000);
    }
    // Span exactly 3,000 = target: unchanged.
    extend(&mut steady, 5_000);
    assert_eq!(bits_of(&steady), 4);
    // Slow window: heights 5..=8 span 6,001 > 2 * 3,000: one bit less.
    for t in [7_000, 9_000, 11_001] {
        extend(&mut steady, t);
    }
    assert_eq!(bits_of(&steady), 4);
    extend(&mut steady, 12_000);
    assert_eq!(bits_of(&steady), 3, "down one");
    // Slow again, but 3 is min_bits: the floor holds.
    for t in [20_000, 30_000, 40_000, 50_000] {
        extend(&mut steady, t);
    }
    assert_eq!(steady.tip.height, 13);
    assert_eq!(bits_of(&steady), 3, "min_bits floor");
    // Boundaries of the rule itself.
    assert_eq!(expected_bits(&POW, 4, 1_499), 5);
    assert_eq!(expected_bits(&POW, 4, 1_500), 4);
    assert_eq!(expected_bits(&POW, 4, 6_000), 4);
    assert_eq!(expected_bits(&POW, 4, 6_001), 3);
    assert_eq!(expected_bits(&POW, 3, 6_001), 3);
    assert_eq!(expected_bits(&POW, 64, 0), 64, "the cap");
    let single = PowParams {
        retarget_interval: 1,
        ..POW
    };
    assert_eq!(
        expected_bits(&single, 7, 0),
        7,
        "a one-block window keeps its bits"
    );
}

#[test]
fn wrong_bits_at_a_retarget_height_is_refused() {
    let mut fast = sim();
    for i in 1..=4 {
        extend(&mut fast, i);
    }
    let stale = mine(template(5, fast.tip.hash, 5, 4, 0), true);
    assert_eq!(
        fast.check(&report(stale)).unwrap_err(),
        SubchainError::WrongBits {
            height: 5,
            expected: 5,
            got: 4
        }
    );
}

#[test]
fn a_closer_sibling_replaces_and_a_farther_one_loses() {
    let mut sim = sim();
    extend(&mut sim, 1_000);
    let parent_tip = sim.tip;
    let (winner, loser) = siblings(&sim, 2_000);
    assert_eq!(sim.apply(&report(loser.clone())), Ok(Outcome::Extends));
    assert_eq!(sim.apply(&report(winner.clone())), Ok(Outcome::Replaces));
    assert_eq!(sim.tip.hash, winner.hash());
    assert_eq!(sim.tip.parent, parent_tip.hash);
    assert_eq!(sim.tip.parent_time_ms, 1_000);
    // The loser again: loses the fork choice now.
    assert_eq!(
        sim.check(&report(loser.clone())).unwrap_err(),
        SubchainError::LosesForkChoice {
            height: 2,
            winner: winner.hash()
        }
    );
    // The winner again: already anchored.
    assert_eq!(
        sim.check(&report(winner.clone())).unwrap_err(),
        SubchainError::AlreadyAnchored { height: 2 }
    );
    // Once a child is anchored, the sibling is too deep (both ways), and
    // the anchored block below is already anchored.
    extend(&mut sim, 3_000);
    let late = mine(template(2, parent_tip.hash, 2_000, 4, 0xC0), true);
    assert_eq!(
        sim.check(&report(late)).unwrap_err(),
        SubchainError::ReorgTooDeep { height: 2, tip: 3 }
    );
    assert_eq!(
        sim.check(&report(winner)).unwrap_err(),
        SubchainError::AlreadyAnchored { height: 2 }
    );
}

#[test]
fn a_sibling_must_share_the_parent_meet_the_work_and_keep_time() {
    let mut sim = sim();
    extend(&mut sim, 1_000);
    extend(&mut sim, 2_000);
    // Same height, another parent: a fork below the tip.
    let cousin = mine(template(2, h(7), 2_000, 4, 0xD0), true);
    assert_eq!(
        sim.check(&report(cousin)).unwrap_err(),
        SubchainError::ReorgTooDeep { height: 2, tip: 2 }
    );
    let weak = mine(template(2, sim.tip.parent, 2_000, 4, 0xD1), false);
    assert!(matches!(
        sim.check(&report(weak)).unwrap_err(),
        SubchainError::InsufficientWork { height: 2, .. }
    ));
    let early = mine(template(2, sim.tip.parent, 999, 4, 0xD2), true);
    assert_eq!(
        sim.check(&report(early)).unwrap_err(),
        SubchainError::TimeBackwards {
            parent: 1_000,
            got: 999
        }
    );
    let wrong_bits = mine(template(2, sim.tip.parent, 2_000, 5, 0xD3), true);
    assert!(matches!(
        sim.check(&report(wrong_bits)).unwrap_err(),
        SubchainError::WrongBits {
            expected: 4,
            got: 5,
            ..
        }
    ));
}

#[test]
fn a_sibling_replacing_a_window_opener_opens_the_window() {
    let mut sim = sim();
    for i in 1..=4 {
        extend(&mut sim, i);
    }
    let (winner, loser) = siblings(
        &{
            // Siblings at the retarget height 5 need 5 bits.
            let mut probe = Sim::new(sid(2), ConsensusParams::PowXor(POW));
            probe.tip = sim.tip;
            probe.tip.state = TipState::Pow {
                bits: 5,
                window_start_ms: 0,
            };
            probe
        },
        50,
    );
    assert_eq!(sim.apply(&report(loser)), Ok(Outcome::Extends));
    assert_eq!(sim.apply(&report(winner.clone())), Ok(Outcome::Replaces));
    assert_eq!(
        sim.tip.state,
        TipState::Pow {
            bits: 5,
            window_start_ms: winner.time_ms
        }
    );
}

#[test]
fn broken_parent_skipped_height_and_backwards_time() {
    let mut sim = sim();
    extend(&mut sim, 1_000);
    let broken = mine(template(2, h(1), 2_000, 4, 0), true);
    assert!(matches!(
        sim.check(&report(broken)).unwrap_err(),
        SubchainError::BrokenParent { height: 2, .. }
    ));
    let skip = mine(template(3, sim.tip.hash, 2_000, 4, 0), true);
    assert_eq!(
        sim.check(&report(skip)).unwrap_err(),
        SubchainError::SkippedHeight {
            expected: 2,
            got: 3
        }
    );
    let back = mine(template(2, sim.tip.hash, 999, 4, 0), true);
    assert!(matches!(
        sim.check(&report(back)).unwrap_err(),
        SubchainError::TimeBackwards { .. }
    ));
}

fn id(n: u64) -> Hash32 {
    Hash32(sha256(&n.to_be_bytes()))
}

#[test]
fn xor_fork_choice_is_antisymmetric_total_and_picks_the_minimum() {
    let mut seed = 0u64;
    for round in 0..200u64 {
        let parent = id(1_000_000 + round);
        let count = 2 + (round % 7) as usize;
        let ids: Vec<Hash32> = (0..count)
            .map(|_| {
                seed += 1;
                id(seed)
            })
            .collect();
        for a in &ids {
            assert!(!xor_wins(a, a, &parent), "a block does not beat itself");
            for b in &ids {
                if a != b {
                    assert!(xor_wins(a, b, &parent) ^ xor_wins(b, a, &parent));
                }
            }
        }
        // The incumbent is replaced by each winner, in any order: the
        // result is the id of least distance.
        let minimum = *ids.iter().min_by_key(|i| xor_distance(i, &parent)).unwrap();
        for rotation in 0..count {
            let mut order = ids.clone();
            order.rotate_left(rotation);
            if rotation % 2 == 1 {
                order.reverse();
            }
            let mut incumbent = order[0];
            for candidate in &order[1..] {
                if xor_wins(candidate, &incumbent, &parent) {
                    incumbent = *candidate;
                }
            }
            assert_eq!(incumbent, minimum);
        }
    }
}

#[test]
fn xor_distance_is_big_endian() {
    let parent = Hash32([0; 32]);
    let mut high = [0u8; 32];
    high[0] = 1;
    let mut low = [0xFF; 32];
    low[0] = 0;
    assert!(xor_wins(&Hash32(low), &Hash32(high), &parent));
    assert_eq!(leading_zero_bits(&Hash32(high)), 7);
    assert_eq!(leading_zero_bits(&Hash32(low)), 8);
    assert_eq!(leading_zero_bits(&parent), 256);
    let mut p = [0u8; 32];
    p[31] = 0x0F;
    assert_eq!(xor_distance(&Hash32(low), &Hash32(p))[31], 0xF0);
}

/// The worked example of `docs/protocol.md#pow-xor-fork-choice`: a parent at
/// height 1 and two siblings at height 2, mined at 4 bits from nonce 0.
#[test]
fn worked_example_of_the_docs() {
    let mut sim = sim();
    let parent = extend(&mut sim, T1);
    let a = mine(template(2, parent.hash(), T1 + 1_000, 4, 0xA0), true);
    let b = mine(template(2, parent.hash(), T1 + 1_000, 4, 0xB0), true);
    let show = |name: &str, x: &SubchainHeader| {
        println!(
            "{name}: nonce {:?} id {} distance {}",
            x.seal,
            x.hash(),
            hex::encode(xor_distance(&x.hash(), &parent.hash()))
        );
    };
    println!("parent: {:?} id {}", parent.seal, parent.hash());
    show("a", &a);
    show("b", &b);
    println!("a encoding {}", hex::encode(a.encode()));
    assert_eq!(parent.hash().to_string(), EXAMPLE_PARENT);
    assert_eq!(a.hash().to_string(), EXAMPLE_A);
    assert_eq!(b.hash().to_string(), EXAMPLE_B);
    assert!(xor_wins(&a.hash(), &b.hash(), &parent.hash()) == EXAMPLE_A_WINS);
}

const T1: u64 = 1_767_225_600_000;
const EXAMPLE_PARENT: &str = "0e2b983b5573d05ae3aca1a67a36bea726293bb22de61adb47a3243b286b8fc9";
const EXAMPLE_A: &str = "016f0f07dc4b73a534002439746c2851c9e8d8f50fd546a9d64500026de90474";
const EXAMPLE_B: &str = "050292030485a81d5ec4eb1a4f4e4315cb9b3dc7257173a79b59de975a3fad60";
/// b wins although a has more leading zero bits: work only has to be met.
const EXAMPLE_A_WINS: bool = false;
