//! `jifen cold ...` and `jifen online ...` end to end through the built binary,
//! two data directories (the cold device's never talks to the network) and a
//! devnet started in this process: pairing through a PNG, a request as PNG
//! frames of which a quarter is lost and the rest shuffled, the review and
//! signature on the cold side, the signature PNG accepted, broadcast and its
//! inclusion proven on the online side.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use jifen_node::devnet::{Devnet, DevnetConfig};
use jifen_node::keys::NodeKey;
use jifen_protocol::{Address, ChainId, Network, Transfer, TxPayload, UnsignedTransaction};
use serde_json::Value;

mod common;
use common::{PASSWORD, jifen, run, run_with_input, text};

const VAULT: &str = "legal winner thank year wave sausage worth useful legal winner thank yellow";

#[track_caller]
fn ok(command: &mut Command) -> Output {
    common::ok(run(command))
}

#[track_caller]
fn fails_with(command: &mut Command, needle: &str) {
    common::fails_with(&run(command), needle);
}

/// Keeps three frames in four, shuffled, copied under new names.
fn lossy_copy(frames: &[PathBuf], to: &Path) -> usize {
    std::fs::create_dir_all(to).unwrap();
    let mut seed = 0x5eed_u64;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        seed >> 33
    };
    // Every fourth frame is lost (the camera missed it), the rest shuffled.
    let mut kept: Vec<&PathBuf> = frames
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 4 != 1)
        .map(|(_, f)| f)
        .collect();
    for i in (1..kept.len()).rev() {
        let j = usize::try_from(next()).unwrap() % (i + 1);
        kept.swap(i, j);
    }
    for (i, frame) in kept.iter().enumerate() {
        std::fs::copy(frame, to.join(format!("shot-{i:03}.png"))).unwrap();
    }
    kept.len()
}

fn balance(data: &Path, wallet: &str) -> u128 {
    let out = ok(jifen(data).args(["balance", "-w", wallet, "--json"]));
    let json: Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    json["balance"]["units"].as_str().unwrap().parse().unwrap()
}

/// Restores the test mnemonic as wallet "vault" in data dir `cold`.
fn restore_vault(cold: &Path) {
    let restored = run_with_input(
        jifen(cold)
            .args(["restore", "--name", "vault", "--mnemonic-lang", "en"])
            .env("JIFEN_PASSWORD", PASSWORD),
        &format!("{VAULT}\n"),
    );
    assert!(restored.status.success(), "{}", text(&restored.stderr));
}

