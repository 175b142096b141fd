//! Points on the node: the devnet's demo economy, the node's real execution
//! of swaps against the protocol's quote (property tests of conservation,
//! rounding and fees), and swaps, refusals and the proven history over RPC.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use jifen_node::execution::{BlockContext, account, execute};
use jifen_node::genesis::ChainParams;
use jifen_node::keys::NodeKey;
use jifen_node::rpc::Fault;
use jifen_node::rpc::client::RpcClient;
use jifen_protocol::history::{HistoryCheckpoint, HistoryEntry, verify_history};
use jifen_protocol::points::keys::{
    alliance_key, merchant_key, points_balance_key, rate_key, registry_key, supply_key,
};
use jifen_protocol::points::merchant::decode_points_balance;
use jifen_protocol::points::{
    AllianceParams, FeeMode, MerchantRecord, MerchantRegistry, MerchantStatus, PointSupply,
    RateRecord, RateSet, Swap, SwapCheck, SwapDirection, check_swap, required_deposit,
};
use jifen_protocol::{
    Account, Address, Decode, MerchantId, StakeRecord, StateMap, StateProof, TxPayload,
    ValidatorSet, verify_state_proof,
};
use jifen_testenv::devnet::{DevnetBuilder, produce_blocks};
use proptest::prelude::*;
use serde_json::json;

const FEE: u128 = 1_000;

fn genesis() -> StateMap {
    ChainParams::devnet(4, 0, 100, 0)
        .unwrap()
        .genesis_state()
        .unwrap()
}

fn record<T: Decode>(state: &StateMap, key: &jifen_protocol::Hash32) -> T {
    T::decode(state.get(key).unwrap()).unwrap()
}

fn merchant(state: &StateMap, n: u32) -> MerchantRecord {
    record(state, &merchant_key(MerchantId::new(n).unwrap()))
}

fn points(state: &StateMap, who: &Address, n: u32) -> u128 {
    decode_points_balance(state.get(&points_balance_key(who, MerchantId::new(n).unwrap()))).unwrap()
}

fn role(name: &str) -> NodeKey {
    NodeKey::devnet_role(name).unwrap()
}

#[test]
fn the_devnet_genesis_holds_a_living_points_economy() {
    let params = ChainParams::devnet(4, 0, 100, 0).unwrap();
    let state = params.genesis_state().unwrap();
    let registry: MerchantRegistry = record(&state, &registry_key());
    assert_eq!(registry.count, 4);
    let alliance: AllianceParams = record(&state, &alliance_key());
    let consumer = role("consumer").address();
    let faucet = NodeKey::devnet_account(0).unwrap().address();
    let mut modes = Vec::new();
    let mut decimals = Vec::new();
    let mut deposits = 0u128;
    for n in 1..=4 {
        let m = merchant(&state, n);
        deposits += m.deposit;
        let id = MerchantId::new(n).unwrap();
        let rate: RateRecord = record(&state, &rate_key(id, m.rate_version));
        assert_eq!(
            m.outstanding,
            points(&state, &consumer, n) + points(&state, &faucet, n)
        );
        if n == 4 {
            assert_eq!(m.status, MerchantStatus::Proposed);
            continue;
        }
        assert_eq!(m.status, MerchantStatus::Approved);
        assert!(m.rate_version >= 2, "merchant {n} has a rate history");
        assert!(points(&state, &consumer, n) > 0);
        modes.push(rate.terms.fee_mode);
        decimals.push(m.decimals);
        let required = required_deposit(&alliance, &m, Some(&rate.terms)).unwrap();
        assert!(m.deposit >= required, "merchant {n} keeps its deposit rule");
        if n == 3 {
            // Near its limit: less than 30 POINT above what it must keep.
            assert!(
                m.deposit - required <= 30_000_000,
                "{} {required}",
                m.deposit
            );
        }
    }
    assert!(modes.contains(&FeeMode::Settlement) && modes.contains(&FeeMode::Spread));
    decimals.sort_unstable();
    decimals.dedup();
    assert_eq!(decimals.len(), 3);
    // The supply record counts every POINT: accounts, stakes and deposits.
    let accounts: u128 = params.accounts.iter().map(|(_, b)| b).sum();
    let stakes: u128 = state
        .iter()
        .filter_map(|(_, v)| StakeRecord::decode(v).ok())
        .map(|s| s.bonded)
        .sum();
    let supply: PointSupply = record(&state, &supply_key());
    assert_eq!(supply.outstanding(), Some(accounts + stakes + deposits));
}

