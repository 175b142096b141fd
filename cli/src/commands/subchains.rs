//! `subchain list | audit | get | verify-evidence | follow | unfollow`: the
//! subchain use cases of `jifen_wallet` rendered for a terminal or as JSON.

use jifen_wallet::chain::{ChainReader, ChainSession};
use jifen_wallet::subchains::error::parse_id;
use jifen_wallet::subchains::views::{
    AuditStateView, SubchainAlertView, SubchainAuditProgressView, SubchainKindView,
    SubchainStatusView, SubchainView,
};
use jifen_wallet::subchains::{SubchainFlowError, audit, book, evidence, list, value};
use jifen_wallet::{CancelToken, WalletContext};

use super::chain::{peers_failed, short, synced_session};
use super::print_json;
use crate::args::SubchainCommand;
use crate::error::{Failure, Result, describe_view};
use crate::ui::Ui;

/// A subchain error, saying first what each node did when none answered.
fn failed(ui: &Ui, reader: &ChainReader, error: SubchainFlowError) -> Failure {
    match error {
        SubchainFlowError::Chain(error) => peers_failed(ui, reader, error),
        other => other.into(),
    }
}

/// Runs one `subchain` command.
pub fn run(ui: &Ui, ctx: &WalletContext, command: &SubchainCommand) -> Result<()> {
    match command {
        SubchainCommand::List { json } => {
            let session = synced_session(ui, ctx)?;
            let reader = session.reader();
            let view = list::list(&reader).map_err(|e| failed(ui, &reader, e))?;
            if *json {
                return print_json(ui, &view);
            }
            if view.subchains.is_empty() {
                ui.say("subchain-none", &[]);
            }
            ui.say(
                "subchain-list-head",
                &[
                    ("count", u64::from(view.registered).into()),
                    ("height", view.proven.height.into()),
                ],
            );
            for subchain in &view.subchains {
                say_subchain(ui, subchain);
            }
            if view.alerted > 0 {
                ui.say(
                    "subchain-alerted",
                    &[("count", u64::from(view.alerted).into())],
                );
            }
            Ok(())
        }
        SubchainCommand::Audit { id, json } => {
            let id = parse_id(id)?;
            let mut session = synced_session(ui, ctx)?;
            let mut shown = 0u64;
            let result = audit::audit(
                &mut session,
                id,
                &mut |progress| shown = show_progress(ui, progress, shown),
                &CancelToken::new(),
            );
            let view = result.map_err(|e| failed(ui, &session.reader(), e))?;
            if *json {
                return print_json(ui, &view);
            }
            ui.say(
                "subchain-audited",
                &[
                    ("id", u64::from(view.subchain.id).into()),
                    ("new", view.new_reports.into()),
                    ("headers", view.main_headers.into()),
                    ("millis", view.elapsed_ms.into()),
                ],
            );
            say_subchain(ui, &view.subchain);
            Ok(())
        }
        SubchainCommand::Get {
            id,
            key,
            height,
            json,
        } => {
            let id = parse_id(id)?;
            let mut session: ChainSession = synced_session(ui, ctx)?;
            let view = value::value(&mut session, id, key, *height)
                .map_err(|e| failed(ui, &session.reader(), e))?;
            if *json {
                return print_json(ui, &view);
            }
            let args = [
                ("id", u64::from(view.subchain).into()),
                ("name", view.name.clone().into()),
                ("key", view.key.clone().into()),
                ("height", view.height.into()),
                ("header", short(&view.header).into()),
                ("main", view.main_height.into()),
            ];
            if view.found {
                ui.say("subchain-value", &args);
                ui.data(
                    view.text
                        .as_deref()
                        .or(view.hex.as_deref())
                        .unwrap_or_default(),
                );
            } else {
                ui.say("subchain-value-absent", &args);
            }
            Ok(())
        }
        SubchainCommand::VerifyEvidence { file, json } => {
            let view = evidence::verify(file)?;
            if *json {
                return print_json(ui, &view);
            }
            ui.say(
                match view.kind.as_str() {
                    "equivocation" => "subchain-evidence-equivocation",
                    _ => "subchain-evidence-lost-fork",
                },
                &[
                    ("id", u64::from(view.subchain).into()),
                    ("height", view.height.into()),
                    ("count", view.double_signers.len().into()),
                    (
                        "first",
                        view.headers
                            .first()
                            .map(|h| short(h))
                            .unwrap_or_default()
                            .into(),
                    ),
                    (
                        "second",
                        view.headers
                            .get(1)
                            .map(|h| short(h))
                            .unwrap_or_default()
                            .into(),
                    ),
                ],
            );
            for signer in &view.double_signers {
                ui.data(signer);
            }
            Ok(())
        }
        SubchainCommand::Follow { id } | SubchainCommand::Unfollow { id } => {
            let follow = matches!(command, SubchainCommand::Follow { .. });
            let id = parse_id(id)?;
            let session = ctx.open_chain(ctx.network)?;
            if follow {
                book::follow(&session, id)?;
                ui.say("subchain-followed", &[("id", u64::from(id.get()).into())]);
            } else {
                book::unfollow(&session, id)?;
                ui.say("subchain-unfollowed", &[("id", u64::from(id.get()).into())]);
            }
            Ok(())
        }
    }
}

