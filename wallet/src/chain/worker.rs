//! [`ChainWorker`]: one thread owns the light client's [`ChainSession`] for a
//! long-lived front end (the app), from the first job to the end of the run
//! (`docs/adr/0009-wallet-use-cases.md`).
//!
//! - **Jobs** (sync, broadcast and proof of inclusion, bundle export) run
//!   there one after the other. Each has its own [`CancelToken`], created
//!   when it is queued and listed in the published status with its id, kind
//!   and state; [`ChainWorker::cancel`] reaches the *first* job of a kind
//!   (the running one, else the next queued), never a job of another kind. A
//!   job cancelled before it starts does not run.
//! - **Reads** go through the [`ChainReader`] on the caller's thread and
//!   never wait behind a job.
//! - **The session** is opened on the worker thread by the job that first
//!   needs it (opening re-verifies the light store: not work for an IPC
//!   thread); [`ChainWorker::reopen`] closes it after the running job so the
//!   next job opens it with new settings; [`ChainWorker::close`] cancels every
//!   job and closes it (an offline cold signer).
//! - **The status** is published on a watch channel that lives as long as
//!   the worker: after every job, on every sync progress step, and whenever
//!   the job list changes.
//! - A job that panics loses its answer ([`ChainError::WorkerStopped`]) and
//!   the session (reopened by the next job); the thread goes on.
//! - **Following** ([`ChainWorker::follow`], job kind `follow`) waits for
//!   announced blocks and verifies each; it yields: queuing any other job,
//!   or reopening the session, cancels it (it stops at its next step, within
//!   a fraction of a second while it waits, keeping what it verified), so a
//!   front end can keep one queued and no other job waits behind it for
//!   long. Whether the front end follows is published in the status.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock, mpsc};

use tokio::sync::{oneshot, watch};

use super::error::ChainError;
use super::reader::ChainReader;
use super::session::ChainSession;
use super::settings::ChainSettings;
use crate::follow::{self, FollowEventView, FollowLimits, FollowView};
use crate::jobs::CancelToken;
use crate::sync::{
    self, ChainStatusView, JobKind, JobState, JobView, SyncEventView, SyncProgressView, SyncView,
};

/// Opens the session (with the settings of the moment).
pub type Opener = Box<dyn FnMut() -> Result<ChainSession, ChainError> + Send>;

type Work =
    Box<dyn FnOnce(Result<&mut ChainSession, ChainError>, &StatusFeed, &CancelToken) + Send>;

enum Message {
    Run { id: u64, work: Work },
    Reopen(Option<Opener>),
}

struct Entry {
    id: u64,
    kind: JobKind,
    state: JobState,
    token: CancelToken,
}

struct Shared {
    status: watch::Sender<ChainStatusView>,
    reader: RwLock<Option<ChainReader>>,
    jobs: Mutex<Vec<Entry>>,
    settings: RwLock<ChainSettings>,
    following: AtomicBool,
}

/// Publishes the chain status to every subscriber.
#[derive(Clone)]
pub struct StatusFeed {
    shared: Arc<Shared>,
}

impl std::fmt::Debug for StatusFeed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StatusFeed").finish_non_exhaustive()
    }
}

impl StatusFeed {
    fn jobs(&self) -> Vec<JobView> {
        self.shared
            .jobs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .map(|e| JobView {
                id: e.id,
                kind: e.kind,
                state: e.state,
                cancelled: e.token.is_cancelled(),
            })
            .collect()
    }

    /// Publishes what the light client knows now (no sync running).
    pub fn refresh(&self) {
        let reader = self
            .shared
            .reader
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let mut status = match reader {
            Some(reader) => sync::status(&reader),
            None => ChainStatusView::unopened(
                &self
                    .shared
                    .settings
                    .read()
                    .unwrap_or_else(PoisonError::into_inner),
            ),
        };
        status.jobs = self.jobs();
        status.following = self.shared.following.load(Ordering::SeqCst);
        self.shared.status.send_replace(status);
    }

    /// Publishes whether the front end follows the chain over P2P.
    pub fn set_following(&self, following: bool) {
        if self.shared.following.swap(following, Ordering::SeqCst) != following {
            self.shared
                .status
                .send_modify(|status| status.following = following);
        }
    }

