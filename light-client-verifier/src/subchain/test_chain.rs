//! Subchain fixtures (cargo feature `test-support`): bft subchains signed by
//! [`TestKey`] committees, pow-xor subchains mined at low bits, an honest
//! main chain's bookkeeping ([`NodeView`], the same `apply_report` the node
//! runs), and main chains whose headers anchor given reports, so tests and
//! benchmarks produce real [`AnchoredReport`]s with proofs. **The keys are
//! public test keys**: never use them for value.
//!
//! A failed fixture step panics, like a failed test.
#![allow(
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::missing_panics_doc
)]

use std::collections::BTreeMap;

use jifen_protocol::subchain::pow::starts_window;
use jifen_protocol::subchain::{
    AnchorLeaf, AnchoredHeader, ConsensusParams, Outcome, PowParams, ReportSeal, Seal,
    SubchainError, SubchainHeader, SubchainId, SubchainRecord, SubchainReport, SubchainStatus,
    SubchainTip, TipState, apply_report, expected_bits, meets_work, subchain_vote_digest,
};
use jifen_protocol::{
    Address, ChainId, Commit, CommitSignature, Hash32, Validator, ValidatorSet, sha256,
};

use super::AnchoredReport;
use crate::test_chain::{Chain, TestKey, static_set};

/// `jifen-devnet`, the main chain of the fixtures.
#[must_use]
pub fn devnet() -> ChainId {
    ChainId::new("jifen-devnet").expect("a valid chain id")
}

/// Subchain `n`.
#[must_use]
pub fn subchain(n: u32) -> SubchainId {
    SubchainId::new(n).expect("a subchain from 1")
}

/// A bft committee: test keys by number with their power.
#[derive(Debug, Clone)]
pub struct Committee {
    /// The set, in canonical order.
    pub set: ValidatorSet,
    keys: BTreeMap<Address, TestKey>,
}

impl Committee {
    /// Keys `members` (number, power).
    #[must_use]
    pub fn new(members: &[(u32, u64)]) -> Self {
        let mut keys = BTreeMap::new();
        let mut validators = Vec::new();
        for &(n, power) in members {
            let key = TestKey::new(n);
            validators.push(Validator::new(key.public_key(), power));
            keys.insert(key.address(), key);
        }
        Self {
            set: ValidatorSet::new(validators).expect("a valid committee"),
            keys,
        }
    }

    /// `size` members of power 10, keys `first..first + size`.
    #[must_use]
    pub fn numbered(first: u32, size: u32) -> Self {
        let members: Vec<(u32, u64)> = (first..first + size).map(|n| (n, 10)).collect();
        Self::new(&members)
    }

    /// Every member's index.
    #[must_use]
    pub fn all(&self) -> Vec<usize> {
        (0..self.set.len()).collect()
    }

    /// A commit of `header` (round 0) by the members at `indices`, over the
    /// subchain vote digest of `main_chain`.
    #[must_use]
    pub fn commit(
        &self,
        main_chain: &ChainId,
        header: &SubchainHeader,
        indices: &[usize],
    ) -> Commit {
        let id = header.hash();
        let digest = subchain_vote_digest(main_chain, header.subchain, header.height, 0, &id);
        let mut sorted = indices.to_vec();
        sorted.sort_unstable();
        Commit {
            height: header.height,
            round: 0,
            block_hash: id,
            signatures: sorted
                .iter()
                .map(|&index| {
                    let validator = self.set.get(index).expect("an index in the committee");
                    CommitSignature {
                        validator_index: u16::try_from(index).expect("a small index"),
                        signature: self.keys[&validator.address].sign_digest(&digest),
                    }
                })
                .collect(),
        }
    }

