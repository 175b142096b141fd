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
//! | `slow-response` | every response is delayed by 25 s (longer than a light client's default deadline) |
//! | `huge-tip` | `jifen_status` claims a tip of 10^12 blocks, with epochs of one block |
//! | `trickle` | every answer is sent one byte every 100 ms (headers at once) |
//! | `root-unavailable` | every block but the last 10 is "not available" (2001), while `jifen_status` says it serves from height 1: the root of trust (genesis, an older checkpoint) cannot be had from it |
//! | `redirect` | every request is answered `307 Temporary Redirect` to another endpoint |
//! | `tx-proof-below-root` | `jifen_txProof` places the transaction in block 1 (below any checkpoint), with the real proofs |
//! | `json-bomb` | every answer is a valid JSON array of zeros, 14 MB, without `Content-Length` |
//! | `json-flood` | answers to block requests (`jifen_lightBlock`, `jifen_lightBlocks`) are a valid JSON array of 3 million zeros (6 MB, under a client's size bound for them) |
//! | `history-omits-entry` | `jifen_history` leaves out the first entry of every page and says the history is one shorter |
//! | `stale-rate` | every state answer is the genesis value with its genesis proof, labelled with the height asked for |
//! | `subchain-bad-anchor-proof` | every anchor proof (`jifen_subchainReports`, `jifen_anchorProof`) has one path hash altered (a block with one leaf gets a made-up sibling, its leaf count one more) |
//! | `subchain-hide-report` | `jifen_subchainReports` leaves out the first report of every page, numbers the rest from `from` and says the total is one less |
//! | `binary-garbage` | binary light-block ranges (`Accept: application/vnd.jifen.light-blocks.v1`) keep their first 16 bytes (magic, `from`, count) and carry garbage after them; JSON answers are honest |

use std::str::FromStr;
use std::time::Duration;

use jifen_protocol::{
    Commit, CommitSignature, Hash32, Header, InclusionProof, Signature, StateProof, ValidatorSet,
    tagged_hash,
};
use jifen_rpc_types::AnchoredReport;

use super::http::TransportLie;
use super::{RpcError, height_unavailable, internal};
use crate::chain::Chain;

/// How far behind the `stale-tip` node claims to be.
pub const STALE_LAG: u64 = 50;
/// Delay of `slow-response`: longer than the light client's default total
/// deadline (20 s), so the lie is caught at product defaults.
pub const SLOW_DELAY: Duration = Duration::from_secs(25);
/// Padding of `oversized-response`.
pub const OVERSIZE_PADDING: usize = 20 << 20;
/// The tip `huge-tip` claims.
pub const HUGE_TIP: u64 = 1_000_000_000_000;
/// Time between two bytes of a `trickle` answer.
pub const TRICKLE_EVERY: Duration = Duration::from_millis(100);
/// Blocks below the tip a `root-unavailable` node still serves.
pub const ROOT_UNAVAILABLE_KEEPS: u64 = 10;
/// Size of a `json-bomb` answer (as in the audit of issue 11).
pub const JSON_BOMB_BYTES: usize = 14_000_000;
/// Zeros in a `json-flood` answer.
pub const JSON_FLOOD_VALUES: usize = 3_000_000;
/// Bytes a `binary-garbage` frame keeps before its garbage: magic, `from`
/// and the block count, so the lie passes the first checks.
pub const GARBAGE_KEEPS: usize = 16;

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
    /// `huge-tip`.
    HugeTip,
    /// `trickle`.
    Trickle,
    /// `root-unavailable`.
    RootUnavailable,
    /// `redirect`.
    Redirect,
    /// `tx-proof-below-root`.
    TxProofBelowRoot,
    /// `json-bomb`.
    JsonBomb,
    /// `json-flood`.
    JsonFlood,
    /// `history-omits-entry`.
    HistoryOmitsEntry,
    /// `stale-rate`: every state answer (merchant records and rate versions
    /// included) is the genesis value with its genesis proof, labelled with
    /// the height asked for: a merchant's rate as it was before it changed.
    StaleRate,
    /// `binary-garbage`: a binary light-block range keeps its first
    /// [`GARBAGE_KEEPS`] bytes and the rest is garbage of the same length.
    BinaryGarbage,
    /// `subchain-bad-anchor-proof`: anchor proofs that do not verify.
    SubchainBadAnchorProof,
    /// `subchain-hide-report`: one report of every page left out.
    SubchainHideReport,
}

