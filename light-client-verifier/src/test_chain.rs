//! A deterministic test chain (cargo feature `test-support`): real k256 keys,
//! validator sets that change at epoch boundaries, commits signed on demand
//! (so a 100,000-block chain costs only the headers that are asked for).
//! For tests and benchmarks of this crate and of the IO crate, and for the
//! store [`crate::conformance`] suite. **The keys are public test keys**
//! (secret `n` is the number `n`): never use them for value.
//!
//! Fixture shortcut: `last_commit_hash` is a placeholder (a tagged hash of
//! the parent height), because commits are signed lazily; the light client
//! does not check it (the parent link it checks is `previous_block_hash`).
//!
//! A failed fixture step panics, like a failed test.
#![allow(
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::missing_panics_doc
)]

use std::collections::BTreeMap;

use jifen_protocol::{
    Address, ChainId, Commit, CommitSignature, Hash32, Header, InclusionProof, PublicKey,
    Signature, Transaction, Transfer, TxPayload, UnsignedTransaction, Validator, ValidatorSet,
    VoteKind, header::HEADER_VERSION, merkle, sha256, tagged_hash, tx_result,
};
use k256::ecdsa::SigningKey;
use k256::ecdsa::signature::hazmat::PrehashSigner;

use crate::light_block::LightBlock;
use crate::proof::UntrustedTxProof;
use crate::sync::{LightBlockSource, SourceError};
use crate::trust::Checkpoint;

/// Time of block 1: 2026-01-01T00:00:00Z.
pub const T0: u64 = 1_767_225_600_000;
/// One block per second.
pub const BLOCK_MS: u64 = 1_000;

/// A test-only signing key: secret `n` (never use for value).
#[derive(Clone)]
pub struct TestKey {
    key: SigningKey,
    public_key: PublicKey,
}

impl std::fmt::Debug for TestKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestKey")
            .field("public_key", &self.public_key)
            .finish_non_exhaustive()
    }
}

impl TestKey {
    /// The key whose secret is the number `n` (at least 1).
    #[must_use]
    pub fn new(n: u32) -> Self {
        let mut bytes = [0u8; 32];
        bytes[28..].copy_from_slice(&n.to_be_bytes());
        let key = SigningKey::from_slice(&bytes).expect("a secret key from 1 to 2^32");
        let point = key.verifying_key().to_sec1_point(true);
        let public_key = PublicKey::from_bytes(point.as_bytes()).expect("a compressed key");
        Self { key, public_key }
    }

    /// The public key.
    #[must_use]
    pub fn public_key(&self) -> PublicKey {
        self.public_key
    }

    /// The address.
    #[must_use]
    pub fn address(&self) -> Address {
        self.public_key.address()
    }

    /// Signs a 32-byte digest (RFC 6979, low-S).
    #[must_use]
    pub fn sign_digest(&self, digest: &[u8; 32]) -> Signature {
        let signature: k256::ecdsa::Signature =
            self.key.sign_prehash(digest).expect("signing a digest");
        Signature::from_bytes(signature.normalize_s().to_bytes().as_slice())
            .expect("64 signature bytes")
    }

    /// A transfer of `amount` base units to `to` on `jifen-devnet`, signed
    /// by this key (fee 1,000).
    #[must_use]
    pub fn transfer(&self, to: Address, amount: u128, nonce: u64) -> Transaction {
        let unsigned = UnsignedTransaction::new(
            ChainId::new("jifen-devnet").expect("a valid chain id"),
            self.public_key,
            nonce,
            1_000,
            TxPayload::Transfer(Transfer { to, amount }),
        );
        let signature = self.sign_digest(&unsigned.signing_digest());
        unsigned.with_signature(signature)
    }
}

/// Which keys (by number) with which power make up the set of an epoch.
pub type SetSpec = fn(epoch: u64) -> Vec<(u32, u64)>;

/// Keys 1..=4, power 10 each, forever.
#[must_use]
pub fn static_set(_epoch: u64) -> Vec<(u32, u64)> {
    (1..=4).map(|n| (n, 10)).collect()
}

