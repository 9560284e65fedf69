//! Runs catalogue rows: a copy of a built baseline site per row, the binary
//! with a time limit, then the row's assertions. Failures are collected so
//! one run shows every broken row.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use super::html;
use crate::support::{bin, has_location, md};

/// Planted in the baseline's site.yaml: a served response must never show it.
pub const SECRET: &str = "secret-marker-7f3a";

/// A valid plan front matter for `x` (its number differs from the baseline's).
pub const X_FM: &str = "title: Kế hoạch truyền thông dân số năm 2026
number: 77/KH-UBND
issuer: Ủy ban nhân dân tỉnh Lào Cai
jurisdiction: Lào Cai
date: 2026-02-01
";

/// What becomes of the output.
#[derive(Clone, Debug)]
pub enum Then {
    /// The previous `public/` is byte for byte what it was.
    Untouched,
    /// The command succeeded and wrote `dir` (relative to the root): no page
    /// in it runs injected script, and each `(file, needle)` is there.
    Built {
        dir: &'static str,
        has: Vec<(&'static str, &'static str)>,
        lacks: Vec<(&'static str, &'static str)>,
    },
    /// `GET path` on `serve` of the baseline site: the status is `code`
    /// and the body never shows a file from outside the output.
    Get(&'static str),
}

/// One row of the catalogue.
#[derive(Clone)]
pub struct Case {
    pub name: &'static str,
    pub family: &'static str,
    pub files: Vec<(String, Vec<u8>)>,
    pub remove: Vec<&'static str>,
    pub setup: Option<fn(&Path)>,
    /// The command line; `{root}` is the site, `{parent}` the folder above it.
    pub args: Vec<String>,
    pub env: Vec<(&'static str, String)>,
    pub code: i32,
    /// The file (relative to the root) and line the message names.
    pub at: Option<(&'static str, usize)>,
    pub says: Vec<&'static str>,
    /// Never in stderr (e.g. a raw escape character).
    pub lacks: Vec<&'static str>,
    pub then: Then,
    pub limit: Duration,
    pub stderr_max: Option<usize>,
}

/// Starts a row: `build --root {root}`, expected to fail with exit 1 and
/// leave the output untouched, until the builder methods say otherwise.
pub fn row(family: &'static str, name: &'static str) -> Case {
    Case {
        name,
        family,
        files: Vec::new(),
        remove: Vec::new(),
        setup: None,
        args: vec!["build".into(), "--root".into(), "{root}".into()],
        env: Vec::new(),
        code: 1,
        at: None,
        says: Vec::new(),
        lacks: Vec::new(),
        then: Then::Untouched,
        limit: Duration::from_secs(60),
        stderr_max: None,
    }
}

impl Case {
    pub fn file(mut self, rel: &str, text: &str) -> Case {
        self.files.push((rel.to_string(), text.as_bytes().to_vec()));
        self
    }
    pub fn bytes(mut self, rel: &str, b: &[u8]) -> Case {
        self.files.push((rel.to_string(), b.to_vec()));
        self
    }
    /// `content/plans/x.md` with front matter `fm` (no fences) and `body`.
    pub fn plan(self, fm: &str, body: &str) -> Case {
        self.file("content/plans/x.md", &md(fm, body))
    }
    /// A valid plan `x` with this body.
    pub fn body(self, body: &str) -> Case {
        self.plan(X_FM, body)
    }
    pub fn site_yaml(self, text: &str) -> Case {
        self.file("site.yaml", text)
    }
    pub fn remove(mut self, rel: &'static str) -> Case {
        self.remove.push(rel);
        self
    }
    pub fn setup(mut self, f: fn(&Path)) -> Case {
        self.setup = Some(f);
        self
    }
    pub fn args(mut self, args: &[&str]) -> Case {
        self.args = args.iter().map(|s| s.to_string()).collect();
        self
    }
    /// `build --root {root}` followed by `extra`.
    pub fn build(self, extra: &[&str]) -> Case {
        let mut a = vec!["build", "--root", "{root}"];
        a.extend_from_slice(extra);
        self.args(&a)
    }
    pub fn check(self) -> Case {
        self.args(&["check", "--root", "{root}"])
    }
    pub fn env(mut self, k: &'static str, v: &str) -> Case {
        self.env.push((k, v.to_string()));
        self
    }
    pub fn exit(mut self, code: i32) -> Case {
        self.code = code;
        self
    }
    pub fn at(mut self, file: &'static str, line: usize) -> Case {
        self.at = Some((file, line));
        self
    }
    pub fn says(mut self, s: &'static str) -> Case {
        self.says.push(s);
        self
    }
    pub fn lacks(mut self, s: &'static str) -> Case {
        self.lacks.push(s);
        self
    }
    /// Must build (exit 0) into `public/` with no injected script.
    pub fn builds(mut self) -> Case {
        self.code = 0;
        self.then = Then::Built {
            dir: "public",
            has: Vec::new(),
            lacks: Vec::new(),
        };
        self
    }
    /// A file of the new output that must contain `needle`.
    pub fn has(mut self, file: &'static str, needle: &'static str) -> Case {
        if let Then::Built { has, .. } = &mut self.then {
            has.push((file, needle));
        }
        self
    }
    /// A file of the new output that must not contain `needle`.
    pub fn lacks_out(mut self, file: &'static str, needle: &'static str) -> Case {
        if let Then::Built { lacks, .. } = &mut self.then {
            lacks.push((file, needle));
        }
        self
    }
    /// At most `n` bytes of messages.
    pub fn stderr_under(mut self, n: usize) -> Case {
        self.stderr_max = Some(n);
        self
    }
    pub fn into_dir(mut self, d: &'static str) -> Case {
        if let Then::Built { dir, .. } = &mut self.then {
            *dir = d;
        }
        self
    }
    /// A request to `serve`, answered with `status`.
    pub fn get(mut self, path: &'static str, status: i32) -> Case {
        self.then = Then::Get(path);
        self.code = status;
        self
    }
    pub fn within(mut self, secs: u64) -> Case {
        self.limit = Duration::from_secs(secs);
        self
    }
}

/// The baseline every row starts from: two plans, a document and a
/// campaign, built once into `public/`.
fn baseline() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bad-inputs-baseline");
        let _ = std::fs::remove_dir_all(&dir);
        let root = dir.join("site");
        let w = |rel: &str, text: &str| {
            let p = root.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        };
        w(
            "site.yaml",
            &format!("# {SECRET}\ntitle: Cổng kế hoạch thử\nbase_url: https://portal.example/\n"),
        );
        w(
            "content/plans/lao-cai-2026.md",
            &md(
                &format!("{}basis:\n  - Quyết định số 1745/QĐ-TTg ngày 15/8/2025\ncampaigns:\n  - Ngày Dân số thế giới (11/7)\n", crate::support::PLAN_FM),
                "## I. MỤC ĐÍCH\n\nThực hiện Quyết định số 1745/QĐ-TTg ngày 15/8/2025 của Thủ tướng Chính phủ.\n",
            ),
        );
        w(
            "content/documents/qd-1745-ttg-2025.md",
            &md(
                "title: Quyết định phê duyệt Đề án\nnumber: 1745/QĐ-TTg\nissuer: Thủ tướng Chính phủ\njurisdiction: Trung ương\ndate: 2025-08-15\n",
                "Nội dung.\n",
            ),
        );
        w(
            "content/campaigns/ngay-dan-so-the-gioi.md",
            &md("title: Ngày Dân số thế giới\n", "Mô tả ngày 11/7.\n"),
        );
        let out = Command::new(bin())
            .args(["build", "--root"])
            .arg(&root)
            .env("SOURCE_DATE_EPOCH", crate::support::EPOCH_2026_01_01)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "baseline build failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        dir
    })
}

