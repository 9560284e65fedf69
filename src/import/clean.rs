//! Extracted text → clean lines → paragraphs.
//!
//! PDF extraction leaves a hard line break at every printed line, blank lines
//! between lines, page numbers, running headers and split document numbers.
//! This module owns undoing that, *before* anything looks for references, so
//! that `Quyết định số\n1745/QĐ-TTg` or `149-\nKL/TW` reach the citation
//! parser whole. It knows nothing about what a plan says, only how text was
//! laid out on a page.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

// Every `Regex::new(…).expect(…)` here compiles a literal (or a pattern
// built from escaped parts): it cannot fail, and `expect` only says so.

/// One non-blank line of the input, trimmed, with what preceded it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Whitespace collapsed to single spaces.
    pub text: String,
    /// Trimmed but with inner spacing kept: runs of spaces or tabs separate the
    /// columns of a two-column header in layout-preserving extractions.
    pub raw: String,
    /// 1-based line in the input file, for messages.
    pub lineno: usize,
    /// Blank lines right before this one (page numbers and headers count as blank).
    pub gap: usize,
    /// True when one of those blank lines held spaces: PDF extractors write such
    /// lines between blocks, not between the lines of one paragraph.
    pub spaced_gap: bool,
}

/// A paragraph: consecutive lines joined back together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub text: String,
    pub lineno: usize,
}

/// What cleaning removed, for the report.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Dropped {
    pub page_numbers: usize,
    pub running_headers: usize,
    /// Lines that hold nothing but OCR specks: a lone "•", "·" or "*".
    pub junk: usize,
}

/// Unicode and typography clean-up that is always right: NFC, line endings,
/// invisible characters, and the few LaTeX bits OCR tools emit for symbols.
pub fn normalize(raw: &str) -> String {
    let text = raw
        .strip_prefix('\u{FEFF}')
        .unwrap_or(raw)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let mut out = String::with_capacity(text.len());
    for c in text.nfc() {
        match c {
            '\u{A0}' | '\u{2007}' | '\u{202F}' => out.push(' '),
            // Zero-width characters and soft hyphens only break words apart.
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => {}
            // A form feed is pdftotext's page break: its own (blank) line.
            '\u{C}' => out.push_str("\n\u{C}\n"),
            // Other controls and U+FFFE/U+FFFF (a UTF-16 file's stray byte
            // order marks) carry no text, and `check` refuses them in the
            // front matter the draft would get.
            c if crate::content::controls::is_bad(c) => {}
            c => out.push(c),
        }
    }
    LATEX
        .replace_all(&out, |c: &regex::Captures| unlatex(&c[1]))
        .into_owned()
}

static LATEX: LazyLock<Regex> = LazyLock::new(|| {
    // A literal pattern: compiling cannot fail.
    Regex::new(r"\$([^$\n]{1,60})\$").expect("valid regex")
});

/// `$\leq 1,2\%$` → `≤ 1,2%`: OCR-to-Markdown tools write symbols as LaTeX.
fn unlatex(s: &str) -> String {
    let mut t = s.to_string();
    for (from, to) in [
        (r"\leq", "≤"),
        (r"\le", "≤"),
        (r"\geq", "≥"),
        (r"\ge", "≥"),
        (r"\times", "×"),
        (r"\pm", "±"),
        (r"\%", "%"),
        (r"\,", " "),
        (r"\text", ""),
    ] {
        t = t.replace(from, to);
    }
    t.replace(['{', '}'], "").trim().to_string()
}

/// Splits into non-blank lines, dropping page numbers and running headers.
pub fn lines(text: &str) -> (Vec<Line>, Dropped) {
    let raw: Vec<&str> = text.split('\n').collect();
    let is_page_no = |s: &str| PAGE_NO.is_match(s.trim());
    let near_page_break = |i: usize| {
        let lo = i.saturating_sub(3);
        let hi = (i + 4).min(raw.len());
        (lo..hi).any(|j| j != i && (raw[j].contains('\u{C}') || is_page_no(raw[j])))
    };
    // A running header repeats on most pages, next to the page break.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, l) in raw.iter().enumerate() {
        let t = l.trim();
        if t.chars().count() >= 8 && !t.starts_with(['-', '+', '•']) && near_page_break(i) {
            *seen.entry(t).or_default() += 1;
        }
    }
    let mut dropped = Dropped::default();
    let mut out = Vec::new();
    let (mut gap, mut spaced) = (0, false);
    for (i, l) in raw.iter().enumerate() {
        let t = l.trim();
        if t.is_empty() || t == "\u{C}" {
            gap += 1;
            spaced |= !l.is_empty() && t.is_empty();
            continue;
        }
        if t.chars().all(|c| matches!(c, '•' | '·' | '∙' | '*' | ' ')) {
            dropped.junk += 1;
            gap += 1;
            continue;
        }
        if is_page_no(t) {
            dropped.page_numbers += 1;
            gap += 1;
            continue;
        }
        if seen.get(t).is_some_and(|&n| n >= 3) {
            dropped.running_headers += 1;
            gap += 1;
            continue;
        }
        out.push(Line {
            text: t.split_whitespace().collect::<Vec<_>>().join(" "),
            raw: t.to_string(),
            lineno: i + 1,
            gap,
            spaced_gap: spaced,
        });
        (gap, spaced) = (0, false);
    }
    (out, dropped)
}

