//! Use case: **audit a subchain** (`docs/adr/0019-subchains-and-their-audit.md`):
//! every report it anchored since the last audit is checked against a
//! verified main-chain header and the subchain's own consensus, resuming
//! from the kept checkpoint; the result is kept for the list.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

use jifen_light_client::subchain::{Alert, AuditError, SubchainAudit};
use jifen_light_client::{SubchainAuditRun, SubchainProgress};
use jifen_protocol::subchain::{SubchainError, SubchainId, TipState};

use super::book::AuditBook;
use super::error::SubchainFlowError;
use super::list::view;
use super::views::{
    AuditStateView, AuditSummaryView, SubchainAlertView, SubchainAuditProgressView,
    SubchainAuditView,
};
use crate::chain::{ChainError, ChainSession};
use crate::jobs::CancelToken;
use crate::views::ErrorView;

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

fn progress_view(id: SubchainId, progress: SubchainProgress) -> SubchainAuditProgressView {
    match progress {
        SubchainProgress::Headers { from, to } => SubchainAuditProgressView {
            subchain: id.get(),
            phase: "headers".to_owned(),
            checked: 0,
            total: 0,
            from,
            to,
        },
        SubchainProgress::Reports { checked, total } => SubchainAuditProgressView {
            subchain: id.get(),
            phase: "reports".to_owned(),
            checked,
            total,
            from: 0,
            to: 0,
        },
    }
}

/// Where a finding is: the subchain height and the main height.
fn position(error: &AuditError, audit: &SubchainAudit) -> (u64, u64) {
    match error {
        AuditError::Report {
            main_height,
            source,
            ..
        } => (
            rule_height(source).unwrap_or(audit.tip().height + 1),
            *main_height,
        ),
        AuditError::OutcomeMismatch { main_height, .. }
        | AuditError::AnchorProofInvalid { main_height, .. }
        | AuditError::AnchorOutOfOrder { main_height, .. } => {
            (audit.tip().height + 1, *main_height)
        }
        _ => (audit.tip().height, audit.last_main_height()),
    }
}

/// The subchain height a rule names, when it names one.
const fn rule_height(error: &SubchainError) -> Option<u64> {
    match error {
        SubchainError::SkippedHeight { got, .. } => Some(*got),
        SubchainError::BrokenParent { height, .. }
        | SubchainError::WrongValidators { height, .. }
        | SubchainError::BadNextValidators { height }
        | SubchainError::BadCommit { height, .. }
        | SubchainError::NoQuorum { height, .. }
        | SubchainError::WrongBits { height, .. }
        | SubchainError::InsufficientWork { height, .. }
        | SubchainError::LosesForkChoice { height, .. }
        | SubchainError::ReorgTooDeep { height, .. }
        | SubchainError::AlreadyAnchored { height } => Some(*height),
        _ => None,
    }
}

