//! The encrypted keystore file (format: `docs/keystore.md`).
//!
//! A random 32-byte *data key* encrypts an opaque secret with AES-256-GCM;
//! the magic, version, fixed header and the public metadata are its
//! associated data. *Key slots* wrap the data key: a mandatory password slot
//! (Argon2id, parameters stored in the file) and an optional OS-keyring slot.
//! Changing the password re-wraps only the data key. Every write is
//! crash-safe and keeps the previous generation as `<name>.bak`.
//!
//! ```
//! use std::time::Duration;
//! use jifen_crypto::keystore::{KdfParams, KdfPolicy, Keystore, Password};
//!
//! # fn main() -> Result<(), jifen_crypto::keystore::KeystoreError> {
//! # let dir = tempfile::tempdir().map_err(|e| jifen_crypto::keystore::KeystoreError::Io {
//! #     op: "tempdir", path: ".".into(), source: e })?;
//! let path = dir.path().join("wallet.jks");
//! // Real callers use `calibrate(&KdfPolicy::desktop())?.params`; tiny costs keep this fast.
//! let params = KdfParams { m_cost_kib: 256, t_cost: 1, p_cost: 1 };
//! let policy = KdfPolicy::new(params, Duration::ZERO, Duration::from_millis(50), 1024)?;
//! let password = Password::new("correct horse")?;
//! Keystore::create(&path, b"entropy", b"{\"name\":\"shop\"}", &password, params)?;
//!
//! let mut keystore = Keystore::open(&path)?;
//! assert_eq!(keystore.public_meta(), b"{\"name\":\"shop\"}");
//! let unlocked = keystore.unlock(&password, &policy)?;
//! assert_eq!(unlocked.secret(), b"entropy");
//! # Ok(())
//! # }
//! ```

mod cipher;
mod error;
mod file_io;
mod format;
mod kdf;
mod keyring_slot;
mod password;
mod slots;

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use zeroize::Zeroizing;

pub use error::{KeystoreError, Result};
pub use file_io::{backup_path, temp_path};
pub use format::{FORMAT_VERSION, MAGIC, MAX_FILE_LEN, MAX_META_LEN, MAX_SECRET_LEN};
pub use kdf::{
    Calibration, KdfParams, KdfPolicy, MAX_M_COST_KIB, MAX_P_COST, MAX_T_COST, MIN_M_COST_KIB,
    MIN_P_COST, MIN_T_COST, calibrate, measure,
};
pub use keyring_core::CredentialStore;
pub use keyring_slot::{KEYRING_SERVICE, platform_store};
pub use password::Password;

use cipher::{Key32, random_array, random_key};
use format::{ID_LEN, KeystoreFile, TAG_LEN};

/// What [`Keystore::unlock`] did about KDF parameters below the policy floor.
#[derive(Debug)]
#[non_exhaustive]
pub enum KdfUpgrade {
    /// The file's parameters meet the floor.
    NotNeeded,
    /// Unlocked through the keyring slot: without the password the
    /// password slot cannot be checked or re-wrapped.
    Skipped,
    /// The password slot was re-wrapped with calibrated parameters and saved.
    Upgraded {
        /// Parameters before.
        from: KdfParams,
        /// Parameters now in the file.
        to: KdfParams,
    },
    /// The upgrade failed (for example a read-only directory); the file is
    /// unchanged and the secret was still unlocked.
    Failed {
        /// Parameters still in the file.
        from: KdfParams,
        /// Why the upgrade failed.
        error: KeystoreError,
    },
}

/// A decrypted keystore: the secret and the data key, zeroized on drop.
pub struct Unlocked {
    keystore_id: [u8; ID_LEN],
    data_key: Key32,
    secret: Zeroizing<Vec<u8>>,
    kdf_upgrade: KdfUpgrade,
}

impl Unlocked {
    /// The decrypted secret.
    #[must_use]
    pub fn secret(&self) -> &[u8] {
        &self.secret
    }

    /// The id of the keystore this came from.
    #[must_use]
    pub fn keystore_id(&self) -> [u8; 16] {
        self.keystore_id
    }

    /// Whether unlocking upgraded the password slot's KDF parameters.
    #[must_use]
    pub fn kdf_upgrade(&self) -> &KdfUpgrade {
        &self.kdf_upgrade
    }
}

impl fmt::Debug for Unlocked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Unlocked")
            .field("keystore_id", &keyring_slot::to_hex(&self.keystore_id))
            .field("secret", &"<redacted>")
            .field("kdf_upgrade", &self.kdf_upgrade)
            .finish_non_exhaustive()
    }
}

