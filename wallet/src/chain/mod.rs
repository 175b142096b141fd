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
//! | [`offline`] | [`verify_bundle_file`], [`verify_evidence_file`]: checking files with no network |
//! | [`error`] | [`ChainError`] with `chain-*` codes |
//!
//! Every number the session returns was checked against a header the light
//! client verified ([`jifen_light_client`]); nothing a node says is shown
//! unverified.

pub mod amount;
pub mod error;
pub mod offline;
pub mod reader;
pub mod session;
pub mod settings;
pub mod worker;

use std::io::Write;
use std::path::Path;

pub use amount::{BASE_UNITS_PER_POINT, POINT_DECIMALS, POINT_SYMBOL, format_points, parse_points};
pub use error::ChainError;
pub use offline::{BundleReport, verify_bundle_text, verify_evidence_text};
pub use reader::{ChainReader, check_transfer};
pub use session::{ChainSession, TransferPlan};
pub use settings::{ChainSettings, DEVNET_DEFAULT_ENDPOINT, Endpoint, MAX_ENDPOINTS};
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

/// Writes `bytes` to `path` crash-safely: a temporary file beside it,
/// fsync, rename over `path`, fsync of the folder.
///
/// # Errors
/// [`ChainError::FileIo`].
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> Result<(), ChainError> {
    let io = |source: std::io::Error| ChainError::FileIo {
        path: path.to_owned(),
        source,
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => Path::new(".").to_owned(),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io(std::io::Error::other("not a file name")))?;
    let mut tmp_name = name.to_owned();
    tmp_name.push(".tmp");
    let tmp = folder.join(tmp_name);
    {
        let mut out = std::fs::File::create(&tmp).map_err(io)?;
        out.write_all(bytes).map_err(io)?;
        out.sync_all().map_err(io)?;
    }
    std::fs::rename(&tmp, path).map_err(io)?;
    // The rename is durable once the folder is synced (POSIX); best effort
    // where folders cannot be opened.
    if let Ok(dir) = std::fs::File::open(&folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}
