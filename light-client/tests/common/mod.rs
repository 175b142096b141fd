//! What the tests against the reference node share: a devnet served by an
//! honest endpoint and one endpoint per fault, clients at the product
//! defaults (`ClientConfig::new`, `RpcOptions::default()`), and small
//! readers of the client's state.
//!
//! One devnet per test: 4 validators with one standby rotating in every 5
//! blocks, 20 ms blocks, several RPC endpoints over the same chain
//! (`Devnet::add_rpc`), each with its own fault. The chain is frozen once
//! produced, except where a test submits a transaction.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    dead_code
)]

use std::net::SocketAddr;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use jifen_light_client::{
    ClientConfig, ClientError, LightClient, LightStore, Peer, PeerState, RpcOptions, RpcPeer,
    SyncSummary, SystemClock, TrustRoot,
};
use jifen_node::devnet::{Devnet, DevnetConfig};
use jifen_node::keys::NodeKey;
use jifen_node::rpc::Fault;
use jifen_protocol::{Address, ChainId};

/// A devnet with endpoint 0 honest, plus one endpoint per fault.
pub struct Net {
    pub devnet: Devnet,
    pub addrs: Vec<SocketAddr>,
    pub faults: Vec<Option<Fault>>,
    /// P2P addresses, honest first then one per fault ([`p2p_net`]).
    pub p2p_addrs: Vec<jifen_p2p::Multiaddr>,
    _dir: tempfile::TempDir,
}

/// [`net`], also served over P2P: the devnet's own P2P node (honest) and
/// one more P2P node per fault, beside the RPC endpoints.
pub fn p2p_net(faults: &[Option<Fault>], min_height: u64) -> Net {
    let dir = tempfile::tempdir().unwrap();
    let mut config = config(dir.path());
    {
        let producer = Devnet::start(&config).unwrap();
        wait_for(&producer, min_height);
    }
    config.produce = false;
    config.p2p = Some(jifen_node::p2p::P2pOptions::new(
        SocketAddr::from(([127, 0, 0, 1], 0)),
        jifen_p2p::Role::Validator,
    ));
    let mut net = serve(Devnet::start(&config).unwrap(), faults, dir);
    net.p2p_addrs = net.devnet.p2p_addrs();
    assert_eq!(net.p2p_addrs.len(), 1);
    for fault in faults {
        let address = net.devnet.add_p2p(*fault).unwrap();
        net.p2p_addrs.push(address);
    }
    net
}

/// A wallet's network for `net`'s chain (fresh identity, no listener).
pub fn wallet_network() -> std::sync::Arc<jifen_p2p::Network> {
    let config = jifen_p2p::Config::wallet(chain_id().as_str(), Vec::new(), "test");
    std::sync::Arc::new(jifen_p2p::Network::start(config, None, None).unwrap())
}

/// A frozen chain of at least `min_height` blocks served by an honest
/// endpoint and one endpoint per fault. The chain is produced first and then
/// served without producing, so what a liar admits to (a stale tip is 50
/// blocks, 1 s, behind) cannot move while a test runs on a slow machine.
pub fn net(faults: &[Option<Fault>], min_height: u64) -> Net {
    let dir = tempfile::tempdir().unwrap();
    let mut config = config(dir.path());
    {
        let producer = Devnet::start(&config).unwrap();
        wait_for(&producer, min_height);
    }
    config.produce = false;
    serve(Devnet::start(&config).unwrap(), faults, dir)
}

/// A chain that keeps producing blocks, for tests that submit transactions.
pub fn live_net(faults: &[Option<Fault>], min_height: u64) -> Net {
    let dir = tempfile::tempdir().unwrap();
    let devnet = Devnet::start(&config(dir.path())).unwrap();
    wait_for(&devnet, min_height);
    serve(devnet, faults, dir)
}

/// A chain that keeps producing blocks with the devnet's two subchains
/// (`trace-consortium`, bft, and `xor-demo`, pow-xor) reported beside it.
pub fn subchain_net(faults: &[Option<Fault>], min_height: u64) -> Net {
    let dir = tempfile::tempdir().unwrap();
    let mut config = config(dir.path());
    config.subchains = true;
    let devnet = Devnet::start(&config).unwrap();
    wait_for(&devnet, min_height);
    serve(devnet, faults, dir)
}

/// A chain that grows only when the test produces blocks
/// (`jifen_testenv::devnet::produce_blocks`), for tests that submit a
/// transaction and need it at a height they choose.
pub fn manual_net(faults: &[Option<Fault>], min_height: u64) -> Net {
    manual_net_with_epochs(faults, min_height, 5)
}

/// [`manual_net`] with epochs of `epoch_length` blocks.
pub fn manual_net_with_epochs(faults: &[Option<Fault>], min_height: u64, epoch_length: u64) -> Net {
    let dir = tempfile::tempdir().unwrap();
    let mut config = config(dir.path());
    config.epoch_length = epoch_length;
    config.produce = false;
    let devnet = Devnet::start(&config).unwrap();
    jifen_testenv::devnet::produce_blocks(&devnet, min_height).unwrap();
    serve(devnet, faults, dir)
}

