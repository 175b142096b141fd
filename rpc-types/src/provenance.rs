//! Provenance records on a kept bft subchain (`docs/rpc.md#provenance`):
//! `jifen_provenanceSubmit` hands a signed record to the node that produces
//! the subchain, `jifen_provenanceRecords` reads an item's records with
//! proofs against an anchored subchain header.
//!
//! Nothing read here is trusted: a wallet checks every proof against the
//! header's `state_root`, the header against the audited subchain, and the
//! records themselves (hashes, signatures, links, anchors).

use jifen_protocol::provenance::{ItemId, ProvenanceRecord};
use jifen_protocol::subchain::{SubchainHeader, SubchainId};
use jifen_protocol::{Encode, StateProof};
use serde_json::Value;

use crate::field::{Fields, ObjectBuilder, WireError};
use crate::{Call, WireObject, method};

/// Most records one `jifen_provenanceRecords` answer holds.
pub const MAX_PROVENANCE_RECORDS: u32 = 256;
/// Largest record value an answer may carry (a subchain entry's bound).
pub const MAX_RECORD_VALUE: usize = jifen_protocol::subchain::entries::MAX_ENTRY_VALUE_LEN;

fn subchain(fields: &Fields<'_>, name: &'static str) -> Result<SubchainId, WireError> {
    u32::try_from(fields.u64(name)?)
        .ok()
        .and_then(SubchainId::new)
        .ok_or(WireError::WrongType {
            field: name,
            expected: "a subchain number from 1 to 4294967295",
        })
}

fn u32_value(value: u64, name: &'static str) -> Result<u32, WireError> {
    u32::try_from(value).map_err(|_| WireError::WrongType {
        field: name,
        expected: "an integer below 2^32",
    })
}

/// Reads `<gtin>/<serial>` (the serial may itself hold `/`).
///
/// # Errors
/// [`WireError::BadText`] when the GTIN's check digit or the serial is wrong.
pub fn parse_item(text: &str) -> Result<ItemId, WireError> {
    ItemId::parse(text).ok_or(WireError::BadText {
        field: "item",
        expected: "<gtin>/<serial>: 14 digits with a valid check digit, a slash, \
                       1-20 characters of GS1's set of 82",
    })
}

fn item(fields: &Fields<'_>) -> Result<ItemId, WireError> {
    parse_item(fields.str("item")?)
}

/// `jifen_provenanceSubmit`: a signed record for the node's provenance
/// subchain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvenanceSubmitParams {
    /// The record.
    pub record: ProvenanceRecord,
    /// The subchain the sender means (optional: the node names the one it
    /// produces in its answer; a different one is refused with 2006).
    pub subchain: Option<SubchainId>,
}

impl WireObject for ProvenanceSubmitParams {
    fn to_json(&self) -> Value {
        let object = ObjectBuilder::new().put_hex("record", self.record.encode());
        match self.subchain {
            Some(id) => object.put("subchain", id.get()),
            None => object,
        }
        .build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "params")?;
        let subchain = match fields.optional_u64("subchain")? {
            None => None,
            Some(_) => Some(subchain(&fields, "subchain")?),
        };
        Ok(Self {
            record: fields.canonical("record")?,
            subchain,
        })
    }
}

impl Call for ProvenanceSubmitParams {
    const METHOD: &'static str = method::PROVENANCE_SUBMIT;
    type Output = ProvenanceSubmitResult;
}

/// Where an accepted record will be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvenanceSubmitResult {
    /// The subchain.
    pub subchain: SubchainId,
    /// The item.
    pub item: ItemId,
    /// The record's index in the item's history.
    pub index: u32,
}

impl WireObject for ProvenanceSubmitResult {
    fn to_json(&self) -> Value {
        ObjectBuilder::new()
            .put("subchain", self.subchain.get())
            .put("item", self.item.to_string())
            .put("index", self.index)
            .build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "result")?;
        Ok(Self {
            subchain: subchain(&fields, "subchain")?,
            item: item(&fields)?,
            index: u32_value(fields.u64("index")?, "index")?,
        })
    }
}

/// `jifen_provenanceRecords`: records `from .. min(count, from + limit)` of
/// `item` on `subchain` after subchain height `height` (default: the
/// anchored tip), with the count, each with its proof.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvenanceRecordsParams {
    /// The subchain.
    pub subchain: SubchainId,
    /// The item.
    pub item: ItemId,
    /// The subchain height; `None`: the anchored tip.
    pub height: Option<u64>,
    /// The first index (default 0).
    pub from: u32,
    /// How many at most (1 to [`MAX_PROVENANCE_RECORDS`], default 256).
    pub limit: u32,
}

impl WireObject for ProvenanceRecordsParams {
    fn to_json(&self) -> Value {
        let object = ObjectBuilder::new()
            .put("subchain", self.subchain.get())
            .put("item", self.item.to_string());
        match self.height {
            Some(height) => object.put("height", height),
            None => object,
        }
        .put("from", self.from)
        .put("limit", self.limit)
        .build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "params")?;
        let limit = fields
            .optional_u64("limit")?
            .unwrap_or(u64::from(MAX_PROVENANCE_RECORDS));
        if limit == 0 || limit > u64::from(MAX_PROVENANCE_RECORDS) {
            return Err(WireError::WrongType {
                field: "limit",
                expected: "an integer from 1 to 256",
            });
        }
        Ok(Self {
            subchain: subchain(&fields, "subchain")?,
            item: item(&fields)?,
            height: fields.optional_u64("height")?,
            from: u32_value(fields.optional_u64("from")?.unwrap_or(0), "from")?,
            limit: u32_value(limit, "limit")?,
        })
    }
}

