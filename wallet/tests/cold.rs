//! Cold signing through real QR images: pairing, requests, review, signing and
//! acceptance, and every refusal with its own error (no network: the devnet
//! round trip is `cli/tests/cold_roundtrip.rs`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use jifen_crypto::hd::Chain;
use jifen_crypto::keystore::{KdfParams, KdfPolicy, Password};
use jifen_crypto::mnemonic::{Mnemonic, MnemonicLanguage};
use jifen_protocol::{Address, ChainId, Encode, Network, Transfer, TxPayload, UnsignedTransaction};
use jifen_qr::{EncoderSettings, FragmentSize, Payload, SignatureResponse, UrType};
use jifen_wallet::cold::signer::{load_pairing, refusal_of};
use jifen_wallet::cold::transport::{collect_inputs, receive, write_frames};
use jifen_wallet::cold::{
    ColdError, PendingStore, RequestFingerprint, ReviewValue, accept_signature, pair_export,
    pair_import, review_request, sign_after_review, start_request,
};
use jifen_wallet::{NewWallet, WalletError, WalletHandle, WalletStore};

mod common;
use common::{facts, render_frames};

const SMALL: KdfParams = KdfParams {
    m_cost_kib: 8 * 1024,
    t_cost: 1,
    p_cost: 1,
};
const CHAIN: &str = "jifen-devnet";

fn policy() -> KdfPolicy {
    KdfPolicy::new(
        SMALL,
        Duration::from_millis(1),
        Duration::from_millis(100),
        16 * 1024,
    )
    .unwrap()
}

fn password() -> Password {
    Password::new("cold password").unwrap()
}

/// A keystore wallet (the cold device's) named `name` from `seed_byte`.
fn cold_wallet(store: &WalletStore, name: &str, seed_byte: u8) -> WalletHandle {
    let mnemonic = Mnemonic::from_entropy(MnemonicLanguage::English, &[seed_byte; 16]).unwrap();
    store
        .create(&NewWallet {
            name,
            mnemonic: &mnemonic,
            passphrase: "",
            password: &password(),
            network: Network::Devnet,
            kdf: SMALL,
            backup_verified: true,
        })
        .unwrap()
}

/// Tiny deterministic generator for dropping and shuffling frames.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

/// Drops `loss_percent` of the files and shuffles the rest.
fn lose_and_shuffle(paths: &[PathBuf], loss_percent: u64, seed: u64) -> Vec<PathBuf> {
    let mut rng = Lcg(seed);
    let mut kept: Vec<PathBuf> = paths
        .iter()
        .filter(|_| rng.next() % 100 >= loss_percent)
        .cloned()
        .collect();
    for i in (1..kept.len()).rev() {
        let j = usize::try_from(rng.next()).unwrap() % (i + 1);
        kept.swap(i, j);
    }
    kept
}

struct Setup {
    _dir: tempfile::TempDir,
    cold: WalletStore,
    online: WalletStore,
    frames: PathBuf,
}

impl Setup {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let cold = WalletStore::new(&dir.path().join("cold"));
        let online = WalletStore::new(&dir.path().join("online"));
        let frames = dir.path().join("frames");
        Self {
            _dir: dir,
            cold,
            online,
            frames,
        }
    }

    /// Pairs cold wallet `name` through a PNG of its account code; returns
    /// the watch-only handle of the online side.
    fn pair(&self, name: &str, seed_byte: u8) -> WalletHandle {
        let handle = cold_wallet(&self.cold, name, seed_byte);
        let chain = ChainId::new(CHAIN).unwrap();
        let export = pair_export(&self.cold, &handle, &chain, "test/0.1", 200).unwrap();
        let pngs =
            render_frames(&Payload::Account(export), EncoderSettings::default(), None).unwrap();
        let paths = write_frames(&self.frames.join(name), "account", &pngs).unwrap();
        let inputs = collect_inputs(&paths).unwrap();
        let payload = receive(UrType::Account, &inputs, &mut |_| {}).unwrap();
        pair_import(
            &self.online,
            &format!("{name}-watch"),
            &payload.into_account().unwrap(),
        )
        .unwrap()
    }
}

/// A pending request of `watch` to sign a transfer with `nonce` from its
/// first receive address.
fn request_transfer(
    pending: &PendingStore,
    watch: &WalletHandle,
    nonce: u64,
) -> (jifen_qr::SignRequest, jifen_wallet::cold::PendingRequest) {
    start_request(
        pending,
        &facts(watch),
        Chain::Receive,
        0,
        transfer(watch, CHAIN, nonce),
        None,
    )
    .unwrap()
}

