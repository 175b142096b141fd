//! The demo products' signed records and the `trace-consortium` entries
//! that write them: a pure function of the main chain's id (the records'
//! signatures cover it), so every start of the node gives the same blocks.
//! RFC 6979 makes the signatures deterministic; the one sealed value uses
//! a fixed ephemeral key and nonce derived from the item (public devnet
//! data; a real sealer draws fresh ones).

use std::collections::BTreeMap;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use jifen_crypto::seal::{SEAL_ALG, SEAL_NONCE_LEN, seal_with};
use jifen_protocol::provenance::{ItemId, ProvenanceRecord, record_digest};
use jifen_protocol::subchain::Entry;
use jifen_protocol::{ChainId, Hash32, Network, tagged_hash};
use serde_json::{Value, json};

use super::demo::{
    DemoKind, DemoProduct, RETAILER_MALL_ROLE, RETAILER_TEA_ROLE, TAMPER_HEIGHT, TAMPERED_INDEX,
    UNREGISTERED_ROLE, demo_product, record_height,
};
use super::events::{
    self, BIN_A, BIN_B, BIN_FORGED, CUSTOMS, HUB, MALL, Signed, TEA, at, carrier_step,
    commissioning, consignee, farm_shipping, inspecting, packing, retail, storing,
    warehouse_receiving, warehouse_step,
};
use super::ledger::record_entries;
use crate::keys::{KeyError, NodeKey};

/// Tag of the demo's sealing ephemeral secrets (public devnet data).
pub const SEAL_EPHEMERAL_TAG: &str = "jifen/devnet-sealed-ephemeral";

