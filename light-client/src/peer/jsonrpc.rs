//! [`JsonRpcPeer`]: a [`Peer`] that speaks the node's JSON-RPC 2.0
//! (`docs/rpc.md`) over a [`Transport`]: HTTP ([`super::RpcPeer`]) or a
//! libp2p request-response stream (`super::P2pPeer`, cargo feature `p2p`).
//! The calls, the bounds per method and every check of an answer are here,
//! once, whatever carried it; a transport only moves bytes within its
//! deadline and size bound.
//!
//! A body is checked before parsing: more JSON values than
//! [`jifen_rpc_types::MAX_JSON_VALUES`] is refused
//! ([`PeerError::TooComplex`]), so a valid but huge array never becomes a
//! tree of hundreds of MB. A body that passes is parsed as JSON, checked to
//! be the response to the request, and read with the typed results of
//! `jifen-rpc-types`: every binary field decoded with the protocol's strict
//! decoders (exactly one canonical encoding, no trailing bytes), fields that
//! repeat each other (`hash` and the header, `height` and the header's
//! height) agreeing. Anything else is a [`PeerError`].
//!
//! Ranges of light blocks are asked for as binary frames (unless
//! [`RpcOptions::binary_ranges`] is off) and read by what the transport
//! says the answer is: a frame with `jifen_rpc_types::binary`'s strict
//! reader (a bad one is [`PeerError::BadFrame`]), JSON as above. A frame to
//! any other request is refused by the transport
//! ([`PeerError::BadEnvelope`]). Either way the blocks are then checked to
//! be the range asked and verified as any.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use jifen_protocol::history::HistoryEntry;
use jifen_protocol::provenance::{ItemId, ProvenanceRecord};
use jifen_protocol::subchain::SubchainId;
use jifen_protocol::{Address, Hash32, Network, Transaction};
use jifen_rpc_types::{
    AccountParams, Call, ErrorCode, ErrorObject, HistoryParams, Id, LightBlockParams,
    LightBlockResult, LightBlocksParams, LightBlocksResult, MAX_HISTORY_ENTRIES, MAX_JSON_VALUES,
    MAX_LIGHT_BLOCKS, ProvenanceRecordsParams, ProvenanceSubmitParams, Request, Response,
    StateParams, StateResult, StatusParams, SubchainReportsParams, SubchainStateParams,
    SubmitTxParams, TxProofParams, TxStatus, TxStatusParams, WireError, WireObject, json_values,
    method,
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

/// Limits of a [`JsonRpcPeer`] and its transport.
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

/// What carries a [`JsonRpcPeer`]'s requests: one request body out, one
/// answer back.
pub trait Transport: std::fmt::Debug + Send + Sync {
    /// A name for reports (the URL, the multiaddr).
    fn id(&self) -> &str;

    /// Sends `body` (a JSON-RPC request) and returns the answer's bytes: at
    /// most `limit` of them, all within the request's total deadline. With
    /// `frame`, the request accepts a binary light-block range besides
    /// JSON; without, a frame is refused ([`PeerError::BadEnvelope`]).
    ///
    /// # Errors
    /// Transport errors ([`PeerError::Unreachable`], [`PeerError::Timeout`],
    /// ...) and [`PeerError::ResponseTooLarge`].
    fn post(&self, body: Vec<u8>, limit: u64, frame: bool) -> Result<Answer, PeerError>;
}

/// An answer's bytes, and whether they are a binary light-block range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The body.
    pub bytes: Vec<u8>,
    /// A binary light-block range (`application/vnd.jifen.light-blocks.v1`),
    /// not JSON.
    pub frame: bool,
}

/// A node reached over JSON-RPC, whatever the transport.
#[derive(Debug)]
pub struct JsonRpcPeer<T> {
    transport: T,
    options: RpcOptions,
    next_id: AtomicU64,
}

impl<T: Transport> JsonRpcPeer<T> {
    /// A peer that sends its requests over `transport`.
    #[must_use]
    pub const fn over(transport: T, options: RpcOptions) -> Self {
        Self {
            transport,
            options,
            next_id: AtomicU64::new(1),
        }
    }

    /// The transport.
    #[must_use]
    pub const fn transport(&self) -> &T {
        &self.transport
    }

    /// The options.
    #[must_use]
    pub const fn options(&self) -> &RpcOptions {
        &self.options
    }

    /// The transport, taken out (to wrap it, e.g. to count bytes).
    #[must_use]
    pub fn into_transport(self) -> T {
        self.transport
    }

    /// `transport.post` of a call of `method`, then the JSON complexity
    /// bound.
    ///
    /// A call whose connection broke before its answer
    /// ([`PeerError::Unreachable`]: closed or reset, e.g. a kept-alive
    /// connection the node closed for a new one when its connections were
    /// full) is sent once more on a new connection, unless it is
    /// `jifen_submitTx`: a second submission of a transaction the node did
    /// take is refused as already known. Every other call only reads.
    fn post(
        &self,
        method: &str,
        body: Vec<u8>,
        limit: u64,
        frame: bool,
    ) -> Result<Answer, PeerError> {
        let answer = match self.transport.post(body.clone(), limit, frame) {
            Err(PeerError::Unreachable { .. }) if method != method::SUBMIT_TX => {
                self.transport.post(body, limit, frame)?
            }
            other => other?,
        };
        // A frame holds no JSON: its reader bounds what it allocates.
        if !answer.frame && json_values(&answer.bytes, MAX_JSON_VALUES) > MAX_JSON_VALUES {
            return Err(PeerError::TooComplex {
                limit: u64::try_from(MAX_JSON_VALUES).unwrap_or(u64::MAX),
            });
        }
        Ok(answer)
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
        let answer = self.post(C::METHOD, body, self.answer_limit(C::METHOD), false)?;
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
        let answer = self.post(
            method::LIGHT_BLOCKS,
            body,
            self.answer_limit(method::LIGHT_BLOCKS),
            true,
        )?;
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

/// A node's refusal of a submission (codes 1000-1999) is
/// [`PeerError::TxRejected`] with its reason.
fn refusal(error: PeerError) -> PeerError {
    match error {
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

impl<T: Transport> Peer for JsonRpcPeer<T> {
    fn id(&self) -> &str {
        self.transport.id()
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
        let result = self
            .call(&SubmitTxParams { tx: tx.clone() })
            .map_err(refusal)?;
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
                other => refusal(other),
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
