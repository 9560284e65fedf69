//! The `planportal` binary: parse the command line, run one command, print
//! its diagnostics once, and choose the exit code (0 ok, 1 errors, 2 usage).

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

/// Rendering allocates many short-lived strings on every thread; mimalloc is
/// faster at that than glibc's malloc and fragments less on large sites.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use planportal::cli::{Cli, Command};
use planportal::diag::{self, Diagnostics, Lang};
use planportal::pipeline::{self, BuildOptions, Report};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = match &cli.command {
        Command::Build(a) => &a.root.root,
        Command::Check(a) => &a.root.root,
        Command::Serve(a) => &a.root.root,
        Command::Import(a) => &a.root.root,
        Command::New(a) => &a.dir,
    };
    let lang = match cli.lang.as_deref().and_then(Lang::parse) {
        Some(l) => l,
        None => site_lang(root),
    };
    diag::set_lang(lang);
    match cli.command {
        Command::Build(a) => {
            let opts = BuildOptions {
                root: a.root.root,
                out: a.out,
                base_url: a.base_url,
                drafts: a.drafts,
                force: a.force,
                no_wait: a.no_wait,
            };
            let report = pipeline::build(&opts);
            print_diagnostics(&report.diagnostics, &opts.root, false);
            summary("build", &report, Some(&opts.out_dir()));
            exit(&report)
        }
        Command::Check(a) => {
            let report = pipeline::check(&a.root.root);
            print_diagnostics(&report.diagnostics, &a.root.root, a.all);
            summary("check", &report, None);
            exit(&report)
        }
        Command::Serve(a) => match planportal::serve::run(&a) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e:#}");
                ExitCode::from(1)
            }
        },
        Command::New(a) => new_site(&a.dir, lang == Lang::Vi),
        Command::Import(a) => {
            let (diags, ok) = planportal::import::run(&a);
            print_diagnostics(&diags, &a.root.root, true);
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
    }
}

/// `planportal new DIR`: creates, then says what to do next. A folder that
/// holds anything is wrong usage (exit 2): nothing is overwritten.
fn new_site(dir: &Path, vi: bool) -> ExitCode {
    match planportal::scaffold::new_site(dir) {
        Ok(files) => {
            let d = dir.display();
            if vi {
                eprintln!("đã tạo cổng mới trong `{d}`:");
            } else {
                eprintln!("started a new site in `{d}`:");
            }
            for f in files {
                eprintln!("  {f}");
            }
            if vi {
                eprintln!(
                    "xem trước: cd {d} && planportal serve   (rồi mở http://127.0.0.1:1111/)"
                );
            } else {
                eprintln!(
                    "preview it: cd {d} && planportal serve   (then open http://127.0.0.1:1111/)"
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {}", if vi { "lỗi" } else { "error" }, e.message(vi));
            ExitCode::from(2)
        }
    }
}

/// The site's `language` setting (Vietnamese when there is none or it is unreadable).
fn site_lang(root: &Path) -> Lang {
    let mut ignored = Diagnostics::default();
    Lang::of_site(&planportal::config::load(root, &mut ignored).language)
}

/// Errors first, then warnings grouped by kind (at most 20 of each unless `all`).
fn print_diagnostics(diags: &Diagnostics, root: &Path, all: bool) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    eprint!(
        "{}",
        diag::summary_lines(diags, root, color, diag::lang(), all)
    );
}

fn summary(cmd: &str, r: &Report, out: Option<&Path>) {
    let (e, w) = (r.diagnostics.error_count(), r.diagnostics.warning_count());
    let vi = diag::lang() == Lang::Vi;
    let problems = match (e, w, vi) {
        (0, 0, _) => String::new(),
        (0, w, true) => format!(", {w} cảnh báo"),
        (0, w, false) => format!(", {w} warning(s)"),
        (e, w, true) => format!(", {e} lỗi, {w} cảnh báo"),
        (e, w, false) => format!(", {e} error(s), {w} warning(s)"),
    };
    match (&r.stats, out) {
        (Some(s), Some(out)) => {
            let kept = match (s.unchanged, vi) {
                (0, _) => String::new(),
                (n, true) => format!(", {n} không đổi"),
                (n, false) => format!(", {n} unchanged"),
            };
            if vi {
                eprintln!(
                    "đã tạo {} trang ({} tệp{kept}) từ {} văn bản trong {} ms{problems} → {}",
                    s.pages,
                    s.files,
                    r.documents,
                    r.millis,
                    out.display()
                )
            } else {
                eprintln!(
                    "built {} pages ({} files{kept}) from {} documents in {} ms{problems} → {}",
                    s.pages,
                    s.files,
                    r.documents,
                    r.millis,
                    out.display()
                )
            }
        }
        _ if e > 0 && cmd == "build" => {
            if vi {
                eprintln!("không tạo được trang{problems}; thư mục kết quả vẫn giữ nguyên")
            } else {
                eprintln!("build failed{problems}; the output folder was not changed")
            }
        }
        _ if vi => eprintln!(
            "đã kiểm tra {} văn bản trong {} ms{problems}",
            r.documents, r.millis
        ),
        _ => eprintln!(
            "checked {} documents in {} ms{problems}",
            r.documents, r.millis
        ),
    }
}

fn exit(r: &Report) -> ExitCode {
    if r.refused {
        ExitCode::from(2)
    } else if r.failed() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
