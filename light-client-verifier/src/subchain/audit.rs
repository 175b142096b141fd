//! [`SubchainAudit`]: the auditor's own view of one subchain, advanced one
//! verified anchored report at a time.

use std::collections::BTreeMap;

use jifen_protocol::subchain::{
    AnchoredHeader, ConsensusParams, Outcome, Seal, SubchainError, SubchainId, SubchainRecord,
    SubchainStatus, SubchainTip, apply_report,
};
use jifen_protocol::{ChainId, Hash32, Header};

use super::AnchoredReport;
use super::error::AuditError;

/// Where an anchored report is: enough to fetch it again
/// (`jifen_subchainReports` from `index`) and the main block anchoring it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AnchorRef {
    /// The report index.
    pub index: u64,
    /// The main height anchoring it.
    pub main_height: u64,
    /// The reported header's id.
    pub header_hash: Hash32,
}

/// What the audit saw that a person must know about; the audit goes on
/// (equivocation) or has stopped (a lost fork choice is also an error).
/// [`Alert::evidence`] makes an offline-verifiable file of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Alert {
    /// The committee signed two headers at `height`; the main chain
    /// anchored the second as `equivocation` and the subchain is halted.
    Equivocation {
        /// The subchain height.
        height: u64,
        /// The header anchored first at that height.
        first: AnchorRef,
        /// The second header's anchored report (already verified).
        second: AnchoredReport,
    },
    /// The main chain anchored a pow-xor sibling as `replaces` although it
    /// loses the XOR fork choice to the anchored tip.
    LostForkChoice {
        /// The subchain height.
        height: u64,
        /// The sibling anchored first, which wins.
        winner: AnchorRef,
        /// The losing sibling's anchored report (its anchor verified).
        loser: AnchoredReport,
    },
}

impl Alert {
    /// The stable code: `subchain-alert-equivocation` or
    /// `subchain-alert-lost-fork-choice`.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::Equivocation { .. } => "subchain-alert-equivocation",
            Self::LostForkChoice { .. } => "subchain-alert-lost-fork-choice",
        }
    }

    /// The message arguments for its code (an alert is not an error, so
    /// not `Coded`): `subchain`, `height`, and the main heights of the
    /// earlier and the later anchor (`first_main_height`,
    /// `second_main_height`).
    #[must_use]
    pub fn args(&self) -> Vec<(&'static str, jifen_protocol::message::Arg)> {
        let (earlier, later) = match self {
            Self::Equivocation { first, second, .. } => (first, second),
            Self::LostForkChoice { winner, loser, .. } => (winner, loser),
        };
        vec![
            ("subchain", later.report.header.subchain.get().into()),
            ("height", self.height().into()),
            ("first_main_height", earlier.main_height.into()),
            ("second_main_height", later.main_height.into()),
        ]
    }

    /// The subchain height concerned.
    #[must_use]
    pub const fn height(&self) -> u64 {
        match self {
            Self::Equivocation { height, .. } | Self::LostForkChoice { height, .. } => *height,
        }
    }

    /// The earlier anchored report the evidence needs (fetch it by index)
    /// and the main heights of the two light blocks to fetch: the earlier
    /// report's, then this report's.
    #[must_use]
    pub fn needs(&self) -> (AnchorRef, u64) {
        match self {
            Self::Equivocation { first, second, .. } => (*first, second.main_height),
            Self::LostForkChoice { winner, loser, .. } => (*winner, loser.main_height),
        }
    }
}

/// What [`SubchainAudit::check`] accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checked {
    /// The outcome (equal to the anchored one).
    pub outcome: Outcome,
    /// The header's height.
    pub height: u64,
    /// The header's id.
    pub header_hash: Hash32,
    /// Whether the report raised an alert ([`SubchainAudit::alerts`]).
    pub alert: bool,
}

/// One subchain's audit: the tip and anchored headers derived from the
/// anchored reports checked so far. Pure; the caller supplies verified
/// main-chain headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubchainAudit {
    pub(super) main_chain: ChainId,
    pub(super) id: SubchainId,
    pub(super) params: ConsensusParams,
    pub(super) tip: SubchainTip,
    /// Reports checked (the next expected index).
    pub(super) checked: u64,
    /// Main height and leaf index of the last report checked.
    pub(super) last: Option<(u64, u64)>,
    /// The anchored header at every height up to the tip, with the index of
    /// the report that anchored it.
    pub(super) anchored: BTreeMap<u64, (AnchoredHeader, u64)>,
    /// The height of the equivocation that halted the subchain.
    pub(super) halted: Option<u64>,
    pub(super) alerts: Vec<Alert>,
}

