//! The binary file layout, version 1 (specified in `docs/keystore.md`).
//!
//! Decoding checks, in this order, so that each kind of damage has its own
//! error: length vs magic prefix (truncated / not a keystore), magic, the
//! preamble check (corrupted), version (unsupported), declared total length
//! (truncated / corrupted), SHA-256 trailer (corrupted), structure
//! (corrupted), KDF bounds (out of bounds). Nothing is decrypted here.

use sha2::{Digest, Sha256};

use super::error::{KeystoreError, Result};
use super::kdf::KdfParams;

/// The first eight bytes of every keystore file.
pub const MAGIC: [u8; 8] = *b"JIFENKS\0";
/// The format version this build reads and writes.
pub const FORMAT_VERSION: u16 = 1;
/// Largest secret accepted by `create`, in bytes.
pub const MAX_SECRET_LEN: usize = 64 * 1024;
/// Largest public metadata blob accepted by `create`, in bytes.
pub const MAX_META_LEN: usize = 64 * 1024;
/// No valid version-1 file is longer than this; reads stop here.
pub const MAX_FILE_LEN: usize = 256 * 1024;

/// magic + version + total length + preamble check.
pub(crate) const PREAMBLE_LEN: usize = 18;
pub(crate) const ID_LEN: usize = 16;
pub(crate) const NONCE_LEN: usize = 12;
pub(crate) const TAG_LEN: usize = 16;
pub(crate) const KEY_LEN: usize = 32;
pub(crate) const WRAPPED_LEN: usize = KEY_LEN + TAG_LEN;
pub(crate) const CHECKSUM_LEN: usize = 32;
pub(crate) const SALT_LEN: usize = 32;
const MIN_SALT_LEN: u8 = 16;
const MAX_SALT_LEN: u8 = 32;
const KIND_PASSWORD: u8 = 1;
const KIND_KEYRING: u8 = 2;
const KDF_ARGON2ID_V13: u8 = 1;

/// A password slot: Argon2id(password, salt) wraps the data key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PasswordSlot {
    pub params: KdfParams,
    pub salt: Vec<u8>,
    pub nonce: [u8; NONCE_LEN],
    pub wrapped: [u8; WRAPPED_LEN],
}

/// An OS-keyring slot: a random key kept in the OS credential store wraps the data key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct KeyringSlot {
    pub service: String,
    pub user: String,
    pub nonce: [u8; NONCE_LEN],
    pub wrapped: [u8; WRAPPED_LEN],
}

/// A parsed keystore file; every field is public data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct KeystoreFile {
    pub id: [u8; ID_LEN],
    pub created_at: u64,
    pub data_nonce: [u8; NONCE_LEN],
    pub meta: Vec<u8>,
    pub password: PasswordSlot,
    pub keyring: Option<KeyringSlot>,
    pub secret_ct: Vec<u8>,
}

impl PasswordSlot {
    /// Bytes from `kind` up to (not including) the wrap nonce; bound into the
    /// slot's associated data.
    pub fn descriptor(&self) -> Vec<u8> {
        descriptor_password(&self.params, &self.salt)
    }
}

pub(crate) fn descriptor_password(params: &KdfParams, salt: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(15 + salt.len());
    out.push(KIND_PASSWORD);
    out.push(KDF_ARGON2ID_V13);
    out.extend_from_slice(&params.m_cost_kib.to_be_bytes());
    out.extend_from_slice(&params.t_cost.to_be_bytes());
    out.extend_from_slice(&params.p_cost.to_be_bytes());
    // Salts are 16..=32 bytes (checked on decode; we write 32).
    out.push(u8::try_from(salt.len()).unwrap_or(u8::MAX));
    out.extend_from_slice(salt);
    out
}

impl KeyringSlot {
    /// Bytes from `kind` up to (not including) the wrap nonce.
    pub fn descriptor(&self) -> Vec<u8> {
        descriptor_keyring(&self.service, &self.user)
    }
}

pub(crate) fn descriptor_keyring(service: &str, user: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(3 + service.len() + user.len());
    out.push(KIND_KEYRING);
    out.push(u8::try_from(service.len()).unwrap_or(u8::MAX));
    out.extend_from_slice(service.as_bytes());
    out.push(u8::try_from(user.len()).unwrap_or(u8::MAX));
    out.extend_from_slice(user.as_bytes());
    out
}

