//! [`ChainReader`]: proven reads that run beside a sync. A reader shares the
//! light client's peers and trusted header (`jifen_light_client::LightReader`)
//! and proves every answer against the header the client last verified and
//! stored; it never syncs, so it answers at once while a sync runs on
//! another thread (`docs/adr/0009-wallet-use-cases.md`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use jifen_light_client::client::ClientStatus;
use jifen_light_client::{ClientError, LightReader, PeerError, Proven};
use jifen_protocol::{
    Account, Address, Hash32, Network, PublicKey, Transaction, Transfer, TxPayload,
    UnsignedTransaction,
};

use super::error::ChainError;
use super::settings::ChainSettings;
use super::{TransferPlan, check_fee};

/// Proven reads of one network; cheap to clone, usable from any thread.
#[derive(Clone)]
pub struct ChainReader {
    reader: LightReader,
    settings: Arc<ChainSettings>,
    dir: PathBuf,
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
        }
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

    /// A transfer of `amount` base units from `sender` to `to` with `fee`,
    /// checked against the sender's proven account: the nonce is the proven
    /// one and the proven balance covers amount plus fee.
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
        let needed = check_transfer(amount, fee)?;
        let account = self.account(&sender.address())?;
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
