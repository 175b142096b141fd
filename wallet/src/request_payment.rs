//! Use case: **ask to be paid** (a merchant at the counter, or anyone): a
//! payment request (`jifen:` URI and the text of its QR code,
//! `docs/payment-request.md`) for POINT or a merchant's points, to this
//! wallet's address, with an amount, an order id (memo), a label and an
//! expiry. The request records where the payee's proven history stood when
//! it was made, so the payment that answers it is found among the entries
//! after that point and proven.

use jifen_protocol::ChainId;
use jifen_protocol::payment_request::{DecimalAmount, PaymentRequest};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::chain::ChainReader;
use crate::points::asset::AssetView;
use crate::points::{AssetInfo, PointsFlowError, reads};
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
    Ok(AssetInfo::of_merchant(
        &reads::resolve_merchant(reader, text)?.0,
    ))
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

/// A payment that answers a request, proven.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PaymentSeenView {
    /// The payer.
    pub from: String,
    /// What was paid.
    pub amount: AmountView,
    /// The memo it carried.
    pub memo: Option<String>,
    /// The transaction id.
    pub tx_id: String,
    /// The block height.
    pub height: u64,
    /// Its position in the block.
    pub index: u64,
    /// The verified header its inclusion and result were proven against.
    pub proven: ProvenAt,
    /// Where the payee's history (complete up to here) was proven.
    pub history_proven: ProvenAt,
}

/// A payment watch's state: how far the payee's proven history was read.
/// Start with [`PaymentWatch::from_len`] of the request's `history_from`;
/// each [`find_payment_since`] reads only the entries added since.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PaymentWatch {
    /// Entries of the payee's history already looked at.
    pub len: u64,
    /// The history's head after them (hex; none until the first read).
    pub head: Option<String>,
    /// Height of the last entry looked at.
    pub last_height: u64,
}

impl PaymentWatch {
    /// A watch that looks at entries from `history_from` on.
    #[must_use]
    pub const fn from_len(history_from: u64) -> Self {
        Self {
            len: history_from,
            head: None,
            last_height: 0,
        }
    }
}

/// Looks for the payment answering `request` (a URI this wallet made with
/// [`create`]) among the payee's history entries from `history_from` on:
/// a successful `transfer-asset` of the request's asset to the payee, with
/// its memo and (if it names one) its amount, each proven included. The
/// history is proven complete first, so a node cannot hide the payment.
/// `None`: not paid (yet).
///
/// # Errors
/// `payment-request-*` for a request that does not parse, proof errors.
pub fn find_payment(
    session: &mut crate::chain::ChainSession,
    request: &str,
    history_from: u64,
    cancel: &crate::jobs::CancelToken,
) -> Result<Option<PaymentSeenView>, PointsFlowError> {
    Ok(find_payment_since(
        session,
        request,
        PaymentWatch::from_len(history_from),
        cancel,
    )?
    .0)
}

/// [`find_payment`] that reads only the history entries added since the
/// last check: returns the payment if found and the watch to pass next
/// time. The first check (no head yet) reads the whole history once.
///
/// # Errors
/// As [`find_payment`].
pub fn find_payment_since(
    session: &mut crate::chain::ChainSession,
    request: &str,
    watch: PaymentWatch,
    cancel: &crate::jobs::CancelToken,
) -> Result<(Option<PaymentSeenView>, PaymentWatch), PointsFlowError> {
    use jifen_protocol::history::HistoryCheckpoint;
    let request = PaymentRequest::parse(request.trim())?;
    let payee = *request.recipient();
    let reader = session.reader();
    let info = reads::asset_info(&reader, request.asset())?;
    let amount = request.amount_in_base_units(info.decimals)?;
    let memo = request.memo().unwrap_or("").as_bytes().to_vec();
    let head = watch
        .head
        .as_deref()
        .and_then(|text| text.parse::<jifen_protocol::Hash32>().ok());
    let (history, skip) = match head {
        Some(head) => {
            let start = HistoryCheckpoint {
                len: watch.len,
                head,
                last_height: watch.last_height,
            };
            match session.history_since(&payee, start) {
                Ok(history) => (history, 0),
                // A damaged watch: read it all again.
                Err(_) => (
                    session.history_since(&payee, HistoryCheckpoint::EMPTY)?,
                    watch.len,
                ),
            }
        }
        None => (
            session.history_since(&payee, HistoryCheckpoint::EMPTY)?,
            watch.len,
        ),
    };
    let next = PaymentWatch {
        len: history.end.len,
        head: Some(history.end.head.to_string()),
        last_height: history.end.last_height,
    };
    let start = usize::try_from(skip).unwrap_or(usize::MAX);
    for entry in history.entries.iter().skip(start) {
        if cancel.is_cancelled() {
            return Err(crate::chain::ChainError::Cancelled.into());
        }
        let inclusion = crate::history::prove_entry(session, entry)?;
        let tx = &inclusion.value.tx;
        let jifen_protocol::TxPayload::TransferAsset(transfer) = &tx.unsigned.payload else {
            continue;
        };
        let matches = inclusion.value.result_code == 0
            && transfer.to == payee
            && transfer.asset == request.asset()
            && transfer.memo == memo
            && amount.is_none_or(|a| a == transfer.amount);
        if matches {
            let seen = PaymentSeenView {
                from: tx.unsigned.sender.encode(reader.network()),
                amount: info.amount(transfer.amount),
                memo: crate::pay::memo_text(&transfer.memo),
                tx_id: entry.tx_id.to_string(),
                height: entry.height,
                index: inclusion.value.index,
                proven: ProvenAt::of(&inclusion),
                history_proven: ProvenAt::of(&history.account),
            };
            return Ok((Some(seen), next));
        }
    }
    Ok((None, next))
}
