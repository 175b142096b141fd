//! Peers: where untrusted light blocks, state answers and transaction
//! proofs come from, and where transactions go.
//!
//! [`Peer`] is one small blocking trait (object safe, `Send`) so RPC and,
//! later, P2P peers mix in one client. Everything a peer returns is
//! untrusted: light blocks go through [`crate::verifier`], answers through
//! [`crate::proof`]. A peer only checks that what it received is well
//! formed (strict canonical decoding, the fields agree with each other);
//! any answer that is not is a specific [`PeerError`], which the client
//! uses to demote the peer.
//!
//! `JsonRpcPeer` (cargo feature `rpc`, on by default) speaks the node's
//! JSON-RPC (`docs/rpc.md`) over a `Transport`: `RpcPeer` over blocking
//! HTTP, `P2pPeer` (cargo feature `p2p`) over a libp2p request-response
//! stream. Either way the same calls, bounds and checks.

#[cfg(feature = "rpc")]
mod jsonrpc;
#[cfg(feature = "p2p")]
mod p2p;
#[cfg(feature = "rpc")]
mod rpc;

#[cfg(feature = "rpc")]
pub use jsonrpc::{
    Answer, HISTORY_ANSWER_BYTES, JsonRpcPeer, RpcOptions, SMALL_ANSWER_BYTES, Transport,
};
#[cfg(feature = "p2p")]
pub use p2p::{P2pPeer, P2pTransport};
#[cfg(feature = "rpc")]
pub use rpc::{
    BUSY_RETRIES, HttpTransport, MAX_TRUSTED_CERTIFICATES, MAX_TRUSTED_PEM_BYTES, RpcPeer,
    TrustedCertificateError, TrustedCertificates,
};

use jifen_light_client_verifier::provenance::UntrustedRecords;
use jifen_light_client_verifier::subchain::{AnchoredReport, UntrustedSubchainState};
use jifen_protocol::history::HistoryEntry;
use jifen_protocol::message::{Arg, Coded};
use jifen_protocol::provenance::{ItemId, ProvenanceRecord};
use jifen_protocol::subchain::SubchainId;
use jifen_protocol::{Address, ChainId, DecodeError, Hash32, Transaction};

use crate::light_block::LightBlock;
use crate::proof::{UntrustedState, UntrustedTxProof};
use crate::sync::{LightBlockSource, SourceError};

/// What a peer says about itself (untrusted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerStatus {
    /// The chain it serves.
    pub chain_id: ChainId,
    /// Its latest height (0 before the first block).
    pub latest_height: u64,
    /// The lowest height it serves (1, or more if it pruned older blocks;
    /// 0 before the first block).
    pub earliest_height: u64,
    /// Blocks per epoch, if the peer says (only used to plan which headers
    /// to fetch; a wrong value costs bisection steps, never safety).
    pub epoch_length: Option<u64>,
}

/// Where a transaction is, according to a peer (untrusted; prove it with
/// [`Peer::tx_proof`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TxStatusAnswer {
    /// Waiting in the peer's mempool.
    Pending,
    /// In a block.
    Committed {
        /// Block height.
        height: u64,
        /// Position in the block.
        index: u64,
        /// Result code (0: success).
        result_code: u16,
    },
    /// The peer does not know it.
    Unknown,
}

/// One source of chain data. Blocking; every answer is untrusted.
///
/// `Send + Sync`: the client and its [`crate::LightReader`]s share each peer
/// (`Arc<dyn Peer>`) and may ask it from several threads at once.
pub trait Peer: Send + Sync {
    /// A name for reports (e.g. the URL).
    fn id(&self) -> &str;

    /// The peer's chain id and latest height.
    ///
    /// # Errors
    /// [`PeerError`].
    fn status(&self) -> Result<PeerStatus, PeerError>;

    /// The untrusted light block at `height`.
    ///
    /// # Errors
    /// [`PeerError`]; [`PeerError::HeightUnavailable`] when the peer says it
    /// has no block there.
    fn light_block(&self, height: u64) -> Result<LightBlock, PeerError>;

    /// The untrusted light blocks `from..=to`, ascending. The default asks
    /// one by one; peers with a range call override it.
    ///
    /// # Errors
    /// As [`Peer::light_block`].
    fn light_blocks(&self, from: u64, to: u64) -> Result<Vec<LightBlock>, PeerError> {
        (from..=to).map(|height| self.light_block(height)).collect()
    }

