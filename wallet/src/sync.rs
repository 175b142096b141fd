//! Use cases: **sync** the verified head to the network's tip, and show the
//! **chain status** (trusted head, root of trust, peers, cross-check,
//! evidence).
//!
//! Sync runs on a [`ChainSession`] (in the app, on the [`crate::chain::ChainWorker`]'s
//! thread); status is read from a [`ChainReader`] at any time, with no
//! network request.

use std::path::{Path, PathBuf};
use std::time::Duration;

use jifen_light_client::client::{PeerRole, PeerState, RootKind};

use crate::chain::peers::Transport;
use jifen_light_client::{Phase, ProgressEvent, SyncSummary};
use jifen_protocol::Network;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::chain::session::EVIDENCE_DIR;
use crate::chain::{ChainError, ChainReader, ChainSession, ChainSettings};
use crate::jobs::CancelToken;
use crate::subchains::SubchainFlowError;
use crate::subchains::views::{SubchainAuditProgressView, SubchainAuditView};
use crate::views::{ErrorView, NetworkView};

/// Evidence files listed at most (newest last).
pub const MAX_EVIDENCE_LISTED: usize = 100;

/// What a sync is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum SyncPhase {
    /// Establishing or checking the root of trust.
    Bootstrapping,
    /// Verifying headers towards the tip.
    Syncing,
    /// Asking the witnesses for the new tip.
    CrossChecking,
    /// At the tip.
    Done,
}

impl From<Phase> for SyncPhase {
    fn from(phase: Phase) -> Self {
        match phase {
            Phase::Bootstrapping => SyncPhase::Bootstrapping,
            Phase::Syncing => SyncPhase::Syncing,
            Phase::CrossChecking => SyncPhase::CrossChecking,
            Phase::Done => SyncPhase::Done,
        }
    }
}

/// Where a running sync stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncProgressView {
    /// What it is doing.
    pub phase: SyncPhase,
    /// The last verified height.
    pub current: u64,
    /// The height it syncs to.
    pub target: u64,
    /// Light blocks fetched so far.
    pub fetched: u64,
    /// Peers in use.
    pub peers: u32,
    /// Estimated time left, when there is a rate to estimate from.
    pub eta_ms: Option<u64>,
}

/// Something a person should see while a sync runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum SyncEventView {
    /// Progress.
    Progress(SyncProgressView),
    /// A node answered wrongly and is not used again this session.
    PeerDemoted {
        /// The node.
        peer: String,
        /// Why (a message id).
        code: String,
    },
    /// Another node became the primary.
    PrimaryChanged {
        /// The new primary.
        peer: String,
    },
    /// Two nodes served conflicting signed headers; the evidence was written.
    EvidenceWritten {
        /// The evidence file.
        path: String,
    },
}

impl SyncEventView {
    /// The view of a light-client event; `None` for the driver's internal
    /// steps (each followed by a `Progress`).
    #[must_use]
    pub fn of(event: &ProgressEvent) -> Option<Self> {
        match event {
            ProgressEvent::Progress(p) => Some(SyncEventView::Progress(SyncProgressView {
                phase: p.phase.into(),
                current: p.current_height,
                target: p.target_height,
                fetched: p.headers_fetched,
                peers: u32::try_from(p.peers).unwrap_or(u32::MAX),
                eta_ms: p.eta.map(millis),
            })),
            ProgressEvent::PeerDemoted { peer, code } => Some(SyncEventView::PeerDemoted {
                peer: peer.clone(),
                code: (*code).to_owned(),
            }),
            ProgressEvent::PrimaryChanged { peer } => {
                Some(SyncEventView::PrimaryChanged { peer: peer.clone() })
            }
            ProgressEvent::EvidenceWritten { path } => Some(SyncEventView::EvidenceWritten {
                path: path.display().to_string(),
            }),
            ProgressEvent::Phase { .. }
            | ProgressEvent::Verified { .. }
            | ProgressEvent::Bisected { .. } => None,
        }
    }
}

