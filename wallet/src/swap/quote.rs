//! The swap's quote and review ([`quote`]).

use jifen_protocol::points::{
    AllianceParams, Quote, RateRecord, Swap, SwapCheck, SwapDirection, check_swap,
    quote as quote_swap, withdrawal_fee,
};
use jifen_protocol::{AssetId, TxPayload};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::action::{ActionReview, PreparedAction, review_id};
use crate::chain::{ChainError, ChainReader, MIN_FEE, parse_points};
use crate::points::asset::{AssetView, point_per_whole_point};
use crate::points::error::RuleUnits;
use crate::points::merchants::{FeeModeView, RateView};
use crate::points::{AssetInfo, PointsFlowError, reads};
use crate::views::{AmountView, ProvenAt};
use crate::wallets::WalletFacts;

/// Blocks after the proven height a swap may still execute (its deadline).
pub const SWAP_DEADLINE_BLOCKS: u64 = 60;

/// How long a quote may be confirmed after it was made (30 s); the
/// deadline height bounds it on chain.
pub const QUOTE_VALIDITY_MS: u64 = 30_000;

/// Default slippage tolerance: none. The swap names the rate version, whose
/// terms never change, so the chain pays exactly the quote or refuses.
pub const DEFAULT_SLIPPAGE_BPS: u32 = 0;

/// Largest slippage tolerance accepted (10 %).
pub const MAX_SLIPPAGE_BPS: u32 = 1_000;

/// Which way a swap goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum DirectionView {
    /// Points in, POINT out (at the merchant's bid).
    Sell,
    /// POINT in, points out (at the merchant's ask).
    Buy,
}

impl DirectionView {
    /// The protocol's direction.
    #[must_use]
    pub const fn direction(self) -> SwapDirection {
        match self {
            Self::Sell => SwapDirection::PointsToPoint,
            Self::Buy => SwapDirection::PointToPoints,
        }
    }

    /// The view of a protocol direction.
    #[must_use]
    pub const fn of(direction: SwapDirection) -> Self {
        match direction {
            SwapDirection::PointsToPoint => Self::Sell,
            SwapDirection::PointToPoints => Self::Buy,
        }
    }
}

/// What the person asks to swap, as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SwapRequest {
    /// The merchant: its number (`1`), asset id (`M1`) or symbol (`TEA`).
    pub merchant: String,
    /// Sell points for POINT, or buy points with POINT.
    pub direction: DirectionView,
    /// What to pay in, in the input asset's unit (points for a sell, POINT
    /// for a buy).
    pub amount: String,
    /// Slippage tolerance in basis points ([`DEFAULT_SLIPPAGE_BPS`] when
    /// absent).
    #[serde(default)]
    pub slippage_bps: Option<u32>,
    /// The network fee in POINT (the minimum when absent).
    #[serde(default)]
    pub fee: Option<String>,
    /// The receive address index that swaps.
    #[serde(default)]
    pub from_index: u32,
}

/// The cost of going there and back at the same rate version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RoundTripView {
    /// What swapping the output straight back would return (input asset).
    pub back: AmountView,
    /// What the round trip costs (input asset).
    pub cost: AmountView,
    /// The cost in basis points of what was paid in.
    pub cost_bps: u32,
}

/// Everything the person reviews before a swap.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SwapReview {
    /// Names exactly this swap.
    pub review_id: String,
    /// The swapping address.
    pub from: String,
    /// The merchant's points.
    pub merchant: AssetView,
    /// Sell or buy.
    pub direction: DirectionView,
    /// What is paid in.
    pub pay: AmountView,
    /// What the chain will pay out at this quote.
    pub receive: AmountView,
    /// The least the swap accepts (below it the chain refuses it).
    pub min_receive: AmountView,
    /// The slippage tolerance that gave `min_receive`.
    pub slippage_bps: u32,
    /// The rate version quoted (its source, limits and history).
    pub rate: RateView,
    /// `bid` for a sell, `ask` for a buy.
    pub side: String,
    /// POINT per whole point this swap gets, after fees (display only).
    pub effective_per_point: String,
    /// What `pay` would give at the merchant's mid price with no fee.
    pub at_mid: AmountView,
    /// `at_mid - receive`: the spread and fee against the mid.
    pub cost_vs_mid: AmountView,
    /// `cost_vs_mid` in basis points of `at_mid`.
    pub cost_vs_mid_bps: u32,
    /// Exchange fee to the platform (POINT; 0 in settlement mode).
    pub exchange_fee: AmountView,
    /// Fee mode of the rate.
    pub fee_mode: FeeModeView,
    /// The network fee (POINT).
    pub network_fee: AmountView,
    /// For a sell: what withdrawing the POINT received to fiat would cost
    /// (the alliance's withdrawal fee). None for a buy.
    pub withdrawal_fee: Option<AmountView>,
    /// Swapping the output straight back.
    pub round_trip: RoundTripView,
    /// The smallest amount this merchant converts this way.
    pub minimum: AmountView,
    /// The step amounts must be a multiple of.
    pub increment: AmountView,
    /// The merchant's proven deposit.
    pub deposit: AmountView,
    /// The proven balance of the input asset.
    pub balance_in: AmountView,
    /// The proven POINT balance (pays the network fee).
    pub point_balance: AmountView,
    /// The last height the swap may execute at.
    pub deadline: u64,
    /// The height the quote was proven at.
    pub quoted_height: u64,
    /// Unix ms the quote was made.
    pub quoted_at_ms: u64,
    /// Unix ms after which it can no longer be confirmed.
    pub expires_at_ms: u64,
    /// The transaction's nonce.
    pub nonce: u64,
    /// The chain it is signed for.
    pub chain_id: String,
    /// Where the merchant, rate and balances were proven.
    pub proven: ProvenAt,
}

