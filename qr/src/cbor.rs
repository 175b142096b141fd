//! The subset of CBOR our payloads use, in RFC 8949 §4.2.1 core deterministic
//! encoding: unsigned integers, byte strings, text strings, arrays and maps
//! with unsigned integer keys; every length definite; every argument in its
//! shortest form; map keys in ascending order, each at most once.
//!
//! The reader refuses everything else (tags, floats, simple values, negative
//! integers, indefinite lengths), so one value has exactly one encoding.

use crate::error::PayloadError;

const MAJOR_UINT: u8 = 0;
const MAJOR_BYTES: u8 = 2;
const MAJOR_TEXT: u8 = 3;
const MAJOR_ARRAY: u8 = 4;
const MAJOR_MAP: u8 = 5;

/// Appends a head (major type and argument) in its shortest form.
fn put_head(out: &mut Vec<u8>, major: u8, value: u64) {
    let major = major << 5;
    if value < 24 {
        // `value < 24` fits in the low five bits.
        out.push(major | value as u8);
    } else if let Ok(v) = u8::try_from(value) {
        out.extend_from_slice(&[major | 24, v]);
    } else if let Ok(v) = u16::try_from(value) {
        out.push(major | 25);
        out.extend_from_slice(&v.to_be_bytes());
    } else if let Ok(v) = u32::try_from(value) {
        out.push(major | 26);
        out.extend_from_slice(&v.to_be_bytes());
    } else {
        out.push(major | 27);
        out.extend_from_slice(&value.to_be_bytes());
    }
}

/// Appends an unsigned integer.
pub(crate) fn put_uint(out: &mut Vec<u8>, value: u64) {
    put_head(out, MAJOR_UINT, value);
}

