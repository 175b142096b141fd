//! [`apply_report`]: the one check of a subchain header report, shared by
//! the node's execution and the wallet's audit; the anchor leaf and root;
//! [`SubchainError`] and its stable numbers ([`SubchainCode`]).

use super::header::{Seal, SubchainHeader, subchain_vote_digest};
use super::pow::{expected_bits, meets_work, starts_window, xor_wins};
use super::record::{AnchoredHeader, ConsensusParams, SubchainTip, TipState};
use super::tx::{ReportSeal, SubchainReport};
use super::{MAX_COMMITTEE, SubchainId};
use crate::encoding::{Decode, DecodeError, Encode, Reader};
use crate::message::{Arg, Coded};
use crate::{ChainId, Hash32, merkle};

/// What the main chain did with an accepted report; the last byte of its
/// anchor leaf.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// `0x01`: the header extends the tip by one height.
    Extends,
    /// `0x02`: a pow-xor sibling of the tip won the XOR fork choice and
    /// replaced it.
    Replaces,
    /// `0x03`: a second header, validly committed, at an anchored bft height;
    /// anchored as evidence, the subchain is halted.
    Equivocation,
}

impl Outcome {
    /// The wire value.
    #[must_use]
    pub const fn to_u8(self) -> u8 {
        match self {
            Self::Extends => 1,
            Self::Replaces => 2,
            Self::Equivocation => 3,
        }
    }

    /// The outcome with wire value `value`.
    #[must_use]
    pub const fn from_u8(value: u8) -> Option<Self> {
        match value {
            1 => Some(Self::Extends),
            2 => Some(Self::Replaces),
            3 => Some(Self::Equivocation),
            _ => None,
        }
    }

    /// The text form.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Extends => "extends",
            Self::Replaces => "replaces",
            Self::Equivocation => "equivocation",
        }
    }
}

/// One leaf of a main-chain header's `anchors_root`: `subchain u32 ||
/// index u64 || height u64 || header id (32) || outcome u8` (53 bytes).
/// The index numbers the subchain's anchored reports from 0, so a node
/// cannot hide a report and renumber the rest: every report's place is
/// committed by the main chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AnchorLeaf {
    /// The subchain.
    pub subchain: SubchainId,
    /// The report's position among the subchain's anchored reports, from 0
    /// (the record's report count before it).
    pub index: u64,
    /// The reported header's height.
    pub height: u64,
    /// The reported header's id.
    pub header_hash: Hash32,
    /// What the main chain did with it.
    pub outcome: Outcome,
}

/// The length of an anchor leaf's encoding.
pub const ANCHOR_LEAF_LEN: usize = 53;

impl AnchorLeaf {
    /// The leaf of `header` anchored as report `index` of its subchain with
    /// `outcome`.
    #[must_use]
    pub fn of(header: &SubchainHeader, index: u64, outcome: Outcome) -> Self {
        Self {
            subchain: header.subchain,
            index,
            height: header.height,
            header_hash: header.hash(),
            outcome,
        }
    }

    /// The RFC 6962 leaf hash (`SHA256(0x00 || encoding)`) an anchor proof
    /// is checked with.
    #[must_use]
    pub fn leaf_hash(&self) -> Hash32 {
        merkle::leaf_hash(&self.encode())
    }
}

impl Encode for AnchorLeaf {
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.subchain.get().to_be_bytes());
        out.extend_from_slice(&self.index.to_be_bytes());
        out.extend_from_slice(&self.height.to_be_bytes());
        out.extend_from_slice(self.header_hash.as_bytes());
        out.push(self.outcome.to_u8());
    }
}

