//! What the wallet engine thread owns: the wallet context, the app settings
//! and the open wallet. Every method forwards to one `jifen_wallet` use case
//! and returns its view; the Tauri commands in `commands.rs` only call these.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, PoisonError, RwLock};

use jifen_crypto::keystore::Password;
use jifen_protocol::{Address, Network, Transaction};
use jifen_wallet::backup::BackupChallengeView;
use jifen_wallet::cold::device::{self, Confirm, MAX_FRAGMENT_READ};
use jifen_wallet::cold::requests;
use jifen_wallet::cold::transport::QrInput;
use jifen_wallet::cold::views::{ColdReviewView, PairExportView, SignatureView};
use jifen_wallet::onboarding::{self, Secrets};
use jifen_wallet::open::REAUTH_WINDOW;
use jifen_wallet::open::{KdfNotice, RevealedWords, calibrate};
use jifen_wallet::receive::{self, AddressView};
use jifen_wallet::send::{PreparedSend, SendReview};
use jifen_wallet::wallets::{self, KdfView, WalletFacts, WalletRow, WalletView};
use jifen_wallet::{FrontEnd, OpenWallet, WalletContext, WalletError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{AppError, AppRefusal};
use crate::secret::SecretString;
use crate::settings::{self, AppMode, AppSettings, LANGUAGES};

/// Most images one call reads (one loop of a 3 KB request at 80-byte
/// fragments is ~240 frames).
pub const MAX_IMAGES: usize = 400;

/// Where and how the app keeps wallets.
#[derive(Clone, Debug)]
pub struct AppConfig {
    /// The wallet context (data directory, network of new wallets, KDF
    /// policy, endpoint override).
    pub context: WalletContext,
}

impl AppConfig {
    /// The app's defaults ([`WalletContext::from_env`]): the CLI's data
    /// directory (both see the same wallets), devnet, the desktop KDF
    /// policy, `JIFEN_ENDPOINTS` for this run.
    ///
    /// # Errors
    /// `wallet-no-data-dir` when no directory can be found.
    pub fn from_env() -> Result<Self, AppError> {
        Ok(Self {
            context: WalletContext::from_env(FrontEnd::App, Network::Devnet, None)?,
        })
    }
}

/// What the engine shares with the commands that run elsewhere: whether the
/// device is an offline cold signer (the chain service refuses to run), and
/// the open wallet's public facts (chain reads and send preparation run off
/// the engine thread with them).
#[derive(Debug, Default)]
pub struct Public {
    offline: AtomicBool,
    facts: RwLock<Option<WalletFacts>>,
}

impl Public {
    /// Whether network use is refused.
    pub fn is_offline(&self) -> bool {
        self.offline.load(Ordering::SeqCst)
    }

    fn set_offline(&self, offline: bool) {
        self.offline.store(offline, Ordering::SeqCst);
    }

    /// The open wallet's public facts.
    ///
    /// # Errors
    /// `app-locked` when no wallet is open.
    pub fn facts(&self) -> Result<WalletFacts, AppError> {
        self.facts
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .ok_or_else(|| AppRefusal::NoWalletOpen.into())
    }

    fn set_facts(&self, facts: Option<WalletFacts>) {
        *self.facts.write().unwrap_or_else(PoisonError::into_inner) = facts;
    }
}

/// What the app shows before anything is unlocked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct AppInfo {
    /// App version.
    pub version: String,
    /// Network of new wallets.
    pub network: jifen_wallet::views::NetworkView,
    /// The network's default chain id (what pairing proposes).
    pub chain_id: String,
    /// How this device is used.
    pub mode: AppMode,
    /// Why the saved settings were not used (the app then starts as an
    /// offline cold signer until a mode is chosen again).
    pub settings_problem: Option<AppError>,
    /// Data directory.
    pub data_dir: String,
    /// Saved UI language.
    pub language: Option<String>,
    /// Wallet opened last.
    pub last_wallet: Option<String>,
    /// The wallets there are.
    pub wallets: Vec<WalletRow>,
    /// The open wallet, if any.
    pub unlocked: Option<WalletView>,
}

/// A wallet just unlocked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct UnlockedView {
    /// The wallet.
    pub wallet: WalletView,
    /// What unlocking did about weak key-derivation parameters.
    pub kdf: KdfNotice,
}

