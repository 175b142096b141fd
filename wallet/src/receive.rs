//! Use cases: **show addresses** (receive or change chain) and **receive**
//! (one address to give to a payer). Public data: no password needed.

use jifen_crypto::hd::Chain;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::WalletError;
use crate::store::WalletHandle;
use crate::wallets::WalletFacts;

/// Most addresses one listing derives.
pub const MAX_ADDRESSES: u32 = 1000;

/// Which chain of the account an address is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum AddressChain {
    /// Addresses given to payers (`.../0/i`).
    Receive,
    /// Addresses for change (`.../1/i`).
    Change,
}

impl From<AddressChain> for Chain {
    fn from(chain: AddressChain) -> Self {
        match chain {
            AddressChain::Receive => Chain::Receive,
            AddressChain::Change => Chain::Change,
        }
    }
}

/// One address of the wallet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AddressView {
    /// Its chain.
    pub chain: AddressChain,
    /// Its index on that chain.
    pub index: u32,
    /// The BIP32 path (`m/44'/19014'/0'/0/3`).
    pub path: String,
    /// The address.
    pub address: String,
}

/// `count` addresses of `chain` from `start` (at most [`MAX_ADDRESSES`]).
///
/// # Errors
/// Derivation errors; [`WalletError::BadMeta`] for a damaged record.
pub fn addresses(
    handle: &WalletHandle,
    chain: AddressChain,
    start: u32,
    count: u32,
) -> Result<Vec<AddressView>, WalletError> {
    let network = handle.network()?;
    let account = handle.account()?;
    let chain_number = match chain {
        AddressChain::Receive => 0,
        AddressChain::Change => 1,
    };
    handle
        .addresses(chain.into(), start, count.min(MAX_ADDRESSES))?
        .into_iter()
        .map(|(index, address)| {
            Ok(AddressView {
                chain,
                index,
                path: format!("{}/{chain_number}/{index}", account.path()),
                address: address.encode(network),
            })
        })
        .collect()
}

/// Receive address `index`.
///
/// # Errors
/// As [`addresses`].
pub fn receive_address(handle: &WalletHandle, index: u32) -> Result<AddressView, WalletError> {
    addresses(handle, AddressChain::Receive, index, 1)?
        .pop()
        .ok_or(WalletError::BadMeta {
            detail: "no address at this index",
        })
}

/// Receive address `index` itself (for the chain use cases).
///
/// # Errors
/// Derivation errors; [`WalletError::BadMeta`] for a damaged record.
pub fn address_at(
    handle: &WalletHandle,
    index: u32,
) -> Result<jifen_protocol::Address, WalletError> {
    Ok(handle.account()?.address(Chain::Receive, index)?)
}

/// Receive address `index` of an open wallet, from its public facts.
///
/// # Errors
/// A derivation error for an index out of range.
pub fn view_of(facts: &WalletFacts, index: u32) -> Result<AddressView, WalletError> {
    Ok(AddressView {
        chain: AddressChain::Receive,
        index,
        path: format!("{}/0/{index}", facts.account.path()),
        address: facts.address(index)?.encode(facts.network),
    })
}
