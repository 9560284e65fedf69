//! Rendering: the library in, files out through an [`Output`].

pub mod calendar;
pub mod data;
pub mod ics;
pub mod incremental;
pub mod lists;
pub mod markdown;
mod md_safety;
pub mod pages;
pub mod safe_url;
pub mod sample;
pub mod template_guard;
pub mod templates;
pub mod view;

use std::collections::HashMap;
use std::path::Path;

use chrono::{Datelike, NaiveDateTime};
use rayon::prelude::*;

use crate::config::Config;
use crate::content::model::jurisdiction_chain;
use crate::diag::Diagnostic;
use crate::graph::Library;
use crate::output::Output;
use crate::text::slug_of_name;
use pages::{Env, Job};

/// Counts for the summary line.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    /// HTML pages the site has.
    pub pages: usize,
    /// Pages actually rendered this time (fewer than `pages` when serve skips unchanged ones).
    pub rendered: usize,
    /// Files written.
    pub files: usize,
    /// Of those, files the output already had byte for byte (kept, not rewritten).
    pub unchanged: usize,
}

/// State `serve` carries from one build to the next.
pub struct Incremental<'a> {
    /// Fingerprint of every page's view data in the previous build.
    pub prev: &'a HashMap<String, u64>,
    pub md_cache: &'a pages::MdCache,
    pub items: &'a incremental::ItemCache,
    /// Also write the site-wide files (search index, feeds, sitemap, data).
    /// Serve first renders pages alone, reloads the browser, then does these.
    pub aggregates: bool,
}

/// A finished render.
#[derive(Debug, Default)]
pub struct Outcome {
    pub stats: Stats,
    /// Every page's fingerprint (serve only; empty otherwise).
    pub fingerprints: HashMap<String, u64>,
    /// Output paths of every HTML page, so serve can drop pages that no longer exist.
    pub page_paths: Vec<String>,
}

/// Settings of one render.
pub struct RenderOptions<'a> {
    pub root: &'a Path,
    /// "Now": the build time, or `SOURCE_DATE_EPOCH`.
    pub now: NaiveDateTime,
    /// Add the live-reload script (serve only).
    pub live_reload: bool,
}

/// Renders the whole site into `out`.
pub fn render_site(
    lib: &Library,
    cfg: &Config,
    tera: &tera::Tera,
    opts: &RenderOptions<'_>,
    out: &dyn Output,
    incremental: Option<Incremental<'_>>,
) -> Result<Outcome, Vec<Diagnostic>> {
    let t0 = std::time::Instant::now();
    let env = Env::new(
        lib,
        opts.root,
        cfg,
        tera,
        opts.now,
        opts.live_reload,
        incremental.as_ref(),
    )?;
    let t = crate::timing::phase("views", t0);
    let jobs = env.jobs();
    let err = |e: anyhow::Error| vec![Diagnostic::error(format!("{e:#}"))];
    let aggregates = incremental.as_ref().is_none_or(|i| i.aggregates);

    // Searchable documents are rendered in batches in search order, each batch
    // indexed and its plain text dropped before the next: a national portal
    // never holds every page's text at once.
    let searchable = search_order(lib);
    let mut in_search = vec![false; lib.len()];
    for &i in &searchable {
        in_search[i] = true;
    }
    let other: Vec<Job> = jobs
        .iter()
        .copied()
        .filter(|j| !matches!(j, Job::Doc(i) if in_search[*i]))
        .collect();
    // The Atom feed's entries: only their descriptions are kept.
    let latest: Vec<usize> = env.lists[0].items.iter().copied().take(50).collect();
    let mut in_atom = vec![false; lib.len()];
    for &i in &latest {
        in_atom[i] = true;
    }
    let mut got = Collected::default();
    let mut writer = crate::search::IndexWriter::new();
    let mut texts = 0;
    let mut write_error = None;
    for batch in searchable.chunks(SEARCH_BATCH) {
        let batch_jobs: Vec<Job> = batch.iter().map(|&i| Job::Doc(i)).collect();
        let (results, errs) = pages::render_jobs(&env, &batch_jobs, out);
        let mut docs = Vec::with_capacity(batch.len());
        got.absorb(results, errs, &in_atom, &mut docs);
        if aggregates {
            let refs: Vec<&crate::search::SearchDoc> = docs.iter().collect();
            writer.add(&refs, &mut |parts| {
                texts += parts.len();
                let written = parts
                    .into_par_iter()
                    .try_for_each(|(path, bytes)| out.put(&path, &bytes));
                if let (None, Err(e)) = (&write_error, written) {
                    write_error = Some(e);
                }
            });
        }
    }
    let t = crate::timing::phase("pages+index", t);
    let page_paths: Vec<String> = jobs.iter().map(|&j| env.path_of(j).0).collect();
    if !aggregates {
        let (results, errs) = pages::render_jobs(&env, &other, out);
        got.absorb(results, errs, &in_atom, &mut Vec::new());
        if !got.errors.is_empty() {
            return Err(got.errors);
        }
        let stats = Stats {
            pages: jobs.len(),
            rendered: got.rendered,
            files: got.rendered,
            unchanged: 0,
        };
        return Ok(Outcome {
            stats,
            fingerprints: got.fingerprints,
            page_paths,
        });
    }
    if let Some(e) = write_error {
        return Err(err(e));
    }
    // The search index's merge is serial: it runs beside the other pages
    // (lists, calendar, stubs), which take the remaining cores, and the
    // site-wide files, which need only the documents' descriptions.
    let search_files = || -> anyhow::Result<usize> {
        let index = writer.finish();
        let n = index.len();
        for (path, bytes) in index {
            out.put(&path, &bytes)?;
        }
        Ok(n)
    };
    let descriptions = &got.descriptions;
    let site_files = || -> anyhow::Result<usize> {
        let mut sitemap_paths: Vec<String> =
            jobs.iter().filter_map(|&j| env.path_of(j).1).collect();
        sitemap_paths.sort();
        out.put("sitemap.xml", &data::sitemap(cfg, &sitemap_paths))?;
        out.put(
            "atom.xml",
            &data::atom(cfg, lib, &latest, &|i| {
                descriptions.get(&i).cloned().unwrap_or_default()
            }),
        )?;
        out.put("data/documents.json", &data::documents_json(lib))?;
        Ok(3 + write_feeds(&env, out)? + pages::write_static(opts.root, &cfg.theme, out)?)
    };
    let ((search, site), (results, errs)) = rayon::join(
        || rayon::join(search_files, site_files),
        || pages::render_jobs(&env, &other, out),
    );
    got.absorb(results, errs, &in_atom, &mut Vec::new());
    if !got.errors.is_empty() {
        return Err(got.errors);
    }
    let files = got.rendered + texts + search.map_err(err)? + site.map_err(err)?;
    crate::timing::phase("search+feeds", t);
    let stats = Stats {
        pages: jobs.len(),
        rendered: got.rendered,
        files,
        unchanged: 0,
    };
    Ok(Outcome {
        stats,
        fingerprints: got.fingerprints,
        page_paths,
    })
}

