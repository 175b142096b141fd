//! Each kind of damage to a keystore file yields its own error.
//!
//! Wrong password vs corrupted vs truncated vs a flipped bit in each header
//! field, plus files whose checksum was recomputed after tampering.
// Helpers outside #[test] fns: a panic here is a test failure, which is what we want.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout
)]

use std::fs;
use std::path::{Path, PathBuf};

use jifen_crypto::keystore::{KdfParams, Keystore, KeystoreError, Password};
use jifen_testenv::kdf::{FAST_KDF, fast_kdf_policy};
use sha2::{Digest, Sha256};

const META: &[u8] = b"{\"name\":\"shop\",\"network\":\"devnet\"}";
const SECRET: &[u8] = b"entropy-and-passphrase";

fn password() -> Password {
    Password::new("correct horse battery staple").unwrap()
}

/// A fresh keystore file (no keyring slot) and its bytes.
fn fixture(dir: &Path) -> (PathBuf, Vec<u8>) {
    let path = dir.join("wallet.jks");
    Keystore::create(&path, SECRET, META, &password(), FAST_KDF).unwrap();
    let bytes = fs::read(&path).unwrap();
    (path, bytes)
}

/// Byte ranges of the version-1 layout for this fixture (docs/keystore.md#layout).
fn fields(bytes: &[u8]) -> Vec<(&'static str, std::ops::Range<usize>)> {
    let meta_len = u32::from_be_bytes(bytes[54..58].try_into().unwrap()) as usize;
    let ct_len = u32::from_be_bytes(bytes[58..62].try_into().unwrap()) as usize;
    let m = 62 + meta_len; // slot count
    let salt_len = bytes[m + 15] as usize;
    let nonce = m + 16 + salt_len;
    let ct = nonce + 12 + 48;
    assert_eq!(ct + ct_len + 32, bytes.len(), "layout assumption");
    vec![
        ("magic", 0..8),
        ("version", 8..10),
        ("total length", 10..14),
        ("preamble check", 14..18),
        ("keystore id", 18..34),
        ("creation time", 34..42),
        ("data nonce", 42..54),
        ("metadata length", 54..58),
        ("secret length", 58..62),
        ("metadata", 62..m),
        ("slot count", m..m + 1),
        ("slot kind", m + 1..m + 2),
        ("kdf id", m + 2..m + 3),
        ("m_cost", m + 3..m + 7),
        ("t_cost", m + 7..m + 11),
        ("p_cost", m + 11..m + 15),
        ("salt length", m + 15..m + 16),
        ("salt", m + 16..nonce),
        ("wrap nonce", nonce..nonce + 12),
        ("wrapped key", nonce + 12..ct),
        ("secret ciphertext", ct..ct + ct_len),
        ("checksum", ct + ct_len..bytes.len()),
    ]
}

fn open_bytes(path: &Path, bytes: &[u8]) -> Result<Keystore, KeystoreError> {
    fs::write(path, bytes).unwrap();
    Keystore::open(path)
}

/// Recompute the SHA-256 trailer (and the preamble check) after tampering.
fn reseal(bytes: &mut [u8]) {
    let n = bytes.len();
    let pre: [u8; 32] = Sha256::digest(&bytes[..14]).into();
    bytes[14..18].copy_from_slice(&pre[..4]);
    let sum: [u8; 32] = Sha256::digest(&bytes[..n - 32]).into();
    bytes[n - 32..].copy_from_slice(&sum);
}

#[test]
fn wrong_password_is_its_own_error() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = fixture(dir.path());
    let mut ks = Keystore::open(&path).unwrap();
    let err = ks
        .unlock(&Password::new("wrong").unwrap(), &fast_kdf_policy())
        .unwrap_err();
    assert!(matches!(err, KeystoreError::WrongPassword), "{err:?}");
    assert_eq!(err.code(), "keystore-wrong-password");
    let unlocked = ks.unlock(&password(), &fast_kdf_policy()).unwrap();
    assert_eq!(unlocked.secret(), SECRET);
    assert_eq!(ks.public_meta(), META);
}

