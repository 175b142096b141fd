//! The wallet's subchain audit over real anchored reports: valid bft and
//! pow-xor subchains audit clean; each kind of bad report is refused with
//! its own code; checkpoints resume; the XOR fork choice of the audit
//! matches the node's on random sibling sets.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod subchain_common;

use jifen_light_client_verifier::subchain::test_chain::{
    BftSubchain, Committee, NodeView, TEST_POW, anchor, mine, mine_next, subchain,
};
use jifen_light_client_verifier::test_chain::T0;
use jifen_light_client_verifier::{Alert, AnchoredReport, AuditError, SubchainAudit};
use jifen_protocol::message::Coded;
use jifen_protocol::subchain::{
    ConsensusParams, Outcome, Seal, SubchainReport, xor_distance, xor_wins,
};
use jifen_protocol::{Hash32, sha256};
use subchain_common::*;

#[test]
fn a_valid_bft_subchain_with_a_committee_change_audits_clean() {
    let mut sub = BftSubchain::new(1, Committee::numbered(1, 4));
    let mut view = NodeView::new(sub.id, sub.params());
    let reports = bft_reports(&mut sub);
    let anchored = anchor(&honest(&mut view, reports), PER_BLOCK, FIRST_MAIN, 1);
    let mut audit = new_audit(&view);
    audit_items(&mut audit, &anchored, &anchored.items).unwrap();
    audit.finish(&view.record(last_main(&anchored))).unwrap();
    assert_eq!(audit.tip(), &view.tip);
    assert_eq!(audit.reports_checked(), 7);
    assert_eq!(audit.last_main_height(), main_height(6));
    assert!(audit.alerts().is_empty());
    for height in 1..=7 {
        let anchored_header = audit.anchored(height).unwrap();
        assert_eq!(anchored_header.header_hash, sub.produced(height).hash());
        assert_eq!(
            anchored_header.main_height,
            main_height(height as usize - 1)
        );
    }
    assert_eq!(audit.anchored(8), None);
}

#[test]
fn a_valid_pow_xor_subchain_with_a_replaced_tip_audits_clean() {
    let mut view = pow_view();
    let reports = pow_reports(&mut view, 12);
    assert!(reports.iter().any(|(_, o)| *o == Outcome::Replaces));
    let anchored = anchor(&reports, PER_BLOCK, FIRST_MAIN, 2);
    let mut audit = new_audit(&view);
    audit_items(&mut audit, &anchored, &anchored.items).unwrap();
    audit.finish(&view.record(last_main(&anchored))).unwrap();
    assert_eq!(audit.tip(), &view.tip);
    assert_eq!(audit.tip().height, 12);
    // The window of 8 fast blocks raised the difficulty.
    let Seal::Pow { bits, .. } = anchored.items.last().unwrap().report.header.seal else {
        panic!()
    };
    assert_eq!(bits, TEST_POW.initial_bits + 1);
}

#[test]
fn a_bad_commit_is_refused() {
    let (_, view, mut reports) = bft_setup(4);
    // Report 2's first signature replaced by the second's: a main chain
    // that anchors it anyway is caught.
    let commit = commit_mut(&mut reports[2].0);
    commit.signatures[0].signature = commit.signatures[1].signature;
    let error = first_error(&view, &anchor(&reports, PER_BLOCK, FIRST_MAIN, 0));
    assert_eq!(error.code(), "subchain-bad-commit", "{error}");
    assert!(matches!(error, AuditError::Report { index: 2, .. }));
    assert_eq!(Coded::code(&error), "subchain-bad-commit");
    assert!(Coded::args(&error).iter().any(|(name, _)| *name == "index"));
}

#[test]
fn a_commit_without_quorum_is_refused() {
    let (_, view, mut reports) = bft_setup(2);
    commit_mut(&mut reports[1].0).signatures.truncate(2);
    let error = first_error(&view, &anchor(&reports, PER_BLOCK, FIRST_MAIN, 0));
    assert_eq!(error.code(), "subchain-no-quorum", "{error}");
}

