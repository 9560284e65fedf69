use std::path::Path;

use super::*;
use crate::diag::{Lang, Severity, YamlProblem};

fn parse_plan(src: &str) -> Parsed {
    parse(Path::new("content/plans/p.md"), Section::Plan, "p", src)
}

fn errors(p: &Parsed) -> Vec<(Option<usize>, String)> {
    p.diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.line, d.message()))
        .collect()
}

const GOOD: &str = "---\ntitle: Kế hoạch A\nnumber: 12/KH-UBND\nissuer: UBND tỉnh Lào Cai\njurisdiction: Lào Cai\ndate: 15/1/2026\nbasis:\n  - Kế hoạch số 30-KH/TU ngày 14/9/2025 của Tỉnh ủy Lào Cai\n  - 149-KL/TW\n  - { number: 72-NQ/TW, date: 2025-09-09 }\ncampaigns:\n  - Ngày Thalassemia Thế giới (8/5)\n  - { name: Ngày Dân số thế giới, date: 11/7 }\n  - { name: Tháng hành động quốc gia về Dân số, month: 12 }\n---\nBody cites Quyết định số 1745/QĐ-TTg ngày 15/8/2025.\n";

#[test]
fn a_full_plan_parses() {
    let p = parse_plan(GOOD);
    assert_eq!(errors(&p), vec![]);
    let d = p.document.unwrap();
    assert_eq!(d.id, "plans/p");
    assert_eq!(d.date, NaiveDate::from_ymd_opt(2026, 1, 15));
    assert_eq!(d.type_name.as_deref(), Some("Kế hoạch"));
    assert_eq!(d.basis.len(), 3);
    assert_eq!(d.basis[0].number.display, "30-KH/TU");
    assert_eq!(d.basis[0].date, NaiveDate::from_ymd_opt(2025, 9, 14));
    assert_eq!(d.basis[0].line, Some(8));
    assert_eq!(d.basis[2].date, NaiveDate::from_ymd_opt(2025, 9, 9));
    assert_eq!(
        d.campaigns[0].when,
        When::Day(date::DayMonth { day: 8, month: 5 })
    );
    assert_eq!(
        d.campaigns[1].when,
        When::Day(date::DayMonth { day: 11, month: 7 })
    );
    assert_eq!(d.campaigns[2].when, When::Month(12));
    assert_eq!(d.cites.len(), 1);
    assert_eq!(d.cites[0].line, Some(16));
    assert_eq!(d.body_line, 16);
}

#[test]
fn unknown_key_suggests_the_closest() {
    let p = parse_plan("---\ntitle: A\nissuer: B\ndate: 2026-01-01\nisuer: C\n---\n");
    let d = p
        .diagnostics
        .iter()
        .find(|d| d.message().contains("isuer"))
        .unwrap();
    assert_eq!(d.line, Some(5));
    assert_eq!(d.help_text().as_deref(), Some("did you mean `issuer`?"));
}

#[test]
fn required_keys_for_plans() {
    let p = parse_plan("---\ntitle: A\n---\n");
    let e = errors(&p);
    assert!(
        e.iter().any(|(_, m)| m.contains("`issuer` is missing")),
        "{e:?}"
    );
    assert!(
        e.iter().any(|(_, m)| m.contains("`date` is missing")),
        "{e:?}"
    );
    let doc = parse(
        Path::new("content/documents/d.md"),
        Section::Document,
        "d",
        "---\ntitle: A\n---\n",
    );
    assert!(errors(&doc).is_empty());
    let no_title = parse(
        Path::new("content/documents/d.md"),
        Section::Document,
        "d",
        "---\nnumber: 1/QĐ-TTg\n---\n",
    );
    assert!(errors(&no_title)
        .iter()
        .any(|(_, m)| m.contains("`title` is missing")));
}

#[test]
fn drafts_only_warn() {
    let p = parse_plan("---\ntitle: A\ndraft: true\n---\n");
    assert!(errors(&p).is_empty());
    let warnings: Vec<_> = p.diagnostics.iter().map(|d| d.message()).collect();
    assert!(warnings.iter().any(|m| m.contains("issuer")));
    assert!(warnings.iter().any(|m| m.contains("date")));
    assert!(warnings.iter().any(|m| m.contains("number")));
    assert!(p.document.unwrap().draft);
}

