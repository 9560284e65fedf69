//! Rule 5: pages for cited documents that are not in `content/`.
//!
//! A stub belongs to the place rule 3 decided, so every ward of Hải Phòng
//! citing the city's `16-KH/TU` shares `16-kh-tu-2025-hai-phong`. It says what
//! its citations say and no more: number, type, a date when they agree, and
//! an issuer that one citation's OCR typo cannot decide. Where the number's
//! code fixes the issuer (`KL/TW`, `QĐ-TTg`, `QH15`, `BYT`), the official
//! name wins; otherwise the spelling most citations agree on, after folding
//! near-identical spellings (typos) into the most common of them.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;

use super::place::Scope;
use crate::content::model::{is_national, Document, Reference, Section};
use crate::legal::issuer;
use crate::text::{fold_key, slugify};

/// Identity of a stub: number and, for local codes, the place it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Group {
    key: String,
    place: Option<String>,
}

/// A missing document, as its citations describe it.
struct Draft {
    reference: Reference,
    place: Option<String>,
    year: Option<i32>,
    dates: Vec<NaiveDate>,
    /// Every issuer spelling the citations give, in citation order.
    issuers: Vec<String>,
}

/// Collects the citations of missing documents into stubs.
#[derive(Default)]
pub struct Stubs {
    drafts: Vec<Draft>,
    groups: BTreeMap<Group, Vec<usize>>,
}

impl Stubs {
    /// The stub a missing reference points to (created on first sight).
    /// `scope` is rule 3's reading of the reference, None for national codes
    /// or when nothing says (the citing jurisdiction then).
    pub fn add(&mut self, citing: &Document, r: &Reference, scope: Option<&Scope>) -> usize {
        let place = if r.number.is_local() {
            match scope {
                Some(s) => Some(s.place().to_string()),
                None => citing.jurisdiction.clone().filter(|j| !is_national(j)),
            }
        } else {
            None
        };
        let group = Group {
            key: r.number.key.clone(),
            place: place.as_ref().map(|s| fold_key(s)),
        };
        let year = r.pinned_year();
        let members = self.groups.entry(group).or_default();
        let drafts = &mut self.drafts;
        // Same year, or one side does not say: the same document.
        let found = members
            .iter()
            .copied()
            .find(|&s| drafts[s].year == year)
            .or_else(|| {
                if year.is_none() && members.len() == 1 {
                    Some(members[0])
                } else {
                    None
                }
            });
        let found = found.or_else(|| {
            members
                .iter()
                .copied()
                .find(|&s| drafts[s].year.is_none())
                .inspect(|&s| drafts[s].year = year)
        });
        let s = match found {
            Some(s) => s,
            None => {
                drafts.push(Draft {
                    reference: r.clone(),
                    place,
                    year,
                    dates: Vec::new(),
                    issuers: Vec::new(),
                });
                members.push(drafts.len() - 1);
                drafts.len() - 1
            }
        };
        let draft = &mut drafts[s];
        if let Some(d) = r.date {
            draft.dates.push(d);
        }
        if let Some(i) = &r.issuer {
            draft.issuers.push(i.clone());
        }
        if draft.reference.type_name.is_none() {
            draft.reference.type_name = r.type_name.clone();
        }
        s
    }

    /// Turns the drafts into documents; returns them and each draft's position
    /// among them. Slugs already `taken` by content files get a suffix.
    pub fn finish(&self, taken: &HashSet<&str>) -> (Vec<Document>, Vec<usize>) {
        let mut docs: Vec<Document> = Vec::with_capacity(self.drafts.len());
        let mut pos = vec![0; self.drafts.len()];
        let mut used: HashSet<String> = HashSet::new();
        for members in self.groups.values() {
            for &s in members {
                pos[s] = docs.len();
                let mut d = document(&self.drafts[s]);
                let mut n = 1;
                let base = d.slug.clone();
                while taken.contains(d.id.as_str()) || used.contains(&d.id) {
                    n += 1;
                    d.slug = format!("{base}-{n}");
                    d.id = format!("documents/{}", d.slug);
                }
                used.insert(d.id.clone());
                docs.push(d);
            }
        }
        (docs, pos)
    }
}

fn document(s: &Draft) -> Document {
    let r = &s.reference;
    let mut dates = s.dates.clone();
    dates.sort_unstable();
    dates.dedup();
    let date = if dates.len() == 1 {
        Some(dates[0])
    } else {
        None
    };
    let mut slug = r.number.slug();
    if let Some(y) = s.year {
        slug.push_str(&format!("-{y}"));
    }
    if let Some(place) = &s.place {
        slug.push('-');
        slug.push_str(&slugify(place));
    }
    let type_name = r
        .type_name
        .clone()
        .or_else(|| r.number.type_name().map(str::to_string));
    let title = match &type_name {
        Some(t) => format!("{t} số {}", r.number.display),
        None => format!("Văn bản số {}", r.number.display),
    };
    let issuer = match issuer::official_name(&r.number) {
        Some(name) => Some(name.to_string()),
        None => best_attested(&s.issuers).map(|i| complete(&i, s.place.as_deref())),
    };
    Document {
        id: format!("documents/{slug}"),
        section: Section::Document,
        slug,
        path: std::path::PathBuf::new(),
        title,
        number: Some(r.number.clone()),
        type_name,
        issuer,
        jurisdiction: s.place.clone().or_else(|| {
            if r.number.is_local() {
                None
            } else {
                Some("Trung ương".into())
            }
        }),
        date,
        signer: None,
        basis: Vec::new(),
        cites: Vec::new(),
        mentions: Vec::new(),
        campaigns: Vec::new(),
        draft: false,
        body: Default::default(),
        body_line: 1,
        summary: None,
        aliases: Vec::new(),
        precision: Default::default(),
        short_title: None,
        unnumbered: None,
        life: Default::default(),
    }
}

