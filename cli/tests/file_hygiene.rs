//! File hygiene through the built `jifen` binary (hostile-node issue, item
//! 9; `docs/adr/0010-durable-files-and-test-environment.md`): what `create`,
//! `sync` and `online request` leave in the data folder is private (folders
//! 0700, files 0600); a FIFO at a wallet path, a pending-request path or the
//! chain settings path is refused at once instead of hanging the command;
//! and two `change-password` runs at once never lose an update.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs::File;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use jifen_node::devnet::{Devnet, DevnetConfig};
use jifen_protocol::{Address, Network};

mod common;
use common::{PASSWORD, jifen, ok, run, run_with_input, stderr, stdout};

/// How long one command may take before it counts as hung: generous for a
/// loaded machine, far below "forever".
const DEADLINE: Duration = Duration::from_secs(60);

const VAULT: &str = "legal winner thank year wave sausage worth useful legal winner thank yellow";
const SHOP: &str =
    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

/// Runs `command` with its output in files (a child blocked on a FIFO never
/// fills a pipe), killing it and failing the test if it outlives [`DEADLINE`].
fn run_within(command: &mut Command, scratch: &Path) -> Output {
    let out = scratch.join("out.txt");
    let err = scratch.join("err.txt");
    let mut child = command
        .stdout(Stdio::from(File::create(&out).unwrap()))
        .stderr(Stdio::from(File::create(&err).unwrap()))
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "{command:?} hung for {DEADLINE:?}: {}",
                std::fs::read_to_string(&err).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: std::fs::read(&out).unwrap(),
        stderr: std::fs::read(&err).unwrap(),
    }
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success(), "mkfifo {path:?}");
}

fn restore(data: &Path, name: &str, phrase: &str) {
    ok(run_with_input(
        jifen(data)
            .args(["restore", "--name", name, "--mnemonic-lang", "en"])
            .env("JIFEN_PASSWORD", PASSWORD),
        &format!("{phrase}\n"),
    ));
}

#[cfg(unix)]
use jifen_testenv::modes::walk;

/// `jifen list` once hung on a FIFO at a wallet path; now every such path
/// is listed with its reason, at once, beside the readable wallets.
#[cfg(unix)]
#[test]
fn a_fifo_at_a_wallet_path_does_not_hang_jifen_list() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    restore(&data, "shop", SHOP);
    let wallets = data.join("wallets");
    mkfifo(&wallets.join("pipe.jks"));
    mkfifo(&wallets.join("tube.watch.json"));
    let settings = wallets.join("shop.settings.json");
    std::fs::remove_file(&settings).unwrap();
    mkfifo(&settings);
    // A watch-only record far larger than one can be: refused by its size.
    File::create(wallets.join("big.watch.json"))
        .unwrap()
        .set_len(1 << 30)
        .unwrap();

    let listed = run_within(jifen(&data).arg("list"), dir.path());
    common::assert_ok(&listed);
    let text = stdout(&listed);
    assert!(text.contains("shop  [devnet]"), "{text}");
    for name in ["pipe", "tube"] {
        assert!(
            text.contains(&format!("{name}  cannot be read:")) && text.contains("a named pipe"),
            "{name}: {text}"
        );
    }
    assert!(
        text.contains("big  cannot be read:") && text.contains("is larger than 65536 bytes"),
        "{text}"
    );
}

