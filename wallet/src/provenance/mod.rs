//! Use cases: **product provenance** (`docs/adr/0020-provenance.md`,
//! `docs/traceability.md`). A tag's item is looked up on the chain and every
//! record checked: its event hash, its signature, its link, its signer's
//! registration, its inclusion in an audited subchain header, the main
//! chain's anchor over it, and the item's sales.

pub mod views;
