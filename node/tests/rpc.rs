//! Starts a devnet on loopback, submits transfers and checks the results
//! through RPC with proofs verified against committed headers.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use jifen_node::keys::NodeKey;
use jifen_node::rpc::client::RpcClient;
use jifen_protocol::{
    Address, Bond, ChainId, Encode, Hash32, InclusionProof, Transfer, TxPayload, merkle,
};
use jifen_testenv::devnet::{DevnetBuilder, produce_blocks};
use serde_json::json;

const FEE: u128 = 1_000;

#[test]
fn transfers_are_proven_against_committed_headers() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = DevnetBuilder::new(dir.path())
        .validators(7)
        .epoch_length(1_000)
        .block_time_ms(50)
        .start()
        .unwrap();
    let mut client = RpcClient::new(devnet.rpc_addr());
    wait_height(&devnet, 1);

    let alice = NodeKey::devnet_account(0).unwrap();
    let bob = Address::from_bytes([0xb0; 20]);
    let h = height(&mut client);
    let before = verified_account(&mut client, &alice.address(), h);
    assert_eq!(before.nonce, 0);
    // Bob has no record yet: a verified non-existence proof.
    let h = height(&mut client);
    assert_eq!(verified_account(&mut client, &bob, h).balance, 0);

    let mut ids = Vec::new();
    for nonce in 0..3u64 {
        let tx = sign(
            &alice,
            chain_id(),
            nonce,
            FEE,
            TxPayload::Transfer(Transfer {
                to: bob,
                amount: 1_000_000,
            }),
        );
        ids.push(submit(&mut client, &tx).unwrap());
    }
    // Wait until all three are committed.
    let mut last_height = 0;
    for id in &ids {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            let status = client
                .call("jifen_txStatus", json!({"id": id.to_string()}))
                .unwrap();
            if status["status"] == "committed" {
                assert_eq!(status["result_code"], 0);
                last_height = last_height.max(status["height"].as_u64().unwrap());
                break;
            }
            assert!(std::time::Instant::now() < deadline);
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
    let after = verified_account(&mut client, &alice.address(), last_height);
    assert_eq!(after.nonce, 3);
    assert_eq!(after.balance, before.balance - 3 * (1_000_000 + FEE));
    assert_eq!(
        verified_account(&mut client, &bob, last_height).balance,
        3_000_000
    );

    // Transaction inclusion proofs verify against the header's tx_root and
    // results_root.
    for id in &ids {
        let answer = client
            .call("jifen_txProof", json!({"id": id.to_string()}))
            .unwrap();
        let block = verified_block(&mut client, answer["height"].as_u64().unwrap());
        let proof: InclusionProof = decode_hex(&answer["proof"]);
        proof
            .verify(&merkle::leaf_hash(id.as_bytes()), &block.header.tx_root)
            .unwrap();
        let mut leaf = id.as_bytes().to_vec();
        leaf.extend_from_slice(&0u16.to_be_bytes());
        let result_proof: InclusionProof = decode_hex(&answer["result_proof"]);
        result_proof
            .verify(&merkle::leaf_hash(&leaf), &block.header.results_root)
            .unwrap();
    }

    // Historic state stays provable: before the transfers Bob had nothing.
    assert_eq!(verified_account(&mut client, &bob, 1).balance, 0);
}

