//! bft: extends, set changes, equivocation and every refusal.

use super::*;
use crate::CommitSignature;

fn params(genesis: &Committee) -> ConsensusParams {
    ConsensusParams::Bft {
        genesis_validators_hash: genesis.set.hash(),
    }
}

fn header(
    height: u64,
    parent: Hash32,
    time_ms: u64,
    signers: &Committee,
    next: &Committee,
) -> SubchainHeader {
    SubchainHeader {
        subchain: sid(1),
        height,
        time_ms,
        parent,
        tx_root: h(0x11),
        state_root: h(height as u8),
        seal: Seal::Bft {
            validators_hash: signers.set.hash(),
            next_validators_hash: next.set.hash(),
        },
    }
}

fn report(
    header: SubchainHeader,
    signers: &Committee,
    indices: &[usize],
    next: Option<&Committee>,
) -> SubchainReport {
    let commit = signers.commit(&header, indices);
    SubchainReport {
        header,
        seal: ReportSeal::Bft {
            commit,
            validators: signers.set.clone(),
            next_validators: next.map(|c| c.set.clone()),
        },
    }
}

/// A subchain of committee `c` with `n` blocks anchored (all extend).
fn chain(c: &Committee, n: u64) -> Sim {
    let mut sim = Sim::new(sid(1), params(c));
    for height in 1..=n {
        let r = report(
            header(height, sim.tip.hash, 1_000 * height, c, c),
            c,
            &c.all(),
            None,
        );
        assert_eq!(sim.apply(&r), Ok(Outcome::Extends));
    }
    sim
}

fn seal_mut(
    report: &mut SubchainReport,
) -> (&mut Commit, &mut ValidatorSet, &mut Option<ValidatorSet>) {
    match &mut report.seal {
        ReportSeal::Bft {
            commit,
            validators,
            next_validators,
        } => (commit, validators, next_validators),
        ReportSeal::Pow => panic!("a bft report"),
    }
}

#[test]
fn extends_and_the_new_tip_is_the_header() {
    let c = Committee::four(1);
    let sim = chain(&c, 3);
    assert_eq!(sim.tip.height, 3);
    assert_eq!(sim.tip.hash, sim.anchored[&3].header_hash);
    assert_eq!(sim.tip.parent, sim.anchored[&2].header_hash);
    assert_eq!(sim.tip.time_ms, 3_000);
    assert_eq!(sim.tip.parent_time_ms, 2_000);
    assert_eq!(
        sim.tip.state,
        TipState::Bft {
            next_validators_hash: c.set.hash()
        }
    );
}

#[test]
fn set_change_with_next_validators_hands_over_to_the_new_committee() {
    let old = Committee::four(1);
    let new = Committee::four(11);
    let mut sim = chain(&old, 1);
    let change = report(
        header(2, sim.tip.hash, 2_000, &old, &new),
        &old,
        &old.all(),
        Some(&new),
    );
    assert_eq!(sim.apply(&change), Ok(Outcome::Extends));
    assert_eq!(
        sim.tip.state,
        TipState::Bft {
            next_validators_hash: new.set.hash()
        }
    );
    // The old committee no longer signs.
    let by_old = report(
        header(3, sim.tip.hash, 3_000, &old, &old),
        &old,
        &old.all(),
        None,
    );
    assert_eq!(
        sim.check(&by_old).unwrap_err(),
        SubchainError::WrongValidators {
            height: 3,
            expected: new.set.hash(),
            got: old.set.hash()
        }
    );
    let by_new = report(
        header(3, sim.tip.hash, 3_000, &new, &new),
        &new,
        &new.all(),
        None,
    );
    assert_eq!(sim.apply(&by_new), Ok(Outcome::Extends));
}

#[test]
fn next_validators_missing_unexpected_or_wrong_is_refused() {
    let old = Committee::four(1);
    let new = Committee::four(11);
    let other = Committee::four(21);
    let sim = chain(&old, 1);
    let bad = SubchainError::BadNextValidators { height: 2 };
    let missing = report(
        header(2, sim.tip.hash, 2_000, &old, &new),
        &old,
        &old.all(),
        None,
    );
    assert_eq!(sim.check(&missing).unwrap_err(), bad);
    let unexpected = report(
        header(2, sim.tip.hash, 2_000, &old, &old),
        &old,
        &old.all(),
        Some(&old),
    );
    assert_eq!(sim.check(&unexpected).unwrap_err(), bad);
    let wrong = report(
        header(2, sim.tip.hash, 2_000, &old, &new),
        &old,
        &old.all(),
        Some(&other),
    );
    assert_eq!(sim.check(&wrong).unwrap_err(), bad);
    assert_eq!(wrong.header.height, 2);
    assert_eq!(
        sim.check(&wrong).unwrap_err().code(),
        "subchain-bad-next-validators"
    );
}

