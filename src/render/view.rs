//! View structs: the plain data templates receive (never the model itself),
//! so a theme author sees stable, documented names (docs/theming.md).

use serde::Serialize;

use crate::content::model::{Document, When};
use crate::graph::chain::TreeNode;
use crate::graph::lifecycle::Status;
use crate::graph::{Idx, Library, Link};
use crate::legal::date::format_vi;
use crate::text::slug_of_name;

/// Site-wide values every page gets as `site`.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    pub title: String,
    pub description: String,
    /// Path prefix for links, always ending in `/`: `/` or `/portal/`.
    pub base: String,
    /// Absolute base URL (or `/` when none is configured).
    pub base_url: String,
    pub lang: String,
    pub publisher: String,
    /// Build date, Vietnamese format.
    pub today: String,
    pub year: i32,
    /// True only under `planportal serve`: templates add the reload script.
    pub live_reload: bool,
    /// The site has observances, so `/calendar.ics` exists.
    pub has_calendar: bool,
    /// Absolute URL (when `base_url` is) of the link-preview picture.
    pub share_image: String,
}

impl SiteView {
    /// A link to a site path (`/plans/x/` → `/portal/plans/x/`).
    pub fn href(&self, path: &str) -> String {
        format!("{}{}", self.base.trim_end_matches('/'), path)
    }
}

/// A document as lists and links show it.
#[derive(Debug, Clone, Serialize)]
pub struct DocSummary {
    pub id: String,
    pub href: String,
    pub title: String,
    pub number: Option<String>,
    #[serde(rename = "type")]
    pub type_name: Option<String>,
    pub issuer: Option<String>,
    pub issuer_href: Option<String>,
    pub jurisdiction: Option<String>,
    pub jurisdiction_href: Option<String>,
    /// `15/01/2026`.
    pub date: Option<String>,
    /// `2026-01-15`, for `<time datetime>`.
    pub date_iso: Option<String>,
    pub stub: bool,
    pub draft: bool,
    pub is_plan: bool,
    /// The full title (`title` is the short one when `short_title` gives it).
    pub full_title: String,
    /// `…/KH-UBND (chưa ghi số)` when the signed text leaves the number blank.
    pub unnumbered: Option<String>,
    /// `in_force`, `replaced`, `repealed` or `expired`, as of the build.
    pub status: &'static str,
    /// The status in words: `Đang có hiệu lực`, `Đã được thay thế`…
    pub status_label: &'static str,
    pub amended: bool,
    /// This document as a list item, rendered once from `partials/doc_item.html`
    /// (a document appears in many lists; rendering it once keeps builds linear and fast).
    pub item_html: String,
}

/// A resolved reference: how it was cited, and the document it points to.
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    pub text: String,
    pub number: String,
    pub date: Option<String>,
    pub target: DocSummary,
}

/// One node of the basis tree.
#[derive(Debug, Clone, Serialize)]
pub struct TreeView {
    pub doc: DocSummary,
    /// Already shown higher up the tree: templates link to it instead of repeating its branch.
    pub repeated: bool,
    pub children: Vec<TreeView>,
}

/// An implementer at some distance (1 = implements this document directly).
#[derive(Debug, Clone, Serialize)]
pub struct Implementer {
    pub doc: DocSummary,
    pub depth: usize,
}

/// An observance as a document page lists it.
#[derive(Debug, Clone, Serialize)]
pub struct CampaignRef {
    pub name: String,
    /// `11/7` or `tháng 12`.
    pub when: String,
    pub href: String,
}

