//! The provenance methods: `jifen_provenanceSubmit` (a signed record for
//! the provenance subchain this node produces) and
//! `jifen_provenanceRecords` (an item's records with proofs against an
//! anchored subchain header) (`docs/rpc.md#provenance`).

use jifen_protocol::provenance::{
    ProvenanceError, count_entry_key, decode_count, record_entry_key,
};
use jifen_protocol::subchain::{SubchainKind, subchain_state_key};
use jifen_protocol::{Encode, StateTree};
use jifen_rpc_types::{
    ErrorCode, ErrorObject, ProvenRecord, ProvenValue, ProvenanceRecordsParams,
    ProvenanceRecordsResult, ProvenanceSubmitParams, ProvenanceSubmitResult,
};

use super::body::too_large;
use super::{RpcContext, RpcError, fault, height_unavailable, internal, lock, subchain};
use crate::provenance::submit::check_record;

/// JSON around one proven value: its index and member names.
const ENTRY_OVERHEAD: usize = 64;

fn refused(error: &ProvenanceError) -> RpcError {
    ErrorObject::new(ErrorCode::Provenance(error.kind()), error.to_string())
}

fn not_kept(what: &str) -> RpcError {
    ErrorObject::new(ErrorCode::SubchainNotKept, what.to_owned())
}

/// `jifen_provenanceSubmit`.
pub(super) fn submit(
    ctx: &RpcContext,
    params: ProvenanceSubmitParams,
) -> Result<ProvenanceSubmitResult, RpcError> {
    let chain = lock(ctx)?;
    let Some((id, ledger)) = chain.provenance() else {
        return Err(not_kept(
            "this node produces no provenance subchain: give the record to the node that does",
        ));
    };
    if params.subchain.is_some_and(|asked| asked != id) {
        return Err(not_kept(&format!(
            "this node produces provenance subchain {id} only"
        )));
    }
    if subchain::record(&chain, id)?.params.kind() != SubchainKind::Bft {
        return Err(not_kept(&format!("subchain {id} is not a bft subchain")));
    }
    let record = params.record;
    let tail = ledger.tail(&record.item);
    check_record(chain.chain_id(), chain.state(), tail, &record).map_err(|e| refused(&e))?;
    let (item, index) = (record.item.clone(), record.index);
    ledger
        .enqueue(record)
        .map_err(|full| ErrorObject::new(ErrorCode::MempoolFull, full.to_string()))?;
    tracing::info!(%item, index, subchain = %id, "provenance record queued");
    Ok(ProvenanceSubmitResult {
        subchain: id,
        item,
        index,
    })
}

/// `jifen_provenanceRecords`.
pub(super) fn records(
    ctx: &RpcContext,
    params: ProvenanceRecordsParams,
    budget: usize,
) -> Result<ProvenanceRecordsResult, RpcError> {
    let chain = lock(ctx)?;
    let id = params.subchain;
    let tip = subchain::record(&chain, id)?.tip.height;
    let height = params.height.unwrap_or(tip);
    if height == 0 || height > tip {
        return Err(height_unavailable(height, tip));
    }
    let (_, header) = chain
        .subchain_headers(id, height, height)
        .map_err(internal)?
        .into_iter()
        .next()
        .ok_or_else(|| internal(format!("anchored header {height} of subchain {id} missing")))?;
    let map = chain.kept_subchain_state(id, height).ok_or_else(|| {
        not_kept(&format!(
            "this node does not keep the blocks of subchain {id}"
        ))
    })?;
    drop(chain);
    let tree = StateTree::build(&map);
    if tree.root() != header.state_root {
        return Err(internal(format!(
            "the kept state of subchain {id} at {height} differs from its header"
        )));
    }
    let prove = |key: &str| {
        let key = subchain_state_key(key);
        ProvenValue {
            value: map.get(&key).map(<[u8]>::to_vec),
            proof: fault::served_state_proof(ctx.fault, tree.prove(&key)),
        }
    };
    let item = &params.item;
    let count = prove(&count_entry_key(item));
    let n = count.value.as_deref().and_then(decode_count).unwrap_or(0);
    let end = n.min(params.from.saturating_add(params.limit));
    let mut size = header.encode().len() * 2 + ENTRY_OVERHEAD;
    let mut records = Vec::new();
    for index in params.from..end {
        let value = prove(&record_entry_key(item, index));
        size = size.saturating_add(
            (value.value.as_ref().map_or(0, Vec::len) + value.proof.encode().len()) * 2
                + ENTRY_OVERHEAD,
        );
        if size > budget {
            return Err(too_large(budget));
        }
        records.push(ProvenRecord { index, value });
    }
    Ok(ProvenanceRecordsResult {
        subchain: id,
        height,
        header,
        count,
        records,
    })
}
