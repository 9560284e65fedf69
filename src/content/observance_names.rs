//! One observance, however its name is typed: names that differ only in
//! case or diacritics ("Ngày Dân số thế giới", "ngày dân số Thế giới",
//! "Ngay Dan so the gioi") on the same day are one observance. `check` warns
//! about each spelling that is not the one the portal shows.

use std::collections::BTreeMap;

use super::model::{Document, Section, When};
use crate::diag::{Diagnostic, Diagnostics};
use crate::text::fold_key;

/// The key two spellings of one observance share.
pub fn key(name: &str, when: When) -> (String, When) {
    (fold_key(name), when)
}

/// The spelling shown for an observance, from `(name, on a campaign page)`
/// pairs in document order: a `content/campaigns/` page's (reviewed), else
/// the most used, else the first.
pub fn chosen<'a>(spellings: impl IntoIterator<Item = (&'a str, bool)>) -> Option<&'a str> {
    let mut counts: Vec<(&str, usize, bool)> = Vec::new();
    for (name, page) in spellings {
        match counts.iter_mut().find(|(n, ..)| *n == name) {
            Some(c) => {
                c.1 += 1;
                c.2 |= page;
            }
            None => counts.push((name, 1, page)),
        }
    }
    if let Some(&(n, ..)) = counts.iter().find(|c| c.2) {
        return Some(n);
    }
    // max_by_key keeps the last of equals: reverse so the first wins ties.
    counts.iter().rev().max_by_key(|c| c.1).map(|c| c.0)
}

/// Warns at every campaign entry whose name is another spelling of an
/// observance named differently elsewhere.
pub fn check(docs: &[Document], diags: &mut Diagnostics) {
    let mut groups: BTreeMap<(String, When), Vec<(&Document, usize)>> = BTreeMap::new();
    for d in docs {
        for (k, c) in d.campaigns.iter().enumerate() {
            groups.entry(key(&c.name, c.when)).or_default().push((d, k));
        }
    }
    for entries in groups.values() {
        let names = entries
            .iter()
            .map(|&(d, k)| (d.campaigns[k].name.as_str(), d.section == Section::Campaign));
        let Some(shown) = chosen(names) else { continue };
        for &(d, k) in entries {
            let c = &d.campaigns[k];
            if c.name != shown {
                diags.push(
                    Diagnostic::warning(format!(
                        "ngày kỷ niệm “{}” chỉ khác “{shown}” ở chữ hoa hoặc dấu: hai tên được gộp làm một, hiển thị là “{shown}”",
                        c.name
                    ))
                    .at(&d.path, c.line)
                    .help(format!("viết thống nhất: `{shown}`")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn campaign_page_then_most_used_then_first() {
        assert_eq!(
            chosen([("a", false), ("B", false), ("B", false)]),
            Some("B")
        );
        assert_eq!(chosen([("a", false), ("B", false)]), Some("a"));
        assert_eq!(chosen([("a", false), ("a", false), ("B", true)]), Some("B"));
        assert_eq!(chosen(std::iter::empty()), None);
    }
}
