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

use common::{chain_id, demoted_code, state_of, sync, within};
use jifen_light_client::{
    ClientConfig, LightClient, MemoryStore, Peer, PeerState, RpcOptions, RpcPeer, SystemClock,
    TrustRoot,
};
use jifen_node::devnet::{Devnet, DevnetConfig};
use jifen_node::rpc::http::{HttpServer, Reply};
use jifen_node::rpc::{Fault, RpcContext, handle_body};
use jifen_rpc_types::LIGHT_BLOCKS_CONTENT_TYPE;

const BOUND: Duration = Duration::from_secs(240);

/// A frozen chain of `height` blocks whose set is replaced at every block
/// (4 validators, 4 rotated per one-block epoch): a client must verify it
/// block by block, so it asks ranges.
fn replaced_every_block(dir: &std::path::Path, height: u64) -> Devnet {
    let mut config = DevnetConfig::new(dir.join("chain"));
    config.validators = 4;
    config.rotate = 4;
    config.epoch_length = 1;
    config.produce = false;
    let devnet = Devnet::start(&config).unwrap();
    jifen_testenv::devnet::produce_blocks(&devnet, height).unwrap();
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

    let honest = format!("http://{}", devnet.rpc_addr());
    let liar = format!("http://{garbage}");
    let mut client = LightClient::open(
        MemoryStore::new(),
        ClientConfig::new(chain_id(), TrustRoot::Genesis),
        Box::new(RpcPeer::connect(&liar, RpcOptions::default()).unwrap()),
        vec![Box::new(RpcPeer::connect(&honest, RpcOptions::default()).unwrap()) as Box<dyn Peer>],
        Box::new(SystemClock),
    )
    .unwrap();
    let (summary, client) = within(BOUND, move || (sync(&mut client), client));
    let summary = summary.unwrap();
    assert_eq!(summary.primary, honest);
    assert_eq!(summary.height, 40);
    assert_eq!(demoted_code(&state_of(&client, 0)), "lc-peer-bad-frame");
    assert!(matches!(state_of(&client, 0), PeerState::Demoted { .. }));
}
