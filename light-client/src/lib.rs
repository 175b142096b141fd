//! The Jifen verifying light client: the IO layer around the pure core
//! `jifen-light-client-verifier` (peers, the supervising [`LightClient`], the
//! file stores, the system clock), re-exporting the core's public items so
//! that `jifen_light_client::X` paths keep working.
//!
//! The core takes plain data and the time (`now_ms`) and returns verdicts;
//! it does no IO and has no async (see `docs/adr/0004-light-client-core.md`
//! and `docs/adr/0008-verifier-crate-and-wire-types.md`). This crate is
//! blocking: `peer::RpcPeer` (feature `rpc`) speaks the node's JSON-RPC
//! (`docs/rpc.md`, typed by `jifen-rpc-types`), [`client::LightClient`]
//! syncs, cross-checks witnesses, demotes liars, writes fork evidence and
//! proves reads, and a [`LightReader`] (from [`LightClient::reader`]) answers
//! proven reads on other threads while a sync runs. The CLI and the app reach
//! it through `jifen-wallet`.
//!
//! | module | holds |
//! |---|---|
//! | [`light_block`], [`verifier`], [`scheduler`], [`sync`], [`cross_check`](mod@cross_check), [`evidence`], [`bundle`], [`progress`], [`proof`] | re-exported from the core (see its docs) |
//! | [`trust`] | the core's [`Options`], [`Clock`], [`Checkpoint`], [`TrustedState`], and [`SystemClock`] |
//! | [`peer`] | the [`Peer`] trait, [`PeerError`] (`lc-peer-*`), `RpcPeer` (default feature `rpc`) |
//! | [`client`] | [`LightClient`]: root of trust, sync, cross-checks, fail-over, evidence files, proven reads (accounts, state, histories, transaction inclusion), audit bundles (an account, a transaction's receipt); [`LightReader`]: proven reads beside a sync |
//! | [`store`] | the core's [`LightStore`], [`MemoryStore`], [`open_trusted`], [`verify_store`]; `RedbStore` (default feature `redb`), `SledStore` (feature `sled`) |
//!
//! Without default features the crate is the core, the client and
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
//! Every error enum (here and in the core) has a `code()` returning a stable
//! kebab-case code starting with `lc-`, and implements
//! [`jifen_protocol::message::Coded`] (the code and the message's arguments).
//!
//! ```
//! use jifen_light_client::{Options, Schedule, Scheduler};
//! use std::num::NonZeroU64;
//!
//! assert!(Options::default().validate().is_ok());
//! let skipping = Schedule::Skipping { epoch_length: NonZeroU64::new(1_000).unwrap() };
//! // Trust first: the target at once, epoch ends only when it lacks trust.
//! assert_eq!(Scheduler::new(skipping, 1, 100_000).next_height(), Some(100_000));
//! ```

pub use jifen_light_client_verifier::{
    bundle, cross_check, evidence, light_block, progress, proof, provenance, scheduler, subchain,
    sync, verifier,
};

pub mod client;
pub mod peer;
pub mod store;
pub mod trust;

pub use client::RECORDS_PAGE;
pub use client::subchains::{
    FoundAlert, MAX_KEPT_HEADERS, REPORTS_PAGE, ROUND_REPORTS, SubchainAuditRun, SubchainProgress,
};
pub use client::{
    Backoff, ClientConfig, ClientError, ClientStatus, HISTORY_PAGE, LightClient, LightReader,
    PeerReport, PeerRole, PeerState, ProvenHistory, SyncSummary, TrustRoot,
};
pub use jifen_light_client_verifier::{
    AuditBundle, BundleError, Checkpoint, CheckpointParseError, Clock, CrossCheck, Evidence,
    EvidenceError, FinalProof, FixedClock, LightBlock, LightBlockError, LightBlockSource,
    LightStore, MemorySource, MemoryStore, Options, OptionsError, Phase, Pin, PinKind, PowerTally,
    ProgressEvent, ProofError, Proven, ProvenState, RetainPolicy, STATE_VALUE_PROOF, Schedule,
    ScheduleError, Scheduler, StoreAudit, StoreChange, StoreError, StoreHead, SyncError,
    SyncProgress, SyncReport, TX_INCLUSION_PROOF, TrustedState, TxInclusion, TxInclusionProof,
    UntrustedState, UntrustedTxProof, Verdict, VerificationError, Verified, VerifiedBundle,
    VerifiedEvidence, load_checked, load_stored, load_trusted, open_trusted, plan_commit, sync_to,
    sync_to_with_progress, verify, verify_bundle, verify_evidence, verify_store,
};
#[cfg(feature = "rpc")]
pub use peer::{Answer, HttpTransport, JsonRpcPeer, RpcOptions, RpcPeer, Transport};
#[cfg(feature = "rpc")]
pub use peer::{
    BUSY_RETRIES, MAX_TRUSTED_CERTIFICATES, MAX_TRUSTED_PEM_BYTES, TrustedCertificateError,
    TrustedCertificates,
};
#[cfg(feature = "p2p")]
pub use peer::{P2pPeer, P2pTransport};
pub use peer::{Peer, PeerError, PeerStatus, SubchainReportsAnswer, TlsProblem, TxStatusAnswer};
#[cfg(feature = "redb")]
pub use store::RedbStore;
#[cfg(feature = "sled")]
pub use store::SledStore;
pub use trust::SystemClock;
