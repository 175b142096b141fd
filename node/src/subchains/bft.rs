//! The `trace-consortium` committee: four members with public devnet keys,
//! a new committee every [`SET_EVERY`] heights (the window of member keys
//! shifts by one), and blocks committed by three of the four.
//!
//! **Public devnet keys, testing only**: member `i`'s secret is
//! `tagged_hash("jifen/devnet-subchain-member", u32_be(i))`.

use std::collections::BTreeMap;

use jifen_protocol::subchain::{
    ReportSeal, Seal, SubchainHeader, SubchainId, SubchainReport, subchain_vote_digest,
};
use jifen_protocol::{
    Address, ChainId, Commit, CommitSignature, Hash32, Validator, ValidatorSet, tagged_hash,
};

use crate::keys::{KeyError, NodeKey};

/// Tag of the devnet subchain committee members' secrets.
pub const MEMBER_TAG: &str = "jifen/devnet-subchain-member";
/// Members of each committee.
pub const COMMITTEE_SIZE: u32 = 4;
/// Heights signed by one committee: the set changes after heights that are
/// multiples of it.
pub const SET_EVERY: u64 = 20;
/// Each member's voting power.
pub const MEMBER_POWER: u64 = 10;

/// Member `index`'s key (public, testing only).
///
/// # Errors
/// [`KeyError::InvalidSecret`] (not expected).
pub fn member_key(index: u32) -> Result<NodeKey, KeyError> {
    NodeKey::from_bytes(&tagged_hash(MEMBER_TAG, &index.to_be_bytes()))
}

/// The committee epoch that signs `height` (from 1): `(height - 1) / SET_EVERY`.
#[must_use]
pub const fn committee_epoch(height: u64) -> u64 {
    height.saturating_sub(1) / SET_EVERY
}

/// Committee `epoch`: members `epoch .. epoch + 4`, their keys by address.
///
/// # Errors
/// [`KeyError`] when a key cannot be made.
pub fn committee(epoch: u64) -> Result<(ValidatorSet, BTreeMap<Address, NodeKey>), KeyError> {
    let first = u32::try_from(epoch % u64::from(u32::MAX - COMMITTEE_SIZE)).unwrap_or(0);
    let keys = (first..first + COMMITTEE_SIZE)
        .map(member_key)
        .collect::<Result<Vec<_>, _>>()?;
    let set = ValidatorSet::new(
        keys.iter()
            .map(|key| Validator::new(key.public_key(), MEMBER_POWER))
            .collect(),
    )
    .map_err(|_| KeyError::InvalidSecret)?;
    Ok((set, keys.into_iter().map(|k| (k.address(), k)).collect()))
}

/// The precommit of `header` by every member of `set` whose key is in
/// `keys` except the one at index `absent` (3 of 4 keep a quorum).
///
/// # Errors
/// [`KeyError::Signing`].
pub fn sign(
    main_chain: &ChainId,
    header: &SubchainHeader,
    set: &ValidatorSet,
    keys: &BTreeMap<Address, NodeKey>,
    absent: Option<usize>,
) -> Result<Commit, KeyError> {
    let block_hash = header.hash();
    let digest = subchain_vote_digest(main_chain, header.subchain, header.height, 0, &block_hash);
    let mut signatures = Vec::new();
    for (index, validator) in set.validators().iter().enumerate() {
        if Some(index) == absent {
            continue;
        }
        let Some(key) = keys.get(&validator.address) else {
            continue;
        };
        signatures.push(CommitSignature {
            validator_index: u16::try_from(index).map_err(|_| KeyError::Signing)?,
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

/// The contents of a block before its seal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Body {
    /// The subchain.
    pub subchain: SubchainId,
    /// Its height.
    pub height: u64,
    /// Its time.
    pub time_ms: u64,
    /// Its parent's id.
    pub parent: Hash32,
    /// The entries' root.
    pub tx_root: Hash32,
    /// The state root after it.
    pub state_root: Hash32,
}

/// The report of the block `body`, signed by its height's committee (one
/// member absent in turn), naming the next committee when it changes.
///
/// # Errors
/// [`KeyError`].
pub fn report(main_chain: &ChainId, body: &Body) -> Result<SubchainReport, KeyError> {
    let (set, keys) = committee(committee_epoch(body.height))?;
    let (next, _) = committee(committee_epoch(body.height.saturating_add(1)))?;
    let header = SubchainHeader {
        subchain: body.subchain,
        height: body.height,
        time_ms: body.time_ms,
        parent: body.parent,
        tx_root: body.tx_root,
        state_root: body.state_root,
        seal: Seal::Bft {
            validators_hash: set.hash(),
            next_validators_hash: next.hash(),
        },
    };
    let absent = usize::try_from(body.height % u64::from(COMMITTEE_SIZE)).ok();
    let commit = sign(main_chain, &header, &set, &keys, absent)?;
    let next_validators = (next.hash() != set.hash()).then_some(next);
    Ok(SubchainReport {
        header,
        seal: ReportSeal::Bft {
            commit,
            validators: set,
            next_validators,
        },
    })
}
