//! Writing a build to disk atomically, skipping unchanged files.
//!
//! Files go to a hidden staging folder beside the output folder (same file
//! system, so the final step is a rename). Only when every file is written
//! does [`Staged::commit`] swap it in; a failed build drops the staging
//! folder and leaves the previous output exactly as it was.
//!
//! A file whose bytes equal what the previous build wrote there (per the
//! [`manifest`]) is not written again: the staging folder gets a hard link
//! to the old file. Unchanged files keep their inode and modification time,
//! so `rsync`, `aws s3 sync` and the like upload only what changed.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use anyhow::{bail, Context, Result};

use super::lock::OutputLock;
use super::manifest::{self, Entry};
use super::stale::{self, Kind};
use super::Output;
use crate::fsx;

/// An output folder being built.
pub struct Staged {
    target: PathBuf,
    staging: tempfile::TempDir,
    /// What the previous build wrote into `target`.
    previous: HashMap<String, Entry>,
    /// Whether `target` has a manifest, i.e. a build wrote it: only then are
    /// files someone else put there carried over (else `--force` replaced it).
    had_manifest: bool,
    /// What this build has put so far.
    entries: Mutex<Vec<(String, Entry)>>,
    unchanged: AtomicUsize,
}

impl Staged {
    /// Prepares a staging folder next to `target` (resolved: see
    /// [`super::guard::check`]). The lock proves no other build of `target`
    /// runs, so the working folders of killed builds can be removed first.
    pub fn begin(target: &Path, lock: &OutputLock) -> Result<Staged> {
        let target = absolute(target)?;
        let parent = target
            .parent()
            .context("the output folder has no parent folder")?;
        fsx::create_dir_all(parent)?;
        stale::sweep(&target, lock);
        let staging = stale::create(&target, Kind::Staging)?;
        let loaded = match target.is_dir() {
            true => manifest::load(&manifest::path_for(&target)),
            false => None,
        };
        let had_manifest = loaded.is_some();
        let previous = loaded.unwrap_or_default();
        Ok(Staged {
            target,
            staging,
            previous,
            had_manifest,
            entries: Mutex::new(Vec::new()),
            unchanged: AtomicUsize::new(0),
        })
    }

    /// Files this build did not write because the previous output had them.
    pub fn unchanged(&self) -> usize {
        self.unchanged.load(Ordering::Relaxed)
    }

