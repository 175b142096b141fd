//! [`LightClient`]: the supervisor around the pure core. It owns the store,
//! the peers (one primary, the others witnesses) and the clock, and never
//! shows a value it did not prove.
//!
//! - **Root of trust**: a user [`Checkpoint`], or, with
//!   [`TrustRoot::Genesis`], block 1 taken on first use and cross-checked
//!   with every witness (labelled [`RootKind::GenesisFirstUse`] in
//!   [`ClientStatus`]). It is asked only of a node whose status says it has
//!   it (one that claims it and withholds it is demoted); while no node has
//!   it yet, the client retries with backoff, then stops with
//!   [`ClientError::RootUnavailable`] ([`ClientConfig::root_retry`]). An
//!   expired trusted header is refused ([`ClientError::TrustExpired`]) until
//!   the user gives a new checkpoint.
//! - **Open** checks the store in time independent of its history
//!   ([`crate::open_trusted`]: the head, the root, the latest block and the
//!   link into it); a tampered latest, root or link is a
//!   [`ClientError::Store`], never trusted. A store whose root is not the
//!   configured checkpoint is emptied (nothing in it was trusted) and the
//!   client starts again from the checkpoint. Stored blocks are checked
//!   again on use ([`crate::load_checked`]); [`LightClient::verify_store`]
//!   re-verifies everything. Each cross-checked path is stored in one write
//!   with pruning ([`LightClient::commit_path`], [`ClientConfig::retain`]):
//!   the root, a recent tail, pinned blocks (evidence, exported bundles)
//!   and pivots stay (`docs/adr/0017-bounded-light-store-and-resume.md`).
//! - **Sync** ([`LightClient::sync`]) asks the primary for its latest
//!   height (a tip no chain can have reached since the trusted header is a
//!   lie: `lc-client-implausible-tip`), plans lazily with the chain's epochs
//!   (`jifen_status.epoch_length`, at most 10,000; a wrong value costs
//!   headers, never safety or memory), verifies with skipping and bisection
//!   ([`crate::sync_to_with_progress`]) into a staging area, one segment of
//!   at most 1,024 steps at a time, and cross-checks each segment's last
//!   block with every witness. Only then is it stored and trusted. A
//!   lagging witness is marked so, not blamed; a witness whose block at the
//!   same height conflicts and verifies yields [`crate::Evidence`], written
//!   to `evidence_dir`, and the sync stops ([`ClientError::ForkDetected`]).
//!   A witness that proves a header far newer than the tip the primary
//!   claims ([`ClientConfig::stale_after_blocks`],
//!   [`ClientConfig::stale_after`]) shows the primary is stale.
//! - **Peers that lie** (invalid blocks, malformed, oversized or redirected
//!   answers, impossible tips, withheld headers, bad proofs) are demoted with
//!   the reason's code and detail and not used again in the session; if it
//!   was the primary, the next witness becomes primary and the work
//!   continues. Unreachable peers (connection errors, HTTP errors, a missed
//!   total deadline) are skipped and retried at a later sync, after a
//!   backoff. Every limit and why: `docs/adr/0011-hostile-nodes.md`; every
//!   lie and its test: `docs/security.md`.
//! - **Proven reads** ([`LightClient::account`],
//!   [`LightClient::history`], [`LightClient::tx_inclusion`]) check every
//!   answer against a verified header with [`crate::proof`]; a history
//!   is folded to the proven account's commitment (`history.rs`). A header
//!   below the trusted height is proven by hash links from the stored block
//!   above it and cross-checked with the other peers (`below.rs`).
//! - **Audit bundles** ([`LightClient::account_bundle`],
//!   [`LightClient::tx_bundle`]) export a proven account or a transaction's
//!   inclusion with its chain of proof, re-checkable offline
//!   (`bundles.rs`).
//! - **Status** ([`ClientStatus`]) tells the trusted header's age and
//!   whether it is too old ([`ClientConfig::tip_age_warning`]), and how many
//!   witnesses checked the tip and the root.
//! - **Reads beside a sync**: a [`LightReader`] ([`LightClient::reader`],
//!   `Clone + Send + Sync`) answers `status`, `account`, `state`,
//!   `history` and `submit` from other threads while `sync` runs, proven at
//!   the trusted header; it shares the peer table (a liar it finds is
//!   demoted for the client too) and sees a new tip only once it is
//!   cross-checked and stored. The client's own
//!   `account`/`state`/`history`/`submit` are the reader's.
//!
//! Cancellation: every long call takes `&AtomicBool`; once set, the call
//! returns [`ClientError::Cancelled`] at the next step, keeping only what
//! was fully checked before.

