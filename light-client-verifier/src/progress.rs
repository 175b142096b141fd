//! Typed progress events. The driver ([`crate::sync::sync_to_with_progress`])
//! reports what it does through a callback; the IO layer forwards the events
//! to the CLI's progress bar or to the app over a channel, adding what needs
//! wall-clock time (the ETA) and peer counts: the IO crate's `LightClient`
//! sends a [`ProgressEvent::Progress`] after every step, and says when it
//! demotes a peer, changes primary or writes evidence.
//!
//! [`Phase`] and [`ProgressEvent`] are not `#[non_exhaustive]`: front ends
//! map them with exhaustive matches, so a new phase or event cannot silently
//! show as another (or as done), or be dropped.

use std::path::PathBuf;
use std::time::Duration;

/// What the client is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Checking the root of trust (checkpoint or store).
    Bootstrapping,
    /// Verifying headers towards the target.
    Syncing,
    /// Asking witnesses for the verified tip.
    CrossChecking,
    /// At the target.
    Done,
}

/// One step of a sync.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressEvent {
    /// The phase changed.
    Phase {
        /// The new phase.
        phase: Phase,
        /// Trusted height at the change.
        trusted_height: u64,
        /// The target height.
        target_height: u64,
    },
    /// A header verified; trust moved to it.
    Verified {
        /// The new trusted height.
        height: u64,
        /// The target height.
        target_height: u64,
        /// Blocks fetched so far in this sync.
        headers_fetched: u64,
        /// Heights still planned (bisection may add more).
        pending: usize,
    },
    /// Too few trusted validators signed `untrusted_height`; trying
    /// `next_height` first.
    Bisected {
        /// Trusted height.
        trusted_height: u64,
        /// The height that lacked trust.
        untrusted_height: u64,
        /// The midpoint tried next.
        next_height: u64,
    },
    /// Where the sync stands; sent by the client after each step.
    Progress(SyncProgress),
    /// A peer sent invalid data (or failed) and is not used again in this
    /// session (`code` says why, e.g. `lc-invalid-commit`).
    PeerDemoted {
        /// The peer's id (URL).
        peer: String,
        /// The reason's error code.
        code: &'static str,
    },
    /// The primary changed (the old one was demoted or stale).
    PrimaryChanged {
        /// The new primary's id.
        peer: String,
    },
    /// Fork evidence was written to a file.
    EvidenceWritten {
        /// The file.
        path: PathBuf,
    },
}

/// A snapshot of a sync for a progress bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncProgress {
    /// What the client is doing.
    pub phase: Phase,
    /// The trusted (or, while syncing, the last verified) height.
    pub current_height: u64,
    /// The height being synced to.
    pub target_height: u64,
    /// Light blocks fetched so far in this sync.
    pub headers_fetched: u64,
    /// Peers still in use (primary and witnesses).
    pub peers: usize,
    /// Estimated time left, when there is a rate to estimate from.
    pub eta: Option<Duration>,
}
