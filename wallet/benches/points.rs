//! Points figures against an in-process devnet on loopback (a plain bench
//! binary, not run in CI):
//!
//! ```sh
//! cargo bench -p jifen-wallet --bench points
//! ```
//!
//! (a) quote-to-proven-receipt latency of a swap at the devnet's block time
//!     (1 s), split into quote, sign, and broadcast-to-proven-receipt, beside
//!     the physical bound (the wait for the next block: on average half a
//!     block time, at most one);
//! (b) a rate record's state proof: bytes and verification time;
//! (c) a history of 1,000 entries: bytes, time to fetch and fold it onto
//!     the proven account (completeness), fold time alone, and the time to
//!     check it all and prove the newest 20 entries included.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout,
    clippy::cast_precision_loss,
    missing_docs
)]

use std::path::Path;
use std::time::{Duration, Instant};

use jifen_crypto::keystore::Password;
use jifen_crypto::mnemonic::Mnemonic;
use jifen_node::keys::NodeKey;
use jifen_protocol::history::HistoryCheckpoint;
use jifen_protocol::points::keys::rate_key;
use jifen_protocol::{
    Address, ChainId, Encode, MerchantId, Network, Transfer, TxPayload, UnsignedTransaction,
    verify_state_proof,
};
use jifen_wallet::action::{ActionReview, now_ms};
use jifen_wallet::onboarding::{self, Secrets};
use jifen_wallet::open::calibrate;
use jifen_wallet::swap::{self, DirectionView, SwapRequest};
use jifen_wallet::{CancelToken, FrontEnd, OpenWallet, WalletContext, sync};

fn context(dir: &Path, endpoint: String) -> WalletContext {
    let mut ctx = WalletContext::new(dir, Network::Devnet, FrontEnd::Cli);
    ctx.kdf_policy = jifen_testenv::kdf::fast_kdf_policy();
    ctx.endpoints_override = Some(vec![endpoint]);
    ctx
}

