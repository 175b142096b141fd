//! The payloads of the points transaction kinds (`docs/protocol.md#points-transactions`).
//! Each has one canonical encoding and a strict decoder; what depends on
//! the state (who may send it, balances, statuses) is checked at execution.

use super::council::CouncilAction;
use super::merchant::{read_decimals, read_name, read_symbol};
use super::rate::{RateTerms, SwapDirection};
use super::{
    MAX_MEMO_LEN, MAX_REFERENCE_LEN, invalid, put_bytes, put_merchant, read_address, read_bounded,
    read_merchant, read_nonzero,
};
use crate::encoding::{Decode, DecodeError, Encode, Reader};
use crate::{Address, AssetId, MerchantId};

/// `mint`: the issuer creates `amount` POINT for `to` against fiat received
/// off-chain (`reference` names that payment).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Mint {
    /// Who receives the POINT.
    pub to: Address,
    /// POINT base units, at least 1.
    pub amount: u128,
    /// The off-chain payment reference, 1 to 64 bytes.
    pub reference: Vec<u8>,
}

impl Encode for Mint {
    /// `to (20) || amount u128 || reference (u32 len, 1..=64)`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        self.to.encode_to(out);
        out.extend_from_slice(&self.amount.to_be_bytes());
        put_bytes(out, &self.reference);
    }
}

impl Decode for Mint {
    const NAME: &'static str = "mint";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            to: read_address(reader, "to")?,
            amount: read_nonzero(reader, "amount")?,
            reference: read_bounded(reader, "reference", 1, MAX_REFERENCE_LEN)?,
        })
    }
}

/// `withdraw`: the sender burns POINT for fiat paid out off-chain. Of
/// `amount`, the withdrawal fee goes to the platform and the rest is burned
/// (and paid out in fiat to the account `reference` names).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Withdraw {
    /// POINT base units taken from the sender, fee included, at least 1.
    pub amount: u128,
    /// The payout reference, 1 to 64 bytes.
    pub reference: Vec<u8>,
}

impl Encode for Withdraw {
    /// `amount u128 || reference (u32 len, 1..=64)`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.amount.to_be_bytes());
        put_bytes(out, &self.reference);
    }
}

impl Decode for Withdraw {
    const NAME: &'static str = "withdraw";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            amount: read_nonzero(reader, "amount")?,
            reference: read_bounded(reader, "reference", 1, MAX_REFERENCE_LEN)?,
        })
    }
}

/// `transfer-asset`: any asset to any address, with an optional memo (an
/// order id when paying a merchant).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TransferAsset {
    /// The asset.
    pub asset: AssetId,
    /// The recipient.
    pub to: Address,
    /// Base units of the asset, at least 1.
    pub amount: u128,
    /// 0 to 128 bytes (empty: no memo).
    pub memo: Vec<u8>,
}

impl Encode for TransferAsset {
    /// `asset u32 || to (20) || amount u128 || memo (u32 len, 0..=128)`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        self.asset.encode_to(out);
        self.to.encode_to(out);
        out.extend_from_slice(&self.amount.to_be_bytes());
        put_bytes(out, &self.memo);
    }
}

impl Decode for TransferAsset {
    const NAME: &'static str = "transfer-asset";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            asset: AssetId::decode_from(reader)?,
            to: read_address(reader, "to")?,
            amount: read_nonzero(reader, "amount")?,
            memo: read_bounded(reader, "memo", 0, MAX_MEMO_LEN)?,
        })
    }
}

/// `merchant-register`: the sender proposes a merchant it will own, moving
/// `deposit` POINT from its balance into the merchant's deposit.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MerchantRegister {
    /// Display name (1 to 64 bytes of UTF-8, see [`super::merchant::valid_name`]).
    pub name: String,
    /// Display symbol (see [`super::merchant::valid_symbol`]).
    pub symbol: String,
    /// Decimals of its points, at most 18.
    pub decimals: u8,
    /// The initial deposit, POINT base units, at least 1 (and at least the
    /// alliance's minimum at execution).
    pub deposit: u128,
}

impl Encode for MerchantRegister {
    /// `name (u32 len) || symbol (u32 len) || decimals u8 || deposit u128`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        put_bytes(out, self.name.as_bytes());
        put_bytes(out, self.symbol.as_bytes());
        out.push(self.decimals);
        out.extend_from_slice(&self.deposit.to_be_bytes());
    }
}

impl Decode for MerchantRegister {
    const NAME: &'static str = "merchant-register";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            name: read_name(reader)?,
            symbol: read_symbol(reader)?,
            decimals: read_decimals(reader)?,
            deposit: read_nonzero(reader, "deposit")?,
        })
    }
}

/// `council-vote`: a validator of the current set votes for `action` on
/// `merchant`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CouncilVote {
    /// The merchant.
    pub merchant: MerchantId,
    /// What the validator votes for.
    pub action: CouncilAction,
}

impl Encode for CouncilVote {
    /// `merchant u32 || action u8`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        put_merchant(out, self.merchant);
        out.push(self.action.to_u8());
    }
}

