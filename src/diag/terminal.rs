//! Diagnostics for a terminal: one diagnostic with its source line, and a
//! whole run's list with errors first and warnings grouped by kind.

use std::fmt::Write as _;
use std::path::Path;

use super::{lang, Diagnostic, Diagnostics, Lang, Severity};

/// How many warnings of one kind are printed in full unless `--all`.
pub const WARNINGS_SHOWN_PER_KIND: usize = 20;

struct Words {
    error: &'static str,
    warning: &'static str,
    help: &'static str,
    example: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Vi => Words {
            error: "lỗi",
            warning: "cảnh báo",
            help: "cách sửa",
            example: "ví dụ",
        },
        Lang::En => Words {
            error: "error",
            warning: "warning",
            help: "help",
            example: "example",
        },
    }
}

/// Renders one diagnostic in the process's language (see [`super::set_lang`]).
pub fn render(d: &Diagnostic, root: &Path, color: bool) -> String {
    render_in(d, root, color, lang())
}

/// Renders one diagnostic for a terminal, with the source line when it can
/// be read from `root/path`. `color` adds ANSI styles.
pub fn render_in(d: &Diagnostic, root: &Path, color: bool, lang: Lang) -> String {
    let (style, reset, bold, blue) = if color {
        let s = match d.severity {
            Severity::Error => "\x1b[1;31m",
            Severity::Warning => "\x1b[1;33m",
        };
        (s, "\x1b[0m", "\x1b[1m", "\x1b[1;34m")
    } else {
        ("", "", "", "")
    };
    let w = words(lang);
    let label = match d.severity {
        Severity::Error => w.error,
        Severity::Warning => w.warning,
    };
    let text = d.text(lang);
    // Untranslated messages have no kind worth showing.
    let kind = match d.kind() {
        "legacy" => String::new(),
        k => format!("[{k}]"),
    };
    let message = shown(&text.message);
    let mut out = format!("{style}{label}{kind}{reset}{bold}: {message}{reset}\n");
    if let Some(loc) = d.location() {
        let _ = writeln!(out, "  {blue}-->{reset} {loc}");
        if let (Some(path), Some(line)) = (&d.path, d.line) {
            if let Some(src) = source_line(&root.join(path), line) {
                let (src, col) = window(&src, d.column);
                let src = escape_controls(&src);
                let num = line.to_string();
                let pad = " ".repeat(num.len());
                let _ = writeln!(out, "  {pad} {blue}|{reset}");
                let _ = writeln!(out, "  {blue}{num} |{reset} {src}");
                if let Some(col) = col {
                    let width = underline_width(&src, col);
                    let _ = writeln!(
                        out,
                        "  {pad} {blue}|{reset} {}{style}{}{reset}",
                        " ".repeat(col.saturating_sub(1)),
                        "^".repeat(width)
                    );
                }
            }
        }
    }
    if let Some(help) = &text.help {
        let help = shown(help);
        let _ = writeln!(out, "  {blue}={reset} {bold}{}{reset}: {help}", w.help);
    }
    if let Some(example) = &text.example {
        let mut lines = example.lines();
        if let Some(first) = lines.next() {
            let first = shown(first);
            let _ = writeln!(out, "  {blue}={reset} {bold}{}{reset}: {first}", w.example);
            let indent = " ".repeat(w.example.chars().count() + 6);
            for l in lines {
                let _ = writeln!(out, "{indent}{}", shown(l));
            }
        }
    }
    out
}