#[test]
fn wrong_validators_given_or_named_is_refused() {
    let c = Committee::four(1);
    let other = Committee::four(21);
    let sim = chain(&c, 0);
    // The header names `other`, which is not the genesis committee.
    let named = report(
        header(1, Hash32::ZERO, 1_000, &other, &other),
        &other,
        &other.all(),
        None,
    );
    assert_eq!(
        sim.check(&named).unwrap_err(),
        SubchainError::WrongValidators {
            height: 1,
            expected: c.set.hash(),
            got: other.set.hash()
        }
    );
    // The set given is not the one the header names.
    let mut given = report(header(1, Hash32::ZERO, 1_000, &c, &c), &c, &c.all(), None);
    *seal_mut(&mut given).1 = other.set.clone();
    assert_eq!(
        sim.check(&given).unwrap_err(),
        SubchainError::WrongValidators {
            height: 1,
            expected: c.set.hash(),
            got: other.set.hash()
        }
    );
}

#[test]
fn forged_signature_wrong_block_and_wrong_height_are_bad_commits() {
    let c = Committee::four(1);
    let sim = chain(&c, 1);
    let good = report(header(2, sim.tip.hash, 2_000, &c, &c), &c, &c.all(), None);
    assert_eq!(sim.check(&good).map(|r| r.0), Ok(Outcome::Extends));

    // Member 0's signature replaced by member 1's: does not verify.
    let mut forged = good.clone();
    {
        let (commit, _, _) = seal_mut(&mut forged);
        let stolen = commit.signatures[1].signature;
        commit.signatures[0] = CommitSignature {
            validator_index: 0,
            signature: stolen,
        };
    }
    let err = sim.check(&forged).unwrap_err();
    assert_eq!(err.code(), "subchain-bad-commit", "{err}");

    // A commit of another header (a main-chain digest would not verify either).
    let mut wrong_block = good.clone();
    let other = header(2, sim.tip.hash, 2_001, &c, &c);
    *seal_mut(&mut wrong_block).0 = c.commit(&other, &c.all());
    assert!(matches!(
        sim.check(&wrong_block).unwrap_err(),
        SubchainError::BadCommit { height: 2, .. }
    ));

    let mut wrong_height = good.clone();
    seal_mut(&mut wrong_height).0.height = 3;
    assert!(matches!(
        sim.check(&wrong_height).unwrap_err(),
        SubchainError::BadCommit { height: 2, .. }
    ));

    // Signatures over the right block but another subchain's digest.
    let mut other_subchain = good.clone();
    {
        let mut moved = good.header.clone();
        moved.subchain = sid(2);
        let (commit, _, _) = seal_mut(&mut other_subchain);
        let sigs = c.commit(&moved, &c.all()).signatures;
        commit.signatures = sigs;
    }
    assert!(matches!(
        sim.check(&other_subchain).unwrap_err(),
        SubchainError::BadCommit { height: 2, .. }
    ));

    // Not sorted / out of range are bad commits too.
    let mut unsorted = good;
    seal_mut(&mut unsorted).0.signatures.swap(0, 1);
    assert!(matches!(
        sim.check(&unsorted).unwrap_err(),
        SubchainError::BadCommit { .. }
    ));
}

#[test]
fn exactly_two_thirds_is_no_quorum_and_more_passes() {
    // Powers 10, 10, 10: two members are exactly 2/3.
    let c = Committee::new(&[(1, 10), (2, 10), (3, 10)]);
    let sim = chain(&c, 0);
    let two = report(header(1, Hash32::ZERO, 1_000, &c, &c), &c, &[0, 1], None);
    assert_eq!(
        sim.check(&two).unwrap_err(),
        SubchainError::NoQuorum {
            height: 1,
            signed: 20,
            total: 30
        }
    );
    let three = report(header(1, Hash32::ZERO, 1_000, &c, &c), &c, &[0, 1, 2], None);
    assert_eq!(sim.check(&three).map(|r| r.0), Ok(Outcome::Extends));
    // Powers 1, 1, 1, 100: the big member alone (100/103) is enough.
    let w = Committee::new(&[(1, 1), (2, 1), (3, 1), (4, 100)]);
    let sim = chain(&w, 0);
    let big = w
        .set
        .find(&public_key(&signing_key(4)).address())
        .unwrap()
        .0;
    let alone = report(header(1, Hash32::ZERO, 1_000, &w, &w), &w, &[big], None);
    assert_eq!(sim.check(&alone).map(|r| r.0), Ok(Outcome::Extends));
    let small: Vec<usize> = (0..4).filter(|i| *i != big).collect();
    let without = report(header(1, Hash32::ZERO, 1_000, &w, &w), &w, &small, None);
    assert!(matches!(
        sim.check(&without).unwrap_err(),
        SubchainError::NoQuorum {
            signed: 3,
            total: 103,
            ..
        }
    ));
}

