//! Checking files with no network: audit bundles and fork evidence.
//!
//! Both need something the person already trusts. For a bundle that is a
//! root of trust: a checkpoint given for the check, else the network's
//! configured checkpoint, else the root of the local light store (the genesis
//! block this wallet took on first use and cross-checked). For evidence it
//! is a validator set: the one the local light store verified at (or just
//! below) the fork's height, after the store is re-verified from its root.

use std::path::Path;

use jifen_light_client::{
    AuditBundle, Checkpoint, Evidence, LightBlock, LightStore, Options, RedbStore, StoreAudit,
    VerifiedEvidence, verify_bundle, verify_evidence, verify_store,
};
use jifen_protocol::{Account, Address, ChainId, Decode, Hash32, ValidatorSet, account_key};

use super::error::ChainError;
use super::session::LIGHT_STORE_FILE;
use super::settings::ChainSettings;
use super::{check_store_file, file_error};

/// What an audit bundle proves, once checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleReport {
    /// The root of trust the bundle was checked from.
    pub root: Checkpoint,
    /// The last verified header: height.
    pub height: u64,
    /// Its block id.
    pub hash: Hash32,
    /// Its time (unix ms).
    pub time_ms: u64,
    /// Headers checked, root included.
    pub headers: usize,
    /// The proven account record, if the bundle carries a final proof:
    /// its state key and the account (zero when proven absent).
    pub account: Option<(Hash32, Account)>,
    /// The transaction a receipt bundle (`tx-inclusion`) proves in a
    /// block, with its result.
    pub inclusion: Option<jifen_light_client::Proven<jifen_light_client::TxInclusion>>,
    /// The network of the settings it was checked with (for addresses).
    pub network: jifen_protocol::Network,
}

/// Largest audit bundle or evidence file read (a bundle of a long sync holds
/// a few thousand ~8 KB light blocks).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a bundle or evidence file as text, refusing anything that is not a
/// regular file (without blocking on a FIFO or reading a device) or is
/// larger than [`MAX_FILE_BYTES`] before reading it
/// (`jifen_files::read_bounded`).
///
/// # Errors
/// `files-*` errors (`files-too-large`, `files-wrong-kind`, missing,
/// unreadable); [`ChainError::FileIo`] for text that is not UTF-8.
pub fn read_text(path: &Path) -> Result<String, ChainError> {
    let bytes = jifen_files::read_bounded(path, MAX_FILE_BYTES).map_err(file_error)?;
    String::from_utf8(bytes).map_err(|e| ChainError::FileIo {
        path: path.to_owned(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, e.utf8_error()),
    })
}

fn check_chain(settings: &ChainSettings, got: &ChainId) -> Result<(), ChainError> {
    if got == settings.chain_id() {
        Ok(())
    } else {
        Err(ChainError::ForeignChain {
            expected: settings.chain_id().as_str().to_owned(),
            got: got.as_str().to_owned(),
        })
    }
}

/// The local light store, if one was ever written (never creates one). Not
/// while a [`super::ChainSession`] of the same network is open in this
/// process (it holds the store): use its [`super::ChainSession::light_store`].
///
/// # Errors
/// Store errors (`lc-store-*`).
pub fn existing_store(
    data_dir: &Path,
    settings: &ChainSettings,
) -> Result<Option<RedbStore>, ChainError> {
    let path = ChainSettings::dir(data_dir, settings.network()).join(LIGHT_STORE_FILE);
    if path.symlink_metadata().is_err() {
        return Ok(None);
    }
    // A FIFO planted there would block redb's open; a check needs no write.
    check_store_file(&path, false)?;
    Ok(Some(RedbStore::open(&path)?))
}

/// The root of the local store: the configured checkpoint, else its lowest
/// block (genesis taken on first use).
fn store_root(
    store: &RedbStore,
    settings: &ChainSettings,
) -> Result<Option<Checkpoint>, ChainError> {
    if let Some(checkpoint) = settings.checkpoint() {
        return Ok(Some(checkpoint));
    }
    let Some(&lowest) = store.heights()?.first() else {
        return Ok(None);
    };
    Ok(store.get(lowest)?.map(|block| Checkpoint {
        height: block.height(),
        hash: block.hash(),
    }))
}

