//! `site.yaml`: the site's settings, every one with a default.

use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics};
use crate::position;
use crate::yaml::{self, Yaml};

/// How raw HTML inside Markdown is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RawHtml {
    /// Shown as text: the default, since plans come from PDFs, not from HTML authors.
    Escape,
    /// Passed through a sanitizer that keeps a safe subset (tables, links, emphasis).
    Safe,
}

/// Validated site settings.
#[derive(Debug, Clone)]
pub struct Config {
    pub title: String,
    pub description: String,
    /// Absolute URL of the site root, always ending in `/` (`/` when unknown).
    pub base_url: String,
    pub language: String,
    pub theme: String,
    pub raw_html: RawHtml,
    /// Items per list page before paginating.
    pub per_page: usize,
    /// Who runs the portal, shown in the footer and feeds.
    pub publisher: String,
    /// The picture link previews show (`og:image`): a site path of a static
    /// file or an absolute URL. The default theme ships `/og-image.png`.
    pub share_image: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Cổng thông tin Kế hoạch".into(),
            description: "Các kế hoạch, văn bản căn cứ và lịch truyền thông của cơ quan nhà nước."
                .into(),
            base_url: "/".into(),
            language: "vi".into(),
            theme: "default".into(),
            raw_html: RawHtml::Escape,
            per_page: 50,
            publisher: "planportal".into(),
            share_image: "/og-image.png".into(),
        }
    }
}

const KEYS: &[&str] = &[
    "title",
    "description",
    "base_url",
    "language",
    "theme",
    "raw_html",
    "per_page",
    "publisher",
    "share_image",
];

impl Config {
    /// The path part of `base_url` (`/` or `/portal/`), for links inside pages.
    pub fn base_path(&self) -> String {
        let after_scheme = match self.base_url.find("://") {
            Some(i) => &self.base_url[i + 3..],
            None => return self.base_url.clone(),
        };
        match after_scheme.find('/') {
            Some(i) => after_scheme[i..].to_string(),
            None => "/".into(),
        }
    }

    /// An absolute URL for a site path like `/plans/x/` (relative when no base URL is set).
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.base_url.trim_end_matches('/'), path)
    }
}

/// Normalises a base URL: trims and guarantees one trailing slash.
pub fn normalize_base_url(url: &str) -> String {
    let t = url.trim();
    if t.is_empty() {
        return "/".into();
    }
    format!("{}/", t.trim_end_matches('/'))
}

