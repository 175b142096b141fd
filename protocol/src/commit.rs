//! Commits: the validators' signatures that finalize a block, the vote sign
//! bytes they sign, and the tally of a commit against a validator set.
//!
//! See `docs/protocol.md#commit` and `docs/protocol.md#consensus-rules`.

use crate::chain_id::ChainId;
use crate::encoding::{Decode, DecodeError, Encode, MAX_VALIDATORS, Reader, put_len};
use crate::hash::{Hash32, tagged_hash, tags};
use crate::header::Header;
use crate::keys::{Signature, SignatureError};
use crate::validator::ValidatorSet;

/// Encoded length of one commit signature: index u16 + signature 64.
const COMMIT_SIGNATURE_LEN: usize = 66;

/// The two vote kinds of the BFT protocol. Only precommits appear in commits;
/// the kind is part of the sign bytes so a prevote is never a precommit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum VoteKind {
    /// First-round vote (`0x01`).
    Prevote = 1,
    /// Second-round vote (`0x02`); commits carry these.
    Precommit = 2,
}

/// One validator's precommit signature in a commit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CommitSignature {
    /// Index of the validator in the block's validator set (canonical order).
    pub validator_index: u16,
    /// Signature over [`Commit::vote_digest`] of the commit's block.
    pub signature: Signature,
}

/// The precommits that finalize block `block_hash` at `height`, `round`.
/// Signatures are strictly ascending by validator index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Commit {
    /// Height of the committed block.
    pub height: u64,
    /// Consensus round in which it was committed.
    pub round: u32,
    /// [`Header::hash`] of the committed block.
    pub block_hash: Hash32,
    /// At least one signature, strictly ascending by index.
    pub signatures: Vec<CommitSignature>,
}

/// The voting power behind a commit's valid signatures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    /// Sum of the powers of the validators whose signatures verified.
    pub signed_power: u64,
    /// Total power of the validator set.
    pub total_power: u64,
    /// Indices of the signers, ascending.
    pub signers: Vec<u16>,
}

/// A fraction `numerator / denominator` of voting power, `0 < n/d <= 1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrustThreshold {
    numerator: u64,
    denominator: u64,
}

impl TrustThreshold {
    /// One third, the least a light client may trust when skipping.
    pub const ONE_THIRD: Self = Self {
        numerator: 1,
        denominator: 3,
    };
    /// Two thirds, the BFT quorum.
    pub const TWO_THIRDS: Self = Self {
        numerator: 2,
        denominator: 3,
    };

    /// A threshold of `numerator / denominator`, if `0 < n <= d`.
    #[must_use]
    pub const fn new(numerator: u64, denominator: u64) -> Option<Self> {
        if numerator == 0 || numerator > denominator {
            None
        } else {
            Some(Self {
                numerator,
                denominator,
            })
        }
    }
}

impl Tally {
    /// Strictly more than `threshold` of the total power signed:
    /// `signed * d > total * n`, in `u128` (no rounding, no overflow).
    #[must_use]
    pub fn exceeds(&self, threshold: TrustThreshold) -> bool {
        u128::from(self.signed_power) * u128::from(threshold.denominator)
            > u128::from(self.total_power) * u128::from(threshold.numerator)
    }

    /// The BFT quorum: `3 * signed > 2 * total`.
    #[must_use]
    pub fn has_quorum(&self) -> bool {
        self.exceeds(TrustThreshold::TWO_THIRDS)
    }
}

impl Commit {
    /// The digest a validator signs for a vote:
    /// `tagged_hash("jifen/vote", kind u8 || chain_id || height u64 || round u32 || block_hash)`.
    #[must_use]
    pub fn vote_digest(
        chain_id: &ChainId,
        kind: VoteKind,
        height: u64,
        round: u32,
        block_hash: &Hash32,
    ) -> [u8; 32] {
        tagged_hash(
            tags::VOTE,
            &Self::vote_sign_bytes(chain_id, kind, height, round, block_hash),
        )
    }

