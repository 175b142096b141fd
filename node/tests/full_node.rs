//! Full nodes (issue 15, node side): a node without validator keys follows
//! a devnet over HTTP JSON-RPC, re-executing every block
//! (`Chain::import_block`); tampered blocks are refused with their own
//! codes and change nothing; lying sources are demoted; transactions
//! submitted to the full node reach the validator; the genesis file opens
//! the validator's genesis.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::*;
use jifen_node::chain::{Chain, FullBlock, ImportError, TxStatus};
use jifen_node::devnet::Devnet;
use jifen_node::execution::TxError;
use jifen_node::follow::{
    BlockSource, FollowError, FullNode, FullNodeConfig, HttpSource, sync_from,
};
use jifen_node::genesis::ChainParams;
use jifen_node::keys::NodeKey;
use jifen_node::rpc::Fault;
use jifen_node::rpc::client::RpcClient;
use jifen_protocol::points::keys::merchant_key;
use jifen_protocol::points::{MerchantRecord, RateRecord, RateSet, Swap, SwapDirection};
use jifen_protocol::{
    Address, ChainId, Decode, Hash32, MerchantId, Signature, Transaction, Transfer, TxPayload,
    tx_root,
};
use jifen_testenv::DEADLINE;
use jifen_testenv::devnet::{DevnetBuilder, produce_blocks};
use jifen_testenv::process::Spawned;
use serde_json::json;

const FEE: u128 = 1_000;

fn role(name: &str) -> NodeKey {
    NodeKey::devnet_role(name).unwrap()
}

/// The block at `height` as the validator stored it.
fn full_block(chain: &Chain, height: u64) -> FullBlock {
    FullBlock {
        header: chain.header(height).unwrap().unwrap(),
        commit: chain.commit(height).unwrap().unwrap(),
        txs: chain.block_txs(height).unwrap(),
    }
}

/// The devnet's parameters as a genesis file gives them (no keys).
fn genesis_of(devnet: &Devnet) -> ChainParams {
    let mut params = devnet.chain().lock().unwrap().params().clone();
    params.devnet_keys = 0;
    let json = serde_json::to_string(&params).unwrap();
    serde_json::from_str(&json).unwrap()
}

fn transfer(from: &NodeKey, nonce: u64, to: u8, amount: u128) -> Transaction {
    sign(
        from,
        chain_id(),
        nonce,
        FEE,
        TxPayload::Transfer(Transfer {
            to: Address::from_bytes([to; 20]),
            amount,
        }),
    )
}

