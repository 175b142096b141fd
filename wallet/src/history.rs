//! Use case: **see a proven, complete history** of POINT and points
//! movements. The account record commits to its history (`history_len`,
//! `history_head`, `docs/adr/0013-points-swaps-and-history.md`): the light
//! client folds the node's entries onto that commitment, so an omitted,
//! reordered or altered entry is caught (the node is demoted), and each
//! entry shown is proven included, with its result, against the verified
//! header at its height.

use std::collections::HashMap;

use jifen_light_client::Proven;
use jifen_protocol::history::{HistoryCheckpoint, HistoryEntry};
use jifen_protocol::points::{SwapDirection, quote as quote_swap};
use jifen_protocol::{Address, AssetId, MerchantId, Network, Transaction, TxPayload};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::chain::{ChainReader, ChainSession};
use crate::jobs::CancelToken;
use crate::pay::memo_text;
use crate::points::{AssetInfo, PointsFlowError, reads};
use crate::views::{AmountView, ProvenAt};

/// Most entries one call proves (newest first).
pub const MAX_HISTORY_SHOWN: u32 = 200;

/// What an entry did to the address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MoveView {
    /// The amount.
    pub amount: AmountView,
    /// Into the address (true) or out of it.
    pub incoming: bool,
}

/// One proven history entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HistoryEntryView {
    /// Its position in the account's history (0: the first; none for a
    /// transaction looked up by id).
    pub index: Option<u64>,
    /// The transaction id.
    pub tx_id: String,
    /// The block height.
    pub height: u64,
    /// The transaction's kind (`transfer`, `transfer-asset`, `swap`,
    /// `withdraw`, `mint`, `points-issue`, ...).
    pub kind: String,
    /// The proven result code (0: success; otherwise nothing but the fee
    /// moved).
    pub result_code: u16,
    /// What moved into or out of the address (none for a failed one,
    /// except the fee).
    pub moves: Vec<MoveView>,
    /// The other party, when there is one.
    pub counterparty: Option<String>,
    /// The memo (order id) of an asset transfer.
    pub memo: Option<String>,
    /// Whether this address sent it (and paid its fee).
    pub sent: bool,
    /// The verified header its inclusion was proven against.
    pub proven: ProvenAt,
}

/// An address's history, proven complete.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HistoryView {
    /// The address.
    pub address: String,
    /// How many entries the proven account commits to (all checked).
    pub total: u64,
    /// The entries shown, newest first, each proven included.
    pub entries: Vec<HistoryEntryView>,
    /// Older entries checked for completeness but not shown.
    pub older: u64,
    /// Where the account (and so the completeness) was proven.
    pub proven: ProvenAt,
}

/// `address`'s whole history checked complete against its proven account,
/// and the newest `limit` entries (at most [`MAX_HISTORY_SHOWN`]) proven
/// included with their results and described.
///
/// # Errors
/// Light-client errors (`history-*` when no node serves a history that
/// folds to the proven account), `chain-cancelled`, proof errors.
pub fn history(
    session: &mut ChainSession,
    address: &Address,
    limit: u32,
    cancel: &CancelToken,
) -> Result<HistoryView, PointsFlowError> {
    let proven = session.history_since(address, HistoryCheckpoint::EMPTY)?;
    let shown = usize::try_from(limit.clamp(1, MAX_HISTORY_SHOWN)).unwrap_or(1);
    let total = proven.entries.len();
    let first = total.saturating_sub(shown);
    let mut assets = Assets::default();
    let mut entries = Vec::with_capacity(total - first);
    for (index, entry) in proven.entries.iter().enumerate().skip(first).rev() {
        if cancel.is_cancelled() {
            return Err(crate::chain::ChainError::Cancelled.into());
        }
        let inclusion = prove_entry(session, entry)?;
        entries.push(describe(
            &session.reader(),
            &mut assets,
            address,
            u64::try_from(index).ok(),
            entry,
            &inclusion,
        )?);
    }
    Ok(HistoryView {
        address: address.encode(session.network()),
        total: proven.account.value.history_len,
        entries,
        older: u64::try_from(first).unwrap_or(u64::MAX),
        proven: ProvenAt::of(&proven.account),
    })
}