fn transfer(handle: &WalletHandle, chain: &str, nonce: u64) -> UnsignedTransaction {
    let key = handle
        .account()
        .unwrap()
        .public_key(Chain::Receive, 0)
        .unwrap();
    UnsignedTransaction::new(
        ChainId::new(chain).unwrap(),
        key,
        nonce,
        1_000,
        TxPayload::Transfer(Transfer {
            to: Address::from_bytes([0x22; 20]),
            amount: 12_500_000,
        }),
    )
}

/// Sends `payload` through PNG frames with loss and shuffling, returns what
/// the other side decoded.
fn through_images(dir: &Path, stem: &str, payload: &Payload, loss: u64, seed: u64) -> Payload {
    let settings = EncoderSettings {
        fragment_size: FragmentSize::Small,
        ..EncoderSettings::default()
    };
    let pngs = render_frames(payload, settings, None).unwrap();
    let paths = write_frames(dir, stem, &pngs).unwrap();
    let kept = if paths.len() > 1 {
        lose_and_shuffle(&paths, loss, seed)
    } else {
        paths
    };
    let inputs = collect_inputs(&kept).unwrap();
    receive(payload.ur_type(), &inputs, &mut |_| {}).unwrap()
}

#[test]
fn round_trip_through_lossy_shuffled_png_frames() {
    let setup = Setup::new();
    let watch = setup.pair("alice", 1);
    assert!(watch.is_watch_only());
    assert_eq!(
        watch.watch_only_record().unwrap().chain_id.as_deref(),
        Some(CHAIN)
    );
    // Same account on both sides.
    let mut cold = setup.cold.open("alice").unwrap();
    assert_eq!(watch.account().unwrap(), cold.account().unwrap());

    for (round, loss) in [10u64, 20, 30].into_iter().enumerate() {
        let round = u64::try_from(round).unwrap();
        // Online: a request, kept pending across "invocations".
        let tx = transfer(&watch, CHAIN, round);
        let (request, _) = start_request(
            &PendingStore::new(&setup.online, watch.name()),
            &facts(&watch),
            Chain::Receive,
            0,
            tx,
            Some("jifen-test".into()),
        )
        .unwrap();
        let online_fingerprint = RequestFingerprint::of(&request);
        let request_payload = Payload::SignRequest(request);
        let frames = setup.frames.join(format!("request-{round}"));
        let received = through_images(&frames, "request", &request_payload, loss, 7 + round);
        assert_eq!(received, request_payload);

        // Offline: review, confirm with the fingerprint, sign.
        let pairing = load_pairing(&setup.cold, &cold).unwrap();
        let review =
            review_request(&cold, &pairing, received.into_sign_request().unwrap()).unwrap();
        assert_eq!(review.fingerprint(), online_fingerprint);
        let labels: Vec<&str> = review.lines().iter().map(|l| l.label).collect();
        for label in [
            "cold-review-kind",
            "cold-review-amount",
            "cold-review-recipient",
            "cold-review-fee",
            "cold-review-from",
            "cold-review-chain",
        ] {
            assert!(labels.contains(&label), "{label} missing from {labels:?}");
        }
        let amount = review
            .lines()
            .iter()
            .find(|l| l.label == "cold-review-amount")
            .unwrap();
        assert!(matches!(&amount.value, ReviewValue::Amount(a) if a.to_string() == "12.5 POINT"));
        let confirmation = review
            .confirm_with_fingerprint(&online_fingerprint.to_string().to_lowercase())
            .unwrap();
        let unlocked = cold.unlock(&password(), &policy()).unwrap();
        let answer = sign_after_review(&review, confirmation, &unlocked).unwrap();

        // Back through an image to the online side.
        let answer_payload = Payload::Signature(answer);
        let back = through_images(&frames, "signature", &answer_payload, 0, 1);
        let response = back.into_signature().unwrap();
        let pending = PendingStore::new(&setup.online, watch.name());
        let signed = accept_signature(&pending, &facts(&watch), &response).unwrap();
        signed.verify_signature().unwrap();
        assert_eq!(signed.unsigned.nonce, round);
        let stored = pending.load(&response.request_id).unwrap().unwrap();
        assert_eq!(stored.signed().unwrap().unwrap(), signed);
    }
}