/// Polls `done` until it holds, at most [`DEADLINE`].
fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let started = Instant::now();
    while !done() {
        assert!(started.elapsed() < DEADLINE, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn wait_synced(node: &FullNode, height: u64) {
    wait_until(&format!("the full node at {height}"), || {
        node.sync_now();
        node.chain().lock().unwrap().height() >= height
    });
}

fn same_answer(a: &mut RpcClient, b: &mut RpcClient, method: &str, params: serde_json::Value) {
    let left = a.call(method, params.clone()).unwrap();
    let right = b.call(method, params.clone()).unwrap();
    assert_eq!(left, right, "{method} {params}");
}

#[test]
fn a_full_node_follows_a_devnet_over_http_and_verifies_every_block() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = DevnetBuilder::new(dir.path())
        .validators(4)
        .rotate(1)
        .epoch_length(5)
        .manual()
        .subchains()
        .start()
        .unwrap();
    produce_blocks(&devnet, 3).unwrap();
    let full_dir = tempfile::tempdir().unwrap();
    let node = FullNode::start(FullNodeConfig {
        genesis: genesis_of(&devnet),
        data_dir: full_dir.path().to_path_buf(),
        rpc_addr: "127.0.0.1:0".parse().unwrap(),
        sources: vec![Arc::new(HttpSource::at(devnet.rpc_addr(), "validator"))],
        interval: Duration::from_millis(200),
        p2p: None,
    })
    .unwrap();
    let mut validator = RpcClient::new(devnet.rpc_addr());
    let mut full = RpcClient::new(node.rpc_addr());

    // Transfers, swaps, a rate change and a swap it makes fail (result 1123).
    let alice = NodeKey::devnet_account(0).unwrap();
    for nonce in 0..3 {
        submit(
            &mut validator,
            &transfer(&alice, nonce, 2, 10 + u128::from(nonce)),
        )
        .unwrap();
    }
    let tea = MerchantId::new(1).unwrap();
    let record = {
        let chain = devnet.chain();
        let chain = chain.lock().unwrap();
        MerchantRecord::decode(chain.state().get(&merchant_key(tea)).unwrap()).unwrap()
    };
    let sell = Swap {
        merchant: tea,
        direction: SwapDirection::PointsToPoint,
        amount_in: 1_000,
        min_out: 9_200_000,
        rate_version: record.rate_version,
        deadline: 1_000,
    };
    let consumer = role("consumer");
    submit(
        &mut validator,
        &sign(&consumer, chain_id(), 0, FEE, TxPayload::Swap(sell)),
    )
    .unwrap();
    produce_blocks(&devnet, 2).unwrap();
    let rate = {
        let chain = devnet.chain();
        let chain = chain.lock().unwrap();
        RateRecord::decode(
            chain
                .state()
                .get(&jifen_protocol::points::keys::rate_key(
                    tea,
                    record.rate_version,
                ))
                .unwrap(),
        )
        .unwrap()
    };
    submit(
        &mut validator,
        &sign(
            &role("merchant-1"),
            chain_id(),
            0,
            FEE,
            TxPayload::RateSet(RateSet {
                merchant: tea,
                terms: rate.terms,
            }),
        ),
    )
    .unwrap();
    let late = submit(
        &mut validator,
        &sign(&consumer, chain_id(), 1, FEE, TxPayload::Swap(sell)),
    )
    .unwrap();
    let height = produce_blocks(&devnet, 9).unwrap();
    wait_synced(&node, height);

    let validator_chain = devnet.chain();
    let validator_chain = validator_chain.lock().unwrap();
    let full_chain = node.chain();
    let full_chain = full_chain.lock().unwrap();
    assert_eq!(full_chain.height(), height);
    assert_eq!(full_chain.verify_store().unwrap(), height);
    let mut kinds = std::collections::BTreeSet::new();
    for h in 1..=height {
        assert_eq!(
            full_block(&full_chain, h),
            full_block(&validator_chain, h),
            "block {h}"
        );
        assert_eq!(
            full_chain.block_results(h).unwrap(),
            validator_chain.block_results(h).unwrap()
        );
        for tx in validator_chain.block_txs(h).unwrap() {
            kinds.insert(format!("{:?}", tx.unsigned.payload.kind()));
        }
    }
    assert_eq!(
        full_chain.next_validator_set(),
        validator_chain.next_validator_set()
    );
    let rotated = (1..=height)
        .filter_map(|h| full_chain.header(h).unwrap())
        .any(|header| header.validators_hash != header.next_validators_hash);
    assert!(rotated, "an epoch end changed the set");
    assert!(kinds.len() >= 4, "kinds of transactions: {kinds:?}");
    assert!(
        kinds.iter().any(|kind| kind.contains("SubchainReport")),
        "{kinds:?}"
    );
    assert!(matches!(
        full_chain.tx_status(&late).unwrap(),
        TxStatus::Committed(location) if location.code == 1123
    ));
    drop((validator_chain, full_chain));

    // The full node answers as the validator does.
    for h in [1, 5, height] {
        same_answer(
            &mut validator,
            &mut full,
            "jifen_lightBlock",
            json!({"height": h}),
        );
        same_answer(
            &mut validator,
            &mut full,
            "jifen_block",
            json!({"height": h}),
        );
        same_answer(
            &mut validator,
            &mut full,
            "jifen_lightBlocks",
            json!({"from": 1, "to": h}),
        );
        for who in [
            alice.address(),
            consumer.address(),
            Address::from_bytes([2; 20]),
        ] {
            let text = who.encode(jifen_protocol::Network::Devnet);
            same_answer(
                &mut validator,
                &mut full,
                "jifen_account",
                json!({"address": text, "height": h}),
            );
            same_answer(
                &mut validator,
                &mut full,
                "jifen_history",
                json!({"address": text}),
            );
        }
    }
    same_answer(
        &mut validator,
        &mut full,
        "jifen_txProof",
        json!({"id": late.to_string()}),
    );
    same_answer(&mut validator, &mut full, "jifen_subchains", json!({}));
    verified_block(&mut full, height);
    assert_eq!(
        verified_account(&mut full, &Address::from_bytes([2; 20]), height).balance,
        10 + 11 + 12
    );

    // A transaction given to the full node is relayed and committed.
    let bob = NodeKey::devnet_account(1).unwrap();
    let tx = transfer(&bob, 0, 3, 77);
    assert_eq!(submit(&mut full, &tx).unwrap(), tx.id());
    wait_until("the relay to the validator", || {
        node.sync_now();
        devnet.chain().lock().unwrap().tx_status(&tx.id()).unwrap() == TxStatus::Pending
    });
    let height = produce_blocks(&devnet, 1).unwrap();
    wait_synced(&node, height);
    let full_chain = node.chain();
    let full_chain = full_chain.lock().unwrap();
    assert!(matches!(
        full_chain.tx_status(&tx.id()).unwrap(),
        TxStatus::Committed(location) if location.height == height && location.code == 0
    ));
    assert_eq!(full_chain.mempool_len(), 0);
    assert_eq!(full_chain.verify_store().unwrap(), height);
}

/// What a refused import must leave as it was.
#[derive(Debug, PartialEq, Eq)]
struct Snapshot {
    height: u64,
    tip: Option<Hash32>,
    state_root: Hash32,
    next_set: Hash32,
    mempool: usize,
}

fn snapshot(chain: &Chain) -> Snapshot {
    Snapshot {
        height: chain.height(),
        tip: chain.tip().map(jifen_protocol::Header::hash),
        state_root: chain.state().root(),
        next_set: chain.next_validator_set().hash(),
        mempool: chain.mempool_len(),
    }
}

#[test]
fn tampered_blocks_are_refused_each_with_its_own_code_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = DevnetBuilder::new(dir.path())
        .validators(4)
        .manual()
        .start()
        .unwrap();
    let follower_dir = tempfile::tempdir().unwrap();
    let mut follower = Chain::open(follower_dir.path(), Some(genesis_of(&devnet))).unwrap();
    produce_blocks(&devnet, 2).unwrap();
    let validator = devnet.chain();
    for h in 1..=2 {
        let block = full_block(&validator.lock().unwrap(), h);
        follower.import_block(&block).unwrap();
    }
    let alice = NodeKey::devnet_account(0).unwrap();
    let included = [transfer(&alice, 0, 4, 5), transfer(&alice, 1, 4, 6)];
    {
        let mut chain = validator.lock().unwrap();
        for tx in &included {
            chain.submit_tx(tx.clone()).unwrap();
        }
    }
    // The follower's mempool holds one of them, and one the block makes stale.
    follower.submit_tx(included[0].clone()).unwrap();
    follower.submit_tx(transfer(&alice, 1, 4, 99)).unwrap();
    produce_blocks(&devnet, 1).unwrap();
    let validator = validator.lock().unwrap();
    let genuine = full_block(&validator, 3);
    assert_eq!(genuine.txs.len(), 2);
    let resign = |mut block: FullBlock| {
        block.commit = validator.sign_conflicting(&block.header).unwrap();
        block
    };
    let with_header = |change: &dyn Fn(&mut jifen_protocol::Header)| {
        let mut block = genuine.clone();
        change(&mut block.header);
        block
    };
    let with_txs = |txs: Vec<Transaction>| {
        let mut block = genuine.clone();
        block.header.tx_root = tx_root(&txs);
        block.txs = txs;
        resign(block)
    };
    let gap = transfer(&NodeKey::devnet_account(2).unwrap(), 5, 4, 1);
    let bad_signature = {
        let tx = transfer(&NodeKey::devnet_account(3).unwrap(), 0, 4, 1);
        tx.unsigned.with_signature(Signature::from_array([1; 64]))
    };
    let forged_commit = {
        let mut block = genuine.clone();
        let mut bytes = block.commit.signatures[0].signature.to_bytes();
        bytes[10] ^= 1;
        block.commit.signatures[0].signature = Signature::from_array(bytes);
        block
    };
    let one_signature = {
        let mut block = genuine.clone();
        block.commit.signatures.truncate(1);
        block
    };
    let cases: Vec<(&str, FullBlock)> = vec![
        ("import-wrong-height", full_block(&validator, 2)),
        (
            "import-wrong-height",
            resign(with_header(&|h| h.height = 4)),
        ),
        (
            "import-wrong-chain",
            with_header(&|h| h.chain_id = ChainId::new("other-chain").unwrap()),
        ),
        (
            "import-bad-header",
            with_header(&|h| h.previous_block_hash = None),
        ),
        (
            "import-bad-link",
            with_header(&|h| h.previous_block_hash = Some(Hash32([7; 32]))),
        ),
        (
            "import-bad-link",
            with_header(&|h| h.last_commit_hash = Some(Hash32([7; 32]))),
        ),
        (
            "import-bad-time",
            with_header(&|h| h.time_ms = validator.header(2).unwrap().unwrap().time_ms),
        ),
        (
            "import-bad-validators",
            with_header(&|h| h.validators_hash = Hash32([1; 32])),
        ),
        (
            "import-bad-proposer",
            with_header(&|h| h.proposer = Address::from_bytes([3; 20])),
        ),
        ("import-bad-commit", forged_commit),
        (
            "import-bad-commit",
            with_header(&|h| h.state_root = Hash32([5; 32])),
        ),
        (
            "import-bad-commit",
            FullBlock {
                commit: validator.commit(2).unwrap().unwrap(),
                ..genuine.clone()
            },
        ),
        ("import-no-quorum", one_signature),
        (
            "import-too-large",
            FullBlock {
                txs: vec![included[0].clone(); jifen_node::chain::MAX_BLOCK_TXS + 1],
                ..genuine.clone()
            },
        ),
        (
            "import-bad-tx-root",
            FullBlock {
                txs: vec![included[0].clone()],
                ..genuine.clone()
            },
        ),
        (
            "import-bad-tx-root",
            FullBlock {
                txs: vec![included[0].clone(), transfer(&alice, 1, 4, 7)],
                ..genuine.clone()
            },
        ),
        (
            "import-tx-rejected",
            with_txs(vec![included[0].clone(), included[1].clone(), gap.clone()]),
        ),
        (
            "import-tx-rejected",
            with_txs(vec![included[0].clone(), included[0].clone()]),
        ),
        (
            "import-tx-rejected",
            with_txs(vec![
                included[0].clone(),
                included[1].clone(),
                bad_signature,
            ]),
        ),
        (
            "import-bad-results-root",
            resign(with_header(&|h| h.results_root = Hash32([5; 32]))),
        ),
        (
            "import-bad-state-root",
            resign(with_header(&|h| h.state_root = Hash32([5; 32]))),
        ),
        (
            "import-bad-anchors-root",
            resign(with_header(&|h| h.anchors_root = Hash32([5; 32]))),
        ),
        (
            "import-bad-next-validators",
            resign(with_header(&|h| h.next_validators_hash = Hash32([5; 32]))),
        ),
    ];
    let before = snapshot(&follower);
    assert_eq!(before.mempool, 2);
    for (code, block) in &cases {
        let error = follower.import_block(block).unwrap_err();
        assert_eq!(error.code(), *code, "{error}");
        assert!(error.blames_block());
        assert_eq!(snapshot(&follower), before, "{code} changed the chain");
    }
    // The dropped-by-producer transaction names itself.
    match follower
        .import_block(&with_txs(vec![
            included[0].clone(),
            included[1].clone(),
            gap,
        ]))
        .unwrap_err()
    {
        ImportError::TxRejected {
            index: 2,
            error:
                TxError::NonceGap {
                    expected: 0,
                    got: 5,
                },
        } => {}
        other => panic!("{other:?}"),
    }
    assert_eq!(follower.verify_store().unwrap(), 2);
    let header = follower.import_block(&genuine).unwrap();
    assert_eq!(header, genuine.header);
    assert_eq!(
        follower.mempool_len(),
        0,
        "included and stale transactions leave the mempool"
    );
    assert_eq!(follower.verify_store().unwrap(), 3);
    assert_eq!(follower.state().root(), validator.state().root());
}