#[test]
fn impossible_dates_are_errors_with_line_and_column() {
    let p = parse_plan("---\ntitle: A\nissuer: B\ndate: 31/6/2025\n---\n");
    let d = p.diagnostics.iter().find(|d| d.is_error()).unwrap();
    assert_eq!((d.line, d.column), (Some(4), Some(7)));
    assert!(d.message().contains("31/6/2025"), "{}", d.message());
    let p = parse_plan("---\ntitle: A\nissuer: B\ndate: 30/2/2026\n---\n");
    assert_eq!(errors(&p).len(), 1);
}

#[test]
fn iso_and_vietnamese_dates_agree() {
    let a = parse_plan("---\ntitle: A\nissuer: B\ndate: 2026-01-15\n---\n")
        .document
        .unwrap();
    let b = parse_plan("---\ntitle: A\nissuer: B\ndate: 15/01/2026\n---\n")
        .document
        .unwrap();
    assert_eq!(a.date, b.date);
}

#[test]
fn bad_shapes_are_named() {
    let p = parse_plan("---\n- a\n- b\n---\n");
    assert_eq!(p.diagnostics[0].kind(), "not-a-mapping", "{:?}", errors(&p));
    let p = parse_plan("---\ntitle: [a, b]\nissuer: B\ndate: 2026-01-01\n---\n");
    assert_eq!(
        errors(&p),
        vec![(Some(2), "`title` must be text, found a list".to_string())]
    );
    let p = parse_plan("---\ntitle: a: b: c\n---\n");
    assert_eq!(
        *p.diagnostics[0].msg,
        Msg::Yaml {
            problem: YamlProblem::ColonInValue
        }
    );
    assert_eq!(errors(&p)[0].0, Some(2));
}

#[test]
fn bom_and_crlf_are_accepted() {
    let p = parse_plan("\u{feff}---\r\ntitle: A\r\nissuer: B\r\ndate: 2026-01-01\r\n---\r\nx\r\n");
    assert!(errors(&p).is_empty(), "{:?}", errors(&p));
    assert_eq!(p.document.unwrap().body.get(), Some("x\n"));
}

#[test]
fn slug_with_path_parts_is_refused() {
    for s in ["a/b", "../x", ".."] {
        let p = parse_plan(&format!(
            "---\ntitle: A\nissuer: B\ndate: 2026-01-01\nslug: \"{s}\"\n---\n"
        ));
        assert_eq!(errors(&p).len(), 1, "{s}");
        assert_eq!(errors(&p)[0].0, Some(5));
    }
    let p = parse_plan("---\ntitle: A\nissuer: B\ndate: 2026-01-01\nslug: lao-cai\n---\n");
    assert_eq!(p.document.unwrap().id, "plans/lao-cai");
}

#[test]
fn basis_that_names_no_number_is_quoted() {
    let p = parse_plan(
        "---\ntitle: A\nissuer: B\ndate: 2026-01-01\nbasis:\n  - the law on something\n---\n",
    );
    assert_eq!(
        errors(&p),
        vec![(
            Some(6),
            "basis entry `the law on something` names no document number".into()
        )]
    );
}

#[test]
fn campaign_errors() {
    let src = "---\ntitle: A\nissuer: B\ndate: 2026-01-01\ncampaigns:\n  - { name: X }\n  - { name: Y, date: 31/6 }\n  - { name: '', date: 1/6 }\n  - Z (x/y)\n  - Leap (29/2)\n---\n";
    let p = parse_plan(src);
    let e = errors(&p);
    assert_eq!(e.len(), 4, "{e:?}");
    assert_eq!(e[0].0, Some(6));
    assert!(e[0].1.contains("neither a date nor a month"));
    assert_eq!(e[1].0, Some(7));
    assert!(e[1].1.contains("31/6"));
    assert_eq!(e[2].0, Some(8));
    assert_eq!(e[3].0, Some(9));
    let leap = p
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Warning)
        .unwrap();
    assert_eq!(leap.line, Some(10));
    assert!(leap.message().contains("leap"));
    assert_eq!(p.document.unwrap().campaigns.len(), 1);
}

#[test]
fn a_campaign_date_may_be_a_full_date() {
    let p = parse_plan("---\ntitle: A\nissuer: B\ndate: 2026-01-01\ncampaigns:\n  - { name: X, date: 2026-07-11 }\n  - Y (11/7/2026)\n---\n");
    assert!(errors(&p).is_empty(), "{:?}", errors(&p));
    let d = p.document.unwrap();
    assert!(d
        .campaigns
        .iter()
        .all(|c| c.when == When::Day(date::DayMonth { day: 11, month: 7 })));
}

