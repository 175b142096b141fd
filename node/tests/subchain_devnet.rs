//! The devnet's subchains (`jifen_node::subchains`): the producers driven
//! block by block register both subchains with real transactions, the bft
//! committee changes, pow-xor forks resolve both ways (`replaces` and
//! `subchain-loses-fork-choice` really occur), state values are proven
//! against anchored headers; the XOR fork choice of the node equals the
//! pairwise minimum of `xor_wins` on random sibling sets and what the
//! wallet's auditor (`jifen_light_client_verifier::subchain`) derives from
//! the anchored reports (property test);
//! and the hostile faults `subchain-bad-anchor-proof` and
//! `subchain-hide-report` lie as documented.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::subchain::*;
use jifen_node::keys::NodeKey;
use jifen_node::rpc::Fault;
use jifen_node::subchains::{Producers, bft, workload};
use jifen_protocol::subchain::{
    Outcome, SubchainCode, SubchainId, TipState, subchain_state_key, xor_distance, xor_wins,
};
use jifen_protocol::{Hash32, TxPayload, verify_state_proof};
use proptest::prelude::*;
use serde_json::json;

/// Runs the main chain with the producers for `blocks` blocks.
fn run_devnet(main: &Main, producers: &mut Producers, blocks: u64) {
    for _ in 0..blocks {
        main.produce();
        producers.step(&mut main.chain.lock().unwrap()).unwrap();
    }
}

/// Every result code the chain recorded for subchain reports.
fn report_codes(main: &Main) -> Vec<u16> {
    let chain = main.chain.lock().unwrap();
    let mut codes = Vec::new();
    for height in 1..=chain.height() {
        let txs = chain.block_txs(height).unwrap();
        let results = chain.block_results(height).unwrap();
        for (tx, code) in txs.iter().zip(results) {
            if matches!(tx.unsigned.payload, TxPayload::SubchainReport(_)) {
                codes.push(code);
            }
        }
    }
    codes
}

