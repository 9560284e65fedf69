//! Command-line definitions. Parsing only; `main` runs the commands.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// planportal turns plans written as Markdown into a public website: every plan
/// with its legal basis chain, the observance calendar (also as .ics), and search.
#[derive(Debug, Parser)]
#[command(name = "planportal", version, about, long_about = None, after_help = "\
Examples:
  planportal build                      build ./content into ./public
  planportal serve                      preview at http://127.0.0.1:1111, reloads on every save
  planportal check                      report problems without writing anything
  planportal import ke-hoach.pdf        draft content/plans/<name>.md from a signed plan
  planportal new cong-ke-hoach          start a new site in ./cong-ke-hoach

Exit status: 0 success (warnings allowed), 1 content or template errors, 2 wrong usage.
The content format is described in docs/content-format.md.")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of the messages: vi or en [default: the site's `language`, else vi]
    #[arg(long, global = true, value_name = "LANG", value_parser = ["vi", "en"])]
    pub lang: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (atomically: a failed build changes nothing)
    Build(BuildArgs),
    /// Check content and templates the way build does, writing nothing
    Check(CheckArgs),
    /// Build, serve on this computer, and rebuild + reload the browser on every change
    Serve(ServeArgs),
    /// Draft one Markdown plan per signed plan file (.txt, .docx, .pdf)
    Import(ImportArgs),
    /// Start a new site in DIR (site.yaml, content/, one example plan) that builds at once
    New(NewArgs),
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The folder to create (it must be empty or not exist yet)
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct RootArg {
    /// The site folder (the one holding content/ and site.yaml)
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// Print every warning (by default at most 20 of each kind)
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// Output folder [default: DIR/public]
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Absolute URL the site will live at, e.g. https://kehoach.laocai.gov.vn/
    #[arg(long, value_name = "URL", value_parser = crate::config::check_base_url)]
    pub base_url: Option<String>,
    /// Include plans marked `draft: true`
    #[arg(long)]
    pub drafts: bool,
    /// Replace a non-empty output folder that no earlier build wrote
    #[arg(long)]
    pub force: bool,
    /// Exit at once (status 2) instead of waiting when another build writes the same output
    #[arg(long)]
    pub no_wait: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// Address to listen on; other computers can connect only if you change it
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    pub bind: String,
    /// Port to listen on
    #[arg(long, value_name = "N", default_value_t = 1111)]
    pub port: u16,
    /// Open the portal in the default browser
    #[arg(long)]
    pub open: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Signed plans to import: .txt (extracted text), .docx or .pdf (with a text layer)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    #[command(flatten)]
    pub root: RootArg,
    /// Folder for the drafts [default: DIR/content/plans]
    #[arg(long, value_name = "DIR")]
    pub to: Option<PathBuf>,
    /// Jurisdiction to use when the text does not say it, e.g. "Lào Cai"
    #[arg(long, value_name = "J")]
    pub jurisdiction: Option<String>,
    /// Overwrite existing files
    #[arg(long)]
    pub force: bool,
}
