//! Audit bundles: a verified value's chain of proof, re-checkable with no
//! network. A bundle holds the trusted root (the block the user's
//! checkpoint names), the light blocks the client verified on the way, and a
//! slot for the final proof against the last header. The kind
//! [`STATE_VALUE_PROOF`] (`state-value`) holds a state answer (key, value
//! and sparse-Merkle proof, the [`UntrustedState`] encoding) that
//! [`verify_bundle`] checks against the last header's `state_root`.
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
//! `path` is ascending by height; `final_proof` may be `null`. A final proof
//! of another kind is refused ([`BundleError::UnknownProofKind`]).

use jifen_protocol::message::{Arg, Coded};
use jifen_protocol::{Decode, DecodeError, Encode, Hash32, Header};
use serde::{Deserialize, Serialize};

use crate::light_block::LightBlock;
use crate::proof::{self, ProofError, UntrustedState};
use crate::trust::{Checkpoint, Options, TrustedState};
use crate::verifier::{self, PowerTally, Verdict, VerificationError};

/// The `format` field of a bundle file.
pub const BUNDLE_FORMAT: &str = "jifen-audit-bundle/1";

/// The final-proof kind of a state value: the bytes are an
/// [`UntrustedState`] encoding.
pub const STATE_VALUE_PROOF: &str = "state-value";

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
    /// The last header of the path, now verified: check the final proof
    /// against its roots.
    pub header: Header,
    /// Heights verified, root first.
    pub heights: Vec<u64>,
    /// The state value the final proof proves at `header`, if it has one.
    pub state: Option<ProvenState>,
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
/// proves its value under the last header's `state_root`.
///
/// # Errors
/// [`BundleError::Root`], [`BundleError::Invalid`],
/// [`BundleError::NotEnoughTrust`], [`BundleError::UnknownProofKind`],
/// [`BundleError::ProofDecode`], [`BundleError::Proof`].
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
    let state = bundle
        .final_proof
        .as_ref()
        .map(|final_proof| check_final_proof(&header, final_proof))
        .transpose()?;
    Ok(VerifiedBundle {
        header,
        heights,
        state,
    })
}

fn check_final_proof(
    header: &Header,
    final_proof: &FinalProof,
) -> Result<ProvenState, BundleError> {
    if final_proof.kind != STATE_VALUE_PROOF {
        return Err(BundleError::UnknownProofKind {
            kind: final_proof.kind.clone(),
        });
    }
    let answer = UntrustedState::decode(&final_proof.bytes).map_err(BundleError::ProofDecode)?;
    let value = proof::verify_state(header, &answer.key, &answer).map_err(BundleError::Proof)?;
    Ok(ProvenState {
        key: answer.key,
        value,
    })
}

/// Why a bundle is refused.
///
/// Codes: `lc-bundle-root`, `lc-bundle-invalid`,
/// `lc-bundle-not-enough-trust`, `lc-bundle-json`,
/// `lc-bundle-unknown-format`, `lc-bundle-hex`, `lc-bundle-decode`,
/// `lc-bundle-unknown-proof-kind`, `lc-bundle-proof-decode`,
/// `lc-bundle-proof-invalid`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BundleError {
    /// The root is not the checkpoint's block, or not committed.
    #[error("bundle root is not trusted: {source}")]
    Root {
        /// Why.
        source: VerificationError,
    },
    /// A block of the path does not verify.
    #[error("bundle block at height {height} is invalid: {source}")]
    Invalid {
        /// Its height.
        height: u64,
        /// Why.
        source: VerificationError,
    },
    /// A block of the path does not follow from the one before it.
    #[error(
        "bundle block at height {height} has {} of {} trusted power, not enough",
        tally.signed_power,
        tally.total_power
    )]
    NotEnoughTrust {
        /// Its height.
        height: u64,
        /// Trusted power that signed.
        tally: PowerTally,
    },
    /// The file is not the expected JSON object.
    #[error("bundle file is not valid: {message}")]
    Json {
        /// The parser's message.
        message: String,
    },
    /// Another format or version.
    #[error("bundle format {got:?} is not {BUNDLE_FORMAT}")]
    UnknownFormat {
        /// The `format` field.
        got: String,
    },
    /// A field is not hex (0 = root, 1.. = path, then the proof).
    #[error("bundle item {position} is not hex")]
    Hex {
        /// Position in the bundle.
        position: usize,
    },
    /// A block does not decode (0 = root, 1.. = path).
    #[error("bundle block {position} does not decode: {source}")]
    Decode {
        /// Position in the bundle.
        position: usize,
        /// Why.
        source: DecodeError,
    },
    /// The final proof is of a kind this version does not check.
    #[error("bundle final proof kind {kind:?} is unknown")]
    UnknownProofKind {
        /// The kind.
        kind: String,
    },
    /// The final proof does not decode.
    #[error("bundle final proof does not decode: {0}")]
    ProofDecode(#[source] DecodeError),
    /// The final proof does not prove its value under the last header.
    #[error("bundle final proof is invalid: {0}")]
    Proof(#[source] ProofError),
}

impl BundleError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Root { .. } => "lc-bundle-root",
            Self::Invalid { .. } => "lc-bundle-invalid",
            Self::NotEnoughTrust { .. } => "lc-bundle-not-enough-trust",
            Self::Json { .. } => "lc-bundle-json",
            Self::UnknownFormat { .. } => "lc-bundle-unknown-format",
            Self::Hex { .. } => "lc-bundle-hex",
            Self::Decode { .. } => "lc-bundle-decode",
            Self::UnknownProofKind { .. } => "lc-bundle-unknown-proof-kind",
            Self::ProofDecode(_) => "lc-bundle-proof-decode",
            Self::Proof(_) => "lc-bundle-proof-invalid",
        }
    }
}

impl Coded for BundleError {
    fn code(&self) -> &'static str {
        BundleError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        let args = match self {
            Self::Root { source } => source.args(),
            Self::Invalid { height, source } => {
                let mut args = source.args();
                args.push(("height", (*height).into()));
                args
            }
            Self::NotEnoughTrust { height, tally } => vec![
                ("height", (*height).into()),
                ("signed", tally.signed_power.into()),
                ("total", tally.total_power.into()),
            ],
            Self::Json { message } => vec![("reason", message.into())],
            Self::UnknownFormat { got } => vec![("format", got.into())],
            Self::Hex { position } => vec![("position", (*position).into())],
            Self::Decode { position, source } => vec![
                ("position", (*position).into()),
                ("reason", source.to_string().into()),
            ],
            Self::UnknownProofKind { kind } => vec![("kind", kind.into())],
            Self::ProofDecode(source) => vec![("reason", source.to_string().into())],
            Self::Proof(source) => source.args(),
        };
        crate::with_detail(args, self)
    }
}
