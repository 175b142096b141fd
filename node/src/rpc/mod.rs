//! JSON-RPC 2.0 over HTTP: the method table and the optional lies of a
//! faulty node (see [`Fault`]).
//!
//! The wire format (envelope, error codes, the params and result of every
//! method) is defined once in `jifen-rpc-types`, shared with the light
//! client's peer; this module only answers. Every method and error code is
//! documented in `docs/rpc.md`.
//!
//! | module | holds |
//! |---|---|
//! | this one | the method table ([`call`]) |
//! | `body` | one HTTP body, a request or a batch, within its budgets ([`handle`], [`handle_body`]); a light-block range as a binary frame when asked |
//! | [`http`] | the HTTP server and its limits |
//! | `connections` | the open connections, and when to close them |
//! | [`fault`] | the named lies of a faulty node |
//! | [`client`] | a small blocking client for tests and tools |

mod body;
pub mod client;
mod connections;
pub mod fault;
pub mod http;
mod provenance;
mod subchain;

use std::sync::{Arc, Mutex};

use jifen_protocol::{Encode, Hash32, ValidatorSet, account_key};
use jifen_rpc_types::{
    AccountParams, AccountResult, BlockParams, BlockResult, Call, CommitParams, CommitResult,
    ErrorCode, ErrorObject, HeaderParams, HeaderResult, HistoryParams, HistoryResult,
    LightBlockParams, LightBlockResult, LightBlocksParams, LightBlocksResult, MAX_HISTORY_ENTRIES,
    ProvenanceRecordsParams, StateParams, StateResult, StatusParams, StatusResult,
    SubchainReportsParams, SubchainsParams, SubmitTxParams, SubmitTxResult, TxProofParams,
    TxProofResult, TxStatusParams, TxStatusResult, ValidatorsParams, ValidatorsResult, WireError,
    WireObject, method,
};
use serde_json::{Map, Value};

use body::too_large;
pub use body::{handle, handle_body};
pub use fault::Fault;
pub use jifen_rpc_types::{MAX_BATCH, MAX_JSON_VALUES, MAX_LIGHT_BLOCKS, MAX_RESPONSE_BYTES};

use crate::chain::{Chain, TxStatus};
use crate::execution::TxError;

/// A JSON-RPC error object (the wire type of `jifen-rpc-types`).
pub type RpcError = ErrorObject;

/// JSON-RPC error codes (see `docs/rpc.md#errors`; the names and every
/// other code are [`ErrorCode`]).
pub mod codes {
    use jifen_rpc_types::ErrorCode;

    /// Invalid JSON.
    pub const PARSE_ERROR: i64 = ErrorCode::ParseError.number();
    /// Not a valid request object.
    pub const INVALID_REQUEST: i64 = ErrorCode::InvalidRequest.number();
    /// Unknown method.
    pub const METHOD_NOT_FOUND: i64 = ErrorCode::MethodNotFound.number();
    /// Bad parameters.
    pub const INVALID_PARAMS: i64 = ErrorCode::InvalidParams.number();
    /// Node failure.
    pub const INTERNAL: i64 = ErrorCode::Internal.number();
    /// The height is above the tip (or below 1 where a block is needed).
    pub const HEIGHT_NOT_AVAILABLE: i64 = ErrorCode::HeightNotAvailable.number();
    /// A range is longer than allowed.
    pub const RANGE_TOO_LARGE: i64 = ErrorCode::RangeTooLarge.number();
    /// No transaction with this id.
    pub const TX_NOT_FOUND: i64 = ErrorCode::TxNotFound.number();
    /// A batch holds too many requests.
    pub const BATCH_TOO_LARGE: i64 = ErrorCode::BatchTooLarge.number();
}

fn invalid_params(message: impl ToString) -> RpcError {
    ErrorObject::new(ErrorCode::InvalidParams, message.to_string())
}

/// The node failed (storage, a missing record).
pub(crate) fn internal(message: impl ToString) -> RpcError {
    ErrorObject::new(ErrorCode::Internal, message.to_string())
}

/// Block `height` is not served (tip `tip`).
pub(crate) fn height_unavailable(height: u64, tip: u64) -> RpcError {
    ErrorObject::new(
        ErrorCode::HeightNotAvailable,
        format!("height {height} is not available (tip {tip})"),
    )
}