impl Call for ProvenanceRecordsParams {
    const METHOD: &'static str = method::PROVENANCE_RECORDS;
    type Output = ProvenanceRecordsResult;
}

/// One proven value of the subchain's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvenValue {
    /// The value (`None`: absent, and the proof shows it).
    pub value: Option<Vec<u8>>,
    /// Its sparse-Merkle proof against the header's `state_root`.
    pub proof: StateProof,
}

/// One record of the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvenRecord {
    /// Its index in the item's history.
    pub index: u32,
    /// The entry's value (an encoded `ProvenanceRecord`) and its proof,
    /// under key `prov/<gtin>/<serial>/<index>`.
    pub value: ProvenValue,
}

/// An item's record count and records, each proven against `header`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvenanceRecordsResult {
    /// The subchain.
    pub subchain: SubchainId,
    /// The subchain height.
    pub height: u64,
    /// The header the main chain holds at that height.
    pub header: SubchainHeader,
    /// The count entry (`prov/<gtin>/<serial>/n`, `count u32` big-endian).
    pub count: ProvenValue,
    /// The records asked for that exist, in index order.
    pub records: Vec<ProvenRecord>,
}

fn proven_json(object: ObjectBuilder, value: &ProvenValue) -> ObjectBuilder {
    object
        .put("value", value.value.as_ref().map(hex::encode))
        .put_hex("proof", value.proof.encode())
}

fn proven(fields: &Fields<'_>) -> Result<ProvenValue, WireError> {
    Ok(ProvenValue {
        value: fields.nullable_bytes("value", MAX_RECORD_VALUE)?,
        proof: fields.canonical("proof")?,
    })
}

impl WireObject for ProvenanceRecordsResult {
    fn to_json(&self) -> Value {
        let records: Vec<Value> = self
            .records
            .iter()
            .map(|record| {
                proven_json(
                    ObjectBuilder::new().put("index", record.index),
                    &record.value,
                )
                .build()
            })
            .collect();
        ObjectBuilder::new()
            .put("subchain", self.subchain.get())
            .put("height", self.height)
            .put_hex("header", self.header.encode())
            .put(
                "count",
                proven_json(ObjectBuilder::new(), &self.count).build(),
            )
            .put("records", records)
            .build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "result")?;
        let items = fields.array("records")?;
        if items.len() > MAX_PROVENANCE_RECORDS as usize {
            return Err(WireError::WrongType {
                field: "records",
                expected: "at most 256 records",
            });
        }
        let mut records: Vec<ProvenRecord> = Vec::with_capacity(items.len());
        for item in items {
            let entry = Fields::of(item, "records")?;
            let index = u32_value(entry.u64("index")?, "index")?;
            if records.last().is_some_and(|last| last.index >= index) {
                return Err(WireError::Inconsistent {
                    field: "records",
                    expected: "increasing indices".into(),
                    got: index.to_string(),
                });
            }
            records.push(ProvenRecord {
                index,
                value: proven(&entry)?,
            });
        }
        let result = Self {
            subchain: subchain(&fields, "subchain")?,
            height: fields.u64("height")?,
            header: fields.canonical("header")?,
            count: proven(&Fields::of(fields.required("count")?, "count")?)?,
            records,
        };
        WireError::check_equal(
            "subchain",
            result.subchain.get(),
            result.header.subchain.get(),
        )?;
        WireError::check_equal("height", result.height, result.header.height)?;
        Ok(result)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use serde_json::json;

    #[test]
    fn items_parse_with_slashes_in_the_serial_and_refuse_bad_check_digits() {
        let item = parse_item("06901234567892/A/1").unwrap();
        assert_eq!(item.serial(), "A/1");
        assert_eq!(item.to_string(), "06901234567892/A/1");
        assert!(parse_item("06901234567893/A").is_err());
        assert!(parse_item("06901234567892/").is_err());
        assert!(parse_item("06901234567892").is_err());
    }

    #[test]
    fn records_params_have_defaults_and_bounds() {
        let params = ProvenanceRecordsParams::from_json(
            &json!({"subchain": 1, "item": "06901234567892/S1"}),
        )
        .unwrap();
        assert_eq!((params.height, params.from, params.limit), (None, 0, 256));
        assert_eq!(
            ProvenanceRecordsParams::from_json(&params.to_json()).unwrap(),
            params
        );
        for limit in [0, 257] {
            let bad = json!({"subchain": 1, "item": "06901234567892/S1", "limit": limit});
            assert!(ProvenanceRecordsParams::from_json(&bad).is_err());
        }
        let bad = json!({"subchain": 0, "item": "06901234567892/S1"});
        assert!(ProvenanceRecordsParams::from_json(&bad).is_err());
    }

    #[test]
    fn submit_results_round_trip() {
        let result = ProvenanceSubmitResult {
            subchain: SubchainId::new(1).unwrap(),
            item: parse_item("06901234567892/S1").unwrap(),
            index: 3,
        };
        assert_eq!(
            result.to_json(),
            json!({"subchain": 1, "item": "06901234567892/S1", "index": 3})
        );
        assert_eq!(
            ProvenanceSubmitResult::from_json(&result.to_json()).unwrap(),
            result
        );
    }
}
