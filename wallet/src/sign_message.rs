//! Use cases: **sign a message** with an address's key (proving control of
//! the address, e.g. to a merchant) and **verify** such a signature.

use jifen_crypto::signer::MessageSignature;
use jifen_protocol::Address;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::WalletError;
use crate::store::UnlockedWallet;
use crate::views::NetworkView;

/// A signed message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SignedMessageView {
    /// The signing address.
    pub address: String,
    /// The signature's text form (`docs/keys.md#message-signatures`).
    pub signature: String,
}

/// A signature that verified.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VerifiedMessageView {
    /// The address that signed.
    pub address: String,
    /// Its network.
    pub network: NetworkView,
}

/// Signs `message` with the key of receive address `index`.
///
/// # Errors
/// Derivation and signing errors.
pub fn sign(
    keys: &UnlockedWallet,
    index: u32,
    message: &str,
) -> Result<SignedMessageView, WalletError> {
    let signature = keys.sign_message(index, message.as_bytes())?;
    Ok(SignedMessageView {
        address: signature.public_key.address().encode(keys.network()),
        signature: signature.to_text(),
    })
}

/// Checks that `signature` is `address`'s signature of `message`.
///
/// # Errors
/// `address-*` for a bad address, `message-signature-*` for a signature
/// that is malformed, by another key, or over another message.
pub fn verify(
    address: &str,
    signature: &str,
    message: &str,
) -> Result<VerifiedMessageView, WalletError> {
    let (network, address) = Address::decode_any(address.trim())?;
    let signature = MessageSignature::from_text(signature.trim())?;
    signature.verify(message.as_bytes(), &address, network)?;
    Ok(VerifiedMessageView {
        address: address.encode(network),
        network: network.into(),
    })
}