/// What a row's folder held: regular files with their bytes, folders,
/// symlinks with their targets; special files by kind, never opened.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).min_depth(1).follow_links(false) {
        let Ok(e) = e else { continue };
        let rel = e
            .path()
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let ft = e.file_type();
        let v = if ft.is_file() {
            std::fs::read(e.path()).unwrap_or_default()
        } else if ft.is_symlink() {
            format!("-> {:?}", std::fs::read_link(e.path()).ok()).into_bytes()
        } else if ft.is_dir() {
            b"<dir>".to_vec()
        } else {
            b"<special>".to_vec()
        };
        out.insert(rel, v);
    }
    out
}

fn copy_tree(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let dest = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

fn expand(arg: &str, root: &Path) -> String {
    arg.replace("{root}", root.to_str().unwrap())
        .replace("{parent}", root.parent().unwrap().to_str().unwrap())
}

/// Output of one run of the binary, or why it did not finish.
struct Outcome {
    code: Option<i32>,
    stderr: String,
    stderr_len: usize,
    millis: u128,
}

fn run_bin(c: &Case, root: &Path) -> Outcome {
    let mut cmd = Command::new(bin());
    cmd.args(c.args.iter().map(|a| expand(a, root)))
        .current_dir(root)
        .env("SOURCE_DATE_EPOCH", crate::support::EPOCH_2026_01_01)
        .env("NO_COLOR", "1")
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    for (k, v) in &c.env {
        cmd.env(k, v);
    }
    let start = Instant::now();
    let mut child = cmd.spawn().expect("spawn planportal");
    let mut err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err.by_ref().take(4 << 20).read_to_end(&mut buf);
        // Drain the rest so the child never blocks on a full pipe.
        let rest = std::io::copy(&mut err, &mut std::io::sink()).unwrap_or(0);
        (buf, rest as usize)
    });
    let code = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st.code();
        }
        if start.elapsed() > c.limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let (buf, rest) = reader.join().unwrap();
    let stderr = String::from_utf8_lossy(&buf).into_owned();
    Outcome {
        code,
        stderr_len: buf.len() + rest,
        stderr,
        millis: start.elapsed().as_millis(),
    }
}

