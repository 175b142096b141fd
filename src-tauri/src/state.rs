//! The wallet state the engine thread owns, and every operation on it. Plain Rust
//! over `jifen-wallet`: the Tauri commands in `commands.rs` only forward to these.

use std::path::PathBuf;

use jifen_crypto::hd::Chain;
use jifen_crypto::keystore::{self, KdfParams, KdfPolicy, Password};
use jifen_crypto::mnemonic::{Mnemonic, MnemonicLanguage, WordCount};
use jifen_protocol::Network;
use jifen_wallet::{NewWallet, UnlockedWallet, WalletHandle, WalletStore};
use serde::Serialize;

use crate::error::AppError;
use crate::secret::SecretString;
use crate::settings::{self, AppSettings, LANGUAGES, MODES};

/// How many words the backup check asks for.
pub const BACKUP_CHECK_WORDS: usize = 3;

/// Where and how the app keeps wallets.
#[derive(Clone, Debug)]
pub struct AppConfig {
    /// Data directory (`wallets/`, `app/`, later `chain/`).
    pub data_dir: PathBuf,
    /// Network of new wallets.
    pub network: Network,
    /// Argon2id policy (desktop in the app; small in unit tests).
    pub kdf_policy: KdfPolicy,
    /// Endpoints for this run only (`JIFEN_ENDPOINTS`, comma-separated, primary
    /// first), overriding the saved chain settings without changing them.
    pub endpoints_override: Option<Vec<String>>,
}

impl AppConfig {
    /// The app's defaults: `$JIFEN_DATA_DIR`, else `$XDG_DATA_HOME/jifen`, else
    /// `~/.local/share/jifen` (the CLI's directory, so both see the same wallets);
    /// devnet; the desktop KDF policy.
    ///
    /// # Errors
    /// `app-no-data-dir` when no directory can be found.
    pub fn from_env() -> Result<Self, AppError> {
        let data_dir =
            if let Some(dir) = std::env::var_os("JIFEN_DATA_DIR").filter(|d| !d.is_empty()) {
                PathBuf::from(dir)
            } else if let Some(dir) = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
                PathBuf::from(dir).join("jifen")
            } else if let Some(home) = std::env::var_os("HOME").filter(|d| !d.is_empty()) {
                PathBuf::from(home)
                    .join(".local")
                    .join("share")
                    .join("jifen")
            } else {
                return Err(AppError::new("app-no-data-dir"));
            };
        let endpoints_override = std::env::var("JIFEN_ENDPOINTS").ok().map(|list| {
            list.split(',')
                .map(str::trim)
                .filter(|e| !e.is_empty())
                .map(str::to_owned)
                .collect()
        });
        Ok(Self {
            data_dir,
            network: Network::Devnet,
            kdf_policy: KdfPolicy::desktop(),
            endpoints_override,
        })
    }
}

/// Argon2id parameters as the settings screen shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KdfInfo {
    /// Memory in MiB.
    pub memory_mib: u32,
    /// Passes.
    pub passes: u32,
    /// Lanes.
    pub lanes: u32,
    /// Measured time of one derivation, when just calibrated.
    pub millis: Option<u64>,
}

impl KdfInfo {
    fn of(params: KdfParams, millis: Option<u64>) -> Self {
        Self {
            memory_mib: params.m_cost_kib / 1024,
            passes: params.t_cost,
            lanes: params.p_cost,
            millis,
        }
    }
}

/// One wallet in the list (public facts only).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WalletRow {
    /// File name.
    pub name: String,
    /// Network name, when readable.
    pub network: Option<String>,
    /// First receive address, when readable.
    pub address: Option<String>,
    /// Whether the backup check passed.
    pub backup_verified: bool,
    /// Whether it is a watch-only wallet paired with a cold device.
    pub watch_only: bool,
    /// Why the file cannot be read, if so.
    pub error: Option<AppError>,
}

/// The open wallet, as the screens show it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WalletInfo {
    /// File name.
    pub name: String,
    /// Network name.
    pub network: String,
    /// First receive address.
    pub address: String,
    /// Whether the backup check passed.
    pub backup_verified: bool,
    /// Whether an OS-keyring slot exists.
    pub has_keyring_slot: bool,
    /// Password KDF parameters (none for a watch-only wallet).
    pub kdf: Option<KdfInfo>,
    /// Watch-only: the keys live on a paired cold device.
    pub watch_only: bool,
    /// The chain the cold device was paired for (watch-only wallets).
    pub paired_chain: Option<String>,
}