/// What rendered pages report back, gathered across batches.
#[derive(Default)]
struct Collected {
    rendered: usize,
    fingerprints: HashMap<String, u64>,
    /// Descriptions of the Atom feed's entries (only those are kept).
    descriptions: HashMap<usize, String>,
    errors: Vec<Diagnostic>,
}

impl Collected {
    fn absorb(
        &mut self,
        results: Vec<pages::JobResult>,
        errs: Vec<Diagnostic>,
        in_atom: &[bool],
        search: &mut Vec<crate::search::SearchDoc>,
    ) {
        self.errors.extend(errs);
        for r in results {
            self.rendered += usize::from(r.rendered);
            self.fingerprints.extend(r.fingerprint);
            if let Some((i, d)) = r.description {
                if in_atom[i] {
                    self.descriptions.insert(i, d);
                }
            }
            search.extend(r.search);
        }
    }
}

/// Documents a batch renders and indexes together; bounds the plain text held.
const SEARCH_BATCH: usize = 4096;

/// The documents search indexes, in the index's order: newest first (undated
/// last), then by URL, as `search::build_index` orders them.
fn search_order(lib: &Library) -> Vec<usize> {
    use crate::content::model::Section;
    let mut v: Vec<usize> = (0..lib.len())
        .filter(|&i| !lib.nodes[i].stub && lib.nodes[i].doc.section != Section::Campaign)
        .collect();
    v.sort_by_cached_key(|&i| {
        let d = &lib.nodes[i].doc;
        (d.date.is_none(), std::cmp::Reverse(d.date), d.url())
    });
    v
}

/// `/calendar.ics` and one feed per jurisdiction (its own and its
/// sub-jurisdictions' observances).
fn write_feeds(env: &Env<'_>, out: &dyn Output) -> anyhow::Result<usize> {
    let host = host_of(&env.cfg.base_url);
    let cal_url = env.cfg.absolute("/calendar/");
    let year = env.now.year();
    // Only `content/campaigns/` pages are described; a read error already
    // failed their page.
    let desc = |i: usize| {
        pages::body_text(env.root, &env.lib.nodes[i].doc)
            .ok()?
            .lines()
            .find(|l| !l.trim().is_empty())
            .map(|l| l.trim().to_string())
    };
    let all: Vec<&calendar::Observance> = env.observances.iter().collect();
    let name = format!("{} – Lịch truyền thông", env.cfg.title);
    out.put(
        "calendar.ics",
        calendar::feed(&all, env.lib, &name, &host, &cal_url, env.now, year, &desc).as_bytes(),
    )?;
    let mut count = 1;
    // Each place's feed lists only its own (and its sub-places') plans.
    let mut by_place: HashMap<String, (String, Vec<calendar::Observance>)> = HashMap::new();
    for o in &env.observances {
        let mut here: HashMap<String, (String, Vec<usize>)> = HashMap::new();
        for &c in &o.callers {
            for level in env.lib.nodes[c]
                .doc
                .jurisdiction
                .as_deref()
                .map(jurisdiction_chain)
                .unwrap_or_default()
            {
                here.entry(slug_of_name(&level))
                    .or_insert_with(|| (level, Vec::new()))
                    .1
                    .push(c);
            }
        }
        for (slug, (name, callers)) in here {
            let entry = by_place.entry(slug).or_insert_with(|| (name, Vec::new()));
            entry.1.push(calendar::Observance {
                callers,
                ..o.clone()
            });
        }
    }
    for f in &env.facets.jurisdictions {
        let slug = f
            .href
            .trim_start_matches("/jurisdictions/")
            .trim_end_matches('/');
        let (place, obs) = by_place
            .remove(slug)
            .unwrap_or_else(|| (f.name.clone(), Vec::new()));
        let obs: Vec<&calendar::Observance> = obs.iter().collect();
        let name = format!("{} – Lịch truyền thông {place}", env.cfg.title);
        let ics = calendar::feed(&obs, env.lib, &name, &host, &cal_url, env.now, year, &desc);
        out.put(
            &format!("jurisdictions/{slug}/calendar.ics"),
            ics.as_bytes(),
        )?;
        count += 1;
    }
    Ok(count)
}

/// Host part of the base URL, for stable UIDs.
fn host_of(base_url: &str) -> String {
    base_url
        .split("://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .filter(|h| !h.is_empty())
        .unwrap_or("planportal.local")
        .to_string()
}
