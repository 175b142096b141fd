//! [`RpcPeer`]: a [`Peer`] over the node's JSON-RPC 2.0 (`docs/rpc.md`),
//! blocking HTTP with reqwest.
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
//!   [`RpcOptions::max_response_bytes`] for the rest), and otherwise never read past the bound
//!   plus one byte ([`PeerError::ResponseTooLarge`]); before parsing, its
//!   JSON values are counted and more than
//!   [`jifen_rpc_types::MAX_JSON_VALUES`] is refused
//!   ([`PeerError::TooComplex`]), so a valid but huge array never becomes a
//!   tree of hundreds of MB;
//! - **send it elsewhere**: redirects are not followed; a 3xx answer is
//!   [`PeerError::Redirect`] and nothing is sent to the other address.
//!
//! A body that passes is parsed as JSON, checked to be the response to the
//! request, and read with the typed results of `jifen-rpc-types`: every
//! binary field decoded with the protocol's strict decoders (exactly one
//! canonical encoding, no trailing bytes), fields that repeat each other
//! (`hash` and the header, `height` and the header's height) agreeing.
//! Anything else is a [`PeerError`].
//!
//! Ranges of light blocks are asked for as binary frames
//! (`Accept: application/vnd.jifen.light-blocks.v1`, unless
//! [`RpcOptions::binary_ranges`] is off) and read by the answer's
//! `Content-Type`: a frame with `jifen_rpc_types::binary`'s strict reader
//! (a bad one is [`PeerError::BadFrame`]), JSON as above (older nodes
//! ignore the `Accept`). A frame to any other request is refused
//! ([`PeerError::BadEnvelope`]). Either way the blocks are then checked to
//! be the range asked and verified as any.

use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use jifen_protocol::history::HistoryEntry;
use jifen_protocol::provenance::{ItemId, ProvenanceRecord};
use jifen_protocol::subchain::SubchainId;
use jifen_protocol::{Address, Hash32, Network, Transaction};
use jifen_rpc_types::{
    AccountParams, ProvenanceRecordsParams, ProvenanceSubmitParams, Call, ErrorCode, ErrorObject, HistoryParams, Id, LIGHT_BLOCKS_CONTENT_TYPE,
    LightBlockParams, LightBlockResult, LightBlocksParams, LightBlocksResult, MAX_HISTORY_ENTRIES,
    MAX_JSON_VALUES, MAX_LIGHT_BLOCKS, Request, Response, StateParams, StateResult, StatusParams,
    SubchainReportsParams, SubchainStateParams, SubmitTxParams, TxProofParams, TxStatus,
    TxStatusParams, WireError, WireObject, json_values, method, names_light_blocks_type,
};
use serde_json::Value;

use super::{Peer, PeerError, PeerStatus, SubchainReportsAnswer, TxStatusAnswer};
use crate::light_block::LightBlock;
use crate::proof::{UntrustedState, UntrustedTxProof};
use crate::provenance::UntrustedRecords;
use crate::subchain::{AnchoredReport, UntrustedSubchainState};

/// The largest answer accepted to a call whose result is a few fields
/// (`jifen_status`, `jifen_txStatus`, `jifen_submitTx`): 64 KiB.
pub const SMALL_ANSWER_BYTES: u64 = 64 << 10;

/// The largest answer accepted to `jifen_history`: 256 KiB. A full page
/// (1,000 entries, [`MAX_HISTORY_ENTRIES`]) is about 107 KB as the
/// reference node writes it (a 64-digit id and a height of at most 20
/// digits per entry); the rest is room for other servers' formatting.
pub const HISTORY_ANSWER_BYTES: u64 = 256 << 10;

/// How long an idle kept-alive connection is reused: shorter than the
/// reference node's idle timeout (10 s), so the client never sends on a
/// connection the node is closing.
const POOL_IDLE: Duration = Duration::from_secs(5);

/// Bytes read at a time, so the deadline is checked between reads.
const READ_CHUNK: usize = 64 << 10;

/// Transport limits of an [`RpcPeer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RpcOptions {
    /// Time allowed to connect.
    pub connect_timeout: Duration,
    /// Time allowed for a whole request: connecting, sending, and the
    /// complete answer (a total deadline, not a time per read).
    pub timeout: Duration,
    /// Largest answer accepted, in bytes (calls with small results accept
    /// at most [`SMALL_ANSWER_BYTES`]).
    pub max_response_bytes: u64,
    /// Ask for ranges of light blocks as binary frames
    /// (`docs/rpc.md#binary-light-block-ranges`); off: JSON only.
    pub binary_ranges: bool,
}

