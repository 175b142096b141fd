//! Use case: **record a sale** (CBV `retail_selling`) of an item on the
//! main chain, signed by the retailer's registered key (hot, or on the
//! cold device like every transaction). A second sale of one serial is
//! what marks a copied tag, so the review refuses an item already sold.

use jifen_protocol::TxPayload;
use jifen_protocol::provenance::{
    AnchorRecord, ItemSale, PartyRecord, Role, SalesRecord, anchor_key, party_key, sales_key,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::error::{ProvenanceFlowError, decode_one};
use super::tag;
use super::views::TagView;
use crate::action::{ActionReview, PreparedAction, now_ms, review_id};
use crate::chain::{ChainReader, MIN_FEE, parse_points};
use crate::views::{AmountView, ProvenAt};
use crate::wallets::WalletFacts;

/// What to sell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SaleRequest {
    /// The item's tag.
    pub tag: String,
    /// The retailer's account (index).
    pub from_index: u32,
    /// The network fee in POINT (default the minimum).
    pub fee: Option<String>,
}

/// What the retailer confirms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SaleReview {
    /// The review id (first 16 hex digits of the signing digest).
    pub review_id: String,
    /// The retailer's address.
    pub from: String,
    /// The retailer's registered name.
    pub seller: String,
    /// The item.
    pub tag: TagView,
    /// Records the item's anchor covers.
    pub anchored_records: u32,
    /// The network fee.
    pub network_fee: AmountView,
    /// The transaction's nonce.
    pub nonce: u64,
    /// The chain it is signed for.
    pub chain_id: String,
    /// Where the anchor, sales and party were proven.
    pub proven: ProvenAt,
}

/// Checks that the account is a retailer now, the item is anchored and
/// not sold, and prepares the sale transaction.
///
/// # Errors
/// `tag-*`, `trace-wrong-network`, `trace-not-a-party` (not a registered
/// retailer now), `trace-not-anchored`, `trace-already-sold`, fee and
/// balance errors, light-client errors.
pub fn review(
    reader: &ChainReader,
    facts: &WalletFacts,
    request: &SaleRequest,
) -> Result<PreparedAction, ProvenanceFlowError> {
    let product = tag::parse_for(&request.tag, facts.network)?;
    let item = product.item.clone();
    let fee = match request.fee.as_deref().map(str::trim) {
        Some(text) if !text.is_empty() => parse_points(text)?,
        _ => MIN_FEE,
    };
    let sender = facts
        .public_key(request.from_index)
        .map_err(crate::chain::ChainError::from)?;
    let address = sender.address();
    let party = reader.state(&party_key(&address))?;
    let party: Option<PartyRecord> = party
        .value
        .as_deref()
        .map(|b| decode_one("party record", b))
        .transpose()?;
    let seller = match party {
        Some(party) if party.valid_at(Role::Retailer, now_ms()) => party.name,
        _ => {
            return Err(ProvenanceFlowError::NotAParty {
                role: Role::Retailer.as_str().to_owned(),
            });
        }
    };
    let anchor = reader.state(&anchor_key(&item))?;
    let at = ProvenAt {
        height: anchor.height,
        header_hash: anchor.header_hash.to_string(),
    };
    let anchor: AnchorRecord = match anchor.value.as_deref() {
        Some(bytes) => decode_one("anchor record", bytes)?,
        None => return Err(ProvenanceFlowError::NotAnchored),
    };
    if let Some(bytes) = reader.state(&sales_key(&item))?.value {
        let sales: SalesRecord = decode_one("sales record", &bytes)?;
        if let Some(first) = sales.sales.first() {
            return Err(ProvenanceFlowError::AlreadySold {
                height: first.height,
            });
        }
    }
    let plan = reader.plan_payload(sender, TxPayload::ItemSale(ItemSale { item }), fee, 0)?;
    let review = SaleReview {
        review_id: review_id(&plan.unsigned),
        from: address.encode(facts.network),
        seller,
        tag: tag::view(request.tag.trim(), &product),
        anchored_records: anchor.latest().map_or(0, |p| p.count),
        network_fee: AmountView::points(fee),
        nonce: plan.unsigned.nonce,
        chain_id: plan.unsigned.chain_id.as_str().to_owned(),
        proven: at,
    };
    Ok(PreparedAction {
        unsigned: plan.unsigned,
        from_index: request.from_index,
        network: facts.network,
        review: ActionReview::Sale(Box::new(review)),
        expires_at_ms: None,
    })
}
