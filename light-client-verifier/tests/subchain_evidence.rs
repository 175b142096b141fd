//! Subchain evidence: an equivocating bft subchain and a losing pow-xor
//! sibling anchored as `replaces` give evidence files that verify offline;
//! each tampering is refused with its own code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod subchain_common;

use jifen_light_client_verifier::subchain::test_chain::{
    Committee, anchor, devnet, mine, mine_next,
};
use jifen_light_client_verifier::test_chain::T0;
use jifen_light_client_verifier::{AnchoredIn, SubchainEvidence, verify_subchain_evidence};
use jifen_protocol::message::Coded;
use jifen_protocol::subchain::{Outcome, Seal};
use jifen_protocol::{Hash32, sha256};
use subchain_common::*;

#[test]
fn a_losing_sibling_anchored_as_replaces_is_refused_with_evidence() {
    let (view, anchored) = lost_fork_choice();
    let mut audit = new_audit(&view);
    let error = audit_items(&mut audit, &anchored, &anchored.items).unwrap_err();
    assert_eq!(error.code(), "subchain-loses-fork-choice", "{error}");
    assert_eq!(
        audit.reports_checked(),
        3,
        "the refused report is not counted"
    );
    let again = audit.check(
        anchored.chain.header(anchored.items[3].main_height),
        &anchored.items[3],
    );
    assert_eq!(again.unwrap_err().code(), "subchain-loses-fork-choice");
    let [alert] = audit.alerts() else {
        panic!("one alert")
    };
    assert_eq!(alert.code(), "subchain-alert-lost-fork-choice");
    assert_eq!(alert.args().len(), 4);
    let (winner, loser_height) = alert.needs();
    let earlier = &anchored.items[usize::try_from(winner.index).unwrap()];
    let evidence = alert
        .evidence(
            &devnet(),
            earlier,
            &anchored.chain.block(winner.main_height),
            &anchored.chain.block(loser_height),
        )
        .unwrap();
    let text = evidence.to_json();
    assert!(text.contains("\"kind\": \"lost-fork-choice\""));
    let read = SubchainEvidence::from_json(&text).unwrap();
    assert_eq!(read, evidence);
    let verified = verify_subchain_evidence(&read).unwrap();
    assert_eq!(verified.kind, "lost-fork-choice");
    assert_eq!(verified.height, 3);
    assert_eq!(verified.header_hashes[0], winner.header_hash);
    // The wrong earlier report is refused.
    let error = alert
        .evidence(
            &devnet(),
            &anchored.items[0],
            &anchored.chain.block(winner.main_height),
            &anchored.chain.block(loser_height),
        )
        .unwrap_err();
    assert_eq!(error.code(), "subchain-evidence-wrong-report");
    lost_fork_choice_tampering(&evidence);
}

fn lost_fork_choice_tampering(evidence: &SubchainEvidence) {
    let SubchainEvidence::LostForkChoice {
        main_chain,
        subchain,
        parent,
        winner,
        loser,
    } = evidence.clone()
    else {
        panic!()
    };
    let refuse = |e: SubchainEvidence, code: &str| {
        let error = verify_subchain_evidence(&e).unwrap_err();
        assert_eq!(error.code(), code, "{error}");
    };
    let build = |winner, loser, parent| SubchainEvidence::LostForkChoice {
        main_chain: main_chain.clone(),
        subchain,
        parent,
        winner,
        loser,
    };
    refuse(
        build(loser.clone(), winner.clone(), parent),
        "subchain-evidence-winner-not-first",
    );
    refuse(
        build(winner.clone(), loser.clone(), Hash32(sha256(b"x"))),
        "subchain-evidence-not-siblings",
    );
    refuse(
        build(winner.clone(), winner.clone(), parent),
        "subchain-evidence-no-conflict",
    );
    let mut extends = loser.clone();
    extends.item.outcome = Outcome::Extends;
    refuse(
        build(winner.clone(), extends, parent),
        "subchain-evidence-anchor-proof-invalid",
    );
    let mut moved = loser.clone();
    moved.item.main_height += 1;
    refuse(
        build(winner.clone(), moved, parent),
        "subchain-evidence-main-height-mismatch",
    );
    let mut unsigned = loser.clone();
    unsigned.main_block.commit.signatures.truncate(2);
    refuse(
        build(winner.clone(), unsigned, parent),
        "subchain-evidence-main-block-invalid",
    );
    let as_equivocation = SubchainEvidence::Equivocation {
        main_chain: main_chain.clone(),
        subchain,
        first: winner.clone(),
        second: loser.clone(),
    };
    refuse(as_equivocation, "subchain-evidence-wrong-kind");
    let other_chain = SubchainEvidence::LostForkChoice {
        main_chain: jifen_protocol::ChainId::new("jifen-testnet").unwrap(),
        subchain,
        parent,
        winner: winner.clone(),
        loser: loser.clone(),
    };
    refuse(other_chain, "subchain-evidence-wrong-main-chain");
    let other_subchain = SubchainEvidence::LostForkChoice {
        main_chain: main_chain.clone(),
        subchain: jifen_light_client_verifier::subchain::test_chain::subchain(7),
        parent,
        winner,
        loser,
    };
    refuse(other_subchain, "subchain-evidence-wrong-subchain");
}