/// Checks and normalises a base URL: `/` (or nothing) or an absolute
/// `http(s)://host[:port][/path]`. Anything else would end up in every
/// navigation link (`javascript:…` would make each one run script), so it is
/// refused with the message (in Vietnamese) to show.
pub fn check_base_url(url: &str) -> Result<String, String> {
    let t = url.trim();
    if t.is_empty() || t == "/" {
        return Ok("/".into());
    }
    let wrong = || {
        format!(
            "`base_url` phải là `/` hoặc một địa chỉ tuyệt đối http(s) như `https://kehoach.laocai.gov.vn/`; `{}` không dùng được",
            crate::diag::escape_controls(t)
        )
    };
    let lower = t.to_ascii_lowercase();
    let rest = ["https://", "http://"]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| &t[p.len()..]))
        .ok_or_else(wrong)?;
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | ':' | '[' | ']'));
    let path_ok = path.chars().all(|c| {
        !c.is_control()
            && !c.is_whitespace()
            && !matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`' | '?' | '#')
    });
    if !host_ok || !path_ok {
        return Err(wrong());
    }
    let scheme = &lower[..t.len() - rest.len()];
    Ok(normalize_base_url(&format!("{scheme}{rest}")))
}

/// A theme is a folder directly under `themes/`: a path would read templates
/// from anywhere on the computer.
fn is_folder_name(t: &str) -> bool {
    !t.is_empty()
        && t != "."
        && t != ".."
        && !t.contains(['/', '\\', ':'])
        && !t.chars().any(char::is_control)
}

/// Reads `root/site.yaml` when present.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Config {
    let path = root.join("site.yaml");
    if let Some(kind) = std::fs::metadata(&path)
        .ok()
        .and_then(|m| crate::fsx::special_kind(m.file_type()))
    {
        diags.push(crate::fsx::special_warning(Path::new("site.yaml"), kind));
        return Config::default();
    }
    match std::fs::read_to_string(&path) {
        // NFC like the content: the title and description reach every page.
        Ok(text) => parse("site.yaml", &crate::legal::text::nfc(&text), diags),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Config::default(),
        Err(e) => {
            diags.push(
                Diagnostic::error(format!("cannot read site settings: {e}")).at("site.yaml", None),
            );
            Config::default()
        }
    }
}

/// Parses site settings from text; problems go to `diags`, defaults fill the gaps.
pub fn parse(file: &str, text: &str, diags: &mut Diagnostics) -> Config {
    let mut cfg = Config::default();
    if let Some(e) = crate::content::controls::refuse(Path::new(file), text, 1) {
        diags.push(e);
        return cfg;
    }
    let map = match yaml::parse(text) {
        Ok(Yaml::Map(m)) => m,
        Ok(Yaml::Null) => return cfg,
        Ok(other) => {
            diags.push(
                Diagnostic::error(format!(
                    "site settings must be a mapping of `key: value`, found {}",
                    other.kind()
                ))
                .at(file, Some(1)),
            );
            return cfg;
        }
        Err(e) => {
            diags.push(
                Diagnostic::error(format!("invalid YAML: {}", e.message))
                    .at(file, e.line)
                    .col(e.column),
            );
            return cfg;
        }
    };
    for (k, v) in map {
        let line = position::key(text, &k).map(|p| p.0);
        let is_text_key = matches!(
            k.as_str(),
            "title"
                | "description"
                | "base_url"
                | "language"
                | "theme"
                | "publisher"
                | "share_image"
        );
        if is_text_key && v.as_text().is_none() {
            diags_push_type(diags, file, line, &k, &v);
            continue;
        }
        let text_value = || v.as_text();
        match k.as_str() {
            "title" => cfg.title = text_value().unwrap_or(cfg.title),
            "description" => cfg.description = text_value().unwrap_or(cfg.description),
            "base_url" => match check_base_url(&text_value().unwrap_or_default()) {
                Ok(b) => cfg.base_url = b,
                Err(msg) => {
                    let at = position::value(text, &k);
                    diags.push(
                        Diagnostic::error(msg)
                            .at(file, at.map(|p| p.0).or(line))
                            .col(at.map(|p| p.1))
                            .help("viết ví dụ `base_url: https://kehoach.laocai.gov.vn/`, hoặc bỏ dòng này"),
                    )
                }
            },
            "language" => cfg.language = text_value().unwrap_or(cfg.language),
            "theme" => match text_value().filter(|t| is_folder_name(t)) {
                Some(t) => cfg.theme = t,
                None => diags.push(
                    Diagnostic::error(
                        "`theme` phải là tên một thư mục trong `themes/`, không có `/`, `\\` hay `..`",
                    )
                    .at(file, line)
                    .help("ví dụ `theme: lao-cai` cho themes/lao-cai/"),
                ),
            },
            "publisher" => cfg.publisher = text_value().unwrap_or(cfg.publisher),
            "share_image" => {
                let v = text_value().unwrap_or_default();
                let v = v.trim();
                if v.starts_with('/') || v.starts_with("https://") || v.starts_with("http://") {
                    cfg.share_image = v.to_string();
                } else {
                    diags.push(
                        Diagnostic::error(format!(
                            "`share_image` must be a site path starting with `/` or an http(s) address, found `{v}`"
                        ))
                        .at(file, line)
                        .help("put the picture in themes/<theme>/static/ and write e.g. `share_image: /anh-chia-se.png`"),
                    );
                }
            }
            "raw_html" => match v.as_text().as_deref() {
                Some("escape") => cfg.raw_html = RawHtml::Escape,
                Some("safe") => cfg.raw_html = RawHtml::Safe,
                _ => diags.push(
                    Diagnostic::error("`raw_html` must be `escape` or `safe`")
                        .at(file, line)
                        .help("`escape` shows HTML as text; `safe` keeps a sanitized subset"),
                ),
            },
            "per_page" => match v.as_text().and_then(|t| t.parse::<usize>().ok()) {
                Some(n) if n > 0 => cfg.per_page = n,
                _ => diags.push(
                    Diagnostic::error("`per_page` must be a whole number above 0").at(file, line),
                ),
            },
            _ => {
                // A warning, not an error: a site.yaml shared with other tools
                // (or written for a newer planportal) must still build.
                let mut d = Diagnostic::warning(format!("unknown setting `{k}` is ignored"))
                    .at(file, line)
                    .col(Some(1));
                d = match position::suggest(&k, KEYS) {
                    Some(s) => d.help(format!("did you mean `{s}`?")),
                    None => d.help(format!("known settings: {}", KEYS.join(", "))),
                };
                diags.push(d);
            }
        }
    }
    cfg
}

