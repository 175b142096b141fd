//! [`OpenWallet`]: the wallet a person has open, and the use cases on it
//! that need no chain: **unlock** and **lock**, **reveal the words** for the
//! one backup display, **check the backup**, **change the password**,
//! **re-calibrate** its key derivation, **enable or disable the OS keyring**.
//!
//! The CLI opens one for a single command; the app keeps one while the
//! person works. Secrets stay inside (zeroized when locked or dropped);
//! views carry only public facts.
//!
//! Every typed password goes through [`crate::password_gate`] (wrong ones
//! are spaced out). A front end that stays unlocked for long sets a
//! [re-authentication window](OpenWallet::set_reauth_window): signing a
//! send, or a cold device's answer, then needs the password typed within
//! it ([`OpenWallet::reauthenticate`]). The window and the throttle are
//! product decisions, recorded in ADR 0012.

use std::time::{Duration, Instant};

use jifen_crypto::keystore::{self, KdfParams, KdfPolicy, Password};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use zeroize::Zeroizing;

use crate::action::PreparedAction;
use crate::backup::{BackupChallenge, BackupChallengeView, Passed};
use crate::chain::ChainError;
use crate::cold::Review;
use crate::error::WalletError;
use crate::password_gate;
use crate::points::PointsFlowError;
use crate::send::PreparedSend;
use crate::store::{UnlockedWallet, WalletHandle, WalletStore};
use crate::views::ErrorView;
use crate::wallets::{self, KdfView, WalletFacts, WalletView};

/// What unlocking did about weak key-derivation parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum KdfNotice {
    /// The parameters meet this device's policy.
    Unchanged,
    /// They were below it and the file was re-wrapped with stronger ones.
    Upgraded,
    /// They were below it and could not be upgraded (e.g. a read-only
    /// disk); the wallet is still unlocked.
    UpgradeFailed,
}

/// How a wallet was unlocked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum UnlockMethod {
    /// With the key kept in the OS keyring.
    Keyring,
    /// With the password.
    Password,
}

/// What unlocking did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UnlockReport {
    /// How it was unlocked.
    pub method: UnlockMethod,
    /// What happened to weak key-derivation parameters.
    pub kdf: KdfNotice,
    /// Why the OS keyring was not used although the wallet has a slot there
    /// (the password was asked instead): never a silent fallback.
    pub keyring_problem: Option<ErrorView>,
}

/// The words of the mnemonic for the one backup display, with the check
/// that follows it. `Debug` is redacted; the words are zeroized on drop.
#[derive(Serialize, TS)]
pub struct RevealedWords {
    /// The words, in order.
    #[ts(type = "string[]")]
    pub words: Vec<Zeroizing<String>>,
    /// The check the person takes after writing them down.
    pub challenge: BackupChallengeView,
}

impl std::fmt::Debug for RevealedWords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RevealedWords")
            .field("words", &"<redacted>")
            .field("challenge", &self.challenge)
            .finish()
    }
}

/// A freshly calibrated set of Argon2id parameters.
#[derive(Clone, Copy, Debug)]
pub struct Calibrated {
    /// The parameters.
    pub params: KdfParams,
    /// How long one derivation took on this device.
    pub millis: u64,
}

impl Calibrated {
    /// The view of these parameters.
    #[must_use]
    pub fn view(&self) -> KdfView {
        KdfView::of(self.params, Some(self.millis))
    }
}

/// Measures this device and picks Argon2id parameters for a new password
/// (0.5-1 s, never below the policy's floor).
///
/// # Errors
/// Keystore errors of the calibration.
pub fn calibrate(policy: &KdfPolicy) -> Result<Calibrated, WalletError> {
    let calibration = keystore::calibrate(policy)?;
    Ok(Calibrated {
        params: calibration.params,
        millis: u64::try_from(calibration.measured.as_millis()).unwrap_or(u64::MAX),
    })
}

/// How long after the password was typed (or the OS keyring answered) the
/// app signs without asking for it again: five minutes, ADR 0012.
pub const REAUTH_WINDOW: Duration = Duration::from_secs(5 * 60);

