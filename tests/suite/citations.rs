//! References in body text become links and count as cites, not basis; and
//! numbers written the way real text writes them (line breaks, en dashes,
//! `09-KH-TU`, lower case) still resolve.

use crate::refs::{basis_of, dfm, pfm};
use crate::support::*;

/// Whether the body text `lead` is followed by a link to `href` (the link may
/// start at the type word or at the number), so a "cites" list elsewhere on
/// the page cannot satisfy it.
fn body_links(html: &str, lead: &str, type_word: &str, href: &str) -> bool {
    let re = format!(
        r#"{}\s*(?:{}\s+số\s*)?<a [^>]*href="{}""#,
        regex::escape(lead),
        regex::escape(type_word),
        regex::escape(href)
    );
    regex::Regex::new(&re).unwrap().is_match(html)
}

#[test]
fn body_citation_becomes_a_link_and_counts_as_cites_not_basis() {
    let s = Site::new();
    s.doc(
        "qd",
        &dfm("Quyết định 1745", "1745/QĐ-TTg", "Trung ương", "2025-08-15"),
        "",
    );
    s.plan(
        "p",
        "title: Kế hoạch\nnumber: 900/KH-UBND\nissuer: UBND tỉnh Lai Châu\njurisdiction: Lai Châu\ndate: 2025-09-01",
        "Thực hiện Quyết định số 1745/QĐ-TTg ngày 15/8/2025 của Thủ tướng Chính phủ \
         về ban hành Kế hoạch hành động, Ủy ban nhân dân tỉnh ban hành Kế hoạch.\n",
    );
    s.built();
    let page = s.page("/plans/p/");
    assert!(
        body_links(&page, "Thực hiện", "Quyết định", "/documents/qd/"),
        "the citation in the body is a link"
    );
    let json = s.json();
    let p = doc(&json, "plans/p");
    assert!(p["basis"].as_array().unwrap().is_empty(), "not basis");
    assert_eq!(targets(&p["cites"]), ["documents/qd"]);
    assert_eq!(p["cites"][0]["number"], "1745/QĐ-TTg");
    assert_eq!(p["cites"][0]["date"], "2025-08-15");
    let qd = doc(&json, "documents/qd");
    assert_eq!(ids(&qd["cited_by"]), ["plans/p"]);
    assert!(
        ids(&qd["implemented_by"]).is_empty(),
        "citing is not implementing"
    );
}

#[test]
fn body_citation_of_a_missing_document_links_its_stub() {
    let s = Site::new();
    s.plan(
        "p",
        PLAN_FM,
        "Căn cứ Kết luận số 149-KL/TW ngày 10/4/2025 của Bộ Chính trị, tỉnh ban hành kế hoạch.\n",
    );
    s.built();
    assert!(body_links(
        &s.page("/plans/p/"),
        "Căn cứ",
        "Kết luận",
        "/documents/149-kl-tw-2025/"
    ));
    let json = s.json();
    let stub = doc(&json, "documents/149-kl-tw-2025");
    assert_eq!(stub["stub"], true);
    assert_eq!(ids(&stub["cited_by"]), ["plans/p"]);
    assert!(links_to(&s.page("/documents/149-kl-tw-2025/"), "/plans/p/"));
}

fn kl_site(basis: &[&str], body: &str) -> Site {
    let s = Site::new();
    s.doc(
        "kl",
        &dfm("Kết luận 149", "149-KL/TW", "Trung ương", "2025-04-10"),
        "",
    );
    s.doc(
        "kh-09",
        &dfm("Kế hoạch 09", "09-KH/TU", "Lào Cai", "2025-10-24"),
        "",
    );
    let fm = if basis.is_empty() {
        PLAN_FM.to_string()
    } else {
        pfm("Lào Cai", "2026-01-15", basis)
    };
    s.plan("p", &fm, body);
    s.built();
    s
}

#[test]
fn number_broken_across_lines_in_the_body_still_resolves() {
    let s = kl_site(
        &[],
        "Thực hiện Kết luận số 149-\nKL/TW ngày 10/4/2025 của Bộ Chính trị về công tác dân số.\n",
    );
    assert_eq!(
        targets(&doc(&s.json(), "plans/p")["cites"]),
        ["documents/kl"]
    );
    assert!(body_links(
        &s.page("/plans/p/"),
        "Thực hiện",
        "Kết luận",
        "/documents/kl/"
    ));
}

#[test]
fn en_dash_in_a_number_still_resolves() {
    let s = kl_site(
        &["Kết luận số 149–KL/TW ngày 10/4/2025 của Bộ Chính trị"],
        "",
    );
    assert_eq!(basis_of(&s, "plans/p"), ["documents/kl"]);
}

#[test]
fn en_dash_in_body_number_still_resolves() {
    let s = kl_site(&[], "Thực hiện Kết luận số 149–KL/TW của Bộ Chính trị.\n");
    assert_eq!(
        targets(&doc(&s.json(), "plans/p")["cites"]),
        ["documents/kl"]
    );
}

#[test]
fn dash_typed_for_slash_still_resolves() {
    let s = kl_site(
        &["Kế hoạch số 09-KH-TU ngày 24/10/2025 của Tỉnh ủy Lào Cai"],
        "",
    );
    assert_eq!(basis_of(&s, "plans/p"), ["documents/kh-09"]);
}

#[test]
fn lower_case_number_still_resolves() {
    let s = kl_site(&["149-kl/tw"], "");
    assert_eq!(basis_of(&s, "plans/p"), ["documents/kl"]);
}
