//! Rule 3: the place a local citation points to, read the way a clerk reads it.
//!
//! In order: a place named in the issuer words ("của Tỉnh ủy Lào Cai"); a
//! level word without a name ("của Thành ủy", "Đảng ủy phường": the citing
//! document's ancestor at that level); a code that carries its level (`TU`:
//! the province; `ĐU`: start at the commune); otherwise the citing
//! jurisdiction, nearest first. The words come from [`crate::legal::issuer`];
//! this module matches them against the site's jurisdictions.

use std::collections::HashMap;

use crate::content::model::{is_national, Reference};
use crate::legal::issuer::{self, Level};
use crate::text::fold_key;

/// Where the resolver looks for a local reference's document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Only this place (the citation names it, or names its level).
    Exact(String),
    /// This place, then its ancestors, nearest first (a code's level).
    From(String),
    /// A place the citation names that is no jurisdiction of the site: its
    /// stub goes there, and `check` warns.
    Unknown { place: String, named: String },
}

impl Scope {
    /// The place a stub of this reference belongs to.
    pub fn place(&self) -> &str {
        match self {
            Scope::Exact(p) | Scope::From(p) | Scope::Unknown { place: p, .. } => p,
        }
    }

    /// Places to look in, nearest first.
    pub fn search(&self) -> Vec<String> {
        match self {
            Scope::From(p) => crate::content::model::jurisdiction_chain(p),
            Scope::Exact(p) | Scope::Unknown { place: p, .. } => vec![p.clone()],
        }
    }
}

/// Every jurisdiction of the site (and each of its ancestors), by name.
#[derive(Debug, Default)]
pub struct Places {
    /// Folded name (no level word) → (level, path as written), sorted by path.
    by_name: HashMap<String, Vec<(Level, String)>>,
}

impl Places {
    pub fn new<'a>(jurisdictions: impl IntoIterator<Item = &'a str>) -> Places {
        let mut by_name: HashMap<String, Vec<(Level, String)>> = HashMap::new();
        let mut seen = std::collections::HashSet::new();
        for j in jurisdictions {
            if is_national(j) || !seen.insert(fold_key(j)) {
                continue;
            }
            for (path, level, name) in levels(j) {
                let list = by_name.entry(fold_key(name)).or_default();
                if !list.iter().any(|(_, p)| fold_key(p) == fold_key(&path)) {
                    list.push((level, path));
                }
            }
        }
        for list in by_name.values_mut() {
            list.sort_by(|a, b| a.1.cmp(&b.1));
        }
        Places { by_name }
    }

    /// Rule 3 for a local reference `r` made by a document of `citing`
    /// (its jurisdiction). None: nothing says where; look nearest first from
    /// the citing jurisdiction.
    pub fn decide(&self, citing: Option<&str>, r: &Reference) -> Option<Scope> {
        let citing = citing.filter(|j| !is_national(j));
        let named = r.issuer.as_deref().map(issuer::places).unwrap_or_default();
        if let Some(first) = named.first() {
            match &first.name {
                Some(name) => return Some(self.named(citing, first.level, name, &named)),
                None => {
                    if let Some(p) = citing.and_then(|c| ancestor_at(c, first.level)) {
                        return Some(Scope::Exact(p));
                    }
                }
            }
        }
        let level = issuer::code_level(&r.number)?;
        citing.and_then(|c| ancestor_at(c, level)).map(Scope::From)
    }

    /// A named place: the jurisdiction of that name and level nearest the
    /// citing document (its own province first), else an unknown place.
    fn named(
        &self,
        citing: Option<&str>,
        level: Level,
        name: &str,
        all: &[issuer::Place],
    ) -> Scope {
        let province_named = all
            .iter()
            .find(|p| p.level == Level::Province)
            .and_then(|p| p.name.as_deref())
            .filter(|_| level != Level::Province);
        let home = citing.and_then(|c| ancestor_at(c, Level::Province));
        let within = province_named.map(str::to_string).or(home.clone());
        let found: Vec<&String> = self
            .by_name
            .get(&fold_key(name))
            .into_iter()
            .flatten()
            .filter(|(l, _)| *l == level)
            .map(|(_, p)| p)
            .collect();
        let in_province = |p: &&&String| {
            within
                .as_deref()
                .is_some_and(|w| fold_key(&province_of(p)) == fold_key(w))
        };
        if let Some(p) = found.iter().find(in_province).or(found.first()) {
            return Scope::Exact((*p).clone());
        }
        let place = match (level, within) {
            (Level::Province, _) | (_, None) => name.to_string(),
            (level, Some(province)) => format!("{province}/{} {name}", level_word(level)),
        };
        Scope::Unknown {
            place,
            named: name.to_string(),
        }
    }
}

