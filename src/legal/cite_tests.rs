use super::*;
use unicode_normalization::UnicodeNormalization;

const SOURCES: &[(&str, &str)] = &[
    (
        "000_9c05351126cb82f9.txt",
        include_str!("testdata/000_9c05351126cb82f9.txt"),
    ),
    (
        "002_88539dc2305d8e22.txt",
        include_str!("testdata/002_88539dc2305d8e22.txt"),
    ),
    (
        "003_a490ef5cca20fb50.txt",
        include_str!("testdata/003_a490ef5cca20fb50.txt"),
    ),
];
const FIXTURE: &str = include_str!("testdata/source-plan-refs.tsv");

fn no_ws(s: &str) -> String {
    s.nfc().filter(|c| !c.is_whitespace()).collect()
}

/// Invariants every citation must keep, whatever the input.
fn check_spans(input: &str, c: &Citation) {
    assert!(
        c.span.start <= c.number_span.start && c.number_span.end <= c.span.end,
        "{c:?}"
    );
    let number = number::parse(&input[c.number_span.clone()]).unwrap_or_else(|| {
        panic!(
            "number span {:?} of {input:?} does not parse",
            &input[c.number_span.clone()]
        )
    });
    assert_eq!(number.key, c.number.key);
    // `text` is the span as written, whitespace collapsed (and NFC).
    assert_eq!(no_ws(&input[c.span.clone()]), no_ws(&c.text), "{c:?}");
    assert!(
        !c.text.contains("  ") && !c.text.contains('\n'),
        "{:?}",
        c.text
    );
    if let Some(issuer) = &c.issuer {
        assert!(
            !issuer.contains('\n') && !issuer.contains("  ") && issuer.trim() == issuer,
            "{issuer:?}"
        );
    }
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn one(text: &str) -> Citation {
    let found = find_all(text);
    assert_eq!(
        found.len(),
        1,
        "expected one citation in {text:?}, got {found:#?}"
    );
    check_spans(text, &found[0]);
    found.into_iter().next().unwrap()
}

fn numbers(text: &str) -> Vec<String> {
    let found = find_all(text);
    for c in &found {
        check_spans(text, c);
    }
    found.into_iter().map(|c| c.number.display).collect()
}

#[test]
fn source_plans_match_the_fixture() {
    let mut expected: Vec<(&str, Vec<String>)> = SOURCES
        .iter()
        .map(|&(name, _)| (name, Vec::new()))
        .collect();
    for line in FIXTURE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 6, "bad fixture line {line:?}");
        let file = expected
            .iter_mut()
            .find(|(name, _)| *name == cols[0])
            .expect("known file");
        file.1.push(cols[1..].join("\t"));
    }
    for (&(name, text), (_, want)) in SOURCES.iter().zip(&expected) {
        let got: Vec<String> = find_all(text)
            .iter()
            .map(|c| {
                check_spans(text, c);
                let line = text[..c.number_span.start].matches('\n').count() + 1;
                format!(
                    "{line}\t{}\t{}\t{}\t{}",
                    c.number.display,
                    c.date.map(|d| d.to_string()).unwrap_or_default(),
                    c.type_name.as_deref().unwrap_or(""),
                    c.issuer.as_deref().unwrap_or(""),
                )
            })
            .collect();
        for (i, (g, w)) in got.iter().zip(want).enumerate() {
            assert_eq!(g, w, "{name}: reference #{} differs", i + 1);
        }
        assert_eq!(
            got.len(),
            want.len(),
            "{name}: found {} references, fixture lists {}",
            got.len(),
            want.len()
        );
    }
    assert_eq!(
        expected.iter().map(|(_, v)| v.len()).collect::<Vec<_>>(),
        [46, 16, 12]
    );
}