/// Use case: **a receipt**: transaction `id`, proven included with its
/// result, described from `me`'s side (what moved in and out). Export it as
/// an audit bundle with [`crate::audit::export_receipt_bundle`].
///
/// # Errors
/// `lc-client-tx-not-proven` when no node proves it in a verified block
/// (yet), proof errors.
pub fn receipt(
    session: &mut ChainSession,
    me: &Address,
    id: &jifen_protocol::Hash32,
) -> Result<HistoryEntryView, PointsFlowError> {
    let inclusion = session
        .tx_inclusion(id)?
        .ok_or(jifen_light_client::ClientError::TxNotProven { id: *id })?;
    let entry = HistoryEntry {
        tx_id: *id,
        height: inclusion.height,
    };
    describe(
        &session.reader(),
        &mut Assets::default(),
        me,
        None,
        &entry,
        &inclusion,
    )
}

/// The proven inclusion of a history entry: same id, same height.
pub(crate) fn prove_entry(
    session: &mut ChainSession,
    entry: &HistoryEntry,
) -> Result<Proven<jifen_light_client::TxInclusion>, PointsFlowError> {
    let inclusion =
        session
            .tx_inclusion(&entry.tx_id)?
            .ok_or_else(|| PointsFlowError::RecordMalformed {
                what: "history entry",
                detail: format!("no node proves transaction {} included", entry.tx_id),
            })?;
    if inclusion.height != entry.height || inclusion.value.tx.id() != entry.tx_id {
        return Err(PointsFlowError::RecordMalformed {
            what: "history entry",
            detail: format!(
                "transaction {} is proven at height {}, the history says {}",
                entry.tx_id, inclusion.height, entry.height
            ),
        });
    }
    Ok(inclusion)
}

/// Asset names and decimals, proven once per merchant.
#[derive(Default)]
pub(crate) struct Assets(HashMap<u32, AssetInfo>);

impl Assets {
    pub(crate) fn get(
        &mut self,
        reader: &ChainReader,
        asset: AssetId,
    ) -> Result<AssetInfo, PointsFlowError> {
        let key = asset.to_u32();
        if let Some(info) = self.0.get(&key) {
            return Ok(info.clone());
        }
        let info = reads::asset_info(reader, asset)?;
        self.0.insert(key, info.clone());
        Ok(info)
    }
}

/// The kebab-case name of a transaction's kind, as history entries and
/// receipts show it.
#[must_use]
pub fn kind_name(tx: &Transaction) -> &'static str {
    match &tx.unsigned.payload {
        TxPayload::Transfer(_) => "transfer",
        TxPayload::Bond(_) => "bond",
        TxPayload::Unbond(_) => "unbond",
        TxPayload::Mint(_) => "mint",
        TxPayload::Withdraw(_) => "withdraw",
        TxPayload::TransferAsset(_) => "transfer-asset",
        TxPayload::MerchantRegister(_) => "merchant-register",
        TxPayload::CouncilVote(_) => "council-vote",
        TxPayload::RateSet(_) => "rate-set",
        TxPayload::PointsIssue(_) => "points-issue",
        TxPayload::DepositTopUp(_) => "deposit-top-up",
        TxPayload::DepositWithdraw(_) => "deposit-withdraw",
        TxPayload::Swap(_) => "swap",
        TxPayload::SubchainRegister(_) => "subchain-register",
        TxPayload::SubchainReport(_) => "subchain-report",
        TxPayload::SubchainRetire(_) => "subchain-retire",
        TxPayload::PartyRegister(_) => "party-register",
        TxPayload::ItemAnchor(_) => "item-anchor",
        TxPayload::ItemSale(_) => "item-sale",
    }
}

