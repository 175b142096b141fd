//! Subchain audit (`docs/adr/0019-subchains-and-their-audit.md`): the IO
//! around the pure auditor ([`crate::subchain::SubchainAudit`]).
//!
//! 1. The subchain's record is proven at the trusted header; its report
//!    count is what the audit must reach (a node that hides a report is
//!    caught by the count, not by trusting its listing).
//! 2. The reports after the last audited one are fetched from a peer in
//!    rounds of at most [`ROUND_REPORTS`]; the main-chain headers they were
//!    anchored in are proven by a walk of hash links down from the stored
//!    block above the round's highest one (no signature check per header).
//!    The first walk also keeps up to [`MAX_KEPT_HEADERS`] anchoring headers
//!    above the round for the rounds after it, so a subchain anchored in
//!    65,536 main blocks costs one walk, not one per round.
//! 3. Each report goes through the auditor in anchoring order. An answer
//!    the auditor refuses for the *peer's* sake (a bad anchor proof, a gap,
//!    a report out of order) demotes that peer and the round starts again
//!    with the next one; a report that is anchored under a verified header
//!    and still breaks its subchain's rules is the *chain's* fault: the
//!    audit stops there with that finding, and evidence is written when
//!    the finding is one anyone can re-check offline.
//!
//! The auditor is returned to the caller, who keeps it
//! ([`crate::subchain::SubchainAudit::encode_checkpoint`]) so the next audit
//! resumes after the last report checked.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use jifen_protocol::Header;
use jifen_protocol::subchain::{ReportSeal, SubchainId, SubchainRecord};

use super::{ClientError, LightClient};
use crate::light_block::LightBlock;
use crate::peer::PeerError;
use crate::progress::ProgressEvent;
use crate::proof::Proven;
use crate::store::LightStore;
use crate::subchain::{
    Alert, AnchoredReport, AuditError, ProvenSubchainValue, SubchainAudit, SubchainEvidence,
};

/// Reports checked per round.
pub const ROUND_REPORTS: u64 = 4_096;
/// Verified main-chain headers kept between rounds (about 330 bytes each).
pub const MAX_KEPT_HEADERS: usize = 65_536;
/// Reports asked per call.
pub const REPORTS_PAGE: u32 = 256;

/// Where an audit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubchainProgress {
    /// Proving the main-chain headers of a round: `from..=to`.
    Headers {
        /// Lowest main height of the round.
        from: u64,
        /// Highest.
        to: u64,
    },
    /// `checked` of `total` reports audited.
    Reports {
        /// Audited so far (this run and earlier ones).
        checked: u64,
        /// Reports the proven record counts.
        total: u64,
    },
}

/// What one audit run found.
#[derive(Debug, Clone)]
pub struct SubchainAuditRun {
    /// The record, proven at the trusted header.
    pub record: Proven<SubchainRecord>,
    /// The auditor after the run: keep it to resume.
    pub audit: SubchainAudit,
    /// Reports checked in this run.
    pub new_reports: u64,
    /// Main-chain headers proven for them.
    pub main_headers: u64,
    /// Members of the committee that signed the latest audited bft report.
    pub committee_size: Option<usize>,
    /// The chain's fault the audit stopped at, if any: a report anchored
    /// under a verified header that breaks its subchain's rules, or a record
    /// that disagrees with the anchored reports.
    pub failure: Option<AuditError>,
    /// Alerts raised in this run (an equivocation the main chain anchored,
    /// a lost fork choice it did not refuse), each with its evidence when
    /// the peer served what it needs.
    pub alerts: Vec<FoundAlert>,
}

/// An alert of one audit run.
#[derive(Debug, Clone)]
pub struct FoundAlert {
    /// What the auditor saw.
    pub alert: Alert,
    /// Its evidence, verified (`None` when the peer did not serve the
    /// earlier report or the main-chain blocks).
    pub evidence: Option<SubchainEvidence>,
    /// The file it was written to (none without an evidence folder).
    pub path: Option<PathBuf>,
}

