//! Use case: **send POINT and prove it arrived**.
//!
//! Three steps, because a person confirms between the first two and because
//! in the app they run in different places (keys on the wallet thread, the
//! chain session on its worker):
//!
//! 1. [`prepare`]: parse what the person typed, read the sender's proven
//!    balance and nonce, check amount, fee and balance, and build the
//!    transfer and the [`SendReview`] to confirm, with its `review_id`;
//! 2. [`PreparedSend::sign`] with the unlocked keys: exactly the reviewed
//!    transfer (a front end that keeps the review between the two steps
//!    keeps the [`PreparedSend`] and signs it by its review id:
//!    [`crate::OpenWallet::keep_send`], [`crate::OpenWallet::sign_kept_send`]);
//!    a watch-only wallet makes a sign request instead ([`crate::cold`]);
//! 3. [`broadcast_and_prove`]: refuse a nonce used since the review, hand it
//!    to a node, wait until its inclusion and result are proven against a
//!    verified header, and prove the new balance.

use std::time::Duration;

use jifen_protocol::{
    Address, ChainId, Network, Transaction, Transfer, TxPayload, UnsignedTransaction,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::action::review_id;
use crate::balance::BalanceView;
use crate::chain::session::check_result;
use crate::chain::{
    ChainError, ChainReader, ChainSession, MIN_FEE, TransferPlan, check_transfer, parse_points,
};
use crate::error::WalletError;
use crate::jobs::CancelToken;
use crate::store::UnlockedWallet;
use crate::views::{AmountView, ProvenAt};
use crate::wallets::WalletFacts;

/// The node's reason for a transaction it has already (`docs/rpc.md#errors`).
const ALREADY_KNOWN: &str = "tx-already-known";

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
    /// Names exactly this transfer: confirming signs it and nothing else.
    pub review_id: String,
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
    network: Network,
}

impl PreparedSend {
    /// What the person confirms.
    #[must_use]
    pub fn review(&self) -> &SendReview {
        &self.review
    }

    /// The review id the person confirms.
    #[must_use]
    pub fn review_id(&self) -> &str {
        &self.review.review_id
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
        crate::action::sign_unsigned(keys, self.network, self.from_index, &self.plan.unsigned)
    }
}

/// The parsed request: recipient, amount, fee (base units).
fn parse(facts: &WalletFacts, request: &SendRequest) -> Result<(Address, u128, u128), ChainError> {
    let to = Address::decode(request.to.trim(), facts.network).map_err(WalletError::from)?;
    let amount = parse_points(&request.amount)?;
    let fee = match request.fee.as_deref().map(str::trim) {
        Some(text) if !text.is_empty() => parse_points(text)?,
        _ => MIN_FEE,
    };
    Ok((to, amount, fee))
}

fn review_of(network: Network, plan: &TransferPlan) -> SendReview {
    let (to, amount) = match &plan.unsigned.payload {
        TxPayload::Transfer(t) => (t.to, t.amount),
        // `prepare` only builds transfers.
        _ => (plan.unsigned.sender, 0),
    };
    let total = plan.total();
    SendReview {
        review_id: review_id(&plan.unsigned),
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
    }
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
    facts: &WalletFacts,
    request: &SendRequest,
) -> Result<PreparedSend, ChainError> {
    if facts.network != reader.network() {
        return Err(ChainError::WrongNetwork {
            wallet: facts.network,
            session: reader.network(),
        });
    }
    let (to, amount, fee) = parse(facts, request)?;
    let sender = facts.public_key(request.from_index)?;
    let plan = reader.plan_transfer(sender, to, amount, fee)?;
    Ok(PreparedSend {
        review: review_of(facts.network, &plan),
        plan,
        from_index: request.from_index,
        network: facts.network,
    })
}

/// Step 1 with no network: the nonce is the one the person gives, the
/// balance is not checked (the cold device's review says so). Every other
/// check of [`prepare`] applies.
///
/// # Errors
/// As [`prepare`], without the chain's.
pub fn prepare_offline(
    facts: &WalletFacts,
    request: &SendRequest,
    chain_id: ChainId,
    nonce: u64,
) -> Result<PreparedSend, ChainError> {
    let (to, amount, fee) = parse(facts, request)?;
    check_transfer(amount, fee)?;
    let sender = facts.public_key(request.from_index)?;
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
        review: review_of(facts.network, &plan),
        plan,
        from_index: request.from_index,
        network: facts.network,
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

/// Step 3: refuses a transaction whose nonce another one used since it was
/// prepared, hands it to a node, waits (at most `timeout`) until its
/// inclusion and successful result are proven, then proves `watch`'s
/// balance (the sender's, or the faucet's receiver's).
///
/// # Errors
/// `chain-nonce-used`, `chain-tx-rejected` with the node's reason,
/// `chain-inclusion-timeout` and `chain-wait-cancelled` (it was sent: both
/// carry its id), `chain-tx-failed` (included, but its payload failed: the
/// fee was paid), light-client errors.
pub fn broadcast_and_prove(
    session: &mut ChainSession,
    tx: &Transaction,
    watch: &Address,
    timeout: Duration,
    on_event: &mut dyn FnMut(SendProgress),
    cancel: &CancelToken,
) -> Result<SendReceipt, ChainError> {
    let reader = session.reader();
    let sender = tx.unsigned.sender;
    let nonce = tx.unsigned.nonce;
    let next = reader.next_nonce(&sender)?.value;
    if nonce < next {
        return Err(ChainError::NonceUsed { nonce, next });
    }
    if cancel.is_cancelled() {
        return Err(ChainError::Cancelled);
    }
    let id = match reader.broadcast(tx) {
        Ok(id) => id,
        // A node that has it already (sent before a cancel or a restart):
        // wait for its inclusion as for a fresh one.
        Err(ChainError::Rejected { reason, .. }) if reason == ALREADY_KNOWN => tx.id(),
        Err(error) => return Err(error),
    };
    reader.submitted(sender, nonce);
    let result = prove_sent(session, &id, watch, timeout, on_event, cancel);
    reader.settled(&sender, nonce);
    result
}

fn prove_sent(
    session: &mut ChainSession,
    id: &jifen_protocol::Hash32,
    watch: &Address,
    timeout: Duration,
    on_event: &mut dyn FnMut(SendProgress),
    cancel: &CancelToken,
) -> Result<SendReceipt, ChainError> {
    let reader = session.reader();
    for stage in [SendStage::Submitted, SendStage::Waiting] {
        on_event(SendProgress {
            stage,
            tx_id: id.to_string(),
            height: None,
        });
    }
    let inclusion = match session.wait_inclusion(id, timeout, cancel) {
        Ok(inclusion) => inclusion,
        Err(ChainError::Cancelled) => return Err(ChainError::WaitCancelled { id: *id }),
        Err(error) => return Err(error),
    };
    check_result(id, &inclusion)?;
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
