//! `planportal serve`: build into memory, serve it on loopback, and on every
//! change rebuild what changed and reload the open tabs.
//!
//! Broken input never stops the server: the last good site stays up, the
//! terminal prints the problem and the browser shows it in an overlay until
//! the file is fixed. State lives in [`incremental::State`], not in statics.

pub mod changes;
pub mod http;
pub mod incremental;

use std::io::IsTerminal;
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use notify::{RecursiveMode, Watcher};

use crate::cli::ServeArgs;
use crate::diag::{self, Diagnostics, Lang};
use changes::Changes;
use incremental::{Rebuild, State};

/// Quiet time that ends a burst of events (an editor's save-as-rename, a `git checkout`).
const DEBOUNCE: Duration = Duration::from_millis(30);
/// Longest we wait for a burst to end before rebuilding anyway.
const MAX_WAIT: Duration = Duration::from_millis(600);

pub fn run(args: &ServeArgs) -> Result<()> {
    let root = std::fs::canonicalize(&args.root.root)
        .with_context(|| format!("cannot open the site folder `{}`", args.root.root.display()))?;
    let addr = format!("{}:{}", args.bind, args.port);
    let server = listen(&addr).map_err(|e| {
        anyhow::anyhow!(
            "cannot listen on {addr}: {e}; another program may use the port: try `--port 1112`"
        )
    })?;
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .unwrap_or(args.port);
    let host = if args.bind.contains(':') {
        format!("[{}]", args.bind)
    } else {
        args.bind.clone()
    };
    let url = format!("http://{host}:{port}/");
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();

    let mut state = State::new(&root, &url);
    let first = state.rebuild(&Changes::default(), true);
    let hub = http::Hub::default();
    report(&root, "first build", &first, &hub, color, site_lang(&state));
    finish(&root, &mut state, color);

    // Watch before serving: an edit made as soon as the URL is printed must not be missed.
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(ev) = res {
            let _ = tx.send(ev);
        }
    })
    .context("cannot watch files for changes")?;
    for dir in ["content", "themes"] {
        let p = root.join(dir);
        if p.is_dir() {
            watcher
                .watch(&p, RecursiveMode::Recursive)
                .with_context(|| format!("cannot watch `{}`", p.display()))?;
        }
    }
    // The root itself, non-recursively: site.yaml, and content/ or themes/ appearing later.
    watcher
        .watch(&root, RecursiveMode::NonRecursive)
        .context("cannot watch the site folder")?;

    let site = state.out.clone();
    let hub2 = hub.clone();
    std::thread::spawn(move || http::serve(server, site, hub2));
    println!("Serving {} at {url}  (Ctrl+C to stop)", root.display());
    if args.open {
        let _ = open_browser(&url);
    }

    loop {
        let Ok(first_ev) = rx.recv() else {
            return Ok(());
        };
        let mut changes = Changes::default();
        let mut rewatch = false;
        add_event(&root, &first_ev, &mut changes, &mut rewatch);
        let started = Instant::now();
        while let Ok(ev) = rx.recv_timeout(DEBOUNCE) {
            add_event(&root, &ev, &mut changes, &mut rewatch);
            if started.elapsed() > MAX_WAIT {
                break;
            }
        }
        crate::timing::phase("debounce", started);
        if rewatch {
            for dir in ["content", "themes"] {
                let p = root.join(dir);
                if p.is_dir() {
                    let _ = watcher.watch(&p, RecursiveMode::Recursive);
                }
            }
        }
        if changes.is_empty() {
            continue;
        }
        let result = state.rebuild(&changes, false);
        report(
            &root,
            &changes.describe(),
            &result,
            &hub,
            color,
            site_lang(&state),
        );
        finish(&root, &mut state, color);
    }
}

fn add_event(root: &Path, ev: &notify::Event, changes: &mut Changes, rewatch: &mut bool) {
    if matches!(ev.kind, notify::EventKind::Access(_)) {
        return;
    }
    for p in &ev.paths {
        if p.parent() == Some(root)
            && matches!(
                p.file_name().and_then(|n| n.to_str()),
                Some("content" | "themes")
            )
        {
            *rewatch = true;
            changes.content.insert("content".into());
            changes.templates = true;
        }
        changes.add(root, p);
    }
}

/// Prints the one-line summary (and problems), and tells the browser.
/// The overlay speaks the site's language, whatever `--lang` says for the terminal.
fn site_lang(state: &State) -> Lang {
    Lang::of_site(&state.config.language)
}

fn report(root: &Path, what: &str, r: &Rebuild, hub: &http::Hub, color: bool, lang: Lang) {
    let time = chrono::Local::now().format("%H:%M:%S");
    for d in r.diagnostics.iter() {
        eprint!("{}", diag::render(d, root, color));
    }
    match &r.stats {
        Some(s) => {
            println!(
                "{time} {what}: rendered {} of {} pages in {} ms{}",
                s.rendered,
                s.pages,
                r.millis,
                warnings(&r.diagnostics)
            );
            hub.set_problems(String::new());
            hub.broadcast("reload", "");
        }
        None => {
            println!(
                "{time} {what}: {} error(s); still serving the last good site",
                r.diagnostics.error_count()
            );
            let json = problems_json(&r.diagnostics, lang);
            hub.set_problems(json.clone());
            hub.broadcast("problems", &json);
        }
    }
}

/// A listening socket with Nagle's algorithm off. tiny_http writes a
/// response's head and body separately; with Nagle on, a keep-alive client's
/// delayed ACK stalls every response by ~40 ms (measured: 44 ms → 0.7 ms).
/// Linux passes TCP_NODELAY from the listener to accepted connections.
fn listen(addr: &str) -> Result<tiny_http::Server> {
    use std::net::ToSocketAddrs;
    let sa = addr
        .to_socket_addrs()?
        .next()
        .context("the address resolves to nothing")?;
    let sock = socket2::Socket::new(
        socket2::Domain::for_address(sa),
        socket2::Type::STREAM,
        Some(socket2::Protocol::TCP),
    )?;
    sock.set_reuse_address(true)?;
    sock.set_nodelay(true)?;
    sock.bind(&sa.into())?;
    sock.listen(128)?;
    let listener: std::net::TcpListener = sock.into();
    tiny_http::Server::from_listener(listener, None).map_err(|e| anyhow::anyhow!("{e}"))
}

/// Writes the site-wide files after the reload went out.
fn finish(root: &Path, state: &mut State, color: bool) {
    if let Err(errs) = state.finish() {
        for d in &errs {
            eprint!("{}", diag::render(d, root, color));
        }
    }
}

fn warnings(d: &Diagnostics) -> String {
    match d.warning_count() {
        0 => String::new(),
        n => format!(", {n} warning(s)"),
    }
}

fn problems_json(d: &Diagnostics, lang: Lang) -> String {
    let items: Vec<serde_json::Value> = d
        .iter()
        .filter(|x| x.is_error())
        .map(|x| {
            let t = x.text(lang);
            serde_json::json!({ "kind": x.kind(), "location": x.location(), "message": t.message, "help": t.help, "example": t.example })
        })
        .collect();
    serde_json::to_string(&items).unwrap_or_else(|_| "[]".into())
}

fn open_browser(url: &str) -> std::io::Result<std::process::Child> {
    let cmd = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    std::process::Command::new(cmd).arg(url).spawn()
}
