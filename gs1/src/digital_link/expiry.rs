//! GS1 dates (YYMMDD, AIs 11-17) and the century of a two-digit year.

use core::fmt;

/// A GS1 date as written in AI 17: day 0 means the end of the month, as
/// the GS1 General Specifications allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Expiry {
    /// Four-digit year.
    pub year: u16,
    /// 1-12.
    pub month: u8,
    /// 0 (end of month) or 1-31 within the month.
    pub day: u8,
}

/// Days in `month` of `year` (Gregorian).
pub(crate) const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

/// GS1 General Specifications 7.12: a two-digit year YY is in the current
/// century unless it is 51-99 years ahead (then the previous century) or
/// 50-99 years behind (then the next).
pub(crate) fn full_year(yy: u16, current_year: u16) -> u16 {
    let century = current_year - current_year % 100;
    let current_yy = i32::from(current_year % 100);
    let difference = i32::from(yy) - current_yy;
    if (51..=99).contains(&difference) {
        century.saturating_sub(100) + yy
    } else if (-99..=-50).contains(&difference) {
        century.saturating_add(100) + yy
    } else {
        century + yy
    }
}

/// The current year from the system clock (2026 if the clock is before 1970).
pub(crate) fn current_year() -> u16 {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = i64::try_from(seconds / 86_400).unwrap_or(0);
    let (year, _, _) = crate::epcis::time::civil_from_days(days);
    u16::try_from(year).unwrap_or(2026)
}

impl Expiry {
    /// Reads six digits YYMMDD.
    #[must_use]
    pub fn from_yymmdd(text: &str, current_year: u16) -> Option<Self> {
        if text.len() != 6 || !text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let number = |range: core::ops::Range<usize>| text.get(range)?.parse::<u8>().ok();
        let yy = number(0..2)?;
        let month = number(2..4)?;
        let day = number(4..6)?;
        let year = full_year(u16::from(yy), current_year);
        ((1..=12).contains(&month) && day <= days_in_month(year, month)).then_some(Self {
            year,
            month,
            day,
        })
    }

    /// The last day the item may be used: day 0 resolved to the month's end.
    #[must_use]
    pub const fn last_day(&self) -> (u16, u8, u8) {
        let day = if self.day == 0 {
            days_in_month(self.year, self.month)
        } else {
            self.day
        };
        (self.year, self.month, day)
    }
}

impl fmt::Display for Expiry {
    /// `YYYY-MM-DD` (`DD` = `00` for "end of month").
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}
