//! Files that are not plain files (FIFOs, symlinks), a `theme:` that is a
//! path, and an unusable `SOURCE_DATE_EPOCH`: warned about or refused, never
//! a hang or a panic.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::*;

fn site() -> Site {
    let s = Site::new();
    s.plan("mot", PLAN_FM, "Thân.\n");
    s
}

fn mkfifo(p: &Path) {
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    let ok = Command::new("mkfifo").arg(p).status().unwrap().success();
    assert!(ok, "mkfifo");
}

/// `build --root <site>` that must end within 60 s (a FIFO opened for
/// reading would block it for ever).
fn build_in_time(s: &Site) -> Run {
    let mut child = Command::new(bin())
        .args(["build", "--root", s.root().to_str().unwrap()])
        .env("SOURCE_DATE_EPOCH", EPOCH_2026_01_01)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("the build hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let o = child.wait_with_output().unwrap();
    Run {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_named_site_yaml_is_skipped_with_a_warning() {
    let s = site();
    mkfifo(&s.root().join("site.yaml"));
    let r = build_in_time(&s);
    r.ok().warns().says("site.yaml").says("FIFO");
    assert!(s.has_page("/plans/mot/"));
}

#[cfg(unix)]
#[test]
fn special_files_in_content_are_skipped_with_a_warning() {
    let s = site();
    mkfifo(&s.root().join("content/plans/ong.md"));
    mkfifo(&s.root().join("content/documents/khac"));
    let r = build_in_time(&s);
    r.ok().warns().says("content/plans/ong.md").says("FIFO");
    assert!(s.has_page("/plans/mot/"));
    assert!(!s.has_page("/plans/ong/"));
}

#[cfg(unix)]
#[test]
fn content_symlinks_are_followed_inside_the_site_and_warned_about_outside() {
    let s = site();
    s.write(
        "shared/chung.md",
        &md(&PLAN_FM.replace("12/KH", "20/KH"), "Dùng chung.\n"),
    );
    std::os::unix::fs::symlink(
        s.root().join("shared/chung.md"),
        s.root().join("content/plans/chung.md"),
    )
    .unwrap();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("ngoai.md"),
        md(&PLAN_FM.replace("12/KH", "21/KH"), "Ở ngoài.\n"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("ngoai.md"),
        s.root().join("content/plans/ngoai.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        s.root().join("missing.md"),
        s.root().join("content/plans/gay.md"),
    )
    .unwrap();
    let r = s.build();
    r.ok()
        .says("content/plans/ngoai.md")
        .says("ra ngoài")
        .says("content/plans/gay.md");
    assert!(s.page("/plans/chung/").contains("Dùng chung."));
    assert!(!s.has_page("/plans/ngoai/"));
    assert!(!s.has_page("/plans/gay/"));
}

#[test]
fn theme_must_be_a_plain_folder_name() {
    for bad in ["../..", "/etc", "a/../../x", ".."] {
        let s = site();
        s.write("site.yaml", &format!("title: Cổng\ntheme: \"{bad}\"\n"));
        s.build().fails().located("site.yaml", 2).says("theme");
        assert!(!s.out().exists());
    }
    let s = site();
    s.write("site.yaml", "theme: lao-cai\n");
    s.write(
        "themes/lao-cai/templates/404.html",
        "<!doctype html><html lang=\"vi\"><body><p>RIÊNG</p></body></html>\n",
    );
    s.built();
    assert!(s.read("404.html").contains("RIÊNG"));
}

#[test]
fn an_unusable_source_date_epoch_is_refused_without_a_panic() {
    for bad in [
        "8210298412799",
        "253402300800",
        "-1",
        "-99999999999",
        "abc",
        "1e9",
        "99999999999999999999",
    ] {
        let s = site().at_epoch(bad);
        let r = s.build();
        r.code(2).says("SOURCE_DATE_EPOCH");
        assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
        assert!(!s.out().exists());
        s.check().code(2).says("SOURCE_DATE_EPOCH");
    }
    let s = site().at_epoch("253402300799");
    s.built();
}

#[test]
fn a_file_name_that_is_no_url_segment_is_an_error_with_a_safe_name() {
    for name in ["ke hoach", "a?b", "a#b", "50%", "a\"b", "<x>"] {
        let s = site();
        s.plan(name, &PLAN_FM.replace("12/KH", "30/KH"), "Thân.\n");
        s.build()
            .fails()
            .located(&format!("content/plans/{name}.md"), 1)
            .says("tên tệp");
        assert!(!s.out().exists());
    }
    // With a `slug:` the file name does not matter; letters of any script pass.
    let s = site();
    s.plan(
        "ke hoach",
        &format!("{}slug: ke-hoach-moi\n", PLAN_FM.replace("12/KH", "30/KH")),
        "Thân.\n",
    );
    s.plan(
        "kế-hoạch_2026.v2",
        &PLAN_FM.replace("12/KH", "31/KH"),
        "Hai.\n",
    );
    s.built();
    assert!(s.has_page("/plans/ke-hoach-moi/"));
    assert!(s.has_page("/plans/kế-hoạch_2026.v2/"));
}