static PAGE_NO: LazyLock<Regex> = LazyLock::new(|| {
    // "4", "- 4 -", "Trang 4", "4/12": a line that is only a page number.
    Regex::new(r"^(?:[-–]\s*\d{1,3}\s*[-–]|(?:[Tt]rang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?)$")
        .expect("valid regex")
});

/// The width of a full printed line: lines much shorter than it end a paragraph.
pub fn line_width(lines: &[Line]) -> usize {
    let mut lens: Vec<usize> = lines.iter().map(|l| l.text.chars().count()).collect();
    if lens.is_empty() {
        return 80;
    }
    lens.sort_unstable();
    lens[(lens.len() * 9 / 10).min(lens.len() - 1)].max(40)
}

/// True when the text is one paragraph per line (Word, or an OCR that kept
/// paragraphs) rather than hard-wrapped: then a blank line is a real break.
pub fn paragraph_per_line(lines: &[Line]) -> bool {
    let long = lines
        .iter()
        .filter(|l| l.text.chars().count() > 160)
        .count();
    !lines.is_empty() && long * 8 >= lines.len()
}

/// Joins lines into paragraphs. `paragraphs`: a blank line always breaks
/// (paragraph-per-line input); otherwise blank lines are extraction noise.
pub fn join(lines: &[Line], paragraphs: bool, width: usize) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut prev: Option<&str> = None;
    for line in lines {
        let how = match prev {
            None => Join::Break,
            Some(p) if paragraphs && line.gap > 0 && !continues(p, &line.text) => Join::Break,
            Some(p) => join_kind(p, &line.text, width),
        };
        match (how, out.last_mut()) {
            (Join::Space, Some(b)) => {
                b.text.push(' ');
                b.text
                    .push_str(line.text.strip_prefix("• ").unwrap_or(&line.text));
            }
            (Join::Tight, Some(b)) => b.text.push_str(&line.text),
            _ => out.push(Block {
                text: line.text.clone(),
                lineno: line.lineno,
            }),
        }
        prev = Some(&line.text);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Join {
    /// A new paragraph starts.
    Break,
    /// Same paragraph, a space between.
    Space,
    /// Same word: `149-` + `KL/TW`, `2021-` + `2030`.
    Tight,
}

/// Whether `next` continues the paragraph that `prev` (a printed line) ends.
pub fn join_kind(prev: &str, next: &str, width: usize) -> Join {
    let first = next.chars().next().unwrap_or(' ');
    if starts_block(next, prev) {
        return Join::Break;
    }
    if SPLIT_NUMBER.is_match(prev) && first.is_alphanumeric() {
        return Join::Tight;
    }
    if continues(prev, next) {
        return Join::Space;
    }
    let last = prev.chars().last().unwrap_or('.');
    let full = prev.chars().count() * 10 >= width * 9;
    if last == ';' && full && first.is_uppercase() {
        // A clause ended at the margin and the next one starts with a name
        // ("… thành phố;" / "Đài truyền thanh …"): the paragraph goes on. A
        // short line ending in ';' is the end of a basis paragraph instead.
        return Join::Space;
    }
    if matches!(last, '.' | '!' | '?' | ':' | ';' | '…') {
        // Sentence over; a lower-case line still continues it ("TT. Tỉnh\nủy").
        return if first.is_lowercase() {
            Join::Space
        } else {
            Join::Break
        };
    }
    if first.is_uppercase() && !is_code_start(next) {
        // A numbered heading wraps onto lower-case words; an upper-case line
        // under it is the text it heads ("1.2. Sở Y tế" / "Chủ trì …").
        if has_marker(prev) && !match_view(prev).starts_with(['-', '–', '+', '•', '*']) {
            return Join::Break;
        }
        // A short line without final punctuation is a heading or the end of
        // a paragraph; a full one was cut by the page margin.
        return if prev.chars().count() * 10 >= width * 7 {
            Join::Space
        } else {
            Join::Break
        };
    }
    Join::Space
}

/// A sentence cut by a line or list-item break: the first part ends on a
/// word that needs what follows ("của", "về", "tại" …), or it ends without
/// punctuation and the next part starts in lower case.
fn continues(prev: &str, next: &str) -> bool {
    const NEEDS_MORE: &[&str] = &[
        "của", "về", "và", "với", "tại", "theo", "ngày", "các", "những", "trên", "cho", "đến",
        "từ", "trong", "nhằm", "để",
    ];
    if starts_block(next, prev) || prev.ends_with(['.', ';', ':', '!', '?', '…']) {
        return false;
    }
    let last = prev.rsplit(' ').next().unwrap_or("");
    NEEDS_MORE.contains(&last) || next.chars().next().is_some_and(char::is_lowercase)
}

static SPLIT_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    // "149-", "Nghị quyết số 20-", "1745/": a number cut after its separator.
    Regex::new(r"(?:^|[\s(])\d+[-–/]$").expect("valid regex")
});

