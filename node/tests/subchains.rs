//! Subchains on the main chain (ADR 0019): registration by real
//! transactions, bft and pow-xor reports checked and anchored (or refused
//! with their codes), equivocation halting a subchain, retirement, anchor
//! proofs against each block's `anchors_root`, and the reports index
//! surviving a restart. The chain is driven block by block (no timer).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::subchain::*;
use jifen_node::keys::NodeKey;
use jifen_node::subchains::bft;
use jifen_protocol::subchain::{
    MIN_SUBCHAIN_STAKE, Outcome, ReportSeal, Seal, SubchainCode, SubchainId, SubchainRetire,
    SubchainStatus, anchors_root, xor_wins,
};
use jifen_protocol::{Hash32, TxPayload};
use serde_json::json;

fn code(code: SubchainCode) -> u16 {
    code.number()
}

fn owner() -> NodeKey {
    NodeKey::devnet_account(1).unwrap()
}

fn relayer() -> NodeKey {
    NodeKey::devnet_account(2).unwrap()
}

fn body(id: SubchainId, height: u64, parent: Hash32) -> bft::Body {
    bft::Body {
        subchain: id,
        height,
        time_ms: GENESIS_MS + height,
        parent,
        tx_root: Hash32::ZERO,
        state_root: Hash32([height as u8; 32]),
    }
}

fn bft_report(
    id: SubchainId,
    height: u64,
    parent: Hash32,
) -> jifen_protocol::subchain::SubchainReport {
    bft::report(&common::chain_id(), &body(id, height, parent)).unwrap()
}

#[test]
fn registration_locks_the_stake_and_refuses_a_low_one() {
    let dir = tempfile::tempdir().unwrap();
    let main = Main::open(dir.path());
    let before = main.balance(&owner());
    let low = TxPayload::SubchainRegister(jifen_protocol::subchain::SubchainRegister {
        name: "cheap".into(),
        stake: MIN_SUBCHAIN_STAKE - 1,
        consensus: bft_consensus(bft::committee(0).unwrap().0),
    });
    assert_eq!(main.run(&owner(), low), code(SubchainCode::StakeTooLow));
    let registered = main.run(
        &owner(),
        register_payload("trace", bft_consensus(bft::committee(0).unwrap().0)),
    );
    assert_eq!(registered, 0);
    // The refused one paid nothing (the mempool refused it); this one its
    // fee and the stake.
    assert_eq!(main.balance(&owner()), before - MIN_SUBCHAIN_STAKE - FEE);
    let id = SubchainId::new(1).unwrap();
    let record = main.record(id);
    assert_eq!(record.owner, owner().address());
    assert_eq!(record.stake, MIN_SUBCHAIN_STAKE);
    assert_eq!(record.registered_at, main.height());
    assert_eq!(record.status, SubchainStatus::Active);
    assert_eq!(record.tip, record.params.genesis_tip());
    let listing = main.rpc(None, "jifen_subchains", json!({})).unwrap();
    let listing = jifen_rpc_types::SubchainsResult::from_json(&listing).unwrap();
    assert_eq!(listing.subchains, vec![(id, record)]);
    assert_eq!(
        main.rpc(
            None,
            "jifen_subchainReports",
            json!({"subchain": 9, "from": 0, "limit": 1})
        ),
        Err(1201)
    );
}

