//! The points fixture behind the points test vectors: two merchants owned by
//! key 3 (one per fee mode), their rates, a swap by key 1, and one payload
//! of every points kind.

use jifen_protocol::points::keys::{
    alliance_key, council_votes_key, merchant_key, points_balance_key, rate_key, registry_key,
    supply_key,
};
use jifen_protocol::points::merchant::encode_points_balance;
use jifen_protocol::points::{
    AllianceParams, CouncilAction, CouncilVote, CouncilVotes, DepositTopUp, DepositWithdraw,
    FeeMode, MerchantRecord, MerchantRegister, MerchantRegistry, MerchantStatus, Mint, PointSupply,
    PointsIssue, RateRecord, RateSet, RateTerms, Swap, SwapDirection, TransferAsset, Withdraw,
    quote,
};
use jifen_protocol::{
    AssetId, Encode, MerchantId, Transaction, TxPayload, UnsignedTransaction, state::value_hash,
};

use super::{address_of, chain_id, public_key, sign};

pub fn tea() -> MerchantId {
    MerchantId::new(1).unwrap()
}

/// Merchant 1: 茶香咖啡 (TEA, 0 decimals), settlement mode: bid 0.009
/// POINT, ask 0.010 POINT per point; sells from 100 points in steps of 10,
/// buys from 1 POINT in steps of 0.01 POINT.
pub fn tea_terms() -> RateTerms {
    RateTerms {
        bid: 9_000,
        ask: 10_000,
        den: 1,
        fee_mode: FeeMode::Settlement,
        fee_bps: 0,
        sell_min: 100,
        sell_increment: 10,
        buy_min: 1_000_000,
        buy_increment: 10_000,
        valid_until: 1_000_000,
    }
}

/// Merchant 2: 百货商城 (MALL, 2 decimals), spread mode: mid 0.05 POINT per
/// point (500 base units per points base unit), 50 bps.
pub fn mall_terms() -> RateTerms {
    RateTerms {
        bid: 500,
        ask: 500,
        den: 1,
        fee_mode: FeeMode::Spread,
        fee_bps: 50,
        sell_min: 100,
        sell_increment: 1,
        buy_min: 100_000,
        buy_increment: 1,
        valid_until: 1_000_000,
    }
}

pub fn tea_record() -> MerchantRecord {
    MerchantRecord {
        id: tea(),
        owner: address_of(3),
        status: MerchantStatus::Approved,
        decimals: 0,
        name: "茶香咖啡".into(),
        symbol: "TEA".into(),
        deposit: 500_000_000,
        outstanding: 25_000,
        rate_version: 2,
        registered_at: 0,
    }
}

pub fn tea_rate_2() -> RateRecord {
    RateRecord {
        merchant: tea(),
        version: 2,
        terms: tea_terms(),
        set_at: 2,
    }
}

pub fn alliance() -> AllianceParams {
    AllianceParams {
        issuer: address_of(1),
        platform: address_of(2),
        withdrawal_fee_bps: 50,
        withdrawal_fee_min: 100_000,
        min_deposit: 100_000_000,
        deposit_reserve_bps: 1_000,
    }
}

/// Key 1 sells 1,250 TEA points for at least 11.25 POINT at rate version 2,
/// until height 100; nonce 1, fee 1000.
pub fn swap_tx() -> Transaction {
    let unsigned = UnsignedTransaction::new(
        chain_id(),
        public_key(1),
        1,
        1_000,
        TxPayload::Swap(Swap {
            merchant: tea(),
            direction: SwapDirection::PointsToPoint,
            amount_in: 1_250,
            min_out: 11_250_000,
            rate_version: 2,
            deadline: 100,
        }),
    );
    let signature = sign(1, &unsigned.signing_digest());
    unsigned.with_signature(signature)
}

