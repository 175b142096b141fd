//! Child processes for tests: wait for a readiness line (or a prompt) with a
//! deadline, and never leave a child running after the test.
//!
//! A test that kills a child "at a random moment" must count that moment
//! from the child's own signal (a line it prints once it is doing the work),
//! not from the spawn: starting a process takes long on a loaded machine.

use std::fmt;
use std::io::{self, Read};
use std::process::{Child, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// What a wait did not see in time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotSeen {
    /// What was awaited.
    pub awaited: String,
    /// How long the wait lasted.
    pub waited: Duration,
    /// Whether the stream had ended (the child exited or closed it).
    pub ended: bool,
    /// The end of what the stream said (at most the last 4 KiB).
    pub tail: String,
}

impl fmt::Display for NotSeen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why = if self.ended {
            "the stream ended"
        } else {
            "timed out"
        };
        write!(
            f,
            "{why} after {:.1?} waiting for {:?}; the output ended with:\n{}",
            self.waited, self.awaited, self.tail
        )
    }
}

impl std::error::Error for NotSeen {}

/// Everything a stream (a child's stdout or stderr) has said so far, read by
/// a background thread so that a wait can have a deadline.
#[derive(Debug)]
pub struct Transcript {
    chunks: Receiver<Vec<u8>>,
    text: Vec<u8>,
    ended: bool,
}

impl Transcript {
    /// Start reading `source` in the background until it ends.
    ///
    /// # Panics
    /// If the operating system cannot start the reader thread.
    #[must_use]
    pub fn new(mut source: impl Read + Send + 'static) -> Self {
        let (tx, chunks) = mpsc::channel();
        let reader = std::thread::Builder::new()
            .name("transcript".into())
            .spawn(move || {
                let mut buffer = [0u8; 4096];
                loop {
                    match source.read(&mut buffer) {
                        Ok(0) => break,
                        Ok(n) => {
                            let chunk = buffer.get(..n).map(<[u8]>::to_vec).unwrap_or_default();
                            if tx.send(chunk).is_err() {
                                break;
                            }
                        }
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                        Err(_) => break,
                    }
                }
            });
        #[allow(clippy::expect_used)] // Test support: no thread, no test.
        reader.expect("start the transcript reader thread");
        Self {
            chunks,
            text: Vec::new(),
            ended: false,
        }
    }

    /// Wait until the text from byte offset `from` on contains `needle`;
    /// returns the offset just past it (to wait for the next prompt from there).
    ///
    /// # Errors
    /// [`NotSeen`] when `within` passes or the stream ends first.
    pub fn wait_for(
        &mut self,
        needle: &str,
        from: usize,
        within: Duration,
    ) -> Result<usize, NotSeen> {
        self.wait_until(needle, within, |text| {
            let start = from.min(text.len());
            find(text.get(start..).unwrap_or_default(), needle.as_bytes())
                .map(|at| start + at + needle.len())
        })
    }

    /// Wait for a complete line containing `needle`; returns that line
    /// without its line ending (to read an address the child prints).
    ///
    /// # Errors
    /// [`NotSeen`] when `within` passes or the stream ends first.
    pub fn wait_for_line(&mut self, needle: &str, within: Duration) -> Result<String, NotSeen> {
        let mut line = String::new();
        self.wait_until(needle, within, |text| {
            let found = text
                .split_inclusive(|b| *b == b'\n')
                .filter(|l| l.ends_with(b"\n"))
                .find(|l| find(l, needle.as_bytes()).is_some())?;
            line = String::from_utf8_lossy(found).trim_end().to_owned();
            Some(())
        })?;
        Ok(line)
    }

