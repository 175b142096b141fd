//! The directory of wallet files.
//!
//! Layout: `<data dir>/wallets/<name>.jks` (the keystore, `docs/keystore.md`) and
//! `<name>.settings.json` (changeable settings). The keystore keeps its own backup
//! generation (`<name>.jks.bak`). A watch-only wallet paired from a cold device is
//! `<name>.watch.json` instead of a keystore (`docs/cold-signing.md`).
//!
//! Every file goes through `jifen-files` (`docs/adr/0010-durable-files-and-test-environment.md`):
//! the data and wallet directories are 0700, files are written 0600 and
//! crash-safely, reads are bounded and refuse anything but a regular file
//! (a FIFO at a wallet path cannot hang a listing). `<name>.lock` is the
//! wallet's lock across processes: whatever rewrites the keystore or the
//! settings holds it from reading the file to writing it, so two processes
//! changing one wallet never lose an update (the second gets `files-locked`).

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use jifen_crypto::hd::{AccountSecret, AccountXpub, Chain, MasterKey};
use jifen_crypto::keystore::{
    CredentialStore, KdfParams, KdfPolicy, KdfUpgrade, Keystore, KeystoreError, Password,
};
use jifen_crypto::mnemonic::Mnemonic;
use jifen_crypto::signer::{MessageSignature, SecretKey};
use jifen_files::{
    FileError, Lock, create_private_dir_all, read_bounded, remove_leftover_temps, write_atomic,
    write_new,
};
use jifen_protocol::{Address, Network};
use zeroize::Zeroizing;

use crate::error::WalletError;
use crate::record::{
    MAX_PASSPHRASE_BYTES, WalletMeta, WalletSecret, WalletSettings, WatchOnlyRecord,
};

const KEYSTORE_EXTENSION: &str = "jks";
const WATCH_ONLY_SUFFIX: &str = ".watch.json";
const SETTINGS_SUFFIX: &str = ".settings.json";
const LOCK_SUFFIX: &str = ".lock";

/// Largest watch-only record read: a record is under 1 KiB (an account key
/// and a few short fields); anything this large is not one.
pub const MAX_WATCH_ONLY_BYTES: u64 = 64 * 1024;

/// Largest settings file read: it holds one flag (under 100 bytes).
pub const MAX_SETTINGS_BYTES: u64 = 64 * 1024;

/// How long a settings write waits for the wallet's lock: its other holders
/// keep it for one save (a keystore rewrite, about a second of key
/// derivation). Keystore rewrites themselves never wait: a second one is
/// refused with `files-locked` at once (see [`WalletHandle::change_password`]).
const SETTINGS_LOCK_WAIT: Duration = Duration::from_secs(5);

/// A file error as a wallet error, keeping its `files-*` code and
/// arguments.
pub(crate) fn file_error(error: FileError) -> WalletError {
    WalletError::File(error)
}

/// A directory of wallets.
#[derive(Clone, Debug)]
pub struct WalletStore {
    dir: PathBuf,
}

/// What a listing shows about one wallet, readable without its password.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WalletSummary {
    /// The wallet's name.
    pub name: String,
    /// Its network.
    pub network: Network,
    /// First receive address.
    pub first_address: Address,
    /// Whether the mnemonic backup was checked.
    pub backup_verified: bool,
    /// Whether an OS-keyring slot exists.
    pub has_keyring_slot: bool,
    /// Whether the wallet is watch-only (signs on a cold device).
    pub watch_only: bool,
}

/// One row of [`WalletStore::list`]: a name and its summary, or why it is unreadable.
pub type Listed = (String, Result<WalletSummary, WalletError>);

/// Everything needed to write a new wallet.
#[derive(Debug)]
pub struct NewWallet<'a> {
    /// File name (1-64 letters, digits, `-`, `_`).
    pub name: &'a str,
    /// The mnemonic.
    pub mnemonic: &'a Mnemonic,
    /// Optional BIP39 passphrase (empty for none).
    pub passphrase: &'a str,
    /// The wallet password.
    pub password: &'a Password,
    /// Network of the addresses.
    pub network: Network,
    /// Argon2id parameters (from `jifen_crypto::keystore::calibrate`).
    pub kdf: KdfParams,
    /// Whether the backup check already passed.
    pub backup_verified: bool,
}

