//! Citations in running text: "Quyết định số 1745/QĐ-TTg ngày 15/8/2025 của Thủ tướng Chính phủ".
//!
//! Plans cite the documents they implement in running prose, and that prose
//! usually comes from a PDF: hard line breaks in the middle of a citation, a
//! number split after its dash, decomposed diacritics, typos. This module owns
//! finding every citation in such text and reading its parts.
//!
//! A citation is anchored on its **number** (the only reliable part), then
//! read outwards:
//! - backwards: an optional **type word** (`Nghị quyết`, `Kế hoạch`, … in any
//!   case, broken across lines or not) and an optional `số`; `Luật`,
//!   `Bộ luật`, `Pháp lệnh` and `Hiến pháp` may carry a name before `số`
//!   (`Luật Dân số số 113/2025/QH15`);
//! - forwards: an optional **date** (`ngày 15/8/2025`, `, ngày 10/4/2025`,
//!   `ngày 15 tháng 8 năm 2025`), then the **issuer** after `của`, then a date
//!   again if the citation puts it after the issuer.
//!
//! The issuer ends before the subject of the citation: at punctuation
//! (`;`, `,`, `.`, `:`, brackets, quotes), at a word that starts the subject
//! (`về`, `thực hiện`, `ban hành`, `phê duyệt`, `như sau`, `và các`, …), at the
//! type word of another document (`… của UBND tỉnh Kế hoạch hành động …`, but
//! not in `Sở Kế hoạch và Đầu tư`), at a line that starts with a list marker,
//! and after 16 words at most.
//!
//! What is **not** a citation: dates, percentages, `số 2`, phone numbers, the
//! unnumbered `/KH-UBND` of a draft, and mentions without a number
//! (`Luật Ngân sách nhà nước`, `Kế hoạch của Thủ tướng Chính phủ`, `Đề án số 06`).
//! A bare number counts (`21-NQ/TW`); a number with only an issuer code
//! (`123/UBND`) counts only after `số`.
//!
//! The text is matched in NFC; spans are byte ranges into the caller's input,
//! whatever its normalization. Cost is linear: one regex pass finds the
//! numbers (after a byte scan that skips text without any), and each number
//! looks at a bounded window around it.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use unicode_normalization::char::canonical_combining_class;

use super::number::{self, DocNumber, Shape};
use super::text::{collapse_ws, eq_lower, is_dash, is_slash, Normalized};
use super::{codes, date};

/// One reference to a document, as found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// Byte range of the whole citation in the input (type word through issuer).
    pub span: Range<usize>,
    /// Byte range of the number alone in the input.
    pub number_span: Range<usize>,
    /// The citation as written, whitespace (line breaks included) collapsed to single spaces.
    pub text: String,
    /// Document type, canonical spelling (`Quyết định`); from the type word when written,
    /// else from the number's type code.
    pub type_name: Option<String>,
    pub number: DocNumber,
    /// The issue date when the citation states it ("ngày 15/8/2025").
    pub date: Option<NaiveDate>,
    /// The issuer after "của", trimmed of trailing subject text ("Thủ tướng Chính phủ").
    pub issuer: Option<String>,
}

/// Every citation in `text`, in order of appearance, not overlapping.
pub fn find_all(text: &str) -> Vec<Citation> {
    if !may_contain_number(text) {
        return Vec::new();
    }
    let norm = Normalized::new(text);
    let t = norm.as_str();
    let mut out = Vec::new();
    let mut last_end = 0;
    for m in NUMBER.find_iter(t) {
        let num_start = m.start();
        if num_start < last_end || !starts_cleanly(t, num_start) {
            continue;
        }
        let Some((num_end, number)) = settle_number(t, num_start, m.end()) else {
            continue;
        };
        let lead = lead_in(t, last_end, num_start);
        if !plausible(&number, &t[num_start..num_end], &lead) {
            continue;
        }

        let mut end = num_end;
        let mut date = None;
        let mut dated = false;
        if let Some((d, e)) = date_clause(t, end) {
            (date, end, dated) = (d, e, true);
        }
        let mut issuer = None;
        if let Some(after_of) = of_clause(t, end) {
            if let Some((name, e)) = scan_issuer(t, after_of) {
                (issuer, end) = (Some(name), e);
                if !dated {
                    if let Some((d, e)) = date_clause(t, end) {
                        (date, end) = (d, e);
                    }
                }
            }
        }

        let start = lead.type_start.unwrap_or(num_start);
        let type_name = match lead.type_name {
            Some(name) => Some(name.to_string()),
            None => number.type_name().map(str::to_string),
        };
        out.push(Citation {
            span: norm.orig_start(start)..norm.orig_end(end),
            number_span: norm.orig_start(num_start)..norm.orig_end(num_end),
            text: citation_text(t, start, num_start..num_end, end),
            type_name,
            number,
            date,
            issuer,
        });
        last_end = end;
    }
    out
}

