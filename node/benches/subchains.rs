//! The node's side of subchains (issue 13): what checking a report costs
//! the main chain's execution (bft: a 4-member committee, 3 signatures;
//! pow-xor: one hash), what mining an `xor-demo` block costs the devnet,
//! anchor proof sizes, and the devnet's block production with and without
//! its subchain producers (a plain bench binary, not run in CI):
//!
//! ```sh
//! cargo bench -p jifen-node --bench subchains
//! ```
//!
//! The table goes to stdout (`docs/benchmarks.md#subchains-node-issue-13`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout,
    clippy::cast_precision_loss,
    missing_docs
)]

use std::time::Instant;

use jifen_node::chain::Chain;
use jifen_node::genesis::ChainParams;
use jifen_node::subchains::{Producers, bft, pow};
use jifen_protocol::subchain::{
    AnchorLeaf, ConsensusParams, Outcome, PowParams, ReportSeal, Seal, SubchainHeader, SubchainId,
    SubchainReport, apply_report,
};
use jifen_protocol::{ChainId, Encode, Hash32, InclusionProof};

const GENESIS_MS: u64 = 1_767_225_600_000;

fn per_second(count: u64, started: Instant) -> f64 {
    count as f64 / started.elapsed().as_secs_f64()
}

fn main() {
    let chain_id = ChainId::new("jifen-devnet").unwrap();
    let id = SubchainId::new(1).unwrap();

    // bft: check report 1 against the genesis tip, many times.
    let (genesis, _) = bft::committee(0).unwrap();
    let params = ConsensusParams::Bft {
        genesis_validators_hash: genesis.hash(),
    };
    let body = bft::Body {
        subchain: id,
        height: 1,
        time_ms: GENESIS_MS,
        parent: Hash32::ZERO,
        tx_root: Hash32::ZERO,
        state_root: Hash32::ZERO,
    };
    let report = bft::report(&chain_id, &body).unwrap();
    let tip = params.genesis_tip();
    let n = 500;
    let started = Instant::now();
    for _ in 0..n {
        apply_report(&chain_id, id, &params, &tip, &report, |_| None).unwrap();
    }
    println!(
        "bft report check (4 members, 3 signatures): {:.0} reports/s; report {} bytes",
        per_second(n, started),
        report.encode().len()
    );

    // pow-xor: mine height 1 at 10 bits, then check it.
    let pow_params = PowParams {
        initial_bits: 10,
        min_bits: 8,
        retarget_interval: 16,
        target_spacing_ms: 2_000,
    };
    let template = SubchainHeader {
        subchain: id,
        height: 1,
        time_ms: GENESIS_MS,
        parent: Hash32::ZERO,
        tx_root: Hash32::ZERO,
        state_root: Hash32::ZERO,
        seal: Seal::Pow { bits: 10, nonce: 0 },
    };
    let blocks = 100u64;
    let started = Instant::now();
    let mut mined = Vec::new();
    for k in 0..blocks {
        let mut t = template.clone();
        t.time_ms += k;
        mined.push(pow::mine(&t, 0).unwrap());
    }
    println!(
        "xor-demo mining at 10 bits: {:.2} ms per block",
        started.elapsed().as_secs_f64() * 1_000.0 / blocks as f64
    );
    let params = ConsensusParams::PowXor(pow_params);
    let tip = params.genesis_tip();
    let report = SubchainReport {
        header: mined[0].clone(),
        seal: ReportSeal::Pow,
    };
    let n = 20_000;
    let started = Instant::now();
    for _ in 0..n {
        apply_report(&chain_id, id, &params, &tip, &report, |_| None).unwrap();
    }
    println!(
        "pow-xor report check: {:.0} reports/s; report {} bytes",
        per_second(n, started),
        report.encode().len()
    );

    // Anchor proofs: size and verify time by leaves per block.
    for leaves in [1usize, 2, 3, 16, 256] {
        let all: Vec<AnchorLeaf> = (0..leaves)
            .map(|i| AnchorLeaf {
                subchain: id,
                index: i as u64,
                height: i as u64 + 1,
                header_hash: Hash32([i as u8; 32]),
                outcome: Outcome::Extends,
            })
            .collect();
        let hashes: Vec<Hash32> = all.iter().map(AnchorLeaf::leaf_hash).collect();
        let root = jifen_protocol::subchain::anchors_root(&all);
        let proof = InclusionProof::generate(&hashes, leaves - 1).unwrap();
        let n = 50_000;
        let started = Instant::now();
        for _ in 0..n {
            proof.verify(&all[leaves - 1].leaf_hash(), &root).unwrap();
        }
        println!(
            "anchor proof, {leaves} leaves: {} bytes, {:.2} µs to verify",
            proof.encode().len(),
            started.elapsed().as_secs_f64() * 1e6 / n as f64
        );
    }

    // Block production with and without the producers (4 validators).
    for with in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let params = ChainParams::devnet(4, 0, 100, GENESIS_MS).unwrap();
        let mut chain = Chain::open(dir.path(), Some(params)).unwrap();
        let mut producers = with.then(|| Producers::new(1_000).unwrap());
        let blocks = 200u64;
        let started = Instant::now();
        for height in 1..=blocks {
            chain.produce_block(GENESIS_MS + height * 1_000).unwrap();
            if let Some(producers) = producers.as_mut() {
                producers.step(&mut chain).unwrap();
            }
        }
        println!(
            "main chain, 4 validators, subchain producers {}: {:.1} blocks/s",
            if with { "on" } else { "off" },
            per_second(blocks, started)
        );
    }
}
