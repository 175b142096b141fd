//! JSON-RPC 2.0 over HTTP: the method table, parameter parsing, error codes,
//! and the optional lies of a faulty node (see [`Fault`]).
//!
//! Every method and error code is documented in `docs/rpc.md`.

pub mod client;
pub mod fault;
pub mod http;

use std::sync::{Arc, Mutex};

use jifen_protocol::{Address, Encode, Hash32, account_key};
use serde_json::{Map, Value, json};

pub use fault::Fault;

use crate::chain::{Chain, TxStatus};
use crate::execution::TxError;

/// Most light blocks in one `jifen_lightBlocks` call.
pub const MAX_LIGHT_BLOCKS: u64 = 100;
/// Most requests in one batch.
pub const MAX_BATCH: usize = 100;

/// JSON-RPC error codes (see `docs/rpc.md#errors`).
pub mod codes {
    /// Invalid JSON.
    pub const PARSE_ERROR: i64 = -32700;
    /// Not a valid request object.
    pub const INVALID_REQUEST: i64 = -32600;
    /// Unknown method.
    pub const METHOD_NOT_FOUND: i64 = -32601;
    /// Bad parameters.
    pub const INVALID_PARAMS: i64 = -32602;
    /// Node failure.
    pub const INTERNAL: i64 = -32603;
    /// The height is above the tip (or below 1 where a block is needed).
    pub const HEIGHT_NOT_AVAILABLE: i64 = 2001;
    /// A range is longer than allowed.
    pub const RANGE_TOO_LARGE: i64 = 2002;
    /// No transaction with this id.
    pub const TX_NOT_FOUND: i64 = 2003;
    /// A batch holds too many requests.
    pub const BATCH_TOO_LARGE: i64 = 2004;
}

/// A JSON-RPC error.
#[derive(Debug, Clone, PartialEq)]
pub struct RpcError {
    /// Code.
    pub code: i64,
    /// Message.
    pub message: String,
    /// Extra data (`{"code": "<kebab-case>", ...}`).
    pub data: Option<Value>,
}

impl RpcError {
    fn new(code: i64, name: &str, message: impl ToString) -> Self {
        Self {
            code,
            message: message.to_string(),
            data: Some(json!({ "code": name })),
        }
    }

    fn params(message: impl ToString) -> Self {
        Self::new(codes::INVALID_PARAMS, "invalid-params", message)
    }

    fn internal(message: impl ToString) -> Self {
        Self::new(codes::INTERNAL, "internal", message)
    }

    fn height(height: u64, tip: u64) -> Self {
        Self::new(
            codes::HEIGHT_NOT_AVAILABLE,
            "height-not-available",
            format!("height {height} is not available (tip {tip})"),
        )
    }

    fn to_json(&self) -> Value {
        let mut error = json!({"code": self.code, "message": self.message});
        if let (Some(data), Some(obj)) = (&self.data, error.as_object_mut()) {
            obj.insert("data".into(), data.clone());
        }
        error
    }
}

impl From<TxError> for RpcError {
    fn from(err: TxError) -> Self {
        Self::new(i64::from(err.number()), err.code(), &err)
    }
}

/// What the RPC methods serve from.
#[derive(Debug, Clone)]
pub struct RpcContext {
    /// The chain.
    pub chain: Arc<Mutex<Chain>>,
    /// The lie this node tells, if any.
    pub fault: Option<Fault>,
}

type MethodResult = Result<Value, RpcError>;

fn lock(ctx: &RpcContext) -> Result<std::sync::MutexGuard<'_, Chain>, RpcError> {
    ctx.chain
        .lock()
        .map_err(|_| RpcError::internal("chain lock poisoned"))
}

fn param<'a>(params: &'a Map<String, Value>, name: &str) -> Option<&'a Value> {
    params.get(name).filter(|v| !v.is_null())
}

fn opt_u64(params: &Map<String, Value>, name: &str) -> Result<Option<u64>, RpcError> {
    param(params, name)
        .map(|v| {
            v.as_u64()
                .ok_or_else(|| RpcError::params(format!("{name} must be a non-negative integer")))
        })
        .transpose()
}

fn req_u64(params: &Map<String, Value>, name: &str) -> Result<u64, RpcError> {
    opt_u64(params, name)?.ok_or_else(|| RpcError::params(format!("missing {name}")))
}

fn req_str<'a>(params: &'a Map<String, Value>, name: &str) -> Result<&'a str, RpcError> {
    param(params, name)
        .and_then(Value::as_str)
        .ok_or_else(|| RpcError::params(format!("missing string {name}")))
}

