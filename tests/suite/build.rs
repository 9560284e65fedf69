//! A folder with only `content/` builds, every page of the contract exists
//! where the contract puts it, and `--root`, `--out`, `--base-url` do what
//! they say.

use std::sync::OnceLock;

use crate::support::*;

/// Three plans (dated out of file-name order) and three documents.
fn small_site() -> Site {
    let s = Site::new();
    fill_small(&s);
    s
}

/// `small_site`, built once into a shared folder for tests that only read it.
fn built_small() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let s = Site::fixed("build-small");
        fill_small(&s);
        s.built();
        s
    })
}

fn fill_small(s: &Site) {
    s.plan(
        "ke-hoach-a",
        "title: Kế hoạch Alpha về dân số
number: 5/KH-UBND
issuer: Ủy ban nhân dân phường Hưng Đạo
jurisdiction: Hải Phòng/phường Hưng Đạo
date: 2024-03-01",
        "Nội dung Alpha.\n",
    );
    s.plan(
        "ke-hoach-b",
        "title: Kế hoạch Beta về người cao tuổi
number: 12/KH-UBND
issuer: Đảng ủy phường Đồng Xuân
jurisdiction: Hà Nội/phường Đồng Xuân
date: 15/1/2026",
        "Nội dung Beta.\n",
    );
    s.plan(
        "ke-hoach-c",
        "title: Kế hoạch Gamma về trẻ em gái
number: 7/KH-UBND
issuer: Ủy ban nhân dân tỉnh Lào Cai
jurisdiction: Lào Cai
date: 2025-06-30",
        "Nội dung Gamma.\n",
    );
    s.doc(
        "nq-old",
        "title: Nghị quyết Delta cũ
number: 21-NQ/TW
issuer: Ban Chấp hành Trung ương
jurisdiction: Trung ương
date: 2017-10-25",
        "Delta.\n",
    );
    s.doc(
        "kl-new",
        "title: Kết luận Epsilon mới
number: 149-KL/TW
issuer: Bộ Chính trị
jurisdiction: Trung ương
date: 2025-04-10",
        "Epsilon.\n",
    );
    s.doc(
        "qd-mid",
        "title: Quyết định Zeta giữa
number: 1679/QĐ-TTg
issuer: Thủ tướng Chính phủ
jurisdiction: Trung ương
date: 2019-11-22",
        "Zeta.\n",
    );
}

#[test]
fn folder_with_only_content_builds_every_contract_page() {
    let s = built_small();
    for url in [
        "/",
        "/plans/",
        "/documents/",
        "/plans/ke-hoach-a/",
        "/plans/ke-hoach-b/",
        "/plans/ke-hoach-c/",
        "/documents/nq-old/",
        "/documents/kl-new/",
        "/documents/qd-mid/",
        "/calendar/",
        "/search/",
        "/404.html",
        "/sitemap.xml",
        "/atom.xml",
        "/robots.txt",
        "/data/documents.json",
    ] {
        assert!(s.has_page(url), "missing {url} ({})", page_file(url));
    }
    // No plan calls for an observance: an empty feed is not a calendar.
    assert!(!s.has_page("/calendar.ics"));
    assert!(s
        .page("/plans/ke-hoach-b/")
        .contains("Kế hoạch Beta về người cao tuổi"));
    assert!(s
        .page("/documents/kl-new/")
        .contains("Kết luận Epsilon mới"));
}

#[test]
fn home_page_links_latest_plans_calendar_and_search() {
    let s = built_small();
    let home = s.page("/");
    assert!(home.contains("Kế hoạch Beta về người cao tuổi"));
    assert!(
        links_to(&home, "/plans/ke-hoach-b/"),
        "home links the newest plan"
    );
    assert!(links_to(&home, "/calendar/") || links_to(&home, "/calendar.ics"));
    assert!(links_to(&home, "/search/") || home.contains("action=\"/search/\""));
}

#[test]
fn plans_list_is_newest_first() {
    let s = built_small();
    let list = s.page("/plans/");
    let b = pos(&list, "Kế hoạch Beta"); // 2026-01-15
    let c = pos(&list, "Kế hoạch Gamma"); // 2025-06-30
    let a = pos(&list, "Kế hoạch Alpha"); // 2024-03-01
    assert!(b < c && c < a, "expected Beta, Gamma, Alpha in that order");
    assert!(
        !list.contains("Nghị quyết Delta"),
        "documents are not plans"
    );
}

#[test]
fn documents_list_is_newest_first() {
    let s = built_small();
    let list = s.page("/documents/");
    let eps = pos(&list, "Kết luận Epsilon mới"); // 2025
    let zeta = pos(&list, "Quyết định Zeta giữa"); // 2019
    let delta = pos(&list, "Nghị quyết Delta cũ"); // 2017
    assert!(
        eps < zeta && zeta < delta,
        "expected 2025, 2019, 2017 order"
    );
}

#[test]
fn jurisdiction_slug_drops_diacritics_and_joins_levels() {
    let s = built_small();
    let page = s.page("/jurisdictions/hai-phong-phuong-hung-dao/");
    assert!(page.contains("Kế hoạch Alpha về dân số"));
    assert!(!page.contains("Kế hoạch Beta"), "only that place's plans");
    let hn = s.page("/jurisdictions/ha-noi-phuong-dong-xuan/");
    assert!(hn.contains("Kế hoạch Beta về người cao tuổi"));
    let lc = s.page("/jurisdictions/lao-cai/");
    assert!(lc.contains("Kế hoạch Gamma"));
    assert!(links_to(
        &s.page("/plans/ke-hoach-a/"),
        "/jurisdictions/hai-phong-phuong-hung-dao/"
    ));
}

