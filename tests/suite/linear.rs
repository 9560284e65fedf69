//! No step grows faster than its input: a body twice as long, with twice the
//! citations, may take at most 2.5 times as long to parse and render (a ratio
//! in one run, so the machine's speed does not matter).

use std::process::Command;

use crate::support::*;

/// A plan whose body is about `kb` kilobytes of paragraphs, each citing a document.
fn big_site(kb: usize) -> Site {
    let s = Site::new();
    let cites = [
        "Quyết định số 1745/QĐ-TTg ngày 15/8/2025 của Thủ tướng Chính phủ",
        "Kết luận số 149-KL/TW ngày 10/4/2025 của Bộ Chính trị",
        "Nghị quyết số 72-NQ/TW",
    ];
    let mut body = String::with_capacity(kb * 1024 + 200);
    let mut i = 0;
    while body.len() < kb * 1024 {
        body.push_str(&format!(
            "Thực hiện {} về công tác dân số trong tình hình mới.\n\n",
            cites[i % cites.len()]
        ));
        i += 1;
    }
    s.plan("big", PLAN_FM, &body);
    s
}

/// Milliseconds of the phases that read and render bodies (`PLANPORTAL_TIMINGS`).
fn body_ms(s: &Site) -> f64 {
    let out = Command::new(bin())
        .args(["build", "--root", s.root().to_str().unwrap()])
        .env("SOURCE_DATE_EPOCH", EPOCH_2026_01_01)
        .env("PLANPORTAL_TIMINGS", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    stderr
        .lines()
        .filter_map(|l| {
            let mut w = l.split_whitespace();
            let name = w.next()?;
            let ms: f64 = w.next()?.parse().ok()?;
            matches!(name, "parse" | "pages+index").then_some(ms)
        })
        .sum()
}

#[test]
fn twice_the_body_takes_less_than_two_and_a_half_times_as_long() {
    let (small, large) = (big_site(1024), big_site(2048));
    // The fastest of three runs each, taken in turns: other work on the
    // machine (the rest of the suite) only adds time, to both sizes alike.
    let (mut a, mut b) = (f64::MAX, f64::MAX);
    for _ in 0..3 {
        a = a.min(body_ms(&small));
        b = b.min(body_ms(&large));
    }
    assert!(a > 0.0, "timings were printed");
    assert!(
        b / a < 2.5,
        "1 MB body {a:.0} ms, 2 MB body {b:.0} ms: {:.2}×",
        b / a
    );
}
