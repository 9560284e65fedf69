//! `/data/documents.json` exactly in the contract's shape.

use std::collections::BTreeSet;

use serde_json::{json, Value};

use std::sync::OnceLock;

use crate::support::*;

const DOC_KEYS: [&str; 24] = [
    "id",
    "url",
    "stub",
    "number",
    "type",
    "title",
    "issuer",
    "jurisdiction",
    "date",
    "basis",
    "cites",
    "implemented_by",
    "cited_by",
    "campaigns",
    "short_title",
    "status",
    "amended",
    "source",
    "replaces",
    "replaced_by",
    "amends",
    "amended_by",
    "repeals",
    "repealed_by",
];

/// The contract's example plan, its three basis documents, and a body
/// citation of a document that is not in content/ (a stub).
/// Built once into a shared folder; the tests only read it.
fn contract_site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let s = Site::fixed("data-contract");
        fill_contract_site(&s);
        s.built();
        s
    })
}

fn fill_contract_site(s: &Site) {
    s.plan(
        "lao-cai-2026",
        "title: Kế hoạch thực hiện công tác dân số trên địa bàn tỉnh Lào Cai năm 2026
number: 12/KH-UBND
issuer: Ủy ban nhân dân tỉnh Lào Cai
jurisdiction: Lào Cai
date: 15/1/2026
signer: Vũ Thị Hiền Hạnh
basis:
  - Kế hoạch số 30-KH/TU ngày 14/9/2025 của Tỉnh ủy Lào Cai
  - 149-KL/TW
  - { number: 72-NQ/TW, date: 2025-09-09 }
campaigns:
  - Ngày Thalassemia Thế giới (8/5)
  - { name: Ngày Dân số thế giới, date: 11/7 }
  - { name: Tháng hành động quốc gia về Dân số, month: 12 }
draft: false",
        "Thực hiện Quyết định số 1745/QĐ-TTg ngày 15/8/2025 của Thủ tướng Chính phủ, \
         UBND tỉnh ban hành Kế hoạch.\n",
    );
    s.doc(
        "kh-30",
        "title: Kế hoạch của Tỉnh ủy
number: 30-KH/TU
issuer: Tỉnh ủy Lào Cai
jurisdiction: Lào Cai
date: 2025-09-14",
        "",
    );
    s.doc(
        "kl-149",
        "title: Kết luận của Bộ Chính trị
number: 149-KL/TW
issuer: Bộ Chính trị
jurisdiction: Trung ương
date: 2025-04-10",
        "",
    );
    s.doc(
        "nq-72",
        "title: Nghị quyết của Bộ Chính trị
number: 72-NQ/TW
issuer: Bộ Chính trị
jurisdiction: Trung ương
date: 2025-09-09",
        "",
    );
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .unwrap_or_else(|| panic!("expected an object, got {v}"))
        .keys()
        .cloned()
        .collect()
}

fn set(ks: &[&str]) -> BTreeSet<String> {
    ks.iter().map(|k| k.to_string()).collect()
}

/// `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` for a month- or year-precision date.
fn is_iso_date(v: &Value) -> bool {
    v.as_str().is_some_and(|s| {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        match b.len() {
            10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
            7 => digits(0..4) && b[4] == b'-' && digits(5..7),
            4 => digits(0..4),
            _ => false,
        }
    })
}

#[test]
fn top_level_is_an_object_with_only_documents() {
    let s = contract_site();
    let j = s.json();
    assert_eq!(keys(&j), set(&["documents"]));
    assert_eq!(
        j["documents"].as_array().unwrap().len(),
        5,
        "4 files + 1 stub"
    );
}

#[test]
fn every_document_has_exactly_the_contract_keys_and_types() {
    let s = contract_site();
    let j = s.json();
    for d in j["documents"].as_array().unwrap() {
        assert_eq!(keys(d), set(&DOC_KEYS), "keys of {}", d["id"]);
        let id = d["id"].as_str().expect("id is a string");
        assert_eq!(d["url"], format!("/{id}/"), "url is /id/");
        assert!(d["stub"].is_boolean());
        assert!(d["title"].is_string(), "title of {id}");
        for k in ["number", "type", "issuer", "jurisdiction"] {
            assert!(d[k].is_string() || d[k].is_null(), "{k} of {id}");
        }
        assert!(
            is_iso_date(&d["date"]) || d["date"].is_null(),
            "date of {id}"
        );
        assert!(d["short_title"].is_string() || d["short_title"].is_null());
        assert!(
            ["in_force", "replaced", "repealed", "expired"]
                .contains(&d["status"].as_str().unwrap()),
            "status of {id}"
        );
        assert!(d["amended"].is_boolean());
        assert!(d["source"].is_string() || d["source"].is_null());
        for list in ["basis", "cites", "replaces", "amends", "repeals"] {
            for r in d[list].as_array().expect(list) {
                assert_eq!(
                    keys(r),
                    set(&["text", "number", "date", "target"]),
                    "{list} of {id}"
                );
                assert!(r["text"].is_string() && r["number"].is_string());
                assert!(is_iso_date(&r["date"]) || r["date"].is_null());
                let t = r["target"].as_str().expect("target is an id");
                doc(&j, t); // every target is a document in the file
            }
        }
        for list in [
            "implemented_by",
            "cited_by",
            "replaced_by",
            "amended_by",
            "repealed_by",
        ] {
            for x in ids(&d[list]) {
                doc(&j, &x);
            }
        }
        for c in d["campaigns"].as_array().expect("campaigns") {
            assert_eq!(keys(c), set(&["name", "day", "month"]));
            assert!(c["name"].is_string());
            assert!(c["day"].is_u64() || c["day"].is_null());
            assert!(c["month"].is_u64());
        }
    }
}