mod below;
mod bundles;
mod error;
mod history;
mod peers;
mod provenance;
mod reader;
mod reads;
mod source;
mod status;
mod stored;
pub(crate) mod subchains;
mod sync;
mod witnesses;

pub use error::{ClientError, Misbehaviour};
pub use history::{HISTORY_PAGE, ProvenHistory};
pub use provenance::RECORDS_PAGE;
pub use reader::LightReader;
pub use status::{
    ClientStatus, CrossCheckReport, PeerReport, PeerRole, PeerState, RootKind, SyncSummary,
    TrustRootStatus, TrustedHead,
};
pub use stored::MAX_BUNDLE_PINS;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use jifen_protocol::{ChainId, Hash32, Header};

use self::peers::PeerTable;
use self::reader::Shared;
use crate::peer::Peer;
use crate::progress::ProgressEvent;
use crate::store::{LightStore, RetainPolicy, StoreChange, StoreError, open_trusted};
use crate::trust::{Checkpoint, Clock, Options, TrustedState};
use crate::verifier::{self, VerificationError};

/// Where trust starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrustRoot {
    /// Block 1 as the primary serves it on first use, cross-checked with
    /// every witness (trust on first use).
    Genesis,
    /// A header the user trusts by its hash.
    Checkpoint(Checkpoint),
}

/// How the client is set up. [`ClientConfig::new`] gives the product
/// defaults, which the adversarial tests run with (why each:
/// `docs/adr/0011-hostile-nodes.md`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientConfig {
    /// The chain followed; peers and stores of other chains are refused.
    pub chain_id: ChainId,
    /// Where trust starts.
    pub trust_root: TrustRoot,
    /// Trust threshold, trusting period, clock drift.
    pub options: Options,
    /// Where fork evidence files are written (none: kept in the error only).
    pub evidence_dir: Option<PathBuf>,
    /// A primary is stale (demoted) when a witness proves a header at least
    /// two blocks past the tip the primary claims, and either at least
    /// [`ClientConfig::stale_after_blocks`] blocks or more than this much
    /// newer.
    pub stale_after: Duration,
    /// See [`ClientConfig::stale_after`].
    pub stale_after_blocks: u64,
    /// The trusted header is reported as old ([`ClientStatus::tip_too_old`])
    /// past this age: the wallet warns that balances may be out of date.
    pub tip_age_warning: Duration,
    /// How often, and how patiently, the root of trust (genesis or the
    /// checkpoint) is asked again while no node has it yet.
    pub root_retry: Backoff,
    /// What the store keeps beside the root, pins and pivots (default: the
    /// last 32 members, at most 8 MiB).
    pub retain: RetainPolicy,
}

impl ClientConfig {
    /// The product defaults: default options, no evidence directory, a
    /// primary stale 10 blocks or 60 s behind a witness's proof, a tip old
    /// after 2 minutes, the root asked 5 times over 15 s, a store tail of
    /// 32 members.
    #[must_use]
    pub fn new(chain_id: ChainId, trust_root: TrustRoot) -> Self {
        Self {
            chain_id,
            trust_root,
            options: Options::default(),
            evidence_dir: None,
            stale_after: Duration::from_secs(60),
            stale_after_blocks: 10,
            tip_age_warning: Duration::from_secs(120),
            root_retry: Backoff::default(),
            retain: RetainPolicy::default(),
        }
    }
}

/// Retries with exponential backoff: `attempts` tries, the first at once,
/// then after `first_delay`, twice that, ... at most `max_delay` apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// Tries in all (at least one is made).
    pub attempts: u32,
    /// Wait before the second try.
    pub first_delay: Duration,
    /// Longest wait between two tries.
    pub max_delay: Duration,
}

impl Default for Backoff {
    /// 5 tries, 1 s, 2 s, 4 s and 8 s apart (15 s in all).
    fn default() -> Self {
        Self {
            attempts: 5,
            first_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(8),
        }
    }
}

impl Backoff {
    /// The wait before try `attempt` (0-based; 0 for the first).
    #[must_use]
    pub fn delay(&self, attempt: u32) -> Duration {
        if attempt == 0 {
            return Duration::ZERO;
        }
        let factor = 1u32.checked_shl(attempt - 1).unwrap_or(u32::MAX);
        self.first_delay
            .checked_mul(factor)
            .unwrap_or(self.max_delay)
            .min(self.max_delay)
    }
}