impl SubchainAudit {
    /// An audit of subchain `id` of `main_chain`, registered with `params`,
    /// from its first report.
    #[must_use]
    pub fn new(main_chain: ChainId, id: SubchainId, params: ConsensusParams) -> Self {
        Self {
            main_chain,
            id,
            tip: params.genesis_tip(),
            params,
            checked: 0,
            last: None,
            anchored: BTreeMap::new(),
            halted: None,
            alerts: Vec::new(),
        }
    }

    /// Checks the next anchored report `item` against `main_header`, the
    /// verified main-chain header at `item.main_height`: the report is the
    /// next one, in anchoring order, its anchor leaf is proven under the
    /// header's `anchors_root`, and [`apply_report`] on this audit's own tip
    /// accepts it with the anchored outcome. An anchored equivocation is
    /// accepted with an alert (the subchain is halted from then on).
    ///
    /// Nothing changes when it fails; a lost fork choice also adds an alert.
    ///
    /// # Errors
    /// [`AuditError`], the first rule broken.
    pub fn check(
        &mut self,
        main_header: &Header,
        item: &AnchoredReport,
    ) -> Result<Checked, AuditError> {
        if item.index != self.checked {
            return Err(AuditError::MissingAnchor {
                subchain: self.id,
                expected: self.checked,
                got: item.index,
            });
        }
        if main_header.chain_id != self.main_chain {
            return Err(AuditError::WrongMainChain {
                expected: self.main_chain.clone(),
                got: main_header.chain_id.clone(),
            });
        }
        if item.main_height != main_header.height {
            return Err(AuditError::WrongMainHeight {
                index: item.index,
                expected: main_header.height,
                got: item.main_height,
            });
        }
        if let Some((previous_height, previous_leaf)) = self.last
            && (item.main_height, item.leaf_index) <= (previous_height, previous_leaf)
        {
            return Err(AuditError::AnchorOutOfOrder {
                index: item.index,
                main_height: item.main_height,
                leaf_index: item.leaf_index,
                previous_height,
                previous_leaf,
            });
        }
        if let Some(detail) = item.anchor_problem(&main_header.anchors_root) {
            return Err(AuditError::AnchorProofInvalid {
                index: item.index,
                main_height: item.main_height,
                detail,
            });
        }
        let refused = |source| AuditError::Report {
            index: item.index,
            main_height: item.main_height,
            source,
        };
        if let Some(height) = self.halted {
            return Err(refused(SubchainError::Halted {
                subchain: self.id,
                height,
            }));
        }
        let header = &item.report.header;
        let result = apply_report(
            &self.main_chain,
            self.id,
            &self.params,
            &self.tip,
            &item.report,
            |height| self.anchored.get(&height).map(|(anchored, _)| *anchored),
        );
        let (outcome, tip) = match result {
            Ok(accepted) => accepted,
            Err(source) => {
                // The winner is the anchored tip the loser was judged against.
                if let SubchainError::LosesForkChoice { height, .. } = source
                    && item.outcome == Outcome::Replaces
                    && let Some(winner) = self.anchor_ref(height)
                {
                    let alert = Alert::LostForkChoice {
                        height,
                        winner,
                        loser: item.clone(),
                    };
                    // Checking the same item again does not repeat the alert.
                    if !self.alerts.contains(&alert) {
                        self.alerts.push(alert);
                    }
                }
                return Err(refused(source));
            }
        };
        if outcome != item.outcome {
            return Err(AuditError::OutcomeMismatch {
                index: item.index,
                main_height: item.main_height,
                anchored: item.outcome.as_str(),
                derived: outcome.as_str(),
            });
        }
        let header_hash = header.hash();
        let alert = if outcome == Outcome::Equivocation {
            // `apply_report` judged it against the header anchored there.
            if let Some(first) = self.anchor_ref(header.height) {
                self.alerts.push(Alert::Equivocation {
                    height: header.height,
                    first,
                    second: item.clone(),
                });
            }
            self.halted = Some(header.height);
            true
        } else {
            let validators_hash = match header.seal {
                Seal::Bft {
                    validators_hash, ..
                } => validators_hash,
                Seal::Pow { .. } => Hash32::ZERO,
            };
            self.anchored.insert(
                header.height,
                (
                    AnchoredHeader {
                        header_hash,
                        main_height: item.main_height,
                        validators_hash,
                    },
                    item.index,
                ),
            );
            self.tip = tip;
            false
        };
        self.checked += 1;
        self.last = Some((item.main_height, item.leaf_index));
        Ok(Checked {
            outcome,
            height: header.height,
            header_hash,
            alert,
        })
    }

