//! The app's provenance commands against an in-process devnet running its
//! subchains, on the mock runtime: a tag parsed (and refused with its own
//! code), an item the chain does not know looked up on the chain worker
//! (`unknown-product`, proven at a verified header) and its audit bundle
//! saved; the refusals of the merchant actions for a wallet that is not a
//! registered party, of an export before any lookup and of a receiving
//! confirmation nothing was reviewed for; then the devnet's demo products,
//! one per verdict, and a demo retailer (restored from its public devnet
//! words) receiving the authentic product and selling it, after which a
//! counter scan of it is a suspected copy.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::time::Instant;

use jifen_node::devnet::Devnet;
use jifen_node::provenance::{DEMO_PRODUCTS, DemoKind, RETAILER_TEA_ROLE, demo_product};
use serde_json::{Value, json};
use support::{app, channel, code, create, invoke, window};
use tauri::WebviewWindow;
use tauri::test::MockRuntime;

/// A GS1 example GTIN (check digit right) with a serial no one anchored.
const UNKNOWN: &str = "https://id.gs1.org/01/09506000134352/21/NOT-ON-CHAIN";

fn start_devnet(dir: &std::path::Path) -> Devnet {
    jifen_testenv::devnet::DevnetBuilder::new(dir.join("node"))
        .block_time_ms(200)
        .subchains()
        .start()
        .unwrap()
}

#[test]
fn parse_trace_an_unknown_item_export_and_the_merchant_refusals() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = start_devnet(dir.path());
    let app = app(
        &dir.path().join("app"),
        Some(vec![format!("http://{}", devnet.rpc_addr())]),
    );
    let main = window(&app, "main");
    create(&main, "shop");

    // A tag parsed; a wrong check digit refused with a tag code.
    let parsed = invoke(&main, "parse_tag", json!({"args": {"text": UNKNOWN}})).unwrap();
    assert_eq!(parsed["gtin"], "09506000134352");
    assert_eq!(parsed["serial"], "NOT-ON-CHAIN");
    let bad = code(invoke(
        &main,
        "parse_tag",
        json!({"args": {"text": "https://id.gs1.org/01/09506000134353/21/A1"}}),
    ));
    assert!(bad.starts_with("tag-"), "{bad}");

    // Nothing to export or sign yet.
    assert_eq!(
        code(invoke(&main, "export_trace_bundle", json!({}))),
        "app-trace-none"
    );
    assert_eq!(
        code(invoke(
            &main,
            "confirm_receiving",
            json!({"args": {"event_hash": "ni:///sha-256;00?ver=CBV2.0"}, "onProgress": channel()})
        )),
        "chain-no-such-review"
    );

    // An item the chain does not know: unknown, proven at a verified header.
    let traced = invoke(
        &main,
        "trace_tag",
        json!({"args": {"tag": UNKNOWN, "purpose": "counter"}, "onProgress": channel()}),
    )
    .unwrap();
    assert_eq!(traced["verdict"], "unknown-product", "{traced}");
    assert_eq!(traced["purpose"], "counter");
    assert_eq!(traced["records"], json!([]));
    assert_eq!(traced["anchor"], serde_json::Value::Null);
    assert!(traced["proven_at"]["height"].as_u64().unwrap() >= 1);
    assert!(!traced["reasons"].as_array().unwrap().is_empty());

    // Its audit bundle, saved under the exports.
    let path = invoke(&main, "export_trace_bundle", json!({})).unwrap();
    let path = std::path::PathBuf::from(path.as_str().unwrap());
    assert!(
        path.starts_with(dir.path().join("app")),
        "{}",
        path.display()
    );
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(saved["format"], "jifen-provenance-bundle/1");
    assert_eq!(saved["verdict"], "unknown-product");

    // A fresh wallet is no registered party: neither receiving nor a sale.
    let request = json!({"tag": UNKNOWN, "location": "9506000134369", "place": null, "time_zone": "+08:00", "from_index": 0});
    assert_eq!(
        code(invoke(
            &main,
            "review_receiving",
            json!({"args": request, "onProgress": channel()})
        )),
        "trace-not-a-party"
    );
    assert_eq!(
        code(invoke(
            &main,
            "review_sale",
            json!({"args": {"tag": UNKNOWN, "from_index": 0, "fee": null}})
        )),
        "trace-not-a-party"
    );
}

fn trace(main: &WebviewWindow<MockRuntime>, tag: &str, purpose: &str) -> Value {
    invoke(
        main,
        "trace_tag",
        json!({"args": {"tag": tag, "purpose": purpose}, "onProgress": channel()}),
    )
    .unwrap()
}

