//! Use case: **see every asset held, each balance proven**: POINT and the
//! points of every registered merchant (`1 + count` state proofs, the
//! registry's count proven too, so no merchant can be hidden by a node).

use jifen_protocol::points::MerchantStatus;
use jifen_protocol::{Address, AssetId, MerchantId, Network};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::asset::{AssetInfo, AssetView};
use super::error::PointsFlowError;
use super::merchants::MerchantStatusView;
use super::reads;
use crate::chain::ChainReader;
use crate::views::{AmountView, ProvenAt};

/// One asset and its proven balance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HoldingView {
    /// The asset.
    pub asset: AssetView,
    /// The balance.
    pub balance: AmountView,
    /// Whether the balance is above zero.
    pub held: bool,
    /// The merchant's standing (none for POINT).
    pub status: Option<MerchantStatusView>,
    /// The merchant's current rate version (0: none; none for POINT).
    pub rate_version: Option<u32>,
    /// Where the balance was proven.
    pub proven: ProvenAt,
}

/// Every asset of one address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HoldingsView {
    /// The address.
    pub address: String,
    /// POINT first, then every merchant in number order.
    pub assets: Vec<HoldingView>,
    /// How many merchants are registered, and where that was proven.
    pub merchants: u32,
    /// Where the registry's count was proven.
    pub proven: ProvenAt,
}

/// `address`'s POINT and the points of every merchant, each proven at the
/// verified header (no sync; before the first one: `lc-no-trusted-state`).
///
/// # Errors
/// Light-client errors, [`PointsFlowError::RecordMalformed`].
pub fn holdings(
    reader: &ChainReader,
    address: &Address,
    network: Network,
) -> Result<HoldingsView, PointsFlowError> {
    let point = reads::balance(reader, address, AssetId::Point)?;
    let mut assets = vec![HoldingView {
        asset: AssetView::of(&AssetInfo::point()),
        balance: AssetInfo::point().amount(point.value),
        held: point.value > 0,
        status: None,
        rate_version: None,
        proven: ProvenAt::of(&point),
    }];
    let count = reads::merchant_count(reader)?;
    for n in 1..=count.value {
        let Some(id) = MerchantId::new(n) else {
            continue;
        };
        let (record, _) = reads::existing_merchant(reader, id)?;
        let info = AssetInfo::of_merchant(&record);
        let balance = reads::balance(reader, address, info.asset)?;
        assets.push(HoldingView {
            asset: AssetView::of(&info),
            balance: info.amount(balance.value),
            held: balance.value > 0,
            status: Some(MerchantStatusView::of(record.status)),
            rate_version: Some(record.rate_version),
            proven: ProvenAt::of(&balance),
        });
    }
    Ok(HoldingsView {
        address: address.encode(network),
        assets,
        merchants: count.value,
        proven: ProvenAt::of(&count),
    })
}

impl MerchantStatusView {
    /// The view of a record's status.
    #[must_use]
    pub const fn of(status: MerchantStatus) -> Self {
        match status {
            MerchantStatus::Proposed => Self::Proposed,
            MerchantStatus::Approved => Self::Approved,
            MerchantStatus::Suspended => Self::Suspended,
        }
    }
}
