//! The block header. Its hash is the block id.
//!
//! See `docs/protocol.md#header`.

use crate::address::Address;
use crate::chain_id::ChainId;
use crate::encoding::{Decode, DecodeError, Encode, Reader, put_option32};
use crate::hash::{Hash32, tagged_hash, tags};

/// The header encoding version this code reads and writes.
pub const HEADER_VERSION: u16 = 1;

/// A block header. Everything a light client checks hangs off it: the
/// validator sets that must sign it, the roots that proofs are checked
/// against, and the link to the previous block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Encoding version, [`HEADER_VERSION`].
    pub version: u16,
    /// The chain this block belongs to.
    pub chain_id: ChainId,
    /// Height, from 1 (the genesis block).
    pub height: u64,
    /// Proposer's time, unix milliseconds.
    pub time_ms: u64,
    /// Hash of the header at `height - 1`; absent only at height 1.
    pub previous_block_hash: Option<Hash32>,
    /// [`crate::Commit::hash`] of the commit that finalized the previous
    /// block; absent only at height 1.
    pub last_commit_hash: Option<Hash32>,
    /// Merkle root over the ids of this block's transactions, in block order.
    pub tx_root: Hash32,
    /// Merkle root over this block's transaction results, in block order (the
    /// result encoding is specified with the execution rules).
    pub results_root: Hash32,
    /// Root of the state map after executing this block.
    pub state_root: Hash32,
    /// Merkle root over the subchain headers anchored in this block.
    pub anchors_root: Hash32,
    /// [`crate::ValidatorSet::hash`] of the set that signs this block.
    pub validators_hash: Hash32,
    /// [`crate::ValidatorSet::hash`] of the set that signs the next block.
    pub next_validators_hash: Hash32,
    /// Address of the validator that proposed this block.
    pub proposer: Address,
}

impl Header {
    /// The block id: `tagged_hash("jifen/header", encoding)`.
    #[must_use]
    pub fn hash(&self) -> Hash32 {
        Hash32(tagged_hash(tags::HEADER, &self.encode()))
    }

    /// Checks the rules that need nothing but the header itself.
    ///
    /// # Errors
    /// [`HeaderError`] when the version is unknown, the height is zero, or
    /// the parent links are absent above height 1 or present at height 1.
    pub fn validate_basic(&self) -> Result<(), HeaderError> {
        if self.version != HEADER_VERSION {
            return Err(HeaderError::UnsupportedVersion {
                expected: HEADER_VERSION,
                got: self.version,
            });
        }
        if self.height == 0 {
            return Err(HeaderError::ZeroHeight);
        }
        let genesis = self.height == 1;
        let has_parent = self.previous_block_hash.is_some() || self.last_commit_hash.is_some();
        let has_both = self.previous_block_hash.is_some() && self.last_commit_hash.is_some();
        if genesis && has_parent {
            return Err(HeaderError::UnexpectedParent);
        }
        if !genesis && !has_both {
            return Err(HeaderError::MissingParent {
                height: self.height,
            });
        }
        Ok(())
    }
}

impl Encode for Header {
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.version.to_be_bytes());
        self.chain_id.encode_to(out);
        out.extend_from_slice(&self.height.to_be_bytes());
        out.extend_from_slice(&self.time_ms.to_be_bytes());
        put_option32(out, self.previous_block_hash.as_ref().map(Hash32::as_bytes));
        put_option32(out, self.last_commit_hash.as_ref().map(Hash32::as_bytes));
        for root in [
            &self.tx_root,
            &self.results_root,
            &self.state_root,
            &self.anchors_root,
            &self.validators_hash,
            &self.next_validators_hash,
        ] {
            out.extend_from_slice(root.as_bytes());
        }
        self.proposer.encode_to(out);
    }
}

fn option32(reader: &mut Reader<'_>, field: &'static str) -> Result<Option<Hash32>, DecodeError> {
    if reader.option_tag(field)? {
        Ok(Some(Hash32(reader.array(field)?)))
    } else {
        Ok(None)
    }
}

impl Decode for Header {
    const NAME: &'static str = "header";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let start = reader.offset();
        let version = reader.u16("header version")?;
        if version != HEADER_VERSION {
            return Err(DecodeError::UnsupportedVersion {
                what: "header",
                offset: start,
                got: version,
                expected: HEADER_VERSION,
            });
        }
        let chain_id = ChainId::decode_from(reader)?;
        let height_offset = reader.offset();
        let height = reader.u64("height")?;
        let time_ms = reader.u64("time")?;
        let previous_block_hash = option32(reader, "previous block hash")?;
        let last_commit_hash = option32(reader, "last commit hash")?;
        let header = Self {
            version,
            chain_id,
            height,
            time_ms,
            previous_block_hash,
            last_commit_hash,
            tx_root: Hash32(reader.array("tx root")?),
            results_root: Hash32(reader.array("results root")?),
            state_root: Hash32(reader.array("state root")?),
            anchors_root: Hash32(reader.array("anchors root")?),
            validators_hash: Hash32(reader.array("validators hash")?),
            next_validators_hash: Hash32(reader.array("next validators hash")?),
            proposer: Address::decode_from(reader)?,
        };
        header
            .validate_basic()
            .map_err(|err| DecodeError::InvalidValue {
                field: "height",
                offset: height_offset,
                reason: err.reason(),
            })?;
        Ok(header)
    }
}

