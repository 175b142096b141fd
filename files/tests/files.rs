//! The guarantees of `jifen-files` against the real filesystem: modes,
//! no leftovers on failure, refusal of FIFOs and devices without blocking,
//! size bounds, and locks seen from a second process.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout
)]

use std::fs;
use std::path::Path;
use std::time::Duration;

use jifen_files::{
    FileError, FileKind, Lock, Op, TempFile, create_private_dir_all, leftover_temps, lock_path,
    read_bounded, remove_leftover_temps, write_atomic, write_new,
};

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

/// Everything in `dir`, by name.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn atomic_write_replaces_the_content_and_leaves_only_the_target() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.json");
    write_atomic(&path, b"one").unwrap();
    write_atomic(&path, b"two, longer").unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"two, longer");
    assert_eq!(listing(dir.path()), ["settings.json"]);
    #[cfg(unix)]
    assert_eq!(mode(&path), 0o600);
}

#[cfg(unix)]
#[test]
fn an_existing_world_readable_file_becomes_private_when_rewritten() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.watch.json");
    fs::write(&path, b"old").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    write_atomic(&path, b"new").unwrap();
    assert_eq!(mode(&path), 0o600);
}

#[test]
fn a_failed_rename_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    // A non-empty directory where the file should go: the rename fails.
    let path = dir.path().join("target");
    fs::create_dir(&path).unwrap();
    fs::write(path.join("inside"), b"x").unwrap();
    let err = write_atomic(&path, b"data").unwrap_err();
    assert!(
        matches!(err, FileError::Io { op: Op::Rename, .. }),
        "{err:?}"
    );
    assert_eq!(err.path(), path);
    assert_eq!(listing(dir.path()), ["target"]);
    assert!(leftover_temps(&path).unwrap().is_empty());
}

#[test]
fn a_missing_directory_fails_before_anything_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent").join("f.json");
    let err = write_atomic(&path, b"data").unwrap_err();
    assert!(
        matches!(
            err,
            FileError::Io {
                op: Op::CreateTemp,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.path(), dir.path().join("absent"));
    assert!(listing(dir.path()).is_empty());
}

#[test]
fn write_new_refuses_an_existing_name_and_keeps_its_content() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.watch.json");
    write_new(&path, b"first").unwrap();
    let err = write_new(&path, b"second").unwrap_err();
    assert!(matches!(err, FileError::AlreadyExists { .. }), "{err:?}");
    assert_eq!(err.code(), "files-already-exists");
    assert_eq!(fs::read(&path).unwrap(), b"first");
    assert_eq!(listing(dir.path()), ["shop.watch.json"]);
    #[cfg(unix)]
    assert_eq!(mode(&path), 0o600);
    // Also when a directory is in the way.
    let taken = dir.path().join("taken");
    fs::create_dir(&taken).unwrap();
    assert!(matches!(
        write_new(&taken, b"x").unwrap_err(),
        FileError::AlreadyExists { .. }
    ));
    assert_eq!(listing(dir.path()), ["shop.watch.json", "taken"]);
}

#[test]
fn a_dropped_temporary_file_is_removed_and_a_persisted_one_is_not_left_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ks");
    let mut temp = TempFile::beside(&path).unwrap();
    temp.write(b"half").unwrap();
    assert_eq!(fs::read(temp.path()).unwrap(), b"half");
    assert_eq!(temp.target(), path);
    assert_eq!(leftover_temps(&path).unwrap(), [temp.path().to_path_buf()]);
    drop(temp);
    assert!(listing(dir.path()).is_empty());

    let mut temp = TempFile::beside(&path).unwrap();
    temp.write(b"whole").unwrap();
    temp.persist().unwrap();
    assert_eq!(listing(dir.path()), ["ks"]);
}

#[test]
fn leftovers_of_a_killed_writer_are_found_and_removed_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wallet.jks");
    write_atomic(&path, b"keys").unwrap();
    // What a process killed between create and rename leaves.
    let temp = TempFile::beside(&path).unwrap();
    let stale = temp.path().to_path_buf();
    std::mem::forget(temp);
    fs::write(dir.path().join("wallet.jks.bak"), b"old keys").unwrap();
    fs::write(dir.path().join(".other.jks.1.2.tmp"), b"not ours").unwrap();
    assert_eq!(leftover_temps(&path).unwrap(), [stale]);
    assert_eq!(remove_leftover_temps(&path).unwrap(), 1);
    assert_eq!(
        listing(dir.path()),
        [".other.jks.1.2.tmp", "wallet.jks", "wallet.jks.bak"]
    );
}

#[cfg(unix)]
#[test]
fn private_directories_are_0700_new_and_tightened_when_they_exist() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("jifen");
    let wallets = data.join("wallets");
    create_private_dir_all(&wallets).unwrap();
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&wallets), 0o700);
    // Idempotent.
    create_private_dir_all(&wallets).unwrap();

    // A directory made 0755 by an older version loses group and other bits.
    let old = dir.path().join("old");
    fs::create_dir(&old).unwrap();
    fs::set_permissions(&old, fs::Permissions::from_mode(0o755)).unwrap();
    create_private_dir_all(&old).unwrap();
    assert_eq!(mode(&old), 0o700);
    // An existing parent is not ours to change.
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    create_private_dir_all(dir.path().join("child")).unwrap();
    assert_eq!(mode(dir.path()), 0o755);
}