#[test]
fn watch_only_wallets_list_as_such_and_refuse_unlock() {
    let setup = Setup::new();
    let mut watch = setup.pair("bob", 2);
    let summary = watch.summary().unwrap();
    assert!(summary.watch_only);
    assert!(!summary.has_keyring_slot);
    assert!(watch.kdf_params().is_none());
    let err = watch.unlock(&password(), &policy()).unwrap_err();
    assert_eq!(err.code(), "wallet-watch-only");
    assert!(matches!(err, WalletError::WatchOnly { .. }));
    // Listed, chosen, reopened from disk.
    let listed = setup.online.list().unwrap();
    assert_eq!(listed.len(), 1);
    assert!(listed[0].1.as_ref().unwrap().watch_only);
    assert!(setup.online.choose(None).unwrap().is_watch_only());
    // The name is taken for both kinds.
    let again = setup.pair_again("bob", 2);
    assert_eq!(again.code(), "wallet-already-exists");
    // A watch-only wallet cannot pair-export (it has nothing to sign with).
    let chain = ChainId::new(CHAIN).unwrap();
    let err = pair_export(&setup.online, &watch, &chain, "x", 200).unwrap_err();
    assert_eq!(err.code(), "wallet-watch-only");
}

impl Setup {
    fn pair_again(&self, name: &str, seed_byte: u8) -> ColdError {
        let handle = self.cold.open(name).unwrap();
        let chain = ChainId::new(CHAIN).unwrap();
        let export = pair_export(&self.cold, &handle, &chain, "test/0.1", 200).unwrap();
        let _ = seed_byte;
        pair_import(&self.online, &format!("{name}-watch"), &export).unwrap_err()
    }
}

#[test]
fn the_signer_refuses_foreign_addresses_wrong_chains_and_unknown_kinds() {
    let setup = Setup::new();
    let alice_watch = setup.pair("alice", 1);
    let bob_watch = setup.pair("bob", 2);
    let alice = setup.cold.open("alice").unwrap();
    let pairing = load_pairing(&setup.cold, &alice).unwrap();

    // A request whose signer is bob's address at the same path.
    let bobs = jifen_wallet::cold::build_request(
        &facts(&bob_watch),
        Chain::Receive,
        0,
        transfer(&bob_watch, CHAIN, 0),
        None,
    )
    .unwrap();
    let err = review_request(&alice, &pairing, bobs).unwrap_err();
    assert_eq!(err.code(), "cold-foreign-address", "{err}");

    // A request for another chain than the one alice was paired for (the
    // online side refuses to build one, so it is made by hand).
    let other_chain = jifen_qr::SignRequest::new(
        transfer(&alice_watch, "jifen-testnet", 0),
        "m/44'/19014'/0'/0/0".parse().unwrap(),
        None,
    )
    .unwrap();
    let err = review_request(&alice, &pairing, other_chain.clone()).unwrap_err();
    assert_eq!(err.code(), "cold-wrong-chain", "{err}");
    let err = jifen_wallet::cold::build_request(
        &facts(&alice_watch),
        Chain::Receive,
        0,
        other_chain.transaction.clone(),
        None,
    )
    .unwrap_err();
    assert_eq!(err.code(), "cold-wrong-chain");

    // A path outside alice's account.
    let foreign_path = jifen_qr::SignRequest::new(
        transfer(&alice_watch, CHAIN, 0),
        "m/44'/19014'/5'/0/0".parse().unwrap(),
        None,
    )
    .unwrap();
    let err = review_request(&alice, &pairing, foreign_path).unwrap_err();
    assert_eq!(err.code(), "cold-foreign-path", "{err}");

    // A transaction kind this build does not know: its CBOR is patched.
    let request = jifen_wallet::cold::build_request(
        &facts(&alice_watch),
        Chain::Receive,
        0,
        transfer(&alice_watch, CHAIN, 0),
        None,
    )
    .unwrap();
    let tx_bytes = request.transaction.encode();
    let mut cbor = Payload::SignRequest(request).to_cbor();
    let at = cbor
        .windows(tx_bytes.len())
        .position(|w| w == tx_bytes.as_slice())
        .unwrap();
    cbor[at] = 0x7f;
    cbor[at + 1] = 0x01;
    let err = refusal_of(Payload::from_cbor(UrType::SignRequest, &cbor).unwrap_err());
    assert_eq!(err.code(), "cold-unknown-kind", "{err}");

    // A wallet that never paired.
    let carol = cold_wallet(&setup.cold, "carol", 3);
    assert_eq!(
        load_pairing(&setup.cold, &carol).unwrap_err().code(),
        "cold-not-paired"
    );
}

