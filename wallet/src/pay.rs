//! Use case: **pay from a payment request** (a `jifen:` URI, pasted or
//! scanned from the merchant's QR code, `docs/payment-request.md`).
//!
//! 1. [`review`]: parse the request; refuse one for another chain or
//!    network, or expired; prove the asset (its decimals convert the amount
//!    exactly, never rounded), the payer's balance, and whether the payee is
//!    a registered merchant's owner (a request carries no signature: the
//!    wallet proves who the address belongs to instead); build the
//!    `transfer-asset` with the request's memo (its order id) and the
//!    [`PayReview`].
//! 2. Sign ([`crate::action::PreparedAction::sign`]) or make a sign request.
//! 3. [`prove_payment`]: broadcast, prove the inclusion and result, prove
//!    the balance afterwards.

use std::time::Duration;

use jifen_protocol::payment_request::PaymentRequest;
use jifen_protocol::points::{PointsError, TransferAsset};
use jifen_protocol::{Address, AssetId, MerchantId, Transaction, TxPayload};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::action::{ActionReview, PreparedAction, review_id};
use crate::chain::{ChainReader, ChainSession, MIN_FEE, parse_points};
use crate::jobs::CancelToken;
use crate::points::asset::AssetView;
use crate::points::error::RuleUnits;
use crate::points::merchants::MerchantStatusView;
use crate::points::{AssetInfo, PointsFlowError, reads};
use crate::send::{SendProgress, broadcast_and_prove};
use crate::views::{AmountView, ProvenAt};
use crate::wallets::WalletFacts;

/// What the person asks to pay.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PayRequest {
    /// The payment request as scanned or pasted (`jifen:...`).
    pub request: String,
    /// The amount, for a request that leaves it to the payer (in the
    /// asset's unit); ignored when the request names one.
    #[serde(default)]
    pub amount: Option<String>,
    /// The network fee in POINT (the minimum when absent).
    #[serde(default)]
    pub fee: Option<String>,
    /// The receive address index that pays.
    #[serde(default)]
    pub from_index: u32,
}

/// The registered merchant a payee address owns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PayeeView {
    /// The merchant's points asset (its number, name, symbol).
    pub merchant: AssetView,
    /// Its standing.
    pub status: MerchantStatusView,
}

/// What the person confirms before paying.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PayReview {
    /// Names exactly this payment.
    pub review_id: String,
    /// The paying address.
    pub from: String,
    /// The payee's address.
    pub to: String,
    /// The merchant the payee owns, proven (none: not a merchant's owner,
    /// shown as a warning).
    pub payee: Option<PayeeView>,
    /// The request's label (the merchant's own words, unproven).
    pub label: Option<String>,
    /// The memo (order id) the payment carries on chain.
    pub memo: Option<String>,
    /// The asset paid.
    pub asset: AssetView,
    /// The amount.
    pub amount: AmountView,
    /// The network fee (POINT).
    pub network_fee: AmountView,
    /// The proven balance of the asset.
    pub balance: AmountView,
    /// The balance afterwards (POINT: after the fee too).
    pub remaining: AmountView,
    /// The request's expiry (unix seconds), if any.
    pub expires: Option<u64>,
    /// The transaction's nonce.
    pub nonce: u64,
    /// The chain it is signed for.
    pub chain_id: String,
    /// Where the asset, balance and payee were proven.
    pub proven: ProvenAt,
}

/// The merchant whose owner is `address`, if any (proven: every merchant
/// record is read, the count is proven).
///
/// # Errors
/// Proof errors.
pub fn merchant_owned_by(
    reader: &ChainReader,
    address: &Address,
) -> Result<Option<PayeeView>, PointsFlowError> {
    let count = reads::merchant_count(reader)?.value;
    for id in (1..=count).filter_map(MerchantId::new) {
        let (record, _) = reads::existing_merchant(reader, id)?;
        if record.owner == *address {
            return Ok(Some(PayeeView {
                merchant: AssetView::of(&AssetInfo::of_merchant(&record)),
                status: MerchantStatusView::of(record.status),
            }));
        }
    }
    Ok(None)
}

