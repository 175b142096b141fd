//! The state machine: transaction checks, execution, the account history
//! and the validator election at epoch boundaries. No IO: it works on a
//! [`StateMap`].
//!
//! Rules (see `docs/protocol.md#execution`):
//! - a transaction is *includable* when its signature verifies, its chain id
//!   is the chain's, its nonce equals the sender's account nonce, its fee is
//!   at least the minimum and the sender's balance covers the fee;
//! - an included transaction always pays its fee (to the block's proposer)
//!   and increments the sender's nonce; its payload then succeeds or fails
//!   with a [`TxError`] code recorded in the block's results (a failed
//!   payload changes nothing else);
//! - then every party to the transaction (sender, proposer when the fee is
//!   not zero, and every address the payload credited or debited) appends
//!   `(tx_id, height)` to its account's history chain.
//!
//! | module | holds |
//! |---|---|
//! | this one | [`TxError`], the fee, the nonce and the history around every payload |
//! | `overlay` | the write buffer a payload runs against |
//! | `points` | the points kinds: mint, withdraw, transfers, merchants, council, rates, swaps |
//! | `subchain` | the subchain kinds: registration, header reports and their anchors, retirement |
//! | `provenance` | the provenance kinds: parties, item anchors, sales |
//! | `election` | [`elect`]: the validator set of the next epoch |

mod election;
mod overlay;
mod points;
mod provenance;
mod subchain;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use jifen_protocol::history::history_step;
use jifen_protocol::points::{PointsCode, PointsError, SwapDirection};
use jifen_protocol::provenance::ProvenanceError;
use jifen_protocol::subchain::SubchainError;
use jifen_protocol::{
    Account, Address, AssetId, ChainId, Decode, StakeRecord, StateMap, Transaction, TxPayload,
    ValidatorSet, account_key, stake_key,
};

pub use election::elect;
use overlay::{Overlay, Writes};
pub use subchain::Anchored;

/// Why a transaction is rejected (by the mempool) or failed (in a block).
/// Each has a stable numeric code (RPC error code and block result code) and
/// a kebab-case name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TxError {
    /// The bytes are not a canonical transaction.
    #[error("malformed transaction: {0}")]
    Malformed(String),
    /// The signature does not verify against the sender's key.
    #[error("bad signature: {0}")]
    BadSignature(String),
    /// The transaction is for another chain.
    #[error("wrong chain id: expected {expected}, got {got}")]
    WrongChainId {
        /// This chain.
        expected: String,
        /// The transaction's.
        got: String,
    },
    /// The nonce was already used (a replay).
    #[error("nonce {got} already used: the account's next nonce is {expected}")]
    NonceTooLow {
        /// The next usable nonce.
        expected: u64,
        /// The transaction's.
        got: u64,
    },
    /// The nonce leaves a gap.
    #[error("nonce {got} is ahead: the account's next nonce is {expected}")]
    NonceGap {
        /// The next usable nonce.
        expected: u64,
        /// The transaction's.
        got: u64,
    },
    /// The balance does not cover what the transaction spends.
    #[error("insufficient balance: need {needed}, have {available}")]
    InsufficientBalance {
        /// Fee plus amount.
        needed: u128,
        /// Spendable balance.
        available: u128,
    },
    /// The fee is below the minimum.
    #[error("fee {got} below the minimum {minimum}")]
    FeeTooLow {
        /// Minimum fee.
        minimum: u128,
        /// The transaction's fee.
        got: u128,
    },
    /// Unbonding more than is bonded.
    #[error("insufficient stake: bonded {bonded}, asked {asked}")]
    InsufficientStake {
        /// Bonded amount.
        bonded: u128,
        /// Requested amount.
        asked: u128,
    },
    /// The same transaction is already pending.
    #[error("transaction already known")]
    AlreadyKnown,
    /// The mempool is full.
    #[error("mempool full")]
    MempoolFull,
    /// A balance would overflow.
    #[error("balance overflow")]
    Overflow,
    /// A points rule (codes 1101-1199, `jifen_protocol::points::PointsCode`);
    /// never a POINT shortage, which is [`TxError::InsufficientBalance`].
    #[error("{1}")]
    Rule(PointsCode, String),
    /// A subchain rule (codes 1201-1223,
    /// `jifen_protocol::subchain::SubchainCode`).
    #[error(transparent)]
    Subchain(SubchainError),
    /// A provenance rule (codes 1301-1324,
    /// `jifen_protocol::provenance::ProvenanceCode`).
    #[error(transparent)]
    Provenance(ProvenanceError),
    /// Stored state is corrupt.
    #[error("corrupt state record: {0}")]
    CorruptState(String),
}

