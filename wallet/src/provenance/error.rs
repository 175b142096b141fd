//! [`ProvenanceFlowError`]: why a provenance use case stopped.

use jifen_gs1::{EpcisError, TagError};
use jifen_protocol::message::{Arg, Coded};

use crate::chain::ChainError;
use crate::subchains::SubchainFlowError;

/// Why a provenance use case stopped.
///
/// Codes: those of [`TagError`] (`tag-*`), [`EpcisError`] (`epcis-*`),
/// [`ChainError`] (`lc-*`, `chain-*`), [`SubchainFlowError`]
/// (`subchain-*`), `files-*`, and `trace-wrong-network`,
/// `trace-record-malformed`, `trace-subchain-untrusted`,
/// `trace-not-a-party`, `trace-not-anchored`, `trace-already-sold`,
/// `trace-record-timeout`, `trace-bundle-*`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ProvenanceFlowError {
    /// The tag is not a product tag.
    #[error(transparent)]
    Tag(#[from] TagError),
    /// The EPCIS document is not valid.
    #[error(transparent)]
    Epcis(#[from] EpcisError),
    /// Talking to the chain failed, or an answer did not prove.
    #[error(transparent)]
    Chain(#[from] ChainError),
    /// Auditing the records' subchain failed.
    #[error(transparent)]
    Subchain(#[from] SubchainFlowError),
    /// The tag names another network than the wallet's.
    #[error("the tag is for {tag}, this wallet is on {wallet}")]
    WrongNetwork {
        /// The tag's network.
        tag: String,
        /// The wallet's.
        wallet: String,
    },
    /// A proven main-chain record does not decode (the chain is broken).
    #[error("the proven {what} does not decode: {detail}")]
    RecordMalformed {
        /// Which record.
        what: &'static str,
        /// The decoder's reason.
        detail: String,
    },
    /// The records' subchain failed its audit or halted: its records are
    /// not trusted.
    #[error("subchain {subchain} failed its audit: its records are not trusted")]
    SubchainUntrusted {
        /// The subchain.
        subchain: u32,
    },
    /// This account is not a registered party in a role for the step.
    #[error("this account is not a registered {role}")]
    NotAParty {
        /// The role needed.
        role: String,
    },
    /// The item has no anchor: it cannot be received or sold.
    #[error("the item is not anchored on the chain")]
    NotAnchored,
    /// The item is already recorded as sold.
    #[error("the item was already sold (main height {height})")]
    AlreadySold {
        /// The sale's main height.
        height: u64,
    },
    /// A submitted record did not appear in an audited subchain header in time.
    #[error("the record did not appear on the subchain within {waited_ms} ms")]
    RecordTimeout {
        /// How long.
        waited_ms: u64,
    },
    /// The location typed is not a GLN or a location Digital Link.
    #[error("{text:?} is not a location (a 13-digit GLN or a GS1 Digital Link with 414)")]
    LocationInvalid {
        /// As typed.
        text: String,
    },
    /// A provenance bundle is not valid.
    #[error("the provenance bundle is not valid: {detail}")]
    BundleInvalid {
        /// Why.
        detail: String,
    },
    /// A file could not be read or written.
    #[error(transparent)]
    File(#[from] jifen_files::FileError),
}

/// Decodes a proven record's bytes; a record that does not decode means
/// the chain's data is broken ([`ProvenanceFlowError::RecordMalformed`]).
///
/// # Errors
/// [`ProvenanceFlowError::RecordMalformed`].
pub fn decode_proven<T: jifen_protocol::Decode>(
    what: &'static str,
    bytes: Option<&[u8]>,
) -> Result<Option<T>, ProvenanceFlowError> {
    bytes.map(|bytes| decode_one(what, bytes)).transpose()
}

/// [`decode_proven`] of a value that is present.
///
/// # Errors
/// [`ProvenanceFlowError::RecordMalformed`].
pub fn decode_one<T: jifen_protocol::Decode>(
    what: &'static str,
    bytes: &[u8],
) -> Result<T, ProvenanceFlowError> {
    T::decode(bytes).map_err(|error| ProvenanceFlowError::RecordMalformed {
        what,
        detail: error.to_string(),
    })
}

impl Coded for ProvenanceFlowError {
    fn code(&self) -> &'static str {
        match self {
            Self::Tag(inner) => inner.code(),
            Self::Epcis(inner) => inner.code(),
            Self::Chain(inner) => inner.code(),
            Self::Subchain(inner) => inner.code(),
            Self::WrongNetwork { .. } => "trace-wrong-network",
            Self::RecordMalformed { .. } => "trace-record-malformed",
            Self::SubchainUntrusted { .. } => "trace-subchain-untrusted",
            Self::NotAParty { .. } => "trace-not-a-party",
            Self::NotAnchored => "trace-not-anchored",
            Self::AlreadySold { .. } => "trace-already-sold",
            Self::RecordTimeout { .. } => "trace-record-timeout",
            Self::LocationInvalid { .. } => "trace-location-invalid",
            Self::BundleInvalid { .. } => "trace-bundle-invalid",
            Self::File(inner) => inner.code(),
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            Self::Tag(inner) => inner.args(),
            Self::Epcis(inner) => inner.args(),
            Self::Chain(inner) => inner.args(),
            Self::Subchain(inner) => inner.args(),
            Self::WrongNetwork { tag, wallet } => {
                vec![
                    ("tag", tag.clone().into()),
                    ("wallet", wallet.clone().into()),
                ]
            }
            Self::RecordMalformed { what, detail } => {
                vec![("what", (*what).into()), ("detail", detail.clone().into())]
            }
            Self::SubchainUntrusted { subchain } => vec![("subchain", (*subchain).into())],
            Self::NotAParty { role } => vec![("role", role.clone().into())],
            Self::NotAnchored => Vec::new(),
            Self::AlreadySold { height } => vec![("height", (*height).into())],
            Self::RecordTimeout { waited_ms } => vec![("waited", (*waited_ms).into())],
            Self::LocationInvalid { text } => vec![("text", text.clone().into())],
            Self::BundleInvalid { detail } => vec![("detail", detail.clone().into())],
            Self::File(inner) => inner.args(),
        }
    }
}
