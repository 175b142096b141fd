//! The client's errors and the misbehaviours it demotes peers for.

use std::path::PathBuf;

use jifen_protocol::message::{Arg, Coded};
use jifen_protocol::subchain::SubchainId;
use jifen_protocol::{ChainId, Hash32};

use crate::evidence::Evidence;
use crate::peer::{PeerError, detail};
use crate::store::StoreError;
use crate::trust::OptionsError;
use crate::verifier::VerificationError;

use super::PeerReport;

/// Why the client stopped. Nothing unverified was accepted in any case.
///
/// Codes: the [`OptionsError`] / [`StoreError`] / [`VerificationError`]
/// code for `Options` / `Store` / `Verification`, `lc-trust-expired`,
/// `lc-client-no-peer`, `lc-client-fork-detected`, `lc-client-cancelled`,
/// `lc-peer-tx-rejected`, `lc-client-evidence-write`,
/// `lc-client-store-other-chain`, `lc-client-no-trusted-state`,
/// `lc-client-root-unavailable`, `lc-client-history-not-prefix`,
/// `lc-client-tx-not-proven`, the [`PeerError`] code for `TxRejected` and
/// `Endpoint`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ClientError {
    /// The options are refused.
    #[error(transparent)]
    Options(#[from] OptionsError),
    /// The store failed, or what it holds does not verify (tampered).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A local verification failed (e.g. a stored block too old to verify
    /// an older height from).
    #[error(transparent)]
    Verification(VerificationError),
    /// The trusted header is older than the trusting period: supply a new
    /// checkpoint.
    #[error(
        "trusted header at height {trusted_height} expired at {expired_at_ms} (now {now_ms}); a new checkpoint is needed"
    )]
    TrustExpired {
        /// Height of the expired trusted header.
        trusted_height: u64,
        /// When it expired (unix ms).
        expired_at_ms: u64,
        /// The clock's time.
        now_ms: u64,
    },
    /// No peer is left that answers correctly; each peer's state says why.
    #[error("no usable peer left ({} demoted or unreachable)", peers.len())]
    NoPeer {
        /// Every peer with its state.
        peers: Vec<PeerReport>,
    },
    /// Two committed headers conflict at one height: evidence was built (and
    /// written to a file when an evidence directory is set). The client
    /// stays at its last cross-checked state.
    #[error("fork detected at height {height}: {} validators signed both headers", evidence.double_signers.len())]
    ForkDetected {
        /// The height of the fork.
        height: u64,
        /// The evidence.
        evidence: Box<Evidence>,
        /// Where it was written, if it was.
        path: Option<PathBuf>,
    },
    /// The caller cancelled; nothing half-verified was kept.
    #[error("cancelled")]
    Cancelled,
    /// The node refused the transaction (see [`PeerError::TxRejected`]).
    #[error(transparent)]
    TxRejected(PeerError),
    /// The evidence file could not be written.
    #[error("cannot write evidence to {path}: {message}")]
    EvidenceWrite {
        /// The file.
        path: PathBuf,
        /// The OS's message.
        message: String,
    },
    /// The store holds another chain's blocks.
    #[error("the store holds chain {got}, expected {expected}")]
    StoreOtherChain {
        /// The configured chain.
        expected: ChainId,
        /// The stored chain.
        got: ChainId,
    },
    /// Nothing is trusted yet (sync first).
    #[error("no trusted header yet")]
    NoTrustedState,
    /// An endpoint cannot be used (e.g. not an `http://` URL).
    #[error(transparent)]
    Endpoint(PeerError),
    /// No node has the root of trust (genesis, or the checkpoint's height)
    /// after every retry: the checkpoint is above every node's tip, or the
    /// chain has no block yet.
    #[error(
        "no node has the block at height {height} (the root of trust) after {attempts} tries; the highest tip seen is {}",
        highest_tip.map_or_else(|| "none".to_owned(), |tip| tip.to_string())
    )]
    RootUnavailable {
        /// The root's height.
        height: u64,
        /// The highest tip a node claimed (`None`: none answered).
        highest_tip: Option<u64>,
        /// Tries made.
        attempts: u32,
    },
    /// The history checkpoint a read was asked to continue from is not a
    /// prefix of the account's proven history: it has more entries, an
    /// entry above the proven height, or other entries than the chain
    /// (e.g. one kept from another chain or a damaged file). Nothing was
    /// blamed on a peer; read the history from the start.
    #[error(
        "the history checkpoint of {len} entries is not part of the account's proven history ({proven_len} entries at height {height})"
    )]
    HistoryNotPrefix {
        /// The checkpoint's entries.
        len: u64,
        /// The proven account's `history_len`.
        proven_len: u64,
        /// The height the account was proven at.
        height: u64,
    },
    /// No peer proves the transaction in a block the client can verify
    /// yet (it is not committed, or its block is not verifiable yet): an
    /// audit bundle of it cannot be made now.
    #[error("no node proves transaction {id} in a verified block yet")]
    TxNotProven {
        /// The transaction.
        id: Hash32,
    },
    /// No subchain has this number (proven absent at the trusted header).
    #[error("subchain {subchain} is not registered")]
    SubchainUnknown {
        /// The number asked.
        subchain: SubchainId,
    },
    /// A subchain record proven under the state root does not decode: the
    /// chain itself is broken.
    #[error("the proven record of subchain {subchain} does not decode: {detail}")]
    SubchainRecord {
        /// The subchain.
        subchain: SubchainId,
        /// The decoding error.
        detail: String,
    },
    /// The subchain halted at `height` (its committee signed two headers):
    /// nothing at or above it is trusted.
    #[error(
        "subchain {subchain} halted at height {height}: its state from there on is not trusted"
    )]
    SubchainHalted {
        /// The subchain.
        subchain: SubchainId,
        /// The height of the equivocation.
        height: u64,
    },
    /// The audit holds no header at this subchain height yet.
    #[error("subchain {subchain} is not audited at height {height}")]
    SubchainNotAudited {
        /// The subchain.
        subchain: SubchainId,
        /// The height asked.
        height: u64,
    },
}