impl Decode for AnchorLeaf {
    const NAME: &'static str = "anchor leaf";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let subchain = super::read_subchain(reader, "subchain")?;
        let index = reader.u64("report index")?;
        let height_offset = reader.offset();
        let height = reader.u64("height")?;
        if height == 0 {
            return Err(DecodeError::InvalidValue {
                field: "height",
                offset: height_offset,
                reason: "subchain heights start at 1",
            });
        }
        let header_hash = Hash32(reader.array("header hash")?);
        let offset = reader.offset();
        let byte = reader.u8("outcome")?;
        let outcome = Outcome::from_u8(byte).ok_or(DecodeError::BadTag {
            field: "outcome",
            offset,
            got: byte,
        })?;
        Ok(Self {
            subchain,
            index,
            height,
            header_hash,
            outcome,
        })
    }
}

/// A main-chain header's `anchors_root`: the RFC 6962 root over the block's
/// anchor leaves in block order (the empty-tree root without reports).
#[must_use]
pub fn anchors_root(leaves: &[AnchorLeaf]) -> Hash32 {
    let encodings: Vec<Vec<u8>> = leaves.iter().map(Encode::encode).collect();
    merkle::root(&encodings)
}

/// The stable number and code of a subchain rule, as the node reports it
/// (JSON-RPC error code and block result code, `docs/rpc.md#errors`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SubchainCode {
    /// 1201 `subchain-unknown`.
    Unknown,
    /// 1202 `subchain-halted`.
    Halted,
    /// 1203 `subchain-retired`.
    Retired,
    /// 1204 `subchain-stake-too-low`.
    StakeTooLow,
    /// 1205 `subchain-not-owner`.
    NotOwner,
    /// 1206 `subchain-registry-full`.
    RegistryFull,
    /// 1210 `subchain-wrong-kind`.
    WrongKind,
    /// 1211 `subchain-skipped-height`.
    SkippedHeight,
    /// 1212 `subchain-broken-parent`.
    BrokenParent,
    /// 1213 `subchain-time-backwards`.
    TimeBackwards,
    /// 1214 `subchain-wrong-validators`.
    WrongValidators,
    /// 1215 `subchain-bad-next-validators`.
    BadNextValidators,
    /// 1216 `subchain-bad-commit`.
    BadCommit,
    /// 1217 `subchain-no-quorum`.
    NoQuorum,
    /// 1218 `subchain-wrong-bits`.
    WrongBits,
    /// 1219 `subchain-insufficient-work`.
    InsufficientWork,
    /// 1220 `subchain-loses-fork-choice`.
    LosesForkChoice,
    /// 1221 `subchain-reorg-too-deep`.
    ReorgTooDeep,
    /// 1222 `subchain-already-anchored`.
    AlreadyAnchored,
    /// 1223 `subchain-wrong-subchain`.
    WrongSubchain,
}

impl SubchainCode {
    /// Every code, in number order.
    pub const ALL: [Self; 20] = [
        Self::Unknown,
        Self::Halted,
        Self::Retired,
        Self::StakeTooLow,
        Self::NotOwner,
        Self::RegistryFull,
        Self::WrongKind,
        Self::SkippedHeight,
        Self::BrokenParent,
        Self::TimeBackwards,
        Self::WrongValidators,
        Self::BadNextValidators,
        Self::BadCommit,
        Self::NoQuorum,
        Self::WrongBits,
        Self::InsufficientWork,
        Self::LosesForkChoice,
        Self::ReorgTooDeep,
        Self::AlreadyAnchored,
        Self::WrongSubchain,
    ];

    /// The stable number.
    #[must_use]
    pub const fn number(self) -> u16 {
        match self {
            Self::Unknown => 1201,
            Self::Halted => 1202,
            Self::Retired => 1203,
            Self::StakeTooLow => 1204,
            Self::NotOwner => 1205,
            Self::RegistryFull => 1206,
            Self::WrongKind => 1210,
            Self::SkippedHeight => 1211,
            Self::BrokenParent => 1212,
            Self::TimeBackwards => 1213,
            Self::WrongValidators => 1214,
            Self::BadNextValidators => 1215,
            Self::BadCommit => 1216,
            Self::NoQuorum => 1217,
            Self::WrongBits => 1218,
            Self::InsufficientWork => 1219,
            Self::LosesForkChoice => 1220,
            Self::ReorgTooDeep => 1221,
            Self::AlreadyAnchored => 1222,
            Self::WrongSubchain => 1223,
        }
    }

