//! What the subchain use cases return.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::views::{AmountView, ErrorView, ProvenAt};

/// A subchain's consensus kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum SubchainKindView {
    /// Its own committee signs each block with more than 2/3 of its power.
    Bft,
    /// Proof of work; competing blocks resolve by XOR distance to the parent.
    PowXor,
}

/// Where a subchain stands on the main chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum SubchainStatusView {
    /// Reports are checked and anchored.
    Active,
    /// Its committee signed two headers at one height: no more reports, the
    /// stake is locked.
    Halted,
    /// Retired by its owner.
    Retired,
}

/// What this wallet's audit says of a subchain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum AuditStateView {
    /// Never audited by this wallet.
    NotAudited,
    /// Every anchored report checked, no alert.
    Clean,
    /// Audited clean, but the chain has anchored reports since.
    Behind,
    /// Audited; evidence of misbehaviour was found (e.g. equivocation).
    Alert,
    /// A report anchored under a verified header breaks the subchain's
    /// rules (or the record disagrees with the reports): its data is not
    /// trusted past the last good report.
    Failed,
}

/// One finding of an audit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SubchainAlertView {
    /// `equivocation`, `lost-fork-choice`, `invalid-report` or
    /// `record-mismatch`.
    pub kind: String,
    /// The subchain height it is about (0 when none).
    pub height: u64,
    /// The main-chain height of the report (0 when none).
    pub main_height: u64,
    /// The rule broken, translated by the front end.
    pub error: Option<ErrorView>,
    /// The evidence file written for it, if any.
    pub evidence_path: Option<String>,
}

/// The last audit of a subchain by this wallet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditSummaryView {
    /// Clean, alert or failed (behind is decided against a newer record).
    pub state: AuditStateView,
    /// Reports checked in all.
    pub reports: u64,
    /// The audited tip's subchain height.
    pub height: u64,
    /// The audited tip's id (hex).
    pub tip: String,
    /// The main-chain height the audit reached (its record was proven there).
    pub main_height: u64,
    /// When it ran, unix ms.
    pub at_ms: u64,
    /// Members of the committee that signed the latest audited report (bft).
    pub committee_size: Option<u32>,
    /// Difficulty of the audited tip in leading zero bits (pow-xor).
    pub bits: Option<u32>,
    /// Findings.
    pub alerts: Vec<SubchainAlertView>,
}

/// A pow-xor subchain's difficulty rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PowParamsView {
    /// Leading zero bits of the first window.
    pub initial_bits: u32,
    /// Floor of the retarget.
    pub min_bits: u32,
    /// Blocks per retarget window.
    pub retarget_interval: u32,
    /// Spacing aimed at, milliseconds.
    #[ts(type = "number")]
    pub target_spacing_ms: u64,
}

/// A subchain as listed: its proven record and this wallet's audit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SubchainView {
    /// Its number.
    pub id: u32,
    /// Its name.
    pub name: String,
    /// Consensus kind.
    pub kind: SubchainKindView,
    /// Standing on the main chain.
    pub status: SubchainStatusView,
    /// Subchain height of the equivocation that halted it.
    pub halted_at: Option<u64>,
    /// Who registered it.
    pub owner: String,
    /// POINT locked while registered.
    pub stake: AmountView,
    /// Main-chain height of the registration.
    pub registered_at: u64,
    /// Hash of the genesis committee (bft).
    pub genesis_committee: Option<String>,
    /// Difficulty rules (pow-xor).
    pub pow: Option<PowParamsView>,
    /// The anchored tip's subchain height, by the proven record.
    pub anchored_height: u64,
    /// The anchored tip's id (hex).
    pub anchored_tip: String,
    /// Reports anchored in all.
    pub reports: u64,
    /// Main-chain height of the latest anchored report (0: none).
    pub last_anchor: u64,
    /// Whether the wallet audits it with every sync.
    pub followed: bool,
    /// The audit's verdict against this record.
    pub state: AuditStateView,
    /// The last audit, if any.
    pub audit: Option<AuditSummaryView>,
    /// The main-chain header the record was proven at.
    pub proven: ProvenAt,
}

/// Every registered subchain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SubchainListView {
    /// In number order.
    pub subchains: Vec<SubchainView>,
    /// How many are registered (more than listed when over the limit).
    pub registered: u32,
    /// Subchains whose audit raised an alert or failed (for a banner).
    pub alerted: u32,
    /// The main-chain header the list was proven at.
    pub proven: ProvenAt,
}

/// One audit run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SubchainAuditView {
    /// The subchain after the audit.
    pub subchain: SubchainView,
    /// Reports checked in this run.
    pub new_reports: u64,
    /// Main-chain headers proven for them.
    pub main_headers: u64,
    /// Wall time of the run, milliseconds.
    pub elapsed_ms: u64,
}

/// Where a running audit is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SubchainAuditProgressView {
    /// The subchain.
    pub subchain: u32,
    /// `headers` (proving main-chain headers `from..=to`) or `reports`
    /// (`checked` of `total`).
    pub phase: String,
    /// Reports checked.
    pub checked: u64,
    /// Reports to check.
    pub total: u64,
    /// First main height of the headers being proven.
    pub from: u64,
    /// Last.
    pub to: u64,
}

/// A subchain state value, proven against an audited subchain header.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SubchainValueView {
    /// The subchain.
    pub subchain: u32,
    /// Its name.
    pub name: String,
    /// The key.
    pub key: String,
    /// Whether the key holds a value (false: proven absent).
    pub found: bool,
    /// The value as text, when it is printable UTF-8.
    pub text: Option<String>,
    /// The value in hex.
    pub hex: Option<String>,
    /// The subchain height it is proven at.
    pub height: u64,
    /// That (audited) header's id.
    pub header: String,
    /// The main-chain height that anchored it.
    pub main_height: u64,
}

/// Subchain evidence, re-checked offline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SubchainEvidenceView {
    /// `equivocation` or `lost-fork-choice`.
    pub kind: String,
    /// The subchain.
    pub subchain: u32,
    /// The subchain height.
    pub height: u64,
    /// The two header ids (the anchored one first).
    pub headers: Vec<String>,
    /// Main-chain heights the two were anchored at.
    pub main_heights: Vec<u64>,
    /// Committee members that signed both (equivocation), hex addresses.
    pub double_signers: Vec<String>,
    /// The main chain's id.
    pub main_chain: String,
}
