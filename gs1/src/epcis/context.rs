//! JSON-LD `@context` prefixes: the EPCIS 2.0 standard context's, then the
//! document's own, then the event's own (later ones win).

use serde_json::Value;

/// The prefixes the standard EPCIS 2.0 context defines.
pub(crate) const STANDARD: [(&str, &str); 8] = [
    ("epcis", "https://ref.gs1.org/epcis/"),
    ("cbv", "https://ref.gs1.org/cbv/"),
    ("cbvmda", "urn:epcglobal:cbv:mda:"),
    ("gs1", "https://gs1.org/voc/"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("dcterms", "http://purl.org/dc/terms/"),
];

/// Prefix -> namespace IRI, in effect for one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Namespaces(Vec<(String, String)>);

impl Default for Namespaces {
    fn default() -> Self {
        Self(
            STANDARD
                .iter()
                .map(|(p, n)| ((*p).to_owned(), (*n).to_owned()))
                .collect(),
        )
    }
}

impl Namespaces {
    /// Adds the string-valued term definitions of a `@context` (a string,
    /// an object or a list of both; remote contexts are named, not loaded).
    pub(crate) fn extend_from(&mut self, context: Option<&Value>) {
        match context {
            Some(Value::Array(items)) => items.iter().for_each(|item| self.extend_from(Some(item))),
            Some(Value::Object(map)) => {
                for (prefix, value) in map {
                    let iri = match value {
                        Value::String(iri) => iri.as_str(),
                        Value::Object(definition) => match definition.get("@id") {
                            Some(Value::String(iri)) => iri.as_str(),
                            _ => continue,
                        },
                        _ => continue,
                    };
                    if prefix.starts_with('@') || prefix.contains(':') {
                        continue;
                    }
                    self.0.retain(|(p, _)| p != prefix);
                    self.0.push((prefix.clone(), iri.to_owned()));
                }
            }
            _ => {}
        }
    }

    /// The namespace of `prefix`.
    pub(crate) fn get(&self, prefix: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(p, _)| p == prefix)
            .map(|(_, n)| n.as_str())
    }

    /// `prefix:local` as (namespace, local) when `prefix` is defined.
    pub(crate) fn split<'a>(&'a self, term: &'a str) -> Option<(&'a str, &'a str)> {
        let (prefix, local) = term.split_once(':')?;
        if local.starts_with("//") {
            return None;
        }
        Some((self.get(prefix)?, local))
    }

    /// A compact IRI expanded (`gs1:Temperature` -> `https://gs1.org/voc/Temperature`);
    /// other text unchanged.
    pub(crate) fn expand(&self, term: &str) -> String {
        match self.split(term) {
            Some((namespace, local)) => format!("{namespace}{local}"),
            None => term.to_owned(),
        }
    }
}
