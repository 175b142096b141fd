//! Validator and account keys held by the node, and the public devnet keys.
//!
//! **Devnet keys are public and for testing only**: validator `i`'s secret is
//! `tagged_hash("jifen/devnet-validator", u32_be(i))` and funded account
//! `i`'s secret is `tagged_hash("jifen/devnet-account", u32_be(i))`. Each
//! demo role `name` (issuer, platform, merchant owners, demo consumer) is a
//! wallet a person can restore: its 12 English BIP39 words encode the first
//! 16 bytes of `tagged_hash("jifen/devnet-role", name)`, and its key is the
//! one the wallet signs with for receive address 0 of those words
//! (`m/44'/19014'/0'/0/0`, no passphrase). Anyone can recompute all of them;
//! never use them outside a local devnet.

use jifen_crypto::hd::{Chain, MasterKey};
use jifen_crypto::mnemonic::{Mnemonic, MnemonicLanguage};
use jifen_crypto::signer::{SecretKey, Signer};
use jifen_protocol::{Address, PublicKey, Signature, tagged_hash};

/// Tag of devnet validator secrets.
pub const DEVNET_VALIDATOR_TAG: &str = "jifen/devnet-validator";
/// Tag of devnet funded-account secrets.
pub const DEVNET_ACCOUNT_TAG: &str = "jifen/devnet-account";
/// Tag of the devnet demo roles' secrets.
pub const DEVNET_ROLE_TAG: &str = "jifen/devnet-role";

/// Why a key could not be made or used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    /// The bytes are not a valid secp256k1 secret key.
    #[error("invalid secret key")]
    InvalidSecret,
    /// Signing failed.
    #[error("signing failed")]
    Signing,
    /// A demo role's words or their HD derivation failed (not expected:
    /// the entropy has a valid length and BIP32 fails with probability
    /// about 2^-127).
    #[error("the devnet role's key could not be derived")]
    Derivation,
}

/// A secp256k1 signing key (RFC 6979, low-S signatures). `Debug` shows only
/// the public key.
#[derive(Clone)]
pub struct NodeKey {
    key: SecretKey,
    public_key: PublicKey,
}

impl std::fmt::Debug for NodeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NodeKey")
            .field("public_key", &self.public_key)
            .finish_non_exhaustive()
    }
}

impl NodeKey {
    /// A key from 32 secret bytes.
    ///
    /// # Errors
    /// [`KeyError::InvalidSecret`] for zero or out-of-range bytes.
    pub fn from_bytes(secret: &[u8; 32]) -> Result<Self, KeyError> {
        let key = SecretKey::from_bytes(secret).map_err(|_| KeyError::InvalidSecret)?;
        Ok(Self::from_secret(key))
    }

    fn from_secret(key: SecretKey) -> Self {
        let public_key = key.public_key();
        Self { key, public_key }
    }

    /// Devnet validator `index` (public, testing only).
    ///
    /// # Errors
    /// [`KeyError::InvalidSecret`] in the (never observed) case that the hash
    /// is not a valid scalar.
    pub fn devnet_validator(index: u32) -> Result<Self, KeyError> {
        Self::from_bytes(&tagged_hash(DEVNET_VALIDATOR_TAG, &index.to_be_bytes()))
    }

    /// Devnet funded account `index` (public, testing only).
    ///
    /// # Errors
    /// As [`NodeKey::devnet_validator`].
    pub fn devnet_account(index: u32) -> Result<Self, KeyError> {
        Self::from_bytes(&tagged_hash(DEVNET_ACCOUNT_TAG, &index.to_be_bytes()))
    }

    /// The devnet demo role `name` (public, testing only): `issuer`,
    /// `platform`, `merchant-1` to `merchant-4`, `consumer`.
    ///
    /// The key a wallet restored from [`NodeKey::devnet_role_words`] signs
    /// with for its receive address 0, so a person can act as the role.
    ///
    /// # Errors
    /// [`KeyError::Derivation`] in the (never observed) case that BIP32
    /// yields an invalid key.
    pub fn devnet_role(name: &str) -> Result<Self, KeyError> {
        let mnemonic = devnet_role_mnemonic(name)?;
        // The wallet's own derivation (`wallet/src/store.rs`): the seed and
        // account of `WalletStore::create` and `WalletHandle::finish_secret` (no
        // passphrase, account 0), then `UnlockedWallet::signing_key(0)`
        // (receive chain, index 0).
        let seed = mnemonic.to_seed("");
        let key = MasterKey::from_seed(&seed)
            .and_then(|master| master.account(0))
            .and_then(|account| account.signing_key(Chain::Receive, 0))
            .map_err(|_| KeyError::Derivation)?;
        Ok(Self::from_secret(key))
    }

    /// The 12 English BIP39 words of the devnet demo role `name`, one space
    /// apart, for `jifen restore`.
    ///
    /// **Public devnet words, for testing only**: anyone can recompute them
    /// from the role's name, so a wallet restored from them must never hold
    /// anything on a real network.
    ///
    /// # Errors
    /// [`KeyError::Derivation`] (not expected: the entropy always has a
    /// valid length).
    pub fn devnet_role_words(name: &str) -> Result<String, KeyError> {
        Ok(devnet_role_mnemonic(name)?.phrase().as_str().to_owned())
    }

    /// The public key.
    #[must_use]
    pub const fn public_key(&self) -> PublicKey {
        self.public_key
    }

    /// The address.
    #[must_use]
    pub fn address(&self) -> Address {
        self.public_key.address()
    }

    /// Signs a 32-byte digest (low-S).
    ///
    /// # Errors
    /// [`KeyError::Signing`].
    pub fn sign_digest(&self, digest: &[u8; 32]) -> Result<Signature, KeyError> {
        self.key.sign_digest(digest).map_err(|_| KeyError::Signing)
    }

    /// The secret key (to open data sealed to this key,
    /// `jifen_crypto::seal::open`).
    #[must_use]
    pub const fn secret_key(&self) -> &SecretKey {
        &self.key
    }
}

/// The role's mnemonic: the first 16 bytes of its tagged hash as entropy,
/// written in the English list (the words a person types back).
fn devnet_role_mnemonic(name: &str) -> Result<Mnemonic, KeyError> {
    let hash = tagged_hash(DEVNET_ROLE_TAG, name.as_bytes());
    let entropy = hash.first_chunk::<16>().ok_or(KeyError::Derivation)?;
    Mnemonic::from_entropy(MnemonicLanguage::English, entropy).map_err(|_| KeyError::Derivation)
}
