//! Use case: **follow** the chain. The verified head moves with the chain
//! as the P2P peers gossip new blocks, without polling (ADR 0022).
//!
//! A gossiped block is untrusted: it only says "there is a new block".
//! Each one (or the newest of several that arrived together) starts a
//! sync, which verifies the header against the trusted state and
//! cross-checks it with the witnesses exactly as `jifen sync` does. When
//! the verified block at the announced height differs from the announced
//! one, the announcement was false: it is reported and nothing else
//! changes.

use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::chain::error::ChainError;
use crate::chain::session::ChainSession;
use crate::jobs::CancelToken;
use crate::sync::SyncView;
use crate::views::ErrorView;

/// How often a follow checks its cancel token while no block arrives.
const WAKE: Duration = Duration::from_millis(200);

/// One step of a follow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum FollowEventView {
    /// The head was verified up to an announced block.
    Verified {
        /// The sync it took.
        sync: SyncView,
        /// The height announced.
        announced: u64,
        /// From the announcement's arrival to the verified head, in ms.
        latency_ms: u64,
    },
    /// The block announced at a height is not the one verified there.
    FalseAnnouncement {
        /// The height.
        height: u64,
        /// The peer that sent it.
        peer: String,
    },
    /// A sync failed; the follow goes on with the next announcement.
    Failed {
        /// Why.
        error: ErrorView,
    },
}

/// What a follow did when it stopped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FollowView {
    /// Announcements received.
    pub announcements: u64,
    /// Syncs that verified a new head.
    pub verified: u64,
    /// The verified height at the end.
    pub height: u64,
}

/// When a follow stops.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct FollowLimits {
    /// After this many new verified heads.
    pub blocks: Option<u64>,
    /// When no announcement came for this long (the app follows in short
    /// turns, so other chain jobs run between them).
    pub idle: Option<Duration>,
}

/// Follows the chain until `cancel` or one of `limits`. `on_event` sees
/// each step.
///
/// # Errors
/// [`ChainError::FollowNeedsP2p`] when no endpoint is a P2P peer;
/// `chain-cancelled` is not an error here (the follow just ends).
pub fn follow(
    session: &mut ChainSession,
    limits: FollowLimits,
    on_event: &mut dyn FnMut(&FollowEventView),
    cancel: &CancelToken,
) -> Result<FollowView, ChainError> {
    if session.announcements().is_none() {
        return Err(ChainError::FollowNeedsP2p {
            network: session.network(),
        });
    }
    let mut view = FollowView {
        announcements: 0,
        verified: 0,
        height: trusted_height(session),
    };
    let mut quiet_since = Instant::now();
    while !cancel.is_cancelled() && limits.blocks.is_none_or(|n| view.verified < n) {
        if limits
            .idle
            .is_some_and(|idle| quiet_since.elapsed() >= idle)
        {
            break;
        }
        let Some(announcements) = session.announcements() else {
            break;
        };
        let first = match announcements.recv_timeout(WAKE) {
            Ok(block) => block,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => break,
        };
        quiet_since = Instant::now();
        view.announcements += 1;
        // The newest of what has arrived meanwhile.
        let mut newest = first;
        while let Ok(block) = announcements.try_recv() {
            view.announcements += 1;
            if announced_height(&block.bytes) >= announced_height(&newest.bytes) {
                newest = block;
            }
        }
        let announced = announced_height(&newest.bytes);
        if announced <= view.height {
            continue;
        }
        match session.sync(&mut |_| {}, cancel) {
            Ok(summary) => {
                let sync = SyncView::from(&summary);
                view.height = summary.height;
                if summary.height > sync.from_height {
                    view.verified += 1;
                }
                if summary.height == announced
                    && announced_hash(&newest.bytes).is_some_and(|hash| hash != summary.hash)
                {
                    on_event(&FollowEventView::FalseAnnouncement {
                        height: announced,
                        peer: newest.source.to_string(),
                    });
                }
                on_event(&FollowEventView::Verified {
                    sync,
                    announced,
                    latency_ms: u64::try_from(newest.received.elapsed().as_millis())
                        .unwrap_or(u64::MAX),
                });
            }
            Err(ChainError::Cancelled) => break,
            Err(error) => on_event(&FollowEventView::Failed {
                error: ErrorView::of(&error),
            }),
        }
    }
    Ok(view)
}

fn trusted_height(session: &ChainSession) -> u64 {
    session
        .reader()
        .status()
        .trusted
        .map_or(0, |trusted| trusted.height)
}

/// The height a one-block frame announces (0 for anything else).
fn announced_height(frame: &[u8]) -> u64 {
    frame
        .get(4..12)
        .and_then(|bytes| bytes.try_into().ok())
        .map_or(0, u64::from_be_bytes)
}

/// The block id a one-block frame announces, if it reads as one.
fn announced_hash(frame: &[u8]) -> Option<jifen_protocol::Hash32> {
    let height = announced_height(frame);
    let result = jifen_rpc_types::LightBlocksResult::from_frame(frame, height, height).ok()?;
    result.light_blocks.first().map(|block| block.header.hash())
}
