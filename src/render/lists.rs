//! List pages: which documents appear on `/plans/`, `/documents/`, and the
//! per-jurisdiction, per-issuer, per-type and per-year pages, newest first.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::content::model::{jurisdiction_chain, Section};
use crate::graph::{Idx, Library};
use crate::text::{fold_key, slug_of_name};

/// One list before pagination.
#[derive(Debug, Clone)]
pub struct ListSpec {
    /// Site path of the first page: `/plans/`.
    pub path: String,
    pub title: String,
    pub intro: String,
    pub items: Vec<Idx>,
    /// Show the filter links (jurisdiction, issuer, type, year).
    pub facets: bool,
    /// Sub-lists to link (a province's wards).
    pub children: Vec<Facet>,
}

/// A link to a filtered list with its size.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Facet {
    pub name: String,
    pub href: String,
    pub count: usize,
}

/// All filter links, by dimension.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Facets {
    pub jurisdictions: Vec<Facet>,
    pub issuers: Vec<Facet>,
    pub types: Vec<Facet>,
    pub years: Vec<Facet>,
}

/// Newest first; undated last; ties by id so the order is stable.
pub fn newest_first(lib: &Library, items: &mut [Idx]) {
    items.sort_by(|&a, &b| {
        let (da, db) = (lib.nodes[a].doc.date, lib.nodes[b].doc.date);
        db.cmp(&da).then_with(|| a.cmp(&b))
    });
}

/// Every list of the site.
pub fn specs(lib: &Library) -> (Vec<ListSpec>, Facets) {
    let mut plans = Vec::new();
    let mut documents = Vec::new();
    // name, members; keyed by slug so two spellings share a page.
    let mut juris: BTreeMap<String, (String, Vec<Idx>)> = BTreeMap::new();
    let mut issuers: BTreeMap<String, (String, Vec<Idx>)> = BTreeMap::new();
    let mut types: BTreeMap<String, (String, Vec<Idx>)> = BTreeMap::new();
    let mut years: BTreeMap<i32, Vec<Idx>> = BTreeMap::new();
    for (i, n) in lib.nodes.iter().enumerate() {
        match n.doc.section {
            Section::Plan => plans.push(i),
            Section::Document => documents.push(i),
            Section::Campaign => continue,
        }
        if n.stub {
            continue;
        }
        let d = &n.doc;
        if let Some(j) = &d.jurisdiction {
            for level in jurisdiction_chain(j) {
                juris
                    .entry(slug_of_name(&level))
                    .or_insert_with(|| (level.clone(), Vec::new()))
                    .1
                    .push(i);
            }
        }
        if let Some(x) = &d.issuer {
            issuers
                .entry(slug_of_name(x))
                .or_insert_with(|| (x.clone(), Vec::new()))
                .1
                .push(i);
        }
        if let Some(t) = &d.type_name {
            types
                .entry(slug_of_name(t))
                .or_insert_with(|| (t.clone(), Vec::new()))
                .1
                .push(i);
        }
        if let Some(dt) = d.date {
            use chrono::Datelike;
            years.entry(dt.year()).or_default().push(i);
        }
    }
    let mut facets = Facets::default();
    let mut out = vec![
        ListSpec {
            path: "/plans/".into(),
            title: "Kế hoạch".into(),
            intro: "Tất cả kế hoạch, mới nhất trước.".into(),
            items: plans,
            facets: true,
            children: Vec::new(),
        },
        ListSpec {
            path: "/documents/".into(),
            title: "Văn bản căn cứ".into(),
            intro: "Nghị quyết, kết luận, quyết định và các văn bản mà kế hoạch thực hiện, mới nhất trước.".into(),
            items: documents,
            facets: false,
            children: Vec::new(),
        },
    ];
    let names: Vec<(String, String)> = juris
        .iter()
        .map(|(s, (n, _))| (s.clone(), n.clone()))
        .collect();
    for (slug, (name, items)) in juris {
        let href = format!("/jurisdictions/{slug}/");
        facets.jurisdictions.push(Facet {
            name: name.clone(),
            href: href.clone(),
            count: items.len(),
        });
        let prefix = format!("{}/", fold_key(&name));
        let children = names
            .iter()
            .filter(|(_, n)| {
                fold_key(n)
                    .strip_prefix(&prefix)
                    .is_some_and(|rest| !rest.contains('/'))
            })
            .map(|(s, n)| Facet {
                name: n.clone(),
                href: format!("/jurisdictions/{s}/"),
                count: 0,
            })
            .collect();
        out.push(ListSpec {
            path: href,
            title: name.clone(),
            intro: format!("Văn bản của {name}."),
            items,
            facets: false,
            children,
        });
    }
    for (slug, (name, items)) in issuers {
        let intro = format!("Văn bản do {name} ban hành.");
        push_filter(
            &mut out,
            &mut facets.issuers,
            format!("/issuers/{slug}/"),
            name,
            intro,
            items,
        );
    }
    for (slug, (name, items)) in types {
        let intro = format!("Các văn bản loại {name}.");
        push_filter(
            &mut out,
            &mut facets.types,
            format!("/types/{slug}/"),
            name,
            intro,
            items,
        );
    }
    for (year, items) in years.into_iter().rev() {
        let href = format!("/years/{year}/");
        facets.years.push(Facet {
            name: year.to_string(),
            href: href.clone(),
            count: items.len(),
        });
        out.push(ListSpec {
            path: href,
            title: format!("Năm {year}"),
            intro: format!("Văn bản ban hành năm {year}."),
            items,
            facets: false,
            children: Vec::new(),
        });
    }
    for spec in &mut out {
        newest_first(lib, &mut spec.items);
    }
    (out, facets)
}

