//! Reading a whole small file with a size bound, refusing anything that is
//! not a regular file (`docs/adr/0010-durable-files-and-test-environment.md#reads`).

use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

use crate::error::{FileError, FileKind, Op};

/// Read the regular file at `path`, at most `max_bytes` long.
///
/// Safe on paths an attacker or an accident may have replaced:
/// - a FIFO, a device, a socket or a directory is refused from its type
///   before it is opened, and again from the type of what was opened; on
///   Unix the open itself is non-blocking (`O_NONBLOCK`, `O_NOCTTY`), so a
///   FIFO swapped in between cannot hang it;
/// - a file larger than `max_bytes` is refused from its size, before any
///   byte is read; a file that grows meanwhile is read to at most
///   `max_bytes + 1` bytes and then refused.
///
/// Symbolic links are followed (a user may link the data directory elsewhere).
///
/// # Errors
/// [`FileError::NotFound`] if nothing is at `path`; [`FileError::WrongKind`]
/// for anything but a regular file; [`FileError::TooLarge`];
/// [`FileError::Io`] with `inspect`, `open` or `read`.
pub fn read_bounded(path: impl AsRef<Path>, max_bytes: u64) -> Result<Vec<u8>, FileError> {
    let path = path.as_ref();
    let before = fs::metadata(path).map_err(|e| missing_or(Op::Inspect, path, e))?;
    check(path, &before, max_bytes)?;
    let file = open_nonblocking(path).map_err(|e| missing_or(Op::Open, path, e))?;
    let opened = file
        .metadata()
        .map_err(|e| FileError::io(Op::Inspect, path, e))?;
    check(path, &opened, max_bytes)?;
    let expected = usize::try_from(opened.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected);
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| FileError::io(Op::Read, path, e))?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > max_bytes {
        return Err(FileError::TooLarge {
            path: path.to_path_buf(),
            max: max_bytes,
        });
    }
    Ok(bytes)
}

fn check(path: &Path, metadata: &Metadata, max_bytes: u64) -> Result<(), FileError> {
    let found = FileKind::of(metadata.file_type());
    if found != FileKind::File {
        return Err(FileError::WrongKind {
            path: path.to_path_buf(),
            expected: FileKind::File,
            found,
        });
    }
    if metadata.len() > max_bytes {
        return Err(FileError::TooLarge {
            path: path.to_path_buf(),
            max: max_bytes,
        });
    }
    Ok(())
}

fn missing_or(op: Op, path: &Path, e: io::Error) -> FileError {
    if e.kind() == io::ErrorKind::NotFound {
        FileError::NotFound {
            path: path.to_path_buf(),
        }
    } else {
        FileError::io(op, path, e)
    }
}

/// Open for reading without waiting for a FIFO's writer and without making a
/// terminal our controlling terminal. `O_NONBLOCK` does not change reads of
/// regular files, the only kind read after the check.
fn open_nonblocking(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options.open(path)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn reads_up_to_the_bound_and_refuses_one_byte_more() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        fs::write(&path, b"12345").unwrap();
        assert_eq!(read_bounded(&path, 5).unwrap(), b"12345");
        let err = read_bounded(&path, 4).unwrap_err();
        assert_eq!(err.code(), "files-too-large");
        fs::write(&path, b"").unwrap();
        assert_eq!(read_bounded(&path, 0).unwrap(), b"");
    }

    /// The second line of defence: a FIFO swapped in after the type check
    /// must not hang the open (a blocking open waits for a writer forever).
    #[cfg(unix)]
    #[test]
    fn opening_a_fifo_does_not_wait_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("swapped-in");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let kind = open_nonblocking(&fifo)
                .and_then(|f| f.metadata())
                .map(|m| FileKind::of(m.file_type()));
            let _ = tx.send(kind);
        });
        let kind = rx
            .recv_timeout(std::time::Duration::from_secs(30))
            .expect("the open blocked");
        assert_eq!(kind.unwrap(), FileKind::Fifo);
    }

    #[test]
    fn missing_files_and_directories_are_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_bounded(dir.path().join("absent"), 10).unwrap_err();
        assert!(err.is_not_found(), "{err}");
        let err = read_bounded(dir.path(), 10).unwrap_err();
        assert!(
            matches!(
                err,
                FileError::WrongKind {
                    found: FileKind::Directory,
                    ..
                }
            ),
            "{err}"
        );
    }
}