#[test]
fn bft_reports_extend_change_committee_and_an_equivocation_halts() {
    let dir = tempfile::tempdir().unwrap();
    let main = Main::open(dir.path());
    let genesis = bft::committee(0).unwrap().0;
    assert_eq!(
        main.run(&owner(), register_payload("trace", bft_consensus(genesis))),
        0
    );
    let id = SubchainId::new(1).unwrap();

    // Heights 1 ..= SET_EVERY + 2: the committee changes after SET_EVERY.
    let mut parent = Hash32::ZERO;
    let mut headers = Vec::new();
    for height in 1..=bft::SET_EVERY + 2 {
        let report = bft_report(id, height, parent);
        let ReportSeal::Bft {
            next_validators, ..
        } = &report.seal
        else {
            unreachable!()
        };
        assert_eq!(next_validators.is_some(), height == bft::SET_EVERY);
        // Several reports per block: queue two, then produce.
        main.queue(&relayer(), TxPayload::SubchainReport(report.clone()))
            .unwrap();
        if height % 2 == 0 {
            main.produce();
        }
        parent = report.header.hash();
        headers.push(report.header);
    }
    main.produce();
    let record = main.record(id);
    assert_eq!(record.tip.height, bft::SET_EVERY + 2);
    assert_eq!(record.reports, bft::SET_EVERY + 2);
    assert_eq!(record.last_anchor_height, main.height() - 1);

    let tip = record.tip.height;
    // Refusals, each with its code (the mempool runs the block's check).
    let skipped = bft_report(id, tip + 2, parent);
    assert_eq!(
        main.report(&relayer(), &skipped),
        code(SubchainCode::SkippedHeight)
    );
    let broken = bft_report(id, tip + 1, Hash32([7; 32]));
    assert_eq!(
        main.report(&relayer(), &broken),
        code(SubchainCode::BrokenParent)
    );
    let mut unsigned = bft_report(id, tip + 1, parent);
    if let ReportSeal::Bft { commit, .. } = &mut unsigned.seal {
        commit.signatures.truncate(2);
    }
    assert_eq!(
        main.report(&relayer(), &unsigned),
        code(SubchainCode::NoQuorum)
    );
    let mut forged = bft_report(id, tip + 1, parent);
    if let ReportSeal::Bft { commit, .. } = &mut forged.seal {
        commit.block_hash = Hash32([1; 32]);
    }
    assert_eq!(
        main.report(&relayer(), &forged),
        code(SubchainCode::BadCommit)
    );
    // Signed by the old committee after the change.
    let (old, old_keys) = bft::committee(0).unwrap();
    let mut stale = bft_report(id, tip + 1, parent);
    stale.header.seal = Seal::Bft {
        validators_hash: old.hash(),
        next_validators_hash: old.hash(),
    };
    let commit = bft::sign(&common::chain_id(), &stale.header, &old, &old_keys, None).unwrap();
    stale.seal = ReportSeal::Bft {
        commit,
        validators: old,
        next_validators: None,
    };
    assert_eq!(
        main.report(&relayer(), &stale),
        code(SubchainCode::WrongValidators)
    );
    // A next committee where the header names none (it does not change).
    let mut extra = bft_report(id, tip + 1, parent);
    if let ReportSeal::Bft {
        next_validators, ..
    } = &mut extra.seal
    {
        *next_validators = Some(bft::committee(9).unwrap().0);
    }
    assert_eq!(
        main.report(&relayer(), &extra),
        code(SubchainCode::BadNextValidators)
    );
    // A header older than its parent.
    let mut early = body(id, tip + 1, parent);
    early.time_ms = GENESIS_MS;
    let early = bft::report(&common::chain_id(), &early).unwrap();
    assert_eq!(
        main.report(&relayer(), &early),
        code(SubchainCode::TimeBackwards)
    );
    assert_eq!(
        main.record(id).reports,
        record.reports,
        "refusals are not anchored"
    );

    // The anchors of every block are the root of its leaves, and the RPC's
    // proofs verify against them.
    let reports = main.verified_reports(id);
    assert_eq!(reports.len() as u64, record.reports);
    assert!(
        reports
            .iter()
            .all(|(outcome, _)| *outcome == Outcome::Extends)
    );
    {
        let chain = main.chain.lock().unwrap();
        for height in 1..=chain.height() {
            let header = chain.header(height).unwrap().unwrap();
            assert_eq!(
                header.anchors_root,
                anchors_root(&chain.anchors(height).unwrap())
            );
        }
        assert_eq!(chain.verify_store().unwrap(), chain.height());
    }
    let held = main
        .rpc(
            None,
            "jifen_subchainHeaders",
            json!({"subchain": 1, "from": 1, "to": 256}),
        )
        .unwrap();
    let held = jifen_rpc_types::SubchainHeadersResult::from_json(&held).unwrap();
    assert_eq!(
        held.headers
            .iter()
            .map(|(_, h)| h.clone())
            .collect::<Vec<_>>(),
        headers
    );
    // A node that does not keep the subchain's blocks says so.
    assert_eq!(
        main.rpc(
            None,
            "jifen_subchainState",
            json!({"subchain": 1, "key": "demo/height"})
        ),
        Err(2006)
    );

    // Equivocation: a second header at height 3, committed by its committee.
    let mut twin = body(id, 3, headers[1].hash());
    twin.state_root = Hash32([0xee; 32]);
    let twin = bft::report(&common::chain_id(), &twin).unwrap();
    assert_eq!(main.report(&relayer(), &twin), 0);
    let halted = main.record(id);
    assert_eq!(halted.status, SubchainStatus::Halted { height: 3 });
    assert_eq!(halted.tip, record.tip);
    assert_eq!(halted.reports, record.reports + 1);
    let reports = main.verified_reports(id);
    assert_eq!(reports.last().unwrap().0, Outcome::Equivocation);
    // The held header at height 3 is still the first one.
    let held = main
        .rpc(
            None,
            "jifen_subchainHeaders",
            json!({"subchain": 1, "from": 3, "to": 3}),
        )
        .unwrap();
    let held = jifen_rpc_types::SubchainHeadersResult::from_json(&held).unwrap();
    assert_eq!(held.headers[0].1, headers[2]);
    // Halted: reports refused, the stake stays locked.
    let next = bft_report(id, tip + 1, parent);
    assert_eq!(main.report(&relayer(), &next), code(SubchainCode::Halted));
    let retire = TxPayload::SubchainRetire(SubchainRetire { subchain: id });
    assert_eq!(main.run(&owner(), retire), code(SubchainCode::Halted));
    assert_eq!(main.record(id).stake, MIN_SUBCHAIN_STAKE);
}

