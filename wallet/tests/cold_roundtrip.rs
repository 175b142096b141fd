//! The whole cold-signing walk through the wallet's use cases, against a
//! devnet started in-process: the cold device exports its pairing as PNG
//! frames, the online wallet imports it, makes a sign request against its
//! proven balance and nonce, 25% of the request's frames are lost and the
//! rest shuffled, the cold device reviews and signs after confirmation, the
//! online wallet accepts the signature, broadcasts it, and the light client
//! proves its inclusion and both new balances.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use jifen_crypto::keystore::Password;
use jifen_crypto::mnemonic::{Mnemonic, MnemonicLanguage};
use jifen_node::keys::NodeKey;
use jifen_protocol::{Address, ChainId, Network, Transfer, TxPayload, UnsignedTransaction};
use jifen_wallet::chain::ChainError;
use jifen_wallet::cold::device::{self, Confirm};
use jifen_wallet::cold::requests::{self, NonceSource};
use jifen_wallet::cold::transport::{collect_inputs, write_frames};
use jifen_wallet::cold::views::PendingState;
use jifen_wallet::onboarding::{self, Secrets};
use jifen_wallet::open::calibrate;
use jifen_wallet::send::SendRequest;
use jifen_wallet::{CancelToken, FrontEnd, OpenWallet, QrCodeView, WalletContext, balance, sync};

mod common;

const POINT: u128 = 1_000_000;

fn context(dir: &Path, endpoint: Option<String>) -> WalletContext {
    let mut ctx = WalletContext::new(dir, Network::Devnet, FrontEnd::Cli);
    ctx.kdf_policy = jifen_testenv::kdf::fast_kdf_policy();
    ctx.endpoints_override = endpoint.map(|e| vec![e]);
    ctx
}

/// The code's frames as PNG files in `dir`.
fn frames(code: &QrCodeView, dir: &Path, stem: &str) -> Vec<PathBuf> {
    let pngs = code
        .parts
        .iter()
        .map(|p| {
            jifen_qr::QrSymbol::for_ur(p)
                .unwrap()
                .to_png(jifen_wallet::cold::transport::FRAME_MODULE_PX)
                .unwrap()
        })
        .collect::<Vec<_>>();
    write_frames(dir, stem, &pngs).unwrap()
}

fn shuffled_with_loss(paths: &[PathBuf], loss_percent: u64, mut seed: u64) -> Vec<PathBuf> {
    let mut next = || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        seed >> 33
    };
    let mut kept: Vec<PathBuf> = paths
        .iter()
        .filter(|_| next() % 100 >= loss_percent)
        .cloned()
        .collect();
    for i in (1..kept.len()).rev() {
        let j = usize::try_from(next()).unwrap() % (i + 1);
        kept.swap(i, j);
    }
    kept
}

