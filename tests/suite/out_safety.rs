//! `build --out` never destroys what a build did not write: the sources, a
//! folder above them, someone's non-empty folder; concurrent builds of one
//! output are serialised; stale working folders of killed builds go away.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::*;

fn site() -> Site {
    let s = Site::new();
    s.plan("mot", PLAN_FM, "Thân.\n");
    s
}

fn build_to(s: &Site, out: &Path, extra: &[&str]) -> Run {
    let mut args = vec!["--out", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    s.build_with(&args)
}

/// Every entry of the folder holding the site (the root's parent), so a
/// swap that replaced the root or its parent would show.
fn everything(s: &Site) -> BTreeMap<String, Vec<u8>> {
    tree(s.root())
}

#[test]
fn out_may_not_be_the_sources_or_above_them() {
    let s = site();
    s.write("themes/default/templates/404.html", "<p>404</p>\n");
    s.write("site.yaml", "title: Cổng\n");
    let root = s.root();
    let name = root.file_name().unwrap().to_str().unwrap();
    let before = everything(&s);
    for out in [
        root.to_path_buf(),
        root.join("."),
        root.join("content/.."),
        root.join("content"),
        root.join("content/plans"),
        root.join("content/new-folder"),
        root.join("themes"),
        root.join("themes/default/static"),
        root.join(format!("../{name}")),
        root.parent().unwrap().to_path_buf(),
        root.join("content/missing/../../.."),
    ] {
        let r = build_to(&s, &out, &["--force"]);
        r.code(2).says("thư mục đầu ra");
        assert_eq!(
            everything(&s),
            before,
            "--out {} touched the site",
            out.display()
        );
    }
    // Relative forms, from the site folder itself.
    for out in [".", "content", "./themes/x", ".."] {
        let r = s.run(&["build", "--out", out]);
        r.code(2);
        assert_eq!(everything(&s), before, "--out {out} touched the site");
    }
}

#[cfg(unix)]
#[test]
fn out_through_a_symlink_to_the_sources_is_refused() {
    let s = site();
    let elsewhere = tempfile::tempdir().unwrap();
    let alias = elsewhere.path().join("alias");
    std::os::unix::fs::symlink(s.root(), &alias).unwrap();
    let to_content = elsewhere.path().join("c");
    std::os::unix::fs::symlink(s.root().join("content"), &to_content).unwrap();
    let before = everything(&s);
    build_to(&s, &alias, &["--force"])
        .code(2)
        .says("chính là thư mục của trang");
    build_to(&s, &to_content.join("plans"), &["--force"])
        .code(2)
        .says("nằm trong `content/`");
    assert_eq!(everything(&s), before);
}

#[test]
fn a_non_empty_folder_no_build_wrote_needs_force() {
    let s = site();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tai-lieu");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("luan-van.odt"), "của tôi").unwrap();
    let r = build_to(&s, &out, &[]);
    r.code(2).says("--force");
    assert_eq!(
        std::fs::read_to_string(out.join("luan-van.odt")).unwrap(),
        "của tôi"
    );
    assert!(!out.join("index.html").exists());
    // An empty folder, or one a build wrote, needs no flag.
    let empty = dir.path().join("trong");
    std::fs::create_dir(&empty).unwrap();
    build_to(&s, &empty, &[]).ok();
    build_to(&s, &empty, &[]).ok();
    // --force replaces it.
    build_to(&s, &out, &["--force"]).ok();
    assert!(!out.join("luan-van.odt").exists());
    assert!(out.join("plans/mot/index.html").exists());
    build_to(&s, &out, &[]).ok();
    // A file where the folder should be is never replaced.
    let file = dir.path().join("tep");
    std::fs::write(&file, "x").unwrap();
    build_to(&s, &file, &["--force"]).code(2);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
}

#[test]
fn files_put_into_a_built_output_by_hand_survive_a_rebuild() {
    let s = site();
    s.built();
    s.write("public/CNAME", "kehoach.example.gov.vn\n");
    s.write(
        "public/xac-minh/google123.html",
        "google-site-verification\n",
    );
    s.plan("hai", PLAN_FM.replace("12/KH", "13/KH").as_str(), "Hai.\n");
    s.built();
    assert_eq!(s.read("CNAME"), "kehoach.example.gov.vn\n");
    assert_eq!(
        s.read("xac-minh/google123.html"),
        "google-site-verification\n"
    );
    assert!(s.has_page("/plans/hai/"));
    // Pages a build wrote still go when their plan goes.
    std::fs::remove_file(s.root().join("content/plans/hai.md")).unwrap();
    s.built();
    assert!(!s.has_page("/plans/hai/"));
    assert_eq!(s.read("CNAME"), "kehoach.example.gov.vn\n");
}

/// A site whose every page says which site it is.
fn marked_site(mark: &str, plans: usize) -> Site {
    let s = Site::new();
    s.write("site.yaml", &format!("title: Cổng {mark}\n"));
    for i in 0..plans {
        s.plan(
            &format!("{mark}-{i}"),
            &PLAN_FM.replace("12/KH", &format!("{}/KH", i + 1)),
            &format!("Kế hoạch {mark} số {i}.\n"),
        );
    }
    s
}

fn spawn_build(s: &Site, out: &Path) -> std::process::Child {
    Command::new(bin())
        .args(["build", "--root", s.root().to_str().unwrap(), "--out"])
        .arg(out)
        .env("SOURCE_DATE_EPOCH", EPOCH_2026_01_01)
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn concurrent_builds_into_one_output_never_mix() {
    let a = marked_site("alpha", 40);
    let b = marked_site("beta", 40);
    let refs = tempfile::tempdir().unwrap();
    let (ra, rb) = (refs.path().join("a"), refs.path().join("b"));
    build_to(&a, &ra, &[]).ok();
    build_to(&b, &rb, &[]).ok();
    let (ta, tb) = (tree(&ra), tree(&rb));
    assert_ne!(ta, tb);
    let shared = tempfile::tempdir().unwrap();
    let out = shared.path().join("www");
    for round in 0..8 {
        let (first, second) = if round % 2 == 0 { (&a, &b) } else { (&b, &a) };
        let p = spawn_build(first, &out);
        let q = spawn_build(second, &out);
        for child in [p, q] {
            let o = child.wait_with_output().unwrap();
            assert!(
                o.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&o.stderr)
            );
        }
        let t = tree(&out);
        assert!(
            t == ta || t == tb,
            "round {round}: the output mixes the two sites"
        );
        let beside: Vec<String> = std::fs::read_dir(shared.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(beside.len(), 2, "round {round}: {beside:?}");
    }
}

#[test]
fn a_second_build_waits_or_fails_fast_with_no_wait() {
    let s = site();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("www");
    build_to(&s, &out, &[]).ok();
    // Hold the lock the way a running build does.
    let lock_path = dir.path().join(".www.planportal-lock");
    let held = std::fs::File::create(&lock_path).unwrap();
    held.lock().unwrap();
    let start = std::time::Instant::now();
    build_to(&s, &out, &["--no-wait"])
        .code(2)
        .says("bản dựng khác");
    assert!(start.elapsed().as_secs() < 10, "--no-wait does not wait");

    let mut waiter = spawn_build(&s, &out);
    let mut stderr = waiter.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut text).unwrap();
        text
    });
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(
        waiter.try_wait().unwrap().is_none(),
        "the second build waits for the first"
    );
    held.unlock().unwrap();
    drop(held);
    let status = waiter.wait().unwrap();
    let text = reader.join().unwrap();
    assert!(status.success(), "{text}");
    assert!(text.contains("đang chờ"), "it says it waits: {text}");
    assert!(!lock_path.exists(), "the lock file is removed when done");
}

