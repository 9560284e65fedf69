//! Vietnamese casing of names that headers print in capitals.
//!
//! A header says "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"; the portal writes
//! "Ủy ban nhân dân tỉnh Lai Châu": sentence case, with the place name
//! capitalised and the old tone placement "UỶ" written "Ủy" as current
//! spelling rules want. Which words are the place is decided by the
//! administrative level word in front of it (tỉnh, thành phố, huyện, xã, …).

/// Administrative levels, longest first so "thành phố" wins over nothing shorter.
const LEVELS: &[&str] = &[
    "thành phố",
    "thị xã",
    "thị trấn",
    "tỉnh",
    "huyện",
    "quận",
    "xã",
    "phường",
];

/// Cities run by the centre: a "thành phố" at province level.
const CENTRAL_CITIES: &[&str] = &[
    "Hà Nội",
    "Hồ Chí Minh",
    "Hải Phòng",
    "Đà Nẵng",
    "Cần Thơ",
    "Huế",
];

/// A place named in an issuer: its level word and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub level: String,
    pub name: String,
}

impl Place {
    /// The jurisdiction this place is, as the contract writes it: a province-level
    /// place by its name alone ("Lai Châu"), a lower level with its level word
    /// ("xã Bản Lầu") because the province above it is not in the header.
    pub fn jurisdiction(&self) -> String {
        let province = self.level == "tỉnh"
            || (self.level == "thành phố" && CENTRAL_CITIES.contains(&self.name.as_str()));
        if province {
            self.name.clone()
        } else {
            format!("{} {}", self.level, self.name)
        }
    }
}

/// Current spelling of the old tone placement: "uỷ" → "ủy", "UỶ" → "Ủy".
pub fn modern_spelling(s: &str) -> String {
    s.replace("uỷ", "ủy")
        .replace("Uỷ", "Ủy")
        .replace("UỶ", "ỦY")
}

/// "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU" → ("Ủy ban nhân dân tỉnh Lai Châu", Some(Place)).
/// Expands "UBND"/"HĐND" so the issuer reads the same as in the bundled documents.
pub fn issuer_case(raw: &str) -> (String, Option<Place>) {
    let expanded: Vec<String> = raw
        .split_whitespace()
        .map(|w| match w.to_uppercase().as_str() {
            "UBND" => "ủy ban nhân dân".to_string(),
            "HĐND" => "hội đồng nhân dân".to_string(),
            _ => w.to_lowercase(),
        })
        .collect();
    let lower = modern_spelling(&expanded.join(" "));
    let words: Vec<&str> = lower.split(' ').collect();
    let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    let mut place = None;
    if let Some((at, level, len)) = find_level(&words) {
        // "tỉnh ủy lào cai": the level names the Party committee, the place follows "ủy".
        let name_from = if words.get(at + len) == Some(&"ủy") {
            at + len + 1
        } else {
            at + len
        };
        if name_from < words.len() {
            for w in &mut out[name_from..] {
                *w = capitalize(w);
            }
            place = Some(Place {
                level: level.to_string(),
                name: out[name_from..].join(" "),
            });
        }
    }
    // "Bộ Y tế", "Sở Tài chính": the field after a ministry or department is a name.
    if matches!(out.first().map(String::as_str), Some("bộ" | "sở")) && out.len() > 1 {
        out[1] = capitalize(&out[1]);
    }
    let text = official_case(&capitalize(&out.join(" ")));
    let place = place.map(|p| Place {
        name: province_spelling(&p.name),
        level: p.level,
    });
    let text = match &place {
        Some(p) => replace_tail(&text, &p.name),
        None => text,
    };
    (text, place)
}

/// The place name at the end of an issuer, in its official spelling.
fn replace_tail(text: &str, name: &str) -> String {
    let words = name.split(' ').count();
    let kept: Vec<&str> = text.split(' ').collect();
    if kept.len() < words {
        return text.to_string();
    }
    let head = kept[..kept.len() - words].join(" ");
    if crate::text::fold_key(&kept[kept.len() - words..].join(" ")) == crate::text::fold_key(name) {
        format!("{head} {name}")
    } else {
        text.to_string()
    }
}

