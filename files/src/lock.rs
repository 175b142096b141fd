//! Exclusive advisory locks across processes
//! (`docs/adr/0010-durable-files-and-test-environment.md#locks`).

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::error::{FileError, FileKind, Op};

/// How often [`Lock::acquire_within`] tries again.
const RETRY_EVERY: Duration = Duration::from_millis(20);

/// An exclusive lock on a lock file, held while this value lives.
///
/// The lock is the operating system's advisory whole-file lock (`flock` on
/// Linux and the BSDs, `LockFileEx` on Windows) on an open handle of the
/// lock file: it is released when the value is dropped or when the process
/// dies in any way, so a crash never leaves a stale lock. Advisory means
/// that only code taking the same lock is excluded. Each [`Lock`] opens its
/// own handle, so two locks on one path exclude each other within one
/// process too.
///
/// The lock file (created empty, mode 0600) is never deleted: removing it
/// while another process waits on it would let two holders lock two
/// different files of the same name.
#[derive(Debug)]
pub struct Lock {
    file: File,
    path: PathBuf,
}

impl Lock {
    /// Take the lock on `path` (conventionally `<dir>/<name>.lock`) if no one
    /// holds it; never waits.
    ///
    /// # Errors
    /// [`FileError::Locked`] if it is held; [`FileError::WrongKind`] if
    /// `path` is not a regular file; [`FileError::Io`] with `open-lock` or
    /// `lock` (for example a filesystem without locks, `ENOLCK`).
    pub fn try_acquire(path: impl AsRef<Path>) -> Result<Self, FileError> {
        let path = path.as_ref();
        let file = open_lock_file(path)?;
        match file.try_lock() {
            Ok(()) => Ok(Self {
                file,
                path: path.to_path_buf(),
            }),
            Err(TryLockError::WouldBlock) => Err(FileError::Locked {
                path: path.to_path_buf(),
            }),
            Err(TryLockError::Error(e)) => Err(FileError::io(Op::Lock, path, e)),
        }
    }

    /// Take the lock on `path`, waiting at most `wait` for its holder to let go.
    ///
    /// # Errors
    /// [`FileError::Locked`] if it is still held after `wait`; otherwise as
    /// [`Lock::try_acquire`].
    pub fn acquire_within(path: impl AsRef<Path>, wait: Duration) -> Result<Self, FileError> {
        let path = path.as_ref();
        let deadline = Instant::now().checked_add(wait);
        loop {
            match Self::try_acquire(path) {
                Err(FileError::Locked { .. }) => {}
                other => return other,
            }
            let now = Instant::now();
            let left = deadline.map_or(RETRY_EVERY, |d| d.saturating_duration_since(now));
            if left.is_zero() {
                return Err(FileError::Locked {
                    path: path.to_path_buf(),
                });
            }
            std::thread::sleep(left.min(RETRY_EVERY));
        }
    }

    /// The lock file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Closing the handle releases the lock too; unlocking first makes the
        // release independent of other handles to the same open file.
        let _ = self.file.unlock();
    }
}

fn open_lock_file(path: &Path) -> Result<File, FileError> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A FIFO planted at the lock path must not hang the open.
        options
            .mode(0o600)
            .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options
        .open(path)
        .map_err(|e| FileError::io(Op::OpenLock, path, e))?;
    let found = file
        .metadata()
        .map(|m| FileKind::of(m.file_type()))
        .map_err(|e| FileError::io(Op::Inspect, path, e))?;
    if found != FileKind::File {
        return Err(FileError::WrongKind {
            path: path.to_path_buf(),
            expected: FileKind::File,
            found,
        });
    }
    Ok(file)
}

/// The conventional lock file of `path`: `<path>.lock` beside it.
#[must_use]
pub fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(ToOwned::to_owned).unwrap_or_default();
    name.push(".lock");
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn a_second_handle_in_the_same_process_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.lock");
        let first = Lock::try_acquire(&path).unwrap();
        let err = Lock::try_acquire(&path).unwrap_err();
        assert!(matches!(err, FileError::Locked { .. }), "{err}");
        assert_eq!(err.path(), path);
        drop(first);
        let again = Lock::try_acquire(&path).unwrap();
        assert_eq!(again.path(), path);
    }

    #[test]
    fn waiting_is_bounded_and_succeeds_once_released() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.lock");
        let held = Lock::try_acquire(&path).unwrap();
        let started = Instant::now();
        let err = Lock::acquire_within(&path, Duration::from_millis(60)).unwrap_err();
        assert_eq!(err.code(), "files-locked");
        assert!(started.elapsed() >= Duration::from_millis(60));
        let releaser = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(30));
            drop(held);
        });
        // Generous: a loaded machine may schedule the releaser late.
        Lock::acquire_within(&path, Duration::from_secs(60)).unwrap();
        releaser.join().unwrap();
    }

    #[test]
    fn lock_path_is_beside() {
        assert_eq!(
            lock_path(Path::new("/w/shop.jks")),
            Path::new("/w/shop.jks.lock")
        );
        assert_eq!(lock_path(Path::new("shop")), Path::new("shop.lock"));
    }
}