/// Why a header breaks a rule that needs nothing but the header.
///
/// Codes: `header-unsupported-version`, `header-zero-height`,
/// `header-unexpected-parent`, `header-missing-parent`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HeaderError {
    /// Unknown version.
    #[error("header version {got} is not supported, expected {expected}")]
    UnsupportedVersion {
        /// Supported version.
        expected: u16,
        /// Version found.
        got: u16,
    },
    /// Height 0.
    #[error("header height is zero; heights start at 1")]
    ZeroHeight,
    /// Parent links at height 1.
    #[error("genesis header (height 1) has a previous block or last commit hash")]
    UnexpectedParent,
    /// Missing parent links above height 1.
    #[error("header at height {height} lacks its previous block or last commit hash")]
    MissingParent {
        /// The height.
        height: u64,
    },
}

impl HeaderError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::UnsupportedVersion { .. } => "header-unsupported-version",
            Self::ZeroHeight => "header-zero-height",
            Self::UnexpectedParent => "header-unexpected-parent",
            Self::MissingParent { .. } => "header-missing-parent",
        }
    }

    fn reason(&self) -> &'static str {
        match self {
            Self::UnsupportedVersion { .. } => "unsupported version",
            Self::ZeroHeight => "height is zero",
            Self::UnexpectedParent => "genesis header has parent links",
            Self::MissingParent { .. } => "parent links missing above height 1",
        }
    }
}

impl crate::message::Coded for HeaderError {
    fn code(&self) -> &'static str {
        HeaderError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, crate::message::Arg)> {
        match self {
            HeaderError::UnsupportedVersion { expected, got } => {
                vec![("expected", (*expected).into()), ("got", (*got).into())]
            }
            HeaderError::MissingParent { height } => vec![("height", (*height).into())],
            HeaderError::ZeroHeight | HeaderError::UnexpectedParent => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn sample(height: u64) -> Header {
        let parent = (height > 1).then_some(Hash32([7; 32]));
        Header {
            version: HEADER_VERSION,
            chain_id: ChainId::new("jifen-devnet").unwrap(),
            height,
            time_ms: 1_700_000_000_000,
            previous_block_hash: parent,
            last_commit_hash: parent,
            tx_root: Hash32([1; 32]),
            results_root: Hash32([2; 32]),
            state_root: Hash32([3; 32]),
            anchors_root: Hash32([4; 32]),
            validators_hash: Hash32([5; 32]),
            next_validators_hash: Hash32([6; 32]),
            proposer: Address::from_bytes([9; 20]),
        }
    }

    #[test]
    fn round_trip_and_length() {
        for height in [1, 2] {
            let header = sample(height);
            let bytes = header.encode();
            let parents = if height == 1 { 2 } else { 2 + 64 };
            assert_eq!(bytes.len(), 2 + 13 + 8 + 8 + parents + 6 * 32 + 20);
            assert_eq!(Header::decode(&bytes), Ok(header));
        }
    }

    #[test]
    fn rule_violations() {
        let mut header = sample(2);
        header.last_commit_hash = None;
        assert_eq!(
            header.validate_basic().unwrap_err().code(),
            "header-missing-parent"
        );
        assert_eq!(
            Header::decode(&header.encode()).unwrap_err().code(),
            "decode-invalid-value"
        );
        let mut header = sample(1);
        header.previous_block_hash = Some(Hash32::ZERO);
        assert_eq!(
            header.validate_basic().unwrap_err().code(),
            "header-unexpected-parent"
        );
        let mut header = sample(1);
        header.height = 0;
        assert_eq!(
            header.validate_basic().unwrap_err().code(),
            "header-zero-height"
        );
        let mut header = sample(1);
        header.version = 2;
        assert_eq!(
            header.validate_basic().unwrap_err().code(),
            "header-unsupported-version"
        );
        assert_eq!(
            Header::decode(&header.encode()).unwrap_err().code(),
            "decode-unsupported-version"
        );
    }

    #[test]
    fn bad_option_tag_is_rejected() {
        let mut bytes = sample(1).encode();
        bytes[2 + 13 + 16] = 2;
        assert_eq!(
            Header::decode(&bytes).unwrap_err(),
            DecodeError::BadTag {
                field: "previous block hash",
                offset: 31,
                got: 2
            }
        );
    }
}
