//! The canonical binary encoding: traits, the strict reader, decode errors
//! and the limits every decoder enforces before allocating.
//!
//! Rules (see `docs/protocol.md#encoding`): integers are fixed-width
//! big-endian (`u128` is 16 bytes); byte strings and lists carry a `u32`
//! big-endian length prefix (the chain id a `u8` one); optional values carry a
//! `0x00`/`0x01` tag byte; fixed-size values (hashes, addresses, keys,
//! signatures) have no prefix. Decoding rejects trailing bytes, other tag
//! values and lengths beyond the documented bounds.

/// Most validators in a set (and so most signatures in a commit).
pub const MAX_VALIDATORS: usize = 10_000;
/// Largest transaction payload, in bytes (64 KiB).
pub const MAX_PAYLOAD_LEN: usize = 65_536;
/// Largest total voting power of a validator set (2^60, so that `3 * power`
/// and sums of powers never overflow `u64`).
pub const MAX_TOTAL_VOTING_POWER: u64 = 1 << 60;
/// Longest Merkle inclusion path (tree sizes are `u64`).
pub const MAX_MERKLE_PATH_LEN: usize = 64;

/// Objects with a canonical encoding.
pub trait Encode {
    /// Appends the canonical encoding to `out`.
    fn encode_to(&self, out: &mut Vec<u8>);

    /// The canonical encoding.
    #[must_use]
    fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.encode_to(&mut out);
        out
    }
}

/// Objects with a strict decoder: exactly one byte string decodes to each value.
pub trait Decode: Sized {
    /// Name used in errors ("header", "commit"...).
    const NAME: &'static str;

    /// Reads one value from `reader`, leaving the rest.
    ///
    /// # Errors
    /// A [`DecodeError`] saying what was wrong and at which offset.
    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError>;

    /// Decodes `bytes`, which must hold exactly one value.
    ///
    /// # Errors
    /// A [`DecodeError`]; [`DecodeError::TrailingBytes`] when bytes are left over.
    fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
        let mut reader = Reader::new(bytes);
        let value = Self::decode_from(&mut reader)?;
        reader.finish(Self::NAME)?;
        Ok(value)
    }
}

/// Why bytes are not a canonical encoding. Offsets are from the start of the
/// outermost decoded object.
///
/// Codes: `decode-unexpected-end`, `decode-trailing-bytes`, `decode-bad-tag`,
/// `decode-length-out-of-bounds`, `decode-unsupported-version`,
/// `decode-unknown-transaction-kind`, `decode-invalid-value`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// The input ended inside a field.
    #[error(
        "input ends inside {field} at offset {offset}: needed {needed} bytes, {remaining} left"
    )]
    UnexpectedEnd {
        /// Field being read.
        field: &'static str,
        /// Offset of the field.
        offset: usize,
        /// Bytes the field needs.
        needed: usize,
        /// Bytes that were left.
        remaining: usize,
    },
    /// Bytes follow a complete object.
    #[error("{remaining} trailing bytes after {what} at offset {offset}")]
    TrailingBytes {
        /// Object that was decoded.
        what: &'static str,
        /// Offset where the extra bytes start.
        offset: usize,
        /// How many extra bytes.
        remaining: usize,
    },
    /// An option tag other than 0x00 or 0x01.
    #[error("invalid tag {got:#04x} for {field} at offset {offset}: expected 0x00 or 0x01")]
    BadTag {
        /// Optional field.
        field: &'static str,
        /// Offset of the tag byte.
        offset: usize,
        /// Tag byte found.
        got: u8,
    },
    /// A length or count outside its documented bounds.
    #[error("{field} at offset {offset} has length {got}, allowed {min}..={max}")]
    LengthOutOfBounds {
        /// Field whose length is wrong.
        field: &'static str,
        /// Offset of the length prefix.
        offset: usize,
        /// Length found.
        got: u64,
        /// Smallest allowed.
        min: u64,
        /// Largest allowed.
        max: u64,
    },
    /// An encoding version this code does not know.
    #[error("unsupported {what} version {got} at offset {offset}, expected {expected}")]
    UnsupportedVersion {
        /// Object kind.
        what: &'static str,
        /// Offset of the version field.
        offset: usize,
        /// Version found.
        got: u16,
        /// Version supported.
        expected: u16,
    },
    /// A transaction kind this code does not know (perhaps newer software).
    #[error("unknown transaction kind {got} at offset {offset}")]
    UnknownTransactionKind {
        /// Offset of the kind field.
        offset: usize,
        /// Kind found.
        got: u16,
    },
    /// A field whose value breaks a rule (not a curve point, not sorted...).
    #[error("invalid {field} at offset {offset}: {reason}")]
    InvalidValue {
        /// Field that is invalid.
        field: &'static str,
        /// Offset of the field.
        offset: usize,
        /// The rule it breaks.
        reason: &'static str,
    },
}

