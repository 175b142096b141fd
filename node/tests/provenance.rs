//! The devnet's provenance demo, driven block by block (no timer): the
//! platform registers the parties, `trace-consortium` writes the six demo
//! products' records, the tag issuer anchors them (the unanchored one up to
//! 4 of 6), the tampered record is rewritten after its anchor, the clone is
//! sold twice; `jifen_provenanceRecords` serves them with proofs that verify
//! against the anchored header, and the anchors' roots are the roots of the
//! served records.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::provenance::{records_params, verified_records};
use common::subchain::Main;
use jifen_node::keys::NodeKey;
use jifen_node::provenance::demo::{
    DEMO_PARTIES, DEMO_PRODUCTS, DemoKind, PARTIES_VALID_FROM_MS, TAMPER_HEIGHT, TAMPERED_INDEX,
};
use jifen_node::provenance::{
    RETAILER_MALL_ROLE, RETAILER_TEA_ROLE, TAG_ISSUER_ROLE, UNREGISTERED_ROLE, demo_product,
};
use jifen_node::subchains::Producers;
use jifen_protocol::provenance::{
    AnchorRecord, PartyRecord, Roles, SalesRecord, anchor_key, party_key, records_root, sales_key,
};
use jifen_protocol::subchain::SubchainId;
use jifen_protocol::{Decode, Hash32};

fn state<T: Decode>(main: &Main, key: &Hash32) -> Option<T> {
    let chain = main.chain.lock().unwrap();
    chain
        .state()
        .get(key)
        .map(|bytes| T::decode(bytes).unwrap())
}

/// Every demo product anchored as far as it will be, and the clone sold twice.
fn demo_done(main: &Main) -> bool {
    let anchored = DEMO_PRODUCTS.iter().all(|product| {
        state::<AnchorRecord>(main, &anchor_key(&product.item()))
            .is_some_and(|a| a.latest().unwrap().count == product.anchored)
    });
    let sold = state::<SalesRecord>(main, &sales_key(&demo_product(DemoKind::Cloned).item()))
        .is_some_and(|s| s.sales.len() == 2);
    anchored && sold
}

/// Runs the main chain with the producers until the demo is done and
/// `trace-consortium` is past the tampering (at most 80 blocks).
fn run_demo(main: &Main, producers: &mut Producers) -> SubchainId {
    for _ in 0..80 {
        main.produce();
        producers.step(&mut main.chain.lock().unwrap()).unwrap();
        if let (Some(trace), _) = producers.ids()
            && demo_done(main)
            && main.record(trace).tip.height > TAMPER_HEIGHT
        {
            return trace;
        }
    }
    panic!("the demo did not finish in 80 blocks")
}

