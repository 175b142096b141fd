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

#[test]
fn sync_balance_faucet_send_and_audit() {
    let dir = tempfile::tempdir().unwrap();
    let mut devnet = start_devnet(dir.path());
    let mut s = state(dir.path(), format!("http://{}", devnet.rpc_addr()));
    s.create_wallet(&CreateRequest {
        name: "shop".into(),
        password: SecretString::from("pw"),
        words: 12,
        mnemonic_language: "en".into(),
    })
    .unwrap();
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
    assert_eq!(poor.args["balance"], "87.499");

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
