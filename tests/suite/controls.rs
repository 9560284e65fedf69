//! Control characters and U+FFFE/U+FFFF: refused in front matter and
//! site.yaml (an error at their line and column), replaced in bodies with a
//! warning, so atom.xml, the .ics feeds and the terminal never receive them.

use crate::support::*;

/// Whether `c` may appear in an XML 1.0 document.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Parses `xml` to its end with quick-xml, panicking on the first error.
#[track_caller]
fn well_formed(name: &str, xml: &str) {
    let bad: Vec<char> = xml.chars().filter(|&c| !xml_char(c)).collect();
    assert!(
        bad.is_empty(),
        "{name} holds characters XML forbids: {bad:?}"
    );
    let mut r = quick_xml::Reader::from_str(xml);
    let mut depth = 0i32;
    loop {
        match r.read_event() {
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{name} is not well-formed at {}: {e}", r.buffer_position()),
        }
    }
    assert_eq!(depth, 0, "{name}: every element is closed");
}

#[test]
fn controls_in_a_body_are_replaced_with_a_warning_and_feeds_stay_well_formed() {
    let s = Site::new();
    s.plan(
        "a",
        &format!("{PLAN_FM}campaigns:\n  - Ngày Dân số thế giới (11/7)\n"),
        "Đoạn đầu có \u{1}ký tự\u{1b}[31m lạ \u{FFFE} và \u{FFFF} và \u{85}.\n\nĐoạn hai.\n",
    );
    let r = s.build();
    r.ok().warns().says("U+0001");
    assert!(
        r.stderr.contains("content/plans/a.md:10:13"),
        "line and column of the first\n{}",
        r.stderr
    );
    assert!(
        !r.stderr.contains('\u{1b}'),
        "no raw escape reaches the terminal"
    );
    let page = s.page("/plans/a/");
    assert!(
        page.contains("Đoạn đầu có \u{FFFD}ký tự\u{FFFD}[31m lạ \u{FFFD} và \u{FFFD} và \u{FFFD}."),
        "{page}"
    );
    for (name, bytes) in tree(&s.out()) {
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        assert!(
            !text.chars().any(|c| c != '\t'
                && c != '\n'
                && c != '\r'
                && (c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}')),
            "{name} holds a control character"
        );
    }
    let atom = s.read("atom.xml");
    assert!(
        atom.contains('\u{FFFD}'),
        "the body reaches the feed's summary: {atom}"
    );
    well_formed("atom.xml", &atom);
    well_formed("sitemap.xml", &s.read("sitemap.xml"));
}

#[test]
fn controls_in_front_matter_are_an_error_at_their_line_and_column() {
    let s = Site::new();
    s.plan(
        "a",
        "title: Kế hoạch\nissuer: \"Sở\u{1b}]0;pwned\u{7} Y tế\"\ndate: 2026-01-15\n",
        "Nội dung.\n",
    );
    let r = s.build();
    r.fails().says("U+001B");
    assert!(
        r.stderr.contains("content/plans/a.md:3:12"),
        "line 3, column 12\n{}",
        r.stderr
    );
    assert!(
        !r.stderr.contains('\u{1b}') && !r.stderr.contains('\u{7}'),
        "{:?}",
        r.stderr
    );
    assert!(
        r.stderr.contains("\\u{1b}]0;pwned\\u{7}"),
        "the echoed line shows escapes\n{}",
        r.stderr
    );
    assert!(!s.out().exists());
}

#[test]
fn noncharacters_in_front_matter_are_refused_too() {
    let s = Site::new();
    s.plan(
        "a",
        &format!("{PLAN_FM}signer: Nguyễn \u{FFFF}Văn A\n"),
        "x\n",
    );
    s.build()
        .fails()
        .located("content/plans/a.md", 7)
        .says("U+FFFF");
}

#[test]
fn controls_in_site_yaml_are_an_error() {
    let s = Site::new();
    s.plan("a", PLAN_FM, "x\n");
    s.write("site.yaml", "language: vi\ntitle: Cổng\u{8}\n");
    s.build().fails().located("site.yaml", 2).says("U+0008");
}
