//! Merchant rates: the terms a merchant sets ([`RateTerms`]), each version
//! kept as a [`RateRecord`] under `(merchant, version)`.
//!
//! Prices are integer ratios against POINT with one denominator: the
//! merchant's **bid** is `bid / den` POINT base units per points base unit
//! (what its deposit pays for points it takes back), its **ask** is
//! `ask / den` (what its deposit asks for points it mints). See
//! `docs/protocol.md#rates` for every rule and [`super::quote()`] for how a swap
//! is priced.

use core::fmt;

use super::{MAX_EXCHANGE_FEE_BPS, invalid, put_merchant, read_merchant};
use crate::MerchantId;
use crate::encoding::{Decode, DecodeError, Encode, Reader};

/// Who pays for conversions of a merchant's points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FeeMode {
    /// `settlement` (`0x01`): the merchant settles with the platform
    /// periodically off-chain; the consumer pays no exchange fee and trades
    /// at the merchant's bid and ask.
    Settlement,
    /// `spread` (`0x02`): the platform is the market maker. The merchant
    /// sets one mid price (bid = ask); the platform quotes the consumer
    /// both sides around it, keeping `fee_bps` of the POINT leg of every
    /// swap (the spread) in its account.
    Spread,
}

impl FeeMode {
    /// The wire value.
    #[must_use]
    pub const fn to_u8(self) -> u8 {
        match self {
            Self::Settlement => 1,
            Self::Spread => 2,
        }
    }

    /// The mode with wire value `value`.
    #[must_use]
    pub const fn from_u8(value: u8) -> Option<Self> {
        match value {
            1 => Some(Self::Settlement),
            2 => Some(Self::Spread),
            _ => None,
        }
    }

    /// The text form: `settlement` or `spread`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Settlement => "settlement",
            Self::Spread => "spread",
        }
    }
}

impl fmt::Display for FeeMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which way a swap converts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SwapDirection {
    /// `sell` (`0x01`): points in, POINT out. The POINT is paid from the
    /// merchant's deposit and the points are burned.
    PointsToPoint,
    /// `buy` (`0x02`): POINT in, points out. The POINT goes into the deposit
    /// and the points are minted.
    PointToPoints,
}

impl SwapDirection {
    /// The wire value.
    #[must_use]
    pub const fn to_u8(self) -> u8 {
        match self {
            Self::PointsToPoint => 1,
            Self::PointToPoints => 2,
        }
    }

    /// The direction with wire value `value`.
    #[must_use]
    pub const fn from_u8(value: u8) -> Option<Self> {
        match value {
            1 => Some(Self::PointsToPoint),
            2 => Some(Self::PointToPoints),
            _ => None,
        }
    }

    /// The text form: `sell` (points to POINT) or `buy` (POINT to points).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::PointsToPoint => "sell",
            Self::PointToPoints => "buy",
        }
    }
}

impl fmt::Display for SwapDirection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a merchant sets with `rate-set`.
///
/// Rules (checked by [`RateTerms::validate`] and by the decoder): `bid`,
/// `ask`, `den` at least 1 and `bid <= ask` (a bid above the ask would let
/// anyone drain the deposit by buying and selling back); in `settlement`
/// mode `fee_bps = 0`; in `spread` mode `bid = ask` (the mid) and
/// `1 <= fee_bps <=` [`MAX_EXCHANGE_FEE_BPS`]; each minimum at least 1 and
/// a multiple of its increment; `valid_until >= 1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RateTerms {
    /// POINT base units the deposit pays per `den` points base units taken
    /// back (sells).
    pub bid: u64,
    /// POINT base units the deposit asks per `den` points base units minted
    /// (buys).
    pub ask: u64,
    /// The points base units the two prices are for.
    pub den: u64,
    /// Who pays for conversions.
    pub fee_mode: FeeMode,
    /// Exchange fee (the platform's spread) in basis points of the POINT leg.
    pub fee_bps: u16,
    /// Smallest sell, in points base units.
    pub sell_min: u128,
    /// A sell's amount must be a multiple of this (points base units).
    pub sell_increment: u128,
    /// Smallest buy, in POINT base units.
    pub buy_min: u128,
    /// A buy's amount must be a multiple of this (POINT base units).
    pub buy_increment: u128,
    /// Last height at which swaps may use this rate.
    pub valid_until: u64,
}

impl RateTerms {
    /// Length of the encoding: 99 bytes.
    pub const ENCODED_LEN: usize = 99;