impl DecodeError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::UnexpectedEnd { .. } => "decode-unexpected-end",
            Self::TrailingBytes { .. } => "decode-trailing-bytes",
            Self::BadTag { .. } => "decode-bad-tag",
            Self::LengthOutOfBounds { .. } => "decode-length-out-of-bounds",
            Self::UnsupportedVersion { .. } => "decode-unsupported-version",
            Self::UnknownTransactionKind { .. } => "decode-unknown-transaction-kind",
            Self::InvalidValue { .. } => "decode-invalid-value",
        }
    }

    /// The same error with its offset moved by `base` (for errors from a
    /// nested decoder that started at `base`).
    #[must_use]
    pub fn shifted(self, base: usize) -> Self {
        let mut err = self;
        match &mut err {
            Self::UnexpectedEnd { offset, .. }
            | Self::TrailingBytes { offset, .. }
            | Self::BadTag { offset, .. }
            | Self::LengthOutOfBounds { offset, .. }
            | Self::UnsupportedVersion { offset, .. }
            | Self::UnknownTransactionKind { offset, .. }
            | Self::InvalidValue { offset, .. } => *offset = offset.saturating_add(base),
        }
        err
    }
}

/// A cursor over untrusted bytes. Every read is bounds-checked and fails with
/// a [`DecodeError`] naming the field and offset; nothing panics.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    offset: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    #[must_use]
    pub const fn new(bytes: &'a [u8]) -> Self {
        Self { bytes, offset: 0 }
    }

    /// Offset of the next byte to read.
    #[must_use]
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// Bytes left to read.
    #[must_use]
    pub fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.offset)
    }

    /// Reads `n` bytes.
    ///
    /// # Errors
    /// [`DecodeError::UnexpectedEnd`] when fewer than `n` bytes are left.
    pub fn take(&mut self, n: usize, field: &'static str) -> Result<&'a [u8], DecodeError> {
        let end = self.offset.checked_add(n);
        match end.and_then(|end| self.bytes.get(self.offset..end)) {
            Some(slice) => {
                self.offset += n;
                Ok(slice)
            }
            None => Err(DecodeError::UnexpectedEnd {
                field,
                offset: self.offset,
                needed: n,
                remaining: self.remaining(),
            }),
        }
    }

    /// Reads a fixed-size array.
    ///
    /// # Errors
    /// [`DecodeError::UnexpectedEnd`].
    pub fn array<const N: usize>(&mut self, field: &'static str) -> Result<[u8; N], DecodeError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N, field)?);
        Ok(out)
    }

    /// Reads a byte.
    ///
    /// # Errors
    /// [`DecodeError::UnexpectedEnd`].
    pub fn u8(&mut self, field: &'static str) -> Result<u8, DecodeError> {
        Ok(u8::from_be_bytes(self.array(field)?))
    }

    /// Reads a big-endian `u16`.
    ///
    /// # Errors
    /// [`DecodeError::UnexpectedEnd`].
    pub fn u16(&mut self, field: &'static str) -> Result<u16, DecodeError> {
        Ok(u16::from_be_bytes(self.array(field)?))
    }

    /// Reads a big-endian `u32`.
    ///
    /// # Errors
    /// [`DecodeError::UnexpectedEnd`].
    pub fn u32(&mut self, field: &'static str) -> Result<u32, DecodeError> {
        Ok(u32::from_be_bytes(self.array(field)?))
    }

    /// Reads a big-endian `u64`.
    ///
    /// # Errors
    /// [`DecodeError::UnexpectedEnd`].
    pub fn u64(&mut self, field: &'static str) -> Result<u64, DecodeError> {
        Ok(u64::from_be_bytes(self.array(field)?))
    }

    /// Reads a big-endian `u128` (16 bytes).
    ///
    /// # Errors
    /// [`DecodeError::UnexpectedEnd`].
    pub fn u128(&mut self, field: &'static str) -> Result<u128, DecodeError> {
        Ok(u128::from_be_bytes(self.array(field)?))
    }

    /// Reads an option tag: `0x00` is absent, `0x01` present.
    ///
    /// # Errors
    /// [`DecodeError::BadTag`] for any other byte; [`DecodeError::UnexpectedEnd`].
    pub fn option_tag(&mut self, field: &'static str) -> Result<bool, DecodeError> {
        let offset = self.offset;
        match self.u8(field)? {
            0 => Ok(false),
            1 => Ok(true),
            got => Err(DecodeError::BadTag { field, offset, got }),
        }
    }

    /// Reads a `u32` count of items each at least `min_item_len` bytes long,
    /// checking it against `min..=max` and against the bytes left, so callers
    /// can allocate `count` items safely.
    ///
    /// # Errors
    /// [`DecodeError::LengthOutOfBounds`]; [`DecodeError::UnexpectedEnd`] when
    /// the input is too short to hold `count` items.
    pub fn count(
        &mut self,
        field: &'static str,
        min: usize,
        max: usize,
        min_item_len: usize,
    ) -> Result<usize, DecodeError> {
        let offset = self.offset;
        let got = self.u32(field)?;
        let count = usize::try_from(got).unwrap_or(usize::MAX);
        if count < min || count > max {
            return Err(DecodeError::LengthOutOfBounds {
                field,
                offset,
                got: u64::from(got),
                min: min as u64,
                max: max as u64,
            });
        }
        let needed = count.saturating_mul(min_item_len);
        if needed > self.remaining() {
            return Err(DecodeError::UnexpectedEnd {
                field,
                offset: self.offset,
                needed,
                remaining: self.remaining(),
            });
        }
        Ok(count)
    }

    /// Reads a `u32`-length-prefixed byte string of at most `max` bytes.
    ///
    /// # Errors
    /// [`DecodeError::LengthOutOfBounds`]; [`DecodeError::UnexpectedEnd`].
    pub fn bytes(&mut self, field: &'static str, max: usize) -> Result<&'a [u8], DecodeError> {
        let len = self.count(field, 0, max, 1)?;
        self.take(len, field)
    }

    /// Fails unless every byte was read.
    ///
    /// # Errors
    /// [`DecodeError::TrailingBytes`].
    pub fn finish(self, what: &'static str) -> Result<(), DecodeError> {
        match self.remaining() {
            0 => Ok(()),
            remaining => Err(DecodeError::TrailingBytes {
                what,
                offset: self.offset,
                remaining,
            }),
        }
    }
}

/// Appends a `u32` big-endian length or count prefix.
///
/// Lengths above `u32::MAX` cannot occur for values within the documented
/// limits; they are clamped (the decoder would then reject the object).
pub fn put_len(out: &mut Vec<u8>, len: usize) {
    let len = u32::try_from(len).unwrap_or(u32::MAX);
    out.extend_from_slice(&len.to_be_bytes());
}

/// Appends an optional 32-byte value with its tag byte.
pub fn put_option32(out: &mut Vec<u8>, value: Option<&[u8; 32]>) {
    match value {
        None => out.push(0),
        Some(bytes) => {
            out.push(1);
            out.extend_from_slice(bytes);
        }
    }
}

impl crate::message::Coded for DecodeError {
    fn code(&self) -> &'static str {
        DecodeError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, crate::message::Arg)> {
        // Every decoding failure is shown with its full detail: the field,
        // the offset and the rule, as the sentence in English.
        let offset = match self {
            DecodeError::UnexpectedEnd { offset, .. }
            | DecodeError::TrailingBytes { offset, .. }
            | DecodeError::BadTag { offset, .. }
            | DecodeError::LengthOutOfBounds { offset, .. }
            | DecodeError::UnsupportedVersion { offset, .. }
            | DecodeError::UnknownTransactionKind { offset, .. }
            | DecodeError::InvalidValue { offset, .. } => *offset,
        };
        vec![
            ("offset", offset.into()),
            ("detail", self.to_string().into()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reader_reports_field_and_offset() {
        let mut r = Reader::new(&[0, 1, 2]);
        assert_eq!(r.u16("a"), Ok(1));
        assert_eq!(
            r.u32("b"),
            Err(DecodeError::UnexpectedEnd {
                field: "b",
                offset: 2,
                needed: 4,
                remaining: 1
            })
        );
        let err = Reader::new(&[2]).option_tag("opt").unwrap_err();
        assert_eq!(
            err,
            DecodeError::BadTag {
                field: "opt",
                offset: 0,
                got: 2
            }
        );
        assert_eq!(err.code(), "decode-bad-tag");
    }

    #[test]
    fn count_is_checked_before_allocation() {
        // A count of 2^32-1 items with 3 bytes of input must fail without allocating.
        let err = Reader::new(&[0xff, 0xff, 0xff, 0xff, 1, 2, 3])
            .count("items", 0, usize::MAX, 1)
            .unwrap_err();
        assert_eq!(err.code(), "decode-unexpected-end");
        let err = Reader::new(&[0, 0, 0, 5])
            .count("items", 0, 4, 1)
            .unwrap_err();
        assert_eq!(err.code(), "decode-length-out-of-bounds");
    }

    #[test]
    fn finish_rejects_trailing_bytes() {
        let mut r = Reader::new(&[1, 2]);
        r.u8("x").unwrap();
        let err = r.finish("thing").unwrap_err();
        assert_eq!(
            err,
            DecodeError::TrailingBytes {
                what: "thing",
                offset: 1,
                remaining: 1
            }
        );
        assert_eq!(err.code(), "decode-trailing-bytes");
    }
}
