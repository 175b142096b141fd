//! Checking a peer's answers against a verified header. Pure.
//!
//! A peer's answer about the state (a value and its sparse-Merkle proof) or
//! about a transaction (its inclusion and result proofs) is untrusted; these
//! functions turn it into a value only if it is proven by the roots of a
//! header the client verified:
//!
//! - state: [`verify_state`] / [`verify_account`] check the key, the height
//!   and [`jifen_protocol::verify_state_proof`] against `header.state_root`
//!   (an existence proof for a value, a non-existence proof for none);
//! - transactions: [`verify_tx_inclusion`] checks the transaction's id, its
//!   RFC 6962 inclusion proof under `header.tx_root` (leaf: the 32 id bytes)
//!   and the proof of its result leaf (`id || code u16`) under
//!   `header.results_root`, at the same index (`docs/protocol.md`).

use jifen_protocol::message::{Arg, Coded};
use jifen_protocol::{
    Account, Address, Decode, DecodeError, Encode, Hash32, Header, InclusionProof, MerkleError,
    Reader, StateProof, StateProofError, Transaction, account_key, encoding::put_len, merkle,
    tx_result, verify_state_proof,
};

/// Largest state value an [`UntrustedState`] encoding may carry (1 MiB).
pub const MAX_STATE_VALUE: usize = 1 << 20;

/// A peer's untrusted answer for one state key at one height.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UntrustedState {
    /// The height the answer claims to be for (the state after that block).
    pub height: u64,
    /// The key the answer claims to be for.
    pub key: Hash32,
    /// The value, `None` when the peer says the key holds nothing.
    pub value: Option<Vec<u8>>,
    /// The sparse-Merkle proof of `value` (or of its absence).
    pub proof: StateProof,
}

impl Encode for UntrustedState {
    /// `height u64 || key (32) || value option (0x00 | 0x01 || len u32 ||
    /// bytes) || proof` (the [`StateProof`] encoding); the `state-value`
    /// final proof of an audit bundle.
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.height.to_be_bytes());
        out.extend_from_slice(self.key.as_bytes());
        match &self.value {
            None => out.push(0),
            Some(value) => {
                out.push(1);
                put_len(out, value.len());
                out.extend_from_slice(value);
            }
        }
        self.proof.encode_to(out);
    }
}

impl Decode for UntrustedState {
    const NAME: &'static str = "state answer";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let height = reader.u64("height")?;
        let key = Hash32(reader.array("key")?);
        let value = if reader.option_tag("value")? {
            Some(reader.bytes("value", MAX_STATE_VALUE)?.to_vec())
        } else {
            None
        };
        let proof = StateProof::decode_from(reader)?;
        Ok(Self {
            height,
            key,
            value,
            proof,
        })
    }
}

/// A peer's untrusted answer about a committed transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UntrustedTxProof {
    /// The height of the block said to hold it.
    pub height: u64,
    /// Its position in that block.
    pub index: u64,
    /// Its result code (0: success; see `docs/rpc.md#errors`).
    pub result_code: u16,
    /// The transaction itself.
    pub tx: Transaction,
    /// Its inclusion proof under the header's `tx_root`.
    pub proof: InclusionProof,
    /// The inclusion proof of its result leaf under `results_root`.
    pub result_proof: InclusionProof,
}

impl Encode for UntrustedTxProof {
    /// `height u64 || index u64 || result_code u16 || tx || proof ||
    /// result_proof` (the [`Transaction`] and [`InclusionProof`]
    /// encodings); the answer inside a `tx-inclusion` final proof of an
    /// audit bundle.
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.height.to_be_bytes());
        out.extend_from_slice(&self.index.to_be_bytes());
        out.extend_from_slice(&self.result_code.to_be_bytes());
        self.tx.encode_to(out);
        self.proof.encode_to(out);
        self.result_proof.encode_to(out);
    }
}

impl Decode for UntrustedTxProof {
    const NAME: &'static str = "transaction proof";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            height: reader.u64("height")?,
            index: reader.u64("index")?,
            result_code: reader.u16("result code")?,
            tx: Transaction::decode_from(reader)?,
            proof: InclusionProof::decode_from(reader)?,
            result_proof: InclusionProof::decode_from(reader)?,
        })
    }
}