impl WalletStore {
    /// The wallets under `data_dir/wallets`.
    pub fn new(data_dir: &Path) -> Self {
        WalletStore {
            dir: data_dir.join("wallets"),
        }
    }

    /// Where wallet files live.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn keystore_path(&self, name: &str) -> PathBuf {
        self.dir.join(format!("{name}.{KEYSTORE_EXTENSION}"))
    }

    fn settings_path(&self, name: &str) -> PathBuf {
        self.dir.join(format!("{name}{SETTINGS_SUFFIX}"))
    }

    fn watch_only_path(&self, name: &str) -> PathBuf {
        self.dir.join(format!("{name}{WATCH_ONLY_SUFFIX}"))
    }

    /// `<wallets>/<name>.lock`: held by whatever rewrites that wallet's files.
    pub fn lock_path(&self, name: &str) -> PathBuf {
        self.dir.join(format!("{name}{LOCK_SUFFIX}"))
    }

    /// Makes the data directory and `wallets/`, if they exist, 0700 (an
    /// earlier version made them 0755): best effort, creating nothing, so
    /// that a listing on a read-only disk still works.
    fn tighten_existing_dirs(&self) {
        let data = self.dir.parent().filter(|d| !d.as_os_str().is_empty());
        for dir in [data, Some(self.dir.as_path())].into_iter().flatten() {
            if dir.is_dir() {
                let _ = create_private_dir_all(dir);
            }
        }
    }

    /// Creates the data directory and `wallets/` with mode 0700, tightening
    /// them if an earlier version made them 0755.
    ///
    /// # Errors
    /// `files-*` errors (as [`WalletError::Keystore`]).
    pub fn create_dirs(&self) -> Result<(), WalletError> {
        if let Some(data) = self.dir.parent().filter(|d| !d.as_os_str().is_empty()) {
            create_private_dir_all(data).map_err(file_error)?;
        }
        create_private_dir_all(&self.dir).map_err(file_error)
    }

    /// Names of the wallets in the directory, sorted.
    ///
    /// # Errors
    /// [`WalletError::Directory`] if the directory cannot be read.
    pub fn names(&self) -> Result<Vec<String>, WalletError> {
        self.tighten_existing_dirs();
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(WalletError::Directory(e)),
        };
        let mut names = Vec::new();
        for entry in entries {
            let path = entry.map_err(WalletError::Directory)?.path();
            let file_name = path.file_name().and_then(|s| s.to_str()).unwrap_or("");
            let stem = if let Some(stem) = file_name.strip_suffix(WATCH_ONLY_SUFFIX) {
                stem
            } else if path.extension().and_then(|e| e.to_str()) == Some(KEYSTORE_EXTENSION) {
                path.file_stem().and_then(|s| s.to_str()).unwrap_or("")
            } else {
                continue;
            };
            if validate_name(stem).is_ok() {
                names.push(stem.to_owned());
            }
        }
        names.sort();
        names.dedup();
        Ok(names)
    }

    /// Every wallet with its summary, or the error that kept it from being read.
    ///
    /// # Errors
    /// [`WalletError::Directory`] if the directory cannot be read.
    pub fn list(&self) -> Result<Vec<Listed>, WalletError> {
        Ok(self
            .names()?
            .into_iter()
            .map(|name| {
                let summary = self.open(&name).and_then(|w| w.summary());
                (name, summary)
            })
            .collect())
    }

    /// The wallet to use: `name` if given, else the only wallet there is.
    ///
    /// # Errors
    /// [`WalletError::NoWallets`], [`WalletError::WalletNotChosen`], or as [`WalletStore::open`].
    pub fn choose(&self, name: Option<&str>) -> Result<WalletHandle, WalletError> {
        if let Some(name) = name {
            return self.open(name);
        }
        let names = self.names()?;
        match names.as_slice() {
            [] => Err(WalletError::NoWallets),
            [only] => self.open(only),
            _ => Err(WalletError::WalletNotChosen { names }),
        }
    }

    /// Writes a new wallet file.
    ///
    /// # Errors
    /// [`WalletError::InvalidName`], [`WalletError::AlreadyExists`],
    /// [`WalletError::PassphraseTooLong`], or a keystore error.
    pub fn create(&self, new: &NewWallet<'_>) -> Result<WalletHandle, WalletError> {
        validate_name(new.name)?;
        if new.passphrase.len() > MAX_PASSPHRASE_BYTES {
            return Err(WalletError::PassphraseTooLong);
        }
        let path = self.keystore_path(new.name);
        self.create_dirs()?;
        // Held until the wallet's files are written: two processes creating
        // the same name cannot both pass the check below.
        let _lock = Lock::try_acquire(self.lock_path(new.name)).map_err(file_error)?;
        if self.exists(new.name) {
            return Err(WalletError::AlreadyExists {
                name: new.name.to_owned(),
            });
        }
        let seed = new.mnemonic.to_seed(new.passphrase);
        let master = MasterKey::from_seed(&seed)?;
        let account = master.account(0)?.watch_only();
        let meta = WalletMeta {
            format: 1,
            network: new.network.to_string(),
            account: account.account(),
            master_fingerprint: hex::encode(account.master_fingerprint()),
            account_xpub: account.to_string_for(new.network),
            created_at: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0),
        };
        let secret = WalletSecret {
            mnemonic: new.mnemonic.clone(),
            passphrase: Zeroizing::new(new.passphrase.to_owned()),
        };
        let keystore = Keystore::create(
            &path,
            &secret.encode(),
            &meta.encode(),
            new.password,
            new.kdf,
        )?;
        let settings = WalletSettings {
            backup_verified: new.backup_verified,
        };
        write_settings(&self.settings_path(new.name), &settings)?;
        Ok(WalletHandle {
            name: new.name.to_owned(),
            settings_path: self.settings_path(new.name),
            lock_path: self.lock_path(new.name),
            keystore: Some(keystore),
            watch_only: None,
            meta,
            settings,
        })
    }

    /// Writes a watch-only wallet (paired from a cold device): the record only, no
    /// keystore. The account key in it is checked before anything is written; the
    /// file is created crash-safely and mode 0600 (`jifen_files::write_new`).
    ///
    /// # Errors
    /// [`WalletError::InvalidName`], [`WalletError::AlreadyExists`], a derivation
    /// error or [`WalletError::BadMeta`] for an unusable account key, or a
    /// `files-*` error if the file cannot be written.
    pub fn create_watch_only(
        &self,
        name: &str,
        record: &WatchOnlyRecord,
    ) -> Result<WalletHandle, WalletError> {
        validate_name(name)?;
        let path = self.watch_only_path(name);
        let handle = WalletHandle {
            name: name.to_owned(),
            settings_path: self.settings_path(name),
            lock_path: self.lock_path(name),
            keystore: None,
            watch_only: Some(record.clone()),
            meta: record.meta.clone(),
            settings: WalletSettings::default(),
        };
        handle.account()?;
        self.create_dirs()?;
        let _lock = Lock::try_acquire(self.lock_path(name)).map_err(file_error)?;
        let exists = || WalletError::AlreadyExists {
            name: name.to_owned(),
        };
        if self.exists(name) {
            return Err(exists());
        }
        // Under the lock no one else writes this name: what is left is a killed writer's.
        remove_leftover_temps(&path).map_err(file_error)?;
        write_new(&path, &record.encode()).map_err(|e| match e {
            FileError::AlreadyExists { .. } => exists(),
            other => file_error(other),
        })?;
        Ok(handle)
    }

    /// Whether anything (a keystore or a watch-only record, of any file
    /// kind, even a dangling link) holds the name.
    fn exists(&self, name: &str) -> bool {
        [self.keystore_path(name), self.watch_only_path(name)]
            .iter()
            .any(|p| p.symlink_metadata().is_ok())
    }

    /// Opens a wallet (no password needed: only public facts are read).
    ///
    /// # Errors
    /// [`WalletError::InvalidName`], [`WalletError::NotFound`], a keystore error for a
    /// damaged file, or [`WalletError::BadMeta`].
    pub fn open(&self, name: &str) -> Result<WalletHandle, WalletError> {
        validate_name(name)?;
        let settings_path = self.settings_path(name);
        let lock_path = self.lock_path(name);
        let keystore = match Keystore::open(self.keystore_path(name)) {
            Ok(keystore) => keystore,
            Err(KeystoreError::NotFound { .. }) => {
                let bytes = read_bounded(self.watch_only_path(name), MAX_WATCH_ONLY_BYTES)
                    .map_err(|e| match e {
                        FileError::NotFound { .. } => WalletError::NotFound {
                            name: name.to_owned(),
                        },
                        other => file_error(other),
                    })?;
                let record = WatchOnlyRecord::decode(&bytes)?;
                return Ok(WalletHandle {
                    name: name.to_owned(),
                    settings: read_settings(&settings_path)?,
                    settings_path,
                    lock_path,
                    keystore: None,
                    meta: record.meta.clone(),
                    watch_only: Some(record),
                });
            }
            Err(e) => return Err(e.into()),
        };
        let meta = WalletMeta::decode(keystore.public_meta())?;
        Ok(WalletHandle {
            name: name.to_owned(),
            settings: read_settings(&settings_path)?,
            settings_path,
            lock_path,
            keystore: Some(keystore),
            watch_only: None,
            meta,
        })
    }
}

