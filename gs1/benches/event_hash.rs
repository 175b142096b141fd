//! GS1 figures for docs/benchmarks.md ("GS1 tags, events and event hash").
//!
//! `cargo bench -p jifen-gs1 --bench event_hash` measures:
//! - the CBV 2.0 event hash of a typical ObjectEvent (receiving at a shop,
//!   one item, read point, business location, business transaction, ILMD,
//!   two user extensions);
//! - parsing a 20-event EPCIS 2.0 document;
//! - parsing a GS1 Digital Link tag.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use jifen_gs1::{Action, DigitalLink, Event, EventBuilder, event_hash, parse_events};
use jifen_protocol::provenance::{Gtin, ItemId};
use serde_json::{Value, json};

fn typical_event(serial: u32) -> Value {
    let item = ItemId::new(
        Gtin::parse("09506000134352").unwrap(),
        &format!("SN{serial:06}"),
    )
    .unwrap();
    EventBuilder::object(
        1_765_000_000_000 + i64::from(serial),
        "+08:00",
        Action::Observe,
        "receiving",
    )
    .epc(&item)
    .disposition("in_progress")
    .read_point("urn:epc:id:sgln:9506000.13435.1")
    .biz_location("https://id.gs1.org/414/9506000134352")
    .biz_transaction(Some("po"), "urn:epcglobal:cbv:bt:9506000134352:PO-778")
    .ilmd("cbvmda:lotNumber", "L2026-12")
    .extension("jifen:party", json!("jfd1qexampleparty"))
    .extension("jifen:prev", json!("ni:///sha-256;00?ver=CBV2.0"))
    .build()
}

fn benches(c: &mut Criterion) {
    let event = Event::from_json(typical_event(1)).unwrap();
    c.bench_function("event_hash/object_event", |b| {
        b.iter(|| event_hash(black_box(&event)))
    });

    let events: Vec<Value> = (0..20).map(typical_event).collect();
    let document = serde_json::to_vec(&json!({
        "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"jifen": "https://jifen.example/epcis/"}],
        "type": "EPCISDocument",
        "schemaVersion": "2.0",
        "creationDate": "2026-12-07T00:00:00.000Z",
        "epcisBody": { "eventList": events },
    }))
    .unwrap();
    assert_eq!(parse_events(&document).unwrap().len(), 20);
    c.bench_function("parse_events/20_event_document", |b| {
        b.iter(|| parse_events(black_box(&document)).unwrap())
    });
    c.bench_function("parse_and_hash/20_event_document", |b| {
        b.iter(|| {
            parse_events(black_box(&document))
                .unwrap()
                .iter()
                .map(event_hash)
                .count()
        })
    });

    let tag = "https://id.gs1.org/01/09506000134352/10/L2026-12/21/SN000001?17=291231&net=devnet";
    c.bench_function("digital_link/parse", |b| {
        b.iter(|| DigitalLink::parse(black_box(tag)).unwrap())
    });
}

criterion_group!(gs1, benches);
criterion_main!(gs1);