#[test]
fn the_devnet_produces_the_six_demo_products() {
    let dir = tempfile::tempdir().unwrap();
    let main = Main::open(dir.path());
    let mut producers = Producers::new(1_000).unwrap();
    let trace = run_demo(&main, &mut producers);

    // The parties, registered by the platform from 2026-01-01 without end;
    // the unregistered inspector is not.
    for party in DEMO_PARTIES {
        let address = NodeKey::devnet_role(party.role).unwrap().address();
        let record: PartyRecord = state(&main, &party_key(&address)).unwrap();
        assert_eq!(record.name, party.name);
        assert_eq!(record.roles, Roles::of(party.roles));
        assert_eq!(record.valid_from_ms, PARTIES_VALID_FROM_MS);
        assert_eq!(record.valid_until_ms, u64::MAX);
    }
    let stranger = NodeKey::devnet_role(UNREGISTERED_ROLE).unwrap().address();
    assert!(state::<PartyRecord>(&main, &party_key(&stranger)).is_none());

    let issuer = NodeKey::devnet_role(TAG_ISSUER_ROLE).unwrap().address();
    let tip = main.record(trace).tip.height;
    for product in DEMO_PRODUCTS {
        let item = product.item();
        let answer = main
            .rpc(
                None,
                "jifen_provenanceRecords",
                records_params(trace.get(), &item, None),
            )
            .unwrap();
        let (header, count, records) = verified_records(&item, &answer);
        // The header served is the one the main chain anchored at the tip.
        let anchored = main
            .chain
            .lock()
            .unwrap()
            .subchain_headers(trace, tip, tip)
            .unwrap();
        assert_eq!(anchored[0].1, header, "{}", product.key);
        assert_eq!(count, product.records, "{}", product.key);
        assert_eq!(records.len() as u32, product.records);
        // One anchor, by the tag issuer, over the served records' leaves.
        let anchor: AnchorRecord = state(&main, &anchor_key(&item)).unwrap();
        assert_eq!(anchor.issuer, issuer);
        assert_eq!(anchor.subchain, trace);
        assert_eq!(anchor.points.len(), 1, "{}", product.key);
        let leaves: Vec<Hash32> = records.iter().map(|r| r.leaf()).collect();
        assert_eq!(
            anchor.points[0].root,
            records_root(&leaves[..product.anchored as usize]),
            "{}",
            product.key
        );
        let sales = state::<SalesRecord>(&main, &sales_key(&item));
        assert_eq!(
            sales.map_or(0, |s| s.sales.len()) as u32,
            product.sales,
            "{}",
            product.key
        );
    }
    assert_eq!(demo_product(DemoKind::Unanchored).anchored, 4);

    // The clone: TEA sold it, then MALL, at two main heights.
    let sales: SalesRecord =
        state(&main, &sales_key(&demo_product(DemoKind::Cloned).item())).unwrap();
    let tea = NodeKey::devnet_role(RETAILER_TEA_ROLE).unwrap().address();
    let mall = NodeKey::devnet_role(RETAILER_MALL_ROLE).unwrap().address();
    assert_eq!((sales.sales[0].seller, sales.sales[1].seller), (tea, mall));
    assert!(sales.sales[0].height < sales.sales[1].height);

    // The tampered record: before the tampering height its event hashes to
    // the record's event hash; after, the event differs and does not, but
    // the leaf (and so the anchor) is unchanged.
    let item = demo_product(DemoKind::Tampered).item();
    let read = |height| {
        let answer = main
            .rpc(
                None,
                "jifen_provenanceRecords",
                records_params(trace.get(), &item, Some(height)),
            )
            .unwrap();
        verified_records(&item, &answer).2[TAMPERED_INDEX as usize].clone()
    };
    let (before, after) = (read(TAMPER_HEIGHT - 1), read(TAMPER_HEIGHT));
    assert_ne!(before.event, after.event);
    assert_eq!(before.leaf(), after.leaf());
    let hash = |event: &[u8]| jifen_gs1::parse_events(event).unwrap()[0].hash().0;
    assert_eq!(hash(&before.event), before.event_hash.0);
    assert_ne!(hash(&after.event), after.event_hash.0);
}

#[test]
fn records_reads_page_and_refuse_what_they_must() {
    let dir = tempfile::tempdir().unwrap();
    let main = Main::open(dir.path());
    let mut producers = Producers::new(1_000).unwrap();
    let trace = run_demo(&main, &mut producers);
    let item = demo_product(DemoKind::Long).item();
    let mut params = records_params(trace.get(), &item, None);
    params["from"] = 18.into();
    params["limit"] = 5.into();
    let answer = main
        .rpc(None, "jifen_provenanceRecords", params.clone())
        .unwrap();
    let (_, count, records) = verified_records(&item, &answer);
    assert_eq!(count, 20);
    assert_eq!(
        records.iter().map(|r| r.index).collect::<Vec<_>>(),
        vec![18, 19]
    );
    // An unknown item: count absent (proven), no records.
    let unknown = jifen_rpc_types::provenance::parse_item("06901234100068/NOPE").unwrap();
    let answer = main
        .rpc(
            None,
            "jifen_provenanceRecords",
            records_params(trace.get(), &unknown, None),
        )
        .unwrap();
    let (_, count, records) = verified_records(&unknown, &answer);
    assert_eq!((count, records.len()), (0, 0));
    // Refusals: an unregistered subchain, a height above the tip, a limit
    // out of range, a bad check digit, a subchain this node does not keep.
    let tip = main.record(trace).tip.height;
    let refused = |params: serde_json::Value| {
        main.rpc(None, "jifen_provenanceRecords", params)
            .unwrap_err()
    };
    assert_eq!(refused(records_params(99, &item, None)), 1201);
    assert_eq!(
        refused(records_params(trace.get(), &item, Some(tip + 1))),
        2001
    );
    assert_eq!(refused(records_params(trace.get(), &item, Some(0))), 2001);
    params["limit"] = 257.into();
    assert_eq!(refused(params), -32602);
    let bad = serde_json::json!({"subchain": trace.get(), "item": "06901234100014/X"});
    assert_eq!(refused(bad), -32602);
    let (_, Some(xor)) = producers.ids() else {
        panic!("xor-demo not registered")
    };
    // xor-demo is kept (its states are served) but has no records.
    let answer = main
        .rpc(
            None,
            "jifen_provenanceRecords",
            records_params(xor.get(), &item, None),
        )
        .unwrap();
    assert_eq!(verified_records(&item, &answer).1, 0);
}
