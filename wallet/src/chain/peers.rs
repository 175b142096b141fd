//! The session's peers (ADR 0022): the endpoints in the settings, RPC URLs
//! and P2P peer addresses alike, plus nodes found over Kademlia.
//!
//! The first endpoint is the primary and the others are witnesses,
//! whatever their transport: the light client asks and checks an RPC peer
//! and a P2P peer the same way, and demotes either for the same lies.
//!
//! When the settings name at least one P2P peer, the session starts a
//! libp2p network with a fresh identity (a node cannot link two sessions
//! of one person by peer id), dials the P2P endpoints, draws a random
//! target and asks Kademlia for the nodes closest to it. Of the nodes
//! found it adds up to [`DISCOVERED_WITNESSES`] as witnesses, spread over
//! distinct K-buckets by XOR distance from that target
//! (`jifen_p2p::buckets::spread`), so no neighbourhood of the key space
//! and no fixed node is every wallet's choice. The configured endpoints are
//! always kept.

use std::sync::Arc;
use std::time::Duration;

use jifen_light_client::{P2pPeer, Peer, RpcOptions, RpcPeer};
use jifen_p2p::buckets::{bucket, spread};
use jifen_p2p::{Config, Network, PeerAddress, PeerId};

use super::error::ChainError;
use super::settings::{ChainSettings, Endpoint, MAX_ENDPOINTS};

/// Most witnesses found by discovery added to a session.
pub const DISCOVERED_WITNESSES: usize = 3;

/// How long discovery may take when a session opens.
pub const DISCOVERY_TIMEOUT: Duration = Duration::from_secs(3);

/// How a peer is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transport {
    /// JSON-RPC over HTTP(S).
    Rpc,
    /// JSON-RPC over a libp2p stream.
    P2p,
}

/// What the session knows of a peer besides what the light client reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerMeta {
    /// The peer's id as the light client reports it (URL or multiaddr).
    pub id: String,
    /// Its transport.
    pub transport: Transport,
    /// Its K-bucket from this session's target (P2P peers).
    pub bucket: Option<u32>,
    /// Found by discovery, not configured.
    pub discovered: bool,
}

/// The peers of a session and the network that carries the P2P ones.
pub struct SessionPeers {
    /// Primary first.
    pub peers: Vec<Box<dyn Peer>>,
    /// One per peer, in the same order.
    pub meta: Vec<PeerMeta>,
    /// The libp2p network, when any peer is P2P.
    pub network: Option<Arc<Network>>,
}

impl std::fmt::Debug for SessionPeers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionPeers")
            .field("meta", &self.meta)
            .finish_non_exhaustive()
    }
}

fn p2p_address(endpoint: &Endpoint) -> Option<&PeerAddress> {
    endpoint.peer_address()
}

/// Builds the peers of `endpoints` (see the module docs); discovery runs
/// here when a P2P endpoint is configured, bounded by
/// [`DISCOVERY_TIMEOUT`].
///
/// # Errors
/// [`ChainError`]: an endpoint that does not build, a network that does not
/// start.
pub fn connect(
    settings: &ChainSettings,
    endpoints: &[Endpoint],
) -> Result<SessionPeers, ChainError> {
    let mut configured_p2p = Vec::new();
    for endpoint in endpoints {
        if let Some(address) = p2p_address(endpoint) {
            configured_p2p.push(address.clone());
        }
    }
    let network = if configured_p2p.is_empty() {
        None
    } else {
        Some(Arc::new(start_network(settings, &configured_p2p)?))
    };
    let target = PeerId::random();
    let mut peers: Vec<Box<dyn Peer>> = Vec::new();
    let mut meta = Vec::new();
    for endpoint in endpoints {
        match (p2p_address(endpoint), &network) {
            (Some(address), Some(network)) => {
                meta.push(PeerMeta {
                    id: address.to_string(),
                    transport: Transport::P2p,
                    bucket: bucket(&target, &address.peer),
                    discovered: false,
                });
                peers.push(Box::new(P2pPeer::over_p2p(
                    Arc::clone(network),
                    address,
                    RpcOptions::default(),
                )));
            }
            _ => {
                let peer = RpcPeer::connect_trusting(
                    endpoint.as_str(),
                    RpcOptions::default(),
                    settings.trusted_certificates(),
                )?;
                meta.push(PeerMeta {
                    id: endpoint.as_str().to_owned(),
                    transport: Transport::Rpc,
                    bucket: None,
                    discovered: false,
                });
                peers.push(Box::new(peer));
            }
        }
    }
    if let Some(network) = &network {
        let room = MAX_ENDPOINTS
            .saturating_sub(peers.len())
            .min(DISCOVERED_WITNESSES);
        for address in discover(network, target, &configured_p2p, room) {
            meta.push(PeerMeta {
                id: address.to_string(),
                transport: Transport::P2p,
                bucket: bucket(&target, &address.peer),
                discovered: true,
            });
            peers.push(Box::new(P2pPeer::over_p2p(
                Arc::clone(network),
                &address,
                RpcOptions::default(),
            )));
        }
    }
    Ok(SessionPeers {
        peers,
        meta,
        network,
    })
}

fn start_network(
    settings: &ChainSettings,
    bootnodes: &[PeerAddress],
) -> Result<Network, ChainError> {
    let config = Config::wallet(
        settings.chain_id().as_str(),
        bootnodes.iter().map(|a| a.address.clone()).collect(),
        env!("CARGO_PKG_VERSION"),
    );
    Network::start(config, None, None).map_err(|error| ChainError::P2pStart {
        detail: error.to_string(),
    })
}

/// Up to `room` nodes found by a Kademlia lookup of `target`, spread over
/// K-buckets, none of them configured already.
fn discover(
    network: &Network,
    target: PeerId,
    configured: &[PeerAddress],
    room: usize,
) -> Vec<PeerAddress> {
    if room == 0 {
        return Vec::new();
    }
    let found = match network.closest_peers(target, DISCOVERY_TIMEOUT) {
        Ok(found) => found,
        Err(error) => {
            tracing::info!(%error, "p2p discovery found nothing");
            return Vec::new();
        }
    };
    let candidates: Vec<PeerAddress> = found
        .into_iter()
        .filter(|info| !configured.iter().any(|c| c.peer == info.id))
        .filter(|info| info.id != network.local_peer_id())
        .filter_map(|info| {
            // Kademlia's addresses may or may not end in the peer id.
            info.addresses.iter().find_map(|address| {
                let full = match address.iter().last() {
                    Some(jifen_p2p::Protocol::P2p(_)) => address.clone(),
                    _ => address.clone().with(jifen_p2p::Protocol::P2p(info.id)),
                };
                PeerAddress::parse(&full.to_string())
                    .ok()
                    .filter(|parsed| parsed.peer == info.id)
            })
        })
        .collect();
    let ids: Vec<PeerId> = candidates.iter().map(|c| c.peer).collect();
    spread(&target, &ids, room)
        .into_iter()
        .filter_map(|(peer, _)| candidates.iter().find(|c| c.peer == peer).cloned())
        .collect()
}
