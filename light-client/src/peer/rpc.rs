//! [`RpcPeer`]: a [`Peer`] over the node's JSON-RPC 2.0 (`docs/rpc.md`),
//! blocking HTTP with reqwest.
//!
//! Every answer is read with a size cap (refused from `Content-Length`
//! before reading, and while reading when there is none), parsed as JSON,
//! checked to be the response to the request, and every binary field is
//! decoded with the protocol's strict decoders (exactly one canonical
//! encoding, no trailing bytes). Fields that repeat each other (`hash` and
//! the header, `height` and the header's height) must agree.

use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use jifen_protocol::{
    Address, ChainId, Commit, Decode, Encode, Hash32, Header, InclusionProof, Network, StateProof,
    Transaction, ValidatorSet,
};
use serde_json::{Map, Value, json};

use super::{Peer, PeerError, PeerStatus, TxStatusAnswer};
use crate::light_block::LightBlock;
use crate::proof::{UntrustedState, UntrustedTxProof};

/// Most light blocks one `jifen_lightBlocks` call may ask for.
pub const MAX_BATCH: u64 = 100;

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

    fn request(&self, method: &str, params: Value) -> (u64, Value) {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        (
            id,
            json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}),
        )
    }

    /// Calls `method` and returns its `result` (or the node's error).
    fn call(&self, method: &str, params: Value) -> Result<Value, PeerError> {
        let (id, request) = self.request(method, params);
        let body = serde_json::to_vec(&request).map_err(|error| PeerError::BadEnvelope {
            reason: error.to_string(),
        })?;
        let answer: Value = parse_json(&self.post(body)?)?;
        result_of(answer, id)
    }
}

fn parse_json(bytes: &[u8]) -> Result<Value, PeerError> {
    serde_json::from_slice(bytes).map_err(|error| PeerError::MalformedJson {
        message: error.to_string(),
    })
}

/// The `result` of a response object with id `id`, or its error.
fn result_of(answer: Value, id: u64) -> Result<Value, PeerError> {
    let Value::Object(mut object) = answer else {
        return Err(envelope("not an object"));
    };
    if object.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return Err(envelope("jsonrpc is not \"2.0\""));
    }
    if object.get("id").and_then(Value::as_u64) != Some(id) {
        return Err(envelope("id is not the request's"));
    }
    if let Some(error) = object.remove("error") {
        return Err(rpc_error(&error));
    }
    object
        .remove("result")
        .ok_or_else(|| envelope("neither result nor error"))
}

fn envelope(reason: &str) -> PeerError {
    PeerError::BadEnvelope {
        reason: reason.to_owned(),
    }
}

