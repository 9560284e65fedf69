//! Front matter → [`Document`]: every rule of the content contract, checked once.
//!
//! Takes text, never touches the disk, and reports every problem with its
//! line instead of stopping at the first, so an officer fixes a file in one go.

use std::path::Path;

use chrono::NaiveDate;

use super::front_matter;
use super::model::{Alias, Campaign, Document, Mention, Reference, Section, Summary, When};
use crate::diag::{Diagnostic, Msg, Within};
use crate::legal::{cite, date, number, period};
use crate::position;
use crate::text::collapse_ws;
use crate::yaml::{self, Yaml};

/// Keys a document may have; anything else is a typo we refuse.
pub const KEYS: &[&str] = &[
    "title",
    "number",
    "type",
    "issuer",
    "jurisdiction",
    "date",
    "signer",
    "basis",
    "campaigns",
    "draft",
    "slug",
    "summary",
    "aliases",
    "short_title",
    "replaces",
    "amends",
    "repeals",
    "expires",
    "source",
];

/// Result of parsing one file: the document when it could be built, and what was wrong.
pub struct Parsed {
    pub document: Option<Document>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Locates messages inside one file.
struct Ctx<'a> {
    path: &'a Path,
    yaml: &'a str,
    /// File line of the YAML's first line.
    yaml_line: usize,
    diags: Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn file_line(&self, yaml_line: usize) -> usize {
        self.yaml_line + yaml_line - 1
    }

    fn key_line(&self, key: &str) -> Option<usize> {
        position::key(self.yaml, key).map(|(l, _)| self.file_line(l))
    }

    fn value_pos(&self, key: &str) -> (Option<usize>, Option<usize>) {
        match position::value(self.yaml, key) {
            Some((l, c)) => (Some(self.file_line(l)), Some(c)),
            None => (None, None),
        }
    }

    fn item_pos(&self, key: &str, i: usize) -> (Option<usize>, Option<usize>) {
        match position::item(self.yaml, key, i) {
            Some((l, c)) => (Some(self.file_line(l)), Some(c)),
            None => (self.key_line(key), None),
        }
    }

    fn error_at(&mut self, pos: Pos, msg: Msg) {
        self.diags
            .push(Diagnostic::err(msg).at(self.path, pos.0).col(pos.1));
    }

    fn warn_at(&mut self, pos: Pos, msg: Msg) {
        self.diags
            .push(Diagnostic::warn(msg).at(self.path, pos.0).col(pos.1));
    }

    /// File line of the first key, where advice to add a key points (the
    /// first YAML line may be a comment).
    fn first_key_line(&self) -> usize {
        self.yaml
            .lines()
            .position(|l| {
                let t = l.trim();
                !t.is_empty() && !t.starts_with('#')
            })
            .map_or(self.yaml_line, |i| self.file_line(i + 1))
    }

    /// Whether `key` already has an error on its own line (a value of the
    /// wrong shape), or a mistyped key was taken for it, so "missing" would
    /// be a second message for one mistake.
    fn reported(&self, key: &str) -> bool {
        let line = self.key_line(key);
        self.diags.iter().any(|d| {
            (line.is_some() && d.line == line && d.is_error())
                || matches!(&*d.msg, Msg::UnknownKey { suggestion: Some(s), within: None, .. } if s == key)
        })
    }

    /// A scalar value as trimmed text, or an error saying text was expected.
    fn text(&mut self, key: &str, v: &Yaml) -> Option<String> {
        match v {
            Yaml::Null => None,
            Yaml::Seq(_) | Yaml::Map(_) => {
                let pos = self.value_pos(key);
                self.error_at(
                    pos,
                    Msg::NotText {
                        key: key.into(),
                        found: v.into(),
                    },
                );
                None
            }
            _ => v
                .as_text()
                .map(|t| collapse_ws(&t))
                .filter(|t| !t.is_empty()),
        }
    }
}

