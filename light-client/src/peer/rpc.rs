//! [`RpcPeer`]: a [`JsonRpcPeer`] over blocking HTTP with reqwest
//! ([`HttpTransport`]).
//!
//! What a hostile node cannot do to it (`docs/security.md#hostile-nodes`):
//! - **hold it**: every request has one total deadline
//!   ([`RpcOptions::timeout`]) covering connect, send, the status line and
//!   the whole body, checked between reads as well as by the HTTP client;
//!   a node that trickles its answer a byte at a time ends in
//!   [`PeerError::Timeout`];
//! - **swell it**: an answer is refused from its `Content-Length` when that
//!   is over the method's bound ([`SMALL_ANSWER_BYTES`] for calls with a
//!   few fields, [`HISTORY_ANSWER_BYTES`] for a history page,
//!   [`RpcOptions::max_response_bytes`] for the rest), and otherwise never
//!   read past the bound plus one byte ([`PeerError::ResponseTooLarge`]);
//! - **send it elsewhere**: redirects are not followed; a 3xx answer is
//!   [`PeerError::Redirect`] and nothing is sent to the other address.
//!
//! Ranges of light blocks are asked for with
//! `Accept: application/vnd.jifen.light-blocks.v1` and told apart by the
//! answer's `Content-Type` (older nodes ignore the `Accept` and answer JSON).

use std::io::Read;
use std::time::{Duration, Instant};

use jifen_rpc_types::{LIGHT_BLOCKS_CONTENT_TYPE, names_light_blocks_type};

use super::PeerError;
use super::jsonrpc::{Answer, JsonRpcPeer, RpcOptions, Transport};
#[cfg(doc)]
use super::jsonrpc::{HISTORY_ANSWER_BYTES, SMALL_ANSWER_BYTES};

/// How long an idle kept-alive connection is reused: shorter than the
/// reference node's idle timeout (10 s), so the client never sends on a
/// connection the node is closing.
const POOL_IDLE: Duration = Duration::from_secs(5);

/// Bytes read at a time, so the deadline is checked between reads.
const READ_CHUNK: usize = 64 << 10;

/// A node reached over JSON-RPC on HTTP.
pub type RpcPeer = JsonRpcPeer<HttpTransport>;

/// HTTP POSTs to one node's URL.
#[derive(Debug)]
pub struct HttpTransport {
    url: String,
    http: reqwest::blocking::Client,
    timeout: Duration,
}

impl JsonRpcPeer<HttpTransport> {
    /// A peer for the node at `url` (e.g. `http://127.0.0.1:26657`). No
    /// request is made until the first call.
    ///
    /// # Errors
    /// [`PeerError::Unreachable`] when the URL is not an `http://` or
    /// `https://` URL or the HTTP client cannot be built.
    pub fn connect(url: &str, options: RpcOptions) -> Result<Self, PeerError> {
        let url = url.trim().to_owned();
        let unreachable = |message: String| PeerError::Unreachable {
            peer: url.clone(),
            message,
        };
        let parsed = reqwest::Url::parse(&url).map_err(|error| unreachable(error.to_string()))?;
        if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
            return Err(unreachable("not an http:// URL".to_owned()));
        }
        let http = reqwest::blocking::Client::builder()
            .connect_timeout(options.connect_timeout)
            .timeout(options.timeout)
            .pool_idle_timeout(POOL_IDLE)
            // A redirect would send the request to an address the user did
            // not configure (past the endpoint rules): refused, not followed.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|error| unreachable(error.to_string()))?;
        Ok(Self::over(
            HttpTransport {
                url,
                http,
                timeout: options.timeout,
            },
            options,
        ))
    }

    /// The node's URL.
    #[must_use]
    pub fn url(&self) -> &str {
        &self.transport().url
    }
}

impl HttpTransport {
    fn transport_error(&self, error: &reqwest::Error) -> PeerError {
        if error.is_timeout() {
            self.timeout_error()
        } else {
            PeerError::Unreachable {
                peer: self.url.clone(),
                message: error.to_string(),
            }
        }
    }

