//! [`SubchainFlowError`]: why a subchain use case stopped.

use jifen_light_client::subchain::SubchainEvidenceError;
use jifen_protocol::message::{Arg, Coded};

use crate::chain::ChainError;

/// Why a subchain use case stopped.
///
/// Codes: those of [`ChainError`] (`lc-*`), of [`SubchainEvidenceError`]
/// (`subchain-evidence-*`), `files-*`, and `subchain-id-invalid`,
/// `subchain-key-invalid`, `subchain-not-audited`,
/// `subchain-record-malformed`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SubchainFlowError {
    /// Talking to the chain failed, or an answer did not prove.
    #[error(transparent)]
    Chain(#[from] ChainError),
    /// The subchain number typed is not one.
    #[error("{text:?} is not a subchain number (1, 2, ...)")]
    IdInvalid {
        /// As typed.
        text: String,
    },
    /// The key typed is not a subchain state key.
    #[error("{key:?} is not a subchain key (1-64 bytes, no control characters)")]
    KeyInvalid {
        /// As typed.
        key: String,
    },
    /// A value was asked of a subchain this wallet never audited.
    #[error("subchain {subchain} is not audited yet: audit it first")]
    NotAudited {
        /// The subchain.
        subchain: u32,
    },
    /// A proven record does not decode.
    #[error("the proven subchain record does not decode: {detail}")]
    RecordMalformed {
        /// The decoder's reason.
        detail: String,
    },
    /// The evidence file is not valid evidence.
    #[error(transparent)]
    Evidence(#[from] SubchainEvidenceError),
    /// A file could not be read or written.
    #[error(transparent)]
    File(#[from] jifen_files::FileError),
}

impl Coded for SubchainFlowError {
    fn code(&self) -> &'static str {
        match self {
            Self::Chain(inner) => inner.code(),
            Self::IdInvalid { .. } => "subchain-id-invalid",
            Self::KeyInvalid { .. } => "subchain-key-invalid",
            Self::NotAudited { .. } => "subchain-not-audited",
            Self::RecordMalformed { .. } => "subchain-record-malformed",
            Self::Evidence(inner) => inner.code(),
            Self::File(inner) => inner.code(),
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            Self::Chain(inner) => inner.args(),
            Self::IdInvalid { text } => vec![("text", text.clone().into())],
            Self::KeyInvalid { key } => vec![("key", key.clone().into())],
            Self::NotAudited { subchain } => vec![("subchain", (*subchain).into())],
            Self::RecordMalformed { detail } => vec![("detail", detail.clone().into())],
            Self::Evidence(inner) => inner.args(),
            Self::File(inner) => inner.args(),
        }
    }
}

/// The subchain number in `text` (`1`, `2`, ...).
///
/// # Errors
/// [`SubchainFlowError::IdInvalid`].
pub fn parse_id(text: &str) -> Result<jifen_protocol::subchain::SubchainId, SubchainFlowError> {
    text.trim()
        .parse()
        .map_err(|()| SubchainFlowError::IdInvalid {
            text: text.to_owned(),
        })
}
