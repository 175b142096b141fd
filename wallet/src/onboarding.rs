//! Use cases: **create a wallet** with new words, and **restore one** from
//! written words.
//!
//! A new wallet's words are shown once and then checked
//! ([`crate::backup`]): the CLI checks them before it writes the file (a
//! failed check writes nothing), the app writes the file first, marked "not
//! backed up", and checks from the open wallet. Restoring counts as checked:
//! the person just typed every word.

use jifen_crypto::keystore::Password;
use jifen_crypto::mnemonic::{Mnemonic, MnemonicError, MnemonicLanguage, WordCount};

use crate::context::WalletContext;
use crate::error::WalletError;
use crate::open::{Calibrated, OpenWallet};
use crate::record::MAX_PASSPHRASE_BYTES;
use crate::store::{NewWallet, WalletStore, validate_name};

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
pub fn new_words(language: MnemonicLanguage, words: usize) -> Result<Mnemonic, WalletError> {
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

/// What a new wallet is made of.
#[derive(Debug)]
pub struct NewWalletRequest<'a> {
    /// File name.
    pub name: &'a str,
    /// The words.
    pub mnemonic: &'a Mnemonic,
    /// Optional BIP39 passphrase (empty for none).
    pub passphrase: &'a str,
    /// The wallet password.
    pub password: &'a Password,
    /// Parameters calibrated on this device ([`crate::open::calibrate`]).
    pub kdf: &'a Calibrated,
    /// Whether the backup check already passed.
    pub backup_verified: bool,
}

/// Writes a new wallet on the context's network and opens it, unlocked.
///
/// # Errors
/// Name errors, [`WalletError::PassphraseTooLong`], keystore errors.
pub fn create(ctx: &WalletContext, request: &NewWalletRequest<'_>) -> Result<OpenWallet, WalletError> {
    check_name_free(&ctx.store(), request.name)?;
    if request.passphrase.len() > MAX_PASSPHRASE_BYTES {
        return Err(WalletError::PassphraseTooLong);
    }
    let handle = ctx.store().create(&NewWallet {
        name: request.name,
        mnemonic: request.mnemonic,
        passphrase: request.passphrase,
        password: request.password,
        network: ctx.network,
        kdf: request.kdf.params,
        backup_verified: request.backup_verified,
    })?;
    let keys = handle.unlocked_with(request.mnemonic, request.passphrase)?;
    Ok(OpenWallet::unlocked(handle, keys))
}

/// Reads typed words (`language`: the word list, else it is recognised;
/// Chinese words with or without spaces). Front ends call it before asking
/// for a password, so a typo is found at once.
///
/// # Errors
/// `mnemonic-unknown-word` with its position, `mnemonic-bad-checksum`,
/// `mnemonic-word-count`, `mnemonic-ambiguous-language`.
pub fn parse_words(phrase: &str, language: Option<MnemonicLanguage>) -> Result<Mnemonic, WalletError> {
    Ok(Mnemonic::parse(phrase, language)?)
}

/// Restores a wallet from its words on the context's network and opens it,
/// unlocked. The backup counts as checked: the person just typed every word.
///
/// # Errors
/// As [`create`].
pub fn restore(
    ctx: &WalletContext,
    name: &str,
    mnemonic: &Mnemonic,
    passphrase: &str,
    password: &Password,
    kdf: &Calibrated,
) -> Result<OpenWallet, WalletError> {
    create(
        ctx,
        &NewWalletRequest {
            name,
            mnemonic,
            passphrase,
            password,
            kdf,
            backup_verified: true,
        },
    )
}