#[test]
fn a_claimed_loser_that_wins_is_no_evidence() {
    // Honest: loser anchored first, replaced by the winner. Claiming the
    // replacing winner lost is refused.
    let mut view = pow_view();
    let mut reports = Vec::new();
    let first = mine_next(&view, T0 + 1_000, 0);
    view.accept(&first, FIRST_MAIN);
    reports.push((first, Outcome::Extends));
    let (winner, loser) = candidates(&view, T0 + 2_000);
    reports.push((loser, Outcome::Extends));
    reports.push((winner, Outcome::Replaces));
    let anchored = anchor(&reports, PER_BLOCK, FIRST_MAIN, 0);
    let side = |i: usize| AnchoredIn {
        item: anchored.items[i].clone(),
        main_block: anchored.chain.block(anchored.items[i].main_height),
    };
    let claim = SubchainEvidence::LostForkChoice {
        main_chain: devnet(),
        subchain: view.id,
        parent: view.tip.hash,
        winner: side(1),
        loser: side(2),
    };
    let error = verify_subchain_evidence(&claim).unwrap_err();
    assert_eq!(error.code(), "subchain-evidence-loser-wins");
    // The auditor accepts the honest sequence.
    let mut audit = new_audit(&view);
    audit_items(&mut audit, &anchored, &anchored.items).unwrap();
}

#[test]
fn an_equivocating_bft_subchain_alerts_and_its_evidence_verifies_offline() {
    let (sub, view, anchored) = equivocation();
    let mut audit = new_audit(&view);
    for item in &anchored.items[..4] {
        assert!(
            !audit
                .check(anchored.chain.header(item.main_height), item)
                .unwrap()
                .alert
        );
    }
    let twin = &anchored.items[4];
    let checked = audit
        .check(anchored.chain.header(twin.main_height), twin)
        .unwrap();
    assert!(checked.alert);
    assert_eq!(checked.outcome, Outcome::Equivocation);
    assert_eq!(audit.halted_at(), Some(2));
    assert_eq!(audit.tip(), &view.tip, "the tip stays");
    audit.finish(&view.record(last_main(&anchored))).unwrap();
    // An active record contradicts the audit.
    let mut active = view.record(last_main(&anchored));
    active.status = jifen_protocol::subchain::SubchainStatus::Active;
    assert_eq!(
        audit.finish(&active).unwrap_err().code(),
        "subchain-status-mismatch"
    );

    let [alert] = audit.alerts() else {
        panic!("one alert")
    };
    assert_eq!(alert.code(), "subchain-alert-equivocation");
    assert_eq!(alert.height(), 2);
    let (first, second_height) = alert.needs();
    assert_eq!(first.header_hash, sub.produced(2).hash());
    let evidence = alert
        .evidence(
            &devnet(),
            &anchored.items[usize::try_from(first.index).unwrap()],
            &anchored.chain.block(first.main_height),
            &anchored.chain.block(second_height),
        )
        .unwrap();
    // Offline: only the file.
    let text = evidence.to_json();
    let read = SubchainEvidence::from_json(&text).unwrap();
    assert_eq!(read, evidence);
    let verified = verify_subchain_evidence(&read).unwrap();
    assert_eq!(verified.kind, "equivocation");
    assert_eq!(verified.height, 2);
    assert_eq!(verified.double_signers.len(), 4);
    assert_eq!(verified.main_heights, [main_height(1), main_height(4)]);
    equivocation_tampering(&evidence, &text);
}