#[test]
fn insufficient_work_is_refused() {
    let mut view = pow_view();
    let mut reports = pow_reports(&mut view, 4);
    // Report 1 re-mined to fail its bits (the first nonce that misses).
    let header = &mut reports[1].0.header;
    let Seal::Pow { bits, .. } = header.seal else {
        panic!()
    };
    for nonce in 0.. {
        header.seal = Seal::Pow { bits, nonce };
        if !jifen_protocol::subchain::meets_work(&header.hash(), bits) {
            break;
        }
    }
    let error = first_error(&view, &anchor(&reports, PER_BLOCK, FIRST_MAIN, 0));
    assert_eq!(error.code(), "subchain-insufficient-work", "{error}");
}

#[test]
fn a_broken_parent_link_is_refused() {
    let (sub, view, mut reports) = bft_setup(4);
    let mut header = reports[2].0.header.clone();
    header.parent = Hash32(sha256(b"elsewhere"));
    reports[2].0 = Committee::numbered(1, 4).report(&sub.main_chain, header, None);
    let error = first_error(&view, &anchor(&reports, PER_BLOCK, FIRST_MAIN, 0));
    assert_eq!(error.code(), "subchain-broken-parent", "{error}");
}

#[test]
fn a_skipped_height_is_refused() {
    let (_, view, mut reports) = bft_setup(4);
    reports.remove(1);
    let error = first_error(&view, &anchor(&reports, PER_BLOCK, FIRST_MAIN, 0));
    assert_eq!(error.code(), "subchain-skipped-height", "{error}");
}

#[test]
fn a_missing_anchor_is_caught_by_index_and_by_finish() {
    let (_, view, reports) = bft_setup(5);
    let anchored = anchor(&reports, PER_BLOCK, FIRST_MAIN, 0);
    // The node skips report 2 in its answer.
    let mut gap: Vec<AnchoredReport> = anchored.items.clone();
    gap.remove(2);
    let mut audit = new_audit(&view);
    let error = audit_items(&mut audit, &anchored, &gap).unwrap_err();
    assert_eq!(error.code(), "subchain-missing-anchor", "{error}");
    assert!(matches!(
        error,
        AuditError::MissingAnchor {
            expected: 2,
            got: 3,
            ..
        }
    ));
    // The node hides the last report: the record proven at the head counts it.
    let mut audit = new_audit(&view);
    audit_items(&mut audit, &anchored, &anchored.items[..4]).unwrap();
    let error = audit
        .finish(&view.record(last_main(&anchored)))
        .unwrap_err();
    assert_eq!(error.code(), "subchain-missing-anchor", "{error}");
    assert!(matches!(
        error,
        AuditError::MissingAnchor {
            expected: 5,
            got: 4,
            ..
        }
    ));
}

#[test]
fn an_anchor_proof_that_does_not_verify_is_refused() {
    let (_, view, reports) = bft_setup(4);
    let anchored = anchor(&reports, PER_BLOCK, FIRST_MAIN, 1);
    let check = |items: &[AnchoredReport]| {
        let mut audit = new_audit(&view);
        audit_items(&mut audit, &anchored, items).unwrap_err()
    };
    // A sibling hash of the path changed.
    let mut items = anchored.items.clone();
    items[1].anchor_proof.path[0] = Hash32(sha256(b"forged"));
    assert_eq!(check(&items).code(), "subchain-anchor-proof-invalid");
    // The leaf index moved (still in anchoring order).
    let mut items = anchored.items.clone();
    items[2].leaf_index = 2;
    assert_eq!(check(&items).code(), "subchain-anchor-proof-invalid");
    // Another outcome than the one anchored (the leaf differs).
    let mut items = anchored.items.clone();
    items[1].outcome = Outcome::Replaces;
    assert_eq!(check(&items).code(), "subchain-anchor-proof-invalid");
    // Another report than the one anchored.
    let mut items = anchored.items.clone();
    items[1].report = items[2].report.clone();
    assert_eq!(check(&items).code(), "subchain-anchor-proof-invalid");
    // Checked against another main header.
    let mut audit = new_audit(&view);
    let error = audit
        .check(anchored.chain.header(FIRST_MAIN + 1), &{
            let mut item = anchored.items[0].clone();
            item.main_height = FIRST_MAIN + 1;
            item
        })
        .unwrap_err();
    assert_eq!(error.code(), "subchain-anchor-proof-invalid");
    let error = audit
        .check(anchored.chain.header(FIRST_MAIN + 1), &anchored.items[0])
        .unwrap_err();
    assert_eq!(error.code(), "subchain-wrong-main-height");
}

