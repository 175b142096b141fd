//! Chain data: `jifen_status`, `jifen_header`, `jifen_commit`,
//! `jifen_validators`, `jifen_lightBlock`, `jifen_lightBlocks` and
//! `jifen_block`.

use jifen_protocol::{ChainId, Commit, Encode, Hash32, Header, Transaction, ValidatorSet};
use serde_json::Value;

use crate::field::{Fields, ObjectBuilder, WireError, canonical_item};
use crate::{Call, WireObject, method};

/// `jifen_status` takes no parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StatusParams;

impl WireObject for StatusParams {
    fn to_json(&self) -> Value {
        ObjectBuilder::new().build()
    }

    /// Any object (members are ignored).
    fn from_json(value: &Value) -> Result<Self, WireError> {
        Fields::of(value, "params").map(|_| Self)
    }
}

impl Call for StatusParams {
    const METHOD: &'static str = method::STATUS;
    type Output = StatusResult;
}

/// What a node says about itself (untrusted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusResult {
    /// The chain it serves.
    pub chain_id: ChainId,
    /// Its tip (0 before the first block).
    pub latest_height: u64,
    /// The tip's block id (none before the first block).
    pub latest_block_hash: Option<Hash32>,
    /// The tip's time, unix ms.
    pub latest_time_ms: Option<u64>,
    /// The tip's state root.
    pub latest_state_root: Option<Hash32>,
    /// The lowest height served (1, or 0 before the first block).
    pub earliest_height: u64,
    /// The hash of the set that signs the next block.
    pub next_validators_hash: Hash32,
    /// Blocks per epoch; optional for other nodes (a client only plans
    /// with it).
    pub epoch_length: Option<u64>,
    /// Transactions waiting in the mempool.
    pub mempool_size: u64,
    /// The node's version.
    pub node_version: String,
}

impl WireObject for StatusResult {
    fn to_json(&self) -> Value {
        ObjectBuilder::new()
            .put("chain_id", self.chain_id.as_str())
            .put("latest_height", self.latest_height)
            .put(
                "latest_block_hash",
                self.latest_block_hash.map(|hash| hash.to_string()),
            )
            .put("latest_time_ms", self.latest_time_ms)
            .put(
                "latest_state_root",
                self.latest_state_root.map(|hash| hash.to_string()),
            )
            .put("earliest_height", self.earliest_height)
            .put(
                "next_validators_hash",
                self.next_validators_hash.to_string(),
            )
            .put("epoch_length", self.epoch_length)
            .put("mempool_size", self.mempool_size)
            .put("node_version", self.node_version.as_str())
            .build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "result")?;
        let chain_id = ChainId::new(fields.str("chain_id")?).map_err(|_| WireError::BadText {
            field: "chain_id",
            expected: "a chain id",
        })?;
        Ok(Self {
            chain_id,
            latest_height: fields.u64("latest_height")?,
            latest_block_hash: fields.nullable_hash("latest_block_hash")?,
            latest_time_ms: fields.nullable_u64("latest_time_ms")?,
            latest_state_root: fields.nullable_hash("latest_state_root")?,
            earliest_height: fields.u64("earliest_height")?,
            next_validators_hash: fields.hash("next_validators_hash")?,
            epoch_length: fields.optional_u64("epoch_length")?,
            mempool_size: fields.u64("mempool_size")?,
            node_version: fields.str("node_version")?.to_owned(),
        })
    }
}

/// Params of the methods that take one optional block height.
macro_rules! height_params {
    ($(#[$doc:meta])* $name:ident, $method:expr, $output:ty) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        pub struct $name {
            /// The height; `None` (absent or null): the node's tip.
            pub height: Option<u64>,
        }

        impl WireObject for $name {
            fn to_json(&self) -> Value {
                match self.height {
                    Some(height) => ObjectBuilder::new().put("height", height).build(),
                    None => ObjectBuilder::new().build(),
                }
            }

            fn from_json(value: &Value) -> Result<Self, WireError> {
                Ok(Self {
                    height: Fields::of(value, "params")?.optional_u64("height")?,
                })
            }
        }

        impl Call for $name {
            const METHOD: &'static str = $method;
            type Output = $output;
        }
    };
}

