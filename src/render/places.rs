//! Place pages beyond their own list: the documents that apply there from
//! above (each ancestor's, the national ones), the sub-places, the feed, and
//! the home page's place picker.

use std::collections::HashMap;

use serde::Serialize;

use super::lists::{self, Facet, ListSpec};
use super::view::place_name;
use crate::content::model::{is_national, jurisdiction_chain};
use crate::graph::{Idx, Library};
use crate::text::slug_of_name;

/// Documents a group "Áp dụng tại đây" shows before linking to the full list.
pub const SHOWN: usize = 5;

/// One group of documents that apply at a place from another level.
#[derive(Debug, Clone, Serialize)]
pub struct AppliesGroup {
    /// "Lào Cai", "Trung ương".
    pub name: String,
    /// The level's page.
    pub href: String,
    pub count: usize,
    /// The newest [`SHOWN`], as indexes (the page turns them into items).
    #[serde(skip)]
    pub items: Vec<Idx>,
}

/// What a place's page adds to its list.
#[derive(Debug, Clone)]
pub struct Place {
    /// As written in the content: "Lào Cai/phường Thử Nghiệm".
    pub name: String,
    pub slug: String,
    /// Documents issued for this place itself (not its sub-places).
    pub own: usize,
    pub applies: Vec<AppliesGroup>,
    /// Observances (indexes into the calendar's) its feed carries.
    pub observances: Vec<usize>,
}

/// Documents by the slug of their exact jurisdiction (no ancestors).
fn exact(lib: &Library) -> HashMap<String, Vec<Idx>> {
    let mut by: HashMap<String, Vec<Idx>> = HashMap::new();
    for (i, n) in lib.nodes.iter().enumerate() {
        if n.stub || n.doc.section == crate::content::model::Section::Campaign {
            continue;
        }
        if let Some(j) = &n.doc.jurisdiction {
            by.entry(slug_of_name(j)).or_default().push(i);
        }
    }
    for v in by.values_mut() {
        lists::newest_first(lib, v);
    }
    by
}

/// Every place that has a page (`facets`), with what applies there and the
/// observances of its feed: those called for by a document on its page
/// (there or below) or applying there (above, national).
pub fn places(
    lib: &Library,
    facets: &[Facet],
    observances: &[super::calendar::Observance],
) -> HashMap<String, Place> {
    let exact = exact(lib);
    let national = slug_of_name("Trung ương");
    // Observances by each level a caller's jurisdiction chain passes through.
    let mut obs_at: HashMap<String, Vec<usize>> = HashMap::new();
    for (k, o) in observances.iter().enumerate() {
        for &c in &o.callers {
            if let Some(j) = lib.nodes[c].doc.jurisdiction.as_deref() {
                for level in jurisdiction_chain(j) {
                    obs_at.entry(slug_of_name(&level)).or_default().push(k);
                }
            }
        }
    }
    // Observances called for exactly at a level (for those applying from above).
    let mut obs_exact: HashMap<String, Vec<usize>> = HashMap::new();
    for (k, o) in observances.iter().enumerate() {
        for &c in &o.callers {
            if let Some(j) = lib.nodes[c].doc.jurisdiction.as_deref() {
                obs_exact.entry(slug_of_name(j)).or_default().push(k);
            }
        }
    }
    let mut out = HashMap::new();
    for f in facets {
        let slug = f
            .href
            .trim_start_matches("/jurisdictions/")
            .trim_end_matches('/')
            .to_string();
        let mut above: Vec<String> = jurisdiction_chain(&f.name).into_iter().skip(1).collect();
        if !is_national(&f.name) {
            above.push("Trung ương".into());
        }
        let mut applies = Vec::new();
        let mut ks: Vec<usize> = obs_at.get(&slug).cloned().unwrap_or_default();
        for level in above {
            let s = slug_of_name(&level);
            ks.extend(obs_exact.get(&s).into_iter().flatten());
            let Some(docs) = exact.get(&s) else { continue };
            applies.push(AppliesGroup {
                name: if s == national {
                    "Trung ương".into()
                } else {
                    place_name(&level)
                },
                href: format!("/jurisdictions/{s}/"),
                count: docs.len(),
                items: docs.iter().copied().take(SHOWN).collect(),
            });
        }
        ks.sort_unstable();
        ks.dedup();
        out.insert(
            slug.clone(),
            Place {
                name: f.name.clone(),
                own: exact.get(&slug).map_or(0, Vec::len),
                slug,
                applies,
                observances: ks,
            },
        );
    }
    out
}

/// The home page's place picker: provinces (top level) in order, each with
/// the places under it.
#[derive(Debug, Clone, Serialize)]
pub struct Province {
    pub name: String,
    pub href: String,
    pub count: usize,
    pub places: Vec<Facet>,
}

pub fn picker(facets: &[Facet]) -> Vec<Province> {
    let mut out: Vec<Province> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for f in facets.iter().filter(|f| !f.name.contains('/')) {
        index.insert(crate::text::fold_key(&f.name), out.len());
        out.push(Province {
            name: f.name.clone(),
            href: f.href.clone(),
            count: f.count,
            places: Vec::new(),
        });
    }
    for f in facets.iter().filter(|f| f.name.contains('/')) {
        let top = f.name.split('/').next().unwrap_or_default();
        if let Some(&k) = index.get(&crate::text::fold_key(top)) {
            out[k].places.push(Facet {
                name: f.name.split('/').skip(1).collect::<Vec<_>>().join(", "),
                ..f.clone()
            });
        }
    }
    // National first: it applies everywhere.
    out.sort_by_key(|p| !is_national(&p.name));
    out
}

/// The jurisdiction lists' titles and intros in people's words
/// ("phường Thử Nghiệm, Lào Cai"), by path.
pub fn name_lists(specs: &mut [ListSpec], facets: &[Facet]) {
    let count: HashMap<&str, usize> = facets.iter().map(|f| (f.href.as_str(), f.count)).collect();
    for l in specs.iter_mut() {
        if l.path.starts_with("/jurisdictions/") && l.path.matches('/').count() == 3 {
            let shown = place_name(&l.title);
            l.intro = format!("Văn bản ban hành cho {shown} và các địa phương trực thuộc.");
            l.title = shown;
            for c in &mut l.children {
                c.name = c
                    .name
                    .rsplit('/')
                    .next()
                    .unwrap_or(&c.name)
                    .trim()
                    .to_string();
                c.count = count.get(c.href.as_str()).copied().unwrap_or(0);
            }
        }
    }
}
