//! Commit tallies, thresholds and transaction rules, table-driven.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // test code: a panic is a failed test

mod common;

use common::*;
use jifen_protocol::{
    ChainId, Commit, CommitError, CommitSignature, Decode, DecodeError, Encode, Hash32,
    SignatureError, Tally, Transaction, Transfer, TrustThreshold, TxPayload, UnsignedTransaction,
    Validator, ValidatorSet, ValidatorSetError,
};

#[test]
fn tally_counts_power_of_signers() {
    let set = validator_set();
    let header = header_2();
    // Canonical (address) order happens to put powers 10, 20, 30 at 0, 1, 2.
    let cases = [
        (&[0u16, 1, 2][..], 60, true),
        (&[1, 2], 50, true),
        (&[0, 2], 40, false),
        (&[2], 30, false),
    ];
    for (indices, power, quorum) in cases {
        let commit = commit_for(&header, indices);
        let tally = commit.tally(&chain_id(), &set).unwrap();
        let expected: u64 = indices
            .iter()
            .map(|i| set.get(usize::from(*i)).unwrap().voting_power)
            .sum();
        assert_eq!(tally.signed_power, expected);
        assert_eq!(tally.signers, indices);
        assert_eq!(expected, power);
        assert_eq!(tally.has_quorum(), quorum, "{indices:?}");
    }
}

#[test]
fn thresholds_are_strict_and_exact() {
    let tally = |signed, total| Tally {
        signed_power: signed,
        total_power: total,
        signers: vec![],
    };
    assert!(!tally(2, 3).has_quorum()); // exactly 2/3 is not more than 2/3
    assert!(tally(3, 4).has_quorum());
    assert!(!tally(1, 3).exceeds(TrustThreshold::ONE_THIRD));
    assert!(tally(2, 5).exceeds(TrustThreshold::ONE_THIRD));
    let big = 1u64 << 60;
    assert!(tally(big, big).has_quorum()); // no overflow
    assert_eq!(TrustThreshold::new(0, 3), None);
    assert_eq!(TrustThreshold::new(4, 3), None);
    assert_eq!(TrustThreshold::new(1, 3), Some(TrustThreshold::ONE_THIRD));
}

#[test]
fn bad_commits_name_the_culprit() {
    let set = validator_set();
    let chain = chain_id();
    let header = header_2();
    let good = commit_for(&header, &[0, 1, 2]);

    let mut forged = good.clone();
    forged.signatures[1].signature = sign(9, &good.signing_digest(&chain));
    let err = forged.tally(&chain, &set).unwrap_err();
    assert_eq!(
        err,
        CommitError::InvalidSignature {
            index: 1,
            source: SignatureError::Invalid
        }
    );
    assert_eq!(err.code(), "commit-invalid-signature");

    let mut swapped = good.clone();
    swapped.signatures.swap(0, 1);
    assert_eq!(
        swapped.tally(&chain, &set).unwrap_err().code(),
        "commit-not-sorted"
    );

    let mut beyond = good.clone();
    beyond.signatures.push(CommitSignature {
        validator_index: 3,
        signature: good.signatures[0].signature,
    });
    assert_eq!(
        beyond.tally(&chain, &set).unwrap_err(),
        CommitError::IndexOutOfRange {
            index: 3,
            set_size: 3
        }
    );

    let empty = Commit {
        signatures: vec![],
        ..good.clone()
    };
    assert_eq!(
        empty.tally(&chain, &set).unwrap_err().code(),
        "commit-no-signatures"
    );

    // Votes never replay across chains, heights, rounds or blocks.
    let other_chain = ChainId::new("jifen-testnet").unwrap();
    assert_eq!(
        good.tally(&other_chain, &set).unwrap_err().code(),
        "commit-invalid-signature"
    );
    for changed in [
        Commit {
            height: 3,
            ..good.clone()
        },
        Commit {
            round: 1,
            ..good.clone()
        },
        Commit {
            block_hash: Hash32::ZERO,
            ..good.clone()
        },
    ] {
        assert_eq!(
            changed.tally(&chain, &set).unwrap_err().code(),
            "commit-invalid-signature"
        );
    }
    assert_eq!(
        Commit {
            height: 3,
            ..good.clone()
        }
        .check_for(&header)
        .unwrap_err()
        .code(),
        "commit-height-mismatch"
    );
    assert_eq!(
        Commit {
            block_hash: Hash32::ZERO,
            ..good
        }
        .check_for(&header)
        .unwrap_err()
        .code(),
        "commit-block-mismatch"
    );
}

#[test]
fn commit_decoding_rejects_unsorted_and_duplicate_indices() {
    let good = commit_2();
    let bytes = good.encode();
    assert_eq!(Commit::decode(&bytes), Ok(good.clone()));
    // First index lives right after height, round, hash, count.
    let first = 8 + 4 + 32 + 4;
    let second = first + 66;
    let mut duplicate = bytes.clone();
    duplicate[second..second + 2].copy_from_slice(&bytes[first..first + 2]);
    let err = Commit::decode(&duplicate).unwrap_err();
    assert_eq!(
        err,
        DecodeError::InvalidValue {
            field: "validator index",
            offset: second,
            reason: "indices are not strictly ascending"
        }
    );
    let mut huge = bytes.clone();
    huge[second..second + 2].copy_from_slice(&10_000u16.to_be_bytes());
    assert_eq!(
        Commit::decode(&huge).unwrap_err().code(),
        "decode-invalid-value"
    );
    let mut none = bytes[..first].to_vec();
    none[first - 4..].copy_from_slice(&0u32.to_be_bytes());
    assert_eq!(
        Commit::decode(&none).unwrap_err().code(),
        "decode-length-out-of-bounds"
    );
}

