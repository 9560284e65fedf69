//! Turning references into edges, by the contract's five rules.
//!
//! 1. candidates share the normalised number (an index look-up: linear overall);
//! 2. a date (or year) in the reference keeps candidates issued then, and
//!    candidates issued after the citing document are dropped (a document
//!    never cites a later one: such a citation is another document with the
//!    same number, a stub, and an "anachronistic citation" warning);
//! 3. a local issuer code keeps candidates of the place the citation names
//!    (see [`super::place`]), else of the citing jurisdiction or its
//!    ancestors, nearest first; national codes resolve nationally;
//! 4. still several: the latest issued on or before the citing date, with a warning;
//! 5. none: a stub page of the place rule 3 decided, shared by every citation
//!    of the same document; its issuer is the code's official name or the
//!    best-attested spelling among its citations (see [`super::stub`]).
//!
//! A candidate without a date is never excluded by rule 2: an unknown date
//! is not a different date.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use super::place::{Places, Scope};
use super::stub::Stubs;
use super::{Idx, Library, Link, Node};
use crate::content::model::{jurisdiction_chain, Document, Reference};
use crate::diag::{Diagnostic, Diagnostics};
use crate::text::fold_key;

/// What a single reference resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    Found(Idx),
    /// Several matched; the chosen one plus the others, for the warning.
    Ambiguous(Idx, Vec<Idx>),
    /// Only documents issued after the citing one carry this number (rule 2).
    Anachronistic(Vec<Idx>),
    Missing,
}

/// Indexes real documents by number key.
pub struct NumberIndex {
    by_key: HashMap<String, Vec<Idx>>,
    /// Each document's folded jurisdiction, computed once: rule 3 compares
    /// them for every candidate of every local reference.
    place: Vec<Option<String>>,
    /// The site's jurisdictions by name, for rule 3.
    places: Places,
}

impl NumberIndex {
    pub fn new(docs: &[Arc<Document>]) -> Self {
        let mut by_key: HashMap<String, Vec<Idx>> = HashMap::with_capacity(docs.len());
        for (i, d) in docs.iter().enumerate() {
            if let Some(n) = &d.number {
                by_key.entry(n.key.clone()).or_default().push(i);
            }
        }
        let place = docs
            .iter()
            .map(|d| d.jurisdiction.as_deref().map(fold_key))
            .collect();
        let places = Places::new(docs.iter().filter_map(|d| d.jurisdiction.as_deref()));
        NumberIndex {
            by_key,
            place,
            places,
        }
    }

    /// Rule 3's reading of where a local reference points; None for a
    /// national code, or when nothing says (nearest first from the citing place).
    pub fn scope(&self, citing: &Document, r: &Reference) -> Option<Scope> {
        if !r.number.is_local() {
            return None;
        }
        self.places.decide(citing.jurisdiction.as_deref(), r)
    }

    /// Applies rules 1–4 for a reference made by `citing` as of `by` (its
    /// date; None for an editor's summary, written today); `scope` is
    /// [`NumberIndex::scope`] of the same reference.
    pub fn resolve(
        &self,
        docs: &[Arc<Document>],
        citing: &Document,
        r: &Reference,
        scope: Option<&Scope>,
        by: Option<NaiveDate>,
    ) -> Resolution {
        let Some(all) = self.by_key.get(&r.number.key) else {
            return Resolution::Missing;
        };
        let dated: Vec<Idx> = all
            .iter()
            .copied()
            .filter(|&i| match (r.date, docs[i].date) {
                (Some(want), Some(have)) => crate::legal::period::Period {
                    end: have,
                    precision: docs[i].precision,
                }
                .contains(want),
                (None, Some(have)) => r.pinned_year().is_none_or(|y| y == have.year()),
                (_, None) => true,
            })
            .collect();
        let in_place = |cands: Vec<Idx>| {
            if !r.number.is_local() {
                return cands;
            }
            match scope {
                Some(s) => nearest_of(&self.place, s.search(), cands),
                None => match &citing.jurisdiction {
                    Some(j) => nearest_of(&self.place, jurisdiction_chain(j), cands),
                    None => cands,
                },
            }
        };
        // A month or year date is later only when its period starts after
        // the citing period ends (docs/content-format.md).
        let issued_after =
            |i: Idx| matches!((docs[i].date_start(), by), (Some(d), Some(c)) if d > c);
        let timely: Vec<Idx> = dated
            .iter()
            .copied()
            .filter(|&i| !issued_after(i))
            .collect();
        let late = dated.len() > timely.len();
        let cands = in_place(timely);
        match cands.len() {
            0 if late => {
                let later = in_place(dated);
                if later.is_empty() {
                    Resolution::Missing
                } else {
                    Resolution::Anachronistic(later)
                }
            }
            0 => Resolution::Missing,
            1 => Resolution::Found(cands[0]),
            _ => {
                let chosen = pick_latest(docs, by, &cands);
                let others = cands.into_iter().filter(|&c| c != chosen).collect();
                Resolution::Ambiguous(chosen, others)
            }
        }
    }
}

