//! The Jifen node's JSON-RPC 2.0 wire format (`docs/rpc.md`), defined once
//! for the node's server, its test client and the light client's peer.
//!
//! | module | holds |
//! |---|---|
//! | [`envelope`] | [`Request`], [`Response`], [`ErrorObject`], the node's [`ErrorCode`]s, [`EnvelopeError`] |
//! | [`method`] | the method names |
//! | [`blocks`] | `jifen_status`, `jifen_header`, `jifen_commit`, `jifen_validators`, `jifen_lightBlock(s)`, `jifen_block` |
//! | [`state`] | `jifen_state`, `jifen_account` |
//! | [`tx`] | `jifen_submitTx`, `jifen_txStatus`, `jifen_txProof` |
//! | [`history`] | `jifen_history` |
//! | [`subchain`] | `jifen_subchains`, `jifen_subchainReports`, `jifen_subchainHeaders`, `jifen_anchorProof`, `jifen_subchainState` |
//! | [`provenance`] | `jifen_provenanceSubmit`, `jifen_provenanceRecords` |
//! | [`field`](mod@field) | strict reading of members and [`WireError`] |
//! | [`binary`] | `jifen_lightBlocks` as a binary frame ([`LIGHT_BLOCKS_CONTENT_TYPE`]) |
//! | [`limits`] | the node's answer budget ([`MAX_RESPONSE_BYTES`]) and the bound on JSON values both sides check before parsing ([`json_values`]) |
//!
//! Each method has a params struct implementing [`Call`] (its method name
//! and its result type) and a result struct; both implement [`WireObject`]:
//! `to_json` writes exactly the members `docs/rpc.md` documents, `from_json`
//! reads them strictly (hashes of 64 hex digits, canonical encodings decoded
//! with `jifen_protocol::Decode`, no trailing bytes, integers in range) and
//! checks that members repeating each other agree. Nothing read here is
//! trusted: a light client still verifies headers by their commits and
//! values by their proofs.
//!
//! ```
//! use jifen_rpc_types::{Call, HeaderParams, Id, Request, WireObject, method};
//!
//! let request = Request::call(Id::from(1), &HeaderParams { height: Some(2) });
//! assert_eq!(request.method, method::HEADER);
//! assert_eq!(
//!     request.to_json(),
//!     serde_json::json!({"jsonrpc": "2.0", "id": 1, "method": "jifen_header", "params": {"height": 2}})
//! );
//! let params = HeaderParams::from_json(&serde_json::json!({"height": null})).unwrap();
//! assert_eq!(params.height, None);
//! assert_eq!(<HeaderParams as Call>::METHOD, "jifen_header");
//! ```

pub mod binary;
pub mod blocks;
pub mod envelope;
pub mod field;
pub mod history;
pub mod limits;
pub mod provenance;
pub mod state;
pub mod subchain;
pub mod tx;

pub use binary::{LIGHT_BLOCKS_CONTENT_TYPE, accepts_light_blocks, names_light_blocks_type};
pub use blocks::{
    BlockParams, BlockResult, CommitParams, CommitResult, HeaderParams, HeaderResult,
    LightBlockParams, LightBlockResult, LightBlocksParams, LightBlocksResult, MAX_BLOCK_TX_BYTES,
    MAX_BLOCK_TXS, StatusParams, StatusResult, ValidatorsParams, ValidatorsResult,
};
pub use envelope::{
    EnvelopeError, ErrorCode, ErrorObject, Id, Request, RequestError, Response, VERSION,
};
pub use field::WireError;
pub use history::{HistoryParams, HistoryResult, MAX_HISTORY_ENTRIES};
pub use limits::{MAX_JSON_VALUES, MAX_RESPONSE_BYTES, json_values};
pub use provenance::{
    MAX_PROVENANCE_RECORDS, ProvenRecord, ProvenValue, ProvenanceRecordsParams,
    ProvenanceRecordsResult, ProvenanceSubmitParams, ProvenanceSubmitResult,
};
pub use state::{AccountParams, AccountResult, StateParams, StateResult};
pub use subchain::{
    AnchorProofParams, AnchorProofResult, AnchoredReport, MAX_SUBCHAIN_HEADERS,
    MAX_SUBCHAIN_REPORTS, SubchainHeadersParams, SubchainHeadersResult, SubchainReportsParams,
    SubchainReportsResult, SubchainStateParams, SubchainStateResult, SubchainsParams,
    SubchainsResult,
};
pub use tx::{
    SubmitTxParams, SubmitTxResult, TxProofParams, TxProofResult, TxStatus, TxStatusParams,
    TxStatusResult,
};

use serde_json::Value;

