//! Long lists stay bounded on every page: a document implemented or cited by
//! many plans, and an observance many plans call for, link to paginated lists.

use crate::support::*;

fn plans(site: &Site, n: usize, fm_extra: &str) {
    for i in 0..n {
        site.plan(
            &format!("p{i:02}"),
            &format!(
                "title: Kế hoạch {i}\nnumber: {}/KH-UBND\nissuer: UBND tỉnh Huế\njurisdiction: Huế\ndate: 2025-01-{:02}\n{fm_extra}",
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