    /// The peer's latest light block.
    ///
    /// # Errors
    /// As [`Peer::light_block`].
    fn latest_light_block(&self) -> Result<LightBlock, PeerError>;

    /// The value under `key` after block `height`, with its proof.
    ///
    /// # Errors
    /// [`PeerError`].
    fn state(&self, key: &Hash32, height: u64) -> Result<UntrustedState, PeerError>;

    /// `address`'s account record after block `height`, with its proof.
    ///
    /// # Errors
    /// [`PeerError`].
    fn account(&self, address: &Address, height: u64) -> Result<UntrustedState, PeerError>;

    /// The committed transaction `id` with its proofs, `None` when the peer
    /// says it has none.
    ///
    /// # Errors
    /// [`PeerError`].
    fn tx_proof(&self, id: &Hash32) -> Result<Option<UntrustedTxProof>, PeerError>;

    /// Hands a signed transaction to the peer; returns the id it reports.
    ///
    /// # Errors
    /// [`PeerError::TxRejected`] with the node's reason, or transport errors.
    fn submit_tx(&self, tx: &Transaction) -> Result<Hash32, PeerError>;

    /// Where the peer says transaction `id` is.
    ///
    /// # Errors
    /// [`PeerError`].
    fn tx_status(&self, id: &Hash32) -> Result<TxStatusAnswer, PeerError>;

    /// At most `limit` entries of `address`'s history from index `from`,
    /// oldest first (fewer only when the peer says the history ends
    /// there). Untrusted: the client checks them against the proven account
    /// record (`jifen_protocol::history::verify_history`).
    ///
    /// # Errors
    /// [`PeerError`].
    fn history(
        &self,
        address: &Address,
        from: u64,
        limit: u64,
    ) -> Result<Vec<HistoryEntry>, PeerError>;

    /// At most `limit` of subchain `id`'s anchored reports from report
    /// index `from`, in anchoring order, each with its anchor proof
    /// (`jifen_subchainReports`). Untrusted: the audit checks each against a
    /// verified main-chain header.
    ///
    /// # Errors
    /// [`PeerError`]; [`PeerError::Unsupported`] for a peer that does not
    /// serve subchains.
    fn subchain_reports(
        &self,
        id: SubchainId,
        from: u64,
        limit: u32,
    ) -> Result<SubchainReportsAnswer, PeerError> {
        let _ = (id, from, limit);
        Err(PeerError::Unsupported {
            method: "jifen_subchainReports",
        })
    }

    /// The value under `key` in subchain `id`'s state at subchain height
    /// `height` (`None`: the anchored tip), with the header it is proven
    /// against (`jifen_subchainState`). Untrusted.
    ///
    /// # Errors
    /// [`PeerError`]; [`PeerError::Unsupported`] as above.
    fn subchain_state(
        &self,
        id: SubchainId,
        key: &str,
        height: Option<u64>,
    ) -> Result<UntrustedSubchainState, PeerError> {
        let _ = (id, key, height);
        Err(PeerError::Unsupported {
            method: "jifen_subchainState",
        })
    }

    /// Records `from..from + limit` of `item` on subchain `id` at subchain
    /// height `height` (`None`: the anchored tip), with the count, each
    /// with its proof under the header's state root
    /// (`jifen_provenanceRecords`). Untrusted.
    ///
    /// # Errors
    /// [`PeerError`]; [`PeerError::Unsupported`] for a peer that does not
    /// keep that subchain.
    fn provenance_records(
        &self,
        id: SubchainId,
        item: &ItemId,
        height: Option<u64>,
        from: u32,
        limit: u32,
    ) -> Result<UntrustedRecords, PeerError> {
        let _ = (id, item, height, from, limit);
        Err(PeerError::Unsupported {
            method: "jifen_provenanceRecords",
        })
    }

    /// Hands a signed provenance record for subchain `subchain` to the node
    /// that produces it (`jifen_provenanceSubmit`); it is written in the
    /// subchain's next block.
    ///
    /// # Errors
    /// [`PeerError`]: a refusal carries the node's code (1302-1324).
    fn submit_record(
        &self,
        subchain: SubchainId,
        record: &ProvenanceRecord,
    ) -> Result<(), PeerError> {
        let _ = (subchain, record);
        Err(PeerError::Unsupported {
            method: "jifen_provenanceSubmit",
        })
    }
}