    fn timeout_error(&self) -> PeerError {
        PeerError::Timeout {
            peer: self.url.clone(),
            timeout_ms: u64::try_from(self.timeout.as_millis()).unwrap_or(u64::MAX),
        }
    }

    fn read_error(&self, error: &std::io::Error) -> PeerError {
        let timed_out = error.kind() == std::io::ErrorKind::TimedOut
            || error
                .get_ref()
                .and_then(|inner| inner.downcast_ref::<reqwest::Error>())
                .is_some_and(reqwest::Error::is_timeout);
        if timed_out {
            self.timeout_error()
        } else {
            PeerError::Unreachable {
                peer: self.url.clone(),
                message: error.to_string(),
            }
        }
    }
}

impl Transport for HttpTransport {
    fn id(&self) -> &str {
        &self.url
    }

    /// Posts `body`, returns the answer's bytes: at most `limit` of them,
    /// all within the request's total deadline. With `frame`, the request
    /// accepts a binary light-block range besides JSON.
    fn post(&self, body: Vec<u8>, limit: u64, frame: bool) -> Result<Answer, PeerError> {
        let deadline = Instant::now() + self.timeout;
        let accept = if frame {
            // JSON stays acceptable: errors, and nodes without frames.
            format!("{LIGHT_BLOCKS_CONTENT_TYPE}, application/json")
        } else {
            "application/json".to_owned()
        };
        let mut response = self
            .http
            .post(&self.url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header(reqwest::header::ACCEPT, accept)
            // The whole request, body included (reqwest's client-wide
            // timeout in blocking mode bounds each read, not the answer).
            .timeout(self.timeout)
            .body(body)
            .send()
            .map_err(|error| self.transport_error(&error))?;
        let status = response.status();
        if status.is_redirection() {
            let location = response
                .headers()
                .get(reqwest::header::LOCATION)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default();
            return Err(PeerError::Redirect {
                status: status.as_u16(),
                location: location.chars().take(200).collect(),
            });
        }
        if status != reqwest::StatusCode::OK {
            return Err(PeerError::HttpStatus {
                status: status.as_u16(),
            });
        }
        let is_frame = response
            .headers()
            .get_all(reqwest::header::CONTENT_TYPE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .any(names_light_blocks_type);
        if is_frame && !frame {
            return Err(PeerError::BadEnvelope {
                reason: format!(
                    "a binary answer ({LIGHT_BLOCKS_CONTENT_TYPE}) to a request that did not ask for one"
                ),
            });
        }
        let declared = response.content_length();
        if declared.is_some_and(|length| length > limit) {
            return Err(PeerError::ResponseTooLarge { limit });
        }
        // At most the bound plus one byte is ever read (the extra byte tells
        // an answer over the bound from one exactly at it).
        let most = usize::try_from(limit.saturating_add(1)).unwrap_or(usize::MAX);
        let mut bytes = Vec::with_capacity(
            declared
                .and_then(|length| usize::try_from(length).ok())
                .unwrap_or(0)
                .min(most),
        );
        let mut chunk = vec![0u8; READ_CHUNK];
        loop {
            if Instant::now() >= deadline {
                return Err(self.timeout_error());
            }
            let want = READ_CHUNK.min(most - bytes.len());
            let read = response
                .read(chunk.get_mut(..want).unwrap_or_default())
                .map_err(|error| self.read_error(&error))?;
            if read == 0 {
                break;
            }
            bytes.extend_from_slice(chunk.get(..read).unwrap_or_default());
            if bytes.len() >= most {
                return Err(PeerError::ResponseTooLarge { limit });
            }
        }
        // The deadline also covers the last read.
        if Instant::now() > deadline {
            return Err(self.timeout_error());
        }
        Ok(Answer {
            bytes,
            frame: is_frame,
        })
    }
}