/// What a finished sync did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncView {
    /// Verified height before.
    pub from_height: u64,
    /// Verified height now.
    pub height: u64,
    /// Its block id.
    pub hash: String,
    /// Light blocks fetched.
    pub headers_fetched: u64,
    /// The node the headers came from.
    pub primary: String,
    /// Witnesses that served the same tip.
    pub witnesses_agreed: u32,
    /// Wall time.
    pub elapsed_ms: u64,
}

impl From<&SyncSummary> for SyncView {
    fn from(summary: &SyncSummary) -> Self {
        Self {
            from_height: summary.from_height,
            height: summary.height,
            hash: summary.hash.to_string(),
            headers_fetched: summary.headers_fetched,
            primary: summary.primary.clone(),
            witnesses_agreed: u32::try_from(summary.witnesses_agreed).unwrap_or(u32::MAX),
            elapsed_ms: millis(summary.elapsed),
        }
    }
}

/// Brings the verified head to the primary's tip, cross-checked with the
/// witnesses. `on_event` sees progress, demotions and evidence; `cancel`
/// stops it at the next step, keeping only what was fully checked.
///
/// # Errors
/// Light-client errors (`lc-*`), `chain-cancelled`.
pub fn sync(
    session: &mut ChainSession,
    on_event: &mut dyn FnMut(SyncEventView),
    cancel: &CancelToken,
) -> Result<SyncView, ChainError> {
    let summary = session.sync(
        &mut |event| {
            if let Some(view) = SyncEventView::of(event) {
                on_event(view);
            }
        },
        cancel,
    )?;
    Ok(SyncView::from(&summary))
}

/// A sync followed by the audit of every followed subchain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncAuditView {
    /// The sync.
    pub sync: SyncView,
    /// One audit per followed subchain, in number order.
    pub subchains: Vec<SubchainAuditView>,
    /// Why the subchain audits stopped early, if they did (the sync itself
    /// succeeded and stands).
    pub subchain_error: Option<ErrorView>,
}

/// [`sync`], then the audit of every subchain the person follows
/// ([`crate::subchains::audit::audit_followed`]), so a followed subchain is
/// checked up to the same verified head. A failed audit does not undo the
/// sync: it is reported in [`SyncAuditView::subchain_error`].
///
/// # Errors
/// As [`sync`]; `chain-cancelled` also while auditing.
pub fn sync_and_audit(
    session: &mut ChainSession,
    on_event: &mut dyn FnMut(SyncEventView),
    on_audit: &mut dyn FnMut(&SubchainAuditProgressView),
    cancel: &CancelToken,
) -> Result<SyncAuditView, ChainError> {
    let sync = sync(session, on_event, cancel)?;
    let (subchains, subchain_error) =
        match crate::subchains::audit::audit_followed(session, on_audit, cancel) {
            Ok(views) => (views, None),
            Err(SubchainFlowError::Chain(ChainError::Cancelled)) => {
                return Err(ChainError::Cancelled);
            }
            Err(error) => (Vec::new(), Some(ErrorView::of(&error))),
        };
    Ok(SyncAuditView {
        sync,
        subchains,
        subchain_error,
    })
}

/// The verified head.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TrustedView {
    /// Height.
    pub height: u64,
    /// Block id (hex).
    pub hash: String,
    /// Header time, unix ms.
    pub time_ms: u64,
    /// How old the header is, ms (from this device's clock; 0 when the
    /// header's time is slightly ahead of it).
    pub age_ms: u64,
    /// Past this age (ms) balances may be out of date: no sync for a while,
    /// a stalled chain, or a primary that stopped with no witness to tell.
    /// A front end warns once `age_ms` (growing with its own clock) passes it.
    pub warn_after_ms: u64,
    /// Whether `age_ms` is already past `warn_after_ms`.
    pub too_old: bool,
    /// Witnesses that served this same block when it was cross-checked in
    /// this session (`Some(0)`: none could confirm it); `None` when it was
    /// loaded from the store and not checked again yet.
    pub witnesses_agreed: Option<u32>,
}