/// One page of a subchain's anchored reports, as a peer serves it
/// (untrusted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubchainReportsAnswer {
    /// The peer's tip height.
    pub height: u64,
    /// Reports anchored at that tip, by the peer's word.
    pub total: u64,
    /// The reports, from the index asked, in anchoring order.
    pub reports: Vec<AnchoredReport>,
}

/// A [`Peer`] as a [`LightBlockSource`] for the sync driver.
impl LightBlockSource for &dyn Peer {
    fn untrusted_light_block(&mut self, height: u64) -> Result<LightBlock, SourceError> {
        Ok(self.light_block(height)?)
    }

    fn untrusted_latest(&mut self) -> Result<LightBlock, SourceError> {
        Ok(self.latest_light_block()?)
    }
}

/// Why a peer's answer is unusable.
///
/// Transport failures ([`PeerError::is_transport`]) say nothing about the
/// peer's honesty; every other variant is an answer that breaks the
/// protocol, and the client demotes the peer for it.
///
/// Codes: `lc-peer-unreachable`, `lc-peer-timeout`, `lc-peer-http-status`,
/// `lc-peer-redirect`, `lc-peer-response-too-large`,
/// `lc-peer-response-too-complex`, `lc-peer-malformed-json`,
/// `lc-peer-bad-envelope`, `lc-peer-rpc-error`, `lc-peer-bad-field`,
/// `lc-peer-decode`, `lc-peer-inconsistent`, `lc-peer-height-unavailable`,
/// `lc-peer-tx-rejected`, `lc-peer-bad-frame`, `lc-peer-tls`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PeerError {
    /// Connecting, sending or reading failed.
    #[error("peer {peer} is unreachable: {message}")]
    Unreachable {
        /// The peer.
        peer: String,
        /// The transport's message.
        message: String,
    },
    /// The TLS handshake with an `https://` node failed: its certificate is
    /// not trusted (unknown issuer, self-signed, another host name, expired)
    /// or it does not speak TLS. Not a lie about the chain, but nothing was
    /// asked: the person must see it (trust the node's certificate if it is
    /// their own, or fix the address).
    #[error("peer {peer}: TLS failed ({problem}): {reason}")]
    Tls {
        /// The peer.
        peer: String,
        /// What kind of failure.
        problem: TlsProblem,
        /// The TLS library's message.
        reason: String,
    },
    /// No complete answer within the request's total deadline (a node that
    /// never answers, or trickles its answer).
    #[error("peer {peer} did not answer within {timeout_ms} ms")]
    Timeout {
        /// The peer.
        peer: String,
        /// The timeout.
        timeout_ms: u64,
    },
    /// An HTTP status other than 200.
    #[error("peer answered with HTTP status {status}")]
    HttpStatus {
        /// The status code.
        status: u16,
    },
    /// The node redirected the request (HTTP 3xx). Redirects are not
    /// followed: they would send the request to an address the user did
    /// not configure.
    #[error("peer redirects with HTTP status {status} to {location:?}; redirects are not followed")]
    Redirect {
        /// The status code.
        status: u16,
        /// The `Location` it names (at most 200 characters).
        location: String,
    },
    /// The answer is larger than allowed.
    #[error("peer's answer is larger than {limit} bytes")]
    ResponseTooLarge {
        /// The limit.
        limit: u64,
    },
    /// The answer holds more JSON values than any answer of the protocol
    /// (refused before parsing, see `jifen_rpc_types::MAX_JSON_VALUES`).
    #[error("peer's answer holds more than {limit} JSON values")]
    TooComplex {
        /// The limit.
        limit: u64,
    },
    /// The answer is not JSON.
    #[error("peer's answer is not JSON: {message}")]
    MalformedJson {
        /// The parser's message.
        message: String,
    },
    /// The answer is JSON but not a JSON-RPC 2.0 response to the request.
    #[error("peer's answer is not a JSON-RPC response to the request: {reason}")]
    BadEnvelope {
        /// What is wrong.
        reason: String,
    },
    /// The peer answered with an error the client did not expect.
    #[error("peer answered with error {code} ({name}): {message}")]
    Rpc {
        /// JSON-RPC code.
        code: i64,
        /// The node's kebab-case name (`data.code`), empty if none.
        name: String,
        /// Its message.
        message: String,
    },
    /// A result field is missing or of the wrong type or form.
    #[error("field {field} of the peer's answer is missing or invalid")]
    BadField {
        /// The field.
        field: &'static str,
    },
    /// A binary field is not the canonical encoding of its object.
    #[error("field {field} of the peer's answer does not decode: {source}")]
    Decode {
        /// The field.
        field: &'static str,
        /// The strict decoder's error.
        source: DecodeError,
    },
    /// Two parts of an answer disagree (a hash that is not the header's,
    /// a block of another height than asked).
    #[error("peer's answer is inconsistent: {field} is {got}, expected {expected}")]
    Inconsistent {
        /// What disagrees.
        field: &'static str,
        /// What it should be.
        expected: String,
        /// What it is.
        got: String,
    },
    /// A binary light-block range (`jifen_rpc_types::binary`) breaks a
    /// rule of the frame, or came to a request that did not ask for one.
    #[error("peer's binary light-block answer is invalid at byte {at}: expected {expected}")]
    BadFrame {
        /// Offset in the frame.
        at: usize,
        /// What the frame must hold there.
        expected: String,
    },
    /// The peer says it has no block at this height.
    #[error("peer has no block at height {height}")]
    HeightUnavailable {
        /// The height.
        height: u64,
    },
    /// The node refused a transaction (its reason is `name`, e.g.
    /// `tx-nonce-too-low`; see `docs/rpc.md#errors`).
    #[error("transaction refused ({name}): {message}")]
    TxRejected {
        /// JSON-RPC code (1001-1011).
        code: i64,
        /// The node's kebab-case reason.
        name: String,
        /// Its message.
        message: String,
    },
    /// The peer does not serve this kind of data (e.g. a node that keeps
    /// no subchain blocks); not a lie.
    #[error("the node does not serve {method}")]
    Unsupported {
        /// The JSON-RPC method.
        method: &'static str,
    },
}

