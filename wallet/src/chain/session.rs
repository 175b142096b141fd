//! [`ChainSession`]: the verifying light client of one network, as the
//! wallet uses it: sync, proven balances and nonces, transfers built, signed,
//! broadcast and proven included, audit bundles.
//!
//! The light store lives at `<data dir>/chain/<network>/light.redb` and is
//! shared by every wallet of that network (redb locks it: one process at a
//! time); fork evidence goes to `<data dir>/chain/<network>/evidence/`.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use jifen_crypto::signer::Signer;
use jifen_light_client::client::ClientStatus;
use jifen_light_client::{
    AuditBundle, ClientConfig, ClientError, LightClient, Peer, PeerError, ProgressEvent, Proven,
    RedbStore, RpcOptions, RpcPeer, SyncSummary, SystemClock, TrustRoot, TxInclusion,
};
use jifen_protocol::{
    Account, Address, Hash32, Network, PublicKey, Transaction, Transfer, TxPayload,
    UnsignedTransaction,
};

use super::error::ChainError;
use super::settings::ChainSettings;
use super::{check_fee, write_file_atomically};
use crate::store::UnlockedWallet;

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
    /// the balance the plan was checked against).
    pub sender: Proven<Account>,
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

/// A transaction proven included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    /// The transaction id.
    pub id: Hash32,
    /// Its inclusion, proven against the verified header at its height.
    pub inclusion: Proven<TxInclusion>,
}

/// The light client of one network (see the module docs).
pub struct ChainSession {
    settings: ChainSettings,
    dir: PathBuf,
    client: LightClient<RedbStore>,
}

impl std::fmt::Debug for ChainSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChainSession")
            .field("network", &self.settings.network())
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

fn peer(endpoint: &str) -> Result<Box<dyn Peer>, ChainError> {
    let peer = RpcPeer::connect(endpoint, RpcOptions::default())?;
    Ok(Box::new(peer))
}

impl ChainSession {
    /// Opens the session of `settings.network()` under `data_dir`: opens the
    /// light store and re-verifies what it holds from the root of trust (the
    /// settings' checkpoint, else genesis on first use). No network request
    /// is made until the first sync or read.
    ///
    /// # Errors
    /// [`ChainError::NoEndpoints`], [`ChainError::SettingsIo`] (the folder),
    /// light-client errors (`lc-store-*`, e.g. a tampered store).
    pub fn open(data_dir: &Path, settings: &ChainSettings) -> Result<Self, ChainError> {
        let endpoints = settings.require_endpoints()?;
        let dir = ChainSettings::dir(data_dir, settings.network());
        std::fs::create_dir_all(&dir).map_err(|source| ChainError::SettingsIo {
            path: dir.clone(),
            source,
        })?;
        let store = RedbStore::open(&dir.join(LIGHT_STORE_FILE))?;
        let trust_root = settings
            .checkpoint()
            .map_or(TrustRoot::Genesis, TrustRoot::Checkpoint);
        let mut config = ClientConfig::new(settings.chain_id().clone(), trust_root);
        config.evidence_dir = Some(dir.join(EVIDENCE_DIR));
        let mut peers = Vec::with_capacity(endpoints.len());
        for endpoint in endpoints {
            peers.push(peer(endpoint.as_str())?);
        }
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
        Ok(Self {
            settings: settings.clone(),
            dir,
            client,
        })
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
        cancel: &AtomicBool,
    ) -> Result<SyncSummary, ChainError> {
        Ok(self.client.sync(on_event, cancel)?)
    }

    /// What the client knows: trusted header, peers, cross-check, evidence.
    #[must_use]
    pub fn status(&self) -> ClientStatus {
        self.client.status()
    }

    /// `address`'s balance and nonce, proven at the trusted header (an
    /// account that never received anything is proven absent: zero).
    ///
    /// # Errors
    /// Light-client errors.
    pub fn balance(&mut self, address: &Address) -> Result<Proven<Account>, ChainError> {
        Ok(self.client.account(address)?)
    }

    /// The nonce `address`'s next transaction must carry, proven.
    ///
    /// # Errors
    /// As [`ChainSession::balance`].
    pub fn next_nonce(&mut self, address: &Address) -> Result<Proven<u64>, ChainError> {
        let account = self.balance(address)?;
        Ok(Proven {
            value: account.value.nonce,
            height: account.height,
            header_hash: account.header_hash,
        })
    }

