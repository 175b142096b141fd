//! Use case: **verify subchain evidence offline**: an evidence file
//! (`jifen-subchain-evidence/1`) is re-checked with nothing but its own
//! contents: the signatures and work of both headers, the fork rule, and
//! each anchor proof under its main-chain header.

use std::path::Path;

use jifen_light_client::subchain::{SubchainEvidence, verify_subchain_evidence};

use super::error::SubchainFlowError;
use super::views::SubchainEvidenceView;

/// Largest evidence file read, bytes.
pub const MAX_EVIDENCE_BYTES: u64 = 8 * 1024 * 1024;

/// Verifies the subchain evidence in `path`.
///
/// # Errors
/// `files-*`, `subchain-evidence-*` (the file is not evidence, or a check
/// fails: which one, and on which side).
pub fn verify(path: &Path) -> Result<SubchainEvidenceView, SubchainFlowError> {
    let bytes = jifen_files::read_bounded(path, MAX_EVIDENCE_BYTES)?;
    let text = String::from_utf8_lossy(&bytes);
    verify_text(&text)
}

/// Verifies subchain evidence given as text.
///
/// # Errors
/// As [`verify`].
pub fn verify_text(text: &str) -> Result<SubchainEvidenceView, SubchainFlowError> {
    let evidence = SubchainEvidence::from_json(text)?;
    let verified = verify_subchain_evidence(&evidence)?;
    Ok(SubchainEvidenceView {
        kind: verified.kind.to_owned(),
        subchain: verified.subchain.get(),
        height: verified.height,
        headers: verified
            .header_hashes
            .iter()
            .map(ToString::to_string)
            .collect(),
        main_heights: verified.main_heights.to_vec(),
        double_signers: verified
            .double_signers
            .iter()
            .map(|address| hex::encode(address.as_bytes()))
            .collect(),
        main_chain: verified.main_chain.to_string(),
    })
}