/// Wallet names: 1-64 characters, each a letter or digit (any script), `-` or `_`.
///
/// # Errors
/// [`WalletError::InvalidName`] otherwise.
pub fn validate_name(name: &str) -> Result<(), WalletError> {
    let ok = !name.is_empty()
        && name.chars().count() <= 64
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(WalletError::InvalidName {
            name: name.to_owned(),
        })
    }
}

/// The settings beside a wallet. They are conveniences: a damaged file, one
/// too large or not a regular file (a FIFO is refused without blocking)
/// reads as the defaults, which only means the backup check is offered again.
fn read_settings(path: &Path) -> Result<WalletSettings, WalletError> {
    match read_bounded(path, MAX_SETTINGS_BYTES) {
        Ok(bytes) => Ok(serde_json::from_slice(&bytes).unwrap_or_default()),
        Err(
            FileError::NotFound { .. } | FileError::WrongKind { .. } | FileError::TooLarge { .. },
        ) => Ok(WalletSettings::default()),
        Err(e) => Err(file_error(e)),
    }
}

/// Replaces the settings file (0600, crash-safely). The caller holds the
/// wallet's lock, so a leftover temporary file is a killed writer's.
fn write_settings(path: &Path, settings: &WalletSettings) -> Result<(), WalletError> {
    let bytes = serde_json::to_vec_pretty(settings).unwrap_or_default();
    remove_leftover_temps(path).map_err(file_error)?;
    write_atomic(path, &bytes).map_err(file_error)
}

