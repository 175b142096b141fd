//! The CBV 2.0 event hash ID (GS1 Core Business Vocabulary 2.0, "EPCIS
//! event hash ID"; reference implementation
//! <https://github.com/RalphTro/epcis-event-hash-generator>): a canonical
//! pre-hash string of the event, hashed with SHA-256 and written
//! `ni:///sha-256;<hex>?ver=CBV2.0` (RFC 6920).
//!
//! The pre-hash string concatenates, without separators, `eventType=...`,
//! then the standard fields in the canonical order, list entries sorted,
//! then every other field (business transactions, sources, destinations,
//! ILMD, user extensions with their namespace written `{iri}`), each
//! rendered as a string and sorted. `eventID`, `recordTime`,
//! `errorDeclaration` and comments take no part. Deviations from the
//! reference implementation are listed in ADR 0021.

mod canon;
mod prehash;
mod vocab;

use core::fmt;
use core::str::FromStr;

use sha2::{Digest, Sha256};

use crate::epcis::{EpcisError, Event};

pub use prehash::pre_hash;

/// A CBV 2.0 event hash: SHA-256 of the pre-hash string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EventHash(pub [u8; 32]);

const PREFIX: &str = "ni:///sha-256;";
const SUFFIX: &str = "?ver=CBV2.0";

impl fmt::Display for EventHash {
    /// `ni:///sha-256;<64 lower-case hex>?ver=CBV2.0`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(PREFIX)?;
        for byte in self.0 {
            write!(f, "{byte:02x}")?;
        }
        f.write_str(SUFFIX)
    }
}

impl FromStr for EventHash {
    type Err = EpcisError;

    /// Reads the `ni:` form (hex in either case).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let hex = text
            .trim()
            .strip_prefix(PREFIX)
            .and_then(|rest| rest.strip_suffix(SUFFIX))
            .filter(|hex| hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or(EpcisError::BadEventHash)?;
        let mut out = [0u8; 32];
        for (byte, pair) in out.iter_mut().zip(hex.as_bytes().chunks(2)) {
            let pair = core::str::from_utf8(pair).map_err(|_| EpcisError::BadEventHash)?;
            *byte = u8::from_str_radix(pair, 16).map_err(|_| EpcisError::BadEventHash)?;
        }
        Ok(Self(out))
    }
}

/// The CBV 2.0 event hash of `event`.
#[must_use]
pub fn event_hash(event: &Event) -> EventHash {
    EventHash(Sha256::digest(pre_hash(event).as_bytes()).into())
}
