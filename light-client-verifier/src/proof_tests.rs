//! Unit tests of [`super`]: honest answers prove, every kind of lie is refused
//! with its own code.

use jifen_protocol::{
    ChainId, Encode, PublicKey, Signature, StateMap, StateTree, Transfer, TxPayload,
    UnsignedTransaction, header::HEADER_VERSION,
};

use super::*;

/// The public key of secret key 1 (the secp256k1 generator).
const KEY: [u8; 33] = [
    0x02, 0x79, 0xbe, 0x66, 0x7e, 0xf9, 0xdc, 0xbb, 0xac, 0x55, 0xa0, 0x62, 0x95, 0xce, 0x87, 0x0b,
    0x07, 0x02, 0x9b, 0xfc, 0xdb, 0x2d, 0xce, 0x28, 0xd9, 0x59, 0xf2, 0x81, 0x5b, 0x16, 0xf8, 0x17,
    0x98,
];

fn address(n: u8) -> Address {
    Address::from_bytes([n; 20])
}

fn header(height: u64, state_root: Hash32, tx_root: Hash32, results_root: Hash32) -> Header {
    Header {
        version: HEADER_VERSION,
        chain_id: ChainId::new("jifen-devnet").unwrap(),
        height,
        time_ms: 1_767_225_600_000,
        previous_block_hash: Some(Hash32([7; 32])),
        last_commit_hash: Some(Hash32([8; 32])),
        tx_root,
        results_root,
        state_root,
        anchors_root: Hash32::ZERO,
        validators_hash: Hash32([9; 32]),
        next_validators_hash: Hash32([9; 32]),
        proposer: address(9),
    }
}

/// A state with accounts 1..=20 (balance 100 n, nonce n), a header at
/// height 5 committing to it, and the tree.
fn state() -> (Header, StateTree) {
    let mut map = StateMap::new();
    for n in 1..=20u8 {
        let account = Account::new(u128::from(n) * 100, u64::from(n));
        map.set(account_key(&address(n)), Some(account.encode()));
    }
    let tree = StateTree::build(&map);
    let header = header(5, tree.root(), Hash32::ZERO, Hash32::ZERO);
    (header, tree)
}

fn answer(tree: &StateTree, n: u8, height: u64) -> UntrustedState {
    let key = account_key(&address(n));
    let value = (n <= 20).then(|| Account::new(u128::from(n) * 100, u64::from(n)).encode());
    UntrustedState {
        height,
        key,
        value,
        proof: tree.prove(&key),
    }
}

#[test]
fn state_answer_encoding_round_trips() {
    let (_, tree) = state();
    for n in [3, 77] {
        let answer = answer(&tree, n, 5);
        assert_eq!(UntrustedState::decode(&answer.encode()).unwrap(), answer);
    }
}

#[test]
fn existing_account_is_proven() {
    let (header, tree) = state();
    let account = verify_account(&header, &address(3), &answer(&tree, 3, 5)).unwrap();
    assert_eq!(account, Account::new(300, 3));
}

#[test]
fn absent_account_is_proven_zero() {
    let (header, tree) = state();
    let account = verify_account(&header, &address(77), &answer(&tree, 77, 5)).unwrap();
    assert_eq!(account, Account::default());
}

#[test]
fn state_answer_for_another_height_is_refused() {
    let (header, tree) = state();
    let error = verify_account(&header, &address(3), &answer(&tree, 3, 4)).unwrap_err();
    assert_eq!(error.code(), "lc-proof-wrong-height");
}

#[test]
fn state_answer_for_another_key_is_refused() {
    let (header, tree) = state();
    let error = verify_account(&header, &address(3), &answer(&tree, 4, 5)).unwrap_err();
    assert_eq!(error.code(), "lc-proof-wrong-key");
}

#[test]
fn state_proof_against_another_root_is_refused() {
    let (_, tree) = state();
    let other = header(5, Hash32([1; 32]), Hash32::ZERO, Hash32::ZERO);
    let error = verify_account(&other, &address(3), &answer(&tree, 3, 5)).unwrap_err();
    assert_eq!(error.code(), "lc-proof-state-invalid");
    assert_eq!(error.detail_code(), Some("state-proof-root-mismatch"));
}

#[test]
fn state_proof_with_a_wrong_value_is_refused() {
    let (header, tree) = state();
    let mut lie = answer(&tree, 3, 5);
    lie.value = Some(Account::new(1_000_000, 3).encode());
    let error = verify_account(&header, &address(3), &lie).unwrap_err();
    assert_eq!(error.detail_code(), Some("state-proof-value-mismatch"));
}

#[test]
fn state_proof_with_a_tampered_path_is_refused() {
    let (header, tree) = state();
    let mut lie = answer(&tree, 3, 5);
    lie.proof.siblings[0].0[0] ^= 1;
    let error = verify_account(&header, &address(3), &lie).unwrap_err();
    assert_eq!(error.detail_code(), Some("state-proof-root-mismatch"));
}

#[test]
fn hiding_an_existing_account_is_refused() {
    let (header, tree) = state();
    let mut lie = answer(&tree, 3, 5);
    lie.value = None;
    let error = verify_account(&header, &address(3), &lie).unwrap_err();
    assert_eq!(error.code(), "lc-proof-state-invalid");
}