    /// Swaps the staged build in for the old output.
    pub fn commit(self) -> Result<()> {
        if self.had_manifest && self.target.is_dir() {
            self.carry_foreign_files()?;
        }
        stale::unmark(self.staging.path())?;
        let manifest_path = manifest::path_for(&self.target);
        let mut entries = self
            .entries
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // The old manifest stays until the swap is done: if the swap fails,
        // the old output is put back and still is a build's. (Killed between
        // the two, it describes the wrong files: a reused file's bytes are
        // hashed again, and at worst a page of the killed build is kept as
        // if someone had put it there.)
        let staging = self.staging.keep();
        if let Err(e) = swap(&self.target, &staging) {
            // The unmarked staging folder would never be swept: remove it now.
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
        // Without a manifest the next build simply writes every file.
        let _ = manifest::save(&manifest_path, &mut entries);
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
        let hash = manifest::hash(bytes);
        let entry = match self.previous.get(path) {
            Some(old) if old.hash == hash && old.len == bytes.len() as u64 => {
                self.reuse(path, *old, &full).map_or_else(
                    || write_new(&full, bytes, hash),
                    |()| {
                        self.unchanged.fetch_add(1, Ordering::Relaxed);
                        Ok(*old)
                    },
                )?
            }
            _ => write_new(&full, bytes, hash)?,
        };
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push((path.to_string(), entry));
        Ok(())
    }
}

impl Staged {
    /// Hard-links the previous build's file into staging, if it is still the
    /// file the manifest describes.
    fn reuse(&self, path: &str, old: Entry, full: &Path) -> Option<()> {
        let src = self.target.join(path);
        let meta = std::fs::symlink_metadata(&src).ok()?;
        if !old.matches(&meta) {
            return None;
        }
        // Length and time can match a different file (an edit within the
        // clock's resolution, a restored backup): the bytes must hash the same.
        if manifest::hash(&std::fs::read(&src).ok()?) != old.hash {
            return None;
        }
        match std::fs::hard_link(&src, full) {
            Ok(()) => Some(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                fsx::create_dir_all(full.parent()?).ok()?;
                std::fs::hard_link(&src, full).ok()
            }
            Err(_) => None,
        }
    }
}

impl Staged {
    /// Files in the old output that no build wrote (a `CNAME`, a search
    /// engine's verification page) are not planportal's to delete: they are
    /// hard-linked (or copied) into the new output, unless this build writes
    /// the same path.
    fn carry_foreign_files(&self) -> Result<()> {
        let written: std::collections::HashSet<String> = self
            .entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .iter()
            .map(|(p, _)| p.clone())
            .collect();
        for e in walkdir::WalkDir::new(&self.target).min_depth(1) {
            let e = e.with_context(|| format!("cannot read `{}`", self.target.display()))?;
            if e.file_type().is_dir() {
                continue;
            }
            let rel = e.path().strip_prefix(&self.target).unwrap_or(e.path());
            let key = rel.to_string_lossy().replace('\\', "/");
            if self.previous.contains_key(&key) || written.contains(&key) {
                continue;
            }
            let to = self.staging.path().join(rel);
            if let Some(p) = to.parent() {
                fsx::create_dir_all(p)?;
            }
            if std::fs::hard_link(e.path(), &to).is_err() {
                std::fs::copy(e.path(), &to).with_context(|| {
                    format!("cannot keep `{}` in the new output", e.path().display())
                })?;
            }
        }
        Ok(())
    }
}

/// Puts `staging` where `target` is, moving the previous output out of the
/// way first and putting it back if the second rename fails.
fn swap(target: &Path, staging: &Path) -> Result<()> {
    if !target.exists() {
        return fsx::rename(staging, target);
    }
    if !target.is_dir() {
        bail!("`{}` exists and is not a folder", target.display());
    }
    let old = stale::create(target, Kind::Old)?.keep();
    let old_site = old.join("site");
    if let Err(e) = fsx::rename(target, &old_site) {
        let _ = std::fs::remove_dir_all(&old);
        return Err(e);
    }
    if let Err(e) = fsx::rename(staging, target) {
        // Put the previous output back: never leave nothing behind.
        let _ = std::fs::rename(&old_site, target);
        let _ = std::fs::remove_dir_all(&old);
        return Err(e);
    }
    fsx::remove_dir_all(&old)
}

/// Writes a new file and returns its manifest entry.
fn write_new(full: &Path, bytes: &[u8], hash: u128) -> Result<Entry> {
    let context = || format!("cannot write `{}`", full.display());
    // A page is `…/slug/index.html`, alone in a folder nothing else made:
    // creating the folder first saves the failed open (a third of the calls).
    if full.ends_with("index.html") {
        if let Some(parent) = full.parent() {
            match std::fs::create_dir(parent) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(_) => fsx::create_dir_all(parent)?,
            }
        }
    }
    let mut file = match std::fs::File::create(full) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(parent) = full.parent() {
                fsx::create_dir_all(parent)?;
            }
            std::fs::File::create(full).with_context(context)?
        }
        Err(e) => return Err(e).with_context(context),
    };
    file.write_all(bytes).with_context(context)?;
    let meta = file.metadata().with_context(context)?;
    Ok(Entry::written(hash, &meta))
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
    use super::super::lock::Wait;
    use super::*;

    #[test]
    fn commit_replaces_and_drop_keeps_old() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("old.txt"), "old").unwrap();

        let lock = OutputLock::acquire(&out, Wait::Fail).unwrap();
        let s = Staged::begin(&out, &lock).unwrap();
        s.put("a/index.html", b"new").unwrap();
        drop(s); // a failed build
        assert_eq!(std::fs::read_to_string(out.join("old.txt")).unwrap(), "old");
        assert!(!out.join("a").exists());

        let s = Staged::begin(&out, &lock).unwrap();
        s.put("a/index.html", b"new").unwrap();
        s.commit().unwrap();
        drop(lock);
        assert!(!out.join("old.txt").exists());
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "new"
        );
        let mut leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        leftovers.sort();
        assert_eq!(leftovers, [".public.planportal-manifest", "public"]);
    }

    #[test]
    fn refuses_escaping_paths() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let lock = OutputLock::acquire(&out, Wait::Fail).unwrap();
        let s = Staged::begin(&out, &lock).unwrap();
        assert!(s.put("../evil", b"x").is_err());
    }
}
