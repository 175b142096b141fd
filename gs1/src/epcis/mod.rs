//! EPCIS 2.0 events in JSON / JSON-LD: reading documents, query documents
//! and single events; accessors for what provenance needs; a builder for
//! the events Jifen writes.

mod builder;
pub(crate) mod context;
mod error;
pub(crate) mod time;

pub use builder::{EPCIS_CONTEXT, EventBuilder, JIFEN_NAMESPACE};
pub use error::EpcisError;

use jifen_protocol::provenance::ItemId;
use serde_json::{Map, Value};

use crate::digital_link::item_from_uri;
use crate::event_hash::EventHash;
use crate::identifiers::canonical_id;
use context::Namespaces;

/// Largest document read, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;
/// Deepest nesting of JSON arrays and objects accepted.
pub const MAX_DEPTH: usize = 64;
/// Most events in one document.
pub const MAX_EVENTS: usize = 100_000;

/// The five EPCIS 2.0 event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    /// `ObjectEvent`.
    Object,
    /// `AggregationEvent`.
    Aggregation,
    /// `TransformationEvent`.
    Transformation,
    /// `TransactionEvent`.
    Transaction,
    /// `AssociationEvent`.
    Association,
}

impl EventKind {
    /// The JSON `type` value.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Object => "ObjectEvent",
            Self::Aggregation => "AggregationEvent",
            Self::Transformation => "TransformationEvent",
            Self::Transaction => "TransactionEvent",
            Self::Association => "AssociationEvent",
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        [
            Self::Object,
            Self::Aggregation,
            Self::Transformation,
            Self::Transaction,
            Self::Association,
        ]
        .into_iter()
        .find(|kind| kind.name() == name)
    }
}

/// An event's `action`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// `ADD`.
    Add,
    /// `OBSERVE`.
    Observe,
    /// `DELETE`.
    Delete,
}

impl Action {
    /// The JSON value.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Add => "ADD",
            Self::Observe => "OBSERVE",
            Self::Delete => "DELETE",
        }
    }
}

/// One EPCIS event: its JSON object, the `@context` prefixes in effect, and
/// the fields checked when it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    json: Value,
    namespaces: Namespaces,
    kind: EventKind,
    time_ms: i64,
    time_zone_offset: String,
    action: Option<Action>,
}

fn clip(text: &str) -> String {
    text.chars().take(64).collect()
}

/// Depth of nested arrays/objects, stopping at `limit + 1`.
fn depth_exceeds(value: &Value, limit: usize) -> bool {
    // An explicit stack: the check itself must not recurse on hostile input.
    let mut stack = vec![(value, 0usize)];
    while let Some((value, depth)) = stack.pop() {
        match value {
            Value::Array(items) if !items.is_empty() => {
                if depth >= limit {
                    return true;
                }
                stack.extend(items.iter().map(|child| (child, depth + 1)));
            }
            Value::Object(map) if !map.is_empty() => {
                if depth >= limit {
                    return true;
                }
                stack.extend(map.values().map(|child| (child, depth + 1)));
            }
            _ => {}
        }
    }
    false
}

/// Reads the events of an EPCIS 2.0 JSON document (`epcisBody.eventList`),
/// a query document (`epcisBody.queryResults.resultsBody.eventList`), a
/// document with a single `epcisBody.event`, or one bare event object, in
/// document order. Each event inherits the document's `@context`.
///
/// # Errors
/// [`EpcisError`]: too large or deep, not JSON, no event list, or the
/// first event that lacks or garbles a required field.
pub fn parse_events(json: &[u8]) -> Result<Vec<Event>, EpcisError> {
    if json.len() > MAX_DOCUMENT_BYTES {
        return Err(EpcisError::TooLarge {
            max: MAX_DOCUMENT_BYTES,
            got: json.len(),
        });
    }
    let root: Value = serde_json::from_slice(json).map_err(|error| {
        if error.to_string().contains("recursion limit") {
            EpcisError::TooDeep { max: MAX_DEPTH }
        } else {
            EpcisError::NotJson {
                reason: error.to_string(),
            }
        }
    })?;
    if depth_exceeds(&root, MAX_DEPTH) {
        return Err(EpcisError::TooDeep { max: MAX_DEPTH });
    }
    let Value::Object(mut document) = root else {
        return Err(EpcisError::NotAnObject { index: 0 });
    };
    let mut namespaces = Namespaces::default();
    namespaces.extend_from(document.get("@context"));
    let Some(body) = document.get_mut("epcisBody") else {
        let is_event = document
            .get("type")
            .and_then(Value::as_str)
            .is_some_and(|t| EventKind::from_name(t).is_some());
        if !is_event {
            return Err(EpcisError::NoEventList);
        }
        return Ok(vec![Event::from_object(
            0,
            document,
            Namespaces::default(),
        )?]);
    };
    // Events are moved out of the document, not copied.
    let events: Vec<Value> = if let Some(list) = body.get_mut("eventList") {
        take_list(list)?
    } else if let Some(list) = body
        .get_mut("queryResults")
        .and_then(|q| q.get_mut("resultsBody"))
        .and_then(|r| r.get_mut("eventList"))
    {
        take_list(list)?
    } else if let Some(single) = body.get_mut("event") {
        vec![single.take()]
    } else {
        return Err(EpcisError::NoEventList);
    };
    if events.len() > MAX_EVENTS {
        return Err(EpcisError::TooManyEvents { max: MAX_EVENTS });
    }
    events
        .into_iter()
        .enumerate()
        .map(|(index, value)| match value {
            Value::Object(map) => Event::from_object(index, map, namespaces.clone()),
            _ => Err(EpcisError::NotAnObject { index }),
        })
        .collect()
}