#[test]
fn a_second_committed_header_at_an_anchored_height_is_equivocation() {
    let c = Committee::four(1);
    let sim = chain(&c, 3);
    // At the tip's height and below it.
    for height in [3, 2] {
        let parent = sim
            .anchored
            .get(&(height - 1))
            .map_or(Hash32::ZERO, |a| a.header_hash);
        let twin = report(header(height, parent, 7, &c, &c), &c, &c.all(), None);
        let (outcome, tip) = sim.check(&twin).unwrap();
        assert_eq!(outcome, Outcome::Equivocation);
        assert_eq!(tip, sim.tip, "the tip does not move on equivocation");
    }
    // A twin without a quorum is not evidence.
    let weak = report(header(2, h(9), 7, &c, &c), &c, &[0, 1], None);
    assert!(matches!(
        sim.check(&weak).unwrap_err(),
        SubchainError::NoQuorum { .. }
    ));
    // A twin signed by another committee than the anchored one is refused.
    let other = Committee::four(21);
    let foreign = report(
        header(2, h(9), 7, &other, &other),
        &other,
        &other.all(),
        None,
    );
    assert_eq!(
        sim.check(&foreign).unwrap_err(),
        SubchainError::WrongValidators {
            height: 2,
            expected: c.set.hash(),
            got: other.set.hash()
        }
    );
}

#[test]
fn the_anchored_header_again_is_already_anchored() {
    let c = Committee::four(1);
    let mut sim = Sim::new(sid(1), params(&c));
    let mut reports = Vec::new();
    for height in 1..=3 {
        let r = report(
            header(height, sim.tip.hash, 1_000 * height, &c, &c),
            &c,
            &c.all(),
            None,
        );
        sim.apply(&r).unwrap();
        reports.push(r);
    }
    for (i, r) in reports.iter().enumerate() {
        assert_eq!(
            sim.check(r).unwrap_err(),
            SubchainError::AlreadyAnchored {
                height: i as u64 + 1
            }
        );
    }
    // Below the tip with nothing anchored there (the caller lost it): too deep.
    sim.anchored.remove(&1);
    assert!(matches!(
        sim.check(&reports[0]).unwrap_err(),
        SubchainError::ReorgTooDeep { height: 1, tip: 3 }
    ));
}

#[test]
fn skipped_height_broken_parent_and_time_backwards() {
    let c = Committee::four(1);
    let sim = chain(&c, 2);
    let skip = report(header(4, sim.tip.hash, 4_000, &c, &c), &c, &c.all(), None);
    assert_eq!(
        sim.check(&skip).unwrap_err(),
        SubchainError::SkippedHeight {
            expected: 3,
            got: 4
        }
    );
    let broken = report(header(3, h(0xAB), 3_000, &c, &c), &c, &c.all(), None);
    assert_eq!(
        sim.check(&broken).unwrap_err(),
        SubchainError::BrokenParent {
            height: 3,
            expected: sim.tip.hash,
            got: h(0xAB)
        }
    );
    let back = report(header(3, sim.tip.hash, 1_999, &c, &c), &c, &c.all(), None);
    assert_eq!(
        sim.check(&back).unwrap_err(),
        SubchainError::TimeBackwards {
            parent: 2_000,
            got: 1_999
        }
    );
    // Equal time is allowed.
    let equal = report(header(3, sim.tip.hash, 2_000, &c, &c), &c, &c.all(), None);
    assert_eq!(sim.check(&equal).map(|r| r.0), Ok(Outcome::Extends));
}

#[test]
fn wrong_kind_and_wrong_subchain() {
    let c = Committee::four(1);
    let sim = chain(&c, 0);
    let mut moved = report(header(1, Hash32::ZERO, 1_000, &c, &c), &c, &c.all(), None);
    moved.header.subchain = sid(2);
    assert_eq!(
        sim.check(&moved).unwrap_err(),
        SubchainError::WrongSubchain {
            expected: sid(1),
            got: sid(2)
        }
    );
    let mut pow = report(header(1, Hash32::ZERO, 1_000, &c, &c), &c, &c.all(), None);
    pow.header.seal = Seal::Pow { bits: 0, nonce: 0 };
    pow.seal = ReportSeal::Pow;
    assert_eq!(
        sim.check(&pow).unwrap_err(),
        SubchainError::WrongKind {
            expected: "bft",
            got: "pow-xor"
        }
    );
    // A bft header carried with a pow seal (not decodable, but constructible).
    let mut mixed = report(header(1, Hash32::ZERO, 1_000, &c, &c), &c, &c.all(), None);
    mixed.seal = ReportSeal::Pow;
    assert_eq!(sim.check(&mixed).unwrap_err().code(), "subchain-wrong-kind");
}

#[test]
fn codes_are_numbered_and_round_trip() {
    for code in SubchainCode::ALL {
        assert_eq!(SubchainCode::from_number(code.number()), Some(code));
        assert!(code.as_str().starts_with("subchain-"));
        assert!((1201..=1223).contains(&code.number()));
    }
    let mut numbers: Vec<u16> = SubchainCode::ALL.iter().map(|c| c.number()).collect();
    numbers.dedup();
    assert_eq!(
        numbers.len(),
        SubchainCode::ALL.len(),
        "ascending and unique"
    );
    assert!(numbers.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(SubchainCode::from_number(1207), None);
}
