//! A full node: follows the validators by importing every block from its
//! sources (re-executing it, [`Chain::import_block`]), serves the same
//! JSON-RPC as a validator, and relays the transactions submitted to it.
//!
//! | item | holds |
//! |---|---|
//! | [`BlockSource`] | where blocks come from (HTTP JSON-RPC here: [`HttpSource`]; P2P elsewhere) |
//! | [`sync_from`], [`Follower`] | one round: ask the sources for their tip, import from the best, demote the ones whose blocks fail |
//! | [`relay_mempool`] | hand the mempool's transactions to a source |
//! | [`FullNode`] | the RPC server plus the follower thread (`jifen-node full`) |
//!
//! The chain lock is taken only to read the tip and to import one block
//! already fetched: never while a source is being waited on.

use std::collections::{HashMap, HashSet};
use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use jifen_protocol::{Hash32, Transaction};
use jifen_rpc_types::{BlockParams, StatusParams, SubmitTxParams, WireError};

use crate::chain::{Chain, ChainError, FullBlock, ImportError, Link};
use crate::genesis::ChainParams;
use crate::rpc::client::{ClientError, RpcClient};
use crate::rpc::http::HttpServer;
use crate::rpc::{RpcContext, handle};

/// Most blocks one round imports (then the mempool is relayed and the
/// next round starts).
pub const MAX_ROUND_BLOCKS: u64 = 500;
/// Time between two rounds of a [`FullNode`] unless woken.
pub const FOLLOW_INTERVAL: Duration = Duration::from_millis(200);
/// Deadline of one call to an HTTP source.
pub const SOURCE_TIMEOUT: Duration = Duration::from_secs(10);

/// Why a source did not answer.
///
/// Codes: `source-bad-url`, `source-transport`, `source-refused`,
/// `source-wire`, `source-wrong-height`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SourceError {
    /// The source's address is not usable.
    #[error("bad source address {0}")]
    BadUrl(String),
    /// Connecting, sending or reading failed.
    #[error("transport: {0}")]
    Transport(String),
    /// The source answered with an error.
    #[error("refused ({name}): {message}")]
    Refused {
        /// The error's kebab-case name (the JSON-RPC number when it has none).
        name: String,
        /// Its message.
        message: String,
    },
    /// The answer does not read as the method's result.
    #[error("answer: {0}")]
    Wire(#[from] WireError),
    /// The block is not at the height asked for.
    #[error("asked for block {asked}, got {got}")]
    WrongHeight {
        /// Asked.
        asked: u64,
        /// Got.
        got: u64,
    },
}

impl SourceError {
    /// The stable error code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::BadUrl(_) => "source-bad-url",
            Self::Transport(_) => "source-transport",
            Self::Refused { .. } => "source-refused",
            Self::Wire(_) => "source-wire",
            Self::WrongHeight { .. } => "source-wrong-height",
        }
    }
}

impl From<ClientError> for SourceError {
    fn from(error: ClientError) -> Self {
        match error {
            ClientError::Transport(message) => Self::Transport(message),
            ClientError::Rpc {
                code,
                message,
                data,
            } => Self::Refused {
                name: data
                    .and_then(|data| data.get("code")?.as_str().map(str::to_owned))
                    .unwrap_or_else(|| code.to_string()),
                message,
            },
            ClientError::Wire(error) => Self::Wire(error),
        }
    }
}

/// Where a full node gets blocks from, and hands transactions to.
pub trait BlockSource: Send + Sync {
    /// A name for logs (an URL, a peer id).
    fn id(&self) -> String;
    /// The source's tip height (a claim: a lying source is found out when
    /// its blocks fail).
    ///
    /// # Errors
    /// [`SourceError`].
    fn latest_height(&self) -> Result<u64, SourceError>;
    /// The block at `height` (untrusted).
    ///
    /// # Errors
    /// [`SourceError`].
    fn block(&self, height: u64) -> Result<FullBlock, SourceError>;
    /// Hands a transaction to the source's mempool.
    ///
    /// # Errors
    /// [`SourceError`]; [`SourceError::Refused`] when the source checked
    /// and refused it.
    fn submit_tx(&self, tx: &Transaction) -> Result<(), SourceError>;
}

