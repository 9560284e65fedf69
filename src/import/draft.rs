//! One input text → one drafted plan: front matter, body, and what was found.
//!
//! Pure (no I/O), so unit tests drive it with strings. It runs the stages in
//! the order the text needs them: clean the layout first, then read the
//! header and the closing block, then the body, so every later stage sees
//! rejoined lines and whole document numbers.

use super::clean::{self, Dropped};
use super::frontmatter::FrontMatter;
use super::header::{self, Field};
use super::{body, names, ocr, place, refs, tail};
use crate::legal::cite;

/// What one row of the report says about a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub key: &'static str,
    pub value: Option<String>,
    pub how: String,
}

#[derive(Debug, Clone)]
pub struct Draft {
    pub front: FrontMatter,
    pub body: String,
    pub rows: Vec<Row>,
    /// Year for the file name: the date's, the date line's or the subject's.
    pub year: Option<i32>,
    pub number_slug: Option<String>,
    pub refs_in_body: usize,
    pub refs_in_title: usize,
    pub stats: body::Stats,
    pub dropped: Dropped,
    /// What the OCR-noise layer changed.
    pub corrections: Vec<ocr::Correction>,
    /// Keys whose value was inferred, not read where the field is printed.
    pub inferred: Vec<&'static str>,
    /// Observances left out because their written date does not exist.
    pub bad_dates: Vec<String>,
}

