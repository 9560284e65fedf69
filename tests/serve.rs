//! `planportal serve` end to end: start it on a free port, change files, and
//! read what it serves. Every wait is bounded polling, never a fixed sleep.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    addr: String,
    root: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const PLAN: &str = "---\ntitle: Kế hoạch dân số\nnumber: 12/KH-UBND\nissuer: UBND tỉnh Lào Cai\njurisdiction: Lào Cai\ndate: 2026-01-15\n---\nNội dung ban đầu.\n";

fn start(files: &[(&str, &str)]) -> Server {
    let root = tempfile::tempdir().unwrap();
    for (p, text) in files {
        write(root.path(), p, text);
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_planportal"))
        .args(["serve", "--port", "0", "--root"])
        .arg(root.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    while !line.contains("http://") {
        line.clear();
        assert!(
            out.read_line(&mut line).unwrap() > 0,
            "serve exited before printing its URL"
        );
        assert!(Instant::now() < deadline);
    }
    // Keep draining stdout so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in out.lines() {});
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap();
    let addr = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    Server { child, addr, root }
}

fn write(root: &Path, rel: &str, text: &str) {
    let p: PathBuf = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// A raw HTTP/1.1 GET, so tests can send paths a client library would clean up.
fn get(addr: &str, path: &str) -> (u16, String, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let text = String::from_utf8_lossy(&buf).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .unwrap_or("0")
        .parse()
        .unwrap();
    (status, head.to_string(), body.to_string())
}

/// Polls until `pred` holds for the served page, for at most 15 s.
fn wait_for(addr: &str, path: &str, what: &str, pred: impl Fn(u16, &str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let (status, _, body) = get(addr, path);
        if pred(status, &body) {
            return body;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting for {what} at {path} (last status {status})"
        );
        std::thread::sleep(Duration::from_millis(25));
    }
}

#[test]
fn edits_creations_and_deletions_are_served() {
    let s = start(&[("content/plans/a.md", PLAN)]);
    let body = wait_for(&s.addr, "/plans/a/", "first build", |st, b| {
        st == 200 && b.contains("Nội dung ban đầu")
    });
    assert!(
        body.contains("__planportal/reload.js"),
        "serve injects the reload script"
    );

    write(
        s.root.path(),
        "content/plans/a.md",
        &PLAN.replace("Nội dung ban đầu", "Nội dung đã sửa"),
    );
    wait_for(&s.addr, "/plans/a/", "edited body", |_, b| {
        b.contains("Nội dung đã sửa")
    });

    write(
        s.root.path(),
        "content/plans/b.md",
        &PLAN
            .replace("Kế hoạch dân số", "Kế hoạch thứ hai")
            .replace("12/KH", "13/KH"),
    );
    wait_for(&s.addr, "/plans/b/", "new plan", |st, b| {
        st == 200 && b.contains("Kế hoạch thứ hai")
    });
    wait_for(&s.addr, "/plans/", "list with new plan", |_, b| {
        b.contains("Kế hoạch thứ hai")
    });

    std::fs::rename(
        s.root.path().join("content/plans/b.md"),
        s.root.path().join("content/plans/c.md"),
    )
    .unwrap();
    wait_for(&s.addr, "/plans/c/", "renamed plan", |st, _| st == 200);
    wait_for(&s.addr, "/plans/b/", "old name gone", |st, _| st == 404);

    std::fs::remove_file(s.root.path().join("content/plans/c.md")).unwrap();
    wait_for(&s.addr, "/plans/c/", "deleted plan", |st, _| st == 404);
    wait_for(&s.addr, "/plans/", "list without it", |_, b| {
        !b.contains("Kế hoạch thứ hai")
    });
}

#[test]
fn broken_input_keeps_the_last_good_site_and_reports_the_problem() {
    let s = start(&[("content/plans/a.md", PLAN)]);
    wait_for(&s.addr, "/plans/a/", "first build", |st, _| st == 200);

    write(
        s.root.path(),
        "content/plans/a.md",
        &PLAN.replace("date: 2026-01-15", "date: 31/6/2025\nisuer: x"),
    );
    let problems = wait_for(&s.addr, "/__planportal/problems", "problems", |_, b| {
        b.contains("31/6/2025")
    });
    assert!(problems.contains("content/plans/a.md:6"), "{problems}");
    // The overlay speaks the site's language (Vietnamese by default).
    assert!(problems.contains("có phải ý bạn là `issuer`"), "{problems}");
    let (status, _, body) = get(&s.addr, "/plans/a/");
    assert_eq!(status, 200, "the last good page is still served");
    assert!(body.contains("Nội dung ban đầu"));

    write(
        s.root.path(),
        "content/plans/a.md",
        &PLAN.replace("Nội dung ban đầu", "Đã sửa lỗi"),
    );
    wait_for(&s.addr, "/plans/a/", "fixed page", |_, b| {
        b.contains("Đã sửa lỗi")
    });
    let (_, _, problems) = get(&s.addr, "/__planportal/problems");
    assert_eq!(problems, "[]");
}

#[test]
fn basis_changes_reach_the_implemented_document() {
    let doc = "---\ntitle: Kết luận 149\nnumber: 149-KL/TW\ndate: 2025-04-10\njurisdiction: Trung ương\n---\nx\n";
    let s = start(&[
        ("content/plans/a.md", PLAN),
        ("content/documents/kl.md", doc),
    ]);
    let page = wait_for(&s.addr, "/documents/kl/", "first build", |st, _| st == 200);
    assert!(!page.contains("/plans/a/"));
    write(
        s.root.path(),
        "content/plans/a.md",
        &PLAN.replace("---\nNội", "basis: [149-KL/TW]\n---\nNội"),
    );
    wait_for(&s.addr, "/documents/kl/", "implemented-by link", |_, b| {
        b.contains("/plans/a/")
    });
}

#[test]
fn template_errors_are_reported_and_fixed() {
    let s = start(&[("content/plans/a.md", PLAN)]);
    wait_for(&s.addr, "/plans/a/", "first build", |st, _| st == 200);
    write(
        s.root.path(),
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}{% block content %}{{ oops {% endblock content %}",
    );
    let p = wait_for(
        &s.addr,
        "/__planportal/problems",
        "template problem",
        |_, b| b.contains("404.html"),
    );
    assert!(p.contains("themes/default/templates/404.html"), "{p}");
    write(
        s.root.path(),
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}{% block content %}Mất rồi{% endblock content %}",
    );
    wait_for(&s.addr, "/404.html", "fixed template", |_, b| {
        b.contains("Mất rồi")
    });
}

#[test]
fn only_files_of_the_site_are_served() {
    // With an observance, so that /calendar.ics exists (no empty feed is written).
    let plan = PLAN.replace(
        "date: 2026-01-15\n",
        "date: 2026-01-15\ncampaigns: [Ngày Dân số thế giới (11/7)]\n",
    );
    let s = start(&[("content/plans/a.md", &plan), ("secret.txt", "TOP SECRET")]);
    wait_for(&s.addr, "/plans/a/", "first build", |st, _| st == 200);
    for path in [
        "/../secret.txt",
        "/plans/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/..%5csecret.txt",
        "/content/plans/a.md",
        "/etc/passwd",
        "//etc/passwd",
    ] {
        let (status, _, body) = get(&s.addr, path);
        assert_eq!(status, 404, "{path}");
        assert!(
            !body.contains("TOP SECRET") && !body.contains("root:"),
            "{path}"
        );
    }
    let (status, head, _) = get(&s.addr, "/plans/a/");
    assert_eq!(status, 200);
    assert!(
        head.to_lowercase()
            .contains("content-type: text/html; charset=utf-8"),
        "{head}"
    );
    let (status, head, _) = get(&s.addr, "/plans/a");
    assert_eq!(status, 301);
    assert!(head.contains("Location: /plans/a/"), "{head}");
    let (status, head, _) = get(&s.addr, "/calendar.ics");
    assert_eq!(status, 200);
    assert!(head.contains("text/calendar"), "{head}");
    let (status, _, body) = get(&s.addr, "/nope/");
    assert_eq!(status, 404);
    assert!(
        body.contains("Không tìm thấy trang"),
        "the site's 404 page is served"
    );
}

#[test]
fn symlinks_leaving_the_site_are_not_served() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("x.txt"), "OUTSIDE").unwrap();
    let s = start(&[
        ("content/plans/a.md", PLAN),
        ("themes/default/static/ok.txt", "fine"),
    ]);
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        outside.path().join("x.txt"),
        s.root.path().join("themes/default/static/link.txt"),
    )
    .unwrap();
    write(s.root.path(), "themes/default/static/ok.txt", "fine again");
    wait_for(&s.addr, "/ok.txt", "static rebuilt", |_, b| {
        b.contains("fine again")
    });
    let (status, _, body) = get(&s.addr, "/link.txt");
    assert_eq!(status, 404);
    assert!(!body.contains("OUTSIDE"));
}

#[test]
fn build_output_has_no_reload_script() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "content/plans/a.md", PLAN);
    let st = Command::new(env!("CARGO_BIN_EXE_planportal"))
        .args(["build", "--root"])
        .arg(root.path())
        .output()
        .unwrap();
    assert!(st.status.success());
    let html = std::fs::read_to_string(root.path().join("public/plans/a/index.html")).unwrap();
    assert!(!html.contains("__planportal"));
}

#[test]
fn deleting_content_keeps_the_last_good_site_and_reports_it() {
    let s = start(&[("content/plans/a.md", PLAN)]);
    wait_for(&s.addr, "/plans/a/", "first build", |st, _| st == 200);
    std::fs::remove_dir_all(s.root.path().join("content")).unwrap();
    let problems = wait_for(&s.addr, "/__planportal/problems", "problems", |_, b| {
        b.contains("content/")
    });
    assert!(problems.contains("không còn"), "{problems}");
    let (status, _, body) = get(&s.addr, "/plans/a/");
    assert_eq!(status, 200, "the last good page is still served");
    assert!(body.contains("Nội dung ban đầu"));
}
