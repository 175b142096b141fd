//! `points`, `merchants`, `merchant`, `quote`, `swap`, `pay`,
//! `request-payment`, `withdraw`: the points use cases of `jifen_wallet`
//! rendered for a terminal (translated lines, a QR code) or as JSON.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use jifen_protocol::{Address, Transaction};
use jifen_wallet::action::{ActionReview, PreparedAction, now_ms};
use jifen_wallet::chain::{ChainError, ChainReader, ChainSession};
use jifen_wallet::merchant_admin::{self, MerchantAction, MerchantRequest};
use jifen_wallet::pay::{self, PayRequest, PaymentReceipt};
use jifen_wallet::points::PointsFlowError;
use jifen_wallet::points::list::{self, HoldingView};
use jifen_wallet::points::merchants::{
    self, FeeModeView, MerchantStatusView, MerchantView, RateView,
};
use jifen_wallet::request_payment::{self, PaymentRequestInput};
use jifen_wallet::send::{self, SendReceipt};
use jifen_wallet::swap::{self, DirectionView, SwapRequest, SwapReview};
use jifen_wallet::withdraw::{self, WithdrawRequest};
use jifen_wallet::{AmountView, CancelToken, OpenWallet, WalletContext};

use super::chain::{
    amount, peers_failed, short, show_send_progress, synced_session, target_address,
};
use super::print_json;
use super::security::{open, unlock};
use crate::args::WalletArg;
use crate::error::{Failure, Result, UserError};
use crate::points_args::{
    DepositCommand, HistoryArgs, MerchantCommand, Mode, PayArgs, PointsArgs, QuoteArgs,
    RateCommand, ReceiptArgs, RequestPaymentArgs, Side, SignArgs, SwapArgs, SwapTerms,
    WithdrawArgs,
};
use crate::ui::Ui;

/// A points error, saying first what each node did when none answered.
fn failed(ui: &Ui, reader: &ChainReader, error: PointsFlowError) -> Failure {
    match error {
        PointsFlowError::Chain(error) => peers_failed(ui, reader, error),
        other => other.into(),
    }
}

fn now_s() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn status_text(ui: &Ui, status: MerchantStatusView) -> String {
    let id = match status {
        MerchantStatusView::Proposed => "merchant-status-proposed",
        MerchantStatusView::Approved => "merchant-status-approved",
        MerchantStatusView::Suspended => "merchant-status-suspended",
    };
    ui.text(id, &[])
}

fn mode_text(ui: &Ui, mode: FeeModeView) -> String {
    let id = match mode {
        FeeModeView::Settlement => "rate-mode-settlement",
        FeeModeView::Spread => "rate-mode-spread",
    };
    ui.text(id, &[])
}

/// The session of the wallet's network, synced, with the wallet open.
pub(super) fn wallet_session(
    ui: &Ui,
    ctx: &WalletContext,
    wallet: &WalletArg,
) -> Result<(WalletContext, OpenWallet, ChainSession)> {
    let open = open(ctx, wallet)?;
    let ctx = WalletContext {
        network: open.handle().network()?,
        ..ctx.clone()
    };
    let session = synced_session(ui, &ctx)?;
    Ok((ctx, open, session))
}

/// `jifen points`.
pub fn points(ui: &Ui, ctx: &WalletContext, args: &PointsArgs) -> Result<()> {
    let (ctx, address) = target_address(ctx, &args.wallet, args.address.as_deref(), args.index)?;
    let session = synced_session(ui, &ctx)?;
    let reader = session.reader();
    let view =
        list::holdings(&reader, &address, ctx.network).map_err(|e| failed(ui, &reader, e))?;
    if args.json {
        return print_json(ui, &view);
    }
    ui.data(&ui.text(
        "points-header",
        &[
            ("address", view.address.clone().into()),
            ("height", view.proven.height.into()),
            ("hash", short(&view.proven.header_hash).into()),
            ("merchants", view.merchants.into()),
        ],
    ));
    let mut shown = 0;
    for row in view
        .assets
        .iter()
        .filter(|row| args.all || row.held || row.asset.merchant.is_none())
    {
        ui.data(&holding_line(ui, row));
        shown += 1;
    }
    let hidden = view.assets.len() - shown;
    if hidden > 0 {
        ui.say("points-hidden", &[("count", hidden.into())]);
    }
    Ok(())
}

