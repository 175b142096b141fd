//! The alliance's parameters (set at genesis) and the POINT supply record.

use super::quote::mul_div_floor;
use super::rules::PointsError;
use super::{BPS, MAX_WITHDRAWAL_FEE_BPS, invalid, read_address};
use crate::Address;
use crate::encoding::{Decode, DecodeError, Encode, Reader};

/// The alliance's parameters, stored at [`super::keys::alliance_key`] from
/// genesis so that a wallet can prove the fees it shows. The council is
/// the validator set of the block (not stored here).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AllianceParams {
    /// The only account that may mint POINT.
    pub issuer: Address,
    /// The platform's account: receives exchange fees (spreads) and
    /// withdrawal fees.
    pub platform: Address,
    /// Withdrawal fee rate, in bps of the amount withdrawn
    /// (at most [`MAX_WITHDRAWAL_FEE_BPS`]).
    pub withdrawal_fee_bps: u16,
    /// Smallest withdrawal fee, in POINT base units.
    pub withdrawal_fee_min: u128,
    /// Smallest merchant deposit, in POINT base units.
    pub min_deposit: u128,
    /// Share of the points in circulation (valued at the bid) a deposit
    /// must keep backing when the merchant withdraws from it, in bps
    /// (at most 10,000).
    pub deposit_reserve_bps: u16,
}

impl AllianceParams {
    /// Length of the encoding: 76 bytes.
    pub const ENCODED_LEN: usize = 76;
}

/// The fee of withdrawing `amount` POINT:
/// `max(withdrawal_fee_min, floor(amount * withdrawal_fee_bps / 10,000))`.
///
/// # Errors
/// [`PointsError::Overflow`] (never with the bounded bps).
pub fn withdrawal_fee(params: &AllianceParams, amount: u128) -> Result<u128, PointsError> {
    let proportional = mul_div_floor(amount, u128::from(params.withdrawal_fee_bps), BPS).ok_or(
        PointsError::Overflow {
            what: "withdrawal fee",
        },
    )?;
    Ok(proportional.max(params.withdrawal_fee_min))
}

impl Encode for AllianceParams {
    /// `issuer (20) || platform (20) || withdrawal_fee_bps u16 ||
    /// withdrawal_fee_min u128 || min_deposit u128 || deposit_reserve_bps u16`
    /// (76 bytes).
    fn encode_to(&self, out: &mut Vec<u8>) {
        self.issuer.encode_to(out);
        self.platform.encode_to(out);
        out.extend_from_slice(&self.withdrawal_fee_bps.to_be_bytes());
        out.extend_from_slice(&self.withdrawal_fee_min.to_be_bytes());
        out.extend_from_slice(&self.min_deposit.to_be_bytes());
        out.extend_from_slice(&self.deposit_reserve_bps.to_be_bytes());
    }
}

impl Decode for AllianceParams {
    const NAME: &'static str = "alliance parameters";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let issuer = read_address(reader, "issuer")?;
        let platform = read_address(reader, "platform")?;
        let offset = reader.offset();
        let withdrawal_fee_bps = reader.u16("withdrawal fee bps")?;
        if withdrawal_fee_bps > MAX_WITHDRAWAL_FEE_BPS {
            return Err(invalid(
                "withdrawal fee bps",
                offset,
                "the withdrawal fee is at most 1000 bps",
            ));
        }
        let withdrawal_fee_min = reader.u128("withdrawal fee min")?;
        let min_deposit = reader.u128("min deposit")?;
        let offset = reader.offset();
        let deposit_reserve_bps = reader.u16("deposit reserve bps")?;
        if u128::from(deposit_reserve_bps) > BPS {
            return Err(invalid(
                "deposit reserve bps",
                offset,
                "the reserve is at most 10000 bps",
            ));
        }
        Ok(Self {
            issuer,
            platform,
            withdrawal_fee_bps,
            withdrawal_fee_min,
            min_deposit,
            deposit_reserve_bps,
        })
    }
}

/// POINT in existence, stored at [`super::keys::supply_key`]: what genesis
/// created plus what the issuer minted minus what withdrawals burned. It
/// equals the sum of every account balance, stake and merchant deposit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct PointSupply {
    /// POINT created by the genesis state.
    pub genesis: u128,
    /// POINT minted by `mint` since.
    pub minted: u128,
    /// POINT burned by `withdraw` since.
    pub burned: u128,
}

impl PointSupply {
    /// Length of the encoding: 48 bytes.
    pub const ENCODED_LEN: usize = 48;

    /// POINT outstanding: `genesis + minted - burned`, or `None` if the
    /// record is inconsistent (never for a record the decoder accepted).
    #[must_use]
    pub fn outstanding(&self) -> Option<u128> {
        self.genesis
            .checked_add(self.minted)?
            .checked_sub(self.burned)
    }
}

impl Encode for PointSupply {
    /// `genesis u128 || minted u128 || burned u128` (48 bytes).
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.genesis.to_be_bytes());
        out.extend_from_slice(&self.minted.to_be_bytes());
        out.extend_from_slice(&self.burned.to_be_bytes());
    }
}

impl Decode for PointSupply {
    const NAME: &'static str = "point supply";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let offset = reader.offset();
        let supply = Self {
            genesis: reader.u128("genesis")?,
            minted: reader.u128("minted")?,
            burned: reader.u128("burned")?,
        };
        if supply.outstanding().is_none() {
            return Err(invalid(
                "burned",
                offset,
                "more burned than ever existed, or an overflow",
            ));
        }
        Ok(supply)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params() -> AllianceParams {
        AllianceParams {
            issuer: Address::from_bytes([1; 20]),
            platform: Address::from_bytes([2; 20]),
            withdrawal_fee_bps: 50,
            withdrawal_fee_min: 100_000,
            min_deposit: 100_000_000,
            deposit_reserve_bps: 1_000,
        }
    }

    #[test]
    fn params_round_trip_and_bound_their_rates() {
        let p = params();
        assert_eq!(p.encode().len(), AllianceParams::ENCODED_LEN);
        assert_eq!(AllianceParams::decode(&p.encode()).unwrap(), p);
        for bad in [
            AllianceParams {
                withdrawal_fee_bps: 1_001,
                ..p
            },
            AllianceParams {
                deposit_reserve_bps: 10_001,
                ..p
            },
        ] {
            assert_eq!(
                AllianceParams::decode(&bad.encode()).unwrap_err().code(),
                "decode-invalid-value"
            );
        }
    }

    #[test]
    fn withdrawal_fee_has_a_floor() {
        let p = params();
        assert_eq!(withdrawal_fee(&p, 1_000_000).unwrap(), 100_000);
        assert_eq!(withdrawal_fee(&p, 100_000_000).unwrap(), 500_000);
        assert_eq!(withdrawal_fee(&p, 100_001_999).unwrap(), 500_009);
    }

    #[test]
    fn supply_is_consistent() {
        let s = PointSupply {
            genesis: 10,
            minted: 5,
            burned: 12,
        };
        assert_eq!(s.outstanding(), Some(3));
        assert_eq!(PointSupply::decode(&s.encode()).unwrap(), s);
        let bad = PointSupply { burned: 16, ..s };
        assert_eq!(
            PointSupply::decode(&bad.encode()).unwrap_err().code(),
            "decode-invalid-value"
        );
    }
}
