//! The observance calendar: every campaign from every document, merged by
//! name and date, placed in its month, with today's and the next ones marked.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::ics::{IcsEvent, IcsFeed};
use super::view::{campaign_anchor, when_label, DocSummary};
use crate::content::model::{Section, When};
use crate::content::observance_names;
use crate::graph::{Idx, Library};
use crate::legal::date::DayMonth;
use crate::text::fold_key;

/// One observance, merged across every document that calls for it.
#[derive(Debug, Clone)]
pub struct Observance {
    pub name: String,
    pub when: When,
    pub anchor: String,
    /// Documents that call for it, sorted by id.
    pub callers: Vec<Idx>,
    /// The `content/campaigns/` page describing it, if any.
    pub page: Option<Idx>,
}

/// Gathers observances, sorted by month, then day (month-long first), then name.
pub fn gather(lib: &Library) -> Vec<Observance> {
    // Each observance with the spellings of its name (and whether on its page).
    type Spellings<'a> = Vec<(&'a str, bool)>;
    let mut by_key: BTreeMap<(String, When), (Observance, Spellings)> = BTreeMap::new();
    for (i, node) in lib.nodes.iter().enumerate() {
        if node.stub {
            continue;
        }
        for c in &node.doc.campaigns {
            let (o, names) = by_key
                .entry(observance_names::key(&c.name, c.when))
                .or_insert_with(|| {
                    let o = Observance {
                        name: c.name.clone(),
                        when: c.when,
                        anchor: campaign_anchor(&c.name, c.when),
                        callers: Vec::new(),
                        page: None,
                    };
                    (o, Vec::new())
                });
            let is_page = node.doc.section == Section::Campaign;
            names.push((&c.name, is_page));
            if is_page {
                o.page.get_or_insert(i);
            } else if o.callers.last() != Some(&i) {
                o.callers.push(i);
            }
        }
    }
    let mut out: Vec<Observance> = by_key
        .into_values()
        .map(|(mut o, names)| {
            if let Some(n) = observance_names::chosen(names) {
                o.name = n.to_string();
            }
            o
        })
        .collect();
    out.sort_by_key(|o| (o.when.month(), day_of(o.when), fold_key(&o.name)));
    out
}

fn day_of(w: When) -> u32 {
    match w {
        When::Day(d) => d.day,
        When::Month(_) => 0,
    }
}

/// First and exclusive last day of the observance in `year`. 29/2 outside a
/// leap year falls back to 28/2 so the feed stays valid.
pub fn span_in(w: When, year: i32) -> (NaiveDate, NaiveDate) {
    match w {
        When::Day(DayMonth { day, month }) => {
            let d = NaiveDate::from_ymd_opt(year, month, day)
                .or_else(|| NaiveDate::from_ymd_opt(year, month, day - 1))
                .expect("day/month was validated when parsed");
            (d, d.succ_opt().expect("not the end of time"))
        }
        When::Month(m) => {
            let start = NaiveDate::from_ymd_opt(year, m, 1).expect("month was validated");
            let end = if m == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(year, m + 1, 1)
            };
            (start, end.expect("valid first of month"))
        }
    }
}

/// The observance's next occurrence on or after `today` (today counts while it lasts).
pub fn next_occurrence(w: When, today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let this = span_in(w, today.year());
    if this.1 > today {
        this
    } else {
        span_in(w, today.year() + 1)
    }
}

/// An observance as the calendar page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ObservanceView {
    pub name: String,
    pub anchor: String,
    pub href: String,
    pub when: String,
    pub month_long: bool,
    pub day: Option<u32>,
    pub month: u32,
    pub description_html: Option<String>,
    /// The newest plans calling for it (at most [`SHOWN`]).
    pub plans: Vec<DocSummary>,
    pub plan_count: usize,
    /// Paginated list of all of them, when there are more than [`SHOWN`].
    pub plans_href: Option<String>,
    pub is_today: bool,
    pub is_next: bool,
    /// Next occurrence, `dd/mm/yyyy`.
    pub next_date: String,
    pub next_date_iso: String,
    /// The observance's own page: its `content/campaigns/` page, else
    /// `/calendar/<anchor>/`.
    pub page_href: String,
    /// The campaign page's first paragraph, as plain text ("what to do").
    pub description_text: Option<String>,
    /// `/calendar/<anchor>.ics`: this observance alone.
    pub ics_href: String,
    /// The same feed as `webcal://…` (only with an absolute `base_url`).
    pub webcal_href: Option<String>,
    /// Google Calendar's "add event" form, filled in (yearly, all day).
    pub google_href: String,
}

/// A month of the calendar page.
#[derive(Debug, Clone, Serialize)]
pub struct MonthView {
    pub number: u32,
    pub name: String,
    pub observances: Vec<ObservanceView>,
}

