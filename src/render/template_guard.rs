//! Template recursion as an error, never a stack overflow.
//!
//! Tera renders `include`, `extends` and macro calls by recursing on the
//! native stack, so a partial that includes itself or a macro that calls
//! itself without end aborts the whole process. Include, import and extends
//! cycles are found before Tera sees the templates, from their sources, and
//! named. Macros may recurse on purpose (the default theme's basis tree), so
//! each macro body starts with a call to [`GUARD`], which fails the render
//! with the macro's name once the thread's stack is nearly used up.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::diag::Diagnostic;

/// The Tera function called at the start of every macro body.
pub const GUARD: &str = "__planportal_macro_guard";

/// Stack left (bytes) below which a macro call is refused. One level of
/// macro recursion in a debug build uses tens of kilobytes.
const STACK_RESERVE: usize = 512 * 1024;

/// `{% include "a" %}`, `{% include ["a", "b"] ignore missing %}`,
/// `{% extends "a" %}`, `{% import "a" as m %}`.
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\{%-?\s*(include|extends|import)\s+([^%]*?)-?%\}"#).expect("valid regex")
});
static QUOTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""([^"]*)"|'([^']*)'"#).expect("valid regex"));
static MACRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{%-?\s*macro\s+([A-Za-z_][A-Za-z0-9_]*)\s*\([^%]*?(-?)%\}").expect("valid regex")
});

/// One template: name as Tera knows it, path shown in messages, source.
pub type Source = (String, String, String);

/// An error for each cycle of `include`, `import` or `extends` among `sources`,
/// at the line of the tag that closes it.
pub fn cycles(sources: &[Source]) -> Vec<Diagnostic> {
    let index: HashMap<&str, usize> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.0.as_str(), i))
        .collect();
    // edges[i]: (target, tag, line) for every link in template i.
    let edges: Vec<Vec<(usize, &str, usize)>> = sources
        .iter()
        .map(|(_, _, text)| {
            LINK.captures_iter(text)
                .flat_map(|c| {
                    let kind = c.get(1).map_or("", |m| m.as_str());
                    let line = text[..c.get(0).map_or(0, |m| m.start())]
                        .matches('\n')
                        .count()
                        + 1;
                    let args = c.get(2).map_or("", |m| m.as_str());
                    // `import "a" as m`: only the first string names a template.
                    let names: Vec<&str> = QUOTED
                        .captures_iter(args)
                        .filter_map(|q| q.get(1).or(q.get(2)).map(|m| m.as_str()))
                        .take(if kind == "import" { 1 } else { usize::MAX })
                        .collect();
                    names
                        .into_iter()
                        .filter_map(|n| index.get(n).copied())
                        .map(move |t| (t, kind, line))
                        .collect::<Vec<_>>()
                })
                .collect()
        })
        .collect();
    // Depth-first search; a link back to a template on the path closes a cycle.
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        OnPath,
        Done,
    }
    let mut mark = vec![Mark::New; sources.len()];
    let mut out = Vec::new();
    for start in 0..sources.len() {
        if mark[start] != Mark::New {
            continue;
        }
        // (template, next edge to follow); `path` holds the templates on the stack.
        let mut stack = vec![(start, 0usize)];
        mark[start] = Mark::OnPath;
        while let Some(&mut (t, ref mut next)) = stack.last_mut() {
            let Some(&(to, kind, line)) = edges[t].get(*next) else {
                mark[t] = Mark::Done;
                stack.pop();
                continue;
            };
            *next += 1;
            match mark[to] {
                Mark::New => {
                    mark[to] = Mark::OnPath;
                    stack.push((to, 0));
                }
                Mark::OnPath => {
                    let from = stack.iter().position(|&(s, _)| s == to).unwrap_or(0);
                    let mut names: Vec<&str> = stack[from..]
                        .iter()
                        .map(|&(s, _)| sources[s].0.as_str())
                        .collect();
                    names.push(&sources[to].0);
                    out.push(
                        Diagnostic::error(format!(
                            "mẫu giao diện lặp vô tận: `{kind}` tạo vòng {}",
                            names.join(" → ")
                        ))
                        .at(&sources[t].1, Some(line))
                        .help(format!(
                            "bỏ `{{% {kind} \"{}\" %}}` ở đây, hoặc đổi để không mẫu nào quay lại chính nó",
                            sources[to].0
                        )),
                    );
                }
                Mark::Done => {}
            }
        }
    }
    out
}