/// Runs one row in a fresh copy of the baseline; Err says what went wrong.
fn run_case(c: &Case) -> Result<(), String> {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(baseline(), tmp.path());
    let root = tmp.path().join("site");
    for rel in &c.remove {
        let p = root.join(rel);
        let _ = std::fs::remove_dir_all(&p).or_else(|_| std::fs::remove_file(&p));
    }
    for (rel, bytes) in &c.files {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    if let Some(f) = c.setup {
        f(&root);
    }
    let before = snapshot(tmp.path());
    let o = run_bin(c, &root);
    let after = snapshot(tmp.path());
    let mut why = Vec::new();
    match o.code {
        None => why.push(format!("did not finish within {:?}", c.limit)),
        Some(code) if code != c.code => why.push(format!("exit {code}, expected {}", c.code)),
        _ => {}
    }
    if let Some((file, line)) = c.at {
        if !has_location(&o.stderr, file, line) {
            why.push(format!("message does not name {file}:{line}"));
        }
    }
    let lower = o.stderr.to_lowercase();
    for s in &c.says {
        if !lower.contains(&s.to_lowercase()) {
            why.push(format!("stderr does not say {s:?}"));
        }
    }
    if let Some(max) = c.stderr_max {
        if o.stderr_len > max {
            why.push(format!(
                "{} bytes of messages, at most {max} expected",
                o.stderr_len
            ));
        }
    }
    for s in &c.lacks {
        if o.stderr.contains(s) {
            why.push(format!("stderr contains {s:?}"));
        }
    }
    // Sources: every file that was there is still there, byte for byte.
    for (rel, bytes) in &before {
        let output = rel.starts_with("site/public") || rel.starts_with("site/.public");
        if !output && after.get(rel) != Some(bytes) {
            why.push(format!("source {rel} was changed or deleted"));
        }
    }
    match &c.then {
        Then::Untouched => {
            let old = |m: &BTreeMap<String, Vec<u8>>| -> Vec<(String, Vec<u8>)> {
                m.iter()
                    .filter(|(k, _)| k.starts_with("site/public"))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect()
            };
            if old(&before) != old(&after) {
                why.push("the previous output folder changed".into());
            }
        }
        Then::Built { dir, has, lacks } => {
            let out = root.join(dir);
            let files = snapshot(&out);
            if files.is_empty() {
                why.push(format!("nothing was written to {dir}"));
            }
            for (rel, bytes) in &files {
                if [".html", ".xml"].iter().any(|x| rel.ends_with(x)) {
                    for p in html::problems(&String::from_utf8_lossy(bytes)) {
                        why.push(format!("{rel}: {p}"));
                    }
                }
            }
            for (rel, needle) in lacks {
                if let Some(b) = files.get(*rel) {
                    if String::from_utf8_lossy(b).contains(needle) {
                        why.push(format!("{rel} contains {needle:?}"));
                    }
                }
            }
            for (rel, needle) in has {
                match files.get(*rel) {
                    Some(b) if String::from_utf8_lossy(b).contains(needle) => {}
                    Some(_) => why.push(format!("{rel} lacks {needle:?}")),
                    None => why.push(format!("{rel} was not written")),
                }
            }
        }
        Then::Get(_) => unreachable!("served rows run against one server"),
    }
    if why.is_empty() {
        Ok(())
    } else {
        let tail: String = o.stderr.chars().take(1500).collect();
        Err(format!(
            "{} ({} ms)\n--- stderr ---\n{tail}",
            why.join("; "),
            o.millis
        ))
    }
}

/// `serve` of a copy of the baseline, for the rows that send requests.
struct Server {
    child: Child,
    addr: String,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve() -> Server {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    copy_tree(baseline(), dir.path());
    let mut child = Command::new(bin())
        .args(["serve", "--port", "0", "--root"])
        .arg(dir.path().join("site"))
        .env("SOURCE_DATE_EPOCH", crate::support::EPOCH_2026_01_01)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("http://") {
        line.clear();
        assert!(out.read_line(&mut line).unwrap() > 0, "serve exited");
    }
    std::thread::spawn(move || for _ in out.lines() {});
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap();
    let addr = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    Server {
        child,
        addr,
        _dir: dir,
    }
}

fn get(server: &Server, c: &Case, path: &str) -> Result<(), String> {
    let mut s = TcpStream::connect(&server.addr).map_err(|e| e.to_string())?;
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.addr
    )
    .unwrap();
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let text = String::from_utf8_lossy(&buf);
    let status: i32 = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(-1);
    let mut why = Vec::new();
    if status != c.code {
        why.push(format!("status {status}, expected {}", c.code));
    }
    if text.contains(SECRET) || text.contains("root:x:0:0") {
        why.push("served a file from outside the output".into());
    }
    if why.is_empty() {
        Ok(())
    } else {
        Err(why.join("; "))
    }
}

/// Runs every row (two at a time), prints the one-line summary, and fails
/// listing every row that did not hold.
pub fn run_all(cases: &[Case]) {
    let failures = run(cases);
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

/// Runs the rows and returns the failures, after printing the summary.
pub fn run(cases: &[Case]) -> Vec<String> {
    let mut names = std::collections::HashSet::new();
    for c in cases {
        assert!(names.insert(c.name), "two rows named {:?}", c.name);
    }
    baseline();
    let failures = Mutex::new(Vec::new());
    let (served, built): (Vec<&Case>, Vec<&Case>) =
        cases.iter().partition(|c| matches!(c.then, Then::Get(_)));
    if !served.is_empty() {
        let server = serve();
        for c in &served {
            if let Then::Get(path) = c.then {
                if let Err(e) = get(&server, c, path) {
                    failures
                        .lock()
                        .unwrap()
                        .push(format!("[{}] {}: {e}", c.family, c.name));
                }
            }
        }
    }
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(c) = built.get(i) else { break };
                if let Err(e) = run_case(c) {
                    failures
                        .lock()
                        .unwrap()
                        .push(format!("[{}] {}: {e}", c.family, c.name));
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    let families: std::collections::BTreeSet<&str> = cases.iter().map(|c| c.family).collect();
    println!(
        "bad-input catalogue: {} cases in {} families, {} passed",
        cases.len(),
        families.len(),
        cases.len() - failures.len()
    );
    failures
}