/// Rule 3: candidates in the first of `levels` that has any, nearest first.
fn nearest_of(place: &[Option<String>], levels: Vec<String>, cands: Vec<Idx>) -> Vec<Idx> {
    for level in levels {
        let key = fold_key(&level);
        let here: Vec<Idx> = cands
            .iter()
            .copied()
            .filter(|&i| place[i].as_deref() == Some(key.as_str()))
            .collect();
        if !here.is_empty() {
            return here;
        }
    }
    Vec::new()
}

/// Rule 4: the latest issued on or before `by` (or the latest at all).
fn pick_latest(docs: &[Arc<Document>], by: Option<NaiveDate>, cands: &[Idx]) -> Idx {
    let key = |&i: &Idx| (docs[i].date, std::cmp::Reverse(docs[i].id.clone()));
    let before: Vec<Idx> = cands
        .iter()
        .copied()
        .filter(|&i| matches!((docs[i].date, by), (Some(d), Some(b)) if d <= b))
        .collect();
    let pool = if before.is_empty() { cands } else { &before };
    *pool
        .iter()
        .max_by_key(|i| key(i))
        .expect("pick_latest gets at least two candidates")
}

/// Where an unresolved reference ends up before stubs get indices.
#[derive(Clone, Copy)]
enum Target {
    Doc(Idx),
    Stub(usize),
}

