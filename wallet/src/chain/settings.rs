//! Which nodes to talk to, and which header to trust first, per network.
//!
//! Stored in `<data dir>/chain/<network>/settings.json`:
//!
//! ```json
//! {
//!   "format": 1,
//!   "chain_id": "jifen-devnet",
//!   "endpoints": [
//!     "http://127.0.0.1:26657",
//!     "/ip4/127.0.0.1/tcp/27660/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA"
//!   ],
//!   "checkpoint": "1:9c62…47c",
//!   "trusted_certificates": "-----BEGIN CERTIFICATE-----\nMIIB…\n-----END CERTIFICATE-----\n"
//! }
//! ```
//!
//! The first endpoint is the primary, the others are witnesses that the
//! light client cross-checks against. Without a checkpoint the client trusts
//! the genesis block (height 1) the primary serves on first use and checks
//! it against every witness; with one it starts from that header.
//!
//! An endpoint is an RPC URL or a P2P peer address ([`EndpointKind`]); text
//! that starts with `/` is a peer address.
//!
//! Endpoint policy (`docs/cli-chain.md#endpoints`): RPC URLs are `http` or
//! `https` only, with no user, password, query or fragment. Plain `http` is
//! accepted for loopback addresses on every network (your own node) and
//! for any host on devnet; testnet and mainnet need `https` for other
//! hosts. A peer address (`/ip4|ip6|dns/<host>/tcp/<port>/p2p/<peer id>`)
//! is accepted for any host on every network: Noise authenticates the node
//! against the peer id it names. Everything a node says is verified, so the
//! policy protects privacy (which addresses you ask about) and
//! availability, not the correctness of balances.
//!
//! `trusted_certificates` (optional): PEM certificates trusted for this
//! network's `https://` nodes besides the system's roots, e.g. the CA of a
//! self-hosted node (at most [`MAX_TRUSTED_PEM_BYTES`] and
//! [`MAX_TRUSTED_CERTIFICATES`]; checked when set, `lc-cert-*`).
//!
//! Files go through `jifen-files`: the folder is 0700; the file is written
//! 0600 and crash-safely (temporary file, fsync, rename, fsync of the
//! folder) under `settings.json.lock`; reads are bounded by
//! [`MAX_SETTINGS_BYTES`] and refuse anything but a regular file.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use jifen_light_client::{Checkpoint, TrustedCertificates};
#[cfg(doc)]
use jifen_light_client::{MAX_TRUSTED_CERTIFICATES, MAX_TRUSTED_PEM_BYTES};
use jifen_p2p::PeerAddress;
use jifen_protocol::{ChainId, Network};
use serde::{Deserialize, Serialize};
use url::{Host, Url};

use jifen_files::{FileError, Lock, lock_path, read_bounded, remove_leftover_temps};

use super::error::ChainError;
use super::{create_chain_dir, file_error, write_file_atomically};

/// Largest settings file read: eight endpoints and a checkpoint are under
/// 2 KiB, trusted certificates at most [`MAX_TRUSTED_PEM_BYTES`] (plus
/// their JSON escapes).
pub const MAX_SETTINGS_BYTES: u64 = 64 * 1024;

/// How long a save waits for another process's save of the same file.
const SAVE_LOCK_WAIT: Duration = Duration::from_secs(5);

/// The settings format this version reads and writes.
pub const SETTINGS_FORMAT: u32 = 1;

/// At most this many endpoints: one primary and up to seven witnesses.
pub const MAX_ENDPOINTS: usize = 8;

/// The devnet's default endpoint (`jifen-node devnet` listens there).
pub const DEVNET_DEFAULT_ENDPOINT: &str = "http://127.0.0.1:26657";

const SETTINGS_FILE: &str = "settings.json";

/// What an endpoint reaches a node with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EndpointKind {
    /// JSON-RPC over HTTP(S) (`http(s)://host[:port][/path]`).
    Rpc(Url),
    /// The P2P transport (`/ip4/…/tcp/…/p2p/<peer id>`).
    P2p(PeerAddress),
}

/// A validated node endpoint: an RPC URL or a P2P peer address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    kind: EndpointKind,
    text: String,
}

