use std::path::Path;

use super::*;
use crate::content::document;
use crate::content::model::Section;
use crate::graph::chain;

fn doc(section: Section, name: &str, fm: &str) -> Document {
    let src = format!("---\ntitle: {name}\n{fm}---\n");
    let path = format!("content/{}/{name}.md", section.dir());
    let p = document::parse(Path::new(&path), section, name, &src);
    assert!(
        p.diagnostics.iter().all(|d| !d.is_error()),
        "{:?}",
        p.diagnostics
    );
    p.document.unwrap()
}

fn target_of(lib: &Library, from: &str, i: usize) -> String {
    let f = lib.get(from).unwrap();
    lib.nodes[lib.basis[f][i].target].doc.id.clone()
}

#[test]
fn number_date_and_scope_choose_the_document() {
    let docs = vec![
        doc(Section::Document, "tu-lao-cai", "number: 30-KH/TU\njurisdiction: Lào Cai\ndate: 14/9/2025\n"),
        doc(Section::Document, "tu-lai-chau", "number: 30-KH/TU\njurisdiction: Lai Châu\ndate: 14/9/2025\n"),
        doc(Section::Document, "tu-lao-cai-2024", "number: 30-KH/TU\njurisdiction: Lào Cai\ndate: 2024-03-01\n"),
        doc(Section::Plan, "p", "issuer: X\njurisdiction: Lào Cai/xã A\ndate: 2026-01-01\nbasis:\n  - Kế hoạch số 30-KH/TU ngày 14/9/2025\n  - { number: 30-KH/TU, year: 2024 }\n"),
    ];
    let mut d = Diagnostics::default();
    let lib = build(docs, &mut d);
    assert!(!d.has_errors(), "{d:?}");
    assert_eq!(target_of(&lib, "plans/p", 0), "documents/tu-lao-cai");
    assert_eq!(target_of(&lib, "plans/p", 1), "documents/tu-lao-cai-2024");
    let lc = lib.get("documents/tu-lao-cai").unwrap();
    assert_eq!(lib.implemented_by[lc], vec![lib.get("plans/p").unwrap()]);
}

