//! iCalendar (RFC 5545) feed writer for the portal's observance days.
//!
//! This module owns the bytes of `/calendar.ics` and of each jurisdiction's
//! feed: one yearly, all-day, transparent VEVENT per observance (a single day
//! such as Ngày Dân số thế giới 11/7, or a month-long campaign such as the
//! December Tháng hành động quốc gia về Dân số). Subscribers' calendar apps
//! re-fetch the feed, so the output must be valid RFC 5545 and byte-identical
//! across rebuilds of the same input: nothing here reads the clock or iterates
//! a hash map, and UID and DTSTAMP come from the caller.
//!
//! Not the `icalendar` crate (0.16.17): its folding lets the last continuation
//! line reach 76 octets, its `all_day` writes DTEND = DTSTART (DTEND is
//! exclusive), and it doesn't TEXT-escape X-WR-CALNAME. Hence this writer.

use chrono::{NaiveDate, NaiveDateTime};
use std::fmt::Write as _;

/// One yearly all-day observance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsEvent {
    /// Stable, given by the caller (e.g. "ngay-dan-so-the-gioi-0711@portal.example").
    pub uid: String,
    /// First day (a year chosen by the caller, the same in every build). A
    /// 29 February start recurs on February's last day.
    pub start: NaiveDate,
    /// Exclusive end: the day after, or the 1st of next month for a
    /// month-long campaign. Must be after `start`.
    pub end: NaiveDate,
    pub summary: String,
    pub description: String,
    /// Absolute URL back to the portal (none when the site has no absolute
    /// `base_url`: a path alone is not a URI).
    pub url: Option<String>,
}

/// A whole feed.
#[derive(Debug, Clone)]
pub struct IcsFeed<'a> {
    /// X-WR-CALNAME.
    pub name: &'a str,
    /// E.g. "-//planportal//planportal 0.1//VI".
    pub prodid: &'a str,
    /// DTSTAMP for every event, UTC (the build time; SOURCE_DATE_EPOCH).
    pub stamp: NaiveDateTime,
    pub events: &'a [IcsEvent],
}

/// RFC 5545 §3.1: content lines SHOULD NOT exceed 75 octets, excluding CRLF.
const FOLD_OCTETS: usize = 75;

/// Writes the feed: RFC 5545 bytes, deterministic.
///
/// Events are written in the given order; the caller owns that order.
/// Dates must have four-digit years (0000–9999), the only ones RFC 5545 can
/// express.
pub fn write(feed: &IcsFeed<'_>) -> String {
    let mut out = String::new();
    let stamp = feed.stamp.format("%Y%m%dT%H%M%SZ").to_string();

    content_line(&mut out, "BEGIN:VCALENDAR");
    content_line(&mut out, "VERSION:2.0");
    content_line(&mut out, &format!("PRODID:{}", text(feed.prodid)));
    content_line(&mut out, "CALSCALE:GREGORIAN");
    content_line(&mut out, "METHOD:PUBLISH");
    // X- properties default to TEXT (RFC 5545 §3.8.8.2), so this is escaped
    // too, although some readers (Python's icalendar) hand it back raw.
    content_line(&mut out, &format!("X-WR-CALNAME:{}", text(feed.name)));
    for ev in feed.events {
        debug_assert!(ev.end > ev.start, "DTEND must be after DTSTART: {ev:?}");
        content_line(&mut out, "BEGIN:VEVENT");
        content_line(&mut out, &format!("UID:{}", text(&ev.uid)));
        content_line(&mut out, &format!("DTSTAMP:{stamp}"));
        content_line(&mut out, &format!("DTSTART;VALUE=DATE:{}", date(ev.start)));
        content_line(&mut out, &format!("DTEND;VALUE=DATE:{}", date(ev.end)));
        content_line(&mut out, rrule(ev.start));
        content_line(&mut out, &format!("SUMMARY:{}", text(&ev.summary)));
        content_line(&mut out, &format!("DESCRIPTION:{}", text(&ev.description)));
        if let Some(url) = &ev.url {
            content_line(&mut out, &format!("URL:{}", uri(url)));
        }
        // Observances are reminders, not appointments: don't block free/busy.
        content_line(&mut out, "TRANSP:TRANSPARENT");
        content_line(&mut out, "END:VEVENT");
    }
    content_line(&mut out, "END:VCALENDAR");
    out
}

