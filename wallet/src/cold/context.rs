//! The context of a sign request made from a [`crate::action::PreparedAction`]: what the
//! cold device cannot know and must show, taken from the action's review
//! (the values the online wallet proved or computed), as
//! [`jifen_qr::SignContext`]. The device shows it as the online wallet's
//! claims and recomputes what it can (`review_lines`).

use jifen_protocol::points::FeeMode;
use jifen_protocol::{AssetId, MerchantId};
use jifen_qr::{AssetContext, SignContext, SwapContext, WithdrawalContext};

use crate::action::ActionReview;
use crate::cold::error::ColdError;
use crate::points::asset::AssetView;
use crate::points::merchants::FeeModeView;
use crate::views::AmountView;

fn unreadable(field: &'static str) -> ColdError {
    ColdError::ContextMismatch { field }
}

fn base_units(amount: &AmountView, field: &'static str) -> Result<u128, ColdError> {
    amount.units.parse().map_err(|_| unreadable(field))
}

fn integer(text: &str, field: &'static str) -> Result<u64, ColdError> {
    text.parse().map_err(|_| unreadable(field))
}

/// A merchant asset's context (POINT needs none: the device knows it).
fn asset_context(view: &AssetView) -> Result<Option<AssetContext>, ColdError> {
    let Some(merchant) = view.merchant.and_then(MerchantId::new) else {
        return Ok(None);
    };
    Ok(Some(AssetContext {
        asset: AssetId::Points(merchant),
        symbol: view.symbol.clone(),
        decimals: u8::try_from(view.decimals).map_err(|_| unreadable("asset decimals"))?,
        name: Some(view.name.clone()).filter(|n| !n.is_empty() && n != &view.symbol),
    }))
}

/// The context of an action's review; `None` when there is nothing the
/// device does not already know (a POINT payment).
///
/// # Errors
/// [`ColdError::ContextMismatch`] when the review's numbers do not parse
/// (a review this build did not make).
pub fn context_of(review: &ActionReview) -> Result<Option<SignContext>, ColdError> {
    let mut context = SignContext::default();
    match review {
        ActionReview::Swap(swap) => {
            context.assets.extend(asset_context(&swap.merchant)?);
            let rate = &swap.rate;
            context.swap = Some(SwapContext {
                quoted_out: base_units(&swap.receive, "quoted output")?,
                exchange_fee: base_units(&swap.exchange_fee, "exchange fee")?,
                bid: integer(&rate.bid, "rate bid")?,
                ask: integer(&rate.ask, "rate ask")?,
                den: integer(&rate.den, "rate denominator")?,
                fee_mode: match rate.fee_mode {
                    FeeModeView::Settlement => FeeMode::Settlement,
                    FeeModeView::Spread => FeeMode::Spread,
                },
                fee_bps: u16::try_from(rate.fee_bps).map_err(|_| unreadable("fee bps"))?,
                rate_version: rate.version,
                quote_expires_ms: swap.expires_at_ms,
            });
        }
        ActionReview::Pay(pay) => context.assets.extend(asset_context(&pay.asset)?),
        ActionReview::Withdraw(withdraw) => {
            context.withdrawal = Some(WithdrawalContext {
                fee: base_units(&withdraw.withdrawal_fee, "withdrawal fee")?,
                payout: base_units(&withdraw.payout, "payout")?,
            });
        }
        ActionReview::Merchant(merchant) => {
            context.assets.extend(asset_context(&merchant.merchant)?);
        }
        // The sale line names the item itself: nothing to add.
        ActionReview::Sale(_) => {}
    }
    Ok(Some(context).filter(|c| !c.is_empty()))
}
