//! Walking the basis chain: the tree up to the roots, the transitive
//! implementers below, and cycle detection.
//!
//! Every walk keeps a visited set, so a cycle in broken input never loops:
//! the cycle is reported as an error and the walks simply stop at it.

use std::collections::HashSet;

use super::{Idx, Library};
use crate::diag::{Diagnostic, Diagnostics};

/// One node of a basis tree. A document reached a second time is marked
/// `repeated` and not expanded again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeNode {
    pub idx: Idx,
    pub repeated: bool,
    pub children: Vec<TreeNode>,
}

/// Deepest chain we expand; real chains are under ten levels.
const MAX_DEPTH: usize = 64;

/// What `root` implements, transitively: its basis entries, theirs, and so on.
pub fn basis_tree(lib: &Library, root: Idx) -> Vec<TreeNode> {
    let mut seen = HashSet::from([root]);
    lib.basis[root]
        .iter()
        .map(|l| expand(lib, l.target, &mut seen, 1))
        .collect()
}

fn expand(lib: &Library, idx: Idx, seen: &mut HashSet<Idx>, depth: usize) -> TreeNode {
    if !seen.insert(idx) || depth > MAX_DEPTH {
        return TreeNode {
            idx,
            repeated: true,
            children: Vec::new(),
        };
    }
    let children = lib.basis[idx]
        .iter()
        .map(|l| expand(lib, l.target, seen, depth + 1))
        .collect();
    TreeNode {
        idx,
        repeated: false,
        children,
    }
}

/// Everything that implements `root`, directly or through others, with its
/// distance (1 = direct), breadth first, each document once.
pub fn implementers(lib: &Library, root: Idx) -> Vec<(Idx, usize)> {
    let mut seen = HashSet::from([root]);
    let mut out = Vec::new();
    let mut frontier = vec![root];
    let mut depth = 0;
    while !frontier.is_empty() && depth < MAX_DEPTH {
        depth += 1;
        let mut next = Vec::new();
        for f in frontier {
            for &i in &lib.implemented_by[f] {
                if seen.insert(i) {
                    out.push((i, depth));
                    next.push(i);
                }
            }
        }
        frontier = next;
    }
    out
}

/// Reports every basis cycle once, as `A → B → A` with the files.
pub fn report_cycles(lib: &Library, diags: &mut Diagnostics) {
    for cycle in find_cycles(lib) {
        let names: Vec<String> = cycle
            .iter()
            .chain(cycle.first())
            .map(|&i| label(lib, i))
            .collect();
        let first = &lib.nodes[cycle[0]].doc;
        let line = first.basis.first().and_then(|r| r.line);
        let msg = if cycle.len() == 1 {
            format!(
                "`{}` lists itself as its own basis: {}",
                label(lib, cycle[0]),
                names.join(" → ")
            )
        } else {
            format!("basis cycle: {}", names.join(" → "))
        };
        diags.push(
            Diagnostic::error(msg)
                .at(&first.path, line)
                .help("a document cannot implement, even indirectly, a document that implements it; remove one basis entry"),
        );
    }
}

fn label(lib: &Library, i: Idx) -> String {
    let d = &lib.nodes[i].doc;
    if d.path.as_os_str().is_empty() {
        d.id.clone()
    } else {
        d.path.display().to_string()
    }
}

/// Cycles in the basis graph, each as its nodes in order starting at the
/// smallest index (so each is reported once, deterministically).
pub fn find_cycles(lib: &Library) -> Vec<Vec<Idx>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let n = lib.nodes.len();
    let mut mark = vec![Mark::New; n];
    let mut cycles = Vec::new();
    // Iterative DFS: deep chains in generated corpora must not blow the stack.
    for start in 0..n {
        if mark[start] != Mark::New {
            continue;
        }
        let mut stack: Vec<(Idx, usize)> = vec![(start, 0)];
        mark[start] = Mark::Open;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(link) = lib.basis[node].get(*next) {
                *next += 1;
                let t = link.target;
                match mark[t] {
                    Mark::New => {
                        mark[t] = Mark::Open;
                        stack.push((t, 0));
                    }
                    Mark::Open => {
                        let from = stack
                            .iter()
                            .position(|&(s, _)| s == t)
                            .expect("open nodes are on the stack");
                        let mut cyc: Vec<Idx> = stack[from..].iter().map(|&(s, _)| s).collect();
                        let min = cyc
                            .iter()
                            .enumerate()
                            .min_by_key(|(_, &v)| v)
                            .map(|(p, _)| p)
                            .unwrap_or(0);
                        cyc.rotate_left(min);
                        cycles.push(cyc);
                    }
                    Mark::Done => {}
                }
            } else {
                mark[node] = Mark::Done;
                stack.pop();
            }
        }
    }
    cycles.sort();
    cycles.dedup();
    cycles
}
