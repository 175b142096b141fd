//! [`ChainSession`]: the verifying light client of one network, as the
//! wallet uses it: sync, proven inclusion of transactions, audit bundles.
//! Reads at the trusted header (balances, nonces, plans) and broadcasting go
//! through its [`ChainReader`], which also works on another thread while the
//! session syncs.
//!
//! The light store lives at `<data dir>/chain/<network>/light.redb` and is
//! shared by every wallet of that network (redb locks it: one process at a
//! time, a second is refused with `lc-store-locked`); fork evidence goes to
//! `<data dir>/chain/<network>/evidence/`.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use jifen_light_client::subchain::{ProvenSubchainValue, SubchainAudit};
use jifen_light_client::{
    AuditBundle, ClientConfig, LightClient, Pin, ProgressEvent, Proven, RedbStore, StoreAudit,
    SyncSummary, SystemClock, TrustRoot, TxInclusion,
};
use jifen_light_client::{SubchainAuditRun, SubchainProgress};
use jifen_protocol::subchain::{SubchainId, SubchainRecord};
use jifen_protocol::{Account, Address, Hash32, Network, TxPayload, UnsignedTransaction};

use jifen_p2p::GossipBlock;

use super::error::ChainError;
use super::peers::SessionPeers;
use super::reader::ChainReader;
use super::settings::ChainSettings;
use super::{create_chain_dir, file_error, prepare_store_file, write_file_atomically};
use crate::jobs::CancelToken;

/// File name of the light store in the network's chain folder.
pub const LIGHT_STORE_FILE: &str = "light.redb";

/// Folder name of fork evidence in the network's chain folder.
pub const EVIDENCE_DIR: &str = "evidence";

/// How often [`ChainSession::wait_inclusion`] asks again.
pub const INCLUSION_POLL: Duration = Duration::from_millis(500);

/// A transfer ready to sign, with the proven facts it was built from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferPlan {
    /// What will be signed.
    pub unsigned: UnsignedTransaction,
    /// The sender's account, proven at the trusted header (the nonce and
    /// the balance the plan was checked against); `None` for a plan made
    /// offline with a nonce the person gave.
    pub sender: Option<Proven<Account>>,
}

impl TransferPlan {
    /// Amount plus fee, in base units.
    #[must_use]
    pub fn total(&self) -> u128 {
        match &self.unsigned.payload {
            TxPayload::Transfer(t) => t.amount.saturating_add(self.unsigned.fee),
            _ => self.unsigned.fee,
        }
    }
}

/// The light client of one network (see the module docs).
pub struct ChainSession {
    settings: Arc<ChainSettings>,
    dir: PathBuf,
    client: LightClient<RedbStore>,
    reader: ChainReader,
    /// The libp2p network of the P2P peers, if any.
    network: Option<Arc<jifen_p2p::Network>>,
    /// Blocks gossiped since the session opened (P2P peers only).
    announcements: Option<std::sync::mpsc::Receiver<GossipBlock>>,
}

impl std::fmt::Debug for ChainSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChainSession")
            .field("network", &self.settings.network())
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

impl ChainSession {
    /// Opens the session of `settings.network()` under `data_dir`: opens the
    /// light store and re-verifies what it holds from the root of trust (the
    /// settings' checkpoint, else genesis on first use). Over RPC no network
    /// request is made until the first sync or read; with a P2P endpoint the
    /// session starts its libp2p network and runs discovery here, bounded
    /// by `peers::DISCOVERY_TIMEOUT` (the light client's peers are fixed
    /// when it opens).
    ///
    /// The chain folder and the evidence folder are made 0700 and the light
    /// store 0600 before redb opens it.
    ///
    /// # Errors
    /// [`ChainError::NoEndpoints`], `files-*` (the folders, a light store
    /// that is not a regular file), light-client errors (`lc-store-*`, e.g.
    /// a tampered store).
    pub fn open(data_dir: &Path, settings: &ChainSettings) -> Result<Self, ChainError> {
        let endpoints = settings.require_endpoints()?;
        let dir = create_chain_dir(data_dir, settings.network())?;
        // The light client writes evidence files into this folder itself.
        jifen_files::create_private_dir_all(dir.join(EVIDENCE_DIR)).map_err(file_error)?;
        let store_path = dir.join(LIGHT_STORE_FILE);
        prepare_store_file(&store_path)?;
        let store = RedbStore::open(&store_path)?;
        let trust_root = settings
            .checkpoint()
            .map_or(TrustRoot::Genesis, TrustRoot::Checkpoint);
        let mut config = ClientConfig::new(settings.chain_id().clone(), trust_root);
        config.evidence_dir = Some(dir.join(EVIDENCE_DIR));
        let SessionPeers {
            peers,
            meta,
            network,
        } = super::peers::connect(settings, endpoints)?;
        let mut peers = peers.into_iter();
        let primary = peers.next().ok_or(ChainError::NoEndpoints {
            network: settings.network(),
        })?;
        let client = LightClient::open(
            store,
            config,
            primary,
            peers.collect(),
            Box::new(SystemClock),
        )?;
        let settings = Arc::new(settings.clone());
        let reader = ChainReader::new(client.reader(), Arc::clone(&settings), dir.clone())
            .with_peers(Arc::new(meta));
        Ok(Self {
            settings,
            dir,
            client,
            reader,
            announcements: network
                .as_ref()
                .and_then(|network| network.subscribe_blocks().ok()),
            network,
        })
    }

