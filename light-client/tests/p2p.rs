#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! The light client over P2P (ADR 0022) against the reference node: the
//! same JSON-RPC carried by libp2p request-response. P2P only, RPC and P2P
//! mixed as primary and witnesses, and lying P2P peers demoted with the
//! same codes as lying RPC peers. The multi-process network (validator
//! plus full nodes as separate processes) is in `node/tests/p2p_network.rs`.

mod common;

use std::sync::atomic::AtomicBool;

use common::{demoted_code, p2p_net, wallet_network};
use jifen_light_client::{
    ClientConfig, LightClient, MemoryStore, Peer, PeerRole, SystemClock, TrustRoot,
};
use jifen_node::rpc::Fault;

fn client(primary: Box<dyn Peer>, witnesses: Vec<Box<dyn Peer>>) -> LightClient<MemoryStore> {
    LightClient::open(
        MemoryStore::new(),
        ClientConfig::new(common::chain_id(), TrustRoot::Genesis),
        primary,
        witnesses,
        Box::new(SystemClock),
    )
    .unwrap()
}

#[test]
fn a_light_client_syncs_over_p2p_only_and_proves_an_account() {
    let net = p2p_net(&[None], 30);
    let network = wallet_network();
    let mut client = client(net.p2p_peer(&network, 0), vec![net.p2p_peer(&network, 1)]);
    let summary = client.sync(&mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert!(summary.height >= 30);
    assert_eq!(summary.hash, net.hash_at(summary.height));
    assert_eq!(summary.witnesses_agreed, 1);
    assert_eq!(summary.primary, net.p2p_addrs[0].to_string());
    // A proven read over P2P.
    let account = common::account(0);
    let proven = client.reader().account(&account).unwrap();
    assert_eq!(proven.height, summary.height);
    assert!(proven.value.balance > 0);
    // Nothing went over HTTP.
    assert_eq!(net.requests(0), 0);
}

#[test]
fn rpc_and_p2p_peers_mix_as_primary_and_witnesses() {
    let net = p2p_net(&[], 20);
    let network = wallet_network();
    // P2P primary, RPC witness.
    let mut first = client(net.p2p_peer(&network, 0), vec![net.peer(0)]);
    let summary = first.sync(&mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(summary.hash, net.hash_at(summary.height));
    assert_eq!(summary.witnesses_agreed, 1);
    // RPC primary, P2P witness.
    let mut second = client(net.peer(0), vec![net.p2p_peer(&network, 0)]);
    let summary = second.sync(&mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(summary.primary, net.url(0));
    assert_eq!(summary.witnesses_agreed, 1);
}

/// Each lie told over P2P demotes the liar with the code the same lie
/// told over RPC gets (`tests/adversarial.rs`), and the honest witness
/// takes over.
#[test]
fn a_lying_p2p_peer_is_demoted_with_the_same_code_as_a_lying_rpc_peer() {
    let cases = [
        (Fault::ForgedCommit, "lc-invalid-commit"),
        (Fault::WrongValidatorSet, "lc-validators-hash-mismatch"),
        (Fault::MalformedResponse, "lc-peer-malformed-json"),
        (Fault::OversizedResponse, "lc-peer-response-too-large"),
        (Fault::StaleTip, "lc-client-primary-stale"),
    ];
    let net = p2p_net(&cases.map(|(fault, _)| Some(fault)), 80);
    let network = wallet_network();
    for (position, (fault, code)) in cases.iter().enumerate() {
        let liar = position + 1;
        let mut over_rpc = client(net.peer(liar), vec![net.peer(0)]);
        over_rpc.sync(&mut |_| {}, &AtomicBool::new(false)).unwrap();
        let rpc_code = demoted_code(&over_rpc.status().peers[0].state);
        assert_eq!(rpc_code, *code, "{fault:?} over RPC");

        let mut over_p2p = client(
            net.p2p_peer(&network, liar),
            vec![net.p2p_peer(&network, 0)],
        );
        let summary = over_p2p
            .sync(&mut |_| {}, &AtomicBool::new(false))
            .unwrap_or_else(|error| panic!("{fault:?}: {error}"));
        assert_eq!(summary.hash, net.hash_at(summary.height), "{fault:?}");
        let status = over_p2p.status();
        assert_eq!(demoted_code(&status.peers[0].state), rpc_code, "{fault:?}");
        assert_eq!(status.peers[1].role, PeerRole::Primary, "{fault:?}");
    }
}