/// The first citation in `text` (a `basis:` entry: a citation sentence or a bare number).
pub fn parse_one(text: &str) -> Option<Citation> {
    find_all(text).into_iter().next()
}

/// At most this many words in an issuer: the longest real ones ("Hội nghị lần
/// thứ mười hai Ban Chấp hành Trung ương Đảng khóa XIII") have 13.
const MAX_ISSUER_WORDS: usize = 16;

/// How far before a number its type word may start, in bytes and in words
/// (`số`, ten name words, a four-word type phrase, and a spare).
const LEAD_WINDOW: usize = 240;
const LEAD_WORDS: usize = 16;

// The patterns are literals: compiling them cannot fail, so `expect` only
// documents that.

/// Candidate numbers. Whitespace (line breaks too) is allowed around the
/// separators that PDF extraction breaks at; codes are ASCII letters plus the
/// Đ/Ư that Vietnamese codes use. No `\b`: a Unicode word boundary would keep
/// the regex off its fast DFA on Vietnamese text, so the boundary after the
/// match is checked by hand (see `settle_number`).
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let dash = r"[\-\u{2010}-\u{2015}\u{2212}\u{FE58}\u{FE63}\u{FF0D}]";
    let slash = r"[/\u{2044}\u{2215}\u{FF0F}]";
    let w = r"\s{0,12}";
    // A further code: no line break before its dash (that would be a list item).
    let x = r"[ \t]{0,2}";
    let code = r"[A-Za-zĐđÐƯư]{1,12}[0-9]{0,3}";
    let normative =
        format!("{w}{slash}{w}(?:19|20)[0-9]{{2}}{w}{slash}{w}{code}(?:{x}{dash}{w}{code}){{0,3}}");
    let administrative = format!("{w}{slash}{w}{code}(?:{x}(?:{dash}|{slash}){w}{code}){{0,3}}");
    let party =
        format!("{w}{dash}{w}{code}{w}(?:{slash}|{dash}){w}{code}(?:{x}{dash}{w}{code}){{0,2}}");
    Regex::new(&format!(
        "[0-9]{{1,7}}(?:{normative}|{administrative}|{party})"
    ))
    .expect("valid regex")
});

/// A date right after a number or an issuer.
static DATE_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*,?\s*ngày\s+([0-9]{1,2}\s*[/.\-–]\s*[0-9]{1,2}\s*[/.\-–]\s*[0-9]{4}|[0-9]{1,2}\s+tháng\s+[0-9]{1,2}\s*,?\s*năm\s+[0-9]{4})",
    )
    .expect("valid regex")
});