impl Decode for CouncilVote {
    const NAME: &'static str = "council-vote";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let merchant = read_merchant(reader, "merchant")?;
        let offset = reader.offset();
        let action = CouncilAction::from_u8(reader.u8("action")?)
            .ok_or_else(|| invalid("action", offset, "action is 1 (approve) or 2 (suspend)"))?;
        Ok(Self { merchant, action })
    }
}

/// `rate-set`: the merchant's owner publishes a new rate version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RateSet {
    /// The merchant.
    pub merchant: MerchantId,
    /// The new terms.
    pub terms: RateTerms,
}

impl Encode for RateSet {
    /// `merchant u32 || terms (99)`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        put_merchant(out, self.merchant);
        self.terms.encode_to(out);
    }
}

impl Decode for RateSet {
    const NAME: &'static str = "rate-set";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            merchant: read_merchant(reader, "merchant")?,
            terms: RateTerms::decode_from(reader)?,
        })
    }
}

/// `points-issue`: the owner of an approved merchant mints its points to a
/// customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PointsIssue {
    /// The merchant.
    pub merchant: MerchantId,
    /// The customer.
    pub to: Address,
    /// Points base units, at least 1.
    pub amount: u128,
}

impl Encode for PointsIssue {
    /// `merchant u32 || to (20) || amount u128`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        put_merchant(out, self.merchant);
        self.to.encode_to(out);
        out.extend_from_slice(&self.amount.to_be_bytes());
    }
}

impl Decode for PointsIssue {
    const NAME: &'static str = "points-issue";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            merchant: read_merchant(reader, "merchant")?,
            to: read_address(reader, "to")?,
            amount: read_nonzero(reader, "amount")?,
        })
    }
}

macro_rules! deposit_payload {
    ($name:ident, $wire:literal, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $name {
            /// The merchant.
            pub merchant: MerchantId,
            /// POINT base units, at least 1.
            pub amount: u128,
        }

        impl Encode for $name {
            /// `merchant u32 || amount u128`.
            fn encode_to(&self, out: &mut Vec<u8>) {
                put_merchant(out, self.merchant);
                out.extend_from_slice(&self.amount.to_be_bytes());
            }
        }

        impl Decode for $name {
            const NAME: &'static str = $wire;

            fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
                Ok(Self {
                    merchant: read_merchant(reader, "merchant")?,
                    amount: read_nonzero(reader, "amount")?,
                })
            }
        }
    };
}

deposit_payload!(
    DepositTopUp,
    "deposit-top-up",
    "`deposit-top-up`: the owner moves POINT from its balance into the merchant's deposit."
);
deposit_payload!(
    DepositWithdraw,
    "deposit-withdraw",
    "`deposit-withdraw`: the owner takes POINT back from the deposit, never below the required deposit ([`super::required_deposit`])."
);

/// `swap`: converts `amount_in` of the merchant's points to POINT (sell) or
/// POINT to its points (buy) at rate version `rate_version`, refused if it
/// would give less than `min_out` or run after height `deadline`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Swap {
    /// The merchant.
    pub merchant: MerchantId,
    /// Which way.
    pub direction: SwapDirection,
    /// What the sender pays in (points for a sell, POINT for a buy), at least 1.
    pub amount_in: u128,
    /// The least the sender accepts to receive, at least 1.
    pub min_out: u128,
    /// The rate version the sender was quoted, at least 1.
    pub rate_version: u32,
    /// The last height at which the swap may execute.
    pub deadline: u64,
}

impl Swap {
    /// Length of the encoding: 49 bytes.
    pub const ENCODED_LEN: usize = 49;
}

impl Encode for Swap {
    /// `merchant u32 || direction u8 || amount_in u128 || min_out u128 ||
    /// rate_version u32 || deadline u64` (49 bytes).
    fn encode_to(&self, out: &mut Vec<u8>) {
        put_merchant(out, self.merchant);
        out.push(self.direction.to_u8());
        out.extend_from_slice(&self.amount_in.to_be_bytes());
        out.extend_from_slice(&self.min_out.to_be_bytes());
        out.extend_from_slice(&self.rate_version.to_be_bytes());
        out.extend_from_slice(&self.deadline.to_be_bytes());
    }
}

impl Decode for Swap {
    const NAME: &'static str = "swap";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let merchant = read_merchant(reader, "merchant")?;
        let offset = reader.offset();
        let direction = SwapDirection::from_u8(reader.u8("direction")?)
            .ok_or_else(|| invalid("direction", offset, "direction is 1 (sell) or 2 (buy)"))?;
        let amount_in = read_nonzero(reader, "amount in")?;
        let offset = reader.offset();
        let min_out = reader.u128("min out")?;
        if min_out == 0 {
            return Err(invalid(
                "min out",
                offset,
                "a swap states the least it accepts: min out is at least 1",
            ));
        }
        let offset = reader.offset();
        let rate_version = reader.u32("rate version")?;
        if rate_version == 0 {
            return Err(invalid("rate version", offset, "rate versions start at 1"));
        }
        Ok(Self {
            merchant,
            direction,
            amount_in,
            min_out,
            rate_version,
            deadline: reader.u64("deadline")?,
        })
    }
}
