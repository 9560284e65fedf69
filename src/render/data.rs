//! Machine-readable outputs: `/data/documents.json`, per-page JSON-LD,
//! `/sitemap.xml` and `/atom.xml`.

use serde::Serialize;

use super::markdown::escape;
use crate::config::Config;
use crate::content::model::Section;
use crate::graph::lifecycle::{State, Status};
use crate::graph::{Idx, Library, Link};

#[derive(Serialize)]
struct DataFile<'a> {
    documents: Vec<DataDoc<'a>>,
}

#[derive(Serialize)]
struct DataDoc<'a> {
    id: &'a str,
    url: String,
    stub: bool,
    number: Option<&'a str>,
    #[serde(rename = "type")]
    type_name: Option<&'a str>,
    title: &'a str,
    issuer: Option<&'a str>,
    jurisdiction: Option<&'a str>,
    date: Option<String>,
    basis: Vec<DataLink<'a>>,
    cites: Vec<DataLink<'a>>,
    implemented_by: Vec<&'a str>,
    cited_by: Vec<&'a str>,
    campaigns: Vec<DataCampaign<'a>>,
    short_title: Option<&'a str>,
    status: &'static str,
    amended: bool,
    source: Option<String>,
    replaces: Vec<DataLink<'a>>,
    replaced_by: Vec<&'a str>,
    amends: Vec<DataLink<'a>>,
    amended_by: Vec<&'a str>,
    repeals: Vec<DataLink<'a>>,
    repealed_by: Vec<&'a str>,
}

#[derive(Serialize)]
struct DataLink<'a> {
    text: &'a str,
    number: &'a str,
    date: Option<String>,
    target: &'a str,
}

#[derive(Serialize)]
struct DataCampaign<'a> {
    name: &'a str,
    day: Option<u32>,
    month: u32,
}

fn data_links<'a>(lib: &'a Library, v: &'a [Link]) -> Vec<DataLink<'a>> {
    v.iter()
        .map(|l| DataLink {
            text: &l.text,
            number: &l.number,
            date: l.date.map(|d| d.to_string()),
            target: &lib.nodes[l.target].doc.id,
        })
        .collect()
}

/// `/data/documents.json` as the contract gives it (plans, documents and
/// stubs, by id) for the documents `members`: all of them, or one province's
/// part of a split file ([`super::open_data`]).
pub fn documents_json<'a>(
    lib: &'a Library,
    statuses: &[Status],
    members: impl Iterator<Item = Idx>,
) -> Vec<u8> {
    let ids = |v: &[Idx]| {
        v.iter()
            .map(|&i| lib.nodes[i].doc.id.as_str())
            .collect::<Vec<_>>()
    };
    let links = |v: &'a [Link]| data_links(lib, v);
    let documents = members
        .map(|i| (i, &lib.nodes[i]))
        .filter(|(_, n)| n.doc.section != Section::Campaign)
        .map(|(i, n)| {
            let d = &n.doc;
            DataDoc {
                id: &d.id,
                url: d.url(),
                stub: n.stub,
                number: d.number.as_ref().map(|x| x.display.as_str()),
                type_name: d.type_name.as_deref(),
                title: &d.title,
                issuer: d.issuer.as_deref(),
                jurisdiction: d.jurisdiction.as_deref(),
                date: d.date_iso(),
                basis: links(&lib.basis[i]),
                cites: links(&lib.cites[i]),
                implemented_by: ids(&lib.implemented_by[i]),
                cited_by: ids(&lib.cited_by[i]),
                campaigns: d
                    .campaigns
                    .iter()
                    .map(|c| DataCampaign {
                        name: &c.name,
                        day: match c.when {
                            crate::content::model::When::Day(dm) => Some(dm.day),
                            crate::content::model::When::Month(_) => None,
                        },
                        month: c.when.month(),
                    })
                    .collect(),
                short_title: d.short_title.as_deref(),
                status: statuses[i].state.key(),
                amended: !statuses[i].amended_by.is_empty(),
                source: super::status::source_path(d),
                replaces: links(&lib.relations[i].replaces),
                replaced_by: ids(&lib.relations[i].replaced_by),
                amends: links(&lib.relations[i].amends),
                amended_by: ids(&lib.relations[i].amended_by),
                repeals: links(&lib.relations[i].repeals),
                repealed_by: ids(&lib.relations[i].repealed_by),
            }
        })
        .collect();
    let mut out =
        serde_json::to_vec_pretty(&DataFile { documents }).expect("plain data always serializes");
    out.push(b'\n');
    out
}

