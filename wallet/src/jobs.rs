//! Long jobs: each has its own [`CancelToken`], created when the job starts,
//! so cancelling one job (a sync) can never cancel another (a send queued
//! after it). See `docs/adr/0009-wallet-use-cases.md`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Stops one job at its next step; everything fully checked before stays.
#[derive(Clone, Debug, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    /// A token not cancelled yet.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks the job to stop.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// Whether the job was asked to stop.
    #[must_use]
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }

    /// The flag the light client polls.
    #[must_use]
    pub fn flag(&self) -> &AtomicBool {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_independent_and_shared_by_clones() {
        let sync = CancelToken::new();
        let send = CancelToken::new();
        let same_sync = sync.clone();
        same_sync.cancel();
        assert!(sync.is_cancelled());
        assert!(!send.is_cancelled());
        assert!(sync.flag().load(Ordering::SeqCst));
    }
}
