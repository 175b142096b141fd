//! The main-chain payloads of provenance: the platform registers a party,
//! a tag issuer anchors an item's records, a retailer records a sale.

use crate::encoding::{Decode, DecodeError, Encode, Reader};
use crate::points::read_address;
use crate::subchain::{SubchainId, read_subchain};
use crate::{Address, Hash32};

use super::ItemId;
use super::party::{Roles, put_party_fields, read_party_fields};

/// Register or re-register a party (`0x0040`): the alliance's platform
/// account only. Re-registering replaces the roles and the period (ending
/// a party is registering it with an end).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PartyRegister {
    /// The party's address (of the key it signs records with).
    pub party: Address,
    /// Its name.
    pub name: String,
    /// Its roles (not empty).
    pub roles: Roles,
    /// From when (UTC ms, inclusive).
    pub valid_from_ms: u64,
    /// Until when (UTC ms, exclusive; after `valid_from_ms`).
    pub valid_until_ms: u64,
}

impl Encode for PartyRegister {
    /// `party (20) || name (u32 len) || roles u8 || valid_from_ms u64 || valid_until_ms u64`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.party.as_bytes());
        put_party_fields(
            out,
            &self.name,
            self.roles,
            self.valid_from_ms,
            self.valid_until_ms,
        );
    }
}

impl Decode for PartyRegister {
    const NAME: &'static str = "party register";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let party = read_address(reader, "party")?;
        let (name, roles, valid_from_ms, valid_until_ms) = read_party_fields(reader)?;
        Ok(Self {
            party,
            name,
            roles,
            valid_from_ms,
            valid_until_ms,
        })
    }
}

/// Anchor an item's records (`0x0041`): a tag issuer valid at the block's
/// time. The first anchor of an item creates its [`super::AnchorRecord`];
/// later ones (same issuer, same subchain) extend it to more records.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ItemAnchor {
    /// The item.
    pub item: ItemId,
    /// The subchain its records live on (registered, bft).
    pub subchain: SubchainId,
    /// How many records the root covers (records `0..count`; at least 1).
    pub count: u32,
    /// [`super::records_root`] over the leaves of those records.
    pub root: Hash32,
}

impl Encode for ItemAnchor {
    /// `item || subchain u32 || count u32 || root (32)`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        self.item.encode_to(out);
        out.extend_from_slice(&self.subchain.get().to_be_bytes());
        out.extend_from_slice(&self.count.to_be_bytes());
        out.extend_from_slice(self.root.as_bytes());
    }
}

impl Decode for ItemAnchor {
    const NAME: &'static str = "item anchor";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let item = ItemId::decode_from(reader)?;
        let subchain = read_subchain(reader, "subchain")?;
        let offset = reader.offset();
        let count = reader.u32("count")?;
        if count == 0 || count > super::MAX_RECORDS {
            return Err(crate::points::invalid(
                "count",
                offset,
                "an anchor covers 1 to 4,096 records",
            ));
        }
        Ok(Self {
            item,
            subchain,
            count,
            root: Hash32(reader.array("root")?),
        })
    }
}

/// Record the sale of an item (`0x0042`, CBV `retail_selling`): a retailer
/// valid at the block's time; the item must be anchored. The chain keeps
/// every sale (up to [`super::MAX_SALES`]): a second sale of one serial is
/// the mark of a cloned tag.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ItemSale {
    /// The item sold.
    pub item: ItemId,
}

impl Encode for ItemSale {
    /// `item`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        self.item.encode_to(out);
    }
}

impl Decode for ItemSale {
    const NAME: &'static str = "item sale";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            item: ItemId::decode_from(reader)?,
        })
    }
}