/// Parses one content file. `path` is relative to the site root and only used in messages.
pub fn parse(path: &Path, section: Section, file_stem: &str, raw: &str) -> Parsed {
    let text = front_matter::normalize(raw);
    let split = match front_matter::split(&text) {
        Ok(s) => s,
        Err(e) => {
            return Parsed {
                document: None,
                diagnostics: vec![Diagnostic::err(e.msg).at(path, Some(e.line)).col(Some(1))],
            }
        }
    };
    if let Some(e) = super::controls::refuse(path, split.yaml, split.yaml_line) {
        return Parsed {
            document: None,
            diagnostics: vec![e],
        };
    }
    let (body, body_warning) = super::controls::clean_body(path, split.body, split.body_line);
    let mut cx = Ctx {
        path,
        yaml: split.yaml,
        yaml_line: split.yaml_line,
        diags: body_warning.into_iter().collect(),
    };
    if let Some(last) = front_matter::forgotten_fence(split.yaml, KEYS) {
        let after = cx.file_line(last.max(1)) - usize::from(last == 0);
        cx.error_at(
            (Some(after + 1), Some(1)),
            Msg::UnclosedFrontMatter { after },
        );
        return Parsed {
            document: None,
            diagnostics: cx.diags,
        };
    }
    let map = match yaml::parse(split.yaml) {
        Ok(Yaml::Map(m)) => m,
        Ok(Yaml::Null) => Vec::new(),
        Ok(other) => {
            cx.error_at(
                (Some(split.yaml_line), Some(1)),
                Msg::NotAMapping {
                    found: (&other).into(),
                },
            );
            return Parsed {
                document: None,
                diagnostics: cx.diags,
            };
        }
        Err(e) => {
            let line = e.line.map(|l| cx.file_line(l));
            cx.error_at((line, e.column), Msg::Yaml { problem: e.problem });
            return Parsed {
                document: None,
                diagnostics: cx.diags,
            };
        }
    };

    if let Some((key, c)) = map
        .iter()
        .find_map(|(k, v)| super::controls::first_in_value(v).map(|c| (k, c)))
    {
        let (line, col) = cx.value_pos(key);
        cx.diags
            .push(super::controls::refuse_escaped(path, line, col, c));
        return Parsed {
            document: None,
            diagnostics: cx.diags,
        };
    }
    let mut doc = Document {
        id: String::new(),
        section,
        slug: file_stem.to_string(),
        path: path.to_path_buf(),
        title: String::new(),
        number: None,
        type_name: None,
        issuer: None,
        jurisdiction: None,
        date: None,
        signer: None,
        basis: Vec::new(),
        cites: Vec::new(),
        mentions: Vec::new(),
        campaigns: Vec::new(),
        draft: false,
        body: super::body::Body::new(&body, split.body.as_ptr() as usize - text.as_ptr() as usize),
        body_line: split.body_line,
        summary: None,
        aliases: Vec::new(),
        precision: Default::default(),
        short_title: None,
        unnumbered: None,
        life: Default::default(),
    };

    for (key, value) in &map {
        match key.as_str() {
            "title" => doc.title = cx.text(key, value).unwrap_or_default(),
            "type" => doc.type_name = cx.text(key, value),
            "issuer" => doc.issuer = cx.text(key, value),
            "signer" => doc.signer = cx.text(key, value),
            "jurisdiction" => {
                doc.jurisdiction = cx.text(key, value).map(|j| {
                    j.split('/')
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .collect::<Vec<_>>()
                        .join("/")
                })
            }
            "number" => match blank_number(value) {
                Some(suffix) => doc.unnumbered = Some(suffix),
                None => doc.number = parse_number(&mut cx, value),
            },
            "date" => {
                if let Some(p) = parse_doc_date(&mut cx, value) {
                    doc.date = Some(p.end);
                    doc.precision = p.precision;
                }
            }
            "short_title" => doc.short_title = cx.text(key, value),
            "replaces" | "amends" | "repeals" => {
                let refs = parse_refs(&mut cx, value, key);
                let life = &mut doc.life;
                *match key.as_str() {
                    "replaces" => &mut life.replaces,
                    "amends" => &mut life.amends,
                    _ => &mut life.repeals,
                } = refs;
            }
            "expires" => doc.life.expires = parse_expires(&mut cx, value),
            "source" => doc.life.source = parse_source(&mut cx, value),
            "slug" => {
                if let Some(s) = parse_slug(&mut cx, value) {
                    doc.slug = s;
                }
            }
            "draft" => match value {
                Yaml::Bool(b) => doc.draft = *b,
                Yaml::Null => {}
                other => {
                    let pos = cx.value_pos("draft");
                    cx.error_at(
                        pos,
                        Msg::DraftNotBool {
                            found: other.into(),
                        },
                    );
                }
            },
            "basis" => doc.basis = parse_basis(&mut cx, value),
            "summary" => doc.summary = parse_summary(&mut cx, value),
            "aliases" => doc.aliases = parse_aliases(&mut cx, value),
            "campaigns" => doc.campaigns = parse_campaigns(&mut cx, value),
            _ => {
                let line = cx.key_line(key);
                cx.error_at((line, Some(1)), unknown_key(key, None, KEYS));
            }
        }
    }

    require(&mut cx, &mut doc);
    check_expiry(&mut cx, &doc);
    if doc.type_name.is_none() {
        doc.type_name = doc
            .number
            .as_ref()
            .or(number::parse(&format!("0{}", doc.unnumbered.as_deref().unwrap_or(""))).as_ref())
            .and_then(|n| n.type_name())
            .map(str::to_string);
        if doc.type_name.is_none() && section == Section::Plan {
            doc.type_name = Some("Kế hoạch".into());
        }
    }
    doc.id = format!("{}/{}", section.dir(), doc.slug);
    (doc.cites, doc.mentions) = body_references(&body, doc.body_line);
    suggest_changes(&mut cx, &doc, &body);
    Parsed {
        document: Some(doc),
        diagnostics: cx.diags,
    }
}

