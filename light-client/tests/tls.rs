//! `https://` nodes: the devnet serving RPC over TLS with a certificate of a
//! test CA made here (rcgen), and clients that trust it, or do not, or ask
//! it under another name. Loopback only; every request bounded by the
//! product's RPC timeouts.
//!
//! - trusting the CA ([`TrustedCertificates`]), a client syncs over TLS and
//!   reads a proven balance;
//! - not trusting it (system roots only), the node is `lc-peer-tls`
//!   (`unknown-issuer`), not a generic `lc-peer-unreachable`, and a client
//!   sidelines it as unreachable with that code instead of demoting it;
//! - a certificate for another name, an expired one, a self-signed one, and
//!   plain HTTP behind an `https://` URL are each `lc-peer-tls` with their
//!   own problem;
//! - PEM text to trust is checked before it is kept.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use jifen_light_client::{
    ClientConfig, LightClient, MemoryStore, Peer, PeerError, PeerState, RpcOptions, RpcPeer,
    SystemClock, TlsProblem, TrustRoot, TrustedCertificates,
};
use jifen_node::devnet::{Devnet, DevnetConfig};
use jifen_node::keys::NodeKey;
use jifen_node::rpc::http::{HttpServer, tls_config};
use jifen_protocol::ChainId;
use rcgen::{
    BasicConstraints, Certificate, CertificateParams, DnType, IsCa, KeyPair, KeyUsagePurpose,
};

/// A certificate authority made for one test.
struct Ca {
    certificate: Certificate,
    key: KeyPair,
}

impl Ca {
    fn new(name: &str) -> Self {
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.distinguished_name.push(DnType::CommonName, name);
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let key = KeyPair::generate().unwrap();
        let certificate = params.self_signed(&key).unwrap();
        Self { certificate, key }
    }

    fn pem(&self) -> String {
        self.certificate.pem()
    }

    fn trusted(&self) -> TrustedCertificates {
        TrustedCertificates::from_pem(&self.pem()).unwrap()
    }

    /// A server certificate for `names` (IP addresses or DNS names) and
    /// its key, both PEM.
    fn issue(&self, names: &[&str], expired: bool) -> (String, String) {
        let mut params =
            CertificateParams::new(names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>())
                .unwrap();
        params
            .distinguished_name
            .push(DnType::CommonName, names.first().copied().unwrap_or("node"));
        if expired {
            params.not_before = rcgen::date_time_ymd(2020, 1, 1);
            params.not_after = rcgen::date_time_ymd(2021, 1, 1);
        }
        let key = KeyPair::generate().unwrap();
        let certificate = params
            .signed_by(&key, &self.certificate, &self.key)
            .unwrap();
        (certificate.pem(), key.serialize_pem())
    }
}

/// A frozen devnet of 12 blocks serving RPC over TLS with `cert`/`key`.
fn tls_devnet(cert: &str, key: &str) -> (Devnet, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut config = DevnetConfig::new(dir.path().join("chain"));
    config.validators = 4;
    config.epoch_length = 5;
    config.produce = false;
    config.rpc_tls = Some(tls_config(cert.as_bytes(), key.as_bytes()).unwrap());
    let devnet = Devnet::start(&config).unwrap();
    jifen_testenv::devnet::produce_blocks(&devnet, 12).unwrap();
    (devnet, dir)
}

/// A TLS server that answers nothing useful: for handshake failures only.
fn bare_tls_server(cert: &str, key: &str) -> HttpServer {
    HttpServer::start_serving(
        SocketAddr::from(([127, 0, 0, 1], 0)),
        Arc::new(|_: &[u8], _| None),
        None,
        Some(tls_config(cert.as_bytes(), key.as_bytes()).unwrap()),
    )
    .unwrap()
}

fn connect(url: &str, trusted: &TrustedCertificates) -> RpcPeer {
    RpcPeer::connect_trusting(url, RpcOptions::default(), trusted).unwrap()
}

/// The problem of the `lc-peer-tls` error `peer.status()` ends in.
fn tls_problem(peer: &RpcPeer) -> TlsProblem {
    let error = peer.status().unwrap_err();
    assert_eq!(error.code(), "lc-peer-tls", "{error}");
    assert!(
        error.is_transport(),
        "a refused certificate says nothing about the chain"
    );
    match error {
        PeerError::Tls { problem, .. } => problem,
        other => panic!("{other}"),
    }
}