impl From<PointsError> for TxError {
    fn from(error: PointsError) -> Self {
        match (&error, error.points_code()) {
            (_, Some(code)) => Self::Rule(code, error.to_string()),
            (PointsError::PointInsufficient { needed, available }, None) => {
                Self::InsufficientBalance {
                    needed: *needed,
                    available: *available,
                }
            }
            (_, None) => Self::CorruptState(error.to_string()),
        }
    }
}

impl From<SubchainError> for TxError {
    fn from(error: SubchainError) -> Self {
        Self::Subchain(error)
    }
}

impl From<ProvenanceError> for TxError {
    fn from(error: ProvenanceError) -> Self {
        Self::Provenance(error)
    }
}

impl TxError {
    /// The numeric code: the JSON-RPC error code and the block result code.
    #[must_use]
    pub const fn number(&self) -> u16 {
        match self {
            Self::Malformed(_) => 1001,
            Self::BadSignature(_) => 1002,
            Self::WrongChainId { .. } => 1003,
            Self::NonceTooLow { .. } => 1004,
            Self::NonceGap { .. } => 1005,
            Self::InsufficientBalance { .. } => 1006,
            Self::FeeTooLow { .. } => 1007,
            Self::InsufficientStake { .. } => 1008,
            Self::AlreadyKnown => 1009,
            Self::MempoolFull => 1010,
            Self::Overflow => 1011,
            Self::Rule(code, _) => code.number(),
            Self::Subchain(error) => error.code_kind().number(),
            Self::Provenance(error) => error.kind().number(),
            Self::CorruptState(_) => 1099,
        }
    }

    /// The stable kebab-case code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::Malformed(_) => "tx-malformed",
            Self::BadSignature(_) => "tx-bad-signature",
            Self::WrongChainId { .. } => "tx-wrong-chain-id",
            Self::NonceTooLow { .. } => "tx-nonce-too-low",
            Self::NonceGap { .. } => "tx-nonce-gap",
            Self::InsufficientBalance { .. } => "tx-insufficient-balance",
            Self::FeeTooLow { .. } => "tx-fee-too-low",
            Self::InsufficientStake { .. } => "tx-insufficient-stake",
            Self::AlreadyKnown => "tx-already-known",
            Self::MempoolFull => "mempool-full",
            Self::Overflow => "tx-overflow",
            Self::Rule(code, _) => code.code(),
            Self::Subchain(error) => error.code_kind().as_str(),
            Self::Provenance(error) => error.kind().as_str(),
            Self::CorruptState(_) => "state-corrupt",
        }
    }
}

/// What the block executing a transaction provides.
#[derive(Debug, Clone, Copy)]
pub struct BlockContext<'a> {
    /// The block's height.
    pub height: u64,
    /// The block's proposer (receives the fees).
    pub proposer: Address,
    /// The least fee accepted.
    pub min_fee: u128,
    /// The validator set that signs the block: the council.
    pub validators: &'a ValidatorSet,
    /// The chain (subchain votes are bound to it).
    pub chain_id: &'a ChainId,
    /// The block's time (UTC ms): the `now` of the provenance rules.
    pub time_ms: u64,
}

/// The outcome of executing an includable transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Executed {
    /// The payload's result (recorded in the block's results).
    pub result: Result<(), TxError>,
    /// Each party and the index its history gave the transaction.
    pub history: Vec<(Address, u64)>,
    /// The anchor of an accepted subchain report.
    pub anchor: Option<Anchored>,
}

/// Reads an account (absent: zero).
///
/// # Errors
/// [`TxError::CorruptState`].
pub fn account(state: &StateMap, address: &Address) -> Result<Account, TxError> {
    state
        .get(&account_key(address))
        .map_or(Ok(Account::default()), |bytes| {
            Account::decode(bytes).map_err(|e| TxError::CorruptState(e.to_string()))
        })
}

/// Reads a stake record.
///
/// # Errors
/// [`TxError::CorruptState`].
pub fn stake(state: &StateMap, address: &Address) -> Result<Option<StakeRecord>, TxError> {
    state
        .get(&stake_key(address))
        .map(|bytes| StakeRecord::decode(bytes).map_err(|e| TxError::CorruptState(e.to_string())))
        .transpose()
}

