//! Fork evidence: two committed headers at the same height, and the
//! validators who signed both. Built when a witness's verified header
//! conflicts with the primary's; re-checked offline by [`verify_evidence`].
//!
//! File format (`format = "jifen-evidence/1"`), JSON with one object:
//!
//! ```json
//! {
//!   "format": "jifen-evidence/1",
//!   "first": "<hex of the first LightBlock's canonical encoding>",
//!   "second": "<hex of the second LightBlock's canonical encoding>",
//!   "double_signers": ["<hex of a 20-byte address>", "..."]
//! }
//! ```
//!
//! A light block's canonical encoding is `header || commit || validators ||
//! next_validators` (`docs/protocol.md`); the hex is lower-case. Addresses
//! are listed ascending. The file carries everything needed to re-check it;
//! nothing in it is trusted until [`verify_evidence`] says so.

use std::collections::BTreeSet;

use jifen_protocol::message::{Arg, Coded};
use jifen_protocol::{Address, Decode, DecodeError, Encode, Hash32, ValidatorSet};
use serde::{Deserialize, Serialize};

use crate::light_block::LightBlock;
use crate::verifier::{self, PowerTally, VerificationError};

/// The `format` field of an evidence file.
pub const EVIDENCE_FORMAT: &str = "jifen-evidence/1";

/// Two conflicting committed light blocks at one height.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// One side (e.g. the primary's block).
    pub first: LightBlock,
    /// The other side (e.g. a witness's block).
    pub second: LightBlock,
    /// Addresses that signed both commits, ascending.
    pub double_signers: Vec<Address>,
}

/// Evidence that [`verify_evidence`] accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedEvidence {
    /// The height of the fork.
    pub height: u64,
    /// The two block ids.
    pub block_hashes: [Hash32; 2],
    /// Double signers that belong to the trusted validator set, ascending.
    pub accountable: Vec<Address>,
    /// Their power out of the trusted set's total.
    pub accountable_power: PowerTally,
}

/// Which side of the evidence a problem is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// [`Evidence::first`].
    First,
    /// [`Evidence::second`].
    Second,
}

impl std::fmt::Display for Side {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::First => "first",
            Self::Second => "second",
        })
    }
}

impl Evidence {
    /// Evidence from two conflicting blocks: checks they conflict (see
    /// [`verify_evidence`], without a trusted set) and computes the double
    /// signers.
    ///
    /// # Errors
    /// As [`verify_evidence`], except the checks about the trusted set.
    pub fn from_conflict(first: LightBlock, second: LightBlock) -> Result<Self, EvidenceError> {
        let double_signers = check_conflict(&first, &second)?;
        Ok(Self {
            first,
            second,
            double_signers,
        })
    }

    /// The evidence file's text (see the module docs).
    #[must_use]
    pub fn to_json(&self) -> String {
        let file = EvidenceFile {
            format: EVIDENCE_FORMAT.to_owned(),
            first: hex::encode(self.first.encode()),
            second: hex::encode(self.second.encode()),
            double_signers: self
                .double_signers
                .iter()
                .map(|address| hex::encode(address.as_bytes()))
                .collect(),
        };
        // Serializing strings and vectors of strings cannot fail.
        serde_json::to_string_pretty(&file).unwrap_or_default()
    }

