use super::*;

fn b(t: &str) -> Block {
    Block {
        text: t.to_string(),
        lineno: 1,
    }
}

#[test]
fn basis_is_what_the_plan_itself_implements() {
    let opening = [
        b("Thực hiện Quyết định số 1745/QĐ-TTg ngày 15/8/2025 của Thủ tướng Chính phủ; Kế hoạch số 345-KH/TU ngày 21/5/2025 của Ban Thường vụ Tỉnh ủy về việc thực hiện Kết luận số 149-KL/TW, ngày 10/4/2025 của Bộ Chính trị về đẩy mạnh thực hiện Nghị quyết 21-NQ/TW (Kế hoạch số 345-KH/TU);"),
        b("Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện Quyết định số 1745/QĐ-TTg như sau:"),
    ];
    let got = basis(&opening, "Thực hiện Quyết định số 1745/QĐ-TTg ngày 15/8/2025 của Thủ tướng Chính phủ ban hành Kế hoạch thực hiện Kết luận số 149-KL/TW");
    assert_eq!(
        got.entries,
        [
            "Quyết định số 1745/QĐ-TTg ngày 15/8/2025 của Thủ tướng Chính phủ",
            "Kế hoạch số 345-KH/TU ngày 21/5/2025 của Ban Thường vụ Tỉnh ủy"
        ]
    );
    assert_eq!(got.nested, ["149-KL/TW", "21-NQ/TW"]);
    assert_eq!(got.paragraphs, 1);
}

#[test]
fn basis_lists_every_grounds_and_stops_at_the_issuing_sentence() {
    let opening = [
        b("Căn cứ Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII về công tác dân số; Quyết định số 1679/QĐ-TTg ngày 22/11/2019 của Thủ tướng Chính phủ về phê duyệt Chiến lược Dân số Việt Nam đến năm 2030."),
        b("Thực hiện Kế hoạch số 279/KH-UBND ngày 11/8/2022 của UBND tỉnh Lào Cai về nâng cao chất lượng dân số. Ủy ban nhân dân tỉnh Lào Cai ban hành kế hoạch thực hiện Nghị quyết số 27-NQ/TU ngày 01/7/2022 như sau:"),
    ];
    let got = basis(
        &opening,
        "Thực hiện Nghị quyết số 27-NQ/TU ngày 01/7/2022 của Ban Thường vụ Tỉnh ủy",
    );
    let numbers: Vec<String> = got
        .entries
        .iter()
        .map(|e| cite::parse_one(e).unwrap().number.display)
        .collect();
    assert_eq!(
        numbers,
        ["21-NQ/TW", "1679/QĐ-TTg", "279/KH-UBND", "27-NQ/TU"]
    );
}

#[test]
fn a_dated_citation_replaces_a_bare_one() {
    let got = basis(
        &[b(
            "Căn cứ Kết luận số 149-KL/TW; Kết luận số 149-KL/TW ngày 10/4/2025 của Bộ Chính trị.",
        )],
        "",
    );
    assert_eq!(
        got.entries,
        ["Kết luận số 149-KL/TW ngày 10/4/2025 của Bộ Chính trị"]
    );
}

#[test]
fn campaigns_with_their_dates_as_written() {
    let got = campaigns(&[b("Tổ chức các hoạt động hưởng ứng sự kiện dân số như Ngày Thalassemia Thế giới (8/5), Ngày Dân số thế giới (11/7), Tháng hành động quốc gia về Dân số (tháng 12) và Ngày Dân số Việt Nam (26/12).")]);
    let texts: Vec<String> = got.iter().map(Campaign::yaml_text).collect();
    assert_eq!(
        texts,
        [
            "Ngày Thalassemia Thế giới (8/5)",
            "Ngày Dân số thế giới (11/7)",
            "Tháng hành động quốc gia về Dân số (tháng 12)",
            "Ngày Dân số Việt Nam (26/12)"
        ]
    );
}

#[test]
fn campaigns_with_the_date_first_or_elsewhere() {
    let got = campaigns(&[
        b("Tổ chức mít tinh nhân ngày 11/7 - Ngày Dân số thế giới, tuyên truyền rộng rãi."),
        b("Hưởng ứng Ngày Quốc tế người cao tuổi, ngày 01 tháng 10 hằng năm."),
        b("Hưởng ứng Ngày Dân số Việt Nam bằng các hoạt động phù hợp."),
    ]);
    let texts: Vec<String> = got.iter().map(Campaign::yaml_text).collect();
    // The last sentence gives no date: nothing is guessed for it.
    assert_eq!(
        texts,
        [
            "Ngày Dân số thế giới (11/7)",
            "Ngày Quốc tế người cao tuổi (1/10)"
        ]
    );
}

#[test]
fn dates_and_diseases_are_not_campaigns() {
    let got = campaigns(&[b("Ngày 15/8/2025 Sở Y tế tầm soát (4) Bệnh Thalassemia (8/5 ca); trong tháng này (tháng 6) không có gì.")]);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn an_impossible_observance_date_is_left_out_and_kept_aside() {
    let (got, bad) = campaigns_checked(&[b(
        "Hưởng ứng Ngày Gia đình Việt Nam (31/6) và Ngày Dân số thế giới (11/7).",
    )]);
    assert_eq!(
        got.iter().map(Campaign::yaml_text).collect::<Vec<_>>(),
        ["Ngày Dân số thế giới (11/7)"]
    );
    assert_eq!(
        bad.iter().map(Campaign::yaml_text).collect::<Vec<_>>(),
        ["Ngày Gia đình Việt Nam (31/6)"]
    );
}
