//! `/data/documents.json` at national size: past [`SPLIT_AT`] documents one
//! file would be tens of megabytes (66 MB at 34,000 plans) that no open-data
//! user can fetch on a phone line, so the documents are split by province into
//! `/data/jurisdictions/<slug>.json` (same shape as the whole file) and
//! `/data/documents.json` becomes the index of those parts.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use super::data::documents_json;
use crate::content::model::{is_national, jurisdiction_chain, Section};
use crate::graph::lifecycle::Status;
use crate::graph::{Idx, Library};
use crate::text::slug_of_name;

/// Documents (plans, documents, stubs) above which the open data is split.
pub const SPLIT_AT: usize = 10_000;

/// The part of documents that name no place, and of national ones.
const NATIONAL: (&str, &str) = ("trung-uong", "Trung ương");
const UNPLACED: (&str, &str) = ("khong-ro-dia-phuong", "Không rõ địa phương");

#[derive(Serialize)]
struct Index<'a> {
    /// How many documents all parts hold.
    total: usize,
    parts: Vec<Part<'a>>,
}

#[derive(Serialize)]
struct Part<'a> {
    jurisdiction: &'a str,
    url: String,
    documents: usize,
}

/// Every open-data file, as (output path, bytes): `data/documents.json`
/// alone up to `split_at` documents, else the index and one part per province.
pub fn files(lib: &Library, statuses: &[Status], split_at: usize) -> Vec<(String, Vec<u8>)> {
    let listed = |i: &Idx| lib.nodes[*i].doc.section != Section::Campaign;
    let total = (0..lib.nodes.len()).filter(listed).count();
    if total <= split_at {
        return vec![(
            "data/documents.json".into(),
            documents_json(lib, statuses, 0..lib.nodes.len()),
        )];
    }
    // slug → (shown name, members in index order)
    let mut parts: BTreeMap<String, (String, Vec<Idx>)> = BTreeMap::new();
    for i in (0..lib.nodes.len()).filter(listed) {
        let place = lib.nodes[i].doc.jurisdiction.as_deref();
        let (slug, name) = match place
            .map(jurisdiction_chain)
            .and_then(|c| c.last().cloned())
        {
            Some(p) if !is_national(&p) => (slug_of_name(&p), p),
            Some(_) => (NATIONAL.0.into(), NATIONAL.1.into()),
            None => (UNPLACED.0.into(), UNPLACED.1.into()),
        };
        parts
            .entry(slug)
            .or_insert_with(|| (name, Vec::new()))
            .1
            .push(i);
    }
    let mut out: Vec<(String, Vec<u8>)> = parts
        .par_iter()
        .map(|(slug, (_, members))| {
            (
                format!("data/jurisdictions/{slug}.json"),
                documents_json(lib, statuses, members.iter().copied()),
            )
        })
        .collect();
    let index = Index {
        total,
        parts: parts
            .iter()
            .map(|(slug, (name, members))| Part {
                jurisdiction: name,
                url: format!("/data/jurisdictions/{slug}.json"),
                documents: members.len(),
            })
            .collect(),
    };
    let mut bytes = serde_json::to_vec_pretty(&index).expect("plain data always serializes");
    bytes.push(b'\n');
    out.push(("data/documents.json".into(), bytes));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::document;

    fn library(places: &[&str]) -> Library {
        let docs = places
            .iter()
            .enumerate()
            .map(|(i, place)| {
                let src = format!(
                    "---\ntitle: K {i}\nissuer: X\njurisdiction: {place}\ndate: 2025-01-01\n---\n"
                );
                let (path, name) = (format!("content/plans/p{i}.md"), format!("p{i}"));
                document::parse(std::path::Path::new(&path), Section::Plan, &name, &src)
                    .document
                    .expect("a valid plan")
            })
            .collect();
        crate::graph::resolve::build(docs, &mut crate::diag::Diagnostics::default())
    }

    fn json(files: &[(String, Vec<u8>)], path: &str) -> serde_json::Value {
        let (_, bytes) = files.iter().find(|(p, _)| p == path).expect(path);
        serde_json::from_slice(bytes).unwrap()
    }

    #[test]
    fn small_sites_keep_one_file_and_large_ones_split_by_province() {
        let lib = library(&["Lào Cai/xã A", "Lào Cai", "Huế/phường B", "Trung ương"]);
        let statuses = crate::graph::lifecycle::statuses(&lib, crate::pipeline::now().date());
        let one = files(&lib, &statuses, 4);
        assert_eq!(one.len(), 1);
        assert_eq!(
            json(&one, "data/documents.json")["documents"]
                .as_array()
                .unwrap()
                .len(),
            4
        );

        let split = files(&lib, &statuses, 3);
        let index = json(&split, "data/documents.json");
        assert_eq!(index["total"], 4);
        let parts: Vec<_> = index["parts"].as_array().unwrap().iter().collect();
        assert_eq!(parts.len(), 3, "{index}");
        let lao_cai = parts
            .iter()
            .find(|p| p["jurisdiction"] == "Lào Cai")
            .unwrap();
        assert_eq!(lao_cai["url"], "/data/jurisdictions/lao-cai.json");
        assert_eq!(lao_cai["documents"], 2);
        let part = json(&split, "data/jurisdictions/lao-cai.json");
        let ids: Vec<_> = part["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["id"].clone())
            .collect();
        assert_eq!(
            ids,
            ["plans/p0", "plans/p1"],
            "a part has the whole file's shape"
        );
        assert!(split
            .iter()
            .any(|(p, _)| p == "data/jurisdictions/trung-uong.json"));
    }
}
