//! Issue 11, item 10: no client can exhaust the reference node. Idle and
//! half-sent connections are closed and cannot lock other clients out,
//! answers keep to their budgets however the batch is made, and readers that
//! never read hold at most the response budget. Peak memory under these
//! attacks is measured by `cargo bench -p jifen-node --bench hostile`
//! (`docs/benchmarks.md#hostile-clients`), not here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use jifen_node::rpc::client::RpcClient;
use jifen_node::rpc::http::{IDLE_TIMEOUT, MAX_CONNECTIONS};
use jifen_node::rpc::{MAX_BATCH, MAX_RESPONSE_BYTES};
use jifen_testenv::DEADLINE;
use jifen_testenv::devnet::{DevnetBuilder, produce_blocks};
use serde_json::{Value, json};

/// A connection that sent half a request head and stays silent.
fn half_sent(addr: SocketAddr) -> TcpStream {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .write_all(b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: app")
        .unwrap();
    stream
}

/// Asks `jifen_status` until it answers or `DEADLINE` passes (a connection
/// may be refused while the node closes old ones; the bound is what counts).
fn status_within(addr: SocketAddr) -> Value {
    let started = Instant::now();
    loop {
        match RpcClient::new(addr).call("jifen_status", json!({})) {
            Ok(status) => return status,
            Err(error) => assert!(
                started.elapsed() < DEADLINE,
                "no answer within {DEADLINE:?}: {error}"
            ),
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The batch of the audit: 100 `jifen_lightBlocks` of 100 blocks each.
fn maximal_batch() -> Vec<u8> {
    let batch: Vec<Value> = (0..MAX_BATCH)
        .map(|id| {
            json!({"jsonrpc": "2.0", "id": id, "method": "jifen_lightBlocks",
                   "params": {"from": 1, "to": 100}})
        })
        .collect();
    serde_json::to_vec(&batch).unwrap()
}

/// The real node in its own process, limited to 256 open files (as in the
/// audit), with 300 half-sent requests open: it keeps at most
/// `MAX_CONNECTIONS` of them, answers another client at once, and closes
/// the idle ones after `IDLE_TIMEOUT`.
#[cfg(target_os = "linux")]
#[test]
fn idle_connections_neither_exhaust_files_nor_lock_out_other_clients() {
    use jifen_testenv::process::{Spawned, devnet_rpc_addr};
    use std::process::{Command, Stdio};

    let dir = tempfile::tempdir().unwrap();
    let mut node = Spawned::spawn(
        Command::new("sh")
            .arg("-c")
            .arg("ulimit -n 256 && exec \"$0\" \"$@\"")
            .arg(env!("CARGO_BIN_EXE_jifen-node"))
            .args(["devnet", "--validators", "4", "--block-time-ms", "200"])
            .args(["--rpc-port", "0", "--data-dir"])
            .arg(dir.path())
            .stderr(Stdio::null()),
    )
    .unwrap();
    let addr = devnet_rpc_addr(&mut node, DEADLINE).unwrap();
    let pid = node.child().id();
    let open_files = || {
        std::fs::read_dir(format!("/proc/{pid}/fd"))
            .unwrap()
            .count()
    };
    status_within(addr);
    let baseline = open_files();

    let idle: Vec<TcpStream> = (0..300).map(|_| half_sent(addr)).collect();
    // Another client is answered while they are open.
    let status = status_within(addr);
    assert_eq!(status["chain_id"], "jifen-devnet");
    let during = open_files();
    assert!(
        during <= baseline + MAX_CONNECTIONS + 2,
        "{during} files open with 300 idle connections (baseline {baseline})"
    );
    // They are closed once idle past the timeout (a bounded wait).
    let started = Instant::now();
    while open_files() > baseline + 2 {
        assert!(
            started.elapsed() < IDLE_TIMEOUT + DEADLINE,
            "idle connections still open: {}",
            open_files()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    drop(idle);
    assert_eq!(status_within(addr)["chain_id"], "jifen-devnet");
    node.kill().unwrap();
}

#[test]
fn a_maximal_batch_is_answered_within_the_budget() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = DevnetBuilder::new(dir.path())
        .validators(21)
        .manual()
        .start()
        .unwrap();
    produce_blocks(&devnet, 100).unwrap();
    let mut client = RpcClient::new(devnet.rpc_addr());
    // One range alone is answered in full.
    let range = client
        .call("jifen_lightBlocks", json!({"from": 1, "to": 100}))
        .unwrap();
    assert_eq!(range["light_blocks"].as_array().unwrap().len(), 100);

    let request = maximal_batch();
    let raw = client.post(&request).unwrap();
    assert!(request.len() < 10_000, "{} bytes asked", request.len());
    // The answers that fit, then `response-too-large` for the rest: 4 MiB
    // plus small error objects, not 80 MB.
    assert!(
        raw.len() <= MAX_RESPONSE_BYTES + MAX_BATCH * 300,
        "{} bytes answered",
        raw.len()
    );
    let answers: Vec<Value> = serde_json::from_slice(&raw).unwrap();
    assert_eq!(answers.len(), MAX_BATCH);
    let full = answers
        .iter()
        .take_while(|answer| answer.get("result").is_some())
        .count();
    assert!((1..MAX_BATCH).contains(&full), "{full} full answers");
    for (id, answer) in answers.iter().enumerate() {
        assert_eq!(answer["id"], id);
        if id >= full {
            assert_eq!(answer["error"]["code"], 2005, "{answer}");
            assert_eq!(answer["error"]["data"]["code"], "response-too-large");
        }
    }
}

#[test]
fn readers_that_never_read_do_not_stop_the_node() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = DevnetBuilder::new(dir.path())
        .validators(21)
        .manual()
        .start()
        .unwrap();
    produce_blocks(&devnet, 100).unwrap();
    let addr = devnet.rpc_addr();
    let request = maximal_batch();
    let readers: Vec<TcpStream> = (0..16)
        .map(|_| {
            let mut stream = TcpStream::connect(addr).unwrap();
            let head = format!(
                "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
                request.len()
            );
            stream.write_all(head.as_bytes()).unwrap();
            stream.write_all(&request).unwrap();
            stream
        })
        .collect();
    assert_eq!(status_within(addr)["chain_id"], "jifen-devnet");
    drop(readers);
}

#[test]
fn a_half_sent_body_is_refused_and_a_silent_connection_closed() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = DevnetBuilder::new(dir.path()).manual().start().unwrap();
    let addr = devnet.rpc_addr();
    let mut body = TcpStream::connect(addr).unwrap();
    body.set_read_timeout(Some(DEADLINE)).unwrap();
    body.write_all(b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{\"json")
        .unwrap();
    let mut answer = String::new();
    let _ = body.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer:?}");

    let mut silent = TcpStream::connect(addr).unwrap();
    silent.set_read_timeout(Some(DEADLINE)).unwrap();
    let mut buffer = [0u8; 16];
    // Closed by the node (end of stream), not by our read timeout.
    assert_eq!(silent.read(&mut buffer).unwrap(), 0);
}

#[test]
fn a_request_of_too_many_json_values_is_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let devnet = DevnetBuilder::new(dir.path()).manual().start().unwrap();
    let mut client = RpcClient::new(devnet.rpc_addr());
    // 20,000 values in 40 KB: under the body limit, over the value bound.
    let mut flood = b"[0".to_vec();
    flood.extend(b",0".repeat(19_999));
    flood.push(b']');
    let answer: Value = serde_json::from_slice(&client.post(&flood).unwrap()).unwrap();
    assert_eq!(answer["error"]["code"], -32600, "{answer}");
    assert!(answer["id"].is_null());
}
