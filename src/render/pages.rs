//! Rendering every page of the site into an [`Output`], in parallel.
//!
//! The site is a flat list of [`Job`]s; each builds its view, renders one
//! template and hands the bytes to the output. Nothing here reads content
//! files or resolves references: it only reads the [`Library`].

use std::collections::HashMap;

use chrono::{Datelike, NaiveDateTime};
use rayon::prelude::*;
use serde::Serialize;
use tera::Tera;

use super::calendar::{self, Observance, ObservanceView};
use super::lists::{self, Facets, ListSpec};
use super::markdown;
use super::view::{self, DocPage, DocSummary, SiteView};
use super::{data, templates};
use crate::config::Config;
use crate::content::model::Section;
use crate::diag::{Diagnostic, Msg};
use crate::graph::{chain, Idx, Library};
use crate::output::Output;
use crate::search::SearchDoc;

/// One output page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Job {
    Home,
    Doc(Idx),
    List { spec: usize, page: usize },
    Calendar,
    Search,
    NotFound,
    Jurisdictions,
    Issuers,
}

/// Everything pages share, computed once per build.
pub struct Env<'a> {
    pub lib: &'a Library,
    /// Site root: released bodies are read from `root/<document path>`.
    pub root: &'a std::path::Path,
    pub cfg: &'a Config,
    pub tera: &'a Tera,
    pub site: SiteView,
    pub sums: Vec<DocSummary>,
    pub observances: Vec<Observance>,
    pub obs_views: Vec<ObservanceView>,
    pub lists: Vec<ListSpec>,
    pub facets: Facets,
    /// Rendered bodies of `content/campaigns/` pages, for the calendar.
    pub campaign_html: HashMap<Idx, String>,
    /// Which observance a list shows (by index into `lists`, `observances`):
    /// the observance's own page, or the full list of its plans.
    pub obs_lists: HashMap<usize, usize>,
    /// Observance index by anchor, for links from a document's campaigns.
    pub obs_by_anchor: HashMap<String, usize>,
    /// The filter links of each list of plans (by index into `lists`; 0 is
    /// `/plans/`), and the filters it applies, each linking to the list without it.
    pub plan_facets: HashMap<usize, (Facets, Vec<lists::Facet>)>,
    /// Every place with a page, by slug.
    pub places: HashMap<String, super::places::Place>,
    /// Which place a list is the page of (by index into `lists`).
    pub place_lists: HashMap<usize, String>,
    pub now: NaiveDateTime,
    /// Per node: its status as of `now`.
    pub statuses: Vec<crate::graph::lifecycle::Status>,
    /// Serve only: rendered bodies from the previous build, reused when unchanged.
    pub md_cache: Option<&'a MdCache>,
    /// Per node: fingerprint of its summary (see `incremental::summary_fp`).
    pub sfp: Vec<u64>,
    /// Serve only: list items rendered before, by summary fingerprint.
    pub item_cache: Option<&'a super::incremental::ItemCache>,
    /// False in serve's first, pages-only pass: no search entries are needed.
    pub aggregates: bool,
    /// Serve only: fingerprints of the previous build's pages; a page whose
    /// view data hashes the same is not rendered again.
    pub prev: Option<&'a HashMap<String, u64>>,
}

/// Rendered bodies by document id, keyed by a hash of everything the
/// rendering depends on (body text and the link targets of its citations).
#[derive(Default)]
pub struct MdCache {
    map: std::sync::Mutex<HashMap<String, (u64, std::sync::Arc<markdown::Rendered>)>>,
}

impl MdCache {
    fn get(&self, id: &str) -> Option<std::sync::Arc<markdown::Rendered>> {
        self.map
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(id)
            .map(|(_, r)| r.clone())
    }

