//! The reference node under many syncing light clients (issue 17, item 3a;
//! a plain bench binary, not run in CI; Linux, it reads `/proc/<pid>/`):
//!
//! ```sh
//! cargo bench --profile dev -p jifen-node --bench load
//! ```
//!
//! The node is the real binary in its own process (`jifen-node devnet
//! --rpc-port 0`, 21 validators, a block a second, as a user runs it). The
//! clients are real `jifen_light_client` clients in this process, each on
//! a thread of its own with its own redb store in a temporary directory,
//! doing what a wallet does in a loop until the phase ends: sync to the
//! moving head (trust from genesis on first use), then a proven read of
//! two accounts. Each phase has a fresh node and fresh clients; by
//! default a reference phase of 1 client for 15 s, then 200 clients for
//! 60 s, then the junk flood (item 3b) for 60 s
//! (`JIFEN_LOAD_PHASES=clients:seconds,...,junk:seconds`): a wallet in a
//! child process, 4 sessions at once each with a junk peer as primary
//! (`jifen_testenv::junk`, every kind in turn) and the node as witness,
//! and a P2P network subscribed to blocks that it never reads while a peer
//! gossips; its RSS before, during and after.
//!
//! Printed per phase: requests (per-request latency from the client's
//! side, by outcome), syncs (the first, from nothing to the head, and the
//! rest, catching up with the moving head), proven reads, errors by kind,
//! whether every client reached the head, and the node's memory (VmHWM,
//! VmRSS sampled every 250 ms) and CPU time (`docs/benchmarks.md#load-200-light-clients`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout,
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    missing_docs
)]

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier, Mutex};
use std::time::{Duration, Instant};

use jifen_light_client::{
    Answer, ClientConfig, JsonRpcPeer, LightClient, PeerError, RedbStore, RpcOptions, RpcPeer,
    SystemClock, Transport, TrustRoot,
};
use jifen_node::keys::NodeKey;
use jifen_node::rpc::client::RpcClient;
use jifen_protocol::{Address, ChainId};
use jifen_testenv::DEADLINE;
use jifen_testenv::process::{Spawned, devnet_rpc_addr, status_kb as proc_kb};
use serde_json::json;

const NODE: &str = env!("CARGO_BIN_EXE_jifen-node");

/// What one client saw.
#[derive(Debug, Default)]
struct Seen {
    /// Per-request latency (µs) of answered requests.
    answered: Vec<u64>,
    /// Per-request latency (µs) of failed requests, and the kind.
    failed: Vec<(String, u64)>,
    /// First sync (µs), if it succeeded.
    first_sync: Option<u64>,
    /// Later syncs (µs) that succeeded.
    syncs: Vec<u64>,
    /// Proven reads (µs) that succeeded.
    reads: Vec<u64>,
    /// Failed syncs and reads by code.
    call_errors: BTreeMap<String, u64>,
    /// Highest verified height.
    height: u64,
    /// Longest time between two successful syncs (or from the start to the
    /// first), µs.
    longest_gap: u64,
}

/// Times every request the peer makes.
#[derive(Debug)]
struct Timed<T> {
    inner: T,
    seen: Arc<Mutex<Seen>>,
}

fn kind(error: &PeerError) -> String {
    match error {
        PeerError::HttpStatus { status } => format!("{} {status}", error.code()),
        PeerError::Unreachable { message, .. } => {
            let message = message.to_lowercase();
            let what = if message.contains("connection closed before message completed") {
                "connection closed before the answer"
            } else if message.contains("reset") {
                "reset"
            } else if message.contains("closed") || message.contains("incomplete") {
                "closed"
            } else if message.contains("refused") {
                "refused"
            } else if message.contains("timed out") || message.contains("timeout") {
                "timeout"
            } else {
                return format!(
                    "{} ({})",
                    error.code(),
                    message.chars().take(120).collect::<String>()
                );
            };
            format!("{} ({what})", error.code())
        }
        _ => error.code().to_owned(),
    }
}

impl<T: Transport> Transport for Timed<T> {
    fn id(&self) -> &str {
        self.inner.id()
    }

