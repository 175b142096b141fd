//! [`Network`]: one libp2p swarm on its own thread, driven through a
//! blocking handle.
//!
//! The swarm runs TCP + Noise + Yamux with five behaviours: connection
//! limits, identify, Kademlia (server mode on nodes, client mode on
//! wallets), gossipsub (the chain's blocks topic) and request-response
//! (one JSON-RPC request, one answer, [`crate::codec`]). The handle's
//! calls are plain blocking functions with deadlines, usable from any
//! thread that is not itself running an async executor.
//!
//! What a peer cannot do to it (`docs/p2p.md#limits`):
//! - send more than [`Limits::max_request_bytes`] in a request, or an
//!   answer over the bound its request set: the stream fails and the peer
//!   is disconnected, with the reason logged;
//! - ask faster than [`Limits::requests_per_second`] (with a burst of
//!   [`Limits::request_burst`]): the request is dropped and the peer
//!   disconnected;
//! - gossip a block over [`Limits::max_gossip_bytes`] (gossipsub refuses
//!   it) or one the node's validator rejects: the peer is disconnected;
//! - hold a caller: every request has a deadline
//!   ([`Limits::request_timeout`]);
//! - open connections without bound ([`Limits::max_connections`],
//!   [`Limits::max_connections_per_peer`]).

use std::collections::HashMap;
use std::sync::mpsc as std_mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures::StreamExt;
use libp2p::gossipsub::{self, MessageAcceptance, MessageAuthenticity, MessageId, ValidationMode};
use libp2p::identity::Keypair;
use libp2p::kad::{self, store::MemoryStore};
use libp2p::multiaddr::Protocol;
use libp2p::request_response::{self, OutboundRequestId, ProtocolSupport, ResponseChannel};
use libp2p::swarm::{NetworkBehaviour, SwarmEvent};
use libp2p::{Multiaddr, PeerId, Swarm, connection_limits, identify, noise, tcp, yamux};
use tokio::sync::mpsc;

use crate::P2pError;
use crate::codec::{CodecError, Inbound, Reply, Request, RpcCodec};
use crate::protocol::{IDENTIFY_PROTOCOL, Limits, blocks_topic, kad_protocol, rpc_protocol};

/// What this process is on the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A node that produces blocks.
    Validator,
    /// A node that verifies and serves blocks.
    Full,
    /// A light client: asks, never serves; a Kademlia client.
    Wallet,
}

impl Role {
    /// The role's name in an identify agent string.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Validator => "validator",
            Self::Full => "full",
            Self::Wallet => "wallet",
        }
    }

    /// The role a peer's identify agent string names (`jifen-node/0.1.0
    /// (full)`), if any.
    #[must_use]
    pub fn of_agent(agent: &str) -> Option<Self> {
        let inner = agent.rsplit_once('(')?.1.strip_suffix(')')?;
        match inner {
            "validator" => Some(Self::Validator),
            "full" => Some(Self::Full),
            "wallet" => Some(Self::Wallet),
            _ => None,
        }
    }
}

/// How to start a [`Network`].
#[derive(Clone)]
pub struct Config {
    /// The chain (part of every protocol name).
    pub chain_id: String,
    /// The identity (a node's persisted one, a wallet's fresh one).
    pub keypair: Keypair,
    /// What this process is.
    pub role: Role,
    /// Addresses to listen on (none for a wallet).
    pub listen: Vec<Multiaddr>,
    /// Peers to join through, each ending in `/p2p/<peer id>`.
    pub bootnodes: Vec<Multiaddr>,
    /// Bounds.
    pub limits: Limits,
    /// The software's version, for the identify agent string.
    pub version: String,
}

