//! `import` on scanned plans: OCR noise, impossible dates, `--to` under `--root`.

use std::path::Path;

use super::*;
use crate::cli::RootArg;

fn run_in(root: &Path, files: &[&Path], to: Option<&str>) -> (Diagnostics, bool) {
    run(&ImportArgs {
        files: files.iter().map(|p| p.to_path_buf()).collect(),
        root: RootArg {
            root: root.to_path_buf(),
        },
        to: to.map(PathBuf::from),
        jurisdiction: None,
        force: false,
    })
}

const PLAN: &str = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 12/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
Lào Cai, ngày 15 tháng 01 năm 2026\n\nKẾ HOẠCH\nThực hiện công tác dân số năm 2026\n\n\
Thực hiện Kế hoạch số 30-KH/TU ngàỵ 14/9/2025 của Tỉnh ủy Lầo Cai.\n\nI. MỤC ĐÍCH\n\n\
Hưởng ứng Ngày Gia đình Việt Nam (31/6) và Ngày Dân số thế giới (11/7).\n\nNơi nhận:\n- Bộ Y tế;\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nVũ Thị Hiền Hạnh\n";

#[test]
fn an_impossible_date_is_left_out_and_the_plan_written() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(&input, PLAN).unwrap();
    let (d, ok) = run_in(dir.path(), &[&input], Some("out"));
    assert!(
        ok,
        "{:?}",
        d.iter().map(|d| d.message()).collect::<Vec<_>>()
    );
    // `--to out` is under `--root`, not the current folder.
    let path = dir.path().join("out/lao-cai-2026.md");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("  - Ngày Dân số thế giới (11/7)\n"), "{text}");
    assert!(!text.contains("  - Ngày Gia đình Việt Nam"), "{text}");
    assert!(
        text.contains("# campaigns: bỏ \"Ngày Gia đình Việt Nam (31/6)\""),
        "{text}"
    );
    // The OCR corrections are marked in the draft.
    assert!(
        text.contains("# Sửa lỗi OCR, dòng 10: \"ngàỵ\" → \"ngày\"\n"),
        "{text}"
    );
    assert!(
        text.contains("# Sửa lỗi OCR, dòng 10: \"Lầo\" → \"Lào\"\n"),
        "{text}"
    );
    let doc = document::parse(&path, Section::Plan, "x", &text)
        .document
        .unwrap();
    assert_eq!(
        doc.basis[0].date.map(|d| d.to_string()).as_deref(),
        Some("2025-09-14")
    );
    assert_eq!(doc.basis[0].issuer.as_deref(), Some("Tỉnh ủy Lào Cai"));
    assert!(!doc.draft);
}

#[test]
fn the_report_is_a_checklist_in_vietnamese() {
    let d = draft::draft(PLAN, false, None);
    let r = report::report(Path::new("in.txt"), Path::new("out.md"), &d, None);
    for part in [
        "  Đã tìm thấy:\n",
        "  Đã sửa lỗi OCR (2;",
        "    dòng 10: \"ngàỵ\" → \"ngày\"\n",
        "  Đã bỏ ra (ngày không có trong lịch",
        "    campaigns    Ngày Gia đình Việt Nam (31/6)\n",
        "  Tham chiếu: 1 trong nội dung",
    ] {
        assert!(r.contains(part), "{part:?} not in\n{r}");
    }
}

/// A ward plan scanned without its header: the ward is named in passing in
/// the body, the city only in the issuer of the plan it implements.
const WARD: &str = "KẾ HOẠCH\nTriển khai công tác dân số năm 2025\n\n\
Thực hiện Kế hoạch số 16-KH/TU ngàỵ 10/3/2025 của Thành ủy Hải Phòng vể công tác dân số trong tình hình mới;\n\
Ủy ban nhân dân phường ban hành Kế hoạch triển khai như sau:\n\nI- MỤC ĐÍCH, YÊU CẦU\n\n\
1- Mục đích\n\nTuyên truyền sâu rộng trên địa bàn phường Hưng Đạo, nhất là các tổ dân phố.\n\n\
Noi nhận:\n- Như trên;\n- Lưu VP.\nNguyen Van Quang\nt/m ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n";

#[test]
fn a_ward_plan_without_header_finds_its_place_in_the_body() {
    let d = draft::draft(WARD, false, None);
    assert_eq!(
        d.front.jurisdiction.as_deref(),
        Some("Hải Phòng/phường Hưng Đạo")
    );
    assert_eq!(
        d.front.issuer.as_deref(),
        Some("Ủy ban nhân dân phường Hưng Đạo")
    );
    assert_eq!(d.front.signer.as_deref(), Some("Nguyễn Văn Quang"));
    assert_eq!(
        d.front.basis,
        ["Kế hoạch số 16-KH/TU ngày 10/3/2025 của Thành ủy Hải Phòng"]
    );
    assert!(d.inferred.contains(&"jurisdiction") && d.inferred.contains(&"signer"));
    let fm = frontmatter::render(&d.front);
    assert!(fm.contains("# jurisdiction: suy ra, cần kiểm tra (phường Hưng Đạo theo cơ quan ban hành; Hải Phòng theo cơ quan ban hành của văn bản được dẫn \"Kế hoạch số 16-KH/TU"), "{fm}");
    assert!(fm.contains("# signer: suy ra, cần kiểm tra (tên trong khối chữ ký, OCR bỏ mất dấu: \"Nguyen Van Quang\""), "{fm}");
    let r = report::report(Path::new("in.txt"), Path::new("out.md"), &d, None);
    assert!(
        r.contains("  Suy ra (cần kiểm tra với bản ký):\n    issuer"),
        "{r}"
    );
    assert!(d.body.contains("## I- MỤC ĐÍCH, YÊU CẦU"), "{}", d.body);
    assert!(d.body.contains("### 1- Mục đích"), "{}", d.body);
    assert!(d.body.contains("**Nơi nhận:**"), "{}", d.body);
}
