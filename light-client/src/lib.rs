//! The Jifen verifying light client: a pure verification core, its
//! persistent store, and the IO layer around them (peers, the supervising
//! [`LightClient`]).
//!
//! The core takes plain data and the time (`now_ms`) and returns verdicts;
//! it does no IO and has no async (see `docs/adr/0004-light-client-core.md`).
//! The IO layer is blocking: `peer::RpcPeer` (feature `rpc`) speaks the node's JSON-RPC
//! (`docs/rpc.md`), [`client::LightClient`] syncs, cross-checks witnesses,
//! demotes liars, writes fork evidence and proves reads. The CLI and the app
//! reach it through `jifen-wallet`.
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
//! | [`progress`] | typed [`ProgressEvent`]s, [`Phase`]s and [`SyncProgress`] (with ETA) |
//! | [`proof`] | checking untrusted state answers and transaction proofs against a verified header; [`Proven`] values |
//! | [`peer`] | the [`Peer`] trait, [`PeerError`] (`lc-peer-*`), `RpcPeer` (default feature `rpc`) |
//! | [`client`] | [`LightClient`]: root of trust, sync, cross-checks, fail-over, evidence files, proven reads, audit bundles |
//! | [`store`] | the [`LightStore`] trait, `RedbStore` (default feature `redb`), `SledStore` (feature `sled`), [`MemoryStore`], [`load_trusted`] |
//!
//! Without default features the crate is the pure core, the client and
//! [`MemoryStore`]: no network or async (peers are then the caller's own
//! [`Peer`] implementations); the client touches the file system only to
//! write evidence into the directory it is given.
//!
//! A wallet opens the client over RPC endpoints like this (not run here: it
//! needs a node):
//!
//! ```no_run
//! # #[cfg(all(feature = "rpc", feature = "redb"))]
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use std::sync::atomic::AtomicBool;
//! use jifen_light_client::{ClientConfig, LightClient, RedbStore, RpcOptions, TrustRoot};
//! use jifen_protocol::{Address, ChainId};
//!
//! let config = ClientConfig::new(ChainId::new("jifen-devnet")?, TrustRoot::Genesis);
//! let urls = ["http://127.0.0.1:26657", "http://127.0.0.1:26658"]; // primary, witness
//! let mut client = LightClient::open_rpc(
//!     RedbStore::open(std::path::Path::new("light.redb"))?,
//!     config,
//!     &urls,
//!     RpcOptions::default(),
//! )?;
//! let cancel = AtomicBool::new(false);
//! let summary = client.sync(&mut |event| println!("{event:?}"), &cancel)?;
//! let balance = client.account(&Address::from_bytes([7; 20]))?;
//! println!("{} at height {} ({})", balance.value.balance, balance.height, summary.hash);
//! # Ok(())
//! # }
//! # #[cfg(not(all(feature = "rpc", feature = "redb")))]
//! # fn main() {}
//! ```
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
pub mod client;
pub mod cross_check;
pub mod evidence;
pub mod light_block;
pub mod peer;
pub mod progress;
pub mod proof;
pub mod scheduler;
pub mod store;
pub mod sync;
pub mod trust;
pub mod verifier;

pub use bundle::{
    AuditBundle, BundleError, FinalProof, ProvenState, STATE_VALUE_PROOF, VerifiedBundle,
    verify_bundle,
};
pub use client::{
    ClientConfig, ClientError, ClientStatus, LightClient, PeerReport, PeerRole, PeerState,
    SyncSummary, TrustRoot,
};
pub use cross_check::{CrossCheck, cross_check};
pub use evidence::{Evidence, EvidenceError, VerifiedEvidence, verify_evidence};
pub use light_block::{LightBlock, LightBlockError};
pub use peer::{Peer, PeerError, PeerStatus, TxStatusAnswer};
#[cfg(feature = "rpc")]
pub use peer::{RpcOptions, RpcPeer};
pub use progress::{Phase, ProgressEvent, SyncProgress};
pub use proof::{ProofError, Proven, TxInclusion, UntrustedState, UntrustedTxProof};
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
