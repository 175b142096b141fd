//! The subchain block header, its seal fields and the subchain vote digest.

use super::{SubchainId, read_subchain};
use crate::encoding::{Decode, DecodeError, Encode, Reader};
use crate::hash::{Hash32, tagged_hash_parts};
use crate::{ChainId, tagged_hash};

/// Domain tag of a subchain header id.
pub const SUBCHAIN_HEADER_TAG: &str = "jifen/subchain-header";
/// Domain tag of a subchain committee's precommit.
pub const SUBCHAIN_VOTE_TAG: &str = "jifen/subchain-vote";
/// The subchain header encoding version this code reads and writes.
pub const SUBCHAIN_HEADER_VERSION: u16 = 1;

/// A subchain's consensus kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SubchainKind {
    /// `bft` (`0x01`): a committee signs every block with > 2/3 of its power.
    Bft,
    /// `pow-xor` (`0x02`): proof of work; siblings resolve by XOR distance.
    PowXor,
}

impl SubchainKind {
    /// The wire value.
    #[must_use]
    pub const fn to_u8(self) -> u8 {
        match self {
            Self::Bft => 1,
            Self::PowXor => 2,
        }
    }

    /// The kind with wire value `value`.
    #[must_use]
    pub const fn from_u8(value: u8) -> Option<Self> {
        match value {
            1 => Some(Self::Bft),
            2 => Some(Self::PowXor),
            _ => None,
        }
    }

    /// The text form: `bft` or `pow-xor`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Bft => "bft",
            Self::PowXor => "pow-xor",
        }
    }
}

/// The consensus fields of a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Seal {
    /// A bft header names the set that signs it and the one that signs the next.
    Bft {
        /// [`crate::ValidatorSet::hash`] of the committee signing this block.
        validators_hash: Hash32,
        /// The committee signing the next block.
        next_validators_hash: Hash32,
    },
    /// A pow-xor header carries its difficulty and the miner's nonce.
    Pow {
        /// Required leading zero bits of the header id.
        bits: u8,
        /// The miner's nonce.
        nonce: u64,
    },
}

impl Seal {
    /// The kind these fields belong to.
    #[must_use]
    pub const fn kind(&self) -> SubchainKind {
        match self {
            Self::Bft { .. } => SubchainKind::Bft,
            Self::Pow { .. } => SubchainKind::PowXor,
        }
    }
}

/// A subchain block header. Its id ([`SubchainHeader::hash`]) is what the
/// main chain anchors.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SubchainHeader {
    /// The subchain.
    pub subchain: SubchainId,
    /// Height, from 1.
    pub height: u64,
    /// Producer's time, unix milliseconds; never below the parent's.
    pub time_ms: u64,
    /// The parent's id; 32 zero bytes at height 1.
    pub parent: Hash32,
    /// RFC 6962 root over the block's entries ([`super::entries_root`]).
    pub tx_root: Hash32,
    /// Sparse Merkle root of the subchain state after this block.
    pub state_root: Hash32,
    /// The consensus fields.
    pub seal: Seal,
}

impl SubchainHeader {
    /// The header id: `tagged_hash("jifen/subchain-header", encoding)`.
    #[must_use]
    pub fn hash(&self) -> Hash32 {
        Hash32(tagged_hash(SUBCHAIN_HEADER_TAG, &self.encode()))
    }

    /// The kind named by the seal.
    #[must_use]
    pub const fn kind(&self) -> SubchainKind {
        self.seal.kind()
    }
}

impl Encode for SubchainHeader {
    /// `version u16 || subchain u32 || kind u8 || height u64 || time_ms u64 ||
    /// parent || tx_root || state_root || seal`, seal `validators_hash ||
    /// next_validators_hash` (bft) or `bits u8 || nonce u64` (pow-xor).
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&SUBCHAIN_HEADER_VERSION.to_be_bytes());
        out.extend_from_slice(&self.subchain.get().to_be_bytes());
        out.push(self.kind().to_u8());
        out.extend_from_slice(&self.height.to_be_bytes());
        out.extend_from_slice(&self.time_ms.to_be_bytes());
        out.extend_from_slice(self.parent.as_bytes());
        out.extend_from_slice(self.tx_root.as_bytes());
        out.extend_from_slice(self.state_root.as_bytes());
        match &self.seal {
            Seal::Bft {
                validators_hash,
                next_validators_hash,
            } => {
                out.extend_from_slice(validators_hash.as_bytes());
                out.extend_from_slice(next_validators_hash.as_bytes());
            }
            Seal::Pow { bits, nonce } => {
                out.push(*bits);
                out.extend_from_slice(&nonce.to_be_bytes());
            }
        }
    }
}

impl Decode for SubchainHeader {
    const NAME: &'static str = "subchain header";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let start = reader.offset();
        let version = reader.u16("subchain header version")?;
        if version != SUBCHAIN_HEADER_VERSION {
            return Err(DecodeError::UnsupportedVersion {
                what: "subchain header",
                offset: start,
                got: version,
                expected: SUBCHAIN_HEADER_VERSION,
            });
        }
        let subchain = read_subchain(reader, "subchain")?;
        let kind_offset = reader.offset();
        let kind_byte = reader.u8("subchain kind")?;
        let kind = SubchainKind::from_u8(kind_byte).ok_or(DecodeError::BadTag {
            field: "subchain kind",
            offset: kind_offset,
            got: kind_byte,
        })?;
        let height_offset = reader.offset();
        let height = reader.u64("height")?;
        if height == 0 {
            return Err(DecodeError::InvalidValue {
                field: "height",
                offset: height_offset,
                reason: "subchain heights start at 1",
            });
        }
        let time_ms = reader.u64("time")?;
        let parent = Hash32(reader.array("parent")?);
        let tx_root = Hash32(reader.array("tx root")?);
        let state_root = Hash32(reader.array("state root")?);
        let seal = match kind {
            SubchainKind::Bft => Seal::Bft {
                validators_hash: Hash32(reader.array("validators hash")?),
                next_validators_hash: Hash32(reader.array("next validators hash")?),
            },
            SubchainKind::PowXor => {
                let bits_offset = reader.offset();
                let bits = reader.u8("bits")?;
                if bits > super::MAX_POW_BITS {
                    return Err(DecodeError::InvalidValue {
                        field: "bits",
                        offset: bits_offset,
                        reason: "more than 64 leading zero bits",
                    });
                }
                Seal::Pow {
                    bits,
                    nonce: reader.u64("nonce")?,
                }
            }
        };
        Ok(Self {
            subchain,
            height,
            time_ms,
            parent,
            tx_root,
            state_root,
            seal,
        })
    }
}

/// What a bft subchain's committee member signs to commit `header_id` at
/// `height` in `round`: `tagged_hash("jifen/subchain-vote", main chain id ||
/// subchain u32 || height u64 || round u32 || header id)`. The main chain's
/// id and the tag keep it apart from main-chain votes and other subchains.
#[must_use]
pub fn subchain_vote_digest(
    main_chain: &ChainId,
    subchain: SubchainId,
    height: u64,
    round: u32,
    header_id: &Hash32,
) -> [u8; 32] {
    tagged_hash_parts(
        SUBCHAIN_VOTE_TAG,
        &[
            &main_chain.encode(),
            &subchain.get().to_be_bytes(),
            &height.to_be_bytes(),
            &round.to_be_bytes(),
            header_id.as_bytes(),
        ],
    )
}
