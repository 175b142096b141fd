//! Exact decimal amounts in an asset's unit, as written in a payment request
//! (`12.5` POINT), and their conversion to base units with the asset's
//! decimals. Integer arithmetic only: a value is a `u128` mantissa and a
//! scale, never a float, and a conversion that would need rounding is
//! refused.

use core::fmt;

use crate::asset::MAX_POINTS_DECIMALS;

/// A positive decimal amount in an asset's unit, held exactly and in lowest
/// terms: `12.50` and `12.5` are the same value, written `12.5`.
///
/// ```
/// use jifen_protocol::payment_request::DecimalAmount;
///
/// let amount = DecimalAmount::parse("12.50")?;
/// assert_eq!(amount.to_string(), "12.5");
/// assert_eq!(amount.to_base_units(6)?, 12_500_000); // POINT has 6 decimals
/// assert_eq!(amount.to_base_units(0).unwrap_err().code(), "decimal-amount-too-many-decimals");
/// assert_eq!(DecimalAmount::from_base_units(12_500_000, 6)?, amount);
/// # Ok::<(), jifen_protocol::payment_request::DecimalAmountError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DecimalAmount {
    /// Every significant digit; never 0.
    mantissa: u128,
    /// Digits after the point (at most [`MAX_POINTS_DECIMALS`]); when
    /// non-zero, `mantissa` does not end in 0.
    scale: u8,
}

impl DecimalAmount {
    /// Parses the strict text form: `whole [ "." fraction ]` where `whole`
    /// is `0` or digits without a leading zero and `fraction` is one or more
    /// digits. Trailing zeros of the fraction are accepted and dropped.
    /// No sign, exponent, separator, space or non-ASCII digit.
    ///
    /// # Errors
    /// In the order checked: [`DecimalAmountError::Negative`],
    /// [`DecimalAmountError::PlusSign`], [`DecimalAmountError::Whitespace`],
    /// [`DecimalAmountError::Exponent`], [`DecimalAmountError::Malformed`],
    /// [`DecimalAmountError::TooManyDecimals`] (more than 18 significant
    /// decimals), [`DecimalAmountError::Overflow`] (more than a `u128` of
    /// significant digits), [`DecimalAmountError::Zero`].
    pub fn parse(text: &str) -> Result<Self, DecimalAmountError> {
        let given = || bounded(text);
        if text.starts_with('-') {
            return Err(DecimalAmountError::Negative { given: given() });
        }
        if text.starts_with('+') {
            return Err(DecimalAmountError::PlusSign { given: given() });
        }
        if text.chars().any(char::is_whitespace) || has_encoded_whitespace(text) {
            return Err(DecimalAmountError::Whitespace { given: given() });
        }
        if is_exponent_form(text) {
            return Err(DecimalAmountError::Exponent { given: given() });
        }
        let (whole, fraction) = match text.split_once('.') {
            Some((whole, fraction)) => (whole, Some(fraction)),
            None => (text, None),
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let leading_zero = whole.len() > 1 && whole.starts_with('0');
        if !digits(whole) || leading_zero || fraction.is_some_and(|f| !digits(f)) {
            return Err(DecimalAmountError::Malformed { given: given() });
        }
        let significant = fraction.unwrap_or("").trim_end_matches('0');
        let scale = u8::try_from(significant.len())
            .ok()
            .filter(|scale| *scale <= MAX_POINTS_DECIMALS)
            .ok_or_else(|| DecimalAmountError::TooManyDecimals {
                given: given(),
                max: MAX_POINTS_DECIMALS,
                got: significant.len(),
            })?;
        let mut mantissa: u128 = 0;
        for digit in whole.bytes().chain(significant.bytes()) {
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(u128::from(digit - b'0')))
                .ok_or_else(|| DecimalAmountError::Overflow { given: given() })?;
        }
        if mantissa == 0 {
            return Err(DecimalAmountError::Zero);
        }
        Ok(Self { mantissa, scale })
    }

