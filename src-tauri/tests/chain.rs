//! The app's chain commands against an in-process devnet, on the mock runtime:
//! sync, proven balance, faucet, review and send with proven inclusion,
//! status, audit bundles; a balance that answers while a sync is held; a
//! cancel that reaches only the job it is meant for; and cold signing
//! through pictures of QR codes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::sync::mpsc;
use std::time::{Duration, Instant};

use jifen_node::devnet::Devnet;
use jifen_node::keys::NodeKey;
use jifen_protocol::Network;
use serde_json::{Value, json};
use support::{Gate, app, channel, code, create, gated_proxy, invoke, pngs, window};

fn start_devnet(dir: &std::path::Path) -> Devnet {
    jifen_testenv::devnet::DevnetBuilder::new(dir.join("node"))
        .block_time_ms(200)
        .start()
        .unwrap()
}

fn recipient() -> String {
    NodeKey::devnet_account(1)
        .unwrap()
        .address()
        .encode(Network::Devnet)
}

/// Waits until the devnet has produced `blocks` more blocks than `from`.
fn wait_for_height(devnet: &Devnet, from: u64, blocks: u64) {
    jifen_testenv::devnet::wait_for_height(devnet, from + blocks, jifen_testenv::DEADLINE).unwrap();
}

#[test]
fn sync_balance_faucet_send_and_audit() {
    let dir = tempfile::tempdir().unwrap();
    let mut devnet = start_devnet(dir.path());
    wait_for_height(&devnet, 0, 3);
    let app = app(
        &dir.path().join("app"),
        Some(vec![format!("http://{}", devnet.rpc_addr())]),
    );
    let main = window(&app, "main");
    create(&main, "shop");

    // Before the first sync a balance says so; nothing is guessed.
    assert_eq!(
        code(invoke(&main, "balance", json!({}))),
        "lc-client-no-trusted-state"
    );
    let synced = invoke(&main, "sync", json!({"onProgress": channel()})).unwrap();
    assert!(synced["sync"]["height"].as_u64().unwrap() >= 1);
    // No subchain is followed yet: the sync audits none.
    assert_eq!(synced["subchains"], json!([]));
    assert_eq!(synced["subchain_error"], Value::Null);

    let balance = invoke(&main, "balance", json!({})).unwrap();
    assert_eq!(balance["balance"]["text"], "0");
    assert_eq!(balance["balance"]["asset"], "POINT");
    assert!(balance["proven"]["height"].as_u64().unwrap() >= 1);

    let funded = invoke(&main, "faucet", json!({"onProgress": channel()})).unwrap();
    assert_eq!(funded["result_code"], 0);
    assert_eq!(funded["balance_after"]["balance"]["text"], "100");

    let to = recipient();
    let request = json!({"to": to, "amount": "12.5", "fee": "0.001", "from_index": 0});
    let review = invoke(&main, "review_send", json!({"args": request})).unwrap();
    assert_eq!(review["total"]["text"], "12.501");
    assert_eq!(review["remaining"]["text"], "87.499");
    assert_eq!(review["total"]["units"], "12501000");
    // Only the reviewed send is signed, once.
    assert_eq!(
        code(invoke(
            &main,
            "send",
            json!({"args": {"review_id": "0000"}, "onProgress": channel()})
        )),
        "chain-no-such-review"
    );
    let confirm = json!({"args": {"review_id": review["review_id"]}, "onProgress": channel()});
    let sent = invoke(&main, "send", confirm.clone()).unwrap();
    assert_eq!(code(invoke(&main, "send", confirm)), "chain-no-such-review");
    assert!(sent["height"].as_u64() >= funded["height"].as_u64());
    assert_eq!(sent["balance_after"]["balance"]["text"], "87.499");

    // Bad input: specific codes with arguments, nothing sent.
    let bad = |to: &str, amount: &str, fee: &str| {
        invoke(
            &main,
            "review_send",
            json!({"args": {"to": to, "amount": amount, "fee": fee}}),
        )
        .unwrap_err()
    };
    assert!(
        bad("jfd1notanaddress", "1", "0.001")["code"]
            .as_str()
            .unwrap()
            .starts_with("address-")
    );
    assert_eq!(bad(&to, "abc", "0.001")["code"], "chain-amount-malformed");
    assert_eq!(bad(&to, "1", "0.0001")["code"], "chain-fee-too-low");
    let poor = bad(&to, "1000", "0.001");
    assert_eq!(poor["code"], "chain-insufficient-balance");
    assert_eq!(poor["args"]["balance"], "87.499 POINT");

    let status = invoke(&main, "chain_status", json!({})).unwrap();
    assert_eq!(status["devnet"], true);
    assert!(status["trusted"]["height"].as_u64() >= sent["height"].as_u64());
    assert_eq!(status["peers"].as_array().unwrap().len(), 1);
    assert_eq!(status["peers"][0]["role"], "primary");
    assert_eq!(status["peers"][0]["state"]["kind"], "active");

    // An audit bundle, written and then checked offline by the app itself.
    let bundle = invoke(&main, "export_audit_bundle", json!({})).unwrap();
    let text = std::fs::read_to_string(bundle["path"].as_str().unwrap()).unwrap();
    let report = invoke(
        &main,
        "verify_audit_bundle",
        json!({"args": {"text": text, "checkpoint": null}}),
    )
    .unwrap();
    assert_eq!(report["account"]["balance"]["text"], "87.499");
    let broken = text.replacen("\"", "'", 1);
    assert!(
        code(invoke(
            &main,
            "verify_audit_bundle",
            json!({"args": {"text": broken, "checkpoint": null}})
        ))
        .starts_with("lc-bundle")
    );
    devnet.stop();
}

