//! Chain parameters and the genesis state.
//!
//! The devnet genesis is derived from a handful of numbers (validators,
//! rotation, epoch length), so two runs with the same options produce the
//! same chain id, keys, balances, first validator set and demo points
//! economy ([`demo`]).

pub mod demo;
pub mod points;

use jifen_protocol::{
    Account, Address, ChainId, Decode, Encode, Hash32, PublicKey, StakeRecord, StateMap,
    account_key, stake_key,
};
use serde::{Deserialize, Serialize};

use crate::keys::{KeyError, NodeKey};

/// Default devnet chain id.
pub const DEVNET_CHAIN_ID: &str = "jifen-devnet";
/// Number of funded devnet accounts.
pub const DEVNET_ACCOUNTS: u32 = 10;
/// Each funded devnet account's POINT: 1,000,000,000 POINT.
pub const DEVNET_ACCOUNT_BALANCE: u128 = 1_000_000_000 * 1_000_000;
/// Devnet validator `i`'s stake: `(10,000 + 100 i)` POINT, so voting powers differ.
pub const DEVNET_BASE_STAKE: u128 = 10_000 * 1_000_000;
/// Lowest fee the mempool accepts by default, in base units (0.001 POINT).
pub const DEFAULT_MIN_FEE: u128 = 1_000;

/// The rules a chain runs under; stored in the database at init.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainParams {
    /// Chain id.
    pub chain_id: String,
    /// Time of the genesis, unix ms (block 1 is not earlier).
    pub genesis_time_ms: u64,
    /// Blocks per epoch; the set changes after heights that are multiples of it.
    pub epoch_length: u64,
    /// Most validators in a set.
    pub max_validators: u32,
    /// Devnet rotation: how many validators the election window shifts per
    /// epoch (0: the top `max_validators` by stake, no rotation).
    pub rotate: u32,
    /// Lowest fee accepted by the mempool.
    pub min_fee: u128,
    /// Genesis balances: (address hex, balance).
    pub accounts: Vec<(String, u128)>,
    /// Genesis stakes: (compressed public key hex, bonded).
    pub stakes: Vec<(String, u128)>,
    /// How many devnet validator keys (`0..n`) this node holds and signs with.
    pub devnet_keys: u32,
    /// Extra genesis accounts for benchmarks: account `i` is
    /// [`fixture_account`]`(i)` with [`FIXTURE_ACCOUNT_BALANCE`].
    #[serde(default)]
    pub fixture_accounts: u64,
    /// The alliance and its merchants at genesis (none: the points kinds
    /// fail with `state-corrupt`, there being no alliance).
    #[serde(default)]
    pub points: Option<points::PointsGenesis>,
}

/// Balance of each benchmark fixture account: 1 POINT.
pub const FIXTURE_ACCOUNT_BALANCE: u128 = 1_000_000;

/// The address of benchmark fixture account `i`: the first 20 bytes of
/// `tagged_hash("jifen/fixture-account", u64_be(i))` (no key controls it).
#[must_use]
pub fn fixture_account(i: u64) -> Address {
    let hash = jifen_protocol::tagged_hash("jifen/fixture-account", &i.to_be_bytes());
    let mut bytes = [0u8; 20];
    bytes.copy_from_slice(hash.get(..20).unwrap_or(&[0; 20]));
    Address::from_bytes(bytes)
}

/// Why parameters or a genesis are unusable.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GenesisError {
    /// A field is invalid.
    #[error("invalid genesis {field}: {reason}")]
    Invalid {
        /// Field name.
        field: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// A devnet key could not be derived.
    #[error(transparent)]
    Key(#[from] KeyError),
}

fn invalid(field: &'static str, reason: impl ToString) -> GenesisError {
    GenesisError::Invalid {
        field,
        reason: reason.to_string(),
    }
}

fn add_supply(supply: &mut u128, amount: u128) -> Result<(), GenesisError> {
    *supply = supply
        .checked_add(amount)
        .ok_or_else(|| invalid("accounts", "the POINT supply overflows"))?;
    Ok(())
}

/// An address in hex (40 digits).
fn parse_address(field: &'static str, hex_text: &str) -> Result<Address, GenesisError> {
    let bytes: [u8; 20] = hex::decode(hex_text)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| invalid(field, format!("bad address {hex_text}")))?;
    Ok(Address::from_bytes(bytes))
}

