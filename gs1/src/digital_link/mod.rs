//! GS1 Digital Link URIs naming trade items (GS1 Digital Link: URI Syntax
//! 1.2): `https://<any resolver>/<optional path>/01/<GTIN>[/22/<CPV>][/10/<lot>][/21/<serial>]?<data attributes>`.
//!
//! Parsing is strict (ADR 0021): the GTIN's length and check digit, GS1's
//! 82-character set and length bound for every value, key qualifiers in the
//! standard's order and only in the path, data attributes only in the query
//! string, a valid AI 17 date. Our own query parameter `net=<network>` names
//! the Jifen network; other non-numeric parameters are kept but play no part
//! in the item's identity.

mod ai_table;
mod error;
mod expiry;

pub use error::TagError;
pub use expiry::Expiry;

use jifen_protocol::Network;
use jifen_protocol::provenance::{Gtin, ItemId, MAX_SERIAL_LEN, gs1_check_digit, is_gs1_char82};

use crate::identifiers::{CANONICAL_HOST, canonical_id, dl_encode, percent_decode, split_http};

/// Longest tag we read, in bytes.
pub const MAX_URI_LEN: usize = 2048;

/// Longest lot (AI 10) and CPV (AI 22): 20 characters.
const MAX_LOT_LEN: usize = 20;

/// Our query parameter naming the Jifen network.
pub const NETWORK_PARAM: &str = "net";

/// A parsed GS1 Digital Link URI whose primary key is a GTIN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigitalLink {
    resolver: String,
    gtin: Gtin,
    cpv: Option<String>,
    lot: Option<String>,
    serial: Option<String>,
    expiry: Option<Expiry>,
    attributes: Vec<(String, String)>,
    network: Option<Network>,
    other_params: Vec<(String, String)>,
}

/// A tag naming one item: the link and the item it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductTag {
    /// The parsed link.
    pub link: DigitalLink,
    /// The item (GTIN + serial).
    pub item: ItemId,
}

impl ProductTag {
    /// Parses a tag that must name a single item.
    ///
    /// # Errors
    /// Everything [`DigitalLink::parse`] refuses, and
    /// [`TagError::MissingSerial`] without AI 21.
    pub fn parse(uri: &str) -> Result<Self, TagError> {
        let link = DigitalLink::parse(uri)?;
        let item = link.item()?;
        Ok(Self { link, item })
    }
}

/// A data attribute of the query string: (digits only, shortest, longest).
fn data_attribute(ai: &str) -> Option<(bool, usize, usize)> {
    let index = ai_table::DATA_ATTRIBUTES
        .binary_search_by(|(a, ..)| (*a).cmp(ai))
        .ok()?;
    let (_, numeric, min, max) = ai_table::DATA_ATTRIBUTES.get(index)?;
    Some((*numeric, *min, *max))
}

