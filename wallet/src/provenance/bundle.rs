//! A lookup's bundle: the verdict and everything it was decided from, to
//! keep or to hand to someone who re-checks it offline
//! (`jifen-provenance-bundle/1`, `docs/traceability.md#bundles`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jifen_protocol::provenance::{ItemId, PartyRecord};
use jifen_protocol::{Address, Encode, Hash32};
use serde::{Deserialize, Serialize};

use super::error::ProvenanceFlowError;
use super::views::TraceView;

/// The bundle's format name.
pub const BUNDLE_FORMAT: &str = "jifen-provenance-bundle/1";

/// A lookup's bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvenanceBundle {
    /// [`BUNDLE_FORMAT`].
    pub format: String,
    /// The item, `<gtin>/<serial>`.
    pub item: String,
    /// The verdict and its reasons, as shown.
    pub view: TraceView,
    /// The anchor record's encoding (hex), as proven at `view.proven_at`.
    pub anchor: Option<String>,
    /// The sales record's encoding (hex).
    pub sales: Option<String>,
    /// Each party's record encoding (hex), by address (hex).
    pub parties: BTreeMap<String, Option<String>>,
    /// The audited subchain header the records were proven against (hex id).
    pub subchain_header: String,
    /// The records' entries (hex), index order.
    pub records: Vec<Option<String>>,
}

impl ProvenanceBundle {
    /// The bundle of a lookup.
    #[must_use]
    pub fn new(
        view: &TraceView,
        item: &ItemId,
        anchor: Option<Vec<u8>>,
        sales: Option<Vec<u8>>,
        parties: &BTreeMap<Address, Option<PartyRecord>>,
        subchain_header: Hash32,
        records: Vec<Option<Vec<u8>>>,
    ) -> Self {
        Self {
            format: BUNDLE_FORMAT.to_owned(),
            item: item.to_string(),
            view: view.clone(),
            anchor: anchor.map(hex::encode),
            sales: sales.map(hex::encode),
            parties: parties
                .iter()
                .map(|(address, party)| {
                    (
                        hex::encode(address.as_bytes()),
                        party.as_ref().map(|p| hex::encode(p.encode())),
                    )
                })
                .collect(),
            subchain_header: subchain_header.to_string(),
            records: records.into_iter().map(|r| r.map(hex::encode)).collect(),
        }
    }

    /// The bundle's file name: `provenance-<gtin>-<serial>-<height>.json`
    /// (the serial's characters outside `[A-Za-z0-9-_]` as `_`).
    #[must_use]
    pub fn file_name(&self) -> String {
        let safe: String = self
            .item
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' })
            .collect();
        format!("provenance-{safe}-{}.json", self.view.proven_at.height)
    }
}

/// Writes `bundle` into `dir` (created if needed), crash-safely; returns
/// the file's path.
///
/// # Errors
/// `chain-file-io`.
pub fn save(bundle: &ProvenanceBundle, dir: &Path) -> Result<PathBuf, ProvenanceFlowError> {
    crate::chain::create_output_dir(dir)?;
    let path = dir.join(bundle.file_name());
    let json = serde_json::to_vec_pretty(bundle).map_err(|error| {
        ProvenanceFlowError::BundleInvalid {
            detail: error.to_string(),
        }
    })?;
    crate::chain::write_file_atomically(&path, &json)?;
    Ok(path)
}
