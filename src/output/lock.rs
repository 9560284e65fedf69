//! One build at a time per output folder.
//!
//! Two builds swapping into the same folder at once could leave one site's
//! manifest beside the other's files, or the files of both. A build holds an
//! exclusive lock on `.<name>.planportal-lock` beside the output from before
//! it reads the old output until its swap and manifest are done. The lock is
//! the operating system's (`flock`), so a killed build releases it.
//!
//! The file is removed when the build ends, so nothing is left beside the
//! output. That is safe because a build that got the lock checks the path
//! still names the file it locked, and starts over if not.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;

/// What to do when another build holds the lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Wait {
    /// Say so on stderr and wait for it to finish.
    #[default]
    Wait,
    /// Give up at once (`build --no-wait`).
    Fail,
}

/// Held while a build writes; released (and the file removed) on drop.
#[derive(Debug)]
pub struct OutputLock {
    path: PathBuf,
    file: File,
}

/// Where the lock of the output folder `target` lives.
pub fn path_for(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.planportal-lock"))
}

impl OutputLock {
    /// Locks the output folder `target` (absolute, resolved), creating its
    /// parent folder if needed.
    pub fn acquire(target: &Path, wait: Wait) -> Result<OutputLock, Diagnostic> {
        let path = path_for(target);
        let io = |e: std::io::Error| {
            Diagnostic::error(format!(
                "không khoá được thư mục đầu ra (tệp khoá `{}`): {e}",
                path.display()
            ))
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        let mut said = false;
        loop {
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(io)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) if wait == Wait::Fail => {
                    return Err(Diagnostic::error(format!(
                        "một bản dựng khác đang ghi vào `{}`",
                        target.display()
                    ))
                    .help("chờ bản dựng đó xong rồi chạy lại, hoặc bỏ `--no-wait` để tự chờ"));
                }
                Err(TryLockError::WouldBlock) => {
                    if !said {
                        // Printed at once, not with the diagnostics at the end:
                        // the officer must know why nothing is happening.
                        eprintln!(
                            "đang chờ: một bản dựng khác đang ghi vào `{}` …",
                            target.display()
                        );
                        said = true;
                    }
                    file.lock().map_err(io)?;
                }
                Err(TryLockError::Error(e)) => return Err(io(e)),
            }
            if same_file(&file, &path) {
                return Ok(OutputLock { path, file });
            }
            // The holder removed the file as it finished: lock the new one.
        }
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        // Removed while still locked, so a waiter sees it is stale and retries.
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Windows does not let a locked, open file be removed, so the path always
/// names the locked file.
#[cfg(not(unix))]
fn same_file(_: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_fails_fast_and_works_after_release() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("public");
        let a = OutputLock::acquire(&out, Wait::Fail).unwrap();
        assert!(path_for(&out).exists());
        assert!(OutputLock::acquire(&out, Wait::Fail).is_err());
        drop(a);
        assert!(
            !path_for(&out).exists(),
            "nothing is left beside the output"
        );
        let b = OutputLock::acquire(&out, Wait::Fail).unwrap();
        drop(b);
    }

    #[test]
    fn a_waiter_gets_the_lock_when_the_holder_ends() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("public");
        let a = OutputLock::acquire(&out, Wait::Fail).unwrap();
        let out2 = out.clone();
        let t = std::thread::spawn(move || OutputLock::acquire(&out2, Wait::Wait).map(drop));
        std::thread::sleep(std::time::Duration::from_millis(100));
        assert!(!t.is_finished(), "the second build waits");
        drop(a);
        t.join().unwrap().unwrap();
    }
}
