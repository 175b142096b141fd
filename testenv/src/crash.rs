//! Crash-kill cycles (unix): a child process writes, is SIGKILLed at a
//! random moment, and the test then checks what it left behind.
//!
//! One harness for every subject (keystore, light store, wallet files,
//! node block commits): [`Cycle`] holds the seed (`JIFEN_CRASH_SEED`
//! repeats a run), the number of rounds (`JIFEN_CRASH_ROUNDS`, a short
//! default in the test command and 1,000 in the documented long run) and
//! the clock; [`Cycle::kill_at_random`] spawns one child, waits for its
//! readiness line, sleeps a random delay and kills it, returning what the
//! child printed. A child prints an acknowledgement line (`<tag> <n>`)
//! after each write that returned, i.e. that is durable; [`last_ack`]
//! reads the last one, which the store must still hold after the kill.
//!
//! A child is usually the test binary itself, re-executed to run one
//! ignored test ([`Cycle::child_command`]), or a real program.

use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::DEADLINE;
use crate::process::{Spawned, Transcript};

/// The environment variable that sets the number of rounds.
pub const ROUNDS_ENV: &str = "JIFEN_CRASH_ROUNDS";
/// The environment variable that repeats a run's random delays.
pub const SEED_ENV: &str = "JIFEN_CRASH_SEED";
/// The environment variable that tells a re-executed test binary it is a
/// child (its value: the path the child works on).
pub const CHILD_ENV: &str = "JIFEN_CRASH_CHILD_PATH";

/// The signal number of SIGKILL (9 on every Unix).
const SIGKILL: i32 = 9;