    /// The code with number `number`.
    #[must_use]
    pub fn from_number(number: u16) -> Option<Self> {
        Self::ALL.into_iter().find(|code| code.number() == number)
    }

    /// The stable kebab-case code.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Unknown => "subchain-unknown",
            Self::Halted => "subchain-halted",
            Self::Retired => "subchain-retired",
            Self::StakeTooLow => "subchain-stake-too-low",
            Self::NotOwner => "subchain-not-owner",
            Self::RegistryFull => "subchain-registry-full",
            Self::WrongKind => "subchain-wrong-kind",
            Self::SkippedHeight => "subchain-skipped-height",
            Self::BrokenParent => "subchain-broken-parent",
            Self::TimeBackwards => "subchain-time-backwards",
            Self::WrongValidators => "subchain-wrong-validators",
            Self::BadNextValidators => "subchain-bad-next-validators",
            Self::BadCommit => "subchain-bad-commit",
            Self::NoQuorum => "subchain-no-quorum",
            Self::WrongBits => "subchain-wrong-bits",
            Self::InsufficientWork => "subchain-insufficient-work",
            Self::LosesForkChoice => "subchain-loses-fork-choice",
            Self::ReorgTooDeep => "subchain-reorg-too-deep",
            Self::AlreadyAnchored => "subchain-already-anchored",
            Self::WrongSubchain => "subchain-wrong-subchain",
        }
    }
}