/// Clips outside text kept in an error to `max` characters.
fn clip(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

fn decode(value: &str) -> Result<String, TagError> {
    percent_decode(value).ok_or(TagError::BadPercentEncoding)
}

fn check_chars(ai: &str, value: &str, max: usize) -> Result<(), TagError> {
    if value.is_empty() {
        return Err(TagError::EmptyValue { ai: ai.to_owned() });
    }
    if let Some(character) = value.chars().find(|c| !is_gs1_char82(*c)) {
        return Err(TagError::InvalidCharacter {
            ai: ai.to_owned(),
            character,
        });
    }
    if value.chars().count() > max {
        return Err(TagError::ValueTooLong {
            ai: ai.to_owned(),
            max,
        });
    }
    Ok(())
}

fn check_digits(ai: &str, value: &str, max: usize) -> Result<(), TagError> {
    if value.is_empty() {
        return Err(TagError::EmptyValue { ai: ai.to_owned() });
    }
    if let Some(character) = value.chars().find(|c| !c.is_ascii_digit()) {
        return Err(TagError::InvalidCharacter {
            ai: ai.to_owned(),
            character,
        });
    }
    if value.len() > max {
        return Err(TagError::ValueTooLong {
            ai: ai.to_owned(),
            max,
        });
    }
    Ok(())
}

/// The GTIN of a path value: 8, 12, 13 or 14 digits, padded to 14, with its
/// check digit verified.
fn parse_gtin(value: &str) -> Result<Gtin, TagError> {
    if value.is_empty() {
        return Err(TagError::EmptyValue {
            ai: "01".to_owned(),
        });
    }
    if let Some(character) = value.chars().find(|c| !c.is_ascii_digit()) {
        return Err(TagError::InvalidCharacter {
            ai: "01".to_owned(),
            character,
        });
    }
    if !matches!(value.len(), 8 | 12 | 13 | 14) {
        return Err(TagError::GtinLength { got: value.len() });
    }
    let padded = format!("{value:0>14}");
    let bytes = padded.as_bytes();
    let (body, last) = (
        bytes.get(..13).unwrap_or_default(),
        bytes.get(13).copied().unwrap_or(b'0'),
    );
    let expected = gs1_check_digit(body).unwrap_or_default();
    let got = last.wrapping_sub(b'0');
    if expected != got {
        return Err(TagError::BadCheckDigit { expected, got });
    }
    Gtin::parse(&padded).ok_or(TagError::BadCheckDigit { expected, got })
}

fn is_key_or_qualifier(ai: &str) -> bool {
    matches!(
        ai,
        "00" | "01"
            | "10"
            | "21"
            | "22"
            | "235"
            | "253"
            | "254"
            | "255"
            | "401"
            | "402"
            | "414"
            | "417"
            | "7040"
            | "8003"
            | "8004"
            | "8006"
            | "8010"
            | "8011"
            | "8017"
            | "8018"
            | "8019"
            | "gtin"
            | "lot"
            | "ser"
            | "cpv"
    )
}

impl DigitalLink {
    /// Parses a GS1 Digital Link URI with a GTIN primary key, reading a
    /// two-digit expiry year with GS1's sliding century window around the
    /// current year (system clock).
    ///
    /// # Errors
    /// A [`TagError`] naming the first problem found.
    pub fn parse(uri: &str) -> Result<Self, TagError> {
        Self::parse_at(uri, expiry::current_year())
    }

    /// [`parse`](Self::parse) with the current year given (for reproducible
    /// results).
    ///
    /// # Errors
    /// A [`TagError`] naming the first problem found.
    pub fn parse_at(uri: &str, current_year: u16) -> Result<Self, TagError> {
        // Scanners in keyboard-wedge mode add a newline or a space.
        let uri = uri.trim_matches(|c: char| c.is_ascii_whitespace());
        if uri.len() > MAX_URI_LEN {
            return Err(TagError::TooLong {
                max: MAX_URI_LEN,
                got: uri.len(),
            });
        }
        let Some((authority, path, query)) = split_http(uri) else {
            let scheme = uri.split_once(':').map(|(s, _)| s).unwrap_or_default();
            let scheme = if scheme.contains('/') || scheme.len() > 16 {
                ""
            } else {
                scheme
            };
            return Err(TagError::NotHttpUri {
                scheme: scheme.to_owned(),
            });
        };
        let host = authority.rsplit('@').next().unwrap_or_default();
        let host_ok = !host.is_empty()
            && host.chars().all(|c| {
                c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']' | '_')
            });
        if !host_ok {
            return Err(TagError::BadHost);
        }
        let mut segments: Vec<&str> = path.split('/').skip(1).collect();
        if segments.last() == Some(&"") {
            segments.pop();
        }
        // A resolver may put any path before the key: the first `/01/` after
        // which the rest reads as a Digital Link is the key; if none does,
        // the first one's error is reported.
        let host = host.to_ascii_lowercase();
        let mut first_error = None;
        for (start, _) in segments
            .iter()
            .enumerate()
            .filter(|(_, s)| **s == "01" || **s == "gtin")
        {
            let Some(after) = segments.get(start..) else {
                break;
            };
            match Self::read_path(&host, after) {
                Ok(mut link) => {
                    link.read_query(query, current_year)?;
                    return Ok(link);
                }
                Err(error) => {
                    first_error.get_or_insert(error);
                }
            }
        }
        Err(first_error.unwrap_or(TagError::NoGtin))
    }

    /// Reads `01/<gtin>[/22/..][/10/..][/21/..]` (`after` starts at the `01`).
    fn read_path(host: &str, after: &[&str]) -> Result<Self, TagError> {
        let mut rest = after.iter().skip(1);
        let gtin = parse_gtin(&decode(rest.next().ok_or(TagError::NoGtin)?)?)?;
        let mut link = Self {
            resolver: host.to_owned(),
            gtin,
            cpv: None,
            lot: None,
            serial: None,
            expiry: None,
            attributes: Vec::new(),
            network: None,
            other_params: Vec::new(),
        };
        let order = ["22", "10", "21"];
        let mut next = 0;
        while let Some(ai_segment) = rest.next() {
            let ai = match *ai_segment {
                "cpv" => "22",
                "lot" => "10",
                "ser" => "21",
                other => other,
            };
            let Some(position) = order.iter().position(|q| *q == ai) else {
                return Err(
                    if ai.bytes().all(|b| b.is_ascii_digit()) && !ai.is_empty() {
                        TagError::MisplacedAi { ai: clip(ai, 16) }
                    } else {
                        TagError::UnknownAi { ai: clip(ai, 16) }
                    },
                );
            };
            if position < next {
                return Err(TagError::MisplacedAi { ai: ai.to_owned() });
            }
            next = position + 1;
            let value = decode(
                rest.next()
                    .ok_or_else(|| TagError::EmptyValue { ai: ai.to_owned() })?,
            )?;
            match ai {
                "22" => {
                    check_chars(ai, &value, MAX_LOT_LEN)?;
                    link.cpv = Some(value);
                }
                "10" => {
                    check_chars(ai, &value, MAX_LOT_LEN)?;
                    link.lot = Some(value);
                }
                _ => {
                    check_chars(ai, &value, MAX_SERIAL_LEN)?;
                    link.serial = Some(value);
                }
            }
        }
        Ok(link)
    }

    fn read_query(&mut self, query: &str, current_year: u16) -> Result<(), TagError> {
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode(key)?;
            let value = decode(value)?;
            if key == NETWORK_PARAM {
                if self.network.is_some() {
                    return Err(TagError::DuplicateAi { ai: key });
                }
                let network = value
                    .parse::<Network>()
                    .map_err(|_| TagError::UnknownNetwork {
                        name: clip(&value, 32),
                    })?;
                self.network = Some(network);
            } else if !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit()) {
                if is_key_or_qualifier(&key) {
                    return Err(TagError::MisplacedAi { ai: clip(&key, 16) });
                }
                let (numeric, min, max) = data_attribute(&key)
                    .ok_or_else(|| TagError::UnknownAi { ai: clip(&key, 16) })?;
                if self.attributes.iter().any(|(ai, _)| *ai == key) {
                    return Err(TagError::DuplicateAi { ai: key });
                }
                if numeric {
                    check_digits(&key, &value, max)?;
                } else {
                    check_chars(&key, &value, max)?;
                }
                if matches!(key.as_str(), "11" | "12" | "13" | "15" | "16" | "17") {
                    let date = Expiry::from_yymmdd(&value, current_year).ok_or_else(|| {
                        TagError::BadExpiry {
                            value: clip(&value, 16),
                        }
                    })?;
                    if key == "17" {
                        self.expiry = Some(date);
                    }
                }
                if value.chars().count() < min {
                    return Err(TagError::ValueTooShort { ai: key, min });
                }
                self.attributes.push((key, value));
            } else if matches!(key.as_str(), "gtin" | "lot" | "ser" | "cpv") {
                return Err(TagError::MisplacedAi { ai: key });
            } else {
                self.other_params.push((key, value));
            }
        }
        Ok(())
    }

    /// The GTIN (always 14 digits).
    #[must_use]
    pub const fn gtin(&self) -> Gtin {
        self.gtin
    }

    /// The serial number (AI 21), decoded.
    #[must_use]
    pub fn serial(&self) -> Option<&str> {
        self.serial.as_deref()
    }

    /// The lot / batch (AI 10), decoded.
    #[must_use]
    pub fn lot(&self) -> Option<&str> {
        self.lot.as_deref()
    }

    /// The consumer product variant (AI 22), decoded.
    #[must_use]
    pub fn cpv(&self) -> Option<&str> {
        self.cpv.as_deref()
    }

    /// The expiry date (AI 17).
    #[must_use]
    pub const fn expiry(&self) -> Option<Expiry> {
        self.expiry
    }

    /// The Jifen network named by `net=`, if any.
    #[must_use]
    pub const fn network(&self) -> Option<Network> {
        self.network
    }

    /// The resolver host as written (lower case, port kept).
    #[must_use]
    pub fn resolver(&self) -> &str {
        &self.resolver
    }

    /// The data attributes of the query string (AI, value), in order.
    #[must_use]
    pub fn attributes(&self) -> &[(String, String)] {
        &self.attributes
    }

    /// Other query parameters (neither AIs nor `net`), kept as written.
    #[must_use]
    pub fn other_params(&self) -> &[(String, String)] {
        &self.other_params
    }

    /// The item this link names.
    ///
    /// # Errors
    /// [`TagError::MissingSerial`] without AI 21.
    pub fn item(&self) -> Result<ItemId, TagError> {
        let serial = self.serial.as_deref().ok_or(TagError::MissingSerial)?;
        // The serial was checked against the same rules when parsed.
        ItemId::new(self.gtin, serial).ok_or(TagError::MissingSerial)
    }

    /// The constrained canonical URI of what this link names
    /// (`https://id.gs1.org/01/<gtin>[/21/<serial> | /10/<lot>]`).
    #[must_use]
    pub fn canonical(&self) -> String {
        match (&self.serial, &self.lot) {
            (Some(serial), _) => {
                format!("{CANONICAL_HOST}/01/{}/21/{}", self.gtin, dl_encode(serial))
            }
            (None, Some(lot)) => format!("{CANONICAL_HOST}/01/{}/10/{}", self.gtin, dl_encode(lot)),
            (None, None) => format!("{CANONICAL_HOST}/01/{}", self.gtin),
        }
    }
}

