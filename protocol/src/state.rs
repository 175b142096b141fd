//! The authenticated state map: record keys, the account record, and the
//! sparse Merkle tree whose root is a header's `state_root`, with existence
//! and non-existence proofs.
//!
//! See `docs/protocol.md#state`. The tree has the shape of the Diem/Aptos
//! Jellyfish Merkle tree (a 256-level binary tree over 32-byte keys in which
//! a subtree holding one leaf is replaced by that leaf, and an empty subtree
//! by a placeholder), hashed with our own domain tags:
//!
//! - value hash: `tagged_hash("jifen/state-value", value)`
//! - leaf: `tagged_hash("jifen/state-leaf", key || value_hash)`
//! - inner node: `tagged_hash("jifen/state-node", left || right)`
//! - empty subtree: 32 zero bytes ([`Hash32::ZERO`]); the empty map's root.
//!
//! [`verify_state_proof`] is pure and is what a light client calls.

use crate::address::Address;
use crate::encoding::{Decode, DecodeError, Encode, Reader, put_len};
use crate::hash::{Hash32, tagged_hash, tagged_hash_parts};

/// Domain tags of the state tree.
pub mod tags {
    /// Tag of state keys.
    pub const KEY: &str = "jifen/state-key";
    /// Tag of value hashes.
    pub const VALUE: &str = "jifen/state-value";
    /// Tag of leaves.
    pub const LEAF: &str = "jifen/state-leaf";
    /// Tag of inner nodes.
    pub const NODE: &str = "jifen/state-node";
}

/// Depth of the tree: one level per key bit.
pub const STATE_TREE_DEPTH: usize = 256;

/// The kind of a state record: the first byte hashed into its key. Later
/// issues add kinds (parties, product anchors). The points records are
/// described in [`crate::points`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
#[repr(u8)]
pub enum RecordKind {
    /// An [`Account`] keyed by address (`0x01`).
    Account = 1,
    /// A [`crate::staking::StakeRecord`] keyed by validator address (`0x02`).
    Stake = 2,
    /// A merchant points balance keyed by `address || merchant u32` (`0x03`).
    PointsBalance = 3,
    /// A [`crate::points::MerchantRecord`] keyed by `merchant u32` (`0x04`).
    Merchant = 4,
    /// The [`crate::points::MerchantRegistry`] (empty id, `0x05`).
    MerchantRegistry = 5,
    /// A [`crate::points::RateRecord`] keyed by `merchant u32 || version u32` (`0x06`).
    Rate = 6,
    /// The [`crate::points::PointSupply`] (empty id, `0x07`).
    PointSupply = 7,
    /// The [`crate::points::AllianceParams`] (empty id, `0x08`).
    Alliance = 8,
    /// [`crate::points::CouncilVotes`] keyed by `merchant u32 || action u8` (`0x09`).
    CouncilVotes = 9,
    /// A [`crate::subchain::SubchainRecord`] keyed by `subchain u32` (`0x0A`).
    Subchain = 0x0A,
    /// The [`crate::subchain::SubchainRegistry`] (empty id, `0x0B`).
    SubchainRegistry = 0x0B,
    /// A [`crate::subchain::AnchoredHeader`] keyed by `subchain u32 || height u64` (`0x0C`).
    AnchoredHeader = 0x0C,
    /// A [`crate::provenance::PartyRecord`] keyed by address (`0x0D`).
    Party = 0x0D,
    /// A [`crate::provenance::AnchorRecord`] keyed by the item's encoding (`0x0E`).
    ItemAnchor = 0x0E,
    /// A [`crate::provenance::SalesRecord`] keyed by the item's encoding (`0x0F`).
    ItemSales = 0x0F,
}

/// The key of record `kind` with identifier `id`:
/// `tagged_hash("jifen/state-key", kind u8 || id)`.
#[must_use]
pub fn state_key(kind: RecordKind, id: &[u8]) -> Hash32 {
    Hash32(tagged_hash_parts(tags::KEY, &[&[kind as u8], id]))
}

/// The key of `address`'s [`Account`].
#[must_use]
pub fn account_key(address: &Address) -> Hash32 {
    state_key(RecordKind::Account, address.as_bytes())
}

/// The key of `address`'s [`crate::staking::StakeRecord`].
#[must_use]
pub fn stake_key(address: &Address) -> Hash32 {
    state_key(RecordKind::Stake, address.as_bytes())
}

