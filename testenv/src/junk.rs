//! A hostile HTTP peer for tests and benches: it answers every request with
//! junk of a named kind ([`Junk`]), one kind after another from a
//! schedule, or passes a request through to an honest node
//! ([`Junk::Forward`]). Raw TCP on 127.0.0.1, a thread per connection; each
//! answer closes its connection.
//!
//! Unlike the reference node's faults (`jifen-node devnet --fault`), which
//! lie with well-formed HTTP, this one breaks the transport itself: bodies
//! that never end, lengths of a terabyte, bytes that are not HTTP, a drip.

use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long the server keeps at one connection at most (an endless body,
/// a drip, a hang end by then even if the client never closes).
const CONNECTION_CAP: Duration = Duration::from_secs(60);

/// What the peer answers to one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Junk {
    /// The request goes to the upstream node and its answer comes back.
    Forward,
    /// `503 Service Unavailable`, as a busy node answers.
    Busy,
    /// `200 OK` and this many random bytes (with their length).
    RandomBytes(usize),
    /// `200 OK`, chunked, 64 KiB chunks of random bytes until the client
    /// hangs up.
    Endless,
    /// `200 OK` with `Content-Length` of a terabyte, then random bytes until
    /// the client hangs up.
    HugeLength,
    /// `200 OK`, a length of 1,000 bytes (under any answer bound), then one
    /// byte every this long.
    Drip(Duration),
    /// Random bytes instead of an HTTP answer.
    NotHttp,
    /// The request is read and never answered.
    Hang,
    /// A valid JSON prefix nested this deep (`[[[[...`), then the end.
    DeepJson(usize),
}

/// A running hostile peer; stops (and stops answering) when dropped.
#[derive(Debug)]
pub struct JunkServer {
    addr: SocketAddr,
    requests: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
}

struct Plan {
    schedule: Vec<Junk>,
    next: AtomicUsize,
    upstream: Option<SocketAddr>,
    requests: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
    rng: Mutex<u64>,
}

impl JunkServer {
    /// Serves `schedule` in a loop (request *n* gets `schedule[n % len]`),
    /// forwarding [`Junk::Forward`] requests to `upstream`.
    ///
    /// # Panics
    /// When the schedule is empty or 127.0.0.1 cannot be bound (test
    /// support: no server, no test).
    #[must_use]
    pub fn start(schedule: &[Junk], upstream: Option<SocketAddr>) -> Self {
        assert!(!schedule.is_empty(), "a schedule of at least one kind");
        #[allow(clippy::expect_used)] // Test support.
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        #[allow(clippy::expect_used)]
        let addr = listener.local_addr().expect("the bound address");
        let requests = Arc::new(AtomicU64::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let plan = Arc::new(Plan {
            schedule: schedule.to_vec(),
            next: AtomicUsize::new(0),
            upstream,
            requests: Arc::clone(&requests),
            stop: Arc::clone(&stop),
            rng: Mutex::new(0x9E37_79B9_7F4A_7C15),
        });
        let _ = std::thread::Builder::new()
            .name("junk-accept".into())
            .spawn(move || {
                for stream in listener.incoming() {
                    if plan.stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let plan = Arc::clone(&plan);
                    let _ = std::thread::Builder::new()
                        .name("junk-conn".into())
                        .spawn(move || {
                            let _ = serve(&plan, stream);
                        });
                }
            });
        Self {
            addr,
            requests,
            stop,
        }
    }

    /// The bound address.
    #[must_use]
    pub const fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://` and the address.
    #[must_use]
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Requests received so far.
    #[must_use]
    pub fn requests(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }
}

impl Drop for JunkServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        // Wake the accept loop.
        let _ = TcpStream::connect(self.addr);
    }
}