/// A node's JSON-RPC over HTTP as a [`BlockSource`] (`jifen_status`,
/// `jifen_block`, `jifen_submitTx`).
#[derive(Debug)]
pub struct HttpSource {
    url: String,
    client: Mutex<RpcClient>,
}

impl HttpSource {
    /// The node at `url` (`http://host:port/` or `host:port`; plain HTTP).
    ///
    /// # Errors
    /// [`SourceError::BadUrl`] when it names no address.
    pub fn new(url: &str) -> Result<Self, SourceError> {
        let bad = || SourceError::BadUrl(url.to_owned());
        let rest = match url.split_once("://") {
            Some(("http", rest)) => rest,
            Some(_) => return Err(bad()),
            None => url,
        };
        let authority = rest.split('/').next().unwrap_or_default();
        let addr = authority
            .to_socket_addrs()
            .map_err(|_| bad())?
            .next()
            .ok_or_else(bad)?;
        Ok(Self::at(addr, url))
    }

    /// The node at `addr`, named `name` in logs.
    #[must_use]
    pub fn at(addr: SocketAddr, name: &str) -> Self {
        Self {
            url: name.to_owned(),
            client: Mutex::new(RpcClient::with_timeout(addr, SOURCE_TIMEOUT)),
        }
    }

    fn client(&self) -> MutexGuard<'_, RpcClient> {
        self.client
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl BlockSource for HttpSource {
    fn id(&self) -> String {
        self.url.clone()
    }

    fn latest_height(&self) -> Result<u64, SourceError> {
        Ok(self.client().request(&StatusParams)?.latest_height)
    }

    fn block(&self, height: u64) -> Result<FullBlock, SourceError> {
        let block = self.client().request(&BlockParams {
            height: Some(height),
        })?;
        block_at(block, height)
    }

    fn submit_tx(&self, tx: &Transaction) -> Result<(), SourceError> {
        self.client()
            .request(&SubmitTxParams { tx: tx.clone() })
            .map(|_| ())
            .map_err(SourceError::from)
    }
}

/// The block of a `jifen_block` answer, if it is the one at `height`.
///
/// # Errors
/// [`SourceError::WrongHeight`].
pub fn block_at(
    block: jifen_rpc_types::BlockResult,
    height: u64,
) -> Result<FullBlock, SourceError> {
    if block.header.height != height {
        return Err(SourceError::WrongHeight {
            asked: height,
            got: block.header.height,
        });
    }
    Ok(block.into())
}

/// Why a round of following failed.
///
/// Codes: `follow-no-sources`, `follow-unreachable`, `follow-stalled`,
/// `follow-chain`, `follow-lock-poisoned`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FollowError {
    /// No source is configured.
    #[error("no block source")]
    NoSources,
    /// No source told its height.
    #[error("no source answered")]
    Unreachable,
    /// Sources claim blocks above ours, but every one of them failed to
    /// give an importable next block.
    #[error("stalled at {height}: every source above it (up to {claimed}) was demoted")]
    Stalled {
        /// Our height.
        height: u64,
        /// The highest claimed.
        claimed: u64,
    },
    /// This node's chain failed (storage).
    #[error(transparent)]
    Chain(#[from] ChainError),
    /// The chain lock is poisoned.
    #[error("chain lock poisoned")]
    Poisoned,
}

impl FollowError {
    /// The stable error code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::NoSources => "follow-no-sources",
            Self::Unreachable => "follow-unreachable",
            Self::Stalled { .. } => "follow-stalled",
            Self::Chain(_) => "follow-chain",
            Self::Poisoned => "follow-lock-poisoned",
        }
    }
}