#[test]
fn confirmations_are_bound_to_their_review() {
    let setup = Setup::new();
    let watch = setup.pair("alice", 1);
    let mut alice = setup.cold.open("alice").unwrap();
    let pairing = load_pairing(&setup.cold, &alice).unwrap();
    let make = |nonce| {
        let request = jifen_wallet::cold::build_request(
            &facts(&watch),
            Chain::Receive,
            0,
            transfer(&watch, CHAIN, nonce),
            None,
        )
        .unwrap();
        review_request(&alice, &pairing, request).unwrap()
    };
    let first = make(0);
    let second = make(1);
    assert_ne!(first.fingerprint(), second.fingerprint());
    let err = first
        .confirm_with_fingerprint(&second.fingerprint().to_string())
        .unwrap_err();
    assert_eq!(err.code(), "cold-fingerprint-mismatch");
    let unlocked = alice.unlock(&password(), &policy()).unwrap();
    let err = sign_after_review(&first, second.confirmed_by_person(), &unlocked).unwrap_err();
    assert_eq!(err.code(), "cold-confirmation-mismatch");
    assert!(sign_after_review(&first, first.confirmed_by_person(), &unlocked).is_ok());
}

#[test]
fn the_online_side_refuses_foreign_answers_and_other_keys() {
    let setup = Setup::new();
    let watch = setup.pair("alice", 1);
    let _bob_watch = setup.pair("bob", 2);
    let mut alice = setup.cold.open("alice").unwrap();
    let mut bob = setup.cold.open("bob").unwrap();
    let pending = PendingStore::new(&setup.online, watch.name());

    let (request, _) = request_transfer(&pending, &watch, 0);
    let pairing = load_pairing(&setup.cold, &alice).unwrap();
    let review = review_request(&alice, &pairing, request.clone()).unwrap();
    let unlocked = alice.unlock(&password(), &policy()).unwrap();
    let good = sign_after_review(&review, review.confirmed_by_person(), &unlocked).unwrap();

    // A signature answering a request this wallet never made (another request).
    let other = jifen_wallet::cold::build_request(
        &facts(&watch),
        Chain::Receive,
        0,
        transfer(&watch, CHAIN, 9),
        None,
    )
    .unwrap();
    let other_review = review_request(&alice, &pairing, other).unwrap();
    let other_answer =
        sign_after_review(&other_review, other_review.confirmed_by_person(), &unlocked).unwrap();
    let err = accept_signature(&pending, &facts(&watch), &other_answer).unwrap_err();
    assert_eq!(err.code(), "cold-unknown-request", "{err}");

    // That other request's signature relabelled with the pending id: it is
    // over another transaction.
    let relabelled = SignatureResponse {
        request_id: request.request_id,
        signature: other_answer.signature,
    };
    let err = accept_signature(&pending, &facts(&watch), &relabelled).unwrap_err();
    assert_eq!(err.code(), "cold-bad-signature", "{err}");

    // A signature of the same digest by another key (bob's).
    let bob_unlocked = bob.unlock(&password(), &policy()).unwrap();
    let bob_key = bob_unlocked.signing_key_at(Chain::Receive, 0).unwrap();
    let forged = SignatureResponse {
        request_id: request.request_id,
        signature: jifen_crypto::signer::Signer::sign_digest(
            &bob_key,
            &request.transaction.signing_digest(),
        )
        .unwrap(),
    };
    let err = accept_signature(&pending, &facts(&watch), &forged).unwrap_err();
    assert_eq!(err.code(), "cold-bad-signature", "{err}");

    // Another wallet's pending store does not know the request.
    let bob_pending = PendingStore::new(&setup.online, "bob-watch");
    let bob_handle = setup.online.open("bob-watch").unwrap();
    let err = accept_signature(&bob_pending, &facts(&bob_handle), &good).unwrap_err();
    assert_eq!(err.code(), "cold-unknown-request");

    // The real answer is accepted, after all the refusals.
    let tx = accept_signature(&pending, &facts(&watch), &good).unwrap();
    tx.verify_signature().unwrap();
    assert_eq!(pending.list().unwrap().len(), 1);
    pending.remove(&request.request_id).unwrap();
    assert!(pending.list().unwrap().is_empty());
}