fn holding_line(ui: &Ui, row: &HoldingView) -> String {
    let status = row.status.map_or_else(String::new, |s| status_text(ui, s));
    ui.text(
        "points-row",
        &[
            ("amount", amount(&row.balance)),
            ("id", row.asset.id.clone().into()),
            ("name", row.asset.name.clone().into()),
            ("status", status.into()),
        ],
    )
}

/// `jifen merchants`.
pub fn merchants(ui: &Ui, ctx: &WalletContext, json: bool) -> Result<()> {
    let session = synced_session(ui, ctx)?;
    let reader = session.reader();
    let views = merchants::merchants(&reader).map_err(|e| failed(ui, &reader, e))?;
    if json {
        return print_json(ui, &views);
    }
    if views.is_empty() {
        ui.say("merchants-none", &[]);
    }
    for view in &views {
        show_merchant_line(ui, view);
    }
    Ok(())
}

fn show_merchant_line(ui: &Ui, view: &MerchantView) {
    ui.data(
        &ui.text(
            "merchant-line",
            &[
                ("id", view.asset.id.clone().into()),
                ("symbol", view.asset.symbol.clone().into()),
                ("name", view.asset.name.clone().into()),
                ("status", status_text(ui, view.status).into()),
                ("deposit", amount(&view.deposit)),
                (
                    "rate",
                    view.rate
                        .as_ref()
                        .map_or_else(
                            || ui.text("merchant-no-rate", &[]),
                            |r| rate_line(ui, r, &view.asset.symbol),
                        )
                        .into(),
                ),
            ],
        ),
    );
}

fn rate_line(ui: &Ui, rate: &RateView, symbol: &str) -> String {
    ui.text(
        "rate-line",
        &[
            ("version", rate.version.into()),
            ("bid", rate.bid_per_point.clone().into()),
            ("ask", rate.ask_per_point.clone().into()),
            ("symbol", symbol.into()),
            ("mode", mode_text(ui, rate.fee_mode).into()),
            ("fee", rate.fee_bps.into()),
            ("set", rate.set_at.into()),
            ("until", rate.valid_until.into()),
            (
                "state",
                ui.text(
                    if rate.expired {
                        "rate-state-expired"
                    } else if rate.current {
                        "rate-state-current"
                    } else {
                        "rate-state-old"
                    },
                    &[],
                )
                .into(),
            ),
        ],
    )
}

/// `jifen merchant ...`.
pub fn merchant(ui: &Ui, ctx: &WalletContext, command: &MerchantCommand) -> Result<()> {
    match command {
        MerchantCommand::Show {
            merchant,
            rates,
            json,
        } => show_merchant(ui, ctx, merchant, *rates, *json),
        MerchantCommand::Rate(RateCommand::Set(args)) => {
            let action = MerchantAction::SetRate {
                fee_mode: match args.mode {
                    Mode::Settlement => FeeModeView::Settlement,
                    Mode::Spread => FeeModeView::Spread,
                },
                bid: args.bid.clone(),
                ask: args.ask.clone(),
                fee_bps: args.fee_bps,
                sell_min: args.sell_min.clone(),
                sell_increment: args.sell_step.clone(),
                buy_min: args.buy_min.clone(),
                buy_increment: args.buy_step.clone(),
                valid_for_blocks: args.valid_for,
            };
            administer(
                ui,
                ctx,
                &args.wallet,
                &args.merchant,
                action,
                args.index,
                &args.sign,
            )
        }
        MerchantCommand::Issue {
            wallet,
            merchant,
            to,
            amount,
            index,
            sign,
        } => administer(
            ui,
            ctx,
            wallet,
            merchant,
            MerchantAction::Issue {
                to: to.clone(),
                amount: amount.clone(),
            },
            *index,
            sign,
        ),
        MerchantCommand::Deposit(DepositCommand::TopUp(args)) => administer(
            ui,
            ctx,
            &args.wallet,
            &args.merchant,
            MerchantAction::TopUp {
                amount: args.amount.clone(),
            },
            args.index,
            &args.sign,
        ),
        MerchantCommand::Deposit(DepositCommand::Withdraw(args)) => administer(
            ui,
            ctx,
            &args.wallet,
            &args.merchant,
            MerchantAction::WithdrawDeposit {
                amount: args.amount.clone(),
            },
            args.index,
            &args.sign,
        ),
    }
}

