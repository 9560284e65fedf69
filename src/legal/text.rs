//! Unicode plumbing shared by the legal parsers.
//!
//! Text extracted from PDFs mixes precomposed and decomposed Vietnamese
//! ("ị" as one code point or as "i" + U+0323) within one file, so the parsers
//! work on NFC text. Citations must still point into the caller's bytes (a
//! Markdown renderer links exactly that range), hence [`Normalized`] keeps a
//! map from normalized offsets back to the original ones.

use std::borrow::Cow;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// `s` in NFC, borrowed when it already is (the common case).
pub(crate) fn nfc(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || is_nfc(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

fn is_nfc(s: &str) -> bool {
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => true,
        IsNormalized::No => false,
        IsNormalized::Maybe => unicode_normalization::is_nfc(s),
    }
}

/// NFC text plus the way back to the caller's byte offsets.
pub(crate) struct Normalized<'a> {
    text: Cow<'a, str>,
    orig_len: usize,
    /// `(normalized offset, original offset)` at the start of every segment
    /// (a starter and the combining marks after it); empty when the input was
    /// already NFC and offsets are the identity.
    map: Vec<(usize, usize)>,
}

impl<'a> Normalized<'a> {
    pub(crate) fn new(s: &'a str) -> Self {
        if s.is_ascii() || is_nfc(s) {
            return Normalized {
                text: Cow::Borrowed(s),
                orig_len: s.len(),
                map: Vec::new(),
            };
        }
        // Composition never crosses a starter for Vietnamese (or any Latin
        // script), so normalizing segment by segment gives NFC text and an
        // exact offset map at every segment boundary.
        let mut out = String::with_capacity(s.len());
        let mut map = Vec::with_capacity(s.len() / 2);
        let mut seg_start = 0;
        for (i, c) in s.char_indices().skip(1) {
            if canonical_combining_class(c) == 0 {
                map.push((out.len(), seg_start));
                out.extend(s[seg_start..i].nfc());
                seg_start = i;
            }
        }
        if !s.is_empty() {
            map.push((out.len(), seg_start));
            out.extend(s[seg_start..].nfc());
        }
        Normalized {
            text: Cow::Owned(out),
            orig_len: s.len(),
            map,
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// Original offset of a start position (rounded down to its segment).
    pub(crate) fn orig_start(&self, n: usize) -> usize {
        if self.map.is_empty() {
            return n;
        }
        let i = self.map.partition_point(|&(norm, _)| norm <= n);
        // i >= 1 because the first segment starts at normalized offset 0.
        self.map[i.saturating_sub(1)].1
    }

    /// Original offset of an end position (rounded up to its segment's end).
    pub(crate) fn orig_end(&self, n: usize) -> usize {
        if self.map.is_empty() {
            return n;
        }
        let i = self.map.partition_point(|&(norm, _)| norm < n);
        self.map.get(i).map_or(self.orig_len, |&(_, orig)| orig)
    }
}

/// Every run of whitespace (line breaks included) as one space, trimmed.
pub(crate) fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Dashes that PDF text and word processors put where a hyphen was typed.
pub(crate) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
    )
}

pub(crate) fn is_slash(c: char) -> bool {
    matches!(c, '/' | '\u{2044}' | '\u{2215}' | '\u{FF0F}')
}

/// Folds one character of a code for matching: upper case, `Đ`/`Ð`→`D`,
/// `Ư`→`W` (`TƯ` is a spelling of `TW`), other diacritics dropped.
pub(crate) fn fold_code_char(c: char) -> char {
    match c {
        'Đ' | 'đ' | 'Ð' | 'ð' | 'Ɖ' | 'ɖ' => 'D',
        'Ư' | 'ư' => 'W',
        c if c.is_ascii() => c.to_ascii_uppercase(),
        c => {
            let base = c.nfd().next().unwrap_or(c);
            if base.is_ascii() {
                base.to_ascii_uppercase()
            } else {
                base.to_uppercase().next().unwrap_or(base)
            }
        }
    }
}

/// A whole code folded with [`fold_code_char`]: `QĐ`, `qd`, `QÐ` → `QD`.
pub(crate) fn fold_code(code: &str) -> String {
    code.chars().map(fold_code_char).collect()
}

/// Case-insensitive comparison of a word against a lower-case NFC pattern.
pub(crate) fn eq_lower(word: &str, lower: &str) -> bool {
    if word.len() != lower.len() && word.is_ascii() {
        return false;
    }
    word.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalized_maps_decomposed_text_back() {
        // "Nghị" with the dot below as a combining mark.
        let s = "x Nghi\u{323} quyê\u{301}t 1";
        let n = Normalized::new(s);
        assert_eq!(n.as_str(), "x Nghị quyết 1");
        let norm_start = n.as_str().find("Nghị").unwrap();
        let norm_end = n.as_str().find(" 1").unwrap();
        let (a, b) = (n.orig_start(norm_start), n.orig_end(norm_end));
        assert_eq!(&s[a..b], "Nghi\u{323} quyê\u{301}t");
        assert_eq!(n.orig_end(n.as_str().len()), s.len());
    }

    #[test]
    fn normalized_is_identity_for_nfc() {
        let s = "Kết luận số 149-KL/TW";
        let n = Normalized::new(s);
        assert_eq!(n.as_str(), s);
        assert_eq!(n.orig_start(5), 5);
        assert_eq!(n.orig_end(9), 9);
    }

    #[test]
    fn folding() {
        assert_eq!(fold_code("QĐ"), "QD");
        assert_eq!(fold_code("qđ"), "QD");
        assert_eq!(fold_code("QÐ"), "QD");
        assert_eq!(fold_code("TƯ"), "TW");
        assert_eq!(
            collapse_ws("  Thủ tướng \n\n Chính phủ "),
            "Thủ tướng Chính phủ"
        );
        assert!(eq_lower("Kế", "kế"));
        assert!(eq_lower("KẾ", "kế"));
        assert!(!eq_lower("Ké", "kế"));
    }
}