/// How the root of trust was chosen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum RootView {
    /// A checkpoint the person set (`height:hash`).
    Checkpoint {
        /// The checkpoint.
        checkpoint: String,
    },
    /// Block 1 taken on first use, cross-checked with the witnesses.
    GenesisFirstUse {
        /// The genesis block as a checkpoint.
        checkpoint: String,
        /// Witnesses that served the same genesis (`None`: loaded from the
        /// store, not checked in this session).
        witnesses_agreed: Option<u32>,
    },
}

/// A node's role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum PeerRoleView {
    /// Headers come from it.
    Primary,
    /// Its answers are compared with the primary's.
    Witness,
}

/// A node's state in this session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum PeerStateView {
    /// In use.
    Active,
    /// Behind the others (still used as a witness).
    Lagging {
        /// Its latest height.
        height: u64,
    },
    /// Did not answer; asked again at the next sync.
    Unreachable {
        /// Why (a message id).
        code: String,
        /// The transport's own words.
        detail: String,
    },
    /// Answered wrongly; not used again this session.
    Demoted {
        /// Why (a message id).
        code: String,
        /// What was wrong.
        detail: String,
    },
}

impl From<&PeerState> for PeerStateView {
    fn from(state: &PeerState) -> Self {
        match state {
            PeerState::Active => PeerStateView::Active,
            PeerState::Lagging { height } => PeerStateView::Lagging { height: *height },
            PeerState::Unreachable { code, detail } => PeerStateView::Unreachable {
                code: (*code).to_owned(),
                detail: detail.clone(),
            },
            PeerState::Demoted { code, detail } => PeerStateView::Demoted {
                code: (*code).to_owned(),
                detail: detail.clone(),
            },
        }
    }
}

/// How a node is reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum TransportView {
    /// JSON-RPC over HTTP(S).
    Rpc,
    /// JSON-RPC over libp2p.
    P2p,
}

/// A node as the status shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PeerView {
    /// Its endpoint (URL or peer address).
    pub id: String,
    /// Its role.
    pub role: PeerRoleView,
    /// Its state.
    pub state: PeerStateView,
    /// How it is reached.
    pub transport: TransportView,
    /// Its K-bucket (XOR distance from this session's random target; P2P
    /// peers only).
    pub bucket: Option<u32>,
    /// Found by discovery rather than configured.
    pub discovered: bool,
}

/// The last comparison of the verified tip with the witnesses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CrossCheckView {
    /// Height compared.
    pub height: u64,
    /// Its block id.
    pub hash: String,
    /// Witnesses that served the same block.
    pub agreed: u32,
    /// Witnesses that were behind.
    pub lagging: u32,
    /// When, unix ms.
    pub at_ms: u64,
}

/// The kinds of long chain jobs (one cancel token each).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum JobKind {
    /// A sync.
    Sync,
    /// A send waiting for its proven inclusion.
    Send,
    /// A devnet faucet request.
    Faucet,
    /// A cold-signed transaction's broadcast and proof.
    Broadcast,
    /// An audit bundle export or an offline check against the light store.
    Audit,
    /// Opening, reopening or closing the light client's session.
    Session,
    /// The audit of one subchain (a cancel of it never reaches an `audit`
    /// job such as a history or a bundle export).
    SubchainAudit,
    /// A turn of following the chain over P2P (announced blocks verified as
    /// they come); it yields to every other job ([`crate::chain::ChainWorker::follow`]).
    Follow,
}

/// Where a job stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum JobState {
    /// Waiting for the job before it.
    Queued,
    /// Running.
    Running,
}

/// A job of the chain worker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct JobView {
    /// Its id (unique per app run).
    pub id: u64,
    /// Its kind.
    pub kind: JobKind,
    /// Where it stands.
    pub state: JobState,
    /// Whether a cancel reached it.
    pub cancelled: bool,
}

