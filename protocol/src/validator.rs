//! Validators and validator sets.
//!
//! See `docs/protocol.md#validator-set`.

use crate::address::Address;
use crate::encoding::{
    Decode, DecodeError, Encode, MAX_TOTAL_VOTING_POWER, MAX_VALIDATORS, Reader, put_len,
};
use crate::hash::Hash32;
use crate::keys::PublicKey;
use crate::merkle::{self, InclusionProof, MerkleError};

/// Encoded length of one validator: address 20 + key 33 + power 8.
pub const VALIDATOR_LEN: usize = 61;

/// A validator: its address, key and voting power.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Validator {
    /// Must equal `Address::from_public_key(&public_key)`.
    pub address: Address,
    /// The key its votes are checked against.
    pub public_key: PublicKey,
    /// Voting power, at least 1.
    pub voting_power: u64,
}

impl Validator {
    /// A validator with the address of `public_key`.
    #[must_use]
    pub fn new(public_key: PublicKey, voting_power: u64) -> Self {
        Self {
            address: public_key.address(),
            public_key,
            voting_power,
        }
    }

    /// The hash of this validator's leaf in the set's Merkle tree.
    #[must_use]
    pub fn leaf_hash(&self) -> Hash32 {
        merkle::leaf_hash(&self.encode())
    }
}

impl Encode for Validator {
    /// `address (20) || public key (33) || voting power u64`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        self.address.encode_to(out);
        self.public_key.encode_to(out);
        out.extend_from_slice(&self.voting_power.to_be_bytes());
    }
}

impl Decode for Validator {
    const NAME: &'static str = "validator";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let offset = reader.offset();
        let address = Address::decode_from(reader)?;
        let public_key = PublicKey::decode_from(reader)?;
        let power_offset = reader.offset();
        let voting_power = reader.u64("voting power")?;
        if address != public_key.address() {
            return Err(DecodeError::InvalidValue {
                field: "validator address",
                offset,
                reason: "address is not the address of the public key",
            });
        }
        if voting_power == 0 {
            return Err(DecodeError::InvalidValue {
                field: "voting power",
                offset: power_offset,
                reason: "voting power is zero",
            });
        }
        Ok(Self {
            address,
            public_key,
            voting_power,
        })
    }
}

/// A validator set in canonical order: strictly ascending by address (so
/// no address appears twice). Commits refer to validators by their index in
/// this order.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ValidatorSet {
    validators: Vec<Validator>,
    total_power: u64,
}

impl ValidatorSet {
    /// Validates and sorts `validators` into canonical order.
    ///
    /// # Errors
    /// [`ValidatorSetError`] when the list is empty or longer than
    /// [`MAX_VALIDATORS`], a validator has zero power or an address that is
    /// not its key's, an address appears twice, or the total power exceeds
    /// [`MAX_TOTAL_VOTING_POWER`].
    pub fn new(mut validators: Vec<Validator>) -> Result<Self, ValidatorSetError> {
        validators.sort_by_key(|validator| validator.address);
        Self::from_sorted(validators)
    }

    /// Validates `validators`, which must already be in canonical order.
    ///
    /// # Errors
    /// As [`ValidatorSet::new`], plus [`ValidatorSetError::NotSorted`].
    pub fn from_sorted(validators: Vec<Validator>) -> Result<Self, ValidatorSetError> {
        if validators.is_empty() {
            return Err(ValidatorSetError::Empty);
        }
        if validators.len() > MAX_VALIDATORS {
            return Err(ValidatorSetError::TooMany {
                max: MAX_VALIDATORS,
                got: validators.len(),
            });
        }
        let mut total: u64 = 0;
        let mut previous: Option<&Address> = None;
        for (index, validator) in validators.iter().enumerate() {
            if validator.voting_power == 0 {
                return Err(ValidatorSetError::ZeroPower { index });
            }
            if validator.address != validator.public_key.address() {
                return Err(ValidatorSetError::AddressMismatch { index });
            }
            if let Some(previous) = previous {
                if previous == &validator.address {
                    return Err(ValidatorSetError::Duplicate { index });
                }
                if previous > &validator.address {
                    return Err(ValidatorSetError::NotSorted { index });
                }
            }
            previous = Some(&validator.address);
            total = total
                .checked_add(validator.voting_power)
                .filter(|total| *total <= MAX_TOTAL_VOTING_POWER)
                .ok_or(ValidatorSetError::PowerTooLarge {
                    max: MAX_TOTAL_VOTING_POWER,
                })?;
        }
        Ok(Self {
            validators,
            total_power: total,
        })
    }

    /// The validators in canonical order.
    #[must_use]
    pub fn validators(&self) -> &[Validator] {
        &self.validators
    }

    /// The validator at `index`.
    #[must_use]
    pub fn get(&self, index: usize) -> Option<&Validator> {
        self.validators.get(index)
    }

    /// Number of validators (at least 1).
    #[must_use]
    pub fn len(&self) -> usize {
        self.validators.len()
    }

