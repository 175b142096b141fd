//! The HTTP side of JSON-RPC: `POST /` with a JSON body, served by axum on a
//! tokio runtime of its own (two worker threads), so the rest of the node stays
//! synchronous. Limits: request body 1 MiB (413), in-flight requests capped
//! (503 when over), other methods 405, oversized request heads 431 (hyper's
//! limit). The method table in [`super`] is transport-independent; handlers run
//! on tokio's blocking pool.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::DefaultBodyLimit;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use tokio::sync::{Semaphore, oneshot};
use tower_http::limit::RequestBodyLimitLayer;

/// Largest request body (1 MiB).
pub const MAX_BODY: usize = 1 << 20;
/// Most requests handled at once; more get 503.
pub const MAX_IN_FLIGHT: usize = 256;

/// Turns a request body into a response body (`None`: no content, for a
/// JSON-RPC notification).
pub type Handler = dyn Fn(&[u8]) -> Option<Vec<u8>> + Send + Sync;

/// A running server.
#[derive(Debug)]
pub struct HttpServer {
    addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl HttpServer {
    /// Binds `addr` (port 0: any free port) and serves `handler`.
    ///
    /// # Errors
    /// The bind error, or the runtime could not start.
    pub fn start(addr: SocketAddr, handler: Arc<Handler>) -> std::io::Result<Self> {
        let listener = std::net::TcpListener::bind(addr)?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("rpc")
            .enable_all()
            .build()?;
        let (shutdown, stopped) = oneshot::channel::<()>();
        let permits = Arc::new(Semaphore::new(MAX_IN_FLIGHT));
        let app = Router::new()
            .route(
                "/",
                post(move |body: Bytes| {
                    let handler = Arc::clone(&handler);
                    let permits = Arc::clone(&permits);
                    async move { serve(handler, permits, body).await }
                }),
            )
            // Refuses a declared Content-Length over the limit at once (413), and
            // bounds bodies without one while they are read.
            .layer(RequestBodyLimitLayer::new(MAX_BODY))
            .layer(DefaultBodyLimit::max(MAX_BODY));
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
                    let served = axum::serve(listener, app)
                        .with_graceful_shutdown(async move {
                            let _ = stopped.await;
                        })
                        .await;
                    if let Err(e) = served {
                        tracing::error!(error = %e, "rpc server stopped");
                    }
                });
            })?;
        Ok(Self {
            addr,
            shutdown: Some(shutdown),
            thread: Some(thread),
        })
    }

    /// The bound address.
    #[must_use]
    pub const fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops accepting connections, lets requests in progress finish, and waits.
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

async fn serve(handler: Arc<Handler>, permits: Arc<Semaphore>, body: Bytes) -> Response {
    let Ok(_permit) = permits.try_acquire_owned() else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    // Handlers take locks and may sleep (the `slow-response` fault): keep them off
    // the async workers.
    match tokio::task::spawn_blocking(move || handler(&body)).await {
        Ok(Some(response)) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            response,
        )
            .into_response(),
        Ok(None) => StatusCode::NO_CONTENT.into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