/// [`manual_net`] of exactly `blocks` blocks with `validators` active,
/// `rotate` rotating in per epoch and epochs of `epoch_length`: chains
/// whose sets change enough that skipping by trust needs pivots.
pub fn manual_net_with_sets(
    faults: &[Option<Fault>],
    blocks: u64,
    validators: u32,
    rotate: u32,
    epoch_length: u64,
) -> Net {
    let dir = tempfile::tempdir().unwrap();
    let mut config = config(dir.path());
    config.validators = validators;
    config.rotate = rotate;
    config.epoch_length = epoch_length;
    config.produce = false;
    let devnet = Devnet::start(&config).unwrap();
    jifen_testenv::devnet::produce_blocks(&devnet, blocks).unwrap();
    serve(devnet, faults, dir)
}

fn config(dir: &Path) -> DevnetConfig {
    let mut config = DevnetConfig::new(dir.join("chain"));
    config.validators = 4;
    config.rotate = 1;
    config.epoch_length = 5;
    config.block_time_ms = 20;
    config
}

fn wait_for(devnet: &Devnet, height: u64) {
    jifen_testenv::devnet::wait_for_height(devnet, height, jifen_testenv::DEADLINE)
        .unwrap_or_else(|stalled| panic!("{stalled}"));
}

fn serve(mut devnet: Devnet, faults: &[Option<Fault>], dir: tempfile::TempDir) -> Net {
    let mut addrs = vec![devnet.rpc_addr()];
    for fault in faults {
        addrs.push(devnet.add_rpc(*fault).unwrap());
    }
    Net {
        devnet,
        addrs,
        faults: std::iter::once(None)
            .chain(faults.iter().copied())
            .collect(),
        p2p_addrs: Vec::new(),
        _dir: dir,
    }
}

impl Net {
    pub fn hash_at(&self, height: u64) -> jifen_protocol::Hash32 {
        self.devnet
            .chain()
            .lock()
            .unwrap()
            .header(height)
            .unwrap()
            .unwrap()
            .hash()
    }

    pub fn height(&self) -> u64 {
        jifen_testenv::devnet::height(&self.devnet)
    }

    /// Endpoint `index` as the wallet connects to it: the product's
    /// transport limits.
    pub fn peer(&self, index: usize) -> Box<dyn Peer> {
        Box::new(RpcPeer::connect(&self.url(index), RpcOptions::default()).unwrap())
    }

    /// P2P node `index` as the wallet reaches it through `network`.
    pub fn p2p_peer(
        &self,
        network: &std::sync::Arc<jifen_p2p::Network>,
        index: usize,
    ) -> Box<dyn Peer> {
        let address = jifen_p2p::PeerAddress::parse(&self.p2p_addrs[index].to_string()).unwrap();
        Box::new(jifen_light_client::P2pPeer::over_p2p(
            std::sync::Arc::clone(network),
            &address,
            RpcOptions::default(),
        ))
    }

    pub fn url(&self, index: usize) -> String {
        format!("http://{}", self.addrs[index])
    }

    /// Requests endpoint `index` has received so far.
    pub fn requests(&self, index: usize) -> u64 {
        self.devnet.requests(self.addrs[index]).unwrap()
    }

    /// A client with `primary` and `witnesses` (endpoint indices) at the
    /// product defaults.
    pub fn client<S: LightStore>(
        &self,
        store: S,
        root: TrustRoot,
        primary: usize,
        witnesses: &[usize],
        evidence_dir: Option<&Path>,
    ) -> LightClient<S> {
        let mut config = ClientConfig::new(chain_id(), root);
        config.evidence_dir = evidence_dir.map(Path::to_path_buf);
        self.client_with(store, config, primary, witnesses)
    }

    /// [`Net::client`] with a configuration of the test's own.
    pub fn client_with<S: LightStore>(
        &self,
        store: S,
        config: ClientConfig,
        primary: usize,
        witnesses: &[usize],
    ) -> LightClient<S> {
        LightClient::open(
            store,
            config,
            self.peer(primary),
            witnesses.iter().map(|&index| self.peer(index)).collect(),
            Box::new(SystemClock),
        )
        .unwrap()
    }
}

pub fn chain_id() -> ChainId {
    ChainId::new("jifen-devnet").unwrap()
}

pub fn sync<S: LightStore>(client: &mut LightClient<S>) -> Result<SyncSummary, ClientError> {
    client.sync(&mut |_| {}, &AtomicBool::new(false))
}

pub fn state_of<S: LightStore>(client: &LightClient<S>, index: usize) -> PeerState {
    client.status().peers[index].state.clone()
}

/// The code a peer was taken out of use with (demoted, or unreachable for
/// transport failures such as a missed deadline).
pub fn demoted_code(state: &PeerState) -> &'static str {
    match state {
        PeerState::Demoted { code, .. } | PeerState::Unreachable { code, .. } => code,
        other => panic!("not demoted: {other:?}"),
    }
}

pub fn account(index: u32) -> Address {
    NodeKey::devnet_account(index).unwrap().address()
}

/// Runs `work` on its own thread and waits at most `within` for it: a
/// bound on how long an attack can hold the client (the test fails instead
/// of hanging), not a measure of speed.
pub fn within<T: Send + 'static>(within: Duration, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, result) = std::sync::mpsc::channel();
    let started = Instant::now();
    std::thread::spawn(move || {
        let _ = done.send(work());
    });
    result
        .recv_timeout(within)
        .unwrap_or_else(|_| panic!("still running after {:?}", started.elapsed()))
}