impl Endpoint {
    /// Checks `text` against the endpoint policy of `network`: a peer
    /// address when it starts with `/`, else an RPC URL.
    ///
    /// # Errors
    /// [`ChainError::EndpointUnparsable`], [`ChainError::EndpointNoScheme`],
    /// [`ChainError::EndpointScheme`],
    /// [`ChainError::EndpointExtra`], [`ChainError::EndpointPlainHttp`];
    /// [`ChainError::PeerAddress`] (`p2p-address-*`) for a peer address.
    pub fn parse(text: &str, network: Network) -> Result<Self, ChainError> {
        let given = text.trim();
        if PeerAddress::looks_like(given) {
            let address = PeerAddress::parse(given)?;
            return Ok(Self {
                text: address.to_string(),
                kind: EndpointKind::P2p(address),
            });
        }
        // `host:port` typed without a scheme (no spaces, no `://`).
        let no_scheme = !given.contains("://") && !given.contains(char::is_whitespace);
        let url = match Url::parse(given) {
            Ok(url) => url,
            // `127.0.0.1:26657`: a host and port without `http://`.
            Err(_) if no_scheme => {
                return Err(ChainError::EndpointNoScheme {
                    url: given.to_owned(),
                });
            }
            Err(_) => {
                return Err(ChainError::EndpointUnparsable {
                    url: given.to_owned(),
                });
            }
        };
        match url.scheme() {
            // `localhost:26657` parses with the scheme `localhost`.
            _ if no_scheme => {
                return Err(ChainError::EndpointNoScheme {
                    url: given.to_owned(),
                });
            }
            "http" | "https" => {}
            scheme => {
                return Err(ChainError::EndpointScheme {
                    url: given.to_owned(),
                    scheme: scheme.to_owned(),
                });
            }
        }
        let Some(host) = url.host() else {
            return Err(ChainError::EndpointUnparsable {
                url: given.to_owned(),
            });
        };
        if !url.username().is_empty()
            || url.password().is_some()
            || url.query().is_some()
            || url.fragment().is_some()
        {
            return Err(ChainError::EndpointExtra {
                url: given.to_owned(),
            });
        }
        if url.scheme() == "http" && network != Network::Devnet && !is_loopback(&host) {
            return Err(ChainError::EndpointPlainHttp {
                url: given.to_owned(),
                network,
            });
        }
        // One spelling per endpoint: the parsed form without the bare "/" path.
        let text = url.as_str().trim_end_matches('/').to_owned();
        Ok(Self {
            kind: EndpointKind::Rpc(url),
            text,
        })
    }

    /// What it reaches the node with.
    #[must_use]
    pub fn kind(&self) -> &EndpointKind {
        &self.kind
    }

    /// The RPC URL, `None` for a peer address.
    #[must_use]
    pub fn url(&self) -> Option<&Url> {
        match &self.kind {
            EndpointKind::Rpc(url) => Some(url),
            EndpointKind::P2p(_) => None,
        }
    }

    /// The peer address, `None` for an RPC URL.
    #[must_use]
    pub fn peer_address(&self) -> Option<&PeerAddress> {
        match &self.kind {
            EndpointKind::Rpc(_) => None,
            EndpointKind::P2p(address) => Some(address),
        }
    }

    /// Whether it is a P2P peer address.
    #[must_use]
    pub fn is_p2p(&self) -> bool {
        matches!(self.kind, EndpointKind::P2p(_))
    }

    /// The endpoint as text: the URL without a trailing `/`, or the peer
    /// address.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl std::fmt::Display for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

fn is_loopback(host: &Host<&str>) -> bool {
    match host {
        Host::Domain(name) => name.eq_ignore_ascii_case("localhost"),
        Host::Ipv4(ip) => IpAddr::V4(*ip).is_loopback(),
        Host::Ipv6(ip) => IpAddr::V6(*ip).is_loopback(),
    }
}

/// The chain settings of one network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainSettings {
    network: Network,
    chain_id: ChainId,
    endpoints: Vec<Endpoint>,
    checkpoint: Option<Checkpoint>,
    /// The PEM text as set (trimmed), and what it holds.
    trusted_pem: Option<String>,
    trusted: TrustedCertificates,
}

