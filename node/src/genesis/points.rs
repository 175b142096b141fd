//! The points economy at genesis: the alliance's parameters and the
//! merchants that exist from block 1 (with their rate versions, deposits
//! and holders), as stored in the chain parameters (JSON) and written into
//! the genesis state.

use jifen_protocol::points::keys::{
    alliance_key, merchant_key, points_balance_key, rate_key, registry_key, supply_key,
};
use jifen_protocol::points::merchant::{encode_points_balance, valid_name, valid_symbol};
use jifen_protocol::points::{
    AllianceParams, FeeMode, MerchantRecord, MerchantRegistry, MerchantStatus, PointSupply,
    RateRecord, RateTerms,
};
use jifen_protocol::{Address, Decode, Encode, MerchantId, StateMap, asset::MAX_POINTS_DECIMALS};
use serde::{Deserialize, Serialize};

use super::{GenesisError, invalid, parse_address};

/// One rate version at genesis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenesisRate {
    /// POINT base units per `den` points base units the deposit pays.
    pub bid: u64,
    /// POINT base units per `den` points base units the deposit asks.
    pub ask: u64,
    /// Points base units the prices are for.
    pub den: u64,
    /// `settlement` or `spread`.
    pub fee_mode: String,
    /// Exchange fee (spread) in bps.
    pub fee_bps: u16,
    /// Smallest sell (points base units).
    pub sell_min: u128,
    /// Sell increment (points base units).
    pub sell_increment: u128,
    /// Smallest buy (POINT base units).
    pub buy_min: u128,
    /// Buy increment (POINT base units).
    pub buy_increment: u128,
    /// Last height the rate is valid at.
    pub valid_until: u64,
}

impl GenesisRate {
    fn terms(&self) -> Result<RateTerms, GenesisError> {
        let fee_mode = match self.fee_mode.as_str() {
            "settlement" => FeeMode::Settlement,
            "spread" => FeeMode::Spread,
            other => {
                return Err(invalid(
                    "points.merchants.rates",
                    format!("fee mode {other}"),
                ));
            }
        };
        let terms = RateTerms {
            bid: self.bid,
            ask: self.ask,
            den: self.den,
            fee_mode,
            fee_bps: self.fee_bps,
            sell_min: self.sell_min,
            sell_increment: self.sell_increment,
            buy_min: self.buy_min,
            buy_increment: self.buy_increment,
            valid_until: self.valid_until,
        };
        terms.validate().map_err(|(field, reason)| {
            invalid("points.merchants.rates", format!("{field}: {reason}"))
        })?;
        Ok(terms)
    }
}

/// A merchant at genesis (numbered in list order from 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenesisMerchant {
    /// Owner address (hex).
    pub owner: String,
    /// Name.
    pub name: String,
    /// Symbol.
    pub symbol: String,
    /// Decimals of its points.
    pub decimals: u8,
    /// `proposed`, `approved` or `suspended`.
    pub status: String,
    /// Deposit, POINT base units.
    pub deposit: u128,
    /// Its rate versions, oldest first (the last is current).
    pub rates: Vec<GenesisRate>,
    /// Holders of its points: (address hex, points base units).
    pub holders: Vec<(String, u128)>,
}

/// The points economy at genesis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointsGenesis {
    /// The issuer's address (hex).
    pub issuer: String,
    /// The platform's address (hex).
    pub platform: String,
    /// Withdrawal fee, bps.
    pub withdrawal_fee_bps: u16,
    /// Smallest withdrawal fee, POINT base units.
    pub withdrawal_fee_min: u128,
    /// Smallest merchant deposit, POINT base units.
    pub min_deposit: u128,
    /// Share of the points in circulation a deposit keeps backing, bps.
    pub deposit_reserve_bps: u16,
    /// The merchants.
    pub merchants: Vec<GenesisMerchant>,
}