/// Everything a document or plan page shows.
#[derive(Debug, Clone, Serialize)]
pub struct DocPage {
    pub doc: DocSummary,
    pub signer: Option<String>,
    pub body_html: String,
    /// The editor's summary (`summary:`) rendered, references linked; empty without one.
    pub summary_html: String,
    /// `(level, id, text)` of the body's headings.
    pub toc: Vec<(u8, String, String)>,
    /// `<li>` items for levels 1–3 of `toc` when it has more than two entries
    /// (else empty), pre-rendered like list items: a loop over the headings
    /// cost Tera four allocating lookups per heading.
    pub toc_html: String,
    /// One sentence for `<meta description>` and link previews.
    pub description: String,
    pub basis: Vec<LinkView>,
    pub tree: Vec<TreeView>,
    /// `tree` rendered as nested `<ul class="tree">` lists (empty without a basis).
    pub tree_html: String,
    /// The newest direct implementers (at most `lists::INLINE`).
    pub implemented_by: Vec<DocSummary>,
    pub implemented_by_count: usize,
    /// Full paginated list, when there are more than the page shows.
    pub implemented_by_href: Option<String>,
    /// Direct and indirect implementers, breadth first (at most `lists::INLINE`).
    pub implemented_by_all: Vec<Implementer>,
    pub implemented_by_all_count: usize,
    pub implemented_by_all_href: Option<String>,
    pub cites: Vec<LinkView>,
    /// The newest citing documents (at most `lists::INLINE`).
    pub cited_by: Vec<DocSummary>,
    pub cited_by_count: usize,
    pub cited_by_href: Option<String>,
    pub campaigns: Vec<CampaignRef>,
    /// schema.org `Legislation` JSON-LD, ready to embed.
    pub jsonld: String,
    /// On a `content/campaigns/` page: the observance it describes.
    pub observance: Option<super::calendar::ObservanceView>,
    /// Source file relative to the site root (empty for stubs).
    pub source: String,
    /// Status as of the build, with the notice for the top of the page.
    pub status: super::status::StatusView,
    /// What this document replaces, amends, repeals, and who does so to it.
    pub changes: super::status::ChangesView,
    /// The signed original (`source:`), copied beside the page.
    pub original: Option<super::status::SourceView>,
}

/// Builds summaries for every node once; pages then clone what they need.
pub fn summaries(lib: &Library, site: &SiteView, statuses: &[Status]) -> Vec<DocSummary> {
    use rayon::prelude::*;
    lib.nodes
        .par_iter()
        .zip(statuses)
        .map(|(n, st)| summary(&n.doc, n.stub, site, st))
        .collect()
}

impl DocSummary {
    /// Clones every field but `item_html`, which is left empty.
    fn clone_without_item(&self) -> DocSummary {
        DocSummary {
            id: self.id.clone(),
            href: self.href.clone(),
            title: self.title.clone(),
            number: self.number.clone(),
            type_name: self.type_name.clone(),
            issuer: self.issuer.clone(),
            issuer_href: self.issuer_href.clone(),
            jurisdiction: self.jurisdiction.clone(),
            jurisdiction_href: self.jurisdiction_href.clone(),
            date: self.date.clone(),
            date_iso: self.date_iso.clone(),
            stub: self.stub,
            draft: self.draft,
            is_plan: self.is_plan,
            full_title: self.full_title.clone(),
            unnumbered: self.unnumbered.clone(),
            status: self.status,
            status_label: self.status_label,
            amended: self.amended,
            item_html: String::new(),
        }
    }
}

pub fn summary(d: &Document, stub: bool, site: &SiteView, status: &Status) -> DocSummary {
    DocSummary {
        id: d.id.clone(),
        href: site.href(&d.url()),
        title: d.short().to_string(),
        full_title: d.title.clone(),
        unnumbered: d.unnumbered.as_ref().map(|u| format!("…{u} (chưa ghi số)")),
        status: status.state.key(),
        status_label: super::status::short_label(status),
        amended: !status.amended_by.is_empty(),
        number: d.number.as_ref().map(|n| n.display.clone()),
        type_name: d.type_name.clone(),
        issuer: d.issuer.clone(),
        issuer_href: d
            .issuer
            .as_ref()
            .filter(|_| !stub)
            .map(|i| site.href(&format!("/issuers/{}/", slug_of_name(i)))),
        jurisdiction: d.jurisdiction.clone(),
        jurisdiction_href: d
            .jurisdiction
            .as_ref()
            .filter(|_| !stub)
            .map(|j| site.href(&format!("/jurisdictions/{}/", slug_of_name(j)))),
        date: d.date_label(),
        date_iso: d.date_iso(),
        stub,
        draft: d.draft,
        is_plan: d.section == crate::content::model::Section::Plan,
        item_html: String::new(),
    }
}

pub fn links(links: &[Link], sums: &[DocSummary]) -> Vec<LinkView> {
    links
        .iter()
        .map(|l| LinkView {
            text: l.text.clone(),
            number: l.number.clone(),
            date: l.date.map(format_vi),
            target: bare(&sums[l.target]),
        })
        .collect()
}

