//! Canonical values for the pre-hash string (CBV 2.0 event hash rules 5-8
//! and 14-18): trimmed, compact IRIs expanded, CBV URNs as web URIs,
//! numbers without trailing zeros, GS1 keys as constrained canonical GS1
//! Digital Link URIs, timestamps in UTC with milliseconds.

use serde_json::Value;

use super::vocab;
use crate::epcis::context::Namespaces;
use crate::epcis::time::{parse_timestamp, utc_millis};
use crate::identifiers::canonical_id;

/// Which vocabulary a bare string of a field comes from.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Vocab {
    BizStep,
    Disposition,
    BizTransactionType,
    SourceDestType,
    MeasurementType,
    SensorException,
    Component,
}

impl Vocab {
    fn expand(self, value: &str) -> Option<String> {
        let (terms, base): (&[&str], &str) = match self {
            Self::BizStep => (vocab::BIZ_STEPS, "https://ref.gs1.org/cbv/BizStep-"),
            Self::Disposition => (vocab::DISPOSITIONS, "https://ref.gs1.org/cbv/Disp-"),
            Self::BizTransactionType => {
                (vocab::BIZ_TRANSACTION_TYPES, "https://ref.gs1.org/cbv/BTT-")
            }
            Self::SourceDestType => (vocab::SOURCE_DEST_TYPES, "https://ref.gs1.org/cbv/SDT-"),
            Self::MeasurementType => (vocab::MEASUREMENT_TYPES, "https://gs1.org/voc/"),
            Self::SensorException => (vocab::SENSOR_EXCEPTIONS, "https://gs1.org/voc/"),
            Self::Component => (vocab::COMPONENTS, "https://ref.gs1.org/cbv/Comp-"),
        };
        terms
            .binary_search(&value)
            .is_ok()
            .then(|| format!("{base}{value}"))
    }
}

/// A JSON scalar as text (`None` for `null`, arrays and objects).
pub(crate) fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        _ => None,
    }
}

/// Rule 14: CBV URNs as their web URIs.
fn web_vocabulary(text: &str) -> Option<String> {
    const MAP: [(&str, &str); 5] = [
        (
            "urn:epcglobal:cbv:bizstep:",
            "https://ref.gs1.org/cbv/BizStep-",
        ),
        ("urn:epcglobal:cbv:disp:", "https://ref.gs1.org/cbv/Disp-"),
        ("urn:epcglobal:cbv:btt:", "https://ref.gs1.org/cbv/BTT-"),
        ("urn:epcglobal:cbv:sdt:", "https://ref.gs1.org/cbv/SDT-"),
        ("urn:epcglobal:cbv:er:", "https://ref.gs1.org/cbv/ER-"),
    ];
    MAP.iter()
        .find_map(|(urn, web)| text.strip_prefix(urn).map(|rest| format!("{web}{rest}")))
}

/// Rule 6: a decimal number without trailing zeros, leading `+` or leading
/// zeros, as the reference implementation writes it (integral values as
/// integers; others in the shortest form that reads back to the same
/// binary64, in exponent form below 1e-4).
pub(crate) fn numeric(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut i = usize::from(matches!(bytes.first(), Some(b'+' | b'-')));
    let int_start = i;
    while bytes.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    let mut digits = i - int_start;
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        let frac_start = i;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        digits += i - frac_start;
    }
    if digits == 0 {
        return None;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp_start = i;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == exp_start {
            return None;
        }
    }
    if i != bytes.len() {
        return None;
    }
    let value: f64 = text.parse().ok()?;
    if !value.is_finite() {
        return None;
    }
    if value.fract() == 0.0 {
        let written = format!("{value:.0}");
        // `-0` is written `0`, as an integer zero is.
        return Some(if written == "-0" {
            "0".to_owned()
        } else {
            written
        });
    }
    let magnitude = value.abs();
    if magnitude < 1e-4 {
        // Shortest round-trip digits, exponent with a sign and two digits.
        let sci = format!("{value:e}");
        let (mantissa, exponent) = sci.split_once('e')?;
        let exponent: i32 = exponent.parse().ok()?;
        let sign = if exponent < 0 { '-' } else { '+' };
        return Some(format!("{mantissa}e{sign}{:02}", exponent.unsigned_abs()));
    }
    Some(format!("{value}"))
}

/// Canonical text of a value (not a timestamp field).
pub(crate) fn value(text: &str, namespaces: &Namespaces, vocab: Option<Vocab>) -> String {
    let text = text.trim();
    if let Some(expanded) = vocab.and_then(|v| v.expand(text)) {
        return expanded;
    }
    let text = namespaces.expand(text);
    let text = web_vocabulary(&text).unwrap_or(text);
    let text = numeric(&text).unwrap_or(text);
    canonical_id(&text).unwrap_or(text)
}

/// Canonical text of a timestamp field; unreadable times stay as written.
pub(crate) fn timestamp(text: &str) -> String {
    let text = text.trim();
    parse_timestamp(text).map_or_else(|| text.to_owned(), |t| utc_millis(t.ms))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_lose_trailing_zeros() {
        let cases = [
            ("1.0", "1"),
            ("600", "600"),
            ("12.10", "12.1"),
            ("+5", "5"),
            ("007", "7"),
            ("0.3434", "0.3434"),
            ("1e3", "1000"),
            ("0.00001", "1e-05"),
            ("-2.50", "-2.5"),
            ("-0.0", "0"),
            ("26.1", "26.1"),
        ];
        for (text, want) in cases {
            assert_eq!(numeric(text).as_deref(), Some(want), "{text}");
        }
        for text in [
            "",
            "+",
            ".",
            "1e",
            "abc",
            "1.2.3",
            "2019-10-21",
            "+01:00",
            "inf",
            "NaN",
            "1_000",
        ] {
            assert_eq!(numeric(text), None, "{text}");
        }
    }
}
