//! Errors as they cross the IPC boundary: a Fluent message id and its
//! arguments ([`jifen_wallet::ErrorView`]), translated in the webview with the
//! same catalogs the Rust side uses (`docs/adr/0003-i18n-fluent-codes.md`).
//! Every library error converts through `jifen_protocol::message::Coded`;
//! the app's own refusals are [`AppRefusal`]s.

use jifen_protocol::message::{Arg, Coded};

/// A failure the UI shows: `code` is a message id in `i18n/locales/*/`.
pub type AppError = jifen_wallet::ErrorView;

/// Why the app itself refused (not a wallet use case).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AppRefusal {
    /// No wallet is open.
    #[error("no wallet is open")]
    NoWalletOpen,
    /// In cold-signer mode the app makes no network connection.
    #[error("this device is an offline cold signer")]
    ColdOffline,
    /// A mode that does not exist.
    #[error("unknown mode {mode:?}")]
    BadMode {
        /// What was asked.
        mode: String,
    },
    /// A UI language that does not exist.
    #[error("unknown language {tag:?}")]
    UnknownLanguage {
        /// What was asked.
        tag: String,
    },
    /// The app's settings could not be written.
    #[error("the app settings cannot be saved: {reason}")]
    SettingsIo {
        /// Why.
        reason: String,
    },
    /// The app's settings file is damaged; it is not guessed at (a guess
    /// could take an offline signer online).
    #[error("the app settings file is damaged: {reason}")]
    SettingsCorrupt {
        /// What is wrong.
        reason: String,
    },
    /// More pictures than one call reads.
    #[error("too many pictures: at most {max}, got {got}")]
    TooManyImages {
        /// The bound.
        max: usize,
        /// How many came.
        got: usize,
    },
    /// A QR code was asked for with no text.
    #[error("no QR code to render")]
    NoQrParts,
    /// A watch-only wallet cannot sign; it makes a sign request.
    #[error("a watch-only wallet makes sign requests instead of signing")]
    WatchOnlyNeedsRequest,
    /// A keyed wallet was opened where a watch-only one was asked.
    #[error("wallet {name:?} is not watch-only")]
    NotWatchOnly {
        /// The wallet.
        name: String,
    },
    /// The wallet thread has stopped (the app is closing).
    #[error("the wallet engine has stopped")]
    EngineStopped,
    /// The engine thread could not start.
    #[error("the wallet engine cannot start")]
    EngineStart,
    /// No data directory could be found.
    #[error("no data directory")]
    NoDataDir,
    /// An audit bundle of a lookup was asked for before any lookup.
    #[error("no product has been looked up yet")]
    NoTrace,
}

impl Coded for AppRefusal {
    fn code(&self) -> &'static str {
        match self {
            AppRefusal::NoWalletOpen => "app-locked",
            AppRefusal::ColdOffline => "app-cold-offline",
            AppRefusal::BadMode { .. } => "app-bad-mode",
            AppRefusal::UnknownLanguage { .. } => "app-unknown-language",
            AppRefusal::SettingsIo { .. } => "app-settings-io",
            AppRefusal::SettingsCorrupt { .. } => "app-settings-corrupt",
            AppRefusal::TooManyImages { .. } => "app-too-many-images",
            AppRefusal::NoQrParts => "app-qr-no-parts",
            AppRefusal::WatchOnlyNeedsRequest => "app-watch-only-needs-request",
            AppRefusal::NotWatchOnly { .. } => "app-not-watch-only",
            AppRefusal::EngineStopped => "app-engine-stopped",
            AppRefusal::EngineStart => "app-engine-start",
            AppRefusal::NoDataDir => "app-no-data-dir",
            AppRefusal::NoTrace => "app-trace-none",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            AppRefusal::BadMode { mode } => vec![("mode", mode.into())],
            AppRefusal::UnknownLanguage { tag } => vec![("tag", tag.into())],
            AppRefusal::SettingsIo { reason } | AppRefusal::SettingsCorrupt { reason } => {
                vec![("reason", reason.into())]
            }
            AppRefusal::TooManyImages { max, got } => {
                vec![("max", (*max).into()), ("got", (*got).into())]
            }
            AppRefusal::NotWatchOnly { name } => vec![("name", name.into())],
            AppRefusal::NoWalletOpen
            | AppRefusal::ColdOffline
            | AppRefusal::NoQrParts
            | AppRefusal::WatchOnlyNeedsRequest
            | AppRefusal::EngineStopped
            | AppRefusal::EngineStart
            | AppRefusal::NoDataDir
            | AppRefusal::NoTrace => Vec::new(),
        }
    }
}