/// Builds the library: resolves every basis and body reference, creates stubs,
/// fills reverse edges and reports duplicates, ambiguities, missing documents and cycles.
pub fn build<D: Into<Arc<Document>>>(docs: Vec<D>, diags: &mut Diagnostics) -> Library {
    let docs: Vec<Arc<Document>> = docs.into_iter().map(Into::into).collect();
    let index = NumberIndex::new(&docs);
    check_duplicates(&docs, &index.place, diags);
    let mut stubs = Stubs::default();

    // Resolution per reference is independent; stubs are merged afterwards in
    // a deterministic pass so the same input always gives the same slugs.
    let mut targets: Vec<(Vec<Target>, Vec<Target>)> = Vec::with_capacity(docs.len());
    let mut changes: Vec<[Vec<Target>; 3]> = Vec::with_capacity(docs.len());
    for doc in &docs {
        let mut one = |r: &Reference, is_basis: bool| -> Target {
            let scope = index.scope(doc, r);
            if let Some(Scope::Unknown { place, named }) = &scope {
                diags.push(msg::unknown_place(doc, r, named, place));
            }
            match index.resolve(&docs, doc, r, scope.as_ref(), doc.date) {
                Resolution::Found(i) => Target::Doc(i),
                Resolution::Ambiguous(chosen, others) => {
                    if is_basis {
                        diags.push(msg::ambiguous(&docs, doc, r, chosen, &others));
                    }
                    Target::Doc(chosen)
                }
                Resolution::Anachronistic(later) => {
                    diags.push(msg::anachronistic(&docs, doc, r, &later));
                    Target::Stub(stubs.add(doc, r, scope.as_ref()))
                }
                Resolution::Missing => Target::Stub(stubs.add(doc, r, scope.as_ref())),
            }
        };
        let b: Vec<Target> = doc.basis.iter().map(|r| one(r, true)).collect();
        let c: Vec<Target> = doc.cites.iter().map(|r| one(r, false)).collect();
        let ch = super::lifecycle::Change::ALL
            .map(|k| k.refs(doc).iter().map(|r| one(r, true)).collect::<Vec<_>>());
        targets.push((b, c));
        changes.push(ch);
    }

    let summary_targets = summary_links(&index, &docs);
    let taken: HashSet<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    let (stub_docs, stub_of) = stubs.finish(&taken);
    let mut nodes: Vec<Node> = docs
        .into_iter()
        .map(|doc| Node { doc, stub: false })
        .collect();
    let first_stub = nodes.len();
    nodes.extend(stub_docs.into_iter().map(|doc| Node {
        doc: Arc::new(doc),
        stub: true,
    }));

    // Sort by id so indices, lists and JSON follow one stable order.
    let mut order: Vec<Idx> = (0..nodes.len()).collect();
    order.sort_by(|&a, &b| nodes[a].doc.id.cmp(&nodes[b].doc.id));
    let mut new_of = vec![0; nodes.len()];
    for (new, &old) in order.iter().enumerate() {
        new_of[old] = new;
    }
    let map = |t: Target| match t {
        Target::Doc(i) => new_of[i],
        Target::Stub(s) => new_of[first_stub + stub_of[s]],
    };

    let mut lib = Library::default();
    let n = nodes.len();
    lib.basis = vec![Vec::new(); n];
    lib.cites = vec![Vec::new(); n];
    lib.body_targets = vec![HashMap::new(); n];
    lib.summary_targets = vec![HashMap::new(); n];
    for (old, links) in summary_targets.into_iter().enumerate() {
        lib.summary_targets[new_of[old]] = links.into_iter().map(|(k, t)| (k, new_of[t])).collect();
    }
    lib.relations = vec![Default::default(); n];
    for (old, ch) in changes.into_iter().enumerate() {
        let ts = ch.map(|v| v.into_iter().map(map).collect());
        lib.relations[new_of[old]] = super::lifecycle::links(&nodes[old].doc, ts);
    }
    for (old, (b, c)) in targets.into_iter().enumerate() {
        let me = new_of[old];
        let doc = &nodes[old].doc;
        let mut basis: Vec<Link> = Vec::new();
        for (r, t) in doc.basis.iter().zip(b) {
            let target = map(t);
            if !basis.iter().any(|l| l.target == target) {
                basis.push(link(r, target));
            }
        }
        let mut cites: Vec<Link> = Vec::new();
        for (r, t) in doc.cites.iter().zip(c) {
            let target = map(t);
            lib.body_targets[me].insert((r.number.key.clone(), r.date), target);
            if target != me
                && !basis.iter().any(|l| l.target == target)
                && !cites.iter().any(|l| l.target == target)
            {
                cites.push(link(r, target));
            }
        }
        lib.basis[me] = basis;
        lib.cites[me] = cites;
    }
    let mut slots: Vec<Option<Node>> = nodes.into_iter().map(Some).collect();
    lib.nodes = order
        .iter()
        .map(|&old| slots[old].take().expect("each node moved once"))
        .collect();
    lib.by_id = lib
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.doc.id.clone(), i))
        .collect();
    lib.fill_backlinks();
    super::lifecycle::fill_reverse(&mut lib);
    report_stubs(&lib, diags);
    super::lifecycle::report_stubs(&lib, diags);
    super::lifecycle::check(&lib, diags);
    super::chain::report_cycles(&lib, diags);
    lib
}

/// Where each reference of each summary links: the same rules, as of today
/// (a summary may name a later document), no stubs (a summary only links what
/// the portal has), and no edges.
fn summary_links(
    index: &NumberIndex,
    docs: &[Arc<Document>],
) -> Vec<HashMap<(String, Option<NaiveDate>), Idx>> {
    docs.iter()
        .map(|doc| {
            let Some(s) = &doc.summary else {
                return HashMap::new();
            };
            s.refs
                .iter()
                .filter_map(|r| {
                    let scope = index.scope(doc, r);
                    let t = match index.resolve(docs, doc, r, scope.as_ref(), None) {
                        Resolution::Found(i) | Resolution::Ambiguous(i, _) => i,
                        Resolution::Anachronistic(_) | Resolution::Missing => return None,
                    };
                    Some(((r.number.key.clone(), r.date), t))
                })
                .collect()
        })
        .collect()
}

pub(super) fn link(r: &Reference, target: Idx) -> Link {
    Link {
        text: r.text.clone(),
        number: r.number.display.clone(),
        date: r.date,
        target,
    }
}

/// Rule 5 is a warning: a portal may link to documents it does not host yet.
fn report_stubs(lib: &Library, diags: &mut Diagnostics) {
    for (i, node) in lib.nodes.iter().enumerate() {
        if !node.stub {
            continue;
        }
        let Some(&first) = lib.implemented_by[i].first().or(lib.cited_by[i].first()) else {
            continue;
        };
        let citing = &lib.nodes[first].doc;
        let count = lib.implemented_by[i].len() + lib.cited_by[i].len();
        let line = citing
            .basis
            .iter()
            .chain(&citing.cites)
            .find(|r| Some(&r.number) == node.doc.number.as_ref())
            .and_then(|r| r.line);
        diags.push(msg::stub(&node.doc, citing, line, count));
    }
}

