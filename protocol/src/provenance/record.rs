//! A provenance record: one EPCIS 2.0 event about one item, signed by the
//! party that made it and chained to the item's previous record. Records
//! are entries of the consortium's bft subchain; the main chain anchors a
//! root over their leaves (`docs/traceability.md#records`).

use crate::encoding::{Decode, DecodeError, Encode, Reader};
use crate::hash::tagged_hash_parts;
use crate::points::{invalid, put_bytes, read_bounded};
use crate::subchain::Entry;
use crate::{Address, ChainId, Hash32, PublicKey, Signature, merkle};

use super::ItemId;

/// Domain tag of a record's signing digest.
pub const RECORD_TAG: &str = "jifen/provenance-record";
/// Domain tag of a record's anchor leaf.
pub const LEAF_TAG: &str = "jifen/provenance-leaf";
/// Longest event JSON a record carries, bytes.
pub const MAX_EVENT_LEN: usize = 3_072;
/// Most records one item has.
pub const MAX_RECORDS: u32 = 4_096;
/// Record format version 1.
pub const RECORD_VERSION: u8 = 1;

/// One signed record of an item's history.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ProvenanceRecord {
    /// The item.
    pub item: ItemId,
    /// Its place in the item's history, from 0 (the producer's product
    /// record).
    pub index: u32,
    /// The leaf ([`ProvenanceRecord::leaf`]) of record `index - 1`;
    /// [`Hash32::ZERO`] for record 0.
    pub prev: Hash32,
    /// The EPCIS 2.0 event, UTF-8 JSON, as the party wrote it.
    pub event: Vec<u8>,
    /// The event's CBV 2.0 event hash (the SHA-256 digest of its pre-hash
    /// string), as the party computed it.
    pub event_hash: Hash32,
    /// The party's key.
    pub signer: PublicKey,
    /// The party's signature over [`record_digest`].
    pub signature: Signature,
}

/// What a party signs:
/// `tagged_hash("jifen/provenance-record", chain_id || item || index u32 || prev || event_hash)`,
/// with the main chain's id (the one the party is registered on).
#[must_use]
pub fn record_digest(
    chain_id: &ChainId,
    item: &ItemId,
    index: u32,
    prev: &Hash32,
    event_hash: &Hash32,
) -> [u8; 32] {
    tagged_hash_parts(
        RECORD_TAG,
        &[
            chain_id.encode().as_slice(),
            item.encode().as_slice(),
            index.to_be_bytes().as_slice(),
            prev.as_bytes().as_slice(),
            event_hash.as_bytes().as_slice(),
        ],
    )
}

impl ProvenanceRecord {
    /// The digest this record's signature covers.
    #[must_use]
    pub fn digest(&self, chain_id: &ChainId) -> [u8; 32] {
        record_digest(
            chain_id,
            &self.item,
            self.index,
            &self.prev,
            &self.event_hash,
        )
    }

    /// The signer's address.
    #[must_use]
    pub fn signer_address(&self) -> Address {
        self.signer.address()
    }

    /// The record's anchor leaf:
    /// `tagged_hash("jifen/provenance-leaf", event_hash || signer address || signature)`.
    /// It covers the event (through its hash), who signed it and the
    /// signature, which itself covers the item, the place and the link.
    #[must_use]
    pub fn leaf(&self) -> Hash32 {
        Hash32(tagged_hash_parts(
            LEAF_TAG,
            &[
                self.event_hash.as_bytes().as_slice(),
                self.signer.address().as_bytes().as_slice(),
                self.signature.to_bytes().as_slice(),
            ],
        ))
    }

    /// The subchain entry that stores this record (its key is
    /// [`record_entry_key`]).
    #[must_use]
    pub fn entry(&self) -> Entry {
        Entry {
            key: record_entry_key(&self.item, self.index),
            value: self.encode(),
        }
    }
}

/// The root an item anchor holds over leaves `0..n`: RFC 6962 over the
/// 32-byte leaves ([`merkle::root`]).
#[must_use]
pub fn records_root(leaves: &[Hash32]) -> Hash32 {
    let leaves: Vec<&[u8]> = leaves
        .iter()
        .map(|leaf| leaf.as_bytes().as_slice())
        .collect();
    merkle::root(&leaves)
}

/// The subchain entry key of record `index` of `item`:
/// `prov/<gtin>/<serial>/<index in decimal>`.
#[must_use]
pub fn record_entry_key(item: &ItemId, index: u32) -> String {
    format!("prov/{item}/{index}")
}

/// The subchain entry key of `item`'s record count (value: `count u32`
/// big-endian): `prov/<gtin>/<serial>/n`.
#[must_use]
pub fn count_entry_key(item: &ItemId) -> String {
    format!("prov/{item}/n")
}

/// The entry that sets `item`'s record count.
#[must_use]
pub fn count_entry(item: &ItemId, count: u32) -> Entry {
    Entry {
        key: count_entry_key(item),
        value: count.to_be_bytes().to_vec(),
    }
}

/// Decodes a record count entry's value.
#[must_use]
pub fn decode_count(value: &[u8]) -> Option<u32> {
    Some(u32::from_be_bytes(value.try_into().ok()?))
}

impl Encode for ProvenanceRecord {
    /// `version u8 (1) || item || index u32 || prev (32) || event (u32 len) ||
    /// event_hash (32) || signer (33) || signature (64)`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.push(RECORD_VERSION);
        self.item.encode_to(out);
        out.extend_from_slice(&self.index.to_be_bytes());
        out.extend_from_slice(self.prev.as_bytes());
        put_bytes(out, &self.event);
        out.extend_from_slice(self.event_hash.as_bytes());
        out.extend_from_slice(&self.signer.to_bytes());
        out.extend_from_slice(&self.signature.to_bytes());
    }
}

impl Decode for ProvenanceRecord {
    const NAME: &'static str = "provenance record";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let offset = reader.offset();
        if reader.u8("version")? != RECORD_VERSION {
            return Err(invalid("version", offset, "record version 1"));
        }
        let item = ItemId::decode_from(reader)?;
        let offset = reader.offset();
        let index = reader.u32("index")?;
        if index >= MAX_RECORDS {
            return Err(invalid(
                "index",
                offset,
                "an item has at most 4,096 records",
            ));
        }
        let prev = Hash32(reader.array("prev")?);
        let event = read_bounded(reader, "event", 2, MAX_EVENT_LEN)?;
        let event_hash = Hash32(reader.array("event hash")?);
        let signer = PublicKey::decode_from(reader)?;
        let signature = Signature::decode_from(reader)?;
        Ok(Self {
            item,
            index,
            prev,
            event,
            event_hash,
            signer,
            signature,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::tagged_hash;

    #[test]
    fn roots_and_keys() {
        let item = ItemId::new(super::super::Gtin::parse("09501101021037").unwrap(), "S1").unwrap();
        assert_eq!(record_entry_key(&item, 3), "prov/09501101021037/S1/3");
        assert_eq!(count_entry_key(&item), "prov/09501101021037/S1/n");
        assert_eq!(decode_count(&count_entry(&item, 7).value), Some(7));
        assert_eq!(decode_count(&[1, 2]), None);
        let leaf = Hash32(tagged_hash(LEAF_TAG, b"x"));
        assert_eq!(
            records_root(&[leaf]),
            merkle::root(&[leaf.as_bytes().as_slice()])
        );
        assert_ne!(records_root(&[leaf, leaf]), records_root(&[leaf]));
    }
}
