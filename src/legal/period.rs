//! A document's date as precise as its signed text: a day, a month or a year.
//!
//! Signed plans often leave the day blank ("ngày    tháng 8 năm 2025") or
//! give only the year the plan is for. Such a date is kept as the period it
//! names and never completed with an invented day: it is shown as the
//! period ("tháng 8/2025", "năm 2024"), written as the period in JSON
//! (`2025-08`, `2024`), and sorted as the period's last day, so a plan of
//! "August 2025" sorts after every day of August.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::date::{self, DateError};
use super::text::{collapse_ws, nfc};

/// How much of a date the signed text gives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    #[default]
    Day,
    Month,
    Year,
}

/// A date of the given precision: `end` is the period's last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub end: NaiveDate,
    pub precision: Precision,
}

impl Period {
    pub fn day(d: NaiveDate) -> Period {
        Period {
            end: d,
            precision: Precision::Day,
        }
    }

    /// The period's first day.
    pub fn start(self) -> NaiveDate {
        start_of(self.end, self.precision)
    }

    /// True when `d` falls within the period.
    pub fn contains(self, d: NaiveDate) -> bool {
        self.start() <= d && d <= self.end
    }
}

/// First day of the period that ends on `end`.
pub fn start_of(end: NaiveDate, p: Precision) -> NaiveDate {
    match p {
        Precision::Day => end,
        Precision::Month => end.with_day(1).unwrap_or(end),
        Precision::Year => NaiveDate::from_ymd_opt(end.year(), 1, 1).unwrap_or(end),
    }
}

/// `2026-01-15`, `2025-08`, `2024`: the contract's JSON form.
pub fn iso(end: NaiveDate, p: Precision) -> String {
    match p {
        Precision::Day => end.to_string(),
        Precision::Month => format!("{:04}-{:02}", end.year(), end.month()),
        Precision::Year => format!("{:04}", end.year()),
    }
}

/// `15/01/2026`, `tháng 8/2025`, `năm 2024`.
pub fn label(end: NaiveDate, p: Precision) -> String {
    match p {
        Precision::Day => date::format_vi(end),
        Precision::Month => format!("tháng {}/{}", end.month(), end.year()),
        Precision::Year => format!("năm {}", end.year()),
    }
}

/// Parses a document's date: a full date as [`date::parse_date`] reads it, or
/// a month (`8/2025`, `08/2025`, `2025-08`, `tháng 8 năm 2025`, `tháng 8/2025`)
/// or a year (`2024`, `năm 2024`).
pub fn parse(s: &str) -> Result<Period, DateError> {
    let full = date::parse_date(s);
    if let Ok(d) = full {
        return Ok(Period::day(d));
    }
    let t = nfc(s.trim());
    let (month, year) = if let Some(c) = MONTH_YEAR.captures(&t) {
        (Some(num(&c[1])), num(&c[2]))
    } else if let Some(c) = ISO_MONTH.captures(&t) {
        (Some(num(&c[2])), num(&c[1]))
    } else if let Some(c) = YEAR.captures(&t) {
        (None, num(&c[1]))
    } else {
        return full.map(Period::day);
    };
    let year = i32::try_from(year).map_err(|_| DateError::Unrecognized(collapse_ws(&t)))?;
    match month {
        Some(m) if !(1..=12).contains(&m) => Err(DateError::Impossible(
            collapse_ws(&t),
            format!("there is no month {m}"),
        )),
        Some(m) => {
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(year, m + 1, 1)
            };
            let end = next.and_then(|n| n.pred_opt()).ok_or_else(|| {
                DateError::Impossible(collapse_ws(&t), "the year is out of range".into())
            })?;
            Ok(Period {
                end,
                precision: Precision::Month,
            })
        }
        None => NaiveDate::from_ymd_opt(year, 12, 31)
            .map(|end| Period {
                end,
                precision: Precision::Year,
            })
            .ok_or_else(|| {
                DateError::Impossible(collapse_ws(&t), "the year is out of range".into())
            }),
    }
}

// Literal patterns: compiling them cannot fail.
static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:tháng\s+)?([0-9]{1,2})\s*(?:[/.\-]|,?\s+năm)\s*([0-9]{4})$")
        .expect("valid regex")
});
static ISO_MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{4})-([0-9]{1,2})$").expect("valid regex"));
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:năm\s+)?([0-9]{4})$").expect("valid regex"));

fn num(s: &str) -> u32 {
    s.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn months_and_years() {
        let aug = Period {
            end: ymd(2025, 8, 31),
            precision: Precision::Month,
        };
        for s in [
            "8/2025",
            "08/2025",
            "2025-08",
            "tháng 8 năm 2025",
            "Tháng 8/2025",
            "tháng 8, năm 2025",
        ] {
            assert_eq!(parse(s), Ok(aug), "{s}");
        }
        assert_eq!(parse("2/2024").unwrap().end, ymd(2024, 2, 29));
        assert_eq!(parse("12/2025").unwrap().end, ymd(2025, 12, 31));
        let y = Period {
            end: ymd(2024, 12, 31),
            precision: Precision::Year,
        };
        assert_eq!(parse("2024"), Ok(y));
        assert_eq!(parse("năm 2024"), Ok(y));
        assert_eq!(parse("15/1/2026"), Ok(Period::day(ymd(2026, 1, 15))));
    }

    #[test]
    fn refused() {
        assert_eq!(
            parse("13/2025"),
            Err(DateError::Impossible(
                "13/2025".into(),
                "there is no month 13".into()
            ))
        );
        assert!(matches!(parse("0/2025"), Err(DateError::Impossible(..))));
        assert_eq!(
            parse("0/8/2025"),
            Err(DateError::Impossible(
                "0/8/2025".into(),
                "there is no day 0".into()
            ))
        );
        for s in ["", "8/25", "ngày tháng năm", "15/1", "hôm qua", "20244"] {
            assert!(parse(s).is_err(), "{s}");
        }
    }

    #[test]
    fn shown_and_written() {
        let aug = parse("8/2025").unwrap();
        assert_eq!(label(aug.end, aug.precision), "tháng 8/2025");
        assert_eq!(iso(aug.end, aug.precision), "2025-08");
        assert_eq!(aug.start(), ymd(2025, 8, 1));
        assert!(aug.contains(ymd(2025, 8, 15)) && !aug.contains(ymd(2025, 9, 1)));
        let y = parse("2024").unwrap();
        assert_eq!(label(y.end, y.precision), "năm 2024");
        assert_eq!(iso(y.end, y.precision), "2024");
        assert_eq!(y.start(), ymd(2024, 1, 1));
        let d = parse("2026-01-15").unwrap();
        assert_eq!(label(d.end, d.precision), "15/01/2026");
        assert_eq!(iso(d.end, d.precision), "2026-01-15");
    }
}
