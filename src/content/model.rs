//! Validated content: what a document *is* once its front matter passed every rule.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::legal::date::DayMonth;
use crate::legal::number::DocNumber;

/// Which folder of `content/` a file lives in; decides its URL and its rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Plan,
    Document,
    Campaign,
}

impl Section {
    pub const ALL: [Section; 3] = [Section::Plan, Section::Document, Section::Campaign];

    /// Folder under `content/` and first URL segment.
    pub fn dir(self) -> &'static str {
        match self {
            Section::Plan => "plans",
            Section::Document => "documents",
            Section::Campaign => "campaigns",
        }
    }
}

/// A reference to another document, from `basis:` or from the body text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The citation as written (whitespace collapsed).
    pub text: String,
    pub number: DocNumber,
    pub date: Option<NaiveDate>,
    /// A year without a full date (a mapping's `year:`, or a normative number's year).
    pub year: Option<i32>,
    pub type_name: Option<String>,
    pub issuer: Option<String>,
    /// Line in the source file, for messages.
    pub line: Option<usize>,
}

impl Reference {
    /// The year the reference pins, if any.
    pub fn pinned_year(&self) -> Option<i32> {
        use chrono::Datelike;
        self.date
            .map(|d| d.year())
            .or(self.year)
            .or(self.number.year)
    }
}

/// Where the body mentions one of its `cites`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Bytes of the body the citation covers (u32: bodies are far below 4 GB,
    /// and a national corpus holds millions of these).
    pub span: std::ops::Range<u32>,
    /// Index into the document's `cites`.
    pub cite: u32,
}

/// When an observance falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum When {
    /// One day every year.
    Day(DayMonth),
    /// A whole month every year (1–12).
    Month(u32),
}

impl When {
    pub fn month(self) -> u32 {
        match self {
            When::Day(d) => d.month,
            When::Month(m) => m,
        }
    }
}

/// An observance a document asks people to mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Campaign {
    pub name: String,
    pub when: When,
    pub line: Option<usize>,
}

/// One content file, validated.
#[derive(Debug, Clone)]
pub struct Document {
    /// `plans/<slug>`, `documents/<slug>` or `campaigns/<slug>`: stable, used in links and JSON.
    pub id: String,
    pub section: Section,
    pub slug: String,
    /// Source file relative to the site root.
    pub path: PathBuf,
    pub title: String,
    pub number: Option<DocNumber>,
    pub type_name: Option<String>,
    pub issuer: Option<String>,
    /// Levels joined by `/`: `Hải Phòng/phường Hưng Đạo`; `Trung ương` for national.
    pub jurisdiction: Option<String>,
    pub date: Option<NaiveDate>,
    pub signer: Option<String>,
    pub basis: Vec<Reference>,
    /// References found in the body text.
    pub cites: Vec<Reference>,
    /// Every citation in the body, in order (several may share a reference).
    pub mentions: Vec<Mention>,
    pub campaigns: Vec<Campaign>,
    pub draft: bool,
    /// Markdown body (released during `build`: see [`super::body`]).
    pub body: super::body::Body,
    /// 1-based file line where the body starts.
    pub body_line: usize,
    /// The editor's summary (`summary:`): shown above the body, its
    /// references linked but never counted as citations.
    pub summary: Option<Summary>,
    /// Names the texts use for this document without its number (`aliases:`).
    pub aliases: Vec<Alias>,
    /// How much of `date` the signed text gives; `date` is the period's last day.
    pub precision: crate::legal::period::Precision,
    /// A short name for lists, breadcrumbs, the basis tree and link previews.
    pub short_title: Option<String>,
    /// `/KH-UBND` when the signed text leaves the number blank ("Số: /KH-UBND").
    pub unnumbered: Option<String>,
    /// Replacement, amendment, repeal, expiry and the signed original.
    pub life: Lifecycle,
}

/// What a document says about its own validity and the ones it changes.
#[derive(Debug, Clone, Default)]
pub struct Lifecycle {
    pub replaces: Vec<Reference>,
    pub amends: Vec<Reference>,
    pub repeals: Vec<Reference>,
    /// The last day it applies.
    pub expires: Option<NaiveDate>,
    /// The signed original (`source:`).
    pub source: Option<Source>,
}

/// The signed original a document links to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Relative to the site root.
    pub path: PathBuf,
    /// Front-matter line, for messages.
    pub line: Option<usize>,
    /// Bytes, filled in when the file is checked on disk.
    pub size: u64,
}

/// A name a text uses for a document without its number: "Luật Dân số".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    pub name: String,
    /// File line of the entry.
    pub line: Option<usize>,
}

/// An editor's summary: Markdown written about a document, not by it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub text: String,
    /// File line of the `summary:` key.
    pub line: usize,
    /// The documents it names, each once (links only).
    pub refs: Vec<Reference>,
}

impl AsRef<Document> for Document {
    fn as_ref(&self) -> &Document {
        self
    }
}

impl Document {
    /// URL path of the page: `/plans/<slug>/`.
    pub fn url(&self) -> String {
        format!("/{}/{}/", self.section.dir(), self.slug)
    }

    /// The name lists and links show: `short_title`, else the title.
    pub fn short(&self) -> &str {
        self.short_title.as_deref().unwrap_or(&self.title)
    }

    /// The first day the date may be (the date itself unless it is a month or year).
    pub fn date_start(&self) -> Option<NaiveDate> {
        self.date
            .map(|d| crate::legal::period::start_of(d, self.precision))
    }

    /// `15/01/2026`, `tháng 8/2025` or `năm 2024`.
    pub fn date_label(&self) -> Option<String> {
        self.date
            .map(|d| crate::legal::period::label(d, self.precision))
    }

    /// `2026-01-15`, `2025-08` or `2024`.
    pub fn date_iso(&self) -> Option<String> {
        self.date
            .map(|d| crate::legal::period::iso(d, self.precision))
    }
}

/// The jurisdiction and its ancestors, nearest first:
/// `Hải Phòng/phường Hưng Đạo` → [`Hải Phòng/phường Hưng Đạo`, `Hải Phòng`].
pub fn jurisdiction_chain(j: &str) -> Vec<String> {
    let parts: Vec<&str> = j
        .split('/')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    (1..=parts.len())
        .rev()
        .map(|n| parts[..n].join("/"))
        .collect()
}

/// True for the national level, which is every jurisdiction's root.
pub fn is_national(j: &str) -> bool {
    crate::text::fold_key(j) == "trung uong"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_is_nearest_first() {
        assert_eq!(
            jurisdiction_chain("Hải Phòng / phường Hưng Đạo"),
            ["Hải Phòng/phường Hưng Đạo", "Hải Phòng"]
        );
        assert_eq!(jurisdiction_chain("Lào Cai"), ["Lào Cai"]);
        assert!(is_national("Trung ương"));
        assert!(!is_national("Lào Cai"));
    }
}
