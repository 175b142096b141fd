//! No secret crosses the IPC boundary (issue 17, threat "a compromised
//! webview"): every command the webview may call is driven against a real
//! devnet, as an online wallet and as a cold signer, and every answer, every
//! error, every channel message, every log line (all crates at TRACE) and
//! every file the app wrote is scanned for the test wallets' secrets: the
//! recovery words (any three in a row, whatever separates them), the BIP39
//! passphrase, the passwords, the seed, the entropy, the master and account
//! `xprv` and the signing keys of the first addresses (hex, base64, JSON
//! byte arrays and raw bytes).
//!
//! One answer may hold recovery words, by design: `reveal_words` of a wallet
//! whose backup is not checked yet, after its password. It is still scanned
//! for everything else, and for the words of every other wallet.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex};

use base64::Engine as _;
use jifen_app::command_list::COMMANDS;
use jifen_app::{builder, context};
use serde_json::{Value, json};
use support::{PASSWORD, channel, config, pngs, window};
use tauri::WebviewWindow;
use tauri::ipc::InvokeResponseBody;
use tauri::test::{MockRuntime, mock_builder};

/// A published BIP39 vector (Trezor's "legal winner"): the restored wallet.
const PHRASE: &str = "legal winner thank year wave sausage worth useful legal winner thank yellow";
/// The BIP39 passphrase of the restored wallet.
const PASSPHRASE: &str = "extra 秘密 words";
/// The password after `change_password`.
const NEW_PASSWORD: &str = "a newer password 密码";

/// The one answer allowed to hold recovery words (those of the wallet it
/// reveals).
const REVEALED: &str = "online: reveal_words answer";

type Window = WebviewWindow<MockRuntime>;

/// One thing the app let out: where, and its bytes.
type Item = (String, Vec<u8>);

/// Everything the app let out.
#[derive(Clone, Default)]
struct Outflow(Arc<Mutex<Vec<Item>>>);

impl Outflow {
    fn push(&self, place: impl Into<String>, bytes: impl Into<Vec<u8>>) {
        self.0.lock().unwrap().push((place.into(), bytes.into()));
    }

    fn take(&self) -> Vec<Item> {
        std::mem::take(&mut *self.0.lock().unwrap())
    }
}

/// Log lines of every crate, at every level.
#[derive(Clone, Default)]
struct Logs(Arc<Mutex<Vec<u8>>>);

impl Write for Logs {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// One app on the mock runtime whose answers, errors and channel messages
/// all land in `outflow`, and which remembers the commands it was asked.
struct Driven {
    _app: tauri::App<MockRuntime>,
    main: Window,
    outflow: Outflow,
    called: Arc<Mutex<BTreeSet<String>>>,
    label: &'static str,
}

impl Driven {
    fn start(label: &'static str, dir: &Path, rpc: &str, outflow: &Outflow) -> Self {
        let channels = outflow.clone();
        let base = mock_builder().channel_interceptor(move |_, _, index, body| {
            let bytes = match body {
                InvokeResponseBody::Json(text) => text.as_bytes().to_vec(),
                InvokeResponseBody::Raw(bytes) => bytes.clone(),
            };
            channels.push(format!("{label}: channel message {index}"), bytes);
            true
        });
        let app = builder(base, config(dir, Some(vec![rpc.to_owned()])))
            .unwrap()
            .build(context())
            .unwrap();
        let main = window(&app, "main");
        Self {
            _app: app,
            main,
            outflow: outflow.clone(),
            called: Arc::default(),
            label,
        }
    }

    /// Calls `cmd` as the webview would and records what came back.
    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        self.called.lock().unwrap().insert(cmd.to_owned());
        let result = support::invoke(&self.main, cmd, args);
        let (outcome, text) = match &result {
            Ok(value) => ("answer", value.to_string()),
            Err(value) => ("error", value.to_string()),
        };
        self.outflow
            .push(format!("{}: {cmd} {outcome}", self.label), text);
        result
    }

    /// Calls `cmd`, which must succeed.
    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args)
            .unwrap_or_else(|e| panic!("{}: {cmd} failed: {e}", self.label))
    }
}

/// The secrets of one wallet, in every form a leak could take.
struct Secrets {
    words: Vec<String>,
    needles: Vec<Item>,
}

