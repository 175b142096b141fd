//! [`ChainWorker`]: one thread owns a [`ChainSession`] for a long-lived front
//! end (the app). Long jobs (sync, broadcast and proof of inclusion, bundle
//! export) run there one after the other, each with its own
//! [`CancelToken`] created when the job is queued; reads go through the
//! [`ChainReader`] on the caller's thread and never wait behind a job. The
//! chain status is published on a watch channel after every job and while
//! a sync progresses (`docs/adr/0009-wallet-use-cases.md`).

use std::sync::Arc;
use std::sync::mpsc;

use tokio::sync::{oneshot, watch};

use super::error::ChainError;
use super::reader::ChainReader;
use super::session::ChainSession;
use crate::jobs::CancelToken;
use crate::sync::{self, ChainStatusView, SyncEventView, SyncView};

type Job = Box<dyn FnOnce(&mut ChainSession) + Send>;

/// Publishes the chain status to every subscriber.
#[derive(Clone, Debug)]
pub struct StatusFeed {
    sender: Arc<watch::Sender<ChainStatusView>>,
    reader: ChainReader,
}

impl StatusFeed {
    /// Publishes what the light client knows now (no sync running).
    pub fn refresh(&self) {
        self.sender.send_replace(sync::status(&self.reader));
    }

    /// Publishes a running sync's progress (the rest of the status is
    /// refreshed after the job; progress comes after every header).
    pub fn syncing(&self, progress: crate::sync::SyncProgressView) {
        self.sender
            .send_modify(|status| status.syncing = Some(progress));
    }
}

/// A queued job: its cancel token and its result.
#[derive(Debug)]
pub struct JobHandle<T> {
    cancel: CancelToken,
    result: oneshot::Receiver<T>,
}

impl<T> JobHandle<T> {
    /// The job's own cancel token.
    #[must_use]
    pub fn cancel_token(&self) -> CancelToken {
        self.cancel.clone()
    }

    /// Waits for the result.
    ///
    /// # Errors
    /// [`ChainError::WorkerStopped`] if the worker ended before the job ran.
    pub async fn wait(self) -> Result<T, ChainError> {
        self.result.await.map_err(|_| ChainError::WorkerStopped)
    }

    /// Waits for the result, blocking this thread (not on an async runtime).
    ///
    /// # Errors
    /// [`ChainError::WorkerStopped`] if the worker ended before the job ran.
    pub fn wait_blocking(self) -> Result<T, ChainError> {
        self.result
            .blocking_recv()
            .map_err(|_| ChainError::WorkerStopped)
    }
}

/// A thread that owns one network's [`ChainSession`] (see the module docs).
/// The thread ends when the worker is dropped, after the job it runs.
#[derive(Debug)]
pub struct ChainWorker {
    jobs: mpsc::Sender<Job>,
    feed: StatusFeed,
}

impl ChainWorker {
    /// Moves `session` to a new thread.
    ///
    /// # Errors
    /// [`ChainError::WorkerStopped`] if the thread cannot be started.
    pub fn start(session: ChainSession) -> Result<Self, ChainError> {
        let reader = session.reader();
        let (sender, _) = watch::channel(sync::status(&reader));
        let feed = StatusFeed {
            sender: Arc::new(sender),
            reader,
        };
        let (jobs, queue) = mpsc::channel::<Job>();
        let mut session = session;
        std::thread::Builder::new()
            .name(format!("chain-{}", session.network()))
            .spawn(move || {
                while let Ok(job) = queue.recv() {
                    job(&mut session);
                }
            })
            .map_err(|_| ChainError::WorkerStopped)?;
        Ok(Self { jobs, feed })
    }

    /// Proven reads that do not wait behind jobs.
    #[must_use]
    pub fn reader(&self) -> ChainReader {
        self.feed.reader.clone()
    }

    /// The chain status, updated after every job and while a sync runs.
    #[must_use]
    pub fn subscribe(&self) -> watch::Receiver<ChainStatusView> {
        self.feed.sender.subscribe()
    }

    /// The status as last published.
    #[must_use]
    pub fn current_status(&self) -> ChainStatusView {
        self.feed.sender.borrow().clone()
    }

    /// Queues `work` with a new cancel token; the status is published again
    /// after it ran.
    ///
    /// # Errors
    /// [`ChainError::WorkerStopped`] if the thread has ended.
    pub fn run<T, F>(&self, work: F) -> Result<JobHandle<T>, ChainError>
    where
        T: Send + 'static,
        F: FnOnce(&mut ChainSession, &StatusFeed, &CancelToken) -> T + Send + 'static,
    {
        let cancel = CancelToken::new();
        let (reply, result) = oneshot::channel();
        let token = cancel.clone();
        let feed = self.feed.clone();
        self.jobs
            .send(Box::new(move |session| {
                let value = work(session, &feed, &token);
                feed.refresh();
                // The caller may have gone away: nothing to do then.
                let _ = reply.send(value);
            }))
            .map_err(|_| ChainError::WorkerStopped)?;
        Ok(JobHandle { cancel, result })
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
        self.run(move |session, feed, cancel| {
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
}
