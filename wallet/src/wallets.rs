//! Use cases: **list the wallets** and **show one** (no password needed:
//! only public facts are read).

use jifen_crypto::hd::{AccountXpub, Chain};
use jifen_crypto::keystore::KdfParams;
use jifen_protocol::{Address, ChainId, Network, PublicKey};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::WalletError;
use crate::store::{WalletHandle, WalletStore};
use crate::views::{ErrorView, NetworkView};

/// Argon2id parameters of a wallet's password, as a person reads them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct KdfView {
    /// Memory in MiB.
    pub memory_mib: u32,
    /// Passes.
    pub passes: u32,
    /// Lanes.
    pub lanes: u32,
    /// How long one derivation took when the parameters were calibrated on
    /// this device, if that just happened.
    pub millis: Option<u64>,
}

impl KdfView {
    /// The view of `params`, measured at `millis` if known.
    #[must_use]
    pub fn of(params: KdfParams, millis: Option<u64>) -> Self {
        Self {
            memory_mib: params.m_cost_kib / 1024,
            passes: params.t_cost,
            lanes: params.p_cost,
            millis,
        }
    }
}

/// One wallet, as every screen and `--json` output shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WalletView {
    /// File name.
    pub name: String,
    /// The network of its addresses.
    pub network: NetworkView,
    /// First receive address.
    pub address: String,
    /// Whether the backup of the words was checked.
    pub backup_verified: bool,
    /// Whether the OS keyring can open it too.
    pub has_keyring_slot: bool,
    /// Password parameters (none for a watch-only wallet).
    pub kdf: Option<KdfView>,
    /// Watch-only: its keys are on a paired cold device.
    pub watch_only: bool,
    /// The chain the cold device was paired for (watch-only wallets).
    pub paired_chain: Option<String>,
}

/// The view of an opened wallet.
///
/// # Errors
/// [`WalletError::BadMeta`] or a derivation error for a damaged record.
pub fn view(handle: &WalletHandle) -> Result<WalletView, WalletError> {
    let network = handle.network()?;
    Ok(WalletView {
        name: handle.name().to_owned(),
        network: network.into(),
        address: handle
            .account()?
            .address(Chain::Receive, 0)?
            .encode(network),
        backup_verified: handle.backup_verified(),
        has_keyring_slot: handle.has_keyring_slot(),
        kdf: handle.kdf_params().map(|p| KdfView::of(p, None)),
        watch_only: handle.is_watch_only(),
        paired_chain: handle.watch_only_record().and_then(|r| r.chain_id.clone()),
    })
}

/// The public facts of an open wallet: what the chain use cases need (its
/// network, account key, pairing), with no secret. Cheap to clone, so a
/// front end can read balances or prepare sends without touching the thread
/// that holds the keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WalletFacts {
    /// File name.
    pub name: String,
    /// Network of its addresses.
    pub network: Network,
    /// The account's public key.
    pub account: AccountXpub,
    /// Watch-only: its keys are on a paired cold device.
    pub watch_only: bool,
    /// The chain its cold device was paired for (watch-only wallets).
    pub paired_chain: Option<ChainId>,
    /// The longest QR fragment its cold device reads (watch-only wallets).
    pub max_fragment_read: Option<u16>,
}

impl WalletFacts {
    /// The facts of an opened wallet.
    ///
    /// # Errors
    /// [`WalletError::BadMeta`] or a derivation error for a damaged record.
    pub fn of(handle: &WalletHandle) -> Result<Self, WalletError> {
        let record = handle.watch_only_record();
        let paired_chain = match record.and_then(|r| r.chain_id.as_deref()) {
            Some(text) => Some(ChainId::new(text).map_err(|_| WalletError::BadMeta {
                detail: "bad paired chain id",
            })?),
            None => None,
        };
        Ok(Self {
            name: handle.name().to_owned(),
            network: handle.network()?,
            account: handle.account()?,
            watch_only: handle.is_watch_only(),
            paired_chain,
            max_fragment_read: record.map(|r| r.max_fragment_len),
        })
    }

    /// Receive address `index`.
    ///
    /// # Errors
    /// A derivation error for an index out of range.
    pub fn address(&self, index: u32) -> Result<Address, WalletError> {
        Ok(self.account.address(Chain::Receive, index)?)
    }

    /// The public key of receive address `index`.
    ///
    /// # Errors
    /// A derivation error for an index out of range.
    pub fn public_key(&self, index: u32) -> Result<PublicKey, WalletError> {
        Ok(self.account.public_key(Chain::Receive, index)?)
    }
}

/// One row of the wallet list: the wallet, or why its file cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WalletRow {
    /// File name.
    pub name: String,
    /// The wallet, when its file reads.
    pub wallet: Option<WalletView>,
    /// Why it does not.
    pub error: Option<ErrorView>,
}

/// Every wallet in the directory, sorted by name; a damaged file is listed
/// with its error, not hidden.
///
/// # Errors
/// [`WalletError::Directory`] if the directory cannot be read.
pub fn list(store: &WalletStore) -> Result<Vec<WalletRow>, WalletError> {
    Ok(store
        .names()?
        .into_iter()
        .map(|name| match store.open(&name).and_then(|h| view(&h)) {
            Ok(wallet) => WalletRow {
                name,
                wallet: Some(wallet),
                error: None,
            },
            Err(error) => WalletRow {
                name,
                wallet: None,
                error: Some(ErrorView::of(&error)),
            },
        })
        .collect())
}