/// The jobs of a kind in the published status.
fn jobs_of(main: &tauri::WebviewWindow<tauri::test::MockRuntime>, kind: &str) -> Vec<Value> {
    invoke(main, "chain_status", json!({})).unwrap()["jobs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|j| j["kind"] == kind)
        .cloned()
        .collect()
}

/// Waits (bounded) until `ready` holds for the published status.
fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    let until = Instant::now() + jifen_testenv::DEADLINE;
    while !ready() {
        assert!(Instant::now() < until, "{what} never happened");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The must-show: while a sync is held (the node's status answer
/// does not come), a balance answers at once; a cancel meant for that sync
/// does not cancel a send queued after it, which is proven included.
#[test]
fn reads_do_not_wait_behind_a_sync_and_cancel_reaches_only_its_job() {
    let dir = tempfile::tempdir().unwrap();
    let mut devnet = start_devnet(dir.path());
    wait_for_height(&devnet, 0, 3);
    let gate = Gate::default();
    let proxy = gated_proxy(devnet.rpc_addr(), "jifen_status", gate.clone());
    let app = app(
        &dir.path().join("app"),
        Some(vec![format!("http://{proxy}")]),
    );
    let main = window(&app, "main");
    create(&main, "shop");
    invoke(&main, "sync", json!({"onProgress": channel()})).unwrap();
    invoke(&main, "faucet", json!({"onProgress": channel()})).unwrap();
    let before = invoke(&main, "balance", json!({})).unwrap();

    gate.close();
    let (sync_done, sync_result) = mpsc::channel();
    std::thread::scope(|scope| {
        let syncing = main.clone();
        scope.spawn(move || {
            let result = invoke(&syncing, "sync", json!({"onProgress": channel()}));
            sync_done.send(result).unwrap();
        });
        // The sync runs, held at the proxy.
        wait_until("a running sync", || {
            jobs_of(&main, "sync")
                .iter()
                .any(|j| j["state"] == "running")
        });
        // A balance answers while the sync waits: proven at the head it had.
        let during = invoke(&main, "balance", json!({})).unwrap();
        assert_eq!(during["balance"], before["balance"]);
        assert_eq!(during["proven"], before["proven"]);
        // So does the review of a send.
        let review = invoke(
            &main,
            "review_send",
            json!({"args": {"to": recipient(), "amount": "1", "fee": null}}),
        )
        .unwrap();
        assert!(sync_result.try_recv().is_err(), "the sync was not held");

        // The send, queued behind the held sync with its own token.
        let (send_done, send_result) = mpsc::channel();
        let sending = main.clone();
        let confirm = json!({"args": {"review_id": review["review_id"]}, "onProgress": channel()});
        scope.spawn(move || {
            send_done.send(invoke(&sending, "send", confirm)).unwrap();
        });
        wait_until("a queued send", || {
            jobs_of(&main, "send")
                .iter()
                .any(|j| j["state"] == "queued")
        });
        // The cancel meant for the sync reaches the sync only.
        invoke(&main, "cancel", json!({"args": {"job": "sync"}})).unwrap();
        assert_eq!(jobs_of(&main, "sync")[0]["cancelled"], true);
        assert_eq!(jobs_of(&main, "send")[0]["cancelled"], false);
        gate.open();
        let synced = sync_result.recv_timeout(jifen_testenv::DEADLINE).unwrap();
        assert_eq!(code(synced), "chain-cancelled");
        // The send was not cancelled: it is included and proven.
        let sent = send_result
            .recv_timeout(jifen_testenv::DEADLINE)
            .unwrap()
            .unwrap();
        assert_eq!(sent["result_code"], 0);
        assert_eq!(sent["balance_after"]["balance"]["text"], "98.999");
    });
    devnet.stop();
}

#[test]
fn chain_needs_an_open_wallet_and_valid_endpoints() {
    let dir = tempfile::tempdir().unwrap();
    let bad = app(dir.path(), Some(vec!["ftp://example.invalid".into()]));
    let main = window(&bad, "main");
    create(&main, "shop");
    // The session opens on the first job or read: its endpoint is refused.
    assert!(code(invoke(&main, "balance", json!({}))).starts_with("chain-endpoint"));
    assert!(
        code(invoke(
            &main,
            "set_endpoints",
            json!({"args": {"endpoints": ["not a url"]}})
        ))
        .starts_with("chain-endpoint")
    );
    let other = tempfile::tempdir().unwrap();
    let locked = app(other.path(), Some(vec!["http://127.0.0.1:9".into()]));
    let main = window(&locked, "main");
    assert_eq!(code(invoke(&main, "balance", json!({}))), "app-locked");
}

/// Drops every third frame and reverses the rest: a camera that missed a third
/// of the animation and saw the rest out of order.
fn lossy(mut frames: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    if frames.len() > 1 {
        frames = frames
            .into_iter()
            .enumerate()
            .filter(|(i, _)| i % 3 != 2)
            .map(|(_, f)| f)
            .collect();
        frames.reverse();
    }
    frames
}

#[test]
fn cold_signing_round_trip_through_images() {
    let dir = tempfile::tempdir().unwrap();
    let mut devnet = start_devnet(dir.path());
    wait_for_height(&devnet, 0, 3);
    let rpc = format!("http://{}", devnet.rpc_addr());

    // The cold signer: offline mode, a wallet with keys; no network command runs.
    let cold_app = app(&dir.path().join("cold"), Some(vec![rpc.clone()]));
    let cold = window(&cold_app, "main");
    let info = invoke(&cold, "set_mode", json!({"args": {"mode": "cold-signer"}})).unwrap();
    assert_eq!(info["mode"], "cold-signer");
    create(&cold, "signer");
    for (command, args) in [
        ("sync", json!({"onProgress": channel()})),
        ("balance", json!({})),
        ("chain_status", json!({})),
        ("faucet", json!({"onProgress": channel()})),
        ("set_endpoints", json!({"args": {"endpoints": [rpc]}})),
    ] {
        assert_eq!(
            code(invoke(&cold, command, args)),
            "app-cold-offline",
            "{command}"
        );
    }
    let export = invoke(
        &cold,
        "cold_pair_export",
        json!({"args": {"chain_id": null}}),
    )
    .unwrap();
    assert_eq!(export["chain_id"], info["chain_id"]);
    assert_eq!(export["qr"]["ur_type"], "jifen-account");

    // The online wallet imports the pairing as watch-only and funds it.
    let online_app = app(&dir.path().join("online"), Some(vec![rpc.clone()]));
    let online = window(&online_app, "main");
    let watch = invoke(
        &online,
        "pair_import",
        json!({"args": {"name": "watch", "images": lossy(pngs(&export["qr"]["parts"]))}}),
    )
    .unwrap();
    assert_eq!(watch["watch_only"], true);
    assert_eq!(watch["paired_chain"], export["chain_id"]);
    assert_eq!(
        invoke(&online, "wallet_overview", json!({})).unwrap()["address"],
        invoke(&cold, "wallet_overview", json!({})).unwrap()["address"]
    );
    assert_eq!(
        code(invoke(
            &online,
            "unlock",
            json!({"args": {"name": "watch", "password": "pw"}})
        )),
        "wallet-watch-only"
    );
    invoke(
        &online,
        "open_watch_only",
        json!({"args": {"name": "watch"}}),
    )
    .unwrap();
    invoke(&online, "sync", json!({"onProgress": channel()})).unwrap();
    invoke(&online, "faucet", json!({"onProgress": channel()})).unwrap();
    let to = recipient();
    let review = invoke(
        &online,
        "review_send",
        json!({"args": {"to": to, "amount": "1", "fee": "0.001"}}),
    )
    .unwrap();
    assert_eq!(
        code(invoke(
            &online,
            "send",
            json!({"args": {"review_id": review["review_id"]}, "onProgress": channel()})
        )),
        "app-watch-only-needs-request"
    );

    // The request's frames survive a third of them lost and the rest out of order.
    let request = invoke(
        &online,
        "make_sign_request",
        json!({"args": {"to": to, "amount": "2.5", "fee": "0.001"}}),
    )
    .unwrap();
    assert_eq!(request["review"]["total"]["text"], "2.501");
    assert_eq!(
        invoke(&online, "pending_requests", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let request_images = lossy(pngs(&request["qr"]["parts"]));

    // The cold device reviews it (same fingerprint) and signs only that review.
    let review = invoke(
        &cold,
        "cold_review",
        json!({"args": {"images": request_images}}),
    )
    .unwrap();
    assert_eq!(review["fingerprint"], request["fingerprint"]);
    assert_eq!(review["request_id"], request["request_id"]);
    let lines = review["lines"].as_array().unwrap();
    let amount = lines
        .iter()
        .find(|l| l["label"] == "cold-review-amount")
        .unwrap();
    assert_eq!(
        (
            amount["value"].as_str().unwrap(),
            amount["kind"].as_str().unwrap()
        ),
        ("2.5 POINT", "amount")
    );
    assert!(
        lines
            .iter()
            .any(|l| l["kind"] == "message" && l["value"] == "cold-kind-transfer")
    );
    assert_eq!(
        code(invoke(
            &cold,
            "cold_sign",
            json!({"args": {"fingerprint": "0000-0000-0000-0000"}})
        )),
        "cold-fingerprint-mismatch"
    );
    let signature = invoke(
        &cold,
        "cold_sign",
        json!({"args": {"fingerprint": review["fingerprint"]}}),
    )
    .unwrap();
    assert_eq!(signature["qr"]["ur_type"], "jifen-signature");
    assert_eq!(
        code(invoke(
            &cold,
            "cold_sign",
            json!({"args": {"fingerprint": review["fingerprint"]}})
        )),
        "cold-no-review"
    );

    // Wrong inputs on the online side: a request is not a signature; nothing is
    // lost and the pending request stays.
    assert_eq!(
        code(invoke(
            &online,
            "accept_signature",
            json!({"args": {"images": request_images}, "onProgress": channel()})
        )),
        "qr-wrong-type"
    );
    assert_eq!(
        invoke(&online, "pending_requests", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // The real answer: accepted, broadcast, included and proven.
    let sent = invoke(
        &online,
        "accept_signature",
        json!({"args": {"images": lossy(pngs(&signature["qr"]["parts"]))}, "onProgress": channel()}),
    )
    .unwrap();
    assert_eq!(sent["result_code"], 0);
    assert_eq!(sent["balance_after"]["balance"]["text"], "97.499");
    assert!(
        invoke(&online, "pending_requests", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .is_empty()
    );

    // Two requests for the same next nonce: once the second is included, the
    // first can never be, and says so; the person discards it.
    let make = || {
        invoke(
            &online,
            "make_sign_request",
            json!({"args": {"to": to, "amount": "1", "fee": "0.001"}}),
        )
        .unwrap()
    };
    let stale = make();
    let newer = make();
    let listed = invoke(&online, "pending_requests", json!({})).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 2);
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["superseded"] == false),
        "{listed}"
    );
    let review = invoke(
        &cold,
        "cold_review",
        json!({"args": {"images": pngs(&newer["qr"]["parts"])}}),
    )
    .unwrap();
    let answer = invoke(
        &cold,
        "cold_sign",
        json!({"args": {"fingerprint": review["fingerprint"]}}),
    )
    .unwrap();
    invoke(
        &online,
        "accept_signature",
        json!({"args": {"images": pngs(&answer["qr"]["parts"])}, "onProgress": channel()}),
    )
    .unwrap();
    let listed = invoke(&online, "pending_requests", json!({})).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["request_id"], stale["request_id"]);
    assert_eq!(listed[0]["nonce"], 1);
    assert_eq!(listed[0]["superseded"], true);
    assert_eq!(
        code(invoke(
            &online,
            "discard_request",
            json!({"args": {"request_id": "not-an-id"}})
        )),
        "cold-bad-request-id"
    );
    let discarded = invoke(
        &online,
        "discard_request",
        json!({"args": {"request_id": stale["request_id"]}}),
    )
    .unwrap();
    assert_eq!(discarded["fingerprint"], stale["fingerprint"]);
    assert!(
        invoke(&online, "pending_requests", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        code(invoke(
            &online,
            "discard_request",
            json!({"args": {"request_id": stale["request_id"]}})
        )),
        "cold-unknown-request"
    );

    // Frames saved as files for a person to carry.
    // A path where a kind of frames belongs never reaches the app: the IPC
    // layer refuses it (the stem is an enum).
    assert!(
        invoke(
            &online,
            "save_qr_frames",
            json!({"args": {"stem": "../../etc", "parts": signature["qr"]["parts"]}})
        )
        .is_err()
    );
    let saved = invoke(
        &online,
        "save_qr_frames",
        json!({"args": {"stem": "jifen-signature", "parts": signature["qr"]["parts"]}}),
    )
    .unwrap();
    let files = std::fs::read_dir(saved.as_str().unwrap()).unwrap().count();
    assert_eq!(files, signature["qr"]["parts"].as_array().unwrap().len());
    devnet.stop();
}

#[test]
fn cold_refusals_have_their_own_codes() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path(), Some(vec!["http://127.0.0.1:9".into()]));
    let cold = window(&app, "main");
    invoke(&cold, "set_mode", json!({"args": {"mode": "cold-signer"}})).unwrap();
    create(&cold, "signer");
    // An image without a code.
    let gray = {
        let mut png = std::io::Cursor::new(Vec::new());
        image::GrayImage::from_pixel(64, 64, image::Luma([200u8]))
            .write_to(&mut png, image::ImageFormat::Png)
            .unwrap();
        png.into_inner()
    };
    // Before pairing the device refuses to review.
    assert_eq!(
        code(invoke(
            &cold,
            "cold_review",
            json!({"args": {"images": [gray]}})
        )),
        "cold-not-paired"
    );
    invoke(
        &cold,
        "cold_pair_export",
        json!({"args": {"chain_id": "jifen-devnet"}}),
    )
    .unwrap();
    assert_eq!(
        code(invoke(
            &cold,
            "cold_review",
            json!({"args": {"images": [gray]}})
        )),
        "cold-no-code-found"
    );
    assert_eq!(
        code(invoke(
            &cold,
            "cold_pair_export",
            json!({"args": {"chain_id": "Bad Chain!"}})
        )),
        "chain-id-invalid-character"
    );
    assert_eq!(
        code(invoke(
            &cold,
            "cold_sign",
            json!({"args": {"fingerprint": "x"}})
        )),
        "cold-no-review"
    );
    // A keyed wallet is not opened as a watch-only one.
    assert_eq!(
        code(invoke(
            &cold,
            "open_watch_only",
            json!({"args": {"name": "signer"}})
        )),
        "app-not-watch-only"
    );
    let info = invoke(&cold, "set_mode", json!({"args": {"mode": "wallet"}})).unwrap();
    assert_eq!(info["mode"], "wallet");
}
