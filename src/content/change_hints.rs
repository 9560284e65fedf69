//! Sentences in the body that replace, amend or repeal a document ("Kế hoạch
//! này thay thế Kế hoạch số 154/KH-UBND …", "bãi bỏ Quyết định số …", "sửa
//! đổi, bổ sung Kế hoạch số …"), for `check` and `import` to suggest the
//! front-matter line. They never add it: the officer decides, since a
//! sentence may describe a change another document made.
//!
//! A verb counts only when a citation follows it directly, so "mức sinh
//! thay thế" (replacement fertility) or "đề xuất bãi bỏ các văn bản" say nothing.

use super::model::{Document, Mention, Reference};
use crate::diag::Diagnostic;
use crate::text::fold_key;

/// A change the body states, and the front-matter key it belongs under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// `replaces`, `amends` or `repeals`.
    pub key: &'static str,
    /// Index into the document's `cites`.
    pub cite: usize,
}

/// Folded verb phrases, longest first, and their key.
const VERBS: &[(&str, &str)] = &[
    ("sua doi, bo sung", "amends"),
    ("sua doi bo sung", "amends"),
    ("sua doi", "amends"),
    ("thay the cho", "replaces"),
    ("thay the", "replaces"),
    ("bai bo", "repeals"),
];

/// The stated changes, one per cited document and key, in body order.
pub fn find(body: &str, cites: &[Reference], mentions: &[Mention]) -> Vec<Hint> {
    let mut out: Vec<Hint> = Vec::new();
    // Most bodies have none of the verbs: skip them without folding anything.
    if !["hay thế", "ãi bỏ", "ửa đổi"]
        .iter()
        .any(|v| body.contains(v))
    {
        return out;
    }
    for m in mentions {
        let start = (m.span.start as usize).min(body.len());
        // 80 bytes before the citation hold the verb and the words between
        // ("sửa đổi, bổ sung một số điều của Kế hoạch số "), and keep this linear.
        let mut from = start.saturating_sub(80);
        while !body.is_char_boundary(from) {
            from += 1;
        }
        let before = fold_key(&body[from..start]);
        let before = strip_type_words(before.trim_end());
        let Some(&(_, key)) = VERBS.iter().find(|(v, _)| ends_with_word(before, v)) else {
            continue;
        };
        let cite = m.cite as usize;
        if cite < cites.len() && !out.iter().any(|h| h.cite == cite && h.key == key) {
            out.push(Hint { key, cite });
        }
    }
    out
}

/// `… thay the ke hoach so` → `… thay the`: the citation may begin at its number.
fn strip_type_words(s: &str) -> &str {
    let mut s = s;
    for w in [
        "so",
        "ke hoach",
        "quyet dinh",
        "nghi quyet",
        "ket luan",
        "chi thi",
        "thong tu",
        "nghi dinh",
        "van ban",
        "toan bo",
        "mot so dieu cua",
    ] {
        if ends_with_word(s, w) {
            s = s[..s.len() - w.len()].trim_end();
        }
    }
    s
}

fn ends_with_word(s: &str, w: &str) -> bool {
    s.strip_suffix(w)
        .is_some_and(|rest| rest.is_empty() || rest.ends_with([' ', ',', ';', '(', '.', ':']))
}

/// Warnings for the changes `body` states and `doc`'s front matter does not list.
pub fn suggestions(doc: &Document, body: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for h in find(body, &doc.cites, &doc.mentions) {
        let r = &doc.cites[h.cite];
        let listed = match h.key {
            "replaces" => &doc.life.replaces,
            "amends" => &doc.life.amends,
            _ => &doc.life.repeals,
        };
        if listed.iter().any(|l| l.number.key == r.number.key) {
            continue;
        }
        let (msg, help) = message(h.key, r);
        out.push(Diagnostic::warning(msg).at(&doc.path, r.line).help(help));
    }
    out
}

/// The front-matter line to add for `r`: a mapping, which is valid YAML
/// whatever the citation's wording.
pub fn yaml_line(key: &str, r: &Reference) -> String {
    match r.date {
        Some(d) => format!("{key}: [{{ number: {}, date: {d} }}]", r.number.display),
        None => format!("{key}: [{}]", r.number.display),
    }
}

/// What the suggestion says, in Vietnamese, and its help line.
pub fn message(key: &str, r: &Reference) -> (String, String) {
    let verb = match key {
        "replaces" => "thay thế",
        "amends" => "sửa đổi, bổ sung",
        _ => "bãi bỏ",
    };
    (
        format!(
            "nội dung văn bản nói văn bản này {verb} `{}`, nhưng front matter không ghi `{key}`",
            r.text
        ),
        format!(
            "nếu đúng, thêm dòng `{}` vào front matter (hoặc thêm `- {}` dưới `{key}:` nếu đã có); planportal không tự thêm",
            yaml_line(key, r),
            r.number.display
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hints(body: &str) -> Vec<(String, &'static str)> {
        let (cites, mentions) = crate::content::document::body_references_for_tests(body);
        find(body, &cites, &mentions)
            .into_iter()
            .map(|h| (cites[h.cite].number.display.clone(), h.key))
            .collect()
    }

    #[test]
    fn change_sentences() {
        assert_eq!(
            hints("Kế hoạch này thay thế Kế hoạch số 154/KH-UBND ngày 01/4/2021 của UBND tỉnh."),
            [("154/KH-UBND".to_string(), "replaces")]
        );
        assert_eq!(
            hints("Bãi bỏ Quyết định số 12/QĐ-UBND ngày 3/2/2020."),
            [("12/QĐ-UBND".to_string(), "repeals")]
        );
        assert_eq!(
            hints("Sửa đổi, bổ sung một số điều của Kế hoạch số 20/KH-UBND ngày 1/2/2024 như sau:"),
            [("20/KH-UBND".to_string(), "amends")]
        );
        assert_eq!(
            hints("Kế hoạch này thay thế cho 9/KH-UBND."),
            [("9/KH-UBND".to_string(), "replaces")]
        );
    }

    #[test]
    fn other_uses_of_the_verbs_say_nothing() {
        for body in [
            "duy trì mức sinh thay thế; thực hiện Kế hoạch số 154/KH-UBND ngày 01/4/2021.",
            "Thực hiện Kết luận số 149-KL/TW, đề xuất bãi bỏ các văn bản không còn phù hợp.",
            "Căn cứ Quyết định số 1745/QĐ-TTg ngày 15/8/2025.",
            "tham mưu sửa đổi, bổ sung, hoàn thiện cơ chế chính sách theo Nghị quyết số 21-NQ/TW",
        ] {
            assert_eq!(hints(body), [], "{body}");
        }
    }

    #[test]
    fn suggested_line_is_yaml_the_parser_reads() {
        let (cites, _) = crate::content::document::body_references_for_tests(
            "thay thế Kế hoạch số 154/KH-UBND ngày 01/4/2021",
        );
        let line = yaml_line("replaces", &cites[0]);
        assert_eq!(
            line,
            "replaces: [{ number: 154/KH-UBND, date: 2021-04-01 }]"
        );
        let fm =
            format!("---\ntitle: T\nissuer: UBND tỉnh Lào Cai\ndate: 2026-01-01\n{line}\n---\n");
        let p = crate::content::document::parse(
            std::path::Path::new("content/plans/p.md"),
            crate::content::model::Section::Plan,
            "p",
            &fm,
        );
        let d = p.document.expect("parses");
        assert!(
            p.diagnostics.iter().all(|d| !d.is_error()),
            "{:?}",
            p.diagnostics
        );
        assert_eq!(d.life.replaces.len(), 1);
    }
}
