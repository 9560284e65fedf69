//! Vietnamese document numbers (số ký hiệu) and the key they are matched on.
//!
//! A number is the one stable handle a citation gives on a document, but the
//! same number reaches us spelled many ways (PDF line breaks, en dashes, OCR
//! case, `09-KH-TU` for `09-KH/TU`). This module owns reading one number into
//! a [`DocNumber`] and the decisions that follow from it:
//!
//! - **shape** comes from the first separator and the tokens: `N/YYYY/…` is
//!   normative, `N/…` administrative, `N-…` Party;
//! - **display** keeps the sequence number as written (leading zeros too: the
//!   document says `09-KH/TU`) and writes codes and separators canonically:
//!   `149-KL/TW`, `1745/QĐ-TTg`, `113/2025/QH15`, `15/2018/NĐ-CP`;
//! - **key** is every token, lower-case ASCII (`đ`→`d`, `ư`→`w`), the sequence
//!   number without leading zeros, joined by `/`: `149/kl/tw`, `1745/qd/ttg`,
//!   `113/2025/qh15`, `9/kh/tu`. Separators are not part of the key, so the
//!   typos `09-KH-TU` and `1745/QĐ/TTg` match their proper spellings;
//! - **type_code** is the type abbreviation when the number has one; a
//!   normative number has one only when written (`15/2018/NĐ-CP` → `NĐ`,
//!   `113/2025/QH15` → none: `QH` issues both laws and resolutions);
//! - **issuer_code** is the code after the type; for a typeless
//!   administrative number (a công văn, `1234/UBND-VX`: issuer then drafting
//!   unit) it is the first code; for joint types (`TTLT`, `NQLT`, …) it joins
//!   all issuers (`BYT-BNV`);
//! - **is_local** follows the rule documented in the `codes` module.

use super::codes;
use super::text::{fold_code_char, is_dash, is_slash, nfc};

/// The three shapes a document number comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Shape {
    /// `113/2025/QH15`: number/year/issuer (laws, decrees, circulars).
    Normative,
    /// `1745/QĐ-TTg`: number/type-issuer (state administrative documents).
    Administrative,
    /// `149-KL/TW`: number-type/issuer (Party documents).
    Party,
}

/// A parsed document number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocNumber {
    /// Canonical spelling for display: `149-KL/TW`, `1745/QĐ-TTg`, `113/2025/QH15`.
    pub display: String,
    /// Matching key: equal for every spelling of the same number (line breaks,
    /// dashes, case, `09-KH-TU` vs `09-KH/TU`, leading zeros, Đ vs D).
    pub key: String,
    pub shape: Shape,
    /// The sequence number as written without leading zeros: `149`.
    pub seq: String,
    /// The year carried by a normative number (`113/2025/QH15` → 2025).
    pub year: Option<i32>,
    /// Type code, canonical case: `KL`, `QĐ`, `NQ`, `KH`, … (None for normative numbers).
    pub type_code: Option<String>,
    /// Issuer code, canonical case: `TW`, `TTg`, `QH15`, `UBND`, `TU`, `ĐU`, …
    pub issuer_code: String,
}

impl DocNumber {
    /// True when the issuer code is local (`TU`, `ĐU`, `HU`, `UBND`, `HĐND`, …) and so
    /// repeats in every province; false for national codes (`TW`, `TTg`, `CP`, `QH…`, ministries).
    pub fn is_local(&self) -> bool {
        // A joint issuer is local as soon as one of its bodies is.
        self.issuer_code
            .split('-')
            .any(|code| !codes::is_national(code))
    }

    /// The document type the type code stands for: `KL` → `Kết luận`, `QĐ` → `Quyết định`.
    pub fn type_name(&self) -> Option<&'static str> {
        match &self.type_code {
            Some(code) => codes::type_name(code, self.shape == Shape::Party),
            // `1234/UBND-VX` (issuer-unit, no type) is how công văn are numbered.
            None if self.shape == Shape::Administrative => Some("Công văn"),
            None => None,
        }
    }

    /// URL-safe slug of the number: `149-kl-tw`, `1745-qd-ttg`, `113-2025-qh15`.
    pub fn slug(&self) -> String {
        self.display
            .chars()
            .map(|c| match c {
                '/' | '-' => '-',
                c => fold_code_char(c).to_ascii_lowercase(),
            })
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect()
    }
}

