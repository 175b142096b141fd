//! The strict parser. Order of checks (the first failure is reported):
//! length, scheme, characters, percent escapes, recipient, parameters in
//! the order they appear (syntax, `req-`, duplicates, empty values), missing
//! parameters, then the values: chain, asset, amount, memo, label, expires.

use percent_encoding::percent_decode_str;

use super::amount::DecimalAmount;
use super::error::{PaymentRequestError, TextField};
use super::{MAX_URI_BYTES, PaymentRequest, SCHEME, check_amount_decimals, check_text};
use crate::address::Address;
use crate::asset::AssetId;
use crate::chain_id::ChainId;

/// The raw values of the known parameters.
#[derive(Default)]
struct Raw<'a> {
    chain: Option<&'a str>,
    asset: Option<&'a str>,
    amount: Option<&'a str>,
    memo: Option<&'a str>,
    label: Option<&'a str>,
    expires: Option<&'a str>,
}

pub(super) fn parse(text: &str) -> Result<PaymentRequest, PaymentRequestError> {
    if text.len() > MAX_URI_BYTES {
        return Err(PaymentRequestError::TooLong {
            max: MAX_URI_BYTES,
            got: text.len(),
        });
    }
    let rest = strip_scheme(text)?;
    check_characters(text)?;
    check_escapes(text)?;
    let query_start = text.len() - rest.len();
    let (path, query) = match rest.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (rest, None),
    };
    if path.is_empty() {
        return Err(PaymentRequestError::MissingRecipient);
    }
    let (network, recipient) =
        Address::decode_any(path).map_err(PaymentRequestError::BadAddress)?;
    let raw = match query {
        Some(query) => read_parameters(query, query_start + path.len() + 1)?,
        None => Raw::default(),
    };

    let missing = |parameter| PaymentRequestError::MissingParameter { parameter };
    let chain = raw.chain.ok_or_else(|| missing("chain"))?;
    let asset = raw.asset.ok_or_else(|| missing("asset"))?;
    let chain = ChainId::new(chain).map_err(PaymentRequestError::BadChainId)?;
    let asset: AssetId = asset
        .parse()
        .map_err(|_| PaymentRequestError::UnknownAsset {
            given: bounded(asset),
        })?;
    let mut request = PaymentRequest::new(recipient, network, chain, asset);
    if let Some(amount) = raw.amount {
        let amount = DecimalAmount::parse(amount).map_err(PaymentRequestError::Amount)?;
        check_amount_decimals(asset, &amount)?;
        request.amount = Some(amount);
    }
    if let Some(memo) = raw.memo {
        request.memo = Some(decode_text(TextField::Memo, memo)?);
    }
    if let Some(label) = raw.label {
        request.label = Some(decode_text(TextField::Label, label)?);
    }
    if let Some(expires) = raw.expires {
        request.expires = Some(parse_expiry(expires)?);
    }
    Ok(request)
}

/// The text after `jifen:` (any case: RFC 3986 schemes are
/// case-insensitive, and the QR form is upper case).
fn strip_scheme(text: &str) -> Result<&str, PaymentRequestError> {
    let wrong = |given: &str| {
        let looks_like_scheme = given.len() <= 32
            && given.starts_with(|c: char| c.is_ascii_alphabetic())
            && given
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        PaymentRequestError::WrongScheme {
            given: if looks_like_scheme {
                given.to_owned()
            } else {
                String::new()
            },
        }
    };
    let Some((scheme, rest)) = text.split_once(':') else {
        return Err(wrong(""));
    };
    if scheme.eq_ignore_ascii_case(SCHEME) {
        Ok(rest)
    } else {
        Err(wrong(scheme))
    }
}

/// RFC 3986 characters a URI may hold raw, less `#` (no fragment) and
/// `[`/`]` (no IP literal): unreserved, sub-delims, `:`, `@`, `/`, `?`, `%`.
fn is_uri_character(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'-' | b'.'
                | b'_'
                | b'~'
                | b'!'
                | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
                | b':'
                | b'@'
                | b'/'
                | b'?'
                | b'%'
        )
}

fn check_characters(text: &str) -> Result<(), PaymentRequestError> {
    match text.char_indices().find(|(_, c)| {
        u8::try_from(*c)
            .map(|b| !is_uri_character(b))
            .unwrap_or(true)
    }) {
        Some((position, character)) => Err(PaymentRequestError::InvalidCharacter {
            position,
            character,
        }),
        None => Ok(()),
    }
}

/// Every `%` starts `%XX` with two hex digits (the decoder of the
/// `percent-encoding` crate passes a broken escape through as text; this
/// format refuses it).
fn check_escapes(text: &str) -> Result<(), PaymentRequestError> {
    let bytes = text.as_bytes();
    for (position, byte) in bytes.iter().enumerate() {
        if *byte == b'%' {
            let hex = |offset: usize| {
                bytes
                    .get(position + offset)
                    .is_some_and(u8::is_ascii_hexdigit)
            };
            if !(hex(1) && hex(2)) {
                return Err(PaymentRequestError::BadPercentEncoding { position });
            }
        }
    }
    Ok(())
}

/// Splits `name=value&...` (starting at byte `offset` of the whole text)
/// into the known parameters' raw values.
fn read_parameters(query: &str, offset: usize) -> Result<Raw<'_>, PaymentRequestError> {
    let mut raw = Raw::default();
    let mut position = offset;
    for parameter in query.split('&') {
        let malformed = || PaymentRequestError::MalformedParameter {
            position,
            parameter: bounded(parameter),
        };
        let (name, value) = parameter.split_once('=').ok_or_else(malformed)?;
        if !is_parameter_name(name) || value.contains('=') {
            return Err(malformed());
        }
        if name.starts_with("req-") {
            return Err(PaymentRequestError::UnknownRequiredParameter {
                parameter: bounded(name),
            });
        }
        position += parameter.len() + 1;
        let (name, slot) = match name {
            "chain" => ("chain", &mut raw.chain),
            "asset" => ("asset", &mut raw.asset),
            "amount" => ("amount", &mut raw.amount),
            "memo" => ("memo", &mut raw.memo),
            "label" => ("label", &mut raw.label),
            "expires" => ("expires", &mut raw.expires),
            // BIP 21: an unknown parameter without `req-` is ignored.
            _ => continue,
        };
        if slot.is_some() {
            return Err(PaymentRequestError::DuplicateParameter { parameter: name });
        }
        if value.is_empty() {
            return Err(PaymentRequestError::EmptyValue { parameter: name });
        }
        *slot = Some(value);
    }
    Ok(raw)
}

/// A lower-case letter, then lower-case letters, digits and `-`. Upper case
/// is refused rather than ignored: a tool that upper-cased a whole request
/// must not turn `AMOUNT=5` into an unknown, silently dropped parameter.
fn is_parameter_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn decode_text(field: TextField, raw: &str) -> Result<String, PaymentRequestError> {
    let text = percent_decode_str(raw)
        .decode_utf8()
        .map_err(|_| PaymentRequestError::TextNotUtf8 { field })?
        .into_owned();
    check_text(field, &text)?;
    Ok(text)
}

/// Unix seconds: digits without a leading zero, 1 to `u64::MAX`.
fn parse_expiry(raw: &str) -> Result<u64, PaymentRequestError> {
    let bad = || PaymentRequestError::BadExpiry {
        given: bounded(raw),
    };
    if raw.starts_with('0') || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    raw.parse().map_err(|_| bad())
}

/// At most 64 characters of `text`, for error messages.
fn bounded(text: &str) -> String {
    text.chars().take(64).collect()
}
