//! The provenance commands (issue 14, `docs/adr/0020-provenance.md`): a
//! product tag parsed; looked up and checked on the chain worker (job
//! `audit`, its progress on a channel), the last lookup's proof kept to
//! export as an audit bundle; and a merchant's two actions: receiving goods
//! (a record on the provenance subchain: prepared on the chain worker, kept
//! by the engine while the person reviews it, signed there by the wallet's
//! key only for the event hash the review showed, then submitted and proven
//! on the chain worker) and a sale (a main-chain transaction kept like every
//! points action and confirmed with `confirm_action`).

use std::sync::{Arc, Mutex, PoisonError};

use jifen_wallet::WalletError;
use jifen_wallet::chain::ChainError;
use jifen_wallet::provenance::bundle::{self, ProvenanceBundle};
use jifen_wallet::provenance::receiving::{self, PreparedRecord, RecordReview, SignedRecord};
use jifen_wallet::provenance::{sale, tag, trace};
use jifen_wallet::sync::JobKind;
use serde::Deserialize;
use tauri::State;
use tauri::ipc::Channel;
use ts_rs::TS;

use crate::api::{self, Command};
use crate::chain::ChainService;
use crate::commands::blocking;
use crate::engine::Engine;
use crate::error::{AppError, AppRefusal};
use crate::state::{Public, WalletState};

type Args<C> = <C as Command>::Args;
type Events<C> = Channel<<C as Command>::Event>;
type Out<C> = Result<<C as Command>::Output, AppError>;

/// A tag's text, as scanned, typed or pasted.
#[derive(Debug, Deserialize, TS)]
pub struct TagTextArgs {
    /// The text.
    pub text: String,
}

/// A tag to look up, and why.
#[derive(Debug, Deserialize, TS)]
pub struct TraceArgs {
    /// The tag (a GS1 Digital Link).
    pub tag: String,
    /// A consumer's inspection or a merchant's counter scan.
    pub purpose: jifen_wallet::provenance::views::TracePurpose,
}

/// The receiving record the person confirmed, by the event hash its review
/// showed.
#[derive(Debug, Deserialize, TS)]
pub struct ConfirmReceivingArgs {
    /// `RecordReview::event_hash`.
    pub event_hash: String,
}

/// The proof of the last lookup (managed state), to export on request.
#[derive(Debug, Default)]
pub struct LastTrace(Mutex<Option<ProvenanceBundle>>);

impl LastTrace {
    fn set(&self, bundle: ProvenanceBundle) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(bundle);
    }

    fn get(&self) -> Option<ProvenanceBundle> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl WalletState {
    /// Keeps a prepared receiving record (the previous one is dropped) while
    /// the person reviews it; returns what they review.
    ///
    /// # Errors
    /// `app-locked`.
    pub fn keep_record(&mut self, prepared: PreparedRecord) -> Result<RecordReview, AppError> {
        self.open_wallet()?;
        let review = prepared.review().clone();
        self.kept_record = Some(prepared);
        Ok(review)
    }

    /// Signs the kept receiving record if `event_hash` is the one the person
    /// reviewed; it is used up when signed.
    ///
    /// # Errors
    /// `app-locked`, `app-watch-only-needs-request`, `chain-no-such-review`,
    /// `wallet-reauth-required` (kept: confirm with the password, then sign
    /// again), `chain-key-mismatch` and signing errors.
    pub fn sign_record(&mut self, event_hash: &str) -> Result<SignedRecord, AppError> {
        let prepared = match self.kept_record.take() {
            Some(kept) if kept.review().event_hash == event_hash => kept,
            other => {
                self.kept_record = other;
                return Err(ChainError::NoSuchReview.into());
            }
        };
        let signed = self.sign_with_keys(&prepared);
        if signed.is_err() {
            // Kept: after the password again (or another refusal) it is the same review.
            self.kept_record = Some(prepared);
        }
        signed
    }

    fn sign_with_keys(&mut self, prepared: &PreparedRecord) -> Result<SignedRecord, AppError> {
        let open = self.open_wallet()?;
        if open.handle().is_watch_only() {
            return Err(AppRefusal::WatchOnlyNeedsRequest.into());
        }
        if open.needs_reauth() {
            return Err(WalletError::ReauthRequired.into());
        }
        Ok(prepared.sign(open.keys()?)?)
    }
}

