//! A signer's name whose diacritics OCR stripped: "Tong Thanh Hai" → "Tống Thanh Hải".
//!
//! Vietnamese names are made of a small set of syllables, and for most of
//! them one spelling is far more common than the others. When every letter of
//! a name is plain ASCII, each syllable is looked up here (surnames in their
//! own list, since "Giang" is a given name but "Giàng" the surname of the
//! north-west). The guess is always shown to the officer with the raw text.

/// Surnames, by their most common spelling in the provinces' documents.
const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Tống", "Giàng", "Lò", "Lường", "Vàng", "Sùng", "Thào", "Hầu",
    "Mùa", "Lù", "Đinh", "Trịnh", "Mai", "Đào", "Lương", "Hà", "Tạ", "Cao", "Chu", "Lâm", "Quách",
    "Tô", "Thái", "Triệu", "Đoàn", "Kiều", "Nông", "Lưu", "Tăng", "La", "Khổng", "Lục", "Hứa",
    "Mạc", "Đàm", "Vương", "Thân", "Phùng", "Lã", "Giáp", "Đồng", "Ninh", "Sầm", "Hạng", "Thèn",
    "Sìn", "Chẩu", "Mã", "Lèo", "Cầm", "Điêu", "Bế", "Hoàng", "Nghiêm", "Từ", "Viên",
];

/// Middle and given names, by their most common spelling.
const GIVEN: &[&str] = &[
    "Thị",
    "Văn",
    "Thanh",
    "Hải",
    "Hữu",
    "Đức",
    "Minh",
    "Quốc",
    "Hồng",
    "Ngọc",
    "Thu",
    "Thủy",
    "Hương",
    "Lan",
    "Anh",
    "Tuấn",
    "Dung",
    "Hùng",
    "Hiền",
    "Hạnh",
    "Hoa",
    "Hà",
    "Huy",
    "Hoàng",
    "Long",
    "Nam",
    "Phương",
    "Quang",
    "Sơn",
    "Tâm",
    "Thắng",
    "Trung",
    "Tú",
    "Tùng",
    "Việt",
    "Xuân",
    "Yến",
    "Bình",
    "Cường",
    "Chung",
    "Giang",
    "Hậu",
    "Hiếu",
    "Khánh",
    "Kiên",
    "Linh",
    "Lợi",
    "Mạnh",
    "Mỹ",
    "Nga",
    "Nhung",
    "Oanh",
    "Phong",
    "Phúc",
    "Quân",
    "Quyết",
    "Sinh",
    "Thảo",
    "Thơ",
    "Thiện",
    "Thịnh",
    "Tiến",
    "Toàn",
    "Trang",
    "Trí",
    "Trường",
    "Tuyết",
    "Vinh",
    "Duy",
    "Đạt",
    "Định",
    "Diệp",
    "Đông",
    "Hằng",
    "Kim",
    "Liên",
    "Loan",
    "Mai",
    "Nguyệt",
    "Nhân",
    "Ninh",
    "Phú",
    "Quý",
    "Tài",
    "Tân",
    "Thái",
    "Thuận",
    "Tiên",
    "Trâm",
    "Tuệ",
    "Uyên",
    "Vy",
    "Bảo",
    "Chính",
    "Công",
    "Cảnh",
    "Đăng",
    "Gia",
    "Hợp",
    "Khải",
    "Khoa",
    "Lâm",
    "Lực",
    "Nghĩa",
    "Phát",
    "Sáng",
    "Thông",
    "Tình",
    "Trọng",
    "Tường",
    "Chiến",
    "Huệ",
    "Ly",
    "Lệ",
    "Thành",
    "Hưng",
    "Dũng",
    "Hòa",
    "Vân",
    "Thư",
    "Thúy",
    "Hiển",
    "Ánh",
    "Bắc",
    "Châu",
    "Đại",
    "Hiệp",
    "Hoài",
    "Khương",
    "Lộc",
    "Luyến",
    "Nhàn",
    "Nhị",
    "Pháp",
    "Phượng",
    "Quỳnh",
    "Sang",
    "Tấn",
    "Thạch",
    "Thiêm",
    "Thuần",
    "Tiệp",
    "Tuyên",
    "Vĩnh",
    "Vượng",
    "Xuyến",
    "Ý",
];

fn fold(s: &str) -> String {
    crate::text::fold_key(s)
}

/// The restored name and the raw text, or `None` when the name has
/// diacritics already (or is not a name): then nothing is guessed.
pub fn restore(name: &str) -> Option<String> {
    if !name.is_ascii() || name.split_whitespace().count() < 2 {
        return None;
    }
    let words: Vec<String> = name
        .split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            let list = if i == 0 { SURNAMES } else { GIVEN };
            // The first listed spelling of a syllable is its most common one.
            list.iter().find(|s| fold(s) == fold(w)).map_or_else(
                || super::names::capitalize(&w.to_lowercase()),
                |s| s.to_string(),
            )
        })
        .collect();
    let restored = words.join(" ");
    (restored != name).then_some(restored)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_the_source_plans_come_back() {
        assert_eq!(restore("Tong Thanh Hai").as_deref(), Some("Tống Thanh Hải"));
        assert_eq!(restore("Giang Thi Dung").as_deref(), Some("Giàng Thị Dung"));
        assert_eq!(
            restore("Vu Thi Hien Hanh").as_deref(),
            Some("Vũ Thị Hiền Hạnh")
        );
        assert_eq!(restore("Nguyen Van A").as_deref(), Some("Nguyễn Văn A"));
        // Already written with diacritics: never touched.
        assert_eq!(restore("Lê Văn Lương"), None);
    }
}
