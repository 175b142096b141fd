//! Points rules: decoders never panic and round-trip, the quote's rounding,
//! monotonicity and fee accounting, and the swap refusals in their order.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // test code: a panic is a failed test

mod common;

use common::points::*;
use jifen_protocol::points::quote::{mul_div_floor, mul_wide};
use jifen_protocol::points::{
    AllianceParams, CouncilVotes, FeeMode, MerchantRecord, MerchantStatus, PointSupply,
    PointsError, RateRecord, RateTerms, Swap, SwapCheck, SwapDirection, check_swap, quote,
    required_deposit,
};
use jifen_protocol::{Decode, Encode, Transaction, TxPayload};
use proptest::prelude::*;

fn decode_all(bytes: &[u8]) {
    for (_, payload) in payloads() {
        let _ = TxPayload::decode(payload.kind(), bytes);
    }
    let _ = MerchantRecord::decode(bytes);
    let _ = RateRecord::decode(bytes);
    let _ = RateTerms::decode(bytes);
    let _ = AllianceParams::decode(bytes);
    let _ = PointSupply::decode(bytes);
    let _ = CouncilVotes::decode(bytes);
    let _ = jifen_protocol::Account::decode(bytes);
    let _ = jifen_protocol::history::HistoryEntry::decode(bytes);
}

fn terms() -> impl Strategy<Value = RateTerms> {
    (
        1u64..=u64::MAX,
        0u64..1_000_000,
        1u64..=u64::MAX,
        any::<bool>(),
        1u16..=1_000,
        (
            1u128..1_000_000,
            1u128..1_000,
            1u128..1_000_000,
            1u128..1_000,
        ),
        1u64..,
    )
        .prop_map(|(bid, extra, den, spread, fee_bps, limits, valid_until)| {
            let (sell_k, sell_increment, buy_k, buy_increment) = limits;
            let (fee_mode, ask, fee_bps) = if spread {
                (FeeMode::Spread, bid, fee_bps)
            } else {
                (FeeMode::Settlement, bid.saturating_add(extra), 0)
            };
            RateTerms {
                bid,
                ask,
                den,
                fee_mode,
                fee_bps,
                sell_min: sell_k * sell_increment,
                sell_increment,
                buy_min: buy_k * buy_increment,
                buy_increment,
                valid_until,
            }
        })
}

/// Realistic prices: up to 10^12 POINT base units per 10^12 points base units.
fn small_terms() -> impl Strategy<Value = RateTerms> {
    (terms(), 1u64..1_000_000_000_000, 1u64..1_000_000_000_000).prop_map(|(t, bid, den)| {
        let ask = match t.fee_mode {
            FeeMode::Spread => bid,
            FeeMode::Settlement => bid.saturating_add(t.ask % 1_000_000),
        };
        RateTerms { bid, ask, den, ..t }
    })
}

fn direction() -> impl Strategy<Value = SwapDirection> {
    prop_oneof![
        Just(SwapDirection::PointsToPoint),
        Just(SwapDirection::PointToPoints)
    ]
}

/// `(numerator, denominator)` of the consumer's exact output per unit in.
fn exact_out(terms: &RateTerms, direction: SwapDirection) -> (u128, u128) {
    let keep = 10_000 - u128::from(terms.effective_fee_bps());
    let (bid, ask, den) = (
        u128::from(terms.bid),
        u128::from(terms.ask),
        u128::from(terms.den),
    );
    match direction {
        SwapDirection::PointsToPoint => (bid * keep, den * 10_000),
        SwapDirection::PointToPoints => (keep * den, 10_000 * ask),
    }
}

