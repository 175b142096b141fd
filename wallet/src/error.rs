//! Errors of wallet operations, with stable codes for translation.

use jifen_crypto::hd::HdError;
use jifen_crypto::keystore::KeystoreError;
use jifen_crypto::mnemonic::MnemonicError;
use jifen_crypto::signer::SignError;

/// Why a wallet operation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WalletError {
    /// Wallet names are 1-64 letters, digits, `-` or `_`.
    #[error("invalid wallet name {name:?}")]
    InvalidName {
        /// The name given.
        name: String,
    },
    /// No wallet with this name.
    #[error("no wallet named {name:?}")]
    NotFound {
        /// The name given.
        name: String,
    },
    /// A wallet with this name exists already.
    #[error("a wallet named {name:?} already exists")]
    AlreadyExists {
        /// The name given.
        name: String,
    },
    /// Several wallets exist and none was named.
    #[error("several wallets exist; name one")]
    WalletNotChosen {
        /// The wallets there are.
        names: Vec<String>,
    },
    /// There is no wallet yet.
    #[error("there is no wallet yet")]
    NoWallets,
    /// The BIP39 passphrase is longer than allowed.
    #[error("the passphrase is too long")]
    PassphraseTooLong,
    /// The decrypted secret does not follow the documented layout.
    #[error("wallet secret is malformed: {detail}")]
    BadSecret {
        /// Which check failed.
        detail: &'static str,
    },
    /// The public record does not follow the documented layout.
    #[error("wallet record is malformed: {detail}")]
    BadMeta {
        /// Which check failed.
        detail: &'static str,
    },
    /// The wallet is watch-only (paired from a cold device): it has no secret to
    /// unlock; its transactions are signed on the cold device.
    #[error("wallet {name:?} is watch-only; sign on its cold device")]
    WatchOnly {
        /// The wallet's name.
        name: String,
    },
    /// The secret derives another account than the record names.
    #[error("the wallet's secret does not match its account record")]
    AccountMismatch,
    /// Settings file could not be read or written.
    #[error("wallet settings i/o error: {0}")]
    Settings(#[source] std::io::Error),
    /// Listing the wallet directory failed.
    #[error("cannot read the wallet directory: {0}")]
    Directory(#[source] std::io::Error),
    /// A keystore error.
    #[error(transparent)]
    Keystore(#[from] KeystoreError),
    /// A mnemonic error.
    #[error(transparent)]
    Mnemonic(#[from] MnemonicError),
    /// A derivation error.
    #[error(transparent)]
    Hd(#[from] HdError),
    /// A signing error.
    #[error(transparent)]
    Sign(#[from] SignError),
}

impl WalletError {
    /// Stable code for translation; wrapped errors report their own code.
    pub fn code(&self) -> &'static str {
        match self {
            WalletError::InvalidName { .. } => "wallet-invalid-name",
            WalletError::NotFound { .. } => "wallet-not-found",
            WalletError::AlreadyExists { .. } => "wallet-already-exists",
            WalletError::WalletNotChosen { .. } => "wallet-not-chosen",
            WalletError::NoWallets => "wallet-none",
            WalletError::PassphraseTooLong => "wallet-passphrase-too-long",
            WalletError::BadSecret { .. } => "wallet-bad-secret",
            WalletError::BadMeta { .. } => "wallet-bad-record",
            WalletError::WatchOnly { .. } => "wallet-watch-only",
            WalletError::AccountMismatch => "wallet-account-mismatch",
            WalletError::Settings(_) => "wallet-settings-io",
            WalletError::Directory(_) => "wallet-directory-io",
            WalletError::Keystore(e) => e.code(),
            WalletError::Mnemonic(e) => e.code(),
            WalletError::Hd(e) => e.code(),
            WalletError::Sign(e) => e.code(),
        }
    }
}
