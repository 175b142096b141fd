//! View types shared by several use cases: what a front end shows, with
//! stable field names and enums rather than strings. Every view is
//! `Serialize` (the CLI's `--json`, the app's IPC) and `TS` (the app's
//! generated TypeScript bindings, `ui/src/lib/bindings.ts`).
//!
//! Amounts cross as decimal text *and* base units as text: a `u128` does not
//! fit a JavaScript number, and no front end does arithmetic on money.

use std::collections::BTreeMap;

use jifen_light_client::Proven;
use jifen_protocol::message::{Arg, Coded, Message};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::chain::amount::{POINT_DECIMALS, POINT_SYMBOL, format_points};

/// A network, as views name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum NetworkView {
    /// The production network (`jf1…` addresses).
    Mainnet,
    /// The public test network (`jft1…`).
    Testnet,
    /// A local development network (`jfd1…`).
    Devnet,
}

impl From<jifen_protocol::Network> for NetworkView {
    fn from(network: jifen_protocol::Network) -> Self {
        match network {
            jifen_protocol::Network::Mainnet => NetworkView::Mainnet,
            jifen_protocol::Network::Testnet => NetworkView::Testnet,
            jifen_protocol::Network::Devnet => NetworkView::Devnet,
        }
    }
}

impl From<NetworkView> for jifen_protocol::Network {
    fn from(network: NetworkView) -> Self {
        match network {
            NetworkView::Mainnet => jifen_protocol::Network::Mainnet,
            NetworkView::Testnet => jifen_protocol::Network::Testnet,
            NetworkView::Devnet => jifen_protocol::Network::Devnet,
        }
    }
}

impl std::fmt::Display for NetworkView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(jifen_protocol::Network::from(*self).name())
    }
}

/// The kind of message a QR code carries (`docs/qr.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum CodeKind {
    /// A cold device's account export (pairing).
    #[serde(rename = "jifen-account")]
    Account,
    /// A transaction to sign.
    #[serde(rename = "jifen-sign-request")]
    SignRequest,
    /// The cold device's answer.
    #[serde(rename = "jifen-signature")]
    Signature,
}

impl From<jifen_qr::UrType> for CodeKind {
    fn from(ur_type: jifen_qr::UrType) -> Self {
        match ur_type {
            jifen_qr::UrType::Account => CodeKind::Account,
            jifen_qr::UrType::SignRequest => CodeKind::SignRequest,
            jifen_qr::UrType::Signature => CodeKind::Signature,
        }
    }
}

/// An amount of an asset, exact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AmountView {
    /// The asset's symbol (`POINT`).
    pub asset: String,
    /// Base units, as decimal text.
    pub units: String,
    /// Decimals of the asset.
    pub decimals: u32,
    /// The amount in whole units, without trailing zeros (`2.5`).
    pub text: String,
}

impl AmountView {
    /// `units` base units of POINT.
    #[must_use]
    pub fn points(units: u128) -> Self {
        Self {
            asset: POINT_SYMBOL.to_owned(),
            units: units.to_string(),
            decimals: POINT_DECIMALS,
            text: format_points(units),
        }
    }
}

impl std::fmt::Display for AmountView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.text, self.asset)
    }
}

/// Where a value was proven: the verified header it was checked against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProvenAt {
    /// The header's height.
    pub height: u64,
    /// The header's hash (the block id, hex).
    pub header_hash: String,
}

impl ProvenAt {
    /// The header a [`Proven`] value was checked against.
    #[must_use]
    pub fn of<T>(proven: &Proven<T>) -> Self {
        Self {
            height: proven.height,
            header_hash: proven.header_hash.to_string(),
        }
    }
}

/// A message argument as it crosses to a front end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(untagged)]
pub enum ArgView {
    /// Text.
    Text(String),
    /// An integer (selects plural forms).
    Int(i64),
}

impl From<Arg> for ArgView {
    fn from(arg: Arg) -> Self {
        match arg {
            Arg::Text(text) => ArgView::Text(text),
            Arg::Int(n) => ArgView::Int(n),
        }
    }
}

impl From<ArgView> for Arg {
    fn from(arg: ArgView) -> Self {
        match arg {
            ArgView::Text(text) => Arg::Text(text),
            ArgView::Int(n) => Arg::Int(n),
        }
    }
}

/// A failure as a front end shows it: a message id of the Fluent catalogs
/// (`i18n/locales/*/`) and its named arguments, formatted in the person's
/// language (`docs/adr/0003-i18n-fluent-codes.md`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ErrorView {
    /// Message id, e.g. `keystore-wrong-password`.
    pub code: String,
    /// Named arguments.
    pub args: BTreeMap<String, ArgView>,
}

impl ErrorView {
    /// The view of any coded error.
    #[must_use]
    pub fn of(error: &(impl Coded + ?Sized)) -> Self {
        Self::from_message(error.message())
    }

    /// The view of a message.
    #[must_use]
    pub fn from_message(message: Message) -> Self {
        Self {
            code: message.code.to_owned(),
            args: message
                .args
                .into_iter()
                .map(|(name, value)| (name.to_owned(), value.into()))
                .collect(),
        }
    }
}

impl<E: Coded> From<E> for ErrorView {
    fn from(error: E) -> Self {
        ErrorView::of(&error)
    }
}

impl std::fmt::Display for ErrorView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.code)
    }
}

/// A message for a QR code to show: the UR text of each frame of one loop
/// (one frame when the message fits a single code). Front ends render the
/// frames (terminal, SVG, PNG) with `jifen_qr`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct QrCodeView {
    /// What the code carries.
    pub ur_type: CodeKind,
    /// The UR text of each frame, in order (public data).
    pub parts: Vec<String>,
    /// The whole message as one single-part UR text (to copy as text).
    pub text: String,
    /// Fountain fragments of the message (0 for a single-part code).
    pub fragments: u32,
    /// Suggested frames per second.
    pub fps: u8,
}
