//! Audit bundles: a verified value's chain of proof, re-checkable with no
//! network. A bundle holds the trusted root (the block the user's
//! checkpoint names), the light blocks the client verified on the way, and a
//! final proof against the last header. Two kinds of final proof are
//! checked; any other is refused ([`BundleError::UnknownProofKind`]):
//!
//! - [`STATE_VALUE_PROOF`] (`state-value`): a state answer (key, value and
//!   sparse-Merkle proof, the [`UntrustedState`] encoding) checked against
//!   the last header's `state_root`; [`VerifiedBundle::state`] reports it.
//! - [`TX_INCLUSION_PROOF`] (`tx-inclusion`): that a transaction is in a
//!   block, with its result code (the [`TxInclusionProof`] encoding: the
//!   id, the headers linking the last header down to the transaction's
//!   block by parent hash, and the transaction's proof answer);
//!   [`VerifiedBundle::inclusion`] reports it.
//!
//! File format (`format = "jifen-audit-bundle/1"`), JSON:
//!
//! ```json
//! {
//!   "format": "jifen-audit-bundle/1",
//!   "root": "<hex of the root LightBlock's canonical encoding>",
//!   "path": ["<hex of a LightBlock>", "..."],
//!   "final_proof": { "kind": "<proof kind>", "bytes": "<hex>" }
//! }
//! ```
//!
//! `path` is ascending by height; `final_proof` may be `null`.
//!
//! **A transaction's block below the last header.** The path holds only
//! blocks the client verified by signatures and stored (the root, epoch
//! ends, its tip); a transaction's block is usually between two of them
//! and was proven by hash links from the stored block above
//! (backwards verification), never by the signatures of an older set. A
//! `tx-inclusion` bundle keeps that construction: its path ends at the
//! nearest stored block at or above the transaction's height, and the
//! final proof carries the headers from just below it down to the
//! transaction's block, each checked to be the parent of the one above
//! (height one less, hash equal to its `previous_block_hash`). A header
//! linked so to a verified header is that chain's header (a forgery would
//! need a hash collision), so the transaction's block is proven exactly,
//! whatever a former validator set signed. At most [`MAX_LINKS`] headers
//! (the client stores a block at least every 10,000 heights).

mod error;
mod tx;

pub use error::BundleError;
pub use tx::{MAX_LINKS, TxInclusionProof};

use jifen_protocol::{Decode, Encode, Hash32, Header};
use serde::{Deserialize, Serialize};

use crate::light_block::LightBlock;
use crate::proof::{self, Proven, TxInclusion, UntrustedState};
use crate::trust::{Checkpoint, Options, TrustedState};
use crate::verifier::{self, Verdict, VerificationError};

/// The `format` field of a bundle file.
pub const BUNDLE_FORMAT: &str = "jifen-audit-bundle/1";

/// The final-proof kind of a state value: the bytes are an
/// [`UntrustedState`] encoding.
pub const STATE_VALUE_PROOF: &str = "state-value";

/// The final-proof kind of a transaction's inclusion and result: the bytes
/// are a [`TxInclusionProof`] encoding.
pub const TX_INCLUSION_PROOF: &str = "tx-inclusion";

/// The proof of the final value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinalProof {
    /// What kind of proof (e.g. `state-value`, `tx-inclusion`).
    pub kind: String,
    /// Its canonical encoding.
    pub bytes: Vec<u8>,
}

/// A chain of proof from a trusted root to the header a value is proven at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditBundle {
    /// The block the user's checkpoint names.
    pub root: LightBlock,
    /// The blocks verified on the way, ascending; the last one is the header
    /// the final proof is checked against (the root itself if empty).
    pub path: Vec<LightBlock>,
    /// The final proof, if any.
    pub final_proof: Option<FinalProof>,
}

/// What [`verify_bundle`] proved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedBundle {
    /// The last header of the path, now verified (the final proof was
    /// checked against it).
    pub header: Header,
    /// Heights verified, root first.
    pub heights: Vec<u64>,
    /// The state value a `state-value` final proof proves at `header`.
    pub state: Option<ProvenState>,
    /// The transaction a `tx-inclusion` final proof proves in a block, with
    /// its position and result code; `height` and `header_hash` are that
    /// block's (`header` itself, or a block linked below it by parent
    /// hashes).
    pub inclusion: Option<Proven<TxInclusion>>,
}

/// A state value proven by a bundle's final proof.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvenState {
    /// The state key.
    pub key: Hash32,
    /// Its value, `None` when proven absent.
    pub value: Option<Vec<u8>>,
}

impl AuditBundle {
    /// A bundle from what a sync verified: the root, the trusted states on
    /// the way (e.g. [`crate::LightStore`] contents), and the final proof.
    #[must_use]
    pub fn new(root: LightBlock, path: Vec<LightBlock>, final_proof: Option<FinalProof>) -> Self {
        Self {
            root,
            path,
            final_proof,
        }
    }

    /// The bundle file's text (see the module docs).
    #[must_use]
    pub fn to_json(&self) -> String {
        let file = BundleFile {
            format: BUNDLE_FORMAT.to_owned(),
            root: hex::encode(self.root.encode()),
            path: self
                .path
                .iter()
                .map(|block| hex::encode(block.encode()))
                .collect(),
            final_proof: self.final_proof.as_ref().map(|proof| ProofFile {
                kind: proof.kind.clone(),
                bytes: hex::encode(&proof.bytes),
            }),
        };
        // Serializing strings and vectors of strings cannot fail.
        serde_json::to_string_pretty(&file).unwrap_or_default()
    }

