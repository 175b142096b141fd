//! The keyring slot against a real Secret Service (gnome-keyring-daemon).
//!
//! Run with `scripts/with-secret-service.sh cargo test -p jifen-crypto --test
//! keystore_secret_service`: the script starts a private D-Bus session and an
//! unlocked gnome-keyring-daemon and sets `JIFEN_TEST_SECRET_SERVICE=1`. With
//! that variable set the test MUST pass; without it, it says why it is skipped.
// Helpers outside #[test] fns: a panic here is a test failure, which is what we want.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout
)]
#![cfg(target_os = "linux")]

use std::process::Command;

use jifen_crypto::keystore::{KEYRING_SERVICE, Keystore, KeystoreError, Password, platform_store};
use jifen_testenv::kdf::{FAST_KDF, fast_kdf_policy};

fn enabled() -> bool {
    if std::env::var("JIFEN_TEST_SECRET_SERVICE").as_deref() == Ok("1") {
        return true;
    }
    println!(
        "SKIPPED: set JIFEN_TEST_SECRET_SERVICE=1 inside a session with a Secret Service \
         (scripts/with-secret-service.sh does both) to test against a real keyring"
    );
    false
}

#[test]
fn keyring_slot_round_trip_through_real_secret_service() {
    if !enabled() {
        return;
    }
    let store = platform_store().expect("JIFEN_TEST_SECRET_SERVICE=1 but no Secret Service");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wallet.jks");
    let password = Password::new("real keyring test").unwrap();
    let mut ks = Keystore::create(&path, b"real secret", b"meta", &password, FAST_KDF).unwrap();
    let unlocked = ks.unlock(&password, &fast_kdf_policy()).unwrap();
    ks.add_keyring_slot(&unlocked, &*store).unwrap();

    // A new connection (as after an app restart) finds the entry.
    drop(store);
    let store = platform_store().unwrap();
    let reopened = Keystore::open(&path).unwrap();
    assert!(reopened.has_keyring_slot());
    let via_keyring = reopened.unlock_with_keyring(&*store).unwrap();
    assert_eq!(via_keyring.secret(), b"real secret");

    // The entry really is in the service, under service "jifen" / user = id hex.
    let user = hex::encode(reopened.id());
    let stored = store
        .build(KEYRING_SERVICE, &user, None)
        .unwrap()
        .get_password()
        .unwrap();
    assert_eq!(stored.len(), 64);

    let mut ks = reopened;
    ks.remove_keyring_slot(&*store).unwrap();
    let gone = store
        .build(KEYRING_SERVICE, &user, None)
        .unwrap()
        .get_password();
    assert!(
        matches!(gone, Err(keyring_core::Error::NoEntry)),
        "{gone:?}"
    );
    let err = ks.unlock_with_keyring(&*store).unwrap_err();
    assert_eq!(err.code(), "keystore-no-keyring-slot");
}

#[test]
fn without_a_session_bus_the_keyring_is_unavailable_not_faked() {
    // Re-run this binary's child test with the session bus pointing nowhere
    // (changing our own environment would need `unsafe` in edition 2024).
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_without_session_bus",
            "--ignored",
            "--nocapture",
        ])
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/jifen-test-bus",
        )
        .env("JIFEN_KEYRING_CHILD", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "child failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("CHILD-OK"), "{stdout}");
}

#[test]
#[ignore = "run by without_a_session_bus_the_keyring_is_unavailable_not_faked"]
fn child_without_session_bus() {
    if std::env::var_os("JIFEN_KEYRING_CHILD").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wallet.jks");
    let password = Password::new("pw").unwrap();
    let mut ks = Keystore::create(&path, b"s", b"", &password, FAST_KDF).unwrap();
    let unlocked = ks.unlock(&password, &fast_kdf_policy()).unwrap();
    let err = match platform_store() {
        Err(e) => e,
        Ok(store) => ks.add_keyring_slot(&unlocked, &*store).unwrap_err(),
    };
    assert!(
        matches!(err, KeystoreError::KeyringUnavailable { .. }),
        "{err:?}"
    );
    assert_eq!(err.code(), "keystore-keyring-unavailable");
    assert!(!Keystore::open(&path).unwrap().has_keyring_slot());
    // The password slot keeps working.
    assert_eq!(
        ks.unlock(&password, &fast_kdf_policy()).unwrap().secret(),
        b"s"
    );
    println!("CHILD-OK: {err}");
}