/// A new wallet from the create screen.
#[derive(Debug, Deserialize, TS)]
pub struct CreateWalletArgs {
    /// File name.
    pub name: String,
    /// Wallet password.
    #[ts(type = "string")]
    pub password: SecretString,
    /// 12 or 24 words.
    pub words: u32,
    /// The word list.
    pub mnemonic_language: onboarding::WordList,
}

/// A restored wallet from the restore screen.
#[derive(Debug, Deserialize, TS)]
pub struct RestoreWalletArgs {
    /// File name.
    pub name: String,
    /// The typed words.
    #[ts(type = "string")]
    pub phrase: SecretString,
    /// Optional BIP39 passphrase (empty for none).
    #[ts(type = "string")]
    pub passphrase: SecretString,
    /// Wallet password.
    #[ts(type = "string")]
    pub password: SecretString,
}

/// A send, signed and ready for the chain worker.
#[derive(Debug)]
pub struct SignedSend {
    /// The transaction.
    pub tx: Transaction,
    /// Whose balance to prove afterwards.
    pub sender: Address,
}

fn password(secret: &SecretString) -> Result<Password, AppError> {
    Ok(Password::new(secret.expose()).map_err(WalletError::from)?)
}

/// Pictures' bytes as inputs of the QR transport.
pub fn image_inputs(images: Vec<Vec<u8>>) -> Result<Vec<QrInput>, AppError> {
    if images.len() > MAX_IMAGES {
        return Err(AppRefusal::TooManyImages {
            max: MAX_IMAGES,
            got: images.len(),
        }
        .into());
    }
    Ok(images
        .into_iter()
        .enumerate()
        .map(|(i, bytes)| QrInput::ImageBytes {
            label: format!("#{}", i + 1),
            bytes,
        })
        .collect())
}

/// Everything the engine thread owns.
pub struct WalletState {
    ctx: WalletContext,
    settings: AppSettings,
    settings_problem: Option<AppRefusal>,
    public: Arc<Public>,
    open: Option<OpenWallet>,
    /// A receiving record prepared for the open wallet, kept while the person
    /// reviews it (`provenance.rs`); dropped with the wallet.
    pub(crate) kept_record: Option<jifen_wallet::provenance::receiving::PreparedRecord>,
}

impl std::fmt::Debug for WalletState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WalletState")
            .field("data_dir", &self.ctx.data_dir)
            .field("open", &self.open.as_ref().map(OpenWallet::name))
            .finish_non_exhaustive()
    }
}

impl WalletState {
    /// State over `config`, sharing `public` with the commands. A damaged
    /// settings file starts the app offline (fail closed).
    pub fn new(config: AppConfig, public: Arc<Public>) -> Self {
        let (settings, settings_problem) =
            match settings::load(&settings::settings_path(&config.context.data_dir)) {
                Ok(settings) => (settings, None),
                Err(problem) => (
                    AppSettings {
                        mode: AppMode::ColdSigner,
                        ..AppSettings::default()
                    },
                    Some(problem),
                ),
            };
        public.set_offline(settings.mode == AppMode::ColdSigner);
        Self {
            ctx: config.context,
            settings,
            settings_problem,
            public,
            open: None,
            kept_record: None,
        }
    }

    /// The wallet context.
    pub fn context(&self) -> &WalletContext {
        &self.ctx
    }

    pub(crate) fn open_wallet(&mut self) -> Result<&mut OpenWallet, AppError> {
        self.open
            .as_mut()
            .ok_or_else(|| AppRefusal::NoWalletOpen.into())
    }

    fn open_ref(&self) -> Result<&OpenWallet, AppError> {
        self.open
            .as_ref()
            .ok_or_else(|| AppRefusal::NoWalletOpen.into())
    }

    fn save_settings(&self) -> Result<(), AppError> {
        Ok(settings::save(
            &settings::settings_path(&self.ctx.data_dir),
            &self.settings,
        )?)
    }

