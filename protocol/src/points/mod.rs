//! Points and POINT: the chain rules of issue 12 (`docs/protocol.md#points-and-swaps`).
//!
//! POINT (asset 0, 6 decimals) is minted by the alliance's issuer against
//! fiat received off-chain and burned by withdrawals; each approved merchant
//! issues its own points (asset `n`) and backs conversions with a deposit in
//! POINT. Swaps convert points to POINT and back at the merchant's
//! versioned rate, quoted by one pure function ([`quote()`]) that the node's
//! execution and the wallet's quote both call.
//!
//! | module | holds |
//! |---|---|
//! | [`alliance`] | [`AllianceParams`] (issuer, platform, fees, deposit rule), [`PointSupply`], the withdrawal fee |
//! | [`merchant`] | [`MerchantRecord`], [`MerchantStatus`], the [`MerchantRegistry`], points balances |
//! | [`rate`] | [`RateTerms`], [`RateRecord`] (every version kept), [`FeeMode`], [`SwapDirection`] |
//! | [`quote`](mod@quote) | the quote function, [`Quote`], [`Price`], the required deposit, wide integer math |
//! | [`council`] | [`CouncilAction`], [`CouncilVotes`], the > 2/3 tally |
//! | [`tx`] | the payloads of the points transaction kinds |
//! | [`rules`] | [`PointsError`] and [`PointsCode`] (stable numbers and codes) |
//! | [`swap`](mod@swap) | [`check_swap`]: the swap rules in their order, then the quote |
//!
//! State keys: every record here is keyed by
//! `state_key(kind, id)` ([`crate::state::state_key`]) with the kinds and ids
//! of [`keys`].

pub mod alliance;
pub mod council;
pub mod merchant;
pub mod quote;
pub mod rate;
pub mod rules;
pub mod swap;
pub mod tx;

pub use alliance::{AllianceParams, PointSupply, withdrawal_fee};
pub use council::{CouncilAction, CouncilVotes, council_passes};
pub use merchant::{MerchantRecord, MerchantRegistry, MerchantStatus};
pub use quote::{Price, Quote, quote, required_deposit};
pub use rate::{FeeMode, RateRecord, RateTerms, SwapDirection};
pub use rules::{PointsCode, PointsError};
pub use swap::{SwapCheck, check_swap};
pub use tx::{
    CouncilVote, DepositTopUp, DepositWithdraw, MerchantRegister, Mint, PointsIssue, RateSet, Swap,
    TransferAsset, Withdraw,
};

use crate::encoding::{DecodeError, Reader, put_len};
use crate::{Address, MerchantId};

/// Basis points in one: fees and ratios in bps are out of 10,000.
pub const BPS: u128 = 10_000;
/// Largest exchange fee (spread) a rate may carry: 10 %.
pub const MAX_EXCHANGE_FEE_BPS: u16 = 1_000;
/// Largest withdrawal fee rate: 10 %.
pub const MAX_WITHDRAWAL_FEE_BPS: u16 = 1_000;
/// Longest off-chain reference of a mint or withdrawal, in bytes.
pub const MAX_REFERENCE_LEN: usize = 64;
/// Longest memo (order id) of an asset transfer, in bytes: the same bound as a
/// payment request's memo, so every request a wallet accepts can be paid.
pub const MAX_MEMO_LEN: usize = crate::payment_request::MAX_MEMO_BYTES;
/// Longest merchant name, in UTF-8 bytes.
pub const MAX_NAME_LEN: usize = 64;
/// Longest merchant symbol, in bytes (ASCII).
pub const MAX_SYMBOL_LEN: usize = 12;

/// The state keys of the points records.
pub mod keys {
    use crate::state::{RecordKind, state_key};
    use crate::{Address, Hash32, MerchantId};

    use super::council::CouncilAction;

    /// Key of `address`'s balance of `merchant`'s points:
    /// id `address (20) || merchant u32`.
    #[must_use]
    pub fn points_balance_key(address: &Address, merchant: MerchantId) -> Hash32 {
        let mut id = [0u8; 24];
        id[..20].copy_from_slice(address.as_bytes());
        id[20..].copy_from_slice(&merchant.get().to_be_bytes());
        state_key(RecordKind::PointsBalance, &id)
    }

    /// Key of merchant `merchant`'s record: id `merchant u32`.
    #[must_use]
    pub fn merchant_key(merchant: MerchantId) -> Hash32 {
        state_key(RecordKind::Merchant, &merchant.get().to_be_bytes())
    }

    /// Key of the merchant registry (one record, empty id).
    #[must_use]
    pub fn registry_key() -> Hash32 {
        state_key(RecordKind::MerchantRegistry, &[])
    }

    /// Key of version `version` of `merchant`'s rate: id
    /// `merchant u32 || version u32`.
    #[must_use]
    pub fn rate_key(merchant: MerchantId, version: u32) -> Hash32 {
        let mut id = [0u8; 8];
        id[..4].copy_from_slice(&merchant.get().to_be_bytes());
        id[4..].copy_from_slice(&version.to_be_bytes());
        state_key(RecordKind::Rate, &id)
    }

    /// Key of the POINT supply record (one record, empty id).
    #[must_use]
    pub fn supply_key() -> Hash32 {
        state_key(RecordKind::PointSupply, &[])
    }

    /// Key of the alliance parameters (one record, empty id).
    #[must_use]
    pub fn alliance_key() -> Hash32 {
        state_key(RecordKind::Alliance, &[])
    }

    /// Key of the council's votes for `action` on `merchant`: id
    /// `merchant u32 || action u8`.
    #[must_use]
    pub fn council_votes_key(merchant: MerchantId, action: CouncilAction) -> Hash32 {
        let mut id = [0u8; 5];
        id[..4].copy_from_slice(&merchant.get().to_be_bytes());
        id[4] = action.to_u8();
        state_key(RecordKind::CouncilVotes, &id)
    }
}

pub(crate) fn put_merchant(out: &mut Vec<u8>, merchant: MerchantId) {
    out.extend_from_slice(&merchant.get().to_be_bytes());
}

pub(crate) fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    put_len(out, bytes.len());
    out.extend_from_slice(bytes);
}

pub(crate) fn read_merchant(
    reader: &mut Reader<'_>,
    field: &'static str,
) -> Result<MerchantId, DecodeError> {
    let offset = reader.offset();
    MerchantId::new(reader.u32(field)?).ok_or(DecodeError::InvalidValue {
        field,
        offset,
        reason: "merchant 0 does not exist (0 is POINT)",
    })
}

pub(crate) fn read_nonzero(
    reader: &mut Reader<'_>,
    field: &'static str,
) -> Result<u128, DecodeError> {
    let offset = reader.offset();
    let amount = reader.u128(field)?;
    if amount == 0 {
        return Err(DecodeError::InvalidValue {
            field,
            offset,
            reason: "amount is zero",
        });
    }
    Ok(amount)
}

/// A byte string of `min..=max` bytes.
pub(crate) fn read_bounded(
    reader: &mut Reader<'_>,
    field: &'static str,
    min: usize,
    max: usize,
) -> Result<Vec<u8>, DecodeError> {
    let len = reader.count(field, min, max, 1)?;
    Ok(reader.take(len, field)?.to_vec())
}

pub(crate) fn read_address(
    reader: &mut Reader<'_>,
    field: &'static str,
) -> Result<Address, DecodeError> {
    Ok(Address::from_bytes(reader.array(field)?))
}

pub(crate) fn invalid(field: &'static str, offset: usize, reason: &'static str) -> DecodeError {
    DecodeError::InvalidValue {
        field,
        offset,
        reason,
    }
}
