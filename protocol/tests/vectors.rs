//! Conformance vectors: every value in `tests/vectors/protocol.json` is
//! recomputed here, and must also appear verbatim in `docs/protocol.md`.
//!
//! Regenerate both after a deliberate change with
//! `JIFEN_BLESS=1 cargo test -p jifen-protocol --test vectors`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // test code: a panic is a failed test

mod common;

use std::collections::BTreeMap;

use common::*;
use jifen_protocol::tx_result::{SUCCESS, result_leaf, results_root};
use jifen_protocol::{
    Commit, Encode, Hash32, Network, VoteKind, message_digest, tagged_hash, tags, tx_root,
};

const JSON_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/vectors/protocol.json"
);
const DOC_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/protocol.md");
const BEGIN: &str = "<!-- BEGIN GENERATED VECTORS (JIFEN_BLESS=1 rewrites this section) -->";
const END: &str = "<!-- END GENERATED VECTORS -->";

/// Every vector, by name, computed from the fixture.
fn compute() -> BTreeMap<String, String> {
    let mut v = BTreeMap::new();
    let mut put = |name: &str, value: String| {
        assert!(
            v.insert(name.to_owned(), value).is_none(),
            "duplicate vector {name}"
        );
    };
    fn hex(bytes: impl AsRef<[u8]>) -> String {
        hex::encode(bytes)
    }

    put(
        "hash.tagged-header-empty",
        hex(tagged_hash(tags::HEADER, b"")),
    );
    put("message.text", "你好, Jifen".to_owned());
    put(
        "message.digest",
        hex(message_digest("你好, Jifen".as_bytes())),
    );

    for n in 1..=3u8 {
        let key = format!("key{n}");
        put(&format!("{key}.secret"), hex(secret(n)));
        put(&format!("{key}.public-key"), hex(public_key(n).to_bytes()));
        put(
            &format!("{key}.address-bytes"),
            hex(address_of(n).as_bytes()),
        );
        for network in Network::ALL {
            put(
                &format!("{key}.address-{network}"),
                address_of(n).encode(network),
            );
        }
    }

    let set = validator_set();
    put("validators.encoding", hex(set.encode()));
    put("validators.hash", set.hash().to_string());
    put(
        "validators.leaf-0",
        set.get(0).unwrap().leaf_hash().to_string(),
    );
    put(
        "validators.proof-1",
        hex(set.membership_proof(1).unwrap().encode()),
    );

    let genesis = genesis_header();
    let commit = genesis_commit();
    let chain = chain_id();
    put("header-1.encoding", hex(genesis.encode()));
    put("header-1.hash", genesis.hash().to_string());
    put(
        "commit-1.vote-sign-bytes",
        hex(Commit::vote_sign_bytes(
            &chain,
            VoteKind::Precommit,
            1,
            0,
            &genesis.hash(),
        )),
    );
    put("commit-1.vote-digest", hex(commit.signing_digest(&chain)));
    put("commit-1.encoding", hex(commit.encode()));
    put("commit-1.hash", commit.hash().to_string());

    let tx = transfer_tx();
    let jifen_protocol::TxPayload::Transfer(transfer) = &tx.unsigned.payload else {
        unreachable!("the fixture transaction is a transfer")
    };
    put("tx.transfer-payload", hex(transfer.encode()));
    put("tx.unsigned-encoding", hex(tx.unsigned.encode()));
    put("tx.signing-digest", hex(tx.signing_digest()));
    put("tx.signature", hex(tx.signature.to_bytes()));
    put("tx.encoding", hex(tx.encode()));
    put("tx.id", tx.id().to_string());
    put("tx.root", tx_root(std::slice::from_ref(&tx)).to_string());
    // Results: the fixture transfer succeeded (code 0); the same id with
    // 1006 (insufficient balance) shows the code's byte order.
    put("tx.result-leaf", hex(result_leaf(&tx.id(), SUCCESS)));
    put("tx.result-leaf-1006", hex(result_leaf(&tx.id(), 1006)));
    put(
        "tx.results-root",
        results_root(&[(tx.id(), SUCCESS)]).to_string(),
    );

    let header = header_2();
    let commit = commit_2();
    put("header-2.encoding", hex(header.encode()));
    put("header-2.hash", header.hash().to_string());
    put("commit-2.vote-digest", hex(commit.signing_digest(&chain)));
    put("commit-2.encoding", hex(commit.encode()));
    put("commit-2.hash", commit.hash().to_string());

    // State: accounts of keys 1 and 2 after the fixture transfer, the stake
    // of key 3, and proofs of presence and absence.
    use jifen_protocol::{
        Account, Bond, StakeRecord, StateMap, account_key, stake_key, state::value_hash,
    };
    // Both are party to the transfer executed at height 2: each history
    // holds one entry.
    let head = jifen_protocol::history::history_step(&Hash32::ZERO, &tx.id(), 2);
    let account_1 = Account {
        history_len: 1,
        history_head: head,
        ..Account::new(987_499_000, 1)
    };
    let account_2 = Account {
        history_len: 1,
        history_head: head,
        ..Account::new(12_500_000, 0)
    };
    put("history.head-after-tx-at-2", head.to_string());
    let stake_3 = StakeRecord {
        public_key: public_key(3),
        bonded: 1_000_000_000,
    };
    put(
        "state.account-1-key",
        account_key(&address_of(1)).to_string(),
    );
    put("state.account-1-value", hex(account_1.encode()));
    put(
        "state.account-1-value-hash",
        value_hash(&account_1.encode()).to_string(),
    );
    put("state.stake-3-key", stake_key(&address_of(3)).to_string());
    put("state.stake-3-value", hex(stake_3.encode()));
    put(
        "tx.bond-payload",
        hex(Bond {
            amount: 1_000_000_000,
        }
        .encode()),
    );
    let mut map = StateMap::new();
    map.set(account_key(&address_of(1)), Some(account_1.encode()));
    map.set(account_key(&address_of(2)), Some(account_2.encode()));
    map.set(stake_key(&address_of(3)), Some(stake_3.encode()));
    put("state.root", map.root().to_string());
    put(
        "state.proof-account-1",
        hex(map.prove(&account_key(&address_of(1))).1.encode()),
    );
    put(
        "state.proof-absent-account-3",
        hex(map.prove(&account_key(&address_of(3))).1.encode()),
    );
    common::points::vectors(&mut put);
    common::subchain::vectors(&mut put);
    common::provenance::vectors(&mut put);
    v
}

