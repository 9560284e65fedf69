//! Helpers for the integration suite: a throwaway site folder, the real
//! `planportal` binary run on it, and readers for what it wrote.
//!
//! Every test builds its own small site in a temp folder, the way an outside
//! grader would, and reads only the files the contract describes.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// 2026-01-01T00:00:00Z: "now" for every run unless a test says otherwise.
pub const EPOCH_2026_01_01: &str = "1767225600";
/// 2026-07-01T00:00:00Z.
pub const EPOCH_2026_07_01: &str = "1782864000";

/// A valid plan front matter (without fences) for tests that only need "some plan".
pub const PLAN_FM: &str = "title: Kế hoạch thực hiện công tác dân số năm 2026
number: 12/KH-UBND
issuer: Ủy ban nhân dân tỉnh Lào Cai
jurisdiction: Lào Cai
date: 2026-01-15
";

/// The result of one run of the binary.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Panics (showing stderr) unless the run exited 0.
    #[track_caller]
    pub fn ok(&self) -> &Self {
        assert_eq!(
            self.code, 0,
            "expected exit 0, got {}\n--- stderr ---\n{}\n--- stdout ---\n{}",
            self.code, self.stderr, self.stdout
        );
        self
    }

    /// Panics (showing stderr) unless the run exited with `code`.
    #[track_caller]
    pub fn code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "expected exit {code}, got {}\n--- stderr ---\n{}\n--- stdout ---\n{}",
            self.code, self.stderr, self.stdout
        );
        self
    }

    /// Exit 1 (a content error).
    #[track_caller]
    pub fn fails(&self) -> &Self {
        self.code(1)
    }

    /// stderr names `path:line` (followed by `:col`, whitespace or the end, never more digits).
    #[track_caller]
    pub fn located(&self, path: &str, line: usize) -> &Self {
        assert!(
            has_location(&self.stderr, path, line),
            "expected stderr to name `{path}:{line}`\n--- stderr ---\n{}",
            self.stderr
        );
        self
    }

    /// stderr names `path:L` for some L in `lines` (for errors about a whole
    /// front matter, where the first or the closing fence line are both fair).
    #[track_caller]
    pub fn located_in(&self, path: &str, lines: std::ops::RangeInclusive<usize>) -> &Self {
        assert!(
            lines.clone().any(|l| has_location(&self.stderr, path, l)),
            "expected stderr to name `{path}:L` with L in {lines:?}\n--- stderr ---\n{}",
            self.stderr
        );
        self
    }

    /// Stderr without echoed source lines (`  7 | …`).
    fn messages(&self) -> String {
        let snippet = regex::Regex::new(r"^\s*\d+\s*\|").unwrap();
        self.stderr
            .lines()
            .filter(|l| !snippet.is_match(l))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The messages of stderr contain `needle` (case-insensitive). Echoed
    /// source lines (`  7 | …`) do not count: the message itself must say it.
    #[track_caller]
    pub fn says(&self, needle: &str) -> &Self {
        let messages = self.messages();
        assert!(
            messages.to_lowercase().contains(&needle.to_lowercase()),
            "expected stderr to say {needle:?} (outside echoed source lines)\n--- stderr ---\n{}",
            self.stderr
        );
        self
    }

    /// The messages of stderr (echoed source lines excluded) match `pattern`.
    #[track_caller]
    pub fn says_re(&self, pattern: &str) -> &Self {
        let messages = self.messages();
        let re = regex::Regex::new(&format!("(?i){pattern}")).unwrap();
        assert!(
            re.is_match(&messages),
            "expected stderr to match /{pattern}/\n--- stderr ---\n{}",
            self.stderr
        );
        self
    }

    /// stderr has a warning line (and no error), in English or Vietnamese.
    #[track_caller]
    pub fn warns(&self) -> &Self {
        let lower = self.stderr.to_lowercase();
        assert!(
            lower.contains("warning") || lower.contains("cảnh báo"),
            "expected a warning\n--- stderr ---\n{}",
            self.stderr
        );
        self
    }

    /// No line of stderr starts with `error`.
    #[track_caller]
    pub fn no_errors(&self) -> &Self {
        assert!(
            !self.stderr.lines().any(|l| {
                let l = l.trim_start().to_lowercase();
                l.starts_with("error") || l.starts_with("lỗi")
            }),
            "expected no error\n--- stderr ---\n{}",
            self.stderr
        );
        self
    }
}

