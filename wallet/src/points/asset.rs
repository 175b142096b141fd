//! What the wallet shows of an asset: POINT or one merchant's points, with
//! the symbol, name and decimals proven from the merchant's record.

use jifen_protocol::payment_request::DecimalAmount;
use jifen_protocol::points::MerchantRecord;
use jifen_protocol::{AssetId, MerchantId};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::error::PointsFlowError;
use crate::chain::amount::half_width;
use crate::chain::{POINT_DECIMALS, POINT_SYMBOL};
use crate::views::AmountView;

/// POINT's name as shown.
pub const POINT_NAME: &str = "POINT";

/// An asset as shown: its id, symbol, name and decimals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssetInfo {
    /// The asset.
    pub asset: AssetId,
    /// Symbol (`POINT`, `TEA`).
    pub symbol: String,
    /// Name (`POINT`, the merchant's name).
    pub name: String,
    /// Decimals.
    pub decimals: u8,
}

impl AssetInfo {
    /// POINT.
    #[must_use]
    pub fn point() -> Self {
        Self {
            asset: AssetId::Point,
            symbol: POINT_SYMBOL.to_owned(),
            name: POINT_NAME.to_owned(),
            decimals: u8::try_from(POINT_DECIMALS).unwrap_or(6),
        }
    }

    /// A merchant's points, as its record names them.
    #[must_use]
    pub fn of_merchant(record: &MerchantRecord) -> Self {
        Self {
            asset: record.asset(),
            symbol: record.symbol.clone(),
            name: record.name.clone(),
            decimals: record.decimals,
        }
    }

    /// The merchant, for a points asset.
    #[must_use]
    pub fn merchant(&self) -> Option<MerchantId> {
        self.asset.merchant()
    }

    /// `units` base units of this asset.
    #[must_use]
    pub fn amount(&self, units: u128) -> AmountView {
        AmountView {
            asset: self.symbol.clone(),
            units: units.to_string(),
            decimals: u32::from(self.decimals),
            text: format_units(units, self.decimals),
        }
    }

    /// `units` as `12.5 TEA`, for messages.
    #[must_use]
    pub fn text(&self, units: u128) -> String {
        format!("{} {}", format_units(units, self.decimals), self.symbol)
    }

    /// Parses an amount typed in this asset's unit (`12.5`; full-width digits
    /// and the full-width full stop accepted) into base units.
    ///
    /// # Errors
    /// [`PointsFlowError::Amount`]: malformed, more decimals than the asset
    /// has, too large, or zero.
    pub fn parse(&self, text: &str) -> Result<u128, PointsFlowError> {
        let normalized: String = text.trim().chars().map(half_width).collect();
        let amount =
            DecimalAmount::parse(&normalized).map_err(|source| PointsFlowError::Amount {
                text: text.trim().to_owned(),
                source,
            })?;
        let units =
            amount
                .to_base_units(self.decimals)
                .map_err(|source| PointsFlowError::Amount {
                    text: text.trim().to_owned(),
                    source,
                })?;
        if units == 0 {
            return Err(PointsFlowError::AmountZero);
        }
        Ok(units)
    }
}

/// The view of an asset in lists and reviews.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AssetView {
    /// `POINT` or `M<n>` (the asset's id as text, what `jifen:` URIs carry).
    pub id: String,
    /// The merchant's number (none for POINT).
    pub merchant: Option<u32>,
    /// Symbol.
    pub symbol: String,
    /// Name.
    pub name: String,
    /// Decimals.
    pub decimals: u32,
}

impl AssetView {
    /// The view of `info`.
    #[must_use]
    pub fn of(info: &AssetInfo) -> Self {
        Self {
            id: info.asset.to_string(),
            merchant: info.merchant().map(MerchantId::get),
            symbol: info.symbol.clone(),
            name: info.name.clone(),
            decimals: u32::from(info.decimals),
        }
    }
}

/// `point` POINT base units for `points` base units of a points asset with
/// `decimals` decimals, as POINT per whole point to at most 12 decimals
/// (display only: every amount moved is computed from exact ratios).
#[must_use]
pub fn point_per_whole_point(point: u128, points: u128, decimals: u8) -> String {
    const SHOWN: u8 = 12;
    if points == 0 {
        return "0".to_owned();
    }
    // point / 10^6 POINT per points / 10^decimals whole points, times 10^12.
    10u128
        .checked_pow(u32::from(decimals) + u32::from(SHOWN) - 6)
        .and_then(|scale| point.checked_mul(scale))
        .map_or_else(|| "?".to_owned(), |n| format_units(n / points, SHOWN))
}

/// Formats base units with `decimals` decimals, without trailing zeros
/// (`1250, 2` -> `12.5`; `7, 0` -> `7`).
#[must_use]
pub fn format_units(units: u128, decimals: u8) -> String {
    if decimals == 0 {
        return units.to_string();
    }
    let digits = format!("{units:0>width$}", width = usize::from(decimals) + 1);
    let (whole, fraction) = digits.split_at(digits.len() - usize::from(decimals));
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        whole.to_owned()
    } else {
        format!("{whole}.{fraction}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_any_decimals_exactly() {
        assert_eq!(format_units(1250, 2), "12.5");
        assert_eq!(format_units(7, 0), "7");
        assert_eq!(format_units(5, 4), "0.0005");
        assert_eq!(format_units(0, 6), "0");
        assert_eq!(
            format_units(u128::MAX, 18),
            "340282366920938463463.374607431768211455"
        );
    }

    #[test]
    fn parses_in_the_asset_unit_and_refuses_rounding() {
        let tea = AssetInfo {
            asset: AssetId::Points(MerchantId::new(1).unwrap()),
            symbol: "TEA".into(),
            name: "tea".into(),
            decimals: 0,
        };
        assert_eq!(tea.parse("１２").unwrap(), 12);
        assert_eq!(tea.parse("12.0").unwrap(), 12);
        assert_eq!(
            tea.parse("12.5").unwrap_err().code(),
            "decimal-amount-too-many-decimals"
        );
        assert_eq!(tea.parse("0").unwrap_err().code(), "decimal-amount-zero");
        assert_eq!(
            tea.parse("-1").unwrap_err().code(),
            "decimal-amount-negative"
        );
        assert_eq!(AssetInfo::point().parse("2.5").unwrap(), 2_500_000);
        assert_eq!(AssetInfo::point().text(2_500_000), "2.5 POINT");
    }
}