/// Associated data of a slot wrap: magic ‖ version ‖ keystore id ‖ descriptor.
pub(crate) fn slot_aad(id: &[u8; ID_LEN], descriptor: &[u8]) -> Vec<u8> {
    let mut aad = Vec::with_capacity(10 + ID_LEN + descriptor.len());
    aad.extend_from_slice(&MAGIC);
    aad.extend_from_slice(&FORMAT_VERSION.to_be_bytes());
    aad.extend_from_slice(id);
    aad.extend_from_slice(descriptor);
    aad
}

fn preamble_check(first14: &[u8]) -> [u8; 4] {
    let digest = Sha256::digest(first14);
    let mut out = [0u8; 4];
    out.copy_from_slice(digest.get(..4).unwrap_or(&[0; 4]));
    out
}

fn len_u32(what: &'static str, len: usize, max: usize) -> Result<u32> {
    if len > max {
        return Err(KeystoreError::TooLarge { what, len, max });
    }
    u32::try_from(len).map_err(|_| KeystoreError::TooLarge { what, len, max })
}

impl KeystoreFile {
    /// Fixed header and metadata without the total length: the associated
    /// data of the secret ciphertext. Slots are excluded, so re-wrapping the
    /// data key (new password, keyring slot added or removed) leaves the
    /// secret ciphertext valid.
    pub fn secret_aad(&self) -> Result<Vec<u8>> {
        let mut aad = Vec::with_capacity(54 + self.meta.len());
        aad.extend_from_slice(&MAGIC);
        aad.extend_from_slice(&FORMAT_VERSION.to_be_bytes());
        self.push_header(&mut aad)?;
        aad.extend_from_slice(&self.meta);
        Ok(aad)
    }

    fn push_header(&self, out: &mut Vec<u8>) -> Result<()> {
        out.extend_from_slice(&self.id);
        out.extend_from_slice(&self.created_at.to_be_bytes());
        out.extend_from_slice(&self.data_nonce);
        let meta_len = len_u32("public metadata", self.meta.len(), MAX_META_LEN)?;
        let ct_len = len_u32("secret", self.secret_ct.len(), MAX_SECRET_LEN + TAG_LEN)?;
        out.extend_from_slice(&meta_len.to_be_bytes());
        out.extend_from_slice(&ct_len.to_be_bytes());
        Ok(())
    }

    /// Serialize to the version-1 layout.
    pub fn encode(&self) -> Result<Vec<u8>> {
        let mut tail = Vec::with_capacity(512 + self.meta.len() + self.secret_ct.len());
        self.push_header(&mut tail)?;
        tail.extend_from_slice(&self.meta);
        tail.push(if self.keyring.is_some() { 2 } else { 1 });
        tail.extend_from_slice(&self.password.descriptor());
        tail.extend_from_slice(&self.password.nonce);
        tail.extend_from_slice(&self.password.wrapped);
        if let Some(slot) = &self.keyring {
            tail.extend_from_slice(&slot.descriptor());
            tail.extend_from_slice(&slot.nonce);
            tail.extend_from_slice(&slot.wrapped);
        }
        tail.extend_from_slice(&self.secret_ct);
        let total_len = PREAMBLE_LEN + tail.len() + CHECKSUM_LEN;
        let total = len_u32("keystore file", total_len, MAX_FILE_LEN)?;
        let mut out = Vec::with_capacity(total_len);
        out.extend_from_slice(&MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_be_bytes());
        out.extend_from_slice(&total.to_be_bytes());
        let check = preamble_check(&out);
        out.extend_from_slice(&check);
        out.extend_from_slice(&tail);
        let checksum = Sha256::digest(&out);
        out.extend_from_slice(&checksum);
        Ok(out)
    }