/// A product tag's identifiers, or the specific reason it is not one.
#[tauri::command]
pub async fn parse_tag(args: Args<api::ParseTagCmd>) -> Out<api::ParseTagCmd> {
    blocking(move || Ok(tag::parse(&args.text)?)).await
}

/// Looks the tag's item up and checks every record, its anchor and sales
/// (job `audit`, progress on the channel); the proof is kept for
/// `export_trace_bundle`.
#[tauri::command]
pub async fn trace_tag(
    chain: State<'_, ChainService>,
    last: State<'_, LastTrace>,
    args: Args<api::TraceTagCmd>,
    on_progress: Events<api::TraceTagCmd>,
) -> Out<api::TraceTagCmd> {
    let traced = chain
        .job(JobKind::Audit, move |session, cancel| {
            trace::trace(
                session,
                &args.tag,
                args.purpose,
                &mut |progress| {
                    // A closed window only loses the progress messages.
                    let _ = on_progress.send(progress.clone());
                },
                cancel,
            )
            // The flow's error is large; it crosses as the view it becomes anyway.
            .map_err(AppError::from)
        })
        .await?;
    last.set(traced.bundle);
    Ok(traced.view)
}

/// Saves the last lookup's proof as an audit bundle under
/// `<data dir>/exports/` and returns its path.
#[tauri::command]
pub async fn export_trace_bundle(
    chain: State<'_, ChainService>,
    last: State<'_, LastTrace>,
) -> Out<api::ExportTraceBundleCmd> {
    let kept = last.get().ok_or(AppRefusal::NoTrace)?;
    let dir = chain.context().exports_dir();
    blocking(move || Ok(bundle::save(&kept, &dir)?.display().to_string())).await
}

/// Prepares a receiving record of the item for the open wallet's party
/// (checked registered, the item anchored and not sold; on the chain
/// worker, job `audit`) and keeps it on the engine for the person to confirm.
#[tauri::command]
pub async fn review_receiving(
    engine: State<'_, Engine>,
    public: State<'_, Arc<Public>>,
    chain: State<'_, ChainService>,
    args: Args<api::ReviewReceivingCmd>,
    on_progress: Events<api::ReviewReceivingCmd>,
) -> Out<api::ReviewReceivingCmd> {
    let facts = public.facts()?;
    let prepared = chain
        .job(JobKind::Audit, move |session, cancel| {
            receiving::prepare(
                session,
                &facts,
                &args,
                &mut |progress| {
                    let _ = on_progress.send(progress.clone());
                },
                cancel,
            )
            // The flow's error is large; it crosses as the view it becomes anyway.
            .map_err(AppError::from)
        })
        .await?;
    engine.call(move |s| s.keep_record(prepared)).await
}

/// Signs exactly the reviewed receiving record (on the engine), then submits
/// it and waits until it is proven in an audited subchain header (job
/// `send`).
#[tauri::command]
pub async fn confirm_receiving(
    engine: State<'_, Engine>,
    chain: State<'_, ChainService>,
    args: Args<api::ConfirmReceivingCmd>,
    on_progress: Events<api::ConfirmReceivingCmd>,
) -> Out<api::ConfirmReceivingCmd> {
    chain.check_online()?;
    let signed = engine
        .call(move |s| s.sign_record(&args.event_hash))
        .await?;
    chain
        .job(JobKind::Send, move |session, cancel| {
            receiving::submit_and_prove(
                session,
                &signed,
                &mut |progress| {
                    let _ = on_progress.send(progress.clone());
                },
                cancel,
            )
            // The flow's error is large; it crosses as the view it becomes anyway.
            .map_err(AppError::from)
        })
        .await
}

/// Prepares the sale of the item by the open wallet's retailer and keeps it
/// like a points action; `confirm_action` signs and proves it.
#[tauri::command]
pub async fn review_sale(
    engine: State<'_, Engine>,
    public: State<'_, Arc<Public>>,
    chain: State<'_, ChainService>,
    args: Args<api::ReviewSaleCmd>,
) -> Out<api::ReviewSaleCmd> {
    let facts = public.facts()?;
    let reader = chain.reader().await?;
    let prepared = blocking(move || Ok(sale::review(&reader, &facts, &args)?)).await?;
    engine.call(move |s| s.keep_action(prepared)).await
}