/// Yearly from the start. A 29 February series would recur only in leap
/// years (RFC 5545 §3.3.10 drops invalid dates): it falls on February's last
/// day instead, every year.
fn rrule(start: NaiveDate) -> &'static str {
    use chrono::Datelike;
    if (start.month(), start.day()) == (2, 29) {
        "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"
    } else {
        "RRULE:FREQ=YEARLY"
    }
}

fn date(d: NaiveDate) -> String {
    debug_assert!((0..=9999).contains(&chrono::Datelike::year(&d)));
    d.format("%Y%m%d").to_string()
}

/// Appends one content line, folded at 75 octets and ended by CRLF.
///
/// Folds are placed only between chars, so a multi-byte UTF-8 sequence is
/// never split (RFC 5545 §3.1 asks for that). The single leading space of a
/// continuation line counts towards its 75 octets.
fn content_line(out: &mut String, line: &str) {
    let mut used = 0;
    for ch in line.chars() {
        let n = ch.len_utf8();
        if used + n > FOLD_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(ch);
        used += n;
    }
    out.push_str("\r\n");
}

/// TEXT value escaping (RFC 5545 §3.3.11).
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            // CRLF and a lone CR are line breaks too in text from Windows
            // editors; one `\n` each, so CRLF doesn't become two breaks.
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            // TEXT can't carry other controls (TSAFE-CHAR excludes them) and
            // they have no meaning in a summary; dropping beats invalid bytes.
            c if c != '\t' && c.is_control() && c.is_ascii() => {}
            c => out.push(c),
        }
    }
    out
}

