//! Product provenance (ADR 0020, `docs/traceability.md`): items named by
//! GS1 tags, parties registered on the main chain, EPCIS 2.0 records on the
//! consortium's bft subchain, item anchors and sales on the main chain.
//!
//! | module | holds |
//! |---|---|
//! | [`item`] | [`ItemId`], [`Gtin`], GS1's check digit and 82-character set |

pub mod item;

pub use item::{Gtin, ItemId, MAX_SERIAL_LEN, gs1_check_digit, is_gs1_char82};