/// A POINT account and the commitment to its history. An address that never
/// received POINT and was never party to a transaction has no record (a
/// non-existence proof shows balance 0, nonce 0, empty history).
///
/// The history commitment covers every transaction the address was party
/// to (`docs/protocol.md#history`, [`crate::history`]): `history_len`
/// entries folded into `history_head` from [`Hash32::ZERO`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Account {
    /// Balance in POINT base units.
    pub balance: u128,
    /// The nonce the account's next transaction must carry.
    pub nonce: u64,
    /// Number of transactions in the account's history.
    pub history_len: u64,
    /// Head of the history hash chain ([`Hash32::ZERO`] when empty).
    pub history_head: Hash32,
}

impl Account {
    /// Length of the encoding: 64 bytes.
    pub const ENCODED_LEN: usize = 64;

    /// An account with `balance` and `nonce` and an empty history.
    #[must_use]
    pub const fn new(balance: u128, nonce: u64) -> Self {
        Self {
            balance,
            nonce,
            history_len: 0,
            history_head: Hash32::ZERO,
        }
    }

    /// Whether the account is the zero account (then it has no record).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

impl Encode for Account {
    /// `balance u128 || nonce u64 || history_len u64 || history_head (32)`
    /// (64 bytes).
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.balance.to_be_bytes());
        out.extend_from_slice(&self.nonce.to_be_bytes());
        out.extend_from_slice(&self.history_len.to_be_bytes());
        out.extend_from_slice(self.history_head.as_bytes());
    }
}

impl Decode for Account {
    const NAME: &'static str = "account";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let balance = reader.u128("balance")?;
        let nonce = reader.u64("nonce")?;
        let history_len = reader.u64("history length")?;
        let offset = reader.offset();
        let history_head = Hash32(reader.array("history head")?);
        // An empty history has the zero head and only it: one encoding per state.
        if (history_len == 0) != (history_head == Hash32::ZERO) {
            return Err(DecodeError::InvalidValue {
                field: "history head",
                offset,
                reason: "the head is zero exactly when the history is empty",
            });
        }
        Ok(Self {
            balance,
            nonce,
            history_len,
            history_head,
        })
    }
}

/// `tagged_hash("jifen/state-value", value)`.
#[must_use]
pub fn value_hash(value: &[u8]) -> Hash32 {
    Hash32(tagged_hash(tags::VALUE, value))
}

/// `tagged_hash("jifen/state-leaf", key || value_hash)`.
#[must_use]
pub fn leaf_hash(key: &Hash32, value_hash: &Hash32) -> Hash32 {
    Hash32(tagged_hash_parts(
        tags::LEAF,
        &[key.as_bytes(), value_hash.as_bytes()],
    ))
}

/// `tagged_hash("jifen/state-node", left || right)`.
#[must_use]
pub fn node_hash(left: &Hash32, right: &Hash32) -> Hash32 {
    Hash32(tagged_hash_parts(
        tags::NODE,
        &[left.as_bytes(), right.as_bytes()],
    ))
}

/// Bit `index` of `key`, most significant bit of byte 0 first (0 = left).
fn bit(key: &Hash32, index: usize) -> bool {
    key.as_bytes()
        .get(index / 8)
        .is_some_and(|byte| byte & (0x80 >> (index % 8)) != 0)
}

/// A leaf as carried in a proof: its key and the hash of its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ProofLeaf {
    /// The leaf's key.
    pub key: Hash32,
    /// [`value_hash`] of the leaf's value.
    pub value_hash: Hash32,
}

/// A proof that a key has a value, or no value, under a state root.
///
/// Walking from the root towards the key, `siblings[i]` is the sibling of the
/// node at depth `i + 1`. The walk ends at a subtree that is either empty
/// (`leaf` is `None`) or holds one leaf (`leaf`), which for an existence
/// proof is the key's own leaf and for a non-existence proof is another key
/// sharing the first `siblings.len()` bits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StateProof {
    /// The leaf at the end of the walk, if the subtree there is not empty.
    pub leaf: Option<ProofLeaf>,
    /// Siblings from the root downwards; at most [`STATE_TREE_DEPTH`].
    pub siblings: Vec<Hash32>,
}

