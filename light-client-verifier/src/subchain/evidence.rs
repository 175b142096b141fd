//! Subchain evidence: what an [`Alert`] proves, in a file anyone re-checks
//! offline with [`verify_subchain_evidence`].
//!
//! File format (`format = "jifen-subchain-evidence/1"`), JSON with one object:
//!
//! ```json
//! {
//!   "format": "jifen-subchain-evidence/1",
//!   "kind": "equivocation",
//!   "main_chain": "jifen-devnet",
//!   "subchain": 1,
//!   "parent": null,
//!   "first": { "anchored_report": "<hex>", "main_block": "<hex>" },
//!   "second": { "anchored_report": "<hex>", "main_block": "<hex>" }
//! }
//! ```
//!
//! `kind` is `equivocation` (two headers of one bft height, both committed
//! by more than 2/3 of the same committee) or `lost-fork-choice` (`first` is
//! the winning pow-xor sibling, anchored first; `second` the loser, anchored
//! after it as `replaces`; `parent` is their parent's id, 64 hex, `null` for
//! equivocation). `anchored_report` is the hex of an [`AnchoredReport`]'s
//! encoding (`index u64 || main_height u64 || leaf_index u64 || outcome u8
//! || report || anchor proof`), `main_block` the hex of the main-chain
//! [`LightBlock`] whose `anchors_root` holds it (header, commit and both
//! sets). Hex is lower-case. Nothing in a file is trusted until
//! [`verify_subchain_evidence`] says so.

use std::collections::BTreeSet;

use jifen_protocol::subchain::{
    Outcome, ReportSeal, Seal, SubchainId, meets_work, subchain_vote_digest, xor_wins,
};
use jifen_protocol::{Address, ChainId, Decode, Encode, Hash32};
use serde::{Deserialize, Serialize};

use super::AnchoredReport;
use super::audit::Alert;
use super::evidence_error::SubchainEvidenceError;
use crate::evidence::Side;
use crate::light_block::LightBlock;
use crate::verifier;

/// The `format` field of a subchain evidence file.
pub const SUBCHAIN_EVIDENCE_FORMAT: &str = "jifen-subchain-evidence/1";

/// An anchored report with the main-chain block that anchors it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchoredIn {
    /// The anchored report (its anchor proof included).
    pub item: AnchoredReport,
    /// The main-chain light block at `item.main_height`.
    pub main_block: LightBlock,
}

/// What an alert proves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubchainEvidence {
    /// A bft committee committed two headers at one height.
    Equivocation {
        /// The main chain.
        main_chain: ChainId,
        /// The subchain.
        subchain: SubchainId,
        /// One header, anchored.
        first: AnchoredIn,
        /// The other, anchored.
        second: AnchoredIn,
    },
    /// The main chain anchored a losing pow-xor sibling as `replaces`.
    LostForkChoice {
        /// The main chain.
        main_chain: ChainId,
        /// The subchain.
        subchain: SubchainId,
        /// The siblings' parent id.
        parent: Hash32,
        /// The winning sibling, anchored first.
        winner: AnchoredIn,
        /// The losing sibling, anchored after it as `replaces`.
        loser: AnchoredIn,
    },
}

/// Evidence that [`verify_subchain_evidence`] accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedSubchainEvidence {
    /// `equivocation` or `lost-fork-choice`.
    pub kind: &'static str,
    /// The main chain.
    pub main_chain: ChainId,
    /// The subchain.
    pub subchain: SubchainId,
    /// The subchain height.
    pub height: u64,
    /// The two header ids (winner first for a lost fork choice).
    pub header_hashes: [Hash32; 2],
    /// The main heights anchoring them.
    pub main_heights: [u64; 2],
    /// Committee members who signed both headers (equivocation), ascending.
    pub double_signers: Vec<Address>,
}

