//! RPC helpers shared by the node's integration tests (verifying what the
//! node answers); starting devnets and processes is `jifen-testenv`'s job.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    dead_code
)]

use jifen_node::keys::NodeKey;
use jifen_node::rpc::client::RpcClient;
use jifen_protocol::{
    Account, Address, ChainId, Commit, Decode, Encode, Hash32, Header, Transaction, TxPayload,
    UnsignedTransaction, ValidatorSet, account_key, verify_state_proof,
};
use serde_json::{Value, json};

pub fn height(client: &mut RpcClient) -> u64 {
    client.call("jifen_status", json!({})).unwrap()["latest_height"]
        .as_u64()
        .unwrap()
}

pub fn chain_id() -> ChainId {
    ChainId::new(jifen_node::genesis::DEVNET_CHAIN_ID).unwrap()
}

/// Waits (at most a minute) until a producing devnet reaches `target`.
pub fn wait_height(devnet: &jifen_node::devnet::Devnet, target: u64) -> u64 {
    jifen_testenv::devnet::wait_for_height(devnet, target, jifen_testenv::DEADLINE)
        .unwrap_or_else(|e| panic!("{e}"))
}

pub fn sign(
    key: &NodeKey,
    chain_id: ChainId,
    nonce: u64,
    fee: u128,
    payload: TxPayload,
) -> Transaction {
    let unsigned = UnsignedTransaction::new(chain_id, key.public_key(), nonce, fee, payload);
    let signature = key.sign_digest(&unsigned.signing_digest()).unwrap();
    unsigned.with_signature(signature)
}

pub fn submit(client: &mut RpcClient, tx: &Transaction) -> Result<Hash32, (i64, String)> {
    match client.call("jifen_submitTx", json!({"tx": hex::encode(tx.encode())})) {
        Ok(v) => Ok(v["id"].as_str().unwrap().parse().unwrap()),
        Err(jifen_node::rpc::client::ClientError::Rpc { code, data, .. }) => Err((
            code,
            data.and_then(|d| d["code"].as_str().map(str::to_owned))
                .unwrap_or_default(),
        )),
        Err(other) => panic!("transport error {other}"),
    }
}

/// A light block fetched and verified: the commit is for the header and
/// signed by > 2/3 of the set the header names.
pub struct VerifiedBlock {
    pub header: Header,
    pub commit: Commit,
    pub set: ValidatorSet,
    pub next_set: ValidatorSet,
}

pub fn decode_hex<T: Decode>(value: &Value) -> T {
    T::decode(&hex::decode(value.as_str().unwrap()).unwrap()).unwrap()
}

pub fn verified_block(client: &mut RpcClient, height: u64) -> VerifiedBlock {
    let block = client
        .call("jifen_lightBlock", json!({"height": height}))
        .unwrap();
    verify_light_block(&block)
}

pub fn verify_light_block(block: &Value) -> VerifiedBlock {
    let header: Header = decode_hex(&block["header"]);
    let commit: Commit = decode_hex(&block["commit"]);
    let set: ValidatorSet = decode_hex(&block["validator_set"]);
    let next_set: ValidatorSet = decode_hex(&block["next_validator_set"]);
    header.validate_basic().unwrap();
    assert_eq!(set.hash(), header.validators_hash);
    assert_eq!(next_set.hash(), header.next_validators_hash);
    commit.check_for(&header).unwrap();
    let tally = commit.tally(&chain_id(), &set).unwrap();
    assert!(tally.has_quorum(), "commit without quorum");
    VerifiedBlock {
        header,
        commit,
        set,
        next_set,
    }
}

/// The verified account of `address` at `height` (proof checked against the
/// verified header's state root).
pub fn verified_account(client: &mut RpcClient, address: &Address, height: u64) -> Account {
    let block = verified_block(client, height);
    let text = address.encode(jifen_protocol::Network::Devnet);
    let answer = client
        .call("jifen_account", json!({"address": text, "height": height}))
        .unwrap();
    let value = answer["value"].as_str().map(|v| hex::decode(v).unwrap());
    let proof = decode_hex(&answer["proof"]);
    verify_state_proof(
        &block.header.state_root,
        &account_key(address),
        value.as_deref(),
        &proof,
    )
    .unwrap();
    value.map_or(Account::default(), |v| Account::decode(&v).unwrap())
}

pub mod provenance;
pub mod subchain;
