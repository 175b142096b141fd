//! Staking: the `Bond` and `Unbond` transaction payloads and the stake record
//! that validator elections read.
//!
//! See `docs/protocol.md#staking`. A bond moves POINT from the sender's
//! account into its stake record and makes the sender's public key a
//! validator candidate; at each epoch boundary the full node elects the next
//! validator set from the stake records and commits to it in the header's
//! `next_validators_hash`. Light clients never re-run the election: they
//! follow the signed `next_validators_hash` chain.

use crate::encoding::{Decode, DecodeError, Encode, Reader};
use crate::keys::PublicKey;

/// Smallest bond that makes an address a validator candidate: 1,000 POINT.
pub const MIN_VALIDATOR_STAKE: u128 = 1_000 * 1_000_000;
/// Stake per unit of voting power: 1 POINT (so power = stake / 10^6).
pub const STAKE_PER_VOTING_POWER: u128 = 1_000_000;

fn nonzero_amount(reader: &mut Reader<'_>) -> Result<u128, DecodeError> {
    let offset = reader.offset();
    let amount = reader.u128("amount")?;
    if amount == 0 {
        return Err(DecodeError::InvalidValue {
            field: "amount",
            offset,
            reason: "amount is zero",
        });
    }
    Ok(amount)
}

/// Bond `amount` POINT base units from the sender's balance to its stake.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Bond {
    /// Amount in base units, greater than zero.
    pub amount: u128,
}

impl Encode for Bond {
    /// `amount u128`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.amount.to_be_bytes());
    }
}

impl Decode for Bond {
    const NAME: &'static str = "bond";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            amount: nonzero_amount(reader)?,
        })
    }
}

/// Return `amount` POINT base units from the sender's stake to its balance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Unbond {
    /// Amount in base units, greater than zero.
    pub amount: u128,
}

impl Encode for Unbond {
    /// `amount u128`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.amount.to_be_bytes());
    }
}

impl Decode for Unbond {
    const NAME: &'static str = "unbond";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            amount: nonzero_amount(reader)?,
        })
    }
}

/// A validator candidate's stake, stored under
/// [`crate::state::stake_key`] of its address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StakeRecord {
    /// The key the validator signs votes with (the bonding sender's key).
    pub public_key: PublicKey,
    /// Bonded POINT base units.
    pub bonded: u128,
}

impl StakeRecord {
    /// The voting power this stake gives: `bonded / STAKE_PER_VOTING_POWER`,
    /// or zero below [`MIN_VALIDATOR_STAKE`].
    #[must_use]
    pub fn voting_power(&self) -> u64 {
        if self.bonded < MIN_VALIDATOR_STAKE {
            return 0;
        }
        u64::try_from(self.bonded / STAKE_PER_VOTING_POWER).unwrap_or(u64::MAX)
    }
}

impl Encode for StakeRecord {
    /// `public_key (33) || bonded u128`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        self.public_key.encode_to(out);
        out.extend_from_slice(&self.bonded.to_be_bytes());
    }
}

impl Decode for StakeRecord {
    const NAME: &'static str = "stake record";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let public_key = PublicKey::decode_from(reader)?;
        let bonded = reader.u128("bonded")?;
        Ok(Self { public_key, bonded })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_amounts_are_rejected() {
        let zero = 0u128.to_be_bytes();
        assert_eq!(
            Bond::decode(&zero).unwrap_err().code(),
            "decode-invalid-value"
        );
        assert_eq!(
            Unbond::decode(&zero).unwrap_err().code(),
            "decode-invalid-value"
        );
        let bond = Bond { amount: 3 };
        assert_eq!(Bond::decode(&bond.encode()).unwrap(), bond);
    }
}