    /// The report of `header` signed by every member, with `next` when the
    /// committee changes after it.
    #[must_use]
    pub fn report(
        &self,
        main_chain: &ChainId,
        header: SubchainHeader,
        next: Option<&Committee>,
    ) -> SubchainReport {
        let commit = self.commit(main_chain, &header, &self.all());
        SubchainReport {
            header,
            seal: ReportSeal::Bft {
                commit,
                validators: self.set.clone(),
                next_validators: next.map(|c| c.set.clone()),
            },
        }
    }
}

/// A bft subchain producing its own blocks: one per second from `T0`.
#[derive(Debug, Clone)]
pub struct BftSubchain {
    /// The main chain its votes name.
    pub main_chain: ChainId,
    /// Its number.
    pub id: SubchainId,
    /// The committee that signs height 1.
    pub genesis: Committee,
    committee: Committee,
    headers: Vec<(SubchainHeader, Committee)>,
}

impl BftSubchain {
    /// Subchain `id` of `jifen-devnet` with `genesis` as its first committee.
    #[must_use]
    pub fn new(id: u32, genesis: Committee) -> Self {
        Self {
            main_chain: devnet(),
            id: subchain(id),
            committee: genesis.clone(),
            genesis,
            headers: Vec::new(),
        }
    }

    /// Its registered consensus.
    #[must_use]
    pub fn params(&self) -> ConsensusParams {
        ConsensusParams::Bft {
            genesis_validators_hash: self.genesis.set.hash(),
        }
    }

    fn header(&self, height: u64, parent: Hash32, salt: u8, next: &Committee) -> SubchainHeader {
        SubchainHeader {
            subchain: self.id,
            height,
            time_ms: crate::test_chain::T0 + height * 1_000,
            parent,
            tx_root: Hash32(sha256(&[salt])),
            state_root: Hash32(sha256(format!("state/{height}/{salt}").as_bytes())),
            seal: Seal::Bft {
                validators_hash: self.committee_at(height).set.hash(),
                next_validators_hash: next.set.hash(),
            },
        }
    }

    fn committee_at(&self, height: u64) -> &Committee {
        self.headers
            .get(usize::try_from(height).expect("a small height") - 1)
            .map_or(&self.committee, |(_, committee)| committee)
    }

    /// The next block, signed by the current committee; with `change_to`
    /// the committee after it is that one.
    pub fn next(&mut self, change_to: Option<Committee>) -> SubchainReport {
        let height = self.headers.len() as u64 + 1;
        let parent = self.headers.last().map_or(Hash32::ZERO, |(h, _)| h.hash());
        let next = change_to.clone().unwrap_or_else(|| self.committee.clone());
        let header = self.header(height, parent, 0, &next);
        let report = self
            .committee
            .report(&self.main_chain, header.clone(), change_to.as_ref());
        self.headers.push((header, self.committee.clone()));
        if let Some(next) = change_to {
            self.committee = next;
        }
        report
    }

    /// [`BftSubchain::next`] (no committee change) committing to
    /// `state_root`.
    pub fn next_with_state(&mut self, state_root: Hash32) -> SubchainReport {
        let height = self.headers.len() as u64 + 1;
        let parent = self.headers.last().map_or(Hash32::ZERO, |(h, _)| h.hash());
        let mut header = self.header(height, parent, 0, &self.committee.clone());
        header.state_root = state_root;
        let report = self
            .committee
            .report(&self.main_chain, header.clone(), None);
        self.headers.push((header, self.committee.clone()));
        report
    }

    /// A second header at produced `height`, committed by that height's
    /// committee: an equivocation.
    #[must_use]
    pub fn twin(&self, height: u64) -> SubchainReport {
        let (original, committee) = &self.headers[usize::try_from(height).expect("small") - 1];
        let mut header = original.clone();
        header.state_root = Hash32(sha256(format!("twin/{height}").as_bytes()));
        committee.report(&self.main_chain, header, None)
    }

    /// The header produced at `height`.
    #[must_use]
    pub fn produced(&self, height: u64) -> &SubchainHeader {
        &self.headers[usize::try_from(height).expect("small") - 1].0
    }
}

