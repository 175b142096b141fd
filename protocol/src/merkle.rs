//! The RFC 6962 / RFC 9162 Merkle tree: roots and inclusion proofs.
//!
//! `leaf = SHA256(0x00 || data)`, `node = SHA256(0x01 || left || right)`, the
//! empty tree hashes to `SHA256("")`, and a tree of `n > 1` leaves splits at
//! the largest power of two below `n`. The distinct leaf and node prefixes
//! are what keeps an inner node from passing as a leaf (CVE-2017-12842), and
//! the split rule never duplicates a leaf (CVE-2012-2459). See
//! `docs/protocol.md#merkle-trees`.

use sha2::{Digest, Sha256};

use crate::encoding::{Decode, DecodeError, Encode, MAX_MERKLE_PATH_LEN, Reader};
use crate::hash::{Hash32, sha256};

/// The hash of a leaf: `SHA256(0x00 || data)`.
#[must_use]
pub fn leaf_hash(data: &[u8]) -> Hash32 {
    let mut hasher = Sha256::new();
    hasher.update([0x00]);
    hasher.update(data);
    Hash32(hasher.finalize().into())
}

/// The hash of an inner node: `SHA256(0x01 || left || right)`.
#[must_use]
pub fn node_hash(left: &Hash32, right: &Hash32) -> Hash32 {
    let mut hasher = Sha256::new();
    hasher.update([0x01]);
    hasher.update(left.0);
    hasher.update(right.0);
    Hash32(hasher.finalize().into())
}

/// The root of the empty tree: `SHA256("")`.
#[must_use]
pub fn empty_root() -> Hash32 {
    Hash32(sha256(b""))
}

/// The root of the tree whose leaves hold `leaves` (the leaf data, hashed here).
#[must_use]
pub fn root<T: AsRef<[u8]>>(leaves: &[T]) -> Hash32 {
    let hashes: Vec<Hash32> = leaves.iter().map(|leaf| leaf_hash(leaf.as_ref())).collect();
    root_from_leaf_hashes(&hashes)
}

/// The root of the tree whose leaf hashes are `leaf_hashes`.
#[must_use]
pub fn root_from_leaf_hashes(leaf_hashes: &[Hash32]) -> Hash32 {
    match leaf_hashes {
        [] => empty_root(),
        [single] => *single,
        _ => {
            let (left, right) = leaf_hashes.split_at(split_point(leaf_hashes.len()));
            node_hash(&root_from_leaf_hashes(left), &root_from_leaf_hashes(right))
        }
    }
}

/// The largest power of two strictly below `n` (for `n >= 2`).
fn split_point(n: usize) -> usize {
    let below = n.saturating_sub(1).max(1);
    1 << (usize::BITS - 1 - below.leading_zeros())
}

/// The exact length of the inclusion path of leaf `index` in a tree of
/// `size` leaves (`index < size`).
#[must_use]
pub fn inclusion_path_len(index: u64, size: u64) -> usize {
    if index >= size {
        return 0;
    }
    let last = size - 1;
    let inner = (u64::BITS - (index ^ last).leading_zeros()) as usize;
    let border = index.checked_shr(inner as u32).unwrap_or(0).count_ones() as usize;
    inner + border
}

/// A proof that a leaf is in a tree of `tree_size` leaves at `leaf_index`:
/// the RFC 9162 inclusion path, from the leaf up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InclusionProof {
    /// Position of the leaf, from 0.
    pub leaf_index: u64,
    /// Number of leaves in the tree.
    pub tree_size: u64,
    /// Sibling hashes from the bottom of the tree to the top.
    pub path: Vec<Hash32>,
}

impl InclusionProof {
    /// Builds the proof for leaf `index` of the tree with `leaf_hashes`.
    ///
    /// # Errors
    /// [`MerkleError::IndexOutOfRange`] when `index >= leaf_hashes.len()`.
    pub fn generate(leaf_hashes: &[Hash32], index: usize) -> Result<Self, MerkleError> {
        let size = leaf_hashes.len();
        if index >= size {
            return Err(MerkleError::IndexOutOfRange {
                index: index as u64,
                size: size as u64,
            });
        }
        let mut path = Vec::new();
        collect_path(leaf_hashes, index, &mut path);
        path.reverse();
        Ok(Self {
            leaf_index: index as u64,
            tree_size: size as u64,
            path,
        })
    }

    /// The root this proof leads to from `leaf_hash` (RFC 9162, 2.1.3.2).
    ///
    /// # Errors
    /// [`MerkleError::IndexOutOfRange`] when `leaf_index >= tree_size`,
    /// [`MerkleError::WrongPathLength`] when the path is not exactly as long
    /// as the tree shape demands.
    pub fn root_from(&self, leaf_hash: &Hash32) -> Result<Hash32, MerkleError> {
        if self.leaf_index >= self.tree_size {
            return Err(MerkleError::IndexOutOfRange {
                index: self.leaf_index,
                size: self.tree_size,
            });
        }
        let expected = inclusion_path_len(self.leaf_index, self.tree_size);
        if self.path.len() != expected {
            return Err(MerkleError::WrongPathLength {
                expected,
                got: self.path.len(),
            });
        }
        let mut f_n = self.leaf_index;
        let mut s_n = self.tree_size - 1;
        let mut r = *leaf_hash;
        for p in &self.path {
            if s_n == 0 {
                return Err(MerkleError::WrongPathLength {
                    expected,
                    got: self.path.len(),
                });
            }
            if f_n & 1 == 1 || f_n == s_n {
                r = node_hash(p, &r);
                if f_n & 1 == 0 {
                    while f_n & 1 == 0 && f_n != 0 {
                        f_n >>= 1;
                        s_n >>= 1;
                    }
                }
            } else {
                r = node_hash(&r, p);
            }
            f_n >>= 1;
            s_n >>= 1;
        }
        if s_n != 0 {
            return Err(MerkleError::WrongPathLength {
                expected,
                got: self.path.len(),
            });
        }
        Ok(r)
    }

