//! YAML syntax errors in the officer's terms: what is wrong with the line,
//! not what the parser expected. [`crate::yaml`] classifies its parser's
//! errors into these; the diagnostic's position is where the fix goes.

/// Why a front matter (or `site.yaml`) is not valid YAML.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(tag = "problem", rename_all = "kebab-case")]
pub enum YamlProblem {
    /// A line without `key: value` (`issuer UBND`).
    MissingColon,
    /// A value holding `: ` (`title: Kế hoạch: năm 2026`) needs quotes.
    ColonInValue,
    /// A `key:` line indented under a plain value.
    IndentedKey,
    /// A value starting with a character YAML reserves (`@`, `` ` ``, `%`, `*`, `&`, `!`).
    BadStart { ch: char },
    /// A tab where YAML wants spaces.
    Tab,
    /// A quoted value whose closing quote is missing.
    UnclosedQuote,
    /// A `[` or `{` list never closed.
    UnclosedBracket { close: char },
    /// A line whose indentation fits no level above it.
    BadIndent,
    /// The same key twice.
    DuplicateKey { key: String },
    /// Anything else: the parser's words, untranslated.
    Other { detail: String },
}