/// Party and Front bodies are written with their own capitals:
/// "Ban Thường vụ Tỉnh ủy", "Ban Chấp hành Đảng bộ tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam".
const OFFICIAL: &[(&str, &str)] = &[
    ("ban thường vụ", "Ban Thường vụ"),
    ("ban chấp hành", "Ban Chấp hành"),
    ("ban tuyên giáo và dân vận", "Ban Tuyên giáo và Dân vận"),
    ("ban tuyên giáo", "Ban Tuyên giáo"),
    ("ban dân vận", "Ban Dân vận"),
    ("ban tổ chức", "Ban Tổ chức"),
    ("ban chỉ đạo", "Ban Chỉ đạo"),
    ("tỉnh ủy", "Tỉnh ủy"),
    ("thành ủy", "Thành ủy"),
    ("huyện ủy", "Huyện ủy"),
    ("đảng ủy", "Đảng ủy"),
    ("đảng bộ", "Đảng bộ"),
    ("mặt trận tổ quốc việt nam", "Mặt trận Tổ quốc Việt Nam"),
    ("mặt trận tổ quốc", "Mặt trận Tổ quốc"),
    ("ủy ban mặt trận", "Ủy ban Mặt trận"),
];

fn official_case(text: &str) -> String {
    let mut out = text.to_string();
    for (low, official) in OFFICIAL {
        let mut from = 0;
        while let Some(i) = out.to_lowercase().get(from..).and_then(|s| s.find(low)) {
            let at = from + i;
            // Lower-casing keeps byte lengths for these letters, so offsets agree.
            if out.is_char_boundary(at) && out.is_char_boundary(at + low.len()) {
                out.replace_range(at..at + low.len(), official);
            }
            from = at + low.len();
        }
    }
    out
}

/// The 34 provinces and centrally-run cities of the 2025 map, official spelling.
pub const PROVINCES: &[&str] = &[
    "Hà Nội",
    "Huế",
    "Lai Châu",
    "Điện Biên",
    "Sơn La",
    "Lạng Sơn",
    "Quảng Ninh",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Cao Bằng",
    "Tuyên Quang",
    "Lào Cai",
    "Thái Nguyên",
    "Phú Thọ",
    "Bắc Ninh",
    "Hưng Yên",
    "Hải Phòng",
    "Ninh Bình",
    "Quảng Trị",
    "Đà Nẵng",
    "Quảng Ngãi",
    "Gia Lai",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đắk Lắk",
    "Hồ Chí Minh",
    "Đồng Nai",
    "Tây Ninh",
    "Cần Thơ",
    "Vĩnh Long",
    "Đồng Tháp",
    "Cà Mau",
    "An Giang",
];

/// "THANH HOÁ" → "Thanh Hóa": a province by its official spelling, any other name as given.
pub fn province_spelling(name: &str) -> String {
    let key = crate::text::fold_key(name);
    PROVINCES
        .iter()
        .find(|p| crate::text::fold_key(p) == key)
        .map_or_else(|| name.to_string(), |p| p.to_string())
}

/// A province named anywhere in `text` (folded match on whole words).
pub fn province_in(text: &str) -> Option<&'static str> {
    let key = format!(
        " {} ",
        crate::text::fold_key(text).replace(|c: char| !c.is_alphanumeric(), " ")
    );
    let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
    let key = format!(" {key} ");
    PROVINCES
        .iter()
        .find(|p| key.contains(&format!(" {} ", crate::text::fold_key(p))))
        .copied()
}

/// A Party header names the superior body first and the issuing body under
/// it: "ĐẢNG BỘ TỈNH QUẢNG NINH" / "BAN THƯỜNG VỤ TỈNH ỦY" is issued by the
/// "Ban Thường vụ Tỉnh ủy Quảng Ninh".
pub fn party_issuer(parts: &[String]) -> Option<(String, Option<Place>)> {
    let [first, rest @ ..] = parts else {
        return None;
    };
    if rest.is_empty() || !crate::text::fold_key(first).starts_with("dang bo ") {
        return None;
    }
    let (_, place) = issuer_case(first);
    let place = place?;
    let body = rest.join(" ");
    let (body_text, own) = issuer_case(&body);
    if own.is_some() {
        return Some((body_text, own));
    }
    Some((format!("{body_text} {}", place.name), Some(place)))
}