impl Secrets {
    fn of(phrase: &str, passphrase: &str) -> Self {
        let mnemonic = bip39::Mnemonic::parse_normalized(phrase).unwrap();
        let seed = mnemonic.to_seed_normalized(passphrase);
        let mut needles = Vec::new();
        forms("seed", &seed, &mut needles);
        forms("entropy", &mnemonic.to_entropy(), &mut needles);
        let master = bip32::XPrv::new(&seed).unwrap();
        let mut keys = vec![(
            "master xprv".to_owned(),
            master.to_string(bip32::Prefix::XPRV).to_string(),
        )];
        let account =
            bip32::XPrv::derive_from_path(&seed, &"m/44'/19014'/0'".parse().unwrap()).unwrap();
        keys.push((
            "account xprv".to_owned(),
            account.to_string(bip32::Prefix::XPRV).to_string(),
        ));
        for (kind, text) in keys {
            needles.push((kind, text.into_bytes()));
        }
        for chain in 0..2 {
            for index in 0..3 {
                let path = format!("m/44'/19014'/0'/{chain}/{index}");
                let key = bip32::XPrv::derive_from_path(&seed, &path.parse().unwrap()).unwrap();
                forms(
                    &format!("key {path}"),
                    &key.private_key().to_bytes(),
                    &mut needles,
                );
            }
        }
        if !passphrase.is_empty() {
            needles.push(("passphrase".to_owned(), passphrase.as_bytes().to_vec()));
        }
        Self {
            words: phrase.split_whitespace().map(str::to_owned).collect(),
            needles,
        }
    }

    /// The first secret found in `haystack`, by kind (never the secret).
    fn found_in(&self, haystack: &[u8], words_allowed: bool) -> Option<String> {
        for (kind, needle) in &self.needles {
            if haystack
                .windows(needle.len())
                .any(|w| w == needle.as_slice())
            {
                return Some(kind.clone());
            }
        }
        if words_allowed {
            return None;
        }
        // Any three recovery words in a row, whatever separates them.
        let text = String::from_utf8_lossy(haystack).to_lowercase();
        let tokens: Vec<&str> = text
            .split(|c: char| !c.is_alphabetic())
            .filter(|t| !t.is_empty())
            .collect();
        let runs: BTreeSet<[&str; 3]> = self
            .words
            .windows(3)
            .map(|w| [w[0].as_str(), w[1].as_str(), w[2].as_str()])
            .collect();
        tokens
            .windows(3)
            .any(|w| runs.contains(&[w[0], w[1], w[2]]))
            .then(|| "three recovery words in a row".to_owned())
    }
}

/// The forms a leaked byte string would take: hex, base64, a JSON array of
/// bytes (its first 12), the raw bytes.
fn forms(kind: &str, raw: &[u8], needles: &mut Vec<Item>) {
    needles.push((format!("{kind} (hex)"), hex::encode(raw).into_bytes()));
    needles.push((format!("{kind} (HEX)"), hex::encode_upper(raw).into_bytes()));
    let base64 = base64::engine::general_purpose::STANDARD.encode(raw);
    needles.push((format!("{kind} (base64)"), base64.into_bytes()));
    let numbers: Vec<String> = raw.iter().take(12).map(u8::to_string).collect();
    needles.push((
        format!("{kind} (JSON bytes)"),
        numbers.join(",").into_bytes(),
    ));
    needles.push((format!("{kind} (raw)"), raw.to_vec()));
}

/// Every file under `dir`, with its path.
fn files(dir: &Path, out: &mut Vec<Item>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if let Ok(bytes) = std::fs::read(&path) {
            out.push((format!("file {}", path.display()), bytes));
        }
    }
}