#[test]
fn anchoring_order_and_outcomes_are_checked() {
    let (_, view, reports) = bft_setup(4);
    let anchored = anchor(&reports, PER_BLOCK, FIRST_MAIN, 0);
    // Main heights going backwards.
    let mut items = anchored.items.clone();
    items[2] = AnchoredReport {
        index: 2,
        ..items[1].clone()
    };
    let mut audit = new_audit(&view);
    let error = audit_items(&mut audit, &anchored, &items).unwrap_err();
    assert_eq!(error.code(), "subchain-anchor-out-of-order", "{error}");
    // A valid report anchored with another outcome than the rules give.
    let mut claims = reports.clone();
    claims[1].1 = Outcome::Equivocation;
    let error = first_error(&view, &anchor(&claims, PER_BLOCK, FIRST_MAIN, 0));
    assert_eq!(error.code(), "subchain-outcome-mismatch", "{error}");
}

#[test]
fn reports_after_a_halt_are_refused() {
    let (mut sub, view, anchored) = equivocation();
    let mut audit = new_audit(&view);
    audit_items(&mut audit, &anchored, &anchored.items).unwrap();
    // A faulty main chain anchors block 5 after the halt.
    let mut reports: Vec<(SubchainReport, Outcome)> = anchored
        .items
        .iter()
        .map(|i| (i.report.clone(), i.outcome))
        .collect();
    let mut fresh = BftSubchain::new(1, Committee::numbered(1, 4));
    for _ in 0..5 {
        let _ = fresh.next(None);
    }
    let _ = &mut sub;
    reports.push((fresh.twin(5), Outcome::Extends));
    let anchored = anchor(&reports, PER_BLOCK, FIRST_MAIN, 1);
    let item = anchored.items.last().unwrap();
    let error = audit
        .check(anchored.chain.header(item.main_height), item)
        .unwrap_err();
    assert_eq!(error.code(), "subchain-halted", "{error}");
}

#[test]
fn finish_compares_tip_params_and_last_anchor() {
    let (_, view, reports) = bft_setup(3);
    let anchored = anchor(&reports, PER_BLOCK, FIRST_MAIN, 0);
    let mut audit = new_audit(&view);
    audit_items(&mut audit, &anchored, &anchored.items).unwrap();
    let record = view.record(last_main(&anchored));
    audit.finish(&record).unwrap();
    let mut tip = record.clone();
    tip.tip.hash = Hash32(sha256(b"other tip"));
    assert_eq!(
        audit.finish(&tip).unwrap_err().code(),
        "subchain-tip-mismatch"
    );
    let mut params = record.clone();
    params.params = ConsensusParams::PowXor(TEST_POW);
    assert_eq!(
        audit.finish(&params).unwrap_err().code(),
        "subchain-record-mismatch"
    );
    let mut last = record;
    last.last_anchor_height += 1;
    assert_eq!(
        audit.finish(&last).unwrap_err().code(),
        "subchain-record-mismatch"
    );
}

#[test]
fn a_checkpoint_resumes_the_audit_identically() {
    let (_, view, anchored) = equivocation();
    let mut whole = new_audit(&view);
    audit_items(&mut whole, &anchored, &anchored.items).unwrap();
    for split in 0..=anchored.items.len() {
        let mut first = new_audit(&view);
        audit_items(&mut first, &anchored, &anchored.items[..split]).unwrap();
        let bytes = first.encode_checkpoint();
        let mut resumed = SubchainAudit::decode_checkpoint(&bytes).unwrap();
        assert_eq!(resumed, first);
        audit_items(&mut resumed, &anchored, &anchored.items[split..]).unwrap();
        assert_eq!(resumed, whole);
        assert_eq!(resumed.encode_checkpoint(), whole.encode_checkpoint());
    }
    // A pow-xor audit too.
    let mut pow = pow_view();
    let reports = pow_reports(&mut pow, 10);
    let anchored = anchor(&reports, PER_BLOCK, FIRST_MAIN, 0);
    let mut audit = new_audit(&pow);
    audit_items(&mut audit, &anchored, &anchored.items[..5]).unwrap();
    let mut resumed = SubchainAudit::decode_checkpoint(&audit.encode_checkpoint()).unwrap();
    audit_items(&mut resumed, &anchored, &anchored.items[5..]).unwrap();
    resumed.finish(&pow.record(last_main(&anchored))).unwrap();
}

