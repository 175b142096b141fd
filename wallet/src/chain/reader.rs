//! [`ChainReader`]: proven reads that run beside a sync. A reader shares the
//! light client's peers and trusted header (`jifen_light_client::LightReader`)
//! and proves every answer against the header the client last verified and
//! stored; it never syncs, so it answers at once while a sync runs on
//! another thread (`docs/adr/0009-wallet-use-cases.md`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use jifen_light_client::client::ClientStatus;
use jifen_light_client::{ClientError, LightReader, PeerError, Proven};
use jifen_protocol::{
    Account, Address, Hash32, Network, PublicKey, Transaction, Transfer, TxPayload,
    UnsignedTransaction,
};

use super::error::ChainError;
use super::peers::PeerMeta;
use super::settings::ChainSettings;
use super::{TransferPlan, check_fee};

/// Proven reads of one network; cheap to clone, usable from any thread.
#[derive(Clone)]
pub struct ChainReader {
    reader: LightReader,
    settings: Arc<ChainSettings>,
    dir: PathBuf,
    /// Per sender, the highest nonce handed to a node whose inclusion is
    /// not proven yet: a transfer planned meanwhile takes the next one.
    in_flight: Arc<Mutex<HashMap<Address, u64>>>,
    /// Transport and K-bucket of each peer (what the light client does not
    /// know).
    peers: Arc<Vec<PeerMeta>>,
}

impl std::fmt::Debug for ChainReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChainReader")
            .field("network", &self.settings.network())
            .finish_non_exhaustive()
    }
}

impl ChainReader {
    pub(super) fn new(reader: LightReader, settings: Arc<ChainSettings>, dir: PathBuf) -> Self {
        Self {
            reader,
            settings,
            dir,
            in_flight: Arc::new(Mutex::new(HashMap::new())),
            peers: Arc::new(Vec::new()),
        }
    }

    pub(super) fn with_peers(mut self, peers: Arc<Vec<PeerMeta>>) -> Self {
        self.peers = peers;
        self
    }