fn take_list(list: &mut Value) -> Result<Vec<Value>, EpcisError> {
    match list.take() {
        Value::Array(items) => Ok(items),
        _ => Err(EpcisError::NoEventList),
    }
}

const ID_LISTS: [&str; 4] = ["epcList", "childEPCs", "inputEPCList", "outputEPCList"];

impl Event {
    /// Reads one event object (e.g. from [`EventBuilder::build`]); its own
    /// `@context`, if any, applies.
    ///
    /// # Errors
    /// As [`parse_events`] for one event.
    pub fn from_json(value: Value) -> Result<Self, EpcisError> {
        if depth_exceeds(&value, MAX_DEPTH) {
            return Err(EpcisError::TooDeep { max: MAX_DEPTH });
        }
        match value {
            Value::Object(map) => Self::from_object(0, map, Namespaces::default()),
            _ => Err(EpcisError::NotAnObject { index: 0 }),
        }
    }

    fn from_object(
        index: usize,
        map: Map<String, Value>,
        mut namespaces: Namespaces,
    ) -> Result<Self, EpcisError> {
        namespaces.extend_from(map.get("@context"));
        let text = |field: &'static str| -> Result<Option<&str>, EpcisError> {
            match map.get(field) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.as_str())),
                Some(_) => Err(EpcisError::BadField { index, field }),
            }
        };
        let type_name = text("type")?.ok_or(EpcisError::MissingField {
            index,
            field: "type",
        })?;
        let kind = EventKind::from_name(type_name).ok_or_else(|| EpcisError::UnknownEventType {
            index,
            got: clip(type_name),
        })?;
        let time = text("eventTime")?.ok_or(EpcisError::MissingField {
            index,
            field: "eventTime",
        })?;
        let stamp = time::parse_timestamp(time)
            .filter(|t| t.zoned)
            .ok_or_else(|| EpcisError::BadEventTime {
                index,
                got: clip(time),
            })?;
        let offset = text("eventTimeZoneOffset")?.ok_or(EpcisError::MissingField {
            index,
            field: "eventTimeZoneOffset",
        })?;
        if offset == "Z" || time::parse_offset(offset).is_none() {
            return Err(EpcisError::BadTimeZoneOffset {
                index,
                got: clip(offset),
            });
        }
        let action = match text("action")? {
            Some("ADD") => Some(Action::Add),
            Some("OBSERVE") => Some(Action::Observe),
            Some("DELETE") => Some(Action::Delete),
            Some(other) => {
                return Err(EpcisError::BadAction {
                    index,
                    got: clip(other),
                });
            }
            None if kind == EventKind::Transformation => None,
            None => {
                return Err(EpcisError::MissingField {
                    index,
                    field: "action",
                });
            }
        };
        for field in ID_LISTS {
            match map.get(field) {
                None => {}
                Some(Value::Array(items)) if items.iter().all(Value::is_string) => {}
                Some(_) => return Err(EpcisError::BadField { index, field }),
            }
        }
        text("parentID")?;
        text("bizStep")?;
        text("disposition")?;
        Ok(Self {
            time_zone_offset: offset.to_owned(),
            json: Value::Object(map),
            namespaces,
            kind,
            time_ms: stamp.ms,
            action,
        })
    }

    /// The event type.
    #[must_use]
    pub const fn kind(&self) -> EventKind {
        self.kind
    }

    /// The event's JSON object, as read.
    #[must_use]
    pub const fn json(&self) -> &Value {
        &self.json
    }

    pub(crate) const fn namespaces(&self) -> &Namespaces {
        &self.namespaces
    }

    /// `eventTime` in UTC milliseconds since the epoch (a fourth decimal of
    /// 5-9 rounds up, as the CBV 2.0 event hash does).
    #[must_use]
    pub const fn event_time_ms(&self) -> i64 {
        self.time_ms
    }

    /// `eventTimeZoneOffset` as written (`±HH:MM`).
    #[must_use]
    pub fn time_zone_offset(&self) -> &str {
        &self.time_zone_offset
    }

    /// `action` (none for a `TransformationEvent`).
    #[must_use]
    pub const fn action(&self) -> Option<Action> {
        self.action
    }

    fn str_field(&self, field: &str) -> Option<&str> {
        self.json.get(field)?.as_str()
    }

    fn short_name(&self, field: &str, urn: &str, web: &str) -> Option<String> {
        let value = self.str_field(field)?.trim();
        let expanded = self.namespaces.expand(value);
        let short = expanded
            .strip_prefix(urn)
            .or_else(|| expanded.strip_prefix(web))
            .unwrap_or(&expanded);
        Some(short.to_owned())
    }

    /// The business step's CBV short name (`receiving`), however written
    /// (bare, `urn:epcglobal:cbv:bizstep:...`, `https://ref.gs1.org/cbv/BizStep-...`,
    /// `cbv:BizStep-...`); a non-CBV step as written.
    #[must_use]
    pub fn biz_step(&self) -> Option<String> {
        self.short_name(
            "bizStep",
            "urn:epcglobal:cbv:bizstep:",
            "https://ref.gs1.org/cbv/BizStep-",
        )
    }

    /// The disposition's CBV short name, as [`biz_step`](Self::biz_step).
    #[must_use]
    pub fn disposition(&self) -> Option<String> {
        self.short_name(
            "disposition",
            "urn:epcglobal:cbv:disp:",
            "https://ref.gs1.org/cbv/Disp-",
        )
    }

    /// `readPoint.id` as written.
    #[must_use]
    pub fn read_point(&self) -> Option<String> {
        Some(self.json.get("readPoint")?.get("id")?.as_str()?.to_owned())
    }

    /// `bizLocation.id` as written.
    #[must_use]
    pub fn biz_location(&self) -> Option<String> {
        Some(
            self.json
                .get("bizLocation")?
                .get("id")?
                .as_str()?
                .to_owned(),
        )
    }

    /// Every instance identifier the event names (`epcList`, `parentID`,
    /// `childEPCs`, `inputEPCList`, `outputEPCList`), each in canonical GS1
    /// Digital Link form where it is a GS1 key (as written otherwise).
    #[must_use]
    pub fn epcs(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut push =
            |id: &str| out.push(canonical_id(id.trim()).unwrap_or_else(|| id.trim().to_owned()));
        if let Some(parent) = self.str_field("parentID") {
            push(parent);
        }
        for field in ID_LISTS {
            if let Some(Value::Array(items)) = self.json.get(field) {
                items.iter().filter_map(Value::as_str).for_each(&mut push);
            }
        }
        out
    }

    /// Whether the event names `item` among [`epcs`](Self::epcs) (in any
    /// form: EPC URN or Digital Link on any host).
    #[must_use]
    pub fn mentions(&self, item: &ItemId) -> bool {
        self.epcs()
            .iter()
            .any(|epc| item_from_uri(epc).as_ref() == Some(item))
    }

    /// A top-level user extension field by full IRI
    /// (`https://jifen.example/epcis/sealed`), its key written with any
    /// prefix of the event's `@context`.
    #[must_use]
    pub fn extension(&self, iri: &str) -> Option<&Value> {
        let map = self.json.as_object()?;
        map.iter().find_map(|(key, value)| {
            let matches = match self.namespaces.split(key) {
                Some((namespace, local)) => iri.strip_prefix(namespace) == Some(local),
                None => key == iri,
            };
            matches.then_some(value)
        })
    }

    /// The CBV 2.0 event hash.
    #[must_use]
    pub fn hash(&self) -> EventHash {
        crate::event_hash::event_hash(self)
    }
}

#[cfg(test)]
mod tests;
