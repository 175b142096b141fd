#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use jifen_protocol::provenance::{
    MAX_EVENT_LEN, Roles, count_entry_key, decode_count, record_entry_key,
};
use jifen_protocol::subchain::entries::MAX_ENTRY_VALUE_LEN;
use jifen_protocol::subchain::subchain_state_key;
use jifen_protocol::{ChainId, Hash32};

use super::demo::{DEMO_PARTIES, DEMO_PRODUCTS, DemoKind, TAMPER_HEIGHT, TAMPERED_INDEX};
use super::records::{demo_entries, demo_records};
use super::submit::{check_event, check_record};
use super::*;
use crate::keys::NodeKey;

fn chain_id() -> ChainId {
    ChainId::new("jifen-devnet").unwrap()
}

#[test]
fn the_demo_products_are_valid_items_with_chained_signed_records() {
    let chain = chain_id();
    let records = demo_records(&chain).unwrap();
    assert_eq!(records.len(), DEMO_PRODUCTS.len());
    for (product, records) in &records {
        assert_eq!(records.len() as u32, product.records, "{}", product.key);
        assert!(product.anchored <= product.records);
        let mut prev = Hash32::ZERO;
        for (index, record) in (0u32..).zip(records) {
            assert_eq!(record.index, index);
            assert_eq!(record.prev, prev, "{} #{index}", product.key);
            prev = record.leaf();
            assert!(
                record.event.len() <= MAX_EVENT_LEN,
                "{} #{index}",
                product.key
            );
            assert!(record.entry().value.len() <= MAX_ENTRY_VALUE_LEN);
            record
                .signer
                .verify_prehash(&record.digest(&chain), &record.signature)
                .unwrap();
            let event = check_event(record).unwrap();
            // Every demo event is in October-November 2026 and every
            // registered signer may record its step.
            assert!((1_790_784_000_000..1_796_083_200_000).contains(&event.time_ms));
            let party = DEMO_PARTIES.iter().find(|party| {
                NodeKey::devnet_role(party.role).unwrap().public_key() == record.signer
            });
            match party {
                Some(party) => assert!(
                    Roles::of(party.roles).may_record(&event.biz_step),
                    "{} #{index}: {} may not record {}",
                    product.key,
                    party.role,
                    event.biz_step
                ),
                None => assert_eq!((product.kind, index), (DemoKind::Unregistered, 1)),
            }
        }
    }
    // The GTINs are distinct products but the clone shares the authentic
    // product's GTIN; the serials are all different.
    let mut serials: Vec<_> = DEMO_PRODUCTS.iter().map(|p| p.serial).collect();
    serials.dedup();
    assert_eq!(serials.len(), DEMO_PRODUCTS.len());
    assert_eq!(
        demo_product(DemoKind::Cloned).gtin,
        demo_product(DemoKind::Authentic).gtin
    );
}

#[test]
fn the_ledger_writes_every_demo_record_and_the_tampering_later() {
    let chain = chain_id();
    let ledger = trace_ledger(&chain, Vec::new()).unwrap();
    let entries = demo_entries(&chain).unwrap();
    assert!(entries.keys().all(|h| *h <= TAMPER_HEIGHT));
    let state = ledger.state(TAMPER_HEIGHT);
    for product in DEMO_PRODUCTS {
        let item = product.item();
        let count = state
            .get(&subchain_state_key(&count_entry_key(&item)))
            .and_then(decode_count);
        assert_eq!(count, Some(product.records), "{}", product.key);
        assert_eq!(ledger.tail(&item).count, product.records);
    }
    // Before the tampering the stored record is the signed one; after, its
    // event differs but its hash, signature and so its leaf do not.
    let tampered = demo_product(DemoKind::Tampered).item();
    let key = subchain_state_key(&record_entry_key(&tampered, TAMPERED_INDEX));
    let before = ledger.state(TAMPER_HEIGHT - 1).get(&key).unwrap().to_vec();
    let after = ledger.state(TAMPER_HEIGHT).get(&key).unwrap().to_vec();
    assert_ne!(before, after);
    use jifen_protocol::Decode;
    let before = jifen_protocol::provenance::ProvenanceRecord::decode(&before).unwrap();
    let after = jifen_protocol::provenance::ProvenanceRecord::decode(&after).unwrap();
    assert_eq!(before.leaf(), after.leaf());
    assert!(check_event(&before).is_ok());
    assert_eq!(
        check_event(&after).unwrap_err().kind(),
        jifen_protocol::provenance::ProvenanceCode::RecordBadEvent
    );
    // The entries of each height are what the state applies.
    let mut replayed = jifen_protocol::StateMap::new();
    for height in 1..=TAMPER_HEIGHT + 2 {
        for e in ledger.entries(height) {
            replayed.set(subchain_state_key(&e.key), Some(e.value));
        }
        assert_eq!(ledger.state(height), replayed, "height {height}");
    }
    // Same chain, same demo: the closed form does not move between starts.
    assert_eq!(demo_entries(&chain).unwrap(), entries);
}