fn lock(chain: &Mutex<Chain>) -> Result<MutexGuard<'_, Chain>, FollowError> {
    chain.lock().map_err(|_| FollowError::Poisoned)
}

fn height(chain: &Mutex<Chain>) -> Result<u64, FollowError> {
    Ok(lock(chain)?.height())
}

/// One round: asks every source for its height and imports blocks tip + 1,
/// tip + 2, ... (at most [`MAX_ROUND_BLOCKS`]) from the highest one. A
/// source whose block cannot be fetched or fails import is demoted for the
/// rest of the round (logged with the reason and the error code) and the
/// next best is asked. Returns the height reached.
///
/// # Errors
/// [`FollowError`]: no source, none answered, all ahead demoted before
/// any block was imported, or this node's own failure.
pub fn sync_from(
    chain: &Mutex<Chain>,
    sources: &[Arc<dyn BlockSource>],
) -> Result<u64, FollowError> {
    Follower::default().round(chain, sources)
}

/// Hands each mempool transaction not yet in `relayed` to the first source
/// that takes it (a source that checks and refuses it counts as handled:
/// it knows it, or it is no longer valid there). Forgets the relayed ids
/// that left the mempool. Returns how many were handed over.
///
/// # Errors
/// [`FollowError::Poisoned`].
pub fn relay_mempool(
    chain: &Mutex<Chain>,
    sources: &[Arc<dyn BlockSource>],
    relayed: &mut HashSet<Hash32>,
) -> Result<usize, FollowError> {
    let pending = lock(chain)?.mempool_txs();
    let ids: HashSet<Hash32> = pending.iter().map(Transaction::id).collect();
    relayed.retain(|id| ids.contains(id));
    let mut handed = 0;
    for tx in pending {
        let id = tx.id();
        if relayed.contains(&id) {
            continue;
        }
        for source in sources {
            match source.submit_tx(&tx) {
                Ok(()) => {
                    handed += 1;
                    relayed.insert(id);
                    break;
                }
                Err(SourceError::Refused { name, message }) => {
                    tracing::debug!(source = %source.id(), tx = %id, %name, %message, "relayed transaction refused");
                    relayed.insert(id);
                    break;
                }
                Err(error) => {
                    tracing::debug!(source = %source.id(), tx = %id, code = error.code(), %error, "relay failed");
                }
            }
        }
    }
    Ok(handed)
}