#[test]
fn too_few_frames_say_how_far_they_got() {
    let setup = Setup::new();
    let watch = setup.pair("alice", 1);
    let request = jifen_wallet::cold::build_request(
        &facts(&watch),
        Chain::Receive,
        0,
        transfer(&watch, CHAIN, 0),
        None,
    )
    .unwrap();
    let settings = EncoderSettings {
        fragment_size: FragmentSize::Small,
        ..EncoderSettings::default()
    };
    let pngs = render_frames(&Payload::SignRequest(request), settings, None).unwrap();
    let paths = write_frames(&setup.frames, "request", &pngs).unwrap();
    let inputs = collect_inputs(&paths[..1]).unwrap();
    let err = receive(UrType::SignRequest, &inputs, &mut |_| {}).unwrap_err();
    assert_eq!(err.code(), "cold-qr-incomplete");
    // The whole directory works, and a signature is not a request.
    let inputs = collect_inputs(std::slice::from_ref(&setup.frames)).unwrap();
    assert!(receive(UrType::SignRequest, &inputs, &mut |_| {}).is_ok());
    let err = receive(UrType::Signature, &inputs, &mut |_| {}).unwrap_err();
    assert_eq!(err.code(), "qr-wrong-type");
}

#[test]
fn a_pending_request_can_be_discarded_once_and_says_when_superseded() {
    let setup = Setup::new();
    let watch = setup.pair("alice", 1);
    let _bob_watch = setup.pair("bob", 2);
    let pending = PendingStore::new(&setup.online, watch.name());
    let (request, record) = request_transfer(&pending, &watch, 3);

    // Nonce 3 is still usable while the proven next nonce is at most 3.
    assert!(!record.superseded(0).unwrap());
    assert!(!record.superseded(3).unwrap());
    assert!(record.superseded(4).unwrap());
    assert!(record.superseded(u64::MAX).unwrap());

    // Another wallet cannot discard it.
    let bob_pending = PendingStore::new(&setup.online, "bob-watch");
    let err = bob_pending.discard(&request.request_id).unwrap_err();
    assert_eq!(err.code(), "cold-unknown-request", "{err}");
    assert_eq!(pending.list().unwrap().len(), 1);

    let removed = pending.discard(&request.request_id).unwrap();
    assert_eq!(removed, record);
    assert!(pending.list().unwrap().is_empty());
    assert!(pending.load(&request.request_id).unwrap().is_none());

    // Twice: it is no longer pending.
    let err = pending.discard(&request.request_id).unwrap_err();
    assert!(
        matches!(err, ColdError::UnknownRequest { ref id } if *id == request.request_id.to_string())
    );
    assert_eq!(err.code(), "cold-unknown-request");

    // A signature for the discarded request is refused as unknown.
    let mut alice = setup.cold.open("alice").unwrap();
    let pairing = load_pairing(&setup.cold, &alice).unwrap();
    let review = review_request(&alice, &pairing, request).unwrap();
    let unlocked = alice.unlock(&password(), &policy()).unwrap();
    let answer = sign_after_review(&review, review.confirmed_by_person(), &unlocked).unwrap();
    let err = accept_signature(&pending, &facts(&watch), &answer).unwrap_err();
    assert_eq!(err.code(), "cold-unknown-request", "{err}");
}

#[test]
fn request_ids_parse_with_or_without_hyphens_and_nothing_else() {
    let id = jifen_qr::RequestId([0xab; 16]);
    let text = id.to_string();
    assert_eq!(jifen_wallet::cold::parse_request_id(&text).unwrap(), id);
    let bare = format!("  {}\n", text.replace('-', ""));
    assert_eq!(jifen_wallet::cold::parse_request_id(&bare).unwrap(), id);
    let long = format!("{text}00");
    for bad in ["", "not-an-id", &text[..10], long.as_str()] {
        let err = jifen_wallet::cold::parse_request_id(bad).unwrap_err();
        assert_eq!(err.code(), "cold-bad-request-id", "{bad:?}");
        assert!(matches!(err, ColdError::BadRequestId { ref id } if id == bad));
    }
}

/// A swap from alice's address, selling 1,000 base units of merchant 1.
fn swap_tx(handle: &WalletHandle, min_out: u128) -> UnsignedTransaction {
    use jifen_protocol::MerchantId;
    use jifen_protocol::points::{Swap, SwapDirection};
    let key = handle
        .account()
        .unwrap()
        .public_key(Chain::Receive, 0)
        .unwrap();
    UnsignedTransaction::new(
        ChainId::new(CHAIN).unwrap(),
        key,
        0,
        1_000,
        TxPayload::Swap(Swap {
            merchant: MerchantId::new(1).unwrap(),
            direction: SwapDirection::PointsToPoint,
            amount_in: 1_000,
            min_out,
            rate_version: 3,
            deadline: 160,
        }),
    )
}