height_params!(
    /// `jifen_header`: the header at a height.
    HeaderParams,
    method::HEADER,
    HeaderResult
);
height_params!(
    /// `jifen_commit`: the commit that finalized the block at a height.
    CommitParams,
    method::COMMIT,
    CommitResult
);
height_params!(
    /// `jifen_validators`: the set that signs the block at a height
    /// (`tip + 1`: the set of the next block).
    ValidatorsParams,
    method::VALIDATORS,
    ValidatorsResult
);
height_params!(
    /// `jifen_lightBlock`: everything verification needs for one height.
    LightBlockParams,
    method::LIGHT_BLOCK,
    LightBlockResult
);
height_params!(
    /// `jifen_block`: the full block at a height (what a full node
    /// re-executes).
    BlockParams,
    method::BLOCK,
    BlockResult
);

/// A header; `height` and `hash` on the wire repeat it and must agree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderResult {
    /// The header.
    pub header: Header,
}

impl WireObject for HeaderResult {
    fn to_json(&self) -> Value {
        ObjectBuilder::new()
            .put("height", self.header.height)
            .put("hash", self.header.hash().to_string())
            .put_hex("header", self.header.encode())
            .build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "result")?;
        let header: Header = fields.canonical("header")?;
        WireError::check_equal("height", header.height, fields.u64("height")?)?;
        WireError::check_equal("hash", header.hash(), fields.hash("hash")?)?;
        Ok(Self { header })
    }
}

/// A commit; `height` on the wire repeats the commit's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitResult {
    /// The commit.
    pub commit: Commit,
}

impl WireObject for CommitResult {
    fn to_json(&self) -> Value {
        ObjectBuilder::new()
            .put("height", self.commit.height)
            .put_hex("commit", self.commit.encode())
            .build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "result")?;
        let commit: Commit = fields.canonical("commit")?;
        WireError::check_equal("height", commit.height, fields.u64("height")?)?;
        Ok(Self { commit })
    }
}

/// The validator set of a height; `hash` on the wire is the set's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidatorsResult {
    /// The height asked for.
    pub height: u64,
    /// The set.
    pub validator_set: ValidatorSet,
}

impl WireObject for ValidatorsResult {
    fn to_json(&self) -> Value {
        ObjectBuilder::new()
            .put("height", self.height)
            .put("hash", self.validator_set.hash().to_string())
            .put_hex("validator_set", self.validator_set.encode())
            .build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "result")?;
        let validator_set: ValidatorSet = fields.canonical("validator_set")?;
        WireError::check_equal("hash", validator_set.hash(), fields.hash("hash")?)?;
        Ok(Self {
            height: fields.u64("height")?,
            validator_set,
        })
    }
}

/// A header with its commit and both validator sets (untrusted: a light
/// client verifies it). `height` and `hash` on the wire repeat the header's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LightBlockResult {
    /// The header.
    pub header: Header,
    /// The commit that finalized it.
    pub commit: Commit,
    /// The set the header names in `validators_hash`.
    pub validator_set: ValidatorSet,
    /// The set the header names in `next_validators_hash`.
    pub next_validator_set: ValidatorSet,
}

impl LightBlockResult {
    /// Checks that this is the block at `height`.
    ///
    /// # Errors
    /// [`WireError::Inconsistent`] (`height`).
    pub fn expect_height(&self, height: u64) -> Result<(), WireError> {
        WireError::check_equal("height", height, self.header.height)
    }
}

impl WireObject for LightBlockResult {
    fn to_json(&self) -> Value {
        ObjectBuilder::new()
            .put("height", self.header.height)
            .put("hash", self.header.hash().to_string())
            .put_hex("header", self.header.encode())
            .put_hex("commit", self.commit.encode())
            .put_hex("validator_set", self.validator_set.encode())
            .put_hex("next_validator_set", self.next_validator_set.encode())
            .build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "result")?;
        let block = Self {
            header: fields.canonical("header")?,
            commit: fields.canonical("commit")?,
            validator_set: fields.canonical("validator_set")?,
            next_validator_set: fields.canonical("next_validator_set")?,
        };
        WireError::check_equal("height", block.header.height, fields.u64("height")?)?;
        WireError::check_equal("hash", block.header.hash(), fields.hash("hash")?)?;
        Ok(block)
    }
}

/// `jifen_lightBlocks`: light blocks `from ..= to` (`1 <= from <= to <=
/// tip`, at most [`crate::MAX_LIGHT_BLOCKS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LightBlocksParams {
    /// First height.
    pub from: u64,
    /// Last height.
    pub to: u64,
}