/// A follower across rounds: what it relayed, and the demotions it has
/// reported (a source that keeps failing the same way at the same height
/// is logged as a warning once, then at debug level).
#[derive(Debug, Default)]
pub struct Follower {
    relayed: HashSet<Hash32>,
    reported: HashMap<String, (u64, &'static str)>,
}

impl Follower {
    /// One round of [`sync_from`].
    ///
    /// # Errors
    /// As [`sync_from`].
    pub fn round(
        &mut self,
        chain: &Mutex<Chain>,
        sources: &[Arc<dyn BlockSource>],
    ) -> Result<u64, FollowError> {
        if sources.is_empty() {
            return Err(FollowError::NoSources);
        }
        let mut claims: Vec<(usize, u64)> = Vec::new();
        for (index, source) in sources.iter().enumerate() {
            match source.latest_height() {
                Ok(height) => claims.push((index, height)),
                Err(error) => tracing::debug!(
                    source = %source.id(),
                    code = error.code(),
                    %error,
                    "source did not tell its height"
                ),
            }
        }
        if claims.is_empty() {
            return Err(FollowError::Unreachable);
        }
        // Highest first; equal claims keep the configured order.
        claims.sort_by_key(|claim| std::cmp::Reverse(claim.1));
        let claimed = claims.first().map_or(0, |claim| claim.1);
        let mut demoted = vec![false; sources.len()];
        let mut imported = 0u64;
        while imported < MAX_ROUND_BLOCKS {
            let tip = height(chain)?;
            let next = tip + 1;
            let Some(&(index, _)) = claims.iter().find(|(index, claim)| {
                *claim >= next && !demoted.get(*index).copied().unwrap_or(true)
            }) else {
                break;
            };
            let Some(source) = sources.get(index) else {
                break;
            };
            let failure: (&'static str, String) = match source.block(next) {
                Ok(block) => {
                    let mut result = lock(chain)?.import_block(&block);
                    if matches!(result, Err(ImportError::BadLink(Link::LastCommit))) {
                        // This node may hold another valid commit of its tip
                        // than the one the block names: ask the source for its.
                        if let Ok(parent) = source.block(tip) {
                            result = lock(chain)?.import_block_after(&parent.commit, &block);
                        }
                    }
                    match result {
                        Ok(header) => {
                            imported += 1;
                            self.reported.remove(&source.id());
                            tracing::debug!(height = header.height, source = %source.id(), "block imported");
                            continue;
                        }
                        Err(ImportError::Chain(error)) => return Err(FollowError::Chain(error)),
                        // Another round imported meanwhile: not the source's fault.
                        Err(ImportError::WrongHeight { .. }) if height(chain)? != tip => continue,
                        Err(error) => (error.code(), format!("its block failed import: {error}")),
                    }
                }
                Err(error) => (error.code(), format!("no block: {error}")),
            };
            if let Some(flag) = demoted.get_mut(index) {
                *flag = true;
            }
            let (code, reason) = failure;
            let id = source.id();
            if self.reported.get(&id) == Some(&(next, code)) {
                tracing::debug!(source = %id, height = next, code, %reason, "source demoted for this round");
            } else {
                tracing::warn!(source = %id, height = next, code, %reason, "source demoted for this round");
                self.reported.insert(id, (next, code));
            }
        }
        let reached = height(chain)?;
        if imported == 0 && reached < claimed && demoted.iter().any(|flag| *flag) {
            return Err(FollowError::Stalled {
                height: reached,
                claimed,
            });
        }
        Ok(reached)
    }

    /// [`relay_mempool`] with what this follower already relayed.
    ///
    /// # Errors
    /// As [`relay_mempool`].
    pub fn relay(
        &mut self,
        chain: &Mutex<Chain>,
        sources: &[Arc<dyn BlockSource>],
    ) -> Result<usize, FollowError> {
        relay_mempool(chain, sources, &mut self.relayed)
    }
}

/// What a full node runs with.
#[derive(Clone)]
pub struct FullNodeConfig {
    /// The chain's parameters (the genesis file).
    pub genesis: ChainParams,
    /// Data directory.
    pub data_dir: PathBuf,
    /// RPC listen address (port 0: any free port).
    pub rpc_addr: SocketAddr,
    /// Where blocks come from, best first on equal heights.
    pub sources: Vec<Arc<dyn BlockSource>>,
    /// Time between rounds.
    pub interval: Duration,
    /// Join the P2P network: serve RPC over it, announce imported blocks,
    /// and follow its bootnodes as sources (`None`: HTTP sources only).
    pub p2p: Option<crate::p2p::P2pOptions>,
}

impl std::fmt::Debug for FullNodeConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FullNodeConfig")
            .field("chain_id", &self.genesis.chain_id)
            .field("data_dir", &self.data_dir)
            .field("rpc_addr", &self.rpc_addr)
            .field(
                "sources",
                &self.sources.iter().map(|s| s.id()).collect::<Vec<_>>(),
            )
            .field("interval", &self.interval)
            .field("p2p", &self.p2p)
            .finish()
    }
}

