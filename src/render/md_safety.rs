//! What Markdown syntax itself may put into HTML attributes.
//!
//! Raw HTML is escaped or sanitized elsewhere; this pass covers the Markdown
//! forms that write attributes: `{…}` after a heading (`# T {onfocus=… autofocus}`
//! would make a real event handler), the info string of a code fence (a
//! class), and link and image destinations in every form (inline, reference,
//! autolink, inside tables and footnotes). Headings keep only their id; a link
//! or image whose URL [`super::safe_url::allowed`] refuses is shown as the text
//! the author wrote, so the mistake is visible and inert.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag, TagEnd};

/// Rewrites `events` (with their source `ranges` in `body`) in place.
pub fn neutralize<'a>(body: &'a str, events: &mut Vec<Event<'a>>, ranges: &mut Vec<Range<usize>>) {
    let mut refused = false;
    for ev in events.iter_mut() {
        match ev {
            Event::Start(Tag::Heading { classes, attrs, .. }) => {
                classes.clear();
                attrs.clear();
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) if !info.is_empty() => {
                *info = CowStr::Borrowed("");
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if !super::safe_url::allowed(dest_url) =>
            {
                refused = true;
            }
            _ => {}
        }
    }
    if refused {
        replace_refused(body, events, ranges);
    }
}

/// Replaces every refused link or image, with all it contains, by its source text.
fn replace_refused<'a>(body: &'a str, events: &mut Vec<Event<'a>>, ranges: &mut Vec<Range<usize>>) {
    let old = std::mem::take(events);
    let old_ranges = std::mem::take(ranges);
    let mut it = old.into_iter().zip(old_ranges);
    while let Some((ev, range)) = it.next() {
        let is_image = match &ev {
            Event::Start(Tag::Link { dest_url, .. }) if !super::safe_url::allowed(dest_url) => {
                false
            }
            Event::Start(Tag::Image { dest_url, .. }) if !super::safe_url::allowed(dest_url) => {
                true
            }
            _ => {
                events.push(ev);
                ranges.push(range);
                continue;
            }
        };
        // Skip to the matching end: links never nest, images may (in alt text).
        let mut depth = 1usize;
        for (inner, _) in it.by_ref() {
            match inner {
                Event::Start(Tag::Image { .. }) if is_image => depth += 1,
                Event::End(TagEnd::Image) if is_image => depth -= 1,
                Event::End(TagEnd::Link) if !is_image => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                break;
            }
        }
        events.push(Event::Text(CowStr::Borrowed(&body[range.clone()])));
        ranges.push(range);
    }
}

#[cfg(test)]
mod tests {
    use super::super::markdown::render;
    use crate::config::RawHtml;

    fn html(md: &str) -> String {
        let escape = render(md, RawHtml::Escape, &|_| None).html;
        let safe = render(md, RawHtml::Safe, &|_| None).html;
        for h in [&escape, &safe] {
            let lower = h.to_lowercase();
            for bad in ["javascript:", "vbscript:", "data:"] {
                assert!(!lower.contains(&format!("=\"{bad}")), "{md:?} gave {h}");
            }
        }
        escape
    }

    #[test]
    fn heading_attributes_other_than_id_are_dropped() {
        let h = html("# Tiêu đề {onfocus=alert(1) autofocus tabindex=0 .evil #muc}\n");
        assert_eq!(h, "<h1 id=\"muc\">Tiêu đề</h1>\n");
        let h = html("## Hai {onmouseover=\"alert(1)\"}\n");
        assert_eq!(h, "<h2 id=\"hai\">Hai</h2>\n");
    }

    #[test]
    fn code_fences_carry_no_class() {
        let h = html("```x\" onclick=\"alert(1)\ncode\n```\n");
        assert_eq!(h, "<pre><code>code\n</code></pre>\n");
    }

    #[test]
    fn refused_links_and_images_become_their_source_text() {
        let h = html("Xem [đây](javascript:alert(1)) nhé.\n");
        assert_eq!(h, "<p>Xem [đây](javascript:alert(1)) nhé.</p>\n");
        let h = html("![ảnh](data:image/svg+xml,x)\n");
        assert_eq!(h, "<p>![ảnh](data:image/svg+xml,x)</p>\n");
        let h = html("<javascript:alert(1)>\n");
        assert_eq!(h, "<p>&lt;javascript:alert(1)&gt;</p>\n");
    }

    #[test]
    fn every_markdown_form_is_checked() {
        for md in [
            "[a](jAvAsCrIpT:alert(1))",
            "[a](&#106;avascript:alert(1))",
            "[a](java%0ascript:alert(1))",
            "[a](<java\u{1}script:alert(1)>)",
            "[a](vbscript:msgbox(1))",
            "[a](data:text/html,x)",
            "[a][r]\n\n[r]: javascript:alert(1)",
            "[r]\n\n[r]: <JAVASCRIPT:alert(1)> \"t\"",
            "![a][r]\n\n[r]: javascript:alert(1)",
            "| a |\n|---|\n| [x](javascript:alert(1)) |",
            "x[^1]\n\n[^1]: [y](javascript:alert(1))",
            "[![i](https://x.vn/a.png)](javascript:alert(1))",
            "[t](https://x.vn) ![i ![j](javascript:1)](javascript:alert(1))",
            "- [x](javascript:alert(1))",
            "> [x](javascript:alert(1))",
            "**[x](javascript:alert(1))**",
        ] {
            let h = html(md);
            assert!(
                !h.contains("href=\"javascript") && !h.contains("src=\"javascript"),
                "{md:?}: {h}"
            );
            assert!(
                !h.to_lowercase().contains("=\"java")
                    && !h.contains("=\"vbscript")
                    && !h.contains("=\"data"),
                "{md:?}: {h}"
            );
        }
    }

    #[test]
    fn good_links_stay_links() {
        let h = html("[a](https://x.vn) [b](/plans/x/) [c](#muc) <https://y.vn> [d](mailto:a@b.vn) ![e](anh.png)\n");
        for want in [
            "href=\"https://x.vn\"",
            "href=\"/plans/x/\"",
            "href=\"#muc\"",
            "href=\"https://y.vn\"",
            "href=\"mailto:a@b.vn\"",
            "src=\"anh.png\"",
        ] {
            assert!(h.contains(want), "{want} missing in {h}");
        }
    }
}
