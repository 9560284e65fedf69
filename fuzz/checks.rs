//! What every fuzz target asserts, shared with `tests/fuzz_corpus.rs`.
//!
//! The fuzz targets (`fuzz_targets/*.rs`, run with cargo-fuzz) and the corpus
//! replay that `cargo test` runs on stable both include this file, so CI checks
//! the committed corpus with exactly the assertions the fuzzer ran. Each
//! function takes the raw fuzz input; a panic is a finding.

#![allow(dead_code)]

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use planportal::config::RawHtml;
use planportal::content::{document, model::Section};
use planportal::import::{draft, frontmatter, read};
use planportal::legal::{cite, date};
use planportal::render::ics::{self, IcsEvent, IcsFeed};
use planportal::render::markdown::{self, Target};

/// One target's check of one input.
pub type Check = fn(&[u8]);

/// Every target, by the name of its corpus folder.
pub const TARGETS: &[(&str, Check)] = &[
    ("front_matter", front_matter),
    ("date", date),
    ("cite", cite),
    ("markdown", markdown),
    ("ics", ics),
    ("import_clean", import_clean),
];

fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// A content file: whatever it holds, every message points inside it.
pub fn front_matter(data: &[u8]) {
    let (section, raw) = match data.split_first() {
        Some((b, rest)) => (Section::ALL[usize::from(*b) % 3], text(rest)),
        None => (Section::Plan, String::new()),
    };
    let path = Path::new("content/plans/fuzz.md");
    let parsed = document::parse(path, section, "fuzz", &raw);
    // Lines as an editor counts them (CR, LF and CRLF end a line), plus
    // one for a message about the end of the file.
    let lines = raw
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .lines()
        .count()
        + 1;
    for d in &parsed.diagnostics {
        if let Some(l) = d.line {
            assert!(
                (1..=lines).contains(&l),
                "line {l} outside 1..={lines}: {d:?}"
            );
        }
        assert!(d.column != Some(0), "column 0: {d:?}");
        assert!(!d.message().is_empty(), "empty message: {d:?}");
    }
    let errors = parsed.diagnostics.iter().any(|d| d.is_error());
    if parsed.document.is_none() {
        assert!(errors, "no document and no error: {:?}", parsed.diagnostics);
    }
}

/// The Vietnamese date parser: what it accepts, it reads back from its own
/// display forms; it never accepts a day that does not exist.
pub fn date(data: &[u8]) {
    let s = text(data);
    if let Ok(d) = date::parse_date(&s) {
        assert!((0..=9999).contains(&d.year()), "{s:?} → {d}");
        assert_eq!(date::parse_date(&date::format_vi(d)), Ok(d), "{s:?}");
        assert_eq!(date::parse_date(&date::format_vi_long(d)), Ok(d), "{s:?}");
        assert_eq!(date::parse_date(&d.format("%Y-%m-%d").to_string()), Ok(d));
    }
    if let Ok(dm) = date::parse_day_month(&s) {
        assert!(
            NaiveDate::from_ymd_opt(2024, dm.month, dm.day).is_some(),
            "{s:?} → {dm:?}"
        );
        let back = format!("{}/{}", dm.day, dm.month);
        assert_eq!(date::parse_day_month(&back), Ok(dm), "{s:?}");
    }
}

/// The citation parser: spans are in order, inside the text, on char
/// boundaries, and each one read alone gives the same number.
pub fn cite(data: &[u8]) {
    let s = text(data);
    let found = cite::find_all(&s);
    let mut last = 0;
    for c in &found {
        for r in [&c.span, &c.number_span] {
            assert!(r.start < r.end && r.end <= s.len(), "{r:?} in {}", s.len());
            assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
        }
        assert!(c.span.start >= last, "overlapping citations: {found:?}");
        assert!(
            c.number_span.start >= c.span.start.min(last) && c.number_span.end <= c.span.end,
            "number outside its citation: {c:?}"
        );
        last = c.span.end;
        assert!(!c.text.is_empty(), "{c:?}");
    }
    let _ = cite::parse_one(&s);
}

/// The Markdown renderer, both raw-HTML modes, citations linked.
pub fn markdown(data: &[u8]) {
    let body = text(data);
    let link = |_: &cite::Citation| {
        Some(Target {
            href: "/van-ban/x/",
            title: "Văn bản \"x\" <b>",
        })
    };
    for mode in [RawHtml::Escape, RawHtml::Safe] {
        let r = markdown::render(&body, mode, &link);
        assert_no_raw_script(&r.html, mode);
        for (level, id, _) in &r.headings {
            assert!((1..=6).contains(level));
            assert!(!id.is_empty() && !id.contains('"'), "heading id {id:?}");
        }
    }
    let plain = markdown::render_plain(&body, RawHtml::Escape);
    assert_no_raw_script(&plain.html, RawHtml::Escape);
}

