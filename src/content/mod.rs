//! Loading `content/`: find the files, parse each on its own, in parallel.
//!
//! No cross-file logic lives here except the one check that needs every
//! file: two files may not claim the same URL.

pub mod aliases;
pub mod body;
pub mod controls;
pub mod document;
pub mod front_matter;
pub mod model;
pub mod observance_names;
pub mod source;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::diag::{Diagnostic, Diagnostics};
use model::{Document, Section};

/// One file to parse: where it is and which section it belongs to.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the site root.
    pub rel: PathBuf,
    pub section: Section,
}

/// Lists the Markdown files under `root/content/<section>/`, sorted, skipping
/// hidden and editor temporary files.
pub fn discover(root: &Path) -> Vec<SourceFile> {
    discover_warning(root).0
}

/// [`discover`], with a warning for each file it skips that a user may have
/// meant: special files (FIFOs, sockets, devices: never opened), and
/// symlinks leading outside the site or to a folder. A symlink to a file
/// inside the site is followed.
pub fn discover_warning(root: &Path) -> (Vec<SourceFile>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    let real_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    for section in Section::ALL {
        let dir = root.join("content").join(section.dir());
        for entry in walkdir::WalkDir::new(&dir)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| !is_hidden(e.file_name()))
            .filter_map(Result::ok)
        {
            let rel = || {
                entry
                    .path()
                    .strip_prefix(root)
                    .unwrap_or(entry.path())
                    .to_path_buf()
            };
            let ft = entry.file_type();
            if let Some(kind) = crate::fsx::special_kind(ft) {
                warnings.push(crate::fsx::special_warning(&rel(), kind).at(rel(), None));
                continue;
            }
            if !is_markdown(entry.path()) {
                continue;
            }
            if ft.is_symlink() {
                match symlink_target(entry.path(), &real_root) {
                    Ok(()) => {}
                    Err(why) => {
                        warnings.push(
                            Diagnostic::warning(format!(
                                "`{}` là liên kết tượng trưng (symlink) {why}: bỏ qua",
                                rel().display()
                            ))
                            .at(rel(), None)
                            .help("chép tệp vào trong thư mục của trang thay cho liên kết"),
                        );
                        continue;
                    }
                }
            } else if !ft.is_file() {
                continue;
            }
            out.push(SourceFile {
                rel: rel(),
                section,
            });
        }
    }
    (out, warnings)
}

/// Ok when the symlink `link` leads to a regular file inside the site; else
/// why not, for the warning.
fn symlink_target(link: &Path, real_root: &Path) -> Result<(), &'static str> {
    let target = std::fs::canonicalize(link).map_err(|_| "trỏ tới một tệp không còn")?;
    if !target.starts_with(real_root) {
        return Err("trỏ ra ngoài thư mục của trang");
    }
    let meta = std::fs::metadata(&target).map_err(|_| "trỏ tới một tệp không đọc được")?;
    if crate::fsx::special_kind(meta.file_type()).is_some() {
        return Err("trỏ tới một tệp đặc biệt (FIFO, socket, thiết bị)");
    }
    if !meta.is_file() {
        return Err("trỏ tới một thư mục");
    }
    Ok(())
}

/// A file name becomes a URL segment as it is: letters (any script), digits,
/// `-`, `_`, `.` pass; a space, `?`, `#`, `%` or a quote would break the
/// link or change its meaning.
fn is_url_segment(stem: &str) -> bool {
    !stem.is_empty()
        && !stem.starts_with('.')
        && stem
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    let n = name.to_string_lossy();
    n.starts_with('.') || n.ends_with('~') || n.starts_with('#')
}

pub fn is_markdown(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "md")
}

