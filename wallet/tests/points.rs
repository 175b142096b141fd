//! The points use cases against a devnet started in-process, as the demo
//! consumer and merchant TEA's owner (restored from their public devnet
//! words): swaps both ways proven as quoted, every refusal in the person's
//! units, a rate that changes between quote and submission, a payment
//! request paid and found proven, a complete history, and nodes that omit
//! a history entry or serve a stale rate record (caught).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;
use std::time::Duration;

use jifen_crypto::keystore::Password;
use jifen_crypto::mnemonic::Mnemonic;
use jifen_node::devnet::Devnet;
use jifen_node::keys::NodeKey;
use jifen_node::rpc::Fault;
use jifen_protocol::Network;
use jifen_protocol::points::{SwapDirection, quote};
use jifen_wallet::action::{ActionReview, MIN_CONFIRM_MS, PreparedAction};
use jifen_wallet::chain::{ChainError, ChainSession};
use jifen_wallet::merchant_admin::{self, MerchantAction, MerchantRequest};
use jifen_wallet::onboarding::{self, Secrets};
use jifen_wallet::open::calibrate;
use jifen_wallet::pay::{self, PayRequest};
use jifen_wallet::points::list;
use jifen_wallet::points::merchants::FeeModeView;
use jifen_wallet::request_payment::{self, PaymentRequestInput};
use jifen_wallet::send::broadcast_and_prove;
use jifen_wallet::swap::{self, DirectionView, SwapRequest, SwapReview};
use jifen_wallet::{CancelToken, FrontEnd, OpenWallet, WalletContext, history, sync};

const WAIT: Duration = Duration::from_secs(60);

fn context(dir: &Path, endpoints: Vec<String>) -> WalletContext {
    let mut ctx = WalletContext::new(dir, Network::Devnet, FrontEnd::Cli);
    ctx.kdf_policy = jifen_testenv::kdf::fast_kdf_policy();
    ctx.endpoints_override = Some(endpoints);
    ctx
}

/// A demo role's wallet, restored from its public words, unlocked.
fn role_wallet(ctx: &WalletContext, role: &str) -> OpenWallet {
    let words = NodeKey::devnet_role_words(role).unwrap();
    let mnemonic = Mnemonic::parse(&words, None).unwrap();
    let password = Password::new("points test password").unwrap();
    let kdf = calibrate(&ctx.kdf_policy).unwrap();
    let secrets = Secrets {
        password: &password,
        passphrase: "",
        kdf: &kdf,
    };
    onboarding::restore(ctx, role, &mnemonic, &secrets).unwrap()
}

fn synced(ctx: &WalletContext) -> ChainSession {
    let mut session = ctx.open_chain(Network::Devnet).unwrap();
    sync::sync(&mut session, &mut |_| {}, &CancelToken::new()).unwrap();
    session
}

fn start(dir: &Path) -> Devnet {
    jifen_testenv::devnet::DevnetBuilder::new(dir.join("node"))
        .start()
        .unwrap()
}

fn endpoint(devnet: &Devnet) -> String {
    format!("http://{}", devnet.rpc_addr())
}

fn swap_request(merchant: &str, direction: DirectionView, amount: &str) -> SwapRequest {
    SwapRequest {
        merchant: merchant.into(),
        direction,
        amount: amount.into(),
        slippage_bps: None,
        fee: None,
        from_index: 0,
    }
}

fn swap_review(prepared: &PreparedAction) -> SwapReview {
    match prepared.review() {
        ActionReview::Swap(review) => (**review).clone(),
        other => panic!("not a swap: {other:?}"),
    }
}

fn now_ms() -> u64 {
    jifen_wallet::action::now_ms()
}

/// Quotes, signs and proves a swap; returns the review and the receipt.
fn do_swap(
    session: &mut ChainSession,
    wallet: &OpenWallet,
    request: &SwapRequest,
) -> (SwapReview, swap::SwapReceipt) {
    let prepared = swap::quote(
        &session.reader(),
        &wallet.facts().unwrap(),
        request,
        now_ms(),
    )
    .unwrap();
    let review = swap_review(&prepared);
    let tx = prepared.sign(wallet.keys().unwrap(), now_ms()).unwrap();
    let receipt = swap::prove_swap(
        session,
        &tx,
        &review,
        WAIT,
        &mut |_| {},
        &CancelToken::new(),
    )
    .unwrap();
    (review, receipt)
}

