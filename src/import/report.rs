//! The import report: the officer's checklist for one drafted plan.
//!
//! An officer compares the draft with the signed plan; the report tells them
//! where to look: what was found (and where), what was inferred, what the
//! OCR-noise layer corrected, what was left out and what is missing. The
//! wording lives here, in Vietnamese, with the comments the draft carries.

use std::path::Path;

use super::draft::Draft;
use super::ocr::Correction;

/// The front matter comment for one OCR correction.
pub fn correction_comment(c: &Correction) -> String {
    if c.to.is_empty() {
        format!("Sửa lỗi OCR, dòng {}: bỏ \"{}\"", c.line, c.from)
    } else {
        format!(
            "Sửa lỗi OCR, dòng {}: \"{}\" → \"{}\"",
            c.line, c.from, c.to
        )
    }
}

/// The front matter comment for an observance left out for its date.
pub fn bad_date_comment(campaign: &str) -> String {
    format!(
        "campaigns: bỏ \"{campaign}\": ngày này không có trong lịch; ghi lại ngày đúng theo bản ký"
    )
}

/// The front matter comment for an inferred field.
pub fn inferred_comment(key: &str, how: &str) -> String {
    format!("{key}: suy ra, cần kiểm tra ({how})")
}

/// One block per file, in the order an officer checks a draft.
pub fn report(src: &Path, target: &Path, d: &Draft, encoding: Option<&str>) -> String {
    let mut s = format!(
        "{} → {}{}\n",
        src.display(),
        target.display(),
        if d.front.draft {
            " (bản nháp: draft: true)"
        } else {
            ""
        }
    );
    if let Some(enc) = encoding {
        s.push_str(&format!("  đọc theo bảng mã {enc}\n"));
    }
    let found: Vec<_> = d
        .rows
        .iter()
        .filter(|r| r.value.is_some() && !d.inferred.contains(&r.key))
        .collect();
    let inferred: Vec<_> = d
        .rows
        .iter()
        .filter(|r| r.value.is_some() && d.inferred.contains(&r.key))
        .collect();
    let missing: Vec<_> = d.rows.iter().filter(|r| r.value.is_none()).collect();
    let value = |key: &str, v: &str| {
        if key == "basis" || key == "campaigns" {
            format!("{} ({})", v.split(" | ").count(), v)
        } else {
            v.to_string()
        }
    };
    if !found.is_empty() {
        s.push_str("  Đã tìm thấy:\n");
        for r in found {
            let v = value(r.key, r.value.as_deref().unwrap_or(""));
            s.push_str(&format!("    {:<13}{v}\n", r.key));
            s.push_str(&format!("    {:<13}↳ {}\n", "", r.how));
        }
    }
    if !inferred.is_empty() {
        s.push_str("  Suy ra (cần kiểm tra với bản ký):\n");
        for r in inferred {
            let v = value(r.key, r.value.as_deref().unwrap_or(""));
            s.push_str(&format!("    {:<13}{v}\n", r.key));
            s.push_str(&format!("    {:<13}↳ {}\n", "", r.how));
        }
    }
    if !d.corrections.is_empty() {
        s.push_str(&format!(
            "  Đã sửa lỗi OCR ({}; mỗi chỗ có ghi chú trong bản nháp):\n",
            d.corrections.len()
        ));
        for c in &d.corrections {
            let what = if c.to.is_empty() {
                format!("bỏ \"{}\"", c.from)
            } else {
                format!("\"{}\" → \"{}\"", c.from, c.to)
            };
            s.push_str(&format!("    dòng {}: {what}\n", c.line));
        }
    }
    if !d.bad_dates.is_empty() {
        s.push_str("  Đã bỏ ra (ngày không có trong lịch, cần ghi lại theo bản ký):\n");
        for b in &d.bad_dates {
            s.push_str(&format!("    campaigns    {b}\n"));
        }
    }
    if !missing.is_empty() {
        s.push_str("  Còn thiếu:\n");
        for r in missing {
            s.push_str(&format!("    {:<13}{}\n", r.key, r.how));
        }
    }
    s.push_str(&format!(
        "  Tham chiếu: {} trong nội dung, {} trong tiêu đề ({} tất cả)\n",
        d.refs_in_body,
        d.refs_in_title,
        d.refs_in_body + d.refs_in_title
    ));
    s.push_str(&format!(
        "  Nội dung: {} đề mục, {} đoạn, {} mục liệt kê; đã bỏ {} số trang, {} dòng tiêu đề lặp lại, {} dòng rác\n\n",
        d.stats.headings,
        d.stats.paragraphs,
        d.stats.list_items,
        d.dropped.page_numbers,
        d.dropped.running_headers,
        d.dropped.junk
    ));
    s
}
