//! The app's commands on Tauri's mock runtime, through the real IPC path (argument
//! parsing, the ACL from `capabilities/`, serialization of `{code, args}` errors).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;
use std::time::Duration;

use jifen_app::{AppConfig, builder, context};
use jifen_crypto::keystore::{KdfParams, KdfPolicy};
use jifen_protocol::Network;
use serde_json::{Value, json};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

const PASSWORD: &str = "test password 积分";

fn test_config(dir: &Path) -> AppConfig {
    // Tiny Argon2id parameters keep the tests fast; the app uses the desktop policy.
    let floor = KdfParams {
        m_cost_kib: 64,
        t_cost: 1,
        p_cost: 1,
    };
    AppConfig {
        data_dir: dir.to_path_buf(),
        network: Network::Devnet,
        kdf_policy: KdfPolicy::new(
            floor,
            Duration::from_millis(1),
            Duration::from_millis(2),
            256,
        )
        .unwrap(),
        endpoints_override: None,
    }
}

fn app(dir: &Path) -> App<MockRuntime> {
    builder(mock_builder(), test_config(dir))
        .unwrap()
        .build(context())
        .unwrap()
}

fn window(app: &App<MockRuntime>, label: &str) -> WebviewWindow<MockRuntime> {
    WebviewWindowBuilder::new(app, label, Default::default())
        .build()
        .unwrap()
}

fn invoke(webview: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: tauri::ipc::InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

fn code(result: Result<Value, Value>) -> String {
    let error = result.expect_err("expected an error");
    error["code"]
        .as_str()
        .unwrap_or_else(|| panic!("not an app error: {error}"))
        .to_owned()
}

fn create(main: &WebviewWindow<MockRuntime>, name: &str) -> Value {
    invoke(
        main,
        "create_wallet",
        json!({"request": {"name": name, "password": PASSWORD, "words": 12, "mnemonicLanguage": "en"}}),
    )
    .unwrap()
}

#[test]
fn first_run_lists_no_wallets() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path());
    let main = window(&app, "main");
    let info = invoke(&main, "app_info", json!({})).unwrap();
    assert_eq!(info["wallets"], json!([]));
    assert_eq!(info["network"], "devnet");
    assert_eq!(info["unlocked"], Value::Null);
    assert_eq!(info["language"], Value::Null);
}

#[test]
fn create_reveal_after_password_then_backup_check() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path());
    let main = window(&app, "main");
    let wallet = create(&main, "shop");
    assert_eq!(wallet["name"], "shop");
    assert_eq!(wallet["backup_verified"], false);
    assert!(wallet["address"].as_str().unwrap().starts_with("jfd1"));

    // The words need the password again.
    assert_eq!(
        code(invoke(
            &main,
            "reveal_mnemonic",
            json!({"password": "wrong"})
        )),
        "keystore-wrong-password"
    );
    let words: Vec<String> = serde_json::from_value(
        invoke(&main, "reveal_mnemonic", json!({"password": PASSWORD})).unwrap(),
    )
    .unwrap();
    assert_eq!(words.len(), 12);

    // A wrong word fails with its position and a fresh challenge is needed.
    let positions: Vec<usize> =
        serde_json::from_value(invoke(&main, "backup_challenge", json!({})).unwrap()).unwrap();
    assert_eq!(positions.len(), 3);
    let mut answers: Vec<String> = positions.iter().map(|p| words[p - 1].clone()).collect();
    answers[0] = "zoo".into();
    let error = invoke(&main, "backup_check", json!({"answers": answers})).unwrap_err();
    assert_eq!(error["code"], "app-backup-mismatch");
    assert_eq!(error["args"]["position"], json!(positions[0]));
    assert_eq!(
        code(invoke(&main, "backup_check", json!({"answers": answers}))),
        "app-no-challenge"
    );

    let positions: Vec<usize> =
        serde_json::from_value(invoke(&main, "backup_challenge", json!({})).unwrap()).unwrap();
    let answers: Vec<String> = positions
        .iter()
        .map(|p| words[p - 1].to_uppercase())
        .collect();
    let wallet = invoke(&main, "backup_check", json!({"answers": answers})).unwrap();
    assert_eq!(wallet["backup_verified"], true);

    // Once checked, the words are not shown again.
    assert_eq!(
        code(invoke(
            &main,
            "reveal_mnemonic",
            json!({"password": PASSWORD})
        )),
        "app-backup-already-checked"
    );
}