    fn anchor_ref(&self, height: u64) -> Option<AnchorRef> {
        self.anchored
            .get(&height)
            .map(|(anchored, index)| AnchorRef {
                index: *index,
                main_height: anchored.main_height,
                header_hash: anchored.header_hash,
            })
    }

    /// Completeness: `record` is the subchain's record proven at the
    /// verified main-chain head, and every report it counts was audited.
    /// The audited tip and report count must be the record's, the status
    /// halted exactly when an equivocation was seen (at that height), and
    /// the last anchor height the last audited main height.
    ///
    /// # Errors
    /// [`AuditError::RecordMismatch`], [`AuditError::MissingAnchor`] (a
    /// node hid reports), [`AuditError::TipMismatch`],
    /// [`AuditError::StatusMismatch`].
    pub fn finish(&self, record: &SubchainRecord) -> Result<(), AuditError> {
        if record.params != self.params {
            return Err(AuditError::RecordMismatch {
                subchain: self.id,
                detail: "the record's consensus parameters are not the audited ones".to_owned(),
            });
        }
        if record.reports != self.checked {
            return Err(AuditError::MissingAnchor {
                subchain: self.id,
                expected: record.reports,
                got: self.checked,
            });
        }
        let last_main_height = self.last_main_height();
        if record.last_anchor_height != last_main_height {
            return Err(AuditError::RecordMismatch {
                subchain: self.id,
                detail: format!(
                    "the record's last anchor is at main height {}, the audit's at {}",
                    record.last_anchor_height, last_main_height
                ),
            });
        }
        if record.tip != self.tip {
            return Err(AuditError::TipMismatch {
                subchain: self.id,
                expected: record.tip.hash,
                expected_height: record.tip.height,
                got: self.tip.hash,
                got_height: self.tip.height,
            });
        }
        let consistent = match (record.status, self.halted) {
            (SubchainStatus::Halted { height }, Some(seen)) => height == seen,
            (SubchainStatus::Active | SubchainStatus::Retired, None) => true,
            _ => false,
        };
        if !consistent {
            return Err(AuditError::StatusMismatch {
                subchain: self.id,
                expected: status_text(record.status),
                got: self
                    .halted
                    .map_or_else(|| "active".to_owned(), |h| format!("halted at {h}")),
            });
        }
        Ok(())
    }

    /// The subchain audited.
    #[must_use]
    pub const fn subchain(&self) -> SubchainId {
        self.id
    }

    /// The main chain whose anchors are audited.
    #[must_use]
    pub const fn main_chain(&self) -> &ChainId {
        &self.main_chain
    }

    /// Its consensus parameters.
    #[must_use]
    pub const fn params(&self) -> &ConsensusParams {
        &self.params
    }

    /// The audited tip.
    #[must_use]
    pub const fn tip(&self) -> &SubchainTip {
        &self.tip
    }

    /// Reports checked so far (the next report index).
    #[must_use]
    pub const fn reports_checked(&self) -> u64 {
        self.checked
    }

    /// The main height of the last report checked (0 before the first).
    #[must_use]
    pub fn last_main_height(&self) -> u64 {
        self.last.map_or(0, |(height, _)| height)
    }

    /// The audited header at subchain `height` (to prove subchain state
    /// against its `state_root`, fetch the header and compare its id).
    #[must_use]
    pub fn anchored(&self, height: u64) -> Option<AnchoredHeader> {
        self.anchored.get(&height).map(|(anchored, _)| *anchored)
    }

    /// The height of the equivocation that halted the subchain, if any.
    #[must_use]
    pub const fn halted_at(&self) -> Option<u64> {
        self.halted
    }

    /// The alerts raised so far, oldest first.
    #[must_use]
    pub fn alerts(&self) -> &[Alert] {
        &self.alerts
    }
}

fn status_text(status: SubchainStatus) -> String {
    match status {
        SubchainStatus::Halted { height } => format!("halted at {height}"),
        other => other.as_str().to_owned(),
    }
}