impl WireObject for LightBlocksParams {
    fn to_json(&self) -> Value {
        ObjectBuilder::new()
            .put("from", self.from)
            .put("to", self.to)
            .build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "params")?;
        Ok(Self {
            from: fields.u64("from")?,
            to: fields.u64("to")?,
        })
    }
}

impl Call for LightBlocksParams {
    const METHOD: &'static str = method::LIGHT_BLOCKS;
    type Output = LightBlocksResult;
}

/// Light blocks in ascending order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LightBlocksResult {
    /// The blocks.
    pub light_blocks: Vec<LightBlockResult>,
}

impl LightBlocksResult {
    /// Checks that these are exactly the blocks `from ..= to`, in order.
    ///
    /// # Errors
    /// [`WireError::Inconsistent`] (`light_blocks length`, `height`).
    pub fn expect_range(&self, from: u64, to: u64) -> Result<(), WireError> {
        let asked = to.checked_sub(from).and_then(|n| n.checked_add(1));
        WireError::check_equal(
            "light_blocks length",
            asked.unwrap_or(0),
            u64::try_from(self.light_blocks.len()).unwrap_or(u64::MAX),
        )?;
        for (height, block) in (from..=to).zip(&self.light_blocks) {
            block.expect_height(height)?;
        }
        Ok(())
    }
}

impl WireObject for LightBlocksResult {
    fn to_json(&self) -> Value {
        let blocks: Vec<Value> = self.light_blocks.iter().map(WireObject::to_json).collect();
        ObjectBuilder::new().put("light_blocks", blocks).build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let light_blocks = Fields::of(value, "result")?
            .array("light_blocks")?
            .iter()
            .map(LightBlockResult::from_json)
            .collect::<Result<_, _>>()?;
        Ok(Self { light_blocks })
    }
}

/// Most transactions in one block (the node's block rule; a `jifen_block`
/// answer with more is refused).
pub const MAX_BLOCK_TXS: usize = 5_000;

/// Most bytes of canonical transactions in one block (1 MiB): with
/// [`MAX_BLOCK_TXS`] it bounds a `jifen_block` answer (hex doubles it)
/// well inside [`crate::MAX_RESPONSE_BYTES`] next to the header and a commit
/// of the largest set.
pub const MAX_BLOCK_TX_BYTES: usize = 1 << 20;

/// A full block: header, commit and transactions in block order (untrusted:
/// a full node re-executes it). `height` and `hash` on the wire repeat the
/// header's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockResult {
    /// The header.
    pub header: Header,
    /// The commit that finalized it.
    pub commit: Commit,
    /// The transactions, in block order.
    pub txs: Vec<Transaction>,
}

impl BlockResult {
    /// Checks that this is the block at `height`.
    ///
    /// # Errors
    /// [`WireError::Inconsistent`] (`height`).
    pub fn expect_height(&self, height: u64) -> Result<(), WireError> {
        WireError::check_equal("height", height, self.header.height)
    }
}

impl WireObject for BlockResult {
    fn to_json(&self) -> Value {
        let txs: Vec<Value> = self
            .txs
            .iter()
            .map(|tx| Value::String(hex::encode(tx.encode())))
            .collect();
        ObjectBuilder::new()
            .put("height", self.header.height)
            .put("hash", self.header.hash().to_string())
            .put_hex("header", self.header.encode())
            .put_hex("commit", self.commit.encode())
            .put("txs", txs)
            .build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "result")?;
        let header: Header = fields.canonical("header")?;
        let commit: Commit = fields.canonical("commit")?;
        let items = fields.array("txs")?;
        if items.len() > MAX_BLOCK_TXS {
            return Err(WireError::BadText {
                field: "txs",
                expected: "at most 5000 transactions",
            });
        }
        let txs = items
            .iter()
            .map(|item| canonical_item(item, "txs"))
            .collect::<Result<Vec<Transaction>, _>>()?;
        WireError::check_equal("height", header.height, fields.u64("height")?)?;
        WireError::check_equal("hash", header.hash(), fields.hash("hash")?)?;
        Ok(Self {
            header,
            commit,
            txs,
        })
    }
}

#[cfg(test)]
mod tests {
    use jifen_protocol::{Validator, header::HEADER_VERSION, merkle};
    use serde_json::json;

    use super::*;

