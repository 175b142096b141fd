#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! A network of separate processes on loopback (issue 15): the validator
//! and two full nodes started by `jifen_node::launch` (what `jifen-node
//! network` runs). The full nodes sync from the validator over P2P and
//! re-execute every block; a light client syncs over P2P only, then with
//! RPC and P2P peers mixed; a node killed mid-sync leaves the client to
//! the others; a wallet's discovery finds the nodes and its choice spreads
//! over K-buckets. Every wait is bounded.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use jifen_light_client::{
    ClientConfig, LightClient, MemoryStore, P2pPeer, Peer, RpcOptions, RpcPeer, SystemClock,
    TrustRoot,
};
use jifen_node::launch::{Member, NetworkPlan, launch};
use jifen_p2p::buckets::{bucket, spread};
use jifen_p2p::{Network, PeerAddress, PeerId};
use jifen_protocol::ChainId;

const WAIT: Duration = Duration::from_secs(60);

fn start(dir: &std::path::Path) -> Vec<Member> {
    launch(&NetworkPlan {
        data_dir: dir.to_path_buf(),
        full_nodes: 2,
        rpc_port: 0,
        p2p_port: 0,
        devnet_args: vec![
            "--block-time-ms".into(),
            "100".into(),
            "--validators".into(),
            "4".into(),
            "--no-subchains".into(),
        ],
        exe: Some(env!("CARGO_BIN_EXE_jifen-node").into()),
    })
    .unwrap()
}

fn rpc(member: &Member) -> RpcPeer {
    RpcPeer::connect(&member.rpc, RpcOptions::default()).unwrap()
}

fn wallet_network(bootnodes: Vec<jifen_p2p::Multiaddr>) -> Arc<Network> {
    Arc::new(
        Network::start(
            jifen_p2p::Config::wallet("jifen-devnet", bootnodes, "test"),
            None,
            None,
        )
        .unwrap(),
    )
}

fn p2p(network: &Arc<Network>, member: &Member) -> P2pPeer {
    P2pPeer::over_p2p(
        Arc::clone(network),
        &PeerAddress::parse(&member.p2p).unwrap(),
        RpcOptions::default(),
    )
}

fn client(primary: Box<dyn Peer>, witnesses: Vec<Box<dyn Peer>>) -> LightClient<MemoryStore> {
    LightClient::open(
        MemoryStore::new(),
        ClientConfig::new(ChainId::new("jifen-devnet").unwrap(), TrustRoot::Genesis),
        primary,
        witnesses,
        Box::new(SystemClock),
    )
    .unwrap()
}

fn height(member: &Member) -> u64 {
    rpc(member)
        .status()
        .map_or(0, |status| status.latest_height)
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + WAIT;
    while !done() {
        assert!(Instant::now() < deadline, "timed out: {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn full_nodes_and_light_clients_on_a_multi_process_network() {
    let dir = tempfile::tempdir().unwrap();
    let mut members = start(dir.path());
    assert_eq!(members.len(), 3);

    // 1. The full nodes follow the validator over P2P (they were given no
    //    HTTP source) and hold exactly its blocks.
    wait_until("full nodes at height 20", || {
        members.iter().skip(1).all(|member| height(member) >= 20)
    });
    for member in &members[1..] {
        for h in [1, 10, 20] {
            assert_eq!(
                rpc(member).light_block(h).unwrap().header.hash(),
                rpc(&members[0]).light_block(h).unwrap().header.hash(),
                "{} at {h}",
                member.name
            );
        }
    }

    // 2. A light client over P2P only: a full node as primary, the other
    //    and the validator as witnesses.
    let network = wallet_network(Vec::new());
    let mut over_p2p = client(
        Box::new(p2p(&network, &members[1])),
        vec![
            Box::new(p2p(&network, &members[2])),
            Box::new(p2p(&network, &members[0])),
        ],
    );
    let summary = over_p2p.sync(&mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert!(summary.height >= 20);
    assert_eq!(summary.primary, members[1].p2p);
    assert_eq!(
        summary.hash,
        rpc(&members[0])
            .light_block(summary.height)
            .unwrap()
            .header
            .hash()
    );

    // 3. Mixed: the validator over RPC as primary, full nodes over P2P and
    //    RPC as witnesses.
    let mut mixed = client(
        Box::new(rpc(&members[0])),
        vec![
            Box::new(p2p(&network, &members[1])),
            Box::new(rpc(&members[2])),
        ],
    );
    let summary = mixed.sync(&mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(summary.primary, members[0].rpc);
    assert!(summary.witnesses_agreed >= 1);

    // 4. Kill the primary (a full node) while a sync runs: the client
    //    carries on with the others.
    let mut survivor = client(
        Box::new(p2p(&network, &members[1])),
        vec![Box::new(p2p(&network, &members[2]))],
    );
    let syncing = std::thread::spawn(move || {
        let result = survivor.sync(&mut |_| {}, &AtomicBool::new(false));
        (result, survivor)
    });
    members[1].kill().unwrap();
    let (first, mut survivor) = syncing.join().unwrap();
    // The first sync may have finished before the kill; the next one
    // certainly runs without it.
    drop(first);
    std::thread::sleep(Duration::from_millis(300));
    let summary = survivor.sync(&mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(summary.primary, members[2].p2p);
    assert_eq!(
        summary.hash,
        rpc(&members[0])
            .light_block(summary.height)
            .unwrap()
            .header
            .hash()
    );

    // 5. Discovery: a wallet that knows only the validator finds the live
    //    full node, and its choice from a random target spreads over
    //    K-buckets.
    let bootnode = PeerAddress::parse(&members[0].p2p).unwrap();
    let finder = wallet_network(vec![bootnode.address.clone()]);
    let full_2 = PeerAddress::parse(&members[2].p2p).unwrap().peer;
    let target = PeerId::random();
    let mut found = Vec::new();
    wait_until("discovery finds full-2", || {
        found = finder
            .closest_peers(target, Duration::from_secs(5))
            .unwrap_or_default();
        found.iter().any(|peer| peer.id == full_2)
    });
    let ids: Vec<PeerId> = found.iter().map(|peer| peer.id).collect();
    let chosen = spread(&target, &ids, 3);
    let mut distinct: Vec<u32> = ids.iter().filter_map(|id| bucket(&target, id)).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let mut chosen_buckets: Vec<u32> = chosen.iter().map(|(_, b)| *b).collect();
    chosen_buckets.sort_unstable();
    chosen_buckets.dedup();
    assert_eq!(chosen_buckets.len(), distinct.len().min(3));
}
