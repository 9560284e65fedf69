//! Resolving references by the contract's five rules, one test (or a few)
//! per rule. Body citations and number variants are in `citations`.

use crate::support::*;

/// Front matter of a document: number, jurisdiction, date.
pub(crate) fn dfm(title: &str, number: &str, jur: &str, date: &str) -> String {
    format!("title: {title}\nnumber: {number}\nissuer: Cơ quan ban hành\njurisdiction: {jur}\ndate: {date}")
}

/// Front matter of a plan citing `basis` (YAML list items, one per line).
pub(crate) fn pfm(jur: &str, date: &str, basis: &[&str]) -> String {
    let mut s = format!(
        "title: Kế hoạch ở {jur}\nnumber: 900/KH-UBND\nissuer: Ủy ban nhân dân\njurisdiction: {jur}\ndate: {date}\nbasis:\n"
    );
    for b in basis {
        s.push_str(&format!("  - \"{b}\"\n"));
    }
    s
}

/// The basis targets of plan `id`.
pub(crate) fn basis_of(s: &Site, id: &str) -> Vec<String> {
    targets(&doc(&s.json(), id)["basis"])
}

#[test]
fn rule1_reference_resolves_by_normalized_number() {
    let s = Site::new();
    s.doc(
        "kl",
        &dfm("Kết luận", "149-KL/TW", "Trung ương", "2025-04-10"),
        "",
    );
    s.doc(
        "kl-khac",
        &dfm("Kết luận khác", "150-KL/TW", "Trung ương", "2025-05-10"),
        "",
    );
    s.plan("p", &pfm("Lào Cai", "2026-01-15", &["149-KL/TW"]), "");
    s.built();
    assert_eq!(basis_of(&s, "plans/p"), ["documents/kl"]);
    assert!(links_to(&s.page("/plans/p/"), "/documents/kl/"));
    let json = s.json();
    assert_eq!(
        ids(&doc(&json, "documents/kl")["implemented_by"]),
        ["plans/p"]
    );
    assert!(ids(&doc(&json, "documents/kl-khac")["implemented_by"]).is_empty());
}

#[test]
fn rule1_all_three_number_shapes_resolve() {
    let s = Site::new();
    s.doc(
        "luat",
        &dfm("Luật Dân số", "113/2025/QH15", "Trung ương", "2025-12-10"),
        "",
    );
    s.doc(
        "qd",
        &dfm("Quyết định", "1745/QĐ-TTg", "Trung ương", "2025-08-15"),
        "",
    );
    s.doc(
        "kl",
        &dfm("Kết luận", "149-KL/TW", "Trung ương", "2025-04-10"),
        "",
    );
    s.plan(
        "p",
        &pfm(
            "Lào Cai",
            "2026-01-15",
            &[
                "Luật Dân số số 113/2025/QH15",
                "Quyết định số 1745/QĐ-TTg",
                "149-KL/TW",
            ],
        ),
        "",
    );
    s.built();
    assert_eq!(
        basis_of(&s, "plans/p"),
        ["documents/luat", "documents/qd", "documents/kl"]
    );
}

// Rule 2 also speaks of a year; the contract gives no syntax for a reference
// that carries only a year (normative numbers hold theirs in the number), so
// only stated dates are tested here.
#[test]
fn rule2_a_stated_date_picks_the_document_of_that_date() {
    let s = Site::new();
    s.doc(
        "qd-2024",
        &dfm("QĐ 2024", "1745/QĐ-TTg", "Trung ương", "2024-03-01"),
        "",
    );
    s.doc(
        "qd-2025",
        &dfm("QĐ 2025", "1745/QĐ-TTg", "Trung ương", "2025-08-15"),
        "",
    );
    s.plan(
        "p",
        &pfm(
            "Lào Cai",
            "2026-01-15",
            &["Quyết định số 1745/QĐ-TTg ngày 01/3/2024 của Thủ tướng Chính phủ"],
        ),
        "",
    );
    s.plan(
        "q",
        "title: Kế hoạch Q\nissuer: UBND\njurisdiction: Lào Cai\ndate: 2026-02-01\n\
         basis:\n  - { number: 1745/QĐ-TTg, date: 2025-08-15 }",
        "",
    );
    s.built();
    assert_eq!(
        basis_of(&s, "plans/p"),
        ["documents/qd-2024"],
        "not the later one"
    );
    assert_eq!(basis_of(&s, "plans/q"), ["documents/qd-2025"]);
}

