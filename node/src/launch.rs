//! `jifen-node network`: a local multi-process network on loopback (issue
//! 15): the validator (`jifen-node devnet`) and N full nodes
//! (`jifen-node full`) as separate processes, each with its own data
//! folder, RPC port and P2P port, the full nodes joined through the
//! validator's P2P address and started from the genesis file it wrote.
//!
//! Children are started with `--exit-with-parent`: each one reads its
//! standard input and exits when it closes, so they stop with the launcher
//! however it ends (Ctrl-C, a kill, a crash) and never outlive it.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

/// What `jifen-node network` starts.
#[derive(Debug, Clone)]
pub struct NetworkPlan {
    /// Data folder: `validator/`, `full-1/`, … and `genesis.json` under it.
    pub data_dir: PathBuf,
    /// Full nodes besides the validator.
    pub full_nodes: u16,
    /// The validator's RPC port; full node `i` uses `rpc_port + i`.
    pub rpc_port: u16,
    /// The validator's P2P port; full node `i` uses `p2p_port + i`.
    pub p2p_port: u16,
    /// Extra arguments for the validator's `devnet` command.
    pub devnet_args: Vec<String>,
    /// The `jifen-node` binary to run (`None`: this process's own).
    pub exe: Option<PathBuf>,
}

/// Port `base + i`, or 0 (any free port) when `base` is 0.
fn port(base: u16, i: u16) -> String {
    if base == 0 {
        "0".to_owned()
    } else {
        base.saturating_add(i).to_string()
    }
}

/// One running process of the network.
#[derive(Debug)]
pub struct Member {
    /// `validator` or `full-<i>`.
    pub name: String,
    /// Its RPC URL.
    pub rpc: String,
    /// Its P2P address (`…/p2p/<peer id>`).
    pub p2p: String,
    child: Child,
}

impl Member {
    /// The process id.
    #[must_use]
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Kills it now (SIGKILL) and reaps it.
    ///
    /// # Errors
    /// The OS error.
    pub fn kill(&mut self) -> std::io::Result<()> {
        self.child.kill()?;
        self.child.wait().map(|_| ())
    }

    /// Whether it has exited (with its status).
    ///
    /// # Errors
    /// The OS error.
    pub fn exited(&mut self) -> std::io::Result<Option<std::process::ExitStatus>> {
        self.child.try_wait()
    }
}

impl Drop for Member {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Why the network did not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LaunchError {
    /// A process could not be started.
    #[error("cannot start {name}: {source}")]
    Spawn {
        /// Which.
        name: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// A process did not report its addresses in time, or exited.
    #[error("{name} did not start: {detail}")]
    NotReady {
        /// Which.
        name: String,
        /// What was seen.
        detail: String,
    },
}

/// How long one process may take to report its addresses.
const READY_WITHIN: Duration = Duration::from_secs(60);

/// Starts the validator (which writes the genesis file), then the full
/// nodes;
/// returns them running (dropping a member kills it).
///
/// # Errors
/// [`LaunchError`]; what was started is stopped again.
pub fn launch(plan: &NetworkPlan) -> Result<Vec<Member>, LaunchError> {
    let exe = match &plan.exe {
        Some(exe) => exe.clone(),
        None => std::env::current_exe().map_err(|source| LaunchError::Spawn {
            name: "jifen-node".into(),
            source,
        })?,
    };
    let validator_dir = plan.data_dir.join("validator");
    let mut command = Command::new(&exe);
    command
        .arg("devnet")
        .arg("--data-dir")
        .arg(&validator_dir)
        .arg("--rpc-port")
        .arg(plan.rpc_port.to_string())
        .arg("--p2p-port")
        .arg(plan.p2p_port.to_string())
        .arg("--exit-with-parent")
        .args(&plan.devnet_args);
    let genesis = plan.data_dir.join("genesis.json");
    command.arg("--genesis-out").arg(&genesis);
    let validator = start("validator", &mut command)?;
    let bootnode = validator.p2p.clone();
    let mut members = vec![validator];
    for i in 1..=plan.full_nodes {
        let name = format!("full-{i}");
        let mut command = Command::new(&exe);
        command
            .arg("full")
            .arg("--genesis")
            .arg(&genesis)
            .arg("--data-dir")
            .arg(plan.data_dir.join(&name))
            .arg("--rpc-port")
            .arg(port(plan.rpc_port, i))
            .arg("--p2p-port")
            .arg(port(plan.p2p_port, i))
            .arg("--bootnode")
            .arg(&bootnode)
            .arg("--exit-with-parent");
        members.push(start(&name, &mut command)?);
    }
    Ok(members)
}

/// Spawns `command` and reads its standard output until it has printed
/// its `RPC:` and `P2P:` lines.
fn start(name: &str, command: &mut Command) -> Result<Member, LaunchError> {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|source| LaunchError::Spawn {
            name: name.to_owned(),
            source,
        })?;
    let not_ready = |detail: String| LaunchError::NotReady {
        name: name.to_owned(),
        detail,
    };
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| not_ready("no standard output".into()))?;
    let (rpc, p2p) = match read_addresses(stdout) {
        Ok(found) => found,
        Err(detail) => {
            let _ = child.kill();
            let _ = child.wait();
            return Err(not_ready(detail));
        }
    };
    Ok(Member {
        name: name.to_owned(),
        rpc,
        p2p,
        child,
    })
}

