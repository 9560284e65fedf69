//! Long lists stay bounded on every page: a document implemented or cited by
//! many plans, and an observance many plans call for, link to paginated lists.

use crate::support::*;

fn plans(site: &Site, n: usize, fm_extra: &str) {
    for i in 0..n {
        site.plan(
            &format!("p{i:02}"),
            &format!(
                "title: Kế hoạch {i}\nnumber: {}/KH-UBND\nissuer: UBND tỉnh Huế\njurisdiction: Huế\ndate: 2025-05-{:02}\n{fm_extra}",
                i + 1,
                i % 28 + 1
            ),
            "Thực hiện Kết luận số 149-KL/TW ngày 10/4/2025 của Bộ Chính trị.",
        );
    }
}

#[test]
fn a_document_with_many_implementers_links_to_their_full_list() {
    let site = Site::new();
    site.doc(
        "kl",
        "title: Kết luận 149\nnumber: 149-KL/TW\ndate: 2025-04-10\njurisdiction: Trung ương\n",
        "x",
    );
    plans(&site, 25, "basis: [149-KL/TW]\n");
    site.build().ok();
    let page = site.page("/documents/kl/");
    assert_eq!(
        page.matches("class=\"doc-item\"").count(),
        20,
        "20 implementers inline (body citations of a basis document are not repeated as cites)"
    );
    assert!(
        page.contains("href=\"/documents/kl/implemented-by/\""),
        "link to the full list"
    );
    assert!(page.contains("Tất cả 25 văn bản thực hiện"));
    let list = site.page("/documents/kl/implemented-by/");
    assert_eq!(list.matches("class=\"doc-item\"").count(), 25);
    assert!(list.contains("/plans/p24/"));
}

#[test]
fn an_observance_with_many_plans_links_to_their_full_list() {
    let site = Site::new();
    plans(&site, 12, "campaigns: [Ngày Dân số thế giới (11/7)]\n");
    site.build().ok();
    let cal = site.page("/calendar/");
    let entry = cal
        .split("id=\"ngay-dan-so-the-gioi-0711\"")
        .nth(1)
        .expect("the observance's entry");
    let entry = entry.split("</li>\n  \n  </ul>").next().unwrap_or(entry);
    assert_eq!(
        entry.matches("href=\"/plans/p").count(),
        10,
        "ten newest plans inline"
    );
    assert!(cal.contains("href=\"/calendar/ngay-dan-so-the-gioi-0711/\""));
    assert!(cal.contains("Tất cả 12 kế hoạch hưởng ứng"));
    let list = site.page("/calendar/ngay-dan-so-the-gioi-0711/");
    assert_eq!(list.matches("class=\"doc-item\"").count(), 12);
}

#[test]
fn a_long_list_shows_a_bounded_pagination_bar_and_filters_on_its_first_page_only() {
    let site = Site::new();
    site.write("site.yaml", "title: Cổng\nper_page: 2\n");
    plans(&site, 30, "");
    site.build().ok();
    let bar = |url: &str| {
        let page = site.page(url);
        let nav = page
            .split("class=\"pagination\"")
            .nth(1)
            .unwrap_or_else(|| panic!("{url} has a pagination bar"))
            .split("</nav>")
            .next()
            .unwrap()
            .to_string();
        (page, nav)
    };
    let (middle, nav) = bar("/plans/page/8/");
    assert!(nav.contains("href=\"/plans/\""), "first page: {nav}");
    assert!(nav.contains("href=\"/plans/page/15/\""), "last page: {nav}");
    for n in 6..=10 {
        assert!(
            nav.contains(&format!("href=\"/plans/page/{n}/\"")),
            "page {n}: {nav}"
        );
    }
    assert!(
        !nav.contains("href=\"/plans/page/4/\""),
        "far pages are left out: {nav}"
    );
    assert_eq!(nav.matches("class=\"gap\"").count(), 2, "{nav}");
    assert!(nav.contains("aria-current=\"page\">8<"), "{nav}");
    assert!(
        !middle.contains("class=\"filters\""),
        "no filters after page 1"
    );
    let (first, _) = bar("/plans/");
    assert!(first.contains("class=\"filters\""), "filters on page 1");
}