/// Why a TLS handshake failed ([`PeerError::Tls`]); the catalogs select
/// their advice on [`TlsProblem::code`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TlsProblem {
    /// Signed by an authority neither the system nor the network's trusted
    /// certificates hold (self-signed certificates too).
    UnknownIssuer,
    /// Valid, but for another host name than the endpoint's.
    WrongName,
    /// Past its end of validity.
    Expired,
    /// Before its start of validity (or this computer's clock is wrong).
    NotYetValid,
    /// Revoked by its issuer.
    Revoked,
    /// A CA certificate served as the node's own (e.g. made with
    /// `openssl req -x509`, which marks it `CA:TRUE`): refused even when
    /// trusted; the node needs a server certificate.
    CaAsServer,
    /// The node does not speak TLS there (e.g. plain HTTP on that port).
    NotTls,
    /// The system has no root certificates and the network trusts none.
    NoRoots,
    /// Any other handshake failure (bad signature, unsupported algorithm,
    /// an alert from the node).
    Other,
}

impl TlsProblem {
    /// The kebab-case name the catalogs select on.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::UnknownIssuer => "unknown-issuer",
            Self::WrongName => "wrong-name",
            Self::Expired => "expired",
            Self::NotYetValid => "not-yet-valid",
            Self::Revoked => "revoked",
            Self::CaAsServer => "ca-as-server",
            Self::NotTls => "not-tls",
            Self::NoRoots => "no-roots",
            Self::Other => "other",
        }
    }
}

impl std::fmt::Display for TlsProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// A result that does not read as `docs/rpc.md` defines it.
#[cfg(feature = "rpc")]
impl From<jifen_rpc_types::WireError> for PeerError {
    fn from(error: jifen_rpc_types::WireError) -> Self {
        use jifen_rpc_types::WireError;
        match error {
            WireError::Decode { field, source } => Self::Decode { field, source },
            WireError::Inconsistent {
                field,
                expected,
                got,
            } => Self::Inconsistent {
                field,
                expected,
                got,
            },
            WireError::Frame { at, expected } => Self::BadFrame { at, expected },
            WireError::Missing { field }
            | WireError::WrongType { field, .. }
            | WireError::BadText { field, .. }
            | WireError::Address { field, .. } => Self::BadField { field },
        }
    }
}

/// A body that is not the JSON-RPC response to the request.
#[cfg(feature = "rpc")]
impl From<jifen_rpc_types::EnvelopeError> for PeerError {
    fn from(error: jifen_rpc_types::EnvelopeError) -> Self {
        use jifen_rpc_types::EnvelopeError;
        let reason = error.to_string();
        match error {
            EnvelopeError::NotJson { message } => Self::MalformedJson { message },
            EnvelopeError::NotAnObject
            | EnvelopeError::WrongVersion
            | EnvelopeError::WrongId
            | EnvelopeError::NoOutcome
            | EnvelopeError::BadErrorObject { .. } => Self::BadEnvelope { reason },
        }
    }
}

