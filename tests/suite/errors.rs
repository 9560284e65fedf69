//! Front-matter and file errors: exit 1, one clear error naming the file and
//! line, nothing written. BOM and CRLF files are fine. Wrong usage exits 2.

use crate::support::*;

const X: &str = "content/plans/x.md";

/// Lines of stderr that start an error.
fn errors(r: &Run) -> usize {
    r.stderr
        .lines()
        .filter(|l| l.trim_start().to_lowercase().starts_with("error"))
        .count()
}

/// A site whose only plan is `content/plans/x.md` with these exact bytes.
fn site_with(bytes: &[u8]) -> Site {
    let s = Site::new();
    s.write_bytes(X, bytes);
    s
}

/// Build fails with exit 1, one error, and no output folder.
#[track_caller]
fn build_fails_once(s: &Site) -> Run {
    let r = s.build();
    r.fails();
    assert_eq!(
        errors(&r),
        1,
        "one clear error, not a cascade:\n{}",
        r.stderr
    );
    assert!(!s.out().exists(), "a failed build writes nothing");
    r
}

#[test]
fn unknown_key_names_line_and_closest_key() {
    let s = site_with(
        "---\ntitle: Kế hoạch\nisuer: UBND tỉnh Lào Cai\ndate: 2026-01-15\n---\nThân.\n".as_bytes(),
    );
    // A typo'd key may also report the key it lacks; no "one error" rule here.
    let r = s.build();
    r.fails()
        .located(X, 3)
        .says("isuer")
        .says_re(r"did you mean\W{0,3}issuer");
    assert!(!s.out().exists());
}

#[test]
fn unknown_key_is_also_an_error_for_check() {
    let s = site_with(
        "---\ntitle: Kế hoạch\nissuer: UBND\ndate: 2026-01-15\nsinger: Ai đó\n---\n".as_bytes(),
    );
    s.check()
        .fails()
        .located(X, 5)
        .says_re(r"did you mean\W{0,3}signer");
}

#[test]
fn missing_title_is_an_error() {
    let s = site_with("---\nissuer: UBND tỉnh Lào Cai\ndate: 2026-01-15\n---\nThân.\n".as_bytes());
    build_fails_once(&s).located_in(X, 1..=4).says("title");
}

#[test]
fn missing_title_is_an_error_for_documents_too() {
    let s = Site::new();
    s.write(
        "content/documents/d.md",
        "---\nnumber: 149-KL/TW\nissuer: Bộ Chính trị\n---\n",
    );
    s.build()
        .fails()
        .located_in("content/documents/d.md", 1..=4)
        .says("title");
}

#[test]
fn plan_missing_issuer_is_an_error() {
    let s = site_with("---\ntitle: Kế hoạch\ndate: 2026-01-15\n---\nThân.\n".as_bytes());
    build_fails_once(&s).located_in(X, 1..=4).says("issuer");
}

#[test]
fn plan_missing_date_is_an_error() {
    let s = site_with("---\ntitle: Kế hoạch\nissuer: UBND tỉnh Lào Cai\n---\nThân.\n".as_bytes());
    build_fails_once(&s).located_in(X, 1..=4).says("date");
}

#[test]
fn document_without_issuer_or_date_is_fine() {
    // Only plans require issuer and date.
    let s = Site::new();
    s.doc("d", "title: Một văn bản\nnumber: 149-KL/TW", "Thân.\n");
    s.build().ok();
}

#[test]
fn impossible_date_31_june_is_an_error_quoting_it() {
    let s = site_with(
        "---\ntitle: Kế hoạch\nissuer: UBND\njurisdiction: Lào Cai\ndate: 31/6/2025\n---\n"
            .as_bytes(),
    );
    build_fails_once(&s).located(X, 5).says("31/6/2025");
}

#[test]
fn impossible_date_30_february_2026_is_an_error() {
    let s = site_with("---\ntitle: Kế hoạch\nissuer: UBND\ndate: 30/2/2026\n---\n".as_bytes());
    build_fails_once(&s).located(X, 4).says("30/2/2026");
}

#[test]
fn impossible_iso_date_is_an_error() {
    let s = site_with("---\ntitle: Kế hoạch\nissuer: UBND\ndate: 2026-02-29\n---\n".as_bytes());
    build_fails_once(&s).located(X, 4).says("2026-02-29");
}

#[test]
fn leap_day_in_a_leap_year_is_fine() {
    let s = site_with("---\ntitle: Kế hoạch\nissuer: UBND\ndate: 29/2/2024\n---\n".as_bytes());
    s.build().ok();
    assert_eq!(doc(&s.json(), "plans/x")["date"], "2024-02-29");
}

#[test]
fn empty_file_is_an_error_on_line_one() {
    let s = site_with(b"");
    build_fails_once(&s).located(X, 1);
}

#[test]
fn missing_opening_fence_is_an_error() {
    let s = site_with("title: Kế hoạch\nissuer: UBND\ndate: 2026-01-15\n\nThân.\n".as_bytes());
    build_fails_once(&s).located(X, 1).says("---");
}

#[test]
fn missing_closing_fence_is_an_error() {
    let s = site_with("---\ntitle: Kế hoạch\nissuer: UBND\ndate: 2026-01-15\n\nThân.\n".as_bytes());
    build_fails_once(&s).located_in(X, 1..=6).says("---");
}

