//! The quote: what a swap of `amount_in` gives, integer-only and pure. The
//! node executes swaps with it and the wallet quotes with it, so they
//! cannot disagree (`docs/protocol.md#quote`).
//!
//! With `B = 10,000`, `f` the effective fee in bps (0 in settlement mode)
//! and `A = amount_in`:
//!
//! | | sell (points to POINT) | buy (POINT to points) |
//! |---|---|---|
//! | out | `floor(A * bid * (B - f) / (den * B))` POINT | `floor(A * (B - f) * den / (B * ask))` points |
//! | platform fee | `floor(A * bid * f / (den * B))` POINT | `floor(A * f / B)` POINT |
//! | deposit | pays `out + fee` | receives `A - fee` |
//! | points | `A` burned | `out` minted |
//!
//! Rounding: the consumer's output and the platform's fee are each rounded
//! down; the deposit takes the remainder. So the consumer never receives
//! more than the exact value (and loses less than one base unit of the
//! output asset), the platform never gains from rounding, and the
//! deposit never pays more than the exact value at its bid nor receives
//! less than the exact value at its ask of what it mints. Products are
//! computed on 256 bits, so only a result above `u128::MAX` overflows.

use super::BPS;
use super::alliance::AllianceParams;
use super::merchant::MerchantRecord;
use super::rate::{RateTerms, SwapDirection};
use super::rules::PointsError;

/// A price as a ratio: `point` POINT base units for `points` points base
/// units (both exact integers, never reduced by rounding).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Price {
    /// POINT base units.
    pub point: u128,
    /// Points base units.
    pub points: u128,
}

/// What a swap gives and where every base unit goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Quote {
    /// The direction.
    pub direction: SwapDirection,
    /// What the consumer pays in (points for a sell, POINT for a buy).
    pub amount_in: u128,
    /// What the consumer receives (POINT for a sell, points for a buy).
    pub amount_out: u128,
    /// POINT to the platform account: the exchange fee, which is the
    /// platform's spread in spread mode (0 in settlement mode).
    pub platform_fee: u128,
    /// POINT leaving the merchant's deposit (sell) or entering it (buy).
    pub deposit_change: u128,
    /// What `amount_in` would give at the merchant's mid price
    /// (`(bid + ask) / 2den`) with no fee, rounded down (and capped at
    /// `u128::MAX`: it is shown, never moved): the consumer's cost against
    /// the mid is `at_mid - amount_out`.
    pub at_mid: u128,
    /// The consumer's effective price: POINT out per points in (sell), or
    /// POINT in per points out (buy).
    pub effective: Price,
}

impl Quote {
    /// What the consumer gives up against the mid price, in output base
    /// units (the merchant's half-spread in settlement mode, the
    /// platform's spread plus rounding in spread mode).
    #[must_use]
    pub const fn cost_vs_mid(&self) -> u128 {
        self.at_mid.saturating_sub(self.amount_out)
    }

    /// Points burned (sell) or minted (buy).
    #[must_use]
    pub const fn points_moved(&self) -> u128 {
        match self.direction {
            SwapDirection::PointsToPoint => self.amount_in,
            SwapDirection::PointToPoints => self.amount_out,
        }
    }
}

