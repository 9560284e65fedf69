//! `source:` on disk: the signed original must be a real file inside
//! `content/`, of a type a browser shows or downloads without running it,
//! and small enough to publish. The front-matter parser already refused
//! absolute paths and `..`; this checks what only the disk can tell
//! (existence, folders, symlinks pointing out, size) and records the size.

use std::path::Path;

use super::model::Document;
use crate::diag::Diagnostic;

/// Largest original published (100 MB): a scan larger than that is too
/// heavy for citizens on mobile data, and for most static hosts.
pub const MAX_BYTES: u64 = 100 * 1024 * 1024;

/// File types an original may be: documents and images, never HTML or SVG,
/// which would run scripts on the portal's own address.
pub const TYPES: &[&str] = &[
    "pdf", "doc", "docx", "odt", "rtf", "txt", "png", "jpg", "jpeg", "gif", "webp", "tif", "tiff",
];

const HELP_PLACE: &str = "put the signed original in content/ next to the .md file and write its file name: `source: ke-hoach.pdf`";

/// Checks `doc`'s `source:` and records its size; errors go to `diags`.
pub fn check(root: &Path, doc: &mut Document, diags: &mut Vec<Diagnostic>) {
    let Some(src) = doc.life.source.as_mut() else {
        return;
    };
    let shown = src.path.display().to_string();
    let mut fail = |msg: String, help: String| {
        diags.push(Diagnostic::error(msg).at(&doc.path, src.line).help(help));
    };
    let full = root.join(&src.path);
    let meta = match std::fs::symlink_metadata(&full) {
        Ok(m) => m,
        Err(_) => {
            fail(
                format!("`source`: `{shown}` does not exist"),
                format!("check the file name (letters, accents and case must match); {HELP_PLACE}"),
            );
            doc.life.source = None;
            return;
        }
    };
    let inside = match (
        std::fs::canonicalize(&full),
        std::fs::canonicalize(root.join("content")),
    ) {
        (Ok(f), Ok(c)) => f.starts_with(&c),
        _ => false,
    };
    if !inside {
        let what = if meta.file_type().is_symlink() {
            "is a link to a file outside `content/`"
        } else {
            "is outside `content/`"
        };
        fail(
            format!("`source`: `{shown}` {what}"),
            format!("copy the file itself into content/; {HELP_PLACE}"),
        );
        doc.life.source = None;
        return;
    }
    let meta = std::fs::metadata(&full).unwrap_or(meta);
    if meta.is_dir() {
        fail(
            format!("`source`: `{shown}` is a folder, not a file"),
            "name the signed file inside it, e.g. `source: ke-hoach.pdf`".into(),
        );
        doc.life.source = None;
        return;
    }
    if !meta.is_file() {
        fail(
            format!("`source`: `{shown}` is not a regular file"),
            HELP_PLACE.into(),
        );
        doc.life.source = None;
        return;
    }
    let ext = src
        .path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !TYPES.contains(&ext.as_str()) {
        fail(
            format!("`source`: `{shown}` is not a document or image file a portal can publish"),
            format!("the original may be one of: {}", TYPES.join(", ")),
        );
        doc.life.source = None;
        return;
    }
    if meta.len() > MAX_BYTES {
        fail(
            format!(
                "`source`: `{shown}` is {}, more than the 100 MB an original may be",
                human_size(meta.len())
            ),
            "scan at 150–200 dpi in black and white, or compress the PDF (e.g. \"Reduce file size\" in a PDF tool), then try again".into(),
        );
        doc.life.source = None;
        return;
    }
    src.size = meta.len();
}

/// `1,2 MB`, `17,7 KB`, `800 B`: Vietnamese decimal comma, one decimal.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 3] = ["KB", "MB", "GB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut v = bytes as f64 / 1024.0;
    let mut unit = 0;
    while v >= 1024.0 && unit < UNITS.len() - 1 {
        v /= 1024.0;
        unit += 1;
    }
    let s = format!("{v:.1}").replace('.', ",");
    let s = s.strip_suffix(",0").map(str::to_string).unwrap_or(s);
    format!("{s} {}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(human_size(800), "800 B");
        assert_eq!(human_size(18_100), "17,7 KB");
        assert_eq!(human_size(1_258_291), "1,2 MB");
        assert_eq!(human_size(2 * 1024 * 1024), "2 MB");
    }
}