#[test]
fn source_plan_texts_read_whole() {
    // Spot checks of whole citations, spans included, in the real texts.
    let (_, text) = SOURCES[0];
    let all = find_all(text);
    let first = &all[0];
    assert_eq!(
        first.text,
        "Quyết định số 1745/QĐ-TTg ngày 15/8/2025 của Thủ tướng Chính phủ"
    );
    assert_eq!(
        &text[first.span.clone()],
        "Quyết định số 1745/QĐ-TTg ngày 15/8/2025 của Thủ tướng \n\nChính phủ"
    );
    assert_eq!(&text[first.number_span.clone()], "1745/QĐ-TTg");
    let broken = all
        .iter()
        .find(|c| text[c.number_span.clone()].contains('\n'))
        .unwrap();
    assert_eq!(&text[broken.number_span.clone()], "149-\n\nKL/TW");
    assert_eq!(broken.text, "Kết luận số 149-KL/TW");

    // 002 mixes decomposed diacritics into its first lines.
    let (_, text) = SOURCES[1];
    let c = &find_all(text)[0];
    assert!(
        text[c.span.clone()].starts_with("Nghi\u{323} quyê\u{301}t"),
        "{:?}",
        &text[c.span.clone()]
    );
    assert_eq!(
        c.text,
        "Nghị quyết số 27-NQ/TU ngày 01/7/2022 của Ban Thường vụ Tỉnh ủy"
    );

    let (_, text) = SOURCES[2];
    let c = find_all(text)
        .into_iter()
        .find(|c| c.number.key == "9/kh/tu")
        .unwrap();
    assert_eq!(
        c.text,
        "Kế hoạch số 09-KH-TU ngày 24/10/2025 của Tỉnh ủy Lào Cai"
    );
    assert_eq!(c.number.display, "09-KH/TU");
    assert!(c.number.is_local());
}

#[test]
fn full_citation() {
    let text = "thực hiện Quyết định số 1745/QĐ-TTg ngày 15/8/2025 của Thủ tướng Chính phủ ban hành Kế hoạch";
    let c = one(text);
    assert_eq!(
        c.text,
        "Quyết định số 1745/QĐ-TTg ngày 15/8/2025 của Thủ tướng Chính phủ"
    );
    assert_eq!(c.type_name.as_deref(), Some("Quyết định"));
    assert_eq!(c.number.display, "1745/QĐ-TTg");
    assert_eq!(c.date, date(2025, 8, 15));
    assert_eq!(c.issuer.as_deref(), Some("Thủ tướng Chính phủ"));
    let start = text.find("Quyết").unwrap();
    assert_eq!(c.span, start..text.find(" ban hành").unwrap());
    assert_eq!(
        c.number_span,
        text.find("1745").unwrap()..text.find(" ngày").unwrap()
    );
}

#[test]
fn number_broken_across_lines() {
    let c = one("Kết luận số 149-\nKL/TW của Bộ Chính trị");
    assert_eq!(c.number.display, "149-KL/TW");
    assert_eq!(c.text, "Kết luận số 149-KL/TW của Bộ Chính trị");
    let c = one("Quyết định số 1745/QĐ-\n\nTTg ngày 15/8/2025");
    assert_eq!(c.number.display, "1745/QĐ-TTg");
    assert_eq!(c.date, date(2025, 8, 15));
    let c = one("Nghị định số 15/2018/NĐ-\nCP ngày 15/01/2018 của Chính phủ quy định chi tiết");
    assert_eq!(c.number.display, "15/2018/NĐ-CP");
    assert_eq!(c.issuer.as_deref(), Some("Chính phủ"));
    assert_eq!(c.type_name.as_deref(), Some("Nghị định"));
}

#[test]
fn dashes_and_spaces() {
    assert_eq!(
        numbers("Kết luận số 149–KL/TW và Kết luận số 150—KL/TW"),
        ["149-KL/TW", "150-KL/TW"]
    );
    let c = one("Quyết định số 1745 / QĐ – TTg của Thủ tướng Chính phủ");
    assert_eq!(c.number.display, "1745/QĐ-TTg");
    assert_eq!(c.text, "Quyết định số 1745/QĐ–TTg của Thủ tướng Chính phủ");
}

