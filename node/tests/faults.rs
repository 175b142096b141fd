//! Each named lie of a faulty node is caught by the checks a light client
//! makes (the honest reference is read from the node's own chain handle).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use jifen_node::devnet::Devnet;
use jifen_node::keys::NodeKey;
use jifen_node::rpc::Fault;
use jifen_node::rpc::client::{ClientError, RpcClient};
use jifen_protocol::{
    Commit, Hash32, Header, InclusionProof, StateProof, Transfer, TxPayload, ValidatorSet,
    account_key, merkle, verify_state_proof,
};
use jifen_testenv::devnet::{DevnetBuilder, produce_blocks};
use serde_json::json;

/// A lying devnet over a chain of 60 blocks with one committed transfer;
/// returns the transfer's id too. The blocks are made by hand before the
/// test asks anything, so what the liar admits to cannot move between two
/// calls of a test.
fn liar(fault: Fault, dir: &std::path::Path) -> (Devnet, RpcClient, Hash32) {
    let devnet = DevnetBuilder::new(dir)
        .manual()
        .fault(fault)
        .start()
        .unwrap();
    let alice = NodeKey::devnet_account(0).unwrap();
    let to = NodeKey::devnet_account(1).unwrap().address();
    let tx = sign(
        &alice,
        chain_id(),
        0,
        1_000,
        TxPayload::Transfer(Transfer { to, amount: 5 }),
    );
    let id = tx.id();
    devnet.chain().lock().unwrap().submit_tx(tx).unwrap();
    assert_eq!(produce_blocks(&devnet, 60).unwrap(), 60);
    let client = RpcClient::new(devnet.rpc_addr());
    (devnet, client, id)
}

fn honest_header(devnet: &Devnet, height: u64) -> Header {
    devnet
        .chain()
        .lock()
        .unwrap()
        .header(height)
        .unwrap()
        .unwrap()
}

#[test]
fn forged_commit_fails_the_tally() {
    let dir = tempfile::tempdir().unwrap();
    let (_devnet, mut client, _) = liar(Fault::ForgedCommit, dir.path());
    let block = client
        .call("jifen_lightBlock", json!({"height": 3}))
        .unwrap();
    let commit: Commit = decode_hex(&block["commit"]);
    let set: ValidatorSet = decode_hex(&block["validator_set"]);
    let err = commit.tally(&chain_id(), &set).unwrap_err();
    assert_eq!(err.code(), "commit-invalid-signature");
}

#[test]
fn wrong_validator_set_does_not_match_the_header() {
    let dir = tempfile::tempdir().unwrap();
    let (_devnet, mut client, _) = liar(Fault::WrongValidatorSet, dir.path());
    let block = client
        .call("jifen_lightBlock", json!({"height": 3}))
        .unwrap();
    let header: Header = decode_hex(&block["header"]);
    let set: ValidatorSet = decode_hex(&block["validator_set"]);
    assert_ne!(set.hash(), header.validators_hash);
}

#[test]
fn tampered_proofs_fail_verification() {
    let dir = tempfile::tempdir().unwrap();
    let (devnet, mut client, id) = liar(Fault::TamperedStateProof, dir.path());
    let address = NodeKey::devnet_account(1).unwrap().address();
    let header = honest_header(&devnet, 10);
    let answer = client
        .call(
            "jifen_account",
            json!({"address": address.encode(jifen_protocol::Network::Devnet), "height": 10}),
        )
        .unwrap();
    let value = hex::decode(answer["value"].as_str().unwrap()).unwrap();
    let proof: StateProof = decode_hex(&answer["proof"]);
    let err = verify_state_proof(
        &header.state_root,
        &account_key(&address),
        Some(&value),
        &proof,
    )
    .unwrap_err();
    assert_eq!(err.code(), "state-proof-root-mismatch");
    drop(devnet);

    let dir = tempfile::tempdir().unwrap();
    let (devnet, mut client, _) = liar(Fault::TamperedTxProof, dir.path());
    let status = devnet.chain().lock().unwrap().tx_status(&id).unwrap();
    let jifen_node::chain::TxStatus::Committed(location) = status else {
        panic!("transfer not committed: {status:?}");
    };
    let header = honest_header(&devnet, location.height);
    let answer = client
        .call("jifen_txProof", json!({"id": id.to_string()}))
        .unwrap();
    let proof: InclusionProof = decode_hex(&answer["proof"]);
    assert!(
        proof
            .verify(&merkle::leaf_hash(id.as_bytes()), &header.tx_root)
            .is_err()
    );
}

#[test]
fn double_sign_serves_a_conflicting_block_with_a_valid_quorum() {
    let dir = tempfile::tempdir().unwrap();
    let (devnet, mut client, _) = liar(Fault::DoubleSign, dir.path());
    let block = verify_light_block(
        &client
            .call("jifen_lightBlock", json!({"height": 5}))
            .unwrap(),
    );
    let honest = honest_header(&devnet, 5);
    assert_eq!(block.header.height, honest.height);
    assert_ne!(
        block.header.hash(),
        honest.hash(),
        "same height, different block"
    );
    // Both blocks are signed by a quorum of the same set: the signers of both
    // are double-signing validators.
    let honest_commit = devnet.chain().lock().unwrap().commit(5).unwrap().unwrap();
    let both: Vec<u16> = block
        .commit
        .signatures
        .iter()
        .map(|s| s.validator_index)
        .filter(|i| {
            honest_commit
                .signatures
                .iter()
                .any(|s| s.validator_index == *i)
        })
        .collect();
    assert!(!both.is_empty());
}

#[test]
fn stale_tip_and_withheld_headers() {
    let dir = tempfile::tempdir().unwrap();
    let (devnet, mut client, _) = liar(Fault::StaleTip, dir.path());
    let claimed = height(&mut client);
    let real = devnet.chain().lock().unwrap().height();
    assert!(claimed + 50 <= real);
    let err = client
        .call("jifen_header", json!({"height": claimed + 1}))
        .unwrap_err();
    assert!(matches!(err, ClientError::Rpc { code: 2001, .. }));
    drop(devnet);

    let dir = tempfile::tempdir().unwrap();
    let (_devnet, mut client, _) = liar(Fault::WithholdHeaders, dir.path());
    client.call("jifen_header", json!({"height": 1})).unwrap();
    let err = client
        .call("jifen_header", json!({"height": 2}))
        .unwrap_err();
    assert!(matches!(err, ClientError::Rpc { code: 2001, .. }));
}

#[test]
fn malformed_and_oversized_responses() {
    let dir = tempfile::tempdir().unwrap();
    let (devnet, mut client, _) = liar(Fault::MalformedResponse, dir.path());
    assert!(matches!(
        client.call("jifen_status", json!({})).unwrap_err(),
        ClientError::Transport(_)
    ));
    drop(devnet);
    let dir = tempfile::tempdir().unwrap();
    let (_devnet, mut client, _) = liar(Fault::OversizedResponse, dir.path());
    let raw = client
        .post(br#"{"jsonrpc":"2.0","id":1,"method":"jifen_status"}"#)
        .unwrap();
    assert!(raw.len() > 20 << 20);
}

#[test]
fn fault_names_round_trip() {
    for fault in Fault::ALL {
        assert_eq!(fault.name().parse::<Fault>().unwrap(), fault);
    }
    assert!("lie-quietly".parse::<Fault>().is_err());
}
