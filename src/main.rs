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
use planportal::diag::{self, Diagnostics};
use planportal::pipeline::{self, BuildOptions, Report};

fn main() -> ExitCode {
    let cli = Cli::parse();
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
            print_diagnostics(&report.diagnostics, &opts.root);
            summary("build", &report, Some(&opts.out_dir()));
            exit(&report)
        }
        Command::Check(a) => {
            let report = pipeline::check(&a.root);
            print_diagnostics(&report.diagnostics, &a.root);
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
        Command::Import(a) => {
            let (diags, ok) = planportal::import::run(&a);
            print_diagnostics(&diags, &a.root.root);
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
    }
}

fn print_diagnostics(diags: &Diagnostics, root: &Path) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for d in diags.iter() {
        eprint!("{}", diag::render(d, root, color));
    }
}

fn summary(cmd: &str, r: &Report, out: Option<&Path>) {
    let (e, w) = (r.diagnostics.error_count(), r.diagnostics.warning_count());
    let problems = match (e, w) {
        (0, 0) => String::new(),
        (0, w) => format!(", {w} warning(s)"),
        (e, w) => format!(", {e} error(s), {w} warning(s)"),
    };
    match (&r.stats, out) {
        (Some(s), Some(out)) => {
            let kept = match s.unchanged {
                0 => String::new(),
                n => format!(", {n} unchanged"),
            };
            eprintln!(
                "built {} pages ({} files{kept}) from {} documents in {} ms{problems} → {}",
                s.pages,
                s.files,
                r.documents,
                r.millis,
                out.display()
            )
        }
        _ if e > 0 && cmd == "build" => {
            eprintln!("build failed{problems}; the output folder was not changed")
        }
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
