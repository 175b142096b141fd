//! Execution of the provenance kinds (`docs/traceability.md`): the
//! platform registers parties, a tag issuer anchors an item's records, a
//! retailer records a sale. The rules are the protocol's
//! ([`apply_party_register`], [`apply_anchor`], [`apply_sale`]); this module
//! reads their inputs from the state and writes what they return. The
//! block's time is their `now`.

use jifen_protocol::Address;
use jifen_protocol::provenance::{
    ItemAnchor, ItemSale, PartyRegister, apply_anchor, apply_party_register, apply_sale,
};

use super::overlay::Overlay;
use super::{BlockContext, TxError};

/// `party-register` (`0x0040`): the platform writes the party's record
/// (a re-registration replaces it).
pub fn register(
    ov: &mut Overlay<'_>,
    sender: &Address,
    register: &PartyRegister,
    ctx: &BlockContext<'_>,
) -> Result<(), TxError> {
    let alliance = ov.alliance()?;
    let record = apply_party_register(sender, &alliance, register, ctx.height)?;
    ov.put_party(&register.party, &record);
    Ok(())
}

/// `item-anchor` (`0x0041`): a tag issuer valid at the block's time anchors
/// or extends the item's root on a registered bft subchain.
pub fn anchor(
    ov: &mut Overlay<'_>,
    sender: &Address,
    anchor: &ItemAnchor,
    ctx: &BlockContext<'_>,
) -> Result<(), TxError> {
    let party = ov.party(sender)?;
    let subchain = ov.subchain_if_any(anchor.subchain)?;
    let old = ov.item_anchor(&anchor.item)?;
    let record = apply_anchor(
        sender,
        party.as_ref(),
        subchain.as_ref(),
        old.as_ref(),
        anchor,
        ctx.height,
        ctx.time_ms,
    )?;
    ov.put_item_anchor(&anchor.item, &record);
    Ok(())
}

/// `item-sale` (`0x0042`): a retailer valid at the block's time records the
/// sale of an anchored item (every sale is kept: a second one marks a clone).
pub fn sale(
    ov: &mut Overlay<'_>,
    sender: &Address,
    sale: &ItemSale,
    ctx: &BlockContext<'_>,
) -> Result<(), TxError> {
    let party = ov.party(sender)?;
    let anchor = ov.item_anchor(&sale.item)?;
    let old = ov.item_sales(&sale.item)?;
    let record = apply_sale(
        sender,
        party.as_ref(),
        anchor.as_ref(),
        old.as_ref(),
        sale,
        ctx.height,
        ctx.time_ms,
    )?;
    ov.put_item_sales(&sale.item, &record);
    Ok(())
}
