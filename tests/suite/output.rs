//! The output folder: atomic swaps (a failed build changes nothing and
//! leaves no staging folder), byte-identical rebuilds, theme overrides.

use std::collections::BTreeSet;

use crate::support::*;

/// A site touching most features: plans, documents, a stub, a body citation,
/// campaigns, several places.
fn rich_site() -> Site {
    let s = Site::new();
    s.doc(
        "kl-149",
        "title: Kết luận về công tác dân số
number: 149-KL/TW
issuer: Bộ Chính trị
jurisdiction: Trung ương
date: 2025-04-10
basis:
  - 21-NQ/TW",
        "Kết luận.\n",
    );
    s.plan(
        "lao-cai",
        "title: Kế hoạch dân số Lào Cai 2026
number: 12/KH-UBND
issuer: Ủy ban nhân dân tỉnh Lào Cai
jurisdiction: Lào Cai
date: 2026-01-15
basis:
  - Kết luận số 149-KL/TW ngày 10/4/2025 của Bộ Chính trị
campaigns:
  - Ngày Dân số thế giới (11/7)
  - { name: Tháng hành động quốc gia về Dân số, month: 12 }",
        "## Căn cứ\n\nThực hiện Quyết định số 1745/QĐ-TTg ngày 15/8/2025 của Thủ tướng Chính phủ.\n\n\
         | a | b |\n|---|---|\n| 1 | 2 |\n",
    );
    s.plan(
        "lai-chau",
        "title: Kế hoạch dân số Lai Châu
number: 30/KH-UBND
issuer: Ủy ban nhân dân tỉnh Lai Châu
jurisdiction: Lai Châu
date: 2025-08-20
campaigns:
  - Ngày Quốc tế trẻ em gái (11/10)",
        "Thân[^1].\n\n[^1]: Chú thích.\n",
    );
    s
}

/// Names of the entries directly in `dir`.
fn entries(dir: &std::path::Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn failed_build_leaves_previous_output_byte_for_byte() {
    let s = rich_site();
    s.built();
    let before = tree(&s.out());
    assert!(before.contains_key("plans/lao-cai/index.html"));
    let mtime = std::fs::metadata(s.out().join("plans/lao-cai/index.html"))
        .unwrap()
        .modified()
        .unwrap();

    // A new plan, then a broken one: the build must fail and change nothing.
    s.plan("moi", PLAN_FM, "Mới.\n");
    s.write(
        "content/plans/lao-cai.md",
        "---\ntitle: Hỏng\nissuer: UBND\ndate: 31/6/2025\n---\n",
    );
    s.build().fails();

    let after = tree(&s.out());
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "same files"
    );
    for (k, v) in &before {
        assert!(after[k] == *v, "{k} changed after a failed build");
    }
    let mtime2 = std::fs::metadata(s.out().join("plans/lao-cai/index.html"))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(mtime, mtime2, "files were not even rewritten");
}

#[test]
fn no_staging_folder_is_left_beside_the_output() {
    let s = rich_site();
    // The manifest of what was written (to skip unchanged files next time)
    // sits beside the output, never in it.
    let expected: BTreeSet<String> = [".public.planportal-manifest", "content", "public"]
        .iter()
        .map(|x| x.to_string())
        .collect();
    s.built();
    assert_eq!(entries(s.root()), expected, "after a good build");
    s.built();
    assert_eq!(entries(s.root()), expected, "after a rebuild");
    s.write("content/plans/lao-cai.md", "---\ntitle: x\n");
    s.build().fails();
    assert_eq!(entries(s.root()), expected, "after a failed build");
}

#[test]
fn no_staging_folder_is_left_beside_a_custom_out() {
    let s = rich_site();
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("www");
    s.build_with(&["--out", out.to_str().unwrap()]).ok();
    s.write("content/plans/lai-chau.md", "");
    s.build_with(&["--out", out.to_str().unwrap()]).fails();
    let names = entries(parent.path());
    assert_eq!(
        names.into_iter().collect::<Vec<_>>(),
        vec![".www.planportal-manifest".to_string(), "www".to_string()]
    );
}

#[test]
fn failed_first_build_creates_no_output_folder() {
    let s = Site::new();
    s.write("content/plans/x.md", "---\ntitle: x\nissuer: U\n---\n");
    s.build().fails();
    assert!(!s.out().exists());
}

#[test]
fn two_builds_of_the_same_input_are_byte_identical() {
    let s = rich_site();
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let out_a = a.path().join("one");
    let out_b = b.path().join("two");
    s.build_with(&["--out", out_a.to_str().unwrap()]).ok();
    s.build_with(&["--out", out_b.to_str().unwrap()]).ok();
    let ta = tree(&out_a);
    let tb = tree(&out_b);
    assert!(ta.len() > 10, "a real site was built");
    assert_eq!(
        ta.keys().collect::<Vec<_>>(),
        tb.keys().collect::<Vec<_>>(),
        "same file list"
    );
    for (k, v) in &ta {
        assert!(tb[k] == *v, "{k} differs between two builds");
    }
}

#[test]
fn the_output_path_never_leaks_into_files() {
    let s = rich_site();
    let a = tempfile::tempdir().unwrap();
    let out = a.path().join("đầu-ra");
    s.build_with(&["--out", out.to_str().unwrap()]).ok();
    let needle = a.path().to_string_lossy().into_owned();
    for (k, v) in tree(&out) {
        assert!(
            !String::from_utf8_lossy(&v).contains(&needle),
            "{k} contains the output path"
        );
    }
}

