//! How a document's status reads: the words of its badge, the notice at the
//! top of its page, the signed original's link, and the lists by status.
//!
//! Statuses are computed once per build in [`crate::graph::lifecycle`], as of
//! the build's "now"; this module only turns them into words and views.

use serde::Serialize;

use super::lists::{Facet, ListSpec};
use super::markdown::escape;
use super::view::DocSummary;
use crate::content::model::{Document, Section};
use crate::graph::lifecycle::{Change, State, Status};
use crate::graph::{Idx, Library};
use crate::legal::date::format_vi;

/// Short words for a list item's badge.
pub fn short_label(s: &Status) -> &'static str {
    match s.state {
        State::InForce => "Đang có hiệu lực",
        State::Replaced => "Đã được thay thế",
        State::Repealed => "Đã bị bãi bỏ",
        State::Expired => "Hết hiệu lực",
    }
}

/// How a document is named in a sentence: "Kế hoạch 12/KH-UBND ngày 15/01/2026".
pub fn cite_label(d: &Document) -> String {
    let mut out = d.type_name.clone().unwrap_or_else(|| "Văn bản".into());
    match &d.number {
        Some(n) => {
            out.push(' ');
            out.push_str(&n.display);
        }
        None => {
            out.push_str(" “");
            out.push_str(d.short());
            out.push('”');
        }
    }
    if let Some(date) = d.date_label() {
        out.push(' ');
        if d.precision == crate::legal::period::Precision::Day {
            out.push_str("ngày ");
        }
        out.push_str(&date);
    }
    out
}

/// What a document page shows at its top about its status.
#[derive(Debug, Clone, Serialize)]
pub struct StatusView {
    /// `in_force`, `replaced`, `repealed` or `expired`.
    pub key: &'static str,
    /// The whole sentence: "Đã được thay thế bởi Kế hoạch 12/KH-UBND ngày 15/01/2026".
    pub label: String,
    /// The replacing or repealing document.
    pub by: Option<DocSummary>,
    /// For a replaced document: the one in force now, at the end of the chain.
    pub read_instead: Option<DocSummary>,
    pub amended_by: Vec<DocSummary>,
    /// The notice as HTML, ready to embed.
    pub html: String,
}

pub fn view(lib: &Library, statuses: &[Status], sums: &[DocSummary], i: Idx) -> StatusView {
    let s = &statuses[i];
    let doc = &lib.nodes[i].doc;
    let by = s.by.map(|b| super::view::bare(&sums[b]));
    let label = match (s.state, s.by) {
        (State::InForce, _) => "Đang có hiệu lực".to_string(),
        (State::Expired, _) => match doc.life.expires.and_then(|e| e.succ_opt()) {
            Some(d) => format!("Hết hiệu lực từ {}", format_vi(d)),
            None => "Hết hiệu lực".into(),
        },
        (State::Replaced, Some(b)) => {
            format!("Đã được thay thế bởi {}", cite_label(&lib.nodes[b].doc))
        }
        (State::Repealed, Some(b)) => format!("Đã bị bãi bỏ bởi {}", cite_label(&lib.nodes[b].doc)),
        (_, None) => short_label(s).to_string(),
    };
    let read_instead = (s.state == State::Replaced)
        .then(|| current(statuses, i))
        .flatten()
        .map(|j| super::view::bare(&sums[j]));
    let amended_by: Vec<DocSummary> = s
        .amended_by
        .iter()
        .map(|&j| super::view::bare(&sums[j]))
        .collect();
    let mut v = StatusView {
        key: s.state.key(),
        label,
        by,
        read_instead,
        amended_by,
        html: String::new(),
    };
    v.html = html(lib, s, &v);
    v
}

/// The end of a replacement chain: what to read instead of `i`.
fn current(statuses: &[Status], i: Idx) -> Option<Idx> {
    let mut at = statuses[i].by?;
    // Bounded: a cycle is an error, but the page must not loop on one.
    for _ in 0..statuses.len() {
        match (statuses[at].state, statuses[at].by) {
            (State::Replaced, Some(next)) if next != i => at = next,
            _ => break,
        }
    }
    Some(at)
}

fn html(lib: &Library, s: &Status, v: &StatusView) -> String {
    let link = |d: &DocSummary, text: &str| {
        format!("<a href=\"{}\">{}</a>", escape(&d.href), escape(text))
    };
    let mut out = format!(
        "<div class=\"status status-{}\" role=\"note\" aria-label=\"Tình trạng hiệu lực\">\n<p><span class=\"status-badge\">Tình trạng:</span> ",
        v.key.replace('_', "-")
    );
    match (&v.by, s.by) {
        (Some(by), Some(b)) => {
            let words = if s.state == State::Repealed {
                "Đã bị bãi bỏ bởi "
            } else {
                "Đã được thay thế bởi "
            };
            out.push_str("<strong>");
            out.push_str(words);
            out.push_str(&link(by, &cite_label(&lib.nodes[b].doc)));
            out.push_str("</strong>");
        }
        _ => {
            out.push_str("<strong>");
            out.push_str(&escape(&v.label));
            out.push_str("</strong>");
        }
    }
    out.push_str(".</p>\n");
    if let Some(r) = &v.read_instead {
        out.push_str(
            "<p class=\"status-read\">Văn bản này không còn áp dụng. Xem văn bản thay thế: ",
        );
        out.push_str(&link(r, &r.full_title));
        out.push_str(".</p>\n");
    }
    if !v.amended_by.is_empty() {
        out.push_str("<p class=\"status-amended\">Đã được sửa đổi, bổ sung bởi ");
        let parts: Vec<String> = s
            .amended_by
            .iter()
            .zip(&v.amended_by)
            .map(|(&j, d)| link(d, &cite_label(&lib.nodes[j].doc)))
            .collect();
        out.push_str(&parts.join(", "));
        out.push_str(".</p>\n");
    }
    out.push_str("</div>");
    out
}