fn bps_of(part: u128, whole: u128) -> u32 {
    if whole == 0 {
        return 0;
    }
    u32::try_from(part.saturating_mul(10_000) / whole).unwrap_or(u32::MAX)
}

/// Step 1: the swap the person asked for, checked with the chain's rules at
/// the proven state and quoted, with everything to review. The review can
/// be confirmed until `now_ms + QUOTE_VALIDITY_MS` (less 5 s).
///
/// # Errors
/// The chain's swap rules with amounts in the asset's unit
/// (`swap-below-minimum`, `swap-not-increment`, `points-insufficient-balance`,
/// `swap-deposit-insufficient`, `merchant-not-approved`, `swap-not-quoting`,
/// `swap-rate-expired`, ...), `decimal-amount-*`, `chain-fee-too-low`,
/// `chain-insufficient-balance` (POINT for the fee), light-client errors.
pub fn quote(
    reader: &ChainReader,
    facts: &WalletFacts,
    request: &SwapRequest,
    now_ms: u64,
) -> Result<PreparedAction, PointsFlowError> {
    if facts.network != reader.network() {
        return Err(ChainError::WrongNetwork {
            wallet: facts.network,
            session: reader.network(),
        }
        .into());
    }
    let slippage_bps = request.slippage_bps.unwrap_or(DEFAULT_SLIPPAGE_BPS);
    if slippage_bps > MAX_SLIPPAGE_BPS {
        return Err(PointsFlowError::SlippageTooLarge {
            bps: slippage_bps,
            max: MAX_SLIPPAGE_BPS,
        });
    }
    let fee = match request.fee.as_deref().map(str::trim) {
        Some(text) if !text.is_empty() => parse_points(text)?,
        _ => MIN_FEE,
    };
    let sender = facts.public_key(request.from_index)?;
    let address = sender.address();
    let (merchant, at) = reads::resolve_merchant(reader, &request.merchant)?;
    let points = AssetInfo::of_merchant(&merchant);
    let point = AssetInfo::point();
    let direction = request.direction.direction();
    let (input, output) = match direction {
        SwapDirection::PointsToPoint => (&points, &point),
        SwapDirection::PointToPoints => (&point, &points),
    };
    let amount_in = input.parse(&request.amount)?;
    let units = RuleUnits {
        points: Some(&points),
        direction: Some(direction),
    };
    let rule = |error| PointsFlowError::rule(error, &units);
    let rate = if merchant.rate_version == 0 {
        None
    } else {
        reads::rate(reader, merchant.id, merchant.rate_version)?.value
    };
    let point_balance = reads::balance(reader, &address, AssetId::Point)?.value;
    let points_balance = reads::balance(reader, &address, points.asset)?.value;
    let balance_in = match direction {
        SwapDirection::PointsToPoint => points_balance,
        SwapDirection::PointToPoints => point_balance.saturating_sub(fee),
    };
    // The block after the proven one is the earliest that can run it.
    let height = at.height.saturating_add(1);
    let deadline_limit = height.saturating_add(SWAP_DEADLINE_BLOCKS);
    let probe = Swap {
        merchant: merchant.id,
        direction,
        amount_in,
        min_out: 1,
        rate_version: merchant.rate_version.max(1),
        deadline: rate.as_ref().map_or(deadline_limit, |r| {
            deadline_limit.min(r.terms.valid_until.max(height))
        }),
    };
    let check = SwapCheck {
        merchant: &merchant,
        rate: rate.as_ref(),
        height,
        balance_in,
    };
    let quoted = check_swap(&check, &probe).map_err(rule)?;
    // check_swap passed, so the rate exists.
    let rate = rate.ok_or_else(|| {
        rule(jifen_protocol::points::PointsError::NotQuoting {
            merchant: merchant.id,
        })
    })?;
    let min_out = (quoted
        .amount_out
        .saturating_mul(u128::from(10_000 - slippage_bps))
        / 10_000)
        .max(1);
    let swap = Swap { min_out, ..probe };
    let spent_point = match direction {
        SwapDirection::PointsToPoint => 0,
        SwapDirection::PointToPoints => amount_in,
    };
    let plan = reader.plan_payload(sender, TxPayload::Swap(swap), fee, spent_point)?;
    let alliance = reads::alliance(reader)?.value;
    let review = SwapReview {
        review_id: review_id(&plan.unsigned),
        from: address.encode(facts.network),
        merchant: AssetView::of(&points),
        direction: request.direction,
        pay: input.amount(amount_in),
        receive: output.amount(quoted.amount_out),
        min_receive: output.amount(min_out),
        slippage_bps,
        rate: RateView::of(&rate, &points, merchant.rate_version, at.height),
        side: match direction {
            SwapDirection::PointsToPoint => "bid",
            SwapDirection::PointToPoints => "ask",
        }
        .to_owned(),
        effective_per_point: point_per_whole_point(
            quoted.effective.point,
            quoted.effective.points,
            points.decimals,
        ),
        at_mid: output.amount(quoted.at_mid),
        cost_vs_mid: output.amount(quoted.cost_vs_mid()),
        cost_vs_mid_bps: bps_of(quoted.cost_vs_mid(), quoted.at_mid),
        exchange_fee: point.amount(quoted.platform_fee),
        fee_mode: FeeModeView::of(rate.terms.fee_mode),
        network_fee: point.amount(fee),
        withdrawal_fee: withdrawal_cost(&alliance, direction, quoted.amount_out)
            .map(|fee| point.amount(fee)),
        round_trip: round_trip(&rate, &quoted, input)?,
        minimum: input.amount(rate.terms.limits(direction).0),
        increment: input.amount(rate.terms.limits(direction).1),
        deposit: point.amount(merchant.deposit),
        balance_in: input.amount(match direction {
            SwapDirection::PointsToPoint => points_balance,
            SwapDirection::PointToPoints => point_balance,
        }),
        point_balance: point.amount(point_balance),
        deadline: swap.deadline,
        quoted_height: at.height,
        quoted_at_ms: now_ms,
        expires_at_ms: now_ms.saturating_add(QUOTE_VALIDITY_MS),
        nonce: plan.unsigned.nonce,
        chain_id: plan.unsigned.chain_id.as_str().to_owned(),
        proven: ProvenAt {
            height: at.height,
            header_hash: at.header_hash.to_string(),
        },
    };
    Ok(PreparedAction {
        expires_at_ms: Some(review.expires_at_ms),
        unsigned: plan.unsigned,
        from_index: request.from_index,
        network: facts.network,
        review: ActionReview::Swap(Box::new(review)),
    })
}

/// What cashing out `out` POINT of a sell would cost.
fn withdrawal_cost(alliance: &AllianceParams, direction: SwapDirection, out: u128) -> Option<u128> {
    match direction {
        SwapDirection::PointsToPoint => withdrawal_fee(alliance, out).ok(),
        SwapDirection::PointToPoints => None,
    }
}

/// Swapping the output straight back at the same terms (limits ignored: it
/// measures the price, not whether the merchant would take it).
fn round_trip(
    rate: &RateRecord,
    quoted: &Quote,
    input: &AssetInfo,
) -> Result<RoundTripView, PointsFlowError> {
    let back_direction = match quoted.direction {
        SwapDirection::PointsToPoint => SwapDirection::PointToPoints,
        SwapDirection::PointToPoints => SwapDirection::PointsToPoint,
    };
    let back = quote_swap(&rate.terms, back_direction, quoted.amount_out)
        .map(|q| q.amount_out)
        .unwrap_or(0);
    let cost = quoted.amount_in.saturating_sub(back);
    Ok(RoundTripView {
        back: input.amount(back),
        cost: input.amount(cost),
        cost_bps: bps_of(cost, quoted.amount_in),
    })
}
