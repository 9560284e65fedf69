//! One page of every kind, rendered into memory and thrown away: `check`
//! renders these so that it fails exactly where `build` would (a template
//! that parses but breaks on real data, a recursion, a missing variable).

use std::collections::HashSet;

use chrono::NaiveDateTime;

use super::pages::{self, Env, Job};
use crate::config::Config;
use crate::diag::Diagnostic;
use crate::graph::Library;

/// Renders home, 404, search, the calendar, the place and issuer indexes,
/// one document of each kind (plan, document, stub, campaign) and the first
/// page of each kind of list (plus a second page where a list has one).
pub fn check(
    lib: &Library,
    root: &std::path::Path,
    cfg: &Config,
    tera: &tera::Tera,
    now: NaiveDateTime,
) -> Vec<Diagnostic> {
    let env = match Env::new(lib, root, cfg, tera, now, false, None) {
        Ok(env) => env,
        Err(errs) => return errs,
    };
    let (_, errs) = pages::render_jobs(&env, &jobs(&env), &crate::output::memory::Memory::new());
    errs
}

fn jobs(env: &Env<'_>) -> Vec<Job> {
    let mut jobs = vec![
        Job::Home,
        Job::Calendar,
        Job::Search,
        Job::NotFound,
        Job::Jurisdictions,
        Job::Issuers,
    ];
    let mut kinds = HashSet::new();
    for (i, n) in env.lib.nodes.iter().enumerate() {
        if kinds.insert((n.doc.section, n.stub)) {
            jobs.push(Job::Doc(i));
        }
    }
    let mut shapes = HashSet::new();
    let mut second_page = false;
    for (spec, l) in env.lists.iter().enumerate() {
        if shapes.insert(shape(&l.path)) {
            jobs.push(Job::List { spec, page: 1 });
        }
        if !second_page && super::lists::page_count(l.items.len(), env.cfg.per_page) > 1 {
            second_page = true;
            jobs.push(Job::List { spec, page: 2 });
        }
    }
    jobs
}

/// What kind of list a path is: `/jurisdictions/lao-cai/` and
/// `/jurisdictions/ha-noi/` are one kind, `/documents/x/implemented-by/` another.
fn shape(path: &str) -> (String, usize, String) {
    let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let first = parts.first().copied().unwrap_or("").to_string();
    let last = if parts.len() > 2 {
        parts[parts.len() - 1].to_string()
    } else {
        String::new()
    };
    (first, parts.len(), last)
}

#[cfg(test)]
mod tests {
    use super::shape;

    #[test]
    fn list_kinds() {
        assert_eq!(
            shape("/jurisdictions/lao-cai/"),
            shape("/jurisdictions/ha-noi/")
        );
        assert_ne!(shape("/plans/"), shape("/documents/"));
        assert_ne!(
            shape("/documents/a/implemented-by/"),
            shape("/documents/a/cited-by/")
        );
    }
}