/// Quotes a swap of `amount_in` against `terms` (pure arithmetic: limits,
/// deadlines and balances are [`super::check_swap`]'s).
///
/// # Errors
/// [`PointsError::Overflow`] when a result does not fit in `u128`.
pub fn quote(
    terms: &RateTerms,
    direction: SwapDirection,
    amount_in: u128,
) -> Result<Quote, PointsError> {
    let overflow = |what| PointsError::Overflow { what };
    let f = u128::from(terms.effective_fee_bps());
    let keep = BPS - f; // f <= 1,000 by RateTerms::validate
    let (bid, ask, den) = (
        u128::from(terms.bid),
        u128::from(terms.ask),
        u128::from(terms.den),
    );
    // bid, ask, den < 2^64 and B < 2^14: these products never overflow.
    let mid_num = bid + ask;
    let quote = match direction {
        SwapDirection::PointsToPoint => {
            let out = mul_div_floor(amount_in, bid * keep, den * BPS)
                .ok_or_else(|| overflow("swap output"))?;
            let fee = mul_div_floor(amount_in, bid * f, den * BPS)
                .ok_or_else(|| overflow("platform fee"))?;
            Quote {
                direction,
                amount_in,
                amount_out: out,
                platform_fee: fee,
                deposit_change: out.checked_add(fee).ok_or_else(|| overflow("deposit"))?,
                at_mid: mul_div_floor(amount_in, mid_num, 2 * den).unwrap_or(u128::MAX),
                effective: Price {
                    point: out,
                    points: amount_in,
                },
            }
        }
        SwapDirection::PointToPoints => {
            let out = mul_div_floor(amount_in, keep * den, BPS * ask)
                .ok_or_else(|| overflow("swap output"))?;
            let fee = mul_div_floor(amount_in, f, BPS).ok_or_else(|| overflow("platform fee"))?;
            Quote {
                direction,
                amount_in,
                amount_out: out,
                platform_fee: fee,
                // fee <= amount_in: f <= B.
                deposit_change: amount_in - fee,
                at_mid: mul_div_floor(amount_in, 2 * den, mid_num).unwrap_or(u128::MAX),
                effective: Price {
                    point: amount_in,
                    points: out,
                },
            }
        }
    };
    Ok(quote)
}

/// The least deposit `merchant` must keep when withdrawing from it:
/// `max(min_deposit, ceil(outstanding * bid * reserve_bps / (den * 10,000)))`
/// with the current rate's bid (only `min_deposit` without a rate). The
/// deposit backs `reserve_bps` of the value of the points in circulation at
/// the bid; swaps may still use all of it.
///
/// # Errors
/// [`PointsError::Overflow`].
pub fn required_deposit(
    alliance: &AllianceParams,
    merchant: &MerchantRecord,
    rate: Option<&RateTerms>,
) -> Result<u128, PointsError> {
    let reserve = match rate {
        None => 0,
        Some(terms) => mul_div_ceil(
            merchant.outstanding,
            u128::from(terms.bid) * u128::from(alliance.deposit_reserve_bps),
            u128::from(terms.den) * BPS,
        )
        .ok_or(PointsError::Overflow {
            what: "required deposit",
        })?,
    };
    Ok(reserve.max(alliance.min_deposit))
}

/// `a * b` as a 256-bit `(high, low)` pair.
#[must_use]
pub const fn mul_wide(a: u128, b: u128) -> (u128, u128) {
    const MASK: u128 = u64::MAX as u128;
    let (a1, a0) = (a >> 64, a & MASK);
    let (b1, b0) = (b >> 64, b & MASK);
    let p00 = a0 * b0;
    let p01 = a0 * b1;
    let p10 = a1 * b0;
    let p11 = a1 * b1;
    // Each term is below 2^64, so the sum is below 3 * 2^64.
    let mid = (p00 >> 64) + (p01 & MASK) + (p10 & MASK);
    let low = (p00 & MASK) | (mid << 64);
    let high = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    (high, low)
}

/// `(high * 2^128 + low) / d` and the remainder, or `None` when `d = 0` or
/// the quotient does not fit in `u128` (`high >= d`).
#[must_use]
pub const fn div_wide(high: u128, low: u128, d: u128) -> Option<(u128, u128)> {
    if d == 0 || high >= d {
        return None;
    }
    // Restoring long division, one bit of `low` at a time; `rem < d` holds
    // before every step, and a carry out of the shift means `rem >= 2^128 > d`.
    let mut rem = high;
    let mut quotient = 0u128;
    let mut bit = 128;
    while bit > 0 {
        bit -= 1;
        let carry = rem >> 127;
        rem = (rem << 1) | ((low >> bit) & 1);
        quotient <<= 1;
        if carry == 1 || rem >= d {
            rem = rem.wrapping_sub(d);
            quotient |= 1;
        }
    }
    Some((quotient, rem))
}

/// `floor(a * b / d)`, exact on 256 bits; `None` when `d = 0` or the result
/// exceeds `u128::MAX`.
#[must_use]
pub const fn mul_div_floor(a: u128, b: u128, d: u128) -> Option<u128> {
    let (high, low) = mul_wide(a, b);
    match div_wide(high, low, d) {
        Some((quotient, _)) => Some(quotient),
        None => None,
    }
}