#[test]
fn ocr_case_and_d_for_dj() {
    let c = one("KẾT LUẬN SỐ 149-kl/tw CỦA BỘ CHÍNH TRỊ");
    assert_eq!(c.number.display, "149-KL/TW");
    assert_eq!(c.type_name.as_deref(), Some("Kết luận"));
    assert_eq!(c.issuer.as_deref(), Some("BỘ CHÍNH TRỊ"));
    let c = one("Kế hoạch số 30-KH/DU của Đảng ủy");
    assert_eq!(c.number.display, "30-KH/ĐU");
    assert_eq!(c.number.key, number::parse("30-KH/ĐU").unwrap().key);
}

#[test]
fn typo_dash_for_slash() {
    let c = one("Kế hoạch số 09-KH-TU ngày 24/10/2025 của Tỉnh ủy Lào Cai về thực hiện");
    assert_eq!(c.number.display, "09-KH/TU");
    assert_eq!(c.date, date(2025, 10, 24));
    assert_eq!(c.issuer.as_deref(), Some("Tỉnh ủy Lào Cai"));
}

#[test]
fn header_number() {
    let text = "UBND TỈNH LÀO CAI\nSố: 12/KH-UBND\nLào Cai, ngày 15 tháng 1 năm 2026";
    let c = one(text);
    assert_eq!(c.number.display, "12/KH-UBND");
    assert_eq!(&text[c.span.clone()], "12/KH-UBND");
    assert_eq!(c.type_name.as_deref(), Some("Kế hoạch"));
    assert_eq!(c.date, None);
    // The unnumbered draft header is no citation.
    assert!(find_all("Số          /KH-UBND\nSố: /KH-UBND").is_empty());
}

#[test]
fn inside_parentheses() {
    let text = "trong tình hình mới (Kế hoạch số 345-KH/TU); Thực hiện";
    let c = one(text);
    assert_eq!(&text[c.span.clone()], "Kế hoạch số 345-KH/TU");
    assert_eq!(c.issuer, None);
    let c = one("theo văn bản (số 123/UBND) đã gửi");
    assert_eq!(c.number.display, "123/UBND");
    assert_eq!(c.type_name.as_deref(), Some("Công văn"));
}

#[test]
fn two_citations_separated_by_semicolon() {
    let text = "Thực hiện Quyết định số 1745/QĐ-TTg ngày 15/8/2025 của Thủ tướng \n\nChính phủ; Kế hoạch số 345-KH/TU ngày 21/5/2025 của Ban Thường vụ Tỉnh \n\nủy về việc thực hiện";
    let found = find_all(text);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].issuer.as_deref(), Some("Thủ tướng Chính phủ"));
    assert_eq!(found[1].issuer.as_deref(), Some("Ban Thường vụ Tỉnh ủy"));
    assert_eq!(
        found[1].text,
        "Kế hoạch số 345-KH/TU ngày 21/5/2025 của Ban Thường vụ Tỉnh ủy"
    );
    assert!(text[found[0].span.clone()].ends_with("Chính phủ"));
}