    fn post(&self, body: Vec<u8>, limit: u64, frame: bool) -> Result<Answer, PeerError> {
        let started = Instant::now();
        let answer = self.inner.post(body, limit, frame);
        let took = started.elapsed().as_micros() as u64;
        let mut seen = self.seen.lock().unwrap();
        match &answer {
            Ok(_) => seen.answered.push(took),
            Err(error) => seen.failed.push((kind(error), took)),
        }
        answer
    }
}

/// utime + stime of a process, in seconds.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command's closing parenthesis; utime and stime are
    // the 14th and 15th fields of the line (12th and 13th after it).
    let rest = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11..13).map_or(0, |both| {
        both.iter().filter_map(|f| f.parse::<u64>().ok()).sum()
    });
    ticks as f64 / 100.0
}

fn percentile(sorted: &[u64], p: f64) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = ((p / 100.0) * (sorted.len() as f64)).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(us: u64) -> String {
    let ms = us as f64 / 1_000.0;
    if ms < 10.0 {
        format!("{ms:.2}")
    } else {
        format!("{ms:.0}")
    }
}

fn row(what: &str, mut values: Vec<u64>, seconds: f64) -> String {
    values.sort_unstable();
    format!(
        "| {what} | {} | {:.0}/s | {} | {} | {} | {} |",
        values.len(),
        values.len() as f64 / seconds,
        ms(percentile(&values, 50.0)),
        ms(percentile(&values, 95.0)),
        ms(percentile(&values, 99.0)),
        ms(values.last().copied().unwrap_or(0)),
    )
}

struct Node {
    process: Spawned,
    addr: SocketAddr,
    _dir: tempfile::TempDir,
}

fn start_node() -> Node {
    let dir = tempfile::tempdir().unwrap();
    let mut process = Spawned::spawn(
        Command::new(NODE)
            .args(["devnet", "--rpc-port", "0", "--no-subchains", "--data-dir"])
            .arg(dir.path().join("chain"))
            .stderr(Stdio::null()),
    )
    .unwrap();
    let addr = devnet_rpc_addr(&mut process, DEADLINE).unwrap();
    Node {
        process,
        addr,
        _dir: dir,
    }
}

