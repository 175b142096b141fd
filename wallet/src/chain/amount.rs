//! POINT amounts: decimal text as people type it <-> `u128` base units.
//!
//! POINT has [`POINT_DECIMALS`] decimals (`1 POINT = 1_000_000` base units,
//! `docs/protocol.md`). Parsing is exact integer arithmetic; no floating point
//! touches money.

use super::error::ChainError;

/// Decimals of POINT.
pub const POINT_DECIMALS: u32 = 6;

/// Base units in one POINT.
pub const BASE_UNITS_PER_POINT: u128 = 1_000_000;

/// The unit's symbol as shown next to amounts.
pub const POINT_SYMBOL: &str = "POINT";

/// Parses a decimal POINT amount (`2.5`, `0.001`, `1000`) into base units.
///
/// Full-width digits and the full-width full stop (`２．５`, as typed with a
/// Chinese input method) are accepted; signs, exponents, thousands
/// separators and inner spaces are not.
///
/// # Errors
/// [`ChainError::AmountMalformed`], [`ChainError::AmountTooManyDecimals`],
/// [`ChainError::AmountOverflow`], [`ChainError::AmountZero`].
pub fn parse_points(text: &str) -> Result<u128, ChainError> {
    let normalized: String = text.trim().chars().map(half_width).collect();
    let malformed = || ChainError::AmountMalformed {
        text: text.trim().to_owned(),
    };
    let (whole, fraction) = match normalized.split_once('.') {
        Some((whole, fraction)) => (whole, fraction),
        None => (normalized.as_str(), ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !all_digits(whole) || !all_digits(fraction) {
        return Err(malformed());
    }
    let significant = fraction.trim_end_matches('0');
    if significant.len() > POINT_DECIMALS as usize {
        return Err(ChainError::AmountTooManyDecimals {
            text: text.trim().to_owned(),
            max: POINT_DECIMALS,
        });
    }
    let mut units: u128 = 0;
    for digit in whole.bytes() {
        units = units
            .checked_mul(10)
            .and_then(|u| u.checked_add(u128::from(digit - b'0')))
            .ok_or(ChainError::AmountOverflow)?;
    }
    units = units
        .checked_mul(BASE_UNITS_PER_POINT)
        .ok_or(ChainError::AmountOverflow)?;
    let mut scale = BASE_UNITS_PER_POINT;
    for digit in significant.bytes() {
        scale /= 10;
        units = units
            .checked_add(u128::from(digit - b'0') * scale)
            .ok_or(ChainError::AmountOverflow)?;
    }
    if units == 0 {
        return Err(ChainError::AmountZero);
    }
    Ok(units)
}

/// Formats base units as a decimal POINT amount without trailing zeros
/// (`2500000` -> `2.5`, `1000` -> `0.001`, `0` -> `0`).
#[must_use]
pub fn format_points(units: u128) -> String {
    let whole = units / BASE_UNITS_PER_POINT;
    let fraction = units % BASE_UNITS_PER_POINT;
    if fraction == 0 {
        return whole.to_string();
    }
    let digits = format!("{fraction:06}");
    format!("{whole}.{}", digits.trim_end_matches('0'))
}

/// Full-width digits and full stop (typed with a Chinese input method) as
/// ASCII.
pub(crate) fn half_width(c: char) -> char {
    match c {
        '０'..='９' => {
            char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
        }
        '．' | '。' => '.',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]

    use super::*;

    #[test]
    fn parses_decimal_amounts_exactly() {
        let cases: [(&str, u128); 10] = [
            ("2.5", 2_500_000),
            ("1", 1_000_000),
            ("0.001", 1_000),
            ("0.000001", 1),
            (".5", 500_000),
            ("7.", 7_000_000),
            ("  3.250000 ", 3_250_000),
            ("２．５", 2_500_000),
            ("1.1000000000", 1_100_000),
            ("1000000000", 1_000_000_000_000_000),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_points(text).unwrap(), expected, "{text}");
        }
    }

    #[test]
    fn refuses_impossible_amounts_with_specific_errors() {
        let cases: [(&str, &str); 13] = [
            ("0", "chain-amount-zero"),
            ("0.000000", "chain-amount-zero"),
            ("0.0000001", "chain-amount-too-many-decimals"),
            ("1.1234567", "chain-amount-too-many-decimals"),
            ("", "chain-amount-malformed"),
            (".", "chain-amount-malformed"),
            ("-1", "chain-amount-malformed"),
            ("1e6", "chain-amount-malformed"),
            ("1,000", "chain-amount-malformed"),
            ("1.2.3", "chain-amount-malformed"),
            ("1 000", "chain-amount-malformed"),
            ("abc", "chain-amount-malformed"),
            (
                "340282366920938463463374607431768211456",
                "chain-amount-overflow",
            ),
        ];
        for (text, code) in cases {
            assert_eq!(parse_points(text).unwrap_err().code(), code, "{text:?}");
        }
        // The largest whole number of POINT that fits, and one more.
        let max_points = u128::MAX / BASE_UNITS_PER_POINT;
        assert!(parse_points(&max_points.to_string()).is_ok());
        assert_eq!(
            parse_points(&(max_points + 1).to_string())
                .unwrap_err()
                .code(),
            "chain-amount-overflow"
        );
    }

    #[test]
    fn formats_without_trailing_zeros_and_round_trips() {
        assert_eq!(format_points(0), "0");
        assert_eq!(format_points(1), "0.000001");
        assert_eq!(format_points(2_500_000), "2.5");
        assert_eq!(format_points(1_000_000_000_000_000), "1000000000");
        for units in [1u128, 999, 1_000, 123_456_789, u128::MAX] {
            assert_eq!(parse_points(&format_points(units)).unwrap(), units);
        }
    }
}
