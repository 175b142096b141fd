//! The HTTP side of JSON-RPC: `POST /` with a JSON body, served with hyper
//! (HTTP/1.1) on a tokio runtime of its own (two worker threads), so the rest
//! of the node stays synchronous. The method table in [`super`] is
//! transport-independent; handlers run on tokio's blocking pool.
//!
//! No client can exhaust the node (`docs/adr/0011-hostile-nodes.md`):
//!
//! | limit | value | beyond it |
//! |---|---|---|
//! | open connections | [`MAX_CONNECTIONS`] | the connection idle the longest is closed for the new one; if every one is busy, the new one gets 503 and is closed |
//! | a connection without a request in progress (half-sent head, idle keep-alive) | [`IDLE_TIMEOUT`] | closed |
//! | request body, once the head is in | [`MAX_BODY`] within [`BODY_TIMEOUT`] | 413 / 408 |
//! | request head | about 400 KiB (hyper's buffer) | 431 |
//! | a request, from its head to its answer handed to the socket (slow readers) | [`RESPONSE_DEADLINE`] | connection closed |
//! | requests handled at once | [`MAX_IN_FLIGHT`] | 503 |
//! | answer bytes held by all requests together | [`RESPONSE_BUDGET`] | 503 |
//!
//! One answer (a request, or a whole batch) is at most
//! [`jifen_rpc_types::MAX_RESPONSE_BYTES`] ([`super::handle_body`] keeps to
//! it); each request reserves that much of [`RESPONSE_BUDGET`] before it is
//! handled, keeps what its answer really holds, and gives it back once the
//! answer has been handed to the socket (or the connection is gone). So a
//! batch of 100 `jifen_lightBlocks` costs at most 4 MiB, and readers that
//! never read hold at most the budget, never gigabytes.
//!
//! Other methods get 405, other paths 404.
//!
//! With a certificate and key ([`tls_config`]) the same server speaks
//! HTTPS (rustls with `ring`, TLS 1.2 and 1.3, ALPN `http/1.1`): the
//! handshake happens inside the connection's slot, so a client that opens
//! a connection and never finishes its handshake counts as idle and is
//! closed after [`IDLE_TIMEOUT`] like any other; every limit above holds
//! unchanged. A connection refused for lack of room is closed without the
//! plain-text 503.
//!
//! The answer's `Content-Type` is the handler's: `application/json`, or a
//! binary light-block range (`application/vnd.jifen.light-blocks.v1`) when
//! the request's `Accept` names that type ([`Accepts`]) and the handler
//! answers so (`docs/rpc.md#binary-light-block-ranges`).

use std::convert::Infallible;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use http_body::{Frame, SizeHint};
use hyper::body::Incoming;
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use jifen_rpc_types::MAX_RESPONSE_BYTES;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, oneshot};

use super::connections::{Busy, ConnState, Registry, reap};

/// Why a certificate and key cannot serve TLS.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TlsConfigError {
    /// The certificate file holds no PEM certificate, or one that does not
    /// decode.
    #[error("the certificate PEM holds no readable certificate: {0}")]
    Certificate(String),
    /// The key file holds no PEM private key, or one that does not decode.
    #[error("the key PEM holds no readable private key: {0}")]
    Key(String),
    /// rustls refused the pair (e.g. the key is not the certificate's).
    #[error("the certificate and key cannot be used: {0}")]
    Refused(String),
}

/// rustls's `ring` provider: deprecated since rustls 0.23.48 because it has
/// no post-quantum key exchange; kept for its build cost
/// (`docs/adr/0023-tls-for-rpc.md`).
#[allow(deprecated)]
fn ring_provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// A TLS server configuration from PEM text: the certificate chain (leaf
/// first) and its private key (PKCS#8, PKCS#1 or SEC1).
///
/// # Errors
/// [`TlsConfigError`].
pub fn tls_config(
    certificate_pem: &[u8],
    key_pem: &[u8],
) -> Result<Arc<rustls::ServerConfig>, TlsConfigError> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let chain = CertificateDer::pem_slice_iter(certificate_pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|error| TlsConfigError::Certificate(error.to_string()))?;
    if chain.is_empty() {
        return Err(TlsConfigError::Certificate(
            "no -----BEGIN CERTIFICATE----- block".to_owned(),
        ));
    }
    let key = PrivateKeyDer::from_pem_slice(key_pem)
        .map_err(|error| TlsConfigError::Key(error.to_string()))?;
    let mut config = rustls::ServerConfig::builder_with_provider(ring_provider())
        .with_safe_default_protocol_versions()
        .map_err(|error| TlsConfigError::Refused(error.to_string()))?
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .map_err(|error| TlsConfigError::Refused(error.to_string()))?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

