//! The one error type of durable file access, with stable `files-*` codes.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use jifen_protocol::message::{Arg, Coded};

/// What went wrong with a file, a directory or a lock, and where.
///
/// Every variant names the path concerned; [`FileError::Io`] also names the
/// operation. Messages are lower-case English for logs; front ends translate
/// by [`FileError::code`] (catalog `i18n/locales/*/errors.ftl`).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FileError {
    /// Nothing exists at the path (a read found no file).
    #[error("no file at {}", path.display())]
    NotFound {
        /// The path that was looked up.
        path: PathBuf,
    },
    /// [`crate::write_new`] found something at the path already; nothing was changed.
    #[error("a file already exists at {}", path.display())]
    AlreadyExists {
        /// The path that was to be created.
        path: PathBuf,
    },
    /// The path is of another kind than the operation needs: a FIFO, a device
    /// or a directory where a regular file is read, a file where a directory
    /// is created.
    #[error("{} is a {found}, not a {expected}", path.display())]
    WrongKind {
        /// The path concerned.
        path: PathBuf,
        /// The kind the operation needs.
        expected: FileKind,
        /// The kind found there.
        found: FileKind,
    },
    /// The file is larger than the reader accepts; nothing was kept in memory.
    #[error("{} is larger than {max} bytes", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The limit in bytes.
        max: u64,
    },
    /// Another process (or another handle in this one) holds the lock.
    #[error("{} is locked by another process", path.display())]
    Locked {
        /// The lock file.
        path: PathBuf,
    },
    /// An operating-system error during `op`.
    #[error("i/o error while trying to {op} {}: {source}", path.display())]
    Io {
        /// The step that failed.
        op: Op,
        /// The file or directory concerned.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
}

impl FileError {
    /// A stable, kebab-case message id (`files-*`).
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::NotFound { .. } => "files-not-found",
            Self::AlreadyExists { .. } => "files-already-exists",
            Self::WrongKind { .. } => "files-wrong-kind",
            Self::TooLarge { .. } => "files-too-large",
            Self::Locked { .. } => "files-locked",
            Self::Io { .. } => "files-io",
        }
    }

    /// The path concerned.
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            Self::NotFound { path }
            | Self::AlreadyExists { path }
            | Self::WrongKind { path, .. }
            | Self::TooLarge { path, .. }
            | Self::Locked { path }
            | Self::Io { path, .. } => path,
        }
    }

    /// Whether nothing exists at the path (callers often treat that as "empty").
    #[must_use]
    pub const fn is_not_found(&self) -> bool {
        matches!(self, Self::NotFound { .. })
    }

    pub(crate) fn io(op: Op, path: &Path, source: io::Error) -> Self {
        Self::Io {
            op,
            path: path.to_path_buf(),
            source,
        }
    }
}

impl Coded for FileError {
    fn code(&self) -> &'static str {
        FileError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        let path = ("path", Arg::from(self.path().display().to_string()));
        match self {
            Self::NotFound { .. } | Self::AlreadyExists { .. } | Self::Locked { .. } => {
                vec![path]
            }
            Self::WrongKind {
                expected, found, ..
            } => vec![
                path,
                ("expected", expected.as_str().into()),
                ("found", found.as_str().into()),
            ],
            Self::TooLarge { max, .. } => vec![path, ("max", (*max).into())],
            Self::Io { op, source, .. } => vec![
                path,
                ("op", op.as_str().into()),
                ("reason", source.to_string().into()),
            ],
        }
    }
}

/// The kind of a directory entry, as far as these checks care.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FileKind {
    /// A regular file.
    File,
    /// A directory.
    Directory,
    /// A symbolic link (only seen when links are not followed).
    Symlink,
    /// A named pipe: reading one blocks until a writer appears.
    Fifo,
    /// A Unix domain socket.
    Socket,
    /// A block device.
    BlockDevice,
    /// A character device (`/dev/zero` is one, and never ends).
    CharDevice,
    /// Anything else the platform reports.
    Other,
}

impl FileKind {
    /// Every kind (for tests of the message catalogs).
    pub const ALL: [Self; 8] = [
        Self::File,
        Self::Directory,
        Self::Symlink,
        Self::Fifo,
        Self::Socket,
        Self::BlockDevice,
        Self::CharDevice,
        Self::Other,
    ];

    /// The kind of `file_type`.
    #[must_use]
    pub fn of(file_type: std::fs::FileType) -> Self {
        if file_type.is_file() {
            return Self::File;
        }
        if file_type.is_dir() {
            return Self::Directory;
        }
        if file_type.is_symlink() {
            return Self::Symlink;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if file_type.is_fifo() {
                return Self::Fifo;
            }
            if file_type.is_socket() {
                return Self::Socket;
            }
            if file_type.is_block_device() {
                return Self::BlockDevice;
            }
            if file_type.is_char_device() {
                return Self::CharDevice;
            }
        }
        Self::Other
    }