/// splitmix64: enough randomness for kill delays, reproducible from the seed.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator starting from `seed`.
    #[must_use]
    pub const fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..=max`.
    pub fn up_to(&mut self, max: u64) -> u64 {
        self.next_u64() % max.saturating_add(1).max(1)
    }
}

/// What one killed child printed.
#[derive(Debug, Clone, Default)]
pub struct Killed {
    /// Its stdout.
    pub stdout: String,
    /// Its stderr, if the command piped it (`Stdio::piped()`), else empty.
    pub stderr: String,
    /// The delay between its readiness line and the kill.
    pub delay: Duration,
}

/// One crash-kill run: seed, rounds, random delays, kills and the clock.
#[derive(Debug)]
pub struct Cycle {
    name: &'static str,
    /// The seed of the delays (print it to repeat a failing run).
    pub seed: u64,
    /// How many rounds to run.
    pub rounds: u32,
    /// The delays' generator (also for a test's own random choices).
    pub rng: Rng,
    /// Children killed so far.
    pub kills: u32,
    started: Instant,
}

impl Cycle {
    /// A run named `name` of `JIFEN_CRASH_ROUNDS` rounds (else
    /// `default_rounds`), seeded by `JIFEN_CRASH_SEED` (else by the clock
    /// and the process id); prints the seed to stderr.
    #[must_use]
    pub fn new(name: &'static str, default_rounds: u32) -> Self {
        let rounds = std::env::var(ROUNDS_ENV)
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(default_rounds);
        let seed = std::env::var(SEED_ENV)
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or_else(clock_seed);
        eprintln!("{name}: {rounds} rounds, seed {seed} ({SEED_ENV}={seed} repeats this run)");
        Self {
            name,
            seed,
            rounds,
            rng: Rng::new(seed),
            kills: 0,
            started: Instant::now(),
        }
    }

    /// The test binary itself, to run the ignored test `child_test` alone
    /// as a child, with [`CHILD_ENV`] set to `path`; its stderr discarded.
    ///
    /// # Panics
    /// If the test binary's path is unknown.
    #[must_use]
    pub fn child_command(child_test: &str, path: &std::path::Path) -> Command {
        #[allow(clippy::expect_used)] // Test support: no binary, no test.
        let exe = std::env::current_exe().expect("the test binary's path");
        let mut command = Command::new(exe);
        command
            .args([
                "--exact",
                child_test,
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, path)
            .stderr(Stdio::null());
        command
    }

    /// Spawns `command`, waits for the stdout line `ready` (the delay counts
    /// from there: starting a process takes long on a loaded machine),
    /// sleeps `0..=max_delay_ms` milliseconds at random and SIGKILLs it.
    ///
    /// # Panics
    /// If the child does not start, does not print `ready` within
    /// [`DEADLINE`], or was not killed by SIGKILL (it failed or finished
    /// before the kill: a failure of the test).
    #[allow(clippy::panic)] // Test support: a panic here fails the test, as it should.
    pub fn kill_at_random(
        &mut self,
        round: u32,
        command: &mut Command,
        ready: &str,
        max_delay_ms: u64,
    ) -> Killed {
        let name = self.name;
        let mut child = Spawned::spawn(command)
            .unwrap_or_else(|e| panic!("{name} round {round}: the child does not start: {e}"));
        let mut stderr = child.child().stderr.take().map(Transcript::new);
        if let Err(e) = child.wait_for_line(ready, DEADLINE) {
            let said = stderr.as_mut().map(|s| {
                s.drain(Duration::from_secs(1));
                s.text()
            });
            panic!("{name} round {round}: the child did not get ready: {e}\nstderr: {said:?}");
        }
        let delay = Duration::from_millis(self.rng.up_to(max_delay_ms));
        std::thread::sleep(delay);
        // `Child::kill` sends SIGKILL on Unix.
        let status = child
            .kill()
            .unwrap_or_else(|e| panic!("{name} round {round}: waiting for the child: {e}"));
        let mut stderr_text = String::new();
        if let Some(transcript) = stderr.as_mut() {
            transcript.drain(DEADLINE);
            stderr_text = transcript.text();
        }
        assert_eq!(
            status.signal(),
            Some(SIGKILL),
            "{name} round {round}: the child must die by SIGKILL, not fail or finish ({status}); \
             stderr:\n{stderr_text}"
        );
        self.kills += 1;
        child.stdout.drain(DEADLINE);
        Killed {
            stdout: child.stdout.text(),
            stderr: stderr_text,
            delay,
        }
    }

    /// Time since the run started.
    #[must_use]
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }
}

/// The number of the last complete line `<tag> <n>` in `text` (what the
/// child acknowledged last), or `None`.
#[must_use]
pub fn last_ack(text: &str, tag: &str) -> Option<u64> {
    text.lines()
        .rev()
        // The last line may be cut by the kill: only whole lines count.
        .skip(usize::from(!text.ends_with('\n')))
        .find_map(|line| {
            // Not only at the start: libtest's `test x ... ` may precede the
            // child's first line.
            let words: Vec<&str> = line.split_whitespace().collect();
            words.windows(2).rev().find_map(|pair| match pair {
                [word, n] if *word == tag => n.parse().ok(),
                _ => None,
            })
        })
}

/// The child's working path when this process runs as a crash child
/// ([`CHILD_ENV`] set), else `None` (the ignored child test then returns
/// at once: it only means something under a parent).
#[must_use]
pub fn child_path() -> Option<std::path::PathBuf> {
    std::env::var_os(CHILD_ENV).map(std::path::PathBuf::from)
}

fn clock_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    #[allow(clippy::cast_possible_truncation)] // Mixing bits: truncation is fine.
    let low = nanos as u64;
    low ^ (u64::from(std::process::id()) << 32)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn the_last_whole_ack_line_counts() {
        assert_eq!(last_ack("ready\nack 1\nack 2\n", "ack"), Some(2));
        assert_eq!(last_ack("ready\nack 1\nack 2", "ack"), Some(1));
        assert_eq!(last_ack("ready\nack 1\nack 23\nother\n", "ack"), Some(23));
        assert_eq!(last_ack("ready\n", "ack"), None);
        assert_eq!(last_ack("", "ack"), None);
        assert_eq!(last_ack("test child ... ack 1\nready\n", "ack"), Some(1));
    }

    #[test]
    fn delays_repeat_from_the_seed_and_stay_in_range() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        for _ in 0..100 {
            let x = a.up_to(40);
            assert_eq!(x, b.up_to(40));
            assert!(x <= 40);
        }
        assert_eq!(Rng::new(1).up_to(0), 0);
    }
}
