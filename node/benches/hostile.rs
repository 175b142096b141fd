//! The reference node under hostile clients (issue 11, item 10): memory,
//! open files and another client's latency under 300 idle connections,
//! under a maximal batch, and under 16 readers that never read (a plain
//! bench binary, not run in CI; Linux, it reads `/proc/<pid>/`):
//!
//! ```sh
//! cargo bench -p jifen-node --bench hostile
//! ```
//!
//! The node is the real binary in its own process, limited to 256 open
//! files as in the audit, serving a fixture of 200 blocks signed by 21
//! validators (`jifen-node fixture`, then `jifen-node devnet --no-produce`).
//! The table goes to stdout (`docs/benchmarks.md#hostile-clients`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout,
    missing_docs
)]

use std::io::Write;
use std::net::{SocketAddr, TcpStream};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use jifen_node::rpc::MAX_BATCH;
use jifen_node::rpc::client::RpcClient;
use jifen_testenv::DEADLINE;
use jifen_testenv::process::{Spawned, devnet_rpc_addr, status_kb as proc_field};
use serde_json::{Value, json};

const NODE: &str = env!("CARGO_BIN_EXE_jifen-node");

fn open_files(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .unwrap()
        .count()
}

fn mb(kb: u64) -> String {
    format!("{:.1} MB", kb as f64 / 1_024.0)
}

/// Time for one `jifen_status` from a fresh client (retrying while the
/// node refuses, up to `DEADLINE`).
fn status_latency(addr: SocketAddr) -> Duration {
    let started = Instant::now();
    loop {
        if RpcClient::new(addr).call("jifen_status", json!({})).is_ok() {
            return started.elapsed();
        }
        assert!(started.elapsed() < DEADLINE, "the node did not answer");
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn maximal_batch() -> Vec<u8> {
    let batch: Vec<Value> = (0..MAX_BATCH)
        .map(|id| {
            json!({"jsonrpc": "2.0", "id": id, "method": "jifen_lightBlocks",
                   "params": {"from": 1, "to": 100}})
        })
        .collect();
    serde_json::to_vec(&batch).unwrap()
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Command::new(NODE)
        .args(["fixture", "--blocks", "200", "--validators", "21"])
        .args(["--epoch", "100", "--data-dir"])
        .arg(dir.path())
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(fixture.success());
    let mut node = Spawned::spawn(
        Command::new("sh")
            .arg("-c")
            .arg("ulimit -n 256 && exec \"$0\" \"$@\"")
            .arg(NODE)
            .args(["devnet", "--no-produce", "--rpc-port", "0", "--data-dir"])
            .arg(dir.path())
            .stderr(Stdio::null()),
    )
    .unwrap();
    let addr = devnet_rpc_addr(&mut node, DEADLINE).unwrap();
    let pid = node.child().id();
    let quiet = status_latency(addr);
    println!(
        "node: 200 blocks, 21 validators, at most 256 open files; idle: {} RSS, {} files, status in {quiet:?}\n",
        mb(proc_field(pid, "VmRSS:")),
        open_files(pid)
    );
    println!("| attack | node peak RSS | node open files | another client's status | notes |");
    println!("|---|---|---|---|---|");

    // 300 connections that sent half a request head.
    let idle: Vec<TcpStream> = (0..300)
        .map(|_| {
            let mut stream = TcpStream::connect(addr).unwrap();
            stream
                .write_all(b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty")
                .unwrap();
            stream
        })
        .collect();
    let latency = status_latency(addr);
    let files = open_files(pid);
    let started = Instant::now();
    while open_files(pid) > files.saturating_sub(100) && started.elapsed() < DEADLINE {
        std::thread::sleep(Duration::from_millis(50));
    }
    println!(
        "| 300 idle connections | {} | {files} | {latency:?} | idle ones closed after {:.1} s |",
        mb(proc_field(pid, "VmHWM:")),
        started.elapsed().as_secs_f64()
    );
    drop(idle);

    // One maximal batch (100 ranges of 100 light blocks).
    let request = maximal_batch();
    let started = Instant::now();
    let answer = RpcClient::new(addr).post(&request).unwrap();
    let took = started.elapsed();
    let answers: Vec<Value> = serde_json::from_slice(&answer).unwrap();
    let full = answers
        .iter()
        .filter(|answer| answer.get("result").is_some())
        .count();
    println!(
        "| a {:.1} KB batch of 100 `jifen_lightBlocks` | {} | {} | {:?} | {:.1} MB answered in {took:?} ({full} ranges, {} refused `response-too-large`) |",
        request.len() as f64 / 1_000.0,
        mb(proc_field(pid, "VmHWM:")),
        open_files(pid),
        status_latency(addr),
        answer.len() as f64 / 1_000_000.0,
        answers.len() - full,
    );

    // 16 readers that send the maximal batch and never read.
    let before = open_files(pid);
    let sent = Instant::now();
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
    // Let the node build every answer before measuring.
    std::thread::sleep(Duration::from_secs(5));
    let latency = status_latency(addr);
    let peak = proc_field(pid, "VmHWM:");
    let files = open_files(pid);
    while open_files(pid) > before && sent.elapsed() < DEADLINE {
        std::thread::sleep(Duration::from_millis(100));
    }
    println!(
        "| 16 readers that never read, each after a maximal batch | {} | {files} | {latency:?} | cut off {:.1} s after sending |",
        mb(peak),
        sent.elapsed().as_secs_f64()
    );
    drop(readers);
    node.kill().unwrap();
}
