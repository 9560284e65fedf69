//! Phase timings for performance work: `PLANPORTAL_TIMINGS=1 planportal build`
//! prints how long each stage took to stderr. Off by default; costs one
//! environment lookup per phase.

use std::time::Instant;

/// Prints `name: N ms` and the peak memory so far, since `since` when timings are on, and returns now.
pub fn phase(name: &str, since: Instant) -> Instant {
    if std::env::var_os("PLANPORTAL_TIMINGS").is_some() {
        eprintln!(
            "  {name:<14} {:>7.1} ms  peak {:>5} MB",
            since.elapsed().as_secs_f64() * 1000.0,
            peak_rss_kb() / 1024
        );
    }
    Instant::now()
}

/// Peak resident memory so far (Linux; 0 elsewhere).
fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}
