//! The directory of wallet files.
//!
//! Layout: `<data dir>/wallets/<name>.jks` (the keystore, `docs/keystore.md`) and
//! `<name>.settings.json` (changeable settings). The keystore keeps its own backup
//! generation (`<name>.jks.bak`). A watch-only wallet paired from a cold device is
//! `<name>.watch.json` instead of a keystore (`docs/cold-signing.md`).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use jifen_crypto::hd::{AccountSecret, AccountXpub, Chain, MasterKey};
use jifen_crypto::keystore::{
    CredentialStore, KdfParams, KdfPolicy, KdfUpgrade, Keystore, Password,
};
use jifen_crypto::mnemonic::Mnemonic;
use jifen_crypto::signer::{MessageSignature, SecretKey};
use jifen_protocol::{Address, Network};
use zeroize::Zeroizing;

use crate::error::WalletError;
use crate::record::{
    MAX_PASSPHRASE_BYTES, WalletMeta, WalletSecret, WalletSettings, WatchOnlyRecord,
};

const KEYSTORE_EXTENSION: &str = "jks";
const WATCH_ONLY_SUFFIX: &str = ".watch.json";
const SETTINGS_SUFFIX: &str = ".settings.json";

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

    /// Names of the wallets in the directory, sorted.
    ///
    /// # Errors
    /// [`WalletError::Directory`] if the directory cannot be read.
    pub fn names(&self) -> Result<Vec<String>, WalletError> {
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
        if path.exists() || self.watch_only_path(new.name).exists() {
            return Err(WalletError::AlreadyExists {
                name: new.name.to_owned(),
            });
        }
        fs::create_dir_all(&self.dir).map_err(WalletError::Directory)?;
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
            keystore: Some(keystore),
            watch_only: None,
            meta,
            settings,
        })
    }

    /// Writes a watch-only wallet (paired from a cold device): the record only, no
    /// keystore. The account key in it is checked before anything is written; the
    /// file is written crash-safely (temporary file, fsync, rename, fsync directory).
    ///
    /// # Errors
    /// [`WalletError::InvalidName`], [`WalletError::AlreadyExists`], a derivation
    /// error or [`WalletError::BadMeta`] for an unusable account key, or
    /// [`WalletError::Directory`] if the file cannot be written.
    pub fn create_watch_only(
        &self,
        name: &str,
        record: &WatchOnlyRecord,
    ) -> Result<WalletHandle, WalletError> {
        validate_name(name)?;
        let path = self.watch_only_path(name);
        if path.exists() || self.keystore_path(name).exists() {
            return Err(WalletError::AlreadyExists {
                name: name.to_owned(),
            });
        }
        let handle = WalletHandle {
            name: name.to_owned(),
            settings_path: self.settings_path(name),
            keystore: None,
            watch_only: Some(record.clone()),
            meta: record.meta.clone(),
            settings: WalletSettings::default(),
        };
        handle.account()?;
        fs::create_dir_all(&self.dir).map_err(WalletError::Directory)?;
        write_new_file(&self.dir, &path, &record.encode()).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                WalletError::AlreadyExists {
                    name: name.to_owned(),
                }
            } else {
                WalletError::Directory(e)
            }
        })?;
        Ok(handle)
    }

    /// Opens a wallet (no password needed: only public facts are read).
    ///
    /// # Errors
    /// [`WalletError::InvalidName`], [`WalletError::NotFound`], a keystore error for a
    /// damaged file, or [`WalletError::BadMeta`].
    pub fn open(&self, name: &str) -> Result<WalletHandle, WalletError> {
        validate_name(name)?;
        let path = self.keystore_path(name);
        if !path.exists() {
            let watch_path = self.watch_only_path(name);
            return match fs::read(&watch_path) {
                Ok(bytes) => {
                    let record = WatchOnlyRecord::decode(&bytes)?;
                    Ok(WalletHandle {
                        name: name.to_owned(),
                        settings_path: self.settings_path(name),
                        keystore: None,
                        meta: record.meta.clone(),
                        watch_only: Some(record),
                        settings: read_settings(&self.settings_path(name))?,
                    })
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(WalletError::NotFound {
                    name: name.to_owned(),
                }),
                Err(e) => Err(WalletError::Directory(e)),
            };
        }
        let keystore = Keystore::open(&path)?;
        let meta = WalletMeta::decode(keystore.public_meta())?;
        let settings = read_settings(&self.settings_path(name))?;
        Ok(WalletHandle {
            name: name.to_owned(),
            settings_path: self.settings_path(name),
            keystore: Some(keystore),
            watch_only: None,
            meta,
            settings,
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

fn read_settings(path: &Path) -> Result<WalletSettings, WalletError> {
    match fs::read(path) {
        // Settings are conveniences: a damaged file falls back to defaults, which only
        // means the backup check is offered again.
        Ok(bytes) => Ok(serde_json::from_slice(&bytes).unwrap_or_default()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(WalletSettings::default()),
        Err(e) => Err(WalletError::Settings(e)),
    }
}

/// Writes `bytes` to a new file at `path` crash-safely: a temporary file in the same
/// directory, fsync, a rename that fails if `path` exists (hard link + unlink), and
/// an fsync of the directory.
fn write_new_file(dir: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    fn write_and_link(dir: &Path, tmp: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        let mut file = fs::File::create(tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        // A hard link never replaces an existing file.
        fs::hard_link(tmp, path)?;
        fs::File::open(dir)?.sync_all()
    }
    let tmp = path.with_extension("tmp");
    let result = write_and_link(dir, &tmp, path, bytes);
    let _ = fs::remove_file(&tmp);
    result
}

fn write_settings(path: &Path, settings: &WalletSettings) -> Result<(), WalletError> {
    let tmp = path.with_extension("json.tmp");
    let bytes = serde_json::to_vec_pretty(settings).unwrap_or_default();
    let mut file = fs::File::create(&tmp).map_err(WalletError::Settings)?;
    file.write_all(&bytes).map_err(WalletError::Settings)?;
    file.sync_all().map_err(WalletError::Settings)?;
    fs::rename(&tmp, path).map_err(WalletError::Settings)
}

/// An opened wallet: public facts available, secret still encrypted.
#[derive(Debug)]
pub struct WalletHandle {
    name: String,
    settings_path: PathBuf,
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

    /// Records that the backup check passed.
    ///
    /// # Errors
    /// [`WalletError::Settings`] if the settings file cannot be written.
    pub fn set_backup_verified(&mut self) -> Result<(), WalletError> {
        self.settings.backup_verified = true;
        write_settings(&self.settings_path, &self.settings)
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
    pub fn unlock(
        &mut self,
        password: &Password,
        policy: &KdfPolicy,
    ) -> Result<UnlockedWallet, WalletError> {
        let unlocked = self.keystore_mut()?.unlock(password, policy)?;
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

    /// Changes the password; only the data key is re-wrapped.
    ///
    /// # Errors
    /// [`jifen_crypto::keystore::KeystoreError::WrongPassword`] and the other keystore errors.
    pub fn change_password(
        &mut self,
        old: &Password,
        new: &Password,
        kdf: KdfParams,
    ) -> Result<(), WalletError> {
        self.keystore_mut()?.change_password(old, new, kdf)?;
        Ok(())
    }

    /// Adds an OS-keyring slot so the wallet opens without typing the password.
    ///
    /// # Errors
    /// Keystore errors, including `KeyringUnavailable`.
    pub fn add_keyring_slot(
        &mut self,
        password: &Password,
        policy: &KdfPolicy,
        store: &CredentialStore,
    ) -> Result<(), WalletError> {
        let keystore = self.keystore_mut()?;
        let unlocked = keystore.unlock(password, policy)?;
        keystore.add_keyring_slot(&unlocked, store)?;
        Ok(())
    }

    /// Removes the OS-keyring slot and its keyring entry.
    ///
    /// # Errors
    /// Keystore errors.
    pub fn remove_keyring_slot(&mut self, store: &CredentialStore) -> Result<(), WalletError> {
        self.keystore_mut()?.remove_keyring_slot(store)?;
        Ok(())
    }
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