/// The verifying light client (see the module docs).
pub struct LightClient<S: LightStore> {
    store: S,
    /// Configuration, peers, the clock and what readers see (see
    /// [`LightReader`]).
    shared: Arc<Shared>,
    /// The trusted state; its header is published to `shared` whenever it
    /// changes (only after it is stored).
    trusted: Option<TrustedState>,
    /// Headers below the trusted height proven by hash links for proofs
    /// (not stored: a stored chain must verify link by link); at most
    /// [`below::CACHED_BELOW`] of them, the highest kept.
    verified_below: BTreeMap<u64, Header>,
}

impl<S: LightStore> std::fmt::Debug for LightClient<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LightClient")
            .field("status", &self.status())
            .finish_non_exhaustive()
    }
}

impl<S: LightStore> LightClient<S> {
    /// Opens the client over `store`: checks the stored trusted state from
    /// the root of trust in constant time ([`crate::open_trusted`]; a
    /// tampered latest block, root or link is an error, not trusted; a
    /// store of format 1 is checked in full once and migrated). Makes
    /// no network request; the first [`LightClient::sync`] establishes the
    /// root if the store is empty.
    ///
    /// # Errors
    /// [`ClientError::Options`], [`ClientError::Store`] (e.g.
    /// `lc-store-tampered`), [`ClientError::StoreOtherChain`].
    pub fn open(
        mut store: S,
        config: ClientConfig,
        primary: Box<dyn Peer>,
        witnesses: Vec<Box<dyn Peer>>,
        clock: Box<dyn Clock + Send + Sync>,
    ) -> Result<Self, ClientError> {
        config.options.validate()?;
        let (trusted, root) = Self::load(&mut store, &config)?;
        if let Some(state) = &trusted
            && state.chain_id() != &config.chain_id
        {
            return Err(ClientError::StoreOtherChain {
                expected: config.chain_id.clone(),
                got: state.chain_id().clone(),
            });
        }
        let peers = PeerTable::new(
            Arc::from(primary),
            witnesses.into_iter().map(Arc::from).collect(),
        );
        let shared = Arc::new(Shared::new(config, peers, clock));
        shared.publish_trusted(trusted.as_ref().map(|state| &state.light_block().header));
        shared.set_root(root);
        Ok(Self {
            store,
            shared,
            trusted,
            verified_below: BTreeMap::new(),
        })
    }

