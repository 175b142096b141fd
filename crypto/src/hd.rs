//! BIP32 hierarchical derivation on secp256k1, with the BIP44 layout the wallet uses.
//!
//! Path: `m/44'/19014'/account'/change/index` (see `docs/keys.md`). Coin type 19014
//! (`0x4A46`, "JF") is the project's own and is not yet registered in SLIP-44.
//! Accounts are hardened; receive (`change = 0`) and change (`change = 1`) chains and
//! address indexes are not, so a watch-only wallet holding the account's extended
//! public key can derive every address.

use std::fmt;

pub use bip32::DerivationPath;
use bip32::{ChildNumber, Prefix, XPrv, XPub};
use jifen_protocol::{Address, Network, PublicKey};

use crate::mnemonic::Seed;
use crate::signer::SecretKey;

mod extended_key;

/// BIP44 purpose.
pub const PURPOSE: u32 = 44;
/// The coin type in the BIP44 path (`0x4A46`, "JF"; not registered in SLIP-44 yet).
pub const COIN_TYPE: u32 = 19014;
/// Highest account or address index accepted (hardened indexes start at 2^31).
pub const MAX_INDEX: u32 = (1 << 31) - 1;

/// Which chain of an account an address is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chain {
    /// Addresses given out to receive payments (`0`).
    Receive,
    /// Addresses for change (`1`).
    Change,
}

impl Chain {
    fn index(self) -> u32 {
        match self {
            Chain::Receive => 0,
            Chain::Change => 1,
        }
    }
}

/// Why derivation failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HdError {
    /// An account or address index is 2^31 or more.
    #[error("index {index} is out of range (at most {max})", max = MAX_INDEX)]
    IndexOutOfRange {
        /// The index given.
        index: u32,
    },
    /// Derivation produced an invalid key (probability ~2^-127; try the next index).
    #[error("derivation produced an invalid key at this index")]
    InvalidChild,
    /// The text is not Base58 of a 78-byte extended key.
    #[error("not a valid extended public key")]
    BadExtendedKey,
    /// The Base58Check checksum does not match: a character is wrong.
    #[error("the extended key's checksum does not match; a character is wrong")]
    ExtendedKeyChecksum,
    /// The version bytes are none of `xpub`, `xprv`, `tpub`, `tprv`.
    #[error("unknown extended key version")]
    UnknownKeyVersion,
    /// A depth-0 (master) key names a parent fingerprint.
    #[error("a master extended key (depth 0) has a non-zero parent fingerprint")]
    ZeroDepthWithParent,
    /// A depth-0 (master) key has a child number.
    #[error("a master extended key (depth 0) has a non-zero child number")]
    ZeroDepthWithIndex,
    /// The version says public and the key bytes are private, or the other way round.
    #[error("the extended key's version and key bytes do not match")]
    KeyKindMismatch,
    /// The public key is not a compressed point on secp256k1.
    #[error("the extended key holds an invalid public key")]
    InvalidPublicKey,
    /// The private key is not `0x00` followed by a scalar in 1..n-1.
    #[error("the extended key holds an invalid private key")]
    InvalidPrivateKey,
    /// An extended *private* key was given where the public one is expected.
    #[error("this is an extended private key; a watch-only wallet takes the public key")]
    PrivateKeyGiven,
    /// The extended key is for another network (`xpub` is mainnet, `tpub` test networks).
    #[error("extended key is for another network")]
    WrongNetwork,
    /// The extended key is not at account depth (3).
    #[error("extended key is at depth {got}, an account key is at depth 3")]
    WrongDepth {
        /// Depth found.
        got: u8,
    },
}

impl HdError {
    /// Stable code for translation.
    pub fn code(&self) -> &'static str {
        match self {
            HdError::IndexOutOfRange { .. } => "hd-index-out-of-range",
            HdError::InvalidChild => "hd-invalid-child",
            HdError::BadExtendedKey => "hd-bad-extended-key",
            HdError::ExtendedKeyChecksum => "hd-extended-key-checksum",
            HdError::UnknownKeyVersion => "hd-unknown-key-version",
            HdError::ZeroDepthWithParent => "hd-zero-depth-with-parent",
            HdError::ZeroDepthWithIndex => "hd-zero-depth-with-index",
            HdError::KeyKindMismatch => "hd-key-kind-mismatch",
            HdError::InvalidPublicKey => "hd-invalid-public-key",
            HdError::InvalidPrivateKey => "hd-invalid-private-key",
            HdError::PrivateKeyGiven => "hd-private-key-given",
            HdError::WrongNetwork => "hd-wrong-network",
            HdError::WrongDepth { .. } => "hd-wrong-depth",
        }
    }
}