/// schema.org `Legislation` for one document, safe to put inside `<script>`.
pub fn jsonld(lib: &Library, i: Idx, cfg: &Config, status: &Status) -> String {
    let d = &lib.nodes[i].doc;
    let mut v = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Legislation",
        "@id": cfg.absolute(&d.url()),
        "url": cfg.absolute(&d.url()),
        "name": d.title,
        "inLanguage": cfg.language,
    });
    let o = v.as_object_mut().expect("built as an object");
    if let Some(n) = &d.number {
        o.insert("legislationIdentifier".into(), n.display.clone().into());
    }
    if let Some(t) = &d.type_name {
        o.insert("legislationType".into(), t.clone().into());
    }
    if let Some(date) = d.date_iso() {
        o.insert("legislationDate".into(), date.into());
    }
    if let Some(t) = &d.short_title {
        o.insert("alternateName".into(), t.clone().into());
    }
    // A repealed, replaced or expired document no longer applies; amended
    // ones still do (schema.org's LegalForceStatus has no "amended").
    let force = match status.state {
        State::InForce => "https://schema.org/InForce",
        _ => "https://schema.org/NotInForce",
    };
    o.insert("legislationLegalForce".into(), force.into());
    if let Some(x) = &d.issuer {
        o.insert(
            "legislationPassedBy".into(),
            serde_json::json!({ "@type": "Organization", "name": x }),
        );
    }
    if let Some(j) = &d.jurisdiction {
        o.insert("legislationJurisdiction".into(), j.clone().into());
    }
    // legislationApplies: "fulfills the objectives set by another legislation,
    // by passing appropriate implementation measures" — exactly a basis entry.
    let applies: Vec<serde_json::Value> = lib.basis[i]
        .iter()
        .map(|l| {
            let t = &lib.nodes[l.target].doc;
            serde_json::json!({ "@type": "Legislation", "@id": cfg.absolute(&t.url()), "name": t.title, "legislationIdentifier": l.number })
        })
        .collect();
    if !applies.is_empty() {
        o.insert("legislationApplies".into(), applies.into());
    }
    let cites: Vec<serde_json::Value> = lib.cites[i]
        .iter()
        .map(|l| cfg.absolute(&lib.nodes[l.target].doc.url()).into())
        .collect();
    if !cites.is_empty() {
        o.insert("citation".into(), cites.into());
    }
    // legislationChanges covers "amendment, replacement, correction, repeal";
    // its sub-properties legislationAmends and legislationRepeals say which.
    // schema.org has no sub-property for replacement: it stays legislationChanges.
    let rel = &lib.relations[i];
    let refs = |v: &[Link]| -> Vec<serde_json::Value> {
        v.iter()
            .map(|l| {
                let t = &lib.nodes[l.target].doc;
                serde_json::json!({ "@type": "Legislation", "@id": cfg.absolute(&t.url()), "name": t.title, "legislationIdentifier": l.number })
            })
            .collect()
    };
    let changes: Vec<serde_json::Value> = refs(&rel.replaces)
        .into_iter()
        .chain(refs(&rel.amends))
        .chain(refs(&rel.repeals))
        .collect();
    if !changes.is_empty() {
        o.insert("legislationChanges".into(), changes.into());
    }
    if !rel.amends.is_empty() {
        o.insert("legislationAmends".into(), refs(&rel.amends).into());
    }
    if !rel.repeals.is_empty() {
        o.insert("legislationRepeals".into(), refs(&rel.repeals).into());
    }
    script_json(&serde_json::to_string(&v).expect("plain data always serializes"))
}

/// JSON text made safe inside a `<script>` element: `<`, `>` and `&` (so no
/// `</script>`, `<!--` or `<script` can change the tokenizer's state and
/// swallow the page) and U+2028/U+2029 (line ends to old JavaScript) as
/// `\u00XX` escapes, which every JSON parser reads back as the same text.
pub fn script_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// `/atom.xml`: the latest plans. `updated` is the newest plan's date, not
/// the clock, so an unchanged site gives an unchanged feed.
pub fn atom(
    cfg: &Config,
    lib: &Library,
    latest: &[Idx],
    descriptions: &dyn Fn(Idx) -> String,
) -> Vec<u8> {
    let updated = latest.iter().filter_map(|&i| lib.nodes[i].doc.date).max();
    let stamp = |d: Option<chrono::NaiveDate>| {
        d.map(|d| format!("{d}T00:00:00Z"))
            .unwrap_or_else(|| "1970-01-01T00:00:00Z".into())
    };
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"");
    s.push_str(&escape(&cfg.language));
    s.push_str("\">\n  <title>");
    s.push_str(&escape(&cfg.title));
    s.push_str("</title>\n  <id>");
    s.push_str(&escape(&cfg.absolute("/")));
    s.push_str("</id>\n  <link rel=\"self\" href=\"");
    s.push_str(&escape(&cfg.absolute("/atom.xml")));
    s.push_str("\"/>\n  <link href=\"");
    s.push_str(&escape(&cfg.absolute("/")));
    s.push_str("\"/>\n  <updated>");
    s.push_str(&stamp(updated));
    s.push_str("</updated>\n  <author><name>");
    s.push_str(&escape(&cfg.publisher));
    s.push_str("</name></author>\n");
    for &i in latest {
        let d = &lib.nodes[i].doc;
        let url = escape(&cfg.absolute(&d.url()));
        s.push_str("  <entry>\n    <title>");
        s.push_str(&escape(&d.title));
        s.push_str("</title>\n    <id>");
        s.push_str(&url);
        s.push_str("</id>\n    <link href=\"");
        s.push_str(&url);
        s.push_str("\"/>\n    <updated>");
        s.push_str(&stamp(d.date));
        s.push_str("</updated>\n");
        if let Some(x) = &d.issuer {
            s.push_str("    <author><name>");
            s.push_str(&escape(x));
            s.push_str("</name></author>\n");
        }
        s.push_str("    <summary>");
        s.push_str(&escape(&descriptions(i)));
        s.push_str("</summary>\n  </entry>\n");
    }
    s.push_str("</feed>\n");
    s.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::script_json;

    #[test]
    fn json_in_script_escapes_what_html_or_old_javascript_would_read() {
        let title = "<!--<script> A & B </script>\u{2028}\u{2029}";
        let json = serde_json::to_string(&serde_json::json!({ "name": title })).unwrap();
        let safe = script_json(&json);
        assert_eq!(
            safe,
            r#"{"name":"\u003c!--\u003cscript\u003e A \u0026 B \u003c/script\u003e\u2028\u2029"}"#
        );
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["name"], title, "the JSON still means the same");
    }
}
