#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! The proven history and transaction receipts against the reference node:
//! an honest node's history verifies and continues from its checkpoint, a
//! node that omits entries (`--fault history-omits-entry`) is demoted while
//! the honest witness answers, and a transfer's inclusion exports as a
//! `tx-inclusion` audit bundle that verifies offline, whether its block is
//! stored or proven by hash links below the trusted height, and refuses
//! every tampering with its own code. Each test runs a manual devnet
//! (blocks exist exactly when the test makes them) at the product defaults.

mod common;

use common::{Net, account, chain_id, demoted_code, manual_net, state_of, sync};
use jifen_light_client::{
    AuditBundle, ClientError, LightClient, LightStore, MemoryStore, PeerState, TX_INCLUSION_PROOF,
    TrustRoot, TxInclusionProof, VerifiedBundle, verify_bundle,
};
use jifen_node::keys::NodeKey;
use jifen_node::rpc::Fault;
use jifen_protocol::history::{HistoryCheckpoint, HistoryEntry};
use jifen_protocol::{
    Address, Decode, Encode, Hash32, Transaction, Transfer, TxPayload, UnsignedTransaction,
};
use jifen_testenv::devnet::produce_blocks;

/// A signed transfer of 12,345 base units from devnet account `from` to
/// account 3.
fn transfer(from: u32, nonce: u64) -> Transaction {
    let key = NodeKey::devnet_account(from).unwrap();
    let unsigned = UnsignedTransaction::new(
        chain_id(),
        key.public_key(),
        nonce,
        1_000,
        TxPayload::Transfer(Transfer {
            to: account(3),
            amount: 12_345,
        }),
    );
    unsigned
        .clone()
        .with_signature(key.sign_digest(&unsigned.signing_digest()).unwrap())
}

/// Puts `tx` in the next block of the manual devnet; returns its height.
fn include(net: &Net, tx: Transaction) -> u64 {
    net.devnet.chain().lock().unwrap().submit_tx(tx).unwrap();
    produce_blocks(&net.devnet, 1).unwrap()
}

/// The node's own record of `address`'s history (what an honest endpoint
/// serves).
fn node_history(net: &Net, address: &Address) -> Vec<HistoryEntry> {
    let (_, entries) = net
        .devnet
        .chain()
        .lock()
        .unwrap()
        .account_history(address, 0, 1_000)
        .unwrap();
    entries
}

#[test]
fn an_honest_history_verifies_continues_and_each_entry_is_proven() {
    let net = manual_net(&[], 6);
    let first = transfer(2, 0);
    let first_height = include(&net, first.clone());
    let second = transfer(2, 1);
    let second_height = include(&net, second.clone());
    produce_blocks(&net.devnet, 2).unwrap();

    let mut client = net.client(MemoryStore::new(), TrustRoot::Genesis, 0, &[], None);
    sync(&mut client).unwrap();
    let sender = account(2);
    let proven = client.history(&sender).unwrap();
    assert_eq!(proven.entries, node_history(&net, &sender));
    let ids: Vec<_> = proven.entries.iter().map(|entry| entry.tx_id).collect();
    assert_eq!(ids, [first.id(), second.id()]);
    assert_eq!(
        proven
            .entries
            .iter()
            .map(|entry| entry.height)
            .collect::<Vec<_>>(),
        [first_height, second_height]
    );
    assert_eq!(proven.end.len, proven.account.value.history_len);
    assert_eq!(proven.end.head, proven.account.value.history_head);
    // Every entry's inclusion and result, proven one by one.
    for entry in &proven.entries {
        let included = client.tx_inclusion(&entry.tx_id).unwrap().unwrap();
        assert_eq!(included.height, entry.height);
        assert_eq!(included.value.result_code, 0);
    }

    // A newer transfer: the read from the kept checkpoint brings only it.
    let third = transfer(2, 2);
    let third_height = include(&net, third.clone());
    sync(&mut client).unwrap();
    let newer = client.history_since(&sender, proven.end).unwrap();
    assert_eq!(newer.start, proven.end);
    assert_eq!(
        newer.entries,
        [HistoryEntry {
            tx_id: third.id(),
            height: third_height
        }]
    );
    assert_eq!(newer.end.len, 3);
    assert_eq!(
        newer.end,
        HistoryCheckpoint::EMPTY
            .extend(&node_history(&net, &sender))
            .unwrap()
    );
    assert_eq!(client.status().peers[0].state, PeerState::Active);
}

#[test]
fn a_node_omitting_an_entry_is_demoted_and_the_honest_witness_answers() {
    let net = manual_net(&[Some(Fault::HistoryOmitsEntry)], 6);
    include(&net, transfer(2, 0));
    include(&net, transfer(1, 0));
    produce_blocks(&net.devnet, 1).unwrap();
    // The liar (endpoint 1) is the primary; the honest endpoint a witness.
    let mut client = net.client(MemoryStore::new(), TrustRoot::Genesis, 1, &[0], None);
    sync(&mut client).unwrap();
    let recipient = account(3);
    let proven = client.history(&recipient).unwrap();
    assert_eq!(proven.entries.len(), 2);
    assert_eq!(proven.entries, node_history(&net, &recipient));
    assert_eq!(
        demoted_code(&state_of(&client, 0)),
        "history-length-mismatch"
    );
    assert_eq!(state_of(&client, 1), PeerState::Active);
    // Not asked again in the session: the next read is the witness's.
    let again = client.reader().history(&recipient).unwrap();
    assert_eq!(again, proven);
    assert_eq!(
        demoted_code(&state_of(&client, 0)),
        "history-length-mismatch"
    );
}

