//! Unit tests of [`super`]: envelopes, fields, the history page checks
//! and answer bounds.

use serde_json::json;

use super::*;
use crate::peer::RpcPeer;

fn outcome(answer: &Value, id: u64) -> Result<Value, PeerError> {
    outcome_of(answer.to_string().as_bytes(), &Id::from(id))?.map_err(rpc_error)
}

#[test]
fn envelope_cases() {
    let cases: [(&str, Value, &str); 5] = [
        ("not an object", json!([1]), "lc-peer-bad-envelope"),
        (
            "wrong version",
            json!({"jsonrpc": "1.0", "id": 1, "result": 1}),
            "lc-peer-bad-envelope",
        ),
        (
            "wrong id",
            json!({"jsonrpc": "2.0", "id": 2, "result": 1}),
            "lc-peer-bad-envelope",
        ),
        (
            "no result",
            json!({"jsonrpc": "2.0", "id": 1}),
            "lc-peer-bad-envelope",
        ),
        (
            "error",
            json!({"jsonrpc": "2.0", "id": 1, "error": {"code": -32601, "message": "x", "data": {"code": "method-not-found"}}}),
            "lc-peer-rpc-error",
        ),
    ];
    for (name, answer, code) in cases {
        assert_eq!(outcome(&answer, 1).unwrap_err().code(), code, "{name}");
    }
    assert_eq!(
        outcome(&json!({"jsonrpc": "2.0", "id": 1, "result": 7}), 1).unwrap(),
        json!(7)
    );
}

#[test]
fn malformed_json_is_refused() {
    assert_eq!(
        outcome_of(b"{\"jsonrpc\": \"2.0\", \"id\"", &Id::from(1))
            .unwrap_err()
            .code(),
        "lc-peer-malformed-json"
    );
}

#[test]
fn light_block_fields_are_checked() {
    let cases: [(&str, Value, &str); 3] = [
        ("missing header", json!({}), "lc-peer-bad-field"),
        (
            "header not hex",
            json!({"header": "zz"}),
            "lc-peer-bad-field",
        ),
        (
            "header not canonical",
            json!({"header": "0001"}),
            "lc-peer-decode",
        ),
    ];
    for (name, value, code) in cases {
        let error = LightBlockResult::from_json(&value)
            .map_err(PeerError::from)
            .and_then(|result| light_block_from(result, Some(1)))
            .unwrap_err();
        assert_eq!(error.code(), code, "{name}");
    }
}

/// An answer whose members contradict each other (a `hash` that is not
/// the header's, a block of another height than asked) is a lie of its
/// own: `lc-peer-inconsistent`, and the peer is demoted for it.
#[test]
fn answers_that_contradict_themselves_are_refused() {
    use jifen_light_client_verifier::test_chain::{Chain, static_set};
    let chain = Chain::new(3, 10, static_set);
    let block = chain.block(2);
    let honest = LightBlockResult {
        header: block.header,
        commit: block.commit,
        validator_set: block.validators,
        next_validator_set: block.next_validators,
    }
    .to_json();
    let mut wrong_hash = honest.clone();
    wrong_hash["hash"] = json!(Hash32([9; 32]).to_string());
    let mut wrong_height = honest.clone();
    wrong_height["height"] = json!(3);
    for (name, answer, asked) in [
        ("hash not the header's", wrong_hash, 2),
        ("height not the header's", wrong_height, 2),
        ("another height than asked", honest, 3),
    ] {
        let error = LightBlockResult::from_json(&answer)
            .map_err(PeerError::from)
            .and_then(|result| light_block_from(result, Some(asked)))
            .unwrap_err();
        assert_eq!(error.code(), "lc-peer-inconsistent", "{name}");
        assert!(!error.is_transport(), "{name}");
    }
}

fn full_page(address: &Address) -> (HistoryParams, jifen_rpc_types::HistoryResult) {
    let params = HistoryParams::new(
        address,
        Network::Devnet,
        Some(2_000),
        Some(MAX_HISTORY_ENTRIES),
    );
    let entries = (0..MAX_HISTORY_ENTRIES)
        .map(|n| HistoryEntry {
            tx_id: Hash32([0xff; 32]),
            height: u64::MAX - n,
        })
        .collect();
    let result = jifen_rpc_types::HistoryResult {
        address: params.text.clone(),
        total: u64::MAX,
        from: 2_000,
        entries,
    };
    (params, result)
}

/// The largest page the node can send (1,000 entries with the longest
/// heights), written compactly as the node does or indented, fits the
/// bound with room to spare; and its JSON values (5 per entry, member
/// names included: about 5,000) stay below the count refused before
/// parsing.
#[test]
fn a_full_history_page_fits_its_answer_bound() {
    let (_, result) = full_page(&Address::from_bytes([7; 20]));
    let response = json!({"jsonrpc": "2.0", "id": 1, "result": result.to_json()});
    let compact = serde_json::to_vec(&response).unwrap();
    let pretty = serde_json::to_vec_pretty(&response).unwrap();
    assert!(compact.len() < 110_000, "{}", compact.len());
    assert!(
        (pretty.len() as u64) < HISTORY_ANSWER_BYTES,
        "{}",
        pretty.len()
    );
    let values = json_values(&pretty, MAX_JSON_VALUES);
    assert!((5_000..5_100).contains(&values), "{values}");
    assert!(values < MAX_JSON_VALUES);
}

#[test]
fn a_history_page_must_be_the_one_asked_for() {
    let address = Address::from_bytes([7; 20]);
    let (params, honest) = full_page(&address);
    assert_eq!(
        history_page(&params, MAX_HISTORY_ENTRIES, honest.clone())
            .unwrap()
            .len(),
        1_000
    );
    let mut other_address = honest.clone();
    other_address.address = Address::from_bytes([8; 20]).encode(Network::Devnet);
    let mut other_index = honest.clone();
    other_index.from = 1_999;
    for (name, result, limit) in [
        ("another address", other_address, MAX_HISTORY_ENTRIES),
        ("another index", other_index, MAX_HISTORY_ENTRIES),
        ("more entries than asked", honest, 999),
    ] {
        let error = history_page(&params, limit, result).unwrap_err();
        assert_eq!(error.code(), "lc-peer-inconsistent", "{name}");
    }
}

#[test]
fn only_http_urls_are_accepted() {
    for url in ["ftp://example.com", "not a url", "file:///etc/passwd"] {
        assert_eq!(
            RpcPeer::connect(url, RpcOptions::default())
                .unwrap_err()
                .code(),
            "lc-peer-unreachable",
            "{url}"
        );
    }
    assert!(RpcPeer::connect("http://127.0.0.1:26657", RpcOptions::default()).is_ok());
}

#[test]
fn a_bad_frame_demotes_the_peer_with_its_own_code() {
    let error = PeerError::from(WireError::Frame {
        at: 16,
        expected: "a canonical set count".into(),
    });
    assert_eq!(error.code(), "lc-peer-bad-frame");
    assert!(!error.is_transport());
    assert!(error.to_string().contains("byte 16"));
}

#[test]
fn ranges_are_asked_as_frames_by_default() {
    assert!(RpcOptions::default().binary_ranges);
}
