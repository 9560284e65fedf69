//! Finds script a page would run that the site did not write: event-handler
//! attributes, script URLs in links and images, script elements with a
//! payload, and script blocks whose text puts the HTML tokenizer into the
//! "double escaped" state (which swallows the rest of the page).

use std::sync::LazyLock;

use regex::Regex;

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<([a-zA-Z][a-zA-Z0-9-]*)((?:[^<>\x22']|\x22[^\x22]*\x22|'[^']*')*)>").unwrap()
});
static ATTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"([^\s"'=<>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?"#).unwrap()
});
static URL_ATTRS: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "srcset",
    "data",
];

/// Every problem in one HTML (or XML) text, described for a failure message.
pub fn problems(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Script contents are not markup: check them, then blank them out so
    // the tag scan below does not read JSON text as tags.
    let mut markup = html.to_string();
    let lower = html.to_ascii_lowercase();
    let mut at = 0;
    while let Some(i) = lower[at..].find("<script") {
        let start = at + i;
        let Some(open_end) = lower[start..].find('>') else {
            break;
        };
        let open = &lower[start..start + open_end];
        let body_start = start + open_end + 1;
        let body_end = lower[body_start..]
            .find("</script")
            .map_or(lower.len(), |j| body_start + j);
        let body = &lower[body_start..body_end];
        let shown = || html[start..body_end.min(start + 300)].to_string();
        // `<!--` then `<script` puts the tokenizer in the "script data double
        // escaped" state: the next `</script>` no longer ends the block.
        if let Some(c) = body.find("<!--") {
            if body[c..].contains("<script") {
                out.push(format!(
                    "script block would swallow the page: {:?}",
                    shown()
                ));
            }
        }
        let runs =
            !open.contains("type=") || open.contains("javascript") || open.contains("module");
        if runs && (body.contains("alert(") || body.contains("confirm(")) {
            out.push(format!("injected script: {:?}", shown()));
        }
        markup.replace_range(body_start..body_end, &" ".repeat(body_end - body_start));
        at = body_end;
    }
    for tag in TAG.captures_iter(&markup) {
        let attrs = tag.get(2).map_or("", |m| m.as_str());
        for a in ATTR.captures_iter(attrs) {
            let name = a[1].to_ascii_lowercase();
            let value = a.get(2).map_or("", |m| m.as_str());
            let value = value.trim_matches(|c| c == '"' || c == '\'');
            if name.starts_with("on") && name.len() > 2 {
                out.push(format!("event handler `{}`", &tag[0]));
            }
            if URL_ATTRS.contains(&name.as_str()) && is_script_url(value) {
                out.push(format!("script URL in `{}`", &tag[0]));
            }
            if name == "content" && is_script_url(value.rsplit("url=").next().unwrap_or("")) {
                out.push(format!("script URL in `{}`", &tag[0]));
            }
        }
    }
    out
}

/// What a browser would run: entities decoded, tabs, line breaks and
/// controls removed, ASCII case folded.
fn is_script_url(value: &str) -> bool {
    let decoded = decode_entities(value);
    let squeezed: String = decoded
        .chars()
        .filter(|c| !c.is_ascii_control() && *c != ' ')
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| squeezed.starts_with(s))
}

fn decode_entities(s: &str) -> String {
    static ENT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?").unwrap());
    ENT.replace_all(s, |c: &regex::Captures| {
        let e = c[1].to_ascii_lowercase();
        let code = if let Some(h) = e.strip_prefix("#x") {
            u32::from_str_radix(h, 16).ok()
        } else if let Some(d) = e.strip_prefix('#') {
            d.parse().ok()
        } else {
            match e.as_str() {
                "colon" => Some(':' as u32),
                "tab" => Some(9),
                "newline" => Some(10),
                "amp" => Some('&' as u32),
                "lpar" => Some('(' as u32),
                _ => None,
            }
        };
        code.and_then(char::from_u32)
            .map_or_else(|| c[0].to_string(), |ch| ch.to_string())
    })
    .into_owned()
}

#[test]
fn the_checker_sees_what_a_browser_runs() {
    for bad in [
        r#"<h1 id="x" onfocus="alert(1)" autofocus>"#,
        r#"<a href="javascript:alert(1)">"#,
        r#"<a href="JaVaScRiPt:alert(1)">"#,
        r#"<a href="java&#x09;script&colon;alert(1)">"#,
        r#"<a href=" &#106;avascript:alert(1)">"#,
        r#"<img src="data:text/html,x">"#,
        r#"<a href='vbscript:msgbox(1)'>"#,
        r#"<script type="application/ld+json">{"name":"<!--<script>"}</script>"#,
        r#"<script>alert(1)</script>"#,
    ] {
        assert!(!problems(bad).is_empty(), "missed {bad}");
    }
    for good in [
        r#"<a href="https://x.example/?q=javascript:1">javascript:alert(1)</a>"#,
        r#"<a href="/plans/x/" title="onfocus=alert(1)">"#,
        r#"<p>&lt;script&gt;alert(1)&lt;/script&gt; onclick=alert(1)</p>"#,
        r#"<script type="application/ld+json">{"name":"\u003c!--\u003cscript\u003e"}</script>"#,
        r#"<script src="/search.js" defer></script>"#,
        r#"<script type="application/ld+json">{"name":"<script>alert(1)<\/script><img src=x onerror=alert(1)>"}</script>"#,
    ] {
        assert!(
            problems(good).is_empty(),
            "false alarm on {good}: {:?}",
            problems(good)
        );
    }
}
