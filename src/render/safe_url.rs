//! Which link and image URLs from content may reach an `href` or `src`.
//!
//! Content is untrusted: a `javascript:` link runs script on a citizen's click,
//! a `data:` URL can carry a whole page. Only `http`, `https`, `mailto`, `tel`,
//! relative paths and `#fragments` pass. The check errs on the side of
//! refusing: the URL is decoded (HTML entities, then percent-escapes, until
//! nothing changes) and stripped of whitespace and control characters
//! anywhere, more than a browser would undo, so no spelling of a scheme that
//! a browser would still run slips through.

use std::borrow::Cow;

/// Schemes a link or image may use; everything else is refused.
pub const SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// Decoding rounds before giving up on a URL that keeps changing (refused then).
const ROUNDS: usize = 4;

/// True when `url` is relative, a fragment, or uses an allowed scheme.
pub fn allowed(url: &str) -> bool {
    let mut s: Cow<'_, str> = Cow::Borrowed(url);
    let mut stable = false;
    for _ in 0..ROUNDS {
        let entities = html_escape::decode_html_entities(&*s).into_owned();
        let percent = percent_encoding::percent_decode_str(&entities)
            .decode_utf8_lossy()
            .into_owned();
        if percent == *s {
            stable = true;
            break;
        }
        s = Cow::Owned(percent);
    }
    if !stable {
        return false;
    }
    // Browsers drop leading C0 controls and spaces and every tab and newline
    // inside (`java\tscript:`); dropping every blank and control is stricter.
    let plain: String = s
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace() && !is_invisible(*c))
        .flat_map(char::to_lowercase)
        .collect();
    match plain.find([':', '/', '?', '#']) {
        // A colon before any `/`, `?` or `#` ends a scheme (or what a browser
        // may take for one): it must be one of ours.
        Some(i) if plain.as_bytes()[i] == b':' => SCHEMES.contains(&&plain[..i]),
        _ => true,
    }
}

/// Characters that render as nothing; refused inside a scheme name like blanks.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::allowed;

    #[test]
    fn plain_links_pass() {
        for u in [
            "https://chinhphu.vn/van-ban",
            "HTTP://x.vn",
            "mailto:ubnd@laocai.gov.vn",
            "tel:+842143840000",
            "/plans/a/",
            "../documents/b/",
            "anh.png",
            "#muc-1",
            "?q=dan+so",
            "//cdn.example.org/x.png",
            "",
            "van-ban/10:30.pdf",
        ] {
            assert!(allowed(u), "{u:?} should pass");
        }
    }

    #[test]
    fn script_schemes_are_refused_in_every_spelling() {
        for u in [
            "javascript:alert(1)",
            "jAvAsCrIpT:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java%0ascript:alert(1)",
            "java%09script:alert(1)",
            "&#106;avascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "&#X6a;avascript:alert(1)",
            "javascript&colon;alert(1)",
            "javascript&#58;alert(1)",
            "%6Aavascript:alert(1)",
            "&amp;#106;avascript:alert(1)",
            "%26%23106%3Bavascript:alert(1)",
            "java\u{200B}script:alert(1)",
            "vbscript:msgbox(1)",
            "VBScript:msgbox(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "DATA:text/html,<script>alert(1)</script>",
            "data:image/svg+xml,<svg onload=alert(1)>",
            "file:///etc/passwd",
            "livescript:x",
            "javascript:",
        ] {
            assert!(!allowed(u), "{u:?} should be refused");
        }
    }

    #[test]
    fn a_url_that_never_settles_is_refused() {
        // Five layers of percent-encoding of `javascript:`: still decoding after the last round.
        let mut u = "javascript:alert(1)".to_string();
        for _ in 0..5 {
            u = u.replace('%', "%25").replace(':', "%3A");
        }
        assert!(!allowed(&u));
    }
}
