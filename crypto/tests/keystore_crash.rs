//! Crash safety: a child process changes the password from generation to
//! generation (a new password each time) and is
//! SIGKILLed at a random moment; afterwards the keystore must always open with
//! the old or the new password (never a half-written file), a change the
//! child acknowledged is never lost, and the `.bak`, if present, must be a
//! valid older generation.
//!
//! The child is this very test binary, re-executed with `--exact child_churn
//! --ignored` and `JIFEN_CRASH_CHILD_PATH` set (`jifen_testenv::crash`).
//! Rounds: `JIFEN_CRASH_ROUNDS` (default 100; the long run in
//! `docs/benchmarks.md#crash-kill-cycles` uses 1,000); `JIFEN_CRASH_SEED`
//! repeats a run.
// Helpers outside #[test] fns: a panic here is a test failure, which is what we want.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout
)]
#![cfg(unix)]

use std::path::Path;

use jifen_crypto::keystore::{Keystore, Password, backup_path};
use jifen_testenv::crash::{Cycle, child_path, last_ack};
use jifen_testenv::kdf::{FAST_KDF, fast_kdf_policy};

const ROUNDS: u32 = 100;
const MAX_DELAY_MS: u64 = 40;
/// The child's line after its first completed change.
const READY: &str = "child-churn-ready";
/// The child's line after each completed change: `changed <n> <password>`
/// (`0` for A, `1` for B).
const ACK: &str = "changed";
/// The child's generation to start from (the password of that generation opens the file).
const GEN_ENV: &str = "JIFEN_CRASH_KEYSTORE_GENERATION";

/// The password of generation `n`: every change moves to the next one, so
/// that a lost change is seen (two alternating passwords would hide it).
fn password(generation: u64) -> Password {
    Password::new(&format!("password of generation {generation}")).unwrap()
}

/// Which of `candidates` opens the keystore at `path` (panics if none).
fn opens_with(path: &Path, candidates: &[u64]) -> u64 {
    let mut ks = Keystore::open(path).unwrap_or_else(|e| panic!("{path:?} does not open: {e}"));
    for &candidate in candidates {
        match ks.unlock(&password(candidate), &fast_kdf_policy()) {
            Ok(unlocked) => {
                assert_eq!(unlocked.secret(), b"the secret", "{path:?}");
                return candidate;
            }
            Err(e) => assert_eq!(e.code(), "keystore-wrong-password", "{path:?}: {e}"),
        }
    }
    panic!("{path:?} opens with none of the generations {candidates:?}");
}

#[test]
fn sigkill_while_changing_password_never_loses_the_keystore() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wallet.jks");
    Keystore::create(&path, b"the secret", b"meta", &password(0), FAST_KDF).unwrap();
    let mut cycle = Cycle::new("keystore crash-kill", ROUNDS);
    let (mut acknowledged, mut ahead, mut with_backup, mut mid_save) = (0u32, 0u32, 0u32, 0u32);
    let mut generation = 0u64;

    for round in 0..cycle.rounds {
        let mut command = Cycle::child_command("child_churn", &path);
        command.env(GEN_ENV, generation.to_string());
        let killed = cycle.kill_at_random(round, &mut command, READY, MAX_DELAY_MS);
        // The child printed READY after its first acknowledged change.
        let acked = last_ack(&killed.stdout, ACK)
            .unwrap_or_else(|| panic!("round {round}: no change acknowledged"));
        assert!(acked > generation, "round {round}: {acked} <= {generation}");

        if !jifen_files::leftover_temps(&path).unwrap().is_empty() {
            mid_save += 1; // killed between creating and renaming the temporary file
        }
        // What was acknowledged is there, or the change after it (done, not yet printed).
        let now = opens_with(&path, &[acked, acked + 1]);
        if now == acked {
            acknowledged += 1;
        } else {
            ahead += 1;
        }
        generation = now;
        if backup_path(&path).exists() {
            opens_with(&backup_path(&path), &[now - 1, now]);
            with_backup += 1;
        }
    }
    println!(
        "keystore crash-kill: seed {}, {} rounds, {} kills in {:.1?}: \
         {acknowledged} opened at the last acknowledged generation, {ahead} one ahead \
         (changed, not yet acknowledged); {mid_save} kills left a temporary file (mid-save); \
         {with_backup} rounds had a valid .bak; final generation {generation}",
        cycle.seed,
        cycle.rounds,
        cycle.kills,
        cycle.elapsed()
    );
}

/// The child: change the password from generation to generation until killed.
#[test]
#[ignore = "run by sigkill_while_changing_password_never_loses_the_keystore as a child process"]
fn child_churn() {
    let Some(path) = child_path() else {
        println!("child_churn only runs as the crash test's child");
        return;
    };
    let start: u64 = std::env::var(GEN_ENV).unwrap().parse().unwrap();
    let mut ks = Keystore::open(&path).unwrap();
    // Bounded so a missed kill cannot run forever; the parent asserts it was killed.
    for generation in start..start + 100_000 {
        ks.change_password(&password(generation), &password(generation + 1), FAST_KDF)
            .unwrap();
        println!("{ACK} {}", generation + 1);
        if generation == start {
            println!("{READY}");
        }
    }
}
