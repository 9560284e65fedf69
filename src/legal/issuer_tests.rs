use super::*;
use crate::legal::number;

fn place(level: Level, name: Option<&str>) -> Place {
    Place {
        level,
        name: name.map(str::to_string),
    }
}

/// Every entry of the level-word table, with and without a name after it.
#[test]
fn each_level_word() {
    for &(phrase, level) in LEVEL_WORDS {
        let words = phrase.join(" ");
        let cap = {
            let mut c = words.chars();
            c.next()
                .unwrap()
                .to_uppercase()
                .chain(c)
                .collect::<String>()
        };
        for spelled in [words.clone(), cap] {
            assert_eq!(
                places(&format!("Ủy ban nhân dân {spelled} Hòa Bình")),
                vec![place(level, Some("Hòa Bình"))],
                "{spelled}"
            );
            assert_eq!(
                places(&format!("Ban Thường vụ {spelled}")),
                vec![place(level, None)],
                "{spelled} alone"
            );
        }
    }
}

/// Issuer words and the places a clerk reads in them.
type Reading<'a> = (&'a str, &'a [(Level, Option<&'a str>)]);

#[test]
fn clerk_readings() {
    use Level::*;
    let cases: &[Reading] = &[
        ("Tỉnh ủy Lào Cai", &[(Province, Some("Lào Cai"))]),
        ("Ban Thường vụ Tỉnh ủy", &[(Province, None)]),
        ("Thành ủy", &[(Province, None)]),
        ("UBND tỉnh Quảng Ninh", &[(Province, Some("Quảng Ninh"))]),
        ("Ủy ban nhân dân thành phố", &[(Province, None)]),
        ("UBND TP. Hải Phòng", &[(Province, Some("Hải Phòng"))]),
        ("Đảng ủy phường", &[(Commune, None)]),
        ("Đảng ủy xã Tả Van", &[(Commune, Some("Tả Van"))]),
        ("Đảng ủy đặc khu Phú Quốc", &[(Commune, Some("Phú Quốc"))]),
        ("UBND phường 1", &[(Commune, Some("1"))]),
        ("Huyện ủy Bát Xát", &[(District, Some("Bát Xát"))]),
        ("UBND thị xã Sa Pa", &[(District, Some("Sa Pa"))]),
        (
            "UBND huyện Bát Xát tỉnh Lào Cai",
            &[(District, Some("Bát Xát")), (Province, Some("Lào Cai"))],
        ),
        (
            "Đảng ủy Ủy ban nhân dân tỉnh Lai Châu",
            &[(Province, Some("Lai Châu"))],
        ),
        ("Ban Chấp hành Đảng bộ tỉnh", &[(Province, None)]),
        // Not levels.
        ("Sở Lao động - Thương binh và Xã hội", &[]),
        ("Bộ Chính trị", &[]),
        ("Ban Chấp hành Trung ương Đảng khóa XII", &[]),
        ("Thủ tướng Chính phủ", &[]),
    ];
    for (words, want) in cases {
        let want: Vec<Place> = want.iter().map(|&(l, n)| place(l, n)).collect();
        assert_eq!(places(words), want, "{words}");
    }
}

#[test]
fn each_code_level() {
    for &(code, level) in CODE_LEVELS {
        let spelled = match code {
            "DU" => "ĐU",
            "THU" => "ThU",
            c => c,
        };
        let n = number::parse(&format!("16-KH/{spelled}")).unwrap();
        assert_eq!(code_level(&n), Some(level), "{code}");
    }
    for n in ["12/KH-UBND", "5/NQ-HĐND", "149-KL/TW", "1745/QĐ-TTg"] {
        assert_eq!(code_level(&number::parse(n).unwrap()), None, "{n}");
    }
}

#[test]
fn each_official_name() {
    for &(ty, code, name) in OFFICIAL {
        let ty = match ty {
            "" => "QĐ",
            t => t,
        };
        let code = match code {
            "TTG" => "TTg".to_string(),
            "QH" => "QH15".to_string(),
            "UBTVQH" => "UBTVQH15".to_string(),
            c => c.replace("DD", "DĐ"),
        };
        let n = if ty == "KL" {
            format!("149-{ty}/{code}")
        } else {
            format!("12/{ty}-{code}")
        };
        let n = number::parse(&n).unwrap();
        assert_eq!(official_name(&n), Some(name), "{}", n.display);
    }
    let law = number::parse("113/2025/QH15").unwrap();
    assert_eq!(official_name(&law), Some("Quốc hội"));
    // The Central Committee and the Politburo both issue NQ/TW.
    for n in ["21-NQ/TW", "30-KH/TU", "12/KH-UBND", "1/TTLT-BYT-BNV"] {
        assert_eq!(official_name(&number::parse(n).unwrap()), None, "{n}");
    }
}

#[test]
fn segments_lose_their_level_word() {
    assert_eq!(
        split_segment("phường Hưng Đạo"),
        (Some(Level::Commune), "Hưng Đạo")
    );
    assert_eq!(
        split_segment("Đặc khu Côn Đảo"),
        (Some(Level::Commune), "Côn Đảo")
    );
    assert_eq!(
        split_segment("huyện Bát Xát"),
        (Some(Level::District), "Bát Xát")
    );
    assert_eq!(split_segment("Lào Cai"), (None, "Lào Cai"));
    assert_eq!(
        split_segment("tỉnh Lào Cai"),
        (Some(Level::Province), "Lào Cai")
    );
}