/// The wire code of a transaction refusal (one list for the JSON-RPC
/// error and the block result code, see `docs/rpc.md#errors`).
#[must_use]
pub const fn tx_error_code(error: &TxError) -> ErrorCode {
    match error {
        TxError::Malformed(_) => ErrorCode::TxMalformed,
        TxError::BadSignature(_) => ErrorCode::TxBadSignature,
        TxError::WrongChainId { .. } => ErrorCode::TxWrongChainId,
        TxError::NonceTooLow { .. } => ErrorCode::TxNonceTooLow,
        TxError::NonceGap { .. } => ErrorCode::TxNonceGap,
        TxError::InsufficientBalance { .. } => ErrorCode::TxInsufficientBalance,
        TxError::FeeTooLow { .. } => ErrorCode::TxFeeTooLow,
        TxError::InsufficientStake { .. } => ErrorCode::TxInsufficientStake,
        TxError::AlreadyKnown => ErrorCode::TxAlreadyKnown,
        TxError::MempoolFull => ErrorCode::MempoolFull,
        TxError::Overflow => ErrorCode::TxOverflow,
        TxError::Rule(code, _) => ErrorCode::Points(*code),
        TxError::Subchain(error) => ErrorCode::Subchain(error.code_kind()),
        TxError::Provenance(error) => ErrorCode::Provenance(error.kind()),
        TxError::CorruptState(_) => ErrorCode::StateCorrupt,
    }
}

