//! The light-client commands (`endpoints`, `sync`, `status`, `balance`, `send`,
//! `export-bundle`, `verify-bundle`, `verify-evidence`) driven through the
//! built `jifen` binary against a real devnet started in this process on a
//! free loopback port, plus a second RPC server over the same chain that
//! double-signs (for fork evidence).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use jifen_node::devnet::{Devnet, DevnetConfig};
use jifen_node::keys::NodeKey;
use jifen_node::rpc::http::HttpServer;
use jifen_node::rpc::{Fault, RpcContext, handle_body};
use jifen_protocol::{ChainId, Encode, Network, Transfer, TxPayload, UnsignedTransaction};
use serde_json::Value;

mod common;
use common::{PASSWORD, fails_with, jifen, ok, run, run_with_input, stderr, stdout};

const ALICE: &str =
    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
const BOB: &str = "legal winner thank year wave sausage worth useful legal winner thank yellow";

fn restore(data: &Path, name: &str, phrase: &str) -> String {
    ok(run_with_input(
        jifen(data)
            .args(["restore", "--name", name])
            .env("JIFEN_PASSWORD", PASSWORD),
        &format!("{phrase}\n"),
    ));
    let out = ok(run(jifen(data).args([
        "addresses",
        "-w",
        name,
        "--count",
        "1",
        "--json",
    ])));
    let rows: Value = serde_json::from_str(&stdout(&out)).unwrap();
    rows[0]["address"].as_str().unwrap().to_owned()
}

fn balance(data: &Path, wallet: &str) -> (u128, u64) {
    let out = ok(run(jifen(data).args(["balance", "-w", wallet, "--json"])));
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    (
        json["balance"]["units"].as_str().unwrap().parse().unwrap(),
        json["proven"]["height"].as_u64().unwrap(),
    )
}

/// Devnet account `index` pays `amount` base units to `to` (signed here with
/// the public devnet key, submitted over RPC).
fn fund(addr: SocketAddr, index: u32, to: &str, amount: u128) {
    let key = NodeKey::devnet_account(index).unwrap();
    let to = jifen_protocol::Address::decode(to, Network::Devnet).unwrap();
    let unsigned = UnsignedTransaction::new(
        ChainId::new("jifen-devnet").unwrap(),
        key.public_key(),
        0,
        1_000,
        TxPayload::Transfer(Transfer { to, amount }),
    );
    let signature = key.sign_digest(&unsigned.signing_digest()).unwrap();
    let tx = unsigned.with_signature(signature);
    let mut client = jifen_node::rpc::client::RpcClient::new(addr);
    client
        .call(
            "jifen_submitTx",
            serde_json::json!({ "tx": hex::encode(tx.encode()) }),
        )
        .unwrap();
}

#[test]
fn minimum_fee_matches_the_reference_node() {
    assert_eq!(
        jifen_wallet::chain::MIN_FEE,
        jifen_node::genesis::DEFAULT_MIN_FEE
    );
}

