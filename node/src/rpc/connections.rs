//! The open connections of the HTTP server, and when to close them: at most
//! [`MAX_CONNECTIONS`], the one idle the longest closed to admit a new one;
//! closed when idle past [`IDLE_TIMEOUT`] or busy with a request past
//! [`RESPONSE_DEADLINE`] (see `http.rs` for the table of limits).

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use tokio::sync::oneshot;

use super::http::{IDLE_TIMEOUT, MAX_CONNECTIONS, RESPONSE_DEADLINE};

/// How often idle and overdue connections are looked for.
const REAP_EVERY: Duration = Duration::from_millis(250);

/// One open connection as the registry sees it.
#[derive(Debug)]
pub(super) struct ConnState {
    /// Requests in progress (from the head received to the answer handed
    /// to the socket).
    active: AtomicUsize,
    /// When `active` last went to or from zero.
    since: Mutex<Instant>,
}

impl ConnState {
    fn since(&self) -> MutexGuard<'_, Instant> {
        self.since.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[derive(Debug)]
pub(super) struct Conn {
    id: u64,
    state: Arc<ConnState>,
    kill: Option<oneshot::Sender<()>>,
}

impl Conn {
    pub(super) fn close(&mut self) {
        if let Some(kill) = self.kill.take() {
            let _ = kill.send(());
        }
    }

    fn idle_for(&self, now: Instant) -> Option<Duration> {
        (self.state.active.load(Ordering::Acquire) == 0)
            .then(|| now.saturating_duration_since(*self.state.since()))
    }

    fn busy_for(&self, now: Instant) -> Option<Duration> {
        (self.state.active.load(Ordering::Acquire) > 0)
            .then(|| now.saturating_duration_since(*self.state.since()))
    }
}

/// The open connections, oldest first.
#[derive(Debug, Default)]
pub(super) struct Registry {
    conns: Mutex<VecDeque<Conn>>,
    next_id: AtomicU64,
}

impl Registry {
    pub(super) fn lock(&self) -> MutexGuard<'_, VecDeque<Conn>> {
        self.conns.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Admits a new connection, closing the one idle the longest if there
    /// is no room; `None` when every connection is busy.
    pub(super) fn admit(&self) -> Option<(u64, Arc<ConnState>, oneshot::Receiver<()>)> {
        let now = Instant::now();
        let mut conns = self.lock();
        if conns.len() >= MAX_CONNECTIONS {
            let oldest_idle = conns
                .iter()
                .enumerate()
                .filter_map(|(position, conn)| conn.idle_for(now).map(|idle| (position, idle)))
                .max_by_key(|&(_, idle)| idle)
                .map(|(position, _)| position)?;
            if let Some(mut evicted) = conns.remove(oldest_idle) {
                evicted.close();
            }
        }
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let state = Arc::new(ConnState {
            active: AtomicUsize::new(0),
            since: Mutex::new(now),
        });
        let (kill, killed) = oneshot::channel();
        conns.push_back(Conn {
            id,
            state: Arc::clone(&state),
            kill: Some(kill),
        });
        Some((id, state, killed))
    }

    pub(super) fn remove(&self, id: u64) {
        self.lock().retain(|conn| conn.id != id);
    }

    /// Closes connections idle past [`IDLE_TIMEOUT`] or busy past
    /// [`RESPONSE_DEADLINE`].
    fn reap_once(&self) {
        let now = Instant::now();
        self.lock().retain_mut(|conn| {
            let overdue = conn.idle_for(now).is_some_and(|idle| idle > IDLE_TIMEOUT)
                || conn
                    .busy_for(now)
                    .is_some_and(|busy| busy > RESPONSE_DEADLINE);
            if overdue {
                conn.close();
            }
            !overdue
        });
    }
}

pub(super) async fn reap(registry: Arc<Registry>) {
    let mut tick = tokio::time::interval(REAP_EVERY);
    loop {
        tick.tick().await;
        registry.reap_once();
    }
}

/// A request in progress on its connection, until dropped.
pub(super) struct Busy {
    state: Arc<ConnState>,
}

impl Busy {
    pub(super) fn start(state: Arc<ConnState>) -> Self {
        if state.active.fetch_add(1, Ordering::AcqRel) == 0 {
            *state.since() = Instant::now();
        }
        Self { state }
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        if self.state.active.fetch_sub(1, Ordering::AcqRel) == 1 {
            *self.state.since() = Instant::now();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_registry_evicts_the_connection_idle_the_longest() {
        let registry = Registry::default();
        let mut admitted = Vec::new();
        for _ in 0..MAX_CONNECTIONS {
            admitted.push(registry.admit().unwrap());
        }
        // All but the first are busy.
        let busy: Vec<Busy> = admitted
            .iter()
            .skip(1)
            .map(|(_, state, _)| Busy::start(Arc::clone(state)))
            .collect();
        let (_, _, mut first_killed) = admitted.remove(0);
        assert!(registry.admit().is_some());
        assert!(first_killed.try_recv().is_ok(), "the idle one was closed");
        assert_eq!(registry.lock().len(), MAX_CONNECTIONS);
        // Every connection but the newest is busy, and the newest is idle:
        // a new one evicts it; once the newest is busy too, nothing is
        // admitted.
        let (_, state, _) = registry.admit().unwrap();
        let _newest = Busy::start(state);
        assert!(registry.admit().is_none(), "every connection is busy");
        drop(busy);
    }
}
