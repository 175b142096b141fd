use jifen_protocol::history::{HistoryCheckpoint, HistoryEntry};
use jifen_protocol::points::merchant::encode_points_balance;
use jifen_protocol::points::{
    AllianceParams, CouncilAction, CouncilVote, DepositTopUp, DepositWithdraw, FeeMode,
    MerchantRegister, MerchantStatus, Mint, PointSupply, PointsIssue, RateSet, RateTerms, Swap,
    TransferAsset, Withdraw,
};
use jifen_protocol::{
    Bond, Encode, Hash32, MerchantId, Transfer, Unbond, UnsignedTransaction, Validator,
    points::keys::{alliance_key, points_balance_key, supply_key},
};

use super::overlay::Overlay;
use super::*;
use crate::keys::NodeKey;

const MIN_FEE: u128 = 1_000;
const POINT: u128 = 1_000_000;

fn chain_id() -> ChainId {
    ChainId::new("jifen-devnet").unwrap()
}

fn tx(key: &NodeKey, nonce: u64, fee: u128, payload: TxPayload) -> Transaction {
    let unsigned = UnsignedTransaction::new(chain_id(), key.public_key(), nonce, fee, payload);
    let signature = key.sign_digest(&unsigned.signing_digest()).unwrap();
    unsigned.with_signature(signature)
}

fn role(name: &str) -> NodeKey {
    NodeKey::devnet_role(name).unwrap()
}

fn validator(i: u32) -> NodeKey {
    NodeKey::devnet_validator(i).unwrap()
}

/// A state with the alliance, funded roles and a council of three
/// validators with powers 10, 20 and 30.
struct World {
    state: StateMap,
    set: ValidatorSet,
    height: u64,
    proposer: Address,
    chain_id: ChainId,
    /// The block's time (2026-12-01 00:00 UTC).
    time_ms: u64,
}

impl World {
    fn new() -> Self {
        let mut state = StateMap::new();
        let alliance = AllianceParams {
            issuer: role("issuer").address(),
            platform: role("platform").address(),
            withdrawal_fee_bps: 50,
            withdrawal_fee_min: POINT / 10,
            min_deposit: 100 * POINT,
            deposit_reserve_bps: 1_000,
        };
        state.set(alliance_key(), Some(alliance.encode()));
        let mut supply = 0;
        let funded = ["issuer", "consumer", "merchant-1", "merchant-2"]
            .map(|name| role(name).address())
            .into_iter()
            .chain((0..3).map(|i| validator(i).address()));
        for address in funded {
            state.set(
                account_key(&address),
                Some(Account::new(10_000 * POINT, 0).encode()),
            );
            supply += 10_000 * POINT;
        }
        let genesis = PointSupply {
            genesis: supply,
            ..PointSupply::default()
        };
        state.set(supply_key(), Some(genesis.encode()));
        let set = ValidatorSet::new(
            (0..3)
                .map(|i| Validator::new(validator(i).public_key(), 10 * (u64::from(i) + 1)))
                .collect(),
        )
        .unwrap();
        Self {
            state,
            set,
            height: 5,
            proposer: Address::from_bytes([9; 20]),
            chain_id: chain_id(),
            time_ms: 1_796_083_200_000,
        }
    }

