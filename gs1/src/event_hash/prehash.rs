//! The pre-hash string.

use serde_json::{Map, Value};

use super::canon::{self, Vocab, scalar_text};
use crate::epcis::Event;
use crate::epcis::context::Namespaces;

/// Fields that take no part in the hash, at the event's top level.
const EXCLUDED: [&str; 6] = [
    "type",
    "eventID",
    "recordTime",
    "errorDeclaration",
    "@context",
    "#text",
];
/// Comments take no part at any level.
const COMMENTS: [&str; 2] = ["rdfs:comment", "comment"];

/// Identifier lists: JSON field, and the entry name in the pre-hash string.
const ID_LISTS: [&str; 4] = ["epcList", "inputEPCList", "childEPCs", "outputEPCList"];

const SENSOR_METADATA: [&str; 8] = [
    "time",
    "startTime",
    "endTime",
    "deviceID",
    "deviceMetadata",
    "rawData",
    "dataProcessingMethod",
    "bizRules",
];
const SENSOR_REPORT: [&str; 23] = [
    "type",
    "exception",
    "deviceID",
    "deviceMetadata",
    "rawData",
    "dataProcessingMethod",
    "time",
    "microorganism",
    "chemicalSubstance",
    "value",
    "component",
    "stringValue",
    "booleanValue",
    "hexBinaryValue",
    "uriValue",
    "minValue",
    "maxValue",
    "meanValue",
    "sDev",
    "percRank",
    "percValue",
    "uom",
    "coordinateReferenceSystem",
];

struct Writer<'a> {
    ns: &'a Namespaces,
}

/// The values of a field: one for a scalar, each scalar of a list.
fn scalars(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().filter_map(scalar_text).collect(),
        other => scalar_text(other).into_iter().collect(),
    }
}

/// The timestamp fields among the ordered ones (CBV 2.0 rules 8-9; the
/// reference applies them to every ordered field whose name holds "time"
/// but not "offset": exactly these).
fn is_time_field(name: &str) -> bool {
    matches!(name, "eventTime" | "time" | "startTime" | "endTime")
}

