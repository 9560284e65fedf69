//! The `.ics` feeds as the contract fixes them: stable `UID` and `DTSTART`
//! from one year's build to the next, no empty feed, one text per `UID`, and
//! a feed per observance and per place.

use std::collections::BTreeMap;

use crate::calendar::{events, prop, unfold};
use crate::support::*;

/// 1 January 2027, 00:00 UTC: the same site rebuilt a year later.
const EPOCH_2027_01_01: &str = "1798761600";

fn plan(s: &Site, name: &str, jur: &str, campaigns: &str) {
    s.plan(
        name,
        &format!(
            "title: Kế hoạch {name}\nissuer: UBND\njurisdiction: {jur}\ndate: 2025-12-01\ncampaigns:\n{campaigns}"
        ),
        "Thân.\n",
    );
}

/// Every `.ics` file of the output, by path, as unfolded lines.
fn feeds(s: &Site) -> BTreeMap<String, Vec<String>> {
    tree(&s.out())
        .into_iter()
        .filter(|(p, _)| p.ends_with(".ics"))
        .map(|(p, b)| (p, unfold(&b)))
        .collect()
}

fn two_places() -> Site {
    let s = Site::new();
    plan(&s, "tinh", "Lào Cai", "  - Ngày Dân số thế giới (11/7)");
    plan(
        &s,
        "phuong",
        "Lào Cai/phường Thử Nghiệm",
        "  - Ngày Thalassemia Thế giới (8/5)\n  - { name: Tháng hành động quốc gia về Dân số, month: 12 }",
    );
    plan(&s, "lc", "Lai Châu", "  - Ngày Quốc tế trẻ em gái (11/10)");
    s.write(
        "content/campaigns/dstg.md",
        "---\ntitle: Ngày Dân số thế giới\ncampaigns:\n  - { name: Ngày Dân số thế giới, date: 11/7 }\n---\n\
         Treo băng rôn, tổ chức mít tinh hưởng ứng.\n\nĐoạn thứ hai.\n",
    );
    s
}

#[test]
fn uid_and_dtstart_do_not_move_when_rebuilt_a_year_later() {
    let a = two_places();
    a.built();
    let first = feeds(&a);
    let b = two_places().at_epoch(EPOCH_2027_01_01);
    b.built();
    let second = feeds(&b);
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, lines) in &first {
        // Only DTSTAMP (when the feed was made) may change.
        let strip = |l: &Vec<String>| -> Vec<String> {
            l.iter()
                .filter(|x| !x.starts_with("DTSTAMP:"))
                .cloned()
                .collect()
        };
        assert_eq!(strip(lines), strip(&second[path]), "{path} changed");
        for ev in events(lines) {
            assert!(prop(&ev, "DTSTART").is_some_and(|d| d.starts_with("2000")));
        }
    }
}

#[test]
fn a_uid_reads_the_same_in_every_feed() {
    let s = two_places();
    s.built();
    let all = feeds(&s);
    // UID → (path, the event's lines but DTSTAMP).
    let mut seen: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    let mut shared = 0;
    for (path, lines) in &all {
        for ev in events(lines) {
            let uid = prop(&ev, "UID").expect("UID").to_string();
            let text: Vec<String> = ev
                .iter()
                .filter(|l| !l.starts_with("DTSTAMP:"))
                .cloned()
                .collect();
            match seen.get(&uid) {
                Some((p, t)) => {
                    shared += 1;
                    assert_eq!(t, &text, "{uid}: {p} and {path} differ");
                }
                None => {
                    seen.insert(uid, (path.clone(), text));
                }
            }
        }
    }
    assert!(shared >= 8, "the UIDs appear in several feeds: {shared}");
    assert_eq!(seen.len(), 4);
}

