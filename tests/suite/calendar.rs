//! The observance calendar: `/calendar/`, `/calendar.ics`, per-place feeds,
//! merging, and campaign errors.

use std::sync::OnceLock;

use crate::support::*;

/// The unfolded content lines of an .ics file (bytes checked for UTF-8 after unfolding).
pub(super) fn unfold(raw: &[u8]) -> Vec<String> {
    let mut out: Vec<u8> = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        if raw[i..].starts_with(b"\r\n ") || raw[i..].starts_with(b"\r\n\t") {
            i += 3;
            continue;
        }
        out.push(raw[i]);
        i += 1;
    }
    let text = String::from_utf8(out).expect("the unfolded feed is UTF-8 (no split characters)");
    text.split("\r\n").map(str::to_string).collect()
}

/// The VEVENTs of a feed, each as its content lines.
pub(super) fn events(lines: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut cur: Option<Vec<String>> = None;
    for l in lines {
        match l.as_str() {
            "BEGIN:VEVENT" => cur = Some(Vec::new()),
            "END:VEVENT" => out.push(cur.take().expect("END without BEGIN")),
            _ => {
                if let Some(c) = cur.as_mut() {
                    c.push(l.clone());
                }
            }
        }
    }
    out
}

/// The value of property `name` (with or without parameters) in an event.
pub(super) fn prop<'a>(ev: &'a [String], name: &str) -> Option<&'a str> {
    ev.iter().find_map(|l| {
        let (head, value) = l.split_once(':')?;
        let key = head.split(';').next()?;
        (key == name).then_some(value)
    })
}

/// The event whose SUMMARY contains `needle`.
#[track_caller]
fn event<'a>(evs: &'a [Vec<String>], needle: &str) -> &'a [String] {
    evs.iter()
        .find(|e| prop(e, "SUMMARY").is_some_and(|s| s.contains(needle)))
        .unwrap_or_else(|| panic!("no VEVENT with SUMMARY containing {needle:?}"))
}

fn campaigns_plan(s: &Site, name: &str, jur: &str, campaigns: &str) {
    s.plan(
        name,
        &format!(
            "title: Kế hoạch truyền thông {name}\nissuer: UBND\njurisdiction: {jur}\ndate: 2025-12-01\ncampaigns:\n{campaigns}"
        ),
        "Thân.\n",
    );
}

/// Built once into a shared folder; the tests only read it.
fn three_forms_site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let s = Site::fixed("calendar-three-forms");
        fill_three_forms_site(&s);
        s.built();
        s
    })
}

fn fill_three_forms_site(s: &Site) {
    campaigns_plan(
        s,
        "ba-dang",
        "Lào Cai",
        "  - Ngày Thalassemia Thế giới (8/5)
  - { name: Ngày Dân số thế giới, date: 11/7 }
  - { name: Ngày Quốc tế người cao tuổi, date: 1/10 }
  - { name: Tháng hành động quốc gia về Dân số, month: 12 }
  - Ngày Dân số Việt Nam (31/12)",
    );
}

#[test]
fn calendar_page_lists_observances_in_month_order() {
    let s = three_forms_site();
    let p = s.page("/calendar/");
    // Use the last occurrence: the month-by-month list comes after any "next" box.
    let at = |n: &str| {
        p.rfind(n)
            .unwrap_or_else(|| panic!("{n} not on /calendar/"))
    };
    let may = at("Ngày Thalassemia Thế giới");
    let jul = at("Ngày Dân số thế giới");
    let oct = at("Ngày Quốc tế người cao tuổi");
    let dec = at("Tháng hành động quốc gia về Dân số");
    assert!(may < jul, "May before July");
    assert!(
        jul < oct,
        "11/7 is July, so it comes before October (not November)"
    );
    assert!(oct < dec);
    assert!(
        links_to(&p, "/plans/ba-dang/"),
        "each observance links its plans"
    );
}

#[test]
fn ics_day_month_is_vietnamese_order() {
    let s = three_forms_site();
    let lines = unfold(&std::fs::read(s.out().join("calendar.ics")).unwrap());
    let evs = events(&lines);
    let ev = event(&evs, "Ngày Dân số thế giới");
    let start = prop(ev, "DTSTART").unwrap();
    assert!(
        start.len() == 8 && start.ends_with("0711"),
        "11/7 is 11 July: {start}"
    );
    let thal = prop(event(&evs, "Thalassemia"), "DTSTART").unwrap();
    assert!(thal.ends_with("0508"), "8/5 is 8 May: {thal}");
}