#[test]
fn a_file_where_a_directory_belongs_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("wallets");
    fs::write(&file, b"").unwrap();
    for path in [file.clone(), file.join("below")] {
        let err = create_private_dir_all(&path).unwrap_err();
        match err {
            FileError::WrongKind {
                expected: FileKind::Directory,
                ..
            }
            | FileError::Io {
                op: Op::CreateDir, ..
            } => {}
            other => panic!("{other:?}"),
        }
    }
    assert!(matches!(
        create_private_dir_all(&file).unwrap_err(),
        FileError::WrongKind {
            found: FileKind::File,
            ..
        }
    ));
}

#[test]
fn reads_are_bounded_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundle.json");
    fs::write(&path, vec![b'x'; 4096]).unwrap();
    assert_eq!(read_bounded(&path, 4096).unwrap().len(), 4096);
    let err = read_bounded(&path, 4095).unwrap_err();
    assert!(
        matches!(err, FileError::TooLarge { max: 4095, .. }),
        "{err:?}"
    );
    assert!(
        read_bounded(dir.path().join("none"), 1)
            .unwrap_err()
            .is_not_found()
    );
}

/// Files whose size says 0 but which hold more (as a growing file would):
/// the read stops at the bound plus one byte and refuses.
#[cfg(target_os = "linux")]
#[test]
fn a_file_larger_than_its_reported_size_is_still_bounded() {
    let status = Path::new("/proc/self/status");
    assert_eq!(fs::metadata(status).unwrap().len(), 0);
    let err = read_bounded(status, 64).unwrap_err();
    assert!(
        matches!(err, FileError::TooLarge { max: 64, .. }),
        "{err:?}"
    );
    assert!(read_bounded(status, 1 << 20).unwrap().len() > 64);
}

/// Runs `f` on another thread and fails the test if it takes more than 30 s:
/// a regression that blocks must fail, not hang the test run.
#[cfg(unix)]
fn within_30s<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(30))
        .expect("the read blocked")
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("wallet.jks");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let path = fifo.clone();
    let err = within_30s(move || read_bounded(&path, 1024)).unwrap_err();
    assert!(
        matches!(
            err,
            FileError::WrongKind {
                found: FileKind::Fifo,
                expected: FileKind::File,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.code(), "files-wrong-kind");
    // A FIFO at a lock path is refused the same way.
    let path = fifo.clone();
    let err = within_30s(move || Lock::try_acquire(&path).map(|_| ())).unwrap_err();
    assert!(
        matches!(
            err,
            FileError::WrongKind {
                found: FileKind::Fifo,
                ..
            }
        ),
        "{err:?}"
    );
}

#[cfg(unix)]
#[test]
fn devices_are_refused_before_a_byte_is_read() {
    let err = within_30s(|| read_bounded("/dev/zero", u64::MAX)).unwrap_err();
    assert!(
        matches!(
            err,
            FileError::WrongKind {
                found: FileKind::CharDevice,
                ..
            }
        ),
        "{err:?}"
    );
    let err = read_bounded("/dev/null", 10).unwrap_err();
    assert_eq!(err.code(), "files-wrong-kind");
}

const CHILD_ENV: &str = "JIFEN_FILES_LOCK_CHILD";
const CHILD_READY: &str = "child-holds-the-lock";

/// The second process of the lock test: takes the lock, says so, and holds
/// it until its stdin closes (or it is killed).
#[test]
#[ignore = "run by a_lock_is_seen_by_another_process as a child process"]
fn child_holds_lock() {
    use std::io::Read;
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        println!("child_holds_lock only runs as the lock test's child ({CHILD_ENV} unset)");
        return;
    };
    let lock = Lock::try_acquire(&path).unwrap();
    println!("{CHILD_READY}");
    let mut rest = Vec::new();
    let _ = std::io::stdin().read_to_end(&mut rest);
    drop(lock);
}

#[test]
fn a_lock_is_seen_by_another_process_and_released_when_it_dies() {
    use jifen_testenv::DEADLINE;
    use jifen_testenv::process::Spawned;
    use std::process::{Command, Stdio};

    let dir = tempfile::tempdir().unwrap();
    let path = lock_path(&dir.path().join("shop"));
    for (round, how) in ["exit", "kill"].into_iter().enumerate() {
        let mut child = Spawned::spawn(
            Command::new(std::env::current_exe().unwrap())
                .args(["--exact", "child_holds_lock", "--ignored", "--nocapture"])
                .arg("--test-threads=1")
                .env(CHILD_ENV, &path)
                .stdin(Stdio::piped())
                .stderr(Stdio::null()),
        )
        .unwrap();
        child
            .wait_for_line(CHILD_READY, DEADLINE)
            .unwrap_or_else(|e| panic!("round {round}: {e}"));

        let err = Lock::try_acquire(&path).unwrap_err();
        assert!(matches!(err, FileError::Locked { .. }), "{err:?}");
        let err = Lock::acquire_within(&path, Duration::from_millis(50)).unwrap_err();
        assert!(matches!(err, FileError::Locked { .. }), "{err:?}");

        if how == "exit" {
            drop(child.child().stdin.take());
            let status = child.wait_within(DEADLINE).unwrap();
            assert!(status.is_some_and(|s| s.success()), "{status:?}");
        } else {
            child.kill().unwrap();
        }
        // The kernel released the lock with the process.
        let lock = Lock::try_acquire(&path).unwrap();
        drop(lock);
    }
    #[cfg(unix)]
    assert_eq!(mode(&path), 0o600);
}