#[test]
fn a_source_whose_blocks_fail_is_demoted_and_the_next_one_serves() {
    let dir = tempfile::tempdir().unwrap();
    let mut devnet = DevnetBuilder::new(dir.path())
        .validators(4)
        .manual()
        .start()
        .unwrap();
    let double_sign = devnet.add_rpc(Some(Fault::DoubleSign)).unwrap();
    let forged = devnet.add_rpc(Some(Fault::ForgedCommit)).unwrap();
    let alice = NodeKey::devnet_account(0).unwrap();
    devnet
        .chain()
        .lock()
        .unwrap()
        .submit_tx(transfer(&alice, 0, 6, 1))
        .unwrap();
    let height = produce_blocks(&devnet, 4).unwrap();
    let follower_dir = tempfile::tempdir().unwrap();
    let follower = Mutex::new(Chain::open(follower_dir.path(), Some(genesis_of(&devnet))).unwrap());
    let source = |addr, name: &str| Arc::new(HttpSource::at(addr, name)) as Arc<dyn BlockSource>;
    let liars = vec![
        source(double_sign, "double-sign"),
        source(forged, "forged-commit"),
    ];
    let error = sync_from(&follower, &liars).unwrap_err();
    assert_eq!(error.code(), "follow-stalled", "{error}");
    assert_eq!(follower.lock().unwrap().height(), 0);

    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let unreachable = vec![source(closed, "closed")];
    assert!(matches!(
        sync_from(&follower, &unreachable),
        Err(FollowError::Unreachable)
    ));
    assert_eq!(
        sync_from(&follower, &[]).unwrap_err().code(),
        "follow-no-sources"
    );

    let mut all = liars;
    all.push(source(closed, "closed"));
    all.push(source(devnet.rpc_addr(), "honest"));
    assert_eq!(sync_from(&follower, &all).unwrap(), height);
    let follower = follower.into_inner().unwrap();
    let validator = devnet.chain();
    let validator = validator.lock().unwrap();
    for h in 1..=height {
        assert_eq!(full_block(&follower, h), full_block(&validator, h));
    }
    assert_eq!(follower.verify_store().unwrap(), height);
    // Up to date: a round imports nothing and is fine.
    drop(validator);
    let follower = Mutex::new(follower);
    assert_eq!(sync_from(&follower, &all[3..]).unwrap(), height);
}

