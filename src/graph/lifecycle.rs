//! Replacement, amendment and repeal: the edges, their reverse, the rules
//! they must obey, and the status they give a document as of a day.
//!
//! The references resolve in [`super::resolve`] exactly like `basis`
//! (stubs included); this module only holds what is particular to changes.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Idx, Library, Link};
use crate::content::model::{Document, Reference};
use crate::diag::{Diagnostic, Diagnostics};

/// The three ways a document changes others, in front-matter order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Replaces,
    Amends,
    Repeals,
}

impl Change {
    pub const ALL: [Change; 3] = [Change::Replaces, Change::Amends, Change::Repeals];

    pub fn key(self) -> &'static str {
        match self {
            Change::Replaces => "replaces",
            Change::Amends => "amends",
            Change::Repeals => "repeals",
        }
    }

    /// The references a document lists under this key.
    pub fn refs(self, d: &Document) -> &[Reference] {
        match self {
            Change::Replaces => &d.life.replaces,
            Change::Amends => &d.life.amends,
            Change::Repeals => &d.life.repeals,
        }
    }
}

/// One document's change edges, both ways.
#[derive(Debug, Clone, Default)]
pub struct Relations {
    pub replaces: Vec<Link>,
    pub amends: Vec<Link>,
    pub repeals: Vec<Link>,
    /// Who replaces (amends, repeals) this document, sorted by index.
    pub replaced_by: Vec<Idx>,
    pub amended_by: Vec<Idx>,
    pub repealed_by: Vec<Idx>,
}

impl Relations {
    pub fn out(&self, c: Change) -> &[Link] {
        match c {
            Change::Replaces => &self.replaces,
            Change::Amends => &self.amends,
            Change::Repeals => &self.repeals,
        }
    }

    fn out_mut(&mut self, c: Change) -> &mut Vec<Link> {
        match c {
            Change::Replaces => &mut self.replaces,
            Change::Amends => &mut self.amends,
            Change::Repeals => &mut self.repeals,
        }
    }

    pub fn back(&self, c: Change) -> &[Idx] {
        match c {
            Change::Replaces => &self.replaced_by,
            Change::Amends => &self.amended_by,
            Change::Repeals => &self.repealed_by,
        }
    }

    fn back_mut(&mut self, c: Change) -> &mut Vec<Idx> {
        match c {
            Change::Replaces => &mut self.replaced_by,
            Change::Amends => &mut self.amended_by,
            Change::Repeals => &mut self.repealed_by,
        }
    }
}

/// A document's outgoing change links, one per target and kind.
pub fn links(doc: &Document, targets: [Vec<Idx>; 3]) -> Relations {
    let mut r = Relations::default();
    for (c, ts) in Change::ALL.into_iter().zip(targets) {
        let out = r.out_mut(c);
        for (reference, t) in c.refs(doc).iter().zip(ts) {
            if !out.iter().any(|l| l.target == t) {
                out.push(super::resolve::link(reference, t));
            }
        }
    }
    r
}

/// Fills `replaced_by`, `amended_by`, `repealed_by` from the outgoing edges.
pub fn fill_reverse(lib: &mut Library) {
    let n = lib.nodes.len();
    lib.relations.resize_with(n, Relations::default);
    for from in 0..n {
        for c in Change::ALL {
            let targets: Vec<Idx> = lib.relations[from]
                .out(c)
                .iter()
                .map(|l| l.target)
                .collect();
            for t in targets {
                lib.relations[t].back_mut(c).push(from);
            }
        }
    }
    for r in &mut lib.relations {
        for c in Change::ALL {
            let v = r.back_mut(c);
            v.sort_unstable();
            v.dedup();
        }
    }
}

