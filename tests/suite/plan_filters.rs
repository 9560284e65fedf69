//! `/plans/`'s filters filter plans: plan counts, links to lists of plans
//! only, place × year combined, collapsed until opened.

use crate::support::*;

fn site() -> Site {
    let s = Site::new();
    let plan = |name: &str, jur: &str, date: &str| {
        s.plan(
            name,
            &format!("title: Kế hoạch {name}\nissuer: UBND\njurisdiction: {jur}\ndate: {date}"),
            "Thân.\n",
        );
    };
    plan("lc-2026", "Lào Cai", "2026-01-10");
    plan("lc-2025", "Lào Cai", "2025-03-01");
    plan("ward-2026", "Lào Cai/phường Thử Nghiệm", "2026-02-01");
    plan("lch-2025", "Lai Châu", "2025-05-05");
    // National documents that are not plans.
    for k in 0..3 {
        s.doc(
            &format!("tw-{k}"),
            &format!("title: Kế hoạch quốc gia {k}\nnumber: {}/KH-TTg\nissuer: Thủ tướng\njurisdiction: Trung ương\ndate: 2025-0{}-01", 10 + k, k + 1),
            "Thân.\n",
        );
    }
    s
}

/// The hrefs and texts of the filter chips on a page.
fn chips(html: &str) -> Vec<(String, String)> {
    let Some(a) = html.find("class=\"filters\"") else {
        return Vec::new();
    };
    let part = &html[a..a + html[a..].find("</details>").unwrap()];
    part.split("<li><a href=\"")
        .skip(1)
        .map(|c| {
            let href = c[..c.find('"').unwrap()].to_string();
            let text = c[c.find('>').unwrap() + 1..c.find("</a>").unwrap()].to_string();
            (href, text)
        })
        .collect()
}

#[test]
fn chips_count_plans_and_lead_to_plans_only() {
    let s = site();
    s.built();
    let plans = s.page("/plans/");
    assert!(
        !plans.contains("<details class=\"filters\" open"),
        "collapsed"
    );
    let c = chips(&plans);
    assert!(!c.is_empty());
    for (href, text) in &c {
        assert!(
            href.starts_with("/plans/"),
            "{href} leads outside the plans"
        );
        assert!(
            !text.contains("Trung ương"),
            "no national plan exists: {text}"
        );
        assert!(s.has_page(href), "{href} exists");
    }
    assert!(c.contains(&(
        "/plans/in/lao-cai/".into(),
        "Lào Cai <span class=\"count\">3</span>".into()
    )));
    assert!(c.contains(&(
        "/plans/years/2025/".into(),
        "2025 <span class=\"count\">2</span>".into()
    )));
    let y2025 = s.page("/plans/years/2025/");
    assert!(links_to(&y2025, "/plans/lc-2025/") && links_to(&y2025, "/plans/lch-2025/"));
    assert!(
        !links_to(&y2025, "/documents/tw-0/"),
        "documents are not plans"
    );
}

#[test]
fn place_and_year_combine_as_plain_links() {
    let s = site();
    s.built();
    let lc = s.page("/plans/in/lao-cai/");
    let c = chips(&lc);
    assert!(
        c.contains(&(
            "/plans/in/lao-cai/2026/".into(),
            "2026 <span class=\"count\">2</span>".into()
        )),
        "{c:?}"
    );
    assert!(c
        .iter()
        .any(|(h, _)| h == "/plans/in/lao-cai-phuong-thu-nghiem/"));
    let both = s.page("/plans/in/lao-cai/2026/");
    assert!(links_to(&both, "/plans/lc-2026/") && links_to(&both, "/plans/ward-2026/"));
    assert!(!links_to(&both, "/plans/lc-2025/") && !links_to(&both, "/plans/lch-2025/"));
    // Each active filter links to the list without it.
    assert!(both.contains("class=\"active-filters\""));
    assert!(links_to(&both, "/plans/years/2026/") && links_to(&both, "/plans/in/lao-cai/"));
    // From the year's list, a place leads to the place in that year.
    assert!(chips(&s.page("/plans/years/2026/"))
        .iter()
        .any(|(h, _)| h == "/plans/in/lao-cai/2026/"));
    // A place whose plans are all from one year gets no combined list.
    assert!(!s.has_page("/plans/in/lai-chau/2025/"));
}