/// Two documents with the same number, date and jurisdiction are one document
/// written twice, or a typo: refuse, naming both files.
fn check_duplicates(docs: &[Arc<Document>], place: &[Option<String>], diags: &mut Diagnostics) {
    let mut seen: HashMap<(&str, Option<NaiveDate>, &str), &Document> = HashMap::new();
    for (d, p) in docs.iter().zip(place) {
        let Some(n) = &d.number else { continue };
        let key = (n.key.as_str(), d.date, p.as_deref().unwrap_or_default());
        if let Some(first) = seen.get(&key) {
            diags.push(msg::duplicate(first, d, n));
        } else {
            seen.insert(key, d);
        }
    }
}

/// The resolver's messages, in one place (Vietnamese: the portal's language).
mod msg {
    use super::*;
    use crate::legal::date::format_vi;
    use crate::legal::number::DocNumber;

    fn date_of(d: &Document) -> String {
        d.date
            .map(format_vi)
            .unwrap_or_else(|| "không rõ ngày".into())
    }

    pub fn anachronistic(
        docs: &[Arc<Document>],
        citing: &Document,
        r: &Reference,
        later: &[Idx],
    ) -> Diagnostic {
        let first = &docs[later[0]];
        Diagnostic::warning(format!(
            "trích dẫn ngược thời gian (anachronistic citation): `{}` trên cổng là văn bản ngày {} (`{}`), ban hành sau văn bản này (ngày {}); một văn bản không thể dẫn văn bản ban hành sau nó, nên trích dẫn trỏ tới một trang riêng cho văn bản cùng số",
            r.number.display,
            date_of(first),
            first.path.display(),
            date_of(citing),
        ))
        .at(&citing.path, r.line)
        .help("nếu đây là văn bản khác cùng số, ghi ngày của nó vào trích dẫn (`… ngày 15/8/2020 …`); nếu ngày hoặc số của văn bản này sai, sửa lại; lời tóm tắt của người biên tập thì viết trong `summary:`")
    }

    pub fn unknown_place(citing: &Document, r: &Reference, named: &str, place: &str) -> Diagnostic {
        Diagnostic::warning(format!(
            "trích dẫn `{}` nêu địa phương `{named}`, không phải địa phương nào trên cổng; văn bản được xếp vào trang tạm của `{place}`",
            r.text
        ))
        .at(&citing.path, r.line)
        .help("kiểm tra chính tả tên địa phương trong trích dẫn, hoặc thêm văn bản của địa phương đó vào content/ với `jurisdiction:` đúng tên")
    }

    pub fn ambiguous(
        docs: &[Arc<Document>],
        citing: &Document,
        r: &Reference,
        chosen: Idx,
        others: &[Idx],
    ) -> Diagnostic {
        let names: Vec<String> = others
            .iter()
            .map(|&o| docs[o].path.display().to_string())
            .collect();
        Diagnostic::warning(format!(
            "`{}` khớp với nhiều văn bản; đang dùng `{}`",
            r.number.display,
            docs[chosen].path.display()
        ))
        .at(&citing.path, r.line)
        .help(format!(
            "ghi ngày ban hành vào trích dẫn để chọn đúng văn bản (các văn bản khác: {})",
            names.join(", ")
        ))
    }

    pub fn stub(
        stub: &Document,
        citing: &Document,
        line: Option<usize>,
        count: usize,
    ) -> Diagnostic {
        Diagnostic::warning(format!(
            "`{}` được {count} văn bản dẫn nhưng không có trong content/; cổng tạo trang tạm {}",
            stub.number
                .as_ref()
                .map(|n| n.display.as_str())
                .unwrap_or("?"),
            stub.url()
        ))
        .at(&citing.path, line)
        .help("thêm văn bản vào content/documents/<tên>.md để hiện trích yếu và nội dung")
    }

    pub fn duplicate(first: &Document, d: &Document, n: &DocNumber) -> Diagnostic {
        Diagnostic::error(format!(
            "`{}` và `{}` cùng là văn bản số {} cùng ngày, cùng địa phương",
            first.path.display(),
            d.path.display(),
            n.display
        ))
        .at(&d.path, Some(1))
        .help("xóa bản trùng, hoặc sửa số, ngày hay địa phương của một trong hai")
    }
}

#[cfg(test)]
#[path = "resolve_tests.rs"]
mod tests;
