//! Tera set-up: the built-in theme (embedded in the binary) overlaid file by
//! file with the site's own `themes/<theme>/templates/`.

use std::path::Path;

use include_dir::{include_dir, Dir};
use tera::Tera;

use crate::diag::{Diagnostic, Msg};

/// The default theme, compiled in so a folder holding only `content/` builds.
pub static DEFAULT_THEME: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Loads the templates: built-in first, then the site's overrides.
/// Returns one diagnostic per broken template, naming its file and line.
pub fn load(root: &Path, theme: &str) -> Result<Tera, Vec<Diagnostic>> {
    let mut sources: Vec<(String, String, String)> = Vec::new(); // (name, display path, text)
    if let Some(dir) = DEFAULT_THEME.get_dir("templates") {
        for f in embedded_files(dir) {
            let name = f
                .path()
                .strip_prefix("templates")
                .unwrap_or(f.path())
                .to_string_lossy()
                .replace('\\', "/");
            let text = f.contents_utf8().unwrap_or_default().to_string();
            sources.push((
                name.clone(),
                format!("(built-in theme) templates/{name}"),
                text,
            ));
        }
    }
    let mut errors = Vec::new();
    let site_dir = root.join("themes").join(theme).join("templates");
    if site_dir.is_dir() {
        for entry in walkdir::WalkDir::new(&site_dir)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry.path().strip_prefix(&site_dir).unwrap_or(entry.path());
            let name = rel.to_string_lossy().replace('\\', "/");
            let shown = entry
                .path()
                .strip_prefix(root)
                .unwrap_or(entry.path())
                .display()
                .to_string();
            match std::fs::read_to_string(entry.path()) {
                Ok(text) => {
                    sources.retain(|(n, _, _)| *n != name);
                    sources.push((name, shown, text));
                }
                Err(e) => errors.push(
                    Diagnostic::err(Msg::TemplateUnreadable {
                        error: e.to_string(),
                    })
                    .at(shown, None),
                ),
            }
        }
    }
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    // Tera's default also escapes `/` (as `&#x2F;`), which garbles every URL
    // and date in the source; `& < > " '` are all HTML needs.
    tera.set_escape_fn(escape_html);
    tera.register_filter("json_encode", json_encode);
    super::template_guard::register(&mut tera);
    errors.extend(super::template_guard::cycles(&sources));
    if !errors.is_empty() {
        return Err(errors);
    }
    let guarded: Vec<std::borrow::Cow<'_, str>> = sources
        .iter()
        .map(|(n, _, t)| super::template_guard::guard_macros(n, t))
        .collect();
    let pairs: Vec<(&str, &str)> = sources
        .iter()
        .zip(&guarded)
        .map(|((n, _, _), t)| (n.as_str(), t.as_ref()))
        .collect();
    if let Err(e) = tera.add_raw_templates(pairs) {
        // Tera's bulk error does not say which file broke: parse them one by one
        // (only now, since parsing is most of the cost of loading a theme).
        for (name, shown, text) in &sources {
            if let Err(e) = tera::Template::new(name, None, text) {
                errors.push(template_error(shown, &e));
            }
        }
        if errors.is_empty() {
            errors.push(Diagnostic::err(Msg::TemplatesMismatch {
                detail: chain(&e),
            }));
        }
        return Err(errors);
    }
    Ok(tera)
}

/// Tera's `json_encode`, made safe for a theme to put inside `<script>`
/// (see [`super::data::script_json`]); the JSON means the same.
fn json_encode(
    v: &tera::Value,
    args: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let pretty = args.get("pretty").and_then(tera::Value::as_bool) == Some(true);
    let json = if pretty {
        serde_json::to_string_pretty(v)
    } else {
        serde_json::to_string(v)
    }
    .map_err(tera::Error::json)?;
    Ok(tera::Value::String(super::data::script_json(&json)))
}

fn escape_html(s: &str) -> String {
    super::markdown::escape(s)
}

/// The file a template comes from, as load shows it: the site's override
/// when it has one, else the built-in theme's.
pub fn shown_path(root: &Path, theme: &str, name: &str) -> String {
    let rel = Path::new("themes").join(theme).join("templates").join(name);
    if root.join(&rel).is_file() {
        rel.display().to_string()
    } else {
        format!("(built-in theme) templates/{name}")
    }
}

