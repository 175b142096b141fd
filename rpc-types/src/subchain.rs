//! Subchain reads (ADR 0019): `jifen_subchains`, `jifen_subchainReports`,
//! `jifen_subchainHeaders`, `jifen_anchorProof`, `jifen_subchainState`.
//!
//! Nothing here is trusted: a wallet proves each record with `jifen_state`,
//! checks each anchor proof against a verified main-chain header's
//! `anchors_root`, re-runs `jifen_protocol::subchain::apply_report` on the
//! reports, and checks a state proof against an audited header.

use jifen_protocol::subchain::entries::valid_key;
use jifen_protocol::subchain::{
    AnchorLeaf, Outcome, SubchainHeader, SubchainId, SubchainRecord, SubchainReport,
};
use jifen_protocol::{Encode, InclusionProof, StateProof};
use serde_json::Value;

use crate::field::{Fields, ObjectBuilder, WireError};
use crate::{Call, WireObject, method};

/// Most reports one `jifen_subchainReports` answer holds.
pub const MAX_SUBCHAIN_REPORTS: u32 = 256;
/// Most heights one `jifen_subchainHeaders` call spans.
pub const MAX_SUBCHAIN_HEADERS: u64 = 256;
/// Largest subchain state value an answer may carry (an entry's bound).
pub const MAX_SUBCHAIN_VALUE: usize = jifen_protocol::subchain::entries::MAX_ENTRY_VALUE_LEN;

fn subchain(fields: &Fields<'_>, name: &'static str) -> Result<SubchainId, WireError> {
    u32::try_from(fields.u64(name)?)
        .ok()
        .and_then(SubchainId::new)
        .ok_or(WireError::WrongType {
            field: name,
            expected: "a subchain number from 1 to 4294967295",
        })
}

fn u32_member(fields: &Fields<'_>, name: &'static str) -> Result<u32, WireError> {
    u32::try_from(fields.u64(name)?).map_err(|_| WireError::WrongType {
        field: name,
        expected: "an integer below 2^32",
    })
}

fn same_subchain(expected: SubchainId, header: &SubchainHeader) -> Result<(), WireError> {
    WireError::check_equal("subchain", expected.get(), header.subchain.get())
}

/// `jifen_subchains`: every registered subchain (no params).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SubchainsParams;

impl WireObject for SubchainsParams {
    fn to_json(&self) -> Value {
        ObjectBuilder::new().build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        Fields::of(value, "params")?;
        Ok(Self)
    }
}

impl Call for SubchainsParams {
    const METHOD: &'static str = method::SUBCHAINS;
    type Output = SubchainsResult;
}

/// The registered subchains at the node's tip (each record is proven with
/// `jifen_state` on `subchain_key(id)`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubchainsResult {
    /// The node's tip.
    pub height: u64,
    /// Each subchain and its record, by id.
    pub subchains: Vec<(SubchainId, SubchainRecord)>,
}

impl WireObject for SubchainsResult {
    fn to_json(&self) -> Value {
        let subchains: Vec<Value> = self
            .subchains
            .iter()
            .map(|(id, record)| {
                ObjectBuilder::new()
                    .put("id", id.get())
                    .put_hex("record", record.encode())
                    .build()
            })
            .collect();
        ObjectBuilder::new()
            .put("height", self.height)
            .put("subchains", subchains)
            .build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "result")?;
        let mut subchains = Vec::new();
        for item in fields.array("subchains")? {
            let entry = Fields::of(item, "subchains")?;
            let id = subchain(&entry, "id")?;
            if subchains.last().is_some_and(|(last, _)| *last >= id) {
                return Err(WireError::BadText {
                    field: "id",
                    expected: "ids in increasing order",
                });
            }
            subchains.push((id, entry.canonical("record")?));
        }
        Ok(Self {
            height: fields.u64("height")?,
            subchains,
        })
    }
}

/// `jifen_subchainReports`: up to `limit` anchored reports of `subchain`
/// from report index `from`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubchainReportsParams {
    /// The subchain.
    pub subchain: SubchainId,
    /// The first report index (0-based).
    pub from: u64,
    /// How many at most, `1..=256`.
    pub limit: u32,
}

