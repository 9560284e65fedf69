//! `aliases:`: names the texts use for a document without its number.
//!
//! Plans write "triển khai thi hành Luật Dân số" as often as "Luật Dân số số
//! 113/2025/QH15". Once every file is parsed, each body is searched for every
//! alias of the site (one regex pass per body, whole words, any case); a
//! mention becomes a body reference to that document, with its number and
//! date, so the resolver treats it like a numbered citation. What is not a
//! mention: the document's own name in its own text, a name inside a
//! numbered citation already found, and a name in a text older than the
//! document (a 2024 plan's "dự thảo Luật Dân số" is not the 2025 law).
//!
//! Two documents may not share an alias: the name would link to either.

use std::borrow::Cow;
use std::collections::HashMap;

use regex::Regex;

use super::model::{Document, Mention, Reference};
use crate::diag::{Diagnostic, Diagnostics};
use crate::text::fold_key;

/// The site's aliases, checked, and what each names.
pub struct Aliases {
    regex: Regex,
    /// Lower-cased alias → index of the document it names.
    owner: HashMap<String, usize>,
}

impl Aliases {
    /// Collects every document's aliases; reports an alias claimed by two
    /// documents (naming both files) and one on a document without a number.
    /// None when the site has no usable alias.
    pub fn new<D: AsRef<Document>>(docs: &[D], diags: &mut Diagnostics) -> Option<Aliases> {
        let mut owner: HashMap<String, usize> = HashMap::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        for (i, d) in docs.iter().enumerate() {
            let d = d.as_ref();
            for a in &d.aliases {
                if d.number.is_none() {
                    diags.push(
                        Diagnostic::error(format!(
                            "bí danh `{}` cần văn bản có số: `{}` không có `number`",
                            a.name,
                            d.path.display()
                        ))
                        .at(&d.path, a.line)
                        .help("thêm `number:` cho văn bản, hoặc bỏ `aliases:`"),
                    );
                    continue;
                }
                match by_key.get(&fold_key(&a.name)) {
                    Some(&j) if j != i => {
                        let first = docs[j].as_ref();
                        diags.push(
                            Diagnostic::error(format!(
                                "bí danh `{}` được cả `{}` và `{}` khai báo",
                                a.name,
                                first.path.display(),
                                d.path.display()
                            ))
                            .at(&d.path, a.line)
                            .help("một tên chỉ được trỏ tới một văn bản: đổi hoặc bỏ bí danh ở một trong hai tệp"),
                        );
                    }
                    Some(_) => {}
                    None => {
                        by_key.insert(fold_key(&a.name), i);
                        owner.insert(a.name.to_lowercase(), i);
                    }
                }
            }
        }
        if owner.is_empty() {
            return None;
        }
        let mut names: Vec<&String> = owner.keys().collect();
        // Longest first: "Luật Dân số sửa đổi" before "Luật Dân số".
        names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let alternation: Vec<String> = names
            .iter()
            .map(|n| {
                n.split_whitespace()
                    .map(regex::escape)
                    .collect::<Vec<_>>()
                    .join(r"\s+")
            })
            .collect();
        let regex = Regex::new(&format!("(?i)(?:{})", alternation.join("|")))
            .expect("escaped alternation is a valid regex");
        Some(Aliases { regex, owner })
    }

    /// The alias mentions in `body` of the document `me` (index `me_idx`),
    /// as references and mentions to append to its `cites` and `mentions`.
    pub fn find<D: AsRef<Document>>(
        &self,
        docs: &[D],
        me_idx: usize,
        body: &str,
    ) -> Vec<(Reference, std::ops::Range<u32>)> {
        let me = docs[me_idx].as_ref();
        let taken: Vec<std::ops::Range<u32>> = me.mentions.iter().map(|m| m.span.clone()).collect();
        let mut out = Vec::new();
        let mut line = me.body_line;
        let mut scanned = 0;
        for m in self.regex.find_iter(body) {
            if !whole_words(body, m.start(), m.end()) {
                continue;
            }
            let span = m.start() as u32..m.end() as u32;
            if taken
                .iter()
                .any(|t| t.start < span.end && span.start < t.end)
            {
                continue;
            }
            let key = collapse(m.as_str()).to_lowercase();
            let Some(&target) = self.owner.get(&key) else {
                continue;
            };
            let t = docs[target].as_ref();
            let later = matches!((t.date, me.date), (Some(a), Some(b)) if a > b);
            if target == me_idx || later {
                continue;
            }
            let Some(number) = t.number.clone() else {
                continue;
            };
            line += body.as_bytes()[scanned..m.start()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            scanned = m.start();
            out.push((
                Reference {
                    text: collapse(m.as_str()).into_owned(),
                    number,
                    date: t.date,
                    year: None,
                    type_name: t.type_name.clone(),
                    issuer: t.issuer.clone(),
                    line: Some(line),
                },
                span,
            ));
        }
        out
    }
}

fn collapse(s: &str) -> Cow<'_, str> {
    crate::text::collapse_ws_cow(s)
}