#[cfg(unix)]
#[test]
fn reuse_checks_the_bytes_not_only_length_and_time() {
    let s = site();
    s.built();
    let page = s.out().join("plans/mot/index.html");
    let good = std::fs::read(&page).unwrap();
    let mtime = std::fs::metadata(&page).unwrap().modified().unwrap();
    // Same length, same modification time, other bytes (a restored backup,
    // an edit within the clock's resolution, a disk error).
    let mut bad = good.clone();
    let i = bad.len() / 2;
    bad[i] = if bad[i] == b'x' { b'y' } else { b'x' };
    std::fs::write(&page, &bad).unwrap();
    let f = std::fs::File::options().write(true).open(&page).unwrap();
    f.set_modified(mtime).unwrap();
    drop(f);
    s.built();
    assert!(
        std::fs::read(&page).unwrap() == good,
        "the rebuild wrote the page again"
    );
}

#[cfg(unix)]
#[test]
fn working_folders_of_a_killed_build_are_removed_by_the_next() {
    let s = marked_site("lon", 300);
    let parent = s.root();
    let working = |p: &Path| -> Vec<String> {
        std::fs::read_dir(p)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".public.planportal-staging-"))
            .collect()
    };
    let mut child = spawn_build(&s, &s.out());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    // Killed only once its folder carries the ownership marker: a build
    // killed in the instant between making the folder and marking it leaves
    // a folder no build may claim, which is right but not what this tests.
    let marked = |p: &Path| {
        working(p).iter().any(|n| {
            std::fs::metadata(p.join(n).join(".planportal-owner")).is_ok_and(|m| m.len() > 0)
        })
    };
    while !marked(parent) {
        assert!(child.try_wait().unwrap().is_none(), "build ended too soon");
        assert!(std::time::Instant::now() < deadline);
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(working(parent).len(), 1, "the killed build left its folder");
    // A folder with a look-alike name that planportal did not make stays.
    s.write(".public.planportal-staging-cuatoi/ghi-chu.txt", "của tôi\n");
    s.built();
    assert_eq!(working(parent), [".public.planportal-staging-cuatoi"]);
    assert_eq!(
        std::fs::read_to_string(parent.join(".public.planportal-staging-cuatoi/ghi-chu.txt"))
            .unwrap(),
        "của tôi\n"
    );
}
