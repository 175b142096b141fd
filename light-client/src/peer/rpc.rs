//! [`RpcPeer`]: a [`Peer`] over the node's JSON-RPC 2.0 (`docs/rpc.md`),
//! blocking HTTP with reqwest.
//!
//! Every answer is read with a size cap (refused from `Content-Length`
//! before reading, and while reading when there is none), parsed as JSON,
//! checked to be the response to the request, and read with the typed
//! results of `jifen-rpc-types`: every binary field decoded with the
//! protocol's strict decoders (exactly one canonical encoding, no trailing
//! bytes), fields that repeat each other (`hash` and the header, `height`
//! and the header's height) agreeing. Anything else is a [`PeerError`].

use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use jifen_protocol::{Address, Hash32, Network, Transaction};
use jifen_rpc_types::{
    AccountParams, Call, ErrorCode, ErrorObject, Id, LightBlockParams, LightBlockResult,
    LightBlocksParams, MAX_LIGHT_BLOCKS, Request, Response, StateParams, StateResult, StatusParams,
    SubmitTxParams, TxProofParams, TxStatus, TxStatusParams, WireError, WireObject,
};
use serde_json::Value;

use super::{Peer, PeerError, PeerStatus, TxStatusAnswer};
use crate::light_block::LightBlock;
use crate::proof::{UntrustedState, UntrustedTxProof};

/// Transport limits of an [`RpcPeer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RpcOptions {
    /// Time allowed to connect.
    pub connect_timeout: Duration,
    /// Time allowed for a whole request, answer included.
    pub timeout: Duration,
    /// Largest answer accepted, in bytes.
    pub max_response_bytes: u64,
}

impl Default for RpcOptions {
    /// Connect within 5 s, answer within 20 s, at most 16 MiB.
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(5),
            timeout: Duration::from_secs(20),
            max_response_bytes: 16 << 20,
        }
    }
}

/// A node reached over JSON-RPC (plain HTTP).
#[derive(Debug)]
pub struct RpcPeer {
    url: String,
    http: reqwest::blocking::Client,
    options: RpcOptions,
    next_id: AtomicU64,
}

impl RpcPeer {
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
            .build()
            .map_err(|error| unreachable(error.to_string()))?;
        Ok(Self {
            url,
            http,
            options,
            next_id: AtomicU64::new(1),
        })
    }

    /// The node's URL.
    #[must_use]
    pub fn url(&self) -> &str {
        &self.url
    }

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
            timeout_ms: u64::try_from(self.options.timeout.as_millis()).unwrap_or(u64::MAX),
        }
    }

    /// Posts `body`, returns the answer's bytes (size-capped).
    fn post(&self, body: Vec<u8>) -> Result<Vec<u8>, PeerError> {
        let response = self
            .http
            .post(&self.url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body)
            .send()
            .map_err(|error| self.transport_error(&error))?;
        let status = response.status();
        if status != reqwest::StatusCode::OK {
            return Err(PeerError::HttpStatus {
                status: status.as_u16(),
            });
        }
        let limit = self.options.max_response_bytes;
        if response
            .content_length()
            .is_some_and(|length| length > limit)
        {
            return Err(PeerError::ResponseTooLarge { limit });
        }
        let mut bytes = Vec::new();
        response
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|error| {
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
            })?;
        if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > limit {
            return Err(PeerError::ResponseTooLarge { limit });
        }
        Ok(bytes)
    }

    /// Calls the method of `params` and reads its typed result (or the
    /// node's error).
    fn call<C: Call>(&self, params: &C) -> Result<C::Output, PeerError> {
        let id = Id::from(self.next_id.fetch_add(1, Ordering::Relaxed));
        let request = Request::call(id.clone(), params);
        let body =
            serde_json::to_vec(&request.to_json()).map_err(|error| PeerError::BadEnvelope {
                reason: error.to_string(),
            })?;
        let result = outcome_of(&self.post(body)?, &id)?.map_err(rpc_error)?;
        Ok(C::Output::from_json(&result)?)
    }
}

