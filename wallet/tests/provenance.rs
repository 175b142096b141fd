//! The provenance use cases against a devnet started in-process with its
//! demo products (`jifen_node::provenance::demo`): one lookup per verdict
//! (authentic, tampered, suspected clone, unanchored, signer not
//! registered, unknown product), the 20-record item, the lookup's bundle
//! re-checked offline (and refused once changed), a merchant receiving
//! goods (the record proven on the subchain, then anchored by the devnet's
//! tag issuer) and recording the sale (a counter scan then says "sold
//! before"), and the refusals a person meets.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;
use std::time::{Duration, Instant};

use jifen_crypto::keystore::Password;
use jifen_crypto::mnemonic::Mnemonic;
use jifen_node::keys::NodeKey;
use jifen_node::provenance::demo::{DemoKind, demo_product};
use jifen_protocol::Network;
use jifen_protocol::message::Coded;
use jifen_wallet::action::{ActionReview, now_ms};
use jifen_wallet::audit::{RootOf, Source};
use jifen_wallet::chain::ChainSession;
use jifen_wallet::onboarding::{self, Secrets};
use jifen_wallet::open::calibrate;
use jifen_wallet::provenance::receiving::{self, ReceivingRequest};
use jifen_wallet::provenance::sale::{self, SaleRequest};
use jifen_wallet::provenance::trace::{Traced, trace};
use jifen_wallet::provenance::views::{TracePurpose, VerdictView};
use jifen_wallet::provenance::{ProvenanceFlowError, bundle, tag};
use jifen_wallet::send::broadcast_and_prove;
use jifen_wallet::{CancelToken, FrontEnd, OpenWallet, WalletContext, sync};

const WAIT: Duration = Duration::from_secs(120);

fn context(dir: &Path, endpoint: String) -> WalletContext {
    let mut ctx = WalletContext::new(dir, Network::Devnet, FrontEnd::Cli);
    ctx.kdf_policy = jifen_testenv::kdf::fast_kdf_policy();
    ctx.endpoints_override = Some(vec![endpoint]);
    ctx
}