impl Default for RpcOptions {
    /// Connect within 5 s, the whole answer within 20 s, at most 8 MiB (the
    /// reference node's answers are at most 4 MiB,
    /// `jifen_rpc_types::MAX_RESPONSE_BYTES`; the rest is room for other
    /// servers' formatting). Why these: `docs/adr/0011-hostile-nodes.md`.
    /// Ranges as binary frames (`docs/adr/0018-binary-light-block-ranges.md`).
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(5),
            timeout: Duration::from_secs(20),
            max_response_bytes: 8 << 20,
            binary_ranges: true,
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
            .pool_idle_timeout(POOL_IDLE)
            // A redirect would send the request to an address the user did
            // not configure (past the endpoint rules): refused, not followed.
            .redirect(reqwest::redirect::Policy::none())
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

    /// Posts `body`, returns the answer's bytes: at most `limit` of them,
    /// all within the request's total deadline. With `frame`, the request
    /// accepts a binary light-block range besides JSON.
    fn post(&self, body: Vec<u8>, limit: u64, frame: bool) -> Result<Answer, PeerError> {
        let deadline = Instant::now() + self.options.timeout;
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
            .timeout(self.options.timeout)
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
        // A frame holds no JSON: its reader bounds what it allocates.
        if !is_frame && json_values(&bytes, MAX_JSON_VALUES) > MAX_JSON_VALUES {
            return Err(PeerError::TooComplex {
                limit: u64::try_from(MAX_JSON_VALUES).unwrap_or(u64::MAX),
            });
        }
        Ok(Answer {
            bytes,
            frame: is_frame,
        })
    }

    /// The largest answer accepted for a call of `method`.
    fn answer_limit(&self, method: &str) -> u64 {
        match method {
            method::STATUS | method::TX_STATUS | method::SUBMIT_TX => {
                SMALL_ANSWER_BYTES.min(self.options.max_response_bytes)
            }
            method::HISTORY => HISTORY_ANSWER_BYTES.min(self.options.max_response_bytes),
            _ => self.options.max_response_bytes,
        }
    }

    /// Calls the method of `params` and reads its typed result (or the
    /// node's error).
    fn call<C: Call>(&self, params: &C) -> Result<C::Output, PeerError> {
        let (id, body) = self.request_body(params)?;
        let answer = self.post(body, self.answer_limit(C::METHOD), false)?;
        let result = outcome_of(&answer.bytes, &id)?.map_err(rpc_error)?;
        Ok(C::Output::from_json(&result)?)
    }

    /// The request for `params` with the next id, as sent.
    fn request_body<C: Call>(&self, params: &C) -> Result<(Id, Vec<u8>), PeerError> {
        let id = Id::from(self.next_id.fetch_add(1, Ordering::Relaxed));
        let request = Request::call(id.clone(), params);
        let body =
            serde_json::to_vec(&request.to_json()).map_err(|error| PeerError::BadEnvelope {
                reason: error.to_string(),
            })?;
        Ok((id, body))
    }

    /// One `jifen_lightBlocks` call, answered as a frame or in JSON.
    fn range_call(&self, params: &LightBlocksParams) -> Result<LightBlocksResult, PeerError> {
        if !self.options.binary_ranges {
            return self.call(params);
        }
        let (id, body) = self.request_body(params)?;
        let answer = self.post(body, self.answer_limit(method::LIGHT_BLOCKS), true)?;
        if answer.frame {
            return Ok(LightBlocksResult::from_frame(
                &answer.bytes,
                params.from,
                params.to,
            )?);
        }
        let result = outcome_of(&answer.bytes, &id)?.map_err(rpc_error)?;
        Ok(LightBlocksResult::from_json(&result)?)
    }

    /// One `jifen_lightBlocks` call for `from..=to`.
    fn light_block_range(&self, from: u64, to: u64) -> Result<Vec<LightBlock>, PeerError> {
        let result = self
            .range_call(&LightBlocksParams { from, to })
            .map_err(|error| unavailable(error, to))?;
        result.expect_range(from, to)?;
        result
            .light_blocks
            .into_iter()
            .map(|block| light_block_from(block, None))
            .collect()
    }
}

/// An answer's bytes, and whether they are a binary light-block range.
struct Answer {
    bytes: Vec<u8>,
    frame: bool,
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
            earliest_height: status.earliest_height,
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