/// Key material in hand while saving, used to check the file read back.
#[derive(Default)]
struct Check<'a> {
    data_key: Option<&'a Key32>,
    password_kek: Option<&'a Key32>,
    keyring_kek: Option<&'a Key32>,
}

/// A keystore file, parsed and integrity-checked but still locked.
///
/// [`Keystore::public_meta`] is checksummed but only *authenticated* once an
/// unlock succeeds (it is associated data of the secret).
#[derive(Debug)]
pub struct Keystore {
    path: PathBuf,
    file: KeystoreFile,
}

impl Keystore {
    /// Create a new keystore at `path` holding `secret` and `public_meta`,
    /// with a password slot using `params` (normally from [`calibrate`]).
    ///
    /// # Errors
    /// [`KeystoreError::AlreadyExists`] if `path` exists;
    /// [`KeystoreError::TooLarge`] if an input exceeds [`MAX_SECRET_LEN`] or
    /// [`MAX_META_LEN`]; [`KeystoreError::KdfOutOfBounds`]; I/O and
    /// verification errors from the crash-safe write.
    pub fn create(
        path: impl AsRef<Path>,
        secret: &[u8],
        public_meta: &[u8],
        password: &Password,
        params: KdfParams,
    ) -> Result<Self> {
        let path = path.as_ref();
        if path.symlink_metadata().is_ok() {
            return Err(KeystoreError::AlreadyExists {
                path: path.to_path_buf(),
            });
        }
        too_large("secret", secret.len(), MAX_SECRET_LEN)?;
        too_large("public metadata", public_meta.len(), MAX_META_LEN)?;
        params.check_bounds()?;
        let id = random_array()?;
        let data_key = random_key()?;
        let (password_slot, kek) = slots::new_password_slot(&id, password, params, &data_key)?;
        let created_at = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let mut file = KeystoreFile {
            id,
            created_at,
            data_nonce: random_array()?,
            meta: public_meta.to_vec(),
            password: password_slot,
            keyring: None,
            // Placeholder of the final length: the length is part of the associated data.
            secret_ct: vec![0; secret.len() + TAG_LEN],
        };
        file.secret_ct = cipher::seal(&data_key, &file.data_nonce, &file.secret_aad()?, secret)?;
        let check = Check {
            data_key: Some(&data_key),
            password_kek: Some(&kek),
            keyring_kek: None,
        };
        let mut keystore = Self {
            path: path.to_path_buf(),
            file: file.clone(),
        };
        keystore.save(file, &check)?;
        Ok(keystore)
    }