/// The POINT the payload takes from the sender's balance besides the fee
/// (what the mempool reserves for pending transactions).
#[must_use]
pub const fn payload_spend(payload: &TxPayload) -> u128 {
    match payload {
        TxPayload::Transfer(transfer) => transfer.amount,
        TxPayload::Bond(bond) => bond.amount,
        TxPayload::Withdraw(withdraw) => withdraw.amount,
        TxPayload::TransferAsset(transfer) => match transfer.asset {
            AssetId::Point => transfer.amount,
            AssetId::Points(_) => 0,
        },
        TxPayload::MerchantRegister(register) => register.deposit,
        TxPayload::SubchainRegister(register) => register.stake,
        TxPayload::DepositTopUp(top_up) => top_up.amount,
        TxPayload::Swap(swap) => match swap.direction {
            SwapDirection::PointToPoints => swap.amount_in,
            SwapDirection::PointsToPoint => 0,
        },
        TxPayload::Unbond(_)
        | TxPayload::Mint(_)
        | TxPayload::CouncilVote(_)
        | TxPayload::RateSet(_)
        | TxPayload::PointsIssue(_)
        | TxPayload::DepositWithdraw(_)
        | TxPayload::SubchainReport(_)
        | TxPayload::SubchainRetire(_)
        | TxPayload::PartyRegister(_)
        | TxPayload::ItemAnchor(_)
        | TxPayload::ItemSale(_) => 0,
    }
}

/// The checks that need no state: signature and chain id.
///
/// # Errors
/// [`TxError::WrongChainId`], [`TxError::BadSignature`].
pub fn check_stateless(tx: &Transaction, chain_id: &ChainId) -> Result<(), TxError> {
    if tx.unsigned.chain_id != *chain_id {
        return Err(TxError::WrongChainId {
            expected: chain_id.as_str().to_owned(),
            got: tx.unsigned.chain_id.as_str().to_owned(),
        });
    }
    tx.verify_signature()
        .map_err(|e| TxError::BadSignature(e.to_string()))
}

/// Whether `tx` can be included on top of `state`: nonce, fee, and the fee
/// being payable.
///
/// # Errors
/// [`TxError::NonceTooLow`], [`TxError::NonceGap`], [`TxError::FeeTooLow`],
/// [`TxError::InsufficientBalance`].
pub fn check_includable(state: &StateMap, tx: &Transaction, min_fee: u128) -> Result<(), TxError> {
    let sender = account(state, &tx.unsigned.sender)?;
    let nonce = tx.unsigned.nonce;
    if nonce < sender.nonce {
        return Err(TxError::NonceTooLow {
            expected: sender.nonce,
            got: nonce,
        });
    }
    if nonce > sender.nonce {
        return Err(TxError::NonceGap {
            expected: sender.nonce,
            got: nonce,
        });
    }
    if tx.unsigned.fee < min_fee {
        return Err(TxError::FeeTooLow {
            minimum: min_fee,
            got: tx.unsigned.fee,
        });
    }
    if sender.balance < tx.unsigned.fee {
        return Err(TxError::InsufficientBalance {
            needed: tx.unsigned.fee,
            available: sender.balance,
        });
    }
    Ok(())
}

/// Everything executing a transaction writes, computed without writing.
struct Plan {
    writes: Vec<Writes>,
    result: Result<(), TxError>,
    history: Vec<(Address, u64)>,
    anchor: Option<Anchored>,
}

fn plan(state: &StateMap, tx: &Transaction, ctx: &BlockContext<'_>) -> Result<Plan, TxError> {
    check_includable(state, tx, ctx.min_fee)?;
    let sender = tx.unsigned.sender;
    let fee = tx.unsigned.fee;

    let mut fee_overlay = Overlay::new(state);
    fee_overlay.debit_point(&sender, fee)?;
    let mut paying = fee_overlay.account(&sender)?;
    paying.nonce = paying.nonce.checked_add(1).ok_or(TxError::Overflow)?;
    fee_overlay.put_account(&sender, paying);
    fee_overlay.credit_point(&ctx.proposer, fee)?;

    let mut payload_overlay = Overlay::new(&fee_overlay);
    let mut anchor = None;
    let result = run_payload(&mut payload_overlay, tx, ctx, &mut anchor);
    if result.is_err() {
        anchor = None;
    }
    let (payload_writes, touched) = payload_overlay.finish();

    let mut parties: BTreeSet<Address> = BTreeSet::from([sender]);
    if fee > 0 {
        parties.insert(ctx.proposer);
    }
    let after = Overlay::with_writes(&fee_overlay, &payload_writes, result.is_ok());
    if result.is_ok() {
        parties.extend(touched);
    }
    let mut history_overlay = Overlay::new(&after);
    let tx_id = tx.id();
    let mut history = Vec::with_capacity(parties.len());
    for party in parties {
        let mut record = history_overlay.account(&party)?;
        let index = record.history_len;
        record.history_len = index.checked_add(1).ok_or(TxError::Overflow)?;
        record.history_head = history_step(&record.history_head, &tx_id, ctx.height);
        history_overlay.put_account(&party, record);
        history.push((party, index));
    }
    let (history_writes, _) = history_overlay.finish();
    drop(after);
    let (fee_writes, _) = fee_overlay.finish();
    let mut writes = vec![fee_writes];
    if result.is_ok() {
        writes.push(payload_writes);
    }
    writes.push(history_writes);
    Ok(Plan {
        writes,
        result,
        history,
        anchor,
    })
}

