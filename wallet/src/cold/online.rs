//! The online side: pairing as watch-only, making requests, and accepting
//! only the signature that answers a pending request and verifies against the
//! paired key for that exact transaction.

use std::time::{SystemTime, UNIX_EPOCH};

use jifen_crypto::hd::Chain;
use jifen_protocol::{Transaction, UnsignedTransaction};
use jifen_qr::{AccountExport, SignRequest, SignatureResponse};

use crate::cold::error::ColdError;
use crate::cold::pending::{PendingRequest, PendingStore};
use crate::cold::signer::{account_path, address_in_account};
use crate::record::{WalletMeta, WatchOnlyRecord};
use crate::store::{WalletHandle, WalletStore};
use crate::wallets::WalletFacts;

const HARDENED: u32 = 0x8000_0000;

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Imports a cold device's account export as the watch-only wallet `name`.
///
/// # Errors
/// [`ColdError::BadAccountPath`] unless the path is `m/44'/19014'/N'`; the
/// key's own errors (wrong network prefix, depth); the store's errors
/// (invalid name, already exists).
pub fn pair_import(
    store: &WalletStore,
    name: &str,
    export: &AccountExport,
) -> Result<WalletHandle, ColdError> {
    let account = match export.path.components() {
        [_, _, account] if account & HARDENED != 0 => account & !HARDENED,
        _ => {
            return Err(ColdError::BadAccountPath {
                path: export.path.to_string(),
            });
        }
    };
    if account_path(account)? != export.path {
        return Err(ColdError::BadAccountPath {
            path: export.path.to_string(),
        });
    }
    let meta = WalletMeta {
        format: 1,
        network: export.network.to_string(),
        account,
        master_fingerprint: hex::encode(export.master_fingerprint),
        account_xpub: export.xpub.clone(),
        created_at: now_secs(),
    };
    let record = WatchOnlyRecord::new(
        meta,
        export.chain_id.as_ref().map(|c| c.as_str().to_owned()),
        export.app_version.clone(),
        export.max_fragment_len,
    );
    Ok(store.create_watch_only(name, &record)?)
}

/// A sign request for `unsigned`, sent by address `index` of `chain` of the
/// wallet `facts`, with a fresh random id.
///
/// # Errors
/// [`ColdError::SenderNotInWallet`] unless the transaction's sender and key
/// are that address's; [`ColdError::WrongChain`] if the wallet was paired for
/// another chain; [`ColdError::Randomness`].
pub fn build_request(
    facts: &WalletFacts,
    chain: Chain,
    index: u32,
    unsigned: UnsignedTransaction,
    origin: Option<String>,
) -> Result<SignRequest, ColdError> {
    if let Some(paired) = &facts.paired_chain
        && paired != &unsigned.chain_id
    {
        return Err(ColdError::WrongChain {
            paired: paired.as_str().to_owned(),
            got: unsigned.chain_id.as_str().to_owned(),
        });
    }
    let network = facts.network;
    let account = &facts.account;
    let key = account.public_key(chain, index)?;
    if key != unsigned.sender_public_key || key.address() != unsigned.sender {
        return Err(ColdError::SenderNotInWallet {
            address: unsigned.sender.encode(network),
            index,
        });
    }
    let mut components = account_path(account.account())?.components().to_vec();
    components.push(match chain {
        Chain::Receive => 0,
        Chain::Change => 1,
    });
    components.push(index);
    let path = jifen_qr::DerivationPath::new(components)?;
    SignRequest::new(unsigned, path, origin).map_err(|_| ColdError::Randomness)
}

/// Builds a request (as [`build_request`]) and keeps it pending.
///
/// # Errors
/// As [`build_request`], or [`ColdError::Storage`].
pub fn start_request(
    pending: &PendingStore,
    facts: &WalletFacts,
    chain: Chain,
    index: u32,
    unsigned: UnsignedTransaction,
    origin: Option<String>,
) -> Result<(SignRequest, PendingRequest), ColdError> {
    let request = build_request(facts, chain, index, unsigned, origin)?;
    let record = PendingRequest::new(&facts.name, &request, now_secs());
    pending.save(&record)?;
    Ok((request, record))
}

/// Builds a request (as [`build_request`]) carrying `context` (the online
/// wallet's claims the device shows) and keeps it pending.
///
/// # Errors
/// As [`start_request`].
pub fn start_request_with_context(
    pending: &PendingStore,
    facts: &WalletFacts,
    index: u32,
    unsigned: UnsignedTransaction,
    origin: Option<String>,
    context: Option<jifen_qr::SignContext>,
) -> Result<(SignRequest, PendingRequest), ColdError> {
    let mut request = build_request(facts, Chain::Receive, index, unsigned, origin)?;
    request.context = context.map(Box::new);
    let record = PendingRequest::new(&facts.name, &request, now_secs());
    pending.save(&record)?;
    Ok((request, record))
}

/// Accepts the cold device's answer: it must name a request pending for
/// the wallet `facts`, and its signature must verify against the paired key at the
/// request's path for that exact transaction. The signed transaction is
/// recorded with the request (ready to broadcast) and returned.
///
/// # Errors
/// [`ColdError::UnknownRequest`] for an answer to no pending request of this
/// wallet, [`ColdError::BadSignature`] for a signature by another key or over
/// another transaction, [`ColdError::Storage`] / [`ColdError::CorruptRecord`].
pub fn accept_signature(
    pending: &PendingStore,
    facts: &WalletFacts,
    response: &SignatureResponse,
) -> Result<Transaction, ColdError> {
    let id = response.request_id;
    let unknown = || ColdError::UnknownRequest { id: id.to_string() };
    let record = pending.load(&id)?.ok_or_else(unknown)?;
    if record.wallet != facts.name || pending.wallet() != facts.name {
        return Err(unknown());
    }
    let request = record.request()?;
    let account = &facts.account;
    let (chain, index) =
        address_in_account(&request.path, account.account()).ok_or_else(unknown)?;
    // The paired key, derived here: not the key the request carries.
    let paired_key = account.public_key(chain, index)?;
    let bad = || ColdError::BadSignature { id: id.to_string() };
    if paired_key != request.transaction.sender_public_key {
        return Err(bad());
    }
    paired_key
        .verify_prehash(&request.transaction.signing_digest(), &response.signature)
        .map_err(|_| bad())?;
    let transaction = request.transaction.with_signature(response.signature);
    transaction.verify_signature().map_err(|_| bad())?;
    // Under the folder's lock, from the record on disk: a discard by
    // another process meanwhile wins.
    pending.mark_signed(&id, &transaction)?;
    Ok(transaction)
}