/// The canonical GS1 Digital Link URI of an item:
/// `https://id.gs1.org/01/<gtin14>/21/<serial>`, the serial percent-encoded
/// as GS1 Digital Link requires.
#[must_use]
pub fn item_uri(item: &ItemId) -> String {
    format!(
        "{CANONICAL_HOST}/01/{}/21/{}",
        item.gtin(),
        dl_encode(item.serial())
    )
}

/// The item named by a GS1 Digital Link URI (any host; lot, CPV and query
/// ignored) or an EPC URI `urn:epc:id:sgtin:...`; `None` if it names no
/// single trade item or its GTIN's check digit is wrong.
#[must_use]
pub fn item_from_uri(epc: &str) -> Option<ItemId> {
    let canonical = canonical_id(epc.trim())?;
    let rest = canonical
        .strip_prefix(CANONICAL_HOST)?
        .strip_prefix("/01/")?;
    let (gtin, serial) = rest.split_once("/21/")?;
    ItemId::new(Gtin::parse(gtin)?, &percent_decode(serial)?)
}

#[cfg(test)]
mod tests;

/// Days in a month, shared with the timestamp reader.
pub(crate) const fn expiry_days_in_month(year: u16, month: u8) -> u8 {
    expiry::days_in_month(year, month)
}
