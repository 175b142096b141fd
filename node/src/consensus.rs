//! Proposer selection and commit signing for the single-process devnet.
//!
//! A devnet process holds the validator keys, yet its commits look like those
//! of a real network: each block is signed by a deterministic pseudo-random
//! subset of the validators holding more than 2/3 of the voting power (some
//! validators are "absent" on each block), so light clients meet partial
//! commits.

use std::collections::BTreeMap;

use jifen_protocol::{
    Address, ChainId, Commit, CommitSignature, Hash32, Header, ValidatorSet, VoteKind, tagged_hash,
};

use crate::keys::{KeyError, NodeKey};

/// Tag of the absence lottery.
const ABSENCE_TAG: &str = "jifen/devnet-absence";

/// Why a commit could not be signed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConsensusError {
    /// The held keys do not reach a quorum of the set.
    #[error("held keys sign {held} of {total} voting power: no quorum")]
    NoQuorum {
        /// Power of the keys held.
        held: u64,
        /// Total power of the set.
        total: u64,
    },
    /// A key failed to sign.
    #[error(transparent)]
    Key(#[from] KeyError),
}

/// The proposer of `height`: `set[height mod len]` (the set is sorted by
/// address).
#[must_use]
pub fn proposer(set: &ValidatorSet, height: u64) -> Option<Address> {
    let len = u64::try_from(set.len()).ok().filter(|len| *len > 0)?;
    let index = usize::try_from(height % len).ok()?;
    set.get(index).map(|v| v.address)
}

fn has_quorum(signed: u64, total: u64) -> bool {
    3 * u128::from(signed) > 2 * u128::from(total)
}

/// Signs the precommit for `header` with a subset of `keys` holding more than
/// 2/3 of `set`'s power. Each validator is absent with probability ~3/8
/// (decided by `tagged_hash("jifen/devnet-absence", block_hash || index)`),
/// as long as the rest still has a quorum.
///
/// # Errors
/// [`ConsensusError::NoQuorum`] when the held keys are too few.
pub fn sign_commit(
    chain_id: &ChainId,
    header: &Header,
    set: &ValidatorSet,
    keys: &BTreeMap<Address, NodeKey>,
) -> Result<Commit, ConsensusError> {
    let block_hash = header.hash();
    let total = set.total_power();
    let held: Vec<(usize, u64)> = set
        .validators()
        .iter()
        .enumerate()
        .filter(|(_, v)| keys.contains_key(&v.address))
        .map(|(i, v)| (i, v.voting_power))
        .collect();
    let held_power: u64 = held.iter().map(|(_, p)| *p).sum();
    if !has_quorum(held_power, total) {
        return Err(ConsensusError::NoQuorum {
            held: held_power,
            total,
        });
    }
    let mut signing_power = held_power;
    let mut signers = Vec::new();
    for (index, power) in held {
        let lottery = absence_lottery(&block_hash, index);
        if lottery < 96 && has_quorum(signing_power - power, total) {
            signing_power -= power;
            continue;
        }
        signers.push(index);
    }
    let digest = Commit::vote_digest(chain_id, VoteKind::Precommit, header.height, 0, &block_hash);
    let mut signatures = Vec::with_capacity(signers.len());
    for index in signers {
        let Some(validator) = set.get(index) else {
            continue;
        };
        let Some(key) = keys.get(&validator.address) else {
            continue;
        };
        signatures.push(CommitSignature {
            validator_index: u16::try_from(index).unwrap_or(u16::MAX),
            signature: key.sign_digest(&digest)?,
        });
    }
    Ok(Commit {
        height: header.height,
        round: 0,
        block_hash,
        signatures,
    })
}

fn absence_lottery(block_hash: &Hash32, index: usize) -> u8 {
    let mut data = block_hash.as_bytes().to_vec();
    data.extend_from_slice(&u32::try_from(index).unwrap_or(u32::MAX).to_be_bytes());
    tagged_hash(ABSENCE_TAG, &data)[0]
}