#[test]
fn plan_entry_matches_the_contract_example() {
    let s = contract_site();
    let j = s.json();
    let p = doc(&j, "plans/lao-cai-2026");
    assert_eq!(p["url"], "/plans/lao-cai-2026/");
    assert_eq!(p["stub"], false);
    assert_eq!(p["number"], "12/KH-UBND");
    assert_eq!(p["type"], "Kế hoạch");
    assert_eq!(
        p["title"],
        "Kế hoạch thực hiện công tác dân số trên địa bàn tỉnh Lào Cai năm 2026"
    );
    assert_eq!(p["issuer"], "Ủy ban nhân dân tỉnh Lào Cai");
    assert_eq!(p["jurisdiction"], "Lào Cai");
    assert_eq!(p["date"], "2026-01-15");
    assert_eq!(p["implemented_by"], json!([]));
    assert_eq!(p["cited_by"], json!([]));
}

#[test]
fn basis_entries_in_three_forms() {
    let s = contract_site();
    let j = s.json();
    let b = &doc(&j, "plans/lao-cai-2026")["basis"];
    assert_eq!(b.as_array().unwrap().len(), 3);
    assert_eq!(
        b[0],
        json!({
            "text": "Kế hoạch số 30-KH/TU ngày 14/9/2025 của Tỉnh ủy Lào Cai",
            "number": "30-KH/TU",
            "date": "2025-09-14",
            "target": "documents/kh-30"
        })
    );
    assert_eq!(b[1]["text"], "149-KL/TW");
    assert_eq!(b[1]["number"], "149-KL/TW");
    assert_eq!(b[1]["date"], Value::Null);
    assert_eq!(b[1]["target"], "documents/kl-149");
    assert_eq!(b[2]["number"], "72-NQ/TW");
    assert_eq!(b[2]["date"], "2025-09-09");
    assert_eq!(b[2]["target"], "documents/nq-72");
}

#[test]
fn body_citations_are_cites_with_their_stub_target() {
    let s = contract_site();
    let j = s.json();
    let c = &doc(&j, "plans/lao-cai-2026")["cites"];
    assert_eq!(
        c.as_array().unwrap().len(),
        1,
        "one citation in the body: {c}"
    );
    assert_eq!(c[0]["number"], "1745/QĐ-TTg");
    assert_eq!(c[0]["date"], "2025-08-15");
    assert_eq!(c[0]["target"], "documents/1745-qd-ttg-2025");
    let text = c[0]["text"].as_str().unwrap();
    assert!(
        text.contains("1745/QĐ-TTg") && text.contains("15/8/2025"),
        "text is the citation as written: {text}"
    );
}

#[test]
fn campaigns_in_three_forms() {
    let s = contract_site();
    let j = s.json();
    assert_eq!(
        doc(&j, "plans/lao-cai-2026")["campaigns"],
        json!([
            { "name": "Ngày Thalassemia Thế giới", "day": 8, "month": 5 },
            { "name": "Ngày Dân số thế giới", "day": 11, "month": 7 },
            { "name": "Tháng hành động quốc gia về Dân số", "day": null, "month": 12 }
        ])
    );
}

#[test]
fn basis_documents_list_the_plan_as_implementer_not_citer() {
    let s = contract_site();
    let j = s.json();
    for id in ["documents/kh-30", "documents/kl-149", "documents/nq-72"] {
        let d = doc(&j, id);
        assert_eq!(d["stub"], false);
        assert_eq!(ids(&d["implemented_by"]), ["plans/lao-cai-2026"], "{id}");
        assert!(
            ids(&d["cited_by"]).is_empty(),
            "{id}: basis is not a citation"
        );
    }
    let kh = doc(&j, "documents/kh-30");
    assert_eq!(kh["number"], "30-KH/TU");
    assert_eq!(kh["type"], "Kế hoạch");
    assert_eq!(kh["date"], "2025-09-14");
    assert_eq!(kh["jurisdiction"], "Lào Cai");
}

#[test]
fn stub_entry_carries_what_the_citation_says() {
    let s = contract_site();
    let j = s.json();
    let st = doc(&j, "documents/1745-qd-ttg-2025");
    assert_eq!(st["stub"], true);
    assert_eq!(st["url"], "/documents/1745-qd-ttg-2025/");
    assert_eq!(st["number"], "1745/QĐ-TTg");
    assert_eq!(st["type"], "Quyết định");
    assert_eq!(st["date"], "2025-08-15");
    assert_eq!(st["issuer"], "Thủ tướng Chính phủ");
    assert_eq!(ids(&st["cited_by"]), ["plans/lao-cai-2026"]);
    assert!(ids(&st["implemented_by"]).is_empty());
    assert_eq!(st["basis"], json!([]));
    assert_eq!(st["campaigns"], json!([]));
    assert!(s.has_page("/documents/1745-qd-ttg-2025/"));
}

#[test]
fn unnumbered_document_has_null_number() {
    let s = Site::new();
    s.plan(
        "khong-so",
        "title: Kế hoạch chưa có số\nissuer: UBND tỉnh Lai Châu\njurisdiction: Lai Châu\ndate: 2025-08-01",
        "",
    );
    s.built();
    let j = s.json();
    let d = doc(&j, "plans/khong-so");
    assert_eq!(d["number"], Value::Null);
    assert_eq!(d["basis"], json!([]));
    assert_eq!(d["campaigns"], json!([]));
}