/// An opened wallet: public facts available, secret still encrypted.
#[derive(Debug)]
pub struct WalletHandle {
    name: String,
    settings_path: PathBuf,
    /// `<wallets>/<name>.lock`.
    lock_path: PathBuf,
    /// `None` for a watch-only wallet.
    keystore: Option<Keystore>,
    /// The pairing record of a watch-only wallet.
    watch_only: Option<WatchOnlyRecord>,
    meta: WalletMeta,
    settings: WalletSettings,
}

impl WalletHandle {
    /// The wallet's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// A path naming this wallet uniquely in this process (its settings
    /// file), for state kept per wallet such as the password throttle.
    pub(crate) fn identity(&self) -> &Path {
        &self.settings_path
    }

    /// The public record.
    pub fn meta(&self) -> &WalletMeta {
        &self.meta
    }

    /// Whether this wallet is watch-only (paired from a cold device; no secret).
    pub fn is_watch_only(&self) -> bool {
        self.keystore.is_none()
    }

    /// The pairing record of a watch-only wallet.
    pub fn watch_only_record(&self) -> Option<&WatchOnlyRecord> {
        self.watch_only.as_ref()
    }

    /// The keystore, or [`WalletError::WatchOnly`].
    fn keystore_mut(&mut self) -> Result<&mut Keystore, WalletError> {
        match &mut self.keystore {
            Some(keystore) => Ok(keystore),
            None => Err(WalletError::WatchOnly {
                name: self.name.clone(),
            }),
        }
    }

