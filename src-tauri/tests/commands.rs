//! The app's wallet commands on Tauri's mock runtime, through the real IPC path
//! (argument parsing, the ACL from `capabilities/`, serialization of
//! `{code, args}` errors).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::path::Path;

use serde_json::{Value, json};
use support::{PASSWORD, app, code, create, invoke, window};

#[test]
fn first_run_lists_no_wallets() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path(), None);
    let main = window(&app, "main");
    let info = invoke(&main, "app_info", json!({})).unwrap();
    assert_eq!(info["wallets"], json!([]));
    assert_eq!(info["network"], "devnet");
    assert_eq!(info["mode"], "wallet");
    assert_eq!(info["unlocked"], Value::Null);
    assert_eq!(info["language"], Value::Null);
    assert_eq!(info["settings_problem"], Value::Null);
}

#[test]
fn create_reveal_with_password_then_backup_check() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path(), None);
    let main = window(&app, "main");
    let wallet = create(&main, "shop");
    assert_eq!(wallet["name"], "shop");
    assert_eq!(wallet["backup_verified"], false);
    assert!(wallet["address"].as_str().unwrap().starts_with("jfd1"));

    // The words and the check need the password again.
    assert_eq!(
        code(invoke(
            &main,
            "reveal_words",
            json!({"args": {"password": "wrong"}})
        )),
        "keystore-wrong-password"
    );
    assert_eq!(
        code(invoke(
            &main,
            "backup_challenge",
            json!({"args": {"password": "wrong"}})
        )),
        "keystore-wrong-password"
    );
    // No challenge without the password: checking fails without saying anything.
    assert_eq!(
        code(invoke(
            &main,
            "backup_check",
            json!({"args": {"answers": ["a", "b", "c"]}})
        )),
        "wallet-no-backup-challenge"
    );
    let revealed = invoke(
        &main,
        "reveal_words",
        json!({"args": {"password": PASSWORD}}),
    )
    .unwrap();
    let words: Vec<String> = serde_json::from_value(revealed["words"].clone()).unwrap();
    assert_eq!(words.len(), 12);
    let positions: Vec<usize> =
        serde_json::from_value(revealed["challenge"]["positions"].clone()).unwrap();
    assert_eq!(positions.len(), 3);
    assert_eq!(revealed["challenge"]["tries_left"], 3);

    // A wrong word uses a try and does not say which word was wrong.
    let mut answers: Vec<String> = positions.iter().map(|p| words[p - 1].clone()).collect();
    answers[0] = "zzzz".into();
    let error = invoke(&main, "backup_check", json!({"args": {"answers": answers}})).unwrap_err();
    assert_eq!(error["code"], "wallet-backup-mismatch");
    assert_eq!(error["args"], json!({"left": 2}));

    // Right words (in capitals, with blanks) pass.
    let answers: Vec<String> = positions
        .iter()
        .map(|p| format!(" {} ", words[p - 1].to_uppercase()))
        .collect();
    let wallet = invoke(&main, "backup_check", json!({"args": {"answers": answers}})).unwrap();
    assert_eq!(wallet["backup_verified"], true);

    // Once checked, the words are not shown again and the challenge is gone.
    assert_eq!(
        code(invoke(
            &main,
            "reveal_words",
            json!({"args": {"password": PASSWORD}})
        )),
        "wallet-backup-already-checked"
    );
    assert_eq!(
        code(invoke(
            &main,
            "backup_check",
            json!({"args": {"answers": answers}})
        )),
        "wallet-no-backup-challenge"
    );
}

#[test]
fn a_used_up_challenge_needs_the_password_again() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path(), None);
    let main = window(&app, "main");
    create(&main, "shop");
    invoke(
        &main,
        "backup_challenge",
        json!({"args": {"password": PASSWORD}}),
    )
    .unwrap();
    let wrong = json!({"args": {"answers": ["zzzz", "zzzz", "zzzz"]}});
    for left in [2, 1, 0] {
        let error = invoke(&main, "backup_check", wrong.clone()).unwrap_err();
        assert_eq!(error["args"]["left"], left);
    }
    assert_eq!(
        code(invoke(&main, "backup_check", wrong)),
        "wallet-no-backup-challenge"
    );
}