/// The main chain's bookkeeping of one subchain, as an honest node keeps it:
/// `apply_report` on the record's tip, the anchored header per height.
#[derive(Debug, Clone)]
pub struct NodeView {
    /// The main chain.
    pub main_chain: ChainId,
    /// The subchain.
    pub id: SubchainId,
    /// Its consensus.
    pub params: ConsensusParams,
    /// The anchored tip.
    pub tip: SubchainTip,
    /// The anchored header per height.
    pub anchored: BTreeMap<u64, AnchoredHeader>,
    /// Reports anchored.
    pub reports: u64,
    /// The equivocation height, once halted.
    pub halted: Option<u64>,
}

impl NodeView {
    /// A freshly registered subchain.
    #[must_use]
    pub fn new(id: SubchainId, params: ConsensusParams) -> Self {
        Self {
            main_chain: devnet(),
            id,
            params,
            tip: params.genesis_tip(),
            anchored: BTreeMap::new(),
            reports: 0,
            halted: None,
        }
    }

    /// What the node would do with `report` (nothing changes).
    ///
    /// # Errors
    /// The rule it breaks.
    pub fn check(&self, report: &SubchainReport) -> Result<(Outcome, SubchainTip), SubchainError> {
        if let Some(height) = self.halted {
            return Err(SubchainError::Halted {
                subchain: self.id,
                height,
            });
        }
        apply_report(
            &self.main_chain,
            self.id,
            &self.params,
            &self.tip,
            report,
            |height| self.anchored.get(&height).copied(),
        )
    }

    /// Anchors `report` at `main_height` as the node does; panics when the
    /// rules refuse it.
    pub fn accept(&mut self, report: &SubchainReport, main_height: u64) -> Outcome {
        let (outcome, tip) = self
            .check(report)
            .unwrap_or_else(|error| panic!("the node refuses the report: {error}"));
        if outcome == Outcome::Equivocation {
            self.halted = Some(report.header.height);
        } else {
            let validators_hash = match report.header.seal {
                Seal::Bft {
                    validators_hash, ..
                } => validators_hash,
                Seal::Pow { .. } => Hash32::ZERO,
            };
            self.anchored.insert(
                report.header.height,
                AnchoredHeader {
                    header_hash: report.header.hash(),
                    main_height,
                    validators_hash,
                },
            );
            self.tip = tip;
        }
        self.reports += 1;
        outcome
    }

    /// The bits the rule requires at the next height (pow-xor).
    #[must_use]
    pub fn next_bits(&self) -> u8 {
        let (
            ConsensusParams::PowXor(pow),
            TipState::Pow {
                bits,
                window_start_ms,
            },
        ) = (self.params, self.tip.state)
        else {
            panic!("a pow-xor subchain")
        };
        let height = self.tip.height + 1;
        if height == 1 {
            pow.initial_bits
        } else if starts_window(&pow, height) {
            expected_bits(&pow, bits, self.tip.time_ms.saturating_sub(window_start_ms))
        } else {
            bits
        }
    }

    /// The subchain record at main height `last_anchor_height`.
    #[must_use]
    pub fn record(&self, last_anchor_height: u64) -> SubchainRecord {
        SubchainRecord {
            owner: TestKey::new(1).address(),
            name: "fixture".to_owned(),
            stake: jifen_protocol::subchain::MIN_SUBCHAIN_STAKE,
            registered_at: 1,
            status: self
                .halted
                .map_or(SubchainStatus::Active, |height| SubchainStatus::Halted {
                    height,
                }),
            params: self.params,
            tip: self.tip,
            reports: self.reports,
            last_anchor_height,
        }
    }
}

/// Pow-xor parameters for tests: 4 bits (about 16 hashes a block), floor 2,
/// windows of 8 blocks aimed at 1 s.
pub const TEST_POW: PowParams = PowParams {
    initial_bits: 4,
    min_bits: 2,
    retarget_interval: 8,
    target_spacing_ms: 1_000,
};