    fn ctx(&self) -> BlockContext<'_> {
        BlockContext {
            height: self.height,
            proposer: self.proposer,
            min_fee: MIN_FEE,
            validators: &self.set,
            chain_id: &self.chain_id,
            time_ms: self.time_ms,
        }
    }

    /// Executes `payload` from `key` with its next nonce; the payload's result.
    fn run(&mut self, key: &NodeKey, payload: TxPayload) -> Result<(), TxError> {
        let nonce = account(&self.state, &key.address()).unwrap().nonce;
        let t = tx(key, nonce, MIN_FEE, payload);
        let before = self.state.clone();
        let dry = dry_run(&self.state, &t, &self.ctx());
        assert_eq!(self.state, before, "a dry run changes nothing");
        let ctx = BlockContext {
            height: self.height,
            proposer: self.proposer,
            min_fee: MIN_FEE,
            validators: &self.set.clone(),
            chain_id: &self.chain_id.clone(),
            time_ms: self.time_ms,
        };
        let executed = execute(&mut self.state, &t, &ctx).unwrap();
        assert_eq!(dry, executed.result, "the mempool predicts the block");
        executed.result
    }

    fn code(&mut self, key: &NodeKey, payload: TxPayload) -> &'static str {
        self.run(key, payload).err().map_or("ok", |e| e.code())
    }

    fn point(&self, who: &Address) -> u128 {
        account(&self.state, who).unwrap().balance
    }

    fn points(&self, who: &Address, merchant: MerchantId) -> u128 {
        Overlay::new(&self.state).points(who, merchant).unwrap()
    }

    fn merchant(&self, id: MerchantId) -> jifen_protocol::points::MerchantRecord {
        Overlay::new(&self.state).merchant(id).unwrap()
    }
}

fn m1() -> MerchantId {
    MerchantId::new(1).unwrap()
}

fn terms(valid_until: u64) -> RateTerms {
    RateTerms {
        bid: 9_000,
        ask: 10_000,
        den: 1,
        fee_mode: FeeMode::Settlement,
        fee_bps: 0,
        sell_min: 100,
        sell_increment: 10,
        buy_min: POINT,
        buy_increment: 10_000,
        valid_until,
    }
}

#[test]
fn transfer_moves_amount_pays_the_proposer_and_extends_three_histories() {
    let mut w = World::new();
    let alice = role("consumer");
    let bob = Address::from_bytes([2; 20]);
    let t = tx(
        &alice,
        0,
        MIN_FEE,
        TxPayload::Transfer(Transfer {
            to: bob,
            amount: 4_000,
        }),
    );
    let ctx = BlockContext {
        height: 5,
        proposer: w.proposer,
        min_fee: MIN_FEE,
        validators: &w.set.clone(),
        chain_id: &w.chain_id.clone(),
        time_ms: w.time_ms,
    };
    let executed = execute(&mut w.state, &t, &ctx).unwrap();
    assert_eq!(executed.result, Ok(()));
    assert_eq!(executed.history.len(), 3);
    let sender = account(&w.state, &alice.address()).unwrap();
    assert_eq!(sender.balance, 10_000 * POINT - 5_000);
    assert_eq!(sender.nonce, 1);
    assert_eq!(w.point(&bob), 4_000);
    assert_eq!(w.point(&w.proposer), MIN_FEE);
    let entry = [HistoryEntry {
        tx_id: t.id(),
        height: 5,
    }];
    let expected = HistoryCheckpoint::EMPTY.extend(&entry).unwrap();
    for who in [alice.address(), bob, w.proposer] {
        let record = account(&w.state, &who).unwrap();
        assert_eq!(
            (record.history_len, record.history_head),
            (1, expected.head)
        );
    }
    // Replaying it is not includable.
    assert_eq!(
        execute(&mut w.state, &t, &ctx).unwrap_err().code(),
        "tx-nonce-too-low"
    );
}

#[test]
fn failed_payload_pays_the_fee_and_only_sender_and_proposer_record_it() {
    let mut w = World::new();
    let alice = role("consumer");
    let bob = Address::from_bytes([2; 20]);
    let result = w.run(
        &alice,
        TxPayload::Transfer(Transfer {
            to: bob,
            amount: 10_000 * POINT,
        }),
    );
    assert_eq!(result.unwrap_err().number(), 1006);
    let sender = account(&w.state, &alice.address()).unwrap();
    assert_eq!(
        (sender.balance, sender.nonce, sender.history_len),
        (10_000 * POINT - MIN_FEE, 1, 1)
    );
    assert_eq!(account(&w.state, &bob).unwrap(), Account::default());
    assert_eq!(account(&w.state, &w.proposer).unwrap().history_len, 1);
}