/// Why a full node could not start.
///
/// Codes: `full-node-chain`, `full-node-genesis-mismatch`,
/// `full-node-holds-keys`, `full-node-rpc`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FullNodeError {
    /// The chain failed to open.
    #[error(transparent)]
    Chain(#[from] ChainError),
    /// The data directory holds another chain than the genesis file's.
    #[error("the data directory holds chain {stored}, not the genesis file's {given}")]
    GenesisMismatch {
        /// The stored chain id.
        stored: String,
        /// The genesis file's.
        given: String,
    },
    /// The genesis gives this node validator keys.
    #[error("a full node holds no validator key (devnet_keys must be 0)")]
    HoldsKeys,
    /// The RPC server failed to bind.
    #[error("rpc server: {0}")]
    Rpc(#[from] std::io::Error),
    /// The P2P network could not start.
    #[error(transparent)]
    P2p(#[from] jifen_p2p::P2pError),
}

impl FullNodeError {
    /// The stable error code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::Chain(_) => "full-node-chain",
            Self::GenesisMismatch { .. } => "full-node-genesis-mismatch",
            Self::HoldsKeys => "full-node-holds-keys",
            Self::Rpc(_) => "full-node-rpc",
            Self::P2p(_) => "full-node-p2p",
        }
    }
}

#[derive(Debug, Default)]
struct Wake {
    asked: Mutex<bool>,
    signal: Condvar,
}

impl Wake {
    fn ring(&self) {
        let mut asked = self
            .asked
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *asked = true;
        self.signal.notify_all();
    }
}

/// A running full node: the RPC server and the follower thread.
#[derive(Debug)]
pub struct FullNode {
    chain: Arc<Mutex<Chain>>,
    server: HttpServer,
    stop: Arc<AtomicBool>,
    wake: Arc<Wake>,
    follower: Option<std::thread::JoinHandle<()>>,
    p2p: Option<Arc<crate::p2p::NodeP2p>>,
}

/// Opens the chain in `data_dir`, initialising it from `genesis` when the
/// directory is empty, and checks that it is `genesis`'s chain.
///
/// # Errors
/// [`FullNodeError`].
pub fn open_full_chain(
    genesis: &ChainParams,
    data_dir: &std::path::Path,
) -> Result<Chain, FullNodeError> {
    if genesis.devnet_keys != 0 {
        return Err(FullNodeError::HoldsKeys);
    }
    let chain = Chain::open(data_dir, Some(genesis.clone()))?;
    if chain.params() != genesis {
        return Err(FullNodeError::GenesisMismatch {
            stored: chain.params().chain_id.clone(),
            given: genesis.chain_id.clone(),
        });
    }
    Ok(chain)
}

impl FullNode {
    /// Opens the chain, starts serving RPC and following.
    ///
    /// # Errors
    /// [`FullNodeError`].
    pub fn start(config: FullNodeConfig) -> Result<Self, FullNodeError> {
        let chain = Arc::new(Mutex::new(open_full_chain(
            &config.genesis,
            &config.data_dir,
        )?));
        let ctx = RpcContext {
            chain: Arc::clone(&chain),
            fault: None,
        };
        let ctx_p2p = ctx.clone();
        let server = HttpServer::start_negotiating(
            config.rpc_addr,
            Arc::new(move |body: &[u8], accepts| handle(&ctx, body, accepts)),
            None,
        )?;
        let stop = Arc::new(AtomicBool::new(false));
        let wake = Arc::new(Wake::default());
        let mut sources = config.sources.clone();
        let p2p = match config.p2p.clone() {
            Some(options) => {
                let bootnodes = options.bootnodes.clone();
                let waking = Arc::clone(&wake);
                let p2p = Arc::new(crate::p2p::NodeP2p::start_with_wake(
                    &ctx_p2p,
                    &config.data_dir,
                    options,
                    Some(Arc::new(move || waking.ring())),
                )?);
                for address in bootnodes {
                    if let Ok(address) = jifen_p2p::PeerAddress::parse(&address.to_string()) {
                        sources.push(Arc::new(crate::p2p::P2pSource::new(
                            Arc::clone(p2p.network()),
                            address,
                        )));
                    }
                }
                let announcer = Arc::clone(&p2p);
                let stopping = Arc::clone(&stop);
                std::thread::Builder::new()
                    .name("announcer".into())
                    .spawn(move || announcer.announce_growth(&stopping))?;
                Some(p2p)
            }
            None => None,
        };
        let follower = {
            let chain = Arc::clone(&chain);
            let stop = Arc::clone(&stop);
            let wake = Arc::clone(&wake);
            std::thread::Builder::new()
                .name("follower".into())
                .spawn(move || follow_loop(&chain, &sources, &stop, &wake, config.interval))?
        };
        tracing::info!(rpc = %server.local_addr(), "full node started");
        Ok(Self {
            chain,
            server,
            stop,
            wake,
            follower: Some(follower),
            p2p,
        })
    }