/// Appends a byte string.
pub(crate) fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    put_head(out, MAJOR_BYTES, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

/// Appends a text string.
pub(crate) fn put_text(out: &mut Vec<u8>, text: &str) {
    put_head(out, MAJOR_TEXT, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

/// Appends an array head; the caller appends `len` items.
pub(crate) fn put_array(out: &mut Vec<u8>, len: usize) {
    put_head(out, MAJOR_ARRAY, len as u64);
}

/// Appends a map head; the caller appends `len` key/value pairs with keys in
/// ascending order.
pub(crate) fn put_map(out: &mut Vec<u8>, len: usize) {
    put_head(out, MAJOR_MAP, len as u64);
}

/// A strict, bounds-checked reader of deterministic CBOR.
#[derive(Debug)]
pub(crate) struct Reader<'a> {
    data: &'a [u8],
    offset: usize,
}

impl<'a> Reader<'a> {
    pub(crate) const fn new(data: &'a [u8]) -> Self {
        Self { data, offset: 0 }
    }

    pub(crate) const fn offset(&self) -> usize {
        self.offset
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], PayloadError> {
        let end = self
            .offset
            .checked_add(n)
            .filter(|end| *end <= self.data.len())
            .ok_or(PayloadError::Truncated {
                offset: self.offset,
            })?;
        let slice = self
            .data
            .get(self.offset..end)
            .ok_or(PayloadError::Truncated {
                offset: self.offset,
            })?;
        self.offset = end;
        Ok(slice)
    }

    fn byte(&mut self) -> Result<u8, PayloadError> {
        self.take(1)?
            .first()
            .copied()
            .ok_or(PayloadError::Truncated {
                offset: self.offset,
            })
    }

    /// Reads a head: `(major type, argument, offset of the head)`.
    fn head(&mut self) -> Result<(u8, u64, usize), PayloadError> {
        let start = self.offset;
        let initial = self.byte()?;
        let major = initial >> 5;
        let info = initial & 0x1f;
        let (value, min) = match info {
            0..=23 => (u64::from(info), 0),
            24 => (u64::from(self.byte()?), 24),
            25 => (u64::from(u16::from_be_bytes(self.array::<2>()?)), 0x100),
            26 => (u64::from(u32::from_be_bytes(self.array::<4>()?)), 0x1_0000),
            27 => (u64::from_be_bytes(self.array::<8>()?), 0x1_0000_0000),
            31 => {
                return Err(PayloadError::NonCanonical {
                    offset: start,
                    reason: "indefinite length",
                });
            }
            _ => {
                return Err(PayloadError::Malformed {
                    offset: start,
                    reason: "reserved additional information value",
                });
            }
        };
        if value < min {
            return Err(PayloadError::NonCanonical {
                offset: start,
                reason: "argument not in its shortest form",
            });
        }
        Ok((major, value, start))
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], PayloadError> {
        let offset = self.offset;
        self.take(N)?
            .try_into()
            .map_err(|_| PayloadError::Truncated { offset })
    }

    fn expect_major(
        &mut self,
        major: u8,
        field: &'static str,
        expected: &'static str,
    ) -> Result<(u64, usize), PayloadError> {
        let (got, value, offset) = self.head()?;
        if got == major {
            Ok((value, offset))
        } else {
            Err(PayloadError::WrongFieldType {
                field,
                offset,
                expected,
            })
        }
    }

    /// Reads an unsigned integer.
    pub(crate) fn uint(&mut self, field: &'static str) -> Result<u64, PayloadError> {
        self.expect_major(MAJOR_UINT, field, "an unsigned integer")
            .map(|(value, _)| value)
    }

    fn length(value: u64, field: &'static str, max: usize) -> Result<usize, PayloadError> {
        match usize::try_from(value) {
            Ok(len) if len <= max => Ok(len),
            _ => Err(PayloadError::FieldTooLarge {
                field,
                max,
                got: value,
            }),
        }
    }

    /// Reads a byte string of at most `max` bytes.
    pub(crate) fn bytes(
        &mut self,
        field: &'static str,
        max: usize,
    ) -> Result<&'a [u8], PayloadError> {
        let (len, _) = self.expect_major(MAJOR_BYTES, field, "a byte string")?;
        let len = Self::length(len, field, max)?;
        self.take(len)
    }

    /// Reads a byte string of exactly `N` bytes.
    pub(crate) fn fixed_bytes<const N: usize>(
        &mut self,
        field: &'static str,
    ) -> Result<[u8; N], PayloadError> {
        let offset = self.offset;
        let (len, _) = self.expect_major(MAJOR_BYTES, field, "a byte string")?;
        if len != N as u64 {
            return Err(PayloadError::InvalidField {
                field,
                offset,
                reason: format!("expected {N} bytes, got {len}"),
            });
        }
        self.array::<N>()
    }

    /// Reads a UTF-8 text string of at most `max` bytes.
    pub(crate) fn text(
        &mut self,
        field: &'static str,
        max: usize,
    ) -> Result<&'a str, PayloadError> {
        let (len, offset) = self.expect_major(MAJOR_TEXT, field, "a text string")?;
        let len = Self::length(len, field, max)?;
        core::str::from_utf8(self.take(len)?).map_err(|_| PayloadError::Malformed {
            offset,
            reason: "text string is not UTF-8",
        })
    }

    /// Reads an array head of at most `max` items.
    pub(crate) fn array_len(
        &mut self,
        field: &'static str,
        max: usize,
    ) -> Result<usize, PayloadError> {
        let (len, _) = self.expect_major(MAJOR_ARRAY, field, "an array")?;
        Self::length(len, field, max)
    }

    /// Reads a map head of at most `max` entries and returns a key iterator.
    pub(crate) fn map(&mut self, field: &'static str, max: usize) -> Result<MapKeys, PayloadError> {
        let (len, _) = self.expect_major(MAJOR_MAP, field, "a map")?;
        let remaining = Self::length(len, field, max)?;
        Ok(MapKeys {
            remaining,
            seen: Vec::new(),
        })
    }

    /// Fails unless every byte was read.
    pub(crate) fn finish(&self) -> Result<(), PayloadError> {
        let count = self.data.len().saturating_sub(self.offset);
        if count == 0 {
            Ok(())
        } else {
            Err(PayloadError::TrailingBytes { count })
        }
    }
}

