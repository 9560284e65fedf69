//! The preview server: answers only from the in-memory site, so no request
//! can reach a file outside it (`..`, `%2e%2e`, absolute paths and symlinks
//! all end in a lookup that fails), plus the live-reload event stream.

use std::io::Write;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tiny_http::{Header, Request, Response, Server, StatusCode};

use crate::output::memory::Memory;

/// The live-reload client, injected only by `serve`.
pub const RELOAD_JS: &str = include_str!("reload.js");

/// Open event streams, and the current problems to show new tabs at once.
#[derive(Clone, Default)]
pub struct Hub {
    clients: Arc<Mutex<Vec<Sender<String>>>>,
    /// JSON list of current problems; empty when the last rebuild succeeded.
    problems: Arc<Mutex<String>>,
}

impl Hub {
    /// Sends an SSE event to every open tab, forgetting closed ones.
    pub fn broadcast(&self, event: &str, data: &str) {
        let msg = sse(event, data);
        self.clients
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .retain(|c| c.send(msg.clone()).is_ok());
    }

    pub fn set_problems(&self, json: String) {
        *self.problems.lock().unwrap_or_else(PoisonError::into_inner) = json;
    }

    fn problems(&self) -> String {
        self.problems
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn subscribe(&self) -> Receiver<String> {
        let (tx, rx) = mpsc::channel();
        let current = self.problems();
        if !current.is_empty() {
            let _ = tx.send(sse("problems", &current));
        }
        self.clients
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(tx);
        rx
    }
}

fn sse(event: &str, data: &str) -> String {
    let mut s = format!("event: {event}\n");
    for line in data.lines() {
        s.push_str("data: ");
        s.push_str(line);
        s.push('\n');
    }
    if data.is_empty() {
        s.push_str("data: \n");
    }
    s.push('\n');
    s
}

/// Serves requests until the process ends; one thread per request, since
/// event streams stay open.
pub fn serve(server: Server, site: Memory, hub: Hub) {
    let server = Arc::new(server);
    for request in server.incoming_requests() {
        let site = site.clone();
        let hub = hub.clone();
        std::thread::spawn(move || handle(request, &site, &hub));
    }
}

fn handle(req: Request, site: &Memory, hub: &Hub) {
    let url = req.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or("/");
    match path {
        "/__planportal/reload.js" => {
            let _ = req.respond(
                Response::from_string(RELOAD_JS)
                    .with_header(header("Content-Type", "text/javascript; charset=utf-8"))
                    .with_header(header("Cache-Control", "no-store")),
            );
        }
        "/__planportal/events" => stream_events(req, hub),
        "/__planportal/problems" => {
            let p = hub.problems();
            let body = if p.is_empty() { "[]".to_string() } else { p };
            let _ = req.respond(
                Response::from_string(body)
                    .with_header(header("Content-Type", "application/json"))
                    .with_header(header("Cache-Control", "no-store")),
            );
        }
        _ => serve_file(req, path, site),
    }
}

fn serve_file(req: Request, path: &str, site: &Memory) {
    let Some(key) = resolve_path(path) else {
        return not_found(req, site);
    };
    if let Some(bytes) = site.get(&key) {
        let resp = Response::from_data(bytes.as_slice())
            .with_header(header("Content-Type", &content_type(&key)))
            .with_header(header("Cache-Control", "no-store"));
        let _ = req.respond(resp);
        return;
    }
    // `/plans/x` → `/plans/x/`, as static hosts do.
    if !key.ends_with("index.html") && site.contains(&format!("{key}/index.html")) {
        let location = format!("{}/", path.trim_end_matches('/'));
        let _ = req
            .respond(Response::empty(StatusCode(301)).with_header(header("Location", &location)));
        return;
    }
    not_found(req, site)
}

fn not_found(req: Request, site: &Memory) {
    let body = site
        .get("404.html")
        .map(|b| b.to_vec())
        .unwrap_or_else(|| b"404 not found".to_vec());
    let _ = req.respond(
        Response::from_data(body)
            .with_status_code(404)
            .with_header(header("Content-Type", "text/html; charset=utf-8")),
    );
}

/// Maps a request path to a key of the in-memory site, or None when the
/// path tries to leave it. Pure, so it is tested without a server.
pub fn resolve_path(raw: &str) -> Option<String> {
    // Absolute-form requests (`GET http://host/x`) carry the path after the host.
    let raw = match raw.find("://") {
        Some(i) => raw[i + 3..].find('/').map(|j| &raw[i + 3 + j..])?,
        None => raw,
    };
    let decoded = percent_encoding::percent_decode_str(raw)
        .decode_utf8()
        .ok()?;
    if decoded.contains('\0') || decoded.contains('\\') {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" => {}
            "." | ".." => return None,
            s if s.starts_with("..") && s.chars().all(|c| c == '.') => return None,
            s => parts.push(s),
        }
    }
    let mut key = parts.join("/");
    if decoded.ends_with('/') || key.is_empty() {
        if !key.is_empty() {
            key.push('/');
        }
        key.push_str("index.html");
    }
    Some(key)
}

