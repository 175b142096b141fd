//! Reading serialized BIP32 extended keys, with every check of the specification.
//!
//! The `bip32` crate's parser reads the fields but does not check that a master key
//! (depth 0) has no parent, and it cannot tell a mistyped character from text that is
//! not Base58 at all; a watch-only import should say which is wrong. This decoder does
//! the checks of BIP32 test vector 5 in a fixed order, so each invalid key is refused
//! for its own reason (`tests/vectors/bip32.json`, `crypto/tests/vectors.rs`).

use bip32::{ChildNumber, ExtendedKey, ExtendedKeyAttrs, Prefix, XPub};
use zeroize::Zeroizing;

use super::HdError;

/// Serialized length: version 4, depth 1, parent fingerprint 4, child number 4,
/// chain code 32, key 33.
const KEY_LEN: usize = 78;

/// Whether a serialized key holds a public or a private key.
#[derive(Clone, Copy)]
enum Kind {
    Public,
    Private,
}

/// The standard version bytes this wallet reads: `xpub`/`xprv` for mainnet,
/// `tpub`/`tprv` for the test networks.
fn version_kind(version: u32) -> Option<(Kind, bool)> {
    match version {
        0x0488_B21E => Some((Kind::Public, true)),
        0x0488_ADE4 => Some((Kind::Private, true)),
        0x0435_87CF => Some((Kind::Public, false)),
        0x0435_8394 => Some((Kind::Private, false)),
        _ => None,
    }
}

/// A checked extended key. A private key is not kept: it is only refused.
pub(super) enum Decoded {
    Public {
        xpub: XPub,
        /// `xpub` rather than `tpub`.
        mainnet: bool,
        depth: u8,
    },
    Private,
}

/// Reads and checks a Base58Check extended key.
///
/// Order of the checks (the first failure decides): Base58 text of 78 bytes
/// ([`HdError::BadExtendedKey`]), checksum ([`HdError::ExtendedKeyChecksum`]), version
/// ([`HdError::UnknownKeyVersion`]), a depth-0 key without parent fingerprint and child
/// number ([`HdError::ZeroDepthWithParent`], [`HdError::ZeroDepthWithIndex`]), key
/// bytes of the kind the version says ([`HdError::KeyKindMismatch`]), and a valid key
/// ([`HdError::InvalidPublicKey`], [`HdError::InvalidPrivateKey`]).
pub(super) fn decode(text: &str) -> Result<Decoded, HdError> {
    // Room for the 4 checksum bytes: a longer payload fails as "buffer too small".
    let mut bytes = Zeroizing::new([0u8; KEY_LEN + 4]);
    let len = bs58::decode(text)
        .with_check(None)
        .onto(&mut bytes[..])
        .map_err(|e| match e {
            bs58::decode::Error::InvalidChecksum { .. } => HdError::ExtendedKeyChecksum,
            _ => HdError::BadExtendedKey,
        })?;
    if len != KEY_LEN {
        return Err(HdError::BadExtendedKey);
    }
    let field = |range: std::ops::Range<usize>| bytes.get(range).ok_or(HdError::BadExtendedKey);
    let version = u32::from_be_bytes(array(field(0..4)?)?);
    let (kind, mainnet) = version_kind(version).ok_or(HdError::UnknownKeyVersion)?;
    let depth = *field(4..5)?.first().ok_or(HdError::BadExtendedKey)?;
    let parent_fingerprint: [u8; 4] = array(field(5..9)?)?;
    let child_number: [u8; 4] = array(field(9..13)?)?;
    if depth == 0 && parent_fingerprint != [0; 4] {
        return Err(HdError::ZeroDepthWithParent);
    }
    if depth == 0 && child_number != [0; 4] {
        return Err(HdError::ZeroDepthWithIndex);
    }
    let key: Zeroizing<[u8; 33]> = Zeroizing::new(array(field(45..78)?)?);
    let [tag, ..] = *key;
    match kind {
        Kind::Public => {
            if tag == 0 {
                return Err(HdError::KeyKindMismatch);
            }
            if k256::PublicKey::from_sec1_bytes(&key[..]).is_err() || !matches!(tag, 2 | 3) {
                return Err(HdError::InvalidPublicKey);
            }
            let chain_code: [u8; 32] = array(field(13..45)?)?;
            let prefix = if mainnet { Prefix::XPUB } else { Prefix::TPUB };
            let extended = ExtendedKey {
                prefix,
                attrs: ExtendedKeyAttrs {
                    depth,
                    parent_fingerprint,
                    child_number: ChildNumber::from_bytes(child_number),
                    chain_code,
                },
                key_bytes: *key,
            };
            let xpub = XPub::try_from(extended).map_err(|_| HdError::InvalidPublicKey)?;
            Ok(Decoded::Public {
                xpub,
                mainnet,
                depth,
            })
        }
        Kind::Private => {
            if matches!(tag, 2 | 3) {
                return Err(HdError::KeyKindMismatch);
            }
            let scalar = key.get(1..).ok_or(HdError::InvalidPrivateKey)?;
            if tag != 0 || k256::SecretKey::from_slice(scalar).is_err() {
                return Err(HdError::InvalidPrivateKey);
            }
            Ok(Decoded::Private)
        }
    }
}

fn array<const N: usize>(bytes: &[u8]) -> Result<[u8; N], HdError> {
    bytes.try_into().map_err(|_| HdError::BadExtendedKey)
}