/// Required keys: `title` always; `issuer` and `date` for plans, which drafts may still lack.
fn require(cx: &mut Ctx<'_>, doc: &mut Document) {
    let at_keys = (Some(cx.first_key_line()), Some(1));
    if doc.title.is_empty() && !cx.reported("title") {
        match position::key(cx.yaml, "title") {
            Some((line, _)) => {
                let line = cx.file_line(line);
                cx.error_at((Some(line), Some(1)), Msg::TitleEmpty);
            }
            None => cx.error_at(at_keys, Msg::TitleMissing),
        }
    }
    if doc.section != Section::Plan {
        return;
    }
    let mut lacks = Vec::new();
    if doc.issuer.is_none() && !cx.reported("issuer") {
        lacks.push("issuer");
    }
    if doc.date.is_none() && !cx.reported("date") {
        lacks.push("date");
    }
    for key in lacks {
        if doc.draft {
            cx.warn_at(at_keys, Msg::DraftLacks { key: key.into() });
        } else {
            cx.error_at(at_keys, Msg::PlanLacks { key: key.into() });
        }
    }
    if doc.draft && doc.number.is_none() && !cx.reported("number") {
        cx.warn_at(
            at_keys,
            Msg::DraftLacks {
                key: "number".into(),
            },
        );
    }
}

/// An unknown key, with the closest known one when there is one.
fn unknown_key(key: &str, within: Option<Within>, allowed: &[&str]) -> Msg {
    Msg::UnknownKey {
        key: key.into(),
        within,
        suggestion: position::suggest(key, allowed).map(str::to_string),
        known: allowed.iter().map(|k| k.to_string()).collect(),
    }
}