/// Document type words, lower case, longest first where one is a prefix of
/// another, with the canonical type name.
const TYPE_WORDS: &[(&[&str], &str)] = &[
    (&["thông", "báo", "kết", "luận"], "Thông báo"),
    (&["văn", "bản", "hợp", "nhất"], "Văn bản hợp nhất"),
    (&["nghị", "quyết", "liên", "tịch"], "Nghị quyết liên tịch"),
    (&["thông", "tư", "liên", "tịch"], "Thông tư liên tịch"),
    (&["chương", "trình", "hành", "động"], "Chương trình"),
    (&["kế", "hoạch", "hành", "động"], "Kế hoạch"),
    (&["bộ", "luật"], "Bộ luật"),
    (&["hiến", "pháp"], "Hiến pháp"),
    (&["pháp", "lệnh"], "Pháp lệnh"),
    (&["nghị", "quyết"], "Nghị quyết"),
    (&["nghị", "định"], "Nghị định"),
    (&["quyết", "định"], "Quyết định"),
    (&["chỉ", "thị"], "Chỉ thị"),
    (&["kết", "luận"], "Kết luận"),
    (&["kế", "hoạch"], "Kế hoạch"),
    (&["thông", "báo"], "Thông báo"),
    (&["thông", "tư"], "Thông tư"),
    (&["thông", "tri"], "Thông tri"),
    (&["hướng", "dẫn"], "Hướng dẫn"),
    (&["công", "văn"], "Công văn"),
    (&["công", "điện"], "Công điện"),
    (&["chương", "trình"], "Chương trình"),
    (&["quy", "định"], "Quy định"),
    (&["qui", "định"], "Quy định"),
    (&["quy", "chế"], "Quy chế"),
    (&["báo", "cáo"], "Báo cáo"),
    (&["đề", "án"], "Đề án"),
    (&["dự", "án"], "Dự án"),
    (&["phương", "án"], "Phương án"),
    (&["tờ", "trình"], "Tờ trình"),
    (&["thông", "cáo"], "Thông cáo"),
    (&["sắc", "lệnh"], "Sắc lệnh"),
    (&["luật"], "Luật"),
];

/// Type words that may carry the document's name before `số`.
const NAMED_TYPES: &[(&[&str], &str)] = &[
    (&["bộ", "luật"], "Bộ luật"),
    (&["pháp", "lệnh"], "Pháp lệnh"),
    (&["hiến", "pháp"], "Hiến pháp"),
    (&["luật"], "Luật"),
];

/// Words that never belong to an issuer's name and start what follows it.
const ISSUER_STOPS: &[&[&str]] = &[
    &["thực", "hiện"],
    &["ban", "hành"],
    &["phê", "duyệt"],
    &["như", "sau"],
    &["và", "các"],
    &["và", "những"],
    &["và", "một"],
    &["quy", "định"],
    &["hướng", "dẫn"],
    &["triển", "khai"],
    &["sửa", "đổi"],
    &["bổ", "sung"],
    &["đối", "với"],
    &["đề", "ra"],
    &["cụ", "thể"],
    &["nêu", "trên"],
    &["kèm", "theo"],
    &["về"],
    &["để"],
    &["nhằm"],
    &["đã"],
    &["đang"],
    &["sẽ"],
    &["đến"],
    &["tới"],
    &["tại"],
    &["theo"],
    &["trong"],
    &["trên"],
    &["được"],
    &["bị"],
    &["là"],
    &["với"],
    &["cho"],
    &["khi"],
    &["do"],
    &["từ"],
    &["gồm"],
    &["có"],
    &["này"],
    &["đó"],
    &["nay"],
    &["thì"],
    &["mà"],
    &["nhưng"],
    &["hoặc"],
    &["nên"],
    &["vừa"],
    &["ngày"],
    &["năm"],
];

/// Phrases (and what they stand for) grouped by their first or last word,
/// so a word is checked only against the phrases it can begin or end.
type PhraseIndex<V> = HashMap<&'static str, Vec<(&'static [&'static str], V)>>;

/// Type phrases by their last word, for reading backwards from a number.
static TYPES_BY_LAST: LazyLock<PhraseIndex<&'static str>> =
    LazyLock::new(|| index(TYPE_WORDS.iter().copied(), <[_]>::last));
/// Type phrases by their first word, for spotting another document in an issuer.
static TYPES_BY_FIRST: LazyLock<PhraseIndex<&'static str>> =
    LazyLock::new(|| index(TYPE_WORDS.iter().copied(), <[_]>::first));
/// Stop phrases by their first word.
static STOPS_BY_FIRST: LazyLock<PhraseIndex<()>> =
    LazyLock::new(|| index(ISSUER_STOPS.iter().map(|&p| (p, ())), <[_]>::first));

/// Groups phrases by one of their words (table order kept: longest first).
fn index<V>(
    table: impl Iterator<Item = (&'static [&'static str], V)>,
    key: fn(&'static [&'static str]) -> Option<&'static &'static str>,
) -> PhraseIndex<V> {
    let mut map: PhraseIndex<V> = HashMap::new();
    for (phrase, value) in table {
        if let Some(&word) = key(phrase) {
            map.entry(word).or_default().push((phrase, value));
        }
    }
    map
}

