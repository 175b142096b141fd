//! The provenance part of the vector fixture: item `06901234567892` /
//! `TEA-0001`, two records signed by keys 1 (producer) and 2 (warehouse)
//! over fixed CBV event hashes, their leaves and the anchored root, and the
//! three main-chain payloads.

use jifen_protocol::provenance::{
    Gtin, ItemAnchor, ItemId, ItemSale, PartyRegister, ProvenanceRecord, Role, Roles, anchor_key,
    count_entry_key, party_key, record_entry_key, records_root, sales_key,
};
use jifen_protocol::subchain::{SubchainId, subchain_state_key};
use jifen_protocol::{Encode, Hash32};

use super::{address_of, chain_id, public_key, sign};

pub fn item() -> ItemId {
    ItemId::new(Gtin::parse("06901234567892").unwrap(), "TEA-0001").unwrap()
}

fn record(n: u8, index: u32, prev: Hash32, event_hash: Hash32) -> ProvenanceRecord {
    let mut record = ProvenanceRecord {
        item: item(),
        index,
        prev,
        event: br#"{"type":"ObjectEvent"}"#.to_vec(),
        event_hash,
        signer: public_key(n),
        signature: sign(n, &[0; 32]),
    };
    record.signature = sign(n, &record.digest(&chain_id()));
    record
}

pub fn vectors(put: &mut dyn FnMut(&str, String)) {
    let hex = |bytes: Vec<u8>| hex::encode(bytes);
    let first = record(1, 0, Hash32::ZERO, Hash32([0x11; 32]));
    let second = record(2, 1, first.leaf(), Hash32([0x22; 32]));
    put("provenance.item", hex(item().encode()));
    put(
        "provenance.record-0-digest",
        hex(first.digest(&chain_id()).to_vec()),
    );
    put("provenance.record-0", hex(first.encode()));
    put("provenance.record-0-leaf", first.leaf().to_string());
    put("provenance.record-1-leaf", second.leaf().to_string());
    put(
        "provenance.records-root-2",
        records_root(&[first.leaf(), second.leaf()]).to_string(),
    );
    put(
        "provenance.entry-key-record-1",
        subchain_state_key(&record_entry_key(&item(), 1)).to_string(),
    );
    put(
        "provenance.entry-key-count",
        subchain_state_key(&count_entry_key(&item())).to_string(),
    );
    put("provenance.anchor-key", anchor_key(&item()).to_string());
    put("provenance.sales-key", sales_key(&item()).to_string());
    put(
        "provenance.party-key-1",
        party_key(&address_of(1)).to_string(),
    );
    put(
        "provenance.party-register",
        hex(PartyRegister {
            party: address_of(1),
            name: "云南普洱茶园".into(),
            roles: Roles::of(&[Role::Producer]),
            valid_from_ms: 1_767_225_600_000,
            valid_until_ms: u64::MAX,
        }
        .encode()),
    );
    put(
        "provenance.item-anchor",
        hex(ItemAnchor {
            item: item(),
            subchain: SubchainId::new(1).unwrap(),
            count: 2,
            root: records_root(&[first.leaf(), second.leaf()]),
        }
        .encode()),
    );
    put(
        "provenance.item-sale",
        hex(ItemSale { item: item() }.encode()),
    );
}
