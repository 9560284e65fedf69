//! Turning references into edges, by the contract's five rules.
//!
//! 1. candidates share the normalised number (an index look-up: linear overall);
//! 2. a date (or year) in the reference keeps candidates issued then;
//! 3. a local issuer code keeps candidates in the citing jurisdiction or its
//!    ancestors, nearest first; national codes resolve nationally;
//! 4. still several: the latest issued on or before the citing date, with a warning;
//! 5. none: a stub page, shared by every citation of the same document.
//!
//! A candidate without a date is never excluded by rule 2: an unknown date
//! is not a different date.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use super::{Idx, Library, Link, Node};
use crate::content::model::{is_national, jurisdiction_chain, Document, Reference, Section};
use crate::diag::{Diagnostic, Diagnostics};
use crate::text::{fold_key, slugify};

/// What a single reference resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    Found(Idx),
    /// Several matched; the chosen one plus the others, for the warning.
    Ambiguous(Idx, Vec<Idx>),
    Missing,
}

/// Indexes real documents by number key.
pub struct NumberIndex {
    by_key: HashMap<String, Vec<Idx>>,
    /// Each document's folded jurisdiction, computed once: rule 3 compares
    /// them for every candidate of every local reference.
    place: Vec<Option<String>>,
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
        NumberIndex { by_key, place }
    }

    /// Applies rules 1–4 for a reference made by `citing`.
    pub fn resolve(&self, docs: &[Arc<Document>], citing: &Document, r: &Reference) -> Resolution {
        let Some(all) = self.by_key.get(&r.number.key) else {
            return Resolution::Missing;
        };
        let mut cands: Vec<Idx> = all
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
        if r.number.is_local() {
            cands = nearest_in_scope(&self.place, citing, cands);
        }
        match cands.len() {
            0 => Resolution::Missing,
            1 => Resolution::Found(cands[0]),
            _ => {
                let chosen = pick_latest(docs, citing.date, &cands);
                let others = cands.into_iter().filter(|&c| c != chosen).collect();
                Resolution::Ambiguous(chosen, others)
            }
        }
    }
}

