//! Durable, private and bounded file access for Jifen
//! (`docs/adr/0010-durable-files-and-test-environment.md`).
//!
//! Every file the wallet, the app, the light client and the keystore keep
//! goes through these few functions, so that the guarantees hold everywhere:
//!
//! - [`write_atomic`] / [`write_new`]: a uniquely named temporary file
//!   beside the target (mode 0600), written, fsynced, renamed over the
//!   target (or hard-linked to a new name), and the directory fsynced. After
//!   a crash the target is the old or the new content; a failed write
//!   leaves no temporary file. [`TempFile`] exposes the steps for writers
//!   that verify before replacing.
//! - [`create_private_dir_all`]: directories 0700.
//! - [`read_bounded`]: regular files only (a FIFO or a device is refused
//!   without blocking), never more than the caller's bound in memory.
//! - [`Lock`]: one holder at a time across processes, released on drop or
//!   when the process dies.
//!
//! ```
//! use jifen_files::{Lock, create_private_dir_all, lock_path, read_bounded, write_atomic};
//!
//! # fn main() -> Result<(), jifen_files::FileError> {
//! # let scratch = tempfile::tempdir().map_err(|e| jifen_files::FileError::Io {
//! #     op: jifen_files::Op::CreateDir, path: ".".into(), source: e })?;
//! let dir = scratch.path().join("wallets");
//! create_private_dir_all(&dir)?;
//! let path = dir.join("shop.settings.json");
//! let _lock = Lock::try_acquire(lock_path(&path))?;
//! write_atomic(&path, b"{}")?;
//! assert_eq!(read_bounded(&path, 64 * 1024)?, b"{}");
//! # Ok(())
//! # }
//! ```

mod dir;
mod error;
mod lock;
mod read;
mod write;

pub use dir::create_private_dir_all;
pub use error::{FileError, FileKind, Op};
pub use lock::{Lock, lock_path};
pub use read::read_bounded;
pub use write::{TempFile, leftover_temps, remove_leftover_temps, write_atomic, write_new};