fn parse_number(cx: &mut Ctx<'_>, value: &Yaml) -> Option<number::DocNumber> {
    let text = cx.text("number", value)?;
    let parsed = number::parse(&text);
    if parsed.is_none() {
        let pos = cx.value_pos("number");
        cx.error_at(pos, Msg::NotANumber { text });
    }
    parsed
}

fn parse_doc_date(cx: &mut Ctx<'_>, value: &Yaml) -> Option<period::Period> {
    let text = cx.text("date", value)?;
    match period::parse(&text) {
        Ok(d) => Some(d),
        Err(e) => {
            let pos = cx.value_pos("date");
            cx.error_at(pos, e.into());
            None
        }
    }
}

/// `number: /KH-UBND` (or `…/KH-UBND`): the signed text leaves the number
/// blank but prints the rest ("Số: /KH-UBND"). Returns `/KH-UBND`.
fn blank_number(value: &Yaml) -> Option<String> {
    let t = collapse_ws(&value.as_text()?);
    let rest = t.trim_start_matches(['…', '.', ' ']);
    (rest.starts_with('/') && rest.len() > 1).then(|| rest.to_string())
}

fn parse_slug(cx: &mut Ctx<'_>, value: &Yaml) -> Option<String> {
    let s = cx.text("slug", value)?;
    let bad = s.contains('/')
        || s.contains('\\')
        || s.contains("..")
        || s.starts_with('.')
        || s.chars().any(char::is_whitespace);
    if bad {
        let pos = cx.value_pos("slug");
        cx.error_at(
            pos,
            Msg::BadSlug {
                suggestion: crate::text::slugify(&s),
                slug: s,
            },
        );
        return None;
    }
    Some(s)
}

/// The items of a list-valued key with their positions; a single value
/// counts as a one-item list, nothing as none.
fn list_items<'y>(cx: &Ctx<'_>, value: &'y Yaml, key: &str) -> Vec<(Pos, &'y Yaml)> {
    match value {
        Yaml::Null => Vec::new(),
        Yaml::Seq(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| (cx.item_pos(key, i), item))
            .collect(),
        other => vec![(cx.value_pos(key), other)],
    }
}

/// `summary:` is Markdown text: a block (`summary: |`) or one line.
fn parse_summary(cx: &mut Ctx<'_>, value: &Yaml) -> Option<Summary> {
    let line = cx.key_line("summary").unwrap_or(cx.yaml_line);
    match value {
        Yaml::Null => None,
        Yaml::String(text) => {
            let text = text.trim().to_string();
            if text.is_empty() {
                return None;
            }
            let (refs, _) = body_references(&text, line);
            Some(Summary { text, line, refs })
        }
        other => {
            let pos = cx.value_pos("summary");
            cx.error_at(
                pos,
                Msg::SummaryShape {
                    found: other.into(),
                },
            );
            None
        }
    }
}

/// `aliases:` are names a text uses without the number ("Luật Dân số"). One
/// common word ("Luật", "Kế hoạch") would link every sentence: an alias needs
/// two words or a number.
fn parse_aliases(cx: &mut Ctx<'_>, value: &Yaml) -> Vec<Alias> {
    let mut out: Vec<Alias> = Vec::new();
    for (pos, item) in list_items(cx, value, "aliases") {
        let Some(text) = item.as_text().map(|t| collapse_ws(&t)) else {
            cx.error_at(pos, Msg::AliasShape { found: item.into() });
            continue;
        };
        let words = text.split_whitespace().count();
        if words < 2 && !text.chars().any(|c| c.is_ascii_digit()) {
            cx.error_at(pos, Msg::AliasTooCommon { text });
            continue;
        }
        if !out
            .iter()
            .any(|a| crate::text::fold_key(&a.name) == crate::text::fold_key(&text))
        {
            out.push(Alias {
                name: text,
                line: pos.0,
            });
        }
    }
    out
}

