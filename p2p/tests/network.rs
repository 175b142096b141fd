#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Networks on loopback talking to each other: requests and their bounds,
//! the rate limit, gossip and its judge, Kademlia discovery. Every wait is
//! bounded.

use std::sync::Arc;
use std::time::{Duration, Instant};

use jifen_p2p::{
    Acceptance, BlockValidator, Config, Limits, Multiaddr, Network, Reply, Request, RequestError,
    RequestHandler, Role,
};

const CHAIN: &str = "jifen-test";
const WAIT: Duration = Duration::from_secs(20);

fn config(role: Role, limits: Limits, bootnodes: Vec<Multiaddr>) -> Config {
    Config {
        chain_id: CHAIN.into(),
        keypair: jifen_p2p::identity::fresh(),
        role,
        listen: if role == Role::Wallet {
            Vec::new()
        } else {
            vec!["/ip4/127.0.0.1/tcp/0".parse().unwrap()]
        },
        bootnodes,
        limits,
        version: "test".into(),
    }
}

fn echo() -> RequestHandler {
    Arc::new(|_peer, body: Vec<u8>, accepts_frame| Reply {
        frame: accepts_frame,
        body,
    })
}

fn node(limits: Limits, bootnodes: Vec<Multiaddr>, blocks: Option<BlockValidator>) -> Network {
    Network::start(config(Role::Full, limits, bootnodes), Some(echo()), blocks).unwrap()
}

fn wallet(bootnodes: Vec<Multiaddr>) -> Network {
    Network::start(
        config(Role::Wallet, Limits::default(), bootnodes),
        None,
        None,
    )
    .unwrap()
}

fn address(network: &Network) -> Multiaddr {
    network.listen_addrs().into_iter().next().unwrap()
}

fn ask(
    from: &Network,
    to: &Network,
    body: Vec<u8>,
    answer_limit: u32,
) -> Result<Reply, RequestError> {
    from.request(
        to.local_peer_id(),
        vec![address(to)],
        Request {
            body,
            answer_limit,
            accepts_frame: false,
        },
        WAIT,
    )
}

#[test]
fn a_request_is_answered_by_the_nodes_handler() {
    let server = node(Limits::default(), Vec::new(), None);
    let client = wallet(Vec::new());
    let reply = ask(&client, &server, b"{\"jsonrpc\":\"2.0\"}".to_vec(), 1024).unwrap();
    assert_eq!(reply.body, b"{\"jsonrpc\":\"2.0\"}");
    assert!(!reply.frame);
    // A wallet answers nobody.
    let asked = server.request(
        client.local_peer_id(),
        Vec::new(),
        Request {
            body: b"{}".to_vec(),
            answer_limit: 1024,
            accepts_frame: false,
        },
        Duration::from_secs(5),
    );
    assert!(asked.is_err(), "{asked:?}");
}

#[test]
fn an_answer_over_the_askers_bound_is_refused_from_its_length() {
    let server = node(Limits::default(), Vec::new(), None);
    let client = wallet(Vec::new());
    let error = ask(&client, &server, vec![b'x'; 2000], 1000).unwrap_err();
    assert_eq!(error, RequestError::TooLarge { limit: 1000 });
}