impl From<TxError> for RpcError {
    fn from(err: TxError) -> Self {
        ErrorObject::new(tx_error_code(&err), err.to_string())
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
        .map_err(|_| internal("chain lock poisoned"))
}

/// A block height parameter: absent means the tip; must be in `1..=tip`.
fn block_height(chain: &Chain, height: Option<u64>) -> Result<u64, RpcError> {
    let tip = chain.height();
    let height = height.unwrap_or(tip);
    if height == 0 || height > tip {
        return Err(height_unavailable(height, tip));
    }
    Ok(height)
}

/// Reads `params` as `C`, runs `answer` and writes its result.
fn serve<C: Call>(
    ctx: &RpcContext,
    params: &Value,
    answer: fn(&RpcContext, C) -> Result<C::Output, RpcError>,
) -> MethodResult {
    let params = C::from_json(params).map_err(invalid_params)?;
    answer(ctx, params).map(|output| output.to_json())
}

/// Runs one method.
///
/// # Errors
/// The method's [`RpcError`].
pub fn call(ctx: &RpcContext, name: &str, params: &Map<String, Value>) -> MethodResult {
    call_within(ctx, name, params, MAX_RESPONSE_BYTES)
}

/// Runs one method whose answer may hold about `budget` bytes (a range of
/// light blocks stops being built once it would not fit).
fn call_within(
    ctx: &RpcContext,
    name: &str,
    params: &Map<String, Value>,
    budget: usize,
) -> MethodResult {
    let params = Value::Object(params.clone());
    match name {
        method::STATUS => serve(ctx, &params, status),
        method::HEADER => serve(ctx, &params, header),
        method::COMMIT => serve(ctx, &params, commit),
        method::VALIDATORS => serve(ctx, &params, validators),
        method::LIGHT_BLOCK => serve(ctx, &params, |ctx, params: LightBlockParams| {
            let chain = lock(ctx)?;
            let height = block_height(&chain, params.height)?;
            light_block(ctx, &chain, height)
        }),
        method::LIGHT_BLOCKS => {
            let params = LightBlocksParams::from_json(&params).map_err(invalid_params)?;
            light_blocks(ctx, params, budget, RangeEncoding::Json).map(|output| output.to_json())
        }
        method::BLOCK => {
            let params = BlockParams::from_json(&params).map_err(invalid_params)?;
            block(ctx, params, budget).map(|output| output.to_json())
        }
        method::STATE => serve(ctx, &params, state),
        method::ACCOUNT => serve(ctx, &params, account),
        method::TX_PROOF => serve(ctx, &params, tx_proof),
        method::SUBMIT_TX => {
            let params = SubmitTxParams::from_json(&params).map_err(submit_params_error)?;
            submit_tx(ctx, params).map(|output| output.to_json())
        }
        method::TX_STATUS => serve(ctx, &params, tx_status),
        method::HISTORY => serve(ctx, &params, history),
        method::SUBCHAINS => {
            SubchainsParams::from_json(&params).map_err(invalid_params)?;
            subchain::subchains(ctx, budget).map(|output| output.to_json())
        }
        method::SUBCHAIN_REPORTS => {
            let params = SubchainReportsParams::from_json(&params).map_err(invalid_params)?;
            subchain::reports(ctx, params, budget).map(|output| output.to_json())
        }
        method::SUBCHAIN_HEADERS => serve(ctx, &params, subchain::headers),
        method::ANCHOR_PROOF => serve(ctx, &params, subchain::anchor_proof),
        method::SUBCHAIN_STATE => serve(ctx, &params, subchain::state),
        method::PROVENANCE_SUBMIT => serve(ctx, &params, provenance::submit),
        method::PROVENANCE_RECORDS => {
            let params = ProvenanceRecordsParams::from_json(&params).map_err(invalid_params)?;
            provenance::records(ctx, params, budget).map(|output| output.to_json())
        }
        _ => Err(ErrorObject::new(
            ErrorCode::MethodNotFound,
            format!("unknown method {name}"),
        )),
    }
}

/// A `tx` that is there but not a canonical transaction is the
/// transaction's fault (`tx-malformed`), not a parameter error.
fn submit_params_error(error: WireError) -> RpcError {
    match error {
        WireError::Decode { source, .. } => TxError::Malformed(source.to_string()).into(),
        error @ WireError::BadText { .. } => TxError::Malformed(error.to_string()).into(),
        error @ (WireError::Missing { .. }
        | WireError::WrongType { .. }
        | WireError::Address { .. }
        | WireError::Inconsistent { .. }
        | WireError::Frame { .. }) => invalid_params(error),
    }
}

fn status(ctx: &RpcContext, _: StatusParams) -> Result<StatusResult, RpcError> {
    let chain = lock(ctx)?;
    let mut height = chain.height();
    if let Some(stale) = ctx.fault.and_then(|f| f.visible_tip(height)) {
        height = stale;
    }
    let tip = if height == chain.height() {
        chain.tip().cloned()
    } else {
        chain.header(height).map_err(internal)?
    };
    Ok(StatusResult {
        chain_id: chain.chain_id().clone(),
        latest_height: height,
        latest_block_hash: tip.as_ref().map(jifen_protocol::Header::hash),
        latest_time_ms: tip.as_ref().map(|h| h.time_ms),
        latest_state_root: tip.as_ref().map(|h| h.state_root),
        earliest_height: u64::from(height > 0),
        next_validators_hash: chain.next_validator_set().hash(),
        epoch_length: Some(if ctx.fault == Some(Fault::HugeTip) {
            1
        } else {
            chain.params().epoch_length
        }),
        mempool_size: u64::try_from(chain.mempool_len()).unwrap_or(u64::MAX),
        node_version: env!("CARGO_PKG_VERSION").to_owned(),
    })
}

fn checked_height(ctx: &RpcContext, chain: &Chain, height: u64) -> Result<(), RpcError> {
    if let Some(fault) = ctx.fault {
        let tip = chain.height();
        if fault.withholds(height, tip) {
            return Err(height_unavailable(
                height,
                fault.visible_tip(tip).unwrap_or(tip),
            ));
        }
    }
    Ok(())
}

fn header(ctx: &RpcContext, params: HeaderParams) -> Result<HeaderResult, RpcError> {
    let chain = lock(ctx)?;
    let height = block_height(&chain, params.height)?;
    checked_height(ctx, &chain, height)?;
    let (header, _) = fault::served_block(ctx.fault, &chain, height)?;
    Ok(HeaderResult { header })
}

fn commit(ctx: &RpcContext, params: CommitParams) -> Result<CommitResult, RpcError> {
    let chain = lock(ctx)?;
    let height = block_height(&chain, params.height)?;
    checked_height(ctx, &chain, height)?;
    let (_, commit) = fault::served_block(ctx.fault, &chain, height)?;
    Ok(CommitResult { commit })
}

fn validators(ctx: &RpcContext, params: ValidatorsParams) -> Result<ValidatorsResult, RpcError> {
    let chain = lock(ctx)?;
    let tip = chain.height();
    let height = params.height.unwrap_or(tip.max(1));
    if height == 0 || height > tip + 1 {
        return Err(height_unavailable(height, tip));
    }
    let set = if height == tip + 1 {
        chain.next_validator_set().clone()
    } else {
        let header = chain
            .header(height)
            .map_err(internal)?
            .ok_or_else(|| height_unavailable(height, tip))?;
        chain
            .validator_set(&header.validators_hash)
            .map_err(internal)?
            .ok_or_else(|| internal("validator set missing"))?
    };
    Ok(ValidatorsResult {
        height,
        validator_set: fault::served_set(ctx.fault, set),
    })
}

pub(crate) fn light_block(
    ctx: &RpcContext,
    chain: &Chain,
    height: u64,
) -> Result<LightBlockResult, RpcError> {
    light_block_with(ctx, chain, height, &mut SetCache::default())
}

/// The validator sets already read for one answer: a range names the same
/// few sets again and again, and reading one decodes every key.
#[derive(Default)]
struct SetCache(Vec<(Hash32, ValidatorSet)>);

impl SetCache {
    fn get(&mut self, chain: &Chain, hash: &Hash32, what: &str) -> Result<ValidatorSet, RpcError> {
        if let Some((_, set)) = self.0.iter().find(|(key, _)| key == hash) {
            return Ok(set.clone());
        }
        let set = chain
            .validator_set(hash)
            .map_err(internal)?
            .ok_or_else(|| internal(format!("{what} missing")))?;
        self.0.push((*hash, set.clone()));
        Ok(set)
    }
}

fn light_block_with(
    ctx: &RpcContext,
    chain: &Chain,
    height: u64,
    sets: &mut SetCache,
) -> Result<LightBlockResult, RpcError> {
    checked_height(ctx, chain, height)?;
    let (header, commit) = fault::served_block(ctx.fault, chain, height)?;
    let set = sets.get(chain, &header.validators_hash, "validator set")?;
    let next = sets.get(chain, &header.next_validators_hash, "next validator set")?;
    Ok(LightBlockResult {
        header,
        commit,
        validator_set: fault::served_set(ctx.fault, set),
        next_validator_set: next,
    })
}

/// How a range of light blocks will be written (what its size is counted
/// as while it is built).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RangeEncoding {
    /// JSON with hex members.
    Json,
    /// A binary frame (`jifen_rpc_types::binary`).
    Frame,
}