#[test]
fn the_genesis_file_opens_the_validators_genesis_and_full_follows_from_it() {
    let dir = tempfile::tempdir().unwrap();
    let (params, set, genesis_root) = {
        let devnet = DevnetBuilder::new(dir.path())
            .validators(4)
            .rotate(1)
            .manual()
            .start()
            .unwrap();
        produce_blocks(&devnet, 2).unwrap();
        let chain = devnet.chain();
        let chain = chain.lock().unwrap();
        let first = chain.header(1).unwrap().unwrap();
        (
            chain.params().clone(),
            chain
                .validator_set(&first.validators_hash)
                .unwrap()
                .unwrap(),
            chain.state_at(0).unwrap().root(),
        )
    };
    let file = dir.path().join("genesis.json");
    let status = Command::new(env!("CARGO_BIN_EXE_jifen-node"))
        .args(["genesis", "--data-dir"])
        .arg(dir.path())
        .arg("--out")
        .arg(&file)
        .status()
        .unwrap();
    assert!(status.success());
    let genesis: ChainParams =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(genesis.devnet_keys, 0);
    assert_eq!(
        ChainParams {
            devnet_keys: params.devnet_keys,
            ..genesis.clone()
        },
        params
    );
    let full_dir = tempfile::tempdir().unwrap();
    {
        let chain = Chain::open(full_dir.path(), Some(genesis.clone())).unwrap();
        assert_eq!(chain.height(), 0);
        assert_eq!(chain.next_validator_set(), &set);
        assert_eq!(chain.state().root(), genesis_root);
        assert_eq!(chain.chain_id().as_str(), params.chain_id);
    }

    // `jifen-node full` follows the restarted devnet.
    let devnet = DevnetBuilder::new(dir.path())
        .validators(4)
        .rotate(1)
        .manual()
        .start()
        .unwrap();
    let height = produce_blocks(&devnet, 3).unwrap();
    let mut child = Spawned::spawn(
        Command::new(env!("CARGO_BIN_EXE_jifen-node"))
            .args(["full", "--genesis"])
            .arg(&file)
            .arg("--data-dir")
            .arg(full_dir.path())
            .args(["--rpc-port", "0", "--source"])
            .arg(format!("http://{}/", devnet.rpc_addr()))
            .stderr(Stdio::null()),
    )
    .unwrap();
    let line = child
        .wait_for_line("jifen-node full RPC: http://", DEADLINE)
        .unwrap();
    let addr = line
        .trim()
        .rsplit("http://")
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let mut full = RpcClient::new(addr);
    let mut validator = RpcClient::new(devnet.rpc_addr());
    wait_until("the full node process to follow", || {
        common::height(&mut full) >= height
    });
    same_answer(
        &mut validator,
        &mut full,
        "jifen_block",
        json!({"height": height}),
    );
    child.kill().unwrap();
    // A data directory of another chain is refused.
    let other = ChainParams {
        genesis_time_ms: genesis.genesis_time_ms + 1,
        ..genesis
    };
    let error = jifen_node::follow::open_full_chain(&other, full_dir.path()).unwrap_err();
    assert_eq!(error.code(), "full-node-genesis-mismatch");
}