impl Encode for StateProof {
    /// `leaf option (0x00 | 0x01 || key || value_hash) || count u32 || count * sibling`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        match &self.leaf {
            None => out.push(0),
            Some(leaf) => {
                out.push(1);
                out.extend_from_slice(leaf.key.as_bytes());
                out.extend_from_slice(leaf.value_hash.as_bytes());
            }
        }
        put_len(out, self.siblings.len());
        for sibling in &self.siblings {
            out.extend_from_slice(sibling.as_bytes());
        }
    }
}

impl Decode for StateProof {
    const NAME: &'static str = "state proof";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let leaf = if reader.option_tag("leaf")? {
            let key = Hash32(reader.array("leaf key")?);
            let value_hash = Hash32(reader.array("leaf value hash")?);
            Some(ProofLeaf { key, value_hash })
        } else {
            None
        };
        let count = reader.count("siblings", 0, STATE_TREE_DEPTH, 32)?;
        let mut siblings = Vec::with_capacity(count);
        for _ in 0..count {
            siblings.push(Hash32(reader.array("sibling")?));
        }
        Ok(Self { leaf, siblings })
    }
}

/// Why a state proof does not prove what was claimed.
///
/// Codes: `state-proof-too-deep`, `state-proof-wrong-leaf`,
/// `state-proof-value-mismatch`, `state-proof-leaf-off-path`,
/// `state-proof-root-mismatch`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StateProofError {
    /// More siblings than tree levels.
    #[error("state proof has {got} siblings, at most 256 allowed")]
    TooDeep {
        /// Siblings found.
        got: usize,
    },
    /// An existence proof whose leaf is absent or for another key.
    #[error("existence proof does not end at the key's leaf")]
    WrongLeaf,
    /// The leaf's value hash is not the hash of the claimed value.
    #[error("leaf value hash {got} differs from the claimed value's hash {expected}")]
    ValueMismatch {
        /// Hash of the claimed value.
        expected: Hash32,
        /// Hash in the proof.
        got: Hash32,
    },
    /// A non-existence proof whose leaf is the key itself, or is not on the
    /// key's path.
    #[error("non-existence proof leaf is the key itself or lies off the key's path")]
    LeafOffPath,
    /// The proof leads to another root.
    #[error("state proof leads to root {got}, expected {expected}")]
    RootMismatch {
        /// The trusted state root.
        expected: Hash32,
        /// The root the proof computes.
        got: Hash32,
    },
}

impl StateProofError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::TooDeep { .. } => "state-proof-too-deep",
            Self::WrongLeaf => "state-proof-wrong-leaf",
            Self::ValueMismatch { .. } => "state-proof-value-mismatch",
            Self::LeafOffPath => "state-proof-leaf-off-path",
            Self::RootMismatch { .. } => "state-proof-root-mismatch",
        }
    }
}

/// Checks that under `state_root`, `key` holds `value` (existence proof) or
/// holds nothing when `value` is `None` (non-existence proof).
///
/// # Errors
/// A [`StateProofError`] naming the first rule the proof breaks.
pub fn verify_state_proof(
    state_root: &Hash32,
    key: &Hash32,
    value: Option<&[u8]>,
    proof: &StateProof,
) -> Result<(), StateProofError> {
    let depth = proof.siblings.len();
    if depth > STATE_TREE_DEPTH {
        return Err(StateProofError::TooDeep { got: depth });
    }
    let mut current = match (value, &proof.leaf) {
        (Some(value), Some(leaf)) => {
            if leaf.key != *key {
                return Err(StateProofError::WrongLeaf);
            }
            let expected = value_hash(value);
            if leaf.value_hash != expected {
                return Err(StateProofError::ValueMismatch {
                    expected,
                    got: leaf.value_hash,
                });
            }
            leaf_hash(&leaf.key, &leaf.value_hash)
        }
        (Some(_), None) => return Err(StateProofError::WrongLeaf),
        (None, Some(leaf)) => {
            // The other leaf must sit where the key's walk ends: same first
            // `depth` bits, and not the key itself.
            if leaf.key == *key || (0..depth).any(|i| bit(&leaf.key, i) != bit(key, i)) {
                return Err(StateProofError::LeafOffPath);
            }
            leaf_hash(&leaf.key, &leaf.value_hash)
        }
        (None, None) => Hash32::ZERO,
    };
    for (level, sibling) in proof.siblings.iter().enumerate().rev() {
        current = if bit(key, level) {
            node_hash(sibling, &current)
        } else {
            node_hash(&current, sibling)
        };
    }
    if current == *state_root {
        Ok(())
    } else {
        Err(StateProofError::RootMismatch {
            expected: *state_root,
            got: current,
        })
    }
}

