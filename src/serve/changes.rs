//! File-system events → what kind of rebuild they need.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What changed since the last rebuild, merged over a debounced burst.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    /// Content files (relative to the root) created, edited, renamed or deleted.
    pub content: BTreeSet<PathBuf>,
    /// A template changed: every page may look different.
    pub templates: bool,
    /// A static theme file changed.
    pub statics: bool,
    /// `site.yaml` changed: settings touch every page.
    pub config: bool,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.content.is_empty() && !self.templates && !self.statics && !self.config
    }

    /// Files changed, for the summary line.
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = self
            .content
            .iter()
            .take(3)
            .map(|p| p.display().to_string())
            .collect();
        if self.content.len() > 3 {
            parts.push(format!("and {} more", self.content.len() - 3));
        }
        if self.config {
            parts.push("site.yaml".into());
        }
        if self.templates {
            parts.push("templates".into());
        }
        if self.statics {
            parts.push("static files".into());
        }
        parts.join(", ")
    }

    /// Files a full rebuild is needed for.
    pub fn needs_full(&self) -> bool {
        self.templates || self.config
    }

    /// Adds one event path (absolute) under `root`; ignores what the site
    /// does not read (editor swap files, the output folder, hidden files).
    pub fn add(&mut self, root: &Path, path: &Path) {
        let rel = match path.strip_prefix(root) {
            Ok(r) => r,
            Err(_) => return,
        };
        let mut comps = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned());
        let first = comps.next().unwrap_or_default();
        let name = rel
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.')
            || name.ends_with('~')
            || name.starts_with('#')
            || name.ends_with(".swp")
            || name.ends_with(".tmp")
        {
            return;
        }
        match first.as_str() {
            "site.yaml" => self.config = true,
            "content" => {
                if crate::content::is_markdown(rel) {
                    self.content.insert(rel.to_path_buf());
                } else if path.is_dir() || rel.extension().is_none() {
                    // A folder renamed or deleted: rescan everything under content/.
                    self.content.insert(PathBuf::from("content"));
                }
            }
            "themes" => {
                let kind: Vec<String> = comps.take(2).collect();
                match kind.get(1).map(String::as_str) {
                    Some("templates") => self.templates = true,
                    Some("static") => self.statics = true,
                    _ => {}
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_paths() {
        let root = Path::new("/site");
        let mut c = Changes::default();
        c.add(root, Path::new("/site/content/plans/a.md"));
        c.add(root, Path::new("/site/content/plans/.a.md.swp"));
        c.add(root, Path::new("/site/public/index.html"));
        c.add(root, Path::new("/elsewhere/x.md"));
        assert_eq!(c.content.len(), 1);
        assert!(!c.needs_full());
        c.add(root, Path::new("/site/themes/default/templates/base.html"));
        assert!(c.templates && c.needs_full());
        c.add(root, Path::new("/site/themes/default/static/style.css"));
        assert!(c.statics);
        c.add(root, Path::new("/site/site.yaml"));
        assert!(c.config);
    }
}
