use super::*;

fn no_links(_: &Citation) -> Option<String> {
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
    let link =
        |c: &Citation| (c.number.display == "149-KL/TW").then(|| "/documents/kl/".to_string());
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
    let link = |_: &Citation| Some("/x/".to_string());
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
