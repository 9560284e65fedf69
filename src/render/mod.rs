//! Rendering: the library in, files out through an [`Output`].

pub mod calendar;
pub mod data;
pub mod ics;
pub mod incremental;
pub mod lists;
pub mod markdown;
mod md_safety;
pub mod open_data;
pub mod pages;
pub mod places;
pub mod plan_filters;
pub mod safe_url;
pub mod sample;
pub mod sitemap;
pub mod status;
pub mod template_guard;
pub mod templates;
pub mod view;

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDateTime;
use rayon::prelude::*;

use crate::config::Config;
use crate::diag::Diagnostic;
use crate::graph::Library;
use crate::output::Output;
use pages::{Env, Job};
use view::place_name;

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
        let mut entries: Vec<sitemap::Entry> = jobs
            .iter()
            .filter_map(|&j| {
                Some(sitemap::Entry {
                    path: env.sitemap_path(j)?,
                    lastmod: env.lastmod(j),
                })
            })
            .collect();
        entries.sort();
        let maps = sitemap::files(cfg, &entries, sitemap::LIMIT);
        let n_maps = maps.len();
        for (path, bytes) in maps {
            out.put(&path, &bytes)?;
        }
        out.put(
            "atom.xml",
            &data::atom(cfg, lib, &latest, &|i| {
                descriptions.get(&i).cloned().unwrap_or_default()
            }),
        )?;
        let data_files = open_data::files(lib, &env.statuses, open_data::SPLIT_AT);
        let n_data = data_files.len();
        for (path, bytes) in data_files {
            out.put(&path, &bytes)?;
        }
        let robots = sitemap::robots(cfg);
        Ok(1 + n_data
            + n_maps
            + write_feeds(&env, out)?
            + pages::write_static(opts.root, &cfg.theme, &[("robots.txt", &robots)], out)?
            + status::write_originals(opts.root, lib, out)?)
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

/// `/calendar.ics`, one feed per observance (`/calendar/<anchor>.ics`) and
/// one per place that has documents (`/jurisdictions/<slug>/calendar.ics`:
/// the observances its page lists). A feed with no event is not written.
fn write_feeds(env: &Env<'_>, out: &dyn Output) -> anyhow::Result<usize> {
    let host = host_of(&env.cfg.base_url);
    let absolute = |href: &str| env.absolute(href);
    let events = calendar::events(&env.observances, &env.obs_views, &host, &absolute);
    let mut count = 0;
    let mut put = |path: String, feed: Option<String>| -> anyhow::Result<()> {
        if let Some(ics) = feed {
            out.put(&path, ics.as_bytes())?;
            count += 1;
        }
        Ok(())
    };
    let all: Vec<&ics::IcsEvent> = events.iter().collect();
    let name = format!("{} – Lịch truyền thông", env.cfg.title);
    put("calendar.ics".into(), calendar::feed(&all, &name, env.now))?;
    for (o, ev) in env.observances.iter().zip(&events) {
        let name = format!("{} – {}", env.cfg.title, o.name);
        put(
            format!("calendar/{}.ics", o.anchor),
            calendar::feed(&[ev], &name, env.now),
        )?;
    }
    for (slug, place) in &env.places {
        let evs: Vec<&ics::IcsEvent> = place.observances.iter().map(|&k| &events[k]).collect();
        let name = format!(
            "{} – Lịch truyền thông {}",
            env.cfg.title,
            place_name(&place.name)
        );
        put(
            format!("jurisdictions/{slug}/calendar.ics"),
            calendar::feed(&evs, &name, env.now),
        )?;
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
