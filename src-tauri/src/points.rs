//! The points commands (issue 12): proven holdings and merchants, the swap
//! quote, paying a payment request, asking to be paid, withdrawing to fiat
//! and a merchant's administration. Like a send, every transaction is made
//! in two stages: a review prepared against proven state (off the engine,
//! with the wallet's public facts and the chain reader) and kept by the
//! open wallet under its review id; then `confirm_action` signs exactly
//! that review on the engine (after the re-authentication window, the
//! password first; a quote with less than 5 s left is refused) and the
//! chain worker broadcasts it and proves its inclusion and receipt.

use std::sync::Arc;

use jifen_protocol::MerchantId;
use jifen_protocol::Transaction;
use jifen_wallet::action::{self, ActionReview, PreparedAction};
use jifen_wallet::audit;
use jifen_wallet::history;
use jifen_wallet::pay;
use jifen_wallet::points::{PointsFlowError, list, merchants};
use jifen_wallet::request_payment::{PaymentSeenView, PaymentWatch};
use jifen_wallet::send::INCLUSION_TIMEOUT;
use jifen_wallet::swap;
use jifen_wallet::sync::JobKind;
use jifen_wallet::{merchant_admin, request_payment, withdraw};
use serde::{Deserialize, Serialize};
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

/// A merchant by number, with how many rate versions to prove.
#[derive(Debug, Deserialize, TS)]
pub struct MerchantArgs {
    /// The merchant's number (1, 2, ...).
    pub id: u32,
    /// Rate versions to prove, newest first (the current one only when
    /// absent; at most `MAX_RATE_HISTORY`).
    pub history: Option<u32>,
}

/// The points transaction the person confirmed, by the review id its
/// review showed.
#[derive(Debug, Deserialize, TS)]
pub struct ConfirmActionArgs {
    /// The review id of the kept review.
    pub review_id: String,
}

/// A payment request this wallet made, to look for the payment answering it
/// among the payee's history entries added since the last check.
#[derive(Debug, Deserialize, TS)]
pub struct FindPaymentArgs {
    /// The request's URI (`PaymentRequestView::uri`).
    pub request: String,
    /// How far the previous check read (start with
    /// `PaymentWatch::from_len(PaymentRequestView::history_from)`, then the
    /// watch the previous check returned).
    pub watch: PaymentWatch,
}

/// One check of a payment watch: the payment if it was seen, and the watch
/// to pass to the next check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct PaymentCheckView {
    /// The payment, proven, when one answers the request.
    pub seen: Option<PaymentSeenView>,
    /// How far the payee's history has now been read.
    pub watch: PaymentWatch,
}

/// How many of the open wallet's newest history entries to show.
#[derive(Debug, Deserialize, TS)]
pub struct HistoryArgs {
    /// Entries to show, newest first (at most `MAX_HISTORY_SHOWN`, 200).
    pub limit: u32,
}

/// A transaction whose receipt to save as an audit bundle.
#[derive(Debug, Deserialize, TS)]
pub struct ReceiptArgs {
    /// The transaction id (64 hex digits).
    pub tx_id: String,
}

/// A text to show as a QR code exactly as given (a payment request).
#[derive(Debug, Deserialize, TS)]
pub struct TextQrArgs {
    /// The text (`PaymentRequestView::qr_text`).
    pub text: String,
}

/// Prepares a points transaction from proven state off the engine (with
/// the wallet's public facts and the chain reader, on a blocking thread)
/// and keeps it on the engine under its review id: the shared first stage
/// of every points command that signs.
async fn review_and_keep(
    engine: &Engine,
    public: &Public,
    chain: &ChainService,
    prepare: impl FnOnce(
        &jifen_wallet::chain::ChainReader,
        &jifen_wallet::wallets::WalletFacts,
    ) -> Result<PreparedAction, PointsFlowError>
    + Send
    + 'static,
) -> Result<ActionReview, AppError> {
    let facts = public.facts()?;
    let reader = chain.reader().await?;
    let prepared = blocking(move || Ok(prepare(&reader, &facts)?)).await?;
    engine.call(move |s| s.keep_action(prepared)).await
}