fn light_blocks(
    ctx: &RpcContext,
    params: LightBlocksParams,
    budget: usize,
    encoding: RangeEncoding,
) -> Result<LightBlocksResult, RpcError> {
    let chain = lock(ctx)?;
    let tip = chain.height();
    let LightBlocksParams { from, to } = params;
    if from == 0 || from > to {
        return Err(invalid_params("need 1 <= from <= to"));
    }
    if to - from >= MAX_LIGHT_BLOCKS {
        return Err(ErrorObject::new(
            ErrorCode::RangeTooLarge,
            format!("at most {MAX_LIGHT_BLOCKS} light blocks per call"),
        ));
    }
    if to > tip {
        return Err(height_unavailable(to, tip));
    }
    let mut light_blocks = Vec::new();
    let mut size = 0usize;
    let mut sets_sent: Vec<Hash32> = Vec::new();
    let mut cache = SetCache::default();
    for height in from..=to {
        let block = light_block_with(ctx, &chain, height, &mut cache)?;
        let encoded = match encoding {
            // Hex doubles the encodings; the JSON around them is small.
            RangeEncoding::Json => (block.header.encode().len()
                + block.commit.encode().len()
                + block.validator_set.encode().len()
                + block.next_validator_set.encode().len())
            .saturating_mul(2)
            .saturating_add(256),
            // A frame carries each distinct set once, and two indices.
            RangeEncoding::Frame => {
                let mut len = block.header.encode().len() + block.commit.encode().len() + 8;
                for set in [&block.validator_set, &block.next_validator_set] {
                    let hash = set.hash();
                    if !sets_sent.contains(&hash) {
                        sets_sent.push(hash);
                        len = len.saturating_add(set.encode().len());
                    }
                }
                len
            }
        };
        size = size.saturating_add(encoded);
        if size > budget {
            return Err(too_large(budget));
        }
        light_blocks.push(block);
    }
    Ok(LightBlocksResult { light_blocks })
}

