//! A blocking JSON-RPC client over HTTP (reqwest, connections kept alive),
//! for tests, benchmarks and the node tools. It speaks the wire format of
//! `jifen-rpc-types`: [`RpcClient::request`] for typed calls,
//! [`RpcClient::call`] to send any method and params (tests of the server's
//! own refusals).

use std::io::Read;
use std::net::SocketAddr;
use std::time::Duration;

use jifen_protocol::message::{Arg, Coded};
use jifen_rpc_types::{Call, Id, Request, Response, WireError, WireObject};
use serde_json::{Value, json};

/// Why a call failed.
///
/// Codes: `node-client-transport`, `node-client-rpc`, `node-client-wire`.
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
        /// `data` member, if any (`{"code": <kebab-case name>}`).
        data: Option<Value>,
    },
    /// A typed result does not read as `docs/rpc.md` defines it.
    #[error("result: {0}")]
    Wire(#[from] WireError),
}

impl ClientError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Transport(_) => "node-client-transport",
            Self::Rpc { .. } => "node-client-rpc",
            Self::Wire(_) => "node-client-wire",
        }
    }
}

impl Coded for ClientError {
    fn code(&self) -> &'static str {
        ClientError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            Self::Transport(message) => vec![("detail", message.into())],
            Self::Rpc { code, message, .. } => {
                vec![("number", (*code).into()), ("detail", message.into())]
            }
            Self::Wire(inner) => inner.args(),
        }
    }
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
        Self::with_timeout(addr, Duration::from_secs(60))
    }

    /// [`RpcClient::new`] with a deadline of `timeout` per call (a full
    /// node's sources: a hanging source must not stall the follower).
    #[must_use]
    pub fn with_timeout(addr: SocketAddr, timeout: Duration) -> Self {
        let http = super::http::plain_client_builder()
            .connect_timeout(Duration::from_secs(5).min(timeout))
            .timeout(timeout)
            // Shorter than the node's idle timeout: never reuse a
            // connection the node is closing.
            .pool_idle_timeout(Duration::from_secs(5))
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

    /// Sends `request` (given the next id) and returns its result.
    fn send(&mut self, mut request: Request) -> Result<Value, ClientError> {
        let id = Id::from(self.next_id);
        self.next_id += 1;
        request.id = Some(id.clone());
        let body = serde_json::to_vec(&request.to_json()).map_err(transport)?;
        let response = Response::parse(&self.post(&body)?).map_err(transport)?;
        response
            .outcome_for(&id)
            .map_err(transport)?
            .map_err(|error| ClientError::Rpc {
                code: error.code,
                message: error.message,
                data: error.name.map(|name| json!({ "code": name })),
            })
    }

    /// Calls the method of `params` and reads its typed result.
    ///
    /// # Errors
    /// [`ClientError`].
    pub fn request<C: Call>(&mut self, params: &C) -> Result<C::Output, ClientError> {
        let result = self.send(Request::call(Id::Null, params))?;
        Ok(C::Output::from_json(&result)?)
    }

    /// Calls `method` with `params` (an object: parameters are by name) and
    /// returns the `result` as it came.
    ///
    /// # Errors
    /// [`ClientError`]; [`ClientError::Transport`] for params that are not
    /// an object.
    pub fn call(&mut self, method: &str, params: Value) -> Result<Value, ClientError> {
        let params = match params {
            Value::Object(params) => params,
            Value::Null => serde_json::Map::new(),
            _ => return Err(transport("params must be an object (by name)")),
        };
        self.send(Request {
            id: None,
            method: method.to_owned(),
            params,
        })
    }
}