/// TEA's context and a quote at bid 950 / den 100 (settlement): 1,000 base
/// units of TEA give 9,500 base units of POINT.
fn swap_context(quoted_out: u128) -> jifen_qr::SignContext {
    use jifen_protocol::points::FeeMode;
    use jifen_protocol::{AssetId, MerchantId};
    jifen_qr::SignContext {
        assets: vec![jifen_qr::AssetContext {
            asset: AssetId::Points(MerchantId::new(1).unwrap()),
            symbol: "TEA".into(),
            decimals: 2,
            name: Some("Tea House".into()),
        }],
        swap: Some(jifen_qr::SwapContext {
            quoted_out,
            exchange_fee: 0,
            bid: 950,
            ask: 1_050,
            den: 100,
            fee_mode: FeeMode::Settlement,
            fee_bps: 0,
            rate_version: 3,
            quote_expires_ms: 1_765_000_000_000,
        }),
        withdrawal: None,
    }
}

#[test]
fn a_context_is_checked_against_its_terms_and_old_requests_still_review() {
    let setup = Setup::new();
    let watch = setup.pair("alice", 1);
    let alice = setup.cold.open("alice").unwrap();
    let pairing = load_pairing(&setup.cold, &alice).unwrap();
    let request = |tx, context: Option<jifen_qr::SignContext>| {
        let mut request =
            jifen_wallet::cold::build_request(&facts(&watch), Chain::Receive, 0, tx, None).unwrap();
        request.context = context.map(Box::new);
        // Through the wire format, as the device receives it.
        Payload::from_cbor(
            UrType::SignRequest,
            &Payload::SignRequest(request).to_cbor(),
        )
        .unwrap()
        .into_sign_request()
        .unwrap()
    };
    let labels = |review: &jifen_wallet::cold::Review| -> Vec<(&'static str, String, bool)> {
        review
            .lines()
            .iter()
            .map(|l| (l.label, l.value.plain(), l.claimed))
            .collect()
    };

    // With a context that agrees: symbols and decimals, claims marked.
    let good = request(swap_tx(&watch, 9_000), Some(swap_context(9_500)));
    let review = review_request(&alice, &pairing, good).unwrap();
    let lines = labels(&review);
    for expected in [
        ("cold-review-kind", "cold-kind-swap", false),
        ("cold-review-merchant", "M1", false),
        ("cold-review-claim-merchant", "TEA · Tea House", true),
        ("cold-review-direction", "cold-direction-sell", false),
        ("cold-review-swap-pay", "10 TEA", false),
        ("cold-review-claim-swap-receive", "0.0095 POINT", true),
        ("cold-review-swap-min-receive", "0.009 POINT", false),
        ("cold-review-rate-version", "3", false),
        ("cold-review-deadline", "160", false),
        ("cold-review-claim-rate", "950 / 1050 / 100", true),
        (
            "cold-review-claim-fee-mode",
            "cold-fee-mode-settlement",
            true,
        ),
        ("cold-review-claim-fee-bps", "0", true),
        ("cold-review-claim-exchange-fee", "0 POINT", true),
        (
            "cold-review-claim-quote-expires",
            "2025-12-06 05:46:40 UTC",
            true,
        ),
        ("cold-review-claims-note", "cold-claims-note", false),
        ("cold-review-fee", "0.001 POINT", false),
    ] {
        let (label, value, claimed) = expected;
        assert!(
            lines.contains(&(label, value.to_owned(), claimed)),
            "{expected:?} not in {lines:#?}"
        );
    }

    // Every line renders in every locale as `jifen cold sign` renders it
    // (label translated, message values translated, the rest as is).
    let view = jifen_wallet::cold::views::ColdReviewView::of(&review);
    for locale in jifen_i18n::Locale::ALL {
        let catalog = jifen_i18n::Catalog::new(locale);
        for line in &view.lines {
            let value = match line.kind {
                jifen_wallet::cold::views::ReviewValueKind::Message => {
                    catalog.format(&line.value, &[])
                }
                _ => line.value.clone(),
            };
            let shown = catalog.format(
                "cold-review-line",
                &[
                    ("label", catalog.format(&line.label, &[]).into()),
                    ("value", value.into()),
                ],
            );
            assert!(!shown.contains('⟨'), "{locale}: {shown}");
        }
    }

    // The claimed output disagrees with the carried terms: refused.
    let lying = request(swap_tx(&watch, 9_000), Some(swap_context(9_600)));
    let err = review_request(&alice, &pairing, lying).unwrap_err();
    assert_eq!(err.code(), "cold-context-mismatch", "{err}");
    for locale in jifen_i18n::Locale::ALL {
        let text = jifen_i18n::Catalog::new(locale)
            .format(err.code(), &jifen_protocol::message::Coded::args(&err));
        assert!(text.contains("quoted output"), "{locale}: {text}");
    }
    assert!(matches!(
        err,
        ColdError::ContextMismatch {
            field: "quoted output"
        }
    ));
    // A quote below the swap's own minimum, another rate version, a swap
    // context on a transfer: refused too.
    let below = request(swap_tx(&watch, 9_501), Some(swap_context(9_500)));
    assert_eq!(
        review_request(&alice, &pairing, below).unwrap_err().code(),
        "cold-context-mismatch"
    );
    let mut other_version = swap_context(9_500);
    if let Some(s) = other_version.swap.as_mut() {
        s.rate_version = 2;
    }
    let versioned = request(swap_tx(&watch, 9_000), Some(other_version));
    assert!(matches!(
        review_request(&alice, &pairing, versioned).unwrap_err(),
        ColdError::ContextMismatch {
            field: "rate version"
        }
    ));
    let mut swap_only = swap_context(9_500);
    swap_only.assets.clear();
    let on_transfer = request(transfer(&watch, CHAIN, 0), Some(swap_only));
    assert_eq!(
        review_request(&alice, &pairing, on_transfer)
            .unwrap_err()
            .code(),
        "cold-context-mismatch"
    );

    // The same swap without a context: bound values only, amounts of the
    // merchant's asset in base units, no claims.
    let bare = request(swap_tx(&watch, 9_000), None);
    assert!(bare.context.is_none());
    let lines = labels(&review_request(&alice, &pairing, bare).unwrap());
    assert!(lines.contains(&(
        "cold-review-swap-pay",
        "1000 M1 base units".to_owned(),
        false
    )));
    assert!(lines.iter().all(|(_, _, claimed)| !claimed), "{lines:#?}");

    // An old transfer request (no key 8) reviews exactly as before.
    let old = request(transfer(&watch, CHAIN, 0), None);
    let lines = labels(&review_request(&alice, &pairing, old).unwrap());
    let shown: Vec<&str> = lines.iter().map(|(label, _, _)| *label).collect();
    assert_eq!(
        shown,
        [
            "cold-review-kind",
            "cold-review-amount",
            "cold-review-recipient",
            "cold-review-fee",
            "cold-review-from",
            "cold-review-path",
            "cold-review-chain",
            "cold-review-nonce",
            "cold-review-request-id",
        ]
    );
}

