//! Errors between files or in the basis graph: two files with one output
//! path, unsafe slugs, basis entries without a number, cycles, self
//! references, duplicate documents.

use crate::support::*;

#[test]
fn two_files_with_the_same_output_path_are_both_named() {
    let s = Site::new();
    s.plan("a", &format!("{PLAN_FM}slug: b"), "A.\n");
    s.plan(
        "b",
        "title: Kế hoạch B
issuer: UBND tỉnh Lào Cai
date: 2025-01-01",
        "B.\n",
    );
    let r = s.build();
    r.fails()
        .says("content/plans/a.md")
        .says("content/plans/b.md");
    r.says("plans/b");
    assert!(!s.out().exists(), "nothing is written");
}

#[test]
fn slug_with_a_slash_is_an_error_on_its_line() {
    let s = Site::new();
    s.write(
        "content/plans/x.md",
        "---\ntitle: Kế hoạch\nissuer: UBND\ndate: 2026-01-15\nslug: nam-2026/dan-so\n---\n",
    );
    s.build()
        .fails()
        .located("content/plans/x.md", 5)
        .says("slug");
    assert!(!s.out().exists());
}

#[test]
fn slug_with_dot_dot_is_an_error_and_writes_nothing_outside() {
    let s = Site::new();
    s.write(
        "content/plans/x.md",
        "---\ntitle: Kế hoạch\nissuer: UBND\ndate: 2026-01-15\nslug: ..\n---\n",
    );
    s.build()
        .fails()
        .located("content/plans/x.md", 5)
        .says("slug");
    s.write(
        "content/plans/x.md",
        "---\ntitle: Kế hoạch\nissuer: UBND\ndate: 2026-01-15\nslug: ../../thoat-ra\n---\n",
    );
    s.build().fails().located("content/plans/x.md", 5);
    assert!(!s.root().join("thoat-ra").exists());
    assert!(!s.out().exists());
}

#[test]
fn basis_entry_without_a_number_is_an_error_quoting_it() {
    let s = Site::new();
    s.write(
        "content/plans/x.md",
        "---\ntitle: Kế hoạch\nissuer: UBND tỉnh Lào Cai\njurisdiction: Lào Cai\ndate: 2026-01-15\n\
         basis:\n  - 149-KL/TW\n  - Nghị quyết của Tỉnh ủy về công tác dân số\n---\n",
    );
    s.build()
        .fails()
        .located("content/plans/x.md", 8)
        .says("Nghị quyết của Tỉnh ủy về công tác dân số");
}

/// Two national documents of the same day that implement each other (rule 2
/// rules out a cycle through a later document).
fn cycle_site() -> Site {
    let s = Site::new();
    s.doc(
        "qd-10",
        "title: Quyết định mười
number: 10/QĐ-TTg
issuer: Thủ tướng Chính phủ
jurisdiction: Trung ương
date: 2025-01-10
basis:
  - 20/QĐ-TTg",
        "",
    );
    s.doc(
        "qd-20",
        "title: Quyết định hai mươi
number: 20/QĐ-TTg
issuer: Thủ tướng Chính phủ
jurisdiction: Trung ương
date: 2025-01-10
basis:
  - Quyết định số 10/QĐ-TTg ngày 10/01/2025 của Thủ tướng Chính phủ",
        "",
    );
    s
}

#[test]
fn basis_cycle_is_an_error_printing_the_cycle_with_files() {
    let s = cycle_site();
    let r = s.build();
    r.fails()
        .says("content/documents/qd-10.md")
        .says("content/documents/qd-20.md");
    // `A → B → A`: one line with at least two arrows that ends where it starts.
    let line = r
        .stderr
        .lines()
        .find(|l| l.matches('→').count() >= 2)
        .unwrap_or_else(|| panic!("no `A → B → A` line:\n{}", r.stderr));
    let parts: Vec<&str> = line.split('→').map(str::trim).collect();
    let first = parts[0].rsplit(": ").next().unwrap().trim();
    let last = parts[parts.len() - 1];
    assert!(
        last.starts_with(first) || first.ends_with(last) || last.contains(first),
        "the cycle returns to its start: {line}"
    );
    assert!(
        line.contains("10/QĐ-TTg") || line.contains("qd-10"),
        "the cycle names A: {line}"
    );
    assert!(
        line.contains("20/QĐ-TTg") || line.contains("qd-20"),
        "the cycle names B: {line}"
    );
    assert!(!s.out().exists());
}

#[test]
fn basis_cycle_is_also_an_error_for_check() {
    cycle_site().check().fails().says("→");
}

#[test]
fn self_reference_is_a_cycle_error() {
    let s = Site::new();
    s.doc(
        "self",
        "title: Kế hoạch tự dẫn
number: 77/KH-UBND
issuer: UBND tỉnh Lào Cai
jurisdiction: Lào Cai
date: 2025-03-01
basis:
  - Kế hoạch số 77/KH-UBND ngày 01/3/2025 của UBND tỉnh Lào Cai",
        "",
    );
    s.build()
        .fails()
        .says("content/documents/self.md")
        .says("→");
}

#[test]
fn same_number_date_and_jurisdiction_is_an_error_naming_both_files() {
    let s = Site::new();
    let fm = "title: Kế hoạch trùng
number: 12/KH-UBND
issuer: UBND tỉnh Lào Cai
jurisdiction: Lào Cai
date: 2026-01-15";
    s.plan("mot", fm, "");
    s.doc("hai", fm, "");
    s.build()
        .fails()
        .says("content/plans/mot.md")
        .says("content/documents/hai.md")
        .says("12/KH-UBND");
}

#[test]
fn same_number_written_differently_is_still_a_duplicate() {
    // Matching ignores dash and case differences, so these are one identity.
    let s = Site::new();
    s.doc(
        "a",
        "title: A\nnumber: 30-KH/TU\nissuer: Tỉnh ủy\njurisdiction: Lào Cai\ndate: 2025-09-14",
        "",
    );
    s.doc(
        "b",
        "title: B\nnumber: 30–KH/TU\nissuer: Tỉnh ủy\njurisdiction: Lào Cai\ndate: 14/9/2025",
        "",
    );
    s.build()
        .fails()
        .says("content/documents/a.md")
        .says("content/documents/b.md");
}

#[test]
fn same_number_and_date_in_two_places_is_fine() {
    let s = Site::new();
    s.doc(
        "lao-cai",
        "title: A\nnumber: 30-KH/TU\nissuer: Tỉnh ủy Lào Cai\njurisdiction: Lào Cai\ndate: 2025-09-14",
        "",
    );
    s.doc(
        "lai-chau",
        "title: B\nnumber: 30-KH/TU\nissuer: Tỉnh ủy Lai Châu\njurisdiction: Lai Châu\ndate: 2025-09-14",
        "",
    );
    s.build().ok();
}

#[test]
fn same_number_in_two_years_is_fine() {
    let s = Site::new();
    s.doc(
        "a",
        "title: A\nnumber: 5/QĐ-TTg\nissuer: Thủ tướng\njurisdiction: Trung ương\ndate: 2024-01-05",
        "",
    );
    s.doc(
        "b",
        "title: B\nnumber: 5/QĐ-TTg\nissuer: Thủ tướng\njurisdiction: Trung ương\ndate: 2025-01-05",
        "",
    );
    s.build().ok();
}
