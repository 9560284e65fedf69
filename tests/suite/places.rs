//! Place pages: own documents, then what applies there from above, the
//! sub-places, the feed; the home page's place picker.

use crate::support::*;

fn doc(s: &Site, name: &str, jur: &str, date: &str, campaigns: &str) {
    s.plan(
        name,
        &format!(
            "title: Kế hoạch {name}\nissuer: UBND\njurisdiction: {jur}\ndate: {date}{campaigns}"
        ),
        "Thân.\n",
    );
}

fn site() -> Site {
    let s = Site::new();
    doc(
        &s,
        "phuong",
        "Lào Cai/phường Thử Nghiệm",
        "2026-01-10",
        "\ncampaigns: [Ngày Thalassemia Thế giới (8/5)]",
    );
    doc(&s, "xa", "Lào Cai/xã Bên Cạnh", "2026-01-11", "");
    doc(&s, "tinh-1", "Lào Cai", "2026-01-12", "");
    doc(&s, "tinh-2", "Lào Cai", "2025-06-01", "");
    doc(
        &s,
        "tw",
        "Trung ương",
        "2025-04-10",
        "\ncampaigns: [Ngày Dân số thế giới (11/7)]",
    );
    doc(&s, "khac", "Lai Châu", "2026-01-01", "");
    s
}

#[test]
fn a_ward_page_has_its_own_then_what_applies_from_above() {
    let s = site();
    s.built();
    let p = s.page("/jurisdictions/lao-cai-phuong-thu-nghiem/");
    assert!(
        p.contains("<h1>phường Thử Nghiệm, Lào Cai"),
        "proper place name"
    );
    assert!(!p.contains("Lào Cai/phường"), "no raw jurisdiction");
    let own = pos(&p, "/plans/phuong/");
    let province = pos(
        &p,
        "Áp dụng tại đây: Lào Cai <span class=\"count\">2</span>",
    );
    let national = pos(
        &p,
        "Áp dụng tại đây: Trung ương <span class=\"count\">1</span>",
    );
    assert!(
        own < province && province < national,
        "own, then each level up"
    );
    assert!(links_to(&p, "/plans/tinh-1/") && links_to(&p, "/plans/tw/"));
    assert!(!links_to(&p, "/plans/xa/"), "a sibling ward is not listed");
    assert!(
        !links_to(&p, "/plans/khac/"),
        "another province is not listed"
    );
    assert!(links_to(
        &p,
        "/jurisdictions/lao-cai-phuong-thu-nghiem/calendar.ics"
    ));
}

#[test]
fn a_province_page_lists_its_sub_places_with_counts() {
    let s = site();
    s.built();
    let p = s.page("/jurisdictions/lao-cai/");
    assert!(
        p.contains(">phường Thử Nghiệm</a> <span class=\"count\">1</span>"),
        "{p}"
    );
    assert!(p.contains(">xã Bên Cạnh</a> <span class=\"count\">1</span>"));
    assert!(p.contains("Áp dụng tại đây: Trung ương"));
    // Lào Cai's feed: the ward's observance and the national one.
    let ics = s.read("jurisdictions/lao-cai/calendar.ics");
    assert!(ics.contains("Thalassemia") && ics.contains("Ngày Dân số thế giới"));
    // Lai Châu has no observance of its own, but the national one applies.
    assert!(s
        .read("jurisdictions/lai-chau/calendar.ics")
        .contains("Ngày Dân số thế giới"));
}

#[test]
fn the_home_page_picks_a_place_by_province_then_commune() {
    let s = site();
    s.built();
    let home = s.page("/");
    let picker = &home[pos(&home, "class=\"place-picker\"")..];
    let lc = pos(picker, "<summary>Lào Cai");
    let ward = pos(picker, ">phường Thử Nghiệm</a>");
    assert!(lc < ward);
    assert!(links_to(
        picker,
        "/jurisdictions/lao-cai-phuong-thu-nghiem/"
    ));
    assert!(links_to(picker, "/jurisdictions/lai-chau/"));
    assert!(pos(picker, "Trung ương") < lc, "national first");
}

#[test]
fn a_place_with_no_documents_gets_no_page_and_no_feed() {
    let s = Site::new();
    doc(
        &s,
        "a",
        "Lào Cai",
        "2026-01-10",
        "\ncampaigns: [Ngày Dân số thế giới (11/7)]",
    );
    // Only a stub (cited, not in the portal) belongs to Lai Châu.
    s.plan(
        "b",
        "title: Kế hoạch b\nissuer: UBND\njurisdiction: Lào Cai\ndate: 2026-01-11\nbasis:\n  - Kế hoạch số 5/KH-UBND ngày 1/1/2025 của UBND tỉnh Lai Châu",
        "Thân.\n",
    );
    s.built();
    assert!(!s.out().join("jurisdictions/lai-chau").exists());
    assert!(!s.page("/jurisdictions/").contains("Lai Châu"));
}