/// Whether `text` contains `path:line` not followed by another digit.
pub fn has_location(text: &str, path: &str, line: usize) -> bool {
    let needle = format!("{path}:{line}");
    text.match_indices(&needle).any(|(i, _)| {
        !text[i + needle.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    })
}

/// Where a site lives: a temp folder removed on drop, or a fixed folder under
/// cargo's target tmp dir for sites shared by several read-only tests.
enum Dir {
    Temp(tempfile::TempDir),
    Fixed(PathBuf),
}

/// A site folder.
pub struct Site {
    dir: Dir,
    epoch: String,
}

impl Site {
    /// An empty site in a fresh temp folder.
    pub fn new() -> Site {
        Site {
            dir: Dir::Temp(tempfile::tempdir().expect("temp dir")),
            epoch: EPOCH_2026_01_01.to_string(),
        }
    }

    /// An empty site in `target/tmp/suite-<name>` (emptied first), for a site
    /// that a module builds once and several tests only read. Keep it in a
    /// `static OnceLock<Site>`; such sites are never modified after the build.
    pub fn fixed(name: &str) -> Site {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("suite-{name}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Site {
            dir: Dir::Fixed(dir),
            epoch: EPOCH_2026_01_01.to_string(),
        }
    }

    /// Runs the binary with this `SOURCE_DATE_EPOCH` from now on.
    pub fn at_epoch(mut self, epoch: &str) -> Site {
        self.epoch = epoch.to_string();
        self
    }

    pub fn root(&self) -> &Path {
        match &self.dir {
            Dir::Temp(t) => t.path(),
            Dir::Fixed(p) => p,
        }
    }

    /// The default output folder, `root/public`.
    pub fn out(&self) -> PathBuf {
        self.root().join("public")
    }

    /// Writes a file under the site root, creating folders.
    pub fn write(&self, rel: &str, text: &str) -> &Self {
        self.write_bytes(rel, text.as_bytes())
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) -> &Self {
        let p = self.root().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
        self
    }

    /// `content/plans/<name>.md` with front matter `fm` (no fences) and `body`.
    pub fn plan(&self, name: &str, fm: &str, body: &str) -> &Self {
        self.write(&format!("content/plans/{name}.md"), &md(fm, body))
    }

    /// `content/documents/<name>.md` with front matter `fm` (no fences) and `body`.
    pub fn doc(&self, name: &str, fm: &str, body: &str) -> &Self {
        self.write(&format!("content/documents/{name}.md"), &md(fm, body))
    }

    /// Runs `planportal ARGS` in the site folder.
    pub fn run(&self, args: &[&str]) -> Run {
        run_in(self.root(), args, &self.epoch)
    }

    /// `build --root <site>` (output in `<site>/public`).
    pub fn build(&self) -> Run {
        self.build_with(&[])
    }

    /// `build --root <site> EXTRA…`.
    pub fn build_with(&self, extra: &[&str]) -> Run {
        let root = self.root().to_str().unwrap().to_string();
        let mut args = vec!["build", "--root", &root];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    /// `check --root <site>`.
    pub fn check(&self) -> Run {
        let root = self.root().to_str().unwrap().to_string();
        self.run(&["check", "--root", &root])
    }

    /// Builds and panics unless it succeeded.
    #[track_caller]
    pub fn built(&self) -> Run {
        let r = self.build();
        r.ok();
        r
    }

    /// A file of the default output as text.
    #[track_caller]
    pub fn read(&self, rel: &str) -> String {
        read_out(&self.out(), rel)
    }

    /// The HTML of the page at site URL `url` (`/plans/x/` → `plans/x/index.html`).
    #[track_caller]
    pub fn page(&self, url: &str) -> String {
        self.read(&page_file(url))
    }

    /// Whether the page at `url` exists in the default output.
    pub fn has_page(&self, url: &str) -> bool {
        self.out().join(page_file(url)).is_file()
    }

    /// `/data/documents.json`, parsed.
    #[track_caller]
    pub fn json(&self) -> Value {
        let text = self.read("data/documents.json");
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("documents.json is not JSON: {e}"))
    }
}

/// `---\n{fm}---\n{body}`.
pub fn md(fm: &str, body: &str) -> String {
    let fm = if fm.ends_with('\n') {
        fm.to_string()
    } else {
        format!("{fm}\n")
    };
    format!("---\n{fm}---\n{body}")
}

/// The path of the binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_planportal")
}

