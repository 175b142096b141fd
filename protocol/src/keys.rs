//! secp256k1 public keys and compact signatures, with strict low-S ECDSA
//! verification over 32-byte digests.
//!
//! See `docs/protocol.md#keys-and-signatures`.

use core::fmt;

use k256::ecdsa::signature::hazmat::PrehashVerifier;

use crate::address::Address;
use crate::encoding::{Decode, DecodeError, Encode, Reader};

/// The secp256k1 group order `n`, big-endian.
const CURVE_ORDER: [u8; 32] = [
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
    0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41,
];

/// `floor(n / 2)`, big-endian: the largest `s` a low-S signature may have.
const HALF_ORDER: [u8; 32] = [
    0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0x5d, 0x57, 0x6e, 0x73, 0x57, 0xa4, 0x50, 0x1d, 0xdf, 0xe9, 0x2f, 0x46, 0x68, 0x1b, 0x20, 0xa0,
];

/// A compressed SEC1 secp256k1 public key (33 bytes: `0x02`/`0x03` || x),
/// checked to be a point on the curve when constructed.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PublicKey([u8; 33]);

impl PublicKey {
    /// Validates a compressed SEC1 key.
    ///
    /// # Errors
    /// [`KeyError`] when `bytes` is not 33 bytes, does not start with `0x02` or
    /// `0x03`, or is not the encoding of a curve point.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, KeyError> {
        let array: [u8; 33] = bytes.try_into().map_err(|_| KeyError::WrongLength {
            expected: 33,
            got: bytes.len(),
        })?;
        match array.first() {
            Some(0x02 | 0x03) => {}
            Some(&prefix) => return Err(KeyError::NotCompressed { prefix }),
            None => {
                return Err(KeyError::WrongLength {
                    expected: 33,
                    got: 0,
                });
            }
        }
        k256::ecdsa::VerifyingKey::from_sec1_bytes(&array).map_err(|_| KeyError::NotOnCurve)?;
        Ok(Self(array))
    }

    /// The 33-byte compressed encoding.
    #[must_use]
    pub const fn to_bytes(&self) -> [u8; 33] {
        self.0
    }

    /// The 33-byte compressed encoding, borrowed.
    #[must_use]
    pub const fn as_bytes(&self) -> &[u8; 33] {
        &self.0
    }

    /// The account address of this key.
    #[must_use]
    pub fn address(&self) -> Address {
        Address::from_public_key(self)
    }

    /// Verifies an ECDSA signature over a 32-byte digest.
    ///
    /// Only low-S signatures (`s <= n/2`) are accepted, so a valid signature
    /// cannot be turned into a second valid one by negating `s`.
    ///
    /// # Errors
    /// [`SignatureError::ROutOfRange`] or [`SignatureError::SOutOfRange`] when
    /// `r` or `s` is zero or not below the group order,
    /// [`SignatureError::HighS`] when `s > n/2`, [`SignatureError::Invalid`]
    /// when the signature does not verify under this key.
    pub fn verify_prehash(&self, digest: &[u8; 32], sig: &Signature) -> Result<(), SignatureError> {
        let (r, s) = sig.split();
        if !scalar_in_range(r) {
            return Err(SignatureError::ROutOfRange);
        }
        if !scalar_in_range(s) {
            return Err(SignatureError::SOutOfRange);
        }
        if s > &HALF_ORDER {
            return Err(SignatureError::HighS);
        }
        let key = k256::ecdsa::VerifyingKey::from_sec1_bytes(&self.0)
            .map_err(|_| SignatureError::Invalid)?;
        let signature =
            k256::ecdsa::Signature::from_slice(&sig.0).map_err(|_| SignatureError::Invalid)?;
        key.verify_prehash(digest, &signature)
            .map_err(|_| SignatureError::Invalid)
    }
}

/// `0 < x < n`, comparing big-endian byte strings.
fn scalar_in_range(x: &[u8; 32]) -> bool {
    x != &[0u8; 32] && x < &CURVE_ORDER
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PublicKey(")?;
        crate::hash::write_hex(f, &self.0)?;
        f.write_str(")")
    }
}

impl fmt::Display for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::hash::write_hex(f, &self.0)
    }
}

impl Encode for PublicKey {
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.0);
    }
}

impl Decode for PublicKey {
    const NAME: &'static str = "public key";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let offset = reader.offset();
        let bytes: [u8; 33] = reader.array("public key")?;
        Self::from_bytes(&bytes).map_err(|err| DecodeError::InvalidValue {
            field: "public key",
            offset,
            reason: match err {
                KeyError::NotCompressed { .. } => "not a compressed sec1 key",
                _ => "not a point on secp256k1",
            },
        })
    }
}

