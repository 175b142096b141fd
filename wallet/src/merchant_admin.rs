//! Use case: **run a merchant** (its owner's wallet): publish a new rate
//! version, issue points to a customer, top up or withdraw the POINT
//! deposit. Each is checked against the merchant's proven record with the
//! chain's rules before it is signed, and reviewed like any transaction.

use jifen_protocol::payment_request::DecimalAmount;
use jifen_protocol::points::{
    DepositTopUp, DepositWithdraw, FeeMode, MerchantRecord, MerchantStatus, PointsError,
    PointsIssue, RateSet, RateTerms, required_deposit,
};
use jifen_protocol::{Address, TxPayload};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::action::{ActionReview, PreparedAction, review_id};
use crate::chain::{ChainReader, MIN_FEE, parse_points};
use crate::points::asset::AssetView;
use crate::points::error::RuleUnits;
use crate::points::merchants::{FeeModeView, RateView};
use crate::points::{AssetInfo, PointsFlowError, reads};
use crate::views::{AmountView, ProvenAt};
use crate::wallets::WalletFacts;

/// Most decimals a price may be typed with.
pub const MAX_PRICE_DECIMALS: u32 = 12;

/// What the merchant's owner asks to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "action", rename_all = "kebab-case")]
pub enum MerchantAction {
    /// Publish a new rate version.
    SetRate {
        /// Fee mode.
        fee_mode: FeeModeView,
        /// POINT paid per whole point taken back (`0.0092`); in spread mode
        /// the mid, and `ask` must equal it.
        bid: String,
        /// POINT asked per whole point issued.
        ask: String,
        /// Exchange fee in bps (spread mode only; 0 in settlement).
        fee_bps: u16,
        /// Smallest sell (points).
        sell_min: String,
        /// Sell step (points).
        sell_increment: String,
        /// Smallest buy (POINT).
        buy_min: String,
        /// Buy step (POINT).
        buy_increment: String,
        /// Blocks the rate stays valid after the proven height.
        valid_for_blocks: u64,
    },
    /// Issue points to a customer.
    Issue {
        /// The customer's address.
        to: String,
        /// Points to issue.
        amount: String,
    },
    /// Add POINT to the deposit.
    TopUp {
        /// POINT.
        amount: String,
    },
    /// Take POINT out of the deposit (down to what it must keep).
    WithdrawDeposit {
        /// POINT.
        amount: String,
    },
}

/// What the merchant's owner asks, for which merchant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MerchantRequest {
    /// The merchant: number, `M<n>` or symbol.
    pub merchant: String,
    /// What to do.
    pub action: MerchantAction,
    /// The network fee in POINT (the minimum when absent).
    #[serde(default)]
    pub fee: Option<String>,
    /// The receive address index of the owner.
    #[serde(default)]
    pub from_index: u32,
}

/// What the owner confirms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MerchantActionReview {
    /// Names exactly this transaction.
    pub review_id: String,
    /// The owner's address.
    pub from: String,
    /// The merchant's points.
    pub merchant: AssetView,
    /// `set-rate`, `issue`, `top-up` or `withdraw-deposit`.
    pub action: String,
    /// The new rate (set-rate).
    pub rate: Option<RateView>,
    /// The recipient (issue).
    pub to: Option<String>,
    /// The amount (points for issue, POINT for the deposit).
    pub amount: Option<AmountView>,
    /// The proven deposit before.
    pub deposit: AmountView,
    /// The deposit afterwards (top-up, withdraw-deposit).
    pub deposit_after: Option<AmountView>,
    /// The least the deposit must keep (withdraw-deposit).
    pub deposit_required: Option<AmountView>,
    /// The network fee (POINT).
    pub network_fee: AmountView,
    /// The transaction's nonce.
    pub nonce: u64,
    /// The chain it is signed for.
    pub chain_id: String,
    /// Where the merchant was proven.
    pub proven: ProvenAt,
}