fn equivocation_tampering(evidence: &SubchainEvidence, text: &str) {
    let SubchainEvidence::Equivocation {
        main_chain,
        subchain,
        first,
        second,
    } = evidence.clone()
    else {
        panic!()
    };
    let refuse = |first, second, code: &str| {
        let e = SubchainEvidence::Equivocation {
            main_chain: main_chain.clone(),
            subchain,
            first,
            second,
        };
        let error = verify_subchain_evidence(&e).unwrap_err();
        assert_eq!(error.code(), code, "{error}");
        assert!(!Coded::args(&error).is_empty());
    };
    // The commit of the second header without quorum (the anchor leaf does
    // not cover the commit, so only the commit check catches it).
    let mut weak = second.clone();
    commit_mut(&mut weak.item.report).signatures.truncate(2);
    refuse(first.clone(), weak, "subchain-evidence-commit-invalid");
    let mut forged = second.clone();
    let commit = commit_mut(&mut forged.item.report);
    commit.signatures[0].signature = commit.signatures[1].signature;
    refuse(first.clone(), forged, "subchain-evidence-commit-invalid");
    refuse(
        first.clone(),
        first.clone(),
        "subchain-evidence-no-conflict",
    );
    let mut proof = second.clone();
    proof.item.anchor_proof.path[0] = Hash32(sha256(b"forged"));
    refuse(
        first.clone(),
        proof,
        "subchain-evidence-anchor-proof-invalid",
    );
    let mut unsigned = second.clone();
    unsigned.main_block.commit.signatures.truncate(1);
    refuse(
        first.clone(),
        unsigned,
        "subchain-evidence-main-block-invalid",
    );
    let mut moved = second.clone();
    moved.item.main_height = first.item.main_height;
    refuse(
        first.clone(),
        moved,
        "subchain-evidence-main-height-mismatch",
    );

    // The file itself.
    let bad_format = text.replace("jifen-subchain-evidence/1", "jifen-subchain-evidence/2");
    assert_eq!(
        SubchainEvidence::from_json(&bad_format).unwrap_err().code(),
        "subchain-evidence-unknown-format"
    );
    let bad_kind = text.replace("\"equivocation\"", "\"lost-fork-choice\"");
    assert_eq!(
        SubchainEvidence::from_json(&bad_kind).unwrap_err().code(),
        "subchain-evidence-unknown-format"
    );
    assert_eq!(
        SubchainEvidence::from_json("{").unwrap_err().code(),
        "subchain-evidence-json"
    );
    let extra = text.replacen('{', "{\"extra\": 1,", 1);
    assert_eq!(
        SubchainEvidence::from_json(&extra).unwrap_err().code(),
        "subchain-evidence-json"
    );
    let report_hex = hex::encode(jifen_protocol::Encode::encode(&second.item));
    let not_hex = text.replace(&report_hex, "zz");
    assert_eq!(
        SubchainEvidence::from_json(&not_hex).unwrap_err().code(),
        "subchain-evidence-hex"
    );
    let short = text.replace(&report_hex, &report_hex[..report_hex.len() - 2]);
    assert_eq!(
        SubchainEvidence::from_json(&short).unwrap_err().code(),
        "subchain-evidence-decode"
    );
}

#[test]
fn equivocation_evidence_needs_one_committee_and_one_height() {
    let (mut sub, mut view, mut reports) = bft_setup(3);
    let _ = &mut sub;
    // A header at height 2 signed by another committee, anchored (by a
    // faulty main chain) beside the honest one; and the honest height 3.
    let stranger = Committee::numbered(31, 4);
    let mut header = reports[1].0.header.clone();
    header.seal = Seal::Bft {
        validators_hash: stranger.set.hash(),
        next_validators_hash: stranger.set.hash(),
    };
    reports.push((
        stranger.report(&devnet(), header, None),
        Outcome::Equivocation,
    ));
    let anchored = anchor(&reports, PER_BLOCK, FIRST_MAIN, 0);
    let side = |i: usize| AnchoredIn {
        item: anchored.items[i].clone(),
        main_block: anchored.chain.block(anchored.items[i].main_height),
    };
    let claim = |a, b| SubchainEvidence::Equivocation {
        main_chain: devnet(),
        subchain: view.id,
        first: side(a),
        second: side(b),
    };
    assert_eq!(
        verify_subchain_evidence(&claim(1, 3)).unwrap_err().code(),
        "subchain-evidence-set-mismatch"
    );
    assert_eq!(
        verify_subchain_evidence(&claim(1, 2)).unwrap_err().code(),
        "subchain-evidence-height-mismatch"
    );
    // The auditor refuses the stranger's header.
    let mut audit = new_audit(&view);
    let error = audit_items(&mut audit, &anchored, &anchored.items).unwrap_err();
    assert_eq!(error.code(), "subchain-wrong-validators", "{error}");
    view.reports += 0;
}