/// What the app shows before anything is unlocked.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AppInfo {
    /// App version.
    pub version: String,
    /// Network of new wallets.
    pub network: String,
    /// The network's default chain id (what pairing proposes).
    pub chain_id: String,
    /// `wallet`, or `cold-signer` (offline: no network command runs).
    pub mode: String,
    /// Data directory.
    pub data_dir: String,
    /// Saved UI language.
    pub language: Option<String>,
    /// Wallet opened last.
    pub last_wallet: Option<String>,
    /// The wallets there are.
    pub wallets: Vec<WalletRow>,
    /// The unlocked wallet, if any.
    pub unlocked: Option<WalletInfo>,
}

/// A receive address and its QR code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AddressQr {
    /// Address index on the receive chain.
    pub index: u32,
    /// The address.
    pub address: String,
    /// SVG document of the QR code (our own renderer's output, no scripts or styles).
    pub svg: String,
}

/// A new wallet from the create screen.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateRequest {
    /// File name.
    pub name: String,
    /// Wallet password.
    pub password: SecretString,
    /// 12 or 24 words.
    pub words: usize,
    /// Word list: `zh-hans`, `zh-hant` or `en`.
    pub mnemonic_language: String,
}

/// A restored wallet from the restore screen.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RestoreRequest {
    /// File name.
    pub name: String,
    /// The typed mnemonic.
    pub phrase: SecretString,
    /// Optional BIP39 passphrase.
    pub passphrase: SecretString,
    /// Wallet password.
    pub password: SecretString,
}

pub(crate) struct OpenWallet {
    pub(crate) handle: WalletHandle,
    // Kept for signing; zeroized on lock. None for a watch-only wallet.
    pub(crate) unlocked: Option<UnlockedWallet>,
    challenge: Option<Vec<usize>>,
}

impl OpenWallet {
    /// The unlocked keys; a watch-only wallet has none.
    pub(crate) fn keys(&self) -> Result<&UnlockedWallet, AppError> {
        self.unlocked.as_ref().ok_or_else(|| {
            jifen_wallet::WalletError::WatchOnly {
                name: self.handle.name().to_owned(),
            }
            .into()
        })
    }
}

/// Everything the engine thread owns.
pub struct WalletState {
    pub(crate) config: AppConfig,
    store: WalletStore,
    settings: AppSettings,
    pub(crate) open: Option<OpenWallet>,
    /// The light-client session, opened on first use.
    pub(crate) chain: Option<jifen_wallet::chain::ChainSession>,
    /// The cold signer's review waiting for the person's confirmation.
    pub(crate) review: Option<jifen_wallet::cold::Review>,
}

impl std::fmt::Debug for WalletState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WalletState")
            .field("data_dir", &self.config.data_dir)
            .field("unlocked", &self.open.as_ref().map(|o| o.handle.name()))
            .finish_non_exhaustive()
    }
}

fn password(secret: &SecretString) -> Result<Password, AppError> {
    Ok(Password::new(secret.expose())?)
}

fn wallet_info(handle: &WalletHandle) -> Result<WalletInfo, AppError> {
    let summary = handle.summary()?;
    Ok(WalletInfo {
        name: summary.name,
        network: summary.network.to_string(),
        address: summary.first_address.encode(summary.network),
        backup_verified: summary.backup_verified || handle.is_watch_only(),
        has_keyring_slot: summary.has_keyring_slot,
        kdf: handle.kdf_params().map(|p| KdfInfo::of(p, None)),
        watch_only: handle.is_watch_only(),
        paired_chain: handle.watch_only_record().and_then(|r| r.chain_id.clone()),
    })
}

