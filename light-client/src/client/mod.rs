//! [`LightClient`]: the supervisor around the pure core. It owns the store,
//! the peers (one primary, the others witnesses) and the clock, and never
//! shows a value it did not prove.
//!
//! - **Root of trust**: a user [`Checkpoint`], or, with
//!   [`TrustRoot::Genesis`], block 1 taken on first use from the primary and
//!   cross-checked with every witness (labelled [`RootKind::GenesisFirstUse`]
//!   in [`ClientStatus`]). An expired trusted header is refused
//!   ([`ClientError::TrustExpired`]) until the user gives a new checkpoint.
//! - **Open** re-verifies everything stored ([`crate::load_trusted`]); a
//!   tampered store is a [`ClientError::Store`], never trusted. A store
//!   whose root is not the configured checkpoint is emptied (nothing in it
//!   was trusted) and the client starts again from the checkpoint.
//! - **Sync** ([`LightClient::sync`]) asks the primary for its latest
//!   height, plans with the chain's epochs (`jifen_status.epoch_length`;
//!   a wrong value costs bisection steps, never safety), verifies with
//!   skipping and bisection ([`crate::sync_to_with_progress`]) into a
//!   staging area, then cross-checks the new tip with every witness. Only
//!   then is it stored and trusted. A lagging witness is marked so, not
//!   blamed; a witness whose block at the same height conflicts and
//!   verifies yields [`crate::Evidence`], written to `evidence_dir`, and the sync
//!   stops ([`ClientError::ForkDetected`]). A witness that proves a header
//!   much newer than the primary's tip (more than
//!   [`ClientConfig::stale_after`]) shows the primary is stale.
//! - **Peers that lie** (invalid blocks, malformed or oversized answers,
//!   withheld headers, bad proofs) are demoted with the reason's code and
//!   detail and not used again in the session; if it was the primary, the
//!   next witness becomes primary and the work continues. Unreachable
//!   peers (connection errors, timeouts) are skipped and retried at the
//!   next sync.
//! - **Proven reads** ([`LightClient::account`],
//!   [`LightClient::tx_inclusion`], [`LightClient::account_bundle`]) check
//!   every answer against a verified header with [`crate::proof`].
//!
//! Cancellation: every long call takes `&AtomicBool`; once set, the call
//! returns [`ClientError::Cancelled`] at the next step, keeping only what
//! was fully checked before.

mod error;
mod reads;
mod source;
mod status;
mod sync;

pub use error::{ClientError, Misbehaviour};
pub use status::{
    ClientStatus, CrossCheckReport, PeerReport, PeerRole, PeerState, RootKind, SyncSummary,
    TrustRootStatus, TrustedHead,
};

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use jifen_protocol::{ChainId, Hash32};

use crate::light_block::LightBlock;
use crate::peer::{Peer, PeerError};
use crate::progress::ProgressEvent;
use crate::store::{LightStore, StoreError, load_trusted};
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

/// How the client is set up.
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
    /// A primary whose tip is older than a header a witness proves by more
    /// than this is stale (demoted).
    pub stale_after: Duration,
}

impl ClientConfig {
    /// Default options, no evidence directory, stale after 60 s.
    #[must_use]
    pub fn new(chain_id: ChainId, trust_root: TrustRoot) -> Self {
        Self {
            chain_id,
            trust_root,
            options: Options::default(),
            evidence_dir: None,
            stale_after: Duration::from_secs(60),
        }
    }
}

struct Slot {
    peer: Box<dyn Peer>,
    role: PeerRole,
    state: PeerState,
}

impl Slot {
    fn usable(&self) -> bool {
        matches!(self.state, PeerState::Active | PeerState::Lagging { .. })
    }
}

/// The verifying light client (see the module docs).
pub struct LightClient<S: LightStore> {
    store: S,
    config: ClientConfig,
    peers: Vec<Slot>,
    clock: Box<dyn Clock + Send>,
    trusted: Option<TrustedState>,
    root: Option<TrustRootStatus>,
    last_cross_check: Option<CrossCheckReport>,
    evidence: Vec<PathBuf>,
    /// Blocks below the trusted height verified for proofs (not stored: a
    /// stored chain must verify link by link).
    verified_below: BTreeMap<u64, LightBlock>,
}

impl<S: LightStore> std::fmt::Debug for LightClient<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LightClient")
            .field("status", &self.status())
            .finish_non_exhaustive()
    }
}