#[test]
fn unlock_lock_and_error_codes() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path());
    let main = window(&app, "main");
    create(&main, "shop");
    invoke(&main, "lock", json!({})).unwrap();
    assert_eq!(
        code(invoke(&main, "wallet_overview", json!({}))),
        "app-locked"
    );
    assert_eq!(
        code(invoke(
            &main,
            "unlock",
            json!({"name": "shop", "password": "nope"})
        )),
        "keystore-wrong-password"
    );
    let error = invoke(
        &main,
        "unlock",
        json!({"name": "nobody", "password": PASSWORD}),
    )
    .unwrap_err();
    assert_eq!(error["code"], "wallet-not-found");
    assert_eq!(error["args"]["name"], "nobody");
    let wallet = invoke(
        &main,
        "unlock",
        json!({"name": "shop", "password": PASSWORD}),
    )
    .unwrap();
    assert_eq!(wallet["name"], "shop");
    let info = invoke(&main, "app_info", json!({})).unwrap();
    assert_eq!(info["last_wallet"], "shop");
    assert_eq!(info["unlocked"]["name"], "shop");
    // Bad input is refused with a specific code, and nothing is written.
    assert_eq!(
        code(invoke(
            &main,
            "create_wallet",
            json!({"request": {"name": "bad/name", "password": PASSWORD, "words": 12, "mnemonicLanguage": "en"}})
        )),
        "wallet-invalid-name"
    );
    assert_eq!(
        code(invoke(
            &main,
            "create_wallet",
            json!({"request": {"name": "ok", "password": PASSWORD, "words": 13, "mnemonicLanguage": "en"}})
        )),
        "mnemonic-word-count"
    );
}

#[test]
fn restore_is_deterministic_and_counts_as_backed_up() {
    let phrase = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    let mut addresses = Vec::new();
    for _ in 0..2 {
        let dir = tempfile::tempdir().unwrap();
        let app = app(dir.path());
        let main = window(&app, "main");
        let wallet = invoke(
            &main,
            "restore_wallet",
            json!({"request": {"name": "r", "phrase": phrase, "passphrase": "", "password": PASSWORD}}),
        )
        .unwrap();
        assert_eq!(wallet["backup_verified"], true);
        addresses.push(wallet["address"].clone());
        let bad = invoke(
            &main,
            "restore_wallet",
            json!({"request": {"name": "r2", "phrase": "abandon abandon", "passphrase": "", "password": PASSWORD}}),
        )
        .unwrap_err();
        assert_eq!(bad["code"], "mnemonic-word-count");
        assert_eq!(bad["args"]["got"], 2);
    }
    assert_eq!(addresses[0], addresses[1]);
}

#[test]
fn receive_qr_is_an_svg_of_the_address() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path());
    let main = window(&app, "main");
    let wallet = create(&main, "shop");
    let qr = invoke(&main, "receive_qr", json!({"index": 0})).unwrap();
    assert_eq!(qr["address"], wallet["address"]);
    let svg = qr["svg"].as_str().unwrap();
    assert!(svg.starts_with("<svg") && !svg.contains("<script") && !svg.contains("style="));
    let next = invoke(&main, "receive_qr", json!({"index": 1})).unwrap();
    assert_ne!(next["address"], wallet["address"]);
}

