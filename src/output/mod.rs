//! Where rendered files go. The renderer only calls [`Output::put`]; it
//! never touches the disk, so `build` writes a folder and `serve` keeps
//! the site in memory through the same code.

pub mod disk;
pub mod guard;
pub mod lock;
pub mod manifest;
pub mod memory;
pub mod stale;

/// A sink for output files. `path` is relative to the output root and uses
/// `/` (`plans/x/index.html`). Called from several threads at once.
pub trait Output: Sync {
    fn put(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()>;
}

/// Rejects paths that would leave the output root. Slugs are validated when
/// content is parsed; this is the last line of defence.
pub fn is_safe_path(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && path
            .split('/')
            .all(|seg| !seg.is_empty() && seg != "." && seg != "..")
}

#[cfg(test)]
mod tests {
    #[test]
    fn safe_paths() {
        assert!(super::is_safe_path("plans/a/index.html"));
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "a/../../x",
            "a//b",
            "a\\b",
            "./a",
        ] {
            assert!(!super::is_safe_path(bad), "{bad}");
        }
    }
}