/// A transaction of `payload` from alice's first address.
fn points_tx(handle: &WalletHandle, payload: TxPayload) -> UnsignedTransaction {
    let key = handle
        .account()
        .unwrap()
        .public_key(Chain::Receive, 0)
        .unwrap();
    UnsignedTransaction::new(ChainId::new(CHAIN).unwrap(), key, 0, 1_000, payload)
}

#[test]
fn payments_and_withdrawals_show_their_claims_and_a_wrong_payout_is_refused() {
    use jifen_protocol::points::{TransferAsset, Withdraw};
    use jifen_protocol::{AssetId, MerchantId};
    let setup = Setup::new();
    let watch = setup.pair("alice", 1);
    let alice = setup.cold.open("alice").unwrap();
    let pairing = load_pairing(&setup.cold, &alice).unwrap();
    let review = |payload, context: Option<jifen_qr::SignContext>| {
        let mut request = jifen_wallet::cold::build_request(
            &facts(&watch),
            Chain::Receive,
            0,
            points_tx(&watch, payload),
            None,
        )
        .unwrap();
        request.context = context.map(Box::new);
        let request = Payload::from_cbor(
            UrType::SignRequest,
            &Payload::SignRequest(request).to_cbor(),
        )
        .unwrap()
        .into_sign_request()
        .unwrap();
        review_request(&alice, &pairing, request).map(|r| {
            r.lines()
                .iter()
                .map(|l| (l.label, l.value.plain(), l.claimed))
                .collect::<Vec<_>>()
        })
    };

    // A payment of 12.34 TEA with an order id.
    let tea = AssetId::Points(MerchantId::new(1).unwrap());
    let payment = TxPayload::TransferAsset(TransferAsset {
        asset: tea,
        to: Address::from_bytes([0x22; 20]),
        amount: 1_234,
        memo: b"order-7".to_vec(),
    });
    let context = jifen_qr::SignContext {
        assets: vec![jifen_qr::AssetContext {
            asset: tea,
            symbol: "TEA".into(),
            decimals: 2,
            name: None,
        }],
        swap: None,
        withdrawal: None,
    };
    let lines = review(payment.clone(), Some(context)).unwrap();
    for expected in [
        ("cold-review-kind", "cold-kind-transfer-asset", false),
        ("cold-review-asset", "M1", false),
        ("cold-review-claim-merchant", "TEA", true),
        ("cold-review-amount", "12.34 TEA", false),
        ("cold-review-memo", "order-7", false),
    ] {
        let (label, value, claimed) = expected;
        assert!(
            lines.contains(&(label, value.to_owned(), claimed)),
            "{expected:?} not in {lines:#?}"
        );
    }
    // Without the context: base units, never guessed decimals.
    let lines = review(payment, None).unwrap();
    assert!(lines.contains(&("cold-review-amount", "1234 M1 base units".to_owned(), false)));

    // A withdrawal of 100 POINT: fee and payout are claims that must add up.
    let withdraw = TxPayload::Withdraw(Withdraw {
        amount: 100_000_000,
        reference: b"IBAN DE00".to_vec(),
    });
    let claimed = |fee, payout| jifen_qr::SignContext {
        assets: Vec::new(),
        swap: None,
        withdrawal: Some(jifen_qr::WithdrawalContext { fee, payout }),
    };
    let lines = review(withdraw.clone(), Some(claimed(500_000, 99_500_000))).unwrap();
    for expected in [
        ("cold-review-withdraw-amount", "100 POINT", false),
        ("cold-review-reference", "IBAN DE00", false),
        ("cold-review-claim-withdrawal-fee", "0.5 POINT", true),
        ("cold-review-claim-payout", "99.5 POINT", true),
    ] {
        let (label, value, claimed) = expected;
        assert!(
            lines.contains(&(label, value.to_owned(), claimed)),
            "{expected:?} not in {lines:#?}"
        );
    }
    let err = review(withdraw, Some(claimed(500_000, 99_600_000))).unwrap_err();
    assert!(matches!(
        err,
        ColdError::ContextMismatch {
            field: "fee and payout"
        }
    ));
}