    /// Blocks gossiped by the P2P peers since the session opened, not yet
    /// taken (untrusted: a sync verifies what they announce); `None`
    /// without a P2P peer.
    #[must_use]
    pub fn announcements(&self) -> Option<&std::sync::mpsc::Receiver<GossipBlock>> {
        self.announcements.as_ref()
    }

    /// Whether any peer is reached over P2P.
    #[must_use]
    pub fn has_p2p(&self) -> bool {
        self.network.is_some()
    }

    /// The network.
    #[must_use]
    pub fn network(&self) -> Network {
        self.settings.network()
    }

    /// The settings the session was opened with.
    #[must_use]
    pub fn settings(&self) -> &ChainSettings {
        &self.settings
    }

    /// The network's chain folder.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Brings the trusted header to the primary's tip, cross-checked with
    /// the witnesses; `on_event` sees every step, `cancel` stops it at the
    /// next one (keeping only what was fully checked).
    ///
    /// # Errors
    /// Light-client errors (`lc-*`); [`ChainError::Cancelled`].
    pub fn sync(
        &mut self,
        on_event: &mut dyn FnMut(&ProgressEvent),
        cancel: &CancelToken,
    ) -> Result<SyncSummary, ChainError> {
        match self.client.sync(on_event, cancel.flag()) {
            Ok(summary) => Ok(summary),
            Err(jifen_light_client::ClientError::Cancelled) => Err(ChainError::Cancelled),
            Err(error) => Err(error.into()),
        }
    }

    /// The light store this session verified into (for offline checks of
    /// bundles and evidence while the session is open).
    #[must_use]
    pub fn light_store(&self) -> &RedbStore {
        self.client.store()
    }

    /// Proven reads at the trusted header and broadcasting; the reader
    /// works on any thread, also while this session syncs.
    #[must_use]
    pub fn reader(&self) -> ChainReader {
        self.reader.clone()
    }