    /// One `jifen_lightBlocks` call per [`MAX_LIGHT_BLOCKS`] heights. A
    /// range whose answer would be too large (blocks of a very large
    /// validator set: the node says `response-too-large`, or the answer
    /// passes the size bound) is asked block by block instead.
    fn light_blocks(&self, from: u64, to: u64) -> Result<Vec<LightBlock>, PeerError> {
        let mut blocks = Vec::new();
        let mut start = from;
        while start <= to {
            let end = to.min(start.saturating_add(MAX_LIGHT_BLOCKS - 1));
            match self.light_block_range(start, end) {
                Ok(range) => blocks.extend(range),
                Err(PeerError::Rpc { code, .. })
                    if start < end && code == ErrorCode::ResponseTooLarge.number() =>
                {
                    for height in start..=end {
                        blocks.push(self.light_block(height)?);
                    }
                }
                Err(PeerError::ResponseTooLarge { .. }) if start < end => {
                    for height in start..=end {
                        blocks.push(self.light_block(height)?);
                    }
                }
                Err(error) => return Err(error),
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

    /// One `jifen_history` call for at most [`MAX_HISTORY_ENTRIES`] entries
    /// (the node's largest page). The answer must echo the address and the
    /// index asked for and hold no more entries than asked.
    fn history(
        &self,
        address: &Address,
        from: u64,
        limit: u64,
    ) -> Result<Vec<HistoryEntry>, PeerError> {
        let limit = limit.min(MAX_HISTORY_ENTRIES);
        let params = HistoryParams::new(address, Network::Devnet, Some(from), Some(limit));
        let result = self.call(&params)?;
        history_page(&params, limit, result)
    }

    fn subchain_reports(
        &self,
        id: SubchainId,
        from: u64,
        limit: u32,
    ) -> Result<SubchainReportsAnswer, PeerError> {
        let result = self.call(&SubchainReportsParams {
            subchain: id,
            from,
            limit,
        })?;
        WireError::check_equal("subchain", id.get(), result.subchain.get())?;
        Ok(SubchainReportsAnswer {
            height: result.height,
            total: result.total,
            reports: result
                .reports
                .into_iter()
                .map(|r| AnchoredReport {
                    index: r.index,
                    main_height: r.main_height,
                    leaf_index: r.leaf_index,
                    outcome: r.outcome,
                    report: r.report,
                    anchor_proof: r.anchor_proof,
                })
                .collect(),
        })
    }

    fn subchain_state(
        &self,
        id: SubchainId,
        key: &str,
        height: Option<u64>,
    ) -> Result<UntrustedSubchainState, PeerError> {
        let result = match self.call(&SubchainStateParams {
            subchain: id,
            key: key.to_owned(),
            height,
        }) {
            Err(PeerError::Rpc { code, .. }) if code == ErrorCode::SubchainNotKept.number() => {
                return Err(PeerError::Unsupported {
                    method: method::SUBCHAIN_STATE,
                });
            }
            other => other?,
        };
        WireError::check_equal("subchain", id.get(), result.subchain.get())?;
        WireError::check_equal("key", key, result.key.as_str())?;
        Ok(UntrustedSubchainState {
            height: result.height,
            header: result.header,
            key: result.key,
            value: result.value,
            proof: result.proof,
        })
    }

    fn provenance_records(
        &self,
        id: SubchainId,
        item: &ItemId,
        height: Option<u64>,
        from: u32,
        limit: u32,
    ) -> Result<UntrustedRecords, PeerError> {
        let result = match self.call(&ProvenanceRecordsParams {
            subchain: id,
            item: item.clone(),
            height,
            from,
            limit,
        }) {
            Err(PeerError::Rpc { code, .. }) if code == ErrorCode::SubchainNotKept.number() => {
                return Err(PeerError::Unsupported {
                    method: method::PROVENANCE_RECORDS,
                });
            }
            other => other?,
        };
        WireError::check_equal("subchain", id.get(), result.subchain.get())?;
        Ok(UntrustedRecords {
            height: result.height,
            header: result.header,
            count: (result.count.value, result.count.proof),
            records: result
                .records
                .into_iter()
                .map(|r| (r.index, r.value.value, r.value.proof))
                .collect(),
        })
    }

    fn submit_record(
        &self,
        subchain: SubchainId,
        record: &ProvenanceRecord,
    ) -> Result<(), PeerError> {
        let result = self
            .call(&ProvenanceSubmitParams {
                subchain: Some(subchain),
                record: record.clone(),
            })
            .map_err(|error| match error {
                PeerError::Rpc { code, .. } if code == ErrorCode::SubchainNotKept.number() => {
                    PeerError::Unsupported {
                        method: method::PROVENANCE_SUBMIT,
                    }
                }
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
        WireError::check_equal("index", record.index, result.index)?;
        Ok(())
    }
}

/// The entries of a `jifen_history` answer to `params`, checked to be the
/// page asked for.
fn history_page(
    params: &HistoryParams,
    limit: u64,
    result: jifen_rpc_types::HistoryResult,
) -> Result<Vec<HistoryEntry>, PeerError> {
    WireError::check_equal("address", params.text.as_str(), result.address.as_str())?;
    WireError::check_equal("from", params.from.unwrap_or(0), result.from)?;
    let got = u64::try_from(result.entries.len()).unwrap_or(u64::MAX);
    if got > limit {
        return Err(PeerError::Inconsistent {
            field: "entries",
            expected: format!("at most {limit}"),
            got: got.to_string(),
        });
    }
    Ok(result.entries)
}

#[cfg(test)]
#[path = "rpc_tests.rs"]
mod tests;
