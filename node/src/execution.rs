//! The state machine: transaction checks, execution, and the validator
//! election at epoch boundaries. No IO: it works on a [`StateMap`].
//!
//! Rules (see `docs/protocol.md#state`):
//! - a transaction is *includable* when its signature verifies, its chain id
//!   is the chain's, its nonce equals the sender's account nonce, its fee is
//!   at least the minimum and the sender's balance covers the fee;
//! - an included transaction always pays its fee (to the block's proposer)
//!   and increments the sender's nonce; its payload then succeeds or fails
//!   with a [`TxError`] code recorded in the block's results (a failed
//!   payload changes nothing else).

use jifen_protocol::{
    Account, Address, ChainId, Decode, Encode, PublicKey, StakeRecord, StateMap, Transaction,
    TxPayload, Validator, ValidatorSet, account_key, stake_key,
};

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
    /// Stored state is corrupt.
    #[error("corrupt state record: {0}")]
    CorruptState(String),
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
            Self::CorruptState(_) => "state-corrupt",
        }
    }
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

fn put_account(state: &mut StateMap, address: &Address, account: Account) {
    let value = (account != Account::default()).then(|| account.encode());
    state.set(account_key(address), value);
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

/// What the payload spends from the balance besides the fee.
#[must_use]
pub fn payload_spend(payload: &TxPayload) -> u128 {
    match payload {
        TxPayload::Transfer(transfer) => transfer.amount,
        TxPayload::Bond(bond) => bond.amount,
        _ => 0,
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

/// Executes an includable transaction: pays the fee to `proposer`, bumps the
/// nonce, runs the payload. Returns the payload's result.
///
/// # Errors
/// The outer error means the transaction is not includable (the caller drops
/// it); the inner `Result` is the recorded payload result.
pub fn execute(
    state: &mut StateMap,
    tx: &Transaction,
    min_fee: u128,
    proposer: &Address,
) -> Result<Result<(), TxError>, TxError> {
    check_includable(state, tx, min_fee)?;
    let sender_address = tx.unsigned.sender;
    let mut sender = account(state, &sender_address)?;
    sender.balance -= tx.unsigned.fee; // checked by check_includable
    sender.nonce = sender.nonce.saturating_add(1);
    put_account(state, &sender_address, sender);
    let mut producer = account(state, proposer)?;
    producer.balance = producer
        .balance
        .checked_add(tx.unsigned.fee)
        .ok_or(TxError::Overflow)?;
    put_account(state, proposer, producer);

    let result = run_payload(state, tx);
    Ok(result)
}

fn run_payload(state: &mut StateMap, tx: &Transaction) -> Result<(), TxError> {
    let sender_address = tx.unsigned.sender;
    let mut sender = account(state, &sender_address)?;
    match &tx.unsigned.payload {
        TxPayload::Transfer(transfer) => {
            if sender.balance < transfer.amount {
                return Err(TxError::InsufficientBalance {
                    needed: transfer.amount,
                    available: sender.balance,
                });
            }
            sender.balance -= transfer.amount;
            put_account(state, &sender_address, sender);
            let mut recipient = account(state, &transfer.to)?;
            recipient.balance = recipient
                .balance
                .checked_add(transfer.amount)
                .ok_or(TxError::Overflow)?;
            put_account(state, &transfer.to, recipient);
            Ok(())
        }
        TxPayload::Bond(bond) => {
            if sender.balance < bond.amount {
                return Err(TxError::InsufficientBalance {
                    needed: bond.amount,
                    available: sender.balance,
                });
            }
            let mut record = stake(state, &sender_address)?.unwrap_or(StakeRecord {
                public_key: tx.unsigned.sender_public_key,
                bonded: 0,
            });
            record.bonded = record
                .bonded
                .checked_add(bond.amount)
                .ok_or(TxError::Overflow)?;
            sender.balance -= bond.amount;
            put_account(state, &sender_address, sender);
            state.set(stake_key(&sender_address), Some(record.encode()));
            Ok(())
        }
        TxPayload::Unbond(unbond) => {
            let Some(mut record) = stake(state, &sender_address)? else {
                return Err(TxError::InsufficientStake {
                    bonded: 0,
                    asked: unbond.amount,
                });
            };
            if record.bonded < unbond.amount {
                return Err(TxError::InsufficientStake {
                    bonded: record.bonded,
                    asked: unbond.amount,
                });
            }
            record.bonded -= unbond.amount;
            sender.balance = sender
                .balance
                .checked_add(unbond.amount)
                .ok_or(TxError::Overflow)?;
            put_account(state, &sender_address, sender);
            let value = (record.bonded > 0).then(|| record.encode());
            state.set(stake_key(&sender_address), value);
            Ok(())
        }
        _ => Err(TxError::Malformed(
            "unsupported transaction kind".to_owned(),
        )),
    }
}

/// Elects the validator set that signs the blocks of epoch `epoch_index`
/// (heights `epoch_index * L + 1 ..= (epoch_index + 1) * L`).
///
/// Candidates are the stake records with voting power > 0, ordered by power
/// (descending) then address. Without rotation the first `max_validators`
/// win; with rotation `r` the window of `max_validators` candidates starts
/// at `(epoch_index * r) mod candidates` and wraps around. Returns `None`
/// when there is no candidate (the caller keeps the current set).
#[must_use]
pub fn elect(
    state: &StateMap,
    max_validators: u32,
    rotate: u32,
    epoch_index: u64,
) -> Option<ValidatorSet> {
    let mut candidates: Vec<(u64, Address, PublicKey)> = state
        .iter()
        .filter_map(|(key, value)| {
            // A value decoding as a stake record is one only if it sits under
            // that record's stake key (keys commit to the record kind).
            StakeRecord::decode(value)
                .ok()
                .filter(|record| stake_key(&record.public_key.address()) == *key)
        })
        .map(|record| {
            (
                record.voting_power(),
                record.public_key.address(),
                record.public_key,
            )
        })
        .filter(|(power, _, _)| *power > 0)
        .collect();
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    candidates.dedup_by(|a, b| a.1 == b.1);
    let pool = candidates.len();
    if pool == 0 {
        return None;
    }
    let size = usize::try_from(max_validators)
        .unwrap_or(usize::MAX)
        .min(pool);
    let pool_u64 = u64::try_from(pool).unwrap_or(u64::MAX);
    let start =
        usize::try_from(epoch_index.wrapping_mul(u64::from(rotate)) % pool_u64).unwrap_or(0);
    let chosen: Vec<Validator> = (0..size)
        .filter_map(|i| candidates.get((start + i) % pool))
        .map(|(power, _, key)| Validator::new(*key, *power))
        .collect();
    ValidatorSet::new(chosen).ok()
}

#[cfg(test)]
mod tests {
    use jifen_protocol::{Bond, Hash32, Transfer, Unbond, UnsignedTransaction};

    use super::*;
    use crate::keys::NodeKey;

    const MIN_FEE: u128 = 1_000;

    fn chain_id() -> ChainId {
        ChainId::new("jifen-devnet").unwrap()
    }

    fn funded(key: &NodeKey, balance: u128) -> StateMap {
        let mut state = StateMap::new();
        put_account(&mut state, &key.address(), Account { balance, nonce: 0 });
        state
    }

    fn tx(key: &NodeKey, nonce: u64, fee: u128, payload: TxPayload) -> Transaction {
        let unsigned = UnsignedTransaction::new(chain_id(), key.public_key(), nonce, fee, payload);
        let signature = key.sign_digest(&unsigned.signing_digest()).unwrap();
        unsigned.with_signature(signature)
    }

    #[test]
    fn transfer_moves_amount_and_pays_the_proposer() {
        let alice = NodeKey::devnet_account(0).unwrap();
        let bob = Address::from_bytes([2; 20]);
        let proposer = Address::from_bytes([9; 20]);
        let mut state = funded(&alice, 10_000);
        let t = tx(
            &alice,
            0,
            MIN_FEE,
            TxPayload::Transfer(Transfer {
                to: bob,
                amount: 4_000,
            }),
        );
        assert_eq!(execute(&mut state, &t, MIN_FEE, &proposer).unwrap(), Ok(()));
        assert_eq!(
            account(&state, &alice.address()).unwrap(),
            Account {
                balance: 5_000,
                nonce: 1
            }
        );
        assert_eq!(account(&state, &bob).unwrap().balance, 4_000);
        assert_eq!(account(&state, &proposer).unwrap().balance, MIN_FEE);
        // Replaying it is not includable.
        assert_eq!(
            execute(&mut state, &t, MIN_FEE, &proposer)
                .unwrap_err()
                .code(),
            "tx-nonce-too-low"
        );
    }

    #[test]
    fn failed_payload_still_pays_the_fee_and_records_its_code() {
        let alice = NodeKey::devnet_account(0).unwrap();
        let proposer = Address::from_bytes([9; 20]);
        let mut state = funded(&alice, 5_000);
        let t = tx(
            &alice,
            0,
            MIN_FEE,
            TxPayload::Transfer(Transfer {
                to: proposer,
                amount: 4_001,
            }),
        );
        let result = execute(&mut state, &t, MIN_FEE, &proposer).unwrap();
        assert_eq!(result.unwrap_err().number(), 1006);
        assert_eq!(
            account(&state, &alice.address()).unwrap(),
            Account {
                balance: 4_000,
                nonce: 1
            }
        );
    }

    #[test]
    fn bond_unbond_and_election() {
        let alice = NodeKey::devnet_account(0).unwrap();
        let proposer = Address::from_bytes([9; 20]);
        let stake_amount = 2_000 * 1_000_000;
        let mut state = funded(&alice, stake_amount * 2);
        assert!(elect(&state, 21, 0, 1).is_none());
        let bond = tx(
            &alice,
            0,
            MIN_FEE,
            TxPayload::Bond(Bond {
                amount: stake_amount,
            }),
        );
        assert_eq!(
            execute(&mut state, &bond, MIN_FEE, &proposer).unwrap(),
            Ok(())
        );
        let set = elect(&state, 21, 0, 1).unwrap();
        assert_eq!(set.len(), 1);
        assert_eq!(set.validators()[0].voting_power, 2_000);
        let too_much = tx(
            &alice,
            1,
            MIN_FEE,
            TxPayload::Unbond(Unbond {
                amount: stake_amount + 1,
            }),
        );
        let result = execute(&mut state, &too_much, MIN_FEE, &proposer).unwrap();
        assert_eq!(result.unwrap_err().code(), "tx-insufficient-stake");
        let unbond = tx(
            &alice,
            2,
            MIN_FEE,
            TxPayload::Unbond(Unbond {
                amount: stake_amount,
            }),
        );
        assert_eq!(
            execute(&mut state, &unbond, MIN_FEE, &proposer).unwrap(),
            Ok(())
        );
        assert!(stake(&state, &alice.address()).unwrap().is_none());
        assert!(elect(&state, 21, 0, 2).is_none());
    }

    #[test]
    fn rotation_moves_the_window() {
        let mut state = StateMap::new();
        for i in 0..5u32 {
            let key = NodeKey::devnet_validator(i).unwrap();
            let record = StakeRecord {
                public_key: key.public_key(),
                bonded: (1_000 + u128::from(i)) * 1_000_000,
            };
            state.set(stake_key(&key.address()), Some(record.encode()));
        }
        let sets: Vec<ValidatorSet> = (0..5).map(|e| elect(&state, 3, 1, e).unwrap()).collect();
        assert_eq!(sets[0].len(), 3);
        assert_ne!(sets[0].hash(), sets[1].hash());
        assert_eq!(sets[0].hash(), elect(&state, 3, 1, 5).unwrap().hash());
        let no_rotation: Vec<Hash32> = (0..3)
            .map(|e| elect(&state, 3, 0, e).unwrap().hash())
            .collect();
        assert!(no_rotation.iter().all(|h| *h == no_rotation[0]));
    }
}
