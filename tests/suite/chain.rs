//! Document pages show the basis chain as a tree up to the roots, what
//! implements them, what they cite and who cites them.

use std::sync::OnceLock;

use crate::support::*;

/// 21-NQ/TW ← 149-KL/TW ← 345-KH/TU (Lai Châu) ← plan; 149-KL/TW ← 1745/QĐ-TTg;
/// the plan's body cites 1745/QĐ-TTg.
/// Built once into a shared folder; the tests only read it.
fn chain_site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let s = Site::fixed("chain");
        fill_chain_site(&s);
        s.built();
        s
    })
}

fn fill_chain_site(s: &Site) {
    s.doc(
        "nq-21",
        "title: Nghị quyết về công tác dân số trong tình hình mới
number: 21-NQ/TW
issuer: Ban Chấp hành Trung ương Đảng
jurisdiction: Trung ương
date: 2017-10-25",
        "",
    );
    s.doc(
        "kl-149",
        "title: Kết luận về tiếp tục thực hiện nghị quyết dân số
number: 149-KL/TW
issuer: Bộ Chính trị
jurisdiction: Trung ương
date: 2025-04-10
basis:
  - Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng",
        "",
    );
    s.doc(
        "qd-1745",
        "title: Quyết định ban hành Kế hoạch hành động
number: 1745/QĐ-TTg
issuer: Thủ tướng Chính phủ
jurisdiction: Trung ương
date: 2025-08-15
basis:
  - 149-KL/TW",
        "",
    );
    s.doc(
        "kh-345",
        "title: Kế hoạch của Ban Thường vụ Tỉnh ủy
number: 345-KH/TU
issuer: Ban Thường vụ Tỉnh ủy Lai Châu
jurisdiction: Lai Châu
date: 2025-05-21
basis:
  - Kết luận số 149-KL/TW ngày 10/4/2025 của Bộ Chính trị",
        "",
    );
    s.plan(
        "lai-chau",
        "title: Kế hoạch thực hiện công tác dân số tỉnh Lai Châu
number: 88/KH-UBND
issuer: Ủy ban nhân dân tỉnh Lai Châu
jurisdiction: Lai Châu
date: 2025-09-01
basis:
  - Kế hoạch số 345-KH/TU ngày 21/5/2025 của Ban Thường vụ Tỉnh ủy",
        "Thực hiện Quyết định số 1745/QĐ-TTg ngày 15/8/2025 của Thủ tướng Chính phủ, \
         UBND tỉnh ban hành Kế hoạch.\n",
    );
}

#[test]
fn plan_page_shows_the_basis_chain_up_to_the_root() {
    let s = chain_site();
    let p = s.page("/plans/lai-chau/");
    assert!(links_to(&p, "/documents/kh-345/"), "direct basis");
    assert!(links_to(&p, "/documents/kl-149/"), "basis of the basis");
    assert!(links_to(&p, "/documents/nq-21/"), "the root");
    assert!(p.contains("21-NQ/TW") && p.contains("149-KL/TW") && p.contains("345-KH/TU"));
}

#[test]
fn document_page_shows_its_own_chain_to_the_root() {
    let s = chain_site();
    let p = s.page("/documents/qd-1745/");
    assert!(links_to(&p, "/documents/kl-149/"));
    assert!(links_to(&p, "/documents/nq-21/"), "the root, two levels up");
}

#[test]
fn root_document_page_shows_what_implements_it() {
    let s = chain_site();
    let p = s.page("/documents/nq-21/");
    assert!(
        links_to(&p, "/documents/kl-149/"),
        "implemented by 149-KL/TW"
    );
}

#[test]
fn document_page_shows_every_direct_implementer() {
    let s = chain_site();
    let p = s.page("/documents/kl-149/");
    assert!(links_to(&p, "/documents/kh-345/"));
    assert!(links_to(&p, "/documents/qd-1745/"));
    assert!(links_to(&p, "/documents/nq-21/"), "and its own basis");
}

#[test]
fn cited_document_page_lists_who_cites_it() {
    let s = chain_site();
    let p = s.page("/documents/qd-1745/");
    assert!(links_to(&p, "/plans/lai-chau/"), "cited by the plan");
}

#[test]
fn plan_page_lists_what_it_cites() {
    let s = chain_site();
    let p = s.page("/plans/lai-chau/");
    assert!(links_to(&p, "/documents/qd-1745/"));
}

#[test]
fn json_keeps_implementing_and_citing_apart() {
    let s = chain_site();
    let json = s.json();
    let mut kl = ids(&doc(&json, "documents/kl-149")["implemented_by"]);
    kl.sort();
    assert!(
        kl.contains(&"documents/kh-345".to_string())
            && kl.contains(&"documents/qd-1745".to_string()),
        "149-KL/TW is implemented by 345-KH/TU and 1745/QĐ-TTg: {kl:?}"
    );
    assert_eq!(
        ids(&doc(&json, "documents/kh-345")["implemented_by"]),
        ["plans/lai-chau"]
    );
    let qd = doc(&json, "documents/qd-1745");
    assert_eq!(ids(&qd["cited_by"]), ["plans/lai-chau"]);
    assert!(
        !ids(&qd["implemented_by"]).contains(&"plans/lai-chau".to_string()),
        "a citation in the body is not basis"
    );
    let plan = doc(&json, "plans/lai-chau");
    assert_eq!(
        targets(&plan["basis"]),
        ["documents/kh-345"],
        "basis stays direct"
    );
    assert_eq!(targets(&plan["cites"]), ["documents/qd-1745"]);
}

#[test]
fn a_document_reached_twice_in_the_tree_is_expanded_once() {
    // A plan implementing both 345-KH/TU and 149-KL/TW reaches 149-KL/TW twice;
    // the tree shows it once in full, then refers back (issue 4), so the root
    // above it is listed once.
    let s = Site::new();
    fill_chain_site(&s);
    s.plan(
        "hai-nhanh",
        "title: Kế hoạch hai nhánh
number: 89/KH-UBND
issuer: Ủy ban nhân dân tỉnh Lai Châu
jurisdiction: Lai Châu
date: 2025-10-01
basis:
  - 345-KH/TU
  - 149-KL/TW",
        "",
    );
    s.built();
    let p = s.page("/plans/hai-nhanh/");
    let kl = p.matches("href=\"/documents/kl-149/\"").count();
    let nq = p.matches("href=\"/documents/nq-21/\"").count();
    assert!(kl >= 2, "149-KL/TW appears in both branches");
    assert_eq!(nq, 1, "21-NQ/TW is not expanded again under the repeat");
}
