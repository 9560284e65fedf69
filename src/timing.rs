//! Phase timings for performance work: `PLANPORTAL_TIMINGS=1 planportal build`
//! prints how long each stage took to stderr. Off by default; costs one
//! environment lookup per phase.

use std::time::Instant;

/// Prints `name: N ms` since `since` when timings are on, and returns now.
pub fn phase(name: &str, since: Instant) -> Instant {
    if std::env::var_os("PLANPORTAL_TIMINGS").is_some() {
        eprintln!(
            "  {name:<14} {:>7.1} ms",
            since.elapsed().as_secs_f64() * 1000.0
        );
    }
    Instant::now()
}