impl Writer<'_> {
    /// `name=value` entries of one field, sorted (empty values dropped).
    fn simple(&self, name: &str, value: Option<&Value>, vocab: Option<Vocab>) -> Vec<String> {
        let Some(value) = value else {
            return Vec::new();
        };
        let mut out: Vec<String> = scalars(value)
            .iter()
            .map(|text| {
                if is_time_field(name) {
                    canon::timestamp(text)
                } else {
                    canon::value(text, self.ns, vocab)
                }
            })
            .filter(|text| !text.is_empty())
            .map(|text| format!("{name}={text}"))
            .collect();
        out.sort();
        out
    }

    /// Fields in a fixed order, then the object's other (extension) fields,
    /// each rendered generically and sorted.
    fn ordered(
        &self,
        map: &Map<String, Value>,
        order: &[&str],
        vocab_of: impl Fn(&str) -> Option<Vocab>,
    ) -> String {
        let mut out = String::new();
        for field in order {
            out.extend(self.simple(field, map.get(*field), vocab_of(field)));
        }
        let mut rest: Vec<String> = map
            .iter()
            .filter(|(key, _)| !order.contains(&key.as_str()) && !COMMENTS.contains(&key.as_str()))
            .flat_map(|(key, value)| self.generic(key, value))
            .collect();
        rest.sort();
        out.extend(rest);
        out
    }

    /// A key with its namespace written `{iri}local`.
    fn key(&self, key: &str) -> String {
        match self.ns.split(key) {
            Some((namespace, local)) => format!("{{{namespace}}}{local}"),
            None => key.to_owned(),
        }
    }

    /// A field outside the canonical order: `key=value`, or `key` followed
    /// by its children sorted; a list gives one entry per element.
    fn generic(&self, key: &str, value: &Value) -> Vec<String> {
        let name = self.key(key);
        match value {
            Value::Array(items) => items
                .iter()
                .flat_map(|item| self.generic(key, item))
                .collect(),
            Value::Object(map) => {
                let mut children: Vec<String> = map
                    .iter()
                    .filter(|(k, _)| !COMMENTS.contains(&k.as_str()))
                    .flat_map(|(k, v)| self.generic(k, v))
                    .collect();
                children.sort();
                vec![format!("{name}{}", children.concat())]
            }
            Value::Null => Vec::new(),
            scalar => {
                let text = scalar_text(scalar).unwrap_or_default();
                let text = canon::value(&text, self.ns, None);
                if text.is_empty() {
                    vec![name]
                } else {
                    vec![format!("{name}={text}")]
                }
            }
        }
    }

    /// `bizTransactionList`, `sourceList`, `destinationList`: per entry
    /// `type=<type>` then `<field>=<id>` (rule 13), entries sorted.
    fn typed_list(&self, list: &str, field: &str, value: &Value, vocab: Vocab) -> Option<String> {
        let Value::Array(items) = value else {
            return None;
        };
        let mut entries: Vec<String> = items
            .iter()
            .filter_map(Value::as_object)
            .map(|entry| {
                let mut text = self.simple("type", entry.get("type"), Some(vocab)).concat();
                text.push_str(&self.simple(field, entry.get(field), None).concat());
                let mut rest: Vec<String> = entry
                    .iter()
                    .filter(|(k, _)| *k != "type" && *k != field && !COMMENTS.contains(&k.as_str()))
                    .flat_map(|(k, v)| self.generic(k, v))
                    .collect();
                rest.sort();
                text.extend(rest);
                text
            })
            .collect();
        entries.sort();
        Some(format!("{list}{}", entries.concat()))
    }

    fn id_list(&self, list: &str, value: Option<&Value>) -> String {
        let entries = value
            .map(|v| self.simple("epc", Some(v), None))
            .unwrap_or_default();
        if entries.is_empty() {
            String::new()
        } else {
            format!("{list}{}", entries.concat())
        }
    }

    fn quantity_list(&self, list: &str, value: Option<&Value>) -> String {
        let Some(Value::Array(items)) = value else {
            return String::new();
        };
        let mut entries: Vec<String> = items
            .iter()
            .filter_map(Value::as_object)
            .map(|element| self.ordered(element, &["epcClass", "quantity", "uom"], |_| None))
            .filter(|text| !text.is_empty())
            .map(|text| format!("quantityElement{text}"))
            .collect();
        entries.sort();
        if entries.is_empty() {
            String::new()
        } else {
            format!("{list}{}", entries.concat())
        }
    }

    fn location(&self, name: &str, value: Option<&Value>) -> String {
        let Some(Value::Object(map)) = value else {
            return String::new();
        };
        let text = self.ordered(map, &["id"], |_| None);
        if text.is_empty() {
            String::new()
        } else {
            format!("{name}{text}")
        }
    }

    fn persistent_disposition(&self, value: Option<&Value>) -> String {
        let Some(Value::Object(map)) = value else {
            return String::new();
        };
        let vocab = |_: &str| Some(Vocab::Disposition);
        let text = self.ordered(map, &["set", "unset"], vocab);
        if text.is_empty() {
            String::new()
        } else {
            format!("persistentDisposition{text}")
        }
    }

    fn sensor_elements(&self, value: Option<&Value>) -> String {
        let Some(Value::Array(items)) = value else {
            return String::new();
        };
        let mut elements: Vec<String> = items
            .iter()
            .filter_map(Value::as_object)
            .map(|element| {
                let mut text = String::new();
                if let Some(Value::Object(metadata)) = element.get("sensorMetadata") {
                    let inner = self.ordered(metadata, &SENSOR_METADATA, |_| None);
                    if !inner.is_empty() {
                        text.push_str("sensorMetadata");
                        text.push_str(&inner);
                    }
                }
                let reports: Vec<&Map<String, Value>> = match element.get("sensorReport") {
                    Some(Value::Array(reports)) => {
                        reports.iter().filter_map(Value::as_object).collect()
                    }
                    Some(Value::Object(report)) => vec![report],
                    _ => Vec::new(),
                };
                let mut reports: Vec<String> = reports
                    .into_iter()
                    .map(|report| {
                        self.ordered(report, &SENSOR_REPORT, |field| match field {
                            "type" => Some(Vocab::MeasurementType),
                            "exception" => Some(Vocab::SensorException),
                            "component" => Some(Vocab::Component),
                            _ => None,
                        })
                    })
                    .filter(|text| !text.is_empty())
                    .map(|text| format!("sensorReport{text}"))
                    .collect();
                reports.sort();
                text.extend(reports);
                let mut rest: Vec<String> = element
                    .iter()
                    .filter(|(k, _)| {
                        !matches!(k.as_str(), "sensorMetadata" | "sensorReport")
                            && !COMMENTS.contains(&k.as_str())
                    })
                    .flat_map(|(k, v)| self.generic(k, v))
                    .collect();
                rest.sort();
                text.extend(rest);
                text
            })
            .filter(|text| !text.is_empty())
            .map(|text| format!("sensorElement{text}"))
            .collect();
        elements.sort();
        if elements.is_empty() {
            String::new()
        } else {
            format!("sensorElementList{}", elements.concat())
        }
    }
}

