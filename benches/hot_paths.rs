//! Criterion benches for the build's hot paths, on generated plans
//! (examples/gen_corpus.rs, included as a module so no file is written):
//!
//! - `front_matter`: `content::document::parse` of one plan file (front matter + body citations)
//! - `citations`: `legal::cite::find_all` on a source plan and on a generated body
//! - `markdown`: `render::markdown::render` of one plan body, citations linked
//! - `templates`: `render::render_site` of a 200-plan site into `output::memory::Memory`
//! - `resolve`: `graph::resolve::build` on 10,000 plans (+ the documents they cite)
//!
//! After criterion, `resolve_scale` times `graph::resolve::build` at 10,000 and
//! 100,000 plans and prints the time per reference and the ratio (linear growth
//! means the per-reference time stays flat). Skip it with `HOT_PATHS_SCALE=0`.
//!
//!   cargo bench --bench hot_paths                  # everything
//!   cargo bench --bench hot_paths -- markdown      # one group (the scale check is skipped)

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{black_box, BatchSize, Criterion};
use planportal::config::RawHtml;
use planportal::content::{self, document, model::Document, model::Section};
use planportal::diag::Diagnostics;
use planportal::graph::resolve;
use planportal::legal::cite;
use planportal::output::memory::Memory;
use planportal::render::{self, markdown, templates, RenderOptions};

#[allow(dead_code)]
#[path = "../examples/gen_corpus.rs"]
mod gen_corpus;

fn section(s: &str) -> Section {
    match s {
        "plans" => Section::Plan,
        "documents" => Section::Document,
        _ => Section::Campaign,
    }
}

/// One generated plan file, the first one longer than 6 KB.
fn sample_plan() -> (String, String) {
    let mut found = None;
    gen_corpus::in_memory(60, 7, &mut |sec, slug, text| {
        if found.is_none() && sec == "plans" && text.len() > 6000 {
            found = Some((slug.to_string(), text.to_string()));
        }
    });
    found.expect("a plan over 6 KB among 60")
}

/// Parsed documents of a corpus of `plans` plans, bodies dropped (resolution does not read them).
fn documents(plans: usize) -> Vec<Document> {
    let mut docs = Vec::with_capacity(plans + 300);
    gen_corpus::in_memory(plans, 1, &mut |sec, slug, text| {
        let rel = PathBuf::from(format!("content/{sec}/{slug}.md"));
        if let Some(mut d) = document::parse(&rel, section(sec), slug, text).document {
            d.body = Default::default();
            docs.push(d);
        }
    });
    content::check_unique_ids(&mut docs, &mut Diagnostics::default());
    docs
}

fn references(docs: &[Document]) -> usize {
    docs.iter().map(|d| d.basis.len() + d.cites.len()).sum()
}

/// A source plan's extracted text when the repository has one, else a generated body.
fn source_text(fallback: &str) -> (String, String) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    for p in [
        "src/legal/testdata/003_a490ef5cca20fb50.txt",
        "../shared/source-plans/003_a490ef5cca20fb50.txt",
    ] {
        if let Ok(t) = std::fs::read_to_string(dir.join(p)) {
            return ("source_plan_003".into(), t);
        }
    }
    ("generated_body".into(), fallback.to_string())
}