/// A transaction proven to be in a verified block, with its result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TxInclusion {
    /// The block height.
    pub height: u64,
    /// Position in the block.
    pub index: u64,
    /// Result code (0: success).
    pub result_code: u16,
    /// The transaction.
    pub tx: Transaction,
}

/// A value proven against a verified header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proven<T> {
    /// The value.
    pub value: T,
    /// Height of the verified header it is proven at.
    pub height: u64,
    /// That header's hash (the block id).
    pub header_hash: Hash32,
}

/// Checks `untrusted` answers for `key` at `header` and returns the proven
/// value (`None`: the key is proven absent).
///
/// # Errors
/// [`ProofError::WrongHeight`], [`ProofError::WrongKey`],
/// A node's state answer and the value it proves (`None`: proven absent).
pub type StateAnswer = (UntrustedState, Option<Vec<u8>>);

/// [`ProofError::State`].
pub fn verify_state(
    header: &Header,
    key: &Hash32,
    untrusted: &UntrustedState,
) -> Result<Option<Vec<u8>>, ProofError> {
    if untrusted.height != header.height {
        return Err(ProofError::WrongHeight {
            expected: header.height,
            got: untrusted.height,
        });
    }
    if untrusted.key != *key {
        return Err(ProofError::WrongKey {
            expected: *key,
            got: untrusted.key,
        });
    }
    verify_state_proof(
        &header.state_root,
        key,
        untrusted.value.as_deref(),
        &untrusted.proof,
    )
    .map_err(ProofError::State)?;
    Ok(untrusted.value.clone())
}

/// [`verify_state`] for `address`'s account record, decoded; an absent
/// record is proven as balance 0, nonce 0.
///
/// # Errors
/// As [`verify_state`], and [`ProofError::BadAccount`] when a proven value
/// does not decode as an account.
pub fn verify_account(
    header: &Header,
    address: &Address,
    untrusted: &UntrustedState,
) -> Result<Account, ProofError> {
    let value = verify_state(header, &account_key(address), untrusted)?;
    value.map_or(Ok(Account::default()), |bytes| {
        Account::decode(&bytes).map_err(ProofError::BadAccount)
    })
}

/// The result leaf of a transaction, defined with the other consensus
/// encodings in `jifen_protocol::tx_result`.
pub use jifen_protocol::tx_result::result_leaf;

/// Checks that transaction `id` is in the block of `header` with the result
/// the answer claims.
///
/// # Errors
/// [`ProofError::WrongHeight`], [`ProofError::TxIdMismatch`],
/// [`ProofError::IndexMismatch`], [`ProofError::TxNotInBlock`],
/// [`ProofError::ResultNotInBlock`].
pub fn verify_tx_inclusion(
    header: &Header,
    id: &Hash32,
    untrusted: &UntrustedTxProof,
) -> Result<TxInclusion, ProofError> {
    if untrusted.height != header.height {
        return Err(ProofError::WrongHeight {
            expected: header.height,
            got: untrusted.height,
        });
    }
    let got = untrusted.tx.id();
    if got != *id {
        return Err(ProofError::TxIdMismatch { expected: *id, got });
    }
    for proof in [&untrusted.proof, &untrusted.result_proof] {
        if proof.leaf_index != untrusted.index {
            return Err(ProofError::IndexMismatch {
                expected: untrusted.index,
                got: proof.leaf_index,
            });
        }
    }
    untrusted
        .proof
        .verify(&merkle::leaf_hash(id.as_bytes()), &header.tx_root)
        .map_err(ProofError::TxNotInBlock)?;
    untrusted
        .result_proof
        .verify(
            &tx_result::result_leaf_hash(id, untrusted.result_code),
            &header.results_root,
        )
        .map_err(ProofError::ResultNotInBlock)?;
    Ok(TxInclusion {
        height: untrusted.height,
        index: untrusted.index,
        result_code: untrusted.result_code,
        tx: untrusted.tx.clone(),
    })
}