impl jifen_protocol::message::Coded for HdError {
    fn code(&self) -> &'static str {
        HdError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, jifen_protocol::message::Arg)> {
        // The catalogs' hd messages take no arguments (the depth and index found are in
        // the English text for logs only).
        match self {
            HdError::IndexOutOfRange { .. }
            | HdError::InvalidChild
            | HdError::BadExtendedKey
            | HdError::ExtendedKeyChecksum
            | HdError::UnknownKeyVersion
            | HdError::ZeroDepthWithParent
            | HdError::ZeroDepthWithIndex
            | HdError::KeyKindMismatch
            | HdError::InvalidPublicKey
            | HdError::InvalidPrivateKey
            | HdError::PrivateKeyGiven
            | HdError::WrongNetwork
            | HdError::WrongDepth { .. } => Vec::new(),
        }
    }
}

fn child(index: u32, hardened: bool) -> Result<ChildNumber, HdError> {
    if index > MAX_INDEX {
        return Err(HdError::IndexOutOfRange { index });
    }
    ChildNumber::new(index, hardened).map_err(|_| HdError::IndexOutOfRange { index })
}

/// The account path `m/44'/19014'/account'`.
///
/// # Errors
/// [`HdError::IndexOutOfRange`] if `account` is 2^31 or more.
pub fn account_path(account: u32) -> Result<DerivationPath, HdError> {
    let mut path = DerivationPath::default();
    path.push(child(PURPOSE, true)?);
    path.push(child(COIN_TYPE, true)?);
    path.push(child(account, true)?);
    Ok(path)
}

/// The full path of an address: `m/44'/19014'/account'/chain/index`.
///
/// # Errors
/// [`HdError::IndexOutOfRange`] if an index is 2^31 or more.
pub fn address_path(account: u32, chain: Chain, index: u32) -> Result<DerivationPath, HdError> {
    let mut path = account_path(account)?;
    path.push(child(chain.index(), false)?);
    path.push(child(index, false)?);
    Ok(path)
}

/// The BIP32 master key of a seed. Zeroized on drop; `Debug` is redacted.
pub struct MasterKey {
    xprv: XPrv,
}

impl fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MasterKey(<redacted>)")
    }
}

impl MasterKey {
    /// The master key of a 64-byte BIP39 seed.
    ///
    /// # Errors
    /// [`HdError::InvalidChild`] in the (negligible) case the seed yields an invalid key.
    pub fn from_seed(seed: &Seed) -> Result<Self, HdError> {
        Self::from_seed_bytes(seed.as_bytes())
    }

    /// The master key of raw seed bytes (16 to 64 bytes), as in the BIP32 test vectors.
    ///
    /// # Errors
    /// [`HdError::InvalidChild`] if the bytes are not a usable seed.
    pub fn from_seed_bytes(seed: &[u8]) -> Result<Self, HdError> {
        XPrv::new(seed)
            .map(|xprv| MasterKey { xprv })
            .map_err(|_| HdError::InvalidChild)
    }

    /// The key at `path`.
    ///
    /// # Errors
    /// [`HdError::InvalidChild`] if derivation hits an invalid key.
    pub fn derive(&self, path: &DerivationPath) -> Result<ExtendedSecret, HdError> {
        let mut key = self.xprv.clone();
        for number in path.iter() {
            key = key
                .derive_child(number)
                .map_err(|_| HdError::InvalidChild)?;
        }
        Ok(ExtendedSecret { xprv: key })
    }

    /// BIP32 fingerprint of the master public key (first 4 bytes of its HASH160).
    pub fn fingerprint(&self) -> [u8; 4] {
        self.xprv.public_key().fingerprint()
    }

    /// The account's keys: extended private key at `m/44'/19014'/account'`.
    ///
    /// # Errors
    /// As [`MasterKey::derive`].
    pub fn account(&self, account: u32) -> Result<AccountSecret, HdError> {
        let key = self.derive(&account_path(account)?)?;
        Ok(AccountSecret {
            key,
            account,
            master_fingerprint: self.fingerprint(),
        })
    }
}

/// An extended private key. Zeroized on drop; `Debug` is redacted.
pub struct ExtendedSecret {
    xprv: XPrv,
}

impl fmt::Debug for ExtendedSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ExtendedSecret(<redacted>)")
    }
}

impl ExtendedSecret {
    /// BIP32 serialization (`xprv...`), for the published test vectors only.
    pub fn to_xprv_string(&self) -> zeroize::Zeroizing<String> {
        self.xprv.to_string(Prefix::XPRV)
    }

    /// BIP32 serialization of the matching public key (`xpub...`).
    pub fn to_xpub_string(&self) -> String {
        self.xprv.public_key().to_string(Prefix::XPUB)
    }

    /// The plain signing key.
    pub fn secret_key(&self) -> SecretKey {
        SecretKey::from_k256(self.xprv.private_key().clone())
    }
}