fn req_hash(params: &Map<String, Value>, name: &str) -> Result<Hash32, RpcError> {
    req_str(params, name)?
        .parse()
        .map_err(|_| RpcError::params(format!("{name} must be 64 hex digits")))
}

/// A block height parameter: absent means the tip; must be in `1..=tip`.
fn block_height(chain: &Chain, params: &Map<String, Value>) -> Result<u64, RpcError> {
    let tip = chain.height();
    let height = opt_u64(params, "height")?.unwrap_or(tip);
    if height == 0 || height > tip {
        return Err(RpcError::height(height, tip));
    }
    Ok(height)
}

/// Handles one HTTP body: a request or a batch. `None` when every request
/// was a notification.
#[must_use]
pub fn handle_body(ctx: &RpcContext, body: &[u8]) -> Option<Vec<u8>> {
    if let Some(delay) = ctx.fault.and_then(Fault::delay) {
        std::thread::sleep(delay);
    }
    let response = match serde_json::from_slice::<Value>(body) {
        Err(err) => Some(error_response(
            &Value::Null,
            &RpcError::new(codes::PARSE_ERROR, "parse-error", err),
        )),
        Ok(Value::Array(requests)) => {
            if requests.is_empty() {
                Some(error_response(
                    &Value::Null,
                    &RpcError::new(codes::INVALID_REQUEST, "invalid-request", "empty batch"),
                ))
            } else if requests.len() > MAX_BATCH {
                Some(error_response(
                    &Value::Null,
                    &RpcError::new(
                        codes::BATCH_TOO_LARGE,
                        "batch-too-large",
                        format!("at most {MAX_BATCH} requests per batch"),
                    ),
                ))
            } else {
                let responses: Vec<Value> = requests
                    .iter()
                    .filter_map(|request| handle_request(ctx, request))
                    .collect();
                (!responses.is_empty()).then_some(Value::Array(responses))
            }
        }
        Ok(request) => handle_request(ctx, &request),
    };
    let mut bytes = serde_json::to_vec(&response?).ok()?;
    if let Some(fault) = ctx.fault {
        bytes = fault.mangle_body(bytes);
    }
    Some(bytes)
}

fn error_response(id: &Value, error: &RpcError) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": error.to_json()})
}

fn handle_request(ctx: &RpcContext, request: &Value) -> Option<Value> {
    let Some(object) = request.as_object() else {
        return Some(error_response(
            &Value::Null,
            &RpcError::new(codes::INVALID_REQUEST, "invalid-request", "not an object"),
        ));
    };
    let id = object.get("id").cloned();
    let valid_id = matches!(
        id,
        None | Some(Value::Null | Value::Number(_) | Value::String(_))
    );
    let method = object.get("method").and_then(Value::as_str);
    let version_ok = object.get("jsonrpc").and_then(Value::as_str) == Some("2.0");
    let (Some(method), true, true) = (method, version_ok, valid_id) else {
        return Some(error_response(
            &id.unwrap_or(Value::Null),
            &RpcError::new(codes::INVALID_REQUEST, "invalid-request", "invalid request"),
        ));
    };
    let params = match object.get("params") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(map)) => map.clone(),
        Some(_) => {
            return id.map(|id| {
                error_response(&id, &RpcError::params("params must be an object (by name)"))
            });
        }
    };
    let result = call(ctx, method, &params);
    // A request without "id" is a notification: no response.
    let id = id?;
    Some(match result {
        Ok(result) => json!({"jsonrpc": "2.0", "id": id, "result": result}),
        Err(error) => error_response(&id, &error),
    })
}

/// Runs one method.
///
/// # Errors
/// The method's [`RpcError`].
pub fn call(ctx: &RpcContext, method: &str, params: &Map<String, Value>) -> MethodResult {
    match method {
        "jifen_status" => status(ctx),
        "jifen_header" => header(ctx, params),
        "jifen_commit" => commit(ctx, params),
        "jifen_validators" => validators(ctx, params),
        "jifen_lightBlock" => {
            let chain = lock(ctx)?;
            let height = block_height(&chain, params)?;
            light_block(ctx, &chain, height)
        }
        "jifen_lightBlocks" => light_blocks(ctx, params),
        "jifen_state" => state(ctx, params),
        "jifen_account" => account(ctx, params),
        "jifen_txProof" => tx_proof(ctx, params),
        "jifen_submitTx" => submit_tx(ctx, params),
        "jifen_txStatus" => tx_status(ctx, params),
        _ => Err(RpcError::new(
            codes::METHOD_NOT_FOUND,
            "method-not-found",
            format!("unknown method {method}"),
        )),
    }
}