impl WireObject for SubchainReportsParams {
    fn to_json(&self) -> Value {
        ObjectBuilder::new()
            .put("subchain", self.subchain.get())
            .put("from", self.from)
            .put("limit", self.limit)
            .build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "params")?;
        let limit = u32_member(&fields, "limit")?;
        if limit == 0 {
            return Err(WireError::WrongType {
                field: "limit",
                expected: "a limit of 1 to 256",
            });
        }
        Ok(Self {
            subchain: subchain(&fields, "subchain")?,
            from: fields.u64("from")?,
            limit,
        })
    }
}

impl Call for SubchainReportsParams {
    const METHOD: &'static str = method::SUBCHAIN_REPORTS;
    type Output = SubchainReportsResult;
}

/// One anchored report with where it is anchored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchoredReport {
    /// Its index among the subchain's anchored reports.
    pub index: u64,
    /// The main-chain block that anchored it.
    pub main_height: u64,
    /// Its leaf's index in that block's `anchors_root`.
    pub leaf_index: u64,
    /// How many leaves that block anchors.
    pub leaf_count: u64,
    /// What the main chain did with it.
    pub outcome: Outcome,
    /// The report.
    pub report: SubchainReport,
    /// The inclusion proof of its [`AnchoredReport::leaf`] under the block's
    /// `anchors_root`.
    pub anchor_proof: InclusionProof,
}

impl AnchoredReport {
    /// The anchor leaf the proof is for.
    #[must_use]
    pub fn leaf(&self) -> AnchorLeaf {
        AnchorLeaf::of(&self.report.header, self.index, self.outcome)
    }
}

fn outcome_text(text: &str) -> Result<Outcome, WireError> {
    [Outcome::Extends, Outcome::Replaces, Outcome::Equivocation]
        .into_iter()
        .find(|outcome| outcome.as_str() == text)
        .ok_or(WireError::BadText {
            field: "outcome",
            expected: "extends, replaces or equivocation",
        })
}

/// A page of a subchain's anchored reports, in anchoring order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubchainReportsResult {
    /// The subchain.
    pub subchain: SubchainId,
    /// The node's tip.
    pub height: u64,
    /// Reports anchored at the tip (the record's `reports`).
    pub total: u64,
    /// The reports.
    pub reports: Vec<AnchoredReport>,
}

impl WireObject for SubchainReportsResult {
    fn to_json(&self) -> Value {
        let reports: Vec<Value> = self
            .reports
            .iter()
            .map(|r| {
                ObjectBuilder::new()
                    .put("index", r.index)
                    .put("main_height", r.main_height)
                    .put("leaf_index", r.leaf_index)
                    .put("leaf_count", r.leaf_count)
                    .put("outcome", r.outcome.as_str())
                    .put_hex("report", r.report.encode())
                    .put_hex("anchor_proof", r.anchor_proof.encode())
                    .build()
            })
            .collect();
        ObjectBuilder::new()
            .put("subchain", self.subchain.get())
            .put("height", self.height)
            .put("total", self.total)
            .put("reports", reports)
            .build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "result")?;
        let id = subchain(&fields, "subchain")?;
        let items = fields.array("reports")?;
        if items.len() > MAX_SUBCHAIN_REPORTS as usize {
            return Err(WireError::BadText {
                field: "reports",
                expected: "at most 256 reports",
            });
        }
        let mut reports: Vec<AnchoredReport> = Vec::with_capacity(items.len());
        for item in items {
            let entry = Fields::of(item, "reports")?;
            let report = AnchoredReport {
                index: entry.u64("index")?,
                main_height: entry.u64("main_height")?,
                leaf_index: entry.u64("leaf_index")?,
                leaf_count: entry.u64("leaf_count")?,
                outcome: outcome_text(entry.str("outcome")?)?,
                report: entry.canonical("report")?,
                anchor_proof: entry.canonical("anchor_proof")?,
            };
            same_subchain(id, &report.report.header)?;
            if let Some(previous) = reports.last() {
                WireError::check_equal("index", previous.index.saturating_add(1), report.index)?;
            }
            if report.leaf_index >= report.leaf_count {
                return Err(WireError::Inconsistent {
                    field: "leaf_index",
                    expected: format!("below {}", report.leaf_count),
                    got: report.leaf_index.to_string(),
                });
            }
            WireError::check_equal(
                "anchor_proof",
                report.leaf_index,
                report.anchor_proof.leaf_index,
            )?;
            WireError::check_equal(
                "anchor_proof",
                report.leaf_count,
                report.anchor_proof.tree_size,
            )?;
            reports.push(report);
        }
        Ok(Self {
            subchain: id,
            height: fields.u64("height")?,
            total: fields.u64("total")?,
            reports,
        })
    }
}