/// Epoch `e` is keys `e+1 ..= e+4` (power 10): one validator leaves and one
/// joins per epoch, so sets two epochs apart share half their power and sets
/// four apart share nothing.
#[must_use]
pub fn rotating_set(epoch: u64) -> Vec<(u32, u64)> {
    let first = u32::try_from(epoch).expect("a small epoch") + 1;
    (first..first + 4).map(|n| (n, 10)).collect()
}

/// Epoch `e` is keys `4e+1 ..= 4e+4`: the whole set is replaced each epoch.
#[must_use]
pub fn replaced_set(epoch: u64) -> Vec<(u32, u64)> {
    let first = u32::try_from(epoch).expect("a small epoch") * 4 + 1;
    (first..first + 4).map(|n| (n, 10)).collect()
}

/// Blocks `1..=length` with their validator sets and keys.
#[derive(Debug, Clone)]
pub struct Chain {
    /// `jifen-devnet`.
    pub chain_id: ChainId,
    /// Blocks per epoch.
    pub epoch_length: u64,
    headers: Vec<Header>,
    sets: Vec<ValidatorSet>,
    keys: BTreeMap<Address, TestKey>,
    /// The state root every header commits to (`None`: a per-height
    /// placeholder).
    state_root: Option<Hash32>,
    /// The transactions (with result codes) of the blocks that have some.
    transactions: BTreeMap<u64, Vec<(Transaction, u16)>>,
    /// The anchor leaf hashes of the blocks that anchor subchain reports.
    anchors: BTreeMap<u64, Vec<Hash32>>,
}

impl Chain {
    /// Blocks `1..=length`; the set of block `h` is `spec((h - 1) / epoch_length)`.
    #[must_use]
    pub fn new(length: u64, epoch_length: u64, spec: SetSpec) -> Self {
        let epochs = length / epoch_length + 2;
        Self::from_sets(length, epoch_length, (0..epochs).map(spec).collect())
    }

    /// Blocks `1..=length`; the set of block `h` is `specs[(h - 1) / epoch_length]`
    /// (keys by number, with their power), e.g. a seeded random pattern.
    ///
    /// # Panics
    /// When `specs` has fewer than `length / epoch_length + 2` entries.
    #[must_use]
    pub fn from_sets(length: u64, epoch_length: u64, specs: Vec<Vec<(u32, u64)>>) -> Self {
        let chain_id = ChainId::new("jifen-devnet").expect("a valid chain id");
        assert!(
            specs.len() as u64 >= length / epoch_length + 2,
            "a set for every epoch and the next"
        );
        let mut keys = BTreeMap::new();
        let mut sets = Vec::new();
        for spec in specs {
            let mut validators = Vec::new();
            for (n, power) in spec {
                let key = TestKey::new(n);
                validators.push(Validator::new(key.public_key(), power));
                keys.insert(key.address(), key);
            }
            sets.push(ValidatorSet::new(validators).expect("a valid set"));
        }
        let mut chain = Self {
            chain_id,
            epoch_length,
            headers: Vec::with_capacity(usize::try_from(length).expect("a small chain")),
            sets,
            keys,
            state_root: None,
            transactions: BTreeMap::new(),
            anchors: BTreeMap::new(),
        };
        chain.build_headers(length);
        chain
    }

    /// The same chain with every header committing to `state_root` (a
    /// state that never changes), so that proofs from one
    /// `jifen_protocol::StateTree` verify at any height.
    #[must_use]
    pub fn with_state_root(mut self, state_root: Hash32) -> Self {
        self.state_root = Some(state_root);
        let length = self.len();
        self.headers.clear();
        self.build_headers(length);
        self
    }

    /// The same chain with block `height` holding `transactions` (each with
    /// its result code): its `tx_root` and `results_root` commit to them,
    /// and every header above links to the new header.
    #[must_use]
    pub fn with_transactions(mut self, height: u64, transactions: Vec<(Transaction, u16)>) -> Self {
        self.transactions.insert(height, transactions);
        let length = self.len();
        self.headers.clear();
        self.build_headers(length);
        self
    }

