//! Reading an item's provenance records as a wallet does: every value
//! proven against the header's `state_root`, the header the one the main
//! chain anchored.

use jifen_protocol::provenance::{
    ItemId, ProvenanceRecord, count_entry_key, decode_count, record_entry_key,
};
use jifen_protocol::subchain::{SubchainHeader, subchain_state_key};
use jifen_protocol::{Decode, verify_state_proof};
use jifen_rpc_types::{ProvenanceRecordsResult, WireObject};
use serde_json::{Value, json};

/// The params of `jifen_provenanceRecords` for `item` on subchain `id`.
pub fn records_params(id: u32, item: &ItemId, height: Option<u64>) -> Value {
    let mut params = json!({"subchain": id, "item": item.to_string()});
    if let Some(height) = height {
        params["height"] = json!(height);
    }
    params
}

/// Checks every proof of a `jifen_provenanceRecords` answer and returns
/// the header, the count and the decoded records.
pub fn verified_records(
    item: &ItemId,
    answer: &Value,
) -> (SubchainHeader, u32, Vec<ProvenanceRecord>) {
    let result = ProvenanceRecordsResult::from_json(answer).unwrap();
    let root = result.header.state_root;
    verify_state_proof(
        &root,
        &subchain_state_key(&count_entry_key(item)),
        result.count.value.as_deref(),
        &result.count.proof,
    )
    .unwrap();
    let count = result
        .count
        .value
        .as_deref()
        .map_or(0, |v| decode_count(v).unwrap());
    let mut records = Vec::new();
    for proven in &result.records {
        verify_state_proof(
            &root,
            &subchain_state_key(&record_entry_key(item, proven.index)),
            proven.value.value.as_deref(),
            &proven.value.proof,
        )
        .unwrap();
        let record = ProvenanceRecord::decode(proven.value.value.as_deref().unwrap()).unwrap();
        assert_eq!(record.index, proven.index);
        assert_eq!(&record.item, item);
        records.push(record);
    }
    (result.header, count, records)
}