/// `jifen_subchainHeaders`: the headers the main chain holds for
/// `subchain` at heights `from ..= to` (`to - from < 256`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubchainHeadersParams {
    /// The subchain.
    pub subchain: SubchainId,
    /// The first height.
    pub from: u64,
    /// The last height.
    pub to: u64,
}

impl WireObject for SubchainHeadersParams {
    fn to_json(&self) -> Value {
        ObjectBuilder::new()
            .put("subchain", self.subchain.get())
            .put("from", self.from)
            .put("to", self.to)
            .build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "params")?;
        Ok(Self {
            subchain: subchain(&fields, "subchain")?,
            from: fields.u64("from")?,
            to: fields.u64("to")?,
        })
    }
}

impl Call for SubchainHeadersParams {
    const METHOD: &'static str = method::SUBCHAIN_HEADERS;
    type Output = SubchainHeadersResult;
}

/// The anchored headers of a range, by height, each with the main height
/// that anchored it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubchainHeadersResult {
    /// The subchain.
    pub subchain: SubchainId,
    /// `(main height, header)` by increasing header height.
    pub headers: Vec<(u64, SubchainHeader)>,
}

impl WireObject for SubchainHeadersResult {
    fn to_json(&self) -> Value {
        let headers: Vec<Value> = self
            .headers
            .iter()
            .map(|(main_height, header)| {
                ObjectBuilder::new()
                    .put("height", header.height)
                    .put_hex("header", header.encode())
                    .put("main_height", *main_height)
                    .build()
            })
            .collect();
        ObjectBuilder::new()
            .put("subchain", self.subchain.get())
            .put("headers", headers)
            .build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "result")?;
        let id = subchain(&fields, "subchain")?;
        let items = fields.array("headers")?;
        if items.len() as u64 > MAX_SUBCHAIN_HEADERS {
            return Err(WireError::BadText {
                field: "headers",
                expected: "at most 256 headers",
            });
        }
        let mut headers: Vec<(u64, SubchainHeader)> = Vec::with_capacity(items.len());
        for item in items {
            let entry = Fields::of(item, "headers")?;
            let header: SubchainHeader = entry.canonical("header")?;
            same_subchain(id, &header)?;
            WireError::check_equal("height", entry.u64("height")?, header.height)?;
            if headers
                .last()
                .is_some_and(|(_, last)| last.height >= header.height)
            {
                return Err(WireError::BadText {
                    field: "height",
                    expected: "heights in increasing order",
                });
            }
            headers.push((entry.u64("main_height")?, header));
        }
        Ok(Self {
            subchain: id,
            headers,
        })
    }
}

/// `jifen_anchorProof`: anchor leaf `index` of main block `height`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnchorProofParams {
    /// The main-chain height.
    pub height: u64,
    /// The leaf index.
    pub index: u64,
}

impl WireObject for AnchorProofParams {
    fn to_json(&self) -> Value {
        ObjectBuilder::new()
            .put("height", self.height)
            .put("index", self.index)
            .build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "params")?;
        Ok(Self {
            height: fields.u64("height")?,
            index: fields.u64("index")?,
        })
    }
}

impl Call for AnchorProofParams {
    const METHOD: &'static str = method::ANCHOR_PROOF;
    type Output = AnchorProofResult;
}

