//! The catalogue in English.

use super::{Found, Msg, Text, Within, YamlProblem};

fn found(f: Found) -> &'static str {
    match f {
        Found::Nothing => "nothing",
        Found::Bool => "true/false",
        Found::Number => "a number",
        Found::Text => "text",
        Found::List => "a list",
        Found::Mapping => "a mapping",
    }
}

fn t(message: String, help: Option<String>, example: Option<&str>) -> Text {
    Text {
        message,
        help,
        example: example.map(str::to_string),
    }
}

/// An example line for a front-matter key.
pub(super) fn example_for(key: &str) -> Option<&'static str> {
    Some(match key {
        "title" => "title: Kế hoạch thực hiện công tác dân số năm 2026",
        "number" => "number: 12/KH-UBND",
        "type" => "type: Kế hoạch",
        "issuer" => "issuer: Ủy ban nhân dân tỉnh Lào Cai",
        "jurisdiction" => "jurisdiction: Lào Cai",
        "date" => "date: 2026-01-15",
        "signer" => "signer: Vũ Thị Hiền Hạnh",
        "basis" => "  - Kết luận số 149-KL/TW ngày 10/4/2025 của Bộ Chính trị",
        "campaigns" => "  - Ngày Dân số thế giới (11/7)",
        "draft" => "draft: true",
        "slug" => "slug: dan-so-2026",
        _ => return None,
    })
}

