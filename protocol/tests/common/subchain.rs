//! The subchain part of the vector fixture: a bft header of subchain 1 with
//! its report (the fixture set signs it), the pow-xor worked example of
//! `docs/protocol.md#pow-xor-fork-choice` (subchain 2), and an anchor root.

use jifen_protocol::subchain::{
    AnchorLeaf, Entry, Outcome, ReportSeal, Seal, SubchainHeader, SubchainId, SubchainReport,
    anchors_root, entries_root, meets_work, subchain_state_key, subchain_vote_digest, xor_distance,
    xor_wins,
};
use jifen_protocol::{Commit, CommitSignature, Encode, Hash32};

use super::{chain_id, key_of_index, sign, validator_set};

const T0: u64 = 1_767_225_600_000;

/// The header at `bits` with the first nonce from 0 whose id meets them.
pub fn mine(mut header: SubchainHeader, bits: u8) -> SubchainHeader {
    for nonce in 0.. {
        header.seal = Seal::Pow { bits, nonce };
        if meets_work(&header.hash(), bits) {
            break;
        }
    }
    header
}

/// Subchain 2 (pow-xor, 4 bits): height 1 on the zero parent, and two
/// siblings at height 2 (`tx_root` all 0xA0 and all 0xB0 bytes).
pub fn pow_example() -> (SubchainHeader, SubchainHeader, SubchainHeader) {
    let template = |height: u64, parent: Hash32, time_ms: u64, salt: u8| SubchainHeader {
        subchain: SubchainId::new(2).unwrap(),
        height,
        time_ms,
        parent,
        tx_root: Hash32([salt; 32]),
        state_root: Hash32([height as u8; 32]),
        seal: Seal::Pow { bits: 4, nonce: 0 },
    };
    let parent = mine(template(1, Hash32::ZERO, T0, 0), 4);
    let a = mine(template(2, parent.hash(), T0 + 1_000, 0xA0), 4);
    let b = mine(template(2, parent.hash(), T0 + 1_000, 0xB0), 4);
    (parent, a, b)
}

pub fn vectors(put: &mut dyn FnMut(&str, String)) {
    let entry = Entry {
        key: "batch/42".to_owned(),
        value: "茶".as_bytes().to_vec(),
    };
    let set = validator_set();
    let header = SubchainHeader {
        subchain: SubchainId::new(1).unwrap(),
        height: 1,
        time_ms: T0,
        parent: Hash32::ZERO,
        tx_root: entries_root(std::slice::from_ref(&entry)),
        state_root: Hash32([0x5A; 32]),
        seal: Seal::Bft {
            validators_hash: set.hash(),
            next_validators_hash: set.hash(),
        },
    };
    let id = header.hash();
    let digest = subchain_vote_digest(&chain_id(), header.subchain, 1, 0, &id);
    let commit = Commit {
        height: 1,
        round: 0,
        block_hash: id,
        signatures: (0..3u16)
            .map(|index| CommitSignature {
                validator_index: index,
                signature: sign(key_of_index(usize::from(index)), &digest),
            })
            .collect(),
    };
    let report = SubchainReport {
        header: header.clone(),
        seal: ReportSeal::Bft {
            commit,
            validators: set,
            next_validators: None,
        },
    };
    put("subchain.entry", hex::encode(entry.encode()));
    put(
        "subchain.state-key",
        subchain_state_key(&entry.key).to_string(),
    );
    put("subchain.bft-header-encoding", hex::encode(header.encode()));
    put("subchain.bft-header-id", id.to_string());
    put("subchain.vote-digest", hex::encode(digest));
    put("subchain.bft-report-encoding", hex::encode(report.encode()));

    let (parent, a, b) = pow_example();
    assert!(!xor_wins(&a.hash(), &b.hash(), &parent.hash()));
    put("subchain.pow-parent-encoding", hex::encode(parent.encode()));
    put("subchain.pow-parent-id", parent.hash().to_string());
    put("subchain.pow-a-id", a.hash().to_string());
    put("subchain.pow-b-id", b.hash().to_string());
    put(
        "subchain.pow-a-distance",
        hex::encode(xor_distance(&a.hash(), &parent.hash())),
    );
    put(
        "subchain.pow-b-distance",
        hex::encode(xor_distance(&b.hash(), &parent.hash())),
    );

    let leaf = AnchorLeaf {
        subchain: header.subchain,
        index: 0,
        height: 1,
        header_hash: id,
        outcome: Outcome::Extends,
    };
    let replaced = AnchorLeaf {
        subchain: b.subchain,
        index: 2,
        height: 2,
        header_hash: b.hash(),
        outcome: Outcome::Replaces,
    };
    put("subchain.anchor-leaf", hex::encode(leaf.encode()));
    put("subchain.anchor-leaf-hash", leaf.leaf_hash().to_string());
    put(
        "subchain.anchors-root",
        anchors_root(&[leaf, replaced]).to_string(),
    );
}