/// The summary kept after `run`, adding to the `previous` one's findings.
fn summarize(run: &SubchainAuditRun, previous: Option<AuditSummaryView>) -> AuditSummaryView {
    let audit: &SubchainAudit = &run.audit;
    let tip = audit.tip();
    let mut alerts = previous
        .as_ref()
        .map(|p| p.alerts.clone())
        .unwrap_or_default();
    for found in &run.alerts {
        let (kind, main_height) = match &found.alert {
            Alert::Equivocation { second, .. } => ("equivocation", second.main_height),
            Alert::LostForkChoice { loser, .. } => ("lost-fork-choice", loser.main_height),
        };
        alerts.push(SubchainAlertView {
            kind: kind.to_owned(),
            height: found.alert.height(),
            main_height,
            error: None,
            evidence_path: found.path.as_ref().map(|path| path.display().to_string()),
        });
    }
    if let Some(failure) = &run.failure {
        let lost_fork = matches!(failure.rule(), Some(SubchainError::LosesForkChoice { .. }));
        let (height, main_height) = position(failure, audit);
        let kind = match failure {
            AuditError::RecordMismatch { .. }
            | AuditError::TipMismatch { .. }
            | AuditError::StatusMismatch { .. }
            | AuditError::MissingAnchor { .. } => "record-mismatch",
            _ if lost_fork => "lost-fork-choice",
            _ => "invalid-report",
        };
        // A lost fork choice already has its alert (with the evidence):
        // the failure adds the rule broken to it.
        match alerts
            .iter_mut()
            .rev()
            .find(|a| lost_fork && a.kind == "lost-fork-choice" && a.height == height)
        {
            Some(alert) => alert.error = Some(ErrorView::of(failure)),
            None => alerts.push(SubchainAlertView {
                kind: kind.to_owned(),
                height,
                main_height,
                error: Some(ErrorView::of(failure)),
                evidence_path: None,
            }),
        }
    }
    let state = if run.failure.is_some()
        || previous
            .as_ref()
            .is_some_and(|p| p.state == AuditStateView::Failed)
    {
        AuditStateView::Failed
    } else if alerts.is_empty() {
        AuditStateView::Clean
    } else {
        AuditStateView::Alert
    };
    AuditSummaryView {
        state,
        reports: audit.reports_checked(),
        height: tip.height,
        tip: tip.hash.to_string(),
        main_height: run.record.height,
        at_ms: now_ms(),
        committee_size: run
            .committee_size
            .and_then(|n| u32::try_from(n).ok())
            .or_else(|| previous.as_ref().and_then(|p| p.committee_size)),
        bits: match tip.state {
            TipState::Pow { bits, .. } => Some(u32::from(bits)),
            TipState::Bft { .. } => None,
        },
        alerts,
    }
}

/// Audits subchain `id` up to the verified head (sync first), resuming
/// from the kept checkpoint, and keeps the result.
///
/// A previous audit that failed is not resumed past its failure: its
/// finding stands until the subchain is audited from the start again
/// (delete its files in the book to do so).
///
/// # Errors
/// `lc-client-subchain-unknown`, `lc-client-no-peer`, [`ChainError::Cancelled`]
/// (nothing new is kept), `files-*`.
pub fn audit(
    session: &mut ChainSession,
    id: SubchainId,
    progress: &mut dyn FnMut(&SubchainAuditProgressView),
    cancel: &CancelToken,
) -> Result<SubchainAuditView, SubchainFlowError> {
    let started = Instant::now();
    let book = AuditBook::of(session);
    let previous = book.summary(id);
    let resume = book.checkpoint(id);
    if let (Some(summary), Some(_)) = (&previous, &resume)
        && summary.state == AuditStateView::Failed
    {
        let record = session.subchain_record(id)?.ok_or(ChainError::from(
            jifen_light_client::ClientError::SubchainUnknown { subchain: id },
        ))?;
        return Ok(SubchainAuditView {
            subchain: view(
                id,
                &record,
                previous.clone(),
                book.followed().contains(&id),
                session.network(),
            ),
            new_reports: 0,
            main_headers: 0,
            elapsed_ms: 0,
        });
    }
    let run = session.audit_subchain(
        id,
        resume,
        &mut |step| progress(&progress_view(id, step)),
        cancel,
    )?;
    let summary = summarize(&run, previous);
    book.save(&run.audit, &summary)?;
    Ok(SubchainAuditView {
        subchain: view(
            id,
            &run.record,
            Some(summary),
            book.followed().contains(&id),
            session.network(),
        ),
        new_reports: run.new_reports,
        main_headers: run.main_headers,
        elapsed_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
    })
}

/// Audits every followed subchain (after a sync), in number order; a
/// followed subchain that no longer exists is skipped.
///
/// # Errors
/// As [`audit`], for the first subchain that stops.
pub fn audit_followed(
    session: &mut ChainSession,
    progress: &mut dyn FnMut(&SubchainAuditProgressView),
    cancel: &CancelToken,
) -> Result<Vec<SubchainAuditView>, SubchainFlowError> {
    let mut views = Vec::new();
    for id in AuditBook::of(session).followed() {
        match audit(session, id, progress, cancel) {
            Ok(view) => views.push(view),
            Err(SubchainFlowError::Chain(ChainError::Client(
                jifen_light_client::ClientError::SubchainUnknown { .. },
            ))) => continue,
            Err(error) => return Err(error),
        }
    }
    Ok(views)
}