fn status(ctx: &RpcContext) -> MethodResult {
    let chain = lock(ctx)?;
    let mut height = chain.height();
    if let Some(stale) = ctx.fault.and_then(|f| f.visible_tip(height)) {
        height = stale;
    }
    let tip = if height == chain.height() {
        chain.tip().cloned()
    } else {
        chain.header(height).map_err(RpcError::internal)?
    };
    let params = chain.params();
    Ok(json!({
        "chain_id": chain.chain_id().as_str(),
        "latest_height": height,
        "latest_block_hash": tip.as_ref().map(|h| h.hash().to_string()),
        "latest_time_ms": tip.as_ref().map(|h| h.time_ms),
        "latest_state_root": tip.as_ref().map(|h| h.state_root.to_string()),
        "earliest_height": u64::from(height > 0),
        "next_validators_hash": chain.next_validator_set().hash().to_string(),
        "epoch_length": params.epoch_length,
        "mempool_size": chain.mempool_len(),
        "node_version": env!("CARGO_PKG_VERSION"),
    }))
}

fn checked_height(ctx: &RpcContext, chain: &Chain, height: u64) -> Result<(), RpcError> {
    if let Some(fault) = ctx.fault {
        let tip = chain.height();
        if fault.withholds(height, tip) {
            return Err(RpcError::height(
                height,
                fault.visible_tip(tip).unwrap_or(tip),
            ));
        }
    }
    Ok(())
}

fn header(ctx: &RpcContext, params: &Map<String, Value>) -> MethodResult {
    let chain = lock(ctx)?;
    let height = block_height(&chain, params)?;
    checked_height(ctx, &chain, height)?;
    let (header, _) = fault::served_block(ctx.fault, &chain, height)?;
    Ok(json!({
        "height": height,
        "hash": header.hash().to_string(),
        "header": hex::encode(header.encode()),
    }))
}

fn commit(ctx: &RpcContext, params: &Map<String, Value>) -> MethodResult {
    let chain = lock(ctx)?;
    let height = block_height(&chain, params)?;
    checked_height(ctx, &chain, height)?;
    let (_, commit) = fault::served_block(ctx.fault, &chain, height)?;
    Ok(json!({"height": height, "commit": hex::encode(commit.encode())}))
}

fn validators(ctx: &RpcContext, params: &Map<String, Value>) -> MethodResult {
    let chain = lock(ctx)?;
    let tip = chain.height();
    let height = opt_u64(params, "height")?.unwrap_or(tip.max(1));
    if height == 0 || height > tip + 1 {
        return Err(RpcError::height(height, tip));
    }
    let set = if height == tip + 1 {
        chain.next_validator_set().clone()
    } else {
        let header = chain
            .header(height)
            .map_err(RpcError::internal)?
            .ok_or_else(|| RpcError::height(height, tip))?;
        chain
            .validator_set(&header.validators_hash)
            .map_err(RpcError::internal)?
            .ok_or_else(|| RpcError::internal("validator set missing"))?
    };
    let set = fault::served_set(ctx.fault, set);
    Ok(json!({
        "height": height,
        "hash": set.hash().to_string(),
        "validator_set": hex::encode(set.encode()),
    }))
}

fn light_block(ctx: &RpcContext, chain: &Chain, height: u64) -> MethodResult {
    checked_height(ctx, chain, height)?;
    let (header, commit) = fault::served_block(ctx.fault, chain, height)?;
    let set = chain
        .validator_set(&header.validators_hash)
        .map_err(RpcError::internal)?
        .ok_or_else(|| RpcError::internal("validator set missing"))?;
    let next = chain
        .validator_set(&header.next_validators_hash)
        .map_err(RpcError::internal)?
        .ok_or_else(|| RpcError::internal("next validator set missing"))?;
    let set = fault::served_set(ctx.fault, set);
    Ok(json!({
        "height": height,
        "hash": header.hash().to_string(),
        "header": hex::encode(header.encode()),
        "commit": hex::encode(commit.encode()),
        "validator_set": hex::encode(set.encode()),
        "next_validator_set": hex::encode(next.encode()),
    }))
}

fn light_blocks(ctx: &RpcContext, params: &Map<String, Value>) -> MethodResult {
    let chain = lock(ctx)?;
    let tip = chain.height();
    let from = req_u64(params, "from")?;
    let to = req_u64(params, "to")?;
    if from == 0 || from > to {
        return Err(RpcError::params("need 1 <= from <= to"));
    }
    if to - from >= MAX_LIGHT_BLOCKS {
        return Err(RpcError::new(
            codes::RANGE_TOO_LARGE,
            "range-too-large",
            format!("at most {MAX_LIGHT_BLOCKS} light blocks per call"),
        ));
    }
    if to > tip {
        return Err(RpcError::height(to, tip));
    }
    let blocks: Result<Vec<Value>, RpcError> = (from..=to)
        .map(|height| light_block(ctx, &chain, height))
        .collect();
    Ok(json!({ "light_blocks": blocks? }))
}