/// The outcome of a response body to the request with `id`.
fn outcome_of(body: &[u8], id: &Id) -> Result<Result<Value, ErrorObject>, PeerError> {
    Response::parse(body)
        .and_then(|response| response.outcome_for(id))
        .map_err(PeerError::from)
}

fn rpc_error(error: ErrorObject) -> PeerError {
    PeerError::Rpc {
        code: error.code,
        name: error.name.unwrap_or_default(),
        message: error.message,
    }
}

/// "No block there" is [`PeerError::HeightUnavailable`] for `height`.
fn unavailable(error: PeerError, height: u64) -> PeerError {
    match error {
        PeerError::Rpc { code, .. } if code == ErrorCode::HeightNotAvailable.number() => {
            PeerError::HeightUnavailable { height }
        }
        other => other,
    }
}

/// A light block from a `jifen_lightBlock` result; `height` is the height
/// asked for (`None`: the latest).
fn light_block_from(
    result: LightBlockResult,
    height: Option<u64>,
) -> Result<LightBlock, PeerError> {
    if let Some(height) = height {
        result.expect_height(height)?;
    }
    Ok(LightBlock {
        header: result.header,
        commit: result.commit,
        validators: result.validator_set,
        next_validators: result.next_validator_set,
    })
}

fn state_from(result: StateResult) -> UntrustedState {
    UntrustedState {
        height: result.height,
        key: result.key,
        value: result.value,
        proof: result.proof,
    }
}

impl Peer for RpcPeer {
    fn id(&self) -> &str {
        &self.url
    }

    fn status(&self) -> Result<PeerStatus, PeerError> {
        let status = self.call(&StatusParams)?;
        Ok(PeerStatus {
            chain_id: status.chain_id,
            latest_height: status.latest_height,
            epoch_length: status.epoch_length,
        })
    }

    fn light_block(&self, height: u64) -> Result<LightBlock, PeerError> {
        let result = self
            .call(&LightBlockParams {
                height: Some(height),
            })
            .map_err(|error| unavailable(error, height))?;
        light_block_from(result, Some(height))
    }

    /// One `jifen_lightBlocks` call per [`MAX_LIGHT_BLOCKS`] heights.
    fn light_blocks(&self, from: u64, to: u64) -> Result<Vec<LightBlock>, PeerError> {
        let mut blocks = Vec::new();
        let mut start = from;
        while start <= to {
            let end = to.min(start.saturating_add(MAX_LIGHT_BLOCKS - 1));
            let result = self
                .call(&LightBlocksParams {
                    from: start,
                    to: end,
                })
                .map_err(|error| unavailable(error, end))?;
            result.expect_range(start, end)?;
            for block in result.light_blocks {
                blocks.push(light_block_from(block, None)?);
            }
            start = match end.checked_add(1) {
                Some(next) => next,
                None => break,
            };
        }
        Ok(blocks)
    }

    fn latest_light_block(&self) -> Result<LightBlock, PeerError> {
        light_block_from(self.call(&LightBlockParams { height: None })?, None)
    }

    fn state(&self, key: &Hash32, height: u64) -> Result<UntrustedState, PeerError> {
        let result = self
            .call(&StateParams {
                key: *key,
                height: Some(height),
            })
            .map_err(|error| unavailable(error, height))?;
        Ok(state_from(result))
    }

    fn account(&self, address: &Address, height: u64) -> Result<UntrustedState, PeerError> {
        // Any network prefix is accepted by the node; the key is what counts.
        let params = AccountParams::new(address, Network::Devnet, Some(height));
        let result = self
            .call(&params)
            .map_err(|error| unavailable(error, height))?;
        Ok(state_from(result.state))
    }

    fn tx_proof(&self, id: &Hash32) -> Result<Option<UntrustedTxProof>, PeerError> {
        let result = match self.call(&TxProofParams { id: *id }) {
            Ok(result) => result,
            Err(PeerError::Rpc { code, .. }) if code == ErrorCode::TxNotFound.number() => {
                return Ok(None);
            }
            Err(error) => return Err(error),
        };
        WireError::check_equal("id", *id, result.id)?;
        Ok(Some(UntrustedTxProof {
            height: result.height,
            index: result.index,
            result_code: result.result_code,
            tx: result.tx,
            proof: result.proof,
            result_proof: result.result_proof,
        }))
    }