/// Words before a type word that make it part of a body's name
/// (`Bộ Kế hoạch và Đầu tư`, `Ban Chỉ đạo Chương trình …`, `pháp luật`).
const NAME_PREFIXES: &[&str] = &[
    "bộ", "sở", "phòng", "vụ", "cục", "ban", "viện", "đạo", "phối", "pháp",
];

/// Words dropped from the end of an issuer (`… Bộ Chính trị và` before
/// another citation).
const CONNECTORS: &[&str] = &["và", "hoặc", "cùng", "với"];

/// Abbreviations whose full stop does not end the issuer (`TP. Hà Nội`, `TT. HĐND`).
const ABBREVIATIONS: &[&str] = &["tp", "tx", "tt"];

/// A citation needs a digit and a separator; most paragraphs have neither.
fn may_contain_number(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().any(u8::is_ascii_digit)
        && b.iter()
            .any(|&c| c == b'/' || c == b'-' || c == 0xE2 || c == 0xEF)
}

/// Letters, digits, and combining marks (which belong to the letter before them).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || canonical_combining_class(c) != 0
}

/// A number must not continue a word, another number or a date (`x15/…`, `2/15-…`).
fn starts_cleanly(t: &str, start: usize) -> bool {
    let mut before = t[..start].chars().rev();
    match before.next() {
        None => true,
        Some('.') => !before.next().is_some_and(|c| c.is_ascii_digit()),
        Some(c) => !(is_word_char(c) || is_dash(c) || is_slash(c)),
    }
}

/// The longest prefix of the candidate `t[start..end]` that is a whole number
/// (not followed by a letter or digit) and parses, dropping trailing codes
/// that turned out to be the start of a word (`113/2025/QH15 - Nghị`).
fn settle_number(t: &str, start: usize, mut end: usize) -> Option<(usize, DocNumber)> {
    loop {
        let raw = &t[start..end];
        let clean_end = !t[end..].chars().next().is_some_and(is_word_char);
        if clean_end {
            if let Some(n) = number::parse(raw) {
                return Some((end, n));
            }
        }
        let cut = raw.rfind(|c: char| is_dash(c) || is_slash(c))?;
        end = start + raw[..cut].trim_end().len();
    }
}

/// What precedes a number: its type word, and whether `số` was written.
#[derive(Default)]
struct Lead {
    type_start: Option<usize>,
    type_name: Option<&'static str>,
    has_so: bool,
}

/// Drops numbers that are probably something else.
fn plausible(number: &DocNumber, raw: &str, lead: &Lead) -> bool {
    let introduced = lead.has_so || lead.type_start.is_some();
    let known_type = number.type_code.as_deref().is_some_and(codes::is_type_code);
    match number.shape {
        Shape::Normative => true,
        // Party type codes are a closed set.
        Shape::Party => known_type,
        Shape::Administrative => {
            let slashes = raw.chars().filter(|&c| is_slash(c)).count();
            if slashes > 1 {
                // `1745/QĐ/TTg` is a typo for a typed number, nothing else.
                known_type
            } else if number.type_code.is_none() && !number.display.contains('-') {
                // `123/UBND` alone is too weak outside "số 123/UBND".
                introduced
            } else if number.type_code.is_none() {
                // A công văn number `1234/UBND-VX`: written in capitals.
                introduced
                    || raw
                        .split(|c: char| is_slash(c))
                        .nth(1)
                        .is_some_and(|c| c.trim_start().starts_with(|ch: char| ch.is_uppercase()))
            } else {
                true
            }
        }
    }
}

/// A whitespace-separated word of the text. `core` is the word without
/// leading and trailing punctuation.
#[derive(Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    core: (usize, usize),
    /// A line break lies between this word and the previous one.
    nl_before: bool,
}

impl Tok {
    fn lead(&self) -> bool {
        self.core.0 > self.start
    }
    fn trail(&self) -> bool {
        self.core.1 < self.end
    }
    fn core<'t>(&self, t: &'t str) -> &'t str {
        &t[self.core.0..self.core.1]
    }
    fn trailing<'t>(&self, t: &'t str) -> &'t str {
        &t[self.core.1..self.end]
    }
}