    /// The amount of `units` base units of an asset with `decimals` decimals.
    ///
    /// # Errors
    /// [`DecimalAmountError::Zero`] for 0 units;
    /// [`DecimalAmountError::TooManyDecimals`] above 18 decimals.
    pub fn from_base_units(units: u128, decimals: u8) -> Result<Self, DecimalAmountError> {
        if units == 0 {
            return Err(DecimalAmountError::Zero);
        }
        if decimals > MAX_POINTS_DECIMALS {
            return Err(DecimalAmountError::TooManyDecimals {
                given: units.to_string(),
                max: MAX_POINTS_DECIMALS,
                got: usize::from(decimals),
            });
        }
        let (mut mantissa, mut scale) = (units, decimals);
        while scale > 0 && mantissa % 10 == 0 {
            mantissa /= 10;
            scale -= 1;
        }
        Ok(Self { mantissa, scale })
    }

    /// The amount in base units of an asset with `decimals` decimals
    /// (`12.5` with 6 decimals is `12_500_000`). Never rounds.
    ///
    /// # Errors
    /// [`DecimalAmountError::TooManyDecimals`] when the amount has more
    /// significant decimals than the asset (it would need rounding);
    /// [`DecimalAmountError::Overflow`] when the result exceeds a `u128`.
    pub fn to_base_units(&self, decimals: u8) -> Result<u128, DecimalAmountError> {
        let shift = decimals.checked_sub(self.scale).ok_or_else(|| {
            DecimalAmountError::TooManyDecimals {
                given: self.to_string(),
                max: decimals,
                got: usize::from(self.scale),
            }
        })?;
        10u128
            .checked_pow(u32::from(shift))
            .and_then(|factor| self.mantissa.checked_mul(factor))
            .ok_or_else(|| DecimalAmountError::Overflow {
                given: self.to_string(),
            })
    }

    /// Significant decimals (`12.5` has 1, `12` has 0).
    #[must_use]
    pub const fn scale(&self) -> u8 {
        self.scale
    }

    /// Every significant digit as an integer (`12.5` gives 125).
    #[must_use]
    pub const fn mantissa(&self) -> u128 {
        self.mantissa
    }
}

impl fmt::Display for DecimalAmount {
    /// The canonical text: no leading zeros (except a single `0` before the
    /// point), no trailing zeros after it, no point without decimals.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.mantissa.to_string();
        let scale = usize::from(self.scale);
        if scale == 0 {
            return f.write_str(&digits);
        }
        match digits.len().checked_sub(scale) {
            Some(0) | None => {
                let zeros = scale.saturating_sub(digits.len());
                write!(f, "0.{}{digits}", "0".repeat(zeros))
            }
            Some(point) => {
                let (whole, fraction) = digits.split_at(point);
                write!(f, "{whole}.{fraction}")
            }
        }
    }
}

