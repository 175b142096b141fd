//! A small HTTP/1.1 server for JSON-RPC: `POST /` with a JSON body, bounded
//! header and body sizes, keep-alive, one thread per connection up to a cap.
//!
//! This is a stop-gap: the node has no async runtime yet and needs only
//! `POST /` with a bounded body, so the first version serves it with std
//! threads. It is to be replaced by a maintained server (jsonrpsee or axum on
//! tokio) when P2P brings the runtime; the method table in [`super`] is
//! transport-independent, so that change touches only this file.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

/// Largest request body (1 MiB).
pub const MAX_BODY: usize = 1 << 20;
/// Largest request head (16 KiB).
pub const MAX_HEAD: usize = 16 << 10;
/// Most concurrent connections.
pub const MAX_CONNECTIONS: usize = 256;
/// Idle/read timeout of a connection.
pub const READ_TIMEOUT: Duration = Duration::from_secs(30);

/// Turns a request body into a response body (`None`: no content, for a
/// JSON-RPC notification).
pub type Handler = dyn Fn(&[u8]) -> Option<Vec<u8>> + Send + Sync;

/// A running server.
#[derive(Debug)]
pub struct HttpServer {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl HttpServer {
    /// Binds `addr` (port 0: any free port) and serves `handler`.
    ///
    /// # Errors
    /// The bind error.
    pub fn start(addr: SocketAddr, handler: Arc<Handler>) -> std::io::Result<Self> {
        let listener = TcpListener::bind(addr)?;
        let addr = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let active = Arc::new(AtomicUsize::new(0));
        let stop_flag = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("rpc-accept".into())
            .spawn(move || {
                for stream in listener.incoming() {
                    if stop_flag.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    if active.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
                        let _ = respond(&stream, 503, "Service Unavailable", b"", false);
                        continue;
                    }
                    active.fetch_add(1, Ordering::SeqCst);
                    let handler = Arc::clone(&handler);
                    let active = Arc::clone(&active);
                    let spawned =
                        std::thread::Builder::new()
                            .name("rpc-conn".into())
                            .spawn(move || {
                                serve_connection(stream, handler.as_ref());
                                active.fetch_sub(1, Ordering::SeqCst);
                            });
                    if spawned.is_err() {
                        tracing::warn!("cannot spawn a connection thread");
                    }
                }
            })?;
        Ok(Self {
            addr,
            stop,
            thread: Some(thread),
        })
    }

    /// The bound address.
    #[must_use]
    pub const fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops accepting connections and waits for the accept thread.
    pub fn stop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_millis(200));
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

fn respond(
    mut stream: &TcpStream,
    status: u16,
    reason: &str,
    body: &[u8],
    keep_alive: bool,
) -> std::io::Result<()> {
    let connection = if keep_alive { "keep-alive" } else { "close" };
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: {connection}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}

fn serve_connection(stream: TcpStream, handler: &Handler) {
    let _ = stream.set_read_timeout(Some(READ_TIMEOUT));
    let _ = stream.set_nodelay(true);
    let Ok(read_half) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(read_half);
    loop {
        match read_request(&mut reader) {
            Ok(None) => return,
            Ok(Some(request)) => {
                let keep_alive = request.keep_alive;
                let result = match request.problem {
                    Some((status, reason)) => respond(&stream, status, reason, b"", false),
                    None => match handler(&request.body) {
                        Some(body) => respond(&stream, 200, "OK", &body, keep_alive),
                        None => respond(&stream, 204, "No Content", b"", keep_alive),
                    },
                };
                if result.is_err() || !keep_alive || request.problem.is_some() {
                    return;
                }
            }
            Err(_) => return,
        }
    }
}

struct Request {
    body: Vec<u8>,
    keep_alive: bool,
    problem: Option<(u16, &'static str)>,
}

fn read_request(reader: &mut BufReader<TcpStream>) -> std::io::Result<Option<Request>> {
    let mut head_len = 0usize;
    let mut request_line = String::new();
    // `take` bounds every line: a peer sending no newline cannot make us
    // buffer more than the head limit.
    if reader
        .by_ref()
        .take(MAX_HEAD as u64)
        .read_line(&mut request_line)?
        == 0
    {
        return Ok(None);
    }
    head_len += request_line.len();
    let mut content_length: Option<usize> = None;
    let mut keep_alive = true;
    let mut chunked = false;
    loop {
        let mut line = String::new();
        let budget = MAX_HEAD.saturating_sub(head_len) as u64 + 1;
        let n = reader.by_ref().take(budget).read_line(&mut line)?;
        if n == 0 {
            return Ok(None);
        }
        head_len += n;
        if head_len > MAX_HEAD {
            return Ok(Some(Request {
                body: Vec::new(),
                keep_alive: false,
                problem: Some((431, "Request Header Fields Too Large")),
            }));
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            let name = name.trim().to_ascii_lowercase();
            let value = value.trim();
            match name.as_str() {
                "content-length" => content_length = value.parse().ok(),
                "connection" => keep_alive = !value.eq_ignore_ascii_case("close"),
                "transfer-encoding" => chunked = true,
                _ => {}
            }
        }
    }
    let problem = |status, reason| {
        Ok(Some(Request {
            body: Vec::new(),
            keep_alive: false,
            problem: Some((status, reason)),
        }))
    };
    if !request_line.starts_with("POST ") {
        return problem(405, "Method Not Allowed");
    }
    if chunked {
        return problem(411, "Length Required");
    }
    let Some(length) = content_length else {
        return problem(411, "Length Required");
    };
    if length > MAX_BODY {
        return problem(413, "Payload Too Large");
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    Ok(Some(Request {
        body,
        keep_alive,
        problem: None,
    }))
}
