//! Transactions: `jifen_submitTx`, `jifen_txStatus` and `jifen_txProof`.

use jifen_protocol::{Encode, Hash32, InclusionProof, Transaction};
use serde_json::Value;

use crate::field::{Fields, ObjectBuilder, WireError};
use crate::{Call, WireObject, method};

/// `jifen_submitTx`: a signed transaction (its canonical encoding in hex).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmitTxParams {
    /// The transaction.
    pub tx: Transaction,
}

impl WireObject for SubmitTxParams {
    fn to_json(&self) -> Value {
        ObjectBuilder::new().put_hex("tx", self.tx.encode()).build()
    }

    /// A `tx` that is missing or not a string is a parameter error; one that
    /// is not hex ([`WireError::BadText`]) or not a canonical transaction
    /// ([`WireError::Decode`]) is a malformed transaction (the node answers
    /// `tx-malformed`).
    fn from_json(value: &Value) -> Result<Self, WireError> {
        Ok(Self {
            tx: Fields::of(value, "params")?.canonical("tx")?,
        })
    }
}

impl Call for SubmitTxParams {
    const METHOD: &'static str = method::SUBMIT_TX;
    type Output = SubmitTxResult;
}

/// The id the node gives a queued transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubmitTxResult {
    /// The transaction id.
    pub id: Hash32,
}

impl WireObject for SubmitTxResult {
    fn to_json(&self) -> Value {
        ObjectBuilder::new().put("id", self.id.to_string()).build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        Ok(Self {
            id: Fields::of(value, "result")?.hash("id")?,
        })
    }
}

/// The params of the methods that take a transaction id.
macro_rules! id_params {
    ($(#[$doc:meta])* $name:ident, $method:expr, $output:ty) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct $name {
            /// The transaction id.
            pub id: Hash32,
        }

        impl WireObject for $name {
            fn to_json(&self) -> Value {
                ObjectBuilder::new().put("id", self.id.to_string()).build()
            }

            fn from_json(value: &Value) -> Result<Self, WireError> {
                Ok(Self {
                    id: Fields::of(value, "params")?.hash("id")?,
                })
            }
        }

        impl Call for $name {
            const METHOD: &'static str = $method;
            type Output = $output;
        }
    };
}

id_params!(
    /// `jifen_txStatus`: where a transaction is.
    TxStatusParams,
    method::TX_STATUS,
    TxStatusResult
);
id_params!(
    /// `jifen_txProof`: a committed transaction with its proofs.
    TxProofParams,
    method::TX_PROOF,
    TxProofResult
);

/// Where a transaction is, according to a node (untrusted; prove it with
/// `jifen_txProof`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TxStatus {
    /// Waiting in the node's mempool (`"pending"`).
    Pending,
    /// In a block (`"committed"`).
    Committed {
        /// Block height.
        height: u64,
        /// Position in the block.
        index: u64,
        /// Result code (0: success).
        result_code: u16,
    },
    /// The node does not know it (`"unknown"`).
    Unknown,
}

/// A `jifen_txStatus` answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TxStatusResult {
    /// The transaction id.
    pub id: Hash32,
    /// Where it is.
    pub status: TxStatus,
}

impl WireObject for TxStatusResult {
    fn to_json(&self) -> Value {
        let object = ObjectBuilder::new().put("id", self.id.to_string());
        match self.status {
            TxStatus::Pending => object.put("status", "pending"),
            TxStatus::Unknown => object.put("status", "unknown"),
            TxStatus::Committed {
                height,
                index,
                result_code,
            } => object
                .put("status", "committed")
                .put("height", height)
                .put("index", index)
                .put("result_code", result_code),
        }
        .build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "result")?;
        let status = match fields.str("status")? {
            "pending" => TxStatus::Pending,
            "unknown" => TxStatus::Unknown,
            "committed" => TxStatus::Committed {
                height: fields.u64("height")?,
                index: fields.u64("index")?,
                result_code: fields.u16("result_code")?,
            },
            _ => {
                return Err(WireError::BadText {
                    field: "status",
                    expected: "pending, committed or unknown",
                });
            }
        };
        Ok(Self {
            id: fields.hash("id")?,
            status,
        })
    }
}

