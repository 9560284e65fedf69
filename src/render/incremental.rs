//! What `serve` reuses between rebuilds, and how it decides a page is unchanged.
//!
//! A page's *input fingerprint* hashes everything its view is made from,
//! read straight from the graph: the document's own content and the summary
//! of every document the page shows (its basis tree, implementers, cites…).
//! Equal fingerprints mean an equal page, so the page is neither built nor
//! rendered again. Computing one costs a few hashes; building a view costs
//! clones, Markdown and Tera. A template or settings change clears them all.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Mutex, PoisonError};

use super::lists;
use super::pages::{Env, Job};
use super::view::DocSummary;
use crate::graph::{chain, Idx};

/// List items rendered in earlier builds, by summary fingerprint.
#[derive(Default)]
pub struct ItemCache {
    map: Mutex<HashMap<u64, String>>,
}

impl ItemCache {
    pub fn get(&self, fp: u64) -> Option<String> {
        self.map
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&fp)
            .cloned()
    }

    pub fn put(&self, fp: u64, html: String) {
        let mut m = self.map.lock().unwrap_or_else(PoisonError::into_inner);
        // Bounded: a long editing session must not grow without limit.
        if m.len() > 200_000 {
            m.clear();
        }
        m.insert(fp, html);
    }
}

fn hasher() -> std::collections::hash_map::DefaultHasher {
    std::collections::hash_map::DefaultHasher::new()
}

/// Fingerprint of what a summary shows (before its list item is rendered).
pub fn summary_fp(s: &DocSummary) -> u64 {
    let mut h = hasher();
    (&s.id, &s.href, &s.title, &s.number, &s.type_name, &s.issuer).hash(&mut h);
    (&s.jurisdiction, &s.date, s.stub, s.draft, s.is_plan).hash(&mut h);
    (&s.full_title, &s.unnumbered, s.status, s.amended).hash(&mut h);
    h.finish()
}

/// The input fingerprint of a job: equal fingerprints, equal pages.
pub fn input_fp(env: &Env<'_>, job: Job, sfp: &[u64]) -> Option<u64> {
    let mut h = hasher();
    // Every page's footer shows the build date.
    env.site.today.hash(&mut h);
    match job {
        Job::Doc(i) => doc_fp(env, i, sfp, &mut h),
        Job::List { spec, page } => {
            let l = &env.lists[spec];
            let per = env.cfg.per_page;
            (&l.path, &l.title, &l.intro, page, l.items.len()).hash(&mut h);
            let from = ((page - 1) * per).min(l.items.len());
            let to = (page * per).min(l.items.len());
            for &i in &l.items[from..to] {
                sfp[i].hash(&mut h);
            }
            if let Some(&k) = env.obs_lists.get(&spec) {
                obs_fp(&env.obs_views[k], &mut h);
            }
            if let Some(p) = env.place_lists.get(&spec).map(|s| &env.places[s]) {
                (p.own, &p.observances).hash(&mut h);
                for g in &p.applies {
                    (&g.name, &g.href, g.count).hash(&mut h);
                    for &i in &g.items {
                        sfp[i].hash(&mut h);
                    }
                }
                for c in &l.children {
                    c.count.hash(&mut h);
                }
            }
            if super::lists::shows_filters(page) {
                for c in &l.children {
                    (&c.name, &c.href).hash(&mut h);
                }
                if l.facets {
                    facets_fp(env, &mut h);
                }
            }
        }
        Job::Calendar => {
            env.now.date().hash(&mut h);
            for o in &env.obs_views {
                obs_fp(o, &mut h);
                (
                    &o.name,
                    &o.anchor,
                    &o.when,
                    o.is_today,
                    o.is_next,
                    &o.next_date,
                )
                    .hash(&mut h);
                o.description_html.hash(&mut h);
                for p in &o.plans {
                    summary_fp(p).hash(&mut h);
                }
            }
        }
        Job::Home => {
            for &i in env.lists[0].items.iter().take(10) {
                sfp[i].hash(&mut h);
            }
            (
                env.lists[0].items.len(),
                env.lists[1].items.len(),
                env.observances.len(),
            )
                .hash(&mut h);
            for o in &env.obs_views {
                (&o.name, &o.anchor, o.is_today, &o.next_date).hash(&mut h);
            }
            facets_fp(env, &mut h);
        }
        Job::Jurisdictions | Job::Issuers => facets_fp(env, &mut h),
        // Only the site settings and templates, which clear all fingerprints.
        Job::Search | Job::NotFound => {}
    }
    Some(h.finish())
}