/// Content-Type with a charset for every text type.
pub fn content_type(key: &str) -> String {
    let mime = mime_guess::from_path(key).first_or_octet_stream();
    let text = mime.type_() == "text"
        || matches!(
            mime.subtype().as_str(),
            "javascript" | "json" | "xml" | "svg"
        );
    match (key.rsplit('.').next(), text) {
        (Some("ics"), _) => "text/calendar; charset=utf-8".into(),
        (_, true) => format!("{}; charset=utf-8", mime.essence_str()),
        _ => mime.essence_str().to_string(),
    }
}

fn header(k: &str, v: &str) -> Header {
    Header::from_bytes(k.as_bytes(), v.as_bytes()).expect("header names and values here are ASCII")
}

/// Holds an SSE stream open. tiny_http buffers chunked bodies, so the
/// response is written by hand on the raw connection and flushed per event.
fn stream_events(req: Request, hub: &Hub) {
    let rx = hub.subscribe();
    let mut w = req.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n";
    if w.write_all(head.as_bytes())
        .and_then(|_| w.flush())
        .is_err()
    {
        return;
    }
    loop {
        let msg = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(m) => m,
            // A comment line keeps proxies from closing the stream and finds dead tabs.
            Err(RecvTimeoutError::Timeout) => ": ping\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if w.write_all(msg.as_bytes()).and_then(|_| w.flush()).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_site_keys() {
        assert_eq!(resolve_path("/").as_deref(), Some("index.html"));
        assert_eq!(
            resolve_path("/plans/a/").as_deref(),
            Some("plans/a/index.html")
        );
        assert_eq!(resolve_path("/style.css").as_deref(), Some("style.css"));
        assert_eq!(
            resolve_path("/plans/h%E1%BA%A3i/").as_deref(),
            Some("plans/hải/index.html")
        );
        assert_eq!(
            resolve_path("http://x/plans/").as_deref(),
            Some("plans/index.html")
        );
    }

    #[test]
    fn traversal_is_refused() {
        for bad in [
            "/../etc/passwd",
            "/a/../../x",
            "/%2e%2e/x",
            "/%2E%2E%2Fetc",
            "/a%5c..%5cb",
            "/.../x",
            "/a/%00",
            "/./a",
        ] {
            assert_eq!(resolve_path(bad), None, "{bad}");
        }
        // Absolute paths only ever name keys inside the site.
        assert_eq!(resolve_path("//etc/passwd").as_deref(), Some("etc/passwd"));
    }

    #[test]
    fn content_types_carry_charset() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("style.css"), "text/css; charset=utf-8");
        assert_eq!(
            content_type("data/documents.json"),
            "application/json; charset=utf-8"
        );
        assert_eq!(content_type("calendar.ics"), "text/calendar; charset=utf-8");
        assert_eq!(content_type("x.png"), "image/png");
    }
}