pub(super) fn text(m: &Msg) -> Text {
    match m {
        Msg::Legacy { message, help } => t(message.clone(), help.clone(), None),
        Msg::FileUnreadable { error } => t(format!("cannot read the file: {error}"), Some("check that the file exists and that you may read it".into()), None),
        Msg::NotUtf8 => t("the file is not UTF-8 text".into(), Some("save it as UTF-8 (in Word: Save As → Plain Text → Unicode (UTF-8))".into()), None),
        Msg::FileEmpty => t("the file is empty".into(), Some("start it with front matter: a line `---`, the keys, and a closing `---`".into()), Some("---\ntitle: Kế hoạch …\n---")),
        Msg::NoOpeningFence => t("front matter is missing: the file must start with a line `---`".into(), Some("add `---` as the first line, then `title: …` and the other keys, then `---` before the body".into()), Some("---")),
        Msg::UnclosedFrontMatter { after } => t("front matter is not closed".into(), Some(format!("add a line `---` after line {after}, before the body")), Some("---")),
        Msg::Yaml { problem } => yaml(problem),
        Msg::NotAMapping { found: f } => t(format!("front matter must be `key: value` lines, found {}", found(*f)), Some("write one `key: value` per line".into()), example_for("title")),
        Msg::UnknownKey { key, within, suggestion, known } => {
            let place = match within {
                None => String::new(),
                Some(Within::Basis) => " in a basis entry".into(),
                Some(Within::Campaign) => " in a campaign".into(),
            };
            let help = match suggestion {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("known keys: {}", known.join(", ")),
            };
            let example = suggestion.as_deref().and_then(example_for).filter(|_| within.is_none());
            t(format!("unknown key `{key}`{place}"), Some(help), example)
        }
        Msg::NotText { key, found: f } => t(format!("`{key}` must be text, found {}", found(*f)), Some(format!("write it on one line after `{key}:`")), example_for(key)),
        Msg::TitleEmpty => t("`title` is empty".into(), Some("write the plan's title after `title:`".into()), example_for("title")),
        Msg::TitleMissing => t("`title` is missing".into(), Some("add a `title:` line to the front matter".into()), example_for("title")),
        Msg::PlanLacks { key } => t(format!("`{key}` is missing: every plan needs it"), Some(format!("add a `{key}:` line, or mark the plan `draft: true` until it is known")), example_for(key)),
        Msg::DraftLacks { key } => t(format!("draft lacks `{key}`, which a published plan needs"), Some(format!("add a `{key}:` line once it is known")), example_for(key)),
        Msg::NotANumber { text } => t(format!("`{text}` is not a document number"), Some("numbers look like `12/KH-UBND`, `149-KL/TW` or `113/2025/QH15`; leave `number` out if the plan has none yet".into()), example_for("number")),
        Msg::DateUnrecognized { text } => t(format!("`{text}` is not a date"), Some("write `2026-01-15` or `15/1/2026` (day/month/year); when the signed text leaves the day blank, `8/2025`; when it gives only the year, `2024`".into()), example_for("date")),
        Msg::DateImpossible { text, reason } => t(format!("`{text}` does not exist: {reason}"), Some("check the day and the month (day first: 15/1/2026 is 15 January)".into()), example_for("date")),
        Msg::BadSlug { slug, suggestion } => t(format!("`{slug}` cannot be a slug: it must be one URL segment"), Some(format!("use letters, digits and dashes only, e.g. `{suggestion}`")), None),
        Msg::DraftNotBool { found: f } => t(format!("`draft` must be true or false, found {}", found(*f)), Some("write `draft: true` or `draft: false`".into()), example_for("draft")),
        Msg::BasisNoNumber { key, text } => t(format!("{key} entry `{text}` names no document number"), Some("cite it with its number, or give the bare number".into()), example_for("basis")),
        Msg::BasisShape { key, found: f } => t(format!("a {key} entry must be a citation or a mapping, found {}", found(*f)), Some("write one citation per `- ` line".into()), example_for("basis")),
        Msg::BasisMappingNoNumber => t("a basis mapping needs `number`".into(), Some("give the number of the document it cites".into()), Some("  - { number: 72-NQ/TW, date: 2025-09-09 }")),
        Msg::NotAYear { text } => t(format!("`{text}` is not a year"), Some("write four digits".into()), Some("  - { number: 72-NQ/TW, year: 2025 }")),
        Msg::CampaignShape { found: f } => t(format!("a campaign must be `Name (day/month)` or a mapping, found {}", found(*f)), Some("write one campaign per `- ` line".into()), example_for("campaigns")),
        Msg::LeapDay { name } => t(format!("`{name}` falls on 29/2, which occurs only in leap years"), Some("in other years the calendar shows it on no day; check the date".into()), None),
        Msg::CampaignNoName => t("a campaign needs a `name`".into(), Some("give the observance's name".into()), Some("  - { name: Ngày Dân số thế giới, date: 11/7 }")),
        Msg::CampaignDate { name, text, reason } => {
            let why = match reason {
                Some(r) => format!("`{text}` does not exist: {r}"),
                None => format!("`{text}` is not a day/month"),
            };
            t(format!("campaign `{name}`: {why}"), Some("write the day first: `11/7` is 11 July".into()), example_for("campaigns"))
        }
        Msg::CampaignMonth { name, text } => t(format!("campaign `{name}`: `{text}` is not a month"), Some("write the month as a number from 1 to 12".into()), Some("  - { name: Tháng hành động quốc gia về Dân số, month: 12 }")),
        Msg::CampaignNoWhen { name } => t(format!("campaign `{name}` has neither a date nor a month"), Some("add `date: 11/7` (day/month) or `month: 12` for a month-long campaign".into()), Some("  - { name: Ngày Dân số thế giới, date: 11/7 }")),
        Msg::CampaignTextNoDate { text } => t(format!("campaign `{text}` has no date"), Some("write `Name (day/month)`, or a mapping with `month:`".into()), example_for("campaigns")),
        Msg::CampaignEmptyName { text } => t(format!("campaign `{text}` has an empty name"), Some("write the name before the date in brackets".into()), example_for("campaigns")),
        Msg::ExpiresNotADate { text } => t(format!("`{text}` is not a date"), Some("write the last day it applies".into()), Some("expires: 2026-12-31")),
        Msg::ExpiresBeforeDate { expires, issued } => t(format!("`expires` ({expires}) is before the document's `date` ({issued})"), Some("`expires` is the last day the document applies: on or after its date".into()), Some("expires: 2026-12-31")),
        Msg::SourceAbsolute { text } => t(format!("`source: {text}` is an absolute path"), Some("put the signed original next to the .md file (or in a folder below it) and write its name".into()), Some("source: ke-hoach.pdf")),
        Msg::SourceOutside { text } => t(format!("`source: {text}` leaves the folder of this file (`..`)"), Some("put the signed original next to the .md file (or in a folder below it) and write its name".into()), Some("source: ke-hoach.pdf")),
        Msg::SummaryShape { found: f } => t(format!("`summary` must be text (Markdown), found {}", found(*f)), Some("write `summary: |` and the summary on the lines below, indented by two spaces".into()), Some("summary: |\n  Tóm tắt nội dung chính.")),
        Msg::AliasShape { found: f } => t(format!("each alias in `aliases` must be a name, found {}", found(*f)), Some("write one name per item".into()), Some("aliases: [Luật Dân số]")),
        Msg::AliasTooCommon { text } => t(format!("alias `{text}` is one common word: every sentence with it would become a link"), Some("write a name that names only this document: two words at least, or with a number".into()), Some("aliases: [Luật Dân số]")),
        Msg::TemplateUnreadable { error } => t(format!("cannot read the template: {error}"), None, None),
        Msg::TemplateSyntax { detail } => t(format!("template error: {detail}"), Some("check the `{{ … }}` and `{% … %}` tags on this line (docs/theming.md)".into()), None),
        Msg::TemplatesMismatch { detail } => t(format!("templates do not fit together: {detail}"), Some("check `{% extends %}` and `{% include %}` names".into()), None),
        Msg::TemplateRender { template, page, detail } => t(format!("template `{template}` failed while rendering `{page}`: {detail}"), Some("check the variable names against docs/theming.md".into()), None),
    }
}

