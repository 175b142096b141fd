//! Property tests: no decoder panics on any input, and every encoding
//! round-trips.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // test code: a panic is a failed test

mod common;

use common::*;
use jifen_protocol::history::HistoryEntry;
use jifen_protocol::merkle;
use jifen_protocol::points::{
    AllianceParams, CouncilVotes, MerchantRecord, MerchantRegistry, PointSupply, RateRecord,
    RateTerms,
};
use jifen_protocol::subchain::{AnchoredHeader, SubchainHeader, SubchainRecord, SubchainRegistry};
use jifen_protocol::{
    Account, Address, AssetId, Bond, ChainId, Commit, CommitSignature, Decode, Encode, Hash32,
    Header, InclusionProof, PublicKey, Signature, StakeRecord, StateMap, StateProof, Transaction,
    Transfer, TxPayload, Unbond, UnsignedTransaction, Validator, ValidatorSet,
    header::HEADER_VERSION, verify_state_proof,
};
use proptest::prelude::*;

fn decode_all(bytes: &[u8]) {
    let _ = Header::decode(bytes);
    let _ = Commit::decode(bytes);
    let _ = ValidatorSet::decode(bytes);
    let _ = Transaction::decode(bytes);
    let _ = UnsignedTransaction::decode(bytes);
    let _ = Transfer::decode(bytes);
    let _ = InclusionProof::decode(bytes);
    let _ = ChainId::decode(bytes);
    let _ = PublicKey::decode(bytes);
    let _ = Signature::decode(bytes);
    let _ = Validator::decode(bytes);
    let _ = Account::decode(bytes);
    let _ = StateProof::decode(bytes);
    let _ = HistoryEntry::decode(bytes);
    let _ = AssetId::decode(bytes);
    let _ = Bond::decode(bytes);
    let _ = Unbond::decode(bytes);
    let _ = StakeRecord::decode(bytes);
    let _ = AllianceParams::decode(bytes);
    let _ = PointSupply::decode(bytes);
    let _ = CouncilVotes::decode(bytes);
    let _ = MerchantRecord::decode(bytes);
    let _ = MerchantRegistry::decode(bytes);
    let _ = RateTerms::decode(bytes);
    let _ = RateRecord::decode(bytes);
    let _ = SubchainHeader::decode(bytes);
    let _ = SubchainRecord::decode(bytes);
    let _ = SubchainRegistry::decode(bytes);
    let _ = AnchoredHeader::decode(bytes);
    let _ = Address::decode_any(&String::from_utf8_lossy(bytes));
}

fn account() -> impl Strategy<Value = Account> {
    (any::<u128>(), any::<u64>(), any::<u64>(), hash()).prop_map(
        |(balance, nonce, history_len, history_head)| Account {
            balance,
            nonce,
            history_len,
            history_head,
        },
    )
}

/// A state of 1..40 accounts at random keys.
fn state() -> impl Strategy<Value = StateMap> {
    proptest::collection::btree_map(hash(), account(), 1..40).prop_map(|accounts| {
        let mut map = StateMap::new();
        for (key, account) in accounts {
            map.set(key, Some(account.encode()));
        }
        map
    })
}

fn hash() -> impl Strategy<Value = Hash32> {
    any::<[u8; 32]>().prop_map(Hash32)
}

fn chain() -> impl Strategy<Value = ChainId> {
    "[a-z0-9-]{1,32}".prop_map(|s| ChainId::new(&s).unwrap())
}

fn header() -> impl Strategy<Value = Header> {
    (
        chain(),
        1u64..u64::MAX,
        any::<u64>(),
        hash(),
        hash(),
        [hash(), hash(), hash(), hash(), hash(), hash()],
        any::<[u8; 20]>(),
    )
        .prop_map(|(chain_id, height, time_ms, prev, last, roots, proposer)| {
            let parent = height > 1;
            Header {
                version: HEADER_VERSION,
                chain_id,
                height,
                time_ms,
                previous_block_hash: parent.then_some(prev),
                last_commit_hash: parent.then_some(last),
                tx_root: roots[0],
                results_root: roots[1],
                state_root: roots[2],
                anchors_root: roots[3],
                validators_hash: roots[4],
                next_validators_hash: roots[5],
                proposer: Address::from_bytes(proposer),
            }
        })
}

fn commit() -> impl Strategy<Value = Commit> {
    (
        any::<u64>(),
        any::<u32>(),
        hash(),
        proptest::collection::btree_map(0u16..10_000, any::<[u8; 32]>(), 1..20),
    )
        .prop_map(|(height, round, block_hash, sigs)| Commit {
            height,
            round,
            block_hash,
            signatures: sigs
                .into_iter()
                .map(|(validator_index, half)| {
                    let mut bytes = [0u8; 64];
                    bytes[..32].copy_from_slice(&half);
                    bytes[32..].copy_from_slice(&half);
                    CommitSignature {
                        validator_index,
                        signature: Signature::from_array(bytes),
                    }
                })
                .collect(),
        })
}

