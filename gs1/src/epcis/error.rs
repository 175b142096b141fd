//! Why a text is not EPCIS 2.0 events we can read.

use jifen_protocol::message::{Arg, Coded};

/// Why a document or event is refused.
///
/// Codes: `epcis-too-large`, `epcis-not-json`, `epcis-too-deep`,
/// `epcis-no-event-list`, `epcis-not-an-object`, `epcis-unknown-event-type`,
/// `epcis-missing-field`, `epcis-bad-field`, `epcis-bad-event-time`,
/// `epcis-bad-time-zone-offset`, `epcis-bad-action`, `epcis-too-many-events`,
/// `epcis-bad-event-hash`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EpcisError {
    /// Larger than [`MAX_DOCUMENT_BYTES`](super::MAX_DOCUMENT_BYTES).
    #[error("EPCIS document is {got} bytes, at most {max} allowed")]
    TooLarge {
        /// Bound.
        max: usize,
        /// Size found.
        got: usize,
    },
    /// Not JSON (or not UTF-8).
    #[error("not JSON: {reason}")]
    NotJson {
        /// The parser's reason (line and column).
        reason: String,
    },
    /// Nested deeper than [`MAX_DEPTH`](super::MAX_DEPTH).
    #[error("EPCIS document nests deeper than {max} levels")]
    TooDeep {
        /// Bound.
        max: usize,
    },
    /// Neither an EPCIS document, a query document nor a single event.
    #[error("no EPCIS event list (epcisBody.eventList) and not a single event")]
    NoEventList,
    /// An event (or the document) that is not a JSON object.
    #[error("event {index} is not a JSON object")]
    NotAnObject {
        /// Position in the list, from 0.
        index: usize,
    },
    /// `type` is not one of the five EPCIS event types.
    #[error("event {index} has type {got:?}, not an EPCIS event type")]
    UnknownEventType {
        /// Position in the list, from 0.
        index: usize,
        /// The type written (at most 64 characters).
        got: String,
    },
    /// A field the standard requires is missing.
    #[error("event {index} lacks the required field {field}")]
    MissingField {
        /// Position in the list, from 0.
        index: usize,
        /// The field's JSON name.
        field: &'static str,
    },
    /// A field of the wrong JSON type (e.g. `epcList` not a list of strings).
    #[error("event {index} has a malformed {field}")]
    BadField {
        /// Position in the list, from 0.
        index: usize,
        /// The field's JSON name.
        field: &'static str,
    },
    /// `eventTime` is not an `xsd:dateTimeStamp` with an offset.
    #[error("event {index} has an invalid eventTime {got:?}")]
    BadEventTime {
        /// Position in the list, from 0.
        index: usize,
        /// The value written (at most 64 characters).
        got: String,
    },
    /// `eventTimeZoneOffset` is not `±HH:MM`.
    #[error("event {index} has an invalid eventTimeZoneOffset {got:?}")]
    BadTimeZoneOffset {
        /// Position in the list, from 0.
        index: usize,
        /// The value written (at most 64 characters).
        got: String,
    },
    /// `action` is not `ADD`, `OBSERVE` or `DELETE`.
    #[error("event {index} has action {got:?}, not ADD, OBSERVE or DELETE")]
    BadAction {
        /// Position in the list, from 0.
        index: usize,
        /// The value written (at most 64 characters).
        got: String,
    },
    /// More events than [`MAX_EVENTS`](super::MAX_EVENTS).
    #[error("more than {max} events in one document")]
    TooManyEvents {
        /// Bound.
        max: usize,
    },
    /// Not an event hash `ni:///sha-256;<64 hex>?ver=CBV2.0`.
    #[error("not a CBV 2.0 event hash (ni:///sha-256;<64 hex>?ver=CBV2.0)")]
    BadEventHash,
}

impl EpcisError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::TooLarge { .. } => "epcis-too-large",
            Self::NotJson { .. } => "epcis-not-json",
            Self::TooDeep { .. } => "epcis-too-deep",
            Self::NoEventList => "epcis-no-event-list",
            Self::NotAnObject { .. } => "epcis-not-an-object",
            Self::UnknownEventType { .. } => "epcis-unknown-event-type",
            Self::MissingField { .. } => "epcis-missing-field",
            Self::BadField { .. } => "epcis-bad-field",
            Self::BadEventTime { .. } => "epcis-bad-event-time",
            Self::BadTimeZoneOffset { .. } => "epcis-bad-time-zone-offset",
            Self::BadAction { .. } => "epcis-bad-action",
            Self::TooManyEvents { .. } => "epcis-too-many-events",
            Self::BadEventHash => "epcis-bad-event-hash",
        }
    }

    /// Every code, for catalog checks.
    pub const CODES: [&'static str; 13] = [
        "epcis-too-large",
        "epcis-not-json",
        "epcis-too-deep",
        "epcis-no-event-list",
        "epcis-not-an-object",
        "epcis-unknown-event-type",
        "epcis-missing-field",
        "epcis-bad-field",
        "epcis-bad-event-time",
        "epcis-bad-time-zone-offset",
        "epcis-bad-action",
        "epcis-too-many-events",
        "epcis-bad-event-hash",
    ];
}

impl Coded for EpcisError {
    fn code(&self) -> &'static str {
        EpcisError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        // People count events from 1.
        let event =
            |index: &usize| -> (&'static str, Arg) { ("event", index.saturating_add(1).into()) };
        match self {
            Self::TooLarge { max, got } => vec![("max", (*max).into()), ("got", (*got).into())],
            Self::NotJson { reason } => vec![("reason", reason.into())],
            Self::TooDeep { max } | Self::TooManyEvents { max } => vec![("max", (*max).into())],
            Self::NoEventList | Self::BadEventHash => Vec::new(),
            Self::NotAnObject { index } => vec![event(index)],
            Self::UnknownEventType { index, got }
            | Self::BadEventTime { index, got }
            | Self::BadTimeZoneOffset { index, got }
            | Self::BadAction { index, got } => vec![event(index), ("got", got.into())],
            Self::MissingField { index, field } | Self::BadField { index, field } => {
                vec![event(index), ("field", (*field).into())]
            }
        }
    }
}