/// A source over a chain in this process: serves up to `limit`, with
/// `commits` in place of the stored commits at their heights.
struct Memory {
    chain: Arc<Mutex<Chain>>,
    limit: u64,
    commits: Vec<(u64, jifen_protocol::Commit)>,
}

impl BlockSource for Memory {
    fn id(&self) -> String {
        format!("memory (up to {})", self.limit)
    }

    fn latest_height(&self) -> Result<u64, jifen_node::follow::SourceError> {
        Ok(self.chain.lock().unwrap().height().min(self.limit))
    }

    fn block(&self, height: u64) -> Result<FullBlock, jifen_node::follow::SourceError> {
        let mut block = full_block(&self.chain.lock().unwrap(), height);
        if let Some((_, commit)) = self.commits.iter().find(|(h, _)| *h == height) {
            block.commit = commit.clone();
        }
        Ok(block)
    }

    fn submit_tx(&self, tx: &Transaction) -> Result<(), jifen_node::follow::SourceError> {
        self.chain.lock().unwrap().submit_tx(tx.clone()).unwrap();
        Ok(())
    }
}

/// Another valid commit of `height`: one signature fewer when all signed,
/// else every validator's.
fn other_commit(chain: &Chain, height: u64) -> jifen_protocol::Commit {
    use jifen_protocol::{Commit, CommitSignature, VoteKind};
    let header = chain.header(height).unwrap().unwrap();
    let mut commit = chain.commit(height).unwrap().unwrap();
    let set = chain
        .validator_set(&header.validators_hash)
        .unwrap()
        .unwrap();
    if commit.signatures.len() == set.len() {
        commit.signatures.pop();
    } else {
        let digest =
            Commit::vote_digest(&chain_id(), VoteKind::Precommit, height, 0, &header.hash());
        commit.signatures = set
            .validators()
            .iter()
            .enumerate()
            .map(|(index, validator)| {
                let key = (0..8)
                    .map(|i| NodeKey::devnet_validator(i).unwrap())
                    .find(|key| key.address() == validator.address)
                    .unwrap();
                CommitSignature {
                    validator_index: u16::try_from(index).unwrap(),
                    signature: key.sign_digest(&digest).unwrap(),
                }
            })
            .collect();
    }
    assert!(commit.tally(&chain_id(), &set).unwrap().has_quorum());
    assert_ne!(commit.hash(), chain.commit(height).unwrap().unwrap().hash());
    commit
}