#[test]
fn national_codes_ignore_jurisdiction() {
    let docs = vec![
        doc(
            Section::Document,
            "kl149",
            "number: 149-KL/TW\njurisdiction: Trung ương\ndate: 2025-04-10\n",
        ),
        doc(
            Section::Plan,
            "p",
            "issuer: X\njurisdiction: Lai Châu\ndate: 2026-01-01\nbasis: [149-KL/TW]\n",
        ),
    ];
    let mut d = Diagnostics::default();
    let lib = build(docs, &mut d);
    assert_eq!(target_of(&lib, "plans/p", 0), "documents/kl149");
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn ambiguity_takes_latest_before_citing_date_with_warning() {
    let docs = vec![
        doc(
            Section::Document,
            "a",
            "number: 5/KH-UBND\njurisdiction: Huế\ndate: 2024-01-01\n",
        ),
        doc(
            Section::Document,
            "b",
            "number: 5/KH-UBND\njurisdiction: Huế\ndate: 2025-01-01\n",
        ),
        doc(
            Section::Document,
            "c",
            "number: 5/KH-UBND\njurisdiction: Huế\ndate: 2027-01-01\n",
        ),
        doc(
            Section::Plan,
            "p",
            "issuer: X\njurisdiction: Huế\ndate: 2026-01-01\nbasis: [5/KH-UBND]\n",
        ),
    ];
    let mut d = Diagnostics::default();
    let lib = build(docs, &mut d);
    assert_eq!(target_of(&lib, "plans/p", 0), "documents/b");
    assert_eq!(d.warning_count(), 1);
    assert!(d.iter().next().unwrap().message().contains("nhiều văn bản"));
}

#[test]
fn missing_documents_become_shared_stubs_per_place() {
    let docs = vec![
        doc(Section::Plan, "a", "issuer: X\njurisdiction: Lào Cai\ndate: 2026-01-01\nbasis:\n  - Kết luận số 149-KL/TW ngày 10/4/2025 của Bộ Chính trị\n  - Kế hoạch số 09-KH/TU ngày 24/10/2025\n"),
        doc(Section::Plan, "b", "issuer: X\njurisdiction: Lai Châu\ndate: 2026-01-01\nbasis:\n  - 149-KL/TW\n  - Kế hoạch số 09-KH-TU ngày 24/10/2025\n"),
    ];
    let mut d = Diagnostics::default();
    let lib = build(docs, &mut d);
    assert_eq!(target_of(&lib, "plans/a", 0), "documents/149-kl-tw-2025");
    assert_eq!(target_of(&lib, "plans/b", 0), "documents/149-kl-tw-2025");
    assert_eq!(
        target_of(&lib, "plans/a", 1),
        "documents/09-kh-tu-2025-lao-cai"
    );
    assert_eq!(
        target_of(&lib, "plans/b", 1),
        "documents/09-kh-tu-2025-lai-chau"
    );
    let stub = lib.get("documents/149-kl-tw-2025").unwrap();
    assert!(lib.nodes[stub].stub);
    assert_eq!(lib.nodes[stub].doc.issuer.as_deref(), Some("Bộ Chính trị"));
    assert_eq!(lib.implemented_by[stub].len(), 2);
    assert_eq!(d.warning_count(), 3);
}

#[test]
fn cycles_and_self_references_are_errors() {
    let docs = vec![
        doc(
            Section::Document,
            "a",
            "number: 1-NQ/TW\ndate: 2020-01-01\nbasis: [2-NQ/TW]\n",
        ),
        doc(
            Section::Document,
            "b",
            "number: 2-NQ/TW\ndate: 2020-01-01\nbasis: [1-NQ/TW]\n",
        ),
        doc(
            Section::Document,
            "c",
            "number: 3-NQ/TW\ndate: 2020-01-01\nbasis: [3-NQ/TW]\n",
        ),
    ];
    let mut d = Diagnostics::default();
    let lib = build(docs, &mut d);
    let msgs: Vec<String> = d
        .iter()
        .filter(|x| x.is_error())
        .map(|x| x.message())
        .collect();
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(msgs.iter().any(|m| {
        m == "basis cycle: content/documents/a.md → content/documents/b.md → content/documents/a.md"
    }));
    assert!(msgs.iter().any(|m| m.contains("itself")));
    // Walks stop at the cycle instead of looping.
    let a = lib.get("documents/a").unwrap();
    let tree = chain::basis_tree(&lib, a);
    assert!(tree[0].children[0].repeated);
}

#[test]
fn duplicates_name_both_files() {
    let docs = vec![
        doc(
            Section::Document,
            "a",
            "number: 1/QĐ-UBND\njurisdiction: Huế\ndate: 2020-01-01\n",
        ),
        doc(
            Section::Document,
            "b",
            "number: 01/QĐ-UBND\njurisdiction: Huế\ndate: 1/1/2020\n",
        ),
    ];
    let mut d = Diagnostics::default();
    build(docs, &mut d);
    let e = d.iter().find(|x| x.is_error()).unwrap();
    assert!(
        e.message().contains("content/documents/a.md")
            && e.message().contains("content/documents/b.md"),
        "{}",
        e.message()
    );
}

#[test]
fn body_citations_are_cites_not_basis() {
    let mut p = doc(
        Section::Plan,
        "p",
        "issuer: X\njurisdiction: Lào Cai\ndate: 2026-01-01\nbasis: [149-KL/TW]\n",
    );
    p.cites = document::parse(Path::new("x.md"), Section::Plan, "x", "---\ntitle: x\nissuer: x\ndate: 2026-01-01\n---\nTheo Kết luận số 149-KL/TW và Quyết định số 1745/QĐ-TTg ngày 15/8/2025.\n").document.unwrap().cites;
    let docs = vec![
        doc(
            Section::Document,
            "qd",
            "number: 1745/QĐ-TTg\ndate: 2025-08-15\n",
        ),
        p,
    ];
    let mut d = Diagnostics::default();
    let lib = build(docs, &mut d);
    let pi = lib.get("plans/p").unwrap();
    let qd = lib.get("documents/qd").unwrap();
    assert_eq!(
        lib.cites[pi].iter().map(|l| l.target).collect::<Vec<_>>(),
        vec![qd]
    );
    assert_eq!(lib.cited_by[qd], vec![pi]);
    assert!(lib.implemented_by[qd].is_empty());
}

#[test]
fn transitive_implementers_are_breadth_first() {
    let docs = vec![
        doc(
            Section::Document,
            "root",
            "number: 21-NQ/TW\ndate: 2017-10-25\n",
        ),
        doc(
            Section::Document,
            "mid",
            "number: 149-KL/TW\ndate: 2025-04-10\nbasis: [21-NQ/TW]\n",
        ),
        doc(
            Section::Plan,
            "leaf",
            "issuer: X\ndate: 2026-01-01\nbasis: [149-KL/TW, 21-NQ/TW]\n",
        ),
    ];
    let mut d = Diagnostics::default();
    let lib = build(docs, &mut d);
    let root = lib.get("documents/root").unwrap();
    let got: Vec<(String, usize)> = chain::implementers(&lib, root)
        .into_iter()
        .map(|(i, n)| (lib.nodes[i].doc.id.clone(), n))
        .collect();
    assert_eq!(
        got,
        vec![
            ("documents/mid".to_string(), 1),
            ("plans/leaf".to_string(), 1)
        ]
    );
    let leaf = lib.get("plans/leaf").unwrap();
    let tree = chain::basis_tree(&lib, leaf);
    assert_eq!(tree.len(), 2);
    assert!(!tree[0].children[0].repeated);
    assert!(tree[1].repeated, "21-NQ/TW is shown once, then referenced");
}

fn plan(name: &str, place: &str, date: &str, basis: &[&str]) -> Document {
    let items: String = basis.iter().map(|b| format!("  - {b}\n")).collect();
    doc(
        Section::Plan,
        name,
        &format!("issuer: X\njurisdiction: {place}\ndate: {date}\nbasis:\n{items}"),
    )
}

#[test]
fn rule2_a_document_never_cites_a_later_one() {
    let docs = vec![
        doc(
            Section::Document,
            "kl149",
            "number: 149-KL/TW\njurisdiction: Trung ương\ndate: 2025-04-10\n",
        ),
        doc(
            Section::Document,
            "nq21",
            "number: 21-NQ/TW\njurisdiction: Trung ương\ndate: 2017-10-25\nbasis: [149-KL/TW]\n",
        ),
        doc(
            Section::Document,
            "a",
            "number: 5/KH-UBND\njurisdiction: Huế\ndate: 2024-01-01\n",
        ),
        doc(
            Section::Document,
            "c",
            "number: 5/KH-UBND\njurisdiction: Huế\ndate: 2027-01-01\n",
        ),
        plan("p", "Huế", "2026-01-01", &["5/KH-UBND"]),
    ];
    let mut d = Diagnostics::default();
    let lib = build(docs, &mut d);
    // The later 5/KH-UBND is not a candidate: no ambiguity, no warning about it.
    assert_eq!(target_of(&lib, "plans/p", 0), "documents/a");
    let stub = target_of(&lib, "documents/nq21", 0);
    assert_ne!(stub, "documents/kl149");
    assert!(lib.nodes[lib.get(&stub).unwrap()].stub);
    let kl = lib.get("documents/kl149").unwrap();
    assert!(lib.implemented_by[kl].is_empty() && lib.cited_by[kl].is_empty());
    let msgs: Vec<&Diagnostic> = d
        .iter()
        .filter(|m| m.message().contains("anachronistic"))
        .collect();
    assert_eq!(msgs.len(), 1, "{d:?}");
    assert_eq!(
        msgs[0].path.as_deref(),
        Some(Path::new("content/documents/nq21.md"))
    );
    assert!(msgs[0].line.is_some());
}

#[test]
fn rule3_the_citation_names_the_place() {
    let docs = vec![
        doc(
            Section::Document,
            "tu-lao-cai",
            "number: 30-KH/TU\njurisdiction: Lào Cai\ndate: 14/9/2025\n",
        ),
        doc(
            Section::Document,
            "tu-hai-phong",
            "number: 30-KH/TU\njurisdiction: Hải Phòng\ndate: 14/9/2025\n",
        ),
        doc(
            Section::Document,
            "ubnd-phuong",
            "number: 2/KH-UBND\njurisdiction: Hải Phòng/phường Hưng Đạo\ndate: 1/2/2026\n",
        ),
        doc(
            Section::Document,
            "ubnd-tp",
            "number: 2/KH-UBND\njurisdiction: Hải Phòng\ndate: 1/2/2026\n",
        ),
        plan(
            "w",
            "Hải Phòng/phường Hưng Đạo",
            "2026-03-01",
            &[
                "Kế hoạch số 30-KH/TU ngày 14/9/2025 của Tỉnh ủy Lào Cai",
                "Kế hoạch số 30-KH/TU ngày 14/9/2025 của Thành ủy",
                "Kế hoạch số 2/KH-UBND của Ủy ban nhân dân thành phố",
                "Kế hoạch số 2/KH-UBND",
            ],
        ),
    ];
    let mut d = Diagnostics::default();
    let lib = build(docs, &mut d);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(target_of(&lib, "plans/w", 0), "documents/tu-lao-cai");
    assert_eq!(target_of(&lib, "plans/w", 1), "documents/tu-hai-phong");
    assert_eq!(target_of(&lib, "plans/w", 2), "documents/ubnd-tp");
    assert_eq!(target_of(&lib, "plans/w", 3), "documents/ubnd-phuong");
}

#[test]
fn rule5_one_stub_per_place_with_the_agreed_issuer() {
    let docs = vec![
        plan(
            "a",
            "Hải Phòng/phường Hưng Đạo",
            "2025-06-01",
            &[
                "Kế hoạch số 16-KH/TU ngày 1/3/2025 của Thành ủy",
                "Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XlI",
                "Kết luận số 149-KL/TW ngày 10/4/2025 của Bộ Chinh tri",
            ],
        ),
        plan(
            "b",
            "Hải Phòng/xã Tiên Lãng",
            "2025-06-01",
            &[
                "16-KH/TU",
                "Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII",
            ],
        ),
        plan(
            "c",
            "Hải Phòng/phường Lê Chân",
            "2025-06-01",
            &[
                "Kế hoạch số 16-KH/TU ngày 1/3/2025 của Ban Thường vụ Thành ủy Hải Phòng",
                "Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII",
            ],
        ),
        plan(
            "d",
            "Lào Cai/xã Tả Van",
            "2025-06-01",
            &["16-KH/TU", "Kế hoạch số 9/KH-UBND của UBND tỉnh Quảng Ninh"],
        ),
    ];
    let mut d = Diagnostics::default();
    let lib = build(docs, &mut d);
    for p in ["plans/a", "plans/b", "plans/c"] {
        assert_eq!(
            target_of(&lib, p, 0),
            "documents/16-kh-tu-2025-hai-phong",
            "{p}"
        );
    }
    assert_eq!(target_of(&lib, "plans/d", 0), "documents/16-kh-tu-lao-cai");
    let hp = &lib.nodes[lib.get("documents/16-kh-tu-2025-hai-phong").unwrap()].doc;
    assert_eq!(hp.jurisdiction.as_deref(), Some("Hải Phòng"));
    assert_eq!(hp.issuer.as_deref(), Some("Thành ủy Hải Phòng"));
    let nq = &lib.nodes[lib.get(&target_of(&lib, "plans/a", 1)).unwrap()].doc;
    assert_eq!(
        nq.issuer.as_deref(),
        Some("Ban Chấp hành Trung ương Đảng khóa XII")
    );
    let kl = &lib.nodes[lib.get(&target_of(&lib, "plans/a", 2)).unwrap()].doc;
    assert_eq!(kl.issuer.as_deref(), Some("Bộ Chính trị"));
    // A named place that is no jurisdiction: its own stub, and a warning.
    assert_eq!(
        target_of(&lib, "plans/d", 1),
        "documents/9-kh-ubnd-quang-ninh"
    );
    let w: Vec<&Diagnostic> = d
        .iter()
        .filter(|m| m.message().contains("Quảng Ninh"))
        .collect();
    assert_eq!(w.len(), 1, "{d:?}");
    assert_eq!(w[0].path.as_deref(), Some(Path::new("content/plans/d.md")));
}

#[test]
fn summary_links_may_name_later_documents_but_never_cite_them() {
    let src = "---\ntitle: NQ\nnumber: 21-NQ/TW\njurisdiction: Trung ương\ndate: 2017-10-25\nsummary: |\n  Sau đó có «Kết luận số 149-KL/TW, ngày 10/4/2025 của Bộ Chính trị về đẩy mạnh …»\n---\n";
    let p = document::parse(
        Path::new("content/documents/nq21.md"),
        Section::Document,
        "nq21",
        src,
    );
    assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    let nq = p.document.unwrap();
    assert_eq!(nq.summary.as_ref().unwrap().refs.len(), 1);
    let docs = vec![
        nq,
        doc(
            Section::Document,
            "kl149",
            "number: 149-KL/TW\njurisdiction: Trung ương\ndate: 2025-04-10\n",
        ),
    ];
    let mut d = Diagnostics::default();
    let lib = build(docs, &mut d);
    assert!(d.is_empty(), "{d:?}");
    let nq = lib.get("documents/nq21").unwrap();
    let kl = lib.get("documents/kl149").unwrap();
    assert_eq!(
        lib.summary_targets[nq]
            .values()
            .copied()
            .collect::<Vec<_>>(),
        vec![kl]
    );
    assert!(lib.cites[nq].is_empty() && lib.cited_by[kl].is_empty());
}