/// The `RPC: <url>` and `P2P: <address>` a node prints when it is ready;
/// the rest of its output is drained on a thread.
fn read_addresses(stdout: ChildStdout) -> Result<(String, String), String> {
    let (found, lines) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        loop {
            line.clear();
            match reader.by_ref().take(4096).read_line(&mut line) {
                Ok(0) | Err(_) => return,
                Ok(_) => {
                    if found.send(line.trim_end().to_owned()).is_err() {
                        // Nobody listens any more: keep draining.
                        let _ = std::io::copy(&mut reader, &mut std::io::sink());
                        return;
                    }
                }
            }
        }
    });
    let deadline = Instant::now() + READY_WITHIN;
    let (mut rpc, mut p2p) = (None, None);
    while rpc.is_none() || p2p.is_none() {
        let left = deadline.saturating_duration_since(Instant::now());
        let line = lines
            .recv_timeout(left)
            .map_err(|_| "exited or silent before printing its addresses".to_owned())?;
        if let Some((_, url)) = line.split_once(" RPC: ") {
            rpc = Some(url.to_owned());
        } else if let Some((_, address)) = line.split_once(" P2P: ") {
            p2p = Some(address.to_owned());
        }
    }
    Ok((rpc.unwrap_or_default(), p2p.unwrap_or_default()))
}

/// Exits the process when its standard input closes (the launcher is
/// gone): for `--exit-with-parent`.
pub fn exit_with_parent() {
    std::thread::spawn(|| {
        let _ = std::io::copy(&mut std::io::stdin(), &mut std::io::sink());
        tracing::info!("parent gone (stdin closed); exiting");
        std::process::exit(0);
    });
}

/// The lines `jifen-node network` prints for its members: a table and the
/// wallet's endpoints command.
#[must_use]
pub fn describe(members: &[Member], data_dir: &Path) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "jifen-node network: {} processes, data in {}\n",
        members.len(),
        data_dir.display()
    ));
    for member in members {
        out.push_str(&format!(
            "  {:<10} pid {:<7} RPC {}\n  {:<10} {:<11} P2P {}\n",
            member.name,
            member.pid(),
            member.rpc,
            "",
            "",
            member.p2p
        ));
    }
    let mut endpoints = String::from("jifen endpoints");
    if let Some(first) = members.first() {
        endpoints.push_str(&format!(" --primary {}", first.p2p));
    }
    for member in members.iter().skip(1) {
        endpoints.push_str(&format!(" --witness {}", member.rpc));
    }
    out.push_str(&format!("wallet: {endpoints}\n"));
    out
}