#[test]
fn cold_signed_transfer_is_broadcast_and_proven_included() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = jifen_testenv::devnet::DevnetBuilder::new(dir.path().join("node"))
        .start()
        .unwrap();
    let endpoint = format!("http://{}", devnet.rpc_addr());
    let images = dir.path().join("frames");

    // The cold device: a keyed wallet, paired for the devnet.
    let cold_ctx = context(&dir.path().join("cold"), None);
    let password = Password::new("cold password").unwrap();
    let mnemonic = Mnemonic::from_entropy(MnemonicLanguage::English, &[5u8; 16]).unwrap();
    let kdf = calibrate(&cold_ctx.kdf_policy).unwrap();
    let secrets = Secrets {
        password: &password,
        passphrase: "",
        kdf: &kdf,
    };
    let mut cold = onboarding::restore(&cold_ctx, "vault", &mnemonic, &secrets).unwrap();
    // Restoring leaves it unlocked; the device keeps its keys locked until it signs.
    cold.lock();
    let export = device::export_pairing(&cold_ctx, &cold, Some("jifen-devnet"), 80).unwrap();

    // The online side imports the pairing from its PNG frames.
    let online_ctx = context(&dir.path().join("online"), Some(endpoint));
    let paths = frames(&export.qr, &images, "account");
    let watch = requests::import_pairing(
        &online_ctx,
        "vault-watch",
        &collect_inputs(&paths).unwrap(),
        &mut |_| {},
    )
    .unwrap();
    let facts = watch.facts().unwrap();
    assert!(facts.watch_only);
    let sender = facts.address(0).unwrap();
    assert_eq!(sender, cold.facts().unwrap().address(0).unwrap());

    // Fund the cold address from a devnet account.
    let funder = NodeKey::devnet_account(0).unwrap();
    let funding = UnsignedTransaction::new(
        ChainId::new("jifen-devnet").unwrap(),
        funder.public_key(),
        0,
        1_000,
        TxPayload::Transfer(Transfer {
            to: sender,
            amount: 100 * POINT,
        }),
    );
    let signature = funder.sign_digest(&funding.signing_digest()).unwrap();
    let funding_id = devnet
        .chain()
        .lock()
        .unwrap()
        .submit_tx(funding.with_signature(signature))
        .unwrap();
    let mut session = online_ctx.open_chain(Network::Devnet).unwrap();
    let cancel = CancelToken::new();
    sync::sync(&mut session, &mut |_| {}, &cancel).unwrap();
    session
        .wait_inclusion(&funding_id, Duration::from_secs(60), &cancel)
        .unwrap();

    // Online: a request from proven facts, kept pending, cut to 80-byte
    // fragments (what the cold device announced).
    let recipient = Address::from_bytes([0x42; 20]);
    let request = SendRequest {
        to: recipient.encode(Network::Devnet),
        amount: "12.5".into(),
        fee: None,
        from_index: 0,
    };
    let made = requests::make_request(
        &online_ctx,
        &facts,
        &request,
        NonceSource::Proven(&session.reader()),
        None,
        None,
    )
    .unwrap();
    assert_eq!(made.review.total.text, "12.501");
    assert_eq!(made.review.balance.as_ref().unwrap().text, "100");
    assert!(made.qr.parts.len() > 3, "an animated request");
    let listed = requests::pending(&online_ctx, &facts, Some(&session.reader())).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].state, Some(PendingState::Waiting));
    assert_eq!(listed[0].superseded, Some(false));
    let paths = frames(&made.qr, &images, "request");
    let kept = shuffled_with_loss(&paths, 25, 11);
    assert!(kept.len() < paths.len(), "some frames were lost");

    // Offline: read, review (same fingerprint), confirm, sign.
    let mut progress_seen = 0;
    let review = device::review(
        &cold_ctx,
        &mut cold,
        &collect_inputs(&kept).unwrap(),
        &mut |_| progress_seen += 1,
    )
    .unwrap();
    assert!(progress_seen > 1);
    assert_eq!(review.fingerprint, made.fingerprint);
    // Not without the keys, and not with another fingerprint.
    assert!(device::sign(&mut cold, Confirm::Fingerprint(&review.fingerprint)).is_err());
    cold.unlock_with_password(&password, &cold_ctx.kdf_policy)
        .unwrap();
    assert!(device::sign(&mut cold, Confirm::Fingerprint("0000-0000-0000-0000")).is_err());
    let answer = device::sign(&mut cold, Confirm::Fingerprint(&review.fingerprint)).unwrap();
    cold.lock();
    let answer_paths = frames(&answer.qr, &images, "signature");

    // Online: accept, broadcast, prove.
    let (accepted, id) = requests::accept(
        &online_ctx,
        &facts,
        &collect_inputs(&answer_paths).unwrap(),
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(accepted.request_id, made.request_id);
    let receipt = requests::broadcast(
        &online_ctx,
        &mut session,
        &facts,
        &id,
        Duration::from_secs(60),
        &mut |_| {},
        &cancel,
    )
    .unwrap();
    assert_eq!(receipt.tx_id, accepted.tx_id);
    assert_eq!(receipt.balance_after.balance.text, "87.499");
    assert!(
        requests::pending(&online_ctx, &facts, None)
            .unwrap()
            .is_empty()
    );
    let reader = session.reader();
    assert_eq!(
        balance::balance(&reader, &recipient).unwrap().balance.units,
        (12 * POINT + 500_000).to_string()
    );
    assert_eq!(balance::balance(&reader, &sender).unwrap().nonce, 1);

    // Broadcasting the same request again: it is gone.
    let again = requests::broadcast(
        &online_ctx,
        &mut session,
        &facts,
        &id,
        Duration::from_secs(5),
        &mut |_| {},
        &cancel,
    );
    assert!(again.is_err());
    drop(devnet);
}

