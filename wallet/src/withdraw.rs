//! Use case: **withdraw POINT to fiat**: the alliance burns the POINT and
//! pays the amount less its withdrawal fee to the payout reference
//! off-chain (`docs/protocol.md#points-transactions`). The wallet proves the
//! alliance's fee terms and the balance, and shows exactly what is burned,
//! what the fee is and what is paid out.

use jifen_protocol::points::{MAX_REFERENCE_LEN, PointsError, Withdraw, withdrawal_fee};
use jifen_protocol::{AssetId, TxPayload};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::action::{ActionReview, PreparedAction, review_id};
use crate::chain::{ChainReader, MIN_FEE, parse_points};
use crate::points::error::RuleUnits;
use crate::points::{AssetInfo, PointsFlowError, reads};
use crate::views::{AmountView, ProvenAt};
use crate::wallets::WalletFacts;

/// What the person asks to withdraw.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WithdrawRequest {
    /// POINT to withdraw (the fee is taken from it).
    pub amount: String,
    /// Where the fiat goes (a payout reference the issuer understands, 1 to
    /// 64 bytes; recorded on chain: no personal data).
    pub reference: String,
    /// The network fee in POINT (the minimum when absent).
    #[serde(default)]
    pub fee: Option<String>,
    /// The receive address index that withdraws.
    #[serde(default)]
    pub from_index: u32,
}

/// What the person confirms before withdrawing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WithdrawReview {
    /// Names exactly this withdrawal.
    pub review_id: String,
    /// The withdrawing address.
    pub from: String,
    /// POINT burned from the balance.
    pub amount: AmountView,
    /// The alliance's withdrawal fee (to the platform).
    pub withdrawal_fee: AmountView,
    /// Fiat paid out: `amount - withdrawal_fee`.
    pub payout: AmountView,
    /// The fee terms: basis points and minimum.
    pub fee_bps: u32,
    /// The least fee.
    pub fee_min: AmountView,
    /// The payout reference.
    pub reference: String,
    /// The network fee (POINT).
    pub network_fee: AmountView,
    /// The proven POINT balance.
    pub balance: AmountView,
    /// The balance afterwards.
    pub remaining: AmountView,
    /// The transaction's nonce.
    pub nonce: u64,
    /// The chain it is signed for.
    pub chain_id: String,
    /// Where the fee terms and balance were proven.
    pub proven: ProvenAt,
}

/// Step 1: the withdrawal, checked against the proven fee terms and
/// balance.
///
/// # Errors
/// `withdraw-below-fee`, `withdraw-reference-invalid`, `chain-amount-*`,
/// `chain-insufficient-balance`, `chain-fee-too-low`, proof errors.
pub fn review(
    reader: &ChainReader,
    facts: &WalletFacts,
    request: &WithdrawRequest,
) -> Result<PreparedAction, PointsFlowError> {
    let amount = parse_points(&request.amount)?;
    let fee = match request.fee.as_deref().map(str::trim) {
        Some(text) if !text.is_empty() => parse_points(text)?,
        _ => MIN_FEE,
    };
    let reference = request.reference.trim();
    if reference.is_empty() || reference.len() > MAX_REFERENCE_LEN {
        return Err(PointsFlowError::ReferenceInvalid {
            max: MAX_REFERENCE_LEN,
        });
    }
    let alliance = reads::alliance(reader)?;
    let units = RuleUnits {
        points: None,
        direction: None,
    };
    let withdrawal =
        withdrawal_fee(&alliance.value, amount).map_err(|e| PointsFlowError::rule(e, &units))?;
    if amount <= withdrawal {
        return Err(PointsFlowError::rule(
            PointsError::WithdrawBelowFee {
                amount,
                fee: withdrawal,
            },
            &units,
        ));
    }
    let sender = facts.public_key(request.from_index)?;
    let payload = TxPayload::Withdraw(Withdraw {
        amount,
        reference: reference.as_bytes().to_vec(),
    });
    let plan = reader.plan_payload(sender, payload, fee, amount)?;
    let balance = reads::balance(reader, &sender.address(), AssetId::Point)?;
    let point = AssetInfo::point();
    let review = WithdrawReview {
        review_id: review_id(&plan.unsigned),
        from: sender.address().encode(facts.network),
        amount: point.amount(amount),
        withdrawal_fee: point.amount(withdrawal),
        payout: point.amount(amount - withdrawal),
        fee_bps: u32::from(alliance.value.withdrawal_fee_bps),
        fee_min: point.amount(alliance.value.withdrawal_fee_min),
        reference: reference.to_owned(),
        network_fee: point.amount(fee),
        balance: point.amount(balance.value),
        remaining: point.amount(balance.value.saturating_sub(amount.saturating_add(fee))),
        nonce: plan.unsigned.nonce,
        chain_id: plan.unsigned.chain_id.as_str().to_owned(),
        proven: ProvenAt::of(&alliance),
    };
    Ok(PreparedAction {
        unsigned: plan.unsigned,
        from_index: request.from_index,
        network: facts.network,
        review: ActionReview::Withdraw(Box::new(review)),
        expires_at_ms: None,
    })
}
