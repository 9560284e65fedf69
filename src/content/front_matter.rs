//! Splitting a file into its YAML front matter and Markdown body.
//!
//! Works on text only (no disk) and keeps the body's line offset so later
//! messages about the body point at the right line of the file.

use crate::diag::Msg;

/// A file split at its `---` fences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the fences, line ends normalised to `\n`.
    pub yaml: &'a str,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// 1-based line of the file where the YAML starts (the line after `---`).
    pub yaml_line: usize,
    /// 1-based line of the file where the body starts.
    pub body_line: usize,
}

/// Why a file could not be split, and the line where the fix goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitError {
    pub msg: Msg,
    pub line: usize,
}

/// Splits `text` (already without a BOM, with `\n` line ends).
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    if text.trim().is_empty() {
        return Err(SplitError {
            msg: Msg::FileEmpty,
            line: 1,
        });
    }
    let first_line = text.lines().next().unwrap_or("");
    if first_line.trim_end() != "---" {
        return Err(SplitError {
            msg: Msg::NoOpeningFence,
            line: 1,
        });
    }
    let after_open = &text[first_line.len()..];
    let after_open = after_open.strip_prefix('\n').unwrap_or(after_open);
    let mut offset = 0;
    for (i, line) in after_open.split_inclusive('\n').enumerate() {
        let content = line.trim_end_matches('\n').trim_end();
        if content == "---" || content == "..." {
            let yaml = &after_open[..offset];
            let body = &after_open[offset + line.len()..];
            return Ok(Split {
                yaml,
                body,
                yaml_line: 2,
                body_line: i + 3,
            });
        }
        offset += line.len();
    }
    // The fence goes after the last front-matter line, before the body.
    let lines: Vec<&str> = after_open.lines().collect();
    let body = lines
        .iter()
        .position(|l| reads_as_body(l))
        .unwrap_or(lines.len());
    let after = last_front_matter_line(&lines[..body]) + 1;
    Err(SplitError {
        msg: Msg::UnclosedFrontMatter { after },
        line: after + 1,
    })
}

/// When the YAML between the fences holds the start of the body (the real
/// closing fence was forgotten and a later `---` rule closed it), the YAML
/// line after which the fence belongs. None when every line reads as front
/// matter, or when one of `keys` follows the odd line (a broken line inside
/// the front matter, not a missing fence).
pub fn forgotten_fence(yaml: &str, keys: &[&str]) -> Option<usize> {
    let lines: Vec<&str> = yaml.lines().collect();
    let body = lines.iter().position(|l| reads_as_body(l))?;
    let key_follows = lines[body + 1..].iter().any(|l| {
        keys.iter().any(|k| {
            l.strip_prefix(k)
                .is_some_and(|r| r.trim_start().starts_with(':'))
        })
    });
    (!key_follows).then(|| last_front_matter_line(&lines[..body]))
}

/// 1-based index of the last line that is neither blank nor a comment (0 if none).
fn last_front_matter_line(lines: &[&str]) -> usize {
    lines
        .iter()
        .rposition(|l| {
            let t = l.trim();
            !t.is_empty() && !t.starts_with('#')
        })
        .map_or(0, |i| i + 1)
}

/// Whether a line reads as Markdown rather than front matter: front matter
/// is blank lines, `# comments`, indented or `- ` continuation lines and
/// `key:` lines with a plain ASCII key (typos included); a `## heading` or a
/// line of prose is the body.
fn reads_as_body(line: &str) -> bool {
    let l = line.trim_end();
    if l.is_empty() || l.starts_with([' ', '\t', '-', ']', '}']) {
        return false;
    }
    if l.starts_with('#') {
        return l.starts_with("##");
    }
    let key_len = l
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(l.len());
    let rest = l[key_len..].trim_start();
    !(key_len > 0 && rest.starts_with(':') && (rest.len() == 1 || rest[1..].starts_with(' ')))
}

/// Strips a UTF-8 byte-order mark, turns CRLF / CR line ends into `\n` and
/// composes the text to Unicode NFC: text pasted from PDFs or typed on a Mac
/// may spell "ệ" as "e" + two combining marks, and every output is NFC (the
/// contract). Returns the input untouched (borrowed) when there is nothing to do.
pub fn normalize(text: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let t = text.strip_prefix('\u{feff}').unwrap_or(text);
    let t = if t.contains('\r') {
        Cow::Owned(t.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(t)
    };
    match crate::legal::text::nfc(&t) {
        Cow::Borrowed(_) => t,
        Cow::Owned(composed) => Cow::Owned(composed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_counts_lines() {
        let s = split("---\ntitle: a\nx: 1\n---\nbody\n").unwrap();
        assert_eq!(s.yaml, "title: a\nx: 1\n");
        assert_eq!(s.body, "body\n");
        assert_eq!(s.body_line, 5);
    }

    #[test]
    fn empty_front_matter_and_no_body() {
        let s = split("---\n---").unwrap();
        assert_eq!(s.yaml, "");
        assert_eq!(s.body, "");
    }

    #[test]
    fn refuses_empty_missing_and_unclosed() {
        assert_eq!(split("").unwrap_err().msg, Msg::FileEmpty);
        assert_eq!(split("  \n").unwrap_err().msg, Msg::FileEmpty);
        assert_eq!(split("title: a\n").unwrap_err().msg, Msg::NoOpeningFence);
        assert_eq!(
            split("---\ntitle: a\n").unwrap_err(),
            SplitError {
                msg: Msg::UnclosedFrontMatter { after: 2 },
                line: 3
            }
        );
    }

    #[test]
    fn unclosed_front_matter_wants_the_fence_before_the_body() {
        let text = "---\ntitle: a\n# ghi chú\nissuer: b\n\n# I. MỤC ĐÍCH\n\nNội dung kế hoạch.\n";
        assert_eq!(
            split(text).unwrap_err().msg,
            Msg::UnclosedFrontMatter { after: 4 }
        );
    }

    #[test]
    fn forgotten_fence_is_told_from_a_broken_line() {
        let keys = &["title", "issuer", "date"];
        let forgot = "title: a\nissuer: b\n\n## Mục đích\n\nNội dung: thực hiện tốt.\nĐoạn hai.\n";
        assert_eq!(forgotten_fence(forgot, keys), Some(2));
        let broken = "title: a\nissuer UBND\ndate: 2026-01-15\n";
        assert_eq!(forgotten_fence(broken, keys), None);
        assert_eq!(forgotten_fence("title: a\nbasis:\n  - x\n", keys), None);
    }

    #[test]
    fn bom_and_crlf() {
        let n = normalize("\u{feff}---\r\ntitle: a\r\n---\r\nb\r\n");
        assert_eq!(n, "---\ntitle: a\n---\nb\n");
        assert!(matches!(normalize("---\n"), std::borrow::Cow::Borrowed(_)));
        assert!(matches!(
            normalize("Kế hoạch\n"),
            std::borrow::Cow::Borrowed(_)
        ));
        // "Kế hoạch" decomposed: e + U+0302 + U+0301, a + U+0323.
        assert_eq!(normalize("Ke\u{302}\u{301} hoa\u{323}ch\r\n"), "Kế hoạch\n");
    }

    #[test]
    fn body_may_contain_horizontal_rules() {
        let s = split("---\ntitle: a\n---\nx\n\n---\n\ny\n").unwrap();
        assert_eq!(s.body, "x\n\n---\n\ny\n");
    }
}