/// Parses one document number, tolerating extracted-text noise. Returns None
/// when `s` (trimmed) is not a number, e.g. the unnumbered `/KH-UBND`.
pub fn parse(s: &str) -> Option<DocNumber> {
    let s = s.trim();
    // Cheap rejection of most non-numbers before any allocation.
    if !s.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let s = nfc(s);
    let (values, seps) = tokenize(&s)?;
    build(&values, &seps)
}

/// Splits a number into its value tokens (digits, or a code: a letter then
/// letters/digits) and the separators between them (`/` or `-`). Whitespace
/// is allowed only around separators: `149 KL/TW` is not a number.
fn tokenize(s: &str) -> Option<(Vec<&str>, Vec<char>)> {
    let mut values = Vec::new();
    let mut seps = Vec::new();
    let mut expect_value = true;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let sep = if is_slash(c) {
            '/'
        } else if is_dash(c) {
            '-'
        } else {
            if !expect_value || !c.is_alphanumeric() {
                return None;
            }
            let numeric = c.is_ascii_digit();
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if numeric && d.is_ascii_digit() || !numeric && d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    chars.next();
                } else if numeric && d.is_alphanumeric() {
                    return None; // "12a/…", "1O/…": not a sequence number
                } else {
                    break;
                }
            }
            values.push(&s[i..end]);
            expect_value = false;
            continue;
        };
        if expect_value {
            return None;
        }
        seps.push(sep);
        expect_value = true;
    }
    if expect_value {
        return None; // empty, or ends with a separator
    }
    Some((values, seps))
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn build(values: &[&str], seps: &[char]) -> Option<DocNumber> {
    let (&seq_written, rest) = values.split_first()?;
    // tokenize() alternates values and separators, so rest.len() == seps.len().
    if rest.is_empty() || !is_digits(seq_written) || seq_written.len() > 7 {
        return None;
    }
    let seq = match seq_written.trim_start_matches('0') {
        "" => "0",
        s => s,
    };

    let normative = values.len() >= 3
        && seps[0] == '/'
        && seps[1] == '/'
        && is_digits(values[1])
        && values[1].len() == 4;
    let (shape, year, codes) = if normative {
        let year: i32 = values[1].parse().ok()?;
        if !(1900..=2100).contains(&year) {
            return None;
        }
        (Shape::Normative, Some(year), &values[2..])
    } else if seps[0] == '/' {
        (Shape::Administrative, None, rest)
    } else {
        (Shape::Party, None, rest)
    };
    if codes.is_empty() || codes.iter().any(|c| !c.starts_with(char::is_alphabetic)) {
        return None;
    }
    if shape == Shape::Party && codes.len() < 2 {
        return None; // "149-KL" says nothing about who issued it
    }

    // Which code is the type: always the first in Party numbers; in the
    // others only when it is a known type code (else it is the issuer, as in
    // a công văn `1234/UBND-VX` or a law `113/2025/QH15`).
    let typed = codes.len() >= 2 && (shape == Shape::Party || codes::is_type_code(codes[0]));
    let type_code = typed.then(|| codes::canon_type(codes[0]));
    let issuers: Vec<String> = codes[usize::from(typed)..]
        .iter()
        .map(|c| codes::canon_issuer(c))
        .collect();
    let joint = type_code.as_deref().is_some_and(|t| t.ends_with("LT"));
    let issuer_code = if joint {
        issuers.join("-")
    } else {
        issuers[0].clone()
    };

    let mut display = String::from(seq_written);
    match shape {
        Shape::Normative => {
            display.push('/');
            display.push_str(values[1]);
            display.push('/');
        }
        Shape::Administrative => display.push('/'),
        Shape::Party => display.push('-'),
    }
    if let Some(t) = &type_code {
        display.push_str(t);
        display.push(if shape == Shape::Party { '/' } else { '-' });
    }
    display.push_str(&issuers.join("-"));

    let mut key = String::from(seq);
    for token in values[1..].iter() {
        key.push('/');
        key.extend(
            token
                .chars()
                .map(|c| fold_code_char(c).to_ascii_lowercase()),
        );
    }

    Some(DocNumber {
        display,
        key,
        shape,
        seq: seq.to_string(),
        year,
        type_code,
        issuer_code,
    })
}

#[cfg(test)]
#[path = "number_tests.rs"]
mod tests;
