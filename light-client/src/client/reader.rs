//! What the client shares with its readers, and [`LightReader`]: proven
//! reads at the trusted header from any thread, while a sync runs.
//!
//! Sharing model (`docs/adr/0008-verifier-crate-and-wire-types.md`): the
//! client and every reader hold one `Arc<Shared>`. It holds the
//! configuration (immutable), the peer table (see `peers.rs`: the peers
//! themselves are immutable `Arc<dyn Peer>`, roles and states behind a
//! mutex) and a view behind a second mutex: the trusted header, the root of
//! trust, the last cross-check and the evidence files. Both mutexes are held
//! only to copy or assign a few values, never across a request to a peer or
//! a callback, so a reader is never blocked by a sync that waits on the
//! network, and a sync is never blocked by a reader.
//!
//! Why a read beside a sync is safe: the client publishes a header to the
//! view only after it was verified, cross-checked with the witnesses and
//! written to the store; the blocks a sync verifies are staged in memory
//! until then and are never visible here. A reader copies the published
//! header, asks peers without any lock, and checks the answer against that
//! copy; if the client moves on meanwhile, the value is still proven at the
//! (older) height it reports.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use jifen_protocol::subchain::keys::subchain_key;
use jifen_protocol::subchain::{SubchainId, SubchainRecord};
use jifen_protocol::{Account, Address, Decode, Hash32, Header, Transaction};

use super::peers::PeerTable;
use super::{
    ClientConfig, ClientError, ClientStatus, CrossCheckReport, TrustRootStatus, TrustedHead,
};
use crate::peer::{Peer, PeerError};
use crate::progress::ProgressEvent;
use crate::proof::{self, ProofError, Proven, UntrustedState};
use crate::trust::Clock;

/// What the client publishes for readers.
#[derive(Debug, Default)]
struct View {
    /// The trusted header: verified, cross-checked and stored.
    trusted: Option<Header>,
    root: Option<TrustRootStatus>,
    last_cross_check: Option<CrossCheckReport>,
    evidence: Vec<PathBuf>,
}

/// The state the client and its readers share.
pub(super) struct Shared {
    pub(super) config: ClientConfig,
    pub(super) peers: PeerTable,
    /// The client's clock (immutable; readers use it for the tip's age).
    pub(super) clock: Box<dyn Clock + Send + Sync>,
    view: Mutex<View>,
}

impl Shared {
    pub(super) fn new(
        config: ClientConfig,
        peers: PeerTable,
        clock: Box<dyn Clock + Send + Sync>,
    ) -> Self {
        Self {
            config,
            peers,
            clock,
            view: Mutex::new(View::default()),
        }
    }