#[test]
fn ics_events_are_yearly_all_day_with_exclusive_end() {
    let s = three_forms_site();
    let raw = std::fs::read(s.out().join("calendar.ics")).unwrap();
    let lines = unfold(&raw);
    let evs = events(&lines);
    assert_eq!(evs.len(), 5, "one VEVENT per observance");
    let ev = event(&evs, "Ngày Dân số thế giới");
    let start_line = ev.iter().find(|l| l.starts_with("DTSTART")).unwrap();
    let re = regex::Regex::new(r"^DTSTART;VALUE=DATE:(\d{4})0711$").unwrap();
    let year: i32 = re
        .captures(start_line)
        .unwrap_or_else(|| panic!("{start_line}"))[1]
        .parse()
        .unwrap();
    assert!(
        ev.contains(&format!("DTEND;VALUE=DATE:{year}0712")),
        "DTEND is the day after: {ev:?}"
    );
    for e in &evs {
        assert_eq!(prop(e, "RRULE"), Some("FREQ=YEARLY"), "{e:?}");
        assert!(prop(e, "UID").is_some_and(|u| !u.is_empty()), "UID set");
        assert!(prop(e, "DTSTAMP").is_some(), "DTSTAMP set");
    }
}

#[test]
fn ics_month_long_december_campaign_ends_on_first_of_january() {
    let s = three_forms_site();
    let lines = unfold(&std::fs::read(s.out().join("calendar.ics")).unwrap());
    let evs = events(&lines);
    let ev = event(&evs, "Tháng hành động quốc gia về Dân số");
    let start = ev.iter().find(|l| l.starts_with("DTSTART")).unwrap();
    let re = regex::Regex::new(r"^DTSTART;VALUE=DATE:(\d{4})1201$").unwrap();
    let y: i32 = re.captures(start).unwrap_or_else(|| panic!("{start}"))[1]
        .parse()
        .unwrap();
    assert!(
        ev.contains(&format!("DTEND;VALUE=DATE:{}0101", y + 1)),
        "ends 1 January of the next year: {ev:?}"
    );
    let dec31 = event(&evs, "Ngày Dân số Việt Nam");
    let s31 = dec31.iter().find(|l| l.starts_with("DTSTART")).unwrap();
    let y31: i32 = s31[s31.len() - 8..s31.len() - 4].parse().unwrap();
    assert!(s31.ends_with("1231"));
    assert!(
        dec31.contains(&format!("DTEND;VALUE=DATE:{}0101", y31 + 1)),
        "31/12 ends next year"
    );
}

#[test]
fn ics_uses_crlf_and_folds_lines_at_75_octets() {
    let s = Site::new();
    let long = "Ngày hưởng ứng quốc gia về chăm sóc sức khỏe sinh sản, kế hoạch hóa gia đình \
                và nâng cao chất lượng dân số trên địa bàn toàn tỉnh";
    campaigns_plan(
        &s,
        "dai",
        "Lào Cai",
        &format!("  - {{ name: \"{long}\", date: 26/9 }}"),
    );
    s.built();
    let raw = std::fs::read(s.out().join("calendar.ics")).unwrap();
    assert!(raw.starts_with(b"BEGIN:VCALENDAR\r\n"));
    assert!(raw.ends_with(b"END:VCALENDAR\r\n"));
    for (i, b) in raw.iter().enumerate() {
        if *b == b'\n' {
            assert!(i > 0 && raw[i - 1] == b'\r', "bare LF at byte {i}");
        }
    }
    for line in raw.split(|b| *b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        assert!(
            line.len() <= 75,
            "line of {} octets: {}",
            line.len(),
            String::from_utf8_lossy(line)
        );
    }
    let lines = unfold(&raw);
    assert!(lines.iter().any(|l| l.starts_with("VERSION:2.0")));
    assert!(lines.iter().any(|l| l.starts_with("PRODID:")));
    let evs = events(&lines);
    let summary = prop(event(&evs, "Ngày hưởng ứng"), "SUMMARY").unwrap();
    assert_eq!(
        summary.replace("\\,", ","),
        long,
        "folding keeps the text whole"
    );
}

#[test]
fn ics_dtstamp_is_the_source_date_epoch() {
    let s = Site::new().at_epoch(EPOCH_2026_07_01);
    campaigns_plan(&s, "p", "Lào Cai", "  - Ngày Dân số thế giới (11/7)");
    s.built();
    let lines = unfold(&std::fs::read(s.out().join("calendar.ics")).unwrap());
    let evs = events(&lines);
    assert_eq!(prop(&evs[0], "DTSTAMP"), Some("20260701T000000Z"));
}

#[test]
fn same_observance_from_two_plans_merges_into_one_entry() {
    let s = Site::new();
    campaigns_plan(&s, "mot", "Lào Cai", "  - Ngày Dân số thế giới (11/7)");
    campaigns_plan(
        &s,
        "hai",
        "Lai Châu",
        "  - { name: Ngày dân số Thế Giới, date: 11/7 }",
    );
    s.built();
    let lines = unfold(&std::fs::read(s.out().join("calendar.ics")).unwrap());
    let evs = events(&lines);
    assert_eq!(evs.len(), 1, "one observance, not two: {evs:?}");
    let p = s.page("/calendar/");
    assert!(
        links_to(&p, "/plans/mot/") && links_to(&p, "/plans/hai/"),
        "links both plans"
    );
    let lower = p.to_lowercase();
    assert_eq!(
        lower.matches("ngày dân số thế giới</h").count().max(1),
        1,
        "listed once on the calendar page"
    );
}