/// One swap by the demo consumer on the genesis state (merchant 1 to 3):
/// the amount in is a share (in permille, up to 120 %) of what it holds.
fn swap_strategy() -> impl Strategy<Value = (u32, SwapDirection, u128, bool)> {
    (
        1u32..=3,
        prop_oneof![
            Just(SwapDirection::PointsToPoint),
            Just(SwapDirection::PointToPoints)
        ],
        prop_oneof![1u128..50, 1u128..1_200],
        any::<bool>(),
    )
}

static OUTCOMES: [std::sync::atomic::AtomicU64; 2] = [
    std::sync::atomic::AtomicU64::new(0),
    std::sync::atomic::AtomicU64::new(0),
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The node's execution moves exactly what the protocol's quote says,
    /// and value is conserved: the consumer's, the platform's and the
    /// proposer's POINT and the deposits change by amounts that sum to
    /// zero; every merchant's outstanding points equal its holders' sum.
    #[test]
    fn executed_swaps_match_the_quote_and_conserve_value(
        swaps in proptest::collection::vec(swap_strategy(), 1..12),
    ) {
        let mut state = genesis();
        let set: ValidatorSet = ValidatorSet::new(vec![jifen_protocol::Validator::new(
            NodeKey::devnet_validator(0).unwrap().public_key(), 10)]).unwrap();
        let proposer = Address::from_bytes([0xee; 20]);
        let consumer = role("consumer");
        let platform = role("platform").address();
        let faucet = NodeKey::devnet_account(0).unwrap().address();
        let chain = chain_id();
        let ctx = BlockContext { height: 2, proposer, min_fee: FEE, validators: &set, chain_id: &chain, time_ms: 0 };
        for (nonce, (n, direction, permille, aligned)) in (0u64..).zip(swaps) {
            let id = MerchantId::new(n).unwrap();
            let before_m = merchant(&state, n);
            let rate: RateRecord = record(&state, &rate_key(id, before_m.rate_version));
            let (_, increment) = rate.terms.limits(direction);
            let held = match direction {
                SwapDirection::PointsToPoint => points(&state, &consumer.address(), n),
                SwapDirection::PointToPoints => account(&state, &consumer.address()).unwrap().balance / 10,
            };
            let amount = (held * permille / 1_000).max(1);
            let amount_in = if aligned { (amount / increment).max(1) * increment } else { amount };
            let swap = Swap {
                merchant: id,
                direction,
                amount_in,
                min_out: 1,
                rate_version: before_m.rate_version,
                deadline: 10,
            };
            let who = consumer.address();
            let point_before = |s: &StateMap, a: &Address| account(s, a).unwrap().balance;
            let (c0, p0, f0) = (point_before(&state, &who), point_before(&state, &platform), point_before(&state, &proposer));
            let pts0 = points(&state, &who, n);
            let balance_in = match direction {
                SwapDirection::PointsToPoint => pts0,
                SwapDirection::PointToPoints => c0 - FEE,
            };
            let expected = check_swap(&SwapCheck { merchant: &before_m, rate: Some(&rate), height: 2, balance_in }, &swap);
            let tx = sign(&consumer, chain_id(), nonce, FEE, TxPayload::Swap(swap));
            let executed = execute(&mut state, &tx, &ctx).unwrap();
            let after_m = merchant(&state, n);
            let (c1, p1, f1) = (point_before(&state, &who), point_before(&state, &platform), point_before(&state, &proposer));
            let pts1 = points(&state, &who, n);
            prop_assert_eq!(f1 - f0, FEE);
            OUTCOMES[usize::from(expected.is_ok())].fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            match expected {
                Err(err) => {
                    prop_assert_eq!(executed.result.unwrap_err().number(), err.number());
                    prop_assert_eq!(c1, c0 - FEE);
                    prop_assert_eq!(pts1, pts0);
                    prop_assert_eq!(&after_m, &before_m);
                }
                Ok(q) => {
                    prop_assert_eq!(executed.result, Ok(()));
                    prop_assert_eq!(p1 - p0, q.platform_fee);
                    match direction {
                        SwapDirection::PointsToPoint => {
                            prop_assert_eq!(c1, c0 - FEE + q.amount_out);
                            prop_assert_eq!(pts0 - pts1, amount_in);
                            prop_assert_eq!(before_m.deposit - after_m.deposit, q.deposit_change);
                            prop_assert_eq!(before_m.outstanding - after_m.outstanding, amount_in);
                        }
                        SwapDirection::PointToPoints => {
                            prop_assert_eq!(c1, c0 - FEE - amount_in);
                            prop_assert_eq!(pts1 - pts0, q.amount_out);
                            prop_assert_eq!(after_m.deposit - before_m.deposit, q.deposit_change);
                            prop_assert_eq!(after_m.outstanding - before_m.outstanding, q.amount_out);
                        }
                    }
                    // POINT conservation: what left one holder reached another.
                    let out_of = |a: u128, b: u128| i128::try_from(a).unwrap() - i128::try_from(b).unwrap();
                    let total = out_of(c1, c0) + out_of(p1, p0) + out_of(f1, f0)
                        + out_of(after_m.deposit, before_m.deposit);
                    prop_assert_eq!(total, 0);
                }
            }
            prop_assert_eq!(after_m.outstanding, points(&state, &who, n) + points(&state, &faucet, n));
            // Nobody else's POINT moved: the supply record is unchanged.
            let supply: PointSupply = record(&state, &supply_key());
            prop_assert_eq!(supply.minted + supply.burned, 0);
        }
    }
}