#[test]
fn proven_value_that_is_not_an_account_is_refused() {
    let mut map = StateMap::new();
    let key = account_key(&address(1));
    map.set(key, Some(vec![1, 2, 3]));
    let tree = StateTree::build(&map);
    let header = header(5, tree.root(), Hash32::ZERO, Hash32::ZERO);
    let untrusted = UntrustedState {
        height: 5,
        key,
        value: Some(vec![1, 2, 3]),
        proof: tree.prove(&key),
    };
    let error = verify_account(&header, &address(1), &untrusted).unwrap_err();
    assert_eq!(error.code(), "lc-proof-bad-account");
}

fn tx(nonce: u64) -> Transaction {
    UnsignedTransaction::new(
        ChainId::new("jifen-devnet").unwrap(),
        PublicKey::from_bytes(&KEY).unwrap(),
        nonce,
        1_000,
        TxPayload::Transfer(Transfer {
            to: address(2),
            amount: 5,
        }),
    )
    .with_signature(Signature::from_array([1; 64]))
}

/// A block of three transactions (result codes 0, 1006, 0) and the
/// answer for transaction `index`.
fn block(index: usize) -> (Header, UntrustedTxProof) {
    let txs: Vec<Transaction> = (0..3).map(tx).collect();
    let codes = [0u16, 1006, 0];
    let ids: Vec<Hash32> = txs.iter().map(Transaction::id).collect();
    let id_leaves: Vec<Hash32> = ids
        .iter()
        .map(|id| merkle::leaf_hash(id.as_bytes()))
        .collect();
    let result_leaves: Vec<Hash32> = ids
        .iter()
        .zip(codes)
        .map(|(id, code)| merkle::leaf_hash(&result_leaf(id, code)))
        .collect();
    let header = header(
        9,
        Hash32::ZERO,
        merkle::root_from_leaf_hashes(&id_leaves),
        merkle::root_from_leaf_hashes(&result_leaves),
    );
    let answer = UntrustedTxProof {
        height: 9,
        index: index as u64,
        result_code: codes[index],
        tx: txs[index].clone(),
        proof: InclusionProof::generate(&id_leaves, index).unwrap(),
        result_proof: InclusionProof::generate(&result_leaves, index).unwrap(),
    };
    (header, answer)
}

#[test]
fn tx_answer_encoding_round_trips() {
    let (_, answer) = block(1);
    let bytes = answer.encode();
    assert_eq!(UntrustedTxProof::decode(&bytes).unwrap(), answer);
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(
        UntrustedTxProof::decode(&longer).unwrap_err().code(),
        "decode-trailing-bytes"
    );
    assert!(UntrustedTxProof::decode(&bytes[..bytes.len() - 1]).is_err());
}

#[test]
fn included_transaction_and_result_are_proven() {
    for index in 0..3 {
        let (header, answer) = block(index);
        let id = answer.tx.id();
        let inclusion = verify_tx_inclusion(&header, &id, &answer).unwrap();
        assert_eq!(inclusion.index, index as u64);
        assert_eq!(inclusion.result_code, [0, 1006, 0][index]);
    }
}

#[test]
fn tx_answer_for_another_height_is_refused() {
    let (header, mut answer) = block(1);
    let id = answer.tx.id();
    answer.height = 8;
    let error = verify_tx_inclusion(&header, &id, &answer).unwrap_err();
    assert_eq!(error.code(), "lc-proof-wrong-height");
}

#[test]
fn another_transaction_is_refused() {
    let (header, answer) = block(1);
    let error = verify_tx_inclusion(&header, &tx(42).id(), &answer).unwrap_err();
    assert_eq!(error.code(), "lc-proof-tx-id-mismatch");
}

#[test]
fn tampered_tx_path_is_refused() {
    let (header, mut answer) = block(1);
    let id = answer.tx.id();
    answer.proof.path[0].0[0] ^= 1;
    let error = verify_tx_inclusion(&header, &id, &answer).unwrap_err();
    assert_eq!(error.code(), "lc-proof-tx-not-in-block");
}

#[test]
fn tx_proof_against_another_root_is_refused() {
    let (mut header, answer) = block(1);
    let id = answer.tx.id();
    header.tx_root = Hash32([3; 32]);
    let error = verify_tx_inclusion(&header, &id, &answer).unwrap_err();
    assert_eq!(error.code(), "lc-proof-tx-not-in-block");
}

#[test]
fn lying_about_the_result_code_is_refused() {
    let (header, mut answer) = block(1);
    let id = answer.tx.id();
    answer.result_code = 0;
    let error = verify_tx_inclusion(&header, &id, &answer).unwrap_err();
    assert_eq!(error.code(), "lc-proof-result-not-in-block");
}

#[test]
fn lying_about_the_position_is_refused() {
    let (header, mut answer) = block(1);
    let id = answer.tx.id();
    answer.index = 2;
    let error = verify_tx_inclusion(&header, &id, &answer).unwrap_err();
    assert_eq!(error.code(), "lc-proof-index-mismatch");
}
