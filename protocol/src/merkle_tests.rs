//! RFC 6962 reference vectors (transparency-dev/merkle `testonly/constants.go`
//! and the certificate-transparency verifier tests) and exhaustive checks.

use super::*;

fn h(hex: &str) -> Hash32 {
    hex.parse().unwrap()
}

/// The eight reference leaves.
fn reference_leaves() -> Vec<Vec<u8>> {
    [
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    ]
    .iter()
    .map(|s| hex::decode(s).unwrap())
    .collect()
}

/// Roots of the trees with the first 0..=8 reference leaves.
const REFERENCE_ROOTS: [&str; 9] = [
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

#[test]
fn roots_match_rfc6962_reference() {
    let leaves = reference_leaves();
    for (n, want) in REFERENCE_ROOTS.iter().enumerate() {
        assert_eq!(root(&leaves[..n]).to_string(), *want, "tree size {n}");
    }
}

#[test]
fn split_point_is_largest_power_of_two_below() {
    for (n, k) in [(2, 1), (3, 2), (4, 2), (5, 4), (8, 4), (9, 8), (1000, 512)] {
        assert_eq!(split_point(n), k, "n = {n}");
    }
}

#[test]
fn reference_inclusion_proofs() {
    // (0-based index, tree size, path) from the certificate-transparency
    // verifier tests, which number leaves from 1.
    let cases: [(u64, u64, &[&str]); 4] = [
        (
            0,
            8,
            &[
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ],
        ),
        (
            5,
            8,
            &[
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ],
        ),
        (
            2,
            3,
            &["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"],
        ),
        (
            1,
            5,
            &[
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ],
        ),
    ];
    let leaves = reference_leaves();
    let hashes: Vec<Hash32> = leaves.iter().map(|l| leaf_hash(l)).collect();
    for (index, size, path) in cases {
        let n = usize::try_from(size).unwrap();
        let i = usize::try_from(index).unwrap();
        let proof = InclusionProof::generate(&hashes[..n], i).unwrap();
        let want: Vec<Hash32> = path.iter().map(|s| h(s)).collect();
        assert_eq!(proof.path, want, "index {index} size {size}");
        let root = h(REFERENCE_ROOTS[n]);
        assert_eq!(proof.verify(&hashes[i], &root), Ok(()));
        assert_eq!(InclusionProof::decode(&proof.encode()), Ok(proof));
    }
}

#[test]
fn every_proof_verifies_and_every_tamper_fails() {
    let hashes: Vec<Hash32> = (0u16..40).map(|i| leaf_hash(&i.to_be_bytes())).collect();
    for n in 1..=hashes.len() {
        let tree = &hashes[..n];
        let root = root_from_leaf_hashes(tree);
        for i in 0..n {
            let proof = InclusionProof::generate(tree, i).unwrap();
            assert_eq!(proof.path.len(), inclusion_path_len(i as u64, n as u64));
            assert_eq!(proof.verify(&tree[i], &root), Ok(()), "n {n} i {i}");
            // Another leaf, another index, another size, a flipped bit, a
            // dropped or added hash: all rejected.
            if n > 1 {
                let other = (i + 1) % n;
                assert!(proof.verify(&tree[other], &root).is_err());
                let moved = InclusionProof {
                    leaf_index: other as u64,
                    ..proof.clone()
                };
                assert!(moved.verify(&tree[i], &root).is_err());
                let mut flipped = proof.clone();
                flipped.path[0].0[0] ^= 1;
                assert_eq!(
                    flipped.verify(&tree[i], &root).unwrap_err().code(),
                    "merkle-root-mismatch"
                );
                let mut short = proof.clone();
                short.path.pop();
                assert_eq!(
                    short.verify(&tree[i], &root).unwrap_err().code(),
                    "merkle-wrong-path-length"
                );
            }
            let mut long = proof.clone();
            long.path.push(root);
            assert!(long.verify(&tree[i], &root).is_err());
            let bigger = InclusionProof {
                tree_size: proof.tree_size * 2,
                ..proof.clone()
            };
            assert!(bigger.verify(&tree[i], &root).is_err());
        }
    }
    assert_eq!(
        InclusionProof::generate(&hashes[..3], 3).unwrap_err(),
        MerkleError::IndexOutOfRange { index: 3, size: 3 }
    );
    let beyond = InclusionProof {
        leaf_index: 5,
        tree_size: 5,
        path: vec![],
    };
    assert_eq!(
        beyond.root_from(&hashes[0]).unwrap_err().code(),
        "merkle-index-out-of-range"
    );
}

#[test]
fn inner_node_cannot_pass_as_leaf() {
    // CVE-2017-12842: the 64 bytes of two child hashes, offered as leaf data,
    // hash differently from the inner node because of the 0x00/0x01 prefixes.
    let a = leaf_hash(b"a");
    let b = leaf_hash(b"b");
    let mut concatenated = a.0.to_vec();
    concatenated.extend_from_slice(&b.0);
    assert_ne!(leaf_hash(&concatenated), node_hash(&a, &b));
    // CVE-2012-2459: [a, b, c] and [a, b, c, c] have different roots.
    assert_ne!(root(&[b"a", b"b", b"c"]), root(&[b"a", b"b", b"c", b"c"]));
}

#[test]
fn proof_decoding_is_strict() {
    let hashes: Vec<Hash32> = (0u8..5).map(|i| leaf_hash(&[i])).collect();
    let proof = InclusionProof::generate(&hashes, 1).unwrap();
    let bytes = proof.encode();
    assert_eq!(bytes.len(), 8 + 8 + 1 + 32 * 3);
    let mut wrong_count = bytes.clone();
    wrong_count[16] = 2;
    assert_eq!(
        InclusionProof::decode(&wrong_count).unwrap_err().code(),
        "decode-length-out-of-bounds"
    );
    let mut bad_index = bytes.clone();
    bad_index[7] = 9;
    assert_eq!(
        InclusionProof::decode(&bad_index).unwrap_err().code(),
        "decode-invalid-value"
    );
    let mut trailing = bytes.clone();
    trailing.push(0);
    assert_eq!(
        InclusionProof::decode(&trailing).unwrap_err().code(),
        "decode-trailing-bytes"
    );
    assert_eq!(
        InclusionProof::decode(&bytes[..40]).unwrap_err().code(),
        "decode-unexpected-end"
    );
}