/// A reqwest client builder for plain-HTTP clients of the node (tools,
/// tests, benches). reqwest is built with rustls and no process-wide
/// crypto provider, so every client must bring its TLS configuration: this
/// one has `ring` and no root certificate (it is never used for TLS).
pub fn plain_client_builder() -> reqwest::blocking::ClientBuilder {
    let builder = reqwest::blocking::Client::builder();
    match rustls::ClientConfig::builder_with_provider(ring_provider())
        .with_safe_default_protocol_versions()
    {
        Ok(config) => builder.tls_backend_preconfigured(
            config
                .with_root_certificates(rustls::RootCertStore::empty())
                .with_no_client_auth(),
        ),
        Err(_) => builder,
    }
}

/// Largest request body (1 MiB).
pub const MAX_BODY: usize = 1 << 20;
/// Most requests handled at once; more get 503.
pub const MAX_IN_FLIGHT: usize = 64;
/// Most open connections (well below the 256 files a process may open by
/// default on macOS, 1,024 on Linux, leaving room for the store).
pub const MAX_CONNECTIONS: usize = 128;
/// How long a connection may stay without a request in progress: a client
/// that sends half a request head and waits, or an idle keep-alive
/// connection, is closed after it.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a request body may take once its head arrived.
pub const BODY_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a request may take from its head to its answer handed to the
/// socket (a reader that does not read is cut off).
pub const RESPONSE_DEADLINE: Duration = Duration::from_secs(30);
/// Bytes of answers all requests may hold at once (128 MiB: 32 maximal
/// answers).
pub const RESPONSE_BUDGET: usize = 128 << 20;
/// Bytes handed to hyper at a time, so an answer's share of the budget is
/// held until its last part is taken for the socket.
const CHUNK: usize = 64 << 10;
/// What a connection refused for lack of room gets before it is closed.
const BUSY: &[u8] =
    b"HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\nconnection: close\r\n\r\n";

/// Turns a request body into a JSON response body (`None`: no content, for
/// a JSON-RPC notification).
pub type Handler = dyn Fn(&[u8]) -> Option<Vec<u8>> + Send + Sync;

/// Turns a request body, with what its headers accept, into an answer
/// (`None`: no content, for a JSON-RPC notification).
pub type NegotiatingHandler = dyn Fn(&[u8], Accepts) -> Option<Reply> + Send + Sync;

/// What a request's headers accept besides JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Accepts {
    /// `Accept` names `application/vnd.jifen.light-blocks.v1`
    /// ([`jifen_rpc_types::LIGHT_BLOCKS_CONTENT_TYPE`]).
    pub light_blocks_frame: bool,
}

impl Accepts {
    /// What the `Accept` headers of a request accept.
    #[must_use]
    pub fn of(headers: &hyper::HeaderMap) -> Self {
        Self {
            light_blocks_frame: headers
                .get_all(header::ACCEPT)
                .iter()
                .filter_map(|value| value.to_str().ok())
                .any(jifen_rpc_types::accepts_light_blocks),
        }
    }
}

/// An answer and its media type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// The body.
    pub body: Vec<u8>,
    /// Its `Content-Type`.
    pub content_type: &'static str,
}

impl Reply {
    /// A JSON answer.
    #[must_use]
    pub const fn json(body: Vec<u8>) -> Self {
        Self {
            body,
            content_type: "application/json",
        }
    }
}

/// A lie told by the HTTP layer itself (fault injection, see
/// [`super::Fault`]): the JSON-RPC answers are honest, their delivery is
/// not.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportLie {
    /// Every request is answered `307 Temporary Redirect` to this URL (an
    /// empty one: to this server itself).
    Redirect(String),
    /// The answer is sent one byte at a time, this long apart.
    Trickle(Duration),
    /// The answer is sent without `Content-Length` (chunked), so the
    /// client learns its size only by reading it.
    Chunked,
}

/// What a running server counts.
#[derive(Debug, Default)]
struct Stats {
    requests: AtomicU64,
    refused: AtomicU64,
}

