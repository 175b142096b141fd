//! Property tests: the parsers never panic, and refuse what they must.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use jifen_gs1::{
    DigitalLink, ProductTag, event_hash, item_from_uri, item_uri, parse_events, pre_hash,
};
use jifen_protocol::provenance::{Gtin, ItemId, gs1_check_digit, is_gs1_char82};
use proptest::prelude::*;
use serde_json::{Value, json};

const SAMPLE: &str = include_str!("vectors/ralphtro/epcisDocWithVariousEventTypes.jsonld");

fn gtin13() -> impl Strategy<Value = String> {
    proptest::collection::vec(0u8..10, 13)
        .prop_map(|d| d.iter().map(|d| char::from(b'0' + d)).collect())
}

fn serial() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        any::<char>().prop_filter("82 set", |c| is_gs1_char82(*c)),
        1..=20,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

/// Arbitrary JSON, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        ".{0,12}".prop_map(Value::String),
        prop::sample::select(vec![
            "ObjectEvent",
            "AggregationEvent",
            "2020-01-01T00:00:00Z",
            "+01:00",
            "OBSERVE",
            "eventList",
            "urn:epc:id:sgtin:4012345.011111.9876",
            "https://id.gs1.org/01/09506000134352/21/1",
            "1e-7",
        ])
        .prop_map(|s| Value::String(s.to_owned())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(
                prop::sample::select(vec![
                    "type",
                    "eventTime",
                    "eventTimeZoneOffset",
                    "action",
                    "epcList",
                    "epcisBody",
                    "eventList",
                    "readPoint",
                    "id",
                    "ilmd",
                    "bizStep",
                    "sensorElementList",
                    "sensorReport",
                    "quantityList",
                    "bizTransactionList",
                    "@context",
                    "ex:field",
                    "value",
                ])
                .prop_map(str::to_owned),
                inner,
                0..6,
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn digital_link_parse_never_panics(text in ".{0,200}") {
        let _ = DigitalLink::parse_at(&text, 2026);
        let _ = item_from_uri(&text);
    }

    #[test]
    fn digital_link_parse_never_panics_on_near_links(
        tail in "[0-9A-Za-z/%?&=._!*-]{0,80}",
        prefix in prop::sample::select(vec!["https://id.gs1.org/01/", "http://x/01/09506000134352/", "https://a/gtin/", "urn:epc:id:sgtin:"]),
    ) {
        let text = format!("{prefix}{tail}");
        let _ = DigitalLink::parse_at(&text, 2026);
        let _ = item_from_uri(&text);
        let _ = jifen_gs1::identifiers::canonical_id(&text);
    }

    #[test]
    fn valid_items_round_trip(body in gtin13(), serial in serial()) {
        let check = gs1_check_digit(body.as_bytes()).unwrap();
        let gtin = Gtin::parse(&format!("{body}{check}")).unwrap();
        let item = ItemId::new(gtin, &serial).unwrap();
        let uri = item_uri(&item);
        let tag = ProductTag::parse(&uri).unwrap();
        prop_assert_eq!(&tag.item, &item);
        prop_assert_eq!(item_from_uri(&uri), Some(item));
    }

    #[test]
    fn every_wrong_check_digit_is_refused(body in gtin13(), serial in serial(), delta in 1u8..10) {
        let check = gs1_check_digit(body.as_bytes()).unwrap();
        let wrong = (check + delta) % 10;
        let uri = format!("https://id.gs1.org/01/{body}{wrong}/21/{}", jifen_gs1::identifiers::dl_encode(&serial));
        let error = DigitalLink::parse_at(&uri, 2026).unwrap_err();
        prop_assert_eq!(error.code(), "tag-bad-check-digit");
        prop_assert_eq!(error, jifen_gs1::TagError::BadCheckDigit { expected: check, got: wrong });
    }

    #[test]
    fn serials_outside_the_82_set_are_refused(
        body in gtin13(),
        before in serial(),
        bad in any::<char>().prop_filter("outside 82", |c| !is_gs1_char82(*c)),
    ) {
        let check = gs1_check_digit(body.as_bytes()).unwrap();
        let serial: String = before.chars().take(10).chain(std::iter::once(bad)).collect();
        let uri = format!("https://id.gs1.org/01/{body}{check}/21/{}", jifen_gs1::identifiers::dl_encode(&serial));
        let error = DigitalLink::parse_at(&uri, 2026).unwrap_err();
        prop_assert_eq!(error, jifen_gs1::TagError::InvalidCharacter { ai: "21".to_owned(), character: bad });
    }

    #[test]
    fn parse_events_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = parse_events(&bytes);
    }

    #[test]
    fn parse_events_and_hash_never_panic_on_json(value in json_value()) {
        let bytes = serde_json::to_vec(&value).unwrap();
        if let Ok(events) = parse_events(&bytes) {
            for event in events {
                let _ = pre_hash(&event);
                let _ = event_hash(&event);
                let _ = event.epcs();
            }
        }
        // The same value as a bare event inside a document.
        let document = json!({"epcisBody": {"eventList": [value]}});
        if let Ok(events) = parse_events(&serde_json::to_vec(&document).unwrap()) {
            for event in events {
                let _ = event_hash(&event);
            }
        }
    }

    #[test]
    fn mutated_documents_never_panic(position in 0usize..6000, byte in any::<u8>(), cut in any::<bool>()) {
        let mut bytes = SAMPLE.as_bytes().to_vec();
        let position = position % bytes.len();
        if cut {
            bytes.truncate(position);
        } else {
            bytes[position] = byte;
        }
        if let Ok(events) = parse_events(&bytes) {
            for event in events {
                let _ = event_hash(&event);
            }
        }
    }

    #[test]
    fn events_with_random_fields_hash_without_panic(
        key in prop::sample::select(vec!["ilmd", "readPoint", "sensorElementList", "quantityList", "bizTransactionList", "persistentDisposition", "ex:x", "sourceList"]),
        value in json_value(),
    ) {
        let mut event = json!({
            "@context": [{"ex": "https://ex.example/"}],
            "type": "ObjectEvent", "eventTime": "2020-01-01T00:00:00Z", "eventTimeZoneOffset": "+00:00", "action": "ADD",
        });
        event[key] = value;
        let events = parse_events(&serde_json::to_vec(&event).unwrap()).unwrap();
        let _ = event_hash(&events[0]);
    }
}

#[test]
fn hostile_nesting_is_refused_not_overflowed() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(parse_events(deep.as_bytes()).is_err());
    let deep = format!(
        "{{\"epcisBody\":{{\"eventList\":[{}1{}]}}}}",
        "{\"a\":".repeat(70),
        "}".repeat(70)
    );
    assert_eq!(
        parse_events(deep.as_bytes()).unwrap_err().code(),
        "epcis-too-deep"
    );
}
