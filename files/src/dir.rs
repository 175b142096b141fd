//! Private directories (`docs/adr/0010-durable-files-and-test-environment.md#permissions`).

use std::fs;
use std::path::Path;

use crate::error::{FileError, FileKind, Op};

/// Create the directory `path` and any missing parents, each with mode 0700
/// on Unix, and make sure `path` itself is not open to group or others.
///
/// - Directories created here get 0700 (the umask can only narrow it), as
///   the XDG base-directory specification asks for a missing data home.
/// - If `path` already exists with group or other permission bits (made by
///   an older version as 0755), those bits are removed. Existing parents
///   are left as they are: they are not ours (`$HOME`, `/tmp`).
/// - Tightening is best effort: a directory owned by another user, or on a
///   filesystem without Unix modes (FAT, some network mounts), keeps its
///   mode and this still succeeds, since nothing better can be done there.
///
/// Files inside are not touched: once the directory is 0700 other users
/// cannot reach them, and every write through this crate makes them 0600.
///
/// # Errors
/// [`FileError::WrongKind`] if `path` (or a parent) exists and is not a
/// directory; [`FileError::Io`] with `create-dir`, `inspect` or `restrict`.
pub fn create_private_dir_all(path: impl AsRef<Path>) -> Result<(), FileError> {
    let path = path.as_ref();
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    if let Err(e) = builder.create(path) {
        // A file in the way is a clearer error than "file exists".
        if let Ok(metadata) = fs::metadata(path)
            && !metadata.is_dir()
        {
            return Err(not_a_directory(path, &metadata));
        }
        return Err(FileError::io(Op::CreateDir, path, e));
    }
    let metadata = fs::metadata(path).map_err(|e| FileError::io(Op::Inspect, path, e))?;
    if !metadata.is_dir() {
        return Err(not_a_directory(path, &metadata));
    }
    restrict(path, &metadata)
}

fn not_a_directory(path: &Path, metadata: &fs::Metadata) -> FileError {
    FileError::WrongKind {
        path: path.to_path_buf(),
        expected: FileKind::Directory,
        found: FileKind::of(metadata.file_type()),
    }
}

#[cfg(unix)]
fn restrict(path: &Path, metadata: &fs::Metadata) -> Result<(), FileError> {
    use std::os::unix::fs::PermissionsExt;
    let mode = metadata.permissions().mode() & 0o7777;
    if mode & 0o077 == 0 {
        return Ok(());
    }
    match fs::set_permissions(path, fs::Permissions::from_mode(mode & !0o077)) {
        Ok(()) => Ok(()),
        // Not our directory, or no modes on this filesystem: see the doc above.
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::Unsupported
            ) =>
        {
            Ok(())
        }
        Err(e) => Err(FileError::io(Op::Restrict, path, e)),
    }
}

#[cfg(not(unix))]
fn restrict(_path: &Path, _metadata: &fs::Metadata) -> Result<(), FileError> {
    // Windows: a directory under the user's profile inherits an ACL that
    // already excludes other users.
    Ok(())
}
