//! Atomic replacement and exclusive creation of small files
//! (`docs/adr/0010-durable-files-and-test-environment.md#writes`).
//!
//! Every write goes through a [`TempFile`] beside the target: created with a
//! unique name and mode 0600, written, fsynced, then renamed over the target
//! (or hard-linked to a new name), and the directory fsynced so that the new
//! name survives a power loss. The temporary file is removed on every failure
//! path; only a killed process leaves one behind (see [`leftover_temps`]).

use std::ffi::{OsStr, OsString};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{FileError, Op};

/// Replace the file at `path` with `bytes`, atomically and durably.
///
/// After a crash at any moment `path` holds either its previous content or
/// `bytes`, never a mix or an empty file; once this returns `Ok`, `bytes`
/// survive a power loss. The new file has mode 0600 on Unix, whatever the
/// old one had. The directory must exist ([`crate::create_private_dir_all`]).
///
/// # Errors
/// [`FileError::Io`] naming the failed step (`create-temp`, `write`, `sync`,
/// `rename`, `sync-dir`). On any error no temporary file is left behind; if
/// only the final `sync-dir` failed, the new content is already in place.
pub fn write_atomic(path: impl AsRef<Path>, bytes: &[u8]) -> Result<(), FileError> {
    let mut temp = TempFile::beside(path)?;
    temp.write(bytes)?;
    temp.persist()
}

/// Create the file at `path` with `bytes`, atomically and durably, failing if
/// anything exists there already.
///
/// The complete file appears under its name at once (a hard link from the
/// fsynced temporary file), so a reader or a crash never sees it half
/// written; two processes racing to create the same name cannot both win.
/// Needs a filesystem with hard links (every Unix filesystem, NTFS; not FAT).
///
/// # Errors
/// [`FileError::AlreadyExists`] if something exists at `path` (nothing is
/// changed); otherwise as [`write_atomic`] (with `link` for the final step).
pub fn write_new(path: impl AsRef<Path>, bytes: &[u8]) -> Result<(), FileError> {
    let mut temp = TempFile::beside(path)?;
    temp.write(bytes)?;
    temp.persist_new()
}

/// A private temporary file beside a target, removed on drop unless persisted.
///
/// For writers that must check what they wrote before it replaces the target
/// (the keystore reads it back and decrypts it): create, [`TempFile::write`],
/// inspect [`TempFile::path`], then [`TempFile::persist`] or
/// [`TempFile::persist_new`]; dropping it instead removes it.
#[derive(Debug)]
pub struct TempFile {
    file: Option<File>,
    temp: PathBuf,
    target: PathBuf,
}

/// Distinguishes the temporary files of one process; with the process id in
/// the name, two live writers never pick the same name.
static NEXT_TEMP: AtomicU64 = AtomicU64::new(0);

/// Attempts at a fresh name before giving up: a clash only happens with a
/// file left by a dead process that had the same id.
const NAME_ATTEMPTS: u32 = 16;

