//! Reading keystore files with a size bound, and crash-safe replacement,
//! on top of `jifen-files` (`docs/adr/0010-durable-files-and-test-environment.md`).
//!
//! The save sequence (see `docs/keystore.md#saving`) guarantees that at
//! every instant the main file is either the complete old generation or the
//! complete new one, and that the previous generation survives as `.bak`.

use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use jifen_files::{FileError, TempFile};

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

/// The fixed-name temporary file (`<name>.tmp`) that versions before
/// `jifen-files` wrote; a save removes it if one was left behind. Saves now
/// write a uniquely named `.<name>.<pid>.<n>.tmp`
/// (see [`jifen_files::leftover_temps`]).
#[must_use]
pub fn temp_path(path: &Path) -> PathBuf {
    sibling(path, ".tmp")
}

/// The previous generation kept by each save (`<name>.bak`).
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    sibling(path, ".bak")
}

/// Read the keystore file, refusing anything but a regular file (a FIFO at
/// the wallet path must not hang a listing) and anything over
/// [`MAX_FILE_LEN`] before reading it.
///
/// The bound is the format's own limit: the encoder refuses to write a
/// longer file, and the largest legal one (64 KiB secret, 64 KiB metadata,
/// two slots) is about half of it, while a wallet's keystore is under 2 KiB.
pub(crate) fn read_bounded(path: &Path) -> Result<Vec<u8>> {
    jifen_files::read_bounded(path, MAX_FILE_LEN as u64).map_err(from_file)
}

/// Replace `path` with `bytes`, crash-safely.
///
/// 1. remove temporary files of earlier killed saves; write a new uniquely
///    named one beside `path` (mode 0600 on Unix);
/// 2. read it back: it must equal `bytes` and pass `verify` (parse, unwrap, decrypt);
/// 3. if `path` exists, hard-link (or copy durably) it to `<name>.bak.tmp`
///    and rename that over `<name>.bak`;
/// 4. fsync the temporary file, rename it over `path`, fsync the directory.
///
/// On failure before step 4 the main file is untouched and the temporary
/// file is removed.
pub(crate) fn replace_crash_safe(
    path: &Path,
    bytes: &[u8],
    verify: impl FnOnce(&[u8]) -> Result<(), &'static str>,
) -> Result<()> {
    // One writer at a time is the keystore's rule (docs/keystore.md#saving),
    // so any temporary file found here belongs to a save that was killed.
    remove_if_exists(&temp_path(path))?;
    jifen_files::remove_leftover_temps(path).map_err(from_file)?;
    let mut temp = TempFile::beside(path).map_err(from_file)?;
    temp.write(bytes).map_err(from_file)?;
    // On every error below, dropping `temp` removes the temporary file.
    let back = read_bounded(temp.path())?;
    if back != bytes {
        return Err(KeystoreError::VerifyFailed {
            detail: "the file read back differs from what was written",
        });
    }
    verify(&back).map_err(|detail| KeystoreError::VerifyFailed { detail })?;
    if path.exists() {
        keep_backup(path)?;
    }
    temp.persist().map_err(from_file)
}

fn keep_backup(path: &Path) -> Result<()> {
    let bak = backup_path(path);
    let bak_tmp = sibling(path, ".bak.tmp");
    remove_if_exists(&bak_tmp)?;
    if fs::hard_link(path, &bak_tmp).is_err() {
        // Filesystems without hard links (FAT, some Android storage): a
        // durable copy, written like any other file.
        let current = read_bounded(path)?;
        return jifen_files::write_atomic(&bak, &current).map_err(from_file);
    }
    fs::rename(&bak_tmp, &bak).map_err(|e| {
        let _ = fs::remove_file(&bak_tmp);
        KeystoreError::io("rename backup", &bak, e)
    })
}

fn remove_if_exists(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(KeystoreError::io("remove stale file", path, e)),
    }
}

/// The keystore's view of a file error: a missing or existing file keeps
/// its keystore code (callers and messages rely on `keystore-not-found`),
/// every other refusal carries its `files-*` code ([`KeystoreError::File`]).
fn from_file(error: FileError) -> KeystoreError {
    match error {
        FileError::NotFound { path } => KeystoreError::NotFound { path },
        FileError::AlreadyExists { path } => KeystoreError::AlreadyExists { path },
        other => KeystoreError::File(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

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
        assert_eq!(names(dir.path()), ["ks", "ks.bak"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            for p in [path.clone(), backup_path(&path)] {
                let mode = fs::metadata(&p).unwrap().permissions().mode();
                assert_eq!(mode & 0o777, 0o600, "{p:?}");
            }
        }
    }

    #[test]
    fn failed_verification_leaves_main_file_untouched_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ks");
        replace_crash_safe(&path, b"one", |_| Ok(())).unwrap();
        // Leftovers of killed saves: the old fixed name and a unique one.
        fs::write(temp_path(&path), b"stale").unwrap();
        std::mem::forget(TempFile::beside(&path).unwrap());
        assert_eq!(jifen_files::leftover_temps(&path).unwrap().len(), 1);
        let err = replace_crash_safe(&path, b"two", |_| Err("no")).unwrap_err();
        assert_eq!(err.code(), "keystore-verify-failed");
        assert_eq!(fs::read(&path).unwrap(), b"one");
        assert_eq!(names(dir.path()), ["ks"]);
    }

    #[test]
    fn file_errors_keep_their_meaning() {
        let dir = tempfile::tempdir().unwrap();
        let missing = read_bounded(&dir.path().join("absent")).unwrap_err();
        assert_eq!(missing.code(), "keystore-not-found");
        let err = read_bounded(dir.path()).unwrap_err();
        assert_eq!(err.code(), "files-wrong-kind");
        assert!(err.to_string().contains("directory"), "{err}");
        let big = dir.path().join("big");
        fs::write(&big, vec![0u8; MAX_FILE_LEN + 1]).unwrap();
        assert_eq!(read_bounded(&big).unwrap_err().code(), "files-too-large");
    }
}
