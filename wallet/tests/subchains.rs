//! The subchain use cases against a devnet started in-process with its three
//! subchains: the list with audit states (not audited, clean, behind, alert),
//! an audit that resumes from its kept checkpoint, a followed subchain
//! audited by `sync_and_audit`, a proven value, the equivocating committee's
//! evidence verified offline from its file, and the refusals a person can
//! meet (a number that is not one, an unknown subchain, a key that is not
//! one, a value before any audit).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use jifen_protocol::Network;
use jifen_protocol::message::Coded;
use jifen_protocol::subchain::SubchainId;
use jifen_wallet::chain::ChainSession;
use jifen_wallet::subchains::error::parse_id;
use jifen_wallet::subchains::views::{AuditStateView, SubchainKindView, SubchainStatusView};
use jifen_wallet::subchains::{audit, book, evidence, list, value};
use jifen_wallet::{CancelToken, FrontEnd, WalletContext, sync};

fn context(dir: &Path, endpoint: String) -> WalletContext {
    let mut ctx = WalletContext::new(dir, Network::Devnet, FrontEnd::Cli);
    ctx.kdf_policy = jifen_testenv::kdf::fast_kdf_policy();
    ctx.endpoints_override = Some(vec![endpoint]);
    ctx
}

fn synced(ctx: &WalletContext) -> ChainSession {
    let mut session = ctx.open_chain(Network::Devnet).unwrap();
    sync::sync(&mut session, &mut |_| {}, &CancelToken::new()).unwrap();
    session
}

fn id(n: u32) -> SubchainId {
    SubchainId::new(n).unwrap()
}

