//! The app's chain operations against an in-process devnet: sync with progress and
//! cancel, proven balance, the devnet faucet, review and send with proven
//! inclusion, status and audit bundle, and the error codes of bad input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::sync::atomic::AtomicBool;
use std::time::Duration;

use jifen_app::secret::SecretString;
use jifen_app::state::CreateRequest;
use jifen_app::{AppConfig, WalletState};
use jifen_crypto::keystore::{KdfParams, KdfPolicy};
use jifen_node::devnet::{Devnet, DevnetConfig};
use jifen_node::keys::NodeKey;
use jifen_protocol::Network;

fn start_devnet(dir: &std::path::Path) -> Devnet {
    let mut config = DevnetConfig::new(dir.join("node"));
    config.block_time_ms = 200;
    Devnet::start(&config).unwrap()
}

fn state(dir: &std::path::Path, rpc: String) -> WalletState {
    let floor = KdfParams {
        m_cost_kib: 64,
        t_cost: 1,
        p_cost: 1,
    };
    WalletState::new(AppConfig {
        data_dir: dir.join("app"),
        network: Network::Devnet,
        kdf_policy: KdfPolicy::new(
            floor,
            Duration::from_millis(1),
            Duration::from_millis(2),
            256,
        )
        .unwrap(),
        endpoints_override: Some(vec![rpc]),
    })
}

/// A wallet with keys, password "pw".
fn create(s: &mut WalletState, name: &str) {
    s.create_wallet(&CreateRequest {
        name: name.into(),
        password: SecretString::from("pw"),
        words: 12,
        mnemonic_language: "en".into(),
    })
    .unwrap();
}

#[test]
fn sync_balance_faucet_send_and_audit() {
    let dir = tempfile::tempdir().unwrap();
    let mut devnet = start_devnet(dir.path());
    let mut s = state(dir.path(), format!("http://{}", devnet.rpc_addr()));
    create(&mut s, "shop");
    std::thread::sleep(Duration::from_millis(600));

    let never = AtomicBool::new(false);
    let mut events = Vec::new();
    let synced = s.sync(&mut |e| events.push(e), &never).unwrap();
    assert!(synced.height >= 1);
    assert!(!events.is_empty(), "progress is streamed");
    assert!(events.iter().all(|e| e.current <= e.target));

    let balance = s.balance().unwrap();
    assert_eq!(balance.points, "0");
    assert!(balance.height >= 1);

    let funded = s.devnet_faucet(&never).unwrap();
    assert_eq!(funded.result_code, 0);
    assert_eq!(funded.balance.as_ref().unwrap().points, "100");

    let to = NodeKey::devnet_account(1)
        .unwrap()
        .address()
        .encode(Network::Devnet);
    let review = s.review_send(&to, "12.5", "0.001").unwrap();
    assert_eq!(
        (review.total.as_str(), review.remaining.as_str()),
        ("12.501", "87.499")
    );
    let mut stages = Vec::new();
    let sent = s
        .send(&to, "12.5", "0.001", &mut |e| stages.push(e.stage), &never)
        .unwrap();
    assert_eq!(stages, ["waiting", "included"]);
    assert!(sent.height >= funded.height);
    assert_eq!(sent.balance.unwrap().points, "87.499");

    // Bad input: specific codes with arguments, nothing sent.
    let e = s.review_send("jfd1notanaddress", "1", "0.001").unwrap_err();
    assert!(e.code.starts_with("address-"), "{e:?}");
    assert_eq!(
        s.review_send(&to, "abc", "0.001").unwrap_err().code,
        "chain-amount-malformed"
    );
    assert_eq!(
        s.review_send(&to, "1", "0.0001").unwrap_err().code,
        "chain-fee-too-low"
    );
    let poor = s.review_send(&to, "1000", "0.001").unwrap_err();
    assert_eq!(poor.code, "chain-insufficient-balance");
    assert_eq!(poor.args["balance"], "87.499 POINT");

    let view = s.chain_status().unwrap();
    assert!(view.devnet);
    assert!(view.trusted.unwrap().height >= sent.height);
    assert_eq!(view.peers.len(), 1);
    let bundle = s.export_audit_bundle().unwrap();
    assert!(std::path::Path::new(&bundle).exists());

    // A cancelled sync stops with its code once there is something to do.
    std::thread::sleep(Duration::from_millis(800));
    let cancel = AtomicBool::new(true);
    if let Err(e) = s.sync(&mut |_| {}, &cancel) {
        assert!(e.code.ends_with("cancelled"), "{e:?}");
    }
    devnet.stop();
}