    /// Runs `change` on the keystore as it is on disk now, holding the
    /// wallet's lock from reading the file to writing it, and keeps the
    /// result (what is on disk, even when `change` failed).
    ///
    /// The lock is taken without waiting: a second process rewriting the
    /// same wallet is refused with `files-locked` at once rather than
    /// waiting behind a key derivation and then finding, say, that the
    /// password it was given has just been changed. Reading again under the
    /// lock is what prevents the lost update: the copy read when the wallet
    /// was opened may have been replaced since by another process.
    fn rewrite<T>(
        &mut self,
        change: impl FnOnce(&mut Keystore) -> Result<T, WalletError>,
    ) -> Result<T, WalletError> {
        self.keystore_mut()?;
        let lock = Lock::try_acquire(&self.lock_path).map_err(file_error)?;
        self.rewrite_locked(&lock, change)
    }

    /// [`WalletHandle::rewrite`] with the lock in hand.
    fn rewrite_locked<T>(
        &mut self,
        _held: &Lock,
        change: impl FnOnce(&mut Keystore) -> Result<T, WalletError>,
    ) -> Result<T, WalletError> {
        let path = self.keystore_mut()?.path().to_path_buf();
        let mut current = Keystore::open(&path)?;
        let result = change(&mut current);
        self.meta = WalletMeta::decode(current.public_meta())?;
        self.keystore = Some(current);
        result
    }

    /// The network of this wallet.
    ///
    /// # Errors
    /// [`WalletError::BadMeta`] for an unknown network name.
    pub fn network(&self) -> Result<Network, WalletError> {
        self.meta.network()
    }

    /// The watch-only account.
    ///
    /// # Errors
    /// [`WalletError::BadMeta`] or a derivation error if the record is damaged.
    pub fn account(&self) -> Result<AccountXpub, WalletError> {
        let mut fingerprint = [0u8; 4];
        hex::decode_to_slice(&self.meta.master_fingerprint, &mut fingerprint).map_err(|_| {
            WalletError::BadMeta {
                detail: "bad fingerprint",
            }
        })?;
        Ok(AccountXpub::parse(
            &self.meta.account_xpub,
            self.network()?,
            self.meta.account,
            fingerprint,
        )?)
    }

    /// `count` addresses of `chain` starting at `start`.
    ///
    /// # Errors
    /// As [`WalletHandle::account`], or an index out of range.
    pub fn addresses(
        &self,
        chain: Chain,
        start: u32,
        count: u32,
    ) -> Result<Vec<(u32, Address)>, WalletError> {
        let account = self.account()?;
        let end = start.saturating_add(count);
        (start..end)
            .map(|i| Ok((i, account.address(chain, i)?)))
            .collect()
    }

    /// A summary for listings.
    ///
    /// # Errors
    /// As [`WalletHandle::addresses`].
    pub fn summary(&self) -> Result<WalletSummary, WalletError> {
        Ok(WalletSummary {
            name: self.name.clone(),
            network: self.network()?,
            first_address: self.account()?.address(Chain::Receive, 0)?,
            backup_verified: self.settings.backup_verified,
            has_keyring_slot: self.has_keyring_slot(),
            watch_only: self.is_watch_only(),
        })
    }

    /// Whether the backup check has passed.
    pub fn backup_verified(&self) -> bool {
        self.settings.backup_verified
    }

    /// Records that the backup check passed: under the wallet's lock (waiting
    /// a few seconds for another holder), the settings are read again, the
    /// flag set and the file replaced.
    ///
    /// # Errors
    /// `files-locked` if another process keeps the wallet's lock; other
    /// `files-*` errors if the settings cannot be written.
    pub fn set_backup_verified(&mut self) -> Result<(), WalletError> {
        let _lock =
            Lock::acquire_within(&self.lock_path, SETTINGS_LOCK_WAIT).map_err(file_error)?;
        let mut settings = read_settings(&self.settings_path)?;
        settings.backup_verified = true;
        write_settings(&self.settings_path, &settings)?;
        self.settings = settings;
        Ok(())
    }

    /// Whether the keystore has an OS-keyring slot (never for a watch-only wallet).
    pub fn has_keyring_slot(&self) -> bool {
        self.keystore
            .as_ref()
            .is_some_and(Keystore::has_keyring_slot)
    }

