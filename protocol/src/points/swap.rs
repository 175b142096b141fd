//! The swap rules in their order ([`check_swap`]): what the node checks at
//! submission and execution, and what the wallet checks before it signs.

use super::merchant::{MerchantRecord, MerchantStatus};
use super::quote::{Quote, quote};
use super::rate::{RateRecord, SwapDirection};
use super::rules::PointsError;
use super::tx::Swap;

/// What a swap is checked against: the state as the block that executes it
/// sees it.
#[derive(Debug, Clone, Copy)]
pub struct SwapCheck<'a> {
    /// The merchant's record.
    pub merchant: &'a MerchantRecord,
    /// The record of the merchant's current rate version (`None` if it has
    /// none).
    pub rate: Option<&'a RateRecord>,
    /// The height of the block that executes the swap.
    pub height: u64,
    /// The sender's balance of the input asset (its points for a sell, its
    /// POINT after the transaction fee for a buy).
    pub balance_in: u128,
}

/// Checks a swap in the order of `docs/protocol.md#swap` and quotes it.
///
/// # Errors
/// The first rule the swap breaks, as a [`PointsError`].
pub fn check_swap(at: &SwapCheck<'_>, swap: &Swap) -> Result<Quote, PointsError> {
    let merchant = at.merchant;
    if merchant.id != swap.merchant {
        return Err(PointsError::MerchantUnknown {
            merchant: swap.merchant.get(),
        });
    }
    if merchant.status != MerchantStatus::Approved {
        return Err(PointsError::NotApproved {
            merchant: merchant.id,
            status: merchant.status,
        });
    }
    if at.height > swap.deadline {
        return Err(PointsError::DeadlinePassed {
            deadline: swap.deadline,
            height: at.height,
        });
    }
    let rate = at
        .rate
        .filter(|rate| {
            merchant.rate_version != 0
                && rate.version == merchant.rate_version
                && rate.merchant == merchant.id
        })
        .ok_or(PointsError::NotQuoting {
            merchant: merchant.id,
        })?;
    if swap.rate_version != rate.version {
        return Err(PointsError::RateStale {
            accepted: swap.rate_version,
            current: rate.version,
        });
    }
    if at.height > rate.terms.valid_until {
        return Err(PointsError::RateExpired {
            valid_until: rate.terms.valid_until,
            height: at.height,
        });
    }
    let (minimum, increment) = rate.terms.limits(swap.direction);
    if swap.amount_in < minimum {
        return Err(PointsError::BelowMinimum {
            minimum,
            amount: swap.amount_in,
        });
    }
    if increment == 0 || !swap.amount_in.is_multiple_of(increment) {
        return Err(PointsError::NotIncrement {
            increment,
            amount: swap.amount_in,
        });
    }
    if at.balance_in < swap.amount_in {
        return Err(match swap.direction {
            SwapDirection::PointsToPoint => PointsError::PointsInsufficient {
                merchant: merchant.id,
                needed: swap.amount_in,
                available: at.balance_in,
            },
            SwapDirection::PointToPoints => PointsError::PointInsufficient {
                needed: swap.amount_in,
                available: at.balance_in,
            },
        });
    }
    let quote = quote(&rate.terms, swap.direction, swap.amount_in)?;
    if quote.amount_out < swap.min_out {
        return Err(PointsError::BelowMinOut {
            min_out: swap.min_out,
            out: quote.amount_out,
        });
    }
    match swap.direction {
        SwapDirection::PointsToPoint => {
            if merchant.deposit < quote.deposit_change {
                return Err(PointsError::DepositInsufficient {
                    needed: quote.deposit_change,
                    deposit: merchant.deposit,
                });
            }
        }
        SwapDirection::PointToPoints => {
            merchant
                .deposit
                .checked_add(quote.deposit_change)
                .ok_or(PointsError::Overflow { what: "deposit" })?;
            merchant
                .outstanding
                .checked_add(quote.amount_out)
                .ok_or(PointsError::Overflow {
                    what: "points outstanding",
                })?;
        }
    }
    Ok(quote)
}
