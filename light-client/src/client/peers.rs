//! The peer table the client and its readers share: every peer with its
//! role and state. The list of peers never changes after `open`; roles and
//! states sit behind one mutex that is held only to read or update the table,
//! never across a request to a peer, and never while an event callback runs.
//!
//! Demotion is final for the session: once a peer is demoted (by the client's
//! sync or by a reader's proof check), nothing sets it back to another state,
//! so a reader that catches a liar takes it out of the client's sync too, and
//! a sync that finishes with a peer a reader demoted does not revive it.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use super::{Misbehaviour, PeerReport, PeerRole, PeerState};
use crate::light_block::LightBlock;
use crate::peer::{Peer, PeerError, PeerStatus, TxStatusAnswer};
use crate::progress::ProgressEvent;
use crate::proof::{UntrustedState, UntrustedTxProof};
use jifen_protocol::history::HistoryEntry;
use jifen_protocol::{Address, Hash32, Transaction};

/// How long an unreachable peer is left alone after its first failure; each
/// further failure in a row doubles it, up to [`UNREACHABLE_MAX`]. A node
/// that times out (20 s at the default) then costs a periodic sync that
/// long only now and then, not every time.
const UNREACHABLE_FIRST: Duration = Duration::from_secs(15);
/// The longest an unreachable peer is left alone.
const UNREACHABLE_MAX: Duration = Duration::from_secs(300);

#[derive(Debug, Clone)]
struct Slot {
    role: PeerRole,
    state: PeerState,
    /// Transport failures in a row (reset by any other state).
    failures: u32,
    /// When an unreachable peer may be asked again.
    retry_at: Option<Instant>,
}

impl Slot {
    fn usable(&self) -> bool {
        matches!(self.state, PeerState::Active | PeerState::Lagging { .. })
    }
}

/// The peers and what the client thinks of each.
pub(super) struct PeerTable {
    peers: Vec<Arc<dyn Peer>>,
    slots: Mutex<Vec<Slot>>,
}

impl PeerTable {
    /// The primary first, then the witnesses, all active.
    pub(super) fn new(primary: Arc<dyn Peer>, witnesses: Vec<Arc<dyn Peer>>) -> Self {
        let mut peers = vec![primary];
        peers.extend(witnesses);
        let slots = (0..peers.len())
            .map(|index| Slot {
                role: if index == 0 {
                    PeerRole::Primary
                } else {
                    PeerRole::Witness
                },
                state: PeerState::Active,
                failures: 0,
                retry_at: None,
            })
            .collect();
        Self {
            peers,
            slots: Mutex::new(slots),
        }
    }

    /// A poisoned lock still holds a consistent table: every update is a
    /// single assignment (nothing panics half-way through one).
    fn slots(&self) -> MutexGuard<'_, Vec<Slot>> {
        self.slots.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// How many peers there are.
    pub(super) fn len(&self) -> usize {
        self.peers.len()
    }

    /// Peer `index` (indices come from this table; an index out of range
    /// gets a peer that answers nothing).
    pub(super) fn peer(&self, index: usize) -> Arc<dyn Peer> {
        self.peers
            .get(index)
            .map_or_else(|| Arc::new(NoPeer) as Arc<dyn Peer>, Arc::clone)
    }

    /// Every peer with its role and state.
    pub(super) fn reports(&self) -> Vec<PeerReport> {
        let slots = self.slots();
        self.peers
            .iter()
            .zip(slots.iter())
            .map(|(peer, slot)| PeerReport {
                id: peer.id().to_owned(),
                role: slot.role,
                state: slot.state.clone(),
            })
            .collect()
    }

    pub(super) fn is_primary(&self, index: usize) -> bool {
        self.slots()
            .get(index)
            .is_some_and(|slot| slot.role == PeerRole::Primary)
    }

    pub(super) fn is_usable(&self, index: usize) -> bool {
        self.slots().get(index).is_some_and(Slot::usable)
    }

    pub(super) fn usable_count(&self) -> usize {
        self.slots().iter().filter(|slot| slot.usable()).count()
    }

    fn id(&self, index: usize) -> String {
        self.peers
            .get(index)
            .map_or_else(String::new, |peer| peer.id().to_owned())
    }

    /// The primary's index, promoting the first usable witness if the
    /// primary is gone.
    pub(super) fn primary(&self, events: &mut dyn FnMut(&ProgressEvent)) -> Option<usize> {
        let promoted = {
            let mut slots = self.slots();
            if let Some(index) = slots
                .iter()
                .position(|slot| slot.role == PeerRole::Primary && slot.usable())
            {
                return Some(index);
            }
            let next = slots.iter().position(Slot::usable)?;
            set_primary(&mut slots, next);
            next
        };
        events(&ProgressEvent::PrimaryChanged {
            peer: self.id(promoted),
        });
        Some(promoted)
    }

    /// Makes peer `index` the primary.
    pub(super) fn promote(&self, index: usize, events: &mut dyn FnMut(&ProgressEvent)) {
        set_primary(&mut self.slots(), index);
        if index < self.peers.len() {
            events(&ProgressEvent::PrimaryChanged {
                peer: self.id(index),
            });
        }
    }

    /// Usable peers to ask for a read, primary first.
    pub(super) fn read_order(&self) -> Vec<usize> {
        let slots = self.slots();
        let mut order: Vec<usize> = (0..slots.len())
            .filter(|&index| slots.get(index).is_some_and(Slot::usable))
            .collect();
        order.sort_by_key(|&index| {
            slots
                .get(index)
                .is_none_or(|slot| slot.role != PeerRole::Primary)
        });
        order
    }