fn show_merchant(
    ui: &Ui,
    ctx: &WalletContext,
    merchant: &str,
    rates: u32,
    json: bool,
) -> Result<()> {
    let session = synced_session(ui, ctx)?;
    let reader = session.reader();
    let record = jifen_wallet::points::reads::resolve_merchant(&reader, merchant)
        .map_err(|e| failed(ui, &reader, e))?;
    let view =
        merchants::merchant(&reader, record.0.id, rates).map_err(|e| failed(ui, &reader, e))?;
    if json {
        return print_json(ui, &view);
    }
    ui.data(&ui.text(
        "merchant-detail",
        &[
            ("id", view.asset.id.clone().into()),
            ("symbol", view.asset.symbol.clone().into()),
            ("name", view.asset.name.clone().into()),
            ("decimals", view.asset.decimals.into()),
            ("status", status_text(ui, view.status).into()),
            ("owner", view.owner.clone().into()),
            ("deposit", amount(&view.deposit)),
            ("outstanding", amount(&view.outstanding)),
            ("registered", view.registered_at.into()),
            ("height", view.proven.height.into()),
            ("hash", short(&view.proven.header_hash).into()),
        ],
    ));
    if view.rates.is_empty() {
        ui.data(&ui.text("merchant-no-rate", &[]));
    }
    for rate in &view.rates {
        ui.data(&rate_line(ui, rate, &view.asset.symbol));
        ui.data(&ui.text(
            "rate-limits",
            &[
                ("sell_min", amount(&rate.sell_min)),
                ("sell_step", amount(&rate.sell_increment)),
                ("buy_min", amount(&rate.buy_min)),
                ("buy_step", amount(&rate.buy_increment)),
            ],
        ));
    }
    Ok(())
}

fn swap_request(terms: &SwapTerms, fee: Option<&str>) -> SwapRequest {
    SwapRequest {
        merchant: terms.merchant.clone(),
        direction: match terms.side {
            Side::Sell => DirectionView::Sell,
            Side::Buy => DirectionView::Buy,
        },
        amount: terms.amount.clone(),
        slippage_bps: terms.slippage_bps,
        fee: fee.map(str::to_owned),
        from_index: terms.index,
    }
}

/// `jifen quote`: the quote only, nothing signed.
pub fn quote(ui: &Ui, ctx: &WalletContext, args: &QuoteArgs) -> Result<()> {
    let (_, open, session) = wallet_session(ui, ctx, &args.wallet)?;
    let reader = session.reader();
    let prepared = swap::quote(
        &reader,
        &open.facts()?,
        &swap_request(&args.terms, None),
        now_ms(),
    )
    .map_err(|e| failed(ui, &reader, e))?;
    let ActionReview::Swap(review) = prepared.review() else {
        return Err(UserError::new("error-unexpected")
            .arg("detail", "not a swap")
            .into());
    };
    if args.json {
        return print_json(ui, review);
    }
    show_swap_review(ui, review, true);
    Ok(())
}

fn show_swap_review(ui: &Ui, r: &SwapReview, to_stdout: bool) {
    let side = ui.text(
        if r.direction == DirectionView::Sell {
            "swap-side-sell"
        } else {
            "swap-side-buy"
        },
        &[],
    );
    let withdrawal = r
        .withdrawal_fee
        .as_ref()
        .map_or_else(|| "—".to_owned(), ToString::to_string);
    let seconds = r.expires_at_ms.saturating_sub(r.quoted_at_ms) / 1_000;
    let show = |text: String| {
        if to_stdout {
            ui.data(&text);
        } else {
            ui.say_text(&text);
        }
    };
    show(ui.text(
        "swap-review",
        &[
            ("side", side.into()),
            (
                "merchant",
                format!("{} ({})", r.merchant.name, r.merchant.id).into(),
            ),
            ("pay", amount(&r.pay)),
            ("receive", amount(&r.receive)),
            ("min_receive", amount(&r.min_receive)),
            ("slippage", r.slippage_bps.into()),
            ("bid", r.rate.bid_per_point.clone().into()),
            ("ask", r.rate.ask_per_point.clone().into()),
            ("symbol", r.merchant.symbol.clone().into()),
            ("rate_side", r.side.clone().into()),
            ("effective", r.effective_per_point.clone().into()),
            ("at_mid", amount(&r.at_mid)),
            ("cost_mid", amount(&r.cost_vs_mid)),
            ("cost_mid_bps", r.cost_vs_mid_bps.into()),
            ("mode", mode_text(ui, r.fee_mode).into()),
            ("exchange_fee", amount(&r.exchange_fee)),
            ("network_fee", amount(&r.network_fee)),
            ("withdrawal_fee", withdrawal.into()),
            ("round_back", amount(&r.round_trip.back)),
            ("round_cost", amount(&r.round_trip.cost)),
            ("round_bps", r.round_trip.cost_bps.into()),
            ("version", r.rate.version.into()),
            ("set_at", r.rate.set_at.into()),
            ("height", r.quoted_height.into()),
            ("hash", short(&r.proven.header_hash).into()),
            ("minimum", amount(&r.minimum)),
            ("increment", amount(&r.increment)),
            ("deposit", amount(&r.deposit)),
            ("balance", amount(&r.balance_in)),
            ("deadline", r.deadline.into()),
            ("seconds", seconds.into()),
        ],
    ));
    ui.say("swap-irreversible", &[]);
    ui.say("send-review-id", &[("id", r.review_id.clone().into())]);
}

