//! The node on the peer-to-peer network (ADR 0022, `docs/p2p.md`).
//!
//! Beside its RPC server a node runs one `jifen_p2p::Network`:
//! - **requests**: a peer's request is answered by the same JSON-RPC
//!   dispatcher as HTTP ([`crate::rpc::handle`]), with the node's fault if
//!   it has one, so a light client gets the same methods, errors and bounds
//!   over both transports (and a lying node lies the same way on both);
//! - **blocks**: every block the node stores is announced on the chain's
//!   gossip topic as a one-block `JLB1` frame (header, commit, sets); a
//!   block gossiped by a peer is checked before it is forwarded
//!   ([`judge`]): its chain, its place in our chain, and for the next block
//!   its commit's quorum under the set our chain expects;
//! - **discovery**: Kademlia in server mode, joined through bootnodes.
//!
//! The identity is persisted in `<data dir>/p2p/identity.key`, so a node
//! keeps its peer id (and its address in others' settings) across
//! restarts.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};

use jifen_p2p::{
    Acceptance, Config, Limits, Multiaddr, Network, P2pError, Reply, RequestHandler, Role,
};
use jifen_protocol::Transaction;
use jifen_rpc_types::{
    BlockParams, Call, Id, LIGHT_BLOCKS_CONTENT_TYPE, LightBlocksResult, Request as RpcRequest,
    Response, StatusParams, SubmitTxParams, WireObject,
};

use crate::chain::{Chain, FullBlock};
use crate::follow::{BlockSource, SOURCE_TIMEOUT, SourceError, block_at};
use crate::rpc::http::Accepts;
use crate::rpc::{RpcContext, handle};

/// How a node joins the network.
#[derive(Debug, Clone)]
pub struct P2pOptions {
    /// The address to listen on (`127.0.0.1:0`: any free port).
    pub listen: SocketAddr,
    /// Peers to join through (`/ip4/…/tcp/…/p2p/…`).
    pub bootnodes: Vec<Multiaddr>,
    /// Validator or full node.
    pub role: Role,
    /// Bounds.
    pub limits: Limits,
}

impl P2pOptions {
    /// Listen on `listen`, no bootnodes, default bounds.
    #[must_use]
    pub fn new(listen: SocketAddr, role: Role) -> Self {
        Self {
            listen,
            bootnodes: Vec::new(),
            role,
            limits: Limits::default(),
        }
    }
}

/// A node's running network.
#[derive(Debug)]
pub struct NodeP2p {
    network: Arc<Network>,
    ctx: RpcContext,
    /// The highest height accepted from gossip (not announced again).
    gossiped: Arc<AtomicU64>,
}

/// `socket` as a TCP multiaddr.
#[must_use]
pub fn tcp_multiaddr(socket: SocketAddr) -> Multiaddr {
    use jifen_p2p::Protocol;
    let ip = match socket.ip() {
        std::net::IpAddr::V4(ip) => Protocol::Ip4(ip),
        std::net::IpAddr::V6(ip) => Protocol::Ip6(ip),
    };
    Multiaddr::empty()
        .with(ip)
        .with(Protocol::Tcp(socket.port()))
}

impl NodeP2p {
    /// Starts the network for the chain of `ctx`, with the identity kept
    /// under `data_dir/p2p`.
    ///
    /// # Errors
    /// [`P2pError`].
    pub fn start(ctx: &RpcContext, data_dir: &Path, options: P2pOptions) -> Result<Self, P2pError> {
        Self::start_with_wake(ctx, data_dir, options, None)
    }

