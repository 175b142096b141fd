//! The item a tag names: a GTIN-14 and a serial number (GS1's SGTIN), and
//! the two GS1 character rules the chain and the tag parser share.

use core::fmt;

use crate::encoding::{Decode, DecodeError, Encode, Reader};
use crate::points::{invalid, put_bytes, read_bounded};

/// Longest serial number (GS1 AI 21): 20 characters.
pub const MAX_SERIAL_LEN: usize = 20;

/// Whether `c` is in GS1's 82-character set ("AI encodable character set
/// 82", GS1 General Specifications figure 7.11-1): `!"%&'()*+,-./0-9:;<=>?
/// A-Z_a-z` (no space, `#`, `$`, `@`, `[`, `\`, `]`, `^`, `` ` ``, `{`,
/// `|`, `}`, `~`).
#[must_use]
pub const fn is_gs1_char82(c: char) -> bool {
    matches!(c,
        '!' | '"' | '%' | '&' | '\'' | '(' | ')' | '*' | '+' | ',' | '-' | '.' | '/'
        | '0'..='9' | ':' | ';' | '<' | '=' | '>' | '?' | 'A'..='Z' | '_' | 'a'..='z')
}

/// The GS1 mod-10 check digit of `digits` (the digits before the check
/// digit, ASCII `0`-`9`): weights 3, 1, 3, ... from the right. `None` if a
/// byte is not a digit.
#[must_use]
pub fn gs1_check_digit(digits: &[u8]) -> Option<u8> {
    let mut sum = 0u32;
    for (i, byte) in digits.iter().rev().enumerate() {
        if !byte.is_ascii_digit() {
            return None;
        }
        let weight = if i % 2 == 0 { 3 } else { 1 };
        sum += u32::from(byte - b'0') * weight;
    }
    // `sum % 10` is below 10, so the digit fits a u8.
    Some(((10 - sum % 10) % 10) as u8)
}

/// A valid GTIN-14: 14 ASCII digits whose last is the check digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Gtin([u8; 14]);

impl Gtin {
    /// The GTIN with these 14 digits, if its check digit is right.
    #[must_use]
    pub fn new(digits: [u8; 14]) -> Option<Self> {
        let check = gs1_check_digit(&digits[..13])?;
        (digits[13].is_ascii_digit() && digits[13] - b'0' == check).then_some(Self(digits))
    }

    /// Parses 14 digits.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        Self::new(text.as_bytes().try_into().ok()?)
    }

    /// The 14 digits as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        // Constructed from ASCII digits only.
        core::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl fmt::Display for Gtin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One item: its GTIN and its serial number (1-20 characters of GS1's
/// 82-character set).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemId {
    gtin: Gtin,
    serial: String,
}

impl ItemId {
    /// The item `gtin` + `serial`, if the serial is 1-20 characters of the
    /// 82-character set.
    #[must_use]
    pub fn new(gtin: Gtin, serial: &str) -> Option<Self> {
        (!serial.is_empty() && serial.len() <= MAX_SERIAL_LEN && serial.chars().all(is_gs1_char82))
            .then(|| Self {
                gtin,
                serial: serial.to_owned(),
            })
    }

    /// Parses `<gtin>/<serial>` (the [`fmt::Display`] form; the serial may
    /// itself hold `/`).
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let (gtin, serial) = text.split_once('/')?;
        Self::new(Gtin::parse(gtin)?, serial)
    }

    /// The GTIN.
    #[must_use]
    pub const fn gtin(&self) -> Gtin {
        self.gtin
    }

    /// The serial number.
    #[must_use]
    pub fn serial(&self) -> &str {
        &self.serial
    }
}

impl fmt::Display for ItemId {
    /// `<gtin>/<serial>`, as in subchain entry keys.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.gtin, self.serial)
    }
}

impl Encode for ItemId {
    /// `gtin (14 ASCII digits) || serial (u32 len || UTF-8)`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.gtin.0);
        put_bytes(out, self.serial.as_bytes());
    }
}

impl Decode for ItemId {
    const NAME: &'static str = "item id";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let offset = reader.offset();
        let gtin = Gtin::new(reader.array::<14>("gtin")?)
            .ok_or_else(|| invalid("gtin", offset, "14 digits with a valid check digit"))?;
        let offset = reader.offset();
        let serial = String::from_utf8(read_bounded(reader, "serial", 1, MAX_SERIAL_LEN)?)
            .ok()
            .and_then(|serial| Self::new(gtin, &serial))
            .ok_or_else(|| invalid("serial", offset, "1-20 characters of GS1's set of 82"))?;
        Ok(serial)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn check_digits_match_gs1_examples() {
        // GS1 General Specifications 7.9.1 example: 9501101021037 (GTIN-13) -> 7.
        assert_eq!(gs1_check_digit(b"950110102103"), Some(7));
        assert!(Gtin::parse("09501101021037").is_some());
        assert!(Gtin::parse("09501101021038").is_none());
        assert!(Gtin::parse("0950110102103").is_none());
        assert!(Gtin::parse("0950110102103a").is_none());
        assert_eq!(gs1_check_digit(b"12a"), None);
    }

    #[test]
    fn items_round_trip_and_refuse_bad_serials() {
        let gtin = Gtin::parse("09501101021037").unwrap();
        let item = ItemId::new(gtin, "A1-b/2").unwrap();
        assert_eq!(ItemId::decode(&item.encode()).unwrap(), item);
        assert!(ItemId::new(gtin, "").is_none());
        assert!(ItemId::new(gtin, "has space").is_none());
        assert!(ItemId::new(gtin, "123456789012345678901").is_none());
        assert!(ItemId::new(gtin, "中").is_none());
        assert!(is_gs1_char82('%') && !is_gs1_char82('#') && !is_gs1_char82('~'));
    }
}
