//! Use cases: **create a wallet** with new words, and **restore one** from
//! written words.
//!
//! A new wallet starts as a [`Draft`]: a name that is free and new words,
//! nothing written yet. Its words are shown once and checked
//! ([`crate::backup`]); [`Draft::commit`] writes the wallet, recorded as
//! backed up only with the check's [`Passed`] proof. The CLI checks before it
//! commits (a failed check writes nothing); the app commits first, "not
//! backed up", and checks from the open wallet. Restoring counts as checked:
//! the person just typed every word.

use jifen_crypto::keystore::Password;
use jifen_crypto::mnemonic::{Mnemonic, MnemonicError, MnemonicLanguage, WordCount};

use crate::backup::{BackupChallenge, Passed};
use crate::context::WalletContext;
use crate::error::WalletError;
use crate::open::{Calibrated, OpenWallet};
use crate::record::MAX_PASSPHRASE_BYTES;
use crate::store::{NewWallet, WalletStore, validate_name};

/// A word list, as front ends name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub enum WordList {
    /// The BIP39 simplified Chinese list.
    #[serde(rename = "zh-hans")]
    ChineseSimplified,
    /// The BIP39 traditional Chinese list.
    #[serde(rename = "zh-hant")]
    ChineseTraditional,
    /// The BIP39 English list.
    #[serde(rename = "en")]
    English,
}

impl From<WordList> for MnemonicLanguage {
    fn from(list: WordList) -> Self {
        match list {
            WordList::ChineseSimplified => MnemonicLanguage::ChineseSimplified,
            WordList::ChineseTraditional => MnemonicLanguage::ChineseTraditional,
            WordList::English => MnemonicLanguage::English,
        }
    }
}

/// A word list by its name (`zh-hans`, `zh-hant`, `en`, and the usual
/// spellings of those).
///
/// # Errors
/// `mnemonic-unknown-language`.
pub fn word_list(name: &str) -> Result<MnemonicLanguage, WalletError> {
    Ok(name.trim().parse::<MnemonicLanguage>()?)
}

/// New random words: 12 or 24 in `language`.
///
/// # Errors
/// `mnemonic-word-count` for another count, `mnemonic-randomness`.
fn new_words(language: MnemonicLanguage, words: usize) -> Result<Mnemonic, WalletError> {
    let count = WordCount::from_words(words).ok_or(MnemonicError::WordCount { got: words })?;
    Ok(Mnemonic::generate(language, count)?)
}

/// Checks that `name` is a valid wallet name no wallet uses yet, before any
/// secret is asked for.
///
/// # Errors
/// [`WalletError::InvalidName`], [`WalletError::AlreadyExists`],
/// [`WalletError::Directory`].
pub fn check_name_free(store: &WalletStore, name: &str) -> Result<(), WalletError> {
    validate_name(name)?;
    if store.names()?.iter().any(|n| n == name) {
        return Err(WalletError::AlreadyExists {
            name: name.to_owned(),
        });
    }
    Ok(())
}

/// A new wallet not written yet: a free name and new words.
pub struct Draft {
    name: String,
    mnemonic: Mnemonic,
}

impl std::fmt::Debug for Draft {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Draft")
            .field("name", &self.name)
            .field("mnemonic", &"<redacted>")
            .finish()
    }
}

/// Starts a new wallet `name` with new words (12 or 24, in `language`);
/// nothing is written yet.
///
/// # Errors
/// Name errors, `mnemonic-word-count`, `mnemonic-randomness`.
pub fn draft(
    store: &WalletStore,
    name: &str,
    language: MnemonicLanguage,
    words: usize,
) -> Result<Draft, WalletError> {
    check_name_free(store, name)?;
    Ok(Draft {
        name: name.to_owned(),
        mnemonic: new_words(language, words)?,
    })
}

/// The secrets a new wallet is written with.
pub struct Secrets<'a> {
    /// The wallet password.
    pub password: &'a Password,
    /// Optional BIP39 passphrase (empty for none).
    pub passphrase: &'a str,
    /// Parameters calibrated on this device ([`crate::open::calibrate`]).
    pub kdf: &'a Calibrated,
}

impl std::fmt::Debug for Secrets<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secrets(<redacted>)")
    }
}

impl Draft {
    /// The words to show once.
    #[must_use]
    pub fn mnemonic(&self) -> &Mnemonic {
        &self.mnemonic
    }

    /// A backup check of these words.
    ///
    /// # Errors
    /// [`WalletError::Randomness`].
    pub fn challenge(&self) -> Result<BackupChallenge, WalletError> {
        BackupChallenge::new(&self.mnemonic)
    }

    /// Writes the wallet on the context's network and opens it, unlocked;
    /// backed up only with the proof that these words were checked.
    ///
    /// # Errors
    /// Name errors (another process took the name meanwhile),
    /// [`WalletError::PassphraseTooLong`], [`WalletError::NoBackupChallenge`]
    /// for a proof of other words, keystore errors.
    pub fn commit(
        self,
        ctx: &WalletContext,
        secrets: &Secrets<'_>,
        backup: Option<Passed>,
    ) -> Result<OpenWallet, WalletError> {
        if backup.is_some_and(|passed| !passed.is_for(&self.mnemonic)) {
            return Err(WalletError::NoBackupChallenge);
        }
        write(ctx, &self.name, &self.mnemonic, secrets, backup.is_some())
    }
}

fn write(
    ctx: &WalletContext,
    name: &str,
    mnemonic: &Mnemonic,
    secrets: &Secrets<'_>,
    backup_verified: bool,
) -> Result<OpenWallet, WalletError> {
    check_name_free(&ctx.store(), name)?;
    if secrets.passphrase.len() > MAX_PASSPHRASE_BYTES {
        return Err(WalletError::PassphraseTooLong);
    }
    let handle = ctx.store().create(&NewWallet {
        name,
        mnemonic,
        passphrase: secrets.passphrase,
        password: secrets.password,
        network: ctx.network,
        kdf: secrets.kdf.params,
        backup_verified,
    })?;
    let keys = handle.unlocked_with(mnemonic, secrets.passphrase)?;
    Ok(OpenWallet::unlocked(handle, keys))
}

/// Reads typed words (`language`: the word list, else it is recognised;
/// Chinese words with or without spaces). Front ends call it before asking
/// for a password, so a typo is found at once.
///
/// # Errors
/// `mnemonic-unknown-word` with its position, `mnemonic-bad-checksum`,
/// `mnemonic-word-count`, `mnemonic-ambiguous-language`.
pub fn parse_words(
    phrase: &str,
    language: Option<MnemonicLanguage>,
) -> Result<Mnemonic, WalletError> {
    Ok(Mnemonic::parse(phrase, language)?)
}

/// Restores a wallet from its words on the context's network and opens it,
/// unlocked. The backup counts as checked: the person just typed every word.
///
/// # Errors
/// As [`Draft::commit`].
pub fn restore(
    ctx: &WalletContext,
    name: &str,
    mnemonic: &Mnemonic,
    secrets: &Secrets<'_>,
) -> Result<OpenWallet, WalletError> {
    write(ctx, name, mnemonic, secrets, true)
}