/// The file form; every field is checked when it becomes [`ChainSettings`].
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsFile {
    format: u32,
    chain_id: String,
    endpoints: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    checkpoint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    trusted_certificates: Option<String>,
}

/// The chain id a network's nodes are expected to serve.
///
/// # Errors
/// Never for the built-in names; typed for symmetry with [`ChainId::new`].
pub fn default_chain_id(network: Network) -> Result<ChainId, ChainError> {
    Ok(ChainId::new(&format!("jifen-{}", network.name()))?)
}

impl ChainSettings {
    /// The defaults: devnet talks to [`DEVNET_DEFAULT_ENDPOINT`]; testnet and
    /// mainnet have no endpoint until one is set. No checkpoint (genesis).
    ///
    /// # Errors
    /// Never for the built-in values.
    pub fn defaults(network: Network) -> Result<Self, ChainError> {
        let endpoints = match network {
            Network::Devnet => vec![Endpoint::parse(DEVNET_DEFAULT_ENDPOINT, network)?],
            Network::Testnet | Network::Mainnet => Vec::new(),
        };
        Ok(Self {
            network,
            chain_id: default_chain_id(network)?,
            endpoints,
            checkpoint: None,
            trusted_pem: None,
            trusted: TrustedCertificates::none(),
        })
    }

    /// Settings from parts, validated (the first endpoint is the primary).
    ///
    /// # Errors
    /// Endpoint errors, [`ChainError::EndpointDuplicate`],
    /// [`ChainError::EndpointTooMany`], checkpoint and chain-id errors.
    pub fn new(
        network: Network,
        chain_id: &str,
        endpoints: &[String],
        checkpoint: Option<&str>,
    ) -> Result<Self, ChainError> {
        let mut settings = Self {
            network,
            chain_id: ChainId::new(chain_id.trim())?,
            endpoints: Vec::new(),
            checkpoint: None,
            trusted_pem: None,
            trusted: TrustedCertificates::none(),
        };
        settings.set_endpoints(endpoints)?;
        settings.set_checkpoint(checkpoint)?;
        Ok(settings)
    }

    /// The network.
    #[must_use]
    pub fn network(&self) -> Network {
        self.network
    }

    /// The chain id the nodes must serve.
    #[must_use]
    pub fn chain_id(&self) -> &ChainId {
        &self.chain_id
    }

    /// Every endpoint, primary first.
    #[must_use]
    pub fn endpoints(&self) -> &[Endpoint] {
        &self.endpoints
    }

    /// The primary endpoint, if any.
    #[must_use]
    pub fn primary(&self) -> Option<&Endpoint> {
        self.endpoints.first()
    }

    /// The witnesses (every endpoint after the primary).
    #[must_use]
    pub fn witnesses(&self) -> &[Endpoint] {
        self.endpoints.get(1..).unwrap_or_default()
    }

    /// The header trusted first, if not genesis.
    #[must_use]
    pub fn checkpoint(&self) -> Option<Checkpoint> {
        self.checkpoint
    }

    /// Replaces every endpoint (primary first).
    ///
    /// # Errors
    /// As [`ChainSettings::new`]; the settings are unchanged on error.
    pub fn set_endpoints(&mut self, endpoints: &[String]) -> Result<(), ChainError> {
        if endpoints.len() > MAX_ENDPOINTS {
            return Err(ChainError::EndpointTooMany { max: MAX_ENDPOINTS });
        }
        let mut parsed: Vec<Endpoint> = Vec::with_capacity(endpoints.len());
        for text in endpoints {
            let endpoint = Endpoint::parse(text, self.network)?;
            if parsed.iter().any(|e| e.as_str() == endpoint.as_str()) {
                return Err(ChainError::EndpointDuplicate {
                    url: endpoint.as_str().to_owned(),
                });
            }
            parsed.push(endpoint);
        }
        self.endpoints = parsed;
        Ok(())
    }