    /// A poisoned lock still holds a consistent view: every update is a
    /// single assignment.
    fn view(&self) -> MutexGuard<'_, View> {
        self.view.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Publishes the header the client now trusts (call only after it was
    /// verified, cross-checked and stored).
    pub(super) fn publish_trusted(&self, header: Option<&Header>) {
        self.view().trusted = header.cloned();
    }

    pub(super) fn set_root(&self, root: Option<TrustRootStatus>) {
        self.view().root = root;
    }

    pub(super) fn set_cross_check(&self, report: CrossCheckReport) {
        self.view().last_cross_check = Some(report);
    }

    pub(super) fn add_evidence(&self, path: PathBuf) {
        self.view().evidence.push(path);
    }

    /// The root of trust's height, once established.
    pub(super) fn root_height(&self) -> Option<u64> {
        self.view().root.map(|root| root.checkpoint.height)
    }

    /// The trusted header, if any.
    pub(super) fn trusted_header(&self) -> Option<Header> {
        self.view().trusted.clone()
    }

    /// What the client knows now.
    pub(super) fn status(&self) -> ClientStatus {
        let (trusted, root, last_cross_check, evidence) = {
            let view = self.view();
            (
                view.trusted.clone(),
                view.root,
                view.last_cross_check,
                view.evidence.clone(),
            )
        };
        let tip_age_ms = trusted
            .as_ref()
            .map(|header| self.clock.now_ms().saturating_sub(header.time_ms));
        let warning_ms = u64::try_from(self.config.tip_age_warning.as_millis()).unwrap_or(u64::MAX);
        let tip_witnesses = match (&trusted, last_cross_check) {
            (Some(header), Some(check)) if check.height == header.height => Some(check.agreed),
            _ => None,
        };
        ClientStatus {
            trusted: trusted.as_ref().map(|header| TrustedHead {
                height: header.height,
                hash: header.hash(),
                time_ms: header.time_ms,
            }),
            root,
            peers: self.peers.reports(),
            last_cross_check,
            evidence,
            trust_expires_at_ms: trusted.as_ref().map(|header| {
                header
                    .time_ms
                    .saturating_add(self.config.options.trusting_period_ms())
            }),
            tip_age_ms,
            tip_too_old: tip_age_ms.is_some_and(|age| age > warning_ms),
            tip_witnesses,
        }
    }

    /// No usable peer is left; each peer's state says why.
    pub(super) fn no_peer(&self) -> ClientError {
        ClientError::NoPeer {
            peers: self.peers.reports(),
        }
    }
}

/// A handle for proven reads at the client's trusted header, from any
/// thread, while the client syncs (get one with
/// [`super::LightClient::reader`]; clone it freely).
///
/// It shares the client's peers (a liar it finds is demoted for the client
/// too, and the other way round), its trusted header (moved on by the
/// client when a sync has verified, cross-checked and stored a new tip),
/// the root of trust, the last cross-check and the evidence files. A reader
/// never syncs: with nothing trusted yet its reads return
/// [`ClientError::NoTrustedState`]. Reads below or above the trusted height
/// (`tx_inclusion`, audit bundles) stay on the client.
#[derive(Clone)]
pub struct LightReader {
    pub(super) shared: Arc<Shared>,
}

impl std::fmt::Debug for LightReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LightReader")
            .field("status", &self.status())
            .finish_non_exhaustive()
    }
}

impl LightReader {
    pub(super) fn new(shared: Arc<Shared>) -> Self {
        Self { shared }
    }

    /// What the client knows now (the same as [`super::LightClient::status`]).
    #[must_use]
    pub fn status(&self) -> ClientStatus {
        self.shared.status()
    }

    /// The age past which the trusted header is reported as too old
    /// ([`super::ClientConfig::tip_age_warning`]); a front end compares the
    /// growing age with it between two statuses.
    #[must_use]
    pub fn tip_age_warning(&self) -> std::time::Duration {
        self.shared.config.tip_age_warning
    }

    pub(super) fn trusted_header(&self) -> Result<Header, ClientError> {
        self.shared
            .trusted_header()
            .ok_or(ClientError::NoTrustedState)
    }

    /// Asks usable peers in turn (primary first) until one's answer proves;
    /// a peer whose answer does not prove is demoted.
    fn ask_proven<A, T>(
        &self,
        ask: impl Fn(&dyn Peer) -> Result<A, PeerError>,
        check: impl Fn(&A) -> Result<T, ProofError>,
    ) -> Result<(A, T), ClientError> {
        let peers = &self.shared.peers;
        let mut events = |_: &ProgressEvent| {};
        for index in peers.read_order() {
            match ask(peers.peer(index).as_ref()) {
                Ok(answer) => match check(&answer) {
                    Ok(value) => return Ok((answer, value)),
                    Err(error) => {
                        peers.demote(index, error.code(), error.to_string(), &mut events);
                    }
                },
                Err(error) => peers.peer_failed(index, &error, None, &mut events),
            }
        }
        Err(self.shared.no_peer())
    }

    /// The trusted header and a peer's proven answer for each of `keys` at
    /// it (the answers, for a bundle, and the values).
    pub(super) fn state_answers(
        &self,
        keys: &[Hash32],
    ) -> Result<(Header, Vec<proof::StateAnswer>), ClientError> {
        let header = self.trusted_header()?;
        let height = header.height;
        let mut answers = Vec::with_capacity(keys.len());
        for key in keys {
            answers.push(self.ask_proven(
                |peer| peer.state(key, height),
                |answer| proof::verify_state(&header, key, answer),
            )?);
        }
        Ok((header, answers))
    }

