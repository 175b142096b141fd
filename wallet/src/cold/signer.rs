//! The offline side: pairing export, the device's own checks of a request,
//! the review, and signing after an explicit confirmation.

use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use jifen_crypto::hd::{COIN_TYPE, Chain, MAX_INDEX, PURPOSE};
use jifen_crypto::signer::Signer;
use jifen_protocol::{ChainId, DecodeError};
use jifen_qr::{AccountExport, DerivationPath, PayloadError, SignRequest, SignatureResponse};
use serde::{Deserialize, Serialize};

use crate::cold::error::ColdError;
use crate::cold::pending::{cold_root, read_record, write_record};
use crate::cold::review::{Confirmation, Review};
use crate::error::WalletError;
use crate::store::{UnlockedWallet, WalletHandle, WalletStore};

const HARDENED: u32 = 0x8000_0000;

/// What the cold device remembers about its pairing:
/// `<wallets>/cold/pairings/<wallet>.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColdPairing {
    /// Layout version (1).
    pub format: u32,
    /// The chain this wallet signs for.
    pub chain_id: String,
    /// The account key exported (a later export for another key is refused
    /// at signing time by the address check anyway).
    pub account_xpub: String,
    /// When the export was made, seconds since the Unix epoch.
    pub paired_at: u64,
}

impl ColdPairing {
    /// The chain id, parsed.
    ///
    /// # Errors
    /// [`ColdError::CorruptRecord`] for an invalid chain id.
    pub fn chain_id(&self) -> Result<ChainId, ColdError> {
        ChainId::new(&self.chain_id).map_err(|e| ColdError::CorruptRecord {
            path: "pairing".to_owned(),
            detail: e.to_string(),
        })
    }
}

