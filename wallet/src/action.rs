//! A checked transaction of any points kind (swap, payment, withdrawal,
//! merchant administration) waiting for the person's confirmation:
//! [`PreparedAction`]. Like [`crate::send::PreparedSend`], it signs exactly
//! the reviewed transaction (named by its review id) and nothing else; a
//! quote with too little validity left is refused at confirmation.
//! Broadcasting and proving inclusion is [`crate::send::broadcast_and_prove`].

use jifen_crypto::signer::Signer;
use jifen_protocol::{Address, Network, Transaction, UnsignedTransaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::chain::{ChainError, ChainSession};
use crate::error::WalletError;
use crate::jobs::CancelToken;
use crate::merchant_admin::MerchantActionReview;
use crate::pay::PayReview;
use crate::pay::PaymentReceipt;
use crate::points::PointsFlowError;
use crate::send::{SendProgress, SendReceipt};
use crate::store::UnlockedWallet;
use crate::swap::SwapReceipt;
use crate::swap::SwapReview;
use crate::withdraw::WithdrawReview;

/// The least validity a quote must have left to be confirmed (5 s): less
/// and the swap could reach the chain after its deadline or with a stale
/// rate, so the person is offered a fresh quote instead.
pub const MIN_CONFIRM_MS: u64 = 5_000;

/// What the person confirms, by kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ActionReview {
    /// A swap between POINT and a merchant's points.
    Swap(Box<SwapReview>),
    /// A payment (POINT or points) to an address, from a payment request.
    Pay(Box<PayReview>),
    /// A withdrawal of POINT to fiat.
    Withdraw(Box<WithdrawReview>),
    /// A merchant's administration (rate, points issue, deposit).
    Merchant(Box<MerchantActionReview>),
    /// A retailer's sale of an item (provenance).
    Sale(Box<crate::provenance::sale::SaleReview>),
}

impl ActionReview {
    /// The review id (the first 16 hex digits of the signing digest).
    #[must_use]
    pub fn review_id(&self) -> &str {
        match self {
            Self::Swap(review) => &review.review_id,
            Self::Pay(review) => &review.review_id,
            Self::Withdraw(review) => &review.review_id,
            Self::Merchant(review) => &review.review_id,
            Self::Sale(review) => &review.review_id,
        }
    }
}

/// A checked transaction and its review, ready to sign.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreparedAction {
    pub(crate) unsigned: UnsignedTransaction,
    pub(crate) from_index: u32,
    pub(crate) network: Network,
    pub(crate) review: ActionReview,
    /// Unix ms after which it may no longer be confirmed (quotes only).
    pub(crate) expires_at_ms: Option<u64>,
}

impl PreparedAction {
    /// What the person confirms.
    #[must_use]
    pub fn review(&self) -> &ActionReview {
        &self.review
    }

    /// The review id.
    #[must_use]
    pub fn review_id(&self) -> &str {
        self.review.review_id()
    }

    /// The transaction to sign.
    #[must_use]
    pub fn unsigned(&self) -> &UnsignedTransaction {
        &self.unsigned
    }

    /// The sender's address.
    #[must_use]
    pub fn sender(&self) -> Address {
        self.unsigned.sender
    }

    /// The sending address's index on the receive chain.
    #[must_use]
    pub fn from_index(&self) -> u32 {
        self.from_index
    }

    /// Milliseconds of validity left at `now_ms` (none: no expiry).
    #[must_use]
    pub fn left_ms(&self, now_ms: u64) -> Option<u64> {
        self.expires_at_ms.map(|at| at.saturating_sub(now_ms))
    }

    /// Whether it may be confirmed at `now_ms`: a quote needs at least
    /// [`MIN_CONFIRM_MS`] left.
    ///
    /// # Errors
    /// [`PointsFlowError::QuoteExpiring`].
    pub fn check_confirmable(&self, now_ms: u64) -> Result<(), PointsFlowError> {
        match self.left_ms(now_ms) {
            Some(left_ms) if left_ms < MIN_CONFIRM_MS => Err(PointsFlowError::QuoteExpiring {
                left_ms,
                needed_ms: MIN_CONFIRM_MS,
            }),
            _ => Ok(()),
        }
    }