/// How many related documents a document page shows before linking to a full list.
pub const INLINE: usize = 20;

/// Full, paginated lists of a document's implementers (direct, and with
/// everything that implements those) and of who cites it, for documents
/// whose lists are longer than a page shows inline. Keeps every document
/// page small however many plans implement it.
pub fn related_specs(lib: &Library) -> Vec<ListSpec> {
    let mut out = Vec::new();
    for (i, n) in lib.nodes.iter().enumerate() {
        let url = n.doc.url();
        let title = &n.doc.title;
        if lib.implemented_by[i].len() > INLINE {
            let mut items = lib.implemented_by[i].clone();
            newest_first(lib, &mut items);
            out.push(related(
                format!("{url}implemented-by/"),
                title,
                "Văn bản thực hiện",
                items,
            ));
        }
        let all: Vec<Idx> = crate::graph::chain::implementers(lib, i)
            .into_iter()
            .map(|(j, _)| j)
            .collect();
        if all.len() > INLINE && all.len() > lib.implemented_by[i].len() {
            out.push(related(
                format!("{url}implemented-by/all/"),
                title,
                "Văn bản thực hiện, kể cả gián tiếp",
                all,
            ));
        }
        if lib.cited_by[i].len() > INLINE {
            let mut items = lib.cited_by[i].clone();
            newest_first(lib, &mut items);
            out.push(related(
                format!("{url}cited-by/"),
                title,
                "Văn bản trích dẫn",
                items,
            ));
        }
    }
    out
}

fn related(path: String, title: &str, what: &str, items: Vec<Idx>) -> ListSpec {
    ListSpec {
        path,
        title: format!("{what}: {title}"),
        intro: format!("{what} “{title}”."),
        items,
        facets: false,
        children: Vec::new(),
    }
}

/// Adds a filtered list and its link in the filter bar.
fn push_filter(
    out: &mut Vec<ListSpec>,
    facets: &mut Vec<Facet>,
    href: String,
    name: String,
    intro: String,
    items: Vec<Idx>,
) {
    facets.push(Facet {
        name: name.clone(),
        href: href.clone(),
        count: items.len(),
    });
    out.push(ListSpec {
        path: href,
        title: name,
        intro,
        items,
        facets: false,
        children: Vec::new(),
    });
}

/// Site path of page `n` (1-based) of a list: `/plans/`, `/plans/page/2/`.
pub fn page_path(base: &str, n: usize) -> String {
    if n <= 1 {
        base.to_string()
    } else {
        format!("{base}page/{n}/")
    }
}

/// Number of pages for `len` items (at least one, so empty lists still render).
pub fn page_count(len: usize, per_page: usize) -> usize {
    len.div_ceil(per_page).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paging() {
        assert_eq!(page_count(0, 50), 1);
        assert_eq!(page_count(50, 50), 1);
        assert_eq!(page_count(51, 50), 2);
        assert_eq!(page_path("/plans/", 1), "/plans/");
        assert_eq!(page_path("/plans/", 3), "/plans/page/3/");
    }
}
