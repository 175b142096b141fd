//! Light-client figures against the reference node on loopback (a plain
//! bench binary, not run in CI):
//!
//! ```sh
//! jifen-node fixture --blocks 100000 --validators 21 --epoch 1000 --rotate 3 \
//!     --data-dir /work/fixtures/lc-100k
//! jifen-node fixture --blocks 3 --accounts 1000000 --validators 21 --rotate 0 \
//!     --data-dir /work/fixtures/lc-1m-accounts
//! JIFEN_LC_FIXTURE=/work/fixtures/lc-100k JIFEN_LC_ACCOUNTS=/work/fixtures/lc-1m-accounts \
//!     cargo bench -p jifen-light-client --bench network
//! ```
//!
//! `JIFEN_LC_PARTS` (letters, default `abcd`) runs only some parts, e.g.
//! `JIFEN_LC_PARTS=b`.
//!
//! (a) skipping sync over the 100,000-block fixture (set change every 1,000):
//!     wall time and headers fetched (goal < 1 s, < 300 headers);
//! (b) sequential verification over RPC (21 validators), JSON and binary
//!     ranges (`docs/rpc.md#binary-light-block-ranges`) in one run on the
//!     same 2,000 blocks: bytes per light block on the wire, fetch time,
//!     verification time and its share of the total, and the raw
//!     signature-verification bound of the same blocks;
//! (c) state-proof verification time and proof size with 1,000,000
//!     accounts;
//! (d) time to reopen the store and re-verify it.
//!
//! The fixtures are served by an in-process node that does not produce
//! blocks; the clock is fixed just after the fixture's last block.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout,
    clippy::cast_precision_loss,
    missing_docs
)]

mod shared;

use shared::raw_signatures;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use jifen_light_client::{
    Checkpoint, ClientConfig, FixedClock, LightBlock, LightClient, MemoryStore, Peer, RedbStore,
    RpcOptions, RpcPeer, TrustRoot, TrustedState, Verdict, proof, verify,
};
use jifen_node::devnet::{Devnet, DevnetConfig};
use jifen_node::genesis::fixture_account;
use jifen_protocol::Encode;
use jifen_rpc_types::LIGHT_BLOCKS_CONTENT_TYPE;

fn fixture_dir(variable: &str, default: &str) -> PathBuf {
    std::env::var_os(variable).map_or_else(|| PathBuf::from(default), PathBuf::from)
}

fn serve(dir: &Path) -> Devnet {
    let mut config = DevnetConfig::new(dir.to_path_buf());
    config.produce = false;
    Devnet::start(&config).unwrap()
}

fn rpc(devnet: &Devnet) -> RpcPeer {
    RpcPeer::connect(
        &format!("http://{}", devnet.rpc_addr()),
        RpcOptions {
            timeout: Duration::from_secs(120),
            ..RpcOptions::default()
        },
    )
    .unwrap()
}

/// The clock just after the chain's tip, and the genesis checkpoint.
fn clock_and_root(devnet: &Devnet) -> (u64, Checkpoint) {
    let chain = devnet.chain();
    let chain = chain.lock().unwrap();
    let tip = chain.tip().unwrap().time_ms;
    let genesis = chain.header(1).unwrap().unwrap().hash();
    (tip + 1_000, Checkpoint::genesis(genesis))
}

fn client<S: jifen_light_client::LightStore>(
    store: S,
    devnet: &Devnet,
    now: u64,
    root: Checkpoint,
) -> LightClient<S> {
    let config = ClientConfig::new(
        jifen_protocol::ChainId::new("jifen-devnet").unwrap(),
        TrustRoot::Checkpoint(root),
    );
    LightClient::open(
        store,
        config,
        Box::new(rpc(devnet)),
        Vec::new(),
        Box::new(FixedClock(now)),
    )
    .unwrap()
}

