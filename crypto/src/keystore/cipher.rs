//! AES-256-GCM sealing and the randomness the keystore needs.

use aes_gcm::Aes256Gcm;
use aes_gcm::aead::{AeadInOut, KeyInit, Nonce};
use zeroize::Zeroizing;

use super::error::{KeystoreError, Result};
use super::format::{KEY_LEN, NONCE_LEN, TAG_LEN};

/// A 32-byte symmetric key (data key or key-encryption key), zeroized on drop.
pub(crate) type Key32 = Zeroizing<[u8; KEY_LEN]>;

/// Fill an array from the operating system's generator.
pub(crate) fn random_array<const N: usize>() -> Result<[u8; N]> {
    let mut out = [0u8; N];
    getrandom::fill(&mut out).map_err(|_| KeystoreError::Random)?;
    Ok(out)
}

/// A fresh random key.
pub(crate) fn random_key() -> Result<Key32> {
    let mut key = Zeroizing::new([0u8; KEY_LEN]);
    getrandom::fill(key.as_mut_slice()).map_err(|_| KeystoreError::Random)?;
    Ok(key)
}

/// Encrypt `plaintext` and append the 16-byte tag.
pub(crate) fn seal(
    key: &[u8; KEY_LEN],
    nonce: &[u8; NONCE_LEN],
    aad: &[u8],
    plaintext: &[u8],
) -> Result<Vec<u8>> {
    let cipher = Aes256Gcm::new(key.into());
    // Sized up front so no reallocation leaves plaintext in freed memory.
    let mut buf = Vec::with_capacity(plaintext.len() + TAG_LEN);
    buf.extend_from_slice(plaintext);
    cipher
        .encrypt_in_place(nonce_ref(nonce), aad, &mut buf)
        .map_err(|_| KeystoreError::Crypto {
            detail: "aes-gcm encryption failed",
        })?;
    Ok(buf)
}

/// Decrypt and authenticate; `None` if the tag does not verify.
pub(crate) fn open(
    key: &[u8; KEY_LEN],
    nonce: &[u8; NONCE_LEN],
    aad: &[u8],
    ciphertext: &[u8],
) -> Option<Zeroizing<Vec<u8>>> {
    let cipher = Aes256Gcm::new(key.into());
    let mut buf = Zeroizing::new(ciphertext.to_vec());
    cipher
        .decrypt_in_place(nonce_ref(nonce), aad, &mut *buf)
        .ok()?;
    Some(buf)
}

fn nonce_ref(nonce: &[u8; NONCE_LEN]) -> &Nonce<Aes256Gcm> {
    nonce.into()
}

/// Decrypt a wrapped 32-byte key.
pub(crate) fn open_key(
    kek: &[u8; KEY_LEN],
    nonce: &[u8; NONCE_LEN],
    aad: &[u8],
    wrapped: &[u8],
) -> Option<Key32> {
    let plain = open(kek, nonce, aad, wrapped)?;
    let mut key = Zeroizing::new([0u8; KEY_LEN]);
    if plain.len() != KEY_LEN {
        return None;
    }
    key.copy_from_slice(&plain);
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_open_round_trip_and_aad_binding() {
        let key = random_key().unwrap();
        let nonce = random_array().unwrap();
        let ct = seal(&key, &nonce, b"aad", b"secret").unwrap();
        assert_eq!(ct.len(), 6 + TAG_LEN);
        assert_eq!(
            open(&key, &nonce, b"aad", &ct).unwrap().as_slice(),
            b"secret"
        );
        assert!(open(&key, &nonce, b"aaD", &ct).is_none());
        let mut bad = ct.clone();
        bad[0] ^= 1;
        assert!(open(&key, &nonce, b"aad", &bad).is_none());
    }
}
