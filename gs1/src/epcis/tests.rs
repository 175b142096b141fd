#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
use serde_json::json;

use super::*;
use crate::event_hash::EventHash;
use jifen_protocol::provenance::Gtin;

fn item(serial: &str) -> ItemId {
    ItemId::new(Gtin::parse("09506000134352").unwrap(), serial).unwrap()
}

fn object_event() -> Value {
    json!({
        "type": "ObjectEvent",
        "eventTime": "2026-12-07T10:00:00.000+08:00",
        "eventTimeZoneOffset": "+08:00",
        "epcList": ["urn:epc:id:sgtin:9506000.013435.A1"],
        "action": "OBSERVE",
        "bizStep": "urn:epcglobal:cbv:bizstep:receiving",
        "disposition": "https://ref.gs1.org/cbv/Disp-in_progress",
        "readPoint": {"id": "urn:epc:id:sgln:9506000.13435.0"},
        "ex:sealed": true
    })
}

#[test]
fn reads_every_document_shape_in_order() {
    let context = json!(["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"ex": "https://ex.example/ns/"}]);
    let mut second = object_event();
    second["eventTime"] = json!("2026-12-07T11:00:00Z");
    let document = json!({"@context": context, "type": "EPCISDocument", "epcisBody": {"eventList": [object_event(), second]}});
    let events = parse_events(&serde_json::to_vec(&document).unwrap()).unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(events[0].event_time_ms(), 1_796_608_800_000);
    assert_eq!(events[1].event_time_ms(), 1_796_641_200_000);
    // The document's @context is inherited.
    assert_eq!(
        events[0].extension("https://ex.example/ns/sealed"),
        Some(&json!(true))
    );

    let query = json!({"@context": context, "type": "EPCISQueryDocument",
        "epcisBody": {"queryResults": {"queryName": "SimpleEventQuery", "resultsBody": {"eventList": [object_event()]}}}});
    let from_query = parse_events(&serde_json::to_vec(&query).unwrap()).unwrap();
    assert_eq!(from_query[0].hash(), events[0].hash());

    let mut bare = object_event();
    bare["@context"] = context;
    let single = parse_events(&serde_json::to_vec(&bare).unwrap()).unwrap();
    assert_eq!(single.len(), 1);
    assert_eq!(single[0].hash(), events[0].hash());
}

#[test]
fn accessors_give_short_names_and_canonical_ids() {
    let event = Event::from_json(object_event()).unwrap();
    assert_eq!(event.kind(), EventKind::Object);
    assert_eq!(event.action(), Some(Action::Observe));
    assert_eq!(event.time_zone_offset(), "+08:00");
    assert_eq!(event.biz_step().as_deref(), Some("receiving"));
    assert_eq!(event.disposition().as_deref(), Some("in_progress"));
    assert_eq!(
        event.read_point().as_deref(),
        Some("urn:epc:id:sgln:9506000.13435.0")
    );
    assert_eq!(event.epcs(), ["https://id.gs1.org/01/09506000134352/21/A1"]);
    assert!(event.mentions(&item("A1")));
    assert!(!event.mentions(&item("A2")));
    // Without a context entry for `ex`, the key is not expanded.
    assert_eq!(event.extension("https://ex.example/ns/sealed"), None);
    assert_eq!(event.extension("ex:sealed"), Some(&json!(true)));
}

#[test]
fn refuses_with_specific_errors() {
    let code = |value: Value| {
        parse_events(&serde_json::to_vec(&value).unwrap())
            .unwrap_err()
            .code()
    };
    assert_eq!(parse_events(b"{").unwrap_err().code(), "epcis-not-json");
    assert_eq!(code(json!({"epcisBody": {}})), "epcis-no-event-list");
    assert_eq!(
        code(json!({"epcisBody": {"eventList": [1]}})),
        "epcis-not-an-object"
    );
    let with = |field: &str, value: Value| {
        let mut event = object_event();
        if value.is_null() {
            event.as_object_mut().unwrap().remove(field);
        } else {
            event[field] = value;
        }
        json!({"epcisBody": {"eventList": [event]}})
    };
    assert_eq!(
        code(with("type", json!("ThingEvent"))),
        "epcis-unknown-event-type"
    );
    assert_eq!(code(with("eventTime", Value::Null)), "epcis-missing-field");
    assert_eq!(
        code(with("eventTime", json!("2026-12-07T10:00:00"))),
        "epcis-bad-event-time"
    );
    assert_eq!(
        code(with("eventTime", json!("yesterday"))),
        "epcis-bad-event-time"
    );
    assert_eq!(
        code(with("eventTimeZoneOffset", json!("+8"))),
        "epcis-bad-time-zone-offset"
    );
    assert_eq!(code(with("action", json!("MOVE"))), "epcis-bad-action");
    assert_eq!(code(with("action", Value::Null)), "epcis-missing-field");
    assert_eq!(
        code(with("epcList", json!("urn:epc:id:sgtin:9506000.013435.A1"))),
        "epcis-bad-field"
    );
    let error =
        parse_events(&serde_json::to_vec(&with("action", json!("MOVE"))).unwrap()).unwrap_err();
    assert_eq!(
        jifen_protocol::message::Coded::args(&error),
        vec![("event", 1u32.into()), ("got", "MOVE".into())]
    );
}

#[test]
fn builder_writes_events_that_read_back() {
    let json = EventBuilder::aggregation(1_796_608_800_123, "+08:00", Action::Add, "packing")
        .parent("urn:epc:id:sscc:9506000.0000000001")
        .child(&item("A1"))
        .child(&item("A/2"))
        .quantity("urn:epc:class:lgtin:9506000.013435.L1", 3, Some("KGM"))
        .read_point("https://id.gs1.org/414/9506000134352")
        .ilmd("jifen:origin", "Yunnan")
        .extension("jifen:sealed", json!("ciphertext"))
        .build();
    assert_eq!(json["eventTime"], "2026-12-07T10:00:00.123+08:00");
    assert_eq!(
        json["childEPCs"][1],
        "https://id.gs1.org/01/09506000134352/21/A%2F2"
    );
    let event = Event::from_json(json).unwrap();
    assert_eq!(event.kind(), EventKind::Aggregation);
    assert_eq!(event.event_time_ms(), 1_796_608_800_123);
    assert!(event.mentions(&item("A/2")));
    assert_eq!(
        event.extension("https://jifen.example/epcis/sealed"),
        Some(&json!("ciphertext"))
    );
    assert!(pre_hash_has(
        &event,
        "{https://jifen.example/epcis/}origin=Yunnan"
    ));

    let transformation = EventBuilder::transformation(0, "+00:00", "commissioning")
        .input("urn:epc:id:sgtin:9506000.013435.RAW")
        .output(&item("B1"))
        .try_build()
        .unwrap()
        .1;
    assert_eq!(transformation.action(), None);
    assert_eq!(transformation.epcs().len(), 2);
    assert!(
        EventBuilder::object(0, "8h", Action::Add, "x")
            .try_build()
            .is_err()
    );
}

fn pre_hash_has(event: &Event, part: &str) -> bool {
    crate::event_hash::pre_hash(event).contains(part)
}

#[test]
fn event_hashes_print_and_parse() {
    let hash = Event::from_json(object_event()).unwrap().hash();
    let text = hash.to_string();
    assert!(
        text.starts_with("ni:///sha-256;")
            && text.ends_with("?ver=CBV2.0")
            && text.len() == 14 + 64 + 11
    );
    assert_eq!(text.parse::<EventHash>().unwrap(), hash);
    assert_eq!(
        text.to_uppercase()
            .replace("NI:///SHA-256;", "ni:///sha-256;")
            .replace("?VER=CBV2.0", "?ver=CBV2.0")
            .parse::<EventHash>()
            .unwrap(),
        hash
    );
    for bad in [
        "",
        "ni:///sha-256;00?ver=CBV2.0",
        &text.replace("CBV2.0", "CBV1.0"),
        &text.replacen('a', "+", 1),
    ] {
        assert_eq!(
            bad.parse::<EventHash>().unwrap_err().code(),
            "epcis-bad-event-hash",
            "{bad}"
        );
    }
}

#[test]
fn builder_declares_the_standard_prefixes_its_keys_use() {
    let json = EventBuilder::object(0, "+00:00", Action::Add, "commissioning")
        .ilmd("cbvmda:lotNumber", "L1")
        .build();
    assert_eq!(
        json["@context"][1],
        json!({"jifen": "https://jifen.example/epcis/", "cbvmda": "urn:epcglobal:cbv:mda:"})
    );
    // The declaration changes the JSON, not the hash: we expand the
    // standard context's prefixes anyway.
    let mut undeclared = json.clone();
    undeclared["@context"][1]
        .as_object_mut()
        .unwrap()
        .remove("cbvmda");
    assert_eq!(
        Event::from_json(json).unwrap().hash(),
        Event::from_json(undeclared).unwrap().hash()
    );
    let plain = EventBuilder::object(0, "+00:00", Action::Add, "commissioning").build();
    assert_eq!(
        plain["@context"],
        json!([builder::EPCIS_CONTEXT, {"jifen": "https://jifen.example/epcis/"}])
    );
}