fn render_json(vectors: &BTreeMap<String, String>) -> String {
    let json = serde_json::json!({
        "description": "Jifen protocol test vectors; see docs/protocol.md#test-vectors. Hex is lower case.",
        "fixture": "secret keys 1, 2, 3; validator powers 10, 20, 30; chain id jifen-devnet; genesis time 1767225600000 ms; transfer of 12500000 base units from key 1 to key 2, fee 1000, nonce 0; points: merchant 1 TEA (settlement) and 2 MALL (spread) owned by key 3, key 1 sells 1250 TEA at rate version 2",
        "vectors": vectors,
    });
    let mut text = serde_json::to_string_pretty(&json).unwrap();
    text.push('\n');
    text
}

fn render_doc_section(vectors: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    out.push_str(BEGIN);
    out.push('\n');
    for (name, value) in vectors {
        out.push_str(&format!("\n`{name}`\n\n```text\n{value}\n```\n"));
    }
    out.push('\n');
    out.push_str(END);
    out
}

#[test]
fn vectors_match_json_and_docs() {
    let vectors = compute();
    if std::env::var_os("JIFEN_BLESS").is_some() {
        std::fs::write(JSON_PATH, render_json(&vectors)).unwrap();
        let doc = std::fs::read_to_string(DOC_PATH).unwrap();
        let (before, rest) = doc.split_once(BEGIN).expect("docs lack the BEGIN marker");
        let (_, after) = rest.split_once(END).expect("docs lack the END marker");
        let doc = format!("{before}{}{after}", render_doc_section(&vectors));
        std::fs::write(DOC_PATH, doc).unwrap();
    }

    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(JSON_PATH).unwrap()).unwrap();
    let stored: BTreeMap<String, String> = serde_json::from_value(json["vectors"].clone()).unwrap();
    for (name, value) in &vectors {
        assert_eq!(
            stored.get(name),
            Some(value),
            "vector {name} differs from {JSON_PATH}"
        );
    }
    assert_eq!(
        stored.len(),
        vectors.len(),
        "the JSON holds vectors the code does not compute"
    );

    let doc = std::fs::read_to_string(DOC_PATH).unwrap();
    for (name, value) in &stored {
        assert!(
            doc.contains(value.as_str()),
            "docs/protocol.md lacks vector {name}: {value}"
        );
    }
}

#[test]
fn fixture_is_internally_consistent() {
    let set = validator_set();
    let chain = chain_id();
    for (header, commit) in [
        (genesis_header(), genesis_commit()),
        (header_2(), commit_2()),
    ] {
        header.validate_basic().unwrap();
        commit.check_for(&header).unwrap();
        let tally = commit.tally(&chain, &set).unwrap();
        assert!(tally.has_quorum());
        assert_eq!(tally.total_power, 60);
    }
    assert_eq!(
        header_2().previous_block_hash,
        Some(genesis_header().hash())
    );
    transfer_tx().verify_signature().unwrap();
    let _: Hash32 = transfer_tx().id();
}