/// The rules a set of changes must obey: nothing replaces itself, nothing
/// is replaced twice, replacements have no cycle, and nothing changes a
/// document issued after it (rule 2: the reference would be anachronistic).
/// Each is an error naming the files.
pub fn check(lib: &Library, diags: &mut Diagnostics) {
    let path = |i: Idx| lib.nodes[i].doc.path.display().to_string();
    let line_of = |i: Idx, c: Change, t: Idx| {
        c.refs(&lib.nodes[i].doc)
            .iter()
            .zip(lib.relations[i].out(c))
            .find(|(_, l)| l.target == t)
            .and_then(|(r, _)| r.line)
            .or_else(|| c.refs(&lib.nodes[i].doc).first().and_then(|r| r.line))
    };
    // Real documents by number, for anachronisms a resolver sent to a stub.
    let mut by_key: HashMap<&str, Vec<Idx>> = HashMap::new();
    for (i, n) in lib.nodes.iter().enumerate() {
        if let (false, Some(num)) = (n.stub, &n.doc.number) {
            by_key.entry(num.key.as_str()).or_default().push(i);
        }
    }
    for (i, node) in lib.nodes.iter().enumerate() {
        if node.stub {
            continue;
        }
        let d = &node.doc;
        for c in Change::ALL {
            for (r, l) in c.refs(d).iter().zip(lib.relations[i].out(c)) {
                if l.target == i {
                    diags.push(
                        Diagnostic::error(format!("`{}` {} itself", path(i), verb(c)))
                            .at(&d.path, r.line)
                            .help(format!("remove this entry from `{}`", c.key())),
                    );
                    continue;
                }
                if let Some(later) = anachronism(lib, &by_key, d, r, l.target) {
                    let t = &lib.nodes[later].doc;
                    diags.push(
                        Diagnostic::error(format!(
                            "`{}` {} `{}`, which was issued after it ({} is later than {}): a document cannot change one issued later",
                            path(i),
                            verb(c),
                            if t.path.as_os_str().is_empty() { r.text.clone() } else { t.path.display().to_string() },
                            t.date_label().unwrap_or_default(),
                            d.date_label().unwrap_or_default(),
                        ))
                        .at(&d.path, r.line)
                        .help(format!(
                            "check the number and date of this entry; if the later document changes this one, move the line to its `{}`",
                            c.key()
                        )),
                    );
                }
            }
        }
    }
    for (t, rel) in lib.relations.iter().enumerate() {
        if rel.replaced_by.len() > 1 {
            let names: Vec<String> = rel
                .replaced_by
                .iter()
                .map(|&b| format!("`{}`", path(b)))
                .collect();
            let first = rel.replaced_by[1];
            diags.push(
                Diagnostic::error(format!(
                    "`{}` is replaced twice: by {}",
                    if lib.nodes[t].stub { lib.nodes[t].doc.title.clone() } else { path(t) },
                    names.join(" and ")
                ))
                .at(&lib.nodes[first].doc.path, line_of(first, Change::Replaces, t))
                .help("a document is replaced once; the later one replaces the earlier replacement: list that one in `replaces` instead"),
            );
        }
    }
    report_cycles(lib, diags, &path, &line_of);
}

fn verb(c: Change) -> &'static str {
    match c {
        Change::Replaces => "replaces",
        Change::Amends => "amends",
        Change::Repeals => "repeals",
    }
}

/// The later document `r` names, when it names one issued after `citing`.
/// Month and year dates compare as periods: a document is later only when
/// its period starts after the citing document's period ends, so a plan of
/// "tháng 8/2025" may replace one of 20/8/2025.
fn anachronism(
    lib: &Library,
    by_key: &HashMap<&str, Vec<Idx>>,
    citing: &Document,
    r: &Reference,
    target: Idx,
) -> Option<Idx> {
    let end = citing.date?;
    let later = |i: Idx| lib.nodes[i].doc.date_start().is_some_and(|s| s > end);
    if !lib.nodes[target].stub {
        return later(target).then_some(target);
    }
    // A stub: the resolver may have set aside a later document of that
    // number (rule 2). Say so when every such document is later.
    if r.date.is_some_and(|d| d > end) {
        return Some(target);
    }
    let cands: Vec<Idx> = by_key
        .get(r.number.key.as_str())?
        .iter()
        .copied()
        .filter(|&i| {
            let t = &lib.nodes[i].doc;
            let place_ok = !r.number.is_local() || t.jurisdiction == citing.jurisdiction;
            let year_ok = r.pinned_year().is_none_or(|y| {
                use chrono::Datelike;
                t.date.is_none_or(|d| d.year() == y)
            });
            place_ok && year_ok
        })
        .collect();
    (!cands.is_empty() && cands.iter().all(|&i| later(i))).then(|| cands[0])
}

