//! Turning any failure into a translated sentence.
//!
//! Library errors carry a stable `code()`; the message with that id in the Fluent
//! catalog is what the person reads. The CLI's own refusals are [`UserError`]s with a
//! code and named arguments. Nothing here matches on error strings.

use std::fmt;

use jifen_crypto::hd::HdError;
use jifen_crypto::keystore::KeystoreError;
use jifen_crypto::mnemonic::MnemonicError;
use jifen_crypto::signer::{MessageSignatureError, SignError};
use jifen_i18n::{Arg, Catalog};
use jifen_protocol::AddressError;
use jifen_wallet::WalletError;

/// A refusal by the CLI itself, with a message id and arguments.
#[derive(Debug)]
pub struct UserError {
    code: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl UserError {
    /// A refusal with message id `code`.
    pub fn new(code: &'static str) -> Self {
        UserError {
            code,
            args: Vec::new(),
        }
    }

    /// Adds a named argument.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }
}

impl fmt::Display for UserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code)
    }
}

impl std::error::Error for UserError {}

/// A code and its arguments, ready for the catalog.
pub struct Translated {
    /// Message id.
    pub code: &'static str,
    /// Named arguments.
    pub args: Vec<(&'static str, Arg)>,
}

fn keystore_args(e: &KeystoreError) -> Vec<(&'static str, Arg)> {
    match e {
        KeystoreError::Truncated { expected, got } => {
            vec![("expected", Arg::from(*expected)), ("got", Arg::from(*got))]
        }
        KeystoreError::UnsupportedVersion { found, supported } => vec![
            ("found", Arg::from(u32::from(*found))),
            ("supported", Arg::from(u32::from(*supported))),
        ],
        KeystoreError::KdfOutOfBounds {
            param,
            got,
            min,
            max,
        } => vec![
            ("param", Arg::from(*param)),
            ("got", Arg::from(*got)),
            ("min", Arg::from(*min)),
            ("max", Arg::from(*max)),
        ],
        KeystoreError::Corrupted { detail } => vec![("detail", Arg::from(*detail))],
        KeystoreError::NotFound { path } | KeystoreError::AlreadyExists { path } => {
            vec![("path", Arg::from(path.display().to_string()))]
        }
        KeystoreError::Io { op, path, source } => vec![
            ("op", Arg::from(*op)),
            ("path", Arg::from(path.display().to_string())),
            ("reason", Arg::from(source.to_string())),
        ],
        KeystoreError::KeyringUnavailable { reason } => vec![("reason", Arg::from(reason.clone()))],
        _ => Vec::new(),
    }
}

fn mnemonic_args(e: &MnemonicError) -> Vec<(&'static str, Arg)> {
    match e {
        MnemonicError::WordCount { got } => vec![("got", Arg::from(*got))],
        MnemonicError::UnknownWord { position } => vec![("position", Arg::from(*position))],
        MnemonicError::EntropyLength { got } => vec![("got", Arg::from(*got))],
        _ => Vec::new(),
    }
}

fn address_args(e: &AddressError) -> Vec<(&'static str, Arg)> {
    match e {
        AddressError::InvalidCharacter {
            position,
            character,
        } => vec![
            ("position", Arg::from(*position + 1)),
            ("character", Arg::from(character.to_string())),
        ],
        AddressError::UnknownPrefix { prefix } => vec![("prefix", Arg::from(prefix.clone()))],
        AddressError::WrongLength { expected, got } => {
            vec![("expected", Arg::from(*expected)), ("got", Arg::from(*got))]
        }
        AddressError::WrongNetwork { expected, got } => vec![
            ("expected", Arg::from(expected.to_string())),
            ("got", Arg::from(got.to_string())),
        ],
        _ => Vec::new(),
    }
}

fn wallet_translation(e: &WalletError) -> Translated {
    let args = match e {
        WalletError::Keystore(inner) => {
            return Translated {
                code: inner.code(),
                args: keystore_args(inner),
            };
        }
        WalletError::Mnemonic(inner) => {
            return Translated {
                code: inner.code(),
                args: mnemonic_args(inner),
            };
        }
        WalletError::InvalidName { name }
        | WalletError::NotFound { name }
        | WalletError::AlreadyExists { name } => vec![("name", Arg::from(name.clone()))],
        WalletError::WalletNotChosen { names } => vec![("names", Arg::from(names.join(", ")))],
        WalletError::BadSecret { detail } | WalletError::BadMeta { detail } => {
            vec![("detail", Arg::from(*detail))]
        }
        WalletError::Settings(source) | WalletError::Directory(source) => {
            vec![("reason", Arg::from(source.to_string()))]
        }
        _ => Vec::new(),
    };
    Translated {
        code: e.code(),
        args,
    }
}

/// Finds the first error in the chain that has a code.
pub fn translate(error: &anyhow::Error) -> Option<Translated> {
    for cause in error.chain() {
        if let Some(e) = cause.downcast_ref::<UserError>() {
            return Some(Translated {
                code: e.code,
                args: e.args.clone(),
            });
        }
        if let Some(e) = cause.downcast_ref::<WalletError>() {
            return Some(wallet_translation(e));
        }
        if let Some(e) = cause.downcast_ref::<KeystoreError>() {
            return Some(Translated {
                code: e.code(),
                args: keystore_args(e),
            });
        }
        if let Some(e) = cause.downcast_ref::<MnemonicError>() {
            return Some(Translated {
                code: e.code(),
                args: mnemonic_args(e),
            });
        }
        if let Some(e) = cause.downcast_ref::<AddressError>() {
            return Some(Translated {
                code: e.code(),
                args: address_args(e),
            });
        }
        if let Some(e) = cause.downcast_ref::<HdError>() {
            return Some(Translated {
                code: e.code(),
                args: Vec::new(),
            });
        }
        if let Some(e) = cause.downcast_ref::<MessageSignatureError>() {
            let args = match e {
                MessageSignatureError::WrongSigner { got } => vec![("got", Arg::from(got.clone()))],
                MessageSignatureError::UnsupportedVersion { got } => {
                    vec![("got", Arg::from(u32::from(*got)))]
                }
                _ => Vec::new(),
            };
            return Some(Translated {
                code: e.code(),
                args,
            });
        }
        if let Some(e) = cause.downcast_ref::<SignError>() {
            return Some(Translated {
                code: e.code(),
                args: Vec::new(),
            });
        }
    }
    None
}

/// The sentence a person reads for `error`, in the catalog's language.
pub fn describe(catalog: &Catalog, error: &anyhow::Error) -> String {
    match translate(error) {
        Some(t) if catalog.has(t.code) => catalog.format(t.code, &t.args),
        // Untranslated causes (I/O with the terminal, ...) still say what happened.
        _ => catalog.format(
            "error-unexpected",
            &[("detail", Arg::from(format!("{error:#}")))],
        ),
    }
}
