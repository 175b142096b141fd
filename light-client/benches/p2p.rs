//! P2P against RPC in one run on the same chain (issue 15; a plain bench
//! binary, not run in CI):
//!
//! ```sh
//! cargo bench --profile dev -p jifen-light-client --bench p2p
//! ```
//!
//! (a) the same light-client work over HTTP JSON-RPC and over libp2p, on
//!     one in-process node serving both: a sync from genesis to the tip
//!     (skipping by trust, the product default), and a raw fetch of 1,000
//!     light blocks as ranges; wall time (median of 5) and bytes of
//!     request and answer bodies (HTTP headers, TCP, Noise and Yamux
//!     framing not counted);
//! (b) gossip latency: blocks produced one at a time; for each, the time
//!     from its commit being stored to (1) the wallet's network receiving
//!     its announcement and (2) the light client's verified head reaching
//!     it (a sync started by the announcement, as `jifen follow` does);
//!     median and p95 over 60 blocks.
//!
//! Sizes: `JIFEN_P2P_BLOCKS` (default 2,000) blocks of 21 validators.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout,
    clippy::cast_precision_loss,
    missing_docs
)]

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use jifen_light_client::{
    Answer, ClientConfig, JsonRpcPeer, LightClient, MemoryStore, P2pPeer, Peer, PeerError,
    RpcOptions, RpcPeer, SystemClock, Transport, TrustRoot,
};
use jifen_node::devnet::{Devnet, DevnetConfig};
use jifen_node::p2p::P2pOptions;
use jifen_p2p::{Network, PeerAddress, Role};
use jifen_protocol::ChainId;

/// Counts the bodies a transport carries.
#[derive(Debug)]
struct Counting<T> {
    inner: T,
    sent: Arc<AtomicU64>,
    received: Arc<AtomicU64>,
}

impl<T: Transport> Transport for Counting<T> {
    fn id(&self) -> &str {
        self.inner.id()
    }

    fn post(&self, body: Vec<u8>, limit: u64, frame: bool) -> Result<Answer, PeerError> {
        self.sent.fetch_add(body.len() as u64, Ordering::Relaxed);
        let answer = self.inner.post(body, limit, frame)?;
        self.received
            .fetch_add(answer.bytes.len() as u64, Ordering::Relaxed);
        Ok(answer)
    }
}

struct Counted {
    peer: Box<dyn Peer>,
    sent: Arc<AtomicU64>,
    received: Arc<AtomicU64>,
}

fn counted<T: Transport + 'static>(inner: T) -> Counted {
    let sent = Arc::new(AtomicU64::new(0));
    let received = Arc::new(AtomicU64::new(0));
    let peer = JsonRpcPeer::over(
        Counting {
            inner,
            sent: Arc::clone(&sent),
            received: Arc::clone(&received),
        },
        RpcOptions::default(),
    );
    Counted {
        peer: Box::new(peer),
        sent,
        received,
    }
}

fn chain_id() -> ChainId {
    ChainId::new("jifen-devnet").unwrap()
}