impl Config {
    /// A wallet's configuration for `chain_id`: a fresh identity (nothing
    /// links two sessions), no listener, joining through `bootnodes`,
    /// default bounds.
    #[must_use]
    pub fn wallet(chain_id: &str, bootnodes: Vec<Multiaddr>, version: &str) -> Self {
        Self {
            chain_id: chain_id.to_owned(),
            keypair: crate::identity::fresh(),
            role: Role::Wallet,
            listen: Vec::new(),
            bootnodes,
            limits: Limits::default(),
            version: version.to_owned(),
        }
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("chain_id", &self.chain_id)
            .field("peer_id", &self.keypair.public().to_peer_id())
            .field("role", &self.role)
            .field("listen", &self.listen)
            .field("bootnodes", &self.bootnodes)
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

/// Answers requests (a node's JSON-RPC dispatcher): the asker, the body,
/// whether a binary light-block range may be the answer. Runs on a
/// blocking thread.
pub type RequestHandler = Arc<dyn Fn(PeerId, Vec<u8>, bool) -> Reply + Send + Sync>;

/// Judges a gossiped block before it is forwarded. Runs on a blocking
/// thread.
pub type BlockValidator = Arc<dyn Fn(PeerId, &[u8]) -> Acceptance + Send + Sync>;

/// A validator's verdict on a gossiped block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Acceptance {
    /// Valid: forward it and hand it to subscribers.
    Accept,
    /// Not wanted (old, already known): neither forward nor punish.
    Ignore,
    /// Invalid: drop it and disconnect the peer that sent it.
    Reject(String),
}

/// A block as gossiped (untrusted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GossipBlock {
    /// The peer it came from.
    pub source: PeerId,
    /// A one-block `JLB1` frame.
    pub bytes: Vec<u8>,
    /// When it arrived.
    pub received: Instant,
}

/// A peer the network knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerInfo {
    /// Its id.
    pub id: PeerId,
    /// Addresses it listens on (from identify or Kademlia).
    pub addresses: Vec<Multiaddr>,
    /// Its identify agent string, once known.
    pub agent: Option<String>,
    /// Whether a connection is open now.
    pub connected: bool,
}

/// Why a request got no answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RequestError {
    /// No answer within the deadline.
    #[error("no answer within {0:?}")]
    Timeout(Duration),
    /// The peer could not be reached, or the connection closed.
    #[error("unreachable: {0}")]
    Unreachable(String),
    /// The peer does not speak this chain's request protocol.
    #[error("the peer does not serve this chain's requests")]
    Unsupported,
    /// The answer is larger than the request's bound.
    #[error("the answer is over the bound of {limit} bytes")]
    TooLarge {
        /// The bound.
        limit: u32,
    },
    /// The answer broke the codec (unknown kind, cut short).
    #[error("invalid answer: {0}")]
    Invalid(String),
    /// The peer dropped the request without answering (a wallet, or a node
    /// that refused it).
    #[error("the peer did not answer")]
    NoAnswer,
    /// The network has stopped.
    #[error("the network has stopped")]
    Stopped,
}

#[derive(NetworkBehaviour)]
struct Behaviour {
    limits: connection_limits::Behaviour,
    identify: identify::Behaviour,
    kad: kad::Behaviour<MemoryStore>,
    gossipsub: gossipsub::Behaviour,
    rpc: request_response::Behaviour<RpcCodec>,
}

type Answer<T> = std_mpsc::SyncSender<T>;

enum Command {
    Dial(Multiaddr),
    Request {
        peer: PeerId,
        addresses: Vec<Multiaddr>,
        request: Request,
        reply: Answer<Result<Reply, RequestError>>,
    },
    Respond {
        channel: ResponseChannel<Reply>,
        reply: Reply,
    },
    Publish(Vec<u8>),
    Validated {
        id: MessageId,
        source: PeerId,
        bytes: Vec<u8>,
        received: Instant,
        acceptance: Acceptance,
    },
    ClosestPeers {
        target: PeerId,
        reply: Answer<Vec<PeerInfo>>,
    },
    Peers(Answer<Vec<PeerInfo>>),
    Subscribe(std_mpsc::SyncSender<GossipBlock>),
    Shutdown,
}

/// A running swarm. Dropping it stops the swarm and joins its thread.
pub struct Network {
    local: PeerId,
    commands: mpsc::UnboundedSender<Command>,
    listening: Arc<Mutex<Vec<Multiaddr>>>,
    request_timeout: Duration,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl std::fmt::Debug for Network {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Network")
            .field("local", &self.local)
            .field("listening", &self.listening)
            .finish_non_exhaustive()
    }
}