/// `ceil(a * b / d)`, exact on 256 bits; `None` when `d = 0` or the result
/// exceeds `u128::MAX`.
#[must_use]
pub const fn mul_div_ceil(a: u128, b: u128, d: u128) -> Option<u128> {
    let (high, low) = mul_wide(a, b);
    match div_wide(high, low, d) {
        Some((quotient, 0)) => Some(quotient),
        Some((quotient, _)) => quotient.checked_add(1),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::points::rate::FeeMode;
    use proptest::prelude::*;

    fn terms(fee_mode: FeeMode, bid: u64, ask: u64, den: u64, fee_bps: u16) -> RateTerms {
        RateTerms {
            bid,
            ask,
            den,
            fee_mode,
            fee_bps,
            sell_min: 1,
            sell_increment: 1,
            buy_min: 1,
            buy_increment: 1,
            valid_until: 100,
        }
    }

    #[test]
    fn worked_examples_of_the_spec() {
        // Settlement: bid 0.009 POINT, ask 0.010 POINT per point (0 decimals).
        let settle = terms(FeeMode::Settlement, 9_000, 10_000, 1, 0);
        let sell = quote(&settle, SwapDirection::PointsToPoint, 1_250).unwrap();
        assert_eq!(sell.amount_out, 11_250_000);
        assert_eq!(sell.platform_fee, 0);
        assert_eq!(sell.deposit_change, 11_250_000);
        assert_eq!(sell.at_mid, 11_875_000);
        let buy = quote(&settle, SwapDirection::PointToPoints, 12_345_678).unwrap();
        assert_eq!(buy.amount_out, 1_234);
        assert_eq!(buy.deposit_change, 12_345_678);
        // Spread: mid 500 POINT base units per 1 points base unit (2 decimals:
        // 1.00 point = 0.05 POINT), fee 50 bps.
        let spread = terms(FeeMode::Spread, 500, 500, 1, 50);
        let sell = quote(&spread, SwapDirection::PointsToPoint, 10_000).unwrap();
        assert_eq!(sell.amount_out, 4_975_000);
        assert_eq!(sell.platform_fee, 25_000);
        assert_eq!(sell.deposit_change, 5_000_000);
        let buy = quote(&spread, SwapDirection::PointToPoints, 1_000_001).unwrap();
        assert_eq!(buy.platform_fee, 5_000);
        assert_eq!(buy.amount_out, 1_990);
        assert_eq!(buy.deposit_change, 995_001);
    }

    #[test]
    fn wide_division_matches_narrow_and_handles_256_bits() {
        assert_eq!(mul_div_floor(7, 9, 4), Some(15));
        assert_eq!(mul_div_ceil(7, 9, 4), Some(16));
        assert_eq!(mul_div_ceil(8, 2, 4), Some(4));
        assert_eq!(mul_div_floor(1, 1, 0), None);
        assert_eq!(
            mul_div_floor(u128::MAX, u128::MAX, u128::MAX),
            Some(u128::MAX)
        );
        assert_eq!(mul_div_floor(u128::MAX, 2, 1), None);
        assert_eq!(
            mul_div_ceil(u128::MAX, u128::MAX, u128::MAX),
            Some(u128::MAX)
        );
        assert_eq!(mul_wide(u128::MAX, u128::MAX), (u128::MAX - 1, 1));
    }

    proptest! {
        #[test]
        fn wide_math_agrees_with_u128_when_it_fits(a in any::<u64>(), b in any::<u64>(), d in 1u128..u128::MAX) {
            let (a, b) = (u128::from(a), u128::from(b));
            prop_assert_eq!(mul_div_floor(a, b, d), Some(a * b / d));
            prop_assert_eq!(mul_div_ceil(a, b, d), Some((a * b).div_ceil(d)));
        }

        #[test]
        fn wide_division_inverts_multiplication(a in any::<u128>(), b in 1u128.., d in 1u128..) {
            // (a * b) / b == a whenever nothing overflows.
            prop_assert_eq!(mul_div_floor(a, b, b), Some(a));
            if let Some(q) = mul_div_floor(a, b, d) {
                // q * d <= a * b < (q + 1) * d, on 256 bits.
                let (qh, ql) = mul_wide(q, d);
                let (ph, pl) = mul_wide(a, b);
                prop_assert!((qh, ql) <= (ph, pl));
                if let Some(next) = q.checked_add(1) {
                    prop_assert!(mul_wide(next, d) > (ph, pl));
                }
            }
        }
    }
}
