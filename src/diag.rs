//! Diagnostics: what went wrong, where, and what would be right.
//!
//! Every stage reports problems as [`Diagnostic`]s into a [`Diagnostics`]
//! list and keeps going, so one run shows every problem at once. Only
//! `main` prints them and chooses the exit code.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// How bad a problem is: errors fail the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem, located as precisely as we know.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file, relative to the site root when it is inside it.
    pub path: Option<PathBuf>,
    /// 1-based line in the file.
    pub line: Option<usize>,
    /// 1-based column in the line (characters, not bytes).
    pub column: Option<usize>,
    /// What is wrong, short and lowercase.
    pub message: String,
    /// What would be right, when we can say.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: None,
            line: None,
            column: None,
            message: message.into(),
            help: None,
        }
    }

    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    pub fn at(mut self, path: impl AsRef<Path>, line: Option<usize>) -> Self {
        self.path = Some(path.as_ref().to_path_buf());
        self.line = line;
        self
    }

    pub fn col(mut self, column: Option<usize>) -> Self {
        self.column = column;
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col`, as editors and terminals link it.
    pub fn location(&self) -> Option<String> {
        let path = self.path.as_ref()?;
        let mut s = path.display().to_string();
        if let Some(l) = self.line {
            let _ = write!(s, ":{l}");
            if let Some(c) = self.column {
                let _ = write!(s, ":{c}");
            }
        }
        Some(s)
    }
}

/// An ordered collection of diagnostics.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Sorted by file, line, then errors before warnings, so output is stable
    /// however the parallel stages finished.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            (&a.path, a.line, a.severity, &a.message)
                .cmp(&(&b.path, b.line, b.severity, &b.message))
        });
        self.items.dedup();
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// Renders one diagnostic for a terminal, with the source line when it can
/// be read from `root/path`. `color` adds ANSI styles.
pub fn render(d: &Diagnostic, root: &Path, color: bool) -> String {
    let (style, reset, bold, blue) = if color {
        let s = match d.severity {
            Severity::Error => "\x1b[1;31m",
            Severity::Warning => "\x1b[1;33m",
        };
        (s, "\x1b[0m", "\x1b[1m", "\x1b[1;34m")
    } else {
        ("", "", "", "")
    };
    let label = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let message = shown(&d.message);
    let mut out = format!("{style}{label}{reset}{bold}: {message}{reset}\n");
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
    if let Some(help) = &d.help {
        let help = shown(help);
        let _ = writeln!(out, "  {blue}={reset} {bold}help{reset}: {help}");
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
    use super::*;

    #[test]
    fn renders_location_source_and_help() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "---\ntitel: x\n---\n").unwrap();
        let d = Diagnostic::error("unknown key `titel`")
            .at("a.md", Some(2))
            .col(Some(1))
            .help("did you mean `title`?");
        let s = render(&d, dir.path(), false);
        assert_eq!(
            s,
            "error: unknown key `titel`\n  --> a.md:2:1\n    |\n  2 | titel: x\n    | ^^^^^\n  = help: did you mean `title`?\n"
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
    fn sort_puts_files_and_lines_in_order() {
        let mut ds = Diagnostics::default();
        ds.push(Diagnostic::warning("w").at("b.md", Some(1)));
        ds.push(Diagnostic::error("e").at("a.md", Some(9)));
        ds.push(Diagnostic::error("e2").at("a.md", Some(2)));
        ds.sort();
        let lines: Vec<_> = ds.iter().map(|d| d.location().unwrap()).collect();
        assert_eq!(lines, ["a.md:2", "a.md:9", "b.md:1"]);
    }
}
