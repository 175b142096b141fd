//! Use case: **ask to be paid** (a merchant at the counter, or anyone): a
//! payment request (`jifen:` URI and the text of its QR code,
//! `docs/payment-request.md`) for POINT or a merchant's points, to this
//! wallet's address, with an amount, an order id (memo), a label and an
//! expiry. The request records where the payee's proven history stood when
//! it was made, so the payment that answers it is found among the entries
//! after that point and proven.

use jifen_protocol::payment_request::{DecimalAmount, PaymentRequest};
use jifen_protocol::{AssetId, ChainId};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::chain::ChainReader;
use crate::points::asset::AssetView;
use crate::points::{AssetInfo, PointsFlowError, reads};
use crate::swap::quote::resolve_merchant;
use crate::views::{AmountView, ProvenAt};
use crate::wallets::WalletFacts;

/// What the payee asks for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PaymentRequestInput {
    /// `POINT`, or a merchant's points: its number, `M<n>` or symbol.
    pub asset: String,
    /// The amount in the asset's unit; none: the payer enters it.
    #[serde(default)]
    pub amount: Option<String>,
    /// An order id or note (at most 128 bytes), carried on chain.
    #[serde(default)]
    pub memo: Option<String>,
    /// The payee's name as the payer's wallet shows it (unproven).
    #[serde(default)]
    pub label: Option<String>,
    /// Seconds the request stays payable; none: no expiry.
    #[serde(default)]
    pub expires_in_s: Option<u64>,
    /// The receive address index to be paid at.
    #[serde(default)]
    pub index: u32,
}

/// A payment request to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PaymentRequestView {
    /// The canonical URI (to copy or share).
    pub uri: String,
    /// The text to put in the QR code (scheme and address upper case, for
    /// the compact alphanumeric mode).
    pub qr_text: String,
    /// The payee's address.
    pub to: String,
    /// The asset asked for.
    pub asset: AssetView,
    /// The amount asked for (none: the payer enters it).
    pub amount: Option<AmountView>,
    /// The memo.
    pub memo: Option<String>,
    /// The label.
    pub label: Option<String>,
    /// Expiry, unix seconds.
    pub expires: Option<u64>,
    /// The chain it is for.
    pub chain_id: String,
    /// The payee's proven history length when the request was made: the
    /// payment is among the entries from here on.
    pub history_from: u64,
    /// Where the asset and the history length were proven.
    pub proven: ProvenAt,
}

/// Resolves `POINT`, a merchant's number, `M<n>` or symbol to an asset.
///
/// # Errors
/// `pay-asset-unknown`, proof errors.
pub fn resolve_asset(reader: &ChainReader, text: &str) -> Result<AssetInfo, PointsFlowError> {
    if text.trim().eq_ignore_ascii_case("POINT") {
        return Ok(AssetInfo::point());
    }
    Ok(AssetInfo::of_merchant(&resolve_merchant(reader, text)?))
}

/// Makes a payment request to the wallet's receive address `input.index`;
/// `now_s` is unix seconds (for the expiry).
///
/// # Errors
/// `pay-asset-unknown`, `decimal-amount-*` (more decimals than the asset
/// has), `payment-request-*` (memo or label too long or with control
/// characters), proof errors.
pub fn create(
    reader: &ChainReader,
    facts: &WalletFacts,
    input: &PaymentRequestInput,
    now_s: u64,
) -> Result<PaymentRequestView, PointsFlowError> {
    let info = resolve_asset(reader, &input.asset)?;
    let to = facts.public_key(input.index)?.address();
    let chain: ChainId = reader.chain_id().clone();
    let mut request = PaymentRequest::new(to, facts.network, chain.clone(), info.asset);
    let mut amount = None;
    if let Some(text) = input.amount.as_deref().filter(|t| !t.trim().is_empty()) {
        let units = info.parse(text)?;
        let decimal = DecimalAmount::from_base_units(units, info.decimals).map_err(|source| {
            PointsFlowError::Amount {
                text: text.trim().to_owned(),
                source,
            }
        })?;
        request = request.with_amount(decimal)?;
        amount = Some(info.amount(units));
    }
    if let Some(memo) = input.memo.as_deref().filter(|t| !t.trim().is_empty()) {
        request = request.with_memo(memo.trim())?;
    }
    if let Some(label) = input.label.as_deref().filter(|t| !t.trim().is_empty()) {
        request = request.with_label(label.trim())?;
    }
    if let Some(seconds) = input.expires_in_s {
        request = request.with_expiry(now_s.saturating_add(seconds))?;
    }
    let account = reader.account(&to)?;
    if info.asset != AssetId::Point {
        // The asset was proven at the same header by resolve_asset; prove
        // it exists at this one too (a sync may have moved the head).
        reads::asset_info(reader, info.asset)?;
    }
    Ok(PaymentRequestView {
        uri: request.to_uri(),
        qr_text: request.to_qr_text(),
        to: to.encode(facts.network),
        asset: AssetView::of(&info),
        amount,
        memo: request.memo().map(str::to_owned),
        label: request.label().map(str::to_owned),
        expires: request.expires(),
        chain_id: chain.as_str().to_owned(),
        history_from: account.value.history_len,
        proven: ProvenAt::of(&account),
    })
}
