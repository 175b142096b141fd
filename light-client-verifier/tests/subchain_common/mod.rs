//! Shared fixtures of the subchain audit tests.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use jifen_light_client_verifier::subchain::test_chain::{
    Anchored, BftSubchain, Committee, NodeView, TEST_POW, anchor, devnet, mine_next, subchain,
};
use jifen_light_client_verifier::test_chain::T0;
use jifen_light_client_verifier::{AnchoredReport, AuditError, SubchainAudit};
use jifen_protocol::subchain::{ConsensusParams, Outcome, ReportSeal, SubchainReport, xor_wins};

pub const PER_BLOCK: usize = 2;
pub const FIRST_MAIN: u64 = 3;

pub fn main_height(i: usize) -> u64 {
    FIRST_MAIN + (i / PER_BLOCK) as u64
}

/// The outcomes an honest node gives `reports`, anchored two per block.
pub fn honest(view: &mut NodeView, reports: Vec<SubchainReport>) -> Vec<(SubchainReport, Outcome)> {
    reports
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let outcome = view.accept(&r, main_height(i));
            (r, outcome)
        })
        .collect()
}

pub fn audit_items(
    audit: &mut SubchainAudit,
    anchored: &Anchored,
    items: &[AnchoredReport],
) -> Result<(), AuditError> {
    for item in items {
        audit.check(anchored.chain.header(item.main_height), item)?;
    }
    Ok(())
}

pub fn new_audit(view: &NodeView) -> SubchainAudit {
    SubchainAudit::new(devnet(), view.id, view.params)
}

pub fn last_main(anchored: &Anchored) -> u64 {
    anchored.items.last().map_or(0, |i| i.main_height)
}

/// 3 blocks of committee 1-4, a change to 11-14, 3 more.
pub fn bft_reports(sub: &mut BftSubchain) -> Vec<SubchainReport> {
    let mut reports: Vec<SubchainReport> = (0..3).map(|_| sub.next(None)).collect();
    reports.push(sub.next(Some(Committee::numbered(11, 4))));
    reports.extend((0..3).map(|_| sub.next(None)));
    reports
}

/// Two mined candidates for `view`'s next height: (winner, loser).
pub fn candidates(view: &NodeView, time_ms: u64) -> (SubchainReport, SubchainReport) {
    let a = mine_next(view, time_ms, 10);
    let b = mine_next(view, time_ms, 11);
    if xor_wins(&a.header.hash(), &b.header.hash(), &view.tip.hash) {
        (a, b)
    } else {
        (b, a)
    }
}

/// A pow-xor subchain of `blocks` fast blocks (the difficulty rises at the
/// window boundary) where height 3 has two siblings: the loser anchored
/// first, then replaced by the winner.
pub fn pow_reports(view: &mut NodeView, blocks: u64) -> Vec<(SubchainReport, Outcome)> {
    let mut reports = Vec::new();
    for height in 1..=blocks {
        let time_ms = T0 + height * 100;
        if height == 3 {
            let (winner, loser) = candidates(view, time_ms);
            reports.push(loser.clone());
            assert_eq!(
                view.accept(&loser, main_height(reports.len() - 1)),
                Outcome::Extends
            );
            reports.push(winner.clone());
            assert_eq!(
                view.accept(&winner, main_height(reports.len() - 1)),
                Outcome::Replaces
            );
        } else {
            let report = mine_next(view, time_ms, 0);
            reports.push(report.clone());
            view.accept(&report, main_height(reports.len() - 1));
        }
    }
    // Outcomes as the node gave them, replayed on a fresh view.
    let mut replay = NodeView::new(view.id, view.params);
    honest(&mut replay, reports)
}

pub fn pow_view() -> NodeView {
    NodeView::new(subchain(2), ConsensusParams::PowXor(TEST_POW))
}

/// Audits `items` and returns the first error.
pub fn first_error(view: &NodeView, anchored: &Anchored) -> AuditError {
    let mut audit = new_audit(view);
    audit_items(&mut audit, anchored, &anchored.items).unwrap_err()
}

pub fn bft_setup(blocks: usize) -> (BftSubchain, NodeView, Vec<(SubchainReport, Outcome)>) {
    let mut sub = BftSubchain::new(1, Committee::numbered(1, 4));
    let mut view = NodeView::new(sub.id, sub.params());
    let reports: Vec<SubchainReport> = (0..blocks).map(|_| sub.next(None)).collect();
    let outcomes = honest(&mut view, reports);
    (sub, view, outcomes)
}

pub fn commit_mut(report: &mut SubchainReport) -> &mut jifen_protocol::Commit {
    match &mut report.seal {
        ReportSeal::Bft { commit, .. } => commit,
        ReportSeal::Pow => panic!("a bft report"),
    }
}

/// Height 3 anchored with the winner; the loser anchored after as `replaces`.
pub fn lost_fork_choice() -> (NodeView, Anchored) {
    let mut view = pow_view();
    let mut reports = Vec::new();
    for height in 1..=2 {
        let report = mine_next(&view, T0 + height * 1_000, 0);
        view.accept(&report, main_height(reports.len()));
        reports.push((report, Outcome::Extends));
    }
    let (winner, loser) = candidates(&view, T0 + 3_000);
    view.accept(&winner, main_height(reports.len()));
    reports.push((winner, Outcome::Extends));
    reports.push((loser, Outcome::Replaces));
    (view, anchor(&reports, PER_BLOCK, FIRST_MAIN, 1))
}

/// Bft blocks 1-4, then a twin of height 2 anchored as equivocation, then a
/// block 5 the main chain should have refused.
pub fn equivocation() -> (BftSubchain, NodeView, Anchored) {
    let (mut sub, mut view, mut reports) = bft_setup(4);
    let twin = sub.twin(2);
    let outcome = view.accept(&twin, main_height(reports.len()));
    assert_eq!(outcome, Outcome::Equivocation);
    reports.push((twin, outcome));
    let anchored = anchor(&reports, PER_BLOCK, FIRST_MAIN, 1);
    let _ = sub.next(None);
    (sub, view, anchored)
}