/// Why a subchain transaction or report is refused, with the values a
/// person needs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SubchainError {
    /// No subchain has this number.
    #[error("subchain {0} is not registered")]
    Unknown(SubchainId),
    /// Halted after its committee equivocated at `height`.
    #[error("subchain {subchain} is halted: its committee signed two headers at height {height}")]
    Halted {
        /// The subchain.
        subchain: SubchainId,
        /// Subchain height of the equivocation.
        height: u64,
    },
    /// Retired by its owner.
    #[error("subchain {0} is retired")]
    Retired(SubchainId),
    /// The stake is below the minimum.
    #[error("a subchain stake of {got} is below the minimum {min}")]
    StakeTooLow {
        /// The minimum, POINT base units.
        min: u128,
        /// Offered.
        got: u128,
    },
    /// Only the owner may retire it.
    #[error("only the owner of subchain {0} may retire it")]
    NotOwner(SubchainId),
    /// No more subchains can be registered.
    #[error("the subchain registry is full")]
    RegistryFull,
    /// The header is for another subchain than the one audited.
    #[error("the header is for subchain {got}, expected {expected}")]
    WrongSubchain {
        /// The audited subchain.
        expected: SubchainId,
        /// The header's.
        got: SubchainId,
    },
    /// The header's consensus kind is not the registered one.
    #[error("the header is {got}, the subchain is registered as {expected}")]
    WrongKind {
        /// Registered.
        expected: &'static str,
        /// The header's.
        got: &'static str,
    },
    /// The header leaves a gap after the tip.
    #[error("the header is at height {got}, the next height is {expected}")]
    SkippedHeight {
        /// `tip + 1`.
        expected: u64,
        /// The header's.
        got: u64,
    },
    /// The header's parent is not the block below it.
    #[error("the header at height {height} names parent {got}, expected {expected}")]
    BrokenParent {
        /// The header's height.
        height: u64,
        /// The anchored block below.
        expected: Hash32,
        /// The header's parent.
        got: Hash32,
    },
    /// The header's time is before its parent's.
    #[error("the header's time {got} is before its parent's {parent}")]
    TimeBackwards {
        /// The parent's time.
        parent: u64,
        /// The header's.
        got: u64,
    },
    /// The signing committee is not the one the chain of headers names.
    #[error("the header at height {height} is signed by committee {got}, expected {expected}")]
    WrongValidators {
        /// The header's height.
        height: u64,
        /// The committee the previous header (or the registration) names.
        expected: Hash32,
        /// The one given.
        got: Hash32,
    },
    /// The next committee is missing, unexpected, too large or not the one
    /// the header names.
    #[error("the next committee of height {height} is missing, unexpected or wrong")]
    BadNextValidators {
        /// The header's height.
        height: u64,
    },
    /// The commit is not for this header or a signature is bad.
    #[error("bad commit for height {height}: {detail}")]
    BadCommit {
        /// The header's height.
        height: u64,
        /// What is wrong.
        detail: String,
    },
    /// The commit's signers hold 2/3 of the power or less.
    #[error(
        "the commit for height {height} is signed by {signed} of {total} power, not more than 2/3"
    )]
    NoQuorum {
        /// The header's height.
        height: u64,
        /// Power that signed.
        signed: u64,
        /// The committee's power.
        total: u64,
    },
    /// The header's difficulty is not the one the retarget rule gives.
    #[error("height {height} must be mined at {expected} bits, the header says {got}")]
    WrongBits {
        /// The header's height.
        height: u64,
        /// The rule's.
        expected: u8,
        /// The header's.
        got: u8,
    },
    /// The header id has fewer leading zero bits than its difficulty.
    #[error("the header at height {height} has {got} leading zero bits, {bits} required")]
    InsufficientWork {
        /// The header's height.
        height: u64,
        /// Required.
        bits: u8,
        /// The id's leading zero bits.
        got: u32,
    },
    /// A pow-xor sibling farther from the parent than the anchored one.
    #[error("the header at height {height} loses the XOR fork choice to {winner}")]
    LosesForkChoice {
        /// The height.
        height: u64,
        /// The anchored sibling that wins.
        winner: Hash32,
    },
    /// A pow-xor header forking below the tip.
    #[error("the header at height {height} forks below the tip at {tip}")]
    ReorgTooDeep {
        /// The header's height.
        height: u64,
        /// The tip height.
        tip: u64,
    },
    /// This very header is already anchored.
    #[error("the header at height {height} is already anchored")]
    AlreadyAnchored {
        /// The height.
        height: u64,
    },
}

impl SubchainError {
    /// The stable number and code.
    #[must_use]
    pub const fn code_kind(&self) -> SubchainCode {
        match self {
            Self::Unknown(_) => SubchainCode::Unknown,
            Self::Halted { .. } => SubchainCode::Halted,
            Self::Retired(_) => SubchainCode::Retired,
            Self::StakeTooLow { .. } => SubchainCode::StakeTooLow,
            Self::NotOwner(_) => SubchainCode::NotOwner,
            Self::RegistryFull => SubchainCode::RegistryFull,
            Self::WrongSubchain { .. } => SubchainCode::WrongSubchain,
            Self::WrongKind { .. } => SubchainCode::WrongKind,
            Self::SkippedHeight { .. } => SubchainCode::SkippedHeight,
            Self::BrokenParent { .. } => SubchainCode::BrokenParent,
            Self::TimeBackwards { .. } => SubchainCode::TimeBackwards,
            Self::WrongValidators { .. } => SubchainCode::WrongValidators,
            Self::BadNextValidators { .. } => SubchainCode::BadNextValidators,
            Self::BadCommit { .. } => SubchainCode::BadCommit,
            Self::NoQuorum { .. } => SubchainCode::NoQuorum,
            Self::WrongBits { .. } => SubchainCode::WrongBits,
            Self::InsufficientWork { .. } => SubchainCode::InsufficientWork,
            Self::LosesForkChoice { .. } => SubchainCode::LosesForkChoice,
            Self::ReorgTooDeep { .. } => SubchainCode::ReorgTooDeep,
            Self::AlreadyAnchored { .. } => SubchainCode::AlreadyAnchored,
        }
    }

