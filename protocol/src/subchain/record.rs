//! The subchain record, its consensus parameters and tip, the registry, and
//! the anchored-header record.

use super::header::SubchainKind;
use super::{MAX_POW_BITS, MAX_SUBCHAINS};
use crate::encoding::{Decode, DecodeError, Encode, Reader};
use crate::points::merchant::read_name;
use crate::points::{invalid, put_bytes, read_address};
use crate::{Address, Hash32};

/// Longest pow-xor retarget window, in blocks.
pub const MAX_RETARGET_INTERVAL: u32 = 1_000_000;

/// A pow-xor subchain's difficulty rules (ADR 0019, decision 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PowParams {
    /// Leading zero bits required in the first window.
    pub initial_bits: u8,
    /// The retarget never goes below this.
    pub min_bits: u8,
    /// Blocks per retarget window, `1..=1,000,000`.
    pub retarget_interval: u32,
    /// The spacing the retarget aims at, milliseconds, `>= 1`.
    pub target_spacing_ms: u64,
}

impl PowParams {
    /// Whether the parameters are usable: `min_bits <= initial_bits <= 64`,
    /// `1 <= retarget_interval <= 1,000,000`, `target_spacing_ms >= 1`.
    #[must_use]
    pub const fn is_valid(&self) -> bool {
        self.min_bits <= self.initial_bits
            && self.initial_bits <= MAX_POW_BITS
            && self.retarget_interval >= 1
            && self.retarget_interval <= MAX_RETARGET_INTERVAL
            && self.target_spacing_ms >= 1
    }
}

impl Encode for PowParams {
    /// `initial_bits u8 || min_bits u8 || retarget_interval u32 || target_spacing_ms u64`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.push(self.initial_bits);
        out.push(self.min_bits);
        out.extend_from_slice(&self.retarget_interval.to_be_bytes());
        out.extend_from_slice(&self.target_spacing_ms.to_be_bytes());
    }
}

impl Decode for PowParams {
    const NAME: &'static str = "pow-xor parameters";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let offset = reader.offset();
        let params = Self {
            initial_bits: reader.u8("initial bits")?,
            min_bits: reader.u8("min bits")?,
            retarget_interval: reader.u32("retarget interval")?,
            target_spacing_ms: reader.u64("target spacing")?,
        };
        if !params.is_valid() {
            return Err(invalid(
                "pow-xor parameters",
                offset,
                "need min_bits <= initial_bits <= 64, an interval of 1..=1,000,000 and a spacing >= 1",
            ));
        }
        Ok(params)
    }
}

/// The consensus a subchain registered, as its record keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConsensusParams {
    /// bft: the hash of the genesis committee (the set signing height 1).
    Bft {
        /// [`crate::ValidatorSet::hash`] of the genesis committee.
        genesis_validators_hash: Hash32,
    },
    /// pow-xor with its difficulty rules.
    PowXor(PowParams),
}

impl ConsensusParams {
    /// The kind.
    #[must_use]
    pub const fn kind(&self) -> SubchainKind {
        match self {
            Self::Bft { .. } => SubchainKind::Bft,
            Self::PowXor(_) => SubchainKind::PowXor,
        }
    }

    /// The tip before the first report: height 0, id zero, and the genesis
    /// committee or initial bits.
    #[must_use]
    pub const fn genesis_tip(&self) -> SubchainTip {
        SubchainTip {
            height: 0,
            hash: Hash32::ZERO,
            parent: Hash32::ZERO,
            time_ms: 0,
            parent_time_ms: 0,
            state: match self {
                Self::Bft {
                    genesis_validators_hash,
                } => TipState::Bft {
                    next_validators_hash: *genesis_validators_hash,
                },
                Self::PowXor(params) => TipState::Pow {
                    bits: params.initial_bits,
                    window_start_ms: 0,
                },
            },
        }
    }
}

impl Encode for ConsensusParams {
    /// `kind u8 || genesis_validators_hash` (bft) or `kind u8 || PowParams`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.push(self.kind().to_u8());
        match self {
            Self::Bft {
                genesis_validators_hash,
            } => out.extend_from_slice(genesis_validators_hash.as_bytes()),
            Self::PowXor(params) => params.encode_to(out),
        }
    }
}

impl Decode for ConsensusParams {
    const NAME: &'static str = "consensus parameters";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        match read_kind(reader)? {
            SubchainKind::Bft => Ok(Self::Bft {
                genesis_validators_hash: Hash32(reader.array("genesis validators hash")?),
            }),
            SubchainKind::PowXor => PowParams::decode_from(reader).map(Self::PowXor),
        }
    }
}