/// A price typed as POINT per whole point, as the rate's integer ratio
/// `price / den` POINT base units per points base unit (exact, reduced).
///
/// # Errors
/// `decimal-amount-*`, [`PointsFlowError::RateInvalid`] when the ratio does
/// not fit the rate record.
pub fn price_ratio(text: &str, points_decimals: u8) -> Result<(u64, u64), PointsFlowError> {
    let amount = DecimalAmount::parse(text.trim()).map_err(|source| PointsFlowError::Amount {
        text: text.trim().to_owned(),
        source,
    })?;
    let shown = u8::try_from(MAX_PRICE_DECIMALS).unwrap_or(12);
    // m / 10^12 POINT per whole point = m * 10^6 / 10^(12 + d) base units.
    let m = amount
        .to_base_units(shown)
        .map_err(|source| PointsFlowError::Amount {
            text: text.trim().to_owned(),
            source,
        })?;
    let exponent = u32::from(shown) + u32::from(points_decimals);
    let (mut num, mut den) = if exponent <= 6 {
        (m.checked_mul(10u128.pow(6 - exponent)), Some(1u128))
    } else {
        (Some(m), 10u128.checked_pow(exponent - 6))
    };
    if let (Some(n), Some(d)) = (num, den) {
        let g = gcd(n, d);
        num = Some(n / g);
        den = Some(d / g);
    }
    let too_big = || PointsFlowError::RateInvalid {
        field: "price",
        reason: "the price does not fit the rate record: use fewer decimals",
    };
    let num = num
        .and_then(|n| u64::try_from(n).ok())
        .ok_or_else(too_big)?;
    let den = den
        .and_then(|d| u64::try_from(d).ok())
        .ok_or_else(too_big)?;
    Ok((num, den))
}

const fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    if a == 0 { 1 } else { a }
}

/// Step 1: the merchant transaction, checked against the proven record.
///
/// # Errors
/// `merchant-not-yours`, the chain's rules (`merchant-not-approved`,
/// `merchant-deposit-below-required`, ...), `rate-invalid`,
/// `decimal-amount-*`, `chain-*` amount and balance errors, proof errors.
pub fn review(
    reader: &ChainReader,
    facts: &WalletFacts,
    request: &MerchantRequest,
) -> Result<PreparedAction, PointsFlowError> {
    let fee = match request.fee.as_deref().map(str::trim) {
        Some(text) if !text.is_empty() => parse_points(text)?,
        _ => MIN_FEE,
    };
    let sender = facts.public_key(request.from_index)?;
    let (merchant, at) = reads::resolve_merchant(reader, &request.merchant)?;
    let points = AssetInfo::of_merchant(&merchant);
    let point = AssetInfo::point();
    if merchant.owner != sender.address() {
        return Err(PointsFlowError::NotYourMerchant {
            merchant: merchant.symbol.clone(),
            owner: merchant.owner.encode(facts.network),
        });
    }
    let units = RuleUnits {
        points: Some(&points),
        direction: None,
    };
    let rule = |error| PointsFlowError::rule(error, &units);
    let mut review = MerchantActionReview {
        review_id: String::new(),
        from: sender.address().encode(facts.network),
        merchant: AssetView::of(&points),
        action: String::new(),
        rate: None,
        to: None,
        amount: None,
        deposit: point.amount(merchant.deposit),
        deposit_after: None,
        deposit_required: None,
        network_fee: point.amount(fee),
        nonce: 0,
        chain_id: String::new(),
        proven: ProvenAt {
            height: at.height,
            header_hash: at.header_hash.to_string(),
        },
    };
    let (payload, point_spent) = match &request.action {
        MerchantAction::SetRate {
            fee_mode,
            bid,
            ask,
            fee_bps,
            sell_min,
            sell_increment,
            buy_min,
            buy_increment,
            valid_for_blocks,
        } => {
            let (bid_num, bid_den) = price_ratio(bid, merchant.decimals)?;
            let (ask_num, ask_den) = price_ratio(ask, merchant.decimals)?;
            // One denominator for both prices.
            let den = lcm(bid_den, ask_den)?;
            let scale = |num: u64, d: u64| {
                u64::try_from(u128::from(num) * u128::from(den / d)).map_err(|_| {
                    PointsFlowError::RateInvalid {
                        field: "price",
                        reason: "the price does not fit the rate record: use fewer decimals",
                    }
                })
            };
            let terms = RateTerms {
                bid: scale(bid_num, bid_den)?,
                ask: scale(ask_num, ask_den)?,
                den,
                fee_mode: match fee_mode {
                    FeeModeView::Settlement => FeeMode::Settlement,
                    FeeModeView::Spread => FeeMode::Spread,
                },
                fee_bps: *fee_bps,
                sell_min: points.parse(sell_min)?,
                sell_increment: points.parse(sell_increment)?,
                buy_min: point.parse(buy_min)?,
                buy_increment: point.parse(buy_increment)?,
                valid_until: at.height.saturating_add((*valid_for_blocks).max(1)),
            };
            terms
                .validate()
                .map_err(|(field, reason)| PointsFlowError::RateInvalid { field, reason })?;
            let version = merchant.rate_version.saturating_add(1);
            let preview = jifen_protocol::points::RateRecord {
                merchant: merchant.id,
                version,
                terms,
                set_at: at.height.saturating_add(1),
            };
            review.action = "set-rate".to_owned();
            review.rate = Some(RateView::of(&preview, &points, version, at.height));
            (
                TxPayload::RateSet(RateSet {
                    merchant: merchant.id,
                    terms,
                }),
                0,
            )
        }
        MerchantAction::Issue { to, amount } => {
            if merchant.status != MerchantStatus::Approved {
                return Err(rule(PointsError::NotApproved {
                    merchant: merchant.id,
                    status: merchant.status,
                }));
            }
            let to_address = Address::decode(to.trim(), facts.network)
                .map_err(crate::error::WalletError::from)?;
            let amount = points.parse(amount)?;
            review.action = "issue".to_owned();
            review.to = Some(to_address.encode(facts.network));
            review.amount = Some(points.amount(amount));
            (
                TxPayload::PointsIssue(PointsIssue {
                    merchant: merchant.id,
                    to: to_address,
                    amount,
                }),
                0,
            )
        }
        MerchantAction::TopUp { amount } => {
            let amount = parse_points(amount)?;
            review.action = "top-up".to_owned();
            review.amount = Some(point.amount(amount));
            review.deposit_after = Some(point.amount(merchant.deposit.saturating_add(amount)));
            (
                TxPayload::DepositTopUp(DepositTopUp {
                    merchant: merchant.id,
                    amount,
                }),
                amount,
            )
        }
        MerchantAction::WithdrawDeposit { amount } => {
            let amount = parse_points(amount)?;
            let required = required_of(reader, &merchant)?;
            let after = merchant.deposit.checked_sub(amount);
            if after.is_none_or(|after| after < required) {
                return Err(rule(PointsError::DepositBelowRequired {
                    required,
                    deposit: merchant.deposit,
                    amount,
                }));
            }
            review.action = "withdraw-deposit".to_owned();
            review.amount = Some(point.amount(amount));
            review.deposit_after = after.map(|a| point.amount(a));
            review.deposit_required = Some(point.amount(required));
            (
                TxPayload::DepositWithdraw(DepositWithdraw {
                    merchant: merchant.id,
                    amount,
                }),
                0,
            )
        }
    };
    let plan = reader.plan_payload(sender, payload, fee, point_spent)?;
    review.review_id = review_id(&plan.unsigned);
    review.nonce = plan.unsigned.nonce;
    review.chain_id = plan.unsigned.chain_id.as_str().to_owned();
    Ok(PreparedAction {
        unsigned: plan.unsigned,
        from_index: request.from_index,
        network: facts.network,
        review: ActionReview::Merchant(Box::new(review)),
        expires_at_ms: None,
    })
}