    /// Read and validate the keystore at `path` (no password needed).
    ///
    /// A leftover `<name>.tmp` from an interrupted save is ignored (the next
    /// save removes it); it never replaces the main file.
    ///
    /// # Errors
    /// [`KeystoreError::NotFound`], `Io`, `NotAKeystore`, `Truncated`,
    /// `Corrupted`, `UnsupportedVersion` or `KdfOutOfBounds`
    /// (see `docs/keystore.md#decoding` for which check yields which).
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let bytes = file_io::read_bounded(path)?;
        Self::from_bytes(path, &bytes)
    }

    /// Reads and validates a keystore file's bytes, as [`Keystore::open`]
    /// does after reading them from `path` (where a later save writes).
    ///
    /// # Errors
    /// `NotAKeystore`, `Truncated`, `Corrupted`, `UnsupportedVersion` or
    /// `KdfOutOfBounds` (`docs/keystore.md#decoding`).
    pub fn from_bytes(path: impl AsRef<Path>, bytes: &[u8]) -> Result<Self> {
        let file = KeystoreFile::decode(bytes)?;
        Ok(Self {
            path: path.as_ref().to_path_buf(),
            file,
        })
    }

    /// The file's bytes as a save would write them (a file read by
    /// [`Keystore::from_bytes`] encodes back to exactly its bytes).
    ///
    /// # Errors
    /// [`KeystoreError::TooLarge`] (never for a file that was read).
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        self.file.encode()
    }

    /// The file this keystore was opened from.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The random 16-byte keystore id.
    #[must_use]
    pub fn id(&self) -> [u8; 16] {
        self.file.id
    }

    /// Creation time in seconds since the Unix epoch (`None` if unknown).
    #[must_use]
    pub fn created_at_unix(&self) -> Option<u64> {
        (self.file.created_at != 0).then_some(self.file.created_at)
    }

    /// The public metadata (checksummed; authenticated once unlocked).
    #[must_use]
    pub fn public_meta(&self) -> &[u8] {
        &self.file.meta
    }

    /// The password slot's Argon2id parameters.
    #[must_use]
    pub fn kdf_params(&self) -> KdfParams {
        self.file.password.params
    }

    /// Whether the file has an OS-keyring slot.
    #[must_use]
    pub fn has_keyring_slot(&self) -> bool {
        self.file.keyring.is_some()
    }

    /// Decrypt the secret with `password`. If the password slot's parameters
    /// are below `policy`'s floor, re-wrap the data key with
    /// [`calibrate`]d parameters and save (see [`Unlocked::kdf_upgrade`]).
    ///
    /// # Errors
    /// [`KeystoreError::WrongPassword`]; [`KeystoreError::Corrupted`] if the
    /// slot opens but the secret does not authenticate (the file was altered
    /// and its checksum recomputed). A failed upgrade is not an error.
    pub fn unlock(&mut self, password: &Password, policy: &KdfPolicy) -> Result<Unlocked> {
        let (data_key, _) =
            slots::unwrap_password_slot(&self.file.id, &self.file.password, password)?;
        let secret = decrypt_secret(&self.file, &data_key)?;
        let from = self.file.password.params;
        let kdf_upgrade = if from.is_below(&policy.floor()) {
            match self.upgrade(password, policy, &data_key) {
                Ok(to) => KdfUpgrade::Upgraded { from, to },
                Err(error) => KdfUpgrade::Failed { from, error },
            }
        } else {
            KdfUpgrade::NotNeeded
        };
        Ok(Unlocked {
            keystore_id: self.file.id,
            data_key,
            secret,
            kdf_upgrade,
        })
    }

    fn upgrade(
        &mut self,
        password: &Password,
        policy: &KdfPolicy,
        data_key: &Key32,
    ) -> Result<KdfParams> {
        let params = calibrate(policy)?.params;
        self.rewrap_password(password, params, data_key)?;
        Ok(params)
    }

    fn rewrap_password(
        &mut self,
        password: &Password,
        params: KdfParams,
        data_key: &Key32,
    ) -> Result<()> {
        let (slot, kek) = slots::new_password_slot(&self.file.id, password, params, data_key)?;
        let mut next = self.file.clone();
        next.password = slot;
        let check = Check {
            data_key: Some(data_key),
            password_kek: Some(&kek),
            keyring_kek: None,
        };
        self.save(next, &check)
    }

    /// Replace the password: the data key is unwrapped with `old` and
    /// re-wrapped with `new` under `params` (new salt and nonce); the secret
    /// ciphertext and any keyring slot are kept as they are.
    ///
    /// The previous generation (`.bak`) still opens with `old` until the next save.
    ///
    /// # Errors
    /// [`KeystoreError::WrongPassword`] for a wrong `old`;
    /// [`KeystoreError::KdfOutOfBounds`]; I/O and verification errors.
    pub fn change_password(
        &mut self,
        old: &Password,
        new: &Password,
        params: KdfParams,
    ) -> Result<()> {
        params.check_bounds()?;
        let (data_key, _) = slots::unwrap_password_slot(&self.file.id, &self.file.password, old)?;
        decrypt_secret(&self.file, &data_key)?;
        self.rewrap_password(new, params, &data_key)
    }

    /// Add (or replace) the OS-keyring slot: a fresh random key is saved in
    /// `store` (service [`KEYRING_SERVICE`], user = keystore id in hex) and
    /// wraps the data key.
    ///
    /// # Errors
    /// [`KeystoreError::ForeignUnlocked`] if `unlocked` is from another
    /// keystore; [`KeystoreError::KeyringUnavailable`] if the store refuses
    /// (the file is then unchanged); I/O and verification errors (the new
    /// OS entry is then deleted again).
    pub fn add_keyring_slot(&mut self, unlocked: &Unlocked, store: &CredentialStore) -> Result<()> {
        if unlocked.keystore_id != self.file.id {
            return Err(KeystoreError::ForeignUnlocked);
        }
        let user = keyring_slot::to_hex(&self.file.id);
        let kek = random_key()?;
        keyring_slot::store_kek(store, KEYRING_SERVICE, &user, &kek)?;
        let slot = slots::new_keyring_slot(
            &self.file.id,
            KEYRING_SERVICE,
            &user,
            &kek,
            &unlocked.data_key,
        );
        let saved = slot.and_then(|slot| {
            let mut next = self.file.clone();
            next.keyring = Some(slot);
            let check = Check {
                data_key: Some(&unlocked.data_key),
                password_kek: None,
                keyring_kek: Some(&kek),
            };
            self.save(next, &check)
        });
        if saved.is_err() {
            // Best effort: an orphaned entry unlocks nothing, but do not leave clutter.
            let _ = keyring_slot::delete_kek(store, KEYRING_SERVICE, &user);
        }
        saved
    }

    /// Decrypt the secret with the key kept in the OS credential store.
    ///
    /// # Errors
    /// [`KeystoreError::NoKeyringSlot`]; [`KeystoreError::KeyringUnavailable`];
    /// [`KeystoreError::KeyringEntryMissing`]; [`KeystoreError::KeyringMismatch`]
    /// if the entry does not open the slot; [`KeystoreError::Corrupted`] as in
    /// [`Keystore::unlock`].
    pub fn unlock_with_keyring(&self, store: &CredentialStore) -> Result<Unlocked> {
        let slot = self
            .file
            .keyring
            .as_ref()
            .ok_or(KeystoreError::NoKeyringSlot)?;
        let kek = keyring_slot::load_kek(store, &slot.service, &slot.user)?;
        let data_key = slots::unwrap_keyring_slot(&self.file.id, slot, &kek)
            .ok_or(KeystoreError::KeyringMismatch)?;
        let secret = decrypt_secret(&self.file, &data_key)?;
        Ok(Unlocked {
            keystore_id: self.file.id,
            data_key,
            secret,
            kdf_upgrade: KdfUpgrade::Skipped,
        })
    }

    /// Remove the OS-keyring slot from the file, then delete its OS entry.
    ///
    /// # Errors
    /// [`KeystoreError::NoKeyringSlot`]; I/O and verification errors (file
    /// unchanged). A keyring error (`KeyringUnavailable`, ...) means the file
    /// no longer has the slot but the OS entry could not be deleted.
    pub fn remove_keyring_slot(&mut self, store: &CredentialStore) -> Result<()> {
        let slot = self
            .file
            .keyring
            .clone()
            .ok_or(KeystoreError::NoKeyringSlot)?;
        let mut next = self.file.clone();
        next.keyring = None;
        self.save(next, &Check::default())?;
        keyring_slot::delete_kek(store, &slot.service, &slot.user)
    }

    /// Encode `next`, write it crash-safely, verify what was read back with
    /// the key material in `check`, and adopt it.
    fn save(&mut self, next: KeystoreFile, check: &Check<'_>) -> Result<()> {
        let bytes = next.encode()?;
        file_io::replace_crash_safe(&self.path, &bytes, |back| {
            verify_written(&next, back, check)
        })?;
        self.file = next;
        Ok(())
    }
}