#[test]
fn sync_balance_send_bundle_and_evidence_against_a_devnet() {
    let node_dir = tempfile::tempdir().unwrap();
    let mut config = DevnetConfig::new(node_dir.path().to_owned());
    config.validators = 4;
    config.block_time_ms = 200;
    let mut devnet = Devnet::start(&config).unwrap();
    let primary = format!("http://{}", devnet.rpc_addr());
    // A second server over the same chain that double-signs every block.
    let liar_ctx = RpcContext {
        chain: devnet.chain(),
        fault: Some(Fault::DoubleSign),
    };
    let mut liar = HttpServer::start(
        SocketAddr::from(([127, 0, 0, 1], 0)),
        Arc::new(move |body: &[u8]| handle_body(&liar_ctx, body)),
    )
    .unwrap();
    let liar_url = format!("http://{}", liar.local_addr());

    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();

    // Endpoints: refusals are specific, then the devnet is set as primary.
    fails_with(
        &run(jifen(data).args(["endpoints", "--primary", "127.0.0.1:1"])),
        "lacks http:// or https://",
    );
    fails_with(
        &run(jifen(data).args([
            "endpoints",
            "--network",
            "mainnet",
            "--primary",
            "http://node.example.org",
        ])),
        "allowed on devnet only",
    );
    // A P2P peer address is an endpoint on every network; a bad one and a
    // file that holds no certificate are refused with their own message.
    fails_with(
        &run(jifen(data).args([
            "endpoints",
            "--network",
            "mainnet",
            "--primary",
            "/ip4/203.0.113.5/tcp/27660",
        ])),
        "names no node",
    );
    let peer =
        "/ip4/203.0.113.5/tcp/27660/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA";
    let p2p = ok(run(jifen(data).args([
        "endpoints",
        "--network",
        "mainnet",
        "--primary",
        peer,
    ])));
    assert!(
        stdout(&p2p).contains(&format!("Primary: {peer}")),
        "{}",
        stdout(&p2p)
    );
    let files = tempfile::tempdir().unwrap();
    let junk = files.path().join("junk.pem");
    std::fs::write(&junk, "not a certificate").unwrap();
    fails_with(
        &run(jifen(data).args([
            "endpoints",
            "--network",
            "mainnet",
            "--trust-cert",
            junk.to_str().unwrap(),
        ])),
        "No certificate found",
    );
    let shown = ok(run(jifen(data).args(["endpoints", "--primary", &primary])));
    assert!(
        stdout(&shown).contains(&format!("Primary: {primary}")),
        "{}",
        stdout(&shown)
    );
    assert!(data.join("chain/devnet/settings.json").exists());
    // JIFEN_ENDPOINTS overrides the saved nodes for one run, and says so.
    let overridden = ok(run(jifen(data)
        .env("JIFEN_ENDPOINTS", &liar_url)
        .args(["endpoints", "--json"])));
    let view: serde_json::Value = serde_json::from_str(&stdout(&overridden)).unwrap();
    assert_eq!(view["primary"], primary.as_str());
    assert_eq!(view["in_use"], serde_json::json!([liar_url]));
    let plain = ok(run(jifen(data).args(["endpoints", "--json"])));
    let view: serde_json::Value = serde_json::from_str(&stdout(&plain)).unwrap();
    assert_eq!(view["in_use"], serde_json::Value::Null);

    let alice = restore(data, "alice", ALICE);
    let bob = restore(data, "bob", BOB);

    // First sync: genesis on first use, then the tip.
    let synced = ok(run(jifen(data).arg("sync")));
    assert!(
        stderr(&synced).contains("Verified up to height"),
        "{}",
        stderr(&synced)
    );
    let status = ok(run(jifen(data).arg("status")));
    assert!(
        stdout(&status).contains("Trusted header: height"),
        "{}",
        stdout(&status)
    );
    // The root was taken by the sync's process: this one cannot say whether
    // a witness confirmed it, and says so.
    assert!(
        stdout(&status).contains("Root of trust: genesis block 1:")
            && stdout(&status).contains("in an earlier session"),
        "{}",
        stdout(&status)
    );
    assert!(!stderr(&status).contains("min old"), "{}", stderr(&status));
    let status = ok(run(jifen(data).args(["status", "--json"])));
    let view: serde_json::Value = serde_json::from_str(&stdout(&status)).unwrap();
    assert_eq!(view["trusted"]["too_old"], false, "{view}");
    assert_eq!(view["trusted"]["warn_after_ms"], 120_000, "{view}");

    assert_eq!(balance(data, "alice").0, 0);
    fund(devnet.rpc_addr(), 1, &alice, 10_000_000);
    let deadline = Instant::now() + Duration::from_secs(30);
    while balance(data, "alice").0 == 0 {
        assert!(Instant::now() < deadline, "funding not proven in time");
        std::thread::sleep(Duration::from_millis(200));
    }
    let (funded, height) = balance(data, "alice");
    assert_eq!(funded, 10_000_000);
    let text = ok(run(jifen(data).args(["balance", "-w", "alice"])));
    assert!(
        stdout(&text).contains(&format!("{alice}: 10 POINT, proven at height")),
        "{}",
        stdout(&text)
    );
    assert!(height > 1);

    // Impossible amounts are refused before anything is signed.
    let send = |args: &[&str]| {
        run(jifen(data)
            .args(["send", "-w", "alice", "--to", &bob, "--yes"])
            .args(args)
            .env("JIFEN_PASSWORD", PASSWORD))
    };
    fails_with(&send(&["--amount", "0"]), "must be more than zero");
    fails_with(&send(&["--amount", "1.0000001"]), "more than 6 decimals");
    fails_with(&send(&["--amount", "abc"]), "is not an amount");
    fails_with(
        &send(&["--amount", "10"]),
        "does not cover amount plus fee, 10.001 POINT",
    );
    fails_with(
        &send(&["--amount", "1", "--fee", "0.0001"]),
        "below the minimum 0.001 POINT",
    );
    // Without --yes and without a terminal, nothing is sent.
    fails_with(
        &run(jifen(data)
            .args(["send", "-w", "alice", "--to", &bob, "--amount", "1"])
            .env("JIFEN_PASSWORD", PASSWORD)),
        "needs a confirmation",
    );

    let sent = ok(send(&["--amount", "2.5"]));
    assert!(stderr(&sent).contains("amount:  2.5 POINT") || stderr(&sent).contains("2.5 POINT"));
    assert!(
        stderr(&sent).contains("Included in block"),
        "{}",
        stderr(&sent)
    );
    assert_eq!(
        stdout(&sent).trim().len(),
        64,
        "the transaction id on stdout"
    );
    assert_eq!(balance(data, "bob").0, 2_500_000);
    assert_eq!(balance(data, "alice").0, 10_000_000 - 2_500_000 - 1_000);

    // Translations of the same facts.
    let zh = ok(run(jifen(data)
        .args(["balance", "-w", "bob"])
        .env("JIFEN_LANG", "zh-CN")));
    assert!(
        stdout(&zh).contains("2.5 POINT，已在高度"),
        "{}",
        stdout(&zh)
    );
    let tw = ok(run(jifen(data)
        .args(["balance", "-w", "bob"])
        .env("JIFEN_LANG", "zh-TW")));
    assert!(stdout(&tw).contains("已於高度"), "{}", stdout(&tw));
    let tw_error = run(jifen(data)
        .args([
            "send", "-w", "alice", "--to", &bob, "--amount", "0", "--yes",
        ])
        .env("JIFEN_LANG", "zh-TW"));
    fails_with(&tw_error, "金額必須大於零");

    // Audit bundle: written online, checked offline; a tampered copy fails.
    let bundle = data.join("alice.bundle.json");
    ok(run(jifen(data)
        .args(["export-bundle", "-w", "alice", "--out"])
        .arg(&bundle)));
    let checked = ok(run(jifen(data).arg("verify-bundle").arg(&bundle)));
    assert!(
        stderr(&checked).contains("Valid audit bundle"),
        "{}",
        stderr(&checked)
    );
    assert!(
        stdout(&checked).contains("balance 7.499 POINT, nonce 1"),
        "{}",
        stdout(&checked)
    );
    fails_with(
        &run(jifen(data)
            .args(["verify-bundle", "--address", &bob])
            .arg(&bundle)),
        "proves another account",
    );
    let mut file: Value = serde_json::from_str(&std::fs::read_to_string(&bundle).unwrap()).unwrap();
    let proof = file["final_proof"]["bytes"].as_str().unwrap().to_owned();
    let flipped = if proof.ends_with('0') { "1" } else { "0" };
    file["final_proof"]["bytes"] = Value::from(format!("{}{flipped}", &proof[..proof.len() - 1]));
    let tampered = data.join("tampered.bundle.json");
    std::fs::write(&tampered, file.to_string()).unwrap();
    fails_with(
        &run(jifen(data).arg("verify-bundle").arg(&tampered)),
        "the value was altered",
    );

    // A double-signing witness: the sync stops with fork evidence on disk,
    // the evidence checks offline, a tampered copy does not.
    ok(run(jifen(data).args(["endpoints", "--witness", &liar_url])));
    std::thread::sleep(Duration::from_millis(500));
    let forked = run(jifen(data).arg("sync"));
    fails_with(&forked, "Fork detected at height");
    let evidence_dir = data.join("chain/devnet/evidence");
    let evidence = std::fs::read_dir(&evidence_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .expect("an evidence file");
    let status = ok(run(jifen(data).arg("status")));
    assert!(
        stdout(&status).contains("Fork evidence:"),
        "{}",
        stdout(&status)
    );
    let verified = ok(run(jifen(data).arg("verify-evidence").arg(&evidence)));
    assert!(
        stderr(&verified).contains("Valid fork evidence"),
        "{}",
        stderr(&verified)
    );
    let listed = stdout(&verified);
    let accused: Vec<&str> = listed.lines().map(str::trim).collect();
    assert!(!accused.is_empty(), "accountable validators listed");
    assert!(accused.iter().all(|a| a.starts_with("jfd1")), "{accused:?}");
    let mut file: Value =
        serde_json::from_str(&std::fs::read_to_string(&evidence).unwrap()).unwrap();
    file["double_signers"].as_array_mut().unwrap().pop();
    let tampered = data.join("tampered.evidence.json");
    std::fs::write(&tampered, file.to_string()).unwrap();
    fails_with(
        &run(jifen(data).arg("verify-evidence").arg(&tampered)),
        "names other double signers",
    );

    // The light store keeps what the bundle and the evidence need (pinned),
    // re-verifies in full on request, and releases a pin by its id.
    let report = ok(run(jifen(data).args(["store", "verify", "--json"])));
    let report: Value = serde_json::from_str(&stdout(&report)).unwrap();
    let pins: Vec<(&str, &str)> = report["pins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|pin| (pin["id"].as_str().unwrap(), pin["kind"].as_str().unwrap()))
        .collect();
    let evidence_name = evidence.file_name().unwrap().to_str().unwrap();
    assert!(pins.contains(&("alice.bundle.json", "bundle")), "{pins:?}");
    assert!(pins.contains(&(evidence_name, "evidence")), "{pins:?}");
    assert_eq!(report["format"], 2);
    let verified = ok(run(jifen(data).args(["store", "verify"])));
    assert!(
        stderr(&verified).contains("The local light-client store verifies"),
        "{}",
        stderr(&verified)
    );
    let released = ok(run(jifen(data).args([
        "store",
        "unpin",
        "alice.bundle.json",
    ])));
    assert!(
        stderr(&released).contains("Released the pin alice.bundle.json"),
        "{}",
        stderr(&released)
    );
    fails_with(
        &run(jifen(data).args(["store", "unpin", "alice.bundle.json"])),
        "has no pin named alice.bundle.json",
    );

    liar.stop();
    devnet.stop();
}

/// The library under the commands: waiting for an unknown transaction is
/// bounded and cancellable, and a transfer the proven balance cannot cover
/// is refused before signing.
#[test]
fn session_waits_are_bounded_and_cancellable() {
    use jifen_wallet::CancelToken;
    use jifen_wallet::chain::{ChainSession, ChainSettings};

    let node_dir = tempfile::tempdir().unwrap();
    let mut config = DevnetConfig::new(node_dir.path().to_owned());
    config.validators = 4;
    config.block_time_ms = 200;
    let mut devnet = Devnet::start(&config).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut settings = ChainSettings::defaults(Network::Devnet).unwrap();
    settings
        .set_primary(&format!("http://{}", devnet.rpc_addr()))
        .unwrap();
    let mut session = ChainSession::open(dir.path(), &settings).unwrap();
    let cancel = CancelToken::new();
    let summary = session.sync(&mut |_| {}, &cancel).unwrap();
    assert!(summary.height >= 1);

    let unknown = jifen_protocol::Hash32([7; 32]);
    let started = Instant::now();
    let error = session
        .wait_inclusion(&unknown, Duration::from_millis(600), &cancel)
        .unwrap_err();
    assert_eq!(error.code(), "chain-inclusion-timeout");
    assert!(started.elapsed() < Duration::from_secs(10));
    let cancelled = CancelToken::new();
    cancelled.cancel();
    let error = session
        .wait_inclusion(&unknown, Duration::from_secs(60), &cancelled)
        .unwrap_err();
    assert_eq!(error.code(), "chain-cancelled");

    // An account that never received anything is proven zero.
    let empty = jifen_protocol::Address::from_bytes([9; 20]);
    let reader = session.reader();
    let proven = reader.account(&empty).unwrap();
    assert_eq!((proven.value.balance, proven.value.nonce), (0, 0));
    let nonce = reader.next_nonce(&empty).unwrap();
    assert_eq!(nonce.value, 0);
    let funded = NodeKey::devnet_account(2).unwrap().public_key();
    let plan = reader
        .plan_transfer(funded, empty, 1_000_000, jifen_wallet::chain::MIN_FEE)
        .unwrap();
    assert_eq!(plan.total(), 1_001_000);
    assert_eq!(plan.unsigned.chain_id.as_str(), "jifen-devnet");
    assert_eq!(
        plan.unsigned.nonce,
        plan.sender.as_ref().unwrap().value.nonce
    );
    let refused = reader
        .plan_transfer(
            NodeKey::devnet_account(2).unwrap().public_key(),
            empty,
            u128::MAX,
            jifen_wallet::chain::MIN_FEE,
        )
        .unwrap_err();
    assert_eq!(refused.code(), "chain-amount-overflow");
    devnet.stop();
}

/// `jifen faucet`: devnet test POINT, proven arrived, as text and as JSON
/// (the same receipt the app receives).
#[test]
fn faucet_funds_a_new_wallet_with_proof() {
    let node_dir = tempfile::tempdir().unwrap();
    let mut devnet = jifen_testenv::devnet::DevnetBuilder::new(node_dir.path())
        .start()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    restore(
        data,
        "shop",
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
    );
    ok(run(jifen(data).args([
        "endpoints",
        "--primary",
        &format!("http://{}", devnet.rpc_addr()),
    ])));
    let out = ok(run(jifen(data).args(["faucet", "-w", "shop", "--json"])));
    let receipt: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(receipt["result_code"], 0);
    assert_eq!(receipt["balance_after"]["balance"]["text"], "100");
    let out = ok(run(jifen(data).args(["faucet", "-w", "shop"])));
    assert!(
        stderr(&out).contains("proven against the verified header"),
        "{}",
        stderr(&out)
    );
    assert_eq!(balance(data, "shop").0, 200_000_000);
    devnet.stop();
}