/// The finding: two `change-password` runs at once both printed
/// "changed" while only one password opened the result (6 of 6 rounds).
/// Now the wallet's lock is held from reading the keystore to writing it:
/// in every round exactly one run succeeds, the other is refused (with
/// `files-locked` when the runs overlap, or "wrong password" when it starts
/// after the first has changed it), and the file opens with the successful
/// run's new password only.
#[test]
fn two_change_password_runs_at_once_never_lose_an_update() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    restore(&data, "w", SHOP);
    let mut current = PASSWORD.to_owned();
    let (mut locked, mut wrong_password) = (0, 0);
    for round in 1..=6 {
        let news = [
            format!("round {round} first"),
            format!("round {round} second"),
        ];
        let children: Vec<_> = news
            .iter()
            .map(|new| {
                jifen(&data)
                    .args(["change-password", "-w", "w"])
                    .env("JIFEN_PASSWORD", &current)
                    .env("JIFEN_NEW_PASSWORD", new)
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let outputs: Vec<Output> = children
            .into_iter()
            .map(|c| c.wait_with_output().unwrap())
            .collect();
        let winners: Vec<usize> = (0..2).filter(|&i| outputs[i].status.success()).collect();
        assert_eq!(
            winners.len(),
            1,
            "round {round}: {} | {}",
            stderr(&outputs[0]),
            stderr(&outputs[1])
        );
        let (won, lost) = (winners[0], 1 - winners[0]);
        assert!(stderr(&outputs[won]).contains("Password of wallet “w” changed."));
        let refusal = stderr(&outputs[lost]);
        if refusal.contains("Another Jifen window or command is using") {
            assert!(refusal.contains("w.lock"), "{refusal}");
            locked += 1;
        } else {
            assert!(
                refusal.contains("Wrong password."),
                "round {round}: {refusal}"
            );
            wrong_password += 1;
        }
        // Only the winner's password opens the file.
        let opens = |password: &str| {
            run(jifen(&data)
                .args(["sign-message", "-w", "w", "--no-keyring", "hello"])
                .env("JIFEN_PASSWORD", password))
            .status
            .success()
        };
        assert!(opens(&news[won]), "round {round}");
        assert!(!opens(&news[lost]), "round {round}");
        assert!(!opens(&current), "round {round}");
        current.clone_from(&news[won]);
    }
    eprintln!(
        "6 rounds: the second run was refused as locked {locked} times, for a wrong password {wrong_password} times"
    );
    assert_eq!(locked + wrong_password, 6);
}

/// `create`, `endpoints`, `sync`, `online pair-import` and `online request`
/// leave only 0700 folders and 0600 files in the data folder; then a FIFO at
/// a pending request and at the chain settings is refused at once.
#[cfg(unix)]
#[test]
fn create_sync_and_online_request_leave_only_private_files() {
    let node_dir = tempfile::tempdir().unwrap();
    let mut config = DevnetConfig::new(node_dir.path().to_owned());
    config.validators = 4;
    config.block_time_ms = 200;
    let mut devnet = Devnet::start(&config).unwrap();
    let primary = format!("http://{}", devnet.rpc_addr());

    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let cold = dir.path().join("cold");
    let pair = dir.path().join("pair");

    ok(run(jifen(&data)
        .args([
            "create",
            "--name",
            "hot",
            "--skip-backup-check",
            "--words",
            "12",
        ])
        .env("JIFEN_PASSWORD", PASSWORD)));
    ok(run(jifen(&data).args(["endpoints", "--primary", &primary])));
    ok(run(jifen(&data).arg("sync")));
    restore(&cold, "vault", VAULT);
    ok(run(jifen(&cold)
        .args(["cold", "pair-export", "-w", "vault"])
        .args(["--chain-id", "jifen-devnet", "--out"])
        .arg(&pair)));
    ok(run(jifen(&data)
        .args(["online", "pair-import", "--name", "vault"])
        .arg(pair.join("account.png"))));
    let recipient = Address::from_bytes([0x33; 20]).encode(Network::Devnet);
    let requested = ok(run(jifen(&data)
        .args(["online", "request", "-w", "vault", "--to", &recipient])
        .args(["--amount", "1", "--nonce", "0", "--out"])
        .arg(dir.path().join("request"))));
    let request_id = stdout(&requested).trim().to_owned();
    devnet.stop();

    let entries = walk(&data);
    for (path, is_dir, mode) in &entries {
        let want = if *is_dir { 0o700 } else { 0o600 };
        assert_eq!(*mode, want, "{path:?} is {mode:o}");
    }
    let names: Vec<String> = entries
        .iter()
        .map(|(p, _, _)| p.strip_prefix(&data).unwrap().display().to_string())
        .collect();
    for expected in [
        "wallets/hot.jks",
        "wallets/hot.settings.json",
        "wallets/vault.watch.json",
        "chain/devnet/settings.json",
        "chain/devnet/light.redb",
        &format!("wallets/cold/pending/vault/{request_id}.json"),
    ] {
        assert!(names.iter().any(|n| n == expected), "{expected}: {names:?}");
    }
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");

    // A FIFO among the pending requests: listed as damaged, at once, and
    // the real request beside it.
    let fifo_id = "ffeeddccbbaa99887766554433221100";
    mkfifo(&data.join(format!("wallets/cold/pending/vault/{fifo_id}.json")));
    let pending = run_within(
        jifen(&data).args(["online", "pending", "-w", "vault"]),
        dir.path(),
    );
    common::assert_ok(&pending);
    let said = stdout(&pending);
    let row = |id: &str| {
        said.lines()
            .find(|l| l.starts_with(id))
            .unwrap_or_else(|| panic!("no row {id}: {said}"))
            .to_owned()
    };
    assert!(
        row(&request_id).contains("waiting for a signature"),
        "{said}"
    );
    assert!(!row(fifo_id).contains("waiting for a signature"), "{said}");

    // A FIFO at the chain settings: refused at once, with the reason.
    let settings = data.join("chain/devnet/settings.json");
    std::fs::remove_file(&settings).unwrap();
    mkfifo(&settings);
    let status = run_within(jifen(&data).arg("endpoints"), dir.path());
    assert!(!status.status.success());
    assert!(
        stderr(&status).contains("a named pipe"),
        "{}",
        stderr(&status)
    );
}
