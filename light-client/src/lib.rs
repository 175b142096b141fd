//! The Jifen verifying light client: its pure verification core and its
//! persistent store.
//!
//! The core takes plain data and the time (`now_ms`) and returns verdicts;
//! it does no IO and has no async (see `docs/adr/0004-light-client-core.md`).
//! Networking (RPC and P2P peers, witnesses), the progress bar and the
//! CLI's `verify-evidence` / `verify-bundle` commands are layered around it.
//!
//! | module | holds |
//! |---|---|
//! | [`light_block`] | [`LightBlock`] (header, commit, both validator sets) and its `validate_basic` |
//! | [`trust`] | [`Options`], [`Clock`], [`Checkpoint`], [`TrustedState`] |
//! | [`verifier`] | the named predicates, [`verify`] and its [`Verdict`] |
//! | [`scheduler`] | epoch-aware plans and the bisecting [`Scheduler`] |
//! | [`sync`] | [`LightBlockSource`], [`MemorySource`] and the [`sync_to`] driver |
//! | [`cross_check`](mod@cross_check) | a witness's answer: agrees, lagging, invalid, unresolved or a [`CrossCheck::Conflict`] |
//! | [`evidence`] | fork [`Evidence`], its file format and [`verify_evidence`] |
//! | [`bundle`] | [`AuditBundle`] (root, path, final-proof slot), its file format and [`verify_bundle`] |
//! | [`progress`] | typed [`ProgressEvent`]s and [`Phase`]s |
//! | [`store`] | the [`LightStore`] trait, `RedbStore` (default feature `redb`), `SledStore` (feature `sled`), [`MemoryStore`], [`load_trusted`] |
//!
//! Without default features the crate is the pure core plus
//! [`MemoryStore`]: no file system, threads or async.
//!
//! Every error enum has a `code()` returning a stable kebab-case code
//! starting with `lc-`.
//!
//! ```
//! use jifen_light_client::{Options, scheduler::plan, Schedule};
//! use std::num::NonZeroU64;
//!
//! assert!(Options::default().validate().is_ok());
//! let epochs = Schedule::Epochs { length: NonZeroU64::new(1_000).unwrap() };
//! // 100,000 blocks with a validator-set change every 1,000: 100 headers.
//! assert_eq!(plan(epochs, 1, 100_000).len(), 100);
//! ```

pub mod bundle;
pub mod cross_check;
pub mod evidence;
pub mod light_block;
pub mod progress;
pub mod scheduler;
pub mod store;
pub mod sync;
pub mod trust;
pub mod verifier;

pub use bundle::{AuditBundle, BundleError, FinalProof, VerifiedBundle, verify_bundle};
pub use cross_check::{CrossCheck, cross_check};
pub use evidence::{Evidence, EvidenceError, VerifiedEvidence, verify_evidence};
pub use light_block::{LightBlock, LightBlockError};
pub use progress::{Phase, ProgressEvent};
pub use scheduler::{Schedule, ScheduleError, Scheduler};
#[cfg(feature = "redb")]
pub use store::RedbStore;
#[cfg(feature = "sled")]
pub use store::SledStore;
pub use store::{LightStore, MemoryStore, StoreError, load_trusted};
pub use sync::{
    LightBlockSource, MemorySource, SyncError, SyncReport, sync_to, sync_to_with_progress,
};
pub use trust::{
    Checkpoint, CheckpointParseError, Clock, FixedClock, Options, OptionsError, SystemClock,
    TrustedState,
};
pub use verifier::{PowerTally, Verdict, VerificationError, Verified, verify};
