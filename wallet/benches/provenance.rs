//! Provenance lookup figures against an in-process devnet on loopback (a
//! plain bench binary, not run in CI):
//!
//! ```sh
//! cargo bench --profile test -p jifen-wallet --bench provenance
//! ```
//!
//! The devnet's 20-record demo item, looked up from scan (the tag's text)
//! to verdict, split into fetch (sync, subchain audit, the records and the
//! main-chain state with their proofs) and verification (the pure checks),
//! beside the floor of the verification: the 20 CBV event hashes and the
//! 20 signature checks alone, measured in the same run.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout,
    clippy::cast_precision_loss,
    missing_docs
)]

use std::time::{Duration, Instant};

use jifen_node::provenance::demo::{DemoKind, demo_product};
use jifen_protocol::provenance::ProvenanceRecord;
use jifen_protocol::{Decode, Network};
use jifen_wallet::provenance::trace::trace;
use jifen_wallet::provenance::views::{TracePurpose, VerdictView};
use jifen_wallet::{CancelToken, FrontEnd, WalletContext, sync};

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = jifen_testenv::devnet::DevnetBuilder::new(dir.path().join("node"))
        .subchains()
        .start()
        .unwrap();
    let mut ctx = WalletContext::new(&dir.path().join("wallet"), Network::Devnet, FrontEnd::Cli);
    ctx.kdf_policy = jifen_testenv::kdf::fast_kdf_policy();
    ctx.endpoints_override = Some(vec![format!("http://{}", devnet.rpc_addr())]);
    let mut session = ctx.open_chain(Network::Devnet).unwrap();
    sync::sync(&mut session, &mut |_| {}, &CancelToken::new()).unwrap();
    let tag = demo_product(DemoKind::Long).tag_uri();

    // Wait for the item to be written and anchored, then one cold lookup
    // (the first audit of the subchain).
    let started = Instant::now();
    let cold = loop {
        let begin = Instant::now();
        let traced = trace(
            &mut session,
            &tag,
            TracePurpose::Counter,
            &mut |_| {},
            &CancelToken::new(),
        )
        .unwrap();
        if traced.view.verdict == VerdictView::Authentic && traced.view.records.len() == 20 {
            break (begin.elapsed(), traced);
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the demo item never appeared"
        );
        std::thread::sleep(Duration::from_millis(300));
    };
    println!(
        "first lookup (audits the subchain from its last checkpoint): {:.1} ms total, fetch {} ms, verify {} ms, subchain height {}",
        cold.0.as_secs_f64() * 1e3,
        cold.1.view.fetch_ms,
        cold.1.view.verify_ms,
        cold.1.view.subchain_height
    );

    let rounds = 30;
    let (mut total, mut fetch, mut verify) = (Vec::new(), Vec::new(), Vec::new());
    let mut last = None;
    for _ in 0..rounds {
        let begin = Instant::now();
        let traced = trace(
            &mut session,
            &tag,
            TracePurpose::Counter,
            &mut |_| {},
            &CancelToken::new(),
        )
        .unwrap();
        total.push(begin.elapsed().as_secs_f64() * 1e3);
        fetch.push(traced.view.fetch_ms as f64);
        verify.push(traced.view.verify_ms as f64);
        last = Some(traced);
    }
    let traced = last.unwrap();
    println!(
        "warm lookup, {rounds} rounds: total median {:.1} ms (max {:.1}), fetch median {:.0} ms, verify median {:.0} ms",
        median(total.clone()),
        total.iter().copied().fold(0.0, f64::max),
        median(fetch),
        median(verify),
    );

    // Verification precisely, and its floor: 20 event hashes + 20
    // signature checks, on the same records.
    let records: Vec<ProvenanceRecord> = traced
        .bundle
        .pages
        .iter()
        .flat_map(|p| p.records.iter())
        .map(|r| {
            ProvenanceRecord::decode(&hex::decode(r.value.as_ref().unwrap()).unwrap()).unwrap()
        })
        .collect();
    let chain_id = session.settings().chain_id().clone();
    let reps = 200;
    let begin = Instant::now();
    for _ in 0..reps {
        for record in &records {
            let events = jifen_gs1::parse_events(&record.event).unwrap();
            assert_eq!(events[0].hash().0, record.event_hash.0);
            record
                .signer
                .verify_prehash(&record.digest(&chain_id), &record.signature)
                .unwrap();
        }
    }
    let floor = begin.elapsed().as_secs_f64() * 1e3 / f64::from(reps);
    let bytes: usize = traced
        .bundle
        .pages
        .iter()
        .flat_map(|p| p.records.iter())
        .map(|r| r.value.as_ref().map_or(0, String::len) / 2 + r.proof.len() / 2)
        .sum();
    println!(
        "floor of the checks (20 x parse + CBV hash + signature): {floor:.2} ms; records with proofs: {bytes} bytes"
    );
}