#[test]
fn language_is_saved_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    {
        let app = app(dir.path());
        let main = window(&app, "main");
        invoke(&main, "set_language", json!({"tag": "zh-TW"})).unwrap();
        let error = invoke(&main, "set_language", json!({"tag": "fr"})).unwrap_err();
        assert_eq!(
            error,
            json!({"code": "app-unknown-language", "args": {"tag": "fr"}})
        );
    }
    let app = app(dir.path());
    let main = window(&app, "main");
    assert_eq!(
        invoke(&main, "app_info", json!({})).unwrap()["language"],
        "zh-TW"
    );
}

#[test]
fn capabilities_deny_other_windows_and_core_commands() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path());
    let main = window(&app, "main");
    let intruder = window(&app, "intruder");
    // A window outside the capability has no IPC at all.
    let denied = invoke(&intruder, "app_info", json!({})).unwrap_err();
    assert!(denied.to_string().contains("not allowed"), "{denied}");
    // The main window may call the app's commands, but nothing of Tauri core.
    invoke(&main, "app_info", json!({})).unwrap();
    let core = invoke(&main, "plugin:window|close", json!({"label": "main"})).unwrap_err();
    assert!(core.to_string().contains("not allowed"), "{core}");
}

#[test]
fn capability_file_lists_exactly_the_commands() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities/default.json"),
    )
    .unwrap();
    let capability: Value = serde_json::from_str(&text).unwrap();
    let mut listed: Vec<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_owned())
        .collect();
    let mut expected: Vec<String> = jifen_app::command_list::COMMANDS
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    listed.sort();
    expected.sort();
    assert_eq!(listed, expected);
}

#[test]
fn change_password_and_recalibration_rewrap_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path());
    let main = window(&app, "main");
    create(&main, "shop");
    assert_eq!(
        code(invoke(
            &main,
            "change_password",
            json!({"old": "wrong", "new": "new password 2"})
        )),
        "keystore-wrong-password"
    );
    let kdf = invoke(
        &main,
        "change_password",
        json!({"old": PASSWORD, "new": "new password 2"}),
    )
    .unwrap();
    assert!(kdf["millis"].is_u64(), "{kdf}");
    assert!(kdf["memory_mib"].is_u64());
    invoke(&main, "lock", json!({})).unwrap();
    assert_eq!(
        code(invoke(
            &main,
            "unlock",
            json!({"name": "shop", "password": PASSWORD})
        )),
        "keystore-wrong-password"
    );
    invoke(
        &main,
        "unlock",
        json!({"name": "shop", "password": "new password 2"}),
    )
    .unwrap();
    // Re-calibration keeps the password and re-wraps with fresh parameters.
    let again = invoke(
        &main,
        "recalibrate_kdf",
        json!({"password": "new password 2"}),
    )
    .unwrap();
    assert!(again["millis"].is_u64(), "{again}");
    invoke(&main, "lock", json!({})).unwrap();
    invoke(
        &main,
        "unlock",
        json!({"name": "shop", "password": "new password 2"}),
    )
    .unwrap();
    // Cold-signer mode is saved and reported; network commands are refused.
    let info = invoke(&main, "set_mode", json!({"mode": "cold-signer"})).unwrap();
    assert_eq!(info["mode"], "cold-signer");
    assert_eq!(
        code(invoke(&main, "balance", json!({}))),
        "app-cold-offline"
    );
    let info = invoke(&main, "app_info", json!({})).unwrap();
    assert_eq!(info["mode"], "cold-signer");
    assert_eq!(info["chain_id"], "jifen-devnet");
}

#[test]
fn every_app_error_code_is_translated() {
    use jifen_i18n::{Catalog, Locale};
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut codes = Vec::new();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        for piece in text.split("AppError::new(\"").skip(1) {
            codes.push(piece.split('"').next().unwrap().to_owned());
        }
    }
    codes.sort();
    codes.dedup();
    assert!(codes.len() >= 20, "found only {codes:?}");
    for locale in Locale::ALL {
        let catalog = Catalog::new(locale);
        let missing: Vec<&String> = codes.iter().filter(|c| !catalog.has(c)).collect();
        assert!(missing.is_empty(), "{locale}: no message for {missing:?}");
    }
}