#[test]
fn the_authentic_delivery_seals_the_consignee_for_the_mall() {
    let records = demo_records(&chain_id()).unwrap();
    let (_, authentic) = records
        .iter()
        .find(|(product, _)| product.kind == DemoKind::Authentic)
        .unwrap();
    let sealed: Vec<_> = authentic
        .iter()
        .filter_map(|record| {
            let event: serde_json::Value = serde_json::from_slice(&record.event).unwrap();
            event.get("jifen:sealed").cloned()
        })
        .collect();
    assert_eq!(sealed.len(), 1);
    let sealed = &sealed[0];
    let mall = NodeKey::devnet_role(RETAILER_MALL_ROLE).unwrap();
    assert_eq!(
        sealed["for"].as_str().unwrap(),
        mall.address().encode(jifen_protocol::Network::Devnet)
    );
    assert_eq!(sealed["alg"], jifen_crypto::seal::SEAL_ALG);
    use base64::Engine;
    let value = jifen_crypto::seal::Sealed {
        epk: jifen_protocol::PublicKey::from_bytes(
            &hex::decode(sealed["epk"].as_str().unwrap()).unwrap(),
        )
        .unwrap(),
        nonce: hex::decode(sealed["nonce"].as_str().unwrap())
            .unwrap()
            .try_into()
            .unwrap(),
        ct: base64::engine::general_purpose::STANDARD
            .decode(sealed["ct"].as_str().unwrap())
            .unwrap(),
    };
    let plain = jifen_crypto::seal::open(mall.secret_key(), &value).unwrap();
    let plain: serde_json::Value = serde_json::from_slice(&plain).unwrap();
    assert_eq!(plain, super::events::consignee());
    let tea = NodeKey::devnet_role(RETAILER_TEA_ROLE).unwrap();
    assert!(jifen_crypto::seal::open(tea.secret_key(), &value).is_err());
}

#[test]
fn a_submitted_record_is_checked_against_the_tail_and_the_parties() {
    let chain = chain_id();
    let records = demo_records(&chain).unwrap();
    let (_, authentic) = &records[0];
    let first = &authentic[0];
    let state = jifen_protocol::StateMap::new();
    let empty = ledger::Tail {
        count: 0,
        last_leaf: Hash32::ZERO,
    };
    // No party registered: everything else passes, then 1302.
    let code = |tail, record: &jifen_protocol::provenance::ProvenanceRecord| {
        check_record(&chain, &state, tail, record)
            .unwrap_err()
            .kind()
            .number()
    };
    assert_eq!(code(empty, first), 1302);
    let mut bad = first.clone();
    bad.event_hash = Hash32([1; 32]);
    assert_eq!(code(empty, &bad), 1320);
    let one = ledger::Tail {
        count: 1,
        last_leaf: first.leaf(),
    };
    assert_eq!(code(one, first), 1321);
    assert_eq!(code(one, &authentic[1]), 1302);
    let wrong = ledger::Tail {
        count: 1,
        last_leaf: Hash32([9; 32]),
    };
    assert_eq!(code(wrong, &authentic[1]), 1322);
}