    /// Replaces the primary with `endpoint` (removing it from the witnesses
    /// if it was one); the witnesses stay.
    ///
    /// # Errors
    /// As [`ChainSettings::set_endpoints`].
    pub fn set_primary(&mut self, endpoint: &str) -> Result<(), ChainError> {
        let primary = Endpoint::parse(endpoint, self.network)?;
        let mut list = vec![primary.as_str().to_owned()];
        list.extend(
            self.witnesses()
                .iter()
                .filter(|e| e.as_str() != primary.as_str())
                .map(|e| e.as_str().to_owned()),
        );
        self.set_endpoints(&list)
    }

    /// Replaces the witnesses, keeping the primary.
    ///
    /// # Errors
    /// As [`ChainSettings::set_endpoints`]; [`ChainError::NoEndpoints`] when
    /// there is no primary yet.
    pub fn set_witnesses(&mut self, witnesses: &[String]) -> Result<(), ChainError> {
        let primary = self.primary().ok_or(ChainError::NoEndpoints {
            network: self.network,
        })?;
        let mut list = vec![primary.as_str().to_owned()];
        list.extend(witnesses.iter().cloned());
        self.set_endpoints(&list)
    }

    /// Sets (`Some("height:hash")`) or clears (`None`) the checkpoint.
    ///
    /// # Errors
    /// The checkpoint parse errors (`lc-checkpoint-*`).
    pub fn set_checkpoint(&mut self, checkpoint: Option<&str>) -> Result<(), ChainError> {
        self.checkpoint = checkpoint.map(str::parse::<Checkpoint>).transpose()?;
        Ok(())
    }

    /// The certificates trusted for `https://` nodes besides the system's
    /// roots (empty: none).
    #[must_use]
    pub fn trusted_certificates(&self) -> &TrustedCertificates {
        &self.trusted
    }

    /// The PEM text of [`ChainSettings::trusted_certificates`], as set.
    #[must_use]
    pub fn trusted_certificates_pem(&self) -> Option<&str> {
        self.trusted_pem.as_deref()
    }

    /// Trusts the certificates of PEM text `pem` (`Some`, replacing any
    /// trusted before) or none besides the system's (`None`).
    ///
    /// # Errors
    /// `lc-cert-*` ([`ChainError::TrustedCertificate`]): more than
    /// [`MAX_TRUSTED_PEM_BYTES`] or [`MAX_TRUSTED_CERTIFICATES`], no
    /// certificate, a private key, a certificate that does not parse. The
    /// settings are unchanged on error.
    pub fn set_trusted_certificates(&mut self, pem: Option<&str>) -> Result<(), ChainError> {
        match pem.map(str::trim) {
            None => {
                self.trusted_pem = None;
                self.trusted = TrustedCertificates::none();
            }
            Some(text) => {
                self.trusted = TrustedCertificates::from_pem(text)?;
                self.trusted_pem = Some(format!("{text}\n"));
            }
        }
        Ok(())
    }

    /// The endpoints, or [`ChainError::NoEndpoints`] if there are none.
    ///
    /// # Errors
    /// [`ChainError::NoEndpoints`].
    pub fn require_endpoints(&self) -> Result<&[Endpoint], ChainError> {
        if self.endpoints.is_empty() {
            Err(ChainError::NoEndpoints {
                network: self.network,
            })
        } else {
            Ok(&self.endpoints)
        }
    }

    /// The folder of this network's chain data: `<data dir>/chain/<network>`.
    #[must_use]
    pub fn dir(data_dir: &Path, network: Network) -> PathBuf {
        data_dir.join("chain").join(network.name())
    }

    fn path(data_dir: &Path, network: Network) -> PathBuf {
        Self::dir(data_dir, network).join(SETTINGS_FILE)
    }

    /// Reads the settings of `network`, or the defaults if none were saved.
    ///
    /// A damaged file is an error, not a silent fallback: it may hold the
    /// checkpoint the person chose to trust.
    ///
    /// # Errors
    /// `files-*` (not a regular file, larger than [`MAX_SETTINGS_BYTES`],
    /// unreadable), [`ChainError::SettingsCorrupt`],
    /// [`ChainError::SettingsVersion`].
    pub fn load(data_dir: &Path, network: Network) -> Result<Self, ChainError> {
        let path = Self::path(data_dir, network);
        let bytes = match read_bounded(&path, MAX_SETTINGS_BYTES) {
            Ok(bytes) => bytes,
            Err(FileError::NotFound { .. }) => return Self::defaults(network),
            Err(e) => return Err(file_error(e)),
        };
        Self::from_bytes(&path, &bytes, network)
    }

