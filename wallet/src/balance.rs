//! Use case: **show a proven balance**: an account's POINT and next nonce,
//! checked against the verified header (never a node's word).

use jifen_light_client::Proven;
use jifen_protocol::{Account, Address, Network};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::chain::{ChainError, ChainReader};
use crate::views::{AmountView, ProvenAt};

/// An account's balance, proven.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BalanceView {
    /// The address.
    pub address: String,
    /// Its POINT.
    pub balance: AmountView,
    /// The nonce its next transaction carries.
    pub nonce: u64,
    /// The verified header it was proven against.
    pub proven: ProvenAt,
}

impl BalanceView {
    /// The view of a proven account.
    #[must_use]
    pub fn of(address: &Address, network: Network, account: &Proven<Account>) -> Self {
        Self {
            address: address.encode(network),
            balance: AmountView::points(account.value.balance),
            nonce: account.value.nonce,
            proven: ProvenAt::of(account),
        }
    }
}

/// `address`'s balance, proven at the trusted header (no sync: the reader
/// answers at once, also while a sync runs; before the first sync it says
/// `lc-no-trusted-state`).
///
/// # Errors
/// Light-client errors.
pub fn balance(reader: &ChainReader, address: &Address) -> Result<BalanceView, ChainError> {
    let account = reader.account(address)?;
    Ok(BalanceView::of(address, reader.network(), &account))
}