    /// [`NodeP2p::start`]; `on_ahead` is called when a peer gossips a
    /// block above our tip (a full node wakes its follower).
    ///
    /// # Errors
    /// [`P2pError`].
    pub fn start_with_wake(
        ctx: &RpcContext,
        data_dir: &Path,
        options: P2pOptions,
        on_ahead: Option<Arc<dyn Fn() + Send + Sync>>,
    ) -> Result<Self, P2pError> {
        let keypair = jifen_p2p::identity::load_or_create(&data_dir.join("p2p"))?;
        let chain_id = ctx
            .chain
            .lock()
            .map(|chain| chain.chain_id().as_str().to_owned())
            .map_err(|_| P2pError::Runtime("chain lock poisoned".into()))?;
        let config = Config {
            chain_id,
            keypair,
            role: options.role,
            listen: vec![tcp_multiaddr(options.listen)],
            bootnodes: options.bootnodes,
            limits: options.limits,
            version: env!("CARGO_PKG_VERSION").to_owned(),
        };
        let serving = ctx.clone();
        let requests: RequestHandler = Arc::new(move |_peer, body: Vec<u8>, accepts_frame| {
            let accepts = Accepts {
                light_blocks_frame: accepts_frame,
            };
            match handle(&serving, &body, accepts) {
                Some(reply) => Reply {
                    frame: reply.content_type == LIGHT_BLOCKS_CONTENT_TYPE,
                    body: reply.body,
                },
                // A notification: no JSON-RPC answer, an empty one here.
                None => Reply {
                    frame: false,
                    body: Vec::new(),
                },
            }
        });
        let judging = Arc::clone(&ctx.chain);
        let gossiped = Arc::new(AtomicU64::new(0));
        let seen = Arc::clone(&gossiped);
        let blocks = Arc::new(move |_peer, bytes: &[u8]| {
            let acceptance = judge(&judging, bytes);
            if acceptance == Acceptance::Accept
                && let Some(height) = frame_height(bytes)
            {
                seen.fetch_max(height, Ordering::SeqCst);
            }
            if let Some(on_ahead) = &on_ahead {
                let tip = judging.lock().map(|chain| chain.height()).unwrap_or(0);
                if frame_height(bytes).is_some_and(|height| height > tip)
                    && !matches!(acceptance, Acceptance::Reject(_))
                {
                    on_ahead();
                }
            }
            acceptance
        });
        let network = Network::start(config, Some(requests), Some(blocks))?;
        Ok(Self {
            network: Arc::new(network),
            ctx: ctx.clone(),
            gossiped,
        })
    }

    /// The network.
    #[must_use]
    pub fn network(&self) -> &Arc<Network> {
        &self.network
    }

    /// The addresses others dial (`…/p2p/<peer id>`).
    #[must_use]
    pub fn listen_addrs(&self) -> Vec<Multiaddr> {
        self.network.listen_addrs()
    }

    /// Announces the stored block at `height` (as this node serves it: a
    /// node with a fault gossips its lie).
    pub fn announce(&self, height: u64) {
        let Some(frame) = block_frame(&self.ctx, height) else {
            return;
        };
        if self.network.publish_block(frame).is_err() {
            tracing::warn!(height, "p2p stopped; block not announced");
        }
    }

    /// Announces each block the chain stores from now on, by watching its
    /// height (a full node's imports), until `stop`; run on its own
    /// thread.
    pub fn announce_growth(&self, stop: &std::sync::atomic::AtomicBool) {
        let height = || {
            self.ctx
                .chain
                .lock()
                .map(|chain| chain.height())
                .unwrap_or(0)
        };
        let mut announced = height();
        while !stop.load(Ordering::SeqCst) {
            std::thread::sleep(std::time::Duration::from_millis(20));
            let now = height();
            // Only the newest few of a burst (a catch-up imports hundreds),
            // and none that came by gossip (gossipsub forwards those).
            let gossiped = self.gossiped.load(Ordering::SeqCst);
            for next in now.saturating_sub(4).max(announced + 1)..=now {
                if next > gossiped {
                    self.announce(next);
                }
            }
            announced = announced.max(now);
        }
    }

    /// Announces every height received on `heights` until it closes (run
    /// on its own thread).
    pub fn announce_from(&self, heights: &Receiver<u64>) {
        while let Ok(height) = heights.recv() {
            self.announce(height);
        }
    }
}

/// The one-block `JLB1` frame of the stored block at `height`, as `ctx`
/// serves it (`None` when there is no such block).
#[must_use]
pub fn block_frame(ctx: &RpcContext, height: u64) -> Option<Vec<u8>> {
    let chain = ctx.chain.lock().ok()?;
    match crate::rpc::light_block(ctx, &chain, height) {
        Ok(block) => Some(
            LightBlocksResult {
                light_blocks: vec![block],
            }
            .to_frame(height),
        ),
        Err(error) => {
            tracing::warn!(height, error = %error.message, "no frame for this block");
            None
        }
    }
}

/// The height a one-block frame announces, if it is one.
#[must_use]
pub fn frame_height(bytes: &[u8]) -> Option<u64> {
    let from = bytes.get(4..12)?;
    Some(u64::from_be_bytes(from.try_into().ok()?))
}

