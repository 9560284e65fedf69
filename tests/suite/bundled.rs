//! The portal bundled in the repository (its `content/`) builds cleanly.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::support::*;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The repository's own site, built once into a shared folder: the run and
/// the output folder.
fn bundled() -> &'static (Run, PathBuf) {
    static BUILT: OnceLock<(Run, PathBuf)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("suite-bundled");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let dest = dir.join("public");
        let r = run_in(
            &dir,
            &[
                "build",
                "--root",
                repo().to_str().unwrap(),
                "--out",
                dest.to_str().unwrap(),
            ],
            EPOCH_2026_01_01,
        );
        (r, dest)
    })
}

/// The bundled build's documents.json (the build must have succeeded).
fn bundled_json() -> serde_json::Value {
    let (r, dest) = bundled();
    r.ok();
    serde_json::from_str(&read_out(dest, "data/documents.json")).unwrap()
}

#[test]
fn bundled_site_builds_without_errors() {
    let (r, dest) = bundled();
    r.ok().no_errors();
    assert!(dest.join("index.html").is_file());
    assert!(dest.join("calendar.ics").is_file());
    let j = bundled_json();
    let qd = doc(&j, "documents/qd-1745-ttg-2025");
    assert_eq!(qd["stub"], false);
    assert_eq!(qd["number"], "1745/QĐ-TTg");
}

#[test]
fn bundled_basis_chains_resolve_to_bundled_documents() {
    // docs/bundled-content.md: every basis entry of a bundled document
    // resolves to a bundled file, never to a stub.
    let j = bundled_json();
    for d in j["documents"].as_array().unwrap() {
        let id = d["id"].as_str().unwrap();
        if !id.starts_with("documents/") || d["stub"] == true {
            continue;
        }
        for t in targets(&d["basis"]) {
            assert_eq!(doc(&j, &t)["stub"], false, "{id} → {t} is a stub");
        }
    }
    let kl = doc(&j, "documents/kl-149-tw-2025");
    assert!(ids(&kl["implemented_by"]).contains(&"documents/qd-1745-ttg-2025".to_string()));
}

#[test]
fn bundled_site_has_all_eight_observances() {
    let (r, dest) = bundled();
    r.ok();
    let cal = read_out(dest, "calendar/index.html");
    for name in [
        "Ngày Thalassemia Thế giới",
        "Ngày truyền thống người cao tuổi Việt Nam",
        "Ngày Dân số thế giới",
        "Ngày tránh thai thế giới",
        "Ngày Quốc tế người cao tuổi",
        "Ngày Quốc tế trẻ em gái",
        "Tháng hành động quốc gia về Dân số",
        "Ngày Dân số Việt Nam",
    ] {
        assert!(cal.contains(name), "calendar lacks {name}");
    }
}

#[test]
fn bundled_site_passes_check() {
    let r = run_in(
        repo(),
        &["check", "--root", repo().to_str().unwrap()],
        EPOCH_2026_01_01,
    );
    r.ok().no_errors();
}