    /// Builds a transfer of `amount` base units from `sender` to `to` with
    /// `fee`, after a proven read of the sender's account: the nonce is the
    /// proven one and the proven balance must cover amount plus fee.
    ///
    /// # Errors
    /// [`ChainError::AmountZero`], [`ChainError::FeeTooLow`],
    /// [`ChainError::AmountOverflow`], [`ChainError::InsufficientBalance`],
    /// light-client errors.
    pub fn build_transfer(
        &mut self,
        sender: PublicKey,
        to: Address,
        amount: u128,
        fee: u128,
    ) -> Result<TransferPlan, ChainError> {
        if amount == 0 {
            return Err(ChainError::AmountZero);
        }
        check_fee(fee)?;
        let needed = amount.checked_add(fee).ok_or(ChainError::AmountOverflow)?;
        let account = self.balance(&sender.address())?;
        if account.value.balance < needed {
            return Err(ChainError::InsufficientBalance {
                balance: account.value.balance,
                needed,
                height: account.height,
            });
        }
        let unsigned = UnsignedTransaction::new(
            self.settings.chain_id().clone(),
            sender,
            account.value.nonce,
            fee,
            TxPayload::Transfer(Transfer { to, amount }),
        );
        Ok(TransferPlan {
            unsigned,
            sender: account,
        })
    }

    /// Signs a plan with the key of receive address `index` of `wallet`.
    ///
    /// # Errors
    /// [`ChainError::WrongNetwork`], [`ChainError::KeyMismatch`] when that
    /// key is not the plan's sender, wallet signing errors.
    pub fn sign(
        &self,
        plan: &TransferPlan,
        wallet: &UnlockedWallet,
        index: u32,
    ) -> Result<Transaction, ChainError> {
        if wallet.network() != self.network() {
            return Err(ChainError::WrongNetwork {
                wallet: wallet.network(),
                session: self.network(),
            });
        }
        let key = wallet.signing_key(index)?;
        if key.public_key() != plan.unsigned.sender_public_key {
            return Err(ChainError::KeyMismatch { index });
        }
        let signature = key
            .sign_digest(&plan.unsigned.signing_digest())
            .map_err(crate::error::WalletError::from)?;
        Ok(plan.unsigned.clone().with_signature(signature))
    }

    /// Hands a signed transaction to the primary (or the next peer).
    ///
    /// # Errors
    /// [`ChainError::Rejected`] with the node's reason, light-client errors.
    pub fn broadcast(&mut self, tx: &Transaction) -> Result<Hash32, ChainError> {
        match self.client.submit(tx) {
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
        cancel: &AtomicBool,
    ) -> Result<Proven<TxInclusion>, ChainError> {
        let started = Instant::now();
        loop {
            if cancel.load(Ordering::Relaxed) {
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
                if cancel.load(Ordering::Relaxed) {
                    return Err(ChainError::Cancelled);
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    }

    /// Builds, signs, broadcasts and waits for the proven inclusion of a
    /// transfer from receive address `index` of `wallet`.
    ///
    /// # Errors
    /// As [`ChainSession::build_transfer`], [`ChainSession::sign`],
    /// [`ChainSession::broadcast`], [`ChainSession::wait_inclusion`], and
    /// [`ChainError::TxFailed`] when it was included but its payload failed.
    #[allow(clippy::too_many_arguments)]
    pub fn send_transfer(
        &mut self,
        wallet: &UnlockedWallet,
        index: u32,
        to: Address,
        amount: u128,
        fee: u128,
        timeout: Duration,
        cancel: &AtomicBool,
    ) -> Result<Sent, ChainError> {
        let sender = wallet.signing_key(index)?.public_key();
        let plan = self.build_transfer(sender, to, amount, fee)?;
        let tx = self.sign(&plan, wallet, index)?;
        let id = self.broadcast(&tx)?;
        let inclusion = self.wait_inclusion(&id, timeout, cancel)?;
        check_result(&id, &inclusion)?;
        Ok(Sent { id, inclusion })
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
        Ok(bundle)
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
