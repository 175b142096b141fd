//! Helpers shared by the `jifen` binary's integration tests: the command with
//! a data directory, English messages, no inherited password and no stdin.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// The password every test wallet uses.
pub const PASSWORD: &str = "correct horse battery";

/// `jifen --data-dir DATA` in English, with no password from the environment
/// and stdin closed (so a forgotten prompt fails instead of waiting).
pub fn jifen(data: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_jifen"));
    command
        .arg("--data-dir")
        .arg(data)
        .env("JIFEN_LANG", "en")
        .env_remove("JIFEN_PASSWORD")
        .env_remove("JIFEN_NEW_PASSWORD")
        .env_remove("JIFEN_PASSPHRASE")
        .stdin(Stdio::null());
    command
}

/// Runs `command` to the end.
pub fn run(command: &mut Command) -> Output {
    command.output().expect("the jifen binary runs")
}

/// Bytes as UTF-8 text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// What the command printed on stdout.
pub fn stdout(output: &Output) -> String {
    text(&output.stdout)
}

/// What the command printed on stderr.
pub fn stderr(output: &Output) -> String {
    text(&output.stderr)
}

/// Fails the test with the command's output unless it succeeded.
#[track_caller]
pub fn assert_ok(output: &Output) {
    assert!(
        output.status.success(),
        "failed: {}\n{}",
        stderr(output),
        stdout(output)
    );
}

/// The output of a command that must have succeeded.
#[track_caller]
pub fn ok(output: Output) -> Output {
    assert_ok(&output);
    output
}

/// Fails the test unless the command failed with `needle` in its stderr.
#[track_caller]
pub fn fails_with(output: &Output, needle: &str) {
    assert!(
        !output.status.success(),
        "unexpected success: {}",
        stderr(output)
    );
    assert!(
        stderr(output).contains(needle),
        "expected {needle:?} in: {}",
        stderr(output)
    );
}

/// Runs `command` to the end with `input` written to its stdin.
pub fn run_with_input(command: &mut Command, input: &str) -> Output {
    use std::io::Write;
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the jifen binary starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}
