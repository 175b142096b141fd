//! Use cases of the **online wallet paired with a cold device** (a
//! watch-only wallet): **import the pairing**, **make a sign request** for a
//! send or a prepared points action, **accept the signature** that answers it, **broadcast and prove**
//! it, **list the pending requests** with their state on chain, and
//! **discard** one that will never be signed.

use std::time::Duration;

use jifen_crypto::hd::Chain;
use jifen_protocol::{ChainId, Encode};
use jifen_qr::{EncoderSettings, FragmentSize, Payload, RequestId, UrType};

use crate::action::PreparedAction;
use crate::chain::{ChainError, ChainReader, ChainSession};
use crate::cold::error::ColdError;
use crate::cold::fingerprint::RequestFingerprint;
use crate::cold::online::{
    accept_signature, pair_import, start_request, start_request_with_context,
};
use crate::cold::pending::{PendingStore, parse_request_id};
use crate::cold::transport::{self, InputEvent, QrInput, qr_code_frames};
use crate::cold::views::{
    AcceptedView, ActionSignRequestView, DiscardedView, PendingState, PendingView, SignRequestView,
};
use crate::context::WalletContext;
use crate::jobs::CancelToken;
use crate::open::OpenWallet;
use crate::points::PointsFlowError;
use crate::send::{self, SendProgress, SendReceipt, SendRequest};
use crate::views::ErrorView;
use crate::wallets::WalletFacts;

/// What a paired device whose record names no fragment size reads.
pub const DEFAULT_FRAGMENT_READ: u16 = 200;

/// Imports a cold device's account export read from `inputs` as the
/// watch-only wallet `name`, and opens it.
///
/// # Errors
/// Name errors, `cold-qr-incomplete`, `qr-wrong-type`, `qr-*`,
/// `cold-bad-account-path`, key errors.
pub fn import_pairing(
    ctx: &WalletContext,
    name: &str,
    inputs: &[QrInput],
    on_input: &mut dyn FnMut(&InputEvent),
) -> Result<OpenWallet, ColdError> {
    crate::store::validate_name(name)?;
    let export = transport::receive(UrType::Account, inputs, on_input)?.into_account()?;
    let handle = pair_import(&ctx.store(), name, &export)?;
    Ok(OpenWallet::from_handle(handle))
}

/// The chain a watch-only wallet was paired for, else its network's default.
///
/// # Errors
/// Never for a valid network; typed for symmetry.
pub fn paired_chain(facts: &WalletFacts) -> Result<ChainId, ColdError> {
    match &facts.paired_chain {
        Some(chain) => Ok(chain.clone()),
        None => Ok(crate::chain::settings::default_chain_id(facts.network)?),
    }
}

/// Refuses a chain session for another chain than the wallet was paired for.
fn check_paired_chain(facts: &WalletFacts, serving: &ChainId) -> Result<(), ColdError> {
    let paired = paired_chain(facts)?;
    if &paired == serving {
        Ok(())
    } else {
        Err(ColdError::WrongChain {
            paired: paired.as_str().to_owned(),
            got: serving.as_str().to_owned(),
        })
    }
}

/// Where a sign request's nonce comes from.
#[derive(Clone, Copy, Debug)]
pub enum NonceSource<'a> {
    /// The sender's proven next nonce (and the balance is checked).
    Proven(&'a ChainReader),
    /// A nonce the person gives, with no network (the balance is not
    /// checked; the review says so).
    Given(u64),
}