#[test]
fn a_flipped_bit_in_each_field_has_a_specific_error() {
    let dir = tempfile::tempdir().unwrap();
    let (path, bytes) = fixture(dir.path());
    for (field, range) in fields(&bytes) {
        for byte in [range.start, range.end - 1] {
            for bit in [0u8, 7] {
                let mut b = bytes.clone();
                b[byte] ^= 1 << bit;
                let err = open_bytes(&path, &b).unwrap_err();
                let want = if field == "magic" {
                    "keystore-not-a-keystore"
                } else {
                    "keystore-corrupted"
                };
                assert_eq!(err.code(), want, "{field} byte {byte} bit {bit}: {err}");
            }
        }
    }
}

#[test]
fn every_truncation_is_reported_as_truncated() {
    let dir = tempfile::tempdir().unwrap();
    let (path, bytes) = fixture(dir.path());
    for len in 0..bytes.len() {
        let err = open_bytes(&path, &bytes[..len]).unwrap_err();
        match err {
            KeystoreError::Truncated { expected, got } => {
                assert_eq!(got, len as u64);
                assert!(expected > got);
            }
            other => panic!("truncated to {len}: {other:?}"),
        }
    }
}

#[test]
fn other_files_trailing_data_and_missing_files() {
    let dir = tempfile::tempdir().unwrap();
    let (path, bytes) = fixture(dir.path());
    let err = open_bytes(&path, b"{\"crypto\":{\"cipher\":\"aes-128-ctr\"}}").unwrap_err();
    assert_eq!(err.code(), "keystore-not-a-keystore");
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(
        open_bytes(&path, &longer).unwrap_err().code(),
        "keystore-corrupted"
    );
    // Refused from its size before a byte is read.
    let huge = vec![0u8; jifen_crypto::keystore::MAX_FILE_LEN * 2];
    assert_eq!(
        open_bytes(&path, &huge).unwrap_err().code(),
        "files-too-large"
    );
    let err = Keystore::open(dir.path().join("absent.jks")).unwrap_err();
    assert_eq!(err.code(), "keystore-not-found");
}