/// No `<script`, `<iframe` or `<object` element can come out of a body in
/// either mode: the escape mode shows raw HTML as text, the safe mode's
/// sanitizer drops them.
pub fn assert_no_raw_script(html: &str, mode: RawHtml) {
    let lower = html.to_ascii_lowercase();
    for tag in ["<script", "<iframe", "<object", "<embed", "<style"] {
        assert!(
            !lower.contains(tag),
            "{mode:?} mode let {tag} through: {html}"
        );
    }
    // No tag carries an event handler (`on…=`), and no `href` or `src` a
    // script scheme, read as a browser reads it.
    for (name, value) in attributes(html) {
        let name = name.to_ascii_lowercase();
        assert!(
            !(name.starts_with("on") && name.len() > 2),
            "{mode:?} mode wrote attribute {name}={value:?}: {html}"
        );
        if matches!(name.as_str(), "href" | "src") {
            let url: String = decode_entities(&value)
                .chars()
                .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
                .collect::<String>()
                .to_ascii_lowercase();
            for scheme in ["javascript:", "vbscript:", "data:"] {
                assert!(
                    !url.starts_with(scheme),
                    "{mode:?} mode wrote {name}={value:?}: {html}"
                );
            }
        }
    }
}

/// `(name, value)` of every attribute of every tag. The renderer escapes
/// `<` in text and quotes every value, so a `<` before a letter opens a tag.
fn attributes(html: &str) -> Vec<(String, String)> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' || !b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        i += 1;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
            i += 1;
        }
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                break;
            }
            let start = i;
            while i < b.len() && !b"=>/".contains(&b[i]) && !b[i].is_ascii_whitespace() {
                i += 1;
            }
            let name = html[start..i].to_string();
            let mut value = String::new();
            if b.get(i) == Some(&b'=') {
                i += 1;
                let quote = b.get(i).copied().filter(|q| *q == b'"' || *q == b'\'');
                let from = if quote.is_some() { i + 1 } else { i };
                let mut j = from;
                while j < b.len()
                    && match quote {
                        Some(q) => b[j] != q,
                        None => !b[j].is_ascii_whitespace() && b[j] != b'>',
                    }
                {
                    j += 1;
                }
                value = String::from_utf8_lossy(&b[from.min(j)..j]).into_owned();
                i = if quote.is_some() { j + 1 } else { j };
            }
            if name.is_empty() {
                i += 1;
            } else {
                out.push((name, value));
            }
        }
    }
    out
}