/// The method names (`docs/rpc.md#methods`).
pub mod method {
    /// Node status: chain id, tip, the set that signs the next block.
    pub const STATUS: &str = "jifen_status";
    /// The header at a height and its hash.
    pub const HEADER: &str = "jifen_header";
    /// The commit that finalized the block at a height.
    pub const COMMIT: &str = "jifen_commit";
    /// The validator set that signs the block at a height.
    pub const VALIDATORS: &str = "jifen_validators";
    /// Header, commit and both validator sets at one height.
    pub const LIGHT_BLOCK: &str = "jifen_lightBlock";
    /// Light blocks `from ..= to`.
    pub const LIGHT_BLOCKS: &str = "jifen_lightBlocks";
    /// Header, commit and transactions of one block (full-node sync).
    pub const BLOCK: &str = "jifen_block";
    /// The value under a state key, with its proof.
    pub const STATE: &str = "jifen_state";
    /// An address's account record, with its proof.
    pub const ACCOUNT: &str = "jifen_account";
    /// Checks a signed transaction and queues it.
    pub const SUBMIT_TX: &str = "jifen_submitTx";
    /// Where a transaction is.
    pub const TX_STATUS: &str = "jifen_txStatus";
    /// A committed transaction with its inclusion and result proofs.
    pub const TX_PROOF: &str = "jifen_txProof";
    /// A page of an account's history.
    pub const HISTORY: &str = "jifen_history";
    /// Every registered subchain with its record.
    pub const SUBCHAINS: &str = "jifen_subchains";
    /// A page of a subchain's anchored reports with their anchor proofs.
    pub const SUBCHAIN_REPORTS: &str = "jifen_subchainReports";
    /// The headers the main chain holds for a subchain, by height.
    pub const SUBCHAIN_HEADERS: &str = "jifen_subchainHeaders";
    /// One anchor leaf of a block with its proof.
    pub const ANCHOR_PROOF: &str = "jifen_anchorProof";
    /// A subchain state value with its proof against an anchored header.
    pub const SUBCHAIN_STATE: &str = "jifen_subchainState";
    /// Hands a signed provenance record to the node producing its subchain.
    pub const PROVENANCE_SUBMIT: &str = "jifen_provenanceSubmit";
    /// An item's provenance records with proofs against an anchored header.
    pub const PROVENANCE_RECORDS: &str = "jifen_provenanceRecords";

    /// Every method.
    pub const ALL: [&str; 20] = [
        STATUS,
        HEADER,
        COMMIT,
        VALIDATORS,
        LIGHT_BLOCK,
        LIGHT_BLOCKS,
        BLOCK,
        STATE,
        ACCOUNT,
        SUBMIT_TX,
        TX_STATUS,
        TX_PROOF,
        HISTORY,
        SUBCHAINS,
        SUBCHAIN_REPORTS,
        SUBCHAIN_HEADERS,
        ANCHOR_PROOF,
        SUBCHAIN_STATE,
        PROVENANCE_SUBMIT,
        PROVENANCE_RECORDS,
    ];
}

/// Most light blocks one `jifen_lightBlocks` call returns.
pub const MAX_LIGHT_BLOCKS: u64 = 100;
/// Most requests in one batch.
pub const MAX_BATCH: usize = 100;
/// Largest state value a `jifen_state` answer may carry (1 MiB).
pub const MAX_STATE_VALUE: usize = 1 << 20;

/// A params or result object and its JSON form.
pub trait WireObject: Sized {
    /// The object as sent (always a JSON object).
    fn to_json(&self) -> Value;

    /// Reads and checks a received object.
    ///
    /// # Errors
    /// [`WireError`] naming the member that is missing, ill-typed, not of
    /// its form, not canonical, or inconsistent with another.
    fn from_json(value: &Value) -> Result<Self, WireError>;
}

/// The params of one method: the method's name and the type of its result.
pub trait Call: WireObject {
    /// The method name (one of [`method`]).
    const METHOD: &'static str;
    /// The method's result.
    type Output: WireObject;
}

/// `Serialize` through [`WireObject::to_json`], so that the typed objects
/// embed in other serde structures exactly as they go on the wire.
macro_rules! serialize_as_wire {
    ($($name:ty),* $(,)?) => {
        $(
            impl serde::Serialize for $name {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serde::Serialize::serialize(&$crate::WireObject::to_json(self), serializer)
                }
            }
        )*
    };
}

serialize_as_wire!(
    StatusParams,
    StatusResult,
    HeaderParams,
    HeaderResult,
    CommitParams,
    CommitResult,
    ValidatorsParams,
    ValidatorsResult,
    LightBlockParams,
    LightBlockResult,
    LightBlocksParams,
    LightBlocksResult,
    BlockParams,
    BlockResult,
    StateParams,
    StateResult,
    AccountParams,
    AccountResult,
    SubmitTxParams,
    SubmitTxResult,
    TxStatusParams,
    TxStatusResult,
    TxProofParams,
    TxProofResult,
    HistoryParams,
    HistoryResult,
    SubchainsParams,
    SubchainsResult,
    SubchainReportsParams,
    SubchainReportsResult,
    SubchainHeadersParams,
    SubchainHeadersResult,
    AnchorProofParams,
    AnchorProofResult,
    SubchainStateParams,
    SubchainStateResult,
    ProvenanceSubmitParams,
    ProvenanceSubmitResult,
    ProvenanceRecordsParams,
    ProvenanceRecordsResult,
);
