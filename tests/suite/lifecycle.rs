//! Is it still in force? `replaces`, `amends`, `repeals`, `expires`, the
//! status they give as of the build's "now", month- and year-precision
//! dates, `short_title`, and the signed original (`source`).

use serde_json::Value;

use crate::support::*;

const EPOCH_2023_06_01: &str = "1685577600";
const EPOCH_2025_01_01: &str = "1735689600";

fn plan_fm(number: &str, date: &str, extra: &str) -> String {
    format!(
        "title: Kế hoạch số {number}
number: {number}
issuer: Ủy ban nhân dân tỉnh Lào Cai
jurisdiction: Lào Cai
date: {date}
{extra}"
    )
}

/// Three plans across years, each replacing the one before.
fn chain_site(epoch: &str) -> Site {
    let s = Site::new().at_epoch(epoch);
    s.plan(
        "p2022",
        &plan_fm("154/KH-UBND", "2022-03-01", ""),
        "Nội dung.\n",
    );
    s.plan(
        "p2024",
        &plan_fm(
            "20/KH-UBND",
            "2024-02-01",
            "replaces:\n  - Kế hoạch số 154/KH-UBND ngày 01/3/2022 của UBND tỉnh Lào Cai",
        ),
        "Nội dung.\n",
    );
    s.plan(
        "p2026",
        &plan_fm(
            "5/KH-UBND",
            "2026-03-01",
            "replaces:\n  - { number: 20/KH-UBND, date: 2024-02-01 }",
        ),
        "Nội dung.\n",
    );
    s
}

/// The page's JSON-LD, parsed.
fn jsonld(page: &str) -> Value {
    let start = pos(page, "application/ld+json\">") + "application/ld+json\">".len();
    let end = start + page[start..].find("</script>").unwrap();
    serde_json::from_str(&page[start..end]).unwrap()
}

fn status(j: &Value, id: &str) -> String {
    doc(j, id)["status"].as_str().unwrap().to_string()
}

#[test]
fn replacement_chain_status_as_of_three_dates() {
    let expect = [
        (EPOCH_2023_06_01, ["in_force", "in_force", "in_force"]),
        (EPOCH_2025_01_01, ["replaced", "in_force", "in_force"]),
        (EPOCH_2026_07_01, ["replaced", "replaced", "in_force"]),
    ];
    for (epoch, want) in expect {
        let s = chain_site(epoch);
        s.built();
        let j = s.json();
        let got: Vec<String> = ["plans/p2022", "plans/p2024", "plans/p2026"]
            .iter()
            .map(|id| status(&j, id))
            .collect();
        assert_eq!(got, want, "as of epoch {epoch}");
    }
    // Edges and their reverse, whatever the date.
    let s = chain_site(EPOCH_2026_07_01);
    s.built();
    let j = s.json();
    assert_eq!(
        targets(&doc(&j, "plans/p2024")["replaces"]),
        ["plans/p2022"]
    );
    assert_eq!(ids(&doc(&j, "plans/p2022")["replaced_by"]), ["plans/p2024"]);
    assert_eq!(ids(&doc(&j, "plans/p2024")["replaced_by"]), ["plans/p2026"]);
    assert_eq!(
        ids(&doc(&j, "plans/p2026")["replaced_by"]),
        Vec::<String>::new()
    );
    // The replaced plan's page says so at the top, and what to read instead:
    // the end of the chain.
    let page = s.page("/plans/p2022/");
    let top = pos(&page, "Đã được thay thế bởi");
    assert!(top < pos(&page, "class=\"meta\""), "status is at the top");
    assert!(page.contains("Kế hoạch 20/KH-UBND ngày 01/02/2024"));
    let read = &page[pos(&page, "Xem văn bản thay thế")..];
    assert!(
        links_to(read, "/plans/p2026/"),
        "read instead links the plan in force"
    );
    assert!(s.page("/plans/p2026/").contains("Đang có hiệu lực"));
    // JSON-LD: replaced is not in force; the replacing plan changes the old one.
    assert!(page.contains("\"legislationLegalForce\":\"https://schema.org/NotInForce\""));
    let ld = jsonld(&s.page("/plans/p2024/"));
    assert_eq!(ld["legislationChanges"][0]["@id"], "/plans/p2022/");
    // Every list item carries its status in words.
    let list = s.page("/plans/");
    assert!(
        list.matches("Đã được thay thế</span>").count() == 2,
        "{list}"
    );
    assert!(list.contains("Đang có hiệu lực</span>"));
    // Lists filter by status with plain links.
    assert!(links_to(&list, "/plans/status/replaced/"));
    let replaced = s.page("/plans/status/replaced/");
    assert!(links_to(&replaced, "/plans/p2022/") && links_to(&replaced, "/plans/p2024/"));
    assert!(!links_to(&replaced, "/plans/p2026/"));
}