#[test]
fn chain_needs_an_open_wallet_and_valid_endpoints() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = state(dir.path(), "ftp://example.invalid".into());
    assert_eq!(s.balance().unwrap_err().code, "app-locked");
    let e = s.chain_status().unwrap_err();
    assert!(e.code.starts_with("chain-endpoint"), "{e:?}");
    let e = s.set_endpoints(&["not a url".into()]).unwrap_err();
    assert!(e.code.starts_with("chain-endpoint"), "{e:?}");
}

/// PNG files of UR parts, as a person would save or photograph them.
fn pngs(parts: &[String]) -> Vec<Vec<u8>> {
    parts
        .iter()
        .map(|p| jifen_qr::QrSymbol::for_ur(p).unwrap().to_png(4).unwrap())
        .collect()
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
    let rpc = format!("http://{}", devnet.rpc_addr());
    let never = AtomicBool::new(false);

    // The cold signer: offline mode, a wallet with keys; no network command runs.
    let mut cold = state(&dir.path().join("cold"), rpc.clone());
    let info = cold.set_mode("cold-signer").unwrap();
    assert_eq!(info.mode, "cold-signer");
    create(&mut cold, "signer");
    for code in [
        cold.sync(&mut |_| {}, &never).unwrap_err().code,
        cold.balance().unwrap_err().code,
        cold.chain_status().unwrap_err().code,
        cold.devnet_faucet(&never).unwrap_err().code,
        cold.set_endpoints(std::slice::from_ref(&rpc))
            .unwrap_err()
            .code,
    ] {
        assert_eq!(code, "app-cold-offline");
    }
    // Not paired yet: a request cannot be reviewed.
    let export = cold.cold_pair_export(None).unwrap();
    assert_eq!(export.chain_id, info.chain_id);
    assert_eq!(export.qr.ur_type, "jifen-account");

    // The online wallet imports the pairing as watch-only and funds it.
    let mut online = state(&dir.path().join("online"), rpc);
    let watch = online
        .pair_import("watch", lossy(pngs(&export.qr.parts)))
        .unwrap();
    assert!(watch.watch_only);
    assert_eq!(
        watch.paired_chain.as_deref(),
        Some(export.chain_id.as_str())
    );
    assert_eq!(
        online.wallet_overview().unwrap().address,
        cold.wallet_overview().unwrap().address
    );
    assert_eq!(
        online
            .unlock("watch", &SecretString::from("pw"))
            .unwrap_err()
            .code,
        "wallet-watch-only"
    );
    online.open_watch_only("watch").unwrap();
    std::thread::sleep(Duration::from_millis(600));
    online.sync(&mut |_| {}, &never).unwrap();
    online.devnet_faucet(&never).unwrap();
    let to = NodeKey::devnet_account(1)
        .unwrap()
        .address()
        .encode(Network::Devnet);
    assert_eq!(
        online
            .send(&to, "1", "0.001", &mut |_| {}, &never)
            .unwrap_err()
            .code,
        "app-watch-only-needs-request"
    );

    // The request's frames survive a third of them lost and the rest out of order.
    let request = online.make_sign_request(&to, "2.5", "0.001").unwrap();
    assert_eq!(request.review.total, "2.501");
    assert_eq!(online.pending_requests().unwrap().len(), 1);
    let request_images = lossy(pngs(&request.qr.parts));

    // The cold device reviews it (same fingerprint) and signs only that review.
    let review = cold.cold_review(request_images.clone()).unwrap();
    assert_eq!(review.fingerprint, request.fingerprint);
    assert_eq!(review.request_id, request.request_id);
    let amount = review
        .lines
        .iter()
        .find(|l| l.label == "cold-review-amount")
        .unwrap();
    assert_eq!(
        (amount.value.as_str(), amount.value_kind),
        ("2.5 POINT", "amount")
    );
    assert!(
        review
            .lines
            .iter()
            .any(|l| l.value_kind == "message" && l.value == "cold-kind-transfer")
    );
    assert_eq!(
        cold.cold_sign("0000-0000-0000-0000").unwrap_err().code,
        "cold-fingerprint-mismatch"
    );
    let signature = cold.cold_sign(&review.fingerprint).unwrap();
    assert_eq!(signature.ur_type, "jifen-signature");
    assert_eq!(
        cold.cold_sign(&review.fingerprint).unwrap_err().code,
        "app-no-review"
    );

    // Wrong inputs on the online side: a request is not a signature; nothing is
    // lost and the pending request stays.
    assert_eq!(
        online
            .accept_signature(request_images, &mut |_| {}, &never)
            .unwrap_err()
            .code,
        "qr-wrong-type"
    );
    assert_eq!(online.pending_requests().unwrap().len(), 1);

    // The real answer: accepted, broadcast, included and proven.
    let mut stages = Vec::new();
    let sent = online
        .accept_signature(
            lossy(pngs(&signature.parts)),
            &mut |e| stages.push(e.stage),
            &never,
        )
        .unwrap();
    assert_eq!(stages, ["waiting", "included"]);
    assert_eq!(sent.result_code, 0);
    assert_eq!(sent.balance.unwrap().points, "97.499");
    assert!(online.pending_requests().unwrap().is_empty());

    // Two requests for the same next nonce: once the second is included, the
    // first can never be, and says so; the person discards it.
    let stale = online.make_sign_request(&to, "1", "0.001").unwrap();
    let newer = online.make_sign_request(&to, "1", "0.001").unwrap();
    let listed = online.pending_requests().unwrap();
    assert_eq!(listed.len(), 2);
    assert!(
        listed.iter().all(|p| p.superseded == Some(false)),
        "{listed:?}"
    );
    let review = cold.cold_review(pngs(&newer.qr.parts)).unwrap();
    let answer = cold.cold_sign(&review.fingerprint).unwrap();
    online
        .accept_signature(pngs(&answer.parts), &mut |_| {}, &never)
        .unwrap();
    let listed = online.pending_requests().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].request_id, stale.request_id);
    assert_eq!(listed[0].nonce, 1);
    assert_eq!(listed[0].superseded, Some(true));
    assert_eq!(
        online.discard_request("not-an-id").unwrap_err().code,
        "cold-bad-request-id"
    );
    let discarded = online.discard_request(&stale.request_id).unwrap();
    assert_eq!(discarded.fingerprint, stale.fingerprint);
    assert!(online.pending_requests().unwrap().is_empty());
    assert_eq!(
        online.discard_request(&stale.request_id).unwrap_err().code,
        "cold-unknown-request"
    );
    online.lock();
    assert_eq!(
        online.discard_request(&stale.request_id).unwrap_err().code,
        "app-locked"
    );
    online.open_watch_only("watch").unwrap();

    // Frames saved as files for a person to carry.
    assert_eq!(
        online
            .save_qr_frames("../../etc", &signature.parts)
            .unwrap_err()
            .code,
        "app-bad-qr-stem"
    );
    let saved = online
        .save_qr_frames("jifen-signature", &signature.parts)
        .unwrap();
    let files = std::fs::read_dir(&saved).unwrap().count();
    assert_eq!(files, signature.parts.len());
    devnet.stop();
}

#[test]
fn cold_refusals_have_their_own_codes() {
    let dir = tempfile::tempdir().unwrap();
    let mut cold = state(dir.path(), "http://127.0.0.1:1".into());
    assert_eq!(cold.set_mode("hot").unwrap_err().code, "app-bad-mode");
    cold.set_mode("cold-signer").unwrap();
    create(&mut cold, "signer");
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
        cold.cold_review(vec![gray.clone()]).unwrap_err().code,
        "app-cold-not-paired"
    );
    cold.cold_pair_export(Some("jifen-devnet")).unwrap();
    assert_eq!(
        cold.cold_review(vec![gray]).unwrap_err().code,
        "app-scan-nothing"
    );
    assert_eq!(
        cold.cold_pair_export(Some("Bad Chain!")).unwrap_err().code,
        "chain-id-invalid-character"
    );
    assert_eq!(cold.cold_sign("x").unwrap_err().code, "app-no-review");
    // A watch-only wallet cannot be opened as a keyed one and vice versa.
    assert_eq!(
        cold.open_watch_only("signer").unwrap_err().code,
        "app-not-watch-only"
    );
    cold.set_mode("wallet").unwrap();
    assert!(!cold.cold_signer());
}
