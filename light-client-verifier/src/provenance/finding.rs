//! What a provenance lookup finds, each with its own message id
//! (`trace-reason-*`), and how findings make a verdict.

use jifen_protocol::message::{Arg, Coded};

/// How bad a finding is; the verdict is the worst one found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verdict {
    /// No anchor and no records.
    UnknownProduct,
    /// A record fails its hash, signature, link or order, or an anchor
    /// does not match the records.
    Tampered,
    /// A signer was not a registered party in a role for the step at the
    /// record's time.
    SignerNotRegistered,
    /// Sold twice, sold before a counter scan, after a sale, or in two
    /// places at once.
    SuspectedClone,
    /// Records beyond the last anchor.
    Unanchored,
    /// Everything checked and anchored.
    Authentic,
}

impl Verdict {
    /// The stable kebab-case name.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::UnknownProduct => "unknown-product",
            Self::Tampered => "tampered",
            Self::SignerNotRegistered => "signer-not-registered",
            Self::SuspectedClone => "suspected-clone",
            Self::Unanchored => "unanchored",
            Self::Authentic => "authentic",
        }
    }
}

/// Which check of a record failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Check {
    /// The event hash.
    Hash,
    /// The signature.
    Signature,
    /// The link to the previous record, or the item it names.
    Link,
    /// The signer's registration.
    Signer,
    /// The main-chain anchor.
    Anchor,
    /// The order of business steps.
    Order,
}

/// One finding of a lookup.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Finding {
    /// The chain has no anchor and no records for the item.
    #[error("the chain does not know this item")]
    UnknownProduct,
    /// Records exist but no tag issuer anchored the item.
    #[error("no tag issuer anchored this item")]
    NotAnchored,
    /// A record's bytes do not decode, or its event is not one EPCIS event.
    #[error("record {index} is unreadable: {reason}")]
    Unreadable {
        /// The record.
        index: u32,
        /// Why.
        reason: String,
    },
    /// The recomputed CBV 2.0 hash differs from the signed one.
    #[error("record {index}: the event does not hash to the signed hash")]
    HashMismatch {
        /// The record.
        index: u32,
    },
    /// The signature does not verify.
    #[error("record {index}: the signature does not verify")]
    BadSignature {
        /// The record.
        index: u32,
    },
    /// The record is not the next of the item's chain (wrong item, index
    /// or previous hash, or its event does not name the item).
    #[error("record {index} does not link to the record before it")]
    BrokenLink {
        /// The record.
        index: u32,
    },
    /// An anchored root does not match the records it covers.
    #[error("the anchor at main height {main_height} over {count} records does not match them")]
    AnchorMismatch {
        /// Records the anchor covers.
        count: u32,
        /// Its main-chain height.
        main_height: u64,
        /// The first record it may concern (after the last matching anchor).
        first: u32,
    },
    /// The anchor covers more records than the subchain holds.
    #[error("the anchor covers {anchored} records, the subchain holds {found}")]
    MissingRecords {
        /// Anchored.
        anchored: u32,
        /// Held.
        found: u32,
    },
    /// The signer is not a registered party.
    #[error("record {index}: the signer is not a registered party")]
    SignerUnknown {
        /// The record.
        index: u32,
    },
    /// The signer was not registered at the record's time.
    #[error("record {index}: the signer was not registered at that time")]
    SignerOutOfPeriod {
        /// The record.
        index: u32,
    },
    /// The signer's roles do not include the step.
    #[error("record {index}: the signer may not record {step}")]
    SignerLacksRole {
        /// The record.
        index: u32,
        /// The step.
        step: String,
    },
    /// Time goes backwards between records.
    #[error("record {index} is dated before the record before it")]
    TimeBackwards {
        /// The record.
        index: u32,
    },
    /// The history does not start with the producer's commissioning.
    #[error("the history does not start with commissioning")]
    NoCommissioning,
    /// Recorded as sold more than once.
    #[error("sold {sales} times")]
    SoldTwice {
        /// Sales recorded.
        sales: u32,
    },
    /// Scanned at a counter after its sale.
    #[error("already sold (main height {main_height})")]
    SoldBefore {
        /// The sale's main height.
        main_height: u64,
        /// The sale's time, UTC ms.
        time_ms: u64,
    },
    /// A record after the item was sold.
    #[error("record {index} comes after the sale")]
    AfterSale {
        /// The record.
        index: u32,
    },
    /// Received at a second place without leaving the first.
    #[error("record {index}: at {place} while still at {previous}")]
    TwoPlaces {
        /// The record.
        index: u32,
        /// Where it says the item is.
        place: String,
        /// Where the item was and never left.
        previous: String,
    },
    /// Records beyond the latest anchor.
    #[error("{unanchored} of {total} records are not anchored")]
    Unanchored {
        /// Records not covered.
        unanchored: u32,
        /// All records.
        total: u32,
    },
}

impl Finding {
    /// The verdict this finding leads to.
    #[must_use]
    pub const fn verdict(&self) -> Verdict {
        match self {
            Self::UnknownProduct => Verdict::UnknownProduct,
            Self::Unreadable { .. }
            | Self::HashMismatch { .. }
            | Self::BadSignature { .. }
            | Self::BrokenLink { .. }
            | Self::AnchorMismatch { .. }
            | Self::MissingRecords { .. }
            | Self::TimeBackwards { .. }
            | Self::NoCommissioning => Verdict::Tampered,
            Self::SignerUnknown { .. }
            | Self::SignerOutOfPeriod { .. }
            | Self::SignerLacksRole { .. } => Verdict::SignerNotRegistered,
            Self::SoldTwice { .. }
            | Self::SoldBefore { .. }
            | Self::AfterSale { .. }
            | Self::TwoPlaces { .. } => Verdict::SuspectedClone,
            Self::NotAnchored | Self::Unanchored { .. } => Verdict::Unanchored,
        }
    }

