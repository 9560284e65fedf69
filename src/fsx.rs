//! File-system helpers whose errors always name the path.

use std::path::Path;

use anyhow::{Context, Result};

pub fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))
}

pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent() {
        create_dir_all(parent)?;
    }
    std::fs::write(path, bytes).with_context(|| format!("cannot write `{}`", path.display()))
}

pub fn create_dir_all(path: &Path) -> Result<()> {
    std::fs::create_dir_all(path)
        .with_context(|| format!("cannot create folder `{}`", path.display()))
}

pub fn remove_dir_all(path: &Path) -> Result<()> {
    std::fs::remove_dir_all(path)
        .with_context(|| format!("cannot remove folder `{}`", path.display()))
}

pub fn rename(from: &Path, to: &Path) -> Result<()> {
    std::fs::rename(from, to)
        .with_context(|| format!("cannot move `{}` to `{}`", from.display(), to.display()))
}

pub fn remove_file(path: &Path) -> Result<()> {
    std::fs::remove_file(path).with_context(|| format!("cannot remove `{}`", path.display()))
}

/// What a special file is (a FIFO, a socket, a device), for a warning; None
/// for files, folders and symlinks. Opening a FIFO blocks until someone
/// writes to it, and reading a device may never end: such files are skipped,
/// never opened.
pub fn special_kind(file_type: std::fs::FileType) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("một ống dẫn (FIFO)");
        }
        if file_type.is_socket() {
            return Some("một socket");
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return Some("một thiết bị");
        }
    }
    let _ = file_type;
    None
}

/// The warning for a special file that is skipped.
pub fn special_warning(shown: &Path, kind: &str) -> crate::diag::Diagnostic {
    crate::diag::Diagnostic::warning(format!(
        "`{}` là {kind}, không phải tệp thường: bỏ qua, không đọc",
        shown.display()
    ))
    .help("thay nó bằng một tệp văn bản thường, hoặc xoá nó")
}