    /// The same chain with each block of `anchors` committing to its
    /// subchain anchor leaves (`jifen_protocol::subchain::AnchorLeaf`
    /// leaf hashes, in block order) in `anchors_root`; every header above
    /// links to the new headers.
    #[must_use]
    pub fn with_anchors(mut self, anchors: BTreeMap<u64, Vec<Hash32>>) -> Self {
        self.anchors = anchors;
        let length = self.len();
        self.headers.clear();
        self.build_headers(length);
        self
    }

    /// The inclusion proof of anchor leaf `index` under block `height`'s
    /// `anchors_root` (as a node's `jifen_anchorProof`).
    #[must_use]
    pub fn anchor_proof(&self, height: u64, index: usize) -> InclusionProof {
        InclusionProof::generate(&self.anchors[&height], index).expect("an anchored leaf")
    }

    /// The proof answer for transaction `index` of block `height` (as a
    /// node's `jifen_txProof`).
    #[must_use]
    pub fn tx_proof(&self, height: u64, index: usize) -> UntrustedTxProof {
        let block = &self.transactions[&height];
        let (tx, result_code) = block[index].clone();
        let ids: Vec<Hash32> = block.iter().map(|(tx, _)| tx.id()).collect();
        let tx_leaves: Vec<Hash32> = ids
            .iter()
            .map(|id| merkle::leaf_hash(id.as_bytes()))
            .collect();
        let result_leaves: Vec<Hash32> = block
            .iter()
            .map(|(tx, code)| tx_result::result_leaf_hash(&tx.id(), *code))
            .collect();
        UntrustedTxProof {
            height,
            index: index as u64,
            result_code,
            tx,
            proof: InclusionProof::generate(&tx_leaves, index).expect("an index in the block"),
            result_proof: InclusionProof::generate(&result_leaves, index)
                .expect("an index in the block"),
        }
    }

    fn build_headers(&mut self, length: u64) {
        let mut previous: Option<Hash32> = None;
        for height in 1..=length {
            let header = self.make_header(height, previous);
            previous = Some(header.hash());
            self.headers.push(header);
        }
    }

    fn make_header(&self, height: u64, previous: Option<Hash32>) -> Header {
        let validators = self.set_at(height);
        Header {
            version: HEADER_VERSION,
            chain_id: self.chain_id.clone(),
            height,
            time_ms: T0 + (height - 1) * BLOCK_MS,
            previous_block_hash: previous,
            last_commit_hash: previous.map(|_| {
                Hash32(tagged_hash(
                    "fixture/last-commit",
                    &(height - 1).to_be_bytes(),
                ))
            }),
            tx_root: self
                .transactions
                .get(&height)
                .map_or_else(merkle::empty_root, |block| {
                    let ids: Vec<Hash32> = block.iter().map(|(tx, _)| tx.id()).collect();
                    merkle::root(&ids)
                }),
            results_root: self
                .transactions
                .get(&height)
                .map_or_else(merkle::empty_root, |block| {
                    let results: Vec<(Hash32, u16)> =
                        block.iter().map(|(tx, code)| (tx.id(), *code)).collect();
                    tx_result::results_root(&results)
                }),
            state_root: self
                .state_root
                .unwrap_or_else(|| Hash32(sha256(format!("fixture/state/{height}").as_bytes()))),
            anchors_root: self
                .anchors
                .get(&height)
                .map_or_else(merkle::empty_root, |leaves| {
                    merkle::root_from_leaf_hashes(leaves)
                }),
            validators_hash: validators.hash(),
            next_validators_hash: self.set_at(height + 1).hash(),
            proposer: validators.validators()[0].address,
        }
    }

    /// The number of blocks.
    #[must_use]
    pub fn len(&self) -> u64 {
        self.headers.len() as u64
    }