fn state_height(chain: &Chain, params: &Map<String, Value>) -> Result<u64, RpcError> {
    let tip = chain.height();
    let height = opt_u64(params, "height")?.unwrap_or(tip);
    if height > tip {
        return Err(RpcError::height(height, tip));
    }
    Ok(height)
}

fn prove_json(ctx: &RpcContext, chain: &Chain, key: &Hash32, height: u64) -> MethodResult {
    checked_height(ctx, chain, height)?;
    let (value, proof) = chain
        .prove(key, height)
        .ok_or_else(|| RpcError::height(height, chain.height()))?;
    let proof = fault::served_state_proof(ctx.fault, proof);
    let state_root = if height == 0 {
        chain.state_at(0).map(|m| m.root()).unwrap_or_default()
    } else {
        chain
            .header(height)
            .map_err(RpcError::internal)?
            .map(|h| h.state_root)
            .unwrap_or_default()
    };
    Ok(json!({
        "height": height,
        "key": key.to_string(),
        "value": value.map(hex::encode),
        "proof": hex::encode(proof.encode()),
        "state_root": state_root.to_string(),
    }))
}

fn state(ctx: &RpcContext, params: &Map<String, Value>) -> MethodResult {
    let chain = lock(ctx)?;
    let key = req_hash(params, "key")?;
    let height = state_height(&chain, params)?;
    prove_json(ctx, &chain, &key, height)
}

fn account(ctx: &RpcContext, params: &Map<String, Value>) -> MethodResult {
    let chain = lock(ctx)?;
    let text = req_str(params, "address")?;
    let (_, address) = Address::decode_any(text).map_err(RpcError::params)?;
    let height = state_height(&chain, params)?;
    let key = account_key(&address);
    let mut out = prove_json(ctx, &chain, &key, height)?;
    let value = out
        .get("value")
        .and_then(Value::as_str)
        .and_then(|v| hex::decode(v).ok());
    let account = crate::genesis::account_from(value.as_deref()).map_err(RpcError::internal)?;
    if let Some(obj) = out.as_object_mut() {
        obj.insert("address".into(), json!(text));
        obj.insert("balance".into(), json!(account.balance.to_string()));
        obj.insert("nonce".into(), json!(account.nonce));
    }
    Ok(out)
}

fn tx_proof(ctx: &RpcContext, params: &Map<String, Value>) -> MethodResult {
    let chain = lock(ctx)?;
    let id = req_hash(params, "id")?;
    let inclusion = chain
        .tx_inclusion(&id)
        .map_err(RpcError::internal)?
        .ok_or_else(|| RpcError::new(codes::TX_NOT_FOUND, "tx-not-found", "unknown transaction"))?;
    let header = chain
        .header(inclusion.location.height)
        .map_err(RpcError::internal)?
        .ok_or_else(|| RpcError::internal("header missing"))?;
    let proof = fault::served_tx_proof(ctx.fault, inclusion.proof);
    Ok(json!({
        "id": id.to_string(),
        "height": inclusion.location.height,
        "index": inclusion.location.index,
        "result_code": inclusion.location.code,
        "tx": hex::encode(inclusion.tx.encode()),
        "proof": hex::encode(proof.encode()),
        "result_proof": hex::encode(inclusion.result_proof.encode()),
        "tx_root": header.tx_root.to_string(),
        "results_root": header.results_root.to_string(),
    }))
}

fn submit_tx(ctx: &RpcContext, params: &Map<String, Value>) -> MethodResult {
    let text = req_str(params, "tx")?;
    let bytes = hex::decode(text)
        .map_err(|e| RpcError::from(TxError::Malformed(format!("tx is not hex: {e}"))))?;
    let mut chain = lock(ctx)?;
    let id = chain.submit(&bytes)?;
    Ok(json!({ "id": id.to_string() }))
}

fn tx_status(ctx: &RpcContext, params: &Map<String, Value>) -> MethodResult {
    let chain = lock(ctx)?;
    let id = req_hash(params, "id")?;
    Ok(match chain.tx_status(&id).map_err(RpcError::internal)? {
        TxStatus::Pending => json!({"id": id.to_string(), "status": "pending"}),
        TxStatus::Unknown => json!({"id": id.to_string(), "status": "unknown"}),
        TxStatus::Committed(location) => json!({
            "id": id.to_string(),
            "status": "committed",
            "height": location.height,
            "index": location.index,
            "result_code": location.code,
        }),
    })
}