/// `bundle` written to its file text, read back and verified offline from
/// the client's root of trust.
fn verified_offline<S: LightStore>(
    client: &LightClient<S>,
    bundle: &AuditBundle,
) -> Result<VerifiedBundle, jifen_light_client::BundleError> {
    let root = client.status().root.unwrap().checkpoint;
    let read = AuditBundle::from_json(&bundle.to_json()).unwrap();
    verify_bundle(&read, &root, &client.config().options)
}

fn final_proof(bundle: &AuditBundle) -> TxInclusionProof {
    let final_proof = bundle.final_proof.as_ref().unwrap();
    assert_eq!(final_proof.kind, TX_INCLUSION_PROOF);
    TxInclusionProof::decode(&final_proof.bytes).unwrap()
}

/// Transfers in a block between two stored ones (proven by hash links), in
/// the trusted block, and above the trusted height each export as a
/// `tx-inclusion` bundle that verifies offline and reports the transfer.
#[test]
fn a_transfer_exports_as_a_tx_bundle_that_verifies_offline() {
    let net = manual_net(&[], 6);
    let below = transfer(2, 0);
    let below_height = include(&net, below.clone());
    produce_blocks(&net.devnet, 4).unwrap();
    let at_tip = transfer(2, 1);
    let tip = include(&net, at_tip.clone());
    assert_ne!(below_height % 5, 0, "an epoch end would be stored");
    let mut client = net.client(MemoryStore::new(), TrustRoot::Genesis, 0, &[], None);
    assert_eq!(sync(&mut client).unwrap().height, tip);
    let stored = client.store().heights().unwrap();
    assert!(!stored.contains(&below_height));
    assert!(stored.contains(&tip));
    let above = transfer(2, 2);
    let above_height = include(&net, above.clone());

    for (tx, height) in [
        (&below, below_height),
        (&at_tip, tip),
        (&above, above_height),
    ] {
        let bundle = client.tx_bundle(&tx.id()).unwrap();
        let anchor = *client
            .store()
            .heights()
            .unwrap()
            .iter()
            .find(|&&stored| stored >= height)
            .unwrap();
        let links: Vec<u64> = final_proof(&bundle)
            .links
            .iter()
            .map(|header| header.height)
            .collect();
        assert_eq!(links, (height..anchor).rev().collect::<Vec<_>>());
        let verified = verified_offline(&client, &bundle).unwrap();
        assert_eq!(verified.header.height, anchor);
        assert_eq!(verified.state, None);
        let inclusion = verified.inclusion.unwrap();
        assert_eq!(inclusion.height, height);
        assert_eq!(inclusion.header_hash, net.hash_at(height));
        assert_eq!(inclusion.value.tx, *tx);
        assert_eq!(inclusion.value.result_code, 0);
        // The same as the client proves online.
        let online = client.tx_inclusion(&tx.id()).unwrap().unwrap();
        assert_eq!(online, inclusion);
    }

    // A transaction no node has: nothing to export.
    let unknown = Hash32([0x99; 32]);
    match client.tx_bundle(&unknown) {
        Err(error @ ClientError::TxNotProven { .. }) => {
            assert_eq!(error.code(), "lc-client-tx-not-proven");
        }
        other => panic!("{other:?}"),
    }
}

/// A real receipt, tampered with: each change is refused offline with its
/// own code.
#[test]
fn a_tampered_tx_bundle_is_refused_with_the_tampering_s_code() {
    let net = manual_net(&[], 6);
    let tx = transfer(1, 0);
    let other = transfer(2, 0);
    let height = include(&net, tx.clone());
    include(&net, other.clone());
    produce_blocks(&net.devnet, 4).unwrap();
    let mut client = net.client(MemoryStore::new(), TrustRoot::Genesis, 0, &[], None);
    sync(&mut client).unwrap();
    let bundle = client.tx_bundle(&tx.id()).unwrap();
    let good = final_proof(&bundle);
    assert!(
        good.links.len() >= 2,
        "the block is not between stored ones"
    );
    verified_offline(&client, &bundle).unwrap();

    type Change = fn(&mut TxInclusionProof, &Transaction);
    let cases: [(&str, Change, &str); 5] = [
        (
            "the transaction's bytes (its fee)",
            |proof, _| {
                proof.answer.tx.unsigned.fee += 1;
                proof.id = proof.answer.tx.id();
            },
            "lc-bundle-tx-not-in-block",
        ),
        (
            "the result code",
            |proof, _| proof.answer.result_code = 1006,
            "lc-bundle-tx-result-not-in-block",
        ),
        (
            "a linking header",
            |proof, _| proof.links[0].state_root = Hash32([7; 32]),
            "lc-bundle-link-broken",
        ),
        (
            "the bottom header's tx root",
            |proof, _| {
                let last = proof.links.len() - 1;
                proof.links[last].tx_root = Hash32([7; 32]);
            },
            "lc-bundle-link-broken",
        ),
        (
            "another transaction's id",
            |proof, other| proof.id = other.id(),
            "lc-bundle-tx-id-mismatch",
        ),
    ];
    for (name, change, code) in cases {
        let mut proof = good.clone();
        change(&mut proof, &other);
        let mut tampered = bundle.clone();
        tampered.final_proof.as_mut().unwrap().bytes = proof.encode();
        let error = verified_offline(&client, &tampered).unwrap_err();
        assert_eq!(error.code(), code, "{name}: {error}");
    }
    assert_eq!(
        client.tx_inclusion(&tx.id()).unwrap().unwrap().value.height,
        height
    );
}