impl<S: LightStore> LightClient<S> {
    /// Opens the client over `store`: re-verifies what the store holds from
    /// the root of trust (a tampered store is an error, not trusted). Makes
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
        clock: Box<dyn Clock + Send>,
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
        let mut peers = vec![Slot {
            peer: primary,
            role: PeerRole::Primary,
            state: PeerState::Active,
        }];
        peers.extend(witnesses.into_iter().map(|peer| Slot {
            peer,
            role: PeerRole::Witness,
            state: PeerState::Active,
        }));
        Ok(Self {
            store,
            config,
            peers,
            clock,
            trusted,
            root,
            last_cross_check: None,
            evidence: Vec::new(),
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
        let heights = store.heights()?;
        let Some(&lowest) = heights.first() else {
            return Ok((None, None));
        };
        let (checkpoint, kind) = match config.trust_root {
            TrustRoot::Checkpoint(checkpoint) => (checkpoint, RootKind::Checkpoint),
            TrustRoot::Genesis => {
                let root = store
                    .get(lowest)?
                    .ok_or(StoreError::Missing { height: lowest })?;
                (
                    Checkpoint {
                        height: root.height(),
                        hash: root.hash(),
                    },
                    RootKind::GenesisFirstUse {
                        witnesses_agreed: None,
                    },
                )
            }
        };
        let wrong_root = match config.trust_root {
            TrustRoot::Checkpoint(_) => false,
            TrustRoot::Genesis => lowest != 1,
        };
        let loaded = if wrong_root {
            Err(StoreError::CheckpointMismatch {
                expected: Checkpoint::genesis(Hash32::ZERO),
                got: checkpoint,
            })
        } else {
            load_trusted(store, &checkpoint, &config.options)
        };
        match loaded {
            Ok(state) => Ok((state, Some(TrustRootStatus { checkpoint, kind }))),
            // The store was built from another root: nothing in it is
            // trusted, so start again from the configured one.
            Err(StoreError::CheckpointMismatch { .. }) => {
                for height in heights {
                    store.remove(height)?;
                }
                Ok((None, None))
            }
            Err(error) => Err(error.into()),
        }
    }

    /// What the client knows now.
    #[must_use]
    pub fn status(&self) -> ClientStatus {
        ClientStatus {
            trusted: self.trusted.as_ref().map(|state| TrustedHead {
                height: state.height(),
                hash: state.light_block().hash(),
                time_ms: state.light_block().header.time_ms,
            }),
            root: self.root,
            peers: self.peer_reports(),
            last_cross_check: self.last_cross_check,
            evidence: self.evidence.clone(),
            trust_expires_at_ms: self.trusted.as_ref().map(|state| {
                state
                    .light_block()
                    .header
                    .time_ms
                    .saturating_add(self.config.options.trusting_period_ms())
            }),
        }
    }

    /// The trusted state, if any.
    #[must_use]
    pub fn trusted(&self) -> Option<&TrustedState> {
        self.trusted.as_ref()
    }

    /// The store.
    #[must_use]
    pub fn store(&self) -> &S {
        &self.store
    }

    /// The configuration.
    #[must_use]
    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    fn peer_reports(&self) -> Vec<PeerReport> {
        self.peers
            .iter()
            .map(|slot| PeerReport {
                id: slot.peer.id().to_owned(),
                role: slot.role,
                state: slot.state.clone(),
            })
            .collect()
    }

    fn no_peer(&self) -> ClientError {
        ClientError::NoPeer {
            peers: self.peer_reports(),
        }
    }

    fn usable_count(&self) -> usize {
        self.peers.iter().filter(|slot| slot.usable()).count()
    }

    /// The primary's index, promoting the first usable witness if the
    /// primary is gone.
    fn primary(&mut self, events: &mut dyn FnMut(&ProgressEvent)) -> Option<usize> {
        if let Some(index) = self
            .peers
            .iter()
            .position(|slot| slot.role == PeerRole::Primary && slot.usable())
        {
            return Some(index);
        }
        let next = self.peers.iter().position(Slot::usable)?;
        self.promote(next, events);
        Some(next)
    }

    fn promote(&mut self, index: usize, events: &mut dyn FnMut(&ProgressEvent)) {
        for (position, slot) in self.peers.iter_mut().enumerate() {
            slot.role = if position == index {
                PeerRole::Primary
            } else {
                PeerRole::Witness
            };
        }
        if let Some(slot) = self.peers.get(index) {
            events(&ProgressEvent::PrimaryChanged {
                peer: slot.peer.id().to_owned(),
            });
        }
    }

    /// Peers to ask for a read, primary first.
    fn read_order(&mut self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.peers.len())
            .filter(|&index| self.peers.get(index).is_some_and(Slot::usable))
            .collect();
        order.sort_by_key(|&index| {
            self.peers
                .get(index)
                .is_none_or(|slot| slot.role != PeerRole::Primary)
        });
        order
    }

    fn demote(
        &mut self,
        index: usize,
        code: &'static str,
        detail: String,
        events: &mut dyn FnMut(&ProgressEvent),
    ) {
        if let Some(slot) = self.peers.get_mut(index) {
            slot.state = PeerState::Demoted { code, detail };
            events(&ProgressEvent::PeerDemoted {
                peer: slot.peer.id().to_owned(),
                code,
            });
        }
    }

    fn set_state(&mut self, index: usize, state: PeerState) {
        if let Some(slot) = self.peers.get_mut(index) {
            slot.state = state;
        }
    }