#[test]
fn amendment_repeal_and_expiry() {
    let s = Site::new().at_epoch(EPOCH_2026_07_01);
    s.plan(
        "base",
        &plan_fm("1/KH-UBND", "2025-01-10", ""),
        "Nội dung.\n",
    );
    s.plan(
        "amender",
        &plan_fm("2/KH-UBND", "2025-06-10", "amends: [1/KH-UBND]"),
        "Nội dung.\n",
    );
    s.plan(
        "old",
        &plan_fm("3/KH-UBND", "2024-01-10", ""),
        "Nội dung.\n",
    );
    s.plan(
        "repealer",
        &plan_fm("4/KH-UBND", "2025-02-10", "repeals:\n  - 3/KH-UBND"),
        "Nội dung.\n",
    );
    s.plan(
        "short",
        &plan_fm("6/KH-UBND", "2025-01-10", "expires: 2025-12-31"),
        "Nội dung.\n",
    );
    s.plan(
        "later",
        &plan_fm("7/KH-UBND", "2026-01-10", "expires: 2026-12-31"),
        "Nội dung.\n",
    );
    s.built();
    let j = s.json();
    let base = doc(&j, "plans/base");
    assert_eq!(base["status"], "in_force");
    assert_eq!(base["amended"], true);
    assert_eq!(ids(&base["amended_by"]), ["plans/amender"]);
    assert_eq!(targets(&doc(&j, "plans/amender")["amends"]), ["plans/base"]);
    let page = s.page("/plans/base/");
    assert!(page.contains("Đang có hiệu lực"));
    assert!(page.contains("Đã được sửa đổi, bổ sung bởi"));
    assert!(page.contains("\"legislationLegalForce\":\"https://schema.org/InForce\""));
    let amender = jsonld(&s.page("/plans/amender/"));
    assert_eq!(amender["legislationChanges"][0]["@id"], "/plans/base/");
    assert_eq!(amender["legislationAmends"][0]["@id"], "/plans/base/");

    assert_eq!(status(&j, "plans/old"), "repealed");
    assert_eq!(
        ids(&doc(&j, "plans/old")["repealed_by"]),
        ["plans/repealer"]
    );
    let old = s.page("/plans/old/");
    assert!(old.contains("Đã bị bãi bỏ bởi"));
    assert!(old.contains("\"legislationLegalForce\":\"https://schema.org/NotInForce\""));
    assert_eq!(
        jsonld(&s.page("/plans/repealer/"))["legislationRepeals"][0]["@id"],
        "/plans/old/"
    );

    assert_eq!(status(&j, "plans/short"), "expired");
    assert!(s
        .page("/plans/short/")
        .contains("Hết hiệu lực từ 01/01/2026"));
    assert_eq!(status(&j, "plans/later"), "in_force");

    // The same site a year and a half earlier: nothing has changed yet.
    let early = Site::new().at_epoch(EPOCH_2025_01_01);
    for f in ["base", "amender", "old", "repealer", "short"] {
        let rel = format!("content/plans/{f}.md");
        early.write(&rel, &std::fs::read_to_string(s.root().join(&rel)).unwrap());
    }
    early.built();
    let j = early.json();
    for id in ["plans/base", "plans/old", "plans/short"] {
        assert_eq!(status(&j, id), "in_force", "{id} as of 2025-01-01");
    }
    assert_eq!(doc(&j, "plans/base")["amended"], false);
}

#[test]
fn month_and_year_dates_are_shown_written_and_sorted_as_periods() {
    let s = Site::new();
    s.plan("day-15-aug", &plan_fm("1/KH-UBND", "15/8/2025", ""), "");
    s.plan("aug", &plan_fm("2/KH-UBND", "tháng 8 năm 2025", ""), "");
    s.plan("day-1-sep", &plan_fm("3/KH-UBND", "2025-09-01", ""), "");
    s.plan("y2024", &plan_fm("4/KH-UBND", "năm 2024", ""), "");
    s.plan("day-2025", &plan_fm("5/KH-UBND", "2025-01-02", ""), "");
    s.built();
    let j = s.json();
    assert_eq!(doc(&j, "plans/aug")["date"], "2025-08");
    assert_eq!(doc(&j, "plans/y2024")["date"], "2024");
    assert_eq!(doc(&j, "plans/day-15-aug")["date"], "2025-08-15");
    let list = s.page("/plans/");
    let order: Vec<usize> = ["day-1-sep", "aug", "day-15-aug", "day-2025", "y2024"]
        .iter()
        .map(|n| pos(&list, &format!("/plans/{n}/")))
        .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "newest first, a month as its end: {order:?}"
    );
    let aug = s.page("/plans/aug/");
    assert!(aug.contains(">tháng 8/2025<"), "shown as the month");
    assert!(aug.contains("\"legislationDate\":\"2025-08\""));
    assert!(!aug.contains("31/08/2025"), "no invented day");
    let y = s.page("/plans/y2024/");
    assert!(y.contains(">năm 2024<") && y.contains("\"legislationDate\":\"2024\""));
}