    fn get_or_render(
        &self,
        id: &str,
        key: u64,
        render: impl FnOnce() -> Result<markdown::Rendered, Diagnostic>,
    ) -> Result<std::sync::Arc<markdown::Rendered>, Diagnostic> {
        let lock = || {
            self.map
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if let Some((k, r)) = lock().get(id) {
            if *k == key {
                return Ok(r.clone());
            }
        }
        let r = std::sync::Arc::new(render()?);
        lock().insert(id.to_string(), (key, r.clone()));
        Ok(r)
    }
}

impl<'a> Env<'a> {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        lib: &'a Library,
        root: &'a std::path::Path,
        cfg: &'a Config,
        tera: &'a Tera,
        now: NaiveDateTime,
        live_reload: bool,
        inc: Option<&super::Incremental<'a>>,
    ) -> Result<Env<'a>, Vec<Diagnostic>> {
        let today = now.date();
        let mut site = SiteView {
            title: cfg.title.clone(),
            description: cfg.description.clone(),
            base: cfg.base_path(),
            base_url: cfg.base_url.clone(),
            lang: cfg.language.clone(),
            publisher: cfg.publisher.clone(),
            today: crate::legal::date::format_vi(today),
            year: today.year(),
            live_reload,
            has_calendar: false,
            share_image: if cfg.share_image.contains("://") {
                cfg.share_image.clone()
            } else {
                cfg.absolute(&cfg.share_image)
            },
        };
        let t = std::time::Instant::now();
        let item_cache = inc.map(|i| i.items);
        let statuses = crate::graph::lifecycle::statuses(lib, today);
        let statuses = &statuses;
        // Lists and observances need only the graph: they are gathered on
        // one core while the other renders the list items.
        let (items, (observances, ((lists, facets), (obs_lists, plan_facets)))) = rayon::join(
            || {
                let mut sums = view::summaries(lib, &site, statuses);
                let sfp: Vec<u64> = sums.iter().map(super::incremental::summary_fp).collect();
                item_html(tera, &site, &mut sums, &sfp, item_cache).map(|()| (sums, sfp))
            },
            || {
                let observances = calendar::gather(lib);
                let mut lists = lists::specs(lib);
                lists.0.extend(lists::related_specs(lib));
                let mut obs_lists = HashMap::new();
                for (k, spec) in calendar::caller_lists(&observances, lib) {
                    obs_lists.insert(lists.0.len(), k);
                    lists.0.push(spec);
                }
                let (by_status, status_facets) = super::status::specs(lib, statuses);
                lists.0.extend(by_status);
                lists.1.statuses = status_facets;
                let filters = super::plan_filters::build(lib);
                let mut plan_facets = HashMap::new();
                let mut top = filters.top;
                top.statuses = lists.1.statuses.clone();
                plan_facets.insert(0, (top, Vec::new()));
                for (spec, f) in filters.specs.into_iter().zip(filters.facets) {
                    plan_facets.insert(lists.0.len(), f);
                    lists.0.push(spec);
                }
                (observances, (lists, (obs_lists, plan_facets)))
            },
        );
        let (sums, sfp) = items.map_err(|errs| {
            let item = "partials/doc_item.html";
            let at = |d: Diagnostic| {
                let (file, line) = templates::locate(tera, root, &cfg.theme, item, &d.message());
                d.at(file, line)
            };
            errs.into_iter().map(at).collect::<Vec<_>>()
        })?;
        site.has_calendar = !observances.is_empty();
        let t = crate::timing::phase("  items+lists", t);
        let mut campaign_text: HashMap<Idx, String> = HashMap::new();
        let campaign_html: HashMap<Idx, String> = observances
            .iter()
            .filter_map(|o| o.page)
            .map(|i| {
                let body = body_text(root, &lib.nodes[i].doc).map_err(|e| vec![e])?;
                let rendered = markdown::render(&body, cfg.raw_html, &|_| None);
                if let Some(p) = first_paragraph(&body) {
                    campaign_text.insert(i, p);
                }
                Ok((i, rendered.html))
            })
            .collect::<Result<_, Vec<Diagnostic>>>()?;
        let absolute = |href: &str| {
            let url = absolute_url(cfg, &site, href);
            url.contains("://").then_some(url)
        };
        let obs_views = calendar::views(
            &observances,
            &sums,
            &|i| campaign_html.get(&i).cloned(),
            &|i| campaign_text.get(&i).cloned(),
            &site.href("/calendar/"),
            &absolute,
            today,
            3,
        );
        crate::timing::phase("  calendar", t);
        let places = super::places::places(lib, &facets.jurisdictions, &observances);
        let mut lists = lists;
        super::places::name_lists(&mut lists, &facets.jurisdictions);
        let place_lists = lists
            .iter()
            .enumerate()
            .filter_map(|(k, l)| {
                let slug = l.path.strip_prefix("/jurisdictions/")?.strip_suffix('/')?;
                places.contains_key(slug).then(|| (k, slug.to_string()))
            })
            .collect();
        let obs_by_anchor = observances
            .iter()
            .enumerate()
            .map(|(k, o)| (o.anchor.clone(), k))
            .collect();
        Ok(Env {
            lib,
            root,
            cfg,
            tera,
            site,
            sums,
            observances,
            obs_views,
            lists,
            facets,
            campaign_html,
            obs_lists,
            obs_by_anchor,
            plan_facets,
            places,
            place_lists,
            now,
            statuses: statuses.clone(),
            md_cache: inc.map(|i| i.md_cache),
            prev: inc.map(|i| i.prev),
            sfp,
            item_cache,
            aggregates: inc.is_none_or(|i| i.aggregates),
        })
    }

    /// The absolute URL of a link made by [`SiteView::href`] (still relative
    /// when the site has no absolute `base_url`).
    pub fn absolute(&self, href: &str) -> String {
        absolute_url(self.cfg, &self.site, href)
    }

    /// The site path a job has in the sitemap: none for the 404 page and for
    /// pages marked `noindex` (stubs).
    pub fn sitemap_path(&self, job: Job) -> Option<String> {
        match job {
            Job::Doc(i) if self.lib.nodes[i].stub => None,
            _ => self.path_of(job).1,
        }
    }

    /// A page's `lastmod`: a document's own date, a list's newest document,
    /// the site's newest for the other pages. Never the clock.
    pub fn lastmod(&self, job: Job) -> Option<chrono::NaiveDate> {
        let date = |i: Idx| self.lib.nodes[i].doc.date;
        match job {
            Job::Doc(i) => date(i),
            // Lists are newest first, undated last.
            Job::List { spec, .. } => self.lists[spec].items.first().and_then(|&i| date(i)),
            _ => self.lists[..2]
                .iter()
                .flat_map(|l| l.items.first())
                .filter_map(|&i| date(i))
                .max(),
        }
    }

    /// Every page of the site.
    pub fn jobs(&self) -> Vec<Job> {
        let mut jobs = vec![
            Job::Home,
            Job::Calendar,
            Job::Search,
            Job::NotFound,
            Job::Jurisdictions,
            Job::Issuers,
        ];
        jobs.extend((0..self.lib.len()).map(Job::Doc));
        for (spec, l) in self.lists.iter().enumerate() {
            for page in 1..=lists::page_count(l.items.len(), self.cfg.per_page) {
                jobs.push(Job::List { spec, page });
            }
        }
        jobs
    }

    /// Output path and site path (for the sitemap) of a job.
    pub fn path_of(&self, job: Job) -> (String, Option<String>) {
        let site = |p: String| (format!("{}index.html", p.trim_start_matches('/')), Some(p));
        match job {
            Job::Home => ("index.html".into(), Some("/".into())),
            Job::Doc(i) => site(self.lib.nodes[i].doc.url()),
            Job::List { spec, page } => site(lists::page_path(&self.lists[spec].path, page)),
            Job::Calendar => site("/calendar/".into()),
            Job::Search => site("/search/".into()),
            Job::Jurisdictions => site("/jurisdictions/".into()),
            Job::Issuers => site("/issuers/".into()),
            Job::NotFound => ("404.html".into(), None),
        }
    }
}