#[test]
fn bond_unbond_and_election() {
    let mut w = World::new();
    let alice = role("consumer");
    let stake_amount = 2_000 * POINT;
    assert!(elect(&w.state, 21, 0, 1).is_none());
    let bond = TxPayload::Bond(Bond {
        amount: stake_amount,
    });
    assert_eq!(w.run(&alice, bond), Ok(()));
    let set = elect(&w.state, 21, 0, 1).unwrap();
    assert_eq!(set.validators()[0].voting_power, 2_000);
    let too_much = TxPayload::Unbond(Unbond {
        amount: stake_amount + 1,
    });
    assert_eq!(w.code(&alice, too_much), "tx-insufficient-stake");
    let unbond = TxPayload::Unbond(Unbond {
        amount: stake_amount,
    });
    assert_eq!(w.run(&alice, unbond), Ok(()));
    assert!(stake(&w.state, &alice.address()).unwrap().is_none());
    assert!(elect(&w.state, 21, 0, 2).is_none());
}

#[test]
fn rotation_moves_the_window() {
    let mut state = StateMap::new();
    for i in 0..5u32 {
        let key = validator(i);
        let record = StakeRecord {
            public_key: key.public_key(),
            bonded: (1_000 + u128::from(i)) * POINT,
        };
        state.set(stake_key(&key.address()), Some(record.encode()));
    }
    let sets: Vec<ValidatorSet> = (0..5).map(|e| elect(&state, 3, 1, e).unwrap()).collect();
    assert_eq!(sets[0].len(), 3);
    assert_ne!(sets[0].hash(), sets[1].hash());
    assert_eq!(sets[0].hash(), elect(&state, 3, 1, 5).unwrap().hash());
    let no_rotation: Vec<Hash32> = (0..3)
        .map(|e| elect(&state, 3, 0, e).unwrap().hash())
        .collect();
    assert!(no_rotation.iter().all(|h| *h == no_rotation[0]));
}

#[test]
fn mint_and_withdraw_keep_the_supply_exact() {
    let mut w = World::new();
    let (issuer, consumer) = (role("issuer"), role("consumer"));
    let platform = role("platform").address();
    let mint = |amount| {
        TxPayload::Mint(Mint {
            to: consumer.address(),
            amount,
            reference: b"bank:1".to_vec(),
        })
    };
    assert_eq!(w.code(&consumer, mint(5)), "point-not-issuer");
    assert_eq!(w.run(&issuer, mint(50 * POINT)), Ok(()));
    let withdraw = |amount| {
        TxPayload::Withdraw(Withdraw {
            amount,
            reference: b"payout:1".to_vec(),
        })
    };
    assert_eq!(
        w.code(&consumer, withdraw(POINT / 10)),
        "withdraw-below-fee"
    );
    assert_eq!(
        w.code(&consumer, withdraw(20_000 * POINT)),
        "tx-insufficient-balance"
    );
    assert_eq!(w.run(&consumer, withdraw(100 * POINT)), Ok(()));
    assert_eq!(w.point(&platform), POINT / 2);
    let supply = Overlay::new(&w.state).supply().unwrap();
    assert_eq!(
        (supply.minted, supply.burned),
        (50 * POINT, 100 * POINT - POINT / 2)
    );
    // Every POINT is in some account: the supply is exact.
    let held: u128 = w
        .state
        .iter()
        .filter_map(|(_, value)| Account::decode(value).ok())
        .map(|a| a.balance)
        .sum();
    assert_eq!(Some(held), supply.outstanding());
    // The platform's history holds the withdrawal.
    assert_eq!(account(&w.state, &platform).unwrap().history_len, 1);
}

