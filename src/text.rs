//! Small text helpers shared by every stage: slugs and folded keys.

/// `String::from_utf8`, validated with simdutf8: several times faster than
/// std on Vietnamese text, which is mostly multi-byte. The error (with the
/// position of the first bad byte) still comes from std.
pub fn utf8(bytes: Vec<u8>) -> Result<String, std::string::FromUtf8Error> {
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: simdutf8 has just validated `bytes` as UTF-8.
        Ok(unsafe { String::from_utf8_unchecked(bytes) })
    } else {
        String::from_utf8(bytes)
    }
}

/// A URL slug without diacritics: `Hải Phòng/phường Hưng Đạo` → `hai-phong-phuong-hung-dao`.
/// `đ` becomes `d` (deunicode knows Vietnamese), anything else non-alphanumeric a dash.
pub fn slugify(s: &str) -> String {
    let ascii = deunicode::deunicode(s);
    let mut out = String::with_capacity(ascii.len());
    let mut dash = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

/// [`slugify`] for names that repeat across a site (issuers, places, types,
/// observances): remembered per thread, since a national portal slugifies
/// the same few hundred names hundreds of thousands of times per build.
pub fn slug_of_name(s: &str) -> String {
    use std::cell::RefCell;
    use std::collections::HashMap;
    thread_local! {
        static CACHE: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    }
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(v) = c.get(s) {
            return v.clone();
        }
        let v = slugify(s);
        // Names are few; a corpus of unique strings must not grow it forever.
        if c.len() > 10_000 {
            c.clear();
        }
        c.insert(s.to_string(), v.clone());
        v
    })
}

/// A matching key: no diacritics, lower case, single spaces. "Ngày dân số Thế Giới"
/// and "Ngày Dân số thế giới" give the same key.
pub fn fold_key(s: &str) -> String {
    let ascii = deunicode::deunicode(s).to_lowercase();
    ascii.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Collapses runs of whitespace (line breaks included) to one space and trims
/// the ends: the same result as joining `split_whitespace`, but it copies whole
/// spans (a lone space stays inside a span), since it runs over every page's text.
pub fn collapse_ws(s: &str) -> String {
    let bytes = s.as_bytes();
    let len = bytes.len();
    let mut out = String::with_capacity(len);
    let mut i = 0;
    loop {
        while i < len {
            match ws_len(s, i) {
                0 => break,
                n => i += n,
            }
        }
        if i >= len {
            return out;
        }
        let start = i;
        while i < len {
            let c = bytes[i];
            // A lone space stays inside the span; so do non-space lead bytes.
            let keep = !WS_LEAD[c as usize]
                || (c == b' ' && i + 1 < len && ws_len(s, i + 1) == 0)
                || ws_len_lead(bytes, i) == 0;
            if !keep {
                break;
            }
            i += 1;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&s[start..i]);
    }
}

/// [`collapse_ws`] without the copy when `s` is already collapsed, as the
/// renderer's plain text is: the search index checks the text it is handed.
pub fn collapse_ws_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if is_collapsed(s) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(collapse_ws(s))
    }
}

/// No whitespace at the ends, and none inside but single ASCII spaces.
fn is_collapsed(s: &str) -> bool {
    let b = s.as_bytes();
    let len = b.len();
    if len > 0 && (ws_len(s, 0) > 0 || ends_in_ws(s)) {
        return false;
    }
    let mut i = 0;
    while i < len {
        let c = b[i];
        if WS_LEAD[c as usize] {
            if c == b' ' {
                // Not at the end (checked above), so i + 1 < len.
                if ws_len(s, i + 1) > 0 {
                    return false;
                }
            } else if ws_len_lead(b, i) > 0 {
                return false;
            }
        }
        i += 1;
    }
    true
}

fn ends_in_ws(s: &str) -> bool {
    s.chars().next_back().is_some_and(char::is_whitespace)
}

