//! Content cannot inject script in the default `raw_html: escape` mode:
//! Markdown makes no attribute but heading ids, links and images keep only
//! safe URLs in every Markdown form, `base_url` is checked, and JSON inside
//! `<script>` cannot end or re-open the script element.

use std::sync::OnceLock;

use crate::support::*;

/// Every Markdown form that writes a URL, each with a script URL in another spelling.
const BODY: &str = "# Tiêu đề {onfocus=alert(1) autofocus tabindex=0}

## Mục hai {.danger #muc-hai onmouseover=alert(2)}

Inline [một](javascript:alert(3)), [hai](jAvAsCrIpT:alert(4)), [ba](&#106;avascript:alert(5)),
[bốn](java%0ascript:alert(6)), [năm](<\u{1}javascript:alert(7)>), [sáu](vbscript:msgbox(8)),
[bảy](data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg==) and ![ảnh](javascript:alert(10)).

Autolink <javascript:alert(11)> and a reference [tám][r] and [r].

[r]: JaVaScRiPt:alert(12)

| cột |
|---|
| [chín](javascript:alert(13)) |

Chú thích[^1].

[^1]: [mười](javascript:alert(14))

```js\" onclick=\"alert(15)
code
```

Good: [cổng](https://chinhphu.vn/) and [mục](#muc-hai) and [thư](mailto:a@laocai.gov.vn).
";

fn site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let s = Site::fixed("injection-urls");
        s.plan(
            "urls",
            &format!("{PLAN_FM}campaigns:\n  - {{ name: Ngày Dân số thế giới, date: 11/7 }}\n"),
            BODY,
        );
        s.write(
            "content/campaigns/dstg.md",
            "---\ntitle: Ngày Dân số thế giới\ncampaigns:\n  - { name: Ngày Dân số thế giới, date: 11/7 }\n---\n\
             Xem [đây](javascript:alert(16)) hoặc <vbscript:msgbox(17)>.\n\n# Mô tả {onfocus=alert(18) autofocus}\n",
        );
        s.built();
        s
    })
}

/// The HTML pages of the output.
fn pages(s: &Site) -> Vec<(String, String)> {
    tree(&s.out())
        .into_iter()
        .filter(|(k, _)| k.ends_with(".html"))
        .map(|(k, v)| (k, String::from_utf8_lossy(&v).into_owned()))
        .collect()
}

