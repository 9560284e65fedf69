//! `planportal new DIR` starts a site that builds at once, and never
//! overwrites anything.

use crate::support::*;

#[test]
fn a_new_site_builds_without_warnings_and_links_its_example() {
    let parent = Site::new();
    parent
        .run(&["new", "cong"])
        .ok()
        .says("content/plans/vi-du-2026.md");
    let site = parent.root().join("cong");
    for f in [
        "site.yaml",
        "content/plans/vi-du-2026.md",
        "content/documents/kl-149-tw-2025.md",
    ] {
        assert!(site.join(f).is_file(), "{f}");
    }
    let root = site.to_str().unwrap();
    let built = parent.run(&["build", "--root", root]);
    built.ok();
    assert!(
        !built.stderr.contains("cảnh báo:") && !built.stderr.contains("warning:"),
        "{}",
        built.stderr
    );
    let page = std::fs::read_to_string(site.join("public/plans/vi-du-2026/index.html")).unwrap();
    assert!(
        page.contains("href=\"/documents/kl-149-tw-2025/\""),
        "the basis resolves"
    );
}

#[test]
fn new_refuses_a_folder_that_holds_anything() {
    let parent = Site::new();
    parent.write("cong/ghi-chu.txt", "của tôi\n");
    parent.run(&["new", "cong"]).code(2).says("cong");
    let kept = std::fs::read_to_string(parent.root().join("cong/ghi-chu.txt")).unwrap();
    assert_eq!(kept, "của tôi\n");
    assert!(
        !parent.root().join("cong/site.yaml").exists(),
        "nothing written"
    );
}
