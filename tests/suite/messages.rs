//! The message catalogue from the command line: Vietnamese by default (the
//! site's `language`), English with `--lang en`, warnings grouped by kind.

use crate::support::*;

const X: &str = "content/plans/x.md";

fn isuer_site() -> Site {
    let s = Site::new();
    s.write(
        X,
        "---\n# ghi chú\ntitle: Kế hoạch\nisuer: UBND tỉnh Lào Cai\ndate: 2026-01-15\n---\nThân.\n",
    );
    s
}

#[test]
fn vietnamese_is_the_default_with_location_fix_and_example() {
    let s = isuer_site();
    let root = s.root().to_str().unwrap().to_string();
    let r = s.run(&["check", "--root", &root, "--lang", "vi"]);
    r.fails().located(X, 4);
    assert!(
        r.stderr.contains("lỗi[unknown-key]: không có khóa `isuer`"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("có phải ý bạn là `issuer`?"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("ví dụ: issuer: Ủy ban nhân dân tỉnh Lào Cai"),
        "{}",
        r.stderr
    );
    // One mistake, one error: no "issuer is missing" on the comment line.
    assert_eq!(r.stderr.matches("lỗi[").count(), 1, "{}", r.stderr);
}

#[test]
fn without_lang_the_site_language_decides() {
    let s = isuer_site();
    let root = s.root().to_str().unwrap().to_string();
    // `--` keeps the harness from adding `--lang en`.
    let vi = run_in(s.root(), &["check", "--root", &root, "--"], "0");
    assert!(vi.stderr.contains("lỗi[unknown-key]"), "{}", vi.stderr);
    s.write("site.yaml", "language: en\n");
    let en = run_in(s.root(), &["check", "--root", &root, "--"], "0");
    assert!(
        en.stderr
            .contains("error[unknown-key]: unknown key `isuer`"),
        "{}",
        en.stderr
    );
    let forced = s.run(&["check", "--root", &root, "--lang", "vi"]);
    assert!(
        forced.stderr.contains("lỗi[unknown-key]"),
        "{}",
        forced.stderr
    );
}

#[test]
fn a_forgotten_fence_is_placed_before_the_body() {
    let s = Site::new();
    s.write(
        X,
        "---\ntitle: Kế hoạch\nissuer: UBND\ndate: 2026-01-15\n\n## I. MỤC ĐÍCH\n\nNội dung: làm tốt.\n\n---\n\nHết.\n",
    );
    let root = s.root().to_str().unwrap().to_string();
    let r = s.run(&["build", "--root", &root, "--lang", "vi"]);
    r.fails().located(X, 5);
    assert!(
        r.stderr
            .contains("thêm dòng `---` sau dòng 4, trước phần nội dung"),
        "{}",
        r.stderr
    );
}

#[test]
fn warnings_are_grouped_by_kind_and_folded_after_twenty() {
    let s = Site::new();
    for i in 0..23 {
        s.plan(
            &format!("p{i}"),
            "title: Nháp\ndraft: true\nissuer: UBND\ndate: 2026-01-15",
            "Thân.\n",
        );
    }
    let root = s.root().to_str().unwrap().to_string();
    let r = s.run(&["check", "--root", &root, "--lang", "vi"]);
    r.ok();
    assert!(
        r.stderr.contains("── 23 cảnh báo [draft-lacks] ──"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.matches("cảnh báo[draft-lacks]").count(), 20);
    assert!(
        r.stderr
            .contains("và 3 cảnh báo [draft-lacks] khác (planportal check --all)"),
        "{}",
        r.stderr
    );
    let all = s.run(&["check", "--root", &root, "--all", "--lang", "vi"]);
    assert_eq!(all.stderr.matches("cảnh báo[draft-lacks]").count(), 23);
}
