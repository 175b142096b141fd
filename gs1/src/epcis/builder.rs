//! The EPCIS 2.0 events Jifen writes.

use jifen_protocol::provenance::ItemId;
use serde_json::{Map, Value, json};

use super::time::{format_timestamp, parse_offset};
use super::{Action, EpcisError, Event, EventKind};
use crate::digital_link::item_uri;

/// The standard EPCIS 2.0 JSON-LD context.
pub const EPCIS_CONTEXT: &str = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
/// Jifen's extension namespace (prefix `jifen`).
pub const JIFEN_NAMESPACE: &str = "https://jifen.example/epcis/";

/// Builds a valid EPCIS 2.0 event as JSON, with `@context`
/// `[EPCIS_CONTEXT, {"jifen": JIFEN_NAMESPACE}]` (plus any prefix of the
/// standard context, such as `cbvmda`, that an ILMD or extension key uses).
///
/// ```
/// use jifen_gs1::{Action, EventBuilder, Event};
/// use jifen_protocol::provenance::{Gtin, ItemId};
///
/// let item = ItemId::new(Gtin::parse("09506000134352").unwrap(), "A1").unwrap();
/// let json = EventBuilder::object(1_700_000_000_000, "+08:00", Action::Observe, "receiving")
///     .epc(&item)
///     .read_point("https://id.gs1.org/414/9506000134352")
///     .build();
/// let event = Event::from_json(json).unwrap();
/// assert!(event.mentions(&item));
/// assert_eq!(event.biz_step().as_deref(), Some("receiving"));
/// ```
#[derive(Debug, Clone)]
pub struct EventBuilder {
    kind: EventKind,
    time_ms: i64,
    time_zone: String,
    action: Option<Action>,
    biz_step: String,
    fields: Map<String, Value>,
    ilmd: Map<String, Value>,
    extensions: Map<String, Value>,
}

impl EventBuilder {
    fn new(
        kind: EventKind,
        time_ms: i64,
        tz: &str,
        action: Option<Action>,
        biz_step: &str,
    ) -> Self {
        Self {
            kind,
            time_ms,
            time_zone: tz.to_owned(),
            action,
            biz_step: biz_step.to_owned(),
            fields: Map::new(),
            ilmd: Map::new(),
            extensions: Map::new(),
        }
    }

    /// An `ObjectEvent` at `time_ms` (UTC ms) shown in zone `tz` (`+08:00`).
    #[must_use]
    pub fn object(time_ms: i64, tz: &str, action: Action, biz_step: &str) -> Self {
        Self::new(EventKind::Object, time_ms, tz, Some(action), biz_step)
    }

    /// An `AggregationEvent` (parent + children).
    #[must_use]
    pub fn aggregation(time_ms: i64, tz: &str, action: Action, biz_step: &str) -> Self {
        Self::new(EventKind::Aggregation, time_ms, tz, Some(action), biz_step)
    }

    /// A `TransactionEvent`.
    #[must_use]
    pub fn transaction(time_ms: i64, tz: &str, action: Action, biz_step: &str) -> Self {
        Self::new(EventKind::Transaction, time_ms, tz, Some(action), biz_step)
    }

    /// A `TransformationEvent` (inputs consumed, outputs made; no action).
    #[must_use]
    pub fn transformation(time_ms: i64, tz: &str, biz_step: &str) -> Self {
        Self::new(EventKind::Transformation, time_ms, tz, None, biz_step)
    }

    fn push(&mut self, list: &str, value: Value) {
        let entry = self
            .fields
            .entry(list.to_owned())
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(items) = entry {
            items.push(value);
        }
    }

    /// Adds an item to `epcList`.
    #[must_use]
    pub fn epc(mut self, item: &ItemId) -> Self {
        self.push("epcList", Value::String(item_uri(item)));
        self
    }

    /// Sets `parentID` (any identifier URI).
    #[must_use]
    pub fn parent(mut self, uri: &str) -> Self {
        self.fields
            .insert("parentID".to_owned(), Value::String(uri.to_owned()));
        self
    }

    /// Adds an item to `childEPCs`.
    #[must_use]
    pub fn child(mut self, item: &ItemId) -> Self {
        self.push("childEPCs", Value::String(item_uri(item)));
        self
    }

    /// Adds an identifier to `inputEPCList`.
    #[must_use]
    pub fn input(mut self, uri: &str) -> Self {
        self.push("inputEPCList", Value::String(uri.to_owned()));
        self
    }

    /// Adds an item to `outputEPCList`.
    #[must_use]
    pub fn output(mut self, item: &ItemId) -> Self {
        self.push("outputEPCList", Value::String(item_uri(item)));
        self
    }