/// Views for the calendar: each observance with its today/next flags.
/// `next_count` observances after today are marked `is_next`.
#[allow(
    clippy::too_many_arguments,
    reason = "plain values from the build, grouped nowhere else"
)]
pub fn views(
    obs: &[Observance],
    sums: &[DocSummary],
    descriptions: &dyn Fn(Idx) -> Option<String>,
    texts: &dyn Fn(Idx) -> Option<String>,
    calendar_href: &str,
    absolute: &dyn Fn(&str) -> Option<String>,
    today: NaiveDate,
    next_count: usize,
) -> Vec<ObservanceView> {
    let mut upcoming: Vec<(NaiveDate, usize)> = obs
        .iter()
        .enumerate()
        .filter_map(|(i, o)| {
            let (start, end) = next_occurrence(o.when, today);
            (!(start <= today && today < end)).then_some((start, i))
        })
        .collect();
    upcoming.sort();
    let next: Vec<usize> = upcoming.iter().take(next_count).map(|&(_, i)| i).collect();
    obs.iter()
        .enumerate()
        .map(|(i, o)| {
            let (start, end) = next_occurrence(o.when, today);
            let page_href = match o.page {
                Some(p) => sums[p].href.clone(),
                None => format!("{calendar_href}{}/", o.anchor),
            };
            let ics_href = format!("{calendar_href}{}.ics", o.anchor);
            let webcal_href = absolute(&ics_href).and_then(|u| {
                let rest = u
                    .strip_prefix("https://")
                    .or_else(|| u.strip_prefix("http://"))?;
                Some(format!("webcal://{rest}"))
            });
            let description_text = o.page.and_then(texts);
            let google_href = google_link(
                &o.name,
                start,
                end,
                &absolute(&page_href).unwrap_or_else(|| page_href.clone()),
                description_text.as_deref(),
            );
            ObservanceView {
                name: o.name.clone(),
                anchor: o.anchor.clone(),
                href: format!("{calendar_href}#{}", o.anchor),
                when: when_label(o.when),
                month_long: matches!(o.when, When::Month(_)),
                day: match o.when {
                    When::Day(d) => Some(d.day),
                    When::Month(_) => None,
                },
                month: o.when.month(),
                description_html: o.page.and_then(descriptions),
                plans: newest(&o.callers, sums)
                    .into_iter()
                    .take(SHOWN)
                    .map(|c| super::view::bare(&sums[c]))
                    .collect(),
                plan_count: o.callers.len(),
                plans_href: (o.callers.len() > SHOWN)
                    .then(|| format!("{calendar_href}{}/", o.anchor)),
                is_today: start <= today && today < end,
                is_next: next.contains(&i),
                next_date: crate::legal::date::format_vi(start),
                next_date_iso: start.to_string(),
                page_href,
                description_text,
                ics_href,
                webcal_href,
                google_href,
            }
        })
        .collect()
}

/// Plans a calendar entry lists before linking to the full list: a national
/// observance can have tens of thousands, and the calendar must stay one page.
pub const SHOWN: usize = 10;

/// Callers newest first (by date, then id).
fn newest(callers: &[Idx], sums: &[DocSummary]) -> Vec<Idx> {
    let mut v = callers.to_vec();
    v.sort_by(|&a, &b| sums[b].date_iso.cmp(&sums[a].date_iso).then(a.cmp(&b)));
    v
}

/// A Google Calendar "create event" link: a yearly, all-day event from the
/// next occurrence, so a phone without a calendar subscription can still add it.
fn google_link(
    name: &str,
    start: NaiveDate,
    end: NaiveDate,
    url: &str,
    text: Option<&str>,
) -> String {
    use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
    let enc = |s: &str| utf8_percent_encode(s, NON_ALPHANUMERIC).to_string();
    let details = match text {
        Some(t) => format!("{t}\n\n{url}"),
        None => url.to_string(),
    };
    format!(
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text={}&dates={}/{}&details={}&recur={}",
        enc(name),
        start.format("%Y%m%d"),
        end.format("%Y%m%d"),
        enc(&details),
        enc("RRULE:FREQ=YEARLY"),
    )
}

/// Lists of the plans calling for each observance: the observance's own page
/// when it has no `content/campaigns/` page, and the full list when its
/// campaign page shows only the first [`SHOWN`].
pub fn caller_lists(obs: &[Observance], lib: &Library) -> Vec<(usize, super::lists::ListSpec)> {
    obs.iter()
        .enumerate()
        .filter(|(_, o)| o.page.is_none() || o.callers.len() > SHOWN)
        .map(|(k, o)| {
            let mut items = o.callers.clone();
            super::lists::newest_first(lib, &mut items);
            let spec = super::lists::ListSpec {
                path: format!("/calendar/{}/", o.anchor),
                title: o.name.clone(),
                intro: format!(
                    "{} ({} hằng năm) và các kế hoạch hưởng ứng.",
                    o.name,
                    when_label(o.when)
                ),
                items,
                facets: false,
                children: Vec::new(),
            };
            (k, spec)
        })
        .collect()
}