fn transaction() -> impl Strategy<Value = Transaction> {
    (
        chain(),
        1u8..=3,
        1u8..=3,
        any::<u64>(),
        any::<u128>(),
        1u128..,
        any::<[u8; 32]>(),
    )
        .prop_map(|(chain_id, from, to, nonce, fee, amount, sig)| {
            let payload = TxPayload::Transfer(Transfer {
                to: address_of(to),
                amount,
            });
            let mut bytes = [0u8; 64];
            bytes[..32].copy_from_slice(&sig);
            UnsignedTransaction::new(chain_id, public_key(from), nonce, fee, payload)
                .with_signature(Signature::from_array(bytes))
        })
}

proptest! {
    #[test]
    fn decoders_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        decode_all(&bytes);
    }

    #[test]
    fn decoders_never_panic_on_mutated_encodings(
        index in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        cut in any::<prop::sample::Index>(),
    ) {
        let tx = transfer_tx();
        for encoding in [header_2().encode(), commit_2().encode(), validator_set().encode(), tx.encode()] {
            let mut mutated = encoding.clone();
            let at = index.index(mutated.len());
            mutated[at] = byte;
            decode_all(&mutated);
            decode_all(&encoding[..cut.index(encoding.len())]);
        }
    }

    #[test]
    fn header_round_trips(header in header()) {
        prop_assert_eq!(Header::decode(&header.encode()), Ok(header));
    }

    #[test]
    fn commit_round_trips(commit in commit()) {
        prop_assert_eq!(Commit::decode(&commit.encode()), Ok(commit));
    }

    #[test]
    fn transaction_round_trips(tx in transaction()) {
        prop_assert_eq!(Transaction::decode(&tx.encode()), Ok(tx.clone()));
        prop_assert_eq!(UnsignedTransaction::decode(&tx.unsigned.encode()), Ok(tx.unsigned));
    }

    #[test]
    fn validator_set_round_trips(powers in proptest::collection::vec(proptest::option::of(1u64..1_000_000), 3)) {
        let validators: Vec<Validator> = powers
            .iter()
            .zip(1u8..)
            .filter_map(|(power, n)| power.map(|p| Validator::new(public_key(n), p)))
            .collect();
        if let Ok(set) = ValidatorSet::new(validators) {
            prop_assert_eq!(ValidatorSet::decode(&set.encode()), Ok(set));
        }
    }

    #[test]
    fn inclusion_proofs_round_trip_and_verify(size in 1usize..200, index in any::<prop::sample::Index>()) {
        let leaves: Vec<Hash32> = (0..size).map(|i| merkle::leaf_hash(&i.to_be_bytes())).collect();
        let i = index.index(size);
        let proof = InclusionProof::generate(&leaves, i).unwrap();
        prop_assert!(proof.verify(&leaves[i], &merkle::root_from_leaf_hashes(&leaves)).is_ok());
        prop_assert_eq!(InclusionProof::decode(&proof.encode()), Ok(proof));
    }

    #[test]
    fn addresses_round_trip(bytes in any::<[u8; 20]>()) {
        let address = Address::from_bytes(bytes);
        for network in jifen_protocol::Network::ALL {
            prop_assert_eq!(Address::decode(&address.encode(network), network), Ok(address));
        }
    }
}

proptest! {
    #[test]
    fn accounts_round_trip(account in account()) {
        prop_assert_eq!(Account::decode(&account.encode()), Ok(account));
        prop_assert_eq!(account.encode().len(), Account::ENCODED_LEN);
    }

    /// Existence and non-existence proofs verify, round-trip, and prove
    /// nothing else: not another value, not another key, not under another
    /// root, not once a sibling is changed.
    #[test]
    fn state_proofs_verify_round_trip_and_prove_nothing_else(
        state in state(),
        pick in any::<prop::sample::Index>(),
        absent in hash(),
        other in account(),
        flip in any::<prop::sample::Index>(),
    ) {
        let root = state.root();
        let keys: Vec<Hash32> = state.iter().map(|(k, _)| *k).collect();
        let key = keys[pick.index(keys.len())];
        let (value, proof) = state.prove(&key);
        let value = value.unwrap();
        prop_assert!(verify_state_proof(&root, &key, Some(&value), &proof).is_ok());
        prop_assert_eq!(StateProof::decode(&proof.encode()), Ok(proof.clone()));
        if other.encode() != value {
            prop_assert!(verify_state_proof(&root, &key, Some(&other.encode()), &proof).is_err());
        }
        prop_assert!(verify_state_proof(&root, &key, None, &proof).is_err());
        if !keys.contains(&absent) {
            prop_assert!(verify_state_proof(&root, &absent, Some(&value), &proof).is_err());
            let (none, missing) = state.prove(&absent);
            prop_assert!(none.is_none());
            prop_assert!(verify_state_proof(&root, &absent, None, &missing).is_ok());
            prop_assert!(verify_state_proof(&root, &absent, Some(&value), &missing).is_err());
            prop_assert_eq!(StateProof::decode(&missing.encode()), Ok(missing));
        }
        if !proof.siblings.is_empty() {
            let mut tampered = proof.clone();
            let at = flip.index(tampered.siblings.len());
            tampered.siblings[at].0[0] ^= 1;
            prop_assert!(verify_state_proof(&root, &key, Some(&value), &tampered).is_err());
        }
        let mut encoding = proof.encode();
        let at = flip.index(encoding.len());
        encoding[at] ^= 0x80;
        decode_all(&encoding);
    }
}