#[test]
fn the_devnet_runs_both_subchains_and_both_fork_outcomes() {
    let dir = tempfile::tempdir().unwrap();
    let main = Main::open(dir.path());
    let mut producers = Producers::new(1_000).unwrap();
    run_devnet(&main, &mut producers, 48);
    let (Some(trace), Some(xor)) = producers.ids() else {
        panic!("not registered: {:?}", producers.ids())
    };
    let trace_record = main.record(trace);
    assert_eq!(trace_record.name, "trace-consortium");
    assert!(trace_record.tip.height > bft::SET_EVERY, "{trace_record:?}");
    // The committee changed: the tip is signed by the second committee.
    let TipState::Bft {
        next_validators_hash,
    } = trace_record.tip.state
    else {
        panic!("not bft")
    };
    let epoch = bft::committee_epoch(trace_record.tip.height + 1);
    assert!(epoch >= 1);
    assert_eq!(
        next_validators_hash,
        bft::committee(epoch).unwrap().0.hash()
    );
    assert!(
        main.verified_reports(trace)
            .iter()
            .all(|(o, _)| *o == Outcome::Extends)
    );

    let xor_record = main.record(xor);
    assert_eq!(xor_record.name, "xor-demo");
    assert!(xor_record.tip.height >= 10, "{xor_record:?}");
    let outcomes: Vec<Outcome> = main
        .verified_reports(xor)
        .into_iter()
        .map(|r| r.0)
        .collect();
    assert!(outcomes.contains(&Outcome::Replaces), "{outcomes:?}");
    let codes = report_codes(&main);
    assert!(
        codes.contains(&SubchainCode::LosesForkChoice.number()),
        "{codes:?}"
    );
    assert!(
        codes
            .iter()
            .all(|c| *c == 0 || *c == SubchainCode::LosesForkChoice.number()),
        "{codes:?}"
    );
    // Each held header is the XOR-closest of the siblings reported at its
    // height (checked against the reports, in the order they came).
    let reports = main.verified_reports(xor);
    for (_, report) in &reports {
        let height = report.header.height;
        let held = main
            .rpc(
                None,
                "jifen_subchainHeaders",
                json!({"subchain": xor.get(), "from": height, "to": height}),
            )
            .unwrap();
        let held = jifen_rpc_types::SubchainHeadersResult::from_json(&held).unwrap();
        let held = &held.headers[0].1;
        let competing = reports.iter().filter(|(_, r)| r.header.height == height);
        for (_, other) in competing {
            assert!(!xor_wins(&other.header.hash(), &held.hash(), &held.parent));
        }
    }

    // State values proven against the anchored headers (tip and older).
    let tip = trace_record.tip.height;
    for (subchain, key, height, value) in [
        (
            trace,
            "demo/greeting",
            None,
            Some(workload::GREETING.to_owned()),
        ),
        (trace, "demo/height", None, Some(tip.to_string())),
        (trace, "demo/height", Some(3), Some("3".to_owned())),
        (trace, "demo/committee", Some(3), Some("0".to_owned())),
        (xor, "pow/height", Some(2), Some("2".to_owned())),
        (xor, "demo/greeting", None, None),
    ] {
        let mut params = json!({"subchain": subchain.get(), "key": key});
        if let Some(height) = height {
            params["height"] = json!(height);
        }
        let answer = main.rpc(None, "jifen_subchainState", params).unwrap();
        let answer = jifen_rpc_types::SubchainStateResult::from_json(&answer).unwrap();
        let value_bytes = value.map(String::into_bytes);
        assert_eq!(answer.value, value_bytes, "{key}");
        verify_state_proof(
            &answer.header.state_root,
            &subchain_state_key(key),
            answer.value.as_deref(),
            &answer.proof,
        )
        .unwrap();
        let held = main
            .rpc(
                None,
                "jifen_subchainHeaders",
                json!({"subchain": subchain.get(), "from": answer.height, "to": answer.height}),
            )
            .unwrap();
        assert_eq!(
            jifen_rpc_types::SubchainHeadersResult::from_json(&held)
                .unwrap()
                .headers[0]
                .1,
            answer.header
        );
    }
    assert_eq!(
        main.rpc(
            None,
            "jifen_subchainState",
            json!({"subchain": 1, "key": "x", "height": tip + 1})
        ),
        Err(2001)
    );
    let verified = main.chain.lock().unwrap().verify_store().unwrap();
    assert_eq!(verified, main.height());
    // The wallet's auditor resolves the devnet's real forks as the node did.
    for subchain in [trace, xor] {
        let audit = audit(&main, subchain);
        assert!(audit.alerts().is_empty());
        audit.finish(&main.record(subchain)).unwrap();
    }

    // After a restart the producers find their subchains and go on.
    drop(main);
    let main = Main::reopen(dir.path());
    let mut producers = Producers::new(1_000).unwrap();
    run_devnet(&main, &mut producers, 4);
    assert_eq!(producers.ids(), (Some(trace), Some(xor)));
    assert!(main.record(trace).tip.height > tip);
}

#[test]
fn the_hostile_faults_lie_about_anchors_and_reports() {
    let dir = tempfile::tempdir().unwrap();
    let main = Main::open(dir.path());
    let mut producers = Producers::new(1_000).unwrap();
    run_devnet(&main, &mut producers, 8);
    let (Some(trace), _) = producers.ids() else {
        panic!("not registered")
    };
    let params = json!({"subchain": trace.get(), "from": 0, "limit": 256});
    let honest = main
        .rpc(None, "jifen_subchainReports", params.clone())
        .unwrap();
    let honest = jifen_rpc_types::SubchainReportsResult::from_json(&honest).unwrap();
    assert!(honest.reports.len() >= 4);

    let bad = main
        .rpc(
            Some(Fault::SubchainBadAnchorProof),
            "jifen_subchainReports",
            params.clone(),
        )
        .unwrap();
    // Still a well-formed answer; only the proofs fail.
    let bad = jifen_rpc_types::SubchainReportsResult::from_json(&bad).unwrap();
    let chain = main.chain.lock().unwrap();
    for report in &bad.reports {
        let root = chain
            .header(report.main_height)
            .unwrap()
            .unwrap()
            .anchors_root;
        assert!(!proof_verifies(&report.leaf(), &report.anchor_proof, &root));
    }
    for report in &honest.reports {
        let root = chain
            .header(report.main_height)
            .unwrap()
            .unwrap()
            .anchors_root;
        assert!(proof_verifies(&report.leaf(), &report.anchor_proof, &root));
    }
    drop(chain);
    let first = &honest.reports[0];
    let one = json!({"height": first.main_height, "index": first.leaf_index});
    let good = main.rpc(None, "jifen_anchorProof", one.clone()).unwrap();
    let good = jifen_rpc_types::AnchorProofResult::from_json(&good).unwrap();
    let root = {
        let chain = main.chain.lock().unwrap();
        chain
            .header(first.main_height)
            .unwrap()
            .unwrap()
            .anchors_root
    };
    assert_eq!(good.leaf, first.leaf());
    assert!(proof_verifies(&good.leaf, &good.proof, &root));
    let lie = main
        .rpc(
            Some(Fault::SubchainBadAnchorProof),
            "jifen_anchorProof",
            one,
        )
        .unwrap();
    let lie = jifen_rpc_types::AnchorProofResult::from_json(&lie).unwrap();
    assert!(!proof_verifies(&lie.leaf, &lie.proof, &root));

    let hidden = main
        .rpc(
            Some(Fault::SubchainHideReport),
            "jifen_subchainReports",
            params,
        )
        .unwrap();
    let hidden = jifen_rpc_types::SubchainReportsResult::from_json(&hidden).unwrap();
    assert_eq!(hidden.total + 1, honest.total);
    assert_eq!(hidden.reports.len() + 1, honest.reports.len());
    assert_eq!(hidden.reports[0].report, honest.reports[1].report);
    // The proven record still counts every report: the lie is visible.
    assert_eq!(main.record(trace).reports, honest.total);
    // And the wallet's auditor refuses both lies.
    assert!(audit_through(&main, trace, None).is_ok());
    for fault in [Fault::SubchainBadAnchorProof, Fault::SubchainHideReport] {
        let refused = audit_through(&main, trace, Some(fault)).unwrap_err();
        assert!(refused.starts_with("subchain-"), "{fault:?}: {refused}");
    }
}