/// A pow-xor header of `id` at `height` on `parent`, mined at `bits`
/// (the first nonce from 0 that meets them); `salt` makes siblings differ.
#[must_use]
pub fn mine(
    id: SubchainId,
    height: u64,
    parent: Hash32,
    time_ms: u64,
    bits: u8,
    salt: u64,
) -> SubchainReport {
    let mut header = SubchainHeader {
        subchain: id,
        height,
        time_ms,
        parent,
        tx_root: Hash32(sha256(&salt.to_be_bytes())),
        state_root: Hash32(sha256(format!("pow/{height}/{salt}").as_bytes())),
        seal: Seal::Pow { bits, nonce: 0 },
    };
    for nonce in 0.. {
        header.seal = Seal::Pow { bits, nonce };
        if meets_work(&header.hash(), bits) {
            break;
        }
    }
    SubchainReport {
        header,
        seal: ReportSeal::Pow,
    }
}

/// A mined child of `view`'s tip at `time_ms`, at the bits the rule needs.
#[must_use]
pub fn mine_next(view: &NodeView, time_ms: u64, salt: u64) -> SubchainReport {
    mine(
        view.id,
        view.tip.height + 1,
        view.tip.hash,
        time_ms,
        view.next_bits(),
        salt,
    )
}

/// A mined sibling of `view`'s tip (same parent and bits).
#[must_use]
pub fn mine_sibling(view: &NodeView, salt: u64) -> SubchainReport {
    let TipState::Pow { bits, .. } = view.tip.state else {
        panic!("a pow-xor subchain")
    };
    mine(
        view.id,
        view.tip.height,
        view.tip.parent,
        view.tip.time_ms,
        bits,
        salt,
    )
}

/// A main chain anchoring reports, and the anchored items a node serves.
#[derive(Debug, Clone)]
pub struct Anchored {
    /// The main chain (blocks `1..=last anchoring height + 1`).
    pub chain: Chain,
    /// The anchored reports, in anchoring order.
    pub items: Vec<AnchoredReport>,
}

/// Anchors `reports` (each with the outcome the main chain records),
/// `per_block` per main block from main height `first_height`, after
/// `foreign` leaves of another subchain in each block (so leaf indices do
/// not start at 0).
#[must_use]
pub fn anchor(
    reports: &[(SubchainReport, Outcome)],
    per_block: usize,
    first_height: u64,
    foreign: usize,
) -> Anchored {
    let mut leaves: BTreeMap<u64, Vec<Hash32>> = BTreeMap::new();
    let mut placed = Vec::new();
    for (i, chunk) in reports.chunks(per_block.max(1)).enumerate() {
        let height = first_height + i as u64;
        let block = leaves.entry(height).or_default();
        for n in 0..foreign {
            let other = AnchorLeaf {
                subchain: subchain(999),
                index: n as u64,
                height: n as u64 + 1,
                header_hash: Hash32(sha256(format!("foreign/{height}/{n}").as_bytes())),
                outcome: Outcome::Extends,
            };
            block.push(other.leaf_hash());
        }
        for (report, outcome) in chunk {
            let leaf = AnchorLeaf {
                subchain: report.header.subchain,
                index: placed.len() as u64,
                height: report.header.height,
                header_hash: report.header.hash(),
                outcome: *outcome,
            };
            placed.push((height, block.len(), report.clone(), *outcome));
            block.push(leaf.leaf_hash());
        }
    }
    let last = leaves.keys().last().copied().unwrap_or(first_height);
    let chain = Chain::new(last + 1, 1_000, static_set).with_anchors(leaves);
    let items = placed
        .into_iter()
        .enumerate()
        .map(
            |(index, (main_height, leaf, report, outcome))| AnchoredReport {
                index: index as u64,
                main_height,
                leaf_index: leaf as u64,
                outcome,
                report,
                anchor_proof: chain.anchor_proof(main_height, leaf),
            },
        )
        .collect();
    Anchored { chain, items }
}
