//! Dates as Vietnamese documents write them: day first, always.
//!
//! Front matter (`date:`, campaign days) and citations ("ngày 15/8/2025",
//! "ngày 15 tháng 8 năm 2025") are read here so that `15/1/2026` is never
//! taken for a US month/day anywhere in the program. A date whose form is
//! right but whose day does not exist (31/6, 30/2/2026) is reported as
//! [`DateError::Impossible`] with a short reason, because that is almost always
//! a typo an officer should fix rather than a different format.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::text::{collapse_ws, nfc};

/// Why a date was refused; `Display` gives a message a communications officer understands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not in any accepted form.
    #[error("`{0}` is not a date: write it as 2026-01-15 or 15/1/2026")]
    Unrecognized(String),
    /// The form is right but the day does not exist (31/6, 30/2/2026).
    #[error("`{0}` does not exist: {1}")]
    Impossible(String, String),
}

/// An observance day: day and month, no year (`11/7` is 11 July).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct DayMonth {
    pub month: u32,
    pub day: u32,
}

/// Parses `2026-01-15`, `15/1/2026`, `15/01/2026`, `15-1-2026`, `15.1.2026` and
/// `ngày 15 tháng 10 năm 2025` (also without "ngày").
pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    let s = nfc(s.trim());
    let (d, m, y) = if let Some(c) = ISO.captures(&s) {
        (num(&c[3]), num(&c[2]), num(&c[1]))
    } else if let Some(c) = NUMERIC.captures(&s) {
        // "15/1-2026" mixes separators: more likely noise than a date.
        if c[2] != c[4] {
            return Err(unrecognized(&s));
        }
        (num(&c[1]), num(&c[3]), num(&c[5]))
    } else if let Some(c) = LONG.captures(&s) {
        (num(&c[1]), num(&c[2]), num(&c[3]))
    } else {
        return Err(unrecognized(&s));
    };
    let year = i32::try_from(y).map_err(|_| unrecognized(&s))?;
    check(&s, d, m, Some(year))?;
    NaiveDate::from_ymd_opt(year, m, d)
        .ok_or_else(|| DateError::Impossible(collapse_ws(&s), "the year is out of range".into()))
}

/// Parses a day/month without a year: `11/7`, `8/5`, `1-10`. 29/2 is accepted.
pub fn parse_day_month(s: &str) -> Result<DayMonth, DateError> {
    let s = nfc(s.trim());
    let c = DAY_MONTH.captures(&s).ok_or_else(|| unrecognized(&s))?;
    let (day, month) = match (c.get(1), c.get(2)) {
        (Some(d), Some(m)) => (num(d.as_str()), num(m.as_str())),
        _ => (num(&c[3]), num(&c[4])),
    };
    check(&s, day, month, None)?;
    Ok(DayMonth { month, day })
}

// The patterns are literals: compiling them cannot fail, so `expect` only
// documents that.
static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$").expect("valid regex"));
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:ngày\s+)?([0-9]{1,2})\s*([/.\-])\s*([0-9]{1,2})\s*([/.\-])\s*([0-9]{4})$")
        .expect("valid regex")
});
static LONG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:ngày\s+)?([0-9]{1,2})\s+tháng\s+([0-9]{1,2})\s*,?\s+năm\s+([0-9]{4})$")
        .expect("valid regex")
});
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:([0-9]{1,2})\s*[/.\-]\s*([0-9]{1,2})|(?:ngày\s+)?([0-9]{1,2})\s+tháng\s+([0-9]{1,2}))$",
    )
    .expect("valid regex")
});

/// Parses at most four ASCII digits (the patterns guarantee it).
fn num(s: &str) -> u32 {
    s.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0'))
}

