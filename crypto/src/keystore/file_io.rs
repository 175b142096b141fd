//! Reading keystore files with a size bound, and crash-safe replacement.
//!
//! The save sequence (see `docs/keystore.md#saving`) guarantees that at
//! every instant the main file is either the complete old generation or the
//! complete new one, and that the previous generation survives as `.bak`.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use super::error::{KeystoreError, Result};
use super::format::MAX_FILE_LEN;

/// The path of a sibling file: `<name><suffix>` in the same directory.
#[must_use]
pub fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path
        .file_name()
        .map_or_else(OsString::new, std::ffi::OsStr::to_os_string);
    name.push(suffix);
    path.with_file_name(name)
}

/// The temporary file a save writes before renaming (`<name>.tmp`).
#[must_use]
pub fn temp_path(path: &Path) -> PathBuf {
    sibling(path, ".tmp")
}

/// The previous generation kept by each save (`<name>.bak`).
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    sibling(path, ".bak")
}

/// Read at most `MAX_FILE_LEN + 1` bytes: enough to tell that a longer file
/// is not a valid keystore without reading all of it.
pub(crate) fn read_bounded(path: &Path) -> Result<Vec<u8>> {
    let file = File::open(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => KeystoreError::NotFound {
            path: path.to_path_buf(),
        },
        _ => KeystoreError::io("open", path, e),
    })?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_LEN as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| KeystoreError::io("read", path, e))?;
    Ok(bytes)
}

/// Replace `path` with `bytes`, crash-safely.
///
/// 1. remove a stale `<name>.tmp`, create it anew (mode 0600 on Unix), write, fsync;
/// 2. read it back: it must equal `bytes` and pass `verify` (parse, unwrap, decrypt);
/// 3. if `path` exists, hard-link (or copy and fsync) it to `<name>.bak.tmp`
///    and rename that over `<name>.bak`;
/// 4. rename `<name>.tmp` over `path`; fsync the directory.
///
/// On failure before step 4 the main file is untouched and the temporary
/// file is removed.
pub(crate) fn replace_crash_safe(
    path: &Path,
    bytes: &[u8],
    verify: impl FnOnce(&[u8]) -> Result<(), &'static str>,
) -> Result<()> {
    let tmp = temp_path(path);
    remove_if_exists(&tmp)?;
    let written = write_new(&tmp, bytes).and_then(|()| {
        let back = read_bounded(&tmp)?;
        if back != bytes {
            return Err(KeystoreError::VerifyFailed {
                detail: "the file read back differs from what was written",
            });
        }
        verify(&back).map_err(|detail| KeystoreError::VerifyFailed { detail })
    });
    if let Err(e) = written {
        // Best effort: the error that matters is `e`.
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    if path.exists() {
        keep_backup(path)?;
    }
    fs::rename(&tmp, path).map_err(|e| KeystoreError::io("rename into place", path, e))?;
    sync_dir(path)
}

fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .map_err(|e| KeystoreError::io("create temporary file", path, e))?;
    file.write_all(bytes)
        .map_err(|e| KeystoreError::io("write temporary file", path, e))?;
    file.sync_all()
        .map_err(|e| KeystoreError::io("fsync temporary file", path, e))
}

fn keep_backup(path: &Path) -> Result<()> {
    let bak_tmp = sibling(path, ".bak.tmp");
    remove_if_exists(&bak_tmp)?;
    if fs::hard_link(path, &bak_tmp).is_err() {
        // Filesystems without hard links (FAT, some Android storage): copy.
        fs::copy(path, &bak_tmp).map_err(|e| KeystoreError::io("copy backup", &bak_tmp, e))?;
        OpenOptions::new()
            .write(true)
            .open(&bak_tmp)
            .and_then(|f| f.sync_all())
            .map_err(|e| KeystoreError::io("fsync backup", &bak_tmp, e))?;
    }
    let bak = backup_path(path);
    fs::rename(&bak_tmp, &bak).map_err(|e| KeystoreError::io("rename backup", &bak, e))
}

fn remove_if_exists(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(KeystoreError::io("remove stale file", path, e)),
    }
}

/// Make the renames durable: fsync the directory (Unix only; on Windows
/// the rename is flushed by the filesystem and directories cannot be opened
/// for syncing).
fn sync_dir(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| KeystoreError::io("fsync directory", dir, e))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sibling_names() {
        let p = Path::new("/x/wallet.jks");
        assert_eq!(temp_path(p), Path::new("/x/wallet.jks.tmp"));
        assert_eq!(backup_path(p), Path::new("/x/wallet.jks.bak"));
    }

    #[test]
    fn replace_keeps_previous_generation_and_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ks");
        replace_crash_safe(&path, b"one", |_| Ok(())).unwrap();
        assert!(!backup_path(&path).exists());
        replace_crash_safe(&path, b"two", |_| Ok(())).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"one");
        assert!(!temp_path(&path).exists());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn failed_verification_leaves_main_file_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ks");
        replace_crash_safe(&path, b"one", |_| Ok(())).unwrap();
        fs::write(temp_path(&path), b"stale").unwrap();
        let err = replace_crash_safe(&path, b"two", |_| Err("no")).unwrap_err();
        assert_eq!(err.code(), "keystore-verify-failed");
        assert_eq!(fs::read(&path).unwrap(), b"one");
        assert!(!temp_path(&path).exists());
    }
}