#[test]
fn each_observance_has_its_own_feed_and_its_page_links_it() {
    let s = two_places();
    s.built();
    let all = feeds(&s);
    let one = &all["calendar/ngay-dan-so-the-gioi-0711.ics"];
    let evs = events(one);
    assert_eq!(evs.len(), 1);
    assert_eq!(prop(&evs[0], "SUMMARY"), Some("Ngày Dân số thế giới"));
    assert_eq!(prop(&evs[0], "DTSTART"), Some("20000711"));
    assert!(prop(&evs[0], "DESCRIPTION")
        .unwrap()
        .starts_with("Treo băng rôn\\, tổ chức mít tinh hưởng ứng."));
    assert!(all.contains_key("calendar/thang-hanh-dong-quoc-gia-ve-dan-so-thang-12.ics"));
    // The campaign page links its feed; an observance without one gets a page.
    let page = s.page("/campaigns/dstg/");
    assert!(links_to(&page, "/calendar/ngay-dan-so-the-gioi-0711.ics"));
    assert!(page.contains("calendar.google.com/calendar/render?action=TEMPLATE"));
    assert!(page.contains("<time datetime=\"2026-07-11\">"), "next date");
    assert!(
        links_to(&page, "/plans/tinh/"),
        "the plans that call for it"
    );
    let gen = s.page("/calendar/ngay-thalassemia-the-gioi-0508/");
    assert!(links_to(
        &gen,
        "/calendar/ngay-thalassemia-the-gioi-0508.ics"
    ));
    assert!(links_to(&gen, "/plans/phuong/"));
    // Every observance on the calendar links its page; plans link it too.
    let cal = s.page("/calendar/");
    assert!(links_to(&cal, "/campaigns/dstg/"));
    assert!(links_to(&cal, "/calendar/ngay-thalassemia-the-gioi-0508/"));
    assert!(links_to(&s.page("/plans/tinh/"), "/campaigns/dstg/"));
}

#[test]
fn webcal_link_needs_an_absolute_base_url() {
    let s = two_places();
    s.build_with(&["--base-url", "https://portal.example/"])
        .ok();
    let page = s.page("/campaigns/dstg/");
    assert!(
        page.contains("href=\"webcal://portal.example/calendar/ngay-dan-so-the-gioi-0711.ics\"")
    );
    let all = feeds(&s);
    let evs = events(&all["calendar.ics"]);
    let ev = evs
        .iter()
        .find(|e| prop(e, "UID") == Some("ngay-dan-so-the-gioi-0711@portal.example"))
        .expect("UID from the host");
    assert_eq!(
        prop(ev, "URL"),
        Some("https://portal.example/campaigns/dstg/")
    );
    // Without one, no webcal link and no relative URL property.
    let s = two_places();
    s.built();
    assert!(!s.page("/campaigns/dstg/").contains("webcal:"));
    assert!(!feeds(&s)["calendar.ics"]
        .iter()
        .any(|l| l.starts_with("URL:")));
}

#[test]
fn a_place_feed_has_what_applies_there() {
    let s = two_places();
    s.built();
    let all = feeds(&s);
    let summaries = |path: &str| -> Vec<String> {
        let mut v: Vec<String> = events(&all[path])
            .iter()
            .map(|e| prop(e, "SUMMARY").unwrap().to_string())
            .collect();
        v.sort();
        v
    };
    // The ward: its own and its province's observances.
    assert_eq!(
        summaries("jurisdictions/lao-cai-phuong-thu-nghiem/calendar.ics"),
        [
            "Ngày Dân số thế giới",
            "Ngày Thalassemia Thế giới",
            "Tháng hành động quốc gia về Dân số"
        ]
    );
    // The province: its own and its wards'; never another province's.
    assert_eq!(summaries("jurisdictions/lao-cai/calendar.ics").len(), 3);
    assert_eq!(
        summaries("jurisdictions/lai-chau/calendar.ics"),
        ["Ngày Quốc tế trẻ em gái"]
    );
}

#[test]
fn no_feed_without_an_observance() {
    let s = Site::new();
    s.plan(
        "a",
        "title: Kế hoạch A\nissuer: UBND\njurisdiction: Lào Cai\ndate: 2025-12-01",
        "Thân.\n",
    );
    s.built();
    assert!(feeds(&s).is_empty(), "{:?}", feeds(&s).keys());
    for url in ["/", "/calendar/", "/plans/a/", "/jurisdictions/lao-cai/"] {
        assert!(!s.page(url).contains(".ics\""), "{url} links a feed");
    }
}

#[test]
fn names_differing_in_case_or_diacritics_are_one_observance_with_a_warning() {
    let s = Site::new();
    plan(&s, "a", "Lào Cai", "  - Ngày Dân số thế giới (11/7)");
    plan(&s, "b", "Lào Cai", "  - Ngày Dân số thế giới (11/7)");
    plan(&s, "c", "Lai Châu", "  - ngay dan so The Gioi (11/7)");
    s.build()
        .ok()
        .warns()
        .located("content/plans/c.md", 7)
        .says("Ngày Dân số thế giới");
    let all = feeds(&s);
    let evs = events(&all["calendar.ics"]);
    assert_eq!(evs.len(), 1);
    assert_eq!(prop(&evs[0], "SUMMARY"), Some("Ngày Dân số thế giới"));
    let cal = s.page("/calendar/");
    assert!(!cal.contains("ngay dan so The Gioi"));
}
