//! Unit tests of the subchain rules: every outcome and refusal of
//! [`super::apply_report`], the encodings, and the XOR fork choice.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod bft;
mod encoding;
mod pow;

use std::collections::BTreeMap;

use k256::ecdsa::SigningKey;
use k256::ecdsa::signature::hazmat::PrehashSigner;

use super::*;
use crate::{
    ChainId, Commit, CommitSignature, Hash32, PublicKey, Signature, Validator, ValidatorSet,
};

pub(super) fn main_chain() -> ChainId {
    ChainId::new("jifen-devnet").unwrap()
}

pub(super) fn sid(n: u32) -> SubchainId {
    SubchainId::new(n).unwrap()
}

pub(super) fn h(byte: u8) -> Hash32 {
    Hash32([byte; 32])
}

pub(super) fn signing_key(n: u32) -> SigningKey {
    let mut secret = [0u8; 32];
    secret[28..].copy_from_slice(&n.to_be_bytes());
    SigningKey::from_slice(&secret).unwrap()
}

fn public_key(key: &SigningKey) -> PublicKey {
    PublicKey::from_bytes(&key.verifying_key().to_sec1_point(true).to_bytes()).unwrap()
}

fn sign(key: &SigningKey, digest: &[u8; 32]) -> Signature {
    let sig: k256::ecdsa::Signature = key.sign_prehash(digest).unwrap();
    Signature::from_bytes(&sig.normalize_s().to_bytes()).unwrap()
}

/// A committee of keys `numbers` with `powers`, and its keys in set order.
#[derive(Clone)]
pub(super) struct Committee {
    pub set: ValidatorSet,
    keys: Vec<SigningKey>,
}

impl Committee {
    pub fn new(members: &[(u32, u64)]) -> Self {
        let mut pairs: Vec<(Validator, SigningKey)> = members
            .iter()
            .map(|&(n, power)| {
                let key = signing_key(n);
                (Validator::new(public_key(&key), power), key)
            })
            .collect();
        pairs.sort_by_key(|(v, _)| v.address);
        let keys = pairs.iter().map(|(_, k)| k.clone()).collect();
        let set = ValidatorSet::from_sorted(pairs.into_iter().map(|(v, _)| v).collect()).unwrap();
        Self { set, keys }
    }

    /// Four members of power 10: keys `first..first+4`.
    pub fn four(first: u32) -> Self {
        Self::new(&[
            (first, 10),
            (first + 1, 10),
            (first + 2, 10),
            (first + 3, 10),
        ])
    }

    /// A commit of `header` signed by the members at `indices` (set order)
    /// over the subchain vote digest.
    pub fn commit(&self, header: &SubchainHeader, indices: &[usize]) -> Commit {
        let id = header.hash();
        let digest = subchain_vote_digest(&main_chain(), header.subchain, header.height, 0, &id);
        Commit {
            height: header.height,
            round: 0,
            block_hash: id,
            signatures: indices
                .iter()
                .map(|&i| CommitSignature {
                    validator_index: u16::try_from(i).unwrap(),
                    signature: sign(&self.keys[i], &digest),
                })
                .collect(),
        }
    }

    pub fn all(&self) -> Vec<usize> {
        (0..self.set.len()).collect()
    }
}

/// A subchain as both the node and the auditor keep it: the tip and the
/// anchored header per height, updated by the outcome.
pub(super) struct Sim {
    pub id: SubchainId,
    pub params: ConsensusParams,
    pub tip: SubchainTip,
    pub anchored: BTreeMap<u64, AnchoredHeader>,
}

impl Sim {
    pub fn new(id: SubchainId, params: ConsensusParams) -> Self {
        Self {
            id,
            params,
            tip: params.genesis_tip(),
            anchored: BTreeMap::new(),
        }
    }

    pub fn check(&self, report: &SubchainReport) -> Result<(Outcome, SubchainTip), SubchainError> {
        apply_report(
            &main_chain(),
            self.id,
            &self.params,
            &self.tip,
            report,
            |height| self.anchored.get(&height).copied(),
        )
    }

    pub fn apply(&mut self, report: &SubchainReport) -> Result<Outcome, SubchainError> {
        let (outcome, tip) = self.check(report)?;
        let validators_hash = match report.header.seal {
            Seal::Bft {
                validators_hash, ..
            } => validators_hash,
            Seal::Pow { .. } => Hash32::ZERO,
        };
        if outcome != Outcome::Equivocation {
            self.anchored.insert(
                report.header.height,
                AnchoredHeader {
                    header_hash: report.header.hash(),
                    main_height: 1,
                    validators_hash,
                },
            );
        }
        self.tip = tip;
        Ok(outcome)
    }
}