proptest! {
    #[test]
    fn decoders_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        decode_all(&bytes);
    }

    #[test]
    fn decoders_never_panic_on_mutated_encodings(
        index in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut encodings: Vec<Vec<u8>> = payloads().iter().map(|(_, p)| p.to_bytes()).collect();
        encodings.push(tea_record().encode());
        encodings.push(tea_rate_2().encode());
        encodings.push(alliance().encode());
        encodings.push(swap_tx().encode());
        for encoding in encodings {
            let mut mutated = encoding.clone();
            let at = index.index(mutated.len());
            mutated[at] = byte;
            decode_all(&mutated);
            let _ = Transaction::decode(&mutated);
            decode_all(&encoding[..cut.index(encoding.len())]);
        }
    }

    #[test]
    fn valid_terms_round_trip(terms in terms(), version in 1u32.., set_at in any::<u64>()) {
        prop_assert_eq!(terms.validate(), Ok(()));
        prop_assert_eq!(RateTerms::decode(&terms.encode()), Ok(terms));
        let record = RateRecord { merchant: tea(), version, terms, set_at };
        prop_assert_eq!(RateRecord::decode(&record.encode()), Ok(record));
    }

    #[test]
    fn swaps_round_trip(
        direction in direction(),
        amount_in in 1u128..,
        min_out in 1u128..,
        rate_version in 1u32..,
        deadline in any::<u64>(),
    ) {
        let swap = Swap { merchant: tea(), direction, amount_in, min_out, rate_version, deadline };
        prop_assert_eq!(swap.encode().len(), Swap::ENCODED_LEN);
        prop_assert_eq!(Swap::decode(&swap.encode()), Ok(swap));
    }

    /// The consumer never receives more than the exact value and loses less
    /// than one base unit of the output asset; the platform never gains from
    /// rounding; the deposit never pays more than the exact value at its
    /// bid, nor receives less than the exact value at its ask of what it
    /// mints; every base unit in goes somewhere.
    #[test]
    fn rounding_bound_and_fee_accounting(terms in terms(), direction in direction(), amount in 1u128..) {
        let Ok(q) = quote(&terms, direction, amount) else {
            // Only an output (or, for a sell, output plus fee) above
            // u128::MAX overflows.
            let (n, d) = exact_out(&terms, direction);
            let fee = mul_div_floor(
                amount,
                u128::from(terms.bid) * u128::from(terms.effective_fee_bps()),
                u128::from(terms.den) * 10_000,
            );
            let out = mul_div_floor(amount, n, d);
            prop_assert!(out.is_none() || out.zip(fee).and_then(|(o, f)| o.checked_add(f)).is_none());
            return Ok(());
        };
        let (n, d) = exact_out(&terms, direction);
        // out <= A * n / d < out + 1, on 256 bits.
        prop_assert!(mul_wide(q.amount_out, d) <= mul_wide(amount, n));
        if let Some(next) = q.amount_out.checked_add(1) {
            prop_assert!(mul_wide(next, d) > mul_wide(amount, n));
        }
        let f = u128::from(terms.effective_fee_bps());
        let (bid, ask, den) = (u128::from(terms.bid), u128::from(terms.ask), u128::from(terms.den));
        match direction {
            SwapDirection::PointsToPoint => {
                prop_assert_eq!(q.deposit_change, q.amount_out + q.platform_fee);
                // fee <= A * bid * f / (den * B)
                prop_assert!(mul_wide(q.platform_fee, den * 10_000) <= mul_wide(amount, bid * f));
                // deposit pays <= A * bid / den
                prop_assert!(mul_wide(q.deposit_change, den) <= mul_wide(amount, bid));
                prop_assert_eq!(q.effective.points, amount);
                prop_assert_eq!(q.effective.point, q.amount_out);
            }
            SwapDirection::PointToPoints => {
                prop_assert_eq!(q.deposit_change + q.platform_fee, amount);
                prop_assert!(mul_wide(q.platform_fee, 10_000) <= mul_wide(amount, f));
                // deposit receives >= out * ask / den
                prop_assert!(mul_wide(q.deposit_change, den) >= mul_wide(q.amount_out, ask));
                prop_assert_eq!(q.effective.point, amount);
                prop_assert_eq!(q.effective.points, q.amount_out);
            }
        }
        if terms.fee_mode == FeeMode::Settlement {
            prop_assert_eq!(q.platform_fee, 0);
        }
        prop_assert!(q.amount_out <= q.at_mid);
    }

    #[test]
    fn more_in_never_gives_less(terms in small_terms(), direction in direction(), a in 1u128..1u128 << 80, extra in 0u128..1u128 << 80) {
        let small = quote(&terms, direction, a).unwrap();
        let large = quote(&terms, direction, a + extra).unwrap();
        prop_assert!(large.amount_out >= small.amount_out);
        prop_assert!(large.platform_fee >= small.platform_fee);
        prop_assert!(large.deposit_change >= small.deposit_change);
    }
}