#[test]
fn no_ipc_answer_channel_message_log_line_or_file_holds_a_secret() {
    let logs = Logs::default();
    let writer = logs.clone();
    tracing::subscriber::set_global_default(
        tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish(),
    )
    .unwrap();

    let dir = tempfile::tempdir().unwrap();
    let devnet = jifen_testenv::devnet::DevnetBuilder::new(dir.path().join("node"))
        .block_time_ms(200)
        .subchains()
        .start()
        .unwrap();
    jifen_testenv::devnet::wait_for_height(&devnet, 3, jifen_testenv::DEADLINE).unwrap();
    let rpc = format!("http://{}", devnet.rpc_addr());
    let outflow = Outflow::default();
    let restored = Secrets::of(PHRASE, PASSPHRASE);

    // ---- The online app: a restored hot wallet. ----
    let online = Driven::start("online", &dir.path().join("online"), &rpc, &outflow);
    let hot = online.ok("app_info", json!({}));
    assert_eq!(hot["mode"], "wallet");
    online.ok("list_wallets", json!({}));
    let restore =
        json!({"name": "hot", "phrase": PHRASE, "passphrase": PASSPHRASE, "password": PASSWORD});
    online.ok("restore_wallet", json!({"args": restore}));
    online.ok("lock", json!({}));
    online
        .call(
            "unlock",
            json!({"args": {"name": "hot", "password": "not it"}}),
        )
        .unwrap_err();
    online.ok(
        "unlock",
        json!({"args": {"name": "hot", "password": PASSWORD}}),
    );
    online.ok("wallet_overview", json!({}));
    let address = online.ok("receive", json!({"args": {"index": 0}}));
    online.ok("receive", json!({"args": {"index": 1}}));
    // Restored words count as written down: nothing to reveal.
    online
        .call("reveal_words", json!({"args": {"password": PASSWORD}}))
        .unwrap_err();
    online.ok("reauthenticate", json!({"args": {"password": PASSWORD}}));
    let signed = online.ok(
        "sign_message",
        json!({"args": {"index": 0, "message": "积分 hello"}}),
    );
    online.ok(
        "verify_message",
        json!({"args": {"address": signed["address"], "signature": signed["signature"], "message": "积分 hello"}}),
    );
    online.ok("set_language", json!({"args": {"tag": "zh-CN"}}));
    online.ok(
        "change_password",
        json!({"args": {"old": PASSWORD, "new": NEW_PASSWORD}}),
    );
    online.ok(
        "recalibrate_kdf",
        json!({"args": {"password": NEW_PASSWORD}}),
    );
    // No Secret Service on a test machine: refused, with a code.
    let _ = online.call(
        "keyring_enable",
        json!({"args": {"password": NEW_PASSWORD}}),
    );
    let _ = online.call("keyring_disable", json!({}));

    // The chain: sync, fund, send, prove, export.
    online.ok("endpoints", json!({}));
    online.ok("set_endpoints", json!({"args": {"endpoints": [rpc]}}));
    online.ok("watch_chain", json!({"onProgress": channel()}));
    online.ok("sync", json!({"onProgress": channel()}));
    online.ok("chain_status", json!({}));
    online.ok("faucet", json!({"onProgress": channel()}));
    online.ok("balance", json!({}));
    let to = address["address"].clone();
    let review = online.ok(
        "review_send",
        json!({"args": {"to": to, "amount": "1.5", "fee": null, "from_index": 0}}),
    );
    let sent = online.ok(
        "send",
        json!({"args": {"review_id": review["review_id"]}, "onProgress": channel()}),
    );
    online.ok("cancel", json!({"args": {"job": "sync"}}));
    online.ok("history", json!({"args": {"limit": 10}}));
    online.ok("export_receipt", json!({"args": {"tx_id": sent["tx_id"]}}));
    let bundle = online.ok("export_audit_bundle", json!({}));
    let text = std::fs::read_to_string(bundle["path"].as_str().unwrap()).unwrap();
    online.ok(
        "verify_audit_bundle",
        json!({"args": {"text": text, "checkpoint": null}}),
    );
    online
        .call(
            "verify_evidence",
            json!({"args": {"text": "{}", "checkpoint": null}}),
        )
        .unwrap_err();
    online.ok("verify_store", json!({}));
    online
        .call("unpin_store", json!({"args": {"id": "no-such-pin"}}))
        .unwrap_err();

    // Points: holdings, merchants, a swap, a payment request paid.
    online.ok("holdings", json!({}));
    online.ok("merchants", json!({}));
    online.ok("merchant", json!({"args": {"id": 1, "history": null}}));
    let buy = json!({"merchant": "M1", "direction": "buy", "amount": "5",
        "slippage_bps": null, "fee": null, "from_index": 0});
    let quote = online.ok("quote_swap", json!({"args": buy}));
    online.ok(
        "confirm_action",
        json!({"args": {"review_id": quote["review_id"]}, "onProgress": channel()}),
    );
    let asked = online.ok(
        "request_payment",
        json!({"args": {"asset": "TEA", "amount": "2", "memo": "order 7",
            "label": "counter", "expires_in_s": 600, "index": 1}}),
    );
    online.ok(
        "render_text_qr",
        json!({"args": {"text": asked["qr_text"]}}),
    );
    let watch = json!({"len": asked["history_from"], "head": null, "last_height": 0});
    online.ok(
        "find_payment",
        json!({"args": {"request": asked["uri"], "watch": watch}}),
    );
    online.ok(
        "review_pay",
        json!({"args": {"request": asked["qr_text"], "amount": null, "fee": null, "from_index": 0}}),
    );
    let _ = online.call(
        "review_withdraw",
        json!({"args": {"amount": "0.5", "reference": "bank 1", "fee": null, "from_index": 0}}),
    );
    online
        .call(
            "review_merchant_action",
            json!({"args": {"merchant": "M1", "action": {"action": "top-up", "amount": "1"},
                "fee": null, "from_index": 0}}),
        )
        .unwrap_err();

    // Subchains and provenance.
    online.ok("list_subchains", json!({}));
    let _ = online.call(
        "audit_subchain",
        json!({"args": {"id": 1}, "onProgress": channel()}),
    );
    let _ = online.call(
        "subchain_value",
        json!({"args": {"id": 1, "key": "x", "height": null}}),
    );
    online
        .call("verify_subchain_evidence", json!({"args": {"text": "{}"}}))
        .unwrap_err();
    let _ = online.call(
        "follow_subchain",
        json!({"args": {"id": 1, "follow": true}}),
    );
    let tag = "https://id.gs1.org/01/09506000134352/21/NOT-ON-CHAIN";
    online.ok("parse_tag", json!({"args": {"text": tag}}));
    online.ok(
        "trace_tag",
        json!({"args": {"tag": tag, "purpose": "counter"}, "onProgress": channel()}),
    );
    online.ok("export_trace_bundle", json!({}));
    let receiving = json!({"tag": tag, "location": "9506000134369", "place": null,
        "time_zone": "+08:00", "from_index": 0});
    online
        .call(
            "review_receiving",
            json!({"args": receiving, "onProgress": channel()}),
        )
        .unwrap_err();
    online
        .call(
            "confirm_receiving",
            json!({"args": {"event_hash": "ni:///sha-256;00?ver=CBV2.0"}, "onProgress": channel()}),
        )
        .unwrap_err();
    online
        .call(
            "review_sale",
            json!({"args": {"tag": tag, "from_index": 0, "fee": null}}),
        )
        .unwrap_err();

    // QR codes in and out.
    let qr = jifen_qr::QrSymbol::for_text(address["address"].as_str().unwrap())
        .unwrap()
        .to_png(4)
        .unwrap();
    online.ok("scan_image", json!({"args": {"bytes": qr}}));

    // ---- A new wallet whose words are shown once, then checked. ----
    let fresh = online.ok(
        "create_wallet",
        json!({"args": {"name": "fresh", "password": PASSWORD, "words": 12, "mnemonic_language": "en"}}),
    );
    assert_eq!(fresh["backup_verified"], false);
    let revealed = online.ok("reveal_words", json!({"args": {"password": PASSWORD}}));
    let words: Vec<String> = serde_json::from_value(revealed["words"].clone()).unwrap();
    let created = Secrets::of(&words.join(" "), "");
    let challenge = online.ok("backup_challenge", json!({"args": {"password": PASSWORD}}));
    let answers: Vec<String> = challenge["positions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| words[usize::try_from(p.as_u64().unwrap()).unwrap() - 1].clone())
        .collect();
    let checked = online.ok("backup_check", json!({"args": {"answers": answers}}));
    assert_eq!(checked["backup_verified"], true);

    // ---- The cold signer holds the restored words; the online app pairs. ----
    let cold = Driven::start("cold", &dir.path().join("cold"), &rpc, &outflow);
    cold.ok("set_mode", json!({"args": {"mode": "cold-signer"}}));
    let restore =
        json!({"name": "signer", "phrase": PHRASE, "passphrase": PASSPHRASE, "password": PASSWORD});
    cold.ok("restore_wallet", json!({"args": restore}));
    let pairing = cold.ok("cold_pair_export", json!({"args": {"chain_id": null}}));
    online.ok(
        "render_qr",
        json!({"args": {"parts": pairing["qr"]["parts"]}}),
    );
    online.ok(
        "save_qr_frames",
        json!({"args": {"stem": "jifen-pairing", "parts": pairing["qr"]["parts"]}}),
    );
    online.ok(
        "pair_import",
        json!({"args": {"name": "watch", "images": pngs(&pairing["qr"]["parts"])}}),
    );
    online.ok("open_watch_only", json!({"args": {"name": "watch"}}));
    online.ok("sync", json!({"onProgress": channel()}));
    online.ok("faucet", json!({"onProgress": channel()}));
    let request = online.ok(
        "make_sign_request",
        json!({"args": {"to": to, "amount": "1", "fee": null, "from_index": 0}}),
    );
    online.ok("pending_requests", json!({}));
    let review = cold.ok(
        "cold_review",
        json!({"args": {"images": pngs(&request["qr"]["parts"])}}),
    );
    let signature = cold.ok(
        "cold_sign",
        json!({"args": {"fingerprint": review["fingerprint"]}}),
    );
    online.ok(
        "accept_signature",
        json!({"args": {"images": pngs(&signature["qr"]["parts"])}, "onProgress": channel()}),
    );
    let _ = online.call(
        "discard_request",
        json!({"args": {"request_id": request["request_id"]}}),
    );

    // Every command the webview may call was called.
    let called: BTreeSet<String> = online
        .called
        .lock()
        .unwrap()
        .union(&cold.called.lock().unwrap())
        .cloned()
        .collect();
    let missing: Vec<&&str> = COMMANDS.iter().filter(|c| !called.contains(**c)).collect();
    assert!(missing.is_empty(), "commands not driven: {missing:?}");

    // ---- The scan. ----
    drop(online);
    drop(cold);
    drop(devnet);
    let mut outflow = outflow.take();
    let messages = outflow
        .iter()
        .filter(|(place, _)| place.contains("channel message"))
        .count();
    assert!(messages > 0, "no channel message was seen");
    let log = std::mem::take(&mut *logs.0.lock().unwrap());
    assert!(!log.is_empty(), "the log capture saw nothing");
    let log_lines = log.iter().filter(|&&b| b == b'\n').count();
    outflow.push(("log".to_owned(), log));
    let mut written = Vec::new();
    files(&dir.path().join("online"), &mut written);
    files(&dir.path().join("cold"), &mut written);
    assert!(written.iter().any(|(place, _)| place.ends_with(".json")));
    outflow.extend(written);

    let passwords = [PASSWORD, NEW_PASSWORD];
    let mut leaks = Vec::new();
    for (place, bytes) in &outflow {
        let reveals_created = place == REVEALED;
        for (wallet, secrets, words_allowed) in [
            ("restored", &restored, false),
            ("created", &created, reveals_created),
        ] {
            if let Some(kind) = secrets.found_in(bytes, words_allowed) {
                leaks.push(format!("{place}: the {wallet} wallet's {kind}"));
            }
        }
        for password in passwords {
            let needle = password.as_bytes();
            if bytes.windows(needle.len()).any(|w| w == needle) {
                leaks.push(format!("{place}: a password"));
            }
        }
    }
    let scanned = outflow.len();
    let bytes: usize = outflow.iter().map(|(_, b)| b.len()).sum();
    assert!(leaks.is_empty(), "secrets found: {leaks:#?}");
    // The scan itself can fail: the words the app revealed are found there.
    let revealed = outflow.iter().find(|(place, _)| place == REVEALED).unwrap();
    assert!(created.found_in(&revealed.1, false).is_some());
    eprintln!(
        "scanned {scanned} answers, errors, {messages} channel messages, {log_lines} log lines \
         and the files ({bytes} bytes)"
    );
}