/// A summary without its pre-rendered list item, for places that show the
/// document as a link (trees, citations): the item is most of a summary's
/// bytes, and every page would otherwise carry it into the template.
pub fn bare(s: &DocSummary) -> DocSummary {
    s.clone_without_item()
}

/// The basis chain read top-down: from each root to this document's direct
/// basis, the way a clerk reads "căn cứ" (the national resolution first, the
/// province's plan last). Built from the upward tree's paths, merged where
/// they share a beginning, so a root implemented along two branches shows once.
/// A node already shown on another path (`repeated` upward) starts its own
/// path marked `repeated`.
pub fn tree(nodes: &[TreeNode], sums: &[DocSummary]) -> Vec<TreeView> {
    let mut paths: Vec<Vec<(Idx, bool)>> = Vec::new();
    let mut stack: Vec<(Idx, bool)> = Vec::new();
    for n in nodes {
        collect_paths(n, &mut stack, &mut paths);
    }
    let mut top: Vec<TreeView> = Vec::new();
    for path in paths.into_iter().take(MAX_PATHS) {
        let mut level = &mut top;
        for (idx, repeated) in path.into_iter().rev() {
            let at = match level.iter().position(|v| v.doc.id == sums[idx].id) {
                Some(p) => p,
                None => {
                    level.push(TreeView {
                        doc: bare(&sums[idx]),
                        repeated,
                        children: Vec::new(),
                    });
                    level.len() - 1
                }
            };
            level = &mut level[at].children;
        }
    }
    top
}

/// Chains a page shows at most; real documents have a handful.
const MAX_PATHS: usize = 64;

fn collect_paths(n: &TreeNode, stack: &mut Vec<(Idx, bool)>, out: &mut Vec<Vec<(Idx, bool)>>) {
    stack.push((n.idx, n.repeated));
    if n.children.is_empty() || n.repeated {
        out.push(stack.clone());
    } else {
        for c in &n.children {
            collect_paths(c, stack, out);
        }
    }
    stack.pop();
}

pub fn docs(idxs: &[Idx], sums: &[DocSummary]) -> Vec<DocSummary> {
    idxs.iter().map(|&i| sums[i].clone()).collect()
}

/// A jurisdiction as people say it, nearest level first:
/// `Lào Cai/phường Thử Nghiệm` → `phường Thử Nghiệm, Lào Cai`.
pub fn place_name(j: &str) -> String {
    let parts: Vec<&str> = j
        .split('/')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .rev()
        .collect();
    parts.join(", ")
}

/// `11/7` or `tháng 12`.
pub fn when_label(w: When) -> String {
    match w {
        When::Day(d) => format!("{}/{}", d.day, d.month),
        When::Month(m) => format!("tháng {m}"),
    }
}

/// Anchor of an observance on the calendar page; stable across builds.
pub fn campaign_anchor(name: &str, w: When) -> String {
    match w {
        When::Day(d) => format!("{}-{:02}{:02}", slug_of_name(name), d.month, d.day),
        When::Month(m) => format!("{}-thang-{m:02}", slug_of_name(name)),
    }
}

/// The basis tree as nested lists: the same markup as the default theme's
/// `tree` macro (macros.html), which stays there for themes. Tera spent more on
/// that recursive macro than on the rest of the page: each level copies its
/// children's values.
pub fn tree_html(nodes: &[TreeView]) -> String {
    let mut out = String::new();
    if !nodes.is_empty() {
        push_tree(&mut out, nodes);
    }
    out
}

fn push_tree(out: &mut String, nodes: &[TreeView]) {
    use super::markdown::escape;
    out.push_str("<ul class=\"tree\">\n");
    for n in nodes {
        let d = &n.doc;
        out.push_str("<li>\n  <a href=\"");
        out.push_str(&escape(&d.href));
        out.push_str("\">");
        match &d.number {
            Some(num) => {
                if let Some(t) = &d.type_name {
                    out.push_str(&escape(t));
                    out.push(' ');
                }
                out.push_str("<span class=\"num\">");
                out.push_str(&escape(num));
                out.push_str("</span>");
            }
            None => out.push_str(&escape(&d.title)),
        }
        out.push_str("</a>");
        if let Some(i) = &d.issuer {
            out.push_str(" · ");
            out.push_str(&escape(i));
        }
        if let Some(x) = &d.date {
            out.push_str(" · ");
            out.push_str(&escape(x));
        }
        if d.stub {
            out.push_str(" <span class=\"tag\">Chưa có trên cổng</span>");
        }
        if d.number.is_some() {
            out.push_str("\n  <span class=\"tree-title\">");
            out.push_str(&escape(&d.title));
            out.push_str("</span>");
        }
        out.push_str("\n  ");
        if n.repeated {
            out.push_str(
                "<span class=\"tree-repeat\">(căn cứ của văn bản này đã nêu ở nhánh khác)</span>",
            );
        } else if !n.children.is_empty() {
            push_tree(out, &n.children);
        }
        out.push_str("\n</li>\n");
    }
    out.push_str("</ul>");
}

