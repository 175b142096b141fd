//! The app's subchain commands against an in-process devnet running its
//! subchains (bft `trace-consortium`, pow-xor `xor-demo`, and bft
//! `rogue-committee`, whose committee equivocates at height 3), on the mock
//! runtime: the list, the two honest ones audited clean, a value proven
//! against the audited header, follow and the sync's audit of it, the
//! refusals; the rogue one's equivocation an alert with an evidence file the
//! app checks offline; and a subchain audited clean whose committee then
//! signs a second header at an anchored height (reported like any report):
//! behind, then an alert at its next audit.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::time::Instant;

use jifen_node::devnet::Devnet;
use jifen_node::execution::account;
use jifen_node::keys::NodeKey;
use jifen_node::subchains::{ROGUE_EQUIVOCATES_AT, bft, workload::GREETING};
use jifen_protocol::subchain::{SubchainId, entries_root};
use jifen_protocol::{Hash32, TxPayload, UnsignedTransaction};
use serde_json::{Value, json};
use support::{Gate, app, channel, code, create, gated_proxy, invoke, window};
use tauri::WebviewWindow;
use tauri::test::MockRuntime;

fn start_devnet(dir: &std::path::Path) -> Devnet {
    jifen_testenv::devnet::DevnetBuilder::new(dir.join("node"))
        .block_time_ms(200)
        .subchains()
        .start()
        .unwrap()
}