/// What `inclusion`'s transaction did to `me`.
pub(crate) fn describe(
    reader: &ChainReader,
    assets: &mut Assets,
    me: &Address,
    index: Option<u64>,
    entry: &HistoryEntry,
    inclusion: &Proven<jifen_light_client::TxInclusion>,
) -> Result<HistoryEntryView, PointsFlowError> {
    let tx = &inclusion.value.tx;
    let network: Network = reader.network();
    let sender = tx.unsigned.sender;
    let sent = sender == *me;
    let ok = inclusion.value.result_code == 0;
    let point = AssetInfo::point();
    let mut moves = Vec::new();
    let mut counterparty = None;
    let mut memo = None;
    let mut push = |amount: AmountView, incoming: bool| moves.push(MoveView { amount, incoming });
    let other = |address: &Address| (address != me).then(|| address.encode(network));
    match &tx.unsigned.payload {
        TxPayload::Transfer(t) => {
            counterparty = if sent { other(&t.to) } else { other(&sender) };
            if ok && (sent || t.to == *me) && !(sent && t.to == *me) {
                push(point.amount(t.amount), !sent);
            }
        }
        TxPayload::TransferAsset(t) => {
            let info = assets.get(reader, t.asset)?;
            counterparty = if sent { other(&t.to) } else { other(&sender) };
            memo = memo_text(&t.memo);
            if ok && (sent || t.to == *me) && !(sent && t.to == *me) {
                push(info.amount(t.amount), !sent);
            }
        }
        TxPayload::Withdraw(w) if sent && ok => push(point.amount(w.amount), false),
        TxPayload::Mint(m) if m.to == *me && ok => push(point.amount(m.amount), true),
        TxPayload::PointsIssue(issue) => {
            let info = assets.get(reader, AssetId::Points(issue.merchant))?;
            counterparty = if sent {
                other(&issue.to)
            } else {
                other(&sender)
            };
            if ok && issue.to == *me {
                push(info.amount(issue.amount), true);
            }
        }
        TxPayload::DepositTopUp(d) if sent && ok => push(point.amount(d.amount), false),
        TxPayload::DepositWithdraw(d) if sent && ok => push(point.amount(d.amount), true),
        TxPayload::MerchantRegister(r) if sent && ok => push(point.amount(r.deposit), false),
        TxPayload::SubchainRegister(r) if sent && ok => push(point.amount(r.stake), false),
        TxPayload::SubchainRetire(r) if sent && ok => {
            // A retired record keeps the stake it paid back.
            if let Some(record) = reader.subchain_record(r.subchain)? {
                push(point.amount(record.value.stake), true);
            }
        }
        TxPayload::Swap(swap) if sent && ok => {
            let points = assets.get(reader, AssetId::Points(swap.merchant))?;
            let out = swap_out(reader, swap.merchant, swap)?;
            let (input, output) = match swap.direction {
                SwapDirection::PointsToPoint => (&points, &point),
                SwapDirection::PointToPoints => (&point, &points),
            };
            push(input.amount(swap.amount_in), false);
            push(output.amount(out), true);
        }
        _ => {}
    }
    if sent {
        moves.push(MoveView {
            amount: point.amount(tx.unsigned.fee),
            incoming: false,
        });
    }
    Ok(HistoryEntryView {
        index,
        tx_id: entry.tx_id.to_string(),
        height: entry.height,
        kind: kind_name(tx).to_owned(),
        result_code: inclusion.value.result_code,
        moves,
        counterparty,
        memo,
        sent,
        proven: ProvenAt::of(inclusion),
    })
}

/// What a successful swap paid out: its proven rate version through the
/// chain's quote function.
fn swap_out(
    reader: &ChainReader,
    merchant: MerchantId,
    swap: &jifen_protocol::points::Swap,
) -> Result<u128, PointsFlowError> {
    let rate = reads::rate(reader, merchant, swap.rate_version)?
        .value
        .ok_or_else(|| PointsFlowError::RecordMalformed {
            what: "rate",
            detail: format!(
                "version {} of merchant {merchant} is not on chain",
                swap.rate_version
            ),
        })?;
    Ok(quote_swap(&rate.terms, swap.direction, swap.amount_in)
        .map(|q| q.amount_out)
        .unwrap_or(0))
}
