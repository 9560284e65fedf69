//! The build pipeline: load → resolve → render → write.
//!
//! `build`, `check` and `serve` all go through [`load`]; each stage takes
//! plain data from the one before and hands plain data on.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::NaiveDateTime;

use crate::config::{self, Config};
use crate::content;
use crate::diag::{Diagnostic, Diagnostics};
use crate::graph::{self, Library};
use crate::output::disk::Staged;
use crate::output::guard;
use crate::output::lock::{OutputLock, Wait};
use crate::output::Output;
use crate::render::{self, templates, RenderOptions, Stats};

/// What the command line asks of a build.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Output folder; `root/public` when None.
    pub out: Option<PathBuf>,
    /// Overrides `base_url` from `site.yaml`.
    pub base_url: Option<String>,
    /// Publish drafts too.
    pub drafts: bool,
    /// Replace a non-empty output folder that no build wrote.
    pub force: bool,
    /// Fail at once, instead of waiting, when another build writes the output.
    pub no_wait: bool,
}

impl BuildOptions {
    pub fn out_dir(&self) -> PathBuf {
        self.out.clone().unwrap_or_else(|| self.root.join("public"))
    }
}

/// What happened: problems found, and counts when something was rendered.
#[derive(Debug, Default)]
pub struct Report {
    pub diagnostics: Diagnostics,
    pub stats: Option<Stats>,
    pub documents: usize,
    pub millis: u128,
    /// The command could not run as asked (an unsafe `--out`, a busy output
    /// with `--no-wait`): nothing was read or written. Exit status 2.
    pub refused: bool,
}

impl Report {
    pub fn failed(&self) -> bool {
        self.diagnostics.has_errors()
    }
}

/// The loaded, resolved site.
pub struct Site {
    pub config: Config,
    pub library: Library,
}

/// Bytes of Markdown bodies kept in memory between parsing and rendering:
/// `PLANPORTAL_BODY_BUDGET` when set (0 re-reads every body; hosts short of
/// memory can lower it), else [`content::BODY_BUDGET`].
fn body_budget() -> usize {
    std::env::var("PLANPORTAL_BODY_BUDGET")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(content::BODY_BUDGET)
}

/// "Now" for a build: `SOURCE_DATE_EPOCH` when set (reproducible builds), else the clock.
/// An invalid value is refused by `build` and `check` before they start (see
/// [`crate::epoch`]); should one reach here, the clock stands in.
pub fn now() -> NaiveDateTime {
    crate::epoch::from_env()
        .ok()
        .flatten()
        .unwrap_or_else(|| chrono::Utc::now().naive_utc())
}

/// A report for a command refused before it started: nothing was touched.
fn refused(d: Diagnostic, start: Instant) -> Report {
    let mut diagnostics = Diagnostics::default();
    diagnostics.push(d);
    Report {
        diagnostics,
        refused: true,
        millis: start.elapsed().as_millis(),
        ..Report::default()
    }
}

/// Parses settings and content and resolves the graph. Drafts are kept when
/// `drafts` is true (check, serve, `build --drafts`).
pub fn load(root: &Path, base_url: Option<&str>, drafts: bool, diags: &mut Diagnostics) -> Site {
    let config = load_config(root, base_url, diags);
    load_content(root, config, drafts, diags)
}

/// `site.yaml`, with `--base-url` applied.
fn load_config(root: &Path, base_url: Option<&str>, diags: &mut Diagnostics) -> Config {
    let mut config = config::load(root, diags);
    if let Some(b) = base_url {
        config.base_url = config::normalize_base_url(b);
    }
    config
}

fn load_content(root: &Path, config: Config, drafts: bool, diags: &mut Diagnostics) -> Site {
    let t = Instant::now();
    if !root.join("content").is_dir() {
        diags.push(
            Diagnostic::error(format!("`{}` has no `content/` folder", root.display()))
                .help("run planportal in the site folder, or pass `--root DIR`; plans go in content/plans/"),
        );
    }
    let mut docs = content::load(root, body_budget(), diags);
    if !drafts {
        docs.retain(|d| !d.draft);
    }
    content::aliases::link_all(&mut docs, root, diags);
    content::observance_names::check(&docs, diags);
    let t = crate::timing::phase("parse", t);
    let library = graph::resolve::build(docs, diags);
    crate::timing::phase("resolve", t);
    Site { config, library }
}