impl Fault {
    /// Every fault, for listing.
    pub const ALL: [Self; 22] = [
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
        Self::HugeTip,
        Self::Trickle,
        Self::RootUnavailable,
        Self::Redirect,
        Self::TxProofBelowRoot,
        Self::JsonBomb,
        Self::JsonFlood,
        Self::HistoryOmitsEntry,
        Self::StaleRate,
        Self::BinaryGarbage,
        Self::SubchainBadAnchorProof,
        Self::SubchainHideReport,
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
            Self::HugeTip => "huge-tip",
            Self::Trickle => "trickle",
            Self::RootUnavailable => "root-unavailable",
            Self::Redirect => "redirect",
            Self::TxProofBelowRoot => "tx-proof-below-root",
            Self::JsonBomb => "json-bomb",
            Self::JsonFlood => "json-flood",
            Self::HistoryOmitsEntry => "history-omits-entry",
            Self::StaleRate => "stale-rate",
            Self::BinaryGarbage => "binary-garbage",
            Self::SubchainBadAnchorProof => "subchain-bad-anchor-proof",
            Self::SubchainHideReport => "subchain-hide-report",
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
            Self::HugeTip => Some(HUGE_TIP),
            _ => None,
        }
    }

    /// How the HTTP layer delivers this node's answers, if it lies about
    /// that (`redirect_to`: where `redirect` sends requests).
    #[must_use]
    pub fn transport_lie(self, redirect_to: &str) -> Option<TransportLie> {
        match self {
            Self::Trickle => Some(TransportLie::Trickle(TRICKLE_EVERY)),
            Self::Redirect => Some(TransportLie::Redirect(redirect_to.to_owned())),
            Self::JsonBomb => Some(TransportLie::Chunked),
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
            Self::RootUnavailable => height.saturating_add(ROOT_UNAVAILABLE_KEEPS) <= tip,
            _ => false,
        }
    }

    /// Mangles a whole response body; `blocks`: the request asked for
    /// light blocks.
    #[must_use]
    pub fn mangle_body(self, mut body: Vec<u8>, blocks: bool) -> Vec<u8> {
        match self {
            Self::MalformedResponse => {
                body.truncate(body.len() / 2);
                body
            }
            Self::OversizedResponse => {
                body.resize(body.len() + OVERSIZE_PADDING, b' ');
                body
            }
            Self::JsonBomb => zeros(JSON_BOMB_BYTES / 2),
            Self::JsonFlood if blocks => zeros(JSON_FLOOD_VALUES),
            _ => body,
        }
    }
}

impl Fault {
    /// Whether the lie rewrites whole answer bodies as JSON (such a node
    /// answers JSON only, frames included).
    #[must_use]
    pub const fn rewrites_bodies(self) -> bool {
        matches!(
            self,
            Self::MalformedResponse | Self::OversizedResponse | Self::JsonBomb | Self::JsonFlood
        )
    }

    /// Mangles a binary light-block range.
    #[must_use]
    pub fn mangle_frame(self, mut frame: Vec<u8>) -> Vec<u8> {
        if self == Self::BinaryGarbage {
            // xorshift64: the same garbage every time, no dependency.
            let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
            for byte in frame.iter_mut().skip(GARBAGE_KEEPS) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                *byte = state.to_be_bytes()[0];
            }
        }
        frame
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

/// A JSON array of `count` zeros (`[0,0,...,0]`).
fn zeros(count: usize) -> Vec<u8> {
    let mut body = Vec::with_capacity(count.saturating_mul(2).saturating_add(1));
    body.push(b'[');
    for index in 0..count {
        if index > 0 {
            body.push(b',');
        }
        body.push(b'0');
    }
    body.push(b']');
    body
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

/// An anchor proof and its leaf count as served: `subchain-bad-anchor-proof`
/// alters a path hash, or gives a lone leaf a made-up sibling (the count
/// one more, so the answer stays consistent and only the proof is wrong).
#[must_use]
pub fn served_anchor_proof(
    fault: Option<Fault>,
    leaf_count: u64,
    mut proof: InclusionProof,
) -> (u64, InclusionProof) {
    if fault != Some(Fault::SubchainBadAnchorProof) {
        return (leaf_count, proof);
    }
    if let Some(hash) = proof.path.first_mut() {
        flip(hash);
        return (leaf_count, proof);
    }
    proof.tree_size = proof.tree_size.saturating_add(1);
    proof.path.push(Hash32([1; 32]));
    (proof.tree_size, proof)
}

/// One report of `jifen_subchainReports` as served.
#[must_use]
pub fn served_anchored_report(fault: Option<Fault>, mut report: AnchoredReport) -> AnchoredReport {
    let (leaf_count, proof) = served_anchor_proof(fault, report.leaf_count, report.anchor_proof);
    report.leaf_count = leaf_count;
    report.anchor_proof = proof;
    report
}

/// A page of `jifen_subchainReports` as served: `subchain-hide-report`
/// drops its first report, renumbers the rest and lowers the total.
#[must_use]
pub fn served_reports(
    fault: Option<Fault>,
    total: u64,
    mut reports: Vec<AnchoredReport>,
) -> (u64, Vec<AnchoredReport>) {
    if fault != Some(Fault::SubchainHideReport) || reports.is_empty() {
        return (total, reports);
    }
    reports.remove(0);
    for report in &mut reports {
        report.index = report.index.saturating_sub(1);
    }
    (total.saturating_sub(1), reports)
}
