#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! How a node judges gossiped blocks before forwarding them
//! (`jifen_node::p2p::judge`, `docs/p2p.md#blocks`), and that a devnet on
//! P2P announces each block it produces.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use jifen_node::chain::Chain;
use jifen_node::devnet::{Devnet, DevnetConfig};
use jifen_node::p2p::{P2pOptions, block_frame, frame_height, judge};
use jifen_node::rpc::{Fault, RpcContext};
use jifen_p2p::{Acceptance, Role};

fn devnet(dir: &std::path::Path, blocks: u64, p2p: bool) -> Devnet {
    let mut config = DevnetConfig::new(dir.to_path_buf());
    config.validators = 4;
    config.produce = false;
    if p2p {
        config.p2p = Some(P2pOptions::new(
            "127.0.0.1:0".parse().unwrap(),
            Role::Validator,
        ));
    }
    let devnet = Devnet::start(&config).unwrap();
    devnet.produce_blocks(blocks).unwrap();
    devnet
}

fn frame(chain: &Arc<Mutex<Chain>>, height: u64, fault: Option<Fault>) -> Vec<u8> {
    let ctx = RpcContext {
        chain: Arc::clone(chain),
        fault,
    };
    block_frame(&ctx, height).unwrap()
}

fn rejected(acceptance: &Acceptance) -> bool {
    matches!(acceptance, Acceptance::Reject(_))
}

#[test]
fn a_node_forwards_only_blocks_it_can_check() {
    let dir = tempfile::tempdir().unwrap();
    let ours = devnet(&dir.path().join("a"), 5, false);
    // Same keys, another genesis time: another chain of the same validators.
    std::thread::sleep(Duration::from_millis(5));
    let theirs = devnet(&dir.path().join("b"), 7, false);
    let (ours, theirs) = (ours.chain(), theirs.chain());
    // A block we hold: forwarded.
    assert_eq!(judge(&ours, &frame(&ours, 5, None)), Acceptance::Accept);
    // Another chain's block at a height we hold: a conflict.
    assert!(rejected(&judge(&ours, &frame(&theirs, 3, None))));
    // Another chain's block at our next height: signed by the right set,
    // but it does not extend our tip.
    assert!(rejected(&judge(&ours, &frame(&theirs, 6, None))));
    // Farther ahead: not forwarded, not punished.
    assert_eq!(judge(&ours, &frame(&theirs, 7, None)), Acceptance::Ignore);
    // Forged commits and wrong sets from a lying node of our own chain.
    assert!(rejected(&judge(
        &ours,
        &frame(&ours, 4, Some(Fault::ForgedCommit))
    )));
    // Bytes that are no frame.
    assert!(rejected(&judge(&ours, b"JLB1 but nothing else")));
    assert!(rejected(&judge(&ours, &[])));
    let mut truncated = frame(&ours, 5, None);
    truncated.truncate(truncated.len() - 1);
    assert!(rejected(&judge(&ours, &truncated)));
}

#[test]
fn the_next_block_with_a_quorum_is_forwarded() {
    // Two copies of one chain: the follower is the producer's data folder
    // copied at height 5; the producer then makes block 6.
    let dir = tempfile::tempdir().unwrap();
    {
        let producer = devnet(&dir.path().join("p"), 5, false);
        drop(producer);
    }
    copy_dir(&dir.path().join("p"), &dir.path().join("f"));
    let producer = devnet(&dir.path().join("p"), 1, false);
    let follower = devnet(&dir.path().join("f"), 0, false);
    let (producer, follower) = (producer.chain(), follower.chain());
    assert_eq!(follower.lock().unwrap().height(), 5);
    assert_eq!(
        judge(&follower, &frame(&producer, 6, None)),
        Acceptance::Accept
    );
    // The same block with a forged commit or another set is not.
    assert!(rejected(&judge(
        &follower,
        &frame(&producer, 6, Some(Fault::ForgedCommit))
    )));
    assert!(rejected(&judge(
        &follower,
        &frame(&producer, 6, Some(Fault::WrongValidatorSet))
    )));
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn a_devnet_on_p2p_announces_every_block_it_produces() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = devnet(dir.path(), 2, true);
    let address = devnet.p2p_addrs().into_iter().next().unwrap();
    let wallet = jifen_p2p::Network::start(
        jifen_p2p::Config::wallet("jifen-devnet", vec![address], "test"),
        None,
        None,
    )
    .unwrap();
    let blocks = wallet.subscribe_blocks().unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut seen = Vec::new();
    while seen.len() < 3 {
        assert!(Instant::now() < deadline, "announced: {seen:?}");
        devnet.produce_blocks(1).unwrap();
        while let Ok(block) = blocks.recv_timeout(Duration::from_millis(300)) {
            seen.push(frame_height(&block.bytes).unwrap());
        }
    }
    // Heights arrive in order, one frame per block.
    assert!(seen.windows(2).all(|pair| pair[0] < pair[1]), "{seen:?}");
}
