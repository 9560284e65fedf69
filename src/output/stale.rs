//! Folders a build leaves beside the output while it runs, and removing
//! those of builds that were killed before they could clean up.
//!
//! A build makes `.<name>.planportal-staging-XXXXXX/` (the new site) and,
//! during the swap, `.<name>.planportal-old-XXXXXX/` (the previous one on
//! its way out). Each gets an ownership marker file as soon as it exists.
//! The next build of the same output, holding its lock (so no build of that
//! output is running), removes a folder only if both the name and the marker
//! say planportal made it for this output: nothing else is ever deleted.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::lock::OutputLock;

/// The marker's name inside a folder planportal made.
pub const MARKER: &str = ".planportal-owner";
const HEADER: &str = "planportal: this folder is a build's working copy, safe to delete\n";

#[derive(Clone, Copy)]
pub enum Kind {
    Staging,
    Old,
}

impl Kind {
    fn prefix(self, name: &str) -> String {
        match self {
            Kind::Staging => format!(".{name}.planportal-staging-"),
            Kind::Old => format!(".{name}.planportal-old-"),
        }
    }
}

/// Makes a marked working folder for the output `target` beside it.
pub fn create(target: &Path, kind: Kind) -> Result<tempfile::TempDir> {
    let (parent, name) = parent_and_name(target)?;
    let dir = tempfile::Builder::new()
        .prefix(&kind.prefix(&name))
        .tempdir_in(parent)
        .with_context(|| format!("cannot create a working folder in `{}`", parent.display()))?;
    std::fs::write(dir.path().join(MARKER), HEADER)
        .with_context(|| format!("cannot write in `{}`", dir.path().display()))?;
    Ok(dir)
}

/// Removes the marker from a staging folder about to become the output.
pub fn unmark(dir: &Path) -> Result<()> {
    crate::fsx::remove_file(&dir.join(MARKER))
}

/// Removes the working folders that killed or failed builds of `target` left
/// behind. The lock proves no build of `target` is using them. Returns how
/// many were removed.
pub fn sweep(target: &Path, _held: &OutputLock) -> usize {
    let Ok((parent, name)) = parent_and_name(target) else {
        return 0;
    };
    let prefixes = [Kind::Staging.prefix(&name), Kind::Old.prefix(&name)];
    let Ok(entries) = std::fs::read_dir(parent) else {
        return 0;
    };
    let mut removed = 0;
    for e in entries.flatten() {
        let file_name = e.file_name().to_string_lossy().into_owned();
        if !prefixes.iter().any(|p| file_name.starts_with(p.as_str())) {
            continue;
        }
        let path = e.path();
        if is_ours(&path) && std::fs::remove_dir_all(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// A real folder (not a symlink) holding our marker, a regular file with our text.
fn is_ours(dir: &Path) -> bool {
    let is_dir = std::fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir());
    let marker: PathBuf = dir.join(MARKER);
    is_dir
        && std::fs::symlink_metadata(&marker).is_ok_and(|m| m.is_file() && m.len() < 4096)
        && std::fs::read_to_string(&marker).is_ok_and(|t| t == HEADER)
}

fn parent_and_name(target: &Path) -> Result<(&Path, String)> {
    let parent = target
        .parent()
        .context("the output folder has no parent folder")?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .context("the output folder has no name")?;
    Ok((parent, name))
}

#[cfg(test)]
mod tests {
    use super::super::lock::{OutputLock, Wait};
    use super::*;

    #[test]
    fn removes_only_marked_folders_of_this_output() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("public");
        let lock = OutputLock::acquire(&out, Wait::Fail).unwrap();
        let ours = create(&out, Kind::Staging).unwrap().keep();
        std::fs::write(ours.join("index.html"), "x").unwrap();
        let old = create(&out, Kind::Old).unwrap().keep();
        let other_output = create(&d.path().join("www"), Kind::Staging).unwrap().keep();
        // Same name, no marker: someone else's folder.
        let lookalike = d.path().join(".public.planportal-staging-abcdef");
        std::fs::create_dir(&lookalike).unwrap();
        // Same name, a marker with other text.
        let forged = d.path().join(".public.planportal-old-zzzzzz");
        std::fs::create_dir(&forged).unwrap();
        std::fs::write(forged.join(MARKER), "mine").unwrap();
        assert_eq!(sweep(&out, &lock), 2);
        assert!(!ours.exists() && !old.exists());
        assert!(
            other_output.exists(),
            "another output's build may be running"
        );
        assert!(lookalike.exists() && forged.exists());
    }

    #[cfg(unix)]
    #[test]
    fn never_follows_a_symlink() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("public");
        let lock = OutputLock::acquire(&out, Wait::Fail).unwrap();
        let precious = d.path().join("precious");
        std::fs::create_dir(&precious).unwrap();
        std::fs::write(precious.join(MARKER), HEADER).unwrap();
        std::os::unix::fs::symlink(&precious, d.path().join(".public.planportal-old-link"))
            .unwrap();
        assert_eq!(sweep(&out, &lock), 0);
        assert!(precious.join(MARKER).exists());
    }
}
