//! ECDSA signing on secp256k1: RFC 6979 deterministic nonces, low-S signatures.
//!
//! [`Signer`] is the capability to sign; it is separate from where keys are kept
//! (a [`SecretKey`] in memory now; a cold device over QR later). Everything the chain
//! signs is a 32-byte digest built by `jifen-protocol` (`signing_digest()`), so a
//! signer never sees, and cannot be tricked into signing, raw attacker bytes.

use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use jifen_protocol::{Address, PublicKey, Signature, message_digest};
use k256::ecdsa::SigningKey;
use k256::ecdsa::signature::hazmat::PrehashSigner;

/// Why signing failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignError {
    /// The secret key bytes are not a valid secp256k1 scalar (zero or >= the group order).
    #[error("invalid secret key")]
    InvalidSecretKey,
    /// The signing primitive failed (not expected with a valid key).
    #[error("signing failed")]
    Signing,
}

impl SignError {
    /// Stable code for translation.
    pub fn code(&self) -> &'static str {
        match self {
            SignError::InvalidSecretKey => "sign-invalid-secret-key",
            SignError::Signing => "sign-failed",
        }
    }
}

impl jifen_protocol::message::Coded for SignError {
    fn code(&self) -> &'static str {
        SignError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, jifen_protocol::message::Arg)> {
        match self {
            SignError::InvalidSecretKey | SignError::Signing => Vec::new(),
        }
    }
}

/// Something that can sign 32-byte digests for one public key.
pub trait Signer {
    /// The public key signatures verify against.
    fn public_key(&self) -> PublicKey;

    /// Signs a digest produced by `jifen-protocol`.
    ///
    /// # Errors
    /// [`SignError`] if the signer cannot sign.
    fn sign_digest(&self, digest: &[u8; 32]) -> Result<Signature, SignError>;

    /// The address of [`Signer::public_key`].
    fn address(&self) -> Address {
        self.public_key().address()
    }
}

/// A secp256k1 secret key held in memory. Zeroized on drop; `Debug` is redacted.
#[derive(Clone)]
pub struct SecretKey {
    key: SigningKey,
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SecretKey")
            .field("public_key", &self.public_key())
            .finish_non_exhaustive()
    }
}

impl SecretKey {
    /// A key from its 32 big-endian bytes.
    ///
    /// # Errors
    /// [`SignError::InvalidSecretKey`] if the bytes are zero or not below the group order.
    pub fn from_bytes(bytes: &[u8; 32]) -> Result<Self, SignError> {
        SigningKey::from_slice(bytes)
            .map(|key| SecretKey { key })
            .map_err(|_| SignError::InvalidSecretKey)
    }

    pub(crate) fn from_k256(key: SigningKey) -> Self {
        SecretKey { key }
    }

    /// The secret scalar, for ECDH (`crate::seal`).
    pub(crate) fn nonzero_scalar(&self) -> &k256::NonZeroScalar {
        self.key.as_nonzero_scalar()
    }
}

impl Signer for SecretKey {
    fn public_key(&self) -> PublicKey {
        let point = self.key.verifying_key().to_sec1_point(true);
        match PublicKey::from_bytes(point.as_bytes()) {
            Ok(public_key) => public_key,
            // A valid secret key always has a valid public key.
            Err(_) => unreachable_public_key(),
        }
    }

    fn sign_digest(&self, digest: &[u8; 32]) -> Result<Signature, SignError> {
        let signature: k256::ecdsa::Signature = self
            .key
            .sign_prehash(digest)
            .map_err(|_| SignError::Signing)?;
        let low_s = signature.normalize_s();
        let bytes = low_s.to_bytes();
        Signature::from_bytes(bytes.as_slice()).map_err(|_| SignError::Signing)
    }
}

#[cold]
fn unreachable_public_key() -> PublicKey {
    // The generator point, compressed: only reachable if k256 produced an invalid
    // point, which would be a bug in k256.
    const G: [u8; 33] = [
        0x02, 0x79, 0xbe, 0x66, 0x7e, 0xf9, 0xdc, 0xbb, 0xac, 0x55, 0xa0, 0x62, 0x95, 0xce, 0x87,
        0x0b, 0x07, 0x02, 0x9b, 0xfc, 0xdb, 0x2d, 0xce, 0x28, 0xd9, 0x59, 0xf2, 0x81, 0x5b, 0x16,
        0xf8, 0x17, 0x98,
    ];
    match PublicKey::from_bytes(&G) {
        Ok(g) => g,
        Err(_) => unreachable!("the generator is a valid point"),
    }
}

/// A signed message as the wallet exports it: who signed (public key) and the signature.
///
/// Text form: `base64(0x01 || public_key[33] || signature[64])` (see `docs/keys.md`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageSignature {
    /// The signer's public key.
    pub public_key: PublicKey,
    /// ECDSA signature over [`message_digest`] of the message.
    pub signature: Signature,
}

