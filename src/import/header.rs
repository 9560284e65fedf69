//! The top of a signed plan: issuer, number, place and date, and the title.
//!
//! A Vietnamese administrative document opens with a two-column header
//! (issuer and "Số: …" on the left, the national motto and "Place, ngày …"
//! on the right), then the type word "KẾ HOẠCH" and the subject lines. PDF
//! extraction prints the columns one after the other, or side by side with
//! runs of spaces between them; this module reads both. It fills a field
//! only when the text states it, and otherwise says why it is missing.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::clean::{self, is_all_caps, match_view, starts_block, Block, Line};
use super::names::{self, Place};
use crate::legal::{date, number};
use crate::text::fold_key;

// Every `Regex::new(…).expect(…)` here compiles a literal (or a pattern
// built from escaped parts): it cannot fail, and `expect` only says so.

/// A field as read: its value, and how it was found or why it is missing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Field {
    pub value: Option<String>,
    pub how: String,
}

impl Field {
    fn found(value: String, how: impl Into<String>) -> Self {
        Field {
            value: Some(value),
            how: how.into(),
        }
    }
    fn missing(why: impl Into<String>) -> Self {
        Field {
            value: None,
            how: why.into(),
        }
    }
}

/// Everything the header and title block say.
#[derive(Debug, Clone, Default)]
pub struct Header {
    pub issuer: Field,
    /// The issuer's place, when the issuer names one.
    pub place: Option<Place>,
    pub number: Field,
    pub date: Option<NaiveDate>,
    pub date_how: String,
    /// The place written before ", ngày …".
    pub date_place: Option<String>,
    /// Month and year when the date line gives them but not the day.
    pub partial_month: Option<u32>,
    pub year: Option<i32>,
    pub title: Field,
    /// The subject lines joined, as written (references in them are basis too).
    pub subject: String,
    /// Index into the lines where the body starts.
    pub body_from: usize,
}

/// Reads the header and title from the first lines of the text.
pub fn parse(lines: &[Line], paragraphs: bool) -> Header {
    let mut h = Header::default();
    let title_at = lines.iter().take(60).position(|l| is_type_line(&l.text));
    let zone_end = title_at.unwrap_or_else(|| {
        lines
            .iter()
            .take(15)
            .position(|l| is_opening(&l.text) || starts_block(&l.text, "."))
            .unwrap_or(lines.len().min(15))
    });
    read_zone(&lines[..zone_end], &mut h);
    match title_at {
        Some(k) => read_title(lines, k, paragraphs, &mut h),
        None => {
            h.title = Field::missing("đầu văn bản không có dòng \"KẾ HOẠCH\"");
            h.body_from = zone_end;
        }
    }
    h
}

/// "KẾ HOẠCH" on its own line (or followed by the subject in capitals).
fn is_type_line(line: &str) -> bool {
    let v = match_view(line);
    is_all_caps(v) && (v == "KẾ HOẠCH" || v.starts_with("KẾ HOẠCH "))
}

/// A paragraph that opens the body: "Căn cứ …", "Thực hiện …".
pub fn is_opening(line: &str) -> bool {
    let v = match_view(line);
    ["Căn cứ", "Thực hiện", "Xét ", "Triển khai", "Theo "]
        .iter()
        .any(|p| v.starts_with(p))
}

/// The header's cells, left column first when a line holds both columns.
fn cells(zone: &[Line]) -> Vec<String> {
    static SPLIT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s{3,}|\t+|\s*\|\s*").expect("valid regex"));
    let mut left = Vec::new();
    let mut right = Vec::new();
    for line in zone {
        let parts: Vec<String> = merge_blanks(
            SPLIT
                .split(&line.raw)
                .map(collapse)
                .filter(|c| !c.is_empty())
                .flat_map(|c| split_merged(&c))
                .collect(),
        );
        match parts.len() {
            0 => {}
            1 => left.push(parts[0].clone()),
            _ => {
                left.push(parts[0].clone());
                right.extend(parts[1..].iter().cloned());
            }
        }
    }
    left.extend(right);
    left
}

