//! The Jifen peer-to-peer transport on rust-libp2p (ADR 0022,
//! `docs/p2p.md`).
//!
//! | module | holds |
//! |---|---|
//! | [`protocol`] | the chain's protocol names and topic, the bounds |
//! | [`codec`] | request-response frames: a JSON-RPC request, an answer |
//! | [`network`] | [`Network`]: the swarm on its own thread, a blocking handle |
//! | [`identity`] | a node's persisted key |
//! | [`address`] | peer addresses as people type them |
//! | [`buckets`] | peer choice spread over K-buckets by XOR distance |
//!
//! This crate moves bytes: what they mean is the node's and the light
//! client's business. Requests carry the node's JSON-RPC 2.0 (the same
//! methods, errors and limits as over HTTP); blocks are gossiped as
//! one-block `JLB1` frames (`docs/rpc.md#binary-light-block-ranges`).

pub mod address;
pub mod buckets;
pub mod codec;
pub mod identity;
pub mod network;
pub mod protocol;

pub use address::{AddressError, PeerAddress};
pub use codec::{CodecError, Inbound, Reply, Request};
pub use libp2p::multiaddr::Protocol;
pub use libp2p::{Multiaddr, PeerId};
pub use network::{
    Acceptance, BlockValidator, Config, GossipBlock, Network, PeerInfo, RequestError,
    RequestHandler, Role, SUBSCRIBER_QUEUE,
};
pub use protocol::Limits;

/// Why the network could not start.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum P2pError {
    /// The chain id cannot name a protocol.
    #[error("chain id {chain_id:?} cannot name a protocol")]
    BadChainId {
        /// The chain id.
        chain_id: String,
    },
    /// The identity file cannot be read or written.
    #[error("p2p identity {path}: {reason}")]
    Identity {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// A listener could not be bound.
    #[error("cannot listen on {address}: {reason}")]
    Listen {
        /// The address.
        address: String,
        /// Why.
        reason: String,
    },
    /// The transport or a behaviour could not be built.
    #[error("p2p transport: {0}")]
    Transport(String),
    /// The network thread could not start.
    #[error("p2p runtime: {0}")]
    Runtime(String),
}

/// A gossip message's id: the first 20 bytes of its SHA-256, so the same
/// block published by two nodes is one message.
#[must_use]
pub fn content_id(data: &[u8]) -> Vec<u8> {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(data);
    digest.get(..20).unwrap_or_default().to_vec()
}