/// A whole run's diagnostics: every error, then warnings grouped by kind
/// with their count, at most [`WARNINGS_SHOWN_PER_KIND`] of each unless `all`.
pub fn summary_lines(ds: &Diagnostics, root: &Path, color: bool, lang: Lang, all: bool) -> String {
    let mut out = String::new();
    for d in ds.iter().filter(|d| d.is_error()) {
        out.push_str(&render_in(d, root, color, lang));
    }
    let mut kinds: Vec<&'static str> = Vec::new();
    for d in ds.iter().filter(|d| !d.is_error()) {
        if !kinds.contains(&d.kind()) {
            kinds.push(d.kind());
        }
    }
    for kind in kinds {
        let of_kind: Vec<&Diagnostic> = ds
            .iter()
            .filter(|d| !d.is_error() && d.kind() == kind)
            .collect();
        if of_kind.len() > 1 {
            let _ = writeln!(
                out,
                "{}",
                match lang {
                    Lang::Vi => format!("── {} cảnh báo [{kind}] ──", of_kind.len()),
                    Lang::En => format!("── {} warnings [{kind}] ──", of_kind.len()),
                }
            );
        }
        let shown = if all {
            of_kind.len()
        } else {
            WARNINGS_SHOWN_PER_KIND
        };
        for d in of_kind.iter().take(shown) {
            out.push_str(&render_in(d, root, color, lang));
        }
        if of_kind.len() > shown {
            let more = of_kind.len() - shown;
            let _ = writeln!(
                out,
                "{}",
                match lang {
                    Lang::Vi =>
                        format!("và {more} cảnh báo [{kind}] khác (planportal check --all)"),
                    Lang::En =>
                        format!("and {more} more [{kind}] warnings (planportal check --all)"),
                }
            );
        }
    }
    out
}

/// Characters of a source line shown under a diagnostic: a minified or
/// pasted line of megabytes must not flood the terminal.
pub const QUOTE_MAX: usize = 160;
/// Characters of a message or help text; longer ones end in `…`.
const MESSAGE_MAX: usize = 600;

/// `s` cut to `max` characters, with `…` when something was cut. For
/// messages that quote content: `diag::clip(text, diag::QUOTE_MAX)`.
pub fn clip(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => s.into(),
        Some((i, _)) => format!("{}…", &s[..i]).into(),
    }
}

