//! Where a plan applies when its header does not say: read from the body.
//!
//! A ward's plan may reach `import` without its header (the scan starts at
//! "KẾ HOẠCH"). A clerk still knows where it belongs: the body names the
//! ward ("trên địa bàn phường Hưng Đạo"), and the plans it implements name
//! the city in their issuer ("… của Thành ủy Hải Phòng"). This module reads
//! those two clues; the result is always marked as inferred.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::clean::Block;
use super::names::{self, Place};
use crate::legal::cite;

// Every `Regex::new(…).expect(…)` here compiles a literal: it cannot fail.

/// A jurisdiction read from the body, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inferred {
    pub jurisdiction: String,
    pub how: String,
    /// The ward or commune named in the body, if any.
    pub local: Option<Place>,
}

/// The lower-level place the body names most often ("phường Hưng Đạo").
pub fn local_place(blocks: &[Block]) -> Option<Place> {
    static LOCAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(phường|xã|đặc khu|thị trấn)\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3})")
            .expect("valid regex")
    });
    let mut count: HashMap<(String, String), usize> = HashMap::new();
    let mut order: Vec<(String, String)> = Vec::new();
    for b in blocks {
        for c in LOCAL.captures_iter(&b.text) {
            let key = (c[1].to_string(), c[2].to_string());
            if !count.contains_key(&key) {
                order.push(key.clone());
            }
            *count.entry(key).or_default() += 1;
        }
    }
    let best = order.into_iter().max_by_key(|k| count[k])?;
    Some(Place {
        level: best.0,
        name: best.1,
    })
}

/// The province or city named most often in the issuers of cited documents.
pub fn cited_province(blocks: &[Block]) -> Option<(&'static str, String)> {
    let mut count: HashMap<&'static str, (usize, String)> = HashMap::new();
    for b in blocks {
        for c in cite::find_all(&b.text) {
            let Some(issuer) = c.issuer.as_deref() else {
                continue;
            };
            if let Some(p) = names::province_in(issuer) {
                count.entry(p).or_insert((0, c.text.clone())).0 += 1;
            }
        }
    }
    count
        .into_iter()
        .max_by_key(|(p, (n, _))| (*n, std::cmp::Reverse(*p)))
        .map(|(p, (_, text))| (p, text))
}

/// The jurisdiction from the body: "Hải Phòng/phường Hưng Đạo", or either part.
/// `known` is the issuer's own place, when the header gave a lower-level one.
pub fn infer(blocks: &[Block], known: Option<&Place>) -> Option<Inferred> {
    let local = known.cloned().or_else(|| local_place(blocks));
    let province = cited_province(blocks);
    let local_how = |l: &Place| match known {
        Some(_) => format!("{} {} theo cơ quan ban hành", l.level, l.name),
        None => format!("nội dung nhắc \"{} {}\"", l.level, l.name),
    };
    match (local, province) {
        (Some(l), Some((p, text))) if names::province_in(&l.name) != Some(p) => Some(Inferred {
            jurisdiction: format!("{p}/{} {}", l.level, l.name),
            how: format!(
                "{}; {p} theo cơ quan ban hành của văn bản được dẫn \"{text}\"",
                local_how(&l)
            ),
            local: Some(l),
        }),
        (Some(l), _) if known.is_none() => Some(Inferred {
            jurisdiction: format!("{} {}", l.level, l.name),
            how: local_how(&l),
            local: Some(l),
        }),
        (None, Some((p, text))) => Some(Inferred {
            jurisdiction: p.to_string(),
            how: format!("theo cơ quan ban hành của văn bản được dẫn \"{text}\""),
            local: None,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(t: &str) -> Block {
        Block {
            text: t.into(),
            lineno: 1,
        }
    }

    #[test]
    fn a_ward_in_the_body_and_the_city_in_a_cited_issuer() {
        let blocks = [
            b("Thực hiện Kế hoạch số 16-KH/TU ngày 10/3/2025 của Thành ủy Hải Phòng về công tác dân số;"),
            b("Tổ chức tuyên truyền trên địa bàn phường Hưng Đạo, nhất là khu dân cư."),
            b("UBND phường Hưng Đạo giao các đoàn thể thực hiện."),
        ];
        let got = infer(&blocks, None).unwrap();
        assert_eq!(got.jurisdiction, "Hải Phòng/phường Hưng Đạo");
        assert!(got.how.contains("Thành ủy Hải Phòng"), "{}", got.how);
        assert_eq!(got.local.unwrap().name, "Hưng Đạo");
    }

    #[test]
    fn nothing_named_nothing_inferred() {
        assert_eq!(infer(&[b("Các xã, phường thực hiện.")], None), None);
    }
}
