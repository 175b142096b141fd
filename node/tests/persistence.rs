//! Restart and crash safety: stopping and restarting continues the chain; a
//! SIGKILL at any moment (including during a block commit) never leaves a
//! store that fails to open or disagrees with its headers.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout
)]

mod common;

use std::process::{Command, Stdio};

use common::*;
use jifen_node::chain::Chain;
use jifen_node::devnet::now_ms;
use jifen_node::keys::NodeKey;
use jifen_node::rpc::client::RpcClient;
use jifen_protocol::{Address, Transfer, TxPayload};
use jifen_testenv::devnet::DevnetBuilder;

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

/// Crash-kill rounds of the node (`JIFEN_CRASH_ROUNDS`; the long run in
/// `docs/benchmarks.md#crash-kill-cycles` uses 1,000).
const KILL_ROUNDS: u32 = 50;
/// Kill delays after the node says it serves, at most this many ms.
const MAX_DELAY_MS: u64 = 60;
/// Every this many rounds the data folder starts again (a genesis), which
/// keeps each reopen's replay short over a long run.
const FRESH_EVERY: u32 = 50;

/// The last height the node logged as produced (`block produced
/// height=<n>`, at debug level, after the block's commit returned: it is
/// durable), from the complete lines of its log.
fn last_produced(log: &str) -> Option<u64> {
    let complete = log.rfind('\n').map_or("", |end| &log[..end]);
    complete.lines().rev().find_map(|line| {
        line.contains("block produced")
            .then(|| line.split("height=").nth(1))
            .flatten()
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|n| n.parse().ok())
    })
}

#[test]
fn sigkill_during_block_commit_never_corrupts_the_store() {
    let mut cycle = jifen_testenv::crash::Cycle::new("node crash-kill", KILL_ROUNDS);
    let mut dir = tempfile::tempdir().unwrap();
    let mut last_height = 0;
    let (mut advanced, mut at_ack, mut ahead, mut highest) = (0u32, 0u32, 0u32, 0u64);
    for round in 0..cycle.rounds {
        if round > 0 && round % FRESH_EVERY == 0 {
            dir = tempfile::tempdir().unwrap();
            last_height = 0;
        }
        let mut command = Command::new(env!("CARGO_BIN_EXE_jifen-node"));
        command
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
            .env("JIFEN_LOG", "jifen_node=debug")
            .env("NO_COLOR", "1")
            .stderr(Stdio::piped());
        let killed = cycle.kill_at_random(round, &mut command, "devnet RPC:", MAX_DELAY_MS);
        let acked = last_produced(&killed.stderr);
        let chain = Chain::open(dir.path(), None)
            .unwrap_or_else(|e| panic!("round {round}: store fails to open: {e}"));
        // Opening replays the state and compares it with the tip header's
        // state root; say it again here, in the test's own words.
        let tip = chain.height();
        if let Some(header) = chain.tip() {
            let state = chain.state_at(tip).unwrap();
            assert_eq!(
                state.root(),
                header.state_root,
                "round {round}: the stored tip's state root is not the state's"
            );
        }
        // Commits of blocks verified in earlier rounds are not re-tallied;
        // every state root and link is re-checked.
        let verified = chain
            .verify_store_from(last_height.max(1))
            .unwrap_or_else(|e| panic!("round {round}: store inconsistent: {e}"));
        assert_eq!(verified, tip, "round {round}");
        assert!(
            verified >= last_height,
            "round {round}: chain went backwards"
        );
        if let Some(acked) = acked {
            assert!(
                tip >= acked,
                "round {round}: the node logged block {acked} as produced, the store ends at {tip}"
            );
            if tip == acked {
                at_ack += 1;
            } else {
                ahead += 1;
            }
        }
        if verified > last_height {
            advanced += 1;
        }
        last_height = verified;
        highest = highest.max(verified);
    }
    // The chain continues after the last kill.
    let mut chain = Chain::open(dir.path(), None).unwrap();
    let tip = chain.height();
    assert!(
        tip > 0 && advanced > cycle.rounds / 4,
        "advanced in {advanced} rounds"
    );
    chain.produce_block(now_ms()).unwrap();
    assert_eq!(chain.verify_store().unwrap(), tip + 1);
    println!(
        "node crash-kill: seed {}, {} rounds, {} SIGKILLs in {:.1?}: every store opened with \
         its tip's state root equal to the replayed state and verified; the chain advanced in \
         {advanced} rounds; the tip was the last block logged as produced in {at_ack} rounds \
         and ahead of it (committed, not yet logged) in {ahead}; highest tip {highest} (the \
         data folder starts again every {FRESH_EVERY} rounds)",
        cycle.seed,
        cycle.rounds,
        cycle.kills,
        cycle.elapsed()
    );
}

#[test]
fn the_produced_height_is_read_from_complete_log_lines() {
    let log = "2026 DEBUG jifen_node::devnet: block produced height=7\n\
               2026 DEBUG jifen_node::devnet: block produced height=8\n\
               2026 DEBUG jifen_node::devnet: block produced hei";
    assert_eq!(last_produced(log), Some(8));
    assert_eq!(last_produced("devnet RPC: x\n"), None);
}