/// An observance's day: `11/7`, or a full date whose year is ignored
/// (`2026-07-11`), since people copy dates from the plans they read.
fn observance_day(s: &str) -> Result<date::DayMonth, date::DateError> {
    use chrono::Datelike;
    date::parse_day_month(s).or_else(|e| match date::parse_date(s) {
        Ok(d) => Ok(date::DayMonth {
            day: d.day(),
            month: d.month(),
        }),
        Err(_) => Err(e),
    })
}

/// Line and column in the file, as far as known.
type Pos = (Option<usize>, Option<usize>);

fn parse_basis(cx: &mut Ctx<'_>, value: &Yaml) -> Vec<Reference> {
    parse_refs(cx, value, "basis")
}

/// A list of references (`basis`, `replaces`, `amends`, `repeals`): each a
/// citation as written, a bare number or a mapping.
fn parse_refs(cx: &mut Ctx<'_>, value: &Yaml, key: &str) -> Vec<Reference> {
    let mut out = Vec::new();
    for (pos, item) in list_items(cx, value, key) {
        match item {
            Yaml::Map(m) => {
                if let Some(r) = basis_mapping(cx, pos, m) {
                    out.push(r);
                }
            }
            _ => match item.as_text() {
                Some(text) => match cite::parse_one(&text) {
                    Some(c) => out.push(Reference {
                        text: collapse_ws(&text),
                        year: None,
                        number: c.number,
                        date: c.date,
                        type_name: c.type_name,
                        issuer: c.issuer,
                        line: pos.0,
                    }),
                    None => {
                        cx.error_at(
                            pos,
                            Msg::BasisNoNumber {
                                key: key.into(),
                                text: collapse_ws(&text),
                            },
                        );
                    }
                },
                None => {
                    cx.error_at(
                        pos,
                        Msg::BasisShape {
                            key: key.into(),
                            found: item.into(),
                        },
                    );
                }
            },
        }
    }
    out
}

/// A mapping value as collapsed text.
fn mapping_text(m: &[(String, Yaml)], k: &str) -> Option<String> {
    m.iter()
        .find(|(key, _)| key == k)
        .and_then(|(_, v)| v.as_text())
        .map(|t| collapse_ws(&t))
}

/// One error per key of `m` not in `allowed`, suggesting the closest.
fn check_keys(cx: &mut Ctx<'_>, pos: Pos, m: &[(String, Yaml)], allowed: &[&str], within: Within) {
    for (k, _) in m {
        if !allowed.contains(&k.as_str()) {
            cx.error_at(pos, unknown_key(k, Some(within), allowed));
        }
    }
}

const BASIS_KEYS: &[&str] = &["number", "date", "year", "type", "issuer", "text"];

fn basis_mapping(cx: &mut Ctx<'_>, pos: Pos, m: &[(String, Yaml)]) -> Option<Reference> {
    let get = |k: &str| mapping_text(m, k);
    check_keys(cx, pos, m, BASIS_KEYS, Within::Basis);
    let Some(num_text) = get("number") else {
        cx.error_at(pos, Msg::BasisMappingNoNumber);
        return None;
    };
    let Some(number) = number::parse(&num_text) else {
        cx.error_at(pos, Msg::NotANumber { text: num_text });
        return None;
    };
    let date = match get("date").map(|d| date::parse_date(&d)) {
        Some(Ok(d)) => Some(d),
        Some(Err(e)) => {
            cx.error_at(pos, e.into());
            None
        }
        None => None,
    };
    let year = match get("year") {
        Some(y) => match y.parse::<i32>() {
            Ok(y) if (1900..=2200).contains(&y) => Some(y),
            _ => {
                cx.error_at(pos, Msg::NotAYear { text: y });
                None
            }
        },
        None => None,
    };
    Some(Reference {
        text: get("text").unwrap_or_else(|| num_text.clone()),
        type_name: get("type").or_else(|| number.type_name().map(str::to_string)),
        issuer: get("issuer"),
        number,
        date,
        year,
        line: pos.0,
    })
}

