//! The OCR-noise layer: known misreadings of Vietnamese OCR, undone only
//! where the result is a word that matters to `import`.
//!
//! A scanned plan comes back with "Dảng" for "Đảng", "Chính ữị" for "Chính
//! trị", "ngàỵ" for "ngày", "{" for "(". A clerk reads through those; the
//! citation parser and the header reader cannot. This module corrects a word
//! only when the corrected form completes a phrase of [`VOCABULARY`]
//! (document types, issuing bodies, the 34 provinces and cities of the 2025
//! map, "ngày/tháng/năm", "về", "của", "Nơi nhận"): free text is never
//! touched, because there a "correction" is as likely to be a new error.
//! Every change is returned so the report and the draft can list it.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

// Every `Regex::new(…).expect(…)` here compiles a literal: it cannot fail,
// and `expect` only says so.

/// One change the layer made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    /// 1-based line of the input.
    pub line: usize,
    pub from: String,
    pub to: String,
}

/// The corrected text (same lines as the input) and what changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Corrected {
    pub text: String,
    pub corrections: Vec<Correction>,
}

/// Phrases a correction may complete, as written in official text.
pub const VOCABULARY: &[&str] = &[
    // Document types.
    "Kế hoạch",
    "Quyết định",
    "Nghị quyết",
    "Nghị định",
    "Kết luận",
    "Chỉ thị",
    "Thông tư",
    "Thông báo",
    "Hướng dẫn",
    "Công văn",
    "Chương trình",
    "Đề án",
    "Quy định",
    "Luật",
    "Pháp lệnh",
    "Báo cáo",
    // Issuing bodies and their parts.
    "Ủy ban nhân dân",
    "Uỷ ban nhân dân",
    "Hội đồng nhân dân",
    "Ban Thường vụ",
    "Ban Chấp hành",
    "Ban Chấp hành Trung ương",
    "Trung ương",
    "Trung ương Đảng",
    "Bộ Chính trị",
    "Ban Bí thư",
    "Thủ tướng",
    "Thủ tướng Chính phủ",
    "Chính phủ",
    "Quốc hội",
    "Tỉnh ủy",
    "Tỉnh uỷ",
    "Thành ủy",
    "Thành uỷ",
    "Huyện ủy",
    "Đảng ủy",
    "Đảng uỷ",
    "Đảng bộ",
    "Đảng bộ tỉnh",
    "Mặt trận Tổ quốc",
    "Bộ Y tế",
    "Sở Y tế",
    "Bộ Nội vụ",
    "Sở Nội vụ",
    "Sở Tài chính",
    "Bộ Tài chính",
    "Sở Giáo dục và Đào tạo",
    "Hội nghị",
    "Đảng Cộng sản Việt Nam",
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Cộng hoà xã hội chủ nghĩa Việt Nam",
    "Độc lập",
    "Tự do",
    "Hạnh phúc",
    "Việt Nam",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Bí thư",
    "Phó Bí thư",
    "Giám đốc",
    "Nơi nhận",
    // Levels.
    "tỉnh",
    "thành phố",
    "phường",
    "xã",
    "đặc khu",
    // The 34 provinces and cities of the 2025 map.
    "Hà Nội",
    "Huế",
    "Lai Châu",
    "Điện Biên",
    "Sơn La",
    "Lạng Sơn",
    "Quảng Ninh",
    "Thanh Hóa",
    "Thanh Hoá",
    "Nghệ An",
    "Hà Tĩnh",
    "Cao Bằng",
    "Tuyên Quang",
    "Lào Cai",
    "Thái Nguyên",
    "Phú Thọ",
    "Bắc Ninh",
    "Hưng Yên",
    "Hải Phòng",
    "Ninh Bình",
    "Quảng Trị",
    "Đà Nẵng",
    "Quảng Ngãi",
    "Gia Lai",
    "Khánh Hòa",
    "Khánh Hoà",
    "Lâm Đồng",
    "Đắk Lắk",
    "Hồ Chí Minh",
    "Đồng Nai",
    "Tây Ninh",
    "Cần Thơ",
    "Vĩnh Long",
    "Đồng Tháp",
    "Cà Mau",
    "An Giang",
    // Words that stand alone in citations and headers (no misreading of
    // them is a word of its own).
    "Đảng",
    "ương",
    "ban hành",
    // The words of a citation.
    "ngày",
    "tháng",
    "năm",
    "về",
    "của",
    "số",
];

