//! Replays every kept fuzz input through its target on each `cargo test`:
//! the seed corpus (`fuzz/corpus/<target>/`) and every crash input found
//! and fixed (`fuzz/regressions/<target>/`). A decoder that panics again on
//! one of them fails here, with the file named.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

fn inputs(kind: &str, target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz")
        .join(kind)
        .join(target);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

/// Runs `target` over the files; returns those that panicked.
fn replay(target: &str, run: fn(&[u8]), files: &[PathBuf]) -> Vec<String> {
    let mut failed = Vec::new();
    for path in files {
        let data = fs::read(path).unwrap();
        if catch_unwind(AssertUnwindSafe(|| run(&data))).is_err() {
            failed.push(format!("{target}: {}", path.display()));
        }
    }
    failed
}

#[test]
fn every_seed_of_every_target_passes() {
    let mut failed = Vec::new();
    let mut count = 0;
    for (target, run) in jifen_fuzz_targets::TARGETS {
        let files = inputs("corpus", target);
        assert!(!files.is_empty(), "fuzz/corpus/{target} holds no seed");
        count += files.len();
        failed.extend(replay(target, run, &files));
    }
    assert!(
        failed.is_empty(),
        "{} of {count} seeds panic:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

#[test]
fn every_crash_found_stays_fixed() {
    let mut failed = Vec::new();
    for (target, run) in jifen_fuzz_targets::TARGETS {
        failed.extend(replay(target, run, &inputs("regressions", target)));
    }
    assert!(
        failed.is_empty(),
        "crash inputs panic again:\n{}",
        failed.join("\n")
    );
}

#[test]
fn every_target_survives_trivial_inputs() {
    for (_, run) in jifen_fuzz_targets::TARGETS {
        for data in [&b""[..], b"\0", b"{}", b"[]", b"null", &[0xff; 64]] {
            run(data);
        }
    }
}
