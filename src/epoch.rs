//! `SOURCE_DATE_EPOCH`: "now" for reproducible builds.
//!
//! Only a whole number of seconds from 1970 to the end of year 9999 is a
//! date every output can write (feeds and `.ics` have four-digit years). Any
//! other value is refused rather than replaced by the clock, since the whole
//! point of setting it is that the clock does not count.

use chrono::NaiveDateTime;

use crate::diag::Diagnostic;

/// 9999-12-31T23:59:59Z.
const LAST: i64 = 253_402_300_799;

/// The value of `SOURCE_DATE_EPOCH`, when set: Ok(None) when unset or empty.
pub fn from_env() -> Result<Option<NaiveDateTime>, Diagnostic> {
    match std::env::var_os("SOURCE_DATE_EPOCH") {
        None => Ok(None),
        Some(v) => parse(&v.to_string_lossy()),
    }
}

pub fn parse(value: &str) -> Result<Option<NaiveDateTime>, Diagnostic> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let secs = v.parse::<i64>().ok().filter(|s| (0..=LAST).contains(s));
    match secs.and_then(|s| chrono::DateTime::from_timestamp(s, 0)) {
        Some(t) => Ok(Some(t.naive_utc())),
        None => {
            let shown: String = v.chars().take(40).flat_map(char::escape_debug).collect();
            Err(Diagnostic::error(format!(
                "biến môi trường SOURCE_DATE_EPOCH = `{shown}` không phải là một thời điểm hợp lệ"
            ))
            .help(
                "ghi số giây kể từ 1/1/1970 (0 đến 253402300799, tức hết năm 9999), ví dụ `SOURCE_DATE_EPOCH=1767225600` cho 1/1/2026; hoặc bỏ biến này để dùng giờ máy",
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn accepts_whole_seconds_in_range_only() {
        assert!(super::parse("1767225600").unwrap().is_some());
        assert!(super::parse(" 0 ").unwrap().is_some());
        assert!(super::parse("253402300799").unwrap().is_some());
        assert!(super::parse("").unwrap().is_none());
        for bad in [
            "253402300800",
            "8210298412799",
            "-1",
            "-99999999999",
            "abc",
            "1e9",
            "1767225600.5",
            "99999999999999999999",
            "\u{1b}[31m",
        ] {
            assert!(super::parse(bad).is_err(), "{bad}");
        }
    }
}