#[test]
fn cold_and_online_commands_sign_broadcast_and_prove_a_transfer() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = DevnetConfig::new(dir.path().join("node"));
    config.validators = 4;
    config.block_time_ms = 200;
    let devnet = Devnet::start(&config).unwrap();
    let cold = dir.path().join("cold");
    let online = dir.path().join("online");
    let frames = dir.path().join("frames");

    // Cold device: restore the wallet and pair it for the devnet.
    restore_vault(&cold);
    let pair_dir = frames.join("pair");
    let out = ok(jifen(&cold)
        .args([
            "cold",
            "pair-export",
            "-w",
            "vault",
            "--chain-id",
            "jifen-devnet",
            "--out",
        ])
        .arg(&pair_dir));
    assert!(text(&out.stdout).starts_with("ur:jifen-account/"));

    // Online: import the account from the PNG, point at the devnet.
    let out = ok(jifen(&online)
        .args(["online", "pair-import", "--name", "vault"])
        .arg(pair_dir.join("account.png")));
    let sender = text(&out.stdout).trim().to_owned();
    let listed = ok(jifen(&online).args(["list", "--json"]));
    let rows: Value = serde_json::from_str(&text(&listed.stdout)).unwrap();
    assert_eq!(rows[0]["wallet"]["watch_only"], Value::Bool(true));
    ok(jifen(&online).args([
        "endpoints",
        "--primary",
        &format!("http://{}", devnet.rpc_addr()),
    ]));
    // A watch-only wallet cannot sign itself.
    fails_with(
        jifen(&online)
            .args(["sign-message", "-w", "vault", "hello"])
            .env("JIFEN_PASSWORD", PASSWORD),
        "watch-only",
    );

    // Fund the cold address from devnet account 0.
    let funder = NodeKey::devnet_account(0).unwrap();
    let funding = UnsignedTransaction::new(
        ChainId::new("jifen-devnet").unwrap(),
        funder.public_key(),
        0,
        1_000,
        TxPayload::Transfer(Transfer {
            to: Address::decode(&sender, Network::Devnet).unwrap(),
            amount: 50_000_000,
        }),
    );
    let signature = funder.sign_digest(&funding.signing_digest()).unwrap();
    devnet
        .chain()
        .lock()
        .unwrap()
        .submit_tx(funding.with_signature(signature))
        .unwrap();
    let started = Instant::now();
    while balance(&online, "vault") == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "funding not included"
        );
        std::thread::sleep(Duration::from_millis(300));
    }

    // Online: the request, as animated frames of 80-byte fragments.
    let recipient = Address::from_bytes([0x42; 20]).encode(Network::Devnet);
    let request_dir = frames.join("request");
    let out = ok(jifen(&online)
        .args([
            "online", "request", "-w", "vault", "--to", &recipient, "--amount", "2.5",
        ])
        .args(["--fragment-size", "small", "--out"])
        .arg(&request_dir));
    let request_id = text(&out.stdout).trim().to_owned();
    let stderr = text(&out.stderr);
    let fingerprint = stderr
        .split("Request fingerprint: ")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(fingerprint.len(), 19, "{fingerprint}");
    let mut written: Vec<PathBuf> = std::fs::read_dir(&request_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    written.sort();
    assert!(written.len() >= 6, "{written:?}");
    let camera = frames.join("camera");
    let kept = lossy_copy(&written, &camera);
    assert!(kept < written.len());

    // Cold device: no terminal and no fingerprint, a wrong one, then the right one.
    let sign = |extra: &[&str]| {
        let mut command = jifen(&cold);
        command
            .args(["cold", "sign", "-w", "vault", "--out"])
            .arg(frames.join("signature"))
            .args(extra)
            .arg(&camera)
            .env("JIFEN_PASSWORD", PASSWORD);
        command
    };
    fails_with(&mut sign(&[]), "--confirm-fingerprint");
    fails_with(
        &mut sign(&["--confirm-fingerprint", "AAAA-BBBB-CCCC-DDDD"]),
        "does not match",
    );
    let out = ok(&mut sign(&["--confirm-fingerprint", &fingerprint]));
    let review = text(&out.stderr);
    for line in [
        "Transaction: Transfer",
        "Amount: 2.5 POINT",
        &format!("Recipient: {recipient}"),
        "Fee: 0.001 POINT",
        &format!("From (this device): {sender}"),
        "Chain: jifen-devnet",
        &format!("Request fingerprint: {fingerprint}"),
    ] {
        assert!(review.contains(line), "{line:?} missing from {review}");
    }
    assert!(text(&out.stdout).starts_with("ur:jifen-signature/"));

    // Online: accept the signature PNG, broadcast, prove inclusion.
    let out = ok(jifen(&online)
        .args(["online", "accept", "-w", "vault", "--broadcast"])
        .arg(frames.join("signature").join("signature.png")));
    assert!(
        text(&out.stderr).contains("is included at height"),
        "{}",
        text(&out.stderr)
    );
    assert!(text(&out.stderr).contains(&request_id));
    let pending = ok(jifen(&online).args(["online", "pending", "-w", "vault"]));
    assert!(
        text(&pending.stdout).is_empty(),
        "{}",
        text(&pending.stdout)
    );
    assert_eq!(balance(&online, "vault"), 50_000_000 - 2_500_000 - 1_000);
    drop(devnet);
}

