use jifen_protocol::subchain::{
    ConsensusParams, PowParams, ReportSeal, Seal, SubchainStatus, TipState,
};
use jifen_protocol::{Address, Hash32, StateMap};
use serde_json::json;

use super::*;

fn id(n: u32) -> SubchainId {
    SubchainId::new(n).unwrap()
}

fn header(subchain: u32, height: u64) -> SubchainHeader {
    SubchainHeader {
        subchain: id(subchain),
        height,
        time_ms: 7,
        parent: Hash32([1; 32]),
        tx_root: Hash32([2; 32]),
        state_root: Hash32([3; 32]),
        seal: Seal::Pow { bits: 8, nonce: 9 },
    }
}

fn report(subchain: u32, height: u64) -> SubchainReport {
    SubchainReport {
        header: header(subchain, height),
        seal: ReportSeal::Pow,
    }
}

fn proof(leaf_index: u64, tree_size: u64) -> InclusionProof {
    InclusionProof {
        leaf_index,
        tree_size,
        path: vec![
            Hash32([4; 32]);
            jifen_protocol::merkle::inclusion_path_len(leaf_index, tree_size)
        ],
    }
}

#[test]
fn params_round_trip_and_are_strict() {
    let reports = SubchainReportsParams {
        subchain: id(2),
        from: 3,
        limit: 256,
    };
    assert_eq!(
        SubchainReportsParams::from_json(&reports.to_json()).unwrap(),
        reports
    );
    let zero = json!({"subchain": 2, "from": 0, "limit": 0});
    assert_eq!(
        SubchainReportsParams::from_json(&zero).unwrap_err().field(),
        "limit"
    );
    let no_subchain = json!({"subchain": 0, "from": 0, "limit": 1});
    assert_eq!(
        SubchainReportsParams::from_json(&no_subchain)
            .unwrap_err()
            .field(),
        "subchain"
    );
    let headers = SubchainHeadersParams {
        subchain: id(1),
        from: 1,
        to: 9,
    };
    assert_eq!(
        SubchainHeadersParams::from_json(&headers.to_json()).unwrap(),
        headers
    );
    let state = SubchainStateParams {
        subchain: id(1),
        key: "demo/greeting".into(),
        height: None,
    };
    assert_eq!(
        SubchainStateParams::from_json(&state.to_json()).unwrap(),
        state
    );
    let control = json!({"subchain": 1, "key": "a\nb"});
    assert_eq!(
        SubchainStateParams::from_json(&control)
            .unwrap_err()
            .field(),
        "key"
    );
    assert_eq!(
        SubchainsParams::from_json(&json!({})).unwrap(),
        SubchainsParams
    );
}

#[test]
fn results_round_trip_and_repeated_members_agree() {
    let listing = SubchainsResult {
        height: 4,
        subchains: vec![(
            id(1),
            SubchainRecord {
                owner: Address::from_bytes([5; 20]),
                name: "xor-demo".into(),
                stake: 1_000_000_000,
                registered_at: 2,
                status: SubchainStatus::Active,
                params: ConsensusParams::PowXor(PowParams {
                    initial_bits: 10,
                    min_bits: 8,
                    retarget_interval: 16,
                    target_spacing_ms: 2_000,
                }),
                tip: jifen_protocol::subchain::SubchainTip {
                    height: 0,
                    hash: Hash32::ZERO,
                    parent: Hash32::ZERO,
                    time_ms: 0,
                    parent_time_ms: 0,
                    state: TipState::Pow {
                        bits: 10,
                        window_start_ms: 0,
                    },
                },
                reports: 0,
                last_anchor_height: 0,
            },
        )],
    };
    assert_eq!(
        SubchainsResult::from_json(&listing.to_json()).unwrap(),
        listing
    );

    let page = SubchainReportsResult {
        subchain: id(2),
        height: 9,
        total: 2,
        reports: vec![
            AnchoredReport {
                index: 0,
                main_height: 3,
                leaf_index: 1,
                leaf_count: 2,
                outcome: Outcome::Extends,
                report: report(2, 1),
                anchor_proof: proof(1, 2),
            },
            AnchoredReport {
                index: 1,
                main_height: 4,
                leaf_index: 0,
                leaf_count: 1,
                outcome: Outcome::Replaces,
                report: report(2, 1),
                anchor_proof: proof(0, 1),
            },
        ],
    };
    let json = page.to_json();
    assert_eq!(SubchainReportsResult::from_json(&json).unwrap(), page);
    let mut gap = json.clone();
    gap["reports"][1]["index"] = json!(5);
    assert_eq!(
        SubchainReportsResult::from_json(&gap).unwrap_err().field(),
        "index"
    );
    let mut other = json.clone();
    other["subchain"] = json!(3);
    assert_eq!(
        SubchainReportsResult::from_json(&other)
            .unwrap_err()
            .field(),
        "subchain"
    );
    let mut outcome = json;
    outcome["reports"][0]["outcome"] = json!("wins");
    assert_eq!(
        SubchainReportsResult::from_json(&outcome)
            .unwrap_err()
            .field(),
        "outcome"
    );

    let headers = SubchainHeadersResult {
        subchain: id(2),
        headers: vec![(3, header(2, 1)), (5, header(2, 2))],
    };
    let json = headers.to_json();
    assert_eq!(SubchainHeadersResult::from_json(&json).unwrap(), headers);
    let mut wrong = json;
    wrong["headers"][0]["height"] = json!(2);
    assert_eq!(
        SubchainHeadersResult::from_json(&wrong).unwrap_err().code(),
        "rpc-field-inconsistent"
    );

    let anchor = AnchorProofResult {
        height: 3,
        index: 1,
        leaf_count: 2,
        leaf: page.reports[0].leaf(),
        proof: proof(1, 2),
    };
    let json = anchor.to_json();
    assert_eq!(AnchorProofResult::from_json(&json).unwrap(), anchor);
    let mut size = json;
    size["leaf_count"] = json!(3);
    assert_eq!(
        AnchorProofResult::from_json(&size).unwrap_err().field(),
        "proof"
    );

    let mut map = StateMap::new();
    let key = jifen_protocol::subchain::subchain_state_key("pow/height");
    map.set(key, Some(b"1".to_vec()));
    let (value, state_proof) = map.prove(&key);
    let state = SubchainStateResult {
        subchain: id(2),
        height: 1,
        header: header(2, 1),
        key: "pow/height".into(),
        value,
        proof: state_proof,
    };
    let json = state.to_json();
    assert_eq!(SubchainStateResult::from_json(&json).unwrap(), state);
    let mut height = json;
    height["height"] = json!(2);
    assert_eq!(
        SubchainStateResult::from_json(&height).unwrap_err().code(),
        "rpc-field-inconsistent"
    );
}