/// Registers merchant 1 (owner merchant-1) and approves it with the votes
/// of the validators of power 30 and 20.
fn approved_merchant(w: &mut World) {
    let owner = role("merchant-1");
    let register = |deposit| {
        TxPayload::MerchantRegister(MerchantRegister {
            name: "茶香咖啡".into(),
            symbol: "TEA".into(),
            decimals: 0,
            deposit,
        })
    };
    assert_eq!(
        w.code(&owner, register(POINT)),
        "merchant-deposit-too-small"
    );
    assert_eq!(w.run(&owner, register(1_000 * POINT)), Ok(()));
    let record = w.merchant(m1());
    assert_eq!(
        (record.status, record.deposit, record.registered_at),
        (MerchantStatus::Proposed, 1_000 * POINT, 5)
    );
    let issue = TxPayload::PointsIssue(PointsIssue {
        merchant: m1(),
        to: role("consumer").address(),
        amount: 10,
    });
    assert_eq!(w.code(&owner, issue), "merchant-not-approved");
    let approve = TxPayload::CouncilVote(CouncilVote {
        merchant: m1(),
        action: CouncilAction::Approve,
    });
    assert_eq!(w.code(&owner, approve.clone()), "council-not-member");
    // The set is sorted by address: find the validators by power.
    let by_power = |power: u64| {
        (0..3)
            .map(validator)
            .find(|k| w.set.find(&k.address()).unwrap().1.voting_power == power)
            .unwrap()
    };
    let (v30, v20) = (by_power(30), by_power(20));
    assert_eq!(w.run(&v30, approve.clone()), Ok(()));
    assert_eq!(w.merchant(m1()).status, MerchantStatus::Proposed);
    assert_eq!(w.code(&v30, approve.clone()), "council-already-voted");
    assert_eq!(w.run(&v20, approve.clone()), Ok(()));
    assert_eq!(w.merchant(m1()).status, MerchantStatus::Approved);
    assert_eq!(w.code(&v20, approve), "council-action-not-applicable");
}

#[test]
fn merchants_rates_points_and_deposits() {
    let mut w = World::new();
    approved_merchant(&mut w);
    let (owner, other, consumer) = (role("merchant-1"), role("merchant-2"), role("consumer"));
    let set_rate = |valid_until| {
        TxPayload::RateSet(RateSet {
            merchant: m1(),
            terms: terms(valid_until),
        })
    };
    assert_eq!(w.code(&other, set_rate(100)), "merchant-not-owner");
    assert_eq!(w.code(&owner, set_rate(4)), "rate-valid-until-past");
    assert_eq!(w.run(&owner, set_rate(100)), Ok(()));
    assert_eq!(w.run(&owner, set_rate(200)), Ok(()));
    let overlay = Overlay::new(&w.state);
    assert_eq!(
        overlay.rate(m1(), 1).unwrap().unwrap().terms.valid_until,
        100
    );
    assert_eq!(overlay.rate(m1(), 2).unwrap().unwrap().set_at, 5);
    assert_eq!(w.merchant(m1()).rate_version, 2);

    let issue = TxPayload::PointsIssue(PointsIssue {
        merchant: m1(),
        to: consumer.address(),
        amount: 1_000_000,
    });
    assert_eq!(w.run(&owner, issue), Ok(()));
    assert_eq!(w.points(&consumer.address(), m1()), 1_000_000);
    let gift = |merchant, amount| {
        TxPayload::TransferAsset(TransferAsset {
            asset: jifen_protocol::AssetId::Points(merchant),
            to: other.address(),
            amount,
            memo: b"gift".to_vec(),
        })
    };
    assert_eq!(w.run(&consumer, gift(m1(), 400_000)), Ok(()));
    assert_eq!(w.points(&other.address(), m1()), 400_000);
    assert_eq!(
        w.code(&consumer, gift(m1(), 600_001)),
        "points-insufficient-balance"
    );
    assert_eq!(
        w.code(&consumer, gift(MerchantId::new(7).unwrap(), 1)),
        "merchant-unknown"
    );
    // Outstanding 1,000,000 points at bid 0.009 = 9,000 POINT; 10 % = 900 POINT.
    let take = |amount| {
        TxPayload::DepositWithdraw(DepositWithdraw {
            merchant: m1(),
            amount,
        })
    };
    assert_eq!(
        w.code(&owner, take(100 * POINT + 1)),
        "merchant-deposit-below-required"
    );
    assert_eq!(w.run(&owner, take(100 * POINT)), Ok(()));
    let top_up = TxPayload::DepositTopUp(DepositTopUp {
        merchant: m1(),
        amount: 50 * POINT,
    });
    assert_eq!(w.run(&owner, top_up), Ok(()));
    assert_eq!(w.merchant(m1()).deposit, 950 * POINT);
    assert_eq!(w.merchant(m1()).outstanding, 1_000_000);
}

