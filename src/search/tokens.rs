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

/// Byte classes: 1 for an ASCII letter or digit, 2 for the lead byte of a
/// non-ASCII char (decode and ask), 0 for anything else.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphanumeric() {
            1
        } else if b >= 0xC0 {
            2
        } else {
            0
        };
        i += 1;
    }
    t
};

/// Calls `f(word, joined)` for each word of `s`, where `joined` says the word follows
/// the previous one across a single `-` or `/`.
pub(crate) fn for_each_word(s: &str, mut f: impl FnMut(&str, bool)) {
    let bytes = s.as_bytes();
    let len = bytes.len();
    let mut i = 0;
    let mut prev_end: Option<usize> = None;
    loop {
        while i < len {
            match CLASS[bytes[i] as usize] {
                0 => i += 1,
                1 => break,
                _ => {
                    let (c, w) = char_at(bytes, i);
                    if is_word_char(c) {
                        break;
                    }
                    i += w;
                }
            }
        }
        if i >= len {
            return;
        }
        let start = i;
        while i < len {
            match CLASS[bytes[i] as usize] {
                1 => i += 1,
                0 => break,
                _ => {
                    let (c, w) = char_at(bytes, i);
                    if !is_word_char(c) {
                        break;
                    }
                    i += w;
                }
            }
        }
        let joined = prev_end.is_some_and(|p| start == p + 1 && matches!(bytes[p], b'-' | b'/'));
        f(&s[start..i], joined);
        prev_end = Some(i);
    }
}

/// Decodes the non-ASCII char whose lead byte is at `i` of valid UTF-8, and its length.
#[inline(always)]
fn char_at(bytes: &[u8], i: usize) -> (char, usize) {
    let b0 = u32::from(bytes[i]);
    let cont = |k: usize| u32::from(bytes.get(i + k).copied().unwrap_or(0x80)) & 0x3F;
    let (u, w) = if b0 < 0xE0 {
        (((b0 & 0x1F) << 6) | cont(1), 2)
    } else if b0 < 0xF0 {
        (((b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3)
    } else {
        (
            ((b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        )
    };
    (char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER), w)
}

/// All folded tokens of `s` in order, joined forms right after their group.
/// The index builder inlines this to avoid allocating; tests use it as the reference.
#[cfg(test)]
pub(crate) fn tokens(s: &str, force_join: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut group: Vec<String> = Vec::new();
    let finish = |group: &mut Vec<String>, out: &mut Vec<String>| {
        if group.len() >= 2
            && (force_join || group.iter().any(|w| w.bytes().any(|b| b.is_ascii_digit())))
        {
            out.push(group.concat());
        }
        group.clear();
    };
    for_each_word(s, |w, joined| {
        if !joined {
            finish(&mut group, &mut out);
        }
        let f = super::fold(w);
        if !f.is_empty() {
            group.push(f.clone());
            out.push(f);
        }
    });
    finish(&mut group, &mut out);
    out
}