    /// Reads the settings file's bytes (what [`ChainSettings::load`] read
    /// from `path`, named in errors).
    ///
    /// # Errors
    /// [`ChainError::SettingsCorrupt`], [`ChainError::SettingsVersion`].
    pub fn from_bytes(path: &Path, bytes: &[u8], network: Network) -> Result<Self, ChainError> {
        let corrupt = |detail: String| ChainError::SettingsCorrupt {
            path: path.to_path_buf(),
            detail,
        };
        let file: SettingsFile =
            serde_json::from_slice(bytes).map_err(|e| corrupt(e.to_string()))?;
        if file.format != SETTINGS_FORMAT {
            return Err(ChainError::SettingsVersion {
                found: file.format,
                supported: SETTINGS_FORMAT,
            });
        }
        let mut settings = Self::new(
            network,
            &file.chain_id,
            &file.endpoints,
            file.checkpoint.as_deref(),
        )
        .map_err(|e| corrupt(e.to_string()))?;
        settings
            .set_trusted_certificates(file.trusted_certificates.as_deref())
            .map_err(|e| corrupt(e.to_string()))?;
        Ok(settings)
    }

    /// The settings file's bytes (pretty JSON and a newline), as
    /// [`ChainSettings::save`] writes them.
    ///
    /// # Errors
    /// The serializer's error (none for these fields).
    pub fn to_bytes(&self) -> Result<Vec<u8>, std::io::Error> {
        let file = SettingsFile {
            format: SETTINGS_FORMAT,
            chain_id: self.chain_id.as_str().to_owned(),
            endpoints: self
                .endpoints
                .iter()
                .map(|e| e.as_str().to_owned())
                .collect(),
            checkpoint: self.checkpoint.map(|c| c.to_string()),
            trusted_certificates: self.trusted_pem.clone(),
        };
        let mut bytes =
            serde_json::to_vec_pretty(&file).map_err(|e| std::io::Error::other(e.to_string()))?;
        bytes.push(b'\n');
        Ok(bytes)
    }

    /// Writes the settings crash-safely and 0600, the folders 0700; two
    /// processes saving at once take turns (the last save wins: to change
    /// what is saved, use [`ChainSettings::update`], which cannot lose
    /// another process's change).
    ///
    /// # Errors
    /// `files-*` errors (`files-locked` when another save held the file for
    /// over five seconds).
    pub fn save(&self, data_dir: &Path) -> Result<(), ChainError> {
        let dir = create_chain_dir(data_dir, self.network)?;
        let path = dir.join(SETTINGS_FILE);
        let _lock = Lock::acquire_within(lock_path(&path), SAVE_LOCK_WAIT).map_err(file_error)?;
        self.write_locked(&path)
    }

    /// Reads the settings of `network` and lets `change` edit them, holding
    /// the file's lock from the read to the write, so that two processes
    /// changing them at once (the app and a `jifen endpoints` command) never
    /// lose an update: the second reads what the first saved. `change`
    /// returns whether to save; nothing is saved when it fails.
    ///
    /// # Errors
    /// As [`ChainSettings::load`] and [`ChainSettings::save`]
    /// (`files-locked` when another process held the file for over five
    /// seconds), and `change`'s own.
    pub fn update(
        data_dir: &Path,
        network: Network,
        change: impl FnOnce(&mut Self) -> Result<bool, ChainError>,
    ) -> Result<Self, ChainError> {
        let dir = create_chain_dir(data_dir, network)?;
        let path = dir.join(SETTINGS_FILE);
        let _lock = Lock::acquire_within(lock_path(&path), SAVE_LOCK_WAIT).map_err(file_error)?;
        let mut settings = Self::load(data_dir, network)?;
        if change(&mut settings)? {
            settings.write_locked(&path)?;
        }
        Ok(settings)
    }

