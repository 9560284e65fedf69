//! Writing a build to disk atomically.
//!
//! Files go to a hidden staging folder beside the output folder (same file
//! system, so the final step is a rename). Only when every file is written
//! does [`Staged::commit`] swap it in; a failed build drops the staging
//! folder and leaves the previous output exactly as it was.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use super::Output;
use crate::fsx;

/// An output folder being built.
pub struct Staged {
    target: PathBuf,
    staging: tempfile::TempDir,
}

impl Staged {
    /// Prepares a staging folder next to `target`.
    pub fn begin(target: &Path) -> Result<Staged> {
        let target = absolute(target)?;
        let parent = target
            .parent()
            .context("the output folder has no parent folder")?;
        fsx::create_dir_all(parent)?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let staging = tempfile::Builder::new()
            .prefix(&format!(".{name}.planportal-"))
            .tempdir_in(parent)
            .with_context(|| format!("cannot create a staging folder in `{}`", parent.display()))?;
        Ok(Staged { target, staging })
    }

    /// Swaps the staged build in for the old output.
    pub fn commit(self) -> Result<()> {
        let staging = self.staging.keep();
        let parent = self
            .target
            .parent()
            .context("the output folder has no parent folder")?;
        if self.target.exists() {
            if !self.target.is_dir() {
                bail!("`{}` exists and is not a folder", self.target.display());
            }
            let old = tempfile::Builder::new()
                .prefix(".planportal-old-")
                .tempdir_in(parent)
                .context("cannot create a folder for the previous output")?
                .keep();
            let old_site = old.join("site");
            fsx::rename(&self.target, &old_site)?;
            if let Err(e) = fsx::rename(&staging, &self.target) {
                // Put the previous output back: never leave nothing behind.
                let _ = std::fs::rename(&old_site, &self.target);
                let _ = std::fs::remove_dir_all(&staging);
                return Err(e);
            }
            fsx::remove_dir_all(&old)?;
        } else {
            fsx::rename(&staging, &self.target)?;
        }
        Ok(())
    }

    pub fn staging_path(&self) -> &Path {
        self.staging.path()
    }
}

impl Output for Staged {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()> {
        if !super::is_safe_path(path) {
            bail!("refusing to write outside the output folder: `{path}`");
        }
        let full = self.staging.path().join(path);
        match std::fs::write(&full, bytes) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => fsx::write(&full, bytes),
            Err(e) => Err(e).with_context(|| format!("cannot write `{}`", full.display())),
        }
    }
}

fn absolute(p: &Path) -> Result<PathBuf> {
    if p.is_absolute() {
        Ok(p.to_path_buf())
    } else {
        Ok(std::env::current_dir()
            .context("cannot read the current folder")?
            .join(p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_and_drop_keeps_old() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("old.txt"), "old").unwrap();

        let s = Staged::begin(&out).unwrap();
        s.put("a/index.html", b"new").unwrap();
        drop(s); // a failed build
        assert_eq!(std::fs::read_to_string(out.join("old.txt")).unwrap(), "old");
        assert!(!out.join("a").exists());

        let s = Staged::begin(&out).unwrap();
        s.put("a/index.html", b"new").unwrap();
        s.commit().unwrap();
        assert!(!out.join("old.txt").exists());
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "new"
        );
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("public")]);
    }

    #[test]
    fn refuses_escaping_paths() {
        let dir = tempfile::tempdir().unwrap();
        let s = Staged::begin(&dir.path().join("out")).unwrap();
        assert!(s.put("../evil", b"x").is_err());
    }
}
