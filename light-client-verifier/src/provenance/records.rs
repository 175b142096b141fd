//! An item's records as a node serves them (`jifen_provenanceRecords`),
//! proven against an audited subchain header.

use jifen_protocol::provenance::{ItemId, count_entry_key, decode_count, record_entry_key};
use jifen_protocol::subchain::SubchainHeader;
use jifen_protocol::subchain::subchain_state_key;
use jifen_protocol::{Hash32, StateProof, verify_state_proof};

use crate::subchain::{SubchainAudit, SubchainStateError, UntrustedSubchainState};

/// One page of an item's records from a node (untrusted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UntrustedRecords {
    /// The subchain height the answer is for.
    pub height: u64,
    /// The subchain header at that height.
    pub header: SubchainHeader,
    /// The count entry's value and proof.
    pub count: (Option<Vec<u8>>, StateProof),
    /// Records from the index asked: index, value, proof.
    pub records: Vec<(u32, Option<Vec<u8>>, StateProof)>,
}

/// A page of records proven against an audited header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvenRecords {
    /// The subchain height.
    pub height: u64,
    /// The main height that anchored that header.
    pub main_height: u64,
    /// The item's record count at that height (0: proven none).
    pub count: u32,
    /// The records of the page, in index order (`None`: proven absent).
    pub records: Vec<Option<Vec<u8>>>,
    /// The answers they were proven from (for a bundle).
    pub answers: Vec<UntrustedRecords>,
}

/// Why a records answer is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RecordsError {
    /// A value's proof failed (see [`SubchainStateError`]).
    #[error(transparent)]
    State(#[from] SubchainStateError),
    /// The answer's header is not the one expected (offline check).
    #[error("the records are proven against header {got}, not {expected}")]
    WrongHeader {
        /// The expected header id.
        expected: Hash32,
        /// The answer's.
        got: Hash32,
    },
    /// The count entry is not a `u32`.
    #[error("the record count entry is malformed")]
    BadCount,
    /// The page skips or repeats an index, or stops short.
    #[error("the page holds records {got:?}, expected from {from} to {to}")]
    WrongIndices {
        /// First index asked.
        from: u32,
        /// End of the page (exclusive).
        to: u32,
        /// The indices served.
        got: Vec<u32>,
    },
}

impl RecordsError {
    /// The stable code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::State(error) => error.code(),
            Self::WrongHeader { .. } => "provenance-records-wrong-header",
            Self::BadCount => "provenance-records-bad-count",
            Self::WrongIndices { .. } => "provenance-records-wrong-indices",
        }
    }
}

impl UntrustedRecords {
    /// Proves this page of `item`'s records, asked from index `from` with
    /// at most `limit`, against `audit`: the count and every record under
    /// the audited header's state root; the page must hold exactly indices
    /// `from..min(count, from + limit)`.
    ///
    /// # Errors
    /// [`RecordsError`].
    pub fn verify(
        &self,
        audit: &SubchainAudit,
        item: &ItemId,
        from: u32,
        limit: u32,
    ) -> Result<ProvenRecords, RecordsError> {
        self.prove_page(item, from, limit, |key, value, proof| {
            let proven = audit.verify_state(&UntrustedSubchainState {
                height: self.height,
                header: self.header.clone(),
                key,
                value: value.clone(),
                proof: proof.clone(),
            })?;
            Ok(proven.main_height)
        })
    }

    /// Proves this page offline against a subchain header whose id is
    /// `expected` (proven anchored by the main chain, e.g. through its
    /// `AnchoredHeader` record): the same checks as [`Self::verify`],
    /// with the header fixed instead of audited.
    ///
    /// # Errors
    /// [`RecordsError`].
    pub fn verify_under(
        &self,
        expected: &Hash32,
        item: &ItemId,
        from: u32,
        limit: u32,
    ) -> Result<ProvenRecords, RecordsError> {
        let got = self.header.hash();
        if got != *expected || self.header.height != self.height {
            return Err(RecordsError::WrongHeader {
                expected: *expected,
                got,
            });
        }
        let root = self.header.state_root;
        let mut proven = self.prove_page(item, from, limit, |key, value, proof| {
            verify_state_proof(&root, &subchain_state_key(&key), value.as_deref(), proof)
                .map_err(|source| RecordsError::State(SubchainStateError::Proof { source }))?;
            Ok(0)
        })?;
        proven.main_height = 0;
        Ok(proven)
    }

    /// The checks both forms share: `prove` checks one value under its
    /// entry key (returning the anchoring main height), then the count
    /// decides which indices the page must hold.
    fn prove_page(
        &self,
        item: &ItemId,
        from: u32,
        limit: u32,
        prove: impl Fn(String, &Option<Vec<u8>>, &StateProof) -> Result<u64, RecordsError>,
    ) -> Result<ProvenRecords, RecordsError> {
        let main_height = prove(count_entry_key(item), &self.count.0, &self.count.1)?;
        let count = match &self.count.0 {
            None => 0,
            Some(bytes) => decode_count(bytes).ok_or(RecordsError::BadCount)?,
        };
        let to = count.min(from.saturating_add(limit));
        let indices: Vec<u32> = self.records.iter().map(|(index, _, _)| *index).collect();
        if !indices.iter().copied().eq(from..to.max(from)) {
            return Err(RecordsError::WrongIndices {
                from,
                to,
                got: indices,
            });
        }
        let mut records = Vec::with_capacity(self.records.len());
        for (index, value, proof) in &self.records {
            prove(record_entry_key(item, *index), value, proof)?;
            records.push(value.clone());
        }
        Ok(ProvenRecords {
            height: self.height,
            main_height,
            count,
            records,
            answers: vec![self.clone()],
        })
    }
}
