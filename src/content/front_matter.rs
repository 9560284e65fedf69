//! Splitting a file into its YAML front matter and Markdown body.
//!
//! Works on text only (no disk) and keeps the body's line offset so later
//! messages about the body point at the right line of the file.

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

/// Why a file could not be split; the message says what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitError {
    pub message: String,
    pub help: String,
    pub line: usize,
}

/// Splits `text` (already without a BOM, with `\n` line ends).
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    if text.trim().is_empty() {
        return Err(SplitError {
            message: "the file is empty".into(),
            help: "start it with front matter: a line `---`, `title: …`, and a closing `---`"
                .into(),
            line: 1,
        });
    }
    let first_line = text.lines().next().unwrap_or("");
    if first_line.trim_end() != "---" {
        return Err(SplitError {
            message: "front matter is missing: the file must start with a line `---`".into(),
            help: "add `---` as the first line, then `title: …` and the other keys, then `---` before the body".into(),
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
    Err(SplitError {
        message: "front matter is not closed".into(),
        help: "add a line `---` after the last front-matter key, before the body".into(),
        line: 1,
    })
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
        assert!(split("").unwrap_err().message.contains("empty"));
        assert!(split("  \n").unwrap_err().message.contains("empty"));
        assert!(split("title: a\n").unwrap_err().message.contains("missing"));
        assert!(split("---\ntitle: a\n")
            .unwrap_err()
            .message
            .contains("not closed"));
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