#[test]
fn the_swap_property_runs_both_outcomes() {
    // Runs the property once more on its own and checks that the cases
    // exercised both refused and executed swaps (a vacuous property would
    // pass with either alone).
    executed_swaps_match_the_quote_and_conserve_value();
    let refused = OUTCOMES[0].load(std::sync::atomic::Ordering::Relaxed);
    let executed = OUTCOMES[1].load(std::sync::atomic::Ordering::Relaxed);
    assert!(
        refused > 0 && executed > 0,
        "refused {refused}, executed {executed}"
    );
}

fn proven<T: Decode>(
    client: &mut RpcClient,
    key: &jifen_protocol::Hash32,
    height: u64,
) -> (Option<T>, usize) {
    let block = verified_block(client, height);
    let answer = client
        .call(
            "jifen_state",
            json!({"key": key.to_string(), "height": height}),
        )
        .unwrap();
    let value = answer["value"].as_str().map(|v| hex::decode(v).unwrap());
    let proof_hex = answer["proof"].as_str().unwrap();
    let proof = StateProof::decode(&hex::decode(proof_hex).unwrap()).unwrap();
    verify_state_proof(&block.header.state_root, key, value.as_deref(), &proof).unwrap();
    (value.map(|v| T::decode(&v).unwrap()), proof_hex.len() / 2)
}

fn result_code(client: &mut RpcClient, id: &jifen_protocol::Hash32) -> u64 {
    let status = client
        .call("jifen_txStatus", json!({"id": id.to_string()}))
        .unwrap();
    assert_eq!(status["status"], "committed", "{status}");
    status["result_code"].as_u64().unwrap()
}

