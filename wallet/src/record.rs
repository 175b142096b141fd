//! What a wallet file holds: the encrypted secret and the public facts beside it.
//!
//! The keystore (`jifen_crypto::keystore`) treats both as opaque bytes; this module
//! gives them their meaning. See `docs/keystore.md#wallet-payload`.

use std::fmt;

use jifen_crypto::mnemonic::{Mnemonic, MnemonicLanguage};
use jifen_protocol::Network;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::error::WalletError;

/// Version of the secret payload layout.
const SECRET_VERSION: u8 = 1;
/// Longest BIP39 passphrase accepted, in bytes.
pub const MAX_PASSPHRASE_BYTES: usize = 1024;

/// The wallet's secret: mnemonic entropy, its word list, and the optional BIP39
/// passphrase. Zeroized on drop; `Debug` is redacted.
pub struct WalletSecret {
    /// The mnemonic.
    pub mnemonic: Mnemonic,
    /// The BIP39 passphrase ("25th word"); empty when none.
    pub passphrase: Zeroizing<String>,
}

impl fmt::Debug for WalletSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WalletSecret(<redacted>)")
    }
}

fn language_byte(language: MnemonicLanguage) -> u8 {
    match language {
        MnemonicLanguage::ChineseSimplified => 1,
        MnemonicLanguage::ChineseTraditional => 2,
        _ => 0,
    }
}

impl WalletSecret {
    /// Layout: `version u8 = 1 | language u8 (0 en, 1 zh-hans, 2 zh-hant) |
    /// entropy_len u8 (16-32) | entropy | passphrase_len u16 BE | passphrase UTF-8`.
    pub fn encode(&self) -> Zeroizing<Vec<u8>> {
        let entropy = self.mnemonic.entropy();
        let passphrase = self.passphrase.as_bytes();
        let mut out = Zeroizing::new(Vec::with_capacity(5 + entropy.len() + passphrase.len()));
        out.push(SECRET_VERSION);
        out.push(language_byte(self.mnemonic.language()));
        // Entropy is 16-32 bytes and the passphrase is bounded when it is set.
        out.push(u8::try_from(entropy.len()).unwrap_or(u8::MAX));
        out.extend_from_slice(&entropy);
        let len = u16::try_from(passphrase.len()).unwrap_or(u16::MAX);
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(passphrase.get(..usize::from(len)).unwrap_or_default());
        out
    }

    /// Reads [`WalletSecret::encode`]'s layout.
    ///
    /// # Errors
    /// [`WalletError::BadSecret`] if the bytes do not follow the layout.
    pub fn decode(bytes: &[u8]) -> Result<Self, WalletError> {
        let bad = |detail: &'static str| WalletError::BadSecret { detail };
        let (&version, rest) = bytes.split_first().ok_or(bad("empty"))?;
        if version != SECRET_VERSION {
            return Err(bad("unknown version"));
        }
        let (&language, rest) = rest.split_first().ok_or(bad("missing language"))?;
        let language = match language {
            0 => MnemonicLanguage::English,
            1 => MnemonicLanguage::ChineseSimplified,
            2 => MnemonicLanguage::ChineseTraditional,
            _ => return Err(bad("unknown language")),
        };
        let (&entropy_len, rest) = rest.split_first().ok_or(bad("missing entropy length"))?;
        let (entropy, rest) = rest
            .split_at_checked(usize::from(entropy_len))
            .ok_or(bad("entropy truncated"))?;
        let mnemonic =
            Mnemonic::from_entropy(language, entropy).map_err(|_| bad("bad entropy length"))?;
        let (len, rest) = rest
            .split_at_checked(2)
            .ok_or(bad("missing passphrase length"))?;
        let len = usize::from(u16::from_be_bytes([
            len.first().copied().unwrap_or(0),
            len.get(1).copied().unwrap_or(0),
        ]));
        if rest.len() != len {
            return Err(bad("passphrase length mismatch"));
        }
        let passphrase = std::str::from_utf8(rest)
            .map_err(|_| bad("passphrase is not utf-8"))?
            .to_owned();
        Ok(WalletSecret {
            mnemonic,
            passphrase: Zeroizing::new(passphrase),
        })
    }
}