/// TEA's owner publishes version 4 (bid 0.009, ask 0.0125 POINT per TEA),
/// proven included.
fn publish_tea_rate_v4(session: &mut ChainSession, owner: &OpenWallet) {
    let set = merchant_admin::review(
        &session.reader(),
        &owner.facts().unwrap(),
        &MerchantRequest {
            merchant: "TEA".into(),
            action: MerchantAction::SetRate {
                fee_mode: FeeModeView::Settlement,
                bid: "0.009".into(),
                ask: "0.0125".into(),
                fee_bps: 0,
                sell_min: "1".into(),
                sell_increment: "1".into(),
                buy_min: "1".into(),
                buy_increment: "0.01".into(),
                valid_for_blocks: 10_000,
            },
            fee: None,
            from_index: 0,
        },
    )
    .unwrap();
    let tx = set.sign(owner.keys().unwrap(), now_ms()).unwrap();
    let sender = set.sender();
    broadcast_and_prove(
        session,
        &tx,
        &sender,
        WAIT,
        &mut |_| {},
        &CancelToken::new(),
    )
    .unwrap();
}

#[test]
fn swaps_both_ways_are_proven_exactly_as_quoted() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = start(dir.path());
    let ctx = context(&dir.path().join("consumer"), vec![endpoint(&devnet)]);
    let wallet = role_wallet(&ctx, "consumer");
    let mut session = synced(&ctx);
    let address = wallet.facts().unwrap().address(0).unwrap();

    let before = list::holdings(&session.reader(), &address, Network::Devnet).unwrap();
    assert_eq!(before.merchants, 4);
    assert_eq!(before.assets[0].balance.text, "10000");
    assert_eq!(before.assets[1].balance.text, "25000");
    assert_eq!(before.assets[1].asset.symbol, "TEA");

    // Buy TEA with 10 POINT at the ask (settlement: 0.01 POINT per TEA).
    let (review, receipt) = do_swap(
        &mut session,
        &wallet,
        &swap_request("TEA", DirectionView::Buy, "10"),
    );
    assert_eq!(review.receive.text, "1000");
    assert_eq!(review.side, "ask");
    assert_eq!(review.fee_mode, FeeModeView::Settlement);
    assert_eq!(review.exchange_fee.text, "0");
    assert!(receipt.as_quoted);
    assert_eq!(receipt.received, review.receive);
    assert_eq!(receipt.balance_out_after.text, "26000");
    assert_eq!(receipt.balance_in_after.text, "9989.999");

    // Sell MALL (spread mode, 50 bps): the platform's fee is shown and taken.
    let (review, receipt) = do_swap(
        &mut session,
        &wallet,
        &swap_request("M2", DirectionView::Sell, "100"),
    );
    assert_eq!(review.exchange_fee.text, "0.025");
    assert_eq!(review.receive.text, "4.975");
    assert_eq!(review.cost_vs_mid_bps, 50);
    assert!(review.withdrawal_fee.is_some());
    assert!(receipt.as_quoted);
    assert_eq!(receipt.exchange_fee.text, "0.025");

    // The history holds both swaps, complete, each proven included.
    let view = history::history(&mut session, &address, 10, &CancelToken::new()).unwrap();
    assert_eq!(view.total, 2);
    assert_eq!(view.entries[0].kind, "swap");
    assert_eq!(view.entries[0].tx_id, receipt.tx_id);
    let moves: Vec<String> = view.entries[0]
        .moves
        .iter()
        .map(|m| m.amount.to_string())
        .collect();
    assert_eq!(moves, ["100 MALL", "4.975 POINT", "0.001 POINT"]);
}

#[test]
fn the_quote_is_the_chains_quote_for_many_amounts() {
    // The wallet's quote against the node's execution of the same swap: the
    // receipt re-reads nothing from the quote, it proves balances.
    let dir = tempfile::tempdir().unwrap();
    let devnet = start(dir.path());
    let ctx = context(&dir.path().join("consumer"), vec![endpoint(&devnet)]);
    let wallet = role_wallet(&ctx, "consumer");
    let mut session = synced(&ctx);
    let address = wallet.facts().unwrap().address(0).unwrap();
    for (merchant, direction, amount) in [
        ("FUEL", DirectionView::Sell, "0.37"),
        ("FUEL", DirectionView::Buy, "1.23"),
        ("MALL", DirectionView::Buy, "3.33"),
        ("TEA", DirectionView::Sell, "770"),
    ] {
        let point_before = list::holdings(&session.reader(), &address, Network::Devnet).unwrap();
        let (review, receipt) = do_swap(
            &mut session,
            &wallet,
            &swap_request(merchant, direction, amount),
        );
        assert!(receipt.as_quoted, "{merchant} {amount}");
        // Independent check: the protocol's quote of the proven terms.
        let terms = jifen_wallet::points::reads::rate(
            &session.reader(),
            jifen_protocol::MerchantId::new(review.merchant.merchant.unwrap()).unwrap(),
            review.rate.version,
        )
        .unwrap()
        .value
        .unwrap()
        .terms;
        let units: u128 = review.pay.units.parse().unwrap();
        let dir = match direction {
            DirectionView::Sell => SwapDirection::PointsToPoint,
            DirectionView::Buy => SwapDirection::PointToPoints,
        };
        assert_eq!(
            quote(&terms, dir, units).unwrap().amount_out.to_string(),
            receipt.received.units
        );
        // POINT moved by exactly the quote and the fee.
        let after = list::holdings(&session.reader(), &address, Network::Devnet).unwrap();
        let p = |v: &list::HoldingsView| v.assets[0].balance.units.parse::<i128>().unwrap();
        let delta = p(&after) - p(&point_before);
        let expected = match direction {
            DirectionView::Sell => receipt.received.units.parse::<i128>().unwrap() - 1_000,
            DirectionView::Buy => -(units as i128) - 1_000,
        };
        assert_eq!(delta, expected, "{merchant} {amount}");
    }
}

