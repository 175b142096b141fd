//! Errors as they cross the IPC boundary: a Fluent message id and its arguments,
//! translated in the webview with the same catalogs the Rust side uses
//! (`docs/adr/0003-i18n-fluent-codes.md`).

use std::collections::BTreeMap;

use serde::Serialize;

/// A failure the UI shows: `code` is a message id in `i18n/locales/*/`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AppError {
    /// Fluent message id, e.g. `keystore-wrong-password`.
    pub code: String,
    /// Named arguments of the message.
    pub args: BTreeMap<String, serde_json::Value>,
}

impl AppError {
    /// An error without arguments.
    pub fn new(code: &str) -> Self {
        Self {
            code: code.to_owned(),
            args: BTreeMap::new(),
        }
    }

    /// Adds a named argument.
    #[must_use]
    pub fn arg(mut self, name: &str, value: impl Into<serde_json::Value>) -> Self {
        self.args.insert(name.to_owned(), value.into());
        self
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.code)
    }
}

impl std::error::Error for AppError {}

impl From<jifen_wallet::WalletError> for AppError {
    fn from(e: jifen_wallet::WalletError) -> Self {
        use jifen_wallet::WalletError as W;
        let base = AppError::new(e.code());
        match &e {
            W::InvalidName { name } | W::NotFound { name } | W::AlreadyExists { name } => {
                base.arg("name", name.as_str())
            }
            W::WalletNotChosen { names } => base.arg("names", names.join(", ")),
            _ => base,
        }
    }
}

impl From<jifen_crypto::keystore::KeystoreError> for AppError {
    fn from(e: jifen_crypto::keystore::KeystoreError) -> Self {
        AppError::new(e.code())
    }
}

impl From<jifen_crypto::mnemonic::MnemonicError> for AppError {
    fn from(e: jifen_crypto::mnemonic::MnemonicError) -> Self {
        use jifen_crypto::mnemonic::MnemonicError as M;
        let base = AppError::new(e.code());
        match e {
            M::WordCount { got } => base.arg("got", got),
            M::UnknownWord { position, .. } => base.arg("position", position),
            _ => base,
        }
    }
}

impl From<jifen_crypto::hd::HdError> for AppError {
    fn from(e: jifen_crypto::hd::HdError) -> Self {
        AppError::new(e.code())
    }
}

impl From<jifen_qr::EncodeError> for AppError {
    fn from(e: jifen_qr::EncodeError) -> Self {
        AppError::new(e.code())
    }
}
