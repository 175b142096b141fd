//! Fork evidence: built from two conflicting committed blocks, written as
//! JSON, read back and re-checked offline.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use jifen_light_client_verifier::evidence::EVIDENCE_FORMAT;
use jifen_light_client_verifier::test_chain::{Chain, replaced_set, static_set};
use jifen_light_client_verifier::{Evidence, LightBlock, verify_evidence};
use jifen_protocol::{Address, Hash32};

/// The honest block at `height` and a conflicting one (another state root)
/// signed by the validators at `indices` of the same set.
fn fork(chain: &Chain, height: u64, indices: &[usize]) -> (LightBlock, LightBlock) {
    let honest = chain.block(height);
    let mut forged = honest.clone();
    forged.header.state_root = Hash32([0xee; 32]);
    forged.commit = chain.sign(&forged.header, &forged.validators, indices);
    (honest, forged)
}

#[test]
fn conflicting_blocks_become_evidence_that_verifies_offline() {
    let chain = Chain::new(10, 10, static_set);
    // Validators 0, 1, 2 sign the forged block too: they double-signed.
    let (honest, forged) = fork(&chain, 5, &[0, 1, 2]);
    let evidence = Evidence::from_conflict(honest.clone(), forged.clone()).unwrap();
    let set = chain.set_at(5);
    let expected: Vec<Address> = (0..3).map(|i| set.get(i).unwrap().address).collect();
    assert_eq!(evidence.double_signers, expected);

    let text = evidence.to_json();
    assert!(text.contains(EVIDENCE_FORMAT));
    let read = Evidence::from_json(&text).unwrap();
    assert_eq!(read, evidence);

    let verified = verify_evidence(&read, set).unwrap();
    assert_eq!(verified.height, 5);
    assert_eq!(verified.block_hashes, [honest.hash(), forged.hash()]);
    assert_eq!(verified.accountable, expected);
    assert_eq!(verified.accountable_power.signed_power, 30);
    assert_eq!(verified.accountable_power.total_power, 40);
}

#[test]
fn evidence_rules_each_have_a_code() {
    let chain = Chain::new(10, 5, static_set);
    let (honest, forged) = fork(&chain, 5, &[0, 1, 2]);
    let set = chain.set_at(5).clone();
    let strangers = Chain::new(10, 5, |e| replaced_set(e + 9));

    type Case = (&'static str, Evidence, &'static str);
    let good = Evidence::from_conflict(honest.clone(), forged.clone()).unwrap();
    let mut cases: Vec<Case> = Vec::new();

    let mut same = good.clone();
    same.second = same.first.clone();
    cases.push(("the same block twice", same, "lc-evidence-no-conflict"));

    let mut heights = good.clone();
    heights.second = chain.block(6);
    cases.push(("different heights", heights, "lc-evidence-height-mismatch"));

    let mut listed = good.clone();
    listed.double_signers.pop();
    cases.push((
        "a double signer left out",
        listed,
        "lc-evidence-double-signers-mismatch",
    ));

    let mut framed = good.clone();
    framed.double_signers.push(set.get(3).unwrap().address);
    framed.double_signers.sort();
    cases.push((
        "an honest validator framed",
        framed,
        "lc-evidence-double-signers-mismatch",
    ));

    let mut forged_sig = good.clone();
    forged_sig.second.commit.signatures[1].signature =
        forged_sig.second.commit.signatures[0].signature;
    cases.push((
        "a forged signature",
        forged_sig,
        "lc-evidence-invalid-block",
    ));

    let (_, minority) = fork(&chain, 5, &[0]);
    let mut no_quorum = good.clone();
    no_quorum.second = minority;
    no_quorum.double_signers = vec![set.get(0).unwrap().address];
    cases.push((
        "a side without quorum",
        no_quorum,
        "lc-evidence-invalid-block",
    ));

    let (a, b) = fork(&strangers, 5, &[0, 1, 2]);
    let outsiders = Evidence::from_conflict(a, b).unwrap();
    cases.push((
        "signed only by strangers",
        outsiders,
        "lc-evidence-no-accountable-signers",
    ));

    for (name, evidence, expected) in cases {
        let got = verify_evidence(&evidence, &set).unwrap_err();
        assert_eq!(got.code(), expected, "{name}");
    }
}

#[test]
fn evidence_file_errors() {
    let chain = Chain::new(6, 5, static_set);
    let (honest, forged) = fork(&chain, 3, &[0, 1, 2]);
    let text = Evidence::from_conflict(honest, forged).unwrap().to_json();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();

    let edit = |field: &str, new: serde_json::Value| {
        let mut value = value.clone();
        value[field] = new;
        value.to_string()
    };
    let cases = [
        ("not json", "{".to_owned(), "lc-evidence-json"),
        ("unknown field", edit("extra", 1.into()), "lc-evidence-json"),
        (
            "other format",
            edit("format", "jifen-evidence/2".into()),
            "lc-evidence-unknown-format",
        ),
        (
            "block not hex",
            edit("first", "zz".into()),
            "lc-evidence-hex",
        ),
        (
            "block truncated",
            edit("second", "0001".into()),
            "lc-evidence-decode",
        ),
        (
            "short address",
            edit("double_signers", serde_json::json!(["00ff"])),
            "lc-evidence-bad-address",
        ),
    ];
    for (name, text, expected) in cases {
        assert_eq!(
            Evidence::from_json(&text).unwrap_err().code(),
            expected,
            "{name}"
        );
    }
}

#[test]
fn cross_check_tells_lagging_from_conflicting_from_invalid() {
    use jifen_light_client_verifier::{CrossCheck, Options, TrustedState, cross_check};
    let chain = Chain::new(20, 10, static_set);
    let now = chain.time_after(20);
    let options = Options::default();
    let common =
        TrustedState::bootstrap(chain.block(1), &chain.checkpoint(1), &options, now).unwrap();
    let primary = chain.block(15);
    let (_, fork_15) = fork(&chain, 15, &[0, 1, 2, 3]);
    let mut garbage = chain.block(15);
    garbage.commit.signatures[0].signature = garbage.commit.signatures[1].signature;
    garbage.header.state_root = Hash32([1; 32]);
    garbage.commit.block_hash = garbage.header.hash();
    let strangers = Chain::new(20, 10, |e| replaced_set(e + 9));

    let check = |height: u64, block: Option<&LightBlock>| {
        cross_check(&common, &primary, height, block, &options, now).unwrap()
    };
    assert_eq!(
        check(15, Some(&chain.block(15))),
        CrossCheck::Agrees,
        "same block"
    );
    assert_eq!(
        check(12, None),
        CrossCheck::Lagging {
            witness_height: 12,
            primary_height: 15
        },
        "behind"
    );
    assert_eq!(
        check(20, None),
        CrossCheck::Withheld { witness_height: 20 },
        "claims the height, sends nothing"
    );
    let CrossCheck::Conflict(evidence) = check(20, Some(&fork_15)) else {
        panic!("a verified fork is a conflict");
    };
    assert_eq!(evidence.double_signers.len(), 4);
    let CrossCheck::WitnessInvalid(reason) = check(20, Some(&garbage)) else {
        panic!("a forged commit is invalid");
    };
    assert_eq!(reason.code(), "lc-invalid-commit");
    assert!(
        matches!(
            check(20, Some(&strangers.block(15))),
            CrossCheck::Unresolved(_)
        ),
        "a block by strangers needs bisection on the witness's chain"
    );
}