impl Alert {
    /// The evidence of this alert, verified: `earlier` is the anchored
    /// report the alert names ([`Alert::needs`]), `earlier_block` and
    /// `block` the main-chain light blocks at its main height and at this
    /// alert's report's.
    ///
    /// # Errors
    /// [`SubchainEvidenceError::WrongReport`] when `earlier` is not the
    /// report named, else as [`verify_subchain_evidence`].
    pub fn evidence(
        &self,
        main_chain: &ChainId,
        earlier: &AnchoredReport,
        earlier_block: &LightBlock,
        block: &LightBlock,
    ) -> Result<SubchainEvidence, SubchainEvidenceError> {
        let (reference, _) = self.needs();
        if earlier.index != reference.index || earlier.report.header.hash() != reference.header_hash
        {
            return Err(SubchainEvidenceError::WrongReport {
                index: reference.index,
                header_hash: reference.header_hash,
            });
        }
        let earlier = AnchoredIn {
            item: earlier.clone(),
            main_block: earlier_block.clone(),
        };
        let evidence = match self {
            Self::Equivocation { second, .. } => SubchainEvidence::Equivocation {
                main_chain: main_chain.clone(),
                subchain: second.report.header.subchain,
                first: earlier,
                second: AnchoredIn {
                    item: second.clone(),
                    main_block: block.clone(),
                },
            },
            Self::LostForkChoice { loser, .. } => SubchainEvidence::LostForkChoice {
                main_chain: main_chain.clone(),
                subchain: loser.report.header.subchain,
                parent: loser.report.header.parent,
                winner: earlier,
                loser: AnchoredIn {
                    item: loser.clone(),
                    main_block: block.clone(),
                },
            },
        };
        verify_subchain_evidence(&evidence)?;
        Ok(evidence)
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SideFile {
    anchored_report: String,
    main_block: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EvidenceFile {
    format: String,
    kind: String,
    main_chain: String,
    subchain: u32,
    parent: Option<String>,
    first: SideFile,
    second: SideFile,
}

impl SubchainEvidence {
    /// `equivocation` or `lost-fork-choice`.
    #[must_use]
    pub const fn kind(&self) -> &'static str {
        match self {
            Self::Equivocation { .. } => "equivocation",
            Self::LostForkChoice { .. } => "lost-fork-choice",
        }
    }

    /// The subchain it is about.
    #[must_use]
    pub const fn subchain(&self) -> SubchainId {
        self.parts().1
    }

    /// The main chain whose anchors it cites.
    #[must_use]
    pub const fn main_chain(&self) -> &ChainId {
        self.parts().0
    }

    /// The subchain height of the two headers (the second's, as claimed;
    /// [`verify_subchain_evidence`] checks they agree).
    #[must_use]
    pub const fn height(&self) -> u64 {
        self.parts().4.item.report.header.height
    }

    /// The main heights anchoring the two headers (as claimed).
    #[must_use]
    pub const fn main_heights(&self) -> [u64; 2] {
        let (_, _, _, first, second) = self.parts();
        [first.item.main_height, second.item.main_height]
    }

    const fn parts(
        &self,
    ) -> (
        &ChainId,
        SubchainId,
        Option<Hash32>,
        &AnchoredIn,
        &AnchoredIn,
    ) {
        match self {
            Self::Equivocation {
                main_chain,
                subchain,
                first,
                second,
            } => (main_chain, *subchain, None, first, second),
            Self::LostForkChoice {
                main_chain,
                subchain,
                parent,
                winner,
                loser,
            } => (main_chain, *subchain, Some(*parent), winner, loser),
        }
    }

    /// The evidence file's text (see the module docs).
    #[must_use]
    pub fn to_json(&self) -> String {
        let (main_chain, subchain, parent, first, second) = self.parts();
        let side = |s: &AnchoredIn| SideFile {
            anchored_report: hex::encode(s.item.encode()),
            main_block: hex::encode(s.main_block.encode()),
        };
        let file = EvidenceFile {
            format: SUBCHAIN_EVIDENCE_FORMAT.to_owned(),
            kind: self.kind().to_owned(),
            main_chain: main_chain.to_string(),
            subchain: subchain.get(),
            parent: parent.map(|p| p.to_string()),
            first: side(first),
            second: side(second),
        };
        // Serializing strings and numbers cannot fail.
        serde_json::to_string_pretty(&file).unwrap_or_default()
    }

    /// Reads an evidence file's text. Decoding only: check the result with
    /// [`verify_subchain_evidence`].
    ///
    /// # Errors
    /// [`SubchainEvidenceError::Json`], [`SubchainEvidenceError::UnknownFormat`],
    /// [`SubchainEvidenceError::Hex`], [`SubchainEvidenceError::Decode`].
    pub fn from_json(text: &str) -> Result<Self, SubchainEvidenceError> {
        let file: EvidenceFile =
            serde_json::from_str(text).map_err(|error| SubchainEvidenceError::Json {
                message: error.to_string(),
            })?;
        if file.format != SUBCHAIN_EVIDENCE_FORMAT {
            return Err(SubchainEvidenceError::UnknownFormat { got: file.format });
        }
        let bytes = |field: &'static str, text: &str| {
            hex::decode(text).map_err(|_| SubchainEvidenceError::Hex { field })
        };
        let decode_err = |field| move |source| SubchainEvidenceError::Decode { field, source };
        let main_chain =
            file.main_chain
                .parse::<ChainId>()
                .map_err(|_| SubchainEvidenceError::Decode {
                    field: "main_chain",
                    source: jifen_protocol::DecodeError::InvalidValue {
                        field: "main_chain",
                        offset: 0,
                        reason: "not a chain id",
                    },
                })?;
        let subchain = SubchainId::new(file.subchain).ok_or(SubchainEvidenceError::Decode {
            field: "subchain",
            source: jifen_protocol::DecodeError::InvalidValue {
                field: "subchain",
                offset: 0,
                reason: "subchain 0 does not exist",
            },
        })?;
        let side = |names: (&'static str, &'static str), s: &SideFile| {
            Ok::<_, SubchainEvidenceError>(AnchoredIn {
                item: AnchoredReport::decode(&bytes(names.0, &s.anchored_report)?)
                    .map_err(decode_err(names.0))?,
                main_block: LightBlock::decode(&bytes(names.1, &s.main_block)?)
                    .map_err(decode_err(names.1))?,
            })
        };
        let first = side(("first.anchored_report", "first.main_block"), &file.first)?;
        let second = side(
            ("second.anchored_report", "second.main_block"),
            &file.second,
        )?;
        match (file.kind.as_str(), file.parent) {
            ("equivocation", None) => Ok(Self::Equivocation {
                main_chain,
                subchain,
                first,
                second,
            }),
            ("lost-fork-choice", Some(parent)) => {
                let parent = <[u8; 32]>::try_from(bytes("parent", &parent)?)
                    .map_err(|_| SubchainEvidenceError::Hex { field: "parent" })?;
                Ok(Self::LostForkChoice {
                    main_chain,
                    subchain,
                    parent: Hash32(parent),
                    winner: first,
                    loser: second,
                })
            }
            (kind, _) => Err(SubchainEvidenceError::UnknownFormat {
                got: format!(
                    "{SUBCHAIN_EVIDENCE_FORMAT} kind {kind} (parent only for lost-fork-choice)"
                ),
            }),
        }
    }
}

/// The main block is a committed block of `main_chain` (its commit has more
/// than 2/3 of its own set), at the report's main height, and its
/// `anchors_root` proves the report's anchor leaf.
fn check_anchor(
    main_chain: &ChainId,
    subchain: SubchainId,
    side: Side,
    anchored: &AnchoredIn,
) -> Result<(), SubchainEvidenceError> {
    let block = &anchored.main_block;
    if &block.header.chain_id != main_chain {
        return Err(SubchainEvidenceError::WrongMainChain { side });
    }
    verifier::check_self_consistent(block, main_chain)
        .map_err(|source| SubchainEvidenceError::MainBlockInvalid { side, source })?;
    if anchored.item.main_height != block.height() {
        return Err(SubchainEvidenceError::MainHeightMismatch {
            side,
            expected: anchored.item.main_height,
            got: block.height(),
        });
    }
    if let Some(detail) = anchored.item.anchor_problem(&block.header.anchors_root) {
        return Err(SubchainEvidenceError::AnchorProofInvalid { side, detail });
    }
    if anchored.item.report.header.subchain != subchain {
        return Err(SubchainEvidenceError::WrongSubchain { side });
    }
    Ok(())
}

/// The committee's signers of the report's commit, when it is a valid
/// quorum commit of the header over the subchain vote digest.
fn committed_by(
    main_chain: &ChainId,
    side: Side,
    item: &AnchoredReport,
) -> Result<(Hash32, BTreeSet<Address>), SubchainEvidenceError> {
    let header = &item.report.header;
    let wrong_kind = SubchainEvidenceError::WrongKind {
        side,
        expected: "bft",
    };
    let (
        Seal::Bft {
            validators_hash, ..
        },
        ReportSeal::Bft {
            commit, validators, ..
        },
    ) = (&header.seal, &item.report.seal)
    else {
        return Err(wrong_kind);
    };
    let invalid = |detail: String| SubchainEvidenceError::CommitInvalid { side, detail };
    if validators.hash() != *validators_hash {
        return Err(invalid(
            "the committee given is not the header's".to_owned(),
        ));
    }
    let id = header.hash();
    if commit.height != header.height || commit.block_hash != id {
        return Err(invalid("the commit is for another header".to_owned()));
    }
    let digest = subchain_vote_digest(
        main_chain,
        header.subchain,
        header.height,
        commit.round,
        &id,
    );
    let tally = commit
        .tally_digest(&digest, validators)
        .map_err(|error| invalid(error.to_string()))?;
    if !tally.has_quorum() {
        return Err(invalid(format!(
            "signed by {} of {} power, not more than 2/3",
            tally.signed_power, tally.total_power
        )));
    }
    let signers = tally
        .signers
        .iter()
        .filter_map(|index| validators.get(usize::from(*index)))
        .map(|validator| validator.address)
        .collect();
    Ok((*validators_hash, signers))
}

/// Re-checks `evidence` offline. Both sides: the main block is committed
/// by more than 2/3 of its own validator set, is at the report's main
/// height, and proves the anchor leaf under its `anchors_root`; the header
/// is of the evidence's subchain. Equivocation: both bft headers at one
/// height with different ids, committed by more than 2/3 of the same
/// committee over the subchain vote digest. Lost fork choice: two pow-xor
/// headers at one height with different ids, both children of `parent`,
/// mined at the same bits and meeting them; the winner anchored before the
/// loser (main height, then leaf index), the loser anchored as `replaces`,
/// and the winner XOR-closer to the parent.
///
/// # Errors
/// [`SubchainEvidenceError`], one variant per rule.
pub fn verify_subchain_evidence(
    evidence: &SubchainEvidence,
) -> Result<VerifiedSubchainEvidence, SubchainEvidenceError> {
    let (main_chain, subchain, parent, first, second) = evidence.parts();
    check_anchor(main_chain, subchain, Side::First, first)?;
    check_anchor(main_chain, subchain, Side::Second, second)?;
    let (a, b) = (&first.item.report.header, &second.item.report.header);
    if a.height != b.height {
        return Err(SubchainEvidenceError::HeightMismatch {
            first: a.height,
            second: b.height,
        });
    }
    let ids = [a.hash(), b.hash()];
    if ids[0] == ids[1] {
        return Err(SubchainEvidenceError::NoConflict {
            header_hash: ids[0],
        });
    }
    let mut double_signers = Vec::new();
    match parent {
        None => {
            let (set_a, signers_a) = committed_by(main_chain, Side::First, &first.item)?;
            let (set_b, signers_b) = committed_by(main_chain, Side::Second, &second.item)?;
            if set_a != set_b {
                return Err(SubchainEvidenceError::SetMismatch);
            }
            double_signers = signers_a.intersection(&signers_b).copied().collect();
        }
        Some(parent) => {
            let [id_a, id_b] = ids;
            let mut bits = [0u8; 2];
            for ((side, header, id), slot) in [(Side::First, a, id_a), (Side::Second, b, id_b)]
                .into_iter()
                .zip(bits.iter_mut())
            {
                let Seal::Pow { bits: b, .. } = header.seal else {
                    return Err(SubchainEvidenceError::WrongKind {
                        side,
                        expected: "pow-xor",
                    });
                };
                if header.parent != parent {
                    return Err(SubchainEvidenceError::NotSiblings { side });
                }
                if !meets_work(&id, b) {
                    return Err(SubchainEvidenceError::InsufficientWork { side });
                }
                *slot = b;
            }
            if bits[0] != bits[1] {
                return Err(SubchainEvidenceError::BitsMismatch {
                    first: bits[0],
                    second: bits[1],
                });
            }
            let position = |s: &AnchoredIn| (s.item.main_height, s.item.leaf_index);
            if position(first) >= position(second) {
                return Err(SubchainEvidenceError::WinnerNotFirst);
            }
            if first.item.outcome == Outcome::Equivocation {
                return Err(SubchainEvidenceError::LoserNotReplaces {
                    got: first.item.outcome.as_str(),
                });
            }
            if second.item.outcome != Outcome::Replaces {
                return Err(SubchainEvidenceError::LoserNotReplaces {
                    got: second.item.outcome.as_str(),
                });
            }
            if !xor_wins(&id_a, &id_b, &parent) {
                return Err(SubchainEvidenceError::LoserWins);
            }
        }
    }
    Ok(VerifiedSubchainEvidence {
        kind: evidence.kind(),
        main_chain: main_chain.clone(),
        subchain,
        height: a.height,
        header_hashes: ids,
        main_heights: [first.item.main_height, second.item.main_height],
        double_signers,
    })
}
