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
    let b = s.as_bytes();
    let mut out = String::with_capacity(b.len());
    let mut span = 0; // start of the text not yet copied
    let mut pos = 0;
    loop {
        let Some((ws, n)) = next_ws(b, pos) else {
            push_span(&mut out, &s[span..]);
            return out;
        };
        if lone_space(b, ws, n) && ws > span {
            pos = ws + 1;
            continue;
        }
        push_span(&mut out, &s[span..ws]);
        let mut end = ws + n;
        loop {
            match ws_len_at(b, end) {
                0 => break,
                l => end += l,
            }
        }
        (span, pos) = (end, end);
    }
}

fn push_span(out: &mut String, span: &str) {
    if !span.is_empty() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(span);
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
    let mut pos = 0;
    while let Some((ws, n)) = next_ws(b, pos) {
        if ws == 0 || !lone_space(b, ws, n) {
            return false;
        }
        pos = ws + 1;
    }
    true
}

/// An ASCII space with a non-space char after it.
#[inline(always)]
fn lone_space(b: &[u8], ws: usize, n: usize) -> bool {
    n == 1
        && b[ws] == b' '
        && b.get(ws + 1)
            .is_some_and(|&c| (!SUSPECT[c as usize] && c != 0xE1) || ws_len_at(b, ws + 1) == 0)
}

/// Bytes worth a closer look: ASCII whitespace, the lead bytes of the non-ASCII
/// White_Space chars, and 0x9A, the middle byte of U+1680 (E1 9A 80). Its lead
/// byte 0xE1 also starts most Vietnamese letters (ạ, ế, ờ…), so looking for the
/// rare 0x9A instead keeps the scan on its fast path through Vietnamese text.
static SUSPECT: [bool; 256] = {
    let mut t = [false; 256];
    let marks = [
        b' ', b'\t', b'\n', b'\r', 0x0b, 0x0c, 0xC2, 0x9A, 0xE2, 0xE3,
    ];
    let mut k = 0;
    while k < marks.len() {
        t[marks[k] as usize] = true;
        k += 1;
    }
    t
};

/// Start and length of the first whitespace char at or after `from` (a char boundary).
#[inline(always)]
fn next_ws(b: &[u8], from: usize) -> Option<(usize, usize)> {
    let mut i = from;
    while i < b.len() {
        let c = b[i];
        if SUSPECT[c as usize] {
            if c <= b' ' {
                return Some((i, 1));
            }
            if c == 0x9A {
                // U+1680 from its middle byte; `i > from` as `from` is a boundary.
                if i > from && b[i - 1] == 0xE1 && b.get(i + 1) == Some(&0x80) {
                    return Some((i - 1, 3));
                }
            } else {
                let n = ws_len_at(b, i);
                if n > 0 {
                    return Some((i, n));
                }
            }
        }
        i += 1;
    }
    None
}

/// Length of the White_Space char starting at `i` (0 if none, or past the
/// end), matched on its UTF-8 bytes so that letters cost no decoding.
#[inline]
fn ws_len_at(b: &[u8], i: usize) -> usize {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match (at(0), at(1), at(2)) {
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

    /// Random strings over an alphabet of every kind of char the byte-level
    /// scan treats specially: Ớ and ớ carry the 0x9A byte of U+1680, – and “
    /// the 0xE2 lead of the wide spaces.
    #[test]
    fn collapse_agrees_with_split_whitespace_on_random_text() {
        let alphabet = [
            "a", "ế", "Ớ", "ớ", "–", "“", "§", " ", " ", "  ", "\n", "\t", "\r\n", "\u{a0}",
            "\u{85}", "\u{1680}", "\u{2003}", "\u{200a}", "\u{200b}", "\u{2028}", "\u{205f}",
            "\u{3000}", "\u{1681}",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            let mut s = String::new();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            for _ in 0..(seed >> 60) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                s.push_str(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            let want = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse_ws(&s), want, "{s:?}");
            assert_eq!(is_collapsed(&s), want == s, "{s:?}");
        }
    }

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