fn role_wallet(ctx: &WalletContext, role: &str) -> OpenWallet {
    let words = NodeKey::devnet_role_words(role).unwrap();
    let mnemonic = Mnemonic::parse(&words, None).unwrap();
    let password = Password::new("provenance test password").unwrap();
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

fn look(session: &mut ChainSession, tag: &str, purpose: TracePurpose) -> Traced {
    trace(session, tag, purpose, &mut |_| {}, &CancelToken::new()).unwrap()
}

/// Looks `tag` up until `done` holds (the devnet writes and anchors its
/// demo over its first blocks), at most [`WAIT`].
fn look_until(
    session: &mut ChainSession,
    tag: &str,
    purpose: TracePurpose,
    done: impl Fn(&Traced) -> bool,
) -> Traced {
    let started = Instant::now();
    loop {
        let traced = look(session, tag, purpose);
        if done(&traced) {
            return traced;
        }
        assert!(
            started.elapsed() < WAIT,
            "{tag}: still {:?} with {} records after {WAIT:?}: {:?}",
            traced.view.verdict,
            traced.view.records.len(),
            traced.view.reasons
        );
        std::thread::sleep(Duration::from_millis(300));
    }
}

fn codes(traced: &Traced) -> Vec<String> {
    traced.view.reasons.iter().map(|r| r.code.clone()).collect()
}

#[test]
fn every_demo_product_gets_its_verdict_and_a_merchant_receives_and_sells() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = jifen_testenv::devnet::DevnetBuilder::new(dir.path().join("node"))
        .subchains()
        .start()
        .unwrap();
    let endpoint = format!("http://{}", devnet.rpc_addr());
    let ctx = context(&dir.path().join("wallet"), endpoint.clone());
    let mut session = synced(&ctx);

    // Authentic: every record checked and anchored; the carrier's record
    // holds the consignee's data sealed for the retailer.
    let authentic = demo_product(DemoKind::Authentic);
    let traced = look_until(
        &mut session,
        &authentic.tag_uri(),
        TracePurpose::Inspect,
        |t| t.view.verdict == VerdictView::Authentic,
    );
    assert_eq!(traced.view.records.len(), authentic.records as usize);
    assert!(traced.view.reasons.is_empty());
    assert!(traced.view.records.iter().all(|r| {
        let c = &r.checks;
        c.hash && c.signature && c.link && c.signer && c.anchored && c.order
    }));
    assert!(traced.view.records.iter().any(|r| r.sealed_for.is_some()));
    assert_eq!(
        traced.view.records[0].biz_step.as_deref(),
        Some("commissioning")
    );
    assert!(traced.view.subchain_height > 0 && traced.view.proven_at.height > 0);
    let counter = look(&mut session, &authentic.tag_uri(), TracePurpose::Counter);
    assert_eq!(counter.view.verdict, VerdictView::Authentic);

    // Its bundle re-checks offline to the same verdict; a changed record
    // does not.
    let path = bundle::save(&traced.bundle, &dir.path().join("bundles")).unwrap();
    let checked =
        bundle::verify(&ctx, RootOf::Session(&session), Source::File(&path), None).unwrap();
    assert!(checked.matches, "{checked:?}");
    assert_eq!(checked.verdict, VerdictView::Authentic);
    assert_eq!(checked.records, authentic.records);
    let mut changed = traced.bundle.clone();
    let value = changed.pages[0].records[1].value.as_mut().unwrap();
    let flip = value.len() - 10;
    value.replace_range(
        flip..flip + 1,
        if &value[flip..=flip] == "0" { "1" } else { "0" },
    );
    let text = serde_json::to_string(&changed).unwrap();
    let error =
        bundle::verify(&ctx, RootOf::Session(&session), Source::Text(&text), None).unwrap_err();
    assert_eq!(error.code(), "trace-bundle-invalid", "{error:?}");

    // The 20-record item.
    let long = demo_product(DemoKind::Long);
    let traced = look_until(&mut session, &long.tag_uri(), TracePurpose::Inspect, |t| {
        t.view.verdict == VerdictView::Authentic
    });
    assert_eq!(traced.view.records.len(), 20);

    // Tampered: the rewritten record fails its hash, named.
    let tampered = demo_product(DemoKind::Tampered);
    let traced = look_until(
        &mut session,
        &tampered.tag_uri(),
        TracePurpose::Inspect,
        |t| t.view.verdict == VerdictView::Tampered,
    );
    assert_eq!(codes(&traced)[0], "trace-reason-hash-mismatch");
    let bad = &traced.view.records[2];
    assert!(!bad.checks.hash && bad.checks.signature);
    assert_eq!(
        bad.problem.as_ref().unwrap().code,
        "trace-reason-hash-mismatch"
    );

    // Cloned: sold twice.
    let cloned = demo_product(DemoKind::Cloned);
    let traced = look_until(
        &mut session,
        &cloned.tag_uri(),
        TracePurpose::Inspect,
        |t| t.view.sales.len() == 2,
    );
    assert_eq!(traced.view.verdict, VerdictView::SuspectedClone);
    assert_eq!(codes(&traced), ["trace-reason-sold-twice"]);

    // Unanchored: 6 records, 4 anchored.
    let unanchored = demo_product(DemoKind::Unanchored);
    let traced = look_until(
        &mut session,
        &unanchored.tag_uri(),
        TracePurpose::Inspect,
        |t| t.view.anchor.is_some() && t.view.records.len() == 6,
    );
    assert_eq!(traced.view.verdict, VerdictView::Unanchored);
    assert_eq!(traced.view.anchor.as_ref().unwrap().count, 4);
    assert!(traced.view.records[3].checks.anchored && !traced.view.records[4].checks.anchored);

    // Signer not registered.
    let unregistered = demo_product(DemoKind::Unregistered);
    let traced = look_until(
        &mut session,
        &unregistered.tag_uri(),
        TracePurpose::Inspect,
        |t| t.view.records.len() == unregistered.records as usize && t.view.anchor.is_some(),
    );
    assert_eq!(traced.view.verdict, VerdictView::SignerNotRegistered);
    assert_eq!(codes(&traced)[0], "trace-reason-signer-unknown");
    assert_eq!(traced.view.records[1].party.name, None);

    // Unknown: a valid tag the chain never heard of.
    let traced = look(
        &mut session,
        "https://example.com/01/06901234100099/21/NOPE?net=devnet",
        TracePurpose::Counter,
    );
    assert_eq!(traced.view.verdict, VerdictView::UnknownProduct);

    // Refusals: another network, a bad check digit, no serial.
    let error = trace(
        &mut session,
        &authentic.tag_uri().replace("devnet", "mainnet"),
        TracePurpose::Inspect,
        &mut |_| {},
        &CancelToken::new(),
    )
    .unwrap_err();
    assert_eq!(error.code(), "trace-wrong-network");
    assert_eq!(
        tag::parse("https://id.gs1.org/01/06901234100014/21/X")
            .unwrap_err()
            .code(),
        "tag-bad-check-digit"
    );
    assert_eq!(
        tag::parse("https://id.gs1.org/01/06901234100013")
            .unwrap_err()
            .code(),
        "tag-missing-serial"
    );

    // A retailer receives the long item: its record is proven on the
    // subchain, then the devnet's tag issuer extends the anchor.
    let shop_ctx = context(&dir.path().join("shop"), endpoint);
    let shop = role_wallet(&shop_ctx, jifen_node::provenance::demo::RETAILER_MALL_ROLE);
    let mut shop_session = synced(&shop_ctx);
    let request = ReceivingRequest {
        tag: long.tag_uri(),
        location: "https://id.gs1.org/414/6901234000061/254/dock-2".into(),
        place: Some("百货商城 收货区 / MALL receiving dock".into()),
        time_zone: Some("+08:00".into()),
        from_index: 0,
    };
    let facts = shop.facts().unwrap();
    let error = receiving::prepare(
        &mut shop_session,
        &facts,
        &ReceivingRequest {
            location: "6901234000093".into(),
            ..request.clone()
        },
        &mut |_| {},
        &CancelToken::new(),
    )
    .unwrap_err();
    assert_eq!(error.code(), "trace-location-invalid");
    let prepared = receiving::prepare(
        &mut shop_session,
        &facts,
        &request,
        &mut |_| {},
        &CancelToken::new(),
    )
    .unwrap();
    assert_eq!(prepared.review().index, 20);
    let signed = prepared.sign(shop.keys().unwrap()).unwrap();
    let recorded =
        receiving::submit_and_prove(&mut shop_session, &signed, &mut |_| {}, &CancelToken::new())
            .unwrap();
    assert_eq!(recorded.index, Some(20));
    let traced = look_until(&mut session, &long.tag_uri(), TracePurpose::Inspect, |t| {
        t.view.records.len() == 21 && t.view.verdict == VerdictView::Authentic
    });
    assert_eq!(
        traced.view.records[20].biz_step.as_deref(),
        Some("receiving")
    );

    // A consumer wallet is not a party: it cannot receive or sell.
    let consumer_ctx = context(
        &dir.path().join("consumer"),
        format!("http://{}", devnet.rpc_addr()),
    );
    let consumer = role_wallet(&consumer_ctx, "consumer");
    let mut consumer_session = synced(&consumer_ctx);
    let error = sale::review(
        &consumer_session.reader(),
        &consumer.facts().unwrap(),
        &SaleRequest {
            tag: long.tag_uri(),
            from_index: 0,
            fee: None,
        },
    )
    .unwrap_err();
    assert_eq!(error.code(), "trace-not-a-party");
    let _ = &mut consumer_session;

    // The retailer sells it; a counter scan then says "sold before", an
    // inspection shows the sale; a second sale is refused by the wallet.
    let prepared = sale::review(
        &shop_session.reader(),
        &facts,
        &SaleRequest {
            tag: long.tag_uri(),
            from_index: 0,
            fee: None,
        },
    )
    .unwrap();
    assert!(matches!(prepared.review(), ActionReview::Sale(_)));
    let tx = prepared.sign(shop.keys().unwrap(), now_ms()).unwrap();
    broadcast_and_prove(
        &mut shop_session,
        &tx,
        &prepared.sender(),
        WAIT,
        &mut |_| {},
        &CancelToken::new(),
    )
    .unwrap();
    let counter = look(&mut session, &long.tag_uri(), TracePurpose::Counter);
    assert_eq!(counter.view.verdict, VerdictView::SuspectedClone);
    assert_eq!(codes(&counter), ["trace-reason-sold-before"]);
    let inspect = look(&mut session, &long.tag_uri(), TracePurpose::Inspect);
    assert_eq!(inspect.view.verdict, VerdictView::Authentic);
    assert_eq!(inspect.view.sales.len(), 1);
    let again = sale::review(
        &shop_session.reader(),
        &facts,
        &SaleRequest {
            tag: long.tag_uri(),
            from_index: 0,
            fee: None,
        },
    );
    let error: ProvenanceFlowError = again.unwrap_err();
    assert_eq!(error.code(), "trace-already-sold");
}