impl core::str::FromStr for DecimalAmount {
    type Err = DecimalAmountError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// At most 64 characters of `text`, for error messages.
fn bounded(text: &str) -> String {
    text.chars().take(64).collect()
}

/// `%20`, `%09`, `%0A`, `%0B`, `%0C` or `%0D` in either case: spaces a
/// URI can only carry percent-encoded.
fn has_encoded_whitespace(text: &str) -> bool {
    let upper = text.to_ascii_uppercase();
    ["%20", "%09", "%0A", "%0B", "%0C", "%0D"]
        .iter()
        .any(|escape| upper.contains(escape))
}

/// `1e6`, `2.5E-3`, `1e+2`: scientific notation, which EIP-681 allows and
/// this format does not (one way to write a value).
fn is_exponent_form(text: &str) -> bool {
    let Some(split) = text.find(['e', 'E']) else {
        return false;
    };
    let (mantissa, exponent) = (text.get(..split), text.get(split + 1..));
    let (Some(mantissa), Some(exponent)) = (mantissa, exponent) else {
        return false;
    };
    let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
    let mantissa_ok = mantissa.bytes().any(|b| b.is_ascii_digit())
        && mantissa.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    mantissa_ok && !exponent.is_empty() && exponent.bytes().all(|b| b.is_ascii_digit())
}

/// Why a text is not a positive decimal amount, or cannot be converted to
/// base units without rounding.
///
/// Codes: `decimal-amount-malformed`, `decimal-amount-negative`,
/// `decimal-amount-plus-sign`, `decimal-amount-whitespace`,
/// `decimal-amount-exponent`, `decimal-amount-zero`,
/// `decimal-amount-too-many-decimals`, `decimal-amount-overflow`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecimalAmountError {
    /// Not digits with at most one point: empty, `.5`, `5.`, `1.2.3`,
    /// `1,000`, `012`, `0x10`, letters.
    #[error("{given:?} is not an amount: write digits with at most one '.' (for example 12.5)")]
    Malformed {
        /// The text (at most 64 characters).
        given: String,
    },
    /// A minus sign.
    #[error("amount {given:?} is negative")]
    Negative {
        /// The text (at most 64 characters).
        given: String,
    },
    /// A leading `+` (also what `application/x-www-form-urlencoded` makes
    /// of a space).
    #[error("amount {given:?} has a '+' sign")]
    PlusSign {
        /// The text (at most 64 characters).
        given: String,
    },
    /// A space, tab or line break, raw or percent-encoded.
    #[error("amount {given:?} contains whitespace")]
    Whitespace {
        /// The text (at most 64 characters).
        given: String,
    },
    /// Scientific notation (`1e6`).
    #[error("amount {given:?} uses an exponent; write every digit")]
    Exponent {
        /// The text (at most 64 characters).
        given: String,
    },
    /// The value 0 (a request without an amount lets the payer choose).
    #[error("amount is zero")]
    Zero,
    /// More significant decimals than allowed: than the asset has when
    /// converting, or than any asset may have (18) when parsing.
    #[error("amount {given:?} has {got} decimals, at most {max} allowed")]
    TooManyDecimals {
        /// The amount (at most 64 characters).
        given: String,
        /// Decimals allowed.
        max: u8,
        /// Significant decimals found.
        got: usize,
    },
    /// The value does not fit a `u128` (in significant digits, or in base
    /// units).
    #[error("amount {given:?} is too large")]
    Overflow {
        /// The amount (at most 64 characters).
        given: String,
    },
}

impl DecimalAmountError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Malformed { .. } => "decimal-amount-malformed",
            Self::Negative { .. } => "decimal-amount-negative",
            Self::PlusSign { .. } => "decimal-amount-plus-sign",
            Self::Whitespace { .. } => "decimal-amount-whitespace",
            Self::Exponent { .. } => "decimal-amount-exponent",
            Self::Zero => "decimal-amount-zero",
            Self::TooManyDecimals { .. } => "decimal-amount-too-many-decimals",
            Self::Overflow { .. } => "decimal-amount-overflow",
        }
    }
}