/// The word `t[start..end]` with its core (the word without leading and
/// trailing punctuation).
fn make_tok(t: &str, start: usize, end: usize, nl_before: bool) -> Tok {
    let word = &t[start..end];
    let core = match word.find(char::is_alphanumeric) {
        Some(a) => {
            let last = word.rfind(char::is_alphanumeric).unwrap_or(a);
            let len = word[last..].chars().next().map_or(0, char::len_utf8);
            (start + a, start + last + len)
        }
        None => (start, start),
    };
    Tok {
        start,
        end,
        core,
        nl_before,
    }
}

/// The first `limit` words of `t[from..to]`.
fn words(t: &str, from: usize, to: usize, limit: usize) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut nl = false;
    let mut start = None;
    for (i, c) in t[from..to].char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push(make_tok(t, from + s, from + i, nl));
                nl = false;
                if out.len() >= limit {
                    return out;
                }
            }
            nl |= c == '\n';
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(make_tok(t, from + s, to, nl));
    }
    out
}

/// The last `limit` words of `t[from..to]`, in text order (`nl_before` unset:
/// only issuers care about line starts).
fn words_before(t: &str, from: usize, to: usize, limit: usize) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut end = None;
    let slice = &t[from..to];
    for (i, c) in slice.char_indices().rev() {
        if c.is_whitespace() {
            if let Some(e) = end.take() {
                out.push(make_tok(t, from + i + c.len_utf8(), from + e, false));
                if out.len() == limit {
                    break;
                }
            }
        } else if end.is_none() {
            end = Some(i + c.len_utf8());
        }
    }
    if let Some(e) = end {
        if out.len() < limit {
            out.push(make_tok(t, from, from + e, false));
        }
    }
    out.reverse();
    out
}

/// Whether the words ending just before index `end` of `toks` spell `phrase`
/// as one unbroken phrase (punctuation only before its first word).
fn phrase_ends_at(t: &str, toks: &[Tok], end: usize, phrase: &[&str]) -> bool {
    let n = phrase.len();
    if end < n {
        return false;
    }
    let run = &toks[end - n..end];
    run.iter().zip(phrase).enumerate().all(|(i, (tk, w))| {
        eq_lower(tk.core(t), w) && (i == 0 || !tk.lead()) && (i + 1 == n || !tk.trail())
    })
}

/// Whether the words from index `start` spell `phrase` (punctuation only after its last word).
fn phrase_starts_at(t: &str, toks: &[Tok], start: usize, phrase: &[&str]) -> bool {
    let n = phrase.len();
    if toks.len() < start + n {
        return false;
    }
    toks[start..start + n]
        .iter()
        .zip(phrase)
        .enumerate()
        .all(|(i, (tk, w))| {
            eq_lower(tk.core(t), w) && (i == 0 || !tk.lead()) && (i + 1 == n || !tk.trail())
        })
}