    /// Reads an evidence file's text. Decoding only: check the result with
    /// [`verify_evidence`].
    ///
    /// # Errors
    /// [`EvidenceError::Json`], [`EvidenceError::UnknownFormat`],
    /// [`EvidenceError::Hex`], [`EvidenceError::Decode`],
    /// [`EvidenceError::BadAddress`].
    pub fn from_json(text: &str) -> Result<Self, EvidenceError> {
        let file: EvidenceFile =
            serde_json::from_str(text).map_err(|error| EvidenceError::Json {
                message: error.to_string(),
            })?;
        if file.format != EVIDENCE_FORMAT {
            return Err(EvidenceError::UnknownFormat { got: file.format });
        }
        let block = |side: Side, text: &str| -> Result<LightBlock, EvidenceError> {
            let bytes = hex::decode(text).map_err(|_| EvidenceError::Hex { side })?;
            LightBlock::decode(&bytes).map_err(|source| EvidenceError::Decode { side, source })
        };
        let double_signers = file
            .double_signers
            .iter()
            .map(|text| {
                hex::decode(text)
                    .ok()
                    .and_then(|bytes| <[u8; 20]>::try_from(bytes).ok())
                    .map(Address::from_bytes)
                    .ok_or_else(|| EvidenceError::BadAddress { text: text.clone() })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self {
            first: block(Side::First, &file.first)?,
            second: block(Side::Second, &file.second)?,
            double_signers,
        })
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EvidenceFile {
    format: String,
    first: String,
    second: String,
    double_signers: Vec<String>,
}

/// Both blocks consistent, same chain and height, different ids, both
/// commits valid with a quorum; returns the addresses that signed both.
fn check_conflict(first: &LightBlock, second: &LightBlock) -> Result<Vec<Address>, EvidenceError> {
    let chain_id = &first.header.chain_id;
    let mut signers: Vec<BTreeSet<Address>> = Vec::with_capacity(2);
    for (side, block) in [(Side::First, first), (Side::Second, second)] {
        let tally = verifier::check_self_consistent(block, chain_id)
            .map_err(|source| EvidenceError::InvalidBlock { side, source })?;
        signers.push(
            tally
                .signers
                .iter()
                .filter_map(|index| block.validators.get(usize::from(*index)))
                .map(|validator| validator.address)
                .collect(),
        );
    }
    if first.height() != second.height() {
        return Err(EvidenceError::HeightMismatch {
            first: first.height(),
            second: second.height(),
        });
    }
    if first.hash() == second.hash() {
        return Err(EvidenceError::NoConflict {
            block_hash: first.hash(),
        });
    }
    let (Some(a), Some(b)) = (signers.first(), signers.get(1)) else {
        return Ok(Vec::new());
    };
    Ok(a.intersection(b).copied().collect())
}

/// Re-checks `evidence` offline against the validator set trusted at its
/// height (`trusted_validators`): both blocks are consistent in themselves
/// and for the same chain, at the same height, with different ids, each
/// committed by more than 2/3 of its own validators with valid signatures;
/// the listed double signers are exactly those who signed both; and at least
/// one of them is in the trusted set (with the same key).
///
/// # Errors
/// [`EvidenceError`], one variant per rule.
pub fn verify_evidence(
    evidence: &Evidence,
    trusted_validators: &ValidatorSet,
) -> Result<VerifiedEvidence, EvidenceError> {
    let double_signers = check_conflict(&evidence.first, &evidence.second)?;
    if double_signers != evidence.double_signers {
        return Err(EvidenceError::DoubleSignersMismatch {
            expected: double_signers,
            got: evidence.double_signers.clone(),
        });
    }
    let mut accountable = Vec::new();
    let mut signed_power: u64 = 0;
    for address in &double_signers {
        let Some((_, trusted)) = trusted_validators.find(address) else {
            continue;
        };
        let same_key = [&evidence.first, &evidence.second].iter().all(|block| {
            block
                .validators
                .find(address)
                .is_some_and(|(_, validator)| validator.public_key == trusted.public_key)
        });
        if same_key {
            accountable.push(*address);
            signed_power = signed_power.saturating_add(trusted.voting_power);
        }
    }
    if accountable.is_empty() {
        return Err(EvidenceError::NoAccountableSigners);
    }
    Ok(VerifiedEvidence {
        height: evidence.first.height(),
        block_hashes: [evidence.first.hash(), evidence.second.hash()],
        accountable,
        accountable_power: PowerTally {
            signed_power,
            total_power: trusted_validators.total_power(),
        },
    })
}

/// Why evidence is refused.
///
/// Codes: `lc-evidence-invalid-block`, `lc-evidence-height-mismatch`,
/// `lc-evidence-no-conflict`, `lc-evidence-double-signers-mismatch`,
/// `lc-evidence-no-accountable-signers`, `lc-evidence-json`,
/// `lc-evidence-unknown-format`, `lc-evidence-hex`, `lc-evidence-decode`,
/// `lc-evidence-bad-address`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EvidenceError {
    /// One side is inconsistent or not committed.
    #[error("{side} block of the evidence is invalid: {source}")]
    InvalidBlock {
        /// Which block.
        side: Side,
        /// Why.
        source: VerificationError,
    },
    /// The blocks are at different heights.
    #[error("evidence blocks are at heights {first} and {second}")]
    HeightMismatch {
        /// First block's height.
        first: u64,
        /// Second block's height.
        second: u64,
    },
    /// The blocks are the same block.
    #[error("both evidence blocks are block {block_hash}")]
    NoConflict {
        /// Their common id.
        block_hash: Hash32,
    },
    /// The listed double signers are not those who signed both.
    #[error("evidence lists {} double signers, {} signed both", got.len(), expected.len())]
    DoubleSignersMismatch {
        /// Recomputed from the commits.
        expected: Vec<Address>,
        /// Listed in the evidence.
        got: Vec<Address>,
    },
    /// No double signer is in the trusted set.
    #[error("no validator of the trusted set signed both blocks")]
    NoAccountableSigners,
    /// The file is not the expected JSON object.
    #[error("evidence file is not valid: {message}")]
    Json {
        /// The parser's message.
        message: String,
    },
    /// Another format or version.
    #[error("evidence format {got:?} is not {EVIDENCE_FORMAT}")]
    UnknownFormat {
        /// The `format` field.
        got: String,
    },
    /// A block field is not hex.
    #[error("{side} block of the evidence is not hex")]
    Hex {
        /// Which block.
        side: Side,
    },
    /// A block field does not decode.
    #[error("{side} block of the evidence does not decode: {source}")]
    Decode {
        /// Which block.
        side: Side,
        /// Why.
        source: DecodeError,
    },
    /// A double signer is not 20 bytes of hex.
    #[error("double signer {text:?} is not a 20-byte hex address")]
    BadAddress {
        /// The text.
        text: String,
    },
}

impl EvidenceError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidBlock { .. } => "lc-evidence-invalid-block",
            Self::HeightMismatch { .. } => "lc-evidence-height-mismatch",
            Self::NoConflict { .. } => "lc-evidence-no-conflict",
            Self::DoubleSignersMismatch { .. } => "lc-evidence-double-signers-mismatch",
            Self::NoAccountableSigners => "lc-evidence-no-accountable-signers",
            Self::Json { .. } => "lc-evidence-json",
            Self::UnknownFormat { .. } => "lc-evidence-unknown-format",
            Self::Hex { .. } => "lc-evidence-hex",
            Self::Decode { .. } => "lc-evidence-decode",
            Self::BadAddress { .. } => "lc-evidence-bad-address",
        }
    }
}

impl Coded for EvidenceError {
    fn code(&self) -> &'static str {
        EvidenceError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        let args = match self {
            Self::InvalidBlock { side, source } => {
                let mut args = source.args();
                args.push(("side", side.to_string().into()));
                args
            }
            Self::HeightMismatch { first, second } => {
                vec![("first", (*first).into()), ("second", (*second).into())]
            }
            Self::NoConflict { block_hash } => vec![("hash", block_hash.to_string().into())],
            Self::DoubleSignersMismatch { expected, got } => vec![
                ("expected", expected.len().into()),
                ("got", got.len().into()),
            ],
            Self::NoAccountableSigners => Vec::new(),
            Self::Json { message } => vec![("reason", message.into())],
            Self::UnknownFormat { got } => vec![("format", got.into())],
            Self::Hex { side } => vec![("side", side.to_string().into())],
            Self::Decode { side, source } => vec![
                ("side", side.to_string().into()),
                ("reason", source.to_string().into()),
            ],
            Self::BadAddress { text } => vec![("text", text.into())],
        };
        crate::with_detail(args, self)
    }
}