#[test]
fn unlock_lock_and_error_codes() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path(), None);
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
            json!({"args": {"name": "shop", "password": "nope"}})
        )),
        "keystore-wrong-password"
    );
    let error = invoke(
        &main,
        "unlock",
        json!({"args": {"name": "nobody", "password": PASSWORD}}),
    )
    .unwrap_err();
    assert_eq!(error["code"], "wallet-not-found");
    assert_eq!(error["args"]["name"], "nobody");
    let unlocked = invoke(
        &main,
        "unlock",
        json!({"args": {"name": "shop", "password": PASSWORD}}),
    )
    .unwrap();
    assert_eq!(unlocked["wallet"]["name"], "shop");
    assert_eq!(unlocked["kdf"], "unchanged");
    let info = invoke(&main, "app_info", json!({})).unwrap();
    assert_eq!(info["last_wallet"], "shop");
    assert_eq!(info["unlocked"]["name"], "shop");
    // Bad input is refused with a specific code, and nothing is written.
    assert_eq!(
        code(invoke(
            &main,
            "create_wallet",
            json!({"args": {"name": "bad/name", "password": PASSWORD, "words": 12, "mnemonic_language": "en"}})
        )),
        "wallet-invalid-name"
    );
    assert_eq!(
        code(invoke(
            &main,
            "create_wallet",
            json!({"args": {"name": "ok", "password": PASSWORD, "words": 13, "mnemonic_language": "en"}})
        )),
        "mnemonic-word-count"
    );
    // A word list that does not exist never reaches the app (an enum).
    assert!(
        invoke(
            &main,
            "create_wallet",
            json!({"args": {"name": "ok", "password": PASSWORD, "words": 12, "mnemonic_language": "fr"}})
        )
        .is_err()
    );
    // Malformed arguments are refused by the IPC layer before any use case.
    assert!(invoke(&main, "unlock", json!({"args": {"name": 7}})).is_err());
    assert_eq!(
        invoke(&main, "list_wallets", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn a_script_guessing_passwords_is_slowed_and_reauthentication_checks_the_password() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path(), None);
    let main = window(&app, "main");
    create(&main, "shop");
    // Confirming again while unlocked: a wrong password is refused, the right
    // one accepted.
    assert_eq!(
        code(invoke(
            &main,
            "reauthenticate",
            json!({"args": {"password": "nope"}})
        )),
        "keystore-wrong-password"
    );
    assert_eq!(
        invoke(
            &main,
            "reauthenticate",
            json!({"args": {"password": PASSWORD}})
        )
        .unwrap(),
        Value::Null
    );
    invoke(&main, "lock", json!({})).unwrap();
    assert_eq!(
        code(invoke(
            &main,
            "reauthenticate",
            json!({"args": {"password": PASSWORD}})
        )),
        "app-locked"
    );
    let unlock = |password: &str| {
        invoke(
            &main,
            "unlock",
            json!({"args": {"name": "shop", "password": password}}),
        )
    };
    for _ in 0..3 {
        assert_eq!(code(unlock("guess")), "keystore-wrong-password");
    }
    // The fourth try waits, even with the right password, and says how long.
    let error = unlock(PASSWORD).unwrap_err();
    assert_eq!(error["code"], "wallet-too-many-attempts");
    assert_eq!(error["args"]["seconds"], 1);
    std::thread::sleep(std::time::Duration::from_millis(1_100));
    unlock(PASSWORD).unwrap();
}

#[test]
fn restore_is_deterministic_and_counts_as_backed_up() {
    let phrase = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    let mut addresses = Vec::new();
    for _ in 0..2 {
        let dir = tempfile::tempdir().unwrap();
        let app = app(dir.path(), None);
        let main = window(&app, "main");
        let wallet = invoke(
            &main,
            "restore_wallet",
            json!({"args": {"name": "r", "phrase": phrase, "passphrase": "", "password": PASSWORD}}),
        )
        .unwrap();
        assert_eq!(wallet["backup_verified"], true);
        addresses.push(wallet["address"].clone());
        let bad = invoke(
            &main,
            "restore_wallet",
            json!({"args": {"name": "r2", "phrase": "abandon abandon", "passphrase": "", "password": PASSWORD}}),
        )
        .unwrap_err();
        assert_eq!(bad["code"], "mnemonic-word-count");
        assert_eq!(bad["args"]["got"], 2);
    }
    assert_eq!(addresses[0], addresses[1]);
}