/// Offline: a request that will never be signed is discarded, once.
#[test]
fn online_discard_forgets_a_pending_request_once() {
    let dir = tempfile::tempdir().unwrap();
    let cold = dir.path().join("cold");
    let online = dir.path().join("online");
    let pair_dir = dir.path().join("pair");
    restore_vault(&cold);
    ok(jifen(&cold)
        .args(["cold", "pair-export", "-w", "vault"])
        .args(["--chain-id", "jifen-devnet", "--out"])
        .arg(&pair_dir));
    ok(jifen(&online)
        .args(["online", "pair-import", "--name", "vault"])
        .arg(pair_dir.join("account.png")));
    let recipient = Address::from_bytes([0x33; 20]).encode(Network::Devnet);

    let out = ok(jifen(&online)
        .args(["online", "request", "-w", "vault", "--to", &recipient])
        .args(["--amount", "1", "--nonce", "0", "--out"])
        .arg(dir.path().join("request")));
    let request_id = text(&out.stdout).trim().to_owned();
    let made = text(&out.stderr);
    let fingerprint = made
        .split("Request fingerprint: ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap()
        .to_owned();
    let pending = ok(jifen(&online).args(["online", "pending", "-w", "vault"]));
    assert!(text(&pending.stdout).contains(&request_id));

    // A malformed id is refused before anything is touched.
    fails_with(
        jifen(&online).args(["online", "discard", "-w", "vault", "not-an-id"]),
        "is not a request id",
    );
    let out = ok(jifen(&online).args(["online", "discard", "-w", "vault", &request_id]));
    assert_eq!(text(&out.stdout).trim(), request_id);
    let said = text(&out.stderr);
    assert!(said.contains("Discarded the pending request"), "{said}");
    assert!(
        said.contains(&request_id) && said.contains(&fingerprint),
        "{said}"
    );

    let pending = ok(jifen(&online).args(["online", "pending", "-w", "vault"]));
    assert!(
        text(&pending.stdout).is_empty(),
        "{}",
        text(&pending.stdout)
    );
    assert!(text(&pending.stderr).contains("has no pending requests"));

    let again = run(jifen(&online).args(["online", "discard", "-w", "vault", &request_id]));
    assert_eq!(again.status.code(), Some(1));
    common::fails_with(&again, &format!("request {request_id} is not pending"));
}

/// One damaged pending-request file does not hide the others: it is listed
/// with its reason and can be discarded.
#[test]
fn a_damaged_pending_request_is_listed_and_can_be_discarded() {
    let dir = tempfile::tempdir().unwrap();
    let cold = dir.path().join("cold");
    let online = dir.path().join("online");
    let pair_dir = dir.path().join("pair");
    restore_vault(&cold);
    ok(jifen(&cold)
        .args(["cold", "pair-export", "-w", "vault"])
        .args(["--chain-id", "jifen-devnet", "--out"])
        .arg(&pair_dir));
    ok(jifen(&online)
        .args(["online", "pair-import", "--name", "vault"])
        .arg(pair_dir.join("account.png")));
    let recipient = Address::from_bytes([0x33; 20]).encode(Network::Devnet);
    let mut ids = Vec::new();
    for nonce in ["0", "1"] {
        let out = ok(jifen(&online)
            .args(["online", "request", "-w", "vault", "--to", &recipient])
            .args(["--amount", "1", "--nonce", nonce, "--out"])
            .arg(dir.path().join("request")));
        ids.push(text(&out.stdout).trim().to_owned());
    }
    let damaged = online
        .join("wallets")
        .join("cold")
        .join("pending")
        .join("vault")
        .join(format!("{}.json", ids[0]));
    std::fs::write(&damaged, b"{ not json").unwrap();
    let pending = ok(jifen(&online).args(["online", "pending", "-w", "vault"]));
    let listed = text(&pending.stdout);
    assert!(listed.contains(&ids[1]), "{listed}");
    assert!(
        listed.contains(&ids[0]) && listed.contains("damaged record"),
        "{listed}"
    );
    ok(jifen(&online).args(["online", "discard", "-w", "vault", &ids[0]]));
    let pending = ok(jifen(&online).args(["online", "pending", "-w", "vault"]));
    assert!(!text(&pending.stdout).contains(&ids[0]));
    assert!(text(&pending.stdout).contains(&ids[1]));
}