/// Prints a progress line every 10 % of the reports (and the header walk);
/// returns the last percentage shown.
fn show_progress(ui: &Ui, progress: &SubchainAuditProgressView, shown: u64) -> u64 {
    if progress.phase == "headers" {
        ui.say(
            "subchain-progress-headers",
            &[("from", progress.from.into()), ("to", progress.to.into())],
        );
        return shown;
    }
    let percent = (progress.checked * 100)
        .checked_div(progress.total)
        .unwrap_or(100);
    if percent >= shown + 10 || progress.checked == progress.total {
        ui.say(
            "subchain-progress",
            &[
                ("checked", progress.checked.into()),
                ("total", progress.total.into()),
            ],
        );
        return percent;
    }
    shown
}

/// An audit state in the person's language.
pub(super) fn state_text(ui: &Ui, state: AuditStateView) -> String {
    let id = match state {
        AuditStateView::NotAudited => "subchain-audit-not-audited",
        AuditStateView::Clean => "subchain-audit-clean",
        AuditStateView::Behind => "subchain-audit-behind",
        AuditStateView::Alert => "subchain-audit-alert",
        AuditStateView::Failed => "subchain-audit-failed",
    };
    ui.text(id, &[])
}

fn kind_text(ui: &Ui, kind: SubchainKindView) -> String {
    ui.text(
        match kind {
            SubchainKindView::Bft => "subchain-kind-bft",
            SubchainKindView::PowXor => "subchain-kind-pow-xor",
        },
        &[],
    )
}

fn say_subchain(ui: &Ui, s: &SubchainView) {
    let status = match s.status {
        SubchainStatusView::Active => "subchain-status-active",
        SubchainStatusView::Halted => "subchain-status-halted",
        SubchainStatusView::Retired => "subchain-status-retired",
    };
    let consensus = match (&s.pow, &s.audit) {
        (Some(_), Some(audit)) => ui.text(
            "subchain-consensus-pow",
            &[("bits", u64::from(audit.bits.unwrap_or(0)).into())],
        ),
        (Some(pow), None) => ui.text(
            "subchain-consensus-pow",
            &[("bits", u64::from(pow.initial_bits).into())],
        ),
        (None, audit) => match audit.as_ref().and_then(|a| a.committee_size) {
            Some(members) => ui.text(
                "subchain-consensus-bft",
                &[("members", u64::from(members).into())],
            ),
            None => ui.text("subchain-consensus-bft-unaudited", &[]),
        },
    };
    ui.data(
        &ui.text(
            "subchain-row",
            &[
                ("id", u64::from(s.id).into()),
                ("name", s.name.clone().into()),
                ("kind", kind_text(ui, s.kind).into()),
                ("consensus", consensus.into()),
                ("status", ui.text(status, &[]).into()),
                ("height", s.anchored_height.into()),
                ("anchor", s.last_anchor.into()),
                ("audited", s.audit.as_ref().map_or(0, |a| a.height).into()),
                ("state", state_text(ui, s.state).into()),
                (
                    "followed",
                    ui.text(
                        if s.followed {
                            "subchain-follow-yes"
                        } else {
                            "subchain-follow-no"
                        },
                        &[],
                    )
                    .into(),
                ),
            ],
        ),
    );
    if let Some(audit) = &s.audit {
        for alert in &audit.alerts {
            say_alert(ui, alert);
        }
    }
}

fn say_alert(ui: &Ui, alert: &SubchainAlertView) {
    let reason = alert
        .error
        .as_ref()
        .map(|e| describe_view(ui.catalog(), e))
        .unwrap_or_default();
    ui.say(
        match alert.kind.as_str() {
            "equivocation" => "subchain-alert-equivocation",
            "lost-fork-choice" => "subchain-alert-lost-fork",
            _ => "subchain-alert-invalid",
        },
        &[
            ("height", alert.height.into()),
            ("main", alert.main_height.into()),
            ("reason", reason.into()),
            (
                "path",
                alert.evidence_path.clone().unwrap_or_default().into(),
            ),
        ],
    );
}
