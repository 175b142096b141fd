//! The wallet's subchain audit (ADR 0019, decision 8): pure checks of the
//! subchain header reports a node says the main chain anchored.
//!
//! For each followed subchain the caller proves the [`SubchainRecord`] at its
//! verified main-chain head, then feeds the anchored reports in anchoring
//! order ([`AnchoredReport`], one item of `jifen_subchainReports`) with the
//! verified main-chain header of each to [`SubchainAudit::check`]: the anchor
//! leaf must be proven under that header's `anchors_root`, and the report
//! must pass [`apply_report`] on the tip *the auditor* derived, with the
//! outcome the main chain anchored. [`SubchainAudit::finish`] compares the
//! auditor's tip and report count with the proven record, so a node cannot
//! hide a report.
//!
//! A bft equivocation the main chain anchored is an [`Alert`] (the audit
//! goes on; the subchain is halted); a report the rules refuse is an
//! [`AuditError`], and a pow-xor sibling anchored as `replaces` although it
//! loses the XOR fork choice is also an alert. [`Alert::evidence`] turns
//! an alert and the main-chain blocks it names into a [`SubchainEvidence`]
//! file that [`verify_subchain_evidence`] re-checks offline.
//!
//! A subchain state value is trusted through [`SubchainAudit::verify_state`]:
//! the node's header must be the audited one at that height and the value
//! proven under its `state_root`.
//!
//! [`SubchainRecord`]: jifen_protocol::subchain::SubchainRecord
//! [`apply_report`]: jifen_protocol::subchain::apply_report

mod audit;
mod checkpoint;
mod error;
mod evidence;
mod evidence_error;
mod state;
#[cfg(feature = "test-support")]
pub mod test_chain;

pub use audit::{Alert, AnchorRef, Checked, SubchainAudit};
pub use checkpoint::CHECKPOINT_VERSION;
pub use error::AuditError;
pub use evidence::{
    AnchoredIn, SUBCHAIN_EVIDENCE_FORMAT, SubchainEvidence, VerifiedSubchainEvidence,
    verify_subchain_evidence,
};
pub use evidence_error::SubchainEvidenceError;
pub use state::{ProvenSubchainValue, SubchainStateError, UntrustedSubchainState};

use jifen_protocol::subchain::{AnchorLeaf, Outcome, SubchainReport};
use jifen_protocol::{Decode, DecodeError, Encode, InclusionProof, Reader};

/// One anchored report as a node serves it (`jifen_subchainReports`):
/// nothing in it is trusted until [`SubchainAudit::check`] proved it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchoredReport {
    /// The report's position among the subchain's anchored reports, from 0.
    pub index: u64,
    /// The main-chain height whose `anchors_root` holds it.
    pub main_height: u64,
    /// Its leaf's position in that root.
    pub leaf_index: u64,
    /// What the main chain did with it.
    pub outcome: Outcome,
    /// The report (header and proof of its consensus).
    pub report: SubchainReport,
    /// The inclusion proof of [`AnchoredReport::leaf`] under `anchors_root`.
    pub anchor_proof: InclusionProof,
}

impl AnchoredReport {
    /// The anchor leaf this item claims: the reported header with the
    /// anchored outcome.
    #[must_use]
    pub fn leaf(&self) -> AnchorLeaf {
        AnchorLeaf::of(&self.report.header, self.index, self.outcome)
    }

    /// Why the leaf is not proven under `anchors_root` at `leaf_index`
    /// (`None`: it is).
    pub(crate) fn anchor_problem(&self, anchors_root: &jifen_protocol::Hash32) -> Option<String> {
        if self.anchor_proof.leaf_index != self.leaf_index {
            return Some(format!(
                "the proof is for leaf {}, the report says leaf {}",
                self.anchor_proof.leaf_index, self.leaf_index
            ));
        }
        self.anchor_proof
            .verify(&self.leaf().leaf_hash(), anchors_root)
            .err()
            .map(|error| error.to_string())
    }
}

impl Encode for AnchoredReport {
    /// `index u64 || main_height u64 || leaf_index u64 || outcome u8 ||
    /// report || anchor_proof` (both self-delimiting).
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.index.to_be_bytes());
        out.extend_from_slice(&self.main_height.to_be_bytes());
        out.extend_from_slice(&self.leaf_index.to_be_bytes());
        out.push(self.outcome.to_u8());
        self.report.encode_to(out);
        self.anchor_proof.encode_to(out);
    }
}

impl Decode for AnchoredReport {
    const NAME: &'static str = "anchored report";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let index = reader.u64("index")?;
        let main_height = reader.u64("main height")?;
        let leaf_index = reader.u64("leaf index")?;
        Ok(Self {
            index,
            main_height,
            leaf_index,
            outcome: read_outcome(reader)?,
            report: SubchainReport::decode_from(reader)?,
            anchor_proof: InclusionProof::decode_from(reader)?,
        })
    }
}

pub(crate) fn read_outcome(reader: &mut Reader<'_>) -> Result<Outcome, DecodeError> {
    let offset = reader.offset();
    let byte = reader.u8("outcome")?;
    Outcome::from_u8(byte).ok_or(DecodeError::BadTag {
        field: "outcome",
        offset,
        got: byte,
    })
}
