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
//! (a) skipping sync over the 100,000-block fixture (set change every 1,000):
//!     wall time and headers fetched (goal < 1 s, < 300 headers);
//! (b) sequential verification over RPC (21 validators): fetch time and
//!     verification time apart, and the raw signature-verification bound of
//!     the same blocks (goal: bound / verification >= 0.85);
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
    Checkpoint, ClientConfig, FixedClock, LightBlock, LightBlockSource, LightClient, MemoryStore,
    Peer, RedbStore, RpcOptions, RpcPeer, Schedule, TrustRoot, TrustedState, proof,
    sync::SourceError, sync_to,
};
use jifen_node::devnet::{Devnet, DevnetConfig};
use jifen_node::genesis::fixture_account;
use jifen_protocol::Encode;

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

    // (d) the same sync into redb, then reopen (re-verifies every block).
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

/// A source that fetches ranges of 100 from the node and times the fetching.
struct TimedRanges<'a> {
    peer: &'a RpcPeer,
    target: u64,
    buffer: std::collections::BTreeMap<u64, LightBlock>,
    fetch: Duration,
    kept: Vec<LightBlock>,
}

impl LightBlockSource for TimedRanges<'_> {
    fn untrusted_light_block(&mut self, height: u64) -> Result<LightBlock, SourceError> {
        if let Some(block) = self.buffer.remove(&height) {
            self.kept.push(block.clone());
            return Ok(block);
        }
        let started = Instant::now();
        let to = self.target.min(height + 99);
        let blocks = self.peer.light_blocks(height, to)?;
        self.fetch += started.elapsed();
        self.buffer
            .extend(blocks.into_iter().map(|block| (block.height(), block)));
        let block = self.buffer.remove(&height).unwrap();
        self.kept.push(block.clone());
        Ok(block)
    }

    fn untrusted_latest(&mut self) -> Result<LightBlock, SourceError> {
        Ok(self.peer.latest_light_block()?)
    }
}

fn sequential(dir: &Path, count: u64) {
    let devnet = serve(dir);
    let (now, root) = clock_and_root(&devnet);
    let peer = rpc(&devnet);
    let first = peer.light_block(1).unwrap();
    let options = jifen_light_client::Options::default();
    let mut trusted = TrustedState::bootstrap(first, &root, &options, now).unwrap();
    let mut source = TimedRanges {
        peer: &peer,
        target: count + 1,
        buffer: std::collections::BTreeMap::new(),
        fetch: Duration::ZERO,
        kept: Vec::new(),
    };
    let started = Instant::now();
    let report = sync_to(
        &mut trusted,
        count + 1,
        Schedule::Sequential,
        &mut source,
        &mut MemoryStore::new(),
        &options,
        &FixedClock(now),
    )
    .unwrap();
    let total = started.elapsed();
    let verify = total.saturating_sub(source.fetch);
    let blocks = source.kept;
    let started = Instant::now();
    let signatures = raw_signatures(&blocks);
    let raw = started.elapsed();
    let per_second = |n: f64, d: Duration| n / d.as_secs_f64();
    println!(
        "(b) sequential over RPC, {} headers, {signatures} signatures: total {:.0} ms = fetch {:.0} ms + verify {:.0} ms",
        report.verified_heights.len(),
        total.as_secs_f64() * 1e3,
        source.fetch.as_secs_f64() * 1e3,
        verify.as_secs_f64() * 1e3
    );
    println!(
        "(b) headers/s end to end {:.0}, verification only {:.0}; raw signature bound {:.0} ms ({:.0} headers/s); bound / verification = {:.2}, bound / end to end = {:.2}",
        per_second(blocks.len() as f64, total),
        per_second(blocks.len() as f64, verify),
        raw.as_secs_f64() * 1e3,
        per_second(blocks.len() as f64, raw),
        raw.as_secs_f64() / verify.as_secs_f64(),
        raw.as_secs_f64() / total.as_secs_f64()
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
    if blocks.join("chain.redb").exists() {
        skipping_and_resume(&blocks);
        sequential(&blocks, 2_000);
    } else {
        println!("(a, b, d) skipped: no fixture at {}", blocks.display());
    }
    if accounts.join("chain.redb").exists() {
        state_proofs(&accounts, 200);
    } else {
        println!("(c) skipped: no fixture at {}", accounts.display());
    }
}
