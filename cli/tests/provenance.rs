//! `jifen trace`, `verify-trace-bundle`, `tag parse` and `epcis hash`
//! driven through the built binary: the devnet's demo products' verdicts in
//! Chinese and English, a counter scan, the bundle re-checked offline, and
//! the partner tools' exact output and exit codes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::time::{Duration, Instant};

use jifen_node::provenance::demo::{DemoKind, demo_product};
use serde_json::Value;

mod common;
use common::{fails_with, jifen, ok, run, stdout};

#[test]
fn trace_tag_and_epcis_through_the_cli() {
    let node_dir = tempfile::tempdir().unwrap();
    let devnet = jifen_testenv::devnet::DevnetBuilder::new(node_dir.path())
        .subchains()
        .start()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let primary = format!("http://{}", devnet.rpc_addr());
    ok(run(jifen(data).args(["endpoints", "--primary", &primary])));

    // The demo is written over the first blocks: wait for each verdict.
    let until = |tag: &str, verdict: &str| {
        let started = Instant::now();
        loop {
            let out = ok(run(jifen(data).args(["trace", tag, "--json"])));
            let view: Value = serde_json::from_str(&stdout(&out)).unwrap();
            if view["verdict"] == verdict {
                return view;
            }
            assert!(started.elapsed() < Duration::from_secs(120), "{view}");
            std::thread::sleep(Duration::from_millis(300));
        }
    };
    let cloned = demo_product(DemoKind::Cloned).tag_uri();
    let view = until(&cloned, "suspected-clone");
    assert_eq!(view["reasons"][0]["code"], "trace-reason-sold-twice");

    // The timeline and verdict in Chinese; the tampered record named.
    let tampered = demo_product(DemoKind::Tampered).tag_uri();
    until(&tampered, "tampered");
    let out = ok(run(jifen(data).env("JIFEN_LANG", "zh-CN").args(["trace", &tampered])));
    let text = stdout(&out);
    assert!(text.contains("结论：记录被篡改"), "{text}");
    assert!(text.contains("✗哈希"), "{text}");
    assert!(text.contains("第 3 条记录被改动过"), "{text}");

    // A counter scan of the authentic item, its bundle re-checked offline.
    let authentic = demo_product(DemoKind::Authentic).tag_uri();
    until(&authentic, "authentic");
    let bundles = dir.path().join("bundles");
    let out = ok(run(jifen(data).args([
        "trace",
        "--counter",
        "--bundle",
        bundles.to_str().unwrap(),
        &authentic,
    ])));
    let text = stdout(&out);
    assert!(text.contains("Verdict: Authentic"), "{text}");
    assert!(text.contains("encrypted for"), "{text}");
    let file = std::fs::read_dir(&bundles).unwrap().next().unwrap().unwrap().path();
    let out = ok(run(jifen(data).args(["verify-trace-bundle", file.to_str().unwrap()])));
    assert!(stdout(&out).contains("Authentic"), "{}", stdout(&out));

    // The partner tools.
    let out = ok(run(jifen(data).args([
        "tag",
        "parse",
        "--json",
        "https://example.com/01/9506000134352/10/L1/21/S%2F1?17=261231",
    ])));
    let tag: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(tag["gtin"], "09506000134352");
    assert_eq!(tag["serial"], "S/1");
    assert_eq!(tag["lot"], "L1");
    assert_eq!(tag["expiry"], "2026-12-31");
    fails_with(
        &run(jifen(data).args(["tag", "parse", "https://id.gs1.org/01/09506000134353/21/1"])),
        "check digit",
    );
    let event = dir.path().join("event.json");
    std::fs::write(
        &event,
        r#"{"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],"type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2026-10-01T00:00:00Z","epcisBody":{"eventList":[{"type":"ObjectEvent","eventTime":"2026-10-01T08:00:00+08:00","eventTimeZoneOffset":"+08:00","epcList":["https://id.gs1.org/01/09506000134352/21/1"],"action":"OBSERVE","bizStep":"receiving"},{"type":"ObjectEvent","eventTime":"2026-10-02T08:00:00.000Z","eventTimeZoneOffset":"+00:00","epcList":["urn:epc:id:sgtin:9506000.013435.2"],"action":"OBSERVE","bizStep":"shipping"}]}}"#,
    )
    .unwrap();
    let out = ok(run(jifen(data).args(["epcis", "hash", event.to_str().unwrap()])));
    let printed = stdout(&out);
    let lines: Vec<&str> = printed.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|l| l.starts_with("ni:///sha-256;") && l.ends_with("?ver=CBV2.0")));
    assert_ne!(lines[0], lines[1]);
    fails_with(
        &run(jifen(data).args(["epcis", "hash", file.to_str().unwrap()])),
        "EPCIS",
    );
}