/// Whether `error` is about the answer a peer gave (so the peer is demoted
/// and another asked) rather than about the chain.
fn peer_fault(error: &AuditError) -> bool {
    matches!(
        error,
        AuditError::MissingAnchor { .. }
            | AuditError::WrongMainChain { .. }
            | AuditError::WrongMainHeight { .. }
            | AuditError::AnchorOutOfOrder { .. }
            | AuditError::AnchorProofInvalid { .. }
    )
}

impl<S: LightStore> LightClient<S> {
    /// Subchain `id`'s record, proven at the trusted header (`None`: no
    /// such subchain): [`LightReader::subchain_record`](crate::LightReader::subchain_record)
    /// after a first sync if nothing is trusted yet.
    ///
    /// # Errors
    /// As [`LightClient::state`]; [`ClientError::SubchainRecord`].
    pub fn subchain_record(
        &mut self,
        id: SubchainId,
    ) -> Result<Option<Proven<SubchainRecord>>, ClientError> {
        self.trust_first()?;
        self.reader().subchain_record(id)
    }

    /// Audits subchain `id` up to the trusted header, resuming `resume`
    /// (an auditor kept from an earlier run of the same subchain; a
    /// different one is ignored). Sync first for a recent head.
    ///
    /// # Errors
    /// [`ClientError::SubchainUnknown`], [`ClientError::Cancelled`] (what
    /// was checked is kept in nothing: call again), [`ClientError::NoPeer`]
    /// when every peer lied or failed, store and proof errors.
    pub fn audit_subchain(
        &mut self,
        id: SubchainId,
        resume: Option<SubchainAudit>,
        progress: &mut dyn FnMut(SubchainProgress),
        cancel: &AtomicBool,
    ) -> Result<SubchainAuditRun, ClientError> {
        self.trust_first()?;
        let record = self
            .subchain_record(id)?
            .ok_or(ClientError::SubchainUnknown { subchain: id })?;
        let chain_id = self.config().chain_id.clone();
        let mut audit = match resume {
            Some(audit)
                if audit.subchain() == id
                    && audit.params() == &record.value.params
                    && audit.reports_checked() <= record.value.reports =>
            {
                audit
            }
            _ => SubchainAudit::new(chain_id, id, record.value.params),
        };
        let total = record.value.reports;
        let head = record.height;
        let start = audit.reports_checked();
        let mut main_headers = 0u64;
        let mut committee_size = None;
        let mut alerts = Vec::new();
        let mut failure = None;
        // Verified main-chain headers of the walks, kept for later rounds.
        let mut headers: BTreeMap<u64, Header> = BTreeMap::new();
        progress(SubchainProgress::Reports {
            checked: start,
            total,
        });
        'rounds: while audit.reports_checked() < total {
            if cancel.load(Ordering::Relaxed) {
                return Err(ClientError::Cancelled);
            }
            let from = audit.reports_checked();
            let want = (total - from).min(ROUND_REPORTS);
            // Reports checked are true whoever served them (each is proven
            // against a verified header), so a liar found mid-round costs
            // only the rest of the round, asked of the next peer.
            let Some(index) = self
                .peers()
                .read_order()
                .into_iter()
                .find(|&i| self.peers().is_usable(i))
            else {
                return Err(self.no_peer());
            };
            let reports = match self.fetch_reports(index, id, from, want, head, cancel)? {
                Ok(reports) => reports,
                Err(error) => {
                    self.peer_error(index, &error);
                    continue;
                }
            };
            let Some((low, high)) = main_range(&reports) else {
                self.demote(
                    index,
                    "subchain-missing-anchor",
                    format!("no report from index {from}"),
                );
                continue;
            };
            progress(SubchainProgress::Headers {
                from: low,
                to: high,
            });
            let heights: BTreeSet<u64> = reports.iter().map(|r| r.main_height).collect();
            let walked = self.main_headers(&heights, &mut headers, cancel)?;
            let Some(walked) = walked else {
                return Err(self.no_peer());
            };
            main_headers += walked;
            for report in &reports {
                if cancel.load(Ordering::Relaxed) {
                    return Err(ClientError::Cancelled);
                }
                let Some(header) = headers.get(&report.main_height) else {
                    self.demote(
                        index,
                        "lc-peer-height-unavailable",
                        format!("no header at main height {}", report.main_height),
                    );
                    continue 'rounds;
                };
                let alerts_before = audit.alerts().len();
                let checked = audit.check(header, report);
                if let ReportSeal::Bft { validators, .. } = &report.report.seal
                    && checked.is_ok()
                {
                    committee_size = Some(validators.len());
                }
                let new_alerts: Vec<Alert> = audit
                    .alerts()
                    .get(alerts_before..)
                    .unwrap_or_default()
                    .to_vec();
                for alert in new_alerts {
                    let found = self.alert_evidence(index, &audit, &alert, cancel)?;
                    let path = match &found {
                        Some(found) => self.write_subchain_evidence(found)?,
                        None => None,
                    };
                    alerts.push(FoundAlert {
                        alert,
                        evidence: found,
                        path,
                    });
                }
                match checked {
                    Ok(_) => {}
                    Err(error) if peer_fault(&error) => {
                        self.demote(index, error.code(), error.to_string());
                        continue 'rounds;
                    }
                    Err(error) => {
                        failure = Some(error);
                        break 'rounds;
                    }
                }
                progress(SubchainProgress::Reports {
                    checked: audit.reports_checked(),
                    total,
                });
            }
            // Later rounds need only heights above this round's.
            headers = headers.split_off(&high.saturating_add(1));
        }
        if failure.is_none()
            && let Err(error) = audit.finish(&record.value)
        {
            failure = Some(error);
        }
        Ok(SubchainAuditRun {
            new_reports: audit.reports_checked() - start,
            record,
            audit,
            main_headers,
            committee_size,
            failure,
            alerts,
        })
    }

    /// The value under `key` in the subchain's state, proven against the
    /// header `audit` holds at the audited tip (below the halt, for a halted
    /// subchain; or at `height`, if given and audited), with
    /// [`SubchainAudit::verify_state`].
    ///
    /// # Errors
    /// [`ClientError::SubchainNotAudited`] when `audit` holds no header at
    /// that height, [`ClientError::SubchainHalted`] at or above an
    /// equivocation, [`ClientError::NoPeer`] when no peer proves the value
    /// (each one that answered wrongly is demoted).
    pub fn subchain_value(
        &mut self,
        audit: &SubchainAudit,
        key: &str,
        height: Option<u64>,
    ) -> Result<ProvenSubchainValue, ClientError> {
        let id = audit.subchain();
        // By default the audited tip, or below a halt the last trusted height.
        let height = height.unwrap_or_else(|| match audit.halted_at() {
            Some(halted) => audit.tip().height.min(halted.saturating_sub(1)),
            None => audit.tip().height,
        });
        if let Some(halted) = audit.halted_at().filter(|&halted| height >= halted) {
            return Err(ClientError::SubchainHalted {
                subchain: id,
                height: halted,
            });
        }
        if audit.anchored(height).is_none() {
            return Err(ClientError::SubchainNotAudited {
                subchain: id,
                height,
            });
        }
        for index in self.peers().read_order() {
            if !self.peers().is_usable(index) {
                continue;
            }
            let answer = match self.peer(index).subchain_state(id, key, Some(height)) {
                Ok(answer) => answer,
                Err(error) => {
                    self.peer_error(index, &error);
                    continue;
                }
            };
            if answer.height != height || answer.key != key {
                self.demote(
                    index,
                    "subchain-state-invalid",
                    format!(
                        "asked {key:?} at height {height}, got {:?} at {}",
                        answer.key, answer.height
                    ),
                );
                continue;
            }
            match audit.verify_state(&answer) {
                Ok(proven) => return Ok(proven),
                Err(error) => self.demote(index, "subchain-state-invalid", error.to_string()),
            }
        }
        Err(self.no_peer())
    }

    /// Peer `index`'s reports `from..from + want`, all anchored at or below
    /// `head` (the proven record covers no more). The outer `Err` is the
    /// client's (cancelled); the inner one the peer's.
    fn fetch_reports(
        &self,
        index: usize,
        id: SubchainId,
        from: u64,
        want: u64,
        head: u64,
        cancel: &AtomicBool,
    ) -> Result<Result<Vec<AnchoredReport>, PeerError>, ClientError> {
        let peer = self.peer(index);
        let mut reports: Vec<AnchoredReport> = Vec::new();
        while (reports.len() as u64) < want {
            if cancel.load(Ordering::Relaxed) {
                return Err(ClientError::Cancelled);
            }
            let next = from + reports.len() as u64;
            let limit = u32::try_from(want - reports.len() as u64)
                .unwrap_or(REPORTS_PAGE)
                .min(REPORTS_PAGE);
            let page = match peer.subchain_reports(id, next, limit) {
                Ok(page) => page,
                Err(error) => return Ok(Err(error)),
            };
            if page.reports.is_empty() && !reports.is_empty() {
                // Fewer than the record counts: the audit of what came
                // shows whether reports are missing or misplaced.
                break;
            }
            if page.reports.is_empty() || page.reports.len() > limit as usize {
                // The proven record counts these reports: a peer that
                // serves none (or more than asked) is withholding or lying.
                return Ok(Err(PeerError::Inconsistent {
                    field: "subchain reports",
                    expected: format!("{limit} reports from index {next}"),
                    got: page.reports.len().to_string(),
                }));
            }
            // Gaps and renumbering are the auditor's to find (the index is
            // in the anchored leaf); a report anchored above the proven
            // head is not covered by the record and is refused here.
            for report in page.reports {
                if report.main_height > head {
                    return Ok(Err(PeerError::Inconsistent {
                        field: "subchain report",
                        expected: format!("anchored at or below main height {head}"),
                        got: format!("report {} at {}", report.index, report.main_height),
                    }));
                }
                reports.push(report);
            }
        }
        Ok(Ok(reports))
    }

    /// Makes `headers` hold the verified main-chain header at every height
    /// of `heights` (all at or below the trusted height): stored ones from
    /// the store, the others by one walk of hash links down from the stored
    /// block above the highest missing one. The walk also keeps, up to
    /// [`MAX_KEPT_HEADERS`], every header above `heights` that anchors
    /// anything, so the next rounds (higher main heights) usually need no
    /// walk of their own. The number of headers walked; `None` when no peer
    /// served the walk (each was marked for it).
    fn main_headers(
        &mut self,
        heights: &BTreeSet<u64>,
        headers: &mut BTreeMap<u64, Header>,
        cancel: &AtomicBool,
    ) -> Result<Option<u64>, ClientError> {
        let missing: BTreeSet<u64> = heights
            .iter()
            .copied()
            .filter(|height| !headers.contains_key(height))
            .collect();
        let (Some(&low), Some(&high)) = (missing.first(), missing.last()) else {
            return Ok(Some(0));
        };
        let anchor = self.stored_above(high.saturating_sub(1))?;
        if missing.contains(&anchor.height) {
            headers.insert(anchor.height, anchor.clone());
        }
        if anchor.height <= low {
            return Ok(Some(0));
        }
        let empty = jifen_protocol::merkle::empty_root();
        let mut walked = 0u64;
        let found = self.walk_with_peers(
            &anchor,
            low,
            &mut |header| match header {
                // Another peer starts the walk again: what was linked stays
                // true (it is on the trusted chain).
                None => {}
                Some(header) => {
                    walked += 1;
                    let keep = missing.contains(&header.height)
                        || (header.height > high
                            && header.anchors_root != empty
                            && headers.len() < MAX_KEPT_HEADERS);
                    if keep {
                        headers.insert(header.height, header.clone());
                    }
                }
            },
            cancel,
        )?;
        Ok(found.map(|_| walked))
    }

    /// The evidence of a new `alert`, from peer `index`: the earlier
    /// report it names and the two main-chain light blocks, each checked
    /// against the verified header at its height. `None` when the peer does
    /// not serve them consistently (the alert itself stands: the audit
    /// proved it).
    fn alert_evidence(
        &mut self,
        index: usize,
        audit: &SubchainAudit,
        alert: &Alert,
        cancel: &AtomicBool,
    ) -> Result<Option<SubchainEvidence>, ClientError> {
        let (earlier_ref, main_height) = alert.needs();
        let peer = self.peer(index);
        let Ok(page) = peer.subchain_reports(audit.subchain(), earlier_ref.index, 1) else {
            return Ok(None);
        };
        let Some(earlier) = page.reports.into_iter().next() else {
            return Ok(None);
        };
        let Some(earlier_block) =
            self.verified_light_block(index, earlier_ref.main_height, cancel)?
        else {
            return Ok(None);
        };
        let Some(block) = self.verified_light_block(index, main_height, cancel)? else {
            return Ok(None);
        };
        Ok(alert
            .evidence(audit.main_chain(), &earlier, &earlier_block, &block)
            .ok())
    }

    /// Peer `index`'s light block at `height`, if its header is the
    /// verified one there (stored, or proven by hash links below a stored
    /// block).
    fn verified_light_block(
        &mut self,
        index: usize,
        height: u64,
        cancel: &AtomicBool,
    ) -> Result<Option<LightBlock>, ClientError> {
        let verified = match self.store.get(height)? {
            Some(block) => Some(block.header),
            None => self.proven_below(height, cancel)?,
        };
        let Some(verified) = verified else {
            return Ok(None);
        };
        Ok(self
            .peer(index)
            .light_block(height)
            .ok()
            .filter(|block| block.header == verified))
    }

    pub(super) fn demote(&self, index: usize, code: &'static str, detail: String) {
        let mut events = |_: &ProgressEvent| {};
        self.peers().demote(index, code, detail, &mut events);
    }

    pub(super) fn peer_error(&self, index: usize, error: &PeerError) {
        let mut events = |_: &ProgressEvent| {};
        self.peers().peer_failed(index, error, None, &mut events);
    }

    /// Writes subchain evidence into the evidence folder (if configured):
    /// `subchain-<id>-<kind>-<height>.json`, private, atomic, durable.
    fn write_subchain_evidence(
        &self,
        evidence: &SubchainEvidence,
    ) -> Result<Option<PathBuf>, ClientError> {
        let Some(dir) = self.config().evidence_dir.clone() else {
            return Ok(None);
        };
        let name = format!(
            "subchain-{}-{}-{}.json",
            evidence.subchain(),
            evidence.kind(),
            evidence.height()
        );
        let path = dir.join(name);
        let failed = |error: jifen_files::FileError| ClientError::EvidenceWrite {
            path: path.clone(),
            message: error.to_string(),
        };
        jifen_files::create_private_dir_all(&dir).map_err(failed)?;
        jifen_files::write_atomic(&path, evidence.to_json().as_bytes()).map_err(failed)?;
        self.shared.add_evidence(path.clone());
        Ok(Some(path))
    }
}

fn main_range(reports: &[AnchoredReport]) -> Option<(u64, u64)> {
    let low = reports.iter().map(|r| r.main_height).min()?;
    let high = reports.iter().map(|r| r.main_height).max()?;
    Some((low, high))
}