#[test]
fn receive_address_renders_as_an_svg_code() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path(), None);
    let main = window(&app, "main");
    let wallet = create(&main, "shop");
    let first = invoke(&main, "receive", json!({"args": {"index": 0}})).unwrap();
    assert_eq!(first["address"], wallet["address"]);
    assert_eq!(first["chain"], "receive");
    assert_eq!(first["path"], "m/44'/19014'/0'/0/0");
    let svgs = invoke(
        &main,
        "render_qr",
        json!({"args": {"parts": [first["address"]]}}),
    )
    .unwrap();
    let svg = svgs[0].as_str().unwrap();
    assert!(svg.starts_with("<svg") && !svg.contains("<script") && !svg.contains("style="));
    let next = invoke(&main, "receive", json!({"args": {"index": 1}})).unwrap();
    assert_ne!(next["address"], wallet["address"]);
    assert_eq!(
        code(invoke(&main, "render_qr", json!({"args": {"parts": []}}))),
        "app-qr-no-parts"
    );
}

#[test]
fn language_is_saved_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    {
        let app = app(dir.path(), None);
        let main = window(&app, "main");
        invoke(&main, "set_language", json!({"args": {"tag": "zh-TW"}})).unwrap();
        let error = invoke(&main, "set_language", json!({"args": {"tag": "fr"}})).unwrap_err();
        assert_eq!(
            error,
            json!({"code": "app-unknown-language", "args": {"tag": "fr"}})
        );
    }
    let app = app(dir.path(), None);
    let main = window(&app, "main");
    assert_eq!(
        invoke(&main, "app_info", json!({})).unwrap()["language"],
        "zh-TW"
    );
}

#[test]
fn damaged_settings_start_the_app_offline() {
    let dir = tempfile::tempdir().unwrap();
    let settings = dir.path().join("app").join("settings.json");
    std::fs::create_dir_all(settings.parent().unwrap()).unwrap();
    std::fs::write(&settings, r#"{"mode":"hot-wallet"}"#).unwrap();
    let app = app(dir.path(), None);
    let main = window(&app, "main");
    let info = invoke(&main, "app_info", json!({})).unwrap();
    assert_eq!(info["mode"], "cold-signer");
    assert_eq!(info["settings_problem"]["code"], "app-settings-corrupt");
    assert_eq!(
        code(invoke(&main, "chain_status", json!({}))),
        "app-cold-offline"
    );
    // Choosing a mode again writes fresh settings and clears the problem.
    let info = invoke(&main, "set_mode", json!({"args": {"mode": "wallet"}})).unwrap();
    assert_eq!(info["mode"], "wallet");
    assert_eq!(info["settings_problem"], Value::Null);
    // An unknown mode never reaches the app: the IPC layer refuses it.
    assert!(invoke(&main, "set_mode", json!({"args": {"mode": "hot"}})).is_err());
    assert_eq!(
        invoke(&main, "app_info", json!({})).unwrap()["mode"],
        "wallet"
    );
}

#[test]
fn capabilities_deny_other_windows_and_core_commands() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path(), None);
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

