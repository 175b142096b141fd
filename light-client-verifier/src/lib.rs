//! The Jifen light client's verification core: pure functions and small
//! traits over plain data, as tendermint-rs's `light-client-verifier`.
//!
//! Pure means: no network, no threads, no clock reads (time comes in as
//! `now_ms` or through the [`Clock`] trait), no file system, no async. The
//! IO crate `jifen-light-client` wraps it (RPC peers, the supervising
//! `LightClient`, the redb and sled stores, the system clock). How this is
//! held: the only dependencies are `jifen-protocol`, `thiserror`, `serde`,
//! `serde_json` and `hex` (a test reads `Cargo.toml` and refuses others),
//! and this crate's `clippy.toml` forbids the standard library's clock,
//! file, network, process and thread APIs (`cargo clippy -D warnings`
//! fails on a use). See `docs/adr/0008-verifier-crate-and-wire-types.md`.
//!
//! | module | holds |
//! |---|---|
//! | [`light_block`] | [`LightBlock`] (header, commit, both validator sets) and its `validate_basic` |
//! | [`trust`] | [`Options`], the [`Clock`] trait, [`FixedClock`], [`Checkpoint`], [`TrustedState`] |
//! | [`verifier`] | the named predicates, [`verify`] and its [`Verdict`] |
//! | [`scheduler`] | the trust-first [`Scheduler`]: target first, pivots at epoch ends |
//! | [`sync`] | [`LightBlockSource`], [`MemorySource`], the [`sync_to`] driver and its resumable [`SyncRun`] |
//! | [`cross_check`](mod@cross_check) | a witness's answer: agrees, lagging, invalid, unresolved or a [`CrossCheck::Conflict`] |
//! | [`evidence`] | fork [`Evidence`], its file format and [`verify_evidence`] |
//! | [`bundle`] | [`AuditBundle`] (root, path, final proof: a state value or a transaction's inclusion), its file format and [`verify_bundle`] |
//! | [`progress`] | typed [`ProgressEvent`]s, [`Phase`]s and [`SyncProgress`] |
//! | [`proof`] | checking untrusted state answers and transaction proofs against a verified header; [`Proven`] values |
//! | [`subchain`] | the subchain audit: [`SubchainAudit`] over [`AnchoredReport`]s, [`AuditError`], alerts and [`SubchainEvidence`] with [`verify_subchain_evidence`], subchain state proven against an audited header ([`SubchainAudit::verify_state`]); (cargo feature `test-support`) `subchain::test_chain`, subchains and anchoring main chains for tests |
//! | [`store`] | the [`LightStore`] trait (format 2: head, chain links, pins), [`MemoryStore`], one atomic [`StoreChange`] per commit with pruning ([`plan_commit`]), constant-time [`open_trusted`], [`load_checked`], [`verify_store`] |
//! | `test_chain`, `conformance` | (cargo feature `test-support`) a deterministic signed test chain and the store conformance suite every backend runs |
//! | `optimum` | (cargo feature `test-support`) the offline optimum: the fewest light blocks from one height to another of a known chain (`optimum::min_light_blocks`) |
//!
//! Every error enum has a `code()` returning a stable kebab-case code
//! starting with `lc-`, and implements [`jifen_protocol::message::Coded`].
//!
//! ```
//! use jifen_light_client_verifier::{Options, Schedule, Scheduler};
//! use std::num::NonZeroU64;
//!
//! assert!(Options::default().validate().is_ok());
//! let skipping = Schedule::Skipping { epoch_length: NonZeroU64::new(1_000).unwrap() };
//! // Trust first: the target is tried at once; epoch ends only as pivots
//! // when it lacks trust.
//! assert_eq!(Scheduler::new(skipping, 1, 100_000).next_height(), Some(100_000));
//! assert_eq!(skipping.pivot(1, 100_000), Some(50_000));
//! ```