/// An anchor leaf and its proof under block `height`'s `anchors_root`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorProofResult {
    /// The main-chain height.
    pub height: u64,
    /// The leaf index.
    pub index: u64,
    /// How many leaves the block anchors.
    pub leaf_count: u64,
    /// The leaf.
    pub leaf: AnchorLeaf,
    /// Its inclusion proof.
    pub proof: InclusionProof,
}

impl WireObject for AnchorProofResult {
    fn to_json(&self) -> Value {
        ObjectBuilder::new()
            .put("height", self.height)
            .put("index", self.index)
            .put("leaf_count", self.leaf_count)
            .put_hex("leaf", self.leaf.encode())
            .put_hex("proof", self.proof.encode())
            .build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "result")?;
        let result = Self {
            height: fields.u64("height")?,
            index: fields.u64("index")?,
            leaf_count: fields.u64("leaf_count")?,
            leaf: fields.canonical("leaf")?,
            proof: fields.canonical("proof")?,
        };
        WireError::check_equal("proof", result.index, result.proof.leaf_index)?;
        WireError::check_equal("proof", result.leaf_count, result.proof.tree_size)?;
        Ok(result)
    }
}

/// `jifen_subchainState`: the value of `key` in `subchain`'s state after
/// subchain height `height` (default: the anchored tip).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubchainStateParams {
    /// The subchain.
    pub subchain: SubchainId,
    /// The entry key (1-64 bytes of UTF-8 without control characters).
    pub key: String,
    /// The subchain height; `None`: the anchored tip.
    pub height: Option<u64>,
}

fn entry_key(fields: &Fields<'_>) -> Result<String, WireError> {
    let key = fields.str("key")?;
    if !valid_key(key) {
        return Err(WireError::BadText {
            field: "key",
            expected: "1 to 64 bytes of UTF-8 without control characters",
        });
    }
    Ok(key.to_owned())
}

impl WireObject for SubchainStateParams {
    fn to_json(&self) -> Value {
        let object = ObjectBuilder::new()
            .put("subchain", self.subchain.get())
            .put("key", self.key.as_str());
        match self.height {
            Some(height) => object.put("height", height),
            None => object,
        }
        .build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "params")?;
        Ok(Self {
            subchain: subchain(&fields, "subchain")?,
            key: entry_key(&fields)?,
            height: fields.optional_u64("height")?,
        })
    }
}

impl Call for SubchainStateParams {
    const METHOD: &'static str = method::SUBCHAIN_STATE;
    type Output = SubchainStateResult;
}

/// A subchain state value with its proof against the anchored header's
/// `state_root` (the key hashed with `subchain_state_key`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubchainStateResult {
    /// The subchain.
    pub subchain: SubchainId,
    /// The subchain height.
    pub height: u64,
    /// The header the main chain holds at that height.
    pub header: SubchainHeader,
    /// The entry key.
    pub key: String,
    /// The value (`None`: absent, and the proof shows it).
    pub value: Option<Vec<u8>>,
    /// The sparse-Merkle proof.
    pub proof: StateProof,
}

impl WireObject for SubchainStateResult {
    fn to_json(&self) -> Value {
        ObjectBuilder::new()
            .put("subchain", self.subchain.get())
            .put("height", self.height)
            .put_hex("header", self.header.encode())
            .put("key", self.key.as_str())
            .put("value", self.value.as_ref().map(hex::encode))
            .put_hex("proof", self.proof.encode())
            .build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "result")?;
        let result = Self {
            subchain: subchain(&fields, "subchain")?,
            height: fields.u64("height")?,
            header: fields.canonical("header")?,
            key: entry_key(&fields)?,
            value: fields.nullable_bytes("value", MAX_SUBCHAIN_VALUE)?,
            proof: fields.canonical("proof")?,
        };
        same_subchain(result.subchain, &result.header)?;
        WireError::check_equal("height", result.height, result.header.height)?;
        Ok(result)
    }
}

#[cfg(test)]
#[path = "subchain_tests.rs"]
mod tests;