impl Plan {
    fn random(&self, bytes: &mut [u8]) {
        let mut state = *self.rng.lock().unwrap_or_else(PoisonError::into_inner);
        for byte in bytes.iter_mut() {
            // xorshift64*
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            *byte = (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8;
        }
        *self.rng.lock().unwrap_or_else(PoisonError::into_inner) = state;
    }

    fn live(&self, since: Instant) -> bool {
        !self.stop.load(Ordering::Relaxed) && since.elapsed() < CONNECTION_CAP
    }
}

/// Reads one request (head and `Content-Length` body); `None` if the
/// client hung up first.
fn read_request(stream: &mut TcpStream) -> io::Result<Option<Vec<u8>>> {
    let mut request = Vec::new();
    let mut buffer = [0u8; 16 * 1024];
    loop {
        if let Some(end) = request.windows(4).position(|w| w == b"\r\n\r\n") {
            let head =
                String::from_utf8_lossy(request.get(..end).unwrap_or_default()).to_lowercase();
            let length = head
                .lines()
                .find_map(|line| line.strip_prefix("content-length:"))
                .and_then(|value| value.trim().parse::<usize>().ok())
                .unwrap_or(0);
            if request.len() >= end + 4 + length {
                return Ok(Some(request));
            }
        }
        let read = stream.read(&mut buffer)?;
        if read == 0 {
            return Ok(None);
        }
        request.extend_from_slice(buffer.get(..read).unwrap_or_default());
        if request.len() > 4 << 20 {
            return Ok(None);
        }
    }
}

fn forward(upstream: SocketAddr, request: &[u8]) -> io::Result<Vec<u8>> {
    let mut stream = TcpStream::connect(upstream)?;
    stream.set_read_timeout(Some(CONNECTION_CAP))?;
    // One request per connection, so the answer ends with the connection.
    let text = String::from_utf8_lossy(request);
    let rewritten = if text.to_lowercase().contains("\r\nconnection:") {
        request.to_vec()
    } else {
        let head_end = request
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or(request.len());
        let mut out = request.get(..head_end).unwrap_or_default().to_vec();
        out.extend_from_slice(b"\r\nconnection: close");
        out.extend_from_slice(request.get(head_end..).unwrap_or_default());
        out
    };
    stream.write_all(&rewritten)?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer)?;
    Ok(answer)
}

fn serve(plan: &Plan, mut stream: TcpStream) -> io::Result<()> {
    let since = Instant::now();
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let Some(request) = read_request(&mut stream)? else {
        return Ok(());
    };
    plan.requests.fetch_add(1, Ordering::Relaxed);
    let index = plan.next.fetch_add(1, Ordering::Relaxed) % plan.schedule.len();
    let junk = plan.schedule.get(index).copied().unwrap_or(Junk::Busy);
    let mut chunk = vec![0u8; 64 * 1024];
    match junk {
        Junk::Forward => {
            let answer = match plan.upstream {
                Some(upstream) => forward(upstream, &request)?,
                None => {
                    b"HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                        .to_vec()
                }
            };
            stream.write_all(&answer)?;
        }
        Junk::Busy => stream.write_all(
            b"HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
        )?,
        Junk::RandomBytes(count) => {
            let mut body = vec![0u8; count];
            plan.random(&mut body);
            stream.write_all(
                format!("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {count}\r\nconnection: close\r\n\r\n")
                    .as_bytes(),
            )?;
            stream.write_all(&body)?;
        }
        Junk::Endless => {
            stream.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n")?;
            while plan.live(since) {
                plan.random(&mut chunk);
                stream.write_all(format!("{:x}\r\n", chunk.len()).as_bytes())?;
                stream.write_all(&chunk)?;
                stream.write_all(b"\r\n")?;
            }
        }
        Junk::HugeLength => {
            stream.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1099511627776\r\n\r\n")?;
            while plan.live(since) {
                plan.random(&mut chunk);
                stream.write_all(&chunk)?;
            }
        }
        Junk::Drip(every) => {
            stream.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n")?;
            for _ in 0..1_000 {
                if !plan.live(since) {
                    break;
                }
                stream.write_all(b"[")?;
                std::thread::sleep(every);
            }
        }
        Junk::NotHttp => {
            plan.random(&mut chunk);
            stream.write_all(&chunk)?;
        }
        Junk::Hang => {
            // Wait for the client to hang up (or the cap).
            stream.set_read_timeout(Some(Duration::from_millis(200)))?;
            let mut byte = [0u8; 1];
            while plan.live(since) {
                match stream.read(&mut byte) {
                    Ok(0) => break,
                    Ok(_) => {}
                    Err(e)
                        if matches!(
                            e.kind(),
                            io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                        ) => {}
                    Err(_) => break,
                }
            }
        }
        Junk::DeepJson(depth) => {
            stream.write_all(
                format!("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {depth}\r\nconnection: close\r\n\r\n")
                    .as_bytes(),
            )?;
            stream.write_all(&vec![b'['; depth])?;
        }
    }
    let _ = stream.flush();
    let _ = stream.shutdown(Shutdown::Both);
    Ok(())
}