    /// Parse and validate a version-1 file (see the module docs for the order of checks).
    ///
    /// # Errors
    /// `NotAKeystore`, `Truncated`, `Corrupted`, `UnsupportedVersion` or
    /// `KdfOutOfBounds`, as described in `docs/keystore.md#decoding`.
    pub fn decode(bytes: &[u8]) -> Result<Self> {
        let got = bytes.len() as u64;
        let Some(preamble) = bytes.get(..PREAMBLE_LEN) else {
            let n = bytes.len().min(MAGIC.len());
            return if bytes.get(..n) == MAGIC.get(..n) {
                Err(KeystoreError::Truncated {
                    expected: PREAMBLE_LEN as u64,
                    got,
                })
            } else {
                Err(KeystoreError::NotAKeystore)
            };
        };
        let mut pre = Cursor::new(preamble);
        if pre.array::<8>()? != MAGIC {
            return Err(KeystoreError::NotAKeystore);
        }
        let version = u16::from_be_bytes(pre.array()?);
        let total = u32::from_be_bytes(pre.array()?);
        if pre.array::<4>()? != preamble_check(preamble.get(..14).unwrap_or_default()) {
            return Err(corrupted("preamble check does not match"));
        }
        if version != FORMAT_VERSION {
            return Err(KeystoreError::UnsupportedVersion {
                found: version,
                supported: FORMAT_VERSION,
            });
        }
        let total = usize::try_from(total).unwrap_or(usize::MAX);
        if !(PREAMBLE_LEN + CHECKSUM_LEN..=MAX_FILE_LEN).contains(&total) {
            return Err(corrupted("declared length out of range"));
        }
        if bytes.len() < total {
            return Err(KeystoreError::Truncated {
                expected: total as u64,
                got,
            });
        }
        if bytes.len() > total {
            return Err(corrupted("data after the checksum"));
        }
        let (body, checksum) = bytes.split_at(total - CHECKSUM_LEN);
        if Sha256::digest(body).as_slice() != checksum {
            return Err(corrupted("checksum does not match"));
        }
        decode_body(body)
    }
}

fn decode_body(body: &[u8]) -> Result<KeystoreFile> {
    let mut cur = Cursor::new(body);
    cur.take(PREAMBLE_LEN)?;
    let id = cur.array()?;
    let created_at = u64::from_be_bytes(cur.array()?);
    let data_nonce = cur.array()?;
    let meta_len = cur.len_u32()?;
    let ct_len = cur.len_u32()?;
    if meta_len > MAX_META_LEN {
        return Err(corrupted("metadata length out of range"));
    }
    if !(TAG_LEN..=MAX_SECRET_LEN + TAG_LEN).contains(&ct_len) {
        return Err(corrupted("secret length out of range"));
    }
    let meta = cur.take(meta_len)?.to_vec();
    let slot_count = cur.u8()?;
    if !(1..=2).contains(&slot_count) {
        return Err(corrupted("slot count is not 1 or 2"));
    }
    if cur.u8()? != KIND_PASSWORD {
        return Err(corrupted("first slot is not a password slot"));
    }
    let password = decode_password_slot(&mut cur)?;
    let keyring = if slot_count == 2 {
        if cur.u8()? != KIND_KEYRING {
            return Err(corrupted("second slot is not a keyring slot"));
        }
        Some(decode_keyring_slot(&mut cur)?)
    } else {
        None
    };
    let secret_ct = cur.take(ct_len)?.to_vec();
    if !cur.is_empty() {
        return Err(corrupted("structure ends before the checksum"));
    }
    Ok(KeystoreFile {
        id,
        created_at,
        data_nonce,
        meta,
        password,
        keyring,
        secret_ct,
    })
}

fn decode_password_slot(cur: &mut Cursor<'_>) -> Result<PasswordSlot> {
    if cur.u8()? != KDF_ARGON2ID_V13 {
        return Err(corrupted("unknown kdf identifier"));
    }
    let params = KdfParams {
        m_cost_kib: u32::from_be_bytes(cur.array()?),
        t_cost: u32::from_be_bytes(cur.array()?),
        p_cost: u32::from_be_bytes(cur.array()?),
    };
    params.check_bounds()?;
    let salt_len = cur.u8()?;
    if !(MIN_SALT_LEN..=MAX_SALT_LEN).contains(&salt_len) {
        return Err(KeystoreError::KdfOutOfBounds {
            param: "salt length",
            got: salt_len.into(),
            min: MIN_SALT_LEN.into(),
            max: MAX_SALT_LEN.into(),
        });
    }
    Ok(PasswordSlot {
        params,
        salt: cur.take(salt_len.into())?.to_vec(),
        nonce: cur.array()?,
        wrapped: cur.array()?,
    })
}

