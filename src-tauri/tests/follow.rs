//! The app follows the chain by itself over P2P (ADR 0022, `docs/app.md`),
//! on the mock runtime against an in-process devnet that serves P2P: with a
//! P2P endpoint, nobody presses Sync and the published head moves as blocks
//! are announced; another job (a sync) queued meanwhile runs and the follow
//! goes on after it; in cold-signer mode nothing follows; with RPC only the
//! status never says following.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use jifen_node::devnet::{Devnet, DevnetConfig};
use jifen_node::p2p::P2pOptions;
use serde_json::{Value, json};
use support::{app, channel, code, create, invoke, window};

type Window = tauri::WebviewWindow<tauri::test::MockRuntime>;

fn p2p_devnet(dir: &std::path::Path) -> Devnet {
    let mut config = DevnetConfig::new(dir.join("node"));
    config.validators = 4;
    config.produce = false;
    config.p2p = Some(P2pOptions::new(
        "127.0.0.1:0".parse().unwrap(),
        jifen_p2p::Role::Validator,
    ));
    let devnet = Devnet::start(&config).unwrap();
    devnet.produce_blocks(3).unwrap();
    devnet
}

fn status(main: &Window) -> Value {
    invoke(main, "chain_status", json!({})).unwrap()
}

fn height(status: &Value) -> u64 {
    status["trusted"]["height"].as_u64().unwrap_or(0)
}

/// Waits (bounded) until `ready` holds for the published status.
fn wait_for(main: &Window, what: &str, mut ready: impl FnMut(&Value) -> bool) -> Value {
    let until = Instant::now() + jifen_testenv::DEADLINE;
    loop {
        let now = status(main);
        if ready(&now) {
            return now;
        }
        assert!(Instant::now() < until, "{what} never happened: {now}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Produces a block every 150 ms until stopped (the devnet's own producer
/// is off, so heights move only with this).
fn producing(devnet: Arc<Devnet>, stop: Arc<AtomicBool>) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        while !stop.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(150));
            devnet.produce_blocks(1).unwrap();
        }
    })
}

#[test]
fn with_a_p2p_endpoint_the_head_follows_announced_blocks_without_a_sync() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = Arc::new(p2p_devnet(dir.path()));
    let primary = devnet.p2p_addrs()[0].to_string();
    let app = app(&dir.path().join("app"), Some(vec![primary.clone()]));
    let main = window(&app, "main");
    create(&main, "shop");

    // Nobody syncs: the app's follow task opens the session and follows.
    let following = wait_for(&main, "following", |s| s["following"] == true);
    assert!(
        following["jobs"]
            .as_array()
            .unwrap()
            .iter()
            .all(|job| job["kind"] == "follow"),
        "{following}"
    );

    let stop = Arc::new(AtomicBool::new(false));
    let producer = producing(Arc::clone(&devnet), Arc::clone(&stop));
    // Each announced block is verified and published.
    let moved = wait_for(&main, "a followed head", |s| height(s) >= 6);
    assert_eq!(moved["following"], true);
    let peer = &moved["peers"][0];
    assert_eq!(peer["id"], primary.as_str());
    assert_eq!(peer["role"], "primary");
    assert_eq!(peer["transport"], "p2p");
    assert!(peer["bucket"].is_u64(), "{peer}");
    // Reads answer at the followed head.
    let balance = invoke(&main, "balance", json!({})).unwrap();
    assert!(balance["proven"]["height"].as_u64().unwrap() >= 6);

    // Another job is not kept waiting: the follow turn yields to a sync,
    // which runs, and the follow goes on after it.
    let synced = invoke(&main, "sync", json!({"onProgress": channel()})).unwrap();
    let after_sync = synced["sync"]["height"].as_u64().unwrap();
    assert!(after_sync >= 6);
    let later = wait_for(&main, "following after the sync", |s| {
        s["following"] == true && height(s) > after_sync
    });
    assert!(height(&later) > after_sync);

    // A cold signer follows nothing: the chain is refused, and back online
    // the app follows again by itself.
    invoke(&main, "set_mode", json!({"args": {"mode": "cold-signer"}})).unwrap();
    assert_eq!(
        code(invoke(&main, "chain_status", json!({}))),
        "app-cold-offline"
    );
    invoke(&main, "set_mode", json!({"args": {"mode": "wallet"}})).unwrap();
    let before = height(&status(&main));
    wait_for(&main, "following once online again", |s| {
        s["following"] == true && height(s) > before
    });

    stop.store(true, Ordering::SeqCst);
    producer.join().unwrap();
    drop(app);
}

#[test]
fn with_rpc_only_the_app_does_not_follow() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = p2p_devnet(dir.path());
    let app = app(
        &dir.path().join("app"),
        Some(vec![format!("http://{}", devnet.rpc_addr())]),
    );
    let main = window(&app, "main");
    create(&main, "shop");
    let synced = invoke(&main, "sync", json!({"onProgress": channel()})).unwrap();
    assert_eq!(synced["sync"]["height"], 3);
    let now = status(&main);
    assert_eq!(now["following"], false);
    assert!(
        now["jobs"]
            .as_array()
            .unwrap()
            .iter()
            .all(|job| job["kind"] != "follow")
    );
    drop(devnet);
}