/// A running server.
#[derive(Debug)]
pub struct HttpServer {
    addr: SocketAddr,
    stats: Arc<Stats>,
    registry: Arc<Registry>,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl HttpServer {
    /// Binds `addr` (port 0: any free port) and serves `handler`.
    ///
    /// # Errors
    /// The bind error, or the runtime could not start.
    pub fn start(addr: SocketAddr, handler: Arc<Handler>) -> std::io::Result<Self> {
        Self::start_with(addr, handler, None)
    }

    /// [`HttpServer::start`], delivering answers with `lie` (fault
    /// injection).
    ///
    /// # Errors
    /// As [`HttpServer::start`].
    pub fn start_with(
        addr: SocketAddr,
        handler: Arc<Handler>,
        lie: Option<TransportLie>,
    ) -> std::io::Result<Self> {
        Self::start_negotiating(
            addr,
            Arc::new(move |body: &[u8], _: Accepts| handler(body).map(Reply::json)),
            lie,
        )
    }

    /// [`HttpServer::start_with`] for a handler that may answer in another
    /// media type than JSON when the request accepts it.
    ///
    /// # Errors
    /// As [`HttpServer::start`].
    pub fn start_negotiating(
        addr: SocketAddr,
        handler: Arc<NegotiatingHandler>,
        lie: Option<TransportLie>,
    ) -> std::io::Result<Self> {
        Self::start_serving(addr, handler, lie, None)
    }

    /// [`HttpServer::start_negotiating`], over TLS when `tls` is given
    /// ([`tls_config`]).
    ///
    /// # Errors
    /// As [`HttpServer::start`].
    pub fn start_serving(
        addr: SocketAddr,
        handler: Arc<NegotiatingHandler>,
        lie: Option<TransportLie>,
        tls: Option<Arc<rustls::ServerConfig>>,
    ) -> std::io::Result<Self> {
        let listener = std::net::TcpListener::bind(addr)?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let scheme = if tls.is_some() { "https" } else { "http" };
        let lie = match lie {
            Some(TransportLie::Redirect(location)) if location.is_empty() => {
                Some(TransportLie::Redirect(format!("{scheme}://{addr}/")))
            }
            other => other,
        };
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("rpc")
            .enable_all()
            .build()?;
        let (shutdown, stopped) = oneshot::channel::<()>();
        let stats = Arc::new(Stats::default());
        let registry = Arc::new(Registry::default());
        let server = Arc::new(Server {
            handler,
            lie,
            tls: tls.map(tokio_rustls::TlsAcceptor::from),
            in_flight: Arc::new(Semaphore::new(MAX_IN_FLIGHT)),
            budget: Arc::new(Semaphore::new(RESPONSE_BUDGET)),
            stats: Arc::clone(&stats),
        });
        let accepting = Arc::clone(&registry);
        let thread = std::thread::Builder::new()
            .name("rpc-server".into())
            .spawn(move || {
                runtime.block_on(async move {
                    let listener = match tokio::net::TcpListener::from_std(listener) {
                        Ok(listener) => listener,
                        Err(e) => {
                            tracing::error!(error = %e, "rpc listener");
                            return;
                        }
                    };
                    tokio::spawn(reap(Arc::clone(&accepting)));
                    accept_loop(listener, server, accepting, stopped).await;
                });
                // Handlers may sleep (the `slow-response` fault): do not wait
                // for them to stop.
                runtime.shutdown_timeout(Duration::from_secs(1));
            })?;
        Ok(Self {
            addr,
            stats,
            registry,
            shutdown: Some(shutdown),
            thread: Some(thread),
        })
    }

    /// The bound address.
    #[must_use]
    pub const fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Requests received so far (any method or path).
    #[must_use]
    pub fn requests(&self) -> u64 {
        self.stats.requests.load(Ordering::Relaxed)
    }

    /// Connections and requests refused so far for lack of room (503).
    #[must_use]
    pub fn refused(&self) -> u64 {
        self.stats.refused.load(Ordering::Relaxed)
    }

    /// Connections open now.
    #[must_use]
    pub fn connections(&self) -> usize {
        self.registry.lock().len()
    }

    /// Stops accepting connections, closes the open ones, and waits (at
    /// most about a second for handlers still running).
    pub fn stop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for HttpServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// What every connection's requests are served with.
struct Server {
    handler: Arc<NegotiatingHandler>,
    lie: Option<TransportLie>,
    tls: Option<tokio_rustls::TlsAcceptor>,
    in_flight: Arc<Semaphore>,
    budget: Arc<Semaphore>,
    stats: Arc<Stats>,
}

async fn accept_loop(
    listener: tokio::net::TcpListener,
    server: Arc<Server>,
    registry: Arc<Registry>,
    mut stopped: oneshot::Receiver<()>,
) {
    // One permit per open socket of an admitted connection.
    let sockets = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = &mut stopped => break,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(e) => {
                // Out of file descriptors or a connection reset before it was
                // taken: wait a little instead of spinning.
                tracing::warn!(error = %e, "rpc accept");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        match registry.admit() {
            Some((id, state, killed)) => {
                // An evicted connection is told to close, and its task
                // closes the socket a moment later: wait for that, so that
                // open sockets never exceed MAX_CONNECTIONS (and the file
                // descriptors with them) however fast clients connect.
                let socket = tokio::select! {
                    socket = Arc::clone(&sockets).acquire_owned() => socket,
                    _ = &mut stopped => break,
                };
                let Ok(socket) = socket else { break };
                let server = Arc::clone(&server);
                let registry = Arc::clone(&registry);
                tokio::spawn(async move {
                    serve_connection(stream, server, state, killed).await;
                    registry.remove(id);
                    drop(socket);
                });
            }
            None => {
                server.stats.refused.fetch_add(1, Ordering::Relaxed);
                // Best effort, without waiting: the socket is closed right
                // after. (Over TLS a plain-text answer means nothing.)
                if server.tls.is_none() {
                    let _ = stream.try_write(BUSY);
                }
            }
        }
    }
    // Close every open connection.
    for conn in registry.lock().iter_mut() {
        conn.close();
    }
}

async fn serve_connection(
    stream: tokio::net::TcpStream,
    server: Arc<Server>,
    state: Arc<ConnState>,
    mut killed: oneshot::Receiver<()>,
) {
    let Some(acceptor) = server.tls.clone() else {
        serve_http(TokioIo::new(stream), server, state, killed).await;
        return;
    };
    // The handshake is several small writes: without NODELAY, Nagle holds
    // a flight until the client's delayed ACK (tens of ms per handshake).
    let _ = stream.set_nodelay(true);
    // The handshake runs while the connection counts as idle: the reaper
    // closes it after IDLE_TIMEOUT, or for a new connection when full.
    let stream = tokio::select! {
        handshake = acceptor.accept(stream) => match handshake {
            Ok(stream) => stream,
            Err(e) => {
                tracing::debug!(error = %e, "rpc tls handshake");
                return;
            }
        },
        _ = &mut killed => return,
    };
    serve_http(TokioIo::new(stream), server, state, killed).await;
}

async fn serve_http<I>(
    io: I,
    server: Arc<Server>,
    state: Arc<ConnState>,
    killed: oneshot::Receiver<()>,
) where
    I: hyper::rt::Read + hyper::rt::Write + Unpin + Send + 'static,
{
    let service = hyper::service::service_fn(move |request: Request<Incoming>| {
        let server = Arc::clone(&server);
        let busy = Busy::start(Arc::clone(&state));
        async move {
            let response = route(&server, request).await;
            Ok::<_, Infallible>(response.map(|body| Body::new(Guarded { body, _busy: busy })))
        }
    });
    let connection = hyper::server::conn::http1::Builder::new().serve_connection(io, service);
    tokio::select! {
        served = connection => {
            if let Err(e) = served {
                tracing::debug!(error = %e, "rpc connection");
            }
        }
        _ = killed => {}
    }
}

/// An answer's body that keeps its request counted as in progress.
struct Guarded {
    body: Body,
    _busy: Busy,
}

impl http_body::Body for Guarded {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

fn status(code: StatusCode) -> Response<Body> {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = code;
    response
}

/// A refusal after which the connection is closed (the rest of the request
/// body is not read).
fn closing(code: StatusCode) -> Response<Body> {
    let mut response = status(code);
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

async fn route(server: &Server, request: Request<Incoming>) -> Response<Body> {
    server.stats.requests.fetch_add(1, Ordering::Relaxed);
    if request.uri().path() != "/" {
        return status(StatusCode::NOT_FOUND);
    }
    if request.method() != Method::POST {
        let mut response = status(StatusCode::METHOD_NOT_ALLOWED);
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("POST"));
        return response;
    }
    let accepts = Accepts::of(request.headers());
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if declared.is_some_and(|length| length > MAX_BODY as u64) {
        return closing(StatusCode::PAYLOAD_TOO_LARGE);
    }
    let read = axum::body::to_bytes(Body::new(request.into_body()), MAX_BODY);
    let body = match tokio::time::timeout(BODY_TIMEOUT, read).await {
        Ok(Ok(body)) => body,
        Ok(Err(_)) => return closing(StatusCode::PAYLOAD_TOO_LARGE),
        Err(_) => return closing(StatusCode::REQUEST_TIMEOUT),
    };
    if let Some(TransportLie::Redirect(location)) = &server.lie {
        let mut response = status(StatusCode::TEMPORARY_REDIRECT);
        if let Ok(value) = HeaderValue::from_str(location) {
            response.headers_mut().insert(header::LOCATION, value);
        }
        return response;
    }
    let refused = || {
        server.stats.refused.fetch_add(1, Ordering::Relaxed);
        status(StatusCode::SERVICE_UNAVAILABLE)
    };
    let Ok(_in_flight) = Arc::clone(&server.in_flight).try_acquire_owned() else {
        return refused();
    };
    let reserve = u32::try_from(MAX_RESPONSE_BYTES).unwrap_or(u32::MAX);
    let Ok(mut budget) = Arc::clone(&server.budget).try_acquire_many_owned(reserve) else {
        return refused();
    };
    // Handlers take locks and may sleep (the `slow-response` fault): keep
    // them off the async workers.
    let handler = Arc::clone(&server.handler);
    let Reply {
        body: answer,
        content_type,
    } = match tokio::task::spawn_blocking(move || handler(&body, accepts)).await {
        Ok(Some(answer)) => answer,
        Ok(None) => return status(StatusCode::NO_CONTENT),
        Err(_) => return status(StatusCode::INTERNAL_SERVER_ERROR),
    };
    // Keep the share the answer holds; give the rest of the reserve back.
    // (An answer over the reserve, which `handle_body` does not make, is
    // sent with the reserve alone.)
    let keep = answer.len().max(1);
    if keep < budget.num_permits() {
        drop(budget.split(budget.num_permits() - keep));
    }
    let mut response = Response::new(Body::new(Answer::new(
        Bytes::from(answer),
        budget,
        server.lie.clone(),
    )));
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

/// An answer handed to hyper a part at a time, holding its share of the
/// response budget until the last part is taken.
struct Answer {
    bytes: Bytes,
    sent: usize,
    budget: Option<OwnedSemaphorePermit>,
    lie: Option<TransportLie>,
    pause: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl Answer {
    fn new(bytes: Bytes, budget: OwnedSemaphorePermit, lie: Option<TransportLie>) -> Self {
        Self {
            bytes,
            sent: 0,
            budget: Some(budget),
            lie,
            pause: None,
        }
    }
}

impl http_body::Body for Answer {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let this = &mut *self;
        let total = this.bytes.len();
        if this.sent >= total {
            this.budget = None;
            return Poll::Ready(None);
        }
        let part = match &this.lie {
            Some(TransportLie::Trickle(every)) => {
                let pause = this
                    .pause
                    .get_or_insert_with(|| Box::pin(tokio::time::sleep(*every)));
                if pause.as_mut().poll(cx).is_pending() {
                    return Poll::Pending;
                }
                pause.as_mut().reset(tokio::time::Instant::now() + *every);
                1
            }
            _ => CHUNK,
        };
        let end = this.sent.saturating_add(part).min(total);
        let frame = this.bytes.slice(this.sent..end);
        this.sent = end;
        if this.sent >= total {
            this.budget = None;
        }
        Poll::Ready(Some(Ok(Frame::data(frame))))
    }

    fn is_end_stream(&self) -> bool {
        self.sent >= self.bytes.len()
    }

    fn size_hint(&self) -> SizeHint {
        if self.lie == Some(TransportLie::Chunked) {
            return SizeHint::new();
        }
        SizeHint::with_exact(u64::try_from(self.bytes.len() - self.sent).unwrap_or(u64::MAX))
    }
}
