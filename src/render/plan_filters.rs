//! The filters of `/plans/`: plain links to lists of plans only, by place,
//! year and type, combined place × year, each chip counting the plans its
//! link leads to.
//!
//! Paths: `/plans/in/<place>/`, `/plans/years/<yyyy>/`, `/plans/types/<type>/`,
//! `/plans/in/<place>/<yyyy>/` (by status: `/plans/status/…`, see `status`).
//! A combined list is made only where it differs from both of its parts (a
//! place with plans in more than one year), so a national portal with
//! thousands of communes, each with a plan or two, gains few pages.

use std::collections::{BTreeMap, HashMap};

use chrono::Datelike;

use super::lists::{newest_first, Facet, Facets, ListSpec};
use super::view::place_name;
use crate::content::model::{is_national, jurisdiction_chain, Section};
use crate::graph::{Idx, Library};
use crate::text::{fold_key, slug_of_name};

/// A chip that removes one filter: "Lào Cai ×" back to the list without it.
pub type Active = Facet;

/// The lists this module adds, each with the filter links its page shows.
pub struct PlanFilters {
    pub specs: Vec<ListSpec>,
    /// Per spec (same order), the scoped filter links and the active filters.
    pub facets: Vec<(Facets, Vec<Active>)>,
    /// The filter links of `/plans/` itself.
    pub top: Facets,
}

struct Place {
    name: String,
    plans: Vec<Idx>,
    by_year: BTreeMap<i32, Vec<Idx>>,
}

fn place_href(slug: &str) -> String {
    format!("/plans/in/{slug}/")
}

fn year_href(y: i32) -> String {
    format!("/plans/years/{y}/")
}

