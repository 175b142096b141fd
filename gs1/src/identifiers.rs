//! GS1 identifiers in the forms EPCIS events carry them, and their one
//! canonical form: the *constrained canonical GS1 Digital Link URI* of the
//! CBV 2.0 event hash (host `id.gs1.org`, numeric AIs, no query string, only
//! the finest level of identification; GS1 Digital Link 1.2 section 4.11 and
//! the EPC Tag Data Standard 2.x for the URN forms).
//!
//! [`canonical_id`] converts EPC URIs (`urn:epc:id:...`), EPC class URIs
//! (`urn:epc:class:lgtin:...`), EPC pattern URIs (`urn:epc:idpat:...`) and
//! GS1 Digital Link URIs on any host; anything else is left to the caller
//! (`None`).

use jifen_protocol::provenance::{gs1_check_digit, is_gs1_char82};

/// The host of canonical GS1 Digital Link URIs.
pub const CANONICAL_HOST: &str = "https://id.gs1.org";

/// Decodes `%XX` escapes; `None` on a bad escape or if the bytes are not
/// UTF-8.
pub(crate) fn percent_decode(text: &str) -> Option<String> {
    if !text.contains('%') {
        return Some(text.to_owned());
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        if byte == b'%' {
            let high = hex_value(*bytes.get(i + 1)?)?;
            let low = hex_value(*bytes.get(i + 2)?)?;
            out.push(high << 4 | low);
            i += 3;
        } else {
            out.push(byte);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

const fn hex_value(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

/// Percent-encodes an AI value for a canonical GS1 Digital Link path:
/// the characters GS1 Digital Link (table "characters that SHALL be
/// percent-encoded") lists, `! # % & ( ) * + , / :` and space, plus the
/// four of GS1's 82 that a URI cannot hold raw or that would end the path
/// (`"`, `<`, `>`, `?`); anything non-ASCII or control as UTF-8 bytes.
/// Upper-case hex digits.
#[must_use]
pub fn dl_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for character in value.chars() {
        let raw = character.is_ascii_alphanumeric()
            || matches!(character, '-' | '.' | '_' | '~' | '\'' | ';' | '=');
        if raw {
            out.push(character);
        } else {
            let mut buffer = [0u8; 4];
            for byte in character.encode_utf8(&mut buffer).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

fn with_check(digits: &str) -> Option<String> {
    let check = gs1_check_digit(digits.as_bytes())?;
    Some(format!("{digits}{check}"))
}

/// Company prefix + reference, `total` digits together, company prefix 6-12.
fn split_ok(cp: &str, reference: &str, total: usize) -> bool {
    (6..=12).contains(&cp.len())
        && all_digits(cp)
        && reference.bytes().all(|b| b.is_ascii_digit())
        && cp.len() + reference.len() == total
}

/// GTIN-14 from an SGTIN-style company prefix and indicator + item reference.
fn gtin_from(cp: &str, item_ref: &str) -> Option<String> {
    if !split_ok(cp, item_ref, 13) {
        return None;
    }
    let indicator = item_ref.get(..1)?;
    let rest = item_ref.get(1..)?;
    with_check(&format!("{indicator}{cp}{rest}"))
}

/// An EPC URI component (serial, lot, ...): its `%XX` escapes decoded, then
/// every character checked against GS1's 82 and the length bound.
fn epc_component(text: &str, min: usize, max: usize) -> Option<String> {
    let decoded = percent_decode(text)?;
    let len = decoded.chars().count();
    ((min..=max).contains(&len) && decoded.chars().all(is_gs1_char82)).then_some(decoded)
}

/// A CPI component: GS1's 39-character set (`#`, `-`, `/`, digits, upper case).
fn cpi_component(text: &str, max: usize) -> Option<String> {
    let decoded = percent_decode(text)?;
    let len = decoded.len();
    let ok = decoded
        .bytes()
        .all(|b| matches!(b, b'#' | b'-' | b'/' | b'0'..=b'9' | b'A'..=b'Z'));
    ((1..=max).contains(&len) && ok).then_some(decoded)
}

fn digits_up_to(text: &str, max: usize) -> Option<&str> {
    (all_digits(text) && text.len() <= max).then_some(text)
}

/// The canonical GS1 Digital Link URI of an EPC URI / class / pattern URI.
fn from_epc_urn(uri: &str) -> Option<String> {
    if let Some(body) = uri.strip_prefix("urn:epc:id:") {
        let (scheme, rest) = body.split_once(':')?;
        return from_epc_id(scheme, rest);
    }
    if let Some(rest) = uri.strip_prefix("urn:epc:class:lgtin:") {
        let mut parts = rest.splitn(3, '.');
        let gtin = gtin_from(parts.next()?, parts.next()?)?;
        let lot = epc_component(parts.next()?, 1, 20)?;
        return Some(format!("{CANONICAL_HOST}/01/{gtin}/10/{}", dl_encode(&lot)));
    }
    let body = uri.strip_prefix("urn:epc:idpat:")?;
    let (scheme, rest) = body.split_once(':')?;
    let parts: Vec<&str> = rest.split('.').collect();
    let h = CANONICAL_HOST;
    match (scheme, parts.as_slice()) {
        ("sgtin" | "upui", [cp, ir, "*"]) => Some(format!("{h}/01/{}", gtin_from(cp, ir)?)),
        ("grai", [cp, at, "*"]) if split_ok(cp, at, 12) => {
            Some(format!("{h}/8003/{}", with_check(&format!("0{cp}{at}"))?))
        }
        ("gdti", [cp, dt, "*"]) if split_ok(cp, dt, 12) => {
            Some(format!("{h}/253/{}", with_check(&format!("{cp}{dt}"))?))
        }
        ("sgcn", [cp, cr, "*"]) if split_ok(cp, cr, 12) => {
            Some(format!("{h}/255/{}", with_check(&format!("{cp}{cr}"))?))
        }
        ("cpi", [cp, reference, "*"]) if (6..=12).contains(&cp.len()) && all_digits(cp) => {
            let reference = cpi_component(reference, 30usize.saturating_sub(cp.len()))?;
            Some(format!(
                "{h}/8010/{}",
                dl_encode(&format!("{cp}{reference}"))
            ))
        }
        ("itip", [cp, ir, piece, total, "*"])
            if piece.len() == 2 && total.len() == 2 && all_digits(piece) && all_digits(total) =>
        {
            Some(format!("{h}/8006/{}{piece}{total}", gtin_from(cp, ir)?))
        }
        _ => None,
    }
}

fn from_epc_id(scheme: &str, rest: &str) -> Option<String> {
    let h = CANONICAL_HOST;
    match scheme {
        "sgtin" => {
            let mut parts = rest.splitn(3, '.');
            let gtin = gtin_from(parts.next()?, parts.next()?)?;
            let serial = epc_component(parts.next()?, 1, 20)?;
            Some(format!("{h}/01/{gtin}/21/{}", dl_encode(&serial)))
        }
        "sscc" => {
            let (cp, sr) = rest.split_once('.')?;
            if !split_ok(cp, sr, 17) {
                return None;
            }
            let (extension, rest) = (sr.get(..1)?, sr.get(1..)?);
            Some(format!(
                "{h}/00/{}",
                with_check(&format!("{extension}{cp}{rest}"))?
            ))
        }
        "sgln" => {
            let mut parts = rest.splitn(3, '.');
            let (cp, lr) = (parts.next()?, parts.next()?);
            if !split_ok(cp, lr, 12) {
                return None;
            }
            let gln = with_check(&format!("{cp}{lr}"))?;
            match parts.next()? {
                "0" => Some(format!("{h}/414/{gln}")),
                ext => Some(format!(
                    "{h}/414/{gln}/254/{}",
                    dl_encode(&epc_component(ext, 1, 20)?)
                )),
            }
        }
        "grai" => {
            let mut parts = rest.splitn(3, '.');
            let (cp, at) = (parts.next()?, parts.next()?);
            if !split_ok(cp, at, 12) {
                return None;
            }
            let serial = epc_component(parts.next()?, 1, 16)?;
            Some(format!(
                "{h}/8003/{}{}",
                with_check(&format!("0{cp}{at}"))?,
                dl_encode(&serial)
            ))
        }
        "giai" | "ginc" => {
            let (cp, reference) = rest.split_once('.')?;
            if !(6..=12).contains(&cp.len()) || !all_digits(cp) {
                return None;
            }
            let reference = epc_component(reference, 1, 30usize.saturating_sub(cp.len()))?;
            let ai = if scheme == "giai" { "8004" } else { "401" };
            Some(format!("{h}/{ai}/{cp}{}", dl_encode(&reference)))
        }
        "gsrn" | "gsrnp" | "gsin" | "pgln" => {
            let (cp, reference) = rest.split_once('.')?;
            let (total, ai) = match scheme {
                "gsrn" => (17, "8018"),
                "gsrnp" => (17, "8017"),
                "gsin" => (16, "402"),
                _ => (12, "417"),
            };
            if !split_ok(cp, reference, total) {
                return None;
            }
            Some(format!(
                "{h}/{ai}/{}",
                with_check(&format!("{cp}{reference}"))?
            ))
        }
        "gdti" | "sgcn" => {
            let mut parts = rest.splitn(3, '.');
            let (cp, reference) = (parts.next()?, parts.next()?);
            if !split_ok(cp, reference, 12) {
                return None;
            }
            let key = with_check(&format!("{cp}{reference}"))?;
            let serial = parts.next()?;
            if scheme == "gdti" {
                let serial = epc_component(serial, 1, 17)?;
                Some(format!("{h}/253/{key}{}", dl_encode(&serial)))
            } else {
                Some(format!("{h}/255/{key}{}", digits_up_to(serial, 12)?))
            }
        }
        "cpi" => {
            let (cp, rest) = rest.split_once('.')?;
            let (reference, serial) = rest.rsplit_once('.')?;
            if !(6..=12).contains(&cp.len()) || !all_digits(cp) {
                return None;
            }
            let reference = cpi_component(reference, 30usize.saturating_sub(cp.len()))?;
            let serial = digits_up_to(serial, 12)?;
            Some(format!(
                "{h}/8010/{}/8011/{serial}",
                dl_encode(&format!("{cp}{reference}"))
            ))
        }
        "itip" => {
            let mut parts = rest.splitn(5, '.');
            let gtin = gtin_from(parts.next()?, parts.next()?)?;
            let (piece, total) = (parts.next()?, parts.next()?);
            if piece.len() != 2 || total.len() != 2 || !all_digits(piece) || !all_digits(total) {
                return None;
            }
            let serial = epc_component(parts.next()?, 1, 20)?;
            Some(format!(
                "{h}/8006/{gtin}{piece}{total}/21/{}",
                dl_encode(&serial)
            ))
        }
        "upui" => {
            let mut parts = rest.splitn(3, '.');
            let gtin = gtin_from(parts.next()?, parts.next()?)?;
            let tpx = epc_component(parts.next()?, 1, 28)?;
            Some(format!("{h}/01/{gtin}/235/{}", dl_encode(&tpx)))
        }
        _ => None,
    }
}

/// What a primary key's value may hold.
#[derive(Clone, Copy)]
enum Shape {
    /// Exactly these many digits.
    Digits(usize),
    /// GTIN: 8, 12, 13 or 14 digits, padded to 14.
    Gtin,
    /// `n` digits then up to `m` characters of the 82 set.
    DigitsThen(usize, usize),
    /// 1 to `n` characters of the 82 set.
    Chars(usize),
}

/// A primary key of GS1 Digital Link (numeric AI or its deprecated short
/// name), its shape and the qualifiers it may carry, in the order the
/// standard allows them.
fn primary_key(segment: &str) -> Option<(&'static str, Shape, &'static [&'static str])> {
    Some(match segment {
        "01" | "gtin" => ("01", Shape::Gtin, &["22", "10", "21", "235"]),
        "00" | "sscc" => ("00", Shape::Digits(18), &[]),
        "8006" | "itip" => ("8006", Shape::Digits(18), &["22", "10", "21"]),
        "8010" | "cpid" => ("8010", Shape::Chars(30), &["8011"]),
        "414" | "gln" => ("414", Shape::Digits(13), &["254", "7040"]),
        "417" | "party" => ("417", Shape::Digits(13), &["7040"]),
        "8017" | "gsrnp" => ("8017", Shape::Digits(18), &["8019"]),
        "8018" | "gsrn" => ("8018", Shape::Digits(18), &["8019"]),
        "255" | "gcn" => ("255", Shape::DigitsThen(13, 12), &[]),
        "253" | "gdti" => ("253", Shape::DigitsThen(13, 17), &[]),
        "401" | "ginc" => ("401", Shape::Chars(30), &[]),
        "402" | "gsin" => ("402", Shape::Digits(17), &[]),
        "8003" | "grai" => ("8003", Shape::DigitsThen(14, 16), &[]),
        "8004" | "giai" => ("8004", Shape::Chars(30), &["7040"]),
        _ => return None,
    })
}

fn qualifier_ai(segment: &str) -> &str {
    match segment {
        "cpv" => "22",
        "lot" => "10",
        "ser" => "21",
        other => other,
    }
}

fn shape_value(shape: Shape, value: &str) -> Option<String> {
    match shape {
        Shape::Digits(n) => (value.len() == n && all_digits(value)).then(|| value.to_owned()),
        Shape::Gtin => match value.len() {
            8 | 12 | 13 | 14 if all_digits(value) => Some(format!("{value:0>14}")),
            _ => None,
        },
        Shape::DigitsThen(n, m) => {
            let head = value.get(..n)?;
            let tail = value.get(n..)?;
            (all_digits(head) && tail.chars().count() <= m && tail.chars().all(is_gs1_char82))
                .then(|| format!("{head}{}", dl_encode(tail)))
        }
        Shape::Chars(n) => {
            let len = value.chars().count();
            ((1..=n).contains(&len) && value.chars().all(is_gs1_char82)).then(|| dl_encode(value))
        }
    }
}

/// Splits `http(s)://authority/path?query#fragment` (scheme case-insensitive).
pub(crate) fn split_http(uri: &str) -> Option<(&str, &str, &str)> {
    let scheme_end = uri.find("://")?;
    let scheme = uri.get(..scheme_end)?;
    if !scheme.eq_ignore_ascii_case("https") && !scheme.eq_ignore_ascii_case("http") {
        return None;
    }
    let rest = uri.get(scheme_end + 3..)?;
    let rest = rest.split('#').next().unwrap_or_default();
    let (rest, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (authority, path) = match rest.find('/') {
        Some(slash) => (rest.get(..slash)?, rest.get(slash..)?),
        None => (rest, ""),
    };
    Some((authority, path, query))
}

/// The constrained canonical form of a GS1 Digital Link URI on any host.
fn from_digital_link(uri: &str) -> Option<String> {
    let (_, path, _) = split_http(uri)?;
    let mut segments: Vec<&str> = path.split('/').skip(1).collect();
    if segments.last() == Some(&"") {
        segments.pop();
    }
    for start in 0..segments.len() {
        let Some(&segment) = segments.get(start) else {
            break;
        };
        let Some((ai, shape, allowed)) = primary_key(segment) else {
            continue;
        };
        if let Some(found) = canonical_from(ai, shape, allowed, segments.get(start + 1..)?) {
            return Some(found);
        }
    }
    None
}

fn canonical_from(ai: &str, shape: Shape, allowed: &[&str], tail: &[&str]) -> Option<String> {
    let (value, qualifiers) = tail.split_first()?;
    if qualifiers.len() % 2 != 0 {
        return None;
    }
    let key = shape_value(shape, &percent_decode(value)?)?;
    let mut found: Vec<(&str, String)> = Vec::new();
    let mut next_allowed = 0;
    for pair in qualifiers.chunks(2) {
        let [q, v] = pair else { return None };
        let q = qualifier_ai(q);
        let v = percent_decode(v)?;
        let position = allowed.iter().position(|a| *a == q)?;
        if position < next_allowed {
            return None;
        }
        next_allowed = position + 1;
        let len = v.chars().count();
        if !(1..=30).contains(&len) || !v.chars().all(is_gs1_char82) {
            return None;
        }
        found.push((allowed.get(position).copied().unwrap_or_default(), v));
    }
    let get = |q: &str| {
        found
            .iter()
            .find(|(a, _)| *a == q)
            .map(|(_, v)| dl_encode(v))
    };
    // Only the finest level of identification: a serial (or TPX) beats a
    // lot; CPV, 7040 and 8019 never stay.
    let suffix = match ai {
        "01" | "8006" => get("21")
            .map(|s| format!("/21/{s}"))
            .or_else(|| get("235").map(|s| format!("/235/{s}")))
            .or_else(|| get("10").map(|s| format!("/10/{s}"))),
        "414" => get("254").map(|s| format!("/254/{s}")),
        "8010" => get("8011").map(|s| format!("/8011/{s}")),
        _ => None,
    }
    .unwrap_or_default();
    Some(format!("{CANONICAL_HOST}/{ai}/{key}{suffix}"))
}

/// The constrained canonical GS1 Digital Link URI of an identifier written
/// as an EPC URI, EPC class or pattern URI, or a GS1 Digital Link URI on
/// any host; `None` for anything else (other URIs stay as written).
#[must_use]
pub fn canonical_id(uri: &str) -> Option<String> {
    if uri.len() > 2048 {
        return None;
    }
    if uri.starts_with("urn:epc:") {
        from_epc_urn(uri)
    } else {
        from_digital_link(uri)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn epc_urns_become_canonical_links() {
        let cases = [
            (
                "urn:epc:id:sgtin:4012345.011111.9876",
                "https://id.gs1.org/01/04012345111118/21/9876",
            ),
            (
                "urn:epc:id:sscc:4012345.0000000333",
                "https://id.gs1.org/00/040123450000003338",
            ),
            (
                "urn:epc:id:sgln:4012345.00011.987",
                "https://id.gs1.org/414/4012345000115/254/987",
            ),
            (
                "urn:epc:id:sgln:5200001.99901.0",
                "https://id.gs1.org/414/5200001999012",
            ),
            (
                "urn:epc:id:pgln:5200001.00000",
                "https://id.gs1.org/417/5200001000008",
            ),
            (
                "urn:epc:id:gdti:4012345.55555.1234",
                "https://id.gs1.org/253/40123455555541234",
            ),
            (
                "urn:epc:id:giai:4000001.111",
                "https://id.gs1.org/8004/4000001111",
            ),
            (
                "urn:epc:class:lgtin:4054739.099914.20160711",
                "https://id.gs1.org/01/04054739999148/10/20160711",
            ),
            (
                "urn:epc:idpat:sgtin:4012345.066666.*",
                "https://id.gs1.org/01/04012345666663",
            ),
            (
                "urn:epc:id:sgtin:0614141.107340.1",
                "https://id.gs1.org/01/10614141073402/21/1",
            ),
            (
                "urn:epc:id:sgtin:4012345.011111.A%2FB(1)",
                "https://id.gs1.org/01/04012345111118/21/A%2FB%281%29",
            ),
        ];
        for (urn, want) in cases {
            assert_eq!(canonical_id(urn).as_deref(), Some(want), "{urn}");
        }
    }

    #[test]
    fn links_are_constrained() {
        let cases = [
            (
                "https://id.gs1.de/01/04012345999990/21/XYZ-1234",
                "https://id.gs1.org/01/04012345999990/21/XYZ-1234",
            ),
            (
                "https://example.com/some/path/01/9506000134352/22/2A/10/ABC/21/12345?17=290101",
                "https://id.gs1.org/01/09506000134352/21/12345",
            ),
            (
                "https://id.example.org/8004/401234599999",
                "https://id.gs1.org/8004/401234599999",
            ),
            (
                "http://x.org/gtin/09506000134352/lot/L1",
                "https://id.gs1.org/01/09506000134352/10/L1",
            ),
            (
                "https://id.example.com/253/4012345000054987",
                "https://id.gs1.org/253/4012345000054987",
            ),
        ];
        for (uri, want) in cases {
            assert_eq!(canonical_id(uri).as_deref(), Some(want), "{uri}");
        }
        assert_eq!(canonical_id("https://example.com/about"), None);
        assert_eq!(
            canonical_id("urn:epcglobal:cbv:bt:4012345000009:ASN1099"),
            None
        );
        assert_eq!(canonical_id("geo:50.9,6.9"), None);
    }
}
