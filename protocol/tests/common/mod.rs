//! The deterministic fixture behind the test vectors: secret keys 1, 2, 3,
//! a two-block devnet chain, its commits and one transfer.
#![allow(dead_code, clippy::unwrap_used, clippy::indexing_slicing)] // test fixture: a panic is a failed test

pub mod points;
pub mod provenance;
pub mod subchain;

use jifen_protocol::merkle;
use jifen_protocol::{
    Address, ChainId, Commit, CommitSignature, Hash32, Header, PublicKey, Signature, Transaction,
    Transfer, TxPayload, UnsignedTransaction, Validator, ValidatorSet, header::HEADER_VERSION,
    sha256, tx_root,
};
use k256::ecdsa::SigningKey;
use k256::ecdsa::signature::hazmat::PrehashSigner;

/// Secret key `n` (big-endian), a test-only key.
pub fn secret(n: u8) -> [u8; 32] {
    let mut bytes = [0u8; 32];
    bytes[31] = n;
    bytes
}

pub fn signing_key(n: u8) -> SigningKey {
    SigningKey::from_slice(&secret(n)).unwrap()
}

pub fn public_key(n: u8) -> PublicKey {
    let point = signing_key(n).verifying_key().to_sec1_point(true);
    PublicKey::from_bytes(point.as_bytes()).unwrap()
}

/// RFC 6979 deterministic, low-S signature of `digest` by key `n`.
pub fn sign(n: u8, digest: &[u8; 32]) -> Signature {
    let sig: k256::ecdsa::Signature = signing_key(n).sign_prehash(digest).unwrap();
    Signature::from_bytes(&sig.to_bytes()).unwrap()
}

pub fn chain_id() -> ChainId {
    ChainId::new("jifen-devnet").unwrap()
}

/// Keys 1, 2, 3 with powers 10, 20, 30.
pub fn validator_set() -> ValidatorSet {
    ValidatorSet::new(vec![
        Validator::new(public_key(1), 10),
        Validator::new(public_key(2), 20),
        Validator::new(public_key(3), 30),
    ])
    .unwrap()
}

/// The secret-key number of the validator at `index` of [`validator_set`].
pub fn key_of_index(index: usize) -> u8 {
    let address = validator_set().get(index).unwrap().address;
    (1..=3)
        .find(|n| public_key(*n).address() == address)
        .unwrap()
}

/// A precommit commit for `header`, signed by the validators at `indices`.
pub fn commit_for(header: &Header, indices: &[u16]) -> Commit {
    let mut commit = Commit {
        height: header.height,
        round: 0,
        block_hash: header.hash(),
        signatures: vec![],
    };
    let digest = commit.signing_digest(&chain_id());
    for &index in indices {
        let n = key_of_index(usize::from(index));
        commit.signatures.push(CommitSignature {
            validator_index: index,
            signature: sign(n, &digest),
        });
    }
    commit
}

/// 12.5 POINT from key 1 to key 2, fee 0.001 POINT, nonce 0.
pub fn transfer_tx() -> Transaction {
    let unsigned = UnsignedTransaction::new(
        chain_id(),
        public_key(1),
        0,
        1_000,
        TxPayload::Transfer(Transfer {
            to: public_key(2).address(),
            amount: 12_500_000,
        }),
    );
    let signature = sign(1, &unsigned.signing_digest());
    unsigned.with_signature(signature)
}

/// 2026-01-01T00:00:00Z.
pub const GENESIS_TIME_MS: u64 = 1_767_225_600_000;

pub fn genesis_header() -> Header {
    let set = validator_set();
    Header {
        version: HEADER_VERSION,
        chain_id: chain_id(),
        height: 1,
        time_ms: GENESIS_TIME_MS,
        previous_block_hash: None,
        last_commit_hash: None,
        tx_root: merkle::empty_root(),
        results_root: merkle::empty_root(),
        state_root: Hash32(sha256(b"fixture/state/1")),
        anchors_root: merkle::empty_root(),
        validators_hash: set.hash(),
        next_validators_hash: set.hash(),
        proposer: set.get(0).unwrap().address,
    }
}

/// Genesis is finalized by all three validators.
pub fn genesis_commit() -> Commit {
    commit_for(&genesis_header(), &[0, 1, 2])
}

/// Height 2 holds the transfer and is finalized by validators 1 and 2
/// (powers 20 and 30: 50 of 60).
pub fn header_2() -> Header {
    let set = validator_set();
    let genesis = genesis_header();
    Header {
        height: 2,
        time_ms: GENESIS_TIME_MS + 3_000,
        previous_block_hash: Some(genesis.hash()),
        last_commit_hash: Some(genesis_commit().hash()),
        tx_root: tx_root(&[transfer_tx()]),
        results_root: merkle::root(&[[0u8; 4]]),
        state_root: Hash32(sha256(b"fixture/state/2")),
        proposer: set.get(1).unwrap().address,
        ..genesis
    }
}

pub fn commit_2() -> Commit {
    commit_for(&header_2(), &[1, 2])
}

pub fn address_of(n: u8) -> Address {
    public_key(n).address()
}