/// The table of contents' list items: headings of levels 1–3, when there are
/// more than two headings.
pub fn toc_html(headings: &[(u8, String, String)]) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    if headings.len() <= 2 {
        return out;
    }
    for (level, id, text) in headings.iter().filter(|h| h.0 <= 3) {
        let _ = write!(
            out,
            "<li class=\"toc-l{level}\"><a href=\"#{}\">{}</a></li>",
            super::markdown::escape(id),
            super::markdown::escape(text)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(title: &str, number: Option<&str>, stub: bool) -> DocSummary {
        DocSummary {
            id: title.into(),
            href: format!("/documents/{title}/"),
            title: title.into(),
            number: number.map(Into::into),
            type_name: number.map(|_| "Kết luận".into()),
            issuer: number.map(|_| "Bộ <Chính> trị".into()),
            issuer_href: None,
            jurisdiction: None,
            jurisdiction_href: None,
            date: number.map(|_| "10/4/2025".into()),
            date_iso: None,
            stub,
            draft: false,
            is_plan: false,
            full_title: title.into(),
            unnumbered: None,
            status: "in_force",
            status_label: "Đang có hiệu lực",
            amended: false,
            item_html: String::new(),
        }
    }

    fn node(doc: DocSummary, repeated: bool, children: Vec<TreeView>) -> TreeView {
        TreeView {
            doc,
            repeated,
            children,
        }
    }

    /// The chain reads from the root down: two branches to one root merge.
    #[test]
    fn the_chain_starts_at_the_root() {
        let up = |idx, children| TreeNode {
            idx,
            repeated: false,
            children,
        };
        // This document implements 1 and 2, which both implement 0.
        let upward = vec![up(1, vec![up(0, vec![])]), up(2, vec![up(0, vec![])])];
        let sums: Vec<DocSummary> = ["root", "a", "b"]
            .iter()
            .map(|t| summary(t, Some("1-NQ/TW"), false))
            .collect();
        let top = tree(&upward, &sums);
        assert_eq!(top.len(), 1);
        assert_eq!(top[0].doc.title, "root");
        let below: Vec<&str> = top[0]
            .children
            .iter()
            .map(|c| c.doc.title.as_str())
            .collect();
        assert_eq!(below, ["a", "b"]);
        assert!(top[0].children.iter().all(|c| c.children.is_empty()));
    }

    /// `tree_html` must stay what the theme's `tree` macro renders, so that a
    /// theme can switch between the two without a visible change.
    #[test]
    fn tree_html_matches_the_default_themes_macro() {
        let nodes = vec![
            node(
                summary("Kế hoạch <A> & \"B\"", Some("12/KH-UBND"), false),
                false,
                vec![
                    node(summary("Quyết định", Some("1/QĐ-TTg"), true), false, vec![]),
                    node(
                        summary("Kết luận", None, false),
                        false,
                        vec![node(
                            summary("Nghị quyết", Some("21-NQ/TW"), false),
                            true,
                            vec![],
                        )],
                    ),
                ],
            ),
            node(
                summary("Nghị quyết", Some("21-NQ/TW"), false),
                false,
                vec![],
            ),
        ];
        let mut tera =
            crate::render::templates::load(std::path::Path::new("/nonexistent"), "default")
                .expect("built-in theme");
        tera.add_raw_template(
            "t.html",
            "{% import \"macros.html\" as m %}{{ m::tree(nodes=nodes) }}",
        )
        .unwrap();
        let mut ctx = tera::Context::new();
        ctx.insert("nodes", &nodes);
        let want = tera.render("t.html", &ctx).unwrap();
        assert_eq!(tree_html(&nodes), want);
        assert!(want.contains("tree-repeat") && want.contains("&lt;A&gt;"));
        assert_eq!(tree_html(&[]), "");
    }
}