#[test]
fn rejected_transactions_get_their_own_errors() {
    // Blocks are made by hand: a replay must meet the pending transaction
    // first and the committed one after, never a block in between.
    let dir = tempfile::tempdir().unwrap();
    let devnet = DevnetBuilder::new(dir.path()).manual().start().unwrap();
    let produce = || produce_blocks(&devnet, 1).unwrap();
    produce();
    let mut client = RpcClient::new(devnet.rpc_addr());
    let alice = NodeKey::devnet_account(1).unwrap();
    let poor = NodeKey::from_bytes(&[7; 32]).unwrap();
    let to = Address::from_bytes([1; 20]);
    let transfer = |amount| TxPayload::Transfer(Transfer { to, amount });

    // Bad signature: sign, then alter the amount.
    let mut tx = sign(&alice, chain_id(), 0, FEE, transfer(5));
    tx.unsigned.payload = transfer(6);
    assert_eq!(
        submit(&mut client, &tx).unwrap_err(),
        (1002, "tx-bad-signature".into())
    );

    // Wrong chain id.
    let tx = sign(
        &alice,
        ChainId::new("other-chain").unwrap(),
        0,
        FEE,
        transfer(5),
    );
    assert_eq!(
        submit(&mut client, &tx).unwrap_err(),
        (1003, "tx-wrong-chain-id".into())
    );

    // Malformed payload: truncated bytes, then a non-hex string.
    let mut bytes = sign(&alice, chain_id(), 0, FEE, transfer(5)).encode();
    bytes.truncate(bytes.len() - 3);
    let err = client
        .call("jifen_submitTx", json!({"tx": hex::encode(&bytes)}))
        .unwrap_err();
    assert!(matches!(
        err,
        jifen_node::rpc::client::ClientError::Rpc { code: 1001, .. }
    ));
    let err = client
        .call("jifen_submitTx", json!({"tx": "zz"}))
        .unwrap_err();
    assert!(matches!(
        err,
        jifen_node::rpc::client::ClientError::Rpc { code: 1001, .. }
    ));

    // Fee too low.
    let tx = sign(&alice, chain_id(), 0, 1, transfer(5));
    assert_eq!(
        submit(&mut client, &tx).unwrap_err(),
        (1007, "tx-fee-too-low".into())
    );

    // Insufficient balance.
    let tx = sign(&poor, chain_id(), 0, FEE, transfer(5));
    assert_eq!(
        submit(&mut client, &tx).unwrap_err(),
        (1006, "tx-insufficient-balance".into())
    );

    // Nonce gap.
    let tx = sign(&alice, chain_id(), 5, FEE, transfer(5));
    assert_eq!(
        submit(&mut client, &tx).unwrap_err(),
        (1005, "tx-nonce-gap".into())
    );

    // Accepted, then replayed: already known while pending, nonce too low
    // once committed.
    let tx = sign(&alice, chain_id(), 0, FEE, transfer(5));
    let id = submit(&mut client, &tx).unwrap();
    assert_eq!(
        submit(&mut client, &tx).unwrap_err(),
        (1009, "tx-already-known".into())
    );
    produce();
    assert_eq!(
        client
            .call("jifen_txStatus", json!({"id": id.to_string()}))
            .unwrap()["status"],
        "committed"
    );
    assert_eq!(
        submit(&mut client, &tx).unwrap_err(),
        (1004, "tx-nonce-too-low".into())
    );

    // RPC-level errors.
    let err = client.call("jifen_nope", json!({})).unwrap_err();
    assert!(matches!(
        err,
        jifen_node::rpc::client::ClientError::Rpc { code: -32601, .. }
    ));
    let err = client
        .call("jifen_header", json!({"height": 1_000_000}))
        .unwrap_err();
    assert!(matches!(
        err,
        jifen_node::rpc::client::ClientError::Rpc { code: 2001, .. }
    ));
    let err = client
        .call("jifen_lightBlocks", json!({"from": 1, "to": 500}))
        .unwrap_err();
    assert!(matches!(
        err,
        jifen_node::rpc::client::ClientError::Rpc { code: 2002, .. }
    ));
    let err = client
        .call("jifen_txProof", json!({"id": Hash32::ZERO.to_string()}))
        .unwrap_err();
    assert!(matches!(
        err,
        jifen_node::rpc::client::ClientError::Rpc { code: 2003, .. }
    ));
    let raw = client.post(b"{not json").unwrap();
    let value: serde_json::Value = serde_json::from_slice(&raw).unwrap();
    assert_eq!(value["error"]["code"], -32700);
}

#[test]
fn batches_and_light_block_ranges() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = DevnetBuilder::new(dir.path()).manual().start().unwrap();
    produce_blocks(&devnet, 5).unwrap();
    let mut client = RpcClient::new(devnet.rpc_addr());
    let body = json!([
        {"jsonrpc": "2.0", "id": 1, "method": "jifen_status"},
        {"jsonrpc": "2.0", "id": "two", "method": "jifen_header", "params": {"height": 2}},
        {"jsonrpc": "2.0", "method": "jifen_status"},
        {"jsonrpc": "2.0", "id": 3, "method": "nope"}
    ]);
    let raw = client.post(&serde_json::to_vec(&body).unwrap()).unwrap();
    let answers: Vec<serde_json::Value> = serde_json::from_slice(&raw).unwrap();
    assert_eq!(answers.len(), 3, "the notification gets no answer");
    assert_eq!(answers[1]["id"], "two");
    assert_eq!(answers[2]["error"]["code"], -32601);

    let range = client
        .call("jifen_lightBlocks", json!({"from": 1, "to": 5}))
        .unwrap();
    let blocks: Vec<VerifiedBlock> = range["light_blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(verify_light_block)
        .collect();
    assert_eq!(blocks.len(), 5);
    for pair in blocks.windows(2) {
        assert_eq!(
            pair[1].header.previous_block_hash,
            Some(pair[0].header.hash())
        );
        assert_eq!(pair[1].header.last_commit_hash, Some(pair[0].commit.hash()));
        assert_eq!(
            pair[1].header.validators_hash,
            pair[0].header.next_validators_hash
        );
    }
}