/// The wallet a person has open (see the module docs).
#[derive(Debug)]
pub struct OpenWallet {
    handle: WalletHandle,
    keys: Option<UnlockedWallet>,
    /// When the person last proved they may use the keys.
    authenticated_at: Option<Instant>,
    /// `None`: every signature is covered by the unlock (a CLI command).
    reauth_window: Option<Duration>,
    challenge: Option<BackupChallenge>,
    review: Option<Review>,
    /// The send the person is reviewing, signed only by its review id.
    send: Option<PreparedSend>,
    /// The points transaction the person is reviewing (swap, payment,
    /// withdrawal, merchant), signed only by its review id.
    action: Option<PreparedAction>,
}

impl OpenWallet {
    /// Opens wallet `name`, or the only wallet there is (public facts only;
    /// nothing is decrypted).
    ///
    /// # Errors
    /// [`WalletError::NoWallets`], [`WalletError::WalletNotChosen`],
    /// [`WalletError::NotFound`], damaged files.
    pub fn open(store: &WalletStore, name: Option<&str>) -> Result<Self, WalletError> {
        Ok(Self::from_handle(store.choose(name)?))
    }

    /// An open wallet over a handle.
    #[must_use]
    pub fn from_handle(handle: WalletHandle) -> Self {
        Self {
            handle,
            keys: None,
            authenticated_at: None,
            reauth_window: None,
            challenge: None,
            review: None,
            send: None,
            action: None,
        }
    }

    /// An open wallet whose keys were just derived (created or restored).
    pub(crate) fn unlocked(handle: WalletHandle, keys: UnlockedWallet) -> Self {
        Self {
            keys: Some(keys),
            authenticated_at: Some(Instant::now()),
            ..Self::from_handle(handle)
        }
    }

    /// Asks for the password again before signing when it was last typed
    /// longer than `window` ago (`None`: never). The app sets
    /// [`REAUTH_WINDOW`]; a CLI command is its own authentication.
    pub fn set_reauth_window(&mut self, window: Option<Duration>) {
        self.reauth_window = window;
    }