#[test]
fn refusals_are_specific_and_in_the_assets_units() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = start(dir.path());
    let ctx = context(&dir.path().join("consumer"), vec![endpoint(&devnet)]);
    let wallet = role_wallet(&ctx, "consumer");
    let session = synced(&ctx);
    let reader = session.reader();
    let facts = wallet.facts().unwrap();
    let refused =
        |request: SwapRequest| swap::quote(&reader, &facts, &request, now_ms()).unwrap_err();
    let check = |request: SwapRequest, code: &str, text: &str| {
        let error = refused(request);
        assert_eq!(error.code(), code);
        let message = jifen_protocol::message::Coded::message(&error);
        let shown: Vec<String> = message.args.iter().map(|(_, a)| a.to_string()).collect();
        assert!(shown.iter().any(|a| a.contains(text)), "{code}: {shown:?}");
    };
    check(
        swap_request("TEA", DirectionView::Buy, "0.5"),
        "swap-below-minimum",
        "1 POINT",
    );
    check(
        swap_request("TEA", DirectionView::Buy, "1.005"),
        "swap-not-increment",
        "0.01 POINT",
    );
    check(
        swap_request("TEA", DirectionView::Sell, "99990"),
        "points-insufficient-balance",
        "25000 TEA",
    );
    check(
        swap_request("NEW", DirectionView::Buy, "5"),
        "merchant-not-approved",
        "NEW",
    );
    check(
        swap_request("FUEL", DirectionView::Sell, "1000"),
        "swap-deposit-insufficient",
        "150 POINT",
    );
    check(
        swap_request("TEA", DirectionView::Buy, "20000"),
        "tx-insufficient-balance",
        "POINT",
    );
    let mut slippage = swap_request("TEA", DirectionView::Buy, "10");
    slippage.slippage_bps = Some(5_000);
    assert_eq!(refused(slippage).code(), "swap-slippage-too-large");
    assert_eq!(
        refused(swap_request("XYZ", DirectionView::Buy, "1")).code(),
        "pay-asset-unknown"
    );
    assert_eq!(
        refused(swap_request("M9", DirectionView::Buy, "1")).code(),
        "merchant-unknown"
    );
    assert_eq!(
        refused(swap_request("TEA", DirectionView::Sell, "1.5")).code(),
        "decimal-amount-too-many-decimals"
    );

    // A quote cannot be confirmed with less than 5 s of its 30 s left.
    let prepared = swap::quote(
        &reader,
        &facts,
        &swap_request("TEA", DirectionView::Buy, "10"),
        1_000,
    )
    .unwrap();
    let review = swap_review(&prepared);
    let late = review.expires_at_ms - MIN_CONFIRM_MS + 1;
    assert_eq!(
        prepared.check_confirmable(late).unwrap_err().code(),
        "swap-quote-expiring"
    );
    assert!(
        prepared
            .check_confirmable(review.expires_at_ms - MIN_CONFIRM_MS)
            .is_ok()
    );
    assert_eq!(
        prepared
            .sign(wallet.keys().unwrap(), late)
            .unwrap_err()
            .code(),
        "swap-quote-expiring"
    );
}

