//! Fault injection: a node that lies in one named way, for adversarial tests
//! of light clients. Run it with `jifen-node devnet --fault <name>`; the
//! chain itself stays honest, only the RPC answers lie.
//!
//! | name | lie |
//! |---|---|
//! | `forged-commit` | commits carry a signature with one flipped byte |
//! | `wrong-validator-set` | validator sets served differ from the ones the headers commit to |
//! | `tampered-state-proof` | state proofs have one sibling (or the leaf) altered |
//! | `tampered-tx-proof` | transaction inclusion proofs have one path hash altered |
//! | `stale-tip` | the node claims a tip 50 blocks old and withholds newer blocks |
//! | `withhold-headers` | every block except height 1 and the tip is "not available" |
//! | `double-sign` | headers and commits are for a conflicting block at the same height, signed by the same validators |
//! | `malformed-response` | response bodies are cut in half (invalid JSON) |
//! | `oversized-response` | response bodies are padded to over 20 MiB (valid JSON) |
//! | `slow-response` | every response is delayed by 5 s |

use std::str::FromStr;
use std::time::Duration;

use jifen_protocol::{
    Commit, CommitSignature, Hash32, Header, InclusionProof, Signature, StateProof, ValidatorSet,
    tagged_hash,
};

use super::{RpcError, height_unavailable, internal};
use crate::chain::Chain;

/// How far behind the `stale-tip` node claims to be.
pub const STALE_LAG: u64 = 50;
/// Delay of `slow-response`.
pub const SLOW_DELAY: Duration = Duration::from_secs(5);
/// Padding of `oversized-response`.
pub const OVERSIZE_PADDING: usize = 20 << 20;

/// A named lie.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// `forged-commit`.
    ForgedCommit,
    /// `wrong-validator-set`.
    WrongValidatorSet,
    /// `tampered-state-proof`.
    TamperedStateProof,
    /// `tampered-tx-proof`.
    TamperedTxProof,
    /// `stale-tip`.
    StaleTip,
    /// `withhold-headers`.
    WithholdHeaders,
    /// `double-sign`.
    DoubleSign,
    /// `malformed-response`.
    MalformedResponse,
    /// `oversized-response`.
    OversizedResponse,
    /// `slow-response`.
    SlowResponse,
}

impl Fault {
    /// Every fault, for listing.
    pub const ALL: [Self; 10] = [
        Self::ForgedCommit,
        Self::WrongValidatorSet,
        Self::TamperedStateProof,
        Self::TamperedTxProof,
        Self::StaleTip,
        Self::WithholdHeaders,
        Self::DoubleSign,
        Self::MalformedResponse,
        Self::OversizedResponse,
        Self::SlowResponse,
    ];

    /// The name tests select the fault by.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::ForgedCommit => "forged-commit",
            Self::WrongValidatorSet => "wrong-validator-set",
            Self::TamperedStateProof => "tampered-state-proof",
            Self::TamperedTxProof => "tampered-tx-proof",
            Self::StaleTip => "stale-tip",
            Self::WithholdHeaders => "withhold-headers",
            Self::DoubleSign => "double-sign",
            Self::MalformedResponse => "malformed-response",
            Self::OversizedResponse => "oversized-response",
            Self::SlowResponse => "slow-response",
        }
    }

    /// The delay before answering, if any.
    #[must_use]
    pub const fn delay(self) -> Option<Duration> {
        match self {
            Self::SlowResponse => Some(SLOW_DELAY),
            _ => None,
        }
    }

    /// The tip the node admits to, if it lies about it.
    #[must_use]
    pub fn visible_tip(self, tip: u64) -> Option<u64> {
        match self {
            Self::StaleTip => Some(tip.saturating_sub(STALE_LAG).max(tip.min(1))),
            _ => None,
        }
    }

    /// Whether the node pretends not to have block `height`.
    #[must_use]
    pub fn withholds(self, height: u64, tip: u64) -> bool {
        match self {
            Self::StaleTip => self
                .visible_tip(tip)
                .is_some_and(|visible| height > visible),
            Self::WithholdHeaders => height != 1 && height != tip,
            _ => false,
        }
    }

    /// Mangles a whole response body.
    #[must_use]
    pub fn mangle_body(self, mut body: Vec<u8>) -> Vec<u8> {
        match self {
            Self::MalformedResponse => {
                body.truncate(body.len() / 2);
                body
            }
            Self::OversizedResponse => {
                body.resize(body.len() + OVERSIZE_PADDING, b' ');
                body
            }
            _ => body,
        }
    }
}

impl FromStr for Fault {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|fault| fault.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Self::ALL.iter().map(|f| f.name()).collect();
                format!("unknown fault {s}; known: {}", names.join(", "))
            })
    }
}

fn flip(hash: &mut Hash32) {
    hash.0[0] ^= 0x01;
}

/// The header and commit served for `height`.
///
/// # Errors
/// [`RpcError`] when the block is missing or cannot be re-signed.
pub fn served_block(
    fault: Option<Fault>,
    chain: &Chain,
    height: u64,
) -> Result<(Header, Commit), RpcError> {
    let tip = chain.height();
    let header = chain
        .header(height)
        .map_err(internal)?
        .ok_or_else(|| height_unavailable(height, tip))?;
    let commit = chain
        .commit(height)
        .map_err(internal)?
        .ok_or_else(|| height_unavailable(height, tip))?;
    match fault {
        Some(Fault::ForgedCommit) => {
            let mut commit = commit;
            if let Some(first) = commit.signatures.first_mut() {
                let mut bytes = first.signature.to_bytes();
                bytes[63] ^= 0x01;
                *first = CommitSignature {
                    validator_index: first.validator_index,
                    signature: Signature::from_array(bytes),
                };
            }
            Ok((header, commit))
        }
        Some(Fault::DoubleSign) => {
            let mut fork = header;
            fork.state_root = Hash32(tagged_hash("jifen/devnet-fork", fork.state_root.as_bytes()));
            let commit = chain.sign_conflicting(&fork).map_err(internal)?;
            Ok((fork, commit))
        }
        _ => Ok((header, commit)),
    }
}

/// The validator set served.
#[must_use]
pub fn served_set(fault: Option<Fault>, set: ValidatorSet) -> ValidatorSet {
    if fault != Some(Fault::WrongValidatorSet) {
        return set;
    }
    let mut validators = set.validators().to_vec();
    if let Some(first) = validators.first_mut() {
        first.voting_power = first.voting_power.saturating_add(1);
    }
    ValidatorSet::new(validators).unwrap_or(set)
}

/// The state proof served.
#[must_use]
pub fn served_state_proof(fault: Option<Fault>, mut proof: StateProof) -> StateProof {
    if fault != Some(Fault::TamperedStateProof) {
        return proof;
    }
    if let Some(sibling) = proof.siblings.first_mut() {
        flip(sibling);
    } else if let Some(leaf) = proof.leaf.as_mut() {
        flip(&mut leaf.value_hash);
    } else {
        proof.siblings.push(Hash32([1; 32]));
    }
    proof
}

/// The transaction inclusion proof served.
#[must_use]
pub fn served_tx_proof(fault: Option<Fault>, mut proof: InclusionProof) -> InclusionProof {
    if fault != Some(Fault::TamperedTxProof) {
        return proof;
    }
    if let Some(hash) = proof.path.first_mut() {
        flip(hash);
    } else {
        proof.tree_size += 1;
        proof.path.push(Hash32([1; 32]));
    }
    proof
}