fn absolute_url(cfg: &Config, site: &SiteView, href: &str) -> String {
    let path = href
        .strip_prefix(site.base.trim_end_matches('/'))
        .unwrap_or(href);
    cfg.absolute(path)
}

/// The first paragraph of a Markdown text as one line of plain text (a
/// campaign's "what to do", for feeds and calendar links).
fn first_paragraph(md: &str) -> Option<String> {
    let para: Vec<&str> = md
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty() || l.starts_with('#'))
        .take_while(|l| !l.is_empty())
        .collect();
    let text = markdown::render_plain(&para.join("\n"), crate::config::RawHtml::Escape).text;
    let text = crate::text::collapse_ws(&text);
    (!text.is_empty()).then_some(text)
}

/// Renders every document's list item once, in parallel.
fn item_html(
    tera: &Tera,
    site: &SiteView,
    sums: &mut [DocSummary],
    sfp: &[u64],
    cache: Option<&super::incremental::ItemCache>,
) -> Result<(), Vec<Diagnostic>> {
    #[derive(Serialize)]
    struct Item<'a> {
        site: &'a SiteView,
        d: &'a DocSummary,
    }
    let rendered: Vec<Result<String, tera::Error>> = sums
        .par_iter()
        .zip(sfp)
        .map(|(d, &fp)| {
            if let Some(html) = cache.and_then(|c| c.get(fp)) {
                return Ok(html);
            }
            let ctx = tera::Context::from_serialize(Item { site, d })?;
            let html = tera.render("partials/doc_item.html", &ctx)?;
            if let Some(c) = cache {
                c.put(fp, html.clone());
            }
            Ok(html)
        })
        .collect();
    for (s, r) in sums.iter_mut().zip(rendered) {
        match r {
            Ok(html) => s.item_html = html,
            Err(e) => {
                return Err(vec![Diagnostic::error(format!(
                    "template `partials/doc_item.html` failed: {}",
                    templates::chain(&e)
                ))])
            }
        }
    }
    Ok(())
}

/// The data every template gets besides `page`.
#[derive(Serialize)]
struct Frame<'a, T: Serialize> {
    site: &'a SiteView,
    /// `site.base` again, as a top-level name: Tera allocates for every dotted
    /// lookup, and templates write the base path on every link (using `base`
    /// saved 1.9 % of a 1,000-plan build's instructions).
    base: &'a str,
    page: T,
    title: String,
    description: String,
    /// Absolute URL of this page.
    canonical: String,
    /// Which main navigation entry is current.
    nav: &'static str,
    og_type: &'static str,
}