    /// A stable kebab-case name (a message argument the catalogs select on).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::File => "file",
            Self::Directory => "directory",
            Self::Symlink => "symlink",
            Self::Fifo => "fifo",
            Self::Socket => "socket",
            Self::BlockDevice => "block-device",
            Self::CharDevice => "char-device",
            Self::Other => "other",
        }
    }
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::File => "regular file",
            Self::Directory => "directory",
            Self::Symlink => "symbolic link",
            Self::Fifo => "named pipe (fifo)",
            Self::Socket => "socket",
            Self::BlockDevice => "block device",
            Self::CharDevice => "character device",
            Self::Other => "special file",
        })
    }
}

/// The step of a file operation that failed (the `op` of [`FileError::Io`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Op {
    /// Opening a file for reading.
    Open,
    /// Reading its bytes.
    Read,
    /// Reading a path's type, size or mode.
    Inspect,
    /// Creating the temporary file beside the target.
    CreateTemp,
    /// Writing the temporary file.
    Write,
    /// Flushing the temporary file to stable storage.
    Sync,
    /// Renaming the temporary file over the target.
    Rename,
    /// Hard-linking the temporary file to a new name.
    Link,
    /// Flushing the directory so that a rename or link survives a crash.
    SyncDir,
    /// Creating a directory.
    CreateDir,
    /// Restricting a directory's permissions.
    Restrict,
    /// Opening or creating a lock file.
    OpenLock,
    /// Taking a lock.
    Lock,
    /// Listing a directory.
    List,
    /// Removing a file.
    Remove,
}

impl Op {
    /// Every step (for tests of the message catalogs).
    pub const ALL: [Self; 15] = [
        Self::Open,
        Self::Read,
        Self::Inspect,
        Self::CreateTemp,
        Self::Write,
        Self::Sync,
        Self::Rename,
        Self::Link,
        Self::SyncDir,
        Self::CreateDir,
        Self::Restrict,
        Self::OpenLock,
        Self::Lock,
        Self::List,
        Self::Remove,
    ];

    /// A stable kebab-case name (a message argument the catalogs select on).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Read => "read",
            Self::Inspect => "inspect",
            Self::CreateTemp => "create-temp",
            Self::Write => "write",
            Self::Sync => "sync",
            Self::Rename => "rename",
            Self::Link => "link",
            Self::SyncDir => "sync-dir",
            Self::CreateDir => "create-dir",
            Self::Restrict => "restrict",
            Self::OpenLock => "open-lock",
            Self::Lock => "lock",
            Self::List => "list",
            Self::Remove => "remove",
        }
    }
}

impl Op {
    /// The step in English words, for log lines and for error types that
    /// carry an operation as text ("create a temporary file in", "rename into place").
    #[must_use]
    pub const fn phrase(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Read => "read",
            Self::Inspect => "inspect",
            Self::CreateTemp => "create a temporary file in",
            Self::Write => "write the temporary file for",
            Self::Sync => "fsync the temporary file for",
            Self::Rename => "rename into place",
            Self::Link => "link into place",
            Self::SyncDir => "fsync the directory",
            Self::CreateDir => "create the directory",
            Self::Restrict => "restrict the permissions of",
            Self::OpenLock => "open the lock file",
            Self::Lock => "lock",
            Self::List => "list",
            Self::Remove => "remove",
        }
    }
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.phrase())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn all() -> Vec<FileError> {
        let path = PathBuf::from("/x/wallet.jks");
        vec![
            FileError::NotFound { path: path.clone() },
            FileError::AlreadyExists { path: path.clone() },
            FileError::WrongKind {
                path: path.clone(),
                expected: FileKind::File,
                found: FileKind::Fifo,
            },
            FileError::TooLarge {
                path: path.clone(),
                max: 10,
            },
            FileError::Locked { path: path.clone() },
            FileError::io(Op::Rename, &path, io::Error::other("disk on fire")),
        ]
    }

    #[test]
    fn codes_are_distinct_kebab_case_and_every_variant_names_its_path() {
        let errors = all();
        let mut codes: Vec<_> = errors.iter().map(FileError::code).collect();
        for error in &errors {
            let code = error.code();
            assert!(code.starts_with("files-"), "{code}");
            assert!(code.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
            assert_eq!(Coded::code(error), code);
            assert_eq!(error.path(), Path::new("/x/wallet.jks"));
            let args = error.args();
            assert_eq!(args.first().unwrap().0, "path");
            let message = error.to_string();
            assert!(message.contains("/x/wallet.jks"), "{message}");
            assert!(
                message.starts_with(|c: char| !c.is_uppercase()),
                "{message}"
            );
        }
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), errors.len());
    }

    #[test]
    fn arguments_carry_the_details() {
        let errors = all();
        let kind = errors.get(2).unwrap().args();
        assert!(kind.contains(&("found", Arg::from("fifo"))));
        assert!(kind.contains(&("expected", Arg::from("file"))));
        let io = errors.get(5).unwrap().args();
        assert!(io.contains(&("op", Arg::from("rename"))));
        assert!(io.contains(&("reason", Arg::from("disk on fire"))));
        assert!(
            errors
                .get(3)
                .unwrap()
                .args()
                .contains(&("max", Arg::Int(10)))
        );
        assert!(errors.first().unwrap().is_not_found());
        assert!(!errors.get(1).unwrap().is_not_found());
    }
}
