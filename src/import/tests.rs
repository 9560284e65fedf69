use std::io::Write as _;
use std::path::Path;

use super::*;
use crate::cli::RootArg;

fn args(files: &[&Path], to: &Path, force: bool) -> ImportArgs {
    ImportArgs {
        files: files.iter().map(|p| p.to_path_buf()).collect(),
        root: RootArg {
            root: to.to_path_buf(),
        },
        to: Some(to.to_path_buf()),
        jurisdiction: None,
        force,
    }
}

fn messages(d: &Diagnostics) -> String {
    d.iter()
        .map(|d| format!("{} / {}", d.message(), d.help_text().unwrap_or_default()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Files in `dir` other than the inputs: what import wrote (temp files included).
fn written(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("in"))
        .collect();
    v.sort();
    v
}

const PLAN: &str = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 12/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
Lào Cai, ngày 15 tháng 01 năm 2026\n\nKẾ HOẠCH\nThực hiện công tác dân số năm 2026\n\n\
Thực hiện Kế hoạch số 30-KH/TU ngày 14/9/2025 của Tỉnh ủy Lào Cai.\n\nI. MỤC ĐÍCH\n\n\
Hưởng ứng Ngày Dân số thế giới (11/7).\n\nNơi nhận:\n- Bộ Y tế;\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nVũ Thị Hiền Hạnh\n";

#[test]
fn a_complete_plan_is_imported_and_passes_check() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(&input, PLAN).unwrap();
    let (d, ok) = run(&args(&[&input], dir.path(), false));
    assert!(ok, "{}", messages(&d));
    let text = std::fs::read_to_string(dir.path().join("lao-cai-2026.md")).unwrap();
    let parsed = document::parse(Path::new("x.md"), Section::Plan, "x", &text);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let doc = parsed.document.unwrap();
    assert_eq!(doc.number.unwrap().display, "12/KH-UBND");
    assert_eq!(doc.date.unwrap().to_string(), "2026-01-15");
    assert_eq!(doc.signer.as_deref(), Some("Vũ Thị Hiền Hạnh"));
    assert_eq!(doc.campaigns.len(), 1);
    assert_eq!(doc.basis.len(), 1);
    assert!(!doc.draft);
    assert_eq!(written(dir.path()), ["lao-cai-2026.md"]);
}

#[test]
fn never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(&input, PLAN).unwrap();
    let target = dir.path().join("lao-cai-2026.md");
    std::fs::write(&target, "mine").unwrap();
    let (d, ok) = run(&args(&[&input], dir.path(), false));
    assert!(!ok);
    assert!(messages(&d).contains("already exists"), "{}", messages(&d));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "mine");
    let (_, ok) = run(&args(&[&input], dir.path(), true));
    assert!(ok);
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .starts_with("---\n"));
    assert_eq!(written(dir.path()), ["lao-cai-2026.md"]);
}

#[test]
fn inputs_that_would_collide_get_distinct_names() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("in-a.txt");
    let b = dir.path().join("in-b.txt");
    std::fs::write(&a, PLAN).unwrap();
    std::fs::write(&b, PLAN.replace("Số: 12/KH-UBND", "Số: 13/KH-UBND")).unwrap();
    let (d, ok) = run(&args(&[&a, &b], dir.path(), false));
    assert!(ok, "{}", messages(&d));
    assert_eq!(
        written(dir.path()),
        ["lao-cai-2026-12-kh-ubnd.md", "lao-cai-2026-13-kh-ubnd.md"]
    );
}

#[test]
fn bad_inputs_get_a_clear_message_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("in-empty.txt", b"  \n\n".to_vec(), "empty"),
        ("in-binary.txt", b"%PDF\x00\x01\x02binary\x00".to_vec(), "binary"),
        // TCVN3 (ABC): "Kế hoạch dân số các địa phương được"
        ("in-tcvn3.txt", b"K\xd5 ho\xb9ch d\xa9n s\xe8 c\xb8c \xae\xfba ph\xad\xa5ng \xae\xad\xeec c\xb8c \xae\xb8p".to_vec(), "TCVN3"),
        // VNI: "Kế hoạch dân số các địa phương"
        ("in-vni.txt", b"Ke\xe1 hoa\xefch da\xe2n so\xe1 ca\xf9c \xf1\xf2a ph\xf6\xf4ng ca\xf9c \xf1a\xf9p".to_vec(), "VNI"),
        ("in-plan.doc", b"whatever".to_vec(), ".docx"),
        ("in-plan.odt", b"whatever".to_vec(), ".txt"),
        ("in-notzip.docx", b"not a zip".to_vec(), "not a Word .docx"),
    ];
    for (name, bytes, expect) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let (d, ok) = run(&args(&[&p], dir.path(), false));
        assert!(!ok, "{name}");
        assert!(messages(&d).contains(expect), "{name}: {}", messages(&d));
    }
    assert!(written(dir.path()).is_empty(), "{:?}", written(dir.path()));
}