pub mod bundle;
#[cfg(feature = "test-support")]
pub mod conformance;
pub mod cross_check;
pub mod evidence;
pub mod light_block;
#[cfg(feature = "test-support")]
pub mod optimum;
pub mod progress;
pub mod proof;
pub mod provenance;
pub mod scheduler;
pub mod store;
pub mod subchain;
pub mod sync;
#[cfg(feature = "test-support")]
pub mod test_chain;
pub mod trust;
pub mod verifier;

pub use bundle::{
    AuditBundle, BundleError, FinalProof, ProvenState, STATE_VALUE_PROOF, TX_INCLUSION_PROOF,
    TxInclusionProof, VerifiedBundle, verify_bundle,
};
pub use cross_check::{CrossCheck, cross_check};
pub use evidence::{Evidence, EvidenceError, VerifiedEvidence, verify_evidence};
pub use light_block::{LightBlock, LightBlockError};
pub use progress::{Phase, ProgressEvent, SyncProgress};
pub use proof::{ProofError, Proven, TxInclusion, UntrustedState, UntrustedTxProof};
pub use scheduler::{Schedule, ScheduleError, Scheduler};
pub use store::{
    ChainLink, LightStore, MemoryStore, Pin, PinKind, RetainPolicy, StoreAudit, StoreChange,
    StoreError, StoreHead, load_checked, load_stored, load_trusted, open_trusted, plan_commit,
    verify_store,
};
pub use subchain::{
    Alert, AnchorRef, AnchoredIn, AnchoredReport, AuditError, Checked, ProvenSubchainValue,
    SubchainAudit, SubchainEvidence, SubchainEvidenceError, SubchainStateError,
    UntrustedSubchainState, VerifiedSubchainEvidence, verify_subchain_evidence,
};
pub use sync::{
    Advance, LightBlockSource, MemorySource, SyncError, SyncReport, SyncRun, sync_to,
    sync_to_with_progress,
};
pub use trust::{
    Checkpoint, CheckpointParseError, Clock, FixedClock, Options, OptionsError, TrustedState,
};
pub use verifier::{PowerTally, Verdict, VerificationError, Verified, can_reach, verify};

use jifen_protocol::message::Arg;

/// The error's sentence as the `detail` argument (front ends that show a
/// detail under the translated message show this).
pub(crate) fn detail(error: &impl std::fmt::Display) -> (&'static str, Arg) {
    ("detail", Arg::from(error.to_string()))
}

/// `args` with the outermost error's `detail` (an inner error's is
/// replaced).
pub(crate) fn with_detail(
    mut args: Vec<(&'static str, Arg)>,
    error: &impl std::fmt::Display,
) -> Vec<(&'static str, Arg)> {
    args.retain(|(name, _)| *name != "detail");
    args.push(detail(error));
    args
}

#[cfg(test)]
mod purity {
    /// The crates the core may use. Anything else (an HTTP client, a
    /// database, an async runtime) belongs in the IO crate.
    const ALLOWED: [&str; 5] = ["jifen-protocol", "thiserror", "serde", "serde_json", "hex"];
    /// Only behind `test-support`: signing for the test chain.
    const TEST_SUPPORT: [&str; 1] = ["k256"];

    #[test]
    fn dependencies_are_only_the_pure_ones() {
        let manifest = include_str!("../Cargo.toml");
        let mut section = "";
        for line in manifest.lines().map(str::trim) {
            if line.starts_with('[') {
                section = line;
                continue;
            }
            let Some((name, _)) = line.split_once('=') else {
                continue;
            };
            // `name.workspace = true` or `name = { workspace = true, .. }`.
            let name = name.trim().split('.').next().unwrap_or_default();
            if line.starts_with('#') || name.is_empty() {
                continue;
            }
            match section {
                "[dependencies]" => {
                    let optional = line.contains("optional = true");
                    assert!(
                        ALLOWED.contains(&name) || (optional && TEST_SUPPORT.contains(&name)),
                        "dependency {name} is not allowed in the pure core"
                    );
                }
                "[build-dependencies]" => panic!("the pure core has no build script"),
                _ => {}
            }
        }
    }
}