fn owner() -> NodeKey {
    NodeKey::devnet_account(1).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    /// Whatever order competing pow-xor siblings arrive in, the node ends
    /// on the one XOR-closest to their parent (the pairwise minimum of
    /// `xor_wins`), anchoring exactly the reports that beat the tip of the
    /// moment and refusing the others with `subchain-loses-fork-choice`.
    #[test]
    fn the_node_ends_on_the_xor_closest_sibling(
        count in 2usize..6,
        seed in any::<u64>(),
        order in proptest::collection::vec(any::<u32>(), 6),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let main = Main::open(dir.path());
        let bits = 2;
        let consensus = jifen_protocol::subchain::tx::RegisterConsensus::PowXor(pow_params(bits));
        prop_assert_eq!(main.run(&owner(), register_payload("xor", consensus)), 0);
        let id = SubchainId::new(1).unwrap();
        let one = siblings(&pow_template(id, 1, Hash32::ZERO, bits), 1).remove(0);
        prop_assert_eq!(main.report(&owner(), &pow_report(one.clone())), 0);
        let mut template = pow_template(id, 2, one.hash(), bits);
        template.time_ms += seed % 1_000;
        let mut competing = siblings(&template, count);
        // A random order: sort by the drawn keys.
        let mut keyed: Vec<(u32, _)> = order.iter().copied().zip(competing.drain(..)).collect();
        keyed.sort_by_key(|(k, _)| *k);
        let arrivals: Vec<_> = keyed.into_iter().map(|(_, h)| h).collect();
        let parent = one.hash();
        let expected = arrivals
            .iter()
            .min_by(|a, b| xor_distance(&a.hash(), &parent).cmp(&xor_distance(&b.hash(), &parent)))
            .unwrap()
            .hash();
        // The pairwise xor_wins minimum agrees with the distance minimum.
        let pairwise = arrivals.iter().fold(arrivals[0].hash(), |best, h| {
            if xor_wins(&h.hash(), &best, &parent) { h.hash() } else { best }
        });
        prop_assert_eq!(pairwise, expected);
        let mut tip: Option<Hash32> = None;
        for header in &arrivals {
            let code = main.report(&owner(), &pow_report(header.clone()));
            let wins = tip.is_none_or(|t| xor_wins(&header.hash(), &t, &parent));
            if wins {
                prop_assert_eq!(code, 0);
                tip = Some(header.hash());
            } else {
                prop_assert_eq!(code, SubchainCode::LosesForkChoice.number());
            }
        }
        let record = main.record(id);
        prop_assert_eq!(record.tip.hash, expected);
        // The wallet's auditor, fed the node's anchored reports and the
        // main headers, derives the same tip and raises no alert.
        let audit = audit(&main, id);
        prop_assert!(audit.alerts().is_empty());
        prop_assert_eq!(audit.finish(&record), Ok(()));
        prop_assert_eq!(audit.anchored(2).map(|a| a.header_hash), Some(expected));
    }
}