#[test]
fn issuer_stops_before_subject() {
    let cases = [
        ("Kết luận số 149-KL/TW của Bộ Chính trị về đẩy mạnh", "Bộ Chính trị"),
        ("Kế hoạch số 30-KH/ĐU của Đảng uỷ UBND \ntỉnh thực hiện Kế hoạch", "Đảng uỷ UBND tỉnh"),
        ("Quyết định số 496/QĐ-TTg của Thủ tướng Chính phủ phê duyệt Đề án", "Thủ tướng Chính phủ"),
        ("Kết luận số 149-KL/TW của Bộ Chính trị như sau:", "Bộ Chính trị"),
        ("Kết luận số 149-KL/TW của Bộ Chính trị và các văn bản chỉ đạo của Chính phủ", "Bộ Chính trị"),
        ("Kế hoạch số 454/KH-UBND ngày 5/3/2020 của UBND tỉnh Kế hoạch hành động giai đoạn", "UBND tỉnh"),
        ("Kế hoạch số 1/KH-UBND của UBND tỉnh (sau đây gọi là Kế hoạch)", "UBND tỉnh"),
        ("Kế hoạch số 1/KH-UBND của UBND tỉnh: nội dung", "UBND tỉnh"),
        ("Kế hoạch số 1/KH-UBND của UBND tỉnh.", "UBND tỉnh"),
        ("Kế hoạch số 1/KH-UBND của Ủy ban nhân dân tỉnh\n- Lưu VT", "Ủy ban nhân dân tỉnh"),
        ("Kế hoạch số 1/KH-UBND của Ủy ban nhân dân tỉnh\n\n2. Sở Y tế", "Ủy ban nhân dân tỉnh"),
        ("Kế hoạch số 1/KH-UBND của Ủy ban nhân dân tỉnh\n\nII. NHIỆM VỤ", "Ủy ban nhân dân tỉnh"),
        ("Nghị quyết số 21-NQ/TW của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa\nXII.", "Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII"),
        ("Quyết định số 5/QĐ-BVHTTDL của Bộ Văn hóa, Thể thao và Du lịch về lễ hội", "Bộ Văn hóa, Thể thao và Du lịch"),
        ("Quyết định số 5/QĐ-BKHĐT của Bộ Kế hoạch và Đầu tư về đầu tư", "Bộ Kế hoạch và Đầu tư"),
        ("Quyết định số 5/QĐ-SLĐTBXH của Sở Lao động - Thương binh và Xã hội về", "Sở Lao động - Thương binh và Xã hội"),
        ("Kế hoạch số 5/KH-UBND ngày 2/3/2024 của UBND TP. Hồ Chí Minh về", "UBND TP. Hồ Chí Minh"),
        ("Kế hoạch số 5/KH-UBND của “UBND tỉnh”", ""),
    ];
    for (text, issuer) in cases {
        let c = one(text);
        assert_eq!(c.issuer.as_deref().unwrap_or(""), issuer, "{text:?}");
    }
    // Another citation right after the issuer: the connector is dropped.
    let found = find_all("Kết luận số 149-KL/TW của Bộ \n\nChính trị và Kế hoạch số 345-KH/TU");
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].issuer.as_deref(), Some("Bộ Chính trị"));
    assert_eq!(found[0].text, "Kết luận số 149-KL/TW của Bộ Chính trị");
    assert_eq!(found[1].text, "Kế hoạch số 345-KH/TU");
}

#[test]
fn issuer_length_is_capped() {
    let words = "một hai ba bốn năm sáu bảy tám chín mười mươi một mươi hai mươi ba mươi bốn";
    let c = one(&format!("Kế hoạch số 1/KH-UBND của Ban {words} {words}"));
    let issuer = c.issuer.unwrap();
    assert!(issuer.split(' ').count() <= MAX_ISSUER_WORDS, "{issuer}");
    assert!(issuer.starts_with("Ban một hai"));
}