/// Two spellings this close (edit distance over the longer length, on the
/// folded text) are one name with a typo: "Bộ Chinh tri" and "Bộ Chính trị".
const SAME_NAME: f64 = 0.2;

/// The spelling most citations agree on. Spellings are first grouped with
/// the near-identical ones (OCR typos, missing diacritics); the largest group
/// wins, and within it the most frequent exact spelling, then the one with
/// more diacritics, then the one seen first (never hash order).
pub fn best_attested(spellings: &[String]) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    for s in spellings {
        match at.get(s.as_str()) {
            Some(&i) => counts[i].1 += 1,
            None => {
                at.insert(s, counts.len());
                counts.push((s.clone(), 1));
            }
        }
    }
    // Union near-identical spellings into clusters (few spellings per stub).
    let keys: Vec<String> = counts.iter().map(|(s, _)| fold_key(s)).collect();
    let mut cluster: Vec<usize> = (0..counts.len()).collect();
    for i in 0..counts.len() {
        for j in 0..i {
            let longest = keys[i].chars().count().max(keys[j].chars().count()).max(1);
            let d = strsim::damerau_levenshtein(&keys[i], &keys[j]);
            if (d as f64) / (longest as f64) <= SAME_NAME {
                let (a, b) = (cluster[i], cluster[j]);
                for c in cluster.iter_mut() {
                    if *c == a {
                        *c = b;
                    }
                }
            }
        }
    }
    let mut total: HashMap<usize, usize> = HashMap::new();
    for (i, (_, n)) in counts.iter().enumerate() {
        *total.entry(cluster[i]).or_default() += n;
    }
    let best_cluster = (0..counts.len())
        .map(|i| cluster[i])
        .max_by_key(|c| (total[c], std::cmp::Reverse(*c)))?;
    (0..counts.len())
        .filter(|&i| cluster[i] == best_cluster)
        .max_by_key(|&i| (counts[i].1, marks(&counts[i].0), std::cmp::Reverse(i)))
        .map(|i| counts[i].0.clone())
}

/// Letters with diacritics: between two equally frequent spellings of one
/// name, the one that lost fewer marks to OCR.
fn marks(s: &str) -> usize {
    s.chars().filter(|c| !c.is_ascii()).count()
}

/// "Thành ủy" cited for Hải Phòng's document is "Thành ủy Hải Phòng": an
/// issuer that ends in its level word gets the place's name rule 3 decided.
fn complete(issuer_name: &str, place: Option<&str>) -> String {
    let Some(place) = place else {
        return issuer_name.to_string();
    };
    let named = issuer::places(issuer_name);
    let unnamed_end = named.first().is_some_and(|p| p.name.is_none())
        && named.len() == 1
        && issuer::places(&format!("{issuer_name} X"))
            .first()
            .and_then(|p| p.name.clone())
            == Some("X".into());
    if !unnamed_end {
        return issuer_name.to_string();
    }
    let last = place.rsplit('/').next().unwrap_or(place);
    let (_, name) = issuer::split_segment(last);
    format!("{issuer_name} {name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn one_typo_never_wins() {
        assert_eq!(
            best_attested(&v(&["Bộ Chinh tri", "Bộ Chính trị", "Bộ Chính trị"])).as_deref(),
            Some("Bộ Chính trị")
        );
        // The typo seen first still loses to the agreed spelling.
        assert_eq!(
            best_attested(&v(&[
                "Ban Chấp hành Trung ương Đảng khóa XlI",
                "Ban Chấp hành Trung ương Đảng khóa XII",
                "Ban Chấp hành Trung ương Đảng khóa XII",
                "Hội nghị Trung ương 6",
            ]))
            .as_deref(),
            Some("Ban Chấp hành Trung ương Đảng khóa XII")
        );
        // Two typos of one name outvote a single other name.
        assert_eq!(
            best_attested(&v(&["Tỉnh ủy Lao Cai", "Tỉnh ủy Lào Cai", "Sở Y tế"])).as_deref(),
            Some("Tỉnh ủy Lào Cai")
        );
        assert_eq!(best_attested(&[]), None);
    }

    #[test]
    fn an_unnamed_level_gets_the_place() {
        assert_eq!(
            complete("Thành ủy", Some("Hải Phòng")),
            "Thành ủy Hải Phòng"
        );
        assert_eq!(
            complete("Ban Thường vụ Tỉnh ủy", Some("Lai Châu")),
            "Ban Thường vụ Tỉnh ủy Lai Châu"
        );
        assert_eq!(
            complete("Đảng ủy phường", Some("Hải Phòng/phường Hưng Đạo")),
            "Đảng ủy phường Hưng Đạo"
        );
        assert_eq!(
            complete("Tỉnh ủy Lào Cai", Some("Lào Cai")),
            "Tỉnh ủy Lào Cai"
        );
        assert_eq!(complete("Sở Y tế", Some("Lào Cai")), "Sở Y tế");
        assert_eq!(complete("Thành ủy", None), "Thành ủy");
    }
}