#[test]
fn short_title_in_lists_title_and_tree_full_title_on_the_page() {
    let s = Site::new();
    s.doc(
        "nq",
        "title: Nghị quyết về nâng cao chất lượng dân số tỉnh Lào Cai đến năm 2030, tầm nhìn đến năm 2050
short_title: Chất lượng dân số Lào Cai
number: 27-NQ/TU
issuer: Tỉnh ủy Lào Cai
jurisdiction: Lào Cai
date: 2022-07-01",
        "",
    );
    s.plan(
        "p",
        &plan_fm(
            "9/KH-UBND",
            "2026-01-15",
            "short_title: Dân số 2026\nbasis: [27-NQ/TU]",
        ),
        "",
    );
    s.built();
    let page = s.page("/documents/nq/");
    assert!(page.contains("<title>Chất lượng dân số Lào Cai – "));
    assert!(page.contains("<meta property=\"og:title\" content=\"Chất lượng dân số Lào Cai\">"));
    assert!(
        page.contains("<h1 id=\"doc-title\">Nghị quyết về nâng cao chất lượng dân số tỉnh Lào Cai")
    );
    let plan = s.page("/plans/p/");
    let tree = &plan[pos(&plan, "class=\"tree\"")..];
    assert!(
        tree.contains("<span class=\"tree-title\">Chất lượng dân số Lào Cai</span>"),
        "the basis tree uses the short title (beside type, number, issuer and date)"
    );
    let list = s.page("/documents/");
    assert!(list.contains(">Chất lượng dân số Lào Cai</a>"));
    assert_eq!(
        doc(&s.json(), "documents/nq")["short_title"],
        "Chất lượng dân số Lào Cai"
    );
    assert_eq!(doc(&s.json(), "plans/p")["short_title"], "Dân số 2026");
}

#[test]
fn unnumbered_plan_shows_the_blank_number() {
    let s = Site::new();
    s.plan(
        "p",
        "title: Kế hoạch công tác dân số năm 2026
number: /KH-UBND
issuer: Ủy ban nhân dân tỉnh Lào Cai
jurisdiction: Lào Cai
date: 2026",
        "",
    );
    s.built();
    assert!(s.page("/plans/p/").contains("…/KH-UBND (chưa ghi số)"));
    let j = s.json();
    assert_eq!(doc(&j, "plans/p")["number"], Value::Null);
    assert_eq!(doc(&j, "plans/p")["type"], "Kế hoạch");
}

/// A few bytes that are not text: a copy that re-encodes them would differ.
const PDF: &[u8] = b"%PDF-1.4\n\x00\xff\xfe\x80binary\r\n%%EOF\n";

#[test]
fn source_is_copied_byte_identical_and_linked() {
    let s = Site::new();
    s.write_bytes("content/plans/goc/lao-cai-2026.pdf", PDF);
    s.plan(
        "lao-cai-2026",
        &plan_fm("12/KH-UBND", "2026-01-15", "source: goc/lao-cai-2026.pdf"),
        "",
    );
    s.built();
    let copied = std::fs::read(s.out().join("plans/lao-cai-2026/lao-cai-2026.pdf")).unwrap();
    assert_eq!(copied, PDF);
    let page = s.page("/plans/lao-cai-2026/");
    assert!(links_to(&page, "/plans/lao-cai-2026/lao-cai-2026.pdf"));
    assert!(page.contains(&format!("Văn bản gốc (PDF, {} B)", PDF.len())));
    assert!(
        pos(&page, "Văn bản gốc") < pos(&page, "class=\"prose\""),
        "near the top"
    );
    assert_eq!(
        doc(&s.json(), "plans/lao-cai-2026")["source"],
        "/plans/lao-cai-2026/lao-cai-2026.pdf"
    );
}