/// The twelve months from `first` (the current month) on, each with its observances.
pub fn months(views: &[ObservanceView], first: u32) -> Vec<MonthView> {
    (0..12)
        .map(|k| (first - 1 + k) % 12 + 1)
        .map(|m| MonthView {
            number: m,
            name: format!("Tháng {m}"),
            observances: views.iter().filter(|v| v.month == m).cloned().collect(),
        })
        .collect()
}

/// The next `n` observances from today (today's first), for the home page.
pub fn upcoming(views: &[ObservanceView], n: usize) -> Vec<ObservanceView> {
    let mut v: Vec<&ObservanceView> = views.iter().collect();
    v.sort_by(|a, b| {
        (!a.is_today, &a.next_date_iso, &a.name).cmp(&(!b.is_today, &b.next_date_iso, &b.name))
    });
    v.into_iter().take(n).cloned().collect()
}

/// The year every feed's series starts in. A constant, not the build year:
/// subscribers' apps key events by `UID` and `DTSTART`, and a series that
/// moved each January would show up twice or lose its edits. 2000 is a leap
/// year, so a 29/2 observance starts on its own day.
pub const SERIES_YEAR: i32 = 2000;

/// The feed event of each observance, in `obs` order. Its text depends on the
/// observance alone (never on the feed), so a `UID` reads the same wherever
/// it appears: the national feed, a place's feed, the observance's own.
pub fn events(
    obs: &[Observance],
    views: &[ObservanceView],
    host: &str,
    absolute: &dyn Fn(&str) -> String,
) -> Vec<IcsEvent> {
    obs.iter()
        .zip(views)
        .map(|(o, v)| {
            let (start, end) = span_in(o.when, SERIES_YEAR);
            let url = Some(absolute(&v.page_href)).filter(|u| u.contains("://"));
            let mut description = v.description_text.clone().unwrap_or_default();
            let more = match (o.callers.len(), &url) {
                (0, None) => String::new(),
                (0, Some(u)) => u.clone(),
                (n, None) => format!("{n} kế hoạch hưởng ứng."),
                (n, Some(u)) => format!("{n} kế hoạch hưởng ứng: {u}"),
            };
            if !description.is_empty() && !more.is_empty() {
                description.push_str("\n\n");
            }
            description.push_str(&more);
            IcsEvent {
                uid: format!("{}@{host}", o.anchor),
                start,
                end,
                summary: o.name.clone(),
                description,
                url,
            }
        })
        .collect()
}

/// A feed of the given events; None when there are none (RFC 5545 needs at
/// least one component, and an empty calendar helps nobody).
pub fn feed(events: &[&IcsEvent], name: &str, stamp: chrono::NaiveDateTime) -> Option<String> {
    if events.is_empty() {
        return None;
    }
    let events: Vec<IcsEvent> = events.iter().map(|&e| e.clone()).collect();
    Some(super::ics::write(&IcsFeed {
        name,
        prodid: "-//planportal//planportal//VI",
        stamp,
        events: &events,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32, m: u32) -> When {
        When::Day(DayMonth { day: d, month: m })
    }

    #[test]
    fn spans_are_exclusive_and_december_ends_in_january() {
        let (s, e) = span_in(day(11, 7), 2026);
        assert_eq!(
            (s.to_string(), e.to_string()),
            ("2026-07-11".into(), "2026-07-12".into())
        );
        let (s, e) = span_in(When::Month(12), 2026);
        assert_eq!(
            (s.to_string(), e.to_string()),
            ("2026-12-01".into(), "2027-01-01".into())
        );
        let (s, _) = span_in(day(29, 2), 2026);
        assert_eq!(s.to_string(), "2026-02-28");
    }

    #[test]
    fn next_occurrence_rolls_over_and_counts_today() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        assert_eq!(
            next_occurrence(day(11, 7), today).0.to_string(),
            "2027-07-11"
        );
        assert_eq!(
            next_occurrence(day(27, 11), today).0.to_string(),
            "2026-11-27"
        );
        assert_eq!(
            next_occurrence(When::Month(11), today).0.to_string(),
            "2026-11-01"
        );
        assert_eq!(
            next_occurrence(When::Month(12), today).0.to_string(),
            "2026-12-01"
        );
    }
}
