//! Every front-matter value is HTML-escaped everywhere it appears, and raw
//! HTML in a body is not passed through by default.

use std::sync::OnceLock;

use crate::support::*;

const EVIL_TITLE: &str = "<script>alert(1)</script> Kế hoạch & \"trích\"";
const EVIL_ISSUER: &str = "Sở <script>alert(3)</script> Y tế";

/// Built once into a shared folder; the tests only read it.
fn evil_site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let s = Site::fixed("escaping-evil");
        fill_evil_site(&s);
        s.built();
        s
    })
}

fn fill_evil_site(s: &Site) {
    s.plan(
        "evil",
        "title: '<script>alert(1)</script> Kế hoạch & \"trích\"'
number: 12/KH-UBND
issuer: 'Sở <script>alert(3)</script> Y tế'
jurisdiction: Lào Cai
date: 2026-01-15
signer: '<img src=x onerror=alert(4)>'
campaigns:
  - { name: '<script>alert(5)</script> Ngày Dân số', date: 11/7 }",
        "Đoạn một.\n\n<script>alert(2)</script>\n\n<iframe src=\"https://evil.example\"></iframe>\n\n\
         Chữ <b onclick=\"steal()\">đậm</b> ở đây.\n",
    );
}

/// HTML and XML files of the output, with the contents of JSON-LD blocks
/// blanked (JSON inside `<script type="application/ld+json">` is JSON-escaped,
/// not HTML-escaped; `json_ld_blocks_parse_and_keep_raw_values` checks it).
fn markup_files(s: &Site) -> Vec<(String, String)> {
    let ld =
        regex::Regex::new(r#"(?s)(<script type="application/ld\+json">).*?(</script>)"#).unwrap();
    tree(&s.out())
        .into_iter()
        .filter(|(k, _)| k.ends_with(".html") || k.ends_with(".xml"))
        .map(|(k, v)| {
            let text = String::from_utf8_lossy(&v).into_owned();
            (k, ld.replace_all(&text, "$1$2").into_owned())
        })
        .collect()
}

#[test]
fn script_in_front_matter_never_reaches_markup_unescaped() {
    let s = evil_site();
    let files = markup_files(s);
    assert!(files.len() > 5, "the site was built");
    for (name, text) in &files {
        for bad in ["<script>alert(", "<img src=x"] {
            assert!(!text.contains(bad), "{name} contains unescaped {bad:?}");
        }
    }
}

#[test]
fn escaped_title_is_shown_as_text_on_plan_and_list_pages() {
    let s = evil_site();
    for url in ["/plans/evil/", "/plans/", "/", "/jurisdictions/lao-cai/"] {
        let p = s.page(url);
        assert!(
            p.contains("&lt;script&gt;alert(1)"),
            "{url} shows the title as escaped text"
        );
    }
    let p = s.page("/plans/evil/");
    assert!(p.contains("&lt;script&gt;alert(3)"), "issuer escaped");
    assert!(p.contains("Kế hoạch &amp; "), "ampersand escaped");
    assert!(p.contains("&lt;img src=x"), "signer escaped");
}

#[test]
fn issuer_page_escapes_the_issuer() {
    let s = evil_site();
    // Follow the plan page's link rather than guess how `<` slugs.
    let plan = s.page("/plans/evil/");
    let re = regex::Regex::new(r#"href="(/issuers/[^"]+/)""#).unwrap();
    let url = re.captures(&plan).expect("the plan links its issuer")[1].to_string();
    assert!(
        !url.contains('<') && !url.contains('>'),
        "slug is clean: {url}"
    );
    let p = s.page(&url);
    assert!(p.contains("&lt;script&gt;alert(3)"));
}

#[test]
fn raw_html_in_body_is_not_passed_through() {
    let s = evil_site();
    let p = s.page("/plans/evil/");
    assert!(p.contains("Đoạn một."));
    assert!(!p.contains("<script>alert(2)"), "no raw script");
    assert!(!p.contains("<iframe"), "no raw iframe");
    assert!(!p.contains("<b onclick"), "no event handler attributes");
    assert!(p.contains("đậm"), "the text itself is kept");
}

#[test]
fn documents_json_stays_valid_and_keeps_the_raw_values() {
    let s = evil_site();
    let json = s.json();
    let d = doc(&json, "plans/evil");
    assert_eq!(d["title"], EVIL_TITLE, "JSON carries the value, not HTML");
    assert_eq!(d["issuer"], EVIL_ISSUER);
    assert_eq!(
        d["campaigns"][0]["name"],
        "<script>alert(5)</script> Ngày Dân số"
    );
}

#[test]
fn atom_feed_escapes_the_title() {
    let s = evil_site();
    let atom = s.read("atom.xml");
    assert!(atom.contains("&lt;script&gt;alert(1)"));
    let mut r = quick_xml::Reader::from_str(&atom);
    loop {
        match r.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("atom.xml is not well-formed: {e}"),
        }
    }
}

#[test]
fn json_ld_blocks_parse_and_keep_raw_values() {
    // The contract does not require JSON-LD (issue 4 asks for it); when a page
    // embeds JSON in a <script>, a title must not be able to end that element
    // early: the block up to the first </script> must be the whole JSON.
    let s = evil_site();
    let p = s.page("/plans/evil/");
    let ld =
        regex::Regex::new(r#"(?s)<script type="application/ld\+json">(.*?)</script>"#).unwrap();
    for c in ld.captures_iter(&p) {
        let v: serde_json::Value = serde_json::from_str(&c[1])
            .unwrap_or_else(|e| panic!("JSON-LD cut short by an injected </script>: {e}"));
        let text = v.to_string();
        assert!(
            !text.contains("&lt;"),
            "JSON-LD holds raw values, not HTML entities"
        );
    }
}