/// Rule 3: candidates in the citing jurisdiction, else its parent, and so on.
fn nearest_in_scope(place: &[Option<String>], citing: &Document, cands: Vec<Idx>) -> Vec<Idx> {
    let Some(j) = &citing.jurisdiction else {
        return cands;
    };
    for level in jurisdiction_chain(j) {
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

/// Identity of a stub: number, year when known, and the citing scope for local codes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct StubGroup {
    key: String,
    scope: Option<String>,
}

/// A missing document, as the citations describe it.
struct StubDraft {
    reference: Reference,
    scope: Option<String>,
    year: Option<i32>,
    dates: Vec<NaiveDate>,
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
    let mut stubs: Vec<StubDraft> = Vec::new();
    let mut stub_groups: BTreeMap<StubGroup, Vec<usize>> = BTreeMap::new();

    // Resolution per reference is independent; stubs are merged afterwards in
    // a deterministic pass so the same input always gives the same slugs.
    let mut targets: Vec<(Vec<Target>, Vec<Target>)> = Vec::with_capacity(docs.len());
    let mut changes: Vec<[Vec<Target>; 3]> = Vec::with_capacity(docs.len());
    for doc in &docs {
        let mut one = |r: &Reference, is_basis: bool| -> Target {
            match index.resolve(&docs, doc, r) {
                Resolution::Found(i) => Target::Doc(i),
                Resolution::Ambiguous(chosen, others) => {
                    if is_basis {
                        let names: Vec<String> = others
                            .iter()
                            .map(|&o| docs[o].path.display().to_string())
                            .collect();
                        diags.push(
                            Diagnostic::warning(format!(
                                "`{}` matches several documents; using `{}`",
                                r.number.display,
                                docs[chosen].path.display()
                            ))
                            .at(&doc.path, r.line)
                            .help(format!(
                                "add the date to the citation to choose between them (also: {})",
                                names.join(", ")
                            )),
                        );
                    }
                    Target::Doc(chosen)
                }
                Resolution::Missing => Target::Stub(stub_for(&mut stubs, &mut stub_groups, doc, r)),
            }
        };
        let b: Vec<Target> = doc.basis.iter().map(|r| one(r, true)).collect();
        let c: Vec<Target> = doc.cites.iter().map(|r| one(r, false)).collect();
        let ch = super::lifecycle::Change::ALL
            .map(|k| k.refs(doc).iter().map(|r| one(r, true)).collect::<Vec<_>>());
        targets.push((b, c));
        changes.push(ch);
    }

    let taken: HashSet<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    let (stub_docs, stub_of) = finish_stubs(&stubs, &stub_groups, &taken);
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

pub(super) fn link(r: &Reference, target: Idx) -> Link {
    Link {
        text: r.text.clone(),
        number: r.number.display.clone(),
        date: r.date,
        target,
    }
}

/// Finds or creates the stub a missing reference points to.
fn stub_for(
    stubs: &mut Vec<StubDraft>,
    groups: &mut BTreeMap<StubGroup, Vec<usize>>,
    citing: &Document,
    r: &Reference,
) -> usize {
    let scope = if r.number.is_local() {
        citing.jurisdiction.clone().filter(|j| !is_national(j))
    } else {
        None
    };
    let group = StubGroup {
        key: r.number.key.clone(),
        scope: scope.as_ref().map(|s| fold_key(s)),
    };
    let year = r.pinned_year();
    let members = groups.entry(group).or_default();
    // Same year, or one side does not say: the same document.
    let found = members
        .iter()
        .copied()
        .find(|&s| stubs[s].year == year)
        .or_else(|| {
            if year.is_none() && members.len() == 1 {
                Some(members[0])
            } else {
                None
            }
        });
    let found = found.or_else(|| {
        members
            .iter()
            .copied()
            .find(|&s| stubs[s].year.is_none())
            .inspect(|&s| stubs[s].year = year)
    });
    let s = match found {
        Some(s) => s,
        None => {
            stubs.push(StubDraft {
                reference: r.clone(),
                scope,
                year,
                dates: Vec::new(),
            });
            members.push(stubs.len() - 1);
            stubs.len() - 1
        }
    };
    let draft = &mut stubs[s];
    if let Some(d) = r.date {
        draft.dates.push(d);
    }
    if draft.reference.issuer.is_none() {
        draft.reference.issuer = r.issuer.clone();
    }
    if draft.reference.type_name.is_none() {
        draft.reference.type_name = r.type_name.clone();
    }
    s
}

/// Turns stub drafts into documents; returns them and each draft's position among them.
fn finish_stubs(
    stubs: &[StubDraft],
    groups: &BTreeMap<StubGroup, Vec<usize>>,
    taken: &HashSet<&str>,
) -> (Vec<Document>, Vec<usize>) {
    let mut docs: Vec<Document> = Vec::with_capacity(stubs.len());
    let mut pos = vec![0; stubs.len()];
    let mut used: HashSet<String> = HashSet::new();
    for members in groups.values() {
        for &s in members {
            pos[s] = docs.len();
            let mut d = stub_document(&stubs[s]);
            // A content file may already use the slug a stub would get.
            let mut n = 1;
            let base = d.slug.clone();
            while taken.contains(d.id.as_str()) || used.contains(&d.id) {
                n += 1;
                d.slug = format!("{base}-{n}");
                d.id = format!("documents/{}", d.slug);
            }
            used.insert(d.id.clone());
            docs.push(d);
        }
    }
    (docs, pos)
}

fn stub_document(s: &StubDraft) -> Document {
    let r = &s.reference;
    let mut dates = s.dates.clone();
    dates.sort_unstable();
    dates.dedup();
    let date = if dates.len() == 1 {
        Some(dates[0])
    } else {
        None
    };
    let mut slug = r.number.slug();
    if let Some(y) = s.year {
        slug.push_str(&format!("-{y}"));
    }
    if let Some(scope) = &s.scope {
        slug.push('-');
        slug.push_str(&slugify(scope));
    }
    let type_name = r
        .type_name
        .clone()
        .or_else(|| r.number.type_name().map(str::to_string));
    let title = match &type_name {
        Some(t) => format!("{t} số {}", r.number.display),
        None => format!("Văn bản số {}", r.number.display),
    };
    Document {
        id: format!("documents/{slug}"),
        section: Section::Document,
        slug,
        path: std::path::PathBuf::new(),
        title,
        number: Some(r.number.clone()),
        type_name,
        issuer: r.issuer.clone(),
        jurisdiction: s.scope.clone().or_else(|| {
            if r.number.is_local() {
                None
            } else {
                Some("Trung ương".into())
            }
        }),
        date,
        signer: None,
        basis: Vec::new(),
        cites: Vec::new(),
        mentions: Vec::new(),
        campaigns: Vec::new(),
        draft: false,
        body: Default::default(),
        body_line: 1,
        precision: Default::default(),
        short_title: None,
        unnumbered: None,
        life: Default::default(),
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
        diags.push(
            Diagnostic::warning(format!(
                "`{}` is cited by {count} document(s) but not in content/; it gets a stub page at {}",
                node.doc.number.as_ref().map(|n| n.display.as_str()).unwrap_or("?"),
                node.doc.url()
            ))
            .at(&citing.path, line)
            .help("add it as content/documents/<name>.md to show its title and text"),
        );
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
            diags.push(
                Diagnostic::error(format!(
                    "`{}` and `{}` are both number {} of the same date and jurisdiction",
                    first.path.display(),
                    d.path.display(),
                    n.display
                ))
                .at(&d.path, Some(1))
                .help("remove the duplicate, or correct the number, date or jurisdiction of one of them"),
            );
        } else {
            seen.insert(key, d);
        }
    }
}

#[cfg(test)]
#[path = "resolve_tests.rs"]
mod tests;