/// What `merchant`'s deposit must keep, from the proven alliance and rate.
fn required_of(reader: &ChainReader, merchant: &MerchantRecord) -> Result<u128, PointsFlowError> {
    let alliance = reads::alliance(reader)?.value;
    let rate = if merchant.rate_version == 0 {
        None
    } else {
        reads::rate(reader, merchant.id, merchant.rate_version)?.value
    };
    required_deposit(&alliance, merchant, rate.as_ref().map(|r| &r.terms)).map_err(|error| {
        PointsFlowError::rule(
            error,
            &RuleUnits {
                points: None,
                direction: None,
            },
        )
    })
}

fn lcm(a: u64, b: u64) -> Result<u64, PointsFlowError> {
    let (a, b) = (u128::from(a), u128::from(b));
    u64::try_from(a / gcd(a, b) * b).map_err(|_| PointsFlowError::RateInvalid {
        field: "price",
        reason: "the bid and ask need a denominator too large: use fewer decimals",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_become_exact_reduced_ratios() {
        // 0.0092 POINT per TEA (0 decimals) = 9,200 base units per point.
        assert_eq!(price_ratio("0.0092", 0).unwrap(), (9_200, 1));
        // 0.05 POINT per MALL (2 decimals) = 500 base units per base unit.
        assert_eq!(price_ratio("0.05", 2).unwrap(), (500, 1));
        // 0.8 POINT per FUEL (4 decimals) = 80 base units per base unit.
        assert_eq!(price_ratio("0.8", 4).unwrap(), (80, 1));
        // 0.5 POINT per point of 18 decimals = 5 / 10^13 base units.
        assert_eq!(price_ratio("0.5", 18).unwrap(), (1, 2_000_000_000_000));
        // A 12-decimal price of an 18-decimal point needs den 10^24.
        assert_eq!(
            price_ratio("0.000000000001", 18).unwrap_err().code(),
            "rate-invalid"
        );
        assert!(price_ratio("0.0000000000001", 0).is_err());
    }
}