/// Why the demo records could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DemoError {
    /// A devnet key could not be made or could not sign.
    #[error(transparent)]
    Key(#[from] KeyError),
    /// A demo event does not read back as one EPCIS 2.0 event.
    #[error("demo event of {item} #{index}: {reason}")]
    Event {
        /// The item.
        item: String,
        /// The record.
        index: u32,
        /// Why.
        reason: String,
    },
    /// Sealing the consignee's data failed.
    #[error("sealing the demo's personal data: {0}")]
    Seal(#[from] jifen_crypto::seal::SealError),
}

/// The `jifen:sealed` value of `plaintext` for the party `recipient`,
/// sealed with the fixed ephemeral secret derived from `label`.
///
/// # Errors
/// [`DemoError::Seal`].
pub fn sealed_value(
    recipient: &NodeKey,
    plaintext: &[u8],
    label: &[u8],
) -> Result<Value, DemoError> {
    let ephemeral = tagged_hash(SEAL_EPHEMERAL_TAG, label);
    let nonce_hash = tagged_hash(SEAL_EPHEMERAL_TAG, &ephemeral);
    let mut nonce = [0u8; SEAL_NONCE_LEN];
    nonce.copy_from_slice(&nonce_hash[..SEAL_NONCE_LEN]);
    let sealed = seal_with(&recipient.public_key(), plaintext, &ephemeral, nonce)?;
    Ok(json!({
        "for": recipient.address().encode(Network::Devnet),
        "alg": SEAL_ALG,
        "epk": hex::encode(sealed.epk.as_bytes()),
        "nonce": hex::encode(sealed.nonce),
        "ct": BASE64.encode(&sealed.ct),
    }))
}

/// The events of a demo product, in order, each with its signer's role.
///
/// # Errors
/// [`DemoError`] when a key or the sealing fails.
pub fn product_events(product: &DemoProduct) -> Result<Vec<Signed>, DemoError> {
    let item = &product.item();
    let expiry = "2036-10-07";
    Ok(match product.kind {
        DemoKind::Authentic => {
            let mall = NodeKey::devnet_role(RETAILER_MALL_ROLE)?;
            let plain = serde_json::to_vec(&consignee()).unwrap_or_default();
            let sealed = sealed_value(&mall, &plain, item.to_string().as_bytes())?;
            vec![
                commissioning(
                    item,
                    at(10, 8, 9, 30),
                    "LOT-2026-1008-A",
                    expiry,
                    "特级 / premium grade",
                ),
                packing(item, at(10, 8, 15, 0), "369012340000000017"),
                inspecting(item, at(10, 10, 10, 20), false, "QI-2026-101001"),
                warehouse_receiving(item, at(10, 12, 8, 45)),
                storing(item, at(10, 12, 9, 10), BIN_A),
                warehouse_step(item, at(10, 20, 7, 30), "shipping", "in_transit"),
                carrier_step(item, at(10, 20, 8, 0), "transporting", HUB, Some(sealed)),
                inspecting(item, at(10, 23, 14, 5), true, "CIQ-2026-SH-55821"),
                retail(
                    item,
                    at(10, 24, 10, 15),
                    "receiving",
                    MALL,
                    RETAILER_MALL_ROLE,
                ),
            ]
        }
        DemoKind::Long => vec![
            commissioning(
                item,
                at(10, 8, 10, 0),
                "LOT-2026-1008-B",
                expiry,
                "一级 / first grade",
            ),
            packing(item, at(10, 8, 16, 0), "369012340000000024"),
            inspecting(item, at(10, 9, 11, 0), false, "QI-2026-100902"),
            farm_shipping(item, at(10, 9, 17, 0)),
            carrier_step(item, at(10, 9, 18, 0), "transporting", HUB, None),
            warehouse_receiving(item, at(10, 11, 8, 0)),
            storing(item, at(10, 11, 8, 30), BIN_A),
            warehouse_step(item, at(10, 18, 9, 0), "picking", "in_progress"),
            warehouse_step(item, at(10, 18, 11, 0), "shipping", "in_transit"),
            carrier_step(item, at(10, 18, 12, 0), "departing", HUB, None),
            carrier_step(item, at(10, 20, 6, 0), "arriving", HUB, None),
            warehouse_receiving(item, at(10, 21, 9, 0)),
            storing(item, at(10, 21, 9, 40), BIN_B),
            inspecting(item, at(10, 28, 10, 0), true, "CIQ-2026-SH-56010"),
            warehouse_step(item, at(11, 2, 8, 0), "shipping", "in_transit"),
            carrier_step(item, at(11, 2, 8, 30), "loading", HUB, None),
            carrier_step(item, at(11, 2, 9, 0), "transporting", CUSTOMS, None),
            carrier_step(item, at(11, 4, 16, 0), "unloading", MALL, None),
            retail(
                item,
                at(11, 4, 16, 30),
                "receiving",
                MALL,
                RETAILER_MALL_ROLE,
            ),
            retail(item, at(11, 5, 9, 0), "stocking", MALL, RETAILER_MALL_ROLE),
        ],
        DemoKind::Tampered => tampered_events(item, BIN_A),
        DemoKind::Cloned => vec![
            commissioning(
                item,
                at(10, 15, 9, 0),
                "LOT-2026-1015-C",
                expiry,
                "特级 / premium grade",
            ),
            warehouse_receiving(item, at(10, 17, 8, 30)),
            warehouse_step(item, at(11, 1, 7, 0), "shipping", "in_transit"),
            carrier_step(item, at(11, 1, 8, 0), "transporting", HUB, None),
            retail(item, at(11, 3, 14, 0), "receiving", TEA, RETAILER_TEA_ROLE),
        ],
        DemoKind::Unanchored => vec![
            commissioning(
                item,
                at(11, 2, 9, 0),
                "LOT-2026-1102-W",
                "2031-11-01",
                "一级 / first grade",
            ),
            inspecting(item, at(11, 3, 10, 0), false, "QI-2026-110301"),
            warehouse_receiving(item, at(11, 5, 8, 0)),
            storing(item, at(11, 5, 8, 20), BIN_B),
            warehouse_step(item, at(11, 12, 7, 0), "shipping", "in_transit"),
            retail(
                item,
                at(11, 14, 11, 0),
                "receiving",
                MALL,
                RETAILER_MALL_ROLE,
            ),
        ],
        DemoKind::Unregistered => vec![
            commissioning(
                item,
                at(11, 6, 9, 0),
                "LOT-2026-1106-P",
                "2029-11-05",
                "特级 / premium grade",
            ),
            {
                let (_, event) = inspecting(item, at(11, 7, 10, 0), false, "QI-FAKE-0001");
                (UNREGISTERED_ROLE, event)
            },
            retail(item, at(11, 9, 15, 0), "receiving", TEA, RETAILER_TEA_ROLE),
        ],
    })
}

/// The tampered product's events, its record 2 stored in `bin`.
fn tampered_events(item: &ItemId, bin: events::Place) -> Vec<Signed> {
    vec![
        commissioning(
            item,
            at(10, 12, 9, 0),
            "LOT-2026-1012-D",
            "2031-10-11",
            "特级 / premium grade",
        ),
        warehouse_receiving(item, at(10, 14, 8, 0)),
        storing(item, at(10, 14, 8, 40), bin),
        warehouse_step(item, at(10, 25, 7, 0), "shipping", "in_transit"),
        retail(item, at(10, 27, 13, 0), "receiving", TEA, RETAILER_TEA_ROLE),
    ]
}

/// Signs `events` as `item`'s chained records for the main chain `chain_id`.
///
/// # Errors
/// [`DemoError`].
pub fn sign_records(
    chain_id: &ChainId,
    item: &ItemId,
    events: Vec<Signed>,
) -> Result<Vec<ProvenanceRecord>, DemoError> {
    let mut records: Vec<ProvenanceRecord> = Vec::with_capacity(events.len());
    let mut keys: BTreeMap<&str, NodeKey> = BTreeMap::new();
    for (index, (role, event)) in (0u32..).zip(events) {
        let bad = |reason: String| DemoError::Event {
            item: item.to_string(),
            index,
            reason,
        };
        let bytes = serde_json::to_vec(&event).map_err(|e| bad(e.to_string()))?;
        let parsed = jifen_gs1::parse_events(&bytes).map_err(|e| bad(e.to_string()))?;
        let [event] = parsed.as_slice() else {
            return Err(bad(format!("{} events", parsed.len())));
        };
        let key = match keys.get(role) {
            Some(key) => key,
            None => keys.entry(role).or_insert(NodeKey::devnet_role(role)?),
        };
        let prev = records.last().map_or(Hash32::ZERO, ProvenanceRecord::leaf);
        let event_hash = Hash32(event.hash().0);
        let digest = record_digest(chain_id, item, index, &prev, &event_hash);
        records.push(ProvenanceRecord {
            item: item.clone(),
            index,
            prev,
            event: bytes,
            event_hash,
            signer: key.public_key(),
            signature: key.sign_digest(&digest)?,
        });
    }
    Ok(records)
}

/// Every demo product's records for `chain_id`, by product.
///
/// # Errors
/// [`DemoError`].
pub fn demo_records(
    chain_id: &ChainId,
) -> Result<Vec<(&'static DemoProduct, Vec<ProvenanceRecord>)>, DemoError> {
    super::demo::DEMO_PRODUCTS
        .iter()
        .map(|product| {
            let records = sign_records(chain_id, &product.item(), product_events(product)?)?;
            Ok((product, records))
        })
        .collect()
}

/// The tampered record: record [`TAMPERED_INDEX`] of the tampered product
/// with its event's bin rewritten, its event hash and signature those of
/// the original.
///
/// # Errors
/// [`DemoError`].
pub fn tampered_record(original: &ProvenanceRecord) -> Result<ProvenanceRecord, DemoError> {
    let item = &demo_product(DemoKind::Tampered).item();
    let (_, forged) = tampered_events(item, BIN_FORGED)
        .into_iter()
        .nth(TAMPERED_INDEX as usize)
        .ok_or_else(|| DemoError::Event {
            item: item.to_string(),
            index: TAMPERED_INDEX,
            reason: "no such record".into(),
        })?;
    let mut record = original.clone();
    record.event = serde_json::to_vec(&forged).map_err(|e| DemoError::Event {
        item: item.to_string(),
        index: TAMPERED_INDEX,
        reason: e.to_string(),
    })?;
    Ok(record)
}

/// The demo's `trace-consortium` entries by height: each product's records
/// at [`record_height`] of their index (with the item's count after them),
/// and at [`TAMPER_HEIGHT`] the tampered record.
///
/// # Errors
/// [`DemoError`].
pub fn demo_entries(chain_id: &ChainId) -> Result<BTreeMap<u64, Vec<Entry>>, DemoError> {
    let mut by_height: BTreeMap<u64, Vec<Entry>> = BTreeMap::new();
    for (product, records) in demo_records(chain_id)? {
        for record in &records {
            by_height
                .entry(record_height(record.index))
                .or_default()
                .extend(record_entries(std::slice::from_ref(record)));
        }
        if product.kind == DemoKind::Tampered
            && let Some(original) = records.get(TAMPERED_INDEX as usize)
        {
            by_height
                .entry(TAMPER_HEIGHT)
                .or_default()
                .push(tampered_record(original)?.entry());
        }
    }
    Ok(by_height)
}