/// Everything an observance's card shows (its page, its list, the calendar).
fn obs_fp(o: &super::calendar::ObservanceView, h: &mut impl Hasher) {
    serde_json::to_string(o).unwrap_or_default().hash(h);
}

fn facets_fp(env: &Env<'_>, h: &mut impl Hasher) {
    let f = &env.facets;
    for x in f
        .jurisdictions
        .iter()
        .chain(&f.issuers)
        .chain(&f.types)
        .chain(&f.years)
        .chain(&f.statuses)
    {
        (&x.name, &x.href, x.count).hash(h);
    }
}

fn doc_fp(env: &Env<'_>, i: Idx, sfp: &[u64], h: &mut impl Hasher) {
    let lib = env.lib;
    let d = &lib.nodes[i].doc;
    (sfp[i], &d.body, &d.signer, &d.path, lib.nodes[i].stub).hash(h);
    for c in &d.campaigns {
        (&c.name, c.when).hash(h);
        let anchor = super::view::campaign_anchor(&c.name, c.when);
        if let Some(&k) = env.obs_by_anchor.get(&anchor) {
            env.obs_views[k].page_href.hash(h);
            if lib.nodes[i].doc.section == crate::content::model::Section::Campaign {
                obs_fp(&env.obs_views[k], h);
            }
        }
    }
    env.statuses[i].hash(h);
    if let Some(src) = &d.life.source {
        (&src.path, src.size).hash(h);
    }
    let rel = &lib.relations[i];
    for &j in rel
        .replaced_by
        .iter()
        .chain(&rel.amended_by)
        .chain(&rel.repealed_by)
    {
        sfp[j].hash(h);
    }
    for &j in env.statuses[i].by.iter() {
        sfp[j].hash(h);
    }
    for l in lib.basis[i]
        .iter()
        .chain(&lib.cites[i])
        .chain(&rel.replaces)
        .chain(&rel.amends)
        .chain(&rel.repeals)
    {
        (&l.text, &l.number, l.date, sfp[l.target]).hash(h);
    }
    let mut stack = chain::basis_tree(lib, i);
    while let Some(n) = stack.pop() {
        (sfp[n.idx], n.repeated).hash(h);
        stack.extend(n.children);
    }
    let shown = |v: &[Idx], h: &mut dyn Hasher| {
        v.len().hash(&mut HasherRef(h));
        let mut items = v.to_vec();
        lists::newest_first(lib, &mut items);
        for &j in items.iter().take(lists::INLINE) {
            sfp[j].hash(&mut HasherRef(h));
        }
    };
    shown(&lib.implemented_by[i], h);
    shown(&lib.cited_by[i], h);
    let all = chain::implementers(lib, i);
    all.len().hash(h);
    for (j, depth) in all.iter().take(lists::INLINE) {
        (sfp[*j], depth).hash(h);
    }
    // Body and summary links: order-independent sum, so the map's order does not matter.
    let mut links: u64 = 0;
    for ((key, date), t) in lib.body_targets[i].iter().chain(&lib.summary_targets[i]) {
        let mut e = hasher();
        (key, date, sfp[*t]).hash(&mut e);
        links = links.wrapping_add(e.finish());
    }
    links.hash(h);
}

/// Lets a `&mut dyn Hasher` be passed where `impl Hasher` is wanted.
struct HasherRef<'a>(&'a mut dyn Hasher);

impl Hasher for HasherRef<'_> {
    fn finish(&self) -> u64 {
        self.0.finish()
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0.write(bytes)
    }
}
