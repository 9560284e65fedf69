//! The state `serve` keeps between rebuilds, and the rebuild itself.
//!
//! Parsing is per file: only changed files are read again. Resolving always
//! covers the whole graph (it is cheap and references reach across files).
//! Rendering skips every page whose view data is unchanged (see
//! `render::Incremental`). A template or settings change re-renders all.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use super::changes::Changes;
use crate::config::{self, Config};
use crate::content::model::{Document, Section};
use crate::content::{self, SourceFile};
use crate::diag::{Diagnostic, Diagnostics};
use crate::graph;
use crate::output::memory::Memory;
use crate::output::Output;
use crate::render::pages::MdCache;
use crate::render::{self, templates, Incremental, RenderOptions, Stats};

/// One parsed file as serve remembers it.
struct FileState {
    document: Option<std::sync::Arc<Document>>,
    diagnostics: Vec<Diagnostic>,
}

/// The result of one rebuild.
#[derive(Debug)]
pub struct Rebuild {
    pub diagnostics: Diagnostics,
    /// Set when the new site is being served; None when errors kept the old one.
    pub stats: Option<Stats>,
    pub millis: u128,
}

/// Everything kept between rebuilds.
pub struct State {
    root: PathBuf,
    /// Absolute URL the server answers on; replaces `base_url` so links work locally.
    base_url: String,
    files: BTreeMap<PathBuf, FileState>,
    pub config: Config,
    config_diags: Vec<Diagnostic>,
    tera: Option<tera::Tera>,
    template_diags: Vec<Diagnostic>,
    fingerprints: HashMap<String, u64>,
    md_cache: MdCache,
    /// Page paths of the last good build.
    pages: BTreeSet<String>,
    /// Site-wide files (search index, feeds, data) of the last good build.
    aggregates: BTreeSet<String>,
    /// The graph of a rebuild whose site-wide files are still to be written.
    pending: Option<graph::Library>,
    items: render::incremental::ItemCache,
    /// What the server serves: the last good build.
    pub out: Memory,
}

impl State {
    pub fn new(root: &Path, base_url: &str) -> State {
        State {
            root: root.to_path_buf(),
            base_url: base_url.to_string(),
            files: BTreeMap::new(),
            config: Config::default(),
            config_diags: Vec::new(),
            tera: None,
            template_diags: Vec::new(),
            fingerprints: HashMap::new(),
            md_cache: MdCache::default(),
            pages: BTreeSet::new(),
            aggregates: BTreeSet::new(),
            pending: None,
            items: Default::default(),
            out: Memory::new(),
        }
    }

    /// Applies `changes` (or everything, when `full`) and renders what changed.
    pub fn rebuild(&mut self, changes: &Changes, full: bool) -> Rebuild {
        let start = Instant::now();
        if full || changes.config {
            let mut d = Diagnostics::default();
            self.config = config::load(&self.root, &mut d);
            self.config.base_url = self.base_url.clone();
            self.config_diags = d.into_vec();
        }
        if full || changes.needs_full() || self.tera.is_none() {
            self.fingerprints.clear();
            match templates::load(&self.root, &self.config.theme) {
                Ok(t) => {
                    self.tera = Some(t);
                    self.template_diags.clear();
                }
                Err(e) => self.template_diags = e,
            }
        }
        if full || changes.content.contains(Path::new("content")) {
            self.rescan();
        } else {
            self.reparse(&changes.content);
        }

        let t = crate::timing::phase("parse", start);
        let mut diags = Diagnostics::default();
        diags.extend(self.config_diags.iter().cloned());
        diags.extend(self.template_diags.iter().cloned());
        let mut docs: Vec<std::sync::Arc<Document>> = Vec::with_capacity(self.files.len());
        for f in self.files.values() {
            diags.extend(f.diagnostics.iter().cloned());
            docs.extend(f.document.iter().cloned());
        }
        if !self.root.join("content").is_dir() {
            // A deleted (or moved) content/ is an error, not an empty site:
            // the last good site stays up and the overlay says why.
            diags.push(
                crate::diag::Diagnostic::error(
                    "thư mục `content/` không còn nữa: vẫn phục vụ bản trang cuối cùng dựng được",
                )
                .help("đặt lại thư mục content/ (các kế hoạch nằm trong content/plans/)"),
            );
        }
        content::check_unique_ids(&mut docs, &mut diags);
        content::aliases::link_shared(&mut docs, &self.root, &mut diags);
        let t = crate::timing::phase("collect docs", t);
        let lib = graph::resolve::build(docs, &mut diags);
        crate::timing::phase("resolve", t);
        let mut result = Rebuild {
            diagnostics: Diagnostics::default(),
            stats: None,
            millis: 0,
        };
        if let (false, Some(tera)) = (
            diags.has_errors() || !self.template_diags.is_empty(),
            &self.tera,
        ) {
            match self.render(&lib, tera, false) {
                Ok((outcome, _)) => {
                    let pages: BTreeSet<String> = outcome.page_paths.into_iter().collect();
                    for gone in self.pages.difference(&pages) {
                        self.out.remove(gone);
                    }
                    self.pages = pages;
                    self.fingerprints = outcome.fingerprints;
                    result.stats = Some(outcome.stats);
                    self.pending = Some(lib);
                }
                Err(errs) => diags.extend(errs),
            }
        }
        diags.sort();
        result.diagnostics = diags;
        result.millis = start.elapsed().as_millis();
        result
    }