/// Content cannot drive the terminal: control characters (but tab) and the
/// invisible bidirectional overrides are shown as Rust escapes (`\u{1b}`).
pub fn escape_controls(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        (c.is_control() && c != '\t' && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !s.chars().any(bad) {
        return s.into();
    }
    s.chars()
        .map(|c| {
            if bad(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// A message or help text as the terminal gets it.
fn shown(s: &str) -> String {
    escape_controls(&clip(s, MESSAGE_MAX)).into_owned()
}

/// At most [`QUOTE_MAX`] characters of `src` around column `col`, and the
/// column within that window. Newlines cannot occur in a line.
fn window(src: &str, col: Option<usize>) -> (String, Option<usize>) {
    let len = src.chars().count();
    if len <= QUOTE_MAX {
        return (src.to_string(), col);
    }
    let at = col.unwrap_or(1).saturating_sub(1).min(len);
    let start = at.saturating_sub(QUOTE_MAX / 4).min(len - QUOTE_MAX);
    let mut out: String = src.chars().skip(start).take(QUOTE_MAX).collect();
    let lead = if start > 0 { "…" } else { "" };
    if start + QUOTE_MAX < len {
        out.push('…');
    }
    (
        format!("{lead}{out}"),
        col.map(|c| c - start + lead.chars().count()),
    )
}

fn source_line(path: &Path, line: usize) -> Option<String> {
    let text = std::fs::read(path).ok()?;
    let text = String::from_utf8_lossy(&text);
    let l = text.lines().nth(line.checked_sub(1)?)?;
    Some(l.trim_start_matches('\u{feff}').trim_end().to_string())
}

/// Underlines the word that starts at `col` (at least one caret).
fn underline_width(src: &str, col: usize) -> usize {
    let rest: String = src.chars().skip(col.saturating_sub(1)).collect();
    let word = rest
        .split(|c: char| c.is_whitespace() || c == ':')
        .next()
        .unwrap_or("");
    word.chars().count().max(1)
}

#[cfg(test)]
mod tests {
    use super::super::Msg;
    use super::*;

    fn unknown_isuer() -> Diagnostic {
        Diagnostic::err(Msg::UnknownKey {
            key: "titel".into(),
            within: None,
            suggestion: Some("title".into()),
            known: vec![],
        })
        .at("a.md", Some(2))
        .col(Some(1))
    }

    #[test]
    fn renders_location_source_help_and_example_in_both_languages() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "---\ntitel: x\n---\n").unwrap();
        let d = unknown_isuer();
        assert_eq!(
            render_in(&d, dir.path(), false, Lang::En),
            "error[unknown-key]: unknown key `titel`\n  --> a.md:2:1\n    |\n  2 | titel: x\n    | ^^^^^\n  = help: did you mean `title`?\n  = example: title: Kế hoạch thực hiện công tác dân số năm 2026\n"
        );
        assert_eq!(
            render_in(&d, dir.path(), false, Lang::Vi),
            "lỗi[unknown-key]: không có khóa `titel`\n  --> a.md:2:1\n    |\n  2 | titel: x\n    | ^^^^^\n  = cách sửa: có phải ý bạn là `title`?\n  = ví dụ: title: Kế hoạch thực hiện công tác dân số năm 2026\n"
        );
    }

    #[test]
    fn content_cannot_drive_the_terminal() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.md"),
            "---\ntitle: \x1b[2J\x1b]0;pwned\x07 x\u{202E}\n---\n",
        )
        .unwrap();
        let d = Diagnostic::error("bad `\x1b[31m`\r")
            .at("a.md", Some(2))
            .col(Some(8))
            .help("\x1b[0m");
        let s = render(&d, dir.path(), false);
        assert!(
            !s.contains('\x1b')
                && !s.contains('\x07')
                && !s.contains('\r')
                && !s.contains('\u{202E}'),
            "{s:?}"
        );
        assert!(
            s.contains("title: \\u{1b}[2J\\u{1b}]0;pwned\\u{7} x\\u{202e}"),
            "{s}"
        );
        assert!(s.starts_with("error: bad `\\u{1b}[31m`\\u{d}\n"), "{s}");
    }

    #[test]
    fn a_huge_line_is_quoted_in_a_window_around_the_column() {
        let dir = tempfile::tempdir().unwrap();
        let line = format!("{}NEEDLE{}", "a".repeat(100_000), "b".repeat(100_000));
        std::fs::write(dir.path().join("a.md"), &line).unwrap();
        let d = Diagnostic::warning("x".repeat(5_000))
            .at("a.md", Some(1))
            .col(Some(100_001));
        let s = render(&d, dir.path(), false);
        assert!(s.len() < 2_500, "{} bytes", s.len());
        let lines: Vec<&str> = s.lines().collect();
        let (src, caret) = (lines[3], lines[4]);
        assert!(src.chars().count() <= QUOTE_MAX + 10, "{src}");
        let at = src[..src.find("NEEDLE").unwrap()].chars().count();
        assert_eq!(
            caret.find('^'),
            Some(at),
            "the caret still points at the column"
        );
    }

    #[test]
    fn groups_warnings_by_kind_and_folds_after_twenty() {
        let mut ds = Diagnostics::default();
        for i in 0..25 {
            ds.push(Diagnostic::warn(Msg::LeapDay {
                name: format!("n{i}"),
            }));
        }
        ds.push(Diagnostic::warn(Msg::DraftLacks { key: "date".into() }));
        ds.push(unknown_isuer());
        let root = Path::new("/nonexistent");
        let s = summary_lines(&ds, root, false, Lang::Vi, false);
        assert!(s.starts_with("lỗi[unknown-key]"), "errors first:\n{s}");
        assert!(s.contains("── 25 cảnh báo [leap-day] ──"));
        assert_eq!(s.matches("cảnh báo[leap-day]").count(), 20);
        assert!(s.contains("và 5 cảnh báo [leap-day] khác (planportal check --all)"));
        assert!(s.contains("cảnh báo[draft-lacks]"));
        let all = summary_lines(&ds, root, false, Lang::Vi, true);
        assert_eq!(all.matches("cảnh báo[leap-day]").count(), 25);
        assert!(!all.contains("khác (planportal check --all)"));
    }
}