fn parse_campaigns(cx: &mut Ctx<'_>, value: &Yaml) -> Vec<Campaign> {
    let mut out = Vec::new();
    for (pos, item) in list_items(cx, value, "campaigns") {
        let parsed = match item {
            Yaml::Map(m) => campaign_mapping(cx, pos, m),
            _ => match item.as_text() {
                Some(t) => campaign_text(cx, pos, &t),
                None => {
                    cx.error_at(pos, Msg::CampaignShape { found: item.into() });
                    None
                }
            },
        };
        if let Some(c) = parsed {
            if c.when == When::Day(date::DayMonth { day: 29, month: 2 }) {
                cx.warn_at(
                    pos,
                    Msg::LeapDay {
                        name: c.name.clone(),
                    },
                );
            }
            out.push(c);
        }
    }
    out
}

const CAMPAIGN_KEYS: &[&str] = &["name", "date", "month"];

fn campaign_mapping(cx: &mut Ctx<'_>, pos: Pos, m: &[(String, Yaml)]) -> Option<Campaign> {
    let get = |k: &str| mapping_text(m, k);
    check_keys(cx, pos, m, CAMPAIGN_KEYS, Within::Campaign);
    let name = get("name").unwrap_or_default();
    if name.is_empty() {
        cx.error_at(pos, Msg::CampaignNoName);
        return None;
    }
    let when = match (get("date"), get("month")) {
        (Some(d), _) => match observance_day(&d) {
            Ok(dm) => When::Day(dm),
            Err(e) => {
                cx.error_at(pos, campaign_date(name, e));
                return None;
            }
        },
        (None, Some(m)) => match m.trim_start_matches("tháng").trim().parse::<u32>() {
            Ok(m) if (1..=12).contains(&m) => When::Month(m),
            _ => {
                cx.error_at(pos, Msg::CampaignMonth { name, text: m });
                return None;
            }
        },
        (None, None) => {
            cx.error_at(pos, Msg::CampaignNoWhen { name });
            return None;
        }
    };
    Some(Campaign {
        name,
        when,
        line: pos.0,
    })
}

fn campaign_date(name: String, e: date::DateError) -> Msg {
    match e {
        date::DateError::Unrecognized(text) => Msg::CampaignDate {
            name,
            text,
            reason: None,
        },
        date::DateError::Impossible(text, reason) => Msg::CampaignDate {
            name,
            text,
            reason: Some(reason),
        },
    }
}

/// `Ngày Thalassemia Thế giới (8/5)` or `Tháng hành động quốc gia về Dân số (tháng 12)`.
fn campaign_text(cx: &mut Ctx<'_>, pos: Pos, t: &str) -> Option<Campaign> {
    let t = collapse_ws(t);
    let (name, inner) = match (t.rfind('('), t.ends_with(')')) {
        (Some(open), true) => (
            t[..open].trim().to_string(),
            t[open + 1..t.len() - 1].trim().to_string(),
        ),
        _ => {
            cx.error_at(pos, Msg::CampaignTextNoDate { text: t });
            return None;
        }
    };
    if name.is_empty() {
        cx.error_at(pos, Msg::CampaignEmptyName { text: t });
        return None;
    }
    let lower = inner.to_lowercase();
    let when = if let Some(m) = lower.strip_prefix("tháng") {
        match m.trim().parse::<u32>() {
            Ok(m) if (1..=12).contains(&m) => When::Month(m),
            _ => {
                cx.error_at(pos, Msg::CampaignMonth { name, text: inner });
                return None;
            }
        }
    } else {
        match observance_day(&inner) {
            Ok(dm) => When::Day(dm),
            Err(e) => {
                cx.error_at(pos, campaign_date(name, e));
                return None;
            }
        }
    };
    Some(Campaign {
        name,
        when,
        line: pos.0,
    })
}

