use super::*;

fn p(s: &str) -> DocNumber {
    parse(s).unwrap_or_else(|| panic!("`{s}` should parse"))
}

#[test]
fn three_shapes() {
    let n = p("113/2025/QH15");
    assert_eq!(n.shape, Shape::Normative);
    assert_eq!(n.display, "113/2025/QH15");
    assert_eq!(n.seq, "113");
    assert_eq!(n.year, Some(2025));
    assert_eq!(n.type_code, None);
    assert_eq!(n.issuer_code, "QH15");
    assert_eq!(n.key, "113/2025/qh15");
    assert_eq!(n.slug(), "113-2025-qh15");
    assert_eq!(n.type_name(), None);
    assert!(!n.is_local());

    let n = p("1745/QĐ-TTg");
    assert_eq!(n.shape, Shape::Administrative);
    assert_eq!(n.display, "1745/QĐ-TTg");
    assert_eq!(n.type_code.as_deref(), Some("QĐ"));
    assert_eq!(n.issuer_code, "TTg");
    assert_eq!(n.year, None);
    assert_eq!(n.key, "1745/qd/ttg");
    assert_eq!(n.slug(), "1745-qd-ttg");
    assert_eq!(n.type_name(), Some("Quyết định"));
    assert!(!n.is_local());

    let n = p("149-KL/TW");
    assert_eq!(n.shape, Shape::Party);
    assert_eq!(n.display, "149-KL/TW");
    assert_eq!(n.type_code.as_deref(), Some("KL"));
    assert_eq!(n.issuer_code, "TW");
    assert_eq!(n.key, "149/kl/tw");
    assert_eq!(n.slug(), "149-kl-tw");
    assert_eq!(n.type_name(), Some("Kết luận"));
    assert!(!n.is_local());
}

#[test]
fn every_spelling_has_the_same_key() {
    let groups: &[&[&str]] = &[
        &[
            "149-KL/TW",
            "149-\nKL/TW",
            "149-\n\nKL/TW",
            "149 – KL / TW",
            "149—KL/TW",
            "149-kl/tw",
            "149-KL-TW",
            "0149-KL/TW",
            "149-KL/TƯ",
        ],
        &[
            "1745/QĐ-TTg",
            "1745/QĐ-\nTTg",
            "1745/QD-TTG",
            "1745/qđ-ttg",
            "1745 / QĐ – TTg",
            "1745/QÐ-TTg",
            "1745/QĐ/TTg",
        ],
        &["09-KH/TU", "09-KH-TU", "9-KH/TU", "09 - KH/TU", "09-kh/tu"],
        &["30-KH/ĐU", "30-KH/DU", "30-kh/đu"],
        &["113/2025/QH15", "113/2025/qh15", "113 / 2025 / QH15"],
        &["15/2018/NĐ-CP", "15/2018/ND-CP", "15/2018/NĐ–\nCP"],
    ];
    for group in groups {
        let first = p(group[0]);
        for s in group.iter() {
            let n = p(s);
            assert_eq!(n.key, first.key, "`{s}` vs `{}`", group[0]);
        }
    }
    // Canonical display whatever the spelling.
    assert_eq!(p("149-\nkl/tw").display, "149-KL/TW");
    assert_eq!(p("1745/QD-TTG").display, "1745/QĐ-TTg");
    assert_eq!(p("09-KH-TU").display, "09-KH/TU");
    assert_eq!(p("30-KH/DU").display, "30-KH/ĐU");
    assert_eq!(p("12/kh-ubnd").display, "12/KH-UBND");
    assert_eq!(p("5/hdnd-vp").display, "5/HĐND-VP");
    assert_eq!(p("10-ĐA/TU").display, "10-ĐA/TU");
    assert_eq!(p("08-qđi/tw").display, "08-QĐi/TW");
    assert_eq!(p("09-KH-TU").seq, "9");
    assert_eq!(p("09-KH-TU").slug(), "09-kh-tu");
}

#[test]
fn different_numbers_have_different_keys() {
    let keys: Vec<String> = [
        "149-KL/TW",
        "149-NQ/TW",
        "149-KL/TU",
        "1745/QĐ-TTg",
        "1745/QĐ-UBND",
        "113/2025/QH15",
        "113/2024/QH15",
        "1234/UBND-VX",
        "1234/UBND-KT",
    ]
    .iter()
    .map(|s| p(s).key)
    .collect();
    for (i, a) in keys.iter().enumerate() {
        for b in &keys[i + 1..] {
            assert_ne!(a, b);
        }
    }
}

