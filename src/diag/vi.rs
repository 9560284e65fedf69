//! The catalogue in Vietnamese, the default: written for a communications
//! officer, without programming words.

use super::en::example_for;
use super::{Found, Msg, Text, Within, YamlProblem};

fn found(f: Found) -> &'static str {
    match f {
        Found::Nothing => "không có gì",
        Found::Bool => "giá trị đúng/sai",
        Found::Number => "một con số",
        Found::Text => "chữ",
        Found::List => "một danh sách",
        Found::Mapping => "một nhóm khóa",
    }
}

fn t(message: String, help: Option<String>, example: Option<&str>) -> Text {
    Text {
        message,
        help,
        example: example.map(str::to_string),
    }
}

pub(super) fn text(m: &Msg) -> Text {
    match m {
        Msg::Legacy { message, help } => t(message.clone(), help.clone(), None),
        Msg::FileUnreadable { error } => t(format!("không đọc được tệp: {error}"), Some("kiểm tra tệp còn đó và bạn có quyền đọc".into()), None),
        Msg::NotUtf8 => t("tệp không phải văn bản UTF-8".into(), Some("lưu lại tệp dạng UTF-8 (trong Word: Lưu thành → Văn bản thuần → Unicode (UTF-8))".into()), None),
        Msg::FileEmpty => t("tệp trống".into(), Some("bắt đầu tệp bằng phần thông tin: dòng `---`, các khóa, rồi dòng `---`".into()), Some("---\ntitle: Kế hoạch …\n---")),
        Msg::NoOpeningFence => t("thiếu phần thông tin: dòng đầu tiên của tệp phải là `---`".into(), Some("thêm dòng `---` ở đầu tệp, rồi `title: …` và các khóa khác, rồi dòng `---` trước phần nội dung".into()), Some("---")),
        Msg::UnclosedFrontMatter { after } => t("phần thông tin chưa được đóng".into(), Some(format!("thêm dòng `---` sau dòng {after}, trước phần nội dung")), Some("---")),
        Msg::Yaml { problem } => yaml(problem),
        Msg::NotAMapping { found: f } => t(format!("phần thông tin phải gồm các dòng `khóa: giá trị`, nhưng ở đây là {}", found(*f)), Some("viết mỗi khóa trên một dòng".into()), example_for("title")),
        Msg::UnknownKey { key, within, suggestion, known } => {
            let place = match within {
                None => "",
                Some(Within::Basis) => " trong một căn cứ",
                Some(Within::Campaign) => " trong một ngày kỷ niệm",
            };
            let help = match suggestion {
                Some(s) => format!("có phải ý bạn là `{s}`?"),
                None => format!("các khóa được dùng: {}", known.join(", ")),
            };
            let example = suggestion.as_deref().and_then(example_for).filter(|_| within.is_none());
            t(format!("không có khóa `{key}`{place}"), Some(help), example)
        }
        Msg::NotText { key, found: f } => t(format!("`{key}` phải là chữ, nhưng ở đây là {}", found(*f)), Some(format!("viết giá trị trên cùng dòng, sau `{key}:`")), example_for(key)),
        Msg::TitleEmpty => t("`title` (tiêu đề) đang trống".into(), Some("viết tiêu đề kế hoạch sau `title:`".into()), example_for("title")),
        Msg::TitleMissing => t("thiếu `title` (tiêu đề)".into(), Some("thêm dòng `title:` vào phần thông tin".into()), example_for("title")),
        Msg::PlanLacks { key } => t(format!("thiếu `{key}` ({}): kế hoạch nào cũng cần", vi_key(key)), Some(format!("thêm dòng `{key}:`, hoặc ghi `draft: true` (bản nháp) cho đến khi biết")), example_for(key)),
        Msg::DraftLacks { key } => t(format!("bản nháp chưa có `{key}` ({}), kế hoạch khi công bố sẽ cần", vi_key(key)), Some(format!("thêm dòng `{key}:` khi đã biết")), example_for(key)),
        Msg::NotANumber { text } => t(format!("`{text}` không phải số ký hiệu văn bản"), Some("số ký hiệu có dạng `12/KH-UBND`, `149-KL/TW` hoặc `113/2025/QH15`; bỏ dòng `number` nếu kế hoạch chưa có số".into()), example_for("number")),
        Msg::DateUnrecognized { text } => t(format!("`{text}` không phải là ngày"), Some("viết `2026-01-15` hoặc `15/1/2026` (ngày/tháng/năm); văn bản ký để trống ngày thì viết `8/2025`; chỉ có năm thì viết `2024`".into()), example_for("date")),
        Msg::DateImpossible { text, .. } => t(format!("ngày `{text}` không có trong lịch"), Some("kiểm tra lại ngày và tháng (ngày trước, tháng sau: 15/1/2026 là ngày 15 tháng 1)".into()), example_for("date")),
        Msg::BadSlug { slug, suggestion } => t(format!("`{slug}` không dùng được làm đường dẫn: chỉ được là một đoạn địa chỉ"), Some(format!("chỉ dùng chữ không dấu, chữ số và dấu gạch ngang, ví dụ `{suggestion}`")), None),
        Msg::DraftNotBool { found: f } => t(format!("`draft` phải là true hoặc false, nhưng ở đây là {}", found(*f)), Some("viết `draft: true` (bản nháp) hoặc `draft: false`".into()), example_for("draft")),
        Msg::BasisNoNumber { key, text } => t(format!("{} `{text}` không có số ký hiệu văn bản", vi_key(key)), Some("ghi căn cứ kèm số ký hiệu, hoặc chỉ ghi số ký hiệu".into()), example_for("basis")),
        Msg::BasisShape { key, found: f } => t(format!("mỗi dòng của `{key}` ({}) phải là một trích dẫn hoặc một nhóm khóa, nhưng ở đây là {}", vi_key(key), found(*f)), Some("viết mỗi căn cứ trên một dòng bắt đầu bằng `- `".into()), example_for("basis")),
        Msg::BasisMappingNoNumber => t("căn cứ này thiếu `number` (số ký hiệu)".into(), Some("ghi số ký hiệu của văn bản được trích dẫn".into()), Some("  - { number: 72-NQ/TW, date: 2025-09-09 }")),
        Msg::NotAYear { text } => t(format!("`{text}` không phải là năm"), Some("viết năm bằng bốn chữ số".into()), Some("  - { number: 72-NQ/TW, year: 2025 }")),
        Msg::CampaignShape { found: f } => t(format!("ngày kỷ niệm phải có dạng `Tên (ngày/tháng)` hoặc là một nhóm khóa, nhưng ở đây là {}", found(*f)), Some("viết mỗi ngày kỷ niệm trên một dòng bắt đầu bằng `- `".into()), example_for("campaigns")),
        Msg::LeapDay { name } => t(format!("`{name}` rơi vào ngày 29/2, chỉ có trong năm nhuận"), Some("những năm khác lịch sẽ không hiện ngày này; kiểm tra lại ngày".into()), None),
        Msg::CampaignNoName => t("ngày kỷ niệm thiếu `name` (tên)".into(), Some("ghi tên ngày kỷ niệm".into()), Some("  - { name: Ngày Dân số thế giới, date: 11/7 }")),
        Msg::CampaignDate { name, text, reason } => {
            let why = match reason {
                Some(_) => format!("ngày `{text}` không có trong lịch"),
                None => format!("`{text}` không phải ngày/tháng"),
            };
            t(format!("ngày kỷ niệm `{name}`: {why}"), Some("viết ngày trước, tháng sau: `11/7` là ngày 11 tháng 7".into()), example_for("campaigns"))
        }
        Msg::CampaignMonth { name, text } => t(format!("ngày kỷ niệm `{name}`: `{text}` không phải là tháng"), Some("viết tháng bằng một số từ 1 đến 12".into()), Some("  - { name: Tháng hành động quốc gia về Dân số, month: 12 }")),
        Msg::CampaignNoWhen { name } => t(format!("ngày kỷ niệm `{name}` không có ngày cũng không có tháng"), Some("thêm `date: 11/7` (ngày/tháng), hoặc `month: 12` cho hoạt động kéo dài cả tháng".into()), Some("  - { name: Ngày Dân số thế giới, date: 11/7 }")),
        Msg::CampaignTextNoDate { text } => t(format!("ngày kỷ niệm `{text}` không có ngày"), Some("viết `Tên (ngày/tháng)`, hoặc một nhóm khóa có `month:`".into()), example_for("campaigns")),
        Msg::CampaignEmptyName { text } => t(format!("ngày kỷ niệm `{text}` không có tên"), Some("viết tên trước ngày trong ngoặc".into()), example_for("campaigns")),
        Msg::ExpiresNotADate { text } => t(format!("`{text}` không phải là ngày"), Some("viết ngày cuối cùng văn bản còn hiệu lực".into()), Some("expires: 2026-12-31")),
        Msg::ExpiresBeforeDate { expires, issued } => t(format!("ngày hết hiệu lực `expires` ({expires}) sớm hơn ngày ban hành `date` ({issued})"), Some("`expires` là ngày cuối cùng văn bản còn hiệu lực: từ ngày ban hành trở đi".into()), Some("expires: 2026-12-31")),
        Msg::SourceAbsolute { text } => t(format!("`source: {text}` là đường dẫn tuyệt đối"), Some("đặt bản gốc đã ký cạnh tệp .md (hoặc trong thư mục con) và ghi tên tệp".into()), Some("source: ke-hoach.pdf")),
        Msg::SourceOutside { text } => t(format!("`source: {text}` ra ngoài thư mục của tệp này (`..`)"), Some("đặt bản gốc đã ký cạnh tệp .md (hoặc trong thư mục con) và ghi tên tệp".into()), Some("source: ke-hoach.pdf")),
        Msg::SummaryShape { found: f } => t(format!("`summary` phải là văn bản (Markdown), không phải {}", found(*f)), Some("viết `summary: |` rồi các dòng tóm tắt ở dòng dưới, thụt vào hai dấu cách".into()), Some("summary: |\n  Tóm tắt nội dung chính.")),
        Msg::AliasShape { found: f } => t(format!("mỗi bí danh trong `aliases` phải là một tên, không phải {}", found(*f)), Some("viết mỗi tên một mục".into()), Some("aliases: [Luật Dân số]")),
        Msg::AliasTooCommon { text } => t(format!("bí danh `{text}` chỉ là một từ thông dụng: mọi câu có từ này sẽ thành liên kết"), Some("viết tên đủ để chỉ riêng văn bản này, ít nhất hai từ hoặc có số, ví dụ `Luật Dân số`".into()), Some("aliases: [Luật Dân số]")),
        Msg::TemplateUnreadable { error } => t(format!("không đọc được tệp giao diện (template): {error}"), None, None),
        Msg::TemplateSyntax { detail } => t(format!("tệp giao diện (template) viết sai: {detail}"), Some("kiểm tra các thẻ `{{ … }}` và `{% … %}` trên dòng này (docs/theming.md)".into()), None),
        Msg::TemplatesMismatch { detail } => t(format!("các tệp giao diện không khớp nhau: {detail}"), Some("kiểm tra tên trong `{% extends %}` và `{% include %}`".into()), None),
        Msg::TemplateRender { template, page, detail } => t(format!("tệp giao diện `{template}` bị lỗi khi tạo trang `{page}`: {detail}"), Some("kiểm tra tên các biến theo docs/theming.md".into()), None),
    }
}