    /// The smallest amount in and the increment for `direction`.
    #[must_use]
    pub const fn limits(&self, direction: SwapDirection) -> (u128, u128) {
        match direction {
            SwapDirection::PointsToPoint => (self.sell_min, self.sell_increment),
            SwapDirection::PointToPoints => (self.buy_min, self.buy_increment),
        }
    }

    /// The fee actually charged: `fee_bps` in spread mode, 0 in settlement.
    #[must_use]
    pub const fn effective_fee_bps(&self) -> u16 {
        match self.fee_mode {
            FeeMode::Settlement => 0,
            FeeMode::Spread => self.fee_bps,
        }
    }

    /// The first rule these terms break, if any (as the field name and the
    /// rule, for [`DecodeError::InvalidValue`]).
    ///
    /// # Errors
    /// `(field, reason)` of the broken rule.
    pub fn validate(&self) -> Result<(), (&'static str, &'static str)> {
        if self.bid == 0 || self.ask == 0 || self.den == 0 {
            return Err(("price", "bid, ask and den must be at least 1"));
        }
        if self.bid > self.ask {
            return Err(("bid", "the bid is above the ask"));
        }
        match self.fee_mode {
            FeeMode::Settlement => {
                if self.fee_bps != 0 {
                    return Err(("fee_bps", "settlement mode charges the consumer no fee"));
                }
            }
            FeeMode::Spread => {
                if self.bid != self.ask {
                    return Err(("ask", "spread mode has one mid price: bid = ask"));
                }
                if self.fee_bps == 0 || self.fee_bps > MAX_EXCHANGE_FEE_BPS {
                    return Err(("fee_bps", "spread mode needs a fee of 1 to 1000 bps"));
                }
            }
        }
        for (min, increment) in [
            (self.sell_min, self.sell_increment),
            (self.buy_min, self.buy_increment),
        ] {
            if increment == 0 {
                return Err(("increment", "an increment is at least 1"));
            }
            if min == 0 || !min.is_multiple_of(increment) {
                return Err((
                    "minimum",
                    "a minimum is at least 1 and a multiple of its increment",
                ));
            }
        }
        if self.valid_until == 0 {
            return Err(("valid_until", "valid until height 0"));
        }
        Ok(())
    }
}

impl Encode for RateTerms {
    /// `bid u64 || ask u64 || den u64 || fee_mode u8 || fee_bps u16 ||
    /// sell_min u128 || sell_increment u128 || buy_min u128 ||
    /// buy_increment u128 || valid_until u64` (99 bytes).
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.bid.to_be_bytes());
        out.extend_from_slice(&self.ask.to_be_bytes());
        out.extend_from_slice(&self.den.to_be_bytes());
        out.push(self.fee_mode.to_u8());
        out.extend_from_slice(&self.fee_bps.to_be_bytes());
        out.extend_from_slice(&self.sell_min.to_be_bytes());
        out.extend_from_slice(&self.sell_increment.to_be_bytes());
        out.extend_from_slice(&self.buy_min.to_be_bytes());
        out.extend_from_slice(&self.buy_increment.to_be_bytes());
        out.extend_from_slice(&self.valid_until.to_be_bytes());
    }
}

impl Decode for RateTerms {
    const NAME: &'static str = "rate terms";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let start = reader.offset();
        let bid = reader.u64("bid")?;
        let ask = reader.u64("ask")?;
        let den = reader.u64("den")?;
        let mode_offset = reader.offset();
        let fee_mode = FeeMode::from_u8(reader.u8("fee mode")?).ok_or_else(|| {
            invalid(
                "fee mode",
                mode_offset,
                "fee mode is 1 (settlement) or 2 (spread)",
            )
        })?;
        let terms = Self {
            bid,
            ask,
            den,
            fee_mode,
            fee_bps: reader.u16("fee bps")?,
            sell_min: reader.u128("sell min")?,
            sell_increment: reader.u128("sell increment")?,
            buy_min: reader.u128("buy min")?,
            buy_increment: reader.u128("buy increment")?,
            valid_until: reader.u64("valid until")?,
        };
        terms
            .validate()
            .map_err(|(field, reason)| invalid(field, start, reason))?;
        Ok(terms)
    }
}