    /// Acts on a peer's failed answer: transport errors make it
    /// unreachable, a missing block below the tip it claims is withholding,
    /// above it lagging, anything else demotes it.
    fn peer_failed(
        &mut self,
        index: usize,
        error: &PeerError,
        claimed_tip: Option<u64>,
        events: &mut dyn FnMut(&ProgressEvent),
    ) {
        if error.is_transport() {
            self.set_state(
                index,
                PeerState::Unreachable {
                    code: error.code(),
                    detail: error.to_string(),
                },
            );
            return;
        }
        if let PeerError::HeightUnavailable { height } = error {
            match claimed_tip {
                Some(tip) if *height <= tip => {
                    let reason = Misbehaviour::HeadersWithheld {
                        height: *height,
                        claimed_tip: tip,
                    };
                    self.demote(index, reason.code(), reason.to_string(), events);
                }
                Some(tip) => self.lagging(index, tip),
                None => self.lagging(index, height.saturating_sub(1)),
            }
            return;
        }
        self.demote(index, error.code(), error.to_string(), events);
    }

    /// Asks peer `index` for its status: `None` (and the peer marked
    /// unreachable or demoted) when it does not answer, answers badly or
    /// serves another chain.
    fn checked_status(
        &mut self,
        index: usize,
        events: &mut dyn FnMut(&ProgressEvent),
    ) -> Option<crate::peer::PeerStatus> {
        let status = match self.peer(index).status() {
            Ok(status) => status,
            Err(error) => {
                self.peer_failed(index, &error, None, events);
                return None;
            }
        };
        if status.chain_id != self.config.chain_id {
            let reason = Misbehaviour::WrongChain {
                expected: self.config.chain_id.clone(),
                got: status.chain_id,
            };
            self.demote(index, reason.code(), reason.to_string(), events);
            return None;
        }
        Some(status)
    }

    /// Marks a peer as behind; a lagging primary hands over to the next
    /// usable peer (it stays usable as a witness).
    fn lagging(&mut self, index: usize, height: u64) {
        self.set_state(index, PeerState::Lagging { height });
        let is_primary = self
            .peers
            .get(index)
            .is_some_and(|slot| slot.role == PeerRole::Primary);
        if is_primary
            && let Some(next) = (0..self.peers.len())
                .map(|offset| (index + 1 + offset) % self.peers.len())
                .find(|&other| {
                    other != index
                        && self
                            .peers
                            .get(other)
                            .is_some_and(|slot| slot.state == PeerState::Active)
                })
        {
            self.promote(next, &mut |_| {});
        }
    }

    fn now_ms(&self) -> u64 {
        self.clock.now_ms()
    }

    fn check_not_expired(&self, trusted: &TrustedState) -> Result<(), ClientError> {
        verifier::is_within_trust_period(
            trusted.light_block().header.time_ms,
            self.config.options.trusting_period_ms(),
            self.now_ms(),
        )
        .map_err(|error| expired(trusted.height(), error))
    }

    fn peer(&self, index: usize) -> &dyn Peer {
        // Indices come from iterating `self.peers`; it never shrinks.
        self.peers
            .get(index)
            .map_or(&NO_PEER as &dyn Peer, |slot| slot.peer.as_ref())
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

/// The peer used if an index were ever out of range: answers nothing.
struct NoPeer;

static NO_PEER: NoPeer = NoPeer;

impl Peer for NoPeer {
    fn id(&self) -> &str {
        "none"
    }

    fn status(&self) -> Result<crate::peer::PeerStatus, PeerError> {
        Err(no_peer_error())
    }

    fn light_block(&self, _height: u64) -> Result<LightBlock, PeerError> {
        Err(no_peer_error())
    }

    fn latest_light_block(&self) -> Result<LightBlock, PeerError> {
        Err(no_peer_error())
    }

    fn state(
        &self,
        _key: &Hash32,
        _height: u64,
    ) -> Result<crate::proof::UntrustedState, PeerError> {
        Err(no_peer_error())
    }

    fn account(
        &self,
        _address: &jifen_protocol::Address,
        _height: u64,
    ) -> Result<crate::proof::UntrustedState, PeerError> {
        Err(no_peer_error())
    }

    fn tx_proof(&self, _id: &Hash32) -> Result<Option<crate::proof::UntrustedTxProof>, PeerError> {
        Err(no_peer_error())
    }

    fn submit_tx(&self, _tx: &jifen_protocol::Transaction) -> Result<Hash32, PeerError> {
        Err(no_peer_error())
    }

    fn tx_status(&self, _id: &Hash32) -> Result<crate::peer::TxStatusAnswer, PeerError> {
        Err(no_peer_error())
    }
}

fn no_peer_error() -> PeerError {
    PeerError::Unreachable {
        peer: "none".to_owned(),
        message: "no such peer".to_owned(),
    }
}