/// `text` with a call to the guard at the start of every macro body.
pub fn guard_macros<'a>(name: &str, text: &'a str) -> Cow<'a, str> {
    if !MACRO.is_match(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 128);
    let mut last = 0;
    for c in MACRO.captures_iter(text) {
        let whole = c.get(0).expect("group 0");
        out.push_str(&text[last..whole.end()]);
        // A `-%}` trims the whitespace after the tag: the call must trim it too.
        let trim = if c.get(2).is_some_and(|m| !m.as_str().is_empty()) {
            "-"
        } else {
            ""
        };
        let mac = format!("{name}::{}", &c[1]);
        out.push_str(&format!(
            "{{{{ {GUARD}(m={}) {trim}}}}}",
            serde_json::json!(mac)
        ));
        last = whole.end();
    }
    out.push_str(&text[last..]);
    Cow::Owned(out)
}

/// Registers the guard function.
pub fn register(tera: &mut tera::Tera) {
    tera.register_function(
        GUARD,
        |args: &HashMap<String, tera::Value>| -> tera::Result<tera::Value> {
            let left = stacker::remaining_stack().unwrap_or(usize::MAX);
            if left < STACK_RESERVE {
                let m = args.get("m").and_then(|v| v.as_str()).unwrap_or("?");
                return Err(tera::Error::msg(format!(
                    "macro `{m}` gọi lại chính nó quá sâu (đệ quy không dừng?): \
                     hãy thêm điều kiện dừng, ví dụ `{{% if n.children %}}`"
                )));
            }
            Ok(tera::Value::String(String::new()))
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(name: &str, text: &str) -> Source {
        (
            name.into(),
            format!("themes/t/templates/{name}"),
            text.into(),
        )
    }

    #[test]
    fn include_extends_and_import_cycles_are_named() {
        let e = cycles(&[src("a.html", "x\n{% include \"a.html\" %}")]);
        assert_eq!(e.len(), 1);
        assert!(
            e[0].message().contains("a.html → a.html"),
            "{}",
            e[0].message()
        );
        assert_eq!(e[0].line, Some(2));
        let e = cycles(&[
            src("x.html", "{% extends 'y.html' %}"),
            src("y.html", "{%- extends \"x.html\" -%}"),
        ]);
        assert_eq!(e.len(), 1);
        assert!(
            e[0].message().contains("x.html → y.html → x.html"),
            "{}",
            e[0].message()
        );
        let e = cycles(&[
            src("m.html", "{% import \"n.html\" as n %}"),
            src(
                "n.html",
                "{% include [\"z.html\", \"m.html\"] ignore missing %}",
            ),
        ]);
        assert_eq!(e.len(), 1, "{e:?}");
    }

    #[test]
    fn a_chain_without_cycle_passes() {
        let e = cycles(&[
            src("base.html", "{% block c %}{% endblock c %}"),
            src(
                "page.html",
                "{% extends \"base.html\" %}{% import \"m.html\" as m %}{% include \"p.html\" %}",
            ),
            src("p.html", "{% include \"q.html\" %}"),
            src("q.html", "{% import \"m.html\" as m %}"),
            src("m.html", "{% macro f() %}{% endmacro f %}"),
        ]);
        assert!(e.is_empty(), "{e:?}");
    }

    #[test]
    fn guarded_macros_render_the_same() {
        let text =
            "{% macro a(x=1) %} A{{ x }} {% endmacro a %}{% macro b() -%}\n B {%- endmacro b %}";
        let guarded = guard_macros("m.html", text);
        assert!(guarded.contains("__planportal_macro_guard(m=\"m.html::a\")"));
        let render = |t: &str| {
            let mut tera = tera::Tera::default();
            register(&mut tera);
            tera.add_raw_templates(vec![
                ("m.html", t),
                (
                    "p.html",
                    "{% import \"m.html\" as m %}[{{ m::a() }}|{{ m::b() }}]",
                ),
            ])
            .unwrap();
            tera.render("p.html", &tera::Context::new()).unwrap()
        };
        assert_eq!(render(&guarded), render(text));
        assert_eq!(render(&guarded), "[ A1 |B]");
    }

    #[test]
    fn endless_macro_recursion_is_an_error_naming_the_macro() {
        let text = "{% macro f(n) %}{{ self::f(n=n) }}{% endmacro f %}";
        let guarded = guard_macros("m.html", text);
        let mut tera = tera::Tera::default();
        register(&mut tera);
        tera.add_raw_templates(vec![
            ("m.html", guarded.as_ref()),
            ("p.html", "{% import \"m.html\" as m %}{{ m::f(n=1) }}"),
        ])
        .unwrap();
        // A thread of its own, with a stack as small as rayon's default.
        let err = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || tera.render("p.html", &tera::Context::new()).unwrap_err())
            .unwrap()
            .join()
            .unwrap();
        let msg = super::super::templates::chain(&err);
        assert!(msg.contains("macro `m.html::f`"), "{msg}");
    }
}
