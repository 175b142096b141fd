//! Sealing personal data to one party's key (`docs/traceability.md#personal-data`):
//! ECIES on secp256k1 with HKDF-SHA256 and AES-256-GCM
//! ([`SEAL_ALG`]).
//!
//! A provenance record may carry a consumer's address or phone for the
//! party that needs it (the retailer delivering the goods). The record's
//! event hash covers the ciphertext, so everyone can still verify the
//! record; only the holder of the recipient's secret key reads it.
//!
//! Construction, for recipient public key `P` (33 bytes, compressed):
//! 1. an ephemeral key `e` (fresh random), `epk = e·G` (33 bytes, compressed);
//! 2. `z` = the x coordinate of `e·P` (32 bytes, ECDH);
//! 3. `k = HKDF-SHA256(salt = epk || P, ikm = z, info = "jifen/sealed/v1")`, 32 bytes;
//! 4. `ct = AES-256-GCM(k, nonce (12 random bytes), aad = "jifen/sealed/v1", plaintext)`
//!    (the 16-byte tag appended).
//!
//! The recipient recomputes `z` as the x coordinate of `d·epk` with its secret `d`.
//! `z` and `k` live in zeroized buffers; the plaintext [`open`] returns too.

use aes_gcm::Aes256Gcm;
use aes_gcm::aead::{AeadInOut, KeyInit, Nonce};
use hkdf::Hkdf;
use jifen_protocol::PublicKey;
use jifen_protocol::message::{Arg, Coded};
use sha2::Sha256;
use zeroize::Zeroizing;

use crate::signer::{SecretKey, Signer};

/// The algorithm's name, as the `alg` member of a sealed value carries it.
pub const SEAL_ALG: &str = "ECIES-secp256k1-HKDF-SHA256-AES-256-GCM";
/// The HKDF info and the AES-GCM associated data.
pub const SEAL_INFO: &[u8] = b"jifen/sealed/v1";
/// Nonce length, bytes.
pub const SEAL_NONCE_LEN: usize = 12;
/// Tag length, bytes (appended to the ciphertext).
pub const SEAL_TAG_LEN: usize = 16;
/// Longest plaintext sealed, bytes (a record's event is at most 3 KiB).
pub const MAX_SEALED_LEN: usize = 2_048;

/// Why sealing or opening failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SealError {
    /// The recipient's or the ephemeral public key is not a secp256k1 point.
    #[error("not a secp256k1 public key")]
    BadPublicKey,
    /// The ephemeral secret is not a valid scalar.
    #[error("invalid ephemeral secret")]
    BadEphemeral,
    /// The plaintext is longer than [`MAX_SEALED_LEN`].
    #[error("the plaintext is longer than {MAX_SEALED_LEN} bytes")]
    TooLong,
    /// The system's random generator failed.
    #[error("no randomness available")]
    Random,
    /// The ciphertext does not open with this key (another recipient, or
    /// altered bytes).
    #[error("the sealed data does not open with this key")]
    NotForThisKey,
}

impl SealError {
    /// Stable code for translation.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::BadPublicKey => "seal-bad-public-key",
            Self::BadEphemeral => "seal-bad-ephemeral",
            Self::TooLong => "seal-too-long",
            Self::Random => "seal-no-randomness",
            Self::NotForThisKey => "seal-not-for-this-key",
        }
    }
}

impl Coded for SealError {
    fn code(&self) -> &'static str {
        SealError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            Self::TooLong => vec![("max", Arg::from(MAX_SEALED_LEN as u64))],
            Self::BadPublicKey | Self::BadEphemeral | Self::Random | Self::NotForThisKey => {
                Vec::new()
            }
        }
    }
}

/// Sealed bytes: what a `jifen:sealed` value carries besides `for` and `alg`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    /// The ephemeral public key (compressed).
    pub epk: PublicKey,
    /// The AES-GCM nonce.
    pub nonce: [u8; SEAL_NONCE_LEN],
    /// The ciphertext with its tag.
    pub ct: Vec<u8>,
}

fn k256_point(key: &PublicKey) -> Result<k256::PublicKey, SealError> {
    k256::PublicKey::from_sec1_bytes(key.as_bytes()).map_err(|_| SealError::BadPublicKey)
}

/// The AES key for `secret` × `point`, salted with both public keys.
fn derive_key(
    secret: &SecretKey,
    point: &k256::PublicKey,
    epk: &PublicKey,
    recipient: &PublicKey,
) -> Zeroizing<[u8; 32]> {
    let shared = k256::ecdh::diffie_hellman(secret.nonzero_scalar(), point.as_affine());
    let mut salt = Vec::with_capacity(66);
    salt.extend_from_slice(epk.as_bytes());
    salt.extend_from_slice(recipient.as_bytes());
    let z = Zeroizing::new(<[u8; 32]>::from(*shared.raw_secret_bytes()));
    let mut key = Zeroizing::new([0u8; 32]);
    // 32 bytes is far below HKDF-SHA256's limit of 255 blocks.
    let _ = Hkdf::<Sha256>::new(Some(&salt), z.as_slice()).expand(SEAL_INFO, key.as_mut_slice());
    key
}