    /// The stable kebab-case code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        self.code_kind().as_str()
    }
}

impl Coded for SubchainError {
    fn code(&self) -> &'static str {
        SubchainError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        let hex = |h: &Hash32| Arg::from(h.to_string());
        match self {
            Self::Unknown(id) | Self::Retired(id) | Self::NotOwner(id) => {
                vec![("subchain", id.get().into())]
            }
            Self::Halted { subchain, height } => vec![
                ("subchain", subchain.get().into()),
                ("height", (*height).into()),
            ],
            Self::StakeTooLow { min, got } => vec![
                ("min", min.to_string().into()),
                ("got", got.to_string().into()),
            ],
            Self::RegistryFull => Vec::new(),
            Self::WrongSubchain { expected, got } => vec![
                ("expected", expected.get().into()),
                ("got", got.get().into()),
            ],
            Self::WrongKind { expected, got } => {
                vec![("expected", (*expected).into()), ("got", (*got).into())]
            }
            Self::SkippedHeight { expected, got } => {
                vec![("expected", (*expected).into()), ("got", (*got).into())]
            }
            Self::BrokenParent {
                height,
                expected,
                got,
            } => vec![
                ("height", (*height).into()),
                ("expected", hex(expected)),
                ("got", hex(got)),
            ],
            Self::TimeBackwards { parent, got } => {
                vec![("parent", (*parent).into()), ("got", (*got).into())]
            }
            Self::WrongValidators {
                height,
                expected,
                got,
            } => vec![
                ("height", (*height).into()),
                ("expected", hex(expected)),
                ("got", hex(got)),
            ],
            Self::BadNextValidators { height } | Self::AlreadyAnchored { height } => {
                vec![("height", (*height).into())]
            }
            Self::BadCommit { height, detail } => vec![
                ("height", (*height).into()),
                ("detail", detail.clone().into()),
            ],
            Self::NoQuorum {
                height,
                signed,
                total,
            } => vec![
                ("height", (*height).into()),
                ("signed", (*signed).into()),
                ("total", (*total).into()),
            ],
            Self::WrongBits {
                height,
                expected,
                got,
            } => vec![
                ("height", (*height).into()),
                ("expected", u64::from(*expected).into()),
                ("got", u64::from(*got).into()),
            ],
            Self::InsufficientWork { height, bits, got } => vec![
                ("height", (*height).into()),
                ("bits", u64::from(*bits).into()),
                ("got", u64::from(*got).into()),
            ],
            Self::LosesForkChoice { height, winner } => {
                vec![("height", (*height).into()), ("winner", hex(winner))]
            }
            Self::ReorgTooDeep { height, tip } => {
                vec![("height", (*height).into()), ("tip", (*tip).into())]
            }
        }
    }
}

