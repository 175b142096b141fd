//! `xsd:dateTimeStamp` values of EPCIS: reading, and writing in UTC with
//! millisecond precision as the CBV 2.0 event hash requires.

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
/// algorithm).
pub(crate) const fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01.
pub(crate) const fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
    (year, month, day)
}

/// Parses `±HH:MM` (or `Z`) into minutes east of UTC.
pub(crate) fn parse_offset(text: &str) -> Option<i64> {
    if text == "Z" {
        return Some(0);
    }
    let bytes = text.as_bytes();
    if bytes.len() != 6 || bytes.get(3) != Some(&b':') {
        return None;
    }
    let sign = match bytes.first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let hours = two_digits(text.get(1..3)?)?;
    let minutes = two_digits(text.get(4..6)?)?;
    (hours <= 14 && minutes < 60).then_some(sign * (hours * 60 + minutes))
}

fn two_digits(text: &str) -> Option<i64> {
    (text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok())?
}

fn digits(text: &str, len: usize) -> Option<i64> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok())?
}

/// A parsed timestamp: UTC milliseconds (rounded as CBV 2.0 says: the third
/// decimal rounded up when the fourth is 5-9) and whether it had an offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Timestamp {
    /// Milliseconds since the epoch, UTC.
    pub ms: i64,
    /// Whether the text carried `Z` or `±HH:MM`.
    pub zoned: bool,
}

/// Parses `YYYY-MM-DDTHH:MM:SS[.f+](Z|±HH:MM)?`; a missing offset is read as
/// UTC (ADR 0021).
pub(crate) fn parse_timestamp(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    if text.len() > 64 || !text.is_ascii() {
        return None;
    }
    let date = text.get(..10)?;
    let sep = text.get(10..11)?;
    if sep != "T" && sep != "t" {
        return None;
    }
    let year = digits(date.get(..4)?, 4)?;
    let month = digits(date.get(5..7)?, 2)?;
    let day = digits(date.get(8..10)?, 2)?;
    if date.get(4..5)? != "-" || date.get(7..8)? != "-" {
        return None;
    }
    let time = text.get(11..)?;
    let hour = digits(time.get(..2)?, 2)?;
    let minute = digits(time.get(3..5)?, 2)?;
    let second = digits(time.get(6..8)?, 2)?;
    if time.get(2..3)? != ":" || time.get(5..6)? != ":" {
        return None;
    }
    let mut rest = time.get(8..)?;
    let mut fraction_ms = 0i64;
    if let Some(after_dot) = rest.strip_prefix('.') {
        let end = after_dot
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(after_dot.len());
        let fraction = after_dot.get(..end)?;
        if fraction.is_empty() {
            return None;
        }
        let mut padded: Vec<i64> = fraction.bytes().map(|b| i64::from(b - b'0')).collect();
        padded.resize(padded.len().max(4), 0);
        let (a, b, c, d) = (
            padded.first()?,
            padded.get(1)?,
            padded.get(2)?,
            padded.get(3)?,
        );
        fraction_ms = a * 100 + b * 10 + c + i64::from(*d >= 5);
        rest = after_dot.get(end..)?;
    }
    let (offset, zoned) = if rest.is_empty() {
        (0, false)
    } else if rest == "z" {
        (0, true)
    } else {
        (parse_offset(rest)?, true)
    };
    let month_ok = (1..=12).contains(&month);
    let max_day = i64::from(crate::digital_link::expiry_days_in_month(
        u16::try_from(year).ok()?,
        u8::try_from(month).ok()?,
    ));
    if !month_ok || day < 1 || day > max_day || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset * 60;
    Some(Timestamp {
        ms: seconds * 1000 + fraction_ms,
        zoned,
    })
}

/// `YYYY-MM-DDTHH:MM:SS.mmm` + the offset suffix, for UTC milliseconds shown
/// at `offset_minutes` east of UTC.
pub(crate) fn format_timestamp(ms: i64, offset_minutes: i64, suffix: &str) -> String {
    let local = ms.saturating_add(offset_minutes.saturating_mul(60_000));
    let days = local.div_euclid(86_400_000);
    let in_day = local.rem_euclid(86_400_000);
    let (year, month, day) = civil_from_days(days);
    let (hour, minute) = (in_day / 3_600_000, in_day / 60_000 % 60);
    let (second, milli) = (in_day / 1000 % 60, in_day % 1000);
    format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}.{milli:03}{suffix}")
}

/// The CBV 2.0 pre-hash form: UTC, milliseconds, `Z`.
pub(crate) fn utc_millis(ms: i64) -> String {
    format_timestamp(ms, 0, "Z")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn timestamps_normalise_to_utc_milliseconds() {
        let cases = [
            ("2020-03-04T11:00:30.000+01:00", "2020-03-04T10:00:30.000Z"),
            ("2019-10-21T00:05:00-06:00", "2019-10-21T06:05:00.000Z"),
            ("2023-02-02T11:04:03.1415Z", "2023-02-02T11:04:03.142Z"),
            ("2023-02-02T11:04:03.1414Z", "2023-02-02T11:04:03.141Z"),
            ("2023-02-02T23:59:59.9995+00:00", "2023-02-03T00:00:00.000Z"),
            ("2022-02-17T11:30:47.0Z", "2022-02-17T11:30:47.000Z"),
            ("1969-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z"),
        ];
        for (text, want) in cases {
            assert_eq!(
                utc_millis(parse_timestamp(text).unwrap().ms),
                want,
                "{text}"
            );
        }
        for bad in [
            "2020-13-01T00:00:00Z",
            "2021-02-29T00:00:00Z",
            "2020-01-01 00:00:00Z",
            "2020-01-01T00:00:00+1:00",
            "x",
            "",
        ] {
            assert!(parse_timestamp(bad).is_none(), "{bad}");
        }
        assert_eq!(
            format_timestamp(0, 480, "+08:00"),
            "1970-01-01T08:00:00.000+08:00"
        );
    }
}
