//! BIP32 derivation paths as carried in payloads: an array of unsigned
//! integers, bit 31 set for hardened components.

use core::fmt;
use core::str::FromStr;

use crate::cbor::{self, Reader};
use crate::error::PayloadError;

/// Deepest derivation path accepted.
pub const MAX_PATH_DEPTH: usize = 10;

const HARDENED: u32 = 0x8000_0000;

/// A BIP32 derivation path; hardened components carry bit 31.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct DerivationPath(Vec<u32>);

impl DerivationPath {
    /// A path from raw components (bit 31 = hardened).
    ///
    /// # Errors
    /// [`PayloadError::FieldTooLarge`] beyond [`MAX_PATH_DEPTH`] components.
    pub fn new(components: Vec<u32>) -> Result<Self, PayloadError> {
        if components.len() > MAX_PATH_DEPTH {
            return Err(PayloadError::FieldTooLarge {
                field: "derivation path",
                max: MAX_PATH_DEPTH,
                got: components.len() as u64,
            });
        }
        Ok(Self(components))
    }

    /// The raw components.
    #[must_use]
    pub fn components(&self) -> &[u32] {
        &self.0
    }

    pub(crate) fn encode_to(&self, out: &mut Vec<u8>) {
        cbor::put_array(out, self.0.len());
        for c in &self.0 {
            cbor::put_uint(out, u64::from(*c));
        }
    }

    pub(crate) fn decode_from(
        reader: &mut Reader<'_>,
        field: &'static str,
    ) -> Result<Self, PayloadError> {
        let len = reader.array_len(field, MAX_PATH_DEPTH)?;
        let mut components = Vec::with_capacity(len);
        for _ in 0..len {
            let offset = reader.offset();
            let value = reader.uint(field)?;
            let c = u32::try_from(value).map_err(|_| PayloadError::InvalidField {
                field,
                offset,
                reason: format!("component {value} exceeds 32 bits"),
            })?;
            components.push(c);
        }
        Ok(Self(components))
    }
}

impl fmt::Display for DerivationPath {
    /// `m/44'/19014'/0'/0/3`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("m")?;
        for c in &self.0 {
            if c & HARDENED == 0 {
                write!(f, "/{c}")?;
            } else {
                write!(f, "/{}'", c & !HARDENED)?;
            }
        }
        Ok(())
    }
}

impl fmt::Debug for DerivationPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DerivationPath({self})")
    }
}

impl FromStr for DerivationPath {
    type Err = PayloadError;

    /// Parses `m/44'/19014'/0'` (`h` is accepted for `'`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let invalid = |reason: &str| PayloadError::InvalidField {
            field: "derivation path",
            offset: 0,
            reason: reason.to_owned(),
        };
        let mut parts = s.trim().split('/');
        if parts.next() != Some("m") {
            return Err(invalid("a path starts with `m`"));
        }
        let mut components = Vec::new();
        for part in parts {
            let (digits, hardened) = match part.strip_suffix(['\'', 'h']) {
                Some(d) => (d, true),
                None => (part, false),
            };
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid("a component is a decimal number"));
            }
            let index: u32 = digits
                .parse()
                .ok()
                .filter(|i| i & HARDENED == 0)
                .ok_or_else(|| invalid("a component is below 2^31"))?;
            components.push(if hardened { index | HARDENED } else { index });
        }
        Self::new(components)
    }
}