/// Fields written in the canonical order (everything else is sorted after them).
const ORDERED: [&str; 21] = [
    "eventTime",
    "eventTimeZoneOffset",
    "certificationInfo",
    "parentID",
    "epcList",
    "inputEPCList",
    "childEPCs",
    "quantityList",
    "childQuantityList",
    "inputQuantityList",
    "outputEPCList",
    "outputQuantityList",
    "action",
    "transformationID",
    "bizStep",
    "disposition",
    "persistentDisposition",
    "readPoint",
    "bizLocation",
    "sensorElementList",
    "eventType",
];

/// The CBV 2.0 canonical pre-hash string of `event`.
#[must_use]
pub fn pre_hash(event: &Event) -> String {
    let writer = Writer {
        ns: event.namespaces(),
    };
    let empty = Map::new();
    let map = event.json().as_object().unwrap_or(&empty);
    let get = |field: &str| map.get(field);
    let mut out = format!("eventType={}", event.kind().name());
    for field in ORDERED {
        let part = match field {
            "eventTime"
            | "eventTimeZoneOffset"
            | "certificationInfo"
            | "parentID"
            | "action"
            | "transformationID" => writer.simple(field, get(field), None).concat(),
            "bizStep" => writer
                .simple(field, get(field), Some(Vocab::BizStep))
                .concat(),
            "disposition" => writer
                .simple(field, get(field), Some(Vocab::Disposition))
                .concat(),
            list if ID_LISTS.contains(&list) => writer.id_list(list, get(list)),
            "quantityList" | "childQuantityList" | "inputQuantityList" | "outputQuantityList" => {
                writer.quantity_list(field, get(field))
            }
            "persistentDisposition" => writer.persistent_disposition(get(field)),
            "readPoint" | "bizLocation" => writer.location(field, get(field)),
            "sensorElementList" => writer.sensor_elements(get(field)),
            _ => String::new(),
        };
        out.push_str(&part);
    }
    let mut rest: Vec<String> = Vec::new();
    for (key, value) in map {
        let key = key.as_str();
        if ORDERED.contains(&key) || EXCLUDED.contains(&key) || COMMENTS.contains(&key) {
            continue;
        }
        let typed = match key {
            "bizTransactionList" => {
                writer.typed_list(key, "bizTransaction", value, Vocab::BizTransactionType)
            }
            "sourceList" => writer.typed_list(key, "source", value, Vocab::SourceDestType),
            "destinationList" => {
                writer.typed_list(key, "destination", value, Vocab::SourceDestType)
            }
            _ => None,
        };
        match typed {
            Some(text) => rest.push(text),
            None => rest.extend(writer.generic(key, value)),
        }
    }
    rest.sort();
    out.extend(rest);
    out
}