fn millis(d: std::time::Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

impl WalletState {
    /// State over `config.data_dir`.
    pub fn new(config: AppConfig) -> Self {
        let store = WalletStore::new(&config.data_dir);
        let settings = settings::load(&settings::settings_path(&config.data_dir));
        Self {
            config,
            store,
            settings,
            open: None,
            chain: None,
            review: None,
        }
    }

    /// The app's configuration.
    pub fn config(&self) -> &AppConfig {
        &self.config
    }

    pub(crate) fn open_wallet(&mut self) -> Result<&mut OpenWallet, AppError> {
        self.open
            .as_mut()
            .ok_or_else(|| AppError::new("app-locked"))
    }

    /// The unlocked wallet's handle and secrets, for services that sign.
    ///
    /// # Errors
    /// `app-locked`.
    pub fn unlocked(&self) -> Result<(&WalletHandle, &UnlockedWallet), AppError> {
        let open = self
            .open
            .as_ref()
            .ok_or_else(|| AppError::new("app-locked"))?;
        Ok((&open.handle, open.keys()?))
    }

    /// Whether the app is in cold-signer mode.
    pub fn cold_signer(&self) -> bool {
        self.settings.mode.as_deref() == Some("cold-signer")
    }

    /// Refuses network work in cold-signer mode.
    ///
    /// # Errors
    /// `app-cold-offline`.
    pub(crate) fn online(&self) -> Result<(), AppError> {
        if self.cold_signer() {
            Err(AppError::new("app-cold-offline"))
        } else {
            Ok(())
        }
    }

    /// Switches between `wallet` and `cold-signer` use. Entering cold-signer mode
    /// closes the chain session; nothing opens one again until the mode is left.
    ///
    /// # Errors
    /// `app-bad-mode`, `app-settings-io`.
    pub fn set_mode(&mut self, mode: &str) -> Result<AppInfo, AppError> {
        if !MODES.contains(&mode) {
            return Err(AppError::new("app-bad-mode").arg("mode", mode));
        }
        self.settings.mode = Some(mode.to_owned());
        self.save_settings()?;
        if self.cold_signer() {
            self.chain = None;
        }
        self.review = None;
        self.app_info()
    }

    fn save_settings(&self) -> Result<(), AppError> {
        settings::save(
            &settings::settings_path(&self.config.data_dir),
            &self.settings,
        )
    }

    fn calibrate(&self) -> Result<(KdfParams, u64), AppError> {
        let calibration = keystore::calibrate(&self.config.kdf_policy)?;
        Ok((calibration.params, millis(calibration.measured)))
    }

    /// The wallets in the data directory.
    ///
    /// # Errors
    /// `wallet-directory-io`.
    pub fn list_wallets(&self) -> Result<Vec<WalletRow>, AppError> {
        Ok(self
            .store
            .list()?
            .into_iter()
            .map(|(name, summary)| match summary {
                Ok(s) => WalletRow {
                    name,
                    network: Some(s.network.to_string()),
                    address: Some(s.first_address.encode(s.network)),
                    backup_verified: s.backup_verified,
                    watch_only: s.watch_only,
                    error: None,
                },
                Err(e) => WalletRow {
                    name,
                    network: None,
                    address: None,
                    backup_verified: false,
                    watch_only: false,
                    error: Some(e.into()),
                },
            })
            .collect())
    }

    /// Start-up facts.
    ///
    /// # Errors
    /// As [`WalletState::list_wallets`].
    pub fn app_info(&self) -> Result<AppInfo, AppError> {
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            network: self.config.network.to_string(),
            chain_id: jifen_wallet::chain::settings::default_chain_id(self.config.network)?
                .as_str()
                .to_owned(),
            mode: self
                .settings
                .mode
                .clone()
                .unwrap_or_else(|| "wallet".to_owned()),
            data_dir: self.config.data_dir.display().to_string(),
            language: self.settings.language.clone(),
            last_wallet: self.settings.last_wallet.clone(),
            wallets: self.list_wallets()?,
            unlocked: self
                .open
                .as_ref()
                .map(|o| wallet_info(&o.handle))
                .transpose()?,
        })
    }

    fn finish_open(
        &mut self,
        handle: WalletHandle,
        unlocked: Option<UnlockedWallet>,
    ) -> Result<WalletInfo, AppError> {
        let info = wallet_info(&handle)?;
        self.review = None;
        self.open = Some(OpenWallet {
            handle,
            unlocked,
            challenge: None,
        });
        self.settings.last_wallet = Some(info.name.clone());
        // Remembering the last wallet is a convenience; failing to is not an error.
        let _ = self.save_settings();
        Ok(info)
    }

    /// Creates a wallet with a new mnemonic (not yet backed up) and opens it.
    ///
    /// # Errors
    /// Name, password, mnemonic and keystore errors.
    pub fn create_wallet(&mut self, request: &CreateRequest) -> Result<WalletInfo, AppError> {
        let password = password(&request.password)?;
        let language: MnemonicLanguage = request.mnemonic_language.parse()?;
        let count = WordCount::from_words(request.words)
            .ok_or_else(|| AppError::new("mnemonic-word-count").arg("got", request.words))?;
        jifen_wallet::store::validate_name(&request.name)?;
        let mnemonic = Mnemonic::generate(language, count)?;
        let (kdf, _) = self.calibrate()?;
        let mut handle = self.store.create(&NewWallet {
            name: &request.name,
            mnemonic: &mnemonic,
            passphrase: "",
            password: &password,
            network: self.config.network,
            kdf,
            backup_verified: false,
        })?;
        let unlocked = handle.unlock(&password, &self.config.kdf_policy)?;
        self.open = None;
        self.finish_open(handle, Some(unlocked))
    }

    /// Restores a wallet from typed words and opens it (the backup counts as checked:
    /// the user just typed it).
    ///
    /// # Errors
    /// Name, password, mnemonic and keystore errors.
    pub fn restore_wallet(&mut self, request: &RestoreRequest) -> Result<WalletInfo, AppError> {
        let password = password(&request.password)?;
        jifen_wallet::store::validate_name(&request.name)?;
        let mnemonic = Mnemonic::parse(request.phrase.expose(), None)?;
        let (kdf, _) = self.calibrate()?;
        let mut handle = self.store.create(&NewWallet {
            name: &request.name,
            mnemonic: &mnemonic,
            passphrase: request.passphrase.expose(),
            password: &password,
            network: self.config.network,
            kdf,
            backup_verified: true,
        })?;
        let unlocked = handle.unlock(&password, &self.config.kdf_policy)?;
        self.open = None;
        self.finish_open(handle, Some(unlocked))
    }

    /// Unlocks wallet `name` with its password.
    ///
    /// # Errors
    /// `keystore-wrong-password` and the other wallet errors.
    pub fn unlock(&mut self, name: &str, secret: &SecretString) -> Result<WalletInfo, AppError> {
        let password = password(secret)?;
        let mut handle = self.store.open(name)?;
        let unlocked = handle.unlock(&password, &self.config.kdf_policy)?;
        self.open = None;
        self.finish_open(handle, Some(unlocked))
    }

    /// Opens the watch-only wallet `name` (it has no password: its keys are on
    /// the paired cold device).
    ///
    /// # Errors
    /// `app-not-watch-only` for a wallet with keys, and the wallet errors.
    pub fn open_watch_only(&mut self, name: &str) -> Result<WalletInfo, AppError> {
        let handle = self.store.open(name)?;
        if !handle.is_watch_only() {
            return Err(AppError::new("app-not-watch-only").arg("name", name));
        }
        self.open = None;
        self.finish_open(handle, None)
    }

    /// Imports a cold device's account export as the watch-only wallet `name` and
    /// opens it.
    ///
    /// # Errors
    /// Name and store errors, `cold-bad-account-path`, key errors.
    pub fn import_pairing(
        &mut self,
        name: &str,
        export: &jifen_qr::AccountExport,
    ) -> Result<WalletInfo, AppError> {
        let handle = jifen_wallet::cold::pair_import(&self.store, name, export)?;
        self.open = None;
        self.finish_open(handle, None)
    }

    /// The wallet store.
    pub(crate) fn store(&self) -> &WalletStore {
        &self.store
    }

    /// Forgets the unlocked wallet (its secrets are zeroized on drop).
    pub fn lock(&mut self) {
        self.open = None;
        self.review = None;
    }

    /// The open wallet.
    ///
    /// # Errors
    /// `app-locked`.
    pub fn wallet_overview(&mut self) -> Result<WalletInfo, AppError> {
        wallet_info(&self.open_wallet()?.handle)
    }

    /// The mnemonic words, for the one backup display: only after the password is
    /// typed again, and only while the backup has not been checked.
    ///
    /// # Errors
    /// `app-locked`, `app-backup-already-checked`, `keystore-wrong-password`.
    pub fn reveal_mnemonic(&mut self, secret: &SecretString) -> Result<Vec<String>, AppError> {
        let password = password(secret)?;
        let policy = self.config.kdf_policy;
        let open = self.open_wallet()?;
        if open.handle.backup_verified() {
            return Err(AppError::new("app-backup-already-checked"));
        }
        open.keys()?;
        let again = open.handle.unlock(&password, &policy)?;
        Ok(again.mnemonic().words().map(str::to_owned).collect())
    }

    /// Picks the word positions (1-based) the backup check asks for.
    ///
    /// # Errors
    /// `app-locked`, `keystore-random`.
    pub fn backup_challenge(&mut self) -> Result<Vec<usize>, AppError> {
        let open = self.open_wallet()?;
        let count = open.keys()?.mnemonic().word_count();
        let mut positions: Vec<usize> = Vec::with_capacity(BACKUP_CHECK_WORDS);
        let mut tries = 0;
        while positions.len() < BACKUP_CHECK_WORDS.min(count) && tries < 1000 {
            tries += 1;
            let mut byte = [0u8; 2];
            getrandom::fill(&mut byte).map_err(|_| AppError::new("keystore-random"))?;
            let pick = usize::from(u16::from_le_bytes(byte)) % count + 1;
            if !positions.contains(&pick) {
                positions.push(pick);
            }
        }
        positions.sort_unstable();
        open.challenge = Some(positions.clone());
        Ok(positions)
    }

    /// Checks the words typed for the challenge; on success the wallet is marked as
    /// backed up.
    ///
    /// # Errors
    /// `app-locked`, `app-no-challenge`, `app-backup-mismatch` (with the first wrong
    /// `position`).
    pub fn backup_check(&mut self, answers: &[SecretString]) -> Result<WalletInfo, AppError> {
        let open = self.open_wallet()?;
        let positions = open
            .challenge
            .take()
            .ok_or_else(|| AppError::new("app-no-challenge"))?;
        if positions.len() != answers.len() {
            return Err(AppError::new("app-no-challenge"));
        }
        for (position, answer) in positions.iter().zip(answers) {
            let expected = open.keys()?.mnemonic().word(*position);
            let typed = answer.expose().trim().to_lowercase();
            if expected != Some(typed.as_str()) {
                return Err(AppError::new("app-backup-mismatch").arg("position", *position));
            }
        }
        open.handle.set_backup_verified()?;
        wallet_info(&open.handle)
    }

    /// A receive address with its QR code.
    ///
    /// # Errors
    /// `app-locked`, derivation and QR errors.
    pub fn receive_qr(&mut self, index: u32) -> Result<AddressQr, AppError> {
        let open = self.open_wallet()?;
        let network = open.handle.network()?;
        let address = open
            .handle
            .account()?
            .address(Chain::Receive, index)?
            .encode(network);
        let svg = jifen_qr::QrSymbol::for_ur(&address)?.to_svg();
        Ok(AddressQr {
            index,
            address,
            svg,
        })
    }

    /// Saves the UI language.
    ///
    /// # Errors
    /// `app-unknown-language`, `app-settings-io`.
    pub fn set_language(&mut self, tag: &str) -> Result<(), AppError> {
        if !LANGUAGES.contains(&tag) {
            return Err(AppError::new("app-unknown-language").arg("tag", tag));
        }
        self.settings.language = Some(tag.to_owned());
        self.save_settings()
    }

    /// Changes the password (new Argon2id parameters calibrated on this machine).
    ///
    /// # Errors
    /// `app-locked`, `keystore-wrong-password` and other keystore errors.
    pub fn change_password(
        &mut self,
        old: &SecretString,
        new: &SecretString,
    ) -> Result<KdfInfo, AppError> {
        let (old, new) = (password(old)?, password(new)?);
        let (kdf, took) = self.calibrate()?;
        let open = self.open_wallet()?;
        open.handle.change_password(&old, &new, kdf)?;
        Ok(KdfInfo::of(kdf, Some(took)))
    }

    /// Measures this machine again and re-wraps the key with the new parameters
    /// (same password).
    ///
    /// # Errors
    /// As [`WalletState::change_password`].
    pub fn recalibrate_kdf(&mut self, secret: &SecretString) -> Result<KdfInfo, AppError> {
        let password = password(secret)?;
        let (kdf, took) = self.calibrate()?;
        let open = self.open_wallet()?;
        open.handle.change_password(&password, &password, kdf)?;
        Ok(KdfInfo::of(kdf, Some(took)))
    }

    /// Adds the OS-keyring slot.
    ///
    /// # Errors
    /// `app-locked`, `keystore-keyring-unavailable` and other keystore errors.
    pub fn keyring_enable(&mut self, secret: &SecretString) -> Result<WalletInfo, AppError> {
        let password = password(secret)?;
        let policy = self.config.kdf_policy;
        let store = keystore::platform_store()?;
        let open = self.open_wallet()?;
        open.handle.add_keyring_slot(&password, &policy, &*store)?;
        wallet_info(&open.handle)
    }

    /// Removes the OS-keyring slot.
    ///
    /// # Errors
    /// `app-locked` and keystore errors.
    pub fn keyring_disable(&mut self) -> Result<WalletInfo, AppError> {
        let store = keystore::platform_store()?;
        let open = self.open_wallet()?;
        open.handle.remove_keyring_slot(&*store)?;
        wallet_info(&open.handle)
    }
}
