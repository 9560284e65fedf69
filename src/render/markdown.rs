//! Markdown → HTML for document bodies.
//!
//! CommonMark with tables, footnotes and strikethrough; every heading gets an
//! id (heading anchors); citations in the text become links; raw HTML is
//! escaped unless the site allows a sanitized subset. Also returns the plain
//! text, which search and `<meta description>` use, so the body is parsed once.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::config::RawHtml;
use crate::legal::cite::{self, Citation};
use crate::text::slugify;

/// Where a citation links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target<'a> {
    pub href: &'a str,
    /// The cited document's title: the link's tooltip says what it opens.
    pub title: &'a str,
}

/// Maps a citation found in the text to where it links (None leaves it as text).
type LinkFor<'r, 't> = &'r dyn Fn(&Citation) -> Option<Target<'t>>;

/// A citation the parser already found in the body, with where it links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known<'a> {
    /// Bytes of the body the link covers.
    pub span: std::ops::Range<usize>,
    pub target: Target<'a>,
}

/// How the renderer finds the citations it turns into links.
#[derive(Clone, Copy)]
enum Cites<'r, 't> {
    None,
    /// Scan every run of text.
    Scan(LinkFor<'r, 't>),
    /// Use what parsing found; scan only a run of text that does not map
    /// one-to-one onto the source or that a known citation straddles.
    Known(&'r [Known<'t>], LinkFor<'r, 't>),
}

/// HTML and plain text of one body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    pub html: String,
    pub text: String,
    /// `(level, id, text)` of every heading, for a table of contents.
    pub headings: Vec<(u8, String, String)>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders `body`. `link_for` maps a citation found in the text to its
/// document (None leaves it as text).
pub fn render(body: &str, raw_html: RawHtml, link_for: LinkFor<'_, '_>) -> Rendered {
    render_with(body, raw_html, Cites::Scan(link_for))
}

/// Renders `body` whose citations parsing already found (`known`, in text
/// order, not overlapping):
/// the text is not scanned again except where those cannot be placed, and
/// there `link_for` links what the scan finds. Same output as [`render`]
/// (unit-tested on bodies with soft breaks, emphasis, indented continuation
/// lines, entities, escapes, tables and code).
pub fn render_known<'t>(
    body: &str,
    raw_html: RawHtml,
    known: &[Known<'t>],
    link_for: LinkFor<'_, 't>,
) -> Rendered {
    render_with(body, raw_html, Cites::Known(known, link_for))
}

/// Renders `body` without looking for citations (a body known to cite nothing).
pub fn render_plain(body: &str, raw_html: RawHtml) -> Rendered {
    render_with(body, raw_html, Cites::None)
}

/// Text waiting to be emitted, and the bytes of the body it came from when it
/// is an exact copy of them.
struct Pending {
    text: String,
    /// Start and end in the body; `exact` is false once a piece did not
    /// continue the previous one byte for byte (an entity, an escape, an
    /// indented continuation line).
    src: std::ops::Range<usize>,
    exact: bool,
}

impl Pending {
    fn push(&mut self, piece: &str, src: std::ops::Range<usize>, body: &str) {
        let same = body.get(src.clone()) == Some(piece);
        if self.text.is_empty() {
            self.src = src;
            self.exact = same;
        } else {
            self.exact &= same && src.start == self.src.end;
            self.src.end = src.end;
        }
        self.text.push_str(piece);
    }
}

fn render_with(body: &str, raw_html: RawHtml, cites: Cites<'_, '_>) -> Rendered {
    // About one event per 20 bytes of a plan's Markdown: sized up front, the
    // two vectors are not regrown a dozen times per page.
    let guess = body.len() / 16 + 16;
    let (mut events, mut ranges) = (Vec::with_capacity(guess), Vec::with_capacity(guess));
    for (ev, range) in Parser::new_ext(body, options()).into_offset_iter() {
        events.push(ev);
        ranges.push(range);
    }
    super::md_safety::neutralize(body, &mut events, &mut ranges);
    let headings = assign_heading_ids(&mut events);
    let mut text = String::with_capacity(body.len());
    let mut out: Vec<Event<'_>> = Vec::with_capacity(events.len() + 8);
    let mut pending = Pending {
        text: String::new(),
        src: 0..0,
        exact: false,
    };
    let mut in_link = 0usize;
    let mut in_code = false;
    let mut tables = 0;
    for (ev, range) in events.into_iter().zip(ranges) {
        match ev {
            Event::Text(t) if in_link == 0 && !in_code => {
                pending.push(&t, range, body);
                text.push_str(&t);
                continue;
            }
            Event::SoftBreak if in_link == 0 && !in_code && !pending.text.is_empty() => {
                pending.push("\n", range, body);
                text.push(' ');
                continue;
            }
            _ => {}
        }
        flush(&mut pending, &mut out, cites);
        match &ev {
            Event::Start(Tag::Link { .. }) => in_link += 1,
            Event::End(TagEnd::Link) => in_link = in_link.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            )
            | Event::SoftBreak
            | Event::HardBreak => text.push(' '),
            _ => {}
        }
        match ev {
            Event::Html(h) | Event::InlineHtml(h) if raw_html == RawHtml::Escape => {
                out.push(Event::Text(h))
            }
            Event::Start(Tag::Table(a)) => {
                // A wide table scrolls inside its wrapper, so the wrapper must be
                // reachable by keyboard and named (WCAG 2.1.1, axe scrollable-region-focusable).
                tables += 1;
                out.push(Event::Html(CowStr::from(format!(
                    "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Bảng {tables}\">"
                ))));
                out.push(Event::Start(Tag::Table(a)));
            }
            Event::End(TagEnd::Table) => {
                out.push(Event::End(TagEnd::Table));
                out.push(Event::Html(CowStr::Borrowed("</div>")));
            }
            other => out.push(other),
        }
    }
    flush(&mut pending, &mut out, cites);
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    if raw_html == RawHtml::Safe {
        html = sanitize(&html);
    }
    Rendered {
        html,
        text: crate::text::collapse_ws(&text),
        headings,
    }
}

