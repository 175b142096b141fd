//! Validator and account keys held by the node, and the public devnet keys.
//!
//! **Devnet keys are public and for testing only**: validator `i`'s secret is
//! `tagged_hash("jifen/devnet-validator", u32_be(i))`, funded account
//! `i`'s secret is `tagged_hash("jifen/devnet-account", u32_be(i))` and the
//! demo role `name` (issuer, platform, merchant owners, demo consumer) is
//! `tagged_hash("jifen/devnet-role", name)`. Anyone can recompute them;
//! never use them outside a local devnet.

use jifen_protocol::{Address, PublicKey, Signature, tagged_hash};
use k256::ecdsa::SigningKey;
use k256::ecdsa::signature::hazmat::PrehashSigner;

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
}

/// A secp256k1 signing key (RFC 6979, low-S signatures). `Debug` shows only
/// the public key.
#[derive(Clone)]
pub struct NodeKey {
    key: SigningKey,
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
        let key = SigningKey::from_slice(secret).map_err(|_| KeyError::InvalidSecret)?;
        let point = key.verifying_key().to_sec1_point(true);
        let public_key =
            PublicKey::from_bytes(point.as_bytes()).map_err(|_| KeyError::InvalidSecret)?;
        Ok(Self { key, public_key })
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
    /// # Errors
    /// As [`NodeKey::devnet_validator`].
    pub fn devnet_role(name: &str) -> Result<Self, KeyError> {
        Self::from_bytes(&tagged_hash(DEVNET_ROLE_TAG, name.as_bytes()))
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
        let signature: k256::ecdsa::Signature = self
            .key
            .sign_prehash(digest)
            .map_err(|_| KeyError::Signing)?;
        let low_s = signature.normalize_s();
        Signature::from_bytes(low_s.to_bytes().as_slice()).map_err(|_| KeyError::Signing)
    }
}