/// What rendering a job yields for the site-wide outputs.
pub struct JobResult {
    pub search: Option<SearchDoc>,
    pub description: Option<(Idx, String)>,
    /// Output path and fingerprint of the page's view data (serve only).
    pub fingerprint: Option<(String, u64)>,
    /// False when the page was unchanged and skipped.
    pub rendered: bool,
}

/// Renders one job into `out`.
pub fn render_job(env: &Env<'_>, job: Job, out: &dyn Output) -> Result<JobResult, Diagnostic> {
    let (path, site_path) = env.path_of(job);
    let canonical = env
        .cfg
        .absolute(site_path.as_deref().unwrap_or("/404.html"));
    let mut result = JobResult {
        search: None,
        description: None,
        fingerprint: None,
        rendered: false,
    };
    if let Some(prev) = env.prev {
        if let Some(fp) = super::incremental::input_fp(env, job, &env.sfp) {
            result.fingerprint = Some((path.clone(), fp));
            if prev.get(&path) == Some(&fp) {
                if let (Job::Doc(i), true) = (job, env.aggregates) {
                    if !reuse_doc(env, i, &mut result) {
                        // Not cached after all: build it as if changed.
                        return render_job_fresh(env, job, out, result, path, canonical);
                    }
                }
                return Ok(result);
            }
        }
    }
    render_job_fresh(env, job, out, result, path, canonical)
}

/// Search entry and description of an unchanged document, from the cache.
fn reuse_doc(env: &Env<'_>, i: Idx, result: &mut JobResult) -> bool {
    let node = &env.lib.nodes[i];
    let Some(body) = env.md_cache.and_then(|c| c.get(&node.doc.id)) else {
        return false;
    };
    let summary = &env.sums[i];
    result.description = Some((i, describe(summary, &body.text)));
    result.search = search_doc(node, summary, &body.text);
    true
}

fn search_doc(node: &crate::graph::Node, s: &DocSummary, text: &str) -> Option<SearchDoc> {
    (!node.stub && node.doc.section != Section::Campaign).then(|| SearchDoc {
        url: node.doc.url(),
        title: node.doc.title.clone(),
        number: s.number.clone(),
        kind: s.type_name.clone().unwrap_or_default(),
        issuer: node.doc.issuer.clone(),
        jurisdiction: node.doc.jurisdiction.clone(),
        date: s.date.clone(),
        sort_date: s.date_iso.clone(),
        text: text.to_string(),
    })
}

