//! The node's benchmark (`jifen-node bench`): empty blocks per second,
//! transfers per second, a full node's import of those blocks
//! (re-execution), and state proofs served per second over RPC.
//! Figures go to `docs/benchmarks.md`; nothing here asserts speed.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use jifen_protocol::{Address, Network, Transfer, TxPayload, UnsignedTransaction};
use jifen_rpc_types::AccountParams;

use crate::chain::{Chain, ChainError};
use crate::devnet::now_ms;
use crate::genesis::{ChainParams, DEVNET_ACCOUNTS};
use crate::keys::NodeKey;
use crate::rpc::http::HttpServer;
use crate::rpc::{RpcContext, handle_body};

/// Measured figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BenchReport {
    /// Empty blocks produced per second (21 validators, durable commits).
    pub empty_blocks_per_s: f64,
    /// Transfers executed and committed per second, from submission (with
    /// signature checks) to the last durable block.
    pub transfers_per_s: f64,
    /// Blocks those transfers took.
    pub transfer_blocks: u64,
    /// Transfers a full node imports per second: the same blocks checked
    /// (commit signatures, every transaction's signature) and re-executed
    /// by [`Chain::import_block`], durable commits.
    pub imported_transfers_per_s: f64,
    /// `jifen_account` calls (value + state proof) answered per second over
    /// one kept-alive HTTP connection.
    pub proofs_per_s: f64,
    /// Accounts in the state when proofs were measured.
    pub accounts: usize,
}

/// Why the benchmark failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BenchError {
    /// The chain failed.
    #[error(transparent)]
    Chain(#[from] ChainError),
    /// Setup failed.
    #[error("{0}")]
    Setup(String),
}

fn setup(err: impl std::fmt::Display) -> BenchError {
    BenchError::Setup(err.to_string())
}

/// Runs the benchmark in `dir` (must be empty) with `transfers` transfers to
/// distinct new accounts and `seconds` of proof queries.
///
/// # Errors
/// [`BenchError`].
pub fn run(dir: &Path, transfers: u64, seconds: u64) -> Result<BenchReport, BenchError> {
    let params = ChainParams::devnet(21, 0, 1_000, now_ms()).map_err(setup)?;
    let mut chain = Chain::open(dir, Some(params))?;

    let started = Instant::now();
    let empty = 200u64;
    for _ in 0..empty {
        chain.produce_block(now_ms())?;
    }
    let empty_blocks_per_s = rate(empty, started.elapsed());

    let senders: Vec<NodeKey> = (0..DEVNET_ACCOUNTS)
        .map(NodeKey::devnet_account)
        .collect::<Result<_, _>>()
        .map_err(setup)?;
    let mut txs = Vec::new();
    for i in 0..transfers {
        let sender_index = usize::try_from(i % u64::from(DEVNET_ACCOUNTS)).map_err(setup)?;
        let Some(sender) = senders.get(sender_index) else {
            return Err(setup("no sender"));
        };
        let nonce = i / u64::from(DEVNET_ACCOUNTS);
        let mut to = [0u8; 20];
        to[..8].copy_from_slice(&i.to_be_bytes());
        to[19] = 0x42;
        let unsigned = UnsignedTransaction::new(
            chain.chain_id().clone(),
            sender.public_key(),
            nonce,
            1_000,
            TxPayload::Transfer(Transfer {
                to: Address::from_bytes(to),
                amount: 1_000_000,
            }),
        );
        let signature = sender
            .sign_digest(&unsigned.signing_digest())
            .map_err(setup)?;
        txs.push(unsigned.with_signature(signature));
    }
    let started = Instant::now();
    let start_height = chain.height();
    let mut pending = txs.into_iter();
    loop {
        // Fill the mempool up to one block's worth, then produce.
        let mut queued = 0;
        for tx in pending.by_ref() {
            chain.submit_tx(tx).map_err(setup)?;
            queued += 1;
            if queued >= crate::chain::MAX_BLOCK_TXS {
                break;
            }
        }
        if queued == 0 && chain.mempool_len() == 0 {
            break;
        }
        chain.produce_block(now_ms())?;
    }
    let transfer_blocks = chain.height() - start_height;
    let transfers_per_s = rate(transfers, started.elapsed());
    let accounts = chain.state().len();

    // A full node of the same chain imports every block; only the transfer
    // blocks are timed.
    let mut genesis = chain.params().clone();
    genesis.devnet_keys = 0;
    let mut full = Chain::open(&dir.join("full"), Some(genesis))?;
    let mut imported_transfers_per_s = 0.0;
    let mut started = Instant::now();
    for height in 1..=chain.height() {
        if height == start_height + 1 {
            started = Instant::now();
        }
        let block = crate::chain::FullBlock {
            header: chain
                .header(height)?
                .ok_or_else(|| setup("header missing"))?,
            commit: chain
                .commit(height)?
                .ok_or_else(|| setup("commit missing"))?,
            txs: chain.block_txs(height)?,
        };
        full.import_block(&block).map_err(setup)?;
        if height == chain.height() {
            imported_transfers_per_s = rate(transfers, started.elapsed());
        }
    }
    drop(full);

    let chain = Arc::new(Mutex::new(chain));
    let ctx = RpcContext {
        chain: Arc::clone(&chain),
        fault: None,
    };
    let server = HttpServer::start(
        SocketAddr::from(([127, 0, 0, 1], 0)),
        Arc::new(move |body: &[u8]| handle_body(&ctx, body)),
    )
    .map_err(setup)?;
    let mut client = crate::rpc::client::RpcClient::new(server.local_addr());
    let addresses: Vec<AccountParams> = (0..1_000u64)
        .map(|i| {
            let mut to = [0u8; 20];
            to[..8].copy_from_slice(&i.to_be_bytes());
            to[19] = 0x42;
            AccountParams::new(&Address::from_bytes(to), Network::Devnet, None)
        })
        .collect();
    let started = Instant::now();
    let mut calls = 0u64;
    while started.elapsed() < Duration::from_secs(seconds) {
        for address in addresses.iter().take(100) {
            client.request(address).map_err(setup)?;
            calls += 1;
        }
    }
    let proofs_per_s = rate(calls, started.elapsed());
    Ok(BenchReport {
        empty_blocks_per_s,
        transfers_per_s,
        transfer_blocks,
        imported_transfers_per_s,
        proofs_per_s,
        accounts,
    })
}

#[allow(clippy::cast_precision_loss)] // a rate for display
fn rate(count: u64, elapsed: Duration) -> f64 {
    count as f64 / elapsed.as_secs_f64().max(1e-9)
}
