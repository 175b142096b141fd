//! Every library error as a message id and its named arguments, ready for a
//! Fluent catalog: one place for the CLI and the app, so both show the same
//! sentence with the same details (`docs/adr/0003-i18n-fluent-codes.md`).

use jifen_crypto::hd::HdError;
use jifen_crypto::keystore::KeystoreError;
use jifen_crypto::mnemonic::MnemonicError;
use jifen_crypto::signer::{MessageSignatureError, SignError};
use jifen_i18n::Arg;
use jifen_light_client::{ClientError, PeerError};
use jifen_protocol::AddressError;

use crate::WalletError;
use crate::chain::{ChainError, format_points};
use crate::cold::ColdError;

/// A code and its arguments, ready for the catalog.
#[derive(Debug, Clone, PartialEq)]
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

/// A wallet error (and the keystore or mnemonic error it wraps).
pub fn wallet_translation(e: &WalletError) -> Translated {
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

/// A cold-signing error (a wrapped wallet error reports its own).
pub fn cold_translation(e: &ColdError) -> Translated {
    if let ColdError::Wallet(inner) = e {
        return wallet_translation(inner);
    }
    Translated {
        code: e.code(),
        args: e
            .args()
            .into_iter()
            .map(|(name, value)| (name, Arg::from(value)))
            .collect(),
    }
}

fn text(value: impl ToString) -> Arg {
    Arg::from(value.to_string())
}

fn points(units: u128) -> Arg {
    Arg::from(format!("{} POINT", format_points(units)))
}

fn peer_args(e: &PeerError) -> Vec<(&'static str, Arg)> {
    match e {
        PeerError::Unreachable { peer, message } => {
            vec![("peer", text(peer)), ("reason", text(message))]
        }
        PeerError::Timeout { peer, timeout_ms } => vec![
            ("peer", text(peer)),
            ("seconds", Arg::from(timeout_ms / 1000)),
        ],
        PeerError::HttpStatus { status } => vec![("status", Arg::from(u32::from(*status)))],
        PeerError::HeightUnavailable { height } => vec![("height", Arg::from(*height))],
        PeerError::TxRejected { name, message, .. } => {
            vec![("reason", text(name)), ("detail", text(message))]
        }
        other => vec![("detail", text(other))],
    }
}

/// A light-client error.
pub fn client_translation(e: &ClientError) -> Translated {
    let args = match e {
        ClientError::TxRejected(inner) => peer_args(inner),
        ClientError::TrustExpired { trusted_height, .. } => {
            vec![("height", Arg::from(*trusted_height))]
        }
        ClientError::NoPeer { peers } => {
            // Each node's reason is shown translated by the command itself.
            let list: Vec<String> = peers.iter().map(|p| p.id.clone()).collect();
            vec![("peers", text(list.join(", ")))]
        }
        ClientError::ForkDetected { height, path, .. } => vec![
            ("height", Arg::from(*height)),
            (
                "path",
                text(
                    path.as_ref()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default(),
                ),
            ),
        ],
        ClientError::EvidenceWrite { path, message } => {
            vec![("path", text(path.display())), ("reason", text(message))]
        }
        ClientError::StoreOtherChain { expected, got } => {
            vec![("expected", text(expected)), ("got", text(got))]
        }
        other => vec![("detail", text(other))],
    };
    Translated {
        code: e.code(),
        args,
    }
}

/// A chain-session error (wrapped client, peer and wallet errors report their own).
pub fn chain_translation(e: &ChainError) -> Translated {
    let args = match e {
        ChainError::Client(inner) => return client_translation(inner),
        ChainError::Wallet(inner) => return wallet_translation(inner),
        ChainError::Peer(inner) => {
            return Translated {
                code: inner.code(),
                args: peer_args(inner),
            };
        }
        ChainError::EndpointUnparsable { url }
        | ChainError::EndpointNoScheme { url }
        | ChainError::EndpointExtra { url }
        | ChainError::EndpointDuplicate { url } => vec![("url", text(url))],
        ChainError::EndpointScheme { url, scheme } => {
            vec![("url", text(url)), ("scheme", text(scheme))]
        }
        ChainError::EndpointPlainHttp { url, network } => {
            vec![("url", text(url)), ("network", text(network))]
        }
        ChainError::EndpointTooMany { max } => vec![("max", Arg::from(*max))],
        ChainError::NoEndpoints { network } => vec![("network", text(network))],
        ChainError::SettingsIo { path, source } | ChainError::FileIo { path, source } => {
            vec![("path", text(path.display())), ("reason", text(source))]
        }
        ChainError::SettingsCorrupt { path, detail } => {
            vec![("path", text(path.display())), ("detail", text(detail))]
        }
        ChainError::SettingsVersion { found, supported } => vec![
            ("found", Arg::from(*found)),
            ("supported", Arg::from(*supported)),
        ],
        ChainError::AmountMalformed { text: given } => vec![("text", text(given))],
        ChainError::AmountTooManyDecimals { text: given, max } => {
            vec![("text", text(given)), ("max", Arg::from(*max))]
        }
        ChainError::FeeTooLow { minimum, got } => {
            vec![("minimum", points(*minimum)), ("got", points(*got))]
        }
        ChainError::InsufficientBalance {
            balance,
            needed,
            height,
        } => vec![
            ("balance", points(*balance)),
            ("needed", points(*needed)),
            ("height", Arg::from(*height)),
        ],
        ChainError::WrongNetwork { wallet, session } => {
            vec![("wallet", text(wallet)), ("session", text(session))]
        }
        ChainError::InclusionTimeout { id, waited_ms } => {
            vec![("id", text(id)), ("seconds", Arg::from(waited_ms / 1000))]
        }
        ChainError::TxFailed {
            id,
            height,
            result_code,
        } => vec![
            ("id", text(id)),
            ("height", Arg::from(*height)),
            ("code", Arg::from(u32::from(*result_code))),
        ],
        ChainError::BundleOtherAccount { address } => vec![("address", text(address))],
        ChainError::NoTrustedHeader { height } => vec![("height", Arg::from(*height))],
        ChainError::ForeignChain { expected, got } => {
            vec![("expected", text(expected)), ("got", text(got))]
        }
        ChainError::Rejected { reason, message } => {
            vec![("reason", text(reason)), ("detail", text(message))]
        }
        ChainError::KeyMismatch { index } => vec![("index", Arg::from(*index))],
        other => vec![("detail", text(other))],
    };
    Translated {
        code: e.code(),
        args,
    }
}

/// The message id and arguments of `error` if it is one of the library errors
/// (wallet, cold signing, chain, light client, keystore, mnemonic, address, HD
/// keys, signatures); `None` for anything else (the caller walks its causes).
pub fn translate(error: &(dyn std::error::Error + 'static)) -> Option<Translated> {
    let cause = error;
    if let Some(e) = cause.downcast_ref::<ColdError>() {
        return Some(cold_translation(e));
    }
    if let Some(e) = cause.downcast_ref::<ChainError>() {
        return Some(chain_translation(e));
    }
    if let Some(e) = cause.downcast_ref::<ClientError>() {
        return Some(client_translation(e));
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
    None
}
