//! The client's peak memory and wall time under each hostile mode of the
//! reference node (issue 11), at the product defaults (a plain bench
//! binary, not run in CI; Linux, it reads `/proc/self/status`):
//!
//! ```sh
//! cargo bench -p jifen-light-client --bench hostile
//! ```
//!
//! The parent serves one chain (21 validators, epochs of 100 blocks, 300
//! blocks) through an honest endpoint and one endpoint per fault, then runs
//! every mode in a child process of its own (this binary again, with
//! `JIFEN_HOSTILE_MODE` set), so each peak (`VmHWM`) is that of one client
//! alone: a `LightClient` over a memory store with the liar as primary and
//! an honest witness (unless the mode says otherwise), one sync. The table
//! goes to stdout (`docs/benchmarks.md#hostile-nodes`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout,
    missing_docs
)]

use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use jifen_light_client::{
    Checkpoint, ClientConfig, LightClient, MemoryStore, Peer, PeerState, RpcOptions, RpcPeer,
    SystemClock, TrustRoot,
};
use jifen_node::devnet::{Devnet, DevnetConfig};
use jifen_node::rpc::Fault;
use jifen_protocol::{ChainId, Hash32};

const MODE: &str = "JIFEN_HOSTILE_MODE";

/// One run: what the client is given.
struct Mode {
    name: &'static str,
    /// The primary's fault (`None`: honest).
    primary: Option<Fault>,
    /// Whether an honest witness is configured.
    witness: bool,
    /// Trust a checkpoint this far above the tip (instead of genesis).
    checkpoint_above: Option<u64>,
}

const fn mode(name: &'static str, primary: Option<Fault>, witness: bool) -> Mode {
    Mode {
        name,
        primary,
        witness,
        checkpoint_above: None,
    }
}

fn modes() -> Vec<Mode> {
    vec![
        mode("honest (baseline)", None, true),
        mode("huge-tip", Some(Fault::HugeTip), true),
        mode("huge-tip, no witness", Some(Fault::HugeTip), false),
        mode("trickle", Some(Fault::Trickle), true),
        mode("slow-response", Some(Fault::SlowResponse), true),
        mode("json-bomb (14 MB array)", Some(Fault::JsonBomb), true),
        mode("json-flood (3 M values)", Some(Fault::JsonFlood), true),
        mode("oversized-response", Some(Fault::OversizedResponse), true),
        mode("root-unavailable", Some(Fault::RootUnavailable), true),
        mode("redirect", Some(Fault::Redirect), true),
        mode("stale-tip", Some(Fault::StaleTip), true),
        mode("withhold-headers", Some(Fault::WithholdHeaders), true),
        mode("forged-commit", Some(Fault::ForgedCommit), true),
        Mode {
            name: "checkpoint 1,000 above the tip",
            primary: None,
            witness: true,
            checkpoint_above: Some(1_000),
        },
    ]
}

fn peak_kb() -> u64 {
    jifen_testenv::process::status_kb(std::process::id(), "VmHWM:")
}

/// The child: one client, one sync, one line of results.
fn child(spec: &str) {
    let parts: Vec<&str> = spec.split('|').collect();
    let (primary, witness, checkpoint) = (parts[0], parts[1], parts[2]);
    let rpc = |url: &str| -> Box<dyn Peer> {
        Box::new(RpcPeer::connect(url, RpcOptions::default()).unwrap())
    };
    let root = if checkpoint.is_empty() {
        TrustRoot::Genesis
    } else {
        TrustRoot::Checkpoint(checkpoint.parse::<Checkpoint>().unwrap())
    };
    let witnesses = if witness.is_empty() {
        Vec::new()
    } else {
        vec![rpc(witness)]
    };
    let mut client = LightClient::open(
        MemoryStore::new(),
        ClientConfig::new(ChainId::new("jifen-devnet").unwrap(), root),
        rpc(primary),
        witnesses,
        Box::new(SystemClock),
    )
    .unwrap();
    let started = Instant::now();
    let outcome = client.sync(&mut |_| {}, &AtomicBool::new(false));
    let elapsed = started.elapsed();
    let outcome = match outcome {
        Ok(summary) => format!("ok, height {}", summary.height),
        Err(error) => error.code().to_owned(),
    };
    let primary_state = match &client.status().peers[0].state {
        PeerState::Active => "active".to_owned(),
        PeerState::Lagging { .. } => "lagging".to_owned(),
        PeerState::Unreachable { code, .. } => format!("unreachable ({code})"),
        PeerState::Demoted { code, .. } => format!("demoted ({code})"),
    };
    println!(
        "RESULT|{outcome}|{primary_state}|{}|{}",
        elapsed.as_millis(),
        peak_kb()
    );
}

fn main() {
    if let Ok(spec) = std::env::var(MODE) {
        child(&spec);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut config = DevnetConfig::new(dir.path().join("chain"));
    config.validators = 21;
    config.epoch_length = 100;
    config.produce = false;
    let mut devnet = Devnet::start(&config).unwrap();
    let tip = jifen_testenv::devnet::produce_blocks(&devnet, 300).unwrap();
    let honest = format!("http://{}", devnet.rpc_addr());
    let witness = format!("http://{}", devnet.add_rpc(None).unwrap());
    println!("chain: {tip} blocks, 21 validators, epochs of 100; product defaults\n");
    println!("| mode | outcome | primary afterwards | wall time | peak RSS |");
    println!("|---|---|---|---|---|");
    for mode in modes() {
        let primary = match mode.primary {
            Some(fault) => format!("http://{}", devnet.add_rpc(Some(fault)).unwrap()),
            None => honest.clone(),
        };
        let checkpoint = mode.checkpoint_above.map_or_else(String::new, |above| {
            Checkpoint {
                height: tip + above,
                hash: Hash32([7; 32]),
            }
            .to_string()
        });
        let spec = format!(
            "{primary}|{}|{checkpoint}",
            if mode.witness { witness.as_str() } else { "" }
        );
        let output = Command::new(std::env::current_exe().unwrap())
            .env(MODE, spec)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        let Some(line) = stdout.lines().find(|line| line.starts_with("RESULT|")) else {
            println!(
                "| {} | child failed: {} | | | |",
                mode.name,
                String::from_utf8_lossy(&output.stderr)
                    .lines()
                    .last()
                    .unwrap_or_default()
            );
            continue;
        };
        let fields: Vec<&str> = line.split('|').collect();
        let millis: u64 = fields[3].parse().unwrap();
        let peak: u64 = fields[4].parse().unwrap();
        let wall = if millis < 1_000 {
            format!("{millis} ms")
        } else {
            format!("{:.1} s", millis as f64 / 1_000.0)
        };
        println!(
            "| {} | {} | {} | {wall} | {:.1} MB |",
            mode.name,
            fields[1],
            fields[2],
            peak as f64 / 1_024.0
        );
    }
    devnet.stop();
}