/// Whether a gossiped block may be forwarded: a one-block frame of our
/// chain that is either the block we hold at its height or the next block
/// extending our tip, in both cases with its own set and a commit of a
/// quorum of the set our chain names (forward), or ahead of us (not
/// forwarded, not punished: we cannot check it yet).
/// Anything else is rejected and its sender dropped.
#[must_use]
pub fn judge(chain: &Mutex<Chain>, bytes: &[u8]) -> Acceptance {
    let Some(height) = frame_height(bytes) else {
        return Acceptance::Reject("not a light-block frame".into());
    };
    let block = match LightBlocksResult::from_frame(bytes, height, height) {
        Ok(result) => match result.light_blocks.into_iter().next() {
            Some(block) => block,
            None => return Acceptance::Reject("an empty frame".into()),
        },
        Err(error) => return Acceptance::Reject(error.to_string()),
    };
    let Ok(chain) = chain.lock() else {
        return Acceptance::Ignore;
    };
    if block.header.chain_id != *chain.chain_id() {
        return Acceptance::Reject(format!("a block of chain {}", block.header.chain_id));
    }
    if block.header.height != height {
        return Acceptance::Reject("the frame's height is not its header's".into());
    }
    let tip = chain.height();
    if height > tip + 1 {
        return Acceptance::Ignore;
    }
    // The set that must have signed it: the one our chain names for a
    // block we hold, the next set for the next block.
    let set = if height <= tip {
        match chain.header(height) {
            Ok(Some(ours)) if ours.hash() == block.header.hash() => {}
            Ok(Some(_)) => return Acceptance::Reject(format!("conflicts with our block {height}")),
            _ => return Acceptance::Ignore,
        }
        match chain.validator_set(&block.header.validators_hash) {
            Ok(Some(set)) => set,
            _ => return Acceptance::Ignore,
        }
    } else {
        let parent = chain.tip().map(jifen_protocol::Header::hash);
        if block.header.previous_block_hash != parent {
            return Acceptance::Reject("does not extend our chain".into());
        }
        chain.next_validator_set().clone()
    };
    if block.header.validators_hash != set.hash() || block.validator_set.hash() != set.hash() {
        return Acceptance::Reject("not signed by the set our chain expects".into());
    }
    if let Err(error) = block.commit.check_for(&block.header) {
        return Acceptance::Reject(error.to_string());
    }
    match block.commit.tally(chain.chain_id(), &set) {
        Ok(tally) if tally.has_quorum() => Acceptance::Accept,
        Ok(_) => Acceptance::Reject("no quorum".into()),
        Err(error) => Acceptance::Reject(error.to_string()),
    }
}

/// Largest answer a full node reads from a source: 8 MiB (a block of
/// 10,000 transactions is under 4 MiB, `jifen_rpc_types::MAX_RESPONSE_BYTES`).
const SOURCE_ANSWER_BYTES: u32 = 8 << 20;

/// A node reached over P2P as a full node's block source: `jifen_status`,
/// `jifen_block` and `jifen_submitTx` over request-response.
#[derive(Debug)]
pub struct P2pSource {
    network: Arc<Network>,
    address: jifen_p2p::PeerAddress,
    next_id: AtomicU64,
}

impl P2pSource {
    /// The node at `address`, through `network`.
    #[must_use]
    pub fn new(network: Arc<Network>, address: jifen_p2p::PeerAddress) -> Self {
        Self {
            network,
            address,
            next_id: AtomicU64::new(1),
        }
    }

    fn call<C: Call>(&self, params: &C) -> Result<C::Output, SourceError> {
        let id = Id::from(self.next_id.fetch_add(1, Ordering::Relaxed));
        let body = serde_json::to_vec(&RpcRequest::call(id.clone(), params).to_json())
            .map_err(|error| SourceError::Transport(error.to_string()))?;
        let reply = self
            .network
            .request(
                self.address.peer,
                vec![self.address.address.clone()],
                jifen_p2p::Request {
                    body,
                    answer_limit: SOURCE_ANSWER_BYTES,
                    accepts_frame: false,
                },
                SOURCE_TIMEOUT,
            )
            .map_err(|error| SourceError::Transport(error.to_string()))?;
        let outcome = Response::parse(&reply.body)
            .and_then(|response| response.outcome_for(&id))
            .map_err(|error| SourceError::Transport(error.to_string()))?;
        match outcome {
            Ok(value) => Ok(C::Output::from_json(&value)?),
            Err(error) => Err(SourceError::Refused {
                name: error.name.unwrap_or_else(|| error.code.to_string()),
                message: error.message,
            }),
        }
    }
}

impl BlockSource for P2pSource {
    fn id(&self) -> String {
        self.address.to_string()
    }

    fn latest_height(&self) -> Result<u64, SourceError> {
        Ok(self.call(&StatusParams)?.latest_height)
    }

    fn block(&self, height: u64) -> Result<FullBlock, SourceError> {
        let block = self.call(&BlockParams {
            height: Some(height),
        })?;
        block_at(block, height)
    }

    fn submit_tx(&self, tx: &Transaction) -> Result<(), SourceError> {
        self.call(&SubmitTxParams { tx: tx.clone() }).map(|_| ())
    }
}
