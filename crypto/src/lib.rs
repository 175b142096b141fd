//! Keys and secrets for the Jifen wallet.
//!
//! - [`mnemonic`]: BIP39 mnemonics in English, simplified and traditional Chinese.
//! - [`hd`]: BIP32/BIP44 derivation on secp256k1 (`docs/keys.md`).
//! - [`signer`]: RFC 6979 low-S ECDSA signing and signed messages.
//! - [`seal`]: personal data sealed to one party's key (ECIES, `docs/traceability.md`).
//! - [`keystore`]: the encrypted keystore file (Argon2id + AES-256-GCM, key slots;
//!   `docs/keystore.md`).
//!
//! Nothing here touches the network. Secret types redact `Debug` and zeroize on drop.

pub mod hd;
pub mod keystore;
pub mod mnemonic;
pub mod seal;
pub mod signer;
