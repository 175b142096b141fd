//! The subchain commands (issue 13, `docs/adr/0019-subchains-and-their-audit.md`):
//! the list with this wallet's audit status (a read: it never waits behind a
//! job), the audit of one subchain up to the verified head (a chain-worker
//! job of kind `subchain-audit`, with progress and its own cancel), a value proven
//! against an audited header, following a subchain (audited with every
//! sync), and subchain evidence checked offline from a picked file's text.
//!
//! The sync job itself (`commands::sync`) audits the followed subchains
//! after the sync (`jifen_wallet::sync::sync_and_audit`) and streams
//! [`SyncJobEvent`]s.

use jifen_wallet::subchains::error::parse_id;
use jifen_wallet::subchains::views::SubchainAuditProgressView;
use jifen_wallet::subchains::{SubchainFlowError, audit, book, evidence, list, value};
use jifen_wallet::sync::{JobKind, SyncEventView};
use serde::{Deserialize, Serialize};
use tauri::State;
use tauri::ipc::Channel;
use ts_rs::TS;

use crate::api::{self, Command, Nothing};
use crate::chain::ChainService;
use crate::commands::blocking;
use crate::error::AppError;

type Args<C> = <C as Command>::Args;
type Events<C> = Channel<<C as Command>::Event>;
type Out<C> = Result<<C as Command>::Output, AppError>;

/// A subchain by number.
#[derive(Debug, Deserialize, TS)]
pub struct SubchainArgs {
    /// The subchain's number (1, 2, ...).
    pub id: u32,
}

/// Follow a subchain (audited with every sync) or stop.
#[derive(Debug, Deserialize, TS)]
pub struct FollowSubchainArgs {
    /// The subchain's number.
    pub id: u32,
    /// Follow (`true`) or stop (`false`).
    pub follow: bool,
}

/// A key of a subchain's state to read, proven.
#[derive(Debug, Deserialize, TS)]
pub struct SubchainValueArgs {
    /// The subchain's number.
    pub id: u32,
    /// The key, exactly as typed.
    pub key: String,
    /// An audited subchain height; the audited tip when absent.
    pub height: Option<u64>,
}

/// A subchain evidence file's text, picked in the UI.
#[derive(Debug, Deserialize, TS)]
pub struct EvidenceTextArgs {
    /// The file's text.
    pub text: String,
}

/// What the sync job streams: the sync's own events, then the audits of the
/// followed subchains.
#[derive(Clone, Debug, Serialize, TS)]
#[serde(tag = "kind", content = "event", rename_all = "kebab-case")]
pub enum SyncJobEvent {
    /// An event of the sync (its progress also goes to the published status).
    Sync(SyncEventView),
    /// Where the audit of a followed subchain is.
    Subchain(SubchainAuditProgressView),
}

fn id_of(id: u32) -> Result<jifen_protocol::subchain::SubchainId, SubchainFlowError> {
    parse_id(&id.to_string())
}

/// Every registered subchain with this wallet's audit status, proven at the
/// verified head (never waits behind a job).
#[tauri::command]
pub async fn list_subchains(chain: State<'_, ChainService>) -> Out<api::ListSubchainsCmd> {
    let reader = chain.reader().await?;
    blocking(move || Ok(list::list(&reader)?)).await
}

/// Audits one subchain up to the verified head (the one the list is proven
/// at), resuming from the kept checkpoint; job `subchain-audit` (`cancel
/// {job: "subchain-audit"}` stops it and nothing else). A sync moves the head; the followed subchains are
/// audited by the sync itself.
#[tauri::command]
pub async fn audit_subchain(
    chain: State<'_, ChainService>,
    args: Args<api::AuditSubchainCmd>,
    on_progress: Events<api::AuditSubchainCmd>,
) -> Out<api::AuditSubchainCmd> {
    let id = id_of(args.id)?;
    chain
        .job(JobKind::SubchainAudit, move |session, cancel| {
            audit::audit(
                session,
                id,
                &mut |progress| {
                    // A closed window only loses the progress messages.
                    let _ = on_progress.send(progress.clone());
                },
                cancel,
            )
        })
        .await
}

/// A value in an audited subchain's state, proven against the audited
/// header (job `audit`).
#[tauri::command]
pub async fn subchain_value(
    chain: State<'_, ChainService>,
    args: Args<api::SubchainValueCmd>,
) -> Out<api::SubchainValueCmd> {
    let id = id_of(args.id)?;
    chain
        .job(JobKind::Audit, move |session, _cancel| {
            value::value(session, id, &args.key, args.height)
        })
        .await
}

/// Follows a subchain (audited with every sync from now on) or stops.
#[tauri::command]
pub async fn follow_subchain(
    chain: State<'_, ChainService>,
    args: Args<api::FollowSubchainCmd>,
) -> Out<api::FollowSubchainCmd> {
    let id = id_of(args.id)?;
    chain
        .job(JobKind::Audit, move |session, _cancel| {
            if args.follow {
                book::follow(session, id)
            } else {
                book::unfollow(session, id)
            }
        })
        .await?;
    Ok(Nothing)
}

/// Checks subchain evidence (a picked file's text) with nothing but its own
/// contents: no node, no session, also in cold-signer mode.
#[tauri::command]
pub async fn verify_subchain_evidence(
    args: Args<api::VerifySubchainEvidenceCmd>,
) -> Out<api::VerifySubchainEvidenceCmd> {
    blocking(move || Ok(evidence::verify_text(&args.text)?)).await
}