    /// Whether signing now needs the password typed again.
    #[must_use]
    pub fn needs_reauth(&self) -> bool {
        match (self.reauth_window, self.authenticated_at) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(window), Some(at)) => at.elapsed() > window,
        }
    }

    /// Checks the password again (through the throttle) and opens a new
    /// re-authentication window.
    ///
    /// # Errors
    /// `keystore-wrong-password`, [`WalletError::TooManyAttempts`],
    /// [`WalletError::Locked`], [`WalletError::WatchOnly`].
    pub fn reauthenticate(
        &mut self,
        password: &Password,
        policy: &KdfPolicy,
    ) -> Result<(), WalletError> {
        self.keys()?;
        self.check_password(password, policy)?;
        Ok(())
    }

    /// Derives the keys from `password` through the throttle; a right
    /// password counts as a fresh authentication.
    fn check_password(
        &mut self,
        password: &Password,
        policy: &KdfPolicy,
    ) -> Result<UnlockedWallet, WalletError> {
        let identity = self.handle.identity().to_path_buf();
        let handle = &mut self.handle;
        let keys = password_gate::guarded(&identity, || handle.unlock(password, policy))?;
        self.authenticated_at = Some(Instant::now());
        Ok(keys)
    }

    /// The wallet file's handle.
    #[must_use]
    pub fn handle(&self) -> &WalletHandle {
        &self.handle
    }

    /// The wallet's name.
    #[must_use]
    pub fn name(&self) -> &str {
        self.handle.name()
    }

    /// What the screens show of it.
    ///
    /// # Errors
    /// As [`wallets::view`].
    pub fn view(&self) -> Result<WalletView, WalletError> {
        wallets::view(&self.handle)
    }

    /// Its public facts, for chain use cases running elsewhere.
    ///
    /// # Errors
    /// As [`WalletFacts::of`].
    pub fn facts(&self) -> Result<WalletFacts, WalletError> {
        WalletFacts::of(&self.handle)
    }

    /// Whether its keys are decrypted now.
    #[must_use]
    pub fn is_unlocked(&self) -> bool {
        self.keys.is_some()
    }

    /// The decrypted keys.
    ///
    /// # Errors
    /// [`WalletError::WatchOnly`] for a watch-only wallet,
    /// [`WalletError::Locked`] when not unlocked.
    pub fn keys(&self) -> Result<&UnlockedWallet, WalletError> {
        if self.handle.is_watch_only() {
            return Err(WalletError::WatchOnly {
                name: self.handle.name().to_owned(),
            });
        }
        self.keys.as_ref().ok_or(WalletError::Locked)
    }

    /// Unlocks with the password. Weak parameters are upgraded to `policy`'s
    /// floor on the way ([`KdfNotice`]).
    ///
    /// # Errors
    /// `keystore-wrong-password` and the other keystore errors,
    /// [`WalletError::TooManyAttempts`], [`WalletError::WatchOnly`],
    /// [`WalletError::AccountMismatch`].
    pub fn unlock_with_password(
        &mut self,
        password: &Password,
        policy: &KdfPolicy,
    ) -> Result<KdfNotice, WalletError> {
        let keys = self.check_password(password, policy)?;
        let notice = if keys.kdf_upgraded() {
            KdfNotice::Upgraded
        } else if keys.kdf_upgrade_failed() {
            KdfNotice::UpgradeFailed
        } else {
            KdfNotice::Unchanged
        };
        self.keys = Some(keys);
        Ok(notice)
    }

    /// Unlocks: with the OS keyring first when `try_keyring` and the wallet
    /// has a keyring slot, else (or when the keyring cannot be reached, which
    /// the report says) with the password `password` returns, asked only
    /// then.
    ///
    /// # Errors
    /// Whatever `password` returns, `keystore-wrong-password` and the other
    /// keystore errors, [`WalletError::WatchOnly`].
    pub fn unlock<E: From<WalletError>>(
        &mut self,
        try_keyring: bool,
        policy: &KdfPolicy,
        password: &mut dyn FnMut() -> Result<Password, E>,
    ) -> Result<UnlockReport, E> {
        let mut keyring_problem = None;
        if try_keyring && self.handle.has_keyring_slot() {
            let attempt = keystore::platform_store()
                .map_err(WalletError::from)
                .and_then(|store| self.handle.unlock_with_keyring(store.as_ref()));
            match attempt {
                Ok(keys) => {
                    self.keys = Some(keys);
                    self.authenticated_at = Some(Instant::now());
                    return Ok(UnlockReport {
                        method: UnlockMethod::Keyring,
                        kdf: KdfNotice::Unchanged,
                        keyring_problem: None,
                    });
                }
                Err(error) => keyring_problem = Some(ErrorView::of(&error)),
            }
        }
        let password = password()?;
        let kdf = self.unlock_with_password(&password, policy)?;
        Ok(UnlockReport {
            method: UnlockMethod::Password,
            kdf,
            keyring_problem,
        })
    }

    /// Forgets the decrypted keys, the backup challenge and any pending
    /// review (secrets are zeroized on drop).
    pub fn lock(&mut self) {
        self.keys = None;
        self.authenticated_at = None;
        self.challenge = None;
        self.review = None;
        self.send = None;
    }

    /// The words for the one backup display, only while the backup has not
    /// been checked, and only with the password typed again; arms the
    /// backup check that follows.
    ///
    /// # Errors
    /// [`WalletError::BackupAlreadyChecked`], `keystore-wrong-password`,
    /// [`WalletError::Locked`], [`WalletError::WatchOnly`].
    pub fn reveal_words(
        &mut self,
        password: &Password,
        policy: &KdfPolicy,
    ) -> Result<RevealedWords, WalletError> {
        if self.handle.backup_verified() {
            return Err(WalletError::BackupAlreadyChecked);
        }
        self.keys()?;
        let again = self.check_password(password, policy)?;
        let words = again
            .mnemonic()
            .words()
            .map(|w| Zeroizing::new(w.to_owned()))
            .collect();
        let challenge = BackupChallenge::new(again.mnemonic())?;
        let view = challenge.view();
        self.challenge = Some(challenge);
        Ok(RevealedWords {
            words,
            challenge: view,
        })
    }

    /// Starts a backup check (a later re-check of the written words), with
    /// the password typed again.
    ///
    /// # Errors
    /// `keystore-wrong-password`, [`WalletError::Locked`],
    /// [`WalletError::WatchOnly`], [`WalletError::Randomness`].
    pub fn start_backup_check(
        &mut self,
        password: &Password,
        policy: &KdfPolicy,
    ) -> Result<BackupChallengeView, WalletError> {
        self.keys()?;
        let again = self.check_password(password, policy)?;
        let challenge = BackupChallenge::new(again.mnemonic())?;
        let view = challenge.view();
        self.challenge = Some(challenge);
        Ok(view)
    }

    /// Checks the answers to the armed challenge; on success the wallet is
    /// recorded as backed up and the challenge is used up.
    ///
    /// # Errors
    /// [`WalletError::NoBackupChallenge`], [`WalletError::BackupMismatch`]
    /// (the challenge stays armed while tries are left),
    /// [`WalletError::Locked`], settings errors.
    pub fn check_backup(&mut self, answers: &[impl AsRef<str>]) -> Result<WalletView, WalletError> {
        let keys = self.keys.as_ref().ok_or(WalletError::Locked)?;
        let challenge = self
            .challenge
            .as_mut()
            .ok_or(WalletError::NoBackupChallenge)?;
        match challenge.check_all(keys.mnemonic(), answers) {
            Ok(passed) => {
                self.challenge = None;
                self.record_backup_checked(passed)
            }
            Err(error) => {
                if matches!(error, WalletError::BackupMismatch { tries_left: 0 }) {
                    self.challenge = None;
                }
                Err(error)
            }
        }
    }

    /// Records that the backup check of this wallet's words passed (a
    /// challenge answered all at once, or one word at a time at a prompt).
    ///
    /// # Errors
    /// [`WalletError::NoBackupChallenge`] for a proof of another wallet's
    /// words, [`WalletError::Locked`], settings errors.
    pub fn record_backup_checked(&mut self, passed: Passed) -> Result<WalletView, WalletError> {
        let keys = self.keys.as_ref().ok_or(WalletError::Locked)?;
        if !passed.is_for(keys.mnemonic()) {
            return Err(WalletError::NoBackupChallenge);
        }
        self.handle.set_backup_verified()?;
        self.view()
    }

    /// Keeps a prepared send while the person reviews it; the previous one
    /// is dropped.
    pub fn keep_send(&mut self, prepared: PreparedSend) {
        self.send = Some(prepared);
    }

    /// Signs the kept send if `review_id` is the one the person reviewed;
    /// the kept send is used up. Returns it with its signed transaction.
    ///
    /// # Errors
    /// [`ChainError::NoSuchReview`], [`WalletError::ReauthRequired`] past the
    /// re-authentication window (the send stays kept, to sign after
    /// [`OpenWallet::reauthenticate`]), [`WalletError::Locked`],
    /// [`WalletError::WatchOnly`], signing errors.
    pub fn sign_kept_send(
        &mut self,
        review_id: &str,
    ) -> Result<(PreparedSend, jifen_protocol::Transaction), ChainError> {
        if self
            .send
            .as_ref()
            .is_none_or(|s| s.review_id() != review_id)
        {
            return Err(ChainError::NoSuchReview);
        }
        self.keys()?;
        if self.needs_reauth() {
            return Err(WalletError::ReauthRequired.into());
        }
        let prepared = self.send.take().ok_or(ChainError::NoSuchReview)?;
        let tx = prepared.sign(self.keys()?)?;
        Ok((prepared, tx))
    }

    /// Keeps a prepared points transaction while the person reviews it; the
    /// previous one is dropped.
    pub fn keep_action(&mut self, prepared: PreparedAction) {
        self.action = Some(prepared);
    }

    /// The kept points transaction's review, if any.
    #[must_use]
    pub fn kept_action(&self) -> Option<&PreparedAction> {
        self.action.as_ref()
    }

    /// Signs the kept points transaction if `review_id` is the one the
    /// person reviewed and (a quote) it has at least
    /// [`crate::action::MIN_CONFIRM_MS`] of validity left at `now_ms`; it
    /// is used up when signed. Returns it with its signed transaction.
    ///
    /// # Errors
    /// `chain-no-such-review`, `swap-quote-expiring` (the quote is dropped:
    /// get a fresh one), `wallet-reauth-required` (kept, to sign after
    /// [`OpenWallet::reauthenticate`]), `wallet-locked`,
    /// `wallet-watch-only`, signing errors.
    pub fn sign_kept_action(
        &mut self,
        review_id: &str,
        now_ms: u64,
    ) -> Result<(PreparedAction, jifen_protocol::Transaction), PointsFlowError> {
        let Some(kept) = self.action.as_ref().filter(|a| a.review_id() == review_id) else {
            return Err(ChainError::NoSuchReview.into());
        };
        if let Err(error) = kept.check_confirmable(now_ms) {
            self.action = None;
            return Err(error);
        }
        self.keys()?;
        if self.needs_reauth() {
            return Err(WalletError::ReauthRequired.into());
        }
        let prepared = self.action.take().ok_or(ChainError::NoSuchReview)?;
        let tx = prepared.sign(self.keys()?, now_ms)?;
        Ok((prepared, tx))
    }

    /// Changes the password (only the data key is re-wrapped) with
    /// parameters calibrated on this device.
    ///
    /// # Errors
    /// `keystore-wrong-password`, [`WalletError::TooManyAttempts`] and the
    /// other keystore errors.
    pub fn change_password(
        &mut self,
        old: &Password,
        new: &Password,
        kdf: &Calibrated,
    ) -> Result<KdfView, WalletError> {
        let identity = self.handle.identity().to_path_buf();
        let handle = &mut self.handle;
        password_gate::guarded(&identity, || handle.change_password(old, new, kdf.params))?;
        self.authenticated_at = Some(Instant::now());
        Ok(kdf.view())
    }

    /// Re-wraps the key with parameters calibrated on this device again
    /// (same password).
    ///
    /// # Errors
    /// As [`OpenWallet::change_password`].
    pub fn recalibrate(
        &mut self,
        password: &Password,
        kdf: &Calibrated,
    ) -> Result<KdfView, WalletError> {
        self.change_password(password, password, kdf)
    }

    /// Adds an OS-keyring slot (the password proves the person may).
    ///
    /// # Errors
    /// `keystore-keyring-unavailable` and the other keystore errors.
    pub fn enable_keyring(
        &mut self,
        password: &Password,
        policy: &KdfPolicy,
    ) -> Result<WalletView, WalletError> {
        let store = keystore::platform_store()?;
        let identity = self.handle.identity().to_path_buf();
        let handle = &mut self.handle;
        password_gate::guarded(&identity, || {
            handle.add_keyring_slot(password, policy, store.as_ref())
        })?;
        self.view()
    }

    /// Removes the OS-keyring slot and its keyring entry.
    ///
    /// # Errors
    /// Keystore errors.
    pub fn disable_keyring(&mut self) -> Result<WalletView, WalletError> {
        let store = keystore::platform_store()?;
        self.handle.remove_keyring_slot(store.as_ref())?;
        self.view()
    }

    /// Forgets a cold signer's review waiting for confirmation (it will not
    /// be signed).
    pub fn clear_review(&mut self) {
        self.review = None;
    }

    /// The cold signer's review waiting for the person's confirmation.
    pub(crate) fn review(&self) -> Option<&Review> {
        self.review.as_ref()
    }

    /// Keeps (or clears) the cold signer's review.
    pub(crate) fn set_review(&mut self, review: Option<Review>) {
        self.review = review;
    }
}
