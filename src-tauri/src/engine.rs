//! One thread owns the wallet state (the open wallet and its keys); commands
//! hold an [`Engine`] handle and send it closures to run. Wallet use cases are
//! blocking (Argon2id, file IO, image decoding), so they run here and never
//! on the IPC threads, and no two commands ever touch the open wallet at
//! once. Chain jobs run on the chain worker instead (`chain.rs`), so nothing
//! here waits behind a sync.

use std::sync::mpsc;

use crate::error::{AppError, AppRefusal};
use crate::state::WalletState;

type Job = Box<dyn FnOnce(&mut WalletState) + Send>;

/// A handle to the thread that owns the [`WalletState`]. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Engine {
    jobs: mpsc::Sender<Job>,
}

impl Engine {
    /// Starts the owning thread with `state`.
    ///
    /// # Errors
    /// `app-engine-start` if the thread cannot be spawned.
    pub fn start(mut state: WalletState) -> Result<Self, AppError> {
        let (jobs, queue) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("wallet-engine".into())
            .spawn(move || {
                // Ends when every handle is dropped (the app quits).
                while let Ok(job) = queue.recv() {
                    job(&mut state);
                }
            })
            .map_err(|_| AppError::of(&AppRefusal::EngineStart))?;
        Ok(Self { jobs })
    }

    /// Runs `work` on the owning thread and waits (asynchronously) for its result.
    ///
    /// # Errors
    /// Whatever `work` returns, or `app-engine-stopped` if the thread is gone.
    pub async fn call<T, F>(&self, work: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut WalletState) -> Result<T, AppError> + Send + 'static,
    {
        let (reply, answer) = tokio::sync::oneshot::channel();
        self.jobs
            .send(Box::new(move |state| {
                // The caller may have gone away (window closed): nothing to do then.
                let _ = reply.send(work(state));
            }))
            .map_err(|_| AppError::of(&AppRefusal::EngineStopped))?;
        answer
            .await
            .map_err(|_| AppError::of(&AppRefusal::EngineStopped))?
    }
}