fn diags_push_type(diags: &mut Diagnostics, file: &str, line: Option<usize>, key: &str, v: &Yaml) {
    diags.push(
        Diagnostic::error(format!("`{key}` must be text, found {}", v.kind())).at(file, line),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_values() {
        let mut d = Diagnostics::default();
        let c = parse(
            "site.yaml",
            "title: Cổng Lào Cai\nbase_url: https://x.gov.vn/kh\n",
            &mut d,
        );
        assert!(d.is_empty());
        assert_eq!(c.title, "Cổng Lào Cai");
        assert_eq!(c.base_url, "https://x.gov.vn/kh/");
        assert_eq!(c.base_path(), "/kh/");
        assert_eq!(c.absolute("/plans/a/"), "https://x.gov.vn/kh/plans/a/");
        assert_eq!(Config::default().base_path(), "/");
    }

    #[test]
    fn base_url_is_slash_or_absolute_http() {
        for (given, want) in [
            ("/", "/"),
            ("", "/"),
            ("https://x.gov.vn", "https://x.gov.vn/"),
            ("HTTPS://x.gov.vn/kh/", "https://x.gov.vn/kh/"),
            ("http://127.0.0.1:1111", "http://127.0.0.1:1111/"),
            ("https://cổng.vn/kế-hoạch", "https://cổng.vn/kế-hoạch/"),
        ] {
            assert_eq!(check_base_url(given).as_deref(), Ok(want), "{given:?}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript://x.vn/%0aalert(1)",
            "data:text/html,x",
            "//x.vn/",
            "x.gov.vn",
            "/portal/",
            "https://",
            "https://x.vn/\"><script>",
            "https://x vn/",
            "https://x.vn/a b",
            "https://x.vn/?q=1",
            "ftp://x.vn/",
        ] {
            let e = check_base_url(bad).unwrap_err();
            assert!(e.contains("`base_url` phải là"), "{bad:?}: {e}");
        }
    }

    #[test]
    fn a_bad_base_url_in_site_yaml_is_an_error_at_its_line() {
        let mut d = Diagnostics::default();
        let c = parse(
            "site.yaml",
            "title: a\nbase_url: javascript:alert(1)\n",
            &mut d,
        );
        let e = d.iter().next().unwrap();
        assert!(e.is_error());
        assert_eq!((e.line, e.column), (Some(2), Some(11)));
        assert_eq!(c.base_url, "/", "the default stays");
    }

    #[test]
    fn theme_is_a_plain_folder_name() {
        for bad in ["../..", "/etc", "a/b", "..", "C:\\x", "a\\b", ""] {
            let mut d = Diagnostics::default();
            let c = parse("site.yaml", &format!("title: a\ntheme: '{bad}'\n"), &mut d);
            assert!(d.has_errors(), "{bad}");
            assert_eq!(d.iter().next().unwrap().line, Some(2));
            assert_eq!(c.theme, "default");
        }
        let mut d = Diagnostics::default();
        assert_eq!(
            parse("site.yaml", "theme: lao-cai\n", &mut d).theme,
            "lao-cai"
        );
        assert!(d.is_empty());
    }

    #[test]
    fn unknown_setting_suggests() {
        let mut d = Diagnostics::default();
        parse("site.yaml", "title: a\ntheem: x\n", &mut d);
        let e = d.iter().next().unwrap();
        assert_eq!(e.line, Some(2));
        assert_eq!(e.help_text().as_deref(), Some("did you mean `theme`?"));
        assert!(
            !e.is_error(),
            "unknown settings warn, so shared site.yaml files still build"
        );
    }
}