/// A committed transaction, its inclusion proof under the header's
/// `tx_root` (leaf: the 32 id bytes) and the proof of its result leaf under
/// `results_root` (`jifen_protocol::tx_result`). Untrusted: check both
/// against a verified header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TxProofResult {
    /// The id the answer is about.
    pub id: Hash32,
    /// The block height.
    pub height: u64,
    /// The position in the block.
    pub index: u64,
    /// The result code (0: success).
    pub result_code: u16,
    /// The transaction.
    pub tx: Transaction,
    /// Its inclusion proof under `tx_root`.
    pub proof: InclusionProof,
    /// Its result leaf's inclusion proof under `results_root`.
    pub result_proof: InclusionProof,
    /// The header's `tx_root`, as the node says.
    pub tx_root: Hash32,
    /// The header's `results_root`, as the node says.
    pub results_root: Hash32,
}

impl WireObject for TxProofResult {
    fn to_json(&self) -> Value {
        ObjectBuilder::new()
            .put("id", self.id.to_string())
            .put("height", self.height)
            .put("index", self.index)
            .put("result_code", self.result_code)
            .put_hex("tx", self.tx.encode())
            .put_hex("proof", self.proof.encode())
            .put_hex("result_proof", self.result_proof.encode())
            .put("tx_root", self.tx_root.to_string())
            .put("results_root", self.results_root.to_string())
            .build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "result")?;
        Ok(Self {
            id: fields.hash("id")?,
            height: fields.u64("height")?,
            index: fields.u64("index")?,
            result_code: fields.u16("result_code")?,
            tx: fields.canonical("tx")?,
            proof: fields.canonical("proof")?,
            result_proof: fields.canonical("result_proof")?,
            tx_root: fields.hash("tx_root")?,
            results_root: fields.hash("results_root")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn statuses_round_trip() {
        for status in [
            TxStatus::Pending,
            TxStatus::Unknown,
            TxStatus::Committed {
                height: 5,
                index: 0,
                result_code: 1006,
            },
        ] {
            let result = TxStatusResult {
                id: Hash32([1; 32]),
                status,
            };
            assert_eq!(
                TxStatusResult::from_json(&result.to_json()).unwrap(),
                result
            );
        }
        let pending = TxStatusResult {
            id: Hash32([1; 32]),
            status: TxStatus::Pending,
        };
        assert_eq!(
            pending.to_json(),
            json!({"id": Hash32([1; 32]).to_string(), "status": "pending"})
        );
        let mut other = pending.to_json();
        other["status"] = json!("lost");
        assert_eq!(
            TxStatusResult::from_json(&other).unwrap_err().field(),
            "status"
        );
        let committed = json!({"id": Hash32([1; 32]).to_string(), "status": "committed",
            "height": 1, "index": 0, "result_code": 65536});
        assert_eq!(
            TxStatusResult::from_json(&committed).unwrap_err().field(),
            "result_code"
        );
    }

    #[test]
    fn submit_params_decode_the_transaction_strictly() {
        assert_eq!(
            SubmitTxParams::from_json(&json!({"tx": "zz"}))
                .unwrap_err()
                .code(),
            "rpc-field-bad-text"
        );
        assert_eq!(
            SubmitTxParams::from_json(&json!({"tx": "0001"}))
                .unwrap_err()
                .code(),
            "rpc-field-decode"
        );
        assert_eq!(
            SubmitTxParams::from_json(&json!({})).unwrap_err().code(),
            "rpc-field-missing"
        );
        assert_eq!(
            SubmitTxParams::from_json(&json!({"tx": 1}))
                .unwrap_err()
                .code(),
            "rpc-field-wrong-type"
        );
    }
}