/// Reads backwards from a number at `num_start`, not before `floor` (the end
/// of the previous citation).
fn lead_in(t: &str, floor: usize, num_start: usize) -> Lead {
    let mut lo = num_start.saturating_sub(LEAD_WINDOW).max(floor);
    while !t.is_char_boundary(lo) {
        lo += 1;
    }
    // The type word is usually right there: read a few words, more only for
    // a named law below.
    let mut toks = words_before(t, lo, num_start, 6);
    let mut lead = Lead::default();
    let Some(&last) = toks.last() else {
        return lead;
    };
    let mut k = toks.len();
    if eq_lower(last.core(t), "số") && matches!(last.trailing(t), "" | ":" | ".") {
        lead.has_so = true;
        k -= 1;
        if last.lead() {
            return lead; // "(số 12/KH-UBND)"
        }
    } else if last.trail() || last.end == num_start {
        return lead; // "TW, 21-NQ/TW", "(21-NQ/TW"
    }
    if k == 0 || toks[k - 1].trail() {
        return lead;
    }
    // "pháp luật" is law in general, not a Luật.
    let prefix_blocks =
        |toks: &[Tok], first: usize| first > 0 && eq_lower(toks[first - 1].core(t), "pháp");
    let last_word = toks[k - 1].core(t).to_lowercase();
    for &(phrase, name) in TYPES_BY_LAST.get(last_word.as_str()).into_iter().flatten() {
        if phrase_ends_at(t, &toks, k, phrase) {
            let first = k - phrase.len();
            if phrase == ["luật"] && prefix_blocks(&toks, first) {
                break;
            }
            lead.type_start = Some(toks[first].core.0);
            lead.type_name = Some(name);
            return lead;
        }
    }
    if lead.has_so {
        if toks.len() == 6 {
            let more = words_before(t, lo, num_start, LEAD_WORDS);
            k += more.len() - toks.len();
            toks = more;
        }
        // "Luật Dân số số 113/2025/QH15": up to ten name words between.
        let mut idx = k;
        let mut names = 0;
        while idx > 0 && names < 10 {
            if names > 0 {
                for &(phrase, name) in NAMED_TYPES {
                    if phrase_ends_at(t, &toks, idx, phrase) {
                        let first = idx - phrase.len();
                        if phrase == ["luật"] && prefix_blocks(&toks, first) {
                            continue;
                        }
                        lead.type_start = Some(toks[first].core.0);
                        lead.type_name = Some(name);
                        return lead;
                    }
                }
            }
            let tk = toks[idx - 1];
            let trailing_ok = !tk.trail() || tk.trailing(t) == ",";
            if tk.lead() || !trailing_ok || tk.core.0 == tk.core.1 {
                break;
            }
            names += 1;
            idx -= 1;
        }
    }
    lead
}

/// `ngày 15/8/2025` (optionally after a comma) at `from`: the date if it
/// exists, and where the clause ends. An impossible date is still consumed.
fn date_clause(t: &str, from: usize) -> Option<(Option<NaiveDate>, usize)> {
    let rest = &t[from..];
    let c = DATE_CLAUSE.captures(rest)?;
    let whole = c.get(0)?;
    if rest[whole.end()..].starts_with(|ch: char| ch.is_ascii_digit()) {
        return None;
    }
    Some((
        date::parse_date(c.get(1)?.as_str()).ok(),
        from + whole.end(),
    ))
}

/// `của` (optionally after a comma) at `from`: where the issuer may start.
fn of_clause(t: &str, from: usize) -> Option<usize> {
    let rest = &t[from..];
    let mut s = rest.trim_start();
    if let Some(after_comma) = s.strip_prefix(',') {
        s = after_comma.trim_start();
    }
    let word_len = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
    if !eq_lower(&s[..word_len], "của") || !s[word_len..].starts_with(char::is_whitespace) {
        return None;
    }
    Some(from + (rest.len() - s.len()) + word_len)
}

/// A list item starts with this word (after a line break): `-`, `1.`, `2.1.`, `a)`, `II.`.
fn is_list_marker(t: &str, toks: &[Tok], k: usize) -> bool {
    let raw = &t[toks[k].start..toks[k].end];
    if toks[k].core.0 == toks[k].core.1 {
        return true; // "-", "+", "•", "*"
    }
    let numbered = {
        let body = raw.trim_end_matches(['.', ')']);
        body.len() < raw.len()
            && !body.is_empty()
            && body
                .split('.')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    };
    let lettered = {
        let mut cs = raw.chars();
        matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some(')'), None) if c.is_lowercase())
    };
    let roman = raw.len() >= 2
        && raw.ends_with('.')
        && raw[..raw.len() - 1].bytes().all(|b| b"IVXLC".contains(&b))
        // "… Đảng khóa\nXII." ends a name, it does not start a list.
        && !(k > 0 && ["khóa", "khoá", "lần", "thứ"].iter().any(|w| eq_lower(toks[k - 1].core(t), w)));
    numbered || lettered || roman
}