/// What a key means, for officers who do not read the English key names.
fn vi_key(key: &str) -> &'static str {
    match key {
        "title" => "tiêu đề",
        "number" => "số ký hiệu",
        "type" => "loại văn bản",
        "issuer" => "cơ quan ban hành",
        "jurisdiction" => "địa bàn",
        "date" => "ngày ban hành",
        "signer" => "người ký",
        "basis" => "căn cứ",
        "campaigns" => "ngày kỷ niệm",
        "draft" => "bản nháp",
        "replaces" => "văn bản được thay thế",
        "amends" => "văn bản được sửa đổi",
        "repeals" => "văn bản bị bãi bỏ",
        "expires" => "ngày hết hiệu lực",
        "source" => "bản gốc",
        _ => "khóa",
    }
}

fn yaml(p: &YamlProblem) -> Text {
    let (message, help, example): (String, String, Option<&str>) = match p {
        YamlProblem::MissingColon => (
            "dòng này không có dạng `khóa: giá trị`".into(),
            "đặt dấu `: ` giữa tên khóa và giá trị".into(),
            Some("issuer: Ủy ban nhân dân tỉnh Lào Cai"),
        ),
        YamlProblem::ColonInValue => (
            "giá trị có dấu `: ` nên bị hiểu nhầm là một khóa thứ hai".into(),
            "đặt cả giá trị trong dấu ngoặc kép".into(),
            Some("title: \"Kế hoạch: dân số năm 2026\""),
        ),
        YamlProblem::IndentedKey => (
            "khóa này bị lùi vào đầu dòng nên bị hiểu là phần tiếp của dòng trên".into(),
            "xóa các dấu cách trước tên khóa".into(),
            Some("issuer: Ủy ban nhân dân tỉnh Lào Cai"),
        ),
        YamlProblem::BadStart { ch } => (
            format!("giá trị không được bắt đầu bằng `{ch}` nếu không có ngoặc kép"),
            "đặt cả giá trị trong dấu ngoặc kép".into(),
            Some("title: \"@ Kế hoạch …\""),
        ),
        YamlProblem::Tab => (
            "dòng này lùi vào bằng phím Tab".into(),
            "lùi vào bằng dấu cách thay cho Tab".into(),
            Some("  - 149-KL/TW"),
        ),
        YamlProblem::UnclosedQuote => (
            "giá trị mở ngoặc kép nhưng chưa đóng".into(),
            "thêm dấu ngoặc kép đóng ở cuối giá trị".into(),
            Some("title: \"Kế hoạch …\""),
        ),
        YamlProblem::UnclosedBracket { close } => (
            format!("danh sách mở ở đây chưa được đóng bằng `{close}`"),
            format!("thêm `{close}` ở cuối danh sách"),
            Some("basis: [149-KL/TW, 72-NQ/TW]"),
        ),
        YamlProblem::BadIndent => (
            "dòng này lùi vào không khớp với các dòng trên".into(),
            "các dòng `- ` của một danh sách phải lùi vào cùng số dấu cách".into(),
            Some("  - 149-KL/TW"),
        ),
        YamlProblem::DuplicateKey { key } => (
            format!("khóa `{key}` được viết hai lần"),
            "giữ lại một trong hai dòng".into(),
            None,
        ),
        YamlProblem::Other { detail } => (
            format!("phần thông tin viết sai cú pháp ({detail})"),
            "giá trị có dấu `: ` hoặc bắt đầu bằng `[`, `{`, `*`, `&` cần đặt trong dấu ngoặc kép"
                .into(),
            None,
        ),
    };
    t(message, Some(help), example)
}