#[test]
fn a_signed_transaction_whose_nonce_was_taken_is_refused_before_broadcast() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = jifen_testenv::devnet::DevnetBuilder::new(dir.path().join("node"))
        .start()
        .unwrap();
    let ctx = context(
        &dir.path().join("w"),
        Some(format!("http://{}", devnet.rpc_addr())),
    );
    let password = Password::new("pw pw pw pw").unwrap();
    let kdf = calibrate(&ctx.kdf_policy).unwrap();
    let draft = onboarding::draft(&ctx.store(), "w", MnemonicLanguage::English, 12).unwrap();
    let secrets = Secrets {
        password: &password,
        passphrase: "",
        kdf: &kdf,
    };
    let mut open: OpenWallet = draft.commit(&ctx, &secrets, None).unwrap();
    let facts = open.facts().unwrap();
    let mut session = ctx.open_chain(Network::Devnet).unwrap();
    let cancel = CancelToken::new();
    sync::sync(&mut session, &mut |_| {}, &cancel).unwrap();
    jifen_wallet::faucet::request(
        &mut session,
        &facts.address(0).unwrap(),
        Duration::from_secs(60),
        &mut |_| {},
        &cancel,
    )
    .unwrap();
    let request = SendRequest {
        to: NodeKey::devnet_account(1)
            .unwrap()
            .address()
            .encode(Network::Devnet),
        amount: "1".into(),
        fee: None,
        from_index: 0,
    };
    // Two reviews of the same send: the second is kept, the first is not.
    let first = jifen_wallet::send::prepare(&session.reader(), &facts, &request).unwrap();
    let second = jifen_wallet::send::prepare(&session.reader(), &facts, &request).unwrap();
    assert_eq!(first.review().nonce, second.review().nonce);
    open.keep_send(first.clone());
    open.keep_send(second.clone());
    assert!(matches!(
        open.sign_kept_send("not-a-review"),
        Err(ChainError::NoSuchReview)
    ));
    let (_, tx) = open.sign_kept_send(second.review_id()).unwrap();
    assert!(matches!(
        open.sign_kept_send(second.review_id()),
        Err(ChainError::NoSuchReview)
    ));
    jifen_wallet::send::broadcast_and_prove(
        &mut session,
        &tx,
        &facts.address(0).unwrap(),
        Duration::from_secs(60),
        &mut |_| {},
        &cancel,
    )
    .unwrap();
    // The first review's transaction has the used nonce: refused before it
    // reaches a node.
    let stale = first.sign(open.keys().unwrap()).unwrap();
    let refused = jifen_wallet::send::broadcast_and_prove(
        &mut session,
        &stale,
        &facts.address(0).unwrap(),
        Duration::from_secs(5),
        &mut |_| {},
        &cancel,
    )
    .unwrap_err();
    assert!(
        matches!(refused, ChainError::NonceUsed { nonce: 0, next: 1 }),
        "{refused:?}"
    );
    drop(devnet);
}

/// The UR parts of a code as one text input (the code's frames read by a
/// camera are tested above; here the review is what matters).
fn text_input(code: &QrCodeView) -> Vec<jifen_wallet::cold::transport::QrInput> {
    vec![jifen_wallet::cold::transport::QrInput::Text(
        code.parts.join("\n"),
    )]
}

fn line<'a>(
    review: &'a jifen_wallet::cold::views::ColdReviewView,
    label: &str,
) -> &'a jifen_wallet::cold::views::ReviewLineView {
    review
        .lines
        .iter()
        .find(|l| l.label == label)
        .unwrap_or_else(|| panic!("no line {label} in {:#?}", review.lines))
}

