//! Restart and crash safety: stopping and restarting continues the chain; a
//! SIGKILL at any moment (including during a block commit) never leaves a
//! store that fails to open or disagrees with its headers.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::process::{Command, Stdio};
use std::time::Duration;

use common::*;
use jifen_node::chain::Chain;
use jifen_node::devnet::now_ms;
use jifen_node::keys::NodeKey;
use jifen_node::rpc::client::RpcClient;
use jifen_protocol::{Address, Transfer, TxPayload};
use jifen_testenv::DEADLINE;
use jifen_testenv::devnet::DevnetBuilder;
use jifen_testenv::process::Spawned;

#[test]
fn restart_continues_the_chain() {
    let dir = tempfile::tempdir().unwrap();
    let (tip, tip_hash) = {
        let devnet = DevnetBuilder::new(dir.path())
            .validators(4)
            .rotate(1)
            .epoch_length(3)
            .block_time_ms(20)
            .start()
            .unwrap();
        let mut client = RpcClient::new(devnet.rpc_addr());
        let alice = NodeKey::devnet_account(0).unwrap();
        let tx = sign(
            &alice,
            chain_id(),
            0,
            1_000,
            TxPayload::Transfer(Transfer {
                to: Address::from_bytes([2; 20]),
                amount: 9,
            }),
        );
        submit(&mut client, &tx).unwrap();
        wait_height(&devnet, 8);
        let chain = devnet.chain();
        let chain = chain.lock().unwrap();
        (chain.height(), chain.tip().unwrap().hash())
    };
    // The devnet was dropped (stopped). Reopen: same tip, verified store.
    let mut chain = Chain::open(dir.path(), None).unwrap();
    assert!(chain.height() >= tip);
    assert_eq!(chain.header(tip).unwrap().unwrap().hash(), tip_hash);
    assert_eq!(chain.verify_store().unwrap(), chain.height());
    let before = chain.height();
    let next = chain.produce_block(now_ms()).unwrap();
    assert_eq!(next.height, before + 1);
    assert_eq!(
        next.previous_block_hash,
        Some(chain.header(before).unwrap().unwrap().hash())
    );
    drop(chain);
    // And again through the devnet.
    let devnet = DevnetBuilder::new(dir.path())
        .validators(4)
        .rotate(1)
        .epoch_length(3)
        .block_time_ms(20)
        .start()
        .unwrap();
    let mut client = RpcClient::new(devnet.rpc_addr());
    wait_height(&devnet, before + 5);
    verified_block(&mut client, before + 5);
    let account = verified_account(&mut client, &Address::from_bytes([2; 20]), before + 5);
    assert_eq!(account.balance, 9);
}

/// Deterministic pseudo-random delays (xorshift), counted from the moment
/// the node says it serves (its startup time varies on a loaded machine).
fn delays(count: usize) -> Vec<u64> {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..count)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            5 + x % 60
        })
        .collect()
}

#[test]
fn sigkill_during_block_commit_never_corrupts_the_store() {
    let runs: usize = std::env::var("JIFEN_KILL_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let dir = tempfile::tempdir().unwrap();
    let mut last_height = 0;
    let mut heights = Vec::new();
    for (run, delay) in delays(runs).into_iter().enumerate() {
        let mut child = Spawned::spawn(
            Command::new(env!("CARGO_BIN_EXE_jifen-node"))
                .args([
                    "devnet",
                    "--validators",
                    "7",
                    "--rotate",
                    "2",
                    "--epoch-length",
                    "5",
                ])
                .args(["--block-time-ms", "1", "--rpc-port", "0", "--data-dir"])
                .arg(dir.path())
                .stderr(Stdio::null()),
        )
        .unwrap();
        child
            .wait_for_line("devnet RPC:", DEADLINE)
            .unwrap_or_else(|e| panic!("run {run}: the node did not start: {e}"));
        std::thread::sleep(Duration::from_millis(delay));
        child.kill().unwrap(); // SIGKILL
        let chain = Chain::open(dir.path(), None)
            .unwrap_or_else(|e| panic!("run {run}: store fails to open: {e}"));
        // Commits of blocks verified in earlier rounds are not re-tallied;
        // every state root and link is re-checked.
        let verified = chain
            .verify_store_from(last_height.max(1))
            .unwrap_or_else(|e| panic!("run {run}: store inconsistent: {e}"));
        assert!(verified >= last_height, "run {run}: chain went backwards");
        last_height = verified;
        heights.push(verified);
    }
    // The chain kept growing across the kills and continues afterwards.
    let mut chain = Chain::open(dir.path(), None).unwrap();
    let tip = chain.height();
    assert!(tip > 0 && heights.windows(2).filter(|w| w[1] > w[0]).count() > runs / 4);
    chain.produce_block(now_ms()).unwrap();
    assert_eq!(chain.verify_store().unwrap(), tip + 1);
    eprintln!(
        "{runs} SIGKILLs: tip {tip}, chain advanced in {} runs",
        heights.windows(2).filter(|w| w[1] > w[0]).count() + usize::from(heights[0] > 0)
    );
}
