#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Binary light-block ranges (`docs/rpc.md#binary-light-block-ranges`)
//! between the light client's `RpcPeer` and the reference node: the same
//! blocks as JSON, JSON still read from nodes without frames, a frame not
//! asked for refused, and a node whose frames are garbage demoted.

mod common;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use common::{account, chain_id, demoted_code, manual_net, state_of, sync, within};
use jifen_light_client::{MemoryStore, Peer, PeerState, RpcOptions, RpcPeer, TrustRoot};
use jifen_node::devnet::{Devnet, DevnetConfig};
use jifen_node::keys::NodeKey;
use jifen_node::rpc::http::{HttpServer, Reply};
use jifen_node::rpc::{Fault, RpcContext, handle_body};
use jifen_protocol::{Transfer, TxPayload, UnsignedTransaction};
use jifen_rpc_types::LIGHT_BLOCKS_CONTENT_TYPE;
use jifen_testenv::devnet::produce_blocks;

const BOUND: Duration = Duration::from_secs(240);

/// A frozen chain of `height` blocks whose set is replaced at every block
/// (4 validators, 4 rotated per one-block epoch): every block has its own
/// validator set, so a range's frame carries the most sets.
fn replaced_every_block(dir: &std::path::Path, height: u64) -> Devnet {
    let mut config = DevnetConfig::new(dir.join("chain"));
    config.validators = 4;
    config.rotate = 4;
    config.epoch_length = 1;
    config.produce = false;
    let devnet = Devnet::start(&config).unwrap();
    produce_blocks(&devnet, height).unwrap();
    devnet
}

fn peer(addr: SocketAddr, binary_ranges: bool) -> RpcPeer {
    RpcPeer::connect(
        &format!("http://{addr}"),
        RpcOptions {
            binary_ranges,
            ..RpcOptions::default()
        },
    )
    .unwrap()
}

#[test]
fn frames_and_json_give_the_same_blocks_and_old_nodes_still_serve_json() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = replaced_every_block(dir.path(), 130);
    let binary = peer(devnet.rpc_addr(), true).light_blocks(2, 130).unwrap();
    let json = peer(devnet.rpc_addr(), false).light_blocks(2, 130).unwrap();
    assert_eq!(binary.len(), 129);
    assert_eq!(binary, json);

    // A node that only speaks JSON (it ignores `Accept`).
    let ctx = RpcContext {
        chain: devnet.chain(),
        fault: None,
    };
    let old = HttpServer::start(
        SocketAddr::from(([127, 0, 0, 1], 0)),
        Arc::new(move |body: &[u8]| handle_body(&ctx, body)),
    )
    .unwrap();
    assert_eq!(
        peer(old.local_addr(), true).light_blocks(2, 130).unwrap(),
        json
    );

    // A frame where none was asked for is refused.
    let pushy = HttpServer::start_negotiating(
        SocketAddr::from(([127, 0, 0, 1], 0)),
        Arc::new(|_: &[u8], _| {
            Some(Reply {
                body: b"JLB1".to_vec(),
                content_type: LIGHT_BLOCKS_CONTENT_TYPE,
            })
        }),
        None,
    )
    .unwrap();
    let pushy = peer(pushy.local_addr(), true);
    assert_eq!(pushy.status().unwrap_err().code(), "lc-peer-bad-envelope");
    assert_eq!(
        pushy.light_block(2).unwrap_err().code(),
        "lc-peer-bad-envelope"
    );
    // Asked for, it is read strictly.
    assert_eq!(
        pushy.light_blocks(2, 3).unwrap_err().code(),
        "lc-peer-bad-frame"
    );
}

#[test]
fn a_node_sending_garbage_frames_is_demoted_and_the_honest_witness_takes_over() {
    let dir = tempfile::tempdir().unwrap();
    let mut devnet = replaced_every_block(dir.path(), 40);
    let garbage = devnet.add_rpc(Some(Fault::BinaryGarbage)).unwrap();
    let error = peer(garbage, true).light_blocks(2, 20).unwrap_err();
    assert_eq!(error.code(), "lc-peer-bad-frame");
    assert!(!error.is_transport());
    // Its JSON is honest.
    assert_eq!(
        peer(garbage, false).light_blocks(2, 20).unwrap(),
        peer(devnet.rpc_addr(), true).light_blocks(2, 20).unwrap()
    );

    drop(devnet);

    // In a client: sync by trust reaches the tip of a stable set with single
    // light blocks, so the ranges come when a transaction below the trusted
    // height is proven by hash links; the liar is primary.
    let net = manual_net(&[Some(Fault::BinaryGarbage)], 10);
    let key = NodeKey::devnet_account(2).unwrap();
    let unsigned = UnsignedTransaction::new(
        chain_id(),
        key.public_key(),
        0,
        1_000,
        TxPayload::Transfer(Transfer {
            to: account(3),
            amount: 12_345,
        }),
    );
    let tx = unsigned
        .clone()
        .with_signature(key.sign_digest(&unsigned.signing_digest()).unwrap());
    let id = tx.id();
    net.devnet.chain().lock().unwrap().submit_tx(tx).unwrap();
    let height = produce_blocks(&net.devnet, 1).unwrap();
    produce_blocks(&net.devnet, 30).unwrap();
    let mut client = net.client(MemoryStore::new(), TrustRoot::Genesis, 1, &[0], None);
    let (proven, client) = within(BOUND, move || {
        sync(&mut client).unwrap();
        (client.tx_inclusion(&id), client)
    });
    let proven = proven.unwrap().unwrap();
    assert_eq!(proven.height, height);
    assert_eq!(proven.header_hash, net.hash_at(height));
    assert_eq!(demoted_code(&state_of(&client, 0)), "lc-peer-bad-frame");
    assert!(matches!(state_of(&client, 0), PeerState::Demoted { .. }));
}