/// Drafts a plan from its text. `paragraphs`: every line is a paragraph (Word).
pub fn draft(text: &str, paragraphs: bool, jurisdiction: Option<&str>) -> Draft {
    let text = clean::normalize(text);
    let fixed = ocr::correct(&text);
    let text = fixed.text;
    let (lines, dropped) = clean::lines(&text);
    let paragraphs = paragraphs || clean::paragraph_per_line(&lines);
    let head = header::parse(&lines, paragraphs);
    let tail_at = tail::start(&lines).max(head.body_from);
    let body_lines = &lines[head.body_from..tail_at];
    let blocks = clean::join(body_lines, paragraphs, clean::line_width(body_lines));
    let opening_len = blocks
        .iter()
        .position(|b| clean::has_marker(&b.text))
        .unwrap_or(blocks.len());
    let opening = &blocks[..opening_len];
    let closing = tail::read(&lines[tail_at..]);

    let mut rows = Vec::new();
    let title = match &head.title.value {
        Some(t) => t.clone(),
        None => {
            let first = lines.first().map_or("Kế hoạch", |l| l.text.as_str());
            let t: String = first.chars().take(120).collect();
            rows.push(Row {
                key: "title",
                value: None,
                how: format!("{}; tạm ghi dòng đầu tiên: cần thay", head.title.how),
            });
            t
        }
    };
    if head.title.value.is_some() {
        rows.push(row("title", &head.title));
    }

    let mut inferred: Vec<&'static str> = Vec::new();
    let ward = place::local_place(&blocks);
    let (issuer, place) = match (&head.issuer.value, &head.place) {
        (Some(_), place) => (head.issuer.clone(), place.clone()),
        (None, _) => {
            // No header: a bare "Ủy ban nhân dân phường ban hành" takes the
            // ward the body names.
            let fallback = head
                .date_place
                .clone()
                .or_else(|| ward.as_ref().map(|w| w.name.clone()));
            match header::issuer_from_opening(opening, fallback.as_deref()) {
                Some((mut f, p))
                    if head.date_place.is_none()
                        && fallback.as_deref() == Some(p.name.as_str()) =>
                {
                    if ward.as_ref().is_some_and(|w| w.level == p.level) {
                        f.how = format!(
                            "câu ban hành không nêu tên {}; tên theo nội dung: \"{} {}\"",
                            p.level, p.level, p.name
                        );
                        inferred.push("issuer");
                        (f, Some(p))
                    } else {
                        (head.issuer.clone(), None)
                    }
                }
                Some((f, p)) => (f, Some(p)),
                None => (head.issuer.clone(), None),
            }
        }
    };
    rows.push(row("issuer", &issuer));
    let from_body = |known: Option<&names::Place>| place::infer(&blocks, known);
    let juris = match (jurisdiction, &place) {
        (Some(j), _) => Field {
            value: Some(j.to_string()),
            how: "theo --jurisdiction".into(),
        },
        (None, Some(p)) if p.jurisdiction() == p.name => Field {
            value: Some(p.jurisdiction()),
            how: "địa phương của cơ quan ban hành".into(),
        },
        (None, Some(p)) => match from_body(Some(p)) {
            Some(i) => {
                inferred.push("jurisdiction");
                Field {
                    value: Some(i.jurisdiction),
                    how: i.how,
                }
            }
            None => Field {
                value: Some(p.jurisdiction()),
                how: "địa phương của cơ quan ban hành".into(),
            },
        },
        (None, None) => match from_body(None) {
            Some(i) => {
                inferred.push("jurisdiction");
                Field {
                    value: Some(i.jurisdiction),
                    how: i.how,
                }
            }
            None => Field {
                value: None,
                how: "cơ quan ban hành và nội dung không nêu địa phương: dùng --jurisdiction"
                    .into(),
            },
        },
    };
    rows.push(row("jurisdiction", &juris));
    rows.push(row("number", &head.number));
    let period = blank_day_date(&head);
    let date = Field {
        value: head
            .date
            .map(|d| d.format("%Y-%m-%d").to_string())
            .or_else(|| period.clone()),
        how: match &period {
            Some(_) => format!("{}; ghi đến tháng hoặc năm mà dòng đó cho", head.date_how),
            None => head.date_how.clone(),
        },
    };
    rows.push(row("date", &date));
    rows.push(row("signer", &closing.signer));

    let basis = refs::basis(opening, &head.subject);
    let basis_how = if basis.paragraphs == 0 && head.subject.is_empty() {
        "không có đoạn \"Căn cứ …\" / \"Thực hiện …\" trước đề mục đầu tiên".to_string()
    } else {
        let mut how = format!("{} đoạn mở đầu và trích yếu", basis.paragraphs);
        if !basis.nested.is_empty() {
            how.push_str(&format!(
                "; bỏ qua văn bản mà các văn bản đó thực hiện: {}",
                basis.nested.join(", ")
            ));
        }
        how
    };
    rows.push(Row {
        key: "basis",
        value: (!basis.entries.is_empty()).then(|| basis.entries.join(" | ")),
        how: basis_how,
    });
    let (found_campaigns, impossible) = refs::campaigns_checked(&blocks);
    let campaigns: Vec<String> = found_campaigns.iter().map(|c| c.yaml_text()).collect();
    let bad_dates: Vec<String> = impossible.iter().map(|c| c.yaml_text()).collect();
    rows.push(Row {
        key: "campaigns",
        value: (!campaigns.is_empty()).then(|| campaigns.join(" | ")),
        how: if campaigns.is_empty() {
            "nội dung không nêu ngày kỷ niệm nào kèm ngày tháng".into()
        } else {
            "ngày kỷ niệm nêu trong nội dung, kèm ngày/tháng".into()
        },
    });

    let (mut md, stats) = body::render(&blocks);
    if tail_at < lines.len() {
        if !md.is_empty() {
            md.push('\n');
        }
        md.push_str(&tail::render(&closing));
    }
    let draft = issuer.value.is_none() || date.value.is_none() || head.number.value.is_none();
    let mut missing = Vec::new();
    for r in &rows {
        if r.value.is_none() && !matches!(r.key, "campaigns" | "title") {
            missing.push((r.key, r.how.clone()));
        }
    }
    let mut review: Vec<String> = Vec::new();
    for c in &fixed.corrections {
        review.push(super::report::correction_comment(c));
    }
    for b in &bad_dates {
        review.push(super::report::bad_date_comment(b));
    }
    if closing.raw_signer.is_some() {
        inferred.push("signer");
    }
    for r in &rows {
        if inferred.contains(&r.key) {
            review.push(super::report::inferred_comment(r.key, &r.how));
        }
    }
    let number_slug = head
        .number
        .value
        .as_deref()
        .and_then(crate::legal::number::parse)
        .map(|n| n.slug());
    Draft {
        front: FrontMatter {
            title,
            number: head.number.value.clone(),
            issuer: issuer.value,
            jurisdiction: juris.value,
            date: head.date,
            date_period: period,
            source: None,
            signer: closing.signer.value,
            basis: basis.entries,
            campaigns,
            draft,
            notes: Vec::new(),
            missing,
            review,
        },
        refs_in_body: cite::find_all(&md).len(),
        refs_in_title: cite::find_all(&head.subject).len(),
        body: md,
        rows,
        year: head.year,
        number_slug,
        stats,
        dropped,
        corrections: fixed.corrections,
        inferred,
        bad_dates,
    }
}

/// `8/2025` or `2026` when the date line ("ngày    tháng 8 năm 2025") leaves
/// the day (or the day and month) blank: the contract's month and year dates,
/// so nothing is invented and nothing the text says is left out.
fn blank_day_date(head: &header::Header) -> Option<String> {
    if head.date.is_some() || head.date_place.is_none() {
        return None;
    }
    let year = head.year?;
    Some(match head.partial_month {
        Some(m) if (1..=12).contains(&m) => format!("{m}/{year}"),
        _ => year.to_string(),
    })
}

fn row(key: &'static str, f: &Field) -> Row {
    Row {
        key,
        value: f.value.clone(),
        how: f.how.clone(),
    }
}