/// Public facts about a wallet, stored in clear in the keystore and authenticated
/// with the secret. They let the wallet list accounts and derive addresses without
/// the password. Fixed at creation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WalletMeta {
    /// Layout version of this record (1).
    pub format: u32,
    /// Network the wallet's addresses belong to.
    pub network: String,
    /// BIP44 account number.
    pub account: u32,
    /// Hex of the BIP32 master key fingerprint.
    pub master_fingerprint: String,
    /// The account's extended public key (`xpub`/`tpub`).
    pub account_xpub: String,
    /// Creation time, seconds since the Unix epoch.
    pub created_at: u64,
}

impl WalletMeta {
    /// The network, parsed.
    ///
    /// # Errors
    /// [`WalletError::BadMeta`] for an unknown network name.
    pub fn network(&self) -> Result<Network, WalletError> {
        self.network.parse().map_err(|_| WalletError::BadMeta {
            detail: "unknown network",
        })
    }

    /// JSON bytes, as stored.
    pub fn encode(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// Reads the stored JSON.
    ///
    /// # Errors
    /// [`WalletError::BadMeta`] if the bytes are not this record.
    pub fn decode(bytes: &[u8]) -> Result<Self, WalletError> {
        let meta: WalletMeta = serde_json::from_slice(bytes).map_err(|_| WalletError::BadMeta {
            detail: "not a wallet record",
        })?;
        if meta.format != 1 {
            return Err(WalletError::BadMeta {
                detail: "unknown record format",
            });
        }
        Ok(meta)
    }
}

/// Layout version of [`WatchOnlyRecord`].
const WATCH_ONLY_FORMAT: u32 = 1;

/// A watch-only wallet file (`<name>.watch.json`): the account's public record and
/// what the cold device announced when it was paired (`docs/cold-signing.md`). It
/// holds no secret, so nothing in it can sign.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WatchOnlyRecord {
    /// Layout version of this record (1).
    pub format: u32,
    /// The account, as a keystore wallet records it.
    pub meta: WalletMeta,
    /// The chain the cold device was paired for, if it said.
    pub chain_id: Option<String>,
    /// The cold device's app version.
    pub device_app_version: String,
    /// The longest UR fragment the cold device's camera reads.
    pub max_fragment_len: u16,
}

impl WatchOnlyRecord {
    /// A record of layout version 1.
    pub fn new(
        meta: WalletMeta,
        chain_id: Option<String>,
        device_app_version: String,
        max_fragment_len: u16,
    ) -> Self {
        WatchOnlyRecord {
            format: WATCH_ONLY_FORMAT,
            meta,
            chain_id,
            device_app_version,
            max_fragment_len,
        }
    }

    /// JSON bytes, as stored.
    pub fn encode(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).unwrap_or_default()
    }

    /// Reads the stored JSON.
    ///
    /// # Errors
    /// [`WalletError::BadMeta`] if the bytes are not this record.
    pub fn decode(bytes: &[u8]) -> Result<Self, WalletError> {
        let record: WatchOnlyRecord =
            serde_json::from_slice(bytes).map_err(|_| WalletError::BadMeta {
                detail: "not a watch-only wallet record",
            })?;
        if record.format != WATCH_ONLY_FORMAT || record.meta.format != 1 {
            return Err(WalletError::BadMeta {
                detail: "unknown record format",
            });
        }
        Ok(record)
    }
}

/// Settings a person can change without the password; kept beside the keystore in
/// `<name>.settings.json` because the keystore's public part is fixed at creation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WalletSettings {
    /// Whether the person proved they wrote the mnemonic down.
    #[serde(default)]
    pub backup_verified: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_round_trip_and_rejections() {
        let mnemonic =
            Mnemonic::from_entropy(MnemonicLanguage::ChineseTraditional, &[9u8; 32]).unwrap();
        let secret = WalletSecret {
            mnemonic,
            passphrase: Zeroizing::new("口令".into()),
        };
        let encoded = secret.encode();
        let back = WalletSecret::decode(&encoded).unwrap();
        assert_eq!(*back.mnemonic.entropy(), vec![9u8; 32]);
        assert_eq!(
            back.mnemonic.language(),
            MnemonicLanguage::ChineseTraditional
        );
        assert_eq!(back.passphrase.as_str(), "口令");
        for cut in 0..encoded.len() {
            assert!(
                WalletSecret::decode(&encoded[..cut]).is_err(),
                "prefix {cut}"
            );
        }
        let mut longer = encoded.to_vec();
        longer.push(0);
        assert!(WalletSecret::decode(&longer).is_err());
        assert_eq!(format!("{back:?}"), "WalletSecret(<redacted>)");
    }
}