impl crate::message::Coded for DecimalAmountError {
    fn code(&self) -> &'static str {
        DecimalAmountError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, crate::message::Arg)> {
        match self {
            DecimalAmountError::Malformed { given }
            | DecimalAmountError::Negative { given }
            | DecimalAmountError::PlusSign { given }
            | DecimalAmountError::Whitespace { given }
            | DecimalAmountError::Exponent { given }
            | DecimalAmountError::Overflow { given } => vec![("given", given.into())],
            DecimalAmountError::Zero => Vec::new(),
            DecimalAmountError::TooManyDecimals { given, max, got } => vec![
                ("given", given.into()),
                ("max", (*max).into()),
                ("got", (*got).into()),
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn parses_exactly_and_writes_canonically() {
        for (text, mantissa, scale, canonical) in [
            ("12.5", 125, 1, "12.5"),
            ("12.50", 125, 1, "12.5"),
            ("12.0", 12, 0, "12"),
            ("100", 100, 0, "100"),
            ("0.000001", 1, 6, "0.000001"),
            ("0.10", 1, 1, "0.1"),
            ("1.000000000000000000000000", 1, 0, "1"),
            ("0.000000000000000001", 1, 18, "0.000000000000000001"),
            (
                "340282366920938463463374607431768211455",
                u128::MAX,
                0,
                "340282366920938463463374607431768211455",
            ),
        ] {
            let amount = DecimalAmount::parse(text).unwrap();
            assert_eq!(
                (amount.mantissa(), amount.scale()),
                (mantissa, scale),
                "{text}"
            );
            assert_eq!(amount.to_string(), canonical);
            assert_eq!(DecimalAmount::parse(canonical).unwrap(), amount);
        }
    }

    #[test]
    fn refuses_with_specific_codes() {
        for (text, code) in [
            ("", "decimal-amount-malformed"),
            (".5", "decimal-amount-malformed"),
            ("5.", "decimal-amount-malformed"),
            ("1.2.3", "decimal-amount-malformed"),
            ("1,000", "decimal-amount-malformed"),
            ("012", "decimal-amount-malformed"),
            ("00.5", "decimal-amount-malformed"),
            ("0x10", "decimal-amount-malformed"),
            ("one", "decimal-amount-malformed"),
            ("e5", "decimal-amount-malformed"),
            ("１２", "decimal-amount-malformed"),
            ("NaN", "decimal-amount-malformed"),
            ("-1", "decimal-amount-negative"),
            ("-0", "decimal-amount-negative"),
            ("+1", "decimal-amount-plus-sign"),
            (" 1", "decimal-amount-whitespace"),
            ("1 000", "decimal-amount-whitespace"),
            ("1%20", "decimal-amount-whitespace"),
            ("%0a1", "decimal-amount-whitespace"),
            ("1e6", "decimal-amount-exponent"),
            ("2.5E-3", "decimal-amount-exponent"),
            ("1e+2", "decimal-amount-exponent"),
            ("0", "decimal-amount-zero"),
            ("0.000", "decimal-amount-zero"),
            ("0.0000000000000000001", "decimal-amount-too-many-decimals"),
            (
                "340282366920938463463374607431768211456",
                "decimal-amount-overflow",
            ),
            (
                "3402823669209384634633746074317682114.56",
                "decimal-amount-overflow",
            ),
        ] {
            assert_eq!(
                DecimalAmount::parse(text).unwrap_err().code(),
                code,
                "{text:?}"
            );
        }
    }

    #[test]
    fn converts_to_base_units_without_rounding() {
        let amount = DecimalAmount::parse("12.5").unwrap();
        assert_eq!(amount.to_base_units(1).unwrap(), 125);
        assert_eq!(amount.to_base_units(6).unwrap(), 12_500_000);
        assert_eq!(
            amount.to_base_units(0).unwrap_err(),
            DecimalAmountError::TooManyDecimals {
                given: "12.5".into(),
                max: 0,
                got: 1
            }
        );
        let big = DecimalAmount::parse("340282366920938463463374607431768211455").unwrap();
        assert_eq!(big.to_base_units(0).unwrap(), u128::MAX);
        assert_eq!(
            big.to_base_units(1).unwrap_err().code(),
            "decimal-amount-overflow"
        );
        assert_eq!(
            DecimalAmount::parse("1")
                .unwrap()
                .to_base_units(255)
                .unwrap_err()
                .code(),
            "decimal-amount-overflow"
        );
        assert_eq!(
            DecimalAmount::from_base_units(1_000, 6)
                .unwrap()
                .to_string(),
            "0.001"
        );
        assert_eq!(
            DecimalAmount::from_base_units(0, 6),
            Err(DecimalAmountError::Zero)
        );
        assert_eq!(
            DecimalAmount::from_base_units(1, 19).unwrap_err().code(),
            "decimal-amount-too-many-decimals"
        );
    }
}