impl PeerError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Unreachable { .. } => "lc-peer-unreachable",
            Self::Tls { .. } => "lc-peer-tls",
            Self::Timeout { .. } => "lc-peer-timeout",
            Self::HttpStatus { .. } => "lc-peer-http-status",
            Self::Redirect { .. } => "lc-peer-redirect",
            Self::ResponseTooLarge { .. } => "lc-peer-response-too-large",
            Self::TooComplex { .. } => "lc-peer-response-too-complex",
            Self::MalformedJson { .. } => "lc-peer-malformed-json",
            Self::BadEnvelope { .. } => "lc-peer-bad-envelope",
            Self::Rpc { .. } => "lc-peer-rpc-error",
            Self::BadField { .. } => "lc-peer-bad-field",
            Self::Decode { .. } => "lc-peer-decode",
            Self::Inconsistent { .. } => "lc-peer-inconsistent",
            Self::BadFrame { .. } => "lc-peer-bad-frame",
            Self::HeightUnavailable { .. } => "lc-peer-height-unavailable",
            Self::TxRejected { .. } => "lc-peer-tx-rejected",
            Self::Unsupported { .. } => "lc-peer-unsupported",
        }
    }

    /// A failure to reach the peer (connection, TLS, timeout, HTTP status
    /// other than a redirect), not a wrong answer: the peer may be retried
    /// later. A redirect is not: the node answered, with an address the
    /// user did not configure, and asking again gets the same. A refused
    /// certificate is: no answer was read, so nothing about the chain was
    /// said (the peer shows as unreachable with `lc-peer-tls`, whose message
    /// tells what to do).
    #[must_use]
    pub fn is_transport(&self) -> bool {
        matches!(
            self,
            Self::Unreachable { .. }
                | Self::Tls { .. }
                | Self::Timeout { .. }
                | Self::HttpStatus { .. }
                | Self::Unsupported { .. }
        )
    }
}

/// Argument names as the catalogs use them (`i18n/locales/*/light-client.ftl`):
/// `peer`, `reason`, `seconds`, `status`, `height`, `detail`, `problem`.
impl Coded for PeerError {
    fn code(&self) -> &'static str {
        PeerError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            Self::Unreachable { peer, message } => {
                vec![("peer", peer.into()), ("reason", message.into())]
            }
            Self::Tls {
                peer,
                problem,
                reason,
            } => vec![
                ("peer", peer.into()),
                ("problem", problem.code().into()),
                ("reason", reason.into()),
            ],
            Self::Timeout { peer, timeout_ms } => {
                vec![
                    ("peer", peer.into()),
                    ("seconds", (timeout_ms / 1000).into()),
                ]
            }
            Self::HttpStatus { status } => vec![("status", (*status).into()), detail(self)],
            Self::Redirect { status, location } => vec![
                ("status", (*status).into()),
                ("location", location.into()),
                detail(self),
            ],
            Self::ResponseTooLarge { limit } | Self::TooComplex { limit } => {
                vec![("limit", (*limit).into()), detail(self)]
            }
            Self::MalformedJson { .. } | Self::BadEnvelope { .. } => vec![detail(self)],
            Self::Rpc { code, name, .. } => vec![
                ("number", (*code).into()),
                ("name", name.into()),
                detail(self),
            ],
            Self::BadField { field } => vec![("field", (*field).into()), detail(self)],
            Self::Decode { field, .. } | Self::Inconsistent { field, .. } => {
                vec![("field", (*field).into()), detail(self)]
            }
            Self::BadFrame { at, .. } => vec![("offset", (*at).into()), detail(self)],
            Self::HeightUnavailable { height } => vec![("height", (*height).into())],
            Self::TxRejected { name, message, .. } => {
                vec![("reason", name.into()), ("detail", message.into())]
            }
            Self::Unsupported { method } => vec![("method", (*method).into())],
        }
    }
}

/// The error's sentence as the `detail` argument.
pub(crate) fn detail(error: &impl std::fmt::Display) -> (&'static str, Arg) {
    ("detail", Arg::from(error.to_string()))
}
