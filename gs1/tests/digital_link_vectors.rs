//! Our GS1 Digital Link vectors (tests/vectors/digital_link.json).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use jifen_gs1::{DigitalLink, ProductTag, item_uri};
use jifen_protocol::message::Coded;
use serde_json::Value;

fn vectors() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/digital_link.json");
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn opt(value: &Value) -> Option<&str> {
    value.as_str()
}

#[test]
fn valid_links_parse_to_the_listed_fields() {
    let vectors = vectors();
    for case in vectors["valid"].as_array().unwrap() {
        let uri = case["uri"].as_str().unwrap();
        let link = DigitalLink::parse_at(uri, 2026).unwrap_or_else(|e| panic!("{uri}: {e}"));
        assert_eq!(
            link.gtin().as_str(),
            case["gtin"].as_str().unwrap(),
            "{uri}"
        );
        assert_eq!(link.serial(), opt(&case["serial"]), "{uri}");
        assert_eq!(link.lot(), opt(&case["lot"]), "{uri}");
        assert_eq!(link.cpv(), opt(&case["cpv"]), "{uri}");
        assert_eq!(
            link.expiry().map(|e| e.to_string()).as_deref(),
            opt(&case["expiry"]),
            "{uri}"
        );
        assert_eq!(
            link.network().map(|n| n.name()),
            opt(&case["network"]),
            "{uri}"
        );
        assert_eq!(link.resolver(), case["resolver"].as_str().unwrap(), "{uri}");
        let item = link.item().ok().map(|item| item_uri(&item));
        assert_eq!(item.as_deref(), opt(&case["item"]), "{uri}");
        if let Some(item_text) = item {
            // The canonical URI parses back to the same item.
            let again = ProductTag::parse(&item_text).unwrap();
            assert_eq!(again.item, link.item().unwrap());
        }
    }
}

#[test]
fn invalid_links_are_refused_with_the_listed_code() {
    let vectors = vectors();
    for case in vectors["invalid"].as_array().unwrap() {
        let uri = case["uri"].as_str().unwrap();
        let error = DigitalLink::parse_at(uri, 2026).map(|_| ()).unwrap_err();
        assert_eq!(
            Coded::code(&error),
            case["code"].as_str().unwrap(),
            "{uri}: {error}"
        );
        // Every argument a message needs is there.
        assert!(error.args().iter().all(|(name, _)| !name.is_empty()));
    }
    for uri in vectors["missing_serial"].as_array().unwrap() {
        let error = ProductTag::parse(uri.as_str().unwrap()).unwrap_err();
        assert_eq!(error.code(), "tag-missing-serial");
    }
}