    /// The write of [`ChainSettings::save`], with the lock in hand.
    fn write_locked(&self, path: &Path) -> Result<(), ChainError> {
        let bytes = self.to_bytes().map_err(|e| ChainError::SettingsIo {
            path: path.to_path_buf(),
            source: e,
        })?;
        // Under the lock, a temporary file of this name is a killed save's.
        remove_leftover_temps(path).map_err(file_error)?;
        write_file_atomically(path, &bytes)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

    use super::*;
    use jifen_light_client::MAX_TRUSTED_PEM_BYTES;

    const HASH: &str = "9c6217c65463279cb4ea2feca52feb5ac21b29b51ebfa9bbe3bfbb0ff45b147c";

    #[test]
    fn devnet_defaults_to_the_local_node_and_others_to_nothing() {
        let devnet = ChainSettings::defaults(Network::Devnet).unwrap();
        assert_eq!(devnet.primary().unwrap().as_str(), DEVNET_DEFAULT_ENDPOINT);
        assert_eq!(devnet.chain_id().as_str(), "jifen-devnet");
        assert!(devnet.witnesses().is_empty());
        assert!(devnet.checkpoint().is_none());
        let mainnet = ChainSettings::defaults(Network::Mainnet).unwrap();
        assert_eq!(
            mainnet.require_endpoints().unwrap_err().code(),
            "chain-no-endpoints"
        );
        assert_eq!(mainnet.chain_id().as_str(), "jifen-mainnet");
    }

    #[test]
    fn endpoint_policy() {
        let ok = [
            ("http://127.0.0.1:26657", Network::Devnet),
            ("http://127.0.0.1:26657/", Network::Mainnet),
            ("http://localhost:1234", Network::Testnet),
            ("http://[::1]:1234", Network::Mainnet),
            ("http://192.168.1.20:26657", Network::Devnet),
            ("https://rpc.example.org", Network::Mainnet),
            ("https://rpc.example.org/jifen", Network::Testnet),
        ];
        for (text, network) in ok {
            Endpoint::parse(text, network).unwrap_or_else(|e| panic!("{text}: {e}"));
        }
        let refused = [
            ("not a url", Network::Devnet, "chain-endpoint-unparsable"),
            (
                "127.0.0.1:26657",
                Network::Devnet,
                "chain-endpoint-no-scheme",
            ),
            (
                "localhost:26657",
                Network::Devnet,
                "chain-endpoint-no-scheme",
            ),
            ("http://", Network::Devnet, "chain-endpoint-unparsable"),
            ("ftp://127.0.0.1", Network::Devnet, "chain-endpoint-scheme"),
            (
                "http://u:p@127.0.0.1",
                Network::Devnet,
                "chain-endpoint-extra",
            ),
            (
                "http://127.0.0.1/?x=1",
                Network::Devnet,
                "chain-endpoint-extra",
            ),
            (
                "http://127.0.0.1/#x",
                Network::Devnet,
                "chain-endpoint-extra",
            ),
            (
                "http://rpc.example.org",
                Network::Mainnet,
                "chain-endpoint-plain-http",
            ),
            (
                "http://10.0.0.1",
                Network::Testnet,
                "chain-endpoint-plain-http",
            ),
        ];
        for (text, network, code) in refused {
            assert_eq!(
                Endpoint::parse(text, network).unwrap_err().code(),
                code,
                "{text}"
            );
        }
        assert_eq!(
            Endpoint::parse("http://127.0.0.1:26657/", Network::Devnet)
                .unwrap()
                .as_str(),
            "http://127.0.0.1:26657"
        );
    }

    const PEER: &str = "12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA";

    #[test]
    fn peer_addresses_are_endpoints_on_every_network() {
        for (text, network) in [
            (
                format!("/ip4/203.0.113.5/tcp/27660/p2p/{PEER}"),
                Network::Mainnet,
            ),
            (
                format!(" /dns/node.example.org/tcp/27660/p2p/{PEER} "),
                Network::Testnet,
            ),
            (format!("/ip6/::1/tcp/27660/p2p/{PEER}"), Network::Devnet),
        ] {
            let endpoint =
                Endpoint::parse(&text, network).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert!(endpoint.is_p2p());
            assert!(endpoint.url().is_none());
            assert_eq!(endpoint.as_str(), text.trim());
            assert_eq!(endpoint.peer_address().unwrap().peer.to_string(), PEER);
            assert!(matches!(endpoint.kind(), EndpointKind::P2p(_)));
        }
        let rpc = Endpoint::parse("https://rpc.example.org", Network::Mainnet).unwrap();
        assert!(!rpc.is_p2p());
        assert!(matches!(rpc.kind(), EndpointKind::Rpc(_)));
        assert_eq!(rpc.url().unwrap().as_str(), "https://rpc.example.org/");
        for (text, code) in [
            ("/ip4/203.0.113.5/tcp/27660", "p2p-address-no-peer-id"),
            ("/not-a-protocol/1", "p2p-address-unparsable"),
            (
                &*format!("/ip4/203.0.113.5/udp/27660/p2p/{PEER}"),
                "p2p-address-unsupported",
            ),
        ] {
            let error = Endpoint::parse(text, Network::Mainnet).unwrap_err();
            assert_eq!(error.code(), code, "{text}");
            // Every argument the catalogs use is given.
            let args = jifen_protocol::message::Coded::args(&error);
            assert!(args.iter().any(|(name, _)| *name == "address"), "{args:?}");
        }
        // Mixed with URLs in one list, saved and read back as written.
        let dir = tempfile::tempdir().unwrap();
        let peer = format!("/ip4/203.0.113.5/tcp/27660/p2p/{PEER}");
        let mut settings = ChainSettings::defaults(Network::Mainnet).unwrap();
        settings
            .set_endpoints(&["https://a.example.org".to_owned(), peer.clone()])
            .unwrap();
        assert_eq!(
            settings
                .set_endpoints(&[peer.clone(), format!(" {peer}")])
                .unwrap_err()
                .code(),
            "chain-endpoint-duplicate"
        );
        settings.save(dir.path()).unwrap();
        let loaded = ChainSettings::load(dir.path(), Network::Mainnet).unwrap();
        assert_eq!(loaded, settings);
        assert_eq!(loaded.witnesses()[0].as_str(), peer);
    }

    fn certificate_pem(name: &str) -> String {
        let mut params = rcgen::CertificateParams::new(vec![name.to_owned()]).unwrap();
        params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        let key = rcgen::KeyPair::generate().unwrap();
        params.self_signed(&key).unwrap().pem()
    }

    #[test]
    fn trusted_certificates_are_checked_saved_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut settings = ChainSettings::defaults(Network::Testnet).unwrap();
        assert!(settings.trusted_certificates().is_empty());
        assert_eq!(
            settings
                .set_trusted_certificates(Some("not a certificate"))
                .unwrap_err()
                .code(),
            "lc-cert-none"
        );
        let key = rcgen::KeyPair::generate().unwrap().serialize_pem();
        assert_eq!(
            settings
                .set_trusted_certificates(Some(&key))
                .unwrap_err()
                .code(),
            "lc-cert-private-key"
        );
        assert_eq!(
            settings
                .set_trusted_certificates(Some(&"x".repeat(MAX_TRUSTED_PEM_BYTES + 1)))
                .unwrap_err()
                .code(),
            "lc-cert-too-large"
        );
        assert!(
            settings.trusted_certificates_pem().is_none(),
            "unchanged on error"
        );
        let pem = certificate_pem("node.example.org");
        settings.set_trusted_certificates(Some(&pem)).unwrap();
        assert_eq!(settings.trusted_certificates().len(), 1);
        settings.save(dir.path()).unwrap();
        let loaded = ChainSettings::load(dir.path(), Network::Testnet).unwrap();
        assert_eq!(loaded, settings);
        assert_eq!(loaded.trusted_certificates_pem(), Some(pem.as_str()));
        // A file edited by hand to hold something else is damaged, not ignored.
        let path = dir.path().join("chain/testnet/settings.json");
        std::fs::write(
            &path,
            br#"{"format":1,"chain_id":"jifen-testnet","endpoints":[],"trusted_certificates":"junk"}"#,
        )
        .unwrap();
        assert_eq!(
            ChainSettings::load(dir.path(), Network::Testnet)
                .unwrap_err()
                .code(),
            "chain-settings-corrupt"
        );
        settings.set_trusted_certificates(None).unwrap();
        assert!(settings.trusted_certificates().is_empty());
    }