    /// Transport, K-bucket and origin of the session's peers, by id.
    #[must_use]
    pub fn peer_meta(&self, id: &str) -> Option<&PeerMeta> {
        self.peers.iter().find(|meta| meta.id == id)
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

    /// The network's chain folder (light store, evidence).
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// What the light client knows now: trusted header, peers, cross-check,
    /// evidence. No network request.
    #[must_use]
    pub fn status(&self) -> ClientStatus {
        self.reader.status()
    }

    /// Past this age the verified head is reported as too old (balances may
    /// be out of date).
    #[must_use]
    pub fn tip_age_warning(&self) -> std::time::Duration {
        self.reader.tip_age_warning()
    }

    /// `address`'s account (balance and next nonce), proven at the trusted
    /// header (an account that never received anything is proven absent:
    /// zero).
    ///
    /// # Errors
    /// `lc-no-trusted-state` before the first sync; light-client errors
    /// (every peer that answered with a bad proof is demoted).
    pub fn account(&self, address: &Address) -> Result<Proven<Account>, ChainError> {
        Ok(self.reader.account(address)?)
    }

    /// The value under a state key, proven at the trusted header (`None`:
    /// proven absent).
    ///
    /// # Errors
    /// As [`ChainReader::account`].
    pub fn state(&self, key: &Hash32) -> Result<Proven<Option<Vec<u8>>>, ChainError> {
        Ok(self.reader.state(key)?)
    }

    /// Subchain `id`'s record, proven at the verified head (`None`: proven
    /// not registered).
    ///
    /// # Errors
    /// As [`ChainReader::state`]; `lc-client-subchain-record`.
    pub fn subchain_record(
        &self,
        id: jifen_protocol::subchain::SubchainId,
    ) -> Result<Option<Proven<jifen_protocol::subchain::SubchainRecord>>, ChainError> {
        Ok(self.reader.subchain_record(id)?)
    }

    /// The chain id transactions are signed for.
    #[must_use]
    pub fn chain_id(&self) -> &jifen_protocol::ChainId {
        self.settings.chain_id()
    }

    /// The nonce `address`'s next transaction must carry, proven.
    ///
    /// # Errors
    /// As [`ChainReader::account`].
    pub fn next_nonce(&self, address: &Address) -> Result<Proven<u64>, ChainError> {
        let account = self.account(address)?;
        Ok(Proven {
            value: account.value.nonce,
            height: account.height,
            header_hash: account.header_hash,
        })
    }

    /// The nonce a new transaction of `sender` takes: the proven next one, or
    /// past a transaction of this session still waiting for its inclusion.
    fn usable_nonce(&self, sender: &Address, proven: u64) -> u64 {
        self.in_flight
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(sender)
            .map_or(proven, |&sent| proven.max(sent.saturating_add(1)))
    }

    /// Records that `sender`'s transaction with `nonce` was handed to a node.
    pub(crate) fn submitted(&self, sender: Address, nonce: u64) {
        let mut in_flight = self
            .in_flight
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let entry = in_flight.entry(sender).or_insert(nonce);
        *entry = (*entry).max(nonce);
    }

    /// Forgets the transaction with `nonce` once its fate is known (proven
    /// included, failed, or no longer waited for).
    pub(crate) fn settled(&self, sender: &Address, nonce: u64) {
        let mut in_flight = self
            .in_flight
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if in_flight.get(sender) == Some(&nonce) {
            in_flight.remove(sender);
        }
    }

    /// A transfer of `amount` base units from `sender` to `to` with `fee`,
    /// checked against the sender's proven account: the nonce is the proven
    /// one (or the next after a transfer of this session still waiting for
    /// its inclusion) and the proven balance covers amount plus fee.
    ///
    /// # Errors
    /// [`ChainError::AmountZero`], [`ChainError::FeeTooLow`],
    /// [`ChainError::AmountOverflow`], [`ChainError::InsufficientBalance`],
    /// light-client errors.
    pub fn plan_transfer(
        &self,
        sender: PublicKey,
        to: Address,
        amount: u128,
        fee: u128,
    ) -> Result<TransferPlan, ChainError> {
        check_transfer(amount, fee)?;
        self.plan_payload(
            sender,
            TxPayload::Transfer(Transfer { to, amount }),
            fee,
            amount,
        )
    }

    /// A transaction of any kind from `sender` with `fee`, checked against
    /// the sender's proven account: the proven POINT balance covers the fee
    /// plus `point_spent` (POINT the payload takes from the sender), and
    /// the nonce is taken as for [`ChainReader::plan_transfer`].
    ///
    /// # Errors
    /// [`ChainError::FeeTooLow`], [`ChainError::AmountOverflow`],
    /// [`ChainError::InsufficientBalance`], light-client errors.
    pub fn plan_payload(
        &self,
        sender: PublicKey,
        payload: TxPayload,
        fee: u128,
        point_spent: u128,
    ) -> Result<TransferPlan, ChainError> {
        check_fee(fee)?;
        let needed = point_spent
            .checked_add(fee)
            .ok_or(ChainError::AmountOverflow)?;
        let account = self.account(&sender.address())?;
        if account.value.balance < needed {
            return Err(ChainError::InsufficientBalance {
                balance: account.value.balance,
                needed,
                height: account.height,
            });
        }
        let nonce = self.usable_nonce(&sender.address(), account.value.nonce);
        let unsigned = UnsignedTransaction::new(
            self.settings.chain_id().clone(),
            sender,
            nonce,
            fee,
            payload,
        );
        Ok(TransferPlan {
            unsigned,
            sender: Some(account),
        })
    }

    /// Hands a signed transaction to the primary (or the next peer).
    ///
    /// # Errors
    /// [`ChainError::Rejected`] with the node's reason, light-client errors.
    pub fn broadcast(&self, tx: &Transaction) -> Result<Hash32, ChainError> {
        match self.reader.submit(tx) {
            Ok(id) => Ok(id),
            Err(ClientError::TxRejected(PeerError::TxRejected { name, message, .. })) => {
                Err(ChainError::Rejected {
                    reason: name,
                    message,
                })
            }
            Err(e) => Err(e.into()),
        }
    }
}

impl ChainReader {
    /// Hands a signed provenance record to the node producing its subchain.
    ///
    /// # Errors
    /// [`ChainError::Rejected`] with the node's reason, light-client errors.
    pub fn submit_record(
        &self,
        subchain: jifen_protocol::subchain::SubchainId,
        record: &jifen_protocol::provenance::ProvenanceRecord,
    ) -> Result<(), ChainError> {
        match self.reader.submit_record(subchain, record) {
            Ok(()) => Ok(()),
            Err(ClientError::TxRejected(PeerError::TxRejected { name, message, .. })) => {
                Err(ChainError::Rejected {
                    reason: name,
                    message,
                })
            }
            Err(e) => Err(e.into()),
        }
    }
}

/// The checks of a transfer that need no chain: a non-zero amount, at least
/// the minimum fee, amount plus fee within `u128`. Returns amount plus fee.
///
/// # Errors
/// [`ChainError::AmountZero`], [`ChainError::FeeTooLow`],
/// [`ChainError::AmountOverflow`].
pub fn check_transfer(amount: u128, fee: u128) -> Result<u128, ChainError> {
    if amount == 0 {
        return Err(ChainError::AmountZero);
    }
    check_fee(fee)?;
    amount.checked_add(fee).ok_or(ChainError::AmountOverflow)
}