#[test]
fn validator_set_rules() {
    let v = |n: u8, power: u64| Validator::new(public_key(n), power);
    let cases: Vec<(Vec<Validator>, ValidatorSetError)> = vec![
        (vec![], ValidatorSetError::Empty),
        (vec![v(1, 0)], ValidatorSetError::ZeroPower { index: 0 }),
        (
            vec![v(1, 1), v(1, 2)],
            ValidatorSetError::Duplicate { index: 1 },
        ),
        (
            vec![v(1, 1 << 59), v(2, 1 << 59), v(3, 1)],
            ValidatorSetError::PowerTooLarge { max: 1 << 60 },
        ),
        (
            vec![Validator {
                address: public_key(2).address(),
                ..v(1, 1)
            }],
            ValidatorSetError::AddressMismatch { index: 0 },
        ),
    ];
    for (validators, expected) in cases {
        assert_eq!(ValidatorSet::new(validators).unwrap_err(), expected);
    }
    let set = validator_set();
    let mut reversed = set.validators().to_vec();
    reversed.reverse();
    assert_eq!(
        ValidatorSet::from_sorted(reversed.clone())
            .unwrap_err()
            .code(),
        "validator-set-not-sorted"
    );
    assert_eq!(ValidatorSet::new(reversed).unwrap(), set);
    // Canonical order is ascending address; find uses it.
    for (index, validator) in set.validators().iter().enumerate() {
        assert_eq!(set.find(&validator.address).map(|(i, _)| i), Some(index));
        let proof = set.membership_proof(index).unwrap();
        proof.verify(&validator.leaf_hash(), &set.hash()).unwrap();
    }
    assert_eq!(ValidatorSet::decode(&set.encode()), Ok(set.clone()));
    // An encoding out of order is not canonical.
    let mut bytes = set.encode();
    let (a, b) = (4, 4 + 61);
    let first: Vec<u8> = bytes[a..b].to_vec();
    let second: Vec<u8> = bytes[b..b + 61].to_vec();
    bytes[a..b].copy_from_slice(&second);
    bytes[b..b + 61].copy_from_slice(&first);
    assert_eq!(
        ValidatorSet::decode(&bytes).unwrap_err().code(),
        "decode-invalid-value"
    );
}

#[test]
fn transaction_rules() {
    let tx = transfer_tx();
    tx.verify_signature().unwrap();
    let bytes = tx.encode();
    assert_eq!(Transaction::decode(&bytes), Ok(tx.clone()));

    // Unknown kind: a typed error carrying the kind.
    let mut unknown = bytes.clone();
    unknown[..2].copy_from_slice(&0x0102u16.to_be_bytes());
    assert_eq!(
        Transaction::decode(&unknown).unwrap_err(),
        DecodeError::UnknownTransactionKind {
            offset: 0,
            got: 0x0102
        }
    );

    // Sender must be the key's address.
    let mut wrong_sender = tx.clone();
    wrong_sender.unsigned.sender = public_key(2).address();
    assert_eq!(
        Transaction::decode(&wrong_sender.encode())
            .unwrap_err()
            .code(),
        "decode-invalid-value"
    );

    // Zero amounts are rejected, with the offset inside the envelope.
    let zero = UnsignedTransaction::new(
        chain_id(),
        public_key(1),
        0,
        0,
        TxPayload::Transfer(Transfer {
            to: public_key(2).address(),
            amount: 0,
        }),
    );
    let encoded = zero.encode();
    let err = UnsignedTransaction::decode(&encoded).unwrap_err();
    assert_eq!(
        err,
        DecodeError::InvalidValue {
            field: "amount",
            offset: encoded.len() - 16,
            reason: "transfer amount is zero"
        }
    );

    // Any change to a signed field breaks the signature.
    let mut tampered = tx.clone();
    if let TxPayload::Transfer(transfer) = &mut tampered.unsigned.payload {
        transfer.amount += 1;
    }
    assert_eq!(tampered.verify_signature(), Err(SignatureError::Invalid));
    assert_ne!(tampered.id(), tx.id());

    // A message signature is never a transaction signature (distinct tags).
    let msg_sig = sign(1, &jifen_protocol::message_digest(&tx.unsigned.encode()));
    let forged = tx.unsigned.clone().with_signature(msg_sig);
    assert_eq!(forged.verify_signature(), Err(SignatureError::Invalid));

    // Payload longer than the bound is refused before reading it.
    let mut oversized = tx.unsigned.encode();
    let len_at = oversized.len() - 36 - 4;
    oversized[len_at..len_at + 4].copy_from_slice(&65_537u32.to_be_bytes());
    assert_eq!(
        UnsignedTransaction::decode(&oversized).unwrap_err().code(),
        "decode-length-out-of-bounds"
    );
}
