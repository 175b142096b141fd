//! The app's provenance commands against an in-process devnet running its
//! subchains, on the mock runtime: a tag parsed (and refused with its own
//! code), an item the chain does not know looked up on the chain worker
//! (`unknown-product`, proven at a verified header) and its audit bundle
//! saved; the refusals of the merchant actions for a wallet that is not a
//! registered party, of an export before any lookup and of a receiving
//! confirmation nothing was reviewed for.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use jifen_node::devnet::Devnet;
use serde_json::json;
use support::{app, channel, code, create, invoke, window};

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
    assert_eq!(saved["view"]["verdict"], "unknown-product");

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
