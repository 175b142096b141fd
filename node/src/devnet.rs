//! Running a devnet: open (or initialize) the chain, produce blocks on a
//! timer in one thread, and serve JSON-RPC.
//!
//! In a devnet one process holds every validator key (the public devnet keys
//! of [`crate::keys`]); each block still carries a commit signed by
//! validators holding more than 2/3 of the voting power, as a multi-process
//! network would produce it.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use std::sync::mpsc::Sender;

use crate::chain::{Chain, ChainError};
use crate::genesis::ChainParams;
use crate::p2p::NodeP2p;
use crate::rpc::http::HttpServer;
use crate::rpc::{Fault, RpcContext, handle};
use crate::subchains::Producers;

/// Devnet options.
#[derive(Debug, Clone)]
pub struct DevnetConfig {
    /// Active validators.
    pub validators: u32,
    /// Standby validators rotated in each epoch (0: no rotation).
    pub rotate: u32,
    /// Blocks per epoch.
    pub epoch_length: u64,
    /// Target time between blocks (0: as fast as possible).
    pub block_time_ms: u64,
    /// Data directory.
    pub data_dir: PathBuf,
    /// RPC listen address (port 0: any free port).
    pub rpc_addr: SocketAddr,
    /// Serve RPC over TLS with this configuration
    /// ([`crate::rpc::http::tls_config`]); `None`: plain HTTP.
    pub rpc_tls: Option<Arc<rustls::ServerConfig>>,
    /// The lie the RPC tells, if any.
    pub fault: Option<Fault>,
    /// Whether to produce blocks (false: serve an existing chain only).
    pub produce: bool,
    /// Whether to run the devnet's subchains beside the main chain
    /// ([`crate::subchains`]); `jifen-node devnet` does unless
    /// `--no-subchains`, library users opt in (fixtures and tests that count
    /// transactions do not want them).
    pub subchains: bool,
    /// Join the peer-to-peer network (`None`: RPC only).
    pub p2p: Option<crate::p2p::P2pOptions>,
}

impl DevnetConfig {
    /// Defaults: 21 validators, no rotation, epochs of 100 blocks, 1 s
    /// blocks, RPC on 127.0.0.1:0.
    #[must_use]
    pub fn new(data_dir: PathBuf) -> Self {
        Self {
            validators: 21,
            rotate: 0,
            epoch_length: 100,
            block_time_ms: 1_000,
            data_dir,
            rpc_addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            rpc_tls: None,
            fault: None,
            produce: true,
            subchains: false,
            p2p: None,
        }
    }
}