    /// [`LightClient::open`] over RPC endpoints: the first URL is the
    /// primary, the others witnesses; the system clock.
    ///
    /// # Errors
    /// [`ClientError::Endpoint`] for a URL that is not `http://` or
    /// `https://`, [`ClientError::NoPeer`] for an empty list, and the
    /// errors of [`LightClient::open`].
    #[cfg(feature = "rpc")]
    pub fn open_rpc(
        store: S,
        config: ClientConfig,
        urls: &[impl AsRef<str>],
        rpc: crate::peer::RpcOptions,
    ) -> Result<Self, ClientError> {
        let mut peers = urls
            .iter()
            .map(|url| {
                crate::peer::RpcPeer::connect(url.as_ref(), rpc)
                    .map(|peer| Box::new(peer) as Box<dyn Peer>)
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(ClientError::Endpoint)?;
        if peers.is_empty() {
            return Err(ClientError::NoPeer { peers: Vec::new() });
        }
        let primary = peers.remove(0);
        Self::open(
            store,
            config,
            primary,
            peers,
            Box::new(crate::trust::SystemClock),
        )
    }

    fn load(
        store: &mut S,
        config: &ClientConfig,
    ) -> Result<(Option<TrustedState>, Option<TrustRootStatus>), ClientError> {
        let stored_root = match store.head()? {
            Some(head) => head.root,
            // No head: empty, or a store of format 1, whose root is its
            // lowest block (one scan, before it is migrated).
            None => match store.heights()?.first() {
                Some(&lowest) => {
                    let root = store
                        .get(lowest)?
                        .ok_or(StoreError::Missing { height: lowest })?;
                    Checkpoint {
                        height: lowest,
                        hash: root.hash(),
                    }
                }
                None => return Ok((None, None)),
            },
        };
        let (checkpoint, kind) = match config.trust_root {
            TrustRoot::Checkpoint(checkpoint) => (checkpoint, RootKind::Checkpoint),
            TrustRoot::Genesis => (
                stored_root,
                RootKind::GenesisFirstUse {
                    witnesses_agreed: None,
                },
            ),
        };
        let wrong_root = match config.trust_root {
            TrustRoot::Checkpoint(_) => false,
            TrustRoot::Genesis => stored_root.height != 1,
        };
        let loaded = if wrong_root {
            Err(StoreError::CheckpointMismatch {
                expected: Checkpoint::genesis(Hash32::ZERO),
                got: checkpoint,
            })
        } else {
            open_trusted(store, &checkpoint, &config.options)
        };
        match loaded {
            Ok(state) => Ok((state, Some(TrustRootStatus { checkpoint, kind }))),
            // The store was built from another root: nothing in it is
            // trusted, so start again from the configured one.
            Err(StoreError::CheckpointMismatch { .. }) => {
                store.apply(&StoreChange::clear())?;
                Ok((None, None))
            }
            Err(error) => Err(error.into()),
        }
    }

    /// What the client knows now.
    #[must_use]
    pub fn status(&self) -> ClientStatus {
        self.shared.status()
    }

    /// A handle for proven reads at the trusted header from other threads,
    /// while this client syncs (see [`LightReader`]).
    #[must_use]
    pub fn reader(&self) -> LightReader {
        LightReader::new(Arc::clone(&self.shared))
    }

    /// The trusted state, if any.
    #[must_use]
    pub fn trusted(&self) -> Option<&TrustedState> {
        self.trusted.as_ref()
    }

    /// Trusts `state` (verified, cross-checked and already stored) and
    /// publishes its header to readers.
    fn set_trusted(&mut self, state: TrustedState) {
        self.shared
            .publish_trusted(Some(&state.light_block().header));
        self.trusted = Some(state);
    }

    /// The store.
    #[must_use]
    pub fn store(&self) -> &S {
        &self.store
    }

    /// The configuration.
    #[must_use]
    pub fn config(&self) -> &ClientConfig {
        &self.shared.config
    }

    fn peers(&self) -> &PeerTable {
        &self.shared.peers
    }

    fn peer(&self, index: usize) -> Arc<dyn Peer> {
        self.shared.peers.peer(index)
    }

    fn no_peer(&self) -> ClientError {
        self.shared.no_peer()
    }

    /// Asks peer `index` for its status: `None` (and the peer marked
    /// unreachable or demoted) when it does not answer, answers badly,
    /// serves another chain or claims a tip no chain can have reached since
    /// the trusted header ([`verifier::max_plausible_height`]: the claim is
    /// refused before anything is planned from it).
    fn checked_status(
        &self,
        index: usize,
        events: &mut dyn FnMut(&ProgressEvent),
    ) -> Option<crate::peer::PeerStatus> {
        let status = match self.peer(index).status() {
            Ok(status) => status,
            Err(error) => {
                self.peers().peer_failed(index, &error, None, events);
                return None;
            }
        };
        if status.chain_id != self.config().chain_id {
            let reason = Misbehaviour::WrongChain {
                expected: self.config().chain_id.clone(),
                got: status.chain_id,
            };
            self.peers()
                .demote(index, reason.code(), reason.to_string(), events);
            return None;
        }
        if let Some(trusted) = &self.trusted {
            let header = &trusted.light_block().header;
            let limit = verifier::max_plausible_height(
                header.height,
                header.time_ms,
                self.config().options.clock_drift_ms(),
                self.now_ms(),
            );
            if status.latest_height > limit {
                let reason = Misbehaviour::ImplausibleTip {
                    claimed: status.latest_height,
                    limit,
                };
                self.peers()
                    .demote(index, reason.code(), reason.to_string(), events);
                return None;
            }
        }
        Some(status)
    }

    fn now_ms(&self) -> u64 {
        self.shared.clock.now_ms()
    }

    fn clock(&self) -> &dyn Clock {
        self.shared.clock.as_ref()
    }

    fn check_not_expired(&self, trusted: &TrustedState) -> Result<(), ClientError> {
        verifier::is_within_trust_period(
            trusted.light_block().header.time_ms,
            self.config().options.trusting_period_ms(),
            self.now_ms(),
        )
        .map_err(|error| expired(trusted.height(), error))
    }
}

fn expired(height: u64, error: VerificationError) -> ClientError {
    match error {
        VerificationError::TrustExpired {
            expired_at_ms,
            now_ms,
            ..
        } => ClientError::TrustExpired {
            trusted_height: height,
            expired_at_ms,
            now_ms,
        },
        other => ClientError::Verification(other),
    }
}
