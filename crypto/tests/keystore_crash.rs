//! Crash safety: a child process changes the password back and forth and is
//! SIGKILLed at a random moment; afterwards the keystore must always open with
//! the old or the new password, and the `.bak`, if present, must be a valid
//! older generation.
//!
//! The child is this very test binary, re-executed with `--exact child_churn
//! --ignored` and `JIFEN_CRASH_CHILD_PATH` set.
// Helpers outside #[test] fns: a panic here is a test failure, which is what we want.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout
)]
#![cfg(unix)]

use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use jifen_crypto::keystore::{Keystore, Password, backup_path};
use jifen_testenv::DEADLINE;
use jifen_testenv::kdf::{FAST_KDF, fast_kdf_policy};
use jifen_testenv::process::Spawned;

const ROUNDS: u32 = 240;
const MAX_DELAY_MS: u64 = 40;
const CHILD_ENV: &str = "JIFEN_CRASH_CHILD_PATH";
/// The child's line after its first completed change.
const READY: &str = "child-churn-ready";
const A: &str = "first password";
const B: &str = "second password";

/// Which of the two passwords opens the keystore at `path` (panics if neither).
fn opens_with(path: &Path) -> &'static str {
    let mut ks = Keystore::open(path).unwrap_or_else(|e| panic!("{path:?} does not open: {e}"));
    for candidate in [A, B] {
        match ks.unlock(&Password::new(candidate).unwrap(), &fast_kdf_policy()) {
            Ok(unlocked) => {
                assert_eq!(unlocked.secret(), b"the secret", "{path:?}");
                return candidate;
            }
            Err(e) => assert_eq!(e.code(), "keystore-wrong-password", "{path:?}: {e}"),
        }
    }
    panic!("{path:?} opens with neither password");
}

/// splitmix64: enough randomness for kill delays, reproducible from the seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

#[test]
fn sigkill_while_changing_password_never_loses_the_keystore() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wallet.jks");
    Keystore::create(
        &path,
        b"the secret",
        b"meta",
        &Password::new(A).unwrap(),
        FAST_KDF,
    )
    .unwrap();
    let seed = std::env::var("JIFEN_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| getrandom::u64().unwrap());
    eprintln!("crash test seed {seed} (JIFEN_CRASH_SEED={seed} repeats this run)");
    let mut rng = Rng(seed);
    let exe = std::env::current_exe().unwrap();
    let started = Instant::now();
    let (mut same, mut changed, mut with_backup, mut mid_save) = (0u32, 0u32, 0u32, 0u32);
    let mut current = opens_with(&path);

    for round in 0..ROUNDS {
        let mut child = Spawned::spawn(
            Command::new(&exe)
                .args([
                    "--exact",
                    "child_churn",
                    "--ignored",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env(CHILD_ENV, &path)
                .stderr(Stdio::null()),
        )
        .unwrap();
        // The delay counts from the child's first change of this round, not
        // from the spawn: starting a process takes long on a loaded machine.
        child
            .wait_for_line(READY, DEADLINE)
            .unwrap_or_else(|e| panic!("round {round}: the child did not start churning: {e}"));
        std::thread::sleep(Duration::from_millis(rng.next() % (MAX_DELAY_MS + 1)));
        // `Child::kill` sends SIGKILL on Unix (the workspace forbids the
        // `unsafe` a direct `libc::kill` call would need).
        let status = child.kill().unwrap();
        assert_eq!(
            status.signal(),
            Some(libc::SIGKILL),
            "round {round}: the child must die by SIGKILL, not fail or finish ({status})"
        );

        if !jifen_files::leftover_temps(&path).unwrap().is_empty() {
            mid_save += 1; // killed between creating and renaming the temporary file
        }
        let now = opens_with(&path);
        if now == current {
            same += 1;
        } else {
            changed += 1;
        }
        current = now;
        if backup_path(&path).exists() {
            opens_with(&backup_path(&path));
            with_backup += 1;
        }
    }
    let elapsed = started.elapsed();
    println!(
        "crash test: seed {seed}, {ROUNDS} rounds in {elapsed:.1?}: \
         {same} opened with the password of the round's start, \
         {changed} with the other one; {mid_save} kills left a .tmp behind (mid-save); \
         {with_backup} rounds had a valid .bak"
    );
    assert!(
        changed > 0,
        "no kill landed after a completed change: delays too short?"
    );
}

/// The child: change the password back and forth until killed.
#[test]
#[ignore = "run by sigkill_while_changing_password_never_loses_the_keystore as a child process"]
fn child_churn() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        println!("child_churn only runs as the crash test's child ({CHILD_ENV} unset)");
        return;
    };
    let mut ks = Keystore::open(&path).unwrap();
    let (mut old, mut new) = (Password::new(A).unwrap(), Password::new(B).unwrap());
    if ks.unlock(&old, &fast_kdf_policy()).is_err() {
        std::mem::swap(&mut old, &mut new);
    }
    // Bounded so a missed kill cannot run forever; the parent asserts it was killed.
    for round in 0..100_000 {
        ks.change_password(&old, &new, FAST_KDF).unwrap();
        std::mem::swap(&mut old, &mut new);
        if round == 0 {
            println!("{READY}");
        }
    }
}