/// `KL/TW…`, `QĐ-TTg`: the second half of a split number starts with a code.
fn is_code_start(s: &str) -> bool {
    static CODE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\p{Lu}{1,6}[/-]\p{L}").expect("valid regex"));
    CODE.is_match(s)
}

/// Lines that always start a new block: numbered headings, list items, the
/// closing block, an all-caps line.
pub fn starts_block(line: &str, prev: &str) -> bool {
    let view = match_view(line);
    if MARKER.is_match(view) {
        // "- xã hội" after "chính trị" is "chính trị - xã hội" cut by the margin.
        // A stray "•" before the rest of a list item's sentence is the same.
        let dash_cont = view.starts_with(['-', '–', '•'])
            && view.chars().nth(2).is_some_and(char::is_lowercase)
            && !prev.is_empty()
            && !prev.ends_with(['.', ';', ':', '!', '?']);
        return !dash_cont;
    }
    let lower = view.to_lowercase();
    if lower.starts_with("nơi nhận") || is_signature_role(view) {
        return true;
    }
    is_all_caps(view) && view.split_whitespace().count() >= 2
}

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[IVX]{1,5}[.-]\s|\d{1,2}\.(?:\d{1,2}\.?){0,3}\s|\d{1,2}-\s|[a-zđ]\)\s|[-–+•*]\s)",
    )
    .expect("valid regex")
});

/// True when the line starts with a heading number or a list marker.
pub fn has_marker(s: &str) -> bool {
    MARKER.is_match(match_view(s))
}

/// A line without Markdown emphasis around it, for matching (`**KT. CHỦ TỊCH` → `KT. CHỦ TỊCH`).
pub fn match_view(s: &str) -> &str {
    let t = s.trim().trim_start_matches(['*', '_', '#']).trim_start();
    if t.starts_with(['-', '+', '•']) {
        return t;
    }
    t.trim_end_matches(['*', '_']).trim_end()
}

/// Every letter upper case, and at least three of them.
pub fn is_all_caps(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 3 && letters.iter().all(|c| !c.is_lowercase())
}

/// `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`, `PHÓ CHỦ TỊCH`, …: the signature block.
pub fn is_signature_role(s: &str) -> bool {
    static ROLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|BÍ THƯ|TRƯỞNG BAN|CHÁNH VĂN PHÒNG)\b")
            .expect("valid regex")
    });
    let v = match_view(s);
    if let Some(body) = capacity(v) {
        // OCR writes the capacity in any case ("T/m", "kt."); the body after it is in capitals.
        return is_all_caps(body);
    }
    is_all_caps(v) && ROLE.is_match(v)
}

/// The body after a capacity word ("TM.", "T/M", "KT.", "Q.", "TL.", "TUQ."),
/// any case, dot or not: `Some("BAN THƯỜNG VỤ")` for "T/m BAN THƯỜNG VỤ".
pub fn capacity(line: &str) -> Option<&str> {
    static CAPACITY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:T\.?\s?/?\s?M|K\.?\s?/?\s?T|TUQ|TL|T/L|Q)\s*[.:,]?\s+(\S.*)$")
            .expect("valid regex")
    });
    let c = CAPACITY.captures(line)?;
    // "Q" and "TL" alone are common words' initials: they need their dot.
    let head = &line[..c.get(1).map_or(0, |m| m.start())];
    let bare = head.trim().trim_end_matches(['.', ':', ',']);
    if matches!(bare.to_uppercase().as_str(), "Q" | "TL") && !head.contains('.') {
        return None;
    }
    c.get(1).map(|m| m.as_str())
}

#[cfg(test)]
#[path = "clean_tests.rs"]
mod tests;