/// Asks "do it?" unless `yes`; a script without `--yes` is refused.
pub(super) fn confirmed(ui: &Ui, yes: bool, question: &str) -> Result<bool> {
    if yes {
        return Ok(true);
    }
    if !ui.interactive() {
        return Err(UserError::new("cli-send-needs-confirmation").into());
    }
    let answer = ui.ask(question, &[]).map_err(|e| UserError::terminal(&e))?;
    let answer = answer.trim().to_lowercase();
    Ok(matches!(
        answer.as_str(),
        "y" | "yes" | "是" | "好" | "確定" | "确定"
    ))
}

/// A watch-only wallet cannot sign: it makes a sign request for its cold
/// device (shown as a QR code), which answers with a signature that
/// `jifen cold accept --broadcast` proves included.
pub(super) fn cold_request(
    ui: &Ui,
    ctx: &WalletContext,
    open: &OpenWallet,
    prepared: &PreparedAction,
    sign: &SignArgs,
) -> Result<()> {
    let facts = open.facts()?;
    let view =
        jifen_wallet::cold::requests::make_action_request(ctx, &facts, prepared, None, None)?;
    ui.say(
        "cold-request-made",
        &[
            ("id", view.request_id.clone().into()),
            ("fingerprint", view.fingerprint.clone().into()),
        ],
    );
    super::cold::show_code(ui, &view.qr, &sign.cold, "jifen-request", "request")?;
    ui.data(&view.request_id);
    Ok(())
}

/// Unlocks, signs the reviewed transaction (refused if a quote has under
/// 5 s left), locks again.
pub(super) fn sign(
    ui: &Ui,
    ctx: &WalletContext,
    open: &mut OpenWallet,
    prepared: &PreparedAction,
    sign: &SignArgs,
) -> Result<Transaction> {
    let keys = unlock(ui, ctx, open, &sign.password, sign.no_keyring)?;
    let tx = prepared.sign(keys, now_ms());
    open.lock();
    Ok(tx?)
}

/// `jifen swap`.
pub fn swap(ui: &Ui, ctx: &WalletContext, args: &SwapArgs) -> Result<()> {
    let (ctx, mut open, mut session) = wallet_session(ui, ctx, &args.wallet)?;
    let reader = session.reader();
    let request = swap_request(&args.terms, args.sign.fee.as_deref());
    let prepared = swap::quote(&reader, &open.facts()?, &request, now_ms())
        .map_err(|e| failed(ui, &reader, e))?;
    let ActionReview::Swap(review) = prepared.review() else {
        return Err(UserError::new("error-unexpected")
            .arg("detail", "not a swap")
            .into());
    };
    show_swap_review(ui, review, false);
    if !confirmed(ui, args.sign.yes, "swap-confirm")? {
        ui.say("swap-cancelled", &[]);
        return Ok(());
    }
    if open.facts()?.watch_only {
        return cold_request(ui, &ctx, &open, &prepared, &args.sign);
    }
    let tx = sign(ui, &ctx, &mut open, &prepared, &args.sign)?;
    let receipt = swap::prove_swap(
        &mut session,
        &tx,
        review,
        Duration::from_secs(args.sign.timeout),
        &mut |progress| show_send_progress(ui, &progress),
        &CancelToken::new(),
    )
    .map_err(|e| failed(ui, &reader, e))?;
    ui.data(&ui.text(
        if receipt.as_quoted {
            "swap-receipt"
        } else {
            "swap-receipt-differs"
        },
        &[
            ("paid", amount(&receipt.paid)),
            ("quoted", amount(&receipt.quoted)),
            ("received", amount(&receipt.received)),
            ("min_receive", amount(&receipt.min_receive)),
            ("exchange_fee", amount(&receipt.exchange_fee)),
            ("network_fee", amount(&receipt.network_fee)),
            ("version", receipt.rate_version.into()),
            ("tx", receipt.tx_id.clone().into()),
            ("height", receipt.height.into()),
            ("index", receipt.index.into()),
            ("hash", short(&receipt.proven.header_hash).into()),
            ("balance_in", amount(&receipt.balance_in_after)),
            ("balance_out", amount(&receipt.balance_out_after)),
            ("balances_height", receipt.balances_proven.height.into()),
        ],
    ));
    Ok(())
}