fn wallet_network() -> Arc<Network> {
    Arc::new(
        Network::start(
            jifen_p2p::Config::wallet("jifen-devnet", Vec::new(), "bench"),
            None,
            None,
        )
        .unwrap(),
    )
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn p95(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[(values.len() * 95 / 100).min(values.len() - 1)]
}

fn main() {
    let blocks: u64 = std::env::var("JIFEN_P2P_BLOCKS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    let dir = tempfile::tempdir().unwrap();
    let mut config = DevnetConfig::new(dir.path().join("chain"));
    config.validators = 21;
    config.epoch_length = 500;
    config.rotate = 3;
    config.produce = false;
    config.p2p = Some(P2pOptions::new(
        "127.0.0.1:0".parse().unwrap(),
        Role::Validator,
    ));
    let devnet = Devnet::start(&config).unwrap();
    let made = Instant::now();
    devnet.produce_blocks(blocks).unwrap();
    println!(
        "chain: {blocks} blocks, 21 validators, set rotating every 500 ({:.1} s to produce)",
        made.elapsed().as_secs_f64()
    );
    let url = format!("http://{}", devnet.rpc_addr());
    let address = PeerAddress::parse(&devnet.p2p_addrs().first().unwrap().to_string()).unwrap();
    let network = wallet_network();
    let rpc = || {
        counted(
            RpcPeer::connect(&url, RpcOptions::default())
                .unwrap()
                .into_transport(),
        )
    };
    let p2p = || {
        counted(
            P2pPeer::over_p2p(Arc::clone(&network), &address, RpcOptions::default())
                .into_transport(),
        )
    };

    for (name, make) in [("RPC", &rpc as &dyn Fn() -> Counted), ("P2P", &p2p)] {
        let counted = make();
        let mut times = Vec::new();
        for _ in 0..20 {
            let start = Instant::now();
            counted.peer.status().unwrap();
            times.push(start.elapsed().as_secs_f64() * 1e3);
        }
        let mut light = Vec::new();
        for height in 1..=20 {
            let start = Instant::now();
            counted.peer.light_block(height * 25).unwrap();
            light.push(start.elapsed().as_secs_f64() * 1e3);
        }
        println!(
            "{name}: jifen_status {:.2} ms, one light block {:.2} ms (medians of 20)",
            median(&mut times),
            median(&mut light)
        );
    }

    println!("\n(a) the same work over RPC and P2P (median of 5; bodies only)");
    println!("| work | transport | time | sent | received |");
    println!("|---|---|---|---|---|");
    for (name, make) in [("RPC", &rpc as &dyn Fn() -> Counted), ("P2P", &p2p)] {
        let mut times = Vec::new();
        let (mut sent, mut received) = (0, 0);
        for _ in 0..5 {
            let Counted {
                peer,
                sent: s,
                received: r,
            } = make();
            let mut client = LightClient::open(
                MemoryStore::new(),
                ClientConfig::new(chain_id(), TrustRoot::Genesis),
                peer,
                Vec::new(),
                Box::new(SystemClock),
            )
            .unwrap();
            let start = Instant::now();
            let summary = client.sync(&mut |_| {}, &AtomicBool::new(false)).unwrap();
            times.push(start.elapsed().as_secs_f64() * 1e3);
            assert_eq!(summary.height, blocks);
            sent = s.load(Ordering::Relaxed);
            received = r.load(Ordering::Relaxed);
        }
        println!(
            "| sync genesis → {blocks} (skipping) | {name} | {:.1} ms | {sent} B | {received} B |",
            median(&mut times)
        );
    }
    for (name, make) in [("RPC", &rpc as &dyn Fn() -> Counted), ("P2P", &p2p)] {
        let mut times = Vec::new();
        let (mut sent, mut received) = (0, 0);
        for _ in 0..5 {
            let counted = make();
            let start = Instant::now();
            let fetched = counted.peer.light_blocks(1, 1_000.min(blocks)).unwrap();
            times.push(start.elapsed().as_secs_f64() * 1e3);
            assert_eq!(fetched.len() as u64, 1_000.min(blocks));
            sent = counted.sent.load(Ordering::Relaxed);
            received = counted.received.load(Ordering::Relaxed);
        }
        println!(
            "| fetch 1,000 light blocks (ranges of 100, binary) | {name} | {:.1} ms | {sent} B | {received} B |",
            median(&mut times)
        );
    }

    println!("\n(b) gossip latency, commit stored → wallet (60 blocks, one at a time)");
    let announcements = network.subscribe_blocks().unwrap();
    let mut client = LightClient::open(
        MemoryStore::new(),
        ClientConfig::new(chain_id(), TrustRoot::Genesis),
        p2p().peer,
        vec![rpc().peer],
        Box::new(SystemClock),
    )
    .unwrap();
    client.sync(&mut |_| {}, &AtomicBool::new(false)).unwrap();
    // Let the mesh form: wait for one announcement.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        devnet.produce_blocks(1).unwrap();
        if announcements
            .recv_timeout(Duration::from_millis(500))
            .is_ok()
        {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "no announcement reached the wallet"
        );
    }
    client.sync(&mut |_| {}, &AtomicBool::new(false)).unwrap();
    let (mut heard, mut verified) = (Vec::new(), Vec::new());
    for _ in 0..60 {
        std::thread::sleep(Duration::from_millis(100));
        let height = devnet.produce_blocks(1).unwrap();
        let committed = Instant::now();
        let block = announcements
            .recv_timeout(Duration::from_secs(10))
            .expect("announcement");
        heard.push(block.received.duration_since(committed).as_secs_f64() * 1e3);
        let summary = client.sync(&mut |_| {}, &AtomicBool::new(false)).unwrap();
        assert_eq!(summary.height, height);
        verified.push(committed.elapsed().as_secs_f64() * 1e3);
    }
    println!("| step | median | p95 |");
    println!("|---|---|---|");
    println!(
        "| announcement received | {:.2} ms | {:.2} ms |",
        median(&mut heard),
        p95(&mut heard)
    );
    println!(
        "| verified head reaches it (sync, 1 witness) | {:.2} ms | {:.2} ms |",
        median(&mut verified),
        p95(&mut verified)
    );
}
