//! What a plan page shows, and the Markdown extensions the contract turns on
//! (tables, footnotes, heading anchors).

use crate::support::*;

fn plan_site(body: &str) -> Site {
    let s = Site::new();
    s.plan(
        "lao-cai-2026",
        "title: Kế hoạch thực hiện công tác dân số trên địa bàn tỉnh Lào Cai năm 2026
number: 12/KH-UBND
type: Kế hoạch
issuer: Ủy ban nhân dân tỉnh Lào Cai
jurisdiction: Lào Cai
date: 2026-01-05
signer: Vũ Thị Hiền Hạnh",
        body,
    );
    s
}

#[test]
fn plan_page_shows_all_metadata() {
    let s = plan_site("Nâng cao chất lượng dân số là nhiệm vụ trọng tâm.\n");
    s.built();
    let p = s.page("/plans/lao-cai-2026/");
    for want in [
        "Kế hoạch thực hiện công tác dân số trên địa bàn tỉnh Lào Cai năm 2026",
        "12/KH-UBND",
        "Kế hoạch",
        "Ủy ban nhân dân tỉnh Lào Cai",
        "Lào Cai",
        "Vũ Thị Hiền Hạnh",
        "Nâng cao chất lượng dân số là nhiệm vụ trọng tâm.",
    ] {
        assert!(p.contains(want), "plan page lacks {want:?}");
    }
}

#[test]
fn plan_date_is_shown_day_first_with_two_digits() {
    let s = plan_site("Thân.\n");
    s.built();
    let p = s.page("/plans/lao-cai-2026/");
    assert!(
        p.contains("05/01/2026"),
        "date 2026-01-05 shown as 05/01/2026"
    );
    assert!(!p.contains("01/05/2026"), "never month first");
}

#[test]
fn vietnamese_date_in_front_matter_is_day_month_year() {
    let s = Site::new();
    s.plan(
        "p",
        "title: Kế hoạch ngày tháng
issuer: UBND tỉnh Lào Cai
date: 3/11/2025",
        "Thân.\n",
    );
    s.built();
    let d = doc(&s.json(), "plans/p").clone();
    assert_eq!(d["date"], "2025-11-03", "3/11/2025 is 3 November");
    assert!(s.page("/plans/p/").contains("03/11/2025"));
}

#[test]
fn type_is_inferred_from_the_number_when_absent() {
    let s = Site::new();
    s.plan(
        "p",
        "title: Một kế hoạch
number: 30/KH-UBND
issuer: UBND tỉnh Lào Cai
jurisdiction: Lào Cai
date: 2025-09-14",
        "Thân.\n",
    );
    s.doc(
        "nq",
        "title: Một nghị quyết
number: 27-NQ/TU
issuer: Ban Thường vụ Tỉnh ủy Lào Cai
jurisdiction: Lào Cai
date: 2022-07-01",
        "Thân.\n",
    );
    s.built();
    let json = s.json();
    assert_eq!(doc(&json, "plans/p")["type"], "Kế hoạch");
    assert_eq!(doc(&json, "documents/nq")["type"], "Nghị quyết");
    assert!(s.page("/documents/nq/").contains("Nghị quyết"));
}

#[test]
fn markdown_tables_render_as_html_tables() {
    let s = plan_site("| Chỉ tiêu | Năm 2026 |\n|---|---|\n| Tỷ số giới tính khi sinh | 110 |\n");
    s.built();
    let p = s.page("/plans/lao-cai-2026/");
    assert!(p.contains("<table"), "a table");
    assert!(p.contains("Chỉ tiêu</th>"), "header cell");
    assert!(p.contains("Tỷ số giới tính khi sinh</td>"), "body cell");
    assert!(!p.contains("|---|"), "no raw pipe syntax");
}