    /// The bytes under [`Commit::vote_digest`] (before tagged hashing).
    #[must_use]
    pub fn vote_sign_bytes(
        chain_id: &ChainId,
        kind: VoteKind,
        height: u64,
        round: u32,
        block_hash: &Hash32,
    ) -> Vec<u8> {
        let mut out = vec![kind as u8];
        chain_id.encode_to(&mut out);
        out.extend_from_slice(&height.to_be_bytes());
        out.extend_from_slice(&round.to_be_bytes());
        out.extend_from_slice(block_hash.as_bytes());
        out
    }

    /// The precommit digest every signature in this commit signs.
    #[must_use]
    pub fn signing_digest(&self, chain_id: &ChainId) -> [u8; 32] {
        Self::vote_digest(
            chain_id,
            VoteKind::Precommit,
            self.height,
            self.round,
            &self.block_hash,
        )
    }

    /// `tagged_hash("jifen/commit", encoding)`; the next header's
    /// `last_commit_hash`.
    #[must_use]
    pub fn hash(&self) -> Hash32 {
        Hash32(tagged_hash(tags::COMMIT, &self.encode()))
    }

    /// Checks that this commit is for `header` (same height and block hash).
    ///
    /// # Errors
    /// [`CommitError::HeightMismatch`], [`CommitError::BlockMismatch`].
    pub fn check_for(&self, header: &Header) -> Result<(), CommitError> {
        if self.height != header.height {
            return Err(CommitError::HeightMismatch {
                expected: header.height,
                got: self.height,
            });
        }
        let expected = header.hash();
        if self.block_hash != expected {
            return Err(CommitError::BlockMismatch {
                expected,
                got: self.block_hash,
            });
        }
        Ok(())
    }

    /// Verifies every signature against `validators` and sums the power of
    /// the signers. Any bad signature fails the whole commit, naming it: a
    /// node that relays a commit with a forged signature is caught, not
    /// quietly outvoted.
    ///
    /// # Errors
    /// [`CommitError::NoSignatures`], [`CommitError::NotSorted`],
    /// [`CommitError::IndexOutOfRange`], [`CommitError::InvalidSignature`].
    pub fn tally(
        &self,
        chain_id: &ChainId,
        validators: &ValidatorSet,
    ) -> Result<Tally, CommitError> {
        self.tally_digest(&self.signing_digest(chain_id), validators)
    }

    /// [`Commit::tally`] over signatures of `digest` instead of this chain's
    /// precommit digest: a subchain committee signs
    /// [`crate::subchain::subchain_vote_digest`] with the same commit shape.
    ///
    /// # Errors
    /// As [`Commit::tally`].
    pub fn tally_digest(
        &self,
        digest: &[u8; 32],
        validators: &ValidatorSet,
    ) -> Result<Tally, CommitError> {
        if self.signatures.is_empty() {
            return Err(CommitError::NoSignatures);
        }
        let digest = *digest;
        let mut signed_power: u64 = 0;
        let mut signers = Vec::with_capacity(self.signatures.len());
        let mut previous: Option<u16> = None;
        for entry in &self.signatures {
            let index = entry.validator_index;
            if previous.is_some_and(|previous| previous >= index) {
                return Err(CommitError::NotSorted { index });
            }
            previous = Some(index);
            let validator =
                validators
                    .get(usize::from(index))
                    .ok_or(CommitError::IndexOutOfRange {
                        index,
                        set_size: validators.len(),
                    })?;
            validator
                .public_key
                .verify_prehash(&digest, &entry.signature)
                .map_err(|source| CommitError::InvalidSignature { index, source })?;
            // Cannot overflow: the set's total power is at most 2^60.
            signed_power = signed_power.saturating_add(validator.voting_power);
            signers.push(index);
        }
        Ok(Tally {
            signed_power,
            total_power: validators.total_power(),
            signers,
        })
    }
}

impl Encode for Commit {
    /// `height u64 || round u32 || block_hash || count u32 || count * (index u16 || signature)`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.height.to_be_bytes());
        out.extend_from_slice(&self.round.to_be_bytes());
        out.extend_from_slice(self.block_hash.as_bytes());
        put_len(out, self.signatures.len());
        for entry in &self.signatures {
            out.extend_from_slice(&entry.validator_index.to_be_bytes());
            entry.signature.encode_to(out);
        }
    }
}

