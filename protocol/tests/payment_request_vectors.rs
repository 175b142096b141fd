//! The payment-request vectors of `tests/vectors/payment_request.json`
//! (written by `tests/vectors/tools/gen_payment_request.py`, expectations
//! from `docs/payment-request.md`), checked against the parser.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // test code: a panic is a failed test

use jifen_protocol::message::Coded;
use jifen_protocol::payment_request::PaymentRequest;
use jifen_protocol::{ChainId, Network};
use serde_json::Value;

const JSON_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/vectors/payment_request.json"
);
const DOC_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/payment-request.md");

fn vectors() -> Value {
    serde_json::from_str(&std::fs::read_to_string(JSON_PATH).unwrap()).unwrap()
}

fn list<'a>(vectors: &'a Value, key: &str) -> &'a Vec<Value> {
    vectors[key].as_array().unwrap()
}

fn text(value: &Value) -> Option<String> {
    value.as_str().map(str::to_owned)
}

#[test]
fn valid_vectors_parse_to_their_fields_and_canonical_form() {
    let vectors = vectors();
    let valid = list(&vectors, "valid");
    assert!(valid.len() >= 15);
    for vector in valid {
        let name = vector["name"].as_str().unwrap();
        let uri = vector["uri"].as_str().unwrap();
        let request = PaymentRequest::parse(uri).unwrap_or_else(|e| panic!("{name}: {e}"));
        let fields = &vector["request"];
        let network: Network = fields["network"].as_str().unwrap().parse().unwrap();
        assert_eq!(request.network(), network, "{name}");
        assert_eq!(
            request.recipient().encode(network),
            fields["recipient"].as_str().unwrap(),
            "{name}"
        );
        assert_eq!(request.chain().as_str(), fields["chain"], "{name}");
        assert_eq!(request.asset().to_string(), fields["asset"], "{name}");
        assert_eq!(
            request.amount().map(ToString::to_string),
            text(&fields["amount"]),
            "{name}"
        );
        assert_eq!(
            request.memo().map(str::to_owned),
            text(&fields["memo"]),
            "{name}"
        );
        assert_eq!(
            request.label().map(str::to_owned),
            text(&fields["label"]),
            "{name}"
        );
        assert_eq!(request.expires(), fields["expires"].as_u64(), "{name}");

        let canonical = vector["canonical"].as_str().unwrap();
        assert_eq!(request.to_uri(), canonical, "{name}");
        assert_eq!(PaymentRequest::parse(canonical).unwrap(), request, "{name}");
        assert_eq!(
            PaymentRequest::parse(&request.to_qr_text()).unwrap(),
            request,
            "{name}"
        );
    }
}

#[test]
fn invalid_vectors_are_refused_with_their_code() {
    let vectors = vectors();
    let invalid = list(&vectors, "invalid");
    assert!(invalid.len() >= 40);
    for vector in invalid {
        let name = vector["name"].as_str().unwrap();
        let uri = vector["uri"].as_str().unwrap();
        let error = PaymentRequest::parse(uri).expect_err(name);
        assert_eq!(error.code(), vector["error"], "{name}: {error}");
        let cause = error
            .args()
            .into_iter()
            .find(|(arg, _)| *arg == "cause")
            .map(|(_, value)| value.to_string());
        assert_eq!(cause, text(&vector["cause"]), "{name}");
    }
}

#[test]
fn check_vectors() {
    let vectors = vectors();
    for vector in list(&vectors, "checks") {
        let name = vector["name"].as_str().unwrap();
        let request = PaymentRequest::parse(vector["uri"].as_str().unwrap()).unwrap();
        let chain = ChainId::new(vector["chain"].as_str().unwrap()).unwrap();
        let network: Network = vector["network"].as_str().unwrap().parse().unwrap();
        let now = vector["now"].as_u64().unwrap();
        let result = request.check(&chain, network, now);
        assert_eq!(
            result.err().map(|e| e.code().to_owned()),
            text(&vector["error"]),
            "{name}"
        );
    }
}

#[test]
fn conversion_vectors() {
    let vectors = vectors();
    for vector in list(&vectors, "conversions") {
        let name = vector["name"].as_str().unwrap();
        let request = PaymentRequest::parse(vector["uri"].as_str().unwrap()).unwrap();
        let decimals = u8::try_from(vector["decimals"].as_u64().unwrap()).unwrap();
        match request.amount_in_base_units(decimals) {
            Ok(units) => {
                assert_eq!(vector["error"], Value::Null, "{name}");
                assert_eq!(
                    units.map(|u| u.to_string()),
                    text(&vector["base_units"]),
                    "{name}"
                );
            }
            Err(error) => assert_eq!(error.code(), vector["error"], "{name}"),
        }
    }
}

/// The spec names every error code the vectors expect.
#[test]
fn the_spec_names_every_code_the_vectors_use() {
    let doc = std::fs::read_to_string(DOC_PATH).unwrap();
    let vectors = vectors();
    for key in ["invalid", "checks", "conversions"] {
        for vector in list(&vectors, key) {
            // (A `cause` is an address or chain-id code of docs/protocol.md.)
            if let Some(code) = vector["error"].as_str() {
                assert!(doc.contains(&format!("`{code}`")), "{code} not in the spec");
            }
        }
    }
}