/// OCR often prints both columns on one line with a single space between:
/// "TỈNH ỦY QUẢNG NINH ĐẢNG CỘNG SẢN VIỆT NAM", "Số 12-KH/TU Quảng Ninh, ngày …".
/// The motto and the date line are cut out as cells of their own.
fn split_merged(cell: &str) -> Vec<String> {
    static MOTTO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc")
            .expect("valid regex")
    });
    static DATE_IN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,3}\s*,\s*[Nn]gày\b)")
            .expect("valid regex")
    });
    static NUMBER_IN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s((?:Số|SỐ)\s*:?\s*[\d/])").expect("valid regex"));
    let mut out: Vec<String> = Vec::new();
    let mut rest = cell;
    while let Some(m) = MOTTO.find(rest) {
        out.push(rest[..m.start()].trim().to_string());
        out.push(m.as_str().to_string());
        rest = &rest[m.end()..];
    }
    out.push(rest.trim().to_string());
    let mut cut = Vec::new();
    for part in out {
        let mut part = part.as_str();
        for re in [&*NUMBER_IN, &*DATE_IN] {
            if let Some(c) = re.captures(part) {
                let at = c.get(1).map_or(0, |m| m.start());
                // Only after another cell: a number, or the issuer in capitals.
                let before = part[..at].trim();
                let number = NUMBER_CELL.is_match(before);
                if number || before.chars().any(|c| c.is_ascii_digit()) || is_all_caps(before) {
                    cut.push(before.to_string());
                    part = &part[at..];
                }
            }
        }
        cut.push(part.trim().to_string());
    }
    cut.retain(|c| !c.is_empty());
    cut
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Số" + "/KH-UBND" and "ngày" + "tháng 8 năm 2025" are one cell whose blank
/// was wide enough to look like a column gap.
fn merge_blanks(parts: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in parts {
        let glue = out.last().is_some_and(|prev| {
            let last = prev.rsplit(' ').next().unwrap_or("").to_lowercase();
            matches!(last.as_str(), "số" | "số:" | "ngày" | "tháng" | "năm")
        });
        match (glue, out.last_mut()) {
            (true, Some(prev)) => {
                prev.push(' ');
                prev.push_str(&p);
            }
            _ => out.push(p),
        }
    }
    out
}

static NUMBER_CELL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:Số|SỐ)\s*:?\s*(.*)$").expect("valid regex"));

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Lu}[\p{L} .'-]{1,40}?)\s*,\s*(?:ngày|Ngày)\b(.*)$").expect("valid regex")
});

fn read_zone(zone: &[Line], h: &mut Header) {
    let mut issuer_parts: Vec<String> = Vec::new();
    h.number = Field::missing("phần đầu không có dòng \"Số: …\"");
    h.date_how = "phần đầu không có dòng \"Địa danh, ngày … tháng … năm …\"".into();
    for cell in cells(zone) {
        let key = fold_key(&cell);
        if key.starts_with("cong hoa xa hoi")
            || key.starts_with("doc lap")
            || key.starts_with("dang cong san viet nam")
            || cell.chars().all(|c| !c.is_alphanumeric())
        {
            continue;
        }
        if let Some(c) = NUMBER_CELL.captures(&cell) {
            h.number = read_number(&cell, c[1].trim());
        } else if let Some(c) = DATE_LINE.captures(&cell) {
            read_date(&cell, c[1].trim(), &c[2], h);
        } else if is_all_caps(&cell) && !is_mark(&cell) {
            // Scrambled columns put the number first; capitals are the issuer
            // wherever they stand.
            issuer_parts.push(cell);
        }
    }
    if issuer_parts.is_empty() {
        h.issuer = Field::missing(
            "phần đầu không ghi cơ quan ban hành (không có dòng chữ in hoa trên \"Số: …\")",
        );
        return;
    }
    let raw = issuer_parts.join(" ");
    let (issuer, place) =
        names::party_issuer(&issuer_parts).unwrap_or_else(|| names::issuer_case(&raw));
    h.issuer = Field::found(issuer, format!("phần đầu, cột trái: \"{raw}\""));
    h.place = place;
}

/// "DỰ THẢO", "KHẨN", "MẬT": stamps in the header, not the issuer.
fn is_mark(cell: &str) -> bool {
    matches!(
        fold_key(cell).trim_matches(|c: char| !c.is_alphanumeric()),
        "du thao" | "khan" | "mat" | "hoa toc" | "thuong khan"
    )
}

fn read_number(cell: &str, rest: &str) -> Field {
    let compact: String = rest.split_whitespace().collect();
    match number::parse(&compact) {
        Some(n) if !n.seq.is_empty() => Field::found(n.display, format!("phần đầu: \"{cell}\"")),
        _ => Field::missing(format!("phần đầu để trống số: \"{cell}\" (bản chưa ký)")),
    }
}

fn read_date(cell: &str, place: &str, rest: &str, h: &mut Header) {
    h.date_place = Some(place.to_string());
    static MONTH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"tháng\s+(\d{1,2})\b").expect("valid regex"));
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"năm\s+(\d{4})\b").expect("valid regex"));
    match date::parse_date(&format!("ngày {}", rest.trim())) {
        Ok(d) => {
            h.date = Some(d);
            h.year = Some(d.year());
            h.date_how = format!("phần đầu: \"{cell}\"");
        }
        Err(_) => {
            h.partial_month = MONTH.captures(rest).and_then(|c| c[1].parse().ok());
            h.year = YEAR.captures(rest).and_then(|c| c[1].parse().ok());
            h.date_how = format!("bản ký để trống ngày: \"{cell}\" (không đoán ngày)");
        }
    }
}

