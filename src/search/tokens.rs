//! Word splitting and document-number joining, mirrored by `queryTokens` in search.js.
//!
//! A word is a maximal run of letters, digits and combining marks. Words separated
//! by exactly one `-` or `/` form a group; a group of two or more words containing a
//! digit (a document number such as `149-KL/TW`, `1745/QĐ-TTg`, or `COVID-19`) is
//! also indexed as one joined token (`149kltw`). The parts stay indexed on their own,
//! so "1745" and "149 kl" match by parts, while "149-kl" and "149kl" become the single
//! query token `149kl`, prefix-matched against the joined form. Joining rather than
//! indexing bigrams costs one extra token per number and keeps "149-KL" from matching
//! a text that merely contains "149" and "KL" far apart.

use super::folding::is_word_char;

/// Calls `f(word, joined)` for each word of `s`, where `joined` says the word follows
/// the previous one across a single `-` or `/`.
pub(crate) fn for_each_word(s: &str, mut f: impl FnMut(&str, bool)) {
    let bytes = s.as_bytes();
    let len = bytes.len();
    let mut i = 0;
    let mut prev_end: Option<usize> = None;
    loop {
        while i < len {
            let b = bytes[i];
            if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
            } else {
                let (c, w) = char_at(s, i);
                if is_word_char(c) {
                    break;
                }
                i += w;
            }
        }
        if i >= len {
            return;
        }
        let start = i;
        while i < len {
            let b = bytes[i];
            if b < 0x80 {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
            } else {
                let (c, w) = char_at(s, i);
                if !is_word_char(c) {
                    break;
                }
                i += w;
            }
        }
        let joined = prev_end.is_some_and(|p| start == p + 1 && matches!(bytes[p], b'-' | b'/'));
        f(&s[start..i], joined);
        prev_end = Some(i);
    }
}

/// The non-ASCII char starting at byte `i`, and its length.
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    // `i` is always a char boundary: it only advances by whole chars.
    let c = s[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
    (c, c.len_utf8())
}

/// Accumulates the folded words of one group to produce its joined token.
#[derive(Default)]
pub(crate) struct Group {
    buf: String,
    parts: usize,
    digit: bool,
}

impl Group {
    pub(crate) fn push(&mut self, folded: &str) {
        self.buf.push_str(folded);
        self.parts += 1;
        self.digit |= folded.bytes().any(|b| b.is_ascii_digit());
    }

    /// Ends the group; returns the joined token when it qualifies (two or more parts
    /// and a digit, or two or more parts when `force`, used for the number field).
    pub(crate) fn finish(&mut self, force: bool) -> Option<&str> {
        let ok = self.parts >= 2 && (self.digit || force);
        self.parts = 0;
        self.digit = false;
        if ok {
            Some(&self.buf)
        } else {
            self.buf.clear();
            None
        }
    }

    /// Clears the text of a group returned by `finish`.
    pub(crate) fn clear(&mut self) {
        self.buf.clear();
    }
}

/// All folded tokens of `s` in order, joined forms right after their group.
/// The index builder inlines this to avoid allocating; tests use it as the reference.
#[cfg(test)]
pub(crate) fn tokens(s: &str, force_join: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut group = Group::default();
    for_each_word(s, |w, joined| {
        if !joined {
            if let Some(j) = group.finish(force_join) {
                out.push(j.to_string());
            }
            group.clear();
        }
        let f = super::fold(w);
        if !f.is_empty() {
            group.push(&f);
            out.push(f);
        }
    });
    if let Some(j) = group.finish(force_join) {
        out.push(j.to_string());
    }
    out
}