/// Makes a sign request for `request` from a watch-only wallet, keeps it
/// pending, and returns it as a code cut to what the cold device reads
/// (`fragment`, else what it announced when paired), of one loop of frames
/// unless `frames` says how many.
///
/// # Errors
/// `wallet-not-watch-only`, `cold-wrong-chain`, the errors of
/// [`send::prepare`], `cold-storage-io`, `qr-*`.
pub fn make_request(
    ctx: &WalletContext,
    facts: &WalletFacts,
    request: &SendRequest,
    nonce: NonceSource<'_>,
    fragment: Option<FragmentSize>,
    frames: Option<usize>,
) -> Result<SignRequestView, ColdError> {
    if !facts.watch_only {
        return Err(crate::error::WalletError::NotWatchOnly {
            name: facts.name.clone(),
        }
        .into());
    }
    let prepared = match nonce {
        NonceSource::Proven(reader) => {
            check_paired_chain(facts, reader.settings().chain_id())?;
            send::prepare(reader, facts, request)?
        }
        NonceSource::Given(nonce) => {
            send::prepare_offline(facts, request, paired_chain(facts)?, nonce)?
        }
    };
    let pending = PendingStore::new(&ctx.store(), &facts.name);
    let (sign_request, _) = start_request(
        &pending,
        facts,
        Chain::Receive,
        prepared.from_index(),
        prepared.unsigned().clone(),
        Some(ctx.front_end.origin()),
    )?;
    let settings = encoder_settings(facts, fragment);
    Ok(SignRequestView {
        request_id: sign_request.request_id.to_string(),
        fingerprint: RequestFingerprint::of(&sign_request).to_string(),
        review: prepared.review().clone(),
        qr: qr_code_frames(&Payload::SignRequest(sign_request), settings, frames)?,
    })
}

/// Makes a sign request for a prepared points action (from
/// [`crate::swap::quote()`], [`crate::pay`], [`crate::withdraw`] or
/// [`crate::merchant_admin`]) of a watch-only wallet: its unsigned
/// transaction plus the context the cold device shows as the online
/// wallet's claims ([`crate::cold::context::context_of`]). A quote must
/// still be confirmable now (5 s left); its deadline height bounds it on
/// chain. Kept pending and returned as a code, as [`make_request`].
///
/// # Errors
/// `wallet-not-watch-only`, `cold-wrong-chain`, `points-quote-expiring`,
/// `cold-sender-not-in-wallet`, `cold-storage-io`, `qr-*`.
pub fn make_action_request(
    ctx: &WalletContext,
    facts: &WalletFacts,
    prepared: &PreparedAction,
    fragment: Option<FragmentSize>,
    frames: Option<usize>,
) -> Result<ActionSignRequestView, ColdError> {
    if !facts.watch_only {
        return Err(crate::error::WalletError::NotWatchOnly {
            name: facts.name.clone(),
        }
        .into());
    }
    check_paired_chain(facts, &prepared.unsigned().chain_id)?;
    prepared.check_confirmable(crate::action::now_ms())?;
    let context = crate::cold::context::context_of(prepared.review())?;
    let pending = PendingStore::new(&ctx.store(), &facts.name);
    let (sign_request, _) = start_request_with_context(
        &pending,
        facts,
        prepared.from_index(),
        prepared.unsigned().clone(),
        Some(ctx.front_end.origin()),
        context,
    )?;
    Ok(ActionSignRequestView {
        request_id: sign_request.request_id.to_string(),
        fingerprint: RequestFingerprint::of(&sign_request).to_string(),
        review: prepared.review().clone(),
        qr: qr_code_frames(
            &Payload::SignRequest(sign_request),
            encoder_settings(facts, fragment),
            frames,
        )?,
    })
}

fn encoder_settings(facts: &WalletFacts, fragment: Option<FragmentSize>) -> EncoderSettings {
    EncoderSettings {
        fragment_size: fragment.unwrap_or_else(|| {
            FragmentSize::largest_within(facts.max_fragment_read.unwrap_or(DEFAULT_FRAGMENT_READ))
        }),
        ..EncoderSettings::default()
    }
}

/// Accepts the cold device's answer read from `inputs`: only the answer to
/// a request pending in this wallet whose signature verifies against the
/// paired key for that exact transaction. The signed transaction is kept
/// with the request, ready to broadcast.
///
/// # Errors
/// `cold-qr-incomplete`, `qr-wrong-type`, `cold-unknown-request`,
/// `cold-bad-signature`, `cold-storage-io`.
pub fn accept(
    ctx: &WalletContext,
    facts: &WalletFacts,
    inputs: &[QrInput],
    on_input: &mut dyn FnMut(&InputEvent),
) -> Result<(AcceptedView, RequestId), ColdError> {
    let response = transport::receive(UrType::Signature, inputs, on_input)?.into_signature()?;
    let pending = PendingStore::new(&ctx.store(), &facts.name);
    let tx = accept_signature(&pending, facts, &response)?;
    Ok((
        AcceptedView {
            request_id: response.request_id.to_string(),
            tx_id: tx.id().to_string(),
            transaction: hex::encode(tx.encode()),
        },
        response.request_id,
    ))
}