fn too_large(what: &'static str, len: usize, max: usize) -> Result<()> {
    if len > max {
        return Err(KeystoreError::TooLarge { what, len, max });
    }
    Ok(())
}

fn decrypt_secret(file: &KeystoreFile, data_key: &Key32) -> Result<Zeroizing<Vec<u8>>> {
    cipher::open(
        data_key,
        &file.data_nonce,
        &file.secret_aad()?,
        &file.secret_ct,
    )
    .ok_or(KeystoreError::Corrupted {
        detail: "the secret does not authenticate under the unwrapped data key",
    })
}

fn verify_written(
    expected: &KeystoreFile,
    back: &[u8],
    check: &Check<'_>,
) -> Result<(), &'static str> {
    let file = KeystoreFile::decode(back).map_err(|_| "the file read back does not parse")?;
    if &file != expected {
        return Err("the file read back parses to different contents");
    }
    if let Some(data_key) = check.data_key {
        decrypt_secret(&file, data_key).map_err(|_| "the secret read back does not decrypt")?;
        if let Some(kek) = check.password_kek {
            let got = slots::unwrap_password_with_kek(&file.id, &file.password, kek);
            if got.as_deref() != Some(&**data_key) {
                return Err("the password slot read back does not unwrap the data key");
            }
        }
        if let (Some(kek), Some(slot)) = (check.keyring_kek, &file.keyring) {
            let got = slots::unwrap_keyring_slot(&file.id, slot, kek);
            if got.as_deref() != Some(&**data_key) {
                return Err("the keyring slot read back does not unwrap the data key");
            }
        }
    }
    Ok(())
}