/// Bytes that may start a whitespace char: ASCII whitespace and the lead bytes of
/// the non-ASCII White_Space chars.
static WS_LEAD: [bool; 256] = {
    let mut t = [false; 256];
    let lead = [
        b' ', b'\t', b'\n', b'\r', 0x0b, 0x0c, 0xC2, 0xE1, 0xE2, 0xE3,
    ];
    let mut k = 0;
    while k < lead.len() {
        t[lead[k] as usize] = true;
        k += 1;
    }
    t
};

/// Length of the whitespace char starting at byte `i` of `s`, 0 if none.
#[inline(always)]
fn ws_len(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    if WS_LEAD[b[i] as usize] {
        ws_len_lead(b, i)
    } else {
        0
    }
}

/// The White_Space chars matched on their UTF-8 bytes, so that the common
/// Vietnamese letters (lead byte 0xE1 too) cost no decoding.
#[inline]
fn ws_len_lead(b: &[u8], i: usize) -> usize {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match (b[i], at(1), at(2)) {
        (b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c, _, _) => 1,
        (0xC2, 0x85 | 0xA0, _) => 2, // U+0085, U+00A0
        (0xE1, 0x9A, 0x80) => 3,     // U+1680
        (0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) | (0xE2, 0x81, 0x9F) => 3, // U+2000–U+205F
        (0xE3, 0x80, 0x80) => 3,     // U+3000
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapsed_text_is_borrowed_and_other_text_collapsed() {
        let samples = [
            "",
            " ",
            "a",
            "a b",
            "a  b",
            " a",
            "a ",
            "a\tb",
            "a\nb",
            "Kế hoạch số 12",
            "Kế  hoạch",
            "a\u{a0}b",
            "a \u{2003}b",
            "a\u{3000}",
            "\u{1680}a",
            "ế ệ",
            "a\u{85}b",
            "a\u{2029}b",
            "x \u{205f}",
        ];
        for s in samples {
            let want = collapse_ws(s);
            let got = collapse_ws_cow(s);
            assert_eq!(got, want, "{s:?}");
            assert_eq!(
                matches!(got, std::borrow::Cow::Borrowed(_)),
                want == s,
                "{s:?}"
            );
        }
    }

    #[test]
    fn slugs_fold_vietnamese() {
        assert_eq!(
            slugify("Hải Phòng/phường Hưng Đạo"),
            "hai-phong-phuong-hung-dao"
        );
        assert_eq!(
            slugify("Ủy ban nhân dân tỉnh Lào Cai"),
            "uy-ban-nhan-dan-tinh-lao-cai"
        );
        assert_eq!(slugify("đồng Đăng"), "dong-dang");
        assert_eq!(slugify("  149-KL/TW  "), "149-kl-tw");
        assert_eq!(slugify("Quyết định"), "quyet-dinh");
        assert_eq!(slug_of_name("Quyết định"), "quyet-dinh");
        assert_eq!(slug_of_name("Quyết định"), "quyet-dinh");
    }

    #[test]
    fn collapse_ws_joins_words_with_single_spaces() {
        assert_eq!(collapse_ws("  a \n\t b  c\u{a0}d \r\n"), "a b c d");
        assert_eq!(collapse_ws(""), "");
        assert_eq!(collapse_ws("Đạo"), "Đạo");
    }

    #[test]
    fn fold_keys_merge_spellings() {
        assert_eq!(
            fold_key("Ngày dân số Thế Giới"),
            fold_key("Ngày  Dân số thế giới")
        );
        assert_ne!(
            fold_key("Ngày Dân số thế giới"),
            fold_key("Ngày Dân số Việt Nam")
        );
    }

    #[test]
    fn utf8_accepts_what_std_accepts_and_reports_the_same_error() {
        assert_eq!(
            utf8("Kế hoạch số 12/KH-UBND".into()).unwrap(),
            "Kế hoạch số 12/KH-UBND"
        );
        let bad = b"ok \xC3\x28 x".to_vec();
        let e = utf8(bad.clone()).unwrap_err();
        assert_eq!(e.utf8_error().valid_up_to(), 3);
        assert_eq!(e.into_bytes(), bad);
    }
}