/// Why a peer's answer is not proven by the verified header.
///
/// Codes: `lc-proof-wrong-height`, `lc-proof-wrong-key`,
/// `lc-proof-state-invalid`, `lc-proof-bad-account`,
/// `lc-proof-tx-id-mismatch`, `lc-proof-index-mismatch`,
/// `lc-proof-tx-not-in-block`, `lc-proof-result-not-in-block`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProofError {
    /// The answer is for another height than the verified header's.
    #[error("answer is for height {got}, the verified header is at {expected}")]
    WrongHeight {
        /// The verified header's height.
        expected: u64,
        /// The answer's height.
        got: u64,
    },
    /// The answer is for another key.
    #[error("answer is for key {got}, asked for {expected}")]
    WrongKey {
        /// The key asked for.
        expected: Hash32,
        /// The answer's key.
        got: Hash32,
    },
    /// The state proof does not prove the value under the header's root.
    #[error("state proof is invalid: {0}")]
    State(#[source] StateProofError),
    /// A proven account record does not decode.
    #[error("proven account record does not decode: {0}")]
    BadAccount(#[source] DecodeError),
    /// The transaction sent is not the one asked about.
    #[error("transaction sent has id {got}, asked for {expected}")]
    TxIdMismatch {
        /// The id asked for.
        expected: Hash32,
        /// The id of the transaction sent.
        got: Hash32,
    },
    /// A proof is for another position than the answer claims.
    #[error("proof is for position {got}, the answer claims {expected}")]
    IndexMismatch {
        /// The claimed index.
        expected: u64,
        /// The proof's leaf index.
        got: u64,
    },
    /// The inclusion proof does not lead to the header's `tx_root`.
    #[error("transaction is not proven in the block: {0}")]
    TxNotInBlock(#[source] MerkleError),
    /// The result proof does not lead to the header's `results_root`.
    #[error("transaction result is not proven in the block: {0}")]
    ResultNotInBlock(#[source] MerkleError),
}

impl ProofError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::WrongHeight { .. } => "lc-proof-wrong-height",
            Self::WrongKey { .. } => "lc-proof-wrong-key",
            Self::State(_) => "lc-proof-state-invalid",
            Self::BadAccount(_) => "lc-proof-bad-account",
            Self::TxIdMismatch { .. } => "lc-proof-tx-id-mismatch",
            Self::IndexMismatch { .. } => "lc-proof-index-mismatch",
            Self::TxNotInBlock(_) => "lc-proof-tx-not-in-block",
            Self::ResultNotInBlock(_) => "lc-proof-result-not-in-block",
        }
    }

    /// The protocol's own code for the inner proof failure, when there is
    /// one (e.g. `state-proof-root-mismatch`), for details in reports.
    #[must_use]
    pub fn detail_code(&self) -> Option<&'static str> {
        match self {
            Self::State(inner) => Some(inner.code()),
            Self::BadAccount(inner) => Some(inner.code()),
            Self::TxNotInBlock(inner) | Self::ResultNotInBlock(inner) => Some(inner.code()),
            Self::WrongHeight { .. }
            | Self::WrongKey { .. }
            | Self::TxIdMismatch { .. }
            | Self::IndexMismatch { .. } => None,
        }
    }
}

impl Coded for ProofError {
    fn code(&self) -> &'static str {
        ProofError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        let args = match self {
            Self::WrongHeight { expected, got } | Self::IndexMismatch { expected, got } => {
                vec![("expected", (*expected).into()), ("got", (*got).into())]
            }
            Self::WrongKey { expected, got } | Self::TxIdMismatch { expected, got } => vec![
                ("expected", expected.to_string().into()),
                ("got", got.to_string().into()),
            ],
            Self::State(inner) => vec![("reason", inner.code().into())],
            Self::BadAccount(inner) => vec![("reason", inner.code().into())],
            Self::TxNotInBlock(inner) | Self::ResultNotInBlock(inner) => {
                vec![("reason", inner.code().into())]
            }
        };
        crate::with_detail(args, self)
    }
}

#[cfg(test)]
#[path = "proof_tests.rs"]
mod tests;