/// Unix seconds now (a payment request's expiry).
fn now_s() -> u64 {
    action::now_ms() / 1_000
}

impl WalletState {
    /// Keeps a prepared points transaction (the previous one is dropped)
    /// while the person reviews it; returns what they review.
    ///
    /// # Errors
    /// `app-locked`.
    pub fn keep_action(&mut self, prepared: PreparedAction) -> Result<ActionReview, AppError> {
        let review = prepared.review().clone();
        self.open_wallet()?.keep_action(prepared);
        Ok(review)
    }

    /// Signs the kept points transaction the person confirmed (by its
    /// review id), for the chain worker to broadcast.
    ///
    /// # Errors
    /// `app-locked`, `app-watch-only-needs-request`, `chain-no-such-review`,
    /// `swap-quote-expiring` (the quote is dropped), `wallet-reauth-required`
    /// (kept: confirm with the password, then sign again), signing errors.
    pub fn sign_action(
        &mut self,
        review_id: &str,
    ) -> Result<(PreparedAction, Transaction), AppError> {
        let open = self.open_wallet()?;
        if open.handle().is_watch_only() {
            return Err(AppRefusal::WatchOnlyNeedsRequest.into());
        }
        Ok(open.sign_kept_action(review_id, action::now_ms())?)
    }
}

/// The open wallet's POINT and every merchant's points (first receive
/// address), each proven at the verified head.
#[tauri::command]
pub async fn holdings(
    public: State<'_, Arc<Public>>,
    chain: State<'_, ChainService>,
) -> Out<api::HoldingsCmd> {
    let facts = public.facts()?;
    let reader = chain.reader().await?;
    blocking(move || Ok(list::holdings(&reader, &facts.address(0)?, facts.network)?)).await
}

/// Every registered merchant with its current rate, proven.
#[tauri::command]
pub async fn merchants(chain: State<'_, ChainService>) -> Out<api::MerchantsCmd> {
    let reader = chain.reader().await?;
    blocking(move || Ok(merchants::merchants(&reader)?)).await
}

/// One merchant with its rate history, proven.
#[tauri::command]
pub async fn merchant(
    chain: State<'_, ChainService>,
    args: Args<api::MerchantCmd>,
) -> Out<api::MerchantCmd> {
    let reader = chain.reader().await?;
    blocking(move || {
        let id = MerchantId::new(args.id).ok_or(PointsFlowError::PayAssetUnknown {
            asset: args.id.to_string(),
        })?;
        Ok(merchants::merchant(&reader, id, args.history.unwrap_or(1))?)
    })
    .await
}

/// Quotes a swap against the proven rate and balances and keeps it for the
/// person to confirm within its validity.
#[tauri::command]
pub async fn quote_swap(
    engine: State<'_, Engine>,
    public: State<'_, Arc<Public>>,
    chain: State<'_, ChainService>,
    args: Args<api::QuoteSwapCmd>,
) -> Out<api::QuoteSwapCmd> {
    review_and_keep(&engine, &public, &chain, move |reader, facts| {
        swap::quote(reader, facts, &args, action::now_ms())
    })
    .await
}

/// Reviews the payment a payment request asks for and keeps it.
#[tauri::command]
pub async fn review_pay(
    engine: State<'_, Engine>,
    public: State<'_, Arc<Public>>,
    chain: State<'_, ChainService>,
    args: Args<api::ReviewPayCmd>,
) -> Out<api::ReviewPayCmd> {
    review_and_keep(&engine, &public, &chain, move |reader, facts| {
        pay::review(reader, facts, &args, now_s())
    })
    .await
}

/// Reviews a withdrawal of POINT to fiat and keeps it.
#[tauri::command]
pub async fn review_withdraw(
    engine: State<'_, Engine>,
    public: State<'_, Arc<Public>>,
    chain: State<'_, ChainService>,
    args: Args<api::ReviewWithdrawCmd>,
) -> Out<api::ReviewWithdrawCmd> {
    review_and_keep(&engine, &public, &chain, move |reader, facts| {
        withdraw::review(reader, facts, &args)
    })
    .await
}

