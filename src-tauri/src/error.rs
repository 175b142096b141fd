//! Errors as they cross the IPC boundary: a Fluent message id and its arguments,
//! translated in the webview with the same catalogs the Rust side uses
//! (`docs/adr/0003-i18n-fluent-codes.md`).

use std::collections::BTreeMap;

use jifen_i18n::Arg;
use jifen_wallet::messages::{self, Translated};
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

impl From<Translated> for AppError {
    fn from(t: Translated) -> Self {
        t.args
            .into_iter()
            .fold(AppError::new(t.code), |error, (name, value)| match value {
                Arg::Text(text) => error.arg(name, text),
                Arg::Int(n) => error.arg(name, n),
            })
    }
}

/// Library errors cross with the id and arguments `jifen_wallet::messages` gives
/// them (the same the CLI shows).
macro_rules! translated {
    ($($error:ty),* $(,)?) => {$(
        impl From<$error> for AppError {
            fn from(e: $error) -> Self {
                match messages::translate(&e) {
                    Some(t) => t.into(),
                    None => AppError::new("app-error-unexpected").arg("detail", e.to_string()),
                }
            }
        }
    )*};
}

translated!(
    jifen_wallet::WalletError,
    jifen_wallet::chain::ChainError,
    jifen_crypto::keystore::KeystoreError,
    jifen_crypto::mnemonic::MnemonicError,
    jifen_crypto::hd::HdError,
    jifen_protocol::AddressError,
);

impl From<jifen_qr::EncodeError> for AppError {
    fn from(e: jifen_qr::EncodeError) -> Self {
        AppError::new(e.code())
    }
}