#[test]
fn same_name_on_different_days_stays_two_entries() {
    let s = Site::new();
    campaigns_plan(&s, "mot", "Lào Cai", "  - Ngày hội (1/6)");
    campaigns_plan(&s, "hai", "Lào Cai", "  - Ngày hội (2/6)");
    s.built();
    let lines = unfold(&std::fs::read(s.out().join("calendar.ics")).unwrap());
    assert_eq!(events(&lines).len(), 2);
}

#[test]
fn jurisdiction_feed_has_only_that_places_observances() {
    let s = Site::new();
    campaigns_plan(&s, "lc", "Lào Cai", "  - Ngày Thalassemia Thế giới (8/5)");
    campaigns_plan(&s, "lch", "Lai Châu", "  - Ngày Quốc tế trẻ em gái (11/10)");
    s.built();
    let lc = unfold(&std::fs::read(s.out().join("jurisdictions/lao-cai/calendar.ics")).unwrap());
    let lch = unfold(&std::fs::read(s.out().join("jurisdictions/lai-chau/calendar.ics")).unwrap());
    let (lc, lch) = (events(&lc), events(&lch));
    assert_eq!(lc.len(), 1);
    assert!(prop(&lc[0], "SUMMARY").unwrap().contains("Thalassemia"));
    assert_eq!(lch.len(), 1);
    assert!(prop(&lch[0], "SUMMARY").unwrap().contains("trẻ em gái"));
    let all = unfold(&std::fs::read(s.out().join("calendar.ics")).unwrap());
    assert_eq!(events(&all).len(), 2, "the site feed has both");
}

#[test]
fn campaign_description_page_appears_on_the_calendar() {
    let s = Site::new();
    campaigns_plan(&s, "p", "Lào Cai", "  - Ngày Dân số thế giới (11/7)");
    s.write(
        "content/campaigns/dstg.md",
        "---\ntitle: Ngày Dân số thế giới\ncampaigns:\n  - { name: Ngày Dân số thế giới, date: 11/7 }\n---\n\
         Ngày do Liên hợp quốc đề ra năm 1989.\n",
    );
    s.built();
    assert!(s
        .page("/calendar/")
        .contains("Ngày do Liên hợp quốc đề ra năm 1989."));
}

#[test]
fn home_page_shows_the_next_three_observances() {
    let s = Site::new().at_epoch(EPOCH_2026_07_01);
    campaigns_plan(
        &s,
        "p",
        "Lào Cai",
        "  - Ngày Thalassemia Thế giới (8/5)
  - Ngày Dân số thế giới (11/7)
  - Ngày tránh thai thế giới (26/9)
  - Ngày Quốc tế người cao tuổi (1/10)
  - { name: Tháng hành động quốc gia về Dân số, month: 12 }",
    );
    s.built();
    let home = s.page("/");
    for next in [
        "Ngày Dân số thế giới",
        "Ngày tránh thai thế giới",
        "Ngày Quốc tế người cao tuổi",
    ] {
        assert!(home.contains(next), "home shows {next}");
    }
    assert!(!home.contains("Tháng hành động"), "only the next three");
    assert!(!home.contains("Thalassemia"), "8/5 has passed on 1 July");
}

/// One campaign entry on line 7 of content/plans/x.md.
fn bad_campaign(entry: &str) -> Run {
    let s = Site::new();
    s.write(
        "content/plans/x.md",
        &format!(
            "---\ntitle: Kế hoạch\nissuer: UBND\njurisdiction: Lào Cai\ndate: 2026-01-15\ncampaigns:\n  - {entry}\n---\n"
        ),
    );
    let r = s.build();
    r.fails().located("content/plans/x.md", 7);
    assert!(!s.out().exists());
    r
}

#[test]
fn campaign_without_date_or_month_is_an_error() {
    bad_campaign("{ name: Ngày Dân số thế giới }");
    bad_campaign("Ngày Dân số thế giới");
}

#[test]
fn campaign_impossible_day_is_an_error_quoting_it() {
    bad_campaign("{ name: Ngày X, date: 31/6 }").says("31/6");
    bad_campaign("Ngày Y (30/2)").says("30/2");
}

#[test]
fn campaign_bad_month_is_an_error() {
    bad_campaign("{ name: Tháng X, month: 13 }").says("13");
    bad_campaign("Ngày Z (7/13)").says("7/13");
}

#[test]
fn campaign_empty_name_is_an_error() {
    bad_campaign("{ name: '', date: 1/6 }").says("name");
}

#[test]
fn leap_day_campaign_builds_with_a_warning() {
    let s = Site::new();
    s.write(
        "content/plans/x.md",
        "---\ntitle: Kế hoạch\nissuer: UBND\njurisdiction: Lào Cai\ndate: 2026-01-15\ncampaigns:\n  - Ngày nhuận (29/2)\n---\n",
    );
    s.build().ok().warns().located("content/plans/x.md", 7);
    let j = s.json();
    assert_eq!(doc(&j, "plans/x")["campaigns"][0]["day"], 29);
    assert_eq!(doc(&j, "plans/x")["campaigns"][0]["month"], 2);
}