    /// Whether the chain has no block.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.headers.is_empty()
    }

    /// The validator set that signs block `height`.
    #[must_use]
    pub fn set_at(&self, height: u64) -> &ValidatorSet {
        let epoch = (height - 1) / self.epoch_length;
        &self.sets[usize::try_from(epoch).expect("a small epoch")]
    }

    /// The header at `height`.
    #[must_use]
    pub fn header(&self, height: u64) -> &Header {
        &self.headers[usize::try_from(height - 1).expect("a small height")]
    }

    /// The honest light block at `height`, signed by every validator.
    #[must_use]
    pub fn block(&self, height: u64) -> LightBlock {
        let validators = self.set_at(height).clone();
        let all: Vec<usize> = (0..validators.len()).collect();
        self.block_signed_by(height, &all)
    }

    /// The light block at `height` signed only by the validators at `indices`.
    #[must_use]
    pub fn block_signed_by(&self, height: u64, indices: &[usize]) -> LightBlock {
        let header = self.header(height).clone();
        let validators = self.set_at(height).clone();
        let commit = self.sign(&header, &validators, indices);
        LightBlock {
            header,
            commit,
            validators,
            next_validators: self.set_at(height + 1).clone(),
        }
    }

    /// A commit for `header` by the validators of `validators` at `indices`.
    #[must_use]
    pub fn sign(&self, header: &Header, validators: &ValidatorSet, indices: &[usize]) -> Commit {
        let block_hash = header.hash();
        let digest = Commit::vote_digest(
            &header.chain_id,
            VoteKind::Precommit,
            header.height,
            0,
            &block_hash,
        );
        let mut sorted = indices.to_vec();
        sorted.sort_unstable();
        let signatures = sorted
            .iter()
            .map(|&index| {
                let validator = validators.get(index).expect("an index in the set");
                let key = &self.keys[&validator.address];
                CommitSignature {
                    validator_index: u16::try_from(index).expect("a small index"),
                    signature: key.sign_digest(&digest),
                }
            })
            .collect();
        Commit {
            height: header.height,
            round: 0,
            block_hash,
            signatures,
        }
    }

    /// Re-signs `block` (after its header was changed) by all its validators,
    /// as a byzantine majority would.
    pub fn resign(&self, block: &mut LightBlock) {
        let all: Vec<usize> = (0..block.validators.len()).collect();
        block.commit = self.sign(&block.header, &block.validators, &all);
    }

    /// The header at `height` as a checkpoint.
    #[must_use]
    pub fn checkpoint(&self, height: u64) -> Checkpoint {
        Checkpoint {
            height,
            hash: self.header(height).hash(),
        }
    }

    /// A clock reading just after block `height`.
    #[must_use]
    pub fn time_after(&self, height: u64) -> u64 {
        self.header(height).time_ms + 1
    }
}

/// A source over a [`Chain`] that signs each block when asked and counts
/// what it served.
#[derive(Debug)]
pub struct ChainSource<'a> {
    /// The chain served.
    pub chain: &'a Chain,
    /// Blocks served so far.
    pub served: u64,
    /// Blocks served instead of the honest ones (forgeries).
    pub overrides: BTreeMap<u64, LightBlock>,
}

impl<'a> ChainSource<'a> {
    /// A source serving `chain` honestly.
    #[must_use]
    pub fn new(chain: &'a Chain) -> Self {
        Self {
            chain,
            served: 0,
            overrides: BTreeMap::new(),
        }
    }
}

impl LightBlockSource for ChainSource<'_> {
    fn untrusted_light_block(&mut self, height: u64) -> Result<LightBlock, SourceError> {
        if height == 0 || height > self.chain.len() {
            return Err(format!("no block at height {height}").into());
        }
        self.served += 1;
        Ok(self
            .overrides
            .get(&height)
            .cloned()
            .unwrap_or_else(|| self.chain.block(height)))
    }

    fn untrusted_latest(&mut self) -> Result<LightBlock, SourceError> {
        self.untrusted_light_block(self.chain.len())
    }
}
