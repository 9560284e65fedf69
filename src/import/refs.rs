//! What a plan implements (`basis`) and which observances it calls for (`campaigns`).
//!
//! Both are read with the legal chain's own parser (`legal::cite`), so what
//! import writes resolves exactly as `check` will resolve it. `basis` is what
//! the plan itself implements: in "Thực hiện Kế hoạch số 345-KH/TU … về việc
//! thực hiện Kết luận số 149-KL/TW …" only 345-KH/TU is this plan's basis;
//! 149-KL/TW is 345-KH/TU's, and the chain reaches it through that document.

use std::sync::LazyLock;

use regex::Regex;

use super::clean::Block;
use super::header::is_opening;
use super::names::capitalize;
use crate::legal::cite;
use crate::text::fold_key;

// Every `Regex::new(…).expect(…)` here compiles a literal (or a pattern
// built from escaped parts): it cannot fail, and `expect` only says so.

/// The basis as found, plus what was seen but left out (for the report).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Basis {
    pub entries: Vec<String>,
    /// Numbers cited only as what a basis document itself implements.
    pub nested: Vec<String>,
    /// How many opening paragraphs were read.
    pub paragraphs: usize,
}

/// Words between two citations that make the second one the first one's
/// subject ("… về việc thực hiện …", "… ban hành Kế hoạch thực hiện …").
static NESTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:thực hiện|triển khai|hướng dẫn|quy định chi tiết|sửa đổi|ban hành|phê duyệt)\b",
    )
    .expect("valid regex")
});

/// The sentence in which the issuer says it issues the plan; what follows
/// restates the subject and is not basis.
static ISSUING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[.;]\s+)(?:(?:Ủy|Uỷ|ỦY|UỶ) ban nhân dân|UBND|Hội đồng nhân dân|HĐND|Ban Thường vụ|Tỉnh ủy|Sở)[^.;]{0,80}?\bban hành\b")
        .expect("valid regex")
});

/// Reads the basis from the opening paragraphs and the title's subject.
pub fn basis(opening: &[Block], subject: &str) -> Basis {
    let mut out = Basis::default();
    let mut keys: Vec<(String, usize)> = Vec::new();
    let mut texts: Vec<&str> = Vec::new();
    for b in opening.iter().filter(|b| is_opening(&b.text)) {
        out.paragraphs += 1;
        let cut = ISSUING.find(&b.text).map_or(b.text.len(), |m| m.start());
        texts.push(&b.text[..cut]);
    }
    texts.push(subject);
    for text in texts {
        let mut prev_end: Option<usize> = None;
        for c in cite::find_all(text) {
            let nested = prev_end.is_some_and(|end| {
                let gap = &text[end..c.span.start];
                !gap.contains(';') && !gap.contains(". ") && NESTING.is_match(gap)
            });
            prev_end = Some(c.span.end);
            let key = c.number.key.clone();
            if nested {
                if !keys.iter().any(|(k, _)| *k == key) && !out.nested.contains(&c.number.display) {
                    out.nested.push(c.number.display.clone());
                }
                continue;
            }
            out.nested.retain(|n| *n != c.number.display);
            match keys.iter().find(|(k, _)| *k == key) {
                // Keep the fullest citation of a document named twice.
                Some(&(_, i)) => {
                    if c.date.is_some()
                        && crate::legal::cite::parse_one(&out.entries[i])
                            .is_some_and(|o| o.date.is_none())
                    {
                        out.entries[i] = c.text.clone();
                    }
                }
                None => {
                    keys.push((key, out.entries.len()));
                    out.entries.push(c.text.clone());
                }
            }
        }
    }
    out
}

/// An observance the body names with its date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Campaign {
    pub name: String,
    /// `(day, month)`; day 0 for a month-long campaign.
    pub day: u32,
    pub month: u32,
}

impl Campaign {
    /// The contract's text form: `Ngày Dân số thế giới (11/7)`, `… (tháng 12)`.
    pub fn yaml_text(&self) -> String {
        if self.day == 0 {
            format!("{} (tháng {})", self.name, self.month)
        } else {
            format!("{} ({}/{})", self.name, self.day, self.month)
        }
    }
}

/// Well-known observances and their dates: used only to recognise a name whose
/// date is written elsewhere in the same sentence, never to supply a date.
pub(crate) const KNOWN: &[(&str, u32, u32)] = &[
    ("Ngày Dân số thế giới", 11, 7),
    ("Ngày Dân số Việt Nam", 26, 12),
    ("Tháng hành động quốc gia về Dân số", 0, 12),
    ("Ngày Quốc tế người cao tuổi", 1, 10),
    ("Ngày truyền thống người cao tuổi Việt Nam", 6, 6),
    ("Ngày Thalassemia thế giới", 8, 5),
    ("Ngày tránh thai thế giới", 26, 9),
    ("Ngày Quốc tế trẻ em gái", 11, 10),
    ("Ngày Gia đình Việt Nam", 28, 6),
    ("Ngày Quốc tế Phụ nữ", 8, 3),
    ("Ngày Sức khỏe thế giới", 7, 4),
];

