//! The one place that knows which YAML library we use.
//!
//! `serde_yaml` is deprecated upstream. Everything else in planportal sees
//! only [`Yaml`], a plain tree with keys in file order, and [`YamlError`],
//! so replacing the parser is a change to this file alone.

use std::fmt;

use crate::diag::YamlProblem;

/// A parsed YAML value. Scalars keep their text so callers decide what a
/// number or date means (a document number like `2025` stays readable).
#[derive(Debug, Clone, PartialEq)]
pub enum Yaml {
    Null,
    Bool(bool),
    /// A number, as YAML printed it back (`12`, `1.5`).
    Number(String),
    String(String),
    Seq(Vec<Yaml>),
    /// Keys in the order the file gives them.
    Map(Vec<(String, Yaml)>),
}

impl Yaml {
    /// What this value is, for messages ("expected text, found a list").
    pub fn kind(&self) -> &'static str {
        match self {
            Yaml::Null => "nothing",
            Yaml::Bool(_) => "true/false",
            Yaml::Number(_) => "a number",
            Yaml::String(_) => "text",
            Yaml::Seq(_) => "a list",
            Yaml::Map(_) => "a mapping",
        }
    }

    /// Scalar as text: strings, numbers and booleans; None for lists, maps and null.
    pub fn as_text(&self) -> Option<String> {
        match self {
            Yaml::String(s) => Some(s.clone()),
            Yaml::Number(n) => Some(n.clone()),
            Yaml::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
}

/// A syntax error with its position inside the YAML text (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The parser's error in the officer's terms.
    pub problem: YamlProblem,
}

impl fmt::Display for YamlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Parses one YAML document. An empty text is `Yaml::Null`.
pub fn parse(text: &str) -> Result<Yaml, YamlError> {
    let value: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| {
        let loc = e.location();
        let raw = e.to_string();
        let (line, column) = (
            loc.as_ref().map(|l| l.line()),
            loc.as_ref().map(|l| l.column()),
        );
        let (problem, line, column) = classify(text, &raw, line, column);
        YamlError {
            message: clean_message(&raw),
            line,
            column,
            problem,
        }
    })?;
    convert(value)
}

fn convert(v: serde_yaml::Value) -> Result<Yaml, YamlError> {
    use serde_yaml::Value as V;
    Ok(match v {
        V::Null => Yaml::Null,
        V::Bool(b) => Yaml::Bool(b),
        V::Number(n) => Yaml::Number(n.to_string()),
        V::String(s) => Yaml::String(s),
        V::Sequence(items) => Yaml::Seq(items.into_iter().map(convert).collect::<Result<_, _>>()?),
        V::Mapping(m) => {
            let mut out = Vec::with_capacity(m.len());
            for (k, v) in m {
                let key = match k {
                    V::String(s) => s,
                    V::Number(n) => n.to_string(),
                    V::Bool(b) => b.to_string(),
                    other => {
                        return Err(YamlError {
                            message: format!("a key must be plain text, found {other:?}"),
                            line: None,
                            column: None,
                            problem: YamlProblem::Other {
                                detail: format!("a key must be plain text, found {other:?}"),
                            },
                        })
                    }
                };
                out.push((key, convert(v)?));
            }
            Yaml::Map(out)
        }
        V::Tagged(t) => convert(t.value)?,
    })
}

/// `while scanning … at line L column C`: where the construct the parser
/// could not finish began, which is where an officer fixes it.
fn context_position(raw: &str) -> Option<(usize, usize)> {
    let rest = &raw[raw.find(", while ")?..];
    let at = &rest[rest.find(" at line ")? + " at line ".len()..];
    let (line, col) = at.split_once(" column ")?;
    let col: String = col.chars().take_while(char::is_ascii_digit).collect();
    Some((line.trim().parse().ok()?, col.parse().ok()?))
}

/// Turns libyaml's wording into a [`YamlProblem`] and moves the position to
/// the line that needs the fix. The parser's English is matched here, once,
/// because it offers nothing typed.
fn classify(
    text: &str,
    raw: &str,
    line: Option<usize>,
    column: Option<usize>,
) -> (YamlProblem, Option<usize>, Option<usize>) {
    let context = context_position(raw);
    let line_text = |l: usize| text.lines().nth(l.saturating_sub(1)).unwrap_or("");
    let at_context = |p| match context {
        Some((l, c)) => (p, Some(l), Some(c)),
        None => (p, line, column),
    };
    let what = clean_message(raw);
    if what.starts_with("could not find expected ':'") {
        return at_context(YamlProblem::MissingColon);
    }
    if what.starts_with("mapping values are not allowed") {
        let indented = line.is_some_and(|l| line_text(l).starts_with([' ', '\t']));
        return if indented {
            (YamlProblem::IndentedKey, line, Some(1))
        } else {
            (YamlProblem::ColonInValue, line, column)
        };
    }
    if what.starts_with("found character that cannot start any token") {
        let ch = match (line, column) {
            (Some(l), Some(c)) => line_text(l).chars().nth(c - 1).unwrap_or('?'),
            _ => '?',
        };
        return (YamlProblem::BadStart { ch }, line, column);
    }
    if what.starts_with("unknown anchor") {
        return (YamlProblem::BadStart { ch: '*' }, line, column);
    }
    if what.contains("tab character") {
        return (YamlProblem::Tab, line, Some(1));
    }
    if raw.contains("while scanning a quoted scalar") {
        return at_context(YamlProblem::UnclosedQuote);
    }
    if what.starts_with("did not find expected ',' or ']'") {
        return at_context(YamlProblem::UnclosedBracket { close: ']' });
    }
    if what.starts_with("did not find expected ',' or '}'") {
        return at_context(YamlProblem::UnclosedBracket { close: '}' });
    }
    if what.starts_with("did not find expected key")
        || what.starts_with("block sequence entries are not allowed")
    {
        return (YamlProblem::BadIndent, line, Some(1));
    }
    if let Some(rest) = what.strip_prefix("duplicate entry with key ") {
        let key = rest.trim_matches('"').to_string();
        let second = text
            .lines()
            .enumerate()
            .filter(|(_, l)| {
                l.strip_prefix(key.as_str())
                    .is_some_and(|r| r.trim_start().starts_with(':'))
            })
            .nth(1)
            .map(|(i, _)| i + 1);
        return (YamlProblem::DuplicateKey { key }, second.or(line), Some(1));
    }
    (YamlProblem::Other { detail: what }, line, column)
}

/// serde_yaml appends " at line X column Y"; we print positions ourselves.
fn clean_message(msg: &str) -> String {
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_key_order_and_scalar_text() {
        let y = parse("b: 1\na: x\nc: [1, two]\n").unwrap();
        let Yaml::Map(m) = y else { panic!() };
        assert_eq!(m[0], ("b".into(), Yaml::Number("1".into())));
        assert_eq!(m[1], ("a".into(), Yaml::String("x".into())));
        assert_eq!(
            m[2].1,
            Yaml::Seq(vec![Yaml::Number("1".into()), Yaml::String("two".into())])
        );
    }

    #[test]
    fn dates_stay_text() {
        let y = parse("date: 2026-01-15\nd2: 15/1/2026\n").unwrap();
        let Yaml::Map(m) = y else { panic!() };
        assert_eq!(m[0].1, Yaml::String("2026-01-15".into()));
        assert_eq!(m[1].1, Yaml::String("15/1/2026".into()));
    }

    #[test]
    fn errors_carry_position() {
        let e = parse("title: a\n  bad: [\n").unwrap_err();
        assert!(e.line.is_some(), "{e:?}");
        assert!(!e.message.contains(" at line "));
    }
}
