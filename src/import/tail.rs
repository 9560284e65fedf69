//! The end of a signed plan: "Nơi nhận:" (recipients) and the signature block.
//!
//! On paper these are two columns at the foot of the last page; extraction
//! prints them one after the other or side by side. This module owns finding
//! where they start, reading the signer's name ("the last name line after
//! TM./KT./CHỦ TỊCH"), and rendering both as a small closing section so the
//! body ends the way the signed document does.

use std::sync::LazyLock;

use regex::Regex;

use super::clean::{is_all_caps, is_signature_role, match_view, Line};
use super::header::Field;

// Every `Regex::new(…).expect(…)` here compiles a literal (or a pattern
// built from escaped parts): it cannot fail, and `expect` only says so.

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tail {
    pub recipients_label: Option<String>,
    pub recipients: Vec<String>,
    pub roles: Vec<String>,
    pub signer: Field,
    /// The name as OCR printed it, when its diacritics were restored.
    pub raw_signer: Option<String>,
}

/// Where the closing block starts (an index into `lines`; `lines.len()` if none).
pub fn start(lines: &[Line]) -> usize {
    // The closing block is in the second half of a real plan; a short text
    // (a test, a one-page notice) is searched whole.
    let from = if lines.len() > 60 { lines.len() / 2 } else { 0 };
    let received = lines[from..]
        .iter()
        .rposition(|l| is_received(match_view(&l.text)))
        .map(|i| i + from);
    let from_sig = lines.len().saturating_sub(25).max(from);
    let role = lines[from_sig..]
        .iter()
        .position(|l| cells(&l.raw).iter().any(|c| is_signature_role(c)))
        .map(|i| i + from_sig);
    let at = match (received, role) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => return lines.len(),
    };
    // The signer's name printed above the capacity line belongs to the block.
    match at.checked_sub(1).map(|i| match_view(&lines[i].text)) {
        Some(prev) if is_name(prev) && role == Some(at) => at - 1,
        _ => at,
    }
}

fn cells(raw: &str) -> Vec<String> {
    static SPLIT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s{3,}|\t+").expect("valid regex"));
    SPLIT
        .split(raw)
        .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|c| !c.is_empty())
        .collect()
}

/// Reads the closing lines into recipients, roles and the signer.
pub fn read(lines: &[Line]) -> Tail {
    let mut t = Tail::default();
    let mut signature: Vec<String> = Vec::new();
    for line in lines {
        let cs = cells(&line.raw);
        for (i, cell) in cs.iter().enumerate() {
            let view = match_view(cell).to_string();
            if is_received(&view) {
                let (label, rest) = match view.find(':') {
                    Some(p) => (view[..=p].to_string(), view[p + 1..].trim().to_string()),
                    None => (view.clone(), String::new()),
                };
                t.recipients_label = Some(label);
                if !rest.is_empty() {
                    t.recipients
                        .push(rest.trim_start_matches(['-', ' ']).to_string());
                }
            } else if view.starts_with(['-', '+', '•']) {
                // Signature lines never start with a dash: a bullet is a
                // recipient even when the columns are printed side by side.
                t.recipients
                    .push(view.trim_start_matches(['-', '+', '•', ' ']).to_string());
            } else if is_signature_role(&view)
                || !signature.is_empty()
                || i > 0
                || (is_name(&view) && !view.ends_with([';', ',', '.']))
            {
                // OCR may print the name before "T/M BAN THƯỜNG VỤ": a name line
                // is never a recipient's continuation.
                signature.push(view);
            } else if let Some(last) = t.recipients.last_mut() {
                // A recipient wrapped onto the next line.
                last.push(' ');
                last.push_str(&view);
            } else {
                signature.push(view);
            }
        }
    }
    let name_at = signature
        .iter()
        .rposition(|s| is_name(s) && !is_all_caps_title(s));
    t.signer = match name_at {
        Some(i) => {
            let name = name_case(&signature[i]);
            match super::person::restore(&name) {
                Some(restored) => {
                    t.raw_signer = Some(signature[i].clone());
                    Field {
                        value: Some(restored),
                        how: format!(
                            "tên trong khối chữ ký, OCR bỏ mất dấu: \"{}\"; dấu khôi phục theo danh sách âm tiết tên",
                            signature[i]
                        ),
                    }
                }
                None => Field {
                    value: Some(name),
                    how: "dòng tên cuối của khối chữ ký".into(),
                },
            }
        }
        None if signature.is_empty() => Field {
            value: None,
            how: "cuối văn bản không có khối chữ ký (TM./KT./CHỦ TỊCH)".into(),
        },
        None => Field {
            value: None,
            how: "khối chữ ký không có dòng tên (ký số?)".into(),
        },
    };
    t.roles = signature
        .iter()
        .enumerate()
        .filter(|(i, s)| Some(*i) != name_at && !s.is_empty())
        .map(|(_, s)| s.clone())
        .collect();
    t
}

/// "Nơi nhận:", also misread ("Noi nhận", "Nơi nhân", "NƠI NHẬN"), with its colon.
fn is_received(view: &str) -> bool {
    let key = crate::text::fold_key(view);
    key.starts_with("noi nhan") && (key.len() == 8 || key[8..].starts_with([':', ' ', ';', '.']))
}