#[test]
fn rebuild_removes_pages_of_deleted_plans() {
    let s = rich_site();
    s.built();
    assert!(s.has_page("/plans/lai-chau/"));
    std::fs::remove_file(s.root().join("content/plans/lai-chau.md")).unwrap();
    s.built();
    assert!(
        !s.has_page("/plans/lai-chau/"),
        "a deleted plan's page is gone"
    );
    assert!(!s.page("/plans/").contains("Kế hoạch dân số Lai Châu"));
}

#[test]
fn site_template_overrides_the_built_in_one_file_by_file() {
    let s = rich_site();
    s.write(
        "themes/default/templates/404.html",
        "<!doctype html><html lang=\"vi\"><body><p>TRANG RIÊNG CỦA TỈNH</p></body></html>\n",
    );
    s.built();
    assert!(s.read("404.html").contains("TRANG RIÊNG CỦA TỈNH"));
    // Other templates still come from the built-in theme.
    assert!(s
        .page("/plans/lao-cai/")
        .contains("Kế hoạch dân số Lào Cai 2026"));
}

#[test]
fn theme_static_files_are_copied_as_is() {
    let s = rich_site();
    s.write_bytes(
        "themes/default/static/img/logo.bin",
        &[0, 159, 146, 150, 255],
    );
    s.built();
    let bytes = std::fs::read(s.out().join("img/logo.bin")).expect("static file copied");
    assert_eq!(bytes, vec![0, 159, 146, 150, 255]);
}

#[test]
fn template_error_fails_the_build_and_names_the_template() {
    let s = rich_site();
    s.built();
    let before = tree(&s.out());
    s.write(
        "themes/default/templates/404.html",
        "<p>{{ page.title </p>\n",
    );
    s.build().fails().says("404.html");
    assert!(
        tree(&s.out()) == before,
        "a template error leaves the output as it was"
    );
}

#[cfg(unix)]
#[test]
fn a_rebuild_keeps_unchanged_files_and_rewrites_changed_ones() {
    use std::os::unix::fs::MetadataExt;
    let s = rich_site();
    s.built();
    let out = s.out();
    let ino = |rel: &str| std::fs::metadata(out.join(rel)).unwrap().ino();
    let (home, lai_chau, lao_cai) = (
        ino("index.html"),
        ino("plans/lai-chau/index.html"),
        ino("plans/lao-cai/index.html"),
    );
    // A page edited by hand in the output is not trusted as unchanged.
    std::fs::write(out.join("calendar/index.html"), "edited").unwrap();
    s.write(
        "content/plans/lao-cai.md",
        &std::fs::read_to_string(s.root().join("content/plans/lao-cai.md"))
            .unwrap()
            .replace("## Căn cứ", "## Căn cứ pháp lý"),
    );
    let run = s.build().ok().stderr.clone();
    assert!(
        run.contains(" unchanged)"),
        "the summary counts kept files: {run}"
    );
    assert_eq!(
        ino("index.html"),
        home,
        "an unchanged page is kept, not rewritten"
    );
    assert_eq!(ino("plans/lai-chau/index.html"), lai_chau);
    assert_ne!(
        ino("plans/lao-cai/index.html"),
        lao_cai,
        "the edited plan is rewritten"
    );
    assert!(s.page("/plans/lao-cai/").contains("Căn cứ pháp lý"));
    assert!(
        s.page("/calendar/").contains("<html"),
        "the hand edit is replaced"
    );
    // With the manifest gone, everything is written again, and still correct.
    // (The folder then counts as someone else's: replacing it takes --force.)
    std::fs::remove_file(s.root().join(".public.planportal-manifest")).unwrap();
    s.build().code(2).says("--force");
    let run = s.build_with(&["--force"]).ok().stderr.clone();
    assert!(!run.contains("unchanged"), "{run}");
    assert_ne!(ino("index.html"), home);
}

/// Bodies past the memory budget are released after parsing and read again to
/// render: the bundled plans (headings, lists, citations) must come out the
/// same either way.
#[test]
fn bodies_read_again_from_disk_render_the_same_as_kept_ones() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let build = |name: &str, budget: Option<&str>| {
        let out = dir.path().join(name);
        let mut cmd = std::process::Command::new(bin());
        cmd.args(["build", "--root", root.to_str().unwrap(), "--out"])
            .arg(&out)
            .env("SOURCE_DATE_EPOCH", "1767225600")
            .env("NO_COLOR", "1");
        match budget {
            Some(b) => cmd.env("PLANPORTAL_BODY_BUDGET", b),
            None => cmd.env_remove("PLANPORTAL_BODY_BUDGET"),
        };
        let run = cmd.output().unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        tree(&out)
    };
    let kept = build("kept", None);
    let reread = build("reread", Some("0"));
    let page = String::from_utf8_lossy(&kept["plans/lao-cai-2026/index.html"]).into_owned();
    assert!(
        page.contains("<h2 id=")
            && page.contains("class=\"toc\"")
            && page.contains("<a href=\"/documents/"),
        "the plan renders headings, a table of contents and citation links"
    );
    assert_eq!(
        kept.keys().collect::<Vec<_>>(),
        reread.keys().collect::<Vec<_>>()
    );
    for (k, v) in &kept {
        assert!(reread[k] == *v, "{k} differs when bodies are read again");
    }
}