fn pairing_path(store: &WalletStore, wallet: &str) -> PathBuf {
    cold_root(store)
        .join("pairings")
        .join(format!("{wallet}.json"))
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Pairs the cold wallet `handle` for `chain_id`: records the pairing (a
/// later export replaces it) and returns the account export to show as a QR
/// code.
///
/// # Errors
/// [`WalletError::WatchOnly`] for a watch-only wallet (it has no key to sign
/// with), a damaged record, or `files-*` errors.
pub fn pair_export(
    store: &WalletStore,
    handle: &WalletHandle,
    chain_id: &ChainId,
    app_version: &str,
    max_fragment_len: u16,
) -> Result<AccountExport, ColdError> {
    if handle.is_watch_only() {
        return Err(WalletError::WatchOnly {
            name: handle.name().to_owned(),
        }
        .into());
    }
    let network = handle.network()?;
    let account = handle.account()?;
    let xpub = account.to_string_for(network);
    let path = account_path(account.account())?;
    let pairing = ColdPairing {
        format: 1,
        chain_id: chain_id.as_str().to_owned(),
        account_xpub: xpub.clone(),
        paired_at: now_secs(),
    };
    let bytes = serde_json::to_vec_pretty(&pairing).unwrap_or_default();
    write_record(
        &cold_root(store),
        &pairing_path(store, handle.name()),
        &bytes,
    )?;
    Ok(AccountExport {
        network,
        master_fingerprint: account.master_fingerprint(),
        path,
        xpub,
        app_version: app_version.to_owned(),
        max_fragment_len,
        chain_id: Some(chain_id.clone()),
    })
}

/// The pairing of the cold wallet `handle`.
///
/// # Errors
/// [`ColdError::NotPaired`] if it was never exported, or a damaged record.
pub fn load_pairing(store: &WalletStore, handle: &WalletHandle) -> Result<ColdPairing, ColdError> {
    let path = pairing_path(store, handle.name());
    read_record::<ColdPairing>(&path)?.ok_or_else(|| ColdError::NotPaired {
        wallet: handle.name().to_owned(),
    })
}

/// `m/44'/19014'/account'`.
pub(crate) fn account_path(account: u32) -> Result<DerivationPath, ColdError> {
    Ok(DerivationPath::new(vec![
        PURPOSE | HARDENED,
        COIN_TYPE | HARDENED,
        account | HARDENED,
    ])?)
}

/// The (chain, index) of a full address path inside account `account`, or
/// `None` when the path is elsewhere.
pub(crate) fn address_in_account(path: &DerivationPath, account: u32) -> Option<(Chain, u32)> {
    match path.components() {
        [purpose, coin, acct, chain, index]
            if *purpose == PURPOSE | HARDENED
                && *coin == COIN_TYPE | HARDENED
                && *acct == account | HARDENED
                && *index <= MAX_INDEX =>
        {
            let chain = match chain {
                0 => Chain::Receive,
                1 => Chain::Change,
                _ => return None,
            };
            Some((chain, *index))
        }
        _ => None,
    }
}

/// Maps a decoding failure of a request to the device's refusal: an unknown
/// transaction kind is [`ColdError::UnknownKind`], anything else keeps its
/// payload code.
#[must_use]
pub fn refusal_of(error: PayloadError) -> ColdError {
    match error {
        PayloadError::Transaction(DecodeError::UnknownTransactionKind { got, .. }) => {
            ColdError::UnknownKind { kind: got }
        }
        other => ColdError::Payload(other),
    }
}

/// The device's checks and the review of `request`, for the cold wallet
/// `handle` paired as `pairing`: the chain must be the paired one, the path
/// must be inside this wallet's account, and the address derived there must
/// be the request's signer. Nothing is signed here.
///
/// # Errors
/// [`ColdError::WrongChain`], [`ColdError::ForeignPath`],
/// [`ColdError::ForeignAddress`], [`ColdError::UnknownKind`],
/// [`WalletError::WatchOnly`], or a damaged wallet record.
pub fn review_request(
    handle: &WalletHandle,
    pairing: &ColdPairing,
    request: SignRequest,
) -> Result<Review, ColdError> {
    if handle.is_watch_only() {
        return Err(WalletError::WatchOnly {
            name: handle.name().to_owned(),
        }
        .into());
    }
    let paired = pairing.chain_id()?;
    if request.chain_id() != &paired {
        return Err(ColdError::WrongChain {
            paired: paired.as_str().to_owned(),
            got: request.chain_id().as_str().to_owned(),
        });
    }
    let network = handle.network()?;
    let account = handle.account()?;
    let (chain, index) = address_in_account(&request.path, account.account()).ok_or_else(|| {
        ColdError::ForeignPath {
            path: request.path.to_string(),
            account: account.path(),
        }
    })?;
    let own = account.address(chain, index)?;
    if &own != request.signer() {
        return Err(ColdError::ForeignAddress {
            expected: own.encode(network),
            got: request.signer().encode(network),
        });
    }
    Review::new(request, network)
}

/// Signs the reviewed request with `wallet`'s key at the request's path,
/// given a [`Confirmation`] of this very review.
///
/// # Errors
/// [`ColdError::ConfirmationMismatch`] for a confirmation of another review,
/// [`ColdError::ForeignPath`] / [`ColdError::ForeignAddress`] if the unlocked
/// wallet is not the one reviewed for, or a derivation/signing error.
pub fn sign_after_review(
    review: &Review,
    confirmation: Confirmation,
    wallet: &UnlockedWallet,
) -> Result<SignatureResponse, ColdError> {
    if confirmation.fingerprint() != review.fingerprint() {
        return Err(ColdError::ConfirmationMismatch);
    }
    let request = review.request();
    let account = wallet.account_xpub();
    let (chain, index) = address_in_account(&request.path, account.account()).ok_or_else(|| {
        ColdError::ForeignPath {
            path: request.path.to_string(),
            account: account.path(),
        }
    })?;
    let key = wallet.signing_key_at(chain, index)?;
    if &key.address() != request.signer() {
        return Err(ColdError::ForeignAddress {
            expected: key.address().encode(review.network()),
            got: request.signer().encode(review.network()),
        });
    }
    let signature = key
        .sign_digest(&request.transaction.signing_digest())
        .map_err(WalletError::from)?;
    Ok(request.answer(signature))
}