/// `jifen pay`.
pub fn pay(ui: &Ui, ctx: &WalletContext, args: &PayArgs) -> Result<()> {
    let (ctx, mut open, mut session) = wallet_session(ui, ctx, &args.wallet)?;
    let reader = session.reader();
    let text = match (&args.request, &args.qr) {
        (Some(text), _) => text.clone(),
        (None, Some(path)) => request_from_picture(&ctx, path)?,
        // clap requires one of the two.
        (None, None) => return Err(PointsFlowError::PayAmountNeeded.into()),
    };
    let request = PayRequest {
        request: text,
        amount: args.amount.clone(),
        fee: args.sign.fee.clone(),
        from_index: args.index,
    };
    let prepared = pay::review(&reader, &open.facts()?, &request, now_s())
        .map_err(|e| failed(ui, &reader, e))?;
    let ActionReview::Pay(review) = prepared.review() else {
        return Err(UserError::new("error-unexpected")
            .arg("detail", "not a payment")
            .into());
    };
    let payee = match &review.payee {
        Some(payee) => ui.text(
            "pay-payee-merchant",
            &[
                ("name", payee.merchant.name.clone().into()),
                ("id", payee.merchant.id.clone().into()),
                ("status", status_text(ui, payee.status).into()),
            ],
        ),
        None => ui.text("pay-payee-not-merchant", &[]),
    };
    ui.say_text(
        &ui.text(
            "pay-review",
            &[
                ("to", review.to.clone().into()),
                ("payee", payee.into()),
                (
                    "label",
                    review.label.clone().unwrap_or_else(|| "—".into()).into(),
                ),
                (
                    "memo",
                    review.memo.clone().unwrap_or_else(|| "—".into()).into(),
                ),
                ("amount", amount(&review.amount)),
                ("network_fee", amount(&review.network_fee)),
                ("balance", amount(&review.balance)),
                ("remaining", amount(&review.remaining)),
                ("height", review.proven.height.into()),
                (
                    "expires",
                    review
                        .expires
                        .map_or_else(|| "—".to_owned(), |s| format!("unix {s}"))
                        .into(),
                ),
            ],
        ),
    );
    ui.say("send-review-id", &[("id", review.review_id.clone().into())]);
    if !confirmed(ui, args.sign.yes, "pay-confirm")? {
        ui.say("pay-cancelled", &[]);
        return Ok(());
    }
    if open.facts()?.watch_only {
        return cold_request(ui, &ctx, &open, &prepared, &args.sign);
    }
    let tx = sign(ui, &ctx, &mut open, &prepared, &args.sign)?;
    let receipt = pay::prove_payment(
        &mut session,
        &tx,
        Duration::from_secs(args.sign.timeout),
        &mut |progress| show_send_progress(ui, &progress),
        &CancelToken::new(),
    )
    .map_err(|e| failed(ui, &reader, e))?;
    show_payment_receipt(ui, &receipt);
    Ok(())
}

fn show_payment_receipt(ui: &Ui, receipt: &PaymentReceipt) {
    ui.data(&ui.text(
        "pay-receipt",
        &[
            ("amount", amount(&receipt.amount)),
            ("to", receipt.to.clone().into()),
            (
                "memo",
                receipt.memo.clone().unwrap_or_else(|| "—".into()).into(),
            ),
            ("tx", receipt.tx_id.clone().into()),
            ("height", receipt.height.into()),
            ("hash", short(&receipt.proven.header_hash).into()),
            ("balance", amount(&receipt.balance_after)),
        ],
    ));
}

