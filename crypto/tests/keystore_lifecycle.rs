//! Create, unlock, change password, upgrade, keyring slot (mock store), backups.
// Helpers outside #[test] fns: a panic here is a test failure, which is what we want.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout
)]

use std::fs;

use jifen_crypto::keystore::{
    KdfParams, KdfUpgrade, Keystore, KeystoreError, Password, backup_path, temp_path,
};
use jifen_testenv::kdf::{FAST_KDF, fast_kdf_policy};
use keyring_core::api::CredentialStoreApi;
use keyring_core::mock;

fn pw(s: &str) -> Password {
    Password::new(s).unwrap()
}

#[test]
fn change_password_rewraps_only_the_data_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.jks");
    let mut ks = Keystore::create(&path, b"secret", b"meta", &pw("old"), FAST_KDF).unwrap();
    let before = fs::read(&path).unwrap();
    let wrong = ks
        .change_password(&pw("nope"), &pw("new"), FAST_KDF)
        .unwrap_err();
    assert_eq!(wrong.code(), "keystore-wrong-password");
    assert_eq!(
        fs::read(&path).unwrap(),
        before,
        "a failed change leaves the file alone"
    );

    ks.change_password(&pw("old"), &pw("new"), FAST_KDF)
        .unwrap();
    let after = fs::read(&path).unwrap();
    // Everything up to the slot section (header, metadata) and the secret
    // ciphertext are byte-identical: only the slot changed.
    let ct_len = u32::from_be_bytes(before[58..62].try_into().unwrap()) as usize;
    let slot_start = 62 + 4;
    assert_eq!(before[18..slot_start], after[18..slot_start]);
    let ct = |b: &[u8]| b[b.len() - 32 - ct_len..b.len() - 32].to_vec();
    assert_eq!(ct(&before), ct(&after));
    assert_ne!(before, after);

    let mut reopened = Keystore::open(&path).unwrap();
    assert_eq!(
        reopened
            .unlock(&pw("new"), &fast_kdf_policy())
            .unwrap()
            .secret(),
        b"secret"
    );
    assert_eq!(
        reopened
            .unlock(&pw("old"), &fast_kdf_policy())
            .unwrap_err()
            .code(),
        "keystore-wrong-password"
    );
    // The previous generation is kept and still opens with the old password.
    assert_eq!(fs::read(backup_path(&path)).unwrap(), before);
    let mut bak = Keystore::open(backup_path(&path)).unwrap();
    assert_eq!(
        bak.unlock(&pw("old"), &fast_kdf_policy()).unwrap().secret(),
        b"secret"
    );
}

#[test]
fn unlocking_below_the_floor_upgrades_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.jks");
    let weak = KdfParams {
        m_cost_kib: 128,
        ..FAST_KDF
    };
    Keystore::create(&path, b"secret", b"meta", &pw("pw"), weak).unwrap();
    let mut ks = Keystore::open(&path).unwrap();
    let unlocked = ks.unlock(&pw("pw"), &fast_kdf_policy()).unwrap();
    match unlocked.kdf_upgrade() {
        KdfUpgrade::Upgraded { from, to } => {
            assert_eq!(*from, weak);
            assert!(!to.is_below(&FAST_KDF));
        }
        other => panic!("expected an upgrade, got {other:?}"),
    }
    let mut again = Keystore::open(&path).unwrap();
    assert!(!again.kdf_params().is_below(&FAST_KDF));
    let second = again.unlock(&pw("pw"), &fast_kdf_policy()).unwrap();
    assert!(matches!(second.kdf_upgrade(), KdfUpgrade::NotNeeded));
    assert_eq!(second.secret(), b"secret");
}

#[test]
fn keyring_slot_with_mock_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.jks");
    let store = mock::Store::new().unwrap();
    let mut ks = Keystore::create(&path, b"secret", b"meta", &pw("pw"), FAST_KDF).unwrap();
    assert_eq!(
        ks.unlock_with_keyring(&*store).unwrap_err().code(),
        "keystore-no-keyring-slot"
    );

    let unlocked = ks.unlock(&pw("pw"), &fast_kdf_policy()).unwrap();
    ks.add_keyring_slot(&unlocked, &*store).unwrap();
    let reopened = Keystore::open(&path).unwrap();
    assert!(reopened.has_keyring_slot());
    let via_keyring = reopened.unlock_with_keyring(&*store).unwrap();
    assert_eq!(via_keyring.secret(), b"secret");
    assert!(matches!(via_keyring.kdf_upgrade(), KdfUpgrade::Skipped));
    assert_eq!(
        format!("{via_keyring:?}").matches("secret").count(),
        1,
        "only the field name"
    );

    // Changing the password keeps the keyring slot working.
    let mut ks = reopened;
    ks.change_password(&pw("pw"), &pw("pw2"), FAST_KDF).unwrap();
    assert_eq!(ks.unlock_with_keyring(&*store).unwrap().secret(), b"secret");

    // An unlocked secret from another keystore is refused.
    let other_path = dir.path().join("other.jks");
    let mut other = Keystore::create(&other_path, b"x", b"", &pw("pw"), FAST_KDF).unwrap();
    let foreign = other.unlock(&pw("pw"), &fast_kdf_policy()).unwrap();
    assert_eq!(
        ks.add_keyring_slot(&foreign, &*store).unwrap_err().code(),
        "keystore-foreign-unlocked"
    );

    // Remove: the file loses the slot and the OS entry is deleted.
    ks.remove_keyring_slot(&*store).unwrap();
    assert!(!Keystore::open(&path).unwrap().has_keyring_slot());
    let entry = store.build("jifen", &hex::encode(ks.id()), None).unwrap();
    assert!(matches!(
        entry.get_password(),
        Err(keyring_core::Error::NoEntry)
    ));
}

