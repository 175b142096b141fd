//! `jifen_provenanceSubmit` on a real node over loopback (a devnet with its
//! subchains, blocks made by the test): each refusal with its code, an
//! accepted record written by `trace-consortium`'s next block and then
//! anchored by the tag issuer, records served with proofs, and a restart
//! that serves the same states and goes on producing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::provenance::{records_params, verified_records};
use jifen_gs1::{Action, EventBuilder};
use jifen_node::devnet::Devnet;
use jifen_node::keys::NodeKey;
use jifen_node::provenance::demo::{RESERVED_HEIGHTS, demo_product_of};
use jifen_node::provenance::events::{MALL, TZ, at};
use jifen_node::provenance::{
    DemoKind, PRODUCER_ROLE, RETAILER_MALL_ROLE, RETAILER_TEA_ROLE, UNREGISTERED_ROLE, demo_product,
};
use jifen_node::rpc::client::{ClientError, RpcClient};
use jifen_protocol::provenance::{
    AnchorRecord, Gtin, ItemId, ProvenanceRecord, anchor_key, record_digest, records_root,
};
use jifen_protocol::{ChainId, Decode, Encode, Hash32};
use jifen_testenv::devnet::{DevnetBuilder, produce_blocks};
use serde_json::{Value, json};

fn chain_id() -> ChainId {
    ChainId::new(jifen_node::genesis::DEVNET_CHAIN_ID).unwrap()
}

fn key(role: &str) -> NodeKey {
    NodeKey::devnet_role(role).unwrap()
}

fn event(item: &ItemId, time_ms: i64, step: &str) -> Vec<u8> {
    let json = EventBuilder::object(time_ms, TZ, Action::Observe, step)
        .epc(item)
        .read_point(&MALL.uri())
        .biz_location(&MALL.uri())
        .disposition("sellable_accessible")
        .build();
    serde_json::to_vec(&json).unwrap()
}

fn hash_of(event: &[u8]) -> Hash32 {
    Hash32(jifen_gs1::parse_events(event).unwrap()[0].hash().0)
}

/// A record signed by `signer`, with the event hash `event_hash`.
fn signed_with_hash(
    signer: &NodeKey,
    item: &ItemId,
    index: u32,
    prev: Hash32,
    event: Vec<u8>,
    event_hash: Hash32,
) -> ProvenanceRecord {
    let digest = record_digest(&chain_id(), item, index, &prev, &event_hash);
    ProvenanceRecord {
        item: item.clone(),
        index,
        prev,
        event,
        event_hash,
        signer: signer.public_key(),
        signature: signer.sign_digest(&digest).unwrap(),
    }
}

fn signed(
    signer: &NodeKey,
    item: &ItemId,
    index: u32,
    prev: Hash32,
    event: Vec<u8>,
) -> ProvenanceRecord {
    let hash = hash_of(&event);
    signed_with_hash(signer, item, index, prev, event, hash)
}

fn submit(client: &mut RpcClient, record: &ProvenanceRecord) -> Result<Value, (i64, String)> {
    let params = json!({"record": hex::encode(record.encode())});
    submit_params(client, params)
}

fn submit_params(client: &mut RpcClient, params: Value) -> Result<Value, (i64, String)> {
    match client.call("jifen_provenanceSubmit", params) {
        Ok(value) => Ok(value),
        Err(ClientError::Rpc { code, data, .. }) => Err((
            code,
            data.and_then(|d| d["code"].as_str().map(str::to_owned))
                .unwrap_or_default(),
        )),
        Err(other) => panic!("{other}"),
    }
}

fn anchor(devnet: &Devnet, item: &ItemId) -> Option<AnchorRecord> {
    let chain = devnet.chain();
    let chain = chain.lock().unwrap();
    chain
        .state()
        .get(&anchor_key(item))
        .map(|bytes| AnchorRecord::decode(bytes).unwrap())
}

fn trace_tip(devnet: &Devnet) -> (u32, u64) {
    let chain = devnet.chain();
    let chain = chain.lock().unwrap();
    let (id, _) = chain
        .provenance()
        .expect("the devnet keeps trace-consortium");
    (
        id.get(),
        chain.subchain_record(id).unwrap().unwrap().tip.height,
    )
}

/// Makes blocks one by one until `done` (at most `max`).
fn produce_until(devnet: &Devnet, max: u64, what: &str, mut done: impl FnMut() -> bool) {
    for _ in 0..max {
        if done() {
            return;
        }
        produce_blocks(devnet, 1).unwrap();
    }
    assert!(done(), "{what}: not within {max} blocks");
}