/// Every unsafe or impossible `source` is an error at its line, and nothing is written.
#[test]
fn bad_sources_are_refused_at_their_line() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.pdf"), PDF).unwrap();
    let cases: Vec<(&str, &str)> = vec![
        ("../../site.yaml", "`..`"),
        ("/etc/passwd", "absolute"),
        ("khong-co.pdf", "does not exist"),
        ("thu-muc", "is a folder"),
        ("link.pdf", "outside `content/`"),
        ("trang.html", "not a document or image"),
        ("lon.pdf", "more than the 100 MB"),
    ];
    for (src, says) in cases {
        let s = Site::new();
        std::fs::create_dir_all(s.root().join("content/plans/thu-muc")).unwrap();
        s.write("content/plans/trang.html", "<script>alert(1)</script>");
        #[cfg(unix)]
        std::os::unix::fs::symlink(
            outside.path().join("secret.pdf"),
            s.root().join("content/plans/link.pdf"),
        )
        .unwrap();
        if src == "lon.pdf" {
            let f = std::fs::File::create(s.root().join("content/plans/lon.pdf")).unwrap();
            f.set_len(101 * 1024 * 1024).unwrap(); // sparse: no 100 MB written
        }
        s.plan(
            "p",
            &plan_fm("12/KH-UBND", "2026-01-15", &format!("source: {src}")),
            "",
        );
        let r = s.build();
        r.fails().located("content/plans/p.md", 7).says(says);
        if src == "lon.pdf" {
            r.says("101 MB");
        }
        assert!(!s.out().exists(), "{src}: nothing written");
        s.check().fails().located("content/plans/p.md", 7);
    }
}

/// The bad inputs: each an error naming file and line, nothing written.
#[test]
fn bad_lifecycle_inputs_are_errors_at_their_line() {
    let cases: Vec<(&str, &str, usize, &str)> = vec![
        (
            "expires-early",
            "expires: 2025-12-31",
            7,
            "before the document's `date`",
        ),
        ("day-zero", "", 6, "there is no day 0"),
        ("month-13", "", 6, "there is no month 13"),
        (
            "anachronism",
            "replaces:\n  - { number: 99/KH-UBND, date: 2026-05-01 }",
            8,
            "issued after it",
        ),
        (
            "anachronism-resolved",
            "replaces:\n  - 98/KH-UBND",
            8,
            "issued after it",
        ),
        ("self", "replaces: [12/KH-UBND]", 7, "replaces itself"),
    ];
    for (name, extra, line, says) in cases {
        let s = Site::new();
        let date = match name {
            "day-zero" => "0/8/2025",
            "month-13" => "13/2025",
            _ => "2026-01-15",
        };
        s.plan("p", &plan_fm("12/KH-UBND", date, extra), "");
        s.plan("later", &plan_fm("98/KH-UBND", "2026-03-01", ""), "");
        let r = s.build();
        r.fails().located("content/plans/p.md", line).says(says);
        assert!(!s.out().exists(), "{name}: nothing written");
    }
}

#[test]
fn replaced_twice_and_cycles_name_the_files() {
    let s = Site::new();
    s.plan("old", &plan_fm("1/KH-UBND", "2024-01-10", ""), "");
    s.plan(
        "a",
        &plan_fm("2/KH-UBND", "2025-01-10", "replaces: [1/KH-UBND]"),
        "",
    );
    s.plan(
        "b",
        &plan_fm("3/KH-UBND", "2025-02-10", "replaces: [1/KH-UBND]"),
        "",
    );
    let r = s.build();
    r.fails()
        .says("replaced twice")
        .says("content/plans/a.md")
        .says("content/plans/b.md");
    assert!(!s.out().exists());

    let s = Site::new();
    s.plan(
        "x",
        &plan_fm("1/KH-UBND", "2025-01-10", "replaces: [2/KH-UBND]"),
        "",
    );
    s.plan(
        "y",
        &plan_fm("2/KH-UBND", "2025-01-10", "replaces: [1/KH-UBND]"),
        "",
    );
    let r = s.build();
    r.fails()
        .says("cycle")
        .says("content/plans/x.md")
        .says("content/plans/y.md")
        .located("content/plans/y.md", 7);
    assert!(!s.out().exists());
}

#[test]
fn a_change_naming_a_missing_document_makes_a_stub_with_its_status() {
    let s = Site::new().at_epoch(EPOCH_2026_07_01);
    s.plan(
        "p",
        &plan_fm(
            "12/KH-UBND",
            "2026-01-15",
            "replaces:\n  - Kế hoạch số 154/KH-UBND ngày 01/4/2021 của UBND tỉnh Lào Cai",
        ),
        "",
    );
    let r = s.build();
    r.ok().says("154/KH-UBND");
    let j = s.json();
    let t = targets(&doc(&j, "plans/p")["replaces"]);
    assert_eq!(t.len(), 1);
    let stub = doc(&j, &t[0]);
    assert_eq!(stub["stub"], true);
    assert_eq!(stub["status"], "replaced");
    assert_eq!(ids(&stub["replaced_by"]), ["plans/p"]);
}
