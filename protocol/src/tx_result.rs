//! Transaction results: what a block commits to about each transaction's
//! outcome (`docs/protocol.md#execution`, "Results").
//!
//! The result leaf of the transaction at position `i` of a block is
//! `tx_id (32) || code u16` (34 bytes; code 0 is success, other codes are
//! the numbers of `docs/rpc.md#errors`), and the header's `results_root` is
//! the RFC 6962 root over these leaves in block order. With the same index
//! under `tx_root` (leaf: the 32 id bytes) a light client proves "included
//! and succeeded". Consensus-critical: the node builds the root with
//! [`results_root`] and light clients check proofs with
//! [`result_leaf_hash`], so both sides use this one definition.
//!
//! ```
//! use jifen_protocol::tx_result::{SUCCESS, result_leaf, results_root, result_leaf_hash};
//! use jifen_protocol::{Hash32, merkle};
//!
//! let id = Hash32([7; 32]);
//! let leaf = result_leaf(&id, SUCCESS);
//! assert_eq!(&leaf[..32], id.as_bytes());
//! assert_eq!(&leaf[32..], &[0, 0]);
//! // One transaction: the root is its leaf hash.
//! assert_eq!(results_root(&[(id, SUCCESS)]), result_leaf_hash(&id, SUCCESS));
//! assert_eq!(results_root(&[]), merkle::empty_root());
//! ```

use crate::hash::Hash32;
use crate::merkle;

/// The result code of a transaction whose payload succeeded.
pub const SUCCESS: u16 = 0;

/// Length of a result leaf: the 32 id bytes and the code.
pub const RESULT_LEAF_LEN: usize = 34;

/// The result leaf of transaction `id` with result `code`:
/// `id (32) || code u16` (big-endian).
#[must_use]
pub fn result_leaf(id: &Hash32, code: u16) -> [u8; RESULT_LEAF_LEN] {
    let mut leaf = [0u8; RESULT_LEAF_LEN];
    let (id_part, code_part) = leaf.split_at_mut(32);
    id_part.copy_from_slice(id.as_bytes());
    code_part.copy_from_slice(&code.to_be_bytes());
    leaf
}

/// The Merkle leaf hash of [`result_leaf`]: what an inclusion proof under
/// `results_root` starts from.
#[must_use]
pub fn result_leaf_hash(id: &Hash32, code: u16) -> Hash32 {
    merkle::leaf_hash(&result_leaf(id, code))
}

/// A block's `results_root`: the RFC 6962 root over the result leaves of its
/// transactions `(id, code)`, in block order (the empty-tree root for none).
#[must_use]
pub fn results_root(results: &[(Hash32, u16)]) -> Hash32 {
    let leaves: Vec<Hash32> = results
        .iter()
        .map(|(id, code)| result_leaf_hash(id, *code))
        .collect();
    merkle::root_from_leaf_hashes(&leaves)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merkle::InclusionProof;

    #[test]
    fn leaf_is_id_then_big_endian_code() {
        let id = Hash32([0xab; 32]);
        let leaf = result_leaf(&id, 1006);
        assert_eq!(leaf.len(), RESULT_LEAF_LEN);
        assert_eq!(&leaf[..32], &[0xab; 32]);
        assert_eq!(&leaf[32..], &[0x03, 0xee]);
    }

    #[test]
    fn root_is_the_merkle_root_of_the_leaves() {
        let results = [
            (Hash32([1; 32]), SUCCESS),
            (Hash32([2; 32]), 1006),
            (Hash32([3; 32]), SUCCESS),
        ];
        let leaves: Vec<[u8; RESULT_LEAF_LEN]> = results
            .iter()
            .map(|(id, code)| result_leaf(id, *code))
            .collect();
        let root = results_root(&results);
        assert_eq!(root, merkle::root(&leaves));
        let hashes: Vec<Hash32> = results
            .iter()
            .map(|(id, code)| result_leaf_hash(id, *code))
            .collect();
        let proof = InclusionProof::generate(&hashes, 1).unwrap();
        proof
            .verify(&result_leaf_hash(&Hash32([2; 32]), 1006), &root)
            .unwrap();
        // Another code at the same position does not prove.
        assert!(
            proof
                .verify(&result_leaf_hash(&Hash32([2; 32]), SUCCESS), &root)
                .is_err()
        );
    }
}
