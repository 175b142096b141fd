//! Audit bundles: built from a sync's store, written as JSON, re-checked
//! offline long after the trusting period.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::num::NonZeroU64;

use jifen_light_client_verifier::bundle::BUNDLE_FORMAT;
use jifen_light_client_verifier::test_chain::{Chain, ChainSource, replaced_set};
use jifen_light_client_verifier::{
    AuditBundle, FinalProof, FixedClock, LightStore, MemoryStore, Options, STATE_VALUE_PROOF,
    Schedule, TX_INCLUSION_PROOF, TrustedState, UntrustedState, sync_to, verify_bundle,
};
use jifen_protocol::state::ProofLeaf;
use jifen_protocol::{Encode, Hash32, StateProof};

fn synced_bundle(chain: &Chain) -> AuditBundle {
    let now = chain.time_after(50);
    let mut trusted = TrustedState::bootstrap(
        chain.block(1),
        &chain.checkpoint(1),
        &Options::default(),
        now,
    )
    .unwrap();
    let mut store = MemoryStore::new();
    sync_to(
        &mut trusted,
        45,
        Schedule::Skipping {
            epoch_length: NonZeroU64::new(10).unwrap(),
        },
        &mut ChainSource::new(chain),
        &mut store,
        &Options::default(),
        &FixedClock(now),
    )
    .unwrap();
    let path = store
        .heights()
        .unwrap()
        .into_iter()
        .map(|height| store.get(height).unwrap().unwrap())
        .collect();
    AuditBundle::new(chain.block(1), path, None)
}

#[test]
fn bundle_round_trips_and_verifies_offline() {
    let chain = Chain::new(50, 10, replaced_set);
    let bundle = synced_bundle(&chain);
    let text = bundle.to_json();
    assert!(text.contains(BUNDLE_FORMAT));
    let read = AuditBundle::from_json(&text).unwrap();
    assert_eq!(read, bundle);
    // Years later: the trusting period does not apply to an audit.
    let verified = verify_bundle(&read, &chain.checkpoint(1), &Options::default()).unwrap();
    assert_eq!(verified.heights, vec![1, 10, 20, 30, 40, 45]);
    assert_eq!(verified.header, chain.header(45).clone());
    assert_eq!(verified.state, None);
}

/// The final proof is checked against the last header (the accepted case,
/// a real account proof from the node, is in `tests/adversarial.rs`).
#[test]
fn bundle_final_proof_is_checked() {
    let chain = Chain::new(50, 10, replaced_set);
    let good = synced_bundle(&chain);
    let key = Hash32([5; 32]);
    let answer = UntrustedState {
        height: 45,
        key,
        value: Some(vec![1, 2, 3]),
        proof: StateProof {
            leaf: Some(ProofLeaf {
                key,
                value_hash: jifen_protocol::state::value_hash(&[1, 2, 3]),
            }),
            siblings: Vec::new(),
        },
    };
    let cases = [
        (
            "unknown kind",
            "balance-sum",
            answer.encode(),
            "lc-bundle-unknown-proof-kind",
        ),
        (
            "a state answer as a transaction proof",
            TX_INCLUSION_PROOF,
            answer.encode(),
            "lc-bundle-proof-decode",
        ),
        (
            "not an answer",
            STATE_VALUE_PROOF,
            vec![1, 2, 3],
            "lc-bundle-proof-decode",
        ),
        (
            "a value the header's state root does not hold",
            STATE_VALUE_PROOF,
            answer.encode(),
            "lc-bundle-proof-invalid",
        ),
    ];
    for (name, kind, bytes, expected) in cases {
        let mut bundle = good.clone();
        bundle.final_proof = Some(FinalProof {
            kind: kind.to_owned(),
            bytes,
        });
        let read = AuditBundle::from_json(&bundle.to_json()).unwrap();
        let got = verify_bundle(&read, &chain.checkpoint(1), &Options::default()).unwrap_err();
        assert_eq!(got.code(), expected, "{name}: {got}");
    }
}

#[test]
fn bundle_rules_each_have_a_code() {
    let chain = Chain::new(50, 10, replaced_set);
    let good = synced_bundle(&chain);
    let checkpoint = chain.checkpoint(1);
    let mut cases: Vec<(&str, AuditBundle, &str)> = Vec::new();

    let mut root = good.clone();
    root.root = chain.block(2);
    cases.push(("root is not the checkpoint's block", root, "lc-bundle-root"));

    let mut gap = good.clone();
    gap.path.remove(1); // drop block 20: block 30's set is not announced by block 10's
    cases.push(("a missing epoch end", gap, "lc-bundle-not-enough-trust"));

    let mut forged = good.clone();
    forged.path[2].header.state_root = Hash32([7; 32]);
    cases.push(("a changed state root", forged, "lc-bundle-invalid"));

    let mut repeated = good.clone();
    repeated.path[1] = repeated.path[0].clone();
    cases.push(("a repeated block", repeated, "lc-bundle-invalid"));

    for (name, bundle, expected) in cases {
        let got = verify_bundle(&bundle, &checkpoint, &Options::default()).unwrap_err();
        assert_eq!(got.code(), expected, "{name}: {got}");
    }

    let cases = [
        ("not json", "[]".to_owned(), "lc-bundle-json"),
        (
            "other format",
            good.to_json().replace(BUNDLE_FORMAT, "x/1"),
            "lc-bundle-unknown-format",
        ),
    ];
    for (name, text, expected) in cases {
        assert_eq!(
            AuditBundle::from_json(&text).unwrap_err().code(),
            expected,
            "{name}"
        );
    }
}