/// Checks `report` against subchain `id`'s consensus `params` and its
/// anchored `tip`, and says what anchoring it does: the new tip and the
/// [`Outcome`]. `anchored_at(h)` gives the header anchored at a height below
/// the tip (bft equivocation is judged against it). Cheap structural checks
/// run before signatures and work.
///
/// The node runs this on the record in its state; the wallet's audit runs it
/// on the tip it derived from verified anchors. On [`Outcome::Equivocation`]
/// the returned tip is the unchanged `tip` (the caller halts the subchain).
///
/// # Errors
/// [`SubchainError`]: the rule the report breaks.
pub fn apply_report(
    main_chain: &ChainId,
    id: SubchainId,
    params: &ConsensusParams,
    tip: &SubchainTip,
    report: &SubchainReport,
    anchored_at: impl Fn(u64) -> Option<AnchoredHeader>,
) -> Result<(Outcome, SubchainTip), SubchainError> {
    let header = &report.header;
    if header.subchain != id {
        return Err(SubchainError::WrongSubchain {
            expected: id,
            got: header.subchain,
        });
    }
    if header.kind() != params.kind() {
        return Err(SubchainError::WrongKind {
            expected: params.kind().as_str(),
            got: header.kind().as_str(),
        });
    }
    let next = tip.height.saturating_add(1);
    if header.height > next {
        return Err(SubchainError::SkippedHeight {
            expected: next,
            got: header.height,
        });
    }
    match (params, &report.seal, header.seal, tip.state) {
        (
            ConsensusParams::Bft { .. },
            ReportSeal::Bft {
                commit,
                validators,
                next_validators,
            },
            Seal::Bft {
                validators_hash,
                next_validators_hash,
            },
            TipState::Bft {
                next_validators_hash: expected_set,
            },
        ) => {
            let id_hash = header.hash();
            let given_set = validators.hash();
            if given_set != validators_hash {
                return Err(SubchainError::WrongValidators {
                    height: header.height,
                    expected: validators_hash,
                    got: given_set,
                });
            }
            let next_ok = match next_validators {
                None => next_validators_hash == validators_hash,
                Some(set) => {
                    next_validators_hash != validators_hash
                        && set.len() <= MAX_COMMITTEE
                        && set.hash() == next_validators_hash
                }
            };
            if !next_ok {
                return Err(SubchainError::BadNextValidators {
                    height: header.height,
                });
            }
            let outcome = if header.height == next {
                if header.parent != tip.hash {
                    return Err(SubchainError::BrokenParent {
                        height: header.height,
                        expected: tip.hash,
                        got: header.parent,
                    });
                }
                if validators_hash != expected_set {
                    return Err(SubchainError::WrongValidators {
                        height: header.height,
                        expected: expected_set,
                        got: validators_hash,
                    });
                }
                if header.time_ms < tip.time_ms {
                    return Err(SubchainError::TimeBackwards {
                        parent: tip.time_ms,
                        got: header.time_ms,
                    });
                }
                Outcome::Extends
            } else {
                let anchored = anchored_at(header.height);
                let Some(anchored) = anchored else {
                    return Err(SubchainError::ReorgTooDeep {
                        height: header.height,
                        tip: tip.height,
                    });
                };
                if anchored.header_hash == id_hash {
                    return Err(SubchainError::AlreadyAnchored {
                        height: header.height,
                    });
                }
                if anchored.validators_hash != validators_hash {
                    return Err(SubchainError::WrongValidators {
                        height: header.height,
                        expected: anchored.validators_hash,
                        got: validators_hash,
                    });
                }
                Outcome::Equivocation
            };
            check_commit(main_chain, id, header, &id_hash, commit, validators)?;
            let new_tip = match outcome {
                Outcome::Extends => SubchainTip {
                    height: header.height,
                    hash: id_hash,
                    parent: header.parent,
                    time_ms: header.time_ms,
                    parent_time_ms: tip.time_ms,
                    state: TipState::Bft {
                        next_validators_hash,
                    },
                },
                Outcome::Replaces | Outcome::Equivocation => *tip,
            };
            Ok((outcome, new_tip))
        }
        (
            ConsensusParams::PowXor(pow),
            ReportSeal::Pow,
            Seal::Pow { bits, .. },
            TipState::Pow {
                bits: tip_bits,
                window_start_ms,
            },
        ) => {
            let id_hash = header.hash();
            if header.height == next {
                if header.parent != tip.hash {
                    return Err(SubchainError::BrokenParent {
                        height: header.height,
                        expected: tip.hash,
                        got: header.parent,
                    });
                }
                if header.time_ms < tip.time_ms {
                    return Err(SubchainError::TimeBackwards {
                        parent: tip.time_ms,
                        got: header.time_ms,
                    });
                }
                let expected = if header.height == 1 {
                    pow.initial_bits
                } else if starts_window(pow, header.height) {
                    expected_bits(pow, tip_bits, tip.time_ms.saturating_sub(window_start_ms))
                } else {
                    tip_bits
                };
                check_work(header, &id_hash, bits, expected)?;
                let opens = header.height == 1 || starts_window(pow, header.height);
                Ok((
                    Outcome::Extends,
                    SubchainTip {
                        height: header.height,
                        hash: id_hash,
                        parent: header.parent,
                        time_ms: header.time_ms,
                        parent_time_ms: tip.time_ms,
                        state: TipState::Pow {
                            bits,
                            window_start_ms: if opens {
                                header.time_ms
                            } else {
                                window_start_ms
                            },
                        },
                    },
                ))
            } else if header.height == tip.height {
                if id_hash == tip.hash {
                    return Err(SubchainError::AlreadyAnchored {
                        height: header.height,
                    });
                }
                if header.parent != tip.parent {
                    return Err(SubchainError::ReorgTooDeep {
                        height: header.height,
                        tip: tip.height,
                    });
                }
                if header.time_ms < tip.parent_time_ms {
                    return Err(SubchainError::TimeBackwards {
                        parent: tip.parent_time_ms,
                        got: header.time_ms,
                    });
                }
                // Siblings share every ancestor, so the tip's bits are the
                // bits the rule gives this height.
                check_work(header, &id_hash, bits, tip_bits)?;
                if !xor_wins(&id_hash, &tip.hash, &tip.parent) {
                    return Err(SubchainError::LosesForkChoice {
                        height: header.height,
                        winner: tip.hash,
                    });
                }
                let opens = header.height == 1 || starts_window(pow, header.height);
                Ok((
                    Outcome::Replaces,
                    SubchainTip {
                        hash: id_hash,
                        time_ms: header.time_ms,
                        state: TipState::Pow {
                            bits,
                            window_start_ms: if opens {
                                header.time_ms
                            } else {
                                window_start_ms
                            },
                        },
                        ..*tip
                    },
                ))
            } else if anchored_at(header.height).is_some_and(|a| a.header_hash == id_hash) {
                Err(SubchainError::AlreadyAnchored {
                    height: header.height,
                })
            } else {
                Err(SubchainError::ReorgTooDeep {
                    height: header.height,
                    tip: tip.height,
                })
            }
        }
        _ => Err(SubchainError::WrongKind {
            expected: params.kind().as_str(),
            got: header.kind().as_str(),
        }),
    }
}