pub(crate) fn read_kind(reader: &mut Reader<'_>) -> Result<SubchainKind, DecodeError> {
    let offset = reader.offset();
    let byte = reader.u8("subchain kind")?;
    SubchainKind::from_u8(byte).ok_or(DecodeError::BadTag {
        field: "subchain kind",
        offset,
        got: byte,
    })
}

/// The consensus state at the tip that the next report is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TipState {
    /// bft: the committee that signs the next height.
    Bft {
        /// Hash of the set that signs height `tip + 1`.
        next_validators_hash: Hash32,
    },
    /// pow-xor: the tip's difficulty and its retarget window's start.
    Pow {
        /// The bits of the tip (of the first window before any block).
        bits: u8,
        /// Time of the first block of the tip's window.
        window_start_ms: u64,
    },
}

/// The anchored tip of a subchain: what the main chain (or the wallet's
/// audit) holds as the subchain's latest block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SubchainTip {
    /// Height of the tip, 0 before the first report.
    pub height: u64,
    /// The tip's id (zero before the first report).
    pub hash: Hash32,
    /// The tip's parent id (a pow-xor sibling must share it).
    pub parent: Hash32,
    /// The tip's time.
    pub time_ms: u64,
    /// The parent's time (a pow-xor sibling must not go below it).
    pub parent_time_ms: u64,
    /// The consensus state.
    pub state: TipState,
}

impl Encode for SubchainTip {
    /// `height u64 || hash || parent || time_ms u64 || parent_time_ms u64 ||
    /// state`, state `next_validators_hash` (bft) or `bits u8 ||
    /// window_start_ms u64` (pow-xor); the kind comes from the record.
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.height.to_be_bytes());
        out.extend_from_slice(self.hash.as_bytes());
        out.extend_from_slice(self.parent.as_bytes());
        out.extend_from_slice(&self.time_ms.to_be_bytes());
        out.extend_from_slice(&self.parent_time_ms.to_be_bytes());
        match &self.state {
            TipState::Bft {
                next_validators_hash,
            } => out.extend_from_slice(next_validators_hash.as_bytes()),
            TipState::Pow {
                bits,
                window_start_ms,
            } => {
                out.push(*bits);
                out.extend_from_slice(&window_start_ms.to_be_bytes());
            }
        }
    }
}

impl SubchainTip {
    /// Reads a tip of a `kind` subchain (its encoding does not carry the
    /// kind: the record's parameters say it).
    ///
    /// # Errors
    /// [`DecodeError`], e.g. a pow-xor tip above 64 bits.
    pub fn decode_kind(reader: &mut Reader<'_>, kind: SubchainKind) -> Result<Self, DecodeError> {
        Ok(Self {
            height: reader.u64("tip height")?,
            hash: Hash32(reader.array("tip hash")?),
            parent: Hash32(reader.array("tip parent")?),
            time_ms: reader.u64("tip time")?,
            parent_time_ms: reader.u64("tip parent time")?,
            state: match kind {
                SubchainKind::Bft => TipState::Bft {
                    next_validators_hash: Hash32(reader.array("next validators hash")?),
                },
                SubchainKind::PowXor => TipState::Pow {
                    bits: {
                        let offset = reader.offset();
                        let bits = reader.u8("tip bits")?;
                        if bits > MAX_POW_BITS {
                            return Err(invalid(
                                "tip bits",
                                offset,
                                "more than 64 leading zero bits",
                            ));
                        }
                        bits
                    },
                    window_start_ms: reader.u64("window start")?,
                },
            },
        })
    }
}

/// Where a subchain stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SubchainStatus {
    /// `active` (`0x01`): reports are checked and anchored.
    Active,
    /// `halted` (`0x02`): its committee signed two headers at `height`; the
    /// main chain anchored both, refuses further reports and keeps the stake.
    Halted {
        /// The subchain height of the equivocation.
        height: u64,
    },
    /// `retired` (`0x03`): the owner took the stake back; no more reports.
    Retired,
}

impl SubchainStatus {
    /// The text form.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Halted { .. } => "halted",
            Self::Retired => "retired",
        }
    }
}