    /// Reads a bundle file's text. Decoding only: check the result with
    /// [`verify_bundle`].
    ///
    /// # Errors
    /// [`BundleError::Json`], [`BundleError::UnknownFormat`],
    /// [`BundleError::Hex`], [`BundleError::Decode`].
    pub fn from_json(text: &str) -> Result<Self, BundleError> {
        let file: BundleFile = serde_json::from_str(text).map_err(|error| BundleError::Json {
            message: error.to_string(),
        })?;
        if file.format != BUNDLE_FORMAT {
            return Err(BundleError::UnknownFormat { got: file.format });
        }
        let block = |position: usize, text: &str| -> Result<LightBlock, BundleError> {
            let bytes = hex::decode(text).map_err(|_| BundleError::Hex { position })?;
            LightBlock::decode(&bytes).map_err(|source| BundleError::Decode { position, source })
        };
        let root = block(0, &file.root)?;
        let path = file
            .path
            .iter()
            .enumerate()
            .map(|(index, text)| block(index.saturating_add(1), text))
            .collect::<Result<Vec<_>, _>>()?;
        let final_proof = file
            .final_proof
            .map(|proof| {
                hex::decode(&proof.bytes)
                    .map(|bytes| FinalProof {
                        kind: proof.kind,
                        bytes,
                    })
                    .map_err(|_| BundleError::Hex {
                        position: path.len().saturating_add(1),
                    })
            })
            .transpose()?;
        Ok(Self {
            root,
            path,
            final_proof,
        })
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BundleFile {
    format: String,
    root: String,
    path: Vec<String>,
    final_proof: Option<ProofFile>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProofFile {
    kind: String,
    bytes: String,
}

/// Re-checks a bundle offline: the root is the block `checkpoint` names and
/// is consistent with a quorum; each block of the path verifies from the one
/// before it ([`verifier::verify_link`], at the block's own time: an audit
/// may come long after the trusting period); a `state-value` final proof
/// proves its value under the last header's `state_root`; a `tx-inclusion`
/// final proof links the last header down to the transaction's block and
/// proves the transaction and its result under that block's `tx_root` and
/// `results_root`.
///
/// # Errors
/// [`BundleError::Root`], [`BundleError::Invalid`],
/// [`BundleError::NotEnoughTrust`], [`BundleError::UnknownProofKind`],
/// [`BundleError::ProofDecode`], [`BundleError::Proof`] for the checks of
/// every bundle and of `state-value`; [`BundleError::LinkBroken`],
/// [`BundleError::TxWrongHeight`], [`BundleError::TxNotInBlock`],
/// [`BundleError::TxResultNotInBlock`], [`BundleError::TxIdMismatch`] for
/// `tx-inclusion`.
pub fn verify_bundle(
    bundle: &AuditBundle,
    checkpoint: &Checkpoint,
    options: &Options,
) -> Result<VerifiedBundle, BundleError> {
    let got = Checkpoint {
        height: bundle.root.height(),
        hash: bundle.root.hash(),
    };
    if &got != checkpoint {
        return Err(BundleError::Root {
            source: VerificationError::CheckpointMismatch {
                expected: *checkpoint,
                got,
            },
        });
    }
    let chain_id = bundle.root.header.chain_id.clone();
    let mut state = TrustedState::reloaded(bundle.root.clone(), &chain_id)
        .map_err(|source| BundleError::Root { source })?;
    let mut heights = vec![state.height()];
    for block in &bundle.path {
        match verifier::verify_link(&state, block, options) {
            Verdict::Success(verified) => state.apply(verified),
            Verdict::NotEnoughTrust { tally, .. } => {
                return Err(BundleError::NotEnoughTrust {
                    height: block.height(),
                    tally,
                });
            }
            Verdict::Invalid(source) => {
                return Err(BundleError::Invalid {
                    height: block.height(),
                    source,
                });
            }
        }
        heights.push(state.height());
    }
    let header = state.light_block().header.clone();
    let (state, inclusion) = match &bundle.final_proof {
        None => (None, None),
        Some(final_proof) if final_proof.kind == STATE_VALUE_PROOF => {
            (Some(check_state_value(&header, &final_proof.bytes)?), None)
        }
        Some(final_proof) if final_proof.kind == TX_INCLUSION_PROOF => {
            (None, Some(tx::check(&header, &final_proof.bytes)?))
        }
        Some(final_proof) => {
            return Err(BundleError::UnknownProofKind {
                kind: final_proof.kind.clone(),
            });
        }
    };
    Ok(VerifiedBundle {
        header,
        heights,
        state,
        inclusion,
    })
}

fn check_state_value(header: &Header, bytes: &[u8]) -> Result<ProvenState, BundleError> {
    let answer = UntrustedState::decode(bytes).map_err(BundleError::ProofDecode)?;
    let value = proof::verify_state(header, &answer.key, &answer).map_err(BundleError::Proof)?;
    Ok(ProvenState {
        key: answer.key,
        value,
    })
}