fn check_commit(
    main_chain: &ChainId,
    id: SubchainId,
    header: &SubchainHeader,
    id_hash: &Hash32,
    commit: &crate::Commit,
    validators: &crate::ValidatorSet,
) -> Result<(), SubchainError> {
    let bad = |detail: String| SubchainError::BadCommit {
        height: header.height,
        detail,
    };
    if commit.height != header.height {
        return Err(bad(format!("the commit is for height {}", commit.height)));
    }
    if commit.block_hash != *id_hash {
        return Err(bad(format!(
            "the commit is for block {}",
            commit.block_hash
        )));
    }
    let digest = subchain_vote_digest(main_chain, id, header.height, commit.round, id_hash);
    let tally = commit
        .tally_digest(&digest, validators)
        .map_err(|e| bad(e.to_string()))?;
    if !tally.has_quorum() {
        return Err(SubchainError::NoQuorum {
            height: header.height,
            signed: tally.signed_power,
            total: tally.total_power,
        });
    }
    Ok(())
}

fn check_work(
    header: &SubchainHeader,
    id_hash: &Hash32,
    bits: u8,
    expected: u8,
) -> Result<(), SubchainError> {
    if bits != expected {
        return Err(SubchainError::WrongBits {
            height: header.height,
            expected,
            got: bits,
        });
    }
    if !meets_work(id_hash, bits) {
        return Err(SubchainError::InsufficientWork {
            height: header.height,
            bits,
            got: super::leading_zero_bits(id_hash),
        });
    }
    Ok(())
}