fn latest(client: &mut RpcClient, id: u32, item: &ItemId) -> (u32, Vec<ProvenanceRecord>) {
    let answer = client
        .call("jifen_provenanceRecords", records_params(id, item, None))
        .unwrap();
    let (_, count, records) = verified_records(item, &answer);
    (count, records)
}

#[test]
fn submitted_records_are_checked_written_anchored_and_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let builder = DevnetBuilder::new(dir.path()).manual().subchains();
    let devnet = builder.start().unwrap();
    let authentic = demo_product(DemoKind::Authentic).item();
    produce_until(&devnet, 80, "the demo anchors", || {
        anchor(&devnet, &authentic).is_some() && trace_tip(&devnet).1 > RESERVED_HEIGHTS
    });
    let (id, _) = trace_tip(&devnet);
    let mut client = RpcClient::new(devnet.rpc_addr());
    let (count, records) = latest(&mut client, id, &authentic);
    assert_eq!(count, 9);
    let last = records.last().unwrap().leaf();
    let mall = key(RETAILER_MALL_ROLE);
    let stocked = event(&authentic, at(10, 25, 9, 0), "stocking");
    let good = signed(&mall, &authentic, 9, last, stocked.clone());

    // 1320: signed by another key than the one it names.
    let mut forged = signed(
        &key(RETAILER_TEA_ROLE),
        &authentic,
        9,
        last,
        stocked.clone(),
    );
    forged.signer = mall.public_key();
    let code =
        |client: &mut RpcClient, record: &ProvenanceRecord| submit(client, record).unwrap_err();
    assert_eq!(
        code(&mut client, &forged),
        (1320, "provenance-record-bad-signature".into())
    );
    // 1321: not the next index; 1322: not linked to the last record.
    let skipped = signed(&mall, &authentic, 10, last, stocked.clone());
    assert_eq!(code(&mut client, &skipped).0, 1321);
    let unlinked = signed(&mall, &authentic, 9, Hash32::ZERO, stocked.clone());
    assert_eq!(
        code(&mut client, &unlinked),
        (1322, "provenance-record-broken-link".into())
    );
    // 1323: the hash is not the event's; two events; another item's event.
    let wrong_hash = signed_with_hash(&mall, &authentic, 9, last, stocked.clone(), Hash32([5; 32]));
    assert_eq!(
        code(&mut client, &wrong_hash),
        (1323, "provenance-record-bad-event".into())
    );
    let one: Value = serde_json::from_slice(&stocked).unwrap();
    let document = json!({
        "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
        "type": "EPCISDocument",
        "schemaVersion": "2.0",
        "creationDate": "2026-10-25T09:00:00+08:00",
        "epcisBody": {"eventList": [one.clone(), one]}
    });
    let two = signed(
        &mall,
        &authentic,
        9,
        last,
        serde_json::to_vec(&document).unwrap(),
    );
    let two = ProvenanceRecord {
        event_hash: Hash32([1; 32]),
        ..two
    };
    let resigned = signed_with_hash(
        &mall,
        &authentic,
        9,
        last,
        two.event.clone(),
        two.event_hash,
    );
    assert_eq!(code(&mut client, &resigned).0, 1323);
    let other = demo_product(DemoKind::Long).item();
    let elsewhere = signed(
        &mall,
        &authentic,
        9,
        last,
        event(&other, at(10, 25, 9, 0), "stocking"),
    );
    assert_eq!(code(&mut client, &elsewhere).0, 1323);
    // 1302: a key never registered; 1303: before the party's period;
    // 1324: a step the retailer may not record.
    let stranger = signed(
        &key(UNREGISTERED_ROLE),
        &authentic,
        9,
        last,
        stocked.clone(),
    );
    assert_eq!(
        code(&mut client, &stranger),
        (1302, "provenance-not-a-party".into())
    );
    let early = signed(
        &mall,
        &authentic,
        9,
        last,
        event(&authentic, 1_750_000_000_000, "stocking"),
    );
    assert_eq!(
        code(&mut client, &early),
        (1303, "provenance-party-out-of-period".into())
    );
    let produced = signed(
        &mall,
        &authentic,
        9,
        last,
        event(&authentic, at(10, 25, 9, 0), "commissioning"),
    );
    assert_eq!(
        code(&mut client, &produced),
        (1324, "provenance-record-step-not-allowed".into())
    );
    // Parameters: not a record; another subchain than the one it produces.
    let bad = submit_params(&mut client, json!({"record": "00"})).unwrap_err();
    assert_eq!(bad.0, -32602);
    let params = json!({"record": hex::encode(good.encode()), "subchain": id + 1});
    assert_eq!(
        submit_params(&mut client, params).unwrap_err(),
        (2006, "subchain-not-kept".into())
    );

    // Accepted: the next record, then the same one again is not the next.
    let accepted = submit(&mut client, &good).unwrap();
    assert_eq!(
        accepted,
        json!({"subchain": id, "item": authentic.to_string(), "index": 9})
    );
    assert_eq!(code(&mut client, &good).0, 1321);
    // A new item: its first two records, the second linked to the queued first.
    let new_item = ItemId::new(Gtin::parse("06901234100068").unwrap(), "NEW-0001").unwrap();
    assert!(demo_product_of(&new_item).is_none());
    let producer = key(PRODUCER_ROLE);
    let made = EventBuilder::object(at(11, 20, 9, 0), TZ, Action::Add, "commissioning")
        .epc(&new_item)
        .build();
    let first = signed(
        &producer,
        &new_item,
        0,
        Hash32::ZERO,
        serde_json::to_vec(&made).unwrap(),
    );
    submit(&mut client, &first).unwrap();
    let second = signed(
        &mall,
        &new_item,
        1,
        first.leaf(),
        event(&new_item, at(11, 22, 10, 0), "receiving"),
    );
    submit(&mut client, &second).unwrap();

    // The next trace blocks write them; the tag issuer anchors them.
    produce_until(&devnet, 30, "written and anchored", || {
        anchor(&devnet, &authentic).is_some_and(|a| a.latest().unwrap().count == 10)
            && anchor(&devnet, &new_item).is_some_and(|a| a.latest().unwrap().count == 2)
    });
    let (count, records) = latest(&mut client, id, &authentic);
    assert_eq!(count, 10);
    assert_eq!(records[9], good);
    let leaves: Vec<Hash32> = records.iter().map(ProvenanceRecord::leaf).collect();
    let extended = anchor(&devnet, &authentic).unwrap();
    assert_eq!(
        extended.points.len(),
        2,
        "the first anchor and its extension"
    );
    assert_eq!(extended.latest().unwrap().root, records_root(&leaves));
    let (count, records) = latest(&mut client, id, &new_item);
    assert_eq!((count, records), (2, vec![first, second]));
    // The unanchored demo stays at 4 even as the chain goes on.
    let unanchored = demo_product(DemoKind::Unanchored).item();
    assert_eq!(
        anchor(&devnet, &unanchored)
            .unwrap()
            .latest()
            .unwrap()
            .count,
        4
    );

    // A restart serves the same states from the store and goes on.
    let (_, height) = trace_tip(&devnet);
    let before = client
        .call(
            "jifen_provenanceRecords",
            records_params(id, &authentic, Some(height)),
        )
        .unwrap();
    drop(devnet);
    let devnet = builder.start().unwrap();
    let mut client = RpcClient::new(devnet.rpc_addr());
    let after = client
        .call(
            "jifen_provenanceRecords",
            records_params(id, &authentic, Some(height)),
        )
        .unwrap();
    assert_eq!(before, after);
    produce_until(&devnet, 10, "trace-consortium goes on", || {
        trace_tip(&devnet).1 > height + 2
    });
    let (count, records) = latest(&mut client, id, &authentic);
    assert_eq!((count, records[9].clone()), (10, good));
    // Its tail survived too: the record after is index 10.
    let next = signed(
        &mall,
        &authentic,
        10,
        records[9].leaf(),
        event(&authentic, at(10, 26, 9, 0), "receiving"),
    );
    assert_eq!(submit(&mut client, &next).unwrap()["index"], 10);
}

#[test]
fn a_node_without_a_provenance_subchain_refuses_records() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = DevnetBuilder::new(dir.path()).manual().start().unwrap();
    produce_blocks(&devnet, 1).unwrap();
    let item = demo_product(DemoKind::Authentic).item();
    let record = signed(
        &key(RETAILER_MALL_ROLE),
        &item,
        0,
        Hash32::ZERO,
        event(&item, at(10, 25, 9, 0), "receiving"),
    );
    let mut client = RpcClient::new(devnet.rpc_addr());
    assert_eq!(
        submit(&mut client, &record).unwrap_err(),
        (2006, "subchain-not-kept".into())
    );
}
