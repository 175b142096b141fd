#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Issue 13: the light client's subchain audit against the reference node's
//! devnet subchains (`trace-consortium`, bft with a rotating committee;
//! `xor-demo`, pow-xor with real sibling forks), over RPC at the product
//! defaults: clean audits whose tips are the node's, a proven subchain
//! value, a resumed audit, and nodes that hide or misplace reports caught
//! with their own codes while the audit finishes with an honest node.

mod common;

use std::sync::atomic::AtomicBool;
use std::time::Duration;

use common::{demoted_code, state_of, subchain_net, sync, within};
use jifen_light_client::subchain::{
    Alert, SubchainAudit, SubchainEvidence, verify_subchain_evidence,
};
use jifen_light_client::{MemoryStore, TrustRoot};
use jifen_node::rpc::Fault;
use jifen_node::subchains::workload::GREETING;
use jifen_protocol::subchain::{Outcome, SubchainId};

const BOUND: Duration = Duration::from_secs(240);

fn id(n: u32) -> SubchainId {
    SubchainId::new(n).unwrap()
}

#[test]
fn the_devnet_subchains_audit_clean_to_the_nodes_tips_and_a_value_is_proven() {
    let net = subchain_net(&[], 45);
    let mut client = net.client(MemoryStore::new(), TrustRoot::Genesis, 0, &[], None);
    sync(&mut client).unwrap();
    let never = AtomicBool::new(false);
    let mut seen = Vec::new();

    // bft: every report checked, the audit ends on the proven record's tip
    // (`finish` compares tip, count, last anchor and status).
    let bft = client
        .audit_subchain(id(1), None, &mut |p| seen.push(p), &never)
        .unwrap();
    assert!(bft.failure.is_none(), "{:?}", bft.failure);
    assert!(bft.alerts.is_empty());
    assert!(bft.new_reports > 10, "{}", bft.new_reports);
    assert_eq!(bft.new_reports, bft.record.value.reports);
    assert_eq!(bft.audit.tip(), &bft.record.value.tip);
    assert_eq!(bft.committee_size, Some(4));
    assert!(!seen.is_empty());

    // pow-xor: the devnet's real forks resolve in the wallet as in the node
    // (the node's record is proven; the audit re-derived the same tip), and
    // at least one sibling replaced a tip on the way.
    let pow = client
        .audit_subchain(id(2), None, &mut |_| {}, &never)
        .unwrap();
    assert!(pow.failure.is_none(), "{:?}", pow.failure);
    assert_eq!(pow.audit.tip(), &pow.record.value.tip);
    let node_tip = net
        .devnet
        .chain()
        .lock()
        .unwrap()
        .subchain_record(id(2))
        .unwrap()
        .unwrap()
        .tip;
    assert!(node_tip.height >= pow.audit.tip().height);
    let page = net.peer(0).subchain_reports(id(2), 0, 256).unwrap();
    let replaced = page
        .reports
        .iter()
        .filter(|r| r.main_height <= pow.record.height && r.outcome == Outcome::Replaces)
        .count();
    assert!(
        replaced >= 1,
        "no sibling replaced a tip in {} reports",
        page.reports.len()
    );

    // A value of the bft subchain, proven against the audited tip.
    let greeting = client
        .subchain_value(&bft.audit, "demo/greeting", None)
        .unwrap();
    assert_eq!(greeting.value.as_deref(), Some(GREETING.as_bytes()));
    assert_eq!(greeting.height, bft.audit.tip().height);
    let absent = client
        .subchain_value(&bft.audit, "no/such/key", None)
        .unwrap();
    assert_eq!(absent.value, None);
    let unaudited = client
        .subchain_value(
            &bft.audit,
            "demo/greeting",
            Some(bft.audit.tip().height + 1),
        )
        .unwrap_err();
    assert_eq!(unaudited.code(), "lc-client-subchain-not-audited");

    // Resumed from its checkpoint after the chain grew: only the new
    // reports are checked, and it still ends on the record's tip.
    let kept = SubchainAudit::decode_checkpoint(&bft.audit.encode_checkpoint()).unwrap();
    jifen_testenv::devnet::wait_for_height(&net.devnet, net.height() + 4, jifen_testenv::DEADLINE)
        .unwrap();
    sync(&mut client).unwrap();
    let resumed = client
        .audit_subchain(id(1), Some(kept), &mut |_| {}, &never)
        .unwrap();
    assert!(resumed.failure.is_none(), "{:?}", resumed.failure);
    assert_eq!(
        resumed.new_reports,
        resumed.record.value.reports - bft.record.value.reports
    );
    assert_eq!(resumed.audit.tip(), &resumed.record.value.tip);

    // No such subchain.
    let unknown = client
        .audit_subchain(id(9), None, &mut |_| {}, &never)
        .unwrap_err();
    assert_eq!(unknown.code(), "lc-client-subchain-unknown");
}