#[test]
fn list_audit_follow_value_and_evidence_as_a_person_sees_them() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = jifen_testenv::devnet::DevnetBuilder::new(dir.path().join("node"))
        .subchains()
        .start()
        .unwrap();
    jifen_testenv::devnet::wait_for_height(&devnet, 20, jifen_testenv::DEADLINE).unwrap();
    let ctx = context(
        &dir.path().join("wallet"),
        format!("http://{}", devnet.rpc_addr()),
    );
    let mut session = synced(&ctx);

    // Before any audit: three subchains, proven, none audited.
    let listed = list::list(&session.reader()).unwrap();
    assert_eq!(listed.registered, 3);
    assert_eq!(listed.alerted, 0);
    let kinds: Vec<_> = listed.subchains.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            SubchainKindView::Bft,
            SubchainKindView::PowXor,
            SubchainKindView::Bft
        ]
    );
    assert!(
        listed
            .subchains
            .iter()
            .all(|s| s.state == AuditStateView::NotAudited)
    );
    assert_eq!(listed.subchains[2].status, SubchainStatusView::Halted);
    assert_eq!(listed.subchains[2].halted_at, Some(3));
    assert_eq!(
        (
            listed.subchains[0].stake.asset.as_str(),
            listed.subchains[0].stake.text.as_str()
        ),
        ("POINT", "1000")
    );

    // A value needs an audit first; then it is proven.
    let early = value::value(&mut session, id(1), "demo/greeting", None).unwrap_err();
    assert_eq!(early.code(), "subchain-not-audited");
    let mut progress = Vec::new();
    let clean = audit::audit(
        &mut session,
        id(1),
        &mut |p| progress.push(p.clone()),
        &CancelToken::new(),
    )
    .unwrap();
    assert_eq!(clean.subchain.state, AuditStateView::Clean);
    let summary = clean.subchain.audit.clone().unwrap();
    assert_eq!(summary.reports, clean.subchain.reports);
    assert_eq!(summary.committee_size, Some(4));
    assert!(
        progress
            .iter()
            .any(|p| p.phase == "reports" && p.checked == p.total)
    );
    let greeting = value::value(&mut session, id(1), "demo/greeting", None).unwrap();
    assert!(greeting.found);
    assert_eq!(
        greeting.text.as_deref(),
        Some(jifen_node::subchains::workload::GREETING)
    );
    assert_eq!(greeting.height, summary.height);

    // The chain moves on: the list says "behind" until the next audit,
    // which resumes (only the new reports are checked).
    let before = summary.reports;
    jifen_testenv::devnet::wait_for_height(
        &devnet,
        jifen_testenv::devnet::height(&devnet) + 3,
        jifen_testenv::DEADLINE,
    )
    .unwrap();
    sync::sync(&mut session, &mut |_| {}, &CancelToken::new()).unwrap();
    let behind = list::list(&session.reader()).unwrap();
    assert_eq!(behind.subchains[0].state, AuditStateView::Behind);
    let resumed = audit::audit(&mut session, id(1), &mut |_| {}, &CancelToken::new()).unwrap();
    assert_eq!(resumed.new_reports, resumed.subchain.reports - before);
    assert_eq!(resumed.subchain.state, AuditStateView::Clean);

    // Followed: audited by the sync itself.
    book::follow(&session, id(2)).unwrap();
    let both =
        sync::sync_and_audit(&mut session, &mut |_| {}, &mut |_| {}, &CancelToken::new()).unwrap();
    assert!(both.subchain_error.is_none(), "{:?}", both.subchain_error);
    assert_eq!(both.subchains.len(), 1);
    assert_eq!(both.subchains[0].subchain.id, 2);
    assert_eq!(both.subchains[0].subchain.state, AuditStateView::Clean);
    assert!(both.subchains[0].subchain.followed);
    book::unfollow(&session, id(2)).unwrap();
    let none =
        sync::sync_and_audit(&mut session, &mut |_| {}, &mut |_| {}, &CancelToken::new()).unwrap();
    assert!(none.subchains.is_empty());

    // The rogue committee: an alert with an evidence file that anyone can
    // check offline.
    let rogue = audit::audit(&mut session, id(3), &mut |_| {}, &CancelToken::new()).unwrap();
    assert_eq!(rogue.subchain.state, AuditStateView::Alert);
    let alerts = &rogue.subchain.audit.as_ref().unwrap().alerts;
    assert_eq!(alerts.len(), 1);
    assert_eq!(alerts[0].kind, "equivocation");
    assert_eq!(alerts[0].height, 3);
    let path = alerts[0].evidence_path.clone().unwrap();
    let checked = evidence::verify(Path::new(&path)).unwrap();
    assert_eq!(checked.kind, "equivocation");
    assert_eq!((checked.subchain, checked.height), (3, 3));
    assert_eq!(checked.double_signers.len(), 3);
    let listed = list::list(&session.reader()).unwrap();
    assert_eq!(listed.alerted, 1);
    assert_eq!(listed.subchains[2].state, AuditStateView::Alert);

    // A halted subchain's value is the last trusted one.
    let last = value::value(&mut session, id(3), "rogue/height", None).unwrap();
    assert_eq!((last.height, last.text.as_deref()), (2, Some("2")));

    // Refusals.
    assert_eq!(parse_id("0").unwrap_err().code(), "subchain-id-invalid");
    assert_eq!(parse_id("x1").unwrap_err().code(), "subchain-id-invalid");
    assert_eq!(
        audit::audit(&mut session, id(9), &mut |_| {}, &CancelToken::new())
            .unwrap_err()
            .code(),
        "lc-client-subchain-unknown"
    );
    assert_eq!(
        value::value(&mut session, id(9), "demo/height", None)
            .unwrap_err()
            .code(),
        "lc-client-subchain-unknown"
    );
    assert_eq!(
        value::value(&mut session, id(1), "", None)
            .unwrap_err()
            .code(),
        "subchain-key-invalid"
    );
    let tampered = dir.path().join("tampered.json");
    let mut file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    file["subchain"] = serde_json::json!(2);
    std::fs::write(&tampered, file.to_string()).unwrap();
    let refused = evidence::verify(&tampered).unwrap_err();
    assert!(
        refused.code().starts_with("subchain-evidence-"),
        "{}",
        refused.code()
    );
}