/// The first payment request in a QR code picture.
fn request_from_picture(ctx: &WalletContext, path: &std::path::Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| ChainError::FileIo {
        path: path.to_owned(),
        source,
    })?;
    let found = jifen_wallet::scan::scan_image(&bytes, ctx.network)?;
    found
        .into_iter()
        .find(|code| code.kind == jifen_wallet::scan::ScannedKind::PaymentRequest)
        .map(|code| code.text)
        .ok_or_else(|| UserError::new("cli-pay-no-request-in-picture").into())
}

/// `jifen request-payment`.
pub fn request_payment(ui: &Ui, ctx: &WalletContext, args: &RequestPaymentArgs) -> Result<()> {
    let (_, open, session) = wallet_session(ui, ctx, &args.wallet)?;
    let reader = session.reader();
    let input = PaymentRequestInput {
        asset: args.asset.clone(),
        amount: args.amount.clone(),
        memo: args.memo.clone(),
        label: args.label.clone(),
        expires_in_s: args.expires_in,
        index: args.index,
    };
    let view = request_payment::create(&reader, &open.facts()?, &input, now_s())
        .map_err(|e| failed(ui, &reader, e))?;
    if let Some(path) = &args.png {
        let png =
            jifen_qr::QrSymbol::for_text(&view.qr_text).and_then(|symbol| symbol.to_png(8))?;
        jifen_wallet::chain::write_file_atomically(path, &png)?;
        ui.say(
            "request-png-written",
            &[("path", path.display().to_string().into())],
        );
    }
    if args.json {
        return print_json(ui, &view);
    }
    ui.say(
        "request-shown",
        &[
            (
                "amount",
                view.amount
                    .as_ref()
                    .map_or_else(
                        || {
                            ui.text(
                                "request-any-amount",
                                &[("asset", view.asset.symbol.clone().into())],
                            )
                        },
                        ToString::to_string,
                    )
                    .into(),
            ),
            (
                "memo",
                view.memo.clone().unwrap_or_else(|| "—".into()).into(),
            ),
            ("to", view.to.clone().into()),
        ],
    );
    if let Ok(symbol) = jifen_qr::QrSymbol::for_text(&view.qr_text) {
        eprintln!("{}", symbol.to_terminal(false));
    }
    ui.data(&view.uri);
    let Some(wait) = args.wait else {
        return Ok(());
    };
    ui.say("request-waiting", &[("seconds", wait.into())]);
    let mut session = session;
    let started = std::time::Instant::now();
    loop {
        let cancel = CancelToken::new();
        jifen_wallet::sync::sync(&mut session, &mut |_| {}, &cancel)
            .map_err(|e| peers_failed(ui, &session.reader(), e))?;
        let found =
            request_payment::find_payment(&mut session, &view.uri, view.history_from, &cancel)
                .map_err(|e| failed(ui, &session.reader(), e))?;
        if let Some(seen) = found {
            ui.data(&ui.text(
                "request-paid",
                &[
                    ("amount", amount(&seen.amount)),
                    ("from", seen.from.clone().into()),
                    (
                        "memo",
                        seen.memo.clone().unwrap_or_else(|| "—".into()).into(),
                    ),
                    ("tx", seen.tx_id.clone().into()),
                    ("height", seen.height.into()),
                    ("hash", short(&seen.proven.header_hash).into()),
                ],
            ));
            return Ok(());
        }
        if started.elapsed() >= Duration::from_secs(wait) {
            return Err(UserError::new("request-not-paid")
                .arg("seconds", wait)
                .into());
        }
        std::thread::sleep(Duration::from_secs(1));
    }
}

/// `jifen history`.
pub fn history(ui: &Ui, ctx: &WalletContext, args: &HistoryArgs) -> Result<()> {
    let (ctx, address) = target_address(ctx, &args.wallet, args.address.as_deref(), args.index)?;
    let mut session = synced_session(ui, &ctx)?;
    let view =
        jifen_wallet::history::history(&mut session, &address, args.limit, &CancelToken::new())
            .map_err(|e| failed(ui, &session.reader(), e))?;
    if args.json {
        return print_json(ui, &view);
    }
    ui.data(&ui.text(
        "history-header",
        &[
            ("address", view.address.clone().into()),
            ("total", view.total.into()),
            ("height", view.proven.height.into()),
            ("hash", short(&view.proven.header_hash).into()),
        ],
    ));
    for entry in &view.entries {
        ui.data(&entry_line(ui, entry));
    }
    if view.older > 0 {
        ui.say("history-older", &[("count", view.older.into())]);
    }
    Ok(())
}