#[test]
fn issuer_slug_maps_d_stroke_to_d() {
    let s = built_small();
    let page = s.page("/issuers/dang-uy-phuong-dong-xuan/");
    assert!(page.contains("Kế hoạch Beta về người cao tuổi"));
    assert!(!page.contains("Kế hoạch Gamma"));
    let ubnd = s.page("/issuers/uy-ban-nhan-dan-phuong-hung-dao/");
    assert!(ubnd.contains("Kế hoạch Alpha"));
    assert!(links_to(
        &s.page("/plans/ke-hoach-b/"),
        "/issuers/dang-uy-phuong-dong-xuan/"
    ));
}

#[test]
fn not_found_page_is_html_linking_home() {
    let s = built_small();
    let p = s.read("404.html");
    assert!(p.to_lowercase().contains("<html"), "404.html is a page");
    // Served at any path, so its links must be root-relative or absolute.
    assert!(links_to(&p, "/"), "404 page links to the home page");
}

#[test]
fn search_page_has_a_search_field() {
    let s = built_small();
    let p = s.page("/search/");
    assert!(p.contains("<input"), "the search page has an input");
}

#[test]
fn slug_overrides_the_file_name() {
    let s = Site::new();
    s.plan(
        "abc",
        &format!("{PLAN_FM}slug: ke-hoach-dan-so-2026"),
        "Thân.\n",
    );
    s.built();
    assert!(s.has_page("/plans/ke-hoach-dan-so-2026/"));
    assert!(
        !s.has_page("/plans/abc/"),
        "the file name is not used any more"
    );
    let json = s.json();
    let d = doc(&json, "plans/ke-hoach-dan-so-2026");
    assert_eq!(d["url"], "/plans/ke-hoach-dan-so-2026/");
}

#[test]
fn root_defaults_to_the_current_folder() {
    let s = Site::new();
    s.plan("mot", PLAN_FM, "Thân.\n");
    s.run(&["build"]).ok();
    assert!(
        s.has_page("/plans/mot/"),
        "`build` with no --root builds ./ into ./public"
    );
}

#[test]
fn out_flag_writes_elsewhere_and_not_to_public() {
    let s = Site::new();
    s.plan("mot", PLAN_FM, "Thân.\n");
    let other = tempfile::tempdir().unwrap();
    let out = other.path().join("site-out");
    s.build_with(&["--out", out.to_str().unwrap()]).ok();
    let page = read_out(&out, "plans/mot/index.html");
    assert!(page.contains("Kế hoạch thực hiện công tác dân số năm 2026"));
    assert!(
        !s.out().exists(),
        "nothing is written to the default public/"
    );
}

#[test]
fn base_url_makes_sitemap_locations_absolute() {
    let s = small_site();
    s.build_with(&["--base-url", "https://kehoach.example.gov.vn/portal/"])
        .ok();
    let sm = s.read("sitemap.xml");
    assert!(sm.contains("<urlset"), "a sitemap urlset");
    assert!(
        sm.contains("<loc>https://kehoach.example.gov.vn/portal/plans/ke-hoach-a/</loc>"),
        "sitemap:\n{sm}"
    );
    assert!(sm.contains("<loc>https://kehoach.example.gov.vn/portal/documents/kl-new/</loc>"));
    let locs: Vec<&str> = sm.split("<loc>").skip(1).collect();
    assert!(!locs.is_empty());
    for l in locs {
        assert!(
            l.starts_with("https://kehoach.example.gov.vn/portal/"),
            "every <loc> is absolute under the base URL: {l}"
        );
    }
}

#[test]
fn base_url_makes_atom_links_absolute() {
    let s = small_site();
    s.build_with(&["--base-url", "https://kehoach.example.gov.vn/portal"])
        .ok();
    let atom = s.read("atom.xml");
    assert!(atom.contains("<feed"), "an Atom feed");
    assert!(atom.contains("http://www.w3.org/2005/Atom"));
    assert!(
        atom.contains("https://kehoach.example.gov.vn/portal/plans/ke-hoach-b/"),
        "atom links the plan absolutely:\n{atom}"
    );
    assert!(atom.contains("Kế hoạch Beta về người cao tuổi"));
    // Entries follow the plans' order: newest first.
    assert!(pos(&atom, "Kế hoạch Beta") < pos(&atom, "Kế hoạch Alpha"));
}

#[test]
fn sitemap_and_atom_are_well_formed_xml() {
    let s = small_site();
    s.build_with(&["--base-url", "https://x.example.vn/"]).ok();
    for f in ["sitemap.xml", "atom.xml"] {
        let text = s.read(f);
        let mut r = quick_xml::Reader::from_str(&text);
        let mut depth = 0i32;
        loop {
            match r.read_event() {
                Ok(quick_xml::events::Event::Start(_)) => depth += 1,
                Ok(quick_xml::events::Event::End(_)) => depth -= 1,
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{f} is not well-formed XML: {e}"),
            }
        }
        assert_eq!(depth, 0, "{f}: unbalanced elements");
    }
}

#[test]
fn sitemap_lists_plans_documents_and_lists() {
    let s = built_small();
    let sm = s.read("sitemap.xml");
    for p in [
        "/plans/ke-hoach-c/",
        "/documents/qd-mid/",
        "/plans/",
        "/calendar/",
    ] {
        assert!(sm.contains(p), "sitemap lists {p}:\n{sm}");
    }
    assert!(
        !sm.contains("404.html"),
        "the 404 page is not a page to index"
    );
}
