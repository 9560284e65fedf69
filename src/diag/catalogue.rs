//! The message catalogue: every problem planportal reports, as one typed
//! value. Its wording lives in `vi.rs` and `en.rs`, one match arm per
//! variant, so a new message cannot be added in one language only.

use super::{Lang, Text, YamlProblem};

/// What a YAML value turned out to be, for "must be text, found a list".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Found {
    Nothing,
    Bool,
    Number,
    Text,
    List,
    Mapping,
}

impl From<&crate::yaml::Yaml> for Found {
    fn from(v: &crate::yaml::Yaml) -> Self {
        use crate::yaml::Yaml;
        match v {
            Yaml::Null => Found::Nothing,
            Yaml::Bool(_) => Found::Bool,
            Yaml::Number(_) => Found::Number,
            Yaml::String(_) => Found::Text,
            Yaml::Seq(_) => Found::List,
            Yaml::Map(_) => Found::Mapping,
        }
    }
}

/// The nested mapping an unknown key was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Within {
    Basis,
    Campaign,
}

/// A front-matter or settings key, as written.
pub type Key = String;

/// One problem, with the data its wording needs. Variants are grouped by the
/// stage that reports them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Msg {
    /// Text not yet in the catalogue: printed as written, in both languages.
    Legacy {
        message: String,
        help: Option<String>,
    },

    // Reading files.
    FileUnreadable {
        error: String,
    },
    NotUtf8,

    // Front matter fences and YAML.
    FileEmpty,
    NoOpeningFence,
    /// The closing `---` belongs after file line `after`.
    UnclosedFrontMatter {
        after: usize,
    },
    Yaml {
        problem: YamlProblem,
    },
    NotAMapping {
        found: Found,
    },

    // Keys and values.
    UnknownKey {
        key: Key,
        within: Option<Within>,
        suggestion: Option<String>,
        known: Vec<String>,
    },
    NotText {
        key: Key,
        found: Found,
    },
    TitleEmpty,
    TitleMissing,
    PlanLacks {
        key: Key,
    },
    DraftLacks {
        key: Key,
    },
    NotANumber {
        text: String,
    },
    DateUnrecognized {
        text: String,
    },
    DateImpossible {
        text: String,
        reason: String,
    },
    BadSlug {
        slug: String,
        suggestion: String,
    },
    DraftNotBool {
        found: Found,
    },
    /// An entry of `basis` (or `replaces`, `amends`, `repeals`) that cites no number.
    BasisNoNumber {
        key: Key,
        text: String,
    },
    BasisShape {
        key: Key,
        found: Found,
    },
    BasisMappingNoNumber,
    NotAYear {
        text: String,
    },
    CampaignShape {
        found: Found,
    },
    LeapDay {
        name: String,
    },
    CampaignNoName,
    CampaignDate {
        name: String,
        text: String,
        reason: Option<String>,
    },
    CampaignMonth {
        name: String,
        text: String,
    },
    CampaignNoWhen {
        name: String,
    },
    CampaignTextNoDate {
        text: String,
    },
    CampaignEmptyName {
        text: String,
    },

    ExpiresNotADate {
        text: String,
    },
    ExpiresBeforeDate {
        expires: String,
        issued: String,
    },
    SourceAbsolute {
        text: String,
    },
    SourceOutside {
        text: String,
    },

    SummaryShape {
        found: Found,
    },
    AliasShape {
        found: Found,
    },
    /// One common word as an alias would link every sentence.
    AliasTooCommon {
        text: String,
    },

    // Templates.
    TemplateUnreadable {
        error: String,
    },
    /// Tera could not parse a template; `detail` is Tera's words.
    TemplateSyntax {
        detail: String,
    },
    TemplatesMismatch {
        detail: String,
    },
    /// A template failed while rendering one page.
    TemplateRender {
        template: String,
        page: String,
        detail: String,
    },
}