/// `jifen withdraw`.
pub fn withdraw(ui: &Ui, ctx: &WalletContext, args: &WithdrawArgs) -> Result<()> {
    let (ctx, mut open, mut session) = wallet_session(ui, ctx, &args.wallet)?;
    let reader = session.reader();
    let request = WithdrawRequest {
        amount: args.amount.clone(),
        reference: args.reference.clone(),
        fee: args.sign.fee.clone(),
        from_index: args.index,
    };
    let prepared =
        withdraw::review(&reader, &open.facts()?, &request).map_err(|e| failed(ui, &reader, e))?;
    let ActionReview::Withdraw(review) = prepared.review() else {
        return Err(UserError::new("error-unexpected")
            .arg("detail", "not a withdrawal")
            .into());
    };
    ui.say_text(&ui.text(
        "withdraw-review",
        &[
            ("amount", amount(&review.amount)),
            ("fee", amount(&review.withdrawal_fee)),
            ("fee_bps", review.fee_bps.into()),
            ("fee_min", amount(&review.fee_min)),
            ("payout", amount(&review.payout)),
            ("reference", review.reference.clone().into()),
            ("network_fee", amount(&review.network_fee)),
            ("balance", amount(&review.balance)),
            ("remaining", amount(&review.remaining)),
            ("height", review.proven.height.into()),
        ],
    ));
    let review_id = review.review_id.clone();
    confirm_sign_send(
        ui,
        &ctx,
        &mut open,
        &mut session,
        &prepared,
        &args.sign,
        (&review_id, "withdraw-confirm", "withdraw-cancelled"),
    )
}

/// The end of every command that signs a reviewed action: the review id,
/// "do it?", then a cold sign request (watch-only) or sign, broadcast and
/// the proven receipt. `(review_id, question, cancelled)` are the review's
/// id and the two message ids.
pub(super) fn confirm_sign_send(
    ui: &Ui,
    ctx: &WalletContext,
    open: &mut OpenWallet,
    session: &mut ChainSession,
    prepared: &PreparedAction,
    sign_args: &SignArgs,
    (review_id, question, cancelled): (&str, &str, &str),
) -> Result<()> {
    ui.say("send-review-id", &[("id", review_id.to_owned().into())]);
    if !confirmed(ui, sign_args.yes, question)? {
        ui.say(cancelled, &[]);
        return Ok(());
    }
    if open.facts()?.watch_only {
        return cold_request(ui, ctx, open, prepared, sign_args);
    }
    let tx = sign(ui, ctx, open, prepared, sign_args)?;
    let receipt = broadcast(ui, session, &tx, sign_args)?;
    show_included(ui, &receipt);
    Ok(())
}

pub(super) fn broadcast(
    ui: &Ui,
    session: &mut ChainSession,
    tx: &Transaction,
    sign: &SignArgs,
) -> Result<SendReceipt> {
    let reader = session.reader();
    let sender: Address = tx.unsigned.sender;
    send::broadcast_and_prove(
        session,
        tx,
        &sender,
        Duration::from_secs(sign.timeout),
        &mut |progress| show_send_progress(ui, &progress),
        &CancelToken::new(),
    )
    .map_err(|e| peers_failed(ui, &reader, e))
}

pub(super) fn show_included(ui: &Ui, receipt: &SendReceipt) {
    ui.data(&ui.text(
        "points-tx-included",
        &[
            ("tx", receipt.tx_id.clone().into()),
            ("height", receipt.height.into()),
            ("hash", short(&receipt.proven.header_hash).into()),
            ("balance", amount(&receipt.balance_after.balance)),
        ],
    ));
}