fn level_word(level: Level) -> &'static str {
    match level {
        Level::Province => "tỉnh",
        Level::District => "huyện",
        Level::Commune => "xã",
    }
}

/// The first segment of a path.
fn province_of(path: &str) -> String {
    path.split('/').next().unwrap_or(path).trim().to_string()
}

/// Each prefix of a jurisdiction with its level and bare name:
/// `Lào Cai/huyện Bát Xát/xã A` → Lào Cai (province), …/huyện Bát Xát
/// (district), …/xã A (commune). A segment without a level word is a commune
/// when it is the last of two or more, else a district.
fn levels(j: &str) -> Vec<(String, Level, &str)> {
    let segs: Vec<&str> = j
        .split('/')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let mut out = Vec::with_capacity(segs.len());
    for (i, seg) in segs.iter().enumerate() {
        let (word, name) = issuer::split_segment(seg);
        let level = if i == 0 {
            Level::Province
        } else {
            word.unwrap_or(if i + 1 == segs.len() {
                Level::Commune
            } else {
                Level::District
            })
        };
        out.push((segs[..=i].join("/"), level, name));
    }
    out
}

/// The citing jurisdiction's ancestor (or itself) at `level`.
fn ancestor_at(citing: &str, level: Level) -> Option<String> {
    levels(citing)
        .into_iter()
        .find(|(_, l, _)| *l == level)
        .map(|(p, _, _)| p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::legal::cite;

    fn reference(text: &str) -> Reference {
        let c = cite::parse_one(text).unwrap();
        Reference {
            text: text.into(),
            number: c.number,
            date: c.date,
            year: None,
            type_name: c.type_name,
            issuer: c.issuer,
            line: None,
        }
    }

    fn places() -> Places {
        Places::new([
            "Lào Cai",
            "Lào Cai/phường Cam Đường",
            "Lào Cai/xã Tả Van",
            "Hải Phòng/phường Hưng Đạo",
            "Hải Phòng/xã Tả Van",
            "Lai Châu/huyện Sìn Hồ/xã Pa Tần",
            "Trung ương",
        ])
    }

    #[test]
    fn clerk_reads_the_place() {
        let p = places();
        let ward = Some("Hải Phòng/phường Hưng Đạo");
        let cases: &[(Option<&str>, &str, Option<Scope>)] = &[
            // Named place, at its level.
            (
                ward,
                "Kế hoạch số 30-KH/TU ngày 14/9/2025 của Tỉnh ủy Lào Cai",
                Some(Scope::Exact("Lào Cai".into())),
            ),
            // Level word without a name: the citing document's ancestor.
            (
                ward,
                "Kế hoạch số 16-KH/TU ngày 1/3/2025 của Thành ủy",
                Some(Scope::Exact("Hải Phòng".into())),
            ),
            (
                ward,
                "Kế hoạch số 5/KH-UBND của Ủy ban nhân dân thành phố",
                Some(Scope::Exact("Hải Phòng".into())),
            ),
            (
                ward,
                "Nghị quyết số 3-NQ/ĐU của Đảng ủy phường",
                Some(Scope::Exact("Hải Phòng/phường Hưng Đạo".into())),
            ),
            // A code that carries its level.
            (ward, "16-KH/TU", Some(Scope::From("Hải Phòng".into()))),
            (
                ward,
                "3-NQ/ĐU",
                Some(Scope::From("Hải Phòng/phường Hưng Đạo".into())),
            ),
            (
                Some("Lai Châu/huyện Sìn Hồ/xã Pa Tần"),
                "7-NQ/HU",
                Some(Scope::From("Lai Châu/huyện Sìn Hồ".into())),
            ),
            // District code cited after 2025 (no district): nearest first.
            (ward, "7-NQ/HU", None),
            // Nothing said: nearest first from the citing jurisdiction.
            (ward, "Kế hoạch số 12/KH-UBND", None),
            // A commune name shared by two provinces: the citing province's.
            (
                Some("Lào Cai/phường Cam Đường"),
                "Kế hoạch số 2/KH-UBND của UBND xã Tả Van",
                Some(Scope::Exact("Lào Cai/xã Tả Van".into())),
            ),
            // A province that is no jurisdiction of the site.
            (
                ward,
                "Kế hoạch số 9/KH-UBND của UBND tỉnh Quảng Ninh",
                Some(Scope::Unknown {
                    place: "Quảng Ninh".into(),
                    named: "Quảng Ninh".into(),
                }),
            ),
            (
                ward,
                "Kế hoạch số 9/KH-UBND của UBND xã Hòa Bình",
                Some(Scope::Unknown {
                    place: "Hải Phòng/xã Hòa Bình".into(),
                    named: "Hòa Bình".into(),
                }),
            ),
        ];
        for (citing, text, want) in cases {
            assert_eq!(&p.decide(*citing, &reference(text)), want, "{text}");
        }
    }
}