/// The document's change links as a page lists them.
#[derive(Debug, Clone, Serialize, Default)]
pub struct ChangesView {
    pub replaces: Vec<super::view::LinkView>,
    pub amends: Vec<super::view::LinkView>,
    pub repeals: Vec<super::view::LinkView>,
    pub replaced_by: Vec<DocSummary>,
    pub amended_by: Vec<DocSummary>,
    pub repealed_by: Vec<DocSummary>,
}

pub fn changes(lib: &Library, sums: &[DocSummary], i: Idx) -> ChangesView {
    let r = &lib.relations[i];
    let out = |c: Change| super::view::links(r.out(c), sums);
    let back = |c: Change| super::view::docs(r.back(c), sums);
    ChangesView {
        replaces: out(Change::Replaces),
        amends: out(Change::Amends),
        repeals: out(Change::Repeals),
        replaced_by: back(Change::Replaces),
        amended_by: back(Change::Amends),
        repealed_by: back(Change::Repeals),
    }
}

/// Site path of a status list: `/plans/status/in-force/`.
fn status_path(st: State) -> String {
    format!("/plans/status/{}/", st.key().replace('_', "-"))
}

/// One list of plans per status, and the filter links to them.
pub fn specs(lib: &Library, statuses: &[Status]) -> (Vec<ListSpec>, Vec<Facet>) {
    let mut specs = Vec::new();
    let mut facets = Vec::new();
    for st in [
        State::InForce,
        State::Replaced,
        State::Repealed,
        State::Expired,
    ] {
        let mut items: Vec<Idx> = (0..lib.len())
            .filter(|&i| {
                let n = &lib.nodes[i];
                !n.stub && n.doc.section == Section::Plan && statuses[i].state == st
            })
            .collect();
        if items.is_empty() {
            continue;
        }
        super::lists::newest_first(lib, &mut items);
        let name = short_label(&Status {
            state: st,
            by: None,
            amended_by: Vec::new(),
        })
        .to_string();
        let path = status_path(st);
        facets.push(Facet {
            name: name.clone(),
            href: path.clone(),
            count: items.len(),
        });
        specs.push(ListSpec {
            path,
            title: format!("Kế hoạch: {}", name.to_lowercase()),
            intro: format!(
                "Các kế hoạch {} (tính đến ngày xây dựng cổng).",
                name.to_lowercase()
            ),
            items,
            facets: false,
            children: Vec::new(),
        });
    }
    (specs, facets)
}

/// The signed original as a page links it.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub href: String,
    /// `PDF`, `DOCX`, `TXT`, `PNG`…
    pub kind: String,
    /// `1,2 MB`.
    pub size: String,
    /// `Văn bản gốc (PDF, 1,2 MB)`.
    pub label: String,
}

/// Site path the original is published at: beside the page, under its own name.
pub fn source_path(d: &Document) -> Option<String> {
    let src = d.life.source.as_ref()?;
    let name = src.path.file_name()?.to_string_lossy();
    Some(format!("{}{}", d.url(), name))
}

pub fn source_view(d: &Document, site: &super::view::SiteView) -> Option<SourceView> {
    let src = d.life.source.as_ref()?;
    let href = site.href(&source_path(d)?);
    let kind = src
        .path
        .extension()
        .map(|e| e.to_string_lossy().to_uppercase())
        .unwrap_or_else(|| "tệp".into());
    let size = crate::content::source::human_size(src.size);
    Some(SourceView {
        label: format!("Văn bản gốc ({kind}, {size})"),
        href,
        kind,
        size,
    })
}

/// Copies every signed original beside its page, byte for byte.
pub fn write_originals(
    root: &std::path::Path,
    lib: &Library,
    out: &dyn crate::output::Output,
) -> anyhow::Result<usize> {
    let mut n = 0;
    for node in lib.nodes.iter().filter(|n| !n.stub) {
        let (Some(src), Some(path)) = (&node.doc.life.source, source_path(&node.doc)) else {
            continue;
        };
        let bytes = crate::fsx::read(&root.join(&src.path))?;
        out.put(path.trim_start_matches('/'), &bytes)?;
        n += 1;
    }
    Ok(n)
}
