//! `planportal import`: draft one Markdown plan per signed plan (.txt, .docx, .pdf).
//!
//! Communications staff start from the signed PDF or Word file, not from
//! Markdown. This module turns such a file into a draft with front matter
//! filled from the text, each field only when the text states it, and prints
//! what it found and what it could not, so `check` and `serve` take over from
//! there. It owns the command's orchestration: reading every input, naming
//! the files, refusing to overwrite, writing atomically, and the report.
//!
//! - [`read`]: bytes and formats → text (encodings, .docx, pdftotext);
//! - [`clean`]: layout noise → lines → paragraphs;
//! - [`header`] and [`names`]: issuer, number, date, title;
//! - [`refs`]: basis and campaigns, with the legal chain's citation parser;
//! - [`body`] and [`tail`]: Markdown body and the closing block;
//! - [`ocr`]: known OCR misreadings, undone only in the words that matter;
//! - [`frontmatter`]: the YAML text; [`draft`]: one text → one draft;
//! - [`report`]: the officer's checklist, in Vietnamese.

pub mod body;
pub mod clean;
pub mod draft;
pub mod frontmatter;
pub mod header;
pub mod names;
pub mod ocr;
pub mod original;
pub mod person;
pub mod place;
pub mod read;
pub mod refs;
pub mod report;
pub mod tail;

use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::cli::ImportArgs;
use crate::content::{document, model::Section};
use crate::diag::{Diagnostic, Diagnostics};
use crate::text::slugify;

use draft::Draft;

/// Runs the command: every file is handled on its own, so one bad input
/// neither stops the others nor leaves anything half-written.
pub fn run(a: &ImportArgs) -> (Diagnostics, bool) {
    let mut diags = Diagnostics::default();
    // The contract: `--to` is relative to `--root` (an absolute one stays as is).
    let to = match &a.to {
        Some(t) => a.root.root.join(t),
        None => a.root.root.join("content").join("plans"),
    };
    let mut drafts: Vec<(PathBuf, Draft, Option<String>)> = Vec::new();
    for f in &a.files {
        match read::read(f) {
            Ok(input) => {
                let d = draft::draft(&input.text, input.paragraphs, a.jurisdiction.as_deref());
                drafts.push((f.clone(), d, input.encoding_note));
            }
            Err(e) => {
                println!(
                    "{}: {}: {}\n",
                    f.display(),
                    t("chưa nhập được", "not imported"),
                    e.message
                );
                diags.push(Diagnostic::error(e.message).at(f, None).help(e.help));
            }
        }
    }
    let names = file_names(&drafts);
    for ((src, mut d, enc), name) in drafts.into_iter().zip(names) {
        let target = to.join(format!("{name}.md"));
        let from = |name: String| {
            if vi() {
                format!(
                    "Bản nháp do `planportal import` soạn từ {name}: hãy đối chiếu với bản đã ký."
                )
            } else {
                format!(
                    "Drafted by `planportal import` from {name}: check it against the signed plan."
                )
            }
        };
        d.front.notes = vec![from(src.file_name().map_or_else(
            || src.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ))];
        if d.front.draft {
            d.front.notes.push(
                t(
                    "draft: true cho đến khi điền đủ các mục còn thiếu dưới đây.",
                    "draft: true until the missing fields below are filled.",
                )
                .into(),
            );
        }
        d.front.source = src.file_name().map(|n| n.to_string_lossy().into_owned());
        let text = format!("{}\n{}", frontmatter::render(&d.front), d.body);
        let outcome = validate(&target, &name, &text).and_then(|()| {
            let kept = original::keep(&src, &target, a.force)?;
            write(&target, &text, a.force).inspect_err(|_| original::undo(kept.as_deref()))
        });
        match outcome {
            Ok(()) => {
                print!("{}", report::report(&src, &target, &d, enc.as_deref()));
                diags.extend(original::suggestions(&target, &name, &text));
            }
            Err(e) => {
                println!(
                    "{}: {}: {}\n",
                    src.display(),
                    t("chưa nhập được", "not imported"),
                    e.message()
                );
                diags.push(e.at(&src, None));
            }
        }
    }
    let ok = !diags.has_errors();
    (diags, ok)
}

/// The officer's language for import's own words (`--lang`, else the site's).
fn vi() -> bool {
    crate::diag::lang() == crate::diag::Lang::Vi
}