/// A signature title the name check must not take for a name ("PHÓ BÍ THƯ").
fn is_all_caps_title(s: &str) -> bool {
    is_all_caps(s) && is_signature_role(s)
}

/// "Tống Thanh Hải": two to six capitalised words of letters, not a role.
fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && !is_signature_role(s)
        && words.iter().all(|w| {
            w.chars().all(char::is_alphabetic) && w.chars().next().is_some_and(char::is_uppercase)
        })
        && !matches!(words[0], "TM" | "KT" | "Q" | "TL")
        && ![
            "uy ban", "nhan dan", "chu tich", "giam doc", "bi thu", "da ky",
        ]
        .iter()
        .any(|w| crate::text::fold_key(s).contains(w))
}

/// A name printed in capitals is written with each word capitalised.
fn name_case(s: &str) -> String {
    if !is_all_caps(s) {
        return s.to_string();
    }
    s.split_whitespace()
        .map(|w| super::names::capitalize(&w.to_lowercase()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The closing section: a rule, the recipients, the signature.
pub fn render(t: &Tail) -> String {
    let mut out = String::from("---\n");
    if t.recipients_label.is_some() || !t.recipients.is_empty() {
        let label = t.recipients_label.as_deref().unwrap_or("Nơi nhận:");
        out.push_str(&format!("\n**{label}**\n\n"));
        for r in &t.recipients {
            out.push_str("- ");
            out.push_str(&super::body::escape_start(r));
            out.push('\n');
        }
    }
    if !t.roles.is_empty() {
        out.push('\n');
        let roles: Vec<String> = t.roles.iter().map(|r| format!("**{r}**")).collect();
        // A backslash at the end of a line is CommonMark's hard line break.
        out.push_str(&roles.join("\\\n"));
        out.push('\n');
    }
    if let Some(name) = &t.signer.value {
        out.push_str(&format!("\n**{name}**\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::clean;

    #[test]
    fn recipients_and_signature_in_sequence() {
        let text = "Nội dung./.\nNơi nhận:\n- Văn phòng Chính phủ (để b/c);\n\n- TT. Tỉnh uỷ (để b/c);\n- Lưu VT, VX1.\nTM. UỶ BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n \n\nTống Thanh Hải ";
        let (lines, _) = clean::lines(text);
        let s = start(&lines);
        assert_eq!(lines[s].text, "Nơi nhận:");
        let t = read(&lines[s..]);
        assert_eq!(t.signer.value.as_deref(), Some("Tống Thanh Hải"));
        assert_eq!(t.recipients.len(), 3);
        assert_eq!(
            t.roles,
            ["TM. UỶ BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
        );
        let md = render(&t);
        assert!(md.starts_with("---\n\n**Nơi nhận:**\n\n- Văn phòng Chính phủ (để b/c);\n"));
        assert!(md.contains("**TM. UỶ BAN NHÂN DÂN**\\\n**KT. CHỦ TỊCH**"));
        assert!(md.ends_with("\n**Tống Thanh Hải**\n"));
    }

    #[test]
    fn two_columns_side_by_side() {
        let text = "Nơi nhận:                         TM. ỦY BAN NHÂN DÂN\n- Bộ Y tế;                         CHỦ TỊCH\n- Lưu: VT.\n\n                                  NGUYỄN VĂN A";
        let (lines, _) = clean::lines(text);
        let t = read(&lines[start(&lines)..]);
        assert_eq!(t.recipients, ["Bộ Y tế;", "Lưu: VT."]);
        assert_eq!(t.roles, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
        assert_eq!(t.signer.value.as_deref(), Some("Nguyễn Văn A"));
    }

    #[test]
    fn a_signature_in_any_order_and_case() {
        for text in [
            "Nội dung./.\nNơi nhận:\n- Như trên;\n- Lưu VP.\nNguyễn Văn Quang\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ",
            "Nội dung./.\nNguyen Van Quang\nt/m BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nNoi nhận:\n- Như trên;\n- Lưu VP.",
            "Nội dung./.\nNơi nhận:\n- Như trên;\n- Lưu VP.\nTm BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nNGUYỄN VĂN QUANG",
        ] {
            let (lines, _) = clean::lines(text);
            let t = read(&lines[start(&lines)..]);
            assert_eq!(t.signer.value.as_deref(), Some("Nguyễn Văn Quang"), "{text}");
            assert_eq!(t.recipients, ["Như trên;", "Lưu VP."], "{text}");
            assert_eq!(t.roles.len(), 2, "{text}: {:?}", t.roles);
        }
    }

    #[test]
    fn stripped_diacritics_are_restored_and_the_raw_kept() {
        let (lines, _) = clean::lines("x\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTONG THANH HAI");
        let t = read(&lines[start(&lines)..]);
        assert_eq!(t.signer.value.as_deref(), Some("Tống Thanh Hải"));
        assert_eq!(t.raw_signer.as_deref(), Some("TONG THANH HAI"));
    }

    #[test]
    fn emphasis_around_the_roles() {
        let (lines, _) = clean::lines("x\n**KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**\n\nVũ Thị Hiền Hạnh");
        let t = read(&lines[start(&lines)..]);
        assert_eq!(t.signer.value.as_deref(), Some("Vũ Thị Hiền Hạnh"));
        assert_eq!(t.roles, ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
    }
}