fn decode_keyring_slot(cur: &mut Cursor<'_>) -> Result<KeyringSlot> {
    let name = |cur: &mut Cursor<'_>| -> Result<String> {
        let len = cur.u8()?;
        if len == 0 {
            return Err(corrupted("empty keyring entry name"));
        }
        let raw = cur.take(len.into())?;
        String::from_utf8(raw.to_vec()).map_err(|_| corrupted("keyring entry name is not utf-8"))
    };
    Ok(KeyringSlot {
        service: name(cur)?,
        user: name(cur)?,
        nonce: cur.array()?,
        wrapped: cur.array()?,
    })
}

fn corrupted(detail: &'static str) -> KeystoreError {
    KeystoreError::Corrupted { detail }
}

/// Reads fields from a checksum-verified buffer; running past its end is a
/// structural inconsistency ("corrupted"), never a panic.
struct Cursor<'a> {
    rest: &'a [u8],
}

impl<'a> Cursor<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self { rest: bytes }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        if n > self.rest.len() {
            return Err(corrupted("a field runs past the end of the file"));
        }
        let (head, tail) = self.rest.split_at(n);
        self.rest = tail;
        Ok(head)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N]> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    fn u8(&mut self) -> Result<u8> {
        Ok(u8::from_be_bytes(self.array()?))
    }

    fn len_u32(&mut self) -> Result<usize> {
        Ok(usize::try_from(u32::from_be_bytes(self.array()?)).unwrap_or(usize::MAX))
    }

    fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn sample() -> KeystoreFile {
        KeystoreFile {
            id: [7; ID_LEN],
            created_at: 1_700_000_000,
            data_nonce: [9; NONCE_LEN],
            meta: b"{\"name\":\"shop\"}".to_vec(),
            password: PasswordSlot {
                params: KdfParams {
                    m_cost_kib: 256,
                    t_cost: 1,
                    p_cost: 1,
                },
                salt: vec![3; SALT_LEN],
                nonce: [4; NONCE_LEN],
                wrapped: [5; WRAPPED_LEN],
            },
            keyring: Some(KeyringSlot {
                service: "jifen".into(),
                user: "0707".into(),
                nonce: [6; NONCE_LEN],
                wrapped: [8; WRAPPED_LEN],
            }),
            secret_ct: vec![1; 40],
        }
    }

    #[test]
    fn round_trip_with_and_without_keyring_slot() {
        let mut file = sample();
        let bytes = file.encode().unwrap();
        assert_eq!(KeystoreFile::decode(&bytes).unwrap(), file);
        file.keyring = None;
        let bytes = file.encode().unwrap();
        assert_eq!(KeystoreFile::decode(&bytes).unwrap(), file);
    }

    #[test]
    fn every_proper_prefix_is_truncated() {
        let bytes = sample().encode().unwrap();
        for len in 0..bytes.len() {
            let err = KeystoreFile::decode(&bytes[..len]).unwrap_err();
            assert_eq!(err.code(), "keystore-truncated", "prefix of {len} bytes");
        }
    }

    #[test]
    fn every_single_bit_flip_is_detected() {
        let bytes = sample().encode().unwrap();
        for i in 0..bytes.len() * 8 {
            let mut b = bytes.clone();
            b[i / 8] ^= 1 << (i % 8);
            let code = KeystoreFile::decode(&b).unwrap_err().code();
            let want = if i < 64 {
                "keystore-not-a-keystore"
            } else {
                "keystore-corrupted"
            };
            assert_eq!(code, want, "bit {i}");
        }
    }

    #[test]
    fn oversized_inputs_are_refused_on_encode() {
        let mut file = sample();
        file.meta = vec![0; MAX_META_LEN + 1];
        assert_eq!(file.encode().unwrap_err().code(), "keystore-too-large");
    }
}
