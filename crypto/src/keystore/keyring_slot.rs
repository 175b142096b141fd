//! The OS credential store behind the keyring slot.
//!
//! The store is always passed in explicitly (never taken from
//! `keyring_core`'s process-wide default), so tests can use
//! `keyring_core::mock::Store` and nothing ever falls back silently to an
//! in-memory store: when the platform store cannot be reached the caller gets
//! [`KeystoreError::KeyringUnavailable`] and the password slot still works.

use std::sync::Arc;

use keyring_core::{CredentialStore, Entry, Error as KeyringError};
use zeroize::Zeroizing;

use super::cipher::Key32;
use super::error::{KeystoreError, Result};
use super::format::KEY_LEN;

/// Service name of every keystore entry in the OS credential store; the
/// user name is the keystore id in lower-case hex.
pub const KEYRING_SERVICE: &str = "jifen";

/// Connect to this platform's credential store.
///
/// On Linux this is the Secret Service over D-Bus (GNOME Keyring, KWallet,
/// KeePassXC). Other platforms are not wired up in this build yet.
///
/// # Errors
/// [`KeystoreError::KeyringUnavailable`] if no store can be reached (no
/// D-Bus session, no Secret Service, unsupported platform).
pub fn platform_store() -> Result<Arc<CredentialStore>> {
    #[cfg(target_os = "linux")]
    {
        let store: Arc<CredentialStore> =
            zbus_secret_service_keyring_store::Store::new().map_err(unavailable)?;
        Ok(store)
    }
    #[cfg(not(target_os = "linux"))]
    {
        Err(KeystoreError::KeyringUnavailable {
            reason: "this build has no os keyring support on this platform".to_owned(),
        })
    }
}

fn unavailable(err: KeyringError) -> KeystoreError {
    // Display of these variants carries no secret data (unlike BadEncoding /
    // BadDataFormat, which are mapped to KeyringMismatch before this).
    KeystoreError::KeyringUnavailable {
        reason: err.to_string(),
    }
}

fn map_error(err: KeyringError, service: &str, user: &str) -> KeystoreError {
    match err {
        KeyringError::NoEntry => KeystoreError::KeyringEntryMissing {
            service: service.to_owned(),
            user: user.to_owned(),
        },
        KeyringError::BadEncoding(_) | KeyringError::BadDataFormat(..) => {
            KeystoreError::KeyringMismatch
        }
        other => unavailable(other),
    }
}

fn entry(store: &CredentialStore, service: &str, user: &str) -> Result<Entry> {
    store
        .build(service, user, None)
        .map_err(|e| map_error(e, service, user))
}

/// Save `kek` (as 64 lower-case hex digits: KWallet stores text only).
pub(crate) fn store_kek(
    store: &CredentialStore,
    service: &str,
    user: &str,
    kek: &Key32,
) -> Result<()> {
    let hex = Zeroizing::new(to_hex(kek.as_slice()));
    entry(store, service, user)?
        .set_password(&hex)
        .map_err(|e| map_error(e, service, user))
}

/// Fetch the key saved by [`store_kek`].
pub(crate) fn load_kek(store: &CredentialStore, service: &str, user: &str) -> Result<Key32> {
    let text = Zeroizing::new(
        entry(store, service, user)?
            .get_password()
            .map_err(|e| map_error(e, service, user))?,
    );
    from_hex(&text).ok_or(KeystoreError::KeyringMismatch)
}

/// Delete the entry; a missing entry is not an error.
pub(crate) fn delete_kek(store: &CredentialStore, service: &str, user: &str) -> Result<()> {
    match entry(store, service, user)?.delete_credential() {
        Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
        Err(e) => Err(map_error(e, service, user)),
    }
}

pub(crate) fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        for nibble in [b >> 4, b & 0x0f] {
            out.push(char::from(
                *DIGITS.get(usize::from(nibble)).unwrap_or(&b'0'),
            ));
        }
    }
    out
}

fn from_hex(text: &str) -> Option<Key32> {
    let digits = text.as_bytes();
    if digits.len() != KEY_LEN * 2 {
        return None;
    }
    let mut key = Zeroizing::new([0u8; KEY_LEN]);
    for (out, pair) in key.iter_mut().zip(digits.chunks_exact(2)) {
        let hi = char::from(*pair.first()?).to_digit(16)?;
        let lo = char::from(*pair.get(1)?).to_digit(16)?;
        *out = u8::try_from(hi * 16 + lo).ok()?;
    }
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use keyring_core::api::CredentialStoreApi;

    #[test]
    fn hex_round_trip_and_rejects() {
        let key = Zeroizing::new([0xa5u8; KEY_LEN]);
        let hex = to_hex(key.as_slice());
        assert_eq!(hex.len(), 64);
        assert_eq!(*from_hex(&hex).unwrap(), *key);
        assert!(from_hex("zz").is_none());
        assert!(from_hex(&"g".repeat(64)).is_none());
    }

    #[test]
    fn mock_store_round_trip_and_missing_entry() {
        let store = keyring_core::mock::Store::new().unwrap();
        let kek = Zeroizing::new([7u8; KEY_LEN]);
        let err = load_kek(&*store, KEYRING_SERVICE, "u1").unwrap_err();
        assert_eq!(err.code(), "keystore-keyring-entry-missing");
        store_kek(&*store, KEYRING_SERVICE, "u1", &kek).unwrap();
        assert_eq!(*load_kek(&*store, KEYRING_SERVICE, "u1").unwrap(), *kek);
        delete_kek(&*store, KEYRING_SERVICE, "u1").unwrap();
        delete_kek(&*store, KEYRING_SERVICE, "u1").unwrap();
    }

    #[test]
    fn store_failures_are_reported_as_unavailable() {
        let store = keyring_core::mock::Store::new().unwrap();
        let e = store.build(KEYRING_SERVICE, "u2", None).unwrap();
        let cred: &keyring_core::mock::Cred = e.as_any().downcast_ref().unwrap();
        cred.set_error(KeyringError::NoStorageAccess("locked".into()));
        let kek = Zeroizing::new([7u8; KEY_LEN]);
        let err = store_kek(&*store, KEYRING_SERVICE, "u2", &kek).unwrap_err();
        assert_eq!(err.code(), "keystore-keyring-unavailable");
    }
}
