//! The unit the light client verifies: a header with the commit that
//! finalized it and the two validator sets its hashes point at.

use jifen_protocol::message::{Arg, Coded};
use jifen_protocol::{
    ChainId, Commit, CommitError, Decode, DecodeError, Encode, Hash32, Header, HeaderError, Reader,
    ValidatorSet,
};

/// A block header with everything needed to check it without the chain:
/// its commit, the set that signed it and the set that signs the next block.
///
/// Nothing about a `LightBlock` is trusted until the verifier says so; a
/// block that came from a peer is called `untrusted` wherever it is passed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LightBlock {
    /// The header.
    pub header: Header,
    /// The precommits that finalized `header`.
    pub commit: Commit,
    /// The set whose hash is `header.validators_hash` (it signs `commit`).
    pub validators: ValidatorSet,
    /// The set whose hash is `header.next_validators_hash`.
    pub next_validators: ValidatorSet,
}

impl LightBlock {
    /// Height of the header.
    #[must_use]
    pub fn height(&self) -> u64 {
        self.header.height
    }

    /// The block id, [`Header::hash`].
    #[must_use]
    pub fn hash(&self) -> Hash32 {
        self.header.hash()
    }

    /// Checks what needs no trusted state: the header's own rules, the chain
    /// id, that both validator sets are the ones the header names, and that
    /// the commit is for this header. Signatures are not checked here (that
    /// is [`crate::verifier`]'s job, with the voting power that matters).
    ///
    /// # Errors
    /// [`LightBlockError`], one variant per rule, with expected and got.
    pub fn validate_basic(&self, chain_id: &ChainId) -> Result<(), LightBlockError> {
        self.header
            .validate_basic()
            .map_err(LightBlockError::InvalidHeader)?;
        if &self.header.chain_id != chain_id {
            return Err(LightBlockError::ChainIdMismatch {
                expected: chain_id.clone(),
                got: self.header.chain_id.clone(),
            });
        }
        let validators_hash = self.validators.hash();
        if validators_hash != self.header.validators_hash {
            return Err(LightBlockError::ValidatorsHashMismatch {
                expected: self.header.validators_hash,
                got: validators_hash,
            });
        }
        let next_validators_hash = self.next_validators.hash();
        if next_validators_hash != self.header.next_validators_hash {
            return Err(LightBlockError::NextValidatorsHashMismatch {
                expected: self.header.next_validators_hash,
                got: next_validators_hash,
            });
        }
        self.commit
            .check_for(&self.header)
            .map_err(LightBlockError::CommitNotForHeader)
    }
}

impl Encode for LightBlock {
    /// `header || commit || validators || next_validators`, each in its
    /// canonical encoding (`docs/protocol.md`); every part is
    /// self-delimiting, so the concatenation needs no length prefixes.
    fn encode_to(&self, out: &mut Vec<u8>) {
        self.header.encode_to(out);
        self.commit.encode_to(out);
        self.validators.encode_to(out);
        self.next_validators.encode_to(out);
    }
}

impl Decode for LightBlock {
    const NAME: &'static str = "light block";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            header: Header::decode_from(reader)?,
            commit: Commit::decode_from(reader)?,
            validators: ValidatorSet::decode_from(reader)?,
            next_validators: ValidatorSet::decode_from(reader)?,
        })
    }
}

/// Why a light block is inconsistent in itself.
///
/// Codes: `lc-invalid-header`, `lc-chain-id-mismatch`,
/// `lc-validators-hash-mismatch`, `lc-next-validators-hash-mismatch`,
/// `lc-commit-not-for-header`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LightBlockError {
    /// The header breaks a rule of its own (version, height, parent links).
    #[error("header is invalid: {0}")]
    InvalidHeader(#[source] HeaderError),
    /// The header is for another chain.
    #[error("header is for chain {got}, expected {expected}")]
    ChainIdMismatch {
        /// The chain the client follows.
        expected: ChainId,
        /// The header's chain.
        got: ChainId,
    },
    /// The validator set sent is not the one the header names.
    #[error("validator set hashes to {got}, header names {expected}")]
    ValidatorsHashMismatch {
        /// `header.validators_hash`.
        expected: Hash32,
        /// Hash of the set that came with the header.
        got: Hash32,
    },
    /// The next validator set sent is not the one the header names.
    #[error("next validator set hashes to {got}, header names {expected}")]
    NextValidatorsHashMismatch {
        /// `header.next_validators_hash`.
        expected: Hash32,
        /// Hash of the next set that came with the header.
        got: Hash32,
    },
    /// The commit is for another height or block.
    #[error("commit is not for this header: {0}")]
    CommitNotForHeader(#[source] CommitError),
}

impl LightBlockError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidHeader(_) => "lc-invalid-header",
            Self::ChainIdMismatch { .. } => "lc-chain-id-mismatch",
            Self::ValidatorsHashMismatch { .. } => "lc-validators-hash-mismatch",
            Self::NextValidatorsHashMismatch { .. } => "lc-next-validators-hash-mismatch",
            Self::CommitNotForHeader(_) => "lc-commit-not-for-header",
        }
    }
}

impl Coded for LightBlockError {
    fn code(&self) -> &'static str {
        LightBlockError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        let args = match self {
            Self::InvalidHeader(inner) => inner.args(),
            Self::ChainIdMismatch { expected, got } => vec![
                ("expected", expected.to_string().into()),
                ("got", got.to_string().into()),
            ],
            Self::ValidatorsHashMismatch { expected, got }
            | Self::NextValidatorsHashMismatch { expected, got } => vec![
                ("expected", expected.to_string().into()),
                ("got", got.to_string().into()),
            ],
            Self::CommitNotForHeader(inner) => inner.args(),
        };
        crate::with_detail(args, self)
    }
}