/// The pending request to broadcast: `id` if given, else the only one that
/// is signed.
///
/// # Errors
/// `cold-bad-request-id`, `cold-request-not-chosen` (none or several are
/// signed), `cold-storage-io`.
pub fn signed_request(
    ctx: &WalletContext,
    facts: &WalletFacts,
    id: Option<&str>,
) -> Result<RequestId, ColdError> {
    if let Some(text) = id {
        return parse_request_id(text);
    }
    let pending = PendingStore::new(&ctx.store(), &facts.name);
    let signed: Vec<_> = pending
        .entries()?
        .into_iter()
        .filter_map(|(_, record)| record.ok())
        .filter(|p| p.signed_transaction.is_some())
        .collect();
    match signed.as_slice() {
        [only] => parse_request_id(&only.request_id),
        _ => Err(ColdError::RequestNotChosen {
            signed: signed.len(),
        }),
    }
}

/// Broadcasts the signed transaction of pending request `id`, waits until
/// its inclusion and result are proven, proves the sender's new balance, and
/// forgets the request. A request whose transaction was included but failed,
/// or whose nonce another transaction took, is forgotten too (it can never
/// be included); one that was only not yet proven stays.
///
/// # Errors
/// `cold-unknown-request`, `cold-not-signed`, `cold-wrong-chain`, and the
/// errors of [`send::broadcast_and_prove`].
pub fn broadcast(
    ctx: &WalletContext,
    session: &mut ChainSession,
    facts: &WalletFacts,
    id: &RequestId,
    timeout: Duration,
    on_event: &mut dyn FnMut(SendProgress),
    cancel: &CancelToken,
) -> Result<SendReceipt, ColdError> {
    let pending = PendingStore::new(&ctx.store(), &facts.name);
    let record = pending
        .load(id)?
        .ok_or_else(|| ColdError::UnknownRequest { id: id.to_string() })?;
    let tx = record
        .signed()?
        .ok_or_else(|| ColdError::NotSigned { id: id.to_string() })?;
    check_paired_chain(facts, session.settings().chain_id())?;
    let sender = tx.unsigned.sender;
    match send::broadcast_and_prove(session, &tx, &sender, timeout, on_event, cancel) {
        Ok(receipt) => {
            // Included and proven: the request is done.
            pending.remove(id)?;
            Ok(receipt)
        }
        Err(error @ (ChainError::TxFailed { .. } | ChainError::NonceUsed { .. })) => {
            pending.remove(id)?;
            Err(error.into())
        }
        Err(error) => Err(error.into()),
    }
}

/// Broadcasts the signed swap of pending request `id` (made with
/// [`make_action_request`] from `review`), proves its receipt with
/// [`crate::swap::prove_swap`] (received exactly as quoted or not), and
/// forgets the request as [`broadcast`] does.
///
/// # Errors
/// `cold-unknown-request`, `cold-not-signed`, `cold-wrong-chain`, and the
/// errors of [`crate::swap::prove_swap`].
#[allow(clippy::too_many_arguments)]
pub fn broadcast_swap(
    ctx: &WalletContext,
    session: &mut ChainSession,
    facts: &WalletFacts,
    id: &RequestId,
    review: &crate::swap::SwapReview,
    timeout: Duration,
    on_event: &mut dyn FnMut(SendProgress),
    cancel: &CancelToken,
) -> Result<crate::swap::SwapReceipt, ColdError> {
    let pending = PendingStore::new(&ctx.store(), &facts.name);
    let record = pending
        .load(id)?
        .ok_or_else(|| ColdError::UnknownRequest { id: id.to_string() })?;
    let tx = record
        .signed()?
        .ok_or_else(|| ColdError::NotSigned { id: id.to_string() })?;
    check_paired_chain(facts, session.settings().chain_id())?;
    match crate::swap::prove_swap(session, &tx, review, timeout, on_event, cancel) {
        Ok(receipt) => {
            pending.remove(id)?;
            Ok(receipt)
        }
        Err(
            error @ PointsFlowError::Chain(
                ChainError::TxFailed { .. } | ChainError::NonceUsed { .. },
            ),
        ) => {
            pending.remove(id)?;
            Err(error.into())
        }
        Err(error) => Err(error.into()),
    }
}

