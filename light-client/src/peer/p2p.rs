//! [`P2pPeer`]: a [`JsonRpcPeer`] whose requests travel over libp2p
//! (`jifen-p2p`, ADR 0022) instead of HTTP.
//!
//! The node answers a P2P request with its JSON-RPC dispatcher, so every
//! call, bound and check of [`JsonRpcPeer`] applies unchanged, and a lying
//! P2P peer fails the same checks with the same codes as a lying RPC peer.
//! The transport adds what libp2p gives: the peer is authenticated by its
//! peer id (Noise), an answer over the request's bound is refused from its
//! length ([`PeerError::ResponseTooLarge`]), every request has a deadline
//! ([`PeerError::Timeout`]).
//!
//! Many peers share one [`Network`] (one swarm per wallet session).

use std::sync::Arc;
use std::time::Duration;

use jifen_p2p::{Multiaddr, Network, PeerAddress, PeerId, Request, RequestError};

use super::PeerError;
use super::jsonrpc::{Answer, JsonRpcPeer, RpcOptions, Transport};

/// A node reached over JSON-RPC on libp2p.
pub type P2pPeer = JsonRpcPeer<P2pTransport>;

/// Requests to one peer through a shared [`Network`].
#[derive(Debug)]
pub struct P2pTransport {
    network: Arc<Network>,
    peer: PeerId,
    addresses: Vec<Multiaddr>,
    id: String,
    timeout: Duration,
}

impl JsonRpcPeer<P2pTransport> {
    /// A peer at `address`, reached through `network`. No request is made
    /// until the first call.
    #[must_use]
    pub fn over_p2p(network: Arc<Network>, address: &PeerAddress, options: RpcOptions) -> Self {
        Self::over(
            P2pTransport {
                network,
                peer: address.peer,
                addresses: vec![address.address.clone()],
                id: address.to_string(),
                timeout: options.timeout,
            },
            options,
        )
    }

    /// The peer's id.
    #[must_use]
    pub fn peer_id(&self) -> PeerId {
        self.transport().peer
    }
}

impl P2pTransport {
    fn error(&self, error: RequestError, limit: u64) -> PeerError {
        let unreachable = |message: String| PeerError::Unreachable {
            peer: self.id.clone(),
            message,
        };
        match error {
            RequestError::Timeout(_) => PeerError::Timeout {
                peer: self.id.clone(),
                timeout_ms: u64::try_from(self.timeout.as_millis()).unwrap_or(u64::MAX),
            },
            RequestError::TooLarge { .. } => PeerError::ResponseTooLarge { limit },
            RequestError::Invalid(reason) => PeerError::BadEnvelope { reason },
            other => unreachable(other.to_string()),
        }
    }
}

impl Transport for P2pTransport {
    fn id(&self) -> &str {
        &self.id
    }

    fn post(&self, body: Vec<u8>, limit: u64, frame: bool) -> Result<Answer, PeerError> {
        let bound = u32::try_from(limit).unwrap_or(u32::MAX);
        let reply = self
            .network
            .request(
                self.peer,
                self.addresses.clone(),
                Request {
                    body,
                    answer_limit: bound,
                    accepts_frame: frame,
                },
                self.timeout,
            )
            .map_err(|error| self.error(error, limit))?;
        if reply.frame && !frame {
            return Err(PeerError::BadEnvelope {
                reason: "a binary answer to a request that did not ask for one".to_owned(),
            });
        }
        Ok(Answer {
            bytes: reply.body,
            frame: reply.frame,
        })
    }
}
