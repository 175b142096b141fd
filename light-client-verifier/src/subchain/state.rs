//! Subchain state proven against an audited header: a node's
//! `jifen_subchainState` answer is trusted only when its header is the one
//! the audit holds at that height and the value is proven under the
//! header's `state_root`.

use jifen_protocol::message::{Arg, Coded};
use jifen_protocol::subchain::entries::valid_key;
use jifen_protocol::subchain::{SubchainHeader, SubchainId, subchain_state_key};
use jifen_protocol::{Hash32, StateProof, StateProofError, verify_state_proof};

use super::audit::SubchainAudit;

/// A node's untrusted answer for one key of a subchain's state
/// (`jifen_subchainState`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UntrustedSubchainState {
    /// The subchain height the answer is for (the state after that block).
    pub height: u64,
    /// The subchain header at that height.
    pub header: SubchainHeader,
    /// The key, as written in the subchain's entries.
    pub key: String,
    /// The value, `None` when the node says the key holds nothing.
    pub value: Option<Vec<u8>>,
    /// The sparse-Merkle proof under `header.state_root` of the value (or
    /// its absence) at `subchain_state_key(key)`.
    pub proof: StateProof,
}

/// A subchain state value proven against an audited header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvenSubchainValue {
    /// The subchain.
    pub subchain: SubchainId,
    /// The subchain height.
    pub height: u64,
    /// The audited header's id.
    pub header_hash: Hash32,
    /// The main height that anchored that header.
    pub main_height: u64,
    /// The key.
    pub key: String,
    /// The value; `None`: proven absent.
    pub value: Option<Vec<u8>>,
}

/// Why a subchain state answer is refused.
///
/// Codes: `subchain-value-wrong-subchain`, `subchain-value-wrong-height`,
/// `subchain-value-not-audited`, `subchain-value-wrong-header`,
/// `subchain-value-halted`, `subchain-value-bad-key`, `subchain-value-proof`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SubchainStateError {
    /// The header is of another subchain.
    #[error("the header is of subchain {got}, the audit is of {expected}")]
    WrongSubchain {
        /// The audited subchain.
        expected: SubchainId,
        /// The header's.
        got: SubchainId,
    },
    /// The header is not at the answer's height.
    #[error("the answer is for height {expected}, its header is at {got}")]
    WrongHeight {
        /// The answer's height.
        expected: u64,
        /// The header's.
        got: u64,
    },
    /// The audit has not reached that height.
    #[error("height {height} is not audited (the audit is at {audited})")]
    NotAudited {
        /// The height asked.
        height: u64,
        /// The audited tip's height.
        audited: u64,
    },
    /// The header is not the one the main chain anchored at that height.
    #[error("the header at height {height} is {got}, the audited one is {expected}")]
    HeaderMismatch {
        /// The height.
        height: u64,
        /// The audited header id.
        expected: Hash32,
        /// The answer's header id.
        got: Hash32,
    },
    /// The committee equivocated at or below this height.
    #[error("subchain state at height {height} is not trusted: the subchain halted at {halted}")]
    Halted {
        /// The height asked.
        height: u64,
        /// The equivocation's height.
        halted: u64,
    },
    /// The key is not a valid entry key.
    #[error("{key:?} is not a subchain key")]
    BadKey {
        /// The key.
        key: String,
    },
    /// The proof does not prove the value under the header's state root.
    #[error("the subchain state proof is invalid: {source}")]
    Proof {
        /// Why.
        source: StateProofError,
    },
}

impl SubchainStateError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::WrongSubchain { .. } => "subchain-value-wrong-subchain",
            Self::WrongHeight { .. } => "subchain-value-wrong-height",
            Self::NotAudited { .. } => "subchain-value-not-audited",
            Self::HeaderMismatch { .. } => "subchain-value-wrong-header",
            Self::Halted { .. } => "subchain-value-halted",
            Self::BadKey { .. } => "subchain-value-bad-key",
            Self::Proof { .. } => "subchain-value-proof",
        }
    }
}

impl Coded for SubchainStateError {
    fn code(&self) -> &'static str {
        SubchainStateError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        let args = match self {
            Self::WrongSubchain { expected, got } => vec![
                ("expected", expected.get().into()),
                ("got", got.get().into()),
            ],
            Self::WrongHeight { expected, got } => {
                vec![("expected", (*expected).into()), ("got", (*got).into())]
            }
            Self::NotAudited { height, audited } => {
                vec![("height", (*height).into()), ("audited", (*audited).into())]
            }
            Self::HeaderMismatch {
                height,
                expected,
                got,
            } => vec![
                ("height", (*height).into()),
                ("expected", expected.to_string().into()),
                ("got", got.to_string().into()),
            ],
            Self::Halted { height, halted } => {
                vec![("height", (*height).into()), ("halted", (*halted).into())]
            }
            Self::BadKey { key } => vec![("key", key.clone().into())],
            Self::Proof { source } => vec![("reason", source.to_string().into())],
        };
        crate::with_detail(args, self)
    }
}

impl SubchainAudit {
    /// Checks `answer` against this audit: its header is of this subchain,
    /// at the answer's height, and is the header the audit holds there (so
    /// valid under the subchain's consensus and anchored in a verified main
    /// block); the subchain has not halted at or below that height; and the
    /// proof proves the value (or its absence) at `subchain_state_key(key)`
    /// under the header's `state_root`.
    ///
    /// # Errors
    /// [`SubchainStateError`], the first rule broken.
    pub fn verify_state(
        &self,
        answer: &UntrustedSubchainState,
    ) -> Result<ProvenSubchainValue, SubchainStateError> {
        let header = &answer.header;
        if header.subchain != self.id {
            return Err(SubchainStateError::WrongSubchain {
                expected: self.id,
                got: header.subchain,
            });
        }
        if header.height != answer.height {
            return Err(SubchainStateError::WrongHeight {
                expected: answer.height,
                got: header.height,
            });
        }
        if let Some(halted) = self.halted
            && answer.height >= halted
        {
            return Err(SubchainStateError::Halted {
                height: answer.height,
                halted,
            });
        }
        let Some(anchored) = self.anchored(answer.height) else {
            return Err(SubchainStateError::NotAudited {
                height: answer.height,
                audited: self.tip.height,
            });
        };
        let id = header.hash();
        if anchored.header_hash != id {
            return Err(SubchainStateError::HeaderMismatch {
                height: answer.height,
                expected: anchored.header_hash,
                got: id,
            });
        }
        if !valid_key(&answer.key) {
            return Err(SubchainStateError::BadKey {
                key: answer.key.clone(),
            });
        }
        verify_state_proof(
            &header.state_root,
            &subchain_state_key(&answer.key),
            answer.value.as_deref(),
            &answer.proof,
        )
        .map_err(|source| SubchainStateError::Proof { source })?;
        Ok(ProvenSubchainValue {
            subchain: self.id,
            height: answer.height,
            header_hash: id,
            main_height: anchored.main_height,
            key: answer.key.clone(),
            value: answer.value.clone(),
        })
    }
}