/// Step 1: the payment a request asks for, checked and ready to confirm.
/// `now_s` is unix seconds (for the request's expiry).
///
/// # Errors
/// `payment-request-*` (malformed, another chain or network, expired),
/// `decimal-amount-*` (an amount the asset cannot hold exactly),
/// `pay-amount-needed`, `pay-asset-unknown`, `points-insufficient-balance`,
/// `chain-insufficient-balance`, `chain-fee-too-low`, proof errors.
pub fn review(
    reader: &ChainReader,
    facts: &WalletFacts,
    pay: &PayRequest,
    now_s: u64,
) -> Result<PreparedAction, PointsFlowError> {
    let request = PaymentRequest::parse(pay.request.trim())?;
    request.check(reader.chain_id(), facts.network, now_s)?;
    let fee = match pay.fee.as_deref().map(str::trim) {
        Some(text) if !text.is_empty() => parse_points(text)?,
        _ => MIN_FEE,
    };
    let asset = request.asset();
    let info = match reads::asset_info(reader, asset) {
        Ok(info) => info,
        Err(PointsFlowError::Rule {
            error: PointsError::MerchantUnknown { .. },
            ..
        }) => {
            return Err(PointsFlowError::PayAssetUnknown {
                asset: asset.to_string(),
            });
        }
        Err(error) => return Err(error),
    };
    let amount = match request.amount_in_base_units(info.decimals)? {
        Some(amount) => amount,
        None => match pay.amount.as_deref().map(str::trim) {
            Some(text) if !text.is_empty() => info.parse(text)?,
            _ => return Err(PointsFlowError::PayAmountNeeded),
        },
    };
    let sender = facts.public_key(pay.from_index)?;
    let from = sender.address();
    let balance = reads::balance(reader, &from, asset)?;
    let units = RuleUnits {
        points: Some(&info).filter(|i| i.merchant().is_some()),
        direction: None,
    };
    let point_spent = match asset {
        AssetId::Point => amount,
        AssetId::Points(merchant) => {
            if balance.value < amount {
                return Err(PointsFlowError::rule(
                    PointsError::PointsInsufficient {
                        merchant,
                        needed: amount,
                        available: balance.value,
                    },
                    &units,
                ));
            }
            0
        }
    };
    let memo = request.memo().map(str::to_owned);
    let payload = TxPayload::TransferAsset(TransferAsset {
        asset,
        to: *request.recipient(),
        amount,
        memo: memo.clone().unwrap_or_default().into_bytes(),
    });
    let plan = reader.plan_payload(sender, payload, fee, point_spent)?;
    // Paying oneself (another address of the same key: the same address)
    // moves nothing but the fee.
    let to_self = *request.recipient() == from;
    let remaining = match (asset, to_self) {
        (AssetId::Point, false) => balance.value.saturating_sub(amount.saturating_add(fee)),
        (AssetId::Point, true) => balance.value.saturating_sub(fee),
        (AssetId::Points(_), false) => balance.value.saturating_sub(amount),
        (AssetId::Points(_), true) => balance.value,
    };
    let review = PayReview {
        review_id: review_id(&plan.unsigned),
        from: from.encode(facts.network),
        to: request.recipient().encode(facts.network),
        payee: merchant_owned_by(reader, request.recipient())?,
        label: request.label().map(str::to_owned),
        memo,
        asset: AssetView::of(&info),
        amount: info.amount(amount),
        network_fee: AssetInfo::point().amount(fee),
        balance: info.amount(balance.value),
        remaining: info.amount(remaining),
        expires: request.expires(),
        nonce: plan.unsigned.nonce,
        chain_id: plan.unsigned.chain_id.as_str().to_owned(),
        proven: ProvenAt::of(&balance),
    };
    Ok(PreparedAction {
        unsigned: plan.unsigned,
        from_index: pay.from_index,
        network: facts.network,
        review: ActionReview::Pay(Box::new(review)),
        expires_at_ms: request.expires().map(|s| s.saturating_mul(1_000)),
    })
}

/// A payment proven done.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PaymentReceipt {
    /// The transaction id.
    pub tx_id: String,
    /// The block it is in.
    pub height: u64,
    /// Its position in the block.
    pub index: u64,
    /// The verified header its inclusion and result were proven against.
    pub proven: ProvenAt,
    /// The payee.
    pub to: String,
    /// What was paid.
    pub amount: AmountView,
    /// The memo it carried.
    pub memo: Option<String>,
    /// The network fee (POINT).
    pub network_fee: AmountView,
    /// The payer's balance of the asset afterwards, proven.
    pub balance_after: AmountView,
    /// Where that balance was proven.
    pub balance_proven: ProvenAt,
}

/// Step 3: broadcasts the payment, waits at most `timeout` for its proven
/// inclusion and success, and proves the payer's balance afterwards.
///
/// # Errors
/// As [`broadcast_and_prove`], proof errors.
pub fn prove_payment(
    session: &mut ChainSession,
    tx: &Transaction,
    timeout: Duration,
    on_event: &mut dyn FnMut(SendProgress),
    cancel: &CancelToken,
) -> Result<PaymentReceipt, PointsFlowError> {
    let TxPayload::TransferAsset(transfer) = &tx.unsigned.payload else {
        return Err(PointsFlowError::RecordMalformed {
            what: "payment transaction",
            detail: "not a transfer-asset".to_owned(),
        });
    };
    let sender = tx.unsigned.sender;
    let sent = broadcast_and_prove(session, tx, &sender, timeout, on_event, cancel)?;
    let reader = session.reader();
    let info = reads::asset_info(&reader, transfer.asset)?;
    let balance = reads::balance(&reader, &sender, transfer.asset)?;
    Ok(PaymentReceipt {
        tx_id: sent.tx_id,
        height: sent.height,
        index: sent.index,
        proven: sent.proven,
        to: transfer.to.encode(reader.network()),
        amount: info.amount(transfer.amount),
        memo: memo_text(&transfer.memo),
        network_fee: AssetInfo::point().amount(tx.unsigned.fee),
        balance_after: info.amount(balance.value),
        balance_proven: ProvenAt::of(&balance),
    })
}

/// A memo as text (none when empty; invalid UTF-8 shown with replacement
/// characters, never dropped).
#[must_use]
pub fn memo_text(memo: &[u8]) -> Option<String> {
    (!memo.is_empty()).then(|| String::from_utf8_lossy(memo).into_owned())
}