impl ChainParams {
    /// Devnet parameters: `validators` active validators, `rotate` extra
    /// standby candidates that rotate in, `DEVNET_ACCOUNTS` funded accounts.
    ///
    /// # Errors
    /// [`GenesisError`] when a count is zero or a key cannot be derived.
    pub fn devnet(
        validators: u32,
        rotate: u32,
        epoch_length: u64,
        genesis_time_ms: u64,
    ) -> Result<Self, GenesisError> {
        if validators == 0 {
            return Err(invalid("validators", "at least one validator"));
        }
        if epoch_length == 0 {
            return Err(invalid("epoch_length", "at least one block"));
        }
        let pool = validators
            .checked_add(rotate)
            .ok_or_else(|| invalid("rotate", "too large"))?;
        let mut stakes = Vec::new();
        for i in 0..pool {
            let key = NodeKey::devnet_validator(i)?;
            let stake = DEVNET_BASE_STAKE + u128::from(i) * 100 * 1_000_000;
            stakes.push((hex::encode(key.public_key().to_bytes()), stake));
        }
        let mut accounts = Vec::new();
        for i in 0..DEVNET_ACCOUNTS {
            let key = NodeKey::devnet_account(i)?;
            accounts.push((
                hex::encode(key.address().as_bytes()),
                DEVNET_ACCOUNT_BALANCE,
            ));
        }
        accounts.extend(demo::demo_accounts()?);
        for i in 0..pool {
            let key = NodeKey::devnet_validator(i)?;
            accounts.push((
                hex::encode(key.address().as_bytes()),
                demo::VALIDATOR_FEE_BALANCE,
            ));
        }
        Ok(Self {
            chain_id: DEVNET_CHAIN_ID.to_owned(),
            genesis_time_ms,
            epoch_length,
            max_validators: validators,
            rotate,
            min_fee: DEFAULT_MIN_FEE,
            accounts,
            stakes,
            devnet_keys: pool,
            fixture_accounts: 0,
            points: Some(demo::devnet_points()?),
        })
    }

    /// The chain id.
    ///
    /// # Errors
    /// [`GenesisError::Invalid`].
    pub fn chain_id(&self) -> Result<ChainId, GenesisError> {
        ChainId::new(&self.chain_id).map_err(|e| invalid("chain_id", e))
    }

    /// The genesis state map (height 0).
    ///
    /// # Errors
    /// [`GenesisError::Invalid`] for a bad address or key.
    pub fn genesis_state(&self) -> Result<StateMap, GenesisError> {
        let mut map = StateMap::new();
        // Every POINT that exists at genesis, for the supply record.
        let mut supply: u128 = 0;
        for (address, balance) in &self.accounts {
            let address = parse_address("accounts", address)?;
            let key = account_key(&address);
            // An address listed twice gets the sum.
            let previous = account_from(map.get(&key)).map_err(|e| invalid("accounts", e))?;
            let balance = previous
                .balance
                .checked_add(*balance)
                .ok_or_else(|| invalid("accounts", "balance overflows"))?;
            add_supply(&mut supply, balance - previous.balance)?;
            map.set(key, Some(Account::new(balance, 0).encode()));
        }
        let fixture = Account::new(FIXTURE_ACCOUNT_BALANCE, 0).encode();
        for i in 0..self.fixture_accounts {
            add_supply(&mut supply, FIXTURE_ACCOUNT_BALANCE)?;
            map.set(account_key(&fixture_account(i)), Some(fixture.clone()));
        }
        for (key, bonded) in &self.stakes {
            let bytes = hex::decode(key).map_err(|e| invalid("stakes", e))?;
            let public_key = PublicKey::from_bytes(&bytes).map_err(|e| invalid("stakes", e))?;
            let record = StakeRecord {
                public_key,
                bonded: *bonded,
            };
            add_supply(&mut supply, *bonded)?;
            map.set(stake_key(&public_key.address()), Some(record.encode()));
        }
        if let Some(points) = &self.points {
            let deposits = points.write(&mut map)?;
            add_supply(&mut supply, deposits)?;
            points::write_supply(&mut map, supply);
        }
        Ok(map)
    }

    /// The keys this node signs votes with: devnet validators `0..devnet_keys`
    /// and, when `devnet_keys > 0`, the funded devnet accounts too (so a
    /// devnet account that bonds and gets elected still signs).
    ///
    /// # Errors
    /// [`GenesisError::Key`].
    pub fn held_keys(&self) -> Result<Vec<NodeKey>, GenesisError> {
        let accounts = if self.devnet_keys > 0 {
            DEVNET_ACCOUNTS
        } else {
            0
        };
        (0..self.devnet_keys)
            .map(NodeKey::devnet_validator)
            .chain((0..accounts).map(NodeKey::devnet_account))
            .map(|key| key.map_err(GenesisError::from))
            .collect()
    }
}

/// Decodes an [`Account`] record (absent record: zero balance, nonce 0).
///
/// # Errors
/// A decode error when the stored bytes are corrupt.
pub fn account_from(value: Option<&[u8]>) -> Result<Account, jifen_protocol::DecodeError> {
    value.map_or(Ok(Account::default()), Account::decode)
}

/// The hash of the genesis parameters' JSON, shown in `status`.
#[must_use]
pub fn params_hash(params: &ChainParams) -> Hash32 {
    let json = serde_json::to_vec(params).unwrap_or_default();
    Hash32(jifen_protocol::tagged_hash("jifen/genesis", &json))
}
