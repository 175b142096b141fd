//! The payloads of the subchain transaction kinds: `subchain-register`
//! (`0x0030`), `subchain-report` (`0x0031`), `subchain-retire` (`0x0032`).

use super::header::{SubchainHeader, SubchainKind};
use super::record::{ConsensusParams, PowParams, read_kind};
use super::{MAX_COMMITTEE, SubchainId, read_subchain};
use crate::encoding::{Decode, DecodeError, Encode, Reader};
use crate::points::merchant::read_name;
use crate::points::{invalid, put_bytes};
use crate::{Commit, ValidatorSet};

/// The consensus a registration asks for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RegisterConsensus {
    /// bft with its genesis committee (1 to 128 members).
    Bft {
        /// The committee that signs height 1.
        genesis: ValidatorSet,
    },
    /// pow-xor with its difficulty rules.
    PowXor(PowParams),
}

impl RegisterConsensus {
    /// What the record keeps of it.
    #[must_use]
    pub fn params(&self) -> ConsensusParams {
        match self {
            Self::Bft { genesis } => ConsensusParams::Bft {
                genesis_validators_hash: genesis.hash(),
            },
            Self::PowXor(params) => ConsensusParams::PowXor(*params),
        }
    }
}

/// Register a subchain, locking `stake` POINT from the sender's balance.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SubchainRegister {
    /// Its name, 1-64 bytes (the merchant name rule).
    pub name: String,
    /// POINT base units to lock, `>= MIN_SUBCHAIN_STAKE` (checked by execution).
    pub stake: u128,
    /// Its consensus.
    pub consensus: RegisterConsensus,
}

impl Encode for SubchainRegister {
    /// `name (u32 len) || stake u128 || kind u8 || genesis set` (bft) or
    /// `|| PowParams` (pow-xor).
    fn encode_to(&self, out: &mut Vec<u8>) {
        put_bytes(out, self.name.as_bytes());
        out.extend_from_slice(&self.stake.to_be_bytes());
        match &self.consensus {
            RegisterConsensus::Bft { genesis } => {
                out.push(SubchainKind::Bft.to_u8());
                genesis.encode_to(out);
            }
            RegisterConsensus::PowXor(params) => {
                out.push(SubchainKind::PowXor.to_u8());
                params.encode_to(out);
            }
        }
    }
}

fn read_committee(
    reader: &mut Reader<'_>,
    field: &'static str,
) -> Result<ValidatorSet, DecodeError> {
    let offset = reader.offset();
    let set = ValidatorSet::decode_from(reader)?;
    if set.len() > MAX_COMMITTEE {
        return Err(invalid(
            field,
            offset,
            "a subchain committee has at most 128 members",
        ));
    }
    Ok(set)
}

impl Decode for SubchainRegister {
    const NAME: &'static str = "subchain register";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let name = read_name(reader)?;
        let stake = reader.u128("stake")?;
        let consensus = match read_kind(reader)? {
            SubchainKind::Bft => RegisterConsensus::Bft {
                genesis: read_committee(reader, "genesis committee")?,
            },
            SubchainKind::PowXor => RegisterConsensus::PowXor(PowParams::decode_from(reader)?),
        };
        Ok(Self {
            name,
            stake,
            consensus,
        })
    }
}

/// What proves a reported header under its subchain's consensus.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ReportSeal {
    /// bft: the commit, the committee that signed it, and the next committee
    /// when it changes.
    Bft {
        /// Precommits of more than 2/3 of `validators`' power.
        commit: Commit,
        /// The committee named by the header's `validators_hash`.
        validators: ValidatorSet,
        /// Present exactly when the header's `next_validators_hash` differs
        /// from its `validators_hash`.
        next_validators: Option<ValidatorSet>,
    },
    /// pow-xor: the header's own work is the proof.
    Pow,
}

/// Report one subchain header to the main chain.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SubchainReport {
    /// The header.
    pub header: SubchainHeader,
    /// Its proof.
    pub seal: ReportSeal,
}

impl Encode for SubchainReport {
    /// `header || commit || validators || option next_validators` (bft) or
    /// `header` (pow-xor); the header's kind says which.
    fn encode_to(&self, out: &mut Vec<u8>) {
        self.header.encode_to(out);
        if let ReportSeal::Bft {
            commit,
            validators,
            next_validators,
        } = &self.seal
        {
            commit.encode_to(out);
            validators.encode_to(out);
            match next_validators {
                None => out.push(0),
                Some(next) => {
                    out.push(1);
                    next.encode_to(out);
                }
            }
        }
    }
}

impl Decode for SubchainReport {
    const NAME: &'static str = "subchain report";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let header = SubchainHeader::decode_from(reader)?;
        let seal = match header.kind() {
            SubchainKind::Bft => {
                let commit = Commit::decode_from(reader)?;
                let validators = read_committee(reader, "committee")?;
                let next_validators = if reader.option_tag("next committee")? {
                    Some(read_committee(reader, "next committee")?)
                } else {
                    None
                };
                ReportSeal::Bft {
                    commit,
                    validators,
                    next_validators,
                }
            }
            SubchainKind::PowXor => ReportSeal::Pow,
        };
        Ok(Self { header, seal })
    }
}

/// Retire a subchain (its owner only): the stake returns unless halted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SubchainRetire {
    /// The subchain.
    pub subchain: SubchainId,
}

impl Encode for SubchainRetire {
    /// `subchain u32`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.subchain.get().to_be_bytes());
    }
}

impl Decode for SubchainRetire {
    const NAME: &'static str = "subchain retire";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            subchain: read_subchain(reader, "subchain")?,
        })
    }
}