/// Blocks that may wait for one subscriber ([`Network::subscribe_blocks`]);
/// each is at most [`Limits::max_gossip_bytes`].
pub const SUBSCRIBER_QUEUE: usize = 64;

/// How long [`Network::start`] waits for the listeners to be bound.
const LISTEN_WAIT: Duration = Duration::from_secs(5);

impl Network {
    /// Starts the swarm on its own thread: listens, dials the bootnodes,
    /// subscribes to the blocks topic. `requests` answers requests (nodes);
    /// `blocks` judges gossiped blocks before they are forwarded (nodes;
    /// without one, blocks are handed to subscribers and not forwarded: a
    /// wallet is a leaf).
    ///
    /// Returns once every listener is bound (or after 5 s).
    ///
    /// # Errors
    /// [`P2pError`]: a bad chain id, a listener that cannot bind, a
    /// transport that cannot be built.
    pub fn start(
        config: Config,
        requests: Option<RequestHandler>,
        blocks: Option<BlockValidator>,
    ) -> Result<Self, P2pError> {
        let local = config.keypair.public().to_peer_id();
        let (commands, receiver) = mpsc::unbounded_channel();
        let listening = Arc::new(Mutex::new(Vec::new()));
        let (started, started_rx) = std_mpsc::sync_channel(1);
        let shared = Arc::clone(&listening);
        let request_timeout = config.limits.request_timeout;
        let loopback = commands.clone();
        let thread = std::thread::Builder::new()
            .name(format!("p2p-{}", config.role.as_str()))
            .spawn(move || {
                let runtime = match tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    Ok(runtime) => runtime,
                    Err(error) => {
                        let _ = started.send(Err(P2pError::Runtime(error.to_string())));
                        return;
                    }
                };
                runtime.block_on(async move {
                    let mut driver = match Driver::new(config, requests, blocks, shared, loopback) {
                        Ok(driver) => driver,
                        Err(error) => {
                            let _ = started.send(Err(error));
                            return;
                        }
                    };
                    let _ = started.send(Ok(driver.expected_listeners));
                    driver.run(receiver).await;
                });
            })
            .map_err(|error| P2pError::Runtime(error.to_string()))?;
        let expected = started_rx
            .recv()
            .map_err(|_| P2pError::Runtime("the network thread ended at start".into()))??;
        let network = Self {
            local,
            commands,
            listening,
            request_timeout,
            thread: Some(thread),
        };
        let deadline = Instant::now() + LISTEN_WAIT;
        while network.listen_addrs().len() < expected && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        Ok(network)
    }

    /// This process's peer id.
    #[must_use]
    pub const fn local_peer_id(&self) -> PeerId {
        self.local
    }

    /// The addresses it listens on, each ending in `/p2p/<peer id>` (what
    /// another process dials).
    #[must_use]
    pub fn listen_addrs(&self) -> Vec<Multiaddr> {
        self.listening
            .lock()
            .map(|addrs| addrs.clone())
            .unwrap_or_default()
    }

    fn send(&self, command: Command) -> Result<(), RequestError> {
        self.commands
            .send(command)
            .map_err(|_| RequestError::Stopped)
    }

    /// Dials `address` (ending in `/p2p/<peer id>`).
    ///
    /// # Errors
    /// [`RequestError::Stopped`].
    pub fn dial(&self, address: Multiaddr) -> Result<(), RequestError> {
        self.send(Command::Dial(address))
    }

    /// Sends `request` to `peer` (dialing `addresses` if not connected) and
    /// waits for the answer, at most `request.answer_limit` bytes, within
    /// `timeout` (at most the network's request timeout).
    ///
    /// # Errors
    /// [`RequestError`].
    pub fn request(
        &self,
        peer: PeerId,
        addresses: Vec<Multiaddr>,
        request: Request,
        timeout: Duration,
    ) -> Result<Reply, RequestError> {
        let (reply, answer) = std_mpsc::sync_channel(1);
        self.send(Command::Request {
            peer,
            addresses,
            request,
            reply,
        })?;
        let wait = timeout.min(self.request_timeout);
        match answer.recv_timeout(wait) {
            Ok(result) => result,
            Err(std_mpsc::RecvTimeoutError::Timeout) => Err(RequestError::Timeout(wait)),
            Err(std_mpsc::RecvTimeoutError::Disconnected) => Err(RequestError::Stopped),
        }
    }

    /// Announces a block (a one-block `JLB1` frame) on the blocks topic.
    ///
    /// # Errors
    /// [`RequestError::Stopped`].
    pub fn publish_block(&self, bytes: Vec<u8>) -> Result<(), RequestError> {
        self.send(Command::Publish(bytes))
    }

    /// Blocks gossiped from now on (accepted by the validator, or all of
    /// them without one).
    ///
    /// # Errors
    /// [`RequestError::Stopped`].
    ///
    /// At most [`SUBSCRIBER_QUEUE`] blocks wait for the receiver; past that,
    /// blocks are dropped for it until it reads (a peer that floods gossip
    /// cannot fill memory while nobody reads, e.g. a wallet session that is
    /// not following).
    pub fn subscribe_blocks(&self) -> Result<std_mpsc::Receiver<GossipBlock>, RequestError> {
        let (sender, receiver) = std_mpsc::sync_channel(SUBSCRIBER_QUEUE);
        self.send(Command::Subscribe(sender))?;
        Ok(receiver)
    }

    /// The peers closest to `target` by XOR distance, by a Kademlia lookup
    /// through the peers known so far (within `timeout`).
    ///
    /// # Errors
    /// [`RequestError::Timeout`], [`RequestError::Stopped`].
    pub fn closest_peers(
        &self,
        target: PeerId,
        timeout: Duration,
    ) -> Result<Vec<PeerInfo>, RequestError> {
        let (reply, answer) = std_mpsc::sync_channel(1);
        self.send(Command::ClosestPeers { target, reply })?;
        answer.recv_timeout(timeout).map_err(|error| match error {
            std_mpsc::RecvTimeoutError::Timeout => RequestError::Timeout(timeout),
            std_mpsc::RecvTimeoutError::Disconnected => RequestError::Stopped,
        })
    }

    /// The peers known now.
    ///
    /// # Errors
    /// [`RequestError::Stopped`].
    pub fn peers(&self) -> Result<Vec<PeerInfo>, RequestError> {
        let (reply, answer) = std_mpsc::sync_channel(1);
        self.send(Command::Peers(reply))?;
        answer
            .recv_timeout(Duration::from_secs(5))
            .map_err(|_| RequestError::Stopped)
    }
}