/// Misreadings that are no single confusion but are always the same word.
const MISREAD: &[(&str, &str)] = &[
    ("ngàv", "ngày"),
    ("nqày", "ngày"),
    ("ngảy", "ngày"),
    ("vể", "về"),
    ("vễ", "về"),
    ("vê", "về"),
    ("cùa", "của"),
    ("cũa", "của"),
    ("thảng", "tháng"),
    ("thàng", "tháng"),
];

/// Real words one confusion away from a vocabulary word: never "corrected".
const REAL_WORDS: &[&str] = &[
    "cửa", "vệ", "vế", "ngay", "nam", "nắm", "ngáy", "sớ", "bô", "thu", "đo", "lảo", "cao",
];

/// Noisy spelling → the letters OCR confuses it with (both directions).
const CONFUSIONS: &[(&str, &str)] = &[
    ("ữ", "tr"),
    ("tr", "ữ"),
    ("ỵ", "y"),
    ("y", "ỵ"),
    ("ầ", "à"),
    ("à", "ầ"),
    ("d", "đ"),
    ("đ", "d"),
    ("u", "ư"),
    ("ư", "u"),
    ("ù", "ừ"),
    ("ừ", "ù"),
    ("ú", "ứ"),
    ("ứ", "ú"),
    ("ủ", "ử"),
    ("ử", "ủ"),
    ("ũ", "ữ"),
    ("ụ", "ự"),
    ("ự", "ụ"),
    ("o", "ơ"),
    ("ơ", "o"),
    ("ò", "ờ"),
    ("ờ", "ò"),
    ("ó", "ớ"),
    ("ớ", "ó"),
    ("ỏ", "ở"),
    ("ở", "ỏ"),
    ("õ", "ỡ"),
    ("ỡ", "õ"),
    ("ọ", "ợ"),
    ("ợ", "ọ"),
];

struct Vocab {
    phrases: Vec<Vec<String>>,
    words: HashSet<String>,
}

static VOCAB: LazyLock<Vocab> = LazyLock::new(|| {
    // The observances `import` recognises are words that matter too.
    let phrases: Vec<Vec<String>> = VOCABULARY
        .iter()
        .chain(super::refs::KNOWN.iter().map(|(name, _, _)| name))
        .map(|p| p.split(' ').map(str::to_lowercase).collect())
        .collect();
    let words = phrases.iter().flatten().cloned().collect();
    Vocab { phrases, words }
});