    /// Always false: a set has at least one validator.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.validators.is_empty()
    }

    /// Sum of the voting powers (at most [`MAX_TOTAL_VOTING_POWER`]).
    #[must_use]
    pub fn total_power(&self) -> u64 {
        self.total_power
    }

    /// Index and entry of the validator with `address`.
    #[must_use]
    pub fn find(&self, address: &Address) -> Option<(usize, &Validator)> {
        let index = self
            .validators
            .binary_search_by(|v| v.address.cmp(address))
            .ok()?;
        self.validators
            .get(index)
            .map(|validator| (index, validator))
    }

    /// The set's hash: the RFC 6962 Merkle root over the validators' encodings
    /// in canonical order. Headers commit to it.
    #[must_use]
    pub fn hash(&self) -> Hash32 {
        let leaves: Vec<Hash32> = self.validators.iter().map(Validator::leaf_hash).collect();
        merkle::root_from_leaf_hashes(&leaves)
    }

    /// A proof that the validator at `index` is in this set (verify it with
    /// `proof.verify(&validator.leaf_hash(), &set_hash)`).
    ///
    /// # Errors
    /// [`MerkleError::IndexOutOfRange`].
    pub fn membership_proof(&self, index: usize) -> Result<InclusionProof, MerkleError> {
        let leaves: Vec<Hash32> = self.validators.iter().map(Validator::leaf_hash).collect();
        InclusionProof::generate(&leaves, index)
    }
}

impl Encode for ValidatorSet {
    /// `count u32 || count * validator`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        put_len(out, self.validators.len());
        for validator in &self.validators {
            validator.encode_to(out);
        }
    }
}

impl Decode for ValidatorSet {
    const NAME: &'static str = "validator set";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let offset = reader.offset();
        let count = reader.count("validator count", 1, MAX_VALIDATORS, VALIDATOR_LEN)?;
        let mut validators = Vec::with_capacity(count);
        for _ in 0..count {
            validators.push(Validator::decode_from(reader)?);
        }
        Self::from_sorted(validators).map_err(|err| DecodeError::InvalidValue {
            field: "validator set",
            offset,
            reason: err.reason(),
        })
    }
}

/// Why a list of validators is not a validator set.
///
/// Codes: `validator-set-empty`, `validator-set-too-many`,
/// `validator-zero-power`, `validator-address-mismatch`,
/// `validator-duplicate`, `validator-set-not-sorted`,
/// `validator-set-power-too-large`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ValidatorSetError {
    /// No validators.
    #[error("validator set is empty")]
    Empty,
    /// More than [`MAX_VALIDATORS`].
    #[error("validator set has {got} validators, at most {max} allowed")]
    TooMany {
        /// Bound.
        max: usize,
        /// Count found.
        got: usize,
    },
    /// A validator with zero voting power.
    #[error("validator {index} has zero voting power")]
    ZeroPower {
        /// Its index.
        index: usize,
    },
    /// A validator whose address is not its key's address.
    #[error("validator {index} address is not the address of its public key")]
    AddressMismatch {
        /// Its index.
        index: usize,
    },
    /// An address that appears twice.
    #[error("validator {index} repeats the address of the one before it")]
    Duplicate {
        /// Index of the second occurrence.
        index: usize,
    },
    /// Not in ascending address order.
    #[error("validator {index} is out of ascending address order")]
    NotSorted {
        /// First out-of-order index.
        index: usize,
    },
    /// Total power above the bound.
    #[error("total voting power exceeds {max}")]
    PowerTooLarge {
        /// Bound.
        max: u64,
    },
}

impl ValidatorSetError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "validator-set-empty",
            Self::TooMany { .. } => "validator-set-too-many",
            Self::ZeroPower { .. } => "validator-zero-power",
            Self::AddressMismatch { .. } => "validator-address-mismatch",
            Self::Duplicate { .. } => "validator-duplicate",
            Self::NotSorted { .. } => "validator-set-not-sorted",
            Self::PowerTooLarge { .. } => "validator-set-power-too-large",
        }
    }

    fn reason(&self) -> &'static str {
        match self {
            Self::Empty => "validator set is empty",
            Self::TooMany { .. } => "too many validators",
            Self::ZeroPower { .. } => "a validator has zero voting power",
            Self::AddressMismatch { .. } => "a validator address is not its key's",
            Self::Duplicate { .. } => "an address appears twice",
            Self::NotSorted { .. } => "validators are not in ascending address order",
            Self::PowerTooLarge { .. } => "total voting power is too large",
        }
    }
}

impl crate::message::Coded for ValidatorSetError {
    fn code(&self) -> &'static str {
        ValidatorSetError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, crate::message::Arg)> {
        match self {
            ValidatorSetError::Empty => Vec::new(),
            ValidatorSetError::TooMany { max, got } => {
                vec![("max", (*max).into()), ("got", (*got).into())]
            }
            ValidatorSetError::ZeroPower { index }
            | ValidatorSetError::AddressMismatch { index }
            | ValidatorSetError::Duplicate { index }
            | ValidatorSetError::NotSorted { index } => vec![("index", (*index).into())],
            ValidatorSetError::PowerTooLarge { max } => vec![("max", (*max).into())],
        }
    }
}