#[test]
fn validator_set_rotates_at_epoch_boundaries_and_bonds_join() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = DevnetBuilder::new(dir.path())
        .validators(5)
        .rotate(2)
        .epoch_length(4)
        .block_time_ms(20)
        .start()
        .unwrap();
    let mut client = RpcClient::new(devnet.rpc_addr());
    // A new validator bonds enough stake to be a candidate.
    let newcomer = NodeKey::devnet_account(2).unwrap();
    let tx = sign(
        &newcomer,
        chain_id(),
        0,
        FEE,
        TxPayload::Bond(Bond {
            amount: 50_000 * 1_000_000,
        }),
    );
    submit(&mut client, &tx).unwrap();
    wait_height(&devnet, 17);
    let mut changes = 0;
    let mut partial_commits = 0;
    let mut seen_newcomer = false;
    let mut previous: Option<VerifiedBlock> = None;
    for h in 1..=17 {
        let block = verified_block(&mut client, h);
        if block.commit.signatures.len() < block.set.len() {
            partial_commits += 1;
        }
        seen_newcomer |= block.set.find(&newcomer.address()).is_some();
        if let Some(prev) = &previous {
            assert_eq!(
                block.header.validators_hash,
                prev.header.next_validators_hash
            );
            if block.header.validators_hash != prev.header.validators_hash {
                changes += 1;
                assert_eq!(prev.header.height % 4, 0, "changes only after epoch ends");
            }
        }
        previous = Some(block);
    }
    assert!(changes >= 3, "set changed {changes} times");
    assert!(
        partial_commits > 0,
        "every commit was signed by all validators"
    );
    // The newcomer holds no devnet validator key, but the others keep quorum.
    assert!(seen_newcomer, "the bonded account was never elected");
}