    /// Cancels every `follow` job (running and queued): it yields to other
    /// work. Returns whether there was one.
    fn preempt_follow(&self) -> bool {
        let mut any = false;
        for entry in self
            .shared
            .jobs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .filter(|e| e.kind == JobKind::Follow && !e.token.is_cancelled())
        {
            entry.token.cancel();
            any = true;
        }
        if any {
            self.jobs_changed();
        }
        any
    }

    /// Publishes a running sync's progress (the rest of the status is
    /// refreshed after the job; progress comes after every header).
    pub fn syncing(&self, progress: SyncProgressView) {
        self.shared
            .status
            .send_modify(|status| status.syncing = Some(progress));
    }

    fn jobs_changed(&self) {
        let jobs = self.jobs();
        self.shared.status.send_modify(|status| status.jobs = jobs);
    }

    fn set_state(&self, id: u64, state: JobState) {
        if let Some(entry) = self
            .shared
            .jobs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter_mut()
            .find(|e| e.id == id)
        {
            entry.state = state;
        }
        self.jobs_changed();
    }

    fn remove(&self, id: u64) {
        self.shared
            .jobs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .retain(|e| e.id != id);
        self.jobs_changed();
    }
}

/// A queued job: its id, its cancel token and its result.
#[derive(Debug)]
pub struct JobHandle<T> {
    id: u64,
    cancel: CancelToken,
    result: oneshot::Receiver<T>,
}

impl<T> JobHandle<T> {
    /// The job's id (listed in the published status).
    #[must_use]
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The job's own cancel token.
    #[must_use]
    pub fn cancel_token(&self) -> CancelToken {
        self.cancel.clone()
    }

    /// Waits for the result.
    ///
    /// # Errors
    /// [`ChainError::WorkerStopped`] if the job never answered (the worker
    /// ended, or the job panicked).
    pub async fn wait(self) -> Result<T, ChainError> {
        self.result.await.map_err(|_| ChainError::WorkerStopped)
    }

    /// Waits for the result, blocking this thread (not on an async runtime).
    ///
    /// # Errors
    /// As [`JobHandle::wait`].
    pub fn wait_blocking(self) -> Result<T, ChainError> {
        self.result
            .blocking_recv()
            .map_err(|_| ChainError::WorkerStopped)
    }
}

/// A thread that owns one network's [`ChainSession`] (see the module docs).
/// The thread ends when the worker is dropped, after the job it runs.
pub struct ChainWorker {
    messages: mpsc::Sender<Message>,
    feed: StatusFeed,
    next_id: Arc<AtomicU64>,
}

impl std::fmt::Debug for ChainWorker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChainWorker").finish_non_exhaustive()
    }
}

impl ChainWorker {
    /// Starts the thread. The session is opened with `opener` by the first
    /// job that needs it; `settings` names the network until then.
    ///
    /// # Errors
    /// [`ChainError::WorkerStopped`] if the thread cannot be started.
    pub fn start(settings: ChainSettings, opener: Opener) -> Result<Self, ChainError> {
        let (status, _) = watch::channel(ChainStatusView::unopened(&settings));
        let shared = Arc::new(Shared {
            status,
            reader: RwLock::new(None),
            jobs: Mutex::new(Vec::new()),
            settings: RwLock::new(settings.clone()),
            following: AtomicBool::new(false),
        });
        let feed = StatusFeed {
            shared: Arc::clone(&shared),
        };
        let (messages, queue) = mpsc::channel::<Message>();
        let thread_feed = feed.clone();
        std::thread::Builder::new()
            .name(format!("chain-{}", settings.network()))
            .spawn(move || run(queue, opener, &thread_feed))
            .map_err(|_| ChainError::WorkerStopped)?;
        Ok(Self {
            messages,
            feed,
            next_id: Arc::new(AtomicU64::new(1)),
        })
    }