    /// Renders into a staging map and copies the result into the served site,
    /// so a render that fails half-way never shows. Returns what was written.
    fn render(
        &self,
        lib: &graph::Library,
        tera: &tera::Tera,
        aggregates: bool,
    ) -> Result<(render::Outcome, Vec<String>), Vec<Diagnostic>> {
        let staging = Memory::new();
        let opts = RenderOptions {
            root: &self.root,
            now: crate::pipeline::now(),
            live_reload: true,
        };
        let inc = Incremental {
            prev: &self.fingerprints,
            md_cache: &self.md_cache,
            items: &self.items,
            aggregates,
        };
        let outcome = render::render_site(lib, &self.config, tera, &opts, &staging, Some(inc))?;
        let written = staging.paths();
        for p in &written {
            if let Some(bytes) = staging.get(p) {
                // Memory only refuses unsafe paths, which staging already refused.
                let _ = self.out.put(p, &bytes);
            }
        }
        Ok((outcome, written))
    }

    /// Second half of a rebuild, after the browser has reloaded: the search
    /// index, feeds, sitemap and open data, which every page change can touch
    /// but no page view waits for. Returns milliseconds taken, or errors.
    pub fn finish(&mut self) -> Result<u128, Vec<Diagnostic>> {
        let start = Instant::now();
        let (Some(lib), Some(tera)) = (self.pending.take(), self.tera.as_ref()) else {
            return Ok(0);
        };
        let (outcome, written) = self.render(&lib, tera, true)?;
        let pages: BTreeSet<String> = outcome.page_paths.into_iter().collect();
        let rest: BTreeSet<String> = written.into_iter().filter(|p| !pages.contains(p)).collect();
        for gone in self.aggregates.difference(&rest) {
            self.out.remove(gone);
        }
        self.aggregates = rest;
        Ok(start.elapsed().as_millis())
    }

    fn rescan(&mut self) {
        let found = content::discover(&self.root);
        let parsed: Vec<(PathBuf, FileState)> = found
            .par_iter()
            .map(|f| (f.rel.clone(), parse(&self.root, f)))
            .collect();
        self.files = parsed.into_iter().collect();
    }

    fn reparse(&mut self, paths: &BTreeSet<PathBuf>) {
        for rel in paths {
            let full = self.root.join(rel);
            let section = Section::ALL
                .into_iter()
                .find(|s| rel.starts_with(Path::new("content").join(s.dir())));
            match (full.is_file(), section) {
                (true, Some(section)) => {
                    let f = SourceFile {
                        rel: rel.clone(),
                        section,
                    };
                    self.files.insert(rel.clone(), parse(&self.root, &f));
                }
                _ => {
                    self.files.remove(rel);
                }
            }
        }
    }
}

fn parse(root: &Path, f: &SourceFile) -> FileState {
    let p = content::load_file(root, f, &|_| true);
    FileState {
        document: p.document.map(std::sync::Arc::new),
        diagnostics: p.diagnostics,
    }
}