fn skipping_and_resume(dir: &Path) {
    let devnet = serve(dir);
    let (now, root) = clock_and_root(&devnet);
    let tip = devnet.chain().lock().unwrap().height();

    let mut times = Vec::new();
    let mut headers = 0;
    for _ in 0..5 {
        let mut client = client(MemoryStore::new(), &devnet, now, root);
        let started = Instant::now();
        let summary = client.sync(&mut |_| {}, &AtomicBool::new(false)).unwrap();
        times.push(started.elapsed());
        assert_eq!(summary.height, tip);
        headers = summary.headers_fetched;
    }
    times.sort();
    println!(
        "(a) skipping sync 1 -> {tip} (epoch 1000, 21 validators, RPC loopback): median {:.0} ms (min {:.0} ms), {headers} headers fetched",
        times[2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3
    );

    // (d) the same sync into redb, then reopen (constant-time open, ADR 0017).
    let store_dir = tempfile::tempdir().unwrap();
    let path = store_dir.path().join("light.redb");
    {
        let mut client = client(RedbStore::open(&path).unwrap(), &devnet, now, root);
        let started = Instant::now();
        client.sync(&mut |_| {}, &AtomicBool::new(false)).unwrap();
        println!(
            "(d) the same sync into redb (one durable write per verified header): {:.0} ms",
            started.elapsed().as_secs_f64() * 1e3
        );
    }
    let mut reopen = Vec::new();
    let mut stored = 0;
    for _ in 0..5 {
        let started = Instant::now();
        let store = RedbStore::open(&path).unwrap();
        let client = client(store, &devnet, now, root);
        reopen.push(started.elapsed());
        assert_eq!(client.status().trusted.unwrap().height, tip);
        stored = jifen_light_client::LightStore::heights(client.store())
            .unwrap()
            .len();
    }
    reopen.sort();
    println!(
        "(d) resume: open redb + re-verify {stored} stored headers: median {:.1} ms",
        reopen[2].as_secs_f64() * 1e3
    );
}

/// One way of fetching ranges: the peer's transport options and the
/// `Accept` header of the raw requests that count the bytes.
#[derive(Clone, Copy)]
struct Wire {
    name: &'static str,
    binary: bool,
}

const WIRES: [Wire; 2] = [
    Wire {
        name: "JSON",
        binary: false,
    },
    Wire {
        name: "binary",
        binary: true,
    },
];

/// The answer bodies' bytes for light blocks `from..=to`, asked as
/// `wire` asks them, in ranges of 100 (as the node sends them; HTTP
/// headers not counted), and the time the node took to serve them (raw
/// HTTP, nothing decoded).
fn wire_bytes(devnet: &Devnet, wire: Wire, from: u64, to: u64) -> (usize, Duration) {
    let http = jifen_node::rpc::http::plain_client_builder()
        .build()
        .unwrap_or_default();
    let accept = if wire.binary {
        format!("{LIGHT_BLOCKS_CONTENT_TYPE}, application/json")
    } else {
        "application/json".to_owned()
    };
    let mut bytes = 0;
    let mut start = from;
    let started = Instant::now();
    while start <= to {
        let end = to.min(start + 99);
        let body = serde_json::json!({"jsonrpc": "2.0", "id": 1, "method": "jifen_lightBlocks",
            "params": {"from": start, "to": end}});
        let response = http
            .post(format!("http://{}/", devnet.rpc_addr()))
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header(reqwest::header::ACCEPT, &accept)
            .body(serde_json::to_vec(&body).unwrap())
            .send()
            .unwrap();
        let frame = response.headers()[reqwest::header::CONTENT_TYPE] == LIGHT_BLOCKS_CONTENT_TYPE;
        assert_eq!(frame, wire.binary);
        bytes += response.bytes().unwrap().len();
        start = end + 1;
    }
    (bytes, started.elapsed())
}

/// Fetches light blocks `2..=count + 1` through the peer (ranges of 100:
/// transfer, parsing, strict decoding, range checks), then verifies them one
/// after the other from block 1 as the sequential sync does (every
/// signature of every block). Returns (fetch, verify, blocks).
fn fetch_and_verify(
    devnet: &Devnet,
    wire: Wire,
    count: u64,
    now: u64,
    root: &Checkpoint,
) -> (Duration, Duration, Vec<LightBlock>) {
    let peer = RpcPeer::connect(
        &format!("http://{}", devnet.rpc_addr()),
        RpcOptions {
            timeout: Duration::from_secs(120),
            binary_ranges: wire.binary,
            ..RpcOptions::default()
        },
    )
    .unwrap();
    let first = peer.light_block(1).unwrap();
    let started = Instant::now();
    let blocks = peer.light_blocks(2, count + 1).unwrap();
    let fetch = started.elapsed();
    assert_eq!(blocks.len() as u64, count);

    let options = jifen_light_client::Options::default();
    let started = Instant::now();
    let mut trusted = TrustedState::bootstrap(first, root, &options, now).unwrap();
    for block in &blocks {
        match verify(&trusted, block, &options, now) {
            Verdict::Success(verified) => trusted.apply(verified),
            other => panic!("block {} does not verify: {other:?}", block.height()),
        }
    }
    let verify = started.elapsed();
    assert_eq!(trusted.height(), count + 1);
    (fetch, verify, blocks)
}

/// (b) sequential verification over RPC, JSON and binary ranges in one run
/// on the same blocks: bytes per light block, fetch and verification time,
/// verification's share; runs alternate, medians of `runs`.
fn sequential(dir: &Path, count: u64, runs: usize) {
    let devnet = serve(dir);
    let (now, root) = clock_and_root(&devnet);
    let mut fetches = [Vec::new(), Vec::new()];
    let mut verifies = [Vec::new(), Vec::new()];
    let mut blocks = Vec::new();
    for _ in 0..runs {
        for (index, wire) in WIRES.iter().enumerate() {
            let (fetch, verify, fetched) = fetch_and_verify(&devnet, *wire, count, now, &root);
            fetches[index].push(fetch);
            verifies[index].push(verify);
            if blocks.is_empty() {
                blocks = fetched;
            } else {
                assert_eq!(blocks, fetched, "{}", wire.name);
            }
        }
    }
    let median = |times: &mut Vec<Duration>| {
        times.sort();
        times[times.len() / 2]
    };
    let validators = blocks[0].validators.validators().len();
    println!(
        "(b) sequential verification over RPC (loopback), blocks 2..={} ({validators} validators), ranges of 100, medians of {runs} alternating runs:",
        count + 1
    );
    for (index, wire) in WIRES.iter().enumerate() {
        let (bytes, served) = wire_bytes(&devnet, *wire, 2, count + 1);
        let fetch = median(&mut fetches[index]);
        let verify = median(&mut verifies[index]);
        let total = fetch + verify;
        println!(
            "(b)   {:<6} {:>6.0} bytes per light block on the wire (answer bodies; served in {:>5.0} ms, raw HTTP), fetch {:>5.0} ms + verify {:>5.0} ms = {:>5.0} ms; verification {:.0} % of the total",
            wire.name,
            bytes as f64 / count as f64,
            served.as_secs_f64() * 1e3,
            fetch.as_secs_f64() * 1e3,
            verify.as_secs_f64() * 1e3,
            total.as_secs_f64() * 1e3,
            verify.as_secs_f64() / total.as_secs_f64() * 100.0
        );
    }
    let started = Instant::now();
    let signatures = raw_signatures(&blocks);
    let raw = started.elapsed();
    let verify = median(&mut verifies[1]);
    println!(
        "(b)   raw signature bound of the same {signatures} signatures {:.0} ms; bound / verification = {:.2}",
        raw.as_secs_f64() * 1e3,
        raw.as_secs_f64() / verify.as_secs_f64()
    );
}

fn state_proofs(dir: &Path, samples: u64) {
    let started = Instant::now();
    let devnet = serve(dir);
    println!(
        "(c) node opened the 1,000,000-account fixture in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let (now, root) = clock_and_root(&devnet);
    let mut client = client(MemoryStore::new(), &devnet, now, root);
    client.sync(&mut |_| {}, &AtomicBool::new(false)).unwrap();
    let header = client.trusted().unwrap().light_block().header.clone();
    let peer = rpc(&devnet);

    let mut fetch = Duration::ZERO;
    let mut verify = Duration::ZERO;
    let mut bytes = 0usize;
    let mut siblings = 0usize;
    let mut absent_verify = Duration::ZERO;
    let mut absent_bytes = 0usize;
    let mut client_reads = Duration::ZERO;
    for i in 0..samples {
        let address = fixture_account(i * 7_919 % 1_000_000);
        let started = Instant::now();
        let answer = peer.account(&address, header.height).unwrap();
        fetch += started.elapsed();
        bytes += answer.proof.encode().len();
        siblings += answer.proof.siblings.len();
        let started = Instant::now();
        let account = proof::verify_account(&header, &address, &answer).unwrap();
        verify += started.elapsed();
        assert_eq!(
            account.balance,
            jifen_node::genesis::FIXTURE_ACCOUNT_BALANCE
        );

        let nobody = jifen_protocol::Address::from_bytes([(i % 251) as u8; 20]);
        let answer = peer.account(&nobody, header.height).unwrap();
        absent_bytes += answer.proof.encode().len();
        let started = Instant::now();
        proof::verify_account(&header, &nobody, &answer).unwrap();
        absent_verify += started.elapsed();

        let started = Instant::now();
        client.account(&address).unwrap();
        client_reads += started.elapsed();
    }
    let n = samples as f64;
    println!(
        "(c) 1,000,000 accounts, {samples} samples: existence proof {:.0} bytes ({:.1} siblings), verify {:.1} us; non-existence proof {:.0} bytes, verify {:.1} us; RPC round trip {:.2} ms; LightClient::account end to end {:.2} ms",
        bytes as f64 / n,
        siblings as f64 / n,
        verify.as_secs_f64() * 1e6 / n,
        absent_bytes as f64 / n,
        absent_verify.as_secs_f64() * 1e6 / n,
        fetch.as_secs_f64() * 1e3 / n,
        client_reads.as_secs_f64() * 1e3 / n
    );
}

fn main() {
    // `cargo bench` passes `--bench`; nothing else is read.
    let blocks = fixture_dir("JIFEN_LC_FIXTURE", "/work/fixtures/lc-100k");
    let accounts = fixture_dir("JIFEN_LC_ACCOUNTS", "/work/fixtures/lc-1m-accounts");
    let parts = std::env::var("JIFEN_LC_PARTS").unwrap_or_else(|_| "abcd".to_owned());
    if blocks.join("chain.redb").exists() {
        if parts.contains('a') || parts.contains('d') {
            skipping_and_resume(&blocks);
        }
        if parts.contains('b') {
            sequential(&blocks, 2_000, 3);
        }
    } else {
        println!("(a, b, d) skipped: no fixture at {}", blocks.display());
    }
    if parts.contains('c') {
        if accounts.join("chain.redb").exists() {
            state_proofs(&accounts, 200);
        } else {
            println!("(c) skipped: no fixture at {}", accounts.display());
        }
    }
}