    fn set() -> ValidatorSet {
        let key = jifen_protocol::PublicKey::from_bytes(&[
            0x02, 0x79, 0xbe, 0x66, 0x7e, 0xf9, 0xdc, 0xbb, 0xac, 0x55, 0xa0, 0x62, 0x95, 0xce,
            0x87, 0x0b, 0x07, 0x02, 0x9b, 0xfc, 0xdb, 0x2d, 0xce, 0x28, 0xd9, 0x59, 0xf2, 0x81,
            0x5b, 0x16, 0xf8, 0x17, 0x98,
        ])
        .unwrap();
        ValidatorSet::new(vec![Validator::new(key, 10)]).unwrap()
    }

    fn header(height: u64) -> Header {
        let set = set();
        Header {
            version: HEADER_VERSION,
            chain_id: ChainId::new("jifen-devnet").unwrap(),
            height,
            time_ms: 1_767_225_600_000,
            previous_block_hash: (height > 1).then_some(Hash32([1; 32])),
            last_commit_hash: (height > 1).then_some(Hash32([2; 32])),
            tx_root: merkle::empty_root(),
            results_root: merkle::empty_root(),
            state_root: Hash32([3; 32]),
            anchors_root: merkle::empty_root(),
            validators_hash: set.hash(),
            next_validators_hash: set.hash(),
            proposer: set.validators()[0].address,
        }
    }

    fn block(height: u64) -> LightBlockResult {
        let header = header(height);
        LightBlockResult {
            commit: Commit {
                height,
                round: 0,
                block_hash: header.hash(),
                signatures: vec![jifen_protocol::CommitSignature {
                    validator_index: 0,
                    signature: jifen_protocol::Signature::from_array([1; 64]),
                }],
            },
            header,
            validator_set: set(),
            next_validator_set: set(),
        }
    }

    #[test]
    fn light_block_round_trips_and_repeated_members_must_agree() {
        let block = block(2);
        let json = block.to_json();
        assert_eq!(json["height"], 2);
        assert_eq!(json["hash"], block.header.hash().to_string());
        assert_eq!(LightBlockResult::from_json(&json).unwrap(), block);
        block.expect_height(2).unwrap();
        assert_eq!(
            block.expect_height(3).unwrap_err().code(),
            "rpc-field-inconsistent"
        );
        let mut wrong_hash = json.clone();
        wrong_hash["hash"] = json!(Hash32([9; 32]).to_string());
        assert_eq!(
            LightBlockResult::from_json(&wrong_hash).unwrap_err(),
            WireError::Inconsistent {
                field: "hash",
                expected: block.header.hash().to_string(),
                got: Hash32([9; 32]).to_string(),
            }
        );
        let mut wrong_height = json.clone();
        wrong_height["height"] = json!(5);
        assert_eq!(
            LightBlockResult::from_json(&wrong_height)
                .unwrap_err()
                .field(),
            "height"
        );
        let mut trailing = json;
        trailing["commit"] = json!(format!("{}00", hex::encode(block.commit.encode())));
        assert_eq!(
            LightBlockResult::from_json(&trailing).unwrap_err().code(),
            "rpc-field-decode"
        );
    }

    #[test]
    fn full_block_round_trips_strictly() {
        let light = block(3);
        let key = set().validators()[0].public_key;
        let tx = jifen_protocol::UnsignedTransaction::new(
            ChainId::new("jifen-devnet").unwrap(),
            key,
            0,
            1_000,
            jifen_protocol::TxPayload::Transfer(jifen_protocol::Transfer {
                to: jifen_protocol::Address::from_bytes([7; 20]),
                amount: 5,
            }),
        )
        .with_signature(jifen_protocol::Signature::from_array([1; 64]));
        let full = BlockResult {
            header: light.header,
            commit: light.commit,
            txs: vec![tx.clone(), tx],
        };
        let json = full.to_json();
        assert_eq!(json["height"], 3);
        assert_eq!(json["txs"].as_array().unwrap().len(), 2);
        assert_eq!(BlockResult::from_json(&json).unwrap(), full);
        full.expect_height(3).unwrap();
        assert_eq!(full.expect_height(4).unwrap_err().field(), "height");
        assert_eq!(
            BlockParams { height: Some(3) }.to_json(),
            json!({"height": 3})
        );
        assert_eq!(<BlockParams as Call>::METHOD, "jifen_block");
        let mut wrong_hash = json.clone();
        wrong_hash["hash"] = json!(Hash32([9; 32]).to_string());
        assert_eq!(
            BlockResult::from_json(&wrong_hash).unwrap_err().field(),
            "hash"
        );
        let mut wrong_height = json.clone();
        wrong_height["height"] = json!(2);
        assert_eq!(
            BlockResult::from_json(&wrong_height).unwrap_err().field(),
            "height"
        );
        let mut trailing = json.clone();
        trailing["txs"][1] = json!(format!("{}00", trailing["txs"][1].as_str().unwrap()));
        let error = BlockResult::from_json(&trailing).unwrap_err();
        assert_eq!((error.code(), error.field()), ("rpc-field-decode", "txs"));
        let mut not_hex = json.clone();
        not_hex["txs"][0] = json!(7);
        assert_eq!(
            BlockResult::from_json(&not_hex).unwrap_err().code(),
            "rpc-field-wrong-type"
        );
        let mut missing = json.clone();
        missing.as_object_mut().unwrap().remove("txs");
        assert_eq!(
            BlockResult::from_json(&missing).unwrap_err().code(),
            "rpc-field-missing"
        );
        let mut too_many = json;
        let one = too_many["txs"][0].clone();
        too_many["txs"] = Value::Array(vec![one; MAX_BLOCK_TXS + 1]);
        assert_eq!(
            BlockResult::from_json(&too_many).unwrap_err().code(),
            "rpc-field-bad-text"
        );
    }

