//! Encodings: round trips and strict decoding of every subchain type.

use super::*;
use crate::encoding::{Decode, DecodeError, Encode};
use crate::{Address, TxKind, TxPayload};
use record::PowParams;
use tx::RegisterConsensus;

fn round_trip<T: Encode + Decode + PartialEq + core::fmt::Debug>(value: &T) -> Vec<u8> {
    let bytes = value.encode();
    assert_eq!(&T::decode(&bytes).unwrap(), value);
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(matches!(
        T::decode(&longer),
        Err(DecodeError::TrailingBytes { .. })
    ));
    for cut in 0..bytes.len() {
        assert!(
            T::decode(&bytes[..cut]).is_err(),
            "a prefix of {cut} bytes decoded"
        );
    }
    bytes
}

fn bft_header() -> SubchainHeader {
    SubchainHeader {
        subchain: sid(1),
        height: 7,
        time_ms: 1_767_225_600_000,
        parent: h(1),
        tx_root: h(2),
        state_root: h(3),
        seal: Seal::Bft {
            validators_hash: h(4),
            next_validators_hash: h(5),
        },
    }
}

fn pow_header() -> SubchainHeader {
    SubchainHeader {
        seal: Seal::Pow {
            bits: 12,
            nonce: 0x0102_0304_0506_0708,
        },
        subchain: sid(2),
        ..bft_header()
    }
}

const POW: PowParams = PowParams {
    initial_bits: 8,
    min_bits: 4,
    retarget_interval: 10,
    target_spacing_ms: 2_000,
};

#[test]
fn headers_have_the_documented_layout() {
    let bft = round_trip(&bft_header());
    assert_eq!(bft.len(), 2 + 4 + 1 + 8 + 8 + 32 * 3 + 64);
    assert_eq!(&bft[..7], &[0, 1, 0, 0, 0, 1, 1]);
    let pow = round_trip(&pow_header());
    assert_eq!(pow.len(), 2 + 4 + 1 + 8 + 8 + 32 * 3 + 1 + 8);
    assert_eq!(pow[6], 2);
    assert_eq!(pow[119], 12);
    assert_eq!(&pow[120..], &0x0102_0304_0506_0708u64.to_be_bytes());
    assert_eq!(
        bft_header().hash(),
        Hash32(crate::tagged_hash("jifen/subchain-header", &bft))
    );
}

#[test]
fn headers_decode_strictly() {
    let good = pow_header().encode();
    let mut version = good.clone();
    version[1] = 2;
    assert!(matches!(
        SubchainHeader::decode(&version),
        Err(DecodeError::UnsupportedVersion { got: 2, .. })
    ));
    let mut zero_subchain = good.clone();
    zero_subchain[2..6].copy_from_slice(&[0; 4]);
    assert!(matches!(
        SubchainHeader::decode(&zero_subchain),
        Err(DecodeError::InvalidValue {
            field: "subchain",
            ..
        })
    ));
    let mut kind = good.clone();
    kind[6] = 3;
    assert!(matches!(
        SubchainHeader::decode(&kind),
        Err(DecodeError::BadTag { got: 3, .. })
    ));
    let mut height = good.clone();
    height[7..15].copy_from_slice(&[0; 8]);
    assert!(matches!(
        SubchainHeader::decode(&height),
        Err(DecodeError::InvalidValue {
            field: "height",
            ..
        })
    ));
    let mut bits = good.clone();
    bits[119] = 65;
    assert!(matches!(
        SubchainHeader::decode(&bits),
        Err(DecodeError::InvalidValue { field: "bits", .. })
    ));
    bits[119] = 64;
    assert!(SubchainHeader::decode(&bits).is_ok());
}

fn bft_report(next: bool) -> SubchainReport {
    let c = Committee::four(1);
    let n = Committee::four(11);
    let mut header = bft_header();
    header.seal = Seal::Bft {
        validators_hash: c.set.hash(),
        next_validators_hash: if next { n.set.hash() } else { c.set.hash() },
    };
    let commit = c.commit(&header, &[0, 2, 3]);
    SubchainReport {
        header,
        seal: ReportSeal::Bft {
            commit,
            validators: c.set.clone(),
            next_validators: next.then(|| n.set.clone()),
        },
    }
}

