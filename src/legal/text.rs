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
    if is_nfc(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

/// Characters that are NFC starters whatever surrounds them: ASCII, Latin-1,
/// Latin Extended-A/B (Đ, Ư, Ơ, …), Latin Extended Additional (every
/// precomposed Vietnamese letter: ế, ộ, ữ, …) and most punctuation (– — “ ” …).
/// Vietnamese text is made of these, so checking them by range skips the
/// Unicode tables for nearly every character.
fn always_nfc(c: char) -> bool {
    matches!(c, '\0'..='\u{2FF}' | '\u{1E00}'..='\u{1EFF}' | '\u{2010}'..='\u{206F}')
}

fn is_nfc(s: &str) -> bool {
    let Some(prev) = first_unsure(s) else {
        return true;
    };
    let rest = &s[prev..];
    match is_nfc_quick(rest.chars()) {
        IsNormalized::Yes => true,
        IsNormalized::No => false,
        IsNormalized::Maybe => unicode_normalization::is_nfc(rest),
    }
}

/// Where NFC-ness of `s` starts to be in question: the start of the
/// character before the first one outside the `always_nfc` ranges (a
/// combining mark is only "not NFC" together with what it follows), or None
/// when there is no such character. Reads UTF-8 bytes without decoding, as
/// this runs over every document: ASCII, lead bytes C2–CB (U+0080–U+02FF),
/// E1 B8–BB (U+1E00–U+1EFF), E2 80 90–E2 81 AF (U+2010–U+206F).
fn first_unsure(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let (mut i, mut prev) = (0, 0);
    while i < b.len() {
        let len = match (b[i], b.get(i + 1), b.get(i + 2)) {
            (0..=0x7F, ..) => 1,
            (0xC2..=0xCB, ..) => 2,
            (0xE1, Some(0xB8..=0xBB), _) => 3,
            (0xE2, Some(0x80), Some(0x90..=0xBF)) | (0xE2, Some(0x81), Some(0x80..=0xAF)) => 3,
            _ => return Some(prev),
        };
        prev = i;
        i += len;
    }
    None
}

/// NFC text plus the way back to the caller's byte offsets.
pub(crate) struct Normalized<'a> {
    text: Cow<'a, str>,
    /// Segments that normalization changed, in order:
    /// `(normalized start, original start, normalized end, original end)`.
    /// Between two of them the text is byte-identical, so an offset maps by
    /// the constant difference left by the previous change. Empty when the
    /// input was already NFC.
    changes: Vec<(usize, usize, usize, usize)>,
}

impl<'a> Normalized<'a> {
    pub(crate) fn new(s: &'a str) -> Self {
        let Some(unsure) = first_unsure(s) else {
            return Normalized {
                text: Cow::Borrowed(s),
                changes: Vec::new(),
            };
        };
        // A segment is a starter and the combining marks after it. For
        // Vietnamese (and any Latin script) composition never crosses a
        // starter, so normalizing segment by segment gives NFC text, and
        // unchanged runs are copied whole. The pass also serves as the
        // "already NFC?" check, from where the text stops being plainly so.
        let mut out = String::new();
        let mut changes = Vec::new();
        let mut copied = 0;
        let mut seg_start = unsure;
        let mut seg_suspect = false;
        let mut finish = |a: usize, b: usize, out: &mut String, copied: &mut usize| {
            let seg = &s[a..b];
            if seg.nfc().eq(seg.chars()) {
                return;
            }
            out.push_str(&s[*copied..a]);
            let norm_start = out.len();
            out.extend(seg.nfc());
            changes.push((norm_start, a, out.len(), b));
            *copied = b;
        };
        for (i, c) in s[unsure..].char_indices().map(|(i, c)| (unsure + i, c)) {
            if always_nfc(c) {
                if seg_suspect {
                    finish(seg_start, i, &mut out, &mut copied);
                    seg_suspect = false;
                }
                seg_start = i;
                continue;
            }
            let starter = canonical_combining_class(c) == 0;
            if starter {
                if seg_suspect {
                    finish(seg_start, i, &mut out, &mut copied);
                }
                seg_start = i;
                seg_suspect = is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes;
            } else {
                seg_suspect = true;
            }
        }
        if seg_suspect {
            finish(seg_start, s.len(), &mut out, &mut copied);
        }
        if changes.is_empty() {
            return Normalized {
                text: Cow::Borrowed(s),
                changes,
            };
        }
        out.push_str(&s[copied..]);
        Normalized {
            text: Cow::Owned(out),
            changes,
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// Original offset of a start position (a position inside a changed
    /// segment goes to the segment's start).
    pub(crate) fn orig_start(&self, n: usize) -> usize {
        let i = self.changes.partition_point(|c| c.0 <= n);
        match i.checked_sub(1).map(|i| self.changes[i]) {
            None => n,
            Some((_, orig_start, norm_end, _)) if n < norm_end => orig_start,
            Some((_, _, norm_end, orig_end)) => orig_end + (n - norm_end),
        }
    }

    /// Original offset of an end position (a position inside a changed
    /// segment goes to the segment's end).
    pub(crate) fn orig_end(&self, n: usize) -> usize {
        let i = self.changes.partition_point(|c| c.0 < n);
        match i.checked_sub(1).map(|i| self.changes[i]) {
            None => n,
            Some((_, _, norm_end, orig_end)) if n < norm_end => orig_end,
            Some((_, _, norm_end, orig_end)) => orig_end + (n - norm_end),
        }
    }
}

pub(crate) use crate::text::collapse_ws;

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
    // Vietnamese letters and their capitals have the same UTF-8 length
    // (Đ/đ, Ư/ư, Ế/ế, …), so a length mismatch settles most comparisons.
    if word.len() != lower.len() {
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
    fn normalized_maps_every_offset() {
        // Mixed: NFC runs, decomposed letters, a mark that composes with
        // nothing (kept as is), and a singleton (U+212B ANGSTROM SIGN → Å).
        let s = "ab Tie\u{302}\u{301}ng Viê\u{323}t q\u{303} \u{212B} cuối";
        let n = Normalized::new(s);
        assert_eq!(n.as_str(), "ab Tiếng Việt q\u{303} Å cuối");
        for (word, orig) in [
            ("Tiếng", "Tie\u{302}\u{301}ng"),
            ("Việt", "Viê\u{323}t"),
            ("Å", "\u{212B}"),
            ("cuối", "cuối"),
            ("ab", "ab"),
        ] {
            let a = n.as_str().find(word).unwrap();
            let b = a + word.len();
            assert_eq!(&s[n.orig_start(a)..n.orig_end(b)], orig, "{word}");
        }
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
    fn nfc_check() {
        assert!(is_nfc("Kết luận số 149–KL/TW “Đảng” Ư ơ"));
        assert!(is_nfc(""));
        assert!(!is_nfc("Nghi\u{323}"));
        assert!(!is_nfc("a\u{301}"));
        assert!(!is_nfc("TU\u{31B}"));
        assert!(!is_nfc("\u{212B}"));
        assert!(!is_nfc("x\u{2000}"));
        assert!(is_nfc("中文 한국어"));
        assert!(!is_nfc("\u{1100}\u{1161}"));
        for s in ["Việt Nam", "e\u{302}\u{301}", "Å", "ﬁ", "q\u{303}"] {
            assert_eq!(is_nfc(s), unicode_normalization::is_nfc(s), "{s:?}");
        }
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