    /// Adds a quantity element (`epcClass`, `quantity`, optional `uom`) to
    /// the list that fits the event type (`quantityList`, `childQuantityList`
    /// for aggregations, `outputQuantityList` for transformations).
    #[must_use]
    pub fn quantity(mut self, epc_class: &str, quantity: u64, uom: Option<&str>) -> Self {
        let mut element = Map::new();
        element.insert("epcClass".to_owned(), Value::String(epc_class.to_owned()));
        element.insert("quantity".to_owned(), Value::from(quantity));
        if let Some(uom) = uom {
            element.insert("uom".to_owned(), Value::String(uom.to_owned()));
        }
        let list = match self.kind {
            EventKind::Aggregation => "childQuantityList",
            EventKind::Transformation => "outputQuantityList",
            _ => "quantityList",
        };
        self.push(list, Value::Object(element));
        self
    }

    /// Sets the disposition (CBV short name or URI).
    #[must_use]
    pub fn disposition(mut self, disposition: &str) -> Self {
        self.fields.insert(
            "disposition".to_owned(),
            Value::String(disposition.to_owned()),
        );
        self
    }

    /// Sets `readPoint.id`.
    #[must_use]
    pub fn read_point(mut self, id: &str) -> Self {
        self.fields
            .insert("readPoint".to_owned(), json!({ "id": id }));
        self
    }

    /// Sets `bizLocation.id`.
    #[must_use]
    pub fn biz_location(mut self, id: &str) -> Self {
        self.fields
            .insert("bizLocation".to_owned(), json!({ "id": id }));
        self
    }

    /// Adds a business transaction (`type` a CBV short name, or none).
    #[must_use]
    pub fn biz_transaction(mut self, kind: Option<&str>, id: &str) -> Self {
        let mut element = Map::new();
        if let Some(kind) = kind {
            element.insert("type".to_owned(), Value::String(kind.to_owned()));
        }
        element.insert("bizTransaction".to_owned(), Value::String(id.to_owned()));
        self.push("bizTransactionList", Value::Object(element));
        self
    }

    /// Adds an ILMD field (`key` a compact IRI such as `jifen:origin` or
    /// `cbvmda:lotNumber`).
    #[must_use]
    pub fn ilmd(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.ilmd.insert(key.to_owned(), value.into());
        self
    }

    /// Adds a user extension field (`key` a compact IRI such as `jifen:sealed`).
    #[must_use]
    pub fn extension(mut self, key: &str, value: Value) -> Self {
        self.extensions.insert(key.to_owned(), value);
        self
    }

    /// The event's JSON. A `tz` that is not `±HH:MM` is written as given,
    /// with `eventTime` in UTC: the event then fails to parse;
    /// [`try_build`](Self::try_build) reports it instead.
    #[must_use]
    pub fn build(self) -> Value {
        let offset = parse_offset(&self.time_zone).filter(|_| self.time_zone != "Z");
        let suffix = if offset.is_some() {
            self.time_zone.clone()
        } else {
            "Z".to_owned()
        };
        // Prefixes of the standard context used in keys are declared too:
        // JSON-LD needs no declaration, but implementations that read only
        // the document's own prefixes (the reference event hash generator
        // among them) would otherwise hash the key unexpanded.
        let mut prefixes = Map::new();
        prefixes.insert(
            "jifen".to_owned(),
            Value::String(JIFEN_NAMESPACE.to_owned()),
        );
        for key in self.ilmd.keys().chain(self.extensions.keys()) {
            let Some((prefix, _)) = key.split_once(':') else {
                continue;
            };
            if let Some((_, namespace)) =
                super::context::STANDARD.iter().find(|(p, _)| *p == prefix)
            {
                prefixes.insert(prefix.to_owned(), Value::String((*namespace).to_owned()));
            }
        }
        let mut event = Map::new();
        event.insert("@context".to_owned(), json!([EPCIS_CONTEXT, prefixes]));
        event.insert(
            "type".to_owned(),
            Value::String(self.kind.name().to_owned()),
        );
        event.insert(
            "eventTime".to_owned(),
            Value::String(format_timestamp(self.time_ms, offset.unwrap_or(0), &suffix)),
        );
        event.insert(
            "eventTimeZoneOffset".to_owned(),
            Value::String(self.time_zone),
        );
        let (ids, rest): (Vec<_>, Vec<_>) = self.fields.into_iter().partition(|(key, _)| {
            matches!(
                key.as_str(),
                "parentID" | "epcList" | "childEPCs" | "inputEPCList" | "outputEPCList"
            ) || key.ends_with("QuantityList")
                || key == "quantityList"
        });
        event.extend(ids);
        if let Some(action) = self.action {
            event.insert("action".to_owned(), Value::String(action.name().to_owned()));
        }
        event.insert("bizStep".to_owned(), Value::String(self.biz_step));
        event.extend(rest);
        if !self.ilmd.is_empty() {
            event.insert("ilmd".to_owned(), Value::Object(self.ilmd));
        }
        event.extend(self.extensions);
        Value::Object(event)
    }

    /// [`build`](Self::build), then the result read back as an [`Event`].
    ///
    /// # Errors
    /// What [`Event::from_json`] refuses (a bad time zone, a field of the
    /// wrong JSON type).
    pub fn try_build(self) -> Result<(Value, Event), EpcisError> {
        let json = self.build();
        let event = Event::from_json(json.clone())?;
        Ok((json, event))
    }
}
