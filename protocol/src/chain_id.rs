//! The chain id: which chain a signature or header belongs to.

use core::fmt;
use core::str::FromStr;

use crate::encoding::{Decode, DecodeError, Encode, Reader};

/// A chain id: 1 to 32 bytes from `[a-z0-9-]`, e.g. `jifen-devnet`.
///
/// Encoded as a `u8` length followed by the ASCII bytes. It is part of every
/// header, vote sign bytes and transaction, so nothing signed for one chain
/// is valid on another.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ChainId(String);

impl ChainId {
    /// Longest chain id, in bytes.
    pub const MAX_LEN: usize = 32;

    /// Validates `id`.
    ///
    /// # Errors
    /// [`ChainIdError`] when `id` is empty, longer than 32 bytes or holds a
    /// character outside `[a-z0-9-]`.
    pub fn new(id: &str) -> Result<Self, ChainIdError> {
        if id.is_empty() {
            return Err(ChainIdError::Empty);
        }
        if id.len() > Self::MAX_LEN {
            return Err(ChainIdError::TooLong {
                max: Self::MAX_LEN,
                got: id.len(),
            });
        }
        if let Some((position, character)) = id
            .char_indices()
            .find(|(_, c)| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
        {
            return Err(ChainIdError::InvalidCharacter {
                position,
                character,
            });
        }
        Ok(Self(id.to_owned()))
    }

    /// The id as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ChainId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for ChainId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ChainId({:?})", self.0)
    }
}

impl FromStr for ChainId {
    type Err = ChainIdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::new(s)
    }
}

/// Why a string is not a chain id.
///
/// Codes: `chain-id-empty`, `chain-id-too-long`, `chain-id-invalid-character`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ChainIdError {
    /// The empty string.
    #[error("chain id is empty")]
    Empty,
    /// More than 32 bytes.
    #[error("chain id is {got} bytes long, at most {max} allowed")]
    TooLong {
        /// Bound.
        max: usize,
        /// Length found.
        got: usize,
    },
    /// A character outside `[a-z0-9-]`.
    #[error("chain id has {character:?} at byte {position}: only a-z, 0-9 and '-' are allowed")]
    InvalidCharacter {
        /// Byte position.
        position: usize,
        /// The character.
        character: char,
    },
}

impl ChainIdError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "chain-id-empty",
            Self::TooLong { .. } => "chain-id-too-long",
            Self::InvalidCharacter { .. } => "chain-id-invalid-character",
        }
    }
}

impl Encode for ChainId {
    fn encode_to(&self, out: &mut Vec<u8>) {
        // The length is at most 32 by construction.
        out.push(u8::try_from(self.0.len()).unwrap_or(u8::MAX));
        out.extend_from_slice(self.0.as_bytes());
    }
}

impl Decode for ChainId {
    const NAME: &'static str = "chain id";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let offset = reader.offset();
        let len = reader.u8("chain id length")?;
        if len == 0 || usize::from(len) > Self::MAX_LEN {
            return Err(DecodeError::LengthOutOfBounds {
                field: "chain id",
                offset,
                got: u64::from(len),
                min: 1,
                max: Self::MAX_LEN as u64,
            });
        }
        let bytes = reader.take(usize::from(len), "chain id")?;
        let invalid = DecodeError::InvalidValue {
            field: "chain id",
            offset,
            reason: "only a-z, 0-9 and '-' are allowed",
        };
        let text = core::str::from_utf8(bytes).map_err(|_| invalid.clone())?;
        Self::new(text).map_err(|_| invalid)
    }
}

impl crate::message::Coded for ChainIdError {
    fn code(&self) -> &'static str {
        ChainIdError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, crate::message::Arg)> {
        match self {
            ChainIdError::Empty => Vec::new(),
            ChainIdError::TooLong { max, got } => {
                vec![("max", (*max).into()), ("got", (*got).into())]
            }
            ChainIdError::InvalidCharacter {
                position,
                character,
            } => vec![
                ("position", position.saturating_add(1).into()),
                ("character", character.to_string().into()),
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_and_invalid_ids() {
        for ok in ["jifen-devnet", "a", "0", &"x".repeat(32)] {
            assert_eq!(ChainId::new(ok).unwrap().as_str(), ok);
        }
        let cases: [(&str, &str); 5] = [
            ("", "chain-id-empty"),
            (&"x".repeat(33), "chain-id-too-long"),
            ("Jifen", "chain-id-invalid-character"),
            ("jifen_devnet", "chain-id-invalid-character"),
            ("积分", "chain-id-invalid-character"),
        ];
        for (input, code) in cases {
            assert_eq!(ChainId::new(input).unwrap_err().code(), code, "{input:?}");
        }
    }

    #[test]
    fn encoding_is_u8_length_prefixed() {
        let id = ChainId::new("ab").unwrap();
        assert_eq!(id.encode(), vec![2, b'a', b'b']);
        assert_eq!(ChainId::decode(&[2, b'a', b'b']), Ok(id));
        assert_eq!(
            ChainId::decode(&[0]).unwrap_err().code(),
            "decode-length-out-of-bounds"
        );
        assert_eq!(
            ChainId::decode(&[33]).unwrap_err().code(),
            "decode-length-out-of-bounds"
        );
        assert_eq!(
            ChainId::decode(&[1, b'A']).unwrap_err().code(),
            "decode-invalid-value"
        );
        assert_eq!(
            ChainId::decode(&[1, 0xff]).unwrap_err().code(),
            "decode-invalid-value"
        );
        assert_eq!(
            ChainId::decode(&[2, b'a']).unwrap_err().code(),
            "decode-unexpected-end"
        );
    }
}
