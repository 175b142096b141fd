//! The swap's receipt ([`prove_swap`]): inclusion and result proven, what
//! the chain paid re-derived from the proven rate version the swap named,
//! both balances afterwards proven.

use std::time::Duration;

use jifen_protocol::points::{Swap, SwapDirection, quote as quote_swap};
use jifen_protocol::{Transaction, TxPayload};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::quote::SwapReview;
use crate::chain::{ChainSession, check_fee};
use crate::jobs::CancelToken;
use crate::points::error::RuleUnits;
use crate::points::{AssetInfo, PointsFlowError, reads};
use crate::send::{SendProgress, broadcast_and_prove};
use crate::views::{AmountView, ProvenAt};

/// A swap proven done.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SwapReceipt {
    /// The transaction id.
    pub tx_id: String,
    /// The block it is in.
    pub height: u64,
    /// Its position in the block.
    pub index: u64,
    /// The verified header its inclusion and result were proven against.
    pub proven: ProvenAt,
    /// What was paid in.
    pub paid: AmountView,
    /// What the quote said would come out.
    pub quoted: AmountView,
    /// What the chain paid out (the proven rate version the swap named,
    /// through the chain's quote function).
    pub received: AmountView,
    /// The minimum the swap accepted.
    pub min_receive: AmountView,
    /// The exchange fee the platform took (POINT).
    pub exchange_fee: AmountView,
    /// The network fee (POINT).
    pub network_fee: AmountView,
    /// Whether `received` is exactly `quoted`.
    pub as_quoted: bool,
    /// The rate version it ran at.
    pub rate_version: u32,
    /// The input asset's balance afterwards, proven.
    pub balance_in_after: AmountView,
    /// The output asset's balance afterwards, proven.
    pub balance_out_after: AmountView,
    /// Where the balances afterwards were proven.
    pub balances_proven: ProvenAt,
}

/// Step 3: broadcasts `tx` (the swap of `review`), waits at most `timeout`
/// for its proven inclusion and success, and proves the receipt.
///
/// # Errors
/// As [`broadcast_and_prove`] (`chain-tx-failed` with the chain's code when
/// the swap was refused in its block: the network fee was paid, nothing was
/// converted), proof errors.
pub fn prove_swap(
    session: &mut ChainSession,
    tx: &Transaction,
    review: &SwapReview,
    timeout: Duration,
    on_event: &mut dyn FnMut(SendProgress),
    cancel: &CancelToken,
) -> Result<SwapReceipt, PointsFlowError> {
    let TxPayload::Swap(swap) = &tx.unsigned.payload else {
        return Err(PointsFlowError::RecordMalformed {
            what: "swap transaction",
            detail: "not a swap".to_owned(),
        });
    };
    check_fee(tx.unsigned.fee)?;
    let sender = tx.unsigned.sender;
    let sent = broadcast_and_prove(session, tx, &sender, timeout, on_event, cancel)?;
    let reader = session.reader();
    let (merchant, _) = reads::existing_merchant(&reader, swap.merchant)?;
    let points = AssetInfo::of_merchant(&merchant);
    let point = AssetInfo::point();
    let received = executed_out(&reader, swap, &points)?;
    let (input, output) = match swap.direction {
        SwapDirection::PointsToPoint => (&points, &point),
        SwapDirection::PointToPoints => (&point, &points),
    };
    let balance_in = reads::balance(&reader, &sender, input.asset)?;
    let balance_out = reads::balance(&reader, &sender, output.asset)?;
    let received_units = received.amount_out;
    Ok(SwapReceipt {
        tx_id: sent.tx_id,
        height: sent.height,
        index: sent.index,
        proven: sent.proven,
        paid: input.amount(swap.amount_in),
        quoted: review.receive.clone(),
        received: output.amount(received_units),
        min_receive: output.amount(swap.min_out),
        exchange_fee: point.amount(received.platform_fee),
        network_fee: point.amount(tx.unsigned.fee),
        as_quoted: review.receive.units == received_units.to_string(),
        rate_version: swap.rate_version,
        balance_in_after: input.amount(balance_in.value),
        balance_out_after: output.amount(balance_out.value),
        balances_proven: ProvenAt::of(&balance_out),
    })
}

/// What the chain paid for `swap`: its proven rate version through the
/// chain's quote function (versions never change once set).
fn executed_out(
    reader: &crate::chain::ChainReader,
    swap: &Swap,
    points: &AssetInfo,
) -> Result<jifen_protocol::points::Quote, PointsFlowError> {
    let units = RuleUnits {
        points: Some(points),
        direction: Some(swap.direction),
    };
    let rate = reads::rate(reader, swap.merchant, swap.rate_version)?
        .value
        .ok_or_else(|| {
            PointsFlowError::rule(
                jifen_protocol::points::PointsError::NotQuoting {
                    merchant: swap.merchant,
                },
                &units,
            )
        })?;
    quote_swap(&rate.terms, swap.direction, swap.amount_in)
        .map_err(|error| PointsFlowError::rule(error, &units))
}
