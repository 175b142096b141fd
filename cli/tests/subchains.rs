//! `jifen subchain list | audit | get | verify-evidence | follow | unfollow`
//! and the audit `jifen sync` runs for followed subchains, driven through
//! the built binary against a devnet with its three subchains (the third
//! one's committee equivocates), in English and in Chinese.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde_json::Value;

mod common;
use common::{fails_with, jifen, ok, run, stderr, stdout};

#[test]
fn list_audit_get_follow_and_verify_evidence_through_the_cli() {
    let node_dir = tempfile::tempdir().unwrap();
    let devnet = jifen_testenv::devnet::DevnetBuilder::new(node_dir.path())
        .subchains()
        .start()
        .unwrap();
    jifen_testenv::devnet::wait_for_height(&devnet, 12, jifen_testenv::DEADLINE).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let primary = format!("http://{}", devnet.rpc_addr());
    ok(run(jifen(data).args(["endpoints", "--primary", &primary])));

    let listed = ok(run(jifen(data).args(["subchain", "list", "--json"])));
    let view: Value = serde_json::from_str(&stdout(&listed)).unwrap();
    assert_eq!(view["registered"], 3);
    assert_eq!(view["subchains"][0]["name"], "trace-consortium");
    assert_eq!(view["subchains"][1]["kind"], "pow-xor");
    assert_eq!(view["subchains"][2]["status"], "halted");
    assert_eq!(view["subchains"][0]["state"], "not-audited");

    // A value before any audit is refused.
    fails_with(
        &run(jifen(data).args(["subchain", "get", "2", "pow/height"])),
        "has not been audited on this device yet",
    );
    let audited = ok(run(jifen(data).args(["subchain", "audit", "1"])));
    let text = stderr(&audited);
    assert!(text.contains("Subchain #1 audited"), "{text}");
    let row = stdout(&audited);
    assert!(
        row.contains("trace-consortium · bft, committee of 4 · active"),
        "{row}"
    );
    assert!(row.contains(": clean"), "{row}");

    let got = ok(run(jifen(data).args([
        "subchain",
        "get",
        "1",
        "demo/greeting",
    ])));
    assert_eq!(
        stdout(&got).trim(),
        jifen_node::subchains::workload::GREETING
    );
    let absent = ok(run(
        jifen(data).args(["subchain", "get", "1", "no/such", "--json"])
    ));
    let view: Value = serde_json::from_str(&stdout(&absent)).unwrap();
    assert_eq!(view["found"], false);

    // The rogue committee: an alert, its evidence file, checked offline.
    let rogue = ok(run(jifen(data).args(["subchain", "audit", "3", "--json"])));
    let view: Value = serde_json::from_str(&stdout(&rogue)).unwrap();
    assert_eq!(view["subchain"]["state"], "alert");
    let path = view["subchain"]["audit"]["alerts"][0]["evidence_path"]
        .as_str()
        .unwrap()
        .to_owned();
    let checked = ok(run(jifen(data).args([
        "subchain",
        "verify-evidence",
        &path,
    ])));
    assert!(
        stderr(&checked).contains(
            "Valid evidence: the committee of subchain #3 signed two headers at height 3"
        ),
        "{}",
        stderr(&checked)
    );
    assert_eq!(stdout(&checked).lines().count(), 3, "the 3 double signers");
    let listed = ok(run(jifen(data).args(["subchain", "list"])));
    assert!(stderr(&listed).contains("One subchain has an audit alert"));

    // Followed: `jifen sync` audits it.
    ok(run(jifen(data).args(["subchain", "follow", "2"])));
    let synced = ok(run(jifen(data).args(["sync"])));
    assert!(
        stderr(&synced).contains("Subchain #2 xor-demo:"),
        "{}",
        stderr(&synced)
    );
    ok(run(jifen(data).args(["subchain", "unfollow", "2"])));

    // Refusals, translated.
    fails_with(
        &run(jifen(data).args(["subchain", "audit", "zero"])),
        "is not a subchain number",
    );
    fails_with(
        &run(jifen(data).args(["subchain", "audit", "9"])),
        "There is no subchain number 9",
    );
    let chinese = run(jifen(data)
        .env("JIFEN_LANG", "zh-CN")
        .args(["subchain", "get", "7", "x"]));
    fails_with(&chinese, "没有编号为 7 的子链");
    let bogus = dir.path().join("bogus.json");
    std::fs::write(&bogus, "{\"format\": \"nope\"}").unwrap();
    fails_with(
        &run(jifen(data).args(["subchain", "verify-evidence", bogus.to_str().unwrap()])),
        "subchain evidence",
    );
}