/// Claims over pow-xor siblings that a faulty main chain anchored.
#[test]
fn lost_fork_choice_claims_need_replaces_equal_bits_and_work() {
    let mut view = pow_view();
    let first = mine_next(&view, T0 + 1_000, 0);
    view.accept(&first, FIRST_MAIN);
    let (winner, loser) = candidates(&view, T0 + 2_000);
    let parent = view.tip.hash;
    // The loser mined at one bit more, and a sibling that misses its bits.
    let harder = mine(view.id, 2, parent, T0 + 2_000, 5, 77);
    let mut weak = harder.clone();
    for nonce in 0.. {
        weak.header.seal = Seal::Pow { bits: 4, nonce };
        if !jifen_protocol::subchain::meets_work(&weak.header.hash(), 4) {
            break;
        }
    }
    let reports = vec![
        (first, Outcome::Extends),
        (winner, Outcome::Extends),
        (loser, Outcome::Extends),
        (harder, Outcome::Replaces),
        (weak, Outcome::Replaces),
    ];
    let anchored = anchor(&reports, PER_BLOCK, FIRST_MAIN, 0);
    let side = |i: usize| AnchoredIn {
        item: anchored.items[i].clone(),
        main_block: anchored.chain.block(anchored.items[i].main_height),
    };
    let claim = |loser: usize| SubchainEvidence::LostForkChoice {
        main_chain: devnet(),
        subchain: view.id,
        parent,
        winner: side(1),
        loser: side(loser),
    };
    let code = |loser| verify_subchain_evidence(&claim(loser)).unwrap_err().code();
    assert_eq!(code(2), "subchain-evidence-loser-not-replaces");
    assert_eq!(code(3), "subchain-evidence-bits-mismatch");
    assert_eq!(code(4), "subchain-evidence-insufficient-work");
}

#[test]
fn lost_fork_choice_files_need_a_parent() {
    let (view, anchored) = lost_fork_choice();
    let mut audit = jifen_light_client_verifier::SubchainAudit::new(devnet(), view.id, view.params);
    let _ = audit_items(&mut audit, &anchored, &anchored.items);
    let alert = &audit.alerts()[0];
    let (winner, loser_height) = alert.needs();
    let evidence = alert
        .evidence(
            &devnet(),
            &anchored.items[usize::try_from(winner.index).unwrap()],
            &anchored.chain.block(winner.main_height),
            &anchored.chain.block(loser_height),
        )
        .unwrap();
    let text = evidence.to_json();
    let SubchainEvidence::LostForkChoice { parent, .. } = &evidence else {
        panic!()
    };
    let parent_hex = parent.to_string();
    let no_parent = text.replace(&format!("\"parent\": \"{parent_hex}\""), "\"parent\": null");
    assert_ne!(no_parent, text);
    assert_eq!(
        SubchainEvidence::from_json(&no_parent).unwrap_err().code(),
        "subchain-evidence-unknown-format"
    );
    let short_parent = text.replace(
        &format!("\"parent\": \"{parent_hex}\""),
        &format!("\"parent\": \"{}\"", &parent_hex[..62]),
    );
    assert_ne!(short_parent, text);
    assert_eq!(
        SubchainEvidence::from_json(&short_parent)
            .unwrap_err()
            .code(),
        "subchain-evidence-hex"
    );
    let zero_subchain = text.replace("\"subchain\": 2", "\"subchain\": 0");
    assert_ne!(zero_subchain, text);
    assert_eq!(
        SubchainEvidence::from_json(&zero_subchain)
            .unwrap_err()
            .code(),
        "subchain-evidence-decode"
    );
}