/// Runs the binary in `cwd` with a fixed `SOURCE_DATE_EPOCH` and no colour,
/// messages in English unless `args` choose a `--lang` (the tests' wording
/// predates the Vietnamese default; `tests/suite/messages.rs` covers it).
pub fn run_in(cwd: &Path, args: &[&str], epoch: &str) -> Run {
    let mut args = args.to_vec();
    if !args.contains(&"--lang") && !args.contains(&"--") {
        args.extend(["--lang", "en"]);
    }
    let out = Command::new(bin())
        .args(&args)
        .current_dir(cwd)
        .env("SOURCE_DATE_EPOCH", epoch)
        .env("NO_COLOR", "1")
        .env("RUST_BACKTRACE", "0")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("run planportal");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `/plans/x/` → `plans/x/index.html`; `/atom.xml` → `atom.xml`.
pub fn page_file(url: &str) -> String {
    let rel = url.trim_start_matches('/');
    if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    }
}

/// A file of an output folder as text; on a miss, lists what is there.
#[track_caller]
pub fn read_out(out: &Path, rel: &str) -> String {
    let p = out.join(rel);
    match std::fs::read(&p) {
        Ok(b) => String::from_utf8(b).unwrap_or_else(|_| panic!("{rel} is not UTF-8")),
        Err(e) => {
            let files: Vec<String> = tree(out).into_keys().take(80).collect();
            panic!(
                "cannot read {rel} in the output ({e}); it holds:\n{}",
                files.join("\n")
            )
        }
    }
}

/// Every entry under `dir` (folders end with `/`), with the bytes of files.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        for e in rd.flatten() {
            let p = e.path();
            let rel = p
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if p.is_dir() {
                out.insert(format!("{rel}/"), Vec::new());
                walk(base, &p, out);
            } else {
                out.insert(rel, std::fs::read(&p).unwrap_or_default());
            }
        }
    }
    walk(dir, dir, &mut out);
    out
}

/// The document with `id` in a parsed documents.json.
#[track_caller]
pub fn doc<'a>(json: &'a Value, id: &str) -> &'a Value {
    let docs = json["documents"].as_array().expect("`documents` array");
    docs.iter().find(|d| d["id"] == id).unwrap_or_else(|| {
        let ids: Vec<&str> = docs.iter().filter_map(|d| d["id"].as_str()).collect();
        panic!("no document `{id}` in documents.json; ids: {ids:?}")
    })
}

/// The ids of a documents.json array of ids (`implemented_by`, `cited_by`).
pub fn ids(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("expected an array, got {v}"))
        .iter()
        .map(|x| {
            x.as_str()
                .unwrap_or_else(|| panic!("expected ids, got {v}"))
                .to_string()
        })
        .collect()
}

/// The `target`s of a documents.json reference list (`basis`, `cites`).
pub fn targets(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("expected an array, got {v}"))
        .iter()
        .map(|x| x["target"].as_str().unwrap_or("<none>").to_string())
        .collect()
}

/// Byte offset of `needle` in `hay`, panicking with a clear message when absent.
#[track_caller]
pub fn pos(hay: &str, needle: &str) -> usize {
    hay.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not found in the page"))
}

/// Whether the HTML links to `href` (as `href="…"`, with or without the host).
pub fn links_to(html: &str, href: &str) -> bool {
    html.contains(&format!("href=\"{href}\"")) || html.contains(&format!("href=\"{href}#"))
}
