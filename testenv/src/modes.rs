//! File modes as tests check them (unix): one file's permission bits and
//! every entry under a folder, for the "0700 folders, 0600 files" rules
//! (`docs/security.md`).

use std::path::{Path, PathBuf};

/// `path`'s permission bits (`& 0o777`), not following a symlink.
///
/// # Panics
/// When `path` cannot be read (test code).
#[must_use]
#[allow(clippy::unwrap_used)]
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode()
        & 0o777
}

/// Every folder and file under `root` (root included), sorted: path,
/// whether it is a folder, its mode.
///
/// # Panics
/// When a folder cannot be listed (test code).
#[must_use]
#[allow(clippy::unwrap_used)]
pub fn walk(root: &Path) -> Vec<(PathBuf, bool, u32)> {
    let mut out = vec![(root.to_owned(), true, mode(root))];
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let is_dir = std::fs::symlink_metadata(&path).unwrap().is_dir();
            if is_dir {
                stack.push(path.clone());
            }
            out.push((path.clone(), is_dir, mode(&path)));
        }
    }
    out.sort();
    out
}