    fn submit_tx(&self, tx: &Transaction) -> Result<Hash32, PeerError> {
        let result =
            self.call(&SubmitTxParams { tx: tx.clone() })
                .map_err(|error| match error {
                    PeerError::Rpc {
                        code,
                        name,
                        message,
                    } if (1000..2000).contains(&code) => PeerError::TxRejected {
                        code,
                        name,
                        message,
                    },
                    other => other,
                })?;
        WireError::check_equal("id", tx.id(), result.id)?;
        Ok(result.id)
    }

    fn tx_status(&self, id: &Hash32) -> Result<TxStatusAnswer, PeerError> {
        let result = self.call(&TxStatusParams { id: *id })?;
        WireError::check_equal("id", *id, result.id)?;
        Ok(match result.status {
            TxStatus::Pending => TxStatusAnswer::Pending,
            TxStatus::Unknown => TxStatusAnswer::Unknown,
            TxStatus::Committed {
                height,
                index,
                result_code,
            } => TxStatusAnswer::Committed {
                height,
                index,
                result_code,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn outcome(answer: &Value, id: u64) -> Result<Value, PeerError> {
        outcome_of(answer.to_string().as_bytes(), &Id::from(id))?.map_err(rpc_error)
    }

    #[test]
    fn envelope_cases() {
        let cases: [(&str, Value, &str); 5] = [
            ("not an object", json!([1]), "lc-peer-bad-envelope"),
            (
                "wrong version",
                json!({"jsonrpc": "1.0", "id": 1, "result": 1}),
                "lc-peer-bad-envelope",
            ),
            (
                "wrong id",
                json!({"jsonrpc": "2.0", "id": 2, "result": 1}),
                "lc-peer-bad-envelope",
            ),
            (
                "no result",
                json!({"jsonrpc": "2.0", "id": 1}),
                "lc-peer-bad-envelope",
            ),
            (
                "error",
                json!({"jsonrpc": "2.0", "id": 1, "error": {"code": -32601, "message": "x", "data": {"code": "method-not-found"}}}),
                "lc-peer-rpc-error",
            ),
        ];
        for (name, answer, code) in cases {
            assert_eq!(outcome(&answer, 1).unwrap_err().code(), code, "{name}");
        }
        assert_eq!(
            outcome(&json!({"jsonrpc": "2.0", "id": 1, "result": 7}), 1).unwrap(),
            json!(7)
        );
    }

    #[test]
    fn malformed_json_is_refused() {
        assert_eq!(
            outcome_of(b"{\"jsonrpc\": \"2.0\", \"id\"", &Id::from(1))
                .unwrap_err()
                .code(),
            "lc-peer-malformed-json"
        );
    }

    #[test]
    fn light_block_fields_are_checked() {
        let cases: [(&str, Value, &str); 3] = [
            ("missing header", json!({}), "lc-peer-bad-field"),
            (
                "header not hex",
                json!({"header": "zz"}),
                "lc-peer-bad-field",
            ),
            (
                "header not canonical",
                json!({"header": "0001"}),
                "lc-peer-decode",
            ),
        ];
        for (name, value, code) in cases {
            let error = LightBlockResult::from_json(&value)
                .map_err(PeerError::from)
                .and_then(|result| light_block_from(result, Some(1)))
                .unwrap_err();
            assert_eq!(error.code(), code, "{name}");
        }
    }

    #[test]
    fn only_http_urls_are_accepted() {
        for url in ["ftp://example.com", "not a url", "file:///etc/passwd"] {
            assert_eq!(
                RpcPeer::connect(url, RpcOptions::default())
                    .unwrap_err()
                    .code(),
                "lc-peer-unreachable",
                "{url}"
            );
        }
        assert!(RpcPeer::connect("http://127.0.0.1:26657", RpcOptions::default()).is_ok());
    }
}
