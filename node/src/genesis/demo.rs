//! The devnet's demo points economy, so that a fresh devnet shows living
//! merchants: four merchants (three approved, with both fee modes, three
//! different decimals and a few rate versions each, one of them with its
//! deposit near the limit; one still proposed), held by the demo consumer
//! and by the faucet account (devnet account 0), plus the issuer, the
//! platform and the merchants' owners. Every key is a public devnet key
//! ([`NodeKey::devnet_role`]), and each role is a wallet restored from its
//! public words ([`NodeKey::devnet_role_words`], `jifen-node accounts`).
//!
//! | # | name | symbol | decimals | status | fee mode | mid (POINT per point) | deposit |
//! |---|---|---|---|---|---|---|---|
//! | 1 | 茶香咖啡 | TEA | 0 | approved | settlement (bid 0.0092, ask 0.0100) | 0.0096 | 5,000 POINT |
//! | 2 | 百货商城 | MALL | 2 | approved | spread 50 bps | 0.05 | 20,000 POINT |
//! | 3 | 星辰加油站 | FUEL | 4 | approved | spread 30 bps | 0.80 | 150 POINT (limit 120) |
//! | 4 | 新店试营业 | NEW | 2 | proposed | settlement | 0.02 | 100 POINT |

use super::GenesisError;
use super::points::{GenesisMerchant, GenesisRate, PointsGenesis};
use crate::keys::NodeKey;

/// POINT base units in one POINT.
const POINT: u128 = 1_000_000;
/// The demo rates stay valid for a billion blocks.
const VALID_UNTIL: u64 = 1_000_000_000;

/// Each demo role's POINT at genesis (fees, deposits, buys).
pub const DEMO_ROLE_BALANCE: u128 = 10_000 * POINT;
/// The demo roles with a POINT balance. `subchain-operator` registers the
/// devnet's subchains and relays their headers (`crate::subchains`).
pub const DEMO_ROLES: [&str; 7] = [
    "issuer",
    "consumer",
    "merchant-1",
    "merchant-2",
    "merchant-3",
    "merchant-4",
    "subchain-operator",
];
/// Each devnet validator's POINT at genesis, for council-vote fees.
pub const VALIDATOR_FEE_BALANCE: u128 = 100 * POINT;

fn address(key: &NodeKey) -> String {
    hex::encode(key.address().as_bytes())
}

fn role(name: &str) -> Result<String, GenesisError> {
    Ok(address(&NodeKey::devnet_role(name)?))
}

fn settlement(bid: u64, ask: u64, den: u64) -> GenesisRate {
    GenesisRate {
        bid,
        ask,
        den,
        fee_mode: "settlement".into(),
        fee_bps: 0,
        sell_min: 1,
        sell_increment: 1,
        buy_min: POINT,
        buy_increment: 1,
        valid_until: VALID_UNTIL,
    }
}

fn spread(mid: u64, den: u64, fee_bps: u16) -> GenesisRate {
    GenesisRate {
        fee_mode: "spread".into(),
        fee_bps,
        ..settlement(mid, mid, den)
    }
}

fn limits(rate: GenesisRate, sell: (u128, u128), buy: (u128, u128)) -> GenesisRate {
    GenesisRate {
        sell_min: sell.0,
        sell_increment: sell.1,
        buy_min: buy.0,
        buy_increment: buy.1,
        ..rate
    }
}

/// The demo economy.
///
/// # Errors
/// [`GenesisError::Key`] if a devnet key cannot be derived.
pub fn devnet_points() -> Result<PointsGenesis, GenesisError> {
    let consumer = role("consumer")?;
    let faucet = address(&NodeKey::devnet_account(0)?);
    let holders = |consumer_has: u128, faucet_has: u128| {
        vec![
            (consumer.clone(), consumer_has),
            (faucet.clone(), faucet_has),
        ]
    };
    // TEA: 0 decimals, 1 point = 10,000 POINT base units at the ask.
    let tea_limits = |rate| limits(rate, (100, 10), (POINT, 10_000));
    // MALL: 2 decimals, 1.00 point = 100 base units = 0.05 POINT.
    let mall_limits = |rate| limits(rate, (100, 1), (POINT / 10, 1));
    // FUEL: 4 decimals, 1.0000 point = 10,000 base units = 0.80 POINT.
    let fuel_limits = |rate| limits(rate, (1_000, 100), (POINT / 10, 1_000));
    Ok(PointsGenesis {
        issuer: role("issuer")?,
        platform: role("platform")?,
        withdrawal_fee_bps: 50,
        withdrawal_fee_min: POINT / 10,
        min_deposit: 100 * POINT,
        deposit_reserve_bps: 1_000,
        merchants: vec![
            GenesisMerchant {
                owner: role("merchant-1")?,
                name: "茶香咖啡".into(),
                symbol: "TEA".into(),
                decimals: 0,
                status: "approved".into(),
                deposit: 5_000 * POINT,
                rates: vec![
                    tea_limits(settlement(8_000, 10_000, 1)),
                    tea_limits(settlement(9_000, 10_000, 1)),
                    tea_limits(settlement(9_200, 10_000, 1)),
                ],
                holders: holders(25_000, 100_000),
            },
            GenesisMerchant {
                owner: role("merchant-2")?,
                name: "百货商城".into(),
                symbol: "MALL".into(),
                decimals: 2,
                status: "approved".into(),
                deposit: 20_000 * POINT,
                rates: vec![
                    mall_limits(settlement(480, 520, 1)),
                    mall_limits(spread(500, 1, 50)),
                ],
                holders: holders(500_000, 10_000_000),
            },
            GenesisMerchant {
                owner: role("merchant-3")?,
                name: "星辰加油站".into(),
                symbol: "FUEL".into(),
                decimals: 4,
                status: "approved".into(),
                deposit: 150 * POINT,
                rates: vec![
                    fuel_limits(spread(75, 1, 30)),
                    fuel_limits(spread(78, 1, 30)),
                    fuel_limits(spread(80, 1, 30)),
                ],
                holders: holders(10_000_000, 5_000_000),
            },
            GenesisMerchant {
                owner: role("merchant-4")?,
                name: "新店试营业".into(),
                symbol: "NEW".into(),
                decimals: 2,
                status: "proposed".into(),
                deposit: 100 * POINT,
                rates: vec![limits(settlement(190, 210, 1), (100, 1), (POINT / 10, 1))],
                holders: Vec::new(),
            },
        ],
    })
}

/// The genesis POINT balances of the demo roles: (address hex, balance).
///
/// # Errors
/// [`GenesisError::Key`].
pub fn demo_accounts() -> Result<Vec<(String, u128)>, GenesisError> {
    DEMO_ROLES
        .iter()
        .map(|name| Ok((role(name)?, DEMO_ROLE_BALANCE)))
        .collect()
}