#[test]
fn another_valid_commit_of_the_tip_is_replaced_by_the_one_the_next_block_names() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = DevnetBuilder::new(dir.path())
        .validators(4)
        .manual()
        .start()
        .unwrap();
    let height = produce_blocks(&devnet, 4).unwrap();
    let validator = devnet.chain();
    let other = other_commit(&validator.lock().unwrap(), 2);
    let follower_dir = tempfile::tempdir().unwrap();
    let follower = Mutex::new(Chain::open(follower_dir.path(), Some(genesis_of(&devnet))).unwrap());
    // A source gives block 2 with another quorum of signatures.
    let odd: Vec<Arc<dyn BlockSource>> = vec![Arc::new(Memory {
        chain: Arc::clone(&validator),
        limit: 2,
        commits: vec![(2, other.clone())],
    })];
    assert_eq!(sync_from(&follower, &odd).unwrap(), 2);
    assert_eq!(follower.lock().unwrap().commit(2).unwrap().unwrap(), other);
    // Block 3 names the producer's commit of 2: plain import refuses it ...
    let block3 = full_block(&validator.lock().unwrap(), 3);
    let error = follower.lock().unwrap().import_block(&block3).unwrap_err();
    assert_eq!(error.code(), "import-bad-link");
    // ... a replacement that is not a valid commit of the tip is refused ...
    let wrong = validator.lock().unwrap().commit(3).unwrap().unwrap();
    let error = follower
        .lock()
        .unwrap()
        .import_block_after(&wrong, &block3)
        .unwrap_err();
    assert_eq!(error.code(), "import-bad-parent-commit");
    assert_eq!(follower.lock().unwrap().height(), 2);
    // ... and the follower takes the named commit from the source.
    let honest: Vec<Arc<dyn BlockSource>> = vec![Arc::new(Memory {
        chain: Arc::clone(&validator),
        limit: u64::MAX,
        commits: Vec::new(),
    })];
    assert_eq!(sync_from(&follower, &honest).unwrap(), height);
    let follower = follower.into_inner().unwrap();
    let validator = validator.lock().unwrap();
    for h in 1..=height {
        assert_eq!(
            full_block(&follower, h),
            full_block(&validator, h),
            "block {h}"
        );
    }
    assert_eq!(follower.verify_store().unwrap(), height);
}
