//! Use case: **see a merchant and its rate history, proven**: the record
//! (status, owner, deposit, points in circulation) and every rate version
//! it ever published (each one a proof: versions are kept forever,
//! `docs/adr/0013-points-swaps-and-history.md`).

use jifen_protocol::points::{FeeMode, MerchantRecord, RateRecord};
use jifen_protocol::{MerchantId, Network};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::asset::{AssetInfo, AssetView, point_per_whole_point};
use super::error::PointsFlowError;
use super::reads;
use crate::chain::ChainReader;
use crate::views::{AmountView, ProvenAt};

/// Most rate versions one call proves (newest first).
pub const MAX_RATE_HISTORY: u32 = 100;

/// A merchant's standing with the council.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum MerchantStatusView {
    /// Registered, waiting for the council.
    Proposed,
    /// Issues and converts points.
    Approved,
    /// Stopped by the council.
    Suspended,
}

/// Who pays for conversions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum FeeModeView {
    /// No fee to the consumer; the merchant settles off-chain.
    Settlement,
    /// The platform quotes both sides and keeps the spread.
    Spread,
}

impl FeeModeView {
    /// The view of a fee mode.
    #[must_use]
    pub const fn of(mode: FeeMode) -> Self {
        match mode {
            FeeMode::Settlement => Self::Settlement,
            FeeMode::Spread => Self::Spread,
        }
    }
}

/// One rate version as shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RateView {
    /// The version (1, 2, ...).
    pub version: u32,
    /// Height of the block that set it (0: genesis).
    pub set_at: u64,
    /// Last height swaps may use it.
    pub valid_until: u64,
    /// Whether it is past `valid_until` at the proven height.
    pub expired: bool,
    /// Whether it is the merchant's current version.
    pub current: bool,
    /// Fee mode.
    pub fee_mode: FeeModeView,
    /// Exchange fee charged, in basis points (0 in settlement mode).
    pub fee_bps: u32,
    /// POINT the deposit pays for one whole point (the bid), exact ratio
    /// shown to at most 12 decimals.
    pub bid_per_point: String,
    /// POINT the deposit asks for one whole point (the ask).
    pub ask_per_point: String,
    /// The ratio as stored: `bid/den` and `ask/den` POINT base units per
    /// points base unit.
    pub bid: String,
    /// See `bid`.
    pub ask: String,
    /// See `bid`.
    pub den: String,
    /// Smallest sell (points).
    pub sell_min: AmountView,
    /// Sell step (points).
    pub sell_increment: AmountView,
    /// Smallest buy (POINT).
    pub buy_min: AmountView,
    /// Buy step (POINT).
    pub buy_increment: AmountView,
}

impl RateView {
    /// The view of `rate` for `points` at `height`.
    #[must_use]
    pub fn of(rate: &RateRecord, points: &AssetInfo, current: u32, height: u64) -> Self {
        let terms = &rate.terms;
        let point = AssetInfo::point();
        Self {
            version: rate.version,
            set_at: rate.set_at,
            valid_until: terms.valid_until,
            expired: height > terms.valid_until,
            current: rate.version == current,
            fee_mode: FeeModeView::of(terms.fee_mode),
            fee_bps: u32::from(terms.effective_fee_bps()),
            bid_per_point: point_per_whole_point(
                terms.bid.into(),
                terms.den.into(),
                points.decimals,
            ),
            ask_per_point: point_per_whole_point(
                terms.ask.into(),
                terms.den.into(),
                points.decimals,
            ),
            bid: terms.bid.to_string(),
            ask: terms.ask.to_string(),
            den: terms.den.to_string(),
            sell_min: points.amount(terms.sell_min),
            sell_increment: points.amount(terms.sell_increment),
            buy_min: point.amount(terms.buy_min),
            buy_increment: point.amount(terms.buy_increment),
        }
    }
}

/// A merchant as shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MerchantView {
    /// Its points asset.
    pub asset: AssetView,
    /// Standing.
    pub status: MerchantStatusView,
    /// The owner's address.
    pub owner: String,
    /// The POINT deposit backing conversions.
    pub deposit: AmountView,
    /// Points in circulation.
    pub outstanding: AmountView,
    /// Height it was registered at (0: genesis).
    pub registered_at: u64,
    /// The current rate (none before the first).
    pub rate: Option<RateView>,
    /// Rate versions, newest first (at most [`MAX_RATE_HISTORY`]).
    pub rates: Vec<RateView>,
    /// Where it was proven.
    pub proven: ProvenAt,
}

fn view_of(
    record: &MerchantRecord,
    rates: Vec<RateView>,
    network: Network,
    proven: ProvenAt,
) -> MerchantView {
    let info = AssetInfo::of_merchant(record);
    MerchantView {
        asset: AssetView::of(&info),
        status: MerchantStatusView::of(record.status),
        owner: record.owner.encode(network),
        deposit: AssetInfo::point().amount(record.deposit),
        outstanding: info.amount(record.outstanding),
        registered_at: record.registered_at,
        rate: rates.iter().find(|r| r.current).cloned(),
        rates,
        proven,
    }
}

/// Merchant `id` with its last `history` rate versions (newest first; at most
/// [`MAX_RATE_HISTORY`]; 1 for the current one only), each proven.
///
/// # Errors
/// `merchant-unknown` when no such merchant is registered (proven),
/// light-client errors, [`PointsFlowError::RecordMalformed`].
pub fn merchant(
    reader: &ChainReader,
    id: MerchantId,
    history: u32,
) -> Result<MerchantView, PointsFlowError> {
    let (record, at) = reads::existing_merchant(reader, id)?;
    let info = AssetInfo::of_merchant(&record);
    let mut rates = Vec::new();
    let oldest = record
        .rate_version
        .saturating_sub(history.clamp(1, MAX_RATE_HISTORY))
        .saturating_add(1)
        .max(1);
    for version in (oldest..=record.rate_version).rev() {
        let proven = reads::rate(reader, id, version)?;
        if let Some(rate) = proven.value {
            rates.push(RateView::of(
                &rate,
                &info,
                record.rate_version,
                proven.height,
            ));
        }
    }
    Ok(view_of(
        &record,
        rates,
        reader.network(),
        ProvenAt {
            height: at.height,
            header_hash: at.header_hash.to_string(),
        },
    ))
}

/// Every registered merchant with its current rate, proven.
///
/// # Errors
/// As [`merchant`].
pub fn merchants(reader: &ChainReader) -> Result<Vec<MerchantView>, PointsFlowError> {
    let count = reads::merchant_count(reader)?;
    (1..=count.value)
        .filter_map(MerchantId::new)
        .map(|id| merchant(reader, id, 1))
        .collect()
}