/// The pending requests of a watch-only wallet, oldest first. A damaged
/// record is listed with its error (it can be discarded) instead of hiding
/// the others. With a reader, each says whether its nonce is already used
/// on chain (one proof per sender; a failed proof leaves it unknown).
///
/// # Errors
/// `cold-storage-io` when the folder cannot be read.
pub fn pending(
    ctx: &WalletContext,
    facts: &WalletFacts,
    reader: Option<&ChainReader>,
) -> Result<Vec<PendingView>, ColdError> {
    let store = PendingStore::new(&ctx.store(), &facts.name);
    let mut proven: Vec<(jifen_protocol::Address, Option<u64>)> = Vec::new();
    let mut views = Vec::new();
    for (id, record) in store.entries()? {
        let parsed = record.and_then(|record| Ok((record.request()?, record)));
        let (request, record) = match parsed {
            Ok(pair) => pair,
            Err(error) => {
                views.push(PendingView {
                    request_id: id,
                    fingerprint: None,
                    state: None,
                    created_at: 0,
                    nonce: None,
                    superseded: None,
                    error: Some(ErrorView::of(&error)),
                });
                continue;
            }
        };
        let sender = request.transaction.sender;
        let superseded = match reader {
            None => None,
            Some(reader) => {
                let next = match proven.iter().find(|(a, _)| *a == sender) {
                    Some((_, next)) => *next,
                    None => {
                        let next = reader.next_nonce(&sender).ok().map(|p| p.value);
                        proven.push((sender, next));
                        next
                    }
                };
                next.map(|n| request.transaction.nonce < n)
            }
        };
        views.push(PendingView {
            fingerprint: Some(RequestFingerprint::of(&request).to_string()),
            state: Some(if record.signed_transaction.is_some() {
                PendingState::Signed
            } else {
                PendingState::Waiting
            }),
            created_at: record.created_at,
            nonce: Some(request.transaction.nonce),
            superseded,
            error: None,
            request_id: record.request_id,
        });
    }
    Ok(views)
}

/// Discards pending request `id` (typed or shown; hyphens optional), one
/// that will never be signed; a signature for it is refused afterwards.
///
/// # Errors
/// `cold-bad-request-id`, `cold-unknown-request`, `cold-storage-io`.
pub fn discard(
    ctx: &WalletContext,
    facts: &WalletFacts,
    id: &str,
) -> Result<DiscardedView, ColdError> {
    let id = parse_request_id(id)?;
    let store = PendingStore::new(&ctx.store(), &facts.name);
    match store.discard(&id) {
        Ok(record) => Ok(DiscardedView {
            fingerprint: record.fingerprint().ok().map(|f| f.to_string()),
            request_id: record.request_id,
        }),
        // A damaged record is discarded too; it just has no fingerprint.
        Err(ColdError::CorruptRecord { .. }) => {
            store.remove(&id)?;
            Ok(DiscardedView {
                request_id: id.to_string(),
                fingerprint: None,
            })
        }
        Err(error) => Err(error),
    }
}

/// Writes each frame of a code as a PNG file in `dir` (`<stem>-0001.png`...,
/// or `<stem>.png` for one frame), replacing older frames of that stem.
///
/// # Errors
/// `qr-*` encoding errors, `cold-storage-io`.
pub fn save_frames(
    dir: &std::path::Path,
    stem: &str,
    parts: &[String],
    module_px: u32,
) -> Result<Vec<std::path::PathBuf>, ColdError> {
    let frames = parts
        .iter()
        .map(|part| Ok(jifen_qr::QrSymbol::for_ur(part)?.to_png(module_px)?))
        .collect::<Result<Vec<_>, ColdError>>()?;
    transport::write_frames(dir, stem, &frames)
}