impl PointsGenesis {
    /// The alliance parameters.
    ///
    /// # Errors
    /// [`GenesisError::Invalid`].
    pub fn alliance(&self) -> Result<AllianceParams, GenesisError> {
        let params = AllianceParams {
            issuer: parse_address("points.issuer", &self.issuer)?,
            platform: parse_address("points.platform", &self.platform)?,
            withdrawal_fee_bps: self.withdrawal_fee_bps,
            withdrawal_fee_min: self.withdrawal_fee_min,
            min_deposit: self.min_deposit,
            deposit_reserve_bps: self.deposit_reserve_bps,
        };
        // The decoder holds the bounds.
        AllianceParams::decode(&params.encode()).map_err(|e| invalid("points", e))
    }

    /// Writes the alliance, merchants, rates, holdings and registry into
    /// `map`. Returns the POINT the deposits hold (part of the genesis
    /// supply).
    ///
    /// # Errors
    /// [`GenesisError::Invalid`] for an invalid field.
    pub fn write(&self, map: &mut StateMap) -> Result<u128, GenesisError> {
        map.set(alliance_key(), Some(self.alliance()?.encode()));
        let mut deposits: u128 = 0;
        let count = u32::try_from(self.merchants.len())
            .map_err(|_| invalid("points.merchants", "too many"))?;
        for (merchant, n) in self.merchants.iter().zip(1u32..) {
            let id = MerchantId::new(n).ok_or_else(|| invalid("points.merchants", "numbering"))?;
            let record = merchant.record(id, map)?;
            deposits = deposits
                .checked_add(record.deposit)
                .ok_or_else(|| invalid("points.merchants", "deposits overflow"))?;
            map.set(merchant_key(id), Some(record.encode()));
        }
        map.set(registry_key(), Some(MerchantRegistry { count }.encode()));
        Ok(deposits)
    }
}

impl GenesisMerchant {
    /// Writes its rates and holdings into `map` and returns its record.
    fn record(&self, id: MerchantId, map: &mut StateMap) -> Result<MerchantRecord, GenesisError> {
        let status = match self.status.as_str() {
            "proposed" => MerchantStatus::Proposed,
            "approved" => MerchantStatus::Approved,
            "suspended" => MerchantStatus::Suspended,
            other => return Err(invalid("points.merchants.status", other)),
        };
        if !valid_name(&self.name) || !valid_symbol(&self.symbol) {
            return Err(invalid(
                "points.merchants",
                format!("name or symbol of {}", self.name),
            ));
        }
        if self.decimals > MAX_POINTS_DECIMALS {
            return Err(invalid("points.merchants.decimals", self.decimals));
        }
        let mut version = 0u32;
        for rate in &self.rates {
            version = version
                .checked_add(1)
                .ok_or_else(|| invalid("points.merchants.rates", "too many"))?;
            let record = RateRecord {
                merchant: id,
                version,
                terms: rate.terms()?,
                set_at: 0,
            };
            map.set(rate_key(id, version), Some(record.encode()));
        }
        let mut outstanding: u128 = 0;
        for (holder, amount) in &self.holders {
            let address: Address = parse_address("points.merchants.holders", holder)?;
            if map.get(&points_balance_key(&address, id)).is_some() {
                return Err(invalid(
                    "points.merchants.holders",
                    format!("{holder} twice"),
                ));
            }
            outstanding = outstanding
                .checked_add(*amount)
                .ok_or_else(|| invalid("points.merchants.holders", "overflow"))?;
            map.set(
                points_balance_key(&address, id),
                encode_points_balance(*amount),
            );
        }
        Ok(MerchantRecord {
            id,
            owner: parse_address("points.merchants.owner", &self.owner)?,
            status,
            decimals: self.decimals,
            name: self.name.clone(),
            symbol: self.symbol.clone(),
            deposit: self.deposit,
            outstanding,
            rate_version: version,
            registered_at: 0,
        })
    }
}

/// Writes the POINT supply record: `genesis` POINT, nothing minted or burned.
pub fn write_supply(map: &mut StateMap, genesis: u128) {
    map.set(
        supply_key(),
        Some(
            PointSupply {
                genesis,
                minted: 0,
                burned: 0,
            }
            .encode(),
        ),
    );
}