#[test]
fn markdown_makes_no_event_handler_or_script_url_on_any_page() {
    let s = site();
    let handler = regex::Regex::new(r"(?i)<[a-z][^>]*\s(on[a-z]+|autofocus)\b").unwrap();
    let script_url =
        regex::Regex::new(r#"(?i)\s(href|src)\s*=\s*"\s*(javascript|vbscript|data|&#)"#).unwrap();
    let all = pages(s);
    assert!(all.len() > 5, "the site was built");
    for (name, html) in &all {
        assert!(!handler.is_match(html), "{name}: {:?}", handler.find(html));
        assert!(
            !script_url.is_match(html),
            "{name}: {:?}",
            script_url.find(html)
        );
        assert!(
            !html.contains("language-js"),
            "{name}: a code fence made a class"
        );
    }
}

#[test]
fn headings_keep_their_id_only() {
    let p = site().page("/plans/urls/");
    assert!(p.contains("<h1 id=\"tieu-de\">Tiêu đề</h1>"), "{p}");
    assert!(p.contains("<h2 id=\"muc-hai\">Mục hai</h2>"), "{p}");
}

#[test]
fn refused_links_show_as_text_and_good_links_stay() {
    let p = site().page("/plans/urls/");
    assert!(p.contains("[một](javascript:alert(3))"), "shown as written");
    assert!(
        p.contains("&lt;javascript:alert(11)&gt;"),
        "autolink shown as written"
    );
    assert!(links_to(&p, "https://chinhphu.vn/"));
    assert!(links_to(&p, "#muc-hai"));
    assert!(links_to(&p, "mailto:a@laocai.gov.vn"));
}

#[test]
fn campaign_descriptions_are_checked_too() {
    let s = site();
    for url in ["/calendar/", "/campaigns/dstg/"] {
        let p = s.page(url);
        assert!(p.contains("[đây](javascript:alert(16))"), "{url}: {p}");
        assert!(!p.contains("=\"vbscript"), "{url}");
    }
}

#[test]
fn a_script_base_url_in_site_yaml_is_an_error_at_its_line() {
    let s = Site::new();
    s.plan("a", PLAN_FM, "Nội dung.\n");
    s.write(
        "site.yaml",
        "title: Cổng\nbase_url: javascript:alert(document.domain)//\n",
    );
    s.build()
        .fails()
        .located("site.yaml", 2)
        .says("base_url")
        .says("http");
    assert!(!s.out().exists(), "nothing written");
}

#[test]
fn a_script_base_url_flag_is_wrong_usage() {
    let s = Site::new();
    s.plan("a", PLAN_FM, "Nội dung.\n");
    for bad in [
        "javascript:alert(1)//",
        "data:text/html,x",
        "kehoach.gov.vn",
        "//x.vn/",
    ] {
        s.build_with(&["--base-url", bad]).code(2).says("base_url");
    }
    s.build_with(&["--base-url", "https://kehoach.laocai.gov.vn/"])
        .ok();
}

/// A title that would put the HTML tokenizer in the "script data double
/// escaped" state if it reached a `<script>` raw.
const BLANKING_TITLE: &str = "Kế hoạch <!--<script> thử </script> & \u{2028} cuối";

fn blanking_site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let s = Site::fixed("injection-blanking");
        s.plan(
            "evil",
            &format!(
                "title: '{BLANKING_TITLE}'\nnumber: 12/KH-UBND\nissuer: Ủy ban nhân dân tỉnh Lào Cai\n\
                 jurisdiction: Lào Cai\ndate: 2026-01-15\n"
            ),
            "Nội dung.\n",
        );
        // Cites the evil plan in its basis: its JSON-LD names it.
        s.plan(
            "child",
            "title: Kế hoạch con\nnumber: 13/KH-UBND\nissuer: Ủy ban nhân dân tỉnh Lào Cai\n\
             jurisdiction: Lào Cai\ndate: 2026-02-01\nbasis:\n  - Kế hoạch số 12/KH-UBND ngày 15/01/2026\n",
            "Nội dung.\n",
        );
        s.built();
        s
    })
}

/// The text a browser shows for `html` (scripts' contents dropped), as
/// html5ever (through ammonia) tokenizes it: what a swallowed page loses.
fn visible_text(html: &str) -> String {
    ammonia::Builder::empty().clean(html).to_string()
}

#[test]
fn a_title_with_comment_and_script_openers_does_not_blank_any_page() {
    let s = blanking_site();
    let footer = "Dữ liệu mở (JSON)";
    for url in [
        "/plans/evil/",
        "/plans/child/",
        "/plans/",
        "/",
        "/jurisdictions/lao-cai/",
    ] {
        let p = s.page(url);
        assert!(p.contains(footer), "{url} was written whole");
        assert!(
            visible_text(&p).contains(footer),
            "{url}: the page after the title is swallowed"
        );
    }
}

#[test]
fn json_ld_escapes_markup_characters_and_still_parses() {
    let s = blanking_site();
    let ld =
        regex::Regex::new(r#"(?s)<script type="application/ld\+json">(.*?)</script>"#).unwrap();
    for url in ["/plans/evil/", "/plans/child/"] {
        let p = s.page(url);
        let json = &ld
            .captures(&p)
            .unwrap_or_else(|| panic!("{url} has JSON-LD"))[1];
        for c in ['<', '>', '&', '\u{2028}', '\u{2029}'] {
            assert!(!json.contains(c), "{url}: raw {c:?} in {json}");
        }
        assert!(json.contains("\\u003c!--\\u003cscript\\u003e"), "{json}");
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        let text = v.to_string();
        assert!(
            text.contains("Kế hoạch <!--<script> thử </script> & cuối"),
            "the title reads back (its U+2028 collapsed to a space): {text}"
        );
    }
}