#[test]
fn pow_xor_fork_choice_and_its_refusals() {
    let dir = tempfile::tempdir().unwrap();
    let main = Main::open(dir.path());
    let bits = 6;
    let consensus = jifen_protocol::subchain::tx::RegisterConsensus::PowXor(pow_params(bits));
    assert_eq!(main.run(&owner(), register_payload("xor", consensus)), 0);
    let id = SubchainId::new(1).unwrap();
    assert!(is_pow(&main.record(id)));

    let one = &siblings(&pow_template(id, 1, Hash32::ZERO, bits), 1)[0];
    assert_eq!(main.report(&relayer(), &pow_report(one.clone())), 0);

    // Two siblings at height 2: the loser first (extends), then the winner
    // (replaces); the loser again loses the fork choice.
    let pair = siblings(&pow_template(id, 2, one.hash(), bits), 3);
    let (winner, loser) = if xor_wins(&pair[0].hash(), &pair[1].hash(), &one.hash()) {
        (&pair[0], &pair[1])
    } else {
        (&pair[1], &pair[0])
    };
    assert_eq!(main.report(&relayer(), &pow_report(loser.clone())), 0);
    assert_eq!(main.report(&relayer(), &pow_report(winner.clone())), 0);
    assert_eq!(main.record(id).tip.hash, winner.hash());
    assert_eq!(
        main.report(&relayer(), &pow_report(loser.clone())),
        code(SubchainCode::LosesForkChoice)
    );
    assert_eq!(
        main.report(&relayer(), &pow_report(winner.clone())),
        code(SubchainCode::AlreadyAnchored)
    );
    let outcomes: Vec<Outcome> = main.verified_reports(id).into_iter().map(|r| r.0).collect();
    assert_eq!(
        outcomes,
        [Outcome::Extends, Outcome::Extends, Outcome::Replaces]
    );

    // Height 3 on the winner; then a third sibling at 2 is too deep.
    let three = &siblings(&pow_template(id, 3, winner.hash(), bits), 1)[0];
    assert_eq!(main.report(&relayer(), &pow_report(three.clone())), 0);
    assert_eq!(
        main.report(&relayer(), &pow_report(pair[2].clone())),
        code(SubchainCode::ReorgTooDeep)
    );
    // Skipped height, broken parent, insufficient work, wrong bits.
    let five = &siblings(&pow_template(id, 5, three.hash(), bits), 1)[0];
    assert_eq!(
        main.report(&relayer(), &pow_report(five.clone())),
        code(SubchainCode::SkippedHeight)
    );
    let orphan = &siblings(&pow_template(id, 4, Hash32([3; 32]), bits), 1)[0];
    assert_eq!(
        main.report(&relayer(), &pow_report(orphan.clone())),
        code(SubchainCode::BrokenParent)
    );
    let mut weak = pow_template(id, 4, three.hash(), bits);
    let nonce = (0..)
        .find(|nonce| {
            weak.seal = Seal::Pow {
                bits,
                nonce: *nonce,
            };
            !jifen_protocol::subchain::meets_work(&weak.hash(), bits)
        })
        .unwrap();
    weak.seal = Seal::Pow { bits, nonce };
    assert_eq!(
        main.report(&relayer(), &pow_report(weak)),
        code(SubchainCode::InsufficientWork)
    );
    let harder = &siblings(&pow_template(id, 4, three.hash(), bits + 1), 1)[0];
    assert_eq!(
        main.report(&relayer(), &pow_report(harder.clone())),
        code(SubchainCode::WrongBits)
    );
    // A bft report to a pow-xor subchain.
    let wrong_kind = bft_report(id, 4, three.hash());
    assert_eq!(
        main.report(&relayer(), &wrong_kind),
        code(SubchainCode::WrongKind)
    );

    // Retire: only the owner, then the stake comes back and reports stop.
    let retire = TxPayload::SubchainRetire(SubchainRetire { subchain: id });
    assert_eq!(
        main.run(&relayer(), retire.clone()),
        code(SubchainCode::NotOwner)
    );
    let before = main.balance(&owner());
    assert_eq!(main.run(&owner(), retire.clone()), 0);
    assert_eq!(main.balance(&owner()), before + MIN_SUBCHAIN_STAKE - FEE);
    let record = main.record(id);
    // The record keeps the amount it returned.
    assert_eq!(
        (record.status, record.stake),
        (SubchainStatus::Retired, MIN_SUBCHAIN_STAKE)
    );
    let four = &siblings(&pow_template(id, 4, three.hash(), bits), 1)[0];
    assert_eq!(
        main.report(&relayer(), &pow_report(four.clone())),
        code(SubchainCode::Retired)
    );
    assert_eq!(main.run(&owner(), retire), code(SubchainCode::Retired));
}

