//! The reference graph: every document (and every stub for a cited but
//! missing one) in an arena, with edges as indices.
//!
//! Built once all files are parsed: [`resolve::build`] turns references
//! into edges, then reverse edges are filled in their own pass.

pub mod chain;
pub mod lifecycle;
pub mod place;
pub mod resolve;
pub mod stub;

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::content::model::Document;

/// Index of a node in [`Library::nodes`].
pub type Idx = usize;

/// A document in the graph. Stubs are synthesised from citations.
#[derive(Debug, Clone)]
pub struct Node {
    /// Shared, so `serve` rebuilds the graph without copying every document.
    pub doc: std::sync::Arc<Document>,
    pub stub: bool,
}

/// A resolved reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The citation as written.
    pub text: String,
    /// The cited number, canonical spelling.
    pub number: String,
    /// The date the citation states, if any.
    pub date: Option<NaiveDate>,
    pub target: Idx,
}

/// The whole site's documents with their resolved links in both directions.
#[derive(Debug, Default)]
pub struct Library {
    /// Sorted by id; stubs included.
    pub nodes: Vec<Node>,
    /// Per node: what it implements (from `basis:`), in the order written.
    pub basis: Vec<Vec<Link>>,
    /// Per node: what its body cites and `basis:` does not list, first mention first.
    pub cites: Vec<Vec<Link>>,
    /// Per node: who lists it in `basis:`, sorted by id.
    pub implemented_by: Vec<Vec<Idx>>,
    /// Per node: whose body cites it, sorted by id.
    pub cited_by: Vec<Vec<Idx>>,
    /// Per node: body citation (number key, date) → target, so the renderer can
    /// link the text without resolving again.
    pub body_targets: Vec<HashMap<(String, Option<NaiveDate>), Idx>>,
    /// Per node: where the references of its `summary:` link. Links only: a
    /// summary is the editor's text, so these are never citations.
    pub summary_targets: Vec<HashMap<(String, Option<NaiveDate>), Idx>>,
    /// Per node: replaces, amends, repeals and their reverse edges.
    pub relations: Vec<lifecycle::Relations>,
    by_id: HashMap<String, Idx>,
}

impl Library {
    pub fn get(&self, id: &str) -> Option<Idx> {
        self.by_id.get(id).copied()
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Fills the reverse edges from `basis` and `cites`.
    fn fill_backlinks(&mut self) {
        let n = self.nodes.len();
        self.implemented_by = vec![Vec::new(); n];
        self.cited_by = vec![Vec::new(); n];
        for from in 0..n {
            for l in &self.basis[from] {
                self.implemented_by[l.target].push(from);
            }
            for l in &self.cites[from] {
                self.cited_by[l.target].push(from);
            }
        }
        for v in self
            .implemented_by
            .iter_mut()
            .chain(self.cited_by.iter_mut())
        {
            v.sort_unstable();
            v.dedup();
        }
    }
}