    /// The keystore's current Argon2id parameters (`None` for a watch-only wallet).
    pub fn kdf_params(&self) -> Option<KdfParams> {
        self.keystore.as_ref().map(Keystore::kdf_params)
    }

    /// Decrypts the wallet with its password. If the file's KDF parameters are below
    /// `policy`'s floor, the keystore re-wraps itself with stronger ones (reported by
    /// [`UnlockedWallet::kdf_upgraded`]).
    ///
    /// # Errors
    /// [`jifen_crypto::keystore::KeystoreError::WrongPassword`] and the other keystore
    /// errors, [`WalletError::AccountMismatch`], or [`WalletError::WatchOnly`].
    ///
    /// The upgrade rewrites the keystore, so it happens under the wallet's
    /// lock on the file as it is on disk then. When the lock cannot be had
    /// (another process is changing this wallet) the wallet is unlocked
    /// without the upgrade ([`UnlockedWallet::kdf_upgrade_failed`]); the
    /// next unlock tries again.
    pub fn unlock(
        &mut self,
        password: &Password,
        policy: &KdfPolicy,
    ) -> Result<UnlockedWallet, WalletError> {
        let keystore = self.keystore_mut()?;
        let unlocked = if !keystore.kdf_params().is_below(&policy.floor()) {
            // Nothing will be written: no lock needed.
            keystore.unlock(password, policy)?
        } else {
            match Lock::try_acquire(&self.lock_path) {
                Ok(lock) => {
                    self.rewrite_locked(&lock, |current| Ok(current.unlock(password, policy)?))?
                }
                // Busy, or impossible here (a read-only folder): unlock now,
                // upgrade on a later unlock.
                Err(_) => {
                    let keystore = self.keystore_mut()?;
                    let as_it_is = no_upgrade(keystore.kdf_params(), policy)?;
                    let unlocked = keystore.unlock(password, &as_it_is)?;
                    return self.finish_unlock(unlocked.secret(), UpgradeOutcome::Failed);
                }
            }
        };
        let upgrade = match unlocked.kdf_upgrade() {
            KdfUpgrade::Upgraded { .. } => UpgradeOutcome::Upgraded,
            KdfUpgrade::Failed { .. } => UpgradeOutcome::Failed,
            _ => UpgradeOutcome::None,
        };
        self.finish_unlock(unlocked.secret(), upgrade)
    }

    /// Decrypts the wallet with the key kept in the OS keyring.
    ///
    /// # Errors
    /// [`jifen_crypto::keystore::KeystoreError::KeyringUnavailable`] if the keyring
    /// cannot be reached (the password still works), and the other keystore errors.
    pub fn unlock_with_keyring(
        &mut self,
        store: &CredentialStore,
    ) -> Result<UnlockedWallet, WalletError> {
        let unlocked = self.keystore_mut()?.unlock_with_keyring(store)?;
        self.finish_unlock(unlocked.secret(), UpgradeOutcome::None)
    }

    fn finish_unlock(
        &self,
        secret: &[u8],
        upgrade: UpgradeOutcome,
    ) -> Result<UnlockedWallet, WalletError> {
        self.finish_secret(WalletSecret::decode(secret)?, upgrade)
    }

    /// The keys of a mnemonic the caller already holds (just created or
    /// typed), checked against this wallet's account record: no second key
    /// derivation from the password.
    pub(crate) fn unlocked_with(
        &self,
        mnemonic: &Mnemonic,
        passphrase: &str,
    ) -> Result<UnlockedWallet, WalletError> {
        self.finish_secret(
            WalletSecret {
                mnemonic: mnemonic.clone(),
                passphrase: Zeroizing::new(passphrase.to_owned()),
            },
            UpgradeOutcome::None,
        )
    }

    fn finish_secret(
        &self,
        secret: WalletSecret,
        upgrade: UpgradeOutcome,
    ) -> Result<UnlockedWallet, WalletError> {
        let seed = secret.mnemonic.to_seed(&secret.passphrase);
        let master = MasterKey::from_seed(&seed)?;
        let account = master.account(self.meta.account)?;
        if account.watch_only() != self.account()? {
            return Err(WalletError::AccountMismatch);
        }
        Ok(UnlockedWallet {
            secret,
            account,
            network: self.network()?,
            upgrade,
        })
    }

