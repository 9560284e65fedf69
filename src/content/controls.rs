//! Characters that must not reach XML, ICS or a terminal.
//!
//! XML 1.0 forbids C0 controls but tab and line ends, and U+FFFE/U+FFFF: one
//! such character in a title makes `atom.xml` ill-formed for every reader.
//! Escape sequences (`ESC [ …`) in content would drive the terminal that
//! prints a diagnostic. So front matter refuses them (an error at their line
//! and column) and bodies have them replaced by U+FFFD with a warning. Lone
//! surrogates cannot occur in a Rust string; non-UTF-8 files are refused earlier.

use std::borrow::Cow;
use std::path::Path;

use crate::diag::Diagnostic;

/// The error for a bad character in settings or front matter (`text` starts
/// on line `first_line` of `path`).
pub fn refuse(path: &Path, text: &str, first_line: usize) -> Option<Diagnostic> {
    let (at, c) = first_bad(text)?;
    let (line, col) = line_col(text, at);
    Some(
        Diagnostic::error(format!(
            "ký tự điều khiển {} (không nhìn thấy được) không được dùng trong phần khai báo: \
             nó làm hỏng atom.xml, lịch .ics và thông báo lỗi",
            name(c)
        ))
        .at(path, Some(first_line + line - 1))
        .col(Some(col))
        .help("xóa ký tự này (thường lẫn vào khi sao chép từ PDF hoặc Word), rồi lưu lại tệp"),
    )
}

/// The first bad character inside the strings of a parsed front-matter
/// value: YAML escapes (`"\e[31m"`, `"\x07"`, `"\uFFFE"`) make them out of
/// plain source text that [`refuse`] passed.
pub fn first_in_value(v: &crate::yaml::Yaml) -> Option<char> {
    use crate::yaml::Yaml;
    match v {
        Yaml::String(s) => first_bad(s).map(|(_, c)| c),
        Yaml::Seq(items) => items.iter().find_map(first_in_value),
        Yaml::Map(m) => m
            .iter()
            .find_map(|(k, v)| first_bad(k).map(|(_, c)| c).or_else(|| first_in_value(v))),
        _ => None,
    }
}

/// The error for a bad character written as a YAML escape in the value at `line`:`col`.
pub fn refuse_escaped(path: &Path, line: Option<usize>, col: Option<usize>, c: char) -> Diagnostic {
    Diagnostic::error(format!(
        "giá trị này viết ra ký tự điều khiển {} (không nhìn thấy được) bằng mã thoát YAML; \
         ký tự đó không được dùng trong phần khai báo: nó làm hỏng atom.xml, lịch .ics và thông báo lỗi",
        name(c)
    ))
    .at(path, line)
    .col(col)
    .help("xóa mã thoát (dạng \\e, \\x1b, \\u001b) khỏi giá trị, rồi lưu lại tệp")
}

/// `body` with bad characters replaced, and a warning at the first one
/// (`body` starts on line `first_line` of `path`).
pub fn clean_body<'a>(
    path: &Path,
    body: &'a str,
    first_line: usize,
) -> (Cow<'a, str>, Option<Diagnostic>) {
    let Some((at, c)) = first_bad(body) else {
        return (Cow::Borrowed(body), None);
    };
    let (line, col) = line_col(body, at);
    let (clean, n) = replace_bad(body);
    let warning = Diagnostic::warning(format!(
        "thân văn bản có {n} ký tự điều khiển (không nhìn thấy được; ký tự đầu: {}), \
         đã thay bằng “�” trên trang",
        name(c)
    ))
    .at(path, Some(first_line + line - 1))
    .col(Some(col))
    .help("xóa các ký tự này trong tệp (thường lẫn vào khi sao chép từ PDF hoặc Word)");
    (clean, Some(warning))
}

/// A character content may not hold: a control character other than tab
/// and line ends (C0, DEL and C1), or the non-characters U+FFFE and U+FFFF.
pub fn is_bad(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Bytes that start a bad character in UTF-8: C0 and DEL, C1 (`C2 80..9F`)
/// and U+FFFE/U+FFFF (`EF BF BE/BF`) start with these. A quick filter:
/// plain text skips the char-by-char look.
fn may_be_bad(s: &str) -> bool {
    s.bytes().any(|b| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || matches!(b, 0x7F | 0xC2 | 0xEF)
    })
}

/// The first bad character of `s` and its byte offset.
pub fn first_bad(s: &str) -> Option<(usize, char)> {
    if !may_be_bad(s) {
        return None;
    }
    s.char_indices().find(|&(_, c)| is_bad(c))
}

/// `s` with every bad character replaced by U+FFFD, and how many there were.
pub fn replace_bad(s: &str) -> (Cow<'_, str>, usize) {
    if first_bad(s).is_none() {
        return (Cow::Borrowed(s), 0);
    }
    let mut n = 0;
    let out = s
        .chars()
        .map(|c| {
            if is_bad(c) {
                n += 1;
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect();
    (Cow::Owned(out), n)
}

/// 1-based line and column (in characters) of byte `at` in `s`.
pub fn line_col(s: &str, at: usize) -> (usize, usize) {
    let before = &s[..at];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// How a bad character is named in messages: `U+001B`.
pub fn name(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_escapes_that_make_controls_are_found_in_parsed_values() {
        let v = crate::yaml::parse("title: \"\\e[31m A\"\nbasis:\n  - { number: \"\\x07\" }\n")
            .unwrap();
        let crate::yaml::Yaml::Map(m) = v else {
            panic!()
        };
        assert_eq!(first_in_value(&m[0].1), Some('\u{1b}'));
        assert_eq!(first_in_value(&m[1].1), Some('\u{7}'));
        let plain = crate::yaml::parse("title: Kế hoạch ạ\n").unwrap();
        assert_eq!(first_in_value(&plain), None);
    }

    #[test]
    fn finds_controls_and_noncharacters_but_not_text() {
        assert_eq!(first_bad("Kế hoạch\tsố 1\r\n"), None);
        assert_eq!(first_bad("Đoàn – “x” € ￼"), None, "EF/C2-led text is fine");
        assert_eq!(first_bad("ab\u{1b}[2J"), Some((2, '\u{1b}')));
        assert_eq!(first_bad("a\u{7f}"), Some((1, '\u{7f}')));
        assert_eq!(first_bad("a\u{9b}"), Some((1, '\u{9b}')), "C1 CSI");
        assert_eq!(first_bad("a\u{fffe}"), Some((1, '\u{fffe}')));
        assert_eq!(first_bad("a\u{ffff}"), Some((1, '\u{ffff}')));
        assert_eq!(first_bad("\u{0}"), Some((0, '\u{0}')));
    }

    #[test]
    fn replaces_each_with_the_replacement_character() {
        let (s, n) = replace_bad("a\u{1}b\u{ffff}c\u{85}");
        assert_eq!((s.as_ref(), n), ("a\u{fffd}b\u{fffd}c\u{fffd}", 3));
        assert!(matches!(replace_bad("Dân số\n").0, Cow::Borrowed(_)));
    }

    #[test]
    fn positions_count_characters() {
        let s = "dòng một\nđã \u{1b}x";
        let at = first_bad(s).unwrap().0;
        assert_eq!(line_col(s, at), (2, 4));
        assert_eq!(name('\u{1b}'), "U+001B");
    }
}