fn unrecognized(s: &str) -> DateError {
    DateError::Unrecognized(collapse_ws(s))
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Refuses a day that does not exist, saying why. Without a year, 29/2 exists.
fn check(s: &str, day: u32, month: u32, year: Option<i32>) -> Result<(), DateError> {
    let reason = if !(1..=12).contains(&month) {
        format!("there is no month {month}")
    } else if day == 0 {
        "there is no day 0".to_string()
    } else {
        let name = MONTHS[month as usize - 1];
        let leap = |y: i32| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
        let max = match month {
            2 if year.is_some_and(|y| !leap(y)) => 28,
            2 => 29,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        if day <= max {
            return Ok(());
        }
        match (month, year) {
            (2, Some(y)) => format!("{name} {y} has {max} days"),
            (2, None) => format!("{name} has at most {max} days"),
            _ => format!("{name} has {max} days"),
        }
    };
    Err(DateError::Impossible(collapse_ws(s), reason))
}

/// Vietnamese display form: `15/01/2026`.
pub fn format_vi(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// Long Vietnamese form: `ngày 15 tháng 01 năm 2026`.
pub fn format_vi_long(d: NaiveDate) -> String {
    d.format("ngày %d tháng %m năm %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn accepted_forms() {
        let d = ymd(2026, 1, 15);
        for s in [
            "2026-01-15",
            "2026-1-15",
            "15/1/2026",
            "15/01/2026",
            "15-1-2026",
            "15.1.2026",
            " 15 / 1 / 2026 ",
        ] {
            assert_eq!(parse_date(s), Ok(d), "{s}");
        }
        let d = ymd(2025, 10, 15);
        for s in [
            "ngày 15 tháng 10 năm 2025",
            "Ngày 15 tháng 10 năm 2025",
            "15 tháng 10 năm 2025",
            "ngày  15\ntháng 10\n\nnăm   2025",
            "ngày 15 tháng 10, năm 2025",
            "ngày 15/10/2025",
            // decomposed "ngày", "tháng", "năm"
            "nga\u{300}y 15 tha\u{301}ng 10 na\u{306}m 2025",
        ] {
            assert_eq!(parse_date(s), Ok(d), "{s}");
        }
    }

    #[test]
    fn day_first_always() {
        assert_eq!(parse_date("01/02/2026"), Ok(ymd(2026, 2, 1)));
        assert_eq!(parse_date("12/11/2025"), Ok(ymd(2025, 11, 12)));
    }

    #[test]
    fn impossible_dates_say_why() {
        let cases = [
            ("31/6/2025", "June has 30 days"),
            ("30/2/2026", "February 2026 has 28 days"),
            ("29/2/2025", "February 2025 has 28 days"),
            ("30/2/2024", "February 2024 has 29 days"),
            ("1/13/2025", "there is no month 13"),
            ("0/5/2025", "there is no day 0"),
            ("2025-06-31", "June has 30 days"),
            ("ngày 31 tháng 4 năm 2025", "April has 30 days"),
            ("32/1/2025", "January has 31 days"),
        ];
        for (s, reason) in cases {
            assert_eq!(
                parse_date(s),
                Err(DateError::Impossible(s.to_string(), reason.to_string())),
                "{s}"
            );
        }
        assert_eq!(parse_date("29/2/2024"), Ok(ymd(2024, 2, 29)));
        assert_eq!(parse_date("29/2/2000"), Ok(ymd(2000, 2, 29)));
        assert!(matches!(
            parse_date("29/2/1900"),
            Err(DateError::Impossible(..))
        ));
        let msg = parse_date("31/6/2025").unwrap_err().to_string();
        assert_eq!(msg, "`31/6/2025` does not exist: June has 30 days");
    }

    #[test]
    fn unrecognized() {
        for s in [
            "",
            "2026",
            "15/1",
            "15/1/26",
            "1/15/2026x",
            "January 15, 2026",
            "15/1-2026",
            "ngày tháng 8 năm 2025",
            "2026/01/15",
            "15 / 1 / 20 26",
        ] {
            assert!(
                matches!(parse_date(s), Err(DateError::Unrecognized(_))),
                "{s}: {:?}",
                parse_date(s)
            );
        }
        let msg = parse_date("hôm qua").unwrap_err().to_string();
        assert!(
            msg.contains("2026-01-15") && msg.contains("15/1/2026"),
            "{msg}"
        );
    }

    #[test]
    fn day_months() {
        let dm = |day, month| Ok(DayMonth { month, day });
        assert_eq!(parse_day_month("11/7"), dm(11, 7));
        assert_eq!(parse_day_month("8/5"), dm(8, 5));
        assert_eq!(parse_day_month("01/10"), dm(1, 10));
        assert_eq!(parse_day_month("1-10"), dm(1, 10));
        assert_eq!(parse_day_month(" 26 / 12 "), dm(26, 12));
        assert_eq!(parse_day_month("29/2"), dm(29, 2));
        assert_eq!(parse_day_month("ngày 11 tháng 7"), dm(11, 7));
        assert!(DayMonth { month: 1, day: 31 } < DayMonth { month: 2, day: 1 });
    }

    #[test]
    fn impossible_day_months() {
        let cases = [
            ("31/6", "June has 30 days"),
            ("30/2", "February has at most 29 days"),
            ("0/5", "there is no day 0"),
            ("12/13", "there is no month 13"),
            ("5/0", "there is no month 0"),
        ];
        for (s, reason) in cases {
            assert_eq!(
                parse_day_month(s),
                Err(DateError::Impossible(s.to_string(), reason.to_string())),
                "{s}"
            );
        }
        for s in ["", "11", "11/7/2025", "tháng 12", "7/11/", "111/7"] {
            assert!(
                matches!(parse_day_month(s), Err(DateError::Unrecognized(_))),
                "{s}"
            );
        }
    }

    #[test]
    fn formats() {
        assert_eq!(format_vi(ymd(2026, 1, 15)), "15/01/2026");
        assert_eq!(
            format_vi_long(ymd(2026, 1, 15)),
            "ngày 15 tháng 01 năm 2026"
        );
    }
}