#[test]
fn dates_in_words_and_after_issuer() {
    let c = one("Nghị quyết số 72-NQ/TW ngày 09 tháng 9 năm 2025 của Bộ Chính trị về");
    assert_eq!(c.date, date(2025, 9, 9));
    assert_eq!(c.issuer.as_deref(), Some("Bộ Chính trị"));
    let c = one("Kết luận số 149-KL/TW, ngày \n\n10/4/2025 của Bộ Chính trị");
    assert_eq!(c.date, date(2025, 4, 10));
    assert_eq!(
        c.text,
        "Kết luận số 149-KL/TW, ngày 10/4/2025 của Bộ Chính trị"
    );
    let c = one("Quyết định số 1745/QĐ-TTg của Thủ tướng Chính phủ ngày 15/8/2025 về việc");
    assert_eq!(c.date, date(2025, 8, 15));
    assert_eq!(c.issuer.as_deref(), Some("Thủ tướng Chính phủ"));
    assert_eq!(
        c.text,
        "Quyết định số 1745/QĐ-TTg của Thủ tướng Chính phủ ngày 15/8/2025"
    );
    // An impossible date is read past (it is part of the citation) but not kept.
    let c = one("Kế hoạch số 1/KH-UBND ngày 31/6/2025 của UBND tỉnh về");
    assert_eq!(c.date, None);
    assert_eq!(c.issuer.as_deref(), Some("UBND tỉnh"));
}

#[test]
fn type_word_forms() {
    let c = one("thực hiện Nghị\nquyết 21-NQ/TW của Hội nghị");
    assert_eq!(c.type_name.as_deref(), Some("Nghị quyết"));
    assert_eq!(c.text, "Nghị quyết 21-NQ/TW của Hội nghị");
    let c = one("(Kế \n\nhoạch số 30-KH/ĐU);");
    assert_eq!(c.type_name.as_deref(), Some("Kế hoạch"));
    let c = one("về thực hiện nghị quyết số 72-NQ/TW");
    assert_eq!(c.type_name.as_deref(), Some("Nghị quyết"));
    let c = one("Thông tư liên tịch số 01/2015/TTLT-BYT-BNV của Bộ Y tế và Bộ Nội vụ");
    assert_eq!(c.type_name.as_deref(), Some("Thông tư liên tịch"));
    assert_eq!(c.issuer.as_deref(), Some("Bộ Y tế và Bộ Nội vụ"));
    let c = one("triển khai Luật Dân số số 113/2025/QH15, Nghị quyết");
    assert_eq!(c.type_name.as_deref(), Some("Luật"));
    assert_eq!(c.text, "Luật Dân số số 113/2025/QH15");
    let c = one("Luật Phòng, chống ma túy số 73/2021/QH14");
    assert_eq!(c.type_name.as_deref(), Some("Luật"));
    // "pháp luật" is not a Luật; the type then comes from the number (none).
    let c = one("văn bản quy phạm pháp luật số 113/2025/QH15");
    assert_eq!(c.type_name, None);
    let c = one("Kế hoạch Kế hoạch số 345-\n\nKH/TU,");
    assert_eq!(c.text, "Kế hoạch số 345-KH/TU");
    // The written type word wins over the number's code.
    let c = one("Chương trình hành động số 12-CTr/TU");
    assert_eq!(c.type_name.as_deref(), Some("Chương trình"));
    let c = one("Công văn số 1234/UBND-VX ngày 1/2/2025");
    assert_eq!(c.type_name.as_deref(), Some("Công văn"));
    // "Thông báo kết luận" is a Thông báo, not a Kết luận.
    let c = one("Thông báo kết luận số 123-TB/TU ngày 3/3/2025 của Ban Thường vụ Tỉnh ủy");
    assert_eq!(c.type_name.as_deref(), Some("Thông báo"));
    assert!(c.text.starts_with("Thông báo kết luận số"));
    let c = one("Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14");
    assert_eq!(c.type_name.as_deref(), Some("Pháp lệnh"));
    assert!(!c.number.is_local());
    let c = one("theo 05/VBHN-BYT ngày 1/1/2020 của Bộ Y tế");
    assert_eq!(c.type_name.as_deref(), Some("Văn bản hợp nhất"));
}