fn expected(kind: DemoKind) -> &'static str {
    match kind {
        DemoKind::Authentic | DemoKind::Long => "authentic",
        DemoKind::Tampered => "tampered",
        DemoKind::Cloned => "suspected-clone",
        DemoKind::Unanchored => "unanchored",
        DemoKind::Unregistered => "signer-not-registered",
    }
}

#[test]
fn demo_products_each_verdict_then_a_retailer_receives_and_sells() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = start_devnet(dir.path());
    let app = app(
        &dir.path().join("app"),
        Some(vec![format!("http://{}", devnet.rpc_addr())]),
    );
    let main = window(&app, "main");
    create(&main, "consumer");

    // The demo is written over the first blocks (records, anchors, sales):
    // looked up again until every product shows its verdict.
    let started = Instant::now();
    loop {
        let seen: Vec<(DemoKind, Value)> = DEMO_PRODUCTS
            .iter()
            .map(|p| (p.kind, trace(&main, &p.tag_uri(), "inspect")))
            .collect();
        if seen.iter().all(|(kind, t)| t["verdict"] == expected(*kind)) {
            for (kind, t) in &seen {
                let product = demo_product(*kind);
                assert_eq!(
                    t["records"].as_array().unwrap().len() as u32,
                    product.records,
                    "{kind:?}"
                );
                assert_eq!(
                    t["sales"].as_array().unwrap().len() as u32,
                    product.sales,
                    "{kind:?}"
                );
                if *kind != DemoKind::Authentic && *kind != DemoKind::Long {
                    assert!(
                        !t["reasons"].as_array().unwrap().is_empty(),
                        "{kind:?}: {t}"
                    );
                }
            }
            break;
        }
        assert!(
            started.elapsed() < 4 * jifen_testenv::DEADLINE,
            "the demo products did not show their verdicts: {:?}",
            seen.iter()
                .map(|(k, t)| format!("{k:?}: {}", t["verdict"]))
                .collect::<Vec<_>>()
        );
        std::thread::sleep(std::time::Duration::from_millis(500));
    }

    // The TEA retailer (its public devnet words) receives the authentic item
    // and sells it; each is what the review showed.
    let authentic = demo_product(DemoKind::Authentic);
    let words = jifen_node::keys::NodeKey::devnet_role_words(RETAILER_TEA_ROLE).unwrap();
    invoke(
        &main,
        "restore_wallet",
        json!({"args": {"name": "tea-shop", "phrase": words, "passphrase": "",
            "password": support::PASSWORD}}),
    )
    .unwrap();
    let review = invoke(
        &main,
        "review_receiving",
        json!({"args": {"tag": authentic.tag_uri(), "location": "9506000134369",
            "place": "茶香咖啡 TEA", "time_zone": "+08:00", "from_index": 0},
            "onProgress": channel()}),
    )
    .unwrap();
    assert_eq!(review["biz_step"], "receiving");
    assert_eq!(review["index"], authentic.records);
    // Only the reviewed record is signed.
    assert_eq!(
        code(invoke(
            &main,
            "confirm_receiving",
            json!({"args": {"event_hash": "ni:///sha-256;00?ver=CBV2.0"}, "onProgress": channel()})
        )),
        "chain-no-such-review"
    );
    let recorded = invoke(
        &main,
        "confirm_receiving",
        json!({"args": {"event_hash": review["event_hash"]}, "onProgress": channel()}),
    )
    .unwrap();
    assert_eq!(recorded["index"], authentic.records);
    assert_eq!(recorded["event_hash"], review["event_hash"]);
    let received = trace(&main, &authentic.tag_uri(), "inspect");
    assert_eq!(
        received["records"].as_array().unwrap().len() as u32,
        authentic.records + 1
    );

    let sale = invoke(
        &main,
        "review_sale",
        json!({"args": {"tag": authentic.tag_uri(), "from_index": 0, "fee": null}}),
    )
    .unwrap();
    assert_eq!(sale["kind"], "sale");
    let sold = invoke(
        &main,
        "confirm_action",
        json!({"args": {"review_id": sale["review_id"]}, "onProgress": channel()}),
    )
    .unwrap();
    assert_eq!(sold["kind"], "sale", "{sold}");
    // A counter scan of a sold item is a copy.
    let counter = trace(&main, &authentic.tag_uri(), "counter");
    assert_eq!(counter["verdict"], "suspected-clone", "{counter}");
    assert_eq!(counter["sales"].as_array().unwrap().len(), 1);
    assert_eq!(
        code(invoke(
            &main,
            "review_sale",
            json!({"args": {"tag": authentic.tag_uri(), "from_index": 0, "fee": null}})
        )),
        "trace-already-sold"
    );
}
