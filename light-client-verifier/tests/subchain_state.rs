//! A subchain state value is trusted only through an audited header: the
//! node's header must be the one the audit holds at that height, and the
//! value proven under its `state_root`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod subchain_common;

use jifen_light_client_verifier::subchain::test_chain::{BftSubchain, Committee, NodeView, anchor};
use jifen_light_client_verifier::subchain::{SubchainStateError, UntrustedSubchainState};
use jifen_protocol::StateMap;
use jifen_protocol::message::Coded;
use jifen_protocol::subchain::subchain_state_key;
use subchain_common::*;

fn state(entries: &[(&str, &[u8])]) -> StateMap {
    let mut map = StateMap::new();
    for (key, value) in entries {
        map.set(subchain_state_key(key), Some(value.to_vec()));
    }
    map
}

#[test]
fn a_value_is_proven_against_the_audited_header_only() {
    let mut sub = BftSubchain::new(1, Committee::numbered(1, 4));
    let mut view = NodeView::new(sub.id, sub.params());
    let first = state(&[("batch/1", "tea".as_bytes())]);
    let second = state(&[("batch/1", "tea".as_bytes()), ("batch/2", "茶".as_bytes())]);
    let reports = vec![
        sub.next_with_state(first.root()),
        sub.next_with_state(second.root()),
        sub.next(None),
    ];
    let anchored = anchor(&honest(&mut view, reports), PER_BLOCK, FIRST_MAIN, 0);
    let mut audit = new_audit(&view);
    audit_items(&mut audit, &anchored, &anchored.items[..2]).unwrap();

    let answer = |height: u64, map: &StateMap, key: &str| {
        let (value, proof) = map.prove(&subchain_state_key(key));
        UntrustedSubchainState {
            height,
            header: sub.produced(height).clone(),
            key: key.to_owned(),
            value,
            proof,
        }
    };
    let proven = audit.verify_state(&answer(2, &second, "batch/2")).unwrap();
    assert_eq!(proven.value.as_deref(), Some("茶".as_bytes()));
    assert_eq!(proven.header_hash, sub.produced(2).hash());
    assert_eq!(proven.main_height, anchored.items[1].main_height);
    let absent = audit.verify_state(&answer(1, &first, "batch/2")).unwrap();
    assert_eq!(absent.value, None, "proven absent at height 1");

    let code = |a: &UntrustedSubchainState| audit.verify_state(a).unwrap_err().code();
    // A value the state does not hold.
    let mut lie = answer(2, &second, "batch/2");
    lie.value = Some(b"coffee".to_vec());
    assert_eq!(code(&lie), "subchain-value-proof");
    // Hiding a value that exists.
    let mut hidden = answer(2, &second, "batch/2");
    hidden.value = None;
    assert_eq!(code(&hidden), "subchain-value-proof");
    // A header the audit does not hold there (another state root).
    let mut forged = answer(2, &second, "batch/2");
    forged.header.state_root = first.root();
    assert_eq!(code(&forged), "subchain-value-wrong-header");
    // Height 3 is not audited yet.
    assert_eq!(
        code(&answer(3, &second, "batch/2")),
        "subchain-value-not-audited"
    );
    let mut height = answer(2, &second, "batch/2");
    height.height = 1;
    assert_eq!(code(&height), "subchain-value-wrong-height");
    let mut key = answer(2, &second, "batch/2");
    key.key = String::new();
    assert_eq!(code(&key), "subchain-value-bad-key");
    let mut other = answer(2, &second, "batch/2");
    other.header.subchain = jifen_light_client_verifier::subchain::test_chain::subchain(5);
    let error = audit.verify_state(&other).unwrap_err();
    assert_eq!(error.code(), "subchain-value-wrong-subchain");
    assert!(matches!(error, SubchainStateError::WrongSubchain { .. }));
    assert!(
        Coded::args(&error)
            .iter()
            .any(|(name, _)| *name == "expected")
    );
}

#[test]
fn state_at_or_above_an_equivocation_is_not_trusted() {
    let (sub, view, anchored) = equivocation();
    let mut audit = new_audit(&view);
    audit_items(&mut audit, &anchored, &anchored.items).unwrap();
    let answer = |height: u64| UntrustedSubchainState {
        height,
        header: sub.produced(height).clone(),
        key: "k".to_owned(),
        value: None,
        proof: StateMap::new().prove(&subchain_state_key("k")).1,
    };
    assert_eq!(
        audit.verify_state(&answer(2)).unwrap_err().code(),
        "subchain-value-halted"
    );
    assert_eq!(
        audit.verify_state(&answer(3)).unwrap_err().code(),
        "subchain-value-halted"
    );
    // Below it the header is audited (its placeholder root does not hold
    // the empty map, so the proof is what fails, not the halt).
    assert_eq!(
        audit.verify_state(&answer(1)).unwrap_err().code(),
        "subchain-value-proof"
    );
}
