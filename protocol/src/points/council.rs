//! The council: the validators of the block approve and suspend merchants
//! by voting. A decision passes when validators holding more than 2/3 of
//! the current set's voting power have voted for it.

use core::fmt;

use super::invalid;
use super::merchant::MerchantStatus;
use crate::encoding::{Decode, DecodeError, Encode, MAX_VALIDATORS, Reader, put_len};
use crate::{Address, ValidatorSet};

/// What the council decides about a merchant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CouncilAction {
    /// `approve` (`0x01`): a proposed or suspended merchant becomes approved.
    Approve,
    /// `suspend` (`0x02`): an approved merchant becomes suspended.
    Suspend,
}

impl CouncilAction {
    /// The wire value.
    #[must_use]
    pub const fn to_u8(self) -> u8 {
        match self {
            Self::Approve => 1,
            Self::Suspend => 2,
        }
    }

    /// The action with wire value `value`.
    #[must_use]
    pub const fn from_u8(value: u8) -> Option<Self> {
        match value {
            1 => Some(Self::Approve),
            2 => Some(Self::Suspend),
            _ => None,
        }
    }

    /// The text form.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Approve => "approve",
            Self::Suspend => "suspend",
        }
    }

    /// The status a merchant in `status` gets when this action passes, or
    /// `None` when the action does not apply to that status.
    #[must_use]
    pub const fn outcome(self, status: MerchantStatus) -> Option<MerchantStatus> {
        match (self, status) {
            (Self::Approve, MerchantStatus::Proposed | MerchantStatus::Suspended) => {
                Some(MerchantStatus::Approved)
            }
            (Self::Suspend, MerchantStatus::Approved) => Some(MerchantStatus::Suspended),
            (Self::Approve, MerchantStatus::Approved)
            | (Self::Suspend, MerchantStatus::Proposed | MerchantStatus::Suspended) => None,
        }
    }
}

impl fmt::Display for CouncilAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The validators that voted for one action on one merchant, stored under
/// [`super::keys::council_votes_key`] while the decision is open; removed
/// (with the votes for the other action) when a decision passes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct CouncilVotes {
    /// Voters, strictly ascending (no duplicates), at most 10,000.
    pub voters: Vec<Address>,
}

impl CouncilVotes {
    /// Whether `voter` already voted.
    #[must_use]
    pub fn contains(&self, voter: &Address) -> bool {
        self.voters.binary_search(voter).is_ok()
    }

    /// Adds `voter` in order (no effect if present).
    pub fn insert(&mut self, voter: Address) {
        if let Err(at) = self.voters.binary_search(&voter) {
            self.voters.insert(at, voter);
        }
    }

    /// Keeps only the voters in `set` (validators who left no longer count).
    pub fn retain_members(&mut self, set: &ValidatorSet) {
        self.voters.retain(|voter| set.find(voter).is_some());
    }
}

/// Whether `voters` hold more than 2/3 of `set`'s voting power (voters
/// outside the set count nothing): `3 * voted > 2 * total`, in `u128`.
#[must_use]
pub fn council_passes(voters: &CouncilVotes, set: &ValidatorSet) -> bool {
    let voted: u128 = voters
        .voters
        .iter()
        .filter_map(|voter| set.find(voter))
        .map(|(_, validator)| u128::from(validator.voting_power))
        .sum();
    3 * voted > 2 * u128::from(set.total_power())
}

impl Encode for CouncilVotes {
    /// `count u32 || count x address (20)`, ascending.
    fn encode_to(&self, out: &mut Vec<u8>) {
        put_len(out, self.voters.len());
        for voter in &self.voters {
            voter.encode_to(out);
        }
    }
}

impl Decode for CouncilVotes {
    const NAME: &'static str = "council votes";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let count = reader.count("voters", 1, MAX_VALIDATORS, 20)?;
        let mut voters: Vec<Address> = Vec::with_capacity(count);
        for _ in 0..count {
            let offset = reader.offset();
            let voter = Address::from_bytes(reader.array("voter")?);
            if voters.last().is_some_and(|last| *last >= voter) {
                return Err(invalid(
                    "voter",
                    offset,
                    "voters are strictly ascending (no duplicates)",
                ));
            }
            voters.push(voter);
        }
        Ok(Self { voters })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn votes_are_sorted_and_unique() {
        let mut votes = CouncilVotes::default();
        votes.insert(Address::from_bytes([3; 20]));
        votes.insert(Address::from_bytes([1; 20]));
        votes.insert(Address::from_bytes([3; 20]));
        assert_eq!(votes.voters.len(), 2);
        assert_eq!(CouncilVotes::decode(&votes.encode()).unwrap(), votes);
        let mut unsorted = votes.encode();
        unsorted[4..24].copy_from_slice(&[9; 20]);
        assert_eq!(
            CouncilVotes::decode(&unsorted).unwrap_err().code(),
            "decode-invalid-value"
        );
        assert_eq!(
            CouncilVotes::decode(&[0, 0, 0, 0]).unwrap_err().code(),
            "decode-length-out-of-bounds"
        );
    }

    #[test]
    fn actions_apply_to_some_statuses() {
        use MerchantStatus::{Approved, Proposed, Suspended};
        assert_eq!(CouncilAction::Approve.outcome(Proposed), Some(Approved));
        assert_eq!(CouncilAction::Approve.outcome(Suspended), Some(Approved));
        assert_eq!(CouncilAction::Approve.outcome(Approved), None);
        assert_eq!(CouncilAction::Suspend.outcome(Approved), Some(Suspended));
        assert_eq!(CouncilAction::Suspend.outcome(Proposed), None);
    }
}
