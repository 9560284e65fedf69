//! List pages: which documents appear on `/plans/`, `/documents/`, and the
//! per-jurisdiction, per-issuer, per-type and per-year pages, newest first.

use std::collections::{BTreeMap, HashMap};

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
    /// Plans by status as of the build (filled by `status::specs`).
    pub statuses: Vec<Facet>,
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
    // Each place's direct sub-places, grouped in one pass by the folded
    // parent name: comparing every place with every other was O(J²) (11 s
    // for 3,434 places).
    let mut children_of: HashMap<String, Vec<Facet>> = HashMap::new();
    for (s, (n, _)) in &juris {
        let key = fold_key(n);
        if let Some((parent, _)) = key.rsplit_once('/') {
            children_of
                .entry(parent.to_owned())
                .or_default()
                .push(Facet {
                    name: n.clone(),
                    href: format!("/jurisdictions/{s}/"),
                    count: 0,
                });
        }
    }
    for (slug, (name, items)) in juris {
        let href = format!("/jurisdictions/{slug}/");
        facets.jurisdictions.push(Facet {
            name: name.clone(),
            href: href.clone(),
            count: items.len(),
        });
        let children = children_of
            .get(&fold_key(&name))
            .cloned()
            .unwrap_or_default();
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
        // "Kế hoạch" is also /plans/'s title: a type's page says it is one.
        if let Some(l) = out.last_mut() {
            l.title = format!("Loại văn bản: {}", l.title);
        }
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

/// The page numbers a pagination bar shows for `page` of `pages`: the first,
/// the last and two either side of the current one; `None` marks a gap. A bar
/// listing every page would make a long list's pages quadratic in its length
/// (2,000 pages of 2,000 links each for 100,000 plans).
pub fn page_window(page: usize, pages: usize) -> Vec<Option<usize>> {
    const SIDE: usize = 2;
    let lo = page.saturating_sub(SIDE).max(1);
    let hi = (page + SIDE).min(pages);
    let mut out = Vec::with_capacity(2 * SIDE + 5);
    let push_range = |out: &mut Vec<Option<usize>>, from: usize, to: usize| {
        out.extend((from..=to).map(Some));
    };
    // A gap of a single page shows that page instead of an ellipsis.
    match lo {
        1 => {}
        2 | 3 => push_range(&mut out, 1, lo - 1),
        _ => out.extend([Some(1), None]),
    }
    push_range(&mut out, lo, hi);
    match pages - hi {
        0 => {}
        1 | 2 => push_range(&mut out, hi + 1, pages),
        _ => out.extend([None, Some(pages)]),
    }
    out
}

/// Whether a page of a list shows its filter links and sub-places: only the
/// first, so those (which grow with the number of places) are not repeated on
/// every page of a long list.
pub fn shows_filters(page: usize) -> bool {
    page == 1
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

    /// A library of one plan in each of `communes` communes spread over 34 provinces.
    fn places(communes: usize) -> Library {
        use crate::content::{document, model::Section};
        let docs = (0..communes)
            .map(|i| {
                let src = format!(
                    "---\ntitle: K {i}\nissuer: UBND xã X{i}\njurisdiction: Tỉnh {}/xã Xã {i}\ndate: 2025-01-01\n---\n",
                    i % 34
                );
                let path = format!("content/plans/p{i}.md");
                let name = format!("p{i}");
                let p = document::parse(std::path::Path::new(&path), Section::Plan, &name, &src);
                p.document.expect("a valid plan")
            })
            .collect();
        crate::graph::resolve::build(docs, &mut crate::diag::Diagnostics::default())
    }

    #[test]
    fn place_lists_group_sub_places_in_near_linear_time() {
        // Runs in pairs, small then large, keeping the lowest ratio: other
        // tests share the cores, and a pair run back to back meets about the
        // same load, which a sum or a minimum of separate runs did not.
        let once = |lib: &Library| {
            let t = std::time::Instant::now();
            std::hint::black_box(specs(lib));
            t.elapsed().as_secs_f64()
        };
        let (small, large) = (places(1_500), places(3_000));
        let (mut a, mut b) = (1.0, f64::INFINITY);
        for _ in 0..5 {
            let (x, y) = (once(&small), once(&large));
            if y / x < b / a {
                (a, b) = (x, y);
            }
        }
        let (specs, _) = specs(&large);
        let province = specs.iter().find(|s| s.title == "Tỉnh 0").unwrap();
        assert_eq!(province.children.len(), 3_000 / 34 + 1, "sub-places listed");
        // Twice the places may cost at most 2.5 times as long; the O(J²)
        // grouping this replaced took 4 times as long.
        assert!(b / a < 2.5, "1,500 places {a:.3} s, 3,000 places {b:.3} s");
    }

    fn window(page: usize, pages: usize) -> String {
        page_window(page, pages)
            .iter()
            .map(|p| p.map_or("…".to_string(), |n| n.to_string()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn pagination_window() {
        assert_eq!(window(1, 1), "1");
        assert_eq!(window(1, 5), "1 2 3 4 5");
        assert_eq!(window(1, 2000), "1 2 3 … 2000");
        assert_eq!(window(4, 2000), "1 2 3 4 5 6 … 2000");
        assert_eq!(window(5, 2000), "1 2 3 4 5 6 7 … 2000");
        assert_eq!(window(6, 2000), "1 … 4 5 6 7 8 … 2000");
        assert_eq!(window(1000, 2000), "1 … 998 999 1000 1001 1002 … 2000");
        assert_eq!(window(1997, 2000), "1 … 1995 1996 1997 1998 1999 2000");
        assert_eq!(window(2000, 2000), "1 … 1998 1999 2000");
        // Every page is reachable from every other in a few steps, and the bar is bounded.
        for pages in 1..60 {
            for page in 1..=pages {
                let w = page_window(page, pages);
                assert!(w.len() <= 9, "{page}/{pages}: {w:?}");
                assert!(
                    w.contains(&Some(page)) && w.contains(&Some(1)) && w.contains(&Some(pages))
                );
                let nums: Vec<usize> = w.iter().flatten().copied().collect();
                assert!(
                    nums.windows(2).all(|p| p[0] < p[1]),
                    "{page}/{pages}: {w:?}"
                );
            }
        }
    }
}
