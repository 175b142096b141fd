//! A minimal blocking JSON-RPC client over HTTP/1.1 (one connection, kept
//! alive), for tests, benchmarks and the fixture tools.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use serde_json::{Value, json};

/// Why a call failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ClientError {
    /// Network or HTTP failure.
    #[error("transport: {0}")]
    Transport(String),
    /// The server returned a JSON-RPC error.
    #[error("rpc error {code}: {message}")]
    Rpc {
        /// Error code.
        code: i64,
        /// Message.
        message: String,
        /// Extra data.
        data: Option<Value>,
    },
}

fn transport(err: impl std::fmt::Display) -> ClientError {
    ClientError::Transport(err.to_string())
}

/// Longest response head line read.
const MAX_HEAD_LINE: u64 = 16 << 10;

/// Largest response accepted (64 MiB).
pub const MAX_RESPONSE: usize = 64 << 20;

/// A client bound to one server.
#[derive(Debug)]
pub struct RpcClient {
    addr: SocketAddr,
    stream: Option<BufReader<TcpStream>>,
    next_id: u64,
}

impl RpcClient {
    /// A client for the server at `addr`.
    #[must_use]
    pub const fn new(addr: SocketAddr) -> Self {
        Self {
            addr,
            stream: None,
            next_id: 1,
        }
    }

    /// Posts a raw body and returns the raw response body.
    ///
    /// # Errors
    /// [`ClientError::Transport`].
    pub fn post(&mut self, body: &[u8]) -> Result<Vec<u8>, ClientError> {
        match self.post_once(body) {
            Ok(bytes) => Ok(bytes),
            Err(_) => {
                // The kept-alive connection may have been closed: retry once.
                self.stream = None;
                self.post_once(body)
            }
        }
    }

    fn post_once(&mut self, body: &[u8]) -> Result<Vec<u8>, ClientError> {
        if self.stream.is_none() {
            let stream = TcpStream::connect_timeout(&self.addr, Duration::from_secs(5))
                .map_err(transport)?;
            stream
                .set_read_timeout(Some(Duration::from_secs(60)))
                .map_err(transport)?;
            let _ = stream.set_nodelay(true);
            self.stream = Some(BufReader::new(stream));
        }
        let Some(reader) = self.stream.as_mut() else {
            return Err(transport("no connection"));
        };
        let head = format!(
            "POST / HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            self.addr,
            body.len()
        );
        let stream = reader.get_mut();
        stream.write_all(head.as_bytes()).map_err(transport)?;
        stream.write_all(body).map_err(transport)?;
        let mut status = String::new();
        if reader
            .by_ref()
            .take(MAX_HEAD_LINE)
            .read_line(&mut status)
            .map_err(transport)?
            == 0
        {
            return Err(transport("connection closed"));
        }
        let mut length = 0usize;
        let mut close = false;
        loop {
            let mut line = String::new();
            if reader
                .by_ref()
                .take(MAX_HEAD_LINE)
                .read_line(&mut line)
                .map_err(transport)?
                == 0
            {
                return Err(transport("connection closed in headers"));
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                let name = name.trim().to_ascii_lowercase();
                if name == "content-length" {
                    length = value.trim().parse().map_err(transport)?;
                } else if name == "connection" && value.trim().eq_ignore_ascii_case("close") {
                    close = true;
                }
            }
        }
        if length > MAX_RESPONSE {
            self.stream = None;
            return Err(transport(format!(
                "response of {length} bytes is too large"
            )));
        }
        let mut bytes = vec![0; length];
        reader.read_exact(&mut bytes).map_err(transport)?;
        if close {
            self.stream = None;
        }
        if !status.contains(" 200 ") && !status.contains(" 204 ") {
            return Err(transport(format!("http status {}", status.trim())));
        }
        Ok(bytes)
    }

    /// Calls `method` with `params` and returns the `result`.
    ///
    /// # Errors
    /// [`ClientError`].
    pub fn call(&mut self, method: &str, params: Value) -> Result<Value, ClientError> {
        let id = self.next_id;
        self.next_id += 1;
        let request = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        let body = serde_json::to_vec(&request).map_err(transport)?;
        let response: Value = serde_json::from_slice(&self.post(&body)?).map_err(transport)?;
        if let Some(error) = response.get("error") {
            return Err(ClientError::Rpc {
                code: error.get("code").and_then(Value::as_i64).unwrap_or(0),
                message: error
                    .get("message")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned(),
                data: error.get("data").cloned(),
            });
        }
        response
            .get("result")
            .cloned()
            .ok_or_else(|| transport("response has neither result nor error"))
    }
}
