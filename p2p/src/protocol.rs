//! The chain's protocols on libp2p and their bounds (`docs/p2p.md`).
//!
//! Every protocol name carries the chain id, so nodes of two chains that
//! meet never exchange a request or a block.

use std::time::Duration;

use libp2p::StreamProtocol;
use libp2p::gossipsub::IdentTopic;

/// The identify protocol's version string.
pub const IDENTIFY_PROTOCOL: &str = "/jifen/id/1";

/// The request-response protocol of `chain_id`: one JSON-RPC 2.0 request,
/// one answer (`docs/p2p.md#requests`).
///
/// # Errors
/// [`crate::P2pError::BadChainId`] when the chain id cannot be part of a
/// protocol name.
pub fn rpc_protocol(chain_id: &str) -> Result<StreamProtocol, crate::P2pError> {
    named(format!("/jifen/{chain_id}/rpc/1"), chain_id)
}

/// The Kademlia protocol of `chain_id`.
///
/// # Errors
/// As [`rpc_protocol`].
pub fn kad_protocol(chain_id: &str) -> Result<StreamProtocol, crate::P2pError> {
    named(format!("/jifen/{chain_id}/kad/1.0.0"), chain_id)
}

/// The gossipsub topic on which `chain_id`'s committed blocks are announced.
#[must_use]
pub fn blocks_topic(chain_id: &str) -> IdentTopic {
    IdentTopic::new(format!("jifen/{chain_id}/blocks/1"))
}

fn named(name: String, chain_id: &str) -> Result<StreamProtocol, crate::P2pError> {
    let plain = !chain_id.is_empty()
        && chain_id.len() <= 64
        && chain_id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.');
    if !plain {
        return Err(crate::P2pError::BadChainId {
            chain_id: chain_id.chars().take(80).collect(),
        });
    }
    StreamProtocol::try_from_owned(name).map_err(|_| crate::P2pError::BadChainId {
        chain_id: chain_id.to_owned(),
    })
}

/// What one peer may send and how long anything may take.
///
/// The defaults follow the JSON-RPC server's bounds (`docs/rpc.md#limits`)
/// and ADR 0022.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest request body (a JSON-RPC request): 256 KiB, as over HTTP.
    pub max_request_bytes: u32,
    /// Largest answer body: 8 MiB (the reference node's answers are at
    /// most 4 MiB).
    pub max_response_bytes: u32,
    /// Largest gossiped block: 1 MiB (a block of 1,000 validators'
    /// signatures and two sets is under 300 KB).
    pub max_gossip_bytes: usize,
    /// Time for a request and its whole answer.
    pub request_timeout: Duration,
    /// Requests in flight per connection, each way.
    pub max_streams: usize,
    /// Sustained requests per second one peer may make to a node.
    pub requests_per_second: u32,
    /// Burst above that rate.
    pub request_burst: u32,
    /// Established connections in all.
    pub max_connections: u32,
    /// Established connections with one peer.
    pub max_connections_per_peer: u32,
    /// How long an idle connection is kept.
    pub idle_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_request_bytes: 256 << 10,
            max_response_bytes: 8 << 20,
            max_gossip_bytes: 1 << 20,
            request_timeout: Duration::from_secs(20),
            max_streams: 32,
            requests_per_second: 100,
            request_burst: 400,
            max_connections: 512,
            max_connections_per_peer: 2,
            idle_timeout: Duration::from_secs(60),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_the_chain_id() {
        assert_eq!(
            rpc_protocol("jifen-devnet").unwrap().as_ref(),
            "/jifen/jifen-devnet/rpc/1"
        );
        assert_eq!(
            kad_protocol("jifen-devnet").unwrap().as_ref(),
            "/jifen/jifen-devnet/kad/1.0.0"
        );
        assert_eq!(
            blocks_topic("jifen-devnet").to_string(),
            "jifen/jifen-devnet/blocks/1"
        );
    }

    #[test]
    fn a_chain_id_that_cannot_name_a_protocol_is_refused() {
        for bad in ["", "a/b", "a b", &"x".repeat(65)] {
            assert!(rpc_protocol(bad).is_err(), "{bad:?}");
        }
    }
}