impl Drop for Network {
    fn drop(&mut self) {
        let _ = self.commands.send(Command::Shutdown);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Peers whose request rate is remembered before full buckets are
/// forgotten.
const MAX_RATE_ENTRIES: usize = 4096;

/// A token bucket: `rate` per second, up to `burst`.
#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

struct Driver {
    swarm: Swarm<Behaviour>,
    role: Role,
    limits: Limits,
    requests: Option<RequestHandler>,
    blocks: Option<BlockValidator>,
    loopback: mpsc::UnboundedSender<Command>,
    listening: Arc<Mutex<Vec<Multiaddr>>>,
    expected_listeners: usize,
    topic: gossipsub::IdentTopic,
    pending: HashMap<OutboundRequestId, Answer<Result<Reply, RequestError>>>,
    queries: HashMap<kad::QueryId, Answer<Vec<PeerInfo>>>,
    subscribers: Vec<std_mpsc::SyncSender<GossipBlock>>,
    known: HashMap<PeerId, PeerInfo>,
    rates: HashMap<PeerId, Bucket>,
}

fn build_swarm(config: &Config) -> Result<Swarm<Behaviour>, P2pError> {
    let rpc = rpc_protocol(&config.chain_id)?;
    let kad_name = kad_protocol(&config.chain_id)?;
    let limits = config.limits;
    let agent = match config.role {
        Role::Wallet => format!("jifen-wallet/{} (wallet)", config.version),
        role => format!("jifen-node/{} ({})", config.version, role.as_str()),
    };
    let role = config.role;
    let swarm = libp2p::SwarmBuilder::with_existing_identity(config.keypair.clone())
        .with_tokio()
        .with_tcp(
            tcp::Config::default().nodelay(true),
            noise::Config::new,
            yamux::Config::default,
        )
        .map_err(|error| P2pError::Transport(error.to_string()))?
        .with_behaviour(|key| {
            let local = key.public().to_peer_id();
            let mut kad_config = kad::Config::new(kad_name);
            kad_config.set_query_timeout(Duration::from_secs(10));
            let mut kad = kad::Behaviour::with_config(local, MemoryStore::new(local), kad_config);
            kad.set_mode(Some(if role == Role::Wallet {
                kad::Mode::Client
            } else {
                kad::Mode::Server
            }));
            let gossip_config = gossipsub::ConfigBuilder::default()
                .max_transmit_size(limits.max_gossip_bytes)
                .validation_mode(ValidationMode::Strict)
                .validate_messages()
                .heartbeat_interval(Duration::from_millis(500))
                .message_id_fn(|message: &gossipsub::Message| {
                    MessageId::from(crate::content_id(&message.data))
                })
                .build()
                .map_err(|error| P2pError::Transport(error.to_string()))?;
            let gossipsub =
                gossipsub::Behaviour::new(MessageAuthenticity::Signed(key.clone()), gossip_config)
                    .map_err(|error| P2pError::Transport(error.to_owned()))?;
            let rpc = request_response::Behaviour::with_codec(
                RpcCodec::new(limits.max_request_bytes, limits.max_response_bytes),
                [(
                    rpc,
                    if role == Role::Wallet {
                        ProtocolSupport::Outbound
                    } else {
                        ProtocolSupport::Full
                    },
                )],
                request_response::Config::default()
                    .with_request_timeout(limits.request_timeout)
                    .with_max_concurrent_streams(limits.max_streams),
            );
            let identify = identify::Behaviour::new(
                identify::Config::new(IDENTIFY_PROTOCOL.to_owned(), key.public())
                    .with_agent_version(agent.clone()),
            );
            let limits = connection_limits::Behaviour::new(
                connection_limits::ConnectionLimits::default()
                    .with_max_established(Some(limits.max_connections))
                    .with_max_established_per_peer(Some(limits.max_connections_per_peer)),
            );
            Ok::<_, Box<dyn std::error::Error + Send + Sync>>(Behaviour {
                limits,
                identify,
                kad,
                gossipsub,
                rpc,
            })
        })
        .map_err(|error| P2pError::Transport(error.to_string()))?
        .with_swarm_config(|c| c.with_idle_connection_timeout(limits.idle_timeout))
        .build();
    Ok(swarm)
}

impl Driver {
    fn new(
        config: Config,
        requests: Option<RequestHandler>,
        blocks: Option<BlockValidator>,
        listening: Arc<Mutex<Vec<Multiaddr>>>,
        loopback: mpsc::UnboundedSender<Command>,
    ) -> Result<Self, P2pError> {
        let mut swarm = build_swarm(&config)?;
        let topic = blocks_topic(&config.chain_id);
        swarm
            .behaviour_mut()
            .gossipsub
            .subscribe(&topic)
            .map_err(|error| P2pError::Transport(error.to_string()))?;
        for address in &config.listen {
            swarm
                .listen_on(address.clone())
                .map_err(|error| P2pError::Listen {
                    address: address.to_string(),
                    reason: error.to_string(),
                })?;
        }
        for address in &config.bootnodes {
            if let Some(peer) = crate::address::peer_of(address) {
                swarm
                    .behaviour_mut()
                    .kad
                    .add_address(&peer, without_peer(address));
            }
            if let Err(error) = swarm.dial(address.clone()) {
                tracing::warn!(%address, %error, "cannot dial bootnode");
            }
        }
        Ok(Self {
            swarm,
            role: config.role,
            limits: config.limits,
            requests,
            blocks,
            loopback,
            listening,
            expected_listeners: config.listen.len(),
            topic,
            pending: HashMap::new(),
            queries: HashMap::new(),
            subscribers: Vec::new(),
            known: HashMap::new(),
            rates: HashMap::new(),
        })
    }

    async fn run(&mut self, mut commands: mpsc::UnboundedReceiver<Command>) {
        loop {
            tokio::select! {
                command = commands.recv() => match command {
                    None | Some(Command::Shutdown) => break,
                    Some(command) => self.command(command),
                },
                event = self.swarm.select_next_some() => self.event(event),
            }
        }
    }

    fn drop_peer(&mut self, peer: PeerId, reason: &str) {
        tracing::warn!(%peer, reason, "dropping peer");
        let _ = self.swarm.disconnect_peer_id(peer);
    }

    fn command(&mut self, command: Command) {
        match command {
            Command::Dial(address) => {
                if let Some(peer) = crate::address::peer_of(&address) {
                    self.swarm
                        .behaviour_mut()
                        .kad
                        .add_address(&peer, without_peer(&address));
                }
                if let Err(error) = self.swarm.dial(address.clone()) {
                    tracing::debug!(%address, %error, "dial failed");
                }
            }
            Command::Request {
                peer,
                addresses,
                request,
                reply,
            } => {
                let id = self.swarm.behaviour_mut().rpc.send_request_with_addresses(
                    &peer,
                    Inbound::Request(request),
                    addresses.iter().map(without_peer).collect(),
                );
                self.pending.insert(id, reply);
            }
            Command::Respond { channel, reply } => {
                // The peer may have gone: nothing to do then.
                let _ = self.swarm.behaviour_mut().rpc.send_response(channel, reply);
            }
            Command::Publish(bytes) => {
                let topic = self.topic.clone();
                if let Err(error) = self.swarm.behaviour_mut().gossipsub.publish(topic, bytes) {
                    // No peer subscribed yet (a lone node) is normal.
                    tracing::debug!(%error, "block not gossiped");
                }
            }
            Command::Validated {
                id,
                source,
                bytes,
                received,
                acceptance,
            } => {
                let verdict = match &acceptance {
                    Acceptance::Accept => MessageAcceptance::Accept,
                    Acceptance::Ignore => MessageAcceptance::Ignore,
                    Acceptance::Reject(_) => MessageAcceptance::Reject,
                };
                self.swarm
                    .behaviour_mut()
                    .gossipsub
                    .report_message_validation_result(&id, &source, verdict);
                match acceptance {
                    Acceptance::Accept => self.deliver(GossipBlock {
                        source,
                        bytes,
                        received,
                    }),
                    Acceptance::Ignore => {}
                    Acceptance::Reject(reason) => {
                        self.drop_peer(source, &format!("gossiped an invalid block: {reason}"));
                    }
                }
            }
            Command::ClosestPeers { target, reply } => {
                let id = self.swarm.behaviour_mut().kad.get_closest_peers(target);
                self.queries.insert(id, reply);
            }
            Command::Peers(reply) => {
                let mut peers: Vec<PeerInfo> = self.known.values().cloned().collect();
                for bucket in self.swarm.behaviour_mut().kad.kbuckets() {
                    for entry in bucket.iter() {
                        let id = *entry.node.key.preimage();
                        if !peers.iter().any(|p| p.id == id) {
                            peers.push(PeerInfo {
                                id,
                                addresses: entry.node.value.iter().cloned().collect(),
                                agent: None,
                                connected: false,
                            });
                        }
                    }
                }
                let _ = reply.try_send(peers);
            }
            Command::Subscribe(sender) => self.subscribers.push(sender),
            Command::Shutdown => {}
        }
    }

    fn deliver(&mut self, block: GossipBlock) {
        self.subscribers
            .retain(|subscriber| match subscriber.try_send(block.clone()) {
                Ok(()) => true,
                // Not read yet: this block is dropped for it.
                Err(std_mpsc::TrySendError::Full(_)) => {
                    tracing::debug!("a block subscriber is full: block dropped");
                    true
                }
                Err(std_mpsc::TrySendError::Disconnected(_)) => false,
            });
    }

    /// Takes one token from `peer`'s bucket; false when it is empty.
    fn admit(&mut self, peer: PeerId) -> bool {
        let now = Instant::now();
        let rate = f64::from(self.limits.requests_per_second);
        let burst = f64::from(self.limits.request_burst);
        // Bounded memory: past this many peers remembered, forget those
        // whose bucket has refilled (they are owed nothing).
        if self.rates.len() > MAX_RATE_ENTRIES {
            self.rates.retain(|_, bucket| {
                bucket.tokens + now.duration_since(bucket.at).as_secs_f64() * rate < burst
            });
        }
        let bucket = self.rates.entry(peer).or_insert(Bucket {
            tokens: burst,
            at: now,
        });
        let refill = now.duration_since(bucket.at).as_secs_f64() * rate;
        bucket.tokens = (bucket.tokens + refill).min(burst);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }

    fn event(&mut self, event: SwarmEvent<BehaviourEvent>) {
        match event {
            SwarmEvent::NewListenAddr { address, .. } => {
                let local = *self.swarm.local_peer_id();
                let full = address.with(Protocol::P2p(local));
                tracing::info!(address = %full, "p2p listening");
                if let Ok(mut addrs) = self.listening.lock() {
                    addrs.push(full);
                }
            }
            SwarmEvent::ConnectionEstablished {
                peer_id, endpoint, ..
            } => {
                let entry = self.known.entry(peer_id).or_insert_with(|| PeerInfo {
                    id: peer_id,
                    addresses: Vec::new(),
                    agent: None,
                    connected: true,
                });
                entry.connected = true;
                if endpoint.is_dialer() {
                    let address = endpoint.get_remote_address().clone();
                    if !entry.addresses.contains(&address) {
                        entry.addresses.push(address);
                    }
                }
            }
            SwarmEvent::ConnectionClosed {
                peer_id,
                num_established: 0,
                ..
            } => {
                if let Some(entry) = self.known.get_mut(&peer_id) {
                    entry.connected = false;
                }
                // The peer's rate bucket is kept: reconnecting does not
                // refill it (`admit` forgets buckets that are full again).
            }
            SwarmEvent::Behaviour(event) => self.behaviour(event),
            _ => {}
        }
    }

    fn behaviour(&mut self, event: BehaviourEvent) {
        match event {
            BehaviourEvent::Identify(identify::Event::Received { peer_id, info, .. }) => {
                let serves = self.role != Role::Wallet
                    || Role::of_agent(&info.agent_version).is_some_and(|role| role != Role::Wallet);
                let entry = self.known.entry(peer_id).or_insert_with(|| PeerInfo {
                    id: peer_id,
                    addresses: Vec::new(),
                    agent: None,
                    connected: true,
                });
                entry.agent = Some(info.agent_version.chars().take(100).collect());
                // Another node (not a wallet) goes into the routing table,
                // at the addresses it listens on (at most 8 kept).
                if serves && Role::of_agent(&info.agent_version) != Some(Role::Wallet) {
                    for address in info.listen_addrs.into_iter().take(8) {
                        if !entry.addresses.contains(&address) {
                            entry.addresses.push(address.clone());
                        }
                        self.swarm
                            .behaviour_mut()
                            .kad
                            .add_address(&peer_id, address);
                    }
                }
            }
            BehaviourEvent::Kad(kad::Event::OutboundQueryProgressed {
                id,
                result: kad::QueryResult::GetClosestPeers(result),
                step,
                ..
            }) => {
                let peers = match result {
                    Ok(ok) => ok.peers,
                    Err(kad::GetClosestPeersError::Timeout { peers, .. }) => peers,
                };
                if step.last
                    && let Some(reply) = self.queries.remove(&id)
                {
                    let _ = reply.try_send(
                        peers
                            .into_iter()
                            .map(|peer| PeerInfo {
                                id: peer.peer_id,
                                addresses: peer.addrs,
                                agent: None,
                                connected: false,
                            })
                            .collect(),
                    );
                }
            }
            BehaviourEvent::Gossipsub(gossipsub::Event::Message {
                propagation_source,
                message_id,
                message,
            }) => {
                let received = Instant::now();
                match &self.blocks {
                    Some(validator) => {
                        let validator = Arc::clone(validator);
                        let loopback = self.loopback.clone();
                        tokio::task::spawn_blocking(move || {
                            let acceptance = validator(propagation_source, &message.data);
                            let _ = loopback.send(Command::Validated {
                                id: message_id,
                                source: propagation_source,
                                bytes: message.data,
                                received,
                                acceptance,
                            });
                        });
                    }
                    None => {
                        // A wallet: hand it over, do not forward it.
                        self.swarm
                            .behaviour_mut()
                            .gossipsub
                            .report_message_validation_result(
                                &message_id,
                                &propagation_source,
                                MessageAcceptance::Ignore,
                            );
                        self.deliver(GossipBlock {
                            source: propagation_source,
                            bytes: message.data,
                            received,
                        });
                    }
                }
            }
            BehaviourEvent::Rpc(event) => self.rpc(event),
            _ => {}
        }
    }

    fn rpc(&mut self, event: request_response::Event<Inbound, Reply>) {
        match event {
            request_response::Event::Message { peer, message, .. } => match message {
                request_response::Message::Request {
                    request, channel, ..
                } => {
                    let request = match request {
                        Inbound::Request(request) => request,
                        Inbound::Refused(error) => {
                            self.drop_peer(peer, &format!("invalid request: {error}"));
                            return;
                        }
                    };
                    let Some(handler) = self.requests.clone() else {
                        // A wallet serves nothing: dropping the channel
                        // tells the asker.
                        return;
                    };
                    if !self.admit(peer) {
                        self.drop_peer(peer, "more requests than the rate allows");
                        return;
                    }
                    let loopback = self.loopback.clone();
                    tokio::task::spawn_blocking(move || {
                        let reply = handler(peer, request.body, request.accepts_frame);
                        let _ = loopback.send(Command::Respond { channel, reply });
                    });
                }
                request_response::Message::Response {
                    request_id,
                    response,
                } => {
                    if let Some(reply) = self.pending.remove(&request_id) {
                        let _ = reply.try_send(Ok(response));
                    }
                }
            },
            request_response::Event::OutboundFailure {
                peer,
                request_id,
                error,
                ..
            } => {
                let error = match error {
                    request_response::OutboundFailure::Timeout => {
                        RequestError::Timeout(self.limits.request_timeout)
                    }
                    request_response::OutboundFailure::UnsupportedProtocols => {
                        RequestError::Unsupported
                    }
                    request_response::OutboundFailure::DialFailure => {
                        RequestError::Unreachable("the peer could not be dialed".into())
                    }
                    request_response::OutboundFailure::ConnectionClosed => RequestError::NoAnswer,
                    request_response::OutboundFailure::Io(error)
                        if error.kind() == std::io::ErrorKind::InvalidData =>
                    {
                        let reason = error.to_string();
                        self.drop_peer(peer, &format!("invalid answer: {reason}"));
                        match CodecError::of(&error) {
                            Some(CodecError::TooLarge { limit, .. }) => {
                                RequestError::TooLarge { limit: *limit }
                            }
                            _ => RequestError::Invalid(reason),
                        }
                    }
                    request_response::OutboundFailure::Io(error)
                        if error.kind() == std::io::ErrorKind::UnexpectedEof =>
                    {
                        RequestError::NoAnswer
                    }
                    request_response::OutboundFailure::Io(error) => {
                        RequestError::Unreachable(error.to_string())
                    }
                };
                if let Some(reply) = self.pending.remove(&request_id) {
                    let _ = reply.try_send(Err(error));
                }
            }
            request_response::Event::InboundFailure {
                peer,
                error: request_response::InboundFailure::Io(error),
                ..
            } if error.kind() == std::io::ErrorKind::InvalidData => {
                self.drop_peer(peer, &format!("invalid request: {error}"));
            }
            request_response::Event::InboundFailure { .. } => {}
            request_response::Event::ResponseSent { .. } => {}
        }
    }
}

/// `address` without its trailing `/p2p/<id>`.
fn without_peer(address: &Multiaddr) -> Multiaddr {
    address
        .iter()
        .filter(|protocol| !matches!(protocol, Protocol::P2p(_)))
        .collect()
}
