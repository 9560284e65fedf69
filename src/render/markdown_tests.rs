use super::*;

fn no_links(_: &Citation) -> Option<Target<'static>> {
    None
}

#[test]
fn tables_footnotes_and_heading_ids() {
    let r = render("# I. MỤC ĐÍCH\n\n## Mục đích\n\n## Mục đích\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nX[^1]\n\n[^1]: note\n", RawHtml::Escape, &no_links);
    assert!(r.html.contains("<h1 id=\"i-muc-dich\">"), "{}", r.html);
    assert!(r.html.contains("<h2 id=\"muc-dich\">"));
    assert!(r.html.contains("<h2 id=\"muc-dich-2\">"));
    assert!(r.html.contains(
        "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Bảng 1\"><table>"
    ));
    assert!(r.html.contains("footnote-definition"));
    assert_eq!(
        r.headings[0],
        (1, "i-muc-dich".into(), "I. MỤC ĐÍCH".into())
    );
}

#[test]
fn duplicate_heading_ids_skip_taken_suffixes() {
    let r = render_plain("# A\n\n# A\n\n# B {#a-3}\n\n# A\n\n# A\n", RawHtml::Escape);
    let ids: Vec<&str> = r.headings.iter().map(|h| h.1.as_str()).collect();
    assert_eq!(ids, ["a", "a-2", "a-3", "a-4", "a-5"]);
}

#[test]
fn equal_headings_stay_linear() {
    // 20,000 equal headings took minutes when every duplicate counted its
    // suffix up from 2; counting on from the last one makes it instant.
    let r = render_plain(&"# Mục\n".repeat(20_000), RawHtml::Escape);
    assert_eq!(r.headings.last().map(|h| h.1.as_str()), Some("muc-20000"));
}

#[test]
fn raw_html_is_escaped_by_default() {
    let r = render(
        "<script>alert(1)</script>\n\nHi <b onclick=x>there</b>\n",
        RawHtml::Escape,
        &no_links,
    );
    assert!(!r.html.contains("<script>"));
    assert!(r.html.contains("&lt;script&gt;"));
    assert!(!r.html.contains("<b onclick"));
}

#[test]
fn safe_mode_keeps_harmless_tags_only() {
    let r = render(
        "Hi <b onclick=x>there</b> <script>alert(1)</script>\n",
        RawHtml::Safe,
        &no_links,
    );
    assert!(r.html.contains("<b>there</b>"), "{}", r.html);
    assert!(!r.html.contains("script"));
    assert!(!r.html.contains("onclick"));
}

#[test]
fn citations_become_links_even_across_soft_breaks() {
    let link = |c: &Citation| {
        (c.number.display == "149-KL/TW").then_some(Target {
            href: "/documents/kl/",
            title: "Kết luận 149",
        })
    };
    let r = render("Thực hiện Kết luận số 149-\nKL/TW ngày 10/4/2025 của Bộ Chính trị.\n\n`149-KL/TW` in code stays.\n", RawHtml::Escape, &link);
    assert_eq!(
        r.html
            .matches("<a class=\"ref\" href=\"/documents/kl/\"")
            .count(),
        1,
        "{}",
        r.html
    );
    assert!(r.html.contains("<code>149-KL/TW</code>"));
    assert!(r.text.starts_with("Thực hiện Kết luận số 149- KL/TW"));
}

#[test]
fn existing_links_are_not_nested() {
    let link = |_: &Citation| {
        Some(Target {
            href: "/x/",
            title: "x",
        })
    };
    let r = render(
        "[Kết luận 149-KL/TW](https://example.org)\n",
        RawHtml::Escape,
        &link,
    );
    assert!(!r.html.contains("/x/"), "{}", r.html);
}

#[test]
fn escape_handles_every_special_character_and_keeps_the_rest() {
    assert_eq!(escape("a<b>&\"'ư/x"), "a&lt;b&gt;&amp;&quot;&#39;ư/x");
    assert_eq!(escape(""), "");
    assert_eq!(escape("Đạo"), "Đạo");
}

/// Links every citation to a page named after its number.
fn by_number(c: &Citation) -> Option<Target<'static>> {
    let href: &'static str = Box::leak(format!("/documents/{}/", c.number.slug()).into_boxed_str());
    Some(Target { href, title: "T" })
}

/// The parser's citations of `body`, as the renderer receives them.
fn known_of(body: &str) -> Vec<Known<'static>> {
    crate::legal::cite::find_all(body)
        .iter()
        .filter_map(|c| {
            Some(Known {
                span: c.number_span.start.min(c.span.start)..c.span.end,
                target: by_number(c)?,
            })
        })
        .collect()
}

#[test]
fn known_citations_render_exactly_as_a_scan_would() {
    for body in [
        // Plain paragraphs, a soft break inside a citation, a repeat.
        "Căn cứ Quyết định số 1745/QĐ-TTg ngày 15/8/2025 của Thủ tướng Chính phủ.\n\nThực hiện Kết luận số 149-\nKL/TW ngày 10/4/2025; Quyết định 1745/QĐ-TTg.\n",
        // Emphasis splits the text around a citation; a list continuation line
        // is indented, so its text is not a byte-for-byte copy of the source.
        "- **Kết luận** số 149-KL/TW của Bộ Chính trị\n  và Nghị quyết số 72-NQ/TW\n- Luật số 113/2025/QH15\n",
        // An entity and an escape inside the run; a table; a heading; code.
        "# Căn cứ Nghị quyết 72-NQ/TW\n\nA &amp; B theo Nghị định số 39/2015/NĐ\\-CP.\n\n| Văn bản | Ghi chú |\n|---|---|\n| Kế hoạch số 30-KH/TU | x |\n\n`149-KL/TW`\n",
        "Không trích dẫn văn bản nào.\n",
    ] {
        let scanned = render(body, RawHtml::Escape, &by_number);
        let known = known_of(body);
        let reused = render_known(body, RawHtml::Escape, &known, &by_number);
        assert_eq!(reused, scanned, "{body}");
        assert!(known.is_empty() || scanned.html.contains("class=\"ref\""), "{}", scanned.html);
    }
}

#[test]
fn a_run_of_text_without_known_citations_is_not_scanned() {
    // With nothing known, an exact run is emitted as is: the scan is skipped.
    let body = "Thực hiện Kết luận số 149-KL/TW.\n";
    let r = render_known(body, RawHtml::Escape, &[], &by_number);
    assert!(!r.html.contains("class=\"ref\""), "{}", r.html);
    // A run that is not a copy of its source (an entity) is scanned.
    let body = "A &amp; Kết luận số 149-KL/TW.\n";
    let r = render_known(body, RawHtml::Escape, &[], &by_number);
    assert!(
        r.html.contains("href=\"/documents/149-kl-tw/\""),
        "{}",
        r.html
    );
}

#[test]
fn safe_mode_allows_the_same_url_schemes_as_escape_mode() {
    let r = render(
        "<a href=\"javascript:alert(1)\">a</a> <a href=\"sms:1\">b</a> <a href=\"https://x.vn/\">c</a> <img src=\"data:image/png;base64,x\">\n\n[d](vbscript:x)\n",
        RawHtml::Safe,
        &no_links,
    );
    for bad in ["javascript:", "sms:", "data:", "href=\"vbscript"] {
        assert!(!r.html.contains(bad), "{bad} in {}", r.html);
    }
    assert!(r.html.contains("href=\"https://x.vn/\""), "{}", r.html);
}