    #[test]
    fn endpoint_lists_are_checked_and_reordered() {
        let mut settings = ChainSettings::defaults(Network::Devnet).unwrap();
        let a = "http://127.0.0.1:1".to_owned();
        let b = "http://127.0.0.1:2".to_owned();
        assert_eq!(
            settings
                .set_endpoints(&[a.clone(), format!("{a}/")])
                .unwrap_err()
                .code(),
            "chain-endpoint-duplicate"
        );
        let many: Vec<String> = (1..=9).map(|p| format!("http://127.0.0.1:{p}")).collect();
        assert_eq!(
            settings.set_endpoints(&many).unwrap_err().code(),
            "chain-endpoint-too-many"
        );
        // Failed edits leave the settings as they were.
        assert_eq!(
            settings.primary().unwrap().as_str(),
            DEVNET_DEFAULT_ENDPOINT
        );
        settings.set_witnesses(&[a.clone(), b.clone()]).unwrap();
        assert_eq!(settings.witnesses().len(), 2);
        // A witness promoted to primary leaves the witnesses; the old primary goes.
        settings.set_primary(&b).unwrap();
        let order: Vec<&str> = settings.endpoints().iter().map(Endpoint::as_str).collect();
        assert_eq!(order, [b.as_str(), a.as_str()]);
    }

