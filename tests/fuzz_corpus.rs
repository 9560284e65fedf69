//! Replays the committed fuzz corpus (`fuzz/corpus/<target>/`) through the
//! same checks the cargo-fuzz targets run, so CI catches a regression on
//! stable in a few seconds without cargo-fuzz or libFuzzer.

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::Path;

#[test]
fn every_corpus_file_passes_its_target() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let mut total = 0;
    for (name, check) in checks::TARGETS {
        let dir = root.join(name);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.expect("corpus entry").path())
            .collect();
        files.sort();
        assert!(
            files.len() >= 5,
            "{name}: only {} corpus files",
            files.len()
        );
        for f in &files {
            let data = std::fs::read(f).expect("corpus file");
            let run = std::panic::catch_unwind(|| check(&data));
            assert!(run.is_ok(), "{name}: {} fails its check", f.display());
        }
        total += files.len();
    }
    println!(
        "fuzz corpus: {total} files, {} targets, all pass",
        checks::TARGETS.len()
    );
}

#[test]
fn the_markdown_check_can_fail() {
    use planportal::config::RawHtml;
    for html in [
        r#"<h1 id="x" onfocus="alert(1)">"#,
        r#"<a href="java&#x09;script&colon;alert(1)">"#,
        r#"<img src=" DATA:text/html,x" alt="">"#,
        r#"<p>&lt;b&gt;</p><script>alert(1)</script>"#,
    ] {
        let run = std::panic::catch_unwind(|| checks::assert_no_raw_script(html, RawHtml::Escape));
        assert!(run.is_err(), "the check let {html} pass");
    }
    checks::assert_no_raw_script(
        r#"<a href="https://x.example/?javascript:1" title="onfocus=1">javascript:alert(1)</a>"#,
        RawHtml::Escape,
    );
}