/// One version of a merchant's rate, stored under
/// [`super::keys::rate_key`]`(merchant, version)`; every version is kept,
/// and the merchant record names the current one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RateRecord {
    /// The merchant.
    pub merchant: MerchantId,
    /// The version, from 1.
    pub version: u32,
    /// The terms.
    pub terms: RateTerms,
    /// The height of the block that set it (0: genesis).
    pub set_at: u64,
}

impl RateRecord {
    /// Length of the encoding: 115 bytes.
    pub const ENCODED_LEN: usize = 8 + RateTerms::ENCODED_LEN + 8;
}

impl Encode for RateRecord {
    /// `merchant u32 || version u32 || terms (99) || set_at u64` (115 bytes).
    fn encode_to(&self, out: &mut Vec<u8>) {
        put_merchant(out, self.merchant);
        out.extend_from_slice(&self.version.to_be_bytes());
        self.terms.encode_to(out);
        out.extend_from_slice(&self.set_at.to_be_bytes());
    }
}

impl Decode for RateRecord {
    const NAME: &'static str = "rate record";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let merchant = read_merchant(reader, "merchant")?;
        let offset = reader.offset();
        let version = reader.u32("version")?;
        if version == 0 {
            return Err(invalid("version", offset, "rate versions start at 1"));
        }
        let terms = RateTerms::decode_from(reader)?;
        let set_at = reader.u64("set at")?;
        Ok(Self {
            merchant,
            version,
            terms,
            set_at,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settlement() -> RateTerms {
        RateTerms {
            bid: 9_000,
            ask: 10_000,
            den: 1,
            fee_mode: FeeMode::Settlement,
            fee_bps: 0,
            sell_min: 100,
            sell_increment: 10,
            buy_min: 1_000_000,
            buy_increment: 10_000,
            valid_until: 1_000,
        }
    }

    #[test]
    fn terms_round_trip_and_break_no_rule_silently() {
        let terms = settlement();
        assert_eq!(terms.encode().len(), RateTerms::ENCODED_LEN);
        assert_eq!(RateTerms::decode(&terms.encode()).unwrap(), terms);
        let bad = [
            RateTerms { bid: 0, ..terms },
            RateTerms { den: 0, ..terms },
            RateTerms {
                bid: 10_001,
                ..terms
            },
            RateTerms {
                fee_bps: 5,
                ..terms
            },
            RateTerms {
                fee_mode: FeeMode::Spread,
                fee_bps: 30,
                ..terms
            },
            RateTerms {
                fee_mode: FeeMode::Spread,
                bid: 10_000,
                fee_bps: 0,
                ..terms
            },
            RateTerms {
                fee_mode: FeeMode::Spread,
                bid: 10_000,
                fee_bps: 1_001,
                ..terms
            },
            RateTerms {
                sell_increment: 0,
                ..terms
            },
            RateTerms {
                sell_min: 105,
                ..terms
            },
            RateTerms {
                buy_min: 0,
                ..terms
            },
            RateTerms {
                valid_until: 0,
                ..terms
            },
        ];
        for terms in bad {
            assert!(terms.validate().is_err(), "{terms:?}");
            assert_eq!(
                RateTerms::decode(&terms.encode()).unwrap_err().code(),
                "decode-invalid-value",
                "{terms:?}"
            );
        }
        let spread = RateTerms {
            fee_mode: FeeMode::Spread,
            bid: 10_000,
            fee_bps: 50,
            ..terms
        };
        assert_eq!(RateTerms::decode(&spread.encode()).unwrap(), spread);
        let mut bytes = terms.encode();
        bytes[24] = 3;
        assert_eq!(
            RateTerms::decode(&bytes).unwrap_err().code(),
            "decode-invalid-value"
        );
    }

    #[test]
    fn records_round_trip_and_start_at_version_1() {
        let record = RateRecord {
            merchant: MerchantId::new(3).unwrap(),
            version: 2,
            terms: settlement(),
            set_at: 17,
        };
        assert_eq!(record.encode().len(), RateRecord::ENCODED_LEN);
        assert_eq!(RateRecord::decode(&record.encode()).unwrap(), record);
        let zero = RateRecord {
            version: 0,
            ..record
        };
        assert_eq!(
            RateRecord::decode(&zero.encode()).unwrap_err().code(),
            "decode-invalid-value"
        );
        let mut bytes = record.encode();
        bytes[..4].copy_from_slice(&[0; 4]);
        assert_eq!(
            RateRecord::decode(&bytes).unwrap_err().code(),
            "decode-invalid-value"
        );
    }
}
