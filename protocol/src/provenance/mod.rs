//! Product provenance (ADR 0020, `docs/traceability.md`): items named by
//! GS1 tags, parties registered on the main chain, EPCIS 2.0 records on the
//! consortium's bft subchain, item anchors and sales on the main chain.
//!
//! Seed 004's lookup, made exact: every party signs its record (the event's
//! CBV 2.0 hash, the item, its place, the previous record's leaf); the
//! records live on the consortium's subchain; a tag issuer anchors the
//! RFC 6962 root over the records' leaves on the main chain; a retailer
//! records the sale there. A wallet recomputes every hash and root and
//! compares.
//!
//! | module | holds |
//! |---|---|
//! | [`item`] | [`ItemId`], [`Gtin`], GS1's check digit and 82-character set |
//! | [`party`] | [`Role`], [`Roles`], [`PartyRecord`] |
//! | [`record`] | [`ProvenanceRecord`], its digest and leaf, [`records_root`], entry keys |
//! | [`tx`] | the payloads [`PartyRegister`], [`ItemAnchor`], [`ItemSale`] |
//! | [`chain`] | [`AnchorRecord`], [`SalesRecord`], state keys, the rules, [`ProvenanceError`] |

pub mod chain;
pub mod item;
pub mod party;
pub mod record;
pub mod tx;

pub use chain::{
    AnchorPoint, AnchorRecord, MAX_ANCHOR_POINTS, MAX_SALES, ProvenanceCode, ProvenanceError, Sale,
    SalesRecord, anchor_key, apply_anchor, apply_party_register, apply_sale, check_party,
    party_key, sales_key,
};
pub use item::{Gtin, ItemId, MAX_SERIAL_LEN, gs1_check_digit, is_gs1_char82};
pub use party::{MAX_PARTY_NAME_LEN, PartyRecord, Role, Roles};
pub use record::{
    LEAF_TAG, MAX_EVENT_LEN, MAX_RECORDS, ProvenanceRecord, RECORD_TAG, count_entry,
    count_entry_key, decode_count, record_digest, record_entry_key, records_root,
};
pub use tx::{ItemAnchor, ItemSale, PartyRegister};

#[cfg(test)]
mod tests;