#[test]
fn checkpoints_decode_strictly() {
    let (_, view, anchored) = equivocation();
    let mut audit = new_audit(&view);
    audit_items(&mut audit, &anchored, &anchored.items).unwrap();
    let bytes = audit.encode_checkpoint();
    for cut in 0..bytes.len() {
        assert!(
            SubchainAudit::decode_checkpoint(&bytes[..cut]).is_err(),
            "{cut}"
        );
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(SubchainAudit::decode_checkpoint(&longer).is_err());
    let mut version = bytes.clone();
    version[1] = 2;
    assert!(matches!(
        SubchainAudit::decode_checkpoint(&version),
        Err(jifen_protocol::DecodeError::UnsupportedVersion { .. })
    ));
    // A tip that is not the last anchored header.
    let fresh = new_audit(&view).encode_checkpoint();
    let tip_at = 2 + 4 + "jifen-devnet".len() + 4 + 33;
    let mut tip = fresh.clone();
    tip[tip_at + 7] = 1;
    assert!(SubchainAudit::decode_checkpoint(&tip).is_err());
    assert!(SubchainAudit::decode_checkpoint(&fresh).is_ok());
}

/// xorshift64: a seeded, reproducible stream.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn random_sibling_sets_resolve_to_the_pairwise_xor_minimum() {
    let mut state = 0x5eed_u64;
    for round in 0..40u64 {
        let mut view = pow_view();
        let mut reports = Vec::new();
        let base = mine_next(&view, T0, round);
        view.accept(&base, FIRST_MAIN);
        reports.push((base, Outcome::Extends));
        let count = 2 + (next(&mut state) % 6) as usize;
        let mut siblings: Vec<SubchainReport> = (0..count)
            .map(|n| mine_next(&view, T0 + 1_000, 1_000 * round + n as u64))
            .collect();
        // A random order (Fisher-Yates).
        for i in (1..siblings.len()).rev() {
            let j = (next(&mut state) % (i as u64 + 1)) as usize;
            siblings.swap(i, j);
        }
        let parent = view.tip.hash;
        for sibling in &siblings {
            // The node anchors what the rules accept, refuses the losers.
            if view.check(sibling).is_ok() {
                let outcome = view.accept(sibling, FIRST_MAIN + reports.len() as u64);
                reports.push((sibling.clone(), outcome));
            }
        }
        let minimum = siblings
            .iter()
            .map(|s| s.header.hash())
            .min_by_key(|id| xor_distance(id, &parent))
            .unwrap();
        let anchored = anchor(&reports, 1, FIRST_MAIN, (round % 3) as usize);
        let mut audit = new_audit(&view);
        audit_items(&mut audit, &anchored, &anchored.items).unwrap();
        audit.finish(&view.record(last_main(&anchored))).unwrap();
        assert_eq!(audit.tip().hash, minimum, "round {round}");
        assert_eq!(view.tip.hash, minimum);
        // The pairwise rule agrees: the minimum beats every other sibling.
        for s in &siblings {
            let id = s.header.hash();
            assert_eq!(xor_wins(&minimum, &id, &parent), id != minimum);
        }
    }
}

#[test]
fn mined_headers_meet_their_bits() {
    let report = mine(subchain(2), 1, Hash32::ZERO, T0, 6, 3);
    let Seal::Pow { bits, .. } = report.header.seal else {
        panic!()
    };
    assert!(jifen_protocol::subchain::leading_zero_bits(&report.header.hash()) >= u32::from(bits));
}

#[test]
fn alerts_name_what_to_fetch() {
    let (_, view, anchored) = equivocation();
    let mut audit = new_audit(&view);
    audit_items(&mut audit, &anchored, &anchored.items).unwrap();
    let Alert::Equivocation { first, second, .. } = &audit.alerts()[0] else {
        panic!()
    };
    assert_eq!(first.index, 1);
    assert_eq!(second.index, 4);
}