    /// Takes peer `index` out of use for the session with a reason (the
    /// first reason stays if it was already demoted).
    pub(super) fn demote(
        &self,
        index: usize,
        code: &'static str,
        detail: String,
        events: &mut dyn FnMut(&ProgressEvent),
    ) {
        let demoted = {
            let mut slots = self.slots();
            match slots.get_mut(index) {
                Some(slot) if !matches!(slot.state, PeerState::Demoted { .. }) => {
                    slot.state = PeerState::Demoted { code, detail };
                    true
                }
                _ => false,
            }
        };
        if demoted {
            events(&ProgressEvent::PeerDemoted {
                peer: self.id(index),
                code,
            });
        }
    }

    /// Sets a peer's state, unless it was demoted (demotion is final).
    /// Unreachable starts (or lengthens) the peer's backoff; any other
    /// state ends it.
    pub(super) fn set_state(&self, index: usize, state: PeerState) {
        if let Some(slot) = self.slots().get_mut(index)
            && !matches!(slot.state, PeerState::Demoted { .. })
        {
            if matches!(state, PeerState::Unreachable { .. }) {
                slot.failures = slot.failures.saturating_add(1);
                let factor = 1u32
                    .checked_shl(slot.failures.saturating_sub(1))
                    .unwrap_or(u32::MAX);
                let wait = UNREACHABLE_FIRST
                    .checked_mul(factor)
                    .unwrap_or(UNREACHABLE_MAX)
                    .min(UNREACHABLE_MAX);
                slot.retry_at = Instant::now().checked_add(wait);
            } else {
                slot.failures = 0;
                slot.retry_at = None;
            }
            slot.state = state;
        }
    }

    /// Gives unreachable peers another chance (at the start of a sync, and
    /// between tries for the root): those whose backoff is over, or all of
    /// them when no other peer is usable (nothing is lost by asking).
    pub(super) fn retry_unreachable(&self) {
        let now = Instant::now();
        let mut slots = self.slots();
        let revive = |slot: &mut Slot, force: bool| {
            if matches!(slot.state, PeerState::Unreachable { .. })
                && (force || slot.retry_at.is_none_or(|at| at <= now))
            {
                slot.state = PeerState::Active;
            }
        };
        for slot in slots.iter_mut() {
            revive(slot, false);
        }
        if !slots.iter().any(Slot::usable) {
            for slot in slots.iter_mut() {
                revive(slot, true);
            }
        }
    }

    /// Marks a peer as behind; a lagging primary hands over to the next
    /// active peer (it stays usable as a witness).
    pub(super) fn lagging(&self, index: usize, height: u64) {
        let mut slots = self.slots();
        let Some(slot) = slots.get_mut(index) else {
            return;
        };
        if matches!(slot.state, PeerState::Demoted { .. }) {
            return;
        }
        slot.state = PeerState::Lagging { height };
        if slot.role != PeerRole::Primary {
            return;
        }
        let count = slots.len();
        if let Some(next) = (0..count)
            .map(|offset| (index + 1 + offset) % count)
            .find(|&other| {
                other != index
                    && slots
                        .get(other)
                        .is_some_and(|slot| slot.state == PeerState::Active)
            })
        {
            set_primary(&mut slots, next);
        }
    }

    /// Acts on a peer's failed answer: transport errors make it
    /// unreachable, a missing block below the tip it claims is withholding,
    /// above it lagging, anything else demotes it.
    pub(super) fn peer_failed(
        &self,
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
}

fn set_primary(slots: &mut [Slot], index: usize) {
    for (position, slot) in slots.iter_mut().enumerate() {
        slot.role = if position == index {
            PeerRole::Primary
        } else {
            PeerRole::Witness
        };
    }
}

/// The peer used if an index were ever out of range: answers nothing.
struct NoPeer;

fn no_peer_error() -> PeerError {
    PeerError::Unreachable {
        peer: "none".to_owned(),
        message: "no such peer".to_owned(),
    }
}

impl Peer for NoPeer {
    fn id(&self) -> &str {
        "none"
    }

    fn status(&self) -> Result<PeerStatus, PeerError> {
        Err(no_peer_error())
    }

    fn light_block(&self, _height: u64) -> Result<LightBlock, PeerError> {
        Err(no_peer_error())
    }

    fn latest_light_block(&self) -> Result<LightBlock, PeerError> {
        Err(no_peer_error())
    }

    fn state(&self, _key: &Hash32, _height: u64) -> Result<UntrustedState, PeerError> {
        Err(no_peer_error())
    }

    fn account(&self, _address: &Address, _height: u64) -> Result<UntrustedState, PeerError> {
        Err(no_peer_error())
    }

    fn tx_proof(&self, _id: &Hash32) -> Result<Option<UntrustedTxProof>, PeerError> {
        Err(no_peer_error())
    }

    fn submit_tx(&self, _tx: &Transaction) -> Result<Hash32, PeerError> {
        Err(no_peer_error())
    }

    fn tx_status(&self, _id: &Hash32) -> Result<TxStatusAnswer, PeerError> {
        Err(no_peer_error())
    }

    fn history(
        &self,
        _address: &Address,
        _from: u64,
        _limit: u64,
    ) -> Result<Vec<HistoryEntry>, PeerError> {
        Err(no_peer_error())
    }
}