#[test]
fn windows_1258_text_is_decoded() {
    // "Kế hoạch Lào Cai" in Windows-1258: base letters plus combining tone marks.
    let bytes = b"K\xea\xec ho\x61\xf2ch L\xe0o Cai, \xf0\xf4\xcc ph\xfd\xf5ng";
    let (text, note) = read::decode_text(bytes).unwrap();
    assert_eq!(text, "Kế hoạch Lào Cai, đồ phương");
    assert_eq!(note.as_deref(), Some("Windows-1258"));
}

#[test]
fn text_in_no_plan_shape_still_becomes_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in-notes.txt");
    std::fs::write(
        &input,
        "Ghi chú cuộc họp giao ban.\nKhông có tiêu đề kế hoạch.\n",
    )
    .unwrap();
    let (d, ok) = run(&args(&[&input], dir.path(), false));
    assert!(ok, "{}", messages(&d));
    let text = std::fs::read_to_string(dir.path().join("in-notes.md")).unwrap();
    assert!(text.contains("draft: true"));
    assert!(text.contains("title: Ghi chú cuộc họp giao ban."));
    assert!(text.contains("# issuer: phần đầu không ghi cơ quan ban hành"));
    let parsed = document::parse(Path::new("x.md"), Section::Plan, "x", &text);
    assert!(parsed.diagnostics.iter().all(|d| !d.is_error()));
}

/// Builds a .docx the way Word lays one out: the header as a two-cell table,
/// runs split mid-word, a tab and a line break inside paragraphs.
fn docx(path: &Path) {
    let para = |t: &str| format!("<w:p><w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r></w:p>");
    let mut body = String::from("<w:tbl><w:tr><w:tc>");
    body += &para("ỦY BAN NHÂN DÂN");
    body += &para("TỈNH LAI CHÂU");
    body += &para("Số: 45/KH-UBND");
    body += "</w:tc><w:tc>";
    body += &para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    body += &para("Lai Châu, ngày 15 tháng 10 năm 2025");
    body += "</w:tc></w:tr></w:tbl>";
    body += &para("KẾ HOẠCH");
    body += &para("Tổ chức các hoạt động hưởng ứng Ngày Dân số thế giới năm 2025");
    body += "<w:p><w:r><w:t>Căn cứ Quyết định số 1745/QĐ-</w:t></w:r><w:r><w:t>TTg ngày 15/8/2025 của Thủ tướng Chính phủ;</w:t></w:r></w:p>";
    body += &para("I. MỤC ĐÍCH, YÊU CẦU");
    body += "<w:p><w:r><w:t>- Hưởng ứng Ngày Dân số thế giới (11/7)</w:t><w:tab/><w:t>trên toàn tỉnh.</w:t></w:r></w:p>";
    body += &para("TM. ỦY BAN NHÂN DÂN");
    body += "<w:p><w:r><w:t>CHỦ TỊCH</w:t><w:br/><w:t>Lê Văn Lương</w:t></w:r></w:p>";
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("[Content_Types].xml", opts).unwrap();
    zip.write_all(b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>").unwrap();
    zip.start_file("word/document.xml", opts).unwrap();
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap();
}

#[test]
fn a_docx_fixture_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.docx");
    docx(&input);
    let (d, ok) = run(&args(&[&input], dir.path(), false));
    assert!(ok, "{}", messages(&d));
    let text = std::fs::read_to_string(dir.path().join("lai-chau-2025.md")).unwrap();
    let doc = document::parse(Path::new("x.md"), Section::Plan, "x", &text)
        .document
        .unwrap();
    assert_eq!(
        doc.title,
        "Kế hoạch tổ chức các hoạt động hưởng ứng Ngày Dân số thế giới năm 2025"
    );
    assert_eq!(doc.issuer.as_deref(), Some("Ủy ban nhân dân tỉnh Lai Châu"));
    assert_eq!(doc.number.unwrap().display, "45/KH-UBND");
    assert_eq!(doc.date.unwrap().to_string(), "2025-10-15");
    assert_eq!(doc.signer.as_deref(), Some("Lê Văn Lương"));
    assert_eq!(doc.basis.len(), 1);
    assert_eq!(doc.basis[0].number.display, "1745/QĐ-TTg");
    assert_eq!(doc.campaigns.len(), 1);
    assert!(text.contains("## I. MỤC ĐÍCH, YÊU CẦU"));
    assert!(text.contains("- Hưởng ứng Ngày Dân số thế giới (11/7) trên toàn tỉnh."));
    assert!(!doc.draft);
}