impl Msg {
    /// The stable name of the kind of problem, the serde tag.
    pub fn kind(&self) -> &'static str {
        match self {
            Msg::Legacy { .. } => "legacy",
            Msg::FileUnreadable { .. } => "file-unreadable",
            Msg::NotUtf8 => "not-utf8",
            Msg::FileEmpty => "file-empty",
            Msg::NoOpeningFence => "no-opening-fence",
            Msg::UnclosedFrontMatter { .. } => "unclosed-front-matter",
            Msg::Yaml { .. } => "yaml",
            Msg::NotAMapping { .. } => "not-a-mapping",
            Msg::UnknownKey { .. } => "unknown-key",
            Msg::NotText { .. } => "not-text",
            Msg::TitleEmpty => "title-empty",
            Msg::TitleMissing => "title-missing",
            Msg::PlanLacks { .. } => "plan-lacks",
            Msg::DraftLacks { .. } => "draft-lacks",
            Msg::NotANumber { .. } => "not-a-number",
            Msg::DateUnrecognized { .. } => "date-unrecognized",
            Msg::DateImpossible { .. } => "date-impossible",
            Msg::BadSlug { .. } => "bad-slug",
            Msg::DraftNotBool { .. } => "draft-not-bool",
            Msg::BasisNoNumber { .. } => "basis-no-number",
            Msg::BasisShape { .. } => "basis-shape",
            Msg::BasisMappingNoNumber => "basis-mapping-no-number",
            Msg::NotAYear { .. } => "not-a-year",
            Msg::CampaignShape { .. } => "campaign-shape",
            Msg::LeapDay { .. } => "leap-day",
            Msg::CampaignNoName => "campaign-no-name",
            Msg::CampaignDate { .. } => "campaign-date",
            Msg::CampaignMonth { .. } => "campaign-month",
            Msg::CampaignNoWhen { .. } => "campaign-no-when",
            Msg::CampaignTextNoDate { .. } => "campaign-text-no-date",
            Msg::CampaignEmptyName { .. } => "campaign-empty-name",
            Msg::ExpiresNotADate { .. } => "expires-not-a-date",
            Msg::ExpiresBeforeDate { .. } => "expires-before-date",
            Msg::SourceAbsolute { .. } => "source-absolute",
            Msg::SourceOutside { .. } => "source-outside",
            Msg::SummaryShape { .. } => "summary-shape",
            Msg::AliasShape { .. } => "alias-shape",
            Msg::AliasTooCommon { .. } => "alias-too-common",
            Msg::TemplateUnreadable { .. } => "template-unreadable",
            Msg::TemplateSyntax { .. } => "template-syntax",
            Msg::TemplatesMismatch { .. } => "templates-mismatch",
            Msg::TemplateRender { .. } => "template-render",
        }
    }

    /// The front-matter key this message is about, when it is about one:
    /// what lets a later check skip a key that already has its error.
    pub fn key(&self) -> Option<&str> {
        match self {
            Msg::NotText { key, .. } | Msg::PlanLacks { key } | Msg::DraftLacks { key } => {
                Some(key)
            }
            Msg::UnknownKey {
                key, within: None, ..
            } => Some(key),
            Msg::TitleEmpty | Msg::TitleMissing => Some("title"),
            Msg::NotANumber { .. } => Some("number"),
            Msg::DateUnrecognized { .. } | Msg::DateImpossible { .. } => Some("date"),
            Msg::BadSlug { .. } => Some("slug"),
            Msg::DraftNotBool { .. } => Some("draft"),
            _ => None,
        }
    }

    pub fn text(&self, lang: Lang) -> Text {
        match lang {
            Lang::Vi => super::vi::text(self),
            Lang::En => super::en::text(self),
        }
    }
}

impl From<crate::legal::date::DateError> for Msg {
    fn from(e: crate::legal::date::DateError) -> Self {
        use crate::legal::date::DateError;
        match e {
            DateError::Unrecognized(text) => Msg::DateUnrecognized { text },
            DateError::Impossible(text, reason) => Msg::DateImpossible { text, reason },
        }
    }
}
