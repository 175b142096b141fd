//! Errors of the chain services, with stable `chain-*` codes (wrapped light
//! client and wallet errors report their own codes).

use std::path::PathBuf;

use jifen_light_client::{
    BundleError, CheckpointParseError, ClientError, EvidenceError, PeerError, StoreError,
    TrustedCertificateError,
};
use jifen_p2p::AddressError;
use jifen_protocol::message::{Arg, Coded};
use jifen_protocol::{ChainIdError, Hash32, Network};

use super::amount::format_points;

use crate::error::WalletError;

/// Why a chain operation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ChainError {
    /// The endpoint is not a URL.
    #[error("endpoint {url:?} is not a URL")]
    EndpointUnparsable {
        /// What was given.
        url: String,
    },
    /// A host (and port) without `http://` or `https://`.
    #[error("endpoint {url:?} lacks http:// or https://")]
    EndpointNoScheme {
        /// What was given.
        url: String,
    },
    /// Only `http` and `https` endpoints exist.
    #[error("endpoint {url:?} uses scheme {scheme:?}; use http or https")]
    EndpointScheme {
        /// What was given.
        url: String,
        /// Its scheme.
        scheme: String,
    },
    /// User names, passwords, queries and fragments have no place in an endpoint.
    #[error("endpoint {url:?} carries a user name, password, query or fragment")]
    EndpointExtra {
        /// What was given.
        url: String,
    },
    /// Plain HTTP to another machine is allowed on devnet only.
    #[error("plain http to {url:?} is allowed on devnet only; use https or a loopback address")]
    EndpointPlainHttp {
        /// What was given.
        url: String,
        /// The network the settings are for.
        network: Network,
    },
    /// The peer-to-peer network could not start (P2P endpoints).
    #[error("the peer-to-peer network could not start: {detail}")]
    P2pStart {
        /// Why.
        detail: String,
    },
    /// Following the chain needs a P2P endpoint (blocks are announced by
    /// gossip).
    #[error("following the {network} chain needs a P2P endpoint")]
    FollowNeedsP2p {
        /// The network.
        network: Network,
    },
    /// The same endpoint twice.
    #[error("endpoint {url:?} is listed twice")]
    EndpointDuplicate {
        /// The endpoint.
        url: String,
    },
    /// More endpoints than the client talks to.
    #[error("at most {max} endpoints (one primary and witnesses)")]
    EndpointTooMany {
        /// The limit.
        max: usize,
    },
    /// A P2P peer address (an endpoint starting with `/`) that is refused
    /// (`p2p-address-*`).
    #[error(transparent)]
    PeerAddress(#[from] AddressError),
    /// PEM text to trust that is refused (`lc-cert-*`).
    #[error(transparent)]
    TrustedCertificate(#[from] TrustedCertificateError),
    /// No endpoint configured for this network.
    #[error("no endpoint is configured for {network}")]
    NoEndpoints {
        /// The network.
        network: Network,
    },
    /// The checkpoint text does not parse.
    #[error(transparent)]
    Checkpoint(#[from] CheckpointParseError),
    /// The chain id is not valid.
    #[error(transparent)]
    ChainId(#[from] ChainIdError),
    /// The settings file could not be read or written.
    #[error("chain settings {path:?}: {source}")]
    SettingsIo {
        /// The file.
        path: PathBuf,
        /// The IO error.
        #[source]
        source: std::io::Error,
    },
    /// The settings file exists but is not valid.
    #[error("chain settings {path:?} are damaged: {detail}")]
    SettingsCorrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        detail: String,
    },
    /// The settings file was written by a newer version.
    #[error("chain settings format {found} is newer than {supported}")]
    SettingsVersion {
        /// Format found.
        found: u32,
        /// Format this version writes.
        supported: u32,
    },
    /// The amount is not a decimal number.
    #[error("{text:?} is not an amount")]
    AmountMalformed {
        /// What was given.
        text: String,
    },
    /// More decimals than POINT has.
    #[error("{text:?} has more than {max} decimals")]
    AmountTooManyDecimals {
        /// What was given.
        text: String,
        /// POINT's decimals.
        max: u32,
    },
    /// The amount does not fit in 128 bits of base units.
    #[error("the amount is too large")]
    AmountOverflow,
    /// A transfer of nothing.
    #[error("the amount is zero")]
    AmountZero,
    /// The fee is below the network's minimum.
    #[error("fee {got} is below the minimum {minimum}")]
    FeeTooLow {
        /// Minimum fee (base units).
        minimum: u128,
        /// The fee given (base units).
        got: u128,
    },
    /// The proven balance does not cover amount plus fee.
    #[error("balance {balance} does not cover {needed} (amount plus fee)")]
    InsufficientBalance {
        /// Proven balance (base units).
        balance: u128,
        /// Amount plus fee (base units).
        needed: u128,
        /// Height the balance was proven at.
        height: u64,
    },
    /// The wallet belongs to another network than the session.
    #[error("the wallet is for {wallet}, the chain session for {session}")]
    WrongNetwork {
        /// The wallet's network.
        wallet: Network,
        /// The session's network.
        session: Network,
    },
    /// The transaction was not included in time.
    #[error("transaction {id} not included after {waited_ms} ms")]
    InclusionTimeout {
        /// Transaction id.
        id: Hash32,
        /// How long we waited.
        waited_ms: u64,
    },
    /// The person (or the caller) cancelled.
    #[error("cancelled")]
    Cancelled,
    /// The wait for a transaction's inclusion was cancelled after a node took
    /// it: it may still be included.
    #[error("stopped waiting for transaction {id}; it was sent and may still be included")]
    WaitCancelled {
        /// Transaction id.
        id: Hash32,
    },
    /// The transaction's nonce was used by another transaction since it was
    /// prepared: review it again.
    #[error("nonce {nonce} is already used (the account's next nonce is {next}); review again")]
    NonceUsed {
        /// The transaction's nonce.
        nonce: u64,
        /// The account's proven next nonce.
        next: u64,
    },
    /// No send with this review id is kept (none was reviewed, it was sent
    /// already, or another review replaced it).
    #[error("the send to confirm is not the one reviewed; review it again")]
    NoSuchReview,
    /// Included, but its payload failed (the fee was still paid).
    #[error("transaction {id} was included at height {height} but failed with code {result_code}")]
    TxFailed {
        /// Transaction id.
        id: Hash32,
        /// Height of inclusion.
        height: u64,
        /// Result code recorded in the block (`docs/rpc.md#errors`).
        result_code: u16,
    },
    /// A file (bundle, evidence) could not be read or written.
    #[error("{path:?}: {source}")]
    FileIo {
        /// The file.
        path: PathBuf,
        /// The IO error.
        #[source]
        source: std::io::Error,
    },
    /// The bundle proves another address's account than the one asked.
    #[error("the bundle proves another account than {address}")]
    BundleOtherAccount {
        /// The address asked for (text).
        address: String,
    },
    /// The bundle's proven value is not an account record.
    #[error("the bundle's proven value is not an account record")]
    BundleNotAccount,
    /// The node refused the transaction.
    #[error("the node refused the transaction ({reason}): {message}")]
    Rejected {
        /// The node's kebab-case reason (`docs/rpc.md#errors`).
        reason: String,
        /// Its message.
        message: String,
    },
    /// The wallet's key at this index is not the transaction's sender.
    #[error("the key of address {index} is not the sender of this transaction")]
    KeyMismatch {
        /// Address index.
        index: u32,
    },
    /// The trusted chain holds no header at the height the file needs.
    #[error("no verified header at height {height} to check against; sync first")]
    NoTrustedHeader {
        /// The height needed.
        height: u64,
    },
    /// The file is for another chain.
    #[error("the file is for chain {got}, not {expected}")]
    ForeignChain {
        /// This network's chain id.
        expected: String,
        /// The file's chain id.
        got: String,
    },
    /// The faucet exists on the devnet only.
    #[error("the faucet exists on the devnet only, not on {network}")]
    NotDevnet {
        /// The network asked.
        network: Network,
    },
    /// The chain worker's thread has ended (the app is closing).
    #[error("the chain worker has stopped")]
    WorkerStopped,
    /// A light-client error (sync, peers, proofs).
    #[error(transparent)]
    Client(#[from] ClientError),
    /// A peer could not be set up.
    #[error(transparent)]
    Peer(#[from] PeerError),
    /// A light-client store error.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// An audit bundle error.
    #[error(transparent)]
    Bundle(#[from] BundleError),
    /// A fork evidence error.
    #[error(transparent)]
    Evidence(#[from] EvidenceError),
    /// A wallet error (unlocking, derivation, signing).
    #[error(transparent)]
    Wallet(#[from] WalletError),
}

impl ChainError {
    /// Stable code for translation; wrapped errors report their own code.
    pub fn code(&self) -> &'static str {
        Coded::code(self)
    }
}

fn points(units: u128) -> Arg {
    Arg::Text(format!("{} POINT", format_points(units)))
}

impl Coded for ChainError {
    fn code(&self) -> &'static str {
        match self {
            ChainError::EndpointUnparsable { .. } => "chain-endpoint-unparsable",
            ChainError::EndpointNoScheme { .. } => "chain-endpoint-no-scheme",
            ChainError::EndpointScheme { .. } => "chain-endpoint-scheme",
            ChainError::EndpointExtra { .. } => "chain-endpoint-extra",
            ChainError::EndpointPlainHttp { .. } => "chain-endpoint-plain-http",
            ChainError::EndpointDuplicate { .. } => "chain-endpoint-duplicate",
            ChainError::P2pStart { .. } => "chain-p2p-start",
            ChainError::FollowNeedsP2p { .. } => "chain-follow-needs-p2p",
            ChainError::EndpointTooMany { .. } => "chain-endpoint-too-many",
            ChainError::PeerAddress(e) => e.code(),
            ChainError::TrustedCertificate(e) => Coded::code(e),
            ChainError::NoEndpoints { .. } => "chain-no-endpoints",
            ChainError::SettingsIo { .. } => "chain-settings-io",
            ChainError::SettingsCorrupt { .. } => "chain-settings-corrupt",
            ChainError::SettingsVersion { .. } => "chain-settings-version",
            ChainError::AmountMalformed { .. } => "chain-amount-malformed",
            ChainError::AmountTooManyDecimals { .. } => "chain-amount-too-many-decimals",
            ChainError::AmountOverflow => "chain-amount-overflow",
            ChainError::AmountZero => "chain-amount-zero",
            ChainError::FeeTooLow { .. } => "chain-fee-too-low",
            ChainError::InsufficientBalance { .. } => "chain-insufficient-balance",
            ChainError::WrongNetwork { .. } => "chain-wrong-network",
            ChainError::InclusionTimeout { .. } => "chain-inclusion-timeout",
            ChainError::Cancelled => "chain-cancelled",
            ChainError::WaitCancelled { .. } => "chain-wait-cancelled",
            ChainError::NonceUsed { .. } => "chain-nonce-used",
            ChainError::NoSuchReview => "chain-no-such-review",
            ChainError::TxFailed { .. } => "chain-tx-failed",
            ChainError::FileIo { .. } => "chain-file-io",
            ChainError::BundleOtherAccount { .. } => "chain-bundle-other-account",
            ChainError::BundleNotAccount => "chain-bundle-not-account",
            ChainError::Rejected { .. } => "chain-tx-rejected",
            ChainError::KeyMismatch { .. } => "chain-key-mismatch",
            ChainError::NoTrustedHeader { .. } => "chain-no-trusted-header",
            ChainError::ForeignChain { .. } => "chain-foreign-chain",
            ChainError::NotDevnet { .. } => "chain-not-devnet",
            ChainError::WorkerStopped => "chain-worker-stopped",
            ChainError::Checkpoint(e) => Coded::code(e),
            ChainError::ChainId(e) => Coded::code(e),
            ChainError::Client(e) => Coded::code(e),
            ChainError::Peer(e) => Coded::code(e),
            ChainError::Store(e) => Coded::code(e),
            ChainError::Bundle(e) => Coded::code(e),
            ChainError::Evidence(e) => Coded::code(e),
            ChainError::Wallet(e) => Coded::code(e),
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        let text = |value: &dyn std::fmt::Display| Arg::Text(value.to_string());
        match self {
            ChainError::EndpointUnparsable { url }
            | ChainError::EndpointNoScheme { url }
            | ChainError::EndpointExtra { url }
            | ChainError::EndpointDuplicate { url } => vec![("url", url.into())],
            ChainError::PeerAddress(e) => match e {
                AddressError::Unparsable { text, reason } => {
                    vec![("address", text.into()), ("reason", reason.into())]
                }
                AddressError::NoPeerId { text } | AddressError::Unsupported { text } => {
                    vec![("address", text.into())]
                }
                _ => vec![("address", e.to_string().into())],
            },
            ChainError::TrustedCertificate(e) => e.args(),
            ChainError::EndpointScheme { url, scheme } => {
                vec![("url", url.into()), ("scheme", scheme.into())]
            }
            ChainError::EndpointPlainHttp { url, network } => {
                vec![("url", url.into()), ("network", text(network))]
            }
            ChainError::EndpointTooMany { max } => vec![("max", (*max).into())],
            ChainError::NoEndpoints { network }
            | ChainError::NotDevnet { network }
            | ChainError::FollowNeedsP2p { network } => {
                vec![("network", text(network))]
            }
            ChainError::SettingsIo { path, source } | ChainError::FileIo { path, source } => {
                vec![("path", text(&path.display())), ("reason", text(source))]
            }
            ChainError::P2pStart { detail } => vec![("detail", detail.into())],
            ChainError::SettingsCorrupt { path, detail } => {
                vec![("path", text(&path.display())), ("detail", detail.into())]
            }
            ChainError::SettingsVersion { found, supported } => vec![
                ("found", (*found).into()),
                ("supported", (*supported).into()),
            ],
            ChainError::AmountMalformed { text: given } => vec![("text", given.into())],
            ChainError::AmountTooManyDecimals { text: given, max } => {
                vec![("text", given.into()), ("max", (*max).into())]
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
                ("height", (*height).into()),
            ],
            ChainError::WrongNetwork { wallet, session } => {
                vec![("wallet", text(wallet)), ("session", text(session))]
            }
            ChainError::InclusionTimeout { id, waited_ms } => {
                vec![("id", text(id)), ("seconds", (waited_ms / 1000).into())]
            }
            ChainError::TxFailed {
                id,
                height,
                result_code,
            } => vec![
                ("id", text(id)),
                ("height", (*height).into()),
                ("code", (*result_code).into()),
            ],
            ChainError::BundleOtherAccount { address } => vec![("address", address.into())],
            ChainError::NoTrustedHeader { height } => vec![("height", (*height).into())],
            ChainError::ForeignChain { expected, got } => {
                vec![("expected", expected.into()), ("got", got.into())]
            }
            ChainError::Rejected { reason, message } => {
                vec![("reason", reason.into()), ("detail", message.into())]
            }
            ChainError::KeyMismatch { index } => vec![("index", (*index).into())],
            ChainError::WaitCancelled { id } => vec![("id", text(id))],
            ChainError::NonceUsed { nonce, next } => {
                vec![("nonce", (*nonce).into()), ("next", (*next).into())]
            }
            ChainError::AmountOverflow
            | ChainError::AmountZero
            | ChainError::Cancelled
            | ChainError::BundleNotAccount
            | ChainError::NoSuchReview
            | ChainError::WorkerStopped => Vec::new(),
            ChainError::Checkpoint(e) => e.args(),
            ChainError::ChainId(e) => e.args(),
            ChainError::Client(e) => e.args(),
            ChainError::Peer(e) => e.args(),
            ChainError::Store(e) => e.args(),
            ChainError::Bundle(e) => e.args(),
            ChainError::Evidence(e) => e.args(),
            ChainError::Wallet(e) => e.args(),
        }
    }
}