/// URI value (RFC 5545 §3.3.13): not TEXT, so `,` and `;` stay as they are.
///
/// Bytes that no URI may contain (controls, space, DEL, non-ASCII) are
/// percent-encoded, as RFC 3987 §3.1 maps an IRI to a URI; this keeps a
/// Vietnamese slug working and a stray newline from breaking the line.
fn uri(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b <= b' ' || b >= 0x7f {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{b:02X}");
        } else {
            out.push(b as char);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn stamp() -> NaiveDateTime {
        d(2025, 3, 4).and_hms_opt(5, 6, 7).unwrap()
    }

    fn event(summary: &str) -> IcsEvent {
        IcsEvent {
            uid: "x@portal.example".into(),
            start: d(2025, 7, 11),
            end: d(2025, 7, 12),
            summary: summary.into(),
            description: String::new(),
            url: Some("https://portal.example/".into()),
        }
    }

    fn one(ev: IcsEvent) -> String {
        let events = [ev];
        write(&IcsFeed {
            name: "Lịch",
            prodid: "-//planportal//planportal 0.1//VI",
            stamp: stamp(),
            events: &events,
        })
    }

    /// Physical lines, as bytes, so a fold inside a UTF-8 sequence would show.
    fn physical_lines(feed: &str) -> Vec<&[u8]> {
        let bytes = feed.as_bytes();
        assert!(bytes.ends_with(b"\r\n"), "feed must end with CRLF");
        let mut lines = Vec::new();
        let mut start = 0;
        for i in 0..bytes.len() - 1 {
            if &bytes[i..i + 2] == b"\r\n" {
                lines.push(&bytes[start..i]);
                start = i + 2;
            }
        }
        lines
    }

    fn unfold(feed: &str) -> String {
        feed.replace("\r\n ", "")
    }

    fn logical_line<'a>(unfolded: &'a str, prefix: &str) -> &'a str {
        unfolded
            .split("\r\n")
            .find(|l| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("no line starting with {prefix:?}"))
    }

    fn assert_well_formed(feed: &str) {
        for line in physical_lines(feed) {
            assert!(
                line.len() <= FOLD_OCTETS,
                "{} octets: {:?}",
                line.len(),
                String::from_utf8_lossy(line)
            );
            assert!(
                std::str::from_utf8(line).is_ok(),
                "fold split a UTF-8 sequence: {line:?}"
            );
            assert!(
                !line.contains(&b'\r') && !line.contains(&b'\n'),
                "bare CR or LF in {:?}",
                String::from_utf8_lossy(line)
            );
        }
    }

    #[test]
    fn two_event_feed_byte_for_byte() {
        let events = [
            IcsEvent {
                uid: "ngay-dan-so-the-gioi-0711@portal.example".into(),
                start: d(2025, 7, 11),
                end: d(2025, 7, 12),
                summary: "Ngày Dân số thế giới".into(),
                description: "Hưởng ứng Ngày Dân số thế giới 11/7.".into(),
                url: Some("https://portal.example/ke-hoach/dan-so/#ngay-11-7".into()),
            },
            IcsEvent {
                uid: "thang-hanh-dong-dan-so-12@portal.example".into(),
                start: d(2025, 12, 1),
                end: d(2026, 1, 1),
                summary: "Tháng hành động quốc gia về Dân số".into(),
                description: "Cả tháng 12: tuyên truyền, vận động; nâng cao chất lượng dân số."
                    .into(),
                url: Some("https://portal.example/ke-hoach/dan-so/#thang-12".into()),
            },
        ];
        let got = write(&IcsFeed {
            name: "Kế hoạch Dân số",
            prodid: "-//planportal//planportal 0.1//VI",
            stamp: stamp(),
            events: &events,
        });
        // The second DESCRIPTION is 98 octets after escaping. Its first
        // physical line stops at 74 octets: the next char, ấ, is 3 octets and
        // would end at octet 77, so it moves whole to the continuation line.
        let want = concat!(
            "BEGIN:VCALENDAR\r\n",
            "VERSION:2.0\r\n",
            "PRODID:-//planportal//planportal 0.1//VI\r\n",
            "CALSCALE:GREGORIAN\r\n",
            "METHOD:PUBLISH\r\n",
            "X-WR-CALNAME:Kế hoạch Dân số\r\n",
            "BEGIN:VEVENT\r\n",
            "UID:ngay-dan-so-the-gioi-0711@portal.example\r\n",
            "DTSTAMP:20250304T050607Z\r\n",
            "DTSTART;VALUE=DATE:20250711\r\n",
            "DTEND;VALUE=DATE:20250712\r\n",
            "RRULE:FREQ=YEARLY\r\n",
            "SUMMARY:Ngày Dân số thế giới\r\n",
            "DESCRIPTION:Hưởng ứng Ngày Dân số thế giới 11/7.\r\n",
            "URL:https://portal.example/ke-hoach/dan-so/#ngay-11-7\r\n",
            "TRANSP:TRANSPARENT\r\n",
            "END:VEVENT\r\n",
            "BEGIN:VEVENT\r\n",
            "UID:thang-hanh-dong-dan-so-12@portal.example\r\n",
            "DTSTAMP:20250304T050607Z\r\n",
            "DTSTART;VALUE=DATE:20251201\r\n",
            "DTEND;VALUE=DATE:20260101\r\n",
            "RRULE:FREQ=YEARLY\r\n",
            "SUMMARY:Tháng hành động quốc gia về Dân số\r\n",
            "DESCRIPTION:Cả tháng 12: tuyên truyền\\, vận động\\; nâng cao ch\r\n",
            " ất lượng dân số.\r\n",
            "URL:https://portal.example/ke-hoach/dan-so/#thang-12\r\n",
            "TRANSP:TRANSPARENT\r\n",
            "END:VEVENT\r\n",
            "END:VCALENDAR\r\n",
        );
        assert_eq!(got, want);
        assert_well_formed(&got);
    }

    #[test]
    fn long_vietnamese_summary_folds_at_75_octets_on_char_boundaries() {
        let summary = "Hưởng ứng Tháng hành động quốc gia về Dân số và Ngày Dân số Việt Nam \
                       26/12: nâng cao chất lượng dân số và chăm sóc sức khỏe sinh sản \
                       cho mọi người dân ở tất cả các xã và phường 😀";
        let got = one(event(summary));
        assert_well_formed(&got);
        let summary_lines = physical_lines(&got)
            .into_iter()
            .skip_while(|l| !l.starts_with(b"SUMMARY:"))
            .take_while(|l| l.starts_with(b"SUMMARY:") || l.starts_with(b" "))
            .count();
        assert!(
            summary_lines >= 4,
            "expected several folds, got {summary_lines}"
        );
        assert_eq!(
            logical_line(&unfold(&got), "SUMMARY:"),
            format!("SUMMARY:{summary}")
        );
    }

    #[test]
    fn fold_boundaries_are_exact() {
        // "SUMMARY:" is 8 octets: 67 more fill the line exactly, no fold.
        let got = one(event(&"a".repeat(67)));
        assert!(got.contains(&format!("\r\nSUMMARY:{}\r\n", "a".repeat(67))));
        // One more octet goes to a continuation line after one space.
        let got = one(event(&"a".repeat(68)));
        assert!(got.contains(&format!("\r\nSUMMARY:{}\r\n a\r\n", "a".repeat(67))));
        // A 3-octet char that would end at octet 77 moves whole to the next line.
        let got = one(event(&format!("{}ệ", "a".repeat(66))));
        assert!(got.contains(&format!("\r\nSUMMARY:{}\r\n ệ\r\n", "a".repeat(66))));
        // Continuation lines carry 74 octets after their space: 75 in all.
        let got = one(event(&"b".repeat(67 + 74 + 1)));
        let want = format!(
            "\r\nSUMMARY:{}\r\n {}\r\n b\r\n",
            "b".repeat(67),
            "b".repeat(74)
        );
        assert!(got.contains(&want), "{got}");
    }

    #[test]
    fn text_is_escaped_and_url_is_not() {
        let got = one(IcsEvent {
            summary: r"a;b,c\d".to_string() + "\ne\r\nf\rg\u{7}h\ti",
            description: "Dòng 1\nDòng 2".into(),
            url: Some("https://portal.example/a;b,c?x=1&y=2".into()),
            ..event("")
        });
        assert_well_formed(&got);
        let unfolded = unfold(&got);
        assert_eq!(
            logical_line(&unfolded, "SUMMARY:"),
            r"SUMMARY:a\;b\,c\\d\ne\nf\ngh	i"
        );
        assert_eq!(
            logical_line(&unfolded, "DESCRIPTION:"),
            r"DESCRIPTION:Dòng 1\nDòng 2"
        );
        assert_eq!(
            logical_line(&unfolded, "URL:"),
            "URL:https://portal.example/a;b,c?x=1&y=2"
        );
    }

    #[test]
    fn feed_name_and_uid_are_escaped() {
        let events = [IcsEvent {
            uid: "a,b;c@portal.example".into(),
            ..event("x")
        }];
        let got = write(&IcsFeed {
            name: "Dân số, gia đình; trẻ em",
            prodid: "-//planportal//planportal 0.1//VI",
            stamp: stamp(),
            events: &events,
        });
        assert!(got.contains("\r\nX-WR-CALNAME:Dân số\\, gia đình\\; trẻ em\r\n"));
        assert!(got.contains("\r\nUID:a\\,b\\;c@portal.example\r\n"));
    }

    #[test]
    fn url_bytes_no_uri_may_hold_are_percent_encoded() {
        let got = one(IcsEvent {
            url: Some("https://portal.example/dân số\r\nX:1".into()),
            ..event("x")
        });
        assert!(got.contains("\r\nURL:https://portal.example/d%C3%A2n%20s%E1%BB%91%0D%0AX:1\r\n"));
    }

    #[test]
    fn output_is_deterministic_and_uses_the_given_stamp() {
        let events: Vec<IcsEvent> = (0..50)
            .map(|i| IcsEvent {
                uid: format!("e{i}@portal.example"),
                summary: format!("Sự kiện {i}, ngày; dân số"),
                ..event("")
            })
            .collect();
        let feed = IcsFeed {
            name: "Lịch",
            prodid: "-//planportal//planportal 0.1//VI",
            stamp: stamp(),
            events: &events,
        };
        let first = write(&feed);
        let cloned = events.clone();
        let again = write(&IcsFeed {
            events: &cloned,
            ..feed.clone()
        });
        assert_eq!(first, again);
        assert_eq!(
            first.matches("\r\nDTSTAMP:20250304T050607Z\r\n").count(),
            50
        );
        // Given order is kept.
        let uids: Vec<&str> = first
            .split("\r\n")
            .filter_map(|l| l.strip_prefix("UID:"))
            .collect();
        let want: Vec<String> = (0..50).map(|i| format!("e{i}@portal.example")).collect();
        assert_eq!(uids, want);
    }

    #[test]
    fn leap_day_recurs_on_the_last_day_of_february() {
        let got = one(IcsEvent {
            start: d(2000, 2, 29),
            end: d(2000, 3, 1),
            ..event("x")
        });
        assert!(got.contains("\r\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1\r\n"));
        assert!(!one(event("x")).contains("BYMONTH"));
    }
}