fn rpc_error(error: &Value) -> PeerError {
    let code = error.get("code").and_then(Value::as_i64).unwrap_or(0);
    let message = error
        .get("message")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let name = error
        .get("data")
        .and_then(|data| data.get("code"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    PeerError::Rpc {
        code,
        name,
        message,
    }
}

/// The node's "height not available" error code.
const HEIGHT_NOT_AVAILABLE: i64 = 2001;
/// The node's "tx not found" error code.
const TX_NOT_FOUND: i64 = 2003;

fn unavailable(error: PeerError, height: u64) -> PeerError {
    match error {
        PeerError::Rpc {
            code: HEIGHT_NOT_AVAILABLE,
            ..
        } => PeerError::HeightUnavailable { height },
        other => other,
    }
}

fn field<'a>(object: &'a Map<String, Value>, name: &'static str) -> Result<&'a Value, PeerError> {
    object.get(name).ok_or(PeerError::BadField { field: name })
}

fn object(value: &Value) -> Result<&Map<String, Value>, PeerError> {
    value
        .as_object()
        .ok_or(PeerError::BadField { field: "result" })
}

fn u64_field(object: &Map<String, Value>, name: &'static str) -> Result<u64, PeerError> {
    field(object, name)?
        .as_u64()
        .ok_or(PeerError::BadField { field: name })
}

fn str_field<'a>(object: &'a Map<String, Value>, name: &'static str) -> Result<&'a str, PeerError> {
    field(object, name)?
        .as_str()
        .ok_or(PeerError::BadField { field: name })
}

fn hash_field(object: &Map<String, Value>, name: &'static str) -> Result<Hash32, PeerError> {
    str_field(object, name)?
        .parse()
        .map_err(|_| PeerError::BadField { field: name })
}

fn bytes_field(object: &Map<String, Value>, name: &'static str) -> Result<Vec<u8>, PeerError> {
    hex::decode(str_field(object, name)?).map_err(|_| PeerError::BadField { field: name })
}

fn decode_field<T: Decode>(
    object: &Map<String, Value>,
    name: &'static str,
) -> Result<T, PeerError> {
    T::decode(&bytes_field(object, name)?).map_err(|source| PeerError::Decode {
        field: name,
        source,
    })
}

fn check_equal<T: PartialEq + ToString>(
    field: &'static str,
    expected: T,
    got: T,
) -> Result<(), PeerError> {
    if expected == got {
        Ok(())
    } else {
        Err(PeerError::Inconsistent {
            field,
            expected: expected.to_string(),
            got: got.to_string(),
        })
    }
}

/// A light block from a `jifen_lightBlock` result; `height` is the height
/// asked for (`None`: the latest).
fn light_block_from(value: &Value, height: Option<u64>) -> Result<LightBlock, PeerError> {
    let object = object(value)?;
    let header: Header = decode_field(object, "header")?;
    let block = LightBlock {
        commit: decode_field::<Commit>(object, "commit")?,
        validators: decode_field::<ValidatorSet>(object, "validator_set")?,
        next_validators: decode_field::<ValidatorSet>(object, "next_validator_set")?,
        header,
    };
    check_equal("height", block.height(), u64_field(object, "height")?)?;
    if let Some(height) = height {
        check_equal("height", height, block.height())?;
    }
    check_equal("hash", block.hash(), hash_field(object, "hash")?)?;
    Ok(block)
}

fn state_from(value: &Value) -> Result<UntrustedState, PeerError> {
    let object = object(value)?;
    let value = match field(object, "value")? {
        Value::Null => None,
        Value::String(text) => {
            Some(hex::decode(text).map_err(|_| PeerError::BadField { field: "value" })?)
        }
        _ => return Err(PeerError::BadField { field: "value" }),
    };
    Ok(UntrustedState {
        height: u64_field(object, "height")?,
        key: hash_field(object, "key")?,
        value,
        proof: decode_field::<StateProof>(object, "proof")?,
    })
}

fn tx_proof_from(value: &Value, id: &Hash32) -> Result<UntrustedTxProof, PeerError> {
    let object = object(value)?;
    check_equal("id", *id, hash_field(object, "id")?)?;
    let result_code =
        u16::try_from(u64_field(object, "result_code")?).map_err(|_| PeerError::BadField {
            field: "result_code",
        })?;
    Ok(UntrustedTxProof {
        height: u64_field(object, "height")?,
        index: u64_field(object, "index")?,
        result_code,
        tx: decode_field::<Transaction>(object, "tx")?,
        proof: decode_field::<InclusionProof>(object, "proof")?,
        result_proof: decode_field::<InclusionProof>(object, "result_proof")?,
    })
}

impl Peer for RpcPeer {
    fn id(&self) -> &str {
        &self.url
    }

    fn status(&self) -> Result<PeerStatus, PeerError> {
        let result = self.call("jifen_status", json!({}))?;
        let object = object(&result)?;
        let chain_id = ChainId::new(str_field(object, "chain_id")?)
            .map_err(|_| PeerError::BadField { field: "chain_id" })?;
        let epoch_length = match object.get("epoch_length") {
            None | Some(Value::Null) => None,
            Some(value) => Some(value.as_u64().ok_or(PeerError::BadField {
                field: "epoch_length",
            })?),
        };
        Ok(PeerStatus {
            chain_id,
            latest_height: u64_field(object, "latest_height")?,
            epoch_length,
        })
    }

    fn light_block(&self, height: u64) -> Result<LightBlock, PeerError> {
        let result = self
            .call("jifen_lightBlock", json!({ "height": height }))
            .map_err(|error| unavailable(error, height))?;
        light_block_from(&result, Some(height))
    }

    /// One `jifen_lightBlocks` call per 100 heights.
    fn light_blocks(&self, from: u64, to: u64) -> Result<Vec<LightBlock>, PeerError> {
        let mut blocks = Vec::new();
        let mut start = from;
        while start <= to {
            let end = to.min(start.saturating_add(MAX_BATCH - 1));
            let result = self
                .call("jifen_lightBlocks", json!({ "from": start, "to": end }))
                .map_err(|error| unavailable(error, end))?;
            let list = object(&result)?
                .get("light_blocks")
                .and_then(Value::as_array)
                .ok_or(PeerError::BadField {
                    field: "light_blocks",
                })?;
            check_equal(
                "light_blocks length",
                end - start + 1,
                u64::try_from(list.len()).unwrap_or(u64::MAX),
            )?;
            for (height, value) in (start..=end).zip(list) {
                blocks.push(light_block_from(value, Some(height))?);
            }
            start = match end.checked_add(1) {
                Some(next) => next,
                None => break,
            };
        }
        Ok(blocks)
    }

    fn latest_light_block(&self) -> Result<LightBlock, PeerError> {
        let result = self.call("jifen_lightBlock", json!({}))?;
        light_block_from(&result, None)
    }

    fn state(&self, key: &Hash32, height: u64) -> Result<UntrustedState, PeerError> {
        let result = self
            .call(
                "jifen_state",
                json!({ "key": key.to_string(), "height": height }),
            )
            .map_err(|error| unavailable(error, height))?;
        state_from(&result)
    }

    fn account(&self, address: &Address, height: u64) -> Result<UntrustedState, PeerError> {
        // Any network prefix is accepted by the node; the key is what counts.
        let text = address.encode(Network::Devnet);
        let result = self
            .call(
                "jifen_account",
                json!({ "address": text, "height": height }),
            )
            .map_err(|error| unavailable(error, height))?;
        state_from(&result)
    }

    fn tx_proof(&self, id: &Hash32) -> Result<Option<UntrustedTxProof>, PeerError> {
        match self.call("jifen_txProof", json!({ "id": id.to_string() })) {
            Ok(result) => tx_proof_from(&result, id).map(Some),
            Err(PeerError::Rpc {
                code: TX_NOT_FOUND, ..
            }) => Ok(None),
            Err(error) => Err(error),
        }
    }

    fn submit_tx(&self, tx: &Transaction) -> Result<Hash32, PeerError> {
        let result = self
            .call("jifen_submitTx", json!({ "tx": hex::encode(tx.encode()) }))
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
        let id = hash_field(object(&result)?, "id")?;
        check_equal("id", tx.id(), id)?;
        Ok(id)
    }

    fn tx_status(&self, id: &Hash32) -> Result<TxStatusAnswer, PeerError> {
        let result = self.call("jifen_txStatus", json!({ "id": id.to_string() }))?;
        let object = object(&result)?;
        check_equal("id", *id, hash_field(object, "id")?)?;
        match str_field(object, "status")? {
            "pending" => Ok(TxStatusAnswer::Pending),
            "unknown" => Ok(TxStatusAnswer::Unknown),
            "committed" => Ok(TxStatusAnswer::Committed {
                height: u64_field(object, "height")?,
                index: u64_field(object, "index")?,
                result_code: u16::try_from(u64_field(object, "result_code")?).map_err(|_| {
                    PeerError::BadField {
                        field: "result_code",
                    }
                })?,
            }),
            _ => Err(PeerError::BadField { field: "status" }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert_eq!(result_of(answer, 1).unwrap_err().code(), code, "{name}");
        }
        assert_eq!(
            result_of(json!({"jsonrpc": "2.0", "id": 1, "result": 7}), 1).unwrap(),
            json!(7)
        );
    }

    #[test]
    fn malformed_json_is_refused() {
        assert_eq!(
            parse_json(b"{\"jsonrpc\": \"2.0\", \"id\"")
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
            assert_eq!(
                light_block_from(&value, Some(1)).unwrap_err().code(),
                code,
                "{name}"
            );
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
