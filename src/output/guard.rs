//! Where `build --out` may write. The swap at the end of a build replaces
//! the output folder as a whole, so an output folder that holds the sources
//! (the site root, a folder above it) or sits among them (`content/`,
//! `themes/`) would delete them. Those are refused before anything is read
//! or written. Paths are compared after resolving symlinks and `..`, the
//! way the operating system will resolve them when the build writes.

use std::path::{Component, Path, PathBuf};

use crate::diag::Diagnostic;

/// The messages of this module, in one place.
mod msg {
    pub fn is_root(out: &str) -> String {
        format!("thư mục đầu ra `{out}` chính là thư mục của trang: bản dựng sẽ xoá nội dung nguồn")
    }
    pub fn is_ancestor(out: &str) -> String {
        format!("thư mục đầu ra `{out}` chứa thư mục của trang: bản dựng sẽ xoá nội dung nguồn")
    }
    pub fn inside(out: &str, what: &str) -> String {
        format!("thư mục đầu ra `{out}` nằm trong `{what}/`: bản dựng sẽ ghi đè lên nguồn")
    }
    pub fn holds(out: &str, what: &str) -> String {
        format!("thư mục đầu ra `{out}` chứa `{what}/` của trang: bản dựng sẽ xoá nó")
    }
    pub const PICK_ANOTHER: &str =
        "chọn một thư mục riêng cho trang đã dựng, ví dụ `--out public` (mặc định) hoặc `--out ../trang-web`";
    pub fn not_a_folder(out: &str) -> String {
        format!("`{out}` đã có và không phải là thư mục")
    }
    pub fn foreign(out: &str, n: usize) -> String {
        format!(
            "thư mục đầu ra `{out}` đã có {n} mục mà không do planportal tạo ra (không có tệp kê khai bên cạnh): bản dựng sẽ thay thế toàn bộ"
        )
    }
    pub const FOREIGN_HELP: &str =
        "chọn một thư mục trống hoặc chưa có; nếu chắc chắn muốn thay thế nội dung của nó, thêm `--force`";
    pub fn unreadable(out: &str, e: &std::io::Error) -> String {
        format!("không đọc được thư mục đầu ra `{out}`: {e}")
    }
}

/// Checks that `out` may receive a build of the site at `root` and returns
/// it resolved (absolute, symlinks followed): the path the build must use,
/// so that what was checked is what gets written. `force` allows replacing
/// a non-empty folder no build wrote; nothing allows the other refusals.
pub fn check(root: &Path, out: &Path, force: bool) -> Result<PathBuf, Diagnostic> {
    let shown = out.display().to_string();
    let io = |e: std::io::Error| Diagnostic::error(msg::unreadable(&shown, &e));
    let target = resolve(out).map_err(io)?;
    let root = resolve(root).map_err(io)?;
    let refuse = |m: String| Err(Diagnostic::error(m).help(msg::PICK_ANOTHER));
    if target == root {
        return refuse(msg::is_root(&shown));
    }
    if root.starts_with(&target) {
        return refuse(msg::is_ancestor(&shown));
    }
    for sub in ["content", "themes"] {
        // Both where the folder is and, for a symlinked `content/`, where it points.
        let lexical = root.join(sub);
        let real = resolve(&lexical).map_err(io)?;
        for place in [&lexical, &real] {
            if target.starts_with(place) {
                return refuse(msg::inside(&shown, sub));
            }
            if place.starts_with(&target) {
                return refuse(msg::holds(&shown, sub));
            }
        }
    }
    match std::fs::symlink_metadata(&target) {
        Ok(m) if !m.is_dir() => Err(Diagnostic::error(msg::not_a_folder(&shown))
            .help("chọn một thư mục, hoặc xoá tệp đó trước")),
        Ok(_) if !force && !super::manifest::exists(&super::manifest::path_for(&target)) => {
            let n = std::fs::read_dir(&target).map_err(io)?.count();
            if n == 0 {
                Ok(target)
            } else {
                Err(Diagnostic::error(msg::foreign(&shown, n)).help(msg::FOREIGN_HELP))
            }
        }
        Ok(_) => Ok(target),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(target),
        Err(e) => Err(io(e)),
    }
}

/// `p` made absolute with every existing part canonicalized (symlinks
/// followed) and the rest, which does not exist yet, normalized by hand.
pub fn resolve(p: &Path) -> std::io::Result<PathBuf> {
    let abs = std::path::absolute(p)?;
    let mut done = PathBuf::new();
    let mut exists = true;
    for c in abs.components() {
        match c {
            Component::Prefix(_) | Component::RootDir => done.push(c.as_os_str()),
            Component::CurDir => {}
            Component::ParentDir => {
                // `done` is canonical here, so its parent is the real parent.
                done.pop();
            }
            Component::Normal(name) => {
                done.push(name);
                if exists {
                    match std::fs::canonicalize(&done) {
                        Ok(real) => done = real,
                        Err(e) if e.kind() == std::io::ErrorKind::NotFound => exists = false,
                        Err(e) => return Err(e),
                    }
                }
            }
        }
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(d.path().join("site/content/plans")).unwrap();
        std::fs::create_dir_all(d.path().join("site/themes/default")).unwrap();
        d
    }

    #[test]
    fn refuses_the_sources_and_their_ancestors() {
        let d = site();
        let root = d.path().join("site");
        for bad in [
            root.clone(),
            root.join("."),
            root.join("content/.."),
            root.join("content"),
            root.join("content/plans"),
            root.join("content/new/deeper"),
            root.join("themes/default/static"),
            d.path().to_path_buf(),
            root.join("missing/../.."),
            PathBuf::from("/"),
        ] {
            assert!(check(&root, &bad, true).is_err(), "{}", bad.display());
        }
        assert!(check(&root, &root.join("public"), false).is_ok());
        assert!(check(&root, &d.path().join("www"), false).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn follows_symlinks() {
        let d = site();
        let root = d.path().join("site");
        std::os::unix::fs::symlink(&root, d.path().join("alias")).unwrap();
        std::os::unix::fs::symlink(root.join("content"), d.path().join("c")).unwrap();
        assert!(check(&root, &d.path().join("alias"), true).is_err());
        assert!(check(&root, &d.path().join("c/x"), true).is_err());
        // content/ itself a symlink to a folder elsewhere
        let elsewhere = d.path().join("store");
        std::fs::create_dir_all(elsewhere.join("plans")).unwrap();
        let root2 = d.path().join("site2");
        std::fs::create_dir(&root2).unwrap();
        std::os::unix::fs::symlink(&elsewhere, root2.join("content")).unwrap();
        assert!(check(&root2, &elsewhere.join("out"), true).is_err());
        assert!(check(&root2, &elsewhere, true).is_err());
    }

    #[test]
    fn a_foreign_non_empty_folder_needs_force() {
        let d = site();
        let root = d.path().join("site");
        let out = d.path().join("docs");
        std::fs::create_dir(&out).unwrap();
        assert!(check(&root, &out, false).is_ok(), "empty is fine");
        std::fs::write(out.join("thesis.odt"), "mine").unwrap();
        assert!(check(&root, &out, false).is_err());
        assert!(check(&root, &out, true).is_ok());
        std::fs::write(
            super::super::manifest::path_for(&out),
            "planportal output manifest 1\n",
        )
        .unwrap();
        assert!(check(&root, &out, false).is_ok(), "a build wrote it");
        let file = d.path().join("file");
        std::fs::write(&file, "x").unwrap();
        assert!(check(&root, &file, true).is_err());
    }
}
