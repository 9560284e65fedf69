use super::*;

fn blocks(text: &str) -> Vec<String> {
    let (lines, _) = lines(&normalize(text));
    let paragraphs = paragraph_per_line(&lines);
    join(&lines, paragraphs, line_width(&lines))
        .into_iter()
        .map(|b| b.text)
        .collect()
}

#[test]
fn blank_lines_between_every_line_are_noise() {
    let text = "Quán triệt triển khai nghiêm túc, đầy đủ, đồng bộ hiệu quả Kết luận số \n\n\
                149-KL/TW, ngày 10/4/2025 của Bộ Chính trị về đẩy mạnh thực hiện Nghị \n\n\
                quyết 21-NQ/TW của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng \n\n\
                khóa XII về công tác dân số trong tình hình mới. \n\n\
                Phát huy sức mạnh tổng hợp của hệ thống chính trị và các tầng lớp nhân \n\n\
                dân. \n";
    assert_eq!(
        blocks(text),
        [
            "Quán triệt triển khai nghiêm túc, đầy đủ, đồng bộ hiệu quả Kết luận số 149-KL/TW, ngày 10/4/2025 của Bộ Chính trị về đẩy mạnh thực hiện Nghị quyết 21-NQ/TW của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII về công tác dân số trong tình hình mới.",
            "Phát huy sức mạnh tổng hợp của hệ thống chính trị và các tầng lớp nhân dân."
        ]
    );
}

#[test]
fn split_numbers_are_rejoined_whole() {
    let text = "Tổ chức phổ biến, tuyên truyền, quán triệt nội dung Kết luận số 149-\n\n\
                KL/TW và Kế hoạch của Thủ tướng Chính phủ, Kế hoạch Kế hoạch số 345-\n\n\
                KH/TU, Kế hoạch thực hiện Quyết định số \n\n\
                1745/QĐ-TTg của Thủ tướng Chính phủ giai đoạn 2021-\n\
                2030.";
    let b = blocks(text);
    assert_eq!(b.len(), 1);
    assert!(b[0].contains("Kết luận số 149-KL/TW và"));
    assert!(b[0].contains("số 345-KH/TU,"));
    assert!(b[0].contains("Quyết định số 1745/QĐ-TTg của"));
    assert!(b[0].contains("giai đoạn 2021-2030."));
}

#[test]
fn headings_and_list_items_start_new_blocks() {
    let text = "I. MỤC ĐÍCH, YÊU CẦU \n\n1. Mục đích \n\nQuán triệt triển khai nghiêm túc các nội dung của kế hoạch này \n\n\
                trong toàn tỉnh. \n\n2.2. Sở Văn hóa Thể thao và Du lịch, Báo và Phát thanh Truyền hình tỉnh \n\n\
                Phối hợp với Sở Y tế tổ chức tuyên truyền sâu rộng các nội dung của Kết luận. \n\n\
                - Vận động sự vào cuộc của Ủy ban Mặt trận Tổ quốc, các tổ chức chính trị \n\
                - xã hội, tổ chức xã hội nghề nghiệp tham gia. \n\na) Về quy mô dân số \n";
    assert_eq!(
        blocks(text),
        [
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Mục đích",
            "Quán triệt triển khai nghiêm túc các nội dung của kế hoạch này trong toàn tỉnh.",
            "2.2. Sở Văn hóa Thể thao và Du lịch, Báo và Phát thanh Truyền hình tỉnh",
            "Phối hợp với Sở Y tế tổ chức tuyên truyền sâu rộng các nội dung của Kết luận.",
            "- Vận động sự vào cuộc của Ủy ban Mặt trận Tổ quốc, các tổ chức chính trị - xã hội, tổ chức xã hội nghề nghiệp tham gia.",
            "a) Về quy mô dân số",
        ]
    );
}

#[test]
fn page_numbers_and_running_headers_are_dropped() {
    let mut text = String::new();
    for page in 1..=4 {
        text.push_str("KẾ HOẠCH DÂN SỐ TỈNH LÀO CAI NĂM 2024\n");
        text.push_str(&format!(
            "Nội dung trang {page} của kế hoạch tiếp tục ở dòng sau và \n"
        ));
        text.push_str(&format!("kết thúc ở trang {page}.\n\n"));
        text.push_str(&format!("{page} \n\u{c}"));
    }
    let (ls, dropped) = lines(&normalize(&text));
    assert_eq!(dropped.page_numbers, 4);
    assert_eq!(dropped.running_headers, 4);
    assert!(ls.iter().all(|l| !l.text.starts_with("KẾ HOẠCH DÂN SỐ")));
    assert!(ls.iter().all(|l| l.text.parse::<u32>().is_err()));
}

