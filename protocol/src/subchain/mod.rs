//! Subchains: registration, header reports and the rules both the node and
//! the wallet apply to them (ADR 0019, `docs/protocol.md#subchains`).
//!
//! A subchain chooses its own consensus (`bft`: its own committee with
//! commits of more than 2/3; `pow-xor`: proof of work with the XOR fork choice of seed
//! 000), reports its block headers to the main chain, and the main chain
//! checks every report with [`apply_report`] before anchoring it under the
//! block's `anchors_root`. The wallet's audit runs the same function on the
//! tip it derived itself from verified anchors.
//!
//! | module | holds |
//! |---|---|
//! | [`header`] | [`SubchainHeader`], [`SubchainKind`], [`Seal`], the subchain vote digest |
//! | [`record`] | [`SubchainRecord`], [`ConsensusParams`], [`SubchainTip`], [`SubchainStatus`], the registry, [`AnchoredHeader`] |
//! | [`tx`] | the payloads [`SubchainRegister`], [`SubchainReport`], [`SubchainRetire`] |
//! | [`pow`] | work, the retarget rule and the XOR fork choice |
//! | [`rules`] | [`apply_report`], [`Outcome`], [`AnchorLeaf`], [`SubchainError`], [`SubchainCode`] |
//! | [`entries`] | a subchain block's entries, their root and the subchain state key |

pub mod entries;
pub mod header;
pub mod pow;
pub mod record;
pub mod rules;
pub mod tx;

pub use entries::{Entry, entries_root, subchain_state_key};
pub use header::{Seal, SubchainHeader, SubchainKind, subchain_vote_digest};
pub use pow::{expected_bits, leading_zero_bits, meets_work, xor_distance, xor_wins};
pub use record::{
    AnchoredHeader, ConsensusParams, PowParams, SubchainRecord, SubchainRegistry, SubchainStatus,
    SubchainTip, TipState,
};
pub use rules::{AnchorLeaf, Outcome, SubchainCode, SubchainError, anchors_root, apply_report};
pub use tx::{ReportSeal, SubchainRegister, SubchainReport, SubchainRetire};

use core::fmt;
use core::num::NonZeroU32;
use core::str::FromStr;

/// Smallest stake a subchain registration locks: 1,000 POINT.
pub const MIN_SUBCHAIN_STAKE: u128 = 1_000 * 1_000_000;
/// Longest subchain name, in UTF-8 bytes (the merchant name rule).
pub const MAX_SUBCHAIN_NAME_LEN: usize = crate::points::MAX_NAME_LEN;
/// Most subchains one chain registers.
pub const MAX_SUBCHAINS: u32 = 65_536;
/// Highest difficulty in leading zero bits a pow-xor subchain may reach.
pub const MAX_POW_BITS: u8 = 64;
/// Most members of a bft subchain's committee.
pub const MAX_COMMITTEE: usize = 128;

/// A subchain's number: 1, 2, ... in registration order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SubchainId(NonZeroU32);

impl SubchainId {
    /// Subchain `n`, if `n > 0`.
    #[must_use]
    pub const fn new(n: u32) -> Option<Self> {
        match NonZeroU32::new(n) {
            Some(n) => Some(Self(n)),
            None => None,
        }
    }

    /// The number.
    #[must_use]
    pub const fn get(self) -> u32 {
        self.0.get()
    }
}

impl fmt::Display for SubchainId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl FromStr for SubchainId {
    type Err = ();

    /// Decimal digits without sign or leading zeros, `1..=u32::MAX`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.is_empty() || s.starts_with('0') || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(());
        }
        s.parse::<u32>().ok().and_then(Self::new).ok_or(())
    }
}

/// The state keys of the subchain records.
pub mod keys {
    use super::SubchainId;
    use crate::Hash32;
    use crate::state::{RecordKind, state_key};

    /// Key of subchain `id`'s [`super::SubchainRecord`]: id `subchain u32`.
    #[must_use]
    pub fn subchain_key(id: SubchainId) -> Hash32 {
        state_key(RecordKind::Subchain, &id.get().to_be_bytes())
    }

    /// Key of the [`super::SubchainRegistry`] (one record, empty id).
    #[must_use]
    pub fn subchain_registry_key() -> Hash32 {
        state_key(RecordKind::SubchainRegistry, &[])
    }

    /// Key of the [`super::AnchoredHeader`] of `id` at subchain height
    /// `height`: id `subchain u32 || height u64`.
    #[must_use]
    pub fn anchored_header_key(id: SubchainId, height: u64) -> Hash32 {
        let mut bytes = [0u8; 12];
        bytes[..4].copy_from_slice(&id.get().to_be_bytes());
        bytes[4..].copy_from_slice(&height.to_be_bytes());
        state_key(RecordKind::AnchoredHeader, &bytes)
    }
}

pub(crate) fn read_subchain(
    reader: &mut crate::Reader<'_>,
    field: &'static str,
) -> Result<SubchainId, crate::DecodeError> {
    let offset = reader.offset();
    SubchainId::new(reader.u32(field)?).ok_or(crate::DecodeError::InvalidValue {
        field,
        offset,
        reason: "subchain 0 does not exist",
    })
}

#[cfg(test)]
mod tests;
