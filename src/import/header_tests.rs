use super::*;
use crate::import::clean;

fn header(text: &str) -> Header {
    let (lines, _) = clean::lines(&clean::normalize(text));
    let paragraphs = clean::paragraph_per_line(&lines);
    parse(&lines, paragraphs)
}

#[test]
fn columns_one_after_the_other_with_blanks() {
    let h = header(
        " UỶ BAN NHÂN DÂN  \n\nTỈNH LAI CHÂU \n\n \nSố          /KH-UBND \n\n \n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \n\n\
         Độc lập – Tự do – Hạnh phúc \n\n \n\n    Lai Châu, ngày      tháng 8 năm 2025 \n\n \n\nKẾ HOẠCH \n\n\
         Thực hiện Quyết định số 1745/QĐ-TTg ngày 15/8/2025 của Thủ tướng \n\nChính phủ về công tác dân số \n\n \n\n\
         Thực hiện Quyết định số 1745/QĐ-TTg ngày 15/8/2025; \n",
    );
    assert_eq!(
        h.issuer.value.as_deref(),
        Some("Ủy ban nhân dân tỉnh Lai Châu")
    );
    assert_eq!(
        h.place.as_ref().map(|p| p.jurisdiction()).as_deref(),
        Some("Lai Châu")
    );
    assert_eq!(h.number.value, None);
    assert!(h.number.how.contains("để trống"), "{}", h.number.how);
    assert_eq!(h.date, None);
    assert_eq!((h.partial_month, h.year), (Some(8), Some(2025)));
    assert_eq!(
        h.title.value.as_deref(),
        Some("Kế hoạch thực hiện Quyết định số 1745/QĐ-TTg ngày 15/8/2025 của Thủ tướng Chính phủ về công tác dân số")
    );
}

#[test]
fn columns_side_by_side_with_a_number_and_date() {
    let h = header(
        "ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
         TỈNH LÀO CAI                    Độc lập - Tự do - Hạnh phúc\n\
         Số: 12/KH-UBND                  Lào Cai, ngày 15 tháng 01 năm 2026\n\
         \n\
         KẾ HOẠCH\n\
         Thực hiện công tác dân số trên địa bàn tỉnh Lào Cai năm 2026\n\
         \n\
         Thực hiện Kế hoạch số 30-KH/TU ngày 14/9/2025 của Tỉnh ủy Lào Cai.\n",
    );
    assert_eq!(
        h.issuer.value.as_deref(),
        Some("Ủy ban nhân dân tỉnh Lào Cai")
    );
    assert_eq!(h.number.value.as_deref(), Some("12/KH-UBND"));
    assert_eq!(h.date, NaiveDate::from_ymd_opt(2026, 1, 15));
    assert_eq!(h.date_place.as_deref(), Some("Lào Cai"));
    assert_eq!(
        h.title.value.as_deref(),
        Some("Kế hoạch thực hiện công tác dân số trên địa bàn tỉnh Lào Cai năm 2026")
    );
}

#[test]
fn party_header_without_a_number() {
    let h = header(
        "TỈNH ỦY LÀO CAI\n*\nSố -KH/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nLào Cai, ngày 14 tháng 9 năm 2025\n\nKẾ HOẠCH\nTHỰC HIỆN KẾT LUẬN SỐ 149-KL/TW CỦA BỘ CHÍNH TRỊ\n-----\nCăn cứ Điều lệ Đảng;\n",
    );
    assert_eq!(h.issuer.value.as_deref(), Some("Tỉnh ủy Lào Cai"));
    assert_eq!(h.number.value, None);
    assert_eq!(h.date, NaiveDate::from_ymd_opt(2025, 9, 14));
    assert_eq!(
        h.title.value.as_deref(),
        Some("Kế hoạch thực hiện kết luận số 149-KL/TW của Bộ Chính trị")
    );
}