/// The bytes a `jifen_block` answer takes: hex of the header, the commit
/// and each transaction, the JSON around them.
fn block_answer_len(block: &BlockResult) -> usize {
    let hex: usize = block.header.encode().len()
        + block.commit.encode().len()
        + block
            .txs
            .iter()
            .map(|tx| tx.encode().len())
            .fold(0usize, usize::saturating_add);
    hex.saturating_mul(2)
        .saturating_add(block.txs.len().saturating_mul(3))
        .saturating_add(256)
}

fn block(ctx: &RpcContext, params: BlockParams, budget: usize) -> Result<BlockResult, RpcError> {
    let chain = lock(ctx)?;
    let height = block_height(&chain, params.height)?;
    checked_height(ctx, &chain, height)?;
    let (header, commit) = fault::served_block(ctx.fault, &chain, height)?;
    let txs = chain.block_txs(height).map_err(internal)?;
    let block = BlockResult {
        header,
        commit,
        txs,
    };
    if block_answer_len(&block) > budget {
        return Err(too_large(budget));
    }
    Ok(block)
}

/// A state height parameter: absent means the tip; 0 is genesis.
fn state_height(chain: &Chain, height: Option<u64>) -> Result<u64, RpcError> {
    let tip = chain.height();
    let height = height.unwrap_or(tip);
    if height > tip {
        return Err(height_unavailable(height, tip));
    }
    Ok(height)
}

fn prove(
    ctx: &RpcContext,
    chain: &Chain,
    key: &Hash32,
    height: u64,
) -> Result<StateResult, RpcError> {
    checked_height(ctx, chain, height)?;
    // `stale-rate` answers from the genesis state, as of the height asked.
    let source = if ctx.fault == Some(Fault::StaleRate) {
        0
    } else {
        height
    };
    let (value, proof) = chain
        .prove(key, source)
        .ok_or_else(|| height_unavailable(height, chain.height()))?;
    let proof = fault::served_state_proof(ctx.fault, proof);
    let state_root = if height == 0 {
        chain.state_at(0).map(|m| m.root()).unwrap_or_default()
    } else {
        chain
            .header(height)
            .map_err(internal)?
            .map(|h| h.state_root)
            .unwrap_or_default()
    };
    Ok(StateResult {
        height,
        key: *key,
        value,
        proof,
        state_root,
    })
}

fn state(ctx: &RpcContext, params: StateParams) -> Result<StateResult, RpcError> {
    let chain = lock(ctx)?;
    let height = state_height(&chain, params.height)?;
    prove(ctx, &chain, &params.key, height)
}

fn account(ctx: &RpcContext, params: AccountParams) -> Result<AccountResult, RpcError> {
    let chain = lock(ctx)?;
    let height = state_height(&chain, params.height)?;
    let state = prove(ctx, &chain, &account_key(&params.address), height)?;
    AccountResult::new(params.text, state).map_err(internal)
}

fn tx_proof(ctx: &RpcContext, params: TxProofParams) -> Result<TxProofResult, RpcError> {
    let chain = lock(ctx)?;
    let inclusion = chain
        .tx_inclusion(&params.id)
        .map_err(internal)?
        .ok_or_else(|| ErrorObject::new(ErrorCode::TxNotFound, "unknown transaction"))?;
    let header = chain
        .header(inclusion.location.height)
        .map_err(internal)?
        .ok_or_else(|| internal("header missing"))?;
    let height = if ctx.fault == Some(Fault::TxProofBelowRoot) {
        1
    } else {
        inclusion.location.height
    };
    Ok(TxProofResult {
        id: params.id,
        height,
        index: u64::from(inclusion.location.index),
        result_code: inclusion.location.code,
        tx: inclusion.tx,
        proof: fault::served_tx_proof(ctx.fault, inclusion.proof),
        result_proof: inclusion.result_proof,
        tx_root: header.tx_root,
        results_root: header.results_root,
    })
}

fn submit_tx(ctx: &RpcContext, params: SubmitTxParams) -> Result<SubmitTxResult, RpcError> {
    let mut chain = lock(ctx)?;
    let id = chain.submit_tx(params.tx)?;
    Ok(SubmitTxResult { id })
}