/// Reads and parses one file. A file that is not UTF-8 is refused with the
/// line of its first bad byte, since guessing an encoding would garble names.
/// The body is released once parsed (see [`body`]) unless `keep_body` says
/// to keep a body of that many bytes.
pub fn load_file(
    root: &Path,
    src: &SourceFile,
    keep_body: &(dyn Fn(usize) -> bool + Sync),
) -> document::Parsed {
    let (bytes, stamp) = match body::read_stamped(&root.join(&src.rel)) {
        Ok(b) => b,
        Err(e) => {
            return document::Parsed {
                document: None,
                diagnostics: vec![
                    Diagnostic::error(format!("cannot read the file: {e}")).at(&src.rel, None)
                ],
            }
        }
    };
    let text = match crate::text::utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
            let col = String::from_utf8_lossy(
                &bytes[bytes[..valid]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |i| i + 1)..valid],
            )
            .chars()
            .count()
                + 1;
            return document::Parsed {
                document: None,
                diagnostics: vec![Diagnostic::error("the file is not UTF-8 text")
                    .at(&src.rel, Some(line))
                    .col(Some(col))
                    .help("save it as UTF-8 (in Word: Save As → Plain Text → Unicode (UTF-8))")],
            };
        }
    };
    let stem = src
        .rel
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut parsed = document::parse(&src.rel, src.section, &stem, &text);
    if parsed.document.as_ref().is_some_and(|d| d.slug == stem) && !is_url_segment(&stem) {
        parsed.document = None;
        parsed.diagnostics.push(
            Diagnostic::error(format!(
                "tên tệp `{stem}` không dùng được làm địa chỉ trang: chỉ chữ, số, `-`, `_` và `.`"
            ))
            .at(&src.rel, Some(1))
            .help(format!(
                "đổi tên tệp thành `{}.md`, hoặc thêm `slug: {}` vào phần đầu",
                crate::text::slugify(&stem),
                crate::text::slugify(&stem)
            )),
        );
    }
    if let Some(doc) = parsed.document.as_mut() {
        source::check(root, doc, &mut parsed.diagnostics);
        if !keep_body(doc.body.get().map_or(0, str::len)) {
            doc.body.release(stamp);
        }
    }
    parsed
}

/// Bytes of Markdown bodies [`load`] keeps in memory by default (about 9,000
/// plans): past that, bodies are released once parsed and the renderer reads
/// each again when it renders the page, so memory stays flat at any size while
/// a small site does not read every file twice.
pub const BODY_BUDGET: usize = 64 << 20;

/// Loads every content file. Documents come back sorted by id; the bodies
/// that do not fit in `budget` bytes come back released.
pub fn load(root: &Path, budget: usize, diags: &mut Diagnostics) -> Vec<Document> {
    let (files, warnings) = discover_warning(root);
    diags.extend(warnings);
    let kept = AtomicUsize::new(0);
    let within_budget = |len: usize| {
        kept.fetch_add(len, Ordering::Relaxed)
            .checked_add(len)
            .is_some_and(|total| total <= budget)
    };
    let parsed: Vec<document::Parsed> = files
        .par_iter()
        .map(|f| load_file(root, f, &within_budget))
        .collect();
    let mut docs = Vec::with_capacity(parsed.len());
    for p in parsed {
        diags.extend(p.diagnostics);
        docs.extend(p.document);
    }
    check_unique_ids(&mut docs, diags);
    docs
}

/// Two files with the same URL would overwrite each other: refuse, naming both.
pub fn check_unique_ids<D: AsRef<Document>>(docs: &mut Vec<D>, diags: &mut Diagnostics) {
    docs.sort_by(|a, b| {
        let (a, b) = (a.as_ref(), b.as_ref());
        a.id.cmp(&b.id).then_with(|| a.path.cmp(&b.path))
    });
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    docs.retain(|d| {
        let d = d.as_ref();
        match seen.get(&d.id) {
            Some(first) => {
                diags.push(
                    Diagnostic::error(format!(
                        "`{}` and `{}` both publish `{}`",
                        first.display(),
                        d.path.display(),
                        d.url()
                    ))
                    .at(&d.path, Some(1))
                    .help("rename one file or give it a different `slug:`"),
                );
                false
            }
            None => {
                seen.insert(d.id.clone(), d.path.clone());
                true
            }
        }
    });
}