fn render_job_fresh(
    env: &Env<'_>,
    job: Job,
    out: &dyn Output,
    mut result: JobResult,
    path: String,
    canonical: String,
) -> Result<JobResult, Diagnostic> {
    let html: Option<Vec<u8>> = match job {
        Job::Home => {
            let mut latest: Vec<Idx> = env.lists[0].items.iter().copied().take(10).collect();
            lists::newest_first(env.lib, &mut latest);
            let page = HomePage {
                latest: view::docs(&latest, &env.sums),
                upcoming: calendar::upcoming(&env.obs_views, 3),
                plan_count: env.lists[0].items.len(),
                document_count: env.lists[1].items.len(),
                observance_count: env.observances.len(),
                facets: &env.facets,
                places: super::places::picker(&env.facets.jurisdictions)
                    .into_iter()
                    .map(|mut p| {
                        p.name = view::place_name(&p.name);
                        p.href = env.site.href(&p.href);
                        for f in &mut p.places {
                            f.href = env.site.href(&f.href);
                        }
                        p
                    })
                    .collect(),
            };
            let title = env.site.title.clone();
            render(
                env,
                "index.html",
                &path,
                Frame {
                    site: &env.site,
                    base: &env.site.base,
                    page,
                    description: env.site.description.clone(),
                    title,
                    canonical,
                    nav: "home",
                    og_type: "website",
                },
            )?
        }
        Job::Doc(i) => {
            let (page, text) = doc_page(env, i)?;
            let node = &env.lib.nodes[i];
            let description = page.description.clone();
            result.search = search_doc(node, &page.doc, &text);
            result.description = Some((i, description.clone()));
            let template = match (node.stub, node.doc.section) {
                (true, _) => "stub.html",
                (false, Section::Campaign) => "campaign.html",
                _ => "document.html",
            };
            let nav = if node.doc.section == Section::Plan {
                "plans"
            } else {
                "documents"
            };
            let title = page.doc.title.clone();
            render(
                env,
                template,
                &path,
                Frame {
                    site: &env.site,
                    base: &env.site.base,
                    page,
                    title,
                    description,
                    canonical,
                    nav,
                    og_type: "article",
                },
            )?
        }
        Job::List { spec, page } => {
            let l = &env.lists[spec];
            let per = env.cfg.per_page;
            let pages = lists::page_count(l.items.len(), per);
            let items =
                &l.items[((page - 1) * per).min(l.items.len())..(page * per).min(l.items.len())];
            let href = |n: usize| env.site.href(&lists::page_path(&l.path, n));
            let view = ListPage {
                heading: l.title.clone(),
                intro: l.intro.clone(),
                items: items
                    .iter()
                    .map(|&i| env.sums[i].item_html.as_str())
                    .collect(),
                total: l.items.len(),
                page,
                pages,
                prev: (page > 1).then(|| href(page - 1)),
                next: (page < pages).then(|| href(page + 1)),
                page_links: lists::page_window(page, pages)
                    .into_iter()
                    .map(|n| match n {
                        Some(n) => PageLink {
                            n,
                            href: href(n),
                            current: n == page,
                            gap: false,
                        },
                        None => PageLink {
                            n: 0,
                            href: String::new(),
                            current: false,
                            gap: true,
                        },
                    })
                    .collect(),
                facets: env
                    .plan_facets
                    .get(&spec)
                    .filter(|_| lists::shows_filters(page))
                    .map(|f| &f.0),
                active: env
                    .plan_facets
                    .get(&spec)
                    .map(|f| {
                        f.1.iter()
                            .map(|a| lists::Facet {
                                href: env.site.href(&a.href),
                                ..a.clone()
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                observance: env.obs_lists.get(&spec).map(|&k| &env.obs_views[k]),
                place: env
                    .place_lists
                    .get(&spec)
                    .filter(|_| lists::shows_filters(page))
                    .map(|slug| place_view(env, &env.places[slug])),
                children: l
                    .children
                    .iter()
                    .filter(|_| lists::shows_filters(page))
                    .map(|c| lists::Facet {
                        href: env.site.href(&c.href),
                        ..c.clone()
                    })
                    .collect(),
            };
            let mut title = l.title.clone();
            if page > 1 {
                title = format!("{title} – trang {page}");
            }
            let nav = if l.path.starts_with("/documents/") {
                "documents"
            } else {
                "plans"
            };
            let description = l.intro.clone();
            render(
                env,
                "list.html",
                &path,
                Frame {
                    site: &env.site,
                    base: &env.site.base,
                    page: view,
                    title,
                    description,
                    canonical,
                    nav,
                    og_type: "website",
                },
            )?
        }
        Job::Calendar => {
            let page = CalendarPage {
                months: calendar::months(&env.obs_views, env.now.date().month()),
                upcoming: calendar::upcoming(&env.obs_views, 3),
                ics_href: (!env.observances.is_empty()).then(|| env.site.href("/calendar.ics")),
                today_iso: env.now.date().to_string(),
            };
            render(env, "calendar.html", &path, Frame {
                site: &env.site,
                base: &env.site.base,
                page,
                title: "Lịch truyền thông".into(),
                description: "Các ngày kỷ niệm và tháng hành động trong năm, cùng các kế hoạch hưởng ứng.".into(),
                canonical,
                nav: "calendar",
                og_type: "website",
            })?
        }
        Job::Search => {
            let page = SearchPage {
                index_href: env.site.href("/search/index/"),
            };
            render(
                env,
                "search.html",
                &path,
                Frame {
                    site: &env.site,
                    base: &env.site.base,
                    page,
                    title: "Tìm kiếm".into(),
                    description: "Tìm kế hoạch và văn bản, gõ có dấu hoặc không dấu.".into(),
                    canonical,
                    nav: "search",
                    og_type: "website",
                },
            )?
        }
        Job::NotFound => render(
            env,
            "404.html",
            &path,
            Frame {
                site: &env.site,
                base: &env.site.base,
                page: (),
                title: "Không tìm thấy trang".into(),
                description: env.site.description.clone(),
                canonical,
                nav: "",
                og_type: "website",
            },
        )?,
        Job::Jurisdictions | Job::Issuers => {
            let (facets, heading, nav) = if job == Job::Jurisdictions {
                (&env.facets.jurisdictions, "Địa phương", "plans")
            } else {
                (&env.facets.issuers, "Cơ quan ban hành", "plans")
            };
            let items: Vec<lists::Facet> = facets
                .iter()
                .map(|f| lists::Facet {
                    href: env.site.href(&f.href),
                    name: if job == Job::Jurisdictions {
                        view::place_name(&f.name)
                    } else {
                        f.name.clone()
                    },
                    ..f.clone()
                })
                .collect();
            render(
                env,
                "taxonomy.html",
                &path,
                Frame {
                    site: &env.site,
                    base: &env.site.base,
                    page: TaxonomyPage { heading, items },
                    title: heading.into(),
                    description: format!("{heading} có văn bản trên cổng."),
                    canonical,
                    nav,
                    og_type: "website",
                },
            )?
        }
    };
    if let Some(html) = html {
        out.put(&path, &html)
            .map_err(|e| Diagnostic::error(format!("{e:#}")))?;
        result.rendered = true;
    }
    Ok(result)
}

fn render<T: Serialize>(
    env: &Env<'_>,
    template: &str,
    path: &str,
    frame: Frame<'_, T>,
) -> Result<Option<Vec<u8>>, Diagnostic> {
    let ctx = tera::Context::from_serialize(&frame)
        .map_err(|e| Diagnostic::error(format!("cannot prepare `{path}`: {e}")))?;
    // `render_to` skips `render`'s UTF-8 check of the finished page (every
    // piece is already a str) and the buffer starts large enough for a plan
    // page, so it is not regrown and copied a handful of times.
    let mut html = Vec::with_capacity(PAGE_BYTES);
    env.tera.render_to(template, &ctx, &mut html).map_err(|e| {
        let msg = templates::chain(&e);
        let (file, line) = templates::locate(env.tera, env.root, &env.cfg.theme, template, &msg);
        Diagnostic::err(Msg::TemplateRender {
            template: template.to_string(),
            page: path.to_string(),
            detail: msg,
        })
        .at(file, line)
    })?;
    Ok(Some(html))
}

/// Initial capacity of a page buffer: a typical plan page (theme plus a 7 KB
/// body) is 15–25 KB.
const PAGE_BYTES: usize = 32 * 1024;

#[derive(Serialize)]
struct HomePage<'a> {
    latest: Vec<DocSummary>,
    upcoming: Vec<ObservanceView>,
    plan_count: usize,
    document_count: usize,
    observance_count: usize,
    facets: &'a Facets,
    /// The place picker: provinces, each with the places under it.
    places: Vec<super::places::Province>,
}

#[derive(Serialize)]
struct PageLink {
    n: usize,
    href: String,
    current: bool,
    /// An ellipsis standing for the pages left out (`n` and `href` are empty).
    gap: bool,
}

#[derive(Serialize)]
struct ListPage<'a> {
    heading: String,
    intro: String,
    /// Pre-rendered list items (`partials/doc_item.html`).
    items: Vec<&'a str>,
    total: usize,
    page: usize,
    pages: usize,
    prev: Option<String>,
    next: Option<String>,
    page_links: Vec<PageLink>,
    facets: Option<&'a Facets>,
    /// The filters this list applies, each linking to the list without it.
    active: Vec<lists::Facet>,
    children: Vec<lists::Facet>,
    /// On an observance's list: the observance (next date, add to calendar).
    observance: Option<&'a ObservanceView>,
    /// On a place's first page: what applies there from above, its feed.
    place: Option<PlaceView<'a>>,
}

#[derive(Serialize)]
struct PlaceView<'a> {
    /// Documents issued for the place itself (the list also has its sub-places').
    own: usize,
    applies: Vec<AppliesView<'a>>,
    /// The place's `.ics` feed, when it has observances.
    ics_href: Option<String>,
}

#[derive(Serialize)]
struct AppliesView<'a> {
    name: &'a str,
    href: String,
    count: usize,
    items: Vec<&'a str>,
}