#[test]
fn swaps_refusals_and_the_proven_history_over_rpc() {
    let dir = tempfile::tempdir().unwrap();
    let mut devnet = DevnetBuilder::new(dir.path())
        .validators(4)
        .manual()
        .start()
        .unwrap();
    let lying = devnet.add_rpc(Some(Fault::HistoryOmitsEntry)).unwrap();
    produce_blocks(&devnet, 1).unwrap();
    let mut client = RpcClient::new(devnet.rpc_addr());
    let consumer = role("consumer");
    let tea = MerchantId::new(1).unwrap();

    // The merchant and its current rate, proven.
    let (m, merchant_proof) = proven::<MerchantRecord>(&mut client, &merchant_key(tea), 1);
    let m = m.unwrap();
    let (rate, rate_proof) = proven::<RateRecord>(&mut client, &rate_key(tea, m.rate_version), 1);
    let rate = rate.unwrap();
    println!("proof sizes: merchant record {merchant_proof} bytes, rate record {rate_proof} bytes");
    let sell = Swap {
        merchant: tea,
        direction: SwapDirection::PointsToPoint,
        amount_in: 1_000,
        min_out: 9_200_000,
        rate_version: m.rate_version,
        deadline: 10,
    };
    // Refused at submission, each with its code.
    for (swap, code) in [
        (
            Swap {
                rate_version: m.rate_version - 1,
                ..sell
            },
            "swap-rate-stale",
        ),
        (
            Swap {
                amount_in: 90,
                ..sell
            },
            "swap-below-minimum",
        ),
        (
            Swap {
                amount_in: 1_005,
                ..sell
            },
            "swap-not-increment",
        ),
        (
            Swap {
                min_out: 9_200_001,
                ..sell
            },
            "swap-below-min-out",
        ),
        (
            Swap {
                deadline: 1,
                ..sell
            },
            "swap-deadline-passed",
        ),
        (
            Swap {
                merchant: MerchantId::new(4).unwrap(),
                rate_version: 1,
                ..sell
            },
            "merchant-not-approved",
        ),
    ] {
        let tx = sign(&consumer, chain_id(), 0, FEE, TxPayload::Swap(swap));
        let (number, name) = submit(&mut client, &tx).unwrap_err();
        assert_eq!(name, code);
        assert!((1101..1200).contains(&number), "{number}");
    }
    // A good swap, and one whose rate changes between submission and block:
    // the owner's new version executes first, the swap fails with 1123 in
    // the block's results.
    let ok = submit(
        &mut client,
        &sign(&consumer, chain_id(), 0, FEE, TxPayload::Swap(sell)),
    )
    .unwrap();
    produce_blocks(&devnet, 1).unwrap();
    assert_eq!(result_code(&mut client, &ok), 0);
    let owner = role("merchant-1");
    let new_rate = RateSet {
        merchant: tea,
        terms: rate.terms,
    };
    let rate_tx = submit(
        &mut client,
        &sign(&owner, chain_id(), 0, FEE, TxPayload::RateSet(new_rate)),
    )
    .unwrap();
    let late = submit(
        &mut client,
        &sign(&consumer, chain_id(), 1, FEE, TxPayload::Swap(sell)),
    )
    .unwrap();
    let h = produce_blocks(&devnet, 1).unwrap();
    assert_eq!(result_code(&mut client, &rate_tx), 0);
    assert_eq!(result_code(&mut client, &late), 1123);
    let (m2, _) = proven::<MerchantRecord>(&mut client, &merchant_key(tea), h);
    assert_eq!(m2.unwrap().rate_version, m.rate_version + 1);

    // The consumer's history: both swaps, proven complete against its account.
    let account = verified_account(&mut client, &consumer.address(), h);
    let text = consumer.address().encode(jifen_protocol::Network::Devnet);
    let page = |client: &mut RpcClient| -> Vec<HistoryEntry> {
        let answer = client
            .call("jifen_history", json!({"address": text}))
            .unwrap();
        answer["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| HistoryEntry {
                tx_id: e["tx_id"].as_str().unwrap().parse().unwrap(),
                height: e["height"].as_u64().unwrap(),
            })
            .collect()
    };
    let entries = page(&mut client);
    assert_eq!(
        entries.iter().map(|e| e.tx_id).collect::<Vec<_>>(),
        vec![ok, late]
    );
    verify_history(&account, h, HistoryCheckpoint::EMPTY, &entries).unwrap();
    // A node that leaves an entry out is caught.
    let omitted = page(&mut RpcClient::new(lying));
    assert_eq!(omitted.len(), 1);
    assert_eq!(
        verify_history(&account, h, HistoryCheckpoint::EMPTY, &omitted)
            .unwrap_err()
            .code(),
        "history-length-mismatch"
    );
    // The platform earned nothing from a settlement-mode merchant.
    let platform: Account = verified_account(&mut client, &role("platform").address(), h);
    assert_eq!(platform.history_len, 0);
    devnet.stop();
}