/// Executes an includable transaction: pays the fee to the proposer, bumps
/// the nonce, runs the payload, appends it to its parties' histories.
///
/// # Errors
/// The outer error means the transaction is not includable (the caller drops
/// it, and nothing changed); the payload's own result is in [`Executed`].
pub fn execute(
    state: &mut StateMap,
    tx: &Transaction,
    ctx: &BlockContext<'_>,
) -> Result<Executed, TxError> {
    let Plan {
        writes,
        result,
        history,
        anchor,
    } = plan(state, tx, ctx)?;
    for (key, value) in writes.into_iter().flatten() {
        state.set(key, value);
    }
    Ok(Executed {
        result,
        history,
        anchor,
    })
}

/// What executing `tx` in the next block would do to its payload, without
/// changing `state`: the mempool refuses a transaction whose payload would
/// fail, with the code the block would record.
///
/// # Errors
/// The includability error, or the payload's error.
pub fn dry_run(state: &StateMap, tx: &Transaction, ctx: &BlockContext<'_>) -> Result<(), TxError> {
    plan(state, tx, ctx)?.result
}

fn run_payload(
    ov: &mut Overlay<'_>,
    tx: &Transaction,
    ctx: &BlockContext<'_>,
    anchor: &mut Option<Anchored>,
) -> Result<(), TxError> {
    let sender = &tx.unsigned.sender;
    match &tx.unsigned.payload {
        TxPayload::Transfer(transfer) => {
            ov.debit_point(sender, transfer.amount)?;
            ov.credit_point(&transfer.to, transfer.amount)
        }
        TxPayload::Bond(bond) => {
            let mut record = ov.stake(sender)?.unwrap_or(StakeRecord {
                public_key: tx.unsigned.sender_public_key,
                bonded: 0,
            });
            record.bonded = record
                .bonded
                .checked_add(bond.amount)
                .ok_or(TxError::Overflow)?;
            ov.debit_point(sender, bond.amount)?;
            ov.put_stake(sender, record);
            Ok(())
        }
        TxPayload::Unbond(unbond) => {
            let record = ov.stake(sender)?;
            let bonded = record.map_or(0, |record| record.bonded);
            let Some(mut record) = record.filter(|_| bonded >= unbond.amount) else {
                return Err(TxError::InsufficientStake {
                    bonded,
                    asked: unbond.amount,
                });
            };
            record.bonded = bonded - unbond.amount;
            ov.put_stake(sender, record);
            ov.credit_point(sender, unbond.amount)
        }
        TxPayload::Mint(mint) => points::mint(ov, sender, mint),
        TxPayload::Withdraw(withdraw) => points::withdraw(ov, sender, withdraw),
        TxPayload::TransferAsset(transfer) => points::transfer_asset(ov, sender, transfer),
        TxPayload::MerchantRegister(register) => points::register(ov, sender, register, ctx),
        TxPayload::CouncilVote(vote) => points::council_vote(ov, sender, vote, ctx),
        TxPayload::RateSet(set) => points::rate_set(ov, sender, set, ctx),
        TxPayload::PointsIssue(issue) => points::issue(ov, sender, issue),
        TxPayload::DepositTopUp(top_up) => points::top_up(ov, sender, top_up),
        TxPayload::DepositWithdraw(take) => points::deposit_withdraw(ov, sender, take),
        TxPayload::Swap(swap) => points::swap(ov, sender, swap, ctx),
        TxPayload::SubchainRegister(register) => subchain::register(ov, sender, register, ctx),
        TxPayload::SubchainReport(report) => {
            *anchor = Some(subchain::report(ov, report, ctx)?);
            Ok(())
        }
        TxPayload::SubchainRetire(retire) => subchain::retire(ov, sender, retire),
        TxPayload::PartyRegister(register) => provenance::register(ov, sender, register, ctx),
        TxPayload::ItemAnchor(item) => provenance::anchor(ov, sender, item, ctx),
        TxPayload::ItemSale(sale) => provenance::sale(ov, sender, sale, ctx),
    }
}