/// Syncs and lists until the honest subchains (#1, #2) have anchored at
/// least `height` and the rogue one (#3) is halted.
fn listed_at(main: &WebviewWindow<MockRuntime>, height: u64) -> Value {
    let started = Instant::now();
    loop {
        invoke(main, "sync", json!({"onProgress": channel()})).unwrap();
        let list = invoke(main, "list_subchains", json!({})).unwrap();
        let subchains = list["subchains"].as_array().unwrap();
        if subchains.len() == 3
            && subchains[..2]
                .iter()
                .all(|s| s["anchored_height"].as_u64().unwrap() >= height)
            && subchains[2]["status"] == "halted"
        {
            return list;
        }
        assert!(
            started.elapsed() < jifen_testenv::DEADLINE,
            "the devnet's subchains did not reach height {height}: {list}"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

fn audit(main: &WebviewWindow<MockRuntime>, id: u32) -> Value {
    invoke(
        main,
        "audit_subchain",
        json!({"args": {"id": id}, "onProgress": channel()}),
    )
    .unwrap()
}

#[test]
fn list_audit_value_follow_and_the_sync_audits_what_is_followed() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = start_devnet(dir.path());
    let app = app(
        &dir.path().join("app"),
        Some(vec![format!("http://{}", devnet.rpc_addr())]),
    );
    let main = window(&app, "main");
    create(&main, "auditor");

    let list = listed_at(&main, 3);
    assert_eq!(list["registered"], 3);
    // Nothing is alerted before this wallet audits: an alert is its own finding.
    assert_eq!(list["alerted"], 0);
    let [trace, xor] = [&list["subchains"][0], &list["subchains"][1]];
    assert_eq!(trace["name"], "trace-consortium");
    assert_eq!(trace["kind"], "bft");
    assert_eq!(xor["name"], "xor-demo");
    assert_eq!(xor["kind"], "pow-xor");
    for s in [trace, xor] {
        assert_eq!(s["status"], "active");
        assert_eq!(s["state"], "not-audited");
        assert_eq!(s["followed"], false);
        assert!(s["last_anchor"].as_u64().unwrap() >= 1);
    }

    // Refusals, each with its own code.
    assert_eq!(
        code(invoke(
            &main,
            "audit_subchain",
            json!({"args": {"id": 0}, "onProgress": channel()})
        )),
        "subchain-id-invalid"
    );
    assert_eq!(
        code(invoke(
            &main,
            "audit_subchain",
            json!({"args": {"id": 9}, "onProgress": channel()})
        )),
        "lc-client-subchain-unknown"
    );
    assert_eq!(
        code(invoke(
            &main,
            "subchain_value",
            json!({"args": {"id": 1, "key": "demo/greeting", "height": null}})
        )),
        "subchain-not-audited"
    );
    assert!(
        code(invoke(
            &main,
            "verify_subchain_evidence",
            json!({"args": {"text": "{}"}})
        ))
        .starts_with("subchain-evidence-")
    );

    // Both audit clean to the anchored tip.
    let one = audit(&main, 1);
    assert_eq!(one["subchain"]["state"], "clean", "{one}");
    assert!(one["new_reports"].as_u64().unwrap() >= 3);
    let summary = &one["subchain"]["audit"];
    assert_eq!(summary["committee_size"], bft::COMMITTEE_SIZE);
    assert_eq!(summary["alerts"], json!([]));
    assert_eq!(
        summary["height"], one["subchain"]["anchored_height"],
        "audited to the anchored tip"
    );
    let two = audit(&main, 2);
    assert_eq!(two["subchain"]["state"], "clean", "{two}");
    assert!(two["subchain"]["audit"]["bits"].as_u64().unwrap() >= 8);

    // A value proven against the audited header, and one proven absent.
    let value = invoke(
        &main,
        "subchain_value",
        json!({"args": {"id": 1, "key": "demo/greeting", "height": null}}),
    )
    .unwrap();
    assert_eq!(value["found"], true);
    assert_eq!(value["text"], GREETING);
    let hex: String = GREETING.bytes().map(|b| format!("{b:02x}")).collect();
    assert_eq!(value["hex"], hex);
    assert_eq!(value["height"], summary["height"]);
    assert_eq!(value["header"], summary["tip"]);
    assert!(value["main_height"].as_u64().unwrap() >= 1);
    let absent = invoke(
        &main,
        "subchain_value",
        json!({"args": {"id": 1, "key": "no/such/key", "height": null}}),
    )
    .unwrap();
    assert_eq!(absent["found"], false);
    assert_eq!(absent["text"], Value::Null);
    assert_eq!(
        code(invoke(
            &main,
            "subchain_value",
            json!({"args": {"id": 1, "key": "", "height": null}})
        )),
        "subchain-key-invalid"
    );

    // Followed, #1 is audited by every sync (and #2, not followed, is not).
    invoke(
        &main,
        "follow_subchain",
        json!({"args": {"id": 1, "follow": true}}),
    )
    .unwrap();
    let listed = invoke(&main, "list_subchains", json!({})).unwrap();
    assert_eq!(listed["subchains"][0]["followed"], true);
    assert_eq!(listed["subchains"][1]["followed"], false);
    let audited = summary["reports"].as_u64().unwrap();
    let synced = loop {
        let synced = invoke(&main, "sync", json!({"onProgress": channel()})).unwrap();
        if synced["subchains"][0]["new_reports"].as_u64().unwrap_or(0) > 0 {
            break synced;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    };
    assert_eq!(synced["subchain_error"], Value::Null);
    let runs = synced["subchains"].as_array().unwrap();
    assert_eq!(runs.len(), 1, "only the followed subchain: {synced}");
    assert_eq!(runs[0]["subchain"]["id"], 1);
    assert_eq!(runs[0]["subchain"]["state"], "clean");
    assert!(runs[0]["subchain"]["audit"]["reports"].as_u64().unwrap() > audited);
    invoke(
        &main,
        "follow_subchain",
        json!({"args": {"id": 1, "follow": false}}),
    )
    .unwrap();
    let listed = invoke(&main, "list_subchains", json!({})).unwrap();
    assert_eq!(listed["subchains"][0]["followed"], false);
}

/// Reports a second header at `trace-consortium`'s height 1, signed by that
/// height's committee (public devnet keys), from devnet account 5.
fn equivocate(devnet: &Devnet, id: SubchainId) {
    let chain = devnet.chain();
    let mut chain = chain.lock().unwrap();
    let body = bft::Body {
        subchain: id,
        height: 1,
        time_ms: 1,
        parent: Hash32::ZERO,
        tx_root: entries_root(&[]),
        state_root: Hash32::ZERO,
    };
    let report = bft::report(chain.chain_id(), &body).unwrap();
    let sender = NodeKey::devnet_account(5).unwrap();
    let nonce = account(chain.state(), &sender.address()).unwrap().nonce;
    let unsigned = UnsignedTransaction::new(
        chain.chain_id().clone(),
        sender.public_key(),
        nonce,
        chain.params().min_fee,
        TxPayload::SubchainReport(report),
    );
    let signature = sender.sign_digest(&unsigned.signing_digest()).unwrap();
    chain.submit_tx(unsigned.with_signature(signature)).unwrap();
}

/// Changes the last digit of the first hex string of 64 digits or more.
fn flip_first_hex(value: &mut Value) -> bool {
    match value {
        Value::String(text) if text.len() >= 64 && text.bytes().all(|b| b.is_ascii_hexdigit()) => {
            let last = if text.ends_with('0') { "1" } else { "0" };
            text.replace_range(text.len() - 1.., last);
            true
        }
        Value::Array(items) => items.iter_mut().any(flip_first_hex),
        Value::Object(fields) => fields.values_mut().any(flip_first_hex),
        _ => false,
    }
}

#[test]
fn an_equivocation_is_an_alert_with_evidence_the_app_checks_offline() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = start_devnet(dir.path());
    let app = app(
        &dir.path().join("app"),
        Some(vec![format!("http://{}", devnet.rpc_addr())]),
    );
    let main = window(&app, "main");
    create(&main, "auditor");
    let list = listed_at(&main, 2);
    let rogue = &list["subchains"][2];
    assert_eq!(rogue["name"], "rogue-committee");
    assert_eq!(rogue["halted_at"], ROGUE_EQUIVOCATES_AT);
    assert_eq!(rogue["state"], "not-audited");

    // The rogue committee's two headers at one height: this wallet's alert.
    let run = audit(&main, 3);
    let subchain = &run["subchain"];
    assert_eq!(subchain["state"], "alert", "{run}");
    let alerts = subchain["audit"]["alerts"].as_array().unwrap();
    assert_eq!(alerts.len(), 1, "{run}");
    assert_eq!(alerts[0]["kind"], "equivocation");
    assert_eq!(alerts[0]["height"], ROGUE_EQUIVOCATES_AT);
    assert!(alerts[0]["main_height"].as_u64().unwrap() >= 1);
    let path = alerts[0]["evidence_path"].as_str().unwrap();
    let listed = invoke(&main, "list_subchains", json!({})).unwrap();
    assert_eq!(listed["alerted"], 1);
    assert_eq!(listed["subchains"][2]["state"], "alert");
    assert_eq!(listed["subchains"][0]["state"], "not-audited");

    // The evidence file checks with nothing but its own contents.
    let text = std::fs::read_to_string(path).unwrap();
    let verdict = invoke(
        &main,
        "verify_subchain_evidence",
        json!({"args": {"text": text}}),
    )
    .unwrap();
    assert_eq!(verdict["kind"], "equivocation");
    assert_eq!(verdict["subchain"], 3);
    assert_eq!(verdict["height"], ROGUE_EQUIVOCATES_AT);
    assert_eq!(verdict["headers"].as_array().unwrap().len(), 2);
    assert!(!verdict["double_signers"].as_array().unwrap().is_empty());
    // One hex digit changed (in the first long hex field: a header or a
    // signature) and it no longer checks.
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    assert!(flip_first_hex(&mut doc), "no hex field in {text}");
    assert!(
        code(invoke(
            &main,
            "verify_subchain_evidence",
            json!({"args": {"text": doc.to_string()}})
        ))
        .starts_with("subchain-evidence-")
    );

    // #1 audited clean, then its committee signs a second header at an
    // anchored height, relayed like any report: the main chain halts it, the
    // list says the audit is behind, and the next audit finds the alert.
    assert_eq!(audit(&main, 1)["subchain"]["state"], "clean");
    equivocate(&devnet, SubchainId::new(1).unwrap());
    let started = Instant::now();
    let halted = loop {
        invoke(&main, "sync", json!({"onProgress": channel()})).unwrap();
        let list = invoke(&main, "list_subchains", json!({})).unwrap();
        if list["subchains"][0]["status"] == "halted" {
            break list;
        }
        assert!(
            started.elapsed() < jifen_testenv::DEADLINE,
            "not halted: {list}"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    };
    assert_eq!(halted["subchains"][0]["halted_at"], 1);
    assert_eq!(halted["subchains"][0]["state"], "behind");
    assert_eq!(halted["alerted"], 1);
    let run = audit(&main, 1);
    assert_eq!(run["subchain"]["state"], "alert", "{run}");
    let alert = &run["subchain"]["audit"]["alerts"][0];
    assert_eq!(alert["kind"], "equivocation");
    assert_eq!(alert["height"], 1);
    let text = std::fs::read_to_string(alert["evidence_path"].as_str().unwrap()).unwrap();
    let verdict = invoke(
        &main,
        "verify_subchain_evidence",
        json!({"args": {"text": text}}),
    )
    .unwrap();
    assert_eq!(verdict["subchain"], 1);
    // Three of the four members sign each header (the one absent is chosen by
    // the height), the same three both times.
    assert_eq!(verdict["double_signers"].as_array().unwrap().len(), 3);
    let listed = invoke(&main, "list_subchains", json!({})).unwrap();
    assert_eq!(listed["alerted"], 2);
}

fn jobs_of(main: &WebviewWindow<MockRuntime>, kind: &str) -> Vec<Value> {
    invoke(main, "chain_status", json!({})).unwrap()["jobs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|j| j["kind"] == kind)
        .cloned()
        .collect()
}

/// Waits (bounded) until `ready` holds.
fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    let until = Instant::now() + jifen_testenv::DEADLINE;
    while !ready() {
        assert!(Instant::now() < until, "{what} never happened");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// While a subchain audit is held (the node's reports do not come), the
/// list answers at once, and the card's cancel (`subchain-audit`) stops that
/// audit only: an audit-bundle export queued behind it (job `audit`) is
/// written; the subchain is then audited from where it was.
#[test]
fn a_held_audit_does_not_hold_the_list_and_its_cancel_reaches_it_only() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = start_devnet(dir.path());
    let gate = Gate::default();
    let proxy = gated_proxy(devnet.rpc_addr(), "jifen_subchainReports", gate.clone());
    let app = app(
        &dir.path().join("app"),
        Some(vec![format!("http://{proxy}")]),
    );
    let main = window(&app, "main");
    create(&main, "auditor");
    let listed = listed_at(&main, 2);

    gate.close();
    std::thread::scope(|scope| {
        let (audit_done, audit_result) = std::sync::mpsc::channel();
        let auditing = main.clone();
        scope.spawn(move || {
            let args = json!({"args": {"id": 1}, "onProgress": channel()});
            audit_done
                .send(invoke(&auditing, "audit_subchain", args))
                .unwrap();
        });
        wait_until("a running subchain audit", || {
            jobs_of(&main, "subchain-audit")
                .iter()
                .any(|j| j["state"] == "running")
        });
        // The list is a read: it answers while the audit waits.
        let during = invoke(&main, "list_subchains", json!({})).unwrap();
        assert_eq!(during["proven"], listed["proven"]);
        assert_eq!(during["subchains"][0]["state"], "not-audited");

        let (export_done, export_result) = std::sync::mpsc::channel();
        let exporting = main.clone();
        scope.spawn(move || {
            export_done
                .send(invoke(&exporting, "export_audit_bundle", json!({})))
                .unwrap();
        });
        wait_until("a queued export", || {
            jobs_of(&main, "audit")
                .iter()
                .any(|j| j["state"] == "queued")
        });
        invoke(&main, "cancel", json!({"args": {"job": "subchain-audit"}})).unwrap();
        assert_eq!(jobs_of(&main, "subchain-audit")[0]["cancelled"], true);
        assert_eq!(jobs_of(&main, "audit")[0]["cancelled"], false);
        gate.open();
        let audited = audit_result.recv_timeout(jifen_testenv::DEADLINE).unwrap();
        assert_eq!(code(audited), "chain-cancelled");
        let exported = export_result
            .recv_timeout(jifen_testenv::DEADLINE)
            .unwrap()
            .unwrap();
        assert!(exported["path"].as_str().unwrap().ends_with(".json"));
    });
    // Nothing of the cancelled run was kept: the next audit does it all.
    let run = audit(&main, 1);
    assert_eq!(run["subchain"]["state"], "clean", "{run}");
}
