//! Assets: POINT and each merchant's points.
//!
//! An asset is a `u32` on the wire: `0` is POINT (6 decimals, pegged 1:1 to
//! fiat), `n >= 1` is the points of merchant `n` (its decimals, name and
//! symbol live in the merchant's record). The text form, used on the command
//! line and in payment-request URIs, is `POINT` or `M<n>` (`M7`: merchant 7's
//! points; decimal, no sign, no leading zero). See `docs/protocol.md#assets`.

use core::fmt;
use core::str::FromStr;

use crate::encoding::{Decode, DecodeError, Encode, Reader};

/// POINT's decimals: one POINT is `10^6` base units.
pub const POINT_DECIMALS: u8 = 6;

/// The most decimals a merchant's points may have (`10^18` still fits the
/// amounts of a realistic supply in a `u128`).
pub const MAX_POINTS_DECIMALS: u8 = 18;

/// A registered merchant's number, assigned in order of registration from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MerchantId(u32);

impl MerchantId {
    /// Merchant `n`; `None` for 0 (the wire value of POINT).
    #[must_use]
    pub const fn new(n: u32) -> Option<Self> {
        if n == 0 { None } else { Some(Self(n)) }
    }

    /// The number.
    #[must_use]
    pub const fn get(self) -> u32 {
        self.0
    }
}

impl fmt::Display for MerchantId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// An asset an account can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AssetId {
    /// The alliance's token (wire value 0).
    Point,
    /// A merchant's loyalty points (wire value: the merchant's number).
    Points(MerchantId),
}

impl AssetId {
    /// The wire value.
    #[must_use]
    pub const fn to_u32(self) -> u32 {
        match self {
            Self::Point => 0,
            Self::Points(merchant) => merchant.get(),
        }
    }

    /// The asset with wire value `value`.
    #[must_use]
    pub const fn from_u32(value: u32) -> Self {
        match MerchantId::new(value) {
            Some(merchant) => Self::Points(merchant),
            None => Self::Point,
        }
    }

    /// The merchant whose points these are (`None` for POINT).
    #[must_use]
    pub const fn merchant(self) -> Option<MerchantId> {
        match self {
            Self::Point => None,
            Self::Points(merchant) => Some(merchant),
        }
    }
}

impl fmt::Display for AssetId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Point => f.write_str("POINT"),
            Self::Points(merchant) => write!(f, "M{merchant}"),
        }
    }
}

/// Text that is not an asset.
///
/// Codes: `asset-malformed`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AssetError {
    /// Not `POINT` and not `M` followed by a merchant number (1 to 4294967295,
    /// no leading zero).
    #[error("{got:?} is not an asset: expected POINT or M followed by a merchant number")]
    Malformed {
        /// The text given (at most 64 characters of it).
        got: String,
    },
}

impl AssetError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Malformed { .. } => "asset-malformed",
        }
    }
}

impl crate::message::Coded for AssetError {
    fn code(&self) -> &'static str {
        AssetError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, crate::message::Arg)> {
        match self {
            AssetError::Malformed { got } => vec![("given", got.into())],
        }
    }
}

impl FromStr for AssetId {
    type Err = AssetError;

    /// Exactly `POINT` or `M<n>` (case-sensitive: a payment request is
    /// compared byte for byte with what the merchant signed).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let malformed = || AssetError::Malformed {
            got: s.chars().take(64).collect(),
        };
        if s == "POINT" {
            return Ok(Self::Point);
        }
        let digits = s.strip_prefix('M').ok_or_else(malformed)?;
        if digits.is_empty()
            || digits.starts_with('0')
            || !digits.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(malformed());
        }
        let n: u32 = digits.parse().map_err(|_| malformed())?;
        MerchantId::new(n).map(Self::Points).ok_or_else(malformed)
    }
}

impl Encode for AssetId {
    /// `u32` big-endian.
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_u32().to_be_bytes());
    }
}

impl Decode for AssetId {
    const NAME: &'static str = "asset";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self::from_u32(reader.u32("asset")?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_wire_forms() {
        for (asset, text, wire) in [
            (AssetId::Point, "POINT", [0, 0, 0, 0]),
            (
                AssetId::Points(MerchantId::new(7).unwrap()),
                "M7",
                [0, 0, 0, 7],
            ),
            (
                AssetId::Points(MerchantId::new(u32::MAX).unwrap()),
                "M4294967295",
                [0xff; 4],
            ),
        ] {
            assert_eq!(asset.to_string(), text);
            assert_eq!(text.parse::<AssetId>(), Ok(asset));
            assert_eq!(asset.encode(), wire);
            assert_eq!(AssetId::decode(&wire), Ok(asset));
        }
    }

    #[test]
    fn malformed_text_is_refused() {
        for bad in [
            "",
            "point",
            "Point",
            "M",
            "M0",
            "M07",
            "m7",
            "M-1",
            "M+1",
            "M 1",
            "M4294967296",
            "M1x",
            "POINT ",
            "M１",
        ] {
            let err = bad.parse::<AssetId>().unwrap_err();
            assert_eq!(err.code(), "asset-malformed", "{bad:?}");
        }
    }

    #[test]
    fn merchant_zero_is_point() {
        assert_eq!(MerchantId::new(0), None);
        assert_eq!(AssetId::from_u32(0), AssetId::Point);
        assert_eq!(AssetId::Point.merchant(), None);
    }
}