/// The root of the map whose entries are `(key, leaf_hash)`, sorted by key
/// with no duplicates (as a `BTreeMap` iterates). For full nodes and tests.
#[must_use]
pub fn state_root(sorted_leaves: &[(Hash32, Hash32)]) -> Hash32 {
    subtree_root(sorted_leaves, 0)
}

fn subtree_root(leaves: &[(Hash32, Hash32)], depth: usize) -> Hash32 {
    match leaves {
        [] => Hash32::ZERO,
        [(_, leaf)] => *leaf,
        _ => {
            let split = leaves.partition_point(|(key, _)| !bit(key, depth));
            let (left, right) = leaves.split_at(split);
            node_hash(
                &subtree_root(left, depth + 1),
                &subtree_root(right, depth + 1),
            )
        }
    }
}

/// The proof for `key` in the map of sorted `(key, leaf_hash)` entries, with
/// `value_hashes` giving each key's value hash (needed for the end leaf).
/// For full nodes and tests.
#[must_use]
pub fn prove_state(
    sorted_leaves: &[(Hash32, Hash32)],
    value_hash_of: impl Fn(&Hash32) -> Option<Hash32>,
    key: &Hash32,
) -> StateProof {
    let mut siblings = Vec::new();
    let mut leaves = sorted_leaves;
    let mut depth = 0;
    loop {
        match leaves {
            [] => {
                return StateProof {
                    leaf: None,
                    siblings,
                };
            }
            [(leaf_key, _)] => {
                let leaf = value_hash_of(leaf_key).map(|value_hash| ProofLeaf {
                    key: *leaf_key,
                    value_hash,
                });
                return StateProof { leaf, siblings };
            }
            _ => {
                if depth >= STATE_TREE_DEPTH {
                    // Unreachable with distinct keys.
                    return StateProof {
                        leaf: None,
                        siblings,
                    };
                }
                let split = leaves.partition_point(|(k, _)| !bit(k, depth));
                let (left, right) = leaves.split_at(split);
                if bit(key, depth) {
                    siblings.push(subtree_root(left, depth + 1));
                    leaves = right;
                } else {
                    siblings.push(subtree_root(right, depth + 1));
                    leaves = left;
                }
                depth += 1;
            }
        }
    }
}

/// A built sparse Merkle tree: its inner node hashes are kept, so a proof
/// costs one walk from the root (at most 256 steps) instead of rehashing the
/// map. Full nodes build one per block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateTree {
    root: TreeNode,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum TreeNode {
    Empty,
    Leaf {
        key: Hash32,
        value_hash: Hash32,
        hash: Hash32,
    },
    Inner {
        hash: Hash32,
        left: Box<TreeNode>,
        right: Box<TreeNode>,
    },
}

impl TreeNode {
    const fn hash(&self) -> Hash32 {
        match self {
            Self::Empty => Hash32::ZERO,
            Self::Leaf { hash, .. } | Self::Inner { hash, .. } => *hash,
        }
    }

    /// `leaves`: sorted `(key, value_hash)`.
    fn build(leaves: &[(Hash32, Hash32)], depth: usize) -> Self {
        match leaves {
            [] => Self::Empty,
            [(key, value_hash)] => Self::Leaf {
                key: *key,
                value_hash: *value_hash,
                hash: leaf_hash(key, value_hash),
            },
            _ => {
                let split = leaves.partition_point(|(key, _)| !bit(key, depth));
                let (left, right) = leaves.split_at(split);
                let left = Self::build(left, depth + 1);
                let right = Self::build(right, depth + 1);
                Self::Inner {
                    hash: node_hash(&left.hash(), &right.hash()),
                    left: Box::new(left),
                    right: Box::new(right),
                }
            }
        }
    }
}

impl StateTree {
    /// Builds the tree of `map`.
    #[must_use]
    pub fn build(map: &StateMap) -> Self {
        let leaves: Vec<(Hash32, Hash32)> = map
            .entries
            .iter()
            .map(|(key, value)| (*key, value_hash(value)))
            .collect();
        Self {
            root: TreeNode::build(&leaves, 0),
        }
    }