    /// The trusted header, a peer's answer for `address` and the account it
    /// proves.
    pub(super) fn account_answer(
        &self,
        address: &Address,
    ) -> Result<(Header, UntrustedState, Account), ClientError> {
        let header = self.trusted_header()?;
        let height = header.height;
        let (answer, account) = self.ask_proven(
            |peer| peer.account(address, height),
            |answer| proof::verify_account(&header, address, answer),
        )?;
        Ok((header, answer, account))
    }

    /// `address`'s balance and nonce, proven at the trusted header (an
    /// account that never received anything is proven absent: zero).
    ///
    /// # Errors
    /// [`ClientError::NoTrustedState`] before the first sync;
    /// [`ClientError::NoPeer`] when no peer gives a valid proof (each liar
    /// is demoted with its `lc-proof-*` code).
    pub fn account(&self, address: &Address) -> Result<Proven<Account>, ClientError> {
        let (header, _, account) = self.account_answer(address)?;
        Ok(Proven {
            value: account,
            height: header.height,
            header_hash: header.hash(),
        })
    }

    /// The value under a state key, proven at the trusted header (`None`:
    /// proven absent).
    ///
    /// # Errors
    /// As [`LightReader::account`].
    pub fn state(&self, key: &Hash32) -> Result<Proven<Option<Vec<u8>>>, ClientError> {
        let header = self.trusted_header()?;
        let height = header.height;
        let (_, value) = self.ask_proven(
            |peer| peer.state(key, height),
            |answer| proof::verify_state(&header, key, answer),
        )?;
        Ok(Proven {
            value,
            height,
            header_hash: header.hash(),
        })
    }

    /// Subchain `id`'s record, proven at the trusted header (`None`: no
    /// such subchain).
    ///
    /// # Errors
    /// As [`LightReader::state`]; [`ClientError::SubchainRecord`] when the
    /// proven value does not decode (the chain itself is broken).
    pub fn subchain_record(
        &self,
        id: SubchainId,
    ) -> Result<Option<Proven<SubchainRecord>>, ClientError> {
        let proven = self.state(&subchain_key(id))?;
        let Some(bytes) = proven.value else {
            return Ok(None);
        };
        let record =
            SubchainRecord::decode(&bytes).map_err(|error| ClientError::SubchainRecord {
                subchain: id,
                detail: error.to_string(),
            })?;
        Ok(Some(Proven {
            value: record,
            height: proven.height,
            header_hash: proven.header_hash,
        }))
    }

    /// Hands a signed transaction to the primary (or the next peer if it
    /// fails). The id is the transaction's own; inclusion is proven later
    /// with the client's `tx_inclusion`.
    ///
    /// # Errors
    /// [`ClientError::TxRejected`] with the node's reason, or
    /// [`ClientError::NoPeer`].
    pub fn submit(&self, tx: &Transaction) -> Result<Hash32, ClientError> {
        let peers = &self.shared.peers;
        let mut events = |_: &ProgressEvent| {};
        for index in peers.read_order() {
            match peers.peer(index).submit_tx(tx) {
                Ok(id) => return Ok(id),
                Err(error @ PeerError::TxRejected { .. }) => {
                    return Err(ClientError::TxRejected(error));
                }
                Err(error) => peers.peer_failed(index, &error, None, &mut events),
            }
        }
        Err(self.shared.no_peer())
    }

    /// Hands a signed provenance record to the first peer that takes it
    /// (the node producing its subchain; others answer unsupported).
    ///
    /// # Errors
    /// [`ClientError::TxRejected`] with the node's reason (1302-1324),
    /// [`ClientError::NoPeer`] when no peer takes records.
    pub fn submit_record(
        &self,
        subchain: SubchainId,
        record: &jifen_protocol::provenance::ProvenanceRecord,
    ) -> Result<(), ClientError> {
        let peers = &self.shared.peers;
        let mut events = |_: &ProgressEvent| {};
        for index in peers.read_order() {
            match peers.peer(index).submit_record(subchain, record) {
                Ok(()) => return Ok(()),
                Err(error @ PeerError::TxRejected { .. }) => {
                    return Err(ClientError::TxRejected(error));
                }
                Err(error) => peers.peer_failed(index, &error, None, &mut events),
            }
        }
        Err(self.shared.no_peer())
    }
}
