//! Skipping by trust against the reference node (devnet, manual block
//! production, frozen while the test runs): a stable set needs one header
//! whatever the distance; a set replaced every epoch still reaches the tip,
//! between the offline optimum and the epoch ends plus one; a witness on a
//! fork is still caught.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
#[path = "../benches/shared/fixture.rs"]
mod fixture;

use std::sync::atomic::AtomicBool;

use jifen_light_client::{
    AuditBundle, ClientConfig, LightClient, LightStore, MemoryStore, Options, RpcOptions, RpcPeer,
    SystemClock, TrustRoot, verify_bundle,
};
use jifen_light_client_verifier::optimum::min_light_blocks;
use jifen_node::devnet::{Devnet, DevnetConfig};
use jifen_node::keys::NodeKey;
use jifen_protocol::{ChainId, Transfer, TxPayload, UnsignedTransaction};

/// A frozen devnet of `blocks` blocks with `validators` active, `rotate`
/// rotating in per epoch, epochs of `epoch` blocks.
fn devnet(validators: u32, rotate: u32, epoch: u64, blocks: u64) -> (Devnet, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut config = DevnetConfig::new(dir.path().join("chain"));
    config.validators = validators;
    config.rotate = rotate;
    config.epoch_length = epoch;
    config.produce = false;
    let devnet = Devnet::start(&config).unwrap();
    jifen_testenv::devnet::produce_blocks(&devnet, blocks).unwrap();
    (devnet, dir)
}

fn peer(devnet: &Devnet) -> Box<RpcPeer> {
    Box::new(
        RpcPeer::connect(
            &format!("http://{}", devnet.rpc_addr()),
            RpcOptions::default(),
        )
        .unwrap(),
    )
}

fn client(devnet: &Devnet) -> LightClient<MemoryStore> {
    let config = ClientConfig::new(ChainId::new("jifen-devnet").unwrap(), TrustRoot::Genesis);
    LightClient::open(
        MemoryStore::new(),
        config,
        peer(devnet),
        vec![peer(devnet) as Box<dyn jifen_light_client::Peer>],
        Box::new(SystemClock),
    )
    .unwrap()
}

fn tip(devnet: &Devnet) -> u64 {
    jifen_testenv::devnet::height(devnet)
}

/// A council that does not change: the tip verifies from block 1 at once
/// (the calendar fetched one header per epoch: 30 here).
#[test]
fn a_stable_set_fetches_one_header() {
    let (devnet, _dir) = devnet(4, 0, 10, 300);
    let mut client = client(&devnet);
    let summary = client.sync(&mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(summary.height, tip(&devnet));
    assert_eq!(summary.headers_fetched, 1, "{summary:?}");
    assert_eq!(summary.bisections, 0);
}

/// Every set replaced each epoch (4 active, 4 rotating in): the tip is
/// reached through epoch ends only, at least the offline optimum and at
/// most every epoch end plus the tip.
#[test]
fn sets_replaced_every_epoch_reach_the_tip_within_the_bounds() {
    let (devnet, _dir) = devnet(4, 4, 5, 98);
    let tip = tip(&devnet);
    let mut client = client(&devnet);
    let summary = client.sync(&mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(summary.height, tip);
    let now = jifen_node::devnet::now_ms();
    let shape = {
        let chain = devnet.chain();
        let chain = chain.lock().unwrap();
        fixture::shape_of(&chain, tip)
    };
    let optimum = min_light_blocks(&shape, 1, tip, &Options::default(), now)
        .unwrap()
        .light_blocks;
    let epoch_ends = (tip - 1) / 5;
    let fetched = summary.headers_fetched;
    assert!(
        optimum <= fetched && fetched <= epoch_ends + 1,
        "{optimum} <= {fetched} <= {epoch_ends} + 1"
    );
    // The sets alternate (a pool of 8, 4 rotating): the tip, in an odd
    // epoch, is signed by the set block 1 does not announce.
    assert!(optimum >= 2, "{optimum}");
    // A second sync from the tip fetches nothing new but the tip.
    let again = client.sync(&mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(again.height, tip);
    assert!(again.headers_fetched <= 1, "{again:?}");
}

/// Stored blocks far apart (a stable set: the root and the tip, 10,100
/// heights apart): a transaction near the root is proven by verifying its
/// block forward from the root, not by walking 10,000 hash links down.
#[test]
fn a_proof_far_below_the_tip_is_verified_forward() {
    let net = common::manual_net_with_sets(&[None], 10, 4, 0, 100);
    let key = NodeKey::devnet_account(2).unwrap();
    let unsigned = UnsignedTransaction::new(
        ChainId::new("jifen-devnet").unwrap(),
        key.public_key(),
        0,
        1_000,
        TxPayload::Transfer(Transfer {
            to: common::account(3),
            amount: 12_345,
        }),
    );
    let tx = unsigned
        .clone()
        .with_signature(key.sign_digest(&unsigned.signing_digest()).unwrap());
    let id = tx.id();
    net.devnet.chain().lock().unwrap().submit_tx(tx).unwrap();
    let height = jifen_testenv::devnet::produce_blocks(&net.devnet, 1).unwrap();
    jifen_testenv::devnet::produce_blocks(&net.devnet, 10_100).unwrap();
    let mut client = net.client(MemoryStore::new(), TrustRoot::Genesis, 0, &[1], None);
    let summary = common::sync(&mut client).unwrap();
    assert_eq!(summary.headers_fetched, 1);
    assert_eq!(client.store().heights().unwrap(), vec![1, summary.height]);
    let before = net.requests(0);
    let proven = client.tx_inclusion(&id).unwrap().unwrap();
    assert_eq!(proven.height, height);
    assert_eq!(proven.header_hash, net.hash_at(height));
    // A walk down would ask 101 ranges of 100 headers.
    let asked = net.requests(0) - before;
    assert!(asked < 20, "{asked} requests");

    // Its receipt goes forward too (hash links that far would exceed the
    // bundle format's bound) and verifies offline from the root of trust.
    let bundle = client.tx_bundle(&id).unwrap();
    let root = client.status().root.unwrap().checkpoint;
    let read = AuditBundle::from_json(&bundle.to_json()).unwrap();
    let verified = verify_bundle(&read, &root, &client.config().options).unwrap();
    assert_eq!(verified.header.height, height);
    let inclusion = verified.inclusion.unwrap();
    assert_eq!(inclusion.height, height);
    assert_eq!(inclusion.header_hash, net.hash_at(height));
    assert_eq!(inclusion.value.tx.id(), id);
}