fn benches(c: &mut Criterion) {
    let (slug, plan) = sample_plan();
    let body = plan.splitn(3, "---\n").nth(2).unwrap_or(&plan).to_string();
    let rel = PathBuf::from(format!("content/plans/{slug}.md"));

    let mut g = c.benchmark_group("front_matter");
    g.throughput(criterion::Throughput::Bytes(plan.len() as u64));
    g.bench_function("document_parse", |b| {
        b.iter(|| document::parse(&rel, Section::Plan, &slug, black_box(&plan)))
    });
    g.finish();

    let mut g = c.benchmark_group("citations");
    let (name, source) = source_text(&body);
    for (name, text) in [
        (name.as_str(), source.as_str()),
        ("generated_body", body.as_str()),
    ] {
        g.throughput(criterion::Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| b.iter(|| cite::find_all(black_box(text))));
    }
    g.finish();

    let mut g = c.benchmark_group("markdown");
    g.throughput(criterion::Throughput::Bytes(body.len() as u64));
    let link = |_: &cite::Citation| {
        Some(markdown::Target {
            href: "/documents/x/",
            title: "Văn bản",
        })
    };
    g.bench_function("render_plan_body", |b| {
        b.iter(|| markdown::render(black_box(&body), RawHtml::Escape, &link))
    });
    g.finish();

    // A small site on disk, loaded once; each iteration renders every page into memory.
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path().to_path_buf();
    let mut write = |sec: &str, slug: &str, text: &str| {
        let dir = root.join("content").join(sec);
        std::fs::create_dir_all(&dir).expect("mkdir");
        std::fs::write(dir.join(format!("{slug}.md")), text).expect("write");
    };
    gen_corpus::in_memory(200, 3, &mut write);
    let mut diags = Diagnostics::default();
    let site = planportal::pipeline::load(&root, None, false, &mut diags);
    assert!(!diags.has_errors(), "the generated site has errors");
    let tera = templates::load(&root, &site.config.theme).expect("built-in templates");
    let opts = RenderOptions {
        root: &root,
        now: planportal::pipeline::now(),
        live_reload: false,
    };
    let mut g = c.benchmark_group("templates");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    g.bench_function("render_site_200_plans", |b| {
        b.iter(|| {
            let mem = Memory::new();
            render::render_site(&site.library, &site.config, &tera, &opts, &mem, None)
                .unwrap_or_else(|e| panic!("render: {}", e[0].message()));
            mem.len()
        })
    });
    g.finish();

    let docs = documents(10_000);
    let mut g = c.benchmark_group("resolve");
    g.sample_size(10).measurement_time(Duration::from_secs(12));
    g.throughput(criterion::Throughput::Elements(references(&docs) as u64));
    g.bench_function("build_10000_plans", |b| {
        b.iter_batched(
            || docs.clone(),
            |d| resolve::build(d, &mut Diagnostics::default()),
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

/// Median wall time of `resolve::build` over `runs` runs on fresh copies.
fn time_resolve(docs: &[Document], runs: usize) -> Duration {
    let mut t: Vec<Duration> = (0..runs)
        .map(|_| {
            let d = docs.to_vec();
            let start = Instant::now();
            let lib = black_box(resolve::build(d, &mut Diagnostics::default()));
            let t = start.elapsed();
            drop(lib);
            t
        })
        .collect();
    t.sort();
    t[runs / 2]
}

fn resolve_scale() {
    println!("\nresolve_scale: graph::resolve::build, median of 5 runs (3 at 100,000)");
    let mut per_ref = Vec::new();
    for (plans, runs) in [(10_000, 5), (100_000, 3)] {
        let docs = documents(plans);
        let refs = references(&docs);
        let t = time_resolve(&docs, runs);
        let ns = t.as_nanos() as f64 / refs as f64;
        println!(
            "  {plans:>7} plans, {:>7} documents, {refs:>7} references: {:>8.1} ms, {ns:>6.0} ns/reference",
            docs.len(),
            t.as_secs_f64() * 1e3
        );
        per_ref.push((t, ns));
    }
    let (t10, ns10) = per_ref[0];
    let (t100, ns100) = per_ref[1];
    println!(
        "  100,000 / 10,000: time ×{:.1} for ×10 plans; per reference ×{:.2} (1.0 = linear)",
        t100.as_secs_f64() / t10.as_secs_f64(),
        ns100 / ns10
    );
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    benches(&mut c);
    c.final_summary();
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let wanted = filter.is_empty() || filter.iter().any(|f| "resolve_scale".contains(f.as_str()));
    let listing = std::env::args().any(|a| a == "--list" || a == "--test");
    if wanted && !listing && std::env::var("HOT_PATHS_SCALE").as_deref() != Ok("0") {
        resolve_scale();
    }
}
