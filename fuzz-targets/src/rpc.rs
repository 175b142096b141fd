//! JSON-RPC answers as the light client reads them (`docs/rpc.md`).

use std::fmt::Debug;

use jifen_rpc_types::{
    AccountParams, AccountResult, AnchorProofParams, AnchorProofResult, BlockParams, BlockResult,
    CommitParams, CommitResult, ErrorObject, HeaderParams, HeaderResult, HistoryParams,
    HistoryResult, LightBlockParams, LightBlockResult, LightBlocksParams, LightBlocksResult,
    MAX_JSON_VALUES, ProvenanceRecordsParams, ProvenanceRecordsResult, ProvenanceSubmitParams,
    ProvenanceSubmitResult, Request, Response, StateParams, StateResult, StatusParams,
    StatusResult, SubchainHeadersParams, SubchainHeadersResult, SubchainReportsParams,
    SubchainReportsResult, SubchainStateParams, SubchainStateResult, SubchainsParams,
    SubchainsResult, SubmitTxParams, SubmitTxResult, TxProofParams, TxProofResult, TxStatusParams,
    TxStatusResult, ValidatorsParams, ValidatorsResult, WireObject, json_values,
};
use serde_json::Value;

/// The envelope and every typed object, fed `data` as a JSON body.
pub fn rpc(data: &[u8]) {
    // The client counts values before parsing (a bounded scan).
    let counted = json_values(data, MAX_JSON_VALUES);
    assert!(
        counted <= MAX_JSON_VALUES + 1,
        "json_values counted past its limit"
    );
    if counted > MAX_JSON_VALUES {
        return;
    }
    if let Ok(response) = Response::parse(data) {
        let again = Response::from_json(&response.to_json()).expect("re-reading a response");
        assert_eq!(again, response);
        if let Ok(result) = &response.outcome {
            objects(result);
        }
    }
    let Ok(value) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    if let Ok(request) = Request::from_json(&value) {
        let again = Request::from_json(&request.to_json()).expect("re-reading a request");
        assert_eq!(again, request);
        objects(&Value::Object(request.params.clone()));
    } else if let Err(refused) = Request::from_json(&value) {
        let _ = refused.code();
        let _ = refused.response();
    }
    if let Ok(error) = ErrorObject::from_json(&value) {
        let again = ErrorObject::from_json(&error.to_json()).expect("re-reading an error");
        assert_eq!(again, error);
        let _ = error.known();
    }
    objects(&value);
    if let Value::Object(object) = &value {
        for member in object.values() {
            objects(member);
        }
    }
}

/// Reads `value` as `T`; when it reads, its JSON form reads back to itself.
fn wire<T: WireObject + PartialEq + Debug>(value: &Value) {
    if let Ok(object) = T::from_json(value) {
        let json = object.to_json();
        let again = T::from_json(&json)
            .unwrap_or_else(|e| panic!("re-reading {json}: {e} (first read {value})"));
        assert_eq!(again, object);
    }
}

/// Every params and result object.
fn objects(value: &Value) {
    wire::<StatusParams>(value);
    wire::<StatusResult>(value);
    wire::<HeaderParams>(value);
    wire::<HeaderResult>(value);
    wire::<CommitParams>(value);
    wire::<CommitResult>(value);
    wire::<ValidatorsParams>(value);
    wire::<ValidatorsResult>(value);
    wire::<LightBlockParams>(value);
    wire::<LightBlockResult>(value);
    wire::<LightBlocksParams>(value);
    wire::<LightBlocksResult>(value);
    wire::<BlockParams>(value);
    wire::<BlockResult>(value);
    wire::<StateParams>(value);
    wire::<StateResult>(value);
    wire::<AccountParams>(value);
    wire::<AccountResult>(value);
    wire::<SubmitTxParams>(value);
    wire::<SubmitTxResult>(value);
    wire::<TxStatusParams>(value);
    wire::<TxStatusResult>(value);
    wire::<TxProofParams>(value);
    wire::<TxProofResult>(value);
    wire::<HistoryParams>(value);
    wire::<HistoryResult>(value);
    wire::<SubchainsParams>(value);
    wire::<SubchainsResult>(value);
    wire::<SubchainReportsParams>(value);
    wire::<SubchainReportsResult>(value);
    wire::<SubchainHeadersParams>(value);
    wire::<SubchainHeadersResult>(value);
    wire::<AnchorProofParams>(value);
    wire::<AnchorProofResult>(value);
    wire::<SubchainStateParams>(value);
    wire::<SubchainStateResult>(value);
    wire::<ProvenanceSubmitParams>(value);
    wire::<ProvenanceSubmitResult>(value);
    wire::<ProvenanceRecordsParams>(value);
    wire::<ProvenanceRecordsResult>(value);
}
