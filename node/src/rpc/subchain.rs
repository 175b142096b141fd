//! The subchain methods: `jifen_subchains`, `jifen_subchainReports`,
//! `jifen_subchainHeaders`, `jifen_anchorProof`, `jifen_subchainState`
//! (`docs/rpc.md#subchains`).

use std::collections::BTreeMap;

use jifen_protocol::subchain::{
    AnchorLeaf, SubchainCode, SubchainError, SubchainId, SubchainRecord, subchain_state_key,
};
use jifen_protocol::{Encode, InclusionProof};
use jifen_rpc_types::{
    AnchorProofParams, AnchorProofResult, AnchoredReport, ErrorCode, ErrorObject,
    MAX_SUBCHAIN_HEADERS, MAX_SUBCHAIN_REPORTS, SubchainHeadersParams, SubchainHeadersResult,
    SubchainReportsParams, SubchainReportsResult, SubchainStateParams, SubchainStateResult,
    SubchainsResult,
};

use super::body::too_large;
use super::{RpcContext, RpcError, fault, height_unavailable, internal, invalid_params, lock};
use crate::chain::Chain;

/// JSON and hex around one report or record: room for the member names.
const ENTRY_OVERHEAD: usize = 256;

fn unknown(id: SubchainId) -> RpcError {
    ErrorObject::new(
        ErrorCode::Subchain(SubchainCode::Unknown),
        SubchainError::Unknown(id).to_string(),
    )
}

pub(super) fn record(chain: &Chain, id: SubchainId) -> Result<SubchainRecord, RpcError> {
    chain
        .subchain_record(id)
        .map_err(internal)?
        .ok_or_else(|| unknown(id))
}

/// `jifen_subchains`.
pub(super) fn subchains(ctx: &RpcContext, budget: usize) -> Result<SubchainsResult, RpcError> {
    let chain = lock(ctx)?;
    let subchains = chain.subchain_records().map_err(internal)?;
    let size = subchains.iter().fold(0usize, |size, (_, record)| {
        size.saturating_add(record.encode().len() * 2 + ENTRY_OVERHEAD)
    });
    if size > budget {
        return Err(too_large(budget));
    }
    Ok(SubchainsResult {
        height: chain.height(),
        subchains,
    })
}

/// The leaves of the blocks a page of reports was anchored in.
#[derive(Default)]
struct LeafCache(BTreeMap<u64, Vec<AnchorLeaf>>);

impl LeafCache {
    fn proof(
        &mut self,
        chain: &Chain,
        height: u64,
        index: u32,
    ) -> Result<(u64, InclusionProof), RpcError> {
        let leaves = match self.0.entry(height) {
            std::collections::btree_map::Entry::Occupied(known) => known.into_mut(),
            std::collections::btree_map::Entry::Vacant(slot) => {
                slot.insert(chain.anchors(height).map_err(internal)?)
            }
        };
        let hashes: Vec<_> = leaves.iter().map(AnchorLeaf::leaf_hash).collect();
        let proof = InclusionProof::generate(&hashes, index as usize).map_err(internal)?;
        Ok((leaves.len() as u64, proof))
    }
}

/// `jifen_subchainReports`.
pub(super) fn reports(
    ctx: &RpcContext,
    params: SubchainReportsParams,
    budget: usize,
) -> Result<SubchainReportsResult, RpcError> {
    if params.limit > MAX_SUBCHAIN_REPORTS {
        return Err(ErrorObject::new(
            ErrorCode::RangeTooLarge,
            format!("at most {MAX_SUBCHAIN_REPORTS} subchain reports per call"),
        ));
    }
    let chain = lock(ctx)?;
    let id = params.subchain;
    let total = record(&chain, id)?.reports;
    let stored = chain
        .subchain_reports(id, params.from, params.limit as usize)
        .map_err(internal)?;
    let mut cache = LeafCache::default();
    let mut reports = Vec::with_capacity(stored.len());
    let mut size = 0usize;
    for stored in stored {
        let (leaf_count, proof) = cache.proof(&chain, stored.main_height, stored.leaf_index)?;
        let report = AnchoredReport {
            index: stored.index,
            main_height: stored.main_height,
            leaf_index: u64::from(stored.leaf_index),
            leaf_count,
            outcome: stored.outcome,
            report: stored.report,
            anchor_proof: proof,
        };
        size = size.saturating_add(
            (report.report.encode().len() + report.anchor_proof.encode().len()) * 2
                + ENTRY_OVERHEAD,
        );
        if size > budget {
            return Err(too_large(budget));
        }
        reports.push(fault::served_anchored_report(ctx.fault, report));
    }
    let (total, reports) = fault::served_reports(ctx.fault, total, reports);
    Ok(SubchainReportsResult {
        subchain: id,
        height: chain.height(),
        total,
        reports,
    })
}

/// `jifen_subchainHeaders`.
pub(super) fn headers(
    ctx: &RpcContext,
    params: SubchainHeadersParams,
) -> Result<SubchainHeadersResult, RpcError> {
    let SubchainHeadersParams { subchain, from, to } = params;
    if from > to {
        return Err(invalid_params("need from <= to"));
    }
    if to - from >= MAX_SUBCHAIN_HEADERS {
        return Err(ErrorObject::new(
            ErrorCode::RangeTooLarge,
            format!("at most {MAX_SUBCHAIN_HEADERS} subchain headers per call"),
        ));
    }
    let chain = lock(ctx)?;
    record(&chain, subchain)?;
    let headers = chain
        .subchain_headers(subchain, from, to)
        .map_err(internal)?;
    Ok(SubchainHeadersResult { subchain, headers })
}

/// `jifen_anchorProof`.
pub(super) fn anchor_proof(
    ctx: &RpcContext,
    params: AnchorProofParams,
) -> Result<AnchorProofResult, RpcError> {
    let chain = lock(ctx)?;
    let tip = chain.height();
    let AnchorProofParams { height, index } = params;
    if height == 0 || height > tip {
        return Err(height_unavailable(height, tip));
    }
    let anchored = chain
        .anchor_proof(height, index)
        .map_err(internal)?
        .ok_or_else(|| invalid_params(format!("block {height} has no anchor leaf {index}")))?;
    let (leaf_count, proof) =
        fault::served_anchor_proof(ctx.fault, anchored.leaf_count, anchored.proof);
    Ok(AnchorProofResult {
        height,
        index,
        leaf_count,
        leaf: anchored.leaf,
        proof,
    })
}

/// `jifen_subchainState`.
pub(super) fn state(
    ctx: &RpcContext,
    params: SubchainStateParams,
) -> Result<SubchainStateResult, RpcError> {
    let chain = lock(ctx)?;
    let id = params.subchain;
    let tip = record(&chain, id)?.tip.height;
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
        ErrorObject::new(
            ErrorCode::SubchainNotKept,
            format!("this node does not keep the blocks of subchain {id}"),
        )
    })?;
    if map.root() != header.state_root {
        return Err(internal(format!(
            "the kept state of subchain {id} at {height} differs from its header"
        )));
    }
    let (value, proof) = map.prove(&subchain_state_key(&params.key));
    Ok(SubchainStateResult {
        subchain: id,
        height,
        header,
        key: params.key,
        value,
        proof: fault::served_state_proof(ctx.fault, proof),
    })
}