    /// Start-up facts.
    ///
    /// # Errors
    /// `wallet-directory-io`.
    pub fn app_info(&self) -> Result<AppInfo, AppError> {
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            network: self.ctx.network.into(),
            chain_id: jifen_wallet::chain::settings::default_chain_id(self.ctx.network)?
                .as_str()
                .to_owned(),
            mode: self.settings.mode,
            settings_problem: self.settings_problem.as_ref().map(AppError::of),
            data_dir: self.ctx.data_dir.display().to_string(),
            language: self.settings.language.clone(),
            last_wallet: self.settings.last_wallet.clone(),
            wallets: self.list_wallets()?,
            unlocked: self.open.as_ref().map(OpenWallet::view).transpose()?,
        })
    }

    /// Switches between online wallet and offline cold-signer use (writing
    /// fresh settings, which also clears a settings problem). The caller
    /// closes the chain session when the device goes offline.
    ///
    /// # Errors
    /// `app-settings-io`.
    pub fn set_mode(&mut self, mode: AppMode) -> Result<AppInfo, AppError> {
        self.settings.mode = mode;
        self.save_settings()?;
        self.settings_problem = None;
        self.public.set_offline(mode == AppMode::ColdSigner);
        if let Some(open) = &mut self.open {
            // A review kept from the other mode is not signed in this one.
            open.clear_review();
        }
        self.kept_record = None;
        self.app_info()
    }

    /// Saves the UI language.
    ///
    /// # Errors
    /// `app-unknown-language`, `app-settings-io`.
    pub fn set_language(&mut self, tag: &str) -> Result<(), AppError> {
        if !LANGUAGES.contains(&tag) {
            return Err(AppRefusal::UnknownLanguage {
                tag: tag.chars().take(16).collect(),
            }
            .into());
        }
        self.settings.language = Some(tag.to_owned());
        self.save_settings()
    }

    /// The wallets in the data directory.
    ///
    /// # Errors
    /// `wallet-directory-io`.
    pub fn list_wallets(&self) -> Result<Vec<WalletRow>, AppError> {
        Ok(wallets::list(&self.ctx.store())?)
    }

    fn opened(&mut self, mut open: OpenWallet) -> Result<WalletView, AppError> {
        // The app stays unlocked while a webview runs: signing asks for the
        // password again once the window has passed (ADR 0012).
        open.set_reauth_window(Some(REAUTH_WINDOW));
        let view = open.view()?;
        self.public.set_facts(Some(open.facts()?));
        self.open = Some(open);
        self.settings.last_wallet = Some(view.name.clone());
        // Remembering the last wallet is a convenience; failing to is not an error.
        let _ = self.save_settings();
        Ok(view)
    }

    /// Creates a wallet with new words (not yet backed up: the check follows
    /// from the open wallet) and opens it.
    ///
    /// # Errors
    /// Name, password, word-list and keystore errors.
    pub fn create_wallet(&mut self, args: &CreateWalletArgs) -> Result<WalletView, AppError> {
        let password = password(&args.password)?;
        let words = usize::try_from(args.words).unwrap_or(usize::MAX);
        let draft = onboarding::draft(
            &self.ctx.store(),
            &args.name,
            args.mnemonic_language.into(),
            words,
        )?;
        let kdf = calibrate(&self.ctx.kdf_policy)?;
        let secrets = Secrets {
            password: &password,
            passphrase: "",
            kdf: &kdf,
        };
        let open = draft.commit(&self.ctx, &secrets, None)?;
        self.close();
        self.opened(open)
    }

    /// Restores a wallet from typed words and opens it.
    ///
    /// # Errors
    /// Word, name, password and keystore errors.
    pub fn restore_wallet(&mut self, args: &RestoreWalletArgs) -> Result<WalletView, AppError> {
        let mnemonic = onboarding::parse_words(args.phrase.expose(), None)?;
        let password = password(&args.password)?;
        onboarding::check_name_free(&self.ctx.store(), &args.name)?;
        let kdf = calibrate(&self.ctx.kdf_policy)?;
        let secrets = Secrets {
            password: &password,
            passphrase: args.passphrase.expose(),
            kdf: &kdf,
        };
        let open = onboarding::restore(&self.ctx, &args.name, &mnemonic, &secrets)?;
        self.close();
        self.opened(open)
    }

    fn close(&mut self) {
        self.open = None;
        self.kept_record = None;
        self.public.set_facts(None);
    }

    /// Unlocks wallet `name` with its password.
    ///
    /// # Errors
    /// `keystore-wrong-password` and the other wallet errors.
    pub fn unlock(&mut self, name: &str, secret: &SecretString) -> Result<UnlockedView, AppError> {
        let password = password(secret)?;
        let mut open = OpenWallet::open(&self.ctx.store(), Some(name))?;
        let kdf = open.unlock_with_password(&password, &self.ctx.kdf_policy)?;
        self.close();
        Ok(UnlockedView {
            wallet: self.opened(open)?,
            kdf,
        })
    }

    /// Opens the watch-only wallet `name` (no password: its keys are on the
    /// paired cold device).
    ///
    /// # Errors
    /// `app-not-watch-only` for a wallet with keys, and the wallet errors.
    pub fn open_watch_only(&mut self, name: &str) -> Result<WalletView, AppError> {
        let open = OpenWallet::open(&self.ctx.store(), Some(name))?;
        if !open.handle().is_watch_only() {
            return Err(AppRefusal::NotWatchOnly {
                name: name.to_owned(),
            }
            .into());
        }
        self.close();
        self.opened(open)
    }

    /// Closes the open wallet (its keys are zeroized).
    pub fn lock(&mut self) {
        self.close();
    }

    /// The open wallet.
    ///
    /// # Errors
    /// `app-locked`.
    pub fn wallet_overview(&self) -> Result<WalletView, AppError> {
        Ok(self.open_ref()?.view()?)
    }

    /// The words for the one backup display (password again), with the check.
    ///
    /// # Errors
    /// `app-locked`, `wallet-backup-already-checked`, `keystore-wrong-password`.
    pub fn reveal_words(&mut self, secret: &SecretString) -> Result<RevealedWords, AppError> {
        let password = password(secret)?;
        let policy = self.ctx.kdf_policy;
        Ok(self.open_wallet()?.reveal_words(&password, &policy)?)
    }

    /// Confirms with the password again, for signing past the
    /// re-authentication window.
    ///
    /// # Errors
    /// `app-locked`, `keystore-wrong-password`, `wallet-too-many-attempts`.
    pub fn reauthenticate(&mut self, secret: &SecretString) -> Result<(), AppError> {
        let password = password(secret)?;
        let policy = self.ctx.kdf_policy;
        Ok(self.open_wallet()?.reauthenticate(&password, &policy)?)
    }

    /// Starts a backup check (password again).
    ///
    /// # Errors
    /// `app-locked`, `keystore-wrong-password`.
    pub fn backup_challenge(
        &mut self,
        secret: &SecretString,
    ) -> Result<BackupChallengeView, AppError> {
        let password = password(secret)?;
        let policy = self.ctx.kdf_policy;
        Ok(self.open_wallet()?.start_backup_check(&password, &policy)?)
    }

    /// Checks the typed words of the backup check.
    ///
    /// # Errors
    /// `app-locked`, `wallet-no-backup-challenge`, `wallet-backup-mismatch`.
    pub fn backup_check(&mut self, answers: &[SecretString]) -> Result<WalletView, AppError> {
        let answers: Vec<&str> = answers.iter().map(SecretString::expose).collect();
        Ok(self.open_wallet()?.check_backup(&answers)?)
    }

    /// Receive address `index` of the open wallet.
    ///
    /// # Errors
    /// `app-locked`, derivation errors.
    pub fn receive(&self, index: u32) -> Result<AddressView, AppError> {
        Ok(receive::receive_address(self.open_ref()?.handle(), index)?)
    }

    /// Signs `message` with receive address `index`'s key.
    ///
    /// # Errors
    /// `app-locked`, `wallet-locked`, `wallet-watch-only`, signing errors.
    pub fn sign_message(
        &self,
        index: u32,
        message: &str,
    ) -> Result<jifen_wallet::sign_message::SignedMessageView, AppError> {
        Ok(jifen_wallet::sign_message::sign(
            self.open_ref()?.keys()?,
            index,
            message,
        )?)
    }

    /// Changes the password (parameters calibrated on this machine).
    ///
    /// # Errors
    /// `app-locked`, `keystore-wrong-password` and other keystore errors.
    pub fn change_password(
        &mut self,
        old: &SecretString,
        new: &SecretString,
    ) -> Result<KdfView, AppError> {
        let (old, new) = (password(old)?, password(new)?);
        let kdf = calibrate(&self.ctx.kdf_policy)?;
        Ok(self.open_wallet()?.change_password(&old, &new, &kdf)?)
    }

    /// Measures this machine again and re-wraps the key (same password).
    ///
    /// # Errors
    /// As [`WalletState::change_password`].
    pub fn recalibrate_kdf(&mut self, secret: &SecretString) -> Result<KdfView, AppError> {
        let password = password(secret)?;
        let kdf = calibrate(&self.ctx.kdf_policy)?;
        Ok(self.open_wallet()?.recalibrate(&password, &kdf)?)
    }

    /// Adds the OS-keyring slot.
    ///
    /// # Errors
    /// `app-locked`, `keystore-keyring-unavailable` and other keystore errors.
    pub fn keyring_enable(&mut self, secret: &SecretString) -> Result<WalletView, AppError> {
        let password = password(secret)?;
        let policy = self.ctx.kdf_policy;
        Ok(self.open_wallet()?.enable_keyring(&password, &policy)?)
    }

    /// Removes the OS-keyring slot.
    ///
    /// # Errors
    /// `app-locked` and keystore errors.
    pub fn keyring_disable(&mut self) -> Result<WalletView, AppError> {
        Ok(self.open_wallet()?.disable_keyring()?)
    }

    /// Keeps a send prepared (off this thread) while the person reviews it.
    ///
    /// # Errors
    /// `app-locked`.
    pub fn keep_send(&mut self, prepared: PreparedSend) -> Result<SendReview, AppError> {
        let review = prepared.review().clone();
        self.open_wallet()?.keep_send(prepared);
        Ok(review)
    }

    /// Signs the kept send the person confirmed (by its review id), for the
    /// chain worker to broadcast.
    ///
    /// # Errors
    /// `app-locked`, `app-watch-only-needs-request`, `chain-no-such-review`,
    /// `wallet-reauth-required` (the review stays: confirm with the password,
    /// then sign again), `wallet-locked`, signing errors.
    pub fn sign_send(&mut self, review_id: &str) -> Result<SignedSend, AppError> {
        let open = self.open_wallet()?;
        if open.handle().is_watch_only() {
            return Err(AppRefusal::WatchOnlyNeedsRequest.into());
        }
        let (prepared, tx) = open.sign_kept_send(review_id)?;
        Ok(SignedSend {
            tx,
            sender: prepared.sender(),
        })
    }

    /// Cold signer: the pairing export for `chain_id` (else the network's
    /// default chain) as a code.
    ///
    /// # Errors
    /// `app-locked`, `wallet-watch-only`, an invalid chain id, storage errors.
    pub fn cold_pair_export(&self, chain_id: Option<&str>) -> Result<PairExportView, AppError> {
        Ok(device::export_pairing(
            &self.ctx,
            self.open_ref()?,
            chain_id,
            MAX_FRAGMENT_READ,
        )?)
    }

    /// Cold signer: reads a sign request from pictures and reviews it.
    ///
    /// # Errors
    /// `app-scan-nothing`, `app-too-many-images`, the review's refusals.
    pub fn cold_review(&mut self, images: Vec<Vec<u8>>) -> Result<ColdReviewView, AppError> {
        let inputs = image_inputs(images)?;
        let ctx = self.ctx.clone();
        let open = self.open_wallet()?;
        Ok(device::review(&ctx, open, &inputs, &mut |_| {})?)
    }

    /// Cold signer: signs the kept review; the screen passes the fingerprint
    /// it showed, so only that very review is signed.
    ///
    /// # Errors
    /// `cold-no-review`, `cold-fingerprint-mismatch`, `app-locked`, signing errors.
    pub fn cold_sign(&mut self, fingerprint: &str) -> Result<SignatureView, AppError> {
        Ok(device::sign(
            self.open_wallet()?,
            Confirm::Fingerprint(fingerprint),
        )?)
    }

    /// Online wallet: imports a cold device's pairing read from pictures as
    /// the watch-only wallet `name` and opens it.
    ///
    /// # Errors
    /// `app-scan-nothing`, the import's errors.
    pub fn pair_import(
        &mut self,
        name: &str,
        images: Vec<Vec<u8>>,
    ) -> Result<WalletView, AppError> {
        let inputs = image_inputs(images)?;
        let open = requests::import_pairing(&self.ctx, name, &inputs, &mut |_| {})?;
        self.close();
        self.opened(open)
    }
}