    /// The record it is about, if one.
    #[must_use]
    pub const fn record(&self) -> Option<u32> {
        match self {
            Self::Unreadable { index, .. }
            | Self::HashMismatch { index }
            | Self::BadSignature { index }
            | Self::BrokenLink { index }
            | Self::SignerUnknown { index }
            | Self::SignerOutOfPeriod { index }
            | Self::SignerLacksRole { index, .. }
            | Self::TimeBackwards { index }
            | Self::AfterSale { index }
            | Self::TwoPlaces { index, .. } => Some(*index),
            Self::AnchorMismatch { first, .. } => Some(*first),
            Self::UnknownProduct
            | Self::NotAnchored
            | Self::MissingRecords { .. }
            | Self::NoCommissioning
            | Self::SoldTwice { .. }
            | Self::SoldBefore { .. }
            | Self::Unanchored { .. } => None,
        }
    }

    /// The check of a record it fails, if one.
    #[must_use]
    pub const fn check(&self) -> Option<Check> {
        match self {
            Self::Unreadable { .. } | Self::HashMismatch { .. } => Some(Check::Hash),
            Self::BadSignature { .. } => Some(Check::Signature),
            Self::BrokenLink { .. } => Some(Check::Link),
            Self::SignerUnknown { .. }
            | Self::SignerOutOfPeriod { .. }
            | Self::SignerLacksRole { .. } => Some(Check::Signer),
            Self::AnchorMismatch { .. } | Self::MissingRecords { .. } => Some(Check::Anchor),
            Self::TimeBackwards { .. }
            | Self::NoCommissioning
            | Self::AfterSale { .. }
            | Self::TwoPlaces { .. } => Some(Check::Order),
            Self::UnknownProduct
            | Self::NotAnchored
            | Self::SoldTwice { .. }
            | Self::SoldBefore { .. }
            | Self::Unanchored { .. } => None,
        }
    }
}

fn int(n: u32) -> Arg {
    Arg::from(u64::from(n))
}

impl Coded for Finding {
    fn code(&self) -> &'static str {
        match self {
            Self::UnknownProduct => "trace-reason-unknown-product",
            Self::NotAnchored => "trace-reason-not-anchored",
            Self::Unreadable { .. } => "trace-reason-unreadable",
            Self::HashMismatch { .. } => "trace-reason-hash-mismatch",
            Self::BadSignature { .. } => "trace-reason-bad-signature",
            Self::BrokenLink { .. } => "trace-reason-broken-link",
            Self::AnchorMismatch { .. } => "trace-reason-anchor-mismatch",
            Self::MissingRecords { .. } => "trace-reason-missing-records",
            Self::SignerUnknown { .. } => "trace-reason-signer-unknown",
            Self::SignerOutOfPeriod { .. } => "trace-reason-signer-out-of-period",
            Self::SignerLacksRole { .. } => "trace-reason-signer-lacks-role",
            Self::TimeBackwards { .. } => "trace-reason-time-backwards",
            Self::NoCommissioning => "trace-reason-no-commissioning",
            Self::SoldTwice { .. } => "trace-reason-sold-twice",
            Self::SoldBefore { .. } => "trace-reason-sold-before",
            Self::AfterSale { .. } => "trace-reason-after-sale",
            Self::TwoPlaces { .. } => "trace-reason-two-places",
            Self::Unanchored { .. } => "trace-reason-unanchored",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        // Records are numbered from 1 for people.
        let record = |index: &u32| ("record", int(index.saturating_add(1)));
        match self {
            Self::UnknownProduct | Self::NotAnchored | Self::NoCommissioning => Vec::new(),
            Self::Unreadable { index, reason } => {
                vec![record(index), ("reason", Arg::from(reason))]
            }
            Self::HashMismatch { index }
            | Self::BadSignature { index }
            | Self::BrokenLink { index }
            | Self::SignerUnknown { index }
            | Self::SignerOutOfPeriod { index }
            | Self::TimeBackwards { index }
            | Self::AfterSale { index } => vec![record(index)],
            Self::SignerLacksRole { index, step } => vec![record(index), ("step", Arg::from(step))],
            Self::AnchorMismatch {
                count,
                main_height,
                first,
            } => vec![
                ("count", int(*count)),
                ("height", Arg::from(*main_height)),
                ("first", int(first.saturating_add(1))),
            ],
            Self::MissingRecords { anchored, found } => {
                vec![("anchored", int(*anchored)), ("found", int(*found))]
            }
            Self::SoldTwice { sales } => vec![("sales", int(*sales))],
            Self::SoldBefore {
                main_height,
                time_ms,
            } => vec![
                ("height", Arg::from(*main_height)),
                ("time", Arg::from(*time_ms)),
            ],
            Self::TwoPlaces {
                index,
                place,
                previous,
            } => vec![
                record(index),
                ("place", Arg::from(place)),
                ("previous", Arg::from(previous)),
            ],
            Self::Unanchored { unanchored, total } => {
                vec![("count", int(*unanchored)), ("total", int(*total))]
            }
        }
    }
}