fn place_view<'a>(env: &'a Env<'_>, p: &'a super::places::Place) -> PlaceView<'a> {
    PlaceView {
        own: p.own,
        applies: p
            .applies
            .iter()
            .map(|g| AppliesView {
                name: &g.name,
                href: env.site.href(&g.href),
                count: g.count,
                items: g
                    .items
                    .iter()
                    .map(|&i| env.sums[i].item_html.as_str())
                    .collect(),
            })
            .collect(),
        ics_href: (!p.observances.is_empty()).then(|| {
            env.site
                .href(&format!("/jurisdictions/{}/calendar.ics", p.slug))
        }),
    }
}

#[derive(Serialize)]
struct CalendarPage {
    months: Vec<calendar::MonthView>,
    upcoming: Vec<ObservanceView>,
    /// None when no observance exists (no feed is written).
    ics_href: Option<String>,
    today_iso: String,
}

#[derive(Serialize)]
struct SearchPage {
    index_href: String,
}

#[derive(Serialize)]
struct TaxonomyPage {
    heading: &'static str,
    items: Vec<lists::Facet>,
}

/// The view of one document page, and its plain text for search.
pub fn doc_page(env: &Env<'_>, i: Idx) -> Result<(DocPage, String), Diagnostic> {
    let lib = env.lib;
    let node = &lib.nodes[i];
    let d = &node.doc;
    let targets = &lib.body_targets[i];
    // Bodies cite a handful of distinct documents: a scan beats hashing a key.
    let link_to = |key: &str, date: Option<chrono::NaiveDate>| {
        let (_, &t) = targets
            .iter()
            .find(|((k, d), _)| k == key && *d == date)
            .or_else(|| targets.iter().find(|((k, _), _)| k == key))?;
        (t != i).then(|| markdown::Target {
            href: &env.sums[t].href,
            title: &env.sums[t].title,
        })
    };
    let link_for = |c: &crate::legal::cite::Citation| link_to(&c.number.key, c.date);
    let body = match env.md_cache {
        Some(cache) => {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            d.body.hash(&mut h);
            env.cfg.raw_html.hash(&mut h);
            let mut deps: Vec<(&String, &Option<chrono::NaiveDate>, &str)> = targets
                .iter()
                .map(|((k, dt), t)| (k, dt, env.sums[*t].href.as_str()))
                .collect();
            deps.sort();
            deps.hash(&mut h);
            cache.get_or_render(&d.id, h.finish(), || {
                render_body(d, env, &link_to, &link_for)
            })?
        }
        None => std::sync::Arc::new(render_body(d, env, &link_to, &link_for)?),
    };
    let summary_html = summary_html(env, i);
    let summary = view::bare(&env.sums[i]);
    let description = describe(&summary, &body.text);
    let all = chain::implementers(lib, i);
    let tree = view::tree(&chain::basis_tree(lib, i), &env.sums);
    let page = DocPage {
        signer: d.signer.clone(),
        body_html: body.html.clone(),
        summary_html,
        toc: body.headings.clone(),
        toc_html: view::toc_html(&body.headings),
        description,
        basis: view::links(&lib.basis[i], &env.sums),
        tree_html: view::tree_html(&tree),
        tree,
        implemented_by: view::docs(
            &newest(lib, &lib.implemented_by[i], lists::INLINE),
            &env.sums,
        ),
        implemented_by_count: lib.implemented_by[i].len(),
        implemented_by_href: (lib.implemented_by[i].len() > lists::INLINE)
            .then(|| env.site.href(&format!("{}implemented-by/", d.url()))),
        implemented_by_all: all
            .iter()
            .take(lists::INLINE)
            .map(|&(j, depth)| view::Implementer {
                doc: view::bare(&env.sums[j]),
                depth,
            })
            .collect(),
        implemented_by_all_count: all.len(),
        implemented_by_all_href: (all.len() > lists::INLINE
            && all.len() > lib.implemented_by[i].len())
        .then(|| env.site.href(&format!("{}implemented-by/all/", d.url()))),
        cites: view::links(&lib.cites[i], &env.sums),
        cited_by: view::docs(&newest(lib, &lib.cited_by[i], lists::INLINE), &env.sums),
        cited_by_count: lib.cited_by[i].len(),
        cited_by_href: (lib.cited_by[i].len() > lists::INLINE)
            .then(|| env.site.href(&format!("{}cited-by/", d.url()))),
        campaigns: d
            .campaigns
            .iter()
            .map(|c| view::CampaignRef {
                name: c.name.clone(),
                when: view::when_label(c.when),
                href: {
                    let anchor = view::campaign_anchor(&c.name, c.when);
                    match env.obs_by_anchor.get(&anchor) {
                        Some(&k) => env.obs_views[k].page_href.clone(),
                        None => format!("{}#{anchor}", env.site.href("/calendar/")),
                    }
                },
            })
            .collect(),
        jsonld: data::jsonld(lib, i, env.cfg, &env.statuses[i]),
        observance: (d.section == Section::Campaign)
            .then(|| env.observances.iter().position(|o| o.page == Some(i)))
            .flatten()
            .map(|k| env.obs_views[k].clone()),
        source: d.path.display().to_string(),
        status: super::status::view(lib, &env.statuses, &env.sums, i),
        changes: super::status::changes(lib, &env.sums, i),
        original: super::status::source_view(d, &env.site),
        doc: summary,
    };
    Ok((page, body.text.clone()))
}

