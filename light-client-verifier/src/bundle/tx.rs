//! The `tx-inclusion` final proof: transaction `id` is in a block with its
//! result code, and that block is the bundle's last header or linked below
//! it by parent hashes (see the module docs of [`super`] for why).

use jifen_protocol::{Decode, DecodeError, Encode, Hash32, Header, Reader, encoding::put_len};

use super::BundleError;
use crate::proof::{self, ProofError, Proven, TxInclusion, UntrustedTxProof};
use crate::verifier;

/// Most headers a `tx-inclusion` final proof links down by: the light
/// client stores a verified block at least every 10,000 heights, so a
/// transaction's block is at most 9,999 below a stored one.
pub const MAX_LINKS: usize = 10_000;

/// Fewest bytes of a header encoding (six 32-byte roots and a 20-byte
/// address, besides the rest): bounds the link count by the bytes left
/// before anything is allocated.
const MIN_HEADER_BYTES: usize = 6 * 32 + 20;

/// The bytes of a `tx-inclusion` final proof.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TxInclusionProof {
    /// The transaction the bundle is about.
    pub id: Hash32,
    /// The headers below the bundle's last header, descending: the first is
    /// its parent, each next one the parent of the one before, the last
    /// one the transaction's block. Empty when the transaction's block is
    /// the last header itself.
    pub links: Vec<Header>,
    /// The transaction, its position, its result code and their proofs
    /// (a peer's `jifen_txProof` answer), checked against the transaction's
    /// block.
    pub answer: UntrustedTxProof,
}

impl Encode for TxInclusionProof {
    /// `id (32) || count u32 || count * header || answer` (the [`Header`]
    /// and [`UntrustedTxProof`] encodings).
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.id.as_bytes());
        put_len(out, self.links.len());
        for header in &self.links {
            header.encode_to(out);
        }
        self.answer.encode_to(out);
    }
}

impl Decode for TxInclusionProof {
    const NAME: &'static str = "transaction inclusion proof";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let id = Hash32(reader.array("id")?);
        let count = reader.count("links", 0, MAX_LINKS, MIN_HEADER_BYTES)?;
        let mut links = Vec::with_capacity(count);
        for _ in 0..count {
            links.push(Header::decode_from(reader)?);
        }
        let answer = UntrustedTxProof::decode_from(reader)?;
        Ok(Self { id, links, answer })
    }
}

/// Checks a `tx-inclusion` final proof against `top`, the bundle's last
/// verified header: each link is the parent of the header above it, the
/// transaction and its result are proven in the last one, and the
/// transaction is the one the proof names.
pub(super) fn check(top: &Header, bytes: &[u8]) -> Result<Proven<TxInclusion>, BundleError> {
    let final_proof = TxInclusionProof::decode(bytes).map_err(BundleError::ProofDecode)?;
    let mut block = top;
    for link in &final_proof.links {
        verifier::is_parent_of(block, link).map_err(|source| BundleError::LinkBroken {
            height: block.height.saturating_sub(1),
            source,
        })?;
        block = link;
    }
    let answer = &final_proof.answer;
    let got = answer.tx.id();
    let inclusion = proof::verify_tx_inclusion(block, &got, answer)
        .map_err(|error| tx_error(block.height, answer.result_code, error))?;
    if got != final_proof.id {
        return Err(BundleError::TxIdMismatch {
            expected: final_proof.id,
            got,
        });
    }
    Ok(Proven {
        value: inclusion,
        height: block.height,
        header_hash: block.hash(),
    })
}

/// A transaction proof's failure in the block at `height` as the bundle's
/// error.
fn tx_error(height: u64, result_code: u16, error: ProofError) -> BundleError {
    match error {
        ProofError::WrongHeight { expected, got } => BundleError::TxWrongHeight { expected, got },
        ProofError::TxIdMismatch { expected, got } => BundleError::TxIdMismatch { expected, got },
        ProofError::IndexMismatch { .. } | ProofError::TxNotInBlock(_) => {
            BundleError::TxNotInBlock {
                height,
                source: error,
            }
        }
        ProofError::ResultNotInBlock(_) => BundleError::TxResultNotInBlock {
            height,
            result_code,
            source: error,
        },
        // Not failures of a transaction proof.
        ProofError::WrongKey { .. } | ProofError::State(_) | ProofError::BadAccount(_) => {
            BundleError::Proof(error)
        }
    }
}
