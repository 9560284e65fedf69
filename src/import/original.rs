//! The signed file a draft was imported from, kept beside the draft as its
//! `source:`, and the change sentences (thay thế, sửa đổi, bãi bỏ) the
//! officer should record in the front matter.

use std::path::{Path, PathBuf};

use crate::content::{change_hints, document, model::Section};
use crate::diag::Diagnostic;

/// Copies `src` next to `draft` under its own name, byte for byte. Returns
/// the copy's path when this call created it (for [`undo`]), `None` when the
/// file already was there. An existing different file is replaced only with
/// `force`.
pub fn keep(src: &Path, draft: &Path, force: bool) -> Result<Option<PathBuf>, Diagnostic> {
    let Some(name) = src.file_name() else {
        return Ok(None);
    };
    let dir = draft.parent().unwrap_or(Path::new("."));
    let dest = dir.join(name);
    let io = |e: std::io::Error| {
        let vi = crate::diag::lang() == crate::diag::Lang::Vi;
        Diagnostic::error(if vi {
            format!("không giữ được bản gốc thành {}: {e}", dest.display())
        } else {
            format!("cannot keep the original as {}: {e}", dest.display())
        })
        .help(if vi {
            "kiểm tra thư mục có ghi được không, hoặc chọn thư mục khác bằng --to"
        } else {
            "check that the folder is writable, or choose another with --to"
        })
    };
    let bytes = std::fs::read(src).map_err(io)?;
    if dest.exists() {
        if std::fs::read(&dest).is_ok_and(|b| b == bytes) {
            return Ok(None);
        }
        if !force {
            let vi = crate::diag::lang() == crate::diag::Lang::Vi;
            return Err(Diagnostic::error(if vi {
                format!("{} đã có và khác tệp đang nhập", dest.display())
            } else {
                format!(
                    "{} already exists and differs from the file imported",
                    dest.display()
                )
            })
            .help(if vi {
                "thêm --force để ghi đè, hoặc đổi tên một trong hai tệp"
            } else {
                "pass --force to overwrite it, or rename one of the two files"
            }));
        }
    }
    std::fs::create_dir_all(dir).map_err(io)?;
    std::fs::write(&dest, &bytes).map_err(io)?;
    Ok(Some(dest))
}

/// Removes a copy [`keep`] made, when the draft itself could not be written.
pub fn undo(kept: Option<&Path>) {
    if let Some(p) = kept {
        let _ = std::fs::remove_file(p);
    }
}

/// Change sentences in the drafted text that its front matter does not
/// record, as warnings at the draft's lines, with the line to add.
pub fn suggestions(target: &Path, stem: &str, text: &str) -> Vec<Diagnostic> {
    let parsed = document::parse(target, Section::Plan, stem, text);
    let Some(doc) = parsed.document else {
        return Vec::new();
    };
    let body = doc.body.get().unwrap_or_default();
    change_hints::suggestions(&doc, body)
}
