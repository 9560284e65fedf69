//! Diagnostics: what went wrong, where, and what would be right.
//!
//! Every stage reports problems as [`Diagnostic`]s into a [`Diagnostics`]
//! list and keeps going, so one run shows every problem at once. What a
//! diagnostic says is a [`Msg`] of the [catalogue](catalogue): one typed
//! value per kind of problem, rendered in Vietnamese or English only when
//! printed (terminal, serve overlay). Code decides by [`Diagnostic::kind`],
//! never by message text.

mod catalogue;
mod en;
pub mod terminal;
mod vi;
mod yaml_problem;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU8, Ordering};

pub use catalogue::{Found, Key, Msg, Within};
pub use terminal::{clip, escape_controls, render, render_in, summary_lines, QUOTE_MAX};
pub use yaml_problem::YamlProblem;

/// How bad a problem is: errors fail the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// The language messages are printed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// `vi` or `en` (also `vi-VN`, `en-US`, any case); anything else is None.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        match s.split(['-', '_']).next().unwrap_or("") {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// A site's `language` setting as a message language: Vietnamese unless it says English.
    pub fn of_site(language: &str) -> Lang {
        Lang::parse(language).unwrap_or(Lang::Vi)
    }
}

/// 0 unset, 1 Vietnamese, 2 English. Unset (library use, unit tests) reads
/// as English, the language the tests were first written in; the binary
/// always sets it.
static LANG: AtomicU8 = AtomicU8::new(0);

/// Sets the language of [`render`] and [`Diagnostic::message`] for this
/// process (the binary does it once from `--lang` or the site's `language`).
pub fn set_lang(lang: Lang) {
    let code = match lang {
        Lang::Vi => 1,
        Lang::En => 2,
    };
    LANG.store(code, Ordering::Relaxed);
}

/// The process's message language (see [`set_lang`]).
pub fn lang() -> Lang {
    match LANG.load(Ordering::Relaxed) {
        1 => Lang::Vi,
        _ => Lang::En,
    }
}

impl Diagnostic {
    /// The advice in the process's language, for callers that print it themselves.
    pub fn help_text(&self) -> Option<String> {
        self.msg.text(lang()).help
    }
}

/// What a message says in one language: the problem, how to fix it, and an
/// example line to write.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Text {
    pub message: String,
    pub help: Option<String>,
    pub example: Option<String>,
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
    /// What is wrong, as a catalogue entry (boxed: diagnostics travel in
    /// `Result`s, and the largest entries are several strings).
    pub msg: Box<Msg>,
}

impl Diagnostic {
    /// An error from the catalogue.
    pub fn err(msg: Msg) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: None,
            line: None,
            column: None,
            msg: Box::new(msg),
        }
    }

    /// A warning from the catalogue.
    pub fn warn(msg: Msg) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::err(msg)
        }
    }

    /// An error whose text is not in the catalogue yet (the same in both
    /// languages); prefer [`Diagnostic::err`] with a [`Msg`].
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic::err(Msg::Legacy {
            message: message.into(),
            help: None,
        })
    }

    /// A warning whose text is not in the catalogue yet; prefer [`Diagnostic::warn`].
    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic::warn(Msg::Legacy {
            message: message.into(),
            help: None,
        })
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

    /// Adds advice to an untranslated message; catalogue messages bring their own.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        if let Msg::Legacy { help: h, .. } = &mut *self.msg {
            *h = Some(help.into());
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The stable name of this kind of problem (`unknown-key`, `date-impossible`):
    /// what code tests and what `check` groups warnings by.
    pub fn kind(&self) -> &'static str {
        self.msg.kind()
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> Text {
        self.msg.text(lang)
    }

    /// The message in the process's language (see [`set_lang`]).
    pub fn message(&self) -> String {
        self.msg.text(lang()).message
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
        self.items.sort_by_cached_key(|d| {
            (
                d.path.clone(),
                d.line,
                d.severity,
                d.column,
                d.kind(),
                d.text(Lang::En).message,
            )
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

#[cfg(test)]
mod tests {
    use super::*;

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