/// The wallet's audit of subchain `id` over every report the node anchored.
fn audit(main: &Main, id: SubchainId) -> jifen_light_client_verifier::subchain::SubchainAudit {
    audit_through(main, id, None).unwrap()
}

/// The wallet's audit of subchain `id` over the reports a node telling
/// `fault`'s lie serves; the audit's first refusal.
fn audit_through(
    main: &Main,
    id: SubchainId,
    fault: Option<Fault>,
) -> Result<jifen_light_client_verifier::subchain::SubchainAudit, String> {
    use jifen_light_client_verifier::subchain::{AnchoredReport, SubchainAudit};
    let record = main.record(id);
    let mut audit = SubchainAudit::new(common::chain_id(), id, record.params);
    let page = main
        .rpc(
            fault,
            "jifen_subchainReports",
            json!({"subchain": id.get(), "from": 0, "limit": 256}),
        )
        .unwrap();
    let page = jifen_rpc_types::SubchainReportsResult::from_json(&page).unwrap();
    for item in page.reports {
        let header = main
            .chain
            .lock()
            .unwrap()
            .header(item.main_height)
            .unwrap()
            .unwrap();
        let item = AnchoredReport {
            index: item.index,
            main_height: item.main_height,
            leaf_index: item.leaf_index,
            outcome: item.outcome,
            report: item.report,
            anchor_proof: item.anchor_proof,
        };
        audit
            .check(&header, &item)
            .map_err(|e| e.code().to_owned())?;
    }
    audit.finish(&record).map_err(|e| e.code().to_owned())?;
    Ok(audit)
}

#[test]
fn a_devnet_with_subchains_serves_them_over_http() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = jifen_testenv::devnet::DevnetBuilder::new(dir.path())
        .manual()
        .subchains()
        .start()
        .unwrap();
    jifen_testenv::devnet::produce_blocks(&devnet, 8).unwrap();
    let mut client = jifen_node::rpc::client::RpcClient::new(devnet.rpc_addr());
    let listing = client.call("jifen_subchains", json!({})).unwrap();
    let listing = jifen_rpc_types::SubchainsResult::from_json(&listing).unwrap();
    let names: Vec<&str> = listing
        .subchains
        .iter()
        .map(|(_, r)| r.name.as_str())
        .collect();
    assert_eq!(names, ["trace-consortium", "xor-demo", "rogue-committee"]);
    // The rogue committee equivocated at height 3: anchored, then halted.
    let rogue = &listing.subchains[2].1;
    assert_eq!(
        rogue.status,
        jifen_protocol::subchain::SubchainStatus::Halted {
            height: jifen_node::subchains::ROGUE_EQUIVOCATES_AT
        }
    );
    assert!(
        listing.subchains[0].1.reports >= 5,
        "{:?}",
        listing.subchains[0].1
    );
    let state = client
        .call(
            "jifen_subchainState",
            json!({"subchain": 1, "key": "demo/greeting"}),
        )
        .unwrap();
    let state = jifen_rpc_types::SubchainStateResult::from_json(&state).unwrap();
    assert_eq!(state.value, Some(workload::GREETING.as_bytes().to_vec()));
    // Restarted, it serves the states at once (before producing a block).
    drop(client);
    drop(devnet);
    let devnet = jifen_testenv::devnet::DevnetBuilder::new(dir.path())
        .manual()
        .subchains()
        .start()
        .unwrap();
    let mut client = jifen_node::rpc::client::RpcClient::new(devnet.rpc_addr());
    let again = client
        .call(
            "jifen_subchainState",
            json!({"subchain": 2, "key": "pow/height"}),
        )
        .unwrap();
    let again = jifen_rpc_types::SubchainStateResult::from_json(&again).unwrap();
    assert_eq!(again.value, Some(again.height.to_string().into_bytes()));
    // Without the flag there are none.
    let plain_dir = tempfile::tempdir().unwrap();
    let plain = jifen_testenv::devnet::DevnetBuilder::new(plain_dir.path())
        .manual()
        .start()
        .unwrap();
    jifen_testenv::devnet::produce_blocks(&plain, 3).unwrap();
    let mut client = jifen_node::rpc::client::RpcClient::new(plain.rpc_addr());
    let listing = client.call("jifen_subchains", json!({})).unwrap();
    assert_eq!(listing["subchains"], json!([]));
}