#[test]
fn http_limits_are_enforced() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    // No blocks are needed: the limits are the HTTP layer's.
    let devnet = DevnetBuilder::new(dir.path()).manual().start().unwrap();
    let send = |request: &[u8]| {
        let mut stream = std::net::TcpStream::connect(devnet.rpc_addr()).unwrap();
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(10)))
            .unwrap();
        // The server may close before reading everything we send.
        let _ = stream.write_all(request);
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        answer
    };
    let big = send(b"POST / HTTP/1.1\r\nConnection: close\r\nContent-Length: 2000000\r\n\r\n");
    assert!(big.starts_with("HTTP/1.1 413"), "{big}");
    let get = send(b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
    assert!(get.starts_with("HTTP/1.1 405"), "{get}");
    // hyper refuses request heads over its buffer limit (~400 KiB).
    let long_header = format!("POST / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(600_000));
    let head = send(long_header.as_bytes());
    assert!(head.starts_with("HTTP/1.1 431"), "{head}");
    let batch: Vec<serde_json::Value> = (0..101)
        .map(|i| json!({"jsonrpc": "2.0", "id": i, "method": "jifen_status"}))
        .collect();
    let mut client = RpcClient::new(devnet.rpc_addr());
    let raw = client.post(&serde_json::to_vec(&batch).unwrap()).unwrap();
    let answer: serde_json::Value = serde_json::from_slice(&raw).unwrap();
    assert_eq!(answer["error"]["code"], 2004);
}

/// Every answer of the server reads as its typed result in
/// `jifen-rpc-types` and writes back to exactly the same JSON: the typed
/// structs carry every member `docs/rpc.md` documents, nothing more.
#[test]
fn typed_results_read_every_answer_and_write_it_back_unchanged() {
    use jifen_rpc_types::{
        AccountParams, BlockParams, Call, CommitParams, HeaderParams, HistoryParams,
        LightBlockParams, LightBlocksParams, StateParams, StatusParams, SubmitTxParams,
        TxProofParams, TxStatusParams, ValidatorsParams, WireObject,
    };

    fn round_trip<C: Call>(client: &mut RpcClient, params: &C) -> C::Output {
        let raw = client.call(C::METHOD, params.to_json()).unwrap();
        let typed = C::Output::from_json(&raw).unwrap();
        assert_eq!(typed.to_json(), raw, "{}", C::METHOD);
        typed
    }

    let dir = tempfile::tempdir().unwrap();
    let mut config = jifen_node::devnet::DevnetConfig::new(dir.path().to_path_buf());
    config.validators = 4;
    config.produce = false;
    let devnet = jifen_node::devnet::Devnet::start(&config).unwrap();
    let produce = || {
        devnet
            .chain()
            .lock()
            .unwrap()
            .produce_block(jifen_node::devnet::now_ms())
            .unwrap()
    };
    let mut client = RpcClient::new(devnet.rpc_addr());
    let before = round_trip(&mut client, &StatusParams);
    assert_eq!(before.latest_height, 0);
    assert_eq!(before.latest_block_hash, None);
    produce();
    produce();

    let alice = NodeKey::devnet_account(0).unwrap();
    let tx = sign(
        &alice,
        chain_id(),
        0,
        FEE,
        TxPayload::Transfer(Transfer {
            to: Address::from_bytes([5; 20]),
            amount: 7,
        }),
    );
    let submitted = round_trip(&mut client, &SubmitTxParams { tx: tx.clone() });
    assert_eq!(submitted.id, tx.id());
    round_trip(&mut client, &TxStatusParams { id: tx.id() });
    produce();
    round_trip(&mut client, &TxStatusParams { id: tx.id() });
    round_trip(
        &mut client,
        &TxStatusParams {
            id: Hash32([3; 32]),
        },
    );
    let proof = round_trip(&mut client, &TxProofParams { id: tx.id() });
    assert_eq!(proof.tx, tx);

    let status = round_trip(&mut client, &StatusParams);
    assert_eq!(status.latest_height, 3);
    // The typed call reads the same answer.
    assert_eq!(client.request(&StatusParams).unwrap(), status);
    for height in [None, Some(1), Some(3)] {
        round_trip(&mut client, &HeaderParams { height });
        round_trip(&mut client, &CommitParams { height });
        round_trip(&mut client, &LightBlockParams { height });
        let block = round_trip(&mut client, &BlockParams { height });
        assert_eq!(
            block.txs.len(),
            usize::from(height == Some(3) || height.is_none())
        );
    }
    round_trip(&mut client, &ValidatorsParams { height: Some(4) });
    let range = round_trip(&mut client, &LightBlocksParams { from: 1, to: 3 });
    range.expect_range(1, 3).unwrap();
    for height in [Some(0), Some(2), None] {
        let account = round_trip(
            &mut client,
            &AccountParams::new(&alice.address(), jifen_protocol::Network::Devnet, height),
        );
        round_trip(
            &mut client,
            &StateParams {
                key: account.state.key,
                height,
            },
        );
    }
    let nobody = round_trip(
        &mut client,
        &AccountParams::new(
            &Address::from_bytes([9; 20]),
            jifen_protocol::Network::Testnet,
            None,
        ),
    );
    assert_eq!(nobody.state.value, None);
    for (from, limit) in [(None, None), (Some(0), Some(2)), (Some(1), Some(1))] {
        let page = round_trip(
            &mut client,
            &HistoryParams::new(
                &alice.address(),
                jifen_protocol::Network::Devnet,
                from,
                limit,
            ),
        );
        assert_eq!(page.total, 1);
        if from.unwrap_or(0) == 0 {
            assert_eq!(page.entries[0].tx_id, tx.id());
            assert_eq!(page.entries[0].height, 3);
        } else {
            assert!(page.entries.is_empty());
        }
    }
    let too_many = client.call(
        "jifen_history",
        json!({"address": alice.address().encode(jifen_protocol::Network::Devnet), "limit": 1_001}),
    );
    assert!(matches!(
        too_many,
        Err(jifen_node::rpc::client::ClientError::Rpc { code: 2002, .. })
    ));
}

/// Posts `body` with `Accept: accept`; returns the answer's content type
/// and bytes.
fn post_accepting(
    addr: std::net::SocketAddr,
    body: &serde_json::Value,
    accept: &str,
) -> (String, Vec<u8>) {
    let response = jifen_node::rpc::http::plain_client_builder()
        .build()
        .unwrap()
        .post(format!("http://{addr}/"))
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header(reqwest::header::ACCEPT, accept)
        .body(serde_json::to_vec(body).unwrap())
        .send()
        .unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::OK);
    let content_type = response.headers()[reqwest::header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .to_owned();
    (content_type, response.bytes().unwrap().to_vec())
}

#[test]
fn a_light_block_range_in_json_and_in_binary_holds_the_same_blocks() {
    use jifen_rpc_types::{LIGHT_BLOCKS_CONTENT_TYPE, LightBlocksResult, WireObject};

    let dir = tempfile::tempdir().unwrap();
    // Sets change every 3 blocks: the range names several sets.
    let mut devnet = DevnetBuilder::new(dir.path())
        .validators(4)
        .rotate(1)
        .epoch_length(3)
        .manual()
        .start()
        .unwrap();
    produce_blocks(&devnet, 12).unwrap();
    let garbage = devnet
        .add_rpc(Some(jifen_node::rpc::Fault::BinaryGarbage))
        .unwrap();
    let mut client = RpcClient::new(devnet.rpc_addr());
    let json = LightBlocksResult::from_json(
        &client
            .call("jifen_lightBlocks", json!({"from": 2, "to": 11}))
            .unwrap(),
    )
    .unwrap();
    let request = json!({"jsonrpc": "2.0", "id": 7, "method": "jifen_lightBlocks",
        "params": {"from": 2, "to": 11}});
    let (content_type, frame) = post_accepting(
        devnet.rpc_addr(),
        &request,
        &format!("application/json, {LIGHT_BLOCKS_CONTENT_TYPE}"),
    );
    assert_eq!(content_type, LIGHT_BLOCKS_CONTENT_TYPE);
    let binary = LightBlocksResult::from_frame(&frame, 2, 11).unwrap();
    assert_eq!(binary, json);
    binary.expect_range(2, 11).unwrap();
    let json_bytes =
        serde_json::to_vec(&json!({"jsonrpc": "2.0", "id": 7, "result": json.to_json()})).unwrap();
    assert!(frame.len() < json_bytes.len());

    // Without the Accept header, JSON as always.
    let (content_type, body) = post_accepting(devnet.rpc_addr(), &request, "application/json");
    assert_eq!(content_type, "application/json");
    let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        LightBlocksResult::from_json(&value["result"]).unwrap(),
        json
    );

    // Errors, other methods and batches stay JSON.
    let accept = LIGHT_BLOCKS_CONTENT_TYPE;
    let above = json!({"jsonrpc": "2.0", "id": 8, "method": "jifen_lightBlocks",
        "params": {"from": 2, "to": 99}});
    let other = json!({"jsonrpc": "2.0", "id": 9, "method": "jifen_lightBlock",
        "params": {"height": 2}});
    let batch = json!([request.clone()]);
    for (name, body, code) in [
        ("above the tip", &above, Some(2001)),
        ("another method", &other, None),
        ("a batch", &batch, None),
    ] {
        let (content_type, answer) = post_accepting(devnet.rpc_addr(), body, accept);
        assert_eq!(content_type, "application/json", "{name}");
        let value: serde_json::Value = serde_json::from_slice(&answer).unwrap();
        if let Some(code) = code {
            assert_eq!(value["error"]["code"], code, "{name}");
        }
    }

    // The `binary-garbage` node keeps the head and garbles the rest.
    let (content_type, lie) = post_accepting(garbage, &request, accept);
    assert_eq!(content_type, LIGHT_BLOCKS_CONTENT_TYPE);
    assert_eq!(lie.len(), frame.len());
    assert_eq!(lie[..16], frame[..16]);
    assert_eq!(
        LightBlocksResult::from_frame(&lie, 2, 11)
            .unwrap_err()
            .code(),
        "rpc-frame-invalid"
    );
    // Its JSON is honest.
    let (_, body) = post_accepting(garbage, &request, "application/json");
    let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        LightBlocksResult::from_json(&value["result"]).unwrap(),
        json
    );
}