/// A compact ECDSA signature `r || s` (32 + 32 bytes, big-endian).
///
/// Holding one says nothing about its validity: ranges and low-S are checked
/// by [`PublicKey::verify_prehash`].
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Signature([u8; 64]);

impl Signature {
    /// A signature from its 64 bytes.
    ///
    /// # Errors
    /// [`SignatureError::WrongLength`] unless `bytes` is 64 bytes long.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, SignatureError> {
        bytes
            .try_into()
            .map(Self)
            .map_err(|_| SignatureError::WrongLength {
                expected: 64,
                got: bytes.len(),
            })
    }

    /// A signature from an array.
    #[must_use]
    pub const fn from_array(bytes: [u8; 64]) -> Self {
        Self(bytes)
    }

    /// The 64 bytes `r || s`.
    #[must_use]
    pub const fn to_bytes(&self) -> [u8; 64] {
        self.0
    }

    fn split(&self) -> (&[u8; 32], &[u8; 32]) {
        let (r, s) = self.0.split_at(32);
        // Both halves are 32 bytes long; the fallbacks are unreachable.
        (
            r.try_into().unwrap_or(&[0; 32]),
            s.try_into().unwrap_or(&[0; 32]),
        )
    }
}

impl From<[u8; 64]> for Signature {
    fn from(bytes: [u8; 64]) -> Self {
        Self(bytes)
    }
}

impl fmt::Debug for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Signature(")?;
        crate::hash::write_hex(f, &self.0)?;
        f.write_str(")")
    }
}

impl Encode for Signature {
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.0);
    }
}

impl Decode for Signature {
    const NAME: &'static str = "signature";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self(reader.array("signature")?))
    }
}

/// Why bytes are not a public key.
///
/// Codes: `key-wrong-length`, `key-not-compressed`, `key-not-on-curve`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    /// Not 33 bytes.
    #[error("public key is {got} bytes, expected {expected}")]
    WrongLength {
        /// Expected length (33).
        expected: usize,
        /// Length found.
        got: usize,
    },
    /// The first byte is not `0x02` or `0x03`.
    #[error("public key prefix {prefix:#04x} is not a compressed key (0x02 or 0x03)")]
    NotCompressed {
        /// First byte found.
        prefix: u8,
    },
    /// The x coordinate is not on secp256k1.
    #[error("public key is not a point on secp256k1")]
    NotOnCurve,
}

impl KeyError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::WrongLength { .. } => "key-wrong-length",
            Self::NotCompressed { .. } => "key-not-compressed",
            Self::NotOnCurve => "key-not-on-curve",
        }
    }
}

/// Why a signature was rejected.
///
/// Codes: `signature-wrong-length`, `signature-r-out-of-range`,
/// `signature-s-out-of-range`, `signature-high-s`, `signature-invalid`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignatureError {
    /// Not 64 bytes.
    #[error("signature is {got} bytes, expected {expected}")]
    WrongLength {
        /// Expected length (64).
        expected: usize,
        /// Length found.
        got: usize,
    },
    /// `r` is zero or not below the group order.
    #[error("signature r is zero or not below the curve order")]
    ROutOfRange,
    /// `s` is zero or not below the group order.
    #[error("signature s is zero or not below the curve order")]
    SOutOfRange,
    /// `s > n/2`: a malleated (high-S) signature.
    #[error("signature has a high s value (not canonical low-s)")]
    HighS,
    /// The signature does not verify under the key.
    #[error("signature does not verify")]
    Invalid,
}

impl SignatureError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::WrongLength { .. } => "signature-wrong-length",
            Self::ROutOfRange => "signature-r-out-of-range",
            Self::SOutOfRange => "signature-s-out-of-range",
            Self::HighS => "signature-high-s",
            Self::Invalid => "signature-invalid",
        }
    }
}

impl crate::message::Coded for KeyError {
    fn code(&self) -> &'static str {
        KeyError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, crate::message::Arg)> {
        match self {
            KeyError::WrongLength { expected, got } => {
                vec![("expected", (*expected).into()), ("got", (*got).into())]
            }
            KeyError::NotCompressed { prefix } => vec![("prefix", format!("{prefix:#04x}").into())],
            KeyError::NotOnCurve => Vec::new(),
        }
    }
}