/// `Ngày Dân số thế giới (11/7)`, `Tháng hành động … (tháng 12)`.
static NAMED_THEN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:Ngày|ngày|Tháng|tháng|Tuần|tuần)\s+([^\d(),;.:“”]{3,90}?)\s*\((?:(\d{1,2})\s*[/-]\s*(\d{1,2})|tháng\s*(\d{1,2}))\)")
        .expect("valid regex")
});

/// `ngày 11/7 - Ngày Dân số thế giới`, `ngày 11/7 (Ngày Dân số thế giới)`.
static DATE_THEN_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[Nn]gày\s+(\d{1,2})\s*/\s*(\d{1,2})\b(?:\s*[-–:]\s*|\s+là\s+|\s*\(\s*)((?:Ngày|Tháng)\s+[^\d(),;.:“”]{3,90}?)(?:[),;.:]|\s+(?:và|của|năm)\s|$)")
        .expect("valid regex")
});

/// Observances named in `blocks` with a day/month (or month) the text gives.
pub fn campaigns(blocks: &[Block]) -> Vec<Campaign> {
    campaigns_checked(blocks).0
}

/// The observances, and those whose written date does not exist ("(31/6)"):
/// left out of the draft, listed for the officer, never guessed.
pub fn campaigns_checked(blocks: &[Block]) -> (Vec<Campaign>, Vec<Campaign>) {
    let mut out: Vec<Campaign> = Vec::new();
    let mut impossible: Vec<Campaign> = Vec::new();
    let mut push = |name: &str, day: u32, month: u32| {
        let name = capitalize(name.trim());
        let exists = match day {
            0 => (1..=12).contains(&month),
            _ => crate::legal::date::parse_day_month(&format!("{day}/{month}")).is_ok(),
        };
        let seen = |v: &[Campaign]| v.iter().any(|c| fold_key(&c.name) == fold_key(&name));
        if !exists {
            if !seen(&impossible) {
                impossible.push(Campaign { name, day, month });
            }
        } else if !seen(&out) {
            out.push(Campaign { name, day, month });
        }
    };
    for b in blocks {
        for c in NAMED_THEN_DATE.captures_iter(&b.text) {
            let whole = c.get(0).map_or("", |m| m.as_str());
            let lead = whole.split_whitespace().next().unwrap_or("");
            let rest = c[1].trim();
            // "ngày lễ" / "tháng này": a lower-case word that names nothing.
            if lead.starts_with(char::is_lowercase) && !rest.starts_with(char::is_uppercase) {
                continue;
            }
            let name = format!("{} {}", capitalize(lead), last_observance(rest));
            match (c.get(2), c.get(3), c.get(4)) {
                (Some(d), Some(m), _) => push(&name, num(d.as_str()), num(m.as_str())),
                (_, _, Some(m)) => push(&name, 0, num(m.as_str())),
                _ => {}
            }
        }
        for c in DATE_THEN_NAMED.captures_iter(&b.text) {
            push(&c[3], num(&c[1]), num(&c[2]));
        }
        for sentence in b.text.split_inclusive(['.', ';']) {
            for &(name, day, month) in KNOWN {
                if mentions(sentence, name) && states_date(sentence, day, month) {
                    push(&written_name(sentence, name), day, month);
                }
            }
        }
    }
    (out, impossible)
}

/// "tổ chức Ngày X": a name that itself holds "Ngày"/"Tháng" starts at the last one.
fn last_observance(rest: &str) -> &str {
    for key in [" Ngày ", " Tháng ", " Tuần "] {
        if let Some(i) = rest.rfind(key) {
            return &rest[i + key.len()..];
        }
    }
    rest
}

fn num(s: &str) -> u32 {
    s.parse().unwrap_or(0)
}

fn name_regex(name: &str) -> Regex {
    let words: Vec<String> = name.split_whitespace().map(regex::escape).collect();
    // Built from the fixed table above: always a valid pattern.
    Regex::new(&format!(r"(?i)\b{}\b", words.join(r"\s+"))).expect("valid regex")
}

/// The table's names compiled once: compiling per sentence made import slow.
static KNOWN_REGEX: LazyLock<Vec<Regex>> =
    LazyLock::new(|| KNOWN.iter().map(|(n, _, _)| name_regex(n)).collect());

fn known_regex(name: &str) -> &'static Regex {
    let i = KNOWN.iter().position(|(n, _, _)| *n == name).unwrap_or(0);
    &KNOWN_REGEX[i]
}

fn mentions(sentence: &str, name: &str) -> bool {
    known_regex(name).is_match(sentence)
}

/// The name as the sentence spells it (its capitalisation, not the table's).
fn written_name(sentence: &str, name: &str) -> String {
    known_regex(name)
        .find(sentence)
        .map_or(name.to_string(), |m| m.as_str().to_string())
}

/// Whether the sentence itself writes this day and month (or this month).
fn states_date(sentence: &str, day: u32, month: u32) -> bool {
    let pattern = if day == 0 {
        format!(r"\btháng\s+0?{month}\b")
    } else {
        format!(r"\b0?{day}\s*[/-]\s*0?{month}\b|\b0?{day}\s+tháng\s+0?{month}\b")
    };
    // Digits only: always a valid pattern.
    Regex::new(&pattern)
        .expect("valid regex")
        .is_match(sentence)
}

#[cfg(test)]
#[path = "refs_tests.rs"]
mod tests;