#[test]
fn a_client_trusting_the_ca_syncs_and_reads_a_proven_balance_over_tls() {
    let ca = Ca::new("jifen test CA");
    let (cert, key) = ca.issue(&["127.0.0.1", "localhost"], false);
    let (devnet, _dir) = tls_devnet(&cert, &key);
    let url = devnet.rpc_url();
    assert!(url.starts_with("https://127.0.0.1:"), "{url}");
    let trusted = ca.trusted();
    let config = ClientConfig::new(ChainId::new("jifen-devnet").unwrap(), TrustRoot::Genesis);
    let mut client = LightClient::open(
        MemoryStore::new(),
        config,
        Box::new(connect(&url, &trusted)),
        vec![Box::new(connect(&url, &trusted)) as Box<dyn Peer>],
        Box::new(SystemClock),
    )
    .unwrap();
    let summary = client.sync(&mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(summary.height, jifen_testenv::devnet::height(&devnet));
    let address = NodeKey::devnet_account(0).unwrap().address();
    let proven = client.account(&address).unwrap();
    assert_eq!(proven.height, summary.height);
    assert!(proven.value.balance > 0, "{proven:?}");
}

#[test]
fn a_client_not_trusting_the_ca_gets_a_tls_error_not_unreachable() {
    let ca = Ca::new("jifen test CA");
    let (cert, key) = ca.issue(&["127.0.0.1", "localhost"], false);
    let server = bare_tls_server(&cert, &key);
    let url = format!("https://{}", server.local_addr());
    // System roots only; on a machine with none the problem is `no-roots`,
    // still lc-peer-tls.
    match RpcPeer::connect(&url, RpcOptions::default()) {
        Ok(peer) => assert_eq!(tls_problem(&peer), TlsProblem::UnknownIssuer),
        Err(error) => assert_eq!(error.code(), "lc-peer-tls", "{error}"),
    }
    // A client with that node: sidelined as unreachable with lc-peer-tls,
    // not demoted as a liar.
    let config = ClientConfig::new(ChainId::new("jifen-devnet").unwrap(), TrustRoot::Genesis);
    let mut client = LightClient::open(
        MemoryStore::new(),
        config,
        Box::new(connect(&url, &Ca::new("another CA").trusted())),
        Vec::new(),
        Box::new(SystemClock),
    )
    .unwrap();
    assert!(client.sync(&mut |_| {}, &AtomicBool::new(false)).is_err());
    match &client.status().peers[0].state {
        PeerState::Unreachable { code, .. } => assert_eq!(*code, "lc-peer-tls"),
        other => panic!("{other:?}"),
    }
    // Another CA trusted is no better.
    let other = Ca::new("another CA");
    assert_eq!(
        tls_problem(&connect(&url, &other.trusted())),
        TlsProblem::UnknownIssuer
    );
    // A CA certificate served as the node's own (what `openssl req -x509`
    // makes): refused even when trusted, with its own problem.
    let server = bare_tls_server(&ca.pem(), &ca.key.serialize_pem());
    let url = format!("https://{}", server.local_addr());
    assert_eq!(
        tls_problem(&connect(&url, &ca.trusted())),
        TlsProblem::CaAsServer
    );
    // A self-signed server certificate, not trusted: unknown issuer too.
    let lone_key = KeyPair::generate().unwrap();
    let lone = CertificateParams::new(vec!["127.0.0.1".to_owned()])
        .unwrap()
        .self_signed(&lone_key)
        .unwrap();
    let server = bare_tls_server(&lone.pem(), &lone_key.serialize_pem());
    let url = format!("https://{}", server.local_addr());
    assert_eq!(
        tls_problem(&connect(&url, &ca.trusted())),
        TlsProblem::UnknownIssuer
    );
}

#[test]
fn a_certificate_for_another_name_or_expired_is_a_tls_error() {
    let ca = Ca::new("jifen test CA");
    let trusted = ca.trusted();
    let (cert, key) = ca.issue(&["node.example.org"], false);
    let server = bare_tls_server(&cert, &key);
    assert_eq!(
        tls_problem(&connect(
            &format!("https://{}", server.local_addr()),
            &trusted
        )),
        TlsProblem::WrongName
    );
    let (cert, key) = ca.issue(&["127.0.0.1"], true);
    let server = bare_tls_server(&cert, &key);
    assert_eq!(
        tls_problem(&connect(
            &format!("https://{}", server.local_addr()),
            &trusted
        )),
        TlsProblem::Expired
    );
}

#[test]
fn https_to_a_plain_http_node_is_a_tls_error() {
    let server = HttpServer::start(
        SocketAddr::from(([127, 0, 0, 1], 0)),
        Arc::new(|_: &[u8]| None),
    )
    .unwrap();
    let peer = connect(
        &format!("https://{}", server.local_addr()),
        &Ca::new("jifen test CA").trusted(),
    );
    assert_eq!(tls_problem(&peer), TlsProblem::NotTls);
}

#[test]
fn pem_text_to_trust_is_checked() {
    let ca = Ca::new("jifen test CA");
    let one = ca.pem();
    assert_eq!(TrustedCertificates::from_pem(&one).unwrap().len(), 1);
    // Text around the blocks is fine; two CAs are two roots.
    let two = format!(
        "my node's CA\n{one}\nand the old one\n{}",
        Ca::new("old").pem()
    );
    assert_eq!(TrustedCertificates::from_pem(&two).unwrap().len(), 2);
    let refused = [
        (String::new(), "lc-cert-none"),
        ("not a certificate".to_owned(), "lc-cert-none"),
        (ca.key.serialize_pem(), "lc-cert-private-key"),
        (
            format!("{one}{}", ca.key.serialize_pem()),
            "lc-cert-private-key",
        ),
        (
            "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n".to_owned(),
            "lc-cert-unreadable",
        ),
        (
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".to_owned(),
            "lc-cert-invalid",
        ),
        (one.repeat(9), "lc-cert-too-many"),
        ("x".repeat(40_000), "lc-cert-too-large"),
    ];
    for (text, code) in refused {
        let error = TrustedCertificates::from_pem(&text).unwrap_err();
        assert_eq!(error.code(), code, "{error}");
    }
}