fn at<'a>(merchant: &'a MerchantRecord, rate: &'a RateRecord, balance: u128) -> SwapCheck<'a> {
    SwapCheck {
        merchant,
        rate: Some(rate),
        height: 50,
        balance_in: balance,
    }
}

fn sell(amount_in: u128, min_out: u128) -> Swap {
    Swap {
        merchant: tea(),
        direction: SwapDirection::PointsToPoint,
        amount_in,
        min_out,
        rate_version: 2,
        deadline: 100,
    }
}

#[test]
fn every_swap_refusal_has_its_code() {
    let merchant = tea_record();
    let rate = tea_rate_2();
    let ok = sell(1_250, 11_250_000);
    let q = check_swap(&at(&merchant, &rate, 2_000), &ok).unwrap();
    assert_eq!(q.amount_out, 11_250_000);

    let proposed = MerchantRecord {
        status: MerchantStatus::Proposed,
        ..merchant.clone()
    };
    let no_rate = MerchantRecord {
        rate_version: 0,
        ..merchant.clone()
    };
    let poor = MerchantRecord {
        deposit: 11_249_999,
        ..merchant.clone()
    };
    let expired = RateRecord {
        terms: RateTerms {
            valid_until: 49,
            ..rate.terms
        },
        ..rate
    };
    let cases: Vec<(SwapCheck<'_>, Swap, &str)> = vec![
        (at(&proposed, &rate, 2_000), ok, "merchant-not-approved"),
        (
            at(&merchant, &rate, 2_000),
            Swap { deadline: 49, ..ok },
            "swap-deadline-passed",
        ),
        (at(&no_rate, &rate, 2_000), ok, "swap-not-quoting"),
        (
            at(&merchant, &rate, 2_000),
            Swap {
                rate_version: 1,
                ..ok
            },
            "swap-rate-stale",
        ),
        (at(&merchant, &expired, 2_000), ok, "swap-rate-expired"),
        (
            at(&merchant, &rate, 2_000),
            sell(90, 1),
            "swap-below-minimum",
        ),
        (
            at(&merchant, &rate, 2_000),
            sell(1_255, 1),
            "swap-not-increment",
        ),
        (
            at(&merchant, &rate, 1_249),
            ok,
            "points-insufficient-balance",
        ),
        (
            at(&merchant, &rate, 2_000),
            sell(1_250, 11_250_001),
            "swap-below-min-out",
        ),
        (at(&poor, &rate, 2_000), ok, "swap-deposit-insufficient"),
        (
            at(&merchant, &rate, 2_000),
            Swap {
                merchant: jifen_protocol::MerchantId::new(9).unwrap(),
                ..ok
            },
            "merchant-unknown",
        ),
    ];
    for (check, swap, code) in cases {
        let err = check_swap(&check, &swap).unwrap_err();
        assert_eq!(err.code(), code, "{err}");
        assert!(err.points_code().is_some());
    }
    let buy = Swap {
        direction: SwapDirection::PointToPoints,
        amount_in: 2_000_000,
        min_out: 1,
        ..ok
    };
    let err = check_swap(&at(&merchant, &rate, 1_999_999), &buy).unwrap_err();
    assert_eq!(
        err,
        PointsError::PointInsufficient {
            needed: 2_000_000,
            available: 1_999_999
        }
    );
    assert_eq!(err.number(), 1006);
    let bought = check_swap(&at(&merchant, &rate, 2_000_000), &buy).unwrap();
    assert_eq!(bought.amount_out, 200);
}

#[test]
fn required_deposit_backs_a_share_of_the_points_at_the_bid() {
    let alliance = alliance();
    let merchant = tea_record();
    // 25,000 points at 0.009 POINT = 225 POINT; 10 % = 22.5 POINT, below the
    // 100 POINT minimum.
    assert_eq!(
        required_deposit(&alliance, &merchant, Some(&tea_terms())).unwrap(),
        100_000_000
    );
    let big = MerchantRecord {
        outstanding: 1_000_001,
        ..merchant
    };
    // 1,000,001 * 9,000 * 1,000 / 10,000 = 900,000,900 (exact).
    assert_eq!(
        required_deposit(&alliance, &big, Some(&tea_terms())).unwrap(),
        900_000_900
    );
    assert_eq!(
        required_deposit(&alliance, &big, None).unwrap(),
        100_000_000
    );
}