impl Decode for Commit {
    const NAME: &'static str = "commit";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let height = reader.u64("commit height")?;
        let round = reader.u32("round")?;
        let block_hash = Hash32(reader.array("block hash")?);
        let count = reader.count("signature count", 1, MAX_VALIDATORS, COMMIT_SIGNATURE_LEN)?;
        let mut signatures: Vec<CommitSignature> = Vec::with_capacity(count);
        for _ in 0..count {
            let offset = reader.offset();
            let validator_index = reader.u16("validator index")?;
            if usize::from(validator_index) >= MAX_VALIDATORS {
                return Err(DecodeError::InvalidValue {
                    field: "validator index",
                    offset,
                    reason: "index is not below the validator bound",
                });
            }
            if signatures
                .last()
                .is_some_and(|last| last.validator_index >= validator_index)
            {
                return Err(DecodeError::InvalidValue {
                    field: "validator index",
                    offset,
                    reason: "indices are not strictly ascending",
                });
            }
            let signature = Signature::decode_from(reader)?;
            signatures.push(CommitSignature {
                validator_index,
                signature,
            });
        }
        Ok(Self {
            height,
            round,
            block_hash,
            signatures,
        })
    }
}

/// Why a commit does not count.
///
/// Codes: `commit-no-signatures`, `commit-not-sorted`,
/// `commit-index-out-of-range`, `commit-invalid-signature`,
/// `commit-height-mismatch`, `commit-block-mismatch`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CommitError {
    /// No signatures at all.
    #[error("commit has no signatures")]
    NoSignatures,
    /// Indices not strictly ascending (unsorted or repeated).
    #[error("commit signature for validator {index} is out of order or repeated")]
    NotSorted {
        /// The offending index.
        index: u16,
    },
    /// An index beyond the validator set.
    #[error("commit names validator {index}, but the set has {set_size}")]
    IndexOutOfRange {
        /// The index.
        index: u16,
        /// Size of the set.
        set_size: usize,
    },
    /// A signature that does not verify under the indexed validator's key.
    #[error("signature of validator {index} is invalid: {source}")]
    InvalidSignature {
        /// The validator's index.
        index: u16,
        /// Why it failed.
        source: SignatureError,
    },
    /// The commit is for another height.
    #[error("commit is for height {got}, expected {expected}")]
    HeightMismatch {
        /// The header's height.
        expected: u64,
        /// The commit's height.
        got: u64,
    },
    /// The commit is for another block.
    #[error("commit is for block {got}, expected {expected}")]
    BlockMismatch {
        /// The header's hash.
        expected: Hash32,
        /// The commit's block hash.
        got: Hash32,
    },
}

impl CommitError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::NoSignatures => "commit-no-signatures",
            Self::NotSorted { .. } => "commit-not-sorted",
            Self::IndexOutOfRange { .. } => "commit-index-out-of-range",
            Self::InvalidSignature { .. } => "commit-invalid-signature",
            Self::HeightMismatch { .. } => "commit-height-mismatch",
            Self::BlockMismatch { .. } => "commit-block-mismatch",
        }
    }
}

impl crate::message::Coded for CommitError {
    fn code(&self) -> &'static str {
        CommitError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, crate::message::Arg)> {
        match self {
            CommitError::NoSignatures => Vec::new(),
            CommitError::NotSorted { index } => vec![("index", (*index).into())],
            CommitError::IndexOutOfRange { index, set_size } => {
                vec![("index", (*index).into()), ("size", (*set_size).into())]
            }
            CommitError::InvalidSignature { index, source } => vec![
                ("index", (*index).into()),
                ("detail", source.to_string().into()),
            ],
            CommitError::HeightMismatch { expected, got } => {
                vec![("expected", (*expected).into()), ("got", (*got).into())]
            }
            CommitError::BlockMismatch { expected, got } => vec![
                ("expected", expected.to_string().into()),
                ("got", got.to_string().into()),
            ],
        }
    }
}