    /// The reader of the open session; `None` before the first job opened it
    /// (use [`ChainWorker::open_reader`]).
    #[must_use]
    pub fn reader(&self) -> Option<ChainReader> {
        self.feed
            .shared
            .reader
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The reader, opening the session first (as a job) when it is not open.
    ///
    /// # Errors
    /// Settings and store errors of opening; [`ChainError::WorkerStopped`].
    pub async fn open_reader(&self) -> Result<ChainReader, ChainError> {
        if let Some(reader) = self.reader() {
            return Ok(reader);
        }
        self.run(JobKind::Session, |session, _, _| {
            Ok::<_, ChainError>(session.reader())
        })?
        .wait()
        .await?
    }

    /// The chain status, updated after every job and while a sync runs.
    #[must_use]
    pub fn subscribe(&self) -> watch::Receiver<ChainStatusView> {
        self.feed.shared.status.subscribe()
    }

    /// The status as last published.
    #[must_use]
    pub fn current_status(&self) -> ChainStatusView {
        self.feed.shared.status.borrow().clone()
    }

    /// The settings the session opens (or was opened) with.
    #[must_use]
    pub fn settings(&self) -> ChainSettings {
        self.feed
            .shared
            .settings
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Whether any endpoint of the settings is a P2P peer (following is
    /// possible: the session will receive announced blocks).
    #[must_use]
    pub fn settings_have_p2p(&self) -> bool {
        self.feed
            .shared
            .settings
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .endpoints()
            .iter()
            .any(|endpoint| endpoint.is_p2p())
    }

    /// Publishes whether the front end follows the chain (`following` in
    /// the status).
    pub fn set_following(&self, following: bool) {
        self.feed.set_following(following);
    }

    /// Queues `work` as a job of `kind` with a new cancel token. It runs with
    /// the session (opened first if needed); if the session cannot be
    /// opened, or the job was cancelled before it started, it does not run
    /// and its result is that error.
    ///
    /// # Errors
    /// [`ChainError::WorkerStopped`] if the thread has ended.
    pub fn run<T, E, F>(
        &self,
        kind: JobKind,
        work: F,
    ) -> Result<JobHandle<Result<T, E>>, ChainError>
    where
        T: Send + 'static,
        E: From<ChainError> + Send + 'static,
        F: FnOnce(&mut ChainSession, &StatusFeed, &CancelToken) -> Result<T, E> + Send + 'static,
    {
        if kind != JobKind::Follow {
            // Following yields to every other job.
            self.feed.preempt_follow();
        }
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let token = CancelToken::new();
        let (reply, result) = oneshot::channel();
        let job: Work = Box::new(move |session, feed, cancel| {
            let value = match session {
                Ok(_) if cancel.is_cancelled() => Err(E::from(ChainError::Cancelled)),
                Ok(session) => work(session, feed, cancel),
                Err(error) => Err(E::from(error)),
            };
            // The caller may have gone away: nothing to do then.
            let _ = reply.send(value);
        });
        self.feed
            .shared
            .jobs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(Entry {
                id,
                kind,
                state: JobState::Queued,
                token: token.clone(),
            });
        self.feed.jobs_changed();
        if self.messages.send(Message::Run { id, work: job }).is_err() {
            self.feed.remove(id);
            return Err(ChainError::WorkerStopped);
        }
        Ok(JobHandle {
            id,
            cancel: token,
            result,
        })
    }

    /// Queues a sync ([`sync::sync`]); its progress goes to `on_event` and
    /// into the published status.
    ///
    /// # Errors
    /// [`ChainError::WorkerStopped`] if the thread has ended.
    pub fn sync(
        &self,
        mut on_event: impl FnMut(SyncEventView) + Send + 'static,
    ) -> Result<JobHandle<Result<SyncView, ChainError>>, ChainError> {
        self.run(JobKind::Sync, move |session, feed, cancel| {
            sync::sync(
                session,
                &mut |event| {
                    if let SyncEventView::Progress(progress) = &event {
                        feed.syncing(progress.clone());
                    }
                    on_event(event);
                },
                cancel,
            )
        })
    }

    /// Queues one turn of following the chain ([`follow::follow`] within
    /// `limits`): each announced block is verified by a sync, and the new
    /// status is published as soon as it is (the sync's own progress is
    /// not: the head just moves). The status says `following` once the turn
    /// runs on a session with P2P peers. The turn ends at `limits`, or when
    /// it is preempted by another job or a reopen (then its result is what
    /// it verified until then, or `chain-cancelled` if it never started).
    ///
    /// # Errors
    /// [`ChainError::WorkerStopped`] if the thread has ended. The turn's own
    /// errors: [`ChainError::FollowNeedsP2p`] (the status then says not
    /// following), the session's opening errors.
    pub fn follow(
        &self,
        limits: FollowLimits,
        mut on_event: impl FnMut(&FollowEventView) + Send + 'static,
    ) -> Result<JobHandle<Result<FollowView, ChainError>>, ChainError> {
        self.run(JobKind::Follow, move |session, feed, cancel| {
            feed.set_following(session.has_p2p());
            let result = follow::follow(
                session,
                limits,
                &mut |event| {
                    if matches!(event, FollowEventView::Verified { .. }) {
                        feed.refresh();
                    }
                    on_event(event);
                },
                cancel,
            );
            if result.is_err() {
                feed.set_following(false);
            }
            result
        })
    }

    /// Cancels the first job of `kind` (the running one, else the next
    /// queued one). Returns its id, if there was one.
    pub fn cancel(&self, kind: JobKind) -> Option<u64> {
        let id = self
            .feed
            .shared
            .jobs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .find(|e| e.kind == kind && !e.token.is_cancelled())
            .map(|e| {
                e.token.cancel();
                e.id
            });
        self.feed.jobs_changed();
        id
    }

    /// Cancels every job (running and queued).
    pub fn cancel_all(&self) {
        for entry in self
            .feed
            .shared
            .jobs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
        {
            entry.token.cancel();
        }
        self.feed.jobs_changed();
    }

    /// Closes the session after the running job; the next job opens it with
    /// `opener` (new settings: `settings`) if given, else with the one
    /// before.
    ///
    /// # Errors
    /// [`ChainError::WorkerStopped`] if the thread has ended.
    pub fn reopen(
        &self,
        settings: Option<ChainSettings>,
        opener: Option<Opener>,
    ) -> Result<(), ChainError> {
        // A follow holds the session until its next step: it yields now.
        self.feed.preempt_follow();
        if let Some(settings) = settings {
            *self
                .feed
                .shared
                .settings
                .write()
                .unwrap_or_else(PoisonError::into_inner) = settings;
        }
        self.messages
            .send(Message::Reopen(opener))
            .map_err(|_| ChainError::WorkerStopped)
    }

    /// Cancels every job and closes the session (it reopens only for a new
    /// job).
    ///
    /// # Errors
    /// [`ChainError::WorkerStopped`] if the thread has ended.
    pub fn close(&self) -> Result<(), ChainError> {
        self.cancel_all();
        self.reopen(None, None)
    }
}

/// The worker thread: runs messages until every sender is gone.
fn run(queue: mpsc::Receiver<Message>, mut opener: Opener, feed: &StatusFeed) {
    let mut session: Option<ChainSession> = None;
    while let Ok(message) = queue.recv() {
        match message {
            Message::Reopen(new_opener) => {
                session = None;
                *feed
                    .shared
                    .reader
                    .write()
                    .unwrap_or_else(PoisonError::into_inner) = None;
                if let Some(new_opener) = new_opener {
                    opener = new_opener;
                }
                feed.refresh();
            }
            Message::Run { id, work } => {
                let token = feed
                    .shared
                    .jobs
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .iter()
                    .find(|e| e.id == id)
                    .map(|e| e.token.clone())
                    .unwrap_or_default();
                feed.set_state(id, JobState::Running);
                if session.is_none() && !token.is_cancelled() {
                    match opener() {
                        Ok(opened) => {
                            *feed
                                .shared
                                .reader
                                .write()
                                .unwrap_or_else(PoisonError::into_inner) = Some(opened.reader());
                            session = Some(opened);
                        }
                        Err(error) => {
                            work(Err(error), feed, &token);
                            feed.remove(id);
                            feed.refresh();
                            continue;
                        }
                    }
                }
                let outcome = match session.as_mut() {
                    Some(open) => catch_unwind(AssertUnwindSafe(|| work(Ok(open), feed, &token))),
                    None => {
                        work(Err(ChainError::Cancelled), feed, &token);
                        Ok(())
                    }
                };
                if outcome.is_err() {
                    // A panic may have left the session half-changed.
                    session = None;
                    *feed
                        .shared
                        .reader
                        .write()
                        .unwrap_or_else(PoisonError::into_inner) = None;
                }
                feed.remove(id);
                feed.refresh();
            }
        }
    }
}