/// The editor's summary as HTML: its references link where the resolver
/// sent them (`summary_targets`), and only there.
fn summary_html(env: &Env<'_>, i: Idx) -> String {
    let Some(s) = &env.lib.nodes[i].doc.summary else {
        return String::new();
    };
    let targets = &env.lib.summary_targets[i];
    let link_for = |c: &crate::legal::cite::Citation| {
        let t = targets.get(&(c.number.key.clone(), c.date)).or_else(|| {
            targets
                .iter()
                .find(|((k, _), _)| *k == c.number.key)
                .map(|(_, t)| t)
        })?;
        (*t != i).then(|| markdown::Target {
            href: &env.sums[*t].href,
            title: &env.sums[*t].title,
        })
    };
    markdown::render(&s.text, env.cfg.raw_html, &link_for).html
}

/// The `n` newest of `idxs`.
fn newest(lib: &Library, idxs: &[Idx], n: usize) -> Vec<Idx> {
    let mut v = idxs.to_vec();
    lists::newest_first(lib, &mut v);
    v.truncate(n);
    v
}

/// Renders a body, skipping the citation scan when the document cites nothing.
fn render_body<'e>(
    d: &crate::content::model::Document,
    env: &'e Env<'_>,
    link_to: &dyn Fn(&str, Option<chrono::NaiveDate>) -> Option<markdown::Target<'e>>,
    link_for: &dyn Fn(&crate::legal::cite::Citation) -> Option<markdown::Target<'e>>,
) -> Result<markdown::Rendered, Diagnostic> {
    let body = body_text(env.root, d)?;
    if d.cites.is_empty() {
        return Ok(markdown::render_plain(&body, env.cfg.raw_html));
    }
    let known: Vec<markdown::Known<'_>> = d
        .mentions
        .iter()
        .filter_map(|m| {
            let r = d.cites.get(m.cite as usize)?;
            Some(markdown::Known {
                span: m.span.start as usize..m.span.end as usize,
                target: link_to(r.number.key.as_str(), r.date)?,
            })
        })
        .collect();
    Ok(markdown::render_known(
        &body,
        env.cfg.raw_html,
        &known,
        link_for,
    ))
}

