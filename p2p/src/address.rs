//! Peer addresses as people type them: a multiaddr that names the
//! transport and the peer, `/ip4/127.0.0.1/tcp/27660/p2p/12D3KooW…`.
//!
//! The peer id is required: Noise authenticates the peer against it, so a
//! peer address is as specific as an `https://` URL with a pinned key.
//! Only TCP over IPv4, IPv6 or a DNS name is accepted (the transports the
//! swarm has).

use libp2p::multiaddr::Protocol;
use libp2p::{Multiaddr, PeerId};

/// Why a peer address is refused (codes `p2p-address-*`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AddressError {
    /// Not a multiaddr.
    #[error("{text} is not a peer address (/ip4/…/tcp/…/p2p/…): {reason}")]
    Unparsable {
        /// What was given.
        text: String,
        /// The parser's message.
        reason: String,
    },
    /// No `/p2p/<peer id>` at the end.
    #[error("{text} names no peer: it must end in /p2p/<peer id>")]
    NoPeerId {
        /// What was given.
        text: String,
    },
    /// Not `/ip4|ip6|dns/…/tcp/<port>/p2p/<id>`.
    #[error(
        "{text} is not an address this wallet can dial (/ip4, /ip6 or /dns, then /tcp and /p2p)"
    )]
    Unsupported {
        /// What was given.
        text: String,
    },
}

impl AddressError {
    /// The stable code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::Unparsable { .. } => "p2p-address-unparsable",
            Self::NoPeerId { .. } => "p2p-address-no-peer-id",
            Self::Unsupported { .. } => "p2p-address-unsupported",
        }
    }
}

/// A dialable peer address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerAddress {
    /// The whole address (ending in `/p2p/<id>`).
    pub address: Multiaddr,
    /// The peer.
    pub peer: PeerId,
}

impl PeerAddress {
    /// Reads a typed peer address.
    ///
    /// # Errors
    /// [`AddressError`].
    pub fn parse(text: &str) -> Result<Self, AddressError> {
        let text = text.trim();
        let address: Multiaddr =
            text.parse()
                .map_err(|error: libp2p::multiaddr::Error| AddressError::Unparsable {
                    text: text.chars().take(200).collect(),
                    reason: error.to_string(),
                })?;
        let parts: Vec<Protocol<'_>> = address.iter().collect();
        let peer = match parts.last() {
            Some(Protocol::P2p(peer)) => *peer,
            _ => {
                return Err(AddressError::NoPeerId {
                    text: text.to_owned(),
                });
            }
        };
        let dialable = matches!(
            parts.as_slice(),
            [
                Protocol::Ip4(_)
                    | Protocol::Ip6(_)
                    | Protocol::Dns(_)
                    | Protocol::Dns4(_)
                    | Protocol::Dns6(_),
                Protocol::Tcp(_),
                Protocol::P2p(_)
            ]
        );
        if !dialable {
            return Err(AddressError::Unsupported {
                text: text.to_owned(),
            });
        }
        Ok(Self { address, peer })
    }

    /// Whether the host is a loopback address.
    #[must_use]
    pub fn is_loopback(&self) -> bool {
        self.address.iter().any(|protocol| match protocol {
            Protocol::Ip4(ip) => ip.is_loopback(),
            Protocol::Ip6(ip) => ip.is_loopback(),
            Protocol::Dns(name) | Protocol::Dns4(name) | Protocol::Dns6(name) => {
                name == "localhost"
            }
            _ => false,
        })
    }

    /// Whether `text` looks like a multiaddr rather than a URL (it starts
    /// with `/`).
    #[must_use]
    pub fn looks_like(text: &str) -> bool {
        text.trim_start().starts_with('/')
    }
}

impl std::fmt::Display for PeerAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.address.fmt(f)
    }
}

/// The peer a multiaddr ends with, if any.
#[must_use]
pub fn peer_of(address: &Multiaddr) -> Option<PeerId> {
    match address.iter().last() {
        Some(Protocol::P2p(peer)) => Some(peer),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PEER: &str = "12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA";

    #[test]
    fn a_full_address_is_read() {
        let text = format!("/ip4/127.0.0.1/tcp/27660/p2p/{PEER}");
        let address = PeerAddress::parse(&text).unwrap();
        assert_eq!(address.peer.to_string(), PEER);
        assert!(address.is_loopback());
        assert_eq!(address.to_string(), text);
        assert!(PeerAddress::parse(&format!("/dns/node.example/tcp/1/p2p/{PEER}")).is_ok());
    }

    #[test]
    fn each_wrong_address_has_its_own_error() {
        let cases = [
            ("/ip4/127.0.0.1/tcp/27660", "p2p-address-no-peer-id"),
            ("/ip4/300.0.0.1/tcp/1", "p2p-address-unparsable"),
            ("http://127.0.0.1:1", "p2p-address-unparsable"),
            (
                &*format!("/ip4/127.0.0.1/udp/1/p2p/{PEER}"),
                "p2p-address-unsupported",
            ),
            (&*format!("/p2p/{PEER}"), "p2p-address-unsupported"),
        ];
        for (text, code) in cases {
            assert_eq!(PeerAddress::parse(text).unwrap_err().code(), code, "{text}");
        }
    }
}