    #[test]
    fn checkpoints_parse_with_their_own_errors() {
        let mut settings = ChainSettings::defaults(Network::Devnet).unwrap();
        settings
            .set_checkpoint(Some(&format!("12:{HASH}")))
            .unwrap();
        assert_eq!(settings.checkpoint().unwrap().height, 12);
        for (text, code) in [
            ("12", "lc-checkpoint-missing-separator"),
            ("0:00", "lc-checkpoint-bad-height"),
            ("12:xyz", "lc-checkpoint-bad-hash"),
        ] {
            assert_eq!(
                settings.set_checkpoint(Some(text)).unwrap_err().code(),
                code
            );
        }
        settings.set_checkpoint(None).unwrap();
        assert!(settings.checkpoint().is_none());
    }

    #[test]
    fn saved_settings_load_back_and_damage_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let loaded = ChainSettings::load(dir.path(), Network::Devnet).unwrap();
        assert_eq!(loaded, ChainSettings::defaults(Network::Devnet).unwrap());

        let settings = ChainSettings::new(
            Network::Testnet,
            "jifen-testnet",
            &[
                "https://a.example.org".to_owned(),
                "http://127.0.0.1:9".to_owned(),
            ],
            Some(&format!("5:{HASH}")),
        )
        .unwrap();
        settings.save(dir.path()).unwrap();
        assert_eq!(
            ChainSettings::load(dir.path(), Network::Testnet).unwrap(),
            settings
        );
        let path = dir.path().join("chain/testnet/settings.json");
        assert!(path.exists());
        assert!(jifen_files::leftover_temps(&path).unwrap().is_empty());

        std::fs::write(&path, b"{ not json").unwrap();
        assert_eq!(
            ChainSettings::load(dir.path(), Network::Testnet)
                .unwrap_err()
                .code(),
            "chain-settings-corrupt"
        );
        std::fs::write(
            &path,
            br#"{"format":1,"chain_id":"jifen-testnet","endpoints":["http://evil.example"]}"#,
        )
        .unwrap();
        assert_eq!(
            ChainSettings::load(dir.path(), Network::Testnet)
                .unwrap_err()
                .code(),
            "chain-settings-corrupt"
        );
        std::fs::write(
            &path,
            br#"{"format":2,"chain_id":"jifen-testnet","endpoints":[]}"#,
        )
        .unwrap();
        assert_eq!(
            ChainSettings::load(dir.path(), Network::Testnet)
                .unwrap_err()
                .code(),
            "chain-settings-version"
        );
    }
}