/// The webview runs only the app's own bundled code: no inline or evaluated
/// script, no remote origin for anything, IPC as the only connection, no
/// frames, forms or plugins; the prototypes are frozen and the global
/// `__TAURI__` object is not injected (threat: a compromised webview).
#[test]
fn the_content_security_policy_allows_only_the_apps_own_code() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tauri.conf.json"))
            .unwrap();
    let conf: Value = serde_json::from_str(&text).unwrap();
    let security = &conf["app"]["security"];
    let csp = security["csp"].as_object().unwrap();
    let expected = [
        ("default-src", "'self'"),
        ("script-src", "'self'"),
        ("style-src", "'self'"),
        ("img-src", "'self' data: blob:"),
        ("font-src", "'self'"),
        ("connect-src", "ipc: http://ipc.localhost"),
        ("object-src", "'none'"),
        ("base-uri", "'none'"),
        ("form-action", "'none'"),
        ("frame-ancestors", "'none'"),
    ];
    for (directive, sources) in expected {
        assert_eq!(csp[directive], sources, "{directive}");
    }
    assert_eq!(csp.len(), expected.len(), "unexpected directives: {csp:?}");
    for sources in csp.values() {
        let sources = sources.as_str().unwrap();
        for forbidden in ["unsafe", "*", "https:", "wasm"] {
            assert!(!sources.contains(forbidden), "{sources}");
        }
    }
    assert_eq!(security["freezePrototype"], true);
    assert!(
        security
            .get("dangerousDisableAssetCspModification")
            .is_none()
    );
    assert!(security.get("assetProtocol").is_none());
    assert_ne!(conf["app"]["withGlobalTauri"], true);
    // No plugin on the desktop: nothing but the app's commands is reachable.
    assert!(
        conf.get("plugins")
            .is_none_or(|p| p.as_object().unwrap().is_empty())
    );
}

#[test]
fn declared_handled_and_allowed_commands_are_one_list() {
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
    assert_eq!(jifen_app::api::NAMES, jifen_app::command_list::COMMANDS);
    // Every declared command is handled: invoking it never says "not found".
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path(), None);
    let main = window(&app, "main");
    for name in jifen_app::api::NAMES {
        if let Err(error) = invoke(&main, name, json!({})) {
            let text = error.to_string();
            assert!(!text.contains("not found"), "{name}: {text}");
        }
    }
}

#[test]
fn change_password_and_recalibration_rewrap_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path(), None);
    let main = window(&app, "main");
    create(&main, "shop");
    assert_eq!(
        code(invoke(
            &main,
            "change_password",
            json!({"args": {"old": "wrong", "new": "new password 2"}})
        )),
        "keystore-wrong-password"
    );
    let kdf = invoke(
        &main,
        "change_password",
        json!({"args": {"old": PASSWORD, "new": "new password 2"}}),
    )
    .unwrap();
    assert!(kdf["millis"].is_u64(), "{kdf}");
    assert!(kdf["memory_mib"].is_u64());
    invoke(&main, "lock", json!({})).unwrap();
    assert_eq!(
        code(invoke(
            &main,
            "unlock",
            json!({"args": {"name": "shop", "password": PASSWORD}})
        )),
        "keystore-wrong-password"
    );
    invoke(
        &main,
        "unlock",
        json!({"args": {"name": "shop", "password": "new password 2"}}),
    )
    .unwrap();
    let again = invoke(
        &main,
        "recalibrate_kdf",
        json!({"args": {"password": "new password 2"}}),
    )
    .unwrap();
    assert!(again["millis"].is_u64(), "{again}");
    invoke(&main, "lock", json!({})).unwrap();
    invoke(
        &main,
        "unlock",
        json!({"args": {"name": "shop", "password": "new password 2"}}),
    )
    .unwrap();
    // Cold-signer mode is saved and reported; network commands are refused.
    let info = invoke(&main, "set_mode", json!({"args": {"mode": "cold-signer"}})).unwrap();
    assert_eq!(info["mode"], "cold-signer");
    for command in ["balance", "chain_status", "endpoints_check"] {
        if command == "endpoints_check" {
            assert_eq!(
                code(invoke(
                    &main,
                    "set_endpoints",
                    json!({"args": {"endpoints": ["http://127.0.0.1:1"]}})
                )),
                "app-cold-offline"
            );
        } else {
            assert_eq!(code(invoke(&main, command, json!({}))), "app-cold-offline");
        }
    }
    let info = invoke(&main, "app_info", json!({})).unwrap();
    assert_eq!(info["mode"], "cold-signer");
    assert_eq!(info["chain_id"], "jifen-devnet");
}