/// Every distinct citation in the body (first mention of each number and
/// date), with its file line, and where each mention is. Plans repeat the same
/// citation dozens of times; keeping one reference per number keeps a national
/// corpus's memory flat, and the mentions let the renderer link the text
/// without scanning it again.
fn body_references(body: &str, body_line: usize) -> (Vec<Reference>, Vec<Mention>) {
    let cites = cite::find_all(body);
    if cites.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let mut line = body_line;
    let mut scanned = 0;
    let mut seen: std::collections::HashMap<(String, Option<chrono::NaiveDate>), u32> =
        std::collections::HashMap::new();
    let mut refs = Vec::new();
    let mut mentions = Vec::with_capacity(cites.len());
    for c in cites {
        line += body.as_bytes()[scanned..c.span.start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        scanned = c.span.start;
        let start = c.number_span.start.min(c.span.start);
        let span = start as u32..c.span.end as u32;
        let next = refs.len() as u32;
        let cite = *seen.entry((c.number.key.clone(), c.date)).or_insert(next);
        mentions.push(Mention { span, cite });
        if cite == next {
            refs.push(Reference {
                text: c.text,
                year: None,
                number: c.number,
                date: c.date,
                type_name: c.type_name,
                issuer: c.issuer,
                line: Some(line),
            });
        }
    }
    (refs, mentions)
}

/// `expires:` is a full date: the last day the document applies.
fn parse_expires(cx: &mut Ctx<'_>, value: &Yaml) -> Option<NaiveDate> {
    let text = cx.text("expires", value)?;
    match date::parse_date(&text) {
        Ok(d) => Some(d),
        Err(e) => {
            let pos = cx.value_pos("expires");
            let text = match e {
                date::DateError::Unrecognized(t) | date::DateError::Impossible(t, _) => t,
            };
            cx.error_at(pos, Msg::ExpiresNotADate { text });
            None
        }
    }
}

/// A document cannot stop applying before it is issued.
fn check_expiry(cx: &mut Ctx<'_>, doc: &Document) {
    let (Some(exp), Some(start)) = (doc.life.expires, doc.date_start()) else {
        return;
    };
    if exp < start {
        let pos = cx.value_pos("expires");
        let issued = doc.date_label().unwrap_or_default();
        cx.error_at(
            pos,
            Msg::ExpiresBeforeDate {
                expires: date::format_vi(exp),
                issued,
            },
        );
    }
}

/// `source:` as written, checked for its shape only (the disk is checked in
/// [`super::source`]): relative to the `.md` file, inside `content/`.
fn parse_source(cx: &mut Ctx<'_>, value: &Yaml) -> Option<super::model::Source> {
    let text = cx.text("source", value)?;
    let pos = cx.value_pos("source");
    let rel = Path::new(&text);
    let bad = if rel.is_absolute() || text.starts_with('/') || text.starts_with('\\') {
        Some(Msg::SourceAbsolute { text: text.clone() })
    } else if rel.components().any(|c| {
        !matches!(
            c,
            std::path::Component::Normal(_) | std::path::Component::CurDir
        )
    }) || text.contains('\\')
    {
        Some(Msg::SourceOutside { text: text.clone() })
    } else {
        None
    };
    if let Some(msg) = bad {
        cx.error_at(pos, msg);
        return None;
    }
    let dir = cx.path.parent().unwrap_or(Path::new(""));
    Some(super::model::Source {
        path: dir.join(rel),
        line: pos.0,
        size: 0,
    })
}

/// A body sentence that replaces, amends or repeals a document the front
/// matter does not list: a warning with the line to add, never an edit.
fn suggest_changes(cx: &mut Ctx<'_>, doc: &Document, body: &str) {
    cx.diags.extend(super::change_hints::suggestions(doc, body));
}

/// [`body_references`] for other modules' unit tests.
#[cfg(test)]
pub(crate) fn body_references_for_tests(body: &str) -> (Vec<Reference>, Vec<Mention>) {
    body_references(body, 1)
}

#[cfg(test)]
#[path = "document_tests.rs"]
mod tests;