#[test]
fn common_preamble_citations() {
    let cases = [
        (
            "Căn cứ Nghị định số 117/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ quy định chi tiết",
            ("117/2025/NĐ-CP", date(2025, 6, 9), "Nghị định", "Chính phủ"),
        ),
        (
            "Căn cứ Thông tư số 01/2024/TT-BYT ngày 12/01/2024 của Bộ trưởng Bộ Y tế hướng dẫn thực hiện",
            ("01/2024/TT-BYT", date(2024, 1, 12), "Thông tư", "Bộ trưởng Bộ Y tế"),
        ),
        (
            "Theo đề nghị của Giám đốc Sở Y tế tại Tờ trình số 123/TTr-SYT ngày 10/01/2026.",
            ("123/TTr-SYT", date(2026, 1, 10), "Tờ trình", ""),
        ),
        (
            "Công văn số 4567/BYT-BM-TE ngày 5/8/2025 của Bộ Y tế về việc hướng dẫn",
            ("4567/BYT-BM-TE", date(2025, 8, 5), "Công văn", "Bộ Y tế"),
        ),
        (
            "Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị khóa XII về đẩy mạnh",
            ("05-CT/TW", date(2016, 5, 15), "Chỉ thị", "Bộ Chính trị khóa XII"),
        ),
        (
            "Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương về trách nhiệm",
            ("08-QĐi/TW", date(2018, 10, 25), "Quy định", "Ban Chấp hành Trung ương"),
        ),
        (
            "Nghị quyết số 12/2023/NQ-HĐND ngày 7/7/2023 của HĐND tỉnh Lào Cai quy định",
            ("12/2023/NQ-HĐND", date(2023, 7, 7), "Nghị quyết", "HĐND tỉnh Lào Cai"),
        ),
    ];
    for (text, (number, day, type_name, issuer)) in cases {
        let c = one(text);
        assert_eq!(c.number.display, number, "{text}");
        assert_eq!(c.date, day, "{text}");
        assert_eq!(c.type_name.as_deref(), Some(type_name), "{text}");
        assert_eq!(c.issuer.as_deref().unwrap_or(""), issuer, "{text}");
    }
    assert!(
        find_all("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;").is_empty()
    );
}

#[test]
fn bare_numbers() {
    let found = find_all("đẩy mạnh thực hiện 21-NQ/TW và 149-KL/TW, 1745/QĐ-TTg; 113/2025/QH15.");
    let names: Vec<_> = found
        .iter()
        .map(|c| (c.number.display.as_str(), c.type_name.as_deref()))
        .collect();
    assert_eq!(
        names,
        [
            ("21-NQ/TW", Some("Nghị quyết")),
            ("149-KL/TW", Some("Kết luận")),
            ("1745/QĐ-TTg", Some("Quyết định")),
            ("113/2025/QH15", None)
        ]
    );
    assert_eq!(found[0].text, "21-NQ/TW");
    let c = parse_one("149-KL/TW").unwrap();
    assert_eq!(c.span, 0..9);
    let c = parse_one("Kế hoạch số 30-KH/TU ngày 14/9/2025 của Tỉnh ủy Lào Cai").unwrap();
    assert_eq!(c.issuer.as_deref(), Some("Tỉnh ủy Lào Cai"));
    assert_eq!(c.date, date(2025, 9, 14));
}

#[test]
fn not_citations() {
    for text in [
        "Lào Cai, ngày 15/8/2025",
        "ngày 15 tháng 8 năm 2025",
        "tỷ lệ tăng dân số ≤ 1,2%, đạt 95%",
        "giảm 20% so với năm 2023; số 2 và số 3",
        "điện thoại: 0214.3822.123 hoặc 0912-345-678",
        "giai đoạn 2021-2030 và 2026 - 2035",
        "Ngày Dân số thế giới (11/7), Ngày Thalassemia (8/5)",
        "Tỷ số giới tính khi sinh (số trẻ trai/100 trẻ gái) dưới 112",
        "2,33 con/bà mẹ, 1 lần/năm, 50 km/h",
        "Số /KH-UBND",
        "Đề án số 06 về “Đổi mới”; Luật ngân sách nhà nước",
        "Kế hoạch của Thủ tướng Chính phủ",
        "phối hợp 123/UBND",
        "mã 12-AB/CD",
        "bảng 2.1-KH/TU",
        "x15/KH-UBND",
    ] {
        assert_eq!(find_all(text), Vec::new(), "{text:?}");
    }
}