/// The match is not part of a longer word ("Luật Dân số" in "Luật Dân sốx").
fn whole_words(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Adds the alias mentions to `doc`: each distinct name once as a reference
/// (like numbered citations), every mention in body order.
pub fn apply(doc: &mut Document, found: Vec<(Reference, std::ops::Range<u32>)>) {
    if found.is_empty() {
        return;
    }
    for (r, span) in found {
        let existing = doc.cites.iter().position(|c| c.number.key == r.number.key);
        let cite = match existing {
            Some(i) => i,
            None => {
                doc.cites.push(r);
                doc.cites.len() - 1
            }
        } as u32;
        doc.mentions.push(Mention { span, cite });
    }
    doc.mentions.sort_by_key(|m| m.span.start);
}

/// Links every alias mention of the site, reading bodies that were released
/// (only when the site has aliases at all).
pub fn link_all(docs: &mut [Document], root: &std::path::Path, diags: &mut Diagnostics) {
    let Some(aliases) = Aliases::new(docs, diags) else {
        return;
    };
    let found: Vec<Vec<(Reference, std::ops::Range<u32>)>> = (0..docs.len())
        .map(|i| {
            let d = &docs[i];
            match d.body.read(&root.join(&d.path)) {
                Ok(body) => aliases.find(docs, i, &body),
                Err(_) => Vec::new(), // the renderer reports an unreadable body
            }
        })
        .collect();
    for (d, f) in docs.iter_mut().zip(found) {
        apply(d, f);
    }
}

/// [`link_all`] for `serve`, whose documents are shared: only the ones that
/// mention an alias are copied.
pub fn link_shared(
    docs: &mut [std::sync::Arc<Document>],
    root: &std::path::Path,
    diags: &mut Diagnostics,
) {
    let Some(aliases) = Aliases::new(docs, diags) else {
        return;
    };
    for i in 0..docs.len() {
        let d = &docs[i];
        let found = match d.body.read(&root.join(&d.path)) {
            Ok(body) => aliases.find(docs, i, &body),
            Err(_) => Vec::new(),
        };
        if !found.is_empty() {
            apply(std::sync::Arc::make_mut(&mut docs[i]), found);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{document, model::Section};
    use std::path::Path;

    fn doc(name: &str, fm: &str, body: &str) -> Document {
        let src = format!("---\ntitle: {name}\n{fm}---\n{body}");
        let p = document::parse(
            Path::new(&format!("content/documents/{name}.md")),
            Section::Document,
            name,
            &src,
        );
        assert!(
            p.diagnostics.iter().all(|d| !d.is_error()),
            "{:?}",
            p.diagnostics
        );
        p.document.unwrap()
    }

    #[test]
    fn mentions_by_alias_become_references() {
        let mut docs = vec![
            doc(
                "luat",
                "number: 113/2025/QH15\ndate: 2025-12-10\naliases: [Luật Dân số]\n",
                "Luật Dân số quy định …",
            ),
            doc(
                "p",
                "date: 2026-01-01\n",
                "Triển khai thi hành luật dân số; Luật Dân số số 113/2025/QH15.\nLuật Dân sốx",
            ),
            doc("old", "date: 2024-01-01\n", "Góp ý dự thảo Luật Dân số."),
        ];
        let mut d = Diagnostics::default();
        link_all(&mut docs, Path::new("/nonexistent"), &mut d);
        assert!(d.is_empty(), "{d:?}");
        assert!(docs[0].cites.is_empty(), "its own name is no citation");
        assert!(docs[2].cites.is_empty(), "an older text names the draft");
        let p = &docs[1];
        assert_eq!(p.cites.len(), 1, "{:?}", p.cites);
        assert_eq!(p.cites[0].number.display, "113/2025/QH15");
        // The unnumbered mention, and the numbered citation (whose alias is inside it).
        assert_eq!(p.mentions.len(), 2);
        assert_eq!(
            &"Triển khai thi hành luật dân số"[p.mentions[0].span.start as usize..],
            "luật dân số"
        );
    }

    #[test]
    fn an_alias_names_one_document() {
        let docs = vec![
            doc("a", "number: 1/QĐ-TTg\naliases: [Chiến lược Dân số]\n", ""),
            doc("b", "number: 2/QĐ-TTg\naliases: [chiến lược dân số]\n", ""),
        ];
        let mut d = Diagnostics::default();
        Aliases::new(&docs, &mut d);
        let e: Vec<&Diagnostic> = d.iter().collect();
        assert_eq!(e.len(), 1);
        assert!(e[0].is_error());
        assert!(
            e[0].message().contains("content/documents/a.md")
                && e[0].message().contains("content/documents/b.md")
        );
        assert_eq!(e[0].line, Some(4));
    }
}
