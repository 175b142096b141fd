//! Product provenance, checked (ADR 0020, `docs/traceability.md#lookup`):
//! the pure half of a lookup. The IO around it proves the item's records
//! against an audited subchain header and its anchor, sales and parties
//! against a verified main-chain header; [`check()`] then recomputes every
//! event hash, verifies every signature, link and signer registration,
//! recomputes every anchored root, looks at the order of business steps
//! and the sales, and returns the findings and the verdict.

pub mod check;
pub mod finding;
pub mod records;

pub use check::{CheckedRecord, Lookup, LookupInput, Purpose, RecordChecks, check};
pub use finding::{Check, Finding, Verdict};
pub use records::{ProvenRecords, RecordsError, UntrustedRecords};

#[cfg(test)]
mod tests;