#[test]
fn a_rate_changed_after_the_quote_refuses_the_swap_and_a_fresh_quote_works() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = start(dir.path());
    let consumer_ctx = context(&dir.path().join("consumer"), vec![endpoint(&devnet)]);
    let owner_ctx = context(&dir.path().join("owner"), vec![endpoint(&devnet)]);
    let consumer = role_wallet(&consumer_ctx, "consumer");
    let owner = role_wallet(&owner_ctx, "merchant-1");
    let mut consumer_session = synced(&consumer_ctx);
    let mut owner_session = synced(&owner_ctx);

    // The consumer is quoted at version 3 ...
    let stale = swap::quote(
        &consumer_session.reader(),
        &consumer.facts().unwrap(),
        &swap_request("TEA", DirectionView::Buy, "10"),
        now_ms(),
    )
    .unwrap();
    assert_eq!(swap_review(&stale).rate.version, 3);

    // ... then TEA's owner publishes version 4.
    publish_tea_rate_v4(&mut owner_session, &owner);

    // The old quote is refused by the chain (nothing moves) with the
    // specific reason; a fresh quote shows version 4 and goes through.
    sync::sync(&mut consumer_session, &mut |_| {}, &CancelToken::new()).unwrap();
    let tx = stale.sign(consumer.keys().unwrap(), now_ms()).unwrap();
    let review = swap_review(&stale);
    let error = swap::prove_swap(
        &mut consumer_session,
        &tx,
        &review,
        WAIT,
        &mut |_| {},
        &CancelToken::new(),
    )
    .unwrap_err();
    match &error {
        jifen_wallet::points::PointsFlowError::Chain(ChainError::Rejected { reason, .. }) => {
            assert_eq!(reason, "swap-rate-stale");
        }
        other => panic!("expected the node's refusal, got {other:?}"),
    }
    let (fresh, receipt) = do_swap(
        &mut consumer_session,
        &consumer,
        &swap_request("TEA", DirectionView::Buy, "10"),
    );
    assert_eq!(fresh.rate.version, 4);
    assert_eq!(fresh.receive.text, "800");
    assert!(receipt.as_quoted);
}

#[test]
fn a_payment_request_is_paid_and_found_proven_by_the_merchant() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = start(dir.path());
    let consumer_ctx = context(&dir.path().join("consumer"), vec![endpoint(&devnet)]);
    let owner_ctx = context(&dir.path().join("owner"), vec![endpoint(&devnet)]);
    let consumer = role_wallet(&consumer_ctx, "consumer");
    let owner = role_wallet(&owner_ctx, "merchant-1");
    let mut consumer_session = synced(&consumer_ctx);
    let mut owner_session = synced(&owner_ctx);
    let now_s = now_ms() / 1_000;

    let request = request_payment::create(
        &owner_session.reader(),
        &owner.facts().unwrap(),
        &PaymentRequestInput {
            asset: "TEA".into(),
            amount: Some("120".into()),
            memo: Some("A-1042".into()),
            label: Some("茶香咖啡".into()),
            expires_in_s: Some(600),
            index: 0,
        },
        now_s,
    )
    .unwrap();
    assert!(request.qr_text.starts_with("JIFEN:JFD1"));
    assert_eq!(
        request_payment::find_payment(
            &mut owner_session,
            &request.uri,
            request.history_from,
            &CancelToken::new()
        )
        .unwrap(),
        None
    );

    let pay_request = |text: &str| PayRequest {
        request: text.into(),
        amount: None,
        fee: None,
        from_index: 0,
    };
    let prepared = pay::review(
        &consumer_session.reader(),
        &consumer.facts().unwrap(),
        &pay_request(&request.qr_text),
        now_s,
    )
    .unwrap();
    let ActionReview::Pay(review) = prepared.review() else {
        panic!("not a payment")
    };
    assert_eq!(review.amount.to_string(), "120 TEA");
    assert_eq!(review.memo.as_deref(), Some("A-1042"));
    assert_eq!(review.payee.as_ref().unwrap().merchant.symbol, "TEA");
    let tx = prepared.sign(consumer.keys().unwrap(), now_ms()).unwrap();
    let receipt = pay::prove_payment(
        &mut consumer_session,
        &tx,
        WAIT,
        &mut |_| {},
        &CancelToken::new(),
    )
    .unwrap();
    assert_eq!(receipt.balance_after.text, "24880");

    sync::sync(&mut owner_session, &mut |_| {}, &CancelToken::new()).unwrap();
    let seen = request_payment::find_payment(
        &mut owner_session,
        &request.uri,
        request.history_from,
        &CancelToken::new(),
    )
    .unwrap()
    .expect("the payment is found");
    assert_eq!(seen.tx_id, receipt.tx_id);
    assert_eq!(seen.amount.to_string(), "120 TEA");
    // The incremental watch finds it once, then reads only newer entries.
    let (found, watch) = request_payment::find_payment_since(
        &mut owner_session,
        &request.uri,
        request_payment::PaymentWatch::from_len(request.history_from),
        &CancelToken::new(),
    )
    .unwrap();
    assert_eq!(found.unwrap().tx_id, receipt.tx_id);
    assert_eq!(watch.len, request.history_from + 1);
    let (again, same) = request_payment::find_payment_since(
        &mut owner_session,
        &request.uri,
        watch.clone(),
        &CancelToken::new(),
    )
    .unwrap();
    assert_eq!(again, None);
    assert_eq!(same, watch);

    // Expired, another chain, no amount, unknown asset: refused before signing.
    let reader = consumer_session.reader();
    let facts = consumer.facts().unwrap();
    let to = owner
        .facts()
        .unwrap()
        .address(0)
        .unwrap()
        .encode(Network::Devnet);
    let refused = |text: String| {
        pay::review(&reader, &facts, &pay_request(&text), now_s)
            .unwrap_err()
            .code()
    };
    assert_eq!(
        refused(format!(
            "jifen:{to}?chain=jifen-devnet&asset=POINT&amount=1&expires={}",
            now_s - 1
        )),
        "payment-request-expired"
    );
    assert_eq!(
        refused(format!(
            "jifen:{to}?chain=jifen-testnet&asset=POINT&amount=1"
        )),
        "payment-request-wrong-chain"
    );
    assert_eq!(
        refused(format!("jifen:{to}?chain=jifen-devnet&asset=POINT")),
        "pay-amount-needed"
    );
    assert_eq!(
        refused(format!("jifen:{to}?chain=jifen-devnet&asset=M9&amount=1")),
        "pay-asset-unknown"
    );
    assert_eq!(
        refused("jifen:nonsense".into()),
        refused("jifen:nonsense".into())
    );
    assert!(refused("jifen:nonsense".into()).starts_with("payment-request-"));
}