#[test]
fn keyring_failures_are_specific_and_the_password_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.jks");
    let store = mock::Store::new().unwrap();
    let mut ks = Keystore::create(&path, b"secret", b"meta", &pw("pw"), FAST_KDF).unwrap();
    let unlocked = ks.unlock(&pw("pw"), &fast_kdf_policy()).unwrap();
    let user = hex::encode(ks.id());

    // Store refuses the write: unavailable, file unchanged.
    let entry = store.build("jifen", &user, None).unwrap();
    let cred: &mock::Cred = entry.as_any().downcast_ref().unwrap();
    cred.set_error(keyring_core::Error::NoStorageAccess(
        "collection is locked".into(),
    ));
    let err = ks.add_keyring_slot(&unlocked, &*store).unwrap_err();
    assert!(
        matches!(err, KeystoreError::KeyringUnavailable { .. }),
        "{err:?}"
    );
    assert!(!Keystore::open(&path).unwrap().has_keyring_slot());

    ks.add_keyring_slot(&unlocked, &*store).unwrap();
    // Store unreachable at unlock time.
    cred.set_error(keyring_core::Error::PlatformFailure("no dbus".into()));
    assert_eq!(
        ks.unlock_with_keyring(&*store).unwrap_err().code(),
        "keystore-keyring-unavailable"
    );
    // Entry replaced by something else.
    entry.set_password(&"00".repeat(32)).unwrap();
    assert_eq!(
        ks.unlock_with_keyring(&*store).unwrap_err().code(),
        "keystore-keyring-mismatch"
    );
    // Entry deleted.
    entry.delete_credential().unwrap();
    assert_eq!(
        ks.unlock_with_keyring(&*store).unwrap_err().code(),
        "keystore-keyring-entry-missing"
    );
    // The password slot is unaffected throughout.
    assert_eq!(
        ks.unlock(&pw("pw"), &fast_kdf_policy()).unwrap().secret(),
        b"secret"
    );
}

#[test]
fn stale_temp_file_is_ignored_by_open_and_replaced_by_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.jks");
    let mut ks = Keystore::create(&path, b"secret", b"meta", &pw("a"), FAST_KDF).unwrap();
    // The fixed name of earlier versions, and the unique name of a killed save.
    fs::write(temp_path(&path), b"half-written garbage").unwrap();
    std::mem::forget(jifen_files::TempFile::beside(&path).unwrap());
    assert_eq!(jifen_files::leftover_temps(&path).unwrap().len(), 1);
    let mut reopened = Keystore::open(&path).unwrap();
    assert_eq!(
        reopened
            .unlock(&pw("a"), &fast_kdf_policy())
            .unwrap()
            .secret(),
        b"secret"
    );
    ks.change_password(&pw("a"), &pw("b"), FAST_KDF).unwrap();
    assert!(!temp_path(&path).exists());
    assert!(jifen_files::leftover_temps(&path).unwrap().is_empty());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for p in [path.clone(), backup_path(&path)] {
            assert_eq!(
                fs::metadata(&p).unwrap().permissions().mode() & 0o777,
                0o600,
                "{p:?}"
            );
        }
    }
}

#[test]
fn passwords_are_normalized_before_derivation() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.jks");
    Keystore::create(
        &path,
        b"s",
        b"",
        &pw("caf\u{e9} \u{ff11}\u{ff12}"),
        FAST_KDF,
    )
    .unwrap();
    let mut ks = Keystore::open(&path).unwrap();
    // Decomposed é and ASCII digits: the same NFKD form.
    assert_eq!(
        ks.unlock(&pw("cafe\u{301} 12"), &fast_kdf_policy())
            .unwrap()
            .secret(),
        b"s"
    );
    assert_eq!(format!("{:?}", pw("hunter2")), "Password(<redacted>)");
}