#[test]
fn a_mistyped_required_key_is_one_error_not_two() {
    // The comment on the first line once drew a second "issuer is missing".
    let p = parse_plan("---\n# ghi chú\ntitle: A\nisuer: B\ndate: 2026-01-01\n---\n");
    let kinds: Vec<_> = p.diagnostics.iter().map(|d| (d.kind(), d.line)).collect();
    assert_eq!(kinds, [("unknown-key", Some(4))]);
}

#[test]
fn missing_requirement_points_at_the_keys_not_a_comment() {
    let p = parse_plan("---\n# ghi chú\ntitle: A\ndate: 2026-01-01\n---\n");
    assert_eq!(p.diagnostics[0].kind(), "plan-lacks");
    assert_eq!(p.diagnostics[0].line, Some(3));
}

#[test]
fn a_forgotten_closing_fence_is_placed_after_the_last_key() {
    // 27 lines of front matter, the fence forgotten, a `---` rule far below.
    let mut src = String::from("---\ntitle: A\nissuer: B\ndate: 2026-01-01\nbasis:\n");
    for i in 0..23 {
        src.push_str(&format!("  - {i}/KH-UBND\n"));
    }
    src.push_str("\n## I. MỤC ĐÍCH\n\nNội dung: làm tốt.\n\n---\n\nHết.\n");
    let p = parse_plan(&src);
    assert_eq!(p.diagnostics.len(), 1, "{:?}", errors(&p));
    let d = &p.diagnostics[0];
    assert_eq!(*d.msg, Msg::UnclosedFrontMatter { after: 28 });
    assert_eq!(d.line, Some(29));
    assert_eq!(
        d.text(Lang::Vi).help.as_deref(),
        Some("thêm dòng `---` sau dòng 28, trước phần nội dung")
    );
}

#[test]
fn a_line_without_colon_is_reported_where_it_is() {
    let p = parse_plan("---\ntitle: A\nissuer UBND\ndate: 2026-01-01\n---\n");
    let d = &p.diagnostics[0];
    assert_eq!(
        (d.line, &*d.msg),
        (
            Some(3),
            &Msg::Yaml {
                problem: YamlProblem::MissingColon
            }
        )
    );
}

#[test]
fn summary_is_markdown_text_and_never_a_citation() {
    let src = "---\ntitle: Luật\nnumber: 113/2025/QH15\nsummary: |\n  Kế hoạch năm 2026 dẫn nó cùng **Kết luận số 149-KL/TW**.\n\n  Dòng hai.\n---\n";
    let p = parse(
        Path::new("content/documents/l.md"),
        Section::Document,
        "l",
        src,
    );
    assert_eq!(errors(&p), vec![]);
    let d = p.document.unwrap();
    let s = d.summary.unwrap();
    assert!(s.text.contains("Dòng hai") && s.text.contains('\n'));
    assert_eq!(s.line, 4);
    assert_eq!(s.refs.len(), 1);
    assert!(d.cites.is_empty(), "summary references are not citations");

    for bad in ["summary: [a, b]\n", "summary:\n  x: 1\n"] {
        let src = format!("---\ntitle: L\n{bad}---\n");
        let p = parse(
            Path::new("content/documents/l.md"),
            Section::Document,
            "l",
            &src,
        );
        let e = errors(&p);
        assert_eq!(e.len(), 1, "{bad}: {e:?}");
        assert_eq!(e[0].0, Some(3), "{bad}");
        assert!(e[0].1.contains("summary"), "{e:?}");
    }
}

#[test]
fn an_alias_is_two_words_or_has_a_number() {
    let src = "---\ntitle: L\nnumber: 113/2025/QH15\naliases:\n  - Luật Dân số\n  - Luật\n  - Đề án 06\n---\n";
    let p = parse(
        Path::new("content/documents/l.md"),
        Section::Document,
        "l",
        src,
    );
    let e = errors(&p);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].0, Some(6));
    assert!(e[0].1.contains("`Luật`"));
    let names: Vec<String> = p
        .document
        .unwrap()
        .aliases
        .into_iter()
        .map(|a| a.name)
        .collect();
    assert_eq!(names, ["Luật Dân số", "Đề án 06"]);
}