#[test]
fn number_does_not_swallow_the_next_line() {
    let found = find_all("Kết luận số 149-KL/TW\n- UBND các xã thực hiện");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].number.display, "149-KL/TW");
    let c = one("Luật số 113/2025/QH15 - Nghị quyết");
    assert_eq!(c.number.display, "113/2025/QH15");
}

#[test]
fn decomposed_input_keeps_spans_in_original_bytes() {
    let nfc = "Thực hiện Kế hoạch số 30-KH/TU của Tỉnh ủy Lào Cai về dân số";
    let nfd: String = nfc.nfd().collect();
    assert_ne!(nfc, nfd);
    let c = one(&nfd);
    assert_eq!(c.text, "Kế hoạch số 30-KH/TU của Tỉnh ủy Lào Cai");
    assert_eq!(c.issuer.as_deref(), Some("Tỉnh ủy Lào Cai"));
    let linked = &nfd[c.span.clone()];
    assert_eq!(
        linked.nfc().collect::<String>(),
        "Kế hoạch số 30-KH/TU của Tỉnh ủy Lào Cai"
    );
    assert_eq!(&nfd[c.number_span.clone()], "30-KH/TU");
}

#[test]
fn citations_never_overlap_and_keep_order() {
    for &(_, text) in SOURCES {
        let found = find_all(text);
        for pair in found.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start);
        }
    }
}

#[test]
fn empty_and_plain_text() {
    assert!(find_all("").is_empty());
    assert!(find_all("Không có trích dẫn nào ở đây.").is_empty());
    assert_eq!(parse_one("không"), None);
}

#[test]
fn noise_never_panics_and_spans_hold() {
    // Deterministic pseudo-random mixtures of citation fragments, decomposed
    // marks, odd dashes and line breaks.
    const PIECES: &[&str] = &[
        "1",
        "49",
        "2025",
        "-",
        "–",
        "—",
        "/",
        "／",
        "KL",
        "kl",
        "TW",
        "TƯ",
        "QĐ",
        "Đ",
        "TTg",
        "UBND",
        "ư",
        " ",
        " ",
        "\n",
        "\n\n",
        "số",
        "Số:",
        "Kế hoạch",
        "Nghị\nquyết",
        "Luật Dân số",
        "của",
        "ngày",
        "15/8/2025",
        "31/6/2025",
        "tháng",
        "năm",
        ",",
        ".",
        ";",
        ":",
        "(",
        ")",
        "“",
        "Bộ Chính trị",
        "Tỉnh ủy",
        "về",
        "và",
        "TP.",
        "\u{301}",
        "\u{323}",
        "e\u{302}\u{323}",
        "Nghi\u{323}",
        "A\u{30A}",
        "\u{212B}",
        "- ",
        "2.1.",
        "II.",
        "中",
        "%",
        " 149-KL/TW",
        " 1745/QĐ-\nTTg",
        " 09-KH-TU",
        " 113/2025/QH15",
        " 149-",
        "KL/TW",
        " 12/UBND-VX",
        " 5/qđ/ttg",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize
    };
    let mut found = 0;
    for _ in 0..3000 {
        let len = 1 + next() % 40;
        let text: String = (0..len).map(|_| PIECES[next() % PIECES.len()]).collect();
        let all = find_all(&text);
        for pair in all.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start, "{text:?}");
        }
        for c in &all {
            assert!(
                text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end),
                "{text:?}"
            );
            check_spans(&text, c);
        }
        found += all.len();
    }
    assert!(
        found > 100,
        "the generator should produce citations ({found})"
    );
}