#[test]
fn rule3_local_code_stays_in_the_citing_province() {
    let s = Site::new();
    s.doc(
        "tu-lao-cai",
        &dfm("TU Lào Cai", "30-KH/TU", "Lào Cai", "2025-09-14"),
        "",
    );
    s.doc(
        "tu-lai-chau",
        &dfm("TU Lai Châu", "30-KH/TU", "Lai Châu", "2025-09-20"),
        "",
    );
    s.plan("lc", &pfm("Lào Cai", "2026-01-15", &["30-KH/TU"]), "");
    s.plan(
        "lch",
        &pfm("Lai Châu", "2026-01-15", &["Kế hoạch số 30-KH/TU"]),
        "",
    );
    s.built();
    assert_eq!(basis_of(&s, "plans/lc"), ["documents/tu-lao-cai"]);
    assert_eq!(basis_of(&s, "plans/lch"), ["documents/tu-lai-chau"]);
}

#[test]
fn rule3_local_code_prefers_the_nearest_ancestor() {
    let s = Site::new();
    s.doc(
        "hp",
        &dfm("Thành phố", "12/KH-UBND", "Hải Phòng", "2025-02-01"),
        "",
    );
    s.doc(
        "hd",
        &dfm(
            "Phường HĐ",
            "12/KH-UBND",
            "Hải Phòng/phường Hưng Đạo",
            "2025-01-01",
        ),
        "",
    );
    s.doc(
        "lch",
        &dfm(
            "Phường LC",
            "12/KH-UBND",
            "Hải Phòng/phường Lê Chân",
            "2025-03-01",
        ),
        "",
    );
    s.doc(
        "khac",
        &dfm("Tỉnh khác", "12/KH-UBND", "Lào Cai", "2025-04-01"),
        "",
    );
    s.plan(
        "ward",
        &pfm("Hải Phòng/phường Hưng Đạo", "2026-01-15", &["12/KH-UBND"]),
        "",
    );
    s.plan(
        "other-ward",
        &pfm("Hải Phòng/phường Ngô Quyền", "2026-01-15", &["12/KH-UBND"]),
        "",
    );
    s.plan("city", &pfm("Hải Phòng", "2026-01-15", &["12/KH-UBND"]), "");
    s.built();
    assert_eq!(
        basis_of(&s, "plans/ward"),
        ["documents/hd"],
        "own ward before the city"
    );
    assert_eq!(
        basis_of(&s, "plans/other-ward"),
        ["documents/hp"],
        "the city is its ancestor"
    );
    assert_eq!(
        basis_of(&s, "plans/city"),
        ["documents/hp"],
        "wards are not ancestors"
    );
}

#[test]
fn rule3_local_code_never_crosses_to_another_province() {
    let s = Site::new();
    s.doc(
        "tu-lao-cai",
        &dfm("TU Lào Cai", "30-KH/TU", "Lào Cai", "2025-09-14"),
        "",
    );
    s.plan("yb", &pfm("Yên Bái", "2026-01-15", &["30-KH/TU"]), "");
    s.built();
    let json = s.json();
    let t = targets(&doc(&json, "plans/yb")["basis"]);
    assert_ne!(
        t[0], "documents/tu-lao-cai",
        "Lào Cai's TU is not Yên Bái's"
    );
    assert_eq!(doc(&json, &t[0])["stub"], true, "it resolves to a stub");
}

#[test]
fn rule3_national_codes_resolve_from_any_province() {
    let s = Site::new();
    s.doc(
        "byt",
        &dfm("Bộ Y tế", "3472/QĐ-BYT", "Trung ương", "2025-11-07"),
        "",
    );
    // A national document whose file gives no jurisdiction at all.
    s.doc(
        "ttg",
        "title: QĐ TTg\nnumber: 1745/QĐ-TTg\nissuer: Thủ tướng Chính phủ\ndate: 2025-08-15",
        "",
    );
    s.doc("nq", &dfm("NQ", "72-NQ/TW", "Trung ương", "2025-09-09"), "");
    s.plan(
        "p",
        &pfm(
            "Hải Phòng/phường Hưng Đạo",
            "2026-01-15",
            &["3472/QĐ-BYT", "1745/QĐ-TTg", "72-NQ/TW"],
        ),
        "",
    );
    s.built();
    assert_eq!(
        basis_of(&s, "plans/p"),
        ["documents/byt", "documents/ttg", "documents/nq"]
    );
}