/// One payload of every points kind, by vector name.
pub fn payloads() -> Vec<(&'static str, TxPayload)> {
    vec![
        (
            "mint",
            TxPayload::Mint(Mint {
                to: address_of(2),
                amount: 50_000_000,
                reference: b"bank:20260101-0001".to_vec(),
            }),
        ),
        (
            "withdraw",
            TxPayload::Withdraw(Withdraw {
                amount: 20_000_000,
                reference: b"payout:alipay:0042".to_vec(),
            }),
        ),
        (
            "transfer-asset",
            TxPayload::TransferAsset(TransferAsset {
                asset: AssetId::Points(tea()),
                to: address_of(3),
                amount: 300,
                memo: "订单 A-17".as_bytes().to_vec(),
            }),
        ),
        (
            "merchant-register",
            TxPayload::MerchantRegister(MerchantRegister {
                name: "茶香咖啡".into(),
                symbol: "TEA".into(),
                decimals: 0,
                deposit: 500_000_000,
            }),
        ),
        (
            "council-vote",
            TxPayload::CouncilVote(CouncilVote {
                merchant: tea(),
                action: CouncilAction::Approve,
            }),
        ),
        (
            "rate-set",
            TxPayload::RateSet(RateSet {
                merchant: tea(),
                terms: tea_terms(),
            }),
        ),
        (
            "points-issue",
            TxPayload::PointsIssue(PointsIssue {
                merchant: tea(),
                to: address_of(1),
                amount: 5_000,
            }),
        ),
        (
            "deposit-top-up",
            TxPayload::DepositTopUp(DepositTopUp {
                merchant: tea(),
                amount: 100_000_000,
            }),
        ),
        (
            "deposit-withdraw",
            TxPayload::DepositWithdraw(DepositWithdraw {
                merchant: tea(),
                amount: 50_000_000,
            }),
        ),
        ("swap", swap_tx().unsigned.payload),
    ]
}

fn quote_text(terms: &RateTerms, direction: SwapDirection, amount: u128) -> String {
    let q = quote(terms, direction, amount).unwrap();
    format!(
        "in={} out={} platform_fee={} deposit={} at_mid={}",
        q.amount_in, q.amount_out, q.platform_fee, q.deposit_change, q.at_mid
    )
}

/// Every points vector, by name.
pub fn vectors(put: &mut dyn FnMut(&str, String)) {
    let hex = |bytes: Vec<u8>| hex::encode(bytes);
    let record = tea_record();
    put("points.merchant-1-key", merchant_key(tea()).to_string());
    put("points.merchant-1-value", hex(record.encode()));
    put("points.registry-key", registry_key().to_string());
    put(
        "points.registry-value",
        hex(MerchantRegistry { count: 2 }.encode()),
    );
    put("points.rate-1-2-key", rate_key(tea(), 2).to_string());
    put("points.rate-1-2-value", hex(tea_rate_2().encode()));
    put(
        "points.rate-1-2-value-hash",
        value_hash(&tea_rate_2().encode()).to_string(),
    );
    put(
        "points.balance-key-1-tea",
        points_balance_key(&address_of(1), tea()).to_string(),
    );
    put(
        "points.balance-value-25000",
        hex(encode_points_balance(25_000).unwrap()),
    );
    put("points.supply-key", supply_key().to_string());
    put(
        "points.supply-value",
        hex(PointSupply {
            genesis: 3_000_000_000,
            minted: 50_000_000,
            burned: 19_900_000,
        }
        .encode()),
    );
    put("points.alliance-key", alliance_key().to_string());
    put("points.alliance-value", hex(alliance().encode()));
    put(
        "points.council-votes-key-1-approve",
        council_votes_key(tea(), CouncilAction::Approve).to_string(),
    );
    put(
        "points.council-votes-value",
        hex(CouncilVotes {
            voters: vec![address_of(1), address_of(2)],
        }
        .encode()),
    );
    for (name, payload) in payloads() {
        put(&format!("tx.{name}-payload"), hex(payload.to_bytes()));
    }
    let swap = swap_tx();
    put("tx.swap-encoding", hex(swap.encode()));
    put("tx.swap-id", swap.id().to_string());
    put(
        "quote.settlement-sell-1250",
        quote_text(&tea_terms(), SwapDirection::PointsToPoint, 1_250),
    );
    put(
        "quote.settlement-buy-12345678",
        quote_text(&tea_terms(), SwapDirection::PointToPoints, 12_345_678),
    );
    put(
        "quote.spread-sell-10000",
        quote_text(&mall_terms(), SwapDirection::PointsToPoint, 10_000),
    );
    put(
        "quote.spread-buy-1000001",
        quote_text(&mall_terms(), SwapDirection::PointToPoints, 1_000_001),
    );
}