/// Emits buffered text, turning citations into links.
fn flush<'t>(pending: &mut Pending, out: &mut Vec<Event<'_>>, cites: Cites<'_, 't>) {
    if pending.text.is_empty() {
        return;
    }
    let buf = std::mem::take(&mut pending.text);
    let links: Vec<(std::ops::Range<usize>, Target<'t>)> = match cites {
        Cites::None => Vec::new(),
        Cites::Scan(link_for) => scan(&buf, link_for),
        Cites::Known(known, link_for) => {
            let src = &pending.src;
            // `known` is in text order and does not overlap, so the ones this
            // run overlaps are found by bisection: scanning them all for every
            // run made a body with many citations quadratic (50 MB: 243 s).
            let lo = known.partition_point(|k| k.span.end <= src.start);
            let hi = lo + known[lo..].partition_point(|k| k.span.start < src.end);
            let overlapping = known[lo..hi].iter();
            if pending.exact
                && overlapping
                    .clone()
                    .all(|k| k.span.start >= src.start && k.span.end <= src.end)
            {
                overlapping
                    .map(|k| (k.span.start - src.start..k.span.end - src.start, k.target))
                    .collect()
            } else {
                scan(&buf, link_for)
            }
        }
    };
    let mut last = 0;
    for (span, target) in links {
        if span.start < last {
            continue;
        }
        out.push(Event::Text(CowStr::from(buf[last..span.start].to_string())));
        let label = escape(&buf[span.clone()]);
        out.push(Event::Html(CowStr::from(format!(
            "<a class=\"ref\" href=\"{}\" title=\"{}\">{label}</a>",
            escape(target.href),
            escape(target.title)
        ))));
        last = span.end;
    }
    if last < buf.len() {
        out.push(Event::Text(CowStr::from(buf[last..].to_string())));
    }
}

/// Finds the citations in `buf` that link somewhere.
fn scan<'t>(buf: &str, link_for: LinkFor<'_, 't>) -> Vec<(std::ops::Range<usize>, Target<'t>)> {
    cite::find_all(buf)
        .into_iter()
        .filter_map(|c| {
            let target = link_for(&c)?;
            Some((c.number_span.start.min(c.span.start)..c.span.end, target))
        })
        .collect()
}

/// Gives every heading a unique id from its text (`I. MỤC ĐÍCH` → `i-muc-dich`),
/// keeping ids an author set with `{#id}`.
fn assign_heading_ids(events: &mut [Event<'_>]) -> Vec<(u8, String, String)> {
    let mut used = std::collections::HashSet::new();
    let mut next = std::collections::HashMap::new();
    let mut out = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, id, .. }) = &events[i] {
            let level = heading_level(*level);
            let mut title = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    title.push_str(t);
                }
                j += 1;
            }
            let base = match id {
                Some(id) => id.to_string(),
                None => {
                    let s = slugify(&title);
                    if s.is_empty() {
                        "muc".to_string()
                    } else {
                        s
                    }
                }
            };
            let mut unique = base.clone();
            // Counting on from the last suffix this base got keeps 10,000
            // equal headings linear; every suffix below it is taken.
            let n = next.entry(base.clone()).or_insert(1);
            while !used.insert(unique.clone()) {
                *n += 1;
                unique = format!("{base}-{n}");
            }
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i] {
                *id = Some(CowStr::from(unique.clone()));
            }
            out.push((level, unique, crate::text::collapse_ws(&title)));
            i = j;
        }
        i += 1;
    }
    out
}

fn heading_level(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Minimal HTML escaping for text and attribute values.
pub fn escape(s: &str) -> String {
    // The five characters are ASCII, so byte positions are char boundaries;
    // copying the runs between them is several times faster than per-char pushes.
    let mut out = String::with_capacity(s.len() + 16);
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
    out
}

/// Keeps a safe subset of HTML: ammonia's defaults plus the ids and classes
/// our own headings, tables and reference links carry, and links only with
/// the schemes the escape mode allows.
fn sanitize(html: &str) -> String {
    ammonia::Builder::default()
        .url_schemes(super::safe_url::SCHEMES.iter().copied().collect())
        .add_generic_attributes(["id"])
        .add_tag_attributes("a", ["class", "title"])
        .add_tag_attributes("div", ["class", "tabindex", "role", "aria-label"])
        .link_rel(None)
        .clean(html)
        .to_string()
}

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;