    /// Checks that the leaf with `leaf_hash` is in the tree with `root`.
    ///
    /// # Errors
    /// [`MerkleError::RootMismatch`] when the proof leads elsewhere, and the
    /// errors of [`InclusionProof::root_from`].
    pub fn verify(&self, leaf_hash: &Hash32, root: &Hash32) -> Result<(), MerkleError> {
        let computed = self.root_from(leaf_hash)?;
        if &computed == root {
            Ok(())
        } else {
            Err(MerkleError::RootMismatch {
                expected: *root,
                computed,
            })
        }
    }
}

/// RFC 6962 `PATH(m, D[n])`, collected top-down (reversed by the caller).
fn collect_path(leaves: &[Hash32], index: usize, path: &mut Vec<Hash32>) {
    if leaves.len() <= 1 {
        return;
    }
    let k = split_point(leaves.len());
    let (left, right) = leaves.split_at(k);
    if index < k {
        path.push(root_from_leaf_hashes(right));
        collect_path(left, index, path);
    } else {
        path.push(root_from_leaf_hashes(left));
        collect_path(right, index - k, path);
    }
}

impl Encode for InclusionProof {
    /// `leaf_index u64 || tree_size u64 || count u8 || count * 32 bytes`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.leaf_index.to_be_bytes());
        out.extend_from_slice(&self.tree_size.to_be_bytes());
        out.push(u8::try_from(self.path.len()).unwrap_or(u8::MAX));
        for hash in &self.path {
            out.extend_from_slice(&hash.0);
        }
    }
}

impl Decode for InclusionProof {
    const NAME: &'static str = "inclusion proof";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let offset = reader.offset();
        let leaf_index = reader.u64("leaf index")?;
        let tree_size = reader.u64("tree size")?;
        if leaf_index >= tree_size {
            return Err(DecodeError::InvalidValue {
                field: "leaf index",
                offset,
                reason: "leaf index is not below the tree size",
            });
        }
        let count_offset = reader.offset();
        let count = usize::from(reader.u8("path length")?);
        let expected = inclusion_path_len(leaf_index, tree_size);
        if count != expected || count > MAX_MERKLE_PATH_LEN {
            return Err(DecodeError::LengthOutOfBounds {
                field: "path length",
                offset: count_offset,
                got: count as u64,
                min: expected as u64,
                max: expected as u64,
            });
        }
        let mut path = Vec::with_capacity(count);
        for _ in 0..count {
            path.push(Hash32(reader.array("path hash")?));
        }
        Ok(Self {
            leaf_index,
            tree_size,
            path,
        })
    }
}

/// Why a Merkle proof was rejected.
///
/// Codes: `merkle-index-out-of-range`, `merkle-wrong-path-length`,
/// `merkle-root-mismatch`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MerkleError {
    /// The leaf index is not below the tree size.
    #[error("leaf index {index} is not below the tree size {size}")]
    IndexOutOfRange {
        /// Leaf index.
        index: u64,
        /// Tree size.
        size: u64,
    },
    /// The path does not have the length the tree shape demands.
    #[error("inclusion path has {got} hashes, the tree shape needs {expected}")]
    WrongPathLength {
        /// Required length.
        expected: usize,
        /// Length found.
        got: usize,
    },
    /// The proof leads to another root.
    #[error("proof leads to root {computed}, expected {expected}")]
    RootMismatch {
        /// The trusted root.
        expected: Hash32,
        /// The root the proof leads to.
        computed: Hash32,
    },
}

impl MerkleError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::IndexOutOfRange { .. } => "merkle-index-out-of-range",
            Self::WrongPathLength { .. } => "merkle-wrong-path-length",
            Self::RootMismatch { .. } => "merkle-root-mismatch",
        }
    }
}

#[cfg(test)]
#[path = "merkle_tests.rs"]
mod tests;

impl crate::message::Coded for MerkleError {
    fn code(&self) -> &'static str {
        MerkleError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, crate::message::Arg)> {
        match self {
            MerkleError::IndexOutOfRange { index, size } => {
                vec![("index", (*index).into()), ("size", (*size).into())]
            }
            MerkleError::WrongPathLength { expected, got } => {
                vec![("expected", (*expected).into()), ("got", (*got).into())]
            }
            MerkleError::RootMismatch { expected, computed } => vec![
                ("expected", expected.to_string().into()),
                ("got", computed.to_string().into()),
            ],
        }
    }
}
