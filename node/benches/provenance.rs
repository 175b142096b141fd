//! The node's side of provenance (issue 14): what checking a submitted
//! record costs (`jifen_provenanceSubmit`'s checks: signature, EPCIS parse,
//! CBV 2.0 event hash, party and role) and what serving an item's records
//! with proofs costs (`jifen_provenanceRecords` for the devnet's 20-record
//! item), on a devnet driven to the end of its demo (a plain bench binary,
//! not run in CI):
//!
//! ```sh
//! cargo bench -p jifen-node --bench provenance
//! ```
//!
//! The lines go to stdout (`docs/benchmarks.md#provenance-node`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout,
    clippy::cast_precision_loss,
    missing_docs
)]

use std::sync::{Arc, Mutex};
use std::time::Instant;

use jifen_gs1::{Action, EventBuilder};
use jifen_node::chain::Chain;
use jifen_node::genesis::ChainParams;
use jifen_node::keys::NodeKey;
use jifen_node::provenance::events::{MALL, TZ, at};
use jifen_node::provenance::submit::{check_event, check_record};
use jifen_node::provenance::{DemoKind, RETAILER_MALL_ROLE, demo_product};
use jifen_node::rpc::RpcContext;
use jifen_node::subchains::Producers;
use jifen_protocol::provenance::{
    AnchorRecord, ProvenanceRecord, SalesRecord, anchor_key, record_digest, sales_key,
};
use jifen_protocol::{Hash32, StateMap};
use serde_json::json;

const GENESIS_MS: u64 = 1_767_225_600_000;

fn micros(started: Instant, n: u32) -> f64 {
    started.elapsed().as_secs_f64() * 1e6 / f64::from(n)
}

fn demo_done(state: &StateMap) -> bool {
    let anchored = jifen_node::provenance::DEMO_PRODUCTS
        .iter()
        .all(|p| state.get(&anchor_key(&p.item())).is_some());
    let cloned = demo_product(DemoKind::Cloned).item();
    let sold = state.get(&sales_key(&cloned)).is_some_and(|bytes| {
        <SalesRecord as jifen_protocol::Decode>::decode(bytes).is_ok_and(|s| s.sales.len() == 2)
    });
    anchored && sold
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let params = ChainParams::devnet(4, 0, 100, GENESIS_MS).unwrap();
    let chain = Arc::new(Mutex::new(Chain::open(dir.path(), Some(params)).unwrap()));
    let mut producers = Producers::new(1_000).unwrap();
    let started = Instant::now();
    let mut blocks = 0;
    loop {
        let mut guard = chain.lock().unwrap();
        let height = guard.height() + 1;
        guard.produce_block(GENESIS_MS + height * 1_000).unwrap();
        producers.step(&mut guard).unwrap();
        blocks += 1;
        if demo_done(guard.state()) || blocks > 100 {
            break;
        }
    }
    println!(
        "devnet to the end of the demo: {blocks} main blocks with the producers in {:.2} s",
        started.elapsed().as_secs_f64()
    );

    // The authentic item's next record, as a retailer submits it.
    let guard = chain.lock().unwrap();
    let (id, ledger) = guard.provenance().unwrap();
    let item = demo_product(DemoKind::Authentic).item();
    let tail = ledger.tail(&item);
    let mall = NodeKey::devnet_role(RETAILER_MALL_ROLE).unwrap();
    let event = EventBuilder::object(at(10, 25, 9, 0), TZ, Action::Observe, "stocking")
        .epc(&item)
        .read_point(&MALL.uri())
        .biz_location(&MALL.uri())
        .disposition("sellable_accessible")
        .build();
    let event = serde_json::to_vec(&event).unwrap();
    let event_hash = Hash32(jifen_gs1::parse_events(&event).unwrap()[0].hash().0);
    let digest = record_digest(
        guard.chain_id(),
        &item,
        tail.count,
        &tail.last_leaf,
        &event_hash,
    );
    let record = ProvenanceRecord {
        item: item.clone(),
        index: tail.count,
        prev: tail.last_leaf,
        event,
        event_hash,
        signer: mall.public_key(),
        signature: mall.sign_digest(&digest).unwrap(),
    };
    let n = 500;
    let started = Instant::now();
    for _ in 0..n {
        check_record(guard.chain_id(), guard.state(), tail, &record).unwrap();
    }
    let whole = micros(started, n);
    let started = Instant::now();
    for _ in 0..n {
        check_event(&record).unwrap();
    }
    let event_only = micros(started, n);
    println!(
        "submit check (signature, EPCIS parse, CBV 2.0 hash, party, role): {whole:.0} µs per record \
         (event parse + hash {event_only:.0} µs; event {} bytes)",
        record.event.len()
    );
    let anchored: AnchorRecord = jifen_protocol::Decode::decode(
        guard
            .state()
            .get(&anchor_key(&demo_product(DemoKind::Long).item()))
            .unwrap(),
    )
    .unwrap();
    assert_eq!(anchored.latest().unwrap().count, 20);
    drop(guard);

    // Serving the 20-record item with its proofs.
    let ctx = RpcContext {
        chain: Arc::clone(&chain),
        fault: None,
    };
    let long = demo_product(DemoKind::Long).item();
    let params = json!({"subchain": id.get(), "item": long.to_string()});
    let params = params.as_object().unwrap();
    let answer = jifen_node::rpc::call(&ctx, "jifen_provenanceRecords", params).unwrap();
    let bytes = serde_json::to_vec(&answer).unwrap().len();
    let n = 100;
    let started = Instant::now();
    for _ in 0..n {
        jifen_node::rpc::call(&ctx, "jifen_provenanceRecords", params).unwrap();
    }
    let entries = {
        let guard = chain.lock().unwrap();
        let tip = guard.subchain_record(id).unwrap().unwrap().tip.height;
        guard
            .kept_subchain_state(id, tip)
            .map_or(0, |map| map.len())
    };
    println!(
        "records read (20 records + count, 21 proofs, subchain state of {entries} entries): {:.2} ms per call, answer {:.1} KiB",
        micros(started, n) / 1_000.0,
        bytes as f64 / 1024.0
    );
}