/// Checks an audit bundle's text against a root of trust: `anchor` if
/// given, else the local store's root (`store`: the configured checkpoint,
/// else the genesis block this wallet took on first use and cross-checked),
/// else the configured checkpoint. With `address`, the bundle must prove
/// that address's account.
///
/// # Errors
/// The bundle errors (`lc-bundle-*`), [`ChainError::ForeignChain`],
/// [`ChainError::NoTrustedHeader`] when no root of trust is known,
/// [`ChainError::BundleOtherAccount`], [`ChainError::BundleNotAccount`].
pub fn verify_bundle_text(
    store: Option<&RedbStore>,
    settings: &ChainSettings,
    text: &str,
    anchor: Option<Checkpoint>,
    address: Option<&Address>,
) -> Result<BundleReport, ChainError> {
    let bundle = AuditBundle::from_json(text)?;
    check_chain(settings, &bundle.root.header.chain_id)?;
    let root = match anchor {
        Some(anchor) => Some(anchor),
        None => match store {
            Some(store) => store_root(store, settings)?,
            None => settings.checkpoint(),
        },
    }
    .ok_or(ChainError::NoTrustedHeader {
        height: bundle.root.height(),
    })?;
    let verified = verify_bundle(&bundle, &root, &Options::default())?;
    let account = match verified.state {
        None => None,
        Some(state) => {
            if let Some(address) = address
                && state.key != account_key(address)
            {
                return Err(ChainError::BundleOtherAccount {
                    address: address.encode(settings.network()),
                });
            }
            let account = match &state.value {
                None => Account::default(),
                Some(bytes) => Account::decode(bytes).map_err(|_| ChainError::BundleNotAccount)?,
            };
            Some((state.key, account))
        }
    };
    Ok(BundleReport {
        root,
        height: verified.header.height,
        hash: verified.header.hash(),
        time_ms: verified.header.time_ms,
        headers: verified.heights.len(),
        account,
        inclusion: verified.inclusion,
        network: settings.network(),
    })
}

/// The validator set the local store trusts for `height`: the set of the
/// stored block at that height, else the next set of the block just below,
/// else the set of the nearest stored block below (trusted within the
/// trusting period, as skipping verification trusts it).
fn trusted_validators(store: &RedbStore, height: u64) -> Result<Option<ValidatorSet>, ChainError> {
    if let Some(block) = store.get(height)? {
        return Ok(Some(block.validators));
    }
    let below = store.heights()?.into_iter().rev().find(|&h| h < height);
    let Some(below) = below else {
        return Ok(None);
    };
    Ok(store.get(below)?.map(|block: LightBlock| {
        if below.checked_add(1) == Some(height) {
            block.next_validators
        } else {
            block.validators
        }
    }))
}

/// Checks fork evidence's text against the validators the local light store
/// verified (the whole store is re-verified from its root first: the block
/// below the fork is pinned, so pruning keeps it).
///
/// # Errors
/// The evidence errors (`lc-evidence-*`), [`ChainError::ForeignChain`],
/// store errors (`lc-store-*`), [`ChainError::NoTrustedHeader`] when there
/// is no store or it knows no validators at or below that height.
pub fn verify_evidence_text(
    store: Option<&RedbStore>,
    settings: &ChainSettings,
    text: &str,
) -> Result<VerifiedEvidence, ChainError> {
    let evidence = Evidence::from_json(text)?;
    check_chain(settings, &evidence.first.header.chain_id)?;
    let height = evidence.first.height();
    let no_header = || ChainError::NoTrustedHeader { height };
    let store = store.ok_or_else(no_header)?;
    let root = store_root(store, settings)?.ok_or_else(no_header)?;
    verify_store(store, &root, &Options::default())?.ok_or_else(no_header)?;
    let validators = trusted_validators(store, height)?.ok_or_else(no_header)?;
    Ok(verify_evidence(&evidence, &validators)?)
}

/// Re-verifies the local light store from its root of trust (the
/// configured checkpoint, else its own genesis block): every stored block,
/// its chain link and the pins (`None` for an empty store).
///
/// # Errors
/// Store errors (`lc-store-*`).
pub fn verify_light_store(
    store: &RedbStore,
    settings: &ChainSettings,
) -> Result<Option<StoreAudit>, ChainError> {
    let Some(root) = store_root(store, settings)? else {
        return Ok(None);
    };
    Ok(verify_store(store, &root, &Options::default())?)
}