    /// Everything read so far, as (lossy) text.
    #[must_use]
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.text).into_owned()
    }

    /// Take in what the reader has sent, waiting at most `within` for the
    /// stream to end; returns whether it ended.
    pub fn drain(&mut self, within: Duration) -> bool {
        let deadline = Instant::now() + within;
        while !self.ended {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.chunks.recv_timeout(left) {
                Ok(chunk) => self.text.extend_from_slice(&chunk),
                Err(RecvTimeoutError::Disconnected) => self.ended = true,
                Err(RecvTimeoutError::Timeout) => break,
            }
        }
        self.ended
    }

    fn wait_until<T>(
        &mut self,
        awaited: &str,
        within: Duration,
        mut seen: impl FnMut(&[u8]) -> Option<T>,
    ) -> Result<T, NotSeen> {
        let started = Instant::now();
        let deadline = started + within;
        loop {
            if let Some(found) = seen(&self.text) {
                return Ok(found);
            }
            let left = deadline.saturating_duration_since(Instant::now());
            let outcome = if self.ended {
                Err(RecvTimeoutError::Disconnected)
            } else {
                self.chunks.recv_timeout(left)
            };
            match outcome {
                Ok(chunk) => self.text.extend_from_slice(&chunk),
                Err(why) => {
                    self.ended = why == RecvTimeoutError::Disconnected;
                    if let Some(found) = seen(&self.text) {
                        return Ok(found);
                    }
                    return Err(NotSeen {
                        awaited: awaited.to_owned(),
                        waited: started.elapsed(),
                        ended: self.ended,
                        tail: tail(&self.text),
                    });
                }
            }
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn tail(text: &[u8]) -> String {
    let start = text.len().saturating_sub(4096);
    String::from_utf8_lossy(text.get(start..).unwrap_or_default()).into_owned()
}

/// A child process whose stdout is read into a [`Transcript`]; killed (and
/// reaped) on drop if it is still running, so a failing test leaves nothing
/// behind.
#[derive(Debug)]
pub struct Spawned {
    child: Child,
    /// What the child printed on stdout.
    pub stdout: Transcript,
}

impl Spawned {
    /// Spawn `command` with its stdout piped (stdin and stderr as the
    /// command sets them).
    ///
    /// # Errors
    /// If the program cannot be started.
    pub fn spawn(command: &mut Command) -> io::Result<Self> {
        let mut child = command.stdout(Stdio::piped()).spawn()?;
        let stdout: Option<ChildStdout> = child.stdout.take();
        let stdout = stdout.ok_or_else(|| io::Error::other("the child has no stdout pipe"))?;
        Ok(Self {
            child,
            stdout: Transcript::new(stdout),
        })
    }

    /// Wait for a complete stdout line containing `needle` (the child's
    /// readiness line); returns the line.
    ///
    /// # Errors
    /// [`NotSeen`] if the child does not print it within `within` (or exits first).
    pub fn wait_for_line(&mut self, needle: &str, within: Duration) -> Result<String, NotSeen> {
        self.stdout.wait_for_line(needle, within)
    }

    /// The child (to write to its stdin, read its id, ...).
    pub fn child(&mut self) -> &mut Child {
        &mut self.child
    }

    /// Kill the child (SIGKILL on Unix) and reap it.
    ///
    /// # Errors
    /// If waiting for it fails.
    pub fn kill(&mut self) -> io::Result<ExitStatus> {
        // An error here means it already exited; `wait` tells how.
        let _ = self.child.kill();
        self.child.wait()
    }

    /// Wait for the child to exit by itself, at most `within`; `None` if it
    /// is still running then.
    ///
    /// # Errors
    /// If polling it fails.
    pub fn wait_within(&mut self, within: Duration) -> io::Result<Option<ExitStatus>> {
        let deadline = Instant::now() + within;
        loop {
            if let Some(status) = self.child.try_wait()? {
                return Ok(Some(status));
            }
            if Instant::now() >= deadline {
                return Ok(None);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Spawned {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The RPC address of a `jifen-node devnet` child, from its
/// `devnet RPC: http://ADDR/` line; `None` when it does not print one within
/// `within` or the line holds no address.
pub fn devnet_rpc_addr(node: &mut Spawned, within: Duration) -> Option<std::net::SocketAddr> {
    let line = node.wait_for_line("devnet RPC:", within).ok()?;
    line.rsplit("http://")
        .next()?
        .trim()
        .trim_end_matches('/')
        .parse()
        .ok()
}

/// A `kB` field of `/proc/<pid>/status` (`VmRSS:`, `VmHWM:`, …) in kB; 0
/// when it cannot be read (Linux only: benches that measure memory).
#[must_use]
pub fn status_kb(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix(field))
                .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn waits_see_text_split_across_reads_and_stop_at_the_end() {
        let mut transcript = Transcript::new(io::Cursor::new(b"one\ntwo: x".to_vec()));
        let at = transcript
            .wait_for("two:", 0, Duration::from_secs(10))
            .unwrap();
        assert_eq!(at, 8);
        assert_eq!(
            transcript
                .wait_for_line("on", Duration::from_secs(10))
                .unwrap(),
            "one"
        );
        // "two: x" has no line ending: never a complete line. The stream has
        // ended, so the wait fails at once instead of at the deadline.
        let started = Instant::now();
        let missing = transcript
            .wait_for_line("two", Duration::from_secs(60))
            .unwrap_err();
        assert!(missing.ended);
        assert!(started.elapsed() < Duration::from_secs(30));
        assert!(missing.to_string().contains("two: x"), "{missing}");
        assert!(transcript.wait_for("one", 1, Duration::ZERO).is_err());
    }

    #[test]
    fn a_silent_stream_times_out() {
        let (_keep_open, reader) = pipe_reader();
        let mut transcript = Transcript::new(reader);
        let missing = transcript
            .wait_for("ready", 0, Duration::from_millis(50))
            .unwrap_err();
        assert!(!missing.ended);
        assert!(missing.waited >= Duration::from_millis(50));
    }

    /// A reader that blocks until its sender is dropped.
    fn pipe_reader() -> (mpsc::Sender<u8>, impl Read + Send + 'static) {
        struct Blocking(Receiver<u8>);
        impl Read for Blocking {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                match (self.0.recv(), buf.first_mut()) {
                    (Ok(byte), Some(slot)) => {
                        *slot = byte;
                        Ok(1)
                    }
                    _ => Ok(0),
                }
            }
        }
        let (tx, rx) = mpsc::channel();
        (tx, Blocking(rx))
    }
}
