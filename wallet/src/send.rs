//! Use case: **send POINT and prove it arrived**.
//!
//! Three steps, because a person confirms between the first two and because
//! in the app they run in different places (keys on the wallet thread, the
//! chain session on its worker):
//!
//! 1. [`prepare`]: parse what the person typed, read the sender's proven
//!    balance and nonce, check amount, fee and balance, and build the
//!    transfer and the [`SendReview`] to confirm;
//! 2. [`PreparedSend::sign`] with the unlocked keys (a watch-only wallet
//!    makes a sign request instead: [`crate::cold`]);
//! 3. [`broadcast_and_prove`]: hand it to a node, wait until its inclusion
//!    and result are proven against a verified header, and prove the new
//!    balance.

use std::time::Duration;

use jifen_crypto::hd::Chain;
use jifen_crypto::signer::Signer;
use jifen_protocol::{Address, ChainId, Transaction, Transfer, TxPayload, UnsignedTransaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::balance::BalanceView;
use crate::chain::session::check_result;
use crate::chain::{
    ChainError, ChainReader, ChainSession, MIN_FEE, TransferPlan, check_transfer, parse_points,
};
use crate::error::WalletError;
use crate::jobs::CancelToken;
use crate::store::{UnlockedWallet, WalletHandle};
use crate::views::{AmountView, ProvenAt};

/// How long a send waits for its proven inclusion by default.
pub const INCLUSION_TIMEOUT: Duration = Duration::from_secs(60);

/// What the person asks to send, as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SendRequest {
    /// The recipient's address.
    pub to: String,
    /// The amount in POINT (`2.5`; full-width digits accepted).
    pub amount: String,
    /// The fee in POINT; the network's minimum when absent.
    pub fee: Option<String>,
    /// The receive address index that sends (0 for the first).
    #[serde(default)]
    pub from_index: u32,
}

/// What the person confirms before a send.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SendReview {
    /// Sender.
    pub from: String,
    /// Recipient.
    pub to: String,
    /// Amount.
    pub amount: AmountView,
    /// Fee.
    pub fee: AmountView,
    /// Amount plus fee.
    pub total: AmountView,
    /// The sender's proven balance (none for a request made offline).
    pub balance: Option<AmountView>,
    /// The balance afterwards.
    pub remaining: Option<AmountView>,
    /// The transaction's nonce.
    pub nonce: u64,
    /// The chain it is signed for.
    pub chain_id: String,
    /// Where the balance and nonce were proven (none offline).
    pub proven: Option<ProvenAt>,
}

/// A checked transfer, ready to sign.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreparedSend {
    plan: TransferPlan,
    review: SendReview,
    from_index: u32,
}

impl PreparedSend {
    /// What the person confirms.
    #[must_use]
    pub fn review(&self) -> &SendReview {
        &self.review
    }

    /// The transfer to sign.
    #[must_use]
    pub fn unsigned(&self) -> &UnsignedTransaction {
        &self.plan.unsigned
    }

    /// The sending address's index on the receive chain.
    #[must_use]
    pub fn from_index(&self) -> u32 {
        self.from_index
    }

    /// The sender's address.
    #[must_use]
    pub fn sender(&self) -> Address {
        self.plan.unsigned.sender
    }

    /// Signs with the wallet's key of the sending address.
    ///
    /// # Errors
    /// [`ChainError::KeyMismatch`] when that key is not the transfer's
    /// sender (another wallet's keys), [`ChainError::WrongNetwork`],
    /// signing errors.
    pub fn sign(&self, keys: &UnlockedWallet) -> Result<Transaction, ChainError> {
        let key = keys.signing_key(self.from_index)?;
        if key.public_key() != self.plan.unsigned.sender_public_key {
            return Err(ChainError::KeyMismatch {
                index: self.from_index,
            });
        }
        let signature = key
            .sign_digest(&self.plan.unsigned.signing_digest())
            .map_err(WalletError::from)?;
        Ok(self.plan.unsigned.clone().with_signature(signature))
    }
}

/// The parsed request: recipient, amount, fee (base units).
fn parse(handle: &WalletHandle, request: &SendRequest) -> Result<(Address, u128, u128), ChainError> {
    let network = handle.network()?;
    let to = Address::decode(request.to.trim(), network).map_err(WalletError::from)?;
    let amount = parse_points(&request.amount)?;
    let fee = match request.fee.as_deref().map(str::trim) {
        Some(text) if !text.is_empty() => parse_points(text)?,
        _ => MIN_FEE,
    };
    Ok((to, amount, fee))
}

fn review_of(handle: &WalletHandle, plan: &TransferPlan) -> Result<SendReview, ChainError> {
    let network = handle.network()?;
    let (to, amount) = match &plan.unsigned.payload {
        TxPayload::Transfer(t) => (t.to, t.amount),
        // `prepare` only builds transfers.
        _ => (plan.unsigned.sender, 0),
    };
    let total = plan.total();
    Ok(SendReview {
        from: plan.unsigned.sender.encode(network),
        to: to.encode(network),
        amount: AmountView::points(amount),
        fee: AmountView::points(plan.unsigned.fee),
        total: AmountView::points(total),
        balance: plan
            .sender
            .as_ref()
            .map(|a| AmountView::points(a.value.balance)),
        remaining: plan
            .sender
            .as_ref()
            .map(|a| AmountView::points(a.value.balance.saturating_sub(total))),
        nonce: plan.unsigned.nonce,
        chain_id: plan.unsigned.chain_id.as_str().to_owned(),
        proven: plan.sender.as_ref().map(ProvenAt::of),
    })
}