/// Corrects `text` (already NFC, `\n` line ends); lines are never added or removed.
pub fn correct(text: &str) -> Corrected {
    let mut corrections = Vec::new();
    let text = punctuation(text, &mut corrections);
    let tokens = tokens(&text);
    let resolved: Vec<Option<(String, bool)>> = tokens.iter().map(|t| resolve(&t.lower)).collect();
    let mut fix: HashMap<usize, String> = HashMap::new();
    for (i, _) in tokens.iter().enumerate() {
        for phrase in &VOCAB.phrases {
            let n = phrase.len();
            if i + n > tokens.len() {
                continue;
            }
            let window = i..i + n;
            let fits = window.clone().zip(phrase).all(|(k, w)| {
                resolved[k].as_ref().is_some_and(|(r, _)| r == w)
                    && (k == i || tokens[k - 1].end_space(&text, tokens[k].start))
            });
            if fits {
                for k in window {
                    if let Some((r, true)) = &resolved[k] {
                        fix.insert(k, with_case(&tokens[k].word, r));
                    }
                }
            }
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (k, t) in tokens.iter().enumerate() {
        if let Some(to) = fix.get(&k) {
            out.push_str(&text[at..t.start]);
            out.push_str(to);
            at = t.start + t.word.len();
            corrections.push(Correction {
                line: text[..t.start].matches('\n').count() + 1,
                from: t.word.clone(),
                to: to.clone(),
            });
        }
    }
    out.push_str(&text[at..]);
    corrections.sort_by_key(|c| c.line);
    Corrected {
        text: out,
        corrections,
    }
}

struct Token {
    start: usize,
    word: String,
    lower: String,
}

impl Token {
    /// Only blanks (a line break too) between this token and the next.
    fn end_space(&self, text: &str, next: usize) -> bool {
        let gap = &text[self.start + self.word.len()..next];
        !gap.is_empty() && gap.chars().all(char::is_whitespace)
    }
}

fn tokens(text: &str) -> Vec<Token> {
    static WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[\p{L}\p{M}]+").expect("valid regex"));
    WORD.find_iter(text)
        .map(|m| Token {
            start: m.start(),
            word: m.as_str().to_string(),
            lower: m.as_str().to_lowercase(),
        })
        .collect()
}

/// The vocabulary word a token is, or would be after one or two confusions
/// undone (`true`): only when exactly one such word exists.
fn resolve(lower: &str) -> Option<(String, bool)> {
    if VOCAB.words.contains(lower) {
        return Some((lower.to_string(), false));
    }
    if REAL_WORDS.contains(&lower) || lower.chars().count() < 2 {
        return None;
    }
    if let Some((_, to)) = MISREAD.iter().find(|(from, _)| *from == lower) {
        return Some((to.to_string(), true));
    }
    let mut found: Vec<String> = candidates(lower)
        .into_iter()
        .filter(|c| VOCAB.words.contains(c))
        .collect();
    found.sort();
    found.dedup();
    match found.as_slice() {
        [one] => Some((one.clone(), true)),
        _ => None,
    }
}

/// Every spelling one or two undone confusions away.
fn candidates(word: &str) -> Vec<String> {
    let once = step(word);
    let mut all = once.clone();
    for w in &once {
        all.extend(step(w));
    }
    all
}

fn step(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (noisy, clean) in CONFUSIONS {
        for (at, _) in word.match_indices(noisy) {
            out.push(format!(
                "{}{clean}{}",
                &word[..at],
                &word[at + noisy.len()..]
            ));
        }
    }
    out
}

/// `to` in the case the token was written in ("DẢNG" → "ĐẢNG", "Dảng" → "Đảng").
fn with_case(token: &str, to: &str) -> String {
    let letters: Vec<char> = token.chars().collect();
    if letters.len() > 1 && letters.iter().all(|c| !c.is_lowercase()) {
        return to.to_uppercase();
    }
    if letters.first().is_some_and(|c| c.is_uppercase()) {
        return super::names::capitalize(to);
    }
    to.to_string()
}

/// `;';` for ";", "{" for "(", a stray "•" inside a line: never meant.
fn punctuation(text: &str, corrections: &mut Vec<Correction>) -> String {
    static SEMI: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r";';|;'(\s|$)|';(\s|$)").expect("valid regex"));
    static BRACE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\{([^{}()\n]{0,200})\)").expect("valid regex"));
    static DOT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(\S)[ \t]+•[ \t]+(\S)").expect("valid regex"));
    let mut lines: Vec<String> = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let mut l = line.to_string();
        let mut note = |from: &str, to: &str| {
            corrections.push(Correction {
                line: i + 1,
                from: from.into(),
                to: to.into(),
            })
        };
        if SEMI.is_match(&l) {
            for m in SEMI.find_iter(&l) {
                note(m.as_str().trim_end(), ";");
            }
            l = SEMI.replace_all(&l, ";$1$2").into_owned();
        }
        if BRACE.is_match(&l) {
            for _ in BRACE.find_iter(&l) {
                note("{", "(");
            }
            l = BRACE.replace_all(&l, "($1)").into_owned();
        }
        if DOT.is_match(&l) {
            for _ in DOT.find_iter(&l) {
                note("•", "");
            }
            l = DOT.replace_all(&l, "$1 $2").into_owned();
        }
        lines.push(l);
    }
    lines.join("\n")
}

#[cfg(test)]
#[path = "ocr_tests.rs"]
mod tests;