#[test]
fn reports_round_trip_and_the_option_tag_is_strict() {
    let plain = round_trip(&bft_report(false));
    assert_eq!(plain.last(), Some(&0));
    let mut bad_tag = plain.clone();
    *bad_tag.last_mut().unwrap() = 2;
    assert!(matches!(
        SubchainReport::decode(&bad_tag),
        Err(DecodeError::BadTag { got: 2, .. })
    ));
    round_trip(&bft_report(true));
    let pow = SubchainReport {
        header: pow_header(),
        seal: ReportSeal::Pow,
    };
    assert_eq!(round_trip(&pow), pow_header().encode());
    // As a transaction payload.
    for report in [bft_report(true), pow] {
        let payload = TxPayload::SubchainReport(report);
        assert_eq!(payload.kind(), TxKind::SubchainReport);
        assert_eq!(TxKind::from_u16(0x0031), Some(TxKind::SubchainReport));
        assert_eq!(
            TxPayload::decode(TxKind::SubchainReport, &payload.to_bytes()).unwrap(),
            payload
        );
    }
}

#[test]
fn registrations_and_retirements_round_trip() {
    let bft = SubchainRegister {
        name: "溯源联盟 ledger".to_owned(),
        stake: MIN_SUBCHAIN_STAKE,
        consensus: RegisterConsensus::Bft {
            genesis: Committee::four(1).set,
        },
    };
    round_trip(&bft);
    let pow = SubchainRegister {
        name: "xor".to_owned(),
        stake: 5,
        consensus: RegisterConsensus::PowXor(POW),
    };
    let bytes = round_trip(&pow);
    assert_eq!(bytes.len(), 4 + 3 + 16 + 1 + 14);
    assert_eq!(
        pow.consensus.params(),
        ConsensusParams::PowXor(POW),
        "the record keeps the params"
    );
    let mut bad_kind = bytes.clone();
    bad_kind[23] = 9;
    assert!(matches!(
        SubchainRegister::decode(&bad_kind),
        Err(DecodeError::BadTag { got: 9, .. })
    ));
    for name in ["", " padded", "tab\there"] {
        let bad = SubchainRegister {
            name: name.to_owned(),
            ..pow.clone()
        };
        assert!(SubchainRegister::decode(&bad.encode()).is_err(), "{name:?}");
    }
    let retire = SubchainRetire { subchain: sid(9) };
    assert_eq!(round_trip(&retire), vec![0, 0, 0, 9]);
    assert!(SubchainRetire::decode(&[0; 4]).is_err());
    assert_eq!(TxKind::from_u16(0x0030), Some(TxKind::SubchainRegister));
    assert_eq!(TxKind::from_u16(0x0032), Some(TxKind::SubchainRetire));
    let payload = TxPayload::SubchainRegister(bft);
    assert_eq!(
        TxPayload::decode(TxKind::SubchainRegister, &payload.to_bytes()).unwrap(),
        payload
    );
}

#[test]
fn pow_params_out_of_bounds_are_refused() {
    let bad = [
        PowParams { min_bits: 9, ..POW },
        PowParams {
            initial_bits: 65,
            min_bits: 4,
            ..POW
        },
        PowParams {
            retarget_interval: 0,
            ..POW
        },
        PowParams {
            retarget_interval: 1_000_001,
            ..POW
        },
        PowParams {
            target_spacing_ms: 0,
            ..POW
        },
    ];
    for params in bad {
        assert!(!params.is_valid());
        assert!(
            matches!(
                PowParams::decode(&params.encode()),
                Err(DecodeError::InvalidValue { .. })
            ),
            "{params:?}"
        );
    }
    round_trip(&PowParams {
        min_bits: 8,
        retarget_interval: 1,
        target_spacing_ms: 1,
        ..POW
    });
}

fn record(params: ConsensusParams, status: SubchainStatus) -> SubchainRecord {
    SubchainRecord {
        owner: Address::from_bytes([7; 20]),
        name: "ledger".to_owned(),
        stake: MIN_SUBCHAIN_STAKE,
        registered_at: 3,
        status,
        params,
        tip: SubchainTip {
            height: 9,
            hash: h(1),
            parent: h(2),
            time_ms: 10,
            parent_time_ms: 9,
            state: params.genesis_tip().state,
        },
        reports: 11,
        last_anchor_height: 40,
    }
}

