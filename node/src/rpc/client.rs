//! A blocking JSON-RPC client over HTTP (reqwest, connections kept alive),
//! for tests, benchmarks and the node tools.

use std::io::Read;
use std::net::SocketAddr;
use std::time::Duration;

use serde_json::{Value, json};

/// Why a call failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ClientError {
    /// Connecting, sending or reading failed, or the answer was not JSON-RPC.
    #[error("transport: {0}")]
    Transport(String),
    /// The node answered with a JSON-RPC error.
    #[error("rpc error {code}: {message}")]
    Rpc {
        /// JSON-RPC error code (see docs/rpc.md).
        code: i64,
        /// Message.
        message: String,
        /// `data` member, if any.
        data: Option<Value>,
    },
}

fn transport(err: impl std::fmt::Display) -> ClientError {
    ClientError::Transport(err.to_string())
}

/// Largest response accepted (64 MiB).
pub const MAX_RESPONSE: usize = 64 << 20;

/// A blocking JSON-RPC client for one node (reqwest, kept-alive connections).
#[derive(Debug)]
pub struct RpcClient {
    url: String,
    http: reqwest::blocking::Client,
    next_id: u64,
}

impl RpcClient {
    /// A client for the node at `addr` (plain HTTP on loopback).
    #[must_use]
    pub fn new(addr: SocketAddr) -> Self {
        let http = reqwest::blocking::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(60))
            .build()
            .unwrap_or_else(|_| reqwest::blocking::Client::new());
        Self {
            url: format!("http://{addr}/"),
            http,
            next_id: 1,
        }
    }

    /// Posts a raw body and returns the raw response body (empty for 204).
    ///
    /// # Errors
    /// [`ClientError::Transport`] on connection errors, a status other than 200
    /// or 204, or a response over [`MAX_RESPONSE`].
    pub fn post(&mut self, body: &[u8]) -> Result<Vec<u8>, ClientError> {
        let response = self
            .http
            .post(&self.url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body.to_vec())
            .send()
            .map_err(transport)?;
        let status = response.status();
        if status != reqwest::StatusCode::OK && status != reqwest::StatusCode::NO_CONTENT {
            return Err(transport(format!("http status {status}")));
        }
        let mut bytes = Vec::new();
        response
            .take(MAX_RESPONSE as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(transport)?;
        if bytes.len() > MAX_RESPONSE {
            return Err(transport(format!("response over {MAX_RESPONSE} bytes")));
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
