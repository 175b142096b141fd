//! `tx-inclusion` audit bundles on the test chain: a transaction in a
//! stored block and one in a block linked below a stored block by parent
//! hashes both verify offline; every tampering (the transaction, its
//! result, its position, a linking header, the id named, the path) is
//! refused with its own code. (The same with a real transfer on the
//! reference node: `jifen-light-client`'s `tests/history_and_bundles.rs`.)

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::num::NonZeroU64;

use jifen_light_client_verifier::test_chain::{Chain, ChainSource, TestKey, replaced_set};
use jifen_light_client_verifier::{
    AuditBundle, FinalProof, FixedClock, LightStore, MemoryStore, Options, Schedule,
    TX_INCLUSION_PROOF, TrustedState, TxInclusionProof, sync_to, verify_bundle,
};
use jifen_protocol::{Decode, Encode, Transaction};

/// Three transfers of test key 1, nonces 0, 1, 2.
fn transfers() -> Vec<Transaction> {
    let alice = TestKey::new(1);
    let bob = TestKey::new(2).address();
    (0..3)
        .map(|nonce| alice.transfer(bob, 1_000 + u128::from(nonce), nonce))
        .collect()
}

/// 30 blocks, the set replaced every 10; block 17 holds the three
/// transfers (results 0, 1006, 0), block 20 the first one again.
fn chain() -> Chain {
    let txs = transfers();
    Chain::new(30, 10, replaced_set)
        .with_transactions(
            17,
            vec![
                (txs[0].clone(), 0),
                (txs[1].clone(), 1006),
                (txs[2].clone(), 0),
            ],
        )
        .with_transactions(20, vec![(txs[0].clone(), 0)])
}

/// What a client that synced to 30 (storing 10, 20, 30) exports for
/// transaction `index` of block `height`: the path up to the nearest
/// stored block at or above it, the headers down to the block, the answer.
fn tx_bundle(chain: &Chain, height: u64, index: usize) -> AuditBundle {
    let now = chain.time_after(30);
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
        30,
        Schedule::Skipping {
            epoch_length: NonZeroU64::new(10).unwrap(),
        },
        &mut ChainSource::new(chain),
        &mut store,
        &Options::default(),
        &FixedClock(now),
    )
    .unwrap();
    let heights = store.heights().unwrap();
    let anchor = *heights.iter().find(|&&stored| stored >= height).unwrap();
    let path = heights
        .iter()
        .filter(|&&stored| stored <= anchor)
        .map(|&stored| store.get(stored).unwrap().unwrap())
        .collect();
    let links = (height..anchor)
        .rev()
        .map(|below| chain.header(below).clone())
        .collect();
    let answer = chain.tx_proof(height, index);
    let final_proof = TxInclusionProof {
        id: answer.tx.id(),
        links,
        answer,
    };
    AuditBundle::new(
        chain.block(1),
        path,
        Some(FinalProof {
            kind: TX_INCLUSION_PROOF.to_owned(),
            bytes: final_proof.encode(),
        }),
    )
}

fn final_proof(bundle: &AuditBundle) -> TxInclusionProof {
    TxInclusionProof::decode(&bundle.final_proof.as_ref().unwrap().bytes).unwrap()
}

fn with_final_proof(bundle: &AuditBundle, proof: &TxInclusionProof) -> AuditBundle {
    let mut bundle = bundle.clone();
    bundle.final_proof.as_mut().unwrap().bytes = proof.encode();
    bundle
}

#[test]
fn a_transaction_in_a_stored_block_is_proven_offline() {
    let chain = chain();
    let bundle = tx_bundle(&chain, 20, 0);
    assert!(final_proof(&bundle).links.is_empty());
    let read = AuditBundle::from_json(&bundle.to_json()).unwrap();
    assert_eq!(read, bundle);
    let verified = verify_bundle(&read, &chain.checkpoint(1), &Options::default()).unwrap();
    assert_eq!(verified.heights, vec![1, 10, 20]);
    assert_eq!(verified.state, None);
    let inclusion = verified.inclusion.unwrap();
    assert_eq!(inclusion.height, 20);
    assert_eq!(inclusion.header_hash, chain.header(20).hash());
    assert_eq!(inclusion.value.index, 0);
    assert_eq!(inclusion.value.result_code, 0);
    assert_eq!(inclusion.value.tx, transfers()[0]);
}

