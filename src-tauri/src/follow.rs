//! The app follows the chain by itself when an endpoint is a P2P peer
//! (ADR 0022, `docs/app.md`): a background task of the app (not the
//! webview) keeps one `follow` job on the chain worker, turn after turn.
//! Each turn waits for announced blocks and verifies each with a sync; the
//! worker publishes the new status (`watch_chain`), so Home and the sync
//! screen move with the chain with nobody pressing Sync and no polling of
//! the nodes.
//!
//! Other chain jobs never wait behind it: queuing any other job (or
//! reopening the session) cancels the follow turn, which stops at its next
//! step; the task queues the next turn behind that job. Nothing follows in
//! cold-signer mode, nor without a P2P endpoint: the task then only looks
//! at the app's own mode and settings (no network use) every
//! [`CHECK_EVERY`].

use std::sync::Arc;
use std::time::Duration;

use jifen_wallet::chain::{ChainError, ChainWorker};
use jifen_wallet::follow::FollowLimits;
use jifen_wallet::sync::JobKind;
use tauri::async_runtime::JoinHandle;

use crate::state::Public;

/// A turn ends after this long with no announcement (then the next one is
/// queued; the session and its announcements stay).
pub const TURN_IDLE: Duration = Duration::from_secs(10);

/// How often the task looks at the mode and the settings while it does not
/// follow, and while a turn runs (to stop it when the app goes offline or
/// the endpoints change).
pub const CHECK_EVERY: Duration = Duration::from_millis(500);

/// The wait after a turn that failed (the session could not open, no P2P
/// peer in it), doubled after each failure up to [`RETRY_MAX`].
pub const RETRY_FIRST: Duration = Duration::from_secs(1);

/// The longest wait between two failed turns.
pub const RETRY_MAX: Duration = Duration::from_secs(30);

/// The limits of one turn.
#[must_use]
pub fn turn_limits() -> FollowLimits {
    FollowLimits {
        blocks: None,
        idle: Some(TURN_IDLE),
    }
}

/// The background follow task; it ends when this is dropped (with the chain
/// service), cancelling its turn.
#[derive(Debug)]
pub struct Follower {
    task: JoinHandle<()>,
    worker: Arc<ChainWorker>,
}

impl Follower {
    /// Starts the task on the app's async runtime.
    pub fn start(worker: Arc<ChainWorker>, public: Arc<Public>) -> Self {
        let task = tauri::async_runtime::spawn(run(Arc::clone(&worker), public));
        Self { task, worker }
    }
}

impl Drop for Follower {
    fn drop(&mut self) {
        self.task.abort();
        self.worker.cancel(JobKind::Follow);
        self.worker.set_following(false);
    }
}

/// Whether the app should follow now: online, with a P2P endpoint.
fn wanted(worker: &ChainWorker, public: &Public) -> bool {
    !public.is_offline() && worker.settings_have_p2p()
}

async fn run(worker: Arc<ChainWorker>, public: Arc<Public>) {
    let mut retry = RETRY_FIRST;
    loop {
        if !wanted(&worker, &public) {
            worker.set_following(false);
            retry = RETRY_FIRST;
            tokio::time::sleep(CHECK_EVERY).await;
            continue;
        }
        let began = std::time::Instant::now();
        let outcome = match worker.follow(turn_limits(), |_| {}) {
            Ok(handle) => {
                let cancel = handle.cancel_token();
                let mut result = std::pin::pin!(handle.wait());
                loop {
                    tokio::select! {
                        done = &mut result => break done,
                        () = tokio::time::sleep(CHECK_EVERY) => {
                            if !wanted(&worker, &public) {
                                cancel.cancel();
                            }
                        }
                    }
                }
            }
            Err(error) => Err(error),
        };
        if public.is_offline() {
            // A turn queued as the app went offline may have opened the
            // session: a cold signer keeps none.
            worker.set_following(false);
            let _ = worker.close();
            continue;
        }
        // A turn that ended at once with nothing heard (its announcements
        // closed) is retried later, not at once.
        let hollow = |announcements: u64| announcements == 0 && began.elapsed() < TURN_IDLE / 2;
        match outcome {
            Ok(Ok(view)) if !hollow(view.announcements) => retry = RETRY_FIRST,
            Ok(Err(ChainError::Cancelled)) => retry = RETRY_FIRST,
            Ok(Ok(_) | Err(_)) | Err(_) => {
                worker.set_following(false);
                tokio::time::sleep(retry).await;
                retry = (retry * 2).min(RETRY_MAX);
            }
        }
    }
}