/// The source of a template: the site's override, else the built-in one.
fn source_of(root: &Path, theme: &str, name: &str) -> Option<String> {
    let file = root.join("themes").join(theme).join("templates").join(name);
    std::fs::read_to_string(file).ok().or_else(|| {
        let f = DEFAULT_THEME.get_file(format!("templates/{name}"))?;
        f.contents_utf8().map(str::to_string)
    })
}

/// Where a runtime error most likely is: Tera names the variable, filter or
/// macro (`Variable `page.x` not found`, our guard's `macro `m.html::f``) but
/// no line, so its first use is looked up in `template`, the templates it
/// extends, then any other. Falls back to `template` without a line.
pub fn locate(
    tera: &Tera,
    root: &Path,
    theme: &str,
    template: &str,
    message: &str,
) -> (String, Option<usize>) {
    let fallback = (shown_path(root, theme, template), None);
    // Backticked names; a macro's (`file::name`) wins, else the last plain one.
    let names: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
    let name = names
        .iter()
        .find(|n| {
            n.split_once("::")
                .is_some_and(|(f, _)| tera.get_template(f).is_ok())
        })
        .or_else(|| {
            names
                .iter()
                .rev()
                .find(|n| !n.is_empty() && !n.contains(char::is_whitespace))
        });
    let Some(name) = name else {
        return fallback;
    };
    let (mut order, needle): (Vec<String>, String) = match name.split_once("::") {
        Some((file, mac)) if tera.get_template(file).is_ok() => {
            (vec![file.to_string()], format!("macro {mac}"))
        }
        _ => {
            let mut order = vec![template.to_string()];
            if let Ok(t) = tera.get_template(template) {
                order.extend(t.parents.iter().cloned());
            }
            let mut rest: Vec<String> = tera
                .get_template_names()
                .map(str::to_string)
                .filter(|n| !order.contains(n))
                .collect();
            rest.sort();
            order.extend(rest);
            (order, name.to_string())
        }
    };
    order.dedup();
    for t in order {
        if let Some(src) = source_of(root, theme, &t) {
            if let Some(at) = src.find(&needle) {
                let line = src[..at].matches('\n').count() + 1;
                return (shown_path(root, theme, &t), Some(line));
            }
        }
    }
    fallback
}

/// Every file under an embedded folder, sub-folders included (`partials/`).
pub fn embedded_files<'a>(dir: &'a Dir<'a>) -> Vec<&'a include_dir::File<'a>> {
    let mut out: Vec<&include_dir::File<'_>> = dir.files().collect();
    for d in dir.dirs() {
        out.extend(embedded_files(d));
    }
    out
}

/// A Tera error as a diagnostic: Tera writes positions as `--> line:col`.
pub fn template_error(shown: &str, e: &tera::Error) -> Diagnostic {
    let msg = chain(e);
    let pos = msg.split("--> ").nth(1).and_then(|rest| {
        let mut it = rest
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty());
        Some((
            it.next()?.parse::<usize>().ok()?,
            it.next()?.parse::<usize>().ok()?,
        ))
    });
    // Tera's parse errors end with `= expected …`; other errors are one line.
    let first = msg
        .lines()
        .find_map(|l| l.trim().strip_prefix("= "))
        .or_else(|| {
            msg.lines()
                .find(|l| !l.trim().is_empty() && !l.contains("Failed to parse"))
        })
        .unwrap_or(&msg)
        .trim();
    Diagnostic::err(Msg::TemplateSyntax {
        detail: crate::text::collapse_ws(first),
    })
    .at(shown, pos.map(|p| p.0))
    .col(pos.map(|p| p.1))
}

/// The whole cause chain of a Tera error on one string.
pub fn chain(e: &tera::Error) -> String {
    use std::error::Error as _;
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(inner) = src {
        s.push_str(": ");
        s.push_str(&inner.to_string());
        src = inner.source();
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn json_encode_is_safe_inside_script() {
        let mut tera = tera::Tera::default();
        tera.register_filter("json_encode", super::json_encode);
        tera.add_raw_template("t", "{{ x | json_encode | safe }}")
            .unwrap();
        let mut ctx = tera::Context::new();
        ctx.insert("x", "</script><!--");
        let out = tera.render("t", &ctx).unwrap();
        assert_eq!(out, r#""\u003c/script\u003e\u003c!--""#);
    }
}
