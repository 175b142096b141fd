//! The audit book: per network, the followed subchains and, per subchain,
//! the audit checkpoint (binary, `jifen-subchain-audit`) and the last
//! result (JSON). Files live in `<chain dir>/subchains/`, private, written
//! atomically (ADR 0010). A checkpoint that does not decode is set aside
//! and the audit starts again from the first report (nothing in it was
//! trusted without being re-checked).

use std::path::{Path, PathBuf};

use jifen_light_client::subchain::SubchainAudit;
use jifen_protocol::subchain::SubchainId;
use serde::{Deserialize, Serialize};

use super::error::SubchainFlowError;
use super::views::AuditSummaryView;
use crate::chain::ChainSession;

/// Largest checkpoint read, bytes (about 72 bytes per audited height).
pub const MAX_CHECKPOINT_BYTES: u64 = 256 * 1024 * 1024;
/// Largest status or follow file read, bytes.
pub const MAX_STATUS_BYTES: u64 = 1024 * 1024;
/// Most subchains followed.
pub const MAX_FOLLOWED: usize = 64;

const FOLLOWED_FILE: &str = "followed.json";

#[derive(Debug, Default, Serialize, Deserialize)]
struct Followed {
    followed: Vec<u32>,
}

/// The audit book of one network's chain folder.
#[derive(Debug, Clone)]
pub struct AuditBook {
    dir: PathBuf,
}

impl AuditBook {
    /// The book in `chain_dir` (the session's folder).
    #[must_use]
    pub fn new(chain_dir: &Path) -> Self {
        Self {
            dir: chain_dir.join("subchains"),
        }
    }

    /// The book of `session`'s network.
    #[must_use]
    pub fn of(session: &ChainSession) -> Self {
        Self::new(session.dir())
    }

    fn ensure(&self) -> Result<(), SubchainFlowError> {
        Ok(jifen_files::create_private_dir_all(&self.dir)?)
    }

    fn read(&self, name: &str, max: u64) -> Result<Option<Vec<u8>>, SubchainFlowError> {
        let path = self.dir.join(name);
        match jifen_files::read_bounded(&path, max) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(error) if error.is_not_found() => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    fn write(&self, name: &str, bytes: &[u8]) -> Result<(), SubchainFlowError> {
        self.ensure()?;
        Ok(jifen_files::write_atomic(self.dir.join(name), bytes)?)
    }

    /// The followed subchains, ascending (an unreadable file counts as none).
    #[must_use]
    pub fn followed(&self) -> Vec<SubchainId> {
        let Ok(Some(bytes)) = self.read(FOLLOWED_FILE, MAX_STATUS_BYTES) else {
            return Vec::new();
        };
        let followed: Followed = serde_json::from_slice(&bytes).unwrap_or_default();
        let mut ids: Vec<SubchainId> = followed
            .followed
            .into_iter()
            .filter_map(SubchainId::new)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.truncate(MAX_FOLLOWED);
        ids
    }

    /// Sets whether `id` is followed.
    ///
    /// # Errors
    /// `files-*`.
    pub fn set_followed(&self, id: SubchainId, follow: bool) -> Result<(), SubchainFlowError> {
        let mut ids = self.followed();
        ids.retain(|other| *other != id);
        if follow {
            ids.push(id);
            ids.sort_unstable();
            ids.truncate(MAX_FOLLOWED);
        }
        let file = Followed {
            followed: ids.iter().map(|id| id.get()).collect(),
        };
        let bytes = serde_json::to_vec_pretty(&file).unwrap_or_default();
        self.write(FOLLOWED_FILE, &bytes)
    }

    /// The kept auditor of `id`, if any (one that does not decode is
    /// renamed `<id>.audit.corrupt` and ignored).
    #[must_use]
    pub fn checkpoint(&self, id: SubchainId) -> Option<SubchainAudit> {
        let name = format!("{id}.audit");
        let bytes = self.read(&name, MAX_CHECKPOINT_BYTES).ok()??;
        match SubchainAudit::decode_checkpoint(&bytes) {
            Ok(audit) if audit.subchain() == id => Some(audit),
            _ => {
                let path = self.dir.join(&name);
                let _ = std::fs::rename(&path, path.with_extension("audit.corrupt"));
                None
            }
        }
    }

    /// Keeps `audit` and its summary.
    ///
    /// # Errors
    /// `files-*`.
    pub fn save(
        &self,
        audit: &SubchainAudit,
        summary: &AuditSummaryView,
    ) -> Result<(), SubchainFlowError> {
        let id = audit.subchain();
        self.write(&format!("{id}.audit"), &audit.encode_checkpoint())?;
        let bytes = serde_json::to_vec_pretty(summary).unwrap_or_default();
        self.write(&format!("{id}.status.json"), &bytes)
    }

    /// The last audit's summary of `id`, if any.
    #[must_use]
    pub fn summary(&self, id: SubchainId) -> Option<AuditSummaryView> {
        let bytes = self
            .read(&format!("{id}.status.json"), MAX_STATUS_BYTES)
            .ok()??;
        serde_json::from_slice(&bytes).ok()
    }
}

/// Follows subchain `id` in `session`'s network: it is audited with every
/// sync from now on.
///
/// # Errors
/// `files-*`.
pub fn follow(session: &ChainSession, id: SubchainId) -> Result<(), SubchainFlowError> {
    AuditBook::of(session).set_followed(id, true)
}

/// Stops following subchain `id` (its audit is kept).
///
/// # Errors
/// `files-*`.
pub fn unfollow(session: &ChainSession, id: SubchainId) -> Result<(), SubchainFlowError> {
    AuditBook::of(session).set_followed(id, false)
}