impl ClientError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Options(inner) => inner.code(),
            Self::Store(inner) => inner.code(),
            Self::Verification(inner) => inner.code(),
            Self::TrustExpired { .. } => "lc-trust-expired",
            Self::NoPeer { .. } => "lc-client-no-peer",
            Self::ForkDetected { .. } => "lc-client-fork-detected",
            Self::Cancelled => "lc-client-cancelled",
            Self::TxRejected(inner) => inner.code(),
            Self::EvidenceWrite { .. } => "lc-client-evidence-write",
            Self::StoreOtherChain { .. } => "lc-client-store-other-chain",
            Self::NoTrustedState => "lc-client-no-trusted-state",
            Self::Endpoint(inner) => inner.code(),
            Self::RootUnavailable { .. } => "lc-client-root-unavailable",
            Self::HistoryNotPrefix { .. } => "lc-client-history-not-prefix",
            Self::TxNotProven { .. } => "lc-client-tx-not-proven",
            Self::SubchainUnknown { .. } => "lc-client-subchain-unknown",
            Self::SubchainRecord { .. } => "lc-client-subchain-record",
            Self::SubchainNotAudited { .. } => "lc-client-subchain-not-audited",
            Self::SubchainHalted { .. } => "lc-client-subchain-halted",
        }
    }
}

/// Argument names as the catalogs use them (`i18n/locales/*/light-client.ftl`):
/// a wrapped error gives its own; `height`, `peers` (the ids, comma
/// separated), `path`, `reason`, `expected`, `got`.
impl Coded for ClientError {
    fn code(&self) -> &'static str {
        ClientError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            Self::Options(inner) => inner.args(),
            Self::Store(inner) => inner.args(),
            Self::Verification(inner) => inner.args(),
            Self::TxRejected(inner) | Self::Endpoint(inner) => inner.args(),
            Self::TrustExpired {
                trusted_height,
                expired_at_ms,
                now_ms,
            } => vec![
                ("height", (*trusted_height).into()),
                ("expired_at_ms", (*expired_at_ms).into()),
                ("now_ms", (*now_ms).into()),
                detail(self),
            ],
            Self::NoPeer { peers } => {
                let ids: Vec<&str> = peers.iter().map(|peer| peer.id.as_str()).collect();
                vec![("peers", ids.join(", ").into()), detail(self)]
            }
            Self::ForkDetected { height, path, .. } => vec![
                ("height", (*height).into()),
                (
                    "path",
                    path.as_ref()
                        .map(|path| path.display().to_string())
                        .unwrap_or_default()
                        .into(),
                ),
                detail(self),
            ],
            Self::Cancelled | Self::NoTrustedState => vec![detail(self)],
            Self::EvidenceWrite { path, message } => vec![
                ("path", path.display().to_string().into()),
                ("reason", message.into()),
            ],
            Self::StoreOtherChain { expected, got } => vec![
                ("expected", expected.to_string().into()),
                ("got", got.to_string().into()),
            ],
            Self::RootUnavailable {
                height,
                highest_tip,
                attempts,
            } => vec![
                ("height", (*height).into()),
                (
                    "tip",
                    highest_tip
                        .map_or_else(|| "-".to_owned(), |tip| tip.to_string())
                        .into(),
                ),
                ("attempts", (*attempts).into()),
                detail(self),
            ],
            Self::HistoryNotPrefix {
                len,
                proven_len,
                height,
            } => vec![
                ("len", (*len).into()),
                ("proven_len", (*proven_len).into()),
                ("height", (*height).into()),
                detail(self),
            ],
            Self::TxNotProven { id } => vec![("id", id.to_string().into()), detail(self)],
            Self::SubchainUnknown { subchain } => {
                vec![("subchain", subchain.get().into()), detail(self)]
            }
            Self::SubchainRecord {
                subchain,
                detail: reason,
            } => vec![
                ("subchain", subchain.get().into()),
                ("reason", reason.into()),
                detail(self),
            ],
            Self::SubchainNotAudited { subchain, height }
            | Self::SubchainHalted { subchain, height } => vec![
                ("subchain", subchain.get().into()),
                ("height", (*height).into()),
                detail(self),
            ],
        }
    }
}

