//! Typed progress events. The driver ([`crate::sync::sync_to_with_progress`])
//! reports what it does through a callback; the IO layer forwards the events
//! to the CLI's progress bar or to the app over a channel, adding what needs
//! wall-clock time (the ETA) and peer counts.

/// What the client is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
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
#[non_exhaustive]
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
}
