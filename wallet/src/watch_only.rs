//! Use case: **export the account for watching** (the account's extended
//! public key, for a watch-only wallet in other software). For pairing with
//! this project's own online wallet, see [`crate::cold`].

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::WalletError;
use crate::store::WalletHandle;
use crate::views::NetworkView;

/// The account's public half.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WatchOnlyExportView {
    /// The network.
    pub network: NetworkView,
    /// The account's BIP32 path.
    pub path: String,
    /// The BIP32 master key fingerprint (hex).
    pub master_fingerprint: String,
    /// The account's extended public key (`xpub`/`tpub`).
    pub xpub: String,
}

/// The account's extended public key and where it comes from.
///
/// # Errors
/// [`WalletError::BadMeta`] or a derivation error for a damaged record.
pub fn export(handle: &WalletHandle) -> Result<WatchOnlyExportView, WalletError> {
    let network = handle.network()?;
    let account = handle.account()?;
    Ok(WatchOnlyExportView {
        network: network.into(),
        path: account.path(),
        master_fingerprint: hex::encode(account.master_fingerprint()),
        xpub: account.to_string_for(network),
    })
}
