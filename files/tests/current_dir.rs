//! A bare file name (no directory part) is written in the current directory.
//! Alone in its test binary: it changes the process's current directory.
#![allow(clippy::unwrap_used)]

use std::fs;

use jifen_files::{leftover_temps, read_bounded, write_atomic, write_new};

#[test]
fn bare_names_are_written_in_the_current_directory() {
    let dir = tempfile::tempdir().unwrap();
    std::env::set_current_dir(dir.path()).unwrap();
    write_atomic("settings.json", b"one").unwrap();
    write_atomic("settings.json", b"two").unwrap();
    write_new("new.json", b"three").unwrap();
    assert_eq!(read_bounded("settings.json", 16).unwrap(), b"two");
    assert_eq!(fs::read(dir.path().join("new.json")).unwrap(), b"three");
    assert!(leftover_temps("settings.json").unwrap().is_empty());
    let mut names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names, ["new.json", "settings.json"]);
}