/// A document's Markdown: from memory, or read again from its file.
pub fn body_text<'d>(
    root: &std::path::Path,
    d: &'d crate::content::model::Document,
) -> Result<std::borrow::Cow<'d, str>, Diagnostic> {
    d.body
        .read(&root.join(&d.path))
        .map_err(|e| Diagnostic::error(format!("{e:#}")).at(&d.path, None))
}

/// One or two sentences for link previews: what the document is, then the
/// start of its text.
fn describe(s: &DocSummary, text: &str) -> String {
    let mut out = s.type_name.clone().unwrap_or_else(|| "Văn bản".into());
    if let Some(n) = &s.number {
        out.push_str(" số ");
        out.push_str(n);
    }
    if let Some(x) = &s.issuer {
        out.push_str(" của ");
        out.push_str(x);
    }
    if let Some(d) = &s.date {
        out.push_str(", ngày ");
        out.push_str(d);
    }
    out.push('.');
    if !text.is_empty() {
        out.push(' ');
        let mut chars = text.char_indices();
        match chars.nth(160) {
            Some((cut, _)) => {
                out.push_str(&text[..cut]);
                out.push('…');
            }
            None => out.push_str(text),
        }
    }
    out
}

/// Copies the theme's static files: `generated` defaults first, then the
/// built-in theme's, then the site's own (each replacing the one before).
pub fn write_static(
    root: &std::path::Path,
    theme: &str,
    generated: &[(&str, &[u8])],
    out: &dyn Output,
) -> anyhow::Result<usize> {
    let mut files: std::collections::BTreeMap<String, Vec<u8>> = generated
        .iter()
        .map(|(p, b)| (p.to_string(), b.to_vec()))
        .collect();
    if let Some(dir) = templates::DEFAULT_THEME.get_dir("static") {
        for f in templates::embedded_files(dir) {
            let rel = f.path().strip_prefix("static").unwrap_or(f.path());
            files.insert(
                rel.to_string_lossy().replace('\\', "/"),
                f.contents().to_vec(),
            );
        }
    }
    let site_static = root.join("themes").join(theme).join("static");
    if site_static.is_dir() {
        for e in walkdir::WalkDir::new(&site_static)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            if e.file_type().is_file() {
                let rel = e
                    .path()
                    .strip_prefix(&site_static)
                    .unwrap_or(e.path())
                    .to_string_lossy()
                    .replace('\\', "/");
                files.insert(rel, crate::fsx::read(e.path())?);
            }
        }
    }
    for (p, bytes) in &files {
        out.put(p, bytes)?;
    }
    Ok(files.len())
}

/// Renders all jobs in parallel; returns per-job results in job order, and
/// every failure (a broken template fails each page that uses it, but is
/// reported once per template).
pub fn render_jobs(
    env: &Env<'_>,
    jobs: &[Job],
    out: &dyn Output,
) -> (Vec<JobResult>, Vec<Diagnostic>) {
    let results: Vec<Result<JobResult, Diagnostic>> =
        jobs.par_iter().map(|&j| render_job(env, j, out)).collect();
    let mut ok = Vec::with_capacity(results.len());
    let mut errs: Vec<Diagnostic> = Vec::new();
    for r in results {
        match r {
            Ok(x) => ok.push(x),
            Err(e) => {
                let template = |d: &Diagnostic| match &*d.msg {
                    Msg::TemplateRender { template, .. } => Some(template.clone()),
                    _ => None,
                };
                let t = template(&e);
                if t.is_none() || !errs.iter().any(|x| template(x) == t) {
                    errs.push(e);
                }
            }
        }
    }
    (ok, errs)
}
