//! RPC over TLS keeps the limits of plain HTTP: connections that never
//! finish (or never start) their handshake count as idle, do not lock other
//! clients out, and are closed after `IDLE_TIMEOUT`; a client that trusts the
//! certificate is answered meanwhile. Loopback, bounded in time.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::Write;
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

use jifen_node::rpc::http::{HttpServer, IDLE_TIMEOUT, MAX_CONNECTIONS, tls_config};
use jifen_testenv::DEADLINE;

/// A self-signed certificate for 127.0.0.1 and its key (PEM), and the
/// certificate as a client's only root.
fn certificate() -> (String, String, rustls::RootCertStore) {
    let key = rcgen::KeyPair::generate().unwrap();
    let certificate = rcgen::CertificateParams::new(vec!["127.0.0.1".to_owned()])
        .unwrap()
        .self_signed(&key)
        .unwrap();
    let mut roots = rustls::RootCertStore::empty();
    roots.add(certificate.der().clone()).unwrap();
    (certificate.pem(), key.serialize_pem(), roots)
}

/// A blocking HTTPS client trusting `roots` only.
#[allow(deprecated)] // ring's provider, as the node's (ADR 0023)
fn client(roots: rustls::RootCertStore) -> reqwest::blocking::Client {
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_root_certificates(roots)
    .with_no_client_auth();
    reqwest::blocking::Client::builder()
        .tls_backend_preconfigured(config)
        .timeout(DEADLINE)
        .build()
        .unwrap()
}

#[test]
fn stalled_handshakes_are_idle_connections_and_do_not_lock_clients_out() {
    let (cert, key, roots) = certificate();
    let server = HttpServer::start_serving(
        SocketAddr::from(([127, 0, 0, 1], 0)),
        Arc::new(|body: &[u8], _| Some(jifen_node::rpc::http::Reply::json(body.to_vec()))),
        None,
        Some(tls_config(cert.as_bytes(), key.as_bytes()).unwrap()),
    )
    .unwrap();
    let addr = server.local_addr();
    // More than the server keeps: some never send a byte, some half a
    // ClientHello.
    let stalled: Vec<TcpStream> = (0..MAX_CONNECTIONS + 20)
        .map(|n| {
            let mut stream = TcpStream::connect(addr).unwrap();
            if n % 2 == 0 {
                // The server may have closed it already for a newer one.
                let _ = stream.write_all(&[0x16, 0x03, 0x01, 0x02]);
            }
            stream
        })
        .collect();
    // A client that trusts the certificate is answered meanwhile (a
    // connection may be refused while the oldest idle ones are closed; the
    // bound is what counts).
    let https = client(roots);
    let started = Instant::now();
    let echoed = loop {
        match https
            .post(format!("https://{addr}/"))
            .body("{\"ping\":1}")
            .send()
            .and_then(reqwest::blocking::Response::text)
        {
            Ok(text) => break text,
            Err(error) => assert!(
                started.elapsed() < DEADLINE,
                "no answer within {DEADLINE:?}: {error}"
            ),
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(echoed, "{\"ping\":1}");
    assert!(server.connections() <= MAX_CONNECTIONS);
    // The stalled ones are closed once idle past the timeout.
    let started = Instant::now();
    while server.connections() > 1 {
        assert!(
            started.elapsed() < IDLE_TIMEOUT + DEADLINE,
            "{} connections still open",
            server.connections()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    drop(stalled);
}

#[test]
fn a_certificate_and_key_that_do_not_match_are_refused() {
    let (cert, _, _) = certificate();
    let (_, other_key, _) = certificate();
    assert!(tls_config(cert.as_bytes(), other_key.as_bytes()).is_err());
    assert!(tls_config(b"", other_key.as_bytes()).is_err());
    assert!(tls_config(cert.as_bytes(), b"no key").is_err());
}
