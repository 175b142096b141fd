//! Comparing a verified tip with a witness's answer, purely. The IO layer
//! asks each witness for its latest height and its block at the primary's
//! verified height, then calls [`cross_check`] and acts on the outcome:
//! wait for a lagging witness, demote one that sent invalid data (keeping
//! the reason), write the evidence of a conflict to a file, bisect on the
//! witness's chain when its block needs more trust.

use crate::evidence::{Evidence, EvidenceError};
use crate::light_block::LightBlock;
use crate::trust::{Options, TrustedState};
use crate::verifier::{self, PowerTally, Verdict, VerificationError};

/// What a witness's answer says about the primary's verified block.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CrossCheck {
    /// The witness has the same block.
    Agrees,
    /// The witness is behind the primary's height: ask again later, drop it
    /// if it stays behind.
    Lagging {
        /// The witness's latest height.
        witness_height: u64,
        /// The height it was asked about.
        primary_height: u64,
    },
    /// The witness claims to be at or past the height but sent no block
    /// (withheld data: retry, then demote).
    Withheld {
        /// The witness's latest height.
        witness_height: u64,
    },
    /// The witness answered with a block of another height (faulty: demote).
    WrongHeight {
        /// The height asked for.
        asked: u64,
        /// The height of the block it sent.
        got: u64,
    },
    /// The witness's block at that height is invalid from the common
    /// trusted state: the witness is faulty (demote it with this reason).
    WitnessInvalid(VerificationError),
    /// The witness's block differs but needs more trust to verify from the
    /// common trusted state: bisect on the witness's chain before judging.
    Unresolved(PowerTally),
    /// Both blocks verify from the common trusted state and differ: a fork.
    Conflict(Box<Evidence>),
}

/// Compares `primary` (verified from `common`) with the witness's answer:
/// its latest height and its block at `primary`'s height (`None` if it has
/// none). A differing witness block is verified from `common` at `now_ms`,
/// like the primary's was, before it counts as a conflict.
///
/// # Errors
/// [`EvidenceError`] only if the two verified blocks still fail to make
/// evidence (not expected: both verified, same height, different ids).
pub fn cross_check(
    common: &TrustedState,
    primary: &LightBlock,
    witness_height: u64,
    witness_block: Option<&LightBlock>,
    options: &Options,
    now_ms: u64,
) -> Result<CrossCheck, EvidenceError> {
    let lagging = CrossCheck::Lagging {
        witness_height,
        primary_height: primary.height(),
    };
    if witness_height < primary.height() {
        return Ok(lagging);
    }
    let Some(witness_block) = witness_block else {
        return Ok(CrossCheck::Withheld { witness_height });
    };
    if witness_block.height() != primary.height() {
        return Ok(CrossCheck::WrongHeight {
            asked: primary.height(),
            got: witness_block.height(),
        });
    }
    if witness_block.hash() == primary.hash() {
        return Ok(CrossCheck::Agrees);
    }
    let conflict = || {
        Evidence::from_conflict(primary.clone(), witness_block.clone())
            .map(|evidence| CrossCheck::Conflict(Box::new(evidence)))
    };
    if common.height() >= primary.height() {
        // Nothing to verify from: judge the witness's block on its own.
        return match verifier::check_self_consistent(witness_block, common.chain_id()) {
            Ok(_) => conflict(),
            Err(error) => Ok(CrossCheck::WitnessInvalid(error)),
        };
    }
    match verifier::verify(common, witness_block, options, now_ms) {
        Verdict::Success(_) => conflict(),
        Verdict::NotEnoughTrust { tally, .. } => Ok(CrossCheck::Unresolved(tally)),
        Verdict::Invalid(error) => Ok(CrossCheck::WitnessInvalid(error)),
    }
}