/// Why a message signature was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MessageSignatureError {
    /// The text is not base64 of the documented layout.
    #[error("not a jifen message signature")]
    Malformed,
    /// Layout version byte unknown.
    #[error("unsupported message signature version {got}")]
    UnsupportedVersion {
        /// Version byte found.
        got: u8,
    },
    /// The signature is valid but the key belongs to another address.
    #[error("signed by {got}, not by the expected address")]
    WrongSigner {
        /// The address that did sign (encoded for the expected network).
        got: String,
    },
    /// The signature does not verify for this message and key.
    #[error("the signature does not match the message")]
    BadSignature,
}

impl MessageSignatureError {
    /// Stable code for translation.
    pub fn code(&self) -> &'static str {
        match self {
            MessageSignatureError::Malformed => "message-signature-malformed",
            MessageSignatureError::UnsupportedVersion { .. } => "message-signature-version",
            MessageSignatureError::WrongSigner { .. } => "message-signature-wrong-signer",
            MessageSignatureError::BadSignature => "message-signature-bad",
        }
    }
}

impl jifen_protocol::message::Coded for MessageSignatureError {
    fn code(&self) -> &'static str {
        MessageSignatureError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, jifen_protocol::message::Arg)> {
        match self {
            MessageSignatureError::UnsupportedVersion { got } => vec![("got", (*got).into())],
            MessageSignatureError::WrongSigner { got } => vec![("got", got.into())],
            MessageSignatureError::Malformed | MessageSignatureError::BadSignature => Vec::new(),
        }
    }
}

const MESSAGE_SIGNATURE_VERSION: u8 = 1;

impl MessageSignature {
    /// Signs `message` (any bytes) with `signer`.
    ///
    /// # Errors
    /// As [`Signer::sign_digest`].
    pub fn sign(signer: &impl Signer, message: &[u8]) -> Result<Self, SignError> {
        let signature = signer.sign_digest(&message_digest(message))?;
        Ok(MessageSignature {
            public_key: signer.public_key(),
            signature,
        })
    }

    /// Checks the signature over `message` and that it was made by `expected`.
    ///
    /// # Errors
    /// [`MessageSignatureError::BadSignature`] or [`MessageSignatureError::WrongSigner`].
    pub fn verify(
        &self,
        message: &[u8],
        expected: &Address,
        network: jifen_protocol::Network,
    ) -> Result<(), MessageSignatureError> {
        self.public_key
            .verify_prehash(&message_digest(message), &self.signature)
            .map_err(|_| MessageSignatureError::BadSignature)?;
        let signer = self.public_key.address();
        if &signer != expected {
            return Err(MessageSignatureError::WrongSigner {
                got: signer.encode(network),
            });
        }
        Ok(())
    }

    /// The text form.
    pub fn to_text(&self) -> String {
        let mut bytes = Vec::with_capacity(98);
        bytes.push(MESSAGE_SIGNATURE_VERSION);
        bytes.extend_from_slice(&self.public_key.to_bytes());
        bytes.extend_from_slice(&self.signature.to_bytes());
        BASE64.encode(&bytes)
    }

    /// Reads the text form.
    ///
    /// # Errors
    /// [`MessageSignatureError::Malformed`] or [`MessageSignatureError::UnsupportedVersion`].
    pub fn from_text(text: &str) -> Result<Self, MessageSignatureError> {
        let bytes = BASE64
            .decode(text.trim())
            .map_err(|_| MessageSignatureError::Malformed)?;
        let (version, rest) = bytes
            .split_first()
            .ok_or(MessageSignatureError::Malformed)?;
        if *version != MESSAGE_SIGNATURE_VERSION {
            return Err(MessageSignatureError::UnsupportedVersion { got: *version });
        }
        if rest.len() != 97 {
            return Err(MessageSignatureError::Malformed);
        }
        let (key, sig) = rest.split_at(33);
        let public_key =
            PublicKey::from_bytes(key).map_err(|_| MessageSignatureError::Malformed)?;
        let signature = Signature::from_bytes(sig).map_err(|_| MessageSignatureError::Malformed)?;
        Ok(MessageSignature {
            public_key,
            signature,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_key_debug_is_redacted() {
        let key = SecretKey::from_bytes(&[0x11; 32]).unwrap();
        let shown = format!("{key:?}");
        assert!(!shown.contains("1111"), "{shown}");
    }

    #[test]
    fn invalid_secret_keys_are_refused() {
        assert_eq!(
            SecretKey::from_bytes(&[0; 32]).unwrap_err(),
            SignError::InvalidSecretKey
        );
        assert_eq!(
            SecretKey::from_bytes(&[0xff; 32]).unwrap_err(),
            SignError::InvalidSecretKey
        );
    }
}
