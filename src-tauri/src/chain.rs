//! The app's chain side: one [`ChainWorker`] (a thread owning the light
//! client's session, opened on first use), its [`ChainReader`] for reads that
//! never wait behind a job, and one cancel token per running job kind
//! (`docs/adr/0006-app-architecture.md`, `docs/adr/0009-wallet-use-cases.md`).
//!
//! In cold-signer mode nothing here opens: every call is refused with
//! `app-cold-offline`, and entering the mode closes an open session.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use jifen_wallet::chain::{ChainReader, ChainSession, ChainWorker};
use jifen_wallet::{CancelToken, WalletContext};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{AppError, AppRefusal};
use crate::state::OfflineGate;

/// The kinds of long jobs a person can cancel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum JobKind {
    /// A sync.
    Sync,
    /// A send (or a faucet request, or a cold signature's broadcast) waiting
    /// for its proven inclusion.
    Send,
    /// An audit bundle export.
    Export,
}

/// The chain service (managed state).
#[derive(Debug)]
pub struct ChainService {
    ctx: Mutex<WalletContext>,
    offline: Arc<OfflineGate>,
    worker: Mutex<Option<Arc<ChainWorker>>>,
    jobs: Mutex<HashMap<JobKind, CancelToken>>,
}

impl ChainService {
    /// The service for `ctx`'s network, refusing everything while `offline`.
    pub fn new(ctx: WalletContext, offline: Arc<OfflineGate>) -> Self {
        Self {
            ctx: Mutex::new(ctx),
            offline,
            worker: Mutex::new(None),
            jobs: Mutex::new(HashMap::new()),
        }
    }

    /// The wallet context (with this run's endpoint override, until the
    /// person saves endpoints).
    pub fn context(&self) -> WalletContext {
        self.ctx
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Refuses network use in cold-signer mode.
    ///
    /// # Errors
    /// `app-cold-offline`.
    pub fn check_online(&self) -> Result<(), AppError> {
        if self.offline.is_offline() {
            Err(AppRefusal::ColdOffline.into())
        } else {
            Ok(())
        }
    }

    /// The worker, opening the session on first use.
    ///
    /// # Errors
    /// `app-cold-offline`; settings and store errors.
    pub fn worker(&self) -> Result<Arc<ChainWorker>, AppError> {
        self.check_online()?;
        let mut slot = self.worker.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(worker) = slot.as_ref() {
            return Ok(Arc::clone(worker));
        }
        let ctx = self.context();
        let session = ChainSession::open(&ctx.data_dir, &ctx.chain_settings(ctx.network)?)?;
        let worker = Arc::new(ChainWorker::start(session)?);
        *slot = Some(Arc::clone(&worker));
        Ok(worker)
    }

    /// The reader of the worker (opening it on first use).
    ///
    /// # Errors
    /// As [`ChainService::worker`].
    pub fn reader(&self) -> Result<ChainReader, AppError> {
        Ok(self.worker()?.reader())
    }

    /// The reader if a session is already open (never opens one).
    pub fn reader_if_open(&self) -> Option<ChainReader> {
        if self.offline.is_offline() {
            return None;
        }
        self.worker
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .map(|worker| worker.reader())
    }

    /// Closes the session (cold-signer mode, new endpoints): running jobs are
    /// cancelled; the worker thread ends after its current job.
    pub fn close(&self) {
        for token in self
            .jobs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .drain()
            .map(|(_, token)| token)
        {
            token.cancel();
        }
        *self.worker.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }

    /// After the person saved endpoints: this run's override is dropped and
    /// the next use opens a session with the saved ones.
    pub fn reopen_with_saved_endpoints(&self) {
        self.ctx
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .endpoints_override = None;
        self.close();
    }

    /// Remembers the token of the job of `kind` that just started (a newer
    /// job of the same kind replaces it).
    pub fn started(&self, kind: JobKind, token: CancelToken) {
        self.jobs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(kind, token);
    }

    /// Forgets the token of a finished job, if it is still the current one.
    pub fn finished(&self, kind: JobKind, token: &CancelToken) {
        let mut jobs = self.jobs.lock().unwrap_or_else(PoisonError::into_inner);
        if jobs
            .get(&kind)
            .is_some_and(|current| std::ptr::eq(current.flag(), token.flag()))
        {
            jobs.remove(&kind);
        }
    }

    /// Cancels the running job of `kind` only (never a job of another kind,
    /// nor a later job of the same kind).
    pub fn cancel(&self, kind: JobKind) {
        if let Some(token) = self
            .jobs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&kind)
        {
            token.cancel();
        }
    }
}