    /// The root hash.
    #[must_use]
    pub const fn root(&self) -> Hash32 {
        self.root.hash()
    }

    /// The proof for `key` (existence or non-existence).
    #[must_use]
    pub fn prove(&self, key: &Hash32) -> StateProof {
        let mut siblings = Vec::new();
        let mut node = &self.root;
        let mut depth = 0;
        loop {
            match node {
                TreeNode::Empty => {
                    return StateProof {
                        leaf: None,
                        siblings,
                    };
                }
                TreeNode::Leaf {
                    key: leaf_key,
                    value_hash,
                    ..
                } => {
                    return StateProof {
                        leaf: Some(ProofLeaf {
                            key: *leaf_key,
                            value_hash: *value_hash,
                        }),
                        siblings,
                    };
                }
                TreeNode::Inner { left, right, .. } => {
                    if bit(key, depth) {
                        siblings.push(left.hash());
                        node = right;
                    } else {
                        siblings.push(right.hash());
                        node = left;
                    }
                    depth += 1;
                }
            }
        }
    }
}

/// A small in-memory state map that keeps values and computes roots and
/// proofs. Full nodes keep one per retained height (or rebuild one).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StateMap {
    entries: std::collections::BTreeMap<Hash32, Vec<u8>>,
}

impl StateMap {
    /// An empty map.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The value at `key`.
    #[must_use]
    pub fn get(&self, key: &Hash32) -> Option<&[u8]> {
        self.entries.get(key).map(Vec::as_slice)
    }

    /// Sets (`Some`) or removes (`None`) the value at `key`.
    pub fn set(&mut self, key: Hash32, value: Option<Vec<u8>>) {
        match value {
            Some(value) => {
                self.entries.insert(key, value);
            }
            None => {
                self.entries.remove(&key);
            }
        }
    }

    /// Number of records.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the map is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Iterates over `(key, value)` in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&Hash32, &[u8])> {
        self.entries.iter().map(|(k, v)| (k, v.as_slice()))
    }

    fn leaves(&self) -> Vec<(Hash32, Hash32)> {
        self.entries
            .iter()
            .map(|(key, value)| (*key, leaf_hash(key, &value_hash(value))))
            .collect()
    }

    /// The root.
    #[must_use]
    pub fn root(&self) -> Hash32 {
        state_root(&self.leaves())
    }

    /// The value at `key` (if any) and the proof of it.
    #[must_use]
    pub fn prove(&self, key: &Hash32) -> (Option<Vec<u8>>, StateProof) {
        let leaves = self.leaves();
        let proof = prove_state(&leaves, |k| self.entries.get(k).map(|v| value_hash(v)), key);
        (self.entries.get(key).cloned(), proof)
    }
}