/// First administrative level word in `words`: (index, level, word count).
fn find_level(words: &[&str]) -> Option<(usize, &'static str, usize)> {
    for i in 0..words.len() {
        for level in LEVELS {
            let parts: Vec<&str> = level.split(' ').collect();
            if words.len() >= i + parts.len() && words[i..i + parts.len()] == parts[..] {
                return Some((i, level, parts.len()));
            }
        }
    }
    None
}

/// Upper-cases the first letter ("lai" → "Lai"), keeping the rest.
pub fn capitalize(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Lower-cases the first letter of an ordinary capitalised word ("Thực hiện" →
/// "thực hiện") but leaves acronyms and codes ("UBND", "KH") alone.
pub fn lower_first_word(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => {
            a.to_lowercase().chain(s.chars().skip(1)).collect()
        }
        _ => s.to_string(),
    }
}

/// Sentence case for a subject line printed in capitals, keeping document
/// numbers, Roman numerals and the known proper names (`places`) capitalised.
pub fn sentence_case(s: &str, places: &[&str]) -> String {
    let words: Vec<String> = s
        .split_whitespace()
        .map(|w| {
            let keep = w.chars().any(|c| c.is_ascii_digit())
                || w.trim_matches(|c: char| !c.is_alphanumeric())
                    .chars()
                    .all(|c| "IVXL".contains(c))
                    && w.len() > 1;
            if keep {
                w.to_string()
            } else {
                w.to_lowercase()
            }
        })
        .collect();
    let mut text = words.join(" ");
    let mut names: Vec<&str> = places.to_vec();
    names.extend([
        "Việt Nam",
        "Đảng",
        "Trung ương",
        "Bộ Chính trị",
        "Chính phủ",
        "Quốc hội",
    ]);
    for name in names {
        let low = name.to_lowercase();
        if !low.is_empty() {
            text = text.replace(&low, name);
        }
    }
    capitalize(&modern_spelling(&text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issuers_in_sentence_case() {
        let (s, p) = issuer_case("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU");
        assert_eq!(s, "Ủy ban nhân dân tỉnh Lai Châu");
        assert_eq!(p.unwrap().jurisdiction(), "Lai Châu");
        let (s, p) = issuer_case("UỶ BAN NHÂN DÂN TỈNH LÀO CAI");
        assert_eq!(s, "Ủy ban nhân dân tỉnh Lào Cai");
        assert_eq!(p.unwrap().name, "Lào Cai");
        let (s, p) = issuer_case("TỈNH ỦY LÀO CAI");
        assert_eq!(s, "Tỉnh ủy Lào Cai");
        assert_eq!(p.unwrap().jurisdiction(), "Lào Cai");
        let (s, p) = issuer_case("UBND XÃ BẢN LẦU");
        assert_eq!(s, "Ủy ban nhân dân xã Bản Lầu");
        assert_eq!(p.unwrap().jurisdiction(), "xã Bản Lầu");
        let (s, p) = issuer_case("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG");
        assert_eq!(s, "Ủy ban nhân dân thành phố Hải Phòng");
        assert_eq!(p.unwrap().jurisdiction(), "Hải Phòng");
        let (s, p) = issuer_case("BỘ Y TẾ");
        assert_eq!((s.as_str(), p), ("Bộ Y tế", None));
    }

    #[test]
    fn subject_in_capitals() {
        assert_eq!(
            sentence_case(
                "VỀ NÂNG CAO CHẤT LƯỢNG DÂN SỐ TỈNH LÀO CAI ĐẾN NĂM 2030",
                &["Lào Cai"]
            ),
            "Về nâng cao chất lượng dân số tỉnh Lào Cai đến năm 2030"
        );
        assert_eq!(
            sentence_case("THỰC HIỆN KẾT LUẬN SỐ 149-KL/TW KHÓA XII", &[]),
            "Thực hiện kết luận số 149-KL/TW khóa XII"
        );
        assert_eq!(lower_first_word("Thực hiện"), "thực hiện");
        assert_eq!(lower_first_word("UBND tỉnh"), "UBND tỉnh");
    }
}
