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
use jifen_light_client::{MemoryStore, PeerState, TrustRoot};
use jifen_node::keys::NodeKey;
use jifen_node::rpc::Fault;
use jifen_protocol::history::{HistoryCheckpoint, HistoryEntry};
use jifen_protocol::{Address, Transaction, Transfer, TxPayload, UnsignedTransaction};
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