/// A peer behaviour the client demotes it for that is not a malformed answer
/// or an invalid block (those keep their own codes).
///
/// Codes: `lc-client-headers-withheld`, `lc-client-primary-stale`,
/// `lc-client-wrong-chain`, `lc-client-implausible-tip`,
/// `lc-client-proof-below-root`, `lc-client-proof-above-tip`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Misbehaviour {
    /// The peer claims a tip at or above `height` but says it has no block
    /// there.
    #[error("claims tip {claimed_tip} but withholds the block at height {height}")]
    HeadersWithheld {
        /// The height withheld.
        height: u64,
        /// The tip it claims.
        claimed_tip: u64,
    },
    /// A witness proved a header far newer than the primary's tip.
    #[error(
        "primary's tip {primary_height} is stale: a witness proved height {witness_height}, {lag_ms} ms newer"
    )]
    PrimaryStale {
        /// The primary's tip.
        primary_height: u64,
        /// The height the witness proved.
        witness_height: u64,
        /// How much newer the witness's header is.
        lag_ms: u64,
    },
    /// The peer serves another chain.
    #[error("serves chain {got}, expected {expected}")]
    WrongChain {
        /// The configured chain.
        expected: ChainId,
        /// The peer's chain.
        got: ChainId,
    },
    /// The peer claims a tip higher than any chain can have reached since
    /// the trusted header (one block per millisecond, see
    /// `jifen_light_client_verifier::verifier::max_plausible_height`).
    #[error("claims tip {claimed}, but no chain can be past height {limit} yet")]
    ImplausibleTip {
        /// The tip claimed.
        claimed: u64,
        /// The highest plausible tip.
        limit: u64,
    },
    /// The peer places a transaction below the root of trust, where nothing
    /// is proven (the wallet asks only for transactions sent after its root
    /// was set; block 0 does not exist).
    #[error("places the transaction at height {height}, below the root of trust at {root}")]
    ProofBelowRoot {
        /// The height claimed.
        height: u64,
        /// The root's height.
        root: u64,
    },
    /// The peer places a transaction in a block above the tip it claims
    /// itself.
    #[error("places the transaction at height {height}, above its own tip {tip}")]
    ProofAboveTip {
        /// The height claimed.
        height: u64,
        /// The peer's own tip.
        tip: u64,
    },
}

impl Misbehaviour {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::HeadersWithheld { .. } => "lc-client-headers-withheld",
            Self::PrimaryStale { .. } => "lc-client-primary-stale",
            Self::WrongChain { .. } => "lc-client-wrong-chain",
            Self::ImplausibleTip { .. } => "lc-client-implausible-tip",
            Self::ProofBelowRoot { .. } => "lc-client-proof-below-root",
            Self::ProofAboveTip { .. } => "lc-client-proof-above-tip",
        }
    }
}

impl Coded for Misbehaviour {
    fn code(&self) -> &'static str {
        Misbehaviour::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            Self::HeadersWithheld {
                height,
                claimed_tip,
            } => vec![
                ("height", (*height).into()),
                ("tip", (*claimed_tip).into()),
                detail(self),
            ],
            Self::PrimaryStale {
                primary_height,
                witness_height,
                lag_ms,
            } => vec![
                ("primary_height", (*primary_height).into()),
                ("witness_height", (*witness_height).into()),
                ("lag_ms", (*lag_ms).into()),
                detail(self),
            ],
            Self::WrongChain { expected, got } => vec![
                ("expected", expected.to_string().into()),
                ("got", got.to_string().into()),
                detail(self),
            ],
            Self::ImplausibleTip { claimed, limit } => vec![
                ("tip", (*claimed).into()),
                ("limit", (*limit).into()),
                detail(self),
            ],
            Self::ProofBelowRoot { height, root } => vec![
                ("height", (*height).into()),
                ("root", (*root).into()),
                detail(self),
            ],
            Self::ProofAboveTip { height, tip } => vec![
                ("height", (*height).into()),
                ("tip", (*tip).into()),
                detail(self),
            ],
        }
    }
}
