//! What a citation's issuer says about *where* the cited document comes from,
//! and the official name of an issuer that a number's code fixes.
//!
//! A clerk reads "Kế hoạch số 30-KH/TU … của Tỉnh ủy Lào Cai" as Lào Cai's
//! document, "… của Thành ủy" as the citing commune's city, "… của Đảng ủy
//! phường" as the citing ward itself. This module reads those words into
//! [`Place`] parts (a level, and a name when one is written); matching them to
//! the site's jurisdictions is the resolver's job.
//!
//! Both tables are data: [`LEVEL_WORDS`] (words naming a level of
//! government) and [`CODE_LEVELS`] (issuer codes that carry a level), and
//! [`OFFICIAL`] (codes that fix who issued the document).

use super::number::DocNumber;
use super::text::fold_code;

/// A level of the administrative tree. Since 1/7/2025 there are two below the
/// centre (province, commune); older documents also have the district between.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Province,
    District,
    Commune,
}

/// Words naming a level, lower case, longest first where one starts another.
/// A single level word (`tỉnh`, `xã`) counts only when followed by a name, by
/// nothing, or by punctuation: "Sở Lao động - Thương binh và Xã hội" names no commune.
pub const LEVEL_WORDS: &[(&[&str], Level)] = &[
    (&["tỉnh", "ủy"], Level::Province),
    (&["tỉnh", "uỷ"], Level::Province),
    (&["thành", "ủy"], Level::Province),
    (&["thành", "uỷ"], Level::Province),
    (&["thành", "phố"], Level::Province),
    (&["tp."], Level::Province),
    (&["tp"], Level::Province),
    (&["tỉnh"], Level::Province),
    (&["huyện", "ủy"], Level::District),
    (&["huyện", "uỷ"], Level::District),
    (&["quận", "ủy"], Level::District),
    (&["quận", "uỷ"], Level::District),
    (&["thị", "ủy"], Level::District),
    (&["thị", "uỷ"], Level::District),
    (&["thị", "xã"], Level::District),
    (&["huyện"], Level::District),
    (&["quận"], Level::District),
    (&["đặc", "khu"], Level::Commune),
    (&["thị", "trấn"], Level::Commune),
    (&["xã"], Level::Commune),
    (&["phường"], Level::Commune),
];

/// Level words that are a whole body's name: "Tỉnh ủy", "Thành ủy", "Huyện ủy".
/// They count even when a lower-case word follows ("Tỉnh ủy về …" never reaches
/// us, but "Tỉnh ủy và" does).
fn is_body_word(phrase: &[&str]) -> bool {
    phrase.len() == 2 && matches!(phrase[1], "ủy" | "uỷ")
}

/// Issuer codes (folded) that carry their level: the clerk's "TU is the
/// province's Party committee". `ĐU` (a commune's Đảng ủy, but also a
/// province's Đảng ủy UBND tỉnh) only says where to start looking.
pub const CODE_LEVELS: &[(&str, Level)] = &[
    ("TU", Level::Province),
    ("TP", Level::Province),
    ("HU", Level::District),
    ("QU", Level::District),
    ("THU", Level::District),
    ("TXU", Level::District),
    ("DU", Level::Commune),
];

/// Official names of issuers a number's codes fix: (type code or "" for any,
/// issuer code, name). Codes are folded (see `codes`). `NQ/TW` is not here:
/// the Central Committee and the Politburo both issue it.
pub const OFFICIAL: &[(&str, &str, &str)] = &[
    ("KL", "TW", "Bộ Chính trị"),
    ("", "TTG", "Thủ tướng Chính phủ"),
    ("", "CP", "Chính phủ"),
    ("", "CTN", "Chủ tịch nước"),
    ("", "UBTVQH", "Ủy ban Thường vụ Quốc hội"),
    ("", "QH", "Quốc hội"),
    ("", "BYT", "Bộ Y tế"),
    ("", "BTC", "Bộ Tài chính"),
    ("", "BGDDT", "Bộ Giáo dục và Đào tạo"),
    ("", "BNV", "Bộ Nội vụ"),
    ("", "BCA", "Bộ Công an"),
    ("", "BQP", "Bộ Quốc phòng"),
    ("", "BTP", "Bộ Tư pháp"),
    ("", "BXD", "Bộ Xây dựng"),
    ("", "BNG", "Bộ Ngoại giao"),
    ("", "BKHCN", "Bộ Khoa học và Công nghệ"),
    ("", "BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"),
    ("", "BLDTBXH", "Bộ Lao động - Thương binh và Xã hội"),
    ("", "BKHDT", "Bộ Kế hoạch và Đầu tư"),
    ("", "BTTTT", "Bộ Thông tin và Truyền thông"),
    ("", "BNNMT", "Bộ Nông nghiệp và Môi trường"),
    ("", "BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn"),
    ("", "BTNMT", "Bộ Tài nguyên và Môi trường"),
    ("", "BGTVT", "Bộ Giao thông vận tải"),
    ("", "NHNN", "Ngân hàng Nhà nước Việt Nam"),
    ("", "UBDT", "Ủy ban Dân tộc"),
];

