//! What the previous build wrote, so the next one can keep unchanged files.
//!
//! The manifest lists every output file with a 128-bit hash of its bytes,
//! its length and its modification time. It lives beside the output folder
//! (`.public.planportal-manifest` for `public/`), not in it, so it is never
//! deployed. A file is reused only when the new bytes hash the same *and* the
//! old file still has the length and time the manifest recorded: a file
//! edited by hand in the output folder is written again.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// One output file as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub hash: u128,
    pub len: u64,
    /// Nanoseconds since the Unix epoch; 0 when the file system gives no time.
    pub mtime: u128,
}

impl Entry {
    /// The entry of a file just written with bytes hashing to `hash`.
    pub fn written(hash: u128, meta: &std::fs::Metadata) -> Entry {
        Entry {
            hash,
            len: meta.len(),
            mtime: mtime_ns(meta),
        }
    }

    /// True when `meta` (of the old output file) is the file this entry describes.
    pub fn matches(&self, meta: &std::fs::Metadata) -> bool {
        meta.is_file() && meta.len() == self.len && mtime_ns(meta) == self.mtime && self.mtime != 0
    }
}

pub fn hash(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

fn mtime_ns(meta: &std::fs::Metadata) -> u128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

/// Where the manifest of the output folder `target` lives.
pub fn path_for(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.planportal-manifest"))
}

const HEADER: &str = "planportal output manifest 1";

/// Whether `path` is a manifest (checks its first line only).
pub fn exists(path: &Path) -> bool {
    use std::io::BufRead;
    let Ok(f) = std::fs::File::open(path) else {
        return false;
    };
    let mut first = String::new();
    std::io::BufReader::new(f.take(256))
        .read_line(&mut first)
        .is_ok()
        && first.trim_end() == HEADER
}

/// Reads a manifest; None when it is missing or not a manifest (then
/// everything is written, and nothing in the folder counts as a build's).
pub fn load(path: &Path) -> Option<HashMap<String, Entry>> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut lines = text.lines();
    if lines.next() != Some(HEADER) {
        return None;
    }
    let entries = lines
        .filter_map(|l| {
            let mut f = l.splitn(4, ' ');
            let hash = u128::from_str_radix(f.next()?, 16).ok()?;
            let len = f.next()?.parse().ok()?;
            let mtime = f.next()?.parse().ok()?;
            Some((f.next()?.to_string(), Entry { hash, len, mtime }))
        })
        .collect();
    Some(entries)
}

/// Writes a manifest atomically (a temporary file renamed over the old one).
pub fn save(path: &Path, entries: &mut [(String, Entry)]) -> anyhow::Result<()> {
    use std::fmt::Write;
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let mut text = String::with_capacity(entries.len() * 96);
    text.push_str(HEADER);
    text.push('\n');
    for (p, e) in entries.iter() {
        let _ = writeln!(text, "{:032x} {} {} {p}", e.hash, e.len, e.mtime);
    }
    let tmp = path.with_extension("tmp");
    crate::fsx::write(&tmp, text.as_bytes())?;
    crate::fsx::rename(&tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_foreign_files() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        let path = path_for(&target);
        assert_eq!(path, dir.path().join(".public.planportal-manifest"));
        assert!(load(&path).is_none(), "no manifest yet");
        let e = Entry {
            hash: hash(b"<html>"),
            len: 6,
            mtime: 1_780_000_000_123_456_789,
        };
        let mut entries = vec![
            ("plans/a b/index.html".to_string(), e),
            ("index.html".to_string(), e),
        ];
        save(&path, &mut entries).unwrap();
        let back = load(&path).unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back["plans/a b/index.html"], e, "paths may hold spaces");
        std::fs::write(&path, "something else\n0 1 2 x\n").unwrap();
        assert!(load(&path).is_none());
    }
}