/// Loads the site and, on the side, parses the theme: parsing templates is
/// serial inside Tera, so it overlaps the parallel parse of the content.
fn load_with_theme(
    root: &Path,
    base_url: Option<&str>,
    drafts: bool,
    diags: &mut Diagnostics,
) -> (Site, Result<tera::Tera, Vec<Diagnostic>>) {
    let config = load_config(root, base_url, diags);
    let theme = config.theme.clone();
    rayon::join(
        || load_content(root, config, drafts, diags),
        || templates::load(root, &theme),
    )
}

/// Everything `build` checks, writing nothing.
pub fn check(root: &Path) -> Report {
    let start = Instant::now();
    if let Err(d) = crate::epoch::from_env() {
        return refused(d, start);
    }
    let mut diags = Diagnostics::default();
    let (site, tera) = load_with_theme(root, None, true, &mut diags);
    match tera {
        Err(errs) => diags.extend(errs),
        // Pages render only from content without errors, as in `build`.
        Ok(tera) if !diags.has_errors() => diags.extend(render::sample::check(
            &site.library,
            root,
            &site.config,
            &tera,
            now(),
        )),
        Ok(_) => {}
    }
    diags.sort();
    Report {
        documents: site.library.len(),
        diagnostics: diags,
        stats: None,
        millis: start.elapsed().as_millis(),
        refused: false,
    }
}

/// Loads, renders and writes the site atomically. On any error the previous
/// output folder is left exactly as it was.
pub fn build(opts: &BuildOptions) -> Report {
    let start = Instant::now();
    // Checked and locked before anything is read: what is refused touches nothing.
    let guarded = crate::epoch::from_env()
        .and_then(|_| guard::check(&opts.root, &opts.out_dir(), opts.force));
    let guarded = guarded.and_then(|target| {
        let wait = if opts.no_wait { Wait::Fail } else { Wait::Wait };
        OutputLock::acquire(&target, wait).map(|lock| (target, lock))
    });
    let (target, lock) = match guarded {
        Ok(g) => g,
        Err(d) => return refused(d, start),
    };
    let mut diags = Diagnostics::default();
    let (site, tera) = load_with_theme(
        &opts.root,
        opts.base_url.as_deref(),
        opts.drafts,
        &mut diags,
    );
    let mut report = Report {
        documents: site.library.len(),
        ..Report::default()
    };
    let tera = match tera {
        Ok(t) => Some(t),
        Err(errs) => {
            diags.extend(errs);
            None
        }
    };
    if let (false, Some(tera)) = (diags.has_errors(), tera) {
        match write(&site, &tera, &opts.root, &target, &lock) {
            Ok(stats) => report.stats = Some(stats),
            Err(errs) => diags.extend(errs),
        }
    }
    diags.sort();
    report.diagnostics = diags;
    report.millis = start.elapsed().as_millis();
    report
}

fn write(
    site: &Site,
    tera: &tera::Tera,
    root: &Path,
    target: &Path,
    lock: &OutputLock,
) -> Result<Stats, Vec<Diagnostic>> {
    let io = |e: anyhow::Error| vec![Diagnostic::error(format!("{e:#}"))];
    let staged = Staged::begin(target, lock).map_err(io)?;
    let mut stats = render_into(site, tera, root, false, &staged)?;
    stats.unchanged = staged.unchanged();
    let t = Instant::now();
    staged.commit().map_err(io)?;
    crate::timing::phase("swap", t);
    Ok(stats)
}

/// Renders a loaded site into any output (disk staging or memory).
pub fn render_into(
    site: &Site,
    tera: &tera::Tera,
    root: &Path,
    live_reload: bool,
    out: &dyn Output,
) -> Result<Stats, Vec<Diagnostic>> {
    let opts = RenderOptions {
        root,
        now: now(),
        live_reload,
    };
    render::render_site(&site.library, &site.config, tera, &opts, out, None).map(|o| o.stats)
}
