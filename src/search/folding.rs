//! Diacritic folding shared by the index builder and (by construction) search.js.
//!
//! The browser folds queries with
//! `s.normalize('NFD').replace(/\p{M}/gu,'').replace(/[đĐ]/g,'d').toLowerCase()`,
//! so this file must produce the same string for every Vietnamese input; the pair
//! lists in `tests.rs` and `tests/search/fold.test.mjs` pin that down. Folding runs
//! on every body at build time, hence the ASCII fast path and a lookup table for
//! the Latin blocks Vietnamese lives in (Latin-1, Extended-A/B, combining marks,
//! Latin Extended Additional), so the per-character slow path is almost never hit.
//!
//! Known divergence outside Vietnamese: JS lower-cases a word-final Greek `Σ` to
//! `ς`, this code to `σ` (Rust's per-char lower-casing has no context).

use std::sync::OnceLock;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Table entry meaning "not precomputed, take the slow path".
const SLOW: u32 = u32::MAX;
/// Table entry meaning "folds to nothing" (a combining mark).
const STRIP: u32 = 0;

const LOW_START: u32 = 0x80;
const LOW_END: u32 = 0x370;
const HIGH_START: u32 = 0x1E00;
const HIGH_END: u32 = 0x1F00;

/// Appends the fold of `s` to `out`.
pub(crate) fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
        return;
    }
    out.reserve(s.len());
    let tables = tables();
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        match lookup(tables, c) {
            STRIP => {}
            SLOW => fold_char_slow(c, out),
            // The table only holds values produced from valid chars.
            v => out.push(char::from_u32(v).unwrap_or(char::REPLACEMENT_CHARACTER)),
        }
    }
}

/// True when `c` belongs in a word: letters, digits and combining marks (so that
/// text stored in NFD still splits into whole words before folding).
#[inline(always)]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match index(c) {
        Some(i) => tables().word[i],
        None => is_word_char_slow(c),
    }
}

fn is_word_char_slow(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

#[inline]
fn index(c: char) -> Option<usize> {
    let u = c as u32;
    if (LOW_START..LOW_END).contains(&u) {
        Some((u - LOW_START) as usize)
    } else if (HIGH_START..HIGH_END).contains(&u) {
        Some((LOW_END - LOW_START + u - HIGH_START) as usize)
    } else {
        None
    }
}

#[inline]
fn lookup(t: &Tables, c: char) -> u32 {
    index(c).map_or(SLOW, |i| t.fold[i])
}

/// Precomputed answers for the Latin blocks Vietnamese uses.
struct Tables {
    fold: Vec<u32>,
    word: Vec<bool>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let chars = || {
            (LOW_START..LOW_END)
                .chain(HIGH_START..HIGH_END)
                .map(char::from_u32)
        };
        let fold = chars()
            .map(|c| {
                let Some(c) = c else { return SLOW };
                let mut s = String::new();
                fold_char_slow(c, &mut s);
                let mut chars = s.chars();
                match (chars.next(), chars.next()) {
                    (None, _) => STRIP,
                    (Some(f), None) => f as u32,
                    _ => SLOW,
                }
            })
            .collect();
        let word = chars().map(|c| c.is_some_and(is_word_char_slow)).collect();
        Tables { fold, word }
    })
}

/// The reference definition, one char at a time: NFD, drop marks, đ/Đ → d, lower.
fn fold_char_slow(c: char, out: &mut String) {
    decompose_canonical(c, |d| {
        if is_combining_mark(d) {
        } else if d == 'đ' || d == 'Đ' {
            out.push('d');
        } else {
            out.extend(d.to_lowercase());
        }
    });
}