/// Reviews a merchant's administration (rate, issue, deposit) and keeps it.
#[tauri::command]
pub async fn review_merchant_action(
    engine: State<'_, Engine>,
    public: State<'_, Arc<Public>>,
    chain: State<'_, ChainService>,
    args: Args<api::ReviewMerchantActionCmd>,
) -> Out<api::ReviewMerchantActionCmd> {
    review_and_keep(&engine, &public, &chain, move |reader, facts| {
        merchant_admin::review(reader, facts, &args)
    })
    .await
}

/// Signs exactly the reviewed points transaction (on the engine, which
/// holds the keys), then broadcasts it and proves its receipt on the chain
/// worker (job `send`).
#[tauri::command]
pub async fn confirm_action(
    engine: State<'_, Engine>,
    chain: State<'_, ChainService>,
    args: Args<api::ConfirmActionCmd>,
    on_progress: Events<api::ConfirmActionCmd>,
) -> Out<api::ConfirmActionCmd> {
    chain.check_online()?;
    let (prepared, tx) = engine.call(move |s| s.sign_action(&args.review_id)).await?;
    chain
        .job(JobKind::Send, move |session, cancel| {
            action::prove_action(
                session,
                &prepared,
                &tx,
                INCLUSION_TIMEOUT,
                &mut |progress| {
                    // A closed window only loses the progress messages.
                    let _ = on_progress.send(progress);
                },
                cancel,
            )
        })
        .await
}

/// A payment request to the open wallet's first receive address: its URI
/// and the text of its QR code (render with `render_text_qr`).
#[tauri::command]
pub async fn request_payment(
    public: State<'_, Arc<Public>>,
    chain: State<'_, ChainService>,
    args: Args<api::RequestPaymentCmd>,
) -> Out<api::RequestPaymentCmd> {
    let facts = public.facts()?;
    let reader = chain.reader().await?;
    blocking(move || Ok(request_payment::create(&reader, &facts, &args, now_s())?)).await
}

/// Looks for the payment answering a request this wallet made, among the
/// payee's history entries added since the watch's last check (folded onto
/// the proven account, so a node cannot hide the payment), each proven
/// included, at the verified head (sync first to see newer blocks). Job
/// `audit`.
#[tauri::command]
pub async fn find_payment(
    chain: State<'_, ChainService>,
    args: Args<api::FindPaymentCmd>,
) -> Out<api::FindPaymentCmd> {
    chain
        .job(JobKind::Audit, move |session, cancel| {
            let (seen, watch) =
                request_payment::find_payment_since(session, &args.request, args.watch, cancel)?;
            Ok::<_, PointsFlowError>(PaymentCheckView { seen, watch })
        })
        .await
}

/// The open wallet's history (first receive address), proven complete
/// against its proven account, the newest `limit` entries each proven
/// included with its result. Job `audit`.
#[tauri::command]
pub async fn history(
    public: State<'_, Arc<Public>>,
    chain: State<'_, ChainService>,
    args: Args<api::HistoryCmd>,
) -> Out<api::HistoryCmd> {
    let facts = public.facts()?;
    let address = facts.address(0)?;
    chain
        .job(JobKind::Audit, move |session, cancel| {
            history::history(session, &address, args.limit, cancel)
        })
        .await
}

/// Saves a transaction's receipt (proven included with its result) as an
/// audit bundle under `<data dir>/exports/`, for `verify-bundle` to re-check
/// with no network. Job `audit`.
#[tauri::command]
pub async fn export_receipt(
    chain: State<'_, ChainService>,
    args: Args<api::ExportReceiptCmd>,
) -> Out<api::ExportReceiptCmd> {
    let tx_id: jifen_protocol::Hash32 = args.tx_id.trim().parse()?;
    let path = audit::default_receipt_path(&chain.context(), &tx_id.to_string());
    chain
        .job(JobKind::Audit, move |session, _cancel| {
            audit::export_receipt_bundle(session, &tx_id, &path)
        })
        .await
}

/// The SVG of a QR code of a text kept exactly as given (a payment
/// request's `qr_text`; not a UR part).
#[tauri::command]
pub async fn render_text_qr(args: Args<api::RenderTextQrCmd>) -> Out<api::RenderTextQrCmd> {
    blocking(move || crate::qr::render_text_svg(&args.text)).await
}