/// A signature accepted while another process discards its request (it
/// holds the pending folder's lock and removes the record) is refused as
/// unknown and the request stays discarded: the record is read again under
/// the lock, not written back from a copy read before it.
#[test]
fn a_signature_accepted_while_another_process_discards_its_request_leaves_it_discarded() {
    let setup = Setup::new();
    let watch = setup.pair("alice", 1);
    let pending = PendingStore::new(&setup.online, watch.name());
    let (request, _) = request_transfer(&pending, &watch, 3);
    let mut alice = setup.cold.open("alice").unwrap();
    let pairing = load_pairing(&setup.cold, &alice).unwrap();
    let review = review_request(&alice, &pairing, request.clone()).unwrap();
    let unlocked = alice.unlock(&password(), &policy()).unwrap();
    let answer = sign_after_review(&review, review.confirmed_by_person(), &unlocked).unwrap();

    let dir = setup
        .online
        .dir()
        .join("cold")
        .join("pending")
        .join(watch.name());
    let discarding = jifen_files::Lock::try_acquire(jifen_files::lock_path(&dir)).unwrap();
    let accepting = {
        let (pending, facts) = (pending.clone(), facts(&watch));
        std::thread::spawn(move || accept_signature(&pending, &facts, &answer))
    };
    // Long enough for the accept to have read and checked the record.
    std::thread::sleep(Duration::from_millis(300));
    std::fs::remove_file(dir.join(format!("{}.json", request.request_id))).unwrap();
    drop(discarding);
    let err = accepting.join().unwrap().unwrap_err();
    assert_eq!(err.code(), "cold-unknown-request", "{err}");
    assert!(pending.load(&request.request_id).unwrap().is_none());
    assert!(pending.list().unwrap().is_empty());
}