impl TempFile {
    /// Create an empty temporary file (mode 0600 on Unix) in the directory of
    /// `target`, named `.<target name>.<pid>.<n>.tmp`.
    ///
    /// # Errors
    /// [`FileError::Io`] with `create-temp` (the directory is missing or not
    /// writable, or `target` has no file name).
    pub fn beside(target: impl AsRef<Path>) -> Result<Self, FileError> {
        let target = target.as_ref();
        let dir = dir_of(target);
        let name = target.file_name().ok_or_else(|| {
            FileError::io(
                Op::CreateTemp,
                target,
                io::Error::new(io::ErrorKind::InvalidInput, "the path has no file name"),
            )
        })?;
        let mut last = None;
        for _ in 0..NAME_ATTEMPTS {
            let serial = NEXT_TEMP.fetch_add(1, Ordering::Relaxed);
            let temp = sibling(target, &temp_name(name, std::process::id(), serial));
            match create_private(&temp) {
                Ok(file) => {
                    return Ok(Self {
                        file: Some(file),
                        temp,
                        target: target.to_path_buf(),
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => return Err(FileError::io(Op::CreateTemp, dir, e)),
            }
        }
        let e = last.unwrap_or_else(|| io::Error::from(io::ErrorKind::AlreadyExists));
        Err(FileError::io(Op::CreateTemp, dir, e))
    }

    /// Append `bytes` to the temporary file.
    ///
    /// # Errors
    /// [`FileError::Io`] with `write` (disk full, quota, I/O error).
    pub fn write(&mut self, bytes: &[u8]) -> Result<(), FileError> {
        let file = self.open_file(Op::Write)?;
        file.write_all(bytes)
            .map_err(|e| FileError::io(Op::Write, &self.target, e))
    }

    /// Where the temporary file is (to read back what was written).
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.temp
    }

    /// The file this one will replace or create.
    #[must_use]
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Fsync, rename over the target, fsync the directory.
    ///
    /// # Errors
    /// [`FileError::Io`] with `sync`, `rename` or `sync-dir`; the temporary
    /// file is removed unless the rename happened.
    pub fn persist(mut self) -> Result<(), FileError> {
        self.sync_and_close()?;
        fs::rename(&self.temp, &self.target)
            .map_err(|e| FileError::io(Op::Rename, &self.target, e))?;
        // Renamed: nothing is left to remove, whatever happens next.
        self.temp = PathBuf::new();
        sync_dir(&self.target)
    }

    /// Fsync, hard-link to the target (which must not exist), remove the
    /// temporary name, fsync the directory.
    ///
    /// # Errors
    /// [`FileError::AlreadyExists`] if the target exists; [`FileError::Io`]
    /// with `sync`, `link`, `remove` or `sync-dir`. The temporary file is
    /// removed in every case.
    pub fn persist_new(mut self) -> Result<(), FileError> {
        self.sync_and_close()?;
        fs::hard_link(&self.temp, &self.target).map_err(|e| {
            if e.kind() == io::ErrorKind::AlreadyExists {
                FileError::AlreadyExists {
                    path: self.target.clone(),
                }
            } else {
                FileError::io(Op::Link, &self.target, e)
            }
        })?;
        let temp = std::mem::take(&mut self.temp);
        fs::remove_file(&temp).map_err(|e| FileError::io(Op::Remove, &temp, e))?;
        sync_dir(&self.target)
    }

    fn open_file(&mut self, op: Op) -> Result<&mut File, FileError> {
        let target = &self.target;
        self.file.as_mut().ok_or_else(|| {
            FileError::io(op, target, io::Error::other("the temporary file is closed"))
        })
    }

    fn sync_and_close(&mut self) -> Result<(), FileError> {
        let file = self.open_file(Op::Sync)?;
        file.sync_all()
            .map_err(|e| FileError::io(Op::Sync, &self.target, e))?;
        self.file = None;
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        self.file = None;
        if !self.temp.as_os_str().is_empty() {
            // Best effort: the error the caller sees is the one that got us here.
            let _ = fs::remove_file(&self.temp);
        }
    }
}

/// Temporary files of `target` left behind by killed writers (the
/// `.<name>.<pid>.<n>.tmp` siblings), sorted.
///
/// # Errors
/// [`FileError::Io`] with `list` if the directory cannot be read.
pub fn leftover_temps(target: impl AsRef<Path>) -> Result<Vec<PathBuf>, FileError> {
    let target = target.as_ref();
    let dir = dir_of(target);
    let Some(name) = target.file_name() else {
        return Ok(Vec::new());
    };
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(FileError::io(Op::List, dir, e)),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| FileError::io(Op::List, dir, e))?;
        if is_temp_of(name, &entry.file_name()) {
            found.push(sibling(target, &entry.file_name()));
        }
    }
    found.sort();
    Ok(found)
}