#[test]
fn a_node_that_omits_a_history_entry_or_serves_a_stale_rate_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let mut devnet = jifen_testenv::devnet::DevnetBuilder::new(dir.path().join("node"))
        .fault(Fault::HistoryOmitsEntry)
        .start()
        .unwrap();
    let honest = format!("http://{}", devnet.add_rpc(None).unwrap());
    let stale = format!("http://{}", devnet.add_rpc(Some(Fault::StaleRate)).unwrap());
    let liar = endpoint(&devnet);

    // Make history and change TEA's rate (through the honest node).
    let owner_ctx = context(&dir.path().join("owner"), vec![honest.clone()]);
    let owner = role_wallet(&owner_ctx, "merchant-1");
    let mut owner_session = synced(&owner_ctx);
    publish_tea_rate_v4(&mut owner_session, &owner);
    let owner_address = owner.facts().unwrap().address(0).unwrap();

    // The history-omitting node as primary, the honest one as witness: the
    // history is still complete, the liar demoted.
    let ctx = context(
        &dir.path().join("reader"),
        vec![liar.clone(), honest.clone()],
    );
    let mut session = synced(&ctx);
    let view = history::history(&mut session, &owner_address, 10, &CancelToken::new()).unwrap();
    assert_eq!(view.total, 1);
    assert_eq!(view.entries[0].kind, "rate-set");
    let demoted = sync::status(&session.reader())
        .peers
        .iter()
        .any(|p| matches!(&p.state, jifen_wallet::sync::PeerStateView::Demoted { code, .. } if code.starts_with("history-")));
    assert!(demoted, "the history liar is demoted");

    // The liar alone: refused, not believed.
    let alone = context(&dir.path().join("alone"), vec![liar]);
    let mut session = synced(&alone);
    let error =
        history::history(&mut session, &owner_address, 10, &CancelToken::new()).unwrap_err();
    assert!(
        matches!(error, jifen_wallet::points::PointsFlowError::Chain(_)),
        "{error:?}"
    );

    // The stale-rate node as primary: its genesis-era merchant record does
    // not prove at the verified header; the quote uses the honest v4.
    let ctx = context(&dir.path().join("stale"), vec![stale, honest]);
    let consumer = role_wallet(&ctx, "consumer");
    let session = synced(&ctx);
    let prepared = swap::quote(
        &session.reader(),
        &consumer.facts().unwrap(),
        &swap_request("TEA", DirectionView::Buy, "10"),
        now_ms(),
    )
    .unwrap();
    assert_eq!(swap_review(&prepared).rate.version, 4);
    let demoted = sync::status(&session.reader())
        .peers
        .iter()
        .any(|p| matches!(&p.state, jifen_wallet::sync::PeerStateView::Demoted { code, .. } if code.starts_with("lc-proof")));
    assert!(demoted, "the stale-rate node is demoted");
}