#[test]
fn front_matter_that_is_a_list_is_an_error() {
    let s = site_with("---\n- title\n- issuer\n---\nThân.\n".as_bytes());
    build_fails_once(&s).located_in(X, 1..=2);
}

#[test]
fn front_matter_that_is_a_scalar_is_an_error() {
    let s = site_with("---\nchỉ là một câu\n---\nThân.\n".as_bytes());
    build_fails_once(&s).located_in(X, 1..=2);
}

#[test]
fn list_where_a_string_is_expected_names_the_key() {
    let s = site_with(
        "---\ntitle: Kế hoạch\nissuer: [Sở Y tế, UBND tỉnh]\ndate: 2026-01-15\n---\n".as_bytes(),
    );
    build_fails_once(&s).located(X, 3).says("issuer");
}

#[test]
fn invalid_yaml_names_the_line() {
    let s = site_with("---\ntitle: Kế hoạch\nissuer: \"UBND\ndate: 2026-01-15\n---\n".as_bytes());
    s.build().fails().located_in(X, 3..=5);
    assert!(!s.out().exists());
}

#[test]
fn non_utf8_bytes_are_an_error_naming_the_line() {
    let mut bytes = b"---\ntitle: K\xe1 ho\xe1ch\nissuer: UBND\ndate: 2026-01-15\n---\n".to_vec();
    bytes.extend_from_slice(b"Th\xe2n.\n");
    let s = site_with(&bytes);
    build_fails_once(&s).located(X, 2).says("utf-8");
}

#[test]
fn byte_order_mark_is_accepted() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(md(PLAN_FM, "Thân có BOM.\n").as_bytes());
    let s = site_with(&bytes);
    s.build().ok().no_errors();
    let d = doc(&s.json(), "plans/x").clone();
    assert_eq!(d["title"], "Kế hoạch thực hiện công tác dân số năm 2026");
    let p = s.page("/plans/x/");
    assert!(p.contains("Thân có BOM."));
    assert!(!p.contains('\u{feff}'), "no BOM leaks into the page");
}

#[test]
fn crlf_line_ends_are_accepted() {
    let text = md(PLAN_FM, "## Mục đích\r\n\r\nDòng một\r\ndòng hai.\r\n").replace('\n', "\r\n");
    let text = text.replace("\r\r\n", "\r\n");
    let s = site_with(text.as_bytes());
    s.build().ok().no_errors();
    let d = doc(&s.json(), "plans/x").clone();
    assert_eq!(
        d["title"], "Kế hoạch thực hiện công tác dân số năm 2026",
        "no \\r kept"
    );
    assert_eq!(d["issuer"], "Ủy ban nhân dân tỉnh Lào Cai");
    assert_eq!(d["date"], "2026-01-15");
    let p = s.page("/plans/x/");
    let heading = regex::Regex::new(r"(?s)<h[2-6][^>]*>.{0,200}?Mục đích").unwrap();
    assert!(heading.is_match(&p), "the heading rendered");
    assert!(p.contains("dòng hai."));
}

#[test]
fn crlf_file_errors_still_name_the_right_line() {
    let text = "---\r\ntitle: Kế hoạch\r\nissuer: UBND\r\ndatum: 2026-01-15\r\n---\r\n";
    let s = site_with(text.as_bytes());
    s.build().fails().located(X, 4).says("did you mean");
}

#[test]
fn bom_file_errors_still_name_the_right_line() {
    let text = "\u{feff}---\ntitle: Kế hoạch\nissuer: UBND\ndate: 2026-01-15\ntitel: x\n---\n";
    let s = site_with(text.as_bytes());
    s.build().fails().located(X, 5);
}

#[test]
fn every_error_is_reported_in_one_run() {
    let s = Site::new();
    s.write(
        "content/plans/a.md",
        "---\ntitle: A\nissuer: U\ndate: 31/6/2025\n---\n",
    );
    s.write(
        "content/plans/b.md",
        "---\ntitle: B\nissuer: U\ndate: 2026-01-01\ncolour: x\n---\n",
    );
    s.build()
        .fails()
        .located("content/plans/a.md", 4)
        .located("content/plans/b.md", 5);
}

#[test]
fn unknown_subcommand_exits_2() {
    let s = Site::new();
    s.run(&["frobnicate"]).code(2);
}

#[test]
fn unknown_flag_exits_2() {
    let s = Site::new();
    s.plan("x", PLAN_FM, "");
    s.run(&["build", "--bogus-flag"]).code(2);
    assert!(!s.out().exists(), "wrong usage builds nothing");
}

#[test]
fn flag_missing_its_value_exits_2() {
    let s = Site::new();
    s.run(&["build", "--root"]).code(2);
}

#[test]
fn no_subcommand_exits_2() {
    let s = Site::new();
    s.run(&[]).code(2);
}

#[test]
fn help_exits_0_and_names_the_commands() {
    let s = Site::new();
    let r = s.run(&["--help"]);
    r.ok();
    for cmd in ["build", "check", "serve", "import"] {
        assert!(r.stdout.contains(cmd), "--help mentions {cmd}");
    }
}