/// A cycle of replacements (A replaces B, B replaces A) is an error printing the cycle.
fn report_cycles(
    lib: &Library,
    diags: &mut Diagnostics,
    path: &dyn Fn(Idx) -> String,
    line_of: &dyn Fn(Idx, Change, Idx) -> Option<usize>,
) {
    // 0 unvisited, 1 on the stack, 2 done.
    let mut state = vec![0u8; lib.nodes.len()];
    for start in 0..lib.nodes.len() {
        if state[start] != 0 {
            continue;
        }
        let mut stack: Vec<(Idx, usize)> = vec![(start, 0)];
        state[start] = 1;
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            let out = &lib.relations[v].replaces;
            if *next < out.len() {
                let w = out[*next].target;
                *next += 1;
                if w == v {
                    continue; // reported as "replaces itself"
                }
                match state[w] {
                    0 => {
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    1 => {
                        let from = stack.iter().position(|&(x, _)| x == w).unwrap_or(0);
                        let mut names: Vec<String> = stack[from..]
                            .iter()
                            .map(|&(x, _)| format!("`{}`", path(x)))
                            .collect();
                        names.push(format!("`{}`", path(w)));
                        diags.push(
                            Diagnostic::error(format!(
                                "replacements form a cycle: {}",
                                names.join(" replaces ")
                            ))
                            .at(&lib.nodes[v].doc.path, line_of(v, Change::Replaces, w))
                            .help("a replacement is always newer than what it replaces: remove the wrong `replaces` entry"),
                        );
                    }
                    _ => {}
                }
            } else {
                state[v] = 2;
                stack.pop();
            }
        }
    }
}

/// Whether a document applies, as of one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    InForce,
    Replaced,
    Repealed,
    Expired,
}

impl State {
    /// The contract's value in `documents.json`.
    pub fn key(self) -> &'static str {
        match self {
            State::InForce => "in_force",
            State::Replaced => "replaced",
            State::Repealed => "repealed",
            State::Expired => "expired",
        }
    }
}

/// A document's status as of a day, with the documents that made it so.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Status {
    pub state: State,
    /// The repealing or replacing document (the earliest in effect).
    pub by: Option<Idx>,
    /// Amendments in effect, oldest first.
    pub amended_by: Vec<Idx>,
}

/// Status of every node as of `today`. A change counts from the date of the
/// document that makes it (a month or year date from that period's last day);
/// a changing document without a date counts at once. Repeal wins over
/// replacement, which wins over expiry.
pub fn statuses(lib: &Library, today: NaiveDate) -> Vec<Status> {
    let in_effect = |i: &Idx| lib.nodes[*i].doc.date.is_none_or(|d| d <= today);
    let earliest = |v: &[Idx]| {
        v.iter()
            .copied()
            .filter(in_effect)
            .min_by_key(|&i| (lib.nodes[i].doc.date, i))
    };
    lib.nodes
        .iter()
        .zip(&lib.relations)
        .map(|(n, r)| {
            let (state, by) = if let Some(b) = earliest(&r.repealed_by) {
                (State::Repealed, Some(b))
            } else if let Some(b) = earliest(&r.replaced_by) {
                (State::Replaced, Some(b))
            } else if n.doc.life.expires.is_some_and(|e| e < today) {
                (State::Expired, None)
            } else {
                (State::InForce, None)
            };
            let mut amended_by: Vec<Idx> = r.amended_by.iter().copied().filter(in_effect).collect();
            amended_by.sort_by_key(|&i| (lib.nodes[i].doc.date, i));
            Status {
                state,
                by,
                amended_by,
            }
        })
        .collect()
}

/// Stubs that only a change names get the same warning as cited stubs.
pub fn report_stubs(lib: &Library, diags: &mut Diagnostics) {
    for (i, node) in lib.nodes.iter().enumerate() {
        let r = &lib.relations[i];
        if !node.stub || !lib.implemented_by[i].is_empty() || !lib.cited_by[i].is_empty() {
            continue;
        }
        let Some((c, first)) = Change::ALL
            .into_iter()
            .find_map(|c| r.back(c).first().map(|&f| (c, f)))
        else {
            continue;
        };
        let citing = &lib.nodes[first].doc;
        let line = c
            .refs(citing)
            .iter()
            .find(|x| Some(&x.number) == node.doc.number.as_ref())
            .and_then(|x| x.line);
        diags.push(
            Diagnostic::warning(format!(
                "`{}` is named in `{}` but not in content/; it gets a stub page at {}",
                node.doc.number.as_ref().map(|n| n.display.as_str()).unwrap_or("?"),
                c.key(),
                node.doc.url()
            ))
            .at(&citing.path, line)
            .help("add it as content/documents/<name>.md (or content/plans/) to show its title, date and status"),
        );
    }
}