/// A registered subchain (state kind `0x0A`, id `subchain u32`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SubchainRecord {
    /// Who registered it (and may retire it).
    pub owner: Address,
    /// Its name, 1-64 bytes (the merchant name rule).
    pub name: String,
    /// POINT locked at registration (kept locked when halted; paid back,
    /// and still recorded, when retired).
    pub stake: u128,
    /// Main-chain height of the registration.
    pub registered_at: u64,
    /// Active, halted or retired.
    pub status: SubchainStatus,
    /// Its consensus.
    pub params: ConsensusParams,
    /// The anchored tip.
    pub tip: SubchainTip,
    /// Reports anchored so far (every outcome).
    pub reports: u64,
    /// Main-chain height of the latest anchored report, 0 before the first.
    pub last_anchor_height: u64,
}

impl Encode for SubchainRecord {
    /// `owner (20) || name (u32 len) || stake u128 || registered_at u64 ||
    /// status u8 || halted_height u64 || params || tip || reports u64 ||
    /// last_anchor_height u64`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        self.owner.encode_to(out);
        put_bytes(out, self.name.as_bytes());
        out.extend_from_slice(&self.stake.to_be_bytes());
        out.extend_from_slice(&self.registered_at.to_be_bytes());
        let (status, halted) = match self.status {
            SubchainStatus::Active => (1u8, 0u64),
            SubchainStatus::Halted { height } => (2, height),
            SubchainStatus::Retired => (3, 0),
        };
        out.push(status);
        out.extend_from_slice(&halted.to_be_bytes());
        self.params.encode_to(out);
        self.tip.encode_to(out);
        out.extend_from_slice(&self.reports.to_be_bytes());
        out.extend_from_slice(&self.last_anchor_height.to_be_bytes());
    }
}

impl Decode for SubchainRecord {
    const NAME: &'static str = "subchain record";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let owner = read_address(reader, "owner")?;
        let name = read_name(reader)?;
        let stake = reader.u128("stake")?;
        let registered_at = reader.u64("registered at")?;
        let status_offset = reader.offset();
        let status_byte = reader.u8("status")?;
        let halted_offset = reader.offset();
        let halted = reader.u64("halted height")?;
        let status = match (status_byte, halted) {
            (1, 0) => SubchainStatus::Active,
            (2, height) if height > 0 => SubchainStatus::Halted { height },
            (3, 0) => SubchainStatus::Retired,
            (1..=3, _) => {
                return Err(invalid(
                    "halted height",
                    halted_offset,
                    "set exactly when the subchain is halted",
                ));
            }
            (got, _) => {
                return Err(DecodeError::BadTag {
                    field: "status",
                    offset: status_offset,
                    got,
                });
            }
        };
        let params = ConsensusParams::decode_from(reader)?;
        let tip = SubchainTip::decode_kind(reader, params.kind())?;
        Ok(Self {
            owner,
            name,
            stake,
            registered_at,
            status,
            params,
            tip,
            reports: reader.u64("reports")?,
            last_anchor_height: reader.u64("last anchor height")?,
        })
    }
}

/// How many subchains were registered (state kind `0x0B`, empty id): the
/// next one is `count + 1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct SubchainRegistry {
    /// Registered so far.
    pub count: u32,
}

impl Encode for SubchainRegistry {
    /// `count u32`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.count.to_be_bytes());
    }
}

impl Decode for SubchainRegistry {
    const NAME: &'static str = "subchain registry";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let offset = reader.offset();
        let count = reader.u32("count")?;
        if count > MAX_SUBCHAINS {
            return Err(invalid("count", offset, "more subchains than the limit"));
        }
        Ok(Self { count })
    }
}

/// The header the main chain holds at one subchain height (state kind
/// `0x0C`, id `subchain u32 || height u64`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AnchoredHeader {
    /// The header id.
    pub header_hash: Hash32,
    /// Main-chain height of the report that anchored it.
    pub main_height: u64,
    /// Its committee's hash (bft), zero for pow-xor.
    pub validators_hash: Hash32,
}

impl Encode for AnchoredHeader {
    /// `header_hash || main_height u64 || validators_hash` (72 bytes).
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.header_hash.as_bytes());
        out.extend_from_slice(&self.main_height.to_be_bytes());
        out.extend_from_slice(self.validators_hash.as_bytes());
    }
}

impl Decode for AnchoredHeader {
    const NAME: &'static str = "anchored header";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            header_hash: Hash32(reader.array("header hash")?),
            main_height: reader.u64("main height")?,
            validators_hash: Hash32(reader.array("validators hash")?),
        })
    }
}