#[test]
fn a_transaction_below_a_stored_block_is_proven_by_parent_hashes() {
    let chain = chain();
    let bundle = tx_bundle(&chain, 17, 1);
    let links: Vec<u64> = final_proof(&bundle)
        .links
        .iter()
        .map(|header| header.height)
        .collect();
    assert_eq!(links, [19, 18, 17]);
    let read = AuditBundle::from_json(&bundle.to_json()).unwrap();
    let verified = verify_bundle(&read, &chain.checkpoint(1), &Options::default()).unwrap();
    assert_eq!(verified.heights, vec![1, 10, 20]);
    assert_eq!(verified.header, chain.header(20).clone());
    let inclusion = verified.inclusion.unwrap();
    assert_eq!(inclusion.height, 17);
    assert_eq!(inclusion.header_hash, chain.header(17).hash());
    assert_eq!(inclusion.value.index, 1);
    assert_eq!(inclusion.value.result_code, 1006);
    assert_eq!(inclusion.value.tx, transfers()[1]);
}

#[test]
fn every_tampering_with_a_tx_bundle_has_its_own_code() {
    let chain = chain();
    let good = tx_bundle(&chain, 17, 1);
    let proof = final_proof(&good);
    let mut cases: Vec<(&str, AuditBundle, &str)> = Vec::new();
    let mut tampered = |name, change: &dyn Fn(&mut TxInclusionProof), code| {
        let mut proof = proof.clone();
        change(&mut proof);
        cases.push((name, with_final_proof(&good, &proof), code));
    };

    tampered(
        "the transaction's amount",
        &|proof| {
            if let jifen_protocol::TxPayload::Transfer(transfer) =
                &mut proof.answer.tx.unsigned.payload
            {
                transfer.amount += 1;
            }
            proof.id = proof.answer.tx.id();
        },
        "lc-bundle-tx-not-in-block",
    );
    tampered(
        "another transaction of the block, at this position",
        &|proof| {
            proof.answer.tx = transfers()[2].clone();
            proof.id = proof.answer.tx.id();
        },
        "lc-bundle-tx-not-in-block",
    );
    tampered(
        "the position",
        &|proof| proof.answer.index = 2,
        "lc-bundle-tx-not-in-block",
    );
    tampered(
        "the result code",
        &|proof| proof.answer.result_code = 0,
        "lc-bundle-tx-result-not-in-block",
    );
    tampered(
        "a linking header's time",
        &|proof| proof.links[1].time_ms += 1,
        "lc-bundle-link-broken",
    );
    tampered(
        "the transaction's block's tx root",
        &|proof| proof.links[2].tx_root = proof.links[2].results_root,
        "lc-bundle-link-broken",
    );
    tampered(
        "a linking header left out",
        &|proof| {
            proof.links.remove(1);
        },
        "lc-bundle-link-broken",
    );
    tampered(
        "the proof answered for another height",
        &|proof| proof.answer.height = 18,
        "lc-bundle-tx-wrong-height",
    );
    tampered(
        "another id named",
        &|proof| proof.id = transfers()[2].id(),
        "lc-bundle-tx-id-mismatch",
    );

    // The path cut before the block the links start from.
    let mut short = good.clone();
    short.path.pop();
    cases.push((
        "a path ending below the links",
        short,
        "lc-bundle-link-broken",
    ));
    let mut truncated = good.clone();
    truncated.final_proof.as_mut().unwrap().bytes.pop();
    cases.push(("truncated bytes", truncated, "lc-bundle-proof-decode"));
    let mut too_many = good.clone();
    too_many.final_proof.as_mut().unwrap().bytes[32..36].copy_from_slice(&10_001u32.to_be_bytes());
    cases.push((
        "more links than allowed",
        too_many,
        "lc-bundle-proof-decode",
    ));

    for (name, bundle, code) in cases {
        let read = AuditBundle::from_json(&bundle.to_json()).unwrap();
        let error = verify_bundle(&read, &chain.checkpoint(1), &Options::default()).unwrap_err();
        assert_eq!(error.code(), code, "{name}: {error}");
    }
}