    /// Changes the password; only the data key is re-wrapped. Holds the
    /// wallet's lock from reading the keystore to writing it.
    ///
    /// # Errors
    /// `files-locked` when another process is changing this wallet (nothing
    /// is changed); [`jifen_crypto::keystore::KeystoreError::WrongPassword`]
    /// (also when another process changed the password since the wallet was
    /// opened) and the other keystore errors.
    pub fn change_password(
        &mut self,
        old: &Password,
        new: &Password,
        kdf: KdfParams,
    ) -> Result<(), WalletError> {
        self.rewrite(|keystore| Ok(keystore.change_password(old, new, kdf)?))
    }

    /// Adds an OS-keyring slot so the wallet opens without typing the
    /// password (under the wallet's lock, as [`WalletHandle::change_password`]).
    ///
    /// # Errors
    /// `files-locked`; keystore errors, including `KeyringUnavailable`.
    pub fn add_keyring_slot(
        &mut self,
        password: &Password,
        policy: &KdfPolicy,
        store: &CredentialStore,
    ) -> Result<(), WalletError> {
        self.rewrite(|keystore| {
            let unlocked = keystore.unlock(password, policy)?;
            Ok(keystore.add_keyring_slot(&unlocked, store)?)
        })
    }

    /// Removes the OS-keyring slot and its keyring entry (under the
    /// wallet's lock, as [`WalletHandle::change_password`]).
    ///
    /// # Errors
    /// `files-locked`; keystore errors.
    pub fn remove_keyring_slot(&mut self, store: &CredentialStore) -> Result<(), WalletError> {
        self.rewrite(|keystore| Ok(keystore.remove_keyring_slot(store)?))
    }
}

/// A policy that accepts `current` as it is: unlocking with it writes nothing.
fn no_upgrade(current: KdfParams, policy: &KdfPolicy) -> Result<KdfPolicy, WalletError> {
    let (min, max) = policy.target();
    Ok(KdfPolicy::new(
        current,
        min,
        max,
        policy.max_m_cost_kib().max(current.m_cost_kib),
    )?)
}

/// A decrypted wallet. Secrets are zeroized when it is dropped.
#[derive(Debug)]
pub struct UnlockedWallet {
    secret: WalletSecret,
    account: AccountSecret,
    network: Network,
    upgrade: UpgradeOutcome,
}

/// What unlocking did about weak KDF parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum UpgradeOutcome {
    None,
    Upgraded,
    Failed,
}

impl UnlockedWallet {
    /// The mnemonic (for the backup check and the one-time backup display).
    pub fn mnemonic(&self) -> &Mnemonic {
        &self.secret.mnemonic
    }

    /// The wallet's network.
    pub fn network(&self) -> Network {
        self.network
    }

    /// Whether unlocking upgraded weak KDF parameters.
    pub fn kdf_upgraded(&self) -> bool {
        self.upgrade == UpgradeOutcome::Upgraded
    }

    /// Whether the parameters were weak but could not be upgraded (the file is
    /// unchanged, for example on a read-only disk; the wallet is still unlocked).
    pub fn kdf_upgrade_failed(&self) -> bool {
        self.upgrade == UpgradeOutcome::Failed
    }

    /// The signing key of a receive address.
    ///
    /// # Errors
    /// A derivation error.
    pub fn signing_key(&self, index: u32) -> Result<SecretKey, WalletError> {
        Ok(self.account.signing_key(Chain::Receive, index)?)
    }

    /// The signing key of address `index` on `chain`.
    ///
    /// # Errors
    /// A derivation error.
    pub fn signing_key_at(&self, chain: Chain, index: u32) -> Result<SecretKey, WalletError> {
        Ok(self.account.signing_key(chain, index)?)
    }

    /// The watch-only half of the unlocked account.
    pub fn account_xpub(&self) -> AccountXpub {
        self.account.watch_only()
    }

    /// Signs a message with the key of receive address `index`.
    ///
    /// # Errors
    /// A derivation or signing error.
    pub fn sign_message(
        &self,
        index: u32,
        message: &[u8],
    ) -> Result<MessageSignature, WalletError> {
        Ok(MessageSignature::sign(&self.signing_key(index)?, message)?)
    }
}
