//! What the client reports: peers, the root of trust, the last cross-check.

use std::path::PathBuf;
use std::time::Duration;

use jifen_protocol::Hash32;

use crate::trust::Checkpoint;

/// A peer's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeerRole {
    /// Headers and answers come from it first.
    Primary,
    /// Cross-checks the primary; takes over if the primary fails.
    Witness,
}

/// What the client thinks of a peer. Not `#[non_exhaustive]`: front ends
/// map every state with an exhaustive match, so a new state cannot silently
/// show as another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeerState {
    /// In use.
    Active,
    /// Behind the client (not a fault).
    Lagging {
        /// Its latest height as last seen.
        height: u64,
    },
    /// Did not answer (connection, timeout); retried at the next sync.
    Unreachable {
        /// The error code (e.g. `lc-peer-timeout`).
        code: &'static str,
        /// The error in words.
        detail: String,
    },
    /// Sent invalid data; not used again in this session.
    Demoted {
        /// The reason's code (e.g. `lc-invalid-commit`).
        code: &'static str,
        /// The reason in words.
        detail: String,
    },
}

/// A peer in [`ClientStatus`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerReport {
    /// The peer's id (URL).
    pub id: String,
    /// Its role now.
    pub role: PeerRole,
    /// Its state.
    pub state: PeerState,
}

/// How the root of trust was obtained (not `#[non_exhaustive]`, like
/// [`PeerState`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RootKind {
    /// Block 1 taken on first use from the primary; `witnesses_agreed`
    /// witnesses served the same block then (`None`: loaded from the store,
    /// checked in an earlier session).
    GenesisFirstUse {
        /// Witnesses that agreed when it was first taken.
        witnesses_agreed: Option<usize>,
    },
    /// The user's checkpoint.
    Checkpoint,
}

/// The root of trust in [`ClientStatus`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrustRootStatus {
    /// The root block.
    pub checkpoint: Checkpoint,
    /// How it came to be trusted.
    pub kind: RootKind,
}

/// The trusted header in [`ClientStatus`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrustedHead {
    /// Height.
    pub height: u64,
    /// Block id.
    pub hash: Hash32,
    /// Header time (unix ms).
    pub time_ms: u64,
}

/// The last successful cross-check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CrossCheckReport {
    /// The height checked.
    pub height: u64,
    /// The block id all agreeing witnesses served.
    pub hash: Hash32,
    /// Witnesses that served the same block.
    pub agreed: usize,
    /// Witnesses that were behind.
    pub lagging: usize,
    /// When (clock time, unix ms).
    pub at_ms: u64,
}

/// What the client knows, for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientStatus {
    /// The trusted header, if any.
    pub trusted: Option<TrustedHead>,
    /// The root of trust, once established.
    pub root: Option<TrustRootStatus>,
    /// Every peer.
    pub peers: Vec<PeerReport>,
    /// The last cross-check with witnesses.
    pub last_cross_check: Option<CrossCheckReport>,
    /// Evidence files written in this session.
    pub evidence: Vec<PathBuf>,
    /// When the trusted header expires (unix ms).
    pub trust_expires_at_ms: Option<u64>,
    /// How old the trusted header is by the client's clock, in ms (0 when
    /// its time is ahead of the clock, within the allowed drift). A wallet
    /// shows it beside balances: they are proven as of that header.
    pub tip_age_ms: Option<u64>,
    /// Whether the trusted header is older than
    /// [`super::ClientConfig::tip_age_warning`]: balances may be out of date
    /// (no sync for a while, a stalled chain, or a primary that stopped
    /// with no witness to tell).
    pub tip_too_old: bool,
    /// Witnesses that served the same block as the trusted header when it
    /// was cross-checked in this session: `Some(0)` when there was no
    /// witness to ask (or every one lagged), `None` when the header was not
    /// cross-checked in this session (loaded from the store).
    pub tip_witnesses: Option<usize>,
}

impl ClientStatus {
    /// Whether any witness confirmed the root of trust: `Some(true)` for a
    /// genesis taken on first use that at least one witness served too,
    /// `Some(false)` when none did (no witness, or all lagged or were
    /// refused), `None` for a user checkpoint (nothing to confirm) or when
    /// unknown (taken in an earlier session, or no root yet).
    #[must_use]
    pub fn root_witnessed(&self) -> Option<bool> {
        match self.root?.kind {
            RootKind::GenesisFirstUse {
                witnesses_agreed: Some(agreed),
            } => Some(agreed > 0),
            RootKind::GenesisFirstUse {
                witnesses_agreed: None,
            }
            | RootKind::Checkpoint => None,
        }
    }
}

/// What a sync did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncSummary {
    /// Trusted height before.
    pub from_height: u64,
    /// Trusted height now.
    pub height: u64,
    /// Its block id.
    pub hash: Hash32,
    /// Light blocks fetched from peers.
    pub headers_fetched: u64,
    /// Bisection steps.
    pub bisections: u64,
    /// The primary that served the headers.
    pub primary: String,
    /// Witnesses that agreed with the new tip.
    pub witnesses_agreed: usize,
    /// Wall time.
    pub elapsed: Duration,
}
