//! The app's chain side: one [`ChainWorker`] for the whole run (a thread that
//! owns the light client's session, opened by the first job that needs it),
//! its [`ChainReader`] for reads that never wait behind a job, and the
//! status feed the UI subscribes to (`docs/adr/0006-app-architecture.md`,
//! `docs/adr/0009-wallet-use-cases.md`).
//!
//! With a P2P endpoint the app follows the chain by itself
//! ([`crate::follow`]): a background task keeps a `follow` job queued that
//! yields to every other job.
//!
//! In cold-signer mode nothing here runs: every call is refused with
//! `app-cold-offline`, and entering the mode cancels every job and closes
//! the session.

use std::sync::Arc;

use jifen_wallet::WalletContext;
use jifen_wallet::chain::{ChainError, ChainReader, ChainSession, ChainSettings, ChainWorker};
use jifen_wallet::sync::JobKind;

use crate::error::{AppError, AppRefusal};
use crate::state::Public;

/// Opens the session of `ctx`'s network with the settings saved now (and
/// this run's endpoint override, if any).
fn opener(ctx: WalletContext) -> jifen_wallet::chain::worker::Opener {
    Box::new(move || ctx.open_chain(ctx.network))
}

/// The chain service (managed state).
#[derive(Debug)]
pub struct ChainService {
    ctx: std::sync::Mutex<WalletContext>,
    public: Arc<Public>,
    worker: Arc<ChainWorker>,
    /// The background follow task (stops with the service).
    _follower: crate::follow::Follower,
}

impl ChainService {
    /// The service for `ctx`'s network, refusing everything while `public`
    /// says the device is offline.
    ///
    /// # Errors
    /// Settings errors (the saved chain settings are damaged), or
    /// `chain-worker-stopped` if the thread cannot start.
    pub fn start(ctx: WalletContext, public: Arc<Public>) -> Result<Self, AppError> {
        let settings = ctx
            .chain_settings(ctx.network)
            .or_else(|_| ChainSettings::defaults(ctx.network))?;
        let worker = Arc::new(ChainWorker::start(settings, opener(ctx.clone()))?);
        let follower = crate::follow::Follower::start(Arc::clone(&worker), Arc::clone(&public));
        Ok(Self {
            ctx: std::sync::Mutex::new(ctx),
            public,
            worker,
            _follower: follower,
        })
    }

    /// The wallet context (with this run's endpoint override, until the
    /// person saves endpoints).
    pub fn context(&self) -> WalletContext {
        self.ctx
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Refuses network use in cold-signer mode.
    ///
    /// # Errors
    /// `app-cold-offline`.
    pub fn check_online(&self) -> Result<(), AppError> {
        if self.public.is_offline() {
            Err(AppRefusal::ColdOffline.into())
        } else {
            Ok(())
        }
    }

    /// The worker (refused offline).
    ///
    /// # Errors
    /// `app-cold-offline`.
    pub fn worker(&self) -> Result<&ChainWorker, AppError> {
        self.check_online()?;
        Ok(&self.worker)
    }

    /// The reader, opening the session first when it is not open.
    ///
    /// # Errors
    /// `app-cold-offline`, settings and store errors.
    pub async fn reader(&self) -> Result<ChainReader, AppError> {
        Ok(self.worker()?.open_reader().await?)
    }

    /// The reader if a session is open (never opens one; none offline).
    pub fn reader_if_open(&self) -> Option<ChainReader> {
        if self.public.is_offline() {
            return None;
        }
        self.worker.reader()
    }

    /// Going offline: every job is cancelled and the session closed.
    pub fn close(&self) {
        // The thread outlives the app's windows; a stopped one has nothing open.
        let _ = self.worker.close();
    }

    /// After the person saved endpoints: this run's override is dropped and
    /// the next job opens the session with the saved settings.
    ///
    /// # Errors
    /// Settings errors; `chain-worker-stopped`.
    pub fn reopen_with_saved_endpoints(&self) -> Result<(), AppError> {
        let ctx = {
            let mut ctx = self
                .ctx
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            ctx.endpoints_override = None;
            ctx.clone()
        };
        let settings = ctx.chain_settings(ctx.network)?;
        self.worker.reopen(Some(settings), Some(opener(ctx)))?;
        Ok(())
    }

    /// Queues `work` on the worker as a job of `kind` and waits for it.
    ///
    /// # Errors
    /// `app-cold-offline`; the job's own errors; `chain-cancelled` when it
    /// was cancelled before it started.
    pub async fn job<T, E, F>(&self, kind: JobKind, work: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        E: From<ChainError> + Into<AppError> + Send + 'static,
        F: FnOnce(&mut ChainSession, &jifen_wallet::CancelToken) -> Result<T, E> + Send + 'static,
    {
        let handle = self
            .worker()?
            .run(kind, move |session, _feed, cancel| work(session, cancel))?;
        handle.wait().await?.map_err(Into::into)
    }

    /// Cancels the first job of `kind` (the running one, else the next queued).
    pub fn cancel(&self, kind: JobKind) {
        self.worker.cancel(kind);
    }
}