/// What the light client of one network knows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChainStatusView {
    /// The network.
    pub network: NetworkView,
    /// The chain id the nodes must serve.
    pub chain_id: String,
    /// Whether this is the devnet (the faucet exists).
    pub devnet: bool,
    /// The verified head, if any.
    pub trusted: Option<TrustedView>,
    /// The root of trust, once established.
    pub root: Option<RootView>,
    /// The nodes, primary first as configured.
    pub peers: Vec<PeerView>,
    /// The last witness cross-check of this session.
    pub cross_check: Option<CrossCheckView>,
    /// Fork evidence files written for this network (oldest first).
    pub evidence: Vec<String>,
    /// When trust in the verified head expires (unix ms): after that a new
    /// checkpoint is needed.
    pub trust_expires_at_ms: Option<u64>,
    /// The sync running now, if one is.
    pub syncing: Option<SyncProgressView>,
    /// The chain worker's jobs, running first (a front end with a worker).
    pub jobs: Vec<JobView>,
    /// Whether the front end follows the chain over P2P: the verified head
    /// moves as blocks are announced, with no sync asked for.
    pub following: bool,
}

impl ChainStatusView {
    /// What is known before the light client's session is opened.
    #[must_use]
    pub fn unopened(settings: &ChainSettings) -> Self {
        Self {
            network: settings.network().into(),
            chain_id: settings.chain_id().as_str().to_owned(),
            devnet: settings.network() == Network::Devnet,
            trusted: None,
            root: None,
            peers: Vec::new(),
            cross_check: None,
            evidence: Vec::new(),
            trust_expires_at_ms: None,
            syncing: None,
            jobs: Vec::new(),
            following: false,
        }
    }
}

/// The chain status, from what the light client knows (no network request).
#[must_use]
pub fn status(reader: &ChainReader) -> ChainStatusView {
    let status = reader.status();
    let settings = reader.settings();
    let warn_after_ms = millis(reader.tip_age_warning());
    ChainStatusView {
        network: settings.network().into(),
        chain_id: settings.chain_id().as_str().to_owned(),
        devnet: settings.network() == Network::Devnet,
        trusted: status.trusted.map(|t| TrustedView {
            height: t.height,
            hash: t.hash.to_string(),
            time_ms: t.time_ms,
            age_ms: status.tip_age_ms.unwrap_or(0),
            warn_after_ms,
            too_old: status.tip_too_old,
            witnesses_agreed: status
                .tip_witnesses
                .map(|n| u32::try_from(n).unwrap_or(u32::MAX)),
        }),
        root: status.root.map(|root| match root.kind {
            RootKind::Checkpoint => RootView::Checkpoint {
                checkpoint: root.checkpoint.to_string(),
            },
            RootKind::GenesisFirstUse { witnesses_agreed } => RootView::GenesisFirstUse {
                checkpoint: root.checkpoint.to_string(),
                witnesses_agreed: witnesses_agreed.map(|n| u32::try_from(n).unwrap_or(u32::MAX)),
            },
        }),
        peers: status
            .peers
            .iter()
            .map(|p| {
                let meta = reader.peer_meta(&p.id);
                PeerView {
                    id: p.id.clone(),
                    role: match p.role {
                        PeerRole::Primary => PeerRoleView::Primary,
                        PeerRole::Witness => PeerRoleView::Witness,
                    },
                    state: PeerStateView::from(&p.state),
                    transport: match meta.map(|m| m.transport) {
                        Some(Transport::P2p) => TransportView::P2p,
                        _ => TransportView::Rpc,
                    },
                    bucket: meta.and_then(|m| m.bucket),
                    discovered: meta.is_some_and(|m| m.discovered),
                }
            })
            .collect(),
        cross_check: status.last_cross_check.map(|c| CrossCheckView {
            height: c.height,
            hash: c.hash.to_string(),
            agreed: u32::try_from(c.agreed).unwrap_or(u32::MAX),
            lagging: u32::try_from(c.lagging).unwrap_or(u32::MAX),
            at_ms: c.at_ms,
        }),
        evidence: evidence_files(reader.dir())
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        trust_expires_at_ms: status.trust_expires_at_ms,
        syncing: None,
        jobs: Vec::new(),
        following: false,
    }
}

/// The fork evidence files of a network's chain folder, sorted, at most
/// [`MAX_EVIDENCE_LISTED`] (the newest by name).
fn evidence_files(chain_dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(chain_dir.join(EVIDENCE_DIR))
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let skip = files.len().saturating_sub(MAX_EVIDENCE_LISTED);
    files.split_off(skip)
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}
