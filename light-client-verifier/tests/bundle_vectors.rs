//! Audit bundle vectors: whole bundle files built from the deterministic
//! test chain (public test keys, RFC 6979 signatures), kept byte for byte in
//! `tests/vectors/` so that a change of the format, of an encoding or of
//! the JSON layout cannot pass unnoticed, and so that another implementation
//! (or `jifen verify-bundle`) has real files to check. Each file is read
//! back and verified against the checkpoint written in
//! `tests/vectors/README.md`.
//!
//! Regenerate after a deliberate change with
//! `JIFEN_BLESS=1 cargo test -p jifen-light-client-verifier --test bundle_vectors`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
// This test reads its vector files (and writes them when blessing); the
// core itself never touches the file system or the environment, and the
// lint stays on for it (`clippy.toml`).
#![allow(clippy::disallowed_methods)]

use std::num::NonZeroU64;
use std::path::PathBuf;

use jifen_light_client_verifier::test_chain::{Chain, ChainSource, TestKey, rotating_set};
use jifen_light_client_verifier::{
    AuditBundle, FinalProof, FixedClock, LightBlock, LightStore, MemoryStore, Options,
    STATE_VALUE_PROOF, Schedule, TX_INCLUSION_PROOF, TrustedState, TxInclusionProof,
    UntrustedState, sync_to, verify_bundle,
};
use jifen_protocol::{Account, Decode, Encode, StateMap, StateTree, account_key};

fn vector_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors")
        .join(name)
}

/// The account of test key 1: 1,000,000 base units, nonce 3.
fn account() -> Account {
    Account::new(1_000_000, 3)
}

/// The root block and the blocks a sync from it to `to` through every
/// epoch end stores (epochs of 5 blocks).
fn synced_path(chain: &Chain, to: u64) -> (LightBlock, Vec<LightBlock>) {
    let now = chain.time_after(to);
    let mut trusted = TrustedState::bootstrap(
        chain.block(1),
        &chain.checkpoint(1),
        &Options::default(),
        now,
    )
    .unwrap();
    let mut store = MemoryStore::new();
    // The vectors keep the path of the epoch calendar (every epoch end,
    // then the target), which skipping by trust no longer stores by itself.
    for stop in (5..to).step_by(5).chain([to]) {
        sync_to(
            &mut trusted,
            stop,
            Schedule::Skipping {
                epoch_length: NonZeroU64::new(5).unwrap(),
            },
            &mut ChainSource::new(chain),
            &mut store,
            &Options::default(),
            &FixedClock(now),
        )
        .unwrap();
    }
    let path = store
        .heights()
        .unwrap()
        .into_iter()
        .map(|height| store.get(height).unwrap().unwrap())
        .collect();
    (chain.block(1), path)
}

/// A `state-value` bundle: the account of test key 1 proven at height 12 of
/// a 12-block chain whose validators rotate every 5 blocks.
fn state_value_bundle() -> (Chain, AuditBundle) {
    let key = account_key(&TestKey::new(1).address());
    let mut map = StateMap::new();
    map.set(key, Some(account().encode()));
    map.set(
        account_key(&TestKey::new(2).address()),
        Some(Account::new(5, 0).encode()),
    );
    let tree = StateTree::build(&map);
    let chain = Chain::new(12, 5, rotating_set).with_state_root(tree.root());
    let (root, path) = synced_path(&chain, 12);
    let answer = UntrustedState {
        height: 12,
        key,
        value: Some(account().encode()),
        proof: tree.prove(&key),
    };
    let bundle = AuditBundle::new(
        root,
        path,
        Some(FinalProof {
            kind: STATE_VALUE_PROOF.to_owned(),
            bytes: answer.encode(),
        }),
    );
    (chain, bundle)
}

/// A `tx-inclusion` bundle: a transfer of test key 1 (index 1 of block 8,
/// result 0) on a 12-block chain whose validators rotate every 5 blocks;
/// the path ends at the stored block 10 and the final proof links 9 and 8.
fn tx_inclusion_bundle() -> (Chain, AuditBundle) {
    let alice = TestKey::new(1);
    let bob = TestKey::new(2).address();
    let block = vec![
        (alice.transfer(bob, 250_000, 0), 1006),
        (alice.transfer(bob, 12_345, 1), 0),
    ];
    let chain = Chain::new(12, 5, rotating_set).with_transactions(8, block);
    let (root, path) = synced_path(&chain, 12);
    let path: Vec<LightBlock> = path
        .into_iter()
        .filter(|block| block.height() <= 10)
        .collect();
    let answer = chain.tx_proof(8, 1);
    let final_proof = TxInclusionProof {
        id: answer.tx.id(),
        links: vec![chain.header(9).clone(), chain.header(8).clone()],
        answer,
    };
    let bundle = AuditBundle::new(
        root,
        path,
        Some(FinalProof {
            kind: TX_INCLUSION_PROOF.to_owned(),
            bytes: final_proof.encode(),
        }),
    );
    (chain, bundle)
}

/// `name`'s stored text equals `bundle`'s (rewritten under `JIFEN_BLESS`),
/// and the README names the checkpoint it verifies from.
fn check_vector(name: &str, bundle: &AuditBundle, chain: &Chain) {
    let path = vector_path(name);
    let text = bundle.to_json();
    if std::env::var_os("JIFEN_BLESS").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let stored = std::fs::read_to_string(&path).unwrap();
    assert_eq!(stored, text, "{name} differs from what the code builds");
    let checkpoint = chain.checkpoint(1);
    let readme = std::fs::read_to_string(vector_path("README.md")).unwrap();
    let row = format!("`{name}` | `{checkpoint}`");
    assert!(readme.contains(&row), "README.md lacks the row {row}");
}

#[test]
fn the_state_value_vector_is_what_the_code_builds_and_verifies() {
    let (chain, bundle) = state_value_bundle();
    check_vector("state-value.bundle.json", &bundle, &chain);
    let stored = std::fs::read_to_string(vector_path("state-value.bundle.json")).unwrap();
    let read = AuditBundle::from_json(&stored).unwrap();
    let verified = verify_bundle(&read, &chain.checkpoint(1), &Options::default()).unwrap();
    assert_eq!(verified.heights, vec![1, 5, 10, 12]);
    let state = verified.state.unwrap();
    assert_eq!(state.key, account_key(&TestKey::new(1).address()));
    assert_eq!(
        Account::decode(state.value.as_deref().unwrap()).unwrap(),
        account()
    );
}

#[test]
fn the_tx_inclusion_vector_is_what_the_code_builds_and_verifies() {
    let (chain, bundle) = tx_inclusion_bundle();
    check_vector("tx-inclusion.bundle.json", &bundle, &chain);
    let stored = std::fs::read_to_string(vector_path("tx-inclusion.bundle.json")).unwrap();
    let read = AuditBundle::from_json(&stored).unwrap();
    let verified = verify_bundle(&read, &chain.checkpoint(1), &Options::default()).unwrap();
    assert_eq!(verified.heights, vec![1, 5, 10]);
    assert_eq!(verified.state, None);
    let inclusion = verified.inclusion.unwrap();
    assert_eq!(inclusion.height, 8);
    assert_eq!(inclusion.header_hash, chain.header(8).hash());
    assert_eq!(inclusion.value.index, 1);
    assert_eq!(inclusion.value.result_code, 0);
    assert_eq!(
        inclusion.value.tx,
        TestKey::new(1).transfer(TestKey::new(2).address(), 12_345, 1)
    );
}
