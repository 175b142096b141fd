//! Errors of wallet operations, with stable codes for translation.

use jifen_crypto::hd::HdError;
use jifen_crypto::keystore::KeystoreError;
use jifen_crypto::mnemonic::MnemonicError;
use jifen_crypto::signer::{MessageSignatureError, SignError};
use jifen_protocol::AddressError;
use jifen_protocol::message::{Arg, Coded};

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
    /// The wallet is keyed, where a watch-only wallet was expected (sign
    /// requests are made by the online half of a cold pair).
    #[error("wallet {name:?} has its keys; sign with it directly")]
    NotWatchOnly {
        /// The wallet's name.
        name: String,
    },
    /// The wallet's keys are not decrypted (unlock it first).
    #[error("the wallet is locked")]
    Locked,
    /// The backup was checked already; the words are not shown again.
    #[error("the backup was checked already")]
    BackupAlreadyChecked,
    /// No backup check is running (none was started, or it was used up).
    #[error("no backup check is running; start one with the password")]
    NoBackupChallenge,
    /// The typed words are not the wallet's (which one is wrong is not said).
    #[error("the words typed are not this wallet's ({tries_left} tries left)")]
    BackupMismatch {
        /// Answers the challenge still accepts.
        tries_left: u32,
    },
    /// Too many wrong passwords in a row: the next try is accepted after
    /// this many seconds (`wallet::password_gate`).
    #[error("too many wrong passwords; try again in {retry_after_s} s")]
    TooManyAttempts {
        /// Seconds until the next try is accepted.
        retry_after_s: u64,
    },
    /// The password was last typed too long ago for this: type it again
    /// (the app asks before a send, `OpenWallet::reauthenticate`).
    #[error("type the password again to confirm")]
    ReauthRequired,
    /// The system's random source failed.
    #[error("the random generator failed")]
    Randomness,
    /// No data directory: none given, and no `JIFEN_DATA_DIR`,
    /// `XDG_DATA_HOME` or `HOME`.
    #[error("no data directory: set JIFEN_DATA_DIR or HOME")]
    NoDataDir,
    /// A wallet file could not be read or written (`files-*`: missing,
    /// not a regular file, too large, locked by another process, i/o).
    #[error(transparent)]
    File(#[from] jifen_files::FileError),
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
    /// An address error.
    #[error(transparent)]
    Address(#[from] AddressError),
    /// A message-signature error.
    #[error(transparent)]
    MessageSignature(#[from] MessageSignatureError),
}

impl WalletError {
    /// Stable code for translation; wrapped errors report their own code.
    pub fn code(&self) -> &'static str {
        Coded::code(self)
    }
}

impl Coded for WalletError {
    fn code(&self) -> &'static str {
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
            WalletError::NotWatchOnly { .. } => "wallet-not-watch-only",
            WalletError::Locked => "wallet-locked",
            WalletError::BackupAlreadyChecked => "wallet-backup-already-checked",
            WalletError::NoBackupChallenge => "wallet-no-backup-challenge",
            WalletError::BackupMismatch { .. } => "wallet-backup-mismatch",
            WalletError::TooManyAttempts { .. } => "wallet-too-many-attempts",
            WalletError::ReauthRequired => "wallet-reauth-required",
            WalletError::Randomness => "wallet-randomness",
            WalletError::NoDataDir => "wallet-no-data-dir",
            WalletError::File(e) => Coded::code(e),
            WalletError::Directory(_) => "wallet-directory-io",
            WalletError::Keystore(e) => Coded::code(e),
            WalletError::Mnemonic(e) => Coded::code(e),
            WalletError::Hd(e) => Coded::code(e),
            WalletError::Sign(e) => Coded::code(e),
            WalletError::Address(e) => Coded::code(e),
            WalletError::MessageSignature(e) => Coded::code(e),
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            WalletError::InvalidName { name }
            | WalletError::NotFound { name }
            | WalletError::AlreadyExists { name }
            | WalletError::WatchOnly { name }
            | WalletError::NotWatchOnly { name } => vec![("name", name.into())],
            WalletError::WalletNotChosen { names } => vec![("names", names.join(", ").into())],
            WalletError::BadSecret { detail } | WalletError::BadMeta { detail } => {
                vec![("detail", (*detail).into())]
            }
            WalletError::BackupMismatch { tries_left } => vec![("left", (*tries_left).into())],
            WalletError::TooManyAttempts { retry_after_s } => {
                vec![("seconds", (*retry_after_s).into())]
            }
            WalletError::File(e) => e.args(),
            WalletError::Directory(source) => {
                vec![("reason", source.to_string().into())]
            }
            WalletError::NoWallets
            | WalletError::PassphraseTooLong
            | WalletError::AccountMismatch
            | WalletError::Locked
            | WalletError::BackupAlreadyChecked
            | WalletError::NoBackupChallenge
            | WalletError::ReauthRequired
            | WalletError::Randomness
            | WalletError::NoDataDir => Vec::new(),
            WalletError::Keystore(e) => e.args(),
            WalletError::Mnemonic(e) => e.args(),
            WalletError::Hd(e) => e.args(),
            WalletError::Sign(e) => e.args(),
            WalletError::Address(e) => e.args(),
            WalletError::MessageSignature(e) => e.args(),
        }
    }
}