/// Walks the keys of a map with unsigned integer keys, enforcing ascending
/// order and uniqueness. The caller reads each value after its key.
#[derive(Debug)]
pub(crate) struct MapKeys {
    remaining: usize,
    seen: Vec<u64>,
}

impl MapKeys {
    /// The next key, or `None` after the last entry.
    pub(crate) fn next_key(
        &mut self,
        reader: &mut Reader<'_>,
    ) -> Result<Option<u64>, PayloadError> {
        if self.remaining == 0 {
            return Ok(None);
        }
        self.remaining -= 1;
        let offset = reader.offset();
        let key = reader.uint("map key")?;
        if self.seen.contains(&key) {
            return Err(PayloadError::DuplicateKey { key, offset });
        }
        if self.seen.last().is_some_and(|last| *last > key) {
            return Err(PayloadError::NonCanonical {
                offset,
                reason: "map keys not in ascending order",
            });
        }
        self.seen.push(key);
        Ok(Some(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_use_the_shortest_form() {
        let cases: [(u64, &str); 7] = [
            (0, "00"),
            (23, "17"),
            (24, "1818"),
            (255, "18ff"),
            (256, "190100"),
            (65_536, "1a00010000"),
            (1 << 32, "1b0000000100000000"),
        ];
        for (value, hex) in cases {
            let mut out = Vec::new();
            put_uint(&mut out, value);
            assert_eq!(hex::encode(&out), hex, "{value}");
            let mut reader = Reader::new(&out);
            assert_eq!(reader.uint("x").unwrap(), value);
            reader.finish().unwrap();
        }
    }

    #[test]
    fn non_shortest_heads_are_refused() {
        for hex in ["1817", "190017", "1a000000ff", "1b00000000ffffffff"] {
            let bytes = hex::decode(hex).unwrap();
            let err = Reader::new(&bytes).uint("x").unwrap_err();
            assert_eq!(err.code(), "qr-cbor-non-canonical", "{hex}");
        }
    }

    #[test]
    fn indefinite_and_reserved_are_refused() {
        let err = Reader::new(&[0x5f, 0xff]).bytes("x", 10).unwrap_err();
        assert_eq!(err.code(), "qr-cbor-non-canonical");
        let err = Reader::new(&[0x1c]).uint("x").unwrap_err();
        assert_eq!(err.code(), "qr-cbor-malformed");
    }

    #[test]
    fn map_keys_must_ascend_once() {
        // {1: 0, 1: 0}
        let dup = [0xa2, 0x01, 0x00, 0x01, 0x00];
        let mut reader = Reader::new(&dup);
        let mut keys = reader.map("m", 4).unwrap();
        keys.next_key(&mut reader).unwrap();
        reader.uint("v").unwrap();
        assert_eq!(
            keys.next_key(&mut reader).unwrap_err().code(),
            "qr-cbor-duplicate-key"
        );
        // {2: 0, 1: 0}
        let unsorted = [0xa2, 0x02, 0x00, 0x01, 0x00];
        let mut reader = Reader::new(&unsorted);
        let mut keys = reader.map("m", 4).unwrap();
        keys.next_key(&mut reader).unwrap();
        reader.uint("v").unwrap();
        assert_eq!(
            keys.next_key(&mut reader).unwrap_err().code(),
            "qr-cbor-non-canonical"
        );
    }

    #[test]
    fn text_must_be_utf8_and_bounded() {
        assert_eq!(
            Reader::new(&[0x62, 0xff, 0xfe])
                .text("t", 10)
                .unwrap_err()
                .code(),
            "qr-cbor-malformed"
        );
        assert_eq!(
            Reader::new(&[0x63, b'a', b'b', b'c'])
                .text("t", 2)
                .unwrap_err()
                .code(),
            "qr-field-too-large"
        );
        assert_eq!(
            Reader::new(&[0x63, b'a']).text("t", 10).unwrap_err().code(),
            "qr-cbor-truncated"
        );
    }
}