/// The issuer's name from `from` (just after `của`): the name and where it ends.
fn scan_issuer(t: &str, from: usize) -> Option<(String, usize)> {
    let mut hi = (from + 64 * MAX_ISSUER_WORDS).min(t.len());
    while !t.is_char_boundary(hi) {
        hi -= 1;
    }
    // Most issuers stop within a few words: read a few, more only if needed.
    let mut toks = words(t, from, hi, 8);
    let mut all_read = toks.len() < 8;
    let mut taken = 0;
    let mut end = from;
    let mut count = 0;
    for k in 0.. {
        if !all_read && k + 4 >= toks.len() {
            toks = words(t, from, hi, MAX_ISSUER_WORDS + 4);
            all_read = true;
        }
        if k >= toks.len() {
            break;
        }
        let tk = toks[k];
        if tk.nl_before && is_list_marker(t, &toks, k) {
            break;
        }
        let core = tk.core(t);
        if core.is_empty() {
            // A free-standing dash inside a name: "Sở Lao động - Thương binh và Xã hội".
            if t[tk.start..tk.end].chars().all(is_dash) {
                continue;
            }
            break;
        }
        if tk.lead() || count == MAX_ISSUER_WORDS {
            break;
        }
        let prev = k.checked_sub(1).map(|p| toks[p].core(t));
        let lower = core.to_lowercase();
        let stop = STOPS_BY_FIRST
            .get(lower.as_str())
            .is_some_and(|ps| ps.iter().any(|&(p, ())| phrase_starts_at(t, &toks, k, p)))
            // "Ủy ban hành chính" is a (historical) body, not "ban hành".
            && !(eq_lower(core, "ban") && prev.is_some_and(|p| eq_lower(p, "ủy") || eq_lower(p, "uỷ")));
        let type_word = TYPES_BY_FIRST
            .get(lower.as_str())
            .is_some_and(|ps| ps.iter().any(|&(p, _)| phrase_starts_at(t, &toks, k, p)))
            && !prev.is_some_and(|p| NAME_PREFIXES.iter().any(|w| eq_lower(p, w)));
        let number_like = core.starts_with(|c: char| c.is_ascii_digit())
            && (core.contains(['/', '-']) || eq_lower(prev.unwrap_or(""), "số"));
        let so_number = eq_lower(core, "số")
            && toks
                .get(k + 1)
                .is_some_and(|n| n.core(t).starts_with(|c: char| c.is_ascii_digit()));
        if stop || type_word || number_like || so_number {
            break;
        }
        count += 1;
        taken = k + 1;
        end = tk.core.1;
        if tk.trail() {
            let trailing = tk.trailing(t);
            let next = |i: usize| toks.get(k + i).map(|n| n.core(t)).unwrap_or("");
            let continues = trailing == ","
                && ((eq_lower(core, "hóa") || eq_lower(core, "hoá")) && eq_lower(next(1), "thể")
                    || eq_lower(core, "phòng") && eq_lower(next(1), "chống"));
            if continues {
                continue;
            }
            if trailing == "." && ABBREVIATIONS.iter().any(|a| eq_lower(core, a)) {
                end = tk.end;
                continue;
            }
            break;
        }
    }
    // Drop connectors left dangling before whatever stopped the name.
    while taken > 0
        && CONNECTORS
            .iter()
            .any(|c| eq_lower(toks[taken - 1].core(t), c))
    {
        taken -= 1;
        end = toks[taken].start;
        if let Some(prev) = taken.checked_sub(1) {
            end = if toks[prev].trailing(t) == "." {
                toks[prev].end
            } else {
                toks[prev].core.1
            };
        }
    }
    if taken == 0 {
        return None;
    }
    let first = toks[0].core.0;
    Some((
        collapse_ws(&t[first..end])
            .trim_end_matches([',', ' '])
            .to_string(),
        end,
    ))
}

/// The citation as written, whitespace collapsed, and none inside the number
/// (`149-\nKL/TW` is `149-KL/TW`, a hyphenation artifact of the PDF).
fn citation_text(t: &str, start: usize, num: Range<usize>, end: usize) -> String {
    let mut out = collapse_ws(&t[start..num.start]);
    if !out.is_empty() {
        out.push(' ');
    }
    out.extend(t[num.clone()].chars().filter(|c| !c.is_whitespace()));
    let tail = collapse_ws(&t[num.end..end]);
    if !tail.is_empty() {
        if !t[num.end..].starts_with(|c: char| !c.is_whitespace()) {
            out.push(' ');
        }
        out.push_str(&tail);
    }
    out
}

#[cfg(test)]
#[path = "cite_tests.rs"]
mod tests;