#[test]
fn records_round_trip_and_decode_strictly() {
    let bft = ConsensusParams::Bft {
        genesis_validators_hash: h(3),
    };
    let pow = ConsensusParams::PowXor(POW);
    for params in [bft, pow] {
        round_trip(&params);
        for status in [
            SubchainStatus::Active,
            SubchainStatus::Halted { height: 4 },
            SubchainStatus::Retired,
        ] {
            round_trip(&record(params, status));
        }
    }
    let bytes = record(bft, SubchainStatus::Active).encode();
    let status_at = 20 + 4 + 6 + 16 + 8;
    assert_eq!(bytes[status_at], 1);
    let mut halted_without_height = bytes.clone();
    halted_without_height[status_at] = 2;
    assert!(matches!(
        SubchainRecord::decode(&halted_without_height),
        Err(DecodeError::InvalidValue {
            field: "halted height",
            ..
        })
    ));
    let mut active_with_height = bytes.clone();
    active_with_height[status_at + 8] = 1;
    assert!(SubchainRecord::decode(&active_with_height).is_err());
    let mut unknown = bytes.clone();
    unknown[status_at] = 4;
    assert!(matches!(
        SubchainRecord::decode(&unknown),
        Err(DecodeError::BadTag { got: 4, .. })
    ));
    // A pow-xor tip above 64 bits.
    let pow_bytes = record(pow, SubchainStatus::Active).encode();
    let bits_at = pow_bytes.len() - 16 - 9;
    assert_eq!(pow_bytes[bits_at], 8);
    let mut too_hard = pow_bytes.clone();
    too_hard[bits_at] = 65;
    assert!(matches!(
        SubchainRecord::decode(&too_hard),
        Err(DecodeError::InvalidValue {
            field: "tip bits",
            ..
        })
    ));
    too_hard[bits_at] = 64;
    assert!(SubchainRecord::decode(&too_hard).is_ok());
    let mut kind = bytes;
    kind[status_at + 9] = 0;
    assert!(matches!(
        SubchainRecord::decode(&kind),
        Err(DecodeError::BadTag { got: 0, .. })
    ));
    assert_eq!(
        ConsensusParams::PowXor(POW).genesis_tip(),
        SubchainTip {
            height: 0,
            hash: Hash32::ZERO,
            parent: Hash32::ZERO,
            time_ms: 0,
            parent_time_ms: 0,
            state: TipState::Pow {
                bits: 8,
                window_start_ms: 0
            }
        }
    );
}

#[test]
fn registry_and_anchored_header_round_trip() {
    assert_eq!(round_trip(&SubchainRegistry { count: 3 }), vec![0, 0, 0, 3]);
    assert!(SubchainRegistry::decode(&(MAX_SUBCHAINS + 1).to_be_bytes()).is_err());
    round_trip(&SubchainRegistry {
        count: MAX_SUBCHAINS,
    });
    let anchored = AnchoredHeader {
        header_hash: h(1),
        main_height: 12,
        validators_hash: Hash32::ZERO,
    };
    assert_eq!(round_trip(&anchored).len(), 72);
    assert_ne!(keys::subchain_key(sid(1)), keys::subchain_key(sid(2)));
    assert_ne!(
        keys::anchored_header_key(sid(1), 2),
        keys::anchored_header_key(sid(2), 1)
    );
    assert_ne!(keys::subchain_registry_key(), keys::subchain_key(sid(1)));
}

