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
