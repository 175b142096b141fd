//! The wallet's view of the chain: settings per network, a verifying
//! session over the light client, amounts and fees.
//!
//! | module | holds |
//! |---|---|
//! | [`settings`] | [`ChainSettings`]: endpoints (primary first, then witnesses), checkpoint, chain id; `<data>/chain/<network>/settings.json` |
//! | [`amount`] | [`parse_points`] / [`format_points`]: decimal POINT text <-> `u128` base units |
//! | [`session`] | [`ChainSession`]: sync, proven inclusion, audit bundles |
//! | [`reader`] | [`ChainReader`]: proven reads at the trusted header and broadcasting, beside a running sync |
//! | [`worker`] | [`ChainWorker`]: a thread that owns a session for a long-lived front end, one cancel token per job, status on a watch channel |
//! | [`offline`] | [`verify_bundle_text`], [`verify_evidence_text`]: checking files with no network |
//! | [`error`] | [`ChainError`] with `chain-*` codes |
//!
//! Every number the session returns was checked against a header the light
//! client verified ([`jifen_light_client`]); nothing a node says is shown
//! unverified.

pub mod amount;
pub mod error;
pub mod offline;
pub mod peers;
pub mod reader;
pub mod session;
pub mod settings;
pub mod worker;

use std::path::{Path, PathBuf};

use jifen_files::{FileError, FileKind, Op, create_private_dir_all};
use jifen_protocol::Network;

pub use amount::{BASE_UNITS_PER_POINT, POINT_DECIMALS, POINT_SYMBOL, format_points, parse_points};
pub use error::ChainError;
pub use offline::{BundleReport, verify_bundle_text, verify_evidence_text};
pub use reader::{ChainReader, check_transfer};
pub use session::{ChainSession, TransferPlan};
pub use settings::{ChainSettings, DEVNET_DEFAULT_ENDPOINT, Endpoint, EndpointKind, MAX_ENDPOINTS};
pub use worker::{ChainWorker, JobHandle};

/// The lowest fee the reference node's mempool accepts by default, in base
/// units (0.001 POINT): `jifen_node::genesis::DEFAULT_MIN_FEE`, which a test
/// in `cli/tests/chain.rs` keeps equal. Nodes do not report their minimum
/// over RPC yet; a node with a higher one refuses the transaction with
/// `tx-fee-too-low`, which is shown to the person.
pub const MIN_FEE: u128 = 1_000;

/// Checks a fee against [`MIN_FEE`].
///
/// # Errors
/// [`ChainError::FeeTooLow`].
pub fn check_fee(fee: u128) -> Result<(), ChainError> {
    if fee < MIN_FEE {
        return Err(ChainError::FeeTooLow {
            minimum: MIN_FEE,
            got: fee,
        });
    }
    Ok(())
}

/// Writes `bytes` to `path` atomically and durably, mode 0600
/// (`jifen_files::write_atomic`: a uniquely named temporary file beside it,
/// fsync, rename, fsync of the folder; no temporary file is left on
/// failure). The folder must exist.
///
/// # Errors
/// `files-*` errors.
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> Result<(), ChainError> {
    jifen_files::write_atomic(path, bytes).map_err(file_error)
}

/// A file error as a chain error, keeping its `files-*` code and arguments
/// (through the wallet's, see `store::file_error`).
pub(crate) fn file_error(error: FileError) -> ChainError {
    ChainError::Wallet(crate::store::file_error(error))
}

/// Makes `dir` ready for exported files (audit bundles, QR frames): created
/// 0700 with its missing parents when it does not exist; an existing folder
/// is left as it is, since it may be one the person chose to share from.
///
/// # Errors
/// `files-*` errors (`files-wrong-kind` for a file in the way).
pub fn create_output_dir(dir: &Path) -> Result<(), ChainError> {
    if dir.as_os_str().is_empty() || dir.is_dir() {
        return Ok(());
    }
    create_private_dir_all(dir).map_err(file_error)
}

/// Creates `<data>/chain/<network>` and its parents with mode 0700,
/// tightening the data folder, `chain/` and the network's folder if an
/// earlier version made them 0755, and returns it.
///
/// # Errors
/// `files-*` errors.
pub(crate) fn create_chain_dir(data_dir: &Path, network: Network) -> Result<PathBuf, ChainError> {
    let dir = ChainSettings::dir(data_dir, network);
    for folder in [Some(data_dir), dir.parent(), Some(dir.as_path())]
        .into_iter()
        .flatten()
        .filter(|d| !d.as_os_str().is_empty())
    {
        create_private_dir_all(folder).map_err(file_error)?;
    }
    Ok(dir)
}

/// Makes the light store's file ready for `redb`: created empty with mode
/// 0600 if missing (redb initializes an empty file; created by redb it
/// would be 0644 less the umask), made 0600 if an earlier version left it
/// open to others, and refused if it is not a regular file (redb would
/// block on a FIFO).
///
/// # Errors
/// `files-wrong-kind`, `files-io`.
pub(crate) fn prepare_store_file(path: &Path) -> Result<(), ChainError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => check_store_file(path, true),
        Err(e) => Err(file_error(FileError::Io {
            op: Op::Open,
            path: path.to_owned(),
            source: e,
        })),
    }
}

/// Checks that the existing light store at `path` is a regular file (so
/// that opening it cannot block), and with `restrict` makes it 0600.
///
/// # Errors
/// `files-wrong-kind`, `files-io`.
pub(crate) fn check_store_file(path: &Path, restrict: bool) -> Result<(), ChainError> {
    let io = |op: Op, source: std::io::Error| {
        file_error(FileError::Io {
            op,
            path: path.to_owned(),
            source,
        })
    };
    let metadata = std::fs::metadata(path).map_err(|e| io(Op::Inspect, e))?;
    let found = FileKind::of(metadata.file_type());
    if found != FileKind::File {
        return Err(file_error(FileError::WrongKind {
            path: path.to_owned(),
            expected: FileKind::File,
            found,
        }));
    }
    #[cfg(unix)]
    if restrict {
        use std::os::unix::fs::PermissionsExt;
        let mode = metadata.permissions().mode() & 0o7777;
        if mode & 0o077 != 0 {
            match std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode & 0o700)) {
                Ok(()) => {}
                // Best effort, as for folders: another user's file, or no
                // modes on this filesystem (the folder is 0700 anyway).
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::Unsupported
                    ) => {}
                Err(e) => return Err(io(Op::Restrict, e)),
            }
        }
    }
    #[cfg(not(unix))]
    let _ = restrict;
    Ok(())
}