fn yaml(p: &YamlProblem) -> Text {
    let (message, help, example): (String, String, Option<&str>) = match p {
        YamlProblem::MissingColon => (
            "this line is not `key: value`".into(),
            "put `: ` between the key and its value".into(),
            Some("issuer: Ủy ban nhân dân tỉnh Lào Cai"),
        ),
        YamlProblem::ColonInValue => (
            "the value holds `: `, which YAML reads as a second key".into(),
            "put the whole value in double quotes".into(),
            Some("title: \"Kế hoạch: dân số năm 2026\""),
        ),
        YamlProblem::IndentedKey => (
            "this key is indented, so it reads as part of the line above".into(),
            "remove the spaces before the key".into(),
            Some("issuer: Ủy ban nhân dân tỉnh Lào Cai"),
        ),
        YamlProblem::BadStart { ch } => (
            format!("a value cannot start with `{ch}` unquoted"),
            "put the whole value in double quotes".into(),
            Some("title: \"@ Kế hoạch …\""),
        ),
        YamlProblem::Tab => (
            "the line is indented with a tab".into(),
            "indent with spaces instead".into(),
            Some("  - 149-KL/TW"),
        ),
        YamlProblem::UnclosedQuote => (
            "a quoted value is not closed".into(),
            "add the closing quote at the end of the value".into(),
            Some("title: \"Kế hoạch …\""),
        ),
        YamlProblem::UnclosedBracket { close } => (
            format!("a list or mapping opened here is not closed with `{close}`"),
            format!("add `{close}` at the end of it"),
            Some("basis: [149-KL/TW, 72-NQ/TW]"),
        ),
        YamlProblem::BadIndent => (
            "the indentation of this line does not match the lines above".into(),
            "indent list items (`- `) by the same number of spaces".into(),
            Some("  - 149-KL/TW"),
        ),
        YamlProblem::DuplicateKey { key } => (
            format!("`{key}` is written twice"),
            "keep one of the two lines".into(),
            None,
        ),
        YamlProblem::Other { detail } => (
            format!("front matter is not valid YAML: {detail}"),
            "a value containing `: ` or starting with `[`, `{`, `*` or `&` needs quotes".into(),
            None,
        ),
    };
    t(message, Some(help), example)
}