#[test]
fn a_refused_report_in_a_block_pays_its_fee_and_is_not_anchored() {
    let dir = tempfile::tempdir().unwrap();
    let main = Main::open(dir.path());
    let bits = 4;
    let consensus = jifen_protocol::subchain::tx::RegisterConsensus::PowXor(pow_params(bits));
    assert_eq!(main.run(&owner(), register_payload("xor", consensus)), 0);
    let id = SubchainId::new(1).unwrap();
    let pair = siblings(&pow_template(id, 1, Hash32::ZERO, bits), 2);
    let (winner, loser) = if xor_wins(&pair[0].hash(), &pair[1].hash(), &Hash32::ZERO) {
        (&pair[0], &pair[1])
    } else {
        (&pair[1], &pair[0])
    };
    // Both in one block, the winner first: the second is checked in the
    // block (the mempool only dry-runs a sender's first pending one).
    let before = main.balance(&relayer());
    let first = main
        .queue(
            &relayer(),
            TxPayload::SubchainReport(pow_report(winner.clone())),
        )
        .unwrap();
    let second = main
        .queue(
            &relayer(),
            TxPayload::SubchainReport(pow_report(loser.clone())),
        )
        .unwrap();
    main.produce();
    assert_eq!(main.code(&first), 0);
    assert_eq!(main.code(&second), code(SubchainCode::LosesForkChoice));
    assert_eq!(main.balance(&relayer()), before - 2 * FEE);
    let chain = main.chain.lock().unwrap();
    let leaves = chain.anchors(chain.height()).unwrap();
    // The subchain's first report: index 0.
    assert_eq!(leaves, vec![leaf_of(Outcome::Extends, winner, 0)]);
    let header = chain.header(chain.height()).unwrap().unwrap();
    assert_eq!(header.anchors_root, anchors_root(&leaves));
}

#[test]
fn restart_keeps_the_reports_index() {
    let dir = tempfile::tempdir().unwrap();
    let bits = 4;
    let id = SubchainId::new(1).unwrap();
    let (reports, tip) = {
        let main = Main::open(dir.path());
        let consensus = jifen_protocol::subchain::tx::RegisterConsensus::PowXor(pow_params(bits));
        assert_eq!(main.run(&owner(), register_payload("xor", consensus)), 0);
        let mut parent = Hash32::ZERO;
        for height in 1..=4 {
            let header = &siblings(&pow_template(id, height, parent, bits), 1)[0];
            assert_eq!(main.report(&relayer(), &pow_report(header.clone())), 0);
            parent = header.hash();
        }
        (
            main.rpc(
                None,
                "jifen_subchainReports",
                json!({"subchain": 1, "from": 0, "limit": 256}),
            )
            .unwrap(),
            main.height(),
        )
    };
    let main = Main::reopen(dir.path());
    assert_eq!(main.height(), tip);
    let again = main
        .rpc(
            None,
            "jifen_subchainReports",
            json!({"subchain": 1, "from": 0, "limit": 256}),
        )
        .unwrap();
    assert_eq!(again, reports);
    assert_eq!(main.verified_reports(id).len(), 4);
    let page = main
        .rpc(
            None,
            "jifen_subchainReports",
            json!({"subchain": 1, "from": 2, "limit": 1}),
        )
        .unwrap();
    let page = jifen_rpc_types::SubchainReportsResult::from_json(&page).unwrap();
    assert_eq!(
        (page.total, page.reports.len(), page.reports[0].index),
        (4, 1, 2)
    );
    let verified = main.chain.lock().unwrap().verify_store().unwrap();
    assert_eq!(verified, main.height());
}
