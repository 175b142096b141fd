//! State reads: `jifen_state` and `jifen_account`.

use jifen_protocol::{Account, Address, Decode, DecodeError, Encode, Hash32, Network, StateProof};
use serde_json::Value;

use crate::field::{Fields, ObjectBuilder, WireError};
use crate::{Call, MAX_STATE_VALUE, WireObject, method};

/// `jifen_state`: the value under `key` after block `height`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StateParams {
    /// The state key.
    pub key: Hash32,
    /// The height (0: genesis); `None`: the tip.
    pub height: Option<u64>,
}

impl WireObject for StateParams {
    fn to_json(&self) -> Value {
        let object = ObjectBuilder::new().put("key", self.key.to_string());
        match self.height {
            Some(height) => object.put("height", height),
            None => object,
        }
        .build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "params")?;
        Ok(Self {
            key: fields.hash("key")?,
            height: fields.optional_u64("height")?,
        })
    }
}

impl Call for StateParams {
    const METHOD: &'static str = method::STATE;
    type Output = StateResult;
}

/// A value and its sparse-Merkle proof at a height (untrusted: check the
/// proof against a verified header's `state_root`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateResult {
    /// The height the answer is for.
    pub height: u64,
    /// The key the answer is for.
    pub key: Hash32,
    /// The value (`None`: absent, and the proof is a non-existence proof).
    pub value: Option<Vec<u8>>,
    /// The proof.
    pub proof: StateProof,
    /// The state root of that height's header, as the node says.
    pub state_root: Hash32,
}

impl StateResult {
    fn members(&self) -> ObjectBuilder {
        ObjectBuilder::new()
            .put("height", self.height)
            .put("key", self.key.to_string())
            .put("value", self.value.as_ref().map(hex::encode))
            .put_hex("proof", self.proof.encode())
            .put("state_root", self.state_root.to_string())
    }
}

impl WireObject for StateResult {
    fn to_json(&self) -> Value {
        self.members().build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let fields = Fields::of(value, "result")?;
        Ok(Self {
            height: fields.u64("height")?,
            key: fields.hash("key")?,
            value: fields.nullable_bytes("value", MAX_STATE_VALUE)?,
            proof: fields.canonical("proof")?,
            state_root: fields.hash("state_root")?,
        })
    }
}

/// `jifen_account`: an address's account record after block `height`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountParams {
    /// The address.
    pub address: Address,
    /// The address as sent (bech32m with any network's prefix, either
    /// case); the node echoes it.
    pub text: String,
    /// The height (0: genesis); `None`: the tip.
    pub height: Option<u64>,
}

impl AccountParams {
    /// The params for `address`, written with `network`'s prefix (the node
    /// accepts any; the state key is what counts).
    #[must_use]
    pub fn new(address: &Address, network: Network, height: Option<u64>) -> Self {
        Self {
            address: *address,
            text: address.encode(network),
            height,
        }
    }
}

impl WireObject for AccountParams {
    fn to_json(&self) -> Value {
        let object = ObjectBuilder::new().put("address", self.text.as_str());
        match self.height {
            Some(height) => object.put("height", height),
            None => object,
        }
        .build()
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
            height: fields.optional_u64("height")?,
        })
    }
}

impl Call for AccountParams {
    const METHOD: &'static str = method::ACCOUNT;
    type Output = AccountResult;
}

/// A `jifen_state` answer for an account key, with the record decoded
/// (`balance` and `nonce` on the wire repeat the value and must agree).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountResult {
    /// The address as asked.
    pub address: String,
    /// The record the value decodes to (absent: zero).
    pub account: Account,
    /// The value and its proof.
    pub state: StateResult,
}

impl AccountResult {
    /// The answer for `state`, decoding its value.
    ///
    /// # Errors
    /// The [`DecodeError`] of a value that is not an account record.
    pub fn new(address: String, state: StateResult) -> Result<Self, DecodeError> {
        let account = state
            .value
            .as_deref()
            .map_or(Ok(Account::default()), Account::decode)?;
        Ok(Self {
            address,
            account,
            state,
        })
    }
}

impl WireObject for AccountResult {
    fn to_json(&self) -> Value {
        self.state
            .members()
            .put("address", self.address.as_str())
            .put("balance", self.account.balance.to_string())
            .put("nonce", self.account.nonce)
            .build()
    }

    fn from_json(value: &Value) -> Result<Self, WireError> {
        let state = StateResult::from_json(value)?;
        let fields = Fields::of(value, "result")?;
        let address = fields.str("address")?.to_owned();
        let balance = fields.decimal_u128("balance")?;
        let nonce = fields.u64("nonce")?;
        let result = Self::new(address, state).map_err(|source| WireError::Decode {
            field: "value",
            source,
        })?;
        WireError::check_equal("balance", result.account.balance, balance)?;
        WireError::check_equal("nonce", result.account.nonce, nonce)?;
        Ok(result)
    }
}

#[cfg(test)]
mod tests {
    use jifen_protocol::{StateMap, account_key};
    use serde_json::json;

    use super::*;

    fn answer(value: Option<Account>) -> StateResult {
        let address = Address::from_bytes([7; 20]);
        let key = account_key(&address);
        let mut map = StateMap::new();
        if let Some(account) = value {
            map.set(key, Some(account.encode()));
        }
        let (value, proof) = map.prove(&key);
        StateResult {
            height: 3,
            key,
            value,
            proof,
            state_root: map.root(),
        }
    }

    #[test]
    fn account_answers_round_trip_and_must_agree_with_their_value() {
        let account = Account::new(1_000_000_002_500_000, 4);
        let result = AccountResult::new("jfd1x".into(), answer(Some(account))).unwrap();
        assert_eq!(result.account, account);
        let json = result.to_json();
        assert_eq!(json["balance"], "1000000002500000");
        assert_eq!(json["nonce"], 4);
        assert_eq!(AccountResult::from_json(&json).unwrap(), result);
        let mut lie = json.clone();
        lie["balance"] = json!("5");
        assert_eq!(
            AccountResult::from_json(&lie).unwrap_err().field(),
            "balance"
        );
        let mut not_an_account = json;
        not_an_account["value"] = json!("0102");
        assert_eq!(
            AccountResult::from_json(&not_an_account)
                .unwrap_err()
                .code(),
            "rpc-field-decode"
        );
        let absent = AccountResult::new("jfd1x".into(), answer(None)).unwrap();
        assert_eq!(absent.account, Account::default());
        let json = absent.to_json();
        assert_eq!(json["value"], Value::Null);
        assert_eq!(AccountResult::from_json(&json).unwrap(), absent);
    }

    #[test]
    fn account_params_keep_the_text_and_decode_the_address() {
        let address = Address::from_bytes([7; 20]);
        let params = AccountParams::new(&address, Network::Devnet, Some(2));
        let back = AccountParams::from_json(&params.to_json()).unwrap();
        assert_eq!(back, params);
        let upper = json!({"address": params.text.to_uppercase()});
        let back = AccountParams::from_json(&upper).unwrap();
        assert_eq!(back.address, address);
        assert_eq!(back.text, params.text.to_uppercase());
        assert_eq!(
            AccountParams::from_json(&json!({"address": "jfd1nope"}))
                .unwrap_err()
                .code(),
            "rpc-field-address"
        );
        let state = StateParams {
            key: Hash32([1; 32]),
            height: None,
        };
        assert_eq!(state.to_json(), json!({"key": Hash32([1; 32]).to_string()}));
        assert_eq!(StateParams::from_json(&state.to_json()).unwrap(), state);
    }
}