fn consumer(ctx: &WalletContext) -> OpenWallet {
    let words = NodeKey::devnet_role_words("consumer").unwrap();
    let password = Password::new("bench password").unwrap();
    let kdf = calibrate(&ctx.kdf_policy).unwrap();
    let secrets = Secrets {
        password: &password,
        passphrase: "",
        kdf: &kdf,
    };
    let mnemonic = Mnemonic::parse(&words, None).unwrap();
    onboarding::restore(ctx, "consumer", &mnemonic, &secrets).unwrap()
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1_000.0
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let block_ms: u64 = 1_000;
    let devnet = jifen_testenv::devnet::DevnetBuilder::new(dir.path().join("node"))
        .block_time_ms(block_ms)
        .start()
        .unwrap();
    let endpoint = format!("http://{}", devnet.rpc_addr());
    let ctx = context(&dir.path().join("wallet"), endpoint);
    let wallet = consumer(&ctx);
    let mut session = ctx.open_chain(Network::Devnet).unwrap();
    let cancel = CancelToken::new();
    sync::sync(&mut session, &mut |_| {}, &cancel).unwrap();

    // (a) quote -> proven receipt, 10 swaps alternating directions.
    let (mut quote_ms, mut sign_ms, mut prove_ms, mut total_ms) = (vec![], vec![], vec![], vec![]);
    for round in 0..10 {
        let buy = round % 2 == 0;
        let request = SwapRequest {
            merchant: "TEA".into(),
            direction: if buy {
                DirectionView::Buy
            } else {
                DirectionView::Sell
            },
            amount: if buy { "1".into() } else { "100".into() },
            slippage_bps: None,
            fee: None,
            from_index: 0,
        };
        let facts = wallet.facts().unwrap();
        let started = Instant::now();
        let prepared = swap::quote(&session.reader(), &facts, &request, now_ms()).unwrap();
        let quoted = started.elapsed();
        let tx = prepared.sign(wallet.keys().unwrap(), now_ms()).unwrap();
        let signed = started.elapsed();
        let ActionReview::Swap(review) = prepared.review() else {
            panic!("not a swap")
        };
        let timeout = Duration::from_secs(60);
        let receipt =
            swap::prove_swap(&mut session, &tx, review, timeout, &mut |_| {}, &cancel).unwrap();
        let done = started.elapsed();
        assert!(receipt.as_quoted);
        quote_ms.push(ms(quoted));
        sign_ms.push(ms(signed - quoted));
        prove_ms.push(ms(done - signed));
        total_ms.push(ms(done));
    }
    let worst = total_ms.iter().copied().fold(0.0, f64::max);
    println!("(a) quote -> proven receipt, 10 swaps, block time {block_ms} ms:");
    println!(
        "    quote (state proofs)         median {:8.1} ms",
        median(quote_ms)
    );
    println!(
        "    sign                         median {:8.1} ms",
        median(sign_ms)
    );
    println!(
        "    broadcast -> proven receipt  median {:8.1} ms",
        median(prove_ms)
    );
    println!(
        "    total                        median {:8.1} ms, max {worst:8.1} ms",
        median(total_ms)
    );
    println!(
        "    physical bound: the next block, on average {} ms, at most {block_ms} ms",
        block_ms / 2
    );

    // (b) a rate record's proof.
    let chain = devnet.chain();
    let (proof_bytes, value_bytes, verify_us) = {
        let chain = chain.lock().unwrap();
        let height = chain.height();
        let root = chain.header(height).unwrap().unwrap().state_root;
        let key = rate_key(MerchantId::new(1).unwrap(), 3);
        let (value, proof) = chain.prove(&key, height).unwrap();
        let rounds = 20_000u32;
        let started = Instant::now();
        for _ in 0..rounds {
            verify_state_proof(&root, &key, value.as_deref(), &proof).unwrap();
        }
        let per = started.elapsed().as_secs_f64() * 1e6 / f64::from(rounds);
        (proof.encode().len(), value.map_or(0, |v| v.len()), per)
    };
    println!(
        "(b) rate record (TEA v3): value {value_bytes} bytes, proof {proof_bytes} bytes, \
         verified in {verify_us:.1} µs (mean of 20,000)"
    );

    // (c) a history of 1,000 entries: 1,000 transfers to one fresh address.
    let target = Address::from_bytes([0x5a; 20]);
    let funder = NodeKey::devnet_account(1).unwrap();
    let chain_id = ChainId::new("jifen-devnet").unwrap();
    let mut last = None;
    {
        let mut chain = chain.lock().unwrap();
        for nonce in 0..1_000u64 {
            let unsigned = UnsignedTransaction::new(
                chain_id.clone(),
                funder.public_key(),
                nonce,
                1_000,
                TxPayload::Transfer(Transfer {
                    to: target,
                    amount: 1,
                }),
            );
            let signature = funder.sign_digest(&unsigned.signing_digest()).unwrap();
            last = Some(chain.submit_tx(unsigned.with_signature(signature)).unwrap());
        }
    }
    session
        .wait_inclusion(&last.unwrap(), Duration::from_secs(120), &cancel)
        .unwrap();
    sync::sync(&mut session, &mut |_| {}, &cancel).unwrap();
    let started = Instant::now();
    let history = session
        .history_since(&target, HistoryCheckpoint::EMPTY)
        .unwrap();
    let fetched = started.elapsed();
    assert_eq!(history.entries.len(), 1_000);
    let entry_bytes: usize = history.entries.iter().map(|e| e.encode().len()).sum();
    let rounds = 200u32;
    let started = Instant::now();
    for _ in 0..rounds {
        HistoryCheckpoint::EMPTY.extend(&history.entries).unwrap();
    }
    let fold_us = started.elapsed().as_secs_f64() * 1e6 / f64::from(rounds);
    let started = Instant::now();
    let view = jifen_wallet::history::history(&mut session, &target, 20, &cancel).unwrap();
    let shown = started.elapsed();
    assert_eq!(view.total, 1_000);
    println!("(c) history of 1,000 entries:");
    println!("    entries {entry_bytes} bytes (40 each) plus the account's state proof");
    println!(
        "    fetch + fold onto the proven account (complete)   {:8.1} ms",
        ms(fetched)
    );
    println!("    fold alone (1,000 hashes)                         {fold_us:8.1} µs");
    println!(
        "    whole history checked + newest 20 proven included {:8.1} ms",
        ms(shown)
    );
}