    /// Waits until transaction `id` is proven included (its inclusion and
    /// result proofs checked against the verified header at its height),
    /// asking every [`INCLUSION_POLL`], at most `timeout`.
    ///
    /// # Errors
    /// [`ChainError::InclusionTimeout`], [`ChainError::Cancelled`],
    /// light-client errors.
    pub fn wait_inclusion(
        &mut self,
        id: &Hash32,
        timeout: Duration,
        cancel: &CancelToken,
    ) -> Result<Proven<TxInclusion>, ChainError> {
        let started = Instant::now();
        loop {
            if cancel.is_cancelled() {
                return Err(ChainError::Cancelled);
            }
            if let Some(proven) = self.client.tx_inclusion(id)? {
                return Ok(proven);
            }
            let waited = started.elapsed();
            if waited >= timeout {
                return Err(ChainError::InclusionTimeout {
                    id: *id,
                    waited_ms: u64::try_from(waited.as_millis()).unwrap_or(u64::MAX),
                });
            }
            // Sleep in small steps so that a cancel is seen quickly.
            let until = Instant::now() + INCLUSION_POLL.min(timeout - waited);
            while Instant::now() < until {
                if cancel.is_cancelled() {
                    return Err(ChainError::Cancelled);
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    }

    /// A receipt bundle for transaction `id` (root of trust, the verified
    /// path to the block holding it, the headers linking down to its block
    /// and its inclusion and result proofs), written crash-safely to `path`.
    ///
    /// # Errors
    /// Light-client errors (`lc-client-tx-not-proven`: not in a verified
    /// block yet), [`ChainError::FileIo`].
    pub fn export_tx_bundle(
        &mut self,
        id: &Hash32,
        path: &Path,
    ) -> Result<AuditBundle, ChainError> {
        let bundle = self.client.tx_bundle(id)?;
        write_file_atomically(path, bundle.to_json().as_bytes())?;
        self.pin_bundle(path, &bundle)?;
        Ok(bundle)
    }

    /// Transaction `id`'s inclusion and result, proven against the verified
    /// header at its height (`None`: no peer has it in a block the client
    /// could verify yet).
    ///
    /// # Errors
    /// Light-client errors.
    pub fn tx_inclusion(&mut self, id: &Hash32) -> Result<Option<Proven<TxInclusion>>, ChainError> {
        Ok(self.client.tx_inclusion(id)?)
    }

    /// `address`'s history after `start`, proven complete and in order at
    /// the trusted header.
    ///
    /// # Errors
    /// Light-client errors (`history-*` for a peer whose pages do not
    /// fold to the proven account: it is demoted and the next asked).
    pub fn history_since(
        &mut self,
        address: &Address,
        start: jifen_protocol::history::HistoryCheckpoint,
    ) -> Result<jifen_light_client::ProvenHistory, ChainError> {
        Ok(self.client.history_since(address, start)?)
    }

    /// An audit bundle for `address`'s account (root of trust, the verified
    /// path, the account's state proof), written crash-safely to `path`.
    ///
    /// # Errors
    /// Light-client errors, [`ChainError::FileIo`].
    pub fn export_bundle(
        &mut self,
        address: &Address,
        path: &Path,
    ) -> Result<AuditBundle, ChainError> {
        let bundle = self.client.account_bundle(address)?;
        write_file_atomically(path, bundle.to_json().as_bytes())?;
        self.pin_bundle(path, &bundle)?;
        Ok(bundle)
    }

    /// Pins an exported bundle's blocks in the light store under its file
    /// name, so pruning keeps them provable from this store (at most
    /// [`jifen_light_client::client::MAX_BUNDLE_PINS`], the oldest released
    /// first: the file itself is self-contained).
    fn pin_bundle(&mut self, path: &Path, bundle: &AuditBundle) -> Result<(), ChainError> {
        let id = path.file_name().map_or_else(
            || path.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        );
        Ok(self.client.pin_bundle(&id, bundle)?)
    }

    /// Re-verifies everything in the light store from the root of trust
    /// (one commit check per stored block); `None` for an empty store.
    ///
    /// # Errors
    /// Store errors (`lc-store-*`).
    pub fn verify_store(&self) -> Result<Option<StoreAudit>, ChainError> {
        Ok(self.client.verify_store()?)
    }

    /// Releases the light store's pin `id` (fork evidence or an exported
    /// bundle).
    ///
    /// # Errors
    /// `lc-store-unknown-pin`, store errors.
    pub fn unpin(&mut self, id: &str) -> Result<Pin, ChainError> {
        Ok(self.client.unpin(id)?)
    }

    /// Subchain `id`'s record proven at the trusted header (`None`: not
    /// registered).
    ///
    /// # Errors
    /// Light-client errors.
    pub fn subchain_record(
        &mut self,
        id: SubchainId,
    ) -> Result<Option<Proven<SubchainRecord>>, ChainError> {
        Ok(self.client.subchain_record(id)?)
    }

    /// Audits subchain `id` to the trusted header, resuming `resume`
    /// (`docs/adr/0019-subchains-and-their-audit.md`).
    ///
    /// # Errors
    /// Light-client errors; [`ChainError::Cancelled`].
    pub fn audit_subchain(
        &mut self,
        id: SubchainId,
        resume: Option<SubchainAudit>,
        progress: &mut dyn FnMut(SubchainProgress),
        cancel: &CancelToken,
    ) -> Result<SubchainAuditRun, ChainError> {
        match self
            .client
            .audit_subchain(id, resume, progress, cancel.flag())
        {
            Ok(run) => Ok(run),
            Err(jifen_light_client::ClientError::Cancelled) => Err(ChainError::Cancelled),
            Err(error) => Err(error.into()),
        }
    }

    /// The value under `key` in an audited subchain's state, proven against
    /// the audited header at `height` (`None`: the audited tip).
    ///
    /// # Errors
    /// Light-client errors (`lc-client-subchain-not-audited`).
    pub fn subchain_value(
        &mut self,
        audit: &SubchainAudit,
        key: &str,
        height: Option<u64>,
    ) -> Result<ProvenSubchainValue, ChainError> {
        Ok(self.client.subchain_value(audit, key, height)?)
    }

    /// An audit bundle of the trusted header (no final proof) and a proven
    /// state answer for each of `keys` at it.
    ///
    /// # Errors
    /// Light-client errors.
    pub fn states_bundle(
        &mut self,
        keys: &[Hash32],
    ) -> Result<(AuditBundle, Vec<jifen_light_client::proof::StateAnswer>), ChainError> {
        Ok(self.client.states_bundle(keys)?)
    }

    /// Every record of `item` on an audited subchain, proven against the
    /// audited header at its tip.
    ///
    /// # Errors
    /// Light-client errors.
    pub fn provenance_records(
        &mut self,
        audit: &SubchainAudit,
        item: &jifen_protocol::provenance::ItemId,
    ) -> Result<jifen_light_client::provenance::ProvenRecords, ChainError> {
        Ok(self.client.provenance_records(audit, item)?)
    }
}

/// [`ChainError::TxFailed`] unless the proven result code is 0 (success).
///
/// # Errors
/// [`ChainError::TxFailed`].
pub fn check_result(id: &Hash32, inclusion: &Proven<TxInclusion>) -> Result<(), ChainError> {
    if inclusion.value.result_code == 0 {
        Ok(())
    } else {
        Err(ChainError::TxFailed {
            id: *id,
            height: inclusion.height,
            result_code: inclusion.value.result_code,
        })
    }
}
