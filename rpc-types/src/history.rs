//! `jifen_history`: the entries of an account's history. The account record
//! commits to them (`history_len`, `history_head`), so a light client
//! checks a page against the proven record with
//! `jifen_protocol::history::verify_history`; the node's `total` is only a
//! hint.

use jifen_protocol::history::HistoryEntry;
use jifen_protocol::{Address, Network};
use serde_json::Value;

use crate::field::{Fields, ObjectBuilder, WireError};
use crate::{Call, WireObject, method};

/// Most entries one `jifen_history` answer holds.
pub const MAX_HISTORY_ENTRIES: u64 = 1_000;

/// `jifen_history`: up to `limit` entries of `address`'s history from
/// index `from` (oldest first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryParams {
    /// The address.
    pub address: Address,
    /// The address as sent (any network's prefix); the node echoes it.
    pub text: String,
    /// The first index (default 0).
    pub from: Option<u64>,
    /// How many entries at most (default and largest [`MAX_HISTORY_ENTRIES`]).
    pub limit: Option<u64>,
}

impl HistoryParams {
    /// The params for `address` written with `network`'s prefix.
    #[must_use]
    pub fn new(address: &Address, network: Network, from: Option<u64>, limit: Option<u64>) -> Self {
        Self {
            address: *address,
            text: address.encode(network),
            from,
            limit,
        }
    }
}

impl WireObject for HistoryParams {
    fn to_json(&self) -> Value {
        let mut object = ObjectBuilder::new().put("address", self.text.as_str());
        if let Some(from) = self.from {
            object = object.put("from", from);
        }
        if let Some(limit) = self.limit {
            object = object.put("limit", limit);
        }
        object.build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "params")?;
        let text = fields.str("address")?;
        let (_, address) = Address::decode_any(text).map_err(|source| WireError::Address {
            field: "address",
            source,
        })?;
        Ok(Self {
            address,
            text: text.to_owned(),
            from: fields.optional_u64("from")?,
            limit: fields.optional_u64("limit")?,
        })
    }
}

impl Call for HistoryParams {
    const METHOD: &'static str = method::HISTORY;
    type Output = HistoryResult;
}

/// A page of an account's history (untrusted until checked against the
/// proven account record).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryResult {
    /// The address as asked.
    pub address: String,
    /// How many entries the node holds for the address.
    pub total: u64,
    /// The index of the first entry.
    pub from: u64,
    /// The entries, oldest first.
    pub entries: Vec<HistoryEntry>,
}

impl WireObject for HistoryResult {
    fn to_json(&self) -> Value {
        let entries: Vec<Value> = self
            .entries
            .iter()
            .map(|entry| {
                ObjectBuilder::new()
                    .put("tx_id", entry.tx_id.to_string())
                    .put("height", entry.height)
                    .build()
            })
            .collect();
        ObjectBuilder::new()
            .put("address", self.address.as_str())
            .put("total", self.total)
            .put("from", self.from)
            .put("entries", entries)
            .build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "result")?;
        let items = fields.array("entries")?;
        if items.len() as u64 > MAX_HISTORY_ENTRIES {
            return Err(WireError::BadText {
                field: "entries",
                expected: "at most 1000 entries",
            });
        }
        let entries = items
            .iter()
            .map(|item| {
                let entry = Fields::of(item, "entries")?;
                let height = entry.u64("height")?;
                if height == 0 {
                    return Err(WireError::WrongType {
                        field: "height",
                        expected: "a height of 1 or more",
                    });
                }
                Ok(HistoryEntry {
                    tx_id: entry.hash("tx_id")?,
                    height,
                })
            })
            .collect::<Result<Vec<_>, WireError>>()?;
        let result = Self {
            address: fields.str("address")?.to_owned(),
            total: fields.u64("total")?,
            from: fields.u64("from")?,
            entries,
        };
        let end = result.from.saturating_add(result.entries.len() as u64);
        if end > result.total {
            return Err(WireError::Inconsistent {
                field: "total",
                expected: format!("at least {end}"),
                got: result.total.to_string(),
            });
        }
        Ok(result)
    }
}

#[cfg(test)]
mod tests {
    use jifen_protocol::Hash32;
    use serde_json::json;

    use super::*;

    #[test]
    fn history_round_trips_and_is_consistent() {
        let params = HistoryParams::new(
            &Address::from_bytes([3; 20]),
            Network::Devnet,
            Some(2),
            None,
        );
        assert_eq!(HistoryParams::from_json(&params.to_json()).unwrap(), params);
        let result = HistoryResult {
            address: params.text.clone(),
            total: 4,
            from: 2,
            entries: vec![
                HistoryEntry {
                    tx_id: Hash32([1; 32]),
                    height: 7,
                },
                HistoryEntry {
                    tx_id: Hash32([2; 32]),
                    height: 9,
                },
            ],
        };
        let json = result.to_json();
        assert_eq!(HistoryResult::from_json(&json).unwrap(), result);
        let mut short = json.clone();
        short["total"] = json!(3);
        assert_eq!(
            HistoryResult::from_json(&short).unwrap_err().code(),
            "rpc-field-inconsistent"
        );
        let mut zero = json;
        zero["entries"][0]["height"] = json!(0);
        assert_eq!(
            HistoryResult::from_json(&zero).unwrap_err().field(),
            "height"
        );
    }
}