#[test]
fn footnote_reference_links_to_its_definition() {
    let s =
        plan_site("Tỷ lệ sinh giảm[^nguon].\n\n[^nguon]: Theo số liệu Cục Thống kê năm 2025.\n");
    s.built();
    let p = s.page("/plans/lao-cai-2026/");
    assert!(p.contains("Theo số liệu Cục Thống kê năm 2025."));
    assert!(
        !p.contains("[^nguon]"),
        "footnote syntax is rendered, not shown"
    );
    let re = regex::Regex::new(r##"<sup[^>]*>\s*<a href="#([^"]+)""##).unwrap();
    let caps = re
        .captures(&p)
        .expect("a superscript footnote reference linking to an anchor");
    let id = &caps[1];
    assert!(
        p.contains(&format!("id=\"{id}\"")),
        "footnote target #{id} exists"
    );
}

#[test]
fn a_table_of_contents_lists_levels_one_to_three_when_there_are_more_than_two_headings() {
    let s = plan_site(
        "## I. Mục đích <yêu cầu>\n\nA.\n\n### 1. Nhiệm vụ\n\nB.\n\n#### a) Chi tiết\n\nC.\n\n## II. Tổ chức\n\nD.\n",
    );
    s.built();
    let p = s.page("/plans/lao-cai-2026/");
    let toc = p
        .split("<details class=\"toc\">")
        .nth(1)
        .expect("a table of contents")
        .split("</details>")
        .next()
        .unwrap();
    assert_eq!(
        toc.matches("<li").count(),
        3,
        "h2, h3, h2; not the h4: {toc}"
    );
    assert!(toc.contains("<li class=\"toc-l2\"><a href=\"#i-muc-dich-yeu-cau\">I. Mục đích &lt;yêu cầu&gt;</a></li>"), "{toc}");
    assert!(toc.contains("href=\"#1-nhiem-vu\""), "{toc}");
    assert!(!toc.contains("Chi tiết"), "{toc}");
    for id in ["i-muc-dich-yeu-cau", "1-nhiem-vu", "ii-to-chuc"] {
        assert!(
            p.contains(&format!("id=\"{id}\"")),
            "the heading {id} exists"
        );
    }

    let short = plan_site("## Mục đích\n\nA.\n\n## Nhiệm vụ\n\nB.\n");
    short.built();
    assert!(
        !short.page("/plans/lao-cai-2026/").contains("class=\"toc\""),
        "two headings need no table of contents"
    );
}

#[test]
fn headings_get_anchor_ids_unique_per_page() {
    let s = plan_site("## Mục đích, yêu cầu\n\nA.\n\n## Nhiệm vụ\n\nB.\n\n## Nhiệm vụ\n\nC.\n");
    s.built();
    let p = s.page("/plans/lao-cai-2026/");
    let h2 = regex::Regex::new(r#"(?s)<h[2-6]([^>]*)>(.*?)</h[2-6]>"#).unwrap();
    let id = regex::Regex::new(r#"\sid="([^"]+)""#).unwrap();
    let ids: Vec<String> = h2
        .captures_iter(&p)
        .filter(|c| c[2].contains("Mục đích") || c[2].contains("Nhiệm vụ"))
        .filter_map(|c| {
            // The id may sit on the heading or on an anchor inside it.
            let all = format!("{} {}", &c[1], &c[2]);
            id.captures(&all).map(|m| m[1].to_string())
        })
        .collect();
    assert_eq!(ids.len(), 3, "three body headings with ids, found {ids:?}");
    assert_ne!(
        ids[1], ids[2],
        "two headings with the same text get different ids"
    );
    assert!(
        ids.iter().all(|i| !i.contains(' ')),
        "ids have no spaces: {ids:?}"
    );
}

#[test]
fn plan_page_lists_its_campaigns_linking_to_the_calendar() {
    let s = Site::new();
    s.plan(
        "p",
        &format!("{PLAN_FM}campaigns:\n  - Ngày Dân số thế giới (11/7)\n"),
        "Thân.\n",
    );
    s.built();
    let p = s.page("/plans/p/");
    assert!(p.contains("Ngày Dân số thế giới"));
    assert!(
        p.contains("href=\"/calendar/"),
        "the observance links to the calendar"
    );
}

#[test]
fn document_page_shows_metadata_and_body() {
    let s = Site::new();
    s.doc(
        "kl-149",
        "title: Kết luận về công tác dân số trong tình hình mới
number: 149-KL/TW
issuer: Bộ Chính trị
jurisdiction: Trung ương
date: 2025-04-10
signer: Trần Cẩm Tú",
        "Bộ Chính trị kết luận như sau.\n",
    );
    s.built();
    let p = s.page("/documents/kl-149/");
    for want in [
        "149-KL/TW",
        "Kết luận",
        "Bộ Chính trị",
        "10/04/2025",
        "Trần Cẩm Tú",
        "Bộ Chính trị kết luận như sau.",
    ] {
        assert!(p.contains(want), "document page lacks {want:?}");
    }
}