#[test]
fn no_header_and_no_title() {
    let h = header("Một đoạn văn bất kỳ không có dạng kế hoạch.\nDòng thứ hai.\n");
    assert_eq!(h.issuer.value, None);
    assert_eq!(h.title.value, None);
    assert_eq!(h.date, None);
    assert!(h.title.how.contains("KẾ HOẠCH"));
}

#[test]
fn issuer_from_the_issuing_sentence() {
    let b = |t: &str| clean::Block {
        text: t.to_string(),
        lineno: 1,
    };
    let (f, p) = issuer_from_opening(
        &[b("Thực hiện Kế hoạch số 279/KH-UBND. Ủy ban nhân dân tỉnh Lào Cai ban hành kế hoạch như sau:")],
        None,
    )
    .unwrap();
    assert_eq!(f.value.as_deref(), Some("Ủy ban nhân dân tỉnh Lào Cai"));
    assert_eq!(p.jurisdiction(), "Lào Cai");
    let (f, _) = issuer_from_opening(
        &[b(
            "Thực hiện Kế hoạch số 30-KH/TU. Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
        )],
        Some("Lào Cai"),
    )
    .unwrap();
    assert_eq!(f.value.as_deref(), Some("Ủy ban nhân dân tỉnh Lào Cai"));
    assert!(f.how.contains("theo dòng \"Lào Cai, ngày …\""), "{}", f.how);
    assert!(issuer_from_opening(&[b("Ủy ban nhân dân tỉnh ban hành Kế hoạch")], None).is_none());
}

#[test]
fn a_party_header_merged_on_one_line_keeps_the_motto_out() {
    let h = header(
        "TỈNH ỦY QUẢNG NINH ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 45-KH/TU Quảng Ninh, ngày 05 tháng 3 năm 2025\n\n\
         KẾ HOẠCH\nThực hiện công tác dân số\n\nThực hiện Kết luận số 149-KL/TW.\n",
    );
    assert_eq!(h.issuer.value.as_deref(), Some("Tỉnh ủy Quảng Ninh"));
    assert_eq!(
        h.place.as_ref().map(|p| p.jurisdiction()).as_deref(),
        Some("Quảng Ninh")
    );
    assert_eq!(h.number.value.as_deref(), Some("45-KH/TU"));
    assert_eq!(h.date, NaiveDate::from_ymd_opt(2025, 3, 5));
}

#[test]
fn a_standing_committee_under_its_party_organisation() {
    let h = header(
        "ĐẢNG BỘ TỈNH THANH HOÁ          ĐẢNG CỘNG SẢN VIỆT NAM\nBAN THƯỜNG VỤ TỈNH ỦY\n*\n\
         Số 12-KH/TU                     Thanh Hoá, ngày 10 tháng 4 năm 2025\n\nKẾ HOẠCH\nVề công tác dân số\n\nThực hiện Kết luận.\n",
    );
    assert_eq!(
        h.issuer.value.as_deref(),
        Some("Ban Thường vụ Tỉnh ủy Thanh Hóa")
    );
    assert_eq!(
        h.place.as_ref().map(|p| p.jurisdiction()).as_deref(),
        Some("Thanh Hóa")
    );
}

#[test]
fn scrambled_columns_motto_and_date_first() {
    let h = header(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLào Cai, ngày 15 tháng 01 năm 2026\n\
         Số: 12/KH-UBND\nỦY BAN NHÂN DÂN TỈNH LÀO CAI Độc lập - Tự do - Hạnh phúc\n\nKẾ HOẠCH\nThực hiện công tác dân số năm 2026\n\n\
         Thực hiện Kế hoạch số 30-KH/TU.\n",
    );
    assert_eq!(
        h.issuer.value.as_deref(),
        Some("Ủy ban nhân dân tỉnh Lào Cai")
    );
    assert_eq!(h.number.value.as_deref(), Some("12/KH-UBND"));
    assert_eq!(h.date, NaiveDate::from_ymd_opt(2026, 1, 15));
}