#[test]
fn normative_with_type_code() {
    let n = p("15/2018/NĐ-CP");
    assert_eq!(n.shape, Shape::Normative);
    assert_eq!(n.type_code.as_deref(), Some("NĐ"));
    assert_eq!(n.type_name(), Some("Nghị định"));
    assert_eq!(n.issuer_code, "CP");
    assert_eq!(n.year, Some(2018));
    assert_eq!(n.slug(), "15-2018-nd-cp");
    let n = p("01/2024/TT-BYT");
    assert_eq!(n.type_name(), Some("Thông tư"));
    assert!(!n.is_local());
    let n = p("12/2023/NQ-HĐND");
    assert!(n.is_local());
    let n = p("01/2015/TTLT-BYT-BNV");
    assert_eq!(n.issuer_code, "BYT-BNV");
    assert!(!n.is_local());
    assert_eq!(n.type_name(), Some("Thông tư liên tịch"));
}

#[test]
fn cong_van_numbers() {
    let n = p("1234/UBND-VX");
    assert_eq!(n.shape, Shape::Administrative);
    assert_eq!(n.type_code, None);
    assert_eq!(n.issuer_code, "UBND");
    assert_eq!(n.type_name(), Some("Công văn"));
    assert!(n.is_local());
    let n = p("5678/BYT-DS");
    assert_eq!(n.issuer_code, "BYT");
    assert!(!n.is_local());
    assert_eq!(p("123/UBND").display, "123/UBND");
}

#[test]
fn party_thong_tri() {
    let n = p("01-TT/TW");
    assert_eq!(n.type_name(), Some("Thông tri"));
    let n = p("01/2020/TT-BYT");
    assert_eq!(n.type_name(), Some("Thông tư"));
}

#[test]
fn local_and_national() {
    for s in [
        "30-KH/TU",
        "30-KH/ĐU",
        "5-NQ/HU",
        "7-CT/QU",
        "12/KH-UBND",
        "3/NQ-HĐND",
        "4/KH-BCĐ",
        "9/KH-SYT",
        "2-NQ/BCS",
        "1/KH-MTTQ",
        "11-HD/BTGTU",
    ] {
        assert!(p(s).is_local(), "{s} should be local");
    }
    for s in [
        "149-KL/TW",
        "1745/QĐ-TTg",
        "15/2018/NĐ-CP",
        "113/2025/QH15",
        "3472/QĐ-BYT",
        "22-QĐ/BCT",
        "5/CT-BGDĐT",
        "12-HD/BTGTW",
        "1/2022/UBTVQH15",
    ] {
        assert!(!p(s).is_local(), "{s} should be national");
    }
}

#[test]
fn type_names() {
    let cases = [
        ("1-KL/TW", "Kết luận"),
        ("1-NQ/TW", "Nghị quyết"),
        ("1/QĐ-TTg", "Quyết định"),
        ("1-KH/TU", "Kế hoạch"),
        ("1-CT/TW", "Chỉ thị"),
        ("1-TB/TW", "Thông báo"),
        ("1-HD/TW", "Hướng dẫn"),
        ("1/2020/NĐ-CP", "Nghị định"),
        ("1-CV/TU", "Công văn"),
        ("1/BC-UBND", "Báo cáo"),
        ("1/QC-UBND", "Quy chế"),
        ("1-CTr/TU", "Chương trình"),
        ("1-ĐA/TU", "Đề án"),
        ("1-QĐi/TW", "Quy định"),
        ("1/TTr-SYT", "Tờ trình"),
        ("1/CĐ-TTg", "Công điện"),
    ];
    for (s, name) in cases {
        assert_eq!(p(s).type_name(), Some(name), "{s}");
    }
}

#[test]
fn not_numbers() {
    for s in [
        "",
        "   ",
        "/KH-UBND",
        "Số /KH-UBND",
        "2025",
        "11/7",
        "15/8/2025",
        "15-8-2025",
        "2021-2030",
        "plain words",
        "Kế hoạch",
        "149 KL/TW",
        "149-KL",
        "149-KL/",
        "-KL/TW",
        "12a/KH-UBND",
        "số 2",
        "1,2%",
        "1/2/3/4",
        "113/2025/",
        "113/1800/QH15",
        "149-KL/TW về",
    ] {
        assert_eq!(parse(s), None, "`{s}` is not a number");
    }
}

#[test]
fn decomposed_input() {
    // "TƯ" with a combining horn (NFD) still reads as TW.
    let n = p("149-KL/TU\u{31B}");
    assert_eq!(n.display, "149-KL/TW");
}