#[test]
fn anchor_leaves_are_53_bytes_and_strict() {
    let leaf = AnchorLeaf {
        subchain: sid(2),
        index: 9,
        height: 5,
        header_hash: h(0xEE),
        outcome: Outcome::Replaces,
    };
    let bytes = round_trip(&leaf);
    assert_eq!(bytes.len(), rules::ANCHOR_LEAF_LEN);
    assert_eq!(
        &bytes[..20],
        &[0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 5]
    );
    assert_eq!(bytes[52], 2);
    for outcome in [Outcome::Extends, Outcome::Replaces, Outcome::Equivocation] {
        assert_eq!(Outcome::from_u8(outcome.to_u8()), Some(outcome));
    }
    let mut bad = bytes.clone();
    bad[52] = 0;
    assert!(matches!(
        AnchorLeaf::decode(&bad),
        Err(DecodeError::BadTag {
            field: "outcome",
            ..
        })
    ));
    bad[52] = 4;
    assert!(AnchorLeaf::decode(&bad).is_err());
    let mut zero_height = bytes.clone();
    zero_height[12..20].copy_from_slice(&[0; 8]);
    assert!(matches!(
        AnchorLeaf::decode(&zero_height),
        Err(DecodeError::InvalidValue {
            field: "height",
            ..
        })
    ));
    assert_eq!(leaf.leaf_hash(), crate::merkle::leaf_hash(&bytes));
    // The root over the leaves, in block order; the empty tree without reports.
    assert_eq!(anchors_root(&[]), crate::merkle::empty_root());
    let other = AnchorLeaf {
        height: 6,
        outcome: Outcome::Extends,
        ..leaf
    };
    let root = anchors_root(&[leaf, other]);
    assert_eq!(
        root,
        crate::merkle::node_hash(&leaf.leaf_hash(), &other.leaf_hash())
    );
    assert_ne!(root, anchors_root(&[other, leaf]));
    let proof = crate::InclusionProof::generate(&[leaf.leaf_hash(), other.leaf_hash()], 1).unwrap();
    assert!(proof.verify(&other.leaf_hash(), &root).is_ok());
    assert!(proof.verify(&leaf.leaf_hash(), &root).is_err());
}

#[test]
fn entries_round_trip_and_the_state_key_is_tagged() {
    let entry = entries::Entry {
        key: "batch/42".to_owned(),
        value: b"tea".to_vec(),
    };
    round_trip(&entry);
    assert!(
        entries::Entry::decode(
            &entries::Entry {
                key: "a\nb".to_owned(),
                value: Vec::new()
            }
            .encode()
        )
        .is_err()
    );
    assert!(
        entries::Entry::decode(
            &entries::Entry {
                key: "k".to_owned(),
                value: vec![0; entries::MAX_ENTRY_VALUE_LEN + 1]
            }
            .encode()
        )
        .is_err()
    );
    assert_eq!(entries_root(&[]), crate::merkle::empty_root());
    assert_eq!(
        entries_root(core::slice::from_ref(&entry)),
        crate::merkle::root(&[entry.encode()])
    );
    assert_eq!(
        subchain_state_key("batch/42"),
        Hash32(crate::tagged_hash("jifen/subchain-key", b"batch/42"))
    );
}

#[test]
fn the_vote_digest_separates_chains_subchains_heights_and_rounds() {
    let main = main_chain();
    let other = crate::ChainId::new("jifen-testnet").unwrap();
    let base = subchain_vote_digest(&main, sid(1), 5, 0, &h(1));
    assert_ne!(base, subchain_vote_digest(&other, sid(1), 5, 0, &h(1)));
    assert_ne!(base, subchain_vote_digest(&main, sid(2), 5, 0, &h(1)));
    assert_ne!(base, subchain_vote_digest(&main, sid(1), 6, 0, &h(1)));
    assert_ne!(base, subchain_vote_digest(&main, sid(1), 5, 1, &h(1)));
    assert_ne!(base, subchain_vote_digest(&main, sid(1), 5, 0, &h(2)));
    assert_ne!(
        base,
        crate::Commit::vote_digest(&main, crate::VoteKind::Precommit, 5, 0, &h(1))
    );
}

#[test]
fn subchain_ids_parse_strictly() {
    assert_eq!("17".parse::<SubchainId>(), Ok(sid(17)));
    for bad in ["", "0", "01", "-1", "+1", "4294967296", "1a"] {
        assert!(bad.parse::<SubchainId>().is_err(), "{bad}");
    }
    assert_eq!(SubchainId::new(0), None);
    assert_eq!(sid(4_294_967_295).to_string(), "4294967295");
}