#[test]
fn a_node_hiding_a_report_is_demoted_and_the_audit_finishes_with_an_honest_one() {
    let net = subchain_net(&[Some(Fault::SubchainHideReport)], 30);
    let mut client = net.client(MemoryStore::new(), TrustRoot::Genesis, 1, &[0], None);
    let (run, client) = within(BOUND, move || {
        sync(&mut client).unwrap();
        let run = client.audit_subchain(id(1), None, &mut |_| {}, &AtomicBool::new(false));
        (run, client)
    });
    let run = run.unwrap();
    assert!(run.failure.is_none(), "{:?}", run.failure);
    assert_eq!(run.audit.tip(), &run.record.value.tip);
    // The liar left out the first report and numbered the rest from 0: the
    // index in the anchored leaf gives it away.
    assert_eq!(
        demoted_code(&state_of(&client, 0)),
        "subchain-anchor-proof-invalid"
    );
}

#[test]
fn a_node_serving_bad_anchor_proofs_is_demoted_and_alone_it_proves_nothing() {
    let net = subchain_net(&[Some(Fault::SubchainBadAnchorProof)], 30);
    let mut client = net.client(MemoryStore::new(), TrustRoot::Genesis, 1, &[0], None);
    let (run, client) = within(BOUND, move || {
        sync(&mut client).unwrap();
        let run = client.audit_subchain(id(2), None, &mut |_| {}, &AtomicBool::new(false));
        (run, client)
    });
    let run = run.unwrap();
    assert!(run.failure.is_none(), "{:?}", run.failure);
    assert_eq!(
        demoted_code(&state_of(&client, 0)),
        "subchain-anchor-proof-invalid"
    );

    let mut alone = net.client(MemoryStore::new(), TrustRoot::Genesis, 1, &[], None);
    let (error, _alone) = within(BOUND, move || {
        sync(&mut alone).unwrap();
        let run = alone.audit_subchain(id(2), None, &mut |_| {}, &AtomicBool::new(false));
        (run.map(|_| ()), alone)
    });
    assert_eq!(error.unwrap_err().code(), "lc-client-no-peer");
}

#[test]
fn an_equivocating_committee_is_an_alert_with_evidence_that_checks_offline() {
    // `rogue-committee` (subchain 3) signs two headers at height 3; the
    // main chain anchors the second as equivocation and halts it.
    let net = subchain_net(&[], 12);
    let evidence_dir = tempfile::tempdir().unwrap();
    let mut client = net.client(
        MemoryStore::new(),
        TrustRoot::Genesis,
        0,
        &[],
        Some(evidence_dir.path()),
    );
    sync(&mut client).unwrap();
    let run = client
        .audit_subchain(id(3), None, &mut |_| {}, &AtomicBool::new(false))
        .unwrap();
    // The audit agrees with the main chain: halted at 3, nothing failed.
    assert!(run.failure.is_none(), "{:?}", run.failure);
    assert_eq!(run.audit.halted_at(), Some(3));
    assert_eq!(run.alerts.len(), 1);
    let found = &run.alerts[0];
    assert!(matches!(found.alert, Alert::Equivocation { height: 3, .. }));
    let path = found.path.clone().unwrap();
    assert!(path.starts_with(evidence_dir.path()));

    // The file alone convinces anyone: the two commits by the same
    // committee, each header anchored in a validly signed main block.
    let text = std::fs::read_to_string(&path).unwrap();
    let evidence = SubchainEvidence::from_json(&text).unwrap();
    let verified = verify_subchain_evidence(&evidence).unwrap();
    assert_eq!(verified.kind, "equivocation");
    assert_eq!(verified.height, 3);
    assert_ne!(verified.header_hashes[0], verified.header_hashes[1]);
    assert_eq!(verified.double_signers.len(), 3, "3 of 4 members sign each");

    // Nothing at or above the equivocation is trusted; below it is.
    let halted = client
        .subchain_value(&run.audit, "rogue/height", Some(3))
        .unwrap_err();
    assert_eq!(halted.code(), "lc-client-subchain-halted");
    let below = client
        .subchain_value(&run.audit, "rogue/height", Some(2))
        .unwrap();
    assert_eq!(below.value.as_deref(), Some(&b"2"[..]));
}