/// Why a devnet could not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DevnetError {
    /// The chain failed to open.
    #[error(transparent)]
    Chain(#[from] ChainError),
    /// The genesis parameters are invalid.
    #[error(transparent)]
    Genesis(#[from] crate::genesis::GenesisError),
    /// The RPC server failed to bind.
    #[error("rpc server: {0}")]
    Rpc(#[from] std::io::Error),
    /// The subchain producers could not start.
    #[error(transparent)]
    Subchains(#[from] crate::subchains::ProducerError),
    /// The peer-to-peer network could not start.
    #[error(transparent)]
    P2p(#[from] jifen_p2p::P2pError),
}

/// Current unix time in milliseconds.
#[must_use]
pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

/// A running devnet node.
#[derive(Debug)]
pub struct Devnet {
    chain: Arc<Mutex<Chain>>,
    server: HttpServer,
    /// Further endpoints over the same chain, each with its own fault.
    extra: Vec<HttpServer>,
    /// The RPC's TLS configuration, if it speaks HTTPS.
    tls: Option<Arc<rustls::ServerConfig>>,
    stop: Arc<AtomicBool>,
    producer: Option<std::thread::JoinHandle<()>>,
    subchains: Option<Arc<Mutex<Producers>>>,
    p2p: Option<Arc<NodeP2p>>,
    /// Further P2P identities over the same chain, each with its own fault.
    extra_p2p: Vec<NodeP2p>,
    data_dir: std::path::PathBuf,
    /// Each stored block's height, for the announcer.
    announce: Option<Sender<u64>>,
}

/// Opens the chain in `config.data_dir`, initializing a devnet genesis from
/// `config` if the directory is empty (an existing chain keeps its own
/// parameters).
///
/// # Errors
/// [`DevnetError`].
pub fn open_chain(config: &DevnetConfig) -> Result<Chain, DevnetError> {
    let params = ChainParams::devnet(
        config.validators,
        config.rotate,
        config.epoch_length,
        now_ms(),
    )?;
    Ok(Chain::open(&config.data_dir, Some(params))?)
}

impl Devnet {
    /// Starts the devnet: RPC server and (if `config.produce`) the block
    /// producer thread.
    ///
    /// # Errors
    /// [`DevnetError`].
    pub fn start(config: &DevnetConfig) -> Result<Self, DevnetError> {
        let chain = Arc::new(Mutex::new(open_chain(config)?));
        let ctx = RpcContext {
            chain: Arc::clone(&chain),
            fault: config.fault,
        };
        let server = serve(config.rpc_addr, ctx, None, config.rpc_tls.clone())?;
        let stop = Arc::new(AtomicBool::new(false));
        let subchains = if config.subchains {
            let mut producers = Producers::new(config.block_time_ms)?;
            if let Ok(mut chain) = chain.lock() {
                producers.adopt(&mut chain)?;
            }
            Some(Arc::new(Mutex::new(producers)))
        } else {
            None
        };
        let (p2p, announce) = match &config.p2p {
            Some(options) => {
                let ctx = RpcContext {
                    chain: Arc::clone(&chain),
                    fault: config.fault,
                };
                let p2p = Arc::new(NodeP2p::start(&ctx, &config.data_dir, options.clone())?);
                let (announce, heights) = std::sync::mpsc::channel();
                let announcer = Arc::clone(&p2p);
                std::thread::Builder::new()
                    .name("announcer".into())
                    .spawn(move || announcer.announce_from(&heights))?;
                for address in p2p.listen_addrs() {
                    tracing::info!(%address, "p2p");
                }
                (Some(p2p), Some(announce))
            }
            None => (None, None),
        };
        let producer = if config.produce {
            let chain = Arc::clone(&chain);
            let stop = Arc::clone(&stop);
            let block_time = Duration::from_millis(config.block_time_ms);
            let subchains = subchains.clone();
            let announce = announce.clone();
            Some(
                std::thread::Builder::new()
                    .name("producer".into())
                    .spawn(move || produce_loop(&chain, &stop, block_time, subchains, announce))?,
            )
        } else {
            None
        };
        tracing::info!(
            rpc = %server.local_addr(),
            tls = config.rpc_tls.is_some(),
            produce = config.produce,
            "devnet started"
        );
        Ok(Self {
            chain,
            server,
            extra: Vec::new(),
            tls: config.rpc_tls.clone(),
            stop,
            producer,
            subchains,
            p2p,
            extra_p2p: Vec::new(),
            data_dir: config.data_dir.clone(),
            announce,
        })
    }

    /// Produces `count` blocks now, one after the other, each followed by
    /// the subchain producers' step when they run (for a devnet started
    /// without its producer thread); returns the new height.
    ///
    /// # Errors
    /// [`ChainError`] if a block cannot be produced or stored.
    pub fn produce_blocks(&self, count: u64) -> Result<u64, ChainError> {
        let mut chain = self
            .chain
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        for _ in 0..count {
            let header = chain.produce_block(now_ms())?;
            if let Some(announce) = &self.announce {
                let _ = announce.send(header.height);
            }
            if let Some(producers) = &self.subchains {
                let mut producers = producers
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                if let Err(err) = producers.step(&mut chain) {
                    tracing::error!(%err, "subchain production failed");
                }
            }
        }
        Ok(chain.height())
    }

    /// Serves the same chain on one more RPC endpoint (127.0.0.1, any free
    /// port) that tells `fault`'s lie (none: honest). For tests with several
    /// peers of one chain, some lying. A `redirect` endpoint sends its
    /// requests to the main endpoint. It speaks TLS when the main one does.
    ///
    /// # Errors
    /// [`DevnetError::Rpc`] when binding fails.
    pub fn add_rpc(&mut self, fault: Option<Fault>) -> Result<SocketAddr, DevnetError> {
        let ctx = RpcContext {
            chain: Arc::clone(&self.chain),
            fault,
        };
        let target = format!("{}/", self.rpc_url());
        let server = serve(
            SocketAddr::from(([127, 0, 0, 1], 0)),
            ctx,
            Some(&target),
            self.tls.clone(),
        )?;
        let addr = server.local_addr();
        self.extra.push(server);
        Ok(addr)
    }

    /// Serves the same chain as one more P2P node (its own identity, on
    /// 127.0.0.1, any free port, joined to this devnet's network when it
    /// has one) that tells `fault`'s lie (none: honest); returns the
    /// address to dial. For tests with several P2P peers of one chain.
    ///
    /// # Errors
    /// [`DevnetError::P2p`].
    pub fn add_p2p(&mut self, fault: Option<Fault>) -> Result<jifen_p2p::Multiaddr, DevnetError> {
        let ctx = RpcContext {
            chain: Arc::clone(&self.chain),
            fault,
        };
        let mut options = crate::p2p::P2pOptions::new(
            SocketAddr::from(([127, 0, 0, 1], 0)),
            jifen_p2p::Role::Full,
        );
        options.bootnodes = self.p2p_addrs();
        let dir = self
            .data_dir
            .join(format!("peer-{}", self.extra_p2p.len() + 1));
        let node = NodeP2p::start(&ctx, &dir, options)?;
        let address = node
            .listen_addrs()
            .into_iter()
            .next()
            .ok_or_else(|| jifen_p2p::P2pError::Runtime("no listen address".into()))?;
        self.extra_p2p.push(node);
        Ok(address)
    }

    /// Requests the endpoint at `addr` (the main one or one added with
    /// [`Devnet::add_rpc`]) has received so far, `None` for another address.
    #[must_use]
    pub fn requests(&self, addr: SocketAddr) -> Option<u64> {
        std::iter::once(&self.server)
            .chain(&self.extra)
            .find(|server| server.local_addr() == addr)
            .map(HttpServer::requests)
    }

    /// The RPC address.
    #[must_use]
    pub const fn rpc_addr(&self) -> SocketAddr {
        self.server.local_addr()
    }

    /// The peer-to-peer network, when the devnet joined it.
    #[must_use]
    pub fn p2p(&self) -> Option<&Arc<NodeP2p>> {
        self.p2p.as_ref()
    }

    /// The addresses other processes dial (`…/p2p/<peer id>`); empty
    /// without P2P.
    #[must_use]
    pub fn p2p_addrs(&self) -> Vec<jifen_p2p::Multiaddr> {
        self.p2p
            .as_ref()
            .map(|p2p| p2p.listen_addrs())
            .unwrap_or_default()
    }

    /// The RPC's URL: `http://127.0.0.1:<port>`, or `https://` when it
    /// speaks TLS (a client must then trust its certificate for that name).
    #[must_use]
    pub fn rpc_url(&self) -> String {
        let scheme = if self.tls.is_some() { "https" } else { "http" };
        format!("{scheme}://{}", self.server.local_addr())
    }

    /// The chain (lock it briefly).
    #[must_use]
    pub fn chain(&self) -> Arc<Mutex<Chain>> {
        Arc::clone(&self.chain)
    }

    /// Stops producing and serving.
    pub fn stop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(producer) = self.producer.take() {
            let _ = producer.join();
        }
        self.server.stop();
        for server in &mut self.extra {
            server.stop();
        }
        // Ends the announcer (its channel closes) and the swarm.
        self.announce = None;
        self.p2p = None;
        self.extra_p2p.clear();
    }
}

impl Drop for Devnet {
    fn drop(&mut self) {
        self.stop();
    }
}

/// An RPC server for `ctx` on `addr` (over TLS with `tls`); a `redirect`
/// fault sends requests to `redirect_to` (itself when `None`).
fn serve(
    addr: SocketAddr,
    ctx: RpcContext,
    redirect_to: Option<&str>,
    tls: Option<Arc<rustls::ServerConfig>>,
) -> Result<HttpServer, std::io::Error> {
    let lie = ctx
        .fault
        .and_then(|fault| fault.transport_lie(redirect_to.unwrap_or_default()));
    HttpServer::start_serving(
        addr,
        Arc::new(move |body: &[u8], accepts| handle(&ctx, body, accepts)),
        lie,
        tls,
    )
}

fn produce_loop(
    chain: &Mutex<Chain>,
    stop: &AtomicBool,
    block_time: Duration,
    subchains: Option<Arc<Mutex<Producers>>>,
    announce: Option<Sender<u64>>,
) {
    let mut next = Instant::now() + block_time;
    while !stop.load(Ordering::SeqCst) {
        let now = Instant::now();
        if now < next {
            std::thread::sleep((next - now).min(Duration::from_millis(50)));
            continue;
        }
        next += block_time;
        if next < now {
            next = now + block_time;
        }
        let Ok(mut guard) = chain.lock() else {
            tracing::error!("chain lock poisoned; producer stops");
            return;
        };
        match guard.produce_block(now_ms()) {
            Ok(header) => {
                tracing::debug!(height = header.height, "block produced");
                if let Some(announce) = &announce {
                    let _ = announce.send(header.height);
                }
                if header.next_validators_hash != header.validators_hash {
                    tracing::info!(
                        height = header.height,
                        next = %header.next_validators_hash,
                        "validator set changes after this block"
                    );
                }
                if let Some(producers) = &subchains {
                    let mut producers = producers
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                    if let Err(err) = producers.step(&mut guard) {
                        tracing::error!(%err, "subchain production failed");
                    }
                }
            }
            Err(err) => {
                tracing::error!(%err, "block production failed");
                drop(guard);
                std::thread::sleep(Duration::from_millis(200));
            }
        }
    }
}