#[test]
fn resealed_tampering_gets_the_error_of_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let (path, bytes) = fixture(dir.path());
    let f: std::collections::HashMap<_, _> = fields(&bytes).into_iter().collect();
    let tamper = |field: &str, value: &[u8]| {
        let mut b = bytes.clone();
        let r = f[field].clone();
        b[r.start..r.start + value.len()].copy_from_slice(value);
        reseal(&mut b);
        b
    };

    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "version 2",
            tamper("version", &2u16.to_be_bytes()),
            "keystore-unsupported-version",
        ),
        (
            "version 0",
            tamper("version", &0u16.to_be_bytes()),
            "keystore-unsupported-version",
        ),
        (
            "m_cost 4 GiB + 1",
            tamper("m_cost", &(4u32 * 1024 * 1024 + 1).to_be_bytes()),
            "keystore-kdf-out-of-bounds",
        ),
        (
            "m_cost 1 KiB",
            tamper("m_cost", &1u32.to_be_bytes()),
            "keystore-kdf-out-of-bounds",
        ),
        (
            "t_cost 0",
            tamper("t_cost", &0u32.to_be_bytes()),
            "keystore-kdf-out-of-bounds",
        ),
        (
            "t_cost huge",
            tamper("t_cost", &u32::MAX.to_be_bytes()),
            "keystore-kdf-out-of-bounds",
        ),
        (
            "p_cost 0",
            tamper("p_cost", &0u32.to_be_bytes()),
            "keystore-kdf-out-of-bounds",
        ),
        (
            "p_cost 255",
            tamper("p_cost", &255u32.to_be_bytes()),
            "keystore-kdf-out-of-bounds",
        ),
        ("kdf id 9", tamper("kdf id", &[9]), "keystore-corrupted"),
        (
            "slot kind 2 first",
            tamper("slot kind", &[2]),
            "keystore-corrupted",
        ),
        (
            "slot count 0",
            tamper("slot count", &[0]),
            "keystore-corrupted",
        ),
        (
            "metadata length +1",
            tamper("metadata length", &(META.len() as u32 + 1).to_be_bytes()),
            "keystore-corrupted",
        ),
    ];
    for (name, b, want) in cases {
        let err = open_bytes(&path, &b).unwrap_err();
        assert_eq!(err.code(), want, "{name}: {err}");
    }
    // Salt length out of range must be rejected before the salt is read.
    let mut b = bytes.clone();
    b[f["salt length"].start] = 64;
    reseal(&mut b);
    let err = open_bytes(&path, &b).unwrap_err();
    assert!(
        matches!(
            err,
            KeystoreError::KdfOutOfBounds {
                param: "salt length",
                got: 64,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn resealed_tampering_with_slot_or_secret_fails_at_unlock() {
    let dir = tempfile::tempdir().unwrap();
    let (path, bytes) = fixture(dir.path());
    let f: std::collections::HashMap<_, _> = fields(&bytes).into_iter().collect();
    // Slot fields (salt, in-bounds parameters, nonce, wrapped key): the slot's
    // associated data or derived key changes, which is indistinguishable from
    // a wrong password by design.
    for (field, new) in [
        ("salt", None),
        ("t_cost", Some(2u32.to_be_bytes())),
        ("wrap nonce", None),
        ("wrapped key", None),
        ("keystore id", None),
    ] {
        let mut b = bytes.clone();
        let r = f[field].clone();
        match new {
            Some(v) => b[r.start..r.end].copy_from_slice(&v),
            None => b[r.start] ^= 1,
        }
        reseal(&mut b);
        let mut ks = open_bytes(&path, &b).unwrap();
        let err = ks.unlock(&password(), &fast_kdf_policy()).unwrap_err();
        assert_eq!(err.code(), "keystore-wrong-password", "{field}");
    }
    // Header, metadata and ciphertext are the secret's associated data: the
    // slot opens, the secret does not authenticate -> corrupted.
    for field in [
        "creation time",
        "data nonce",
        "metadata",
        "secret ciphertext",
    ] {
        let mut b = bytes.clone();
        b[f[field].start] ^= 1;
        reseal(&mut b);
        let mut ks = open_bytes(&path, &b).unwrap();
        let err = ks.unlock(&password(), &fast_kdf_policy()).unwrap_err();
        assert_eq!(err.code(), "keystore-corrupted", "{field}");
    }
}

#[test]
fn create_rejects_bad_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = fixture(dir.path());
    let err = Keystore::create(&path, SECRET, META, &password(), FAST_KDF).unwrap_err();
    assert_eq!(err.code(), "keystore-already-exists");
    let other = dir.path().join("other.jks");
    let big = vec![0u8; jifen_crypto::keystore::MAX_SECRET_LEN + 1];
    assert_eq!(
        Keystore::create(&other, &big, META, &password(), FAST_KDF)
            .unwrap_err()
            .code(),
        "keystore-too-large"
    );
    let bad = KdfParams {
        t_cost: 0,
        ..FAST_KDF
    };
    assert_eq!(
        Keystore::create(&other, SECRET, META, &password(), bad)
            .unwrap_err()
            .code(),
        "keystore-kdf-out-of-bounds"
    );
    assert!(!other.exists());
    assert_eq!(
        Password::new("\u{7}").unwrap_err().code(),
        "keystore-empty-password"
    );
}

/// A FIFO at a wallet path once hung `jifen list`; a device would be read
/// forever. Both are refused from their type, at once.
#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_at_the_keystore_path_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("wallet.jks");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    for path in [fifo, PathBuf::from("/dev/zero")] {
        let (tx, rx) = std::sync::mpsc::channel();
        let opened = path.clone();
        std::thread::spawn(move || {
            let _ = tx.send(Keystore::open(&opened).map(|_| ()));
        });
        let err = rx
            .recv_timeout(std::time::Duration::from_secs(30))
            .unwrap_or_else(|_| panic!("opening {path:?} blocked"))
            .unwrap_err();
        assert_eq!(err.code(), "files-wrong-kind", "{path:?}: {err}");
        assert!(err.to_string().contains("not a regular file"), "{err}");
    }
}