fn history(ctx: &RpcContext, params: HistoryParams) -> Result<HistoryResult, RpcError> {
    let limit = params.limit.unwrap_or(MAX_HISTORY_ENTRIES);
    if limit > MAX_HISTORY_ENTRIES {
        return Err(ErrorObject::new(
            ErrorCode::RangeTooLarge,
            format!("at most {MAX_HISTORY_ENTRIES} history entries per call"),
        ));
    }
    let from = params.from.unwrap_or(0);
    let chain = lock(ctx)?;
    let (mut total, mut entries) = chain
        .account_history(
            &params.address,
            from,
            usize::try_from(limit).unwrap_or(usize::MAX),
        )
        .map_err(internal)?;
    if ctx.fault == Some(Fault::HistoryOmitsEntry) && !entries.is_empty() {
        entries.remove(0);
        total = total.saturating_sub(1);
    }
    Ok(HistoryResult {
        address: params.text,
        total,
        from,
        entries,
    })
}

fn tx_status(ctx: &RpcContext, params: TxStatusParams) -> Result<TxStatusResult, RpcError> {
    let chain = lock(ctx)?;
    let status = match chain.tx_status(&params.id).map_err(internal)? {
        TxStatus::Pending => jifen_rpc_types::TxStatus::Pending,
        TxStatus::Unknown => jifen_rpc_types::TxStatus::Unknown,
        TxStatus::Committed(location) => jifen_rpc_types::TxStatus::Committed {
            height: location.height,
            index: u64::from(location.index),
            result_code: location.code,
        },
    };
    Ok(TxStatusResult {
        id: params.id,
        status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The largest block the rules allow fits one answer: 5,000
    /// transactions of 1 MiB in all, the longest header and a commit
    /// signed by the largest set (10,000 signatures of 66 bytes).
    #[test]
    fn the_largest_block_fits_the_answer_budget() {
        use jifen_protocol::encoding::MAX_VALIDATORS;

        let header = 2 + 1 + 32 + 8 + 8 + 33 + 33 + 6 * 32 + 20;
        let commit = 8 + 4 + 32 + 4 + MAX_VALIDATORS * 66;
        let txs = crate::chain::MAX_BLOCK_TX_BYTES * 2 + crate::chain::MAX_BLOCK_TXS * 3;
        let largest = (header + commit) * 2 + txs + 256;
        assert!(largest < MAX_RESPONSE_BYTES, "{largest}");
    }

    #[test]
    fn transaction_refusals_have_one_number_and_name() {
        let refusals = [
            TxError::Malformed(String::new()),
            TxError::BadSignature(String::new()),
            TxError::WrongChainId {
                expected: String::new(),
                got: String::new(),
            },
            TxError::NonceTooLow {
                expected: 1,
                got: 0,
            },
            TxError::NonceGap {
                expected: 1,
                got: 2,
            },
            TxError::InsufficientBalance {
                needed: 2,
                available: 1,
            },
            TxError::FeeTooLow { minimum: 2, got: 1 },
            TxError::InsufficientStake {
                bonded: 1,
                asked: 2,
            },
            TxError::AlreadyKnown,
            TxError::MempoolFull,
            TxError::Overflow,
            TxError::CorruptState(String::new()),
        ]
        .into_iter()
        .chain(
            jifen_protocol::PointsCode::ALL
                .into_iter()
                .map(|code| TxError::Rule(code, String::new())),
        )
        .chain([
            TxError::Subchain(jifen_protocol::subchain::SubchainError::RegistryFull),
            TxError::Subchain(jifen_protocol::subchain::SubchainError::AlreadyAnchored {
                height: 1,
            }),
            TxError::Provenance(jifen_protocol::provenance::ProvenanceError::NotPlatform),
            TxError::Provenance(jifen_protocol::provenance::ProvenanceError::SalesFull),
        ]);
        for refusal in refusals {
            let code = tx_error_code(&refusal);
            assert_eq!(code.number(), i64::from(refusal.number()), "{refusal:?}");
            assert_eq!(code.name(), refusal.code(), "{refusal:?}");
            assert!(code.is_transaction_refusal());
        }
    }
}
