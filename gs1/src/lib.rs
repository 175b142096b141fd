//! GS1 standards for Jifen's product provenance (ADR 0021,
//! `docs/traceability.md`):
//!
//! | module | standard | holds |
//! |---|---|---|
//! | [`digital_link`] | GS1 Digital Link URI syntax 1.2 | [`DigitalLink`], [`ProductTag`], [`item_uri`], [`item_from_uri`] |
//! | [`epcis`] | EPCIS 2.0 JSON / JSON-LD | [`Event`], [`parse_events`], [`EventBuilder`] |
//! | [`event_hash`](mod@event_hash) | CBV 2.0 "EPCIS event hash ID" | [`pre_hash`], [`event_hash()`], [`EventHash`] |
//!
//! Everything here is pure: no IO, no clock except where a two-digit year
//! needs one ([`DigitalLink::parse`]; [`DigitalLink::parse_at`] takes the
//! year instead). Nothing panics on outside data; sizes and nesting are
//! bounded.

pub mod digital_link;
pub mod epcis;
pub mod event_hash;
pub mod identifiers;

pub use digital_link::{DigitalLink, Expiry, ProductTag, TagError, item_from_uri, item_uri};
pub use epcis::{Action, EpcisError, Event, EventBuilder, EventKind, parse_events};
pub use event_hash::{EventHash, event_hash, pre_hash};