/// Remove [`leftover_temps`] of `target`; returns how many were removed.
///
/// Only call this where no other process may be writing `target` at the
/// same time (under its [`crate::Lock`], or where a single writer is a
/// documented rule): a live writer's temporary file would be removed and
/// its rename would fail (its data is lost, nothing is corrupted).
///
/// # Errors
/// [`FileError::Io`] with `list` or `remove`.
pub fn remove_leftover_temps(target: impl AsRef<Path>) -> Result<usize, FileError> {
    let mut removed = 0;
    for temp in leftover_temps(target)? {
        match fs::remove_file(&temp) {
            Ok(()) => removed += 1,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(FileError::io(Op::Remove, &temp, e)),
        }
    }
    Ok(removed)
}

/// Make a rename or link in `path`'s directory durable (POSIX requires an
/// fsync of the directory). Filesystems that cannot sync a directory
/// (`EINVAL`/`ENOTSUP` on some FUSE and network filesystems) have nothing
/// to sync; Windows flushes the rename itself and cannot open directories.
pub(crate) fn sync_dir(path: &Path) -> Result<(), FileError> {
    #[cfg(unix)]
    {
        let dir = dir_of(path);
        let synced = File::open(dir).and_then(|d| d.sync_all());
        match synced {
            Ok(()) => {}
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::InvalidInput | io::ErrorKind::Unsupported
                ) => {}
            Err(e) => return Err(FileError::io(Op::SyncDir, dir, e)),
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// The directory `path` lives in (`.` for a bare file name).
pub(crate) fn dir_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// `name` in the directory of `path` (a bare name stays bare).
fn sibling(path: &Path, name: &OsStr) -> PathBuf {
    path.with_file_name(name)
}

fn temp_name(name: &OsStr, pid: u32, serial: u64) -> OsString {
    let mut temp = OsString::from(".");
    temp.push(name);
    temp.push(format!(".{pid}.{serial}.tmp"));
    temp
}

fn is_temp_of(name: &OsStr, candidate: &OsStr) -> bool {
    // Byte-wise, so that non-UTF-8 names are handled like any other.
    let (name, candidate) = (name.as_encoded_bytes(), candidate.as_encoded_bytes());
    let Some(rest) = candidate
        .strip_prefix(b".")
        .and_then(|r| r.strip_prefix(name))
        .and_then(|r| r.strip_prefix(b"."))
        .and_then(|r| r.strip_suffix(b".tmp"))
    else {
        return false;
    };
    let mut parts = rest.split(|b| *b == b'.');
    let number =
        |p: Option<&[u8]>| p.is_some_and(|p| !p.is_empty() && p.iter().all(u8::is_ascii_digit));
    number(parts.next()) && number(parts.next()) && parts.next().is_none()
}

fn create_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn temporary_names_are_recognized_and_nothing_else_is() {
        let name = OsStr::new("wallet.jks");
        let temp = temp_name(name, 42, 7);
        assert_eq!(temp, ".wallet.jks.42.7.tmp");
        assert!(is_temp_of(name, &temp));
        for other in [
            "wallet.jks",
            "wallet.jks.tmp",
            ".wallet.jks.tmp",
            ".wallet.jks.42.tmp",
            ".wallet.jks.42.x.tmp",
            ".wallet.jks.42.7.8.tmp",
            ".other.jks.42.7.tmp",
            ".wallet.jks.bak.42.7.tmp",
        ] {
            assert!(!is_temp_of(name, OsStr::new(other)), "{other}");
        }
    }

    #[test]
    fn a_bare_name_lives_in_the_current_directory() {
        assert_eq!(dir_of(Path::new("x.json")), Path::new("."));
        assert_eq!(dir_of(Path::new("/a/x.json")), Path::new("/a"));
        assert_eq!(
            sibling(Path::new("x.json"), OsStr::new(".x.json.1.2.tmp")),
            Path::new(".x.json.1.2.tmp")
        );
    }
}
