//! Paragraphs → Markdown: headings and lists from the plan's own numbering.
//!
//! Vietnamese plans number their structure: "I." parts, "1." sections, "1.1."
//! subsections, "a)" items, "-" and "+" bullets. This module owns mapping that
//! numbering to Markdown (`##`, `###`, `####`, lists) while keeping every word
//! as written, and escaping what CommonMark would otherwise misread.

use std::sync::LazyLock;

use regex::Regex;

use super::clean::Block;

// Every `Regex::new(…).expect(…)` here compiles a literal (or a pattern
// built from escaped parts): it cannot fail, and `expect` only says so.

/// How a paragraph was rendered, for the report.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    pub paragraphs: usize,
    pub headings: usize,
    pub list_items: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Heading of this level (2 for "I.", 3 for "1.", 4 for "1.1.", …).
    Heading(usize),
    /// "a)" item: a list item at the top level.
    Alpha,
    /// "-" bullet.
    Dash,
    /// "+" bullet, under a dash.
    Plus,
    /// Running text (a long numbered paragraph too).
    Text,
}

static ROMAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[IVX]{1,5}[.-]\s").expect("valid regex"));
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2}(?:\.\d{1,2})*)[.-]?\s").expect("valid regex"));
static ALPHA: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[a-zđ]\)\s").expect("valid regex"));
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([-–•*+])\s+").expect("valid regex"));

fn kind(text: &str) -> Kind {
    let after_marker = NUMBERED.find(text).map_or(text, |m| &text[m.end()..]);
    let heading_like = text.chars().count() <= 250
        && !text.trim_end_matches(['*', '_']).ends_with(['.', ';'])
        && !MULTI_SENTENCE.is_match(after_marker);
    if ROMAN.is_match(text) && text.chars().count() <= 250 {
        return Kind::Heading(2);
    }
    if let Some(c) = NUMBERED.captures(text) {
        let depth = c[1].split('.').count();
        // "1." alone is a section; "1.1" needs its inner dot to be a subsection.
        let numbered = depth > 1 || text[c[1].len()..].starts_with(['.', '-']);
        if numbered && heading_like {
            return Kind::Heading((depth + 2).min(6));
        }
        return Kind::Text;
    }
    if ALPHA.is_match(text) {
        return Kind::Alpha;
    }
    if let Some(c) = BULLET.captures(text) {
        return if &c[1] == "+" { Kind::Plus } else { Kind::Dash };
    }
    Kind::Text
}

static MULTI_SENTENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\.\s+\p{Lu}").expect("valid regex"));

/// Renders the body paragraphs as Markdown.
pub fn render(blocks: &[Block]) -> (String, Stats) {
    let mut out = String::new();
    let mut stats = Stats::default();
    // Nesting of the list being written: None outside a list.
    let mut in_alpha = false;
    let mut prev: Option<Kind> = None;
    for b in blocks {
        let k = kind(&b.text);
        let is_item = matches!(k, Kind::Alpha | Kind::Dash | Kind::Plus);
        let continues_list =
            is_item && prev.is_some_and(|p| matches!(p, Kind::Alpha | Kind::Dash | Kind::Plus));
        if !out.is_empty() {
            out.push_str(if continues_list { "\n" } else { "\n\n" });
        }
        if !continues_list {
            in_alpha = false;
        }
        match k {
            Kind::Heading(level) => {
                stats.headings += 1;
                out.push_str(&"#".repeat(level));
                out.push(' ');
                out.push_str(&b.text);
            }
            Kind::Alpha => {
                stats.list_items += 1;
                in_alpha = true;
                out.push_str("- ");
                out.push_str(&escape_start(&b.text));
            }
            Kind::Dash | Kind::Plus => {
                stats.list_items += 1;
                let mut depth = usize::from(in_alpha);
                if k == Kind::Plus && prev.is_some_and(|p| matches!(p, Kind::Dash | Kind::Plus)) {
                    depth += 1;
                }
                let item = BULLET.replace(&b.text, "");
                out.push_str(&"  ".repeat(depth));
                out.push_str("- ");
                out.push_str(&escape_start(&item));
            }
            Kind::Text => {
                stats.paragraphs += 1;
                out.push_str(&escape_start(&b.text));
            }
        }
        prev = Some(k);
    }
    if !out.is_empty() {
        out.push('\n');
    }
    (out, stats)
}

/// Backslash-escapes a start CommonMark would read as structure: "1. " (an
/// ordered list), "# ", "> ", "+ ", a thematic break, an HTML tag.
pub fn escape_start(text: &str) -> String {
    static ORDERED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\d{1,9})([.)])(\s|$)").expect("valid regex"));
    if let Some(c) = ORDERED.captures(text) {
        return format!("{}\\{}{}", &c[1], &c[2], &text[c[1].len() + 1..]);
    }
    let first = text.chars().next().unwrap_or(' ');
    let second = text.chars().nth(1).unwrap_or(' ');
    let structural = matches!(first, '#' | '>' | '=' | '|')
        || (matches!(first, '+' | '-' | '*' | '_') && (second == ' ' || second == first))
        || (first == '<' && second.is_ascii_alphabetic());
    if structural {
        format!("\\{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(texts: &[&str]) -> Vec<Block> {
        texts
            .iter()
            .map(|t| Block {
                text: t.to_string(),
                lineno: 1,
            })
            .collect()
    }

    #[test]
    fn numbering_becomes_headings_and_lists() {
        let (md, stats) = render(&blocks(&[
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Mục đích",
            "Quán triệt nghiêm túc.",
            "1.1. Các sở, ban, ngành tỉnh",
            "a) Về quy mô dân số",
            "- Duy trì tỷ lệ tăng dân số.",
            "+ chi tiết một;",
            "- Tỷ số giới tính khi sinh.",
            "2. Định kỳ 6 tháng, các cơ quan báo cáo kết quả. Sở Y tế tổng hợp.",
        ]));
        assert_eq!(
            md,
            "## I. MỤC ĐÍCH, YÊU CẦU\n\n### 1. Mục đích\n\nQuán triệt nghiêm túc.\n\n\
             #### 1.1. Các sở, ban, ngành tỉnh\n\n- a) Về quy mô dân số\n  - Duy trì tỷ lệ tăng dân số.\n    - chi tiết một;\n  - Tỷ số giới tính khi sinh.\n\n\
             2\\. Định kỳ 6 tháng, các cơ quan báo cáo kết quả. Sở Y tế tổng hợp.\n"
        );
        assert_eq!(stats.headings, 3);
        assert_eq!(stats.list_items, 4);
    }

    #[test]
    fn plain_bullets_are_a_top_level_list() {
        let (md, _) = render(&blocks(&["Nội dung:", "- Một;", "- Hai.", "Đoạn sau."]));
        assert_eq!(md, "Nội dung:\n\n- Một;\n- Hai.\n\nĐoạn sau.\n");
    }

    #[test]
    fn escapes_what_commonmark_would_misread() {
        assert_eq!(escape_start("2024. Năm"), "2024\\. Năm");
        assert_eq!(
            escape_start("# không phải tiêu đề"),
            "\\# không phải tiêu đề"
        );
        assert_eq!(escape_start("<b>x"), "\\<b>x");
        assert_eq!(escape_start("< 111 trẻ trai"), "< 111 trẻ trai");
        assert_eq!(escape_start("Bình thường"), "Bình thường");
    }
}
