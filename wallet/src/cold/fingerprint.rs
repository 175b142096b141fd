//! A short, human-comparable fingerprint of a sign request, shown on both
//! devices so a person can see that the cold device reviews the very request
//! the wallet made.

use core::fmt;

use jifen_protocol::tagged_hash;
use jifen_qr::{Payload, SignRequest};

/// Domain tag of the fingerprint hash (over the request's CBOR).
pub const FINGERPRINT_TAG: &str = "jifen/cold-request";

/// Crockford's base32 alphabet: no I, L, O or U, so nothing reads as another
/// character.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// 80 bits of `tagged_hash("jifen/cold-request", request CBOR)`, shown as four
/// groups of four base32 characters, e.g. `7K2M-Q9XD-4RTB-0WHE`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct RequestFingerprint([u8; 10]);

impl RequestFingerprint {
    /// The fingerprint of `request` (of its deterministic CBOR encoding, so
    /// every field, the id and the origin included, changes it).
    #[must_use]
    pub fn of(request: &SignRequest) -> Self {
        let cbor = Payload::SignRequest(request.clone()).to_cbor();
        let hash = tagged_hash(FINGERPRINT_TAG, &cbor);
        let mut bytes = [0u8; 10];
        for (out, byte) in bytes.iter_mut().zip(hash) {
            *out = byte;
        }
        Self(bytes)
    }

    /// The 16 characters without separators.
    fn chars(&self) -> [u8; 16] {
        let mut out = [b'0'; 16];
        let mut acc: u128 = 0;
        for b in self.0 {
            acc = (acc << 8) | u128::from(b);
        }
        for (i, c) in out.iter_mut().enumerate() {
            let shift = 75 - 5 * i;
            let index = usize::try_from((acc >> shift) & 0x1f).unwrap_or(0);
            *c = ALPHABET.get(index).copied().unwrap_or(b'0');
        }
        out
    }

    /// Whether `typed` is this fingerprint: case, spaces and dashes do not
    /// matter, and `O`, `I`, `L` read as `0`, `1`, `1` (Crockford's rules).
    #[must_use]
    pub fn matches(&self, typed: &str) -> bool {
        let normalized: Vec<u8> = typed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| match c.to_ascii_uppercase() {
                'O' => b'0',
                'I' | 'L' => b'1',
                c if c.is_ascii() => c as u8,
                _ => b'?',
            })
            .collect();
        normalized == self.chars()
    }
}

impl fmt::Display for RequestFingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, c) in self.chars().iter().enumerate() {
            if i > 0 && i % 4 == 0 {
                f.write_str("-")?;
            }
            write!(f, "{}", char::from(*c))?;
        }
        Ok(())
    }
}

impl fmt::Debug for RequestFingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RequestFingerprint({self})")
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    #[test]
    fn display_groups_and_matching_rules() {
        let fp = RequestFingerprint([0xff; 10]);
        assert_eq!(fp.to_string(), "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
        let fp = RequestFingerprint([0; 10]);
        assert_eq!(fp.to_string(), "0000-0000-0000-0000");
        assert!(fp.matches("oooo oooo-0000 OOOO"));
        assert!(!fp.matches("0000-0000-0000-000"));
        assert!(!fp.matches("0000-0000-0000-0001"));
        let fp = RequestFingerprint([0x08, 0x42, 0x10, 0x84, 0x21, 0x08, 0x42, 0x10, 0x84, 0x21]);
        assert_eq!(fp.to_string(), "1111-1111-1111-1111");
        assert!(fp.matches("iiii-llll-1111-IiLl"));
    }
}