pub fn build(lib: &Library) -> PlanFilters {
    let mut places: BTreeMap<String, Place> = BTreeMap::new();
    let mut years: BTreeMap<i32, Vec<Idx>> = BTreeMap::new();
    let mut types: BTreeMap<String, (String, Vec<Idx>)> = BTreeMap::new();
    for (i, n) in lib.nodes.iter().enumerate() {
        if n.stub || n.doc.section != Section::Plan {
            continue;
        }
        let year = n.doc.date.map(|d| d.year());
        if let Some(y) = year {
            years.entry(y).or_default().push(i);
        }
        if let Some(t) = &n.doc.type_name {
            types
                .entry(slug_of_name(t))
                .or_insert_with(|| (t.clone(), Vec::new()))
                .1
                .push(i);
        }
        for level in n
            .doc
            .jurisdiction
            .as_deref()
            .map(jurisdiction_chain)
            .unwrap_or_default()
        {
            let p = places.entry(slug_of_name(&level)).or_insert_with(|| Place {
                name: level.clone(),
                plans: Vec::new(),
                by_year: BTreeMap::new(),
            });
            p.plans.push(i);
            if let Some(y) = year {
                p.by_year.entry(y).or_default().push(i);
            }
        }
    }
    // Direct sub-places by folded parent name.
    let mut children: HashMap<String, Vec<String>> = HashMap::new();
    let mut top: Vec<String> = Vec::new();
    for (slug, p) in &places {
        match fold_key(&p.name).rsplit_once('/') {
            Some((parent, _)) => children
                .entry(parent.to_string())
                .or_default()
                .push(slug.clone()),
            None => top.push(slug.clone()),
        }
    }
    // National first: it applies everywhere.
    top.sort_by_key(|s| !is_national(&places[s].name));
    let kids = |slug: &str| -> &[String] {
        children
            .get(&fold_key(&places[slug].name))
            .map_or(&[][..], Vec::as_slice)
    };
    let short = |slug: &str| -> String {
        let n = &places[slug].name;
        n.rsplit('/').next().unwrap_or(n).trim().to_string()
    };
    // Where "this place in year y" leads: the combined list, or the place's
    // own when all its plans are from y.
    let place_year = |slug: &str, y: i32| -> String {
        if places[slug].by_year.len() > 1 {
            format!("/plans/in/{slug}/{y}/")
        } else {
            place_href(slug)
        }
    };
    let year_chips = |p: &Place, slug: &str| -> Vec<Facet> {
        if p.by_year.len() < 2 {
            return Vec::new();
        }
        p.by_year
            .iter()
            .rev()
            .map(|(&y, v)| Facet {
                name: y.to_string(),
                href: format!("/plans/in/{slug}/{y}/"),
                count: v.len(),
            })
            .collect()
    };
    let type_chips: Vec<Facet> = if types.len() > 1 {
        types
            .iter()
            .map(|(s, (n, v))| Facet {
                name: n.clone(),
                href: format!("/plans/types/{s}/"),
                count: v.len(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let all_years: Vec<Facet> = years
        .iter()
        .rev()
        .map(|(&y, v)| Facet {
            name: y.to_string(),
            href: year_href(y),
            count: v.len(),
        })
        .collect();

    let mut out = PlanFilters {
        specs: Vec::new(),
        facets: Vec::new(),
        top: Facets {
            jurisdictions: top
                .iter()
                .map(|s| Facet {
                    name: place_name(&places[s].name),
                    href: place_href(s),
                    count: places[s].plans.len(),
                })
                .collect(),
            types: type_chips.clone(),
            years: all_years.clone(),
            ..Facets::default()
        },
    };
    let mut push = |spec: ListSpec, facets: Facets, active: Vec<Active>| {
        let mut spec = spec;
        newest_first(lib, &mut spec.items);
        out.specs.push(spec);
        out.facets.push((facets, active));
    };
    for (slug, p) in &places {
        let shown = place_name(&p.name);
        let sub = |y: Option<i32>| -> Vec<Facet> {
            kids(slug)
                .iter()
                .filter_map(|c| {
                    let cp = &places[c];
                    let (href, count) = match y {
                        None => (place_href(c), cp.plans.len()),
                        Some(y) => (place_year(c, y), cp.by_year.get(&y)?.len()),
                    };
                    Some(Facet {
                        name: short(c),
                        href,
                        count,
                    })
                })
                .collect()
        };
        push(
            ListSpec {
                path: place_href(slug),
                title: format!("Kế hoạch của {shown}"),
                intro: format!(
                    "Các kế hoạch của {shown} và các địa phương trực thuộc, mới nhất trước."
                ),
                items: p.plans.clone(),
                facets: true,
                children: Vec::new(),
            },
            Facets {
                jurisdictions: sub(None),
                years: year_chips(p, slug),
                ..Facets::default()
            },
            vec![Facet {
                name: shown.clone(),
                href: "/plans/".into(),
                count: 0,
            }],
        );
        if p.by_year.len() < 2 {
            continue;
        }
        for (&y, items) in &p.by_year {
            push(
                ListSpec {
                    path: format!("/plans/in/{slug}/{y}/"),
                    title: format!("Kế hoạch của {shown} năm {y}"),
                    intro: format!(
                        "Các kế hoạch năm {y} của {shown} và các địa phương trực thuộc."
                    ),
                    items: items.clone(),
                    facets: true,
                    children: Vec::new(),
                },
                Facets {
                    jurisdictions: sub(Some(y)),
                    years: year_chips(p, slug),
                    ..Facets::default()
                },
                vec![
                    Facet {
                        name: shown.clone(),
                        href: year_href(y),
                        count: 0,
                    },
                    Facet {
                        name: y.to_string(),
                        href: place_href(slug),
                        count: 0,
                    },
                ],
            );
        }
    }
    for (&y, items) in &years {
        let places_in_year: Vec<Facet> = top
            .iter()
            .filter_map(|s| {
                Some(Facet {
                    name: place_name(&places[s].name),
                    href: place_year(s, y),
                    count: places[s].by_year.get(&y)?.len(),
                })
            })
            .collect();
        push(
            ListSpec {
                path: year_href(y),
                title: format!("Kế hoạch năm {y}"),
                intro: format!("Các kế hoạch ban hành năm {y}, mới nhất trước."),
                items: items.clone(),
                facets: true,
                children: Vec::new(),
            },
            Facets {
                jurisdictions: places_in_year,
                years: all_years.clone(),
                ..Facets::default()
            },
            vec![Facet {
                name: y.to_string(),
                href: "/plans/".into(),
                count: 0,
            }],
        );
    }
    if types.len() > 1 {
        for (s, (name, items)) in &types {
            push(
                ListSpec {
                    path: format!("/plans/types/{s}/"),
                    title: format!("Kế hoạch loại {name}"),
                    intro: format!("Các kế hoạch loại {name}, mới nhất trước."),
                    items: items.clone(),
                    facets: true,
                    children: Vec::new(),
                },
                Facets {
                    types: type_chips.clone(),
                    ..Facets::default()
                },
                vec![Facet {
                    name: name.clone(),
                    href: "/plans/".into(),
                    count: 0,
                }],
            );
        }
    }
    out
}