#[test]
fn swaps_both_ways_and_every_refusal() {
    let mut w = World::new();
    approved_merchant(&mut w);
    let (owner, consumer) = (role("merchant-1"), role("consumer"));
    let rate = TxPayload::RateSet(RateSet {
        merchant: m1(),
        terms: terms(50),
    });
    assert_eq!(w.run(&owner, rate), Ok(()));
    w.state.set(
        points_balance_key(&consumer.address(), m1()),
        encode_points_balance(200_000),
    );
    let mut record = w.merchant(m1());
    record.outstanding = 200_000;
    let mut ov = Overlay::new(&w.state);
    ov.put_merchant(&record);
    for (key, value) in ov.finish().0 {
        w.state.set(key, value);
    }
    let sell = |amount_in, min_out| Swap {
        merchant: m1(),
        direction: SwapDirection::PointsToPoint,
        amount_in,
        min_out,
        rate_version: 1,
        deadline: 10,
    };
    let swap = |s: Swap| TxPayload::Swap(s);
    let before = w.point(&consumer.address());
    assert_eq!(w.run(&consumer, swap(sell(1_000, 9 * POINT))), Ok(()));
    assert_eq!(w.point(&consumer.address()), before - MIN_FEE + 9 * POINT);
    assert_eq!(w.points(&consumer.address(), m1()), 199_000);
    assert_eq!(w.merchant(m1()).deposit, 991 * POINT);
    assert_eq!(w.merchant(m1()).outstanding, 199_000);

    let buy = Swap {
        direction: SwapDirection::PointToPoints,
        amount_in: 2 * POINT,
        min_out: 200,
        ..sell(0, 0)
    };
    assert_eq!(w.run(&consumer, swap(buy)), Ok(()));
    assert_eq!(w.points(&consumer.address(), m1()), 199_200);
    assert_eq!(w.merchant(m1()).deposit, 993 * POINT);

    let cases = [
        (sell(1_000, 9 * POINT + 1), "swap-below-min-out"),
        (
            Swap {
                deadline: 4,
                ..sell(1_000, 1)
            },
            "swap-deadline-passed",
        ),
        (
            Swap {
                rate_version: 2,
                ..sell(1_000, 1)
            },
            "swap-rate-stale",
        ),
        (sell(90, 1), "swap-below-minimum"),
        (sell(1_005, 1), "swap-not-increment"),
        (sell(199_210, 1), "points-insufficient-balance"),
        (sell(120_000, 1), "swap-deposit-insufficient"),
        (
            Swap {
                amount_in: 20_000 * POINT,
                ..buy
            },
            "tx-insufficient-balance",
        ),
        (
            Swap {
                merchant: MerchantId::new(3).unwrap(),
                ..buy
            },
            "merchant-unknown",
        ),
    ];
    for (s, code) in cases {
        let paid = w.point(&consumer.address());
        assert_eq!(w.code(&consumer, swap(s)), code);
        // Only the fee, the nonce and the histories changed.
        assert_eq!(w.point(&consumer.address()), paid - MIN_FEE);
        assert_eq!(w.points(&consumer.address(), m1()), 199_200);
        assert_eq!(w.merchant(m1()).deposit, 993 * POINT);
    }
    w.height = 51;
    let late = Swap {
        deadline: 60,
        ..sell(1_000, 1)
    };
    assert_eq!(w.code(&consumer, swap(late)), "swap-rate-expired");
    // Suspended by the two largest validators: swaps stop.
    for power in [30, 20] {
        let voter = (0..3)
            .map(validator)
            .find(|k| w.set.find(&k.address()).unwrap().1.voting_power == power)
            .unwrap();
        let suspend = TxPayload::CouncilVote(CouncilVote {
            merchant: m1(),
            action: CouncilAction::Suspend,
        });
        assert_eq!(w.run(&voter, suspend), Ok(()));
    }
    assert_eq!(w.code(&consumer, swap(late)), "merchant-not-approved");
}

mod provenance;