/// HTML character references, as far as reading a URL scheme needs them.
fn decode_entities(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '#')
            .map_or(rest.len(), |e| e + 1);
        let name = &rest[1..end];
        let code = if let Some(h) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
            u32::from_str_radix(h, 16).ok()
        } else if let Some(d) = name.strip_prefix('#') {
            d.parse().ok()
        } else {
            match name.to_ascii_lowercase().as_str() {
                "colon" => Some(58),
                "tab" => Some(9),
                "newline" => Some(10),
                "amp" => Some(38),
                _ => None,
            }
        };
        match code.and_then(char::from_u32) {
            Some(c) => {
                out.push(c);
                rest = &rest[end..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Splits the input into fields at U+001F (unit separator) for the ICS feed.
fn fields(data: &[u8]) -> (Vec<u8>, Vec<String>) {
    let (head, rest) = data.split_at(data.len().min(6));
    let mut head = head.to_vec();
    head.resize(6, 0);
    let text = text(rest);
    (head, text.split('\u{1f}').map(str::to_owned).collect())
}

/// The ICS writer: whatever the text, the feed is RFC 5545: CRLF lines of at
/// most 75 octets, no control characters, TEXT values escaped so that
/// unfolding and unescaping gives the text back.
pub fn ics(data: &[u8]) {
    let (head, f) = fields(data);
    let field = |i: usize| f.get(i).cloned().unwrap_or_default();
    let days = u32::from(u16::from_le_bytes([head[0], head[1]])) * 56 % 3_652_000;
    let base = NaiveDate::from_ymd_opt(0, 1, 1).expect("0000-01-01");
    let start0 = base + chrono::Duration::days(i64::from(days));
    let stamp = (base + chrono::Duration::days(i64::from(head[2]) * 14_000))
        .and_hms_opt(u32::from(head[3]) % 24, u32::from(head[4]) % 60, 0)
        .expect("valid time");
    let n = usize::from(head[5] % 4);
    let events: Vec<IcsEvent> = (0..n)
        .map(|i| {
            let start = (start0 + chrono::Duration::days(i as i64 * 40))
                .min(NaiveDate::from_ymd_opt(9999, 11, 1).expect("valid"));
            IcsEvent {
                uid: field(2 + i * 4),
                start,
                end: start + chrono::Duration::days(1 + (i as i64 * 13) % 31),
                summary: field(3 + i * 4),
                description: field(4 + i * 4),
                url: Some(field(5 + i * 4)).filter(|u| !u.is_empty()),
            }
        })
        .collect();
    let (name, prodid) = (field(0), field(1));
    let feed = ics::write(&IcsFeed {
        name: &name,
        prodid: &prodid,
        stamp,
        events: &events,
    });
    check_ics(&feed, &name, &prodid, &events);
}

fn check_ics(feed: &str, name: &str, prodid: &str, events: &[IcsEvent]) {
    assert!(feed.ends_with("\r\n"), "feed must end with CRLF");
    let body = &feed[..feed.len() - 2];
    for line in body.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        assert!(
            !line.bytes().any(|b| (b < 0x20 && b != b'\t') || b == 0x7f),
            "control character in {line:?}"
        );
    }
    let unfolded = feed.replace("\r\n ", "");
    let logical: Vec<&str> = unfolded.trim_end_matches("\r\n").split("\r\n").collect();
    let values = |prop: &str| -> Vec<&str> {
        logical
            .iter()
            .filter_map(|l| l.strip_prefix(prop).and_then(|r| r.strip_prefix(':')))
            .collect()
    };
    assert_eq!(values("BEGIN"), {
        let mut v = vec!["VCALENDAR"];
        v.extend(std::iter::repeat_n("VEVENT", events.len()));
        v
    });
    assert_eq!(unescape(values("X-WR-CALNAME")[0]), expected_text(name));
    assert_eq!(unescape(values("PRODID")[0]), expected_text(prodid));
    let (summaries, descriptions, uids) = (values("SUMMARY"), values("DESCRIPTION"), values("UID"));
    let urls = values("URL");
    for (i, ev) in events.iter().enumerate() {
        assert_eq!(unescape(summaries[i]), expected_text(&ev.summary));
        assert_eq!(unescape(descriptions[i]), expected_text(&ev.description));
        assert_eq!(unescape(uids[i]), expected_text(&ev.uid));
    }
    assert_eq!(
        urls.len(),
        events.iter().filter(|e| e.url.is_some()).count()
    );
    for u in urls {
        assert!(
            !u.bytes().any(|b| b <= b' ' || b >= 0x7f),
            "URL not a URI: {u:?}"
        );
    }
}

/// What a TEXT value should say after unescaping: line breaks as `\n`,
/// ASCII controls other than tab dropped.
fn expected_text(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !(c.is_ascii_control()))
        .collect()
}

/// RFC 5545 §3.3.11 unescaping; panics on what a TEXT value may not hold
/// (a lone backslash, an unescaped `;` or `,`).
fn unescape(v: &str) -> String {
    let mut out = String::new();
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('\\') => out.push('\\'),
                Some(';') => out.push(';'),
                Some(',') => out.push(','),
                Some('n' | 'N') => out.push('\n'),
                other => panic!("bad escape \\{other:?} in {v:?}"),
            },
            ';' | ',' => panic!("unescaped {c:?} in TEXT value {v:?}"),
            c => out.push(c),
        }
    }
    out
}

/// The import cleaner: any bytes either decode or are refused with a
/// message; a decoded text always drafts a plan that `check` accepts (import
/// refuses to write one it would not).
pub fn import_clean(data: &[u8]) {
    let (flags, bytes) = data.split_first().map_or((0, data), |(f, r)| (*f, r));
    let text = match read::decode_text(bytes) {
        Ok((text, _note)) => text,
        Err(e) => {
            assert!(!e.message.is_empty());
            return;
        }
    };
    let jurisdiction = (flags & 2 != 0).then_some("Tỉnh Lào Cai");
    let d = draft::draft(&text, flags & 1 != 0, jurisdiction);
    let file = format!("{}\n{}", frontmatter::render(&d.front), d.body);
    let parsed = document::parse(
        Path::new("content/plans/fuzz.md"),
        Section::Plan,
        "fuzz",
        &file,
    );
    let errors: Vec<_> = parsed.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(
        errors.is_empty(),
        "the draft fails check: {errors:?}\n--- draft ---\n{file}"
    );
}