/// The "KẾ HOẠCH" line at `k` and the subject lines under it.
fn read_title(lines: &[Line], k: usize, paragraphs: bool, h: &mut Header) {
    let mut parts: Vec<String> = Vec::new();
    let same_line = match_view(&lines[k].text)["KẾ HOẠCH".len()..].trim();
    if !same_line.is_empty() {
        parts.push(same_line.to_string());
    }
    let mut j = k + 1;
    while j < lines.len() && parts.len() < 6 {
        let l = &lines[j];
        let text = match_view(&l.text);
        if text.chars().all(|c| !c.is_alphanumeric()) {
            // The rule Word draws under the subject.
            j += 1;
            break;
        }
        if !parts.is_empty() {
            let gap_ends = if paragraphs {
                l.gap > 0
            } else {
                l.gap >= 2 || l.spaced_gap
            };
            let prev_done = parts.last().is_some_and(|p| p.ends_with(['.', ':', ';']));
            if gap_ends || prev_done || is_opening(text) || starts_block(text, "") {
                break;
            }
        } else if clean::has_marker(text) && !is_opening(text) {
            break;
        }
        parts.push(text.to_string());
        j += 1;
    }
    h.body_from = j;
    h.subject = parts.join(" ");
    if parts.is_empty() {
        h.title = Field::missing("dưới dòng \"KẾ HOẠCH\" không có trích yếu");
        return;
    }
    let subject = h
        .subject
        .trim_end_matches(['.', ',', ';', '-', ' '])
        .to_string();
    let subject = if is_all_caps(&subject) {
        let mut places: Vec<&str> = Vec::new();
        if let Some(p) = &h.place {
            places.push(&p.name);
        }
        if let Some(p) = &h.date_place {
            places.push(p);
        }
        names::sentence_case(&subject, &places)
    } else {
        subject
    };
    h.title = Field::found(
        format!("Kế hoạch {}", names::lower_first_word(&subject)),
        "dòng \"KẾ HOẠCH\" và trích yếu",
    );
    if h.year.is_none() {
        h.year = year_in(&h.subject);
    }
}

/// The last "năm YYYY" of a text (a plan "… năm 2024" is that year's plan).
pub fn year_in(s: &str) -> Option<i32> {
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"năm\s+(\d{4})\b").expect("valid regex"));
    YEAR.captures_iter(s).last().and_then(|c| c[1].parse().ok())
}

/// When the header has no issuer, the opening says who issues the plan:
/// "Ủy ban nhân dân tỉnh Lào Cai ban hành kế hoạch …". A bare "Ủy ban nhân
/// dân tỉnh ban hành" takes its place name from the date line.
pub fn issuer_from_opening(opening: &[Block], date_place: Option<&str>) -> Option<(Field, Place)> {
    static ISSUING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[.;]\s+)((?:Ủy|Uỷ|ỦY|UỶ) ban nhân dân|UBND|Hội đồng nhân dân|HĐND)((?:\s+\p{L}+){1,5}?)\s+ban hành\b")
            .expect("valid regex")
    });
    for b in opening {
        let Some(c) = ISSUING.captures(&b.text) else {
            continue;
        };
        let rest = c[2].trim();
        let level = [
            "tỉnh",
            "thành phố",
            "huyện",
            "quận",
            "thị xã",
            "xã",
            "phường",
            "thị trấn",
        ]
        .into_iter()
        .find(|l| rest == *l || rest.starts_with(&format!("{l} ")))?;
        let named = rest[level.len()..].trim();
        let all_capitalised = !named.is_empty()
            && named
                .split(' ')
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        let (name, how) = if all_capitalised {
            (
                named.to_string(),
                format!(
                    "phần mở đầu: \"{}\"",
                    c[0].trim_start_matches(['.', ';', ' '])
                ),
            )
        } else if named.is_empty() {
            let place = date_place?;
            (
                place.to_string(),
                format!(
                    "phần mở đầu ghi \"{} {rest} ban hành\"; tên địa phương theo dòng \"{place}, ngày …\"",
                    &c[1]
                ),
            )
        } else {
            return None;
        };
        let organ = names::modern_spelling(&c[1]);
        let organ = match organ.as_str() {
            "UBND" | "ỦY BAN NHÂN DÂN" => "Ủy ban nhân dân".to_string(),
            "HĐND" => "Hội đồng nhân dân".to_string(),
            _ => organ,
        };
        let place = Place {
            level: level.to_string(),
            name,
        };
        let issuer = format!("{organ} {level} {}", place.name);
        return Some((Field::found(issuer, how), place));
    }
    None
}

#[cfg(test)]
#[path = "header_tests.rs"]
mod tests;