/// Step 1: the transfer the person asked for, checked against the sender's
/// proven balance and nonce, with what to confirm. Works for keyed and
/// watch-only wallets (the latter then make a sign request).
///
/// # Errors
/// `address-*` for a bad recipient, `chain-amount-*`, `chain-fee-too-low`,
/// `chain-insufficient-balance`, light-client errors (`lc-no-trusted-state`
/// before the first sync), [`ChainError::WrongNetwork`] when the wallet is
/// for another network than the reader.
pub fn prepare(
    reader: &ChainReader,
    handle: &WalletHandle,
    request: &SendRequest,
) -> Result<PreparedSend, ChainError> {
    let network = handle.network()?;
    if network != reader.network() {
        return Err(ChainError::WrongNetwork {
            wallet: network,
            session: reader.network(),
        });
    }
    let (to, amount, fee) = parse(handle, request)?;
    let sender = handle
        .account()?
        .public_key(Chain::Receive, request.from_index)?;
    let plan = reader.plan_transfer(sender, to, amount, fee)?;
    Ok(PreparedSend {
        review: review_of(handle, &plan)?,
        plan,
        from_index: request.from_index,
    })
}

/// Step 1 with no network: the nonce is the one the person gives, the
/// balance is not checked (the cold device's review says so). Every other
/// check of [`prepare`] applies.
///
/// # Errors
/// As [`prepare`], without the chain's.
pub fn prepare_offline(
    handle: &WalletHandle,
    request: &SendRequest,
    chain_id: ChainId,
    nonce: u64,
) -> Result<PreparedSend, ChainError> {
    let (to, amount, fee) = parse(handle, request)?;
    check_transfer(amount, fee)?;
    let sender = handle
        .account()?
        .public_key(Chain::Receive, request.from_index)?;
    let plan = TransferPlan {
        unsigned: UnsignedTransaction::new(
            chain_id,
            sender,
            nonce,
            fee,
            TxPayload::Transfer(Transfer { to, amount }),
        ),
        sender: None,
    };
    Ok(PreparedSend {
        review: review_of(handle, &plan)?,
        plan,
        from_index: request.from_index,
    })
}

/// Where a send stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum SendStage {
    /// A node accepted it.
    Submitted,
    /// Waiting for a block that includes it, and its proof.
    Waiting,
    /// Included, proven against a verified header.
    Included,
}

/// Progress of a send.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SendProgress {
    /// The stage reached.
    pub stage: SendStage,
    /// The transaction id.
    pub tx_id: String,
    /// The block height, once included.
    pub height: Option<u64>,
}

/// A send proven included.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SendReceipt {
    /// The transaction id.
    pub tx_id: String,
    /// The block it is in.
    pub height: u64,
    /// Its position in the block.
    pub index: u64,
    /// Its proven result code (0: success; a failed one is an error).
    pub result_code: u16,
    /// The verified header the inclusion was proven against.
    pub proven: ProvenAt,
    /// The watched address's balance afterwards, proven.
    pub balance_after: BalanceView,
}

/// Step 3: hands `tx` to a node, waits (at most `timeout`) until its
/// inclusion and successful result are proven, then proves `watch`'s
/// balance (the sender's, or the faucet's receiver's).
///
/// # Errors
/// `chain-tx-rejected` with the node's reason, `chain-inclusion-timeout`,
/// `chain-cancelled`, `chain-tx-failed` (included, but its payload failed:
/// the fee was paid), light-client errors.
pub fn broadcast_and_prove(
    session: &mut ChainSession,
    tx: &Transaction,
    watch: &Address,
    timeout: Duration,
    on_event: &mut dyn FnMut(SendProgress),
    cancel: &CancelToken,
) -> Result<SendReceipt, ChainError> {
    let reader = session.reader();
    let id = reader.broadcast(tx)?;
    on_event(SendProgress {
        stage: SendStage::Submitted,
        tx_id: id.to_string(),
        height: None,
    });
    on_event(SendProgress {
        stage: SendStage::Waiting,
        tx_id: id.to_string(),
        height: None,
    });
    let inclusion = session.wait_inclusion(&id, timeout, cancel)?;
    check_result(&id, &inclusion)?;
    on_event(SendProgress {
        stage: SendStage::Included,
        tx_id: id.to_string(),
        height: Some(inclusion.height),
    });
    let account = reader.account(watch)?;
    Ok(SendReceipt {
        tx_id: id.to_string(),
        height: inclusion.height,
        index: inclusion.value.index,
        result_code: inclusion.value.result_code,
        proven: ProvenAt::of(&inclusion),
        balance_after: BalanceView::of(watch, reader.network(), &account),
    })
}