impl crate::message::Coded for StateProofError {
    fn code(&self) -> &'static str {
        StateProofError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, crate::message::Arg)> {
        match self {
            StateProofError::TooDeep { got } => vec![("got", (*got).into())],
            StateProofError::ValueMismatch { expected, got }
            | StateProofError::RootMismatch { expected, got } => vec![
                ("expected", expected.to_string().into()),
                ("got", got.to_string().into()),
            ],
            StateProofError::WrongLeaf | StateProofError::LeafOffPath => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u8) -> Hash32 {
        Hash32(tagged_hash("test", &[n]))
    }

    #[test]
    fn empty_map_root_is_zero_and_proves_absence() {
        let map = StateMap::new();
        assert_eq!(map.root(), Hash32::ZERO);
        let (value, proof) = map.prove(&key(1));
        assert!(value.is_none());
        verify_state_proof(&map.root(), &key(1), None, &proof).unwrap();
    }

    #[test]
    fn proofs_verify_for_present_and_absent_keys() {
        let mut map = StateMap::new();
        for n in 0..50u8 {
            map.set(key(n), Some(vec![n; usize::from(n % 7) + 1]));
        }
        let root = map.root();
        for n in 0..80u8 {
            let (value, proof) = map.prove(&key(n));
            assert_eq!(value.is_some(), n < 50);
            verify_state_proof(&root, &key(n), value.as_deref(), &proof).unwrap();
            let decoded = StateProof::decode(&proof.encode()).unwrap();
            assert_eq!(decoded, proof);
            // Claiming the opposite fails.
            if let Some(v) = &value {
                assert!(verify_state_proof(&root, &key(n), None, &proof).is_err());
                let mut other = v.clone();
                other.push(0);
                assert_eq!(
                    verify_state_proof(&root, &key(n), Some(&other), &proof)
                        .unwrap_err()
                        .code(),
                    "state-proof-value-mismatch"
                );
            } else {
                assert!(verify_state_proof(&root, &key(n), Some(b"x"), &proof).is_err());
            }
        }
    }

    #[test]
    fn built_tree_matches_the_map() {
        let mut map = StateMap::new();
        for n in 0..40u8 {
            map.set(key(n), Some(vec![n]));
        }
        let tree = StateTree::build(&map);
        assert_eq!(tree.root(), map.root());
        for n in 0..60u8 {
            assert_eq!(tree.prove(&key(n)), map.prove(&key(n)).1);
        }
        assert_eq!(StateTree::build(&StateMap::new()).root(), Hash32::ZERO);
    }

    #[test]
    fn tampered_sibling_is_a_root_mismatch() {
        let mut map = StateMap::new();
        for n in 0..5u8 {
            map.set(key(n), Some(vec![n]));
        }
        let (value, mut proof) = map.prove(&key(3));
        proof.siblings[0].0[0] ^= 1;
        let err = verify_state_proof(&map.root(), &key(3), value.as_deref(), &proof).unwrap_err();
        assert_eq!(err.code(), "state-proof-root-mismatch");
    }

    #[test]
    fn single_leaf_root_is_the_leaf() {
        let mut map = StateMap::new();
        map.set(key(9), Some(b"v".to_vec()));
        assert_eq!(map.root(), leaf_hash(&key(9), &value_hash(b"v")));
        map.set(key(9), None);
        assert_eq!(map.root(), Hash32::ZERO);
    }

    #[test]
    fn proof_decoding_is_bounded() {
        let mut bytes = vec![0u8];
        bytes.extend_from_slice(&257u32.to_be_bytes());
        bytes.extend(std::iter::repeat_n(0u8, 257 * 32));
        assert_eq!(
            StateProof::decode(&bytes).unwrap_err().code(),
            "decode-length-out-of-bounds"
        );
        assert_eq!(
            StateProof::decode(&[2, 0, 0, 0, 0]).unwrap_err().code(),
            "decode-bad-tag"
        );
    }

    proptest::proptest! {
        #[test]
        fn random_maps_prove_every_key(
            keys in proptest::collection::btree_set(proptest::prelude::any::<[u8; 32]>(), 0..40),
            probe in proptest::prelude::any::<[u8; 32]>(),
        ) {
            let mut map = StateMap::new();
            for k in &keys {
                map.set(Hash32(*k), Some(k[..4].to_vec()));
            }
            let tree = StateTree::build(&map);
            let root = map.root();
            proptest::prop_assert_eq!(tree.root(), root);
            for k in keys.iter().chain(std::iter::once(&probe)) {
                let key = Hash32(*k);
                let value = map.get(&key).map(<[u8]>::to_vec);
                let proof = tree.prove(&key);
                proptest::prop_assert!(verify_state_proof(&root, &key, value.as_deref(), &proof).is_ok());
                // The opposite claim never verifies.
                let opposite = if value.is_some() { None } else { Some(&b"x"[..]) };
                proptest::prop_assert!(verify_state_proof(&root, &key, opposite, &proof).is_err());
            }
        }
    }

    #[test]
    fn account_round_trips() {
        let account = Account::new(5, 7);
        assert_eq!(account.encode().len(), Account::ENCODED_LEN);
        assert_eq!(Account::decode(&account.encode()).unwrap(), account);
        let with_history = Account {
            history_len: 2,
            history_head: Hash32([9; 32]),
            ..account
        };
        assert_eq!(
            Account::decode(&with_history.encode()).unwrap(),
            with_history
        );
        // A length without a head, or a head without a length, is not canonical.
        for bad in [
            Account {
                history_len: 1,
                ..account
            },
            Account {
                history_head: Hash32([1; 32]),
                ..account
            },
        ] {
            assert_eq!(
                Account::decode(&bad.encode()).unwrap_err().code(),
                "decode-invalid-value"
            );
        }
        assert_eq!(
            Account::decode(&[0; 24]).unwrap_err().code(),
            "decode-unexpected-end"
        );
    }
}