/// `vi` or `en` by [`vi`].
fn t(vi_text: &'static str, en_text: &'static str) -> &'static str {
    if vi() {
        vi_text
    } else {
        en_text
    }
}

/// `lao-cai-2026`: jurisdiction and year, or the input's own name when the
/// text says neither. Inputs that would share a name all get a suffix (the
/// number, else the first words of the title), then a counter if needed.
fn file_names(drafts: &[(PathBuf, Draft, Option<String>)]) -> Vec<String> {
    let base: Vec<String> = drafts
        .iter()
        .map(|(src, d, _)| {
            let place = d.front.jurisdiction.as_deref().map(slugify);
            match (place, d.year) {
                (Some(p), Some(y)) if !p.is_empty() => format!("{p}-{y}"),
                (Some(p), None) if !p.is_empty() => p,
                _ => src
                    .file_stem()
                    .map(|s| slugify(&s.to_string_lossy()))
                    .unwrap_or_default(),
            }
        })
        .map(|n| if n.is_empty() { "plan".to_string() } else { n })
        .collect();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for b in &base {
        *count.entry(b.as_str()).or_default() += 1;
    }
    let mut used: Vec<String> = Vec::new();
    for (i, b) in base.iter().enumerate() {
        let mut name = b.clone();
        if count[b.as_str()] > 1 {
            let d = &drafts[i].1;
            let suffix = d.number_slug.clone().unwrap_or_else(|| {
                let t = slugify(&d.front.title);
                let t = t.strip_prefix("ke-hoach-").unwrap_or(&t);
                t.split('-').take(5).collect::<Vec<_>>().join("-")
            });
            if !suffix.is_empty() {
                name = format!("{b}-{suffix}");
            }
        }
        let stem = name.clone();
        let mut k = 2;
        while used.contains(&name) {
            name = format!("{stem}-{k}");
            k += 1;
        }
        used.push(name);
    }
    used
}

/// The draft must pass the same validator as `check`: an import that wrote
/// front matter `check` rejects would be a bug, so nothing is written then.
fn validate(target: &Path, stem: &str, text: &str) -> Result<(), Diagnostic> {
    let parsed = document::parse(target, Section::Plan, stem, text);
    match parsed.diagnostics.iter().find(|d| d.is_error()) {
        Some(e) => Err(Diagnostic::error(if vi() {
            format!(
                "phần khai báo soạn ra bị `check` từ chối ({}); chưa ghi tệp nào",
                e.text(crate::diag::Lang::Vi).message
            )
        } else {
            format!(
                "import produced front matter that `check` rejects ({}); nothing was written",
                e.text(crate::diag::Lang::En).message
            )
        })
        .help(t(
            "đây là lỗi của `planportal import`: hãy báo lại kèm tệp đầu vào",
            "this is a bug in `planportal import`: please report it with the input file",
        ))),
        None => Ok(()),
    }
}

/// Writes through a temporary file in the same folder and a rename, so a
/// reader never sees half a file; without `force` the rename itself refuses
/// to replace an existing file.
fn write(target: &Path, text: &str, force: bool) -> Result<(), Diagnostic> {
    let io = |e: std::io::Error| {
        Diagnostic::error(if vi() {
            format!("không ghi được {}: {e}", target.display())
        } else {
            format!("cannot write {}: {e}", target.display())
        })
        .help(t(
            "kiểm tra thư mục có tồn tại và ghi được không, hoặc chọn thư mục khác bằng --to",
            "check that the folder exists and is writable, or choose another with --to",
        ))
    };
    let exists = || {
        Diagnostic::error(if vi() {
            format!("{} đã có", target.display())
        } else {
            format!("{} already exists", target.display())
        })
        .help(t(
            "thêm --force để ghi đè, hoặc chuyển tệp cũ đi chỗ khác trước",
            "pass --force to overwrite it, or move it away first",
        ))
    };
    if target.exists() && !force {
        return Err(exists());
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".import-")
        .suffix(".md.tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(text.as_bytes()).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    if force {
        tmp.persist(target).map_err(|e| io(e.error))?;
    } else {
        tmp.persist_noclobber(target).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                exists()
            } else {
                io(e.error)
            }
        })?;
    }
    Ok(())
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;

#[cfg(test)]
#[path = "scan_tests.rs"]
mod scan_tests;