/// An account's extended private key with the facts needed to describe it.
#[derive(Debug)]
pub struct AccountSecret {
    key: ExtendedSecret,
    account: u32,
    master_fingerprint: [u8; 4],
}

impl AccountSecret {
    /// The signing key for one address of this account.
    ///
    /// # Errors
    /// [`HdError::IndexOutOfRange`] or [`HdError::InvalidChild`].
    pub fn signing_key(&self, chain: Chain, index: u32) -> Result<SecretKey, HdError> {
        let key = self
            .key
            .xprv
            .derive_child(child(chain.index(), false)?)
            .map_err(|_| HdError::InvalidChild)?
            .derive_child(child(index, false)?)
            .map_err(|_| HdError::InvalidChild)?;
        Ok(SecretKey::from_k256(key.private_key().clone()))
    }

    /// The watch-only half of this account.
    pub fn watch_only(&self) -> AccountXpub {
        AccountXpub {
            xpub: self.key.xprv.public_key(),
            account: self.account,
            master_fingerprint: self.master_fingerprint,
        }
    }
}

/// A watch-only account: the extended public key at `m/44'/19014'/account'`.
///
/// It derives every address of the account and nothing secret. Serialized with the
/// standard BIP32 version bytes: `xpub` on mainnet, `tpub` on test networks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountXpub {
    xpub: XPub,
    account: u32,
    master_fingerprint: [u8; 4],
}

impl AccountXpub {
    /// The account number (the hardened index in the path).
    pub fn account(&self) -> u32 {
        self.account
    }

    /// Fingerprint of the master key that this account was derived from.
    pub fn master_fingerprint(&self) -> [u8; 4] {
        self.master_fingerprint
    }

    /// The path this key sits at, e.g. `m/44'/19014'/0'`.
    pub fn path(&self) -> String {
        format!("m/{PURPOSE}'/{COIN_TYPE}'/{}'", self.account)
    }

    /// The public key of one address.
    ///
    /// # Errors
    /// [`HdError::IndexOutOfRange`] or [`HdError::InvalidChild`].
    pub fn public_key(&self, chain: Chain, index: u32) -> Result<PublicKey, HdError> {
        let key = self
            .xpub
            .derive_child(child(chain.index(), false)?)
            .map_err(|_| HdError::InvalidChild)?
            .derive_child(child(index, false)?)
            .map_err(|_| HdError::InvalidChild)?;
        let encoded = key.public_key().to_sec1_point(true);
        PublicKey::from_bytes(encoded.as_bytes()).map_err(|_| HdError::InvalidChild)
    }

    /// The address of one key.
    ///
    /// # Errors
    /// As [`AccountXpub::public_key`].
    pub fn address(&self, chain: Chain, index: u32) -> Result<Address, HdError> {
        Ok(self.public_key(chain, index)?.address())
    }

    /// BIP32 serialization for `network` (`xpub` on mainnet, `tpub` otherwise).
    pub fn to_string_for(&self, network: Network) -> String {
        self.xpub.to_string(prefix_for(network))
    }

    /// Reads an account key exported by [`AccountXpub::to_string_for`].
    ///
    /// The key is checked as BIP32 says (test vector 5) before anything else: a
    /// damaged or forged key is refused for its own reason, and an extended private key
    /// is refused as such (never kept) rather than as a key of another network.
    ///
    /// # Errors
    /// In this order: [`HdError::BadExtendedKey`], [`HdError::ExtendedKeyChecksum`],
    /// [`HdError::UnknownKeyVersion`], [`HdError::ZeroDepthWithParent`],
    /// [`HdError::ZeroDepthWithIndex`], [`HdError::KeyKindMismatch`],
    /// [`HdError::InvalidPublicKey`] or [`HdError::InvalidPrivateKey`] for a key that is
    /// not valid BIP32; then [`HdError::PrivateKeyGiven`], [`HdError::WrongNetwork`] or
    /// [`HdError::WrongDepth`] for a valid key that is not this network's account key.
    pub fn parse(
        s: &str,
        network: Network,
        account: u32,
        master_fingerprint: [u8; 4],
    ) -> Result<Self, HdError> {
        let (xpub, mainnet, depth) = match extended_key::decode(s.trim())? {
            extended_key::Decoded::Public {
                xpub,
                mainnet,
                depth,
            } => (xpub, mainnet, depth),
            extended_key::Decoded::Private => return Err(HdError::PrivateKeyGiven),
        };
        if mainnet != (network == Network::Mainnet) {
            return Err(HdError::WrongNetwork);
        }
        if depth != 3 {
            return Err(HdError::WrongDepth { got: depth });
        }
        Ok(AccountXpub {
            xpub,
            account,
            master_fingerprint,
        })
    }
}

fn prefix_for(network: Network) -> Prefix {
    match network {
        Network::Mainnet => Prefix::XPUB,
        _ => Prefix::TPUB,
    }
}
