//! The observance calendar: every campaign from every document, merged by
//! name and date, placed in its month, with today's and the next ones marked.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::ics::{IcsEvent, IcsFeed};
use super::view::{campaign_anchor, when_label, DocSummary};
use crate::content::model::{Section, When};
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
    let mut by_key: BTreeMap<(String, When), Observance> = BTreeMap::new();
    for (i, node) in lib.nodes.iter().enumerate() {
        if node.stub {
            continue;
        }
        for c in &node.doc.campaigns {
            let key = (fold_key(&c.name), c.when);
            let o = by_key.entry(key).or_insert_with(|| Observance {
                name: c.name.clone(),
                when: c.when,
                anchor: campaign_anchor(&c.name, c.when),
                callers: Vec::new(),
                page: None,
            });
            if node.doc.section == Section::Campaign {
                // The description page's spelling is the reviewed one.
                o.name = c.name.clone();
                o.page.get_or_insert(i);
            } else {
                o.callers.push(i);
            }
        }
    }
    let mut out: Vec<Observance> = by_key.into_values().collect();
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
pub fn views(
    obs: &[Observance],
    sums: &[DocSummary],
    descriptions: &dyn Fn(Idx) -> Option<String>,
    calendar_href: &str,
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

/// Full lists of the plans calling for each observance that has more than [`SHOWN`].
pub fn caller_lists(obs: &[Observance], lib: &Library) -> Vec<super::lists::ListSpec> {
    obs.iter()
        .filter(|o| o.callers.len() > SHOWN)
        .map(|o| {
            let mut items = o.callers.clone();
            super::lists::newest_first(lib, &mut items);
            super::lists::ListSpec {
                path: format!("/calendar/{}/", o.anchor),
                title: format!("Kế hoạch hưởng ứng {}", o.name),
                intro: format!(
                    "Các kế hoạch hưởng ứng {} ({}).",
                    o.name,
                    when_label(o.when)
                ),
                items,
                facets: false,
                children: Vec::new(),
            }
        })
        .collect()
}

/// The twelve months, in order, each with its observances.
pub fn months(views: &[ObservanceView]) -> Vec<MonthView> {
    (1..=12)
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

/// The `.ics` feed for `obs` (all, or one jurisdiction's).
#[allow(
    clippy::too_many_arguments,
    reason = "plain values from the build, grouped nowhere else"
)]
pub fn feed(
    obs: &[&Observance],
    lib: &Library,
    name: &str,
    host: &str,
    calendar_url: &str,
    stamp: chrono::NaiveDateTime,
    year: i32,
    descriptions: &dyn Fn(Idx) -> Option<String>,
) -> String {
    let events: Vec<IcsEvent> = obs
        .iter()
        .map(|o| {
            let (start, end) = span_in(o.when, year);
            // A national observance can have thousands of plans; a calendar
            // entry names the first few and links to the rest.
            const SHOWN: usize = 10;
            let mut callers: Vec<String> = o
                .callers
                .iter()
                .take(SHOWN)
                .map(|&c| {
                    let d = &lib.nodes[c].doc;
                    match &d.number {
                        Some(n) => format!("{} ({})", d.title, n.display),
                        None => d.title.clone(),
                    }
                })
                .collect();
            if o.callers.len() > SHOWN {
                callers.push(format!("… và {} kế hoạch khác", o.callers.len() - SHOWN));
            }
            let mut description = o.page.and_then(descriptions).unwrap_or_default();
            if !callers.is_empty() {
                if !description.is_empty() {
                    description.push_str("\n\n");
                }
                description.push_str("Kế hoạch hưởng ứng:\n");
                description.push_str(&callers.join("\n"));
            }
            IcsEvent {
                uid: format!("{}@{host}", o.anchor),
                start,
                end,
                summary: o.name.clone(),
                description,
                url: format!("{calendar_url}#{}", o.anchor),
            }
        })
        .collect();
    super::ics::write(&IcsFeed {
        name,
        prodid: "-//planportal//planportal//VI",
        stamp,
        events: &events,
    })
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