#[test]
fn a_request_over_the_nodes_bound_gets_no_answer_and_the_asker_is_dropped() {
    let limits = Limits {
        max_request_bytes: 100,
        ..Limits::default()
    };
    let server = node(limits, Vec::new(), None);
    let client = wallet(Vec::new());
    assert!(ask(&client, &server, vec![b'x'; 50], 1000).is_ok());
    let error = ask(&client, &server, vec![b'x'; 101], 1000).unwrap_err();
    assert!(
        matches!(error, RequestError::NoAnswer | RequestError::Unreachable(_)),
        "{error:?}"
    );
    let deadline = Instant::now() + WAIT;
    while server
        .peers()
        .unwrap()
        .iter()
        .any(|p| p.id == client.local_peer_id() && p.connected)
    {
        assert!(Instant::now() < deadline, "the asker was not dropped");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_peer_asking_faster_than_the_rate_is_dropped() {
    let limits = Limits {
        requests_per_second: 1,
        request_burst: 3,
        ..Limits::default()
    };
    let server = node(limits, Vec::new(), None);
    let client = wallet(Vec::new());
    let answered = (0..10)
        .filter(|_| ask(&client, &server, b"{}".to_vec(), 100).is_ok())
        .count();
    assert!(answered >= 3, "the burst is served: {answered}");
    // Reconnecting after the drop does not refill the bucket: beyond the
    // burst only what 1/s refills while the loop runs.
    assert!(answered <= 6, "the flood is not: {answered}");
}

#[test]
fn a_published_block_reaches_a_wallet_and_a_rejected_one_drops_its_sender() {
    // Node A judges: blocks starting with "bad" are rejected.
    let judge: BlockValidator = Arc::new(|_peer, bytes: &[u8]| {
        if bytes.starts_with(b"bad") {
            Acceptance::Reject("test says bad".into())
        } else {
            Acceptance::Accept
        }
    });
    let a = node(Limits::default(), Vec::new(), Some(judge));
    let b = node(Limits::default(), vec![address(&a)], None);
    let client = wallet(vec![address(&a)]);
    let from_a = client.subscribe_blocks().unwrap();
    let at_a = a.subscribe_blocks().unwrap();
    // Gossipsub needs a heartbeat or two to graft the mesh.
    let deadline = Instant::now() + WAIT;
    let mut received = None;
    while received.is_none() {
        assert!(Instant::now() < deadline, "no block reached the wallet");
        a.publish_block(format!("good {}", Instant::now().elapsed().as_nanos()).into_bytes())
            .unwrap();
        received = from_a.recv_timeout(Duration::from_millis(300)).ok();
    }
    assert!(received.unwrap().bytes.starts_with(b"good"));
    // B gossips a bad block: A rejects it and drops B.
    let deadline = Instant::now() + WAIT;
    loop {
        assert!(Instant::now() < deadline, "B was not dropped");
        b.publish_block(format!("bad {:?}", Instant::now()).into_bytes())
            .unwrap();
        std::thread::sleep(Duration::from_millis(300));
        let connected = a
            .peers()
            .unwrap()
            .iter()
            .any(|p| p.id == b.local_peer_id() && p.connected);
        if !connected {
            break;
        }
    }
    // Nothing bad was handed to A's subscribers.
    while let Ok(block) = at_a.try_recv() {
        assert!(!block.bytes.starts_with(b"bad"));
    }
}

#[test]
fn a_wallet_finds_nodes_through_one_bootnode() {
    let first = node(Limits::default(), Vec::new(), None);
    let others: Vec<Network> = (0..3)
        .map(|_| node(Limits::default(), vec![address(&first)], None))
        .collect();
    let client = wallet(vec![address(&first)]);
    let want: Vec<_> = others.iter().map(Network::local_peer_id).collect();
    let deadline = Instant::now() + WAIT;
    loop {
        let found = client
            .closest_peers(jifen_p2p::PeerId::random(), Duration::from_secs(5))
            .unwrap_or_default();
        let seen = want
            .iter()
            .filter(|id| {
                found
                    .iter()
                    .any(|p| p.id == **id && !p.addresses.is_empty())
            })
            .count();
        if seen == want.len() {
            break;
        }
        assert!(Instant::now() < deadline, "found {seen} of {}", want.len());
        std::thread::sleep(Duration::from_millis(200));
    }
    // The wallet is a client: no node keeps it in its routing table.
    let kept = others
        .iter()
        .chain(std::iter::once(&first))
        .flat_map(|n| n.peers().unwrap())
        .filter(|p| p.id == client.local_peer_id() && !p.connected)
        .count();
    assert_eq!(kept, 0);
}

// Issue 17, junk flood over P2P: a node gossips hundreds of distinct blocks
// to a wallet and asks it a thousand requests (a wallet serves none). A
// subscriber that does not read (a session that is not following) holds at
// most SUBSCRIBER_QUEUE blocks instead of every block ever gossiped (the
// queue was unbounded), one that reads gets them, and the wallet's requests
// to another node are answered throughout.
#[test]
fn a_gossip_and_request_flood_leaves_a_wallet_bounded_and_answering() {
    let flooder = node(Limits::default(), Vec::new(), None);
    let honest = node(Limits::default(), Vec::new(), None);
    let client = wallet(vec![address(&flooder), address(&honest)]);
    let idle = client.subscribe_blocks().unwrap();
    let reading = client.subscribe_blocks().unwrap();
    // Wait for the mesh.
    let deadline = Instant::now() + WAIT;
    while reading.recv_timeout(Duration::from_millis(300)).is_err() {
        assert!(Instant::now() < deadline, "no block reached the wallet");
        flooder
            .publish_block(format!("hello {:?}", Instant::now()).into_bytes())
            .unwrap();
    }
    let reader = std::thread::spawn(move || {
        let mut count = 0usize;
        let deadline = Instant::now() + WAIT;
        while count < 300 && Instant::now() < deadline {
            if reading.recv_timeout(Duration::from_millis(100)).is_ok() {
                count += 1;
            }
        }
        count
    });
    let flood = std::thread::spawn({
        let wallet_id = client.local_peer_id();
        move || {
            for n in 0..600u32 {
                let mut block = vec![0u8; 8 * 1024];
                block[..4].copy_from_slice(&n.to_be_bytes());
                flooder.publish_block(block).unwrap();
                if n % 20 == 0 {
                    std::thread::sleep(Duration::from_millis(5));
                }
            }
            // Requests to a wallet: refused (it serves none), never answered.
            let mut answered = 0;
            for _ in 0..1_000 {
                let asked = flooder.request(
                    wallet_id,
                    Vec::new(),
                    Request {
                        body: b"junk".to_vec(),
                        answer_limit: 1_024,
                        accepts_frame: false,
                    },
                    Duration::from_secs(2),
                );
                answered += usize::from(asked.is_ok());
            }
            answered
        }
    });
    // The wallet's own requests go through during the flood.
    for n in 0..20u8 {
        let reply = ask(&client, &honest, vec![n; 100], 1_024).unwrap();
        assert_eq!(reply.body, vec![n; 100]);
    }
    assert_eq!(flood.join().unwrap(), 0, "a wallet answered a request");
    let read = reader.join().unwrap();
    assert!(read >= 100, "the reading subscriber got {read} blocks");
    let mut waiting = 0;
    while idle.try_recv().is_ok() {
        waiting += 1;
    }
    assert!(
        (1..=jifen_p2p::SUBSCRIBER_QUEUE).contains(&waiting),
        "{waiting} blocks waited for a subscriber that did not read"
    );
    assert!(ask(&client, &honest, b"after".to_vec(), 1_024).is_ok());
}