#[test]
fn page_break_inside_a_sentence_keeps_it_whole() {
    let text = "“Bảo vệ, chăm sóc, nâng cao sức khỏe Nhân dân và công tác dân số tỉnh Lào \n\n\n\n4 \n \n\n  \n\nCai”; Đề án số 10 về “Giảm nghèo bền vững tỉnh Lào Cai”.";
    assert_eq!(
        blocks(text),
        ["“Bảo vệ, chăm sóc, nâng cao sức khỏe Nhân dân và công tác dân số tỉnh Lào Cai”; Đề án số 10 về “Giảm nghèo bền vững tỉnh Lào Cai”."]
    );
}

#[test]
fn paragraph_per_line_text_keeps_its_paragraphs() {
    let long = "Triển khai đầy đủ, hiệu quả các chủ trương của Đảng, chính sách pháp luật của Nhà nước, Kết luận số 149-KL/TW của Bộ Chính trị và các văn bản chỉ đạo của Chính phủ";
    let text = format!("{long}\n\n{long}\n\nTiếp tục thực hiện có hiệu quả các chương trình của tỉnh\n\nRà soát, nghiên cứu");
    let (ls, _) = lines(&text);
    assert!(paragraph_per_line(&ls));
    assert_eq!(blocks(&text).len(), 4);
}

#[test]
fn normalize_fixes_unicode_and_ocr_latex() {
    assert_eq!(
        normalize("\u{FEFF}Tốc độ\u{A0}tăng $\\leq 1,2\\%$\r\nx\u{200B}y"),
        "Tốc độ tăng ≤ 1,2%\nxy"
    );
    // Decomposed diacritics (as some PDFs give them) are composed.
    assert_eq!(normalize("Lào Cai"), "Lào Cai");
}

#[test]
fn signature_roles_and_caps() {
    assert!(is_signature_role("TM. UỶ BAN NHÂN DÂN"));
    assert!(is_signature_role("**KT. CHỦ TỊCH"));
    assert!(is_signature_role("PHÓ CHỦ TỊCH**"));
    assert!(!is_signature_role("Chủ tịch, các PCT UBND tỉnh;"));
    assert!(is_all_caps("ỦY BAN NHÂN DÂN"));
    assert!(!is_all_caps("Ủy ban"));
}

#[test]
fn a_full_line_ending_in_a_semicolon_goes_on() {
    let text = "Hướng dẫn, định hướng các cơ quan thông tin báo chí, Trung tâm Văn hóa, Thể \n\n\
                chí, Trung tâm Văn hóa, Thể thao - Truyền thông các huyện, thị xã, thành phố; \n\n\
                Đài truyền thanh cơ sở tuyên truyền về công tác dân số và phát triển. \n\n\
                Thực hiện Kế hoạch số 30-KH/ĐU ngày 16/6/2025 của Đảng uỷ UBND tỉnh thực \n\n\
                hiện Kế hoạch số 345-KH/TU (Kế hoạch số 30-KH/ĐU); \n\n\
                Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau: \n";
    let b = blocks(text);
    assert_eq!(b.len(), 3, "{b:#?}");
    assert!(b[0].contains("thành phố; Đài truyền thanh"));
}

#[test]
fn sentences_rejoined_across_line_and_list_item_breaks() {
    let text = "- Tổ chức truyền thông về dân số tại\n• các xã, phường trên địa bàn.\n- Phối hợp với\nSở Y tế thực hiện.\n- Hai.\n";
    let (ls, _) = lines(text);
    let blocks = join(&ls, false, line_width(&ls));
    let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "- Tổ chức truyền thông về dân số tại các xã, phường trên địa bàn.",
            "- Phối hợp với Sở Y tế thực hiện.",
            "- Hai."
        ]
    );
    // Paragraph-per-line input: a blank line inside a sentence does not end it.
    let (ls, d) = lines("Thực hiện Kế hoạch của\n\nBan Thường vụ Tỉnh ủy.\n•\n\nĐoạn sau.\n");
    let blocks = join(&ls, true, 80);
    assert_eq!(blocks.len(), 2, "{blocks:?}");
    assert_eq!(d.junk, 1);
}

#[test]
fn controls_and_noncharacters_are_dropped_so_the_draft_passes_check() {
    let t = normalize("K\u{FFFF}ế ho\u{7}ạch\u{FFFE}\tnăm\u{C}2026");
    assert_eq!(
        t, "Kế hoạch\tnăm\n\u{C}\n2026",
        "tab and the page break stay"
    );
}
