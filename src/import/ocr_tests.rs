use super::*;

fn fixed(s: &str) -> String {
    correct(s).text
}

#[test]
fn confusions_in_vocabulary_phrases_are_undone() {
    assert_eq!(fixed("của Bộ Chính ữị về"), "của Bộ Chính trị về");
    assert_eq!(fixed("Ban Thuờng vụ Tỉnh ủy"), "Ban Thường vụ Tỉnh ủy");
    assert_eq!(fixed("ĐẢNG CỘNG SẢN VIỆT NAM"), "ĐẢNG CỘNG SẢN VIỆT NAM");
    assert_eq!(fixed("DẢNG CỘNG SẢN VIỆT NAM"), "ĐẢNG CỘNG SẢN VIỆT NAM");
    assert_eq!(fixed("ngàỵ 15/8/2025"), "ngày 15/8/2025");
    assert_eq!(fixed("UBND tỉnh Lầo Cai"), "UBND tỉnh Lào Cai");
    assert_eq!(fixed("Quyết dịnh số 1745"), "Quyết định số 1745");
    assert_eq!(fixed("Noi nhận:"), "Nơi nhận:");
    assert_eq!(fixed("Trung uơng Dảng"), "Trung ương Đảng");
    assert_eq!(fixed("Kết luận vể đẩy mạnh"), "Kết luận về đẩy mạnh");
    // A phrase across a line break.
    assert_eq!(fixed("Thủ tuớng\n\nChính phủ"), "Thủ tướng\n\nChính phủ");
}

#[test]
fn free_text_and_real_words_are_left_alone() {
    // "thuờng xuyên" is free text: "thường" is a word only inside "Ban Thường vụ".
    for s in [
        "thuờng xuyên kiểm ữa",
        "cửa khẩu Lào Cai",
        "bảo vệ sức khỏe",
        "làm ngay",
        "miền Nam",
        "đân số",
        "Thành phố Hải Phòng",
    ] {
        let c = correct(s);
        assert_eq!(c.text, s);
        assert!(c.corrections.is_empty(), "{s}: {:?}", c.corrections);
    }
}

#[test]
fn punctuation_noise() {
    assert_eq!(fixed("tỉnh;';\n- Lưu"), "tỉnh;\n- Lưu");
    assert_eq!(fixed("tỉnh;' x"), "tỉnh; x");
    assert_eq!(
        fixed("{Kế hoạch số 345-KH/TU);"),
        "(Kế hoạch số 345-KH/TU);"
    );
    assert_eq!(fixed("dân số • trong"), "dân số trong");
    // A bullet at the start of a line is a list item, a lone one is junk for `clean`.
    assert_eq!(fixed("• Một\n•\nHai"), "• Một\n•\nHai");
    // Braces that are braces stay.
    assert_eq!(fixed("{x}"), "{x}");
}

#[test]
fn every_correction_is_listed_with_its_line() {
    let c = correct(
        "KẾ HOẠCH\nThực hiện Quyết dịnh số 1745/QĐ-TTg ngàỵ 15/8/2025 của Thủ tướng\nChính phủ;';",
    );
    assert_eq!(
        c.corrections,
        [
            Correction {
                line: 2,
                from: "dịnh".into(),
                to: "định".into()
            },
            Correction {
                line: 2,
                from: "ngàỵ".into(),
                to: "ngày".into()
            },
            Correction {
                line: 3,
                from: ";';".into(),
                to: ";".into()
            },
        ]
    );
    assert_eq!(c.text.lines().count(), 3);
}

#[test]
fn clean_source_plans_need_no_correction() {
    for text in [
        include_str!("../legal/testdata/000_9c05351126cb82f9.txt"),
        include_str!("../legal/testdata/002_88539dc2305d8e22.txt"),
        include_str!("../legal/testdata/003_a490ef5cca20fb50.txt"),
    ] {
        let text: String = unicode_normalization::UnicodeNormalization::nfc(text).collect();
        let c = correct(&text);
        assert!(c.corrections.is_empty(), "{:?}", c.corrections);
    }
}