    /// Signs with the wallet's key of the sending address, if it may still
    /// be confirmed at `now_ms`.
    ///
    /// # Errors
    /// [`PointsFlowError::QuoteExpiring`], and as
    /// [`sign_unsigned`].
    pub fn sign(&self, keys: &UnlockedWallet, now_ms: u64) -> Result<Transaction, PointsFlowError> {
        self.check_confirmable(now_ms)?;
        Ok(sign_unsigned(
            keys,
            self.network,
            self.from_index,
            &self.unsigned,
        )?)
    }
}

/// A confirmed points transaction, proven done, by kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ActionReceipt {
    /// A swap: quoted against received, both balances afterwards.
    Swap(Box<SwapReceipt>),
    /// A payment of a payment request.
    Pay(Box<PaymentReceipt>),
    /// A withdrawal to fiat.
    Withdraw(Box<SendReceipt>),
    /// A merchant's administration.
    Merchant(Box<SendReceipt>),
    /// A retailer's sale of an item.
    Sale(Box<SendReceipt>),
}

/// Step 3 of every points flow: broadcasts `tx` (the signed `prepared`),
/// waits at most `timeout` for its proven inclusion and success, and proves
/// the receipt its kind calls for ([`crate::swap::prove_swap`],
/// [`crate::pay::prove_payment`], else [`crate::send::broadcast_and_prove`]
/// with the sender's balance afterwards).
///
/// # Errors
/// As those three.
pub fn prove_action(
    session: &mut ChainSession,
    prepared: &PreparedAction,
    tx: &Transaction,
    timeout: std::time::Duration,
    on_event: &mut dyn FnMut(SendProgress),
    cancel: &CancelToken,
) -> Result<ActionReceipt, PointsFlowError> {
    let sender = prepared.sender();
    Ok(match prepared.review() {
        ActionReview::Swap(review) => ActionReceipt::Swap(Box::new(crate::swap::prove_swap(
            session, tx, review, timeout, on_event, cancel,
        )?)),
        ActionReview::Pay(_) => ActionReceipt::Pay(Box::new(crate::pay::prove_payment(
            session, tx, timeout, on_event, cancel,
        )?)),
        ActionReview::Withdraw(_) => ActionReceipt::Withdraw(Box::new(
            crate::send::broadcast_and_prove(session, tx, &sender, timeout, on_event, cancel)?,
        )),
        ActionReview::Merchant(_) => ActionReceipt::Merchant(Box::new(
            crate::send::broadcast_and_prove(session, tx, &sender, timeout, on_event, cancel)?,
        )),
        ActionReview::Sale(_) => ActionReceipt::Sale(Box::new(crate::send::broadcast_and_prove(
            session, tx, &sender, timeout, on_event, cancel,
        )?)),
    })
}

/// The review id of a transaction: the first 16 hex digits of its signing
/// digest (what the signature covers).
#[must_use]
pub fn review_id(unsigned: &UnsignedTransaction) -> String {
    let digest = hex::encode(unsigned.signing_digest());
    digest.get(..16).unwrap_or(&digest).to_owned()
}

/// Signs `unsigned` with `keys`' key of receive address `from_index`.
///
/// # Errors
/// [`ChainError::WrongNetwork`], [`ChainError::KeyMismatch`] when that key
/// is not the sender (another wallet's keys), signing errors.
pub fn sign_unsigned(
    keys: &UnlockedWallet,
    network: Network,
    from_index: u32,
    unsigned: &UnsignedTransaction,
) -> Result<Transaction, ChainError> {
    if keys.network() != network {
        return Err(ChainError::WrongNetwork {
            wallet: keys.network(),
            session: network,
        });
    }
    let key = keys.signing_key(from_index)?;
    if key.public_key() != unsigned.sender_public_key {
        return Err(ChainError::KeyMismatch { index: from_index });
    }
    let signature = key
        .sign_digest(&unsigned.signing_digest())
        .map_err(WalletError::from)?;
    Ok(unsigned.clone().with_signature(signature))
}

/// Unix milliseconds now.
#[must_use]
pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}
