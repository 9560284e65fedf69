//! Writing the front matter of a drafted plan as YAML text.
//!
//! Only `crate::yaml` may use the YAML library, and it only parses; so this
//! module writes the few shapes a plan needs by hand (scalars, lists of
//! scalars, comments) and quotes every value that plain YAML would misread.
//! The result is always checked by `content::document::parse` before it is
//! written to disk (see `mod.rs`).

use chrono::NaiveDate;

/// The fields `import` fills, in the order they are written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: String,
    pub number: Option<String>,
    pub issuer: Option<String>,
    pub jurisdiction: Option<String>,
    pub date: Option<NaiveDate>,
    pub signer: Option<String>,
    pub basis: Vec<String>,
    pub campaigns: Vec<String>,
    pub draft: bool,
    /// Comment lines written at the top (without the leading `# `).
    pub notes: Vec<String>,
    /// Why a key is absent, written as a comment where the key would be.
    pub missing: Vec<(&'static str, String)>,
    /// What the officer must check (OCR corrections, inferred fields, dates
    /// left out), written as comments before `draft:`.
    pub review: Vec<String>,
}

/// The YAML block between `---` lines, ready to be followed by the body.
pub fn render(fm: &FrontMatter) -> String {
    let mut out = String::from("---\n");
    for n in &fm.notes {
        out.push_str(&comment(n));
    }
    let key = |out: &mut String, name: &'static str, value: Option<String>| match value {
        // A list's value starts on the next line: no space after the colon.
        Some(v) if v.starts_with('\n') => out.push_str(&format!("{name}:{v}\n")),
        Some(v) => out.push_str(&format!("{name}: {v}\n")),
        None => {
            if let Some((_, why)) = fm.missing.iter().find(|(k, _)| *k == name) {
                out.push_str(&comment(&format!("{name}: {why}")));
            }
        }
    };
    key(&mut out, "title", Some(scalar(&fm.title)));
    key(&mut out, "number", fm.number.as_deref().map(scalar));
    key(&mut out, "issuer", fm.issuer.as_deref().map(scalar));
    key(
        &mut out,
        "jurisdiction",
        fm.jurisdiction.as_deref().map(scalar),
    );
    key(
        &mut out,
        "date",
        fm.date.map(|d| d.format("%Y-%m-%d").to_string()),
    );
    key(&mut out, "signer", fm.signer.as_deref().map(scalar));
    key(&mut out, "basis", list(&fm.basis));
    key(&mut out, "campaigns", list(&fm.campaigns));
    for r in &fm.review {
        out.push_str(&comment(r));
    }
    out.push_str(&format!("draft: {}\n", fm.draft));
    out.push_str("---\n");
    out
}

fn list(items: &[String]) -> Option<String> {
    if items.is_empty() {
        return None;
    }
    let mut s = String::new();
    for i in items {
        s.push_str("\n  - ");
        s.push_str(&scalar(i));
    }
    Some(s)
}

/// One comment line per line of `text`; never breaks the YAML it sits in.
fn comment(text: &str) -> String {
    text.lines()
        .map(|l| format!("# {}\n", l.trim_end()))
        .collect()
}

/// A YAML scalar: plain when YAML reads it back as the same string, else
/// double-quoted with `\` and `"` escaped.
pub fn scalar(s: &str) -> String {
    if is_plain_safe(s) {
        s.to_string()
    } else {
        let mut q = String::with_capacity(s.len() + 2);
        q.push('"');
        for c in s.chars() {
            match c {
                '\\' => q.push_str("\\\\"),
                '"' => q.push_str("\\\""),
                '\n' => q.push_str("\\n"),
                '\t' => q.push_str("\\t"),
                c if c.is_control() => q.push_str(&format!("\\u{:04X}", c as u32)),
                c => q.push(c),
            }
        }
        q.push('"');
        q
    }
}

fn is_plain_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) || first.is_whitespace() {
        return false;
    }
    if s.ends_with(char::is_whitespace) || s.ends_with(':') {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.chars().any(char::is_control) {
        return false;
    }
    // Words and numbers YAML would turn into booleans, null, numbers or dates.
    let lower = s.to_ascii_lowercase();
    let reserved = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    ];
    if reserved.contains(&lower.as_str()) {
        return false;
    }
    let numeric = s
        .chars()
        .all(|c| c.is_ascii_digit() || "+-.eE_:".contains(c));
    !numeric
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_quote_only_when_needed() {
        assert_eq!(
            scalar("Ủy ban nhân dân tỉnh Lai Châu"),
            "Ủy ban nhân dân tỉnh Lai Châu"
        );
        assert_eq!(scalar("12/KH-UBND"), "12/KH-UBND");
        assert_eq!(scalar("Kế hoạch: thử"), "\"Kế hoạch: thử\"");
        assert_eq!(scalar("#1"), "\"#1\"");
        assert_eq!(scalar("2025"), "\"2025\"");
        assert_eq!(scalar("yes"), "\"yes\"");
        assert_eq!(scalar("“Toàn dân” \"x\""), "“Toàn dân” \"x\"");
        assert_eq!(scalar("\"x\" y"), "\"\\\"x\\\" y\"");
        assert_eq!(scalar("- a"), "\"- a\"");
        assert_eq!(scalar("a\\b"), "a\\b");
    }

    #[test]
    fn renders_keys_in_order_with_reasons_for_missing_ones() {
        let fm = FrontMatter {
            title: "Kế hoạch thử".into(),
            issuer: Some("Ủy ban nhân dân tỉnh Lào Cai".into()),
            basis: vec![
                "149-KL/TW".into(),
                "Kế hoạch số 30-KH/TU ngày 14/9/2025: x".into(),
            ],
            campaigns: vec!["Ngày Dân số thế giới (11/7)".into()],
            draft: true,
            notes: vec!["drafted by import".into()],
            missing: vec![("date", "the day is left blank".into())],
            ..FrontMatter::default()
        };
        assert_eq!(
            render(&fm),
            "---\n# drafted by import\ntitle: Kế hoạch thử\nissuer: Ủy ban nhân dân tỉnh Lào Cai\n\
             # date: the day is left blank\nbasis:\n  - 149-KL/TW\n  - \"Kế hoạch số 30-KH/TU ngày 14/9/2025: x\"\n\
             campaigns:\n  - Ngày Dân số thế giới (11/7)\ndraft: true\n---\n"
        );
    }
}