#[test]
fn rule4_several_left_picks_latest_on_or_before_citing_date_with_warning() {
    let s = Site::new();
    s.doc(
        "ct-2024",
        &dfm("CT 2024", "5/CT-TTg", "Trung ương", "2024-01-10"),
        "",
    );
    s.doc(
        "ct-2025",
        &dfm("CT 2025", "5/CT-TTg", "Trung ương", "2025-01-10"),
        "",
    );
    s.doc(
        "ct-2027",
        &dfm("CT 2027", "5/CT-TTg", "Trung ương", "2027-01-10"),
        "",
    );
    s.plan("mid", &pfm("Lào Cai", "2024-06-01", &["5/CT-TTg"]), "");
    s.plan(
        "late",
        &pfm("Lào Cai", "2026-01-15", &["Chỉ thị số 5/CT-TTg"]),
        "",
    );
    let r = s.build();
    // `late` has two candidates on or before its date; `mid` only one (rule 2
    // drops the later ones), so only `late` is warned about.
    r.ok()
        .warns()
        .says("5/CT-TTg")
        .says("content/plans/late.md");
    assert!(!r.stderr.contains("content/plans/mid.md"), "{}", r.stderr);
    assert_eq!(basis_of(&s, "plans/mid"), ["documents/ct-2024"]);
    assert_eq!(
        basis_of(&s, "plans/late"),
        ["documents/ct-2025"],
        "not the future one"
    );
}

#[test]
fn rule5_unresolved_reference_gets_a_stub_page_listing_who_cites_it() {
    let s = Site::new();
    s.plan(
        "p",
        &pfm(
            "Lào Cai",
            "2026-01-15",
            &["Kết luận số 149-KL/TW ngày 10/4/2025 của Bộ Chính trị"],
        ),
        "",
    );
    s.plan(
        "q",
        &pfm(
            "Lai Châu",
            "2025-12-01",
            &["Kết luận số 149-KL/TW ngày 10/4/2025 của Bộ Chính trị"],
        ),
        "",
    );
    s.built();
    let json = s.json();
    assert_eq!(basis_of(&s, "plans/p"), ["documents/149-kl-tw-2025"]);
    assert_eq!(
        basis_of(&s, "plans/q"),
        ["documents/149-kl-tw-2025"],
        "one stub"
    );
    let stub = doc(&json, "documents/149-kl-tw-2025");
    assert_eq!(stub["stub"], true);
    assert_eq!(stub["url"], "/documents/149-kl-tw-2025/");
    assert_eq!(stub["number"], "149-KL/TW");
    assert_eq!(stub["type"], "Kết luận");
    assert_eq!(stub["date"], "2025-04-10");
    assert_eq!(stub["issuer"], "Bộ Chính trị");
    let mut by = ids(&stub["implemented_by"]);
    by.sort();
    assert_eq!(by, ["plans/p", "plans/q"]);

    let page = s.page("/documents/149-kl-tw-2025/");
    for want in ["149-KL/TW", "Kết luận", "Bộ Chính trị", "10/04/2025"] {
        assert!(page.contains(want), "stub page lacks {want:?}");
    }
    assert!(
        links_to(&page, "/plans/p/") && links_to(&page, "/plans/q/"),
        "lists who cites it"
    );
    assert!(links_to(&s.page("/plans/p/"), "/documents/149-kl-tw-2025/"));
}

#[test]
fn rule5_check_warns_about_stubs() {
    let s = Site::new();
    s.plan(
        "p",
        &pfm(
            "Lào Cai",
            "2026-01-15",
            &["Kết luận số 149-KL/TW ngày 10/4/2025"],
        ),
        "",
    );
    s.check()
        .ok()
        .warns()
        .no_errors()
        .says("149-KL/TW")
        .says("content/plans/p.md");
}

#[test]
fn rule5_local_stubs_of_two_places_never_merge() {
    let s = Site::new();
    let cite = "Kế hoạch số 7-KH/TU ngày 01/02/2025 của Tỉnh ủy";
    s.plan("lc", &pfm("Lào Cai", "2026-01-15", &[cite]), "");
    s.plan("lch", &pfm("Lai Châu", "2026-01-15", &[cite]), "");
    s.built();
    let a = basis_of(&s, "plans/lc").remove(0);
    let b = basis_of(&s, "plans/lch").remove(0);
    assert_ne!(a, b, "two provinces' 7-KH/TU are two documents");
    for (t, place) in [(&a, "lao-cai"), (&b, "lai-chau")] {
        assert!(
            t.starts_with("documents/7-kh-tu"),
            "stub slug from the number: {t}"
        );
        assert!(t.contains("2025"), "stub slug has the year: {t}");
        assert!(t.contains(place), "stub slug has the citing place: {t}");
        let url = format!("/{t}/");
        assert!(s.has_page(&url), "stub page {url} exists");
    }
}