    /// The RPC address.
    #[must_use]
    pub const fn rpc_addr(&self) -> SocketAddr {
        self.server.local_addr()
    }

    /// The chain (lock it briefly).
    #[must_use]
    pub fn chain(&self) -> Arc<Mutex<Chain>> {
        Arc::clone(&self.chain)
    }

    /// The P2P addresses others dial (`…/p2p/<peer id>`); empty without
    /// P2P.
    #[must_use]
    pub fn p2p_addrs(&self) -> Vec<jifen_p2p::Multiaddr> {
        self.p2p
            .as_ref()
            .map(|p2p| p2p.listen_addrs())
            .unwrap_or_default()
    }

    /// Starts a round now instead of at the end of the interval.
    pub fn sync_now(&self) {
        self.wake.ring();
    }

    /// Stops following and serving.
    pub fn stop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        self.sync_now();
        if let Some(follower) = self.follower.take() {
            let _ = follower.join();
        }
        self.server.stop();
        self.p2p = None;
    }
}

impl Drop for FullNode {
    fn drop(&mut self) {
        self.stop();
    }
}

fn follow_loop(
    chain: &Mutex<Chain>,
    sources: &[Arc<dyn BlockSource>],
    stop: &AtomicBool,
    wake: &Wake,
    interval: Duration,
) {
    let mut follower = Follower::default();
    let mut last_height = None;
    let mut last_error: Option<&'static str> = None;
    while !stop.load(Ordering::SeqCst) {
        match follower.round(chain, sources) {
            Ok(height) => {
                last_error = None;
                if last_height != Some(height) {
                    tracing::info!(height, "following");
                    last_height = Some(height);
                }
            }
            Err(error) => {
                if last_error != Some(error.code()) {
                    tracing::warn!(code = error.code(), %error, "follow round failed");
                    last_error = Some(error.code());
                }
                if matches!(error, FollowError::Poisoned) {
                    return;
                }
            }
        }
        if let Err(error) = follower.relay(chain, sources) {
            tracing::error!(%error, "relay failed; follower stops");
            return;
        }
        let asked = wake
            .asked
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let (mut asked, _) = wake
            .signal
            .wait_timeout_while(asked, interval, |asked| !*asked)
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *asked = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_sources_are_plain_http_addresses() {
        for url in [
            "http://127.0.0.1:26657/",
            "http://127.0.0.1:26657",
            "127.0.0.1:26657",
        ] {
            let source = HttpSource::new(url).unwrap();
            assert_eq!(source.id(), url);
        }
        for url in ["https://127.0.0.1:26657/", "http://", "no-port", ""] {
            assert_eq!(HttpSource::new(url).unwrap_err().code(), "source-bad-url");
        }
    }

    #[test]
    fn a_refusal_keeps_the_sources_error_name() {
        let refused = SourceError::from(ClientError::Rpc {
            code: 1009,
            message: "known".into(),
            data: Some(serde_json::json!({"code": "tx-already-known"})),
        });
        assert!(
            matches!(&refused, SourceError::Refused { name, .. } if name == "tx-already-known")
        );
        let unnamed = SourceError::from(ClientError::Rpc {
            code: -32603,
            message: "failed".into(),
            data: None,
        });
        assert!(matches!(&unnamed, SourceError::Refused { name, .. } if name == "-32603"));
        assert_eq!(
            SourceError::from(ClientError::Transport("down".into())).code(),
            "source-transport"
        );
    }
}