fn administer(
    ui: &Ui,
    ctx: &WalletContext,
    wallet: &WalletArg,
    merchant: &str,
    action: MerchantAction,
    index: u32,
    sign_args: &SignArgs,
) -> Result<()> {
    let (ctx, mut open, mut session) = wallet_session(ui, ctx, wallet)?;
    let reader = session.reader();
    let request = MerchantRequest {
        merchant: merchant.to_owned(),
        action,
        fee: sign_args.fee.clone(),
        from_index: index,
    };
    let prepared = merchant_admin::review(&reader, &open.facts()?, &request)
        .map_err(|e| failed(ui, &reader, e))?;
    let ActionReview::Merchant(review) = prepared.review() else {
        return Err(UserError::new("error-unexpected")
            .arg("detail", "not a merchant action")
            .into());
    };
    let none = || "—".to_owned();
    ui.say_text(
        &ui.text(
            "merchant-action-review",
            &[
                (
                    "action",
                    ui.text(&format!("merchant-action-{}", review.action), &[])
                        .into(),
                ),
                (
                    "merchant",
                    format!("{} ({})", review.merchant.name, review.merchant.id).into(),
                ),
                (
                    "rate",
                    review
                        .rate
                        .as_ref()
                        .map_or_else(none, |r| rate_line(ui, r, &review.merchant.symbol))
                        .into(),
                ),
                ("to", review.to.clone().unwrap_or_else(none).into()),
                (
                    "amount",
                    review
                        .amount
                        .as_ref()
                        .map_or_else(none, AmountView::to_string)
                        .into(),
                ),
                ("deposit", amount(&review.deposit)),
                (
                    "deposit_after",
                    review
                        .deposit_after
                        .as_ref()
                        .map_or_else(none, AmountView::to_string)
                        .into(),
                ),
                (
                    "required",
                    review
                        .deposit_required
                        .as_ref()
                        .map_or_else(none, AmountView::to_string)
                        .into(),
                ),
                ("network_fee", amount(&review.network_fee)),
                ("height", review.proven.height.into()),
            ],
        ),
    );
    let review_id = review.review_id.clone();
    confirm_sign_send(
        ui,
        &ctx,
        &mut open,
        &mut session,
        &prepared,
        sign_args,
        (
            &review_id,
            "merchant-action-confirm",
            "merchant-action-cancelled",
        ),
    )
}

fn entry_line(ui: &Ui, entry: &jifen_wallet::history::HistoryEntryView) -> String {
    let moves: Vec<String> = entry
        .moves
        .iter()
        .map(|m| format!("{}{}", if m.incoming { "+" } else { "-" }, m.amount))
        .collect();
    let kind = ui.text(&format!("history-kind-{}", entry.kind), &[]);
    let id = if entry.result_code == 0 {
        "history-entry"
    } else {
        "history-entry-failed"
    };
    ui.text(
        id,
        &[
            (
                "index",
                entry
                    .index
                    .map_or_else(|| "—".to_owned(), |i| i.to_string())
                    .into(),
            ),
            ("height", entry.height.into()),
            ("kind", kind.into()),
            ("moves", moves.join(", ").into()),
            (
                "party",
                entry
                    .counterparty
                    .clone()
                    .unwrap_or_else(|| "—".into())
                    .into(),
            ),
            (
                "memo",
                entry.memo.clone().unwrap_or_else(|| "—".into()).into(),
            ),
            ("code", entry.result_code.into()),
            ("tx", short(&entry.tx_id).into()),
        ],
    )
}

/// `jifen receipt`.
pub fn receipt(ui: &Ui, ctx: &WalletContext, args: &ReceiptArgs) -> Result<()> {
    let id: jifen_protocol::Hash32 = args
        .tx_id
        .trim()
        .parse()
        .map_err(|_| UserError::new("cli-tx-id-malformed").arg("text", args.tx_id.trim()))?;
    let (ctx, address) = target_address(ctx, &args.wallet, None, args.index)?;
    let mut session = synced_session(ui, &ctx)?;
    let entry = jifen_wallet::history::receipt(&mut session, &address, &id)
        .map_err(|e| failed(ui, &session.reader(), e))?;
    let written = match &args.out {
        Some(path) => Some(
            jifen_wallet::audit::export_receipt_bundle(&mut session, &id, path)
                .map_err(|e| peers_failed(ui, &session.reader(), e))?,
        ),
        None => None,
    };
    if args.json {
        return print_json(ui, &entry);
    }
    ui.data(&ui.text(
        "receipt-header",
        &[
            ("tx", entry.tx_id.clone().into()),
            ("height", entry.height.into()),
            ("hash", short(&entry.proven.header_hash).into()),
        ],
    ));
    ui.data(&entry_line(ui, &entry));
    if let Some(written) = written {
        ui.say(
            "receipt-bundle-written",
            &[
                ("path", written.path.into()),
                ("headers", written.headers.into()),
            ],
        );
    }
    Ok(())
}