impl crate::message::Coded for SignatureError {
    fn code(&self) -> &'static str {
        SignatureError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, crate::message::Arg)> {
        match self {
            SignatureError::WrongLength { expected, got } => {
                vec![("expected", (*expected).into()), ("got", (*got).into())]
            }
            SignatureError::ROutOfRange
            | SignatureError::SOutOfRange
            | SignatureError::HighS
            | SignatureError::Invalid => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use k256::ecdsa::SigningKey;
    use k256::ecdsa::signature::hazmat::PrehashSigner;

    use super::*;

    fn key(n: u8) -> (SigningKey, PublicKey) {
        let mut secret = [0u8; 32];
        secret[31] = n;
        let signing = SigningKey::from_slice(&secret).unwrap();
        let public =
            PublicKey::from_bytes(&signing.verifying_key().to_sec1_point(true).to_bytes()).unwrap();
        (signing, public)
    }

    fn sign(signing: &SigningKey, digest: &[u8; 32]) -> Signature {
        let sig: k256::ecdsa::Signature = signing.sign_prehash(digest).unwrap();
        Signature::from_bytes(&sig.to_bytes()).unwrap()
    }

    /// `n - s` for a big-endian 32-byte `s`.
    fn negate(s: &[u8]) -> [u8; 32] {
        let mut out = [0u8; 32];
        let mut borrow = 0i16;
        for i in (0..32).rev() {
            let mut d = i16::from(CURVE_ORDER[i]) - i16::from(s[i]) - borrow;
            borrow = i16::from(d < 0);
            if d < 0 {
                d += 256;
            }
            out[i] = u8::try_from(d).unwrap();
        }
        out
    }

    #[test]
    fn generator_key_is_known() {
        let (_, public) = key(1);
        assert_eq!(
            public.to_string(),
            "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
        );
    }

    #[test]
    fn key_errors() {
        let (_, public) = key(1);
        let mut bytes = public.to_bytes();
        assert_eq!(
            PublicKey::from_bytes(&bytes[..32]).unwrap_err().code(),
            "key-wrong-length"
        );
        bytes[0] = 0x04;
        assert_eq!(
            PublicKey::from_bytes(&bytes).unwrap_err().code(),
            "key-not-compressed"
        );
        // x = 5 is not on secp256k1 (5^3 + 7 = 132 is not a square mod p).
        let mut off_curve = [0u8; 33];
        off_curve[0] = 0x02;
        off_curve[32] = 5;
        assert_eq!(
            PublicKey::from_bytes(&off_curve).unwrap_err(),
            KeyError::NotOnCurve
        );
    }

    #[test]
    fn verifies_and_rejects() {
        let (signing, public) = key(7);
        let digest = crate::hash::sha256(b"digest");
        let sig = sign(&signing, &digest);
        assert_eq!(public.verify_prehash(&digest, &sig), Ok(()));
        let other = crate::hash::sha256(b"other");
        assert_eq!(
            public.verify_prehash(&other, &sig),
            Err(SignatureError::Invalid)
        );
        let (_, wrong_key) = key(8);
        assert_eq!(
            wrong_key.verify_prehash(&digest, &sig).unwrap_err().code(),
            "signature-invalid"
        );
    }

    #[test]
    fn high_s_is_rejected_with_its_own_error() {
        let (signing, public) = key(3);
        let digest = crate::hash::sha256(b"malleable");
        let sig = sign(&signing, &digest).to_bytes();
        let mut high = sig;
        high[32..].copy_from_slice(&negate(&sig[32..]));
        let err = public
            .verify_prehash(&digest, &Signature::from_array(high))
            .unwrap_err();
        assert_eq!(err, SignatureError::HighS);
        assert_eq!(err.code(), "signature-high-s");
    }

    #[test]
    fn out_of_range_scalars_are_rejected() {
        let (signing, public) = key(2);
        let digest = crate::hash::sha256(b"range");
        let sig = sign(&signing, &digest).to_bytes();
        let mut zero_r = sig;
        zero_r[..32].fill(0);
        let mut big_r = sig;
        big_r[..32].copy_from_slice(&CURVE_ORDER);
        let mut zero_s = sig;
        zero_s[32..].fill(0);
        let mut big_s = sig;
        big_s[32..].fill(0xff);
        for (bytes, code) in [
            (zero_r, "signature-r-out-of-range"),
            (big_r, "signature-r-out-of-range"),
            (zero_s, "signature-s-out-of-range"),
            (big_s, "signature-s-out-of-range"),
        ] {
            let err = public
                .verify_prehash(&digest, &Signature::from_array(bytes))
                .unwrap_err();
            assert_eq!(err.code(), code);
        }
        assert_eq!(
            Signature::from_bytes(&[0; 63]).unwrap_err().code(),
            "signature-wrong-length"
        );
    }
}
