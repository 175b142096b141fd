//! Figures for the subchain audit (issue 13), printed as a table (a plain
//! bench binary: `cargo bench -p jifen-light-client-verifier --bench
//! subchain_audit`).
//!
//! 1. Audit throughput, subchain headers per second, for bft subchains of 4
//!    and 21 members and a pow-xor subchain: [`SubchainAudit::check`] per
//!    anchored report (anchor proof + the subchain's rules). The main-chain
//!    headers are given as verified (their cost is the main-chain
//!    verifier's, in `docs/benchmarks.md`); signing and mining are not timed.
//! 2. Anchor proof size in bytes and verify time for anchor trees of 1, 16
//!    and 256 leaves.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout,
    clippy::disallowed_methods,
    clippy::disallowed_types,
    missing_docs
)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use jifen_light_client_verifier::SubchainAudit;
use jifen_light_client_verifier::subchain::test_chain::{
    Anchored, BftSubchain, Committee, NodeView, TEST_POW, anchor, devnet, mine_next, subchain,
};
use jifen_light_client_verifier::test_chain::T0;
use jifen_protocol::subchain::{AnchorLeaf, ConsensusParams, Outcome, SubchainReport};
use jifen_protocol::{Encode, Hash32, InclusionProof, sha256};

fn honest(view: &mut NodeView, reports: Vec<SubchainReport>) -> Vec<(SubchainReport, Outcome)> {
    reports
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let outcome = view.accept(&r, 2 + i as u64);
            (r, outcome)
        })
        .collect()
}

/// The best of `runs` full audits of `anchored`.
fn audit_time(view: &NodeView, anchored: &Anchored, runs: usize) -> Duration {
    let headers: Vec<_> = anchored
        .items
        .iter()
        .map(|item| anchored.chain.header(item.main_height).clone())
        .collect();
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let mut audit = SubchainAudit::new(devnet(), view.id, view.params);
        let start = Instant::now();
        for (item, header) in anchored.items.iter().zip(&headers) {
            black_box(audit.check(header, item).unwrap());
        }
        best = best.min(start.elapsed());
        audit
            .finish(&view.record(anchored.items.last().unwrap().main_height))
            .unwrap();
    }
    best
}

fn per_second(count: usize, elapsed: Duration) -> f64 {
    count as f64 / elapsed.as_secs_f64()
}

fn bft(members: u32, blocks: usize) -> (NodeView, Anchored) {
    let mut sub = BftSubchain::new(1, Committee::numbered(1, members));
    let mut view = NodeView::new(sub.id, sub.params());
    let reports: Vec<SubchainReport> = (0..blocks).map(|_| sub.next(None)).collect();
    let anchored = anchor(&honest(&mut view, reports), 1, 2, 3);
    (view, anchored)
}

fn pow(blocks: u64) -> (NodeView, Anchored) {
    let mut view = NodeView::new(subchain(2), ConsensusParams::PowXor(TEST_POW));
    let mut reports = Vec::new();
    for height in 1..=blocks {
        // One block a second: the difficulty stays.
        let report = mine_next(&view, T0 + height * 1_000, 0);
        view.accept(&report, 1 + height);
        reports.push((report, Outcome::Extends));
    }
    let anchored = anchor(&reports, 1, 2, 3);
    (view, anchored)
}

fn main() {
    println!("| figure | value |");
    println!("|---|---|");

    for (members, blocks) in [(4u32, 500usize), (21, 200)] {
        let (view, anchored) = bft(members, blocks);
        let best = audit_time(&view, &anchored, 5);
        let size = anchored.items[0].report.encode().len();
        println!(
            "| bft audit, {members} members ({blocks} headers, report {size} B): headers / s | {:.0} |",
            per_second(blocks, best)
        );
    }
    let blocks = 5_000;
    let (view, anchored) = pow(blocks);
    let best = audit_time(&view, &anchored, 5);
    println!(
        "| pow-xor audit ({blocks} headers, report {} B): headers / s | {:.0} |",
        anchored.items[0].report.encode().len(),
        per_second(blocks as usize, best)
    );

    for leaves in [1usize, 16, 256] {
        let hashes: Vec<Hash32> = (0..leaves)
            .map(|n| {
                AnchorLeaf {
                    subchain: subchain(1),
                    index: n as u64,
                    height: n as u64 + 1,
                    header_hash: Hash32(sha256(&n.to_be_bytes())),
                    outcome: Outcome::Extends,
                }
                .leaf_hash()
            })
            .collect();
        let root = jifen_protocol::merkle::root_from_leaf_hashes(&hashes);
        let proofs: Vec<InclusionProof> = (0..leaves)
            .map(|i| InclusionProof::generate(&hashes, i).unwrap())
            .collect();
        let max_bytes = proofs.iter().map(|p| p.encode().len()).max().unwrap();
        let rounds = 200_000 / leaves;
        let mut best = Duration::MAX;
        for _ in 0..5 {
            let start = Instant::now();
            for _ in 0..rounds {
                for (proof, hash) in proofs.iter().zip(&hashes) {
                    black_box(proof.verify(black_box(hash), &root)).unwrap();
                }
            }
            best = best.min(start.elapsed());
        }
        let each = best / u32::try_from(rounds * leaves).unwrap();
        println!("| anchor tree of {leaves} leaves: proof size (largest) | {max_bytes} B |");
        println!("| anchor tree of {leaves} leaves: proof verify time | {each:?} |");
    }
}
