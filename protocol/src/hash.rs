//! SHA-256, domain-tagged hashing and the 32-byte hash type.
//!
//! See `docs/protocol.md#hashing`.

use core::fmt;
use core::str::FromStr;

use sha2::{Digest, Sha256};

/// The domain tags. Every hashed or signed object kind has its own tag, so a
/// digest of one kind can never be taken for a digest of another.
pub mod tags {
    /// Address derivation from a compressed public key.
    pub const ADDRESS: &str = "jifen/address";
    /// Block header hash (the block id).
    pub const HEADER: &str = "jifen/header";
    /// Commit hash (committed to by the next header's `last_commit_hash`).
    pub const COMMIT: &str = "jifen/commit";
    /// Vote sign bytes of validators.
    pub const VOTE: &str = "jifen/vote";
    /// Transaction id (over the signed encoding).
    pub const TX: &str = "jifen/tx";
    /// Transaction signing digest (over the unsigned encoding).
    pub const TX_SIGN: &str = "jifen/tx-sign";
    /// Wallet "sign a message" digest.
    pub const MESSAGE: &str = "jifen/message";
    /// Account history hash chain (`crate::history`).
    pub const HISTORY: &str = "jifen/history";
    /// Every tag in use, for documentation and uniqueness tests.
    pub const ALL: [&str; 8] = [ADDRESS, HEADER, COMMIT, VOTE, TX, TX_SIGN, MESSAGE, HISTORY];
}

/// SHA-256 of `data`.
#[must_use]
pub fn sha256(data: &[u8]) -> [u8; 32] {
    Sha256::digest(data).into()
}

/// `SHA256(SHA256(tag) || SHA256(tag) || data)`, the BIP-340 tagged hash.
#[must_use]
pub fn tagged_hash(tag: &str, data: &[u8]) -> [u8; 32] {
    tagged_hash_parts(tag, &[data])
}

/// [`tagged_hash`] over the concatenation of `parts`, without building it.
#[must_use]
pub fn tagged_hash_parts(tag: &str, parts: &[&[u8]]) -> [u8; 32] {
    let tag_hash = sha256(tag.as_bytes());
    let mut hasher = Sha256::new();
    hasher.update(tag_hash);
    hasher.update(tag_hash);
    for part in parts {
        hasher.update(part);
    }
    hasher.finalize().into()
}

/// The digest a wallet signs for "sign a message":
/// `tagged_hash("jifen/message", u64_be(len) || msg)`.
///
/// The tag keeps a signed message from ever being a valid transaction or vote
/// signature; the length prefix keeps the encoding unambiguous.
#[must_use]
pub fn message_digest(msg: &[u8]) -> [u8; 32] {
    let len = u64::try_from(msg.len()).unwrap_or(u64::MAX);
    tagged_hash_parts(tags::MESSAGE, &[&len.to_be_bytes(), msg])
}

/// A 32-byte hash (block id, transaction id, Merkle root...). Displays as
/// 64 lower-case hex digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Hash32(pub [u8; 32]);

impl Hash32 {
    /// All zero bytes.
    pub const ZERO: Self = Self([0; 32]);

    /// The raw bytes.
    #[must_use]
    pub const fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The raw bytes, by value.
    #[must_use]
    pub const fn to_bytes(self) -> [u8; 32] {
        self.0
    }
}

impl From<[u8; 32]> for Hash32 {
    fn from(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }
}

impl AsRef<[u8]> for Hash32 {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Display for Hash32 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_hex(f, &self.0)
    }
}

impl fmt::Debug for Hash32 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Hash32(")?;
        write_hex(f, &self.0)?;
        f.write_str(")")
    }
}

pub(crate) fn write_hex(f: &mut fmt::Formatter<'_>, bytes: &[u8]) -> fmt::Result {
    for byte in bytes {
        write!(f, "{byte:02x}")?;
    }
    Ok(())
}

/// Why a string is not a [`Hash32`].
///
/// Codes: `hash-wrong-length`, `hash-invalid-hex`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseHashError {
    /// Not 64 characters.
    #[error("hash has {got} hex characters, expected 64")]
    WrongLength {
        /// Characters found.
        got: usize,
    },
    /// A character is not a hex digit.
    #[error("hash has a non-hex character at position {position}")]
    InvalidHex {
        /// Byte position of the offending character.
        position: usize,
    },
}

impl ParseHashError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::WrongLength { .. } => "hash-wrong-length",
            Self::InvalidHex { .. } => "hash-invalid-hex",
        }
    }
}

impl FromStr for Hash32 {
    type Err = ParseHashError;

    /// Parses 64 hex digits (either case).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.len() != 64 {
            return Err(ParseHashError::WrongLength { got: s.len() });
        }
        let mut out = [0u8; 32];
        for ((index, pair), byte) in s.as_bytes().chunks_exact(2).enumerate().zip(out.iter_mut()) {
            let (hi, lo) = match pair {
                [hi, lo] => (*hi, *lo),
                _ => return Err(ParseHashError::WrongLength { got: s.len() }),
            };
            let hi = hex_value(hi).ok_or(ParseHashError::InvalidHex {
                position: 2 * index,
            })?;
            let lo = hex_value(lo).ok_or(ParseHashError::InvalidHex {
                position: 2 * index + 1,
            })?;
            *byte = (hi << 4) | lo;
        }
        Ok(Self(out))
    }
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

impl crate::message::Coded for ParseHashError {
    fn code(&self) -> &'static str {
        ParseHashError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, crate::message::Arg)> {
        match self {
            ParseHashError::WrongLength { got } => vec![("got", (*got).into())],
            ParseHashError::InvalidHex { position } => {
                vec![("position", position.saturating_add(1).into())]
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tagged_hash_is_bip340_style() {
        let tag = sha256(b"jifen/header");
        let mut pre = Vec::new();
        pre.extend_from_slice(&tag);
        pre.extend_from_slice(&tag);
        pre.extend_from_slice(b"abc");
        assert_eq!(tagged_hash("jifen/header", b"abc"), sha256(&pre));
        assert_eq!(
            tagged_hash_parts("jifen/header", &[b"a", b"bc"]),
            sha256(&pre)
        );
    }

    #[test]
    fn sha256_of_empty_matches_fips() {
        assert_eq!(
            Hash32(sha256(b"")).to_string(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn tags_are_distinct_and_namespaced() {
        let mut seen = std::collections::BTreeSet::new();
        for tag in tags::ALL {
            assert!(tag.starts_with("jifen/"));
            assert!(seen.insert(tag));
        }
    }

    #[test]
    fn message_digest_is_length_prefixed() {
        assert_ne!(message_digest(b"ab"), message_digest(b"a"));
        let mut pre = 2u64.to_be_bytes().to_vec();
        pre.extend_from_slice(b"ab");
        assert_eq!(message_digest(b"ab"), tagged_hash(tags::MESSAGE, &pre));
    }

    #[test]
    fn hash_hex_round_trip_and_errors() {
        let h = Hash32(sha256(b"x"));
        assert_eq!(h.to_string().parse::<Hash32>(), Ok(h));
        assert_eq!(h.to_string().to_uppercase().parse::<Hash32>(), Ok(h));
        let err = "00".parse::<Hash32>().unwrap_err();
        assert_eq!(err.code(), "hash-wrong-length");
        let bad = format!("{}g", &h.to_string()[..63]);
        let err = bad.parse::<Hash32>().unwrap_err();
        assert_eq!(err, ParseHashError::InvalidHex { position: 63 });
        assert_eq!(err.code(), "hash-invalid-hex");
    }
}