/// The official name of the issuer when the number fixes it: `149-KL/TW` →
/// Bộ Chính trị, `1745/QĐ-TTg` → Thủ tướng Chính phủ, `113/2025/QH15` → Quốc hội.
pub fn official_name(n: &DocNumber) -> Option<&'static str> {
    // A joint issuer (`BYT-BNV`) is no single body.
    if n.issuer_code.contains('-') {
        return None;
    }
    let code = fold_code(&n.issuer_code);
    // Legislature numbers: QH15, UBTVQH14.
    let code = code.trim_end_matches(|c: char| c.is_ascii_digit());
    let ty = n.type_code.as_deref().map(fold_code).unwrap_or_default();
    OFFICIAL
        .iter()
        .find(|&&(t, c, _)| c == code && (t.is_empty() || t == ty))
        .map(|&(_, _, name)| name)
}

/// The level an issuer code carries, if any: `TU` → province.
pub fn code_level(n: &DocNumber) -> Option<Level> {
    let code = fold_code(&n.issuer_code);
    CODE_LEVELS
        .iter()
        .find(|&&(c, _)| c == code)
        .map(|&(_, l)| l)
}

/// One level the issuer words name, with the place's name when written:
/// "Tỉnh ủy Lào Cai" → (Province, "Lào Cai"); "Đảng ủy phường" → (Commune, None).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub level: Level,
    pub name: Option<String>,
}

/// Every level the issuer words name, most specific first ("UBND xã Tả Van
/// huyện Sa Pa" → commune Tả Van, then district Sa Pa).
pub fn places(issuer: &str) -> Vec<Place> {
    let words: Vec<&str> = issuer.split_whitespace().collect();
    let lower: Vec<String> = words
        .iter()
        .map(|w| {
            w.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')'))
                .to_lowercase()
        })
        .collect();
    let mut out: Vec<Place> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let hit = LEVEL_WORDS.iter().find(|(phrase, _)| {
            phrase.len() <= lower.len() - i && phrase.iter().zip(&lower[i..]).all(|(p, w)| p == w)
        });
        let Some(&(phrase, level)) = hit else {
            i += 1;
            continue;
        };
        let after = i + phrase.len();
        let name_len = words[after..]
            .iter()
            .take_while(|w| is_name_word(w))
            .take_while(|w| {
                // Another level word ends the name: "huyện Sa Pa tỉnh Lào Cai".
                !LEVEL_WORDS
                    .iter()
                    .any(|(p, _)| p.len() == 1 && p[0] == w.to_lowercase())
            })
            .count();
        let next_is_lower = name_len == 0
            && words
                .get(after)
                .is_some_and(|w| w.starts_with(char::is_lowercase));
        if next_is_lower && !is_body_word(phrase) {
            // "Xã hội", "tỉnh táo": not a level.
            i += 1;
            continue;
        }
        let name = (name_len > 0).then(|| {
            words[after..after + name_len]
                .join(" ")
                .trim_end_matches([',', ';', '.', ')'])
                .to_string()
        });
        out.push(Place { level, name });
        i = after + name_len;
    }
    out.sort_by_key(|p| std::cmp::Reverse(p.level));
    out
}

/// A word of a place's name: capitalised ("Lào", "Cai") or a number ("phường 1").
fn is_name_word(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

/// A jurisdiction segment without its level word: "phường Hưng Đạo" →
/// (Some(Commune), "Hưng Đạo"); "Lào Cai" → (None, "Lào Cai").
pub fn split_segment(segment: &str) -> (Option<Level>, &str) {
    let lower = segment.to_lowercase();
    for &(phrase, level) in LEVEL_WORDS {
        if is_body_word(phrase) {
            continue;
        }
        let p = phrase.join(" ");
        if lower
            .strip_prefix(&p)
            .is_some_and(|rest| rest.starts_with(' '))
        {
            let cut = segment
                .char_indices()
                .nth(p.chars().count())
                .map_or(segment.len(), |(i, _)| i);
            return (Some(level), segment[cut..].trim());
        }
    }
    (None, segment.trim())
}

#[cfg(test)]
#[path = "issuer_tests.rs"]
mod tests;