/// Seals `plaintext` to `recipient` with a fresh ephemeral key and nonce.
///
/// # Errors
/// [`SealError::TooLong`], [`SealError::BadPublicKey`], [`SealError::Random`].
pub fn seal(recipient: &PublicKey, plaintext: &[u8]) -> Result<Sealed, SealError> {
    let mut ephemeral = Zeroizing::new([0u8; 32]);
    let mut nonce = [0u8; SEAL_NONCE_LEN];
    getrandom::fill(ephemeral.as_mut_slice()).map_err(|_| SealError::Random)?;
    getrandom::fill(&mut nonce).map_err(|_| SealError::Random)?;
    seal_with(recipient, plaintext, &ephemeral, nonce)
}

/// Seals with a given ephemeral secret and nonce: for reproducible
/// fixtures only (the devnet's demo records). Reusing an ephemeral secret
/// for two plaintexts to one recipient breaks AES-GCM; [`seal`] draws
/// fresh ones.
///
/// # Errors
/// [`SealError::TooLong`], [`SealError::BadPublicKey`],
/// [`SealError::BadEphemeral`].
pub fn seal_with(
    recipient: &PublicKey,
    plaintext: &[u8],
    ephemeral: &[u8; 32],
    nonce: [u8; SEAL_NONCE_LEN],
) -> Result<Sealed, SealError> {
    if plaintext.len() > MAX_SEALED_LEN {
        return Err(SealError::TooLong);
    }
    let point = k256_point(recipient)?;
    let ephemeral = SecretKey::from_bytes(ephemeral).map_err(|_| SealError::BadEphemeral)?;
    let epk = ephemeral.public_key();
    let key = derive_key(&ephemeral, &point, &epk, recipient);
    let key_bytes: &[u8; 32] = &key;
    let cipher = Aes256Gcm::new(key_bytes.into());
    let mut ct = Vec::with_capacity(plaintext.len() + SEAL_TAG_LEN);
    ct.extend_from_slice(plaintext);
    let nonce_ref: &Nonce<Aes256Gcm> = (&nonce).into();
    cipher
        .encrypt_in_place(nonce_ref, SEAL_INFO, &mut ct)
        .map_err(|_| SealError::TooLong)?;
    Ok(Sealed { epk, nonce, ct })
}

/// Opens `sealed` with the recipient's secret key.
///
/// # Errors
/// [`SealError::BadPublicKey`] for an `epk` off the curve,
/// [`SealError::NotForThisKey`] when the tag does not verify.
pub fn open(secret: &SecretKey, sealed: &Sealed) -> Result<Zeroizing<Vec<u8>>, SealError> {
    let point = k256_point(&sealed.epk)?;
    let key = derive_key(secret, &point, &sealed.epk, &secret.public_key());
    let key_bytes: &[u8; 32] = &key;
    let cipher = Aes256Gcm::new(key_bytes.into());
    let mut plain = Zeroizing::new(sealed.ct.clone());
    let nonce_ref: &Nonce<Aes256Gcm> = (&sealed.nonce).into();
    cipher
        .decrypt_in_place(nonce_ref, SEAL_INFO, &mut *plain)
        .map_err(|_| SealError::NotForThisKey)?;
    Ok(plain)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn key(byte: u8) -> SecretKey {
        SecretKey::from_bytes(&[byte; 32]).unwrap()
    }

    #[test]
    fn sealed_data_opens_with_the_recipients_key_only() {
        let retailer = key(7);
        let text = "收货人: 张经理, +86 138 0000 0000, 上海市黄浦区南京东路 100 号".as_bytes();
        let sealed = seal(&retailer.public_key(), text).unwrap();
        assert_eq!(sealed.ct.len(), text.len() + SEAL_TAG_LEN);
        assert_ne!(&sealed.ct[..text.len()], text);
        assert_eq!(open(&retailer, &sealed).unwrap().as_slice(), text);
        // Another key, a flipped bit, another nonce: refused.
        assert_eq!(open(&key(8), &sealed), Err(SealError::NotForThisKey));
        let mut altered = sealed.clone();
        altered.ct[0] ^= 1;
        assert_eq!(open(&retailer, &altered), Err(SealError::NotForThisKey));
        let mut renonced = sealed.clone();
        renonced.nonce[0] ^= 1;
        assert_eq!(open(&retailer, &renonced), Err(SealError::NotForThisKey));
        // Fresh randomness each time.
        assert_ne!(seal(&retailer.public_key(), text).unwrap(), sealed);
    }

    #[test]
    fn fixed_ephemerals_reproduce_and_bounds_hold() {
        let recipient = key(9).public_key();
        let a = seal_with(&recipient, b"x", &[3; 32], [1; 12]).unwrap();
        assert_eq!(a, seal_with(&recipient, b"x", &[3; 32], [1; 12]).unwrap());
        assert_eq!(a.epk, key(3).public_key());
        assert_eq!(open(&key(9), &a).unwrap().as_slice(), b"x");
        assert_eq!(
            seal_with(&recipient, b"x", &[0; 32], [1; 12]),
            Err(SealError::BadEphemeral)
        );
        assert_eq!(
            seal(&recipient, &[0; MAX_SEALED_LEN + 1]),
            Err(SealError::TooLong)
        );
        assert_eq!(SealError::NotForThisKey.code(), "seal-not-for-this-key");
    }
}