#[test]
fn a_swap_signed_cold_is_proven_as_quoted() {
    use jifen_wallet::action::ActionReview;
    use jifen_wallet::swap::{self, DirectionView, SwapRequest};

    let dir = tempfile::tempdir().unwrap();
    let devnet = jifen_testenv::devnet::DevnetBuilder::new(dir.path().join("node"))
        .start()
        .unwrap();
    let endpoint = format!("http://{}", devnet.rpc_addr());

    // The cold device holds the demo consumer's keys, paired for the devnet.
    let cold_ctx = context(&dir.path().join("cold"), None);
    let words = NodeKey::devnet_role_words("consumer").unwrap();
    let mnemonic = Mnemonic::parse(&words, None).unwrap();
    let password = Password::new("cold password").unwrap();
    let kdf = calibrate(&cold_ctx.kdf_policy).unwrap();
    let secrets = Secrets {
        password: &password,
        passphrase: "",
        kdf: &kdf,
    };
    let mut cold = onboarding::restore(&cold_ctx, "consumer", &mnemonic, &secrets).unwrap();
    cold.lock();
    let export = device::export_pairing(&cold_ctx, &cold, Some("jifen-devnet"), 200).unwrap();

    // The watch-only side quotes a sell of 100 MALL (spread mode: an
    // exchange fee) against the proven state and makes the request.
    let online_ctx = context(&dir.path().join("online"), Some(endpoint));
    let watch = requests::import_pairing(
        &online_ctx,
        "consumer-watch",
        &text_input(&export.qr),
        &mut |_| {},
    )
    .unwrap();
    let facts = watch.facts().unwrap();
    let mut session = online_ctx.open_chain(Network::Devnet).unwrap();
    let cancel = CancelToken::new();
    sync::sync(&mut session, &mut |_| {}, &cancel).unwrap();
    let prepared = swap::quote(
        &session.reader(),
        &facts,
        &SwapRequest {
            merchant: "MALL".into(),
            direction: DirectionView::Sell,
            amount: "100".into(),
            slippage_bps: Some(100),
            fee: None,
            from_index: 0,
        },
        jifen_wallet::action::now_ms(),
    )
    .unwrap();
    let ActionReview::Swap(quoted) = prepared.review().clone() else {
        panic!("not a swap");
    };
    let made = requests::make_action_request(&online_ctx, &facts, &prepared, None, None).unwrap();
    assert_eq!(made.review, *prepared.review());

    // The device shows what the transaction binds and, marked as the
    // online wallet's claims, the quote it recomputed from the rate terms.
    let review = device::review(&cold_ctx, &mut cold, &text_input(&made.qr), &mut |_| {}).unwrap();
    assert_eq!(review.fingerprint, made.fingerprint);
    assert_eq!(line(&review, "cold-review-kind").value, "cold-kind-swap");
    assert_eq!(line(&review, "cold-review-merchant").value, "M2");
    assert!(
        line(&review, "cold-review-claim-merchant")
            .value
            .starts_with("MALL")
    );
    assert_eq!(
        line(&review, "cold-review-direction").value,
        "cold-direction-sell"
    );
    assert_eq!(line(&review, "cold-review-swap-pay").value, "100 MALL");
    assert_eq!(
        line(&review, "cold-review-claim-swap-receive").value,
        format!("{} POINT", quoted.receive.text)
    );
    assert_eq!(
        line(&review, "cold-review-swap-min-receive").value,
        format!("{} POINT", quoted.min_receive.text)
    );
    assert_ne!(quoted.min_receive, quoted.receive, "1% slippage");
    assert_eq!(
        line(&review, "cold-review-rate-version").value,
        quoted.rate.version.to_string()
    );
    assert_eq!(
        line(&review, "cold-review-deadline").value,
        quoted.deadline.to_string()
    );
    assert_eq!(
        line(&review, "cold-review-claim-exchange-fee").value,
        "0.025 POINT"
    );
    assert_eq!(line(&review, "cold-review-claim-fee-bps").value, "50");
    assert_eq!(
        line(&review, "cold-review-claim-fee-mode").value,
        "cold-fee-mode-spread"
    );
    assert_eq!(line(&review, "cold-review-fee").value, "0.001 POINT");
    assert_eq!(
        line(&review, "cold-review-claims-note").value,
        "cold-claims-note"
    );

    // Sign, accept, broadcast and prove it as quoted.
    cold.unlock_with_password(&password, &cold_ctx.kdf_policy)
        .unwrap();
    let answer = device::sign(&mut cold, Confirm::Fingerprint(&review.fingerprint)).unwrap();
    cold.lock();
    let (accepted, id) =
        requests::accept(&online_ctx, &facts, &text_input(&answer.qr), &mut |_| {}).unwrap();
    assert_eq!(accepted.request_id, made.request_id);
    let receipt = requests::broadcast_swap(
        &online_ctx,
        &mut session,
        &facts,
        &id,
        &quoted,
        Duration::from_secs(60),
        &mut |_| {},
        &cancel,
    )
    .unwrap();
    assert_eq!(receipt.tx_id, accepted.tx_id);
    assert!(receipt.as_quoted);
    assert_eq!(receipt.received, quoted.receive);
    assert_eq!(receipt.exchange_fee.text, "0.025");
    assert!(
        requests::pending(&online_ctx, &facts, None)
            .unwrap()
            .is_empty()
    );
    drop(devnet);
}
