//! Output hygiene: NFC text, robots.txt, the sitemap (no noindex pages,
//! lastmod), the link-preview image, distinct titles.

use crate::support::*;

fn site() -> Site {
    let s = Site::new();
    s.plan(
        "a",
        // "Kế hoạch dân số" and "Lào Cai" decomposed (NFD), as macOS and some
        // PDF extractors write them.
        "title: Ke\u{302}\u{301} hoa\u{323}ch da\u{302}n so\u{302}\u{301}\nissuer: UBND tỉnh\njurisdiction: La\u{300}o Cai\ndate: 2026-01-15\nbasis:\n  - 99-KL/TW",
        "Thu\u{31b}\u{323}c hie\u{302}\u{323}n tốt.\n",
    );
    s
}

#[test]
fn decomposed_input_comes_out_composed() {
    use unicode_normalization::is_nfc;
    let s = site();
    s.built();
    for (path, bytes) in tree(&s.out()) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            assert!(is_nfc(text), "{path} is not NFC");
        }
    }
    let page = s.page("/plans/a/");
    assert!(page.contains("Kế hoạch dân số"));
    assert!(page.contains("Thực hiện tốt."));
    assert!(s.has_page("/jurisdictions/lao-cai/"));
    assert!(s.read("data/documents.json").contains("Lào Cai"));
}

#[test]
fn robots_txt_names_the_sitemap() {
    let s = site();
    s.build_with(&["--base-url", "https://portal.example/"])
        .ok();
    let r = s.read("robots.txt");
    assert!(r.contains("User-agent: *"), "{r}");
    assert!(
        r.contains("\nSitemap: https://portal.example/sitemap.xml\n"),
        "{r}"
    );
}

#[test]
fn a_themes_robots_txt_wins() {
    let s = site();
    s.write(
        "themes/default/static/robots.txt",
        "User-agent: *\nDisallow: /\n",
    );
    s.built();
    assert_eq!(s.read("robots.txt"), "User-agent: *\nDisallow: /\n");
}

#[test]
fn sitemap_leaves_out_noindex_stubs_and_dates_pages() {
    let s = site();
    s.build_with(&["--base-url", "https://portal.example/"])
        .ok();
    let stub = s.page("/documents/99-kl-tw/");
    assert!(stub.contains("noindex"), "the stub is marked noindex");
    let sm = s.read("sitemap.xml");
    assert!(!sm.contains("/documents/99-kl-tw/"), "{sm}");
    assert!(sm.contains("<loc>https://portal.example/plans/a/</loc><lastmod>2026-01-15</lastmod>"));
    // No page in the sitemap says noindex.
    for loc in sm.split("<loc>").skip(1) {
        let url = &loc[..loc.find("</loc>").unwrap()];
        let path = url.trim_start_matches("https://portal.example");
        assert!(!s.page(path).contains("noindex"), "{path} is noindex");
    }
}

#[test]
fn pages_carry_a_share_image_overridable_in_site_yaml() {
    let s = site();
    s.build_with(&["--base-url", "https://portal.example/"])
        .ok();
    assert!(s
        .page("/plans/a/")
        .contains("<meta property=\"og:image\" content=\"https://portal.example/og-image.png\">"));
    assert!(s.out().join("og-image.png").is_file());
    s.write("site.yaml", "share_image: /anh.png\n");
    s.build_with(&["--base-url", "https://portal.example/"])
        .ok();
    assert!(s
        .page("/")
        .contains("<meta property=\"og:image\" content=\"https://portal.example/anh.png\">"));
    s.write("site.yaml", "share_image: anh.png\n");
    s.build()
        .fails()
        .located("site.yaml", 1)
        .says("share_image");
}

fn title(html: &str) -> &str {
    let a = html.find("<title>").unwrap() + 7;
    &html[a..a + html[a..].find("</title>").unwrap()]
}

#[test]
fn plans_list_and_plan_type_list_have_different_titles() {
    let s = site();
    s.built();
    let plans = s.page("/plans/");
    let kind = s.page("/types/ke-hoach/");
    assert_ne!(title(&plans), title(&kind));
}