    #[test]
    fn ranges_must_be_the_heights_asked() {
        let result = LightBlocksResult {
            light_blocks: vec![block(1), block(2)],
        };
        let back = LightBlocksResult::from_json(&result.to_json()).unwrap();
        back.expect_range(1, 2).unwrap();
        assert_eq!(
            back.expect_range(1, 3).unwrap_err().field(),
            "light_blocks length"
        );
        assert_eq!(back.expect_range(2, 3).unwrap_err().field(), "height");
    }

    #[test]
    fn header_commit_and_validators_results() {
        let block = block(4);
        let header = HeaderResult {
            header: block.header.clone(),
        };
        assert_eq!(HeaderResult::from_json(&header.to_json()).unwrap(), header);
        let commit = CommitResult {
            commit: block.commit.clone(),
        };
        assert_eq!(CommitResult::from_json(&commit.to_json()).unwrap(), commit);
        let mut json = commit.to_json();
        json["height"] = json!(3);
        assert_eq!(
            CommitResult::from_json(&json).unwrap_err().code(),
            "rpc-field-inconsistent"
        );
        let validators = ValidatorsResult {
            height: 5,
            validator_set: set(),
        };
        let json = validators.to_json();
        assert_eq!(json["hash"], set().hash().to_string());
        assert_eq!(ValidatorsResult::from_json(&json).unwrap(), validators);
    }

    #[test]
    fn status_reads_null_tip_fields_and_an_optional_epoch_length() {
        let status = StatusResult {
            chain_id: ChainId::new("jifen-devnet").unwrap(),
            latest_height: 0,
            latest_block_hash: None,
            latest_time_ms: None,
            latest_state_root: None,
            earliest_height: 0,
            next_validators_hash: Hash32([4; 32]),
            epoch_length: Some(100),
            mempool_size: 0,
            node_version: "0.1.0".into(),
        };
        let json = status.to_json();
        assert_eq!(json["latest_block_hash"], Value::Null);
        assert_eq!(StatusResult::from_json(&json).unwrap(), status);
        let mut without = json.clone();
        without.as_object_mut().unwrap().remove("epoch_length");
        assert_eq!(
            StatusResult::from_json(&without).unwrap().epoch_length,
            None
        );
        let mut missing = json;
        missing.as_object_mut().unwrap().remove("latest_block_hash");
        assert_eq!(
            StatusResult::from_json(&missing).unwrap_err(),
            WireError::Missing {
                field: "latest_block_hash"
            }
        );
    }

    #[test]
    fn height_params() {
        assert_eq!(HeaderParams { height: None }.to_json(), json!({}));
        assert_eq!(
            LightBlockParams { height: Some(3) }.to_json(),
            json!({"height": 3})
        );
        assert_eq!(
            ValidatorsParams::from_json(&json!({"height": "3"}))
                .unwrap_err()
                .code(),
            "rpc-field-wrong-type"
        );
        assert_eq!(
            LightBlocksParams::from_json(&json!({"from": 1}))
                .unwrap_err()
                .to_string(),
            "missing to"
        );
    }
}
