//! The points commands (`points`, `merchants`, `merchant show`, `quote`,
//! `swap`, `request-payment`, `pay`, `history`, `receipt`, `verify-bundle`
//! of a receipt) driven through the built `jifen` binary against a devnet
//! started in this process, as the demo consumer restored from its public
//! words; messages checked in English and Chinese.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use jifen_node::keys::NodeKey;
use serde_json::Value;

mod common;
use common::{PASSWORD, fails_with, jifen, ok, run, run_with_input, stderr, stdout};

fn restore_role(data: &Path, role: &str) {
    let words = NodeKey::devnet_role_words(role).unwrap();
    ok(run_with_input(
        jifen(data)
            .args(["restore", "--name", role])
            .env("JIFEN_PASSWORD", PASSWORD),
        &format!("{words}\n"),
    ));
}

#[test]
fn a_consumer_quotes_swaps_pays_and_reads_a_proven_history() {
    let node_dir = tempfile::tempdir().unwrap();
    let mut devnet = jifen_testenv::devnet::DevnetBuilder::new(node_dir.path())
        .start()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    restore_role(data, "consumer");
    ok(run(jifen(data).args([
        "endpoints",
        "--primary",
        &format!("http://{}", devnet.rpc_addr()),
    ])));

    // Proven holdings, as JSON and as text.
    let out = ok(run(jifen(data).args(["points", "--json"])));
    let view: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(view["assets"][1]["balance"]["text"], "25000");
    assert_eq!(view["assets"][1]["asset"]["symbol"], "TEA");
    let out = ok(run(jifen(data).args(["points", "--lang", "en"])));
    assert!(stdout(&out).contains("25000 TEA"), "{}", stdout(&out));
    let out = ok(run(
        jifen(data).args(["merchant", "show", "FUEL", "--lang", "en"])
    ));
    assert!(
        stdout(&out).contains("rate v3 (current)"),
        "{}",
        stdout(&out)
    );

    // A quote in both languages; refusals are specific.
    let out = ok(run(jifen(data).args([
        "quote",
        "--merchant",
        "MALL",
        "--side",
        "sell",
        "--amount",
        "100",
        "--lang",
        "en",
    ])));
    let quote = stdout(&out);
    assert!(
        quote.contains("you receive:          4.975 POINT"),
        "{quote}"
    );
    assert!(
        quote.contains("exchange fee:         0.025 POINT"),
        "{quote}"
    );
    let out = ok(run(jifen(data).args([
        "quote",
        "--merchant",
        "MALL",
        "--side",
        "sell",
        "--amount",
        "100",
        "--lang",
        "zh-CN",
    ])));
    assert!(stdout(&out).contains("您收到"), "{}", stdout(&out));
    let out = run(jifen(data).args([
        "quote",
        "--merchant",
        "TEA",
        "--side",
        "buy",
        "--amount",
        "1.005",
        "--lang",
        "en",
    ]));
    fails_with(&out, "is not a multiple of 0.01 POINT");

    // A swap needs confirmation when scripted.
    let out = run(jifen(data).args([
        "swap",
        "--merchant",
        "TEA",
        "--side",
        "buy",
        "--amount",
        "5",
    ]));
    assert!(!out.status.success());
    let out = ok(run(jifen(data)
        .args([
            "swap",
            "--merchant",
            "TEA",
            "--side",
            "buy",
            "--amount",
            "5",
            "--yes",
            "--lang",
            "en",
        ])
        .env("JIFEN_PASSWORD", PASSWORD)));
    let text = stdout(&out);
    assert!(
        text.contains("Swapped, exactly as quoted: paid 5 POINT, received 500 TEA"),
        "{text}"
    );
    let tx = text.lines().next().unwrap().trim().to_owned();
    assert_eq!(tx.len(), 64, "{text}");

    // Pay a request to the consumer's own second address.
    let out = ok(run(jifen(data).args([
        "request-payment",
        "--asset",
        "TEA",
        "--amount",
        "12",
        "--memo",
        "A-1042",
        "--index",
        "1",
    ])));
    let uri = stdout(&out).lines().last().unwrap().to_owned();
    assert!(uri.starts_with("jifen:jfd1"), "{uri}");
    let out = ok(run(jifen(data)
        .args(["pay", &uri, "--yes", "--lang", "en"])
        .env("JIFEN_PASSWORD", PASSWORD)));
    assert!(stdout(&out).contains("Paid 12 TEA"), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("not a registered merchant's"),
        "{}",
        stderr(&out)
    );

    // The history is complete and proven; the receipt exports and verifies offline.
    let out = ok(run(jifen(data).args(["history", "--json"])));
    let history: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(history["total"], 2);
    assert_eq!(history["entries"][1]["kind"], "swap");
    assert_eq!(history["entries"][0]["memo"], "A-1042");
    let bundle = dir.path().join("receipt.json");
    ok(run(jifen(data).args([
        "receipt",
        &tx,
        "--out",
        bundle.to_str().unwrap(),
        "--lang",
        "en",
    ])));
    let out = ok(run(jifen(data).args([
        "verify-bundle",
        bundle.to_str().unwrap(),
        "--lang",
        "en",
    ])));
    assert!(
        stdout(&out).contains(&format!("It proves transaction {tx} (swap")),
        "{}",
        stdout(&out)
    );
    devnet.stop();
}