fn tip(addr: SocketAddr) -> u64 {
    let started = Instant::now();
    loop {
        if let Ok(status) = RpcClient::new(addr).call("jifen_status", json!({}))
            && let Some(height) = status
                .get("latest_height")
                .and_then(serde_json::Value::as_u64)
        {
            return height;
        }
        assert!(started.elapsed() < DEADLINE, "the node does not answer");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// One wallet: sync, read two accounts, again, until `stop`.
fn wallet(url: &str, dir: &std::path::Path, accounts: &[Address], stop: &AtomicBool) -> Seen {
    let seen = Arc::new(Mutex::new(Seen::default()));
    let peer = JsonRpcPeer::over(
        Timed {
            inner: RpcPeer::connect(url, RpcOptions::default())
                .unwrap()
                .into_transport(),
            seen: Arc::clone(&seen),
        },
        RpcOptions::default(),
    );
    let store = RedbStore::open(&dir.join("light.redb")).unwrap();
    let mut client = LightClient::open(
        store,
        ClientConfig::new(ChainId::new("jifen-devnet").unwrap(), TrustRoot::Genesis),
        Box::new(peer),
        Vec::new(),
        Box::new(SystemClock),
    )
    .unwrap();
    let never = AtomicBool::new(false);
    let mut last_ok = Instant::now();
    let mut first = true;
    let record = |seen: &Arc<Mutex<Seen>>, code: &str| {
        *seen
            .lock()
            .unwrap()
            .call_errors
            .entry(code.to_owned())
            .or_default() += 1;
    };
    while !stop.load(Ordering::Relaxed) {
        let started = Instant::now();
        match client.sync(&mut |_| {}, &never) {
            Ok(summary) => {
                let took = started.elapsed().as_micros() as u64;
                let mut s = seen.lock().unwrap();
                if first {
                    s.first_sync = Some(took);
                    first = false;
                } else {
                    s.syncs.push(took);
                }
                s.height = s.height.max(summary.height);
                s.longest_gap = s.longest_gap.max(last_ok.elapsed().as_micros() as u64);
                last_ok = Instant::now();
            }
            Err(error) => {
                record(&seen, &format!("sync {}", error.code()));
                // A wallet would show the error and try again later; this
                // one tries again at once (the worst case for the node).
                continue;
            }
        }
        for address in accounts {
            let started = Instant::now();
            match client.account(address) {
                Ok(_) => seen
                    .lock()
                    .unwrap()
                    .reads
                    .push(started.elapsed().as_micros() as u64),
                Err(error) => record(&seen, &format!("read {}", error.code())),
            }
        }
    }
    drop(client);
    Arc::try_unwrap(seen)
        .map(|m| m.into_inner().unwrap())
        .unwrap_or_default()
}

fn phase(clients: usize, seconds: u64, accounts: &[Address]) {
    let mut node = start_node();
    let pid = node.process.child().id();
    let url = format!("http://{}", node.addr);
    // Block 1 first: the clients trust it on first use.
    let mut start_tip = tip(node.addr);
    while start_tip < 2 {
        std::thread::sleep(Duration::from_millis(100));
        start_tip = tip(node.addr);
    }
    let idle_rss = proc_kb(pid, "VmRSS:");
    let cpu_before = cpu_seconds(pid);
    let stop = Arc::new(AtomicBool::new(false));
    let barrier = Arc::new(Barrier::new(clients + 1));
    let dirs = tempfile::tempdir().unwrap();
    let threads: Vec<_> = (0..clients)
        .map(|index| {
            let url = url.clone();
            let dir = dirs.path().join(format!("client-{index}"));
            std::fs::create_dir_all(&dir).unwrap();
            let accounts = accounts.to_vec();
            let stop = Arc::clone(&stop);
            let barrier = Arc::clone(&barrier);
            std::thread::Builder::new()
                .name(format!("wallet-{index}"))
                .stack_size(1 << 20)
                .spawn(move || {
                    barrier.wait();
                    wallet(&url, &dir, &accounts, &stop)
                })
                .unwrap()
        })
        .collect();
    barrier.wait();
    let started = Instant::now();
    let mut rss_samples = Vec::new();
    while started.elapsed() < Duration::from_secs(seconds) {
        std::thread::sleep(Duration::from_millis(250));
        rss_samples.push(proc_kb(pid, "VmRSS:"));
    }
    stop.store(true, Ordering::Relaxed);
    let end_tip = tip(node.addr);
    let stopping = Instant::now();
    let seen: Vec<Seen> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let wall = started.elapsed().as_secs_f64();
    let drain = stopping.elapsed();
    let peak = proc_kb(pid, "VmHWM:");
    let cpu = cpu_seconds(pid) - cpu_before;
    node.process.kill().unwrap();

    let answered: Vec<u64> = seen.iter().flat_map(|s| s.answered.clone()).collect();
    let failed: Vec<u64> = seen
        .iter()
        .flat_map(|s| s.failed.iter().map(|(_, us)| *us))
        .collect();
    let first: Vec<u64> = seen.iter().filter_map(|s| s.first_sync).collect();
    let syncs: Vec<u64> = seen.iter().flat_map(|s| s.syncs.clone()).collect();
    let reads: Vec<u64> = seen.iter().flat_map(|s| s.reads.clone()).collect();
    let mut request_errors: BTreeMap<String, u64> = BTreeMap::new();
    let mut call_errors: BTreeMap<String, u64> = BTreeMap::new();
    for s in &seen {
        for (kind, _) in &s.failed {
            *request_errors.entry(kind.clone()).or_default() += 1;
        }
        for (code, count) in &s.call_errors {
            *call_errors.entry(code.clone()).or_default() += count;
        }
    }
    let mut lags: Vec<u64> = seen
        .iter()
        .map(|s| end_tip.saturating_sub(s.height))
        .collect();
    lags.sort_unstable();
    let never_synced = seen.iter().filter(|s| s.first_sync.is_none()).count();
    let mut gaps: Vec<u64> = seen.iter().map(|s| s.longest_gap).collect();
    gaps.sort_unstable();
    let mut steady = rss_samples
        .get(rss_samples.len() / 2..)
        .unwrap_or_default()
        .to_vec();
    steady.sort_unstable();

    println!(
        "\n### {clients} client(s), {seconds} s (tip {start_tip} -> {end_tip}; clients stopped {:.1} s after the phase)\n",
        drain.as_secs_f64()
    );
    println!("| what | count | rate | p50 ms | p95 ms | p99 ms | max ms |");
    println!("|---|---|---|---|---|---|---|");
    println!("{}", row("request answered", answered, wall));
    println!("{}", row("request failed", failed, wall));
    println!("{}", row("first sync (genesis -> head)", first, wall));
    println!("{}", row("sync to the moving head", syncs, wall));
    println!("{}", row("proven account read", reads, wall));
    println!();
    println!(
        "clients: {clients}; never synced: {never_synced}; blocks behind the node's tip ({end_tip}) when the phase ended: median {}, worst {}; longest time without a successful sync, median client {} ms, worst client {} ms",
        percentile(&lags, 50.0),
        lags.last().copied().unwrap_or(0),
        ms(percentile(&gaps, 50.0)),
        ms(gaps.last().copied().unwrap_or(0))
    );
    println!("request errors: {request_errors:?}");
    println!("sync/read errors: {call_errors:?}");
    println!(
        "node: RSS idle {:.1} MB, steady (median of the second half) {:.1} MB, peak (VmHWM) {:.1} MB; CPU {:.1} s in {:.0} s ({:.0} % of one core)",
        idle_rss as f64 / 1_024.0,
        percentile(&steady, 50.0) as f64 / 1_024.0,
        peak as f64 / 1_024.0,
        cpu,
        wall,
        100.0 * cpu / wall
    );
}

/// The junk flood's child: a wallet whose primary answers junk (a fresh
/// session each round, as a wallet reopened: the liar is out of use for
/// the rest of a session) and whose witness is honest, `JUNK_THREADS`
/// sessions at once, plus a P2P network subscribed to blocks that it never
/// reads while a peer gossips. Prints `RESULT|...`.
fn junk_child(spec: &str) {
    let parts: Vec<&str> = spec.split('|').collect();
    let (junk, honest, flooder, seconds) = (
        parts[0].to_owned(),
        parts[1].to_owned(),
        parts[2],
        parts[3].parse::<u64>().unwrap(),
    );
    let account = NodeKey::devnet_account(0).unwrap().address();
    let network = jifen_p2p::Network::start(
        jifen_p2p::Config::wallet("jifen-devnet", vec![flooder.parse().unwrap()], "bench"),
        None,
        None,
    )
    .unwrap();
    let _never_read = network.subscribe_blocks().unwrap();
    // A second subscriber reads and counts: what reached the wallet.
    let reading = network.subscribe_blocks().unwrap();
    let arrived = Arc::new(std::sync::atomic::AtomicU64::new(0));
    std::thread::spawn({
        let arrived = Arc::clone(&arrived);
        move || {
            while reading.recv().is_ok() {
                arrived.fetch_add(1, Ordering::Relaxed);
            }
        }
    });
    let session = move |junk: &str, honest: &str, store: &std::path::Path| {
        let rpc = |url: &str| -> Box<dyn jifen_light_client::Peer> {
            Box::new(RpcPeer::connect(url, RpcOptions::default()).unwrap())
        };
        let mut client = LightClient::open(
            RedbStore::open(store).unwrap(),
            ClientConfig::new(ChainId::new("jifen-devnet").unwrap(), TrustRoot::Genesis),
            rpc(junk),
            vec![rpc(honest)],
            Box::new(SystemClock),
        )
        .unwrap();
        let started = Instant::now();
        let synced = client.sync(&mut |_| {}, &AtomicBool::new(false));
        let sync_us = started.elapsed().as_micros() as u64;
        let started = Instant::now();
        let read = client.account(&account);
        let read_us = started.elapsed().as_micros() as u64;
        let code = match &client.status().peers[0].state {
            jifen_light_client::PeerState::Demoted { code, .. }
            | jifen_light_client::PeerState::Unreachable { code, .. } => *code,
            _ => "still in use",
        };
        (synced.is_ok() && read.is_ok(), sync_us, read_us, code)
    };
    let dir = tempfile::tempdir().unwrap();
    // Warm up: one honest session, then the baseline.
    let (ok, ..) = session(&honest, &honest, &dir.path().join("warm.redb"));
    assert!(ok);
    let baseline = proc_kb(std::process::id(), "VmRSS:");
    let stop = Arc::new(AtomicBool::new(false));
    let sessions = if parts[4].contains("http") {
        JUNK_THREADS
    } else {
        0
    };
    let threads: Vec<_> = (0..sessions)
        .map(|index| {
            let (junk, honest, stop) = (junk.clone(), honest.clone(), Arc::clone(&stop));
            let store = dir.path().join(format!("wallet-{index}.redb"));
            std::thread::spawn(move || {
                let mut results = Vec::new();
                while !stop.load(Ordering::Relaxed) {
                    results.push(session(&junk, &honest, &store));
                }
                results
            })
        })
        .collect();
    let started = Instant::now();
    let mut samples = Vec::new();
    while started.elapsed() < Duration::from_secs(seconds) {
        std::thread::sleep(Duration::from_millis(250));
        samples.push(proc_kb(std::process::id(), "VmRSS:"));
    }
    stop.store(true, Ordering::Relaxed);
    let results: Vec<_> = threads
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    let ok = results.iter().filter(|r| r.0).count();
    let mut codes: BTreeMap<&str, u64> = BTreeMap::new();
    for r in &results {
        *codes.entry(r.3).or_default() += 1;
    }
    let mut syncs: Vec<u64> = results.iter().map(|r| r.1).collect();
    let mut reads: Vec<u64> = results.iter().map(|r| r.2).collect();
    syncs.sort_unstable();
    reads.sort_unstable();
    let end = proc_kb(std::process::id(), "VmRSS:");
    let peak_sample = samples.iter().copied().max().unwrap_or(0);
    let quarters: Vec<String> = (1..=4)
        .map(|q| {
            let at = (samples.len() * q / 4).saturating_sub(1);
            format!(
                "{:.1}",
                samples.get(at).copied().unwrap_or(0) as f64 / 1_024.0
            )
        })
        .collect();
    println!(
        "RESULT|{}|{ok}|{codes:?}|{}|{}|{}|{}|{baseline}|{peak_sample}|{end}|{}|{}|{}",
        results.len(),
        ms(percentile(&syncs, 50.0)),
        ms(syncs.last().copied().unwrap_or(0)),
        ms(percentile(&reads, 50.0)),
        ms(reads.last().copied().unwrap_or(0)),
        proc_kb(std::process::id(), "VmHWM:"),
        arrived.load(Ordering::Relaxed),
        quarters.join(" / "),
    );
}

/// Sessions at once in the junk flood.
const JUNK_THREADS: usize = 4;

/// The junk flood (item 3b): one node, a junk peer rotating every kind of
/// [`Junk`], a P2P node gossiping 8 KiB blocks as fast as it can; the
/// wallet in a child process so its memory is its own.
fn junk_flood(seconds: u64) {
    use jifen_testenv::junk::{Junk, JunkServer};
    let mut node = start_node();
    let honest = format!("http://{}", node.addr);
    while tip(node.addr) < 2 {
        std::thread::sleep(Duration::from_millis(100));
    }
    let kinds = [
        Junk::RandomBytes(1_000),
        Junk::Endless,
        Junk::HugeLength,
        Junk::Drip(Duration::from_millis(100)),
        Junk::NotHttp,
        Junk::Hang,
        Junk::DeepJson(50_000),
        Junk::Busy,
    ];
    let junk = JunkServer::start(&kinds, None);
    let flooder = jifen_p2p::Network::start(
        jifen_p2p::Config {
            chain_id: "jifen-devnet".into(),
            keypair: jifen_p2p::identity::fresh(),
            role: jifen_p2p::Role::Full,
            listen: vec!["/ip4/127.0.0.1/tcp/0".parse().unwrap()],
            bootnodes: Vec::new(),
            limits: jifen_p2p::Limits::default(),
            version: "flooder".into(),
        },
        None,
        None,
    )
    .unwrap();
    let flooder_addr = flooder.listen_addrs().into_iter().next().unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    // Which floods: `JIFEN_JUNK_PARTS` (default `http,gossip`).
    let parts = std::env::var("JIFEN_JUNK_PARTS").unwrap_or_else(|_| "http,gossip".into());
    let gossiping = parts.contains("gossip");
    let gossip = std::thread::spawn({
        let stop = Arc::clone(&stop);
        move || {
            let mut sent = 0u64;
            while gossiping && !stop.load(Ordering::Relaxed) {
                let mut block = vec![0u8; 8 * 1024];
                block[..8].copy_from_slice(&sent.to_be_bytes());
                if flooder.publish_block(block).is_ok() {
                    sent += 1;
                }
                // About 2,000 blocks (16 MB) a second.
                if sent.is_multiple_of(2) {
                    std::thread::sleep(Duration::from_millis(1));
                }
            }
            sent
        }
    });
    let output = Command::new(std::env::current_exe().unwrap())
        .env(
            JUNK_MODE,
            format!("{}|{honest}|{flooder_addr}|{seconds}|{parts}", junk.url()),
        )
        .stderr(Stdio::inherit())
        .output()
        .unwrap();
    stop.store(true, Ordering::Relaxed);
    let gossiped = gossip.join().unwrap();
    node.process.kill().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout
        .lines()
        .find(|line| line.starts_with("RESULT|"))
        .unwrap_or_else(|| panic!("the child failed: {stdout}"));
    let f: Vec<&str> = line.split('|').collect();
    let mb = |kb: &str| kb.parse::<f64>().unwrap() / 1_024.0;
    println!("\n### Junk flood ({parts}), {seconds} s\n");
    println!(
        "{JUNK_THREADS} wallet sessions at once, each a fresh session (primary: the junk peer, witness: the honest node), product defaults; one P2P network subscribed to blocks and never reading while a peer gossips 8 KiB blocks\n"
    );
    println!("| what | figure |");
    println!("|---|---|");
    println!(
        "| sessions (sync + proven read) | {}, of which {} ended with the honest head and balance |",
        f[1], f[2]
    );
    println!("| junk peer taken out of use with | {} |", f[3]);
    println!(
        "| junk requests answered by the junk peer | {} |",
        junk.requests()
    );
    println!(
        "| blocks gossiped at the wallet / received by it (a subscriber that reads) | {gossiped} / {} |",
        f[12]
    );
    println!("| sync: median / max | {} / {} ms |", f[4], f[5]);
    println!("| proven read: median / max | {} / {} ms |", f[6], f[7]);
    println!(
        "| wallet RSS: before the flood / highest sample / at the end / VmHWM | {:.1} / {:.1} / {:.1} / {:.1} MB |",
        mb(f[8]),
        mb(f[9]),
        mb(f[10]),
        mb(f[11])
    );
    println!(
        "| wallet RSS after each quarter of the flood | {} MB |",
        f[13]
    );
}

const JUNK_MODE: &str = "JIFEN_LOAD_JUNK";

fn main() {
    if let Ok(spec) = std::env::var(JUNK_MODE) {
        junk_child(&spec);
        return;
    }
    let phases =
        std::env::var("JIFEN_LOAD_PHASES").unwrap_or_else(|_| "1:15,200:60,junk:60".into());
    let accounts: Vec<Address> = (0..2)
        .map(|i| NodeKey::devnet_account(i).unwrap().address())
        .collect();
    println!(
        "node: jifen-node devnet (21 validators, 1 s blocks), own process; clients: real light clients, one thread and one redb store each, sync + 2 proven reads in a loop, product defaults (RpcOptions::default, ClientConfig::new)"
    );
    for spec in phases.split(',') {
        let (clients, seconds) = spec.split_once(':').unwrap();
        if clients == "junk" {
            junk_flood(seconds.parse().unwrap());
        } else {
            phase(
                clients.parse().unwrap(),
                seconds.parse().unwrap(),
                &accounts,
            );
        }
    }
}
