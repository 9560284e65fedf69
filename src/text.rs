//! Small text helpers shared by every stage: slugs and folded keys.

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

/// Collapses runs of whitespace (line breaks included) into single spaces.
pub fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Sentence case for an all-caps heading line: "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU" →
/// "Ủy ban nhân dân tỉnh Lai Châu" needs proper-noun knowledge, so callers only
/// lower everything after the first letter and fix known names themselves.
pub fn lower_after_first(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        if i == 0 {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
