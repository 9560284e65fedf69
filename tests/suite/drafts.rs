//! Drafts: left out of `build`, included and marked with `--drafts`, and
//! `check` lists what a draft still lacks as warnings (exit 0).

use crate::support::*;

/// A published plan and a freshly imported draft lacking number, issuer and date.
fn site() -> Site {
    let s = Site::new();
    s.plan("ready", PLAN_FM, "Đã ký.\n");
    s.plan(
        "nhap",
        "title: Kế hoạch truyền thông dân số đang soạn thảo
draft: true",
        "Dự thảo.\n",
    );
    s
}

#[test]
fn build_leaves_drafts_out_everywhere() {
    let s = site();
    s.built();
    assert!(!s.has_page("/plans/nhap/"), "no draft page");
    assert!(s.has_page("/plans/ready/"));
    for url in [
        "/plans/",
        "/",
        "/sitemap.xml",
        "/atom.xml",
        "/data/documents.json",
    ] {
        let text = s.read(&page_file(url));
        assert!(
            !text.contains("đang soạn thảo") && !text.contains("plans/nhap"),
            "{url} mentions the draft"
        );
    }
}

#[test]
fn build_with_drafts_flag_publishes_them() {
    let s = site();
    s.build_with(&["--drafts"]).ok();
    let p = s.page("/plans/nhap/");
    assert!(p.contains("Kế hoạch truyền thông dân số đang soạn thảo"));
    assert!(p.contains("Dự thảo."));
    assert!(s.page("/plans/").contains("đang soạn thảo"), "listed too");
}

#[test]
fn drafts_are_marked_as_drafts() {
    // The contract says drafts are "shown marked as drafts"; we accept the
    // Vietnamese word ("nháp") or "draft" in the page, and require that a
    // published plan built the same way does not carry the mark.
    let s = site();
    s.build_with(&["--drafts"]).ok();
    let mark = |html: &str| {
        let l = html.to_lowercase();
        l.contains("nháp") || l.contains("draft")
    };
    assert!(mark(&s.page("/plans/nhap/")), "draft page is marked");
    assert!(
        !mark(&s.page("/plans/ready/")),
        "a signed plan is not marked"
    );
}

#[test]
fn check_warns_about_what_a_draft_lacks_and_exits_zero() {
    let s = site();
    let r = s.check();
    r.ok().warns().no_errors();
    assert!(
        r.stderr.contains("content/plans/nhap.md"),
        "names the draft:\n{}",
        r.stderr
    );
    let lower = r.stderr.to_lowercase();
    assert!(
        lower.contains("issuer"),
        "says issuer is missing:\n{}",
        r.stderr
    );
    assert!(
        lower.contains("date"),
        "says date is missing:\n{}",
        r.stderr
    );
    assert!(!s.out().exists(), "check writes nothing");
}

#[test]
fn build_without_drafts_flag_does_not_fail_on_incomplete_draft() {
    let s = site();
    s.build().ok().no_errors();
}

#[test]
fn non_draft_missing_issuer_is_still_an_error() {
    // The draft exemption must not leak to published plans.
    let s = Site::new();
    s.plan(
        "x",
        "title: Kế hoạch chưa đủ
date: 2026-01-15
draft: false",
        "Thân.\n",
    );
    s.build().fails().says("issuer");
}
